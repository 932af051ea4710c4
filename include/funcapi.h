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
#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "nodes/execnodes.h"
#include "utils/typcache.h"

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

/* What BuildTupleFromCStrings needs to make a row of tupdesc from text:
 * each column's input function, I/O parameter and typmod. */
typedef struct AttInMetadata
{
	TupleDesc tupdesc;
	FmgrInfo *attinfuncs;
	Oid *attioparams;
	int32 *atttypmods;
} AttInMetadata;

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

/* What a function returns, as get_call_result_type sees it. */
typedef enum TypeFuncClass
{
	TYPEFUNC_SCALAR,		   /* a scalar (base, enum, domain over scalar, …) */
	TYPEFUNC_COMPOSITE,		   /* a row whose columns are known */
	TYPEFUNC_COMPOSITE_DOMAIN, /* a domain over a row type (not produced by Tusk) */
	TYPEFUNC_RECORD,		   /* "record" whose columns the call does not fix */
	TYPEFUNC_OTHER			   /* void, cstring, internal, … */
} TypeFuncClass;

/* The result type of the function fcinfo calls, and, for a row, its
 * TupleDesc (palloc'd in CurrentMemoryContext; not blessed): a composite
 * type's columns, the function's OUT parameters, or the column definition
 * list of the call (rsinfo->expectedDesc).  A polymorphic result is
 * resolved from the calling expression.  Either out pointer may be NULL. */
extern TypeFuncClass get_call_result_type(FunctionCallInfo fcinfo, Oid *resultTypeId,
										  TupleDesc *resultTupleDesc);
/* The same for a function by OID, with no call to look at. */
extern TypeFuncClass get_func_result_type(Oid functionId, Oid *resultTypeId,
										  TupleDesc *resultTupleDesc);

/* The input functions of tupdesc's columns (palloc'd in
 * CurrentMemoryContext; tupdesc is kept, not copied). */
extern AttInMetadata *TupleDescGetAttInMetadata(TupleDesc tupdesc);
/* A row from one C string per column (NULL for a NULL column), each read
 * by its type's input function. */
extern HeapTuple BuildTupleFromCStrings(AttInMetadata *attinmeta, char **values);

/* A tuple made by heap_form_tuple as a composite Datum: the tuple's own
 * memory, its header carrying the row type heap_form_tuple was given
 * (bless an anonymous record's TupleDesc first, BlessTupleDesc). */
extern Datum HeapTupleHeaderGetDatum(HeapTupleHeader tuple);
#define HeapTupleGetDatum(tuple) HeapTupleHeaderGetDatum((tuple)->t_data)

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
