/*
 * pquery.cpp — running portals (tcop/pquery.h).
 *
 * Principal entry points: ChoosePortalStrategy, PortalStart, PortalRun,
 * FetchPortalTargetList.
 *
 * While a portal runs, its resource owner is the current one (a scan's
 * pins belong to the portal, not to the message that happened to run it)
 * and PortalContext is its memory.  A SELECT's executor is started by
 * PortalStart with a registered snapshot of its own, so a portal resumed
 * by a later Execute sees what it saw when it started, as in PostgreSQL.
 */
#include "postgres.h"

#include <string>

#include "access/xact.h"
#include "commands/portalcmds.h"
#include "commands/prepare.h"
#include "executor/executor.h"
#include "tcop/pquery.h"
#include "tcop/utility.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

namespace {

PlannedStmt *OnlyStatement(Portal portal)
{
	return list_length(portal->stmts) == 1 ? static_cast<PlannedStmt *>(linitial(portal->stmts))
										   : nullptr;
}

void SetTag(char *completionTag, const std::string &tag)
{
	if (completionTag != nullptr)
		snprintf(completionTag, COMPLETION_TAG_BUFSIZE, "%s", tag.c_str());
}

/* A utility statement (PostgreSQL's PortalRunUtility): with a snapshot,
 * unless it is transaction control, which must not hold one. */
void RunUtility(Portal portal, PlannedStmt *pstmt, DestReceiver *dest, char *completionTag)
{
	Node *stmt = pstmt->utilityStmt;
	bool snapshot = StatementRequiresSnapshot(stmt);
	if (snapshot)
		PushActiveSnapshot(GetTransactionSnapshot());
	uint64 processed = 0;
	std::string tag;
	if (IsA(stmt, ExecuteStmt))
		tag = ExecuteQueryWithTag(reinterpret_cast<ExecuteStmt *>(stmt), portal->sourceText,
								  portal->portalParams, dest);
	else if (IsA(stmt, DeclareCursorStmt))
	{
		/* The cursor's query takes this statement's parameters. */
		PerformCursorOpen(reinterpret_cast<DeclareCursorStmt *>(stmt), portal->portalParams,
						  portal->sourceText);
		tag = "DECLARE CURSOR";
	}
	else if (IsA(stmt, FetchStmt))
		tag = PerformPortalFetch(reinterpret_cast<FetchStmt *>(stmt), dest);
	else if (IsA(stmt, ClosePortalStmt))
	{
		const char *name = reinterpret_cast<ClosePortalStmt *>(stmt)->portalname;
		PerformPortalClose(name);
		tag = name != nullptr ? "CLOSE CURSOR" : "CLOSE CURSOR ALL";
	}
	else
	{
		ProcessUtility(pstmt, portal->sourceText, dest, &processed);
		tag = CommandCompleteTag(stmt, CMD_UTILITY, processed);
	}
	if (snapshot && ActiveSnapshotSet())
		PopActiveSnapshot();
	SetTag(completionTag, tag);
}

/* An INSERT/UPDATE/DELETE (or a SELECT run in one go), to completion
 * (PostgreSQL's ProcessQuery). */
void ProcessQuery(Portal portal, PlannedStmt *pstmt, DestReceiver *dest, char *completionTag)
{
	PushActiveSnapshot(GetTransactionSnapshot());
	QueryDesc *qd = CreateQueryDesc(pstmt, portal->sourceText, GetActiveSnapshot(), dest,
									portal->portalParams, 0);
	ExecutorStart(qd, 0);
	ExecutorRun(qd, ForwardScanDirection, 0);
	ExecutorFinish(qd);
	uint64 processed = qd->estate->es_processed;
	ExecutorEnd(qd);
	FreeQueryDesc(qd);
	PopActiveSnapshot();
	SetTag(completionTag,
		   CommandCompleteTag(reinterpret_cast<Node *>(pstmt), pstmt->commandType, processed));
}

/* Up to count more rows of the open SELECT (PostgreSQL's PortalRunSelect);
 * the rows sent this time. */
uint64 RunSelect(Portal portal, long count, DestReceiver *dest)
{
	QueryDesc *qd = portal->queryDesc;
	if (portal->atEnd)
	{
		/* Done already: the client still gets its (empty) rows' start. */
		dest->rStartup(dest, CMD_SELECT, portal->tupDesc);
		dest->rShutdown(dest);
		return 0;
	}
	qd->dest = dest;
	uint64 before = qd->estate->es_processed;
	uint64 limit = count <= 0 || count == FETCH_ALL ? 0 : static_cast<uint64>(count);
	PushActiveSnapshot(qd->snapshot);
	ExecutorRun(qd, ForwardScanDirection, limit);
	PopActiveSnapshot();
	uint64 n = qd->estate->es_processed - before;
	portal->atStart = false;
	portal->portalPos += n;
	/* Fewer rows than asked for: the plan is exhausted.  A limit met
	 * exactly leaves the portal suspended even if no row is left (the
	 * next Execute then completes with 0 rows), as in PostgreSQL. */
	if (limit == 0 || n < limit)
		portal->atEnd = true;
	return n;
}

}  // namespace

PortalStrategy ChoosePortalStrategy(List *stmts)
{
	if (list_length(stmts) != 1)
		return PORTAL_MULTI_QUERY;
	PlannedStmt *pstmt = static_cast<PlannedStmt *>(linitial(stmts));
	if (pstmt->commandType == CMD_UTILITY)
		return UtilityReturnsTuples(pstmt->utilityStmt) ? PORTAL_UTIL_SELECT : PORTAL_MULTI_QUERY;
	if (pstmt->commandType == CMD_SELECT && !pstmt->hasModifyingCTE)
		return PORTAL_ONE_SELECT;
	if (pstmt->hasReturning)
		return PORTAL_ONE_RETURNING;
	return PORTAL_MULTI_QUERY;
}

void PortalStart(Portal portal, ParamListInfo params, int eflags, Snapshot snapshot)
{
	if (portal->status != PORTAL_DEFINED)
		elog(ERROR, "PortalStart: portal \"%s\" is not defined", portal->name);
	MemoryContext old = MemoryContextSwitchTo(portal->portalContext);
	ResourceOwner saveOwner = CurrentResourceOwner;
	CurrentResourceOwner = portal->resowner;
	portal->portalParams = copyParamList(params);
	portal->strategy = ChoosePortalStrategy(portal->stmts);
	PlannedStmt *pstmt = OnlyStatement(portal);
	try
	{
		switch (portal->strategy)
		{
			case PORTAL_ONE_SELECT:
			{
				Snapshot snap = RegisterSnapshot(
					snapshot != InvalidSnapshot ? snapshot : GetTransactionSnapshot());
				PushActiveSnapshot(snap);
				QueryDesc *qd = CreateQueryDesc(pstmt, portal->sourceText, snap, None_Receiver,
												portal->portalParams, 0);
				ExecutorStart(qd, eflags);
				PopActiveSnapshot();
				portal->queryDesc = qd;
				portal->tupDesc = qd->tupDesc;
				break;
			}
			case PORTAL_ONE_RETURNING:
			case PORTAL_ONE_MOD_WITH:
				portal->tupDesc = ExecCleanTypeFromTL(pstmt->planTree->targetlist);
				break;
			case PORTAL_UTIL_SELECT:
				portal->tupDesc = UtilityTupleDescriptor(pstmt->utilityStmt);
				break;
			case PORTAL_MULTI_QUERY:
				portal->tupDesc = nullptr;
				break;
		}
	}
	catch (...)
	{
		portal->status = PORTAL_FAILED;
		CurrentResourceOwner = saveOwner;
		MemoryContextSwitchTo(old);
		throw;
	}
	CurrentResourceOwner = saveOwner;
	MemoryContextSwitchTo(old);
	portal->atStart = true;
	portal->atEnd = false;
	portal->portalPos = 0;
	portal->status = PORTAL_READY;
}

bool PortalRun(Portal portal, long count, bool, DestReceiver *dest, DestReceiver *altdest,
			   char *completionTag)
{
	if (portal->status != PORTAL_READY)
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("portal \"%s\" cannot be run", portal->name));
	portal->status = PORTAL_ACTIVE;
	portal->activeSubid = GetCurrentSubTransactionId();
	if (completionTag != nullptr)
		completionTag[0] = '\0';
	ResourceOwner saveOwner = CurrentResourceOwner;
	MemoryContext savePortalContext = PortalContext;
	CurrentResourceOwner = portal->resowner;
	PortalContext = portal->portalContext;
	MemoryContext old = MemoryContextSwitchTo(portal->portalContext);
	bool completed = true;
	try
	{
		switch (portal->strategy)
		{
			case PORTAL_ONE_SELECT:
			{
				uint64 n = RunSelect(portal, count, dest);
				completed = portal->atEnd;
				if (completed)
					SetTag(completionTag, "SELECT " + std::to_string(n));
				break;
			}
			case PORTAL_ONE_RETURNING:
			case PORTAL_ONE_MOD_WITH:
				ProcessQuery(portal, OnlyStatement(portal), dest, completionTag);
				break;
			case PORTAL_UTIL_SELECT:
				RunUtility(portal, OnlyStatement(portal), dest, completionTag);
				break;
			case PORTAL_MULTI_QUERY:
			{
				ListCell *lc;
				foreach (lc, portal->stmts)
				{
					PlannedStmt *pstmt = static_cast<PlannedStmt *>(lfirst(lc));
					if (pstmt->commandType == CMD_UTILITY)
						RunUtility(portal, pstmt, altdest, completionTag);
					else
						ProcessQuery(portal, pstmt, altdest, completionTag);
					if (lnext(portal->stmts, lc) != nullptr)
						CommandCounterIncrement();
				}
				break;
			}
		}
	}
	catch (...)
	{
		portal->status = PORTAL_FAILED;
		CurrentResourceOwner = saveOwner;
		PortalContext = savePortalContext;
		MemoryContextSwitchTo(old);
		throw;
	}
	/* A transaction statement may have ended the transaction and with it
	 * this portal's resource owner: then there is none to go back to
	 * either but the new transaction's. */
	CurrentResourceOwner = saveOwner;
	PortalContext = savePortalContext;
	MemoryContextSwitchTo(old);
	if (completed)
		portal->atEnd = true;
	portal->status = completed ? PORTAL_DONE : PORTAL_READY;
	return completed;
}

uint64 PortalRunFetch(Portal portal, long count, DestReceiver *dest)
{
	if (portal->strategy != PORTAL_ONE_SELECT)
		elog(ERROR, "portal \"%s\" is not a cursor", portal->name);
	if (portal->status != PORTAL_READY)
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("portal \"%s\" cannot be run", portal->name));
	portal->status = PORTAL_ACTIVE;
	portal->activeSubid = GetCurrentSubTransactionId();
	ResourceOwner saveOwner = CurrentResourceOwner;
	MemoryContext savePortalContext = PortalContext;
	CurrentResourceOwner = portal->resowner;
	PortalContext = portal->portalContext;
	MemoryContext old = MemoryContextSwitchTo(portal->portalContext);
	uint64 n = 0;
	try
	{
		n = RunSelect(portal, count, dest);
	}
	catch (...)
	{
		portal->status = PORTAL_FAILED;
		CurrentResourceOwner = saveOwner;
		PortalContext = savePortalContext;
		MemoryContextSwitchTo(old);
		throw;
	}
	CurrentResourceOwner = saveOwner;
	PortalContext = savePortalContext;
	MemoryContextSwitchTo(old);
	/* Unlike PortalRun, the end of the rows leaves a cursor open: FETCH
	 * and MOVE after it return nothing until CLOSE. */
	portal->status = PORTAL_READY;
	return n;
}

List *FetchPortalTargetList(Portal portal)
{
	PlannedStmt *pstmt = OnlyStatement(portal);
	if (pstmt == nullptr || portal->tupDesc == nullptr || pstmt->commandType == CMD_UTILITY)
		return NIL;
	return pstmt->planTree->targetlist;
}
