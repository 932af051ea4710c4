/*
 * commands/lockcmds.h — LOCK [TABLE].
 */
#ifndef TUSK_COMMANDS_LOCKCMDS_H
#define TUSK_COMMANDS_LOCKCMDS_H

#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* LOCK [TABLE] [ONLY] name [, …] [IN mode MODE] [NOWAIT]: 25P01 outside
 * a transaction block; 55P03 under NOWAIT when a lock is held. */
extern void LockTableCommand(LockStmt *stmt);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_LOCKCMDS_H */
