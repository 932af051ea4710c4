/*
 * access/clog.h — the commit log: two bits of status per transaction.
 *
 * Whether a transaction committed, aborted or is still running (as far as
 * its tuples' visibility is concerned) is kept here, indexed by its 64-bit
 * id, in pages cached in shared memory (an SLRU) and stored in pg_xact/.
 */
#ifndef TUSK_ACCESS_CLOG_H
#define TUSK_ACCESS_CLOG_H

#include "c.h"
#include "access/transam.h"
#include "access/xlogdefs.h"

typedef int XidStatus;

#define TRANSACTION_STATUS_IN_PROGRESS 0x00
#define TRANSACTION_STATUS_COMMITTED 0x01
#define TRANSACTION_STATUS_ABORTED 0x02
#define TRANSACTION_STATUS_SUB_COMMITTED 0x03

#ifdef __cplusplus
extern "C" {
#endif

extern Size CLOGShmemSize(void);
extern void CLOGShmemInit(void);
/* Make sure the page for a newly assigned id exists (zeroed: "in progress"). */
extern void ExtendCLOG(FullTransactionId newestXact);
/* lsn: the end of an asynchronous commit's record (else invalid); the
 * page is not written before WAL is flushed that far. */
extern void TransactionIdSetStatus(FullTransactionId xid, XidStatus status, XLogRecPtr lsn);
/* *lsn (if lsn is not null): WAL that must be flushed before the status
 * may be relied on in a data page (hint bits): the latest asynchronous
 * commit among the 32 ids around xid, a conservative stand-in for its own. */
extern XidStatus TransactionIdGetStatus(FullTransactionId xid, XLogRecPtr *lsn);
/* Write every dirty page; the checkpoint then syncs them. */
extern void CheckPointCLOG(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_CLOG_H */
