/*
 * lwlock.cpp — lightweight shared/exclusive locks over a shared futex.
 *
 * Principal entry points: LWLockAcquire, LWLockConditionalAcquire,
 * LWLockRelease, LWLockReleaseAll, CreateLWLocks, RequestNamedLWLockTranche,
 * GetNamedLWLockTranche.
 *
 * The lock's state word holds everything: kExclusive, the number of shared
 * holders, and kHasWaiters.  Acquiring is a compare-and-swap on the word.
 * A process that must wait first sets kHasWaiters (by CAS, so it knows the
 * exact value it saw), then sleeps with FUTEX_WAIT on the word, expecting
 * that value; the kernel puts it to sleep only if the word still has it.
 * A release that leaves the lock with no holder and finds kHasWaiters set
 * clears the flag and wakes every sleeper (FUTEX_WAKE), which then compete
 * again.  No wake-up can be lost: a sleeper slept on a value with holders
 * and the flag set; every change of the word after that either makes the
 * kernel refuse the sleep (the value differs) or is a release that sees the
 * flag and wakes it.  Waking everyone is simple and right for shared
 * waiters; exclusive waiters may see a short thundering herd, which the
 * locks' short hold times keep cheap.  New arrivals may overtake sleepers
 * (no FIFO fairness); see doc/storage/lmgr/README.md.
 *
 * The futex is the shared (not FUTEX_PRIVATE) kind because the word lives
 * in a MAP_SHARED mapping used by many processes.  Nothing here needs a
 * PGPROC, so any process that maps the segment can take LWLocks.
 */
#include "postgres.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <string>
#include <type_traits>
#include <vector>

#include "miscadmin.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/spin.h"
#include "utils/wait_event.h"

LWLockPadded *MainLWLockArray = nullptr;

/* storage/lwlock.h is also read as C: the checks live here. */
static_assert(std::is_trivially_copyable_v<LWLock>);
static_assert(std::is_trivially_copyable_v<LWLockPadded>);

namespace {

constexpr uint32 kExclusive = 1U << 24;
constexpr uint32 kSharedMask = kExclusive - 1;
constexpr uint32 kHasWaiters = 1U << 30;
constexpr uint32 kHolders = kExclusive | kSharedMask;

/* Before sleeping, retry this many times: most waits end within a few
 * hundred nanoseconds, far cheaper than a sleep and a wake-up. */
constexpr int kSpinsBeforeSleep = 64;

const char *const kIndividualLockNames[NUM_INDIVIDUAL_LWLOCKS] = {
	"ProcArray",
	"AddinShmemInit",
	"BackgroundWorker",
	"RelationExtension",
	"XactSLRU",
	"WALInsert",
	"WALWrite",
	"ControlFile",
	"XidGen",
	"CheckpointerComm",
	"SubtransSLRU",
	"MultiXactGen",
	"MultiXactOffsetSLRU",
	"MultiXactMemberSLRU",
	"PgStat",
};

/* Built-in tranches of many locks, from LWTRANCHE_BUFFER_CONTENT on. */
const char *const kBuiltinTrancheNames[] = {
	"BufferContent",
	"BufferIO",
	"BufferMapping",
	"LockManager",
};

struct HeldLock
{
	LWLock *lock;
	LWLockMode mode;
};

HeldLock held_lwlocks[MAX_SIMUL_LWLOCKS];
int num_held_lwlocks = 0;

/* Named tranches requested by modules in the postmaster (shmem_request_hook);
 * children inherit the list through fork. */
struct TrancheRequest
{
	std::string name;
	int num_lwlocks;
	int tranche_id = 0;
	LWLockPadded *locks = nullptr;
};
std::vector<TrancheRequest> &TrancheRequests()
{
	static std::vector<TrancheRequest> requests;
	return requests;
}

/* Names of tranches registered in this process, by id. */
std::vector<std::string> &LocalTrancheNames()
{
	static std::vector<std::string> names;
	return names;
}

/* Shared counter for LWLockNewTrancheId, placed just before MainLWLockArray. */
pg_atomic_uint32 *tranche_counter = nullptr;

long FutexWait(pg_atomic_uint32 *word, uint32 expected)
{
	return syscall(SYS_futex, &word->value, FUTEX_WAIT, expected, nullptr, nullptr, 0);
}

void FutexWakeAll(pg_atomic_uint32 *word)
{
	(void) syscall(SYS_futex, &word->value, FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}

bool LockIsFreeFor(uint32 state, LWLockMode mode)
{
	return mode == LW_EXCLUSIVE ? (state & kHolders) == 0 : (state & kExclusive) == 0;
}

/* One attempt; true if the lock is now held in `mode`. */
bool AttemptLock(LWLock *lock, LWLockMode mode)
{
	uint32 old = pg_atomic_read_u32(&lock->state);
	for (;;)
	{
		if (!LockIsFreeFor(old, mode))
			return false;
		uint32 desired = mode == LW_EXCLUSIVE ? old | kExclusive : old + 1;
		if (pg_atomic_compare_exchange_u32(&lock->state, &old, desired))
			return true;
	}
}

void RememberHeld(LWLock *lock, LWLockMode mode)
{
	held_lwlocks[num_held_lwlocks].lock = lock;
	held_lwlocks[num_held_lwlocks].mode = mode;
	num_held_lwlocks++;
}

const char *TrancheName(int tranche)
{
	if (tranche < NUM_INDIVIDUAL_LWLOCKS)
		return kIndividualLockNames[tranche];
	if (tranche < LWTRANCHE_FIRST_USER_DEFINED)
		return kBuiltinTrancheNames[tranche - NUM_INDIVIDUAL_LWLOCKS];
	auto &names = LocalTrancheNames();
	if (tranche < static_cast<int>(names.size()) && !names[tranche].empty())
		return names[tranche].c_str();
	/* Registered in some other process only: PostgreSQL's answer. */
	return "extension";
}

int NamedTrancheLockCount()
{
	int n = 0;
	for (const auto &req : TrancheRequests())
		n += req.num_lwlocks;
	return n;
}

}  // namespace

void LWLockInitialize(LWLock *lock, int tranche_id)
{
	lock->tranche = static_cast<uint16>(tranche_id);
	pg_atomic_init_u32(&lock->state, 0);
}

bool LWLockAcquire(LWLock *lock, LWLockMode mode)
{
	if (num_held_lwlocks >= MAX_SIMUL_LWLOCKS)
		elog(ERROR, "too many LWLocks taken");

	/* A die() arriving now must wait until the lock is released, or the
	 * process could exit with the lock taken. */
	HOLD_INTERRUPTS();

	bool waited = false;
	for (int spins = 0;; spins++)
	{
		if (AttemptLock(lock, mode))
			break;
		if (spins < kSpinsBeforeSleep)
		{
			pg_spin_delay();
			continue;
		}
		uint32 old = pg_atomic_read_u32(&lock->state);
		if (LockIsFreeFor(old, mode))
			continue;
		if ((old & kHasWaiters) == 0)
		{
			if (!pg_atomic_compare_exchange_u32(&lock->state, &old, old | kHasWaiters))
				continue;
			old |= kHasWaiters;
		}
		if (!waited)
			pgstat_report_wait_start(PG_WAIT_LWLOCK | lock->tranche);
		waited = true;
		/* EAGAIN (the word changed) and EINTR (a signal) both mean: look again. */
		(void) FutexWait(&lock->state, old);
	}
	if (waited)
		pgstat_report_wait_end();
	RememberHeld(lock, mode);
	return !waited;
}

bool LWLockConditionalAcquire(LWLock *lock, LWLockMode mode)
{
	if (num_held_lwlocks >= MAX_SIMUL_LWLOCKS)
		elog(ERROR, "too many LWLocks taken");
	HOLD_INTERRUPTS();
	if (!AttemptLock(lock, mode))
	{
		RESUME_INTERRUPTS();
		return false;
	}
	RememberHeld(lock, mode);
	return true;
}

void LWLockRelease(LWLock *lock)
{
	int i = num_held_lwlocks - 1;
	while (i >= 0 && held_lwlocks[i].lock != lock)
		i--;
	if (i < 0)
		elog(ERROR, "lock %s is not held", TrancheName(lock->tranche));
	LWLockMode mode = held_lwlocks[i].mode;
	num_held_lwlocks--;
	for (; i < num_held_lwlocks; i++)
		held_lwlocks[i] = held_lwlocks[i + 1];

	uint32 sub = mode == LW_EXCLUSIVE ? kExclusive : 1;
	uint32 now = pg_atomic_sub_fetch_u32(&lock->state, static_cast<int32>(sub));
	if ((now & kHolders) == 0 && (now & kHasWaiters) != 0)
	{
		(void) pg_atomic_fetch_and_u32(&lock->state, ~kHasWaiters);
		FutexWakeAll(&lock->state);
	}
	RESUME_INTERRUPTS();
}

void LWLockReleaseAll(void)
{
	/* Each release also undoes its acquisition's HOLD_INTERRUPTS. */
	while (num_held_lwlocks > 0)
		LWLockRelease(held_lwlocks[num_held_lwlocks - 1].lock);
}

bool LWLockHeldByMe(LWLock *lock)
{
	for (int i = 0; i < num_held_lwlocks; i++)
		if (held_lwlocks[i].lock == lock)
			return true;
	return false;
}

bool LWLockHeldByMeInMode(LWLock *lock, LWLockMode mode)
{
	for (int i = 0; i < num_held_lwlocks; i++)
		if (held_lwlocks[i].lock == lock && held_lwlocks[i].mode == mode)
			return true;
	return false;
}

bool LWLockAnyHeldByMe(void)
{
	return num_held_lwlocks > 0;
}

int LWLockNewTrancheId(void)
{
	if (tranche_counter == nullptr)
		elog(ERROR, "shared memory is not initialized");
	return static_cast<int>(pg_atomic_fetch_add_u32(tranche_counter, 1));
}

void LWLockRegisterTranche(int tranche_id, const char *tranche_name)
{
	if (tranche_id < LWTRANCHE_FIRST_USER_DEFINED)
		return; /* built-in names are fixed */
	auto &names = LocalTrancheNames();
	if (static_cast<int>(names.size()) <= tranche_id)
		names.resize(tranche_id + 1);
	names[tranche_id] = tranche_name;
}

void RequestNamedLWLockTranche(const char *tranche_name, int num_lwlocks)
{
	if (!process_shmem_requests_in_progress)
		elog(FATAL, "cannot request additional LWLocks outside shmem_request_hook");
	if (strlen(tranche_name) >= NAMEDATALEN)
		elog(ERROR, "tranche name too long");
	if (num_lwlocks <= 0)
		elog(ERROR, "number of LWLocks requested must be positive");
	TrancheRequests().push_back(TrancheRequest{tranche_name, num_lwlocks});
}

LWLockPadded *GetNamedLWLockTranche(const char *tranche_name)
{
	for (const auto &req : TrancheRequests())
		if (req.name == tranche_name && req.locks != nullptr)
			return req.locks;
	elog(ERROR, "requested tranche is not registered");
	return nullptr; /* not reached */
}

const char *GetLWLockIdentifier(uint32 classId, uint16 eventId)
{
	(void) classId;
	return TrancheName(eventId);
}

Size LWLockShmemSize(void)
{
	Size n = NUM_INDIVIDUAL_LWLOCKS + NamedTrancheLockCount();
	/* One extra padded slot in front holds the tranche counter. */
	return mul_size(n + 1, sizeof(LWLockPadded));
}

void CreateLWLocks(void)
{
	char *space = static_cast<char *>(ShmemAlloc(LWLockShmemSize()));
	tranche_counter = reinterpret_cast<pg_atomic_uint32 *>(space);
	MainLWLockArray = reinterpret_cast<LWLockPadded *>(space + sizeof(LWLockPadded));

	for (int i = 0; i < NUM_INDIVIDUAL_LWLOCKS; i++)
		LWLockInitialize(&MainLWLockArray[i].lock, i);

	int next_tranche = LWTRANCHE_FIRST_USER_DEFINED;
	LWLockPadded *next_lock = MainLWLockArray + NUM_INDIVIDUAL_LWLOCKS;
	for (auto &req : TrancheRequests())
	{
		req.tranche_id = next_tranche++;
		req.locks = next_lock;
		for (int i = 0; i < req.num_lwlocks; i++)
			LWLockInitialize(&next_lock[i].lock, req.tranche_id);
		next_lock += req.num_lwlocks;
		LWLockRegisterTranche(req.tranche_id, req.name.c_str());
	}
	pg_atomic_init_u32(tranche_counter, static_cast<uint32>(next_tranche));
	num_held_lwlocks = 0;
}
