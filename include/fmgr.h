/*
 * fmgr.h — what a loadable module declares about itself.
 *
 * Every module says PG_MODULE_MAGIC; once, in one source file.  The macro
 * defines a function returning a description of the server the module was
 * built for: its major version and the compile-time limits that shape data
 * layouts.  The server checks it before calling anything in the module
 * and refuses a module built for another version, another ABI (a module
 * built against PostgreSQL's own headers says "PostgreSQL" and cannot run
 * in Tusk), or one without the block.
 *
 * (The function-call interface for SQL-callable functions arrives with the
 * SQL layer.)
 */
#ifndef TUSK_FMGR_H
#define TUSK_FMGR_H

#include "c.h"
#include "tusk_config.h"

#define FUNC_MAX_ARGS 100
#define INDEX_MAX_KEYS 32
#define FLOAT8PASSBYVAL true
/* Identifies the server family a module was built for. */
#define FMGR_ABI_EXTRA "Tusk"

typedef struct
{
	int len;			/* sizeof(this struct) */
	int version;		/* major version: PG_VERSION_NUM / 100 */
	int funcmaxargs;	/* FUNC_MAX_ARGS */
	int indexmaxkeys;	/* INDEX_MAX_KEYS */
	int namedatalen;	/* NAMEDATALEN */
	int float8byval;	/* FLOAT8PASSBYVAL */
	char abi_extra[32]; /* FMGR_ABI_EXTRA */
} Pg_magic_struct;

#define PG_MODULE_MAGIC_DATA \
	{ \
		sizeof(Pg_magic_struct), PG_VERSION_NUM / 100, FUNC_MAX_ARGS, INDEX_MAX_KEYS, NAMEDATALEN, \
			FLOAT8PASSBYVAL, FMGR_ABI_EXTRA, \
	}

typedef const Pg_magic_struct *(*PGModuleMagicFunction)(void);

#define PG_MAGIC_FUNCTION_NAME Pg_magic_func
#define PG_MAGIC_FUNCTION_NAME_STRING "Pg_magic_func"

#ifdef __cplusplus
#define PG_MODULE_MAGIC_LINKAGE extern "C"
#else
#define PG_MODULE_MAGIC_LINKAGE extern
#endif

#define PG_MODULE_MAGIC \
	PG_MODULE_MAGIC_LINKAGE PGDLLEXPORT const Pg_magic_struct *PG_MAGIC_FUNCTION_NAME(void); \
	const Pg_magic_struct *PG_MAGIC_FUNCTION_NAME(void) \
	{ \
		static const Pg_magic_struct Pg_magic_data = PG_MODULE_MAGIC_DATA; \
		return &Pg_magic_data; \
	} \
	PG_MODULE_MAGIC_LINKAGE int no_such_variable

/* A module's initialisation function, called once when it is loaded. */
typedef void (*PG_init_t)(void);

#ifdef __cplusplus
extern "C" {
#endif

/* Load a module (if not loaded yet) and run its _PG_init. */
extern void load_file(const char *filename, bool restricted);
/* Find a function in a module, loading it first; ERROR if absent and
 * signalNotFound, else NULL. */
extern void *load_external_function(const char *filename, const char *funcname, bool signalNotFound,
									void **filehandle);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_FMGR_H */
