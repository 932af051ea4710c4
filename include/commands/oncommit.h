/*
 * commands/oncommit.h — what happens to a temporary table at commit
 * (CREATE TEMP TABLE … ON COMMIT PRESERVE ROWS | DELETE ROWS | DROP;
 * PostgreSQL keeps these in tablecmds.c).
 *
 * The list of actions is the session's, in memory: an entry is made with
 * its table, goes if the (sub)transaction that made it aborts, and is
 * forgotten once its table is gone.  At each commit, before the commit
 * record, tables ON COMMIT DELETE ROWS that have any blocks are emptied
 * (TRUNCATE's new files) and tables ON COMMIT DROP are dropped.
 */
#ifndef TUSK_COMMANDS_ONCOMMIT_H
#define TUSK_COMMANDS_ONCOMMIT_H

#include "nodes/primnodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Remember relid's ON COMMIT action (nothing for PRESERVE ROWS/NOOP). */
extern void register_on_commit_action(Oid relid, OnCommitAction action);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_ONCOMMIT_H */
