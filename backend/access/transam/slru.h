/*
 * slru.h — simple least-recently-used caches of small logs in shared memory.
 *
 * An SLRU keeps a few pages of a log (the commit log, later others) in
 * shared memory, reads missing pages from its directory and writes dirty
 * ones back: to make room, and all of them at a checkpoint.  A written
 * segment reaches disk at the next checkpoint through the sync request
 * queue (storage/sync.h), tagged with the SLRU's handler.  Pages are
 * numbered by a 64-bit page number; page p lives in segment file
 * p / SLRU_PAGES_PER_SEGMENT, named with 15 hex digits (64-bit ids would
 * overflow PostgreSQL 15's 4-digit names), at offset
 * (p % SLRU_PAGES_PER_SEGMENT) × BLCKSZ.
 *
 * Locking: one LWLock (the SLRU's control lock) covers the whole cache.
 * Readers of a cached page hold it shared; everything that changes the
 * cache — reading a page in, writing one out, zeroing a new one, setting
 * bits — holds it exclusively.  I/O happens under the lock; these logs
 * are small and hot, so misses are rare (PostgreSQL drops the lock during
 * I/O with per-buffer locks; a possible refinement).
 */
#ifndef TUSK_BACKEND_ACCESS_TRANSAM_SLRU_H
#define TUSK_BACKEND_ACCESS_TRANSAM_SLRU_H

#include <string>

#include "postgres.h"
#include "access/xlogdefs.h"
#include "storage/lwlock.h"
#include "storage/sync.h"

#define SLRU_PAGES_PER_SEGMENT 32

namespace tusk::slru {

class Slru
{
  public:
	/* name: for the shared-memory index; dir: relative to the data
	 * directory; control: the LWLock that guards it. */
	/* lsn_groups: how many WAL positions to keep per page (0: none). */
	Slru(const char *name, const char *dir, LWLock *control, SyncRequestHandler handler,
		 int lsn_groups)
		: name_(name), dir_(dir), control_(control), handler_(handler), lsn_groups_(lsn_groups)
	{}

	Size ShmemSize(int nslots) const;
	void ShmemInit(int nslots);
	LWLock *ControlLock() const { return control_; }

	/* With the control lock held in any mode: the slot holding pageno, or -1. */
	int FindSlot(int64 pageno);
	/* With the control lock held exclusively: the slot of pageno, read in
	 * if needed.  what_for names the item the caller wants, for errors. */
	int ReadPage(int64 pageno, const char *what_for);
	/* With the control lock held exclusively: a zeroed, dirty page. */
	int ZeroPage(int64 pageno);
	char *Page(int slot);
	void MarkDirty(int slot);
	/* With the control lock held exclusively: WAL up to lsn must be on
	 * disk before this page is written, and before what group (one of the
	 * page's lsn_groups ranges of items) says may be relied on elsewhere. */
	void AdvanceGroupLSN(int slot, int group, XLogRecPtr lsn);
	XLogRecPtr GroupLSN(int slot, int group) const;
	/* With the control lock held exclusively: forget the cached pages
	 * before cutoff and remove the segment files wholly before it (their
	 * contents are no longer needed; the caller knows). */
	void DropPagesBefore(int64 cutoff);
	/* Write every dirty page (a checkpoint then syncs them). */
	void WriteAll();
	/* The sync handler's half: fsync segment tag.segno. */
	int SyncFileTag(const FileTag &tag, std::string *path) const;
	/* A segment's path, built without allocating (pages are read and
	 * written inside the commit's critical section). */
	struct Path
	{
		char path[MAXPGPATH];
		const char *c_str() const { return path; }
	};
	Path SegmentPath(int64 segno) const;

	struct Shared; /* the cache's header in shared memory */

  private:
	int ChooseVictim();
	void WritePage(int slot);
	void Touch(int slot);
	XLogRecPtr *GroupLSNs(int slot) const;
	void ResetLSNs(int slot);

	const char *name_;
	const char *dir_;
	LWLock *control_;
	SyncRequestHandler handler_;
	int lsn_groups_;
	Shared *shared_ = nullptr;
};

}  // namespace tusk::slru

#endif	// TUSK_BACKEND_ACCESS_TRANSAM_SLRU_H
