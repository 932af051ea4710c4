/*
 * access/xlog_internal.h — the on-disk layout of the write-ahead log.
 *
 * The log is a sequence of bytes numbered by XLogRecPtr, stored in segment
 * files of wal_segment_size bytes under pg_wal/, each named by timeline and
 * segment number as PostgreSQL names them (24 hex digits).  Every 8 kB WAL
 * page starts with a page header; the first page of a segment with a long
 * one that also identifies the cluster.  Records (access/xlogrecord.h)
 * start MAXALIGN'd after a page header or after the previous record and may
 * continue over following pages: a page whose first bytes finish a record
 * begun earlier says so (XLP_FIRST_IS_CONTRECORD) and how many bytes of it
 * remain (xlp_rem_len).  A record never starts so near the end of a page
 * that its fixed header would be split; the rest of such a page is zeroes.
 *
 * Tusk's records carry 64-bit transaction ids, so its WAL is not
 * PostgreSQL's: it has its own magic number and pg_waldump cannot read it.
 */
#ifndef TUSK_ACCESS_XLOG_INTERNAL_H
#define TUSK_ACCESS_XLOG_INTERNAL_H

#include "c.h"
#include "access/xlogdefs.h"

#define XLOG_PAGE_MAGIC 0x7A51 /* Tusk WAL, format 1 */

#define XLOG_BLCKSZ BLCKSZ

typedef uint64 XLogSegNo;

typedef struct XLogPageHeaderData
{
	uint16 xlp_magic;		 /* XLOG_PAGE_MAGIC */
	uint16 xlp_info;		 /* XLP_* flags */
	TimeLineID xlp_tli;		 /* timeline of the first record on the page */
	XLogRecPtr xlp_pageaddr; /* WAL position of this page */
	uint32 xlp_rem_len;		 /* bytes of a continued record on this page */
} XLogPageHeaderData;

#define SizeOfXLogShortPHD MAXALIGN(sizeof(XLogPageHeaderData))

typedef XLogPageHeaderData *XLogPageHeader;

/* The first page of every segment identifies the cluster and the sizes. */
typedef struct XLogLongPageHeaderData
{
	XLogPageHeaderData std;
	uint64 xlp_sysid; /* system identifier, as in pg_control */
	uint32 xlp_seg_size;
	uint32 xlp_xlog_blcksz;
} XLogLongPageHeaderData;

#define SizeOfXLogLongPHD MAXALIGN(sizeof(XLogLongPageHeaderData))

typedef XLogLongPageHeaderData *XLogLongPageHeader;

#define XLP_FIRST_IS_CONTRECORD 0x0001
#define XLP_LONG_HEADER 0x0002
#define XLP_ALL_FLAGS 0x0003

/* Segment sizes initdb accepts (--wal-segsize, in MB): powers of two. */
#define DEFAULT_XLOG_SEG_SIZE (16 * 1024 * 1024)
#define WalSegMinSize (1024 * 1024)
#define WalSegMaxSize (1024 * 1024 * 1024)
#define IsPowerOf2(x) ((x) > 0 && ((x) & ((x) -1)) == 0)
#define IsValidWalSegSize(size) \
	(IsPowerOf2(size) && (size) >= WalSegMinSize && (size) <= WalSegMaxSize)

#define XLogSegmentsPerXLogId(segsz) (UINT64CONST(0x100000000) / (segsz))
#define XLByteToSeg(xlrp, segsz) ((xlrp) / (segsz))
#define XLogSegmentOffset(xlrp, segsz) ((xlrp) & ((segsz) -1))
#define XLogSegNoOffsetToRecPtr(segno, offset, segsz) ((segno) * (uint64) (segsz) + (offset))

#define MAXFNAMELEN 64
#define XLOGDIR "pg_wal"

#ifdef __cplusplus
extern "C" {
#endif

/* "000000010000000000000001": timeline, then the segment number split in
 * two 32-bit halves as PostgreSQL does. */
extern void XLogFileName(char *fname, TimeLineID tli, XLogSegNo segno, int wal_segsz_bytes);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_XLOG_INTERNAL_H */
