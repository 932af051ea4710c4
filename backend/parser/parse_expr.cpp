/*
 * parse_expr.cpp — analyzing expressions (parser/parse_expr.h): names
 * become Vars, literals Consts, operators and calls resolved, types
 * checked, each error pointing at its place in the query.
 *
 * Principal entry points: transformExpr, typenameTypeIdAndMod,
 * addRangeTableEntry, transformTargetList.
 */
#include "postgres.h"

#include <algorithm>
#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/relation.h"
#include "access/tupdesc.h"
#include "catalog/namespace.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_amop.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "nodes/makefuncs.h"
#include "parser/analyze.h"
#include "parser/parse_func.h"
#include "parser/parse_collate.h"
#include "rewrite/rewriteManip.h"
#include "utils/array.h"
#include "utils/date.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

Var *makeColumnVar(ParseNamespaceItem *nsitem, int attno, int location, int levelsup)
{
	RangeTblEntry *rte = nsitem->p_rte;
	Var *var = makeNode(Var);
	var->varno = nsitem->p_rtindex;
	var->varattno = static_cast<AttrNumber>(attno);
	var->varlevelsup = static_cast<Index>(levelsup);
	var->varnosyn = static_cast<Index>(nsitem->p_rtindex);
	var->varattnosyn = static_cast<AttrNumber>(attno);
	var->location = location;
	if (rte->rtekind == RTE_RELATION)
	{
		Relation rel = relation_open(rte->relid, NoLock);
		Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), attno - 1);
		var->vartype = att->atttypid;
		var->vartypmod = att->atttypmod;
		var->varcollid = att->attcollation;
		relation_close(rel, NoLock);
	}
	else
	{
		var->vartype = list_nth_oid(rte->coltypes, attno - 1);
		var->vartypmod = list_nth_int(rte->coltypmods, attno - 1);
		var->varcollid = list_nth_oid(rte->colcollations, attno - 1);
	}
	return var;
}

namespace {

Node *TransformExprRecurse(ParseState *pstate, Node *expr);
Node *MakeBoolExpr(BoolExprType op, List *args, int location);

/* ---- column references ---- */

/* The column's number in the entry, or 0. */
int ColumnNumber(RangeTblEntry *rte, const char *colname)
{
	int attno = 0;
	ListCell *lc;
	foreach (lc, rte->eref->colnames)
	{
		attno++;
		const char *name = strVal(lfirst(lc));
		if (name[0] != '\0' && strcmp(name, colname) == 0)
			return attno;
	}
	return 0;
}

Var *MakeVarForColumn(ParseState *pstate, ParseNamespaceItem *nsitem, int attno, int location,
					  int levelsup)
{
	(void) pstate;
	Var *var = makeColumnVar(nsitem, attno, location, levelsup);
	RangeTblEntry *rte = nsitem->p_rte;
	if (rte->rtekind == RTE_RELATION)
		rte->selectedCols = bms_add_member(rte->selectedCols,
										   attno - FirstLowInvalidHeapAttributeNumber);
	return var;
}

/* A system column's number (ctid, xmin, …), or 0. */
int SystemColumnNumber(const char *colname, Oid *type)
{
	struct
	{
		const char *name;
		int attno;
		Oid type;
	} const kSystem[] = {
		{"ctid", SelfItemPointerAttributeNumber, TIDOID},
		{"xmin", MinTransactionIdAttributeNumber, XIDOID},
		{"cmin", MinCommandIdAttributeNumber, CIDOID},
		{"xmax", MaxTransactionIdAttributeNumber, XIDOID},
		{"cmax", MaxCommandIdAttributeNumber, CIDOID},
		{"tableoid", TableOidAttributeNumber, OIDOID},
	};
	for (const auto &s : kSystem)
		if (strcmp(s.name, colname) == 0)
		{
			*type = s.type;
			return s.attno;
		}
	return 0;
}

Node *ScanNSItemForColumn(ParseState *pstate, ParseNamespaceItem *nsitem, int levelsup,
						  const char *colname, int location)
{
	int attno = ColumnNumber(nsitem->p_rte, colname);
	if (attno > 0)
	{
		/* A name twice among one item's columns (a join without USING). */
		int n = 0;
		ListCell *lc;
		foreach (lc, nsitem->p_rte->eref->colnames)
			if (strcmp(strVal(lfirst(lc)), colname) == 0)
				n++;
		if (n > 1)
			ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_COLUMN),
					errmsg("column reference \"%s\" is ambiguous", colname),
					parser_errposition(pstate, location));
	}
	if (attno > 0 && nsitem->p_rte->rtekind == RTE_JOIN)
	{
		/* A join's column is the expression it stands for (a side's Var,
		 * the left one for a USING column). */
		Node *expr = static_cast<Node *>(
			copyObject(list_nth(nsitem->p_rte->joinaliasvars, attno - 1)));
		/* Seen from a sublink, the join's Vars are levelsup levels out. */
		if (levelsup > 0)
			IncrementVarSublevelsUp(expr, levelsup, 0);
		if (IsA(expr, Var))
		{
			/* Written as the join's column: so it deparses (j.x). */
			auto *var = reinterpret_cast<Var *>(expr);
			var->varnosyn = static_cast<Index>(nsitem->p_rtindex);
			var->varattnosyn = static_cast<AttrNumber>(attno);
			var->location = location;
		}
		return expr;
	}
	if (attno > 0)
		return reinterpret_cast<Node *>(
			MakeVarForColumn(pstate, nsitem, attno, location, levelsup));
	Oid systype;
	/* A view has no system columns. */
	if (nsitem->p_rte->rtekind == RTE_RELATION && nsitem->p_rte->relkind != RELKIND_VIEW &&
		(attno = SystemColumnNumber(colname, &systype)) != 0)
	{
		Var *var = makeNode(Var);
		var->varno = nsitem->p_rtindex;
		var->varattno = static_cast<AttrNumber>(attno);
		var->vartype = systype;
		var->vartypmod = -1;
		var->varlevelsup = static_cast<Index>(levelsup);
		var->varnosyn = static_cast<Index>(nsitem->p_rtindex);
		var->varattnosyn = static_cast<AttrNumber>(attno);
		var->location = location;
		return reinterpret_cast<Node *>(var);
	}
	return nullptr;
}

/* A whole-row reference to a FROM item (PostgreSQL's makeWholeRowVar):
 * a table's row has the table's row type, a join's is ROW(its columns),
 * any other item's is an anonymous record. */
Node *MakeWholeRowRef(ParseNamespaceItem *nsitem, int levelsup, int location)
{
	RangeTblEntry *rte = nsitem->p_rte;
	if (rte->rtekind == RTE_JOIN && levelsup > 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("whole-row references to a join of an outer query are not supported yet"),
				parser_errposition(nullptr, location));
	if (rte->rtekind == RTE_JOIN)
	{
		RowExpr *row = makeNode(RowExpr);
		ListCell *lc;
		foreach (lc, rte->joinaliasvars)
		{
			row->args = lappend(row->args, copyObject(static_cast<Node *>(lfirst(lc))));
		}
		row->row_typeid = RECORDOID;
		row->row_format = COERCE_IMPLICIT_CAST;
		row->colnames = static_cast<List *>(copyObject(rte->eref->colnames));
		row->location = location;
		return reinterpret_cast<Node *>(row);
	}
	Var *var = makeNode(Var);
	var->varno = nsitem->p_rtindex;
	var->varattno = 0;
	var->vartype = RECORDOID;
	var->vartypmod = -1;
	var->varlevelsup = static_cast<Index>(levelsup);
	var->varnosyn = static_cast<Index>(nsitem->p_rtindex);
	var->varattnosyn = 0;
	var->location = location;
	if (rte->rtekind == RTE_RELATION)
	{
		HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(rte->relid));
		if (tup == nullptr)
			elog(ERROR, "cache lookup failed for relation %u", rte->relid);
		var->vartype = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup))->reltype;
		if (rte->relkind == RELKIND_VIEW)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("whole-row references to views are not supported yet"),
					parser_errposition(nullptr, location));
		/* every column is read */
		rte->selectedCols = bms_add_member(rte->selectedCols,
										   0 - FirstLowInvalidHeapAttributeNumber);
	}
	return reinterpret_cast<Node *>(var);
}

/* A FROM item to the left of the one being analyzed is visible only to
 * a LATERAL reference; from the nullable side of a RIGHT or FULL JOIN
 * that is an error. */
bool LateralVisible(ParseState *pstate, ParseState *ps, ParseNamespaceItem *nsitem, int location)
{
	if (!nsitem->p_lateral_only)
		return true;
	if (!ps->p_lateral_active)
		return false;
	if (!nsitem->p_lateral_ok)
		ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
				errmsg("invalid reference to FROM-clause entry for table \"%s\"",
					   nsitem->p_rte->eref->aliasname),
				errdetail("The combining JOIN type must be INNER or LEFT for a LATERAL reference."),
				parser_errposition(pstate, location));
	return true;
}

Node *ColNameToVar(ParseState *pstate, const char *colname, int location)
{
	int levelsup = 0;
	for (ParseState *ps = pstate; ps != nullptr; ps = ps->parentParseState, levelsup++)
	{
		Node *result = nullptr;
		ListCell *lc;
		foreach (lc, ps->p_namespace)
		{
			auto *nsitem = static_cast<ParseNamespaceItem *>(lfirst(lc));
			if (!nsitem->p_cols_visible || (nsitem->p_lateral_only && !ps->p_lateral_active))
				continue;
			Node *found = ScanNSItemForColumn(ps, nsitem, levelsup, colname, location);
			if (found == nullptr)
				continue;
			LateralVisible(pstate, ps, nsitem, location);
			if (result != nullptr)
				ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_COLUMN),
						errmsg("column reference \"%s\" is ambiguous", colname),
						parser_errposition(pstate, location));
			result = found;
		}
		if (result != nullptr)
			return result;
	}
	return nullptr;
}

ParseNamespaceItem *RefnameNamespaceItem(ParseState *pstate, const char *schemaname,
										 const char *refname, int location, int *levelsup)
{
	Oid relid = InvalidOid;
	if (schemaname != nullptr)
	{
		Oid nsp = get_namespace_oid(schemaname, true);
		if (OidIsValid(nsp))
			relid = GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid, CStringGetDatum(refname),
									ObjectIdGetDatum(nsp));
		if (!OidIsValid(relid))
			return nullptr;
	}
	*levelsup = 0;
	for (ParseState *ps = pstate; ps != nullptr; ps = ps->parentParseState, (*levelsup)++)
	{
		ParseNamespaceItem *result = nullptr;
		ListCell *lc;
		foreach (lc, ps->p_namespace)
		{
			auto *nsitem = static_cast<ParseNamespaceItem *>(lfirst(lc));
			if (!nsitem->p_rel_visible)
				continue;
			RangeTblEntry *rte = nsitem->p_rte;
			bool match = OidIsValid(relid)
				? (rte->rtekind == RTE_RELATION && rte->relid == relid && rte->alias == nullptr)
				: strcmp(rte->eref->aliasname, refname) == 0;
			if (!match || !LateralVisible(pstate, ps, nsitem, location))
				continue;
			if (result != nullptr)
				ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_ALIAS),
						errmsg("table reference \"%s\" is ambiguous", refname),
						parser_errposition(pstate, location));
			result = nsitem;
		}
		if (result != nullptr)
			return result;
	}
	return nullptr;
}

[[noreturn]] void ErrorMissingRTE(ParseState *pstate, const char *refname, int location)
{
	/* An entry that exists but is hidden here (inside an aliased join),
	 * or a table referred to by its name while it has an alias. */
	ListCell *lc;
	foreach (lc, pstate->p_namespace)
	{
		auto *nsitem = static_cast<ParseNamespaceItem *>(lfirst(lc));
		RangeTblEntry *rte = nsitem->p_rte;
		bool by_alias = strcmp(rte->eref->aliasname, refname) == 0;
		char *relname = rte->rtekind == RTE_RELATION ? get_rel_name(rte->relid) : nullptr;
		bool by_relname = relname != nullptr && strcmp(relname, refname) == 0;
		if (by_alias && !nsitem->p_rel_visible)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
					errmsg("invalid reference to FROM-clause entry for table \"%s\"", refname),
					errhint("There is an entry for table \"%s\", but it cannot be referenced "
							"from this part of the query.",
							refname),
					parser_errposition(pstate, location));
		if (by_relname && rte->alias != nullptr)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
					errmsg("invalid reference to FROM-clause entry for table \"%s\"", refname),
					errhint("Perhaps you meant to reference the table alias \"%s\".",
							rte->eref->aliasname),
					parser_errposition(pstate, location));
	}
	/* A FROM item to the left of a subquery not marked LATERAL. */
	for (ParseState *ps = pstate; ps != nullptr; ps = ps->parentParseState)
	{
		foreach (lc, ps->p_namespace)
		{
			auto *nsitem = static_cast<ParseNamespaceItem *>(lfirst(lc));
			if (nsitem->p_lateral_only && nsitem->p_rel_visible &&
				strcmp(nsitem->p_rte->eref->aliasname, refname) == 0)
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
						errmsg("invalid reference to FROM-clause entry for table \"%s\"", refname),
						errhint("There is an entry for table \"%s\", but it cannot be referenced "
								"from this part of the query.",
								refname),
						parser_errposition(pstate, location));
		}
	}
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
			errmsg("missing FROM-clause entry for table \"%s\"", refname),
			parser_errposition(pstate, location));
}

/* The Levenshtein distance between a and b (insertions, deletions and
 * substitutions each costing 1). */
int EditDistance(const std::string &a, const std::string &b)
{
	std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
	for (size_t j = 0; j <= b.size(); j++)
		prev[j] = static_cast<int>(j);
	for (size_t i = 1; i <= a.size(); i++)
	{
		cur[0] = static_cast<int>(i);
		for (size_t j = 1; j <= b.size(); j++)
			cur[j] = std::min(
				{prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
		std::swap(prev, cur);
	}
	return prev[b.size()];
}

/* The columns of every range-table entry in reach that a missing column
 * might have meant (PostgreSQL's searchRangeTableForCol): an entry's name
 * counts against its columns by its distance from the one written.
 * exact: a column of that name, in an entry of that name, that could not
 * be referenced from here; otherwise first (and, as close, second). */
struct ColumnGuess
{
	static constexpr int kMaxDistance = 3;
	int distance = kMaxDistance + 1;
	RangeTblEntry *exact = nullptr;
	RangeTblEntry *first = nullptr;
	int first_attno = 0;
	RangeTblEntry *second = nullptr;
	int second_attno = 0;

	void Consider(int penalty, RangeTblEntry *rte, const char *actual, const char *wanted,
				  int attno)
	{
		if (penalty > distance || actual[0] == '\0')
			return;
		int d = EditDistance(actual, wanted);
		/* More than half the letters changed is no suggestion. */
		if (d > static_cast<int>(strlen(wanted)) / 2)
			return;
		d += penalty;
		if (d < distance)
		{
			distance = d;
			first = rte;
			first_attno = attno;
			second = nullptr;
			second_attno = 0;
		}
		else if (d == distance)
		{
			if (second_attno != 0)
			{
				/* Three as close are no suggestion, nor is anything
				 * this far. */
				first = second = nullptr;
				first_attno = second_attno = 0;
				distance = d - 1;
			}
			else if (first_attno != 0)
			{
				second = rte;
				second_attno = attno;
			}
			else if (distance <= kMaxDistance)
			{
				first = rte;
				first_attno = attno;
			}
		}
	}
};

ColumnGuess GuessColumn(ParseState *pstate, const char *relname, const char *colname, int location)
{
	ColumnGuess guess;
	for (ParseState *ps = pstate; ps != nullptr; ps = ps->parentParseState)
	{
		ListCell *lc;
		foreach (lc, ps->p_rtable)
		{
			auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
			/* A join's columns are its sides', under a name that helps no one. */
			if (rte->rtekind == RTE_JOIN)
				continue;
			int penalty = relname != nullptr ? EditDistance(relname, rte->eref->aliasname) : 0;
			int found = 0;
			int attno = 0;
			ListCell *c;
			foreach (c, rte->eref->colnames)
			{
				attno++;
				const char *name = strVal(lfirst(c));
				if (strcmp(name, colname) == 0)
				{
					if (found != 0)
						ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_COLUMN),
								errmsg("column reference \"%s\" is ambiguous", colname),
								parser_errposition(pstate, location));
					found = attno;
				}
				guess.Consider(penalty, rte, name, colname, attno);
			}
			Oid systype;
			if (found == 0 && rte->rtekind == RTE_RELATION && rte->relkind != RELKIND_VIEW)
				found = SystemColumnNumber(colname, &systype);
			if (found != 0 && penalty == 0)
			{
				guess = ColumnGuess();
				guess.exact = rte;
				return guess;
			}
		}
	}
	return guess;
}

/* A column that is not there (PostgreSQL's errorMissingColumn), with a
 * hint at the one or two columns in reach spelled most nearly like it. */
[[noreturn]] void ErrorMissingColumn(ParseState *pstate, const char *relname, const char *colname,
									 int location)
{
	ColumnGuess guess = GuessColumn(pstate, relname, colname, location);
	std::string message = relname != nullptr
		? psprintf("column %s.%s does not exist", relname, colname)
		: psprintf("column \"%s\" does not exist", colname);
	auto column = [](RangeTblEntry *rte, int attno) {
		return strVal(list_nth(rte->eref->colnames, attno - 1));
	};
	if (guess.exact != nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN), errmsg_internal("%s", message.c_str()),
				errhint("There is a column named \"%s\" in table \"%s\", but it cannot be "
						"referenced from this part of the query.",
						colname, guess.exact->eref->aliasname),
				parser_errposition(pstate, location));
	if (guess.second != nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN), errmsg_internal("%s", message.c_str()),
				errhint("Perhaps you meant to reference the column \"%s.%s\" or the column "
						"\"%s.%s\".",
						guess.first->eref->aliasname, column(guess.first, guess.first_attno),
						guess.second->eref->aliasname, column(guess.second, guess.second_attno)),
				parser_errposition(pstate, location));
	if (guess.first != nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN), errmsg_internal("%s", message.c_str()),
				errhint("Perhaps you meant to reference the column \"%s.%s\".",
						guess.first->eref->aliasname, column(guess.first, guess.first_attno)),
				parser_errposition(pstate, location));
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN), errmsg_internal("%s", message.c_str()),
			parser_errposition(pstate, location));
}

/* The OUT columns of a polymorphic function (anyelement, anyarray …) as
 * this call's arguments resolve them (PostgreSQL's
 * resolve_polymorphic_tupdesc), in place. */
void ResolvePolymorphicOutColumns(FuncExpr *call, TupleDesc desc)
{
	bool polymorphic = false;
	for (int i = 0; i < desc->natts; i++)
		polymorphic |= IsPolymorphicType(TupleDescAttr(desc, i)->atttypid);
	if (!polymorphic)
		return;
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(call->funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", call->funcid);
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	int nargs = proc->pronargs;
	std::vector<Oid> declared(proc->proargtypes.values, proc->proargtypes.values + nargs);
	ReleaseSysCache(tup);
	if (list_length(call->args) < nargs)
		return;
	std::vector<Oid> actual;
	ListCell *lc;
	foreach (lc, call->args)
		actual.push_back(exprType(static_cast<Node *>(lfirst(lc))));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (!IsPolymorphicType(att->atttypid))
			continue;
		std::vector<Oid> scratch = declared;
		Oid resolved = enforce_generic_type_consistency(actual.data(), scratch.data(), nargs,
														att->atttypid, true);
		std::string name = NameStr(att->attname);
		TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), name.c_str(), resolved, -1, 0);
	}
}

/* The columns of a row-valued expression, or NULL when they cannot be
 * known at analysis time (PostgreSQL's get_expr_result_tupdesc for the
 * cases Tusk has): ROW(…) of type record names its columns f1, f2, …; a
 * function returning record has its OUT parameters' columns. */
TupleDesc ExprRowDesc(ParseState *pstate, Node *expr)
{
	Oid type = exprType(expr);
	if (IsA(expr, RowExpr) && type == RECORDOID)
	{
		RowExpr *row = reinterpret_cast<RowExpr *>(expr);
		TupleDesc desc = CreateTemplateTupleDesc(list_length(row->args));
		int i = 1;
		ListCell *lc;
		foreach (lc, row->args)
		{
			Node *e = static_cast<Node *>(lfirst(lc));
			/* (psprintf: GCC 12 at -O3 warns falsely on "f" + std::string) */
			std::string name = row->colnames != NIL && i <= list_length(row->colnames)
				? strVal(list_nth(row->colnames, i - 1))
				: psprintf("f%d", i);
			TupleDescInitEntry(desc, static_cast<AttrNumber>(i), name.c_str(), exprType(e),
							   exprTypmod(e), 0);
			TupleDescInitEntryCollation(desc, static_cast<AttrNumber>(i), exprCollation(e));
			i++;
		}
		return desc;
	}
	if (type != RECORDOID)
		return lookup_rowtype_tupdesc_noerror(type, exprTypmod(expr));
	/* A function returning record: its OUT parameters. */
	if (IsA(expr, FuncExpr))
	{
		TupleDesc desc;
		if (get_func_result_type(reinterpret_cast<FuncExpr *>(expr)->funcid, nullptr, &desc) ==
			TYPEFUNC_COMPOSITE)
		{
			ResolvePolymorphicOutColumns(reinterpret_cast<FuncExpr *>(expr), desc);
			return desc;
		}
		return nullptr;
	}
	/* A record column of a subquery in FROM: what the subquery computes
	 * there (PostgreSQL's expandRecordVariable, for that case). */
	if (IsA(expr, Var) && pstate != nullptr)
	{
		Var *var = reinterpret_cast<Var *>(expr);
		ParseState *ps = pstate;
		for (Index up = 0; up < var->varlevelsup && ps != nullptr; up++)
			ps = ps->parentParseState;
		if (ps == nullptr || var->varattno <= 0 || var->varno > list_length(ps->p_rtable))
			return nullptr;
		auto *rte = static_cast<RangeTblEntry *>(list_nth(ps->p_rtable, var->varno - 1));
		if (rte->rtekind != RTE_SUBQUERY || rte->subquery == nullptr)
			return nullptr;
		ListCell *lc;
		foreach (lc, rte->subquery->targetList)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (tle->resno == var->varattno && !tle->resjunk)
				return ExprRowDesc(nullptr, reinterpret_cast<Node *>(tle->expr));
		}
	}
	return nullptr;
}

/* (expr).field (PostgreSQL's ParseComplexProjection): a FROM item's
 * whole row gives its column directly, another row value a FieldSelect. */
Node *ParseFieldSelection(ParseState *pstate, Node *arg, const char *field, int location)
{
	if (IsA(arg, Var) && reinterpret_cast<Var *>(arg)->varattno == 0)
	{
		Var *whole = reinterpret_cast<Var *>(arg);
		ParseState *ps = pstate;
		for (Index up = 0; up < whole->varlevelsup; up++)
			ps = ps->parentParseState;
		ListCell *lc;
		foreach (lc, ps->p_namespace)
		{
			auto *nsitem = static_cast<ParseNamespaceItem *>(lfirst(lc));
			if (nsitem->p_rtindex != whole->varno)
				continue;
			Node *col = ScanNSItemForColumn(ps, nsitem, static_cast<int>(whole->varlevelsup), field,
											location);
			if (col != nullptr)
				return col;
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
					errmsg("column %s.%s does not exist", nsitem->p_rte->eref->aliasname, field),
					parser_errposition(pstate, location));
		}
	}
	Oid type = exprType(arg);
	TupleDesc desc = ExprRowDesc(pstate, arg);
	if (desc != nullptr)
	{
		for (int i = 0; i < desc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, i);
			if (att->attisdropped || strcmp(NameStr(att->attname), field) != 0)
				continue;
			FieldSelect *fs = makeNode(FieldSelect);
			fs->arg = reinterpret_cast<Expr *>(arg);
			fs->fieldnum = static_cast<AttrNumber>(i + 1);
			fs->resulttype = att->atttypid;
			fs->resulttypmod = att->atttypmod;
			fs->resultcollid = att->attcollation;
			return reinterpret_cast<Node *>(fs);
		}
	}
	if (type == RECORDOID)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("could not identify column \"%s\" in record data type", field),
				parser_errposition(pstate, location));
	if (desc != nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column \"%s\" not found in data type %s", field, format_type_be(type)),
				parser_errposition(pstate, location));
	ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
			errmsg("column notation .%s applied to type %s, which is not a composite type", field,
				   format_type_be(type)),
			parser_errposition(pstate, location));
}

/* ROW(…) or (a, b, …): an anonymous record until a cast says which row
 * type; t.* among the items stands for t's columns. */
Node *TransformRowExpr(ParseState *pstate, RowExpr *r)
{
	List *args = NIL;
	ListCell *lc;
	foreach (lc, r->args)
	{
		Node *a = static_cast<Node *>(lfirst(lc));
		ColumnRef *cref = IsA(a, ColumnRef) ? reinterpret_cast<ColumnRef *>(a) : nullptr;
		int nf = cref != nullptr ? list_length(cref->fields) : 0;
		if (cref != nullptr && IsA(llast(cref->fields), A_Star) && nf >= 2 && nf <= 4)
		{
			const char *relname = strVal(list_nth(cref->fields, nf - 2));
			const char *schemaname = nf >= 3 ? strVal(list_nth(cref->fields, nf - 3)) : nullptr;
			int levelsup;
			ParseNamespaceItem *nsitem = RefnameNamespaceItem(pstate, schemaname, relname,
															  cref->location, &levelsup);
			if (nsitem == nullptr)
				ErrorMissingRTE(pstate, relname, cref->location);
			if (levelsup > 0)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("expanding an outer query's row in ROW() is not supported yet"),
						parser_errposition(pstate, cref->location));
			int saved_resno = pstate->p_next_resno;
			ListCell *c;
			foreach (c, expandNSItemAttrs(pstate, nsitem, cref->location))
				args = lappend(args, static_cast<TargetEntry *>(lfirst(c))->expr);
			pstate->p_next_resno = saved_resno;
			continue;
		}
		args = lappend(args, TransformExprRecurse(pstate, a));
	}
	if (list_length(args) > MaxTupleAttributeNumber)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_COLUMNS),
				errmsg("ROW expressions can have at most %d entries", MaxTupleAttributeNumber),
				parser_errposition(pstate, r->location));
	RowExpr *result = makeNode(RowExpr);
	result->args = args;
	result->row_typeid = RECORDOID;
	result->row_format = r->row_format;
	for (int i = 1; i <= list_length(args); i++)
		result->colnames = lappend(result->colnames, makeString(psprintf("f%d", i)));
	result->location = r->location;
	return reinterpret_cast<Node *>(result);
}

/* The B-tree strategies (ROWCOMPARE_* numbers) an operator has in any
 * B-tree family; "<>" has ROWCOMPARE_NE through its negator "=". */
Bitmapset *OperatorBtreeStrategies(Oid opno)
{
	Bitmapset *result = nullptr;
	CatCList *members = SearchSysCacheList1(AMOPOPID, ObjectIdGetDatum(opno));
	for (int i = 0; i < members->n_members; i++)
	{
		auto *amop = reinterpret_cast<Form_pg_amop>(GETSTRUCT(members->members[i]));
		if (amop->amopmethod == BTREE_AM_OID)
			result = bms_add_member(result, amop->amopstrategy);
	}
	ReleaseSysCacheList(members);
	if (result == nullptr)
	{
		Oid negator = get_negator(opno);
		if (OidIsValid(negator))
		{
			Bitmapset *neg = nullptr;
			CatCList *nmembers = SearchSysCacheList1(AMOPOPID, ObjectIdGetDatum(negator));
			for (int i = 0; i < nmembers->n_members; i++)
			{
				auto *amop = reinterpret_cast<Form_pg_amop>(GETSTRUCT(nmembers->members[i]));
				if (amop->amopmethod == BTREE_AM_OID && amop->amopstrategy == ROWCOMPARE_EQ)
					neg = bms_add_member(neg, ROWCOMPARE_NE);
			}
			ReleaseSysCacheList(nmembers);
			result = neg;
		}
	}
	return result;
}

/* The B-tree family in which opno has strategy rctype. */
Oid OperatorFamilyFor(Oid opno, int rctype)
{
	Oid family = InvalidOid;
	CatCList *members = SearchSysCacheList1(AMOPOPID, ObjectIdGetDatum(opno));
	for (int i = 0; i < members->n_members && !OidIsValid(family); i++)
	{
		auto *amop = reinterpret_cast<Form_pg_amop>(GETSTRUCT(members->members[i]));
		if (amop->amopmethod == BTREE_AM_OID && amop->amopstrategy == rctype)
			family = amop->amopfamily;
	}
	ReleaseSysCacheList(members);
	if (!OidIsValid(family))
		elog(ERROR, "could not find appropriate opfamily for operator %u", opno);
	return family;
}

}  // namespace

/* (a, b) op (c, d) (PostgreSQL's make_row_comparison_op): = is the AND of
 * the pairs' "=", <> the OR of their "<>", and < <= > >= a
 * RowCompareExpr comparing pair by pair in their B-tree families. */
Node *make_row_comparison_op(ParseState *pstate, List *opname, List *largs, List *rargs,
							 int location)
{
	int nopers = list_length(largs);
	if (nopers != list_length(rargs))
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("unequal number of entries in row expressions"),
				parser_errposition(pstate, location));
	if (nopers == 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot compare rows of zero length"), parser_errposition(pstate, location));
	List *opexprs = NIL;
	ListCell *l;
	ListCell *r;
	forboth(l, largs, r, rargs)
	{
		Node *cmp = reinterpret_cast<Node *>(make_op(pstate, opname, static_cast<Node *>(lfirst(l)),
													 static_cast<Node *>(lfirst(r)), nullptr,
													 location));
		if (exprType(cmp) != BOOLOID)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("row comparison operator must yield type boolean, not type %s",
						   format_type_be(exprType(cmp))),
					parser_errposition(pstate, location));
		opexprs = lappend(opexprs, cmp);
	}
	if (nopers == 1)
		return static_cast<Node *>(linitial(opexprs));
	Bitmapset *strats = nullptr;
	bool first = true;
	ListCell *lc;
	foreach (lc, opexprs)
	{
		Bitmapset *these = OperatorBtreeStrategies(reinterpret_cast<OpExpr *>(lfirst(lc))->opno);
		strats = first ? these : bms_int_members(strats, these);
		first = false;
	}
	int rctype = bms_next_member(strats, -1);
	if (rctype < 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("could not determine interpretation of row comparison operator %s",
					   strVal(llast(opname))),
				errhint("Row comparison operators must be associated with btree operator "
						"families."),
				parser_errposition(pstate, location));
	if (rctype == ROWCOMPARE_EQ)
		return MakeBoolExpr(AND_EXPR, opexprs, location);
	if (rctype == ROWCOMPARE_NE)
		return MakeBoolExpr(OR_EXPR, opexprs, location);
	RowCompareExpr *rc = makeNode(RowCompareExpr);
	rc->rctype = static_cast<RowCompareType>(rctype);
	foreach (lc, opexprs)
	{
		OpExpr *op = reinterpret_cast<OpExpr *>(lfirst(lc));
		rc->opnos = lappend_oid(rc->opnos, op->opno);
		rc->opfamilies = lappend_oid(rc->opfamilies, OperatorFamilyFor(op->opno, rctype));
		rc->inputcollids = lappend_oid(rc->inputcollids, op->inputcollid);
		rc->largs = lappend(rc->largs, linitial(op->args));
		rc->rargs = lappend(rc->rargs, lsecond(op->args));
	}
	return reinterpret_cast<Node *>(rc);
}

namespace {

/* (a, b) IS DISTINCT FROM (c, d): any pair distinct. */
Node *MakeRowDistinctOp(ParseState *pstate, List *opname, RowExpr *lrow, RowExpr *rrow,
						int location)
{
	if (list_length(lrow->args) != list_length(rrow->args))
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("unequal number of entries in row expressions"),
				parser_errposition(pstate, location));
	List *tests = NIL;
	ListCell *l;
	ListCell *r;
	forboth(l, lrow->args, r, rrow->args)
	{
		Expr *eq = make_op(pstate, opname, static_cast<Node *>(lfirst(l)),
						   static_cast<Node *>(lfirst(r)), nullptr, location);
		if (exprType(reinterpret_cast<Node *>(eq)) != BOOLOID)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("IS DISTINCT FROM requires = operator to yield boolean"),
					parser_errposition(pstate, location));
		DistinctExpr *d = makeNode(DistinctExpr);
		memcpy(reinterpret_cast<char *>(d) + sizeof(NodeTag),
			   reinterpret_cast<char *>(eq) + sizeof(NodeTag), sizeof(OpExpr) - sizeof(NodeTag));
		d->xpr.type = T_DistinctExpr;
		tests = lappend(tests, d);
	}
	if (list_length(tests) == 1)
		return static_cast<Node *>(linitial(tests));
	return MakeBoolExpr(OR_EXPR, tests, location);
}

Node *TransformColumnRef(ParseState *pstate, ColumnRef *cref)
{
	if (pstate->p_expr_kind == EXPR_KIND_COLUMN_DEFAULT)
		ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
				errmsg("cannot use column reference in DEFAULT expression"),
				parser_errposition(pstate, cref->location));
	List *fields = cref->fields;
	int nfields = list_length(fields);
	Node *last = static_cast<Node *>(llast(fields));
	if (IsA(last, A_Star))
	{
		/* t.* in an expression is t's whole row. */
		if (nfields < 2 || nfields > 4)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("row expansion via \"*\" is not supported here"),
					parser_errposition(pstate, cref->location));
		const char *relname = strVal(list_nth(fields, nfields - 2));
		const char *schemaname = nfields >= 3 ? strVal(list_nth(fields, nfields - 3)) : nullptr;
		int levelsup;
		ParseNamespaceItem *nsitem = RefnameNamespaceItem(pstate, schemaname, relname,
														  cref->location, &levelsup);
		if (nsitem == nullptr)
			ErrorMissingRTE(pstate, relname, cref->location);
		return MakeWholeRowRef(nsitem, levelsup, cref->location);
	}
	const char *colname = strVal(last);
	if (nfields == 1)
	{
		Node *var = ColNameToVar(pstate, colname, cref->location);
		if (var != nullptr)
			return var;
		/* A FROM item's name alone: its whole row. */
		int wlevelsup;
		ParseNamespaceItem *whole = RefnameNamespaceItem(pstate, nullptr, colname, cref->location,
														 &wlevelsup);
		if (whole != nullptr)
			return MakeWholeRowRef(whole, wlevelsup, cref->location);
		if (pstate->p_post_columnref_hook != nullptr)
			if (Node *n = pstate->p_post_columnref_hook(pstate, cref))
				return n;
		ErrorMissingColumn(pstate, nullptr, colname, cref->location);
	}
	if (nfields > 4)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("improper qualified name (too many dotted names): %s",
					   NameListToString(fields)),
				parser_errposition(pstate, cref->location));
	const char *relname = strVal(list_nth(fields, nfields - 2));
	const char *schemaname = nfields >= 3 ? strVal(list_nth(fields, nfields - 3)) : nullptr;
	int levelsup;
	ParseNamespaceItem *nsitem = RefnameNamespaceItem(pstate, schemaname, relname, cref->location,
													  &levelsup);
	if (nsitem == nullptr && nfields == 2)
	{
		/* column.field of a column of a row type */
		Node *column = ColNameToVar(pstate, relname, cref->location);
		if (column != nullptr)
			return ParseFieldSelection(pstate, column, colname, cref->location);
	}
	if (nsitem == nullptr)
		ErrorMissingRTE(pstate, relname, cref->location);
	Node *var = ScanNSItemForColumn(pstate, nsitem, levelsup, colname, cref->location);
	if (var == nullptr)
		ErrorMissingColumn(pstate, relname, colname, cref->location);
	return var;
}

/* ---- operators and friends ---- */

Node *TransformAExprOp(ParseState *pstate, A_Expr *a)
{
	/* (a, b) op (SELECT x, y …): a row comparison with the subquery's
	 * single row. */
	if (a->lexpr != nullptr && IsA(a->lexpr, RowExpr) && IsA(a->rexpr, SubLink) &&
		reinterpret_cast<SubLink *>(a->rexpr)->subLinkType == EXPR_SUBLINK)
	{
		SubLink *s = reinterpret_cast<SubLink *>(a->rexpr);
		s->subLinkType = ROWCOMPARE_SUBLINK;
		s->testexpr = a->lexpr;
		s->operName = a->name;
		s->location = a->location;
		return TransformExprRecurse(pstate, reinterpret_cast<Node *>(s));
	}
	bool rows = a->lexpr != nullptr && IsA(a->lexpr, RowExpr) && IsA(a->rexpr, RowExpr);
	Node *lexpr = a->lexpr != nullptr ? TransformExprRecurse(pstate, a->lexpr) : nullptr;
	Node *rexpr = TransformExprRecurse(pstate, a->rexpr);
	if (rows)
		return make_row_comparison_op(pstate, a->name, reinterpret_cast<RowExpr *>(lexpr)->args,
									  reinterpret_cast<RowExpr *>(rexpr)->args, a->location);
	return reinterpret_cast<Node *>(make_op(pstate, a->name, lexpr, rexpr, nullptr, a->location));
}

Node *MakeBoolExpr(BoolExprType op, List *args, int location)
{
	BoolExpr *b = makeNode(BoolExpr);
	b->boolop = op;
	b->args = args;
	b->location = location;
	return reinterpret_cast<Node *>(b);
}

Node *TransformDistinct(ParseState *pstate, A_Expr *a, bool negate)
{
	Node *lexpr = TransformExprRecurse(pstate, a->lexpr);
	Node *rexpr = TransformExprRecurse(pstate, a->rexpr);
	if (IsA(a->lexpr, RowExpr) && IsA(a->rexpr, RowExpr))
	{
		Node *d = MakeRowDistinctOp(pstate, a->name, reinterpret_cast<RowExpr *>(lexpr),
									reinterpret_cast<RowExpr *>(rexpr), a->location);
		return negate ? MakeBoolExpr(NOT_EXPR, list_make1(d), a->location) : d;
	}
	Expr *eq = make_op(pstate, a->name, lexpr, rexpr, nullptr, a->location);
	if (exprType(reinterpret_cast<Node *>(eq)) != BOOLOID)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("IS DISTINCT FROM requires = operator to yield boolean"),
				parser_errposition(pstate, a->location));
	OpExpr *op = reinterpret_cast<OpExpr *>(eq);
	DistinctExpr *d = makeNode(DistinctExpr);
	memcpy(reinterpret_cast<char *>(d) + sizeof(NodeTag),
		   reinterpret_cast<char *>(op) + sizeof(NodeTag), sizeof(OpExpr) - sizeof(NodeTag));
	d->xpr.type = T_DistinctExpr;
	Node *result = reinterpret_cast<Node *>(d);
	if (negate)
		result = MakeBoolExpr(NOT_EXPR, list_make1(result), a->location);
	return result;
}

Node *TransformNullIf(ParseState *pstate, A_Expr *a)
{
	Node *lexpr = TransformExprRecurse(pstate, a->lexpr);
	Node *rexpr = TransformExprRecurse(pstate, a->rexpr);
	Expr *eq = make_op(pstate, a->name, lexpr, rexpr, nullptr, a->location);
	OpExpr *op = reinterpret_cast<OpExpr *>(eq);
	if (op->opresulttype != BOOLOID)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("NULLIF requires = operator to yield boolean"),
				parser_errposition(pstate, a->location));
	NullIfExpr *n = makeNode(NullIfExpr);
	memcpy(reinterpret_cast<char *>(n) + sizeof(NodeTag),
		   reinterpret_cast<char *>(op) + sizeof(NodeTag), sizeof(OpExpr) - sizeof(NodeTag));
	n->xpr.type = T_NullIfExpr;
	n->opresulttype = exprType(static_cast<Node *>(linitial(n->args)));
	return reinterpret_cast<Node *>(n);
}

Node *MakeScalarArrayOp(ParseState *pstate, List *opname, bool use_or, Node *lexpr, Node *rexpr,
						int location);

/* x IN (a, b, …) as PostgreSQL's transformAExprIn builds it: the items
 * that read no column of this query, when there are two or more and they
 * share a type with x, become x = ANY (ARRAY[a, b, …]) (NOT IN: x <> ALL
 * (…)); the others are compared one by one and ORed (NOT IN: ANDed) to
 * it.  Row values are always compared one by one. */
Node *TransformIn(ParseState *pstate, A_Expr *a)
{
	bool is_not = strcmp(strVal(linitial(a->name)), "<>") == 0;
	List *rlist = reinterpret_cast<List *>(a->rexpr);
	if (!IsA(rlist, List))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("IN with a subquery is not supported yet"),
				parser_errposition(pstate, a->location));
	Node *lexpr = TransformExprRecurse(pstate, a->lexpr);
	bool have_row = IsA(lexpr, RowExpr);
	List *rexprs = NIL;
	List *rvars = NIL;
	List *rnonvars = NIL;
	ListCell *lc;
	foreach (lc, rlist)
	{
		Node *rexpr = TransformExprRecurse(pstate, static_cast<Node *>(lfirst(lc)));
		have_row = have_row || IsA(rexpr, RowExpr);
		rexprs = lappend(rexprs, rexpr);
		if (contain_vars_of_level(rexpr, 0))
			rvars = lappend(rvars, rexpr);
		else
			rnonvars = lappend(rnonvars, rexpr);
	}
	Node *result = nullptr;
	if (!have_row && list_length(rnonvars) > 1)
	{
		List *all = lcons(lexpr, list_copy(rnonvars));
		Oid scalar_type = select_common_type(pstate, all, nullptr, nullptr);
		Oid array_type = InvalidOid;
		if (OidIsValid(scalar_type) && scalar_type != RECORDOID)
		{
			bool coercible = true;
			foreach (lc, all)
			{
				Oid from = exprType(static_cast<Node *>(lfirst(lc)));
				coercible = coercible && can_coerce_type(1, &from, &scalar_type, COERCION_IMPLICIT);
			}
			if (coercible)
				array_type = get_array_type(scalar_type);
		}
		if (OidIsValid(array_type))
		{
			List *elements = NIL;
			foreach (lc, rnonvars)
				elements = lappend(elements,
								   coerce_to_common_type(pstate, static_cast<Node *>(lfirst(lc)),
														 scalar_type, "IN"));
			ArrayExpr *array = makeNode(ArrayExpr);
			array->array_typeid = array_type;
			array->element_typeid = scalar_type;
			array->array_collid = get_typcollation(scalar_type);
			array->elements = elements;
			array->multidims = false;
			array->location = -1;
			result = MakeScalarArrayOp(pstate, a->name, !is_not, lexpr,
									   reinterpret_cast<Node *>(array), a->location);
			rexprs = rvars;
		}
	}
	List *args = result != nullptr ? list_make1(result) : NIL;
	foreach (lc, rexprs)
	{
		Node *left = static_cast<Node *>(copyObject(lexpr));
		Node *rexpr = static_cast<Node *>(lfirst(lc));
		Node *cmp;
		if (IsA(left, RowExpr) && IsA(rexpr, RowExpr))
			cmp = make_row_comparison_op(pstate, a->name, reinterpret_cast<RowExpr *>(left)->args,
										 reinterpret_cast<RowExpr *>(rexpr)->args, a->location);
		else
			cmp = reinterpret_cast<Node *>(
				make_op(pstate, a->name, left, rexpr, nullptr, a->location));
		args = lappend(args, coerce_to_boolean(pstate, cmp, "IN"));
	}
	if (list_length(args) == 1)
		return static_cast<Node *>(linitial(args));
	return MakeBoolExpr(is_not ? AND_EXPR : OR_EXPR, args, a->location);
}

Node *TransformBetween(ParseState *pstate, A_Expr *a)
{
	List *bounds = reinterpret_cast<List *>(a->rexpr);
	Node *lo = static_cast<Node *>(linitial(bounds));
	Node *hi = static_cast<Node *>(lsecond(bounds));
	auto op = [&](const char *name, Node *l, Node *r) {
		return coerce_to_boolean(pstate,
								 reinterpret_cast<Node *>(
									 make_op(pstate, list_make1(makeString(pstrdup(name))),
											 TransformExprRecurse(pstate, l),
											 TransformExprRecurse(pstate, r), nullptr,
											 a->location)),
								 "BETWEEN");
	};
	switch (a->kind)
	{
		case AEXPR_BETWEEN:
			return MakeBoolExpr(AND_EXPR,
								list_make2(op(">=", a->lexpr, lo), op("<=", a->lexpr, hi)),
								a->location);
		case AEXPR_NOT_BETWEEN:
			return MakeBoolExpr(OR_EXPR, list_make2(op("<", a->lexpr, lo), op(">", a->lexpr, hi)),
								a->location);
		case AEXPR_BETWEEN_SYM:
			return MakeBoolExpr(OR_EXPR,
								list_make2(MakeBoolExpr(AND_EXPR,
														list_make2(op(">=", a->lexpr, lo),
																   op("<=", a->lexpr, hi)),
														a->location),
										   MakeBoolExpr(AND_EXPR,
														list_make2(op(">=", a->lexpr, hi),
																   op("<=", a->lexpr, lo)),
														a->location)),
								a->location);
		default:
			return MakeBoolExpr(AND_EXPR,
								list_make2(MakeBoolExpr(OR_EXPR,
														list_make2(op("<", a->lexpr, lo),
																   op(">", a->lexpr, hi)),
														a->location),
										   MakeBoolExpr(OR_EXPR,
														list_make2(op("<", a->lexpr, hi),
																   op(">", a->lexpr, lo)),
														a->location)),
								a->location);
	}
}

/* ARRAY[…]: the elements coerced to their common type (or, under a cast
 * to an array type, to its element type), PostgreSQL's
 * transformArrayExpr.  Elements that are ARRAY[…] themselves (or any
 * arrays) make a multidimensional ArrayExpr: they are coerced to the
 * common array type, and the executor stacks them into one more
 * dimension. */
Node *TransformArrayExpr(ParseState *pstate, A_ArrayExpr *a, Oid array_type, int32 typmod)
{
	List *elements = NIL;
	bool multidims = false;
	ListCell *lc;
	foreach (lc, a->elements)
	{
		Node *e = static_cast<Node *>(lfirst(lc));
		Node *ne;
		if (IsA(e, A_ArrayExpr))
		{
			ne = TransformArrayExpr(pstate, reinterpret_cast<A_ArrayExpr *>(e), array_type, typmod);
			multidims = true;
		}
		else
		{
			ne = TransformExprRecurse(pstate, e);
			Oid etype = exprType(ne);
			if (!multidims && etype != INT2VECTOROID && etype != OIDVECTOROID &&
				OidIsValid(get_element_type(etype)))
				multidims = true;
		}
		elements = lappend(elements, ne);
	}
	Oid element_type = OidIsValid(array_type) ? get_element_type(array_type) : InvalidOid;
	/* Under a cast to an array type the elements are cast to its element
	 * type as if explicitly; otherwise they meet at a common type. */
	bool coerce_hard = OidIsValid(element_type);
	if (!OidIsValid(element_type))
	{
		if (elements == NIL)
			ereport(ERROR, errcode(ERRCODE_INDETERMINATE_DATATYPE),
					errmsg("cannot determine type of empty array"),
					errhint("Explicitly cast to the desired type, for example ARRAY[]::integer[]."),
					parser_errposition(pstate, a->location));
		Oid common = select_common_type(pstate, elements, "ARRAY", nullptr);
		if (multidims)
		{
			array_type = common;
			element_type = get_element_type(array_type);
			if (!OidIsValid(element_type))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("could not find element type for data type %s",
							   format_type_be(array_type)),
						parser_errposition(pstate, a->location));
		}
		else
		{
			element_type = common;
			array_type = get_array_type(element_type);
			if (!OidIsValid(array_type))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("could not find array type for data type %s",
							   format_type_be(element_type)),
						parser_errposition(pstate, a->location));
		}
		typmod = -1;
	}
	List *coerced = NIL;
	foreach (lc, elements)
	{
		Node *e = static_cast<Node *>(lfirst(lc));
		Node *ne;
		Oid target = multidims ? array_type : element_type;
		if (coerce_hard)
		{
			ne = coerce_to_target_type(pstate, e, exprType(e), target, typmod, COERCION_EXPLICIT,
									   COERCE_EXPLICIT_CAST, -1);
			if (ne == nullptr)
				ereport(ERROR, errcode(ERRCODE_CANNOT_COERCE),
						errmsg("cannot cast type %s to %s", format_type_be(exprType(e)),
							   format_type_be(target)),
						parser_errposition(pstate, exprLocation(e)));
		}
		else
			ne = coerce_to_common_type(pstate, e, target, "ARRAY");
		coerced = lappend(coerced, ne);
	}
	ArrayExpr *result = makeNode(ArrayExpr);
	result->array_typeid = array_type;
	result->element_typeid = element_type;
	result->array_collid = get_typcollation(element_type);
	result->elements = coerced;
	result->multidims = multidims;
	result->location = a->location;
	return reinterpret_cast<Node *>(result);
}

/* lexpr op ANY (rexpr) (use_or) or op ALL, both transformed:
 * PostgreSQL's make_scalar_array_op. */
Node *MakeScalarArrayOp(ParseState *pstate, List *opname, bool use_or, Node *lexpr, Node *rexpr,
						int location)
{
	Oid ltype = exprType(lexpr);
	Oid rtype = exprType(rexpr);
	/* The operator's right input is the array's element; an untyped
	 * literal stays unknown until the operator is chosen. */
	Oid element_type = UNKNOWNOID;
	if (rtype != UNKNOWNOID)
	{
		element_type = get_element_type(rtype);
		if (!OidIsValid(element_type))
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("op ANY/ALL (array) requires array on right side"),
					parser_errposition(pstate, location));
	}
	Oid opno = oper_lookup(pstate, opname, ltype, element_type, false, location);
	HeapTuple tup = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for operator %u", opno);
	auto *opform = reinterpret_cast<Form_pg_operator>(GETSTRUCT(tup));
	Oid actual[2] = {ltype, element_type};
	Oid declared[2] = {opform->oprleft, opform->oprright};
	Oid rettype = enforce_generic_type_consistency(actual, declared, 2, opform->oprresult, false);
	if (rettype != BOOLOID)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("op ANY/ALL (array) requires operator to yield boolean"),
				parser_errposition(pstate, location));
	if (get_func_retset(opform->oprcode))
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("op ANY/ALL (array) requires operator not to return a set"),
				parser_errposition(pstate, location));
	/* Back to the array type on the right, cast as the operator needs. */
	Oid array_type = get_array_type(declared[1]);
	if (!OidIsValid(array_type))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("could not find array type for data type %s", format_type_be(declared[1])),
				parser_errposition(pstate, location));
	actual[1] = rtype;
	declared[1] = array_type;
	List *args = list_make2(lexpr, rexpr);
	make_fn_arguments(pstate, args, actual, declared);
	ScalarArrayOpExpr *result = makeNode(ScalarArrayOpExpr);
	result->opno = opno;
	result->opfuncid = opform->oprcode;
	result->hashfuncid = InvalidOid;
	result->negfuncid = InvalidOid;
	result->useOr = use_or;
	result->inputcollid = SelectInputCollation(pstate, args);
	result->args = args;
	result->location = location;
	return reinterpret_cast<Node *>(result);
}

/* x op ANY|ALL (array). */
Node *TransformAExprOpAny(ParseState *pstate, A_Expr *a)
{
	Node *lexpr = TransformExprRecurse(pstate, a->lexpr);
	Node *rexpr = TransformExprRecurse(pstate, a->rexpr);
	return MakeScalarArrayOp(pstate, a->name, a->kind == AEXPR_OP_ANY, lexpr, rexpr, a->location);
}

Node *TransformAExpr(ParseState *pstate, A_Expr *a)
{
	switch (a->kind)
	{
		case AEXPR_OP:
		case AEXPR_LIKE:
		case AEXPR_ILIKE:
		case AEXPR_SIMILAR:
			return TransformAExprOp(pstate, a);
		case AEXPR_DISTINCT:
			return TransformDistinct(pstate, a, false);
		case AEXPR_NOT_DISTINCT:
			return TransformDistinct(pstate, a, true);
		case AEXPR_NULLIF:
			return TransformNullIf(pstate, a);
		case AEXPR_IN:
			return TransformIn(pstate, a);
		case AEXPR_BETWEEN:
		case AEXPR_NOT_BETWEEN:
		case AEXPR_BETWEEN_SYM:
		case AEXPR_NOT_BETWEEN_SYM:
			return TransformBetween(pstate, a);
		case AEXPR_OP_ANY:
		case AEXPR_OP_ALL:
			return TransformAExprOpAny(pstate, a);
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s expressions are not supported yet", "A_Expr"),
					parser_errposition(pstate, a->location));
	}
}

Node *TransformBoolExpr(ParseState *pstate, BoolExpr *b)
{
	const char *opname = b->boolop == AND_EXPR ? "AND" : b->boolop == OR_EXPR ? "OR" : "NOT";
	List *args = NIL;
	ListCell *lc;
	foreach (lc, b->args)
		args = lappend(args,
					   coerce_to_boolean(pstate,
										 TransformExprRecurse(pstate,
															  static_cast<Node *>(lfirst(lc))),
										 opname));
	return MakeBoolExpr(b->boolop, args, b->location);
}

Node *TransformTypeCast(ParseState *pstate, TypeCast *tc)
{
	Oid targetType;
	int32 targetTypmod;
	typenameTypeIdAndMod(pstate, tc->typeName, &targetType, &targetTypmod);
	/* ARRAY[…]::t[] builds the array of t directly (ARRAY[]::int[]). */
	Node *expr = IsA(tc->arg, A_ArrayExpr) && OidIsValid(get_element_type(targetType))
		? TransformArrayExpr(pstate, reinterpret_cast<A_ArrayExpr *>(tc->arg), targetType,
							 targetTypmod)
		: TransformExprRecurse(pstate, tc->arg);
	Oid inputType = exprType(expr);
	int location = tc->location;
	if (location < 0)
		location = tc->typeName->location;
	Node *result = coerce_to_target_type(pstate, expr, inputType, targetType, targetTypmod,
										 COERCION_EXPLICIT, COERCE_EXPLICIT_CAST, location);
	if (result == nullptr)
		ereport(ERROR, errcode(ERRCODE_CANNOT_COERCE),
				errmsg("cannot cast type %s to %s", format_type_be(inputType),
					   format_type_be(targetType)),
				parser_errposition(pstate, location));
	return result;
}

/* CASE and COALESCE evaluate their arguments conditionally, which a
 * set-returning function cannot be (PostgreSQL 10's rule). */
void RejectSrfIn(ParseState *pstate, Node *expr, const char *construct)
{
	if (Node *srf = FindSetReturningFunction(expr))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("set-returning functions are not allowed in %s", construct),
				errhint("You might be able to move the set-returning function into a LATERAL "
						"FROM item."),
				parser_errposition(pstate, exprLocation(srf)));
}

Node *TransformCase(ParseState *pstate, CaseExpr *c)
{
	/* CASE x WHEN v …: x computed once, each WHEN comparing a placeholder
	 * for it (CaseTestExpr = v), as PostgreSQL's transformCaseExpr does. */
	Node *arg = nullptr;
	CaseTestExpr *placeholder = nullptr;
	if (c->arg != nullptr)
	{
		arg = TransformExprRecurse(pstate, reinterpret_cast<Node *>(c->arg));
		/* An untyped literal is text: the placeholder cannot be coerced. */
		if (exprType(arg) == UNKNOWNOID)
			arg = coerce_to_common_type(pstate, arg, TEXTOID, "CASE");
		placeholder = makeNode(CaseTestExpr);
		placeholder->typeId = exprType(arg);
		placeholder->typeMod = exprTypmod(arg);
		placeholder->collation = exprCollation(arg);
	}
	List *whens = NIL;
	List *results = NIL;
	ListCell *lc;
	foreach (lc, c->args)
	{
		CaseWhen *w = static_cast<CaseWhen *>(lfirst(lc));
		CaseWhen *nw = makeNode(CaseWhen);
		Node *cond = TransformExprRecurse(pstate, reinterpret_cast<Node *>(w->expr));
		if (placeholder != nullptr)
			cond = reinterpret_cast<Node *>(
				make_op(pstate, list_make1(makeString(pstrdup("="))),
						reinterpret_cast<Node *>(copyObject(placeholder)), cond, nullptr,
						w->location));
		nw->expr = reinterpret_cast<Expr *>(coerce_to_boolean(pstate, cond, "CASE/WHEN"));
		nw->result = reinterpret_cast<Expr *>(
			TransformExprRecurse(pstate, reinterpret_cast<Node *>(w->result)));
		nw->location = w->location;
		whens = lappend(whens, nw);
		results = lappend(results, nw->result);
	}
	Node *defresult = nullptr;
	if (c->defresult != nullptr)
	{
		defresult = TransformExprRecurse(pstate, reinterpret_cast<Node *>(c->defresult));
		results = lcons(defresult, results);
	}
	Oid ptype = select_common_type(pstate, results, "CASE", nullptr);
	foreach (lc, whens)
	{
		CaseWhen *w = static_cast<CaseWhen *>(lfirst(lc));
		w->result = reinterpret_cast<Expr *>(
			coerce_to_common_type(pstate, reinterpret_cast<Node *>(w->result), ptype, "CASE/WHEN"));
	}
	if (defresult != nullptr)
		defresult = coerce_to_common_type(pstate, defresult, ptype, "CASE/ELSE");
	CaseExpr *result = makeNode(CaseExpr);
	result->arg = reinterpret_cast<Expr *>(arg);
	result->casetype = ptype;
	result->casecollid = get_typcollation(ptype);
	result->args = whens;
	result->defresult = reinterpret_cast<Expr *>(defresult);
	result->location = c->location;
	RejectSrfIn(pstate, reinterpret_cast<Node *>(result), "CASE");
	return reinterpret_cast<Node *>(result);
}

Node *TransformCoalesce(ParseState *pstate, CoalesceExpr *c)
{
	List *args = NIL;
	ListCell *lc;
	foreach (lc, c->args)
		args = lappend(args, TransformExprRecurse(pstate, static_cast<Node *>(lfirst(lc))));
	Oid ptype = select_common_type(pstate, args, "COALESCE", nullptr);
	List *coerced = NIL;
	foreach (lc, args)
		coerced = lappend(coerced,
						  coerce_to_common_type(pstate, static_cast<Node *>(lfirst(lc)), ptype,
												"COALESCE"));
	CoalesceExpr *result = makeNode(CoalesceExpr);
	result->coalescetype = ptype;
	result->coalescecollid = get_typcollation(ptype);
	result->args = coerced;
	result->location = c->location;
	RejectSrfIn(pstate, reinterpret_cast<Node *>(result), "COALESCE");
	return reinterpret_cast<Node *>(result);
}

/* GREATEST(…) / LEAST(…): the arguments resolved to one type as for
 * CASE and COALESCE; the comparison is chosen by the executor. */
Node *TransformMinMax(ParseState *pstate, MinMaxExpr *m)
{
	const char *funcname = m->op == IS_GREATEST ? "GREATEST" : "LEAST";
	List *args = NIL;
	ListCell *lc;
	foreach (lc, m->args)
		args = lappend(args, TransformExprRecurse(pstate, static_cast<Node *>(lfirst(lc))));
	Oid ptype = select_common_type(pstate, args, funcname, nullptr);
	List *coerced = NIL;
	foreach (lc, args)
		coerced = lappend(coerced,
						  coerce_to_common_type(pstate, static_cast<Node *>(lfirst(lc)), ptype,
												funcname));
	MinMaxExpr *result = makeNode(MinMaxExpr);
	result->minmaxtype = ptype;
	result->op = m->op;
	result->args = coerced;
	if (OidIsValid(get_typcollation(ptype)))
	{
		Oid coll = SelectInputCollation(pstate, coerced);
		result->inputcollid = OidIsValid(coll) ? coll : get_typcollation(ptype);
		result->minmaxcollid = result->inputcollid;
	}
	result->location = m->location;
	return reinterpret_cast<Node *>(result);
}

Node *TransformParamRef(ParseState *pstate, ParamRef *pref)
{
	int n = pref->number;
	if (n <= 0 || n > pstate->p_numparams)
	{
		if (!pstate->p_variableparams || n <= 0)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_PARAMETER),
					errmsg("there is no parameter $%d", n),
					parser_errposition(pstate, pref->location));
		/* Inferred parameters: grow the list. */
		auto *types = static_cast<Oid *>(palloc0(n * sizeof(Oid)));
		if (pstate->p_numparams > 0)
			memcpy(types, pstate->p_paramtypes, pstate->p_numparams * sizeof(Oid));
		pstate->p_paramtypes = types;
		pstate->p_numparams = n;
	}
	Oid type = pstate->p_paramtypes[n - 1];
	if (!OidIsValid(type))
		type = UNKNOWNOID;
	Param *param = makeNode(Param);
	param->paramkind = PARAM_EXTERN;
	param->paramid = n;
	param->paramtype = type;
	param->paramtypmod = -1;
	param->paramcollid = get_typcollation(type == UNKNOWNOID ? TEXTOID : type);
	param->location = pref->location;
	return reinterpret_cast<Node *>(param);
}

/* A call of the built-in function funcid on args. */
FuncExpr *MakeBuiltinCall(Oid funcid, Oid rettype, List *args, int location)
{
	FuncExpr *f = makeNode(FuncExpr);
	f->funcid = funcid;
	f->funcresulttype = rettype;
	f->funcformat = COERCE_SQL_SYNTAX;
	f->args = args;
	f->location = location;
	return f;
}

/* CURRENT_DATE, CURRENT_TIME[(p)], CURRENT_TIMESTAMP[(p)], LOCALTIME[(p)],
 * LOCALTIMESTAMP[(p)]: the transaction's start time, now(), cast to the
 * type and rounded to p by the pg_proc functions the casts use (PostgreSQL
 * keeps an SQLValueFunction node that computes the same). */
Node *DateTimeValueFunction(SQLValueFunction *svf)
{
	constexpr Oid kNow = 1299, kTimestamptzDate = 1178, kTimestamptzTimetz = 1388,
				  kTimestamptzTime = 2019, kTimestamptzTimestamp = 2027, kTimestampScale = 1961,
				  kTimestamptzScale = 1967, kTimeScale = 1968, kTimetzScale = 1969;
	Node *now = reinterpret_cast<Node *>(MakeBuiltinCall(kNow, TIMESTAMPTZOID, NIL, svf->location));
	Oid cast = InvalidOid, scale = InvalidOid, type = TIMESTAMPTZOID;
	switch (svf->op)
	{
		case SVFOP_CURRENT_DATE:
			cast = kTimestamptzDate;
			type = DATEOID;
			break;
		case SVFOP_CURRENT_TIME:
		case SVFOP_CURRENT_TIME_N:
			cast = kTimestamptzTimetz;
			scale = kTimetzScale;
			type = TIMETZOID;
			break;
		case SVFOP_CURRENT_TIMESTAMP:
		case SVFOP_CURRENT_TIMESTAMP_N:
			scale = kTimestamptzScale;
			break;
		case SVFOP_LOCALTIME:
		case SVFOP_LOCALTIME_N:
			cast = kTimestamptzTime;
			scale = kTimeScale;
			type = TIMEOID;
			break;
		default:
			cast = kTimestamptzTimestamp;
			scale = kTimestampScale;
			type = TIMESTAMPOID;
			break;
	}
	Node *result = now;
	if (OidIsValid(cast))
		result = reinterpret_cast<Node *>(
			MakeBuiltinCall(cast, type, list_make1(now), svf->location));
	if (svf->typmod >= 0)
	{
		/* precision above 6 warns and is 6 (PostgreSQL warns when it runs) */
		int32 typmod = type == TIMESTAMPTZOID || type == TIMESTAMPOID
			? anytimestamp_typmod_check(type == TIMESTAMPTZOID, svf->typmod)
			: anytime_typmod_check(type == TIMETZOID, svf->typmod);
		Const *p = makeNode(Const);
		p->consttype = INT4OID;
		p->consttypmod = -1;
		p->constlen = 4;
		p->constbyval = true;
		p->constvalue = Int32GetDatum(typmod);
		p->location = -1;
		result = reinterpret_cast<Node *>(
			MakeBuiltinCall(scale, type, list_make2(result, p), svf->location));
	}
	/* Printed back as the SQL syntax (ruleutils reads which from the
	 * functions called). */
	reinterpret_cast<FuncExpr *>(result)->funcformat = COERCE_SQL_SYNTAX;
	return result;
}

/* CURRENT_USER and friends: a call of the pg_proc function that
 * computes each (PostgreSQL keeps an SQLValueFunction node; the value and
 * type are the same). */
Node *TransformSQLValueFunction(ParseState *, SQLValueFunction *svf)
{
	Oid funcid;
	Oid rettype = NAMEOID;
	switch (svf->op)
	{
		case SVFOP_CURRENT_ROLE:
		case SVFOP_CURRENT_USER:
		case SVFOP_USER:
			funcid = 745; /* current_user */
			break;
		case SVFOP_SESSION_USER:
			funcid = 746; /* session_user */
			break;
		case SVFOP_CURRENT_CATALOG:
			funcid = 861; /* current_database */
			break;
		case SVFOP_CURRENT_SCHEMA:
			funcid = 1402; /* current_schema */
			break;
		default:
			return DateTimeValueFunction(svf);
	}
	FuncExpr *f = makeNode(FuncExpr);
	f->funcid = funcid;
	f->funcresulttype = rettype;
	f->funcformat = COERCE_SQL_SYNTAX;
	f->funccollid = 950; /* name's collation, "C" */
	f->location = svf->location;
	return reinterpret_cast<Node *>(f);
}

/* A subquery in an expression: its Query, and for x op ANY/ALL the
 * comparison of x with the subquery's columns (PARAM_SUBLINK Params
 * numbered by column). */
Node *TransformSubLink(ParseState *pstate, SubLink *sublink)
{
	/* Where a subquery cannot be (PostgreSQL's transformSubLink). */
	const char *refused = pstate->p_expr_kind == EXPR_KIND_CHECK_CONSTRAINT
		? "cannot use subquery in check constraint"
		: pstate->p_expr_kind == EXPR_KIND_COLUMN_DEFAULT
		? "cannot use subquery in DEFAULT expression"
		: nullptr;
	if (refused != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED), errmsg("%s", refused),
				parser_errposition(pstate, sublink->location));
	pstate->p_hasSubLinks = true;
	Query *q = parse_sub_analyze(sublink->subselect, pstate);
	if (q->commandType != CMD_SELECT)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("subquery must return only one column"),
				parser_errposition(pstate, sublink->location));
	sublink->subselect = reinterpret_cast<Node *>(q);
	List *cols = NIL;
	ListCell *lc;
	foreach (lc, q->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (!tle->resjunk)
			cols = lappend(cols, tle);
	}
	switch (sublink->subLinkType)
	{
		case EXISTS_SUBLINK:
		case MULTIEXPR_SUBLINK:
			/* (For UPDATE … SET (a, b) = (SELECT …) the caller checks the
			 * number of columns.) */
			sublink->testexpr = nullptr;
			sublink->operName = NIL;
			return reinterpret_cast<Node *>(sublink);
		case EXPR_SUBLINK:
		case ARRAY_SUBLINK:
		{
			if (list_length(cols) != 1)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("subquery must return only one column"),
						parser_errposition(pstate, sublink->location));
			if (sublink->subLinkType == ARRAY_SUBLINK)
			{
				Oid elem = exprType(
					reinterpret_cast<Node *>(static_cast<TargetEntry *>(linitial(cols))->expr));
				if (!OidIsValid(get_array_type(elem)))
					ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
							errmsg("could not find array type for data type %s",
								   format_type_be(elem)),
							parser_errposition(pstate, sublink->location));
			}
			sublink->testexpr = nullptr;
			sublink->operName = NIL;
			return reinterpret_cast<Node *>(sublink);
		}
		case ANY_SUBLINK:
		case ALL_SUBLINK:
		case ROWCOMPARE_SUBLINK:
			break;
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("this kind of subquery is not supported yet"),
					parser_errposition(pstate, sublink->location));
	}
	/* x op ANY/ALL (SELECT …); IN is = ANY. */
	List *lefts = NIL;
	if (IsA(sublink->testexpr, RowExpr))
	{
		/* (a, b) IN (SELECT x, y …): each column compared. */
		ListCell *arg;
		foreach (arg, reinterpret_cast<RowExpr *>(sublink->testexpr)->args)
			lefts = lappend(lefts, TransformExprRecurse(pstate, static_cast<Node *>(lfirst(arg))));
	}
	else
		lefts = list_make1(TransformExprRecurse(pstate, sublink->testexpr));
	if (sublink->operName == NIL)
		sublink->operName = list_make1(makeString(pstrdup("=")));
	if (list_length(lefts) < list_length(cols))
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("subquery has too many columns"),
				parser_errposition(pstate, sublink->location));
	if (list_length(lefts) > list_length(cols))
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("subquery has too few columns"),
				parser_errposition(pstate, sublink->location));
	List *params = NIL;
	ListCell *c;
	foreach (c, cols)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(c));
		Param *p = makeNode(Param);
		p->paramkind = PARAM_SUBLINK;
		p->paramid = tle->resno;
		p->paramtype = exprType(reinterpret_cast<Node *>(tle->expr));
		p->paramtypmod = exprTypmod(reinterpret_cast<Node *>(tle->expr));
		p->paramcollid = exprCollation(reinterpret_cast<Node *>(tle->expr));
		p->location = -1;
		params = lappend(params, p);
	}
	sublink->testexpr = make_row_comparison_op(pstate, sublink->operName, lefts, params,
											   sublink->location);
	return reinterpret_cast<Node *>(sublink);
}

/* arg followed by subscripts and field names (PostgreSQL's
 * transformIndirection): each run of subscripts becomes one
 * SubscriptingRef, each field a field selection; ".*" is expanded only
 * in a SELECT list (transformTargetList). */
Node *TransformIndirection(ParseState *pstate, A_Indirection *ind)
{
	Node *result = TransformExprRecurse(pstate, ind->arg);
	List *subscripts = NIL;
	ListCell *lc;
	foreach (lc, ind->indirection)
	{
		Node *n = static_cast<Node *>(lfirst(lc));
		if (IsA(n, A_Indices))
		{
			subscripts = lappend(subscripts, n);
			continue;
		}
		if (IsA(n, A_Star))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("row expansion via \"*\" is not supported here"),
					parser_errposition(pstate, exprLocation(ind->arg)));
		if (subscripts != NIL)
		{
			result = reinterpret_cast<Node *>(
				transformContainerSubscripts(pstate, result, exprType(result), exprTypmod(result),
											 subscripts, false));
			subscripts = NIL;
		}
		result = ParseFieldSelection(pstate, result, strVal(n), exprLocation(ind->arg));
	}
	if (subscripts != NIL)
		result = reinterpret_cast<Node *>(
			transformContainerSubscripts(pstate, result, exprType(result), exprTypmod(result),
										 subscripts, false));
	return result;
}

Node *TransformExprRecurse(ParseState *pstate, Node *expr)
{
	if (expr == nullptr)
		return nullptr;
	check_stack_depth();
	switch (nodeTag(expr))
	{
		case T_ColumnRef:
			return TransformColumnRef(pstate, reinterpret_cast<ColumnRef *>(expr));
		case T_ParamRef:
			return TransformParamRef(pstate, reinterpret_cast<ParamRef *>(expr));
		case T_A_Const:
			return reinterpret_cast<Node *>(make_const(pstate, reinterpret_cast<A_Const *>(expr)));
		case T_TypeCast:
			return TransformTypeCast(pstate, reinterpret_cast<TypeCast *>(expr));
		case T_A_Expr:
			return TransformAExpr(pstate, reinterpret_cast<A_Expr *>(expr));
		case T_BoolExpr:
			return TransformBoolExpr(pstate, reinterpret_cast<BoolExpr *>(expr));
		case T_FuncCall:
		{
			FuncCall *fn = reinterpret_cast<FuncCall *>(expr);
			List *args = NIL;
			ListCell *lc;
			foreach (lc, fn->args)
				args = lappend(args, TransformExprRecurse(pstate, static_cast<Node *>(lfirst(lc))));
			return ParseFuncOrColumn(pstate, fn->funcname, args, fn, fn->location);
		}
		case T_NullTest:
		{
			NullTest *n = reinterpret_cast<NullTest *>(expr);
			NullTest *result = makeNode(NullTest);
			result->arg = reinterpret_cast<Expr *>(
				TransformExprRecurse(pstate, reinterpret_cast<Node *>(n->arg)));
			result->nulltesttype = n->nulltesttype;
			result->argisrow = type_is_rowtype(exprType(reinterpret_cast<Node *>(result->arg)));
			result->location = n->location;
			return reinterpret_cast<Node *>(result);
		}
		case T_BooleanTest:
		{
			BooleanTest *b = reinterpret_cast<BooleanTest *>(expr);
			BooleanTest *result = makeNode(BooleanTest);
			static const char *const kNames[] = {"IS TRUE",		 "IS NOT TRUE", "IS FALSE",
												 "IS NOT FALSE", "IS UNKNOWN",	"IS NOT UNKNOWN"};
			result->arg = reinterpret_cast<Expr *>(
				coerce_to_boolean(pstate,
								  TransformExprRecurse(pstate, reinterpret_cast<Node *>(b->arg)),
								  kNames[b->booltesttype]));
			result->booltesttype = b->booltesttype;
			result->location = b->location;
			return reinterpret_cast<Node *>(result);
		}
		case T_CaseExpr:
			return TransformCase(pstate, reinterpret_cast<CaseExpr *>(expr));
		case T_SQLValueFunction:
			return TransformSQLValueFunction(pstate, reinterpret_cast<SQLValueFunction *>(expr));
		case T_CoalesceExpr:
			return TransformCoalesce(pstate, reinterpret_cast<CoalesceExpr *>(expr));
		case T_MinMaxExpr:
			return TransformMinMax(pstate, reinterpret_cast<MinMaxExpr *>(expr));
		case T_A_ArrayExpr:
			return TransformArrayExpr(pstate, reinterpret_cast<A_ArrayExpr *>(expr), InvalidOid,
									  -1);
		case T_SubLink:
			return TransformSubLink(pstate, reinterpret_cast<SubLink *>(expr));
		case T_CollateClause:
		{
			CollateClause *c = reinterpret_cast<CollateClause *>(expr);
			return TransformCollateClause(pstate, TransformExprRecurse(pstate, c->arg), c);
		}
		case T_A_Indirection:
			return TransformIndirection(pstate, reinterpret_cast<A_Indirection *>(expr));
		case T_RowExpr:
			return TransformRowExpr(pstate, reinterpret_cast<RowExpr *>(expr));
		case T_SetToDefault:
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("DEFAULT is not allowed in this context"),
					parser_errposition(pstate, exprLocation(expr)));
			return nullptr;
		/* Already-analyzed nodes pass through (re-analysis of a default). */
		case T_Var:
		case T_Const:
		case T_Param:
		case T_FuncExpr:
		case T_OpExpr:
			return expr;
		case T_NamedArgExpr:
		{
			/* A function's argument given by name: the call matches it to
			 * a parameter (ParseFuncOrColumn). */
			auto *na = reinterpret_cast<NamedArgExpr *>(expr);
			NamedArgExpr *result = makeNode(NamedArgExpr);
			result->name = na->name;
			result->argnumber = -1;
			result->location = na->location;
			result->arg = reinterpret_cast<Expr *>(
				TransformExprRecurse(pstate, reinterpret_cast<Node *>(na->arg)));
			return reinterpret_cast<Node *>(result);
		}
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s expressions are not supported yet", nodeTagName(nodeTag(expr))),
					parser_errposition(pstate, exprLocation(expr)));
	}
}

/* The typmod for a type name's modifiers, from its typmodin function. */
int32 TypenameTypeMod(ParseState *pstate, const TypeName *typeName, Oid typid)
{
	if (typeName->typmods == NIL)
		return typeName->typemod;
	HeapTuple tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
	if (!OidIsValid(form->typmodin))
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("type modifier is not allowed for type \"%s\"", NameStr(form->typname)),
				parser_errposition(pstate, typeName->location));
	std::vector<std::string> mods;
	ListCell *lc;
	foreach (lc, typeName->typmods)
	{
		Node *tm = static_cast<Node *>(lfirst(lc));
		if (IsA(tm, A_Const) && !reinterpret_cast<A_Const *>(tm)->isnull &&
			IsA(reinterpret_cast<A_Const *>(tm)->val, Integer))
			mods.push_back(std::to_string(intVal(reinterpret_cast<A_Const *>(tm)->val)));
		else if (IsA(tm, A_Const) && IsA(reinterpret_cast<A_Const *>(tm)->val, String))
			mods.push_back(strVal(reinterpret_cast<A_Const *>(tm)->val));
		else if (IsA(tm, ColumnRef) && list_length(reinterpret_cast<ColumnRef *>(tm)->fields) == 1)
			mods.push_back(strVal(linitial(reinterpret_cast<ColumnRef *>(tm)->fields)));
		else
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("type modifiers must be simple constants or identifiers"),
					parser_errposition(pstate, typeName->location));
	}
	std::vector<const char *> cstrings;
	for (const auto &m : mods)
		cstrings.push_back(m.c_str());
	std::vector<Datum> elems;
	for (const char *c : cstrings)
		elems.push_back(CStringGetDatum(c));
	ArrayType *arr = construct_array(elems.data(), static_cast<int>(elems.size()), CSTRINGOID, -2,
									 false, TYPALIGN_CHAR);
	ParserErrposScope scope(pstate, typeName->location);
	return DatumGetInt32(OidFunctionCall1(form->typmodin, PointerGetDatum(arr)));
}

}  // namespace

Node *transformExpr(ParseState *pstate, Node *expr, ParseExprKind exprKind)
{
	ParseExprKind saved = pstate->p_expr_kind;
	pstate->p_expr_kind = exprKind;
	Node *result = TransformExprRecurse(pstate, expr);
	pstate->p_expr_kind = saved;
	return result;
}

void typenameTypeIdAndMod(ParseState *pstate, const TypeName *typeName, Oid *typeid_p,
						  int32 *typmod_p)
{
	Oid typid = typeName->typeOid;
	if (!OidIsValid(typid))
	{
		char *schemaname;
		char *typname;
		DeconstructQualifiedName(typeName->names, &schemaname, &typname);
		if (schemaname != nullptr)
		{
			Oid nsp = get_namespace_oid(schemaname, false);
			typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(typname),
									ObjectIdGetDatum(nsp));
		}
		else
			typid = TypenameGetTypid(typname);
		if (!OidIsValid(typid))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("type \"%s\" does not exist", NameListToString(typeName->names)),
					parser_errposition(pstate, typeName->location));
	}
	if (typeName->setof)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("SETOF type is not supported here"),
				parser_errposition(pstate, typeName->location));
	*typmod_p = TypenameTypeMod(pstate, typeName, typid);
	if (typeName->arrayBounds != NIL)
	{
		Oid arraytype = get_array_type(typid);
		if (!OidIsValid(arraytype))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("could not find array type for data type %s", format_type_be(typid)),
					parser_errposition(pstate, typeName->location));
		typid = arraytype;
	}
	*typeid_p = typid;
}

Oid typenameTypeId(ParseState *pstate, const TypeName *typeName)
{
	Oid typid;
	int32 typmod;
	typenameTypeIdAndMod(pstate, typeName, &typid, &typmod);
	return typid;
}

ParseNamespaceItem *addRangeTableEntry(ParseState *pstate, RangeVar *relation, Alias *alias,
									   LOCKMODE lockmode, bool inFromCl)
{
	Oid relid;
	{
		ParserErrposScope scope(pstate, relation->location);
		/* A missing schema is a missing relation here, as in
		 * PostgreSQL's parserOpenTable. */
		relid = RangeVarGetRelid(relation, lockmode, relation->schemaname != nullptr);
		if (!OidIsValid(relid))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
					errmsg("relation \"%s.%s\" does not exist", relation->schemaname,
						   relation->relname));
	}
	Relation rel = relation_open(relid, NoLock);
	RangeTblEntry *rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_RELATION;
	rte->relid = relid;
	rte->relkind = rel->rd_rel->relkind;
	rte->rellockmode = lockmode;
	rte->alias = alias;
	rte->inh = relation->inh;
	rte->inFromCl = inFromCl;
	rte->requiredPerms = ACL_SELECT;
	rte->eref = makeNode(Alias);
	rte->eref->aliasname = pstrdup(alias != nullptr ? alias->aliasname : relation->relname);
	TupleDesc desc = RelationGetDescr(rel);
	List *aliascols = alias != nullptr ? alias->colnames : NIL;
	if (list_length(aliascols) > desc->natts)
		ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
				errmsg("table \"%s\" has %d columns available but %d columns specified",
					   rte->eref->aliasname, desc->natts, list_length(aliascols)));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		const char *name = att->attisdropped ? ""
			: i < list_length(aliascols)	 ? strVal(list_nth(aliascols, i))
											 : NameStr(att->attname);
		rte->eref->colnames = lappend(rte->eref->colnames, makeString(pstrdup(name)));
	}
	relation_close(rel, NoLock);
	pstate->p_rtable = lappend(pstate->p_rtable, rte);
	auto *nsitem = static_cast<ParseNamespaceItem *>(palloc0(sizeof(ParseNamespaceItem)));
	nsitem->p_rte = rte;
	nsitem->p_rtindex = list_length(pstate->p_rtable);
	nsitem->p_rel_visible = true;
	nsitem->p_cols_visible = true;
	return nsitem;
}

ParseNamespaceItem *addRangeTableEntryForValues(ParseState *pstate, List *exprs, List *coltypes,
												List *coltypmods, List *colcollations, Alias *alias)
{
	RangeTblEntry *rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_VALUES;
	rte->values_lists = exprs;
	rte->coltypes = coltypes;
	rte->coltypmods = coltypmods;
	rte->colcollations = colcollations;
	rte->alias = alias;
	rte->inFromCl = true;
	rte->eref = makeNode(Alias);
	rte->eref->aliasname = pstrdup(alias != nullptr ? alias->aliasname : "*VALUES*");
	int ncols = list_length(coltypes);
	for (int i = 0; i < ncols; i++)
	{
		std::string name = std::string("column") + std::to_string(i + 1);
		if (alias != nullptr && i < list_length(alias->colnames))
			name = strVal(list_nth(alias->colnames, i));
		rte->eref->colnames = lappend(rte->eref->colnames, makeString(pstrdup(name.c_str())));
	}
	pstate->p_rtable = lappend(pstate->p_rtable, rte);
	auto *nsitem = static_cast<ParseNamespaceItem *>(palloc0(sizeof(ParseNamespaceItem)));
	nsitem->p_rte = rte;
	nsitem->p_rtindex = list_length(pstate->p_rtable);
	nsitem->p_rel_visible = true;
	nsitem->p_cols_visible = true;
	return nsitem;
}

List *expandNSItemAttrs(ParseState *pstate, ParseNamespaceItem *nsitem, int location)
{
	List *result = NIL;
	int attno = 0;
	ListCell *lc;
	foreach (lc, nsitem->p_rte->eref->colnames)
	{
		attno++;
		const char *name = strVal(lfirst(lc));
		if (name[0] == '\0')
			continue; /* dropped */
		Expr *var;
		if (nsitem->p_rte->rtekind == RTE_JOIN)
			var = static_cast<Expr *>(
				copyObject(list_nth(nsitem->p_rte->joinaliasvars, attno - 1)));
		else
			var = reinterpret_cast<Expr *>(MakeVarForColumn(pstate, nsitem, attno, location, 0));
		TargetEntry *tle = makeNode(TargetEntry);
		tle->expr = var;
		tle->resno = static_cast<AttrNumber>(pstate->p_next_resno++);
		tle->resname = pstrdup(name);
		if (nsitem->p_rte->rtekind == RTE_RELATION)
		{
			tle->resorigtbl = nsitem->p_rte->relid;
			tle->resorigcol = static_cast<AttrNumber>(attno);
		}
		else if (IsA(var, Var))
		{
			Var *v = reinterpret_cast<Var *>(var);
			RangeTblEntry *base = static_cast<RangeTblEntry *>(
				list_nth(pstate->p_rtable, v->varno - 1));
			if (base->rtekind == RTE_RELATION && v->varattno > 0)
			{
				tle->resorigtbl = base->relid;
				tle->resorigcol = v->varattno;
			}
		}
		result = lappend(result, tle);
	}
	return result;
}

namespace {

/* PostgreSQL's FigureColnameInternal: a name and how strongly it
 * suggests itself (2: a column or function name, 1: a type name or
 * "case", 0: nothing), so x::numeric::int8 is named int8 and x::int8
 * is named x. */
int FigureColnameInternal(Node *node, char **name)
{
	if (node == nullptr)
		return 0;
	switch (nodeTag(node))
	{
		case T_ColumnRef:
		{
			Node *last = static_cast<Node *>(llast(reinterpret_cast<ColumnRef *>(node)->fields));
			if (IsA(last, String))
			{
				*name = strVal(last);
				return 2;
			}
			break;
		}
		case T_FuncCall:
			*name = strVal(llast(reinterpret_cast<FuncCall *>(node)->funcname));
			return 2;
		case T_A_Indirection:
		{
			/* The last field name, else the base's name (subscripts do not
			 * name a column). */
			A_Indirection *ind = reinterpret_cast<A_Indirection *>(node);
			char *fname = nullptr;
			ListCell *lc;
			foreach (lc, ind->indirection)
				if (IsA(lfirst(lc), String))
					fname = strVal(lfirst(lc));
			if (fname != nullptr)
			{
				*name = fname;
				return 2;
			}
			return FigureColnameInternal(ind->arg, name);
		}
		case T_TypeCast:
		{
			TypeCast *tc = reinterpret_cast<TypeCast *>(node);
			int strength = FigureColnameInternal(tc->arg, name);
			if (strength <= 1 && tc->typeName != nullptr)
			{
				*name = strVal(llast(tc->typeName->names));
				return 1;
			}
			return strength;
		}
		case T_CollateClause:
			return FigureColnameInternal(reinterpret_cast<CollateClause *>(node)->arg, name);
		case T_RowExpr:
			*name = const_cast<char *>("row");
			return 2;
		case T_CaseExpr:
		{
			int strength = FigureColnameInternal(reinterpret_cast<Node *>(
													 reinterpret_cast<CaseExpr *>(node)->defresult),
												 name);
			if (strength <= 1)
			{
				*name = const_cast<char *>("case");
				return 1;
			}
			return strength;
		}
		case T_CoalesceExpr:
			*name = const_cast<char *>("coalesce");
			return 2;
		case T_MinMaxExpr:
			*name = const_cast<char *>(
				reinterpret_cast<MinMaxExpr *>(node)->op == IS_GREATEST ? "greatest" : "least");
			return 2;
		case T_A_ArrayExpr:
			*name = const_cast<char *>("array");
			return 2;
		case T_SubLink:
		{
			SubLink *sublink = reinterpret_cast<SubLink *>(node);
			if (sublink->subLinkType == EXISTS_SUBLINK)
			{
				*name = const_cast<char *>("exists");
				return 2;
			}
			if (sublink->subLinkType == ARRAY_SUBLINK)
			{
				*name = const_cast<char *>("array");
				return 2;
			}
			if (sublink->subLinkType == EXPR_SUBLINK && IsA(sublink->subselect, Query))
			{
				/* The subquery's (already analyzed) column's name. */
				Query *q = reinterpret_cast<Query *>(sublink->subselect);
				auto *tle = static_cast<TargetEntry *>(linitial(q->targetList));
				if (tle->resname != nullptr)
				{
					*name = tle->resname;
					return 2;
				}
			}
			break;
		}
		case T_SQLValueFunction:
		{
			static const char *const kNames[] = {"current_date",	  "current_time",
												 "current_time",	  "current_timestamp",
												 "current_timestamp", "localtime",
												 "localtime",		  "localtimestamp",
												 "localtimestamp",	  "current_role",
												 "current_user",	  "user",
												 "session_user",	  "current_catalog",
												 "current_schema"};
			*name = const_cast<char *>(kNames[reinterpret_cast<SQLValueFunction *>(node)->op]);
			return 2;
		}
		case T_A_Expr:
			if (reinterpret_cast<A_Expr *>(node)->kind == AEXPR_NULLIF)
			{
				*name = const_cast<char *>("nullif");
				return 2;
			}
			break;
		default:
			break;
	}
	return 0;
}

/* (expr).* in a SELECT list (PostgreSQL's ExpandRowReference): a FROM
 * item's whole row becomes its columns, any other row value a field
 * selection per column. */
List *ExpandRowReference(ParseState *pstate, A_Indirection *ind, ParseExprKind exprKind)
{
	A_Indirection *base = makeNode(A_Indirection);
	base->arg = ind->arg;
	base->indirection = list_copy(ind->indirection);
	base->indirection = list_delete_last(base->indirection);
	Node *expr = base->indirection == NIL
		? transformExpr(pstate, ind->arg, exprKind)
		: transformExpr(pstate, reinterpret_cast<Node *>(base), exprKind);
	int location = exprLocation(ind->arg);
	if (IsA(expr, Var) && reinterpret_cast<Var *>(expr)->varattno == 0 &&
		reinterpret_cast<Var *>(expr)->varlevelsup == 0)
	{
		Var *whole = reinterpret_cast<Var *>(expr);
		ListCell *lc;
		foreach (lc, pstate->p_namespace)
		{
			auto *nsitem = static_cast<ParseNamespaceItem *>(lfirst(lc));
			if (nsitem->p_rtindex == whole->varno)
				return expandNSItemAttrs(pstate, nsitem, location);
		}
	}
	TupleDesc desc = ExprRowDesc(pstate, expr);
	if (desc == nullptr)
	{
		if (exprType(expr) == RECORDOID)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("record type has not been registered"),
					parser_errposition(pstate, location));
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("type %s is not composite", format_type_be(exprType(expr))),
				parser_errposition(pstate, location));
	}
	List *result = NIL;
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (att->attisdropped)
			continue;
		FieldSelect *fs = makeNode(FieldSelect);
		fs->arg = reinterpret_cast<Expr *>(copyObject(expr));
		fs->fieldnum = static_cast<AttrNumber>(i + 1);
		fs->resulttype = att->atttypid;
		fs->resulttypmod = att->atttypmod;
		fs->resultcollid = att->attcollation;
		TargetEntry *tle = makeNode(TargetEntry);
		tle->expr = reinterpret_cast<Expr *>(fs);
		tle->resno = static_cast<AttrNumber>(pstate->p_next_resno++);
		tle->resname = pstrdup(NameStr(att->attname));
		result = lappend(result, tle);
	}
	return result;
}

}  // namespace

char *FigureColname(Node *node)
{
	char *name = nullptr;
	if (FigureColnameInternal(node, &name) > 0 && name != nullptr)
		return pstrdup(name);
	return pstrdup("?column?");
}

List *transformTargetList(ParseState *pstate, List *targetlist, ParseExprKind exprKind)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, targetlist)
	{
		ResTarget *res = static_cast<ResTarget *>(lfirst(lc));
		if (IsA(res->val, ColumnRef) &&
			IsA(llast(reinterpret_cast<ColumnRef *>(res->val)->fields), A_Star))
		{
			ColumnRef *cref = reinterpret_cast<ColumnRef *>(res->val);
			if (list_length(cref->fields) == 1)
			{
				if (pstate->p_namespace == NIL)
					ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
							errmsg("SELECT * with no tables specified is not valid"),
							parser_errposition(pstate, cref->location));
				ListCell *ns;
				foreach (ns, pstate->p_namespace)
				{
					auto *nsitem = static_cast<ParseNamespaceItem *>(lfirst(ns));
					if (nsitem->p_cols_visible)
						result = list_concat(result,
											 expandNSItemAttrs(pstate, nsitem, cref->location));
				}
			}
			else
			{
				int nf = list_length(cref->fields);
				const char *relname = strVal(list_nth(cref->fields, nf - 2));
				const char *schemaname = nf >= 3 ? strVal(list_nth(cref->fields, nf - 3)) : nullptr;
				int levelsup;
				ParseNamespaceItem *nsitem = RefnameNamespaceItem(pstate, schemaname, relname,
																  cref->location, &levelsup);
				if (nsitem == nullptr)
					ErrorMissingRTE(pstate, relname, cref->location);
				result = list_concat(result, expandNSItemAttrs(pstate, nsitem, cref->location));
			}
			continue;
		}
		if (IsA(res->val, A_Indirection) &&
			IsA(llast(reinterpret_cast<A_Indirection *>(res->val)->indirection), A_Star))
		{
			result = list_concat(result,
								 ExpandRowReference(pstate,
													reinterpret_cast<A_Indirection *>(res->val),
													exprKind));
			continue;
		}
		Node *expr = transformExpr(pstate, res->val, exprKind);
		TargetEntry *tle = makeNode(TargetEntry);
		tle->expr = reinterpret_cast<Expr *>(expr);
		tle->resno = static_cast<AttrNumber>(pstate->p_next_resno++);
		tle->resname = res->name != nullptr ? pstrdup(res->name) : FigureColname(res->val);
		if (IsA(expr, Var))
		{
			Var *var = reinterpret_cast<Var *>(expr);
			if (var->varlevelsup == 0 && var->varattno > 0)
			{
				RangeTblEntry *rte = static_cast<RangeTblEntry *>(
					list_nth(pstate->p_rtable, var->varno - 1));
				if (rte->rtekind == RTE_RELATION)
				{
					tle->resorigtbl = rte->relid;
					tle->resorigcol = var->varattno;
				}
			}
		}
		result = lappend(result, tle);
	}
	return result;
}

void resolveTargetListUnknowns(ParseState *pstate, List *targetlist)
{
	ListCell *lc;
	foreach (lc, targetlist)
	{
		TargetEntry *tle = static_cast<TargetEntry *>(lfirst(lc));
		Oid restype = exprType(reinterpret_cast<Node *>(tle->expr));
		if (restype == UNKNOWNOID)
			tle->expr = reinterpret_cast<Expr *>(
				coerce_type(pstate, reinterpret_cast<Node *>(tle->expr), restype, TEXTOID, -1,
							COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1));
	}
}
