/*
 * access/heapam_xlog.h — the heap's WAL records (RM_HEAP_ID, and page
 * pruning under RM_HEAP2_ID), with PostgreSQL's info values; transaction
 * ids are Tusk's 64-bit ones.
 */
#ifndef TUSK_ACCESS_HEAPAM_XLOG_H
#define TUSK_ACCESS_HEAPAM_XLOG_H

#include "c.h"
#include "storage/off.h"

typedef struct XLogReaderState XLogReaderState;

#define XLOG_HEAP_INSERT 0x00
#define XLOG_HEAP_DELETE 0x10
#define XLOG_HEAP_UPDATE 0x20
/* An update whose new version is heap-only, on the old one's page. */
#define XLOG_HEAP_HOT_UPDATE 0x40
#define XLOG_HEAP_LOCK 0x60
#define XLOG_HEAP_OPMASK 0x70
/* The page was (re)initialized: replay starts from an empty page. */
#define XLOG_HEAP_INIT_PAGE 0x80

/* The tuple header fields a record carries; xmin is the record's xid,
 * the command id is not needed after a crash. */
typedef struct xl_heap_header
{
	uint16 t_infomask2;
	uint16 t_infomask;
	uint8 t_hoff;
} xl_heap_header;

#define SizeOfHeapHeader (offsetof(xl_heap_header, t_hoff) + sizeof(uint8))

/* Block 0: the page; its data: xl_heap_header, then the tuple after the
 * header (null bitmap, user data). */
typedef struct xl_heap_insert
{
	OffsetNumber offnum;
	uint8 flags;
} xl_heap_insert;

/* Bits of infomask carried by delete and update records. */
#define XLHL_XMAX_IS_MULTI 0x01
#define XLHL_XMAX_LOCK_ONLY 0x02
#define XLHL_XMAX_EXCL_LOCK 0x04
#define XLHL_XMAX_KEYSHR_LOCK 0x08
#define XLHL_KEYS_UPDATED 0x10

/* xl_heap_delete.flags: a super-delete (heap_abort_speculative). */
#define XLH_DELETE_IS_SUPER 0x01

/* Block 0: the page. */
typedef struct xl_heap_delete
{
	uint64 xmax;
	OffsetNumber offnum;
	uint8 infobits_set;
	uint8 flags;
} xl_heap_delete;

/* Block 0: the new version's page, with its tuple as for an insert;
 * block 1: the old version's page, when different. */
typedef struct xl_heap_update
{
	uint64 old_xmax;
	OffsetNumber old_offnum;
	uint8 old_infobits_set;
	uint8 flags;
	OffsetNumber new_offnum;
	uint64 new_xmax; /* the new version's lockers (its header says how), or 0 */
} xl_heap_update;

/* Block 0: the page. */
typedef struct xl_heap_lock
{
	uint64 locking_xid;
	OffsetNumber offnum;
	uint8 infobits_set;
	uint8 flags;
} xl_heap_lock;

/* RM_HEAP2_ID: a page pruned (heap_page_prune). */
#define XLOG_HEAP2_PRUNE 0x10

/*
 * Block 0: the page; its data: nredirected pairs of offsets (the line
 * pointer, then where it now redirects), ndead offsets now LP_DEAD, and
 * the rest, offsets now LP_UNUSED.  Replay sets them and compacts the
 * page, as the pruning did.
 */
typedef struct xl_heap_prune
{
	uint16 nredirected;
	uint16 ndead;
} xl_heap_prune;

#ifdef __cplusplus
extern "C" {
#endif

extern void heap2_redo(XLogReaderState *record);
extern const char *heap2_identify(uint8 info);
extern void heap_redo(XLogReaderState *record);
extern const char *heap_identify(uint8 info);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_HEAPAM_XLOG_H */
