/*
 * commands/dbcommands.h — CREATE DATABASE and DROP DATABASE, and the
 * WAL records that let recovery repeat them (resource manager
 * RM_DBASE_ID, PostgreSQL's).
 */
#ifndef TUSK_COMMANDS_DBCOMMANDS_H
#define TUSK_COMMANDS_DBCOMMANDS_H

#include "c.h"
#include "nodes/parsenodes.h"
#include "parser/parse_node.h"

typedef struct XLogReaderState XLogReaderState;

/* RM_DBASE_ID records, PostgreSQL's info values. */
#define XLOG_DBASE_CREATE_FILE_COPY 0x00
#define XLOG_DBASE_DROP 0x20

/* A database's directory copied from another's (base/<src> to base/<db>). */
typedef struct xl_dbase_create_file_copy_rec
{
	Oid db_id;
	Oid tablespace_id;
	Oid src_db_id;
	Oid src_tablespace_id;
} xl_dbase_create_file_copy_rec;

/* A database's directory removed. */
typedef struct xl_dbase_drop_rec
{
	Oid db_id;
	int ntablespaces;
	Oid tablespace_ids[1]; /* ntablespaces of them (Tusk: always pg_default) */
} xl_dbase_drop_rec;

#ifdef __cplusplus
extern "C" {
#endif

/* CREATE DATABASE; returns the new database's OID. */
extern Oid createdb(ParseState *pstate, const CreatedbStmt *stmt);
/* DROP DATABASE (with FORCE, other sessions connected to it are
 * terminated first). */
extern void DropDatabase(ParseState *pstate, DropdbStmt *stmt);

extern void dbase_redo(XLogReaderState *record);
extern const char *dbase_identify(uint8 info);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_DBCOMMANDS_H */
