/*
 * bgworker_status.cpp — pg_stat_get_bgworker, which the view
 * pg_stat_bgworker (★ Tusk's own) reads: one row per registered background
 * worker, from the registry the postmaster publishes in shared memory
 * (GetBackgroundWorkerStatuses, postmaster/bgworker.cpp).
 *
 * Principal entry point: pg_stat_get_bgworker.  doc/bgworker.md describes
 * every column and state.
 */
#include "postgres.h"

#include <cstring>
#include <string>

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "postmaster/bgworker.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

namespace {

constexpr int kBgworkerColumns = 16;

const char *StartTimeName(BgWorkerStartTime start)
{
	switch (start)
	{
		case BgWorkerStart_PostmasterStart:
			return "postmaster start";
		case BgWorkerStart_ConsistentState:
			return "consistent state";
		case BgWorkerStart_RecoveryFinished:
			return "recovery finished";
	}
	return "unknown";
}

const char *StateName(BgWorkerState state)
{
	switch (state)
	{
		case BGWS_WAITING_FOR_START:
			return "waiting to start";
		case BGWS_RUNNING:
			return "running";
		case BGWS_WAITING_TO_RESTART:
			return "waiting to restart";
		case BGWS_STOPPED:
			return "stopped";
		case BGWS_CRASHED:
			return "crashed";
	}
	return "unknown";
}

/* A registry string (a char[BGW_MAXLEN], terminated by the registry). */
Datum TextOf(const char (&s)[BGW_MAXLEN])
{
	return PointerGetDatum(cstring_to_text_with_len(s, static_cast<int>(strnlen(s, BGW_MAXLEN))));
}

Datum BgworkerRow(TupleDesc desc, const BgWorkerStatus &w)
{
	Datum values[kBgworkerColumns] = {};
	bool nulls[kBgworkerColumns];
	for (bool &n : nulls)
		n = true;
	auto set = [&](int col, Datum value) {
		values[col] = value;
		nulls[col] = false;
	};
	set(0, TextOf(w.bgw_name));
	set(1, TextOf(w.bgw_type));
	set(2, TextOf(w.bgw_library_name));
	set(3, TextOf(w.bgw_function_name));
	set(4, CStringGetTextDatum(StartTimeName(w.bgw_start_time)));
	if (w.bgw_restart_time != BGW_NEVER_RESTART)
		set(5, Int32GetDatum(w.bgw_restart_time));
	set(6, BoolGetDatum(w.dynamic));
	set(7, CStringGetTextDatum(StateName(w.state)));
	if (w.state == BGWS_RUNNING && w.pid > 0)
		set(8, Int32GetDatum(w.pid));
	set(9, Int32GetDatum(w.starts));
	if (w.started_at != 0)
		set(10, TimestampTzGetDatum(w.started_at));
	if (w.last_exit_time != 0)
	{
		if (w.last_exit_signal == 0 && w.last_exit_code >= 0)
			set(11, Int32GetDatum(w.last_exit_code));
		if (w.last_exit_signal != 0)
			set(12, Int32GetDatum(w.last_exit_signal));
		set(13, TimestampTzGetDatum(w.last_exit_time));
	}
	set(14, Int32GetDatum(w.early_exits));
	if (w.state == BGWS_WAITING_TO_RESTART && w.restart_at != 0)
		set(15, TimestampTzGetDatum(w.restart_at));
	HeapTuple tuple = heap_form_tuple(desc, values, nulls);
	return heap_copy_tuple_as_datum(tuple, desc);
}

struct BgworkerScan
{
	BgWorkerStatus *rows;
	int count;
	int next;
};

}  // namespace

/* pg_stat_get_bgworker(): a row per registered worker (and per forgotten
 * one the registry still shows), read once at the first call. */
Datum pg_stat_get_bgworker(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		static const Oid kTypes[kBgworkerColumns] = {TEXTOID,		TEXTOID,		TEXTOID,
													 TEXTOID,		TEXTOID,		INT4OID,
													 BOOLOID,		TEXTOID,		INT4OID,
													 INT4OID,		TIMESTAMPTZOID, INT4OID,
													 INT4OID,		TIMESTAMPTZOID, INT4OID,
													 TIMESTAMPTZOID};
		TupleDesc desc = CreateTemplateTupleDesc(kBgworkerColumns);
		for (int i = 0; i < kBgworkerColumns; i++)
			TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), nullptr, kTypes[i], -1, 0);
		funcctx->tuple_desc = BlessTupleDesc(desc);
		auto *scan = static_cast<BgworkerScan *>(palloc0(sizeof(BgworkerScan)));
		int room = Max(max_worker_processes, 1);
		for (;;)
		{
			scan->rows = static_cast<BgWorkerStatus *>(
				palloc(sizeof(BgWorkerStatus) * static_cast<size_t>(room)));
			scan->count = GetBackgroundWorkerStatuses(scan->rows, room);
			if (scan->count <= room)
				break;
			pfree(scan->rows);
			room = scan->count;
		}
		funcctx->user_fctx = scan;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *scan = static_cast<BgworkerScan *>(funcctx->user_fctx);
	if (scan->next < scan->count)
	{
		const BgWorkerStatus &w = scan->rows[scan->next++];
		SRF_RETURN_NEXT(funcctx, BgworkerRow(funcctx->tuple_desc, w));
	}
	SRF_RETURN_DONE(funcctx);
}
