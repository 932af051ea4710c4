/*
 * access/xlogrecord.h — the layout of one WAL record.
 *
 * A record is a fixed header, then the headers of the blocks it references
 * (each naming a relation page, optionally carrying a full-page image and
 * per-block data), then the header of its main data, then the payloads in
 * the same order: images, block data, main data.  This is PostgreSQL's
 * layout, except that xl_xid is 64 bits wide.
 *
 * The CRC-32C in xl_crc covers everything after the fixed header, then the
 * fixed header up to xl_crc, so a record torn anywhere, or overwritten by
 * an older one, is detected.  xl_prev points back at the previous record:
 * a stale record left in a reused file never links up with the chain.
 */
#ifndef TUSK_ACCESS_XLOGRECORD_H
#define TUSK_ACCESS_XLOGRECORD_H

#include "c.h"
#include "access/transam.h"
#include "access/xlogdefs.h"
#include "storage/block.h"
#include "storage/relfilenode.h"

typedef uint32 pg_crc32c;

typedef struct XLogRecord
{
	uint32 xl_tot_len;		  /* whole record, header included */
	uint8 xl_info;			  /* flags: the high 4 bits are the rmgr's */
	RmgrId xl_rmid;			  /* resource manager */
	uint16 xl_pad;			  /* zero */
	FullTransactionId xl_xid; /* transaction, or invalid */
	XLogRecPtr xl_prev;		  /* the previous record */
	pg_crc32c xl_crc;
} XLogRecord;

#define SizeOfXLogRecord (offsetof(XLogRecord, xl_crc) + sizeof(pg_crc32c))

#define XLR_INFO_MASK 0x0F
#define XLR_RMGR_INFO_MASK 0xF0

/* Per-block header.  id is 0..XLR_MAX_BLOCK_ID. */
typedef struct XLogRecordBlockHeader
{
	uint8 id;
	uint8 fork_flags;	/* fork number in the low 4 bits, BKPBLOCK_* */
	uint16 data_length; /* per-block data that follows */
						/* then an image header (if HAS_IMAGE), a RelFileNode (unless
	 * SAME_REL) and a BlockNumber */
} XLogRecordBlockHeader;

#define SizeOfXLogRecordBlockHeader (offsetof(XLogRecordBlockHeader, data_length) + sizeof(uint16))

#define BKPBLOCK_FORK_MASK 0x0F
#define BKPBLOCK_FLAG_MASK 0xF0
#define BKPBLOCK_HAS_IMAGE 0x10
#define BKPBLOCK_HAS_DATA 0x20
#define BKPBLOCK_WILL_INIT 0x40 /* redo re-initializes the page */
#define BKPBLOCK_SAME_REL 0x80	/* the same relation as the previous block */

/* A full-page image: the page without its "hole" (the free space between
 * pd_lower and pd_upper), then possibly compressed. */
typedef struct XLogRecordBlockImageHeader
{
	uint16 length; /* bytes of image data in the record */
	uint16 hole_offset;
	uint16 hole_length; /* Tusk always stores it (PostgreSQL only when compressed) */
	uint8 bimg_info;
} XLogRecordBlockImageHeader;

#define SizeOfXLogRecordBlockImageHeader (offsetof(XLogRecordBlockImageHeader, bimg_info) + 1)

#define BKPIMAGE_HAS_HOLE 0x01
#define BKPIMAGE_APPLY 0x02			/* redo restores the page from it */
#define BKPIMAGE_COMPRESS_ZLIB 0x04 /* Tusk's only method (wal_compression = on) */

#define XLR_MAX_BLOCK_ID 32
#define XLR_BLOCK_ID_DATA_SHORT 255
#define XLR_BLOCK_ID_DATA_LONG 254

/* The largest record Tusk accepts, as PostgreSQL: 1 GB minus a margin. */
#define XLogRecordMaxSize (1020 * 1024 * 1024)

#endif /* TUSK_ACCESS_XLOGRECORD_H */
