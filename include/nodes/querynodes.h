/*
 * nodes/querynodes.h — the analyzed query: Query, its range table and the
 * clauses the analyzer builds (PostgreSQL's parsenodes.h, second half:
 * same node names and fields).  Included by nodes/parsenodes.h.
 *
 * See nodes/nodes.h for how a field list becomes a struct and functions.
 */
#ifndef TUSK_NODES_QUERYNODES_H
#define TUSK_NODES_QUERYNODES_H

#include "nodes/parsenodes.h"

typedef enum QuerySource
{
	QSRC_ORIGINAL,
	QSRC_PARSER,
	QSRC_INSTEAD_RULE,
	QSRC_QUAL_INSTEAD_RULE,
	QSRC_NON_INSTEAD_RULE
} QuerySource;

/* One statement after parse analysis: what the planner plans.  Utility
 * statements (DDL, SET, …) are a Query with commandType CMD_UTILITY
 * holding the raw statement in utilityStmt. */
#define NODE_Query(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, CmdType, commandType) \
	F(SCALAR, QuerySource, querySource) \
	F(SCALAR, uint64, queryId) \
	F(SCALAR, bool, canSetTag) \
	F(NODE, Node *, utilityStmt) \
	F(SCALAR, int, resultRelation) /* rtable index of INSERT/UPDATE/DELETE's target */ \
	F(SCALAR, bool, hasAggs) \
	F(SCALAR, bool, hasWindowFuncs) \
	F(SCALAR, bool, hasTargetSRFs) \
	F(SCALAR, bool, hasSubLinks) \
	F(SCALAR, bool, hasDistinctOn) \
	F(SCALAR, bool, hasRecursive) \
	F(SCALAR, bool, hasModifyingCTE) \
	F(SCALAR, bool, hasForUpdate) \
	F(SCALAR, bool, hasRowSecurity) \
	F(SCALAR, bool, isReturn) \
	F(NODE, List *, cteList) \
	F(NODE, List *, rtable) \
	F(NODE, FromExpr *, jointree) \
	F(NODE, List *, targetList) \
	F(SCALAR, OverridingKind, override) \
	F(NODE, Node *, onConflict) \
	F(NODE, List *, returningList) \
	F(NODE, List *, groupClause) \
	F(SCALAR, bool, groupDistinct) \
	F(NODE, List *, groupingSets) \
	F(NODE, Node *, havingQual) \
	F(NODE, List *, windowClause) \
	F(NODE, List *, distinctClause) \
	F(NODE, List *, sortClause) \
	F(NODE, Node *, limitOffset) \
	F(NODE, Node *, limitCount) \
	F(SCALAR, LimitOption, limitOption) \
	F(NODE, List *, rowMarks) \
	F(NODE, Node *, setOperations) \
	F(NODE, List *, constraintDeps) \
	F(SCALAR, int, stmt_location) \
	F(SCALAR, int, stmt_len)
TUSK_DEFINE_NODE(Query)

typedef enum RTEKind
{
	RTE_RELATION,
	RTE_SUBQUERY,
	RTE_JOIN,
	RTE_FUNCTION,
	RTE_TABLEFUNC,
	RTE_VALUES,
	RTE_CTE,
	RTE_NAMEDTUPLESTORE,
	RTE_RESULT
} RTEKind;

typedef uint64 AclMode;
#define ACL_INSERT (1 << 0)
#define ACL_SELECT (1 << 1)
#define ACL_UPDATE (1 << 2)
#define ACL_DELETE (1 << 3)

/* One entry of a query's range table: a table, subquery, join, function,
 * VALUES list or CTE reference that Vars point at by index. */
#define NODE_RangeTblEntry(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, RTEKind, rtekind) \
	F(SCALAR, Oid, relid) \
	F(SCALAR, char, relkind) \
	F(SCALAR, int, rellockmode) \
	F(NODE, Query *, subquery) \
	F(SCALAR, bool, security_barrier) \
	F(SCALAR, JoinType, jointype) \
	F(SCALAR, int, joinmergedcols) \
	F(NODE, List *, joinaliasvars) \
	F(NODE, List *, joinleftcols) \
	F(NODE, List *, joinrightcols) \
	F(NODE, Alias *, join_using_alias) \
	F(NODE, List *, functions) \
	F(SCALAR, bool, funcordinality) \
	F(NODE, List *, values_lists) \
	F(STRING, char *, ctename) \
	F(SCALAR, Index, ctelevelsup) \
	F(SCALAR, bool, self_reference) \
	F(NODE, List *, coltypes) \
	F(NODE, List *, coltypmods) \
	F(NODE, List *, colcollations) \
	F(NODE, Alias *, alias) \
	F(NODE, Alias *, eref) \
	F(SCALAR, bool, lateral) \
	F(SCALAR, bool, inh) \
	F(SCALAR, bool, inFromCl) \
	F(SCALAR, AclMode, requiredPerms) \
	F(SCALAR, Oid, checkAsUser) \
	F(BITMAPSET, Bitmapset *, selectedCols) \
	F(BITMAPSET, Bitmapset *, insertedCols) \
	F(BITMAPSET, Bitmapset *, updatedCols) \
	F(BITMAPSET, Bitmapset *, extraUpdatedCols) \
	F(NODE, List *, securityQuals)
TUSK_DEFINE_NODE(RangeTblEntry)

/* One function of a function RTE (FROM f(…) or ROWS FROM (f(…), …)):
 * its call and the columns it contributes. */
#define NODE_RangeTblFunction(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, funcexpr) \
	F(SCALAR, int, funccolcount) \
	F(NODE, List *, funccolnames) \
	F(NODE, List *, funccoltypes) \
	F(NODE, List *, funccoltypmods) \
	F(NODE, List *, funccolcollations) \
	F(BITMAPSET, Bitmapset *, funcparams)
TUSK_DEFINE_NODE(RangeTblFunction)

/* An ORDER BY, GROUP BY or DISTINCT item: which target-list entry
 * (tleSortGroupRef) and which operators sort and compare it. */
#define NODE_SortGroupClause(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, Index, tleSortGroupRef) \
	F(SCALAR, Oid, eqop) \
	F(SCALAR, Oid, sortop) \
	F(SCALAR, bool, nulls_first) \
	F(SCALAR, bool, hashable)
TUSK_DEFINE_NODE(SortGroupClause)

/* A window of the query (Query.windowClause): a WINDOW clause entry or
 * an OVER (…) of its own.  partitionClause and orderClause are
 * SortGroupClauses naming target-list entries; frameOptions are
 * FRAMEOPTION_* bits, the offsets expressions (int8 for ROWS and
 * GROUPS; for RANGE of the in_range function's offset type, with the
 * sort column's collation and order recorded for calling it).  winref
 * is what WindowFuncs refer to it by. */
#define NODE_WindowClause(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, name) \
	F(STRING, char *, refname) \
	F(NODE, List *, partitionClause) \
	F(NODE, List *, orderClause) \
	F(SCALAR, int, frameOptions) \
	F(NODE, Node *, startOffset) \
	F(NODE, Node *, endOffset) \
	F(NODE, List *, runCondition) \
	F(SCALAR, Oid, startInRangeFunc) \
	F(SCALAR, Oid, endInRangeFunc) \
	F(SCALAR, Oid, inRangeColl) \
	F(SCALAR, bool, inRangeAsc) \
	F(SCALAR, bool, inRangeNullsFirst) \
	F(SCALAR, Index, winref) \
	F(SCALAR, bool, copiedOrder)
TUSK_DEFINE_NODE(WindowClause)

/* FOR [KEY] UPDATE/SHARE of range-table entry rti (Query.rowMarks); the
 * strongest strength and wait policy asked for it. */
#define NODE_RowMarkClause(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, Index, rti) \
	F(SCALAR, LockClauseStrength, strength) \
	F(SCALAR, LockWaitPolicy, waitPolicy) \
	F(SCALAR, bool, pushedDown)
TUSK_DEFINE_NODE(RowMarkClause)

#endif /* TUSK_NODES_QUERYNODES_H */
