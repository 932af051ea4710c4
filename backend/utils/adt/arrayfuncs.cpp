/*
 * arrayfuncs.cpp — array_in and array_out: arrays of any element type
 * and up to MAXDIM dimensions in PostgreSQL's text form.
 *
 * The text form is {e1,e2,...} with the element type's delimiter
 * (typdelim, ',' for nearly every type), nested once per dimension
 * ({{1,2},{3,4}}), optionally preceded by "[m:n]" per dimension and "="
 * for lower bounds other than 1.  An element is written bare or in
 * double quotes; a backslash makes the next character literal; blanks
 * around a bare element are dropped; an unquoted NULL (any case) is a
 * NULL element.  Output quotes an element that is empty, spells NULL, or
 * holds a quote, backslash, brace, delimiter or blank, and escapes
 * quotes and backslashes inside quotes.  Parse errors are 22P02
 * "malformed array literal" with PostgreSQL's details.
 *
 * The element type's length, alignment, delimiter and I/O function come
 * from get_type_io_data (utils/lsyscache.h), looked up once per call
 * site and kept in fn_extra.  The text-format half (ParseArrayLiteral,
 * FormatArrayLiteral) needs no catalog and is tested on its own.
 *
 * Principal entry points: array_in, array_out (declared in
 * utils/builtins.h), ParseArrayLiteral, FormatArrayLiteral
 * (array_internal.h).
 */
#include "postgres.h"

#include <ctype.h>
#include <limits.h>
#include <strings.h>

#include "libpq/pqformat.h"
#include "utils/lsyscache.h"
#include "array_internal.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"
#include "utils/memutils.h"

using tusk::adt::ArrayLiteral;
using tusk::adt::ArrayTextIsSpace;
using tusk::adt::FetchElement;
using tusk::adt::StoredSize;

namespace {

/* Where the parser is within an array literal. */
enum class ParseState
{
	kLevelStarted,		  /* just after "{" */
	kElemStarted,		  /* inside an unquoted element */
	kQuotedElemStarted,	  /* inside double quotes */
	kQuotedElemCompleted, /* just after the closing quote */
	kElemDelimited,		  /* just after a delimiter following an element */
	kLevelCompleted,	  /* just after a "}" closing an inner level */
	kLevelDelimited,	  /* just after a delimiter following a "}" */
};

[[noreturn]] void Malformed(const char *str, const char *detail_fmt, char c = '\0')
{
	ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("malformed array literal: \"%s\"", str), errdetail(detail_fmt, c));
	pg_unreachable();
}

[[noreturn]] void TooManyDimensions(int ndim)
{
	ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)", ndim,
				   MAXDIM));
	pg_unreachable();
}

/* "[m:n]" or "[n]", once per dimension, then "=", at *p (after blanks):
 * sets ndim, dims and lbs and moves *p to the "{"; false if there is no
 * "[". */
bool ParseDimensions(const char *str, const char **p, int *ndim, int *dims, int *lbs)
{
	const char *s = *p;
	while (ArrayTextIsSpace(*s))
		s++;
	if (*s != '[')
		return false;

	auto digits_end = [](const char *q) {
		while (isdigit(static_cast<unsigned char>(*q)) || *q == '-' || *q == '+')
			q++;
		return q;
	};
	int n = 0;
	while (*s == '[')
	{
		if (n >= MAXDIM)
			TooManyDimensions(n + 1);
		s++;
		const char *q = digits_end(s);
		if (q == s)
			Malformed(str, "\"[\" must introduce explicitly-specified array dimensions.");
		int lb = 1;
		if (*q == ':')
		{
			lb = atoi(std::string(s, q - s).c_str());
			s = q + 1;
			q = digits_end(s);
			if (q == s)
				Malformed(str, "Missing array dimension value.");
		}
		if (*q != ']')
			ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("malformed array literal: \"%s\"", str),
					errdetail("Missing \"%s\" after array dimensions.", "]"));
		int ub = atoi(std::string(s, q - s).c_str());
		s = q + 1;
		if (ub < lb)
			ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					errmsg("upper bound cannot be less than lower bound"));
		lbs[n] = lb;
		dims[n] = ub - lb + 1;
		n++;
	}

	while (ArrayTextIsSpace(*s))
		s++;
	if (*s != '=')
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("malformed array literal: \"%s\"", str),
				errdetail("Missing \"%s\" after array dimensions.", "="));
	s++;
	while (ArrayTextIsSpace(*s))
		s++;
	if (*s != '{')
		Malformed(str, "Array contents must start with \"{\".");

	*ndim = n;
	*p = s;
	return true;
}

/* An element as it is being read: its text, where its significant part
 * ends (trailing blanks outside quotes are not), and whether anything
 * was quoted or escaped (then it cannot be the NULL marker). */
struct PendingElement
{
	std::string text;
	size_t significant = 0;
	bool quoted = false;
	bool started = false; /* leading blanks are over */

	void Finish(ArrayLiteral *out)
	{
		text.resize(significant);
		bool is_null = !quoted && strcasecmp(text.c_str(), "NULL") == 0;
		out->elems.push_back(is_null ? std::string() : text);
		out->nulls.push_back(is_null);
		*this = PendingElement();
	}
};

}  // namespace

namespace tusk::adt {

/*
 * One pass over the text: nest counts the open braces; items[k] counts
 * the items (elements or inner arrays) of the level open at depth k + 1,
 * and dims[k] records that count when the first level at that depth
 * closes, so every later level at that depth must match it.  Elements
 * must all sit at the same, deepest, level.
 */
void ParseArrayLiteral(const char *str, char delim, ArrayLiteral *out)
{
	const char *p = str;
	int given_ndim = -1;
	int given_dims[MAXDIM] = {};
	int given_lbs[MAXDIM] = {};
	out->ndim = 0;
	out->elems.clear();
	out->nulls.clear();
	if (!ParseDimensions(str, &p, &given_ndim, given_dims, given_lbs))
	{
		while (ArrayTextIsSpace(*p))
			p++;
		if (*p != '{')
			Malformed(str, "Array value must start with \"{\" or dimension information.");
	}

	int nest = 0;
	int items[MAXDIM] = {};
	int dims[MAXDIM] = {};
	bool dim_known[MAXDIM] = {};
	int elem_depth = 0; /* the depth elements were first seen at */
	ParseState state = ParseState::kLevelStarted;
	PendingElement elem;
	auto element_here = [&] {
		if (elem_depth == 0)
			elem_depth = nest;
		else if (elem_depth != nest)
			Malformed(str,
					  "Multidimensional arrays must have sub-arrays with matching dimensions.");
	};
	for (;; p++)
	{
		char c = *p;
		if (c == '\0')
			Malformed(str, "Unexpected end of input.");
		if (state == ParseState::kQuotedElemStarted && c != '"' && c != '\\')
		{
			elem.text += c;
			continue;
		}
		if (c == '\\')
		{
			if (state == ParseState::kQuotedElemCompleted || state == ParseState::kLevelCompleted ||
				state == ParseState::kLevelDelimited)
				Malformed(str, "Unexpected \"%c\" character.", '\\');
			if (p[1] == '\0')
				Malformed(str, "Unexpected end of input.");
			if (state != ParseState::kQuotedElemStarted)
				state = ParseState::kElemStarted;
			elem.text += *++p;
			elem.quoted = elem.started = true;
			if (state != ParseState::kQuotedElemStarted)
				elem.significant = elem.text.size();
		}
		else if (c == '"')
		{
			if (state != ParseState::kLevelStarted && state != ParseState::kElemDelimited &&
				state != ParseState::kQuotedElemStarted)
				Malformed(str, "Unexpected array element.");
			elem.quoted = elem.started = true;
			if (state == ParseState::kQuotedElemStarted)
			{
				elem.significant = elem.text.size();
				state = ParseState::kQuotedElemCompleted;
			}
			else
				state = ParseState::kQuotedElemStarted;
		}
		else if (c == '{')
		{
			if (nest > 0 && state != ParseState::kLevelStarted &&
				state != ParseState::kLevelDelimited)
				Malformed(str, "Unexpected \"%c\" character.", '{');
			if (nest >= MAXDIM)
				TooManyDimensions(nest + 1);
			if (nest > 0)
				items[nest - 1]++;
			items[nest] = 0;
			nest++;
			state = ParseState::kLevelStarted;
		}
		else if (c == '}')
		{
			bool empty_outer = nest == 1 && state == ParseState::kLevelStarted;
			if (!empty_outer && state != ParseState::kElemStarted &&
				state != ParseState::kQuotedElemCompleted && state != ParseState::kLevelCompleted)
				Malformed(str, "Unexpected \"%c\" character.", '}');
			if (state == ParseState::kElemStarted || state == ParseState::kQuotedElemCompleted)
			{
				element_here();
				items[nest - 1]++;
				elem.Finish(out);
			}
			nest--;
			if (!empty_outer)
			{
				if (dim_known[nest] && dims[nest] != items[nest])
					Malformed(str,
							  "Multidimensional arrays must have sub-arrays with matching "
							  "dimensions.");
				dims[nest] = items[nest];
				dim_known[nest] = true;
			}
			state = ParseState::kLevelCompleted;
			if (nest == 0)
				break;
		}
		else if (c == delim)
		{
			if (state == ParseState::kLevelCompleted)
			{
				state = ParseState::kLevelDelimited;
				continue;
			}
			if (state != ParseState::kElemStarted && state != ParseState::kQuotedElemCompleted)
				Malformed(str, "Unexpected \"%c\" character.", delim);
			element_here();
			items[nest - 1]++;
			elem.Finish(out);
			state = ParseState::kElemDelimited;
		}
		else if (ArrayTextIsSpace(c))
		{
			if (elem.started && state == ParseState::kElemStarted)
				elem.text += c; /* kept only if more follows */
		}
		else
		{
			if (state != ParseState::kLevelStarted && state != ParseState::kElemStarted &&
				state != ParseState::kElemDelimited)
				Malformed(str, "Unexpected array element.");
			state = ParseState::kElemStarted;
			elem.text += c;
			elem.started = true;
			elem.significant = elem.text.size();
		}
	}

	for (p++; *p != '\0'; p++)
	{
		if (!ArrayTextIsSpace(*p))
			Malformed(str, "Junk after closing right brace.");
	}

	if (!out->elems.empty())
	{
		out->ndim = elem_depth;
		for (int i = 0; i < out->ndim; i++)
		{
			out->dims[i] = dims[i];
			out->lbs[i] = 1;
		}
	}
	if (given_ndim >= 0)
	{
		bool match = given_ndim == out->ndim || (out->elems.empty() && given_ndim == 0);
		for (int i = 0; match && i < out->ndim; i++)
			match = given_dims[i] == out->dims[i];
		if (!match)
			Malformed(str, "Specified array dimensions do not match array contents.");
		for (int i = 0; i < out->ndim; i++)
			out->lbs[i] = given_lbs[i];
	}
	for (int i = 0; i < out->ndim; i++)
		if (static_cast<int64>(out->lbs[i]) + static_cast<int64>(out->dims[i]) > PG_INT32_MAX)
			ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					errmsg("array lower bound is too large: %d", out->lbs[i]));
}

char *FormatArrayLiteral(int ndim, const int *dims, const int *lbs,
						 const std::vector<const char *> &elems, char delim)
{
	std::string out;
	if (ndim == 0 || elems.empty())
		return pstrdup("{}");
	bool bounds_needed = false;
	for (int i = 0; i < ndim; i++)
		bounds_needed = bounds_needed || lbs[i] != 1;
	if (bounds_needed)
	{
		for (int i = 0; i < ndim; i++)
		{
			int64 ubound = static_cast<int64>(lbs[i]) + static_cast<int64>(dims[i]) - 1;
			char bounds[64];
			snprintf(bounds, sizeof(bounds), "[%d:%lld]", lbs[i], static_cast<long long>(ubound));
			out += bounds;
		}
		out += '=';
	}
	/* The counters of the subscripts below the outermost, last fastest. */
	int pos[MAXDIM] = {};
	for (int i = 0; i < ndim; i++)
		out += '{';
	for (size_t k = 0; k < elems.size(); k++)
	{
		if (k > 0)
		{
			/* Close the levels the previous element ended, open them again. */
			int level = ndim - 1;
			while (level > 0 && ++pos[level] == dims[level])
			{
				pos[level] = 0;
				level--;
			}
			if (level == 0)
				pos[0]++;
			for (int i = level + 1; i < ndim; i++)
				out += '}';
			out += delim;
			for (int i = level + 1; i < ndim; i++)
				out += '{';
		}
		const char *e = elems[k];
		if (e == nullptr)
		{
			out += "NULL";
			continue;
		}
		bool quote = e[0] == '\0' || strcasecmp(e, "NULL") == 0;
		for (const char *q = e; *q != '\0' && !quote; q++)
			quote = *q == '"' || *q == '\\' || *q == '{' || *q == '}' || *q == delim ||
				ArrayTextIsSpace(*q);
		if (!quote)
		{
			out += e;
			continue;
		}
		out += '"';
		for (const char *q = e; *q != '\0'; q++)
		{
			if (*q == '"' || *q == '\\')
				out += '\\';
			out += *q;
		}
		out += '"';
	}
	for (int i = 0; i < ndim; i++)
		out += '}';
	return pnstrdup(out.data(), out.size());
}

}  // namespace tusk::adt

namespace {

/* What array_in and array_out keep in fn_extra about the element type. */
struct ElementIO
{
	Oid element_type;
	int16 typlen;
	bool typbyval;
	char typalign;
	char typdelim;
	Oid typioparam;
	Oid typiofunc;
	FmgrInfo proc;
};

/* The element type's I/O facts, looked up once per call site. */
ElementIO *GetElementIO(FunctionCallInfo fcinfo, Oid element_type, IOFuncSelector which)
{
	FmgrInfo *flinfo = fcinfo->flinfo;
	if (flinfo == nullptr)
		elog(ERROR, "array input and output need an FmgrInfo");

	auto *io = static_cast<ElementIO *>(flinfo->fn_extra);
	if (io == nullptr)
	{
		io = static_cast<ElementIO *>(MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(ElementIO)));
		io->element_type = ~element_type;
		flinfo->fn_extra = io;
	}
	if (io->element_type != element_type)
	{
		get_type_io_data(element_type, which, &io->typlen, &io->typbyval, &io->typalign,
						 &io->typdelim, &io->typioparam, &io->typiofunc);
		fmgr_info_cxt(io->typiofunc, &io->proc, flinfo->fn_mcxt);
		io->element_type = element_type;
	}
	return io;
}

}  // namespace

/* array_in(text, element type, element typmod) */
Datum array_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	Oid element_type = PG_GETARG_OID(1);
	int32 typmod = PG_GETARG_INT32(2);
	ElementIO *io = GetElementIO(fcinfo, element_type, IOFunc_input);

	ArrayLiteral lit;
	tusk::adt::ParseArrayLiteral(str, io->typdelim, &lit);
	int n = static_cast<int>(lit.elems.size());
	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(element_type));
	if (static_cast<Size>(n) > MaxArraySize)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("array size exceeds the maximum allowed (%d)",
					   static_cast<int>(MaxArraySize)));

	auto *values = static_cast<Datum *>(palloc(n * sizeof(Datum)));
	bool *nulls = static_cast<bool *>(palloc(n * sizeof(bool)));
	for (int i = 0; i < n; i++)
	{
		nulls[i] = lit.nulls[i];
		char *elem = nulls[i] ? nullptr : pstrdup(lit.elems[i].c_str());
		values[i] = InputFunctionCall(&io->proc, elem, io->typioparam, typmod);
		if (!nulls[i] && io->typlen == -1)
			values[i] = PointerGetDatum(PG_DETOAST_DATUM(values[i]));
	}
	PG_RETURN_ARRAYTYPE_P(construct_md_array(values, nulls, lit.ndim, lit.dims, lit.lbs,
											 element_type, io->typlen, io->typbyval, io->typalign));
}

/*
 * The binary form (PostgreSQL's): ndim, a has-nulls flag and the element
 * type as int32s, a (length, lower bound) pair per dimension, then each
 * element as an int32 length (-1: NULL) and the element type's own
 * binary form.
 */
Datum array_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	Oid spec_element_type = PG_GETARG_OID(1);
	int32 typmod = PG_GETARG_INT32(2);
	auto ndim = static_cast<int32>(pq_getmsgint(buf, 4));
	if (ndim < 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid number of dimensions: %d", ndim));
	if (ndim > MAXDIM)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)", ndim,
					   MAXDIM));
	auto flags = static_cast<int32>(pq_getmsgint(buf, 4));
	if (flags != 0 && flags != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid array flags"));
	auto element_type = static_cast<Oid>(pq_getmsgint(buf, 4));
	if (element_type != spec_element_type)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("binary data has array element type %u (%s) instead of expected %u (%s)",
					   element_type, format_type_be(element_type), spec_element_type,
					   format_type_be(spec_element_type)));
	int dims[MAXDIM];
	int lbs[MAXDIM];
	for (int i = 0; i < ndim; i++)
	{
		dims[i] = static_cast<int>(pq_getmsgint(buf, 4));
		lbs[i] = static_cast<int>(pq_getmsgint(buf, 4));
		if (dims[i] < 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					errmsg("invalid array dimensions"));
		if (dims[i] != 0 && static_cast<int64>(lbs[i]) + dims[i] - 1 > INT_MAX)
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("integer out of range"));
	}
	int n = ndim == 0 ? 0 : ArrayGetNItems(ndim, dims);
	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(element_type));
	ElementIO *io = GetElementIO(fcinfo, element_type, IOFunc_receive);
	auto *values = static_cast<Datum *>(palloc(n * sizeof(Datum)));
	bool *nulls = static_cast<bool *>(palloc(n * sizeof(bool)));
	for (int i = 0; i < n; i++)
	{
		auto itemlen = static_cast<int32>(pq_getmsgint(buf, 4));
		if (itemlen < -1 || itemlen > buf->len - buf->cursor)
			ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					errmsg("insufficient data left in message"));
		nulls[i] = itemlen == -1;
		if (nulls[i])
		{
			values[i] = ReceiveFunctionCall(&io->proc, nullptr, io->typioparam, typmod);
			continue;
		}
		/* The element's bytes as a buffer of their own, NUL-terminated as
		 * receive functions may expect. */
		StringInfoData elem;
		elem.data = static_cast<char *>(palloc(static_cast<Size>(itemlen) + 1));
		memcpy(elem.data, buf->data + buf->cursor, static_cast<size_t>(itemlen));
		elem.data[itemlen] = '\0';
		elem.len = itemlen;
		elem.maxlen = itemlen + 1;
		elem.cursor = 0;
		buf->cursor += itemlen;
		values[i] = ReceiveFunctionCall(&io->proc, &elem, io->typioparam, typmod);
		if (elem.cursor != itemlen)
			ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					errmsg("improper binary format in array element %d", i + 1));
		if (io->typlen == -1)
			values[i] = PointerGetDatum(PG_DETOAST_DATUM(values[i]));
	}
	PG_RETURN_ARRAYTYPE_P(construct_md_array(values, nulls, ndim, dims, lbs, element_type,
											 io->typlen, io->typbyval, io->typalign));
}

Datum array_send(PG_FUNCTION_ARGS)
{
	ArrayType *v = PG_GETARG_ARRAYTYPE_P(0);
	Oid element_type = ARR_ELEMTYPE(v);
	ElementIO *io = GetElementIO(fcinfo, element_type, IOFunc_send);
	int ndim = ARR_NDIM(v);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint32(&buf, static_cast<uint32>(ndim));
	pq_sendint32(&buf, ARR_HASNULL(v) ? 1 : 0);
	pq_sendint32(&buf, element_type);
	for (int i = 0; i < ndim; i++)
	{
		pq_sendint32(&buf, static_cast<uint32>(ARR_DIMS(v)[i]));
		pq_sendint32(&buf, static_cast<uint32>(ARR_LBOUND(v)[i]));
	}
	int n = ndim == 0 ? 0 : ArrayGetNItems(ndim, ARR_DIMS(v));
	const char *p = ARR_DATA_PTR(v);
	const bits8 *bitmap = ARR_NULLBITMAP(v);
	for (int i = 0; i < n; i++)
	{
		if (bitmap != nullptr && (bitmap[i / 8] & (1 << (i % 8))) == 0)
		{
			pq_sendint32(&buf, static_cast<uint32>(-1));
			continue;
		}
		Datum d = FetchElement(p, io->typlen, io->typbyval);
		bytea *out = SendFunctionCall(&io->proc, d);
		pq_sendint32(&buf, static_cast<uint32>(VARSIZE(out) - VARHDRSZ));
		pq_sendbytes(&buf, VARDATA(out), static_cast<int>(VARSIZE(out) - VARHDRSZ));
		Size size = StoredSize(d, io->typlen);
		p = ARR_DATA_PTR(v) + tusk::adt::AlignOffset((p - ARR_DATA_PTR(v)) + size, io->typalign);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum array_out(PG_FUNCTION_ARGS)
{
	ArrayType *v = PG_GETARG_ARRAYTYPE_P(0);
	if (ARR_NDIM(v) == 0)
		PG_RETURN_CSTRING(pstrdup("{}"));
	ElementIO *io = GetElementIO(fcinfo, ARR_ELEMTYPE(v), IOFunc_output);

	int n = ArrayGetNItems(ARR_NDIM(v), ARR_DIMS(v));
	std::vector<const char *> texts(n);
	const char *p = ARR_DATA_PTR(v);
	const bits8 *bitmap = ARR_NULLBITMAP(v);
	for (int i = 0; i < n; i++)
	{
		if (bitmap != nullptr && (bitmap[i / 8] & (1 << (i % 8))) == 0)
		{
			texts[i] = nullptr;
			continue;
		}
		Datum d = FetchElement(p, io->typlen, io->typbyval);
		texts[i] = OutputFunctionCall(&io->proc, d);
		Size size = StoredSize(d, io->typlen);
		p = ARR_DATA_PTR(v) + tusk::adt::AlignOffset((p - ARR_DATA_PTR(v)) + size, io->typalign);
	}
	PG_RETURN_CSTRING(tusk::adt::FormatArrayLiteral(ARR_NDIM(v), ARR_DIMS(v), ARR_LBOUND(v), texts,
													io->typdelim));
}
