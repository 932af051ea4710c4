/*
 * catalog/index.h — indexes in the catalogs (PostgreSQL's catalog/index.h):
 * what CREATE INDEX, PRIMARY KEY and UNIQUE write, how an index is built
 * from its table's rows, and what DROP removes.
 *
 * An IndexInfo (PostgreSQL's, in a plain struct) says what an index
 * holds: which table columns, and for a partial index the predicate a row
 * must satisfy to be indexed.  The executor keeps one per index of the
 * table it changes (executor/execIndexing.h).
 */
#ifndef TUSK_CATALOG_INDEX_H
#define TUSK_CATALOG_INDEX_H

#include "c.h"
#include "fmgr.h"
#include "nodes/pg_list.h"
#include "utils/rel.h"

typedef struct TupleTableSlot TupleTableSlot;
typedef struct ExprState ExprState;
typedef struct EState EState;
typedef struct ExprContext ExprContext;

typedef struct IndexInfo
{
	int ii_NumIndexAttrs;							/* all columns */
	int ii_NumIndexKeyAttrs;						/* key columns (the rest are INCLUDE) */
	AttrNumber ii_IndexAttrNumbers[INDEX_MAX_KEYS]; /* table columns */
	List *ii_Predicate; /* partial index: implicit-AND Exprs on the table's Vars, or NIL */
	ExprState *ii_PredicateState; /* compiled on first use */
	ExprContext *ii_Context;	  /* the executor's, to evaluate it */
	bool ii_Unique;
} IndexInfo;

/* What one index column is. */
typedef struct IndexColumn
{
	const char *name;  /* the index attribute's name */
	AttrNumber attnum; /* the table column */
	Oid opclass;
	Oid collation;
	int16 option; /* INDOPTION_* */
} IndexColumn;

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Create index indexRelationName on heapRelation (locked ShareLock or
 * stronger): its pg_class, pg_attribute and pg_index rows, its file, and
 * its entries for the table's rows (a unique index refuses duplicates:
 * 23505 "could not create unique index").  Marks the table relhasindex.
 * predicate: the partial index's WHERE, analyzed against the table
 * (varno 1), or NULL.  Returns the index's OID.
 */
extern Oid index_create(Relation heapRelation, const char *indexRelationName, int ncolumns,
						int nkeycolumns, const IndexColumn *columns, Node *predicate, bool isunique,
						bool isprimary);

/* Remove an index: its catalog rows (and constraint's) and its file
 * (when the transaction commits). */
extern void index_drop(Oid indexId);
/* Fill an index whose file is new and empty from every row of its table
 * (a table rewrite's last step). */
extern void index_build(Relation heapRelation, Relation indexRelation);

/* The IndexInfo of an open index, in CurrentMemoryContext. */
extern IndexInfo *BuildIndexInfo(Relation index);

/* The index entry's values for the table row in slot. */
extern void FormIndexDatum(IndexInfo *indexInfo, TupleTableSlot *slot, Datum *values, bool *isnull);

/* Does the row in slot belong in a partial index (always, when not
 * partial)?  The predicate is compiled on first use, in the memory
 * context current then (keep it for as long as the IndexInfo); econtext
 * evaluates it (its ecxt_scantuple becomes slot). */
extern bool IndexPredicateHolds(IndexInfo *indexInfo, TupleTableSlot *slot, ExprContext *econtext);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_CATALOG_INDEX_H */
