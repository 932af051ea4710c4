/*
 * json.cpp — the json type (its text, kept verbatim once checked) and the
 * functions that turn SQL values into JSON: to_json/to_jsonb,
 * row_to_json, array_to_json, json(b)_build_object/array,
 * json(b)_object, and the aggregates json(b)_agg and json(b)_object_agg.
 *
 * A SQL value becomes JSON by its type's category, as in PostgreSQL:
 * booleans and the numeric types (smallint … numeric) unquoted (NaN and
 * the infinities as strings), date, timestamp and timestamptz as ISO 8601
 * strings with a "T" ("2020-01-01T10:00:00+02:00"), json and jsonb as
 * themselves, arrays as (nested) arrays, rows as objects keyed by column
 * name, anything else as the string its output function prints.  json's
 * rendering has PostgreSQL's spacing: "," alone inside arrays and rows,
 * ", " and " : " in json_build_object, "{ … }" in json_object_agg, and
 * the line feeds of the _pretty forms and json_agg over rows or arrays.
 *
 * Principal entry points: json_in/out/send/recv and the functions above;
 * the conversions themselves are DatumToJson and DatumToJsonb
 * (json_internal.h).
 */
#include "json_internal.h"

#include <cstring>

#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "catalog/pg_type_d.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

namespace tusk::adt::json {

namespace {

/* date, timestamp and timestamptz as JSON shows them (JsonEncodeDateTime):
 * ISO 8601 with a "T" (XSD style), or "infinity"/"-infinity". */
std::string EncodeDateTime(Datum value, Oid type)
{
	char buf[MAXDATELEN + 1];
	struct pg_tm tm;
	fsec_t fsec;
	switch (type)
	{
		case DATEOID:
		{
			DateADT date = DatumGetDateADT(value);
			if (DATE_NOT_FINITE(date))
				EncodeSpecialDate(date, buf);
			else
			{
				j2date(date + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
				EncodeDateOnly(&tm, USE_XSD_DATES, buf);
			}
			break;
		}
		case TIMESTAMPOID:
		{
			Timestamp ts = DatumGetTimestamp(value);
			if (TIMESTAMP_NOT_FINITE(ts))
				EncodeSpecialTimestamp(ts, buf);
			else if (timestamp2tm(ts, nullptr, &tm, &fsec, nullptr, nullptr) == 0)
				::EncodeDateTime(&tm, fsec, false, 0, nullptr, USE_XSD_DATES, buf);
			else
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
						 errmsg("timestamp out of range")));
			break;
		}
		default:
		{
			TimestampTz ts = DatumGetTimestampTz(value);
			int tz;
			if (TIMESTAMP_NOT_FINITE(ts))
				EncodeSpecialTimestamp(ts, buf);
			else if (timestamp2tm(ts, &tz, &tm, &fsec, nullptr, nullptr) == 0)
				::EncodeDateTime(&tm, fsec, true, tz, nullptr, USE_XSD_DATES, buf);
			else
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
						 errmsg("timestamp out of range")));
			break;
		}
	}
	return buf;
}

/* Whether s is one JSON number token (not NaN, Infinity, …). */
bool IsValidJsonNumber(const char *s)
{
	auto digits = [&s]() {
		const char *start = s;
		while (*s >= '0' && *s <= '9')
			s++;
		return s > start;
	};
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (!(*s >= '1' && *s <= '9') || !digits())
		return false;
	if (*s == '.')
	{
		s++;
		if (!digits())
			return false;
	}
	if (*s == 'e' || *s == 'E')
	{
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!digits())
			return false;
	}
	return *s == '\0';
}

[[noreturn]] void KeyNotScalar()
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("key value must be scalar, not array, composite, or json")));
}

/* A row's columns, deformed, with its descriptor. */
struct RowColumns
{
	TupleDesc desc;
	Datum *values;
	bool *nulls;
};

RowColumns DeformRow(Datum composite)
{
	HeapTupleData tuple;
	heap_composite_datum_as_tuple(composite, &tuple);
	RowColumns row;
	row.desc = lookup_rowtype_tupdesc_copy(HeapTupleHeaderGetTypeId(tuple.t_data),
										   HeapTupleHeaderGetTypMod(tuple.t_data));
	int n = Max(row.desc->natts, 1);
	row.values = static_cast<Datum *>(palloc(n * sizeof(Datum)));
	row.nulls = static_cast<bool *>(palloc(n * sizeof(bool)));
	heap_deform_tuple(&tuple, row.desc, row.values, row.nulls);
	return row;
}

/* An array's elements with its element type's category. */
struct ArrayElements
{
	int ndim;
	int *dims;
	Datum *values;
	bool *nulls;
	int count;
	JsonTypeInfo info;
};

ArrayElements DeconstructArray(Datum array)
{
	ArrayType *arr = DatumGetArrayTypeP(array);
	ArrayElements e;
	Oid elemtype = ARR_ELEMTYPE(arr);
	e.ndim = ARR_NDIM(arr);
	e.dims = ARR_DIMS(arr);
	int16 typlen;
	bool typbyval;
	char typalign;
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(arr, elemtype, typlen, typbyval, typalign, &e.values, &e.nulls, &e.count);
	e.info = CategorizeType(elemtype);
	return e;
}

void ArrayDimToJson(StringInfo out, const ArrayElements &e, int dim, int *at, bool line_feeds)
{
	appendStringInfoChar(out, '[');
	for (int i = 0; i < e.dims[dim]; i++)
	{
		if (i > 0)
			appendStringInfoString(out, line_feeds ? ",\n " : ",");
		if (dim + 1 == e.ndim)
		{
			DatumToJson(e.values[*at], e.nulls[*at], e.info, out, false);
			(*at)++;
		}
		else
			ArrayDimToJson(out, e, dim + 1, at, false);
	}
	appendStringInfoChar(out, ']');
}

void ArrayToJson(Datum array, StringInfo out, bool line_feeds)
{
	ArrayElements e = DeconstructArray(array);
	if (e.ndim <= 0)
	{
		appendStringInfoString(out, "[]");
		return;
	}
	int at = 0;
	ArrayDimToJson(out, e, 0, &at, line_feeds);
}

void CompositeToJson(Datum composite, StringInfo out, bool line_feeds)
{
	RowColumns row = DeformRow(composite);
	appendStringInfoChar(out, '{');
	bool sep = false;
	for (int i = 0; i < row.desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(row.desc, i);
		if (att->attisdropped)
			continue;
		if (sep)
			appendStringInfoString(out, line_feeds ? ",\n " : ",");
		sep = true;
		EscapeJson(out, NameStr(att->attname));
		appendStringInfoChar(out, ':');
		JsonTypeInfo info;
		if (row.nulls[i])
			info.category = JsonTypeCategory::Null;
		else
			info = CategorizeType(att->atttypid);
		DatumToJson(row.values[i], row.nulls[i], info, out, false);
	}
	appendStringInfoChar(out, '}');
}

JsonValue ArrayDimToJsonb(const ArrayElements &e, int dim, int *at)
{
	JsonValue v;
	v.kind = JsonKind::Array;
	for (int i = 0; i < e.dims[dim]; i++)
	{
		if (dim + 1 == e.ndim)
		{
			v.elems.push_back(DatumToJsonb(e.values[*at], e.nulls[*at], e.info, false));
			(*at)++;
		}
		else
			v.elems.push_back(ArrayDimToJsonb(e, dim + 1, at));
	}
	return v;
}

std::string OutputText(const JsonTypeInfo &info, Datum value)
{
	return OidOutputFunctionCall(info.output_func, value);
}

/* The arguments of a VARIADIC "any" function from argument first on: the
 * call's own arguments, or the elements of the array a VARIADIC call
 * passed (NULL array: nargs -1). */
struct VariadicArgs
{
	int nargs = 0;
	std::vector<Datum> values;
	std::vector<bool> nulls;
	std::vector<Oid> types;
};

VariadicArgs ExtractVariadicArgs(FunctionCallInfo fcinfo, int first)
{
	VariadicArgs a;
	if (get_fn_expr_variadic(fcinfo->flinfo))
	{
		if (PG_ARGISNULL(first))
		{
			a.nargs = -1;
			return a;
		}
		ArrayType *arr = PG_GETARG_ARRAYTYPE_P(first);
		Oid elemtype = ARR_ELEMTYPE(arr);
		int16 typlen;
		bool typbyval;
		char typalign;
		get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
		Datum *values;
		bool *nulls;
		int n;
		deconstruct_array(arr, elemtype, typlen, typbyval, typalign, &values, &nulls, &n);
		for (int i = 0; i < n; i++)
		{
			a.values.push_back(values[i]);
			a.nulls.push_back(nulls[i]);
			a.types.push_back(elemtype);
		}
		a.nargs = n;
		return a;
	}
	for (int i = first; i < PG_NARGS(); i++)
	{
		a.values.push_back(PG_ARGISNULL(i) ? Datum(0) : PG_GETARG_DATUM(i));
		a.nulls.push_back(PG_ARGISNULL(i));
		a.types.push_back(ArgType(fcinfo, i));
	}
	a.nargs = PG_NARGS() - first;
	return a;
}

void CheckPairs(const VariadicArgs &a, const char *fname)
{
	if (a.nargs % 2 != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("argument list must have even number of elements"),
				 errhint("The arguments of %s must consist of alternating keys and values.",
						 fname)));
}

Datum ReturnText(StringInfo s)
{
	PG_RETURN_TEXT_P(cstring_to_text_with_len(s->data, s->len));
}

/* ---- aggregate states (in the aggregate's memory context) ---- */

/* json_agg, json_object_agg: the text so far and the arguments' categories. */
struct JsonAggState
{
	StringInfo str;
	JsonTypeInfo key;
	JsonTypeInfo val;
};

/* jsonb_agg, jsonb_object_agg: the encoded elements (or key, value pairs)
 * so far, which the final function wraps into an array or object. */
struct JsonbAggState
{
	StringInfo buf;
	uint32 count;
	JsonTypeInfo key;
	JsonTypeInfo val;
};

MemoryContext AggContext(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcontext;
	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s called in non-aggregate context", fname);
	return aggcontext;
}

JsonTypeInfo ArgInfo(FunctionCallInfo fcinfo, int n, bool one_arg)
{
	Oid type = get_fn_expr_argtype(fcinfo->flinfo, n);
	if (!OidIsValid(type))
	{
		if (one_arg)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("could not determine input data type")));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("could not determine data type for argument %d", n)));
	}
	return CategorizeType(type);
}

void AppendEncoded(StringInfo buf, const JsonValue &v)
{
	std::string bytes;
	EncodeJsonb(&bytes, v);
	appendBinaryStringInfo(buf, bytes.data(), static_cast<int>(bytes.size()));
}

/* The container whose encoded members are state's buffer. */
JsonValue FinishJsonbAgg(const JsonbAggState *state, JsonKind kind)
{
	std::string bytes;
	bytes.push_back(static_cast<char>(kind));
	uint32 n = state->count;
	bytes.append(reinterpret_cast<const char *>(&n), sizeof(n));
	bytes.append(state->buf->data, static_cast<size_t>(state->buf->len));
	auto *datum = static_cast<varlena *>(palloc(bytes.size() + VARHDRSZ));
	SET_VARSIZE(datum, bytes.size() + VARHDRSZ);
	std::memcpy(VARDATA(datum), bytes.data(), bytes.size());
	JsonValue v = JsonbToValue(PointerGetDatum(datum));
	NormalizeJsonb(&v);
	return v;
}

/* json_object / jsonb_object: keys and values from a text array of pairs
 * (one dimension, even length, or two dimensions of two columns) or from
 * two arrays. */
void ObjectPairs(FunctionCallInfo fcinfo, std::vector<std::string> *keys,
				 std::vector<std::string> *values, std::vector<bool> *nulls)
{
	auto texts = [](ArrayType *arr, Datum **v, bool **n, int *count) {
		deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, v, n, count);
	};
	if (PG_NARGS() == 1)
	{
		ArrayType *arr = PG_GETARG_ARRAYTYPE_P(0);
		int ndim = ARR_NDIM(arr);
		if (ndim == 1)
		{
			if (ARR_DIMS(arr)[0] % 2 != 0)
				ereport(ERROR,
						(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
						 errmsg("array must have even number of elements")));
		}
		else if (ndim == 2)
		{
			if (ARR_DIMS(arr)[1] != 2)
				ereport(ERROR,
						(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
						 errmsg("array must have two columns")));
		}
		else if (ndim != 0)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("wrong number of array subscripts")));
		Datum *v;
		bool *n;
		int count = 0;
		if (ndim > 0)
			texts(arr, &v, &n, &count);
		for (int i = 0; i + 1 < count; i += 2)
		{
			if (n[i])
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("null value not allowed for object key")));
			keys->push_back(TextDatumGetCString(v[i]));
			nulls->push_back(n[i + 1]);
			values->push_back(n[i + 1] ? std::string() : TextDatumGetCString(v[i + 1]));
		}
		return;
	}
	ArrayType *karr = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType *varr = PG_GETARG_ARRAYTYPE_P(1);
	if (ARR_NDIM(karr) > 1 || ARR_NDIM(varr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("wrong number of array subscripts")));
	Datum *kv;
	bool *kn;
	int kcount = 0;
	Datum *vv;
	bool *vn;
	int vcount = 0;
	if (ARR_NDIM(karr) > 0)
		texts(karr, &kv, &kn, &kcount);
	if (ARR_NDIM(varr) > 0)
		texts(varr, &vv, &vn, &vcount);
	if (kcount != vcount)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR), errmsg("mismatched array dimensions")));
	for (int i = 0; i < kcount; i++)
	{
		if (kn[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("null value not allowed for object key")));
		keys->push_back(TextDatumGetCString(kv[i]));
		nulls->push_back(vn[i]);
		values->push_back(vn[i] ? std::string() : TextDatumGetCString(vv[i]));
	}
}

}  // namespace

void EscapeJson(StringInfo out, std::string_view s)
{
	appendStringInfoChar(out, '"');
	for (char c : s)
	{
		switch (c)
		{
			case '\b':
				appendStringInfoString(out, "\\b");
				break;
			case '\f':
				appendStringInfoString(out, "\\f");
				break;
			case '\n':
				appendStringInfoString(out, "\\n");
				break;
			case '\r':
				appendStringInfoString(out, "\\r");
				break;
			case '\t':
				appendStringInfoString(out, "\\t");
				break;
			case '"':
				appendStringInfoString(out, "\\\"");
				break;
			case '\\':
				appendStringInfoString(out, "\\\\");
				break;
			default:
				if (static_cast<unsigned char>(c) < ' ')
					appendStringInfo(out, "\\u%04x", static_cast<int>(c));
				else
					appendStringInfoChar(out, c);
				break;
		}
	}
	appendStringInfoChar(out, '"');
}

std::string ScalarText(const JsonValue &value, bool *is_null)
{
	*is_null = false;
	switch (value.kind)
	{
		case JsonKind::Null:
			*is_null = true;
			return {};
		case JsonKind::Bool:
			return value.boolean ? "true" : "false";
		default:
			return value.str;
	}
}

std::string_view Span(std::string_view source, const JsonValue &value)
{
	return source.substr(static_cast<size_t>(value.start),
						 static_cast<size_t>(value.end - value.start));
}

text *TextFromString(std::string_view s)
{
	return cstring_to_text_with_len(s.data(), static_cast<int>(s.size()));
}

std::string_view TextView(const text *t)
{
	return {VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)};
}

Oid ArgType(FunctionCallInfo fcinfo, int n)
{
	Oid type = get_fn_expr_argtype(fcinfo->flinfo, n);
	if (!OidIsValid(type))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("could not determine data type for argument %d", n + 1)));
	return type;
}

JsonTypeInfo CategorizeType(Oid type)
{
	JsonTypeInfo info;
	info.type = type;
	switch (type)
	{
		case BOOLOID:
			info.category = JsonTypeCategory::Bool;
			break;
		case INT2OID:
		case INT4OID:
		case INT8OID:
		case FLOAT4OID:
		case FLOAT8OID:
		case NUMERICOID:
			info.category = JsonTypeCategory::Numeric;
			break;
		case DATEOID:
			info.category = JsonTypeCategory::Date;
			return info;
		case TIMESTAMPOID:
			info.category = JsonTypeCategory::Timestamp;
			return info;
		case TIMESTAMPTZOID:
			info.category = JsonTypeCategory::Timestamptz;
			return info;
		case JSONOID:
			info.category = JsonTypeCategory::Json;
			break;
		case JSONBOID:
			info.category = JsonTypeCategory::Jsonb;
			break;
		default:
			if (OidIsValid(get_element_type(type)) || type == ANYARRAYOID || type == RECORDARRAYOID)
				info.category = JsonTypeCategory::Array;
			else if (type == RECORDOID || get_typtype(type) == TYPTYPE_COMPOSITE)
				info.category = JsonTypeCategory::Composite;
			else
				info.category = JsonTypeCategory::Other;
			break;
	}
	if (info.category != JsonTypeCategory::Array && info.category != JsonTypeCategory::Composite)
	{
		bool is_varlena;
		getTypeOutputInfo(type, &info.output_func, &is_varlena);
	}
	return info;
}

void DatumToJson(Datum value, bool is_null, const JsonTypeInfo &info, StringInfo out,
				 bool key_scalar)
{
	check_stack_depth();
	if (is_null || info.category == JsonTypeCategory::Null)
	{
		appendStringInfoString(out, "null");
		return;
	}
	if (key_scalar &&
		(info.category == JsonTypeCategory::Array || info.category == JsonTypeCategory::Composite ||
		 info.category == JsonTypeCategory::Json || info.category == JsonTypeCategory::Jsonb))
		KeyNotScalar();
	switch (info.category)
	{
		case JsonTypeCategory::Array:
			ArrayToJson(value, out, false);
			break;
		case JsonTypeCategory::Composite:
			CompositeToJson(value, out, false);
			break;
		case JsonTypeCategory::Bool:
		{
			const char *s = DatumGetBool(value) ? "true" : "false";
			if (key_scalar)
				EscapeJson(out, s);
			else
				appendStringInfoString(out, s);
			break;
		}
		case JsonTypeCategory::Numeric:
		{
			std::string s = OutputText(info, value);
			if (!key_scalar && IsValidJsonNumber(s.c_str()))
				appendBinaryStringInfo(out, s.data(), static_cast<int>(s.size()));
			else
				EscapeJson(out, s);
			break;
		}
		case JsonTypeCategory::Date:
		case JsonTypeCategory::Timestamp:
		case JsonTypeCategory::Timestamptz:
			appendStringInfoChar(out, '"');
			appendStringInfoString(out, EncodeDateTime(value, info.type).c_str());
			appendStringInfoChar(out, '"');
			break;
		case JsonTypeCategory::Json:
		case JsonTypeCategory::Jsonb:
			appendStringInfoString(out, OutputText(info, value).c_str());
			break;
		case JsonTypeCategory::Other:
		case JsonTypeCategory::Null:
			EscapeJson(out, OutputText(info, value));
			break;
	}
}

JsonValue DatumToJsonb(Datum value, bool is_null, const JsonTypeInfo &info, bool key_scalar)
{
	check_stack_depth();
	JsonValue v;
	if (is_null || info.category == JsonTypeCategory::Null)
		return v;
	if (key_scalar &&
		(info.category == JsonTypeCategory::Array || info.category == JsonTypeCategory::Composite ||
		 info.category == JsonTypeCategory::Json || info.category == JsonTypeCategory::Jsonb))
		KeyNotScalar();
	switch (info.category)
	{
		case JsonTypeCategory::Array:
		{
			ArrayElements e = DeconstructArray(value);
			if (e.ndim <= 0)
			{
				v.kind = JsonKind::Array;
				return v;
			}
			int at = 0;
			return ArrayDimToJsonb(e, 0, &at);
		}
		case JsonTypeCategory::Composite:
		{
			RowColumns row = DeformRow(value);
			v.kind = JsonKind::Object;
			for (int i = 0; i < row.desc->natts; i++)
			{
				Form_pg_attribute att = TupleDescAttr(row.desc, i);
				if (att->attisdropped)
					continue;
				v.keys.emplace_back(NameStr(att->attname));
				JsonTypeInfo col;
				if (row.nulls[i])
					col.category = JsonTypeCategory::Null;
				else
					col = CategorizeType(att->atttypid);
				v.elems.push_back(DatumToJsonb(row.values[i], row.nulls[i], col, false));
			}
			NormalizeJsonb(&v);
			return v;
		}
		case JsonTypeCategory::Bool:
			if (key_scalar)
				return JsonbString(DatumGetBool(value) ? "true" : "false");
			v.kind = JsonKind::Bool;
			v.boolean = DatumGetBool(value);
			return v;
		case JsonTypeCategory::Numeric:
		{
			std::string s = OutputText(info, value);
			if (key_scalar || s.find_first_of("Nn") != std::string::npos)
				return JsonbString(s);
			return NumericToJsonb(DirectFunctionCall3(numeric_in, CStringGetDatum(s.c_str()),
													  ObjectIdGetDatum(InvalidOid),
													  Int32GetDatum(-1)));
		}
		case JsonTypeCategory::Date:
		case JsonTypeCategory::Timestamp:
		case JsonTypeCategory::Timestamptz:
			return JsonbString(EncodeDateTime(value, info.type));
		case JsonTypeCategory::Json:
		{
			ParseOptions options;
			options.numeric = true;
			v = ParseJson(TextView(DatumGetTextPP(value)), options);
			NormalizeJsonb(&v);
			return v;
		}
		case JsonTypeCategory::Jsonb:
			return JsonbToValue(value);
		case JsonTypeCategory::Other:
		case JsonTypeCategory::Null:
			break;
	}
	return JsonbString(OutputText(info, value));
}

}  // namespace tusk::adt::json

using namespace tusk::adt::json;

/* ---- the json type ---- */

Datum json_in(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	ValidateJson(s);
	PG_RETURN_TEXT_P(cstring_to_text(s));
}

Datum json_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(text_to_cstring(PG_GETARG_TEXT_PP(0)));
}

Datum json_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int nbytes;
	char *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	ValidateJson(std::string_view(str, static_cast<size_t>(nbytes)));
	PG_RETURN_TEXT_P(cstring_to_text_with_len(str, nbytes));
}

Datum json_send(PG_FUNCTION_ARGS)
{
	text *t = PG_GETARG_TEXT_PP(0);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendtext(&buf, VARDATA_ANY(t), static_cast<int>(VARSIZE_ANY_EXHDR(t)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum json_typeof(PG_FUNCTION_ARGS)
{
	text *t = PG_GETARG_TEXT_PP(0);
	ParseOptions options;
	options.need_escapes = false;
	JsonValue v = ParseJson(TextView(t), options);
	const char *name = "null";
	switch (v.kind)
	{
		case JsonKind::Object:
			name = "object";
			break;
		case JsonKind::Array:
			name = "array";
			break;
		case JsonKind::String:
			name = "string";
			break;
		case JsonKind::Number:
			name = "number";
			break;
		case JsonKind::Bool:
			name = "boolean";
			break;
		case JsonKind::Null:
			break;
	}
	PG_RETURN_TEXT_P(cstring_to_text(name));
}

/* ---- SQL values to json ---- */

Datum to_json(PG_FUNCTION_ARGS)
{
	JsonTypeInfo info = CategorizeType(ArgType(fcinfo, 0));
	StringInfoData out;
	initStringInfo(&out);
	DatumToJson(PG_GETARG_DATUM(0), false, info, &out, false);
	return ReturnText(&out);
}

Datum to_jsonb(PG_FUNCTION_ARGS)
{
	JsonTypeInfo info = CategorizeType(ArgType(fcinfo, 0));
	return JsonbFromValue(DatumToJsonb(PG_GETARG_DATUM(0), false, info, false));
}

Datum row_to_json(PG_FUNCTION_ARGS)
{
	StringInfoData out;
	initStringInfo(&out);
	CompositeToJson(PG_GETARG_DATUM(0), &out, false);
	return ReturnText(&out);
}

Datum row_to_json_pretty(PG_FUNCTION_ARGS)
{
	StringInfoData out;
	initStringInfo(&out);
	CompositeToJson(PG_GETARG_DATUM(0), &out, PG_GETARG_BOOL(1));
	return ReturnText(&out);
}

Datum array_to_json(PG_FUNCTION_ARGS)
{
	StringInfoData out;
	initStringInfo(&out);
	ArrayToJson(PG_GETARG_DATUM(0), &out, false);
	return ReturnText(&out);
}

Datum array_to_json_pretty(PG_FUNCTION_ARGS)
{
	StringInfoData out;
	initStringInfo(&out);
	ArrayToJson(PG_GETARG_DATUM(0), &out, PG_GETARG_BOOL(1));
	return ReturnText(&out);
}

Datum json_build_object(PG_FUNCTION_ARGS)
{
	VariadicArgs a = ExtractVariadicArgs(fcinfo, 0);
	if (a.nargs < 0)
		PG_RETURN_NULL();
	CheckPairs(a, "json_build_object()");
	StringInfoData out;
	initStringInfo(&out);
	appendStringInfoChar(&out, '{');
	for (int i = 0; i < a.nargs; i += 2)
	{
		if (i > 0)
			appendStringInfoString(&out, ", ");
		if (a.nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("argument %d cannot be null", i + 1),
					 errhint("Object keys should be text.")));
		DatumToJson(a.values[i], false, CategorizeType(a.types[i]), &out, true);
		appendStringInfoString(&out, " : ");
		DatumToJson(a.values[i + 1], a.nulls[i + 1], CategorizeType(a.types[i + 1]), &out, false);
	}
	appendStringInfoChar(&out, '}');
	return ReturnText(&out);
}

Datum json_build_object_noargs(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TEXT_P(cstring_to_text("{}"));
}

Datum json_build_array(PG_FUNCTION_ARGS)
{
	VariadicArgs a = ExtractVariadicArgs(fcinfo, 0);
	if (a.nargs < 0)
		PG_RETURN_NULL();
	StringInfoData out;
	initStringInfo(&out);
	appendStringInfoChar(&out, '[');
	for (int i = 0; i < a.nargs; i++)
	{
		if (i > 0)
			appendStringInfoString(&out, ", ");
		DatumToJson(a.values[i], a.nulls[i], CategorizeType(a.types[i]), &out, false);
	}
	appendStringInfoChar(&out, ']');
	return ReturnText(&out);
}

Datum json_build_array_noargs(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TEXT_P(cstring_to_text("[]"));
}

Datum jsonb_build_object(PG_FUNCTION_ARGS)
{
	VariadicArgs a = ExtractVariadicArgs(fcinfo, 0);
	if (a.nargs < 0)
		PG_RETURN_NULL();
	CheckPairs(a, "jsonb_build_object()");
	JsonValue v;
	v.kind = JsonKind::Object;
	for (int i = 0; i < a.nargs; i += 2)
	{
		if (a.nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("argument %d: key must not be null", i + 1)));
		JsonValue key = DatumToJsonb(a.values[i], false, CategorizeType(a.types[i]), true);
		v.keys.push_back(key.str);
		v.elems.push_back(
			DatumToJsonb(a.values[i + 1], a.nulls[i + 1], CategorizeType(a.types[i + 1]), false));
	}
	NormalizeJsonb(&v);
	return JsonbFromValue(v);
}

Datum jsonb_build_object_noargs(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	JsonValue v;
	v.kind = JsonKind::Object;
	return JsonbFromValue(v);
}

Datum jsonb_build_array(PG_FUNCTION_ARGS)
{
	VariadicArgs a = ExtractVariadicArgs(fcinfo, 0);
	if (a.nargs < 0)
		PG_RETURN_NULL();
	JsonValue v;
	v.kind = JsonKind::Array;
	for (int i = 0; i < a.nargs; i++)
		v.elems.push_back(DatumToJsonb(a.values[i], a.nulls[i], CategorizeType(a.types[i]), false));
	return JsonbFromValue(v);
}

Datum jsonb_build_array_noargs(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	JsonValue v;
	v.kind = JsonKind::Array;
	return JsonbFromValue(v);
}

Datum json_object(PG_FUNCTION_ARGS)
{
	std::vector<std::string> keys;
	std::vector<std::string> values;
	std::vector<bool> nulls;
	ObjectPairs(fcinfo, &keys, &values, &nulls);
	StringInfoData out;
	initStringInfo(&out);
	appendStringInfoChar(&out, '{');
	for (size_t i = 0; i < keys.size(); i++)
	{
		if (i > 0)
			appendStringInfoString(&out, ", ");
		EscapeJson(&out, keys[i]);
		appendStringInfoString(&out, " : ");
		if (nulls[i])
			appendStringInfoString(&out, "null");
		else
			EscapeJson(&out, values[i]);
	}
	appendStringInfoChar(&out, '}');
	return ReturnText(&out);
}

Datum json_object_two_arg(PG_FUNCTION_ARGS)
{
	return json_object(fcinfo);
}

Datum jsonb_object(PG_FUNCTION_ARGS)
{
	std::vector<std::string> keys;
	std::vector<std::string> values;
	std::vector<bool> nulls;
	ObjectPairs(fcinfo, &keys, &values, &nulls);
	JsonValue v;
	v.kind = JsonKind::Object;
	for (size_t i = 0; i < keys.size(); i++)
	{
		v.keys.push_back(keys[i]);
		v.elems.push_back(nulls[i] ? JsonValue() : JsonbString(values[i]));
	}
	NormalizeJsonb(&v);
	return JsonbFromValue(v);
}

Datum jsonb_object_two_arg(PG_FUNCTION_ARGS)
{
	return jsonb_object(fcinfo);
}

/* ---- aggregates ---- */

Datum json_agg_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = AggContext(fcinfo, "json_agg_transfn");
	JsonAggState *state;
	bool first = PG_ARGISNULL(0);
	if (first)
	{
		JsonTypeInfo info = ArgInfo(fcinfo, 1, true);
		MemoryContext old = MemoryContextSwitchTo(aggcontext);
		state = static_cast<JsonAggState *>(palloc0(sizeof(JsonAggState)));
		state->str = makeStringInfo();
		MemoryContextSwitchTo(old);
		state->val = info;
		appendStringInfoChar(state->str, '[');
	}
	else
	{
		state = reinterpret_cast<JsonAggState *>(PG_GETARG_POINTER(0));
		appendStringInfoString(state->str, ", ");
	}
	if (PG_ARGISNULL(1))
	{
		appendStringInfoString(state->str, "null");
		PG_RETURN_POINTER(state);
	}
	if (!first &&
		(state->val.category == JsonTypeCategory::Array ||
		 state->val.category == JsonTypeCategory::Composite))
		appendStringInfoString(state->str, "\n ");
	DatumToJson(PG_GETARG_DATUM(1), false, state->val, state->str, false);
	PG_RETURN_POINTER(state);
}

Datum json_agg_finalfn(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	auto *state = reinterpret_cast<JsonAggState *>(PG_GETARG_POINTER(0));
	StringInfoData out;
	initStringInfo(&out);
	appendBinaryStringInfo(&out, state->str->data, state->str->len);
	appendStringInfoChar(&out, ']');
	return ReturnText(&out);
}

Datum json_object_agg_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = AggContext(fcinfo, "json_object_agg_transfn");
	JsonAggState *state;
	if (PG_ARGISNULL(0))
	{
		MemoryContext old = MemoryContextSwitchTo(aggcontext);
		state = static_cast<JsonAggState *>(palloc0(sizeof(JsonAggState)));
		state->str = makeStringInfo();
		MemoryContextSwitchTo(old);
		state->key = ArgInfo(fcinfo, 1, false);
		state->val = ArgInfo(fcinfo, 2, false);
		appendStringInfoString(state->str, "{ ");
	}
	else
	{
		state = reinterpret_cast<JsonAggState *>(PG_GETARG_POINTER(0));
		appendStringInfoString(state->str, ", ");
	}
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("field name must not be null")));
	DatumToJson(PG_GETARG_DATUM(1), false, state->key, state->str, true);
	appendStringInfoString(state->str, " : ");
	DatumToJson(PG_ARGISNULL(2) ? Datum(0) : PG_GETARG_DATUM(2), PG_ARGISNULL(2), state->val,
				state->str, false);
	PG_RETURN_POINTER(state);
}

Datum json_object_agg_finalfn(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	auto *state = reinterpret_cast<JsonAggState *>(PG_GETARG_POINTER(0));
	StringInfoData out;
	initStringInfo(&out);
	appendBinaryStringInfo(&out, state->str->data, state->str->len);
	appendStringInfoString(&out, " }");
	return ReturnText(&out);
}

Datum jsonb_agg_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = AggContext(fcinfo, "jsonb_agg_transfn");
	JsonbAggState *state;
	if (PG_ARGISNULL(0))
	{
		JsonTypeInfo info = ArgInfo(fcinfo, 1, true);
		MemoryContext old = MemoryContextSwitchTo(aggcontext);
		state = static_cast<JsonbAggState *>(palloc0(sizeof(JsonbAggState)));
		state->buf = makeStringInfo();
		MemoryContextSwitchTo(old);
		state->val = info;
	}
	else
		state = reinterpret_cast<JsonbAggState *>(PG_GETARG_POINTER(0));
	JsonValue v = DatumToJsonb(PG_ARGISNULL(1) ? Datum(0) : PG_GETARG_DATUM(1), PG_ARGISNULL(1),
							   state->val, false);
	AppendEncoded(state->buf, v);
	state->count++;
	PG_RETURN_POINTER(state);
}

Datum jsonb_agg_finalfn(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	return JsonbFromValue(
		FinishJsonbAgg(reinterpret_cast<JsonbAggState *>(PG_GETARG_POINTER(0)), JsonKind::Array));
}

Datum jsonb_object_agg_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = AggContext(fcinfo, "jsonb_object_agg_transfn");
	JsonbAggState *state;
	if (PG_ARGISNULL(0))
	{
		JsonTypeInfo key = ArgInfo(fcinfo, 1, false);
		JsonTypeInfo val = ArgInfo(fcinfo, 2, false);
		MemoryContext old = MemoryContextSwitchTo(aggcontext);
		state = static_cast<JsonbAggState *>(palloc0(sizeof(JsonbAggState)));
		state->buf = makeStringInfo();
		MemoryContextSwitchTo(old);
		state->key = key;
		state->val = val;
	}
	else
		state = reinterpret_cast<JsonbAggState *>(PG_GETARG_POINTER(0));
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("field name must not be null")));
	JsonValue key = DatumToJsonb(PG_GETARG_DATUM(1), false, state->key, true);
	JsonValue v = DatumToJsonb(PG_ARGISNULL(2) ? Datum(0) : PG_GETARG_DATUM(2), PG_ARGISNULL(2),
							   state->val, false);
	uint32 klen = static_cast<uint32>(key.str.size());
	appendBinaryStringInfo(state->buf, reinterpret_cast<const char *>(&klen), sizeof(klen));
	appendBinaryStringInfo(state->buf, key.str.data(), static_cast<int>(klen));
	AppendEncoded(state->buf, v);
	state->count++;
	PG_RETURN_POINTER(state);
}

Datum jsonb_object_agg_finalfn(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	return JsonbFromValue(
		FinishJsonbAgg(reinterpret_cast<JsonbAggState *>(PG_GETARG_POINTER(0)), JsonKind::Object));
}
