/*
 * parse_func.cpp — resolving overloaded functions and operators
 * (parser/parse_func.h), with PostgreSQL's rules.
 *
 * Principal entry points: ParseFuncOrColumn, make_op,
 * func_select_candidate.
 *
 * The candidates are the catalog rows of that name visible through
 * search_path.  An exact match on the argument types wins (an unknown
 * literal assumed to be of the other operand's type for binary
 * operators); else the candidates the inputs can be implicitly coerced
 * to are narrowed by func_select_candidate's heuristics — most exact
 * matches, most preferred types where coercion is needed, then the
 * categories unknown literals can take — exactly as PostgreSQL's
 * "Type Conversion" chapter describes, so the same expressions resolve
 * to the same functions.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_proc_fns.h"
#include "fmgr.h"
#include "catalog/pg_aggregate_d.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "catalog/pg_collation_d.h"
#include "nodes/nodeFuncs.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "parser/parse_func.h"
#include "parser/parse_collate.h"
#include "utils/fmgroids.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

namespace {

constexpr TYPCATEGORY kInvalidCategory = '\0';
constexpr TYPCATEGORY kStringCategory = 'S';

std::string OperatorSignature(List *opname, Oid ltype, Oid rtype)
{
	std::string s;
	if (OidIsValid(ltype))
		s += std::string(format_type_be(ltype)) + " ";
	s += NameListToString(opname);
	if (OidIsValid(rtype))
		s += std::string(" ") + format_type_be(rtype);
	return s;
}

/* An exact match for a binary (or prefix) operator. */
Oid BinaryOperExact(List *opname, Oid arg1, Oid arg2, FuncCandidateList candidates)
{
	bool was_unknown = false;
	if (arg1 == UNKNOWNOID && arg2 != InvalidOid && arg2 != UNKNOWNOID)
	{
		arg1 = arg2;
		was_unknown = true;
	}
	else if (arg2 == UNKNOWNOID && arg1 != InvalidOid && arg1 != UNKNOWNOID)
	{
		arg2 = arg1;
		was_unknown = true;
	}
	(void) opname;
	(void) was_unknown;
	for (FuncCandidateList c = candidates; c != nullptr; c = c->next)
		if (c->args[0] == arg1 && c->args[1] == arg2)
			return c->oid;
	return InvalidOid;
}

const char *ExprKindName(ParseExprKind kind)
{
	switch (kind)
	{
		case EXPR_KIND_WHERE:
			return "WHERE";
		case EXPR_KIND_JOIN_ON:
			return "JOIN conditions";
		case EXPR_KIND_GROUP_BY:
			return "GROUP BY";
		case EXPR_KIND_VALUES:
		case EXPR_KIND_VALUES_SINGLE:
			return "VALUES";
		case EXPR_KIND_LIMIT:
			return "LIMIT";
		case EXPR_KIND_OFFSET:
			return "OFFSET";
		case EXPR_KIND_CHECK_CONSTRAINT:
			return "check constraints";
		case EXPR_KIND_COLUMN_DEFAULT:
			return "DEFAULT expressions";
		case EXPR_KIND_UPDATE_SOURCE:
		case EXPR_KIND_UPDATE_TARGET:
			return "UPDATE";
		case EXPR_KIND_RETURNING:
			return "RETURNING";
		case EXPR_KIND_FROM_FUNCTION:
			return "functions in FROM";
		case EXPR_KIND_FILTER:
			return "FILTER";
		case EXPR_KIND_WINDOW_FRAME_RANGE:
			return "window RANGE";
		case EXPR_KIND_WINDOW_FRAME_ROWS:
			return "window ROWS";
		case EXPR_KIND_WINDOW_FRAME_GROUPS:
			return "window GROUPS";
		default:
			return nullptr;
	}
}

/* Where a set-returning function may be called (PostgreSQL's
 * check_srf_call_placement): the target list, GROUP BY, ORDER BY,
 * DISTINCT ON, a single VALUES row and the top of a FROM function; its
 * arguments may not hold another set-returning function in FROM. */
void CheckSrfCallPlacement(ParseState *pstate, Node *args, int location)
{
	const char *err = nullptr;
	bool errkind = false;
	switch (pstate->p_expr_kind)
	{
		case EXPR_KIND_NONE:
		case EXPR_KIND_OTHER:
			break;
		case EXPR_KIND_JOIN_ON:
			err = "set-returning functions are not allowed in JOIN conditions";
			break;
		case EXPR_KIND_FROM_FUNCTION:
			if (Node *inner = FindSetReturningFunction(args))
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("set-returning functions must appear at top level of FROM"),
						parser_errposition(pstate, exprLocation(inner)));
			break;
		case EXPR_KIND_SELECT_TARGET:
		case EXPR_KIND_INSERT_TARGET:
		case EXPR_KIND_GROUP_BY:
		case EXPR_KIND_ORDER_BY:
		case EXPR_KIND_DISTINCT_ON:
		case EXPR_KIND_VALUES_SINGLE:
		case EXPR_KIND_WINDOW_PARTITION:
		case EXPR_KIND_WINDOW_ORDER:
			pstate->p_hasTargetSRFs = true;
			break;
		case EXPR_KIND_WINDOW_FRAME_RANGE:
		case EXPR_KIND_WINDOW_FRAME_ROWS:
		case EXPR_KIND_WINDOW_FRAME_GROUPS:
			err = "set-returning functions are not allowed in window definitions";
			break;
		case EXPR_KIND_CHECK_CONSTRAINT:
			err = "set-returning functions are not allowed in check constraints";
			break;
		case EXPR_KIND_COLUMN_DEFAULT:
			err = "set-returning functions are not allowed in DEFAULT expressions";
			break;
		case EXPR_KIND_EXECUTE_PARAMETER:
			err = "set-returning functions are not allowed in EXECUTE parameters";
			break;
		default:
			errkind = true;
			break;
	}
	if (err != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED), errmsg("%s", err),
				parser_errposition(pstate, location));
	if (errkind)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("set-returning functions are not allowed in %s",
					   pstate->p_expr_kind == EXPR_KIND_HAVING ? "HAVING"
						   : ExprKindName(pstate->p_expr_kind) != nullptr
						   ? ExprKindName(pstate->p_expr_kind)
						   : "this context"),
				parser_errposition(pstate, location));
}

bool FindSrfWalker(Node *node, void *found)
{
	if (node == nullptr)
		return false;
	if (IsA(node, FuncExpr) && reinterpret_cast<FuncExpr *>(node)->funcretset)
	{
		*static_cast<Node **>(found) = node;
		return true;
	}
	/* A sub-select's set-returning functions are its own business. */
	if (IsA(node, SubLink) || IsA(node, Query))
		return false;
	return node_children_walker(node, FindSrfWalker, found);
}

/* The first Aggref below node, in *found. */
bool ContainsAggrefWalker(Node *node, void *found)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Aggref))
	{
		*static_cast<Aggref **>(found) = reinterpret_cast<Aggref *>(node);
		return true;
	}
	return node_children_walker(node, ContainsAggrefWalker, found);
}

/* The first WindowFunc below node (not inside a sub-select), in *found. */
bool ContainsWindowFuncWalker(Node *node, void *found)
{
	if (node == nullptr)
		return false;
	if (IsA(node, WindowFunc))
	{
		*static_cast<WindowFunc **>(found) = reinterpret_cast<WindowFunc *>(node);
		return true;
	}
	if (IsA(node, SubLink) || IsA(node, Query))
		return false;
	return node_children_walker(node, ContainsWindowFuncWalker, found);
}

/* Where a window function may be called (PostgreSQL's
 * transformWindowFuncCall): the target list, ORDER BY and DISTINCT ON
 * of a SELECT. */
void CheckWindowFuncPlacement(ParseState *pstate, int location)
{
	const char *err = nullptr;
	switch (pstate->p_expr_kind)
	{
		case EXPR_KIND_NONE:
		case EXPR_KIND_OTHER:
		case EXPR_KIND_SELECT_TARGET:
		case EXPR_KIND_ORDER_BY:
		case EXPR_KIND_DISTINCT_ON:
			return;
		case EXPR_KIND_JOIN_ON:
			err = "window functions are not allowed in JOIN conditions";
			break;
		case EXPR_KIND_FROM_FUNCTION:
			err = "window functions are not allowed in functions in FROM";
			break;
		case EXPR_KIND_WINDOW_PARTITION:
		case EXPR_KIND_WINDOW_ORDER:
		case EXPR_KIND_WINDOW_FRAME_RANGE:
		case EXPR_KIND_WINDOW_FRAME_ROWS:
		case EXPR_KIND_WINDOW_FRAME_GROUPS:
			err = "window functions are not allowed in window definitions";
			break;
		case EXPR_KIND_CHECK_CONSTRAINT:
			err = "window functions are not allowed in check constraints";
			break;
		case EXPR_KIND_COLUMN_DEFAULT:
			err = "window functions are not allowed in DEFAULT expressions";
			break;
		case EXPR_KIND_EXECUTE_PARAMETER:
			err = "window functions are not allowed in EXECUTE parameters";
			break;
		default:
			break;
	}
	if (err != nullptr)
		ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR), errmsg("%s", err),
				parser_errposition(pstate, location));
	const char *where = pstate->p_expr_kind == EXPR_KIND_HAVING ? "HAVING"
		: pstate->p_expr_kind == EXPR_KIND_INSERT_TARGET		? "INSERT"
																: ExprKindName(pstate->p_expr_kind);
	ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
			errmsg("window functions are not allowed in %s",
				   where != nullptr ? where : "this context"),
			parser_errposition(pstate, location));
}

/* f(args) OVER …: a true window function (prokind 'w') or an aggregate
 * used as one, with PostgreSQL's checks; its OVER clause is matched to
 * a WINDOW clause entry or an equal earlier OVER (…), or added to the
 * level's window definitions (transformWindowFuncCall). */
Node *MakeWindowFunc(ParseState *pstate, Oid funcid, Oid rettype, bool retset, List *fargs,
					 bool is_agg, FuncCall *fn, int location)
{
	WindowDef *windef = fn->over;
	if (fn->agg_distinct)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("DISTINCT is not implemented for window functions"),
				parser_errposition(pstate, location));
	if (is_agg && fargs == NIL && !fn->agg_star)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("%s(*) must be used to call a parameterless aggregate function",
					   NameListToString(fn->funcname)),
				parser_errposition(pstate, location));
	if (fn->agg_order != NIL)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("aggregate ORDER BY is not implemented for window functions"),
				parser_errposition(pstate, location));
	if (!is_agg && fn->agg_filter != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("FILTER is not implemented for non-aggregate window functions"),
				parser_errposition(pstate, location));
	if (Node *srf = FindSetReturningFunction(reinterpret_cast<Node *>(fargs)))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("window function calls cannot contain set-returning function calls"),
				errhint("You might be able to move the set-returning function into a LATERAL "
						"FROM item."),
				parser_errposition(pstate, exprLocation(srf)));
	if (retset)
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("window functions cannot return sets"),
				parser_errposition(pstate, location));
	WindowFunc *wfunc = makeNode(WindowFunc);
	wfunc->winfnoid = funcid;
	wfunc->wintype = rettype;
	wfunc->args = fargs;
	wfunc->winstar = fn->agg_star;
	wfunc->winagg = is_agg;
	wfunc->location = location;
	Oid collation = SelectInputCollation(pstate, fargs);
	wfunc->inputcollid = collation;
	wfunc->wincollid = OidIsValid(get_typcollation(rettype))
		? (OidIsValid(collation) ? collation : DEFAULT_COLLATION_OID)
		: InvalidOid;
	if (fn->agg_filter != nullptr)
		wfunc->aggfilter = reinterpret_cast<Expr *>(
			coerce_to_boolean(pstate, transformExpr(pstate, fn->agg_filter, EXPR_KIND_FILTER),
							  "FILTER"));
	WindowFunc *inner = nullptr;
	if (pstate->p_hasWindowFuncs &&
		ContainsWindowFuncWalker(reinterpret_cast<Node *>(fargs), &inner))
		ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
				errmsg("window function calls cannot be nested"),
				parser_errposition(pstate, inner->location));
	CheckWindowFuncPlacement(pstate, location);
	Index winref = 0;
	ListCell *lc;
	if (windef->name != nullptr)
	{
		/* OVER w: the WINDOW clause's w. */
		foreach (lc, pstate->p_windowdefs)
		{
			auto *refwin = static_cast<WindowDef *>(lfirst(lc));
			winref++;
			if (refwin->name != nullptr && strcmp(refwin->name, windef->name) == 0)
			{
				wfunc->winref = winref;
				break;
			}
		}
		if (wfunc->winref == 0)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("window \"%s\" does not exist", windef->name),
					parser_errposition(pstate, windef->location));
	}
	else
	{
		/* OVER (…): an equal earlier specification is shared. */
		foreach (lc, pstate->p_windowdefs)
		{
			auto *refwin = static_cast<WindowDef *>(lfirst(lc));
			winref++;
			bool same_ref = refwin->refname != nullptr && windef->refname != nullptr
				? strcmp(refwin->refname, windef->refname) == 0
				: refwin->refname == nullptr && windef->refname == nullptr;
			if (same_ref && equal(refwin->partitionClause, windef->partitionClause) &&
				equal(refwin->orderClause, windef->orderClause) &&
				refwin->frameOptions == windef->frameOptions &&
				equal(refwin->startOffset, windef->startOffset) &&
				equal(refwin->endOffset, windef->endOffset))
			{
				wfunc->winref = winref;
				break;
			}
		}
		if (wfunc->winref == 0)
		{
			pstate->p_windowdefs = lappend(pstate->p_windowdefs, windef);
			wfunc->winref = static_cast<Index>(list_length(pstate->p_windowdefs));
		}
	}
	pstate->p_hasWindowFuncs = true;
	return reinterpret_cast<Node *>(wfunc);
}

/*
 * f(direct args) WITHIN GROUP (ORDER BY aggregated args): an ordered-set
 * ('o') or hypothetical-set ('h') aggregate (PostgreSQL's
 * transformOrderedSetAgg).  fargs are the direct arguments then the
 * ORDER BY expressions, coerced to the function's argument types; the
 * latter become the Aggref's args, sorted by aggorder, the former its
 * aggdirectargs.  A hypothetical-set aggregate's direct arguments (the
 * hypothetical row) and ordering columns are coerced pairwise to common
 * types.
 */
Node *MakeOrderedSetAggref(ParseState *pstate, Oid funcid, Oid rettype, char aggkind,
						   Oid aggtranstype, List *fargs, const std::vector<Oid> &argtypes,
						   FuncCall *fn, int location)
{
	int nagg = list_length(fn->agg_order);
	int ndirect = list_length(fargs) - nagg;
	List *direct = list_copy_head(fargs, ndirect);
	List *aggregated = list_copy_tail(fargs, ndirect);
	if (aggkind == 'h')
	{
		ListCell *d;
		ListCell *a;
		forboth(d, direct, a, aggregated)
		{
			Node *pair[2] = {static_cast<Node *>(lfirst(d)), static_cast<Node *>(lfirst(a))};
			Oid common = select_common_type(pstate, list_make2(pair[0], pair[1]), "WITHIN GROUP",
											nullptr);
			lfirst(d) = coerce_to_common_type(pstate, pair[0], common, "WITHIN GROUP");
			lfirst(a) = coerce_to_common_type(pstate, pair[1], common, "WITHIN GROUP");
		}
	}
	if (Node *srf = FindSetReturningFunction(reinterpret_cast<Node *>(fargs)))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("aggregate function calls cannot contain set-returning function calls"),
				errhint("You might be able to move the set-returning function into a LATERAL "
						"FROM item."),
				parser_errposition(pstate, exprLocation(srf)));
	Aggref *agg = makeNode(Aggref);
	agg->aggfnoid = funcid;
	agg->aggtype = rettype;
	agg->aggtranstype = aggtranstype;
	agg->aggkind = aggkind;
	agg->aggdirectargs = direct;
	agg->location = location;
	for (Oid t : argtypes)
		agg->aggargtypes = lappend_oid(agg->aggargtypes, t);
	int resno = 1;
	ListCell *lc;
	foreach (lc, aggregated)
	{
		TargetEntry *tle = makeNode(TargetEntry);
		tle->expr = static_cast<Expr *>(lfirst(lc));
		tle->resno = static_cast<AttrNumber>(resno++);
		agg->args = lappend(agg->args, tle);
	}
	/* The ORDER BY items match the (coerced) aggregated arguments. */
	TransformAggregateOrdering(pstate, agg, fn->agg_order, false);
	Aggref *inner = nullptr;
	if (ContainsAggrefWalker(reinterpret_cast<Node *>(fargs), &inner))
		ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
				errmsg("aggregate function calls cannot be nested"),
				parser_errposition(pstate, inner->location));
	WindowFunc *wfunc = nullptr;
	if (ContainsWindowFuncWalker(reinterpret_cast<Node *>(fargs), &wfunc))
		ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
				errmsg("aggregate function calls cannot contain window function calls"),
				parser_errposition(pstate, wfunc->location));
	Oid collation = SelectInputCollation(pstate, aggregated);
	agg->inputcollid = collation;
	agg->aggcollid = OidIsValid(get_typcollation(rettype))
		? (OidIsValid(collation) ? collation : DEFAULT_COLLATION_OID)
		: InvalidOid;
	if (fn->agg_filter != nullptr)
		agg->aggfilter = reinterpret_cast<Expr *>(
			coerce_to_boolean(pstate, transformExpr(pstate, fn->agg_filter, EXPR_KIND_FILTER),
							  "FILTER"));
	pstate->p_hasAggs = true;
	return reinterpret_cast<Node *>(agg);
}

/* An aggregate call, where the query level allows one. */
Node *MakeAggref(ParseState *pstate, Oid funcid, Oid rettype, List *fargs,
				 const std::vector<Oid> &argtypes, FuncCall *fn, int location)
{
	if (const char *where = ExprKindName(pstate->p_expr_kind))
		ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
				errmsg("aggregate functions are not allowed in %s", where),
				parser_errposition(pstate, location));
	if (Node *srf = FindSetReturningFunction(reinterpret_cast<Node *>(fargs)))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("aggregate function calls cannot contain set-returning function calls"),
				errhint("You might be able to move the set-returning function into a LATERAL "
						"FROM item."),
				parser_errposition(pstate, exprLocation(srf)));
	WindowFunc *wfunc = nullptr;
	if (ContainsWindowFuncWalker(reinterpret_cast<Node *>(fargs), &wfunc))
		ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
				errmsg("aggregate function calls cannot contain window function calls"),
				parser_errposition(pstate, wfunc->location));
	Aggref *inner = nullptr;
	if (ContainsAggrefWalker(reinterpret_cast<Node *>(fargs), &inner))
		ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
				errmsg("aggregate function calls cannot be nested"),
				parser_errposition(pstate, inner->location));
	HeapTuple aggtup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(funcid));
	if (aggtup == nullptr)
		elog(ERROR, "cache lookup failed for aggregate %u", funcid);
	auto *aggform = reinterpret_cast<Form_pg_aggregate>(GETSTRUCT(aggtup));
	char aggkind = aggform->aggkind;
	Oid aggtranstype = aggform->aggtranstype;
	ReleaseSysCache(aggtup);
	if (aggkind != 'n')
	{
		if (fn == nullptr || !fn->agg_within_group)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("WITHIN GROUP is required for ordered-set aggregate %s",
						   get_func_name(funcid)),
					parser_errposition(pstate, location));
		return MakeOrderedSetAggref(pstate, funcid, rettype, aggkind, aggtranstype, fargs, argtypes,
									fn, location);
	}
	Aggref *agg = makeNode(Aggref);
	agg->aggfnoid = funcid;
	agg->aggtype = rettype;
	agg->aggtranstype = aggtranstype;
	agg->aggkind = 'n';
	agg->aggstar = fn != nullptr && fn->agg_star;
	agg->location = location;
	int resno = 1;
	ListCell *lc;
	foreach (lc, fargs)
	{
		TargetEntry *tle = makeNode(TargetEntry);
		tle->expr = static_cast<Expr *>(lfirst(lc));
		tle->resno = static_cast<AttrNumber>(resno++);
		agg->args = lappend(agg->args, tle);
		/* The argument's own type, as PostgreSQL's transformAggregateCall
		 * records it: for a "any" parameter (json_object_agg) the declared
		 * type says nothing, and the transition function asks for this. */
		agg->aggargtypes = lappend_oid(agg->aggargtypes,
									   exprType(reinterpret_cast<Node *>(tle->expr)));
	}
	if (fn != nullptr && (fn->agg_distinct || fn->agg_order != NIL))
	{
		int nargs = list_length(agg->args);
		TransformAggregateOrdering(pstate, agg, fn->agg_order, fn->agg_distinct);
		/* The ORDER BY expressions obey the arguments' rules. */
		List *extra = list_copy_tail(agg->args, nargs);
		if (Node *srf = FindSetReturningFunction(reinterpret_cast<Node *>(extra)))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("aggregate function calls cannot contain set-returning function calls"),
					errhint("You might be able to move the set-returning function into a LATERAL "
							"FROM item."),
					parser_errposition(pstate, exprLocation(srf)));
		if (ContainsAggrefWalker(reinterpret_cast<Node *>(extra), &inner))
			ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
					errmsg("aggregate function calls cannot be nested"),
					parser_errposition(pstate, inner->location));
	}
	Oid collation = InvalidOid;
	foreach (lc, fargs)
		if (OidIsValid(exprCollation(static_cast<Node *>(lfirst(lc)))))
			collation = exprCollation(static_cast<Node *>(lfirst(lc)));
	agg->inputcollid = collation;
	agg->aggcollid = OidIsValid(get_typcollation(rettype))
		? (OidIsValid(collation) ? collation : 100)
		: InvalidOid;
	if (fn != nullptr && fn->agg_filter != nullptr)
	{
		agg->aggfilter = reinterpret_cast<Expr *>(
			coerce_to_boolean(pstate, transformExpr(pstate, fn->agg_filter, EXPR_KIND_FILTER),
							  "FILTER"));
	}
	pstate->p_hasAggs = true;
	return reinterpret_cast<Node *>(agg);
}

/* The last nvargs arguments (coerced to the variadic element type) as
 * one ARRAY[…] argument. */
List *CollectVariadicArgs(ParseState *pstate, List *fargs, int nvargs)
{
	int nfixed = list_length(fargs) - nvargs;
	List *fixed = NIL;
	List *elements = NIL;
	int i = 0;
	ListCell *lc;
	foreach (lc, fargs)
	{
		if (i++ < nfixed)
			fixed = lappend(fixed, lfirst(lc));
		else
			elements = lappend(elements, lfirst(lc));
	}
	Oid elemtype = exprType(static_cast<Node *>(linitial(elements)));
	Oid arraytype = get_array_type(elemtype);
	if (!OidIsValid(arraytype))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("could not find array type for data type %s", format_type_be(elemtype)),
				parser_errposition(pstate, exprLocation(static_cast<Node *>(linitial(elements)))));
	ArrayExpr *arr = makeNode(ArrayExpr);
	arr->array_typeid = arraytype;
	arr->element_typeid = elemtype;
	arr->array_collid = get_typcollation(elemtype);
	arr->elements = elements;
	arr->multidims = false;
	arr->location = exprLocation(static_cast<Node *>(linitial(elements)));
	return lappend(fixed, arr);
}

}  // namespace

Node *FindSetReturningFunction(Node *node)
{
	Node *found = nullptr;
	FindSrfWalker(node, &found);
	return found;
}

int func_match_argtypes(int nargs, Oid *input_typeids, FuncCandidateList raw_candidates,
						FuncCandidateList *candidates)
{
	int ncandidates = 0;
	*candidates = nullptr;
	FuncCandidateList next;
	for (FuncCandidateList c = raw_candidates; c != nullptr; c = next)
	{
		next = c->next;
		if (can_coerce_type(nargs, input_typeids, c->args, COERCION_IMPLICIT))
		{
			c->next = *candidates;
			*candidates = c;
			ncandidates++;
		}
	}
	return ncandidates;
}

FuncCandidateList func_select_candidate(int nargs, Oid *given_typeids, FuncCandidateList candidates)
{
	/* A domain argument counts as its base type, so a function of the
	 * base type is an exact match (a function declared on the domain
	 * itself wins only when it matched exactly everywhere, before this). */
	std::vector<Oid> base_typeids(given_typeids, given_typeids + nargs);
	for (Oid &t : base_typeids)
		t = getBaseType(t);
	Oid *input_typeids = base_typeids.data();
	int nunknowns = 0;
	for (int i = 0; i < nargs; i++)
		if (input_typeids[i] == UNKNOWNOID)
			nunknowns++;

	/* 1: keep the candidates with the most exact matches. */
	int ncandidates = 0;
	int nbestMatch = 0;
	FuncCandidateList last_candidate = nullptr;
	FuncCandidateList next;
	for (FuncCandidateList c = candidates; c != nullptr; c = next)
	{
		next = c->next;
		int nmatch = 0;
		for (int i = 0; i < nargs; i++)
			if (input_typeids[i] != UNKNOWNOID && input_typeids[i] == c->args[i])
				nmatch++;
		if (nmatch > nbestMatch || last_candidate == nullptr)
		{
			nbestMatch = nmatch;
			candidates = c;
			last_candidate = c;
			ncandidates = 1;
		}
		else if (nmatch == nbestMatch)
		{
			last_candidate->next = c;
			last_candidate = c;
			ncandidates++;
		}
	}
	if (last_candidate != nullptr)
		last_candidate->next = nullptr;
	if (ncandidates == 1)
		return candidates;

	/* 2: keep those taking preferred types where coercion is needed. */
	std::vector<TYPCATEGORY> slot_category(nargs);
	for (int i = 0; i < nargs; i++)
		slot_category[i] = TypeCategory(input_typeids[i]);
	ncandidates = 0;
	nbestMatch = 0;
	last_candidate = nullptr;
	for (FuncCandidateList c = candidates; c != nullptr; c = next)
	{
		next = c->next;
		int nmatch = 0;
		for (int i = 0; i < nargs; i++)
			if (input_typeids[i] != UNKNOWNOID &&
				(input_typeids[i] == c->args[i] || IsPreferredType(slot_category[i], c->args[i])))
				nmatch++;
		if (nmatch > nbestMatch || last_candidate == nullptr)
		{
			nbestMatch = nmatch;
			candidates = c;
			last_candidate = c;
			ncandidates = 1;
		}
		else if (nmatch == nbestMatch)
		{
			last_candidate->next = c;
			last_candidate = c;
			ncandidates++;
		}
	}
	if (last_candidate != nullptr)
		last_candidate->next = nullptr;
	if (ncandidates == 1)
		return candidates;

	if (nunknowns == 0)
		return nullptr; /* ambiguous */

	/* 3: for each unknown input, the category the candidates agree on
	 * (string wins), and preferred types within it. */
	std::vector<char> slot_has_preferred(nargs, 0);
	bool resolved_unknowns = false;
	for (int i = 0; i < nargs; i++)
	{
		if (input_typeids[i] != UNKNOWNOID)
			continue;
		resolved_unknowns = true;
		slot_category[i] = kInvalidCategory;
		bool have_conflict = false;
		for (FuncCandidateList c = candidates; c != nullptr; c = c->next)
		{
			Oid current_type = c->args[i];
			char current_category;
			bool current_is_preferred;
			get_type_category_preferred(current_type, &current_category, &current_is_preferred);
			/* The first category seen, or the string category, takes over. */
			if (slot_category[i] == kInvalidCategory ||
				(current_category != slot_category[i] && current_category == kStringCategory))
			{
				slot_category[i] = current_category;
				slot_has_preferred[i] = current_is_preferred;
			}
			else if (current_category == slot_category[i])
				slot_has_preferred[i] |= current_is_preferred;
			else if (slot_category[i] != kStringCategory)
				have_conflict = true;
		}
		if (have_conflict && slot_category[i] != kStringCategory)
		{
			resolved_unknowns = false;
			break;
		}
	}
	if (resolved_unknowns)
	{
		ncandidates = 0;
		FuncCandidateList first_candidate = candidates;
		last_candidate = nullptr;
		for (FuncCandidateList c = candidates; c != nullptr; c = c->next)
		{
			bool keepit = true;
			for (int i = 0; i < nargs; i++)
			{
				if (input_typeids[i] != UNKNOWNOID)
					continue;
				char current_category;
				bool current_is_preferred;
				get_type_category_preferred(c->args[i], &current_category, &current_is_preferred);
				if (current_category != slot_category[i] ||
					(slot_has_preferred[i] && !current_is_preferred))
				{
					keepit = false;
					break;
				}
			}
			if (keepit)
			{
				last_candidate = c;
				ncandidates++;
			}
			else if (last_candidate != nullptr)
				last_candidate->next = c->next;
			else
				first_candidate = c->next;
		}
		if (last_candidate != nullptr)
		{
			candidates = first_candidate;
			last_candidate->next = nullptr;
		}
		if (ncandidates == 1)
			return candidates;
	}

	/* 4: unknowns and known inputs of one same type: assume that type. */
	if (nunknowns < nargs)
	{
		Oid known_type = UNKNOWNOID;
		for (int i = 0; i < nargs; i++)
		{
			if (input_typeids[i] == UNKNOWNOID)
				continue;
			if (known_type == UNKNOWNOID)
				known_type = input_typeids[i];
			else if (known_type != input_typeids[i])
			{
				known_type = UNKNOWNOID;
				break;
			}
		}
		if (known_type != UNKNOWNOID)
		{
			std::vector<Oid> types(input_typeids, input_typeids + nargs);
			for (int i = 0; i < nargs; i++)
				types[i] = known_type;
			ncandidates = 0;
			last_candidate = nullptr;
			for (FuncCandidateList c = candidates; c != nullptr; c = c->next)
				if (can_coerce_type(nargs, types.data(), c->args, COERCION_IMPLICIT))
				{
					if (++ncandidates > 1)
						break;
					last_candidate = c;
				}
			if (ncandidates == 1)
			{
				last_candidate->next = nullptr;
				return last_candidate;
			}
		}
	}
	return nullptr;
}

void make_fn_arguments(ParseState *pstate, List *fargs, Oid *actual_arg_types,
					   Oid *declared_arg_types)
{
	int i = 0;
	ListCell *lc;
	foreach (lc, fargs)
	{
		/* NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult): one type per argument */
		if (actual_arg_types[i] != declared_arg_types[i])
		{
			Node *node = static_cast<Node *>(lfirst(lc));
			/* A named argument's value is coerced, under its name. */
			if (IsA(node, NamedArgExpr))
			{
				auto *na = reinterpret_cast<NamedArgExpr *>(node);
				na->arg = reinterpret_cast<Expr *>(
					coerce_type(pstate, reinterpret_cast<Node *>(na->arg), actual_arg_types[i],
								declared_arg_types[i], -1, COERCION_IMPLICIT, COERCE_IMPLICIT_CAST,
								-1));
			}
			else
				lfirst(lc) = coerce_type(pstate, node, actual_arg_types[i], declared_arg_types[i],
										 -1, COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1);
		}
		i++;
	}
}

const char *funcname_signature_string(const char *funcname, int nargs, List *argnames,
									  const Oid *argtypes)
{
	std::string s = std::string(funcname) + "(";
	/* The named arguments are the last ones. */
	int numposargs = nargs - list_length(argnames);
	for (int i = 0; i < nargs; i++)
	{
		if (i > 0)
			s += ", ";
		if (i >= numposargs)
		{
			s += static_cast<const char *>(list_nth(argnames, i - numposargs));
			s += " => ";
		}
		s += format_type_be(argtypes[i]);
	}
	s += ")";
	return pstrdup(s.c_str());
}

Oid oper_lookup(ParseState *pstate, List *opname, Oid ltypeId, Oid rtypeId, bool noError,
				int location)
{
	char kind = OidIsValid(ltypeId) ? 'b' : 'l';
	FuncCandidateList raw;
	{
		/* A named schema that does not exist is reported at the operator. */
		ParserErrposScope errpos(pstate, location);
		if (kind == 'b')
		{
			/* An exact match wins whatever else the path holds: look it up
			 * directly (PostgreSQL's binary_oper_exact) before listing
			 * every operator of that name. An unknown input is taken as
			 * the other's type, as BinaryOperExact does below. */
			Oid left = ltypeId == UNKNOWNOID ? rtypeId : ltypeId;
			Oid right = rtypeId == UNKNOWNOID ? ltypeId : rtypeId;
			if (left != UNKNOWNOID && right != UNKNOWNOID && OidIsValid(right))
			{
				Oid exact = OpernameGetOprid(opname, left, right);
				if (OidIsValid(exact))
					return exact;
				/* domain = 'literal': the base type's operator. */
				if (left == right && (ltypeId == UNKNOWNOID || rtypeId == UNKNOWNOID))
				{
					Oid base = getBaseType(left);
					if (base != left)
					{
						exact = OpernameGetOprid(opname, base, base);
						if (OidIsValid(exact))
							return exact;
					}
				}
			}
		}
		raw = OpernameGetCandidates(opname, kind, false);
	}
	if (kind == 'l')
	{
		/* Prefix operators: one input, in args[1]. */
		for (FuncCandidateList c = raw; c != nullptr; c = c->next)
			c->args[0] = c->args[1];
	}
	Oid result = InvalidOid;
	if (kind == 'b')
		result = BinaryOperExact(opname, ltypeId, rtypeId, raw);
	else
		for (FuncCandidateList c = raw; c != nullptr; c = c->next)
			if (c->args[0] == rtypeId)
				result = c->oid;
	bool ambiguous = false;
	if (!OidIsValid(result) && raw != nullptr)
	{
		Oid inputs[2] = {ltypeId, rtypeId};
		Oid *in = kind == 'b' ? inputs : &inputs[1];
		int nargs = kind == 'b' ? 2 : 1;
		if (kind == 'b' && ltypeId == UNKNOWNOID && rtypeId == UNKNOWNOID)
		{
			/* Both unknown: try them as text, PostgreSQL's rule. */
			Oid text_inputs[2] = {TEXTOID, TEXTOID};
			result = BinaryOperExact(opname, TEXTOID, TEXTOID, raw);
			(void) text_inputs;
		}
		if (!OidIsValid(result))
		{
			FuncCandidateList candidates;
			int n = func_match_argtypes(nargs, in, raw, &candidates);
			if (n == 1)
				result = candidates->oid;
			else if (n > 1)
			{
				FuncCandidateList best = func_select_candidate(nargs, in, candidates);
				if (best != nullptr)
					result = best->oid;
				else
					ambiguous = true;
			}
		}
	}
	if (!OidIsValid(result) && !noError)
	{
		std::string sig = OperatorSignature(opname, ltypeId, rtypeId);
		if (ambiguous)
			ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_FUNCTION),
					errmsg("operator is not unique: %s", sig.c_str()),
					errhint("Could not choose a best candidate operator. You might need to add "
							"explicit type casts."),
					parser_errposition(pstate, location));
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("operator does not exist: %s", sig.c_str()),
				(OidIsValid(ltypeId) && OidIsValid(rtypeId))
					? errhint("No operator matches the given name and argument types. You might "
							  "need to add explicit type casts.")
					: errhint("No operator matches the given name and argument type. You might "
							  "need to add an explicit type cast."),
				parser_errposition(pstate, location));
	}
	return result;
}

Expr *make_op(ParseState *pstate, List *opname, Node *ltree, Node *rtree, Node *, int location)
{
	Oid ltypeId = ltree != nullptr ? exprType(ltree) : InvalidOid;
	Oid rtypeId = exprType(rtree);
	Oid opno = oper_lookup(pstate, opname, ltypeId, rtypeId, false, location);
	HeapTuple tup = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for operator %u", opno);
	auto *opform = reinterpret_cast<Form_pg_operator>(GETSTRUCT(tup));
	if (!OidIsValid(opform->oprcode))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("operator is only a shell: %s",
					   OperatorSignature(opname, opform->oprleft, opform->oprright).c_str()),
				parser_errposition(pstate, location));
	List *args;
	Oid actual[2] = {InvalidOid, InvalidOid};
	Oid declared[2] = {InvalidOid, InvalidOid};
	if (ltree == nullptr)
	{
		args = list_make1(rtree);
		actual[0] = rtypeId;
		declared[0] = opform->oprright;
	}
	else
	{
		args = list_make2(ltree, rtree);
		actual[0] = ltypeId;
		actual[1] = rtypeId;
		declared[0] = opform->oprleft;
		declared[1] = opform->oprright;
	}
	Oid rettype = enforce_generic_type_consistency(actual, declared, ltree == nullptr ? 1 : 2,
												   opform->oprresult, false);
	make_fn_arguments(pstate, args, actual, declared);
	OpExpr *result = makeNode(OpExpr);
	result->opno = opno;
	result->opfuncid = opform->oprcode;
	result->opresulttype = rettype;
	result->opretset = get_func_retset(opform->oprcode);
	result->args = args;
	result->location = location;
	/* Collations: derived from the inputs (parse_collate.cpp). */
	Oid collation = SelectInputCollation(pstate, args);
	result->inputcollid = collation;
	result->opcollid = OidIsValid(get_typcollation(result->opresulttype)) ? collation : InvalidOid;
	return reinterpret_cast<Expr *>(result);
}

Node *ParseFuncOrColumn(ParseState *pstate, List *funcname, List *fargs, FuncCall *fn, int location)
{
	bool within_group = fn != nullptr && fn->agg_within_group;
	if (within_group)
	{
		/* The ORDER BY expressions are the aggregated arguments. */
		ListCell *sc;
		foreach (sc, fn->agg_order)
			fargs = lappend(fargs,
							transformExpr(pstate, static_cast<SortBy *>(lfirst(sc))->node,
										  pstate->p_expr_kind));
	}
	int nargs = list_length(fargs);
	if (nargs > FUNC_MAX_ARGS)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_ARGUMENTS),
				errmsg("cannot pass more than %d argument to a function", FUNC_MAX_ARGS),
				parser_errposition(pstate, location));
	/* Arguments given by name (name => value) come after those given by
	 * position; argnames are their names, in the call's order. */
	List *argnames = NIL;
	ListCell *lc;
	foreach (lc, fargs)
	{
		Node *arg = static_cast<Node *>(lfirst(lc));
		if (!IsA(arg, NamedArgExpr))
		{
			if (argnames != NIL)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("positional argument cannot follow named argument"),
						parser_errposition(pstate, exprLocation(arg)));
			continue;
		}
		auto *na = reinterpret_cast<NamedArgExpr *>(arg);
		ListCell *seen;
		foreach (seen, argnames)
			if (strcmp(na->name, static_cast<const char *>(lfirst(seen))) == 0)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("argument name \"%s\" used more than once", na->name),
						parser_errposition(pstate, na->location));
		argnames = lappend(argnames, na->name);
	}
	std::vector<Oid> actual(Max(nargs, 1));
	int i = 0;
	foreach (lc, fargs)
		actual[i++] = exprType(static_cast<Node *>(lfirst(lc)));

	/* f(a, VARIADIC arr) passes arr as the variadic parameter's array;
	 * otherwise a VARIADIC function takes its last values one by one. */
	bool func_variadic = fn != nullptr && fn->func_variadic;
	FuncCandidateList raw = FuncnameGetCandidates(funcname, nargs, argnames, !func_variadic, true,
												  false, false);
	FuncCandidateList best = nullptr;
	for (FuncCandidateList c = raw; c != nullptr && best == nullptr; c = c->next)
		if (memcmp(c->args, actual.data(), nargs * sizeof(Oid)) == 0)
			best = c;
	bool ambiguous = false;
	if (best == nullptr && raw != nullptr)
	{
		FuncCandidateList candidates;
		int n = func_match_argtypes(nargs, actual.data(), raw, &candidates);
		if (n == 1)
			best = candidates;
		else if (n > 1)
		{
			best = func_select_candidate(nargs, actual.data(), candidates);
			ambiguous = best == nullptr;
		}
	}
	/* Two functions the call matches equally well, e.g. f(int) and
	 * f(int, int DEFAULT 0) in one schema. */
	if (best != nullptr && !OidIsValid(best->oid))
	{
		best = nullptr;
		ambiguous = true;
	}
	/* VARIADIC with named arguments only on the variadic parameter
	 * itself. */
	if (best != nullptr && argnames != NIL && func_variadic && nargs > 0 &&
		best->argnumbers[nargs - 1] != nargs - 1)
		best = nullptr;
	/* Each named argument learns its parameter's position. */
	if (best != nullptr && best->argnumbers != nullptr)
	{
		int k = 0;
		foreach (lc, fargs)
		{
			if (IsA(lfirst(lc), NamedArgExpr))
				static_cast<NamedArgExpr *>(lfirst(lc))->argnumber = best->argnumbers[k];
			k++;
		}
	}
	Oid funcid = best != nullptr ? best->oid : InvalidOid;
	const Oid *declared = best != nullptr ? best->args : nullptr;
	int nvargs = best != nullptr ? best->nvargs : 0;
	/* The defaults of the parameters left out: their types count for
	 * polymorphism, but the call keeps only the arguments given; the
	 * planner adds the defaults (expand_function_arguments), as
	 * PostgreSQL does, so a view shows the call as written. */
	List *argdefaults = NIL;
	if (best != nullptr && best->ndargs > 0 && best->argnumbers == nullptr)
		argdefaults = FunctionArgumentDefaults(funcid, best->ndargs);
	else if (best != nullptr && best->ndargs > 0)
	{
		/* Named arguments may leave out any parameters with defaults (in
		 * argnumbers after the given ones, in their order): the defaults
		 * from the first of them on, those of the ones left out. */
		int first = best->argnumbers[nargs];
		List *from_first = FunctionArgumentDefaults(funcid, best->nargs - first);
		for (int k = nargs; k < best->nargs; k++)
			argdefaults = lappend(argdefaults, list_nth(from_first, best->argnumbers[k] - first));
	}
	if (!OidIsValid(funcid) && nargs == 1 && list_length(funcname) == 1)
	{
		/* A type name used as a function: a cast, e.g. int8(x). */
		Oid target = TypenameGetTypid(strVal(linitial(funcname)));
		if (OidIsValid(target))
		{
			Oid source = actual[0];
			Oid funcid_unused;
			if (source == UNKNOWNOID ||
				find_coercion_pathway(target, source, COERCION_EXPLICIT, &funcid_unused) !=
					COERCION_PATH_NONE)
				return coerce_type(pstate, static_cast<Node *>(linitial(fargs)), source, target, -1,
								   COERCION_EXPLICIT, COERCE_EXPLICIT_CALL, location);
		}
	}
	if (!OidIsValid(funcid))
	{
		char *schemaname;
		char *name;
		DeconstructQualifiedName(funcname, &schemaname, &name);
		const char *sig = funcname_signature_string(NameListToString(funcname), nargs, argnames,
													actual.data());
		if (ambiguous)
			ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_FUNCTION),
					errmsg("function %s is not unique", sig),
					errhint("Could not choose a best candidate function. You might need to add "
							"explicit type casts."),
					parser_errposition(pstate, location));
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("function %s does not exist", sig),
				errhint("No function matches the given name and argument types. You might need "
						"to add explicit type casts."),
				parser_errposition(pstate, location));
	}
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	auto *procform = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	bool is_agg = procform->prokind == 'a';
	bool is_window = procform->prokind == 'w';
	bool over = fn != nullptr && fn->over != nullptr;
	if (is_window)
	{
		const char *name = NameListToString(funcname);
		if (!over)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("window function %s requires an OVER clause", name),
					parser_errposition(pstate, location));
		if (fn->agg_within_group)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("window function %s cannot have WITHIN GROUP", name),
					parser_errposition(pstate, location));
	}
	if ((is_agg || is_window) && argdefaults != NIL)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("calling %s function %s without its parameters with default values is "
					   "not supported",
					   is_agg ? "aggregate" : "window", NameListToString(funcname)),
				parser_errposition(pstate, location));
	if (is_agg && argnames != NIL)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("aggregates cannot use named arguments"),
				parser_errposition(pstate, location));
	if (is_agg && !over)
	{
		HeapTuple aggtup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(funcid));
		if (aggtup == nullptr)
			elog(ERROR, "cache lookup failed for aggregate %u", funcid);
		auto *aggform = reinterpret_cast<Form_pg_aggregate>(GETSTRUCT(aggtup));
		char aggkind = aggform->aggkind;
		int ndirect = aggform->aggnumdirectargs;
		ReleaseSysCache(aggtup);
		const char *name = NameListToString(funcname);
		if (aggkind != 'n' && !within_group)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("WITHIN GROUP is required for ordered-set aggregate %s", name),
					parser_errposition(pstate, location));
		if (aggkind == 'n' && within_group)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("%s is not an ordered-set aggregate, so it cannot have WITHIN GROUP",
						   name),
					parser_errposition(pstate, location));
		int nagg = within_group ? list_length(fn->agg_order) : 0;
		if (aggkind == 'h' && nargs - nagg != nagg)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("function %s does not exist",
						   funcname_signature_string(name, nargs, NIL, actual.data())),
					errhint("To use the hypothetical-set aggregate %s, the number of hypothetical "
							"direct arguments (here %d) must match the number of ordering columns "
							"(here %d).",
							name, nargs - nagg, nagg),
					parser_errposition(pstate, location));
		if (aggkind == 'o' && ndirect != nargs - nagg)
			elog(ERROR, "ordered-set aggregate %u called with %d direct arguments", funcid,
				 nargs - nagg);
	}
	if (is_agg && over)
	{
		HeapTuple aggtup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(funcid));
		if (aggtup == nullptr)
			elog(ERROR, "cache lookup failed for aggregate %u", funcid);
		char aggkind = reinterpret_cast<Form_pg_aggregate>(GETSTRUCT(aggtup))->aggkind;
		ReleaseSysCache(aggtup);
		const char *name = NameListToString(funcname);
		if (aggkind != 'n')
		{
			if (!fn->agg_within_group)
				ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
						errmsg("WITHIN GROUP is required for ordered-set aggregate %s", name),
						parser_errposition(pstate, location));
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("OVER is not supported for ordered-set aggregate %s", name),
					parser_errposition(pstate, location));
		}
		if (fn->agg_within_group)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("%s is not an ordered-set aggregate, so it cannot have WITHIN GROUP",
						   name),
					parser_errposition(pstate, location));
	}
	if (!is_agg && !is_window && fn != nullptr)
	{
		const char *name = NameListToString(funcname);
		if (fn->agg_star)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("%s(*) specified, but %s is not an aggregate function", name, name),
					parser_errposition(pstate, location));
		if (fn->agg_distinct)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("DISTINCT specified, but %s is not an aggregate function", name),
					parser_errposition(pstate, location));
		if (fn->agg_order != NIL)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("ORDER BY specified, but %s is not an aggregate function", name),
					parser_errposition(pstate, location));
		if (fn->agg_filter != nullptr)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("FILTER specified, but %s is not an aggregate function", name),
					parser_errposition(pstate, location));
		if (fn->over != nullptr)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("OVER specified, but %s is not a window function nor an aggregate "
						   "function",
						   name),
					parser_errposition(pstate, location));
	}
	if (procform->proretset && !is_agg)
		CheckSrfCallPlacement(pstate, reinterpret_cast<Node *>(fargs), location);
	int nargsplusdefs = nargs + list_length(argdefaults);
	std::vector<Oid> decl(declared, declared + nargsplusdefs);
	actual.resize(Max(nargsplusdefs, 1));
	int argno = nargs;
	foreach (lc, argdefaults)
		actual[argno++] = exprType(static_cast<Node *>(lfirst(lc)));
	/* Polymorphic arguments and result take the types of the inputs. */
	Oid rettype = enforce_generic_type_consistency(actual.data(), decl.data(), nargsplusdefs,
												   procform->prorettype, false);
	make_fn_arguments(pstate, fargs, actual.data(), decl.data());
	Oid vatype = procform->provariadic;
	if (nvargs > 0 && vatype != ANYOID)
	{
		fargs = CollectVariadicArgs(pstate, fargs, nvargs);
		func_variadic = true; /* now the last argument is the array */
	}
	if (func_variadic && vatype == ANYOID && nargs > 0 &&
		!OidIsValid(get_element_type(actual[nargs - 1])))
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("VARIADIC argument must be an array"),
				parser_errposition(pstate, exprLocation(static_cast<Node *>(llast(fargs)))));
	if (over)
		return MakeWindowFunc(pstate, funcid, rettype, procform->proretset, fargs, is_agg, fn,
							  location);
	if (is_agg)
		return MakeAggref(pstate, funcid, rettype, fargs, decl, fn, location);
	if (funcid == F_SUBSTRING_TEXT_TEXT_TEXT)
	{
		/* substring(x SIMILAR p ESCAPE e) is PostgreSQL's SQL function
		 * substring(text, text, text), which its planner inlines as
		 * substring(x, similar_escape(p, e)).  Tusk has no SQL-language
		 * functions, so the call is built as that body, with the strict
		 * similar_to_escape (the SQL function is strict). */
		FuncExpr *escape = makeNode(FuncExpr);
		escape->funcid = F_SIMILAR_TO_ESCAPE_TEXT_TEXT;
		escape->funcresulttype = TEXTOID;
		escape->funcformat = COERCE_EXPLICIT_CALL;
		escape->args = list_make2(lsecond(fargs), lthird(fargs));
		escape->inputcollid = SelectInputCollation(pstate, escape->args);
		escape->funccollid = OidIsValid(escape->inputcollid) ? escape->inputcollid
															 : DEFAULT_COLLATION_OID;
		escape->location = location;
		fargs = list_make2(linitial(fargs), escape);
		funcid = F_SUBSTRING_TEXT_TEXT;
	}
	FuncExpr *fexpr = makeNode(FuncExpr);
	fexpr->funcid = funcid;
	fexpr->funcresulttype = rettype;
	fexpr->funcretset = procform->proretset;
	fexpr->funcvariadic = func_variadic;
	fexpr->funcformat = fn != nullptr ? fn->funcformat : COERCE_EXPLICIT_CALL;
	Oid collation = SelectInputCollation(pstate, fargs);
	fexpr->inputcollid = collation;
	fexpr->funccollid = OidIsValid(get_typcollation(rettype))
		? (OidIsValid(collation) ? collation : 100)
		: InvalidOid;
	fexpr->args = fargs;
	fexpr->location = location;
	return reinterpret_cast<Node *>(fexpr);
}
