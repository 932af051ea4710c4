/*
 * utils/inval.h — keeping every backend's catalog and relation caches in
 * step with committed DDL (PostgreSQL's shared invalidation, coarsely).
 *
 * Code that writes a catalog row calls CacheInvalidateCatalog().  From
 * the next command of the same transaction its own caches are emptied
 * (CommandCounterIncrement), so it sees its change; at commit, before
 * its locks are released, a shared generation number is advanced, and
 * every other backend empties its caches when it next calls
 * AcceptInvalidationMessages (at the start of each statement and after
 * acquiring a relation lock), so DDL committed in one session is seen by
 * all at their next statement, and a DROP that waited for a lock finds
 * its target's description current.  At abort, caches that may hold
 * rows of the failed transaction are emptied.
 *
 * This resets whole caches rather than entries: simple and always
 * correct; per-entry messages are a refinement for DDL-heavy loads.
 */
#ifndef TUSK_UTILS_INVAL_H
#define TUSK_UTILS_INVAL_H

#include "postgres.h"

#ifdef __cplusplus
extern "C" {
#endif

extern Size SharedInvalShmemSize(void);
extern void SharedInvalShmemInit(void);

extern void CacheInvalidateCatalog(void);
/* Called with a relation's OID when its cached state is thrown away, or
 * with InvalidOid when every relation's is (PostgreSQL's relcache
 * callbacks; the plan cache registers one).  Registration lasts for the
 * life of the process. */
typedef void (*RelcacheCallbackFunction)(Datum arg, Oid relid);
extern void CacheRegisterRelcacheCallback(RelcacheCallbackFunction func, Datum arg);
extern void AcceptInvalidationMessages(void);
/* CommandCounterIncrement and transaction end (access/xact). */
extern void CommandEndInvalidationMessages(void);
extern void AtEOXact_Inval(bool isCommit);
/* The end of a subtransaction: after an abort, caches forget what it changed. */
extern void AtEOSubXact_Inval(bool isCommit);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_INVAL_H */
