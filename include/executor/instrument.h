/*
 * executor/instrument.h — what EXPLAIN ANALYZE counts per plan node
 * (PostgreSQL's Instrumentation, reduced to what Tusk measures).
 *
 * When a query runs with instrumentation (QueryDesc.instrument_options,
 * so estate->es_instrument), ExecInitNode gives every PlanState an
 * Instrumentation and routes its ExecProcNode through a wrapper
 * (execProcnode.cpp) that counts rows and, with INSTRUMENT_TIMER, reads
 * the monotonic clock around each call.  Nothing is counted or timed
 * otherwise: the wrapper is not installed.
 *
 * A loop is one scan of the node, from its first call after
 * initialization or a rescan to the next rescan or the end; rows and
 * times are summed over loops and EXPLAIN divides by loops, as
 * PostgreSQL does.  Buffer and WAL usage are not counted (no
 * INSTRUMENT_BUFFERS / INSTRUMENT_WAL yet).
 */
#ifndef TUSK_EXECUTOR_INSTRUMENT_H
#define TUSK_EXECUTOR_INSTRUMENT_H

#include "c.h"

/* QueryDesc.instrument_options bits (PostgreSQL's values). */
#define INSTRUMENT_TIMER (1 << 0)
#define INSTRUMENT_ROWS (1 << 2)

typedef struct Instrumentation
{
	bool need_timer;	/* read the clock around each call */
	bool running;		/* a loop is under way */
	bool first_seen;	/* this loop has returned (or ended) once */
	double loop_time;	/* seconds spent in this loop so far */
	double loop_tuples; /* rows this loop returned */
	double startup;		/* seconds to each loop's first result, summed */
	double total;		/* seconds of all loops */
	double ntuples;		/* rows of all loops */
	double nloops;		/* loops finished */
	double nfiltered1;	/* rows a Filter (or Join Filter) removed */
	double nfiltered2;	/* rows a join's Filter removed */
	double ntuples2;	/* ON CONFLICT: proposed rows that conflicted */
} Instrumentation;

/* Count rows a node's quals rejected (no-op without instrumentation). */
#define InstrCountFiltered1(node, delta) \
	do \
	{ \
		if (((PlanState *) (node))->instrument != nullptr) \
			((PlanState *) (node))->instrument->nfiltered1 += (delta); \
	} while (0)
#define InstrCountTuples2(node, delta) \
	do \
	{ \
		if (((PlanState *) (node))->instrument != nullptr) \
			((PlanState *) (node))->instrument->ntuples2 += (delta); \
	} while (0)
#define InstrCountFiltered2(node, delta) \
	do \
	{ \
		if (((PlanState *) (node))->instrument != nullptr) \
			((PlanState *) (node))->instrument->nfiltered2 += (delta); \
	} while (0)

#ifdef __cplusplus
extern "C" {
#endif

/* End the current loop of a node's instrumentation, adding it to the
 * totals (a rescan and EXPLAIN call it). */
extern void InstrEndLoop(Instrumentation *instr);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_EXECUTOR_INSTRUMENT_H */
