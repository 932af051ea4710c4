/*
 * execExprArray.cpp — the expression steps that handle arrays
 * (executor/execExpr.h): ARRAY[…] and x op ANY|ALL (array).
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

#include "executor/execExpr.h"
#include "utils/array.h"
#include "utils/adt/array_internal.h"

using tusk::adt::AlignOffset;
using tusk::adt::FetchElement;
using tusk::adt::StoredSize;

void ExecEvalArrayExpr(ExprEvalStep *op)
{
	auto &d = op->d.arrayexpr;
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
