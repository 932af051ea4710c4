/*
 * access/xloginsert.h — building and inserting WAL records.
 *
 * As in PostgreSQL: XLogBeginInsert(); register the main data and the
 * pages the change touches (with per-page data); XLogInsert(rmid, info)
 * assembles the record, adds a full-page image of each page changed for
 * the first time since the last checkpoint, appends it to the log and
 * returns its end, which the caller stores as the pages' LSN.  The caller
 * holds the pages' content locks (exclusively) across the change and the
 * insert.
 */
#ifndef TUSK_ACCESS_XLOGINSERT_H
#define TUSK_ACCESS_XLOGINSERT_H

#include "c.h"
#include "access/xlogdefs.h"
#include "storage/buf.h"
#include "storage/block.h"
#include "storage/relfilenode.h"

/* Flags for XLogRegisterBuffer. */
#define REGBUF_FORCE_IMAGE 0x01		   /* always include a full-page image */
#define REGBUF_NO_IMAGE 0x02		   /* never: redo does not need one */
#define REGBUF_WILL_INIT (0x04 | 0x02) /* redo re-initializes the page */
#define REGBUF_STANDARD 0x08		   /* a standard page: leave out its hole */
#define REGBUF_KEEP_DATA 0x10		   /* keep the block data even with an image */

#ifdef __cplusplus
extern "C" {
#endif

extern void XLogBeginInsert(void);
/* Checks that a record of up to max_block_id + 1 blocks and ndatas data
 * pieces fits (Tusk's space is static, so nothing is allocated). */
extern void XLogEnsureRecordSpace(int max_block_id, int ndatas);
extern void XLogRegisterData(const char *data, uint32 len);
extern void XLogRegisterBuffer(uint8 block_id, Buffer buffer, uint8 flags);
/* A page not in the buffer pool (page may be NULL with REGBUF_NO_IMAGE). */
extern void XLogRegisterBlock(uint8 block_id, const RelFileNode *rnode, ForkNumber forknum,
							  BlockNumber blknum, const char *page, uint8 flags);
extern void XLogRegisterBufData(uint8 block_id, const char *data, uint32 len);
/* The transaction the record belongs to (by default the running
 * transaction's id, if it has one; Tusk, for tests and tools). */
extern void XLogSetRecordXid(uint64 xid);
extern XLogRecPtr XLogInsert(RmgrId rmid, uint8 info);
extern void XLogResetInsertion(void);
/* Would a change to this page now need a full-page image? */
extern bool XLogCheckBufferNeedsBackup(Buffer buffer);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_XLOGINSERT_H */
