/*
 * spi.cpp — the Server Programming Interface (executor/spi.h), PostgreSQL
 * 15's SPI on Tusk's one query pipeline.
 *
 * Connections form a stack: SPI_connect pushes one with two memory
 * contexts under TopTransactionContext, the procedure context (current
 * between calls; it holds the result tables and unsaved plans) and the
 * executor context (current while a call runs; reset when it returns).
 * SPI_finish deletes both and gives the caller back the context current
 * at SPI_connect, where SPI_palloc and SPI_copytuple allocate.  A stack
 * left at the end of the transaction is popped by AtEOXact_SPI (the
 * contexts go with the transaction's memory), one opened inside a
 * subtransaction at its end by AtEOSubXact_SPI, which also frees the
 * results an aborted subtransaction left in the connection around it.
 *
 * Statements run as the portals of tcop/pquery.cpp run theirs: text
 * through raw_parser and parse analysis, then the planner (SPI_execute:
 * one statement at a time, so a statement sees what the one before it
 * created; SPI_prepare: all at once, into CachedPlanSources that the plan
 * cache re-plans after DDL), then the executor (ExecutorStart/Run/Finish/
 * End, with tcount as the run's row limit) or ProcessUtility, with the
 * rows going to the SPI DestReceiver, which copies them into a
 * SPITupleTable.  Cursors are portals run by PortalRun into the same
 * receiver.
 *
 * Snapshots follow PostgreSQL: read-only execution uses the caller's
 * active snapshot (a new one if there is none); otherwise each statement
 * of the string gets a fresh snapshot and the command counter advances
 * before each statement and after the last, so later statements and the
 * caller see the changes.
 *
 * Not supported yet (0A000): non-atomic connections (SPI_OPT_NONATOMIC),
 * backward cursor movement.
 *
 * Principal entry points: SPI_connect, SPI_execute, SPI_prepare,
 * SPI_execute_plan, SPI_cursor_open, SPI_cursor_fetch, SPI_finish,
 * AtEOXact_SPI.
 */
#include "postgres.h"

#include <deque>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "tusk/spi.hpp"
#include "nodes/params.h"
#include "optimizer/planner.h"
#include "parser/analyze.h"
#include "parser/parser.h"
#include "tcop/pquery.h"
#include "tcop/utility.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/inval.h"
#include "utils/error/error.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

uint64 SPI_processed = 0;
SPITupleTable *SPI_tuptable = nullptr;
int SPI_result = 0;

/* A prepared statement list (PostgreSQL's _SPI_plan). */
// NOLINTNEXTLINE(bugprone-reserved-identifier): PostgreSQL's name, declared in executor/spi.h
struct _SPI_plan
{
	int magic;
	bool saved;			   /* SPI_keepplan done */
	List *plancache_list;  /* CachedPlanSource, one per statement */
	MemoryContext plancxt; /* holds this struct and the list */
	int nargs;
	Oid *argtypes;
	int cursor_options;
};

namespace {

/* Marks a live _SPI_plan (PostgreSQL's value). */
constexpr int kSpiPlanMagic = 569278163;

struct SpiConnection
{
	uint64 processed = 0;				/* rows of the statement running */
	SPITupleTable *tuptable = nullptr;	/* its rows, being received */
	SPITupleTable *tuptables = nullptr; /* every live table of the connection */
	MemoryContext procCxt = nullptr;
	MemoryContext execCxt = nullptr;
	MemoryContext savedcxt = nullptr; /* current at SPI_connect */
	SubTransactionId connectSubid = InvalidSubTransactionId;
	uint64 serial = 0; /* unique in the process (tusk/spi.hpp tells connections apart) */
	/* The caller's results, given back by SPI_finish. */
	uint64 outer_processed = 0;
	SPITupleTable *outer_tuptable = nullptr;
	int outer_result = 0;
};

/* A deque: a nested SPI_connect must not move the callers' entries. */
std::deque<SpiConnection> &Stack()
{
	static std::deque<SpiConnection> stack;
	return stack;
}

SpiConnection *Current()
{
	return Stack().empty() ? nullptr : &Stack().back();
}

/* PostgreSQL's _SPI_begin_call: the current connection, with its
 * executor context current if use_exec; NULL when not connected. */
SpiConnection *BeginCall(bool use_exec)
{
	SpiConnection *conn = Current();
	if (conn != nullptr && use_exec)
		MemoryContextSwitchTo(conn->execCxt);
	return conn;
}

/* Back in the procedure context; the executor context's memory freed. */
void EndCall(SpiConnection *conn, bool use_exec)
{
	MemoryContextSwitchTo(conn->procCxt);
	if (use_exec)
		MemoryContextReset(conn->execCxt);
}

void UnlinkTuptable(SpiConnection *conn, SPITupleTable *table)
{
	for (SPITupleTable **p = &conn->tuptables; *p != nullptr; p = &(*p)->next)
		if (*p == table)
		{
			*p = table->next;
			return;
		}
}

/* Frees a table of the current connection (nothing for NULL). */
void FreeTuptable(SpiConnection *conn, SPITupleTable *table)
{
	if (table == nullptr)
		return;
	UnlinkTuptable(conn, table);
	MemoryContextDelete(table->tuptabcxt);
}

/* ---- the SPI DestReceiver ---- */

void SpiDestStartup(DestReceiver *, int, TupleDesc typeinfo)
{
	SpiConnection *conn = Current();
	if (conn == nullptr)
		elog(ERROR, "spi_dest_startup called while not connected to SPI");
	if (conn->tuptable != nullptr)
		elog(ERROR, "improper call to spi_dest_startup");
	MemoryContext cxt = AllocSetContextCreate(conn->procCxt, "SPI TupTable",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	auto *table = static_cast<SPITupleTable *>(palloc0(sizeof(SPITupleTable)));
	table->tuptabcxt = cxt;
	table->subid = GetCurrentSubTransactionId();
	table->alloced = 128;
	table->vals = static_cast<HeapTuple *>(palloc(table->alloced * sizeof(HeapTuple)));
	table->numvals = 0;
	table->tupdesc = CreateTupleDescCopy(typeinfo);
	table->next = conn->tuptables;
	conn->tuptables = table;
	conn->tuptable = table;
	MemoryContextSwitchTo(old);
}

bool SpiReceiveSlot(TupleTableSlot *slot, DestReceiver *)
{
	SpiConnection *conn = Current();
	if (conn == nullptr || conn->tuptable == nullptr)
		elog(ERROR, "spi_printtup called while not connected to SPI");
	SPITupleTable *table = conn->tuptable;
	MemoryContext old = MemoryContextSwitchTo(table->tuptabcxt);
	if (table->numvals >= table->alloced)
	{
		table->alloced *= 2;
		table->vals = static_cast<HeapTuple *>(
			repalloc_huge(table->vals, table->alloced * sizeof(HeapTuple)));
	}
	table->vals[table->numvals++] = ExecCopySlotHeapTuple(slot);
	MemoryContextSwitchTo(old);
	return true;
}

void SpiDestShutdown(DestReceiver *) {}
void SpiDestDestroy(DestReceiver *) {}

DestReceiver spi_receiver = {SpiReceiveSlot, SpiDestStartup, SpiDestShutdown, SpiDestDestroy,
							 DestSPI};

/* ---- running statements ---- */

/* An active snapshot this file pushed, popped on leaving the scope
 * (also when an error unwinds it). */
class PushedSnapshot
{
  public:
	PushedSnapshot() = default;
	~PushedSnapshot() { Pop(); }
	PushedSnapshot(const PushedSnapshot &) = delete;
	PushedSnapshot &operator=(const PushedSnapshot &) = delete;

	void Push(Snapshot snapshot)
	{
		Pop();
		PushActiveSnapshot(snapshot);
		pushed_ = true;
	}
	void Pop()
	{
		if (pushed_)
			PopActiveSnapshot();
		pushed_ = false;
	}
	bool pushed() const { return pushed_; }

  private:
	bool pushed_ = false;
};

/* The CONTEXT line of errors in a statement run through SPI (PostgreSQL's
 * _SPI_error_callback). */
class SpiErrorScope
{
  public:
	SpiErrorScope() = default;
	SpiErrorScope(const SpiErrorScope &) = delete;
	SpiErrorScope &operator=(const SpiErrorScope &) = delete;

	void SetQuery(const char *query) { query_ = query; }

  private:
	static void Callback(void *arg)
	{
		auto *self = static_cast<SpiErrorScope *>(arg);
		if (self->query_ == nullptr)
			return;
		/* A syntax error's position is in the statement, not the caller's
		 * query: PostgreSQL reports it as an internal query position (which
		 * Tusk has not yet: the position is dropped) instead of this line. */
		if (geterrposition() > 0)
		{
			errposition(0);
			return;
		}
		errcontext("SQL statement \"%s\"", self->query_);
	}

	const char *query_ = nullptr;
	tusk::error::ErrorContextScope scope_{Callback, this};
};

/* A plan from the cache, released on leaving the scope. */
class CachedPlanRef
{
  public:
	explicit CachedPlanRef(CachedPlan *plan) : plan_(plan) {}
	~CachedPlanRef()
	{
		if (plan_ != nullptr)
			ReleaseCachedPlan(plan_);
	}
	CachedPlanRef(const CachedPlanRef &) = delete;
	CachedPlanRef &operator=(const CachedPlanRef &) = delete;

	CachedPlan *get() const { return plan_; }

  private:
	CachedPlan *plan_;
};

struct ExecOptions
{
	ParamListInfo params = nullptr;
	bool read_only = false;
	uint64 tcount = 0;
};

/* What the statements run so far leave for the caller: the last
 * canSetTag statement's result. */
struct RunResult
{
	int res = 0;
	uint64 processed = 0;
	SPITupleTable *tuptable = nullptr;
};

/* PostgreSQL's CommandIsReadOnly: a SELECT without row locks or
 * data-modifying WITH; utility statements count as writes. */
bool CommandIsReadOnly(PlannedStmt *stmt)
{
	if (stmt->commandType == CMD_SELECT)
		return stmt->rowMarks == NIL && !stmt->hasModifyingCTE;
	return false;
}

/* The statement's name for messages (PostgreSQL's CreateCommandName of a
 * PlannedStmt). */
const char *PlannedStmtCommandName(PlannedStmt *stmt)
{
	switch (stmt->commandType)
	{
		case CMD_SELECT:
			if (stmt->rowMarks != NIL)
			{
				switch (static_cast<PlanRowMark *>(linitial(stmt->rowMarks))->strength)
				{
					case LCS_FORKEYSHARE:
						return "SELECT FOR KEY SHARE";
					case LCS_FORSHARE:
						return "SELECT FOR SHARE";
					case LCS_FORNOKEYUPDATE:
						return "SELECT FOR NO KEY UPDATE";
					case LCS_FORUPDATE:
						return "SELECT FOR UPDATE";
					default:
						break;
				}
			}
			return "SELECT";
		case CMD_INSERT:
			return "INSERT";
		case CMD_UPDATE:
			return "UPDATE";
		case CMD_DELETE:
			return "DELETE";
		case CMD_UTILITY:
			return CreateCommandName(stmt->utilityStmt);
		default:
			return "???";
	}
}

void CheckReadOnly(PlannedStmt *stmt)
{
	if (!CommandIsReadOnly(stmt))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s is not allowed in a non-volatile function",
					   PlannedStmtCommandName(stmt)));
}

bool PlannedStmtRequiresSnapshot(PlannedStmt *stmt)
{
	return stmt->commandType != CMD_UTILITY || StatementRequiresSnapshot(stmt->utilityStmt);
}

/* The result code of a plannable statement (PostgreSQL's _SPI_pquery). */
int OperationResult(PlannedStmt *stmt, DestReceiver *dest)
{
	switch (stmt->commandType)
	{
		case CMD_SELECT:
			/* Not SPI_OK_SELECT when the rows go nowhere. */
			return dest->mydest == DestNone ? SPI_OK_UTILITY : SPI_OK_SELECT;
		case CMD_INSERT:
			return stmt->hasReturning ? SPI_OK_INSERT_RETURNING : SPI_OK_INSERT;
		case CMD_DELETE:
			return stmt->hasReturning ? SPI_OK_DELETE_RETURNING : SPI_OK_DELETE;
		case CMD_UPDATE:
			return stmt->hasReturning ? SPI_OK_UPDATE_RETURNING : SPI_OK_UPDATE;
		default:
			return SPI_ERROR_OPUNKNOWN;
	}
}

/* Runs one statement's PlannedStmts (PostgreSQL's _SPI_execute_plan loop
 * body); a negative code stops the caller. */
int RunStatementList(SpiConnection *conn, List *stmt_list, const char *src, const ExecOptions &opt,
					 PushedSnapshot &snapshot, RunResult &result)
{
	if (list_length(stmt_list) > 1 ||
		(list_length(stmt_list) == 1 &&
		 PlannedStmtRequiresSnapshot(static_cast<PlannedStmt *>(linitial(stmt_list)))))
	{
		/* Read-only statements keep the caller's snapshot if there is one. */
		if (!opt.read_only || !ActiveSnapshotSet())
			snapshot.Push(GetTransactionSnapshot());
	}
	ListCell *lc;
	foreach (lc, stmt_list)
	{
		auto *stmt = static_cast<PlannedStmt *>(lfirst(lc));
		conn->processed = 0;
		conn->tuptable = nullptr;
		if (stmt->commandType == CMD_UTILITY)
		{
			if (IsA(stmt->utilityStmt, CopyStmt) &&
				reinterpret_cast<CopyStmt *>(stmt->utilityStmt)->filename == nullptr)
				return SPI_ERROR_COPY;
			if (IsA(stmt->utilityStmt, TransactionStmt))
				return SPI_ERROR_TRANSACTION;
		}
		if (opt.read_only)
			CheckReadOnly(stmt);
		if (!opt.read_only && snapshot.pushed())
		{
			CommandCounterIncrement();
			UpdateActiveSnapshotCommandId();
		}
		DestReceiver *dest = stmt->canSetTag ? &spi_receiver : None_Receiver;
		int res;
		if (stmt->commandType != CMD_UTILITY)
		{
			res = OperationResult(stmt, dest);
			if (res < 0)
				return res;
			Snapshot snap = ActiveSnapshotSet() ? GetActiveSnapshot() : InvalidSnapshot;
			QueryDesc *qd = CreateQueryDesc(stmt, src, snap, dest, opt.params, 0);
			ExecutorStart(qd, 0);
			ExecutorRun(qd, ForwardScanDirection, stmt->canSetTag ? opt.tcount : 0);
			conn->processed = qd->estate->es_processed;
			ExecutorFinish(qd);
			ExecutorEnd(qd);
			FreeQueryDesc(qd);
		}
		else
		{
			uint64 processed = 0;
			ProcessUtility(stmt, src, dest, &processed);
			if (conn->tuptable != nullptr)
				conn->processed = conn->tuptable->numvals;
			res = SPI_OK_UTILITY;
			/* Some utility statements count rows they do not return. */
			if (IsA(stmt->utilityStmt, CreateTableAsStmt))
			{
				conn->processed = processed;
				if (reinterpret_cast<CreateTableAsStmt *>(stmt->utilityStmt)->is_select_into)
					res = SPI_OK_SELINTO;
			}
			else if (IsA(stmt->utilityStmt, CopyStmt))
				conn->processed = processed;
		}
		if (stmt->canSetTag)
		{
			result.processed = conn->processed;
			FreeTuptable(conn, result.tuptable);
			result.tuptable = conn->tuptable;
			result.res = res;
		}
		else
			FreeTuptable(conn, conn->tuptable);
		conn->tuptable = nullptr;
	}
	return 0;
}

/* Analysis reads the catalogs: with current caches and a snapshot (the
 * caller's, when read-only and it has one). */
Query *AnalyzeStatement(RawStmt *raw, const char *src, const Oid *argtypes, int nargs,
						bool read_only)
{
	AcceptInvalidationMessages();
	PushedSnapshot snapshot;
	if (StatementRequiresSnapshot(raw->stmt) && (!read_only || !ActiveSnapshotSet()))
		snapshot.Push(GetTransactionSnapshot());
	return parse_analyze_fixedparams(raw, src, argtypes, nargs);
}

/* Hands the results to the caller (SPI_processed, SPI_tuptable) and gives
 * the code to return. */
int FinishResults(const RunResult &result, int code)
{
	SPI_processed = result.processed;
	SPI_tuptable = result.tuptable;
	if (code < 0)
		return code;
	/* No statement set the result: PostgreSQL's answer for an empty
	 * string or a statement rewritten to nothing. */
	return result.res == 0 ? SPI_OK_REWRITTEN : result.res;
}

/* SPI_execute and SPI_execute_with_args: each statement of src analyzed,
 * planned and run in turn. */
int ExecuteString(const char *src, int nargs, Oid *argtypes, const ExecOptions &opt)
{
	SpiConnection *conn = BeginCall(true);
	if (conn == nullptr)
		return SPI_ERROR_UNCONNECTED;
	SpiErrorScope errscope;
	errscope.SetQuery(src);
	RunResult result;
	int code = 0;
	{
		PushedSnapshot snapshot;
		List *raws = raw_parser(src);
		ListCell *lc;
		foreach (lc, raws)
		{
			auto *raw = static_cast<RawStmt *>(lfirst(lc));
			Query *query = AnalyzeStatement(raw, src, argtypes, nargs, opt.read_only);
			PlannedStmt *stmt = planner(query, src, 0, opt.params);
			code = RunStatementList(conn, list_make1(stmt), src, opt, snapshot, result);
			if (code < 0)
				break;
			if (!opt.read_only)
				CommandCounterIncrement();
		}
	}
	code = FinishResults(result, code);
	EndCall(conn, true);
	return code;
}

ParamListInfo ConvertParams(int nargs, const Oid *argtypes, const Datum *Values, const char *Nulls)
{
	if (nargs <= 0)
		return nullptr;
	ParamListInfo params = makeParamList(nargs);
	for (int i = 0; i < nargs; i++)
	{
		ParamExternData *prm = &params->params[i];
		prm->value = Values[i];
		prm->isnull = Nulls != nullptr && Nulls[i] == 'n';
		prm->pflags = PARAM_FLAG_CONST;
		prm->ptype = argtypes[i];
	}
	return params;
}

bool PlanIsValid(SPIPlanPtr plan)
{
	return plan != nullptr && plan->magic == kSpiPlanMagic;
}

/* A plan of src's statements, analyzed now (PostgreSQL's _SPI_prepare_plan
 * and _SPI_make_plan_non_temp), in a context of its own under the
 * procedure context. */
SPIPlanPtr PreparePlan(SpiConnection *conn, const char *src, int nargs, const Oid *argtypes,
					   int cursorOptions)
{
	SpiErrorScope errscope;
	errscope.SetQuery(src);
	List *raws = raw_parser(src);
	MemoryContext plancxt = AllocSetContextCreate(conn->procCxt, "SPI Plan", ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(plancxt);
	auto *plan = static_cast<SPIPlanPtr>(palloc0(sizeof(_SPI_plan)));
	plan->magic = kSpiPlanMagic;
	plan->plancxt = plancxt;
	plan->nargs = nargs;
	plan->cursor_options = cursorOptions;
	if (nargs > 0)
	{
		plan->argtypes = static_cast<Oid *>(palloc(nargs * sizeof(Oid)));
		memcpy(plan->argtypes, argtypes, nargs * sizeof(Oid));
	}
	MemoryContextSwitchTo(old);
	ListCell *lc;
	foreach (lc, raws)
	{
		auto *raw = static_cast<RawStmt *>(lfirst(lc));
		Query *query = AnalyzeStatement(raw, src, argtypes, nargs, false);
		old = MemoryContextSwitchTo(plancxt);
		CachedPlanSource *psrc = CreateCachedPlan(raw, src, CreateCommandName(raw->stmt));
		CompleteCachedPlan(psrc, list_make1(query), argtypes, nargs, cursorOptions, false);
		plan->plancache_list = lappend(plan->plancache_list, psrc);
		MemoryContextSwitchTo(old);
	}
	return plan;
}

/* SPI_execute_plan: each statement's plan from the cache, run. */
int ExecutePlan(SpiConnection *conn, SPIPlanPtr plan, const ExecOptions &opt)
{
	SpiErrorScope errscope;
	RunResult result;
	int code = 0;
	{
		PushedSnapshot snapshot;
		AcceptInvalidationMessages();
		ListCell *lc;
		foreach (lc, plan->plancache_list)
		{
			auto *psrc = static_cast<CachedPlanSource *>(lfirst(lc));
			errscope.SetQuery(psrc->query_string);
			CachedPlanRef cplan(GetCachedPlan(psrc, opt.params));
			code = RunStatementList(conn, cplan.get()->stmt_list, psrc->query_string, opt, snapshot,
									result);
			if (code < 0)
				break;
			if (!opt.read_only)
				CommandCounterIncrement();
		}
	}
	return FinishResults(result, code);
}

/* SPI_cursor_open's work (PostgreSQL's SPI_cursor_open_internal). */
Portal OpenCursor(SpiConnection *conn, const char *name, SPIPlanPtr plan, ParamListInfo params,
				  bool read_only)
{
	if (list_length(plan->plancache_list) != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_CURSOR_DEFINITION),
				errmsg("cannot open multi-query plan as cursor"));
	auto *psrc = static_cast<CachedPlanSource *>(linitial(plan->plancache_list));
	if (psrc->resultDesc == nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_CURSOR_DEFINITION),
				/* translator: %s is name of a SQL command, eg INSERT */
				errmsg("cannot open %s query as cursor",
					   psrc->commandTag != nullptr ? psrc->commandTag : "empty"));
	SpiErrorScope errscope;
	errscope.SetQuery(psrc->query_string);
	AcceptInvalidationMessages();
	Portal portal = name == nullptr || name[0] == '\0' ? CreateNewPortal()
													   : CreatePortal(name, false, false);
	CachedPlan *cplan = GetCachedPlan(psrc, params);
	List *stmt_list = cplan->stmt_list;
	MemoryContext old = MemoryContextSwitchTo(portal->portalContext);
	const char *query_string = pstrdup(psrc->query_string);
	if (!plan->saved)
	{
		/* The portal must not depend on a plan SPI_finish frees. */
		stmt_list = copyObject(stmt_list);
		ReleaseCachedPlan(cplan);
		cplan = nullptr;
	}
	MemoryContextSwitchTo(old);
	PortalDefineQuery(portal, nullptr, query_string, psrc->commandTag, stmt_list, cplan);
	if (read_only)
	{
		ListCell *lc;
		foreach (lc, stmt_list)
			CheckReadOnly(static_cast<PlannedStmt *>(lfirst(lc)));
	}
	Snapshot snapshot;
	if (read_only && ActiveSnapshotSet())
		snapshot = GetActiveSnapshot();
	else
	{
		CommandCounterIncrement();
		snapshot = GetTransactionSnapshot();
	}
	PortalStart(portal, params, 0, snapshot);
	(void) conn;
	return portal;
}

/* SPI_cursor_fetch and SPI_cursor_move (PostgreSQL's
 * _SPI_cursor_operation): rows to dest, their count in SPI_processed. */
void CursorOperation(Portal portal, bool forward, long count, DestReceiver *dest)
{
	if (!PortalIsValid(portal))
		elog(ERROR, "invalid portal in SPI cursor operation");
	if (!forward)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("backward movement of an SPI cursor is not supported in Tusk yet"));
	SpiConnection *conn = BeginCall(true);
	if (conn == nullptr)
		elog(ERROR, "SPI cursor operation called while not connected");
	conn->processed = 0;
	conn->tuptable = nullptr;
	SPI_processed = 0;
	SPI_tuptable = nullptr;
	uint64 before = portal->portalPos;
	if (portal->status == PORTAL_DONE || portal->atEnd)
	{
		/* Past the end: no rows, but their shape, as PostgreSQL gives. */
		dest->rStartup(dest, CMD_SELECT, portal->tupDesc);
		dest->rShutdown(dest);
	}
	else
		(void) PortalRun(portal, count <= 0 ? FETCH_ALL : count, true, dest, dest, nullptr);
	if (dest == &spi_receiver)
		conn->processed = conn->tuptable != nullptr ? conn->tuptable->numvals : 0;
	else
		conn->processed = portal->portalPos - before;
	SPI_processed = conn->processed;
	SPI_tuptable = conn->tuptable;
	conn->tuptable = nullptr;
	EndCall(conn, true);
}

/* A system column's name and type (PostgreSQL's
 * SystemAttributeDefinition), for SPI_fnumber, SPI_fname and the types. */
struct SystemColumn
{
	const char *name;
	int attnum;
	Oid type;
};

const SystemColumn kSystemColumns[] = {
	{"ctid", SelfItemPointerAttributeNumber, TIDOID},
	{"xmin", MinTransactionIdAttributeNumber, XIDOID},
	{"cmin", MinCommandIdAttributeNumber, CIDOID},
	{"xmax", MaxTransactionIdAttributeNumber, XIDOID},
	{"cmax", MaxCommandIdAttributeNumber, CIDOID},
	{"tableoid", TableOidAttributeNumber, OIDOID},
};

const SystemColumn *SystemColumnByNumber(int attnum)
{
	for (const auto &col : kSystemColumns)
		if (col.attnum == attnum)
			return &col;
	return nullptr;
}

/* Whether fnumber names a column of tupdesc or a system column;
 * otherwise SPI_result is SPI_ERROR_NOATTRIBUTE. */
bool ValidColumn(TupleDesc tupdesc, int fnumber)
{
	if (fnumber > tupdesc->natts || fnumber == 0 || fnumber <= FirstLowInvalidHeapAttributeNumber ||
		(fnumber < 0 && SystemColumnByNumber(fnumber) == nullptr))
	{
		SPI_result = SPI_ERROR_NOATTRIBUTE;
		return false;
	}
	return true;
}

Oid ColumnType(TupleDesc tupdesc, int fnumber)
{
	if (fnumber > 0)
		return TupleDescAttr(tupdesc, fnumber - 1)->atttypid;
	return SystemColumnByNumber(fnumber)->type;
}

}  // namespace

uint64_t tusk::spi::detail::CurrentConnectionSerial()
{
	const SpiConnection *conn = Current();
	return conn == nullptr ? 0 : conn->serial;
}

/* ---- connections ---- */

int SPI_connect(void)
{
	return SPI_connect_ext(0);
}

int SPI_connect_ext(int options)
{
	if ((options & SPI_OPT_NONATOMIC) != 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("non-atomic SPI connections are not supported in Tusk yet"));
	if (!IsTransactionState() || TopTransactionContext == nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_TRANSACTION_STATE),
				errmsg("SPI_connect called outside a transaction"),
				errhint("Call StartTransactionCommand first."));
	MemoryContext procCxt = AllocSetContextCreate(TopTransactionContext, "SPI Proc",
												  ALLOCSET_DEFAULT_SIZES);
	MemoryContext execCxt = AllocSetContextCreate(TopTransactionContext, "SPI Exec",
												  ALLOCSET_DEFAULT_SIZES);
	SpiConnection conn;
	conn.procCxt = procCxt;
	conn.execCxt = execCxt;
	conn.connectSubid = GetCurrentSubTransactionId();
	static uint64 last_serial = 0;
	conn.serial = ++last_serial;
	conn.outer_processed = SPI_processed;
	conn.outer_tuptable = SPI_tuptable;
	conn.outer_result = SPI_result;
	Stack().push_back(conn);
	SPI_processed = 0;
	SPI_tuptable = nullptr;
	SPI_result = 0;
	Stack().back().savedcxt = MemoryContextSwitchTo(procCxt);
	return SPI_OK_CONNECT;
}

int SPI_finish(void)
{
	SpiConnection *conn = Current();
	if (conn == nullptr)
		return SPI_ERROR_UNCONNECTED;
	MemoryContextSwitchTo(conn->savedcxt);
	MemoryContextDelete(conn->execCxt);
	MemoryContextDelete(conn->procCxt);
	SPI_processed = conn->outer_processed;
	SPI_tuptable = conn->outer_tuptable;
	SPI_result = conn->outer_result;
	Stack().pop_back();
	return SPI_OK_FINISH;
}

void AtEOXact_SPI(bool isCommit)
{
	bool found = false;
	/* The contexts go with the transaction's memory: only the stack and
	 * the caller's results are put back. */
	while (!Stack().empty())
	{
		found = true;
		SpiConnection &conn = Stack().back();
		SPI_processed = conn.outer_processed;
		SPI_tuptable = conn.outer_tuptable;
		SPI_result = conn.outer_result;
		Stack().pop_back();
	}
	if (found && isCommit)
		ereport(WARNING, errcode(ERRCODE_WARNING), errmsg("transaction left non-empty SPI stack"),
				errhint("Check for missing \"SPI_finish\" calls."));
}

void AtEOSubXact_SPI(bool isCommit, SubTransactionId mySubid)
{
	bool found = false;
	/* Connections opened inside the subtransaction end with it (their
	 * contexts are freed now: the transaction's memory lives on). */
	while (!Stack().empty() && Stack().back().connectSubid == mySubid)
	{
		found = true;
		SpiConnection &conn = Stack().back();
		MemoryContextDelete(conn.execCxt);
		MemoryContextDelete(conn.procCxt);
		SPI_processed = conn.outer_processed;
		SPI_tuptable = conn.outer_tuptable;
		SPI_result = conn.outer_result;
		Stack().pop_back();
	}
	if (found && isCommit)
		ereport(WARNING, errcode(ERRCODE_WARNING),
				errmsg("subtransaction left non-empty SPI stack"),
				errhint("Check for missing \"SPI_finish\" calls."));
	/* An aborted subtransaction's results in the connection around it go
	 * too.  (Its executor context is left alone: a call of that connection
	 * may still be running around the subtransaction; the call's end
	 * empties it.) */
	SpiConnection *conn = Current();
	if (conn == nullptr || isCommit)
		return;
	for (SPITupleTable *t = conn->tuptables; t != nullptr;)
	{
		SPITupleTable *next = t->next;
		if (t->subid >= mySubid)
		{
			if (t == SPI_tuptable)
				SPI_tuptable = nullptr;
			if (t == conn->tuptable)
				conn->tuptable = nullptr;
			FreeTuptable(conn, t);
		}
		t = next;
	}
}

bool SPI_inside_nonatomic_context(void)
{
	return false;
}

/* ---- running statements ---- */

int SPI_execute(const char *src, bool read_only, long tcount)
{
	if (src == nullptr || tcount < 0)
		return SPI_ERROR_ARGUMENT;
	ExecOptions opt;
	opt.read_only = read_only;
	opt.tcount = static_cast<uint64>(tcount);
	return ExecuteString(src, 0, nullptr, opt);
}

int SPI_exec(const char *src, long tcount)
{
	return SPI_execute(src, false, tcount);
}

int SPI_execute_with_args(const char *src, int nargs, Oid *argtypes, Datum *Values,
						  const char *Nulls, bool read_only, long tcount)
{
	if (src == nullptr || nargs < 0 || tcount < 0)
		return SPI_ERROR_ARGUMENT;
	if (nargs > 0 && (argtypes == nullptr || Values == nullptr))
		return SPI_ERROR_PARAM;
	SpiConnection *conn = Current();
	if (conn == nullptr)
		return SPI_ERROR_UNCONNECTED;
	ExecOptions opt;
	opt.read_only = read_only;
	opt.tcount = static_cast<uint64>(tcount);
	/* In the executor context, which the call resets at its end. */
	MemoryContext old = MemoryContextSwitchTo(conn->execCxt);
	opt.params = ConvertParams(nargs, argtypes, Values, Nulls);
	MemoryContextSwitchTo(old);
	return ExecuteString(src, nargs, argtypes, opt);
}

SPIPlanPtr SPI_prepare(const char *src, int nargs, Oid *argtypes)
{
	return SPI_prepare_cursor(src, nargs, argtypes, 0);
}

SPIPlanPtr SPI_prepare_cursor(const char *src, int nargs, Oid *argtypes, int cursorOptions)
{
	if (src == nullptr || nargs < 0 || (nargs > 0 && argtypes == nullptr))
	{
		SPI_result = SPI_ERROR_ARGUMENT;
		return nullptr;
	}
	SpiConnection *conn = BeginCall(true);
	if (conn == nullptr)
	{
		SPI_result = SPI_ERROR_UNCONNECTED;
		return nullptr;
	}
	SPIPlanPtr plan = PreparePlan(conn, src, nargs, argtypes, cursorOptions);
	EndCall(conn, true);
	SPI_result = 0;
	return plan;
}

int SPI_execute_plan(SPIPlanPtr plan, Datum *Values, const char *Nulls, bool read_only, long tcount)
{
	if (!PlanIsValid(plan) || tcount < 0)
		return SPI_ERROR_ARGUMENT;
	if (plan->nargs > 0 && Values == nullptr)
		return SPI_ERROR_PARAM;
	SpiConnection *conn = BeginCall(true);
	if (conn == nullptr)
		return SPI_ERROR_UNCONNECTED;
	ExecOptions opt;
	opt.read_only = read_only;
	opt.tcount = static_cast<uint64>(tcount);
	opt.params = ConvertParams(plan->nargs, plan->argtypes, Values, Nulls);
	int code = ExecutePlan(conn, plan, opt);
	EndCall(conn, true);
	return code;
}

int SPI_execp(SPIPlanPtr plan, Datum *Values, const char *Nulls, long tcount)
{
	return SPI_execute_plan(plan, Values, Nulls, false, tcount);
}

int SPI_keepplan(SPIPlanPtr plan)
{
	if (!PlanIsValid(plan) || plan->saved)
		return SPI_ERROR_ARGUMENT;
	/* Out of the procedure context, so SPI_finish and the end of the
	 * transaction leave it; the plan cache owns the statements and
	 * re-plans them when what they use changes. */
	MemoryContextSetParent(plan->plancxt, CacheMemoryContext);
	ListCell *lc;
	foreach (lc, plan->plancache_list)
		SaveCachedPlan(static_cast<CachedPlanSource *>(lfirst(lc)));
	plan->saved = true;
	return 0;
}

int SPI_freeplan(SPIPlanPtr plan)
{
	if (!PlanIsValid(plan))
		return SPI_ERROR_ARGUMENT;
	ListCell *lc;
	foreach (lc, plan->plancache_list)
		DropCachedPlan(static_cast<CachedPlanSource *>(lfirst(lc)));
	plan->magic = 0;
	MemoryContextDelete(plan->plancxt);
	return 0;
}

int SPI_getargcount(SPIPlanPtr plan)
{
	if (!PlanIsValid(plan))
	{
		SPI_result = SPI_ERROR_ARGUMENT;
		return -1;
	}
	return plan->nargs;
}

Oid SPI_getargtypeid(SPIPlanPtr plan, int argIndex)
{
	if (!PlanIsValid(plan) || argIndex < 0 || argIndex >= plan->nargs)
	{
		SPI_result = SPI_ERROR_ARGUMENT;
		return InvalidOid;
	}
	return plan->argtypes[argIndex];
}

bool SPI_is_cursor_plan(SPIPlanPtr plan)
{
	if (!PlanIsValid(plan))
	{
		SPI_result = SPI_ERROR_ARGUMENT;
		return false;
	}
	if (list_length(plan->plancache_list) != 1)
	{
		SPI_result = 0;
		return false;
	}
	auto *psrc = static_cast<CachedPlanSource *>(linitial(plan->plancache_list));
	SPI_result = 0;
	return psrc->resultDesc != nullptr;
}

bool SPI_plan_is_valid(SPIPlanPtr plan)
{
	if (!PlanIsValid(plan))
		return false;
	if (!plan->saved)
		return true; /* unsaved plans are not invalidated */
	ListCell *lc;
	foreach (lc, plan->plancache_list)
		if (!static_cast<CachedPlanSource *>(lfirst(lc))->is_valid)
			return false;
	return true;
}

const char *SPI_result_code_string(int code)
{
	static char buf[64];
	switch (code)
	{
		case SPI_ERROR_CONNECT:
			return "SPI_ERROR_CONNECT";
		case SPI_ERROR_COPY:
			return "SPI_ERROR_COPY";
		case SPI_ERROR_OPUNKNOWN:
			return "SPI_ERROR_OPUNKNOWN";
		case SPI_ERROR_UNCONNECTED:
			return "SPI_ERROR_UNCONNECTED";
		case SPI_ERROR_ARGUMENT:
			return "SPI_ERROR_ARGUMENT";
		case SPI_ERROR_PARAM:
			return "SPI_ERROR_PARAM";
		case SPI_ERROR_TRANSACTION:
			return "SPI_ERROR_TRANSACTION";
		case SPI_ERROR_NOATTRIBUTE:
			return "SPI_ERROR_NOATTRIBUTE";
		case SPI_ERROR_NOOUTFUNC:
			return "SPI_ERROR_NOOUTFUNC";
		case SPI_ERROR_TYPUNKNOWN:
			return "SPI_ERROR_TYPUNKNOWN";
		case SPI_ERROR_REL_DUPLICATE:
			return "SPI_ERROR_REL_DUPLICATE";
		case SPI_ERROR_REL_NOT_FOUND:
			return "SPI_ERROR_REL_NOT_FOUND";
		case SPI_OK_CONNECT:
			return "SPI_OK_CONNECT";
		case SPI_OK_FINISH:
			return "SPI_OK_FINISH";
		case SPI_OK_FETCH:
			return "SPI_OK_FETCH";
		case SPI_OK_UTILITY:
			return "SPI_OK_UTILITY";
		case SPI_OK_SELECT:
			return "SPI_OK_SELECT";
		case SPI_OK_SELINTO:
			return "SPI_OK_SELINTO";
		case SPI_OK_INSERT:
			return "SPI_OK_INSERT";
		case SPI_OK_DELETE:
			return "SPI_OK_DELETE";
		case SPI_OK_UPDATE:
			return "SPI_OK_UPDATE";
		case SPI_OK_CURSOR:
			return "SPI_OK_CURSOR";
		case SPI_OK_INSERT_RETURNING:
			return "SPI_OK_INSERT_RETURNING";
		case SPI_OK_DELETE_RETURNING:
			return "SPI_OK_DELETE_RETURNING";
		case SPI_OK_UPDATE_RETURNING:
			return "SPI_OK_UPDATE_RETURNING";
		case SPI_OK_REWRITTEN:
			return "SPI_OK_REWRITTEN";
		case SPI_OK_REL_REGISTER:
			return "SPI_OK_REL_REGISTER";
		case SPI_OK_REL_UNREGISTER:
			return "SPI_OK_REL_UNREGISTER";
		case SPI_OK_TD_REGISTER:
			return "SPI_OK_TD_REGISTER";
		case SPI_OK_MERGE:
			return "SPI_OK_MERGE";
		default:
			break;
	}
	/* Unrecognized code: PostgreSQL's wording, in a static buffer. */
	snprintf(buf, sizeof buf, "Unrecognized SPI code %d", code);
	return buf;
}

/* ---- reading results ---- */

HeapTuple SPI_copytuple(HeapTuple tuple)
{
	if (tuple == nullptr)
	{
		SPI_result = SPI_ERROR_ARGUMENT;
		return nullptr;
	}
	SpiConnection *conn = Current();
	if (conn == nullptr)
	{
		SPI_result = SPI_ERROR_UNCONNECTED;
		return nullptr;
	}
	MemoryContext old = MemoryContextSwitchTo(conn->savedcxt);
	HeapTuple copy = heap_copytuple(tuple);
	MemoryContextSwitchTo(old);
	return copy;
}

int SPI_fnumber(TupleDesc tupdesc, const char *fname)
{
	for (int i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute attr = TupleDescAttr(tupdesc, i);
		if (!attr->attisdropped && strcmp(NameStr(attr->attname), fname) == 0)
			return i + 1;
	}
	for (const auto &col : kSystemColumns)
		if (strcmp(col.name, fname) == 0)
			return col.attnum;
	return SPI_ERROR_NOATTRIBUTE;
}

char *SPI_fname(TupleDesc tupdesc, int fnumber)
{
	SPI_result = 0;
	if (!ValidColumn(tupdesc, fnumber))
		return nullptr;
	if (fnumber > 0)
		return pstrdup(NameStr(TupleDescAttr(tupdesc, fnumber - 1)->attname));
	return pstrdup(SystemColumnByNumber(fnumber)->name);
}

char *SPI_getvalue(HeapTuple tuple, TupleDesc tupdesc, int fnumber)
{
	SPI_result = 0;
	if (!ValidColumn(tupdesc, fnumber))
		return nullptr;
	bool isnull;
	Datum val = heap_getattr(tuple, fnumber, tupdesc, &isnull);
	if (isnull)
		return nullptr;
	Oid foutoid;
	bool typisvarlena;
	getTypeOutputInfo(ColumnType(tupdesc, fnumber), &foutoid, &typisvarlena);
	return OidOutputFunctionCall(foutoid, val);
}

Datum SPI_getbinval(HeapTuple tuple, TupleDesc tupdesc, int fnumber, bool *isnull)
{
	SPI_result = 0;
	if (!ValidColumn(tupdesc, fnumber))
	{
		*isnull = true;
		return static_cast<Datum>(0);
	}
	return heap_getattr(tuple, fnumber, tupdesc, isnull);
}

char *SPI_gettype(TupleDesc tupdesc, int fnumber)
{
	SPI_result = 0;
	if (!ValidColumn(tupdesc, fnumber))
		return nullptr;
	HeapTuple typeTuple = SearchSysCache1(TYPEOID, ObjectIdGetDatum(ColumnType(tupdesc, fnumber)));
	if (!HeapTupleIsValid(typeTuple))
	{
		SPI_result = SPI_ERROR_TYPUNKNOWN;
		return nullptr;
	}
	char *result = pstrdup(NameStr(reinterpret_cast<Form_pg_type>(GETSTRUCT(typeTuple))->typname));
	ReleaseSysCache(typeTuple);
	return result;
}

Oid SPI_gettypeid(TupleDesc tupdesc, int fnumber)
{
	SPI_result = 0;
	if (!ValidColumn(tupdesc, fnumber))
		return InvalidOid;
	return ColumnType(tupdesc, fnumber);
}

char *SPI_getrelname(Relation rel)
{
	return pstrdup(RelationGetRelationName(rel));
}

char *SPI_getnspname(Relation rel)
{
	return get_namespace_name(RelationGetNamespace(rel));
}

/* ---- memory ---- */

void *SPI_palloc(Size size)
{
	SpiConnection *conn = Current();
	if (conn == nullptr)
		elog(ERROR, "SPI_palloc called while not connected to SPI");
	return MemoryContextAlloc(conn->savedcxt, size);
}

void *SPI_repalloc(void *pointer, Size size)
{
	/* No SPI connection needed: the chunk knows its context. */
	return repalloc(pointer, size);
}

void SPI_pfree(void *pointer)
{
	pfree(pointer);
}

Datum SPI_datumTransfer(Datum value, bool typByVal, int typLen)
{
	if (typByVal)
		return value;
	SpiConnection *conn = Current();
	if (conn == nullptr)
		elog(ERROR, "SPI_datumTransfer called while not connected to SPI");
	MemoryContext old = MemoryContextSwitchTo(conn->savedcxt);
	Datum copy = datumCopy(value, typByVal, typLen);
	MemoryContextSwitchTo(old);
	return copy;
}

void SPI_freetuple(HeapTuple tuple)
{
	heap_freetuple(tuple);
}

void SPI_freetuptable(SPITupleTable *tuptable)
{
	if (tuptable == nullptr)
		return;
	SpiConnection *conn = Current();
	if (conn == nullptr)
		return;
	bool found = false;
	for (SPITupleTable *t = conn->tuptables; t != nullptr; t = t->next)
		if (t == tuptable)
			found = true;
	if (!found)
	{
		ereport(WARNING,
				errmsg("attempt to delete invalid SPITupleTable %p",
					   static_cast<void *>(tuptable)));
		return;
	}
	if (tuptable == SPI_tuptable)
		SPI_tuptable = nullptr;
	FreeTuptable(conn, tuptable);
}

/* ---- cursors ---- */

Portal SPI_cursor_open(const char *name, SPIPlanPtr plan, Datum *Values, const char *Nulls,
					   bool read_only)
{
	if (!PlanIsValid(plan))
		elog(ERROR, "invalid SPI plan in SPI_cursor_open");
	if (plan->nargs > 0 && Values == nullptr)
		elog(ERROR, "SPI_cursor_open called without parameter values");
	SpiConnection *conn = BeginCall(true);
	if (conn == nullptr)
		elog(ERROR, "SPI_cursor_open called while not connected");
	ParamListInfo params = ConvertParams(plan->nargs, plan->argtypes, Values, Nulls);
	Portal portal = OpenCursor(conn, name, plan, params, read_only);
	EndCall(conn, true);
	return portal;
}

Portal SPI_cursor_open_with_args(const char *name, const char *src, int nargs, Oid *argtypes,
								 Datum *Values, const char *Nulls, bool read_only,
								 int cursorOptions)
{
	if (src == nullptr || nargs < 0)
		elog(ERROR, "SPI_cursor_open_with_args called with invalid arguments");
	if (nargs > 0 && (argtypes == nullptr || Values == nullptr))
		elog(ERROR, "SPI_cursor_open_with_args called with missing parameters");
	SpiConnection *conn = BeginCall(true);
	if (conn == nullptr)
		elog(ERROR, "SPI_cursor_open_with_args called while not connected");
	/* A plan in the executor context, gone when the call returns: the
	 * portal copies what it runs. */
	SPIPlanPtr plan = PreparePlan(conn, src, nargs, argtypes, cursorOptions);
	MemoryContextSetParent(plan->plancxt, conn->execCxt);
	ParamListInfo params = ConvertParams(nargs, argtypes, Values, Nulls);
	Portal portal = OpenCursor(conn, name, plan, params, read_only);
	EndCall(conn, true);
	return portal;
}

Portal SPI_cursor_find(const char *name)
{
	return GetPortalByName(name);
}

void SPI_cursor_fetch(Portal portal, bool forward, long count)
{
	CursorOperation(portal, forward, count, &spi_receiver);
}

void SPI_cursor_move(Portal portal, bool forward, long count)
{
	CursorOperation(portal, forward, count, None_Receiver);
}

void SPI_cursor_close(Portal portal)
{
	if (!PortalIsValid(portal))
		elog(ERROR, "invalid portal in SPI cursor operation");
	PortalDrop(portal, false);
}
