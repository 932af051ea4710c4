/*
 * executor/executor.h — running plans (PostgreSQL's executor API).
 *
 * Principal entry points: ExecutorStart/Run/Finish/End over a QueryDesc
 * (execMain.cpp); ExecInitNode/ExecProcNode/ExecEndNode over plan nodes
 * (execProcnode.cpp); ExecInitExpr/ExecEvalExpr/ExecQual/ExecProject for
 * compiled expressions (execExpr.cpp, execExprInterp.cpp).
 */
#ifndef TUSK_EXECUTOR_EXECUTOR_H
#define TUSK_EXECUTOR_EXECUTOR_H

#include "access/sdir.h"
#include "executor/execdesc.h"
#include "nodes/execnodes.h"

/* ExecutorStart's eflags (PostgreSQL's values). */
#define EXEC_FLAG_EXPLAIN_ONLY 0x0001 /* EXPLAIN without ANALYZE: the plan is not run */

#ifdef __cplusplus
extern "C" {
#endif

/* ---- execMain.cpp ---- */
extern void ExecutorStart(QueryDesc *queryDesc, int eflags);
/* Runs to the end (count 0) or for count rows, sending them to the
 * QueryDesc's DestReceiver. */
extern void ExecutorRun(QueryDesc *queryDesc, ScanDirection direction, uint64 count);
extern void ExecutorFinish(QueryDesc *queryDesc);
extern void ExecutorEnd(QueryDesc *queryDesc);

/* ---- execProcnode.cpp ---- */
/* A new row of the result relation against its NOT NULL (23502) and
 * CHECK (23514) constraints, with PostgreSQL's messages ("Failing row
 * contains (…)"). */
extern void ExecConstraints(ResultRelInfo *resultRelInfo, TupleTableSlot *slot, EState *estate);

extern PlanState *ExecInitNode(Plan *node, EState *estate, int eflags);
extern void ExecEndNode(PlanState *node);
/* Start the node's output over from its first row (nodeScans.cpp). */
extern void ExecReScan(PlanState *node);
static inline TupleTableSlot *ExecProcNode(PlanState *node)
{
	return node->ExecProcNode(node);
}

/* ---- execUtils.cpp ---- */
extern EState *CreateExecutorState(void);
extern void FreeExecutorState(EState *estate);
extern ExprContext *CreateExprContext(EState *estate);
extern void ExecAssignExprContext(EState *estate, PlanState *planstate);
extern TupleTableSlot *ExecInitExtraTupleSlot(EState *estate, TupleDesc tupledesc);
extern void ExecInitResultTupleSlotTL(PlanState *planstate);
extern void ExecAssignProjectionInfo(PlanState *planstate);
/* The range-table entry's relation, opened (and locked) once per query. */
extern Relation ExecGetRangeTableRelation(EState *estate, Index rti);
extern void ExecResetTupleTable(List *tupleTable);
/* The row type of a target list; Clean: resjunk columns left out (they
 * come last, so a clean descriptor describes a prefix of the row). */
extern TupleDesc ExecTypeFromTL(List *targetList);
extern TupleDesc ExecCleanTypeFromTL(List *targetList);
#define ResetExprContext(econtext) MemoryContextReset((econtext)->ecxt_per_tuple_memory)
#define GetPerTupleExprContext(estate) CreateExprContext(estate)

/* ---- execExpr.cpp ---- */
extern ExprState *ExecInitExpr(Expr *node, PlanState *parent);
/* An implicitly-ANDed list: true when every member is true (NULL list: true). */
extern ExprState *ExecInitQual(List *qual, PlanState *parent);
extern List *ExecInitExprList(List *nodes, PlanState *parent);
/* The checks of domain domainType on the value in value and isnull, as
 * a standalone expression (domain_in, domain_recv): evaluating it raises
 * the domain's violation or returns the value. */
extern ExprState *ExecInitDomainCheck(Oid domainType, Datum *value, bool *isnull);
/* One domain CHECK expression whose VALUE reads value and isnull (ALTER
 * DOMAIN's validation of stored values). */
extern ExprState *ExecInitDomainCheckExpr(Expr *check, Datum *value, bool *isnull);
extern ProjectionInfo *ExecBuildProjectionInfo(List *targetList, ExprContext *econtext,
											   TupleTableSlot *slot, PlanState *parent,
											   TupleDesc inputDesc);

static inline Datum ExecEvalExpr(ExprState *state, ExprContext *econtext, bool *isNull)
{
	extern Datum ExecInterpExpr(ExprState * state, ExprContext * econtext, bool *isnull);
	return ExecInterpExpr(state, econtext, isNull);
}
/* In the per-tuple context. */
extern Datum ExecEvalExprSwitchContext(ExprState *state, ExprContext *econtext, bool *isNull);
/* NULL state: true. */
extern bool ExecQual(ExprState *state, ExprContext *econtext);
extern TupleTableSlot *ExecProject(ProjectionInfo *projInfo);

/* ---- per-node (nodeXxx.cpp) ---- */
extern PlanState *ExecInitSubqueryScan(SubqueryScan *node, EState *estate, int eflags);
extern PlanState *ExecInitHashJoin(HashJoin *node, EState *estate, int eflags);
extern void ExecReScanHashJoin(HashJoinState *node);
extern void ExecEndHashJoin(HashJoinState *node);
extern PlanState *ExecInitMergeJoin(MergeJoin *node, EState *estate, int eflags);
extern void ExecReScanMergeJoin(MergeJoinState *node);
extern void ExecEndMergeJoin(MergeJoinState *node);
extern PlanState *ExecInitCteScan(CteScan *node, EState *estate, int eflags);
extern void ExecReScanCteScan(CteScanState *node);
extern PlanState *ExecInitRecursiveUnion(RecursiveUnion *node, EState *estate, int eflags);
extern void ExecReScanRecursiveUnion(RecursiveUnionState *node);
extern void ExecEndRecursiveUnion(RecursiveUnionState *node);
extern PlanState *ExecInitWorkTableScan(WorkTableScan *node, EState *estate, int eflags);
extern void ExecReScanWorkTableScan(WorkTableScanState *node);
/* The rows of the WITH query subplan plan_id computes, run to its end
 * on first use (and at ExecutorFinish for a data-modifying one). */
extern CteStore *ExecFillCteStore(EState *estate, int plan_id);
extern PlanState *ExecInitMaterial(Material *node, EState *estate, int eflags);
extern PlanState *ExecInitAppend(Append *node, EState *estate, int eflags);
extern PlanState *ExecInitUnique(Unique *node, EState *estate, int eflags);
extern PlanState *ExecInitSetOp(SetOp *node, EState *estate, int eflags);
extern void ExecReScanMaterial(MaterialState *node);
extern void ExecReScanAppend(AppendState *node);
extern void ExecReScanUnique(UniqueState *node);
extern void ExecReScanSetOp(SetOpState *node);
extern void ExecEndAppend(AppendState *node);
extern void ExecEndSubqueryScan(SubqueryScanState *node);
/* SubPlan expressions (nodeSubplan.cpp). */
extern SubPlanState *ExecInitSubPlan(SubPlan *subplan, PlanState *parent);
extern Datum ExecSubPlan(SubPlanState *node, ExprContext *econtext, bool *isNull);
/* Whether plan (or a subplan it calls) reads a PARAM_EXEC slot. */
extern bool ExecPlanUsesParamExec(Plan *plan, PlannedStmt *stmt);
extern PlanState *ExecInitResult(Result *node, EState *estate, int eflags);
extern PlanState *ExecInitSeqScan(SeqScan *node, EState *estate, int eflags);
extern PlanState *ExecInitIndexScan(IndexScan *node, EState *estate, int eflags);
extern void ExecEndIndexScan(IndexScanState *node);
extern void ExecReScanIndexScan(IndexScanState *node);
extern PlanState *ExecInitValuesScan(ValuesScan *node, EState *estate, int eflags);
extern PlanState *ExecInitModifyTable(ModifyTable *node, EState *estate, int eflags);
extern PlanState *ExecInitNestLoop(NestLoop *node, EState *estate, int eflags);
extern PlanState *ExecInitLimit(Limit *node, EState *estate, int eflags);
extern PlanState *ExecInitLockRows(LockRows *node, EState *estate, int eflags);
extern PlanState *ExecInitSort(Sort *node, EState *estate, int eflags);
extern PlanState *ExecInitAgg(Agg *node, EState *estate, int eflags);
extern PlanState *ExecInitWindowAgg(WindowAgg *node, EState *estate, int eflags);
extern void ExecEndWindowAgg(WindowAggState *node);
extern void ExecReScanWindowAgg(WindowAggState *node);
extern void ExecEndAgg(AggState *node);
extern void ExecReScanAgg(AggState *node);
extern void ExecEndSort(struct SortState *node);
extern void ExecReScanSort(struct SortState *node);
extern void ExecEndResult(ResultState *node);
extern void ExecEndSeqScan(SeqScanState *node);
extern void ExecEndValuesScan(ValuesScanState *node);
extern void ExecEndModifyTable(ModifyTableState *node);
extern void ExecEndNestLoop(NestLoopState *node);
extern void ExecEndLimit(LimitState *node);
extern void ExecEndLockRows(LockRowsState *node);
/* FROM functions and target-list set-returning functions
 * (nodeFunctionscan.cpp, nodeProjectSet.cpp). */
extern PlanState *ExecInitFunctionScan(FunctionScan *node, EState *estate, int eflags);
extern void ExecReScanFunctionScan(FunctionScanState *node);
extern void ExecEndFunctionScan(FunctionScanState *node);
extern PlanState *ExecInitProjectSet(ProjectSet *node, EState *estate, int eflags);
extern void ExecReScanProjectSet(ProjectSetState *node);
extern void ExecEndProjectSet(ProjectSetState *node);
/* Abandon a value-per-call set-returning function's set before its end:
 * frees its FuncCallContext (utils/fmgr/funcapi.cpp). */
extern void ShutdownSetFunction(FmgrInfo *flinfo);

/* ---- execUtils.cpp ---- */
/* A column of a composite value (a C function's composite argument,
 * PG_GETARG_HEAPTUPLEHEADER), by name or number (from 1); *isNull says
 * whether it is NULL.  An unknown name is an ERROR. */
extern Datum GetAttributeByName(struct HeapTupleHeaderData *tuple, const char *attname,
								bool *isNull);
extern Datum GetAttributeByNum(struct HeapTupleHeaderData *tuple, AttrNumber attrno, bool *isNull);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_EXECUTOR_EXECUTOR_H */
