/*
 * portalcmds.cpp — SQL cursors: DECLARE, FETCH/MOVE, CLOSE
 * (commands/portalcmds.h).
 *
 * DECLARE plans the SELECT the analyzer left in the statement (analyzed
 * at Parse, so its $n parameters have their types then) with the
 * parameters of the statement that declares it, into a portal of the
 * cursor's name, started with the current snapshot: the cursor sees the
 * data as of its DECLARE.  FETCH and MOVE run that portal forward
 * (tcop/pquery.h PortalRunFetch); CLOSE and the end of the transaction
 * drop it.
 *
 * Principal entry points: PerformCursorOpen, PerformPortalFetch,
 * PerformPortalClose, CursorFetchTupleDesc.
 */
#include "postgres.h"

#include "commands/portalcmds.h"

#include <string>

#include "access/xact.h"
#include "optimizer/planner.h"
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

}  // namespace

void PerformCursorOpen(DeclareCursorStmt *stmt, ParamListInfo params, const char *queryString)
{
	if (stmt->portalname == nullptr || stmt->portalname[0] == '\0')
		ereport(ERROR, errcode(ERRCODE_INVALID_CURSOR_NAME),
				errmsg("invalid cursor name: must not be empty"));
	if ((stmt->options & CURSOR_OPT_HOLD) == 0)
		RequireTransactionBlock(true, "DECLARE CURSOR");
	else
		NotYet("DECLARE CURSOR WITH HOLD");
	if ((stmt->options & CURSOR_OPT_SCROLL) != 0)
		NotYet("DECLARE SCROLL CURSOR");
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
	portal->visible = true;
	/* Tusk's cursors cannot go backwards (yet): NO SCROLL. */
	portal->cursorOptions = (stmt->options & ~CURSOR_OPT_SCROLL) | CURSOR_OPT_NO_SCROLL;
	PortalStart(portal, params, 0, GetActiveSnapshot());
}

std::string PerformPortalFetch(FetchStmt *stmt, DestReceiver *dest)
{
	Portal portal = CursorByName(stmt->portalname);
	if (stmt->direction != FETCH_FORWARD || stmt->howMany < 0)
		NotYet(stmt->ismove ? "MOVE in a direction other than FORWARD"
							: "FETCH in a direction other than FORWARD");
	if (stmt->howMany == 0)
		NotYet(stmt->ismove ? "MOVE 0 (the current row)" : "FETCH 0 (the current row)");
	uint64 n = PortalRunFetch(portal, stmt->howMany, stmt->ismove ? None_Receiver : dest);
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
