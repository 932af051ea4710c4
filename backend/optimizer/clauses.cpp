/*
 * clauses.cpp — questions about expressions and their simplification
 * (optimizer/optimizer.h; PostgreSQL's clauses.c).
 *
 * Principal entry points: contain_volatile_functions,
 * eval_const_expressions, estimate_expression_value, canonicalize_qual,
 * negate_clause.
 *
 * eval_const_expressions is run by the planner on every expression of a
 * query level before anything else looks at it (subselect.cpp's
 * PreprocessExpression), so that later steps see `a = 2` rather than
 * `a = 1 + 1`, an index can answer `id = 1 + 2`, and a qual that is
 * constantly false or true is recognised as such.  It computes, at plan
 * time:
 *   - calls of immutable functions and operators whose arguments are all
 *     constants (a strict one with a NULL constant argument is NULL
 *     without calling it); set-returning and record-returning ones are
 *     left alone; errors they raise (division by zero) are raised by the
 *     planner, as PostgreSQL raises them;
 *   - AND/OR (flattened; TRUE, FALSE and NULL arguments simplified), NOT
 *     (pushed into its argument: NOT (a < b) is a >= b), CASE (arms whose
 *     condition is constantly false dropped, a constantly true one ends
 *     the CASE), COALESCE (NULL arguments dropped, stopping at the first
 *     non-NULL constant), NULLIF, IS DISTINCT FROM, x op ANY(array),
 *     GREATEST/LEAST, ARRAY[…], IS [NOT] NULL and IS [NOT] TRUE/FALSE/
 *     UNKNOWN of constants, casts of constants (RelabelType and
 *     CoerceViaIO), and `b = true` as `b`;
 *   - $n parameters whose value the caller marked constant
 *     (PARAM_FLAG_CONST: a custom plan of a prepared statement);
 *   - calls of simple LANGUAGE sql functions (a body `SELECT expr`)
 *     are replaced by expr with the arguments in place of its $n, when
 *     PostgreSQL's inline_function rules allow (InlineFunction).
 * Volatile functions are never computed.  canonicalize_qual then
 * simplifies a folded WHERE, ON or HAVING as a qual: NULL counts as
 * FALSE there, and (A AND B) OR (A AND C) becomes A AND (B OR C).  estimate_expression_value does
 * the same and also computes stable functions (now(), CURRENT_DATE) and
 * any bound parameter: its result is only for estimates (selfuncs.cpp),
 * never for a plan.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/htup_details.h"
#include "catalog/pg_language_d.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_proc_fns.h"
#include "catalog/pg_type_d.h"
#include "executor/executor.h"
#include "executor/functions.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/params.h"
#include "optimizer/optimizer.h"
#include "optimizer/pathnodes.h"
#include "parser/analyze.h"
#include "parser/parse_coerce.h"
#include "parser/parse_func.h"
#include "parser/parser.h"
#include "planner_int.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

namespace {

bool IsVolatile(Oid funcid)
{
	return OidIsValid(funcid) && func_volatile(funcid) == PROVOLATILE_VOLATILE;
}

bool ContainVolatileWalker(Node *node, void *)
{
	if (node == nullptr)
		return false;
	switch (nodeTag(node))
	{
		case T_FuncExpr:
			if (IsVolatile(reinterpret_cast<FuncExpr *>(node)->funcid))
				return true;
			break;
		case T_OpExpr:
		case T_DistinctExpr:
		case T_NullIfExpr:
			if (IsVolatile(reinterpret_cast<OpExpr *>(node)->opfuncid))
				return true;
			break;
		case T_ScalarArrayOpExpr:
			if (IsVolatile(reinterpret_cast<ScalarArrayOpExpr *>(node)->opfuncid))
				return true;
			break;
		default:
			break;
	}
	return node_children_walker(node, ContainVolatileWalker, nullptr);
}

/* ---- constant folding ---- */

struct FoldContext
{
	ParamListInfo boundParams; /* the $n values, or NULL */
	bool estimate;			   /* also stable functions and any bound $n */
	List *active_fns;		   /* SQL functions being inlined (no recursion) */
};

Node *FoldMutator(Node *node, void *arg);

Node *Fold(Node *node, FoldContext *ctx)
{
	return FoldMutator(node, ctx);
}

List *FoldList(List *list, FoldContext *ctx)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, list)
		result = lappend(result, Fold(static_cast<Node *>(lfirst(lc)), ctx));
	return result;
}

bool IsConst(const Node *node)
{
	return node != nullptr && IsA(node, Const);
}

bool IsNullConst(const Node *node)
{
	return IsConst(node) && reinterpret_cast<const Const *>(node)->constisnull;
}

/* A non-NULL boolean constant with value b. */
bool IsBoolConst(const Node *node, bool b)
{
	return IsConst(node) && !reinterpret_cast<const Const *>(node)->constisnull &&
		DatumGetBool(reinterpret_cast<const Const *>(node)->constvalue) == b;
}

bool AllConst(List *args)
{
	ListCell *lc;
	foreach (lc, args)
		if (!IsConst(static_cast<Node *>(lfirst(lc))))
			return false;
	return true;
}

bool AnyNullConst(List *args)
{
	ListCell *lc;
	foreach (lc, args)
		if (IsNullConst(static_cast<Node *>(lfirst(lc))))
			return true;
	return false;
}

Const *MakeConstValue(Oid type, int32 typmod, Oid collid, Datum value, bool isnull)
{
	int16 typlen;
	bool typbyval;
	get_typlenbyval(type, &typlen, &typbyval);
	Const *c = makeNode(Const);
	c->consttype = type;
	c->consttypmod = typmod;
	c->constcollid = collid;
	c->constlen = typlen;
	c->constbyval = typbyval;
	c->constisnull = isnull;
	c->constvalue = isnull ? 0 : datumCopy(value, typbyval, typlen);
	c->location = -1;
	return c;
}

Node *MakeBool(bool value, bool isnull)
{
	return makeBoolConst(value, isnull);
}

/* expr (whose inputs are all constants) computed now, as a Const of its
 * type.  Errors it raises propagate (the planner raises them). */
Node *EvaluateExpr(Node *expr)
{
	EState *estate = CreateExecutorState();
	ExprContext *econtext = CreateExprContext(estate);
	ExprState *es = ExecInitExpr(reinterpret_cast<Expr *>(expr), nullptr);
	bool isnull;
	Datum value = ExecEvalExprSwitchContext(es, econtext, &isnull);
	Const *c = MakeConstValue(exprType(expr), exprTypmod(expr), exprCollation(expr), value, isnull);
	FreeExecutorState(estate);
	return reinterpret_cast<Node *>(c);
}

/* Whether a function may be computed now: immutable, or stable when only
 * estimating. */
bool MayCompute(char provolatile, const FoldContext *ctx)
{
	return provolatile == PROVOLATILE_IMMUTABLE ||
		(ctx->estimate && provolatile == PROVOLATILE_STABLE);
}

bool FunctionMayCompute(Oid funcid, const FoldContext *ctx)
{
	return OidIsValid(funcid) && MayCompute(func_volatile(funcid), ctx);
}

/* A call of funcid (a FuncExpr or an OpExpr, its arguments already
 * folded) as a constant if it can be one, else NULL. */
Node *SimplifyCall(Oid funcid, Node *call, List *args, const FoldContext *ctx)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	/* A set's or a transient record's result is no constant. */
	if (proc->proretset || proc->prorettype == RECORDOID)
		return nullptr;
	if (proc->proisstrict && AnyNullConst(args))
		return reinterpret_cast<Node *>(
			makeNullConst(exprType(call), exprTypmod(call), exprCollation(call)));
	if (!AllConst(args) || !MayCompute(proc->provolatile, ctx))
		return nullptr;
	return EvaluateExpr(call);
}

/* `b = true` is b, `b = false` is NOT b (and the reverse for <>), as
 * PostgreSQL's simplify_boolean_equality. */
Node *SimplifyBooleanEquality(OpExpr *op)
{
	if (list_length(op->args) != 2)
		return nullptr;
	Node *left = static_cast<Node *>(linitial(op->args));
	Node *right = static_cast<Node *>(lsecond(op->args));
	bool equality = op->opno == BooleanEqualOperator;
	for (int side = 0; side < 2; side++)
	{
		Node *c = side == 0 ? left : right;
		Node *other = side == 0 ? right : left;
		if (!IsConst(c) || IsNullConst(c))
			continue;
		bool value = DatumGetBool(reinterpret_cast<Const *>(c)->constvalue);
		return value == equality ? other : negate_clause(other);
	}
	return nullptr;
}

/* AND or OR of already-folded arguments: nested ones flattened, the
 * neutral constant dropped, the absorbing one returned, NULLs kept once. */
Node *SimplifyAndOr(BoolExprType boolop, List *args, int location)
{
	bool is_and = boolop == AND_EXPR;
	bool have_null = false;
	List *result = NIL;
	ListCell *lc;
	foreach (lc, args)
	{
		Node *arg = static_cast<Node *>(lfirst(lc));
		if (IsA(arg, BoolExpr) && reinterpret_cast<BoolExpr *>(arg)->boolop == boolop)
		{
			/* Already simplified: splice its arguments in. */
			result = list_concat(result, list_copy(reinterpret_cast<BoolExpr *>(arg)->args));
			continue;
		}
		if (IsConst(arg))
		{
			if (IsNullConst(arg))
				have_null = true;
			else if (IsBoolConst(arg, !is_and))
				return MakeBool(!is_and, false); /* FALSE in AND, TRUE in OR */
			continue;
		}
		result = lappend(result, arg);
	}
	if (have_null)
		result = lappend(result, MakeBool(false, true));
	if (result == NIL)
		return MakeBool(is_and, false);
	if (list_length(result) == 1)
		return static_cast<Node *>(linitial(result));
	return reinterpret_cast<Node *>(makeBoolExpr(boolop, result, location));
}

Node *SimplifyCase(CaseExpr *c, FoldContext *ctx)
{
	List *whens = NIL;
	Node *defresult = nullptr;
	bool ended = false;
	ListCell *lc;
	foreach (lc, c->args)
	{
		CaseWhen *w = castNode(CaseWhen, lfirst(lc));
		Node *cond = Fold(reinterpret_cast<Node *>(w->expr), ctx);
		/* A condition that never holds: the arm is dropped unseen. */
		if (IsNullConst(cond) || IsBoolConst(cond, false))
			continue;
		Node *result = Fold(reinterpret_cast<Node *>(w->result), ctx);
		if (IsBoolConst(cond, true))
		{
			/* Always taken: the rest is unreachable. */
			defresult = result;
			ended = true;
			break;
		}
		CaseWhen *nw = makeNode(CaseWhen);
		nw->expr = reinterpret_cast<Expr *>(cond);
		nw->result = reinterpret_cast<Expr *>(result);
		nw->location = w->location;
		whens = lappend(whens, nw);
	}
	if (!ended && c->defresult != nullptr)
		defresult = Fold(reinterpret_cast<Node *>(c->defresult), ctx);
	if (whens == NIL)
		return defresult != nullptr
			? defresult
			: reinterpret_cast<Node *>(makeNullConst(c->casetype, -1, c->casecollid));
	CaseExpr *nc = makeNode(CaseExpr);
	*nc = *c;
	nc->args = whens;
	nc->defresult = reinterpret_cast<Expr *>(defresult);
	return reinterpret_cast<Node *>(nc);
}

Node *SimplifyCoalesce(CoalesceExpr *c, FoldContext *ctx)
{
	List *args = NIL;
	ListCell *lc;
	foreach (lc, c->args)
	{
		Node *arg = Fold(static_cast<Node *>(lfirst(lc)), ctx);
		if (IsConst(arg))
		{
			if (IsNullConst(arg))
				continue;
			/* The first non-NULL constant ends it; alone, it is the value. */
			if (args == NIL)
				return arg;
			args = lappend(args, arg);
			break;
		}
		args = lappend(args, arg);
	}
	if (args == NIL)
		return reinterpret_cast<Node *>(makeNullConst(c->coalescetype, -1, c->coalescecollid));
	CoalesceExpr *nc = makeNode(CoalesceExpr);
	*nc = *c;
	nc->args = args;
	return reinterpret_cast<Node *>(nc);
}

/* A bound $n as a constant, when the caller allows it. */
Node *SimplifyParam(Param *param, const FoldContext *ctx)
{
	ParamListInfo params = ctx->boundParams;
	if (param->paramkind != PARAM_EXTERN || params == nullptr || param->paramid <= 0 ||
		param->paramid > params->numParams)
		return nullptr;
	ParamExternData workspace;
	const ParamExternData *prm = params->paramFetch != nullptr
		? params->paramFetch(params, param->paramid, true, &workspace)
		: &params->params[param->paramid - 1];
	if (prm == nullptr || !OidIsValid(prm->ptype) || prm->ptype != param->paramtype)
		return nullptr;
	if (!ctx->estimate && (prm->pflags & PARAM_FLAG_CONST) == 0)
		return nullptr;
	return reinterpret_cast<Node *>(MakeConstValue(param->paramtype, param->paramtypmod,
												   param->paramcollid, prm->value, prm->isnull));
}

/* ---- inlining SQL functions (PostgreSQL's inline_function) ---- */

/* Whether node calls a function more volatile than allowed ('i': any
 * stable or volatile one; 's': any volatile one). */
bool ContainMutableWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	char allowed = *static_cast<char *>(arg);
	Oid funcid = InvalidOid;
	switch (nodeTag(node))
	{
		case T_FuncExpr:
			funcid = reinterpret_cast<FuncExpr *>(node)->funcid;
			break;
		case T_OpExpr:
		case T_DistinctExpr:
		case T_NullIfExpr:
			funcid = reinterpret_cast<OpExpr *>(node)->opfuncid;
			if (!OidIsValid(funcid))
				funcid = get_opcode(reinterpret_cast<OpExpr *>(node)->opno);
			break;
		case T_ScalarArrayOpExpr:
			funcid = reinterpret_cast<ScalarArrayOpExpr *>(node)->opfuncid;
			if (!OidIsValid(funcid))
				funcid = get_opcode(reinterpret_cast<ScalarArrayOpExpr *>(node)->opno);
			break;
		case T_SQLValueFunction:
			/* CURRENT_DATE and the like are stable. */
			if (allowed == PROVOLATILE_IMMUTABLE)
				return true;
			break;
		case T_CoerceViaIO:
		{
			auto *io = reinterpret_cast<CoerceViaIO *>(node);
			Oid outfunc;
			bool isvarlena;
			getTypeOutputInfo(exprType(reinterpret_cast<Node *>(io->arg)), &outfunc, &isvarlena);
			Oid infunc;
			Oid ioparam;
			getTypeInputInfo(io->resulttype, &infunc, &ioparam);
			char v1 = func_volatile(outfunc);
			char v2 = func_volatile(infunc);
			if ((allowed == PROVOLATILE_IMMUTABLE &&
				 (v1 != PROVOLATILE_IMMUTABLE || v2 != PROVOLATILE_IMMUTABLE)) ||
				v1 == PROVOLATILE_VOLATILE || v2 == PROVOLATILE_VOLATILE)
				return true;
			break;
		}
		default:
			break;
	}
	if (OidIsValid(funcid))
	{
		char v = func_volatile(funcid);
		if (v == PROVOLATILE_VOLATILE || (allowed == PROVOLATILE_IMMUTABLE && v != allowed))
			return true;
	}
	return node_children_walker(node, ContainMutableWalker, arg);
}

bool FuncIsStrict(Oid funcid)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	bool strict = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup))->proisstrict;
	ReleaseSysCache(tup);
	return strict;
}

/* Whether node may be non-NULL when an input is NULL (PostgreSQL's
 * contain_nonstrict_functions). */
bool ContainNonstrictWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	switch (nodeTag(node))
	{
		case T_FuncExpr:
			if (!FuncIsStrict(reinterpret_cast<FuncExpr *>(node)->funcid))
				return true;
			break;
		case T_OpExpr:
		{
			auto *op = reinterpret_cast<OpExpr *>(node);
			if (!FuncIsStrict(OidIsValid(op->opfuncid) ? op->opfuncid : get_opcode(op->opno)))
				return true;
			break;
		}
		case T_SubscriptingRef:
			/* An assignment into a NULL container makes one; a fetch is strict. */
			if (reinterpret_cast<SubscriptingRef *>(node)->refassgnexpr != nullptr)
				return true;
			break;
		case T_Aggref:
		case T_WindowFunc:
		case T_GroupingFunc:
		case T_RowExpr:
		case T_RowCompareExpr:
		case T_DistinctExpr:
		case T_NullIfExpr:
		case T_ScalarArrayOpExpr:
		case T_BoolExpr:
		case T_SubLink:
		case T_SubPlan:
		case T_CaseExpr:
		case T_CaseTestExpr:
		case T_ArrayExpr:
		case T_CoalesceExpr:
		case T_MinMaxExpr:
		case T_NullTest:
		case T_BooleanTest:
		case T_SQLValueFunction:
			return true;
		default:
			break;
	}
	return node_children_walker(node, ContainNonstrictWalker, arg);
}

struct SubstituteContext
{
	List *args;
	int *usecounts;
};

/* The body's $n replaced by the call's arguments. */
Node *SubstituteParamsMutator(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	auto *ctx = static_cast<SubstituteContext *>(arg);
	if (IsA(node, Param))
	{
		auto *param = reinterpret_cast<Param *>(node);
		if (param->paramkind == PARAM_EXTERN && param->paramid > 0 &&
			param->paramid <= list_length(ctx->args))
		{
			ctx->usecounts[param->paramid - 1]++;
			return static_cast<Node *>(copyObject(list_nth(ctx->args, param->paramid - 1)));
		}
		elog(ERROR, "invalid paramid: %d", param->paramid);
	}
	return node_children_mutator(node, SubstituteParamsMutator, arg);
}

void InlineParserSetup(ParseState *pstate, void *arg)
{
	sql_fn_parser_setup(pstate, static_cast<SQLFunctionParseInfoPtr>(arg));
}

void InliningErrorCallback(void *arg)
{
	/* A position in the body means nothing in the caller's query. */
	if (geterrposition() > 0)
		errposition(0);
	errcontext("SQL function \"%s\" during inlining", static_cast<const char *>(arg));
}

class InliningErrorScope
{
  public:
	explicit InliningErrorScope(const char *fname)
	{
		callback_.callback = InliningErrorCallback;
		callback_.arg = const_cast<char *>(fname);
		callback_.previous = error_context_stack;
		error_context_stack = &callback_;
	}
	~InliningErrorScope() { error_context_stack = callback_.previous; }
	InliningErrorScope(const InliningErrorScope &) = delete;
	InliningErrorScope &operator=(const InliningErrorScope &) = delete;

  private:
	ErrorContextCallback callback_{};
};

/* A call of a LANGUAGE sql function whose body is `SELECT expr` (no FROM,
 * WHERE, aggregates, …) as expr with the call's arguments in place of its
 * parameters, folded further; or NULL when it cannot be inlined.  The
 * rules are PostgreSQL's: the expression must be no more volatile than
 * the function and, for a strict function, strict and using every
 * argument; an argument used more than once must be cheap and not
 * volatile. */
Node *InlineFunction(Oid funcid, Oid result_type, Oid input_collid, List *args, Node *call,
					 FoldContext *ctx)
{
	if (list_member_oid(ctx->active_fns, funcid))
		return nullptr;
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	bool isnull;
	(void) SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_proconfig, &isnull);
	if (proc->prolang != SQLlanguageId || proc->prokind != PROKIND_FUNCTION || proc->prosecdef ||
		proc->proretset || proc->prorettype == RECORDOID || !isnull ||
		proc->pronargs != list_length(args))
	{
		ReleaseSysCache(tup);
		return nullptr;
	}
	char provolatile = proc->provolatile;
	bool strict = proc->proisstrict;
	std::string fname = NameStr(proc->proname);
	Datum srcdatum = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_prosrc, &isnull);
	if (isnull)
		elog(ERROR, "null prosrc for function %u", funcid);
	char *src = TextDatumGetCString(srcdatum);

	InliningErrorScope scope(fname.c_str());
	SQLFunctionParseInfoPtr pinfo = prepare_sql_fn_parse_info(tup, call, input_collid);
	ReleaseSysCache(tup);
	List *raw = raw_parser(src);
	if (list_length(raw) != 1)
		return nullptr;
	Query *q = parse_analyze_withcb(static_cast<RawStmt *>(linitial(raw)), src, InlineParserSetup,
									pinfo);
	if (q->commandType != CMD_SELECT || q->hasAggs || q->hasWindowFuncs || q->hasTargetSRFs ||
		q->hasSubLinks || q->cteList != NIL || q->rtable != NIL || q->jointree->fromlist != NIL ||
		q->jointree->quals != nullptr || q->groupClause != NIL || q->groupingSets != NIL ||
		q->havingQual != nullptr || q->windowClause != NIL || q->distinctClause != NIL ||
		q->sortClause != NIL || q->limitOffset != nullptr || q->limitCount != nullptr ||
		q->setOperations != nullptr || list_length(q->targetList) != 1)
		return nullptr;
	(void) check_sql_fn_retval(list_make1(q), result_type);
	Node *newexpr = reinterpret_cast<Node *>(
		static_cast<TargetEntry *>(linitial(q->targetList))->expr);
	if (exprType(newexpr) != result_type)
		return nullptr;
	char allowed = provolatile;
	if (provolatile != PROVOLATILE_VOLATILE && ContainMutableWalker(newexpr, &allowed))
		return nullptr;
	if (strict && ContainNonstrictWalker(newexpr, nullptr))
		return nullptr;

	SubstituteContext sub;
	sub.args = args;
	sub.usecounts = static_cast<int *>(palloc0(Max(list_length(args), 1) * sizeof(int)));
	newexpr = SubstituteParamsMutator(newexpr, &sub);
	int i = 0;
	ListCell *lc;
	foreach (lc, args)
	{
		Node *arg = static_cast<Node *>(lfirst(lc));
		if (sub.usecounts[i] == 0)
		{
			/* An unused argument: NULL would not make the result NULL. */
			if (strict)
				return nullptr;
		}
		else if (sub.usecounts[i] != 1)
		{
			/* Computed once per use: only when cheap and not volatile. */
			if (tusk::optimizer::QualCostPerTuple(list_make1(arg)) >
				10 * tusk::optimizer::kCpuOperatorCost)
				return nullptr;
			if (contain_volatile_functions(arg))
				return nullptr;
		}
		i++;
	}
	ctx->active_fns = lappend_oid(ctx->active_fns, funcid);
	Node *result = Fold(newexpr, ctx);
	ctx->active_fns = list_delete_last(ctx->active_fns);
	return result;
}

Node *FoldMutator(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	check_stack_depth();
	auto *ctx = static_cast<FoldContext *>(arg);
	switch (nodeTag(node))
	{
		case T_Const:
			return reinterpret_cast<Node *>(copyObject(reinterpret_cast<Const *>(node)));
		case T_Param:
			if (Node *c = SimplifyParam(reinterpret_cast<Param *>(node), ctx))
				return c;
			return reinterpret_cast<Node *>(copyObject(reinterpret_cast<Param *>(node)));
		case T_FuncExpr:
		{
			FuncExpr *f = makeNode(FuncExpr);
			*f = *reinterpret_cast<FuncExpr *>(node);
			/* A call that left out parameters with defaults gets them now
			 * (the stored query keeps the call as written). */
			f->args = expand_function_arguments(f->args, f->funcid, f->funcvariadic);
			f->args = FoldList(f->args, ctx);
			if (Node *c = SimplifyCall(f->funcid, reinterpret_cast<Node *>(f), f->args, ctx))
				return c;
			if (!f->funcretset)
				if (Node *e = InlineFunction(f->funcid, f->funcresulttype, f->inputcollid, f->args,
											 reinterpret_cast<Node *>(f), ctx))
					return e;
			return reinterpret_cast<Node *>(f);
		}
		case T_OpExpr:
		{
			OpExpr *op = makeNode(OpExpr);
			*op = *reinterpret_cast<OpExpr *>(node);
			if (!OidIsValid(op->opfuncid))
				op->opfuncid = get_opcode(op->opno);
			op->args = FoldList(op->args, ctx);
			if (Node *c = SimplifyCall(op->opfuncid, reinterpret_cast<Node *>(op), op->args, ctx))
				return c;
			if (op->opno == BooleanEqualOperator || op->opno == BooleanNotEqualOperator)
				if (Node *b = SimplifyBooleanEquality(op))
					return b;
			if (Node *e = InlineFunction(op->opfuncid, op->opresulttype, op->inputcollid, op->args,
										 reinterpret_cast<Node *>(op), ctx))
				return e;
			return reinterpret_cast<Node *>(op);
		}
		case T_DistinctExpr:
		case T_NullIfExpr:
		{
			/* Not strict: computed only when every argument is a constant. */
			auto *op = reinterpret_cast<OpExpr *>(node_children_mutator(node, FoldMutator, arg));
			if (!OidIsValid(op->opfuncid))
				op->opfuncid = get_opcode(op->opno);
			if (AllConst(op->args) && FunctionMayCompute(op->opfuncid, ctx))
				return EvaluateExpr(reinterpret_cast<Node *>(op));
			return reinterpret_cast<Node *>(op);
		}
		case T_ScalarArrayOpExpr:
		{
			auto *saop = reinterpret_cast<ScalarArrayOpExpr *>(
				node_children_mutator(node, FoldMutator, arg));
			if (!OidIsValid(saop->opfuncid))
				saop->opfuncid = get_opcode(saop->opno);
			if (AllConst(saop->args) && FunctionMayCompute(saop->opfuncid, ctx))
				return EvaluateExpr(reinterpret_cast<Node *>(saop));
			return reinterpret_cast<Node *>(saop);
		}
		case T_BoolExpr:
		{
			BoolExpr *b = reinterpret_cast<BoolExpr *>(node);
			if (b->boolop == NOT_EXPR)
				return negate_clause(Fold(static_cast<Node *>(linitial(b->args)), ctx));
			return SimplifyAndOr(b->boolop, FoldList(b->args, ctx), b->location);
		}
		case T_CaseExpr:
			/* CASE x WHEN v: its conditions read x through CaseTestExpr;
			 * only its parts are folded. */
			if (reinterpret_cast<CaseExpr *>(node)->arg != nullptr)
				break;
			return SimplifyCase(reinterpret_cast<CaseExpr *>(node), ctx);
		case T_CoalesceExpr:
			return SimplifyCoalesce(reinterpret_cast<CoalesceExpr *>(node), ctx);
		case T_RelabelType:
		{
			RelabelType *r = makeNode(RelabelType);
			*r = *reinterpret_cast<RelabelType *>(node);
			Node *a = Fold(reinterpret_cast<Node *>(r->arg), ctx);
			/* Stacked relabelings: only the top one matters. */
			while (IsA(a, RelabelType))
				a = reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(a)->arg);
			if (IsConst(a))
			{
				Const *c = reinterpret_cast<Const *>(a);
				c->consttype = r->resulttype;
				c->consttypmod = r->resulttypmod;
				c->constcollid = r->resultcollid;
				return a;
			}
			r->arg = reinterpret_cast<Expr *>(a);
			return reinterpret_cast<Node *>(r);
		}
		case T_CoerceViaIO:
		{
			auto *io = reinterpret_cast<CoerceViaIO *>(
				node_children_mutator(node, FoldMutator, arg));
			if (!IsConst(reinterpret_cast<Node *>(io->arg)))
				return reinterpret_cast<Node *>(io);
			/* The source type's output function, then the target's input. */
			Oid outfunc;
			bool isvarlena;
			getTypeOutputInfo(exprType(reinterpret_cast<Node *>(io->arg)), &outfunc, &isvarlena);
			Oid infunc;
			Oid ioparam;
			getTypeInputInfo(io->resulttype, &infunc, &ioparam);
			if (FunctionMayCompute(outfunc, ctx) && FunctionMayCompute(infunc, ctx))
				return EvaluateExpr(reinterpret_cast<Node *>(io));
			return reinterpret_cast<Node *>(io);
		}
		case T_FieldSelect:
		{
			/* ROW(a, b).f2 is b (PostgreSQL's eval_const_expressions) */
			auto *fs = reinterpret_cast<FieldSelect *>(
				node_children_mutator(node, FoldMutator, arg));
			if (IsA(fs->arg, RowExpr))
			{
				List *fields = reinterpret_cast<RowExpr *>(fs->arg)->args;
				if (fs->fieldnum > 0 && fs->fieldnum <= list_length(fields))
				{
					Node *field = static_cast<Node *>(list_nth(fields, fs->fieldnum - 1));
					if (exprType(field) == fs->resulttype && exprTypmod(field) == fs->resulttypmod)
						return field;
				}
			}
			return reinterpret_cast<Node *>(fs);
		}
		case T_ArrayExpr:
		case T_MinMaxExpr:
		{
			/* Their element comparisons and constructions are immutable. */
			Node *n = node_children_mutator(node, FoldMutator, arg);
			List *args = IsA(n, ArrayExpr) ? reinterpret_cast<ArrayExpr *>(n)->elements
										   : reinterpret_cast<MinMaxExpr *>(n)->args;
			if (AllConst(args))
				return EvaluateExpr(n);
			return n;
		}
		case T_NullTest:
		{
			auto *nt = reinterpret_cast<NullTest *>(node_children_mutator(node, FoldMutator, arg));
			Node *a = reinterpret_cast<Node *>(nt->arg);
			/* A row value is NULL only when all its fields are: left to
			 * the executor. */
			if (!nt->argisrow && IsConst(a))
			{
				bool isnull = reinterpret_cast<Const *>(a)->constisnull;
				return MakeBool(nt->nulltesttype == IS_NULL ? isnull : !isnull, false);
			}
			return reinterpret_cast<Node *>(nt);
		}
		case T_BooleanTest:
		{
			auto *bt = reinterpret_cast<BooleanTest *>(
				node_children_mutator(node, FoldMutator, arg));
			Node *a = reinterpret_cast<Node *>(bt->arg);
			if (!IsConst(a))
				return reinterpret_cast<Node *>(bt);
			bool isnull = reinterpret_cast<Const *>(a)->constisnull;
			bool value = !isnull && DatumGetBool(reinterpret_cast<Const *>(a)->constvalue);
			bool result = false;
			switch (bt->booltesttype)
			{
				case IS_TRUE:
					result = !isnull && value;
					break;
				case IS_NOT_TRUE:
					result = isnull || !value;
					break;
				case IS_FALSE:
					result = !isnull && !value;
					break;
				case IS_NOT_FALSE:
					result = isnull || value;
					break;
				case IS_UNKNOWN:
					result = isnull;
					break;
				case IS_NOT_UNKNOWN:
					result = !isnull;
					break;
			}
			return MakeBool(result, false);
		}
		case T_SQLValueFunction:
			/* Stable: its value now is only an estimate of its value when
			 * the plan runs. */
			if (ctx->estimate)
				return EvaluateExpr(node);
			return reinterpret_cast<Node *>(copyObject(reinterpret_cast<SQLValueFunction *>(node)));
		case T_SubLink:
		{
			/* The subquery is planned (and folded) as a level of its own. */
			SubLink *s = makeNode(SubLink);
			*s = *reinterpret_cast<SubLink *>(node);
			s->testexpr = Fold(s->testexpr, ctx);
			return reinterpret_cast<Node *>(s);
		}
		case T_Query:
			return node;
		default:
			break;
	}
	return node_children_mutator(node, FoldMutator, arg);
}

/* ---- quals (PostgreSQL's prepqual.c) ---- */

bool IsBool(const Node *node, BoolExprType boolop)
{
	return node != nullptr && IsA(node, BoolExpr) &&
		reinterpret_cast<const BoolExpr *>(node)->boolop == boolop;
}

List *BoolArgs(Node *node)
{
	return reinterpret_cast<BoolExpr *>(node)->args;
}

bool MemberOf(List *list, const Node *node)
{
	ListCell *lc;
	foreach (lc, list)
		if (equal(lfirst(lc), node))
			return true;
	return false;
}

/* The arguments of args' nested boolop clauses spliced in. */
List *PullBool(BoolExprType boolop, List *args)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, args)
	{
		Node *arg = static_cast<Node *>(lfirst(lc));
		if (IsBool(arg, boolop))
			result = list_concat(result, PullBool(boolop, BoolArgs(arg)));
		else
			result = lappend(result, arg);
	}
	return result;
}

Node *MakeBoolClause(BoolExprType boolop, List *args)
{
	if (list_length(args) == 1)
		return static_cast<Node *>(linitial(args));
	return reinterpret_cast<Node *>(makeBoolExpr(boolop, args, -1));
}

/* (A AND B) OR (A AND C) is A AND (B OR C): the clauses every arm of the
 * OR shares are taken out of it. */
Node *FactorOr(List *orlist)
{
	if (list_length(orlist) == 1)
		return static_cast<Node *>(linitial(orlist));
	/* Candidates: the clauses of the shortest arm. */
	List *reference = NIL;
	ListCell *lc;
	foreach (lc, orlist)
	{
		Node *arm = static_cast<Node *>(lfirst(lc));
		if (!IsBool(arm, AND_EXPR))
		{
			reference = list_make1(arm);
			break;
		}
		if (reference == NIL || list_length(BoolArgs(arm)) < list_length(reference))
			reference = BoolArgs(arm);
	}
	List *winners = NIL;
	foreach (lc, reference)
	{
		Node *ref = static_cast<Node *>(lfirst(lc));
		if (MemberOf(winners, ref))
			continue;
		bool everywhere = true;
		ListCell *ac;
		foreach (ac, orlist)
		{
			Node *arm = static_cast<Node *>(lfirst(ac));
			if (IsBool(arm, AND_EXPR) ? !MemberOf(BoolArgs(arm), ref) : !equal(arm, ref))
			{
				everywhere = false;
				break;
			}
		}
		if (everywhere)
			winners = lappend(winners, ref);
	}
	if (winners == NIL)
		return MakeBoolClause(OR_EXPR, orlist);
	/* What is left of each arm; an arm left empty makes the OR true. */
	List *rest = NIL;
	foreach (lc, orlist)
	{
		Node *arm = static_cast<Node *>(lfirst(lc));
		List *left = NIL;
		if (IsBool(arm, AND_EXPR))
		{
			ListCell *ac;
			foreach (ac, BoolArgs(arm))
				if (!MemberOf(winners, static_cast<Node *>(lfirst(ac))))
					left = lappend(left, lfirst(ac));
		}
		else if (!MemberOf(winners, arm))
			left = list_make1(arm);
		if (left == NIL)
		{
			rest = NIL;
			break;
		}
		rest = lappend(rest, MakeBoolClause(AND_EXPR, left));
	}
	if (rest != NIL)
		winners = lappend(winners, MakeBoolClause(OR_EXPR, PullBool(OR_EXPR, rest)));
	return MakeBoolClause(AND_EXPR, PullBool(AND_EXPR, winners));
}

/* A qual's AND/OR tree with NULL taken as FALSE (a row the qual gives
 * NULL is dropped as one it gives FALSE) and common OR factors pulled
 * out. */
Node *CanonicalizeQual(Node *qual)
{
	bool is_or = IsBool(qual, OR_EXPR);
	if (!is_or && !IsBool(qual, AND_EXPR))
		return qual;
	List *args = NIL;
	ListCell *lc;
	foreach (lc, BoolArgs(qual))
	{
		Node *arg = CanonicalizeQual(static_cast<Node *>(lfirst(lc)));
		if (IsConst(arg))
		{
			bool truth = IsBoolConst(arg, true);
			/* TRUE decides an OR, FALSE or NULL an AND; else dropped. */
			if (truth == is_or)
				return MakeBool(truth, false);
			continue;
		}
		args = lappend(args, arg);
	}
	if (args == NIL)
		return MakeBool(!is_or, false);
	if (is_or)
		return FactorOr(PullBool(OR_EXPR, args));
	return MakeBoolClause(AND_EXPR, PullBool(AND_EXPR, args));
}

Node *FoldExpression(PlannerInfo *root, Node *node, bool estimate)
{
	FoldContext ctx{nullptr, estimate, NIL};
	if (root != nullptr && root->glob != nullptr)
		ctx.boundParams = root->glob->boundParams;
	return FoldMutator(node, &ctx);
}

}  // namespace

List *expand_function_arguments(List *args, Oid funcid, bool funcvariadic)
{
	bool named = false;
	ListCell *lc;
	foreach (lc, args)
		named |= IsA(lfirst(lc), NamedArgExpr);
	if (funcvariadic && !named)
		return args;
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	auto *form = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	int nargs = form->pronargs;
	int ndefaults = form->pronargdefaults;
	int missing = nargs - list_length(args);
	if (missing <= 0 && !named)
	{
		ReleaseSysCache(tup);
		return args;
	}
	std::vector<Oid> declared(form->proargtypes.values, form->proargtypes.values + nargs);
	Oid rettype = form->prorettype;
	ReleaseSysCache(tup);
	List *full;
	if (named)
	{
		/* Each argument at its parameter's position (a named one's
		 * argnumber), the defaults where none was given (PostgreSQL's
		 * reorder_function_arguments). */
		std::vector<Node *> at(static_cast<size_t>(nargs), nullptr);
		int k = 0;
		foreach (lc, args)
		{
			Node *arg = static_cast<Node *>(lfirst(lc));
			if (IsA(arg, NamedArgExpr))
			{
				auto *na = reinterpret_cast<NamedArgExpr *>(arg);
				at[static_cast<size_t>(na->argnumber)] = reinterpret_cast<Node *>(na->arg);
			}
			else
				at[static_cast<size_t>(k)] = arg;
			k++;
		}
		List *defaults = missing > 0 ? FunctionArgumentDefaults(funcid, ndefaults) : NIL;
		full = NIL;
		for (int p = 0; p < nargs; p++)
		{
			Node *arg = at[static_cast<size_t>(p)];
			if (arg == nullptr)
				arg = static_cast<Node *>(copyObject(list_nth(defaults, p - (nargs - ndefaults))));
			full = lappend(full, arg);
		}
		if (funcvariadic || missing <= 0)
			return full;
	}
	else
		full = list_concat_copy(args,
								static_cast<List *>(
									copyObject(FunctionArgumentDefaults(funcid, missing))));
	/* The defaults of polymorphic parameters (an unknown NULL, say) take
	 * the types the call resolved, as the written arguments did. */
	std::vector<Oid> actual;
	foreach (lc, full)
		actual.push_back(exprType(static_cast<Node *>(lfirst(lc))));
	(void) enforce_generic_type_consistency(actual.data(), declared.data(), nargs, rettype, false);
	make_fn_arguments(nullptr, full, actual.data(), declared.data());
	return full;
}

bool contain_volatile_functions(Node *node)
{
	return ContainVolatileWalker(node, nullptr);
}

Node *eval_const_expressions(PlannerInfo *root, Node *node)
{
	return FoldExpression(root, node, false);
}

Node *estimate_expression_value(PlannerInfo *root, Node *node)
{
	return FoldExpression(root, node, true);
}

Node *canonicalize_qual(Node *qual)
{
	if (qual == nullptr)
		return nullptr;
	return CanonicalizeQual(qual);
}

Node *negate_clause(Node *node)
{
	if (node == nullptr)
		return nullptr;
	switch (nodeTag(node))
	{
		case T_Const:
		{
			Const *c = reinterpret_cast<Const *>(node);
			if (c->constisnull)
				return MakeBool(false, true);
			return MakeBool(!DatumGetBool(c->constvalue), false);
		}
		case T_OpExpr:
		{
			OpExpr *op = reinterpret_cast<OpExpr *>(node);
			Oid negator = get_negator(op->opno);
			if (!OidIsValid(negator))
				break;
			OpExpr *n = makeNode(OpExpr);
			*n = *op;
			n->opno = negator;
			n->opfuncid = get_opcode(negator);
			return reinterpret_cast<Node *>(n);
		}
		case T_ScalarArrayOpExpr:
		{
			/* NOT (x op ANY (a)) is x negator ALL (a), and the reverse. */
			ScalarArrayOpExpr *saop = reinterpret_cast<ScalarArrayOpExpr *>(node);
			Oid negator = get_negator(saop->opno);
			if (!OidIsValid(negator))
				break;
			ScalarArrayOpExpr *n = makeNode(ScalarArrayOpExpr);
			*n = *saop;
			n->opno = negator;
			n->opfuncid = get_opcode(negator);
			n->hashfuncid = InvalidOid;
			n->negfuncid = InvalidOid;
			n->useOr = !saop->useOr;
			return reinterpret_cast<Node *>(n);
		}
		case T_BoolExpr:
		{
			BoolExpr *b = reinterpret_cast<BoolExpr *>(node);
			if (b->boolop == NOT_EXPR)
				return static_cast<Node *>(linitial(b->args));
			/* De Morgan: NOT (a AND b) is NOT a OR NOT b. */
			List *args = NIL;
			ListCell *lc;
			foreach (lc, b->args)
				args = lappend(args, negate_clause(static_cast<Node *>(lfirst(lc))));
			return reinterpret_cast<Node *>(
				makeBoolExpr(b->boolop == AND_EXPR ? OR_EXPR : AND_EXPR, args, b->location));
		}
		case T_NullTest:
		{
			NullTest *nt = reinterpret_cast<NullTest *>(node);
			/* NOT (row IS NULL) is not (row IS NOT NULL). */
			if (nt->argisrow)
				break;
			NullTest *n = makeNode(NullTest);
			*n = *nt;
			n->nulltesttype = nt->nulltesttype == IS_NULL ? IS_NOT_NULL : IS_NULL;
			return reinterpret_cast<Node *>(n);
		}
		case T_BooleanTest:
		{
			BooleanTest *bt = makeNode(BooleanTest);
			*bt = *reinterpret_cast<BooleanTest *>(node);
			switch (bt->booltesttype)
			{
				case IS_TRUE:
					bt->booltesttype = IS_NOT_TRUE;
					break;
				case IS_NOT_TRUE:
					bt->booltesttype = IS_TRUE;
					break;
				case IS_FALSE:
					bt->booltesttype = IS_NOT_FALSE;
					break;
				case IS_NOT_FALSE:
					bt->booltesttype = IS_FALSE;
					break;
				case IS_UNKNOWN:
					bt->booltesttype = IS_NOT_UNKNOWN;
					break;
				case IS_NOT_UNKNOWN:
					bt->booltesttype = IS_UNKNOWN;
					break;
			}
			return reinterpret_cast<Node *>(bt);
		}
		default:
			break;
	}
	return reinterpret_cast<Node *>(makeBoolExpr(NOT_EXPR, list_make1(node), -1));
}

bool tusk::optimizer::ContainNonstrictFunctions(Node *node)
{
	return ContainNonstrictWalker(node, nullptr);
}

namespace {

struct VarsOfLevel
{
	int levelsup; /* the level sought, counted from where the walk is */
};

bool ContainVarsOfLevelWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *ctx = static_cast<VarsOfLevel *>(arg);
	if (IsA(node, Var))
		return static_cast<int>(reinterpret_cast<Var *>(node)->varlevelsup) == ctx->levelsup;
	if (IsA(node, Query))
	{
		ctx->levelsup++;
		bool found = node_children_walker(node, ContainVarsOfLevelWalker, arg);
		ctx->levelsup--;
		return found;
	}
	return node_children_walker(node, ContainVarsOfLevelWalker, arg);
}

}  // namespace

bool contain_vars_of_level(Node *node, int levelsup)
{
	VarsOfLevel ctx{levelsup};
	return ContainVarsOfLevelWalker(node, &ctx);
}
