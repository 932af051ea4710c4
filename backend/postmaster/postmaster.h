/*
 * postmaster.h — the postmaster: listens, forks, reaps, signals.
 *
 * The postmaster creates shared memory but never takes a lock in it, and
 * reads only what children write without one: the pmsignal flags, the
 * child slots, and the background-worker slots (a registration is read
 * after its in_use flag, copied and checked before it is trusted).  A
 * crashed child may have left a lock held or a structure half-written, and
 * the postmaster must survive that to re-create the segment.  See
 * doc/postmaster/README.md.
 */
#ifndef TUSK_BACKEND_POSTMASTER_POSTMASTER_H
#define TUSK_BACKEND_POSTMASTER_POSTMASTER_H

#include "c.h"

namespace tusk::postmaster {

/* Why a connection cannot be served, decided by the postmaster when it
 * accepts; the forked child tells the client (PostgreSQL's CAC_state). */
enum class CacState
{
	kOk,
	kStartup,
	kShutdown,
	kRecovery,
	kTooMany,
};

/* Entry point from main(); never returns. */
[[noreturn]] void PostmasterMain(int argc, char *argv[]);

/* In a freshly forked child: become an ordinary server process (pid,
 * start time, own session, default signal handlers, no inherited exit
 * callbacks, no listening sockets, local latch). */
void InitPostmasterChild();

/* Called in the child that received a CancelRequest: signal the backend
 * with that pid if the key matches (the child's inherited copy of the
 * postmaster's child list holds the keys). */
void ProcessCancelRequest(int backend_pid, int32 cancel_key);

}  // namespace tusk::postmaster

#endif	// TUSK_BACKEND_POSTMASTER_POSTMASTER_H
