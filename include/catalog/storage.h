/*
 * catalog/storage.h — creating a relation's files, WAL-logged so that
 * replay re-creates them.
 */
#ifndef TUSK_CATALOG_STORAGE_H
#define TUSK_CATALOG_STORAGE_H

#include "c.h"
#include "storage/relfilenode.h"

typedef struct XLogReaderState XLogReaderState;

/* RM_SMGR_ID records, PostgreSQL's info values. */
#define XLOG_SMGR_CREATE 0x10

typedef struct xl_smgr_create
{
	RelFileNode rnode;
	ForkNumber forkNum;
} xl_smgr_create;

#ifdef __cplusplus
extern "C" {
#endif

/* Create the main fork of rnode (empty) and log it. */
extern void RelationCreateStorage(RelFileNode rnode);
/* Remove the relation's files when the transaction commits (DROP) … */
extern void RelationDropStorage(RelFileNode rnode);
/* … or when it aborts (a relation it created). */
extern void RelationDropStorageOnAbort(RelFileNode rnode);
/* Whether the current transaction created rnode's file (CREATE TABLE,
 * TRUNCATE), so that it goes if the transaction aborts (COPY FREEZE). */
extern bool RelationStorageCreatedInCurrentTransaction(RelFileNode rnode);
/* Transaction end (access/xact): do the pending removals. */
extern void AtEOXact_Storage(bool isCommit);
extern void AtSubCommit_smgr(void);
extern void AtSubAbort_smgr(void);
extern void smgr_redo(XLogReaderState *record);
extern const char *smgr_identify(uint8 info);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_CATALOG_STORAGE_H */
