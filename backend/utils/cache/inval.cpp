/*
 * inval.cpp — cache invalidation across backends (utils/inval.h).
 *
 * Shared state: one 64-bit generation number, advanced atomically by
 * every commit that changed a catalog.  A backend remembers the
 * generation its caches reflect and empties them when it differs.
 */
#include "postgres.h"

#include "port/atomics.h"
#include "storage/shmem.h"
#include "utils/inval.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

namespace {

struct SharedInvalState
{
	pg_atomic_uint64 generation; /* (atomic: no lock) */
};

SharedInvalState *shared = nullptr;
uint64 seen_generation = 0;
bool changed_this_command = false;
bool changed_this_transaction = false;

struct RelcacheCallback
{
	RelcacheCallbackFunction function;
	Datum arg;
};

/* Few and fixed (PostgreSQL allows ten): registered at backend start. */
constexpr int kMaxRelcacheCallbacks = 10;
RelcacheCallback relcache_callbacks[kMaxRelcacheCallbacks];
int num_relcache_callbacks = 0;

void ResetLocalCaches()
{
	ResetCatalogCaches();
	RelationCacheInvalidate();
	for (int i = 0; i < num_relcache_callbacks; i++)
		relcache_callbacks[i].function(relcache_callbacks[i].arg, InvalidOid);
}

}  // namespace

Size SharedInvalShmemSize(void)
{
	return sizeof(SharedInvalState);
}

void SharedInvalShmemInit(void)
{
	bool found;
	shared = static_cast<SharedInvalState *>(
		ShmemInitStruct("Shared Invalidation State", sizeof(SharedInvalState), &found));
	if (!found)
		pg_atomic_init_u64(&shared->generation, 1);
}

void CacheRegisterRelcacheCallback(RelcacheCallbackFunction func, Datum arg)
{
	if (num_relcache_callbacks >= kMaxRelcacheCallbacks)
		elog(FATAL, "out of relcache_callback_list slots");
	relcache_callbacks[num_relcache_callbacks++] = {func, arg};
}

void CacheInvalidateCatalog(void)
{
	changed_this_command = true;
	changed_this_transaction = true;
}

void AcceptInvalidationMessages(void)
{
	if (shared == nullptr)
		return;
	uint64 now = pg_atomic_read_u64(&shared->generation);
	if (now != seen_generation)
	{
		ResetLocalCaches();
		seen_generation = now;
	}
}

void CommandEndInvalidationMessages(void)
{
	if (!changed_this_command)
		return;
	changed_this_command = false;
	ResetLocalCaches();
}

void AtEOXact_Inval(bool isCommit)
{
	if (!changed_this_transaction)
		return;
	changed_this_transaction = false;
	changed_this_command = false;
	if (isCommit && shared != nullptr)
		pg_atomic_fetch_add_u64(&shared->generation, 1);
	ResetLocalCaches();
}

void AtEOSubXact_Inval(bool isCommit)
{
	/* A committed subtransaction's changes are its parent's now.  An
	 * aborted one's catalog rows are dead, but our caches may hold them:
	 * empty the caches.  Other backends never saw them; the parent's own
	 * changes, if any, are still announced at the top-level commit. */
	if (isCommit || !changed_this_transaction)
		return;
	changed_this_command = false;
	ResetLocalCaches();
}
