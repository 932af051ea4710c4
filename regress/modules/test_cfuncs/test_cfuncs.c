/*
 * test_cfuncs.c — SQL-callable C functions for regress/sql/cfuncs.sql.
 *
 * The same source builds against Tusk's installed headers (meson, with the
 * tree) and against PostgreSQL 15's (postgresql-server-dev-15), so the
 * expected output of the SQL test comes from PostgreSQL running this very
 * module.  Written in C to prove the fmgr headers work from C.
 */
#include "postgres.h"

#include <string.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

PG_MODULE_MAGIC;

void _PG_init(void);

/* How many times _PG_init ran in this backend (loading is once). */
static int init_count = 0;

void _PG_init(void)
{
	init_count++;
}

PG_FUNCTION_INFO_V1(cf_init_count);
Datum cf_init_count(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_INT32(init_count);
}

/* int4 + 1 (declared STRICT) */
PG_FUNCTION_INFO_V1(add_one);
Datum add_one(PG_FUNCTION_ARGS)
{
	int32 arg = PG_GETARG_INT32(0);

	PG_RETURN_INT32(arg + 1);
}

/* int4 * 2 (another symbol for CREATE OR REPLACE) */
PG_FUNCTION_INFO_V1(times_two);
Datum times_two(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_INT32(0) * 2);
}

/* Not strict: NULL arguments count as 0; NULL when both are NULL; also
 * reports how many arguments it was given. */
PG_FUNCTION_INFO_V1(sum_nonstrict);
Datum sum_nonstrict(PG_FUNCTION_ARGS)
{
	int64 sum = 0;
	int i;
	bool any = false;

	for (i = 0; i < PG_NARGS(); i++)
	{
		if (PG_ARGISNULL(i))
			continue;
		sum += PG_GETARG_INT32(i);
		any = true;
	}
	if (!any)
		PG_RETURN_NULL();
	PG_RETURN_INT64(sum * 10 + PG_NARGS());
}

/* NULL for a negative argument, else the argument as float8 halved. */
PG_FUNCTION_INFO_V1(half_or_null);
Datum half_or_null(PG_FUNCTION_ARGS)
{
	int64 v = PG_GETARG_INT64(0);

	if (v < 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((float8) v / 2.0);
}

/* Both texts joined by a separator (text_to_cstring, cstring_to_text). */
PG_FUNCTION_INFO_V1(text_join);
Datum text_join(PG_FUNCTION_ARGS)
{
	char *a = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char *b = text_to_cstring(PG_GETARG_TEXT_PP(1));
	char *sep = PG_ARGISNULL(2) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(2));
	size_t len = strlen(a) + strlen(sep) + strlen(b);
	char *out = palloc(len + 1);

	strcpy(out, a);
	strcat(out, sep);
	strcat(out, b);
	PG_RETURN_TEXT_P(cstring_to_text(out));
}

/* The text with its bytes reversed, built by hand (VARDATA, SET_VARSIZE). */
PG_FUNCTION_INFO_V1(text_reverse);
Datum text_reverse(PG_FUNCTION_ARGS)
{
	text *t = PG_GETARG_TEXT_P(0);
	int len = VARSIZE(t) - VARHDRSZ;
	text *out = (text *) palloc(VARHDRSZ + len);
	int i;

	SET_VARSIZE(out, VARHDRSZ + len);
	for (i = 0; i < len; i++)
		VARDATA(out)[i] = VARDATA(t)[len - 1 - i];
	PG_RETURN_TEXT_P(out);
}

/* quote_identifier of the argument. */
PG_FUNCTION_INFO_V1(quote_ident_c);
Datum quote_ident_c(PG_FUNCTION_ARGS)
{
	char *s = text_to_cstring(PG_GETARG_TEXT_PP(0));

	PG_RETURN_TEXT_P(cstring_to_text(quote_identifier(s)));
}

/* Each byte of a bytea xor'ed with a key. */
PG_FUNCTION_INFO_V1(bytea_xor);
Datum bytea_xor(PG_FUNCTION_ARGS)
{
	bytea *b = PG_GETARG_BYTEA_PP(0);
	int32 key = PG_GETARG_INT32(1);
	int len = VARSIZE_ANY_EXHDR(b);
	bytea *out = (bytea *) palloc(VARHDRSZ + len);
	int i;

	SET_VARSIZE(out, VARHDRSZ + len);
	for (i = 0; i < len; i++)
		((unsigned char *) VARDATA(out))[i] = ((const unsigned char *) VARDATA_ANY(b))[i] ^
			(key & 0xff);
	PG_RETURN_BYTEA_P(out);
}

/* The sum of an int4[]'s non-NULL elements. */
PG_FUNCTION_INFO_V1(int_array_sum);
Datum int_array_sum(PG_FUNCTION_ARGS)
{
	ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);
	Datum *elems;
	bool *nulls;
	int n;
	int i;
	int64 sum = 0;

	if (ARR_ELEMTYPE(a) != INT4OID)
		elog(ERROR, "int_array_sum: expected int4[]");
	deconstruct_array(a, INT4OID, 4, true, TYPALIGN_INT, &elems, &nulls, &n);
	for (i = 0; i < n; i++)
		if (!nulls[i])
			sum += DatumGetInt32(elems[i]);
	PG_RETURN_INT64(sum);
}

/* int4[] of lo..hi. */
PG_FUNCTION_INFO_V1(int_array_range);
Datum int_array_range(PG_FUNCTION_ARGS)
{
	int32 lo = PG_GETARG_INT32(0);
	int32 hi = PG_GETARG_INT32(1);
	int n = hi >= lo ? hi - lo + 1 : 0;
	Datum *elems = palloc(sizeof(Datum) * (n > 0 ? n : 1));
	int i;

	for (i = 0; i < n; i++)
		elems[i] = Int32GetDatum(lo + i);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, INT4OID, 4, true, TYPALIGN_INT));
}

/* ereport(ERROR) with a SQLSTATE, a detail and a hint. */
PG_FUNCTION_INFO_V1(raise_error);
Datum raise_error(PG_FUNCTION_ARGS)
{
	char *msg = text_to_cstring(PG_GETARG_TEXT_PP(0));

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("test_cfuncs: %s", msg),
			 errdetail("Raised on purpose."), errhint("Do not call raise_error.")));
	PG_RETURN_VOID();
}

/* sqrt and int4 addition through DirectFunctionCall of built-ins. */
PG_FUNCTION_INFO_V1(direct_calls);
Datum direct_calls(PG_FUNCTION_ARGS)
{
	float8 x = PG_GETARG_FLOAT8(0);
	Datum root = DirectFunctionCall1(dsqrt, Float8GetDatum(x));
	Datum sum = DirectFunctionCall2(int4pl, Int32GetDatum(40), Int32GetDatum(2));
	Datum num = DirectFunctionCall1(int4in, CStringGetDatum("7"));

	PG_RETURN_FLOAT8(DatumGetFloat8(root) + DatumGetInt32(sum) + DatumGetInt32(num));
}

/* Calls the one-argument function given by OID (OidFunctionCall1), and
 * the same through fmgr_info + FunctionCall1; returns the sum. */
PG_FUNCTION_INFO_V1(call_by_oid);
Datum call_by_oid(PG_FUNCTION_ARGS)
{
	Oid fn = PG_GETARG_OID(0);
	Datum arg = PG_GETARG_DATUM(1);
	FmgrInfo flinfo;
	Datum a = OidFunctionCall1(fn, arg);
	Datum b;

	fmgr_info(fn, &flinfo);
	b = FunctionCall1(&flinfo, arg);
	PG_RETURN_INT32(DatumGetInt32(a) + DatumGetInt32(b));
}

/* SETOF int4: lo..hi by step (SRF_* value-per-call protocol). */
typedef struct
{
	int32 next;
	int32 hi;
	int32 step;
} series_state;

PG_FUNCTION_INFO_V1(int_series);
Datum int_series(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	series_state *st;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		st = palloc(sizeof(series_state));
		st->next = PG_GETARG_INT32(0);
		st->hi = PG_GETARG_INT32(1);
		st->step = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : 1;
		if (st->step <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("step must be positive")));
		funcctx->user_fctx = st;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	st = funcctx->user_fctx;
	if (st->next <= st->hi)
	{
		int32 v = st->next;

		st->next += st->step;
		SRF_RETURN_NEXT(funcctx, Int32GetDatum(v));
	}
	SRF_RETURN_DONE(funcctx);
}

/* SETOF record (OUT n int4, square int8, label text): composite rows
 * from get_call_result_type, BlessTupleDesc and heap_form_tuple; the
 * label of every third row is NULL. */
PG_FUNCTION_INFO_V1(squares);
Datum squares(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		TupleDesc tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function returning record called in context "
							"that cannot accept type record")));
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->max_calls = PG_GETARG_INT32(0);
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int32 n = (int32) funcctx->call_cntr + 1;
		Datum values[3];
		bool nulls[3] = {false, false, false};
		char label[32];
		HeapTuple tuple;

		snprintf(label, sizeof(label), "n=%d", n);
		values[0] = Int32GetDatum(n);
		values[1] = Int64GetDatum((int64) n * n);
		values[2] = CStringGetTextDatum(label);
		nulls[2] = n % 3 == 0;
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

/* One composite value (not a set) of the row type cf_pair (a int4,
 * b text): heap_form_tuple, HeapTupleGetDatum. */
PG_FUNCTION_INFO_V1(make_pair);
Datum make_pair(PG_FUNCTION_ARGS)
{
	TupleDesc tupdesc;
	Datum values[2];
	bool nulls[2] = {false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "make_pair: not a composite result");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = PG_GETARG_DATUM(0);
	if (PG_ARGISNULL(1))
		nulls[1] = true;
	else
		values[1] = PG_GETARG_DATUM(1);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* The same row type, each column read from text by its input function
 * (TupleDescGetAttInMetadata, BuildTupleFromCStrings); NULL stays NULL. */
PG_FUNCTION_INFO_V1(pair_from_strings);
Datum pair_from_strings(PG_FUNCTION_ARGS)
{
	TupleDesc tupdesc;
	AttInMetadata *attinmeta;
	char *values[2];
	HeapTuple tuple;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "pair_from_strings: not a composite result");
	attinmeta = TupleDescGetAttInMetadata(BlessTupleDesc(tupdesc));
	values[0] = PG_ARGISNULL(0) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(0));
	values[1] = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));
	tuple = BuildTupleFromCStrings(attinmeta, values);
	PG_RETURN_DATUM(HeapTupleGetDatum(tuple));
}

/* A composite argument read by column name and number
 * (PG_GETARG_HEAPTUPLEHEADER, GetAttributeByName, GetAttributeByNum). */
PG_FUNCTION_INFO_V1(pair_label);
Datum pair_label(PG_FUNCTION_ARGS)
{
	HeapTupleHeader t;
	bool anull;
	bool bnull;
	Datum a;
	Datum b;
	char buf[128];

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	t = PG_GETARG_HEAPTUPLEHEADER(0);
	a = GetAttributeByName(t, "a", &anull);
	b = GetAttributeByNum(t, 2, &bnull);
	snprintf(buf, sizeof(buf), "a=%s b=%s", anull ? "null" : psprintf("%d", DatumGetInt32(a)),
			 bnull ? "null" : text_to_cstring(DatumGetTextPP(b)));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/* A symbol without a PG_FUNCTION_INFO_V1 record. */
Datum no_finfo(PG_FUNCTION_ARGS);
Datum no_finfo(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_INT32(0);
}
