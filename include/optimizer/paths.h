/*
 * optimizer/paths.h — access paths for a base relation.  So far: which
 * B-tree index, if any, can answer a table's restriction clauses
 * (indxpath.cpp), and what its IndexScan needs.
 */
#ifndef TUSK_OPTIMIZER_PATHS_H
#define TUSK_OPTIMIZER_PATHS_H

#include "nodes/pg_list.h"
#include "nodes/parsenodes.h"
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
/* Whether quals (AND-ed, Vars of rtindex) imply a partial index's
 * predicate predtext (pg_index.indpred, varno 1): each of its clauses
 * appears among them. */
extern bool index_predicate_implied(const char *predtext, int rtindex, List *quals);

extern bool choose_index_scan(Oid relid, int rtindex, List *quals, IndexScanChoice *choice);

/* The IndexScan (forward, no target list yet) of the best index for
 * *quals, which become the clauses it leaves to check; NULL (and *quals
 * unchanged) when no index helps. */
extern IndexScan *create_index_scan(Oid relid, int rtindex, List **quals);

/*
 * Can the scan *plan (of a query without grouping or DISTINCT) deliver the
 * rows in the query's ORDER BY order, so that no Sort is needed?  An
 * IndexScan can when the sort keys are its index's key columns in order
 * (after those its quals fix by equality), all ascending or all
 * descending as the index has them, NULLs where the index puts them: its
 * direction is set (backward for the reverse order).  A SeqScan under
 * LIMIT becomes a full scan of such an index.  Returns whether *plan is
 * now ordered.
 */
extern bool index_provides_order(Query *parse, Plan **plan);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_OPTIMIZER_PATHS_H */
