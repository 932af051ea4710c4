/*
 * slru.cpp — see slru.h.
 *
 * Principal entry points: Slru::ReadPage, Slru::ZeroPage, Slru::WriteAll.
 */
#include "postgres.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <type_traits>

#include "access/transam/slru.h"
#include "access/xlog.h"
#include "miscadmin.h"
#include "storage/shmem.h"
#include "utils/errcodes.h"

namespace tusk::slru {

struct Slru::Shared
{
	int num_slots;
	int lru_clock;
	int64 latest_page; /* never evicted: the page new ids go to */
					   /* Followed by the per-slot arrays, then the pages. */
};
static_assert(std::is_trivially_copyable_v<Slru::Shared>);

namespace {

struct Slot
{
	int64 pageno;
	bool valid;
	bool dirty;
	int last_used;
	XLogRecPtr lsn; /* WAL to flush before writing the page */
};
static_assert(std::is_trivially_copyable_v<Slot>);

}  // namespace

/* Layout: the header, the slot array, then the pages. */
static Slot *SlotsOf(Slru::Shared *shared)
{
	return reinterpret_cast<Slot *>(reinterpret_cast<char *>(shared) +
									MAXALIGN(sizeof(Slru::Shared)));
}

static Size SlotArraySize(int nslots)
{
	return MAXALIGN(sizeof(Slot) * static_cast<Size>(nslots));
}

Size Slru::ShmemSize(int nslots) const
{
	Size s = MAXALIGN(sizeof(Shared));
	s = add_size(s, SlotArraySize(nslots));
	s = add_size(s, mul_size(nslots, BLCKSZ));
	s = add_size(s, mul_size(mul_size(nslots, lsn_groups_), sizeof(XLogRecPtr)));
	return s;
}

XLogRecPtr *Slru::GroupLSNs(int slot) const
{
	char *after_pages = reinterpret_cast<char *>(SlotsOf(shared_)) +
		SlotArraySize(shared_->num_slots) + static_cast<Size>(shared_->num_slots) * BLCKSZ;
	return reinterpret_cast<XLogRecPtr *>(after_pages) + static_cast<Size>(slot) * lsn_groups_;
}

void Slru::ResetLSNs(int slot)
{
	SlotsOf(shared_)[slot].lsn = InvalidXLogRecPtr;
	XLogRecPtr *groups = GroupLSNs(slot);
	for (int g = 0; g < lsn_groups_; g++)
		groups[g] = InvalidXLogRecPtr;
}

void Slru::ShmemInit(int nslots)
{
	bool found;
	shared_ = static_cast<Shared *>(ShmemInitStruct(name_, ShmemSize(nslots), &found));
	if (found)
		return;
	shared_->num_slots = nslots;
	shared_->lru_clock = 0;
	shared_->latest_page = -1;
	Slot *slots = SlotsOf(shared_);
	for (int i = 0; i < nslots; i++)
	{
		slots[i] = Slot{-1, false, false, 0, InvalidXLogRecPtr};
		ResetLSNs(i);
	}
}

char *Slru::Page(int slot)
{
	return reinterpret_cast<char *>(SlotsOf(shared_)) + SlotArraySize(shared_->num_slots) +
		static_cast<Size>(slot) * BLCKSZ;
}

Slru::Path Slru::SegmentPath(int64 segno) const
{
	Path p;
	snprintf(p.path, sizeof p.path, "%s/%015" PRIX64, dir_, static_cast<uint64>(segno));
	return p;
}

void Slru::Touch(int slot)
{
	SlotsOf(shared_)[slot].last_used = ++shared_->lru_clock;
}

int Slru::FindSlot(int64 pageno)
{
	Slot *slots = SlotsOf(shared_);
	for (int i = 0; i < shared_->num_slots; i++)
		if (slots[i].valid && slots[i].pageno == pageno)
			return i;
	return -1;
}

void Slru::MarkDirty(int slot)
{
	SlotsOf(shared_)[slot].dirty = true;
}

void Slru::AdvanceGroupLSN(int slot, int group, XLogRecPtr lsn)
{
	Slot &s = SlotsOf(shared_)[slot];
	if (lsn > s.lsn)
		s.lsn = lsn;
	XLogRecPtr *groups = GroupLSNs(slot);
	if (lsn > groups[group])
		groups[group] = lsn;
}

XLogRecPtr Slru::GroupLSN(int slot, int group) const
{
	return GroupLSNs(slot)[group];
}

void Slru::WritePage(int slot)
{
	Slot &s = SlotsOf(shared_)[slot];
	/* The write-ahead rule, for statuses of asynchronous commits. */
	if (s.lsn != InvalidXLogRecPtr)
		XLogFlush(s.lsn);
	int64 segno = s.pageno / SLRU_PAGES_PER_SEGMENT;
	Path path = SegmentPath(segno);
	int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not open file \"%s\": %m", path.c_str()));
	off_t offset = static_cast<off_t>(s.pageno % SLRU_PAGES_PER_SEGMENT) * BLCKSZ;
	ssize_t n = pwrite(fd, Page(slot), BLCKSZ, offset);
	int save_errno = errno;
	if (n != BLCKSZ)
	{
		close(fd);
		errno = n < 0 ? save_errno : ENOSPC;
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not write to file \"%s\" at offset %lld: %m", path.c_str(),
					   static_cast<long long>(offset)));
	}
	FileTag tag;
	memset(&tag, 0, sizeof tag);
	tag.handler = static_cast<int16>(handler_);
	tag.segno = static_cast<uint64>(segno);
	if (handler_ != SYNC_HANDLER_NONE && !RegisterSyncRequest(&tag, SYNC_REQUEST, false) &&
		enableFsync && fsync(fd) != 0)
	{
		save_errno = errno;
		close(fd);
		errno = save_errno;
		ereport(PANIC, errcode_for_file_access(),
				errmsg("could not fsync file \"%s\": %m", path.c_str()));
	}
	close(fd);
	s.dirty = false;
}

int Slru::SyncFileTag(const FileTag &tag, std::string *path) const
{
	*path = SegmentPath(static_cast<int64>(tag.segno)).c_str();
	int fd = open(path->c_str(), O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int save_errno = errno;
	close(fd);
	errno = save_errno;
	return rc == 0 ? 0 : -1;
}

int Slru::ChooseVictim()
{
	Slot *slots = SlotsOf(shared_);
	int victim = -1;
	for (int i = 0; i < shared_->num_slots; i++)
	{
		if (!slots[i].valid)
			return i;
		if (slots[i].pageno == shared_->latest_page)
			continue;
		if (victim < 0 || slots[i].last_used < slots[victim].last_used)
			victim = i;
	}
	if (victim < 0)
		victim = 0; /* one slot only: evict even the latest page */
	if (slots[victim].dirty)
		WritePage(victim);
	slots[victim].valid = false;
	return victim;
}

int Slru::ReadPage(int64 pageno, const char *what_for)
{
	int slot = FindSlot(pageno);
	if (slot >= 0)
	{
		Touch(slot);
		return slot;
	}
	slot = ChooseVictim();
	Path path = SegmentPath(pageno / SLRU_PAGES_PER_SEGMENT);
	int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not access status of transaction %s", what_for),
				errdetail("Could not open file \"%s\": %m.", path.c_str()));
	off_t offset = static_cast<off_t>(pageno % SLRU_PAGES_PER_SEGMENT) * BLCKSZ;
	ssize_t n = pread(fd, Page(slot), BLCKSZ, offset);
	int save_errno = errno;
	close(fd);
	if (n != BLCKSZ)
	{
		errno = n < 0 ? save_errno : 0;
		if (n < 0)
			ereport(ERROR, errcode_for_file_access(),
					errmsg("could not access status of transaction %s", what_for),
					errdetail("Could not read from file \"%s\" at offset %lld: %m.", path.c_str(),
							  static_cast<long long>(offset)));
		ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("could not access status of transaction %s", what_for),
				errdetail("Could not read from file \"%s\" at offset %lld: read too few bytes.",
						  path.c_str(), static_cast<long long>(offset)));
	}
	Slot &s = SlotsOf(shared_)[slot];
	s.pageno = pageno;
	s.valid = true;
	s.dirty = false;
	ResetLSNs(slot);
	Touch(slot);
	return slot;
}

int Slru::ZeroPage(int64 pageno)
{
	int slot = FindSlot(pageno);
	if (slot < 0)
		slot = ChooseVictim();
	memset(Page(slot), 0, BLCKSZ);
	Slot &s = SlotsOf(shared_)[slot];
	s.pageno = pageno;
	s.valid = true;
	s.dirty = true;
	ResetLSNs(slot);
	if (pageno > shared_->latest_page)
		shared_->latest_page = pageno;
	Touch(slot);
	return slot;
}

void Slru::DropPagesBefore(int64 cutoff)
{
	Slot *slots = SlotsOf(shared_);
	for (int i = 0; i < shared_->num_slots; i++)
		if (slots[i].valid && slots[i].pageno < cutoff && slots[i].pageno != shared_->latest_page)
		{
			slots[i].valid = false;
			slots[i].dirty = false;
		}
	int64 keep_from = cutoff / SLRU_PAGES_PER_SEGMENT;
	DIR *dir = opendir(dir_);
	if (dir == nullptr)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not open directory \"%s\": %m", dir_));
	while (struct dirent *de = readdir(dir))
	{
		/* Only the segment names this SLRU writes: 15 hexadecimal digits. */
		if (strlen(de->d_name) != 15 || strspn(de->d_name, "0123456789ABCDEF") != 15)
			continue;
		int64 segno = static_cast<int64>(strtoull(de->d_name, nullptr, 16));
		if (segno >= keep_from)
			continue;
		Path path = SegmentPath(segno);
		if (unlink(path.c_str()) != 0 && errno != ENOENT)
			ereport(LOG, errcode_for_file_access(),
					errmsg("could not remove file \"%s\": %m", path.c_str()));
	}
	closedir(dir);
}

void Slru::WriteAll()
{
	Slot *slots = SlotsOf(shared_);
	for (int i = 0; i < shared_->num_slots; i++)
		if (slots[i].valid && slots[i].dirty)
			WritePage(i);
}

}  // namespace tusk::slru
