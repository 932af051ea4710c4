/*
 * executor/functions.h — SQL-language functions (PostgreSQL's
 * functions.h): calling them (fmgr_sql), and what the planner's inlining
 * and CREATE FUNCTION's validation share with the call: how a body is
 * parsed (its arguments as $n and by name) and how its result is checked.
 *
 * See doc/executor/README.md ("SQL-language functions").
 */
#ifndef TUSK_EXECUTOR_FUNCTIONS_H
#define TUSK_EXECUTOR_FUNCTIONS_H

#include "access/htup.h"
#include "fmgr.h"
#include "nodes/pg_list.h"
#include "parser/parse_node.h"

/* What parsing a body needs to know of its function. */
typedef struct SQLFunctionParseInfo
{
	char *fname;	 /* for messages */
	int nargs;		 /* input arguments */
	Oid *argtypes;	 /* their types, polymorphic ones resolved */
	char **argnames; /* their names (NULL or "" when unnamed), or NULL */
	Oid collation;	 /* the call's input collation */
} SQLFunctionParseInfo;

typedef SQLFunctionParseInfo *SQLFunctionParseInfoPtr;

#ifdef __cplusplus
extern "C" {
#endif

/* The parse info of the pg_proc row procTuple; polymorphic argument
 * types are resolved from call_expr (a FuncExpr or OpExpr; may be NULL
 * when there are none). */
extern SQLFunctionParseInfoPtr prepare_sql_fn_parse_info(HeapTuple procTuple, Node *call_expr,
														 Oid inputCollation);
/* A ParserSetupHook: $n typed by pinfo, argument names resolved to $n. */
extern void sql_fn_parser_setup(ParseState *pstate, SQLFunctionParseInfoPtr pinfo);
/* Every statement of src analyzed (a List of Query), in order. */
extern List *sql_fn_analyze_body(const char *src, SQLFunctionParseInfoPtr pinfo);
/* Checks that the last of queries returns rettype (PostgreSQL's errors,
 * 42P13), coercing its result column in place by assignment when the
 * type differs.  Composite and record results: 0A000 (not supported
 * yet).  Returns whether the result is a column of the last statement
 * (false for void). */
extern bool check_sql_fn_retval(List *queries, Oid rettype);
/* Checks what a body may contain: no transaction control; only
 * SELECT without FOR UPDATE in a non-volatile function. */
extern void check_sql_fn_statements(List *queries, char provolatile);

/* CREATE FUNCTION's check of a new LANGUAGE sql function (PostgreSQL's
 * fmgr_sql_validator): the body parsed, and, unless an argument is
 * polymorphic, analyzed with its result checked.  Errors carry the
 * CONTEXT line `SQL function "name"` and point into queryString when the
 * body is written there. */
extern void sql_fn_validate(Oid funcoid, const char *queryString);

/* The call handler of every LANGUAGE sql function. */
extern Datum fmgr_sql(PG_FUNCTION_ARGS);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_EXECUTOR_FUNCTIONS_H */
