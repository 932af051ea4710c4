/*
 * tcop/tcopprot.h — signal handlers and helpers of server processes that
 * modules use (PostgreSQL's names).
 */
#ifndef TUSK_TCOP_TCOPPROT_H
#define TUSK_TCOP_TCOPPROT_H

#include "c.h"
/* As in PostgreSQL: modules that install die() and reload on SIGHUP get
 * the GUC API (ProcessConfigFile, PGC_SIGHUP) from here. */
#include "utils/guc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* SIGTERM: request termination at the next CHECK_FOR_INTERRUPTS. */
extern void die(int postgres_signal_arg);
/* SIGQUIT: tell the client why (if it can) and exit at once with status 2. */
pg_noreturn extern void quickdie(int postgres_signal_arg);
/* SIGINT: cancel the running statement. */
extern void StatementCancelHandler(int postgres_signal_arg);

/* statement_timeout, ms (0: none): a statement running longer is
 * canceled with 57014 "canceling statement due to statement timeout". */
extern PGDLLIMPORT int StatementTimeout;
extern PGDLLIMPORT int IdleInTransactionSessionTimeout;
extern PGDLLIMPORT int IdleSessionTimeout;

/* Whether the running statement is one of several in a simple Query
 * message, which share one implicit transaction: statements that refuse
 * transaction blocks (VACUUM) refuse that too, as in PostgreSQL. */
extern PGDLLIMPORT bool InMultiStatementQuery;

/* The text of the statement being run, for the STATEMENT line of error
 * reports (and pg_stat_activity): the server sets it for each client
 * statement; a background worker sets it around the SQL it runs. */
extern PGDLLIMPORT const char *debug_query_string;

#ifdef __cplusplus
}
#endif

#endif /* TUSK_TCOP_TCOPPROT_H */
