/*
 * interlock.cpp — the data directory's shared-memory interlock.
 *
 * The main segment is an anonymous mapping, invisible to a process that
 * did not inherit it.  So that a new postmaster can tell whether processes
 * of a previous one are still alive in the data directory — say the old
 * postmaster was killed and its children have not noticed yet — the
 * postmaster also creates a tiny System V segment, as PostgreSQL does, and
 * attaches it; every child inherits the attachment through fork and drops
 * it when it exits.  Its key and id go to line 7 of postmaster.pid.  A
 * postmaster finding a stale postmaster.pid asks the kernel how many
 * processes are still attached to the old segment: any, and it refuses
 * to start with PostgreSQL's error; none, and it removes the segment.
 *
 * The key is derived from the data directory's inode, moving on past keys
 * in use by others; a header in the segment (magic, device, inode) tells
 * our segments from anyone else's.
 */
#include "postgres.h"

#include <errno.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/stat.h>

#include <type_traits>

#include "miscadmin.h"
#include "storage/ipc.h"
#include "storage/ipc/ipci.h"
#include "utils/errcodes.h"

namespace {

constexpr uint32 kInterlockMagic = 0x54534B49; /* "TSKI" */

struct InterlockHeader
{
	uint32 magic;
	dev_t device;
	ino_t inode;
};
static_assert(std::is_trivially_copyable_v<InterlockHeader>);

int interlock_id = -1;
void *interlock_addr = nullptr;

struct stat DataDirStat()
{
	struct stat st;
	if (stat(DataDir, &st) != 0)
		ereport(FATAL, errcode_for_file_access(),
				errmsg("could not stat data directory \"%s\": %m", DataDir));
	return st;
}

/* Whether segment id is one of ours for this data directory; attaching
 * briefly to read its header. */
bool IsOurs(int id)
{
	void *addr = shmat(id, nullptr, SHM_RDONLY);
	if (addr == reinterpret_cast<void *>(-1))
		return false;
	struct stat st = DataDirStat();
	const auto *hdr = static_cast<const InterlockHeader *>(addr);
	bool ours = hdr->magic == kInterlockMagic && hdr->device == st.st_dev &&
		hdr->inode == st.st_ino;
	shmdt(addr);
	return ours;
}

void RemoveInterlock(int, Datum)
{
	if (interlock_addr != nullptr)
		shmdt(interlock_addr);
	if (interlock_id >= 0)
		shmctl(interlock_id, IPC_RMID, nullptr);
	interlock_addr = nullptr;
	interlock_id = -1;
}

}  // namespace

namespace tusk::storage {

void CreateShmemInterlock(unsigned long *key_out, unsigned long *id_out)
{
	struct stat st = DataDirStat();
	key_t key = static_cast<key_t>(st.st_ino);
	for (int tries = 0;; tries++, key++)
	{
		int id = shmget(key, sizeof(InterlockHeader), IPC_CREAT | IPC_EXCL | 0600);
		if (id >= 0)
		{
			interlock_id = id;
			break;
		}
		if (errno != EEXIST || tries > 1000)
			ereport(FATAL, errmsg("could not create shared memory segment: %m"),
					errdetail("Failed system call was shmget(key=%lu, size=%zu, 0%o).",
							  static_cast<unsigned long>(key), sizeof(InterlockHeader),
							  IPC_CREAT | IPC_EXCL | 0600));
		/* Someone's segment: a leftover of ours that nobody uses any more
		 * is removed and its key reused; anything else, we move on. */
		int existing = shmget(key, 0, 0);
		struct shmid_ds ds;
		if (existing >= 0 && shmctl(existing, IPC_STAT, &ds) == 0 && ds.shm_nattch == 0 &&
			IsOurs(existing) && shmctl(existing, IPC_RMID, nullptr) == 0)
			key--; /* try the same key again */
	}
	interlock_addr = shmat(interlock_id, nullptr, 0);
	if (interlock_addr == reinterpret_cast<void *>(-1))
	{
		interlock_addr = nullptr;
		shmctl(interlock_id, IPC_RMID, nullptr);
		ereport(FATAL, errmsg("could not attach to shared memory segment: %m"));
	}
	auto *hdr = static_cast<InterlockHeader *>(interlock_addr);
	hdr->magic = kInterlockMagic;
	hdr->device = st.st_dev;
	hdr->inode = st.st_ino;
	on_proc_exit(RemoveInterlock, 0);
	*key_out = static_cast<unsigned long>(key);
	*id_out = static_cast<unsigned long>(interlock_id);
}

bool ShmemInterlockInUse(unsigned long key, unsigned long id)
{
	struct shmid_ds ds;
	if (shmctl(static_cast<int>(id), IPC_STAT, &ds) != 0)
		return false; /* gone */
	if (static_cast<unsigned long>(ds.shm_perm.__key) != key || !IsOurs(static_cast<int>(id)))
		return false; /* reused by someone else */
	if (ds.shm_nattch > 0)
		return true;
	shmctl(static_cast<int>(id), IPC_RMID, nullptr);
	return false;
}

}  // namespace tusk::storage
