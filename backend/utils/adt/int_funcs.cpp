/*
 * int_funcs.cpp — gcd and lcm of integer and bigint.
 *
 * Euclid's algorithm on negative values (the negative range is the
 * larger one, so |INT_MIN| never has to be formed); a result that does
 * not fit (gcd(INT_MIN, 0), lcm overflowing) is 22003 "integer out of
 * range" ("bigint out of range"), as in PostgreSQL.  The results are
 * never negative.
 *
 * Principal entry points: int4gcd, int4lcm, int8gcd, int8lcm.
 */
#include "postgres.h"

#include <limits>
#include <utility>

#include "adt_internal.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

using tusk::adt::ReportOutOfRange;

namespace {

template <typename T>
T Gcd(T a, T b, const char *type_word)
{
	constexpr T kMin = std::numeric_limits<T>::min();
	/* Let a be the one of larger magnitude (compared as negatives). */
	T na = a < 0 ? a : -a;
	T nb = b < 0 ? b : -b;
	if (na > nb)
		std::swap(a, b);
	if (a == kMin)
	{
		/* |kMin| itself would be the answer */
		if (b == 0 || b == kMin)
			ReportOutOfRange(type_word);
		/* kMin % -1 traps on some machines */
		if (b == -1)
			return 1;
	}
	while (b != 0)
	{
		T r = a % b;
		a = b;
		b = r;
	}
	return a < 0 ? -a : a;
}

template <typename T>
T Lcm(T a, T b, const char *type_word)
{
	if (a == 0 || b == 0)
		return 0;
	T gcd = Gcd(a, b, type_word);
	T result;
	if (__builtin_mul_overflow(a / gcd, b, &result) || result == std::numeric_limits<T>::min())
		ReportOutOfRange(type_word);
	return result < 0 ? -result : result;
}

}  // namespace

Datum int4gcd(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Gcd<int32>(PG_GETARG_INT32(0), PG_GETARG_INT32(1), "integer"));
}

Datum int4lcm(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Lcm<int32>(PG_GETARG_INT32(0), PG_GETARG_INT32(1), "integer"));
}

Datum int8gcd(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Gcd<int64>(PG_GETARG_INT64(0), PG_GETARG_INT64(1), "bigint"));
}

Datum int8lcm(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Lcm<int64>(PG_GETARG_INT64(0), PG_GETARG_INT64(1), "bigint"));
}
