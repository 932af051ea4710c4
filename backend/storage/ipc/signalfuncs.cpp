/*
 * signalfuncs.cpp — pg_cancel_backend and pg_terminate_backend.
 *
 * A process may signal another backend or background worker (one with a
 * PGPROC in the ProcArray: auxiliary processes are not backends) when it
 * is a superuser, or when neither is a superuser's and both run as the
 * same role, as in PostgreSQL (Tusk has no pg_signal_backend membership
 * yet: roles are single).  Cancel sends SIGINT (the statement fails with
 * 57014), terminate SIGTERM (FATAL 57P01; a background worker then
 * follows its restart policy).  pg_terminate_backend with a timeout
 * waits that many milliseconds for the process to be gone.
 *
 * Principal entry points: pg_cancel_backend, pg_terminate_backend.
 */
#include "postgres.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "access/htup_details.h"
#include "catalog/pg_authid_d.h"
#include "miscadmin.h"
#include "storage/latch.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/syscache.h"
#include "utils/wait_event.h"

namespace {

enum class SignalResult
{
	kSuccess,
	kError,
	kNoSuperuser,
	kNoPermission
};

bool IsSuperuserRole(Oid roleid)
{
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tup == nullptr)
		return false;
	bool super = reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolsuper;
	ReleaseSysCache(tup);
	return super;
}

/* PostgreSQL's pg_signal_backend: a WARNING (and kError) when pid is no
 * backend or the signal cannot be sent. */
SignalResult SignalBackend(int pid, int sig)
{
	PGPROC *proc = BackendPidGetProc(pid);
	if (proc == nullptr)
	{
		ereport(WARNING, errmsg("PID %d is not a PostgreSQL backend process", pid));
		return SignalResult::kError;
	}
	bool me_super = IsSuperuserRole(MyUserId);
	/* A process with no role may be as important as a superuser's. */
	if ((!OidIsValid(proc->roleId) || IsSuperuserRole(proc->roleId)) && !me_super)
		return SignalResult::kNoSuperuser;
	if (proc->roleId != MyUserId && !me_super)
		return SignalResult::kNoPermission;
	if (kill(pid, sig) != 0)
	{
		ereport(WARNING, errmsg("could not send signal to process %d: %m", pid));
		return SignalResult::kError;
	}
	/* Signalling ourselves takes effect now, as it does in PostgreSQL at
	 * its next interrupt check inside the statement. */
	CHECK_FOR_INTERRUPTS();
	return SignalResult::kSuccess;
}

/* Wait up to timeout ms for pid to be gone: true if it is. */
bool WaitForBackendExit(int pid, int64 timeout)
{
	constexpr int64 kPollMs = 100;
	int64 remaining = timeout;
	do
	{
		if (kill(pid, 0) != 0)
		{
			if (errno == ESRCH)
				return true;
			ereport(WARNING, errcode(ERRCODE_INTERNAL_ERROR),
					errmsg("could not check the existence of the backend with PID %d: %m", pid));
			return false;
		}
		/* A zombie, not yet reaped by the postmaster, is gone too. */
		if (BackendPidGetProc(pid) == nullptr)
			return true;
		int64 wait = Min(remaining, kPollMs);
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, wait,
						 WAIT_EVENT_BACKEND_TERMINATION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
		remaining -= wait;
	} while (remaining > 0);
	ereport(WARNING,
			errmsg(timeout == 1 ? "backend with PID %d did not terminate within %lld "
								  "millisecond"
								: "backend with PID %d did not terminate within %lld "
								  "milliseconds",
				   pid, static_cast<long long>(timeout)));
	return false;
}

}  // namespace

/* pg_cancel_backend(pid int4): SIGINT to a backend's current statement. */
Datum pg_cancel_backend(PG_FUNCTION_ARGS)
{
	SignalResult r = SignalBackend(PG_GETARG_INT32(0), SIGINT);
	if (r == SignalResult::kNoSuperuser)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must be a superuser to cancel superuser query"));
	if (r == SignalResult::kNoPermission)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must be a member of the role whose query is being canceled or member "
					   "of pg_signal_backend"));
	PG_RETURN_BOOL(r == SignalResult::kSuccess);
}

/* pg_terminate_backend(pid int4, timeout int8 DEFAULT 0): SIGTERM, then
 * with a timeout wait for the process to exit. */
Datum pg_terminate_backend(PG_FUNCTION_ARGS)
{
	int pid = PG_GETARG_INT32(0);
	int64 timeout = PG_GETARG_INT64(1);
	if (timeout < 0)
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("\"timeout\" must not be negative"));
	SignalResult r = SignalBackend(pid, SIGTERM);
	if (r == SignalResult::kNoSuperuser)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must be a superuser to terminate superuser process"));
	if (r == SignalResult::kNoPermission)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must be a member of the role whose process is being terminated or "
					   "member of pg_signal_backend"));
	if (r == SignalResult::kSuccess && timeout > 0)
		PG_RETURN_BOOL(WaitForBackendExit(pid, timeout));
	PG_RETURN_BOOL(r == SignalResult::kSuccess);
}
