/*
 * parse_locking.cpp — SELECT … FOR [NO KEY] UPDATE / FOR [KEY] SHARE
 * [OF name …] [NOWAIT | SKIP LOCKED]: which tables' rows the query locks
 * (Query.rowMarks), with PostgreSQL's restrictions and messages.
 *
 * The planner turns each RowMarkClause into a PlanRowMark and puts a
 * LockRows node above the scan/join (and ORDER BY's sort), below LIMIT;
 * the executor locks each row it returns (nodeLockRows.cpp).
 */
#include "postgres.h"

#include "parse_locking.h"

#include <cstring>

#include "nodes/parsenodes.h"
#include "storage/lmgr.h"
#include "storage/lock.h"

namespace {

/* PostgreSQL's CheckSelectLocking: what a locking SELECT may not have. */
void CheckSelectLocking(ParseState *pstate, Query *qry, LockClauseStrength strength)
{
	const char *what = nullptr;
	if (qry->distinctClause != NIL)
		what = "%s is not allowed with DISTINCT clause";
	else if (qry->groupClause != NIL || qry->groupingSets != NIL)
		what = "%s is not allowed with GROUP BY clause";
	else if (qry->havingQual != nullptr)
		what = "%s is not allowed with HAVING clause";
	else if (qry->hasAggs)
		what = "%s is not allowed with aggregate functions";
	else if (qry->hasWindowFuncs || pstate->p_hasWindowFuncs)
		what = "%s is not allowed with window functions";
	else if (qry->hasTargetSRFs || pstate->p_hasTargetSRFs)
		what = "%s is not allowed with set-returning functions in the target list";
	if (what != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg(what, LockClauseStrengthName(strength)));
}

void ApplyLockingClause(Query *qry, Index rti, const LockingClause *lc)
{
	qry->hasForUpdate = true;
	auto *rte = static_cast<RangeTblEntry *>(list_nth(qry->rtable, static_cast<int>(rti) - 1));
	if (rte->rellockmode < RowShareLock)
	{
		LockRelationOid(rte->relid, RowShareLock);
		rte->rellockmode = RowShareLock;
	}
	ListCell *l;
	foreach (l, qry->rowMarks)
	{
		auto *rc = static_cast<RowMarkClause *>(lfirst(l));
		if (rc->rti == rti)
		{
			/* Named twice: the strongest lock, the most impatient wait. */
			rc->strength = Max(rc->strength, lc->strength);
			rc->waitPolicy = Max(rc->waitPolicy, lc->waitPolicy);
			return;
		}
	}
	RowMarkClause *rc = makeNode(RowMarkClause);
	rc->rti = rti;
	rc->strength = lc->strength;
	rc->waitPolicy = lc->waitPolicy;
	rc->pushedDown = false;
	qry->rowMarks = lappend(qry->rowMarks, rc);
}

/* Whether a subquery reads a table (its own FROM or a nested subquery's). */
bool ReadsTable(Query *qry)
{
	ListCell *l;
	foreach (l, qry->rtable)
	{
		auto *rte = static_cast<RangeTblEntry *>(lfirst(l));
		if (rte->rtekind == RTE_RELATION ||
			(rte->rtekind == RTE_SUBQUERY && ReadsTable(rte->subquery)))
			return true;
	}
	return false;
}

/*
 * A subquery in FROM: PostgreSQL locks the rows of its tables.  One that
 * reads no table (VALUES) has nothing to lock; one that does is not
 * supported yet.
 */
void ApplyToSubquery(ParseState *pstate, const LockingClause *lc, RangeTblEntry *rte, int location)
{
	if (!ReadsTable(rte->subquery))
		return;
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("%s of a subquery in FROM is not supported yet",
				   LockClauseStrengthName(lc->strength)),
			parser_errposition(pstate, location));
}

/* A named FROM item: lock it, or PostgreSQL's error for what it is. */
void ApplyToNamed(ParseState *pstate, Query *qry, const LockingClause *lc, RangeVar *rv)
{
	const char *strength = LockClauseStrengthName(lc->strength);
	if (rv->catalogname != nullptr || rv->schemaname != nullptr)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("%s must specify unqualified relation names", strength),
				parser_errposition(pstate, rv->location));
	Index rti = 0;
	ListCell *l;
	foreach (l, qry->rtable)
	{
		auto *rte = static_cast<RangeTblEntry *>(lfirst(l));
		rti++;
		if (!rte->inFromCl)
			continue;
		const char *name = rte->rtekind == RTE_JOIN && rte->join_using_alias != nullptr
			? rte->join_using_alias->aliasname
			: rte->eref->aliasname;
		if (strcmp(name, rv->relname) != 0)
			continue;
		const char *cannot = nullptr;
		switch (rte->rtekind)
		{
			case RTE_RELATION:
				ApplyLockingClause(qry, rti, lc);
				return;
			case RTE_SUBQUERY:
				ApplyToSubquery(pstate, lc, rte, rv->location);
				return;
			case RTE_JOIN:
				cannot = "%s cannot be applied to a join";
				break;
			case RTE_FUNCTION:
				cannot = "%s cannot be applied to a function";
				break;
			case RTE_TABLEFUNC:
				cannot = "%s cannot be applied to a table function";
				break;
			case RTE_VALUES:
				cannot = "%s cannot be applied to VALUES";
				break;
			case RTE_CTE:
				cannot = "%s cannot be applied to a WITH query";
				break;
			default:
				elog(ERROR, "unrecognized RTE type: %d", static_cast<int>(rte->rtekind));
		}
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED), errmsg(cannot, strength),
				parser_errposition(pstate, rv->location));
	}
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
			errmsg("relation \"%s\" in %s clause not found in FROM clause", rv->relname, strength),
			parser_errposition(pstate, rv->location));
}

}  // namespace

const char *LockClauseStrengthName(LockClauseStrength strength)
{
	switch (strength)
	{
		case LCS_NONE:
			break;
		case LCS_FORKEYSHARE:
			return "FOR KEY SHARE";
		case LCS_FORSHARE:
			return "FOR SHARE";
		case LCS_FORNOKEYUPDATE:
			return "FOR NO KEY UPDATE";
		case LCS_FORUPDATE:
			return "FOR UPDATE";
	}
	return "FOR some"; /* PostgreSQL's text for the impossible case */
}

void TransformLockingClauses(ParseState *pstate, Query *qry, List *lockingClause)
{
	ListCell *l;
	foreach (l, lockingClause)
	{
		auto *lc = static_cast<LockingClause *>(lfirst(l));
		CheckSelectLocking(pstate, qry, lc->strength);
		if (pstate->parentParseState != nullptr)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s in a subquery is not supported yet",
						   LockClauseStrengthName(lc->strength)));
		if (lc->lockedRels == NIL)
		{
			/* Every table of the FROM clause (not functions, VALUES, WITH
			 * queries or joins as such). */
			Index rti = 0;
			ListCell *r;
			foreach (r, qry->rtable)
			{
				auto *rte = static_cast<RangeTblEntry *>(lfirst(r));
				rti++;
				if (!rte->inFromCl)
					continue;
				if (rte->rtekind == RTE_RELATION)
					ApplyLockingClause(qry, rti, lc);
				else if (rte->rtekind == RTE_SUBQUERY)
					ApplyToSubquery(pstate, lc, rte, -1);
			}
			continue;
		}
		ListCell *r;
		foreach (r, lc->lockedRels)
			ApplyToNamed(pstate, qry, lc, castNode(RangeVar, lfirst(r)));
	}
}
