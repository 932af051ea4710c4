/*
 * parser/parse_node.h — ParseState: what parse analysis of one query
 * level knows (PostgreSQL's parse_node.h).
 *
 * The analyzer (parse_*.cpp) turns raw parse trees into Query trees:
 * names resolved against the catalogs, types decided, operators and
 * functions chosen.  A ParseState holds the range table being built,
 * which entries are visible to column references, and the source text
 * for error positions (parser_errposition).
 */
#ifndef TUSK_PARSER_PARSE_NODE_H
#define TUSK_PARSER_PARSE_NODE_H

#include "nodes/parsenodes.h"
#include "utils/rel.h"

/* Where an expression is, for the errors that depend on it. */
typedef enum ParseExprKind
{
	EXPR_KIND_NONE = 0,
	EXPR_KIND_OTHER,
	EXPR_KIND_JOIN_ON,
	EXPR_KIND_WHERE,
	EXPR_KIND_HAVING,
	EXPR_KIND_SELECT_TARGET,
	EXPR_KIND_INSERT_TARGET,
	EXPR_KIND_UPDATE_SOURCE,
	EXPR_KIND_UPDATE_TARGET,
	EXPR_KIND_GROUP_BY,
	EXPR_KIND_ORDER_BY,
	EXPR_KIND_DISTINCT_ON,
	EXPR_KIND_LIMIT,
	EXPR_KIND_OFFSET,
	EXPR_KIND_RETURNING,
	EXPR_KIND_VALUES,
	EXPR_KIND_VALUES_SINGLE,
	EXPR_KIND_CHECK_CONSTRAINT,
	EXPR_KIND_COLUMN_DEFAULT,
	EXPR_KIND_EXECUTE_PARAMETER,
	EXPR_KIND_FROM_FUNCTION,
	EXPR_KIND_FILTER,			  /* an aggregate's FILTER (WHERE …) */
	EXPR_KIND_WINDOW_PARTITION,	  /* a window's PARTITION BY */
	EXPR_KIND_WINDOW_ORDER,		  /* a window's ORDER BY */
	EXPR_KIND_WINDOW_FRAME_RANGE, /* a RANGE frame's offset */
	EXPR_KIND_WINDOW_FRAME_ROWS,  /* a ROWS frame's offset */
	EXPR_KIND_WINDOW_FRAME_GROUPS /* a GROUPS frame's offset */
} ParseExprKind;

/* A range-table entry visible by name to column references. */
typedef struct ParseNamespaceItem
{
	RangeTblEntry *p_rte;
	int p_rtindex;
	bool p_rel_visible;	 /* its name qualifies columns */
	bool p_cols_visible; /* its columns are visible unqualified */
	bool p_lateral_only;
	bool p_lateral_ok;
} ParseNamespaceItem;

typedef struct ParseState
{
	struct ParseState *parentParseState;
	const char *p_sourcetext;
	List *p_rtable;
	List *p_joinlist;
	List *p_namespace;	  /* ParseNamespaceItems */
	List *p_ctenamespace; /* WITH queries visible here (CommonTableExprs) */
	List *p_future_ctes;  /* later WITH queries of the list being analyzed */
	/* The WITH query this statement is the body of (its UNION's
	 * non-recursive term gives a recursive query its columns). */
	struct CommonTableExpr *p_parent_cte;
	/* Resolve unknown-type output columns to text (not in a set
	 * operation's operand, whose columns get the operation's types). */
	bool p_resolve_unknowns;
	bool p_lateral_active;
	int p_next_resno;
	List *p_multiassign_exprs;
	ParseExprKind p_expr_kind;
	bool p_is_insert;
	Relation p_target_relation;
	ParseNamespaceItem *p_target_nsitem;
	bool p_hasAggs;
	bool p_hasWindowFuncs;
	/* The WINDOW clause's definitions, then each distinct OVER (…) of
	 * the query level (WindowDefs; a WindowFunc's winref is its index
	 * + 1). */
	List *p_windowdefs;
	bool p_hasTargetSRFs;
	bool p_hasSubLinks;
	/* $n parameter types (fixed for Bind/PREPARE types, or inferred). */
	Oid *p_paramtypes;
	int p_numparams;
	bool p_variableparams;
	/* Called for a one-name column reference no FROM item has (an SQL
	 * function's argument by name: executor/functions.h); NULL, or a
	 * node to use instead of the error.  Inherited by sub-ParseStates. */
	struct Node *(*p_post_columnref_hook)(struct ParseState *pstate, struct ColumnRef *cref);
	void *p_ref_hook_state;
} ParseState;

#ifdef __cplusplus
extern "C" {
#endif

extern ParseState *make_parsestate(ParseState *parentParseState);
extern void free_parsestate(ParseState *pstate);
/* An errposition() for a byte offset into the query (no-op for -1). */
extern int parser_errposition(ParseState *pstate, int location);
/* A Const of the literal (Integer → int4, or int8/numeric if larger;
 * Float → numeric; String → unknown; …). */
extern Const *make_const(ParseState *pstate, A_Const *aconst);
/* containerBase[…] for indirection, a list of A_Indices: a
 * SubscriptingRef checked and typed by the container type's subscripting
 * handler (42804 if the type has none).  For an assignment the caller
 * sets refassgnexpr. */
extern SubscriptingRef *transformContainerSubscripts(ParseState *pstate, Node *containerBase,
													 Oid containerType, int32 containerTypMod,
													 List *indirection, bool isAssignment);

#ifdef __cplusplus
}

extern "C++" {
/* While one lives, an error without a position (from a type's input
 * function, say) gets the position of location in pstate's query, as
 * PostgreSQL's setup_parser_errposition_callback arranges. */
class ParserErrposScope
{
  public:
	ParserErrposScope(ParseState *pstate, int location);
	~ParserErrposScope();
	ParserErrposScope(const ParserErrposScope &) = delete;
	ParserErrposScope &operator=(const ParserErrposScope &) = delete;

  private:
	static void Callback(void *arg);
	ParseState *pstate_;
	int location_;
	ErrorContextCallback callback_;
};
}
#endif

#endif /* TUSK_PARSER_PARSE_NODE_H */
