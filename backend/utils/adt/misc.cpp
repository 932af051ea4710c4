/*
 * misc.cpp — system information functions clients call: pg_typeof,
 * current_user, session_user, current_database, current_schema(s),
 * version, pg_backend_pid, current_setting, set_config and
 * pg_show_all_settings (the view pg_settings).
 *
 * Principal entry points: the SQL-callable functions below (their C
 * names are PostgreSQL's pg_proc.prosrc).
 */
#include "postgres.h"

#include <optional>
#include <string>
#include <vector>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/latch.h"
#include "utils/timestamp.h"
#include "utils/wait_event.h"
#include "tusk_config.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/misc/guc_internal.h"
#include "utils/syscache.h"

namespace {

Datum NameDatum(const char *s)
{
	auto *name = static_cast<Name>(palloc0(sizeof(NameData)));
	strlcpy(NameStr(*name), s, NAMEDATALEN);
	return PointerGetDatum(name);
}

const char *UserName(Oid roleid)
{
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tup == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT), errmsg("invalid role OID: %u", roleid));
	return NameStr(reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolname);
}

}  // namespace

Datum pg_typeof(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(get_fn_expr_argtype(fcinfo->flinfo, 0));
}

Datum current_user(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	return NameDatum(UserName(MyUserId));
}

Datum session_user(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	return NameDatum(UserName(GetSessionUserId()));
}

Datum current_database(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	HeapTuple tup = SearchSysCache1(DATABASEOID, ObjectIdGetDatum(MyDatabaseId));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for database %u", MyDatabaseId);
	return NameDatum(NameStr(reinterpret_cast<Form_pg_database>(GETSTRUCT(tup))->datname));
}

Datum current_schema(PG_FUNCTION_ARGS)
{
	List *path = fetch_search_path(false);
	if (path == NIL)
		PG_RETURN_NULL();
	char *name = get_namespace_name(linitial_oid(path));
	if (name == nullptr)
		PG_RETURN_NULL();
	return NameDatum(name);
}

Datum current_schemas(PG_FUNCTION_ARGS)
{
	List *path = fetch_search_path(PG_GETARG_BOOL(0));
	int n = list_length(path);
	auto *names = static_cast<Datum *>(palloc(Max(n, 1) * sizeof(Datum)));
	int i = 0;
	ListCell *lc;
	foreach (lc, path)
		if (char *name = get_namespace_name(lfirst_oid(lc)))
			names[i++] = NameDatum(name);
	PG_RETURN_POINTER(construct_array(names, i, NAMEOID, NAMEDATALEN, false, TYPALIGN_CHAR));
}

Datum pgsql_version(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TEXT_P(cstring_to_text(PG_VERSION_STR));
}

Datum pg_backend_pid(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_INT32(MyProcPid);
}

Datum show_config_by_name(PG_FUNCTION_ARGS)
{
	char *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	PG_RETURN_TEXT_P(cstring_to_text(tusk::guc::ShowSetting(name).c_str()));
}

Datum show_config_by_name_missing_ok(PG_FUNCTION_ARGS)
{
	char *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	bool missing_ok = PG_GETARG_BOOL(1);
	const char *varname;
	if (missing_ok && GetConfigOptionByName(name, &varname, true) == nullptr)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(tusk::guc::ShowSetting(name).c_str()));
}

Datum set_config_by_name(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				errmsg("SET requires parameter name"));
	char *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char *value = PG_ARGISNULL(1) ? nullptr : text_to_cstring(PG_GETARG_TEXT_PP(1));
	bool is_local = PG_ARGISNULL(2) ? false : PG_GETARG_BOOL(2);
	(void) set_config_option(name, value, PGC_USERSET, PGC_S_SESSION,
							 is_local ? GUC_ACTION_LOCAL : GUC_ACTION_SET, true, 0, false);
	PG_RETURN_TEXT_P(cstring_to_text(tusk::guc::ShowSetting(name).c_str()));
}

namespace {

constexpr int kSettingsColumns = 17;

Datum SettingRowDatum(TupleDesc desc, const tusk::guc::SettingRow &row)
{
	Datum values[kSettingsColumns];
	bool nulls[kSettingsColumns] = {};
	auto text = [&](int i, const std::string &s) {
		values[i] = PointerGetDatum(cstring_to_text(s.c_str()));
	};
	auto opt = [&](int i, const std::optional<std::string> &s) {
		if (s)
			text(i, *s);
		else
			nulls[i] = true;
	};
	text(0, row.name);
	text(1, row.setting);
	opt(2, row.unit);
	text(3, row.category);
	text(4, row.short_desc);
	opt(5, row.extra_desc);
	text(6, row.context);
	text(7, row.vartype);
	text(8, row.source);
	opt(9, row.min_val);
	opt(10, row.max_val);
	if (row.enumvals)
	{
		std::vector<Datum> elems;
		for (const std::string &e : *row.enumvals)
			elems.push_back(PointerGetDatum(cstring_to_text(e.c_str())));
		values[11] = PointerGetDatum(construct_array(elems.data(), static_cast<int>(elems.size()),
													 TEXTOID, -1, false, TYPALIGN_INT));
	}
	else
		nulls[11] = true;
	opt(12, row.boot_val);
	opt(13, row.reset_val);
	opt(14, row.sourcefile);
	if (row.sourceline)
		values[15] = Int32GetDatum(*row.sourceline);
	else
		nulls[15] = true;
	values[16] = BoolGetDatum(row.pending_restart);
	HeapTuple tuple = heap_form_tuple(desc, values, nulls);
	return heap_copy_tuple_as_datum(tuple, desc);
}

/* pg_show_all_settings' rows, formed at the first call. */
struct SettingsScan
{
	Datum *rows;
	size_t count;
	size_t next;
};

}  // namespace

/* pg_show_all_settings(): the rows of pg_settings, computed at the first
 * call (tusk::guc::AllSettingRows). */
Datum show_all_settings(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		static const Oid kTypes[kSettingsColumns] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID,
													 TEXTOID, TEXTOID, TEXTOID, TEXTOID,
													 TEXTOID, TEXTOID, TEXTOID, TEXTARRAYOID,
													 TEXTOID, TEXTOID, TEXTOID, INT4OID,
													 BOOLOID};
		TupleDesc desc = CreateTemplateTupleDesc(kSettingsColumns);
		for (int i = 0; i < kSettingsColumns; i++)
			TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), nullptr, kTypes[i], -1, 0);
		funcctx->tuple_desc = BlessTupleDesc(desc);
		std::vector<tusk::guc::SettingRow> rows = tusk::guc::AllSettingRows();
		auto *scan = static_cast<SettingsScan *>(palloc0(sizeof(SettingsScan)));
		scan->rows = static_cast<Datum *>(palloc(sizeof(Datum) * (rows.size() + 1)));
		for (const tusk::guc::SettingRow &row : rows)
			scan->rows[scan->count++] = SettingRowDatum(funcctx->tuple_desc, row);
		funcctx->user_fctx = scan;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *scan = static_cast<SettingsScan *>(funcctx->user_fctx);
	if (scan->next < scan->count)
		SRF_RETURN_NEXT(funcctx, scan->rows[scan->next++]);
	SRF_RETURN_DONE(funcctx);
}

/*
 * pg_sleep(seconds): sleep on the process latch, so a cancel, a statement
 * timeout or a termination request ends it at once (with its error), and
 * in slices of at most ten minutes, as PostgreSQL does.
 */
Datum pg_sleep(PG_FUNCTION_ARGS)
{
	constexpr double kMaxSliceSeconds = 600.0;
	float8 secs = PG_GETARG_FLOAT8(0);
	double end = static_cast<double>(GetCurrentTimestamp()) / 1e6 + secs;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		double delay = end - static_cast<double>(GetCurrentTimestamp()) / 1e6;
		if (!(delay > 0))
			break;
		long delay_ms = static_cast<long>(Min(delay, kMaxSliceSeconds) * 1000.0);
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, delay_ms,
						 WAIT_EVENT_PG_SLEEP);
		ResetLatch(MyLatch);
	}
	PG_RETURN_VOID();
}
