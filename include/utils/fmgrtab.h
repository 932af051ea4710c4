/*
 * utils/fmgrtab.h — the built-in functions: one entry per pg_proc row of
 * language "internal", generated at build time from the catalog data
 * (backend/catalog/gen_catalog.py writes fmgrtab.cpp), sorted by OID.
 *
 * func is NULL for a function PostgreSQL has and Tusk does not implement
 * yet: fmgr_info reports 0A000 naming it, so the catalogs can hold every
 * row PostgreSQL's do while the implementations arrive one by one.
 */
#ifndef TUSK_UTILS_FMGRTAB_H
#define TUSK_UTILS_FMGRTAB_H

#include "fmgr.h"

typedef struct FmgrBuiltin
{
	Oid foid;			  /* pg_proc OID */
	short nargs;		  /* 0..FUNC_MAX_ARGS, or -1 for variadic */
	bool strict;		  /* proisstrict */
	bool retset;		  /* proretset */
	const char *funcName; /* prosrc: the C name */
	PGFunction func;	  /* NULL: not implemented in Tusk yet */
} FmgrBuiltin;

#ifdef __cplusplus
extern "C" {
#endif

extern const FmgrBuiltin fmgr_builtins[];
extern const int fmgr_nbuiltins;

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_FMGRTAB_H */
