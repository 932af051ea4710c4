/*
 * ruleutils_test.cpp — expressions printed back as SQL (utils/ruleutils.h):
 * the parts that need no catalog (parameters, tests, subplans, how plan
 * Vars and PARAM_EXEC parameters are followed to what computes them, the
 * names EXPLAIN gives range-table entries).  Operators, functions, casts
 * and constants need pg_operator, pg_proc and pg_type: the SQL
 * regression tests "ruleutils" and "explain" compare them with
 * PostgreSQL's own output.  Every expected string here is what
 * PostgreSQL 15 prints for the same tree.
 */
#include "unit_test.h"

#include <string>

#include "nodes/makefuncs.h"
#include "nodes/querynodes.h"
#include "adt_test_util.h"
#include "utils/ruleutils.h"

using tusk::adt_test::ErrorOf;
using tusk::adt_test::ScratchContext;

namespace {

Param *MakeParam(ParamKind kind, int id)
{
	Param *p = makeNode(Param);
	p->paramkind = kind;
	p->paramid = id;
	p->paramtype = 23; /* int4 */
	p->paramtypmod = -1;
	p->location = -1;
	return p;
}

Node *P(int id)
{
	return reinterpret_cast<Node *>(MakeParam(PARAM_EXTERN, id));
}

Node *NullTestOf(Node *arg, NullTestType type)
{
	NullTest *nt = makeNode(NullTest);
	nt->arg = reinterpret_cast<Expr *>(arg);
	nt->nulltesttype = type;
	return reinterpret_cast<Node *>(nt);
}

Var *MakeVar(int varno, AttrNumber attno)
{
	Var *var = makeNode(Var);
	var->varno = varno;
	var->varattno = attno;
	var->vartype = 23;
	var->vartypmod = -1;
	var->location = -1;
	return var;
}

TargetEntry *Tle(Node *expr, AttrNumber resno)
{
	TargetEntry *tle = makeNode(TargetEntry);
	tle->expr = reinterpret_cast<Expr *>(expr);
	tle->resno = resno;
	return tle;
}

/* A subquery range-table entry named name with columns cols (needs no
 * catalog to name its columns). */
RangeTblEntry *SubqueryRte(const char *name, std::initializer_list<const char *> cols)
{
	RangeTblEntry *rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_SUBQUERY;
	rte->eref = makeNode(Alias);
	rte->eref->aliasname = pstrdup(name);
	for (const char *c : cols)
		rte->eref->colnames = lappend(rte->eref->colnames, makeString(pstrdup(c)));
	return rte;
}

std::string Deparse(Node *node, List *context = NIL, bool prefix = false)
{
	return deparse_expression(node, context, prefix, false);
}

}  // namespace

TEST_CASE("ruleutils: parameters print as $n, tests and booleans in parentheses", "[ruleutils]")
{
	ScratchContext scratch;
	REQUIRE(Deparse(P(1)) == "$1");
	REQUIRE(Deparse(NullTestOf(P(1), IS_NULL)) == "($1 IS NULL)");
	REQUIRE(Deparse(NullTestOf(P(2), IS_NOT_NULL)) == "($2 IS NOT NULL)");
	Node *both = reinterpret_cast<Node *>(
		makeBoolExpr(AND_EXPR, list_make2(NullTestOf(P(1), IS_NULL), NullTestOf(P(2), IS_NOT_NULL)),
					 -1));
	REQUIRE(Deparse(both) == "(($1 IS NULL) AND ($2 IS NOT NULL))");
	Node *either = reinterpret_cast<Node *>(
		makeBoolExpr(OR_EXPR, list_make3(P(1), P(2), P(3)), -1));
	REQUIRE(Deparse(either) == "($1 OR $2 OR $3)");
	REQUIRE(Deparse(reinterpret_cast<Node *>(makeBoolExpr(NOT_EXPR, list_make1(either), -1))) ==
			"(NOT ($1 OR $2 OR $3))");
	BooleanTest *bt = makeNode(BooleanTest);
	bt->arg = reinterpret_cast<Expr *>(P(1));
	bt->booltesttype = IS_NOT_UNKNOWN;
	REQUIRE(Deparse(reinterpret_cast<Node *>(bt)) == "($1 IS NOT UNKNOWN)");
}

TEST_CASE("ruleutils: SQL keywords, rows and subplans print as PostgreSQL prints them",
		  "[ruleutils]")
{
	ScratchContext scratch;
	SQLValueFunction *svf = makeNode(SQLValueFunction);
	svf->op = SVFOP_CURRENT_TIMESTAMP_N;
	svf->typmod = 3;
	REQUIRE(Deparse(reinterpret_cast<Node *>(svf)) == "CURRENT_TIMESTAMP(3)");
	svf->op = SVFOP_SESSION_USER;
	svf->typmod = -1;
	REQUIRE(Deparse(reinterpret_cast<Node *>(svf)) == "SESSION_USER");
	REQUIRE(Deparse(reinterpret_cast<Node *>(makeNode(SetToDefault))) == "DEFAULT");
	RowExpr *row = makeNode(RowExpr);
	row->args = list_make2(P(1), P(2));
	REQUIRE(Deparse(reinterpret_cast<Node *>(row)) == "ROW($1, $2)");
	SubPlan *sp = makeNode(SubPlan);
	sp->plan_id = 1;
	sp->plan_name = pstrdup("SubPlan 1");
	REQUIRE(Deparse(reinterpret_cast<Node *>(sp)) == "(SubPlan 1)");
	sp->useHashTable = true;
	REQUIRE(Deparse(reinterpret_cast<Node *>(sp)) == "(hashed SubPlan 1)");
	REQUIRE(Deparse(reinterpret_cast<Node *>(list_make2(P(1), P(2)))) == "$1, $2");
}

TEST_CASE("ruleutils: a column is named by its range-table entry, qualified on request",
		  "[ruleutils]")
{
	ScratchContext scratch;
	PlannedStmt *pstmt = makeNode(PlannedStmt);
	pstmt->rtable = list_make1(SubqueryRte("s", {"x", "y"}));
	Bitmapset *used = bms_make_singleton(1);
	List *names = select_rtable_names_for_explain(pstmt->rtable, used);
	List *context = deparse_context_for_plan_tree(pstmt, names);
	Plan *scan = reinterpret_cast<Plan *>(makeNode(SubqueryScan));
	context = set_deparse_context_plan(context, scan, NIL);
	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeVar(1, 2)), context) == "y");
	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeVar(1, 2)), context, true) == "s.y");
	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeVar(1, 0)), context) == "s.*");
	REQUIRE(ErrorOf([&] { Deparse(reinterpret_cast<Node *>(MakeVar(1, 2))); }) ==
			"22023: expression contains variables");
}

TEST_CASE("ruleutils: EXPLAIN names repeated range-table entries name_1, name_2, unused ones not",
		  "[ruleutils]")
{
	ScratchContext scratch;
	List *rtable = list_make4(SubqueryRte("t", {"a"}), SubqueryRte("t", {"a"}),
							  SubqueryRte("u", {"a"}), SubqueryRte("t", {"a"}));
	Bitmapset *used = nullptr;
	used = bms_add_member(used, 1);
	used = bms_add_member(used, 2);
	used = bms_add_member(used, 4);
	List *names = select_rtable_names_for_explain(rtable, used);
	REQUIRE(std::string(static_cast<char *>(list_nth(names, 0))) == "t");
	REQUIRE(std::string(static_cast<char *>(list_nth(names, 1))) == "t_1");
	REQUIRE(list_nth(names, 2) == nullptr);
	REQUIRE(std::string(static_cast<char *>(list_nth(names, 3))) == "t_2");
}

TEST_CASE("ruleutils: OUTER_VAR and INNER_VAR print the child's expression they read",
		  "[ruleutils]")
{
	ScratchContext scratch;
	PlannedStmt *pstmt = makeNode(PlannedStmt);
	pstmt->rtable = list_make2(SubqueryRte("s", {"x", "y"}), SubqueryRte("r", {"z"}));
	List *names = select_rtable_names_for_explain(pstmt->rtable,
												  bms_add_member(bms_make_singleton(1), 2));
	List *context = deparse_context_for_plan_tree(pstmt, names);

	/* outer child: outputs s.y and ($1 IS NULL); inner child: r.z */
	Plan *outer = reinterpret_cast<Plan *>(makeNode(SubqueryScan));
	outer->targetlist = list_make2(Tle(reinterpret_cast<Node *>(MakeVar(1, 2)), 1),
								   Tle(NullTestOf(P(1), IS_NULL), 2));
	Plan *inner = reinterpret_cast<Plan *>(makeNode(SubqueryScan));
	inner->targetlist = list_make1(Tle(reinterpret_cast<Node *>(MakeVar(2, 1)), 1));
	NestLoop *join = makeNode(NestLoop);
	join->join.plan.lefttree = outer;
	join->join.plan.righttree = inner;
	context = set_deparse_context_plan(context, reinterpret_cast<Plan *>(join), NIL);

	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeVar(OUTER_VAR, 1)), context, true) == "s.y");
	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeVar(INNER_VAR, 1)), context, true) == "r.z");
	/* Not a plain column: parenthesized, as the caller took it for one. */
	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeVar(OUTER_VAR, 2)), context) == "(($1 IS NULL))");
	REQUIRE(ErrorOf([&] {
				Deparse(reinterpret_cast<Node *>(MakeVar(OUTER_VAR, 7)), context);
			}).find("bogus varattno for OUTER_VAR var: 7") != std::string::npos);

	/* A NestLoop parameter read by the inner side prints as the outer
	 * expression that sets it, qualified; an unknown one as $n. */
	NestLoopParam *nlp = makeNode(NestLoopParam);
	nlp->paramno = 0;
	nlp->paramval = MakeVar(1, 1);
	join->nestParams = list_make1(nlp);
	context = set_deparse_context_plan(context, inner, list_make1(join));
	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeParam(PARAM_EXEC, 0)), context) == "s.x");
	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeParam(PARAM_EXEC, 5)), context) == "$5");
	/* The outer side is not given the parameter. */
	context = set_deparse_context_plan(context, outer, list_make1(join));
	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeParam(PARAM_EXEC, 0)), context) == "$0");
}

TEST_CASE("ruleutils: a subplan's parameter prints as the argument its caller passes",
		  "[ruleutils]")
{
	ScratchContext scratch;
	PlannedStmt *pstmt = makeNode(PlannedStmt);
	pstmt->rtable = list_make2(SubqueryRte("o", {"k"}), SubqueryRte("i", {"v"}));
	List *names = select_rtable_names_for_explain(pstmt->rtable,
												  bms_add_member(bms_make_singleton(1), 2));
	List *context = deparse_context_for_plan_tree(pstmt, names);
	/* The calling node scans o; its SubPlan passes o.k as PARAM_EXEC 3. */
	Plan *caller = reinterpret_cast<Plan *>(makeNode(SubqueryScan));
	SubPlan *sp = makeNode(SubPlan);
	sp->plan_id = 1;
	sp->parParam = list_make1_int(3);
	sp->args = list_make1(MakeVar(1, 1));
	Plan *subplan_scan = reinterpret_cast<Plan *>(makeNode(SubqueryScan));
	context = set_deparse_context_plan(context, subplan_scan, list_make2(sp, caller));
	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeParam(PARAM_EXEC, 3)), context) == "o.k");
	/* Its own columns stay unqualified unless asked. */
	REQUIRE(Deparse(reinterpret_cast<Node *>(MakeVar(2, 1)), context) == "v");
}

TEST_CASE("ruleutils: an expression node it cannot print is 0A000", "[ruleutils]")
{
	ScratchContext scratch;
	SubLink *sl = makeNode(SubLink);
	REQUIRE(ErrorOf([&] { Deparse(reinterpret_cast<Node *>(sl)); }) ==
			"0A000: deparsing a subquery that is not analyzed is not supported yet");
	REQUIRE(ErrorOf([&] { Deparse(reinterpret_cast<Node *>(makeNode(RangeTblRef))); }) ==
			"0A000: deparsing RangeTblRef is not supported yet");
}
