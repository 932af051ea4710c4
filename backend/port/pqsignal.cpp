/*
 * pqsignal.cpp — installing signal handlers (see port.h).
 *
 * Every handler runs with the server's other signals blocked, so two
 * handlers never interleave in one process, and preserves errno, so that a
 * handler arriving between a failing system call and the code that reads
 * errno cannot change the result.
 */
#include "postgres.h"

#include <errno.h>
#include <signal.h>

#include <initializer_list>

namespace {

/* The user's handlers, per signal; the installed handler is a trampoline. */
volatile pqsigfunc user_handlers[NSIG];

void Trampoline(int signo)
{
	int save_errno = errno;
	pqsigfunc f = user_handlers[signo];
	if (f != nullptr)
		f(signo);
	errno = save_errno;
}

}  // namespace

extern "C" pqsigfunc pqsignal(int signo, pqsigfunc func)
{
	if (signo <= 0 || signo >= NSIG)
		return SIG_ERR;
	struct sigaction act, oact;
	pqsigfunc previous = user_handlers[signo];
	if (func == SIG_IGN || func == SIG_DFL)
	{
		act.sa_handler = func;
		user_handlers[signo] = nullptr;
	}
	else
	{
		user_handlers[signo] = func;
		act.sa_handler = Trampoline;
	}
	sigemptyset(&act.sa_mask);
	for (int s : {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD, SIGALRM, SIGURG})
		if (s != signo)
			sigaddset(&act.sa_mask, s);
	act.sa_flags = SA_RESTART;
	if (signo == SIGCHLD)
		act.sa_flags |= SA_NOCLDSTOP;
	if (sigaction(signo, &act, &oact) < 0)
		return SIG_ERR;
	if (oact.sa_handler == Trampoline)
		return previous;
	return oact.sa_handler;
}
