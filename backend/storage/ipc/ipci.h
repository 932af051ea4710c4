/*
 * storage/ipc/ipci.h — creating the shared segment and everything in it.
 *
 * The postmaster (and unit tests) call CreateSharedMemoryAndSemaphores()
 * once at start and again after every crash restart, when no child is
 * left: the old segment is unmapped whole and a new one built, because
 * nothing a crashed process left behind can be trusted.  Its size is
 * CalculateShmemSize(): what every subsystem asks for plus what preloaded
 * modules requested.  InitializeMaxBackends() must have run first.
 */
#ifndef TUSK_STORAGE_IPC_IPCI_H
#define TUSK_STORAGE_IPC_IPCI_H

#include "c.h"

extern "C" {
Size CalculateShmemSize(void);
void CreateSharedMemoryAndSemaphores(void);
void InitializeMaxBackends(void);
}

namespace tusk::storage {

/* shmem.cpp: map a fresh segment of `size` bytes (dropping any previous
 * one) and set up the allocator and index in it. */
void CreateShmemSegment(Size size);
Size ShmemIndexSize();
/* Bytes of the current segment still free (for tests and diagnostics). */
Size ShmemFreeSpace();

/* interlock.cpp: the postmaster's System V interlock segment (created
 * once, kept across crash restarts, removed at exit), and the check of a
 * previous postmaster's. */
void CreateShmemInterlock(unsigned long *key, unsigned long *id);
bool ShmemInterlockInUse(unsigned long key, unsigned long id);

}  // namespace tusk::storage

#endif /* TUSK_STORAGE_IPC_IPCI_H */
