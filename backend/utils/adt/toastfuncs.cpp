/*
 * toastfuncs.cpp — SQL functions about how values are stored:
 * pg_column_size and pg_column_compression (PostgreSQL's, from
 * varlena.c), reading a value's TOAST state without detoasting it.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/toast_compression.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"

namespace {

/* The argument's type length, looked up once per call site. */
int16 ArgTypeLength(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo != nullptr && fcinfo->flinfo->fn_extra != nullptr)
		return *static_cast<int16 *>(fcinfo->flinfo->fn_extra);
	Oid argtype = fcinfo->flinfo != nullptr ? get_fn_expr_argtype(fcinfo->flinfo, 0) : InvalidOid;
	if (!OidIsValid(argtype))
		elog(ERROR, "could not determine data type of input");
	int16 typlen = get_typlen(argtype);
	auto *cached = static_cast<int16 *>(MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(int16)));
	*cached = typlen;
	fcinfo->flinfo->fn_extra = cached;
	return typlen;
}

}  // namespace

/* The bytes a value takes where it is stored: compressed size if
 * compressed, the data in the TOAST table if out of line. */
Datum pg_column_size(PG_FUNCTION_ARGS)
{
	Datum value = PG_GETARG_DATUM(0);
	int16 typlen = ArgTypeLength(fcinfo);
	int32 result;
	if (typlen == -1)
		result = static_cast<int32>(toast_datum_size(value));
	else if (typlen == -2)
		result = static_cast<int32>(strlen(DatumGetCString(value)) + 1);
	else
		result = typlen;
	PG_RETURN_INT32(result);
}

/* The compression method of a compressed value, else NULL. */
Datum pg_column_compression(PG_FUNCTION_ARGS)
{
	if (ArgTypeLength(fcinfo) != -1)
		PG_RETURN_NULL();
	switch (toast_get_compression_id(
		reinterpret_cast<struct varlena *>(DatumGetPointer(PG_GETARG_DATUM(0)))))
	{
		case TOAST_PGLZ_COMPRESSION_ID:
			PG_RETURN_TEXT_P(cstring_to_text("pglz"));
		case TOAST_LZ4_COMPRESSION_ID:
			PG_RETURN_TEXT_P(cstring_to_text("lz4"));
		case TOAST_INVALID_COMPRESSION_ID:
			break;
	}
	PG_RETURN_NULL();
}
