/*
 * domains.cpp — input of domain values (PostgreSQL's domains.c):
 * domain_in and domain_recv, the typinput and typreceive of every domain.
 *
 * A domain's value is its base type's value; what makes it the domain's
 * is that its constraints hold.  So a domain's text (COPY FROM, record_in
 * of a row with a domain column, array_in of a domain's array, a literal
 * read at run time) goes through the base type's input function and then
 * through the domain's NOT NULL and CHECK constraints, compiled once per
 * call site (FmgrInfo.fn_extra) as the same CoerceToDomain step program
 * the executor runs for x::domain (executor/execExpr.cpp).
 *
 * Neither function is strict: a NULL input is a NULL domain value, which
 * a NOT NULL domain refuses (23502).
 *
 * Principal entry points: domain_in, domain_recv.
 */
#include "postgres.h"

#include "executor/executor.h"
#include "lib/stringinfo.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"
#include "utils/format_type.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

namespace {

/* What one call site keeps between calls. */
struct DomainIOData
{
	Oid domain_type;
	Oid base_type;
	int32 base_typmod;
	FmgrInfo base_proc; /* the base type's input or receive function */
	Oid base_ioparam;
	Datum value; /* read by the compiled checks */
	bool isnull;
	ExprState *checks;
	ExprContext *econtext;
};

DomainIOData *GetDomainIOData(FunctionCallInfo fcinfo, Oid domain_type, bool binary)
{
	auto *data = static_cast<DomainIOData *>(fcinfo->flinfo->fn_extra);
	if (data != nullptr && data->domain_type == domain_type)
		return data;
	MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	data = static_cast<DomainIOData *>(palloc0(sizeof(DomainIOData)));
	data->domain_type = domain_type;
	data->base_typmod = -1;
	data->base_type = getBaseTypeAndTypmod(domain_type, &data->base_typmod);
	if (data->base_type == domain_type)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("type %s is not a domain", format_type_be(domain_type)));
	Oid proc;
	if (binary)
		getTypeBinaryInputInfo(data->base_type, &proc, &data->base_ioparam);
	else
		getTypeInputInfo(data->base_type, &proc, &data->base_ioparam);
	fmgr_info_cxt(proc, &data->base_proc, fcinfo->flinfo->fn_mcxt);
	data->checks = ExecInitDomainCheck(domain_type, &data->value, &data->isnull);
	data->econtext = makeNode(ExprContext);
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = data;
	return data;
}

/* The base type's value checked as the domain's; returns it. */
Datum CheckDomainValue(FunctionCallInfo fcinfo, DomainIOData *data, Datum value, bool isnull)
{
	data->value = value;
	data->isnull = isnull;
	bool resnull;
	(void) ExecEvalExpr(data->checks, data->econtext, &resnull);
	if (isnull)
		PG_RETURN_NULL();
	return value;
}

}  // namespace

Datum domain_in(PG_FUNCTION_ARGS)
{
	char *string = PG_ARGISNULL(0) ? nullptr : PG_GETARG_CSTRING(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	DomainIOData *data = GetDomainIOData(fcinfo, PG_GETARG_OID(1), false);
	Datum value = InputFunctionCall(&data->base_proc, string, data->base_ioparam,
									data->base_typmod);
	return CheckDomainValue(fcinfo, data, value, string == nullptr);
}

Datum domain_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = PG_ARGISNULL(0) ? nullptr : reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	DomainIOData *data = GetDomainIOData(fcinfo, PG_GETARG_OID(1), true);
	Datum value = ReceiveFunctionCall(&data->base_proc, buf, data->base_ioparam, data->base_typmod);
	return CheckDomainValue(fcinfo, data, value, buf == nullptr);
}
