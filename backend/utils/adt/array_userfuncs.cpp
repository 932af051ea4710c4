/*
 * array_userfuncs.cpp — the SQL-callable array functions and operators:
 * array_length and the other dimension functions, array_append/prepend/
 * cat (and so ||), array_position(s), array_remove, array_replace,
 * array_to_string, string_to_array, array_fill, trim_array, the comparison operators
 * (= <> < <= > >= and btarraycmp), @> <@ &&, hash_array, array_larger/
 * smaller and array_agg over scalars.
 *
 * Every function takes the element type from the array value itself
 * (ArrayType.elemtype) or, for a NULL array, from the calling expression
 * (get_fn_expr_argtype, which the parser's polymorphic resolution makes
 * concrete).  Element comparisons use the element type's default btree
 * operator class (support function 1), hashing its default hash class,
 * both looked up once per call site and kept in fn_extra.
 *
 * Arrays may have up to MAXDIM dimensions; functions that would build a
 * multidimensional array from pieces (array_cat of arrays of different
 * dimensionality, array_agg of arrays) raise 0A000 for now;
 * the ones PostgreSQL restricts to one dimension raise PostgreSQL's
 * errors.  NULL elements compare equal to each other and above every
 * other value, as in PostgreSQL.
 *
 * Principal entry points: the pg_proc prosrc names below (declared in
 * utils/fmgrprotos.h).
 */
#include "postgres.h"

#include <climits>
#include <string>
#include <string_view>
#include <vector>

#include "access/htup_details.h"
#include "adt_utf8.h"
#include "catalog/pg_amop_d.h"
#include "catalog/pg_opclass_d.h"
#include "catalog/pg_type_d.h"
#include "parser/parse_coerce.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

namespace {

constexpr Oid kBtreeAmOid = 403;
constexpr Oid kHashAmOid = 405;
constexpr int16 kBtreeOrderProc = 1;
constexpr int16 kHashEqualStrategy = 1;
constexpr int16 kHashStandardProc = 1;

/* What a call site keeps in fn_extra about its arrays' element type. */
struct ArrayMeta
{
	Oid elemtype;
	int16 typlen;
	bool typbyval;
	char typalign;
	char typdelim;
	Oid typioparam;
	Oid typoutput;
	bool cmp_ready;
	FmgrInfo cmp; /* btree support 1: int cmp(a, b) */
	/* For equality only: a type without a btree class but with a hash
	 * class (aclitem) compares with that class's "=" operator instead. */
	bool cmp_is_eq;
	bool hash_ready;
	FmgrInfo hash;
	bool out_ready;
	FmgrInfo out;
};

ArrayMeta *GetMeta(FunctionCallInfo fcinfo, Oid elemtype)
{
	FmgrInfo *flinfo = fcinfo->flinfo;
	auto *m = static_cast<ArrayMeta *>(flinfo->fn_extra);
	if (m == nullptr || m->elemtype != elemtype)
	{
		if (m == nullptr)
		{
			m = static_cast<ArrayMeta *>(
				MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(ArrayMeta)));
			flinfo->fn_extra = m;
		}
		memset(m, 0, sizeof(ArrayMeta));
		m->elemtype = elemtype;
		Oid typiofunc;
		get_type_io_data(elemtype, IOFunc_output, &m->typlen, &m->typbyval, &m->typalign,
						 &m->typdelim, &m->typioparam, &typiofunc);
		m->typoutput = typiofunc;
	}
	return m;
}

/* The family of type's default operator class of access method am (a
 * binary-compatible type, varchar, uses its base's), or InvalidOid. */
Oid DefaultOpfamily(Oid type, Oid am, Oid *intype)
{
	/* Enum elements compare with the enum class (anyenum). */
	if (get_typtype(type) == TYPTYPE_ENUM)
		type = ANYENUMOID;
	CatCList *opclasses = SearchSysCacheList1(CLAAMNAMENSP, ObjectIdGetDatum(am));
	for (int i = 0; i < opclasses->n_members; i++)
	{
		auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(opclasses->members[i]));
		if (form->opcdefault && form->opcintype == type)
		{
			*intype = form->opcintype;
			return form->opcfamily;
		}
	}
	for (int i = 0; i < opclasses->n_members; i++)
	{
		auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(opclasses->members[i]));
		Oid funcid;
		if (form->opcdefault && !IsPolymorphicType(form->opcintype) &&
			TypeCategory(form->opcintype) == TypeCategory(type) &&
			find_coercion_pathway(form->opcintype, type, COERCION_IMPLICIT, &funcid) ==
				COERCION_PATH_RELABELTYPE)
		{
			*intype = form->opcintype;
			return form->opcfamily;
		}
	}
	/* Arrays of arrays use the array class (anyarray). */
	if (OidIsValid(get_element_type(type)))
		return DefaultOpfamily(ANYARRAYOID, am, intype);
	return InvalidOid;
}

/* The element comparison function, or ERROR 42883 naming what is missing. */
void NeedCmp(FunctionCallInfo fcinfo, ArrayMeta *m, bool for_equality)
{
	if (m->cmp_ready)
		return;
	Oid intype = InvalidOid;
	Oid family = DefaultOpfamily(m->elemtype, kBtreeAmOid, &intype);
	RegProcedure proc = OidIsValid(family)
		? get_opfamily_proc(family, intype, intype, kBtreeOrderProc)
		: InvalidOid;
	if (!OidIsValid(proc) && for_equality)
	{
		/* PostgreSQL's type cache takes the hash class's equality when
		 * there is no btree class. */
		Oid hash_family = DefaultOpfamily(m->elemtype, kHashAmOid, &intype);
		Oid eq_opr = OidIsValid(hash_family)
			? get_opfamily_member(hash_family, intype, intype, kHashEqualStrategy)
			: InvalidOid;
		proc = OidIsValid(eq_opr) ? get_opcode(eq_opr) : InvalidOid;
		m->cmp_is_eq = OidIsValid(proc);
	}
	if (!OidIsValid(proc))
	{
		if (for_equality)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not identify an equality operator for type %s",
						   format_type_be(m->elemtype)));
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("could not identify a comparison function for type %s",
					   format_type_be(m->elemtype)));
	}
	fmgr_info_cxt(proc, &m->cmp, fcinfo->flinfo->fn_mcxt);
	m->cmp_ready = true;
}

int CompareElems(FunctionCallInfo fcinfo, ArrayMeta *m, Datum a, bool anull, Datum b, bool bnull)
{
	if (anull || bnull)
		return anull == bnull ? 0 : (anull ? 1 : -1);
	if (m->cmp_is_eq)
		return DatumGetBool(FunctionCall2Coll(&m->cmp, PG_GET_COLLATION(), a, b)) ? 0 : 1;
	return DatumGetInt32(FunctionCall2Coll(&m->cmp, PG_GET_COLLATION(), a, b));
}

/* An array taken apart. */
struct Elems
{
	int ndim = 0;
	int dims[MAXDIM] = {};
	int lbs[MAXDIM] = {};
	int n = 0;
	Datum *values = nullptr;
	bool *nulls = nullptr;
};

Elems Unpack(ArrayType *a, const ArrayMeta *m)
{
	Elems e;
	e.ndim = ARR_NDIM(a);
	for (int i = 0; i < e.ndim && i < MAXDIM; i++)
	{
		e.dims[i] = ARR_DIMS(a)[i];
		e.lbs[i] = ARR_LBOUND(a)[i];
	}
	deconstruct_array(a, m->elemtype, m->typlen, m->typbyval, m->typalign, &e.values, &e.nulls,
					  &e.n);
	return e;
}

/* A one-dimensional array of n elements, lower bound lb (or the empty
 * array when n is 0). */
ArrayType *Build1D(const ArrayMeta *m, Datum *values, bool *nulls, int n, int lb)
{
	if (n == 0)
		return construct_empty_array(m->elemtype);
	int dims[1] = {n};
	int lbs[1] = {lb};
	return construct_md_array(values, nulls, 1, dims, lbs, m->elemtype, m->typlen, m->typbyval,
							  m->typalign);
}

[[noreturn]] void MultidimensionalNotSupported()
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("multidimensional arrays are not supported yet"));
	pg_unreachable();
}

void CheckSameElementType(ArrayType *a, ArrayType *b)
{
	if (ARR_ELEMTYPE(a) != ARR_ELEMTYPE(b))
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("cannot compare arrays of different element types"));
}

/* PostgreSQL's array ordering: elements first, then the number of
 * elements, of dimensions, the dimensions and the lower bounds. */
int ArrayCmp(FunctionCallInfo fcinfo)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType *b = PG_GETARG_ARRAYTYPE_P(1);
	CheckSameElementType(a, b);
	ArrayMeta *m = GetMeta(fcinfo, ARR_ELEMTYPE(a));
	NeedCmp(fcinfo, m, false);
	Elems ea = Unpack(a, m);
	Elems eb = Unpack(b, m);
	int common = Min(ea.n, eb.n);
	for (int i = 0; i < common; i++)
	{
		int c = CompareElems(fcinfo, m, ea.values[i], ea.nulls[i], eb.values[i], eb.nulls[i]);
		if (c != 0)
			return c < 0 ? -1 : 1;
	}
	if (ea.n != eb.n)
		return ea.n < eb.n ? -1 : 1;
	if (ea.ndim != eb.ndim)
		return ea.ndim < eb.ndim ? -1 : 1;
	for (int i = 0; i < ea.ndim; i++)
		if (ea.dims[i] != eb.dims[i])
			return ea.dims[i] < eb.dims[i] ? -1 : 1;
	for (int i = 0; i < ea.ndim; i++)
		if (ea.lbs[i] != eb.lbs[i])
			return ea.lbs[i] < eb.lbs[i] ? -1 : 1;
	return 0;
}

bool ArrayEq(FunctionCallInfo fcinfo)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType *b = PG_GETARG_ARRAYTYPE_P(1);
	CheckSameElementType(a, b);
	if (ARR_NDIM(a) != ARR_NDIM(b))
		return false;
	for (int i = 0; i < ARR_NDIM(a); i++)
		if (ARR_DIMS(a)[i] != ARR_DIMS(b)[i] || ARR_LBOUND(a)[i] != ARR_LBOUND(b)[i])
			return false;
	ArrayMeta *m = GetMeta(fcinfo, ARR_ELEMTYPE(a));
	NeedCmp(fcinfo, m, true);
	Elems ea = Unpack(a, m);
	Elems eb = Unpack(b, m);
	for (int i = 0; i < ea.n; i++)
		if (CompareElems(fcinfo, m, ea.values[i], ea.nulls[i], eb.values[i], eb.nulls[i]) != 0)
			return false;
	return true;
}

/* Whether every non-NULL element of a (all: else any element) equals an
 * element of b; a NULL element of a never matches. */
bool ArrayContainCompare(FunctionCallInfo fcinfo, ArrayType *a, ArrayType *b, bool matchall)
{
	CheckSameElementType(a, b);
	ArrayMeta *m = GetMeta(fcinfo, ARR_ELEMTYPE(a));
	NeedCmp(fcinfo, m, true);
	Elems ea = Unpack(a, m);
	Elems eb = Unpack(b, m);
	for (int i = 0; i < ea.n; i++)
	{
		if (ea.nulls[i])
		{
			if (matchall)
				return false;
			continue;
		}
		bool found = false;
		for (int j = 0; j < eb.n && !found; j++)
			found = !eb.nulls[j] &&
				CompareElems(fcinfo, m, ea.values[i], false, eb.values[j], false) == 0;
		if (found && !matchall)
			return true;
		if (!found && matchall)
			return false;
	}
	return matchall;
}

/* The element type of the array argument argno of a call whose array may
 * be NULL, from the calling expression. */
Oid ArrayArgElementType(FunctionCallInfo fcinfo, int argno)
{
	Oid arraytype = get_fn_expr_argtype(fcinfo->flinfo, argno);
	Oid elemtype = OidIsValid(arraytype) ? get_element_type(arraytype) : InvalidOid;
	if (!OidIsValid(elemtype))
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("could not determine input data type"));
	return elemtype;
}

/* array_append and array_prepend: elem added at the end or the start of
 * a (NULL or empty: a new one-element array); the lower bound stays. */
Datum AddElement(FunctionCallInfo fcinfo, int arrayarg, int elemarg, bool at_end)
{
	Oid elemtype = ArrayArgElementType(fcinfo, arrayarg);
	ArrayMeta *m = GetMeta(fcinfo, elemtype);
	Datum elem = PG_ARGISNULL(elemarg) ? (Datum) 0 : PG_GETARG_DATUM(elemarg);
	bool elemnull = PG_ARGISNULL(elemarg);
	if (!elemnull && m->typlen == -1)
		elem = PointerGetDatum(PG_DETOAST_DATUM(elem));
	Elems e;
	int lb = 1;
	if (!PG_ARGISNULL(arrayarg))
	{
		ArrayType *a = PG_GETARG_ARRAYTYPE_P(arrayarg);
		if (ARR_NDIM(a) > 1)
			ereport(ERROR, errcode(ERRCODE_DATA_EXCEPTION),
					errmsg("argument must be empty or one-dimensional array"));
		e = Unpack(a, m);
		if (e.ndim == 1)
			lb = e.lbs[0];
	}
	std::vector<Datum> values;
	std::vector<char> nulls;
	if (!at_end)
	{
		values.push_back(elem);
		nulls.push_back(elemnull);
	}
	for (int i = 0; i < e.n; i++)
	{
		values.push_back(e.values[i]);
		nulls.push_back(e.nulls[i]);
	}
	if (at_end)
	{
		values.push_back(elem);
		nulls.push_back(elemnull);
	}
	if (!at_end && e.n > 0 && lb == INT_MIN)
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("integer out of range"));
	PG_RETURN_ARRAYTYPE_P(Build1D(m, values.data(), reinterpret_cast<bool *>(nulls.data()),
								  static_cast<int>(values.size()), lb));
}

/* array_remove (remove) and array_replace: elements IS NOT DISTINCT FROM
 * search dropped or replaced. */
Datum ReplaceElements(FunctionCallInfo fcinfo, bool remove)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	if (remove && ARR_NDIM(a) > 1)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("removing elements from multidimensional arrays is not supported"));
	ArrayMeta *m = GetMeta(fcinfo, ARR_ELEMTYPE(a));
	bool search_null = PG_ARGISNULL(1);
	Datum search = search_null ? (Datum) 0 : PG_GETARG_DATUM(1);
	if (!search_null && m->typlen == -1)
		search = PointerGetDatum(PG_DETOAST_DATUM(search));
	bool replace_null = remove || PG_ARGISNULL(2);
	Datum replace = replace_null ? (Datum) 0 : PG_GETARG_DATUM(2);
	if (!search_null)
		NeedCmp(fcinfo, m, true);
	Elems e = Unpack(a, m);
	if (e.n == 0)
		PG_RETURN_ARRAYTYPE_P(a);
	std::vector<Datum> values;
	std::vector<char> nulls;
	bool changed = false;
	for (int i = 0; i < e.n; i++)
	{
		bool match = search_null
			? e.nulls[i]
			: !e.nulls[i] && CompareElems(fcinfo, m, e.values[i], false, search, false) == 0;
		if (!match)
		{
			values.push_back(e.values[i]);
			nulls.push_back(e.nulls[i]);
			continue;
		}
		changed = true;
		if (!remove)
		{
			values.push_back(replace);
			nulls.push_back(replace_null);
		}
	}
	if (!changed)
		PG_RETURN_ARRAYTYPE_P(a);
	if (values.empty())
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(m->elemtype));
	e.dims[0] = static_cast<int>(values.size());
	PG_RETURN_ARRAYTYPE_P(construct_md_array(values.data(), reinterpret_cast<bool *>(nulls.data()),
											 e.ndim, e.dims, e.lbs, m->elemtype, m->typlen,
											 m->typbyval, m->typalign));
}

/* array_to_string's work: elements by their output function, joined by
 * delim; NULL elements as null_string, or skipped without one. */
text *ArrayToText(FunctionCallInfo fcinfo, ArrayType *a, const char *delim, const char *null_string)
{
	ArrayMeta *m = GetMeta(fcinfo, ARR_ELEMTYPE(a));
	if (!m->out_ready)
	{
		fmgr_info_cxt(m->typoutput, &m->out, fcinfo->flinfo->fn_mcxt);
		m->out_ready = true;
	}
	Elems e = Unpack(a, m);
	std::string result;
	bool first = true;
	for (int i = 0; i < e.n; i++)
	{
		const char *piece;
		if (e.nulls[i])
		{
			if (null_string == nullptr)
				continue;
			piece = null_string;
		}
		else
			piece = OutputFunctionCall(&m->out, e.values[i]);
		if (!first)
			result += delim;
		result += piece;
		first = false;
	}
	return cstring_to_text_with_len(result.data(), static_cast<int>(result.size()));
}

/* string_to_array's work. */
Datum TextToArray(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	text *input = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(input);
	int len = static_cast<int>(VARSIZE_ANY_EXHDR(input));
	bool have_delim = !PG_ARGISNULL(1);
	std::string delim;
	if (have_delim)
	{
		text *d = PG_GETARG_TEXT_PP(1);
		delim.assign(VARDATA_ANY(d), VARSIZE_ANY_EXHDR(d));
	}
	bool have_null = PG_NARGS() > 2 && !PG_ARGISNULL(2);
	std::string null_string;
	if (have_null)
	{
		text *nt = PG_GETARG_TEXT_PP(2);
		null_string.assign(VARDATA_ANY(nt), VARSIZE_ANY_EXHDR(nt));
	}
	std::vector<std::string> fields;
	if (len == 0)
		;
	else if (!have_delim)
	{
		/* Each character an element. */
		for (int i = 0; i < len;)
		{
			int clen = Min(tusk::adt::Utf8CharLen(static_cast<unsigned char>(s[i])), len - i);
			fields.emplace_back(s + i, clen);
			i += clen;
		}
	}
	else if (delim.empty())
		fields.emplace_back(s, len);
	else
	{
		std::string_view rest(s, len);
		while (true)
		{
			size_t pos = rest.find(delim);
			fields.emplace_back(rest.substr(0, pos));
			if (pos == std::string_view::npos)
				break;
			rest.remove_prefix(pos + delim.size());
		}
	}
	int n = static_cast<int>(fields.size());
	auto *values = static_cast<Datum *>(palloc(Max(n, 1) * sizeof(Datum)));
	bool *nulls = static_cast<bool *>(palloc0(Max(n, 1) * sizeof(bool)));
	for (int i = 0; i < n; i++)
	{
		if (have_null && fields[i] == null_string)
			nulls[i] = true;
		else
			values[i] = PointerGetDatum(
				cstring_to_text_with_len(fields[i].data(), static_cast<int>(fields[i].size())));
	}
	ArrayMeta *m = GetMeta(fcinfo, TEXTOID);
	PG_RETURN_ARRAYTYPE_P(Build1D(m, values, nulls, n, 1));
}

/* The one dimension and lower bound array_fill's int[] arguments give. */
void FillShape(FunctionCallInfo fcinfo, std::vector<int> *d, std::vector<int> *l)
{
	if (PG_ARGISNULL(1) || (PG_NARGS() > 2 && PG_ARGISNULL(2)))
		ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				errmsg("dimension array or low bound array cannot be null"));
	ArrayType *dims = PG_GETARG_ARRAYTYPE_P(1);
	auto shape = [](ArrayType *arr, const char *detail, std::vector<int> *out) {
		if (ARR_NDIM(arr) > 1)
			ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					errmsg("wrong number of array subscripts"), errdetail("%s", detail));
		if (array_contains_nulls(arr))
			ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("dimension values cannot be null"));
		Datum *values;
		int n;
		deconstruct_array(arr, INT4OID, 4, true, TYPALIGN_INT, &values, nullptr, &n);
		for (int i = 0; i < n; i++)
			out->push_back(DatumGetInt32(values[i]));
	};
	shape(dims, "Dimension array must be one dimensional.", d);
	if (PG_NARGS() > 2)
	{
		shape(PG_GETARG_ARRAYTYPE_P(2), "Dimension array must be one dimensional.", l);
		if (l->size() != d->size())
			ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					errmsg("wrong number of array subscripts"),
					errdetail("Low bound array has different size than dimensions array."));
	}
	if (d->size() > MAXDIM)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
					   static_cast<int>(d->size()), MAXDIM));
	if (l->empty())
		l->assign(d->size(), 1);
	for (int n : *d)
		if (n < 0)
			ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					errmsg("array size exceeds the maximum allowed (%d)",
						   static_cast<int>(MaxArraySize)));
}

Datum ArrayFill(FunctionCallInfo fcinfo)
{
	Oid elemtype = get_fn_expr_argtype(fcinfo->flinfo, 0);
	if (!OidIsValid(elemtype))
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("could not determine data type of input"));
	std::vector<int> dims;
	std::vector<int> lbs;
	FillShape(fcinfo, &dims, &lbs);
	ArrayMeta *m = GetMeta(fcinfo, elemtype);
	int count = dims.empty() ? 0 : ArrayGetNItems(static_cast<int>(dims.size()), dims.data());
	if (count == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(elemtype));
	if (static_cast<Size>(count) > MaxArraySize)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("array size exceeds the maximum allowed (%d)",
					   static_cast<int>(MaxArraySize)));
	bool isnull = PG_ARGISNULL(0);
	Datum value = isnull ? (Datum) 0 : PG_GETARG_DATUM(0);
	if (!isnull && m->typlen == -1)
		value = PointerGetDatum(PG_DETOAST_DATUM(value));
	auto *values = static_cast<Datum *>(palloc(count * sizeof(Datum)));
	bool *nulls = static_cast<bool *>(palloc(count * sizeof(bool)));
	for (int i = 0; i < count; i++)
	{
		values[i] = value;
		nulls[i] = isnull;
	}
	PG_RETURN_ARRAYTYPE_P(construct_md_array(values, nulls, static_cast<int>(dims.size()),
											 dims.data(), lbs.data(), elemtype, m->typlen,
											 m->typbyval, m->typalign));
}

/* array_position's search from start; 0 when not found. */
bool FindPositions(FunctionCallInfo fcinfo, ArrayType *a, int start, bool all,
				   std::vector<int> *found)
{
	if (ARR_NDIM(a) > 1)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("searching for elements in multidimensional arrays is not supported"));
	ArrayMeta *m = GetMeta(fcinfo, ARR_ELEMTYPE(a));
	Oid searchtype = get_fn_expr_argtype(fcinfo->flinfo, 1);
	if (OidIsValid(searchtype) && searchtype != ARR_ELEMTYPE(a))
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("searching for elements of type %s in array of type %s is not supported",
					   format_type_be(searchtype), format_type_be(ARR_ELEMTYPE(a))));
	bool search_null = PG_ARGISNULL(1);
	Datum search = search_null ? (Datum) 0 : PG_GETARG_DATUM(1);
	if (!search_null)
	{
		NeedCmp(fcinfo, m, true);
		if (m->typlen == -1)
			search = PointerGetDatum(PG_DETOAST_DATUM(search));
	}
	Elems e = Unpack(a, m);
	if (e.n == 0)
		return false;
	for (int i = 0; i < e.n; i++)
	{
		int position = e.lbs[0] + i;
		if (position < start)
			continue;
		bool match = search_null
			? e.nulls[i]
			: !e.nulls[i] && CompareElems(fcinfo, m, e.values[i], false, search, false) == 0;
		if (match)
		{
			found->push_back(position);
			if (!all)
				break;
		}
	}
	return true;
}

/* array_agg's state: the elements so far, in the aggregate's memory. */
struct ArrayBuildState
{
	MemoryContext mcxt;
	Oid elemtype;
	int16 typlen;
	bool typbyval;
	char typalign;
	Datum *values;
	bool *nulls;
	int n;
	int capacity;
};

constexpr int kInitialBuildCapacity = 64;

}  // namespace

Datum array_ndims(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	if (ARR_NDIM(a) <= 0 || ARR_NDIM(a) > MAXDIM)
		PG_RETURN_NULL();
	PG_RETURN_INT32(ARR_NDIM(a));
}

Datum array_dims(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	if (ARR_NDIM(a) <= 0 || ARR_NDIM(a) > MAXDIM)
		PG_RETURN_NULL();
	std::string s;
	for (int i = 0; i < ARR_NDIM(a); i++)
	{
		int lb = ARR_LBOUND(a)[i];
		/* Piecewise: GCC 12 -O3 sees a false overlap in "lit" + std::string. */
		s += '[';
		s += std::to_string(lb);
		s += ':';
		s += std::to_string(lb + ARR_DIMS(a)[i] - 1);
		s += ']';
	}
	PG_RETURN_TEXT_P(cstring_to_text(s.c_str()));
}

Datum array_lower(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	int dim = PG_GETARG_INT32(1);
	if (ARR_NDIM(a) <= 0 || ARR_NDIM(a) > MAXDIM || dim < 1 || dim > ARR_NDIM(a))
		PG_RETURN_NULL();
	PG_RETURN_INT32(ARR_LBOUND(a)[dim - 1]);
}

Datum array_upper(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	int dim = PG_GETARG_INT32(1);
	if (ARR_NDIM(a) <= 0 || ARR_NDIM(a) > MAXDIM || dim < 1 || dim > ARR_NDIM(a))
		PG_RETURN_NULL();
	PG_RETURN_INT32(ARR_LBOUND(a)[dim - 1] + ARR_DIMS(a)[dim - 1] - 1);
}

Datum array_length(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	int dim = PG_GETARG_INT32(1);
	if (ARR_NDIM(a) <= 0 || ARR_NDIM(a) > MAXDIM || dim < 1 || dim > ARR_NDIM(a))
		PG_RETURN_NULL();
	PG_RETURN_INT32(ARR_DIMS(a)[dim - 1]);
}

Datum array_cardinality(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	PG_RETURN_INT32(ArrayGetNItems(ARR_NDIM(a), ARR_DIMS(a)));
}

Datum array_append(PG_FUNCTION_ARGS)
{
	return AddElement(fcinfo, 0, 1, true);
}

Datum array_prepend(PG_FUNCTION_ARGS)
{
	return AddElement(fcinfo, 1, 0, false);
}

Datum array_cat(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
	{
		if (PG_ARGISNULL(1))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(1));
	}
	if (PG_ARGISNULL(1))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType *b = PG_GETARG_ARRAYTYPE_P(1);
	if (ARR_ELEMTYPE(a) != ARR_ELEMTYPE(b))
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("cannot concatenate incompatible arrays"),
				errdetail("Arrays with element types %s and %s are not compatible for "
						  "concatenation.",
						  format_type_be(ARR_ELEMTYPE(a)), format_type_be(ARR_ELEMTYPE(b))));
	if (ARR_NDIM(b) == 0)
		PG_RETURN_ARRAYTYPE_P(a);
	if (ARR_NDIM(a) == 0)
		PG_RETURN_ARRAYTYPE_P(b);
	if (ARR_NDIM(a) != 1 || ARR_NDIM(b) != 1)
		MultidimensionalNotSupported();
	ArrayMeta *m = GetMeta(fcinfo, ARR_ELEMTYPE(a));
	Elems ea = Unpack(a, m);
	Elems eb = Unpack(b, m);
	int n = ea.n + eb.n;
	auto *values = static_cast<Datum *>(palloc(n * sizeof(Datum)));
	bool *nulls = static_cast<bool *>(palloc(n * sizeof(bool)));
	memcpy(values, ea.values, ea.n * sizeof(Datum));
	memcpy(nulls, ea.nulls, ea.n * sizeof(bool));
	memcpy(values + ea.n, eb.values, eb.n * sizeof(Datum));
	memcpy(nulls + ea.n, eb.nulls, eb.n * sizeof(bool));
	PG_RETURN_ARRAYTYPE_P(Build1D(m, values, nulls, n, ea.lbs[0]));
}

Datum array_position(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	std::vector<int> found;
	FindPositions(fcinfo, PG_GETARG_ARRAYTYPE_P(0), INT_MIN, false, &found);
	if (found.empty())
		PG_RETURN_NULL();
	PG_RETURN_INT32(found[0]);
}

Datum array_position_start(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(2))
		ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				errmsg("initial position must not be null"));
	std::vector<int> found;
	FindPositions(fcinfo, PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_INT32(2), false, &found);
	if (found.empty())
		PG_RETURN_NULL();
	PG_RETURN_INT32(found[0]);
}

Datum array_positions(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	std::vector<int> found;
	FindPositions(fcinfo, PG_GETARG_ARRAYTYPE_P(0), INT_MIN, true, &found);
	std::vector<Datum> values;
	for (int p : found)
		values.push_back(Int32GetDatum(p));
	if (values.empty())
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(INT4OID));
	PG_RETURN_ARRAYTYPE_P(construct_array(values.data(), static_cast<int>(values.size()), INT4OID,
										  4, true, TYPALIGN_INT));
}

Datum array_remove(PG_FUNCTION_ARGS)
{
	return ReplaceElements(fcinfo, true);
}

Datum array_replace(PG_FUNCTION_ARGS)
{
	return ReplaceElements(fcinfo, false);
}

Datum array_to_text(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	char *delim = text_to_cstring(PG_GETARG_TEXT_PP(1));
	PG_RETURN_TEXT_P(ArrayToText(fcinfo, a, delim, nullptr));
}

Datum array_to_text_null(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	char *delim = text_to_cstring(PG_GETARG_TEXT_PP(1));
	char *null_string = PG_ARGISNULL(2) ? nullptr : text_to_cstring(PG_GETARG_TEXT_PP(2));
	PG_RETURN_TEXT_P(ArrayToText(fcinfo, a, delim, null_string));
}

Datum text_to_array(PG_FUNCTION_ARGS)
{
	return TextToArray(fcinfo);
}

Datum text_to_array_null(PG_FUNCTION_ARGS)
{
	return TextToArray(fcinfo);
}

Datum array_fill(PG_FUNCTION_ARGS)
{
	return ArrayFill(fcinfo);
}

Datum array_fill_with_lower_bounds(PG_FUNCTION_ARGS)
{
	return ArrayFill(fcinfo);
}

Datum array_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ArrayEq(fcinfo));
}

Datum array_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!ArrayEq(fcinfo));
}

Datum array_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ArrayCmp(fcinfo) < 0);
}

Datum array_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ArrayCmp(fcinfo) > 0);
}

Datum array_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ArrayCmp(fcinfo) <= 0);
}

Datum array_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ArrayCmp(fcinfo) >= 0);
}

Datum btarraycmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ArrayCmp(fcinfo));
}

Datum array_larger(PG_FUNCTION_ARGS)
{
	Datum result = ArrayCmp(fcinfo) > 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1);
	PG_RETURN_DATUM(result);
}

Datum array_smaller(PG_FUNCTION_ARGS)
{
	Datum result = ArrayCmp(fcinfo) < 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1);
	PG_RETURN_DATUM(result);
}

Datum arraycontains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(
		ArrayContainCompare(fcinfo, PG_GETARG_ARRAYTYPE_P(1), PG_GETARG_ARRAYTYPE_P(0), true));
}

Datum arraycontained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(
		ArrayContainCompare(fcinfo, PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1), true));
}

Datum arrayoverlap(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(
		ArrayContainCompare(fcinfo, PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1), false));
}

/* PostgreSQL's combination: h = 31 * h + element hash, from 1; a NULL
 * element hashes as 0. */
Datum hash_array(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	ArrayMeta *m = GetMeta(fcinfo, ARR_ELEMTYPE(a));
	if (!m->hash_ready)
	{
		Oid intype = InvalidOid;
		Oid family = DefaultOpfamily(m->elemtype, kHashAmOid, &intype);
		RegProcedure proc = OidIsValid(family)
			? get_opfamily_proc(family, intype, intype, kHashStandardProc)
			: InvalidOid;
		if (!OidIsValid(proc))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not identify a hash function for type %s",
						   format_type_be(m->elemtype)));
		fmgr_info_cxt(proc, &m->hash, fcinfo->flinfo->fn_mcxt);
		m->hash_ready = true;
	}
	Elems e = Unpack(a, m);
	uint32 result = 1;
	for (int i = 0; i < e.n; i++)
	{
		uint32 elthash = e.nulls[i]
			? 0
			: DatumGetUInt32(FunctionCall1Coll(&m->hash, PG_GET_COLLATION(), e.values[i]));
		result = (result << 5) - result + elthash;
	}
	PG_RETURN_UINT32(result);
}

Datum array_agg_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "array_agg_transfn called in non-aggregate context");
	ArrayBuildState *state = PG_ARGISNULL(0)
		? nullptr
		: reinterpret_cast<ArrayBuildState *>(PG_GETARG_POINTER(0));
	if (state == nullptr)
	{
		Oid elemtype = get_fn_expr_argtype(fcinfo->flinfo, 1);
		if (!OidIsValid(elemtype))
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("could not determine input data type"));
		state = static_cast<ArrayBuildState *>(
			MemoryContextAllocZero(aggcontext, sizeof(ArrayBuildState)));
		state->mcxt = aggcontext;
		state->elemtype = elemtype;
		get_typlenbyvalalign(elemtype, &state->typlen, &state->typbyval, &state->typalign);
		state->capacity = kInitialBuildCapacity;
		state->values = static_cast<Datum *>(
			MemoryContextAlloc(aggcontext, state->capacity * sizeof(Datum)));
		state->nulls = static_cast<bool *>(
			MemoryContextAlloc(aggcontext, state->capacity * sizeof(bool)));
	}
	if (state->n == state->capacity)
	{
		state->capacity *= 2;
		state->values = static_cast<Datum *>(
			repalloc(state->values, state->capacity * sizeof(Datum)));
		state->nulls = static_cast<bool *>(repalloc(state->nulls, state->capacity * sizeof(bool)));
	}
	bool isnull = PG_ARGISNULL(1);
	Datum value = (Datum) 0;
	if (!isnull)
	{
		value = PG_GETARG_DATUM(1);
		if (state->typlen == -1)
			value = PointerGetDatum(PG_DETOAST_DATUM(value));
		MemoryContext old = MemoryContextSwitchTo(state->mcxt);
		value = datumCopy(value, state->typbyval, state->typlen);
		MemoryContextSwitchTo(old);
	}
	state->values[state->n] = value;
	state->nulls[state->n] = isnull;
	state->n++;
	PG_RETURN_POINTER(state);
}

Datum array_agg_finalfn(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL(); /* no input rows */
	auto *state = reinterpret_cast<ArrayBuildState *>(PG_GETARG_POINTER(0));
	int dims[1] = {state->n};
	int lbs[1] = {1};
	PG_RETURN_ARRAYTYPE_P(construct_md_array(state->values, state->nulls, 1, dims, lbs,
											 state->elemtype, state->typlen, state->typbyval,
											 state->typalign));
}

/* array_agg over arrays would build a multidimensional array. */
Datum array_agg_array_transfn(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	MultidimensionalNotSupported();
}

Datum array_agg_array_finalfn(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	MultidimensionalNotSupported();
}

/* trim_array(a, n): a without its last n elements (of the first
 * dimension), lower bounds 1 as a slice has them. */
Datum trim_array(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	int n = PG_GETARG_INT32(1);
	int length = ARR_NDIM(a) > 0 ? ARR_DIMS(a)[0] : 0;
	if (n < 0 || n > length)
		ereport(ERROR, errcode(ERRCODE_ARRAY_ELEMENT_ERROR),
				errmsg("number of elements to trim must be between 0 and %d", length));
	ArrayMeta *m = GetMeta(fcinfo, ARR_ELEMTYPE(a));
	if (n == length)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(m->elemtype));
	/* The kept elements come first in storage order. */
	Elems e = Unpack(a, m);
	int dims[MAXDIM];
	int lbs[MAXDIM];
	for (int i = 0; i < e.ndim; i++)
	{
		dims[i] = e.dims[i];
		lbs[i] = 1;
	}
	dims[0] = length - n;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(e.values, e.nulls, e.ndim, dims, lbs, m->elemtype,
											 m->typlen, m->typbyval, m->typalign));
}
