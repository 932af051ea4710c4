/*
 * pushdown.cpp — conditions of WHERE pushed down into a subquery in FROM
 * that stays a subquery (PostgreSQL's allpaths.c: set_subquery_pathlist's
 * qual pushdown, subquery_is_pushdown_safe, qual_is_pushdown_safe,
 * subquery_push_qual).
 *
 * Principal entry point: PushDownSubqueryQuals.
 *
 * A subquery pulled up into its parent (prepjointree.cpp) needs nothing
 * of this; one that stays — grouping, DISTINCT, a set operation, window
 * functions, LIMIT … — is planned as a level of its own, and a condition
 * of the parent that reads only its output columns is better checked
 * inside it, where it filters rows before they are grouped, sorted or
 * joined, and may use an index.  The condition is rewritten with the
 * subquery's output expressions in place of its columns and added to the
 * subquery's WHERE, or to its HAVING when it groups (planner.cpp moves a
 * HAVING condition without aggregates to WHERE, as PostgreSQL does), or
 * to each operand of a UNION or INTERSECT.
 *
 * It stays above (a Filter of the Subquery Scan) when the subquery has
 * LIMIT/OFFSET (filtering first would change which rows are kept), when
 * it is an EXCEPT, when it contains a SubPlan, when it reads a column
 * that is unsafe — a set-returning or volatile output, a DISTINCT ON
 * output outside the DISTINCT ON list, a window-function query's output
 * outside some window's PARTITION BY, a set operation's column whose
 * operand type differs from the operation's — or the whole row, or
 * another FROM item (a LATERAL reference); and a volatile condition stays
 * above DISTINCT, window functions and set-returning outputs, where it
 * would run a different number of times.
 */
#include "postgres.h"

#include <vector>

#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "planner_int.h"

namespace tusk::optimizer {

namespace {

/* What makes a column or a condition unsafe to push into a subquery. */
struct PushdownSafety
{
	/* Per output column (by resno), whether a condition reading it must
	 * stay above. */
	std::vector<bool> unsafe_columns;
	/* A volatile condition must stay above. */
	bool unsafe_volatile = false;
};

bool ReturnsSetWalker(Node *node, void *)
{
	if (node == nullptr)
		return false;
	if (IsA(node, FuncExpr) && reinterpret_cast<FuncExpr *>(node)->funcretset)
		return true;
	if (IsA(node, OpExpr) && reinterpret_cast<OpExpr *>(node)->opretset)
		return true;
	/* A set-returning call inside a sublink is the sublink's own. */
	if (IsA(node, SubLink) || IsA(node, Query))
		return false;
	return node_children_walker(node, ReturnsSetWalker, nullptr);
}

bool ContainSubplansWalker(Node *node, void *)
{
	if (node == nullptr)
		return false;
	if (IsA(node, SubPlan) || IsA(node, SubLink))
		return true;
	return node_children_walker(node, ContainSubplansWalker, nullptr);
}

/* Whether tle is one of the SortGroupClauses of clauses (PostgreSQL's
 * targetIsInSortList without an operator to match). */
bool InSortList(TargetEntry *tle, List *clauses)
{
	if (tle->ressortgroupref == 0)
		return false;
	ListCell *lc;
	foreach (lc, clauses)
		if (static_cast<SortGroupClause *>(lfirst(lc))->tleSortGroupRef == tle->ressortgroupref)
			return true;
	return false;
}

/* Whether tle is in every window's PARTITION BY. */
bool InAllPartitionLists(TargetEntry *tle, Query *query)
{
	ListCell *lc;
	foreach (lc, query->windowClause)
		if (!InSortList(tle, static_cast<WindowClause *>(lfirst(lc))->partitionClause))
			return false;
	return true;
}

/* PostgreSQL's check_output_expressions: the output columns of a leaf
 * query a condition may not read. */
void CheckOutputExpressions(Query *subquery, PushdownSafety *safety)
{
	ListCell *lc;
	foreach (lc, subquery->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk)
			continue;
		auto i = static_cast<size_t>(tle->resno);
		if (i >= safety->unsafe_columns.size() || safety->unsafe_columns[i])
			continue;
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		if ((subquery->hasTargetSRFs && ReturnsSetWalker(expr, nullptr)) ||
			contain_volatile_functions(expr) ||
			(subquery->hasDistinctOn && !InSortList(tle, subquery->distinctClause)) ||
			(subquery->hasWindowFuncs && !InAllPartitionLists(tle, subquery)))
			safety->unsafe_columns[i] = true;
	}
}

bool SubqueryIsPushdownSafe(Query *subquery, Query *topquery, PushdownSafety *safety);

/* The operands of topquery's set operation (EXCEPT is never safe: a row
 * filtered out of its right side would no longer remove its match). */
bool RecursePushdownSafe(Node *setop, Query *topquery, PushdownSafety *safety)
{
	if (IsA(setop, RangeTblRef))
	{
		auto *rte = static_cast<RangeTblEntry *>(
			list_nth(topquery->rtable, reinterpret_cast<RangeTblRef *>(setop)->rtindex - 1));
		return SubqueryIsPushdownSafe(rte->subquery, topquery, safety);
	}
	auto *op = castNode(SetOperationStmt, setop);
	if (op->op == SETOP_EXCEPT)
		return false;
	return RecursePushdownSafe(op->larg, topquery, safety) &&
		RecursePushdownSafe(op->rarg, topquery, safety);
}

/* PostgreSQL's subquery_is_pushdown_safe: false when no condition may be
 * pushed into subquery; otherwise safety says which columns and
 * conditions may not. */
bool SubqueryIsPushdownSafe(Query *subquery, Query *topquery, PushdownSafety *safety)
{
	if (subquery->limitOffset != nullptr || subquery->limitCount != nullptr)
		return false;
	if (subquery->distinctClause != NIL || subquery->hasWindowFuncs || subquery->hasTargetSRFs)
		safety->unsafe_volatile = true;
	if (subquery->setOperations == nullptr)
		CheckOutputExpressions(subquery, safety);
	if (subquery == topquery)
		return subquery->setOperations == nullptr ||
			RecursePushdownSafe(subquery->setOperations, topquery, safety);
	/* An operand of a set operation: no nested set operation, and a
	 * column whose type is not the operation's is unsafe. */
	if (subquery->setOperations != nullptr)
		return false;
	auto *topop = castNode(SetOperationStmt, topquery->setOperations);
	ListCell *lc;
	ListCell *tc = list_head(topop->colTypes);
	foreach (lc, subquery->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk)
			continue;
		auto i = static_cast<size_t>(tle->resno);
		if (tc == nullptr)
			break;
		if (i < safety->unsafe_columns.size() &&
			exprType(reinterpret_cast<Node *>(tle->expr)) != lfirst_oid(tc))
			safety->unsafe_columns[i] = true;
		tc = lnext(topop->colTypes, tc);
	}
	return true;
}

/* PostgreSQL's qual_is_pushdown_safe for a condition on relation rti. */
bool QualIsPushdownSafe(Node *qual, Index rti, const PushdownSafety &safety)
{
	if (ContainSubplansWalker(qual, nullptr))
		return false;
	if (safety.unsafe_volatile && contain_volatile_functions(qual))
		return false;
	List *vars = PullVars(qual);
	if (vars == NIL)
		return false; /* nothing of the subquery: no reason to push */
	ListCell *lc;
	foreach (lc, vars)
	{
		Var *var = static_cast<Var *>(lfirst(lc));
		if (static_cast<Index>(var->varno) != rti || var->varattno <= 0)
			return false;
		auto i = static_cast<size_t>(var->varattno);
		if (i >= safety.unsafe_columns.size() || safety.unsafe_columns[i])
			return false;
	}
	return true;
}

struct ReplaceOutputsContext
{
	Index rti;
	List *tlist;
};

/* The condition's Vars of rti replaced by the subquery's output
 * expressions (PostgreSQL's ReplaceVarsFromTargetList). */
Node *ReplaceOutputsMutator(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	auto *ctx = static_cast<ReplaceOutputsContext *>(arg);
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (var->varlevelsup != 0 || static_cast<Index>(var->varno) != ctx->rti)
			return node;
		ListCell *lc;
		foreach (lc, ctx->tlist)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (tle->resno == var->varattno)
				return static_cast<Node *>(copyObjectImpl(tle->expr));
		}
		elog(ERROR, "subquery has no output column %d", var->varattno);
	}
	return node_children_mutator(node, ReplaceOutputsMutator, arg);
}

Node *AndQual(Node *existing, Node *qual)
{
	if (existing == nullptr)
		return qual;
	List *args = MakeAndList(existing);
	args = lappend(args, qual);
	return reinterpret_cast<Node *>(makeBoolExpr(AND_EXPR, args, -1));
}

void SubqueryPushQual(Query *topquery, Query *subquery, Index rti, Node *qual);

void RecursePushQual(Node *setop, Query *topquery, Index rti, Node *qual)
{
	if (IsA(setop, RangeTblRef))
	{
		auto *rte = static_cast<RangeTblEntry *>(
			list_nth(topquery->rtable, reinterpret_cast<RangeTblRef *>(setop)->rtindex - 1));
		SubqueryPushQual(topquery, rte->subquery, rti, qual);
		return;
	}
	auto *op = castNode(SetOperationStmt, setop);
	RecursePushQual(op->larg, topquery, rti, qual);
	RecursePushQual(op->rarg, topquery, rti, qual);
}

/* PostgreSQL's subquery_push_qual: into each operand of a set operation,
 * else into HAVING of a grouping subquery, else into WHERE. */
void SubqueryPushQual(Query *topquery, Query *subquery, Index rti, Node *qual)
{
	if (subquery->setOperations != nullptr)
	{
		RecursePushQual(subquery->setOperations, subquery, rti, qual);
		return;
	}
	(void) topquery;
	ReplaceOutputsContext ctx{rti, subquery->targetList};
	Node *pushed = ReplaceOutputsMutator(static_cast<Node *>(copyObjectImpl(qual)), &ctx);
	if (subquery->hasAggs || subquery->groupClause != NIL || subquery->groupingSets != NIL ||
		subquery->havingQual != nullptr)
		subquery->havingQual = AndQual(subquery->havingQual, pushed);
	else
		subquery->jointree->quals = AndQual(subquery->jointree->quals, pushed);
}

}  // namespace

List *PushDownSubqueryQuals(RangeTblEntry *rte, Index rti, List *rinfos)
{
	Query *subquery = rte->subquery;
	if (rinfos == NIL || subquery->commandType != CMD_SELECT)
		return rinfos;
	PushdownSafety safety;
	safety.unsafe_columns.assign(static_cast<size_t>(list_length(subquery->targetList)) + 1, false);
	if (!SubqueryIsPushdownSafe(subquery, subquery, &safety))
		return rinfos;
	List *upper = NIL;
	ListCell *lc;
	foreach (lc, rinfos)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		Node *clause = reinterpret_cast<Node *>(ri->clause);
		if (ri->pseudoconstant || !QualIsPushdownSafe(clause, rti, safety))
		{
			upper = lappend(upper, ri);
			continue;
		}
		SubqueryPushQual(subquery, subquery, rti, clause);
	}
	return upper;
}

}  // namespace tusk::optimizer
