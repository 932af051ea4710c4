/*
 * ipc.cpp — proc_exit() and the exit-callback lists.
 *
 * Principal entry points: proc_exit, shmem_exit, on_proc_exit,
 * on_shmem_exit, before_shmem_exit, on_exit_reset.
 *
 * The lists are fixed-size arrays, as in PostgreSQL: registering must not
 * allocate, and a process has few callbacks.  Callbacks run newest first.
 * A callback that raises ERROR while exiting is reported and skipped; the
 * exit continues so that a process never hangs half-exited.
 */
#include "postgres.h"

#include <initializer_list>
#include <signal.h>
#include <unistd.h>

#include "storage/ipc.h"

bool proc_exit_inprogress = false;
bool shmem_exit_inprogress = false;
shmem_startup_hook_type shmem_startup_hook = nullptr;
shmem_request_hook_type shmem_request_hook = nullptr;

namespace {

constexpr int kMaxOnExits = 20;

struct OnExitEntry
{
	pg_on_exit_callback function;
	Datum arg;
};

struct OnExitList
{
	OnExitEntry entries[kMaxOnExits];
	int count = 0;

	void Add(pg_on_exit_callback function, Datum arg, const char *what)
	{
		if (count >= kMaxOnExits)
			ereport(FATAL, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					errmsg_internal("out of %s slots", what));
		entries[count++] = {function, arg};
	}

	/* Run newest first; each entry is popped before it runs, so a callback
	 * that exits again does not run twice. */
	void RunAll(int code)
	{
		while (count > 0)
		{
			--count;
			OnExitEntry e = entries[count];
			try
			{
				e.function(code, e.arg);
			}
			catch (...)
			{
				/* already reported by errfinish's emit; keep exiting */
			}
		}
	}
};

OnExitList before_shmem_exit_list;
OnExitList on_shmem_exit_list;
OnExitList on_proc_exit_list;

}  // namespace

void proc_exit(int code)
{
	/* The signals whose handlers end the process (a worker's SIGTERM
	 * raises FATAL from its handler) or report something stay blocked
	 * from here on: arriving in the middle of the exit, they would
	 * re-enter it, and exit() re-entered from a handler can deadlock in
	 * the C library.  The process is ending anyway; SIGQUIT, whose
	 * handler only calls _exit, still ends it at once. */
	sigset_t ending;
	sigemptyset(&ending);
	for (int signo : {SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM})
		sigaddset(&ending, signo);
	sigprocmask(SIG_BLOCK, &ending, nullptr);
	proc_exit_inprogress = true;
	shmem_exit(code);
	on_proc_exit_list.RunAll(code);
	fflush(stdout);
	fflush(stderr);
	exit(code);
}

void shmem_exit(int code)
{
	shmem_exit_inprogress = true;
	before_shmem_exit_list.RunAll(code);
	on_shmem_exit_list.RunAll(code);
	shmem_exit_inprogress = false;
}

void on_proc_exit(pg_on_exit_callback function, Datum arg)
{
	on_proc_exit_list.Add(function, arg, "on_proc_exit");
}

void on_shmem_exit(pg_on_exit_callback function, Datum arg)
{
	on_shmem_exit_list.Add(function, arg, "on_shmem_exit");
}

void before_shmem_exit(pg_on_exit_callback function, Datum arg)
{
	before_shmem_exit_list.Add(function, arg, "before_shmem_exit");
}

void cancel_before_shmem_exit(pg_on_exit_callback function, Datum arg)
{
	auto &l = before_shmem_exit_list;
	if (l.count > 0 && l.entries[l.count - 1].function == function &&
		l.entries[l.count - 1].arg == arg)
		--l.count;
	else
		elog(ERROR, "before_shmem_exit callback (%p,0x%llx) is not the latest entry",
			 reinterpret_cast<void *>(function), static_cast<unsigned long long>(arg));
}

void on_exit_reset(void)
{
	before_shmem_exit_list.count = 0;
	on_shmem_exit_list.count = 0;
	on_proc_exit_list.count = 0;
}

void check_on_shmem_exit_lists_are_empty(void)
{
	if (before_shmem_exit_list.count || on_shmem_exit_list.count)
		elog(FATAL, "shared-memory exit callbacks were registered before shared memory existed");
}
