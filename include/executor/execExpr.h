/*
 * executor/execExpr.h — the step program an expression compiles to.
 *
 * ExecInitExpr walks an expression tree once, when the plan starts, and
 * emits steps into ExprState.steps; ExecInterpExpr runs them per row in
 * one loop.  Each step writes its result to resvalue and resnull, which
 * point where the consumer wants it: the argument slot of the function
 * call that uses it, a column of the projection's result slot, or the
 * ExprState's own result.  So no step allocates, looks anything up or
 * walks a tree at run time; function calls go through a FunctionCallInfo
 * built at compile time.
 */
#ifndef TUSK_EXECUTOR_EXECEXPR_H
#define TUSK_EXECUTOR_EXECEXPR_H

#include "nodes/execnodes.h"

typedef enum ExprEvalOp
{
	EEOP_DONE,
	/* deform the scan/inner/outer row up to d.fetch.last_var */
	EEOP_INNER_FETCHSOME,
	EEOP_OUTER_FETCHSOME,
	EEOP_SCAN_FETCHSOME,
	/* a column of the scan/inner/outer row */
	EEOP_INNER_VAR,
	EEOP_OUTER_VAR,
	EEOP_SCAN_VAR,
	EEOP_SCAN_SYSVAR,
	/* the current result to column d.assign.resultnum of the result slot */
	EEOP_ASSIGN_TMP,
	EEOP_ASSIGN_TMP_MAKE_RO, /* the same, for a by-reference value */
	EEOP_CONST,
	EEOP_FUNCEXPR,
	EEOP_FUNCEXPR_STRICT,
	/* AND/OR: d.boolexpr.jumpdone ends early */
	EEOP_BOOL_AND_STEP_FIRST,
	EEOP_BOOL_AND_STEP,
	EEOP_BOOL_AND_STEP_LAST,
	EEOP_BOOL_OR_STEP_FIRST,
	EEOP_BOOL_OR_STEP,
	EEOP_BOOL_OR_STEP_LAST,
	EEOP_BOOL_NOT_STEP,
	/* a qual: stop with false unless the value is true */
	EEOP_QUAL,
	EEOP_JUMP,
	EEOP_JUMP_IF_NULL,
	EEOP_JUMP_IF_NOT_NULL,
	EEOP_JUMP_IF_NOT_TRUE,
	EEOP_NULLTEST_ISNULL,
	EEOP_NULLTEST_ISNOTNULL,
	EEOP_BOOLTEST_IS_TRUE,
	EEOP_BOOLTEST_IS_NOT_TRUE,
	EEOP_BOOLTEST_IS_FALSE,
	EEOP_BOOLTEST_IS_NOT_FALSE,
	EEOP_PARAM_EXTERN,
	EEOP_PARAM_EXEC,
	/* a SubPlan: run (or reuse) its subplan */
	EEOP_SUBPLAN,
	/* CoerceViaIO: output function then input function */
	EEOP_IOCOERCE,
	/* IS DISTINCT FROM / NULLIF over an "=" function */
	EEOP_DISTINCT,
	EEOP_NOT_DISTINCT,
	EEOP_NULLIF,
	/* a value of a CASE test / COALESCE: move and jump */
	EEOP_CASE_TESTVAL,
	/* an Agg node's result for aggregate d.aggref.aggno, or a WindowAgg's for its
	 * window function number d.aggref.aggno */
	EEOP_AGGREF,
	EEOP_MAKE_READONLY,
	EEOP_ARRAYEXPR,		/* ExecEvalArrayExpr */
	EEOP_SCALARARRAYOP, /* ExecEvalScalarArrayOp */
	/* container[…]: check the subscripts (false: NULL result, jump to
	 * d.sbsref_subscript.jumpdone), then fetch or assign through the
	 * type's subscripting handler's functions */
	EEOP_ARRAYCOERCE, /* ExecEvalArrayCoerce */
	EEOP_SBSREF_SUBSCRIPTS,
	EEOP_SBSREF_FETCH,
	EEOP_SBSREF_ASSIGN,
	EEOP_MINMAX,				/* ExecEvalMinMax */
	EEOP_WHOLEROW,				/* ExecEvalWholeRowVar */
	EEOP_ROW,					/* ExecEvalRow */
	EEOP_FIELDSELECT,			/* ExecEvalFieldSelect */
	EEOP_NULLTEST_ROWISNULL,	/* ExecEvalRowNullTest */
	EEOP_NULLTEST_ROWISNOTNULL, /* ExecEvalRowNullTest */
	EEOP_ROWCOMPARE_STEP,		/* one pair of a RowCompareExpr */
	EEOP_ROWCOMPARE_FINAL,		/* the last comparison's result as a bool */
	EEOP_DOMAIN_NOTNULL,		/* a NULL in resvalue violates the domain */
	EEOP_DOMAIN_CHECK,			/* a false check result violates the domain */
	EEOP_LAST
} ExprEvalOp;

struct ExprEvalStep;

/* A step function of a subscripting handler; the bool one says whether
 * to go on (false: the result is NULL). */
typedef void (*ExecEvalSubroutine)(ExprState *state, struct ExprEvalStep *op,
								   ExprContext *econtext);
typedef bool (*ExecEvalBoolSubroutine)(ExprState *state, struct ExprEvalStep *op,
									   ExprContext *econtext);

/* What the steps of one SubscriptingRef share: the subscripts as
 * evaluated (provided false: an omitted slice bound), the value to
 * assign, and the handler's own workspace.  The container is in the
 * step's resvalue/resnull, and the result goes there too. */
typedef struct SubscriptingRefState
{
	bool isassignment;
	void *workspace;
	int numupper;
	bool *upperprovided;
	Datum *upperindex;
	bool *upperindexnull;
	int numlower; /* 0 unless a slice */
	bool *lowerprovided;
	Datum *lowerindex;
	bool *lowerindexnull;
	Datum replacevalue;
	bool replacenull;
} SubscriptingRefState;

/* The step functions a handler's exec_setup fills in. */
typedef struct SubscriptExecSteps
{
	ExecEvalBoolSubroutine sbs_check_subscripts;
	ExecEvalSubroutine sbs_fetch;
	ExecEvalSubroutine sbs_assign;
} SubscriptExecSteps;

typedef struct ExprEvalStep
{
	intptr_t opcode;
	Datum *resvalue;
	bool *resnull;
	union
	{
		struct
		{
			int last_var;
		} fetch;
		struct
		{
			int attnum; /* 0-based */
		} var;
		struct
		{
			int attnum; /* system column number (< 0) */
		} sysvar;
		struct
		{
			int resultnum;
		} assign;
		struct
		{
			Datum value;
			bool isnull;
		} constval;
		struct
		{
			FmgrInfo *finfo;
			FunctionCallInfo fcinfo_data;
			PGFunction fn_addr;
			int nargs;
		} func;
		struct
		{
			bool *anynull;
			int jumpdone;
		} boolexpr;
		struct
		{
			int jumpdone;
		} qualexpr;
		struct
		{
			int jumpdone;
		} jump;
		struct
		{
			int paramid;
			Oid paramtype;
		} param;
		struct
		{
			FmgrInfo *finfo_out;
			FunctionCallInfo fcinfo_data_out;
			FmgrInfo *finfo_in;
			FunctionCallInfo fcinfo_data_in;
		} iocoerce;
		struct
		{
			Datum *value;
			bool *isnull;
		} casetest;
		struct
		{
			int aggno;
		} aggref;
		struct
		{
			struct SubPlanState *sstate;
		} subplan;
		struct
		{
			Datum *elemvalues; /* the elements, evaluated before the step */
			bool *elemnulls;
			int nelems;
			Oid elemtype;
			int16 elemlength;
			bool elembyval;
			char elemalign;
			bool multidims; /* the elements are arrays: stack them */
		} arrayexpr;
		struct
		{
			/* the scalar is in fcinfo_data->args[0], the array in resvalue */
			bool useOr;
			int16 typlen;
			bool typbyval;
			char typalign;
			FmgrInfo *finfo;
			FunctionCallInfo fcinfo_data;
			PGFunction fn_addr;
		} scalararrayop;
		struct
		{
			ExprState *elemexprstate; /* one element, read as *elemvalue */
			Datum *elemvalue;
			bool *elemnull;
			Oid resultelemtype;
			int16 resultelemlength;
			bool resultelembyval;
			char resultelemalign;
		} arraycoerce;
		struct
		{
			ExecEvalBoolSubroutine subscriptfunc;
			SubscriptingRefState *state;
			int jumpdone;
		} sbsref_subscript;
		struct
		{
			ExecEvalSubroutine subscriptfunc;
			SubscriptingRefState *state;
		} sbsref;
		struct
		{
			Datum *values; /* the arguments, evaluated before the step */
			bool *nulls;
			int nelems;
			bool greatest;
			/* the type's "<", called with two arguments */
			FunctionCallInfo fcinfo_data;
			PGFunction fn_addr;
		} minmax;
		struct
		{
			int varno;		   /* INNER_VAR, OUTER_VAR, or a scan's range-table index */
			Oid vartype;	   /* the row type, or RECORDOID */
			TupleDesc tupdesc; /* the value's descriptor, made at the first row */
		} wholerow;
		struct
		{
			/* the value is in resvalue/resnull; a CHECK's result in
			 * checkvalue/checknull */
			const char *constraintname;
			Datum *checkvalue;
			bool *checknull;
			Oid resulttype; /* the domain, for the message */
		} domaincheck;
		struct
		{
			TupleDesc tupdesc; /* the row type (blessed when anonymous) */
			Datum *elemvalues; /* the columns, evaluated before the step */
			bool *elemnulls;
		} row;
		struct
		{
			/* the composite value is in resvalue/resnull; for field
			 * selection the result replaces it.  The descriptor of the
			 * last row type seen is kept. */
			AttrNumber fieldnum;
			Oid resulttype;
			Oid argtype;
			int32 argtypmod;
			TupleDesc argdesc;
		} fieldselect;
		struct
		{
			/* arguments in fcinfo_data; a NULL one or an unequal pair
			 * jumps (to jumpnull with NULL, to jumpdone with the result) */
			FmgrInfo *finfo;
			FunctionCallInfo fcinfo_data;
			PGFunction fn_addr;
			int jumpnull;
			int jumpdone;
		} rowcompare_step;
		struct
		{
			int rctype; /* RowCompareType */
		} rowcompare_final;
	} d;
} ExprEvalStep;

#ifdef __cplusplus
extern "C" {
#endif

extern Datum ExecInterpExpr(ExprState *state, ExprContext *econtext, bool *isnull);

/* Steps too big for the interpreter loop (execExprArray.cpp). */
extern void ExecEvalArrayExpr(ExprEvalStep *op);
extern void ExecEvalScalarArrayOp(ExprEvalStep *op);
extern void ExecEvalArrayCoerce(ExprEvalStep *op, ExprContext *econtext);
extern void ExecEvalMinMax(ExprEvalStep *op);

/* Composite values (execExprRow.cpp). */
extern void ExecEvalWholeRowVar(ExprEvalStep *op, ExprContext *econtext);
extern void ExecEvalRow(ExprEvalStep *op);
extern void ExecEvalFieldSelect(ExprEvalStep *op, ExprContext *econtext);
extern void ExecEvalRowNullTest(ExprEvalStep *op, ExprContext *econtext);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_EXECUTOR_EXECEXPR_H */
