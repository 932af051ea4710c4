/*
 * access/xlogreader.h — reading WAL records back: recovery, tests, tools.
 *
 * A reader reads the segment files under a WAL directory, follows records
 * across page and segment boundaries, checks every page header, each
 * record's CRC and its link to the previous record, and decodes the block
 * references.  XLogReadRecord returns NULL at the end of valid WAL and says
 * why in *errormsg (PostgreSQL's wording), which recovery logs and treats
 * as the end of the log.
 */
#ifndef TUSK_ACCESS_XLOGREADER_H
#define TUSK_ACCESS_XLOGREADER_H

#include "c.h"
#include "access/xlogrecord.h"
#include "storage/bufpage.h"

typedef struct DecodedBkpBlock
{
	bool in_use;
	RelFileNode rnode;
	ForkNumber forknum;
	BlockNumber blkno;
	uint8 flags; /* BKPBLOCK_* */
	bool has_image;
	bool apply_image;
	const char *bkp_image;
	uint16 hole_offset;
	uint16 hole_length;
	uint16 bimg_len;
	uint8 bimg_info;
	bool has_data;
	const char *data;
	uint16 data_len;
} DecodedBkpBlock;

typedef struct XLogReaderState XLogReaderState;

#ifdef __cplusplus
extern "C" {
#endif

/* waldir: the pg_wal directory; system_identifier: what segment headers
 * must say (0: whatever the first one says). */
extern XLogReaderState *XLogReaderAllocate(int wal_segment_size, const char *waldir,
										   uint64 system_identifier);
extern void XLogReaderFree(XLogReaderState *state);
/* The next XLogReadRecord reads the record starting at RecPtr. */
extern void XLogBeginRead(XLogReaderState *state, XLogRecPtr RecPtr);
extern XLogRecord *XLogReadRecord(XLogReaderState *state, char **errormsg);

/* About the record last read. */
extern XLogRecPtr XLogReaderGetReadRecPtr(const XLogReaderState *state);
extern XLogRecPtr XLogReaderGetEndRecPtr(const XLogReaderState *state);
extern const XLogRecord *XLogReaderGetRecord(const XLogReaderState *state);
extern const char *XLogRecGetDataPtr(const XLogReaderState *state);
extern uint32 XLogRecGetDataLength(const XLogReaderState *state);
extern int XLogRecMaxBlockId(const XLogReaderState *state);
extern const DecodedBkpBlock *XLogRecGetBlock(const XLogReaderState *state, uint8 block_id);
extern bool XLogRecGetBlockTag(const XLogReaderState *state, uint8 block_id, RelFileNode *rnode,
							   ForkNumber *forknum, BlockNumber *blknum);
extern const char *XLogRecGetBlockData(const XLogReaderState *state, uint8 block_id, Size *len);
/* Rebuild the full-page image of a block into page (BLCKSZ bytes). */
extern bool RestoreBlockImage(XLogReaderState *state, uint8 block_id, char *page);

#ifdef __cplusplus
}
#endif

/* PostgreSQL's accessor names. */
#define XLogRecGetInfo(r) (XLogReaderGetRecord(r)->xl_info)
#define XLogRecGetRmid(r) (XLogReaderGetRecord(r)->xl_rmid)
#define XLogRecGetFullXid(r) (XLogReaderGetRecord(r)->xl_xid)
#define XLogRecGetXid(r) XidFromFullTransactionId(XLogReaderGetRecord(r)->xl_xid)
#define XLogRecGetTotalLen(r) (XLogReaderGetRecord(r)->xl_tot_len)
#define XLogRecGetData(r) XLogRecGetDataPtr(r)
#define XLogRecGetDataLen(r) XLogRecGetDataLength(r)
#define XLogRecHasBlockRef(r, id) (XLogRecGetBlock(r, id) != NULL)
#define XLogRecHasBlockImage(r, id) (XLogRecGetBlock(r, id)->has_image)
#define XLogRecBlockImageApply(r, id) (XLogRecGetBlock(r, id)->apply_image)

#endif /* TUSK_ACCESS_XLOGREADER_H */
