/*
 * json_internal.h — what json.cpp, jsonb.cpp and jsonfuncs.cpp share: the
 * parsed form of a JSON document (JsonValue), the parser with
 * PostgreSQL's errors, the jsonb datum's layout, output, ordering and
 * the conversion of any SQL value to JSON.
 *
 * A JsonValue is a plain tree in C++ containers; every function parses
 * (json) or decodes (jsonb) its argument into one, works on the tree and
 * writes the result back.  Numbers keep their text in a json value and
 * are numeric datums (their varlena bytes) in a jsonb value; strings are
 * unescaped when the parse asks for it.  For json values the tree also
 * records where each value's text starts and ends in the source, so
 * json's operators return sub-documents verbatim, as PostgreSQL's do.
 */
#ifndef TUSK_ADT_JSON_INTERNAL_H
#define TUSK_ADT_JSON_INTERNAL_H

#include "postgres.h"

#include <string>
#include <string_view>
#include <vector>

#include "fmgr.h"
#include "lib/stringinfo.h"

namespace tusk::adt::json {

/* The kinds, in jsonb's sort order of differently typed values (PostgreSQL's
 * jbvType order: null < string < number < boolean < array < object). */
enum class JsonKind : uint8
{
	Null = 0,
	String = 1,
	Number = 2,
	Bool = 3,
	Array = 0x10,
	Object = 0x11,
};

struct JsonValue
{
	JsonKind kind = JsonKind::Null;
	bool boolean = false;
	/* String: its characters (unescaped when parsed with need_escapes,
	 * else the text between the quotes).  Number: the token's text (json)
	 * or the numeric datum's varlena bytes (jsonb). */
	std::string str;
	/* Object: keys[i] names elems[i].  Array: elems only. */
	std::vector<std::string> keys;
	std::vector<JsonValue> elems;
	/* json only: the value's text is source[start, end). */
	int start = 0;
	int end = 0;

	bool IsScalar() const { return kind != JsonKind::Array && kind != JsonKind::Object; }
};

struct ParseOptions
{
	/* Decode string escapes, rejecting what PostgreSQL rejects then
	 * (\u0000, unpaired surrogates); json_in checks only their syntax. */
	bool need_escapes = true;
	/* Numbers become numeric datums (jsonb). */
	bool numeric = false;
};

/* Parses text as JSON; ERROR 22P02 "invalid input syntax for type json"
 * with PostgreSQL's DETAIL and CONTEXT lines on malformed input. */
JsonValue ParseJson(std::string_view text, const ParseOptions &options);
/* Only checks text (json_in). */
void ValidateJson(std::string_view text);

/* ---- jsonb datums ---- */
/* Sorts an object's keys as jsonb stores them (shorter first, then
 * bytewise) keeping the last of duplicates; recursively. */
void NormalizeJsonb(JsonValue *value);
/* Appends the encoding of value (jsonb.cpp's layout) to out. */
void EncodeJsonb(std::string *out, const JsonValue &value);
/* Encodes a (normalized) value as a jsonb datum, palloc'd. */
Datum JsonbFromValue(const JsonValue &value);
/* Decodes a jsonb datum (any varlena header). */
JsonValue JsonbToValue(Datum datum);
JsonValue ArgJsonb(FunctionCallInfo fcinfo, int n);
/* For jsonb subscripting (jsonbsubs.cpp): the value at path as #> finds
 * it (nullptr if none); newval assigned at path as jsonb[…] := does it,
 * making what is missing on the way (jsonfuncs.cpp). */
const JsonValue *JsonbGetElement(const JsonValue &root, const std::vector<std::string> &path);
void JsonbSetElement(JsonValue *root, const std::vector<std::string> &path,
					 const JsonValue &newval);
/* jsonb's text form: ", " and ": " between items; indent > 0 pretty-prints. */
void AppendJsonb(StringInfo out, const JsonValue &value, bool pretty, int level = 0);
/* PostgreSQL's jsonb order: -1, 0 or 1. */
int CompareJsonb(const JsonValue &a, const JsonValue &b);
/* A jsonb number from a numeric datum / the numeric datum of a number. */
JsonValue NumericToJsonb(Datum numeric);
Datum JsonbNumeric(const JsonValue &value);
JsonValue JsonbString(std::string_view s);

/* ---- json text ---- */
/* Appends s as a JSON string literal, escaped as PostgreSQL's escape_json. */
void EscapeJson(StringInfo out, std::string_view s);
/* The text of a scalar: a string's characters, a number's text, true/false;
 * is_null for JSON null. */
std::string ScalarText(const JsonValue &value, bool *is_null);
/* A json value's text from its source (arguments' verbatim spans). */
std::string_view Span(std::string_view source, const JsonValue &value);

/* ---- SQL values to JSON (to_json, the build functions, the aggregates) ---- */
enum class JsonTypeCategory : uint8
{
	Null,
	Bool,
	Numeric,
	Date,
	Timestamp,
	Timestamptz,
	Json,
	Jsonb,
	Array,
	Composite,
	Other,
};

struct JsonTypeInfo
{
	JsonTypeCategory category = JsonTypeCategory::Other;
	Oid type = InvalidOid;
	Oid output_func = InvalidOid;
};

JsonTypeInfo CategorizeType(Oid type);
/* Appends the JSON text of a datum (json's rendering: no spaces inside
 * arrays and rows).  key_scalar: an object key, which must be a scalar and
 * is always quoted. */
void DatumToJson(Datum value, bool is_null, const JsonTypeInfo &info, StringInfo out,
				 bool key_scalar);
/* The jsonb value of a datum. */
JsonValue DatumToJsonb(Datum value, bool is_null, const JsonTypeInfo &info, bool key_scalar);
/* The type of argument n of the call, checked to be known. */
Oid ArgType(FunctionCallInfo fcinfo, int n);

text *TextFromString(std::string_view s);
std::string_view TextView(const text *t);

}  // namespace tusk::adt::json

#endif
