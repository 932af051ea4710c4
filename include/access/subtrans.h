/*
 * access/subtrans.h — pg_subtrans: each subtransaction's parent.
 *
 * A backend lists its running subtransactions' ids in its PGPROC, but
 * only PGPROC_MAX_CACHED_SUBXIDS of them; past that its cache overflows,
 * and whoever must know whether such an id is running, or whether a
 * snapshot sees it, climbs from the id to its top-level transaction here
 * and asks about that one instead (PostgreSQL's pg_subtrans).  Every
 * subtransaction id records its parent when it is assigned; top-level ids
 * read as InvalidFullTransactionId.  Only ids of transactions that were
 * running at some snapshot still held are ever looked up, so nothing here
 * needs to survive a restart: the log starts empty at every start, is not
 * WAL-logged or fsynced, and checkpoints remove what no snapshot can ask
 * about any more.
 */
#ifndef TUSK_ACCESS_SUBTRANS_H
#define TUSK_ACCESS_SUBTRANS_H

#include "c.h"
#include "access/transam.h"

#ifdef __cplusplus
extern "C" {
#endif

extern Size SUBTRANSShmemSize(void);
extern void SUBTRANSShmemInit(void);
/* At the end of startup: an empty log whose first page holds nextXid. */
extern void StartupSUBTRANS(FullTransactionId nextXid);
/* Called for every new id (under XidGenLock): a new page when it starts one. */
extern void ExtendSUBTRANS(FullTransactionId newestXact);
extern void SubTransSetParent(FullTransactionId xid, FullTransactionId parent);
extern FullTransactionId SubTransGetParent(FullTransactionId xid);
/* xid's top-level transaction (xid itself if it is one); xid must not
 * precede the oldest id a snapshot of this process can hold. */
extern FullTransactionId SubTransGetTopmostTransaction(FullTransactionId xid);
/* At a checkpoint: forget ids before oldestXact. */
extern void TruncateSUBTRANS(FullTransactionId oldestXact);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_SUBTRANS_H */
