/*
 * tusk/error.hpp — the exception that carries an ereport(ERROR), for C++
 * code: the server's own main loops and C++ modules (tusk/spi.hpp).
 *
 * errfinish() throws PgError for an ERROR (doc/utils/error/README.md); the
 * nearest main loop catches it and reports it.  C++ modules may catch it
 * too — by this type, or as tusk::spi::Error, which is the same class —
 * to read the SQLSTATE, message, detail and hint of a failed statement.
 * Code that catches one must leave the transaction clean, as PG_CATCH code
 * must: roll back the subtransaction it ran in (tusk::spi::Subtransaction
 * does) or abort the transaction.
 */
#ifndef TUSK_INCLUDE_TUSK_ERROR_HPP
#define TUSK_INCLUDE_TUSK_ERROR_HPP

#include <exception>
#include <string>
#include <utility>

namespace tusk::error {

/* One report as ereport() builds it. */
struct ErrorData
{
	int elevel = 0;
	int sqlerrcode = 0;
	std::string message;
	std::string detail;
	std::string detail_log;
	std::string hint;
	std::string context;
	/* The object an error is about (PostgreSQL's PG_DIAG_SCHEMA_NAME …
	 * fields; err_generic_string, errtable and friends), empty if none. */
	std::string schema_name;
	std::string table_name;
	std::string column_name;
	std::string datatype_name;
	std::string constraint_name;
	int cursorpos = 0;
	const char *filename = nullptr;
	int lineno = 0;
	const char *funcname = nullptr;
	int saved_errno = 0;
	bool output_to_server = false;
	bool output_to_client = false;
	bool hide_stmt = false;
	bool hide_ctx = false;
};

/* Thrown by errfinish() for ERROR. */
class PgError : public std::exception
{
  public:
	explicit PgError(ErrorData data) : data_(std::move(data)) {}
	const ErrorData &data() const { return data_; }
	const char *what() const noexcept override { return data_.message.c_str(); }

	/* The five-character SQLSTATE ("22012"). */
	std::string sqlstate() const
	{
		std::string s(5, '0');
		int code = data_.sqlerrcode;
		for (char &c : s)
		{
			c = static_cast<char>((code & 0x3F) + '0');
			code >>= 6;
		}
		return s;
	}
	const std::string &message() const { return data_.message; }
	const std::string &detail() const { return data_.detail; }
	const std::string &hint() const { return data_.hint; }
	const std::string &context() const { return data_.context; }

  private:
	ErrorData data_;
};

}  // namespace tusk::error

#endif	// TUSK_INCLUDE_TUSK_ERROR_HPP
