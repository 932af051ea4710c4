/*
 * pgstat.cpp — the cumulative statistics entry points modules call
 * (pgstat.h).
 *
 * PostgreSQL counts each process's table accesses, transactions and I/O
 * in local pending entries and flushes them to shared memory with
 * pgstat_report_stat, which background workers call after each
 * transaction (worker_spi does).  Tusk keeps no such counters yet — its
 * pg_stat_* views are the activity ones (backend_status.cpp) — so there is
 * never anything pending: the call succeeds and reports that nothing waits
 * to be flushed.  When cumulative statistics arrive, the flush goes here.
 */
#include "pgstat.h"

long pgstat_report_stat(bool force)
{
	(void) force;
	return 0;
}
