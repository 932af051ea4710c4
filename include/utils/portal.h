/*
 * utils/portal.h — portals: a statement being executed, which may stop
 * after some rows and go on later (PostgreSQL's portal.h).
 *
 * Every statement runs in a portal: the simple Query message's in the
 * unnamed portal "", the extended protocol's in the portal Bind names,
 * EXECUTE's in a hidden one.  A portal owns a memory context (its
 * parameters, its executor state) and a resource owner (the buffer pins
 * of a scan suspended between Execute messages), both released when the
 * portal is dropped: by Close, by a Bind that reuses its name, or at the
 * end of the transaction (Tusk has no WITH HOLD cursors: every portal
 * ends with its transaction, committed or not).
 *
 * Life cycle: CreatePortal → PortalDefineQuery (the plans) → PortalStart
 * (tcop/pquery.h: strategy, executor start, result shape) → PortalRun,
 * as often as the client asks → PortalDrop.
 *
 * Principal entry points: EnablePortalManager, CreatePortal,
 * CreateNewPortal, PortalDefineQuery, GetPortalByName, PortalDrop,
 * PortalSetResultFormat.
 */
#ifndef TUSK_UTILS_PORTAL_H
#define TUSK_UTILS_PORTAL_H

#include "access/xact.h"
#include "executor/execdesc.h"
#include "utils/plancache.h"
#include "utils/resowner.h"

/* How PortalRun runs the portal's statements (PostgreSQL's). */
typedef enum PortalStrategy
{
	PORTAL_ONE_SELECT,	  /* one SELECT: the executor stays open between runs */
	PORTAL_ONE_RETURNING, /* one INSERT/UPDATE/DELETE … RETURNING */
	PORTAL_ONE_MOD_WITH,  /* (not made by Tusk: no data-modifying WITH yet) */
	PORTAL_UTIL_SELECT,	  /* one utility statement returning rows (SHOW) */
	PORTAL_MULTI_QUERY	  /* anything else: run to completion, no rows */
} PortalStrategy;

typedef enum PortalStatus
{
	PORTAL_NEW,		/* created */
	PORTAL_DEFINED, /* PortalDefineQuery done */
	PORTAL_READY,	/* PortalStart done: may run */
	PORTAL_ACTIVE,	/* running now */
	PORTAL_DONE,	/* ran to completion */
	PORTAL_FAILED	/* an error happened while it ran */
} PortalStatus;

/* Enough for every command tag ("INSERT 0 18446744073709551615"). */
#define COMPLETION_TAG_BUFSIZE 64

typedef struct PortalData *Portal;

typedef struct PortalData
{
	const char *name;		  /* "" for the unnamed portal */
	const char *prepStmtName; /* the statement it came from, or NULL */
	MemoryContext portalContext;
	ResourceOwner resowner;
	const char *sourceText;
	const char *commandTag; /* "SELECT", "INSERT", … of the statement */
	List *stmts;			/* PlannedStmts */
	CachedPlan *cplan;		/* holds stmts, released at drop; or NULL */
	ParamListInfo portalParams;
	PortalStrategy strategy;
	int16 *formats;		  /* one result format per column, or NULL (text) */
	TupleDesc tupDesc;	  /* the rows' shape, or NULL if none */
	QueryDesc *queryDesc; /* PORTAL_ONE_SELECT: the open executor */
	PortalStatus status;
	bool atStart;
	bool atEnd;
	uint64 portalPos;			  /* rows fetched so far */
	bool visible;				  /* listed by pg_cursors */
	SubTransactionId createSubid; /* the subtransaction that created it */
	SubTransactionId activeSubid; /* the last one that ran it */
	/* For pg_cursors: CURSOR_OPT_* (a DECLAREd cursor's options:
	 * is_holdable, is_binary, is_scrollable) and when it was made (the
	 * start of the statement that made it). */
	int cursorOptions;
	TimestampTz creation_time;
} PortalData;

#define PortalIsValid(p) ((p) != NULL)

#ifdef __cplusplus
extern "C" {
#endif

/* Once per backend: the portals' memory and their end-of-transaction cleanup. */
extern void EnablePortalManager(void);
/* A new portal named name.  If one exists: ERROR 42P03 unless allowDup;
 * with dupSilent the old one is dropped quietly, else with a WARNING. */
extern Portal CreatePortal(const char *name, bool allowDup, bool dupSilent);
/* A portal with a fresh hidden name ("<unnamed portal N>"). */
extern Portal CreateNewPortal(void);
/* Give the portal its statements (in memory that outlives it: the
 * message's, or cplan's, which the portal releases when dropped). */
extern void PortalDefineQuery(Portal portal, const char *prepStmtName, const char *sourceText,
							  const char *commandTag, List *stmts, CachedPlan *cplan);
extern Portal GetPortalByName(const char *name);
/* Close the executor, release what the portal holds and free it. */
extern void PortalDrop(Portal portal, bool isTopCommit);
/* Result formats from Bind: 0 codes (all text), 1 (for all columns) or
 * one per column (08P01 otherwise).  Needs tupDesc (after PortalStart). */
extern void PortalSetResultFormat(Portal portal, int nFormats, const int16 *formats);
/* At the cleanup of an aborted transaction: drop the portals made since
 * its abort (a ROLLBACK's own, in a failed block). */
extern void AtCleanup_Portals(void);
/* The end of subtransaction mySubid (utils/mmgr/portalmem.cpp): its
 * portals pass to the parent (commit), or fail (abort) and are dropped at
 * its cleanup — but for an active one, which passes to the parent. */
extern void AtSubCommit_Portals(SubTransactionId mySubid, SubTransactionId parentSubid,
								ResourceOwner parentXactOwner);
extern void AtSubAbort_Portals(SubTransactionId mySubid, SubTransactionId parentSubid);
extern void AtSubCleanup_Portals(SubTransactionId mySubid, ResourceOwner parentXactOwner);
/* Drop every portal that is not running (DISCARD). */
extern void PortalHashTableDeleteAll(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_PORTAL_H */
