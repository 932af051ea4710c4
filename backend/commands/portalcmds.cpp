/*
 * portalcmds.cpp — SQL cursors: DECLARE, FETCH/MOVE, CLOSE
 * (commands/portalcmds.h).
 *
 * DECLARE plans the SELECT the analyzer left in the statement (analyzed
 * at Parse, so its $n parameters have their types then) with the
 * parameters of the statement that declares it, into a portal of the
 * cursor's name, started with the current snapshot: the cursor sees the
 * data as of its DECLARE.  FETCH and MOVE run that portal in any
 * direction (tcop/pquery.h PortalRunFetch); CLOSE and the end of the
 * transaction drop it — but for a WITH HOLD cursor, whose rows the commit
 * stores (PersistHoldablePortal) so that it lives on.
 *
 * Whether a cursor may move backward is PostgreSQL's rule: SCROLL says
 * yes, NO SCROLL says no, and neither means yes exactly when PostgreSQL's
 * executor could run the plan backward and it locks no rows.
 *
 * Principal entry points: PerformCursorOpen, PerformPortalFetch,
 * PerformPortalClose, CursorFetchTupleDesc, PersistHoldablePortal.
 */
#include "postgres.h"

#include "commands/portalcmds.h"

#include <string>

#include "access/xact.h"
#include "executor/executor.h"
#include "nodes/plannodes.h"
#include "optimizer/planner.h"
#include "tcop/portal_store.h"
#include "tcop/pquery.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

namespace {

/* The open cursor named name, or ERROR 34000. */
Portal CursorByName(const char *name)
{
	if (name == nullptr || name[0] == '\0')
		ereport(ERROR, errcode(ERRCODE_INVALID_CURSOR_NAME),
				errmsg("invalid cursor name: must not be empty"));
	Portal portal = GetPortalByName(name);
	if (!PortalIsValid(portal))
		ereport(ERROR, errcode(ERRCODE_INVALID_CURSOR_NAME),
				errmsg("cursor \"%s\" does not exist", name));
	return portal;
}

void NotYet(const char *what)
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED), errmsg("%s is not supported yet", what));
}

/* Whether PostgreSQL's executor could run plan backward by itself
 * (PostgreSQL's ExecSupportsBackwardScan).  Tusk runs every plan forward
 * and scrolls through stored rows instead, but a cursor declared without
 * SCROLL or NO SCROLL is scrollable exactly when PostgreSQL's would be, so
 * that the same FETCHes succeed and fail. */
bool PostgresScansBackward(Plan *plan)
{
	if (plan == nullptr)
		return false;
	switch (nodeTag(plan))
	{
		case T_Result:
			return outerPlan(plan) != nullptr && PostgresScansBackward(outerPlan(plan));
		case T_Append:
		{
			Append *append = reinterpret_cast<Append *>(plan);
			if (append->nasyncplans > 0)
				return false;
			ListCell *lc;
			foreach (lc, append->appendplans)
				if (!PostgresScansBackward(static_cast<Plan *>(lfirst(lc))))
					return false;
			return true;
		}
		case T_IndexScan:
			return true; /* B-tree indexes scan both ways */
		case T_SubqueryScan:
			return PostgresScansBackward(reinterpret_cast<SubqueryScan *>(plan)->subplan);
		case T_SeqScan:
		case T_FunctionScan:
		case T_ValuesScan:
		case T_CteScan:
		case T_Material:
		case T_Sort:
			return true;
		case T_LockRows:
		case T_Limit:
			return PostgresScansBackward(outerPlan(plan));
		default:
			return false;
	}
}

}  // namespace

void PerformCursorOpen(DeclareCursorStmt *stmt, ParamListInfo params, const char *queryString)
{
	if (stmt->portalname == nullptr || stmt->portalname[0] == '\0')
		ereport(ERROR, errcode(ERRCODE_INVALID_CURSOR_NAME),
				errmsg("invalid cursor name: must not be empty"));
	/* A cursor that ends with its transaction is of no use outside a block. */
	if ((stmt->options & CURSOR_OPT_HOLD) == 0)
		RequireTransactionBlock(true, "DECLARE CURSOR");
	if ((stmt->options & CURSOR_OPT_BINARY) != 0)
		NotYet("DECLARE BINARY CURSOR");
	Query *query = castNode(Query, stmt->query);
	if (query->commandType != CMD_SELECT)
		elog(ERROR, "DECLARE CURSOR of a statement other than SELECT");

	Portal portal = CreatePortal(stmt->portalname, false, false);
	MemoryContext old = MemoryContextSwitchTo(portal->portalContext);
	/* The planner scribbles on its input: plan a copy in the portal's memory. */
	Query *copy = static_cast<Query *>(copyObject(query));
	PlannedStmt *plan = planner(copy, queryString, stmt->options, params);
	PortalDefineQuery(portal, nullptr, pstrdup(queryString), "SELECT", list_make1(plan), nullptr);
	MemoryContextSwitchTo(old);
	/* Neither SCROLL nor NO SCROLL: scrollable if PostgreSQL's plan could
	 * run backward without a Material node, and it has no FOR UPDATE. */
	portal->cursorOptions = stmt->options;
	if ((portal->cursorOptions & (CURSOR_OPT_SCROLL | CURSOR_OPT_NO_SCROLL)) == 0)
		portal->cursorOptions |= plan->rowMarks == NIL && PostgresScansBackward(plan->planTree)
			? CURSOR_OPT_SCROLL
			: CURSOR_OPT_NO_SCROLL;
	portal->visible = true;
	PortalStart(portal, params, 0, GetActiveSnapshot());
	/* Where PostgreSQL would put a Material node above the plan so that it
	 * can scroll, the cursor keeps every row it reads from the start. */
	if ((portal->cursorOptions & CURSOR_OPT_SCROLL) != 0 && !PostgresScansBackward(plan->planTree))
		PortalCreateRowStore(portal, true);
}

std::string PerformPortalFetch(FetchStmt *stmt, DestReceiver *dest)
{
	Portal portal = CursorByName(stmt->portalname);
	uint64 n = PortalRunFetch(portal, stmt->direction, stmt->howMany,
							  stmt->ismove ? None_Receiver : dest);
	std::string tag = stmt->ismove ? "MOVE " : "FETCH ";
	tag += std::to_string(n);
	return tag;
}

void PerformPortalClose(const char *name)
{
	if (name == nullptr)
	{
		PortalHashTableDeleteAll();
		return;
	}
	PortalDrop(CursorByName(name), false);
}

TupleDesc CursorFetchTupleDesc(FetchStmt *stmt)
{
	if (stmt->ismove || stmt->portalname == nullptr)
		return nullptr;
	Portal portal = GetPortalByName(stmt->portalname);
	if (!PortalIsValid(portal) || portal->tupDesc == nullptr)
		return nullptr;
	return CreateTupleDescCopy(portal->tupDesc);
}

void PersistHoldablePortal(Portal portal)
{
	QueryDesc *qd = portal->queryDesc;
	if (qd == nullptr)
		elog(ERROR, "holdable cursor \"%s\" has no executor", portal->name);
	/* The rows' shape lives in the executor's memory, which goes now. */
	MemoryContext old = MemoryContextSwitchTo(portal->portalContext);
	portal->tupDesc = CreateTupleDescCopy(portal->tupDesc);
	MemoryContextSwitchTo(old);
	if (portal->status != PORTAL_READY)
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("portal \"%s\" cannot be run", portal->name));
	portal->status = PORTAL_ACTIVE;
	ResourceOwner saveOwner = CurrentResourceOwner;
	MemoryContext savePortalContext = PortalContext;
	if (portal->resowner != nullptr)
		CurrentResourceOwner = portal->resowner;
	PortalContext = portal->portalContext;
	old = MemoryContextSwitchTo(portal->portalContext);
	PushActiveSnapshot(qd->snapshot);
	try
	{
		if ((portal->cursorOptions & CURSOR_OPT_SCROLL) != 0)
		{
			/* Every row, to scroll back to the first; the position stays. */
			if (portal->holdStore == nullptr)
				PortalRowStoreFromStart(portal);
			PortalRowStoreFillAll(portal);
		}
		else
		{
			/* Only the rows still to come: it never goes back. */
			PortalCreateRowStore(portal, true);
			PortalRowStoreFillRest(portal);
		}
	}
	catch (...)
	{
		PopActiveSnapshot();
		portal->status = PORTAL_FAILED;
		CurrentResourceOwner = saveOwner;
		PortalContext = savePortalContext;
		MemoryContextSwitchTo(old);
		throw;
	}
	PopActiveSnapshot();
	CurrentResourceOwner = saveOwner;
	PortalContext = savePortalContext;
	MemoryContextSwitchTo(old);
	portal->status = PORTAL_READY;
}
