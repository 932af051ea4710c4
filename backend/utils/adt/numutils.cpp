/*
 * numutils.cpp — integer text conversion shared by the integer types and
 * everything else that parses or prints integers as SQL does.
 *
 * Parsing follows int2in/int4in/int8in: leading and trailing whitespace
 * is allowed, then an optional sign and at least one decimal digit; any
 * other character is 22P02 "invalid input syntax for type T", a value
 * that does not fit 22003 "value "S" is out of range for type T".  The
 * digits are accumulated as a negative number so the most negative value
 * of each type parses, and an overflow is reported as soon as it happens
 * (so "99999999999abc" is out of range, not a syntax error, as in
 * PostgreSQL).
 *
 * Principal entry points: pg_strtoint16, pg_strtoint32, pg_strtoint64,
 * pg_itoa, pg_ltoa, pg_lltoa.
 */
#include "postgres.h"

#include <ctype.h>

#include <charconv>
#include <limits>

#include "utils/builtins.h"

namespace {

template <typename T>
T ParseSignedInteger(const char *s, const char *type_name)
{
	const char *p = s;
	while (*p != '\0' && isspace(static_cast<unsigned char>(*p)))
		p++;

	bool negative = false;
	if (*p == '-')
	{
		negative = true;
		p++;
	}
	else if (*p == '+')
		p++;

	if (!isdigit(static_cast<unsigned char>(*p)))
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for type %s: \"%s\"", type_name, s));

	T acc = 0; /* minus the value read so far */
	while (isdigit(static_cast<unsigned char>(*p)))
	{
		T digit = static_cast<T>(*p++ - '0');
		if (__builtin_mul_overflow(acc, static_cast<T>(10), &acc) ||
			__builtin_sub_overflow(acc, digit, &acc))
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("value \"%s\" is out of range for type %s", s, type_name));
	}

	while (*p != '\0' && isspace(static_cast<unsigned char>(*p)))
		p++;
	if (*p != '\0')
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for type %s: \"%s\"", type_name, s));

	if (!negative)
	{
		if (acc == std::numeric_limits<T>::min())
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("value \"%s\" is out of range for type %s", s, type_name));
		acc = static_cast<T>(-acc);
	}
	return acc;
}

/* Print value at a (room for its digits, sign and NUL); the length. */
template <typename T>
int PrintInteger(T value, char *a)
{
	/* 20 digits and a sign are the most any 64-bit integer needs. */
	constexpr int kMaxLen = 21;
	auto res = std::to_chars(a, a + kMaxLen, value);
	*res.ptr = '\0';
	return static_cast<int>(res.ptr - a);
}

}  // namespace

int16 pg_strtoint16(const char *s)
{
	return ParseSignedInteger<int16>(s, "smallint");
}

int32 pg_strtoint32(const char *s)
{
	return ParseSignedInteger<int32>(s, "integer");
}

int64 pg_strtoint64(const char *s)
{
	return ParseSignedInteger<int64>(s, "bigint");
}

int pg_itoa(int16 i, char *a)
{
	return PrintInteger<int32>(i, a);
}

int pg_ltoa(int32 value, char *a)
{
	return PrintInteger(value, a);
}

int pg_lltoa(int64 value, char *a)
{
	return PrintInteger(value, a);
}

int pg_ulltoa(uint64 value, char *a)
{
	return PrintInteger(value, a);
}
