/*
 * parser/parse_func.h — choosing among overloaded functions and
 * operators by argument types, and building function calls
 * (PostgreSQL's parse_func.h and parse_oper.h).
 */
#ifndef TUSK_PARSER_PARSE_FUNC_H
#define TUSK_PARSER_PARSE_FUNC_H

#include "catalog/namespace.h"
#include "parser/parse_node.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Candidates whose argument types the inputs can be implicitly coerced
 * to: *candidates is narrowed to them; returns how many. */
extern int func_match_argtypes(int nargs, Oid *input_typeids, FuncCandidateList raw_candidates,
							   FuncCandidateList *candidates);
/* PostgreSQL's heuristics to pick one of several candidates; NULL if
 * they leave more than one. */
extern FuncCandidateList func_select_candidate(int nargs, Oid *input_typeids,
											   FuncCandidateList candidates);
/* The analyzed expression for a function call (FuncCall node). */
extern Node *ParseFuncOrColumn(ParseState *pstate, List *funcname, List *fargs, FuncCall *fn,
							   int location);
/* Coerce the arguments to the declared types (in place). */
extern void make_fn_arguments(ParseState *pstate, List *fargs, Oid *actual_arg_types,
							  Oid *declared_arg_types);
/* The first set-returning function call in an analyzed expression (not
 * looking into sub-selects), or NULL. */
extern Node *FindSetReturningFunction(Node *node);
/* An aggregate call's DISTINCT and ORDER BY (SortBys), as PostgreSQL's
 * transformAggregateCall makes them: ORDER BY expressions not among the
 * arguments become junk entries of agg->args; agg->aggorder and (with
 * distinct) agg->aggdistinct become SortGroupClauses on them.  ERRORs
 * 42P10, 42883, 42809 as PostgreSQL. */
extern void TransformAggregateOrdering(ParseState *pstate, Aggref *agg, List *aggorder,
									   bool distinct);
/* "name(type, type)" for messages. */
extern const char *funcname_signature_string(const char *funcname, int nargs, List *argnames,
											 const Oid *argtypes);

/* An operator application; ERROR 42883/42725 with PostgreSQL's hints. */
extern Expr *make_op(ParseState *pstate, List *opname, Node *ltree, Node *rtree, Node *last_srf,
					 int location);
/* (a, b) op (c, d) for analyzed rows' items: the AND of "=", the OR of
 * "<>", or a RowCompareExpr for < <= > >= (parse_expr.cpp). */
extern Node *make_row_comparison_op(ParseState *pstate, List *opname, List *largs, List *rargs,
									int location);
/* The operator's OID for (ltype, rtype): ERROR unless noError. */
extern Oid oper_lookup(ParseState *pstate, List *opname, Oid ltypeId, Oid rtypeId, bool noError,
					   int location);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_PARSER_PARSE_FUNC_H */
