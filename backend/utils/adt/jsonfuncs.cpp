/*
 * jsonfuncs.cpp — the json and jsonb operators and functions that take
 * documents apart or change them: -> ->> #> #>> (json(b)_object_field,
 * _array_element, _extract_path and their _text forms), json(b)_each
 * (_text), json(b)_array_elements(_text), json(b)_object_keys,
 * json(b)_array_length, json(b)_strip_nulls, jsonb_pretty, and jsonb's
 * @> <@ ? ?| ?& || - #- jsonb_set and jsonb_insert.
 *
 * json arguments are parsed (with string escapes decoded) and the parts
 * returned as json are their source text, verbatim, as PostgreSQL returns
 * them; the first of duplicate keys is shadowed by the last.  jsonb
 * arguments are decoded into the tree, changed, and encoded again.
 * Errors are PostgreSQL's ("cannot call jsonb_each on a non-object",
 * "cannot delete from scalar", "path element at position 2 is not an
 * integer: \"x\"", …).
 *
 * Principal entry points: the SQL-callable functions below.
 */
#include "json_internal.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>

#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

using namespace tusk::adt::json;

namespace {

/* A json argument: its text and its tree (spans into the text). */
struct JsonArg
{
	std::string_view source;
	JsonValue value;
};

JsonArg ArgJson(FunctionCallInfo fcinfo, int n)
{
	JsonArg a;
	a.source = TextView(PG_GETARG_TEXT_PP(n));
	a.value = ParseJson(a.source, ParseOptions());
	return a;
}

const JsonValue *ObjectField(const JsonValue &v, std::string_view key)
{
	if (v.kind != JsonKind::Object)
		return nullptr;
	/* The last of duplicate keys (json keeps them all). */
	for (size_t i = v.keys.size(); i-- > 0;)
		if (v.keys[i] == key)
			return &v.elems[i];
	return nullptr;
}

const JsonValue *ArrayElement(const JsonValue &v, int64 index)
{
	if (v.kind != JsonKind::Array)
		return nullptr;
	auto n = static_cast<int64>(v.elems.size());
	if (index < 0)
		index += n;
	if (index < 0 || index >= n)
		return nullptr;
	return &v.elems[static_cast<size_t>(index)];
}

/* A path element read as an array subscript: the whole text an int. */
std::optional<int64> PathIndex(const char *s)
{
	char *end;
	errno = 0;
	long value = std::strtol(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0 || value > INT_MAX || value < INT_MIN)
		return std::nullopt;
	return value;
}

struct TextArray
{
	std::vector<std::string> values;
	std::vector<bool> nulls;
	int ndim = 0;
};

TextArray ArgTextArray(FunctionCallInfo fcinfo, int n)
{
	ArrayType *arr = PG_GETARG_ARRAYTYPE_P(n);
	TextArray t;
	t.ndim = ARR_NDIM(arr);
	if (t.ndim == 0)
		return t;
	Datum *values;
	bool *nulls;
	int count;
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &values, &nulls, &count);
	for (int i = 0; i < count; i++)
	{
		t.nulls.push_back(nulls[i]);
		t.values.emplace_back(nulls[i] ? std::string()
									   : std::string(TextView(DatumGetTextPP(values[i]))));
	}
	return t;
}

/* The value at a path (#>, json(b)_extract_path), or null: a NULL path
 * element, a missing key, a subscript that is not an integer or out of
 * range, or a scalar in the way. */
const JsonValue *FollowPath(const JsonValue &root, const TextArray &path)
{
	const JsonValue *v = &root;
	for (size_t i = 0; i < path.values.size() && v != nullptr; i++)
	{
		if (path.nulls[i])
			return nullptr;
		if (v->kind == JsonKind::Object)
			v = ObjectField(*v, path.values[i]);
		else if (v->kind == JsonKind::Array)
		{
			std::optional<int64> index = PathIndex(path.values[i].c_str());
			v = index ? ArrayElement(*v, *index) : nullptr;
		}
		else
			return nullptr;
	}
	return v;
}

Datum ReturnJsonSpan(const JsonArg &arg, const JsonValue &v)
{
	PG_RETURN_TEXT_P(TextFromString(Span(arg.source, v)));
}

/* ->> and friends on json: a string's characters, null as NULL, anything
 * else its source text. */
std::optional<std::string> JsonText(const JsonArg &arg, const JsonValue &v)
{
	if (v.kind == JsonKind::Null)
		return std::nullopt;
	if (v.kind == JsonKind::String)
		return v.str;
	return std::string(Span(arg.source, v));
}

/* The same on jsonb: containers and numbers printed as jsonb_out does. */
std::optional<std::string> JsonbText(const JsonValue &v)
{
	switch (v.kind)
	{
		case JsonKind::Null:
			return std::nullopt;
		case JsonKind::String:
			return v.str;
		case JsonKind::Bool:
			return std::string(v.boolean ? "true" : "false");
		default:
		{
			StringInfoData out;
			initStringInfo(&out);
			AppendJsonb(&out, v, false);
			return std::string(out.data, static_cast<size_t>(out.len));
		}
	}
}

Datum ReturnOptionalText(FunctionCallInfo fcinfo, const std::optional<std::string> &s)
{
	if (!s)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(TextFromString(*s));
}

const char *FunctionName(FunctionCallInfo fcinfo)
{
	return get_func_name(fcinfo->flinfo->fn_oid);
}

/* ---- set-returning functions: every row made at the first call ---- */

struct Rows
{
	TupleDesc desc; /* nullptr: one scalar column */
	int count;
	Datum *values; /* scalar rows, or tuples as datums */
	bool *nulls;
};

/* A row of (text key, value) for json(b)_each(_text). */
struct Pair
{
	std::string key;
	std::optional<std::string> text; /* _text forms and json's values */
	Datum jsonb;					 /* jsonb_each's values */
};

Datum ReturnRows(FunctionCallInfo fcinfo, const std::function<void(Rows *)> &fill)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		auto *rows = static_cast<Rows *>(palloc0(sizeof(Rows)));
		fill(rows);
		funcctx->user_fctx = rows;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *rows = static_cast<Rows *>(funcctx->user_fctx);
	if (funcctx->call_cntr >= static_cast<uint64>(rows->count))
		SRF_RETURN_DONE(funcctx);
	auto i = static_cast<int>(funcctx->call_cntr);
	if (rows->nulls[i])
		SRF_RETURN_NEXT_NULL(funcctx);
	Datum result = rows->values[i];
	SRF_RETURN_NEXT(funcctx, result);
}

void FillScalars(Rows *rows, const std::vector<std::optional<Datum>> &values)
{
	rows->count = static_cast<int>(values.size());
	rows->values = static_cast<Datum *>(palloc0(sizeof(Datum) * (values.size() + 1)));
	rows->nulls = static_cast<bool *>(palloc0(sizeof(bool) * (values.size() + 1)));
	for (size_t i = 0; i < values.size(); i++)
	{
		rows->nulls[i] = !values[i].has_value();
		rows->values[i] = values[i].value_or(Datum(0));
	}
}

void FillPairs(Rows *rows, const std::vector<Pair> &pairs, Oid value_type)
{
	TupleDesc desc = CreateTemplateTupleDesc(2);
	TupleDescInitEntry(desc, 1, "key", TEXTOID, -1, 0);
	TupleDescInitEntry(desc, 2, "value", value_type, -1, 0);
	rows->desc = BlessTupleDesc(desc);
	rows->count = static_cast<int>(pairs.size());
	rows->values = static_cast<Datum *>(palloc0(sizeof(Datum) * (pairs.size() + 1)));
	rows->nulls = static_cast<bool *>(palloc0(sizeof(bool) * (pairs.size() + 1)));
	for (size_t i = 0; i < pairs.size(); i++)
	{
		Datum values[2];
		bool nulls[2] = {false, false};
		values[0] = PointerGetDatum(TextFromString(pairs[i].key));
		if (value_type == JSONBOID)
			values[1] = pairs[i].jsonb;
		else if (pairs[i].text)
			values[1] = PointerGetDatum(TextFromString(*pairs[i].text));
		else
		{
			values[1] = Datum(0);
			nulls[1] = true;
		}
		HeapTuple tuple = heap_form_tuple(rows->desc, values, nulls);
		rows->values[i] = heap_copy_tuple_as_datum(tuple, rows->desc);
	}
}

Datum JsonEach(FunctionCallInfo fcinfo, bool as_text)
{
	return ReturnRows(fcinfo, [&](Rows *rows) {
		JsonArg arg = ArgJson(fcinfo, 0);
		if (arg.value.kind == JsonKind::Array)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot deconstruct an array as an object")));
		if (arg.value.kind != JsonKind::Object)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot deconstruct a scalar")));
		std::vector<Pair> pairs;
		for (size_t i = 0; i < arg.value.elems.size(); i++)
		{
			Pair p;
			p.key = arg.value.keys[i];
			if (as_text)
				p.text = JsonText(arg, arg.value.elems[i]);
			else
				p.text = std::string(Span(arg.source, arg.value.elems[i]));
			pairs.push_back(std::move(p));
		}
		FillPairs(rows, pairs, as_text ? TEXTOID : JSONOID);
	});
}

Datum JsonbEach(FunctionCallInfo fcinfo, bool as_text)
{
	return ReturnRows(fcinfo, [&](Rows *rows) {
		JsonValue v = ArgJsonb(fcinfo, 0);
		if (v.kind != JsonKind::Object)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot call %s on a non-object", FunctionName(fcinfo))));
		std::vector<Pair> pairs;
		for (size_t i = 0; i < v.elems.size(); i++)
		{
			Pair p;
			p.key = v.keys[i];
			if (as_text)
				p.text = JsonbText(v.elems[i]);
			else
				p.jsonb = JsonbFromValue(v.elems[i]);
			pairs.push_back(std::move(p));
		}
		FillPairs(rows, pairs, as_text ? TEXTOID : JSONBOID);
	});
}

Datum JsonArrayElements(FunctionCallInfo fcinfo, bool as_text)
{
	return ReturnRows(fcinfo, [&](Rows *rows) {
		JsonArg arg = ArgJson(fcinfo, 0);
		if (arg.value.kind == JsonKind::Object)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot call %s on a non-array", FunctionName(fcinfo))));
		if (arg.value.kind != JsonKind::Array)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot call %s on a scalar", FunctionName(fcinfo))));
		std::vector<std::optional<Datum>> values;
		for (const JsonValue &e : arg.value.elems)
		{
			std::optional<std::string> s = as_text ? JsonText(arg, e)
												   : std::string(Span(arg.source, e));
			if (s)
				values.emplace_back(PointerGetDatum(TextFromString(*s)));
			else
				values.emplace_back(std::nullopt);
		}
		FillScalars(rows, values);
	});
}

Datum JsonbArrayElements(FunctionCallInfo fcinfo, bool as_text)
{
	return ReturnRows(fcinfo, [&](Rows *rows) {
		JsonValue v = ArgJsonb(fcinfo, 0);
		if (v.kind == JsonKind::Object)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot extract elements from an object")));
		if (v.kind != JsonKind::Array)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot extract elements from a scalar")));
		std::vector<std::optional<Datum>> values;
		for (const JsonValue &e : v.elems)
		{
			if (!as_text)
			{
				values.emplace_back(JsonbFromValue(e));
				continue;
			}
			std::optional<std::string> s = JsonbText(e);
			if (s)
				values.emplace_back(PointerGetDatum(TextFromString(*s)));
			else
				values.emplace_back(std::nullopt);
		}
		FillScalars(rows, values);
	});
}

Datum ObjectKeys(FunctionCallInfo fcinfo, bool jsonb)
{
	return ReturnRows(fcinfo, [&](Rows *rows) {
		JsonValue v = jsonb ? ArgJsonb(fcinfo, 0) : ArgJson(fcinfo, 0).value;
		if (v.kind == JsonKind::Array)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot call %s on an array", FunctionName(fcinfo))));
		if (v.kind != JsonKind::Object)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot call %s on a scalar", FunctionName(fcinfo))));
		std::vector<std::optional<Datum>> values;
		for (const std::string &k : v.keys)
			values.emplace_back(PointerGetDatum(TextFromString(k)));
		FillScalars(rows, values);
	});
}

int ArrayLength(const JsonValue &v)
{
	if (v.kind == JsonKind::Object)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot get array length of a non-array")));
	if (v.kind != JsonKind::Array)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot get array length of a scalar")));
	return static_cast<int>(v.elems.size());
}

/* json_strip_nulls' rendering: compact, strings re-escaped, numbers as
 * written. */
void AppendStripped(StringInfo out, const JsonValue &v)
{
	switch (v.kind)
	{
		case JsonKind::Null:
			appendStringInfoString(out, "null");
			return;
		case JsonKind::Bool:
			appendStringInfoString(out, v.boolean ? "true" : "false");
			return;
		case JsonKind::String:
			EscapeJson(out, v.str);
			return;
		case JsonKind::Number:
			appendBinaryStringInfo(out, v.str.data(), static_cast<int>(v.str.size()));
			return;
		case JsonKind::Array:
			appendStringInfoChar(out, '[');
			for (size_t i = 0; i < v.elems.size(); i++)
			{
				if (i > 0)
					appendStringInfoChar(out, ',');
				AppendStripped(out, v.elems[i]);
			}
			appendStringInfoChar(out, ']');
			return;
		case JsonKind::Object:
		{
			appendStringInfoChar(out, '{');
			bool sep = false;
			for (size_t i = 0; i < v.elems.size(); i++)
			{
				if (v.elems[i].kind == JsonKind::Null)
					continue;
				if (sep)
					appendStringInfoChar(out, ',');
				sep = true;
				EscapeJson(out, v.keys[i]);
				appendStringInfoChar(out, ':');
				AppendStripped(out, v.elems[i]);
			}
			appendStringInfoChar(out, '}');
			return;
		}
	}
}

void StripNulls(JsonValue *v)
{
	if (v->kind == JsonKind::Object)
	{
		JsonValue kept;
		kept.kind = JsonKind::Object;
		for (size_t i = 0; i < v->elems.size(); i++)
		{
			if (v->elems[i].kind == JsonKind::Null)
				continue;
			kept.keys.push_back(std::move(v->keys[i]));
			kept.elems.push_back(std::move(v->elems[i]));
		}
		*v = std::move(kept);
	}
	for (JsonValue &e : v->elems)
		StripNulls(&e);
}

/* ---- containment and existence (@>, <@, ?, ?|, ?&) ---- */

bool Contains(const JsonValue &val, const JsonValue &sub);

bool ContainsElement(const JsonValue &array, const JsonValue &want)
{
	for (const JsonValue &e : array.elems)
	{
		if (want.IsScalar())
		{
			if (e.IsScalar() && CompareJsonb(e, want) == 0)
				return true;
		}
		else if (e.kind == want.kind && Contains(e, want))
			return true;
	}
	return false;
}

/* PostgreSQL's JsonbDeepContains: every key of an object with a value the
 * other's contains, every element of an array somewhere in the other. */
bool Contains(const JsonValue &val, const JsonValue &sub)
{
	if (val.kind != sub.kind)
		return false;
	if (val.kind == JsonKind::Object)
	{
		for (size_t i = 0; i < sub.elems.size(); i++)
		{
			const JsonValue *mine = ObjectField(val, sub.keys[i]);
			if (mine == nullptr)
				return false;
			const JsonValue &want = sub.elems[i];
			if (want.IsScalar())
			{
				if (!mine->IsScalar() || CompareJsonb(*mine, want) != 0)
					return false;
			}
			else if (mine->kind != want.kind || !Contains(*mine, want))
				return false;
		}
		return true;
	}
	if (val.kind == JsonKind::Array)
	{
		for (const JsonValue &want : sub.elems)
			if (!ContainsElement(val, want))
				return false;
		return true;
	}
	return CompareJsonb(val, sub) == 0;
}

/* The top level as PostgreSQL sees it: a scalar is a one-element array. */
JsonValue AsContainer(JsonValue v)
{
	if (!v.IsScalar())
		return v;
	JsonValue array;
	array.kind = JsonKind::Array;
	array.elems.push_back(std::move(v));
	return array;
}

bool TopContains(const JsonValue &val, const JsonValue &sub)
{
	/* A scalar contains only itself; an array may contain a scalar. */
	if (val.IsScalar() && !sub.IsScalar())
		return false;
	return Contains(AsContainer(val), AsContainer(sub));
}

bool Exists(const JsonValue &v, std::string_view key)
{
	if (v.kind == JsonKind::Object)
		return ObjectField(v, key) != nullptr;
	JsonValue c = AsContainer(v);
	for (const JsonValue &e : c.elems)
		if (e.kind == JsonKind::String && e.str == key)
			return true;
	return false;
}

/* ---- changes (||, -, #-, jsonb_set, jsonb_insert) ---- */

enum class PathOp : uint8
{
	Replace,	  /* jsonb_set, create_missing false */
	Create,		  /* jsonb_set, create_missing true */
	InsertBefore, /* jsonb_insert */
	InsertAfter,
	Delete, /* #- */
	/* jsonb[…] := (PostgreSQL's JB_PATH_CREATE | JB_PATH_FILL_GAPS |
	 * JB_PATH_CONSISTENT_POSITION): what is missing on the way is made,
	 * an array grows to the index with nulls, an index before its start
	 * is an error, and so is a scalar on the way. */
	Assign,
};

bool Creates(PathOp op)
{
	return op == PathOp::Create || op == PathOp::InsertBefore || op == PathOp::InsertAfter ||
		op == PathOp::Assign;
}

/* What assigning newval at path[level…] makes where nothing is: an
 * object per key, an array per index (nulls up to it), innermost first
 * (PostgreSQL's push_path). */
JsonValue BuildPath(const TextArray &path, size_t level, const JsonValue &newval)
{
	JsonValue value = newval;
	for (size_t i = path.values.size(); i-- > level;)
	{
		JsonValue container;
		if (std::optional<int64> index = PathIndex(path.values[i].c_str()))
		{
			container.kind = JsonKind::Array;
			container.elems.resize(static_cast<size_t>(std::max<int64>(*index, 0)));
			container.elems.push_back(std::move(value));
		}
		else
		{
			container.kind = JsonKind::Object;
			container.keys.push_back(path.values[i]);
			container.elems.push_back(std::move(value));
		}
		value = std::move(container);
	}
	return value;
}

void SetPath(JsonValue *v, const TextArray &path, size_t level, const JsonValue &newval, PathOp op);

void SetPathObject(JsonValue *v, const TextArray &path, size_t level, const JsonValue &newval,
				   PathOp op)
{
	const std::string &key = path.values[level];
	bool last = level == path.values.size() - 1;
	for (size_t i = 0; i < v->keys.size(); i++)
	{
		if (v->keys[i] != key)
			continue;
		if (!last)
		{
			SetPath(&v->elems[i], path, level + 1, newval, op);
			return;
		}
		if (op == PathOp::InsertBefore || op == PathOp::InsertAfter)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot replace existing key"),
					 errhint("Try using the function jsonb_set to replace key value.")));
		if (op == PathOp::Delete)
		{
			v->keys.erase(v->keys.begin() + static_cast<std::ptrdiff_t>(i));
			v->elems.erase(v->elems.begin() + static_cast<std::ptrdiff_t>(i));
		}
		else
			v->elems[i] = newval;
		return;
	}
	if (last && Creates(op))
	{
		v->keys.push_back(key);
		v->elems.push_back(newval);
	}
	else if (op == PathOp::Assign)
	{
		v->keys.push_back(key);
		v->elems.push_back(BuildPath(path, level + 1, newval));
	}
}

void SetPathArray(JsonValue *v, const TextArray &path, size_t level, const JsonValue &newval,
				  PathOp op)
{
	const std::string &elem = path.values[level];
	char *end;
	errno = 0;
	long parsed = std::strtol(elem.c_str(), &end, 10);
	if (end == elem.c_str() || *end != '\0' || errno != 0 || parsed > INT_MAX || parsed < INT_MIN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("path element at position %d is not an integer: \"%s\"",
						static_cast<int>(level + 1), elem.c_str())));
	auto n = static_cast<int64>(v->elems.size());
	int64 idx = parsed;
	bool prepend = false;
	if (idx < 0)
	{
		if (-idx > n && op == PathOp::Assign)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("path element at position %d is out of range: %d",
						   static_cast<int>(level + 1), static_cast<int>(parsed)));
		if (-idx > n)
			prepend = true;
		else
			idx += n;
	}
	bool last = level == path.values.size() - 1;
	if (op == PathOp::Assign && idx >= n)
	{
		/* Past the end: nulls up to the index, then the value. */
		v->elems.resize(static_cast<size_t>(idx));
		v->elems.push_back(last ? newval : BuildPath(path, level + 1, newval));
		return;
	}
	if (idx > n)
		idx = n;
	auto at = [&](int64 i) { return v->elems.begin() + static_cast<std::ptrdiff_t>(i); };
	if ((prepend || n == 0) && last && Creates(op))
	{
		v->elems.insert(v->elems.begin(), newval);
		return;
	}
	if (!prepend && idx < n)
	{
		if (!last)
		{
			SetPath(&v->elems[static_cast<size_t>(idx)], path, level + 1, newval, op);
			return;
		}
		switch (op)
		{
			case PathOp::Replace:
			case PathOp::Create:
			case PathOp::Assign:
				v->elems[static_cast<size_t>(idx)] = newval;
				break;
			case PathOp::InsertBefore:
				v->elems.insert(at(idx), newval);
				break;
			case PathOp::InsertAfter:
				v->elems.insert(at(idx + 1), newval);
				break;
			case PathOp::Delete:
				v->elems.erase(at(idx));
				break;
		}
		return;
	}
	if (last && Creates(op))
		v->elems.push_back(newval);
}

void SetPath(JsonValue *v, const TextArray &path, size_t level, const JsonValue &newval, PathOp op)
{
	check_stack_depth();
	if (path.nulls[level])
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("path element at position %d is null", static_cast<int>(level + 1))));
	if (v->kind == JsonKind::Object)
		SetPathObject(v, path, level, newval, op);
	else if (v->kind == JsonKind::Array)
		SetPathArray(v, path, level, newval, op);
	else if (op == PathOp::Assign)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("cannot replace existing key"),
				errdetail("The path assumes key is a composite object, but it is a scalar value."));
	/* Else a scalar in the middle of the path: nothing to change. */
}

Datum ChangePath(FunctionCallInfo fcinfo, const JsonValue &newval, PathOp op,
				 const char *scalar_error)
{
	JsonValue v = ArgJsonb(fcinfo, 0);
	TextArray path = ArgTextArray(fcinfo, 1);
	if (path.ndim > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("wrong number of array subscripts")));
	if (v.IsScalar())
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s", scalar_error)));
	if (path.values.empty() || (v.elems.empty() && (op == PathOp::Delete || op == PathOp::Replace)))
		return PG_GETARG_DATUM(0);
	SetPath(&v, path, 0, newval, op);
	NormalizeJsonb(&v);
	return JsonbFromValue(v);
}

[[noreturn]] void CannotDeleteFromScalar()
{
	ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("cannot delete from scalar")));
}

/* Removes keys (object) or string elements (array) in keys. */
Datum DeleteKeys(FunctionCallInfo fcinfo, const std::vector<std::string> &keys)
{
	JsonValue v = ArgJsonb(fcinfo, 0);
	if (v.IsScalar())
		CannotDeleteFromScalar();
	auto wanted = [&](const std::string &s) {
		for (const std::string &k : keys)
			if (k == s)
				return true;
		return false;
	};
	JsonValue kept;
	kept.kind = v.kind;
	for (size_t i = 0; i < v.elems.size(); i++)
	{
		if (v.kind == JsonKind::Object)
		{
			if (wanted(v.keys[i]))
				continue;
			kept.keys.push_back(std::move(v.keys[i]));
		}
		else if (v.elems[i].kind == JsonKind::String && wanted(v.elems[i].str))
			continue;
		kept.elems.push_back(std::move(v.elems[i]));
	}
	return JsonbFromValue(kept);
}

}  // namespace

namespace {

TextArray PathOf(const std::vector<std::string> &path)
{
	TextArray t;
	t.values = path;
	t.nulls.assign(path.size(), false);
	t.ndim = 1;
	return t;
}

}  // namespace

namespace tusk::adt::json {

const JsonValue *JsonbGetElement(const JsonValue &root, const std::vector<std::string> &path)
{
	return FollowPath(root, PathOf(path));
}

void JsonbSetElement(JsonValue *root, const std::vector<std::string> &path, const JsonValue &newval)
{
	if (root->IsScalar())
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("cannot replace existing key"),
				errdetail("The path assumes key is a composite object, but it is a scalar value."));
	SetPath(root, PathOf(path), 0, newval, PathOp::Assign);
	NormalizeJsonb(root);
}

}  // namespace tusk::adt::json

/* ---- -> ->> #> #>> ---- */

Datum json_object_field(PG_FUNCTION_ARGS)
{
	JsonArg arg = ArgJson(fcinfo, 0);
	const JsonValue *v = ObjectField(arg.value, TextView(PG_GETARG_TEXT_PP(1)));
	if (v == nullptr)
		PG_RETURN_NULL();
	return ReturnJsonSpan(arg, *v);
}

Datum json_object_field_text(PG_FUNCTION_ARGS)
{
	JsonArg arg = ArgJson(fcinfo, 0);
	const JsonValue *v = ObjectField(arg.value, TextView(PG_GETARG_TEXT_PP(1)));
	if (v == nullptr)
		PG_RETURN_NULL();
	return ReturnOptionalText(fcinfo, JsonText(arg, *v));
}

Datum json_array_element(PG_FUNCTION_ARGS)
{
	JsonArg arg = ArgJson(fcinfo, 0);
	const JsonValue *v = ArrayElement(arg.value, PG_GETARG_INT32(1));
	if (v == nullptr)
		PG_RETURN_NULL();
	return ReturnJsonSpan(arg, *v);
}

Datum json_array_element_text(PG_FUNCTION_ARGS)
{
	JsonArg arg = ArgJson(fcinfo, 0);
	const JsonValue *v = ArrayElement(arg.value, PG_GETARG_INT32(1));
	if (v == nullptr)
		PG_RETURN_NULL();
	return ReturnOptionalText(fcinfo, JsonText(arg, *v));
}

Datum json_extract_path(PG_FUNCTION_ARGS)
{
	JsonArg arg = ArgJson(fcinfo, 0);
	const JsonValue *v = FollowPath(arg.value, ArgTextArray(fcinfo, 1));
	if (v == nullptr)
		PG_RETURN_NULL();
	return ReturnJsonSpan(arg, *v);
}

Datum json_extract_path_text(PG_FUNCTION_ARGS)
{
	JsonArg arg = ArgJson(fcinfo, 0);
	const JsonValue *v = FollowPath(arg.value, ArgTextArray(fcinfo, 1));
	if (v == nullptr)
		PG_RETURN_NULL();
	return ReturnOptionalText(fcinfo, JsonText(arg, *v));
}

Datum jsonb_object_field(PG_FUNCTION_ARGS)
{
	JsonValue root = ArgJsonb(fcinfo, 0);
	const JsonValue *v = ObjectField(root, TextView(PG_GETARG_TEXT_PP(1)));
	if (v == nullptr)
		PG_RETURN_NULL();
	return JsonbFromValue(*v);
}

Datum jsonb_object_field_text(PG_FUNCTION_ARGS)
{
	JsonValue root = ArgJsonb(fcinfo, 0);
	const JsonValue *v = ObjectField(root, TextView(PG_GETARG_TEXT_PP(1)));
	if (v == nullptr)
		PG_RETURN_NULL();
	return ReturnOptionalText(fcinfo, JsonbText(*v));
}

Datum jsonb_array_element(PG_FUNCTION_ARGS)
{
	JsonValue root = ArgJsonb(fcinfo, 0);
	const JsonValue *v = ArrayElement(root, PG_GETARG_INT32(1));
	if (v == nullptr)
		PG_RETURN_NULL();
	return JsonbFromValue(*v);
}

Datum jsonb_array_element_text(PG_FUNCTION_ARGS)
{
	JsonValue root = ArgJsonb(fcinfo, 0);
	const JsonValue *v = ArrayElement(root, PG_GETARG_INT32(1));
	if (v == nullptr)
		PG_RETURN_NULL();
	return ReturnOptionalText(fcinfo, JsonbText(*v));
}

Datum jsonb_extract_path(PG_FUNCTION_ARGS)
{
	JsonValue root = ArgJsonb(fcinfo, 0);
	const JsonValue *v = FollowPath(root, ArgTextArray(fcinfo, 1));
	if (v == nullptr)
		PG_RETURN_NULL();
	return JsonbFromValue(*v);
}

Datum jsonb_extract_path_text(PG_FUNCTION_ARGS)
{
	JsonValue root = ArgJsonb(fcinfo, 0);
	const JsonValue *v = FollowPath(root, ArgTextArray(fcinfo, 1));
	if (v == nullptr)
		PG_RETURN_NULL();
	return ReturnOptionalText(fcinfo, JsonbText(*v));
}

/* ---- set-returning functions ---- */

Datum json_each(PG_FUNCTION_ARGS)
{
	return JsonEach(fcinfo, false);
}

Datum json_each_text(PG_FUNCTION_ARGS)
{
	return JsonEach(fcinfo, true);
}

Datum jsonb_each(PG_FUNCTION_ARGS)
{
	return JsonbEach(fcinfo, false);
}

Datum jsonb_each_text(PG_FUNCTION_ARGS)
{
	return JsonbEach(fcinfo, true);
}

Datum json_array_elements(PG_FUNCTION_ARGS)
{
	return JsonArrayElements(fcinfo, false);
}

Datum json_array_elements_text(PG_FUNCTION_ARGS)
{
	return JsonArrayElements(fcinfo, true);
}

Datum jsonb_array_elements(PG_FUNCTION_ARGS)
{
	return JsonbArrayElements(fcinfo, false);
}

Datum jsonb_array_elements_text(PG_FUNCTION_ARGS)
{
	return JsonbArrayElements(fcinfo, true);
}

Datum json_object_keys(PG_FUNCTION_ARGS)
{
	return ObjectKeys(fcinfo, false);
}

Datum jsonb_object_keys(PG_FUNCTION_ARGS)
{
	return ObjectKeys(fcinfo, true);
}

/* ---- other read functions ---- */

Datum json_array_length(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ArrayLength(ArgJson(fcinfo, 0).value));
}

Datum jsonb_array_length(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ArrayLength(ArgJsonb(fcinfo, 0)));
}

Datum json_strip_nulls(PG_FUNCTION_ARGS)
{
	JsonArg arg = ArgJson(fcinfo, 0);
	StringInfoData out;
	initStringInfo(&out);
	AppendStripped(&out, arg.value);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}

Datum jsonb_strip_nulls(PG_FUNCTION_ARGS)
{
	JsonValue v = ArgJsonb(fcinfo, 0);
	StripNulls(&v);
	return JsonbFromValue(v);
}

Datum jsonb_pretty(PG_FUNCTION_ARGS)
{
	StringInfoData out;
	initStringInfo(&out);
	AppendJsonb(&out, ArgJsonb(fcinfo, 0), true);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}

/* ---- containment and existence ---- */

Datum jsonb_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TopContains(ArgJsonb(fcinfo, 0), ArgJsonb(fcinfo, 1)));
}

Datum jsonb_contained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TopContains(ArgJsonb(fcinfo, 1), ArgJsonb(fcinfo, 0)));
}

Datum jsonb_exists(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Exists(ArgJsonb(fcinfo, 0), TextView(PG_GETARG_TEXT_PP(1))));
}

Datum jsonb_exists_any(PG_FUNCTION_ARGS)
{
	JsonValue v = ArgJsonb(fcinfo, 0);
	TextArray keys = ArgTextArray(fcinfo, 1);
	for (size_t i = 0; i < keys.values.size(); i++)
		if (!keys.nulls[i] && Exists(v, keys.values[i]))
			PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(false);
}

Datum jsonb_exists_all(PG_FUNCTION_ARGS)
{
	JsonValue v = ArgJsonb(fcinfo, 0);
	TextArray keys = ArgTextArray(fcinfo, 1);
	for (size_t i = 0; i < keys.values.size(); i++)
		if (!keys.nulls[i] && !Exists(v, keys.values[i]))
			PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(true);
}

/* ---- changes ---- */

/* ||: two objects merge (the right one's keys win); otherwise both sides'
 * elements (a scalar or object counting as one) in one array. */
Datum jsonb_concat(PG_FUNCTION_ARGS)
{
	JsonValue a = ArgJsonb(fcinfo, 0);
	JsonValue b = ArgJsonb(fcinfo, 1);
	JsonValue result;
	if (a.kind == JsonKind::Object && b.kind == JsonKind::Object)
	{
		result = std::move(a);
		for (size_t i = 0; i < b.elems.size(); i++)
		{
			result.keys.push_back(std::move(b.keys[i]));
			result.elems.push_back(std::move(b.elems[i]));
		}
		NormalizeJsonb(&result);
		return JsonbFromValue(result);
	}
	result.kind = JsonKind::Array;
	for (JsonValue *side : {&a, &b})
	{
		if (side->kind == JsonKind::Array)
			for (JsonValue &e : side->elems)
				result.elems.push_back(std::move(e));
		else
			result.elems.push_back(std::move(*side));
	}
	return JsonbFromValue(result);
}

Datum jsonb_delete(PG_FUNCTION_ARGS)
{
	return DeleteKeys(fcinfo, {std::string(TextView(PG_GETARG_TEXT_PP(1)))});
}

Datum jsonb_delete_array(PG_FUNCTION_ARGS)
{
	TextArray keys = ArgTextArray(fcinfo, 1);
	if (keys.ndim > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("wrong number of array subscripts")));
	JsonValue v = ArgJsonb(fcinfo, 0);
	if (v.IsScalar())
		CannotDeleteFromScalar();
	std::vector<std::string> wanted;
	for (size_t i = 0; i < keys.values.size(); i++)
		if (!keys.nulls[i])
			wanted.push_back(keys.values[i]);
	if (wanted.empty())
		return PG_GETARG_DATUM(0);
	return DeleteKeys(fcinfo, wanted);
}

Datum jsonb_delete_idx(PG_FUNCTION_ARGS)
{
	JsonValue v = ArgJsonb(fcinfo, 0);
	if (v.IsScalar())
		CannotDeleteFromScalar();
	if (v.kind == JsonKind::Object)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot delete from object using integer index")));
	int64 idx = PG_GETARG_INT32(1);
	auto n = static_cast<int64>(v.elems.size());
	if (idx < 0)
		idx += n;
	if (idx < 0 || idx >= n)
		return PG_GETARG_DATUM(0);
	v.elems.erase(v.elems.begin() + static_cast<std::ptrdiff_t>(idx));
	return JsonbFromValue(v);
}

Datum jsonb_delete_path(PG_FUNCTION_ARGS)
{
	return ChangePath(fcinfo, JsonValue(), PathOp::Delete, "cannot delete path in scalar");
}

Datum jsonb_set(PG_FUNCTION_ARGS)
{
	JsonValue newval = ArgJsonb(fcinfo, 2);
	PathOp op = PG_GETARG_BOOL(3) ? PathOp::Create : PathOp::Replace;
	return ChangePath(fcinfo, newval, op, "cannot set path in scalar");
}

/* jsonb_set that says what an SQL NULL replacement does (its fifth
 * argument): use_json_null (the default) sets a JSON null, delete_key
 * deletes the path, return_target leaves the value be, raise_exception
 * fails. Not strict: NULL only when the value, the path or create is. */
Datum jsonb_set_lax(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3))
		PG_RETURN_NULL();
	auto bad_treatment = [] {
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("null_value_treatment must be \"delete_key\", \"return_target\", "
					   "\"use_json_null\", or \"raise_exception\""));
	};
	if (PG_ARGISNULL(4))
		bad_treatment();
	PathOp op = PG_GETARG_BOOL(3) ? PathOp::Create : PathOp::Replace;
	if (!PG_ARGISNULL(2))
		return ChangePath(fcinfo, ArgJsonb(fcinfo, 2), op, "cannot set path in scalar");
	std::string treatment = text_to_cstring(PG_GETARG_TEXT_PP(4));
	if (treatment == "use_json_null")
		return ChangePath(fcinfo, JsonValue(), op, "cannot set path in scalar");
	if (treatment == "delete_key")
		return ChangePath(fcinfo, JsonValue(), PathOp::Delete, "cannot delete path in scalar");
	if (treatment == "return_target")
		return PG_GETARG_DATUM(0);
	if (treatment == "raise_exception")
		ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				errmsg("JSON value must not be null"),
				errdetail("Exception was raised because null_value_treatment is "
						  "\"raise_exception\"."),
				errhint("To avoid, either change the null_value_treatment argument or ensure that "
						"an SQL NULL is not passed."));
	bad_treatment();
	return 0;
}

Datum jsonb_insert(PG_FUNCTION_ARGS)
{
	JsonValue newval = ArgJsonb(fcinfo, 2);
	PathOp op = PG_GETARG_BOOL(3) ? PathOp::InsertAfter : PathOp::InsertBefore;
	return ChangePath(fcinfo, newval, op, "cannot set path in scalar");
}
