/*
 * ruleutils.cpp — expressions back to SQL text, as PostgreSQL 15 prints
 * them (utils/ruleutils.h), and the SQL functions that need it.
 *
 * Principal entry points: deparse_expression with a context from
 * deparse_context_for (one relation) or deparse_context_for_plan_tree +
 * set_deparse_context_plan (a plan node, for EXPLAIN); the SQL function
 * pg_get_expr.
 *
 * The output follows PostgreSQL's non-pretty form, which EXPLAIN and
 * pg_get_expr(…, false) print: every operator, boolean and test in
 * parentheses ("((a + 1) > 2)"), implicit casts hidden, explicit ones as
 * "(x)::type", constants with a "::type" label unless their type is what
 * the literal would be read as anyway (integer, numeric with a decimal
 * point, boolean, unknown).  In a plan, an OUTER_VAR/INNER_VAR Var is
 * printed as the child's target-list expression it reads (parenthesized
 * unless a plain column), and a PARAM_EXEC Param as the expression that
 * sets it (a NestLoop's nestParams, a SubPlan's args) when an ancestor
 * supplies it, else as $n.
 *
 * pg_get_expr(…, true) (pretty, psql's \d) drops the parentheses that
 * operator precedence makes unnecessary, the way PostgreSQL's
 * PRETTYFLAG_PAREN does for the node types it knows.
 *
 * See also: commands/explain.cpp (the main user), doc/utils/ruleutils.
 */
#include "postgres.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>
#include <string>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/namespace.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_rewrite_d.h"
#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/querynodes.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "rewrite/rewriteHandler.h"
#include "utils/ruleutils.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

namespace {

/* What Vars and Params of the expression being printed refer to. */
struct DeparseNamespace
{
	List *rtable;		/* RangeTblEntries */
	List *rtable_names; /* C strings, parallel to rtable */
	PlannedStmt *pstmt; /* the plan being explained, or NULL */
	/* In a plan: the node whose expressions are printed, its parents
	 * (innermost first) and the children OUTER_VAR/INNER_VAR read. */
	Plan *plan;
	List *ancestors;
	Plan *outer_plan;
	Plan *inner_plan;
	List *outer_tlist;
	List *inner_tlist;
};

struct DeparseContext
{
	std::string buf;
	DeparseNamespace *dpns; /* NULL: no Vars allowed */
	bool varprefix;			/* qualify columns with their relation's name */
	bool showimplicit;		/* print implicit casts */
	bool pretty;			/* leave out parentheses precedence makes redundant */
	bool indent;			/* CASE on lines of its own (PRETTYFLAG_INDENT) */
	int indent_level;
};

/* How far a CASE's WHEN/ELSE lines are indented (PostgreSQL's
 * PRETTYINDENT_VAR). */
constexpr int kPrettyIndentVar = 4;
/* How far a query's clauses are indented under it (PRETTYINDENT_STD). */
constexpr int kPrettyIndentStd = 8;

/* A keyword that, when indenting, starts a new line: trailing spaces
 * dropped, then a newline and indent_level (after indent_before)
 * spaces; indent_after applies to the lines that follow. */
void AppendContextKeyword(DeparseContext *ctx, const char *str, int indent_before, int indent_after)
{
	if (!ctx->indent)
	{
		ctx->buf += str;
		return;
	}
	ctx->indent_level += indent_before;
	while (!ctx->buf.empty() && ctx->buf.back() == ' ')
		ctx->buf.pop_back();
	ctx->buf += '\n';
	ctx->buf.append(static_cast<size_t>(Max(ctx->indent_level, 0)), ' ');
	ctx->buf += str;
	ctx->indent_level = Max(ctx->indent_level + indent_after, 0);
}

void GetRuleExpr(Node *node, DeparseContext *ctx, bool showimplicit);

/* ---- names ---- */

/* A function's name, qualified with its schema unless the search path
 * finds the function by its bare name and argument types (so that
 * pg_dump, which empties search_path, prints app.f(…) as PostgreSQL does). */
std::string FunctionName(Oid funcid)
{
	char *name = get_func_name(funcid);
	if (name == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	if (DatumGetBool(DirectFunctionCall1(pg_function_is_visible, ObjectIdGetDatum(funcid))))
		return quote_identifier(name);
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for function %u", funcid);
	Oid nsp = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup))->pronamespace;
	ReleaseSysCache(tup);
	char *nspname = get_namespace_name(nsp);
	if (nspname == nullptr)
		elog(ERROR, "cache lookup failed for namespace %u", nsp);
	return std::string(quote_identifier(nspname)) + "." + quote_identifier(name);
}

std::string OperatorName(Oid opno)
{
	char *name = get_opname(opno);
	if (name == nullptr)
		elog(ERROR, "cache lookup failed for operator %u", opno);
	return name;
}

/* The name of column attnum of range-table entry rte. */
std::string ColumnName(RangeTblEntry *rte, AttrNumber attnum)
{
	if (rte->rtekind == RTE_RELATION && OidIsValid(rte->relid))
	{
		HeapTuple tup = SearchSysCache2(ATTNUM, ObjectIdGetDatum(rte->relid),
										Int16GetDatum(attnum));
		if (tup != nullptr)
		{
			std::string name = NameStr(
				reinterpret_cast<Form_pg_attribute>(GETSTRUCT(tup))->attname);
			ReleaseSysCache(tup);
			return name;
		}
	}
	if (rte->eref != nullptr && attnum > 0 && attnum <= list_length(rte->eref->colnames))
		return strVal(list_nth(rte->eref->colnames, attnum - 1));
	elog(ERROR, "invalid attnum %d for relation \"%s\"", attnum,
		 rte->eref != nullptr ? rte->eref->aliasname : "?");
}

/* ---- plan context ---- */

void SetDeparsePlan(DeparseNamespace *dpns, Plan *plan)
{
	dpns->plan = plan;
	/* An Append's columns are its first member's. */
	if (IsA(plan, Append))
		dpns->outer_plan = static_cast<Plan *>(
			linitial(reinterpret_cast<Append *>(plan)->appendplans));
	else
		dpns->outer_plan = outerPlan(plan);
	dpns->outer_tlist = dpns->outer_plan != nullptr ? dpns->outer_plan->targetlist : NIL;
	/* A SubqueryScan's subplan plays the inner child, as in PostgreSQL. */
	if (IsA(plan, SubqueryScan))
		dpns->inner_plan = reinterpret_cast<SubqueryScan *>(plan)->subplan;
	else
		dpns->inner_plan = innerPlan(plan);
	dpns->inner_tlist = dpns->inner_plan != nullptr ? dpns->inner_plan->targetlist : NIL;
	/* ON CONFLICT DO UPDATE's INNER_VARs are the "excluded" row's columns
	 * (Vars of its range-table entry), as in PostgreSQL. */
	if (IsA(plan, ModifyTable))
		dpns->inner_tlist = reinterpret_cast<ModifyTable *>(plan)->exclRelTlist;
}

/* Saved state of a namespace while a child or ancestor is visited. */
struct SavedNamespace
{
	Plan *plan;
	List *ancestors;
};

/* Switch to child, one of the current plan's inputs. */
SavedNamespace PushChildPlan(DeparseNamespace *dpns, Plan *child)
{
	SavedNamespace saved{dpns->plan, dpns->ancestors};
	dpns->ancestors = lcons(dpns->plan, dpns->ancestors);
	SetDeparsePlan(dpns, child);
	return saved;
}

/* Switch to the ancestor at the head of ancestors_from (a tail of the
 * current ancestors). */
SavedNamespace PushAncestorPlan(DeparseNamespace *dpns, List *ancestors, int from)
{
	SavedNamespace saved{dpns->plan, dpns->ancestors};
	List *rest = NIL;
	for (int i = from + 1; i < list_length(ancestors); i++)
		rest = lappend(rest, list_nth(ancestors, i));
	dpns->ancestors = rest;
	SetDeparsePlan(dpns, static_cast<Plan *>(list_nth(ancestors, from)));
	return saved;
}

void PopPlan(DeparseNamespace *dpns, const SavedNamespace &saved)
{
	dpns->ancestors = saved.ancestors;
	SetDeparsePlan(dpns, saved.plan);
}

TargetEntry *TleByResno(List *tlist, AttrNumber resno)
{
	ListCell *lc;
	foreach (lc, tlist)
	{
		TargetEntry *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resno == resno)
			return tle;
	}
	return nullptr;
}

/* ---- expressions ---- */

void GetVariable(Var *var, DeparseContext *ctx)
{
	DeparseNamespace *dpns = ctx->dpns;
	if (dpns == nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("expression contains variables"));
	if (var->varlevelsup != 0)
		elog(ERROR, "bogus varlevelsup: %u", var->varlevelsup);
	if (var->varno == OUTER_VAR || var->varno == INNER_VAR)
	{
		bool outer = var->varno == OUTER_VAR;
		Plan *child = outer ? dpns->outer_plan : dpns->inner_plan;
		TargetEntry *tle = TleByResno(outer ? dpns->outer_tlist : dpns->inner_tlist, var->varattno);
		if (tle == nullptr)
			elog(ERROR, "bogus varattno for %s var: %d", outer ? "OUTER_VAR" : "INNER_VAR",
				 var->varattno);
		/* The caller took a Var for a simple expression: keep it one. */
		bool paren = !IsA(tle->expr, Var);
		if (child == nullptr)
		{
			/* ModifyTable's "excluded" row: Vars of this level. */
			GetRuleExpr(reinterpret_cast<Node *>(tle->expr), ctx, true);
			return;
		}
		SavedNamespace saved = PushChildPlan(dpns, child);
		if (paren)
			ctx->buf += '(';
		GetRuleExpr(reinterpret_cast<Node *>(tle->expr), ctx, true);
		if (paren)
			ctx->buf += ')';
		PopPlan(dpns, saved);
		return;
	}
	if (var->varno <= 0 || var->varno > list_length(dpns->rtable))
		elog(ERROR, "bogus varno: %d", var->varno);
	RangeTblEntry *rte = static_cast<RangeTblEntry *>(list_nth(dpns->rtable, var->varno - 1));
	const char *refname = static_cast<const char *>(list_nth(dpns->rtable_names, var->varno - 1));
	if (var->varattno == 0)
	{
		/* A whole row. */
		ctx->buf += quote_identifier(refname != nullptr ? refname : "?");
		ctx->buf += ".*";
		return;
	}
	if (ctx->varprefix && refname != nullptr)
	{
		ctx->buf += quote_identifier(refname);
		ctx->buf += '.';
	}
	ctx->buf += quote_identifier(ColumnName(rte, var->varattno).c_str());
}

void GetConstExpr(Const *c, DeparseContext *ctx, int showtype)
{
	if (c->constisnull)
	{
		ctx->buf += "NULL";
		if (showtype >= 0)
		{
			ctx->buf += "::";
			ctx->buf += format_type_with_typemod(c->consttype, c->consttypmod);
		}
		return;
	}
	Oid typoutput;
	bool typvarlena;
	getTypeOutputInfo(c->consttype, &typoutput, &typvarlena);
	std::string ext = OidOutputFunctionCall(typoutput, c->constvalue);
	bool needlabel = false;
	switch (c->consttype)
	{
		case INT4OID:
			/* A negative number is a constant only quoted: -1 would read
			 * as the operator - applied to 1. */
			if (ext[0] != '-')
				ctx->buf += ext;
			else
			{
				ctx->buf += "'" + ext + "'";
				needlabel = true;
			}
			break;
		case NUMERICOID:
			/* Reads back as numeric when it has a point or exponent. */
			if (isdigit(static_cast<unsigned char>(ext[0])) &&
				ext.find_first_of("eE.") != std::string::npos)
				ctx->buf += ext;
			else
			{
				ctx->buf += "'" + ext + "'";
				needlabel = true;
			}
			break;
		case BOOLOID:
			ctx->buf += ext == "t" ? "true" : "false";
			break;
		default:
			ctx->buf += quote_literal_cstr(ext.c_str());
			break;
	}
	if (showtype < 0)
		return;
	switch (c->consttype)
	{
		case BOOLOID:
		case UNKNOWNOID:
			needlabel = false;
			break;
		case INT4OID:
			break;
		case NUMERICOID:
			needlabel = needlabel || c->consttypmod >= 0;
			break;
		default:
			needlabel = true;
			break;
	}
	if (needlabel || showtype > 0)
	{
		ctx->buf += "::";
		ctx->buf += format_type_with_typemod(c->consttype, c->consttypmod);
	}
}

/* Whether node needs no parentheses as an operand of parent in pretty
 * mode (a simplified PostgreSQL isSimpleNode: leaves and function-call
 * syntax never do; an operator under an operator of the same or higher
 * precedence class does). */
int OperatorPrecedence(const std::string &op)
{
	if (op == "*" || op == "/" || op == "%")
		return 3;
	if (op == "+" || op == "-")
		return 2;
	return 1;
}

bool IsSimpleNode(Node *node, Node *parent)
{
	if (node == nullptr)
		return false;
	switch (nodeTag(node))
	{
		case T_Var:
		case T_Const:
		case T_Param:
		case T_CoerceViaIO:
		case T_ArrayCoerceExpr:
		case T_RelabelType:
		case T_Aggref:
		case T_FuncExpr:
		case T_CoalesceExpr:
		case T_ArrayExpr:
		case T_SubscriptingRef:
		case T_MinMaxExpr:
		case T_NullIfExpr:
		case T_SQLValueFunction:
		case T_RowExpr:
		case T_FieldSelect:
		case T_RowCompareExpr:
		case T_CaseExpr:
		case T_SubPlan:
			return true;
		case T_OpExpr:
			if (parent != nullptr && IsA(parent, OpExpr))
			{
				OpExpr *op = reinterpret_cast<OpExpr *>(node);
				OpExpr *pop = reinterpret_cast<OpExpr *>(parent);
				if (list_length(op->args) != 2 || list_length(pop->args) != 2)
					return false;
				int prec = OperatorPrecedence(OperatorName(op->opno));
				int pprec = OperatorPrecedence(OperatorName(pop->opno));
				if (prec > pprec)
					return true;
				/* Same class: only as the left operand (left-associative). */
				return prec == pprec && prec > 1 && linitial(pop->args) == node;
			}
			/* An operator under AND/OR/NOT binds tighter. */
			return parent != nullptr && IsA(parent, BoolExpr);
		case T_NullTest:
		case T_BooleanTest:
		case T_DistinctExpr:
		case T_ScalarArrayOpExpr:
			return parent != nullptr && IsA(parent, BoolExpr);
		case T_BoolExpr:
			if (parent != nullptr && IsA(parent, BoolExpr))
			{
				BoolExprType type = reinterpret_cast<BoolExpr *>(node)->boolop;
				BoolExprType ptype = reinterpret_cast<BoolExpr *>(parent)->boolop;
				if (type == NOT_EXPR)
					return true;
				return type == AND_EXPR && ptype == OR_EXPR;
			}
			return false;
		default:
			return false;
	}
}

/* An operand: parenthesized in pretty mode when its precedence needs it
 * (in plain mode the operand prints its own parentheses). */
void GetRuleExprParen(Node *node, DeparseContext *ctx, bool showimplicit, Node *parent)
{
	bool paren = ctx->pretty && !IsSimpleNode(node, parent);
	if (paren)
		ctx->buf += '(';
	GetRuleExpr(node, ctx, showimplicit);
	if (paren)
		ctx->buf += ')';
}

/* "(" in plain mode, nothing in pretty mode (PostgreSQL's !PRETTY_PAREN). */
void OpenParen(DeparseContext *ctx)
{
	if (!ctx->pretty)
		ctx->buf += '(';
}
void CloseParen(DeparseContext *ctx)
{
	if (!ctx->pretty)
		ctx->buf += ')';
}

/* x::type, the way an explicit cast (or an implicit one, when shown)
 * prints: a constant of the result type bare, anything else in
 * parentheses. */
void GetCoercionExpr(Node *arg, DeparseContext *ctx, Oid resulttype, int32 resulttypmod,
					 Node *parent)
{
	if (arg != nullptr && IsA(arg, Const) &&
		reinterpret_cast<Const *>(arg)->consttype == resulttype &&
		reinterpret_cast<Const *>(arg)->consttypmod == -1)
		GetConstExpr(reinterpret_cast<Const *>(arg), ctx, -1);
	else
	{
		OpenParen(ctx);
		GetRuleExprParen(arg, ctx, false, parent);
		CloseParen(ctx);
	}
	ctx->buf += "::";
	ctx->buf += format_type_with_typemod(resulttype, resulttypmod);
}

void GetExprList(List *args, DeparseContext *ctx, bool showimplicit)
{
	ListCell *lc;
	bool first = true;
	foreach (lc, args)
	{
		if (!first)
			ctx->buf += ", ";
		first = false;
		GetRuleExpr(static_cast<Node *>(lfirst(lc)), ctx, showimplicit);
	}
}

void GetOperExpr(OpExpr *expr, DeparseContext *ctx)
{
	Node *parent = reinterpret_cast<Node *>(expr);
	OpenParen(ctx);
	if (list_length(expr->args) == 2)
	{
		GetRuleExprParen(static_cast<Node *>(linitial(expr->args)), ctx, true, parent);
		ctx->buf += ' ';
		ctx->buf += OperatorName(expr->opno);
		ctx->buf += ' ';
		GetRuleExprParen(static_cast<Node *>(lsecond(expr->args)), ctx, true, parent);
	}
	else
	{
		/* A prefix operator. */
		ctx->buf += OperatorName(expr->opno) + " ";
		GetRuleExprParen(static_cast<Node *>(linitial(expr->args)), ctx, true, parent);
	}
	CloseParen(ctx);
}

void GetFuncExpr(FuncExpr *expr, DeparseContext *ctx, bool showimplicit)
{
	/* A cast written as one, or inserted by the analyzer. */
	if (expr->funcformat == COERCE_IMPLICIT_CAST && !showimplicit)
	{
		GetRuleExprParen(static_cast<Node *>(linitial(expr->args)), ctx, false,
						 reinterpret_cast<Node *>(expr));
		return;
	}
	if (expr->funcformat == COERCE_EXPLICIT_CAST || expr->funcformat == COERCE_IMPLICIT_CAST)
	{
		/* A length coercion's second argument is the typmod. */
		int32 typmod = -1;
		if (list_length(expr->args) >= 2 && IsA(lsecond(expr->args), Const))
		{
			Const *c = static_cast<Const *>(lsecond(expr->args));
			if (!c->constisnull && c->consttype == INT4OID)
				typmod = DatumGetInt32(c->constvalue);
		}
		GetCoercionExpr(static_cast<Node *>(linitial(expr->args)), ctx, expr->funcresulttype,
						typmod, reinterpret_cast<Node *>(expr));
		return;
	}
	/* Tusk's analyzer turns CURRENT_USER and its kin into calls of the
	 * functions that compute them, marked as SQL syntax: print the
	 * syntax (CURRENT_ROLE and USER come back as CURRENT_USER). */
	if (expr->funcformat == COERCE_SQL_SYNTAX && expr->args == NIL)
	{
		switch (expr->funcid)
		{
			case F_CURRENT_USER:
				ctx->buf += "CURRENT_USER";
				return;
			case F_SESSION_USER:
				ctx->buf += "SESSION_USER";
				return;
			case F_CURRENT_DATABASE:
				ctx->buf += "CURRENT_CATALOG";
				return;
			case F_CURRENT_SCHEMA:
				ctx->buf += "CURRENT_SCHEMA";
				return;
			default:
				break;
		}
	}
	ctx->buf += FunctionName(expr->funcid) + "(";
	ListCell *lc;
	foreach (lc, expr->args)
	{
		if (lc != list_head(expr->args))
			ctx->buf += ", ";
		/* the array of a VARIADIC call's last parameter */
		if (expr->funcvariadic && lnext(expr->args, lc) == nullptr)
			ctx->buf += "VARIADIC ";
		GetRuleExpr(static_cast<Node *>(lfirst(lc)), ctx, true);
	}
	ctx->buf += ")";
}

/* ORDER BY items of an aggregate call, by their sort operators. */
void GetAggOrderBy(List *aggorder, List *targets, DeparseContext *ctx)
{
	ListCell *lc;
	bool first = true;
	foreach (lc, aggorder)
	{
		SortGroupClause *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		TargetEntry *tle = nullptr;
		ListCell *lc2;
		foreach (lc2, targets)
		{
			TargetEntry *t = static_cast<TargetEntry *>(lfirst(lc2));
			if (t->ressortgroupref == sgc->tleSortGroupRef)
				tle = t;
		}
		if (tle == nullptr)
			elog(ERROR, "ORDER/GROUP BY expression not found in targetlist");
		if (!first)
			ctx->buf += ", ";
		first = false;
		/* Function-like items are parenthesized, lest they misparse (as
		 * PostgreSQL's get_rule_sortgroupclause does). */
		Node *item = reinterpret_cast<Node *>(tle->expr);
		bool paren = IsA(item, FuncExpr) || IsA(item, Aggref) || IsA(item, WindowFunc);
		if (paren)
			ctx->buf += "(";
		GetRuleExpr(item, ctx, true);
		if (paren)
			ctx->buf += ")";
		std::string op = OperatorName(sgc->sortop);
		bool desc = op == ">";
		if (desc)
			ctx->buf += " DESC";
		else if (op != "<")
			ctx->buf += " USING " + op;
		if (sgc->nulls_first && !desc)
			ctx->buf += " NULLS FIRST";
		else if (!sgc->nulls_first && desc)
			ctx->buf += " NULLS LAST";
	}
}

void GetAggExpr(Aggref *agg, DeparseContext *ctx)
{
	ctx->buf += FunctionName(agg->aggfnoid) + "(";
	if (agg->aggkind != 'n')
	{
		/* f(direct args) WITHIN GROUP (ORDER BY aggregated args) */
		GetExprList(agg->aggdirectargs, ctx, true);
		ctx->buf += ") WITHIN GROUP (ORDER BY ";
		GetAggOrderBy(agg->aggorder, agg->args, ctx);
		ctx->buf += ")";
		if (agg->aggfilter != nullptr)
		{
			ctx->buf += " FILTER (WHERE ";
			GetRuleExpr(reinterpret_cast<Node *>(agg->aggfilter), ctx, false);
			ctx->buf += ")";
		}
		return;
	}
	if (agg->aggdistinct != NIL)
		ctx->buf += "DISTINCT ";
	if (agg->aggstar)
		ctx->buf += "*";
	else
	{
		ListCell *lc;
		bool first = true;
		foreach (lc, agg->args)
		{
			TargetEntry *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (tle->resjunk)
				continue;
			if (!first)
				ctx->buf += ", ";
			first = false;
			GetRuleExpr(reinterpret_cast<Node *>(tle->expr), ctx, true);
		}
		if (agg->aggorder != NIL)
		{
			ctx->buf += " ORDER BY ";
			GetAggOrderBy(agg->aggorder, agg->args, ctx);
		}
	}
	ctx->buf += ")";
	if (agg->aggfilter != nullptr)
	{
		ctx->buf += " FILTER (WHERE ";
		GetRuleExpr(reinterpret_cast<Node *>(agg->aggfilter), ctx, false);
		ctx->buf += ")";
	}
}

/* A parameter's referent expr, evaluated by ancestor number from of
 * the current plan: its columns qualified (they belong to another plan
 * node than the one printed), in parentheses unless simple. */
void PrintParamReferent(Node *expr, List *ancestors, int from, DeparseContext *ctx)
{
	SavedNamespace saved = PushAncestorPlan(ctx->dpns, ancestors, from);
	bool save_varprefix = ctx->varprefix;
	ctx->varprefix = true;
	bool paren = !(IsA(expr, Var) || IsA(expr, Aggref) || IsA(expr, GroupingFunc) ||
				   IsA(expr, Param));
	if (paren)
		ctx->buf += '(';
	GetRuleExpr(expr, ctx, false);
	if (paren)
		ctx->buf += ')';
	ctx->varprefix = save_varprefix;
	PopPlan(ctx->dpns, saved);
}

/* The expression that sets PARAM_EXEC param in an ancestor: a NestLoop
 * passing it to its inner side, or the SubPlan whose plan reads it.
 * Prints it and returns true, or returns false. */
bool GetParamReferent(Param *param, DeparseContext *ctx)
{
	DeparseNamespace *dpns = ctx->dpns;
	if (dpns == nullptr || dpns->plan == nullptr)
		return false;
	Node *child = reinterpret_cast<Node *>(dpns->plan);
	List *ancestors = dpns->ancestors;
	for (int i = 0; i < list_length(ancestors); i++)
	{
		Node *ancestor = static_cast<Node *>(list_nth(ancestors, i));
		if (IsA(ancestor, NestLoop) &&
			child == reinterpret_cast<Node *>(innerPlan(reinterpret_cast<Plan *>(ancestor))))
		{
			ListCell *lc;
			foreach (lc, reinterpret_cast<NestLoop *>(ancestor)->nestParams)
			{
				NestLoopParam *nlp = static_cast<NestLoopParam *>(lfirst(lc));
				if (nlp->paramno != param->paramid)
					continue;
				PrintParamReferent(reinterpret_cast<Node *>(nlp->paramval), ancestors, i, ctx);
				return true;
			}
		}
		if (IsA(ancestor, SubPlan))
		{
			SubPlan *sp = reinterpret_cast<SubPlan *>(ancestor);
			for (int k = 0; k < list_length(sp->parParam) && k < list_length(sp->args); k++)
			{
				if (list_nth_int(sp->parParam, k) != param->paramid)
					continue;
				/* The argument reads the row of the plan node that calls
				 * the subplan: the next ancestor that is a plan. */
				for (int j = i + 1; j < list_length(ancestors); j++)
				{
					if (IsA(static_cast<Node *>(list_nth(ancestors, j)), SubPlan))
						continue;
					PrintParamReferent(static_cast<Node *>(list_nth(sp->args, k)), ancestors, j,
									   ctx);
					return true;
				}
			}
		}
		child = ancestor;
	}
	return false;
}

const char *SQLValueFunctionName(SQLValueFunction *svf)
{
	switch (svf->op)
	{
		case SVFOP_CURRENT_DATE:
			return "CURRENT_DATE";
		case SVFOP_CURRENT_TIME:
		case SVFOP_CURRENT_TIME_N:
			return "CURRENT_TIME";
		case SVFOP_CURRENT_TIMESTAMP:
		case SVFOP_CURRENT_TIMESTAMP_N:
			return "CURRENT_TIMESTAMP";
		case SVFOP_LOCALTIME:
		case SVFOP_LOCALTIME_N:
			return "LOCALTIME";
		case SVFOP_LOCALTIMESTAMP:
		case SVFOP_LOCALTIMESTAMP_N:
			return "LOCALTIMESTAMP";
		case SVFOP_CURRENT_ROLE:
			return "CURRENT_ROLE";
		case SVFOP_CURRENT_USER:
			return "CURRENT_USER";
		case SVFOP_USER:
			return "USER";
		case SVFOP_SESSION_USER:
			return "SESSION_USER";
		case SVFOP_CURRENT_CATALOG:
			return "CURRENT_CATALOG";
		case SVFOP_CURRENT_SCHEMA:
			return "CURRENT_SCHEMA";
	}
	return "?";
}

void GetRuleExpr(Node *node, DeparseContext *ctx, bool showimplicit)
{
	if (node == nullptr)
		return;
	check_stack_depth();
	switch (nodeTag(node))
	{
		case T_Var:
			GetVariable(reinterpret_cast<Var *>(node), ctx);
			break;
		case T_Const:
			GetConstExpr(reinterpret_cast<Const *>(node), ctx, 0);
			break;
		case T_Param:
		{
			Param *param = reinterpret_cast<Param *>(node);
			if (param->paramkind == PARAM_EXEC && GetParamReferent(param, ctx))
				break;
			ctx->buf += '$';
			ctx->buf += std::to_string(param->paramid);
			break;
		}
		case T_Aggref:
			GetAggExpr(reinterpret_cast<Aggref *>(node), ctx);
			break;
		case T_WindowFunc:
		{
			/* In a plan the window's definition is not at hand: PostgreSQL
			 * 15 prints OVER (?) (views with windows are not deparsed yet). */
			WindowFunc *wfunc = reinterpret_cast<WindowFunc *>(node);
			ctx->buf += FunctionName(wfunc->winfnoid) + "(";
			if (wfunc->winstar)
				ctx->buf += "*";
			else
				GetExprList(wfunc->args, ctx, true);
			ctx->buf += ")";
			if (wfunc->aggfilter != nullptr)
			{
				ctx->buf += " FILTER (WHERE ";
				GetRuleExpr(reinterpret_cast<Node *>(wfunc->aggfilter), ctx, false);
				ctx->buf += ")";
			}
			ctx->buf += " OVER (?)";
			break;
		}
		case T_FuncExpr:
			GetFuncExpr(reinterpret_cast<FuncExpr *>(node), ctx, showimplicit);
			break;
		case T_OpExpr:
			GetOperExpr(reinterpret_cast<OpExpr *>(node), ctx);
			break;
		case T_DistinctExpr:
		{
			DistinctExpr *expr = reinterpret_cast<DistinctExpr *>(node);
			OpenParen(ctx);
			GetRuleExprParen(static_cast<Node *>(linitial(expr->args)), ctx, true, node);
			ctx->buf += " IS DISTINCT FROM ";
			GetRuleExprParen(static_cast<Node *>(lsecond(expr->args)), ctx, true, node);
			CloseParen(ctx);
			break;
		}
		case T_NullIfExpr:
		{
			NullIfExpr *expr = reinterpret_cast<NullIfExpr *>(node);
			ctx->buf += "NULLIF(";
			GetExprList(expr->args, ctx, true);
			ctx->buf += ")";
			break;
		}
		case T_ScalarArrayOpExpr:
		{
			ScalarArrayOpExpr *expr = reinterpret_cast<ScalarArrayOpExpr *>(node);
			OpenParen(ctx);
			GetRuleExprParen(static_cast<Node *>(linitial(expr->args)), ctx, true, node);
			ctx->buf += ' ';
			ctx->buf += OperatorName(expr->opno);
			ctx->buf += expr->useOr ? " ANY (" : " ALL (";
			GetRuleExprParen(static_cast<Node *>(lsecond(expr->args)), ctx, true, node);
			ctx->buf += ")";
			CloseParen(ctx);
			break;
		}
		case T_BoolExpr:
		{
			BoolExpr *expr = reinterpret_cast<BoolExpr *>(node);
			if (expr->boolop == NOT_EXPR)
			{
				OpenParen(ctx);
				ctx->buf += "NOT ";
				GetRuleExprParen(static_cast<Node *>(linitial(expr->args)), ctx, false, node);
				CloseParen(ctx);
				break;
			}
			const char *sep = expr->boolop == AND_EXPR ? " AND " : " OR ";
			OpenParen(ctx);
			ListCell *lc;
			bool first = true;
			foreach (lc, expr->args)
			{
				if (!first)
					ctx->buf += sep;
				first = false;
				GetRuleExprParen(static_cast<Node *>(lfirst(lc)), ctx, false, node);
			}
			CloseParen(ctx);
			break;
		}
		case T_RelabelType:
		{
			RelabelType *expr = reinterpret_cast<RelabelType *>(node);
			if (expr->relabelformat == COERCE_IMPLICIT_CAST && !showimplicit)
				GetRuleExprParen(reinterpret_cast<Node *>(expr->arg), ctx, false, node);
			else
				GetCoercionExpr(reinterpret_cast<Node *>(expr->arg), ctx, expr->resulttype,
								expr->resulttypmod, node);
			break;
		}
		case T_CollateExpr:
		{
			/* Tusk's collations all live in pg_catalog, always visible */
			CollateExpr *expr = reinterpret_cast<CollateExpr *>(node);
			OpenParen(ctx);
			GetRuleExprParen(reinterpret_cast<Node *>(expr->arg), ctx, showimplicit, node);
			ctx->buf += " COLLATE ";
			char *name = get_collation_name(expr->collOid);
			ctx->buf += quote_identifier(name != nullptr ? name : "???");
			CloseParen(ctx);
			break;
		}
		case T_ArrayCoerceExpr:
		{
			ArrayCoerceExpr *expr = reinterpret_cast<ArrayCoerceExpr *>(node);
			if (expr->coerceformat == COERCE_IMPLICIT_CAST && !showimplicit)
				GetRuleExprParen(reinterpret_cast<Node *>(expr->arg), ctx, false, node);
			else
				GetCoercionExpr(reinterpret_cast<Node *>(expr->arg), ctx, expr->resulttype,
								expr->resulttypmod, node);
			break;
		}
		case T_CoerceViaIO:
		{
			CoerceViaIO *expr = reinterpret_cast<CoerceViaIO *>(node);
			if (expr->coerceformat == COERCE_IMPLICIT_CAST && !showimplicit)
				GetRuleExprParen(reinterpret_cast<Node *>(expr->arg), ctx, false, node);
			else
				GetCoercionExpr(reinterpret_cast<Node *>(expr->arg), ctx, expr->resulttype, -1,
								node);
			break;
		}
		case T_CaseExpr:
		{
			CaseExpr *expr = reinterpret_cast<CaseExpr *>(node);
			AppendContextKeyword(ctx, "CASE", 0, kPrettyIndentVar);
			if (expr->arg != nullptr)
			{
				ctx->buf += " ";
				GetRuleExpr(reinterpret_cast<Node *>(expr->arg), ctx, true);
			}
			ListCell *lc;
			foreach (lc, expr->args)
			{
				CaseWhen *when = static_cast<CaseWhen *>(lfirst(lc));
				if (!ctx->indent)
					ctx->buf += ' ';
				AppendContextKeyword(ctx, "WHEN ", 0, 0);
				GetRuleExpr(reinterpret_cast<Node *>(when->expr), ctx, false);
				ctx->buf += " THEN ";
				GetRuleExpr(reinterpret_cast<Node *>(when->result), ctx, true);
			}
			if (!ctx->indent)
				ctx->buf += ' ';
			AppendContextKeyword(ctx, "ELSE ", 0, 0);
			/* PostgreSQL's analyzer supplies the missing ELSE as a typed
			 * NULL, which it prints; Tusk leaves it out of the tree. */
			if (expr->defresult != nullptr)
				GetRuleExpr(reinterpret_cast<Node *>(expr->defresult), ctx, true);
			else
			{
				ctx->buf += "NULL::";
				ctx->buf += format_type_be(expr->casetype);
			}
			if (!ctx->indent)
				ctx->buf += ' ';
			AppendContextKeyword(ctx, "END", -kPrettyIndentVar, 0);
			break;
		}
		case T_ArrayExpr:
			ctx->buf += "ARRAY[";
			GetExprList(reinterpret_cast<ArrayExpr *>(node)->elements, ctx, true);
			ctx->buf += "]";
			break;
		case T_SubscriptingRef:
		{
			/* container[lower:upper]…, and " := value" for an assignment;
			 * the container in parentheses unless it is a column. */
			SubscriptingRef *sbsref = reinterpret_cast<SubscriptingRef *>(node);
			bool parens = !IsA(sbsref->refexpr, Var);
			if (parens)
				ctx->buf += '(';
			GetRuleExpr(reinterpret_cast<Node *>(sbsref->refexpr), ctx, true);
			if (parens)
				ctx->buf += ')';
			ListCell *lower = list_head(sbsref->reflowerindexpr);
			ListCell *lc;
			foreach (lc, sbsref->refupperindexpr)
			{
				ctx->buf += '[';
				if (lower != nullptr)
				{
					if (lfirst(lower) != nullptr)
						GetRuleExpr(static_cast<Node *>(lfirst(lower)), ctx, false);
					ctx->buf += ':';
					lower = lnext(sbsref->reflowerindexpr, lower);
				}
				if (lfirst(lc) != nullptr)
					GetRuleExpr(static_cast<Node *>(lfirst(lc)), ctx, false);
				ctx->buf += ']';
			}
			if (sbsref->refassgnexpr != nullptr)
			{
				ctx->buf += " := ";
				GetRuleExpr(reinterpret_cast<Node *>(sbsref->refassgnexpr), ctx, false);
			}
			break;
		}
		case T_CoalesceExpr:
			ctx->buf += "COALESCE(";
			GetExprList(reinterpret_cast<CoalesceExpr *>(node)->args, ctx, true);
			ctx->buf += ")";
			break;
		case T_MinMaxExpr:
		{
			MinMaxExpr *expr = reinterpret_cast<MinMaxExpr *>(node);
			ctx->buf += expr->op == IS_GREATEST ? "GREATEST(" : "LEAST(";
			GetExprList(expr->args, ctx, true);
			ctx->buf += ")";
			break;
		}
		case T_NullTest:
		{
			NullTest *nt = reinterpret_cast<NullTest *>(node);
			OpenParen(ctx);
			GetRuleExprParen(reinterpret_cast<Node *>(nt->arg), ctx, true, node);
			ctx->buf += nt->nulltesttype == IS_NULL ? " IS NULL" : " IS NOT NULL";
			CloseParen(ctx);
			break;
		}
		case T_BooleanTest:
		{
			BooleanTest *bt = reinterpret_cast<BooleanTest *>(node);
			static const char *const kTests[] = {" IS TRUE",	" IS NOT TRUE",
												 " IS FALSE",	" IS NOT FALSE",
												 " IS UNKNOWN", " IS NOT UNKNOWN"};
			OpenParen(ctx);
			GetRuleExprParen(reinterpret_cast<Node *>(bt->arg), ctx, false, node);
			ctx->buf += kTests[bt->booltesttype];
			CloseParen(ctx);
			break;
		}
		case T_NamedArgExpr:
		{
			NamedArgExpr *na = reinterpret_cast<NamedArgExpr *>(node);
			ctx->buf += quote_identifier(na->name);
			ctx->buf += " => ";
			GetRuleExpr(reinterpret_cast<Node *>(na->arg), ctx, showimplicit);
			break;
		}
		case T_SubPlan:
		{
			/* The subplan is printed elsewhere in EXPLAIN's output. */
			SubPlan *sp = reinterpret_cast<SubPlan *>(node);
			ctx->buf += sp->useHashTable ? "(hashed " : "(";
			ctx->buf += sp->plan_name != nullptr ? sp->plan_name
												 : "SubPlan " + std::to_string(sp->plan_id);
			ctx->buf += ")";
			break;
		}
		case T_SubLink:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("deparsing a subquery is not supported yet"));
			break;
		case T_RowExpr:
		{
			RowExpr *row = reinterpret_cast<RowExpr *>(node);
			ctx->buf += "ROW(";
			GetExprList(row->args, ctx, true);
			ctx->buf += ")";
			if (row->row_format == COERCE_EXPLICIT_CAST)
				ctx->buf += "::" + std::string(format_type_with_typemod(row->row_typeid, -1));
			break;
		}
		case T_FieldSelect:
		{
			/* (arg).field — the parentheses keep a Var's name from reading
			 * as a table name */
			FieldSelect *fs = reinterpret_cast<FieldSelect *>(node);
			Node *arg = reinterpret_cast<Node *>(fs->arg);
			bool parens = !IsA(arg, SubscriptingRef) && !IsA(arg, FieldSelect);
			if (parens)
				ctx->buf += "(";
			GetRuleExpr(arg, ctx, true);
			if (parens)
				ctx->buf += ")";
			/* (built piecewise: GCC 12 at -O3 warns falsely on "f" + string) */
			std::string field = "f";
			field += std::to_string(fs->fieldnum);
			if (IsA(arg, RowExpr) && reinterpret_cast<RowExpr *>(arg)->colnames != NIL &&
				fs->fieldnum <= list_length(reinterpret_cast<RowExpr *>(arg)->colnames))
				field = strVal(
					list_nth(reinterpret_cast<RowExpr *>(arg)->colnames, fs->fieldnum - 1));
			else if (TupleDesc desc = lookup_rowtype_tupdesc_noerror(exprType(arg),
																	 exprTypmod(arg));
					 desc != nullptr && fs->fieldnum <= desc->natts)
				field = NameStr(TupleDescAttr(desc, fs->fieldnum - 1)->attname);
			ctx->buf += ".";
			ctx->buf += quote_identifier(field.c_str());
			break;
		}
		case T_RowCompareExpr:
		{
			/* the first pair's operator stands for all of them */
			RowCompareExpr *rc = reinterpret_cast<RowCompareExpr *>(node);
			ctx->buf += "(ROW(";
			GetExprList(rc->largs, ctx, true);
			ctx->buf += ") " + OperatorName(linitial_oid(rc->opnos)) + " ROW(";
			GetExprList(rc->rargs, ctx, true);
			ctx->buf += "))";
			break;
		}
		case T_SQLValueFunction:
		{
			SQLValueFunction *svf = reinterpret_cast<SQLValueFunction *>(node);
			ctx->buf += SQLValueFunctionName(svf);
			if (svf->typmod >= 0 &&
				(svf->op == SVFOP_CURRENT_TIME_N || svf->op == SVFOP_CURRENT_TIMESTAMP_N ||
				 svf->op == SVFOP_LOCALTIME_N || svf->op == SVFOP_LOCALTIMESTAMP_N))
			{
				ctx->buf += '(';
				ctx->buf += std::to_string(svf->typmod);
				ctx->buf += ')';
			}
			break;
		}
		case T_SetToDefault:
			ctx->buf += "DEFAULT";
			break;
		case T_CurrentOfExpr:
			ctx->buf += "CURRENT OF ";
			ctx->buf += quote_identifier(reinterpret_cast<CurrentOfExpr *>(node)->cursor_name);
			break;
		case T_GroupingFunc:
			ctx->buf += "GROUPING(";
			GetExprList(reinterpret_cast<GroupingFunc *>(node)->args, ctx, true);
			ctx->buf += ")";
			break;
		case T_TargetEntry:
			GetRuleExpr(reinterpret_cast<Node *>(reinterpret_cast<TargetEntry *>(node)->expr), ctx,
						showimplicit);
			break;
		case T_List:
			GetExprList(reinterpret_cast<List *>(node), ctx, showimplicit);
			break;
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("deparsing %s is not supported yet", nodeTagName(nodeTag(node))));
	}
}

DeparseNamespace *NamespaceOf(List *dpcontext)
{
	return dpcontext != NIL ? static_cast<DeparseNamespace *>(linitial(dpcontext)) : nullptr;
}

/* The text of expr, pretty or not. */
char *DeparseExpressionPretty(Node *expr, List *dpcontext, bool forceprefix, bool showimplicit,
							  bool pretty, bool indent)
{
	DeparseContext ctx;
	ctx.indent = indent;
	ctx.indent_level = 0;
	ctx.dpns = NamespaceOf(dpcontext);
	ctx.varprefix = forceprefix;
	ctx.showimplicit = showimplicit;
	ctx.pretty = pretty;
	GetRuleExpr(expr, &ctx, showimplicit);
	return pstrdup(ctx.buf.c_str());
}

/* pg_get_expr's work: NULL when relid names no relation. */
Datum GetExprWorker(FunctionCallInfo fcinfo, bool pretty)
{
	text *expr = PG_GETARG_TEXT_PP(0);
	Oid relid = PG_GETARG_OID(1);
	List *context = NIL;
	if (OidIsValid(relid))
	{
		char *relname = get_rel_name(relid);
		if (relname == nullptr)
			PG_RETURN_NULL();
		context = deparse_context_for(relname, relid);
	}
	Node *node = static_cast<Node *>(stringToNode(text_to_cstring(expr)));
	/* A CHECK constraint or index predicate is an implicit-AND list. */
	if (node != nullptr && IsA(node, List) && list_length(reinterpret_cast<List *>(node)) > 1)
		node = reinterpret_cast<Node *>(makeBoolExpr(AND_EXPR, reinterpret_cast<List *>(node), -1));
	else if (node != nullptr && IsA(node, List) && list_length(reinterpret_cast<List *>(node)) == 1)
		node = static_cast<Node *>(linitial(reinterpret_cast<List *>(node)));
	/* pg_get_expr always indents (PostgreSQL's PRETTYFLAG_INDENT). */
	char *str = DeparseExpressionPretty(node, context, false, false, pretty, true);
	PG_RETURN_TEXT_P(cstring_to_text(str));
}

}  // namespace

char *deparse_expression(Node *expr, List *dpcontext, bool forceprefix, bool showimplicit)
{
	return DeparseExpressionPretty(expr, dpcontext, forceprefix, showimplicit, false, false);
}

List *deparse_context_for(const char *aliasname, Oid relid)
{
	RangeTblEntry *rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_RELATION;
	rte->relid = relid;
	rte->relkind = 'r';
	rte->eref = makeNode(Alias);
	rte->eref->aliasname = pstrdup(aliasname);
	DeparseNamespace *dpns = static_cast<DeparseNamespace *>(palloc0(sizeof(DeparseNamespace)));
	dpns->rtable = list_make1(rte);
	dpns->rtable_names = list_make1(pstrdup(aliasname));
	return list_make1(dpns);
}

List *select_rtable_names_for_explain(List *rtable, Bitmapset *rels_used)
{
	List *names = NIL;
	List *used = NIL; /* names taken so far */
	int rti = 0;
	ListCell *lc;
	foreach (lc, rtable)
	{
		RangeTblEntry *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		rti++;
		char *name = nullptr;
		if (bms_is_member(rti, rels_used))
		{
			if (rte->alias != nullptr)
				name = rte->alias->aliasname;
			else if (rte->rtekind == RTE_RELATION)
				name = get_rel_name(rte->relid);
			else if (rte->eref != nullptr)
				name = rte->eref->aliasname;
		}
		if (name != nullptr)
		{
			/* PostgreSQL's rule: a taken name gets _1, _2 … appended. */
			auto taken = [&](const char *candidate) {
				ListCell *u;
				foreach (u, used)
					if (strcmp(static_cast<char *>(lfirst(u)), candidate) == 0)
						return true;
				return false;
			};
			if (taken(name))
			{
				for (int i = 1;; i++)
				{
					char *candidate = psprintf("%s_%d", name, i);
					if (!taken(candidate))
					{
						name = candidate;
						break;
					}
				}
			}
			used = lappend(used, name);
		}
		names = lappend(names, name);
	}
	return names;
}

List *deparse_context_for_plan_tree(PlannedStmt *pstmt, List *rtable_names)
{
	DeparseNamespace *dpns = static_cast<DeparseNamespace *>(palloc0(sizeof(DeparseNamespace)));
	dpns->rtable = pstmt->rtable;
	dpns->rtable_names = rtable_names;
	dpns->pstmt = pstmt;
	return list_make1(dpns);
}

List *set_deparse_context_plan(List *dpcontext, Plan *plan, List *ancestors)
{
	DeparseNamespace *dpns = NamespaceOf(dpcontext);
	dpns->ancestors = ancestors;
	SetDeparsePlan(dpns, plan);
	return dpcontext;
}

const char *get_rtable_name(int rti, List *dpcontext)
{
	DeparseNamespace *dpns = NamespaceOf(dpcontext);
	if (dpns == nullptr || rti <= 0 || rti > list_length(dpns->rtable_names))
		return nullptr;
	return static_cast<const char *>(list_nth(dpns->rtable_names, rti - 1));
}

/* pg_get_expr(expr pg_node_tree, relid oid) */
Datum pg_get_expr(PG_FUNCTION_ARGS)
{
	return GetExprWorker(fcinfo, false);
}

/* pg_get_expr(expr pg_node_tree, relid oid, pretty bool) */
Datum pg_get_expr_ext(PG_FUNCTION_ARGS)
{
	return GetExprWorker(fcinfo, PG_GETARG_BOOL(2));
}

/* ---- views: pg_get_viewdef ---- */

namespace {

/* A view's query back to SQL, in PostgreSQL's layout for pg_get_viewdef
 * (always PRETTYFLAG_INDENT: one output column per line, clauses on
 * lines of their own).  Handles a plain SELECT over tables and their
 * inner, left and cross joins; other shapes (subqueries, set operations,
 * WITH, sublinks) are 0A000 for now. */
class ViewDeparser
{
  public:
	/* wrap_column: PostgreSQL's wrapColumn, where list items (output
	 * columns, FROM items) start a new line: 0 puts each on its own. */
	ViewDeparser(Query *query, bool pretty, int wrap_column = 0)
		: query_(query), wrap_column_(wrap_column)
	{
		ctx_.indent = true;
		/* The clauses' level under SELECT (PostgreSQL's PRETTYINDENT_STD):
		 * a CASE in the select list or WHERE is indented from it. */
		ctx_.indent_level = kPrettyIndentStd;
		ctx_.varprefix = true;
		ctx_.showimplicit = false;
		ctx_.pretty = pretty;
		ctx_.dpns = &dpns_;
		dpns_ = DeparseNamespace{};
	}

	std::string Deparse()
	{
		if (query_->commandType != CMD_SELECT || query_->setOperations != nullptr ||
			query_->cteList != NIL || query_->hasSubLinks || query_->windowClause != NIL ||
			query_->groupingSets != NIL)
			NotYet();
		SetNames();
		std::string &buf = ctx_.buf;
		buf += " SELECT";
		if (query_->distinctClause != NIL)
		{
			if (query_->hasDistinctOn)
			{
				buf += " DISTINCT ON (";
				AppendSortGroupList(query_->distinctClause, ", ");
				buf += ")";
			}
			else
				buf += " DISTINCT";
		}
		ListCell *lc;
		bool first = true;
		bool last_multiline = false;
		foreach (lc, query_->targetList)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (tle->resjunk)
				continue;
			buf += first ? " " : ", ";
			/* The item on its own, to decide whether it starts a line. */
			std::string saved = std::move(ctx_.buf);
			ctx_.buf.clear();
			Node *expr = reinterpret_cast<Node *>(tle->expr);
			GetRuleExpr(expr, &ctx_, true);
			/* A whole row is cast to its type, lest t.* read as t's columns. */
			if (IsA(expr, Var) && reinterpret_cast<Var *>(expr)->varattno == 0 &&
				reinterpret_cast<Var *>(expr)->vartype != RECORDOID)
			{
				ctx_.buf += "::";
				ctx_.buf += format_type_be(reinterpret_cast<Var *>(expr)->vartype);
			}
			/* A column keeps its name unless renamed (PostgreSQL's
			 * get_target_list). */
			std::string attname;
			if (IsA(expr, Var) && reinterpret_cast<Var *>(expr)->varattno > 0)
			{
				Var *var = reinterpret_cast<Var *>(expr);
				attname = ColumnName(static_cast<RangeTblEntry *>(
										 list_nth(query_->rtable, var->varno - 1)),
									 var->varattno);
			}
			if (tle->resname != nullptr && attname != tle->resname)
			{
				ctx_.buf += " AS ";
				ctx_.buf += quote_identifier(tle->resname);
			}
			std::string item = std::move(ctx_.buf);
			ctx_.buf = std::move(saved);
			AppendWrapped(item, !first, last_multiline);
			last_multiline = item.find('\n', 1) != std::string::npos;
			first = false;
		}
		first = true;
		foreach (lc, query_->jointree->fromlist)
		{
			if (first)
			{
				buf += "\n   FROM ";
				AppendFromItem(static_cast<Node *>(lfirst(lc)));
				first = false;
				continue;
			}
			buf += ", ";
			std::string saved = std::move(ctx_.buf);
			ctx_.buf.clear();
			AppendFromItem(static_cast<Node *>(lfirst(lc)));
			std::string item = std::move(ctx_.buf);
			ctx_.buf = std::move(saved);
			AppendWrapped(item, true, false);
		}
		if (query_->jointree->quals != nullptr)
		{
			buf += "\n  WHERE ";
			AppendQual(query_->jointree->quals);
		}
		if (query_->groupClause != NIL)
		{
			buf += "\n  GROUP BY ";
			AppendSortGroupList(query_->groupClause, ", ");
		}
		if (query_->havingQual != nullptr)
		{
			buf += "\n HAVING ";
			AppendQual(query_->havingQual);
		}
		if (query_->sortClause != NIL)
		{
			buf += "\n  ORDER BY ";
			AppendSortGroupList(query_->sortClause, ", ", true);
		}
		if (query_->limitOffset != nullptr)
		{
			buf += "\n OFFSET ";
			GetRuleExpr(query_->limitOffset, &ctx_, false);
		}
		if (query_->limitCount != nullptr)
		{
			buf += "\n LIMIT ";
			if (IsA(query_->limitCount, Const) &&
				reinterpret_cast<Const *>(query_->limitCount)->constisnull)
				buf += "ALL";
			else
				GetRuleExpr(query_->limitCount, &ctx_, false);
		}
		buf += ';';
		return buf;
	}

  private:
	[[noreturn]] static void NotYet()
	{
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("pg_get_viewdef of views other than a plain SELECT from tables and "
					   "joins is not supported yet"));
	}

	/* A list item after the first goes on a new line (indented under
	 * the clause) when it would pass the wrap column or the one before
	 * it took several lines (PostgreSQL's get_target_list and
	 * get_from_clause); a negative wrap column never wraps. */
	void AppendWrapped(const std::string &item, bool not_first, bool last_multiline)
	{
		std::string &buf = ctx_.buf;
		size_t line_start = buf.rfind('\n');
		line_start = line_start == std::string::npos ? 0 : line_start + 1;
		size_t line_len = buf.size() - line_start;
		if (!item.empty() && item[0] == '\n')
		{
			/* An item that starts its own line (a CASE) goes as it is. */
			while (!buf.empty() && buf.back() == ' ')
				buf.pop_back();
		}
		else if (wrap_column_ >= 0 && not_first &&
				 (line_len + item.size() > static_cast<size_t>(wrap_column_) || last_multiline))
		{
			while (!buf.empty() && buf.back() == ' ')
				buf.pop_back();
			buf += "\n    ";
		}
		buf += item;
	}

	/* Each range-table entry's name, made unique as PostgreSQL's
	 * set_rtable_names does (t, t_1, …). */
	void SetNames()
	{
		dpns_.rtable = query_->rtable;
		std::vector<std::string> used;
		ListCell *lc;
		foreach (lc, query_->rtable)
		{
			auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
			if (rte->rtekind == RTE_JOIN && rte->alias == nullptr)
			{
				/* An unnamed join has no name to print. */
				dpns_.rtable_names = lappend(dpns_.rtable_names, nullptr);
				continue;
			}
			bool function = rte->rtekind == RTE_FUNCTION && list_length(rte->functions) == 1 &&
				!rte->funcordinality;
			if (rte->rtekind != RTE_RELATION && !function)
				NotYet();
			std::string name = rte->alias != nullptr ? rte->alias->aliasname
				: function							 ? rte->eref->aliasname
													 : std::string(get_rel_name(rte->relid));
			std::string unique = name;
			for (int i = 1; std::find(used.begin(), used.end(), unique) != used.end(); i++)
				unique = name + "_" + std::to_string(i);
			used.push_back(unique);
			dpns_.rtable_names = lappend(dpns_.rtable_names, pstrdup(unique.c_str()));
		}
	}

	/* A FROM item: a table, a function, or a join (PostgreSQL's
	 * get_from_clause_item for the forms Tusk keeps: inner, left and cross
	 * joins with ON or USING, nested on the left). */
	void AppendFromItem(Node *item)
	{
		std::string &buf = ctx_.buf;
		if (IsA(item, RangeTblRef))
		{
			int rti = reinterpret_cast<RangeTblRef *>(item)->rtindex;
			auto *rte = static_cast<RangeTblEntry *>(list_nth(query_->rtable, rti - 1));
			const char *refname = static_cast<const char *>(list_nth(dpns_.rtable_names, rti - 1));
			if (rte->rtekind == RTE_FUNCTION)
			{
				/* A function, with every column's name (as PostgreSQL prints
				 * it, against changes of the function's parameter names). */
				auto *rtfunc = castNode(RangeTblFunction, linitial(rte->functions));
				GetRuleExpr(rtfunc->funcexpr, &ctx_, true);
				buf += ' ';
				buf += quote_identifier(refname);
				buf += '(';
				const char *sep = "";
				ListCell *c;
				foreach (c, rte->eref->colnames)
				{
					buf += sep;
					sep = ", ";
					buf += quote_identifier(strVal(lfirst(c)));
				}
				buf += ')';
				return;
			}
			buf += DatumGetCString(DirectFunctionCall1(regclassout, ObjectIdGetDatum(rte->relid)));
			if (rte->alias != nullptr || strcmp(get_rel_name(rte->relid), refname) != 0)
			{
				buf += ' ';
				buf += quote_identifier(refname);
			}
			return;
		}
		if (!IsA(item, JoinExpr))
			NotYet();
		JoinExpr *j = reinterpret_cast<JoinExpr *>(item);
		if (j->alias != nullptr || j->isNatural || j->join_using_alias != nullptr ||
			!IsA(j->rarg, RangeTblRef) || (j->jointype != JOIN_INNER && j->jointype != JOIN_LEFT))
			NotYet();
		if (!ctx_.pretty)
			buf += '(';
		AppendFromItem(j->larg);
		if (j->jointype == JOIN_LEFT)
			buf += "\n     LEFT JOIN ";
		else if (j->quals == nullptr && j->usingClause == NIL)
			buf += "\n     CROSS JOIN ";
		else
			buf += "\n     JOIN ";
		AppendFromItem(j->rarg);
		if (j->usingClause != NIL)
		{
			buf += " USING (";
			const char *s = "";
			ListCell *lc;
			foreach (lc, j->usingClause)
			{
				buf += s;
				s = ", ";
				buf += quote_identifier(strVal(lfirst(lc)));
			}
			buf += ')';
		}
		else if (j->quals != nullptr)
		{
			buf += " ON ";
			if (!ctx_.pretty)
				buf += '(';
			GetRuleExpr(j->quals, &ctx_, false);
			if (!ctx_.pretty)
				buf += ')';
		}
		if (!ctx_.pretty)
			buf += ')';
	}

	void AppendQual(Node *qual)
	{
		if (IsA(qual, List))
			qual = reinterpret_cast<Node *>(
				makeBoolExpr(AND_EXPR, reinterpret_cast<List *>(qual), -1));
		GetRuleExpr(qual, &ctx_, false);
	}

	/* GROUP BY, ORDER BY and DISTINCT ON items (PostgreSQL's
	 * get_rule_sortgroupclause), ORDER BY with its direction. */
	void AppendSortGroupList(List *clauses, const char *sep, bool sort = false)
	{
		const char *s = "";
		ListCell *lc;
		foreach (lc, clauses)
		{
			auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
			TargetEntry *tle = nullptr;
			ListCell *t;
			foreach (t, query_->targetList)
				if (static_cast<TargetEntry *>(lfirst(t))->ressortgroupref == sgc->tleSortGroupRef)
					tle = static_cast<TargetEntry *>(lfirst(t));
			if (tle == nullptr)
				elog(ERROR, "ORDER/GROUP BY expression not found in targetlist");
			ctx_.buf += s;
			s = sep;
			Node *expr = reinterpret_cast<Node *>(tle->expr);
			bool paren = !IsA(expr, Var) && !IsA(expr, Const) &&
				(ctx_.pretty || IsA(expr, FuncExpr) || IsA(expr, Aggref));
			if (paren)
				ctx_.buf += '(';
			GetRuleExpr(expr, &ctx_, true);
			if (paren)
				ctx_.buf += ')';
			if (!sort)
				continue;
			std::string op = OperatorName(sgc->sortop);
			if (op == "<")
			{
				if (sgc->nulls_first)
					ctx_.buf += " NULLS FIRST";
			}
			else if (op == ">")
			{
				ctx_.buf += " DESC";
				if (!sgc->nulls_first)
					ctx_.buf += " NULLS LAST";
			}
			else
			{
				ctx_.buf += " USING ";
				ctx_.buf += op;
				ctx_.buf += sgc->nulls_first ? " NULLS FIRST" : " NULLS LAST";
			}
		}
	}

	Query *query_;
	int wrap_column_;
	DeparseNamespace dpns_;
	DeparseContext ctx_;
};

Datum ViewDefinition(FunctionCallInfo fcinfo, Oid viewoid, bool pretty, int wrap_column = 0)
{
	if (get_rel_relkind(viewoid) != 'v')
		PG_RETURN_NULL();
	ViewDeparser deparser(get_view_query_by_oid(viewoid), pretty, wrap_column);
	std::string def = deparser.Deparse();
	PG_RETURN_TEXT_P(cstring_to_text(def.c_str()));
}

Oid ViewOidByName(text *name)
{
	return DatumGetObjectId(
		DirectFunctionCall1(regclassin, CStringGetDatum(text_to_cstring(name))));
}

}  // namespace

Datum pg_get_viewdef(PG_FUNCTION_ARGS)
{
	return ViewDefinition(fcinfo, PG_GETARG_OID(0), false);
}

Datum pg_get_viewdef_ext(PG_FUNCTION_ARGS)
{
	return ViewDefinition(fcinfo, PG_GETARG_OID(0), PG_GETARG_BOOL(1));
}

/* Pretty, with list items wrapped at the given column. */
Datum pg_get_viewdef_wrap(PG_FUNCTION_ARGS)
{
	return ViewDefinition(fcinfo, PG_GETARG_OID(0), true, PG_GETARG_INT32(1));
}

Datum pg_get_viewdef_name(PG_FUNCTION_ARGS)
{
	return ViewDefinition(fcinfo, ViewOidByName(PG_GETARG_TEXT_PP(0)), false);
}

Datum pg_get_viewdef_name_ext(PG_FUNCTION_ARGS)
{
	return ViewDefinition(fcinfo, ViewOidByName(PG_GETARG_TEXT_PP(0)), PG_GETARG_BOOL(1));
}

/* ---- rules: pg_get_ruledef ---- */

namespace {

/* A rule back to CREATE RULE, as PostgreSQL's make_ruledef prints it.
 * Tusk's only rules are views' ON SELECT DO INSTEAD rules ("_RETURN"),
 * whose query pg_get_viewdef prints; NULL for an unknown OID. */
Datum RuleDefinition(FunctionCallInfo fcinfo, Oid ruleoid, bool pretty)
{
	Relation pg_rewrite = relation_open(RewriteRelationId, AccessShareLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(pg_rewrite, snapshot);
	FormData_pg_rewrite rule{};
	bool found = false;
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
		if (reinterpret_cast<Form_pg_rewrite>(GETSTRUCT(t))->oid == ruleoid)
		{
			rule = *reinterpret_cast<Form_pg_rewrite>(GETSTRUCT(t));
			found = true;
			break;
		}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(pg_rewrite, AccessShareLock);
	if (!found)
		PG_RETURN_NULL();
	if (rule.ev_type != '1' || !rule.is_instead || get_rel_relkind(rule.ev_class) != 'v')
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("pg_get_ruledef of rules other than a view's ON SELECT rule is not "
					   "supported yet"));
	std::string buf = "CREATE RULE ";
	buf += quote_identifier(NameStr(rule.rulename));
	buf += " AS\n    ON SELECT TO ";
	std::string relname = quote_identifier(get_rel_name(rule.ev_class));
	if (!pretty || !RelationIsVisible(rule.ev_class))
	{
		buf += quote_identifier(get_namespace_name(get_rel_namespace(rule.ev_class)));
		buf += '.';
	}
	buf += relname;
	buf += " DO INSTEAD ";
	ViewDeparser deparser(get_view_query_by_oid(rule.ev_class), pretty);
	buf += deparser.Deparse();
	PG_RETURN_TEXT_P(cstring_to_text(buf.c_str()));
}

}  // namespace

Datum pg_get_ruledef(PG_FUNCTION_ARGS)
{
	return RuleDefinition(fcinfo, PG_GETARG_OID(0), false);
}

Datum pg_get_ruledef_ext(PG_FUNCTION_ARGS)
{
	return RuleDefinition(fcinfo, PG_GETARG_OID(0), PG_GETARG_BOOL(1));
}
