/*
 * arraysubs.cpp — subscripting arrays: array_subscript_handler, the
 * SubscriptRoutines of every array type (pg_type.typsubscript).
 *
 * Parse time (ArraySubscriptTransform): each subscript is coerced to
 * integer (42804 "array subscript must have type integer" otherwise); a
 * slice keeps a lower bound per dimension, 1 for a dimension written
 * without ":" and NULL for an omitted one ("a[:2]"); the result is the
 * array type for a slice, else the element type.
 *
 * Run time, PostgreSQL's rules:
 *   - fetching an element with the wrong number of subscripts, or out of
 *     range, gives NULL; a NULL subscript gives NULL;
 *   - a slice is clipped to the array's bounds (the result has lower
 *     bounds 1), missing dimensions take their whole range, and an empty
 *     selection is the empty array;
 *   - assigning an element or a slice of a one-dimensional array may
 *     extend it at either end, the gap filled with NULLs; a NULL or empty
 *     array takes the subscripts as its bounds; a multidimensional array
 *     cannot grow (2202E "array subscript out of range"); a NULL subscript
 *     is 22004, and a NULL source for a slice leaves the array unchanged.
 *
 * The work is done on the array taken apart (deconstruct_array) and
 * built again (construct_md_array), in the per-tuple memory the step
 * runs in.
 *
 * Principal entry points: array_subscript_handler and
 * raw_array_subscript_handler (pg_proc rows).
 */
#include "postgres.h"

#include <memory>
#include <vector>

#include "access/tupmacs.h"
#include "catalog/pg_type_d.h"
#include "executor/execExpr.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/parsenodes.h"
#include "nodes/subscripting.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "parser/parse_node.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"

namespace {

/* The element type's storage facts, looked up once per expression. */
struct ArraySubWorkspace
{
	Oid elemtype;
	int16 elemlen;
	bool elembyval;
	char elemalign;
};

/* A subscript coerced to integer. */
Node *IntegerSubscript(ParseState *pstate, Node *raw)
{
	Node *e = transformExpr(pstate, raw, pstate->p_expr_kind);
	Node *coerced = coerce_to_target_type(pstate, e, exprType(e), INT4OID, -1, COERCION_ASSIGNMENT,
										  COERCE_IMPLICIT_CAST, -1);
	if (coerced == nullptr)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("array subscript must have type integer"),
				parser_errposition(pstate, exprLocation(raw)));
	return coerced;
}

void ArraySubscriptTransform(SubscriptingRef *sbsref, List *indirection, ParseState *pstate,
							 bool isSlice, bool /*isAssignment*/)
{
	List *upper = NIL;
	List *lower = NIL;
	ListCell *lc;
	foreach (lc, indirection)
	{
		A_Indices *ai = static_cast<A_Indices *>(lfirst(lc));
		if (isSlice)
		{
			Node *lo = nullptr;
			if (ai->lidx != nullptr)
				lo = IntegerSubscript(pstate, ai->lidx);
			else if (!ai->is_slice)
			{
				/* A dimension written without ":" in a slice is [1:n]. */
				Const *one = makeNullConst(INT4OID, -1, InvalidOid);
				one->constvalue = Int32GetDatum(1);
				one->constisnull = false;
				lo = reinterpret_cast<Node *>(one);
			}
			lower = lappend(lower, lo);
		}
		upper = lappend(upper, ai->uidx != nullptr ? IntegerSubscript(pstate, ai->uidx) : nullptr);
	}
	if (list_length(upper) > MAXDIM)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
					   list_length(upper), MAXDIM));
	sbsref->refupperindexpr = upper;
	sbsref->reflowerindexpr = lower;
	sbsref->refrestype = isSlice ? sbsref->refcontainertype : sbsref->refelemtype;
}

/* Fetch: a NULL subscript makes the result NULL. */
bool CheckSubscriptsForFetch(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref_subscript.state;
	for (int i = 0; i < st->numupper; i++)
		if (st->upperprovided[i] && st->upperindexnull[i])
			goto null_result;
	for (int i = 0; i < st->numlower; i++)
		if (st->lowerprovided[i] && st->lowerindexnull[i])
			goto null_result;
	return true;
null_result:
	*op->resvalue = 0;
	*op->resnull = true;
	return false;
}

/* Assignment: a NULL subscript is an error. */
bool CheckSubscriptsForAssign(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref_subscript.state;
	for (int i = 0; i < st->numupper; i++)
		if (st->upperprovided[i] && st->upperindexnull[i])
			ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("array subscript in assignment must not be null"));
	for (int i = 0; i < st->numlower; i++)
		if (st->lowerprovided[i] && st->lowerindexnull[i])
			ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("array subscript in assignment must not be null"));
	return true;
}

/* An array taken apart, with its shape. */
struct Unpacked
{
	int ndim = 0;
	int dims[MAXDIM] = {};
	int lbs[MAXDIM] = {};
	std::vector<Datum> values;
	std::vector<bool> nulls;
};

Unpacked Unpack(ArrayType *a, const ArraySubWorkspace *ws)
{
	Unpacked u;
	u.ndim = ARR_NDIM(a);
	memcpy(u.dims, ARR_DIMS(a), u.ndim * sizeof(int));
	memcpy(u.lbs, ARR_LBOUND(a), u.ndim * sizeof(int));
	Datum *values;
	bool *nulls;
	int n;
	deconstruct_array(a, ws->elemtype, ws->elemlen, ws->elembyval, ws->elemalign, &values, &nulls,
					  &n);
	u.values.assign(values, values + n);
	u.nulls.assign(nulls, nulls + n);
	return u;
}

Datum Pack(const Unpacked &u, const ArraySubWorkspace *ws)
{
	if (u.values.empty())
		return PointerGetDatum(construct_empty_array(ws->elemtype));
	std::vector<Datum> values = u.values;
	auto nulls = std::make_unique<bool[]>(u.nulls.size());
	for (size_t i = 0; i < u.nulls.size(); i++)
		nulls[i] = u.nulls[i];
	int dims[MAXDIM];
	int lbs[MAXDIM];
	memcpy(dims, u.dims, sizeof(dims));
	memcpy(lbs, u.lbs, sizeof(lbs));
	return PointerGetDatum(construct_md_array(values.data(), nulls.get(), u.ndim, dims, lbs,
											  ws->elemtype, ws->elemlen, ws->elembyval,
											  ws->elemalign));
}

/* The offset in storage order of the element at subscripts idx. */
int64 Offset(const Unpacked &u, const int *idx)
{
	int64 off = 0;
	for (int i = 0; i < u.ndim; i++)
		off = off * u.dims[i] + (idx[i] - u.lbs[i]);
	return off;
}

/* Advance subscripts idx over the box [lo, hi] (last fastest); false at
 * the end. */
bool NextInBox(int ndim, int *idx, const int *lo, const int *hi)
{
	for (int i = ndim - 1; i >= 0; i--)
	{
		if (idx[i] < hi[i])
		{
			idx[i]++;
			return true;
		}
		idx[i] = lo[i];
	}
	return false;
}

[[noreturn]] void OutOfRange()
{
	ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR), errmsg("array subscript out of range"));
	pg_unreachable();
}

[[noreturn]] void TooBig()
{
	ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			errmsg("array size exceeds the maximum allowed (%d)", static_cast<int>(MaxArraySize)));
	pg_unreachable();
}

void FetchElement(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref.state;
	auto *ws = static_cast<ArraySubWorkspace *>(st->workspace);
	ArrayType *a = DatumGetArrayTypeP(*op->resvalue);
	int ndim = ARR_NDIM(a);
	*op->resvalue = 0;
	*op->resnull = true;
	if (ndim != st->numupper || ndim <= 0)
		return;
	int idx[MAXDIM];
	for (int i = 0; i < ndim; i++)
	{
		idx[i] = DatumGetInt32(st->upperindex[i]);
		if (idx[i] < ARR_LBOUND(a)[i] ||
			static_cast<int64>(idx[i]) >= static_cast<int64>(ARR_LBOUND(a)[i]) + ARR_DIMS(a)[i])
			return;
	}
	Unpacked u = Unpack(a, ws);
	int64 off = Offset(u, idx);
	if (u.nulls[off])
		return;
	Datum v = u.values[off];
	/* A by-reference element points into the array: copy it out. */
	*op->resvalue = ws->elembyval ? v : datumCopy(v, false, ws->elemlen);
	*op->resnull = false;
}

/* The box a slice selects in a, clipped to its bounds; false if empty. */
bool SliceBox(const SubscriptingRefState *st, ArrayType *a, int *lo, int *hi)
{
	int ndim = ARR_NDIM(a);
	for (int i = 0; i < ndim; i++)
	{
		int lb = ARR_LBOUND(a)[i];
		int ub = lb + ARR_DIMS(a)[i] - 1;
		lo[i] = i < st->numlower && st->lowerprovided[i] ? DatumGetInt32(st->lowerindex[i]) : lb;
		hi[i] = i < st->numupper && st->upperprovided[i] ? DatumGetInt32(st->upperindex[i]) : ub;
		lo[i] = Max(lo[i], lb);
		hi[i] = Min(hi[i], ub);
		if (lo[i] > hi[i])
			return false;
	}
	return true;
}

void FetchSlice(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref.state;
	auto *ws = static_cast<ArraySubWorkspace *>(st->workspace);
	ArrayType *a = DatumGetArrayTypeP(*op->resvalue);
	int ndim = ARR_NDIM(a);
	*op->resnull = false;
	int lo[MAXDIM];
	int hi[MAXDIM];
	if (ndim < st->numupper || ndim <= 0 || !SliceBox(st, a, lo, hi))
	{
		*op->resvalue = PointerGetDatum(construct_empty_array(ws->elemtype));
		return;
	}
	Unpacked u = Unpack(a, ws);
	Unpacked r;
	r.ndim = ndim;
	for (int i = 0; i < ndim; i++)
	{
		r.dims[i] = hi[i] - lo[i] + 1;
		r.lbs[i] = 1;
	}
	int idx[MAXDIM];
	memcpy(idx, lo, sizeof(idx));
	do
	{
		int64 off = Offset(u, idx);
		r.values.push_back(u.values[off]);
		r.nulls.push_back(u.nulls[off]);
	} while (NextInBox(ndim, idx, lo, hi));
	*op->resvalue = Pack(r, ws);
}

/* u grown (one dimension only) to cover [newlo, newhi], NULL-filled. */
void Extend1D(Unpacked *u, int newlo, int newhi)
{
	if (u->ndim == 0)
	{
		u->ndim = 1;
		u->lbs[0] = newlo;
		u->dims[0] = 0;
	}
	int lb = u->lbs[0];
	int64 ub = static_cast<int64>(lb) + u->dims[0] - 1;
	int64 lo = Min(static_cast<int64>(newlo), static_cast<int64>(lb));
	int64 hi = Max(static_cast<int64>(newhi), ub);
	if (u->dims[0] == 0)
	{
		lo = newlo;
		hi = newhi;
	}
	int64 n = hi - lo + 1;
	if (n > static_cast<int64>(MaxArraySize) || hi > PG_INT32_MAX)
		TooBig();
	std::vector<Datum> values(static_cast<size_t>(n), 0);
	std::vector<bool> nulls(static_cast<size_t>(n), true);
	for (int i = 0; i < u->dims[0]; i++)
	{
		values[static_cast<size_t>(lb - lo + i)] = u->values[i];
		nulls[static_cast<size_t>(lb - lo + i)] = u->nulls[i];
	}
	u->values = std::move(values);
	u->nulls = std::move(nulls);
	u->lbs[0] = static_cast<int>(lo);
	u->dims[0] = static_cast<int>(n);
}

/* The value to store, made plain (no toast, no short header). */
Datum StorableValue(Datum v, const ArraySubWorkspace *ws)
{
	if (ws->elemlen == -1)
		return PointerGetDatum(PG_DETOAST_DATUM(v));
	return v;
}

void AssignElement(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref.state;
	auto *ws = static_cast<ArraySubWorkspace *>(st->workspace);
	Unpacked u;
	if (!*op->resnull)
		u = Unpack(DatumGetArrayTypeP(*op->resvalue), ws);
	int n = st->numupper;
	int idx[MAXDIM];
	for (int i = 0; i < n; i++)
		idx[i] = DatumGetInt32(st->upperindex[i]);
	if (u.ndim == 0)
	{
		u.ndim = n;
		for (int i = 0; i < n; i++)
		{
			u.dims[i] = 1;
			u.lbs[i] = idx[i];
		}
		u.values.assign(1, 0);
		u.nulls.assign(1, true);
	}
	else if (u.ndim != n)
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("wrong number of array subscripts"));
	else if (n == 1)
		Extend1D(&u, idx[0], idx[0]);
	else
		for (int i = 0; i < n; i++)
			if (idx[i] < u.lbs[i] || static_cast<int64>(idx[i]) >= u.lbs[i] + int64{u.dims[i]})
				OutOfRange();
	int64 off = Offset(u, idx);
	u.nulls[off] = st->replacenull;
	u.values[off] = st->replacenull ? 0 : StorableValue(st->replacevalue, ws);
	*op->resvalue = Pack(u, ws);
	*op->resnull = false;
}

void AssignSlice(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref.state;
	auto *ws = static_cast<ArraySubWorkspace *>(st->workspace);
	Unpacked u;
	if (!*op->resnull)
		u = Unpack(DatumGetArrayTypeP(*op->resvalue), ws);
	*op->resnull = false;
	if (st->replacenull)
	{
		/* Assigning a NULL slice changes nothing. */
		*op->resvalue = Pack(u, ws);
		return;
	}
	Unpacked src = Unpack(DatumGetArrayTypeP(st->replacevalue), ws);
	int n = st->numupper;
	int lo[MAXDIM];
	int hi[MAXDIM];
	if (u.ndim == 0)
	{
		for (int i = 0; i < n; i++)
		{
			if (!st->upperprovided[i] || !st->lowerprovided[i])
				ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
						errmsg("array slice subscript must provide both boundaries"),
						errdetail("When assigning to a slice of an empty array value, slice "
								  "boundaries must be fully specified."));
			lo[i] = DatumGetInt32(st->lowerindex[i]);
			hi[i] = DatumGetInt32(st->upperindex[i]);
			if (hi[i] < lo[i])
				ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
						errmsg("upper bound cannot be less than lower bound"));
			u.dims[i] = hi[i] - lo[i] + 1;
			u.lbs[i] = lo[i];
		}
		u.ndim = n;
		int64 count = 1;
		for (int i = 0; i < n; i++)
			count *= u.dims[i];
		if (count > static_cast<int64>(MaxArraySize))
			TooBig();
		if (static_cast<int64>(src.values.size()) < count)
			ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					errmsg("source array too small"));
		u.values.assign(src.values.begin(), src.values.begin() + count);
		u.nulls.assign(src.nulls.begin(), src.nulls.begin() + count);
		for (auto &v : u.values)
			v = StorableValue(v, ws);
		*op->resvalue = Pack(u, ws);
		return;
	}
	if (u.ndim < n)
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("wrong number of array subscripts"));
	for (int i = 0; i < u.ndim; i++)
	{
		int lb = u.lbs[i];
		int ub = lb + u.dims[i] - 1;
		lo[i] = i < n && st->lowerprovided[i] ? DatumGetInt32(st->lowerindex[i]) : lb;
		hi[i] = i < n && st->upperprovided[i] ? DatumGetInt32(st->upperindex[i]) : ub;
		if (hi[i] < lo[i])
			ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					errmsg("upper bound cannot be less than lower bound"));
		if (u.ndim > 1 && (lo[i] < lb || hi[i] > ub))
			OutOfRange();
	}
	int64 count = 1;
	for (int i = 0; i < u.ndim; i++)
		count *= static_cast<int64>(hi[i]) - lo[i] + 1;
	if (static_cast<int64>(src.values.size()) < count)
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR), errmsg("source array too small"));
	if (u.ndim == 1)
		Extend1D(&u, lo[0], hi[0]);
	int idx[MAXDIM];
	memcpy(idx, lo, sizeof(idx));
	size_t k = 0;
	do
	{
		int64 off = Offset(u, idx);
		u.nulls[off] = src.nulls[k];
		u.values[off] = src.nulls[k] ? 0 : StorableValue(src.values[k], ws);
		k++;
	} while (NextInBox(u.ndim, idx, lo, hi));
	*op->resvalue = Pack(u, ws);
}

void ArrayExecSetup(const SubscriptingRef *sbsref, SubscriptingRefState *st,
					SubscriptExecSteps *methods)
{
	bool is_slice = st->numlower != 0;
	auto *ws = static_cast<ArraySubWorkspace *>(palloc0(sizeof(ArraySubWorkspace)));
	ws->elemtype = sbsref->refelemtype;
	get_typlenbyvalalign(ws->elemtype, &ws->elemlen, &ws->elembyval, &ws->elemalign);
	st->workspace = ws;
	methods->sbs_check_subscripts = st->isassignment ? CheckSubscriptsForAssign
													 : CheckSubscriptsForFetch;
	methods->sbs_fetch = is_slice ? FetchSlice : FetchElement;
	methods->sbs_assign = is_slice ? AssignSlice : AssignElement;
}

const SubscriptRoutines kArraySubscriptRoutines = {
	.transform = ArraySubscriptTransform,
	.exec_setup = ArrayExecSetup,
	.fetch_strict = true,
	.fetch_leakproof = true,
	.store_leakproof = false,
};

/* ---- "raw" arrays: fixed-length types holding N elements (name, point) ----
 *
 * PostgreSQL's rules: one subscript, counted from 0; a fetch out of range
 * is NULL; an assignment out of range is 2202E and of NULL 22004; slices
 * are 0A000. */

struct RawArrayWorkspace
{
	int16 typlen; /* the container's */
	int16 elemlen;
	bool elembyval;
	char elemalign;
};

/* The element's index, or -1 if the subscripts do not name one. */
int RawIndex(const SubscriptingRefState *st, const RawArrayWorkspace *ws)
{
	if (st->numupper != 1)
		return -1;
	int idx = DatumGetInt32(st->upperindex[0]);
	if (idx < 0 || idx >= ws->typlen / ws->elemlen)
		return -1;
	return idx;
}

void RawFetchElement(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref.state;
	auto *ws = static_cast<RawArrayWorkspace *>(st->workspace);
	char *container = DatumGetPointer(*op->resvalue);
	int idx = RawIndex(st, ws);
	*op->resvalue = 0;
	*op->resnull = true;
	if (idx < 0)
		return;
	char *elem = container + static_cast<ptrdiff_t>(idx) * ws->elemlen;
	*op->resvalue = ws->elembyval ? fetch_att(elem, true, ws->elemlen)
								  : datumCopy(PointerGetDatum(elem), false, ws->elemlen);
	*op->resnull = false;
}

void RawSliceNotSupported(ExprState *, ExprEvalStep *, ExprContext *)
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("slices of fixed-length arrays not implemented"));
}

void RawAssignElement(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref.state;
	auto *ws = static_cast<RawArrayWorkspace *>(st->workspace);
	int idx = RawIndex(st, ws);
	if (idx < 0)
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("array subscript out of range"));
	if (st->replacenull)
		ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				errmsg("cannot assign null value to an element of a fixed-length array"));
	/* A NULL container becomes one of zeros, as in PostgreSQL. */
	char *copy = static_cast<char *>(palloc0(ws->typlen));
	if (!*op->resnull)
		memcpy(copy, DatumGetPointer(*op->resvalue), ws->typlen);
	char *elem = copy + static_cast<ptrdiff_t>(idx) * ws->elemlen;
	if (ws->elembyval)
		store_att_byval(elem, st->replacevalue, ws->elemlen);
	else
		memcpy(elem, DatumGetPointer(st->replacevalue), ws->elemlen);
	*op->resvalue = PointerGetDatum(copy);
	*op->resnull = false;
}

void RawArrayExecSetup(const SubscriptingRef *sbsref, SubscriptingRefState *st,
					   SubscriptExecSteps *methods)
{
	auto *ws = static_cast<RawArrayWorkspace *>(palloc0(sizeof(RawArrayWorkspace)));
	ws->typlen = get_typlen(sbsref->refcontainertype);
	get_typlenbyvalalign(sbsref->refelemtype, &ws->elemlen, &ws->elembyval, &ws->elemalign);
	if (ws->typlen <= 0 || ws->elemlen <= 0)
		elog(ERROR, "type %u is not a fixed-length array of fixed-length elements",
			 sbsref->refcontainertype);
	st->workspace = ws;
	bool is_slice = st->numlower != 0;
	methods->sbs_check_subscripts = st->isassignment ? CheckSubscriptsForAssign
													 : CheckSubscriptsForFetch;
	methods->sbs_fetch = is_slice ? RawSliceNotSupported : RawFetchElement;
	methods->sbs_assign = is_slice ? RawSliceNotSupported : RawAssignElement;
}

const SubscriptRoutines kRawArraySubscriptRoutines = {
	.transform = ArraySubscriptTransform,
	.exec_setup = RawArrayExecSetup,
	.fetch_strict = true,
	.fetch_leakproof = true,
	.store_leakproof = false,
};

}  // namespace

Datum raw_array_subscript_handler(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_POINTER(const_cast<SubscriptRoutines *>(&kRawArraySubscriptRoutines));
}

Datum array_subscript_handler(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_POINTER(const_cast<SubscriptRoutines *>(&kArraySubscriptRoutines));
}
