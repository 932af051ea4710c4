/*
 * prepare.cpp — prepared statements (commands/prepare.h).
 *
 * The statements of a session are in one map by name.  PREPARE analyzes
 * its statement at once (so its errors come at PREPARE, with positions in
 * the PREPARE's text) and keeps the analyzed query in a saved
 * CachedPlanSource; EXECUTE evaluates its arguments as expressions
 * coerced to the parameter types (assignment casts, as PostgreSQL), gets
 * a plan from the cache and runs it in a portal of its own.
 */
#include "postgres.h"

#include <map>
#include <string>
#include <vector>

#include "access/xact.h"
#include "catalog/pg_type_d.h"
#include "commands/prepare.h"
#include "executor/executor.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "nodes/nodeFuncs.h"
#include "parser/analyze.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "tcop/pquery.h"
#include "tcop/utility.h"
#include "utils/format_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"

namespace {

std::map<std::string, PreparedStatement *> &Statements()
{
	static std::map<std::string, PreparedStatement *> statements;
	return statements;
}

/* EXECUTE's arguments as the statement's parameter values (PostgreSQL's
 * EvaluateParams), in the current memory context. */
ParamListInfo EvaluateParams(PreparedStatement *pstmt, List *params, const char *queryString,
							 EState *estate)
{
	CachedPlanSource *ps = pstmt->plansource;
	int nparams = list_length(params);
	if (nparams != ps->num_params)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("wrong number of parameters for prepared statement \"%s\"",
					   pstmt->stmt_name),
				errdetail("Expected %d parameters but got %d.", ps->num_params, nparams));
	if (nparams == 0)
		return nullptr;
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;
	List *exprs = NIL;
	int i = 0;
	ListCell *lc;
	foreach (lc, params)
	{
		Node *raw = static_cast<Node *>(lfirst(lc));
		Node *expr = transformExpr(pstate, raw, EXPR_KIND_EXECUTE_PARAMETER);
		Oid given = exprType(expr);
		Oid expected = ps->param_types[i];
		if (given != expected && given != UNKNOWNOID &&
			!can_coerce_type(1, &given, &expected, COERCION_ASSIGNMENT))
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("parameter $%d of type %s cannot be coerced to the expected type %s",
						   i + 1, format_type_be(given), format_type_be(expected)),
					errhint("You will need to rewrite or cast the expression."),
					parser_errposition(pstate, exprLocation(raw)));
		expr = coerce_to_target_type(pstate, expr, given, expected, -1, COERCION_ASSIGNMENT,
									 COERCE_IMPLICIT_CAST, -1);
		exprs = lappend(exprs, expr);
		i++;
	}
	free_parsestate(pstate);

	ParamListInfo paramLI = makeParamList(nparams);
	ExprContext *econtext = CreateExprContext(estate);
	i = 0;
	foreach (lc, exprs)
	{
		ExprState *es = ExecInitExpr(static_cast<Expr *>(lfirst(lc)), nullptr);
		ParamExternData *prm = &paramLI->params[i];
		prm->ptype = ps->param_types[i];
		prm->pflags = PARAM_FLAG_CONST;
		/* In the executor state's memory, which outlives the portal's run. */
		MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
		prm->value = ExecEvalExprSwitchContext(es, econtext, &prm->isnull);
		MemoryContextSwitchTo(old);
		i++;
	}
	return paramLI;
}

}  // namespace

void StorePreparedStatement(const char *stmt_name, CachedPlanSource *plansource, bool from_sql)
{
	if (Statements().count(stmt_name) != 0)
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_PSTATEMENT),
				errmsg("prepared statement \"%s\" already exists", stmt_name));
	SaveCachedPlan(plansource);
	auto *entry = static_cast<PreparedStatement *>(
		MemoryContextAllocZero(plansource->context, sizeof(PreparedStatement)));
	snprintf(entry->stmt_name, sizeof entry->stmt_name, "%s", stmt_name);
	entry->plansource = plansource;
	entry->from_sql = from_sql;
	entry->prepare_time = GetCurrentStatementStartTimestamp();
	Statements()[stmt_name] = entry;
}

PreparedStatement *FetchPreparedStatement(const char *stmt_name, bool throwError)
{
	auto it = Statements().find(stmt_name);
	if (it != Statements().end())
		return it->second;
	if (throwError)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_PSTATEMENT),
				errmsg("prepared statement \"%s\" does not exist", stmt_name));
	return nullptr;
}

void DropPreparedStatement(const char *stmt_name, bool showError)
{
	PreparedStatement *entry = FetchPreparedStatement(stmt_name, showError);
	if (entry == nullptr)
		return;
	Statements().erase(stmt_name);
	DropCachedPlan(entry->plansource); /* frees entry too */
}

void DropAllPreparedStatements(void)
{
	/* Take them out first: dropping a plan may not find them here. */
	std::vector<PreparedStatement *> all;
	for (auto &[name, entry] : Statements())
		all.push_back(entry);
	Statements().clear();
	for (PreparedStatement *entry : all)
		DropCachedPlan(entry->plansource);
}

TupleDesc FetchPreparedStatementResultDesc(PreparedStatement *stmt)
{
	return stmt->plansource->resultDesc;
}

void PrepareQuery(PrepareStmt *stmt, const char *queryString, int stmt_location, int stmt_len)
{
	if (stmt->name == nullptr || stmt->name[0] == '\0')
		ereport(ERROR, errcode(ERRCODE_INVALID_PSTATEMENT_DEFINITION),
				errmsg("invalid statement name: must not be empty"));
	switch (nodeTag(stmt->query))
	{
		case T_SelectStmt:
		case T_InsertStmt:
		case T_UpdateStmt:
		case T_DeleteStmt:
			break;
		default:
			ereport(ERROR, errcode(ERRCODE_INVALID_PSTATEMENT_DEFINITION),
					errmsg("utility statements cannot be prepared"));
	}
	int nargs = list_length(stmt->argtypes);
	Oid *argtypes = nullptr;
	if (nargs > 0)
	{
		ParseState *pstate = make_parsestate(nullptr);
		pstate->p_sourcetext = queryString;
		argtypes = static_cast<Oid *>(palloc(nargs * sizeof(Oid)));
		int i = 0;
		ListCell *lc;
		foreach (lc, stmt->argtypes)
			argtypes[i++] = typenameTypeId(pstate, static_cast<TypeName *>(lfirst(lc)));
		free_parsestate(pstate);
	}
	RawStmt *rawstmt = makeNode(RawStmt);
	rawstmt->stmt = stmt->query;
	rawstmt->stmt_location = stmt_location;
	rawstmt->stmt_len = stmt_len;
	CachedPlanSource *ps = CreateCachedPlan(rawstmt, queryString, CreateCommandName(stmt->query));
	Query *query = parse_analyze_varparams(rawstmt, queryString, &argtypes, &nargs);
	CompleteCachedPlan(ps, list_make1(query), argtypes, nargs, 0, true);
	StorePreparedStatement(stmt->name, ps, true);
}

void DeallocateQuery(DeallocateStmt *stmt)
{
	if (stmt->name != nullptr)
		DropPreparedStatement(stmt->name, true);
	else
		DropAllPreparedStatements();
}

std::string ExecuteQueryWithTag(ExecuteStmt *stmt, const char *queryString, ParamListInfo,
								DestReceiver *dest)
{
	PreparedStatement *pstmt = FetchPreparedStatement(stmt->name, true);
	CachedPlanSource *ps = pstmt->plansource;
	Portal portal = CreateNewPortal();
	portal->visible = false;
	MemoryContext old = MemoryContextSwitchTo(portal->portalContext);
	EState *estate = CreateExecutorState();
	ParamListInfo paramLI = EvaluateParams(pstmt, stmt->params, queryString, estate);
	CachedPlan *cplan = GetCachedPlan(ps, paramLI);
	PortalDefineQuery(portal, pstmt->stmt_name, ps->query_string, ps->commandTag, cplan->stmt_list,
					  cplan);
	MemoryContextSwitchTo(old);
	PortalStart(portal, paramLI, 0, InvalidSnapshot);
	char tag[COMPLETION_TAG_BUFSIZE];
	(void) PortalRun(portal, FETCH_ALL, false, dest, dest, tag);
	PortalDrop(portal, false);
	return tag;
}

/* pg_prepared_statement(): a row per prepared statement of the session,
 * from SQL's PREPARE and the protocol's named Parse alike (the unnamed
 * statement is not listed), with PostgreSQL 15's columns. */
Datum pg_prepared_statement(PG_FUNCTION_ARGS)
{
	constexpr int kColumns = 7;
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		static const Oid kTypes[kColumns] = {TEXTOID, TEXTOID, TIMESTAMPTZOID, REGTYPEARRAYOID,
											 BOOLOID, INT8OID, INT8OID};
		TupleDesc desc = CreateTemplateTupleDesc(kColumns);
		for (int i = 0; i < kColumns; i++)
			TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), nullptr, kTypes[i], -1, 0);
		funcctx->tuple_desc = BlessTupleDesc(desc);
		/* The rows are formed now: the statements may change while the
		 * caller reads them (a function that prepares or deallocates). */
		List *rows = NIL;
		for (const auto &[name, entry] : Statements())
		{
			const CachedPlanSource *ps = entry->plansource;
			Datum values[kColumns];
			bool nulls[kColumns] = {};
			values[0] = PointerGetDatum(cstring_to_text(entry->stmt_name));
			values[1] = PointerGetDatum(cstring_to_text(ps->query_string));
			values[2] = TimestampTzGetDatum(entry->prepare_time);
			std::vector<Datum> types;
			for (int i = 0; i < ps->num_params; i++)
				types.push_back(ObjectIdGetDatum(ps->param_types[i]));
			values[3] = PointerGetDatum(construct_array(types.data(),
														static_cast<int>(types.size()), REGTYPEOID,
														4, true, TYPALIGN_INT));
			values[4] = BoolGetDatum(entry->from_sql);
			values[5] = Int64GetDatum(ps->num_generic_plans);
			values[6] = Int64GetDatum(ps->num_custom_plans);
			HeapTuple tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
			rows = lappend(rows,
						   DatumGetPointer(heap_copy_tuple_as_datum(tuple, funcctx->tuple_desc)));
		}
		funcctx->user_fctx = rows;
		funcctx->max_calls = static_cast<uint64>(list_length(rows));
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		/* Before SRF_RETURN_NEXT, which counts the call first. */
		List *rows = static_cast<List *>(funcctx->user_fctx);
		Datum row = PointerGetDatum(list_nth(rows, static_cast<int>(funcctx->call_cntr)));
		SRF_RETURN_NEXT(funcctx, row);
	}
	SRF_RETURN_DONE(funcctx);
}
