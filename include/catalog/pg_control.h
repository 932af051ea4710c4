/*
 * catalog/pg_control.h — the control file, global/pg_control.
 *
 * One small file records what the server must know before it can read
 * anything else: the cluster's identity, the sizes it was built with, the
 * state it was left in, and where the last checkpoint's record is.  It is
 * written whole (8 kB, a CRC-32C over the contents) and fsynced at every
 * checkpoint and state change.  Tusk's layout is its own (64-bit
 * transaction ids), so pg_controldata cannot read it.
 */
#ifndef TUSK_CATALOG_PG_CONTROL_H
#define TUSK_CATALOG_PG_CONTROL_H

#include "c.h"
#include "access/transam.h"
#include "access/xlogdefs.h"

#define PG_CONTROL_VERSION 90002 /* Tusk's format 2: multixact counters */
#define PG_CONTROL_FILE_SIZE 8192
#define XLOG_CONTROL_FILE "global/pg_control"

/* The body of a checkpoint record, and a copy of it in pg_control. */
typedef struct CheckPoint
{
	XLogRecPtr redo; /* replay starts here */
	TimeLineID ThisTimeLineID;
	bool fullPageWrites;
	FullTransactionId nextXid; /* the next transaction id to assign */
	Oid nextOid;
	pg_time_t time;
	uint64 nextMulti;		  /* the next multixact id to assign */
	uint64 nextMultiOffset;	  /* where its members will go */
	uint64 oldestMulti;		  /* the oldest multixact stored */
	uint64 oldestUpdateMulti; /* the oldest with an updater (0: none) */
} CheckPoint;

/* Records of the XLOG resource manager (info values are PostgreSQL's). */
#define XLOG_CHECKPOINT_SHUTDOWN 0x00
#define XLOG_CHECKPOINT_ONLINE 0x10
#define XLOG_NOOP 0x20
#define XLOG_NEXTOID 0x30
#define XLOG_END_OF_RECOVERY 0x90
#define XLOG_FPI_FOR_HINT 0xA0
#define XLOG_FPI 0xB0

typedef enum DBState
{
	DB_STARTUP = 0,
	DB_SHUTDOWNED,
	DB_SHUTDOWNED_IN_RECOVERY,
	DB_SHUTDOWNING,
	DB_IN_CRASH_RECOVERY,
	DB_IN_ARCHIVE_RECOVERY,
	DB_IN_PRODUCTION
} DBState;

typedef struct ControlFileData
{
	uint64 system_identifier;
	uint32 pg_control_version;
	DBState state;
	pg_time_t time;		   /* last update */
	XLogRecPtr checkPoint; /* the last checkpoint record */
	CheckPoint checkPointCopy;
	uint32 blcksz;
	uint32 relseg_size;
	uint32 xlog_blcksz;
	uint32 xlog_seg_size;
	uint32 data_checksum_version;
	uint32 crc; /* CRC-32C of everything above */
} ControlFileData;

#endif /* TUSK_CATALOG_PG_CONTROL_H */
