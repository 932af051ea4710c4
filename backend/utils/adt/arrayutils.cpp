/*
 * arrayutils.cpp — building and taking apart array values when the
 * element type's length, by-value flag and alignment are known (no
 * catalog lookups): construct_array, construct_md_array,
 * construct_empty_array, deconstruct_array, and the helpers typmod input
 * functions use.  The layout is described in utils/array.h.
 *
 * Principal entry points: see utils/array.h.
 */
#include "postgres.h"

#include "array_internal.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

using tusk::adt::AlignOffset;
using tusk::adt::FetchElement;
using tusk::adt::StoreElement;
using tusk::adt::StoredSize;

namespace {

/* pg_type.oid of cstring, the element type of typmod arrays. */
constexpr Oid kCstringTypeOid = 2275;

[[noreturn]] void ArrayTooLarge()
{
	ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			errmsg("array size exceeds the maximum allowed (%d)", static_cast<int>(MaxArraySize)));
	pg_unreachable();
}

}  // namespace

int ArrayGetNItems(int ndim, const int *dims)
{
	if (ndim <= 0)
		return 0;
	int64 n = 1;
	for (int i = 0; i < ndim; i++)
	{
		if (dims[i] < 0)
			ArrayTooLarge();
		n *= dims[i];
		if (n > static_cast<int64>(MaxArraySize))
			ArrayTooLarge();
	}
	return static_cast<int>(n);
}

bool array_contains_nulls(ArrayType *array)
{
	if (!ARR_HASNULL(array))
		return false;
	int n = ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array));
	const bits8 *bitmap = ARR_NULLBITMAP(array);
	for (int i = 0; i < n; i++)
	{
		if ((bitmap[i / 8] & (1 << (i % 8))) == 0)
			return true;
	}
	return false;
}

ArrayType *construct_empty_array(Oid elmtype)
{
	auto *result = static_cast<ArrayType *>(palloc0(sizeof(ArrayType)));
	SET_VARSIZE(result, sizeof(ArrayType));
	result->ndim = 0;
	result->dataoffset = 0;
	result->elemtype = elmtype;
	return result;
}

ArrayType *construct_array(Datum *elems, int nelems, Oid elmtype, int elmlen, bool elmbyval,
						   char elmalign)
{
	int dims[1] = {nelems};
	int lbs[1] = {1};
	return construct_md_array(elems, nullptr, 1, dims, lbs, elmtype, elmlen, elmbyval, elmalign);
}

/*
 * Varlena elements are copied with the header they have; the caller
 * passes plain (not toasted) values.
 */
ArrayType *construct_md_array(Datum *elems, bool *nulls, int ndims, int *dims, int *lbs,
							  Oid elmtype, int elmlen, bool elmbyval, char elmalign)
{
	if (ndims < 0)
		elog(ERROR, "invalid number of dimensions: %d", ndims);
	if (ndims > MAXDIM)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)", ndims,
					   MAXDIM));
	int nelems = ArrayGetNItems(ndims, dims);
	if (nelems == 0)
		return construct_empty_array(elmtype);

	Size data_size = 0;
	bool has_nulls = false;
	for (int i = 0; i < nelems; i++)
	{
		if (nulls != nullptr && nulls[i])
		{
			has_nulls = true;
			continue;
		}
		data_size = AlignOffset(data_size + StoredSize(elems[i], elmlen), elmalign);
		if (!AllocSizeIsValid(data_size))
			ArrayTooLarge();
	}

	Size offset = has_nulls ? ARR_OVERHEAD_WITHNULLS(ndims, nelems) : ARR_OVERHEAD_NONULLS(ndims);
	Size total = offset + data_size;
	if (!AllocSizeIsValid(total))
		ArrayTooLarge();
	auto *result = static_cast<ArrayType *>(palloc0(total));
	SET_VARSIZE(result, total);
	result->ndim = ndims;
	result->dataoffset = has_nulls ? static_cast<int32>(offset) : 0;
	result->elemtype = elmtype;
	memcpy(ARR_DIMS(result), dims, ndims * sizeof(int));
	memcpy(ARR_LBOUND(result), lbs, ndims * sizeof(int));

	char *p = ARR_DATA_PTR(result);
	bits8 *bitmap = ARR_NULLBITMAP(result);
	for (int i = 0; i < nelems; i++)
	{
		if (nulls != nullptr && nulls[i])
			continue; /* its bitmap bit stays 0 */
		if (bitmap != nullptr)
			bitmap[i / 8] |= static_cast<bits8>(1 << (i % 8));
		Size n = StoreElement(p, elems[i], elmlen, elmbyval);
		p = ARR_DATA_PTR(result) + AlignOffset((p - ARR_DATA_PTR(result)) + n, elmalign);
	}
	return result;
}

void deconstruct_array(ArrayType *array, Oid elmtype, int elmlen, bool elmbyval, char elmalign,
					   Datum **elemsp, bool **nullsp, int *nelemsp)
{
	if (ARR_ELEMTYPE(array) != elmtype)
		elog(ERROR, "cannot deconstruct an array of type %u as type %u", ARR_ELEMTYPE(array),
			 elmtype);
	int n = ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array));
	auto *elems = static_cast<Datum *>(palloc(Max(n, 1) * sizeof(Datum)));
	bool *nulls = nullptr;
	if (nullsp != nullptr)
		nulls = static_cast<bool *>(palloc0(Max(n, 1) * sizeof(bool)));

	const char *p = ARR_DATA_PTR(array);
	const bits8 *bitmap = ARR_NULLBITMAP(array);
	for (int i = 0; i < n; i++)
	{
		if (bitmap != nullptr && (bitmap[i / 8] & (1 << (i % 8))) == 0)
		{
			if (nulls == nullptr)
				ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						errmsg("null array element not allowed in this context"));
			elems[i] = (Datum) 0;
			nulls[i] = true;
			continue;
		}
		elems[i] = FetchElement(p, elmlen, elmbyval);
		Size size = StoredSize(elems[i], elmlen);
		p = ARR_DATA_PTR(array) + AlignOffset((p - ARR_DATA_PTR(array)) + size, elmalign);
	}
	*elemsp = elems;
	if (nullsp != nullptr)
		*nullsp = nulls;
	*nelemsp = n;
}

int32 *ArrayGetIntegerTypmods(ArrayType *arr, int *n)
{
	if (ARR_ELEMTYPE(arr) != kCstringTypeOid)
		ereport(ERROR, errcode(ERRCODE_ARRAY_ELEMENT_ERROR),
				errmsg("typmod array must be type cstring[]"));
	if (ARR_NDIM(arr) != 1)
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("typmod array must be one-dimensional"));
	if (array_contains_nulls(arr))
		ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				errmsg("typmod array must not contain nulls"));

	Datum *elems;
	deconstruct_array(arr, kCstringTypeOid, -2, false, TYPALIGN_CHAR, &elems, nullptr, n);
	auto *result = static_cast<int32 *>(palloc(Max(*n, 1) * sizeof(int32)));
	for (int i = 0; i < *n; i++)
		result[i] = pg_strtoint32(DatumGetCString(elems[i]));
	pfree(elems);
	return result;
}
