/*
 * xlog_insert_internal.h — between record assembly (xloginsert.cpp) and the
 * log itself (xlog.cpp).
 */
#ifndef TUSK_BACKEND_ACCESS_TRANSAM_XLOG_INSERT_INTERNAL_H
#define TUSK_BACKEND_ACCESS_TRANSAM_XLOG_INSERT_INTERNAL_H

#include <span>

#include "access/xlogrecord.h"
#include "common/crc32c.h"

namespace tusk::xlog {

struct Chunk
{
	const char *data;
	uint32 len;
};

/* chunks[0] starts with the XLogRecord header (xl_tot_len set); crc_so_far
 * covers every byte after the header.  Returns the end of the record, or
 * InvalidXLogRecPtr when a checkpoint moved the redo point past fpw_lsn
 * (the lowest LSN of a page the record holds no image of): assemble again.
 * Runs inside critical sections: allocates nothing. */
XLogRecPtr InsertRecord(std::span<const Chunk> chunks, pg_crc32c crc_so_far, XLogRecPtr fpw_lsn,
						int num_fpi);

/* The redo point full-page decisions are made against, and whether
 * full_page_writes is on. */
XLogRecPtr GetRedoForInsert(bool *do_fpw);

/* A checkpoint starts: the redo point becomes where the next record will
 * start, and records inserted from now on take full-page images against
 * it.  Returns the new redo point. */
XLogRecPtr BeginCheckpointRedo();

}  // namespace tusk::xlog

#endif
