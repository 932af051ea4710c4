/*
 * parse_cte.h — WITH RECURSIVE's checks before analysis (parse_cte.cpp).
 */
#ifndef TUSK_PARSER_PARSE_CTE_H
#define TUSK_PARSER_PARSE_CTE_H

#include "parser/parse_node.h"

/*
 * The CommonTableExprs of a WITH RECURSIVE list (still raw), in an order
 * in which each refers only to those before it: marks each query that
 * refers to itself cterecursive, and checks that such a query has
 * PostgreSQL's form (non-recursive-term UNION [ALL] recursive-term, one
 * self-reference, not in the non-recursive term, a subquery, an outer
 * join's nullable side, INTERSECT or EXCEPT; no ORDER BY, LIMIT, OFFSET
 * or FOR UPDATE on the UNION), raising its errors (42P19, 0A000).
 */
List *OrderRecursiveCtes(ParseState *pstate, List *ctes);

/*
 * A recursive WITH query's SEARCH and CYCLE clauses, before the query is
 * analyzed: PostgreSQL's checks (42601, 42701, 0A000), then the query is
 * rewritten as PostgreSQL's rewriteSearchAndCycle does, here on the raw
 * tree: each term wrapped in a subquery that adds the sequence, cycle
 * mark and path columns (arrays of ROW(…) of the named columns), the
 * recursive term's subquery passing the self-reference's added columns
 * through.  The clauses are cleared once applied.  SEARCH BREADTH FIRST
 * is 0A000 for now.
 */
void RewriteSearchCycle(ParseState *pstate, CommonTableExpr *cte);

/*
 * A WITH query's SEARCH and CYCLE clauses, after the query was analyzed:
 * 42601 "WITH query is not recursive" when it is not.
 */
void TransformSearchCycle(ParseState *pstate, CommonTableExpr *cte);

#endif
