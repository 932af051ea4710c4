/*
 * commands/copy.h — COPY between a table (or a query) and the client
 * (PostgreSQL's copy.h).
 *
 * Principal entry point: DoCopy.  See doc/commands/README.md.
 */
#ifndef TUSK_COMMANDS_COPY_H
#define TUSK_COMMANDS_COPY_H

#include "nodes/parsenodes.h"
#include "parser/parse_node.h"

#ifdef __cplusplus
extern "C" {
#endif

/* COPY … FROM STDIN / TO STDOUT: runs the COPY sub-protocol with the
 * client and sets *processed to the rows copied (the "COPY n" tag).
 * Errors are ereport(ERROR); after one the main loop ignores the rest of
 * the client's copy data, as PostgreSQL does. */
extern void DoCopy(ParseState *pstate, const CopyStmt *stmt, uint64 *processed);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_COPY_H */
