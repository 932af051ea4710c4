/*
 * executor/spi.h — the Server Programming Interface: SQL from C code
 * running inside the server (a background worker connected to a database,
 * a C function), with PostgreSQL 15's names, signatures and semantics.
 *
 * SPI_connect opens a connection (connections stack: SPI code may call
 * code that connects again); SPI_execute and friends run statements
 * through the ordinary pipeline (parser, analyzer, planner, executor) and
 * leave the last statement's rows in SPI_tuptable and its row count in
 * SPI_processed; SPI_finish closes the connection.  Statements run in
 * the caller's transaction: a worker starts one (StartTransactionCommand)
 * and pushes a snapshot (PushActiveSnapshot(GetTransactionSnapshot()))
 * first.
 *
 * Memory: SPI_connect switches to the connection's procedure context;
 * what is palloc'd there, and every SPI_tuptable, is freed by SPI_finish
 * (or the end of the transaction).  SPI_palloc, SPI_copytuple allocate in
 * the context that was current at SPI_connect, which outlives SPI_finish.
 *
 * Errors raised by a statement propagate (as Tusk's ereport does); the
 * end of the transaction (AbortCurrentTransaction) closes the connections
 * left open (the end of a subtransaction, those opened inside it).  Not
 * supported yet (0A000): scrollable and backward cursor
 * movement, non-atomic connections (SPI_commit/SPI_rollback), ephemeral
 * named relations and trigger data.
 *
 * See doc/spi.md for a guide.
 */
#ifndef TUSK_EXECUTOR_SPI_H
#define TUSK_EXECUTOR_SPI_H

#include "access/htup.h"
#include "access/tupdesc.h"
#include "nodes/params.h"
#include "nodes/parsenodes.h"
#include "utils/portal.h"
#include "utils/relcache.h"

/* The rows of the last statement (or fetch). */
typedef struct SPITupleTable
{
	/* Public members */
	TupleDesc tupdesc; /* the rows' shape */
	HeapTuple *vals;   /* the rows */
	uint64 numvals;	   /* how many */
	/* Private members, not for callers */
	uint64 alloced;				/* length of vals */
	MemoryContext tuptabcxt;	/* holds all of it */
	struct SPITupleTable *next; /* the connection's other tables */
	SubTransactionId subid;		/* the subtransaction that made it */
} SPITupleTable;

/* Plans are opaque to SPI's users. */
/* NOLINTNEXTLINE(bugprone-reserved-identifier): PostgreSQL's name, which modules may use */
typedef struct _SPI_plan *SPIPlanPtr;

#define SPI_ERROR_CONNECT (-1)
#define SPI_ERROR_COPY (-2)
#define SPI_ERROR_OPUNKNOWN (-3)
#define SPI_ERROR_UNCONNECTED (-4)
#define SPI_ERROR_CURSOR (-5) /* not used anymore */
#define SPI_ERROR_ARGUMENT (-6)
#define SPI_ERROR_PARAM (-7)
#define SPI_ERROR_TRANSACTION (-8)
#define SPI_ERROR_NOATTRIBUTE (-9)
#define SPI_ERROR_NOOUTFUNC (-10)
#define SPI_ERROR_TYPUNKNOWN (-11)
#define SPI_ERROR_REL_DUPLICATE (-12)
#define SPI_ERROR_REL_NOT_FOUND (-13)

#define SPI_OK_CONNECT 1
#define SPI_OK_FINISH 2
#define SPI_OK_FETCH 3
#define SPI_OK_UTILITY 4
#define SPI_OK_SELECT 5
#define SPI_OK_SELINTO 6
#define SPI_OK_INSERT 7
#define SPI_OK_DELETE 8
#define SPI_OK_UPDATE 9
#define SPI_OK_CURSOR 10
#define SPI_OK_INSERT_RETURNING 11
#define SPI_OK_DELETE_RETURNING 12
#define SPI_OK_UPDATE_RETURNING 13
#define SPI_OK_REWRITTEN 14
#define SPI_OK_REL_REGISTER 15
#define SPI_OK_REL_UNREGISTER 16
#define SPI_OK_TD_REGISTER 17
#define SPI_OK_MERGE 18

#define SPI_OPT_NONATOMIC (1 << 0)

/* No-ops kept for old code, as in PostgreSQL. */
#define SPI_push() ((void) 0)
#define SPI_pop() ((void) 0)
#define SPI_push_conditional() false
#define SPI_pop_conditional(pushed) ((void) 0)
#define SPI_restore_connection() ((void) 0)

#ifdef __cplusplus
extern "C" {
#endif

/* The last statement's row count, rows (or NULL) and, for the functions
 * returning a pointer, the error code when they return NULL. */
extern PGDLLIMPORT uint64 SPI_processed;
extern PGDLLIMPORT SPITupleTable *SPI_tuptable;
extern PGDLLIMPORT int SPI_result;

/* SPI_OK_CONNECT; SPI_OPT_NONATOMIC is refused (0A000) for now. */
extern int SPI_connect(void);
extern int SPI_connect_ext(int options);
/* SPI_OK_FINISH, or SPI_ERROR_UNCONNECTED. */
extern int SPI_finish(void);

/* Run the statements of src; tcount > 0 stops each after that many rows.
 * read_only: no statement may change data (0A000), and all see the
 * caller's active snapshot. */
extern int SPI_execute(const char *src, bool read_only, long tcount);
extern int SPI_exec(const char *src, long tcount);
/* With $1 … $nargs of types argtypes; Nulls[i] 'n' for NULL, ' ' not
 * (Nulls NULL: none is). */
extern int SPI_execute_with_args(const char *src, int nargs, Oid *argtypes, Datum *Values,
								 const char *Nulls, bool read_only, long tcount);

/* Prepared statements: analyzed now, planned (and re-planned after DDL)
 * through the plan cache.  NULL with SPI_result set on failure. */
extern SPIPlanPtr SPI_prepare(const char *src, int nargs, Oid *argtypes);
extern SPIPlanPtr SPI_prepare_cursor(const char *src, int nargs, Oid *argtypes, int cursorOptions);
extern int SPI_execute_plan(SPIPlanPtr plan, Datum *Values, const char *Nulls, bool read_only,
							long tcount);
extern int SPI_execp(SPIPlanPtr plan, Datum *Values, const char *Nulls, long tcount);
/* Keep the plan past SPI_finish and the transaction (until SPI_freeplan). */
extern int SPI_keepplan(SPIPlanPtr plan);
extern int SPI_freeplan(SPIPlanPtr plan);
extern int SPI_getargcount(SPIPlanPtr plan);
extern Oid SPI_getargtypeid(SPIPlanPtr plan, int argIndex);
extern bool SPI_is_cursor_plan(SPIPlanPtr plan);
extern bool SPI_plan_is_valid(SPIPlanPtr plan);

/* "SPI_OK_SELECT", … */
extern const char *SPI_result_code_string(int code);

/* Reading results. */
extern HeapTuple SPI_copytuple(HeapTuple tuple);
extern int SPI_fnumber(TupleDesc tupdesc, const char *fname);
extern char *SPI_fname(TupleDesc tupdesc, int fnumber);
extern char *SPI_getvalue(HeapTuple tuple, TupleDesc tupdesc, int fnumber);
extern Datum SPI_getbinval(HeapTuple tuple, TupleDesc tupdesc, int fnumber, bool *isnull);
extern char *SPI_gettype(TupleDesc tupdesc, int fnumber);
extern Oid SPI_gettypeid(TupleDesc tupdesc, int fnumber);
extern char *SPI_getrelname(Relation rel);
extern char *SPI_getnspname(Relation rel);

/* Memory in the context current at SPI_connect (outliving SPI_finish). */
extern void *SPI_palloc(Size size);
extern void *SPI_repalloc(void *pointer, Size size);
extern void SPI_pfree(void *pointer);
extern Datum SPI_datumTransfer(Datum value, bool typByVal, int typLen);
extern void SPI_freetuple(HeapTuple pointer);
extern void SPI_freetuptable(SPITupleTable *tuptable);

/* Cursors: portals running a prepared SELECT (or … RETURNING), fetched
 * in pieces; name NULL gives a new unique name. */
extern Portal SPI_cursor_open(const char *name, SPIPlanPtr plan, Datum *Values, const char *Nulls,
							  bool read_only);
extern Portal SPI_cursor_open_with_args(const char *name, const char *src, int nargs, Oid *argtypes,
										Datum *Values, const char *Nulls, bool read_only,
										int cursorOptions);
extern Portal SPI_cursor_find(const char *name);
/* Up to count rows (FETCH_ALL: all) into SPI_tuptable; forward only. */
extern void SPI_cursor_fetch(Portal portal, bool forward, long count);
extern void SPI_cursor_move(Portal portal, bool forward, long count);
extern void SPI_cursor_close(Portal portal);

/* The end of the transaction (access/xact): close connections left
 * open, with a WARNING at commit. */
extern void AtEOXact_SPI(bool isCommit);
/* The end of subtransaction mySubid: the same for connections opened in
 * it; at abort, also the results it left in the connection around it. */
extern void AtEOSubXact_SPI(bool isCommit, SubTransactionId mySubid);
extern bool SPI_inside_nonatomic_context(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_EXECUTOR_SPI_H */
