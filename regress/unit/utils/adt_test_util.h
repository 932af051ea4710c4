/*
 * adt_test_util.h — helpers for the built-in function tests ([adt]):
 * a memory context per test, calling input/output functions by C
 * address, and capturing an ereport(ERROR) as SQLSTATE and message.
 *
 * Every expected string in these tests (outputs, error messages and
 * SQLSTATEs) was checked against PostgreSQL 15 with psql.
 */
#ifndef TUSK_REGRESS_UNIT_UTILS_ADT_TEST_UTIL_H
#define TUSK_REGRESS_UNIT_UTILS_ADT_TEST_UTIL_H

#include "unit_test.h"

#include <functional>
#include <string>

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/error/error.h"
#include "utils/memutils.h"

namespace tusk::adt_test {

/* Makes a fresh memory context current for the test's lifetime. */
class ScratchContext
{
  public:
	ScratchContext()
		: cxt_(AllocSetContextCreate(TopMemoryContext, "adt test", ALLOCSET_DEFAULT_SIZES)),
		  old_(MemoryContextSwitchTo(cxt_))
	{}
	~ScratchContext()
	{
		MemoryContextSwitchTo(old_);
		MemoryContextDelete(cxt_);
	}
	ScratchContext(const ScratchContext &) = delete;
	ScratchContext &operator=(const ScratchContext &) = delete;

  private:
	MemoryContext cxt_;
	MemoryContext old_;
};

/* An error as the client sees it: "22003: integer out of range". */
inline std::string ErrorOf(const std::function<void()> &fn)
{
	try
	{
		fn();
	}
	catch (const tusk::error::PgError &e)
	{
		return tusk::error::UnpackSqlState(e.data().sqlerrcode) + ": " + e.data().message;
	}
	return "no error";
}

/* Call a type input function on s (typioparam 0, typmod -1). */
inline Datum In(PGFunction fn, const char *s, int32 typmod = -1)
{
	return DirectFunctionCall3(fn, CStringGetDatum(s), ObjectIdGetDatum(InvalidOid),
							   Int32GetDatum(typmod));
}

inline std::string Out(PGFunction fn, Datum d)
{
	return DatumGetCString(DirectFunctionCall1(fn, d));
}

/* in then out: how a literal of the type reads back. */
inline std::string RoundTrip(PGFunction in, PGFunction out, const char *s, int32 typmod = -1)
{
	return Out(out, In(in, s, typmod));
}

/* The error in reading s with input function fn. */
inline std::string InError(PGFunction fn, const char *s, int32 typmod = -1)
{
	return ErrorOf([&] { In(fn, s, typmod); });
}

inline Datum Text(const char *s)
{
	return PointerGetDatum(cstring_to_text(s));
}

inline std::string Str(Datum textval)
{
	return text_to_cstring(reinterpret_cast<text *>(DatumGetPointer(textval)));
}

}  // namespace tusk::adt_test

#endif	// TUSK_REGRESS_UNIT_UTILS_ADT_TEST_UTIL_H
