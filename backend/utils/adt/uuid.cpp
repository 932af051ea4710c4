/*
 * uuid.cpp — the uuid type: 16 bytes, stored and sent as they are
 * (typlen 16, by reference, char alignment, as in PostgreSQL).
 *
 * Input accepts PostgreSQL's spellings: 32 hexadecimal digits in either
 * case, optionally in braces, with a hyphen allowed after any group of
 * four digits (so the usual 8-4-4-4-12 form, none at all, or
 * a0eebc99-9c0b4ef8-...); anything else is 22P02.  Output is the
 * lower-case 8-4-4-4-12 form.  Values compare as unsigned bytes, which is
 * the btree order PostgreSQL uses; the hash is hash_any over the bytes,
 * so hash indexes and hash joins agree with PostgreSQL's values.
 * gen_random_uuid() is a version 4 uuid from the kernel's cryptographic
 * random source (getrandom(2)).
 *
 * Principal entry points: uuid_in/out/send/recv, the comparison
 * operators and uuid_cmp, uuid_hash(_extended), gen_random_uuid.
 */
#include "postgres.h"

#include <sys/random.h>

#include <cerrno>
#include <cstring>

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

namespace {

constexpr int kUuidLen = 16;

struct PgUuid
{
	unsigned char data[kUuidLen];
};

const PgUuid *ArgUuid(FunctionCallInfo fcinfo, int n)
{
	return reinterpret_cast<const PgUuid *>(PG_GETARG_POINTER(n));
}

int HexValue(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads source into uuid; false when it is not a uuid's text. */
bool ParseUuid(const char *source, PgUuid *uuid)
{
	const char *src = source;
	bool braces = false;
	if (*src == '{')
	{
		braces = true;
		src++;
	}
	for (int i = 0; i < kUuidLen; i++)
	{
		if (src[0] == '\0' || src[1] == '\0')
			return false;
		int hi = HexValue(src[0]);
		int lo = HexValue(src[1]);
		if (hi < 0 || lo < 0)
			return false;
		uuid->data[i] = static_cast<unsigned char>(hi * 16 + lo);
		src += 2;
		/* A hyphen may follow every second byte (four digits), not the last. */
		if (*src == '-' && i % 2 == 1 && i < kUuidLen - 1)
			src++;
	}
	if (braces)
	{
		if (*src != '}')
			return false;
		src++;
	}
	return *src == '\0';
}

/* The difference of the first differing bytes, as PostgreSQL's uuid_cmp
 * returns memcmp's result (glibc's: that difference). */
int CompareUuid(FunctionCallInfo fcinfo)
{
	const unsigned char *a = ArgUuid(fcinfo, 0)->data;
	const unsigned char *b = ArgUuid(fcinfo, 1)->data;
	for (int i = 0; i < kUuidLen; i++)
		if (a[i] != b[i])
			return static_cast<int>(a[i]) - static_cast<int>(b[i]);
	return 0;
}

Datum ReturnUuid(const PgUuid &uuid)
{
	auto *result = static_cast<PgUuid *>(palloc(sizeof(PgUuid)));
	*result = uuid;
	return PointerGetDatum(result);
}

}  // namespace

Datum uuid_in(PG_FUNCTION_ARGS)
{
	const char *source = PG_GETARG_CSTRING(0);
	PgUuid uuid;
	if (!ParseUuid(source, &uuid))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "uuid", source)));
	return ReturnUuid(uuid);
}

Datum uuid_out(PG_FUNCTION_ARGS)
{
	static const char kHex[] = "0123456789abcdef";
	const PgUuid *uuid = ArgUuid(fcinfo, 0);
	char *out = static_cast<char *>(palloc(2 * kUuidLen + 5));
	char *p = out;
	for (int i = 0; i < kUuidLen; i++)
	{
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = kHex[uuid->data[i] >> 4];
		*p++ = kHex[uuid->data[i] & 0xF];
	}
	*p = '\0';
	PG_RETURN_CSTRING(out);
}

Datum uuid_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PgUuid uuid;
	std::memcpy(uuid.data, pq_getmsgbytes(buf, kUuidLen), kUuidLen);
	return ReturnUuid(uuid);
}

Datum uuid_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, reinterpret_cast<const char *>(ArgUuid(fcinfo, 0)->data), kUuidLen);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum uuid_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareUuid(fcinfo) < 0);
}

Datum uuid_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareUuid(fcinfo) <= 0);
}

Datum uuid_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareUuid(fcinfo) == 0);
}

Datum uuid_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareUuid(fcinfo) >= 0);
}

Datum uuid_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareUuid(fcinfo) > 0);
}

Datum uuid_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareUuid(fcinfo) != 0);
}

Datum uuid_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareUuid(fcinfo));
}

Datum uuid_hash(PG_FUNCTION_ARGS)
{
	return hash_any(ArgUuid(fcinfo, 0)->data, kUuidLen);
}

Datum uuid_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_any_extended(ArgUuid(fcinfo, 0)->data, kUuidLen,
							 static_cast<uint64>(PG_GETARG_INT64(1)));
}

/* A version 4 (random) uuid, RFC 4122 section 4.4: 122 random bits, the
 * version nibble 4 and the variant bits 10. */
Datum gen_random_uuid(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PgUuid uuid;
	size_t got = 0;
	while (got < sizeof(uuid.data))
	{
		ssize_t n = getrandom(uuid.data + got, sizeof(uuid.data) - got, 0);
		if (n < 0)
		{
			if (errno == EINTR)
				continue;
			ereport(ERROR,
					(errcode(ERRCODE_INTERNAL_ERROR), errmsg("could not generate random values")));
		}
		got += static_cast<size_t>(n);
	}
	uuid.data[6] = static_cast<unsigned char>((uuid.data[6] & 0x0F) | 0x40);
	uuid.data[8] = static_cast<unsigned char>((uuid.data[8] & 0x3F) | 0x80);
	return ReturnUuid(uuid);
}
