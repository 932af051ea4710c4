/*
 * utils/resowner.h — resource owners: what must outlive a C++ scope, and
 * who releases it.
 *
 * Inside a function, Tusk holds locks, pins and files through RAII guards
 * that release them when the scope ends, error or not.  Some resources
 * outlive any one scope: a scan keeps its current page pinned between
 * calls, a portal keeps its pins until it is closed.  Those belong to a
 * ResourceOwner, as in PostgreSQL: every buffer pin taken while
 * CurrentResourceOwner is set is remembered by that owner and forgotten
 * when it is released.  Whatever an owner still holds when it is released
 * is released then; at commit that is a leak and is reported with a
 * WARNING ("buffer refcount leak: …"), at abort it is the normal way an
 * interrupted operation's resources go back.
 *
 * Owners form a tree.  The transaction manager makes
 * TopTransactionResourceOwner at the start of every transaction (and
 * makes it the current and CurTransaction owner), releases it in three
 * phases at commit and abort, and deletes it when the transaction ends;
 * code needing a narrower lifetime (a portal) makes a child, points
 * CurrentResourceOwner at it while it works, and releases and deletes it
 * when done.  Outside a transaction CurrentResourceOwner is NULL: pins are
 * then held by guards alone, and the main loop's ReleaseAllBufferPins()
 * is the last resort after an error.  doc/utils/resowner/README.md has
 * the rules.
 *
 * Principal entry points: ResourceOwnerCreate, ResourceOwnerRelease,
 * ResourceOwnerDelete, RegisterResourceReleaseCallback.
 */
#ifndef TUSK_UTILS_RESOWNER_H
#define TUSK_UTILS_RESOWNER_H

#include "c.h"

typedef struct ResourceOwnerData *ResourceOwner;

/*
 * Release happens in phases.  BEFORE_LOCKS gives back what other
 * processes can see (buffer pins), so that when a lock is released whoever
 * waited for it finds us gone; LOCKS is for heavyweight locks (Tusk's lock
 * manager releases the transaction's own at its end: only callbacks run);
 * AFTER_LOCKS is for what is private to this process.
 */
typedef enum
{
	RESOURCE_RELEASE_BEFORE_LOCKS,
	RESOURCE_RELEASE_LOCKS,
	RESOURCE_RELEASE_AFTER_LOCKS
} ResourceReleasePhase;

/* A module's hook into every release (each owner, each phase). */
typedef void (*ResourceReleaseCallback)(ResourceReleasePhase phase, bool isCommit, bool isTopLevel,
										void *arg);

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT ResourceOwner CurrentResourceOwner;
extern PGDLLIMPORT ResourceOwner CurTransactionResourceOwner;
extern PGDLLIMPORT ResourceOwner TopTransactionResourceOwner;

/* A new, empty owner; a child of parent, or a root if parent is NULL. */
extern ResourceOwner ResourceOwnerCreate(ResourceOwner parent, const char *name);
/* Release what owner and its descendants (first) hold in phase; at
 * commit, anything still held is reported as a leak.  NULL: nothing. */
extern void ResourceOwnerRelease(ResourceOwner owner, ResourceReleasePhase phase, bool isCommit,
								 bool isTopLevel);
/* Free owner and its descendants, which must have been released; NULL:
 * nothing.  If owner is the current one, there is no current one after. */
extern void ResourceOwnerDelete(ResourceOwner owner);
extern ResourceOwner ResourceOwnerGetParent(ResourceOwner owner);
extern void ResourceOwnerNewParent(ResourceOwner owner, ResourceOwner newparent);
extern void RegisterResourceReleaseCallback(ResourceReleaseCallback callback, void *arg);
extern void UnregisterResourceReleaseCallback(ResourceReleaseCallback callback, void *arg);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_RESOWNER_H */
