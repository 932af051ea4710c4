/*
 * tusk/spi.hpp — the Server Programming Interface for modules written in
 * C++ (namespace tusk::spi), on top of executor/spi.h: every call below ends
 * in the SPI_* functions, with their memory rules and result codes.  See
 * doc/spi.md, "C++ API".
 *
 *     tusk::spi::Transaction tx("count");          // Start…Command + snapshot
 *     {
 *         tusk::spi::Connection conn;              // SPI_connect … SPI_finish
 *         conn.execute("INSERT INTO t VALUES ($1, $2)", 42, "text");
 *         for (const auto &row : conn.execute("SELECT id, name FROM t"))
 *             use(row.get<int32_t>("id"), row.get<std::optional<std::string>>(1));
 *     }
 *     tx.commit();
 *
 * Errors are Tusk's one mechanism: an ereport(ERROR) — from a statement or
 * from this API — is a C++ exception, tusk::spi::Error (the server's
 * tusk::error::PgError: SQLSTATE, message, detail, hint).  Uncaught, it
 * ends the worker (or the client's command) as any ERROR does.  To go on
 * after one, run the statements in a Subtransaction (or attempt()): the
 * failed part is rolled back and the connection goes on working.
 *
 * Column numbers are 0-based here (SPI's own are 1-based).
 */
#ifndef TUSK_INCLUDE_TUSK_SPI_HPP
#define TUSK_INCLUDE_TUSK_SPI_HPP

extern "C" {
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "utils/palloc.h"
#include "utils/resowner.h"
}

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "tusk/error.hpp"

namespace tusk::spi {

/* What every failure raises: the exception ereport(ERROR) throws. */
using Error = tusk::error::PgError;

class Connection;
class Statement;

/* One statement parameter: its type, its value, and whether the value was
 * palloc'd here (text), to be freed after the call. */
struct Param
{
	Oid type = InvalidOid;
	Datum value = 0;
	bool isnull = false;
	bool owned = false;
};

namespace detail {

/* Implemented in the server (backend/executor/spi_cxx.cpp). */
uint64_t CurrentConnectionSerial(); /* the innermost SPI connection's, 0: none */
Datum TextDatum(const char *data, size_t len);
void FreeParams(std::vector<Param> &params) noexcept;
Datum CoerceParam(const Param &p, Oid target, int number);
[[noreturn]] void RaiseResultCode(const char *call, int code);
void CheckColumn(TupleDesc desc, int col);
int ColumnNumber(TupleDesc desc, std::string_view name);
[[noreturn]] void RaiseNull(TupleDesc desc, int col);
bool ReadBool(Datum d, Oid type, TupleDesc desc, int col);
int64_t ReadInteger(Datum d, Oid type, TupleDesc desc, int col, int bytes, const char *ctype);
double ReadFloat(Datum d, Oid type, TupleDesc desc, int col, bool single, const char *ctype);
std::string ReadString(Datum d, Oid type);
bool MayFreeTable(uint64_t serial, SubTransactionId subid);
[[noreturn]] void RaiseRowCount(size_t rows, int columns);
[[noreturn]] void RaiseRowNumber(size_t row, size_t rows);
[[noreturn]] void RaiseNotConnected(const char *what);

/* A C++ type as a parameter: its type OID and its Datum. */
template <typename T>
struct ParamOf; /* no definition: the type is not supported */

template <>
struct ParamOf<bool>
{
	static constexpr Oid oid = BOOLOID;
	static Param Make(bool v) { return {oid, BoolGetDatum(v), false, false}; }
};
template <>
struct ParamOf<int16_t>
{
	static constexpr Oid oid = INT2OID;
	static Param Make(int16_t v) { return {oid, Int16GetDatum(v), false, false}; }
};
template <>
struct ParamOf<int32_t>
{
	static constexpr Oid oid = INT4OID;
	static Param Make(int32_t v) { return {oid, Int32GetDatum(v), false, false}; }
};
template <>
struct ParamOf<int64_t>
{
	static constexpr Oid oid = INT8OID;
	static Param Make(int64_t v) { return {oid, Int64GetDatum(v), false, false}; }
};
template <>
struct ParamOf<long long> /* a distinct type from int64_t (long) on LP64 */
{
	static constexpr Oid oid = INT8OID;
	static Param Make(long long v)
	{
		return {oid, Int64GetDatum(static_cast<int64_t>(v)), false, false};
	}
};
template <>
struct ParamOf<float>
{
	static constexpr Oid oid = FLOAT4OID;
	static Param Make(float v) { return {oid, Float4GetDatum(v), false, false}; }
};
template <>
struct ParamOf<double>
{
	static constexpr Oid oid = FLOAT8OID;
	static Param Make(double v) { return {oid, Float8GetDatum(v), false, false}; }
};
template <>
struct ParamOf<std::string_view>
{
	static constexpr Oid oid = TEXTOID;
	static Param Make(std::string_view v)
	{
		return {oid, TextDatum(v.data(), v.size()), false, true};
	}
};
template <>
struct ParamOf<std::string>
{
	static constexpr Oid oid = TEXTOID;
	static Param Make(const std::string &v) { return ParamOf<std::string_view>::Make(v); }
};
template <>
struct ParamOf<const char *>
{
	static constexpr Oid oid = TEXTOID;
	/* A null pointer is a NULL text. */
	static Param Make(const char *v)
	{
		if (v == nullptr)
			return {oid, 0, true, false};
		return ParamOf<std::string_view>::Make(v);
	}
};
template <>
struct ParamOf<char *> : ParamOf<const char *>
{};
template <typename T>
struct ParamOf<std::optional<T>>
{
	static constexpr Oid oid = ParamOf<T>::oid;
	static Param Make(const std::optional<T> &v)
	{
		if (!v.has_value())
			return {oid, 0, true, false};
		return ParamOf<T>::Make(*v);
	}
};
/* An explicit type, for parameters given in their text form. */
template <>
struct ParamOf<Param>
{
	static Param Make(const Param &p) { return p; }
};

template <typename T>
Param MakeParam(const T &v)
{
	return ParamOf<std::decay_t<T>>::Make(v);
}

/* Parameters of one call; the text ones are freed when it ends. */
class ParamList
{
  public:
	template <typename... Args>
	explicit ParamList(const Args &...args)
	{
		params_.reserve(sizeof...(Args));
		(params_.push_back(MakeParam(args)), ...);
	}
	~ParamList() { FreeParams(params_); }
	ParamList(const ParamList &) = delete;
	ParamList &operator=(const ParamList &) = delete;
	std::vector<Param> &params() { return params_; }

  private:
	std::vector<Param> params_;
};

/* A column's value as a C++ type. */
template <typename T>
struct ValueOf; /* no definition: the type is not supported */

template <>
struct ValueOf<bool>
{
	static bool Read(Datum d, Oid type, TupleDesc desc, int col)
	{
		return ReadBool(d, type, desc, col);
	}
};
template <>
struct ValueOf<int16_t>
{
	static int16_t Read(Datum d, Oid type, TupleDesc desc, int col)
	{
		return static_cast<int16_t>(ReadInteger(d, type, desc, col, 2, "int16_t"));
	}
};
template <>
struct ValueOf<int32_t>
{
	static int32_t Read(Datum d, Oid type, TupleDesc desc, int col)
	{
		return static_cast<int32_t>(ReadInteger(d, type, desc, col, 4, "int32_t"));
	}
};
template <>
struct ValueOf<int64_t>
{
	static int64_t Read(Datum d, Oid type, TupleDesc desc, int col)
	{
		return ReadInteger(d, type, desc, col, 8, "int64_t");
	}
};
template <>
struct ValueOf<float>
{
	static float Read(Datum d, Oid type, TupleDesc desc, int col)
	{
		return static_cast<float>(ReadFloat(d, type, desc, col, true, "float"));
	}
};
template <>
struct ValueOf<double>
{
	static double Read(Datum d, Oid type, TupleDesc desc, int col)
	{
		return ReadFloat(d, type, desc, col, false, "double");
	}
};
/* Any column as its text form (its type's output function). */
template <>
struct ValueOf<std::string>
{
	static std::string Read(Datum d, Oid type, TupleDesc, int) { return ReadString(d, type); }
};

template <typename T>
struct IsOptional : std::false_type
{};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type
{};

}  // namespace detail

/* One row of a Result (valid as long as the Result). */
class Row
{
  public:
	Row(HeapTuple tuple, TupleDesc desc) : tuple_(tuple), desc_(desc) {}

	int size() const { return desc_->natts; }
	HeapTuple tuple() const { return tuple_; }
	TupleDesc desc() const { return desc_; }

	bool is_null(int col) const
	{
		bool isnull = false;
		(void) datum(col, &isnull);
		return isnull;
	}
	bool is_null(std::string_view name) const { return is_null(detail::ColumnNumber(desc_, name)); }

	/* The raw Datum (in the result's memory). */
	Datum datum(int col, bool *isnull) const
	{
		detail::CheckColumn(desc_, col);
		return SPI_getbinval(tuple_, desc_, col + 1, isnull);
	}

	/*
	 * get<T>(col or name): bool, int16_t, int32_t, int64_t (any narrower
	 * integer column fits a wider type), float, double (float4 or float8
	 * columns), std::string (any column: its text form), and
	 * std::optional of each — std::nullopt for NULL.  Without optional, a
	 * NULL raises 22004; a column of another type 42804.
	 */
	template <typename T>
	T get(int col) const
	{
		bool isnull = false;
		Datum d = datum(col, &isnull);
		if constexpr (detail::IsOptional<T>::value)
		{
			using V = typename T::value_type;
			if (isnull)
				return std::nullopt;
			return detail::ValueOf<V>::Read(d, SPI_gettypeid(desc_, col + 1), desc_, col);
		}
		else
		{
			if (isnull)
				detail::RaiseNull(desc_, col);
			return detail::ValueOf<T>::Read(d, SPI_gettypeid(desc_, col + 1), desc_, col);
		}
	}
	template <typename T>
	T get(std::string_view name) const
	{
		return get<T>(detail::ColumnNumber(desc_, name));
	}
	template <typename T>
	T get(const char *name) const
	{
		return get<T>(std::string_view(name));
	}

  private:
	HeapTuple tuple_;
	TupleDesc desc_;
};

/*
 * What a statement (or a cursor fetch) returned: its SPI_OK_* code, the
 * rows it processed, and the rows it returned.  The rows live in the SPI
 * connection's memory; a Result gives them back (SPI_freetuptable) when it
 * is destroyed in the connection and subtransaction that made it, else
 * they go with the connection (SPI_finish) or the subtransaction's
 * rollback — do not read a Result after either.
 */
class Result
{
  public:
	class iterator
	{
	  public:
		using iterator_category = std::forward_iterator_tag;
		using value_type = Row;
		using difference_type = std::ptrdiff_t;
		using pointer = void;
		using reference = Row;
		iterator(const Result *r, size_t i) : r_(r), i_(i) {}
		Row operator*() const { return (*r_)[i_]; }
		iterator &operator++()
		{
			++i_;
			return *this;
		}
		iterator operator++(int)
		{
			iterator old = *this;
			++i_;
			return old;
		}
		bool operator==(const iterator &o) const { return i_ == o.i_ && r_ == o.r_; }
		bool operator!=(const iterator &o) const { return !(*this == o); }

	  private:
		const Result *r_;
		size_t i_;
	};

	Result(int code, uint64_t processed, SPITupleTable *table)
		: code_(code), processed_(processed), table_(table),
		  serial_(detail::CurrentConnectionSerial()), subid_(GetCurrentSubTransactionId())
	{}
	~Result() { reset(); }
	Result(Result &&o) noexcept
		: code_(o.code_), processed_(o.processed_), table_(std::exchange(o.table_, nullptr)),
		  serial_(o.serial_), subid_(o.subid_)
	{}
	Result &operator=(Result &&o) noexcept
	{
		if (this != &o)
		{
			reset();
			code_ = o.code_;
			processed_ = o.processed_;
			table_ = std::exchange(o.table_, nullptr);
			serial_ = o.serial_;
			subid_ = o.subid_;
		}
		return *this;
	}
	Result(const Result &) = delete;
	Result &operator=(const Result &) = delete;

	/* SPI_OK_SELECT, SPI_OK_INSERT, …, and its name. */
	int code() const { return code_; }
	const char *code_name() const { return SPI_result_code_string(code_); }
	/* SPI_processed: rows returned, or changed by INSERT/UPDATE/DELETE. */
	uint64_t processed() const { return processed_; }
	/* Rows returned (0 for a statement without rows). */
	size_t size() const { return table_ == nullptr ? 0 : static_cast<size_t>(table_->numvals); }
	bool empty() const { return size() == 0; }
	bool has_rows() const { return table_ != nullptr; }

	int columns() const { return table_ == nullptr ? 0 : table_->tupdesc->natts; }
	std::string column_name(int col) const
	{
		detail::CheckColumn(desc(), col);
		return SPI_fname(table_->tupdesc, col + 1);
	}
	Oid column_type(int col) const
	{
		detail::CheckColumn(desc(), col);
		return SPI_gettypeid(table_->tupdesc, col + 1);
	}
	int column_number(std::string_view name) const { return detail::ColumnNumber(desc(), name); }
	TupleDesc desc() const { return table_ == nullptr ? nullptr : table_->tupdesc; }

	Row operator[](size_t i) const { return Row(table_->vals[i], table_->tupdesc); }
	Row at(size_t i) const
	{
		if (i >= size())
			detail::RaiseRowNumber(i, size());
		return (*this)[i];
	}
	iterator begin() const { return iterator(this, 0); }
	iterator end() const { return iterator(this, size()); }

	/* The single value of a one-row, one-column result (P0002 without a
	 * row, P0003 with more than one). */
	template <typename T>
	T value() const
	{
		if (size() != 1 || columns() != 1)
			detail::RaiseRowCount(size(), columns());
		return (*this)[0].get<T>(0);
	}

  private:
	void reset() noexcept
	{
		if (table_ != nullptr && detail::MayFreeTable(serial_, subid_))
			SPI_freetuptable(table_);
		table_ = nullptr;
	}

	int code_;
	uint64_t processed_;
	SPITupleTable *table_;
	uint64_t serial_;
	SubTransactionId subid_;
};

/*
 * A prepared statement, kept (SPI_keepplan) until destroyed: it outlives
 * the connection and the transaction that prepared it, and is re-planned
 * after DDL on what it uses.  Its parameter types are fixed at prepare
 * time; execute's arguments are converted to them (integers widened or
 * range-checked, text through the type's input function).
 */
class Statement
{
  public:
	Statement() = default;
	Statement(SPIPlanPtr plan, std::vector<Oid> types) : plan_(plan), types_(std::move(types)) {}
	~Statement() { reset(); }
	Statement(Statement &&o) noexcept
		: plan_(std::exchange(o.plan_, nullptr)), types_(std::move(o.types_))
	{}
	Statement &operator=(Statement &&o) noexcept
	{
		if (this != &o)
		{
			reset();
			plan_ = std::exchange(o.plan_, nullptr);
			types_ = std::move(o.types_);
		}
		return *this;
	}
	Statement(const Statement &) = delete;
	Statement &operator=(const Statement &) = delete;

	explicit operator bool() const { return plan_ != nullptr; }
	SPIPlanPtr plan() const { return plan_; }
	const std::vector<Oid> &param_types() const { return types_; }
	/* False after DDL on what it uses, until its next execution. */
	bool valid() const { return plan_ != nullptr && SPI_plan_is_valid(plan_); }
	void reset() noexcept
	{
		if (plan_ != nullptr)
			(void) SPI_freeplan(plan_);
		plan_ = nullptr;
	}

  private:
	SPIPlanPtr plan_ = nullptr;
	std::vector<Oid> types_;
};

/* An open cursor (a portal): fetched in pieces, closed when destroyed
 * unless its transaction already ended it. */
class Cursor
{
  public:
	Cursor(Connection *conn, Portal portal);
	~Cursor();
	Cursor(Cursor &&o) noexcept : conn_(o.conn_), name_(std::move(o.name_)), uncaught_(o.uncaught_)
	{
		o.name_.clear();
	}
	Cursor &operator=(Cursor &&o) noexcept
	{
		if (this != &o)
		{
			close();
			conn_ = o.conn_;
			name_ = std::move(o.name_);
			uncaught_ = o.uncaught_;
			o.name_.clear();
		}
		return *this;
	}
	Cursor(const Cursor &) = delete;
	Cursor &operator=(const Cursor &) = delete;

	const std::string &name() const { return name_; }
	/* The next count rows (0 rows at the end). */
	Result fetch(long count);
	/* Skips count rows; returns how many it skipped. */
	uint64_t move(long count);
	void close() noexcept;

  private:
	Portal portal() const;
	Connection *conn_;
	std::string name_;
	int uncaught_; /* std::uncaught_exceptions() when opened */
};

/*
 * An SPI connection: SPI_connect in the constructor (inside a
 * transaction), SPI_finish in the destructor — also when an exception
 * unwinds.  A connection the transaction or a subtransaction's end already
 * closed is not finished again.  Connections nest.
 */
class Connection
{
  public:
	Connection();
	~Connection();
	Connection(const Connection &) = delete;
	Connection &operator=(const Connection &) = delete;

	/* Whether this connection is still the innermost one. */
	bool active() const;
	/* SPI_finish now (the destructor then does nothing). */
	void finish();

	/* Runs every statement of sql ($1 … $n from args); the result is the
	 * last statement's.  read-only: see execute_read_only. */
	template <typename... Args>
	Result execute(const std::string &sql, const Args &...args)
	{
		detail::ParamList params(args...);
		return Run(sql.c_str(), params.params(), false);
	}
	/* With SPI's read_only: the pushed snapshot as is, no data changes. */
	template <typename... Args>
	Result execute_read_only(const std::string &sql, const Args &...args)
	{
		detail::ParamList params(args...);
		return Run(sql.c_str(), params.params(), true);
	}
	template <typename... Args>
	Result execute(const Statement &stmt, const Args &...args)
	{
		detail::ParamList params(args...);
		return RunPlan(stmt, params.params(), false);
	}
	template <typename... Args>
	Result execute_read_only(const Statement &stmt, const Args &...args)
	{
		detail::ParamList params(args...);
		return RunPlan(stmt, params.params(), true);
	}

	/* prepare<int32_t, std::string>("… $1 … $2"): a kept Statement. */
	template <typename... Params>
	Statement prepare(const std::string &sql)
	{
		return Prepare(sql.c_str(), {detail::ParamOf<std::decay_t<Params>>::oid...});
	}

	template <typename... Args>
	Cursor open_cursor(const std::string &sql, const Args &...args)
	{
		detail::ParamList params(args...);
		return OpenCursor(sql.c_str(), params.params());
	}
	template <typename... Args>
	Cursor open_cursor(const Statement &stmt, const Args &...args)
	{
		detail::ParamList params(args...);
		return OpenCursorPlan(stmt, params.params());
	}

  private:
	Result Run(const char *sql, std::vector<Param> &params, bool read_only);
	Result RunPlan(const Statement &stmt, std::vector<Param> &params, bool read_only);
	Statement Prepare(const char *sql, std::vector<Oid> types);
	Cursor OpenCursor(const char *sql, std::vector<Param> &params);
	Cursor OpenCursorPlan(const Statement &stmt, std::vector<Param> &params);
	void CheckActive(const char *what) const;
	friend class Cursor;

	uint64_t serial_ = 0;
	/* Set while an SPI call runs; still set if it raised an error, when
	 * the destructor leaves the connection to the (sub)transaction's
	 * rollback, which must follow, rather than finish it mid-error. */
	bool in_call_ = false;
};

/*
 * An internal subtransaction (a PL exception block's): begun by the
 * constructor; commit() releases it; destroyed without commit() — an
 * exception unwinding, typically — it is rolled back, which undoes what
 * ran inside, ends the SPI connections opened inside and frees their
 * results, and restores the memory context and resource owner, so the
 * transaction and the connection around it go on.
 */
class Subtransaction
{
  public:
	Subtransaction();
	~Subtransaction();
	Subtransaction(const Subtransaction &) = delete;
	Subtransaction &operator=(const Subtransaction &) = delete;
	void commit();
	void rollback();

  private:
	MemoryContext cxt_;
	ResourceOwner owner_;
	bool done_ = false;
	::tusk::ErrorCatchScope catching_;
};

/* Runs f() in a Subtransaction: nullopt when it completed (committed),
 * else the Error it raised (rolled back).  Other exceptions roll back and
 * propagate. */
template <typename F>
std::optional<Error> attempt(F &&f)
{
	try
	{
		Subtransaction sub;
		std::forward<F>(f)();
		sub.commit();
	}
	catch (const Error &e)
	{
		return e;
	}
	return std::nullopt;
}

/*
 * A worker's transaction: SetCurrentStatementStartTimestamp,
 * StartTransactionCommand, PushActiveSnapshot(GetTransactionSnapshot()),
 * pgstat_report_activity(STATE_RUNNING, activity) in the constructor;
 * commit() pops the snapshot and commits; destroyed without commit() it
 * is aborted (AbortCurrentTransaction).  Either way the state goes back
 * to idle and the memory context to the one current before.
 */
class Transaction
{
  public:
	explicit Transaction(const char *activity = nullptr);
	~Transaction();
	Transaction(const Transaction &) = delete;
	Transaction &operator=(const Transaction &) = delete;
	void commit();
	void abort();

  private:
	MemoryContext cxt_;
	bool done_ = false;
	::tusk::ErrorCatchScope catching_;
};

/* One transaction with one connection: f(conn), then commit; aborted if
 * f throws (the exception propagates). */
template <typename F>
void run_transaction(const char *activity, F &&f)
{
	Transaction tx(activity);
	{
		Connection conn;
		std::forward<F>(f)(conn);
		conn.finish();
	}
	tx.commit();
}

/* An explicitly typed parameter from its text form: Typed(DATEOID,
 * "2024-01-31") (converted by the type's input function). */
Param Typed(Oid type, std::string_view text);

}  // namespace tusk::spi

#endif	// TUSK_INCLUDE_TUSK_SPI_HPP
