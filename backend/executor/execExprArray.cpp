/*
 * execExprArray.cpp — the expression steps that handle arrays
 * (executor/execExpr.h): ARRAY[…] (of elements, or of arrays stacked
 * into one more dimension), x op ANY|ALL (array), and the per-element
 * array coercion (ArrayCoerceExpr).
 *
 * Principal entry points: ExecEvalArrayExpr, ExecEvalScalarArrayOp,
 * called by the interpreter loop (execExprInterp.cpp) for EEOP_ARRAYEXPR
 * and EEOP_SCALARARRAYOP; execExpr.cpp compiles the steps.
 *
 * op ANY (array) follows PostgreSQL's NULL rules: a NULL array gives
 * NULL; an empty array gives false for ANY and true for ALL, whatever
 * the scalar; otherwise the first element that decides (true for ANY,
 * false for ALL) ends the scan, and if none decides but an element (or
 * the scalar, with a strict operator) was NULL, the result is NULL.
 */
#include "postgres.h"

#include <memory>
#include <vector>

#include "executor/execExpr.h"
#include "executor/executor.h"
#include "utils/lsyscache.h"
#include "utils/array.h"
#include "utils/format_type.h"
#include "utils/adt/array_internal.h"

using tusk::adt::AlignOffset;
using tusk::adt::FetchElement;
using tusk::adt::StoredSize;

namespace {

[[noreturn]] void MismatchedDimensions()
{
	ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
			errmsg("multidimensional arrays must have array expressions with matching "
				   "dimensions"));
	pg_unreachable();
}

/* ARRAY[a1, a2, …] of arrays: one more dimension in front of theirs
 * (lower bound 1), all of one shape; NULL and empty sub-arrays give the
 * empty array when all are so, else 2202E, as in PostgreSQL. */
ArrayType *StackArrays(ExprEvalStep *op)
{
	auto &d = op->d.arrayexpr;
	int sub_ndim = 0;
	int sub_dims[MAXDIM] = {};
	int sub_lbs[MAXDIM] = {};
	int nsubs = 0;
	bool have_empty = false;
	Size bytes = 0;
	int nitems = 0;
	bool any_nulls = false;
	std::vector<ArrayType *> subs;
	for (int i = 0; i < d.nelems; i++)
	{
		if (d.elemnulls[i])
		{
			have_empty = true; /* as PostgreSQL: a NULL counts as an empty sub-array */
			continue;
		}
		ArrayType *a = DatumGetArrayTypeP(d.elemvalues[i]);
		if (ARR_ELEMTYPE(a) != d.elemtype)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("cannot merge incompatible arrays"),
					errdetail("Array with element type %s cannot be included in ARRAY construct "
							  "with element type %s.",
							  format_type_be(ARR_ELEMTYPE(a)), format_type_be(d.elemtype)));
		int ndim = ARR_NDIM(a);
		if (ndim <= 0)
		{
			have_empty = true;
			continue;
		}
		if (nsubs == 0)
		{
			sub_ndim = ndim;
			if (ndim + 1 > MAXDIM)
				ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
							   ndim + 1, MAXDIM));
			memcpy(sub_dims, ARR_DIMS(a), ndim * sizeof(int));
			memcpy(sub_lbs, ARR_LBOUND(a), ndim * sizeof(int));
		}
		else if (ndim != sub_ndim || memcmp(sub_dims, ARR_DIMS(a), ndim * sizeof(int)) != 0 ||
				 memcmp(sub_lbs, ARR_LBOUND(a), ndim * sizeof(int)) != 0)
			MismatchedDimensions();
		nsubs++;
		subs.push_back(a);
		bytes += ARR_SIZE(a) - ARR_DATA_OFFSET(a);
		nitems += ArrayGetNItems(ndim, ARR_DIMS(a));
		any_nulls = any_nulls || ARR_HASNULL(a);
	}
	if (have_empty && nsubs > 0)
		MismatchedDimensions();
	if (nsubs == 0)
		return construct_empty_array(d.elemtype);

	int ndim = sub_ndim + 1;
	int dims[MAXDIM];
	int lbs[MAXDIM];
	dims[0] = nsubs;
	lbs[0] = 1;
	memcpy(dims + 1, sub_dims, sub_ndim * sizeof(int));
	memcpy(lbs + 1, sub_lbs, sub_ndim * sizeof(int));
	ArrayGetNItems(ndim, dims); /* checks the size */

	/* Each sub-array's data ends aligned (MAXALIGN'd header, aligned
	 * elements), so the data areas are concatenated as they are. */
	Size dataoffset = any_nulls ? ARR_OVERHEAD_WITHNULLS(ndim, nitems) : 0;
	Size header = any_nulls ? dataoffset : ARR_OVERHEAD_NONULLS(ndim);
	auto *result = static_cast<ArrayType *>(palloc0(header + bytes));
	SET_VARSIZE(result, header + bytes);
	result->ndim = ndim;
	result->dataoffset = static_cast<int32>(dataoffset);
	result->elemtype = d.elemtype;
	memcpy(ARR_DIMS(result), dims, ndim * sizeof(int));
	memcpy(ARR_LBOUND(result), lbs, ndim * sizeof(int));
	char *dest = ARR_DATA_PTR(result);
	bits8 *bitmap = ARR_NULLBITMAP(result);
	int item = 0;
	for (ArrayType *a : subs)
	{
		Size n = ARR_SIZE(a) - ARR_DATA_OFFSET(a);
		memcpy(dest, ARR_DATA_PTR(a), n);
		dest += n;
		int count = ArrayGetNItems(ARR_NDIM(a), ARR_DIMS(a));
		const bits8 *src = ARR_NULLBITMAP(a);
		for (int k = 0; k < count && bitmap != nullptr; k++, item++)
			if (src == nullptr || (src[k / 8] & (1 << (k % 8))) != 0)
				bitmap[item / 8] |= static_cast<bits8>(1 << (item % 8));
	}
	return result;
}

}  // namespace

void ExecEvalArrayExpr(ExprEvalStep *op)
{
	auto &d = op->d.arrayexpr;
	if (d.multidims)
	{
		*op->resvalue = PointerGetDatum(StackArrays(op));
		*op->resnull = false;
		return;
	}
	int dims[1] = {d.nelems};
	int lbs[1] = {1};
	ArrayType *result;
	if (d.nelems == 0)
		result = construct_empty_array(d.elemtype);
	else
	{
		/* Varlena elements are stored plain. */
		if (d.elemlength == -1)
			for (int i = 0; i < d.nelems; i++)
				if (!d.elemnulls[i])
					d.elemvalues[i] = PointerGetDatum(PG_DETOAST_DATUM(d.elemvalues[i]));
		result = construct_md_array(d.elemvalues, d.elemnulls, 1, dims, lbs, d.elemtype,
									d.elemlength, d.elembyval, d.elemalign);
	}
	*op->resvalue = PointerGetDatum(result);
	*op->resnull = false;
}

void ExecEvalScalarArrayOp(ExprEvalStep *op)
{
	auto &d = op->d.scalararrayop;
	if (*op->resnull)
		return; /* a NULL array: NULL */
	ArrayType *arr = DatumGetArrayTypeP(*op->resvalue);
	int nitems = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	if (nitems <= 0)
	{
		*op->resvalue = BoolGetDatum(!d.useOr);
		*op->resnull = false;
		return;
	}
	FunctionCallInfo fcinfo = d.fcinfo_data;
	bool strict = d.finfo->fn_strict;
	if (fcinfo->args[0].isnull && strict)
	{
		*op->resvalue = 0;
		*op->resnull = true;
		return;
	}
	bool result = !d.useOr;
	bool resultnull = false;
	const char *p = ARR_DATA_PTR(arr);
	const bits8 *bitmap = ARR_NULLBITMAP(arr);
	for (int i = 0; i < nitems; i++)
	{
		bool thisnull;
		bool thisresult = false;
		if (bitmap != nullptr && (bitmap[i / 8] & (1 << (i % 8))) == 0)
		{
			fcinfo->args[1].value = 0;
			fcinfo->args[1].isnull = true;
		}
		else
		{
			Datum elem = FetchElement(p, d.typlen, d.typbyval);
			Size size = StoredSize(elem, d.typlen);
			p = ARR_DATA_PTR(arr) + AlignOffset((p - ARR_DATA_PTR(arr)) + size, d.typalign);
			fcinfo->args[1].value = elem;
			fcinfo->args[1].isnull = false;
		}
		if (fcinfo->args[1].isnull && strict)
			thisnull = true;
		else
		{
			fcinfo->isnull = false;
			thisresult = DatumGetBool(d.fn_addr(fcinfo));
			thisnull = fcinfo->isnull;
		}
		if (thisnull)
			resultnull = true;
		else if (d.useOr && thisresult)
		{
			result = true;
			resultnull = false;
			break;
		}
		else if (!d.useOr && !thisresult)
		{
			result = false;
			resultnull = false;
			break;
		}
	}
	*op->resvalue = BoolGetDatum(result);
	*op->resnull = resultnull;
}

void ExecEvalArrayCoerce(ExprEvalStep *op, ExprContext *econtext)
{
	auto &d = op->d.arraycoerce;
	if (*op->resnull)
		return; /* a NULL array stays NULL */
	ArrayType *arr = DatumGetArrayTypeP(*op->resvalue);
	int ndim = ARR_NDIM(arr);
	int nitems = ArrayGetNItems(ndim, ARR_DIMS(arr));
	if (nitems == 0)
	{
		*op->resvalue = PointerGetDatum(construct_empty_array(d.resultelemtype));
		return;
	}
	int16 typlen;
	bool typbyval;
	char typalign;
	get_typlenbyvalalign(ARR_ELEMTYPE(arr), &typlen, &typbyval, &typalign);
	std::vector<Datum> values(nitems);
	std::unique_ptr<bool[]> nulls(new bool[nitems]);
	const char *p = ARR_DATA_PTR(arr);
	const bits8 *bitmap = ARR_NULLBITMAP(arr);
	for (int i = 0; i < nitems; i++)
	{
		if (bitmap != nullptr && (bitmap[i / 8] & (1 << (i % 8))) == 0)
		{
			*d.elemvalue = 0;
			*d.elemnull = true;
		}
		else
		{
			*d.elemvalue = FetchElement(p, typlen, typbyval);
			*d.elemnull = false;
			Size size = StoredSize(*d.elemvalue, typlen);
			p = ARR_DATA_PTR(arr) + AlignOffset((p - ARR_DATA_PTR(arr)) + size, typalign);
		}
		bool isnull;
		values[i] = ExecEvalExpr(d.elemexprstate, econtext, &isnull);
		nulls[i] = isnull;
		if (!isnull && d.resultelemlength == -1)
			values[i] = PointerGetDatum(PG_DETOAST_DATUM(values[i]));
	}
	int dims[MAXDIM];
	int lbs[MAXDIM];
	memcpy(dims, ARR_DIMS(arr), ndim * sizeof(int));
	memcpy(lbs, ARR_LBOUND(arr), ndim * sizeof(int));
	*op->resvalue = PointerGetDatum(construct_md_array(values.data(), nulls.get(), ndim, dims, lbs,
													   d.resultelemtype, d.resultelemlength,
													   d.resultelembyval, d.resultelemalign));
}
