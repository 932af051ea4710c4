/*
 * utils/palloc.h — memory allocation for module code.
 *
 * Tusk's server code manages memory with RAII; modules written against
 * PostgreSQL's API get palloc/pfree/pstrdup with PostgreSQL's failure
 * behaviour (an ERROR "out of memory", never a NULL return).  Memory
 * contexts are not modelled yet: palloc'd memory lives until pfree'd.
 */
#ifndef TUSK_UTILS_PALLOC_H
#define TUSK_UTILS_PALLOC_H

#include "c.h"

#ifdef __cplusplus
extern "C" {
#endif

extern void *palloc(Size size);
extern void *palloc0(Size size);
extern void *repalloc(void *pointer, Size size);
extern void pfree(void *pointer);
extern char *pstrdup(const char *in);
extern char *psprintf(const char *fmt, ...) pg_attribute_printf(1, 2);

#ifdef __cplusplus
}
#endif

#endif							/* TUSK_UTILS_PALLOC_H */
