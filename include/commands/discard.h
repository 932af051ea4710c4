/*
 * commands/discard.h — DISCARD ALL | PLANS | TEMP | SEQUENCES (PostgreSQL's
 * discard.h): a session's state thrown away without reconnecting.
 */
#ifndef TUSK_COMMANDS_DISCARD_H
#define TUSK_COMMANDS_DISCARD_H

#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* DISCARD PLANS: cached plans; TEMP: this session's temporary objects;
 * SEQUENCES: currval/lastval and reserved sequence values; ALL: cursors,
 * settings (RESET ALL), prepared statements and the three others —
 * refused in a transaction block (25001). */
extern void DiscardCommand(DiscardStmt *stmt);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_DISCARD_H */
