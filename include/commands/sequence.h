/*
 * commands/sequence.h — sequences: CREATE/ALTER SEQUENCE and nextval,
 * currval, setval, lastval (PostgreSQL's sequence.h).
 */
#ifndef TUSK_COMMANDS_SEQUENCE_H
#define TUSK_COMMANDS_SEQUENCE_H

#include "access/xlogreader.h"
#include "nodes/parsenodes.h"

/* The WAL record of a sequence: a full image of its one page. */
#define XLOG_SEQ_LOG 0x00

#ifdef __cplusplus
extern "C" {
#endif

/* CREATE SEQUENCE: the relation (relkind 'S', one row: last_value,
 * log_cnt, is_called), its pg_sequence row and OWNED BY dependency.
 * Returns its OID (InvalidOid when IF NOT EXISTS found the name taken). */
extern Oid DefineSequence(CreateSeqStmt *stmt, const char *queryString);

/* ALTER SEQUENCE [IF EXISTS] name options. */
extern void AlterSequence(AlterSeqStmt *stmt, const char *queryString);

/* The next value of a sequence (what nextval() returns). */
extern int64 nextval_internal(Oid relid, bool check_permissions);

/* Delete a sequence's pg_sequence row (DROP, with its relation). */
extern void DeleteSequenceTuple(Oid relid);

/* Forget this session's currval/lastval state (DISCARD SEQUENCES). */
extern void ResetSequenceCaches(void);

extern void seq_redo(XLogReaderState *record);
extern const char *seq_identify(uint8 info);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_SEQUENCE_H */
