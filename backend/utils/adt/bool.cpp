/*
 * bool.cpp — the type boolean.
 *
 * Input takes PostgreSQL's spellings, case-insensitively and with
 * surrounding whitespace: true/false, yes/no, on/off, 1/0, and any
 * unambiguous prefix of the words ("t", "of"; "o" alone is ambiguous).
 * Output is "t" or "f"; the cast to text gives "true" or "false".
 * false sorts before true.  booland_statefunc and boolor_statefunc are
 * the transitions of bool_and/every and bool_or; bool_accum and its
 * inverse, bool_alltrue and bool_anytrue their moving-aggregate forms.
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h), parse_bool_with_len.
 */
#include "postgres.h"

#include <ctype.h>
#include <strings.h>

#include "libpq/pqformat.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

namespace {

/* Whether value[0..len) is a prefix of word at least min_len long. */
bool IsPrefixOf(const char *value, size_t len, const char *word, size_t min_len)
{
	return len >= min_len && len <= strlen(word) && strncasecmp(value, word, len) == 0;
}

}  // namespace

bool parse_bool_with_len(const char *value, size_t len, bool *result)
{
	bool matched = false;
	bool val = false;
	if (IsPrefixOf(value, len, "true", 1) || IsPrefixOf(value, len, "yes", 1) ||
		IsPrefixOf(value, len, "on", 2) || (len == 1 && value[0] == '1'))
	{
		matched = true;
		val = true;
	}
	else if (IsPrefixOf(value, len, "false", 1) || IsPrefixOf(value, len, "no", 1) ||
			 IsPrefixOf(value, len, "off", 2) || (len == 1 && value[0] == '0'))
		matched = true;
	if (result != nullptr)
		*result = val;
	return matched;
}

Datum boolin(PG_FUNCTION_ARGS)
{
	const char *in = PG_GETARG_CSTRING(0);
	const char *str = in;
	while (isspace(static_cast<unsigned char>(*str)))
		str++;
	size_t len = strlen(str);
	while (len > 0 && isspace(static_cast<unsigned char>(str[len - 1])))
		len--;

	bool result;
	if (!parse_bool_with_len(str, len, &result))
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for type %s: \"%s\"", "boolean", in));
	PG_RETURN_BOOL(result);
}

Datum boolout(PG_FUNCTION_ARGS)
{
	char *result = static_cast<char *>(palloc(2));
	result[0] = PG_GETARG_BOOL(0) ? 't' : 'f';
	result[1] = '\0';
	PG_RETURN_CSTRING(result);
}

/* boolean::text */
Datum booltext(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(PG_GETARG_BOOL(0) ? "true" : "false"));
}

Datum booleq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_BOOL(0) == PG_GETARG_BOOL(1));
}

Datum boolne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_BOOL(0) != PG_GETARG_BOOL(1));
}

Datum boollt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_BOOL(0) < PG_GETARG_BOOL(1));
}

Datum boolle(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_BOOL(0) <= PG_GETARG_BOOL(1));
}

Datum boolgt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_BOOL(0) > PG_GETARG_BOOL(1));
}

Datum boolge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_BOOL(0) >= PG_GETARG_BOOL(1));
}

Datum btboolcmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(static_cast<int32>(PG_GETARG_BOOL(0)) - static_cast<int32>(PG_GETARG_BOOL(1)));
}

/* bool_and / every: strict, so NULL inputs never arrive. */
Datum booland_statefunc(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_BOOL(0) && PG_GETARG_BOOL(1));
}

Datum boolor_statefunc(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_BOOL(0) || PG_GETARG_BOOL(1));
}

/* Binary form: one byte, 1 or 0 (any non-zero byte reads as true). */
Datum boolrecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PG_RETURN_BOOL(pq_getmsgbyte(buf) != 0);
}

Datum boolsend(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PG_GETARG_BOOL(0) ? 1 : 0);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * The moving-aggregate forms of bool_and/every and bool_or (used when a
 * window frame's start moves): the state counts the non-NULL inputs and
 * the true ones, so a row leaving the frame can be subtracted.
 */
namespace {

struct BoolAggState
{
	int64 aggcount; /* non-NULL inputs */
	int64 aggtrue;	/* true inputs */
};

}  // namespace

Datum bool_accum(PG_FUNCTION_ARGS)
{
	BoolAggState *state = PG_ARGISNULL(0) ? nullptr
										  : reinterpret_cast<BoolAggState *>(PG_GETARG_POINTER(0));
	if (state == nullptr)
	{
		MemoryContext aggcontext;
		if (!AggCheckCallContext(fcinfo, &aggcontext))
			elog(ERROR, "aggregate function called in non-aggregate context");
		state = static_cast<BoolAggState *>(
			MemoryContextAllocZero(aggcontext, sizeof(BoolAggState)));
	}
	if (!PG_ARGISNULL(1))
	{
		state->aggcount++;
		if (PG_GETARG_BOOL(1))
			state->aggtrue++;
	}
	PG_RETURN_POINTER(state);
}

Datum bool_accum_inv(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		elog(ERROR, "bool_accum_inv called with NULL state");
	auto *state = reinterpret_cast<BoolAggState *>(PG_GETARG_POINTER(0));
	if (!PG_ARGISNULL(1))
	{
		state->aggcount--;
		if (PG_GETARG_BOOL(1))
			state->aggtrue--;
	}
	PG_RETURN_POINTER(state);
}

Datum bool_alltrue(PG_FUNCTION_ARGS)
{
	const BoolAggState *state = PG_ARGISNULL(0)
		? nullptr
		: reinterpret_cast<BoolAggState *>(PG_GETARG_POINTER(0));
	if (state == nullptr || state->aggcount == 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(state->aggtrue == state->aggcount);
}

Datum bool_anytrue(PG_FUNCTION_ARGS)
{
	const BoolAggState *state = PG_ARGISNULL(0)
		? nullptr
		: reinterpret_cast<BoolAggState *>(PG_GETARG_POINTER(0));
	if (state == nullptr || state->aggcount == 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(state->aggtrue > 0);
}
