/*
 * execExpr.cpp — compiling expressions into step programs
 * (executor/execExpr.h).
 *
 * Principal entry points: ExecInitExpr, ExecInitQual,
 * ExecBuildProjectionInfo.
 *
 * The walk happens once per plan node at executor start.  Every value
 * has a place decided here: a function's arguments are evaluated
 * straight into its FunctionCallInfo, a projected column straight into
 * the result slot; Vars become FETCHSOME steps (one per input, deforming
 * only up to the highest column used) and per-column loads.
 */
#include "postgres.h"

#include <algorithm>
#include <vector>

#include "access/htup_details.h"
#include "access/nbtree.h"
#include "catalog/pg_constraint_fns.h"
#include "catalog/pg_type_d.h"
#include "executor/execExpr.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "nodes/parsenodes.h"
#include "nodes/subscripting.h"
#include "optimizer/optimizer.h"
#include "parser/analyze.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

namespace {

void PushStep(ExprState *state, const ExprEvalStep &step)
{
	if (state->steps_len == state->steps_alloc)
	{
		int n = Max(16, state->steps_alloc * 2);
		auto *steps = static_cast<ExprEvalStep *>(palloc(n * sizeof(ExprEvalStep)));
		if (state->steps_len > 0)
			memcpy(steps, state->steps, state->steps_len * sizeof(ExprEvalStep));
		state->steps = steps;
		state->steps_alloc = n;
	}
	state->steps[state->steps_len++] = step;
}

ExprEvalStep MakeStep(ExprEvalOp op, Datum *resv, bool *resnull)
{
	ExprEvalStep step;
	memset(&step, 0, sizeof step);
	step.opcode = op;
	step.resvalue = resv;
	step.resnull = resnull;
	return step;
}

ExprState *MakeExprState(Expr *node, PlanState *parent)
{
	ExprState *state = makeNode(ExprState);
	state->expr = node;
	state->parent = parent;
	return state;
}

/* Highest column used of each input, for the FETCHSOME steps. */
struct LastVars
{
	int scan = 0;
	int inner = 0;
	int outer = 0;
};

bool CollectLastVarsWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *last = static_cast<LastVars *>(arg);
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		int attno = var->varattno;
		if (attno <= 0)
			return false;
		if (var->varno == INNER_VAR)
			last->inner = Max(last->inner, attno);
		else if (var->varno == OUTER_VAR)
			last->outer = Max(last->outer, attno);
		else
			last->scan = Max(last->scan, attno);
		return false;
	}
	/* An aggregate's arguments are evaluated by the Agg node itself, a
	 * window function's by the WindowAgg. */
	if (IsA(node, Aggref) || IsA(node, WindowFunc))
		return false;
	return node_children_walker(node, CollectLastVarsWalker, arg);
}

void CollectLastVars(Node *node, LastVars *last)
{
	CollectLastVarsWalker(node, last);
}

void PushFetches(ExprState *state, Node *node)
{
	LastVars last;
	CollectLastVars(node, &last);
	if (last.inner > 0)
	{
		ExprEvalStep s = MakeStep(EEOP_INNER_FETCHSOME, nullptr, nullptr);
		s.d.fetch.last_var = last.inner;
		PushStep(state, s);
	}
	if (last.outer > 0)
	{
		ExprEvalStep s = MakeStep(EEOP_OUTER_FETCHSOME, nullptr, nullptr);
		s.d.fetch.last_var = last.outer;
		PushStep(state, s);
	}
	if (last.scan > 0)
	{
		ExprEvalStep s = MakeStep(EEOP_SCAN_FETCHSOME, nullptr, nullptr);
		s.d.fetch.last_var = last.scan;
		PushStep(state, s);
	}
}

void ExecInitExprRec(Expr *node, ExprState *state, Datum *resv, bool *resnull);

/* A call of funcid with args, its result to resv/resnull. */
void ExecInitFunc(Oid funcid, List *args, Oid inputcollid, Expr *node, ExprState *state,
				  Datum *resv, bool *resnull)
{
	auto *finfo = static_cast<FmgrInfo *>(palloc0(sizeof(FmgrInfo)));
	fmgr_info(funcid, finfo);
	/* A call that left out parameters with defaults and was not planned
	 * (the planner adds them): the defaults, as the planner would. */
	bool named = false;
	ListCell *lc;
	foreach (lc, args)
		named |= IsA(lfirst(lc), NamedArgExpr);
	if ((finfo->fn_nargs > list_length(args) || named) && IsA(node, FuncExpr))
		args = expand_function_arguments(args, funcid,
										 reinterpret_cast<FuncExpr *>(node)->funcvariadic);
	int nargs = list_length(args);
	if (nargs > FUNC_MAX_ARGS)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_ARGUMENTS),
				errmsg("cannot pass more than %d argument to a function", FUNC_MAX_ARGS));
	finfo->fn_expr = reinterpret_cast<fmNodePtr>(node);
	if (finfo->fn_retset)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("set-valued function called in context that cannot accept a set"));
	auto *fcinfo = static_cast<FunctionCallInfo>(palloc0(SizeForFunctionCallInfo(nargs)));
	InitFunctionCallInfoData(*fcinfo, finfo, static_cast<short>(nargs), inputcollid, nullptr,
							 nullptr);
	int i = 0;
	foreach (lc, args)
	{
		Expr *arg = static_cast<Expr *>(lfirst(lc));
		if (IsA(arg, Const))
		{
			Const *c = reinterpret_cast<Const *>(arg);
			fcinfo->args[i].value = c->constvalue;
			fcinfo->args[i].isnull = c->constisnull;
		}
		else
			ExecInitExprRec(arg, state, &fcinfo->args[i].value, &fcinfo->args[i].isnull);
		i++;
	}
	ExprEvalStep s = MakeStep(finfo->fn_strict ? EEOP_FUNCEXPR_STRICT : EEOP_FUNCEXPR, resv,
							  resnull);
	s.d.func.finfo = finfo;
	s.d.func.fcinfo_data = fcinfo;
	s.d.func.fn_addr = finfo->fn_addr;
	s.d.func.nargs = nargs;
	PushStep(state, s);
}

/* GREATEST/LEAST: the arguments into the step's arrays, then one step
 * that keeps the greatest (least) non-NULL one by the type's default
 * btree "<" (42883 when the type has none). */
void ExecInitMinMax(MinMaxExpr *node, ExprState *state, Datum *resv, bool *resnull)
{
	int nelems = list_length(node->args);
	Oid sortop;
	Oid eqop;
	if (!FindOrderingOps(node->minmaxtype, false, &sortop, &eqop))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("could not identify a comparison function for type %s",
					   format_type_be(node->minmaxtype)));
	auto *finfo = static_cast<FmgrInfo *>(palloc0(sizeof(FmgrInfo)));
	fmgr_info(get_opcode(sortop), finfo);
	auto *fcinfo = static_cast<FunctionCallInfo>(palloc0(SizeForFunctionCallInfo(2)));
	InitFunctionCallInfoData(*fcinfo, finfo, 2, node->inputcollid, nullptr, nullptr);
	ExprEvalStep s = MakeStep(EEOP_MINMAX, resv, resnull);
	s.d.minmax.values = static_cast<Datum *>(palloc0(nelems * sizeof(Datum)));
	s.d.minmax.nulls = static_cast<bool *>(palloc0(nelems * sizeof(bool)));
	s.d.minmax.nelems = nelems;
	s.d.minmax.greatest = node->op == IS_GREATEST;
	s.d.minmax.fcinfo_data = fcinfo;
	s.d.minmax.fn_addr = finfo->fn_addr;
	int i = 0;
	ListCell *lc;
	foreach (lc, node->args)
	{
		ExecInitExprRec(static_cast<Expr *>(lfirst(lc)), state, &s.d.minmax.values[i],
						&s.d.minmax.nulls[i]);
		i++;
	}
	PushStep(state, s);
}

/* ARRAY[…]: the elements into the step's arrays, then one step that
 * builds the array. */
void ExecInitArrayExpr(ArrayExpr *node, ExprState *state, Datum *resv, bool *resnull)
{
	int nelems = list_length(node->elements);
	ExprEvalStep s = MakeStep(EEOP_ARRAYEXPR, resv, resnull);
	s.d.arrayexpr.elemvalues = static_cast<Datum *>(palloc0(Max(nelems, 1) * sizeof(Datum)));
	s.d.arrayexpr.elemnulls = static_cast<bool *>(palloc0(Max(nelems, 1) * sizeof(bool)));
	s.d.arrayexpr.nelems = nelems;
	s.d.arrayexpr.elemtype = node->element_typeid;
	s.d.arrayexpr.multidims = node->multidims;
	get_typlenbyvalalign(node->element_typeid, &s.d.arrayexpr.elemlength, &s.d.arrayexpr.elembyval,
						 &s.d.arrayexpr.elemalign);
	int i = 0;
	ListCell *lc;
	foreach (lc, node->elements)
	{
		ExecInitExprRec(static_cast<Expr *>(lfirst(lc)), state, &s.d.arrayexpr.elemvalues[i],
						&s.d.arrayexpr.elemnulls[i]);
		i++;
	}
	PushStep(state, s);
}

/* Where a CaseTestExpr being compiled reads its value: set while an
 * ArrayCoerceExpr's element expression is compiled. */
Datum *g_caseval_value = nullptr;
bool *g_caseval_null = nullptr;

/* arr::newtype[]: the array into the result, then the step that runs
 * the element expression (compiled on its own, its CaseTestExpr reading
 * the step's element slot) over each element. */
void ExecInitArrayCoerce(ArrayCoerceExpr *ac, ExprState *state, Datum *resv, bool *resnull)
{
	ExecInitExprRec(ac->arg, state, resv, resnull);
	ExprEvalStep s = MakeStep(EEOP_ARRAYCOERCE, resv, resnull);
	auto &d = s.d.arraycoerce;
	d.elemvalue = static_cast<Datum *>(palloc0(sizeof(Datum)));
	d.elemnull = static_cast<bool *>(palloc0(sizeof(bool)));
	d.resultelemtype = get_element_type(ac->resulttype);
	get_typlenbyvalalign(d.resultelemtype, &d.resultelemlength, &d.resultelembyval,
						 &d.resultelemalign);
	Datum *saved_value = g_caseval_value;
	bool *saved_null = g_caseval_null;
	g_caseval_value = d.elemvalue;
	g_caseval_null = d.elemnull;
	try
	{
		d.elemexprstate = ExecInitExpr(ac->elemexpr, state->parent);
	}
	catch (...)
	{
		g_caseval_value = saved_value;
		g_caseval_null = saved_null;
		throw;
	}
	g_caseval_value = saved_value;
	g_caseval_null = saved_null;
	PushStep(state, s);
}

/* Where a CoerceToDomainValue (VALUE in a domain's CHECK) being compiled
 * reads its value: set while a CoerceToDomain's checks are compiled. */
Datum *g_domainval_value = nullptr;
bool *g_domainval_null = nullptr;

/*
 * x::domain (PostgreSQL's ExecInitCoerceToDomain): the value into the
 * result, then one NOT NULL step if the domain or any domain below it
 * says NOT NULL, then each CHECK — the base-most domain's first, each
 * domain's in name order — computed into a slot of its own, reading the
 * value through VALUE, and the step that raises the violation.
 */
void ExecInitCoerceToDomain(CoerceToDomain *ctest, ExprState *state, Datum *resv, bool *resnull)
{
	ExecInitExprRec(ctest->arg, state, resv, resnull);
	bool notnull = false;
	std::vector<std::vector<DomainCheck>> levels;
	for (Oid typid = ctest->resulttype;;)
	{
		HeapTuple tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
		if (tup == nullptr)
			elog(ERROR, "cache lookup failed for type %u", typid);
		auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
		bool is_domain = form->typtype == TYPTYPE_DOMAIN;
		Oid base = form->typbasetype;
		notnull = notnull || (is_domain && form->typnotnull);
		ReleaseSysCache(tup);
		if (!is_domain)
			break;
		levels.insert(levels.begin(), GetDomainChecks(typid));
		typid = base;
	}
	if (notnull)
	{
		ExprEvalStep s = MakeStep(EEOP_DOMAIN_NOTNULL, resv, resnull);
		s.d.domaincheck.resulttype = ctest->resulttype;
		PushStep(state, s);
	}
	for (const auto &level : levels)
		for (const DomainCheck &check : level)
		{
			ExprEvalStep s = MakeStep(EEOP_DOMAIN_CHECK, resv, resnull);
			s.d.domaincheck.resulttype = ctest->resulttype;
			s.d.domaincheck.constraintname = pstrdup(check.name.c_str());
			s.d.domaincheck.checkvalue = static_cast<Datum *>(palloc0(sizeof(Datum)));
			s.d.domaincheck.checknull = static_cast<bool *>(palloc0(sizeof(bool)));
			Datum *saved_value = g_domainval_value;
			bool *saved_null = g_domainval_null;
			g_domainval_value = resv;
			g_domainval_null = resnull;
			try
			{
				ExecInitExprRec(reinterpret_cast<Expr *>(check.expr), state,
								s.d.domaincheck.checkvalue, s.d.domaincheck.checknull);
			}
			catch (...)
			{
				g_domainval_value = saved_value;
				g_domainval_null = saved_null;
				throw;
			}
			g_domainval_value = saved_value;
			g_domainval_null = saved_null;
			PushStep(state, s);
		}
}

/* container[…] (PostgreSQL's ExecInitSubscriptingRef): the container
 * into the result (a NULL one ends a fetch there), each subscript into
 * the shared SubscriptingRefState, the check step, then for an
 * assignment the new value and the assign step, else the fetch step;
 * the step functions come from the type's subscripting handler. */
void ExecInitSubscriptingRef(SubscriptingRef *sbsref, ExprState *state, Datum *resv, bool *resnull)
{
	bool isassignment = sbsref->refassgnexpr != nullptr;
	Oid elemtype;
	const SubscriptRoutines *routines = getSubscriptingRoutines(sbsref->refcontainertype,
																&elemtype);
	if (routines == nullptr)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("cannot subscript type %s because it does not support subscripting",
					   format_type_be(sbsref->refcontainertype)));
	int nupper = list_length(sbsref->refupperindexpr);
	int nlower = list_length(sbsref->reflowerindexpr);
	auto *st = static_cast<SubscriptingRefState *>(palloc0(sizeof(SubscriptingRefState)));
	st->isassignment = isassignment;
	st->numupper = nupper;
	st->numlower = nlower;
	int n = Max(Max(nupper, nlower), 1);
	st->upperprovided = static_cast<bool *>(palloc0(n * sizeof(bool)));
	st->upperindex = static_cast<Datum *>(palloc0(n * sizeof(Datum)));
	st->upperindexnull = static_cast<bool *>(palloc0(n * sizeof(bool)));
	st->lowerprovided = static_cast<bool *>(palloc0(n * sizeof(bool)));
	st->lowerindex = static_cast<Datum *>(palloc0(n * sizeof(Datum)));
	st->lowerindexnull = static_cast<bool *>(palloc0(n * sizeof(bool)));
	SubscriptExecSteps methods = {};
	routines->exec_setup(sbsref, st, &methods);

	ExecInitExprRec(sbsref->refexpr, state, resv, resnull);
	std::vector<int> to_end;
	if (!isassignment && routines->fetch_strict)
	{
		PushStep(state, MakeStep(EEOP_JUMP_IF_NULL, resv, resnull));
		to_end.push_back(state->steps_len - 1);
	}
	int i = 0;
	ListCell *lc;
	foreach (lc, sbsref->refupperindexpr)
	{
		Expr *e = static_cast<Expr *>(lfirst(lc));
		st->upperprovided[i] = e != nullptr;
		if (e != nullptr)
			ExecInitExprRec(e, state, &st->upperindex[i], &st->upperindexnull[i]);
		i++;
	}
	i = 0;
	foreach (lc, sbsref->reflowerindexpr)
	{
		Expr *e = static_cast<Expr *>(lfirst(lc));
		st->lowerprovided[i] = e != nullptr;
		if (e != nullptr)
			ExecInitExprRec(e, state, &st->lowerindex[i], &st->lowerindexnull[i]);
		i++;
	}
	ExprEvalStep check = MakeStep(EEOP_SBSREF_SUBSCRIPTS, resv, resnull);
	check.d.sbsref_subscript.subscriptfunc = methods.sbs_check_subscripts;
	check.d.sbsref_subscript.state = st;
	PushStep(state, check);
	int check_at = state->steps_len - 1;
	ExprEvalStep last = MakeStep(isassignment ? EEOP_SBSREF_ASSIGN : EEOP_SBSREF_FETCH, resv,
								 resnull);
	if (isassignment)
	{
		ExecInitExprRec(sbsref->refassgnexpr, state, &st->replacevalue, &st->replacenull);
		last.d.sbsref.subscriptfunc = methods.sbs_assign;
	}
	else
		last.d.sbsref.subscriptfunc = methods.sbs_fetch;
	last.d.sbsref.state = st;
	PushStep(state, last);
	state->steps[check_at].d.sbsref_subscript.jumpdone = state->steps_len;
	for (int j : to_end)
		state->steps[j].d.jump.jumpdone = state->steps_len;
}

/* x op ANY|ALL (array): the scalar into the call's first argument, the
 * array into the result, then the step that loops over the elements. */
void ExecInitScalarArrayOp(ScalarArrayOpExpr *node, ExprState *state, Datum *resv, bool *resnull)
{
	auto *finfo = static_cast<FmgrInfo *>(palloc0(sizeof(FmgrInfo)));
	fmgr_info(node->opfuncid, finfo);
	finfo->fn_expr = reinterpret_cast<fmNodePtr>(node);
	auto *fcinfo = static_cast<FunctionCallInfo>(palloc0(SizeForFunctionCallInfo(2)));
	InitFunctionCallInfoData(*fcinfo, finfo, 2, node->inputcollid, nullptr, nullptr);
	Expr *scalar = static_cast<Expr *>(linitial(node->args));
	Expr *array = static_cast<Expr *>(lsecond(node->args));
	ExecInitExprRec(scalar, state, &fcinfo->args[0].value, &fcinfo->args[0].isnull);
	ExecInitExprRec(array, state, resv, resnull);
	ExprEvalStep s = MakeStep(EEOP_SCALARARRAYOP, resv, resnull);
	s.d.scalararrayop.useOr = node->useOr;
	get_typlenbyvalalign(get_element_type(exprType(reinterpret_cast<Node *>(array))),
						 &s.d.scalararrayop.typlen, &s.d.scalararrayop.typbyval,
						 &s.d.scalararrayop.typalign);
	s.d.scalararrayop.finfo = finfo;
	s.d.scalararrayop.fcinfo_data = fcinfo;
	s.d.scalararrayop.fn_addr = finfo->fn_addr;
	PushStep(state, s);
}

/* Make an "=" call (for IS DISTINCT FROM / NULLIF) without pushing it. */
void ExecInitEqualityStep(ExprEvalOp op, OpExpr *expr, ExprState *state, Datum *resv, bool *resnull)
{
	auto *finfo = static_cast<FmgrInfo *>(palloc0(sizeof(FmgrInfo)));
	fmgr_info(expr->opfuncid, finfo);
	auto *fcinfo = static_cast<FunctionCallInfo>(palloc0(SizeForFunctionCallInfo(2)));
	InitFunctionCallInfoData(*fcinfo, finfo, 2, expr->inputcollid, nullptr, nullptr);
	ExecInitExprRec(static_cast<Expr *>(linitial(expr->args)), state, &fcinfo->args[0].value,
					&fcinfo->args[0].isnull);
	ExecInitExprRec(static_cast<Expr *>(lsecond(expr->args)), state, &fcinfo->args[1].value,
					&fcinfo->args[1].isnull);
	ExprEvalStep s = MakeStep(op, resv, resnull);
	s.d.func.finfo = finfo;
	s.d.func.fcinfo_data = fcinfo;
	s.d.func.fn_addr = finfo->fn_addr;
	s.d.func.nargs = 2;
	PushStep(state, s);
}

/* ROW(…): the columns into the step's arrays, then the step that forms
 * the composite value.  An anonymous row type is registered here, so
 * every value the step makes carries its typmod. */
void ExecInitRowExpr(RowExpr *node, ExprState *state, Datum *resv, bool *resnull)
{
	int nargs = list_length(node->args);
	TupleDesc desc;
	if (node->row_typeid == RECORDOID)
	{
		desc = CreateTemplateTupleDesc(nargs);
		int i = 1;
		ListCell *lc;
		foreach (lc, node->args)
		{
			Node *e = static_cast<Node *>(lfirst(lc));
			char name[NAMEDATALEN];
			if (node->colnames != NIL && i <= list_length(node->colnames))
				strlcpy(name, strVal(list_nth(node->colnames, i - 1)), sizeof name);
			else
				snprintf(name, sizeof name, "f%d", i);
			TupleDescInitEntry(desc, static_cast<AttrNumber>(i), name, exprType(e), exprTypmod(e),
							   0);
			TupleDescInitEntryCollation(desc, static_cast<AttrNumber>(i), exprCollation(e));
			i++;
		}
		BlessTupleDesc(desc);
	}
	else
	{
		desc = lookup_rowtype_tupdesc_copy(node->row_typeid, -1);
		if (desc->natts != nargs)
			elog(ERROR, "ROW() has %d columns, but type %s has %d", nargs,
				 format_type_be(node->row_typeid), desc->natts);
	}
	ExprEvalStep s = MakeStep(EEOP_ROW, resv, resnull);
	s.d.row.tupdesc = desc;
	s.d.row.elemvalues = static_cast<Datum *>(palloc0(Max(nargs, 1) * sizeof(Datum)));
	s.d.row.elemnulls = static_cast<bool *>(palloc0(Max(nargs, 1) * sizeof(bool)));
	int i = 0;
	ListCell *lc;
	foreach (lc, node->args)
	{
		if (TupleDescAttr(desc, i)->attisdropped)
			s.d.row.elemnulls[i] = true; /* the parser put a NULL there */
		else
			ExecInitExprRec(static_cast<Expr *>(lfirst(lc)), state, &s.d.row.elemvalues[i],
							&s.d.row.elemnulls[i]);
		i++;
	}
	PushStep(state, s);
}

/* ROW(a, b) < ROW(c, d): per pair the arguments and a comparison step
 * that leaves on a NULL or an unequal pair; then the step turning the
 * deciding comparison into the result. */
void ExecInitRowCompare(RowCompareExpr *rc, ExprState *state, Datum *resv, bool *resnull)
{
	int n = list_length(rc->opfamilies);
	std::vector<int> steps;
	for (int i = 0; i < n; i++)
	{
		Oid opno = list_nth_oid(rc->opnos, i);
		Oid family = list_nth_oid(rc->opfamilies, i);
		Oid collid = list_nth_oid(rc->inputcollids, i);
		Expr *l = static_cast<Expr *>(list_nth(rc->largs, i));
		Expr *r = static_cast<Expr *>(list_nth(rc->rargs, i));
		int strategy;
		Oid lefttype;
		Oid righttype;
		get_op_opfamily_properties(opno, family, false, &strategy, &lefttype, &righttype);
		RegProcedure proc = get_opfamily_proc(family, lefttype, righttype, BTORDER_PROC);
		if (!OidIsValid(proc))
			elog(ERROR, "missing support function %d(%u,%u) in opfamily %u", BTORDER_PROC, lefttype,
				 righttype, family);
		auto *finfo = static_cast<FmgrInfo *>(palloc0(sizeof(FmgrInfo)));
		fmgr_info(proc, finfo);
		auto *fcinfo = static_cast<FunctionCallInfo>(palloc0(SizeForFunctionCallInfo(2)));
		InitFunctionCallInfoData(*fcinfo, finfo, 2, collid, nullptr, nullptr);
		ExecInitExprRec(l, state, &fcinfo->args[0].value, &fcinfo->args[0].isnull);
		ExecInitExprRec(r, state, &fcinfo->args[1].value, &fcinfo->args[1].isnull);
		ExprEvalStep s = MakeStep(EEOP_ROWCOMPARE_STEP, resv, resnull);
		s.d.rowcompare_step.finfo = finfo;
		s.d.rowcompare_step.fcinfo_data = fcinfo;
		s.d.rowcompare_step.fn_addr = finfo->fn_addr;
		PushStep(state, s);
		steps.push_back(state->steps_len - 1);
	}
	ExprEvalStep fin = MakeStep(EEOP_ROWCOMPARE_FINAL, resv, resnull);
	fin.d.rowcompare_final.rctype = rc->rctype;
	PushStep(state, fin);
	int final_at = state->steps_len - 1;
	for (int j : steps)
	{
		state->steps[j].d.rowcompare_step.jumpdone = final_at;
		state->steps[j].d.rowcompare_step.jumpnull = state->steps_len;
	}
}

void ExecInitExprRec(Expr *node, ExprState *state, Datum *resv, bool *resnull)
{
	check_stack_depth();
	switch (nodeTag(node))
	{
		case T_Var:
		{
			Var *var = reinterpret_cast<Var *>(node);
			if (var->varattno <= 0)
			{
				if (var->varattno == 0)
				{
					ExprEvalStep s = MakeStep(EEOP_WHOLEROW, resv, resnull);
					s.d.wholerow.varno = var->varno;
					s.d.wholerow.vartype = var->vartype;
					PushStep(state, s);
					break;
				}
				ExprEvalStep s = MakeStep(EEOP_SCAN_SYSVAR, resv, resnull);
				s.d.sysvar.attnum = var->varattno;
				PushStep(state, s);
				break;
			}
			ExprEvalOp op = var->varno == INNER_VAR ? EEOP_INNER_VAR
				: var->varno == OUTER_VAR			? EEOP_OUTER_VAR
													: EEOP_SCAN_VAR;
			ExprEvalStep s = MakeStep(op, resv, resnull);
			s.d.var.attnum = var->varattno - 1;
			PushStep(state, s);
			break;
		}
		case T_Const:
		{
			Const *c = reinterpret_cast<Const *>(node);
			ExprEvalStep s = MakeStep(EEOP_CONST, resv, resnull);
			s.d.constval.value = c->constvalue;
			s.d.constval.isnull = c->constisnull;
			PushStep(state, s);
			break;
		}
		case T_Aggref:
		{
			Aggref *aggref = reinterpret_cast<Aggref *>(node);
			if (state->parent == nullptr || !IsA(state->parent, AggState))
				elog(ERROR, "Aggref found in non-Agg plan node");
			ExprEvalStep s = MakeStep(EEOP_AGGREF, resv, resnull);
			s.d.aggref.aggno = aggref->aggno;
			PushStep(state, s);
			break;
		}
		case T_WindowFunc:
		{
			/* The WindowAgg computes it: read its n-th result. */
			if (state->parent == nullptr || !IsA(state->parent, WindowAggState))
				elog(ERROR, "WindowFunc found in non-WindowAgg plan node");
			auto *winstate = reinterpret_cast<WindowAggState *>(state->parent);
			int wfuncno = 0;
			ListCell *lc;
			foreach (lc, winstate->funcs)
			{
				if (equal(lfirst(lc), node))
					break;
				wfuncno++;
			}
			if (wfuncno == list_length(winstate->funcs))
				elog(ERROR, "WindowFunc not computed by its WindowAgg");
			ExprEvalStep s = MakeStep(EEOP_AGGREF, resv, resnull);
			s.d.aggref.aggno = wfuncno;
			PushStep(state, s);
			break;
		}
		case T_SubPlan:
		{
			if (state->parent == nullptr)
				elog(ERROR, "SubPlan found with no parent plan");
			ExprEvalStep s = MakeStep(EEOP_SUBPLAN, resv, resnull);
			s.d.subplan.sstate = ExecInitSubPlan(reinterpret_cast<SubPlan *>(node), state->parent);
			PushStep(state, s);
			break;
		}
		case T_Param:
		{
			Param *p = reinterpret_cast<Param *>(node);
			if (p->paramkind != PARAM_EXTERN && p->paramkind != PARAM_EXEC)
				elog(ERROR, "unsupported paramkind: %d", static_cast<int>(p->paramkind));
			ExprEvalStep s = MakeStep(p->paramkind == PARAM_EXEC ? EEOP_PARAM_EXEC
																 : EEOP_PARAM_EXTERN,
									  resv, resnull);
			s.d.param.paramid = p->paramid;
			s.d.param.paramtype = p->paramtype;
			PushStep(state, s);
			break;
		}
		case T_FuncExpr:
		{
			FuncExpr *f = reinterpret_cast<FuncExpr *>(node);
			ExecInitFunc(f->funcid, f->args, f->inputcollid, node, state, resv, resnull);
			break;
		}
		case T_OpExpr:
		{
			OpExpr *op = reinterpret_cast<OpExpr *>(node);
			ExecInitFunc(op->opfuncid, op->args, op->inputcollid, node, state, resv, resnull);
			break;
		}
		case T_DistinctExpr:
			ExecInitEqualityStep(EEOP_DISTINCT, reinterpret_cast<OpExpr *>(node), state, resv,
								 resnull);
			break;
		case T_NullIfExpr:
			ExecInitEqualityStep(EEOP_NULLIF, reinterpret_cast<OpExpr *>(node), state, resv,
								 resnull);
			break;
		case T_BoolExpr:
		{
			BoolExpr *b = reinterpret_cast<BoolExpr *>(node);
			if (b->boolop == NOT_EXPR)
			{
				ExecInitExprRec(static_cast<Expr *>(linitial(b->args)), state, resv, resnull);
				PushStep(state, MakeStep(EEOP_BOOL_NOT_STEP, resv, resnull));
				break;
			}
			bool is_and = b->boolop == AND_EXPR;
			auto *anynull = static_cast<bool *>(palloc0(sizeof(bool)));
			std::vector<int> jumps;
			int nargs = list_length(b->args);
			int i = 0;
			ListCell *lc;
			foreach (lc, b->args)
			{
				ExecInitExprRec(static_cast<Expr *>(lfirst(lc)), state, resv, resnull);
				ExprEvalOp op;
				if (i == 0)
					op = is_and ? EEOP_BOOL_AND_STEP_FIRST : EEOP_BOOL_OR_STEP_FIRST;
				else if (i == nargs - 1)
					op = is_and ? EEOP_BOOL_AND_STEP_LAST : EEOP_BOOL_OR_STEP_LAST;
				else
					op = is_and ? EEOP_BOOL_AND_STEP : EEOP_BOOL_OR_STEP;
				ExprEvalStep s = MakeStep(op, resv, resnull);
				s.d.boolexpr.anynull = anynull;
				s.d.boolexpr.jumpdone = -1;
				PushStep(state, s);
				jumps.push_back(state->steps_len - 1);
				i++;
			}
			for (int j : jumps)
				state->steps[j].d.boolexpr.jumpdone = state->steps_len;
			break;
		}
		case T_NullTest:
		{
			NullTest *n = reinterpret_cast<NullTest *>(node);
			ExecInitExprRec(n->arg, state, resv, resnull);
			if (n->argisrow)
				PushStep(state,
						 MakeStep(n->nulltesttype == IS_NULL ? EEOP_NULLTEST_ROWISNULL
															 : EEOP_NULLTEST_ROWISNOTNULL,
								  resv, resnull));
			else
				PushStep(state,
						 MakeStep(n->nulltesttype == IS_NULL ? EEOP_NULLTEST_ISNULL
															 : EEOP_NULLTEST_ISNOTNULL,
								  resv, resnull));
			break;
		}
		case T_BooleanTest:
		{
			BooleanTest *b = reinterpret_cast<BooleanTest *>(node);
			ExecInitExprRec(b->arg, state, resv, resnull);
			ExprEvalOp op;
			switch (b->booltesttype)
			{
				case IS_TRUE:
					op = EEOP_BOOLTEST_IS_TRUE;
					break;
				case IS_NOT_TRUE:
					op = EEOP_BOOLTEST_IS_NOT_TRUE;
					break;
				case IS_FALSE:
					op = EEOP_BOOLTEST_IS_FALSE;
					break;
				case IS_NOT_FALSE:
					op = EEOP_BOOLTEST_IS_NOT_FALSE;
					break;
				case IS_UNKNOWN:
					op = EEOP_NULLTEST_ISNULL;
					break;
				default:
					op = EEOP_NULLTEST_ISNOTNULL;
					break;
			}
			PushStep(state, MakeStep(op, resv, resnull));
			break;
		}
		case T_RelabelType:
			ExecInitExprRec(reinterpret_cast<RelabelType *>(node)->arg, state, resv, resnull);
			break;
		case T_CollateExpr:
			/* every collation Tusk has orders strings alike: nothing to do */
			ExecInitExprRec(reinterpret_cast<CollateExpr *>(node)->arg, state, resv, resnull);
			break;
		case T_CoerceViaIO:
		{
			CoerceViaIO *c = reinterpret_cast<CoerceViaIO *>(node);
			ExecInitExprRec(c->arg, state, resv, resnull);
			Oid outfunc;
			bool isvarlena;
			getTypeOutputInfo(exprType(reinterpret_cast<Node *>(c->arg)), &outfunc, &isvarlena);
			Oid infunc;
			Oid ioparam;
			getTypeInputInfo(c->resulttype, &infunc, &ioparam);
			ExprEvalStep s = MakeStep(EEOP_IOCOERCE, resv, resnull);
			s.d.iocoerce.finfo_out = static_cast<FmgrInfo *>(palloc0(sizeof(FmgrInfo)));
			fmgr_info(outfunc, s.d.iocoerce.finfo_out);
			s.d.iocoerce.fcinfo_data_out = static_cast<FunctionCallInfo>(
				palloc0(SizeForFunctionCallInfo(1)));
			InitFunctionCallInfoData(*s.d.iocoerce.fcinfo_data_out, s.d.iocoerce.finfo_out, 1,
									 InvalidOid, nullptr, nullptr);
			s.d.iocoerce.finfo_in = static_cast<FmgrInfo *>(palloc0(sizeof(FmgrInfo)));
			fmgr_info(infunc, s.d.iocoerce.finfo_in);
			s.d.iocoerce.fcinfo_data_in = static_cast<FunctionCallInfo>(
				palloc0(SizeForFunctionCallInfo(3)));
			InitFunctionCallInfoData(*s.d.iocoerce.fcinfo_data_in, s.d.iocoerce.finfo_in, 3,
									 InvalidOid, nullptr, nullptr);
			s.d.iocoerce.fcinfo_data_in->args[1].value = ObjectIdGetDatum(ioparam);
			s.d.iocoerce.fcinfo_data_in->args[2].value = Int32GetDatum(-1);
			PushStep(state, s);
			break;
		}
		case T_CaseExpr:
		{
			CaseExpr *c = reinterpret_cast<CaseExpr *>(node);
			/* CASE x WHEN …: x computed once into storage its WHEN
			 * conditions' CaseTestExpr reads (their results read the
			 * enclosing one's, if any). */
			Datum *caseval = nullptr;
			bool *casenull = nullptr;
			if (c->arg != nullptr)
			{
				caseval = static_cast<Datum *>(palloc0(sizeof(Datum)));
				casenull = static_cast<bool *>(palloc0(sizeof(bool)));
				ExecInitExprRec(c->arg, state, caseval, casenull);
			}
			std::vector<int> to_end;
			ListCell *lc;
			foreach (lc, c->args)
			{
				CaseWhen *w = static_cast<CaseWhen *>(lfirst(lc));
				Datum *saved_value = g_caseval_value;
				bool *saved_null = g_caseval_null;
				if (caseval != nullptr)
				{
					g_caseval_value = caseval;
					g_caseval_null = casenull;
				}
				try
				{
					ExecInitExprRec(w->expr, state, resv, resnull);
				}
				catch (...)
				{
					g_caseval_value = saved_value;
					g_caseval_null = saved_null;
					throw;
				}
				g_caseval_value = saved_value;
				g_caseval_null = saved_null;
				ExprEvalStep test = MakeStep(EEOP_JUMP_IF_NOT_TRUE, resv, resnull);
				PushStep(state, test);
				int test_at = state->steps_len - 1;
				ExecInitExprRec(w->result, state, resv, resnull);
				PushStep(state, MakeStep(EEOP_JUMP, nullptr, nullptr));
				to_end.push_back(state->steps_len - 1);
				state->steps[test_at].d.jump.jumpdone = state->steps_len;
			}
			if (c->defresult != nullptr)
				ExecInitExprRec(c->defresult, state, resv, resnull);
			else
			{
				ExprEvalStep s = MakeStep(EEOP_CONST, resv, resnull);
				s.d.constval.isnull = true;
				PushStep(state, s);
			}
			for (int j : to_end)
				state->steps[j].d.jump.jumpdone = state->steps_len;
			break;
		}
		case T_CoalesceExpr:
		{
			CoalesceExpr *c = reinterpret_cast<CoalesceExpr *>(node);
			std::vector<int> to_end;
			ListCell *lc;
			foreach (lc, c->args)
			{
				ExecInitExprRec(static_cast<Expr *>(lfirst(lc)), state, resv, resnull);
				PushStep(state, MakeStep(EEOP_JUMP_IF_NOT_NULL, resv, resnull));
				to_end.push_back(state->steps_len - 1);
			}
			for (int j : to_end)
				state->steps[j].d.jump.jumpdone = state->steps_len;
			break;
		}
		case T_ArrayExpr:
			ExecInitArrayExpr(reinterpret_cast<ArrayExpr *>(node), state, resv, resnull);
			break;
		case T_MinMaxExpr:
			ExecInitMinMax(reinterpret_cast<MinMaxExpr *>(node), state, resv, resnull);
			break;
		case T_ArrayCoerceExpr:
			ExecInitArrayCoerce(reinterpret_cast<ArrayCoerceExpr *>(node), state, resv, resnull);
			break;
		case T_CaseTestExpr:
		{
			if (g_caseval_value == nullptr)
				elog(ERROR, "CaseTestExpr outside an expression that provides its value");
			ExprEvalStep s = MakeStep(EEOP_CASE_TESTVAL, resv, resnull);
			s.d.casetest.value = g_caseval_value;
			s.d.casetest.isnull = g_caseval_null;
			PushStep(state, s);
			break;
		}
		case T_CoerceToDomain:
			ExecInitCoerceToDomain(reinterpret_cast<CoerceToDomain *>(node), state, resv, resnull);
			break;
		case T_CoerceToDomainValue:
		{
			if (g_domainval_value == nullptr)
				elog(ERROR, "VALUE outside a domain constraint");
			ExprEvalStep s = MakeStep(EEOP_CASE_TESTVAL, resv, resnull);
			s.d.casetest.value = g_domainval_value;
			s.d.casetest.isnull = g_domainval_null;
			PushStep(state, s);
			break;
		}
		case T_SubscriptingRef:
			ExecInitSubscriptingRef(reinterpret_cast<SubscriptingRef *>(node), state, resv,
									resnull);
			break;
		case T_ScalarArrayOpExpr:
			ExecInitScalarArrayOp(reinterpret_cast<ScalarArrayOpExpr *>(node), state, resv,
								  resnull);
			break;
		case T_RowExpr:
			ExecInitRowExpr(reinterpret_cast<RowExpr *>(node), state, resv, resnull);
			break;
		case T_FieldSelect:
		{
			FieldSelect *f = reinterpret_cast<FieldSelect *>(node);
			ExecInitExprRec(f->arg, state, resv, resnull);
			ExprEvalStep s = MakeStep(EEOP_FIELDSELECT, resv, resnull);
			s.d.fieldselect.fieldnum = f->fieldnum;
			s.d.fieldselect.resulttype = f->resulttype;
			PushStep(state, s);
			break;
		}
		case T_RowCompareExpr:
			ExecInitRowCompare(reinterpret_cast<RowCompareExpr *>(node), state, resv, resnull);
			break;
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("expression node %s is not supported by the executor yet",
						   nodeTagName(nodeTag(node))));
	}
}

}  // namespace

ExprState *ExecInitExpr(Expr *node, PlanState *parent)
{
	if (node == nullptr)
		return nullptr;
	ExprState *state = MakeExprState(node, parent);
	PushFetches(state, reinterpret_cast<Node *>(node));
	ExecInitExprRec(node, state, &state->resvalue, &state->resnull);
	PushStep(state, MakeStep(EEOP_DONE, nullptr, nullptr));
	return state;
}

ExprState *ExecInitQual(List *qual, PlanState *parent)
{
	if (qual == NIL)
		return nullptr;
	ExprState *state = MakeExprState(reinterpret_cast<Expr *>(qual), parent);
	PushFetches(state, reinterpret_cast<Node *>(qual));
	std::vector<int> jumps;
	ListCell *lc;
	foreach (lc, qual)
	{
		ExecInitExprRec(static_cast<Expr *>(lfirst(lc)), state, &state->resvalue, &state->resnull);
		ExprEvalStep s = MakeStep(EEOP_QUAL, &state->resvalue, &state->resnull);
		PushStep(state, s);
		jumps.push_back(state->steps_len - 1);
	}
	for (int j : jumps)
		state->steps[j].d.qualexpr.jumpdone = state->steps_len;
	PushStep(state, MakeStep(EEOP_DONE, nullptr, nullptr));
	return state;
}

List *ExecInitExprList(List *nodes, PlanState *parent)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, nodes)
		result = lappend(result, ExecInitExpr(static_cast<Expr *>(lfirst(lc)), parent));
	return result;
}

ProjectionInfo *ExecBuildProjectionInfo(List *targetList, ExprContext *econtext,
										TupleTableSlot *slot, PlanState *parent, TupleDesc)
{
	ProjectionInfo *proj = makeNode(ProjectionInfo);
	proj->pi_exprContext = econtext;
	ExprState *state = &proj->pi_state;
	state->type = T_ExprState;
	state->expr = reinterpret_cast<Expr *>(targetList);
	state->parent = parent;
	state->resultslot = slot;
	PushFetches(state, reinterpret_cast<Node *>(targetList));
	/* A multiple-column UPDATE's sub-SELECTs (junk MULTIEXPR SubPlans)
	 * first: they set the params the SET columns read.  Their NULL value
	 * is stored only where the slot has a column for it (ON CONFLICT's
	 * slot has the table's columns alone). */
	auto is_multiexpr = [](const TargetEntry *tle) {
		return tle->resjunk && IsA(tle->expr, SubPlan) &&
			reinterpret_cast<SubPlan *>(tle->expr)->subLinkType == MULTIEXPR_SUBLINK;
	};
	for (int pass = 0; pass < 2; pass++)
	{
		ListCell *lc;
		foreach (lc, targetList)
		{
			TargetEntry *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (is_multiexpr(tle) != (pass == 0))
				continue;
			ExecInitExprRec(tle->expr, state, &state->resvalue, &state->resnull);
			if (pass == 0 && slot != nullptr && tle->resno > slot->tts_tupleDescriptor->natts)
				continue;
			ExprEvalStep s = MakeStep(EEOP_ASSIGN_TMP, nullptr, nullptr);
			s.d.assign.resultnum = tle->resno - 1;
			PushStep(state, s);
		}
	}
	PushStep(state, MakeStep(EEOP_DONE, nullptr, nullptr));
	return proj;
}

ExprState *ExecInitDomainCheck(Oid domainType, Datum *value, bool *isnull)
{
	CaseTestExpr *ctest = makeNode(CaseTestExpr);
	int32 basetypmod = -1;
	ctest->typeId = getBaseTypeAndTypmod(domainType, &basetypmod);
	ctest->typeMod = basetypmod;
	ctest->collation = get_typcollation(domainType);
	CoerceToDomain *coerce = makeNode(CoerceToDomain);
	coerce->arg = reinterpret_cast<Expr *>(ctest);
	coerce->resulttype = domainType;
	coerce->resulttypmod = -1;
	coerce->resultcollid = ctest->collation;
	coerce->coercionformat = COERCE_IMPLICIT_CAST;
	coerce->location = -1;
	Datum *saved_value = g_caseval_value;
	bool *saved_null = g_caseval_null;
	g_caseval_value = value;
	g_caseval_null = isnull;
	ExprState *state;
	try
	{
		state = ExecInitExpr(reinterpret_cast<Expr *>(coerce), nullptr);
	}
	catch (...)
	{
		g_caseval_value = saved_value;
		g_caseval_null = saved_null;
		throw;
	}
	g_caseval_value = saved_value;
	g_caseval_null = saved_null;
	return state;
}

ExprState *ExecInitDomainCheckExpr(Expr *check, Datum *value, bool *isnull)
{
	Datum *saved_value = g_domainval_value;
	bool *saved_null = g_domainval_null;
	g_domainval_value = value;
	g_domainval_null = isnull;
	ExprState *state;
	try
	{
		state = ExecInitExpr(check, nullptr);
	}
	catch (...)
	{
		g_domainval_value = saved_value;
		g_domainval_null = saved_null;
		throw;
	}
	g_domainval_value = saved_value;
	g_domainval_null = saved_null;
	return state;
}
