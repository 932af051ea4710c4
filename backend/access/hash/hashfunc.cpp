/*
 * hashfunc.cpp — hashing: PostgreSQL's hash of bytes (common/hashfn.h)
 * and the hash support functions of the core types (hashint4, hashtext,
 * … and their _extended forms with a seed), with PostgreSQL's values.
 *
 * The byte hash is Bob Jenkins' lookup3 as PostgreSQL's hashfn.c uses
 * it: the length folded into the initial state, 12-byte blocks of
 * little-endian words mixed, the last block's third word shifted left a
 * byte, a final avalanche; the result is the third state word (the
 * extended form: a seed added first, and the second and third words).
 * The integer types hash alike for equal values (int8's high half folded
 * into the low one), so a hash join may compare int4 with int8; a float
 * zero of either sign hashes to 0 and every NaN alike; text hashes its
 * bytes (deterministic collations only), char(n) without trailing
 * blanks.
 */
#include "postgres.h"

#include <cmath>
#include <cstring>

#include "common/hashfn.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"

namespace {

uint32 Rotate(uint32 x, int k)
{
	return (x << k) | (x >> (32 - k));
}

void Mix(uint32 &a, uint32 &b, uint32 &c)
{
	a -= c;
	a ^= Rotate(c, 4);
	c += b;
	b -= a;
	b ^= Rotate(a, 6);
	a += c;
	c -= b;
	c ^= Rotate(b, 8);
	b += a;
	a -= c;
	a ^= Rotate(c, 16);
	c += b;
	b -= a;
	b ^= Rotate(a, 19);
	a += c;
	c -= b;
	c ^= Rotate(b, 4);
	b += a;
}

void FinalMix(uint32 &a, uint32 &b, uint32 &c)
{
	c ^= b;
	c -= Rotate(b, 14);
	a ^= c;
	a -= Rotate(c, 11);
	b ^= a;
	b -= Rotate(a, 25);
	c ^= b;
	c -= Rotate(b, 16);
	a ^= c;
	a -= Rotate(c, 4);
	b ^= a;
	b -= Rotate(a, 14);
	c ^= b;
	c -= Rotate(b, 24);
}

/* Up to four bytes at p as a little-endian word. */
uint32 LittleEndianWord(const unsigned char *p, int n)
{
	uint32 w = 0;
	for (int i = 0; i < n; i++)
		w |= static_cast<uint32>(p[i]) << (8 * i);
	return w;
}

/* The state after hashing k with seed; the results are b and c. */
void HashBytes(const unsigned char *k, int len, uint64 seed, uint32 *b_out, uint32 *c_out)
{
	uint32 a = 0x9e3779b9 + static_cast<uint32>(len) + 3923095;
	uint32 b = a;
	uint32 c = a;
	if (seed != 0)
	{
		a += static_cast<uint32>(seed >> 32);
		b += static_cast<uint32>(seed);
		Mix(a, b, c);
	}
	for (; len >= 12; k += 12, len -= 12)
	{
		a += LittleEndianWord(k, 4);
		b += LittleEndianWord(k + 4, 4);
		c += LittleEndianWord(k + 8, 4);
		Mix(a, b, c);
	}
	a += LittleEndianWord(k, Min(len, 4));
	if (len > 4)
		b += LittleEndianWord(k + 4, Min(len - 4, 4));
	if (len > 8)
		c += LittleEndianWord(k + 8, len - 8) << 8;
	FinalMix(a, b, c);
	*b_out = b;
	*c_out = c;
}

uint64 Combine(uint32 b, uint32 c)
{
	return (static_cast<uint64>(b) << 32) | c;
}

/* int8 folded to 32 bits so that equal int2/int4/int8 values agree. */
uint32 FoldInt8(int64 val)
{
	uint32 lo = static_cast<uint32>(val);
	uint32 hi = static_cast<uint32>(static_cast<uint64>(val) >> 32);
	return lo ^ (val >= 0 ? hi : ~hi);
}

/* A float8 as hashed: every zero is 0 (no hash), every NaN the same. */
bool CanonicalFloat(double *key)
{
	if (*key == 0.0)
		return false;
	if (std::isnan(*key))
		*key = std::nan("");
	return true;
}

/* The length of a char(n) value without its trailing blanks. */
int BpcharTrueLength(const char *s, int len)
{
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return len;
}

const unsigned char *Bytes(const void *p)
{
	return static_cast<const unsigned char *>(p);
}

}  // namespace

uint32 hash_bytes(const unsigned char *k, int keylen)
{
	uint32 b;
	uint32 c;
	HashBytes(k, keylen, 0, &b, &c);
	return c;
}

uint64 hash_bytes_extended(const unsigned char *k, int keylen, uint64 seed)
{
	uint32 b;
	uint32 c;
	HashBytes(k, keylen, seed, &b, &c);
	return Combine(b, c);
}

uint32 hash_bytes_uint32(uint32 k)
{
	uint32 a = 0x9e3779b9 + static_cast<uint32>(sizeof(uint32)) + 3923095;
	uint32 b = a;
	uint32 c = a;
	a += k;
	FinalMix(a, b, c);
	return c;
}

uint64 hash_bytes_uint32_extended(uint32 k, uint64 seed)
{
	uint32 a = 0x9e3779b9 + static_cast<uint32>(sizeof(uint32)) + 3923095;
	uint32 b = a;
	uint32 c = a;
	if (seed != 0)
	{
		a += static_cast<uint32>(seed >> 32);
		b += static_cast<uint32>(seed);
		Mix(a, b, c);
	}
	a += k;
	FinalMix(a, b, c);
	return Combine(b, c);
}

Datum hashint2(PG_FUNCTION_ARGS)
{
	return hash_uint32(static_cast<uint32>(static_cast<int32>(PG_GETARG_INT16(0))));
}

Datum hashint2extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended(static_cast<uint32>(static_cast<int32>(PG_GETARG_INT16(0))),
								static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum hashint4(PG_FUNCTION_ARGS)
{
	return hash_uint32(static_cast<uint32>(PG_GETARG_INT32(0)));
}

Datum hashint4extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended(static_cast<uint32>(PG_GETARG_INT32(0)),
								static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum hashint8(PG_FUNCTION_ARGS)
{
	return hash_uint32(FoldInt8(PG_GETARG_INT64(0)));
}

Datum hashint8extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended(FoldInt8(PG_GETARG_INT64(0)),
								static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum hashoid(PG_FUNCTION_ARGS)
{
	return hash_uint32(PG_GETARG_OID(0));
}

Datum hashoidextended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended(PG_GETARG_OID(0), static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum hashchar(PG_FUNCTION_ARGS)
{
	return hash_uint32(static_cast<uint32>(static_cast<int32>(PG_GETARG_CHAR(0))));
}

Datum hashcharextended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended(static_cast<uint32>(static_cast<int32>(PG_GETARG_CHAR(0))),
								static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum hashfloat4(PG_FUNCTION_ARGS)
{
	double key = PG_GETARG_FLOAT4(0);
	if (!CanonicalFloat(&key))
		PG_RETURN_UINT32(0);
	return hash_any(Bytes(&key), sizeof(key));
}

Datum hashfloat4extended(PG_FUNCTION_ARGS)
{
	double key = PG_GETARG_FLOAT4(0);
	uint64 seed = static_cast<uint64>(PG_GETARG_INT64(1));
	if (!CanonicalFloat(&key))
		PG_RETURN_UINT64(seed);
	return hash_any_extended(Bytes(&key), sizeof(key), seed);
}

Datum hashfloat8(PG_FUNCTION_ARGS)
{
	double key = PG_GETARG_FLOAT8(0);
	if (!CanonicalFloat(&key))
		PG_RETURN_UINT32(0);
	return hash_any(Bytes(&key), sizeof(key));
}

Datum hashfloat8extended(PG_FUNCTION_ARGS)
{
	double key = PG_GETARG_FLOAT8(0);
	uint64 seed = static_cast<uint64>(PG_GETARG_INT64(1));
	if (!CanonicalFloat(&key))
		PG_RETURN_UINT64(seed);
	return hash_any_extended(Bytes(&key), sizeof(key), seed);
}

Datum hashname(PG_FUNCTION_ARGS)
{
	const char *key = NameStr(*PG_GETARG_NAME(0));
	return hash_any(Bytes(key), static_cast<int>(strlen(key)));
}

Datum hashnameextended(PG_FUNCTION_ARGS)
{
	const char *key = NameStr(*PG_GETARG_NAME(0));
	return hash_any_extended(Bytes(key), static_cast<int>(strlen(key)),
							 static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum hashtext(PG_FUNCTION_ARGS)
{
	text *key = PG_GETARG_TEXT_PP(0);
	return hash_any(Bytes(VARDATA_ANY(key)), static_cast<int>(VARSIZE_ANY_EXHDR(key)));
}

Datum hashtextextended(PG_FUNCTION_ARGS)
{
	text *key = PG_GETARG_TEXT_PP(0);
	return hash_any_extended(Bytes(VARDATA_ANY(key)), static_cast<int>(VARSIZE_ANY_EXHDR(key)),
							 static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum hashbpchar(PG_FUNCTION_ARGS)
{
	text *key = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(key);
	return hash_any(Bytes(s), BpcharTrueLength(s, static_cast<int>(VARSIZE_ANY_EXHDR(key))));
}

Datum hashbpcharextended(PG_FUNCTION_ARGS)
{
	text *key = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(key);
	return hash_any_extended(Bytes(s),
							 BpcharTrueLength(s, static_cast<int>(VARSIZE_ANY_EXHDR(key))),
							 static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum hashvarlena(PG_FUNCTION_ARGS)
{
	struct varlena *key = PG_GETARG_VARLENA_PP(0);
	return hash_any(Bytes(VARDATA_ANY(key)), static_cast<int>(VARSIZE_ANY_EXHDR(key)));
}

Datum hashvarlenaextended(PG_FUNCTION_ARGS)
{
	struct varlena *key = PG_GETARG_VARLENA_PP(0);
	return hash_any_extended(Bytes(VARDATA_ANY(key)), static_cast<int>(VARSIZE_ANY_EXHDR(key)),
							 static_cast<uint64>(PG_GETARG_INT64(1)));
}
