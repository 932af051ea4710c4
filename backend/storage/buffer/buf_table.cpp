/*
 * buf_table.cpp — the shared hash table from buffer tags to buffers.
 *
 * Principal entry points: BufTableLookup, BufTableInsert, BufTableDelete.
 *
 * Chained hashing in shared memory with a fixed pool of entries (the table
 * never grows: it maps at most NBuffers tags, plus one spare per partition
 * because a new mapping is inserted before the old one is deleted).  The
 * number of buckets is a multiple of NUM_BUFFER_PARTITIONS, so every chain
 * lies in one partition, and a partition's LWLock guards its chains; the
 * free list of entries has its own spinlock.
 */
#include "postgres.h"

#include <type_traits>

#include "storage/buffer/buf_internals.h"
#include "storage/shmem.h"
#include "storage/spin.h"

namespace tusk::buffer {

namespace {

struct Entry
{
	BufferTag tag;
	int buf_id;
	int next; /* next entry in the chain or free list; -1 ends */
};
static_assert(std::is_trivially_copyable_v<Entry>);

struct Table
{
	int nbuckets;
	int nentries;
	slock_t freelist_lock;
	int freelist;
	/* nbuckets ints, then nentries Entry */
};
static_assert(std::is_trivially_copyable_v<Table>);

Table *table = nullptr;
LWLockPadded *partition_locks = nullptr;

int *Buckets()
{
	return reinterpret_cast<int *>(reinterpret_cast<char *>(table) + MAXALIGN(sizeof(Table)));
}

Entry *Entries()
{
	return reinterpret_cast<Entry *>(reinterpret_cast<char *>(Buckets()) +
									 MAXALIGN(sizeof(int) * table->nbuckets));
}

int BucketsFor(int size)
{
	int n = NUM_BUFFER_PARTITIONS;
	while (n < size)
		n *= 2;
	return n;
}

uint32 Mix(uint32 h, uint32 v)
{
	h ^= v;
	h *= 0x9E3779B1u;
	return h ^ (h >> 15);
}

}  // namespace

bool TagsEqual(const BufferTag &a, const BufferTag &b)
{
	return RelFileNodeEquals(a.rnode, b.rnode) && a.forkNum == b.forkNum &&
		a.blockNum == b.blockNum;
}

uint32 BufTableHashCode(const BufferTag &tag)
{
	uint32 h = 0x811C9DC5u;
	h = Mix(h, tag.rnode.spcNode);
	h = Mix(h, tag.rnode.dbNode);
	h = Mix(h, tag.rnode.relNode);
	h = Mix(h, static_cast<uint32>(tag.forkNum));
	h = Mix(h, tag.blockNum);
	return h;
}

LWLock *BufMappingPartitionLock(uint32 hashcode)
{
	return &partition_locks[hashcode % NUM_BUFFER_PARTITIONS].lock;
}

Size BufTableShmemSize(int size)
{
	int nentries = size + NUM_BUFFER_PARTITIONS;
	Size s = MAXALIGN(sizeof(Table));
	s = add_size(s, MAXALIGN(mul_size(sizeof(int), BucketsFor(size))));
	s = add_size(s, mul_size(sizeof(Entry), nentries));
	s = add_size(s, mul_size(sizeof(LWLockPadded), NUM_BUFFER_PARTITIONS));
	return s;
}

void InitBufTable(int size)
{
	bool found;
	partition_locks = static_cast<LWLockPadded *>(
		ShmemInitStruct("Buffer Mapping Locks",
						mul_size(sizeof(LWLockPadded), NUM_BUFFER_PARTITIONS), &found));
	for (int i = 0; i < NUM_BUFFER_PARTITIONS; i++)
		LWLockInitialize(&partition_locks[i].lock, LWTRANCHE_BUFFER_MAPPING);

	int nbuckets = BucketsFor(size);
	int nentries = size + NUM_BUFFER_PARTITIONS;
	Size bytes = MAXALIGN(sizeof(Table)) + MAXALIGN(sizeof(int) * nbuckets) +
		sizeof(Entry) * nentries;
	table = static_cast<Table *>(ShmemInitStruct("Shared Buffer Lookup Table", bytes, &found));
	table->nbuckets = nbuckets;
	table->nentries = nentries;
	SpinLockInit(&table->freelist_lock);
	for (int i = 0; i < nbuckets; i++)
		Buckets()[i] = -1;
	for (int i = 0; i < nentries; i++)
		Entries()[i].next = i + 1 < nentries ? i + 1 : -1;
	table->freelist = 0;
}

int BufTableLookup(const BufferTag &tag, uint32 hashcode)
{
	for (int e = Buckets()[hashcode % table->nbuckets]; e >= 0; e = Entries()[e].next)
		if (TagsEqual(Entries()[e].tag, tag))
			return Entries()[e].buf_id;
	return -1;
}

int BufTableInsert(const BufferTag &tag, uint32 hashcode, int buf_id)
{
	int &head = Buckets()[hashcode % table->nbuckets];
	for (int e = head; e >= 0; e = Entries()[e].next)
		if (TagsEqual(Entries()[e].tag, tag))
			return Entries()[e].buf_id;
	int e;
	{
		tusk::SpinLockGuard freelist(&table->freelist_lock);
		e = table->freelist;
		if (e >= 0)
			table->freelist = Entries()[e].next;
	}
	if (e < 0)
		elog(ERROR, "shared buffer hash table is full"); /* cannot happen: sized for it */
	Entries()[e].tag = tag;
	Entries()[e].buf_id = buf_id;
	Entries()[e].next = head;
	head = e;
	return -1;
}

void BufTableDelete(const BufferTag &tag, uint32 hashcode)
{
	int *link = &Buckets()[hashcode % table->nbuckets];
	while (*link >= 0)
	{
		int e = *link;
		if (TagsEqual(Entries()[e].tag, tag))
		{
			*link = Entries()[e].next;
			tusk::SpinLockGuard freelist(&table->freelist_lock);
			Entries()[e].next = table->freelist;
			table->freelist = e;
			return;
		}
		link = &Entries()[e].next;
	}
	elog(ERROR, "shared buffer hash table corrupted");
}

}  // namespace tusk::buffer
