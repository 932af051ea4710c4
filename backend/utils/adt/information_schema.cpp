/*
 * information_schema.cpp — the functions of the information_schema schema
 * that clients call directly.
 *
 * PostgreSQL's initdb creates information_schema from a SQL script; Tusk
 * has the schema (pg_namespace) and, so far, the one function drivers
 * call: _pg_expandarray(anyarray), which pgjdbc's
 * DatabaseMetaData.getPrimaryKeys and getIndexInfo use to number an
 * index's key columns (pg_index.indkey).  PostgreSQL writes it in SQL
 * (elements $1[s] of the first dimension with s - lower bound + 1); here it
 * is built in with the same results.
 *
 * Principal entry points: pg_expandarray.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"

namespace {

struct ExpandState
{
	TupleDesc desc;
	Datum *elems; /* the elements in storage order, or NULL (several dimensions) */
	bool *nulls;
	int count; /* rows: the length of the first dimension */
};

}  // namespace

/* _pg_expandarray(anyarray, OUT x anyelement, OUT n int4): a row (x, n) per
 * position of the array's first dimension, n counting from 1.  An array of
 * several dimensions gives NULL elements, as $1[s] does in PostgreSQL's SQL
 * definition; an empty array none. */
Datum pg_expandarray(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		ArrayType *array = PG_GETARG_ARRAYTYPE_P(0);
		Oid elemtype = ARR_ELEMTYPE(array);
		auto *state = static_cast<ExpandState *>(palloc0(sizeof(ExpandState)));
		TupleDesc desc = CreateTemplateTupleDesc(2);
		TupleDescInitEntry(desc, 1, "x", elemtype, -1, 0);
		TupleDescInitEntry(desc, 2, "n", INT4OID, -1, 0);
		state->desc = BlessTupleDesc(desc);
		if (ARR_NDIM(array) >= 1)
			state->count = ARR_DIMS(array)[0];
		if (ARR_NDIM(array) == 1)
		{
			int16 typlen;
			bool typbyval;
			char typalign;
			get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
			int nelems = 0;
			deconstruct_array(array, elemtype, typlen, typbyval, typalign, &state->elems,
							  &state->nulls, &nelems);
		}
		funcctx->user_fctx = state;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *state = static_cast<ExpandState *>(funcctx->user_fctx);
	if (funcctx->call_cntr < static_cast<uint64>(state->count))
	{
		int i = static_cast<int>(funcctx->call_cntr);
		Datum values[2];
		bool nulls[2] = {true, false};
		values[0] = 0;
		if (state->elems != nullptr && !state->nulls[i])
		{
			values[0] = state->elems[i];
			nulls[0] = false;
		}
		values[1] = Int32GetDatum(i + 1);
		HeapTuple tuple = heap_form_tuple(state->desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}
