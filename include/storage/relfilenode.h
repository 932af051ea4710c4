/*
 * storage/relfilenode.h — which files hold a relation: tablespace, database
 * and relation file number, and the fork within it.
 */
#ifndef TUSK_STORAGE_RELFILENODE_H
#define TUSK_STORAGE_RELFILENODE_H

#include "c.h"

/* PostgreSQL's OIDs of the two built-in tablespaces. */
#define DEFAULTTABLESPACE_OID 1663 /* pg_default: base/<db>/ */
#define GLOBALTABLESPACE_OID 1664  /* pg_global: global/ */

typedef struct RelFileNode
{
	Oid spcNode; /* tablespace */
	Oid dbNode;	 /* database (0 in pg_global) */
	Oid relNode; /* relation file number */
} RelFileNode;

#define RelFileNodeEquals(a, b) \
	((a).relNode == (b).relNode && (a).dbNode == (b).dbNode && (a).spcNode == (b).spcNode)

/* The files of one relation: its data, and maps kept beside it. */
typedef enum ForkNumber
{
	InvalidForkNumber = -1,
	MAIN_FORKNUM = 0,
	FSM_FORKNUM,
	VISIBILITYMAP_FORKNUM,
	INIT_FORKNUM
} ForkNumber;

#define MAX_FORKNUM INIT_FORKNUM

/* Blocks per segment file: 1 GB of 8 kB pages, as PostgreSQL's default. */
#define RELSEG_SIZE 131072

#endif /* TUSK_STORAGE_RELFILENODE_H */
