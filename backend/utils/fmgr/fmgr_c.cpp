/*
 * fmgr_c.cpp — functions of LANGUAGE C: SQL-callable functions in
 * loadable modules (PostgreSQL's fmgr_info_C_lang, fetch_finfo_record and
 * fmgr_c_validator).
 *
 * A C function's pg_proc row names its module in probin (as written in
 * CREATE FUNCTION: a path, "$libdir/name" or a bare name, found as
 * dfmgr.cpp finds modules) and its symbol in prosrc.  The first call in a
 * backend loads the module (its magic block checked, its _PG_init run),
 * finds the symbol and its "pg_finfo_<symbol>" record, which must say API
 * version 1, and remembers the address for the function's OID.  The
 * memory of a lookup holds the probin and prosrc it was made from and is
 * used only while the catalog row still says the same, so CREATE OR
 * REPLACE pointing elsewhere, or DROP and a new function reusing the OID,
 * look again.  A module stays loaded for the life of the backend, as in
 * PostgreSQL.
 *
 * CREATE FUNCTION … LANGUAGE C runs the language's validator,
 * fmgr_c_validator, which loads the module and checks the symbol and its
 * record, so that a wrong file or name is reported at once.
 *
 * Principal entry points: fmgr_info_C_lang, fetch_finfo_record,
 * fmgr_c_validator.
 */
#include "postgres.h"

#include <string>
#include <unordered_map>

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/syscache.h"

#include "fmgr_internal.h"

namespace {

/* What a backend found for one C function. */
struct CFunctionCacheEntry
{
	std::string probin;
	std::string prosrc;
	PGFunction func;
};

std::unordered_map<Oid, CFunctionCacheEntry> &CFunctionCache()
{
	static std::unordered_map<Oid, CFunctionCacheEntry> cache;
	return cache;
}

/* The text column attnum of a pg_proc row, or an ERROR if it is NULL. */
std::string ProcTextAttr(HeapTuple tup, int attnum, const char *what, Oid funcoid)
{
	bool isnull;
	Datum d = SysCacheGetAttr(PROCOID, tup, attnum, &isnull);
	if (isnull)
		elog(ERROR, "null %s for C function %u", what, funcoid);
	char *s = TextDatumGetCString(d);
	std::string result = s;
	pfree(s);
	return result;
}

}  // namespace

const Pg_finfo_record *fetch_finfo_record(void *filehandle, const char *funcname)
{
	std::string infofuncname = "pg_finfo_";
	infofuncname += funcname;
	auto infofunc = reinterpret_cast<PGFInfoFunction>(
		lookup_external_function(filehandle, infofuncname.c_str()));
	if (infofunc == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("could not find function information for function \"%s\"", funcname),
				errhint("SQL-callable functions need an accompanying "
						"PG_FUNCTION_INFO_V1(funcname)."));
	const Pg_finfo_record *inforec = infofunc();
	if (inforec == nullptr)
		elog(ERROR, "null result from info function \"%s\"", infofuncname.c_str());
	if (inforec->api_version != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unrecognized API version %d reported by info function \"%s\"",
					   inforec->api_version, infofuncname.c_str()));
	return inforec;
}

PGFunction fmgr_info_C_lang(Oid functionId, HeapTuple procedureTuple)
{
	std::string probin = ProcTextAttr(procedureTuple, Anum_pg_proc_probin, "probin", functionId);
	std::string prosrc = ProcTextAttr(procedureTuple, Anum_pg_proc_prosrc, "prosrc", functionId);
	auto &cache = CFunctionCache();
	auto it = cache.find(functionId);
	if (it != cache.end() && it->second.probin == probin && it->second.prosrc == prosrc)
		return it->second.func;
	void *libraryhandle;
	auto func = reinterpret_cast<PGFunction>(
		load_external_function(probin.c_str(), prosrc.c_str(), true, &libraryhandle));
	(void) fetch_finfo_record(libraryhandle, prosrc.c_str());
	cache[functionId] = CFunctionCacheEntry{std::move(probin), std::move(prosrc), func};
	return func;
}

Datum fmgr_c_validator(PG_FUNCTION_ARGS)
{
	Oid funcoid = PG_GETARG_OID(0);
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcoid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcoid);
	std::string prosrc = ProcTextAttr(tup, Anum_pg_proc_prosrc, "prosrc", funcoid);
	std::string probin = ProcTextAttr(tup, Anum_pg_proc_probin, "probin", funcoid);
	ReleaseSysCache(tup);
	void *libraryhandle;
	(void) load_external_function(probin.c_str(), prosrc.c_str(), true, &libraryhandle);
	(void) fetch_finfo_record(libraryhandle, prosrc.c_str());
	PG_RETURN_VOID();
}
