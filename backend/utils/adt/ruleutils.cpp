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
#include "parser/parser.h"
#include "rewrite/rewriteHandler.h"
#include "rewrite/rewriteManip.h"
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
	/* In a query (a view's): each range-table entry's RteColumns, parallel
	 * to rtable; NIL elsewhere (columns named from the catalogs). */
	List *rtable_columns;
};

/* The column names a query's range-table entry is printed with
 * (PostgreSQL's deparse_columns, without its renaming of clashing USING
 * columns): colnames[attnum - 1], and whether FROM lists them after the
 * entry's alias. */
struct RteColumns
{
	List *colnames; /* C strings; NULL for a dropped column */
	bool printaliases;
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
	/* In a query: the namespaces of this level and the enclosing ones
	 * (innermost first; dpns is the first), what a Var's varlevelsup
	 * counts in; NIL outside queries. */
	List *namespaces = NIL;
	int wrap_column = 0;	   /* where a list item starts a new line (wrapColumn) */
	List *window_clause = NIL; /* the query's windows, for OVER */
	List *window_tlist = NIL;  /* their PARTITION/ORDER BY items' target list */
	bool in_query = false;	   /* window_clause is the current query's */
};

/* How far a CASE's WHEN/ELSE lines are indented (PostgreSQL's
 * PRETTYINDENT_VAR). */
constexpr int kPrettyIndentVar = 4;
/* How far a query's clauses are indented under it (PRETTYINDENT_STD). */
constexpr int kPrettyIndentStd = 8;
/* How far JOIN lines are indented under FROM (PRETTYINDENT_JOIN). */
constexpr int kPrettyIndentJoin = 4;
/* Past this depth, indentation grows by half steps and wraps around
 * (PRETTYINDENT_LIMIT), so deep nesting stays readable. */
constexpr int kPrettyIndentLimit = 40;

/* A keyword that, when indenting, starts a new line: trailing spaces
 * dropped, then a newline and indent_level (after indent_before) plus
 * indent_plus spaces; indent_after applies to the lines that follow
 * (PostgreSQL's appendContextKeyword). */
void AppendContextKeyword(DeparseContext *ctx, const char *str, int indent_before, int indent_after,
						  int indent_plus = 0)
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
	int amount;
	if (ctx->indent_level < kPrettyIndentLimit)
		amount = Max(ctx->indent_level, 0) + indent_plus;
	else
	{
		amount = kPrettyIndentLimit +
			(ctx->indent_level - kPrettyIndentLimit) / (kPrettyIndentStd / 2);
		amount %= kPrettyIndentLimit;
		amount += indent_plus;
	}
	ctx->buf.append(static_cast<size_t>(amount), ' ');
	ctx->buf += str;
	ctx->indent_level = Max(ctx->indent_level + indent_after, 0);
}

void GetRuleExpr(Node *node, DeparseContext *ctx, bool showimplicit);
/* A subquery in an expression, and a window function's OVER: they need
 * the query deparser (below, with pg_get_viewdef). */
void GetSublinkExpr(SubLink *sublink, DeparseContext *ctx);
void GetWindowSpecOf(WindowFunc *wfunc, DeparseContext *ctx);

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

/* Prints var; returns the column name printed (empty for a whole row
 * or a plan's child column). */
std::string GetVariable(Var *var, DeparseContext *ctx)
{
	DeparseNamespace *dpns = ctx->dpns;
	if (dpns == nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("expression contains variables"));
	if (var->varlevelsup != 0)
	{
		/* A column of an enclosing query (only queries have them). */
		if (static_cast<int>(var->varlevelsup) >= list_length(ctx->namespaces))
			elog(ERROR, "bogus varlevelsup: %u", var->varlevelsup);
		dpns = static_cast<DeparseNamespace *>(list_nth(ctx->namespaces, var->varlevelsup));
	}
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
			return std::string();
		}
		SavedNamespace saved = PushChildPlan(dpns, child);
		if (paren)
			ctx->buf += '(';
		GetRuleExpr(reinterpret_cast<Node *>(tle->expr), ctx, true);
		if (paren)
			ctx->buf += ')';
		PopPlan(dpns, saved);
		return std::string();
	}
	/* A query's Var prints as it was written (a join's column, say), a
	 * plan's as what it reads. */
	Var written;
	if (dpns->plan == nullptr && var->varnosyn > 0 &&
		(static_cast<int>(var->varnosyn) != var->varno || var->varattnosyn != var->varattno))
	{
		written = *var;
		written.varno = static_cast<int>(var->varnosyn);
		written.varattno = var->varattnosyn;
		var = &written;
	}
	if (var->varno <= 0 || var->varno > list_length(dpns->rtable))
		elog(ERROR, "bogus varno: %d", var->varno);
	RangeTblEntry *rte = static_cast<RangeTblEntry *>(list_nth(dpns->rtable, var->varno - 1));
	const char *refname = static_cast<const char *>(list_nth(dpns->rtable_names, var->varno - 1));
	/* A column of an unnamed join is the column it stands for; a merged
	 * USING column that is no plain column prints as its bare name. */
	if (rte->rtekind == RTE_JOIN && rte->alias == nullptr && var->varattno > 0 &&
		rte->joinaliasvars != NIL)
	{
		Node *aliasvar = static_cast<Node *>(list_nth(rte->joinaliasvars, var->varattno - 1));
		if (aliasvar != nullptr && IsA(aliasvar, Var))
		{
			Var *inner = reinterpret_cast<Var *>(copyObject(aliasvar));
			inner->varlevelsup += var->varlevelsup;
			return GetVariable(inner, ctx);
		}
		refname = nullptr;
	}
	if (var->varattno == 0)
	{
		/* A whole row. */
		ctx->buf += quote_identifier(refname != nullptr ? refname : "?");
		ctx->buf += ".*";
		return std::string();
	}
	if (ctx->varprefix && refname != nullptr)
	{
		ctx->buf += quote_identifier(refname);
		ctx->buf += '.';
	}
	const char *colname = nullptr;
	if (dpns->rtable_columns != NIL && var->varattno > 0)
	{
		auto *cols = static_cast<RteColumns *>(list_nth(dpns->rtable_columns, var->varno - 1));
		if (var->varattno <= list_length(cols->colnames))
			colname = static_cast<const char *>(list_nth(cols->colnames, var->varattno - 1));
	}
	std::string name = colname != nullptr ? std::string(colname) : ColumnName(rte, var->varattno);
	ctx->buf += quote_identifier(name.c_str());
	return name;
}

/* A full join's merged USING column reaches a query as the COALESCE the
 * parser made of its two sides (marked merged), where PostgreSQL keeps a
 * Var of the join. Found among the alias expressions of a join of this
 * query or an enclosing one, *column is set to that Var. */
bool MergedJoinColumn(Node *node, DeparseContext *ctx, Var *column)
{
	if (node == nullptr || !IsA(node, CoalesceExpr) ||
		!reinterpret_cast<CoalesceExpr *>(node)->merged || ctx->dpns == nullptr ||
		ctx->dpns->plan != nullptr)
		return false;
	List *levels = ctx->namespaces != NIL ? ctx->namespaces : list_make1(ctx->dpns);
	int levelsup = 0;
	ListCell *level;
	foreach (level, levels)
	{
		auto *dpns = static_cast<DeparseNamespace *>(lfirst(level));
		int rtindex = 0;
		ListCell *lc;
		foreach (lc, dpns->rtable)
		{
			rtindex++;
			auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
			if (rte->rtekind != RTE_JOIN)
				continue;
			int attno = 0;
			ListCell *alias;
			foreach (alias, rte->joinaliasvars)
			{
				attno++;
				Node *candidate = static_cast<Node *>(lfirst(alias));
				if (candidate == nullptr || !IsA(candidate, CoalesceExpr))
					continue;
				if (levelsup > 0)
				{
					candidate = static_cast<Node *>(copyObject(candidate));
					IncrementVarSublevelsUp(candidate, levelsup, 0);
				}
				if (!equal(candidate, node))
					continue;
				*column = *makeVar(rtindex, static_cast<AttrNumber>(attno), exprType(node),
								   exprTypmod(node), exprCollation(node),
								   static_cast<Index>(levelsup));
				return true;
			}
		}
		levelsup++;
	}
	return false;
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
			ctx->buf += deparse_string_literal(ext.c_str());
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
 * precedence class does).  PostgreSQL knows the precedence of the
 * operators starting with + - (low) and * / % (high) only, by their
 * first character; 0 for the others. */
int OperatorPrecedence(const std::string &op)
{
	if (op.empty())
		return 0;
	if (strchr("*/%", op[0]) != nullptr)
		return 3;
	if (strchr("+-", op[0]) != nullptr)
		return 2;
	return 0;
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
		case T_CoerceToDomain:
		case T_CoerceToDomainValue:
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
				if (prec == 0 || pprec == 0)
					return false;
				if (prec > pprec)
					return true;
				/* Same class: only as the left operand (left-associative). */
				return prec == pprec && linitial(pop->args) == node;
			}
			/* An operator under AND/OR/NOT binds tighter. */
			return parent != nullptr && IsA(parent, BoolExpr);
		case T_NullTest:
		case T_BooleanTest:
		case T_DistinctExpr:
		case T_SubLink:
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
	/* CURRENT_DATE, CURRENT_TIME[(p)], CURRENT_TIMESTAMP[(p)], LOCALTIME[(p)],
	 * LOCALTIMESTAMP[(p)]: the analyzer makes now(), cast to the type
	 * (date(now()), …) and rounded to p (timestamptz(now(), p), …). */
	if (expr->funcformat == COERCE_SQL_SYNTAX)
	{
		constexpr Oid kNow = 1299, kTimestamptzDate = 1178, kTimestamptzTimetz = 1388,
					  kTimestamptzTime = 2019, kTimestamptzTimestamp = 2027, kTimestampScale = 1961,
					  kTimestamptzScale = 1967, kTimeScale = 1968, kTimetzScale = 1969;
		FuncExpr *value = expr;
		const Const *precision = nullptr;
		if ((expr->funcid == kTimestampScale || expr->funcid == kTimestamptzScale ||
			 expr->funcid == kTimeScale || expr->funcid == kTimetzScale) &&
			list_length(expr->args) == 2 && IsA(linitial(expr->args), FuncExpr) &&
			IsA(lsecond(expr->args), Const))
		{
			value = static_cast<FuncExpr *>(linitial(expr->args));
			precision = static_cast<const Const *>(lsecond(expr->args));
		}
		const char *name = nullptr;
		switch (value->funcid)
		{
			case kNow:
				name = "CURRENT_TIMESTAMP";
				break;
			case kTimestamptzDate:
				name = "CURRENT_DATE";
				break;
			case kTimestamptzTimetz:
				name = "CURRENT_TIME";
				break;
			case kTimestamptzTime:
				name = "LOCALTIME";
				break;
			case kTimestamptzTimestamp:
				name = "LOCALTIMESTAMP";
				break;
			default:
				break;
		}
		if (name != nullptr)
		{
			ctx->buf += name;
			if (precision != nullptr && !precision->constisnull)
			{
				ctx->buf += '(';
				ctx->buf += std::to_string(DatumGetInt32(precision->constvalue));
				ctx->buf += ')';
			}
			return;
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
			/* OVER the query's window, or OVER (?) in a plan, where the
			 * window's definition is not at hand (as PostgreSQL 15). */
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
			ctx->buf += " OVER ";
			GetWindowSpecOf(wfunc, ctx);
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
		case T_CoerceToDomain:
		{
			CoerceToDomain *expr = reinterpret_cast<CoerceToDomain *>(node);
			if (expr->coercionformat == COERCE_IMPLICIT_CAST && !showimplicit)
				GetRuleExprParen(reinterpret_cast<Node *>(expr->arg), ctx, false, node);
			else
				GetCoercionExpr(reinterpret_cast<Node *>(expr->arg), ctx, expr->resulttype, -1,
								node);
			break;
		}
		case T_CoerceToDomainValue:
			ctx->buf += "VALUE";
			break;
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
				Node *cond = reinterpret_cast<Node *>(when->expr);
				/* CASE x WHEN v: the condition is CaseTestExpr = v (the
				 * placeholder perhaps under an implicit cast); print v. */
				if (expr->arg != nullptr && IsA(cond, OpExpr) &&
					list_length(reinterpret_cast<OpExpr *>(cond)->args) == 2)
				{
					Node *left = static_cast<Node *>(
						linitial(reinterpret_cast<OpExpr *>(cond)->args));
					while (
						left != nullptr &&
						((IsA(left, RelabelType) &&
						  reinterpret_cast<RelabelType *>(left)->relabelformat ==
							  COERCE_IMPLICIT_CAST) ||
						 (IsA(left, FuncExpr) &&
						  reinterpret_cast<FuncExpr *>(left)->funcformat == COERCE_IMPLICIT_CAST) ||
						 (IsA(left, CoerceViaIO) &&
						  reinterpret_cast<CoerceViaIO *>(left)->coerceformat ==
							  COERCE_IMPLICIT_CAST)))
						left = IsA(left, RelabelType)
							? reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(left)->arg)
							: IsA(left, CoerceViaIO)
							? reinterpret_cast<Node *>(reinterpret_cast<CoerceViaIO *>(left)->arg)
							: static_cast<Node *>(
								  linitial(reinterpret_cast<FuncExpr *>(left)->args));
					if (left != nullptr && IsA(left, CaseTestExpr))
						cond = static_cast<Node *>(lsecond(reinterpret_cast<OpExpr *>(cond)->args));
				}
				if (!ctx->indent)
					ctx->buf += ' ';
				AppendContextKeyword(ctx, "WHEN ", 0, 0);
				GetRuleExpr(cond, ctx, false);
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
		{
			Var column;
			if (MergedJoinColumn(node, ctx, &column))
			{
				GetVariable(&column, ctx);
				break;
			}
			ctx->buf += "COALESCE(";
			GetExprList(reinterpret_cast<CoalesceExpr *>(node)->args, ctx, true);
			ctx->buf += ")";
			break;
		}
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
			GetSublinkExpr(reinterpret_cast<SubLink *>(node), ctx);
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

/* ---- queries: pg_get_viewdef ---- */

namespace {

/*
 * A query back to SQL, as PostgreSQL 15's get_query_def prints it: the
 * layout (PRETTYFLAG_INDENT: one output column per line, clauses on lines
 * of their own, nested queries indented under the clause holding them),
 * range-table entries named uniquely across the query and the queries
 * around it (t, t_1, …), a column aliased where its name differs from the
 * output column's.  Each query level gets its own DeparseNamespace; Vars
 * with varlevelsup reach the enclosing ones through ctx->namespaces.
 */
void GetQueryDef(Query *query, DeparseContext *parent, List *parent_namespaces,
				 TupleDesc result_desc, bool colnames_visible, int start_indent);
void GetSelectQueryDef(Query *query, DeparseContext *ctx, TupleDesc result_desc,
					   bool colnames_visible);

[[noreturn]] void QueryNotSupported(const char *what)
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("pg_get_viewdef of %s is not supported yet", what));
}

/* Whether relation column attnum is dropped. */
bool ColumnIsDropped(Oid relid, AttrNumber attnum)
{
	HeapTuple tup = SearchSysCache2(ATTNUM, ObjectIdGetDatum(relid), Int16GetDatum(attnum));
	if (tup == nullptr)
		return true;
	bool dropped = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(tup))->attisdropped;
	ReleaseSysCache(tup);
	return dropped;
}

/* Names the query's range-table entries (PostgreSQL's set_rtable_names:
 * the alias, else a relation's current name, else the parser's name; an
 * unnamed join has none; a name taken here or in an enclosing query gets
 * _1, _2, …) and their columns (set_relation_column_names: the alias's
 * column names, else the relation's current ones or the entry's). */
void SetQueryNames(DeparseNamespace *dpns, Query *query, List *parent_namespaces)
{
	dpns->rtable = query->rtable;
	std::vector<std::string> used;
	/* A PostgreSQL 15 view's query also holds its rule's OLD and NEW
	 * entries, whose names are taken. */
	if (parent_namespaces == NIL)
	{
		used.emplace_back("old");
		used.emplace_back("new");
	}
	ListCell *lc;
	foreach (lc, parent_namespaces)
	{
		auto *outer = static_cast<DeparseNamespace *>(lfirst(lc));
		ListCell *n;
		foreach (n, outer->rtable_names)
			if (lfirst(n) != nullptr)
				used.emplace_back(static_cast<const char *>(lfirst(n)));
	}
	foreach (lc, query->rtable)
	{
		auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		const char *refname = nullptr;
		if (rte->alias != nullptr)
			refname = rte->alias->aliasname;
		else if (rte->rtekind == RTE_RELATION)
			refname = get_rel_name(rte->relid);
		else if (rte->rtekind != RTE_JOIN && rte->eref != nullptr)
			refname = rte->eref->aliasname;
		if (refname == nullptr)
			dpns->rtable_names = lappend(dpns->rtable_names, nullptr);
		else
		{
			std::string unique = refname;
			for (int i = 1; std::find(used.begin(), used.end(), unique) != used.end(); i++)
				unique = std::string(refname) + "_" + std::to_string(i);
			used.push_back(unique);
			dpns->rtable_names = lappend(dpns->rtable_names, pstrdup(unique.c_str()));
		}

		auto *cols = static_cast<RteColumns *>(palloc0(sizeof(RteColumns)));
		List *aliascols = rte->alias != nullptr ? rte->alias->colnames : NIL;
		bool changed = false;
		if (rte->rtekind == RTE_RELATION)
		{
			int natts = get_rel_natts(rte->relid);
			for (int i = 1; i <= natts; i++)
			{
				if (ColumnIsDropped(rte->relid, static_cast<AttrNumber>(i)))
				{
					cols->colnames = lappend(cols->colnames, nullptr);
					continue;
				}
				std::string real = ColumnName(rte, static_cast<AttrNumber>(i));
				const char *name = i <= list_length(aliascols) ? strVal(list_nth(aliascols, i - 1))
															   : pstrdup(real.c_str());
				changed |= real != name;
				cols->colnames = lappend(cols->colnames, const_cast<char *>(name));
			}
			cols->printaliases = changed;
		}
		else if (rte->eref != nullptr)
		{
			int i = 0;
			ListCell *c;
			foreach (c, rte->eref->colnames)
			{
				const char *name = i < list_length(aliascols) ? strVal(list_nth(aliascols, i))
															  : strVal(lfirst(c));
				cols->colnames = lappend(cols->colnames, const_cast<char *>(name));
				i++;
			}
			/* A function's column names are always listed, against changes
			 * of its parameter names. */
			cols->printaliases = rte->rtekind == RTE_FUNCTION || aliascols != NIL;
		}
		dpns->rtable_columns = lappend(dpns->rtable_columns, cols);
	}
}

RangeTblEntry *RtFetch(Query *query, int rti)
{
	return static_cast<RangeTblEntry *>(list_nth(query->rtable, rti - 1));
}

/* A GROUP BY, ORDER BY, DISTINCT ON or PARTITION BY item (PostgreSQL's
 * get_rule_sortgroupclause): the output column's number under a set
 * operation, a constant with its type (lest it read as a column number),
 * a column bare, anything else in parentheses where it could misparse.
 * Returns the item's expression. */
Node *GetRuleSortGroupClause(Index ref, List *tlist, bool force_colno, DeparseContext *ctx)
{
	TargetEntry *tle = nullptr;
	ListCell *lc;
	foreach (lc, tlist)
		if (static_cast<TargetEntry *>(lfirst(lc))->ressortgroupref == ref)
		{
			tle = static_cast<TargetEntry *>(lfirst(lc));
			break;
		}
	if (tle == nullptr)
		elog(ERROR, "ORDER/GROUP BY expression not found in targetlist");
	Node *expr = reinterpret_cast<Node *>(tle->expr);
	Var merged;
	if (force_colno)
		ctx->buf += std::to_string(tle->resno);
	else if (expr != nullptr && IsA(expr, Const))
		GetConstExpr(reinterpret_cast<Const *>(expr), ctx, 1);
	else if (expr == nullptr || IsA(expr, Var) || MergedJoinColumn(expr, ctx, &merged))
		GetRuleExpr(expr, ctx, true);
	else
	{
		bool paren = ctx->pretty || IsA(expr, FuncExpr) || IsA(expr, Aggref) ||
			IsA(expr, WindowFunc);
		if (paren)
			ctx->buf += '(';
		GetRuleExpr(expr, ctx, true);
		if (paren)
			ctx->buf += ')';
	}
	return expr;
}

/* ORDER BY items with their direction: ASC and its NULLS LAST left out,
 * DESC and its NULLS FIRST likewise, any other operator as USING. */
void GetRuleOrderBy(List *order, List *tlist, bool force_colno, DeparseContext *ctx)
{
	const char *sep = "";
	ListCell *lc;
	foreach (lc, order)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		ctx->buf += sep;
		sep = ", ";
		GetRuleSortGroupClause(sgc->tleSortGroupRef, tlist, force_colno, ctx);
		std::string op = OperatorName(sgc->sortop);
		if (op == "<")
		{
			if (sgc->nulls_first)
				ctx->buf += " NULLS FIRST";
		}
		else if (op == ">")
		{
			ctx->buf += " DESC";
			if (!sgc->nulls_first)
				ctx->buf += " NULLS LAST";
		}
		else
		{
			ctx->buf += " USING ";
			ctx->buf += op;
			ctx->buf += sgc->nulls_first ? " NULLS FIRST" : " NULLS LAST";
		}
	}
}

/* A window's definition in parentheses (PostgreSQL's get_rule_windowspec):
 * what it does not inherit from the window it names. */
void GetRuleWindowSpec(WindowClause *wc, List *tlist, DeparseContext *ctx)
{
	std::string &buf = ctx->buf;
	buf += '(';
	bool needspace = false;
	if (wc->refname != nullptr)
	{
		buf += quote_identifier(wc->refname);
		needspace = true;
	}
	if (wc->partitionClause != NIL && wc->refname == nullptr)
	{
		if (needspace)
			buf += ' ';
		buf += "PARTITION BY ";
		const char *sep = "";
		ListCell *lc;
		foreach (lc, wc->partitionClause)
		{
			buf += sep;
			sep = ", ";
			GetRuleSortGroupClause(static_cast<SortGroupClause *>(lfirst(lc))->tleSortGroupRef,
								   tlist, false, ctx);
		}
		needspace = true;
	}
	if (wc->orderClause != NIL && !wc->copiedOrder)
	{
		if (needspace)
			buf += ' ';
		buf += "ORDER BY ";
		GetRuleOrderBy(wc->orderClause, tlist, false, ctx);
		needspace = true;
	}
	int opts = wc->frameOptions;
	if (opts & FRAMEOPTION_NONDEFAULT)
	{
		if (needspace)
			buf += ' ';
		if (opts & FRAMEOPTION_RANGE)
			buf += "RANGE ";
		else if (opts & FRAMEOPTION_ROWS)
			buf += "ROWS ";
		else if (opts & FRAMEOPTION_GROUPS)
			buf += "GROUPS ";
		if (opts & FRAMEOPTION_BETWEEN)
			buf += "BETWEEN ";
		if (opts & FRAMEOPTION_START_UNBOUNDED_PRECEDING)
			buf += "UNBOUNDED PRECEDING ";
		else if (opts & FRAMEOPTION_START_CURRENT_ROW)
			buf += "CURRENT ROW ";
		else if (opts & FRAMEOPTION_START_OFFSET)
		{
			GetRuleExpr(wc->startOffset, ctx, false);
			if (opts & FRAMEOPTION_START_OFFSET_PRECEDING)
				buf += " PRECEDING ";
			else
				buf += " FOLLOWING ";
		}
		if (opts & FRAMEOPTION_BETWEEN)
		{
			buf += "AND ";
			if (opts & FRAMEOPTION_END_UNBOUNDED_FOLLOWING)
				buf += "UNBOUNDED FOLLOWING ";
			else if (opts & FRAMEOPTION_END_CURRENT_ROW)
				buf += "CURRENT ROW ";
			else if (opts & FRAMEOPTION_END_OFFSET)
			{
				GetRuleExpr(wc->endOffset, ctx, false);
				if (opts & FRAMEOPTION_END_OFFSET_PRECEDING)
					buf += " PRECEDING ";
				else
					buf += " FOLLOWING ";
			}
		}
		if (opts & FRAMEOPTION_EXCLUDE_CURRENT_ROW)
			buf += "EXCLUDE CURRENT ROW ";
		else if (opts & FRAMEOPTION_EXCLUDE_GROUP)
			buf += "EXCLUDE GROUP ";
		else if (opts & FRAMEOPTION_EXCLUDE_TIES)
			buf += "EXCLUDE TIES ";
		buf.pop_back(); /* the last item's trailing space */
	}
	buf += ')';
}

void GetWindowSpecOf(WindowFunc *wfunc, DeparseContext *ctx)
{
	ListCell *lc;
	foreach (lc, ctx->window_clause)
	{
		auto *wc = static_cast<WindowClause *>(lfirst(lc));
		if (wc->winref != wfunc->winref)
			continue;
		if (wc->name != nullptr)
			ctx->buf += quote_identifier(wc->name);
		else
			GetRuleWindowSpec(wc, ctx->window_tlist, ctx);
		return;
	}
	if (ctx->in_query && ctx->window_clause != NIL)
		elog(ERROR, "could not find window clause for winref %u", wfunc->winref);
	ctx->buf += "(?)";
}

/* x op ANY/ALL (SELECT …), EXISTS (SELECT …), (SELECT …), ARRAY(SELECT …)
 * (PostgreSQL's get_sublink_expr: IN for = ANY; with several combining
 * operators only the first one's name is printed). */
void GetSublinkExpr(SubLink *sublink, DeparseContext *ctx)
{
	/* (Only an analyzed query can be printed: the raw parse tree of one
	 * is never stored.) */
	if (sublink->subselect == nullptr || !IsA(sublink->subselect, Query))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("deparsing a subquery that is not analyzed is not supported yet"));
	auto *query = reinterpret_cast<Query *>(sublink->subselect);
	std::string &buf = ctx->buf;
	buf += sublink->subLinkType == ARRAY_SUBLINK ? "ARRAY(" : "(";
	std::string opname;
	Node *test = sublink->testexpr;
	if (test != nullptr)
	{
		if (IsA(test, OpExpr))
		{
			auto *op = reinterpret_cast<OpExpr *>(test);
			GetRuleExpr(static_cast<Node *>(linitial(op->args)), ctx, true);
			opname = OperatorName(op->opno);
		}
		else if (IsA(test, BoolExpr))
		{
			buf += '(';
			const char *sep = "";
			ListCell *lc;
			foreach (lc, reinterpret_cast<BoolExpr *>(test)->args)
			{
				auto *op = castNode(OpExpr, lfirst(lc));
				buf += sep;
				sep = ", ";
				GetRuleExpr(static_cast<Node *>(linitial(op->args)), ctx, true);
				if (opname.empty())
					opname = OperatorName(op->opno);
			}
			buf += ')';
		}
		else if (IsA(test, RowCompareExpr))
		{
			auto *rc = reinterpret_cast<RowCompareExpr *>(test);
			buf += '(';
			GetExprList(rc->largs, ctx, true);
			opname = OperatorName(linitial_oid(rc->opnos));
			buf += ')';
		}
		else
			elog(ERROR, "unrecognized testexpr type: %d", static_cast<int>(nodeTag(test)));
	}
	bool need_paren = true;
	switch (sublink->subLinkType)
	{
		case EXISTS_SUBLINK:
			buf += "EXISTS ";
			break;
		case ANY_SUBLINK:
			if (opname == "=")
				buf += " IN ";
			else
				buf += " " + opname + " ANY ";
			break;
		case ALL_SUBLINK:
			buf += " " + opname + " ALL ";
			break;
		case ROWCOMPARE_SUBLINK:
			buf += " " + opname + " ";
			break;
		case EXPR_SUBLINK:
		case MULTIEXPR_SUBLINK:
		case ARRAY_SUBLINK:
			need_paren = false;
			break;
		default:
			elog(ERROR, "unrecognized sublink type: %d", static_cast<int>(sublink->subLinkType));
	}
	if (need_paren)
		buf += '(';
	GetQueryDef(query, ctx, ctx->namespaces, nullptr, false, ctx->indent_level);
	buf += need_paren ? "))" : ")";
}

/* WITH [RECURSIVE] name[(cols)] AS [[NOT] MATERIALIZED] (query) [SEARCH …]
 * [CYCLE …], … (PostgreSQL's get_with_clause). */
void GetWithClause(Query *query, DeparseContext *ctx)
{
	if (query->cteList == NIL)
		return;
	std::string &buf = ctx->buf;
	if (ctx->indent)
	{
		ctx->indent_level += kPrettyIndentStd;
		buf += ' ';
	}
	/* Tusk's analyzer does not set hasRecursive: a WITH RECURSIVE whose
	 * queries refer to themselves is what it means. */
	bool recursive = query->hasRecursive;
	ListCell *lc;
	foreach (lc, query->cteList)
		recursive = recursive || castNode(CommonTableExpr, lfirst(lc))->cterecursive;
	const char *sep = recursive ? "WITH RECURSIVE " : "WITH ";
	foreach (lc, query->cteList)
	{
		auto *cte = castNode(CommonTableExpr, lfirst(lc));
		buf += sep;
		sep = ", ";
		buf += quote_identifier(cte->ctename);
		if (cte->aliascolnames != NIL)
		{
			buf += '(';
			const char *csep = "";
			ListCell *c;
			foreach (c, cte->aliascolnames)
			{
				buf += csep;
				csep = ", ";
				buf += quote_identifier(strVal(lfirst(c)));
			}
			buf += ')';
		}
		buf += " AS ";
		if (cte->ctematerialized == CTEMaterializeAlways)
			buf += "MATERIALIZED ";
		else if (cte->ctematerialized == CTEMaterializeNever)
			buf += "NOT MATERIALIZED ";
		buf += '(';
		if (ctx->indent)
			AppendContextKeyword(ctx, "", 0, 0, 0);
		GetQueryDef(castNode(Query, cte->ctequery), ctx, ctx->namespaces, nullptr, true,
					ctx->indent_level);
		if (ctx->indent)
			AppendContextKeyword(ctx, "", 0, 0, 0);
		buf += ')';
		if (cte->search_clause != nullptr)
		{
			CTESearchClause *sc = cte->search_clause;
			buf += sc->search_breadth_first ? " SEARCH BREADTH FIRST BY "
											: " SEARCH DEPTH FIRST BY ";
			const char *csep = "";
			ListCell *c;
			foreach (c, sc->search_col_list)
			{
				buf += csep;
				csep = ", ";
				buf += quote_identifier(strVal(lfirst(c)));
			}
			buf += " SET ";
			buf += quote_identifier(sc->search_seq_column);
		}
		if (cte->cycle_clause != nullptr)
		{
			CTECycleClause *cc = cte->cycle_clause;
			buf += " CYCLE ";
			const char *csep = "";
			ListCell *c;
			foreach (c, cc->cycle_col_list)
			{
				buf += csep;
				csep = ", ";
				buf += quote_identifier(strVal(lfirst(c)));
			}
			buf += " SET ";
			buf += quote_identifier(cc->cycle_mark_column);
			/* TO true DEFAULT false is what a bare SET col means. */
			auto *value = reinterpret_cast<Const *>(cc->cycle_mark_value);
			auto *dflt = reinterpret_cast<Const *>(cc->cycle_mark_default);
			bool is_default = IsA(value, Const) && IsA(dflt, Const) &&
				value->consttype == BOOLOID && !value->constisnull &&
				DatumGetBool(value->constvalue) && dflt->consttype == BOOLOID &&
				!dflt->constisnull && !DatumGetBool(dflt->constvalue);
			if (!is_default)
			{
				buf += " TO ";
				GetRuleExpr(cc->cycle_mark_value, ctx, false);
				buf += " DEFAULT ";
				GetRuleExpr(cc->cycle_mark_default, ctx, false);
			}
			buf += " USING ";
			buf += quote_identifier(cc->cycle_path_column);
		}
	}
	if (ctx->indent)
	{
		ctx->indent_level -= kPrettyIndentStd;
		AppendContextKeyword(ctx, "", 0, 0, 0);
	}
	else
		buf += ' ';
}

/* VALUES (…), (…) — items separated by a bare comma, as PostgreSQL's
 * get_values_def does. */
void GetValuesDef(List *values_lists, DeparseContext *ctx)
{
	ctx->buf += "VALUES ";
	bool first_list = true;
	ListCell *vl;
	foreach (vl, values_lists)
	{
		if (!first_list)
			ctx->buf += ", ";
		first_list = false;
		ctx->buf += '(';
		bool first_col = true;
		ListCell *lc;
		foreach (lc, static_cast<List *>(lfirst(vl)))
		{
			if (!first_col)
				ctx->buf += ',';
			first_col = false;
			Node *col = static_cast<Node *>(lfirst(lc));
			GetRuleExpr(col, ctx, false);
			if (IsA(col, Var) && reinterpret_cast<Var *>(col)->varattno == 0 &&
				reinterpret_cast<Var *>(col)->vartype != RECORDOID)
			{
				ctx->buf += "::";
				ctx->buf += format_type_be(reinterpret_cast<Var *>(col)->vartype);
			}
		}
		ctx->buf += ')';
	}
}

/* The VALUES entry of a query that is SELECT * FROM (VALUES …) with the
 * VALUES list's own column names, which prints as the bare VALUES
 * (PostgreSQL's get_simple_values_rte); else NULL. */
RangeTblEntry *GetSimpleValuesRte(Query *query, TupleDesc result_desc)
{
	RangeTblEntry *result = nullptr;
	ListCell *lc;
	foreach (lc, query->rtable)
	{
		auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		if (rte->rtekind != RTE_VALUES || !rte->inFromCl || result != nullptr)
			return nullptr;
		result = rte;
	}
	if (result == nullptr || list_length(query->targetList) != list_length(result->eref->colnames))
		return nullptr;
	int colno = 0;
	ListCell *lcn;
	forboth(lc, query->targetList, lcn, result->eref->colnames)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk)
			return nullptr;
		colno++;
		const char *colname = result_desc != nullptr && colno <= result_desc->natts
			? NameStr(TupleDescAttr(result_desc, colno - 1)->attname)
			: tle->resname;
		if (colname == nullptr || strcmp(colname, strVal(lfirst(lcn))) != 0)
			return nullptr;
	}
	return result;
}

/* Whether the next list item goes on a line of its own (PostgreSQL's
 * wrapping in get_target_list and get_from_clause): appends item to the
 * buffer, after a newline indented under the clause when it starts no
 * line itself and either would pass the wrap column or the item before
 * it took several lines. */
void AppendWrapped(DeparseContext *ctx, const std::string &item, bool not_first,
				   bool last_multiline)
{
	std::string &buf = ctx->buf;
	if (ctx->indent && ctx->wrap_column >= 0)
	{
		if (!item.empty() && item[0] == '\n')
		{
			while (!buf.empty() && buf.back() == ' ')
				buf.pop_back();
		}
		else
		{
			size_t line_start = buf.rfind('\n');
			line_start = line_start == std::string::npos ? 0 : line_start + 1;
			size_t line_len = buf.size() - line_start;
			if (not_first &&
				(line_len + item.size() > static_cast<size_t>(ctx->wrap_column) || last_multiline))
				AppendContextKeyword(ctx, "", -kPrettyIndentStd, kPrettyIndentStd,
									 kPrettyIndentVar);
		}
	}
	buf += item;
}

/* The select list (PostgreSQL's get_target_list): each column with
 * " AS name" unless the expression already reads as that name. */
void GetTargetList(List *tlist, DeparseContext *ctx, TupleDesc result_desc, bool colnames_visible)
{
	const char *sep = " ";
	int colno = 0;
	bool last_multiline = false;
	ListCell *lc;
	foreach (lc, tlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk)
			continue;
		ctx->buf += sep;
		sep = ", ";
		colno++;
		std::string saved = std::move(ctx->buf);
		ctx->buf.clear();
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		std::string attname;
		bool have_attname = false;
		Var merged;
		bool is_merged = MergedJoinColumn(expr, ctx, &merged);
		if (is_merged || (expr != nullptr && IsA(expr, Var)))
		{
			/* The name the column reads as: its column's, also through
			 * an unnamed join's alias Vars. */
			Var *var = is_merged ? &merged : reinterpret_cast<Var *>(expr);
			attname = GetVariable(var, ctx);
			have_attname = !attname.empty();
			/* A whole row is cast to its type, lest t.* read as t's
			 * columns. */
			if (var->varattno == 0 && var->vartype != RECORDOID)
			{
				ctx->buf += "::";
				ctx->buf += format_type_be(var->vartype);
			}
		}
		else
		{
			GetRuleExpr(expr, ctx, true);
			if (!colnames_visible)
			{
				attname = "?column?";
				have_attname = true;
			}
		}
		const char *colname = result_desc != nullptr && colno <= result_desc->natts
			? NameStr(TupleDescAttr(result_desc, colno - 1)->attname)
			: tle->resname;
		if (colname != nullptr && (!have_attname || attname != colname))
		{
			ctx->buf += " AS ";
			ctx->buf += quote_identifier(colname);
		}
		std::string item = std::move(ctx->buf);
		ctx->buf = std::move(saved);
		AppendWrapped(ctx, item, colno > 1, last_multiline);
		size_t from = !item.empty() && item[0] == '\n' ? 1 : 0;
		last_multiline = item.find('\n', from) != std::string::npos;
	}
}

void GetFromClauseItem(Node *item, Query *query, DeparseContext *ctx);

/* "(col, …)" after an entry's alias when its columns are renamed. */
void GetColumnAliasList(RteColumns *cols, DeparseContext *ctx)
{
	if (!cols->printaliases)
		return;
	bool first = true;
	ListCell *lc;
	foreach (lc, cols->colnames)
	{
		if (lfirst(lc) == nullptr)
			continue;
		ctx->buf += first ? "(" : ", ";
		first = false;
		ctx->buf += quote_identifier(static_cast<const char *>(lfirst(lc)));
	}
	if (!first)
		ctx->buf += ')';
}

void GetFromClauseItem(Node *item, Query *query, DeparseContext *ctx)
{
	std::string &buf = ctx->buf;
	DeparseNamespace *dpns = ctx->dpns;
	if (IsA(item, RangeTblRef))
	{
		int rti = reinterpret_cast<RangeTblRef *>(item)->rtindex;
		RangeTblEntry *rte = RtFetch(query, rti);
		const char *refname = static_cast<const char *>(list_nth(dpns->rtable_names, rti - 1));
		auto *cols = static_cast<RteColumns *>(list_nth(dpns->rtable_columns, rti - 1));
		if (rte->lateral)
			buf += "LATERAL ";
		switch (rte->rtekind)
		{
			case RTE_RELATION:
				buf += DatumGetCString(
					DirectFunctionCall1(regclassout, ObjectIdGetDatum(rte->relid)));
				break;
			case RTE_SUBQUERY:
				buf += '(';
				GetQueryDef(rte->subquery, ctx, ctx->namespaces, nullptr, true, ctx->indent_level);
				buf += ')';
				break;
			case RTE_FUNCTION:
			{
				bool all_unnest = list_length(rte->functions) > 1;
				ListCell *lc;
				foreach (lc, rte->functions)
				{
					Node *f = castNode(RangeTblFunction, lfirst(lc))->funcexpr;
					if (!IsA(f, FuncExpr) ||
						reinterpret_cast<FuncExpr *>(f)->funcid != F_UNNEST_ANYARRAY)
						all_unnest = false;
				}
				if (list_length(rte->functions) == 1)
					GetRuleExpr(castNode(RangeTblFunction, linitial(rte->functions))->funcexpr, ctx,
								true);
				else if (all_unnest)
				{
					/* ROWS FROM (unnest(a), unnest(b)) is what UNNEST(a, b)
					 * became. */
					List *args = NIL;
					foreach (lc, rte->functions)
						args = list_concat(args,
										   reinterpret_cast<FuncExpr *>(
											   castNode(RangeTblFunction, lfirst(lc))->funcexpr)
											   ->args);
					buf += "UNNEST(";
					GetExprList(args, ctx, true);
					buf += ')';
				}
				else
				{
					buf += "ROWS FROM(";
					const char *sep = "";
					foreach (lc, rte->functions)
					{
						buf += sep;
						sep = ", ";
						GetRuleExpr(castNode(RangeTblFunction, lfirst(lc))->funcexpr, ctx, true);
					}
					buf += ')';
				}
				if (rte->funcordinality)
					buf += " WITH ORDINALITY";
				break;
			}
			case RTE_VALUES:
				buf += '(';
				GetValuesDef(rte->values_lists, ctx);
				buf += ')';
				break;
			case RTE_CTE:
				buf += quote_identifier(rte->ctename);
				break;
			default:
				QueryNotSupported("this kind of FROM item");
		}
		/* The alias: one written, one the column aliases need, one that
		 * differs from the relation's or CTE's name, and always for a
		 * function or VALUES. */
		bool printalias = rte->alias != nullptr || cols->printaliases ||
			rte->rtekind == RTE_FUNCTION || rte->rtekind == RTE_VALUES;
		if (rte->rtekind == RTE_RELATION)
			printalias |= strcmp(refname, get_rel_name(rte->relid)) != 0;
		else if (rte->rtekind == RTE_CTE)
			printalias |= strcmp(refname, rte->ctename) != 0;
		if (printalias)
		{
			buf += ' ';
			buf += quote_identifier(refname);
		}
		GetColumnAliasList(cols, ctx);
		return;
	}
	if (!IsA(item, JoinExpr))
		QueryNotSupported("this kind of FROM item");
	JoinExpr *j = reinterpret_cast<JoinExpr *>(item);
	/* Tusk's analyzer keeps a RIGHT JOIN as a LEFT JOIN of the swapped
	 * sides; its join entry remembers what was written. */
	JoinType jointype = j->jointype;
	Node *larg = j->larg;
	Node *rarg = j->rarg;
	if (j->rtindex > 0 && RtFetch(query, j->rtindex)->jointype == JOIN_RIGHT &&
		jointype == JOIN_LEFT)
	{
		jointype = JOIN_RIGHT;
		std::swap(larg, rarg);
	}
	bool need_paren_on_right = ctx->pretty && !IsA(rarg, RangeTblRef) &&
		!(IsA(rarg, JoinExpr) && reinterpret_cast<JoinExpr *>(rarg)->alias != nullptr);
	if (!ctx->pretty || j->alias != nullptr)
		buf += '(';
	GetFromClauseItem(larg, query, ctx);
	const char *keyword;
	switch (jointype)
	{
		case JOIN_INNER:
			keyword = j->quals != nullptr || j->usingClause != NIL ? " JOIN " : " CROSS JOIN ";
			break;
		case JOIN_LEFT:
			keyword = " LEFT JOIN ";
			break;
		case JOIN_FULL:
			keyword = " FULL JOIN ";
			break;
		case JOIN_RIGHT:
			keyword = " RIGHT JOIN ";
			break;
		default:
			elog(ERROR, "unrecognized join type: %d", static_cast<int>(jointype));
	}
	AppendContextKeyword(ctx, keyword, -kPrettyIndentStd, kPrettyIndentStd, kPrettyIndentJoin);
	if (need_paren_on_right)
		buf += '(';
	GetFromClauseItem(rarg, query, ctx);
	if (need_paren_on_right)
		buf += ')';
	if (j->usingClause != NIL)
	{
		buf += " USING (";
		const char *sep = "";
		ListCell *lc;
		foreach (lc, j->usingClause)
		{
			buf += sep;
			sep = ", ";
			buf += quote_identifier(strVal(lfirst(lc)));
		}
		buf += ')';
		if (j->join_using_alias != nullptr)
		{
			buf += " AS ";
			buf += quote_identifier(j->join_using_alias->aliasname);
		}
	}
	else if (j->quals != nullptr)
	{
		buf += " ON ";
		if (!ctx->pretty)
			buf += '(';
		GetRuleExpr(j->quals, ctx, false);
		if (!ctx->pretty)
			buf += ')';
	}
	else if (jointype != JOIN_INNER)
		buf += " ON TRUE";
	if (!ctx->pretty || j->alias != nullptr)
		buf += ')';
	if (j->alias != nullptr)
	{
		buf += ' ';
		buf += quote_identifier(j->alias->aliasname);
		if (j->rtindex > 0)
		{
			auto *cols = static_cast<RteColumns *>(list_nth(dpns->rtable_columns, j->rtindex - 1));
			GetColumnAliasList(cols, ctx);
		}
	}
}

/* FROM item, … (PostgreSQL's get_from_clause): entries the parser added
 * outside FROM are left out. */
void GetFromClause(Query *query, const char *prefix, DeparseContext *ctx)
{
	bool first = true;
	ListCell *lc;
	foreach (lc, query->jointree->fromlist)
	{
		Node *item = static_cast<Node *>(lfirst(lc));
		if (IsA(item, RangeTblRef) &&
			!RtFetch(query, reinterpret_cast<RangeTblRef *>(item)->rtindex)->inFromCl)
			continue;
		if (first)
		{
			AppendContextKeyword(ctx, prefix, -kPrettyIndentStd, kPrettyIndentStd, 2);
			first = false;
			GetFromClauseItem(item, query, ctx);
			continue;
		}
		ctx->buf += ", ";
		std::string saved = std::move(ctx->buf);
		ctx->buf.clear();
		GetFromClauseItem(item, query, ctx);
		std::string text = std::move(ctx->buf);
		ctx->buf = std::move(saved);
		AppendWrapped(ctx, text, true, false);
	}
}

/* SELECT [DISTINCT [ON (…)]] … FROM … WHERE … GROUP BY … HAVING …
 * WINDOW … (PostgreSQL's get_basic_select_query). */
void GetBasicSelectQuery(Query *query, DeparseContext *ctx, TupleDesc result_desc,
						 bool colnames_visible)
{
	std::string &buf = ctx->buf;
	if (ctx->indent)
	{
		ctx->indent_level += kPrettyIndentStd;
		buf += ' ';
	}
	if (RangeTblEntry *values = GetSimpleValuesRte(query, result_desc))
	{
		GetValuesDef(values->values_lists, ctx);
		return;
	}
	buf += "SELECT";
	if (query->distinctClause != NIL)
	{
		if (query->hasDistinctOn)
		{
			buf += " DISTINCT ON (";
			const char *sep = "";
			ListCell *lc;
			foreach (lc, query->distinctClause)
			{
				buf += sep;
				sep = ", ";
				GetRuleSortGroupClause(static_cast<SortGroupClause *>(lfirst(lc))->tleSortGroupRef,
									   query->targetList, false, ctx);
			}
			buf += ')';
		}
		else
			buf += " DISTINCT";
	}
	GetTargetList(query->targetList, ctx, result_desc, colnames_visible);
	GetFromClause(query, " FROM ", ctx);
	if (query->jointree->quals != nullptr)
	{
		AppendContextKeyword(ctx, " WHERE ", -kPrettyIndentStd, kPrettyIndentStd, 1);
		Node *quals = query->jointree->quals;
		if (IsA(quals, List))
			quals = reinterpret_cast<Node *>(
				makeBoolExpr(AND_EXPR, reinterpret_cast<List *>(quals), -1));
		GetRuleExpr(quals, ctx, false);
	}
	if (query->groupingSets != NIL)
		QueryNotSupported("GROUPING SETS");
	if (query->groupClause != NIL)
	{
		AppendContextKeyword(ctx, " GROUP BY ", -kPrettyIndentStd, kPrettyIndentStd, 1);
		if (query->groupDistinct)
			buf += "DISTINCT ";
		const char *sep = "";
		ListCell *lc;
		foreach (lc, query->groupClause)
		{
			buf += sep;
			sep = ", ";
			GetRuleSortGroupClause(static_cast<SortGroupClause *>(lfirst(lc))->tleSortGroupRef,
								   query->targetList, false, ctx);
		}
	}
	if (query->havingQual != nullptr)
	{
		AppendContextKeyword(ctx, " HAVING ", -kPrettyIndentStd, kPrettyIndentStd, 0);
		GetRuleExpr(query->havingQual, ctx, false);
	}
	const char *sep = nullptr;
	ListCell *lc;
	foreach (lc, query->windowClause)
	{
		auto *wc = static_cast<WindowClause *>(lfirst(lc));
		if (wc->name == nullptr)
			continue;
		if (sep == nullptr)
			AppendContextKeyword(ctx, " WINDOW ", -kPrettyIndentStd, kPrettyIndentStd, 1);
		else
			buf += sep;
		buf += quote_identifier(wc->name);
		buf += " AS ";
		GetRuleWindowSpec(wc, query->targetList, ctx);
		sep = ", ";
	}
}

/* One side of a set operation (PostgreSQL's get_setop_query): a leaf
 * query, in parentheses when it has clauses of its own; a nested set
 * operation in parentheses (and indented) unless it is the left input
 * and of the same kind. */
void GetSetopQuery(Node *setop, Query *query, DeparseContext *ctx, TupleDesc result_desc,
				   bool colnames_visible)
{
	check_stack_depth();
	std::string &buf = ctx->buf;
	if (IsA(setop, RangeTblRef))
	{
		RangeTblEntry *rte = RtFetch(query, reinterpret_cast<RangeTblRef *>(setop)->rtindex);
		Query *sub = rte->subquery;
		bool need_paren = sub->cteList != NIL || sub->sortClause != NIL || sub->rowMarks != NIL ||
			sub->limitOffset != nullptr || sub->limitCount != nullptr;
		if (need_paren)
			buf += '(';
		GetQueryDef(sub, ctx, ctx->namespaces, result_desc, colnames_visible, ctx->indent_level);
		if (need_paren)
			buf += ')';
		return;
	}
	auto *op = castNode(SetOperationStmt, setop);
	bool need_paren = false;
	if (IsA(op->larg, SetOperationStmt))
	{
		auto *lop = reinterpret_cast<SetOperationStmt *>(op->larg);
		need_paren = !(op->op == lop->op && op->all == lop->all);
	}
	int subindent = 0;
	if (need_paren)
	{
		buf += '(';
		subindent = kPrettyIndentStd;
		AppendContextKeyword(ctx, "", subindent, 0, 0);
	}
	GetSetopQuery(op->larg, query, ctx, result_desc, colnames_visible);
	if (need_paren)
		AppendContextKeyword(ctx, ") ", -subindent, 0, 0);
	else if (ctx->indent)
		AppendContextKeyword(ctx, "", -subindent, 0, 0);
	else
		buf += ' ';
	switch (op->op)
	{
		case SETOP_UNION:
			buf += "UNION ";
			break;
		case SETOP_INTERSECT:
			buf += "INTERSECT ";
			break;
		case SETOP_EXCEPT:
			buf += "EXCEPT ";
			break;
		default:
			elog(ERROR, "unrecognized set op: %d", static_cast<int>(op->op));
	}
	if (op->all)
		buf += "ALL ";
	/* A set operation on the right is always parenthesized. */
	need_paren = IsA(op->rarg, SetOperationStmt);
	subindent = 0;
	if (need_paren)
	{
		buf += '(';
		subindent = kPrettyIndentStd;
	}
	AppendContextKeyword(ctx, "", subindent, 0, 0);
	/* The right side's column names are not the output's. */
	GetSetopQuery(op->rarg, query, ctx, result_desc, false);
	if (ctx->indent)
		ctx->indent_level -= subindent;
	if (need_paren)
		AppendContextKeyword(ctx, ")", 0, 0, 0);
}

/* FOR UPDATE/SHARE clauses the query itself wrote (not pushed down from
 * an enclosing one). */
void GetRowMarks(Query *query, DeparseContext *ctx)
{
	ListCell *lc;
	foreach (lc, query->rowMarks)
	{
		auto *rc = castNode(RowMarkClause, lfirst(lc));
		if (rc->pushedDown)
			continue;
		switch (rc->strength)
		{
			case LCS_FORKEYSHARE:
				AppendContextKeyword(ctx, " FOR KEY SHARE", -kPrettyIndentStd, kPrettyIndentStd, 0);
				break;
			case LCS_FORSHARE:
				AppendContextKeyword(ctx, " FOR SHARE", -kPrettyIndentStd, kPrettyIndentStd, 0);
				break;
			case LCS_FORNOKEYUPDATE:
				AppendContextKeyword(ctx, " FOR NO KEY UPDATE", -kPrettyIndentStd, kPrettyIndentStd,
									 0);
				break;
			case LCS_FORUPDATE:
				AppendContextKeyword(ctx, " FOR UPDATE", -kPrettyIndentStd, kPrettyIndentStd, 0);
				break;
			default:
				elog(ERROR, "unrecognized LockClauseStrength %d", static_cast<int>(rc->strength));
		}
		ctx->buf += " OF ";
		ctx->buf += quote_identifier(
			static_cast<const char *>(list_nth(ctx->dpns->rtable_names, rc->rti - 1)));
		if (rc->waitPolicy == LockWaitError)
			ctx->buf += " NOWAIT";
		else if (rc->waitPolicy == LockWaitSkip)
			ctx->buf += " SKIP LOCKED";
	}
}

void GetSelectQueryDef(Query *query, DeparseContext *ctx, TupleDesc result_desc,
					   bool colnames_visible)
{
	GetWithClause(query, ctx);
	ctx->window_clause = query->windowClause;
	ctx->window_tlist = query->targetList;
	ctx->in_query = true;
	bool force_colno;
	if (query->setOperations != nullptr)
	{
		GetSetopQuery(query->setOperations, query, ctx, result_desc, colnames_visible);
		/* ORDER BY can only name output columns here. */
		force_colno = true;
	}
	else
	{
		GetBasicSelectQuery(query, ctx, result_desc, colnames_visible);
		force_colno = false;
	}
	std::string &buf = ctx->buf;
	if (query->sortClause != NIL)
	{
		AppendContextKeyword(ctx, " ORDER BY ", -kPrettyIndentStd, kPrettyIndentStd, 1);
		GetRuleOrderBy(query->sortClause, query->targetList, force_colno, ctx);
	}
	if (query->limitOffset != nullptr)
	{
		AppendContextKeyword(ctx, " OFFSET ", -kPrettyIndentStd, kPrettyIndentStd, 0);
		GetRuleExpr(query->limitOffset, ctx, false);
	}
	if (query->limitCount != nullptr)
	{
		if (query->limitOption == LIMIT_OPTION_WITH_TIES)
		{
			/* FETCH FIRST takes only a simple expression unparenthesized. */
			AppendContextKeyword(ctx, " FETCH FIRST ", -kPrettyIndentStd, kPrettyIndentStd, 0);
			buf += '(';
			GetRuleExpr(query->limitCount, ctx, false);
			buf += ") ROWS WITH TIES";
		}
		else
		{
			AppendContextKeyword(ctx, " LIMIT ", -kPrettyIndentStd, kPrettyIndentStd, 0);
			if (IsA(query->limitCount, Const) &&
				reinterpret_cast<Const *>(query->limitCount)->constisnull)
				buf += "ALL";
			else
				GetRuleExpr(query->limitCount, ctx, false);
		}
	}
	GetRowMarks(query, ctx);
}

void GetQueryDef(Query *query, DeparseContext *parent, List *parent_namespaces,
				 TupleDesc result_desc, bool colnames_visible, int start_indent)
{
	check_stack_depth();
	auto *dpns = static_cast<DeparseNamespace *>(palloc0(sizeof(DeparseNamespace)));
	SetQueryNames(dpns, query, parent_namespaces);
	DeparseContext ctx;
	/* One buffer for the whole text, as line wrapping measures the
	 * current line. */
	ctx.buf = std::move(parent->buf);
	ctx.dpns = dpns;
	/* (lcons extends its list in place: the enclosing level's stays.) */
	ctx.namespaces = lcons(dpns, list_copy(parent_namespaces));
	/* PostgreSQL 15 qualifies every column of a view (its query always
	 * has the rule's OLD and NEW entries besides its own). */
	ctx.varprefix = true;
	ctx.showimplicit = false;
	ctx.pretty = parent->pretty;
	ctx.indent = parent->indent;
	ctx.indent_level = start_indent;
	ctx.wrap_column = parent->wrap_column;
	if (query->commandType != CMD_SELECT)
		QueryNotSupported("a data-modifying statement");
	GetSelectQueryDef(query, &ctx, result_desc, colnames_visible);
	parent->buf = std::move(ctx.buf);
}

/* A view's query as pg_get_viewdef prints it (PostgreSQL's make_viewdef):
 * the output columns named as the view's columns are now, ";" at the
 * end.  wrap_column: where list items start a new line (0: each on its
 * own; negative: never). */
std::string ViewQueryText(Oid viewoid, bool pretty, int wrap_column)
{
	Query *query = get_view_query_by_oid(viewoid);
	Relation rel = relation_open(viewoid, AccessShareLock);
	DeparseContext top;
	top.dpns = nullptr;
	top.varprefix = true;
	top.showimplicit = false;
	top.pretty = pretty;
	top.indent = true;
	top.indent_level = 0;
	top.wrap_column = wrap_column;
	GetQueryDef(query, &top, NIL, RelationGetDescr(rel), true, 0);
	relation_close(rel, AccessShareLock);
	top.buf += ';';
	return top.buf;
}

Datum ViewDefinition(FunctionCallInfo fcinfo, Oid viewoid, bool pretty, int wrap_column = 0)
{
	if (get_rel_relkind(viewoid) != 'v')
		PG_RETURN_NULL();
	std::string def = ViewQueryText(viewoid, pretty, wrap_column);
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
	buf += ViewQueryText(rule.ev_class, pretty, 0);
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

/* ---- string constants ---- */

char *deparse_string_literal(const char *rawstr)
{
	size_t len = strlen(rawstr);
	char *result = static_cast<char *>(palloc(len * 2 + 3));
	char *out = result;
	*out++ = '\'';
	for (const char *p = rawstr; *p != '\0'; p++)
	{
		if (*p == '\'' || (*p == '\\' && !standard_conforming_strings))
			*out++ = *p;
		*out++ = *p;
	}
	*out++ = '\'';
	*out = '\0';
	return result;
}
