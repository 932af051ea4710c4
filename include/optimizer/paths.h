/*
 * optimizer/paths.h — access paths for a base relation.  So far: which
 * B-tree index, if any, can answer a table's restriction clauses
 * (indxpath.cpp), and what its IndexScan needs.
 */
#ifndef TUSK_OPTIMIZER_PATHS_H
#define TUSK_OPTIMIZER_PATHS_H

#include "nodes/pg_list.h"
#include "nodes/plannodes.h"
#include "nodes/primnodes.h"

/* An index scan for a relation's restriction clauses. */
typedef struct IndexScanChoice
{
	Oid indexid;
	List *indexquals;	 /* the clauses the index answers, in IndexScan's form:
						  * the index column on the left as Var(INDEX_VAR, column
						  * number), in index column order */
	List *indexqualorig; /* the same clauses as they were */
	List *otherquals;	 /* the clauses left for the scan to check */
	int neq;			 /* leading key columns matched by equality */
	bool unique_match;	 /* equality on every key column of a unique index */
} IndexScanChoice;

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The best index of relation relid (range-table index rtindex) for quals
 * (a List of boolean Exprs, ANDed, whose Vars of this relation have
 * varno rtindex): equalities on a longer prefix of the key columns beat
 * ranges; a unique index fully matched by equalities beats everything.
 * Usable clauses: "column op value" or "value op column" with op a B-tree
 * operator of the column's operator family and value free of this
 * relation's columns and of volatile functions, and "column IS [NOT]
 * NULL"; the leading key column must have one (an IS NOT NULL alone does
 * not count).  A partial index is considered when every clause of its
 * predicate is among quals.  Returns false when no index helps.
 */
extern bool choose_index_scan(Oid relid, int rtindex, List *quals, IndexScanChoice *choice);

/* The IndexScan (forward, no target list yet) of the best index for
 * *quals, which become the clauses it leaves to check; NULL (and *quals
 * unchanged) when no index helps. */
extern IndexScan *create_index_scan(Oid relid, int rtindex, List **quals);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_OPTIMIZER_PATHS_H */
