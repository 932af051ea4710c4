/*
 * fmgr_internal.h — the function manager's own interfaces between its
 * files (backend/utils/fmgr/).
 */
#ifndef TUSK_BACKEND_FMGR_INTERNAL_H
#define TUSK_BACKEND_FMGR_INTERNAL_H

#include "access/htup.h"
#include "fmgr.h"

/* The address of the C function functionId, whose pg_proc row is
 * procedureTuple: its module loaded and its symbol and info record
 * checked on the first call in this backend, remembered after. */
PGFunction fmgr_info_C_lang(Oid functionId, HeapTuple procedureTuple);

#endif /* TUSK_BACKEND_FMGR_INTERNAL_H */
