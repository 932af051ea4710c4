/*
 * nodes/execnodes.h — the executor's run-time state: one PlanState per
 * Plan node, the EState of a whole query, and compiled expressions.
 *
 * These nodes are made by ExecInitNode from a plan and live in the
 * query's memory context (es_query_cxt); they are never copied or
 * serialized, so they are plain structs with a tag (nodetags.h,
 * TUSK_TAG_ONLY_NODES).  Each PlanState's ExecProcNode returns its next
 * row as a slot, or NULL at the end: the demand-pull model of
 * PostgreSQL's executor.
 */
#ifndef TUSK_NODES_EXECNODES_H
#define TUSK_NODES_EXECNODES_H

#include "access/htup.h"
#include "access/tupdesc.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "nodes/params.h"
#include "nodes/plannodes.h"
#include "utils/rel.h"
#include "utils/snapshot.h"

typedef struct ExprState ExprState;
typedef struct ExprContext ExprContext;
typedef struct PlanState PlanState;
typedef struct EState EState;

/* A PARAM_EXEC slot: set by a SubPlan from its args before the subplan
 * runs, or by a subplan row for x op ANY/ALL (SELECT …). */
typedef struct ParamExecData
{
	Datum value;
	bool isnull;
} ParamExecData;

/* What expressions of one plan node evaluate against: the current rows
 * of its scan, outer and inner inputs, and memory reset once per row. */
struct ExprContext
{
	NodeTag type;
	TupleTableSlot *ecxt_scantuple;
	TupleTableSlot *ecxt_innertuple;
	TupleTableSlot *ecxt_outertuple;
	MemoryContext ecxt_per_query_memory;
	MemoryContext ecxt_per_tuple_memory; /* reset before each row */
	ParamListInfo ecxt_param_list_info;
	EState *ecxt_estate;
	/* An Agg node's finished aggregate values, read by Aggref steps. */
	Datum *ecxt_aggvalues;
	bool *ecxt_aggnulls;
};

/* A compiled expression: a flat program of steps (executor/execExpr.h),
 * evaluated by one interpreter loop, no tree walking per row. */
struct ExprState
{
	NodeTag type;
	uint8 flags;
	bool resnull; /* the result, when the last step leaves it here */
	Datum resvalue;
	TupleTableSlot *resultslot; /* projections write their columns here */
	struct ExprEvalStep *steps;
	int steps_len;
	int steps_alloc;
	PlanState *parent;
	Expr *expr; /* for messages */
};

/* A projection: the node's target list compiled to write its result slot. */
typedef struct ProjectionInfo
{
	NodeTag type;
	ExprState pi_state;
	ExprContext *pi_exprContext;
} ProjectionInfo;

typedef TupleTableSlot *(*ExecProcNodeMtd)(PlanState *pstate);

struct PlanState
{
	NodeTag type;
	Plan *plan;
	EState *state;
	ExecProcNodeMtd ExecProcNode;
	ExprState *qual;
	PlanState *lefttree;
	PlanState *righttree;
	TupleTableSlot *ps_ResultTupleSlot;
	ExprContext *ps_ExprContext;
	ProjectionInfo *ps_ProjInfo;
	TupleDesc ps_ResultTupleDesc;
	/* EXPLAIN ANALYZE: rows and loops */
	double instr_rows;
	double instr_loops;
	/* With instrumentation (executor/instrument.h): the counters, and
	 * the node's own ExecProcNode, which the counting wrapper calls. */
	struct Instrumentation *instrument;
	ExecProcNodeMtd ExecProcNodeReal;
};

#define outerPlanState(node) (((PlanState *) (node))->lefttree)
#define innerPlanState(node) (((PlanState *) (node))->righttree)

typedef struct ScanState
{
	PlanState ps;
	Relation ss_currentRelation;
	struct HeapScanDescData *ss_currentScanDesc;
	TupleTableSlot *ss_ScanTupleSlot;
} ScanState;

typedef struct SeqScanState
{
	ScanState ss;
} SeqScanState;

/* An index scan (nodeIndexscan.cpp): the index, its B-tree scan, the
 * scan keys — those whose argument is computed at run time (a Param, an
 * expression) are evaluated at scan start and rescan. */
typedef struct IndexScanState
{
	ScanState ss;
	Relation iss_RelationDesc;
	struct BTScanData *iss_ScanDesc;
	struct ScanKeyData *iss_ScanKeys;
	int iss_NumScanKeys;
	struct IndexRuntimeKeyInfo *iss_RuntimeKeys;
	int iss_NumRuntimeKeys;
	bool iss_RuntimeKeysReady;
	ExprContext *iss_RuntimeContext;
	int iss_Direction;		  /* ScanDirection */
	ExprState *indexqualorig; /* the index conditions on a row, for EvalPlanQual */
} IndexScanState;

typedef struct ValuesScanState
{
	ScanState ss;
	ExprContext *rowcontext;
	List **exprlists; /* per row: its compiled expressions (ExprState *) */
	int array_len;
	int curr_idx;
} ValuesScanState;

typedef struct ResultState
{
	PlanState ps;
	ExprState *resconstantqual;
	bool rs_done;
	bool rs_checkqual;
} ResultState;

typedef struct ResultRelInfo
{
	NodeTag type;
	Index ri_RangeTableIndex;
	Relation ri_RelationDesc;
	int ri_NumIndices;
	Relation *ri_IndexRelationDescs;
	struct IndexInfo **ri_IndexRelationInfo; /* catalog/index.h */
	ExprState **ri_CheckConstraintExprs;	 /* compiled on first use (ExecConstraints) */
	struct ExprContext *ri_CheckContext;	 /* … and evaluated in this */
	ProjectionInfo *ri_projectReturning;
} ResultRelInfo;

/* INSERT … ON CONFLICT DO UPDATE's state (PostgreSQL's name and fields). */
typedef struct OnConflictSetState
{
	TupleTableSlot *oc_Existing; /* the conflicting row, locked: the scan tuple */
	TupleTableSlot *oc_Excluded; /* the row proposed for insertion: the inner tuple */
	TupleTableSlot *oc_ProjSlot; /* the new version SET computes */
	ProjectionInfo *oc_ProjInfo;
	ExprState *oc_WhereClause;
} OnConflictSetState;

typedef struct ModifyTableState
{
	PlanState ps;
	CmdType operation;
	bool canSetTag;
	bool mt_done;
	ResultRelInfo *resultRelInfo;
	TupleTableSlot *mt_insertSlot;	   /* the row to insert, in the table's shape */
	struct EPQState *mt_epqstate;	   /* READ COMMITTED's re-check, made when first needed */
	struct ForeignKeyState *mt_fkeys;  /* executor/execForeignKeys.h, or NULL */
	OnConflictSetState *mt_onconflict; /* ON CONFLICT DO UPDATE, or NULL */
} ModifyTableState;

typedef struct JoinState
{
	PlanState ps;
	JoinType jointype;
	ExprState *joinqual;
} JoinState;

typedef struct NestLoopState
{
	JoinState js;
	bool nl_NeedNewOuter;
	bool nl_MatchedOuter;
	TupleTableSlot *nl_NullInnerTupleSlot;
} NestLoopState;

typedef struct LimitState
{
	PlanState ps;
	ExprState *limitOffset;
	ExprState *limitCount;
	int64 offset;
	int64 count;
	bool noCount;
	int64 position;
	bool started;
	/* FETCH … WITH TIES: the last row counted, and "=" of each ORDER BY
	 * column (Limit.uniqColIdx) to find the rows tied with it. */
	TupleTableSlot *last;
	FmgrInfo *tie_eq;
	bool tail;
} LimitState;

/* SELECT … FOR UPDATE's row locking (nodeLockRows.cpp). */
typedef struct LockRowsState
{
	PlanState ps;
	struct ExecLockRowMark *lr_marks; /* per locked relation */
	int lr_nmarks;
	struct EPQState *lr_epqstate; /* READ COMMITTED's re-check, made when first needed */
} LockRowsState;

/* Aggregation (nodeAgg.cpp).  The per-aggregate and per-group state is
 * private to nodeAgg.cpp. */
typedef struct AggState
{
	PlanState ps;
	AggStrategy aggstrategy;
	int numaggs;
	struct AggStatePerAggData *peragg;
	MemoryContext aggcontext; /* transition values of the current group */
	ExprContext *tmpcontext;  /* evaluates arguments against each input row */
	struct AggGroupingData *grouping;
	TupleTableSlot *grp_firstTuple; /* the current group's first row */
	bool agg_done;
	bool input_done;
} AggState;

/* Window functions of one window (nodeWindowAgg.cpp): the partition
 * being processed and the per-function state are private to it.  funcs
 * are the distinct WindowFuncs it computes; the expression step of the
 * n-th reads ecxt_aggvalues[n]. */
typedef struct WindowAggState
{
	PlanState ps;
	List *funcs;
	struct WindowAggData *data;
	MemoryContext curaggcontext; /* the transition state of the aggregate being advanced */
} WindowAggState;

typedef struct SortState
{
	PlanState ps;
	bool sort_Done;
	struct SortData *data; /* the rows, sorted (nodeSort.cpp) */
} SortState;

typedef struct SubqueryScanState
{
	ScanState ss;
	PlanState *subplan;
} SubqueryScanState;

/* Rows kept in memory (in the query's memory) to be read again. */
typedef struct MaterialState
{
	PlanState ps;
	HeapTuple *rows;
	int64 nrows;
	int64 maxrows;
	int64 next;
	bool eof_underlying;	/* every row of the child is in rows */
	bool child_uses_params; /* rescan re-reads the child */
} MaterialState;

typedef struct AppendState
{
	PlanState ps;
	PlanState **appendplans;
	int nplans;
	int whichplan;
} AppendState;

/* Unique and SetOp compare neighbouring rows on some columns. */
typedef struct UniqueState
{
	PlanState ps;
	int numCols;
	AttrNumber *cols;
	FmgrInfo *eqfunctions;
	Oid *collations;
	MemoryContext prevcontext; /* holds prev, reset for each new one */
	HeapTuple prev;
	TupleTableSlot *prevslot;
} UniqueState;

typedef struct SetOpState
{
	UniqueState u;	/* the group comparison (u.prev: the group's row) */
	HeapTuple next; /* the first row of the next group, read ahead */
	MemoryContext nextcontext;
	int64 numOutput;
	bool done;
} SetOpState;

/* Hash join (nodeHashjoin.cpp): the table and probe state are private
 * to that file. */
typedef struct HashJoinState
{
	JoinState js;
	struct HashJoinTableData *hj_table;
} HashJoinState;

/* Merge join (nodeMergejoin.cpp): its state is private to that file. */
typedef struct MergeJoinState
{
	JoinState js;
	struct MergeJoinData *mj;
} MergeJoinState;

/* The Hash node only describes the inner side; HashJoin reads it. */
typedef struct HashState
{
	PlanState ps;
} HashState;

/* The rows of a WITH query, shared by its CteScans (nodeMaterial.cpp). */
typedef struct CteStore
{
	HeapTuple *rows;
	int64 nrows;
	int64 maxrows;
	bool filled;
} CteStore;

typedef struct CteScanState
{
	ScanState ss;
	int ctePlanId;
	int64 next;
	bool uses_params; /* the WITH query reads PARAM_EXEC: recompute on rescan */
} CteScanState;

/* WITH RECURSIVE (nodeRecursiveunion.cpp): the work tables and the
 * UNION's hash table are private to that file. */
typedef struct RecursiveUnionState
{
	PlanState ps;
	struct RecursiveUnionData *data;
} RecursiveUnionState;

typedef struct WorkTableScanState
{
	ScanState ss;
	RecursiveUnionState *rustate;
	size_t next;
} WorkTableScanState;

/* A SubPlan expression's run-time state (nodeSubplan.cpp). */
typedef struct SubPlanState
{
	NodeTag type;
	SubPlan *subplan;
	PlanState *planstate;
	ExprState *testexpr;
	List *args;		  /* ExprStates */
	bool uses_params; /* the plan reads PARAM_EXEC slots: rerun per call */
	bool started;
	/* Computed once (no params): EXPR/EXISTS/ARRAY's value, or for
	 * ANY/ALL the subplan's rows. */
	bool have_cache;
	Datum cache_value;
	bool cache_isnull;
	HeapTuple *cache_rows;
	int64 cache_nrows;
} SubPlanState;

/* A function call that may return a set (executor/execSRF.cpp): a
 * FROM function or a set-returning function of a ProjectSet target list.
 * Its arguments are computed once per set, into argcontext. */
typedef struct SetExprState
{
	Expr *expr;
	ExprState *elidedFuncState; /* not a set-returning call: the whole expression */
	List *args;					/* ExprStates of the arguments */
	int16 *argtyplen;
	bool *argtypbyval;
	FmgrInfo func;
	FunctionCallInfo fcinfo;
	struct ReturnSetInfo *rsinfo;
	MemoryContext argcontext;
	bool setArgsValid; /* a set is under way: call again for its next row */
	bool setDone;	   /* the set (or the single value) has been returned */
} SetExprState;

/* FROM f(…) / ROWS FROM (…) [WITH ORDINALITY] (nodeFunctionscan.cpp). */
typedef struct FunctionScanState
{
	ScanState ss;
	int nfuncs;
	SetExprState **funcstates;
	bool *funcdone;
	int *funccolstart;		/* each function's first column */
	TupleDesc *funcrowdesc; /* a function returning a row of its columns, else NULL */
	bool ordinality;
	int64 ordinal;
} FunctionScanState;

/* Set-returning functions of a target list (nodeProjectSet.cpp). */
typedef struct ProjectSetState
{
	PlanState ps;
	int nelems;
	void **elems; /* SetExprState * where elemIsSrf, else ExprState * */
	bool *elemIsSrf;
	bool *elemDone;			 /* this input row's set of that element is exhausted */
	bool pending_srf_tuples; /* the current input row may give more rows */
} ProjectSetState;

/* The state of one query's execution. */
struct EState
{
	NodeTag type;
	Snapshot es_snapshot;
	List *es_range_table;
	Relation *es_relations; /* opened relations, by range-table index - 1 */
	int es_range_table_size;
	PlannedStmt *es_plannedstmt;
	const char *es_sourceText;
	CommandId es_output_cid;
	List *es_tupleTable; /* every slot made, for cleanup */
	uint64 es_processed; /* rows the top ModifyTable or SELECT produced */
	MemoryContext es_query_cxt;
	ParamListInfo es_param_list_info;
	List *es_exprcontexts;
	bool es_instrument;				   /* EXPLAIN ANALYZE */
	bool es_instrument_timer;		   /* … with TIMING */
	ParamExecData *es_param_exec_vals; /* by PARAM_EXEC paramid */
	List *es_subplanstates;			   /* PlanState of each PlannedStmt subplan */
	struct CteStore *es_cte_stores;	   /* by subplan: a WITH query's rows */
	int es_top_eflags;
	/* While an EvalPlanQual re-check runs (backend/executor/evalplanqual.h). */
	struct EPQState *es_epq_active;
};

#endif /* TUSK_NODES_EXECNODES_H */
