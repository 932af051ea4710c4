/*
 * storage/fd.h — the process's file descriptors.
 *
 * A server process keeps at most max_files_per_process relation segment
 * files open at once; beyond that the storage manager closes the least
 * recently used one (backend/storage/smgr/md.cpp).
 */
#ifndef TUSK_STORAGE_FD_H
#define TUSK_STORAGE_FD_H

#include "c.h"

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT int max_files_per_process;

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_FD_H */
