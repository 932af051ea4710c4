/*
 * fmgr.cpp — calling SQL functions through the version-1 interface, and
 * detoasting the varlena values they receive.
 *
 * A caller that has the C address of a function calls it with
 * DirectFunctionCallNColl; one that has looked the function up
 * (an FmgrInfo) with FunctionCallNColl.  Both build a FunctionCallInfo
 * on the stack, call, and insist the result is not NULL: these entry
 * points are for functions that never return NULL for non-NULL
 * arguments.  InputFunctionCall and OutputFunctionCall are the type I/O
 * forms, with PostgreSQL's rule that a NULL string reaches only a
 * non-strict input function.
 *
 * The pg_detoast_datum family gives a function a plain value with a
 * 4-byte header (access/detoast.h): short (1-byte-header) values are
 * copied, compressed ones decompressed, out-of-line (TOAST) ones fetched;
 * the _packed form leaves short values as they are.
 *
 * fmgr_info, fmgr_info_cxt, fmgr_internal_function_name and the
 * OidFunctionCall family need the generated built-in table and live
 * elsewhere (see utils/fmgrtab.h).
 *
 * Principal entry points: DirectFunctionCall{1,2,3}Coll,
 * FunctionCall{1,2,3}Coll, InputFunctionCall, OutputFunctionCall,
 * pg_detoast_datum, pg_detoast_datum_copy, pg_detoast_datum_packed.
 */
#include "postgres.h"

#include "fmgr.h"

#include "access/detoast.h"

namespace {

/* Call func with the arguments already in fcinfo; ERROR if it returns NULL. */
Datum CallDirect(PGFunction func, FunctionCallInfo fcinfo)
{
	Datum result = (*func)(fcinfo);
	if (fcinfo->isnull)
		elog(ERROR, "function %p returned NULL", reinterpret_cast<void *>(func));
	return result;
}

Datum CallInfo(FunctionCallInfo fcinfo)
{
	Datum result = FunctionCallInvoke(fcinfo);
	if (fcinfo->isnull)
		elog(ERROR, "function %u returned NULL", fcinfo->flinfo->fn_oid);
	return result;
}

void SetArg(FunctionCallInfo fcinfo, int n, Datum value)
{
	fcinfo->args[n].value = value;
	fcinfo->args[n].isnull = false;
}

}  // namespace

struct varlena *pg_detoast_datum(struct varlena *datum)
{
	if (!VARATT_IS_EXTENDED(datum))
		return datum;
	return detoast_attr(datum);
}

struct varlena *pg_detoast_datum_copy(struct varlena *datum)
{
	if (VARATT_IS_EXTENDED(datum))
		return pg_detoast_datum(datum);
	Size len = VARSIZE(datum);
	auto *copy = static_cast<struct varlena *>(palloc(len));
	memcpy(copy, datum, len);
	return copy;
}

struct varlena *pg_detoast_datum_packed(struct varlena *datum)
{
	if (VARATT_IS_EXTERNAL(datum) || VARATT_IS_COMPRESSED(datum))
		return detoast_attr(datum);
	return datum;
}

Datum DirectFunctionCall1Coll(PGFunction func, Oid collation, Datum arg1)
{
	LOCAL_FCINFO(fcinfo, 1);
	InitFunctionCallInfoData(*fcinfo, nullptr, 1, collation, nullptr, nullptr);
	SetArg(fcinfo, 0, arg1);
	return CallDirect(func, fcinfo);
}

Datum DirectFunctionCall2Coll(PGFunction func, Oid collation, Datum arg1, Datum arg2)
{
	LOCAL_FCINFO(fcinfo, 2);
	InitFunctionCallInfoData(*fcinfo, nullptr, 2, collation, nullptr, nullptr);
	SetArg(fcinfo, 0, arg1);
	SetArg(fcinfo, 1, arg2);
	return CallDirect(func, fcinfo);
}

Datum DirectFunctionCall3Coll(PGFunction func, Oid collation, Datum arg1, Datum arg2, Datum arg3)
{
	LOCAL_FCINFO(fcinfo, 3);
	InitFunctionCallInfoData(*fcinfo, nullptr, 3, collation, nullptr, nullptr);
	SetArg(fcinfo, 0, arg1);
	SetArg(fcinfo, 1, arg2);
	SetArg(fcinfo, 2, arg3);
	return CallDirect(func, fcinfo);
}

Datum FunctionCall1Coll(FmgrInfo *flinfo, Oid collation, Datum arg1)
{
	LOCAL_FCINFO(fcinfo, 1);
	InitFunctionCallInfoData(*fcinfo, flinfo, 1, collation, nullptr, nullptr);
	SetArg(fcinfo, 0, arg1);
	return CallInfo(fcinfo);
}

Datum FunctionCall2Coll(FmgrInfo *flinfo, Oid collation, Datum arg1, Datum arg2)
{
	LOCAL_FCINFO(fcinfo, 2);
	InitFunctionCallInfoData(*fcinfo, flinfo, 2, collation, nullptr, nullptr);
	SetArg(fcinfo, 0, arg1);
	SetArg(fcinfo, 1, arg2);
	return CallInfo(fcinfo);
}

Datum FunctionCall3Coll(FmgrInfo *flinfo, Oid collation, Datum arg1, Datum arg2, Datum arg3)
{
	LOCAL_FCINFO(fcinfo, 3);
	InitFunctionCallInfoData(*fcinfo, flinfo, 3, collation, nullptr, nullptr);
	SetArg(fcinfo, 0, arg1);
	SetArg(fcinfo, 1, arg2);
	SetArg(fcinfo, 2, arg3);
	return CallInfo(fcinfo);
}

/*
 * Call a type's input function.  A NULL str is passed only to a non-strict
 * function (a strict one would return NULL without being called), which
 * must then return NULL; a non-NULL str must give a non-NULL value.
 */
Datum InputFunctionCall(FmgrInfo *flinfo, char *str, Oid typioparam, int32 typmod)
{
	if (str == nullptr && flinfo->fn_strict)
		return (Datum) 0;

	LOCAL_FCINFO(fcinfo, 3);
	InitFunctionCallInfoData(*fcinfo, flinfo, 3, InvalidOid, nullptr, nullptr);
	fcinfo->args[0].value = CStringGetDatum(str);
	fcinfo->args[0].isnull = false;
	SetArg(fcinfo, 1, ObjectIdGetDatum(typioparam));
	SetArg(fcinfo, 2, Int32GetDatum(typmod));

	Datum result = FunctionCallInvoke(fcinfo);
	if (str == nullptr)
	{
		if (!fcinfo->isnull)
			elog(ERROR, "input function %u returned non-NULL", flinfo->fn_oid);
	}
	else if (fcinfo->isnull)
		elog(ERROR, "input function %u returned NULL", flinfo->fn_oid);
	return result;
}

/* Call a type's receive function on the bytes of buf (NULL: a NULL,
 * passed only to non-strict functions, as for input functions). */
Datum ReceiveFunctionCall(FmgrInfo *flinfo, StringInfoData *buf, Oid typioparam, int32 typmod)
{
	if (buf == nullptr && flinfo->fn_strict)
		return (Datum) 0;

	LOCAL_FCINFO(fcinfo, 3);
	InitFunctionCallInfoData(*fcinfo, flinfo, 3, InvalidOid, nullptr, nullptr);
	fcinfo->args[0].value = PointerGetDatum(buf);
	fcinfo->args[0].isnull = buf == nullptr;
	SetArg(fcinfo, 1, ObjectIdGetDatum(typioparam));
	SetArg(fcinfo, 2, Int32GetDatum(typmod));

	Datum result = FunctionCallInvoke(fcinfo);
	if (buf == nullptr)
	{
		if (!fcinfo->isnull)
			elog(ERROR, "receive function %u returned non-NULL", flinfo->fn_oid);
	}
	else if (fcinfo->isnull)
		elog(ERROR, "receive function %u returned NULL", flinfo->fn_oid);
	return result;
}

Datum OidReceiveFunctionCall(Oid functionId, StringInfoData *buf, Oid typioparam, int32 typmod)
{
	FmgrInfo flinfo;
	fmgr_info(functionId, &flinfo);
	return ReceiveFunctionCall(&flinfo, buf, typioparam, typmod);
}

/* Call a type's send function: the value's binary form as a bytea. */
bytea *SendFunctionCall(FmgrInfo *flinfo, Datum val)
{
	return reinterpret_cast<bytea *>(DatumGetPointer(FunctionCall1(flinfo, val)));
}

bytea *OidSendFunctionCall(Oid functionId, Datum val)
{
	FmgrInfo flinfo;
	fmgr_info(functionId, &flinfo);
	return SendFunctionCall(&flinfo, val);
}

/* Call a type's output function: the value as a palloc'd C string. */
char *OutputFunctionCall(FmgrInfo *flinfo, Datum val)
{
	return DatumGetCString(FunctionCall1(flinfo, val));
}
