/*
 * absent_objects.cpp — catalog functions about kinds of object Tusk does
 * not have yet (foreign-data wrappers, servers and their options), which
 * pg_dump calls on every run: they answer from the catalogs, which hold
 * no such objects, exactly as PostgreSQL answers for a database without
 * them.
 *
 * Principal entry point: pg_options_to_table.
 */
#include "postgres.h"

#include <string>

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

namespace {

struct OptionsState
{
	TupleDesc desc;
	Datum *elems;
	bool *nulls;
	int count;
};

}  // namespace

/* pg_options_to_table(text[]): each "name=value" element of a generic
 * options array (FDW, server, user mapping or column options) as a row
 * (option_name, option_value); an element without '=' has a NULL value,
 * and a NULL element is an error, as in PostgreSQL. */
Datum pg_options_to_table(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		auto *state = static_cast<OptionsState *>(palloc0(sizeof(OptionsState)));
		TupleDesc desc = CreateTemplateTupleDesc(2);
		TupleDescInitEntry(desc, 1, "option_name", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 2, "option_value", TEXTOID, -1, 0);
		state->desc = BlessTupleDesc(desc);
		ArrayType *options = PG_GETARG_ARRAYTYPE_P(0);
		deconstruct_array(options, TEXTOID, -1, false, TYPALIGN_INT, &state->elems, &state->nulls,
						  &state->count);
		funcctx->user_fctx = state;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *state = static_cast<OptionsState *>(funcctx->user_fctx);
	if (funcctx->call_cntr < static_cast<uint64>(state->count))
	{
		uint64 i = funcctx->call_cntr;
		if (state->nulls[i])
			ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("null array element not allowed in this context"));
		std::string option = TextDatumGetCString(state->elems[i]);
		size_t eq = option.find('=');
		Datum values[2];
		bool nulls[2] = {false, false};
		values[0] = CStringGetTextDatum(option.substr(0, eq).c_str());
		if (eq == std::string::npos)
		{
			values[1] = 0;
			nulls[1] = true;
		}
		else
			values[1] = CStringGetTextDatum(option.substr(eq + 1).c_str());
		HeapTuple tuple = heap_form_tuple(state->desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}
