/*
 * nodes/plannodes.h — plans: what the planner gives the executor
 * (PostgreSQL's plannodes.h: same node names and fields).
 *
 * See nodes/nodes.h for how a field list becomes a struct and functions.
 * Where PostgreSQL keeps a column count and parallel C arrays (Sort's
 * numCols/sortColIdx/sortOperators/…), Tusk keeps Lists of the same
 * names (IntList/OidList), so the node system can copy and serialize
 * them like any other field.
 */
#ifndef TUSK_NODES_PLANNODES_H
#define TUSK_NODES_PLANNODES_H

#include "nodes/bitmapset.h"
#include "nodes/lockoptions.h"
#include "nodes/primnodes.h"

/* The top of a plan: the tree plus what the executor needs globally. */
#define NODE_PlannedStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, CmdType, commandType) \
	F(SCALAR, uint64, queryId) \
	F(SCALAR, bool, hasReturning) \
	F(SCALAR, bool, hasModifyingCTE) \
	F(SCALAR, bool, canSetTag) \
	F(SCALAR, bool, transientPlan) \
	F(SCALAR, bool, dependsOnRole) \
	F(SCALAR, bool, parallelModeNeeded) \
	F(SCALAR, int, jitFlags) \
	F(NODE, struct Plan *, planTree) \
	F(NODE, List *, rtable) \
	F(NODE, List *, resultRelations) \
	F(NODE, List *, appendRelations) \
	F(NODE, List *, subplans) \
	F(BITMAPSET, Bitmapset *, rewindPlanIDs) \
	F(NODE, List *, rowMarks) \
	F(NODE, List *, relationOids) \
	F(NODE, List *, invalItems) \
	F(NODE, List *, paramExecTypes) \
	F(NODE, Node *, utilityStmt) \
	F(SCALAR, int, stmt_location) \
	F(SCALAR, int, stmt_len)

/* What every plan node starts with. */
#define NODE_Plan(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, Cost, startup_cost) \
	F(SCALAR, Cost, total_cost) \
	F(SCALAR, Cardinality, plan_rows) \
	F(SCALAR, int, plan_width) \
	F(SCALAR, bool, parallel_aware) \
	F(SCALAR, bool, parallel_safe) \
	F(SCALAR, bool, async_capable) \
	F(SCALAR, int, plan_node_id) \
	F(NODE, List *, targetlist) /* what this node outputs */ \
	F(NODE, List *, qual)		/* implicitly ANDed conditions on its rows */ \
	F(NODE, struct Plan *, lefttree) \
	F(NODE, struct Plan *, righttree) \
	F(NODE, List *, initPlan) \
	F(BITMAPSET, Bitmapset *, extParam) \
	F(BITMAPSET, Bitmapset *, allParam)
TUSK_DEFINE_NODE(Plan)
TUSK_DEFINE_NODE(PlannedStmt)

#define innerPlan(node) (((Plan *) (node))->righttree)
#define outerPlan(node) (((Plan *) (node))->lefttree)

/* A row computed from no table (SELECT 1), or a projection/filter of its
 * child; resconstantqual is a condition tested once. */
#define NODE_Result(F) F(BASE, Plan, plan) F(NODE, Node *, resconstantqual)
TUSK_DEFINE_NODE(Result)

#define NODE_ProjectSet(F) F(BASE, Plan, plan)
TUSK_DEFINE_NODE(ProjectSet)

/* INSERT/UPDATE/DELETE of the rows its child produces. */
#define NODE_ModifyTable(F) \
	F(BASE, Plan, plan) \
	F(SCALAR, CmdType, operation) \
	F(SCALAR, bool, canSetTag) \
	F(SCALAR, Index, nominalRelation) \
	F(SCALAR, Index, rootRelation) \
	F(SCALAR, bool, partColsUpdated) \
	F(NODE, List *, resultRelations) \
	F(NODE, List *, updateColnosLists) \
	F(NODE, List *, withCheckOptionLists) \
	F(NODE, List *, returningLists) \
	F(NODE, List *, fdwPrivLists) \
	F(BITMAPSET, Bitmapset *, fdwDirectModifyPlans) \
	F(NODE, List *, rowMarks) \
	F(SCALAR, int, epqParam) \
	F(SCALAR, OnConflictAction, onConflictAction) \
	F(NODE, List *, arbiterIndexes) \
	F(NODE, List *, onConflictSet) \
	F(NODE, List *, onConflictCols) \
	F(NODE, Node *, onConflictWhere) \
	F(SCALAR, Index, exclRelRTI) \
	F(NODE, List *, exclRelTlist) \
	F(NODE, List *, mergeActionLists)
TUSK_DEFINE_NODE(ModifyTable)

#define NODE_Append(F) \
	F(BASE, Plan, plan) \
	F(BITMAPSET, Bitmapset *, apprelids) \
	F(NODE, List *, appendplans) \
	F(SCALAR, int, nasyncplans) \
	F(SCALAR, int, first_partial_plan)
TUSK_DEFINE_NODE(Append)

/* Scans: scanrelid is the range-table index of what they read. */
#define NODE_Scan(F) F(BASE, Plan, plan) F(SCALAR, Index, scanrelid)
TUSK_DEFINE_NODE(Scan)

#define NODE_SeqScan(F) F(BASE, Scan, scan)
TUSK_DEFINE_NODE(SeqScan)

#define NODE_IndexScan(F) \
	F(BASE, Scan, scan) \
	F(SCALAR, Oid, indexid) \
	F(NODE, List *, indexqual) \
	F(NODE, List *, indexqualorig) \
	F(NODE, List *, indexorderby) \
	F(NODE, List *, indexorderbyorig) \
	F(NODE, List *, indexorderbyops) \
	F(SCALAR, int, indexorderdir)
TUSK_DEFINE_NODE(IndexScan)

#define NODE_SubqueryScan(F) \
	F(BASE, Scan, scan) \
	F(NODE, struct Plan *, subplan) \
	F(SCALAR, int, scanstatus)
TUSK_DEFINE_NODE(SubqueryScan)

#define NODE_FunctionScan(F) \
	F(BASE, Scan, scan) \
	F(NODE, List *, functions) \
	F(SCALAR, bool, funcordinality)
TUSK_DEFINE_NODE(FunctionScan)

#define NODE_ValuesScan(F) F(BASE, Scan, scan) F(NODE, List *, values_lists)
TUSK_DEFINE_NODE(ValuesScan)

/* A WITH query's rows, computed once by subplan ctePlanId and shared by
 * every CteScan of it. */
#define NODE_CteScan(F) F(BASE, Scan, scan) F(SCALAR, int, ctePlanId) F(SCALAR, int, cteParam)
TUSK_DEFINE_NODE(CteScan)

/* The rows the recursive term of a WITH RECURSIVE query reads: the
 * previous step's, kept by the RecursiveUnion whose state PARAM_EXEC
 * slot wtParam points to. */
#define NODE_WorkTableScan(F) F(BASE, Scan, scan) F(SCALAR, int, wtParam)
TUSK_DEFINE_NODE(WorkTableScan)

/* WITH RECURSIVE: the rows of lefttree (the non-recursive term), then
 * those of righttree (the recursive term) run again over the rows of its
 * previous run until it returns none; for UNION (numCols > 0) rows equal
 * on dupColIdx to one already returned are dropped. */
#define NODE_RecursiveUnion(F) \
	F(BASE, Plan, plan) \
	F(SCALAR, int, wtParam) \
	F(SCALAR, int, numCols) \
	F(NODE, List *, dupColIdx) \
	F(NODE, List *, dupOperators) \
	F(NODE, List *, dupCollations) \
	F(SCALAR, double, numGroups)
TUSK_DEFINE_NODE(RecursiveUnion)

/* Joins: the rows of lefttree (outer) and righttree (inner) that match. */
#define NODE_Join(F) \
	F(BASE, Plan, plan) \
	F(SCALAR, JoinType, jointype) \
	F(SCALAR, bool, inner_unique) \
	F(NODE, List *, joinqual)
TUSK_DEFINE_NODE(Join)

#define NODE_NestLoop(F) F(BASE, Join, join) F(NODE, List *, nestParams)
TUSK_DEFINE_NODE(NestLoop)

#define NODE_NestLoopParam(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, int, paramno) \
	F(NODE, Var *, paramval)
TUSK_DEFINE_NODE(NestLoopParam)

/* A join on hashable equalities: the inner side (a Hash node) is read
 * into a hash table on its hashkeys, each outer row probes it with
 * HashJoin's hashkeys and is checked with hashclauses ("outer = inner"). */
#define NODE_HashJoin(F) \
	F(BASE, Join, join) \
	F(NODE, List *, hashclauses) \
	F(NODE, List *, hashoperators) \
	F(NODE, List *, hashcollations) \
	F(NODE, List *, hashkeys)
TUSK_DEFINE_NODE(HashJoin)

/* A join on mergejoinable equalities over inputs sorted on their keys
 * (ascending, NULLs last, in each clause's btree operator family):
 * each mergeclause is "outer = inner", its left argument computed from
 * the outer row and its right argument from the inner row. */
#define NODE_MergeJoin(F) \
	F(BASE, Join, join) \
	F(SCALAR, bool, skip_mark_restore) \
	F(NODE, List *, mergeclauses) \
	F(NODE, List *, mergeFamilies) \
	F(NODE, List *, mergeCollations) \
	F(NODE, List *, mergeStrategies) \
	F(NODE, List *, mergeNullsFirst)
TUSK_DEFINE_NODE(MergeJoin)

#define NODE_Hash(F) \
	F(BASE, Plan, plan) \
	F(NODE, List *, hashkeys) \
	F(SCALAR, Oid, skewTable) \
	F(SCALAR, AttrNumber, skewColumn) \
	F(SCALAR, bool, skewInherit) \
	F(SCALAR, Cardinality, rows_total)
TUSK_DEFINE_NODE(Hash)

#define NODE_Material(F) F(BASE, Plan, plan)
TUSK_DEFINE_NODE(Material)

/* How a relation's rows are marked (PostgreSQL's RowMarkType): locked in
 * one of the four strengths, or, for a relation that is not locked,
 * referenced by ctid for EvalPlanQual. */
typedef enum RowMarkType
{
	ROW_MARK_EXCLUSIVE,		 /* FOR UPDATE */
	ROW_MARK_NOKEYEXCLUSIVE, /* FOR NO KEY UPDATE */
	ROW_MARK_SHARE,			 /* FOR SHARE */
	ROW_MARK_KEYSHARE,		 /* FOR KEY SHARE */
	ROW_MARK_REFERENCE,		 /* not locked: refetched by ctid */
	ROW_MARK_COPY			 /* not locked: the whole row is kept */
} RowMarkType;

#define RowMarkRequiresRowShareLock(marktype) ((marktype) <= ROW_MARK_KEYSHARE)

/* A locked relation of a SELECT … FOR UPDATE: its rows' ctids are the
 * plan's junk column "ctid<rowmarkId>". */
#define NODE_PlanRowMark(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, Index, rti) \
	F(SCALAR, Index, prti) \
	F(SCALAR, Index, rowmarkId) \
	F(SCALAR, RowMarkType, markType) \
	F(SCALAR, int, allMarkTypes) \
	F(SCALAR, LockClauseStrength, strength) \
	F(SCALAR, LockWaitPolicy, waitPolicy) \
	F(SCALAR, bool, isParent)
TUSK_DEFINE_NODE(PlanRowMark)

/* Locks the rows of its child's output (SELECT … FOR UPDATE), as
 * PostgreSQL's LockRows: rowMarks are PlanRowMarks. */
#define NODE_LockRows(F) F(BASE, Plan, plan) F(NODE, List *, rowMarks) F(SCALAR, int, epqParam)
TUSK_DEFINE_NODE(LockRows)

#define NODE_Sort(F) \
	F(BASE, Plan, plan) \
	F(SCALAR, int, numCols) \
	F(NODE, List *, sortColIdx)	   /* IntList: target-list positions */ \
	F(NODE, List *, sortOperators) /* OidList: "<" or ">" operators */ \
	F(NODE, List *, collations)	   /* OidList */ \
	F(NODE, List *, nullsFirst)	   /* IntList of booleans */
TUSK_DEFINE_NODE(Sort)

#define NODE_Agg(F) \
	F(BASE, Plan, plan) \
	F(SCALAR, AggStrategy, aggstrategy) \
	F(SCALAR, int, aggsplit) \
	F(SCALAR, int, numCols) \
	F(NODE, List *, grpColIdx) \
	F(NODE, List *, grpOperators) \
	F(NODE, List *, grpCollations) \
	F(SCALAR, double, numGroups) \
	F(SCALAR, uint64, transitionSpace) \
	F(BITMAPSET, Bitmapset *, aggParams) \
	F(NODE, List *, groupingSets) \
	F(NODE, List *, chain)
TUSK_DEFINE_NODE(Agg)

/* The window functions of one window (winref) over its child's rows,
 * sorted on the partition columns then the order columns: each row
 * comes out with the results of the calls over its partition and frame. */
#define NODE_WindowAgg(F) \
	F(BASE, Plan, plan) \
	F(SCALAR, Index, winref) \
	F(SCALAR, int, partNumCols) \
	F(NODE, List *, partColIdx) /* IntList */ \
	F(NODE, List *, partOperators) \
	F(NODE, List *, partCollations) \
	F(SCALAR, int, ordNumCols) \
	F(NODE, List *, ordColIdx) \
	F(NODE, List *, ordOperators) \
	F(NODE, List *, ordCollations) \
	F(SCALAR, int, frameOptions) \
	F(NODE, Node *, startOffset) \
	F(NODE, Node *, endOffset) \
	F(NODE, List *, runCondition) \
	F(NODE, List *, runConditionOrig) \
	F(SCALAR, Oid, startInRangeFunc) \
	F(SCALAR, Oid, endInRangeFunc) \
	F(SCALAR, Oid, inRangeColl) \
	F(SCALAR, bool, inRangeAsc) \
	F(SCALAR, bool, inRangeNullsFirst) \
	F(SCALAR, bool, topWindow)
TUSK_DEFINE_NODE(WindowAgg)

#define NODE_Unique(F) \
	F(BASE, Plan, plan) \
	F(SCALAR, int, numCols) \
	F(NODE, List *, uniqColIdx) \
	F(NODE, List *, uniqOperators) \
	F(NODE, List *, uniqCollations)
TUSK_DEFINE_NODE(Unique)

typedef enum SetOpStrategy
{
	SETOP_SORTED,
	SETOP_HASHED
} SetOpStrategy;

/* INTERSECT/EXCEPT over sorted input: rows of each group of equal
 * dupColIdx columns, counted by the flag column (firstFlag marks the
 * left input's rows). */
#define NODE_SetOp(F) \
	F(BASE, Plan, plan) \
	F(SCALAR, SetOpCmd, cmd) \
	F(SCALAR, SetOpStrategy, strategy) \
	F(SCALAR, int, numCols) \
	F(NODE, List *, dupColIdx) \
	F(NODE, List *, dupOperators) \
	F(NODE, List *, dupCollations) \
	F(SCALAR, AttrNumber, flagColIdx) \
	F(SCALAR, int, firstFlag) \
	F(SCALAR, double, numGroups)
TUSK_DEFINE_NODE(SetOp)

#define NODE_Limit(F) \
	F(BASE, Plan, plan) \
	F(NODE, Node *, limitOffset) \
	F(NODE, Node *, limitCount) \
	F(SCALAR, LimitOption, limitOption) \
	F(SCALAR, int, uniqNumCols) \
	F(NODE, List *, uniqColIdx) \
	F(NODE, List *, uniqOperators) \
	F(NODE, List *, uniqCollations)
TUSK_DEFINE_NODE(Limit)

#endif /* TUSK_NODES_PLANNODES_H */
