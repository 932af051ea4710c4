/*
 * storage/shmem.h — the shared-memory allocator and its named-structure index.
 *
 * The postmaster maps one shared segment before it forks any child, so a
 * pointer into the segment is valid, and the same, in every server process.
 * Space is handed out from the front and never freed: every structure lives
 * as long as the segment (until shutdown or the next crash restart).
 *
 * ShmemInitStruct(name, size, &found) is how a subsystem or a module finds
 * its structure: the first caller gets fresh space (found = false) and
 * initialises it; every later caller, in any process, gets the same address
 * with found = true.  Modules reserve their space beforehand with
 * RequestAddinShmemSpace() from their shmem_request_hook.
 *
 * Principal entry points: ShmemAlloc, ShmemAllocNoError, ShmemInitStruct,
 * ShmemAddrIsValid, RequestAddinShmemSpace, add_size, mul_size.
 */
#ifndef TUSK_STORAGE_SHMEM_H
#define TUSK_STORAGE_SHMEM_H

#include "c.h"

/* Longest structure name the index keeps (including the terminator). */
#define SHMEM_INDEX_KEYSIZE (48)
/* How many named structures the index can hold. */
#define SHMEM_INDEX_SIZE (256)

#ifdef __cplusplus
extern "C" {
#endif

extern void *ShmemAlloc(Size size);
extern void *ShmemAllocNoError(Size size);
extern void *ShmemAllocUnlocked(Size size);
extern bool ShmemAddrIsValid(const void *addr);
extern void *ShmemInitStruct(const char *name, Size size, bool *foundPtr);
extern void RequestAddinShmemSpace(Size size);

/* Overflow-checked arithmetic for size computations (ERROR on overflow). */
extern Size add_size(Size s1, Size s2);
extern Size mul_size(Size s1, Size s2);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_SHMEM_H */
