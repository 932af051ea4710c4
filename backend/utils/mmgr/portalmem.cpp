/*
 * portalmem.cpp — the portals of a backend (utils/portal.h).
 *
 * Portals are found by name in one map; each portal's struct and its
 * memory live in its own context under "TopPortalContext", so dropping a
 * portal is one context deletion.  The end of every transaction drops
 * every portal: at commit (before the commit record, like PostgreSQL's
 * AtCommit_Portals) an open executor is shut down cleanly; at abort
 * (AtAbort_Portals) it is not touched again — the transaction's abort has
 * already released its locks and pins — and only its memory and resource
 * owner go.
 */
#include "postgres.h"

#include <map>
#include <string>

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type_d.h"
#include "executor/executor.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/portal.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

namespace {

MemoryContext TopPortalContext = nullptr;

std::map<std::string, Portal> &Portals()
{
	static std::map<std::string, Portal> portals;
	return portals;
}

/* Shut the executor of a portal that is not failed (PostgreSQL's
 * PortalCleanup). */
void PortalCleanup(Portal portal)
{
	QueryDesc *qd = portal->queryDesc;
	if (qd == nullptr)
		return;
	portal->queryDesc = nullptr;
	if (portal->status == PORTAL_FAILED)
		return;
	ResourceOwner save = CurrentResourceOwner;
	CurrentResourceOwner = portal->resowner;
	ExecutorFinish(qd);
	ExecutorEnd(qd);
	UnregisterSnapshot(qd->snapshot);
	CurrentResourceOwner = save;
}

void DropAllAtTransactionEnd(bool isCommit)
{
	/* PortalDrop erases from the map: take a copy of the names. */
	std::map<std::string, Portal> all = Portals();
	for (auto &[name, portal] : all)
	{
		if (!isCommit || portal->status == PORTAL_ACTIVE)
			portal->status = PORTAL_FAILED; /* its executor state is not trustworthy */
		PortalDrop(portal, isCommit);
	}
}

void PortalXactCallback(XactEvent event, void *)
{
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
			DropAllAtTransactionEnd(true);
			break;
		case XACT_EVENT_ABORT:
			DropAllAtTransactionEnd(false);
			break;
		default:
			break;
	}
}

}  // namespace

void EnablePortalManager(void)
{
	if (TopPortalContext != nullptr)
		return;
	TopPortalContext = AllocSetContextCreate(TopMemoryContext, "TopPortalContext",
											 ALLOCSET_DEFAULT_SIZES);
	RegisterXactCallback(PortalXactCallback, nullptr);
}

Portal GetPortalByName(const char *name)
{
	auto it = Portals().find(name != nullptr ? name : "");
	return it == Portals().end() ? nullptr : it->second;
}

Portal CreatePortal(const char *name, bool allowDup, bool dupSilent)
{
	EnablePortalManager();
	Portal old = GetPortalByName(name);
	if (old != nullptr)
	{
		if (!allowDup)
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_CURSOR),
					errmsg("cursor \"%s\" already exists", name));
		if (!dupSilent)
			ereport(WARNING, errcode(ERRCODE_DUPLICATE_CURSOR),
					errmsg("closing existing cursor \"%s\"", name));
		PortalDrop(old, false);
	}
	MemoryContext cxt = AllocSetContextCreate(TopPortalContext, "PortalContext",
											  ALLOCSET_SMALL_SIZES);
	MemoryContext oldcxt = MemoryContextSwitchTo(cxt);
	auto *portal = static_cast<Portal>(palloc0(sizeof(PortalData)));
	portal->name = pstrdup(name);
	portal->portalContext = cxt;
	portal->resowner = ResourceOwnerCreate(CurTransactionResourceOwner, "Portal");
	portal->strategy = PORTAL_MULTI_QUERY;
	portal->status = PORTAL_NEW;
	portal->atStart = true;
	portal->atEnd = true;
	portal->visible = true;
	portal->cursorOptions = CURSOR_OPT_NO_SCROLL;
	portal->creation_time = GetCurrentStatementStartTimestamp();
	portal->createSubid = GetCurrentSubTransactionId();
	portal->activeSubid = portal->createSubid;
	MemoryContextSwitchTo(oldcxt);
	MemoryContextSetIdentifier(cxt, portal->name);
	Portals()[portal->name] = portal;
	return portal;
}

Portal CreateNewPortal(void)
{
	static unsigned int unnamed_portal_count = 0;
	for (;;)
	{
		char name[64];
		snprintf(name, sizeof name, "<unnamed portal %u>", ++unnamed_portal_count);
		if (GetPortalByName(name) == nullptr)
			return CreatePortal(name, false, false);
	}
}

void PortalDefineQuery(Portal portal, const char *prepStmtName, const char *sourceText,
					   const char *commandTag, List *stmts, CachedPlan *cplan)
{
	if (portal->status != PORTAL_NEW)
		elog(ERROR, "PortalDefineQuery: portal \"%s\" is already defined", portal->name);
	portal->prepStmtName = prepStmtName != nullptr
		? MemoryContextStrdup(portal->portalContext, prepStmtName)
		: nullptr;
	portal->sourceText = sourceText;
	portal->commandTag = commandTag;
	portal->stmts = stmts;
	portal->cplan = cplan;
	portal->status = PORTAL_DEFINED;
}

void PortalDrop(Portal portal, bool isTopCommit)
{
	if (portal->status == PORTAL_ACTIVE && !isTopCommit)
		ereport(ERROR, errcode(ERRCODE_INVALID_CURSOR_STATE),
				errmsg("cannot drop active portal \"%s\"", portal->name));
	Portals().erase(portal->name);
	PortalCleanup(portal);
	if (portal->cplan != nullptr)
	{
		ReleaseCachedPlan(portal->cplan);
		portal->cplan = nullptr;
	}
	if (portal->resowner != nullptr)
	{
		/* A failed portal's pins went with the transaction's abort; what a
		 * finished one still holds is a leak, reported at commit. */
		bool clean = portal->status != PORTAL_FAILED;
		ResourceOwnerRelease(portal->resowner, RESOURCE_RELEASE_BEFORE_LOCKS, clean, false);
		ResourceOwnerRelease(portal->resowner, RESOURCE_RELEASE_LOCKS, clean, false);
		ResourceOwnerRelease(portal->resowner, RESOURCE_RELEASE_AFTER_LOCKS, clean, false);
		if (CurrentResourceOwner == portal->resowner)
			CurrentResourceOwner = nullptr;
		ResourceOwnerDelete(portal->resowner);
		portal->resowner = nullptr;
	}
	MemoryContextDelete(portal->portalContext);
}

void PortalSetResultFormat(Portal portal, int nFormats, const int16 *formats)
{
	if (portal->tupDesc == nullptr)
		return;
	int natts = portal->tupDesc->natts;
	portal->formats = static_cast<int16 *>(
		MemoryContextAlloc(portal->portalContext, Max(natts, 1) * sizeof(int16)));
	if (nFormats > 1)
	{
		if (nFormats != natts)
			ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
					errmsg("bind message has %d result formats but query has %d columns", nFormats,
						   natts));
		memcpy(portal->formats, formats, natts * sizeof(int16));
		return;
	}
	int16 format = nFormats == 1 ? formats[0] : 0;
	for (int i = 0; i < natts; i++)
		portal->formats[i] = format;
}

void AtCleanup_Portals(void)
{
	DropAllAtTransactionEnd(false);
}

void AtSubCommit_Portals(SubTransactionId mySubid, SubTransactionId parentSubid,
						 ResourceOwner parentXactOwner)
{
	for (auto &[name, portal] : Portals())
		if (portal->createSubid == mySubid)
		{
			portal->createSubid = parentSubid;
			if (portal->resowner != nullptr)
				ResourceOwnerNewParent(portal->resowner, parentXactOwner);
		}
}

void AtSubAbort_Portals(SubTransactionId mySubid, SubTransactionId parentSubid)
{
	(void) parentSubid;
	for (auto &[name, portal] : Portals())
	{
		if (portal->createSubid == mySubid)
		{
			/* Their executors are not to be trusted again; what they held
			 * goes with the subtransaction's resource owner (theirs are its
			 * children). */
			if (portal->status == PORTAL_READY || portal->status == PORTAL_ACTIVE)
				portal->status = PORTAL_FAILED;
			continue;
		}
		/* An older portal that failed while running in this subtransaction:
		 * what it held is released now, not when it is dropped. */
		if (portal->activeSubid == mySubid && portal->status == PORTAL_FAILED &&
			portal->resowner != nullptr)
		{
			ResourceOwnerRelease(portal->resowner, RESOURCE_RELEASE_BEFORE_LOCKS, false, false);
			ResourceOwnerRelease(portal->resowner, RESOURCE_RELEASE_LOCKS, false, false);
			ResourceOwnerRelease(portal->resowner, RESOURCE_RELEASE_AFTER_LOCKS, false, false);
		}
	}
}

void AtSubCleanup_Portals(SubTransactionId mySubid, ResourceOwner parentXactOwner)
{
	std::map<std::string, Portal> all = Portals();
	for (auto &[name, portal] : all)
	{
		if (portal->createSubid != mySubid)
			continue;
		if (portal->status == PORTAL_ACTIVE)
		{
			/* Still running (it ran the ROLLBACK TO): its owner must
			 * outlive the subtransaction's. */
			if (portal->resowner != nullptr)
				ResourceOwnerNewParent(portal->resowner, parentXactOwner);
			continue;
		}
		portal->status = PORTAL_FAILED;
		PortalDrop(portal, false);
	}
}

void PortalHashTableDeleteAll(void)
{
	std::map<std::string, Portal> all = Portals();
	for (auto &[name, portal] : all)
		if (portal->status != PORTAL_ACTIVE)
			PortalDrop(portal, false);
}

/* pg_cursor(): a row per visible portal of the session (PostgreSQL's
 * pg_cursors: DECLAREd cursors and the extended protocol's portals, not
 * the simple Query message's or EXECUTE's), with PostgreSQL 15's
 * columns. */
Datum pg_cursor(PG_FUNCTION_ARGS)
{
	constexpr int kColumns = 6;
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		static const Oid kTypes[kColumns] = {TEXTOID, TEXTOID, BOOLOID,
											 BOOLOID, BOOLOID, TIMESTAMPTZOID};
		TupleDesc desc = CreateTemplateTupleDesc(kColumns);
		for (int i = 0; i < kColumns; i++)
			TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), nullptr, kTypes[i], -1, 0);
		funcctx->tuple_desc = BlessTupleDesc(desc);
		/* The rows are formed now: portals may come and go while the
		 * caller reads them. */
		List *rows = NIL;
		for (const auto &[name, portal] : Portals())
		{
			if (!portal->visible)
				continue;
			Datum values[kColumns];
			bool nulls[kColumns] = {};
			values[0] = PointerGetDatum(cstring_to_text(portal->name));
			values[1] = PointerGetDatum(
				cstring_to_text(portal->sourceText != nullptr ? portal->sourceText : ""));
			values[2] = BoolGetDatum((portal->cursorOptions & CURSOR_OPT_HOLD) != 0);
			values[3] = BoolGetDatum((portal->cursorOptions & CURSOR_OPT_BINARY) != 0);
			values[4] = BoolGetDatum((portal->cursorOptions & CURSOR_OPT_SCROLL) != 0);
			values[5] = TimestampTzGetDatum(portal->creation_time);
			HeapTuple tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
			rows = lappend(rows,
						   DatumGetPointer(heap_copy_tuple_as_datum(tuple, funcctx->tuple_desc)));
		}
		funcctx->user_fctx = rows;
		funcctx->max_calls = static_cast<uint64>(list_length(rows));
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		List *rows = static_cast<List *>(funcctx->user_fctx);
		Datum row = PointerGetDatum(list_nth(rows, static_cast<int>(funcctx->call_cntr)));
		SRF_RETURN_NEXT(funcctx, row);
	}
	SRF_RETURN_DONE(funcctx);
}
