/*
 * functions.cpp — running SQL-language functions (PostgreSQL's
 * functions.c).
 *
 * A LANGUAGE sql function's body (pg_proc.prosrc) is one or more SQL
 * statements.  fmgr_info points every such function at fmgr_sql, which,
 * on the first call through an FmgrInfo, parses and analyzes the body
 * with the arguments as $n parameters (typed by the call's actual
 * argument types, so polymorphic functions work; an argument may also be
 * named), checks that the last statement returns the declared type
 * (coercing it by assignment), and plans every statement, all in the
 * FmgrInfo's memory context: the plans are kept on fn_extra for the rest
 * of the query.  Each call then runs the statements in order through the
 * ordinary executor with the argument values as the parameter list; the
 * last statement's first row is the result (no row: NULL), or, for a
 * SETOF function, all its rows, gathered on the first call of the set
 * and returned one per call (value-per-call protocol).
 *
 * A non-volatile function runs its statements with the caller's snapshot
 * and may only read; a volatile one advances the command counter and
 * takes a fresh snapshot before each statement, as PostgreSQL does.
 * Errors raised inside get PostgreSQL's CONTEXT line: `SQL function "f"
 * statement N`, or `during startup` while the body is being prepared.
 *
 * The planner inlines simple SQL functions (optimizer/clauses.cpp) and
 * CREATE FUNCTION validates bodies (commands/functioncmds.cpp) with the
 * helpers here: prepare_sql_fn_parse_info, sql_fn_parser_setup,
 * sql_fn_analyze_body, check_sql_fn_retval.
 *
 * Not supported yet (0A000): functions returning composite types or
 * record.
 *
 * Principal entry points: fmgr_sql and the helpers above.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type_d.h"
#include "executor/executor.h"
#include "executor/functions.h"
#include "funcapi.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/params.h"
#include "optimizer/planner.h"
#include "parser/analyze.h"
#include "parser/parse_coerce.h"
#include "parser/parser.h"
#include "tcop/utility.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/error/error.h"
#include "utils/datum.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

/* ---- parsing a body ---- */

/* An argument named like the column reference, as its $n (PostgreSQL's
 * sql_fn_post_column_ref: a column of the same name wins). */
Node *SqlFnPostColumnRef(ParseState *pstate, ColumnRef *cref)
{
	auto *pinfo = static_cast<SQLFunctionParseInfoPtr>(pstate->p_ref_hook_state);
	if (pinfo == nullptr || pinfo->argnames == nullptr || list_length(cref->fields) != 1)
		return nullptr;
	const char *name = strVal(linitial(cref->fields));
	for (int i = 0; i < pinfo->nargs; i++)
	{
		const char *argname = pinfo->argnames[i];
		if (argname == nullptr || argname[0] == '\0' || strcmp(argname, name) != 0)
			continue;
		Param *param = makeNode(Param);
		param->paramkind = PARAM_EXTERN;
		param->paramid = i + 1;
		param->paramtype = pinfo->argtypes[i];
		param->paramtypmod = -1;
		param->paramcollid = get_typcollation(param->paramtype);
		if (OidIsValid(param->paramcollid) && OidIsValid(pinfo->collation))
			param->paramcollid = pinfo->collation;
		param->location = cref->location;
		return reinterpret_cast<Node *>(param);
	}
	return nullptr;
}

void ParserSetup(ParseState *pstate, void *arg)
{
	sql_fn_parser_setup(pstate, static_cast<SQLFunctionParseInfoPtr>(arg));
}

/* The column list a function's last statement returns, or NULL when it
 * returns none. */
List *ResultTargetList(Query *q)
{
	if (q == nullptr)
		return NIL;
	if (q->commandType == CMD_SELECT)
		return q->targetList;
	if ((q->commandType == CMD_INSERT || q->commandType == CMD_UPDATE ||
		 q->commandType == CMD_DELETE) &&
		q->returningList != NIL)
		return q->returningList;
	return NIL;
}

/* The statement's name for "… is not allowed" messages. */
const char *QueryCommandName(Query *q)
{
	switch (q->commandType)
	{
		case CMD_SELECT:
			return q->rowMarks != NIL ? "SELECT FOR UPDATE" : "SELECT";
		case CMD_INSERT:
			return "INSERT";
		case CMD_UPDATE:
			return "UPDATE";
		case CMD_DELETE:
			return "DELETE";
		case CMD_UTILITY:
			return CreateCommandName(q->utilityStmt);
		default:
			return "???";
	}
}

/* ---- calling ---- */

/* One FmgrInfo's prepared body: lives in fn_mcxt (or, for a set, in
 * the set's memory context). */
struct SqlFunctionCache
{
	char *fname;
	const char *src;
	Oid rettype;
	int16 typlen;
	bool typbyval;
	bool returns_value; /* false: void, the result is NULL */
	bool readonly;		/* not volatile: the caller's snapshot, no changes */
	int nargs;
	Oid *argtypes;
	List *stmts; /* PlannedStmt, one per statement */
	bool ready;	 /* stmts planned: errors are no longer "during startup" */
	int running; /* 1-based number of the statement running, or 0 */
	/* A SETOF call's rows, gathered on its first call. */
	Datum *rows;
	bool *rownulls;
	int nrows;
	int maxrows;
};

void SqlFunctionErrorCallback(void *arg)
{
	auto *cache = static_cast<SqlFunctionCache *>(arg);
	/* A position in the body means nothing in the caller's query. */
	if (geterrposition() > 0)
		errposition(0);
	if (!cache->ready)
		errcontext("SQL function \"%s\" during startup", cache->fname);
	else if (cache->running > 0)
		errcontext("SQL function \"%s\" statement %d", cache->fname, cache->running);
	else
		errcontext("SQL function \"%s\"", cache->fname);
}

/* The CONTEXT line of errors raised while this scope lives. */
class SqlFunctionErrorScope : public tusk::error::ErrorContextScope
{
  public:
	explicit SqlFunctionErrorScope(SqlFunctionCache *cache)
		: ErrorContextScope(SqlFunctionErrorCallback, cache)
	{}
};

/* An active snapshot pushed for one statement, popped on leaving. */
class StatementSnapshot
{
  public:
	explicit StatementSnapshot(bool readonly)
	{
		if (!readonly)
		{
			CommandCounterIncrement();
			PushActiveSnapshot(GetTransactionSnapshot());
			pushed_ = true;
		}
		else if (!ActiveSnapshotSet())
		{
			PushActiveSnapshot(GetTransactionSnapshot());
			pushed_ = true;
		}
	}
	~StatementSnapshot()
	{
		if (pushed_)
			PopActiveSnapshot();
	}
	StatementSnapshot(const StatementSnapshot &) = delete;
	StatementSnapshot &operator=(const StatementSnapshot &) = delete;

  private:
	bool pushed_ = false;
};

/* Prepares the body of the function fcinfo calls, in the current memory
 * context, with its error context already pushed by the caller. */
void PrepareSqlFunction(FunctionCallInfo fcinfo, SqlFunctionCache *cache)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(fcinfo->flinfo->fn_oid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", fcinfo->flinfo->fn_oid);
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	cache->fname = pstrdup(NameStr(proc->proname));
	cache->readonly = proc->provolatile != PROVOLATILE_VOLATILE;
	Oid rettype = proc->prorettype;
	if (IsPolymorphicType(rettype))
	{
		rettype = get_fn_expr_rettype(fcinfo->flinfo);
		if (!OidIsValid(rettype))
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("could not determine actual result type for function declared to "
						   "return type %s",
						   format_type_be(proc->prorettype)));
	}
	cache->rettype = rettype;
	get_typlenbyval(rettype, &cache->typlen, &cache->typbyval);
	bool isnull;
	Datum src = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_prosrc, &isnull);
	if (isnull)
		elog(ERROR, "null prosrc for function %u", fcinfo->flinfo->fn_oid);
	cache->src = TextDatumGetCString(src);
	SQLFunctionParseInfoPtr pinfo = prepare_sql_fn_parse_info(tup,
															  reinterpret_cast<Node *>(
																  fcinfo->flinfo->fn_expr),
															  fcinfo->fncollation);
	ReleaseSysCache(tup);
	cache->nargs = pinfo->nargs;
	cache->argtypes = pinfo->argtypes;

	List *queries = sql_fn_analyze_body(cache->src, pinfo);
	cache->returns_value = check_sql_fn_retval(queries, rettype);
	check_sql_fn_statements(queries, cache->readonly ? PROVOLATILE_STABLE : PROVOLATILE_VOLATILE);
	ListCell *lc;
	foreach (lc, queries)
		cache->stmts = lappend(cache->stmts,
							   planner(static_cast<Query *>(lfirst(lc)), cache->src, 0, nullptr));
	cache->ready = true;
}

/* Receives the last statement's rows: the first column of the first row,
 * or of every row for a set, copied into cxt. */
struct ResultReceiver
{
	DestReceiver pub;
	SqlFunctionCache *cache;
	MemoryContext cxt;
	bool want_set;
	bool got;
	Datum value;
	bool isnull;
};

bool ResultReceiveSlot(TupleTableSlot *slot, DestReceiver *self)
{
	auto *r = reinterpret_cast<ResultReceiver *>(self);
	if (r->got && !r->want_set)
		return true;
	SqlFunctionCache *cache = r->cache;
	bool isnull;
	Datum value = slot_getattr(slot, 1, &isnull);
	MemoryContext old = MemoryContextSwitchTo(r->cxt);
	if (!isnull)
		value = datumCopy(value, cache->typbyval, cache->typlen);
	if (r->want_set)
	{
		if (cache->nrows == cache->maxrows)
		{
			cache->maxrows = Max(cache->maxrows * 2, 16);
			cache->rows = static_cast<Datum *>(
				cache->rows == nullptr ? palloc(sizeof(Datum) * cache->maxrows)
									   : repalloc(cache->rows, sizeof(Datum) * cache->maxrows));
			cache->rownulls = static_cast<bool *>(
				cache->rownulls == nullptr
					? palloc(sizeof(bool) * cache->maxrows)
					: repalloc(cache->rownulls, sizeof(bool) * cache->maxrows));
		}
		cache->rows[cache->nrows] = value;
		cache->rownulls[cache->nrows] = isnull;
		cache->nrows++;
	}
	MemoryContextSwitchTo(old);
	r->got = true;
	r->value = value;
	r->isnull = isnull;
	return true;
}

void ResultStartup(DestReceiver *, int, TupleDesc) {}
void ResultShutdown(DestReceiver *) {}
void ResultDestroy(DestReceiver *) {}

/* Runs every statement of the body once with fcinfo's arguments; the
 * result goes to receiver. */
void RunSqlFunction(FunctionCallInfo fcinfo, SqlFunctionCache *cache, ResultReceiver *receiver)
{
	MemoryContext callcxt = AllocSetContextCreate(CurrentMemoryContext, "SQL function call",
												  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(callcxt);
	ParamListInfo params = nullptr;
	if (cache->nargs > 0)
	{
		params = makeParamList(cache->nargs);
		for (int i = 0; i < cache->nargs; i++)
		{
			ParamExternData *prm = &params->params[i];
			prm->value = fcinfo->args[i].value;
			prm->isnull = fcinfo->args[i].isnull;
			prm->pflags = PARAM_FLAG_CONST;
			prm->ptype = cache->argtypes[i];
		}
	}
	int nstmts = list_length(cache->stmts);
	int n = 0;
	ListCell *lc;
	foreach (lc, cache->stmts)
	{
		auto *stmt = static_cast<PlannedStmt *>(lfirst(lc));
		n++;
		bool last = n == nstmts;
		cache->running = n;
		StatementSnapshot snapshot(cache->readonly);
		if (stmt->commandType == CMD_UTILITY)
		{
			uint64 processed = 0;
			ProcessUtility(stmt, cache->src, None_Receiver, &processed);
			continue;
		}
		DestReceiver *dest = last && cache->returns_value ? &receiver->pub : None_Receiver;
		QueryDesc *qd = CreateQueryDesc(stmt, cache->src, GetActiveSnapshot(), dest, params, 0);
		ExecutorStart(qd, 0);
		/* A plain function's SELECT stops at its first row; other
		 * statements run to completion. */
		uint64 count = last && !receiver->want_set && stmt->commandType == CMD_SELECT ? 1 : 0;
		ExecutorRun(qd, ForwardScanDirection, count);
		ExecutorFinish(qd);
		ExecutorEnd(qd);
		FreeQueryDesc(qd);
	}
	cache->running = 0;
	MemoryContextSwitchTo(old);
	MemoryContextDelete(callcxt);
}

void InitReceiver(ResultReceiver *r, SqlFunctionCache *cache, MemoryContext cxt, bool want_set)
{
	*r = ResultReceiver{};
	r->pub.receiveSlot = ResultReceiveSlot;
	r->pub.rStartup = ResultStartup;
	r->pub.rShutdown = ResultShutdown;
	r->pub.rDestroy = ResultDestroy;
	r->pub.mydest = DestSQLFunction;
	r->cache = cache;
	r->cxt = cxt;
	r->want_set = want_set;
	r->isnull = true;
}

Datum SqlFunctionSet(FunctionCallInfo fcinfo)
{
	auto *rsi = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
	if (rsi == nullptr || !IsA(rsi, ReturnSetInfo) || (rsi->allowedModes & SFRM_ValuePerCall) == 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("set-valued function called in context that cannot accept a set"));
	if (SRF_IS_FIRSTCALL())
	{
		FuncCallContext *funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		auto *cache = static_cast<SqlFunctionCache *>(palloc0(sizeof(SqlFunctionCache)));
		cache->fname = get_func_name(fcinfo->flinfo->fn_oid);
		funcctx->user_fctx = cache;
		SqlFunctionErrorScope scope(cache);
		PrepareSqlFunction(fcinfo, cache);
		ResultReceiver receiver;
		InitReceiver(&receiver, cache, funcctx->multi_call_memory_ctx, true);
		MemoryContextSwitchTo(old);
		RunSqlFunction(fcinfo, cache, &receiver);
	}
	FuncCallContext *funcctx = SRF_PERCALL_SETUP();
	auto *cache = static_cast<SqlFunctionCache *>(funcctx->user_fctx);
	if (funcctx->call_cntr < static_cast<uint64>(cache->nrows))
	{
		int i = static_cast<int>(funcctx->call_cntr++);
		rsi->isDone = ExprMultipleResult;
		fcinfo->isnull = cache->rownulls[i];
		return cache->rows[i];
	}
	end_MultiFuncCall(fcinfo, funcctx);
	rsi->isDone = ExprEndResult;
	fcinfo->isnull = true;
	return static_cast<Datum>(0);
}

}  // namespace

extern "C" {

SQLFunctionParseInfoPtr prepare_sql_fn_parse_info(HeapTuple procTuple, Node *call_expr,
												  Oid inputCollation)
{
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(procTuple));
	auto *pinfo = static_cast<SQLFunctionParseInfoPtr>(palloc0(sizeof(SQLFunctionParseInfo)));
	pinfo->fname = pstrdup(NameStr(proc->proname));
	pinfo->collation = inputCollation;
	int nargs = proc->pronargs;
	pinfo->nargs = nargs;
	if (nargs > 0)
	{
		pinfo->argtypes = static_cast<Oid *>(palloc(nargs * sizeof(Oid)));
		for (int i = 0; i < nargs; i++)
		{
			Oid argtype = proc->proargtypes.values[i];
			if (IsPolymorphicType(argtype))
			{
				Oid actual = InvalidOid;
				if (call_expr != nullptr)
				{
					FmgrInfo flinfo{};
					flinfo.fn_expr = reinterpret_cast<fmNodePtr>(call_expr);
					actual = get_fn_expr_argtype(&flinfo, i);
				}
				if (!OidIsValid(actual))
					ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
							errmsg("could not determine actual type of argument declared %s",
								   format_type_be(argtype)));
				argtype = actual;
			}
			pinfo->argtypes[i] = argtype;
		}
	}
	/* The input arguments' names: proargnames covers every argument
	 * (OUT ones too) when proargmodes is set. */
	bool isnull;
	Datum names = SysCacheGetAttr(PROCOID, procTuple, Anum_pg_proc_proargnames, &isnull);
	if (!isnull && nargs > 0)
	{
		Datum *elems;
		bool *nulls;
		int nelems;
		deconstruct_array(DatumGetArrayTypeP(names), TEXTOID, -1, false, TYPALIGN_INT, &elems,
						  &nulls, &nelems);
		Datum modes = SysCacheGetAttr(PROCOID, procTuple, Anum_pg_proc_proargmodes, &isnull);
		char *modev = nullptr;
		int nmodes = 0;
		if (!isnull)
		{
			Datum *melems;
			bool *mnulls;
			deconstruct_array(DatumGetArrayTypeP(modes), CHAROID, 1, true, TYPALIGN_CHAR, &melems,
							  &mnulls, &nmodes);
			modev = static_cast<char *>(palloc(Max(nmodes, 1)));
			for (int i = 0; i < nmodes; i++)
				modev[i] = DatumGetChar(melems[i]);
		}
		pinfo->argnames = static_cast<char **>(palloc0(nargs * sizeof(char *)));
		int in = 0;
		for (int i = 0; i < nelems && in < nargs; i++)
		{
			if (modev != nullptr && i < nmodes &&
				(modev[i] == PROARGMODE_OUT || modev[i] == PROARGMODE_TABLE))
				continue;
			pinfo->argnames[in++] = nulls[i] ? nullptr : TextDatumGetCString(elems[i]);
		}
	}
	return pinfo;
}

void sql_fn_parser_setup(ParseState *pstate, SQLFunctionParseInfoPtr pinfo)
{
	pstate->p_paramtypes = pinfo->argtypes;
	pstate->p_numparams = pinfo->nargs;
	pstate->p_post_columnref_hook = SqlFnPostColumnRef;
	pstate->p_ref_hook_state = pinfo;
}

List *sql_fn_analyze_body(const char *src, SQLFunctionParseInfoPtr pinfo)
{
	List *queries = NIL;
	ListCell *lc;
	foreach (lc, raw_parser(src))
		queries = lappend(queries,
						  parse_analyze_withcb(static_cast<RawStmt *>(lfirst(lc)), src, ParserSetup,
											   pinfo));
	return queries;
}

bool check_sql_fn_retval(List *queries, Oid rettype)
{
	if (rettype == VOIDOID)
		return false;
	char typtype = get_typtype(rettype);
	if (typtype == TYPTYPE_COMPOSITE || rettype == RECORDOID)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("SQL functions returning composite types are not supported yet"));
	if (typtype == TYPTYPE_PSEUDO)
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("return type %s is not supported for SQL functions",
					   format_type_be(rettype)));
	Query *last = queries != NIL ? static_cast<Query *>(llast(queries)) : nullptr;
	List *tlist = ResultTargetList(last);
	if (tlist == NIL)
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("return type mismatch in function declared to return %s",
					   format_type_be(rettype)),
				errdetail("Function's final statement must be SELECT or INSERT/UPDATE/DELETE "
						  "RETURNING."));
	int ncols = 0;
	ListCell *lc;
	foreach (lc, tlist)
		if (!static_cast<TargetEntry *>(lfirst(lc))->resjunk)
			ncols++;
	if (ncols != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("return type mismatch in function declared to return %s",
					   format_type_be(rettype)),
				errdetail("Final statement must return exactly one column."));
	auto *tle = static_cast<TargetEntry *>(linitial(tlist));
	Node *expr = reinterpret_cast<Node *>(tle->expr);
	Oid type = exprType(expr);
	if (type == rettype)
		return true;
	Node *coerced = coerce_to_target_type(nullptr, expr, type, rettype, -1, COERCION_ASSIGNMENT,
										  COERCE_IMPLICIT_CAST, -1);
	if (coerced == nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("return type mismatch in function declared to return %s",
					   format_type_be(rettype)),
				errdetail("Actual return type is %s.", format_type_be(type)));
	/* A set operation's column is its inputs' common type: changing it
	 * would need another query level around it (as PostgreSQL adds). */
	if (last->setOperations != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("an SQL function whose set operation returns %s instead of %s is not "
					   "supported yet",
					   format_type_be(type), format_type_be(rettype)));
	tle->expr = reinterpret_cast<Expr *>(coerced);
	return true;
}

void check_sql_fn_statements(List *queries, char provolatile)
{
	ListCell *lc;
	foreach (lc, queries)
	{
		auto *q = static_cast<Query *>(lfirst(lc));
		if (q->commandType == CMD_UTILITY && IsA(q->utilityStmt, TransactionStmt))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s is not allowed in an SQL function", QueryCommandName(q)));
		bool readonly = q->commandType == CMD_SELECT && q->rowMarks == NIL && !q->hasModifyingCTE;
		if (provolatile != PROVOLATILE_VOLATILE && !readonly)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s is not allowed in a non-volatile function", QueryCommandName(q)));
	}
}

namespace {

struct ValidateState
{
	const char *fname;
	const char *src;
	const char *queryString;
};

/* An error position in the body, moved to where the body is written in
 * the CREATE FUNCTION statement (PostgreSQL's
 * function_parse_error_transpose), or dropped when it is not found
 * there verbatim. */
void ValidateErrorCallback(void *arg)
{
	auto *v = static_cast<ValidateState *>(arg);
	int pos = geterrposition();
	if (pos > 0)
	{
		const char *body = v->src;
		int skip = 0;
		const char *at = v->queryString != nullptr ? strstr(v->queryString, body) : nullptr;
		/* A RETURN body is kept as `SELECT expr`: find expr. */
		if (at == nullptr && strncmp(body, "SELECT ", 7) == 0 && v->queryString != nullptr)
		{
			skip = 7;
			at = strstr(v->queryString, body + skip);
		}
		if (at != nullptr && pos > skip)
		{
			/* Positions count UTF-8 characters. */
			int chars = 0;
			for (const char *c = v->queryString; c < at; c++)
				if ((static_cast<unsigned char>(*c) & 0xC0) != 0x80)
					chars++;
			errposition(chars + pos - skip);
			/* The caret shows where: PostgreSQL adds no CONTEXT then. */
			return;
		}
		errposition(0);
	}
	errcontext("SQL function \"%s\"", v->fname);
}

}  // namespace

void sql_fn_validate(Oid funcoid, const char *queryString)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcoid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcoid);
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	bool haspoly = IsPolymorphicType(proc->prorettype);
	for (int i = 0; i < proc->pronargs; i++)
		haspoly = haspoly || IsPolymorphicType(proc->proargtypes.values[i]);
	Oid rettype = proc->prorettype;
	bool isnull;
	Datum src = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_prosrc, &isnull);
	if (isnull)
		elog(ERROR, "null prosrc for function %u", funcoid);
	ValidateState v{pstrdup(NameStr(proc->proname)), TextDatumGetCString(src), queryString};
	ErrorContextCallback callback{};
	callback.callback = ValidateErrorCallback;
	callback.arg = &v;
	callback.previous = error_context_stack;
	error_context_stack = &callback;
	try
	{
		if (haspoly)
			(void) raw_parser(v.src);
		else
		{
			SQLFunctionParseInfoPtr pinfo = prepare_sql_fn_parse_info(tup, nullptr, InvalidOid);
			List *queries = sql_fn_analyze_body(v.src, pinfo);
			(void) check_sql_fn_retval(queries, rettype);
		}
	}
	catch (...)
	{
		error_context_stack = callback.previous;
		ReleaseSysCache(tup);
		throw;
	}
	error_context_stack = callback.previous;
	ReleaseSysCache(tup);
}

Datum fmgr_sql(PG_FUNCTION_ARGS)
{
	if (fcinfo->flinfo->fn_retset)
		return SqlFunctionSet(fcinfo);
	auto *cache = static_cast<SqlFunctionCache *>(fcinfo->flinfo->fn_extra);
	if (cache == nullptr)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		cache = static_cast<SqlFunctionCache *>(palloc0(sizeof(SqlFunctionCache)));
		cache->fname = get_func_name(fcinfo->flinfo->fn_oid);
		SqlFunctionErrorScope scope(cache);
		PrepareSqlFunction(fcinfo, cache);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = cache;
	}
	SqlFunctionErrorScope scope(cache);
	ResultReceiver receiver;
	InitReceiver(&receiver, cache, CurrentMemoryContext, false);
	RunSqlFunction(fcinfo, cache, &receiver);
	fcinfo->isnull = receiver.isnull;
	return receiver.isnull ? static_cast<Datum>(0) : receiver.value;
}

}  // extern "C"
