/*
 * utils/plancache.h — prepared statements' analyzed queries and plans,
 * kept across executions and rebuilt when the catalogs change
 * (PostgreSQL's CachedPlanSource and CachedPlan).
 *
 * A CachedPlanSource holds one statement's raw parse tree, its source
 * text, its parameter types and its analyzed Query list; a CachedPlan
 * holds the PlannedStmts made from them.  Both live in memory contexts of
 * their own, so they survive the message and the transaction that made
 * them and go in one step.
 *
 * Invalidation: an invalidation of a relation the plan uses (its
 * PlannedStmt's relationOids), or of every relation (the whole-cache
 * reset Tusk's invalidation does today), marks the source and its
 * generic plan invalid; the next GetCachedPlan re-analyzes the raw tree
 * and plans again.  A source made with fixed_result refuses a new result
 * shape (0A000 "cached plan must not change result type").
 *
 * Custom or generic: as PostgreSQL does, the first five executions with
 * parameters get a plan made for their values (custom); after that the
 * generic plan is used unless it costs more than the average custom plan
 * plus planning.  Tusk's planner does not yet use parameter values, so the
 * two cost the same and the generic plan wins from the sixth execution.
 *
 * Locks: a reused plan's relations are locked (AcquireExecutorLocks) before
 * it is handed out, as the analyzer would have locked them, and then the
 * plan is checked again, since the lock wait may have let DDL commit.
 *
 * Principal entry points: CreateCachedPlan, CompleteCachedPlan,
 * SaveCachedPlan, DropCachedPlan, GetCachedPlan, ReleaseCachedPlan,
 * CachedPlanGetTargetList, ResetPlanCache.
 */
#ifndef TUSK_UTILS_PLANCACHE_H
#define TUSK_UTILS_PLANCACHE_H

#include "access/tupdesc.h"
#include "nodes/params.h"
#include "nodes/parsenodes.h"
#include "utils/palloc.h"

typedef struct CachedPlan CachedPlan;

typedef struct CachedPlanSource
{
	RawStmt *raw_parse_tree; /* copied into context; NULL for none */
	const char *query_string;
	const char *commandTag; /* CreateCommandName of the statement */
	Oid *param_types;
	int num_params;
	int cursor_options;
	bool fixed_result;	   /* refuse a changed result shape at replan */
	TupleDesc resultDesc;  /* NULL if the statement returns no rows */
	MemoryContext context; /* holds everything above */
	List *query_list;	   /* analyzed Query nodes, in query_context */
	List *relationOids;	   /* relations the queries depend on */
	MemoryContext query_context;
	CachedPlan *gplan;	 /* the generic plan, if made */
	bool is_complete;	 /* CompleteCachedPlan done */
	bool is_saved;		 /* SaveCachedPlan done: owned by the cache */
	bool is_valid;		 /* query_list still matches the catalogs */
	int generation;		 /* plans made so far */
	double generic_cost; /* -1 until a generic plan was made */
	double total_custom_cost;
	int64 num_custom_plans;
	int64 num_generic_plans;
} CachedPlanSource;

struct CachedPlan
{
	List *stmt_list; /* PlannedStmts */
	bool is_valid;
	int generation;
	int refcount; /* the source's reference to its generic plan, and users' */
	MemoryContext context;
};

#ifdef __cplusplus
extern "C" {
#endif

/* A new source for raw_parse_tree (copied), in a context of its own under
 * the current one. */
extern CachedPlanSource *CreateCachedPlan(RawStmt *raw_parse_tree, const char *query_string,
										  const char *commandTag);
/* Give the source its analyzed queries (copied) and parameter types. */
extern void CompleteCachedPlan(CachedPlanSource *plansource, List *querytree_list,
							   const Oid *param_types, int num_params, int cursor_options,
							   bool fixed_result);
/* The cache owns the source from now on (it outlives the current context). */
extern void SaveCachedPlan(CachedPlanSource *plansource);
extern void DropCachedPlan(CachedPlanSource *plansource);
/* A plan to run with boundParams, valid and with its relations locked;
 * release it with ReleaseCachedPlan.  Must run in a transaction. */
extern CachedPlan *GetCachedPlan(CachedPlanSource *plansource, ParamListInfo boundParams);
extern void ReleaseCachedPlan(CachedPlan *plan);
/* The target list whose columns the result has (for RowDescription), after
 * revalidation; NIL if no rows. */
extern List *CachedPlanGetTargetList(CachedPlanSource *plansource);
/* Mark every source invalid (all catalogs may have changed). */
extern void ResetPlanCache(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_PLANCACHE_H */
