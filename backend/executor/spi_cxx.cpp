/*
 * spi_cxx.cpp — the out-of-line part of the C++ SPI API (tusk/spi.hpp):
 * connections, statements, cursors, the transaction and subtransaction
 * guards, and the conversions between C++ values and Datums.
 *
 * Everything here goes through executor/spi.h's functions; the one thing
 * it takes from spi.cpp's inside is the serial number of the innermost
 * connection (CurrentConnectionSerial), so that a Connection object can
 * tell whether the SPI connection it opened is still there — a
 * transaction's or subtransaction's end closes connections behind its
 * back — and never finishes someone else's.
 *
 * Errors are raised with ereport(ERROR), so they are the same PgError any
 * statement raises (tusk/error.hpp): one mechanism.
 */
#include "tusk/spi.hpp"

#include <exception>
#include <string>

#include "pgstat.h"
#include "tcop/tcopprot.h"
#include "utils/builtins.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

namespace tusk::spi {

namespace {

/* Types read as text without their output function. */
bool IsTextLike(Oid type)
{
	return type == TEXTOID || type == VARCHAROID || type == BPCHAROID;
}

std::string ColumnName(TupleDesc desc, int col)
{
	char *name = SPI_fname(desc, col + 1);
	return name == nullptr ? std::to_string(col) : std::string(name);
}

[[noreturn]] void RaiseTypeMismatch(TupleDesc desc, int col, Oid type, const char *ctype)
{
	ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
			errmsg("column \"%s\" is of type %s, which cannot be read as %s",
				   ColumnName(desc, col).c_str(), format_type_be(type), ctype));
	pg_unreachable();
}

int TypeBytes(Oid type)
{
	switch (type)
	{
		case INT2OID:
			return 2;
		case INT4OID:
			return 4;
		case INT8OID:
			return 8;
		default:
			return 0;
	}
}

int64_t IntegerOf(Datum d, Oid type)
{
	switch (type)
	{
		case INT2OID:
			return DatumGetInt16(d);
		case INT4OID:
			return DatumGetInt32(d);
		default:
			return DatumGetInt64(d);
	}
}

/* Values, Nulls and types of params for the SPI call. */
struct CallArgs
{
	std::vector<Oid> types;
	std::vector<Datum> values;
	std::string nulls;
};

CallArgs ArgsOf(const std::vector<Param> &params)
{
	CallArgs a;
	for (const Param &p : params)
	{
		a.types.push_back(p.type);
		a.values.push_back(p.value);
		a.nulls.push_back(p.isnull ? 'n' : ' ');
	}
	return a;
}

/* Marks conn busy while an SPI call runs (left set if it raises). */
class CallScope
{
  public:
	explicit CallScope(bool &flag) : flag_(flag) { flag_ = true; }
	~CallScope()
	{
		if (std::uncaught_exceptions() == uncaught_)
			flag_ = false;
	}
	CallScope(const CallScope &) = delete;
	CallScope &operator=(const CallScope &) = delete;

  private:
	bool &flag_;
	int uncaught_ = std::uncaught_exceptions();
};

}  // namespace

/* ---- conversions ---- */

Datum detail::TextDatum(const char *data, size_t len)
{
	if (len > MaxAllocSize - VARHDRSZ)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("string parameter of %zu bytes is too long", len));
	return PointerGetDatum(cstring_to_text_with_len(data, static_cast<int>(len)));
}

void detail::FreeParams(std::vector<Param> &params) noexcept
{
	for (Param &p : params)
		if (p.owned && !p.isnull)
			pfree(DatumGetPointer(p.value));
	params.clear();
}

Param Typed(Oid type, std::string_view text)
{
	Oid input = InvalidOid;
	Oid ioparam = InvalidOid;
	getTypeInputInfo(type, &input, &ioparam);
	std::string copy(text);
	return {type, OidInputFunctionCall(input, copy.data(), ioparam, -1), false, false};
}

Datum detail::CoerceParam(const Param &p, Oid target, int number)
{
	if (p.isnull || p.type == target)
		return p.value;
	int from_bytes = TypeBytes(p.type);
	int to_bytes = TypeBytes(target);
	if (from_bytes > 0 && to_bytes > 0)
	{
		int64_t v = IntegerOf(p.value, p.type);
		if (to_bytes == 2 && (v < PG_INT16_MIN || v > PG_INT16_MAX))
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("smallint out of range"));
		if (to_bytes == 4 && (v < PG_INT32_MIN || v > PG_INT32_MAX))
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("integer out of range"));
		if (to_bytes == 2)
			return Int16GetDatum(static_cast<int16>(v));
		if (to_bytes == 4)
			return Int32GetDatum(static_cast<int32>(v));
		return Int64GetDatum(v);
	}
	if (from_bytes > 0 && target == FLOAT8OID)
		return Float8GetDatum(static_cast<double>(IntegerOf(p.value, p.type)));
	if (from_bytes > 0 && target == FLOAT4OID)
		return Float4GetDatum(static_cast<float>(IntegerOf(p.value, p.type)));
	if (p.type == FLOAT4OID && target == FLOAT8OID)
		return Float8GetDatum(static_cast<double>(DatumGetFloat4(p.value)));
	if (p.type == TEXTOID)
	{
		/* Text: the target type's input function reads it. */
		Oid input = InvalidOid;
		Oid ioparam = InvalidOid;
		getTypeInputInfo(target, &input, &ioparam);
		return OidInputFunctionCall(input, TextDatumGetCString(p.value), ioparam, -1);
	}
	ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
			errmsg("parameter $%d is of type %s but the statement expects %s", number,
				   format_type_be(p.type), format_type_be(target)));
	pg_unreachable();
}

[[noreturn]] void detail::RaiseResultCode(const char *call, int code)
{
	if (code == SPI_ERROR_TRANSACTION)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("transaction control statements cannot be run through SPI"),
				errhint("A worker ends its transaction with tusk::spi::Transaction::commit()."));
	if (code == SPI_ERROR_COPY)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot COPY to/from client through SPI"));
	elog(ERROR, "%s failed: %s", call, SPI_result_code_string(code));
	pg_unreachable();
}

void detail::CheckColumn(TupleDesc desc, int col)
{
	if (desc == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column number %d is out of range", col),
				errdetail("The statement returned no rows."));
	if (col < 0 || col >= desc->natts)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column number %d is out of range", col),
				errdetail_plural("The result has %d column, numbered from 0.",
								 "The result has %d columns, numbered from 0.",
								 static_cast<unsigned long>(desc->natts), desc->natts));
}

int detail::ColumnNumber(TupleDesc desc, std::string_view name)
{
	std::string copy(name);
	int n = desc == nullptr ? SPI_ERROR_NOATTRIBUTE : SPI_fnumber(desc, copy.c_str());
	if (n <= 0)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column \"%s\" does not exist", copy.c_str()));
	return n - 1;
}

[[noreturn]] void detail::RaiseNull(TupleDesc desc, int col)
{
	ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			errmsg("column \"%s\" is null", ColumnName(desc, col).c_str()),
			errhint("Read it as a std::optional to accept NULL."));
	pg_unreachable();
}

bool detail::ReadBool(Datum d, Oid type, TupleDesc desc, int col)
{
	if (type != BOOLOID)
		RaiseTypeMismatch(desc, col, type, "bool");
	return DatumGetBool(d);
}

int64_t detail::ReadInteger(Datum d, Oid type, TupleDesc desc, int col, int bytes,
							const char *ctype)
{
	int from = TypeBytes(type);
	/* A narrower column fits; a wider one does not, whatever its value. */
	if (from == 0 || from > bytes)
		RaiseTypeMismatch(desc, col, type, ctype);
	return IntegerOf(d, type);
}

double detail::ReadFloat(Datum d, Oid type, TupleDesc desc, int col, bool single, const char *ctype)
{
	if (type == FLOAT4OID)
		return DatumGetFloat4(d);
	if (type == FLOAT8OID && !single)
		return DatumGetFloat8(d);
	RaiseTypeMismatch(desc, col, type, ctype);
}

std::string detail::ReadString(Datum d, Oid type)
{
	if (IsTextLike(type))
	{
		text *t = DatumGetTextPP(d);
		std::string out(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		if (static_cast<void *>(t) != static_cast<void *>(DatumGetPointer(d)))
			pfree(t);
		return out;
	}
	if (type == NAMEOID)
		return NameStr(*DatumGetName(d));
	Oid output = InvalidOid;
	bool varlena = false;
	getTypeOutputInfo(type, &output, &varlena);
	char *s = OidOutputFunctionCall(output, d);
	std::string out(s);
	pfree(s);
	return out;
}

bool detail::MayFreeTable(uint64_t serial, SubTransactionId subid)
{
	return serial != 0 && IsTransactionState() && serial == CurrentConnectionSerial() &&
		subid == GetCurrentSubTransactionId();
}

[[noreturn]] void detail::RaiseRowCount(size_t rows, int columns)
{
	if (rows == 0)
		ereport(ERROR, errcode(ERRCODE_NO_DATA_FOUND), errmsg("query returned no rows"));
	if (rows > 1)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_ROWS), errmsg("query returned more than one row"));
	ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("query returned %d columns", columns));
	pg_unreachable();
}

[[noreturn]] void detail::RaiseRowNumber(size_t row, size_t rows)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("row number %zu is out of range", row),
			errdetail("The result has %zu rows, numbered from 0.", rows));
	pg_unreachable();
}

[[noreturn]] void detail::RaiseNotConnected(const char *what)
{
	ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			errmsg("cannot %s: the SPI connection is not the active one", what),
			errdetail("The transaction or subtransaction it was opened in has ended, or a "
					  "connection opened after it is still open."));
	pg_unreachable();
}

/* ---- Connection ---- */

Connection::Connection()
{
	int rc = SPI_connect();
	if (rc != SPI_OK_CONNECT)
		detail::RaiseResultCode("SPI_connect", rc);
	serial_ = detail::CurrentConnectionSerial();
}

Connection::~Connection()
{
	/* After an error inside an SPI call the connection's executor state
	 * is half-done: the rollback that must follow (Subtransaction,
	 * Transaction, AbortCurrentTransaction) ends the connection. */
	if (!in_call_ && active())
		(void) SPI_finish();
}

bool Connection::active() const
{
	return serial_ != 0 && serial_ == detail::CurrentConnectionSerial();
}

void Connection::finish()
{
	CheckActive("finish");
	(void) SPI_finish();
	serial_ = 0;
}

void Connection::CheckActive(const char *what) const
{
	if (!active())
		detail::RaiseNotConnected(what);
}

Result Connection::Run(const char *sql, std::vector<Param> &params, bool read_only)
{
	CheckActive("execute");
	CallScope busy(in_call_);
	int rc = 0;
	if (params.empty())
		rc = SPI_execute(sql, read_only, 0);
	else
	{
		CallArgs a = ArgsOf(params);
		rc = SPI_execute_with_args(sql, static_cast<int>(params.size()), a.types.data(),
								   a.values.data(), a.nulls.c_str(), read_only, 0);
	}
	if (rc < 0)
		detail::RaiseResultCode("SPI_execute", rc);
	return Result(rc, SPI_processed, SPI_tuptable);
}

namespace {

/* The statement's parameters converted to its declared types. */
CallArgs PlanArgs(const Statement &stmt, const std::vector<Param> &params)
{
	if (!stmt)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("statement is not prepared"));
	const std::vector<Oid> &types = stmt.param_types();
	if (params.size() != types.size())
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("wrong number of parameters for prepared statement"),
				errdetail("Expected %zu parameters but got %zu.", types.size(), params.size()));
	CallArgs a = ArgsOf(params);
	for (size_t i = 0; i < params.size(); i++)
	{
		a.values[i] = detail::CoerceParam(params[i], types[i], static_cast<int>(i + 1));
		a.types[i] = types[i];
	}
	return a;
}

}  // namespace

Result Connection::RunPlan(const Statement &stmt, std::vector<Param> &params, bool read_only)
{
	CheckActive("execute");
	CallArgs a = PlanArgs(stmt, params);
	CallScope busy(in_call_);
	int rc = SPI_execute_plan(stmt.plan(), a.values.empty() ? nullptr : a.values.data(),
							  a.nulls.c_str(), read_only, 0);
	if (rc < 0)
		detail::RaiseResultCode("SPI_execute_plan", rc);
	return Result(rc, SPI_processed, SPI_tuptable);
}

Statement Connection::Prepare(const char *sql, std::vector<Oid> types)
{
	CheckActive("prepare");
	CallScope busy(in_call_);
	SPIPlanPtr plan = SPI_prepare(sql, static_cast<int>(types.size()), types.data());
	if (plan == nullptr)
		detail::RaiseResultCode("SPI_prepare", SPI_result);
	int rc = SPI_keepplan(plan);
	if (rc != 0)
		detail::RaiseResultCode("SPI_keepplan", rc);
	return Statement(plan, std::move(types));
}

Cursor Connection::OpenCursor(const char *sql, std::vector<Param> &params)
{
	CheckActive("open a cursor");
	CallScope busy(in_call_);
	CallArgs a = ArgsOf(params);
	Portal portal = SPI_cursor_open_with_args(nullptr, sql, static_cast<int>(params.size()),
											  a.types.empty() ? nullptr : a.types.data(),
											  a.values.empty() ? nullptr : a.values.data(),
											  a.nulls.c_str(), false, 0);
	if (portal == nullptr)
		detail::RaiseResultCode("SPI_cursor_open_with_args", SPI_result);
	return Cursor(this, portal);
}

Cursor Connection::OpenCursorPlan(const Statement &stmt, std::vector<Param> &params)
{
	CheckActive("open a cursor");
	CallArgs a = PlanArgs(stmt, params);
	CallScope busy(in_call_);
	Portal portal = SPI_cursor_open(nullptr, stmt.plan(),
									a.values.empty() ? nullptr : a.values.data(), a.nulls.c_str(),
									false);
	if (portal == nullptr)
		detail::RaiseResultCode("SPI_cursor_open", SPI_result);
	return Cursor(this, portal);
}

/* ---- Cursor ---- */

Cursor::Cursor(Connection *conn, Portal portal)
	: conn_(conn), name_(portal->name), uncaught_(std::uncaught_exceptions())
{}

Cursor::~Cursor()
{
	/* Unwinding: the portal may be the one that failed; the rollback
	 * that must follow drops it. */
	if (std::uncaught_exceptions() == uncaught_)
		close();
}

Portal Cursor::portal() const
{
	Portal p = name_.empty() ? nullptr : SPI_cursor_find(name_.c_str());
	if (p == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_CURSOR),
				errmsg("cursor \"%s\" does not exist", name_.c_str()));
	return p;
}

Result Cursor::fetch(long count)
{
	conn_->CheckActive("fetch from a cursor");
	Portal p = portal();
	CallScope busy(conn_->in_call_);
	SPI_cursor_fetch(p, true, count);
	return Result(SPI_OK_FETCH, SPI_processed, SPI_tuptable);
}

uint64_t Cursor::move(long count)
{
	conn_->CheckActive("move a cursor");
	Portal p = portal();
	CallScope busy(conn_->in_call_);
	SPI_cursor_move(p, true, count);
	return SPI_processed;
}

void Cursor::close() noexcept
{
	if (name_.empty())
		return;
	std::string name = std::move(name_);
	name_.clear();
	/* Gone with its transaction already, or closed. */
	if (!IsTransactionState())
		return;
	try
	{
		if (Portal p = SPI_cursor_find(name.c_str()))
			SPI_cursor_close(p);
	}
	catch (...)
	{
		EmitErrorReport();
		FlushErrorState();
	}
}

/* ---- Subtransaction ---- */

Subtransaction::Subtransaction() : cxt_(CurrentMemoryContext), owner_(CurrentResourceOwner)
{
	BeginInternalSubTransaction(nullptr);
	/* Run in the caller's memory context, as a PL exception block does. */
	MemoryContextSwitchTo(cxt_);
}

Subtransaction::~Subtransaction()
{
	if (done_)
		return;
	try
	{
		rollback();
	}
	catch (...)
	{
		/* Nothing sane is left to continue with. */
		EmitErrorReport();
		ereport(FATAL, errcode(ERRCODE_INTERNAL_ERROR),
				errmsg("could not roll back a subtransaction"));
	}
}

void Subtransaction::commit()
{
	if (done_)
		elog(ERROR, "subtransaction already ended");
	ReleaseCurrentSubTransaction();
	MemoryContextSwitchTo(cxt_);
	CurrentResourceOwner = owner_;
	done_ = true;
}

void Subtransaction::rollback()
{
	if (done_)
		elog(ERROR, "subtransaction already ended");
	done_ = true;
	MemoryContextSwitchTo(cxt_);
	/* What reporting a caught error took is not needed any more. */
	FlushErrorState();
	RollbackAndReleaseCurrentSubTransaction();
	MemoryContextSwitchTo(cxt_);
	CurrentResourceOwner = owner_;
}

/* ---- Transaction ---- */

Transaction::Transaction(const char *activity) : cxt_(CurrentMemoryContext)
{
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	PushActiveSnapshot(GetTransactionSnapshot());
	pgstat_report_activity(STATE_RUNNING, activity);
}

Transaction::~Transaction()
{
	if (done_)
		return;
	try
	{
		abort();
	}
	catch (...)
	{
		EmitErrorReport();
		ereport(FATAL, errcode(ERRCODE_INTERNAL_ERROR), errmsg("could not abort a transaction"));
	}
}

void Transaction::commit()
{
	if (done_)
		elog(ERROR, "transaction already ended");
	PopActiveSnapshot();
	CommitTransactionCommand();
	done_ = true;
	MemoryContextSwitchTo(cxt_);
	debug_query_string = nullptr;
	pgstat_report_activity(STATE_IDLE, nullptr);
}

void Transaction::abort()
{
	if (done_)
		elog(ERROR, "transaction already ended");
	done_ = true;
	FlushErrorState();
	AbortCurrentTransaction();
	MemoryContextSwitchTo(cxt_);
	debug_query_string = nullptr;
	pgstat_report_activity(STATE_IDLE, nullptr);
}

}  // namespace tusk::spi
