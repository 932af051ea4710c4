/*
 * varbit.cpp — the bit string types bit(n) and bit varying(n).
 *
 * Values are utils/varbit.h's VarBit: a bit count and the bits, most
 * significant first, the unused low bits of the last byte zero.  Both
 * types share the representation and most functions; they differ in
 * their length rule (bit(n) is exactly n bits, 22026 otherwise;
 * bit varying(n) at most n, 22001) and in their coercions.
 *
 * Text input is a string of binary digits, or of hexadecimal digits
 * after an 'x' (the parser turns B'…' and X'…' literals into "b…" and
 * "x…"); output is binary digits.  The binary form is the bit count
 * (int32) followed by the bytes.  Bits are numbered from 0 at the left
 * by get_bit/set_bit and from 1 by position, substring and overlay,
 * as in PostgreSQL.
 *
 * Principal entry points: the SQL-callable functions below (their C
 * names are PostgreSQL's pg_proc.prosrc).
 */
#include "postgres.h"

#include <bit>

#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/varbit.h"

namespace {

/* PostgreSQL's MaxAttrSize: bit lengths go up to this many bytes of bits. */
constexpr int32 kMaxAttrSize = 10 * 1024 * 1024;

/* A zeroed value of bitlen bits. */
VarBit *MakeVarBit(int bitlen)
{
	int len = VARBITTOTALLEN(bitlen);
	auto *result = static_cast<VarBit *>(palloc0(len));
	SET_VARSIZE(result, len);
	VARBITLEN(result) = bitlen;
	return result;
}

bool GetBit(const VarBit *v, int i)
{
	return (VARBITS(v)[i / BITS_PER_BYTE] & (0x80 >> (i % BITS_PER_BYTE))) != 0;
}

void SetBit(VarBit *v, int i, bool on)
{
	bits8 mask = static_cast<bits8>(0x80 >> (i % BITS_PER_BYTE));
	if (on)
		VARBITS(v)[i / BITS_PER_BYTE] |= mask;
	else
		VARBITS(v)[i / BITS_PER_BYTE] &= static_cast<bits8>(~mask);
}

/* Zero the unused low bits of the last byte, which every value keeps
 * zero. */
void ClearPadding(VarBit *v)
{
	int pad = VARBITPAD(v);
	if (pad > 0)
		VARBITS(v)[VARBITBYTES(v) - 1] &= static_cast<bits8>(BITMASK << pad);
}

[[noreturn]] void LengthMismatch(int bitlen, int typmod)
{
	ereport(ERROR, errcode(ERRCODE_STRING_DATA_LENGTH_MISMATCH),
			errmsg("bit string length %d does not match type bit(%d)", bitlen, typmod));
	pg_unreachable();
}

[[noreturn]] void TooLong(int typmod)
{
	ereport(ERROR, errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
			errmsg("bit string too long for type bit varying(%d)", typmod));
	pg_unreachable();
}

[[noreturn]] void ExceedsMaximum()
{
	ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			errmsg("bit string length exceeds the maximum allowed (%d)", VARBITMAXLEN));
	pg_unreachable();
}

/* The bytes of one (possibly multibyte) character, for error messages. */
int CharLength(const char *s)
{
	auto c = static_cast<unsigned char>(*s);
	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0)
		return 2;
	if ((c & 0xF0) == 0xE0)
		return 3;
	return 4;
}

/*
 * Text input of both types.  For bit(n), fixed: the length must be n
 * (when n is given); for bit varying(n), at most n.
 */
VarBit *BitIn(const char *input, int32 typmod, bool fixed)
{
	bool hex = false;
	const char *sp = input;
	if (*sp == 'b' || *sp == 'B')
		sp++;
	else if (*sp == 'x' || *sp == 'X')
	{
		hex = true;
		sp++;
	}
	size_t slen = strlen(sp);
	int bitlen;
	if (!hex)
	{
		if (slen > static_cast<size_t>(VARBITMAXLEN))
			ExceedsMaximum();
		bitlen = static_cast<int>(slen);
	}
	else
	{
		if (slen > static_cast<size_t>(VARBITMAXLEN / 4))
			ExceedsMaximum();
		bitlen = static_cast<int>(slen) * 4;
	}
	if (typmod > 0)
	{
		if (fixed && bitlen != typmod)
			LengthMismatch(bitlen, typmod);
		if (!fixed && bitlen > typmod)
			TooLong(typmod);
	}
	VarBit *result = MakeVarBit(bitlen);
	bits8 *r = VARBITS(result);
	if (!hex)
	{
		for (int i = 0; i < bitlen; i++, sp++)
		{
			if (*sp == '1')
				r[i / BITS_PER_BYTE] |= static_cast<bits8>(0x80 >> (i % BITS_PER_BYTE));
			else if (*sp != '0')
				ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("\"%.*s\" is not a valid binary digit", CharLength(sp), sp));
		}
	}
	else
	{
		for (size_t i = 0; i < slen; i++, sp++)
		{
			int digit;
			if (*sp >= '0' && *sp <= '9')
				digit = *sp - '0';
			else if (*sp >= 'A' && *sp <= 'F')
				digit = *sp - 'A' + 10;
			else if (*sp >= 'a' && *sp <= 'f')
				digit = *sp - 'a' + 10;
			else
				ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("\"%.*s\" is not a valid hexadecimal digit", CharLength(sp), sp));
			r[i / 2] |= static_cast<bits8>(i % 2 == 0 ? digit << 4 : digit);
		}
	}
	return result;
}

char *BitOut(const VarBit *v)
{
	int len = VARBITLEN(v);
	char *result = static_cast<char *>(palloc(len + 1));
	for (int i = 0; i < len; i++)
		result[i] = GetBit(v, i) ? '1' : '0';
	result[len] = '\0';
	return result;
}

VarBit *BitRecv(StringInfo buf, int32 typmod, bool fixed)
{
	int32 bitlen = static_cast<int32>(pq_getmsgint(buf, sizeof(int32)));
	if (bitlen < 0 || bitlen > VARBITMAXLEN)
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid length in external bit string"));
	if (typmod > 0)
	{
		if (fixed && bitlen != typmod)
			LengthMismatch(bitlen, typmod);
		if (!fixed && bitlen > typmod)
			TooLong(typmod);
	}
	VarBit *result = MakeVarBit(bitlen);
	pq_copymsgbytes(buf, reinterpret_cast<char *>(VARBITS(result)), VARBITBYTES(result));
	ClearPadding(result);
	return result;
}

bytea *BitSend(const VarBit *v)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint32(&buf, static_cast<uint32>(VARBITLEN(v)));
	pq_sendbytes(&buf, VARBITS(v), VARBITBYTES(v));
	return pq_endtypsend(&buf);
}

int32 BitTypmodIn(ArrayType *ta, const char *type_name)
{
	int n;
	int32 *tl = ArrayGetIntegerTypmods(ta, &n);
	if (n != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("invalid type modifier"));
	if (*tl < 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("length for type %s must be at least 1", type_name));
	if (*tl > kMaxAttrSize * BITS_PER_BYTE)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("length for type %s cannot exceed %d", type_name,
					   kMaxAttrSize * BITS_PER_BYTE));
	return *tl;
}

char *BitTypmodOut(int32 typmod)
{
	return typmod >= 0 ? psprintf("(%d)", typmod) : pstrdup("");
}

/* The first n bits of v, zero-padded on the right when v is shorter. */
VarBit *Resize(const VarBit *v, int n)
{
	VarBit *result = MakeVarBit(n);
	memcpy(VARBITS(result), VARBITS(v), Min(VARBITBYTES(result), VARBITBYTES(v)));
	ClearPadding(result);
	return result;
}

/* Bits [start, end) of v, 0-based, clamped by the caller. */
VarBit *Slice(const VarBit *v, int start, int end)
{
	VarBit *result = MakeVarBit(end - start);
	for (int i = start; i < end; i++)
		if (GetBit(v, i))
			SetBit(result, i - start, true);
	return result;
}

/* substring(v from s [for l]), positions from 1. */
VarBit *Substring(const VarBit *v, int32 s, int32 l, bool length_given)
{
	int32 bitlen = VARBITLEN(v);
	int32 s1 = Max(s, 1);
	int32 e1;
	if (!length_given)
		e1 = bitlen + 1;
	else if (l < 0)
		ereport(ERROR, errcode(ERRCODE_SUBSTRING_ERROR),
				errmsg("negative substring length not allowed"));
	else
	{
		int32 e;
		e1 = __builtin_add_overflow(s, l, &e) ? bitlen + 1 : Min(e, bitlen + 1);
	}
	if (s1 > bitlen || e1 <= s1)
		return MakeVarBit(0);
	return Slice(v, s1 - 1, e1 - 1);
}

VarBit *Concatenate(const VarBit *a, const VarBit *b)
{
	int32 len1 = VARBITLEN(a);
	int32 len2 = VARBITLEN(b);
	if (len1 > VARBITMAXLEN - len2)
		ExceedsMaximum();
	VarBit *result = MakeVarBit(len1 + len2);
	memcpy(VARBITS(result), VARBITS(a), VARBITBYTES(a));
	for (int i = 0; i < len2; i++)
		if (GetBit(b, i))
			SetBit(result, len1 + i, true);
	return result;
}

/* Byte-wise, then the shorter first: PostgreSQL's order.  Padding bits
 * are zero, so the last byte compares right. */
int Compare(const VarBit *a, const VarBit *b)
{
	int cmp = memcmp(VARBITS(a), VARBITS(b), Min(VARBITBYTES(a), VARBITBYTES(b)));
	if (cmp == 0 && VARBITLEN(a) != VARBITLEN(b))
		return VARBITLEN(a) < VARBITLEN(b) ? -1 : 1;
	return cmp;
}

bool Equal(const VarBit *a, const VarBit *b)
{
	return VARBITLEN(a) == VARBITLEN(b) && memcmp(VARBITS(a), VARBITS(b), VARBITBYTES(a)) == 0;
}

enum class BitOp
{
	kAnd,
	kOr,
	kXor
};

VarBit *Bitwise(const VarBit *a, const VarBit *b, BitOp op)
{
	if (VARBITLEN(a) != VARBITLEN(b))
		ereport(ERROR, errcode(ERRCODE_STRING_DATA_LENGTH_MISMATCH),
				errmsg("cannot %s bit strings of different sizes",
					   op == BitOp::kAnd	  ? "AND"
						   : op == BitOp::kOr ? "OR"
											  : "XOR"));
	VarBit *result = MakeVarBit(VARBITLEN(a));
	for (int i = 0; i < VARBITBYTES(a); i++)
	{
		bits8 x = VARBITS(a)[i];
		bits8 y = VARBITS(b)[i];
		VARBITS(result)
		[i] = static_cast<bits8>(op == BitOp::kAnd ? x & y : op == BitOp::kOr ? x | y : x ^ y);
	}
	return result;
}

/* v shifted left by shift bits (right when negative), same length,
 * zeros shifted in. */
VarBit *Shift(const VarBit *v, int64 shift)
{
	int32 len = VARBITLEN(v);
	VarBit *result = MakeVarBit(len);
	for (int32 i = 0; i < len; i++)
	{
		int64 from = i + shift;
		if (from >= 0 && from < len && GetBit(v, static_cast<int>(from)))
			SetBit(result, i, true);
	}
	return result;
}

/* The low n bits of value (sign-extended beyond width bits), as bit(n);
 * n defaults to 1. */
VarBit *FromInteger(int64 value, int width, int32 typmod)
{
	if (typmod <= 0 || typmod > VARBITMAXLEN)
		typmod = 1;
	VarBit *result = MakeVarBit(typmod);
	for (int32 i = 0; i < typmod; i++)
	{
		int64 pos = static_cast<int64>(typmod) - 1 - i;
		bool on = pos >= width ? value < 0 : ((value >> pos) & 1) != 0;
		if (on)
			SetBit(result, i, true);
	}
	return result;
}

/* The bits as an unsigned number of at most width bits. */
uint64 ToInteger(const VarBit *v, int width, const char *range_error)
{
	if (VARBITLEN(v) > width)
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("%s", range_error));
	uint64 result = 0;
	for (int i = 0; i < VARBITLEN(v); i++)
		result = (result << 1) | (GetBit(v, i) ? 1 : 0);
	return result;
}

void CheckBitIndex(const VarBit *v, int32 n)
{
	if (n < 0 || n >= VARBITLEN(v))
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("bit index %d out of valid range (0..%d)", n, VARBITLEN(v) - 1));
}

}  // namespace

/* ---- input and output ---- */

Datum bit_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(BitIn(PG_GETARG_CSTRING(0), PG_GETARG_INT32(2), true));
}

Datum varbit_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(BitIn(PG_GETARG_CSTRING(0), PG_GETARG_INT32(2), false));
}

Datum bit_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(BitOut(PG_GETARG_VARBIT_P(0)));
}

Datum varbit_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(BitOut(PG_GETARG_VARBIT_P(0)));
}

Datum bit_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(
		BitRecv(reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0)), PG_GETARG_INT32(2), true));
}

Datum varbit_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(
		BitRecv(reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0)), PG_GETARG_INT32(2), false));
}

Datum bit_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(BitSend(PG_GETARG_VARBIT_P(0)));
}

Datum varbit_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(BitSend(PG_GETARG_VARBIT_P(0)));
}

Datum bittypmodin(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(BitTypmodIn(PG_GETARG_ARRAYTYPE_P(0), "bit"));
}

Datum bittypmodout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(BitTypmodOut(PG_GETARG_INT32(0)));
}

Datum varbittypmodin(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(BitTypmodIn(PG_GETARG_ARRAYTYPE_P(0), "varbit"));
}

Datum varbittypmodout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(BitTypmodOut(PG_GETARG_INT32(0)));
}

/* ---- length coercions ---- */

/* bit(value, n, explicit): an implicit coercion must match the length;
 * an explicit cast truncates or pads with zeros on the right. */
Datum bit(PG_FUNCTION_ARGS)
{
	VarBit *arg = PG_GETARG_VARBIT_P(0);
	int32 len = PG_GETARG_INT32(1);
	bool is_explicit = PG_GETARG_BOOL(2);
	if (len <= 0 || len > VARBITMAXLEN || len == VARBITLEN(arg))
		PG_RETURN_VARBIT_P(arg);
	if (!is_explicit)
		LengthMismatch(VARBITLEN(arg), len);
	PG_RETURN_VARBIT_P(Resize(arg, len));
}

/* varbit(value, n, explicit): an implicit coercion must fit; an explicit
 * cast truncates. */
Datum varbit(PG_FUNCTION_ARGS)
{
	VarBit *arg = PG_GETARG_VARBIT_P(0);
	int32 len = PG_GETARG_INT32(1);
	bool is_explicit = PG_GETARG_BOOL(2);
	if (len <= 0 || len >= VARBITLEN(arg))
		PG_RETURN_VARBIT_P(arg);
	if (!is_explicit)
		TooLong(len);
	PG_RETURN_VARBIT_P(Resize(arg, len));
}

/* ---- comparison (bit and varbit alike) ---- */

Datum biteq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Equal(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)));
}

Datum bitne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Equal(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)));
}

Datum bitlt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)) < 0);
}

Datum bitle(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)) <= 0);
}

Datum bitgt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)) > 0);
}

Datum bitge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)) >= 0);
}

Datum bitcmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)));
}

/* ---- operators ---- */

Datum bit_and(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(Bitwise(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1), BitOp::kAnd));
}

Datum bit_or(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(Bitwise(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1), BitOp::kOr));
}

Datum bitxor(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(Bitwise(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1), BitOp::kXor));
}

Datum bitnot(PG_FUNCTION_ARGS)
{
	VarBit *arg = PG_GETARG_VARBIT_P(0);
	VarBit *result = MakeVarBit(VARBITLEN(arg));
	for (int i = 0; i < VARBITBYTES(arg); i++)
		VARBITS(result)[i] = static_cast<bits8>(~VARBITS(arg)[i]);
	ClearPadding(result);
	PG_RETURN_VARBIT_P(result);
}

Datum bitshiftleft(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(Shift(PG_GETARG_VARBIT_P(0), PG_GETARG_INT32(1)));
}

Datum bitshiftright(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(Shift(PG_GETARG_VARBIT_P(0), -static_cast<int64>(PG_GETARG_INT32(1))));
}

Datum bitcat(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(Concatenate(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)));
}

/* ---- string functions ---- */

Datum bitsubstr(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(
		Substring(PG_GETARG_VARBIT_P(0), PG_GETARG_INT32(1), PG_GETARG_INT32(2), true));
}

Datum bitsubstr_no_len(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(Substring(PG_GETARG_VARBIT_P(0), PG_GETARG_INT32(1), -1, false));
}

namespace {

VarBit *Overlay(const VarBit *t1, const VarBit *t2, int32 sp, int32 sl)
{
	if (sp <= 0)
		ereport(ERROR, errcode(ERRCODE_SUBSTRING_ERROR),
				errmsg("negative substring length not allowed"));
	int32 sp_pl_sl;
	if (__builtin_add_overflow(sp, sl, &sp_pl_sl))
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("integer out of range"));
	VarBit *head = Substring(t1, 1, sp - 1, true);
	VarBit *tail = Substring(t1, sp_pl_sl, -1, false);
	return Concatenate(Concatenate(head, t2), tail);
}

}  // namespace

Datum bitoverlay(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(Overlay(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1), PG_GETARG_INT32(2),
							   PG_GETARG_INT32(3)));
}

Datum bitoverlay_no_len(PG_FUNCTION_ARGS)
{
	VarBit *t2 = PG_GETARG_VARBIT_P(1);
	PG_RETURN_VARBIT_P(Overlay(PG_GETARG_VARBIT_P(0), t2, PG_GETARG_INT32(2), VARBITLEN(t2)));
}

Datum bitlength(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(VARBITLEN(PG_GETARG_VARBIT_P(0)));
}

Datum bitoctetlength(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(VARBITBYTES(PG_GETARG_VARBIT_P(0)));
}

Datum bit_bit_count(PG_FUNCTION_ARGS)
{
	VarBit *arg = PG_GETARG_VARBIT_P(0);
	int64 count = 0;
	for (int i = 0; i < VARBITBYTES(arg); i++)
		count += std::popcount(static_cast<unsigned>(VARBITS(arg)[i]));
	PG_RETURN_INT64(count);
}

/* position(substr in str): where substr first starts, from 1; 0 if
 * nowhere; 1 for an empty substr (unless str is empty). */
Datum bitposition(PG_FUNCTION_ARGS)
{
	VarBit *str = PG_GETARG_VARBIT_P(0);
	VarBit *sub = PG_GETARG_VARBIT_P(1);
	int32 str_len = VARBITLEN(str);
	int32 sub_len = VARBITLEN(sub);
	if (str_len == 0 || sub_len > str_len)
		PG_RETURN_INT32(0);
	if (sub_len == 0)
		PG_RETURN_INT32(1);
	for (int32 start = 0; start + sub_len <= str_len; start++)
	{
		int32 i = 0;
		while (i < sub_len && GetBit(str, start + i) == GetBit(sub, i))
			i++;
		if (i == sub_len)
			PG_RETURN_INT32(start + 1);
	}
	PG_RETURN_INT32(0);
}

Datum bitgetbit(PG_FUNCTION_ARGS)
{
	VarBit *arg = PG_GETARG_VARBIT_P(0);
	int32 n = PG_GETARG_INT32(1);
	CheckBitIndex(arg, n);
	PG_RETURN_INT32(GetBit(arg, n) ? 1 : 0);
}

Datum bitsetbit(PG_FUNCTION_ARGS)
{
	VarBit *arg = PG_GETARG_VARBIT_P(0);
	int32 n = PG_GETARG_INT32(1);
	int32 new_bit = PG_GETARG_INT32(2);
	CheckBitIndex(arg, n);
	if (new_bit != 0 && new_bit != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("new bit must be 0 or 1"));
	VarBit *result = static_cast<VarBit *>(palloc(VARSIZE(arg)));
	memcpy(result, arg, VARSIZE(arg));
	SetBit(result, n, new_bit == 1);
	PG_RETURN_VARBIT_P(result);
}

/* ---- integer conversions ---- */

Datum bitfromint4(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(FromInteger(PG_GETARG_INT32(0), 32, PG_GETARG_INT32(1)));
}

Datum bitfromint8(PG_FUNCTION_ARGS)
{
	PG_RETURN_VARBIT_P(FromInteger(PG_GETARG_INT64(0), 64, PG_GETARG_INT32(1)));
}

Datum bittoint4(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(
		static_cast<int32>(ToInteger(PG_GETARG_VARBIT_P(0), 32, "integer out of range")));
}

Datum bittoint8(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(
		static_cast<int64>(ToInteger(PG_GETARG_VARBIT_P(0), 64, "bigint out of range")));
}
