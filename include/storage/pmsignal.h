/*
 * storage/pmsignal.h — how children talk to the postmaster, and how they
 * notice that it died.
 *
 * The postmaster never takes a lock on shared memory (a crashed child could
 * have left any structure corrupt, and the postmaster must survive it).  So
 * children signal it through plain flags in shared memory plus SIGUSR1:
 * SendPostmasterSignal sets a flag and sends the signal, the postmaster
 * test-and-clears each flag with CheckPostmasterSignal.
 *
 * Child slots let the postmaster tell a clean exit from a crash: before
 * forking a backend it assigns a slot; the backend marks the slot active
 * once it touches shared state (InitProcess) and inactive when it has
 * cleaned up (at proc_exit).  A child reaped while still active died where
 * it could not clean up, whatever its exit status, and forces a crash
 * restart.
 *
 * Postmaster death: the postmaster holds the only write end of a pipe whose
 * read end every child inherits; the read end reports end-of-file once the
 * postmaster is gone.  WaitLatch watches it; PostmasterIsAlive polls it.
 */
#ifndef TUSK_STORAGE_PMSIGNAL_H
#define TUSK_STORAGE_PMSIGNAL_H

#include <signal.h>

#include "c.h"

typedef enum
{
	PMSIGNAL_BACKGROUND_WORKER_CHANGE, /* a background worker was registered or
										 * must be stopped */
	PMSIGNAL_ADVANCE_STATE_MACHINE,	   /* re-run the postmaster's state machine */
	NUM_PMSIGNALS
} PMSignalReason;

/* Why the postmaster sent SIGQUIT, for the child's last message. */
typedef enum
{
	PMQUIT_NOT_SENT = 0,
	PMQUIT_FOR_CRASH,
	PMQUIT_FOR_STOP
} QuitSignalReason;

#ifdef __cplusplus
extern "C" {
#endif

extern Size PMSignalShmemSize(void);
extern void PMSignalShmemInit(void);

extern void SendPostmasterSignal(PMSignalReason reason);
extern bool CheckPostmasterSignal(PMSignalReason reason);
extern void SetQuitSignalReason(QuitSignalReason reason);
extern QuitSignalReason GetQuitSignalReason(void);

extern int MaxLivePostmasterChildren(void);
extern int AssignPostmasterChildSlot(void);
extern bool ReleasePostmasterChildSlot(int slot);
extern void MarkPostmasterChildActive(void);
extern void MarkPostmasterChildInactive(void);

extern void InitPostmasterDeathWatchHandle(void);
extern void ClosePostmasterDeathWatchWriteEnd(void);
extern int PostmasterDeathWatchFd(void);
extern bool PostmasterIsAliveInternal(void);

#ifdef __cplusplus
}
#endif

/* True unless the postmaster has exited.  Cheap: one non-blocking read. */
#define PostmasterIsAlive() PostmasterIsAliveInternal()

#endif /* TUSK_STORAGE_PMSIGNAL_H */
