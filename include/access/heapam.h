/*
 * access/heapam.h — the heap access method: tables as unordered tuples in
 * pages (heapam.cpp), and whether a tuple is visible, updatable or
 * removable (heapam_visibility.cpp).
 *
 * Until tuple descriptors arrive with the SQL layer, a tuple's contents
 * are opaque bytes after its header (heap_form_raw_tuple).
 */
#ifndef TUSK_ACCESS_HEAPAM_H
#define TUSK_ACCESS_HEAPAM_H

#include "c.h"
#include "access/htup.h"
#include "access/transam.h"
#include "access/xact.h"
#include "storage/buf.h"
#include "storage/itemptr.h"
#include "utils/rel.h"
#include "utils/snapshot.h"

/* What an update or delete of a tuple would meet (PostgreSQL's
 * TM_Result, from access/tableam.h). */
typedef enum TM_Result
{
	TM_Ok,			  /* go ahead */
	TM_Invisible,	  /* not visible to the command at all */
	TM_SelfModified,  /* changed by a later command of ours */
	TM_Updated,		  /* updated by a committed transaction */
	TM_Deleted,		  /* deleted by a committed transaction */
	TM_BeingModified, /* being changed by a running transaction */
	TM_WouldBlock	  /* (lock wait refused) */
} TM_Result;

/* What VACUUM may do with a tuple. */
typedef enum HTSV_Result
{
	HEAPTUPLE_DEAD, /* dead to everyone: removable */
	HEAPTUPLE_LIVE,
	HEAPTUPLE_RECENTLY_DEAD, /* dead, but some snapshot may still see it */
	HEAPTUPLE_INSERT_IN_PROGRESS,
	HEAPTUPLE_DELETE_IN_PROGRESS
} HTSV_Result;

/* Why an update or delete did not happen, for the caller to decide what
 * next (READ COMMITTED follows ctid to the newest version). */
typedef struct TM_FailureData
{
	ItemPointerData ctid;	/* the newer version, or the tuple itself if deleted */
	FullTransactionId xmax; /* who updated or deleted it */
	CommandId cmax;			/* our command that did, for TM_SelfModified */
	bool traversed;
	int lockmode; /* (a LockTupleMode) the row lock heap_update needed: to lock the
				   * newer version in (PostgreSQL's heap_update lockmode) */
} TM_FailureData;

/* Row lock strengths (SELECT … FOR KEY SHARE / SHARE / NO KEY UPDATE /
 * UPDATE), PostgreSQL's. */
typedef enum LockTupleMode
{
	LockTupleKeyShare,
	LockTupleShare,
	LockTupleNoKeyExclusive,
	LockTupleExclusive
} LockTupleMode;

#include "nodes/lockoptions.h"

typedef struct HeapScanDescData *HeapScanDesc;

#include "access/sdir.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A tuple holding len bytes of data after a header for natts attributes
 * (palloc'd in CurrentMemoryContext, as one piece; heap_freetuple frees
 * it, and so does the context's reset). */
extern HeapTuple heap_form_raw_tuple(const void *data, uint32 len, int natts);
extern void heap_freetuple(HeapTuple tuple);
/* The data after the header. */
extern char *heap_tuple_data(HeapTuple tuple, uint32 *len);

/* Sets tup->t_self to where the tuple went. */
extern void heap_insert(Relation relation, HeapTuple tup, CommandId cid, int options,
						void *bistate);
/* wait: wait for a running updater or deleter to finish (then report
 * what it did), instead of returning TM_BeingModified. */
extern TM_Result heap_delete(Relation relation, ItemPointer tid, CommandId cid, bool wait,
							 TM_FailureData *tmfd);
/*
 * Undo this command's insertion of the tuple at tid (PostgreSQL's
 * "super-delete", for an ON CONFLICT insertion that lost its race): the
 * tuple becomes dead to every transaction at once — as if its inserter had
 * aborted — so no one waits for this transaction over it, and VACUUM
 * removes it.  Its out-of-line values are deleted.
 */
extern void heap_abort_speculative(Relation relation, ItemPointer tid);
/* Sets newtup->t_self to where the new version went. */
extern TM_Result heap_update(Relation relation, ItemPointer otid, HeapTuple newtup, CommandId cid,
							 bool wait, TM_FailureData *tmfd);

/*
 * Lock the row at tuple->t_self (SELECT … FOR UPDATE and friends): its
 * xmax becomes this transaction, marked as locking only — or, when others
 * hold it in compatible modes (two FOR SHARE lockers; FOR KEY SHARE and a
 * non-key updater), a multixact of all of them (access/multixact.h) — so
 * conflicting updaters and lockers wait for us and readers are
 * unaffected.  A lock on a row a running transaction is updating waits
 * for that transaction, whatever the modes (PostgreSQL lets FOR KEY SHARE
 * lock a row under a non-key update at once and follows the update
 * chain; Tusk does not yet).  On return *buffer holds a pin and tuple
 * points into it (TM_Ok, TM_Updated, TM_Deleted, TM_SelfModified);
 * TM_WouldBlock with LockWaitSkip; LockWaitError raises PostgreSQL's
 * 55P03.
 */
extern TM_Result heap_lock_tuple(Relation relation, HeapTuple tuple, CommandId cid,
								 LockTupleMode mode, LockWaitPolicy wait_policy, Buffer *buffer,
								 TM_FailureData *tmfd);

/*
 * Tests only (null otherwise): heap_update, heap_delete and heap_lock_tuple
 * call it, the buffer locked, right after judging the tuple being modified
 * by another transaction and before looking at who holds it — so that a
 * test can end a holder exactly in that window, which no buffer lock
 * closes.  It must not touch the tuple's buffer.
 */
extern PGDLLIMPORT void (*heap_being_modified_test_hook)(void);

/* The scan is allocated in CurrentMemoryContext. */
extern HeapScanDesc heap_beginscan(Relation relation, Snapshot snapshot);
/* The next visible tuple, valid until the next call; NULL at the end. */
extern HeapTuple heap_getnext(HeapScanDesc scan, ScanDirection direction);
extern void heap_endscan(HeapScanDesc scan);
/* The tuple at tuple->t_self, if snapshot sees it: then *userbuf holds a
 * pin on its buffer for the caller to release; else InvalidBuffer. */
extern bool heap_fetch(Relation relation, Snapshot snapshot, HeapTuple tuple, Buffer *userbuf);
/* Follow the update chain from *tid to the newest version snapshot sees. */
extern void heap_get_latest_tid(Relation relation, Snapshot snapshot, ItemPointer tid);

/*
 * HOT chains and pruning (pruneheap.cpp; doc/access/README.md).
 *
 * heap_index_fetch: the row an index entry leads to — tuple->t_self the
 * entry's TID, the root of a HOT chain — as heap_fetch returns it: the
 * chain's member snapshot sees, with t_self its own TID.  The page may be
 * pruned first.  first_call false continues the chain after the member
 * at tuple->t_self, returned last time (for snapshots that can see more
 * than one member; the caller kept the page pinned since).
 */
extern bool heap_index_fetch(Relation relation, Snapshot snapshot, HeapTuple tuple, Buffer *userbuf,
							 bool first_call);
/* The same on a page the caller has pinned and locked (share is enough);
 * *tid becomes the member's TID.  all_dead, if not NULL, learns whether
 * every member is dead to everyone (PostgreSQL's). */
extern bool heap_hot_search_buffer(ItemPointer tid, Relation relation, Buffer buffer,
								   Snapshot snapshot, HeapTuple heapTuple, bool *all_dead,
								   bool first_call);
/* root_offsets[off - 1]: the offset of the root of the chain holding the
 * tuple at off (itself when it is not heap-only), or InvalidOffsetNumber.
 * The page locked; root_offsets holds PageGetMaxOffsetNumber entries. */
extern void heap_get_root_tuples(char *page, OffsetNumber *root_offsets);
/* Prune the page (held with the cleanup lock) of what oldest_xmin makes
 * removable; WAL-logged.  Returns the tuples removed; htsv, if not NULL
 * (MaxOffsetNumber + 1 entries), gets each offset's HTSV_Result as judged
 * before, -1 for line pointers without a tuple. */
extern int heap_page_prune(Relation relation, Buffer buffer, FullTransactionId oldest_xmin,
						   int8 *htsv);
/* Prune the pinned (unlocked) page if it is nearly full, something on it
 * may be prunable, and the cleanup lock is free at once. */
extern void heap_page_prune_opt(Relation relation, Buffer buffer);
/* A delete or update by xid: the page may be worth pruning once xid ends. */
extern void heap_page_set_prunable(char *page, FullTransactionId xid);

/* What VACUUM did. */
typedef struct VacuumStats
{
	BlockNumber pages;
	uint64 tuples_removed;
	uint64 tuples_remaining;	 /* live, recently dead, or in progress */
	uint64 tuples_live;			 /* of those, live or being deleted (pg_class.reltuples) */
	uint64 tuples_recently_dead; /* dead, but some snapshot may still see them */
	uint64 index_entries_removed;
} VacuumStats;

/* Index bulk deletion: whether the entry for this heap TID goes. */
typedef bool (*IndexBulkDeleteCallback)(ItemPointer itemptr, void *state);

/*
 * VACUUM (not FULL) of a table and its indexes (the caller holds at least
 * ShareUpdateExclusiveLock on all of them): tuples dead to every snapshot
 * are removed, their index entries deleted, their line pointers freed,
 * and every page's free space recorded in the free space map.
 */
extern void heap_vacuum_rel(Relation rel, Relation *indrels, int nindexes, VacuumStats *stats);

/*
 * The tuple's buffer must be pinned and locked (share is enough): the
 * checks set hint bits as they learn transactions' outcomes.
 */
extern bool HeapTupleSatisfiesVisibility(HeapTuple htup, Snapshot snapshot, Buffer buffer);
extern TM_Result HeapTupleSatisfiesUpdate(HeapTuple htup, CommandId curcid, Buffer buffer);
/* oldestXmin: from GetOldestNonRemovableFullTransactionId. */
extern HTSV_Result HeapTupleSatisfiesVacuum(HeapTuple htup, FullTransactionId oldestXmin,
											Buffer buffer);
/* The transaction that updated or deleted the tuple: xmax itself, or a
 * multixact's updating member (invalid when it has none).  For an xmax
 * that is not locked-only. */
extern FullTransactionId HeapTupleGetUpdateXid(HeapTupleHeader tup);
/* Record that xid committed (infomask HEAP_XMIN_COMMITTED or
 * HEAP_XMAX_COMMITTED) or is invalid, unless the commit's WAL is not yet
 * flushed past the page's: then the hint would outrun the commit. */
extern void HeapTupleSetHintBits(HeapTupleHeader tuple, Buffer buffer, uint16 infomask,
								 FullTransactionId xid);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_HEAPAM_H */
