/*
 * parser_test.cpp — raw_parser (backend/parser): PostgreSQL 15's raw trees
 * for representative statements, operator precedence, statement bounds,
 * and every error the grammar raises, with its position.
 *
 * Trees are checked in libpg_query's JSON form (regress/parser/pg_json.h)
 * or, for expressions, as a fully parenthesized rendering.
 */
#include "unit_test.h"

#include <string>

#include "nodes/parsenodes.h"
#include "parser/parser.h"
#include "pg_json.h"
#include "utils/error/error.h"
#include "utils/memutils.h"

using tusk::error::PgError;
using tusk::regress::NodeToPgJson;

namespace {

struct ScratchContext
{
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "parser test",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	~ScratchContext()
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
	}
};

std::string Names(const List *names)
{
	std::string s;
	for (int i = 0; i < list_length(names); i++)
	{
		if (i > 0)
			s += '.';
		const Node *n = static_cast<const Node *>(list_nth(names, i));
		s += IsA(n, String) ? strVal(n) : "*";
	}
	return s;
}

/* An expression, fully parenthesized, for precedence tests. */
std::string Render(const Node *n)
{
	if (n == nullptr)
		return "<>";
	switch (nodeTag(n))
	{
		case T_ColumnRef:
			return Names(reinterpret_cast<const ColumnRef *>(n)->fields);
		case T_A_Const:
		{
			const A_Const *c = reinterpret_cast<const A_Const *>(n);
			if (c->isnull)
				return "NULL";
			if (IsA(c->val, Integer))
				return std::to_string(intVal(c->val));
			if (IsA(c->val, Float))
				return reinterpret_cast<const Float *>(c->val)->fval;
			if (IsA(c->val, Boolean))
				return boolVal(c->val) ? "TRUE" : "FALSE";
			if (IsA(c->val, String))
				return std::string("'") + strVal(c->val) + "'";
			return "B'...'";
		}
		case T_A_Expr:
		{
			const A_Expr *a = reinterpret_cast<const A_Expr *>(n);
			std::string op = Names(a->name);
			switch (a->kind)
			{
				case AEXPR_OP_ANY:
					op += " ANY";
					break;
				case AEXPR_OP_ALL:
					op += " ALL";
					break;
				case AEXPR_DISTINCT:
					op = "IS DISTINCT FROM";
					break;
				case AEXPR_NOT_DISTINCT:
					op = "IS NOT DISTINCT FROM";
					break;
				case AEXPR_IN:
					op = op == "=" ? "IN" : "NOT IN";
					break;
				default:
					break;
			}
			if (a->rexpr != nullptr && IsA(a->rexpr, List))
			{
				std::string items;
				const List *l = reinterpret_cast<const List *>(a->rexpr);
				for (int i = 0; i < list_length(l); i++)
					items += (i > 0 ? ", " : "") +
						Render(static_cast<const Node *>(list_nth(l, i)));
				return std::string("(") + Render(a->lexpr) + " " + op + " [" + items + "])";
			}
			if (a->lexpr == nullptr)
				return "(" + op + std::string(" ") + Render(a->rexpr) + ")";
			return std::string("(") + Render(a->lexpr) + " " + op + std::string(" ") +
				Render(a->rexpr) + ")";
		}
		case T_BoolExpr:
		{
			const BoolExpr *b = reinterpret_cast<const BoolExpr *>(n);
			if (b->boolop == NOT_EXPR)
				return std::string("(NOT ") + Render(static_cast<const Node *>(linitial(b->args))) +
					")";
			std::string s = "(";
			for (int i = 0; i < list_length(b->args); i++)
			{
				if (i > 0)
					s += b->boolop == AND_EXPR ? " AND " : " OR ";
				s += Render(static_cast<const Node *>(list_nth(b->args, i)));
			}
			return s + ")";
		}
		case T_NullTest:
		{
			const NullTest *t = reinterpret_cast<const NullTest *>(n);
			return std::string("(") + Render(reinterpret_cast<const Node *>(t->arg)) +
				(t->nulltesttype == IS_NULL ? " IS NULL)" : " IS NOT NULL)");
		}
		case T_BooleanTest:
		{
			const BooleanTest *t = reinterpret_cast<const BooleanTest *>(n);
			static const char *const names[] = {" IS TRUE",		 " IS NOT TRUE", " IS FALSE",
												" IS NOT FALSE", " IS UNKNOWN",	 " IS NOT UNKNOWN"};
			return std::string("(") + Render(reinterpret_cast<const Node *>(t->arg)) +
				names[t->booltesttype] + ")";
		}
		case T_TypeCast:
		{
			const TypeCast *c = reinterpret_cast<const TypeCast *>(n);
			return std::string("(") + Render(c->arg) + std::string("::") +
				Names(c->typeName->names) + ")";
		}
		case T_CollateClause:
		{
			const CollateClause *c = reinterpret_cast<const CollateClause *>(n);
			return std::string("(") + Render(c->arg) + std::string(" COLLATE ") +
				Names(c->collname) + ")";
		}
		case T_FuncCall:
		{
			const FuncCall *f = reinterpret_cast<const FuncCall *>(n);
			std::string s = Names(f->funcname) + "(";
			for (int i = 0; i < list_length(f->args); i++)
				s += (i > 0 ? ", " : "") + Render(static_cast<const Node *>(list_nth(f->args, i)));
			return s + ")";
		}
		case T_SubLink:
			return "(SUBLINK)";
		case T_RowExpr:
			return "ROW(...)";
		default:
			return nodeTagName(nodeTag(n));
	}
}

/* The first target of "SELECT <expr>" rendered. */
std::string ExprOf(const char *expr)
{
	std::string sql = std::string("select ") + expr;
	List *stmts = raw_parser(sql.c_str());
	const RawStmt *rs = static_cast<const RawStmt *>(linitial(stmts));
	const SelectStmt *s = reinterpret_cast<const SelectStmt *>(rs->stmt);
	const ResTarget *rt = static_cast<const ResTarget *>(linitial(s->targetList));
	return Render(rt->val);
}

/* The error raw_parser raises: "SQLSTATE message@position". */
std::string ParseError(const char *sql)
{
	try
	{
		raw_parser(sql);
	}
	catch (const PgError &e)
	{
		return tusk::error::UnpackSqlState(e.data().sqlerrcode) + " " + e.data().message + "@" +
			std::to_string(e.data().cursorpos);
	}
	return "accepted";
}

/* The parse of sql in libpg_query's JSON form, canonical (keys sorted):
 * the expected texts below are PostgreSQL 15's own, from libpg_query. */
std::string Tree(const char *sql)
{
	return tusk::regress::CanonicalJson(tusk::regress::RawStmtsToPgJson(raw_parser(sql)));
}

}  // namespace

TEST_CASE("arithmetic follows PostgreSQL's precedence and associativity", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(ExprOf("a + b * c") == "(a + (b * c))");
	REQUIRE(ExprOf("a - b - c") == "((a - b) - c)");
	REQUIRE(ExprOf("a ^ b ^ c") == "((a ^ b) ^ c)");
	REQUIRE(ExprOf("a * b ^ c") == "(a * (b ^ c))");
	REQUIRE(ExprOf("a || b + c") == "(a || (b + c))");
	REQUIRE(ExprOf("- a ^ b") == "((- a) ^ b)");
	REQUIRE(ExprOf("- a :: int") == "(- (a::pg_catalog.int4))");
	REQUIRE(ExprOf("@ a + b") == "(@ (a + b))");
	REQUIRE(ExprOf("- 2") == "-2");
	REQUIRE(ExprOf("- 1.5") == "-1.5");
	REQUIRE(ExprOf("- - 1.5") == "1.5");
}

TEST_CASE("boolean operators and IS/comparison levels nest as in PostgreSQL", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(ExprOf("a or b and c") == "(a OR (b AND c))");
	REQUIRE(ExprOf("a and b and c") == "(a AND b AND c)");
	REQUIRE(ExprOf("not a = b") == "(NOT (a = b))");
	REQUIRE(ExprOf("not a and b") == "((NOT a) AND b)");
	REQUIRE(ExprOf("a = b is null") == "((a = b) IS NULL)");
	REQUIRE(ExprOf("a is null = b") == "((a IS NULL) = b)");
	REQUIRE(ExprOf("a is null is not null") == "((a IS NULL) IS NOT NULL)");
	REQUIRE(ExprOf("a < b between c and d") == "(a < (b BETWEEN [c, d]))");
	REQUIRE(ExprOf("a between b and c < d") == "((a BETWEEN [b, c]) < d)");
	REQUIRE(ExprOf("a in (1, 2) in (3)") == "((a IN [1, 2]) IN [3])");
	REQUIRE(ExprOf("a = any(b) = c") == "((a = ANY b) = c)");
	REQUIRE(ExprOf("a + b at time zone c") == "(a + pg_catalog.timezone(c, b))");
	REQUIRE(ExprOf("a collate \"C\"::text") == "((a COLLATE C)::text)");
	REQUIRE(ExprOf("a like b escape c") == "(a ~~ pg_catalog.like_escape(b, c))");
	REQUIRE(ExprOf("a is distinct from b") == "(a IS DISTINCT FROM b)");
}

TEST_CASE("non-associative operators cannot be chained", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(ParseError("select a = b = c") == "42601 syntax error at or near \"=\"@14");
	REQUIRE(ParseError("select a like b like c") == "42601 syntax error at or near \"like\"@17");
	REQUIRE(ParseError("select a is distinct from b is null") ==
			"42601 syntax error at or near \"is\"@29");
	REQUIRE(ParseError("select a between b and c between d and e") ==
			"42601 syntax error at or near \"between\"@26");
}

TEST_CASE("an operator keyword before what can only follow a target is its label", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(
		Tree("select 1 and from t") ==
		R"({"stmts":[{"stmt":{"SelectStmt":{"fromClause":[{"RangeVar":{"inh":true,"location":18,"relname":"t","relpersistence":"p"}}],"limitOption":"LIMIT_OPTION_DEFAULT","op":"SETOP_NONE","targetList":[{"ResTarget":{"location":7,"name":"and","val":{"A_Const":{"ival":{"ival":1},"location":7}}}}]}}}],"version":150001})");
	REQUIRE(ParseError("select 1 and and") == "42601 syntax error at or near \"and\"@14");
	REQUIRE(ParseError("select a is not") == "42601 syntax error at end of input@16");
}

TEST_CASE("a SELECT's clauses make PostgreSQL's SelectStmt", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(
		Tree("select distinct on (a) a, b as c from t1 join t2 using (k) where x > 1 group by a "
			 "having count(*) > 2 order by a desc nulls last limit 10 offset 5 for update skip "
			 "locked") ==
		R"({"stmts":[{"stmt":{"SelectStmt":{"distinctClause":[{"ColumnRef":{"fields":[{"String":{"sval":"a"}}],"location":20}}],"fromClause":[{"JoinExpr":{"jointype":"JOIN_INNER","larg":{"RangeVar":{"inh":true,"location":38,"relname":"t1","relpersistence":"p"}},"rarg":{"RangeVar":{"inh":true,"location":46,"relname":"t2","relpersistence":"p"}},"usingClause":[{"String":{"sval":"k"}}]}}],"groupClause":[{"ColumnRef":{"fields":[{"String":{"sval":"a"}}],"location":80}}],"havingClause":{"A_Expr":{"kind":"AEXPR_OP","lexpr":{"FuncCall":{"agg_star":true,"funcformat":"COERCE_EXPLICIT_CALL","funcname":[{"String":{"sval":"count"}}],"location":89}},"location":98,"name":[{"String":{"sval":">"}}],"rexpr":{"A_Const":{"ival":{"ival":2},"location":100}}}},"limitCount":{"A_Const":{"ival":{"ival":10},"location":135}},"limitOffset":{"A_Const":{"ival":{"ival":5},"location":145}},"limitOption":"LIMIT_OPTION_COUNT","lockingClause":[{"LockingClause":{"strength":"LCS_FORUPDATE","waitPolicy":"LockWaitSkip"}}],"op":"SETOP_NONE","sortClause":[{"SortBy":{"location":-1,"node":{"ColumnRef":{"fields":[{"String":{"sval":"a"}}],"location":111}},"sortby_dir":"SORTBY_DESC","sortby_nulls":"SORTBY_NULLS_LAST"}}],"targetList":[{"ResTarget":{"location":23,"val":{"ColumnRef":{"fields":[{"String":{"sval":"a"}}],"location":23}}}},{"ResTarget":{"location":26,"name":"c","val":{"ColumnRef":{"fields":[{"String":{"sval":"b"}}],"location":26}}}}],"whereClause":{"A_Expr":{"kind":"AEXPR_OP","lexpr":{"ColumnRef":{"fields":[{"String":{"sval":"x"}}],"location":65}},"location":67,"name":[{"String":{"sval":">"}}],"rexpr":{"A_Const":{"ival":{"ival":1},"location":69}}}}}}}],"version":150001})");
}

TEST_CASE("INTERSECT binds tighter than UNION and EXCEPT", "[parser]")
{
	ScratchContext scratch;
	List *stmts = raw_parser("select 1 union select 2 intersect select 3 except select 4");
	const SelectStmt *top = reinterpret_cast<const SelectStmt *>(
		static_cast<const RawStmt *>(linitial(stmts))->stmt);
	REQUIRE(top->op == SETOP_EXCEPT);
	REQUIRE(top->larg->op == SETOP_UNION);
	REQUIRE(top->larg->rarg->op == SETOP_INTERSECT);
	REQUIRE(top->rarg->op == SETOP_NONE);
}

TEST_CASE("statements are split on ';' with PostgreSQL's locations and lengths", "[parser]")
{
	ScratchContext scratch;
	List *stmts = raw_parser("select 1; ;  select 2 ;select 3");
	REQUIRE(list_length(stmts) == 3);
	auto rs = [&](int i) { return static_cast<const RawStmt *>(list_nth(stmts, i)); };
	REQUIRE(rs(0)->stmt_location == 0);
	REQUIRE(rs(0)->stmt_len == 8);
	REQUIRE(rs(1)->stmt_location == 11);
	REQUIRE(rs(1)->stmt_len == 11);
	REQUIRE(rs(2)->stmt_location == 23);
	REQUIRE(rs(2)->stmt_len == 0);
	REQUIRE(raw_parser("") == NIL);
	REQUIRE(raw_parser(" ; -- nothing\n;") == NIL);
}

TEST_CASE("INSERT, UPDATE and DELETE make PostgreSQL's trees", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(
		Tree("insert into t (a, b) values (1, default) on conflict (a) do update set b = "
			 "excluded.b returning *") ==
		R"({"stmts":[{"stmt":{"InsertStmt":{"cols":[{"ResTarget":{"location":15,"name":"a"}},{"ResTarget":{"location":18,"name":"b"}}],"onConflictClause":{"action":"ONCONFLICT_UPDATE","infer":{"indexElems":[{"IndexElem":{"name":"a","nulls_ordering":"SORTBY_NULLS_DEFAULT","ordering":"SORTBY_DEFAULT"}}],"location":53},"location":41,"targetList":[{"ResTarget":{"location":71,"name":"b","val":{"ColumnRef":{"fields":[{"String":{"sval":"excluded"}},{"String":{"sval":"b"}}],"location":75}}}}]},"override":"OVERRIDING_NOT_SET","relation":{"inh":true,"location":12,"relname":"t","relpersistence":"p"},"returningList":[{"ResTarget":{"location":96,"val":{"ColumnRef":{"fields":[{"A_Star":{}}],"location":96}}}}],"selectStmt":{"SelectStmt":{"limitOption":"LIMIT_OPTION_DEFAULT","op":"SETOP_NONE","valuesLists":[{"List":{"items":[{"A_Const":{"ival":{"ival":1},"location":29}},{"SetToDefault":{"location":32}}]}}]}}}}}],"version":150001})");
	REQUIRE(
		Tree("update t set (a, b) = (select 1, 2) where current of c") ==
		R"({"stmts":[{"stmt":{"UpdateStmt":{"relation":{"inh":true,"location":7,"relname":"t","relpersistence":"p"},"targetList":[{"ResTarget":{"location":14,"name":"a","val":{"MultiAssignRef":{"colno":1,"ncolumns":2,"source":{"SubLink":{"location":22,"subLinkType":"EXPR_SUBLINK","subselect":{"SelectStmt":{"limitOption":"LIMIT_OPTION_DEFAULT","op":"SETOP_NONE","targetList":[{"ResTarget":{"location":30,"val":{"A_Const":{"ival":{"ival":1},"location":30}}}},{"ResTarget":{"location":33,"val":{"A_Const":{"ival":{"ival":2},"location":33}}}}]}}}}}}}},{"ResTarget":{"location":17,"name":"b","val":{"MultiAssignRef":{"colno":2,"ncolumns":2,"source":{"SubLink":{"location":22,"subLinkType":"EXPR_SUBLINK","subselect":{"SelectStmt":{"limitOption":"LIMIT_OPTION_DEFAULT","op":"SETOP_NONE","targetList":[{"ResTarget":{"location":30,"val":{"A_Const":{"ival":{"ival":1},"location":30}}}},{"ResTarget":{"location":33,"val":{"A_Const":{"ival":{"ival":2},"location":33}}}}]}}}}}}}}],"whereClause":{"CurrentOfExpr":{"cursor_name":"c"}}}}}],"version":150001})");
	REQUIRE(
		Tree("delete from only t as x using u where t.a = u.a") ==
		R"({"stmts":[{"stmt":{"DeleteStmt":{"relation":{"alias":{"aliasname":"x"},"location":17,"relname":"t","relpersistence":"p"},"usingClause":[{"RangeVar":{"inh":true,"location":30,"relname":"u","relpersistence":"p"}}],"whereClause":{"A_Expr":{"kind":"AEXPR_OP","lexpr":{"ColumnRef":{"fields":[{"String":{"sval":"t"}},{"String":{"sval":"a"}}],"location":38}},"location":42,"name":[{"String":{"sval":"="}}],"rexpr":{"ColumnRef":{"fields":[{"String":{"sval":"u"}},{"String":{"sval":"a"}}],"location":44}}}}}}}],"version":150001})");
}

TEST_CASE("CREATE TABLE makes ColumnDefs and Constraints as PostgreSQL does", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(
		Tree("create temp table if not exists t (id bigint generated always as identity primary "
			 "key, name varchar(20) not null default 'x', ref int references u on delete cascade, "
			 "check (id > 0)) with (fillfactor = 70)") ==
		R"({"stmts":[{"stmt":{"CreateStmt":{"if_not_exists":true,"oncommit":"ONCOMMIT_NOOP","options":[{"DefElem":{"arg":{"Integer":{"ival":70}},"defaction":"DEFELEM_UNSPEC","defname":"fillfactor","location":188}}],"relation":{"inh":true,"location":32,"relname":"t","relpersistence":"t"},"tableElts":[{"ColumnDef":{"colname":"id","constraints":[{"Constraint":{"contype":"CONSTR_IDENTITY","generated_when":"a","location":45}},{"Constraint":{"contype":"CONSTR_PRIMARY","location":74}}],"is_local":true,"location":35,"typeName":{"location":38,"names":[{"String":{"sval":"pg_catalog"}},{"String":{"sval":"int8"}}],"typemod":-1}}},{"ColumnDef":{"colname":"name","constraints":[{"Constraint":{"contype":"CONSTR_NOTNULL","location":104}},{"Constraint":{"contype":"CONSTR_DEFAULT","location":113,"raw_expr":{"A_Const":{"location":121,"sval":{"sval":"x"}}}}}],"is_local":true,"location":87,"typeName":{"location":92,"names":[{"String":{"sval":"pg_catalog"}},{"String":{"sval":"varchar"}}],"typemod":-1,"typmods":[{"A_Const":{"ival":{"ival":20},"location":100}}]}}},{"ColumnDef":{"colname":"ref","constraints":[{"Constraint":{"contype":"CONSTR_FOREIGN","fk_del_action":"c","fk_matchtype":"s","fk_upd_action":"a","initially_valid":true,"location":134,"pktable":{"inh":true,"location":145,"relname":"u","relpersistence":"p"}}}],"is_local":true,"location":126,"typeName":{"location":130,"names":[{"String":{"sval":"pg_catalog"}},{"String":{"sval":"int4"}}],"typemod":-1}}},{"Constraint":{"contype":"CONSTR_CHECK","initially_valid":true,"location":166,"raw_expr":{"A_Expr":{"kind":"AEXPR_OP","lexpr":{"ColumnRef":{"fields":[{"String":{"sval":"id"}}],"location":173}},"location":176,"name":[{"String":{"sval":">"}}],"rexpr":{"A_Const":{"ival":{},"location":178}}}}}}]}}}],"version":150001})");
}

TEST_CASE("utility statements make PostgreSQL's nodes", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(
		Tree("begin isolation level serializable, read only") ==
		R"({"stmts":[{"stmt":{"TransactionStmt":{"kind":"TRANS_STMT_BEGIN","options":[{"DefElem":{"arg":{"A_Const":{"location":22,"sval":{"sval":"serializable"}}},"defaction":"DEFELEM_UNSPEC","defname":"transaction_isolation","location":6}},{"DefElem":{"arg":{"A_Const":{"ival":{"ival":1},"location":36}},"defaction":"DEFELEM_UNSPEC","defname":"transaction_read_only","location":36}}]}}}],"version":150001})");
	REQUIRE(
		Tree("set local search_path to a, 'b'") ==
		R"({"stmts":[{"stmt":{"VariableSetStmt":{"args":[{"A_Const":{"location":25,"sval":{"sval":"a"}}},{"A_Const":{"location":28,"sval":{"sval":"b"}}}],"is_local":true,"kind":"VAR_SET_VALUE","name":"search_path"}}}],"version":150001})");
	REQUIRE(
		Tree("show transaction isolation level") ==
		R"({"stmts":[{"stmt":{"VariableShowStmt":{"name":"transaction_isolation"}}}],"version":150001})");
	REQUIRE(
		Tree("copy t (a) from stdin with (format csv)") ==
		R"({"stmts":[{"stmt":{"CopyStmt":{"attlist":[{"String":{"sval":"a"}}],"is_from":true,"options":[{"DefElem":{"arg":{"String":{"sval":"csv"}},"defaction":"DEFELEM_UNSPEC","defname":"format","location":28}}],"relation":{"inh":true,"location":5,"relname":"t","relpersistence":"p"}}}}],"version":150001})");
	REQUIRE(
		Tree("lock t in share row exclusive mode nowait") ==
		R"({"stmts":[{"stmt":{"LockStmt":{"mode":6,"nowait":true,"relations":[{"RangeVar":{"inh":true,"location":5,"relname":"t","relpersistence":"p"}}]}}}],"version":150001})");
	REQUIRE(
		Tree("drop table if exists a, s.b cascade") ==
		R"({"stmts":[{"stmt":{"DropStmt":{"behavior":"DROP_CASCADE","missing_ok":true,"objects":[{"List":{"items":[{"String":{"sval":"a"}}]}},{"List":{"items":[{"String":{"sval":"s"}},{"String":{"sval":"b"}}]}}],"removeType":"OBJECT_TABLE"}}}],"version":150001})");
}

TEST_CASE("syntax errors point at the first token that cannot continue the statement", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(ParseError("select 1 +") == "42601 syntax error at end of input@11");
	REQUIRE(ParseError("select * fromm t") == "42601 syntax error at or near \"fromm\"@10");
	REQUIRE(ParseError("selec 1") == "42601 syntax error at or near \"selec\"@1");
	REQUIRE(ParseError("SELECT é FROM t WHERE") == "42601 syntax error at end of input@22");
	REQUIRE(ParseError("select 1; select 2 3") == "42601 syntax error at or near \"3\"@20");
	/* a lexical error is reported only if the parse gets that far */
	REQUIRE(ParseError("select 1 2 'abc") == "42601 syntax error at or near \"2\"@10");
	REQUIRE(ParseError("select 1, 'abc") ==
			"42601 unterminated quoted string at or near \"'abc\"@11");
}

TEST_CASE("the grammar's own errors have PostgreSQL's messages and positions", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(ParseError("select 1 limit 1, 2") == "42601 LIMIT #,# syntax is not supported@10");
	REQUIRE(ParseError("(select 1 order by 1) order by 1") ==
			"42601 multiple ORDER BY clauses not allowed@32");
	REQUIRE(ParseError("(select 1 limit 1) limit 2") ==
			"42601 multiple LIMIT clauses not allowed@26");
	REQUIRE(ParseError("(select 1 offset 1) offset 2") ==
			"42601 multiple OFFSET clauses not allowed@28");
	REQUIRE(ParseError("with a as (select 1) (with b as (select 2) select 3)") ==
			"42601 multiple WITH clauses not allowed@1");
	REQUIRE(ParseError("select 1 fetch first 1 rows with ties") ==
			"42601 WITH TIES cannot be specified without ORDER BY clause@0");
	REQUIRE(ParseError("select * from a.b.c.d") ==
			"42601 improper qualified name (too many dotted names): a.b.c.d@15");
	REQUIRE(ParseError("select * from (select 1)") ==
			"42601 subquery in FROM must have an alias@15");
	REQUIRE(ParseError("select * from (values (1))") ==
			"42601 VALUES in FROM must have an alias@15");
	REQUIRE(ParseError("select a.*.b") == "42601 improper use of \"*\" at end of input@13");
	REQUIRE(ParseError("select row(1) overlaps (2, 3)") ==
			"42601 wrong number of parameters on left side of OVERLAPS expression@8");
	REQUIRE(ParseError("select unique (select 1)") ==
			"0A000 UNIQUE predicate is not yet implemented@8");
	REQUIRE(ParseError("select foo(a => 1) 'x'") ==
			"42601 type modifier cannot have parameter name@12");
	REQUIRE(ParseError("select float(0) 'x'") ==
			"22023 precision for type float must be at least 1 bit@14");
	REQUIRE(ParseError("select f() over (rows between current row and 1 preceding)") ==
			"42P20 frame starting from current row cannot have preceding rows@47");
	REQUIRE(ParseError("create table t (a int references u match partial)") ==
			"0A000 MATCH PARTIAL not yet implemented@36");
	REQUIRE(ParseError("create table t (a int, check (a > 0) deferrable)") ==
			"0A000 CHECK constraints cannot be marked DEFERRABLE@0");
	REQUIRE(ParseError("create table t (a int, unique (a) not deferrable initially deferred)") ==
			"42601 constraint declared INITIALLY DEFERRED must be DEFERRABLE@50");
	REQUIRE(ParseError("create table t (a int collate \"C\" collate \"D\")") ==
			"42601 multiple COLLATE clauses not allowed@35");
}

TEST_CASE("statements Tusk does not parse yet are 0A000, after the rest of the string parses",
		  "[parser]")
{
	ScratchContext scratch;
	REQUIRE(ParseError("grant select on t to u") ==
			"0A000 GRANT on objects is not supported yet@1");
	REQUIRE(ParseError("select 1; create procedure f() language sql begin atomic select "
					   "1; end; select 2") == "0A000 CREATE PROCEDURE is not supported yet@18");
	REQUIRE(ParseError("grant select on t to u; select (") ==
			"42601 syntax error at end of input@33");
	/* A lexical error inside skipped unsupported syntax is still reported
	 * (found by the fuzzer: the skip never ended). */
	REQUIRE(ParseError("create function f() set na'mes") ==
			"42601 unterminated quoted string at or near \"'mes\"@27");
	REQUIRE(ParseError("create function f() returns int language sql begin atomic select 'x; "
					   "end") == "42601 unterminated quoted string at or near \"'x; end\"@66");
}

TEST_CASE("raw trees copy, compare and print like any node tree", "[parser]")
{
	ScratchContext scratch;
	const char *const statements[] = {
		"select a, b + 1 as c from t join u using (k) where x in (select y from v) limit 2",
		"insert into t values (1, 'x'), (2, default) on conflict do nothing",
		"create table t (a int primary key, b text collate \"C\" check (b <> ''))",
		"with recursive r (n) as (select 1 union all select n + 1 from r) select * from r",
		"explain (analyze, format json) update t set a = a + 1 returning *",
	};
	for (const char *sql : statements)
	{
		List *tree = raw_parser(sql);
		REQUIRE(equal(tree, copyObject(tree)));
		char *text = nodeToString(tree);
		REQUIRE(equal(tree, stringToNode(text)));
	}
}
