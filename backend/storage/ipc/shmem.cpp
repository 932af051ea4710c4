/*
 * shmem.cpp — the shared segment, its allocator and its named-structure index.
 *
 * Principal entry points: CreateShmemSegment (ipci.h), ShmemAlloc,
 * ShmemInitStruct, ShmemAddrIsValid.
 *
 * The segment is one anonymous shared mapping: no file, no SysV id, so
 * nothing outlives the server and nothing can be attached by an unrelated
 * process.  Children inherit it through fork, at the same address, which
 * is why structures in it may hold plain pointers into it.
 *
 * Layout: a header (ShmemHeader) with the allocation cursor, a spinlock and
 * the index, then everything allocated, in order, cache-line aligned.  The
 * index is a fixed array searched linearly: it has a few dozen entries and
 * is consulted only while processes start, so a hash table would buy
 * nothing.  Its spinlock also guards the cursor.
 */
#include "postgres.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <type_traits>

#include "storage/ipc/ipci.h"
#include "storage/shmem.h"
#include "storage/spin.h"
#include "utils/errcodes.h"

namespace {

struct ShmemIndexEnt
{
	char key[SHMEM_INDEX_KEYSIZE];
	Size offset; /* from the segment start */
	Size size;
};

struct ShmemHeader
{
	Size total_size;
	Size free_offset; /* first unallocated byte */
	slock_t lock;	  /* guards free_offset and the index */
	int index_used;
	ShmemIndexEnt index[SHMEM_INDEX_SIZE];
};

static_assert(std::is_trivially_copyable_v<ShmemHeader>);

char *shmem_base = nullptr;
Size shmem_size = 0;

ShmemHeader *Header()
{
	return reinterpret_cast<ShmemHeader *>(shmem_base);
}

/* Carve `size` bytes off the front; nullptr when the segment is full.
 * Caller holds the header lock. */
void *AllocLocked(Size size)
{
	ShmemHeader *hdr = Header();
	Size start = CACHELINEALIGN(hdr->free_offset);
	size = CACHELINEALIGN(size);
	if (size > hdr->total_size || start > hdr->total_size - size)
		return nullptr;
	hdr->free_offset = start + size;
	return shmem_base + start;
}

}  // namespace

namespace tusk::storage {

void CreateShmemSegment(Size size)
{
	if (shmem_base != nullptr)
	{
		munmap(shmem_base, shmem_size);
		shmem_base = nullptr;
		shmem_size = 0;
	}
	size = TYPEALIGN(sysconf(_SC_PAGESIZE), size);
	void *base = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		ereport(FATAL, errmsg("could not map anonymous shared memory: %m"),
				(errno == ENOMEM)
					? errhint("This error usually means that PostgreSQL's request for a shared "
							  "memory segment exceeded available memory, swap space, or huge "
							  "pages. To reduce the request size (currently %zu bytes), reduce "
							  "PostgreSQL's shared memory usage, perhaps by reducing "
							  "shared_buffers or max_connections.",
							  size)
					: 0);
	shmem_base = static_cast<char *>(base);
	shmem_size = size;

	/* The mapping is zero-filled; only the header needs values. */
	ShmemHeader *hdr = Header();
	hdr->total_size = size;
	hdr->free_offset = sizeof(ShmemHeader);
	SpinLockInit(&hdr->lock);
	hdr->index_used = 0;
}

Size ShmemIndexSize()
{
	return CACHELINEALIGN(sizeof(ShmemHeader));
}

Size ShmemFreeSpace()
{
	ShmemHeader *hdr = Header();
	Size used;
	{
		tusk::SpinLockGuard guard(&hdr->lock);
		used = CACHELINEALIGN(hdr->free_offset);
	}
	return used >= hdr->total_size ? 0 : hdr->total_size - used;
}

}  // namespace tusk::storage

void *ShmemAllocNoError(Size size)
{
	if (shmem_base == nullptr)
		return nullptr;
	ShmemHeader *hdr = Header();
	tusk::SpinLockGuard guard(&hdr->lock);
	return AllocLocked(size);
}

void *ShmemAlloc(Size size)
{
	void *result = ShmemAllocNoError(size);
	if (result == nullptr)
		ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY),
				errmsg("out of shared memory (%zu bytes requested)", size));
	return result;
}

/* Only the postmaster allocates before any child exists, so it needs no
 * lock; PostgreSQL offers the same entry point for that case. */
void *ShmemAllocUnlocked(Size size)
{
	return ShmemAlloc(size);
}

bool ShmemAddrIsValid(const void *addr)
{
	const char *p = static_cast<const char *>(addr);
	return shmem_base != nullptr && p >= shmem_base && p < shmem_base + shmem_size;
}

void *ShmemInitStruct(const char *name, Size size, bool *foundPtr)
{
	if (shmem_base == nullptr)
		elog(ERROR, "shared memory is not initialized");
	ShmemHeader *hdr = Header();
	char key[SHMEM_INDEX_KEYSIZE] = {};
	strncpy(key, name, SHMEM_INDEX_KEYSIZE - 1);

	/* Released by hand before each ereport: no error is raised while a
	 * spinlock is held. */
	tusk::SpinLockGuard guard(&hdr->lock);
	for (int i = 0; i < hdr->index_used; i++)
	{
		ShmemIndexEnt &ent = hdr->index[i];
		if (strcmp(ent.key, key) != 0)
			continue;
		Size found_size = ent.size;
		Size offset = ent.offset;
		guard.Release();
		if (found_size != size)
			ereport(ERROR,
					errmsg("ShmemIndex entry size is wrong for data structure \"%s\": "
						   "expected %zu, actual %zu",
						   name, size, found_size));
		*foundPtr = true;
		return shmem_base + offset;
	}

	if (hdr->index_used >= SHMEM_INDEX_SIZE)
	{
		guard.Release();
		ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY),
				errmsg("could not create ShmemIndex entry for data structure \"%s\"", name));
	}
	void *result = AllocLocked(size);
	if (result == nullptr)
	{
		guard.Release();
		ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY),
				errmsg("not enough shared memory for data structure \"%s\" (%zu bytes requested)",
					   name, size));
	}
	ShmemIndexEnt &ent = hdr->index[hdr->index_used++];
	memcpy(ent.key, key, sizeof key);
	ent.offset = static_cast<char *>(result) - shmem_base;
	ent.size = size;
	guard.Release();
	*foundPtr = false;
	return result;
}

Size add_size(Size s1, Size s2)
{
	Size result;
	if (__builtin_add_overflow(s1, s2, &result))
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("requested shared memory size overflows size_t"));
	return result;
}

Size mul_size(Size s1, Size s2)
{
	Size result;
	if (__builtin_mul_overflow(s1, s2, &result))
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("requested shared memory size overflows size_t"));
	return result;
}
