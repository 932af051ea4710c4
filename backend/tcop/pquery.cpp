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
#include "tcop/portal_store.h"
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

void ScanForwardOnly()
{
	ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			errmsg("cursor can only scan forward"),
			errhint("Declare it with SCROLL option to enable backward scan."));
}

/* Up to count rows (FETCH_ALL: all; 0 or less: none, but the receiver
 * still gets its start and end) of the open SELECT, forward or backward
 * (PostgreSQL's PortalRunSelect); the rows moved over.  Keeps the
 * portal's atStart, atEnd and portalPos as PostgreSQL does: portalPos is
 * the row the cursor is on, or the number of rows when atEnd. */
uint64 PortalRunSelect(Portal portal, bool forward, long count, DestReceiver *dest)
{
	if (!forward && (portal->cursorOptions & CURSOR_OPT_NO_SCROLL) != 0)
		ScanForwardOnly();
	QueryDesc *qd = portal->queryDesc;
	bool moves = count > 0 && !(forward ? portal->atEnd : portal->atStart);
	uint64 limit = !moves || count == FETCH_ALL ? 0 : static_cast<uint64>(count);
	uint64 n = 0;
	if (!moves)
	{
		/* Nothing to read: the client still gets its (empty) rows' start. */
		dest->rStartup(dest, CMD_SELECT, portal->tupDesc);
		dest->rShutdown(dest);
		return 0;
	}
	if (qd != nullptr)
		PushActiveSnapshot(qd->snapshot);
	try
	{
		/* The first backward move of a cursor read by its executor so far. */
		if (!forward && portal->holdStore == nullptr)
			PortalRowStoreFromStart(portal);
		if (portal->holdStore != nullptr)
			n = PortalRowStoreRun(portal, forward, limit, dest);
		else
		{
			/* A plan Tusk only runs forward: the portal has no store only
			 * when it cannot scroll, and then its executor is still open. */
			if (qd == nullptr)
				elog(ERROR, "portal \"%s\" has neither rows nor an executor", portal->name);
			qd->dest = dest;
			uint64 before = qd->estate->es_processed;
			ExecutorRun(qd, ForwardScanDirection, limit);
			n = qd->estate->es_processed - before;
		}
	}
	catch (...)
	{
		if (qd != nullptr)
			PopActiveSnapshot();
		throw;
	}
	if (qd != nullptr)
		PopActiveSnapshot();
	if (forward)
	{
		if (n > 0)
			portal->atStart = false;
		/* Fewer rows than asked for: the plan is exhausted.  A limit met
		 * exactly leaves the portal suspended even if no row is left (the
		 * next Execute then completes with 0 rows), as in PostgreSQL. */
		if (limit == 0 || n < limit)
			portal->atEnd = true;
		portal->portalPos += n;
	}
	else
	{
		if (n > 0 && portal->atEnd)
		{
			/* Off the end, the position counted the rows; on the last row
			 * it is one more. */
			portal->atEnd = false;
			portal->portalPos++;
		}
		if (limit == 0 || n < limit)
		{
			portal->atStart = true;
			portal->portalPos = 0;
		}
		else
			portal->portalPos -= n;
	}
	return n;
}

/* Back to before the first row (PostgreSQL's DoPortalRewind): a cursor
 * that has not moved yet needs nothing, any other must be scrollable. */
void PortalRewind(Portal portal)
{
	if (portal->atStart && !portal->atEnd)
		return;
	if ((portal->cursorOptions & CURSOR_OPT_NO_SCROLL) != 0)
		ScanForwardOnly();
	if (portal->holdStore != nullptr)
		PortalRowStoreRewind(portal);
	else if (portal->queryDesc != nullptr)
	{
		PushActiveSnapshot(portal->queryDesc->snapshot);
		try
		{
			PortalExecutorRewind(portal);
		}
		catch (...)
		{
			PopActiveSnapshot();
			throw;
		}
		PopActiveSnapshot();
	}
	portal->atStart = true;
	portal->atEnd = false;
	portal->portalPos = 0;
}

/* FETCH/MOVE's directions in terms of forward and backward runs
 * (PostgreSQL's DoPortalRunFetch, whose row counts and errors these are):
 * ABSOLUTE and RELATIVE skip to the row before the one they return, a
 * count of 0 re-reads the current row, and MOVE BACKWARD ALL rewinds. */
uint64 DoPortalRunFetch(Portal portal, FetchDirection direction, long count, DestReceiver *dest)
{
	bool is_move = dest->mydest == DestNone;
	if ((direction == FETCH_FORWARD || direction == FETCH_BACKWARD) && count < 0)
	{
		direction = direction == FETCH_FORWARD ? FETCH_BACKWARD : FETCH_FORWARD;
		count = -count;
	}
	if (direction == FETCH_ABSOLUTE)
	{
		if (count == 0)
		{
			PortalRewind(portal);
			return PortalRunSelect(portal, true, 0, dest);
		}
		if (count < 0)
		{
			/* From the end: run to it, then back. */
			PortalRunSelect(portal, true, FETCH_ALL, None_Receiver);
			if (count < -1)
				PortalRunSelect(portal, false, -count - 1, None_Receiver);
			return PortalRunSelect(portal, false, 1, dest);
		}
		/* Row count: from the start when that is nearer, else from here
		 * (which decides whether a NO SCROLL cursor may do it). */
		uint64 target = static_cast<uint64>(count);
		if (target - 1 < portal->portalPos / 2)
		{
			PortalRewind(portal);
			if (count > 1)
				PortalRunSelect(portal, true, count - 1, None_Receiver);
		}
		else
		{
			uint64 pos = portal->portalPos + (portal->atEnd ? 1 : 0);
			if (target <= pos)
				PortalRunSelect(portal, false, static_cast<long>(pos - target + 1), None_Receiver);
			else if (target > pos + 1)
				PortalRunSelect(portal, true, static_cast<long>(target - pos - 1), None_Receiver);
		}
		return PortalRunSelect(portal, true, 1, dest);
	}
	if (direction == FETCH_RELATIVE)
	{
		if (count > 0)
		{
			if (count > 1)
				PortalRunSelect(portal, true, count - 1, None_Receiver);
			return PortalRunSelect(portal, true, 1, dest);
		}
		if (count < 0)
		{
			if (count < -1)
				PortalRunSelect(portal, false, -count - 1, None_Receiver);
			return PortalRunSelect(portal, false, 1, dest);
		}
		direction = FETCH_FORWARD; /* RELATIVE 0 is FORWARD 0 */
	}
	bool forward = direction == FETCH_FORWARD;
	if (count == 0)
	{
		/* The current row again, if the cursor is on one. */
		bool on_row = !portal->atStart && !portal->atEnd;
		if (is_move)
			return on_row ? 1 : 0;
		if (on_row)
		{
			PortalRunSelect(portal, false, 1, None_Receiver);
			count = 1;
			forward = true;
		}
	}
	if (!forward && count == FETCH_ALL && is_move)
	{
		uint64 moved = portal->portalPos;
		if (moved > 0 && !portal->atEnd)
			moved--;
		PortalRewind(portal);
		return moved;
	}
	return PortalRunSelect(portal, forward, count, dest);
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
	/* A held cursor has none: it runs under the transaction's. */
	if (portal->resowner != nullptr)
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
				uint64 n = PortalRunSelect(portal, true, count <= 0 ? FETCH_ALL : count, dest);
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

uint64 PortalRunFetch(Portal portal, FetchDirection direction, long count, DestReceiver *dest)
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
	/* A held cursor has none: it runs under the transaction's. */
	if (portal->resowner != nullptr)
		CurrentResourceOwner = portal->resowner;
	PortalContext = portal->portalContext;
	MemoryContext old = MemoryContextSwitchTo(portal->portalContext);
	uint64 n = 0;
	try
	{
		n = DoPortalRunFetch(portal, direction, count, dest);
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
