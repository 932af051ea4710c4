/*
 * optimizer/pathnodes.h — the planner's working structures
 * (PostgreSQL's pathnodes.h, in a reduced form).
 *
 * PlannerGlobal is shared by a statement's whole planning (the subplans
 * of SubPlan expressions, the PARAM_EXEC slots, the flattened range
 * table); PlannerInfo is one query level (the top query, a subquery in
 * FROM, a sublink's subquery).  RelOptInfo is a relation being planned —
 * a base relation (one range-table entry) or a join of several — with
 * the Paths that could produce it; the cheapest one becomes the Plan.
 *
 * These are planner-lifetime structures, palloc'd in the planner's
 * memory context, not copyable nodes: nothing outlives planner().
 */
#ifndef TUSK_OPTIMIZER_PATHNODES_H
#define TUSK_OPTIMIZER_PATHNODES_H

#include "access/sdir.h"
#include "storage/block.h"
#include "nodes/bitmapset.h"
#include "nodes/plannodes.h"
#include "nodes/querynodes.h"

typedef Bitmapset *Relids;

/* What the whole statement's planning shares. */
typedef struct PlannerGlobal
{
	List *subplans;		  /* Plan of each SubPlan (plan_id = position + 1) */
	List *subroots;		  /* the PlannerInfo each was planned with */
	List *finalrtable;	  /* the flattened range table (setrefs) */
	List *relationOids;	  /* OIDs of the tables the plan depends on */
	List *paramExecTypes; /* type OID of each PARAM_EXEC slot */
	/* The $n values of a custom plan (eval_const_expressions folds those
	 * marked PARAM_FLAG_CONST), or NULL. */
	struct ParamListInfoData *boundParams;
	/* Each SubqueryScan's subplan and the level that planned it. */
	List *subqscan_plans;
	List *subqscan_roots;
} PlannerGlobal;

/* An outer-level value a subquery uses: the Var (or Aggref) of the
 * outer level, and the PARAM_EXEC slot it is passed in. */
typedef struct PlannerParamItem
{
	Node *item;
	int paramId;
} PlannerParamItem;

struct RelOptInfo;

/* One query level being planned. */
typedef struct PlannerInfo
{
	Query *parse;
	PlannerGlobal *glob;
	Index query_level; /* 1 at the top */
	struct PlannerInfo *parent_root;
	/* Outer-level Vars of this level used by subqueries below it, each
	 * with the PARAM_EXEC slot that carries it (SubPlan args). */
	List *plan_params;
	/* Per MULTIEXPR SubLink (UPDATE … SET (a, b) = (SELECT …)), by
	 * subLinkId: the IntList of PARAM_EXEC slots of its columns. */
	List *multiexpr_params;
	/* Base relations by range-table index (NULL where none). */
	struct RelOptInfo **simple_rel_array;
	int simple_rel_array_size;
	Relids all_baserels;
	List *restrictinfos; /* every qual of the join tree */
	List *join_rel_list; /* join relations built so far */
	/* Outer joins: each OuterJoinInfo (its relids and nullable side). */
	List *outer_joins;
	/* Semi and anti joins (pulled-up sublinks): each a SemiJoinInfo. */
	List *semi_joins;
	List *processed_tlist;
	double tuple_fraction;
	/* Per parse->cteList entry: the subplan computing it, 0 if inlined. */
	List *cte_plan_ids;
	/* A recursive WITH query's level: the PARAM_EXEC slot of its work
	 * table, and its non-recursive term's estimated rows. */
	bool hasRecursion;
	int wt_param_id;
	double non_recursive_rows;
	/* The PARAM_EXEC slots through which nested loops pass outer rows'
	 * columns to their parameterized inner sides (NestLoopParams: one
	 * slot per column of this level, reused by every such join). */
	List *nestloop_params;
	/* The pages of this level's tables (index_pages_fetched's cache
	 * share). */
	double total_table_pages;
} PlannerInfo;

/* A qual and where it may be evaluated. */
typedef struct RestrictInfo
{
	Expr *clause;
	Relids clause_relids;	/* the base relations it mentions */
	Relids required_relids; /* the relations that must be joined first */
	/* Set for an outer join's own ON condition: it is that join's
	 * joinqual (a row failing it is null-extended, not dropped) and is
	 * never evaluated anywhere else. */
	Relids outer_join_relids;
	bool pseudoconstant; /* mentions no relation of this level */
	Selectivity norm_selec;
	/* For hash joins: "outer = inner" with a hashable operator. */
	Oid hashjoinoperator;
	/* For merge joins: the btree operator family in which the operator
	 * is the equality ("outer = inner" with a mergejoinable operator). */
	Oid mergeopfamily;
	/* The relations of the operator's two sides (either kind). */
	Relids left_relids;
	Relids right_relids;
} RestrictInfo;

/* An outer join of the join tree: the relations of each side. */
typedef struct OuterJoinInfo
{
	JoinType jointype; /* LEFT, FULL (RIGHT is swapped to LEFT) */
	Relids min_lefthand;
	Relids min_righthand;
	Relids syn_relids; /* both sides */
} OuterJoinInfo;

/* A semi or anti join from a pulled-up sublink (prepjointree.cpp): its
 * right-hand side, planned as one unit, joins any set of relations
 * holding min_lefthand (the left-hand relations its conditions mention,
 * widened to whole outer joins), which then is the outer side. */
typedef struct SemiJoinInfo
{
	JoinType jointype; /* JOIN_SEMI or JOIN_ANTI */
	Relids min_lefthand;
	Relids syn_righthand; /* the right-hand side's relations */
} SemiJoinInfo;

typedef enum PathKind
{
	PATH_SEQSCAN,
	PATH_INDEXSCAN,
	PATH_VALUESSCAN,
	PATH_FUNCTIONSCAN,
	PATH_SUBQUERYSCAN,
	PATH_CTESCAN,
	PATH_WORKTABLESCAN,
	PATH_RESULT, /* a relation of no tables: one row */
	PATH_NESTLOOP,
	PATH_HASHJOIN,
	PATH_MERGEJOIN,
	PATH_MATERIAL,
	PATH_UNIQUE /* a semi join's right-hand side made distinct (HashAggregate) */
} PathKind;

typedef struct Path
{
	PathKind pathtype;
	struct RelOptInfo *parent;
	double rows;
	Cost startup_cost;
	Cost total_cost;
	/* A parameterized path (the inner side of a nested loop): the
	 * relations whose columns it reads per outer row, and those columns
	 * as NestLoopParams (the nested loop sets them). */
	Relids param_relids;
	List *nestparams;
} Path;

typedef struct IndexPath
{
	Path path;
	Oid indexoid;
	List *indexquals;	 /* in INDEX_VAR form */
	List *indexqualorig; /* the quals as written */
	List *otherquals;	 /* the relation's quals the index does not answer */
	ScanDirection indexscandir;
} IndexPath;

typedef struct JoinPath
{
	Path path;
	JoinType jointype;
	Path *outerjoinpath;
	Path *innerjoinpath;
	List *joinrestrictinfo; /* RestrictInfos evaluated at this join */
	List *joinquals;		/* their clauses: the join's own condition */
	List *otherquals;		/* and filters of its (null-extended) rows */
	List *hashclauses;		/* for a hash join: the RestrictInfos it hashes on */
	List *mergeclauses;		/* for a merge join: the RestrictInfos it merges on */
} JoinPath;

typedef struct MaterialPath
{
	Path path;
	Path *subpath;
} MaterialPath;

/* subpath's rows made distinct on uniq_exprs (Vars of its relations) by
 * hashing, each compared with the matching grouping "=" (PostgreSQL's
 * UniquePath, UNIQUE_PATH_HASH). */
typedef struct UniquePath
{
	Path path;
	Path *subpath;
	List *uniq_exprs;
	List *uniq_eqops;
} UniquePath;

typedef enum RelOptKind
{
	RELOPT_BASEREL,
	RELOPT_JOINREL
} RelOptKind;

typedef struct RelOptInfo
{
	RelOptKind reloptkind;
	Relids relids;
	double rows; /* estimated rows after this relation's quals */
	int width;	 /* estimated average row width in bytes */
	/* Vars of this relation needed above it (TargetEntry list of Vars). */
	List *reltarget;
	List *pathlist;
	Path *cheapest_total_path;
	Path *cheapest_startup_path;
	/* A base relation. */
	Index relid;
	RTEKind rtekind;
	BlockNumber pages;
	double tuples;
	List *baserestrictinfo;
	/* Per column (attno - min_attr): where it is needed (relid 0: in
	 * the query's output), and a Var for it. */
	AttrNumber min_attr;
	AttrNumber max_attr;
	Relids *attr_needed;
	Var **attr_vars;
	/* A subquery in FROM: its planning and plan. */
	PlannerInfo *subroot;
	Plan *subplan;
	int cte_plan_id; /* a WITH query's: its subplan */
	/* A LATERAL subquery or function in FROM: the other base relations
	 * whose columns it reads, as the NestLoopParams a nested loop sets
	 * per outer row; its function calls with those columns as Params. */
	Relids lateral_relids;
	List *lateral_params;
	List *lateral_functions;
} RelOptInfo;

#endif /* TUSK_OPTIMIZER_PATHNODES_H */
