/*
 * rewrite/rewriteManip.h — moving expression trees between query levels
 * (PostgreSQL's rewriteManip.h).  The parser, the rewriter and the
 * planner all move trees: a join column referenced from a sublink, a
 * subquery pulled up into its parent, a WITH query inlined lower down.
 */
#ifndef TUSK_REWRITE_REWRITEMANIP_H
#define TUSK_REWRITE_REWRITEMANIP_H

#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Add delta to the varlevelsup of node's Vars, the agglevelsup of its
 * Aggrefs and the ctelevelsup of its CTE references whose level is
 * min_sublevels_up or more, in place.  Each Query inside node counts one
 * level deeper, so only references leaving the tree are changed.
 */
extern void IncrementVarSublevelsUp(Node *node, int delta, int min_sublevels_up);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_REWRITE_REWRITEMANIP_H */
