/*
 * jsonb.cpp — the jsonb type: its datum, text and binary I/O, ordering,
 * hashing and casts to scalar types.
 *
 * The datum.  A jsonb value is a varlena holding its tree serialized
 * depth first: a kind byte (JsonKind), then for a string or a number a
 * 4-byte length and the bytes (a number's are its numeric datum, header
 * included), for a boolean one byte, for an array the element count and
 * the elements, for an object the pair count and each key (length,
 * bytes) followed by its value.  Lengths are native-endian and read with
 * memcpy, so the datum needs no alignment.  This is Tusk's own layout,
 * not PostgreSQL's JEntry format: jsonb values never leave the server in
 * it (the wire has text, see jsonb_send), but a C module reading a jsonb
 * datum with PostgreSQL's macros would not understand it.
 *
 * Objects are stored as PostgreSQL stores them: keys sorted shorter first
 * and then bytewise, a duplicate key keeping its last value; that is the
 * order jsonb_out prints.  Ordering (jsonb_cmp) is PostgreSQL's: values
 * of different kinds by kind (null < string < number < boolean < array <
 * object), arrays and objects by their size first and then element by
 * element (keys, then values), strings bytewise as the "C" collation,
 * numbers as numerics.  The hash is PostgreSQL's jsonb_hash, so equal
 * values (1 and 1.0) hash alike.
 *
 * Principal entry points: jsonb_in/out/send/recv, jsonb_cmp and the
 * comparison operators, jsonb_hash(_extended), the casts jsonb_bool,
 * jsonb_numeric, jsonb_int2/4/8, jsonb_float4/8, and the helpers in
 * json_internal.h.
 */
#include "json_internal.h"

#include <algorithm>
#include <cstring>

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

namespace tusk::adt::json {

namespace {

void PutLength(std::string *out, size_t n)
{
	auto len = static_cast<uint32>(n);
	out->append(reinterpret_cast<const char *>(&len), sizeof(len));
}

}  // namespace

void EncodeJsonb(std::string *out, const JsonValue &v)
{
	out->push_back(static_cast<char>(v.kind));
	switch (v.kind)
	{
		case JsonKind::Null:
			break;
		case JsonKind::Bool:
			out->push_back(v.boolean ? 1 : 0);
			break;
		case JsonKind::String:
		case JsonKind::Number:
			PutLength(out, v.str.size());
			out->append(v.str);
			break;
		case JsonKind::Array:
			PutLength(out, v.elems.size());
			for (const JsonValue &e : v.elems)
				EncodeJsonb(out, e);
			break;
		case JsonKind::Object:
			PutLength(out, v.elems.size());
			for (size_t i = 0; i < v.elems.size(); i++)
			{
				PutLength(out, v.keys[i].size());
				out->append(v.keys[i]);
				EncodeJsonb(out, v.elems[i]);
			}
			break;
	}
}

namespace {

class Decoder
{
  public:
	Decoder(const char *p, size_t len) : p_(p), end_(p + len) {}

	JsonValue Value()
	{
		JsonValue v;
		v.kind = static_cast<JsonKind>(Byte());
		switch (v.kind)
		{
			case JsonKind::Null:
				break;
			case JsonKind::Bool:
				v.boolean = Byte() != 0;
				break;
			case JsonKind::String:
			case JsonKind::Number:
				v.str = Bytes();
				break;
			case JsonKind::Array:
			{
				uint32 n = Length();
				v.elems.reserve(n);
				for (uint32 i = 0; i < n; i++)
					v.elems.push_back(Value());
				break;
			}
			case JsonKind::Object:
			{
				uint32 n = Length();
				v.keys.reserve(n);
				v.elems.reserve(n);
				for (uint32 i = 0; i < n; i++)
				{
					v.keys.push_back(Bytes());
					v.elems.push_back(Value());
				}
				break;
			}
			default:
				elog(ERROR, "corrupt jsonb datum: unknown kind %d", static_cast<int>(v.kind));
		}
		return v;
	}

  private:
	void Need(size_t n) const
	{
		if (static_cast<size_t>(end_ - p_) < n)
			elog(ERROR, "corrupt jsonb datum: truncated");
	}

	uint8 Byte()
	{
		Need(1);
		return static_cast<uint8>(*p_++);
	}

	uint32 Length()
	{
		Need(sizeof(uint32));
		uint32 n;
		std::memcpy(&n, p_, sizeof(n));
		p_ += sizeof(n);
		return n;
	}

	std::string Bytes()
	{
		uint32 n = Length();
		Need(n);
		std::string s(p_, n);
		p_ += n;
		return s;
	}

	const char *p_;
	const char *end_;
};

/* jsonb's key order: shorter first, then bytewise (lengthCompareJsonbString). */
bool KeyLess(const std::string &a, const std::string &b)
{
	if (a.size() != b.size())
		return a.size() < b.size();
	return std::memcmp(a.data(), b.data(), a.size()) < 0;
}

int CompareNumbers(const JsonValue &a, const JsonValue &b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, JsonbNumeric(a), JsonbNumeric(b)));
}

/* Strings as the "C" collation orders them: bytes, a proper prefix first. */
int CompareStrings(const std::string &a, const std::string &b)
{
	int c = std::memcmp(a.data(), b.data(), Min(a.size(), b.size()));
	if (c != 0)
		return c < 0 ? -1 : 1;
	if (a.size() == b.size())
		return 0;
	return a.size() < b.size() ? -1 : 1;
}

constexpr uint32 kHashArray = 0x40000000;  /* PostgreSQL's JB_FARRAY */
constexpr uint32 kHashObject = 0x20000000; /* JB_FOBJECT */

uint32 RotateLeft(uint32 x)
{
	return (x << 1) | (x >> 31);
}

uint32 ScalarHash(const JsonValue &v)
{
	switch (v.kind)
	{
		case JsonKind::Null:
			return 0x01;
		case JsonKind::String:
			return DatumGetUInt32(hash_any(reinterpret_cast<const unsigned char *>(v.str.data()),
										   static_cast<int>(v.str.size())));
		case JsonKind::Number:
			return DatumGetUInt32(DirectFunctionCall1(hash_numeric, JsonbNumeric(v)));
		case JsonKind::Bool:
			return v.boolean ? 0x02 : 0x04;
		default:
			return 0;
	}
}

/* jsonb_hash's walk: a container's flag, then every key, value and element
 * in storage order, each rotating the hash left by one first. */
void HashValue(const JsonValue &v, uint32 *hash)
{
	if (v.IsScalar())
	{
		*hash = RotateLeft(*hash) ^ ScalarHash(v);
		return;
	}
	*hash ^= v.kind == JsonKind::Array ? kHashArray : kHashObject;
	for (size_t i = 0; i < v.elems.size(); i++)
	{
		if (v.kind == JsonKind::Object)
			*hash = RotateLeft(*hash) ^ ScalarHash(JsonbString(v.keys[i]));
		HashValue(v.elems[i], hash);
	}
}

uint64 ScalarHashExtended(const JsonValue &v, uint64 seed)
{
	switch (v.kind)
	{
		case JsonKind::Null:
			return seed + 0x01;
		case JsonKind::String:
			return DatumGetUInt64(
				hash_any_extended(reinterpret_cast<const unsigned char *>(v.str.data()),
								  static_cast<int>(v.str.size()), seed));
		case JsonKind::Number:
			return DatumGetUInt64(
				DirectFunctionCall2(hash_numeric_extended, JsonbNumeric(v), UInt64GetDatum(seed)));
		case JsonKind::Bool:
			return seed + (v.boolean ? 0x02 : 0x04);
		default:
			return 0;
	}
}

uint64 RotateHalves(uint64 x)
{
	return ((x << 1) & UINT64CONST(0xfffffffefffffffe)) | ((x >> 31) & UINT64CONST(0x100000001));
}

void HashValueExtended(const JsonValue &v, uint64 seed, uint64 *hash)
{
	if (v.IsScalar())
	{
		*hash = RotateHalves(*hash) ^ ScalarHashExtended(v, seed);
		return;
	}
	uint64 flag = v.kind == JsonKind::Array ? kHashArray : kHashObject;
	*hash ^= (flag << 32) | flag;
	for (size_t i = 0; i < v.elems.size(); i++)
	{
		if (v.kind == JsonKind::Object)
			*hash = RotateHalves(*hash) ^ ScalarHashExtended(JsonbString(v.keys[i]), seed);
		HashValueExtended(v.elems[i], seed, hash);
	}
}

/* Top-level values: PostgreSQL stores a scalar as a one-element array and
 * compares an array's size before its being a scalar, so an empty array
 * sorts below every scalar while other arrays sort above them. */
int CompareTop(const JsonValue &a, const JsonValue &b)
{
	if (a.IsScalar() != b.IsScalar() && a.kind != JsonKind::Object && b.kind != JsonKind::Object)
	{
		size_t na = a.IsScalar() ? 1 : a.elems.size();
		size_t nb = b.IsScalar() ? 1 : b.elems.size();
		if (na != nb)
			return na < nb ? -1 : 1;
	}
	return CompareJsonb(a, b);
}

int CompareArgs(FunctionCallInfo fcinfo)
{
	return CompareTop(ArgJsonb(fcinfo, 0), ArgJsonb(fcinfo, 1));
}

const char *KindName(const JsonValue &v)
{
	switch (v.kind)
	{
		case JsonKind::Null:
			return "null";
		case JsonKind::String:
			return "string";
		case JsonKind::Number:
			return "number";
		case JsonKind::Bool:
			return "boolean";
		case JsonKind::Array:
			return "array";
		case JsonKind::Object:
			return "object";
	}
	return "unknown";
}

[[noreturn]] void CannotCast(const JsonValue &v, const char *sqltype)
{
	const char *kind = v.kind == JsonKind::Number ? "numeric" : KindName(v);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot cast jsonb %s to type %s", kind, sqltype)));
}

/* The number a cast from jsonb reads: the value itself or the one element
 * of a scalar (PostgreSQL's raw scalar). */
Datum CastNumber(FunctionCallInfo fcinfo, const char *sqltype)
{
	JsonValue v = ArgJsonb(fcinfo, 0);
	if (v.kind != JsonKind::Number)
		CannotCast(v, sqltype);
	return JsonbNumeric(v);
}

void Indent(StringInfo out, int level)
{
	appendStringInfoChar(out, '\n');
	for (int i = 0; i < level; i++)
		appendStringInfoString(out, "    ");
}

}  // namespace

void NormalizeJsonb(JsonValue *value)
{
	for (JsonValue &e : value->elems)
		NormalizeJsonb(&e);
	if (value->kind != JsonKind::Object || value->elems.empty())
		return;
	size_t n = value->elems.size();
	std::vector<size_t> order(n);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	std::stable_sort(order.begin(), order.end(),
					 [&](size_t a, size_t b) { return KeyLess(value->keys[a], value->keys[b]); });
	std::vector<std::string> keys;
	std::vector<JsonValue> elems;
	keys.reserve(n);
	elems.reserve(n);
	for (size_t i = 0; i < n; i++)
	{
		size_t at = order[i];
		/* Among equal keys (adjacent, in input order) keep the last. */
		if (i + 1 < n && value->keys[order[i + 1]] == value->keys[at])
			continue;
		keys.push_back(std::move(value->keys[at]));
		elems.push_back(std::move(value->elems[at]));
	}
	value->keys = std::move(keys);
	value->elems = std::move(elems);
}

Datum JsonbFromValue(const JsonValue &value)
{
	std::string bytes;
	EncodeJsonb(&bytes, value);
	auto *result = static_cast<varlena *>(palloc(bytes.size() + VARHDRSZ));
	SET_VARSIZE(result, bytes.size() + VARHDRSZ);
	std::memcpy(VARDATA(result), bytes.data(), bytes.size());
	return PointerGetDatum(result);
}

JsonValue JsonbToValue(Datum datum)
{
	varlena *v = PG_DETOAST_DATUM_PACKED(datum);
	Decoder decoder(VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	return decoder.Value();
}

JsonValue ArgJsonb(FunctionCallInfo fcinfo, int n)
{
	return JsonbToValue(PG_GETARG_DATUM(n));
}

JsonValue JsonbString(std::string_view s)
{
	JsonValue v;
	v.kind = JsonKind::String;
	v.str.assign(s.data(), s.size());
	return v;
}

JsonValue NumericToJsonb(Datum numeric)
{
	varlena *n = PG_DETOAST_DATUM(numeric);
	JsonValue v;
	v.kind = JsonKind::Number;
	v.str.assign(reinterpret_cast<const char *>(n), VARSIZE(n));
	return v;
}

Datum JsonbNumeric(const JsonValue &value)
{
	void *copy = palloc(value.str.size());
	std::memcpy(copy, value.str.data(), value.str.size());
	return PointerGetDatum(copy);
}

void AppendJsonb(StringInfo out, const JsonValue &value, bool pretty, int level)
{
	switch (value.kind)
	{
		case JsonKind::Null:
			appendStringInfoString(out, "null");
			return;
		case JsonKind::Bool:
			appendStringInfoString(out, value.boolean ? "true" : "false");
			return;
		case JsonKind::String:
			EscapeJson(out, value.str);
			return;
		case JsonKind::Number:
			appendStringInfoString(out,
								   DatumGetCString(
									   DirectFunctionCall1(numeric_out, JsonbNumeric(value))));
			return;
		case JsonKind::Array:
		case JsonKind::Object:
			break;
	}
	bool object = value.kind == JsonKind::Object;
	appendStringInfoChar(out, object ? '{' : '[');
	for (size_t i = 0; i < value.elems.size(); i++)
	{
		if (i > 0)
			appendStringInfoChar(out, ',');
		if (pretty)
			Indent(out, level + 1);
		else if (i > 0)
			appendStringInfoChar(out, ' ');
		if (object)
		{
			EscapeJson(out, value.keys[i]);
			appendStringInfoString(out, ": ");
		}
		AppendJsonb(out, value.elems[i], pretty, level + 1);
	}
	if (pretty)
		Indent(out, level);
	appendStringInfoChar(out, object ? '}' : ']');
}

int CompareJsonb(const JsonValue &a, const JsonValue &b)
{
	if (a.kind != b.kind)
		return static_cast<uint8>(a.kind) < static_cast<uint8>(b.kind) ? -1 : 1;
	switch (a.kind)
	{
		case JsonKind::Null:
			return 0;
		case JsonKind::Bool:
			return a.boolean == b.boolean ? 0 : (a.boolean ? 1 : -1);
		case JsonKind::String:
			return CompareStrings(a.str, b.str);
		case JsonKind::Number:
			return CompareNumbers(a, b);
		case JsonKind::Array:
		case JsonKind::Object:
			break;
	}
	if (a.elems.size() != b.elems.size())
		return a.elems.size() < b.elems.size() ? -1 : 1;
	for (size_t i = 0; i < a.elems.size(); i++)
	{
		if (a.kind == JsonKind::Object)
		{
			int c = CompareStrings(a.keys[i], b.keys[i]);
			if (c != 0)
				return c;
		}
		int c = CompareJsonb(a.elems[i], b.elems[i]);
		if (c != 0)
			return c;
	}
	return 0;
}

}  // namespace tusk::adt::json

using namespace tusk::adt::json;

Datum jsonb_in(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	ParseOptions options;
	options.numeric = true;
	JsonValue v = ParseJson(s, options);
	NormalizeJsonb(&v);
	return JsonbFromValue(v);
}

Datum jsonb_out(PG_FUNCTION_ARGS)
{
	StringInfoData out;
	initStringInfo(&out);
	AppendJsonb(&out, ArgJsonb(fcinfo, 0), false);
	PG_RETURN_CSTRING(out.data);
}

/* The wire form: a version byte (1) and the text. */
Datum jsonb_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int version = static_cast<int>(pq_getmsgint(buf, 1));
	if (version != 1)
		elog(ERROR, "unsupported jsonb version number %d", version);
	int nbytes;
	char *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	ParseOptions options;
	options.numeric = true;
	JsonValue v = ParseJson(std::string_view(str, static_cast<size_t>(nbytes)), options);
	NormalizeJsonb(&v);
	return JsonbFromValue(v);
}

Datum jsonb_send(PG_FUNCTION_ARGS)
{
	StringInfoData text;
	initStringInfo(&text);
	AppendJsonb(&text, ArgJsonb(fcinfo, 0), false);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint8(&buf, 1);
	pq_sendtext(&buf, text.data, text.len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum jsonb_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) == 0);
}

Datum jsonb_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) != 0);
}

Datum jsonb_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) < 0);
}

Datum jsonb_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) > 0);
}

Datum jsonb_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) <= 0);
}

Datum jsonb_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) >= 0);
}

Datum jsonb_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareArgs(fcinfo));
}

Datum jsonb_hash(PG_FUNCTION_ARGS)
{
	JsonValue v = ArgJsonb(fcinfo, 0);
	if (!v.IsScalar() && v.elems.empty())
		PG_RETURN_INT32(0);
	uint32 hash = 0;
	if (v.IsScalar())
	{
		/* PostgreSQL stores a scalar as a one-element array. */
		hash ^= kHashArray;
	}
	HashValue(v, &hash);
	PG_RETURN_INT32(static_cast<int32>(hash));
}

Datum jsonb_hash_extended(PG_FUNCTION_ARGS)
{
	JsonValue v = ArgJsonb(fcinfo, 0);
	auto seed = static_cast<uint64>(PG_GETARG_INT64(1));
	if (!v.IsScalar() && v.elems.empty())
		PG_RETURN_INT64(static_cast<int64>(seed));
	uint64 hash = 0;
	if (v.IsScalar())
		hash ^= (static_cast<uint64>(kHashArray) << 32) | kHashArray;
	HashValueExtended(v, seed, &hash);
	PG_RETURN_INT64(static_cast<int64>(hash));
}

Datum jsonb_bool(PG_FUNCTION_ARGS)
{
	JsonValue v = ArgJsonb(fcinfo, 0);
	if (v.kind != JsonKind::Bool)
		CannotCast(v, "boolean");
	PG_RETURN_BOOL(v.boolean);
}

Datum jsonb_numeric(PG_FUNCTION_ARGS)
{
	return CastNumber(fcinfo, "numeric");
}

Datum jsonb_int2(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(numeric_int2, CastNumber(fcinfo, "smallint"));
}

Datum jsonb_int4(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(numeric_int4, CastNumber(fcinfo, "integer"));
}

Datum jsonb_int8(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(numeric_int8, CastNumber(fcinfo, "bigint"));
}

Datum jsonb_float4(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(numeric_float4, CastNumber(fcinfo, "real"));
}

Datum jsonb_float8(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(numeric_float8, CastNumber(fcinfo, "double precision"));
}

Datum jsonb_typeof(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(KindName(ArgJsonb(fcinfo, 0))));
}
