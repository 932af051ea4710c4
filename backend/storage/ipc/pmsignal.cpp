/*
 * pmsignal.cpp — flags from children to the postmaster, child slots, and
 * the postmaster-death pipe.
 *
 * Principal entry points: SendPostmasterSignal, CheckPostmasterSignal,
 * AssignPostmasterChildSlot, ReleasePostmasterChildSlot,
 * MarkPostmasterChildActive/Inactive, InitPostmasterDeathWatchHandle,
 * PostmasterIsAlive.
 *
 * Everything the postmaster reads here is a plain word it can read without
 * a lock (see storage/pmsignal.h for why it must never lock).  The flags
 * are set by children and only test-and-cleared by the postmaster; a
 * child slot's state moves UNUSED → ASSIGNED (postmaster, before fork) →
 * ACTIVE (child, InitProcess) → ASSIGNED (child, at exit) → UNUSED
 * (postmaster, after reaping).
 */
#include "postgres.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <type_traits>

#include "miscadmin.h"
#include "storage/ipc.h"
#include "storage/pmsignal.h"
#include "storage/shmem.h"

namespace {

enum ChildFlag : sig_atomic_t
{
	kChildUnused = 0,
	kChildAssigned,
	kChildActive
};

struct PMSignalData
{
	sig_atomic_t flags[NUM_PMSIGNALS];
	sig_atomic_t quit_reason;
	int num_child_flags;
	int next_child_flag;		/* where the postmaster looks first */
	sig_atomic_t child_flags[]; /* num_child_flags of them */
};
static_assert(std::is_trivially_copyable_v<PMSignalData>);

PMSignalData *pm_signal_state = nullptr;

/* [0] read end, inherited by children; [1] write end, postmaster only. */
int postmaster_alive_fds[2] = {-1, -1};

}  // namespace

Size PMSignalShmemSize(void)
{
	return add_size(offsetof(PMSignalData, child_flags),
					mul_size(MaxLivePostmasterChildren(), sizeof(sig_atomic_t)));
}

void PMSignalShmemInit(void)
{
	bool found;
	pm_signal_state = static_cast<PMSignalData *>(
		ShmemInitStruct("PMSignalState", PMSignalShmemSize(), &found));
	if (!found)
	{
		memset(static_cast<void *>(pm_signal_state), 0, PMSignalShmemSize());
		pm_signal_state->num_child_flags = MaxLivePostmasterChildren();
	}
}

void SendPostmasterSignal(PMSignalReason reason)
{
	if (!IsUnderPostmaster)
		return;
	pm_signal_state->flags[reason] = true;
	(void) kill(PostmasterPid, SIGUSR1);
}

bool CheckPostmasterSignal(PMSignalReason reason)
{
	if (pm_signal_state->flags[reason])
	{
		pm_signal_state->flags[reason] = false;
		return true;
	}
	return false;
}

void SetQuitSignalReason(QuitSignalReason reason)
{
	pm_signal_state->quit_reason = reason;
}

QuitSignalReason GetQuitSignalReason(void)
{
	if (pm_signal_state == nullptr)
		return PMQUIT_NOT_SENT;
	return static_cast<QuitSignalReason>(pm_signal_state->quit_reason);
}

int MaxLivePostmasterChildren(void)
{
	/* Each connection or worker may briefly leave a dead child behind while
	 * its successor starts, hence the factor two. */
	return 2 * (MaxConnections + max_worker_processes);
}

int AssignPostmasterChildSlot(void)
{
	int n = pm_signal_state->num_child_flags;
	int slot = pm_signal_state->next_child_flag;
	for (int i = 0; i < n; i++)
	{
		if (--slot < 0)
			slot = n - 1;
		if (pm_signal_state->child_flags[slot] == kChildUnused)
		{
			pm_signal_state->child_flags[slot] = kChildAssigned;
			pm_signal_state->next_child_flag = slot;
			return slot + 1;
		}
	}
	elog(FATAL, "no free slots in PMChildFlags array");
	return 0; /* not reached */
}

bool ReleasePostmasterChildSlot(int slot)
{
	int idx = slot - 1;
	if (idx < 0 || idx >= pm_signal_state->num_child_flags)
	{
		elog(LOG, "invalid child slot %d", slot);
		return false;
	}
	/* Only a child that cleaned up after itself has moved back to ASSIGNED. */
	bool clean = pm_signal_state->child_flags[idx] == kChildAssigned;
	pm_signal_state->child_flags[idx] = kChildUnused;
	return clean;
}

void MarkPostmasterChildActive(void)
{
	int idx = MyPMChildSlot - 1;
	if (idx < 0 || idx >= pm_signal_state->num_child_flags)
		elog(FATAL, "invalid child slot %d", MyPMChildSlot);
	pm_signal_state->child_flags[idx] = kChildActive;
}

void MarkPostmasterChildInactive(void)
{
	int idx = MyPMChildSlot - 1;
	if (idx < 0 || idx >= pm_signal_state->num_child_flags)
		return;
	pm_signal_state->child_flags[idx] = kChildAssigned;
}

void InitPostmasterDeathWatchHandle(void)
{
	if (pipe2(postmaster_alive_fds, O_CLOEXEC) != 0)
		ereport(FATAL, errcode_for_file_access(),
				errmsg("could not create pipe to monitor postmaster death: %m"));
	if (fcntl(postmaster_alive_fds[0], F_SETFL, O_NONBLOCK) != 0)
		ereport(FATAL, errcode_for_socket_access(),
				errmsg("could not set postmaster death monitoring pipe to nonblocking mode: %m"));
}

void ClosePostmasterDeathWatchWriteEnd(void)
{
	if (postmaster_alive_fds[1] >= 0)
	{
		close(postmaster_alive_fds[1]);
		postmaster_alive_fds[1] = -1;
	}
}

int PostmasterDeathWatchFd(void)
{
	return postmaster_alive_fds[0];
}

bool PostmasterIsAliveInternal(void)
{
	if (!IsUnderPostmaster || postmaster_alive_fds[0] < 0)
		return true;
	char c;
	ssize_t rc = read(postmaster_alive_fds[0], &c, 1);
	if (rc < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
		return true;
	if (rc < 0)
		elog(FATAL, "read on postmaster death monitoring pipe failed: %m");
	if (rc > 0)
		elog(FATAL, "unexpected data in postmaster death monitoring pipe");
	/* End of file: the last holder of the write end, the postmaster, is gone. */
	return false;
}
