/*
 * funcapi.h — writing set-returning functions (PostgreSQL's funcapi.h
 * API: same names, same protocol).
 *
 * A set-returning function (pg_proc.proretset) is called once per row it
 * returns, with a ReturnSetInfo in fcinfo->resultinfo.  Tusk's executor
 * (FunctionScan, ProjectSet) offers the "value per call" mode: each call
 * returns one value and sets rsinfo->isDone to ExprMultipleResult, or
 * sets ExprEndResult when the set is exhausted (the value is then
 * ignored).  State kept between calls lives in a FuncCallContext, which
 * the SRF_* macros keep in flinfo->fn_extra:
 *
 *     if (SRF_IS_FIRSTCALL())
 *     {
 *         funcctx = SRF_FIRSTCALL_INIT();
 *         ... allocate state in funcctx->multi_call_memory_ctx ...
 *     }
 *     funcctx = SRF_PERCALL_SETUP();
 *     if (more)
 *         SRF_RETURN_NEXT(funcctx, value);
 *     SRF_RETURN_DONE(funcctx);
 *
 * The multi-call memory context lives until SRF_RETURN_DONE, or until the
 * executor abandons the set (a LIMIT, a rescan, the end of the query).
 * The materialize mode (a tuplestore returned in setResult) is not offered:
 * allowedModes never has SFRM_Materialize.
 */
#ifndef TUSK_FUNCAPI_H
#define TUSK_FUNCAPI_H

#include "fmgr.h"
#include "access/tupdesc.h"
#include "nodes/execnodes.h"

/* What one call of a set-returning function says about the set. */
typedef enum ExprDoneCond
{
	ExprSingleResult,	/* not a set: the value is the whole result */
	ExprMultipleResult, /* this value is one row; call again */
	ExprEndResult		/* no more rows; the value means nothing */
} ExprDoneCond;

/* The ways a set may be returned (bits of allowedModes). */
typedef enum SetFunctionReturnMode
{
	SFRM_ValuePerCall = 0x01,
	SFRM_Materialize = 0x02,
	SFRM_Materialize_Random = 0x04,
	SFRM_Materialize_Preferred = 0x08
} SetFunctionReturnMode;

/* fcinfo->resultinfo of a set-returning function's call. */
typedef struct ReturnSetInfo
{
	NodeTag type;
	ExprContext *econtext;			   /* the calling node's context */
	TupleDesc expectedDesc;			   /* the row type the caller wants, or NULL */
	int allowedModes;				   /* SetFunctionReturnMode bits the caller accepts */
	SetFunctionReturnMode returnMode;  /* set by the function */
	ExprDoneCond isDone;			   /* set by the function in value-per-call mode */
	struct Tuplestorestate *setResult; /* materialize mode (not offered by Tusk) */
	TupleDesc setDesc;
} ReturnSetInfo;

typedef struct AttInMetadata AttInMetadata;

/* A set-returning function's state across its calls. */
typedef struct FuncCallContext
{
	uint64 call_cntr; /* calls so far (SRF_RETURN_NEXT counts them) */
	uint64 max_calls; /* for the function's own use */
	void *user_fctx;  /* the function's state */
	AttInMetadata *attinmeta;
	MemoryContext multi_call_memory_ctx; /* lives until the set is done */
	TupleDesc tuple_desc;
} FuncCallContext;

#ifdef __cplusplus
extern "C" {
#endif

/* The first call: a new FuncCallContext and its memory context. */
extern FuncCallContext *init_MultiFuncCall(FunctionCallInfo fcinfo);
/* Every call: the FuncCallContext made by the first. */
extern FuncCallContext *per_MultiFuncCall(FunctionCallInfo fcinfo);
/* The last call: frees the FuncCallContext and its memory. */
extern void end_MultiFuncCall(FunctionCallInfo fcinfo, FuncCallContext *funcctx);

/* The name of the function's only OUT (or INOUT, TABLE) parameter, or
 * NULL when it has none, several, or it is unnamed. */
extern char *get_func_result_name(Oid functionId);

#ifdef __cplusplus
}
#endif

#define SRF_IS_FIRSTCALL() (fcinfo->flinfo->fn_extra == NULL)
#define SRF_FIRSTCALL_INIT() init_MultiFuncCall(fcinfo)
#define SRF_PERCALL_SETUP() per_MultiFuncCall(fcinfo)

#define SRF_RETURN_NEXT(_funcctx, _result) \
	do \
	{ \
		ReturnSetInfo *rsi; \
		(_funcctx)->call_cntr++; \
		rsi = (ReturnSetInfo *) fcinfo->resultinfo; \
		rsi->isDone = ExprMultipleResult; \
		PG_RETURN_DATUM(_result); \
	} while (0)

#define SRF_RETURN_NEXT_NULL(_funcctx) \
	do \
	{ \
		ReturnSetInfo *rsi; \
		(_funcctx)->call_cntr++; \
		rsi = (ReturnSetInfo *) fcinfo->resultinfo; \
		rsi->isDone = ExprMultipleResult; \
		PG_RETURN_NULL(); \
	} while (0)

#define SRF_RETURN_DONE(_funcctx) \
	do \
	{ \
		ReturnSetInfo *rsi; \
		end_MultiFuncCall(fcinfo, _funcctx); \
		rsi = (ReturnSetInfo *) fcinfo->resultinfo; \
		rsi->isDone = ExprEndResult; \
		PG_RETURN_NULL(); \
	} while (0)

#endif /* TUSK_FUNCAPI_H */
