/*
 * test_nomagic.c — a module that forgot PG_MODULE_MAGIC.  The server must
 * refuse to load it, and must never run its _PG_init.
 */
#include "postgres.h"

void _PG_init(void);

void _PG_init(void)
{
	elog(LOG, "test_nomagic: _PG_init ran, which it never should");
}
