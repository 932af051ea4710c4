/*
 * parser_fuzz.cpp — libFuzzer target for the SQL parser (raw_parser).
 *
 * Each input is one query string (cut at its first NUL byte, as the wire
 * protocol would).  The parser must either return a List of RawStmt or
 * raise an ERROR; besides crashes and sanitizer reports, the target aborts
 * when
 *   - an accepted string's trees do not survive copyObject and
 *     nodeToString/stringToNode (equal), or a RawStmt's stmt_location and
 *     stmt_len fall outside the string;
 *   - an error is not ERROR level, has a SQLSTATE the parser never raises,
 *     or a cursor position outside 0 … (length + 1).
 * Built only with -Dfuzz=true and clang++ (regress/fuzz/meson.build); run it
 * with regress/fuzz/run_parser_fuzz.sh.
 *
 * Entry points: LLVMFuzzerInitialize, LLVMFuzzerTestOneInput.
 */
#include "postgres.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <unistd.h>

#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "parser/parser.h"
#include "utils/elog.h"
#include "utils/error/error.h"
#include "utils/guc.h"
#include "utils/memutils.h"

namespace {

[[noreturn]] void Fail(const char *what, const std::string &sql)
{
	fprintf(stderr, "parser_fuzz: %s\nquery: %s\n", what, sql.c_str());
	abort();
}

bool ParserSqlState(const std::string &state)
{
	return state == "42601" /* syntax_error */ || state == "42622" /* name_too_long */ ||
		state == "0A000" /* feature_not_supported */ || state == "22023" /* parameter value */ ||
		state == "22025" /* invalid_escape_sequence */ ||
		state == "22P06" /* nonstandard escape */ ||
		state == "22021" /* character_not_in_repertoire */ || state == "42P20" /* windowing */ ||
		state == "42939" /* reserved_name */ || state == "54001" /* statement_too_complex */;
}

void CheckAccepted(const std::string &sql, List *stmts)
{
	ListCell *lc;
	foreach (lc, stmts)
	{
		const RawStmt *raw = static_cast<const RawStmt *>(lfirst(lc));
		if (!IsA(raw, RawStmt))
			Fail("raw_parser returned a list element that is not a RawStmt", sql);
		if (raw->stmt_location < 0 || raw->stmt_len < 0 ||
			static_cast<size_t>(raw->stmt_location) + static_cast<size_t>(raw->stmt_len) >
				sql.size())
			Fail("a RawStmt's stmt_location/stmt_len lie outside the query", sql);
	}
	List *copy = copyObject(stmts);
	if (!equal(copy, stmts))
		Fail("copyObject of the raw trees is not equal to them", sql);
	char *text = nodeToString(stmts);
	void *back = stringToNode(text);
	if (!equal(back, stmts))
		Fail("nodeToString/stringToNode does not reproduce the raw trees", sql);
}

void CheckRejected(const std::string &sql, const tusk::error::ErrorData &e)
{
	if (e.elevel != ERROR)
		Fail("the parser raised a report above ERROR", sql);
	std::string state = tusk::error::UnpackSqlState(e.sqlerrcode);
	if (!ParserSqlState(state))
		Fail(("unexpected SQLSTATE " + state + ": " + e.message).c_str(), sql);
	/* (characters ≤ bytes; the server passes only valid UTF-8 to the parser,
	 * the fuzzer anything) */
	if (e.cursorpos < 0 || e.cursorpos > static_cast<int>(sql.size()) + 1)
		Fail(("cursor position out of range: " + e.message).c_str(), sql);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc;
	(void) argv;
	MemoryContextInit();
	MyProcPid = getpid();
	MyStartTime = time(nullptr);
	/* a live handler makes ERROR a PgError exception; it lasts for the process */
	static tusk::error::ErrorHandlerScope scope;
	/* the NOTICEs and WARNINGs of odd input are not of interest */
	log_min_messages = FATAL;
	return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	std::string sql(reinterpret_cast<const char *>(data), size);
	sql.resize(strlen(sql.c_str()));
	set_stack_base();
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "parser fuzz",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	List *stmts = nullptr;
	bool ok = false;
	try
	{
		stmts = raw_parser(sql.c_str());
		ok = true;
	}
	catch (const tusk::error::PgError &e)
	{
		CheckRejected(sql, e.data());
	}
	if (ok)
	{
		try
		{
			CheckAccepted(sql, stmts);
		}
		catch (const tusk::error::PgError &e)
		{
			/* only a tree too deep to copy or print may fail here */
			if (tusk::error::UnpackSqlState(e.data().sqlerrcode) != "54001")
				Fail(("error on an accepted tree: " + e.data().message).c_str(), sql);
		}
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return 0;
}
