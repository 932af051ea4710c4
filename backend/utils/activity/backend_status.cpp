/*
 * backend_status.cpp — each process's activity in shared memory, and
 * pg_stat_get_activity, which pg_stat_activity reads.
 *
 * Principal entry points: BackendStatusShmemSize/Init, pgstat_beinit
 * (InitProcess, InitAuxiliaryProcess), pgstat_bestart (InitPostgres),
 * pgstat_report_activity, pgstat_report_appname,
 * pgstat_report_xact_timestamp, pg_stat_get_activity.
 *
 * One PgBackendStatus per PGPROC, at the PGPROC's number; the query
 * texts in a separate buffer of track_activity_query_size bytes per slot.
 *
 * Locking: none.  A slot is written only by the process that owns it,
 * between two increments of st_changecount (odd while the write is under
 * way, with write barriers around the writes); a reader copies the slot
 * and its text and retries until st_changecount was the same even number
 * before and after (PostgreSQL's protocol).  The wait event, the
 * transaction ids and the role come from the process's PGPROC at read
 * time, as in PostgreSQL.
 */
#include "postgres.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <cstring>

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "libpq/libpq-be.h"
#include "miscadmin.h"
#include "postmaster/bgworker.h"
#include "storage/ipc.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "utils/backend_status.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/guc.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"
#include "utils/wait_event.h"

bool pgstat_track_activities = true;
int pgstat_track_activity_query_size = 1024;

namespace {

/* One process's activity.  Written only by its owner (see file comment). */
struct PgBackendStatus
{
	volatile uint32 st_changecount;
	int st_procpid; /* 0: the slot is free */
	BackendType st_backendType;
	char st_backendTypeName[BGW_MAXLEN]; /* a worker's bgw_type, else PostgreSQL's name */
	TimestampTz st_proc_start;
	TimestampTz st_xact_start_timestamp;
	TimestampTz st_activity_start_timestamp;
	TimestampTz st_state_start_timestamp;
	Oid st_databaseid;
	Oid st_userid;
	bool st_has_client_addr; /* a TCP client: st_clientaddr is set */
	struct sockaddr_storage st_clientaddr;
	BackendState st_state;
	char st_appname[NAMEDATALEN];
};

static_assert(std::is_trivially_copyable_v<PgBackendStatus>);

PgBackendStatus *BackendStatusArray = nullptr;
char *BackendActivityBuffer = nullptr;
int NumBackendStatSlots = 0;

/* This process's slot, once it has a PGPROC. */
PgBackendStatus *MyBEEntry = nullptr;

char *ActivityText(int slot)
{
	return BackendActivityBuffer + static_cast<size_t>(slot) * pgstat_track_activity_query_size;
}

/* Brackets one write of the owner's slot. */
class SlotWrite
{
  public:
	explicit SlotWrite(PgBackendStatus *entry) : entry_(entry)
	{
		entry_->st_changecount = entry_->st_changecount + 1;
		pg_write_barrier();
	}
	~SlotWrite()
	{
		pg_write_barrier();
		entry_->st_changecount = entry_->st_changecount + 1;
	}
	SlotWrite(const SlotWrite &) = delete;
	SlotWrite &operator=(const SlotWrite &) = delete;

  private:
	PgBackendStatus *entry_;
};

void ClearSlot(int, Datum)
{
	if (MyBEEntry == nullptr)
		return;
	{
		SlotWrite write(MyBEEntry);
		MyBEEntry->st_procpid = 0;
	}
	MyBEEntry = nullptr;
}

/* The longest prefix of s, at most max bytes, that ends on a UTF-8
 * character boundary (the server encoding is UTF8). */
size_t ClipUtf8(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t n = max;
	while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
		n--;
	return n;
}

}  // namespace

Size BackendStatusShmemSize(void)
{
	Size slots = static_cast<Size>(MaxBackends) + NUM_AUXILIARY_PROCS;
	return add_size(mul_size(slots, sizeof(PgBackendStatus)),
					mul_size(slots, static_cast<Size>(pgstat_track_activity_query_size)));
}

void BackendStatusShmemInit(void)
{
	NumBackendStatSlots = MaxBackends + NUM_AUXILIARY_PROCS;
	bool found;
	Size size = mul_size(static_cast<Size>(NumBackendStatSlots), sizeof(PgBackendStatus));
	BackendStatusArray = static_cast<PgBackendStatus *>(
		ShmemInitStruct("Backend Status Array", size, &found));
	if (!found)
		memset(BackendStatusArray, 0, size);
	size = mul_size(static_cast<Size>(NumBackendStatSlots),
					static_cast<Size>(pgstat_track_activity_query_size));
	BackendActivityBuffer = static_cast<char *>(
		ShmemInitStruct("Backend Activity Buffer", size, &found));
	if (!found)
		memset(BackendActivityBuffer, 0, size);
}

void pgstat_beinit(void)
{
	if (BackendStatusArray == nullptr || MyProc == nullptr)
		return;
	int slot = MyProc->pgprocno;
	Assert(slot >= 0 && slot < NumBackendStatSlots);
	MyBEEntry = &BackendStatusArray[slot];
	{
		SlotWrite write(MyBEEntry);
		MyBEEntry->st_procpid = MyProcPid;
		MyBEEntry->st_backendType = MyBackendType;
		const char *type = MyBackendType == B_BG_WORKER && MyBgworkerEntry != nullptr
			? MyBgworkerEntry->bgw_type
			: GetBackendTypeDesc(MyBackendType);
		strlcpy(MyBEEntry->st_backendTypeName, type, sizeof MyBEEntry->st_backendTypeName);
		MyBEEntry->st_proc_start = GetCurrentTimestamp();
		MyBEEntry->st_xact_start_timestamp = 0;
		MyBEEntry->st_activity_start_timestamp = 0;
		MyBEEntry->st_state_start_timestamp = 0;
		MyBEEntry->st_databaseid = InvalidOid;
		MyBEEntry->st_userid = InvalidOid;
		MyBEEntry->st_has_client_addr = false;
		/* Only client backends have a state, as in PostgreSQL. */
		MyBEEntry->st_state = STATE_UNDEFINED;
		MyBEEntry->st_appname[0] = '\0';
		ActivityText(slot)[0] = '\0';
	}
	on_shmem_exit(ClearSlot, 0);
}

int pgstat_count_backends_in_database(Oid dboid)
{
	int n = 0;
	for (int i = 0; i < NumBackendStatSlots; i++)
	{
		const PgBackendStatus &s = BackendStatusArray[i];
		/* An unlocked read, as PostgreSQL's count from its local copy: a
		 * process arriving or leaving may or may not be counted. */
		if (s.st_procpid != 0 && s.st_databaseid == dboid)
			n++;
	}
	return n;
}

void pgstat_bestart(void)
{
	if (MyBEEntry == nullptr)
		return;
	SlotWrite write(MyBEEntry);
	MyBEEntry->st_databaseid = MyDatabaseId;
	MyBEEntry->st_userid = MyUserId;
	if (MyProcPort != nullptr &&
		(MyProcPort->raddr.addr.ss_family == AF_INET ||
		 MyProcPort->raddr.addr.ss_family == AF_INET6))
	{
		MyBEEntry->st_has_client_addr = true;
		MyBEEntry->st_clientaddr = MyProcPort->raddr.addr;
	}
	if (MyBackendType == B_BACKEND)
	{
		MyBEEntry->st_state = STATE_IDLE;
		MyBEEntry->st_state_start_timestamp = GetCurrentTimestamp();
	}
}

void pgstat_report_activity(BackendState state, const char *cmd_str)
{
	PgBackendStatus *entry = MyBEEntry;
	if (entry == nullptr)
		return;
	if (!pgstat_track_activities)
	{
		if (entry->st_state == STATE_DISABLED)
			return;
		/* Switched off: what was shown goes, as in PostgreSQL. */
		SlotWrite write(entry);
		entry->st_state = STATE_DISABLED;
		entry->st_state_start_timestamp = 0;
		entry->st_activity_start_timestamp = 0;
		ActivityText(static_cast<int>(entry - BackendStatusArray))[0] = '\0';
		return;
	}
	TimestampTz now = GetCurrentTimestamp();
	SlotWrite write(entry);
	entry->st_state = state;
	entry->st_state_start_timestamp = now;
	if (cmd_str != nullptr)
	{
		size_t len = ClipUtf8(cmd_str, strlen(cmd_str),
							  static_cast<size_t>(pgstat_track_activity_query_size) - 1);
		char *text = ActivityText(static_cast<int>(entry - BackendStatusArray));
		memcpy(text, cmd_str, len);
		text[len] = '\0';
		entry->st_activity_start_timestamp = now;
	}
}

void pgstat_report_appname(const char *appname)
{
	if (MyBEEntry == nullptr)
		return;
	SlotWrite write(MyBEEntry);
	size_t len = ClipUtf8(appname, strlen(appname), NAMEDATALEN - 1);
	memcpy(MyBEEntry->st_appname, appname, len);
	MyBEEntry->st_appname[len] = '\0';
}

void pgstat_report_xact_timestamp(int64 tstamp)
{
	if (MyBEEntry == nullptr || !pgstat_track_activities)
		return;
	SlotWrite write(MyBEEntry);
	MyBEEntry->st_xact_start_timestamp = tstamp;
}

namespace {

/* A consistent copy of slot i and its text (text must hold
 * track_activity_query_size bytes); false if the slot is free. */
bool ReadSlot(int i, PgBackendStatus *copy, char *text)
{
	const PgBackendStatus *entry = &BackendStatusArray[i];
	for (;;)
	{
		uint32 before = entry->st_changecount;
		pg_read_barrier();
		memcpy(static_cast<void *>(copy), const_cast<const PgBackendStatus *>(entry), sizeof *copy);
		if (copy->st_procpid != 0)
			strlcpy(text, ActivityText(i), static_cast<size_t>(pgstat_track_activity_query_size));
		pg_read_barrier();
		uint32 after = entry->st_changecount;
		if (before == after && before % 2 == 0)
			return copy->st_procpid != 0;
		CHECK_FOR_INTERRUPTS();
	}
}

const char *StateName(BackendState state)
{
	switch (state)
	{
		case STATE_IDLE:
			return "idle";
		case STATE_RUNNING:
			return "active";
		case STATE_IDLEINTRANSACTION:
			return "idle in transaction";
		case STATE_FASTPATH:
			return "fastpath function call";
		case STATE_IDLEINTRANSACTION_ABORTED:
			return "idle in transaction (aborted)";
		case STATE_DISABLED:
			return "disabled";
		case STATE_UNDEFINED:
			break;
	}
	return nullptr;
}

/* A wait event's class and name, as PostgreSQL names them (for the
 * events Tusk reports; the class alone for others). */
void WaitEventNames(uint32 info, const char **type, const char **event)
{
	*type = nullptr;
	*event = nullptr;
	if (info == 0)
		return;
	switch (info & 0xFF000000U)
	{
		case PG_WAIT_LWLOCK:
			*type = "LWLock";
			break;
		case PG_WAIT_LOCK:
			*type = "Lock";
			break;
		case PG_WAIT_BUFFER_PIN:
			*type = "BufferPin";
			*event = "BufferPin";
			break;
		case PG_WAIT_ACTIVITY:
			*type = "Activity";
			if (info == WAIT_EVENT_CHECKPOINTER_MAIN)
				*event = "CheckpointerMain";
			break;
		case PG_WAIT_CLIENT:
			*type = "Client";
			if (info == WAIT_EVENT_CLIENT_READ)
				*event = "ClientRead";
			else if (info == WAIT_EVENT_CLIENT_WRITE)
				*event = "ClientWrite";
			break;
		case PG_WAIT_EXTENSION:
			*type = "Extension";
			*event = "Extension";
			break;
		case PG_WAIT_IPC:
			*type = "IPC";
			if (info == WAIT_EVENT_BACKEND_TERMINATION)
				*event = "BackendTermination";
			else if (info == WAIT_EVENT_BGWORKER_SHUTDOWN)
				*event = "BgWorkerShutdown";
			else if (info == WAIT_EVENT_BGWORKER_STARTUP)
				*event = "BgWorkerStartup";
			break;
		case PG_WAIT_TIMEOUT:
			*type = "Timeout";
			if (info == WAIT_EVENT_PG_SLEEP)
				*event = "PgSleep";
			else if (info == WAIT_EVENT_REGISTER_SYNC_REQUEST)
				*event = "RegisterSyncRequest";
			break;
		case PG_WAIT_IO:
			*type = "IO";
			break;
		default:
			break;
	}
}

/* inet's on-disk form (PostgreSQL's inet_struct behind a varlena header). */
Datum InetDatum(const struct sockaddr_storage &addr)
{
	unsigned char bytes[16];
	int family;
	int bits;
	size_t len;
	if (addr.ss_family == AF_INET)
	{
		const auto &in = reinterpret_cast<const struct sockaddr_in &>(addr);
		memcpy(bytes, &in.sin_addr, 4);
		family = 2; /* PGSQL_AF_INET */
		bits = 32;
		len = 4;
	}
	else
	{
		const auto &in6 = reinterpret_cast<const struct sockaddr_in6 &>(addr);
		memcpy(bytes, &in6.sin6_addr, 16);
		family = 3; /* PGSQL_AF_INET6 */
		bits = 128;
		len = 16;
	}
	size_t total = VARHDRSZ + 2 + len;
	auto *result = static_cast<struct varlena *>(palloc0(total));
	SET_VARSIZE(result, total);
	unsigned char *p = reinterpret_cast<unsigned char *>(VARDATA(result));
	p[0] = static_cast<unsigned char>(family);
	p[1] = static_cast<unsigned char>(bits);
	memcpy(p + 2, bytes, len);
	return PointerGetDatum(result);
}

int ClientPort(const struct sockaddr_storage &addr)
{
	if (addr.ss_family == AF_INET)
		return ntohs(reinterpret_cast<const struct sockaddr_in &>(addr).sin_port);
	return ntohs(reinterpret_cast<const struct sockaddr_in6 &>(addr).sin6_port);
}

constexpr int kActivityColumns = 30;

bool RoleIsSuperuser(Oid roleid)
{
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tup == nullptr)
		return false;
	bool super = reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolsuper;
	ReleaseSysCache(tup);
	return super;
}

/* The row of pg_stat_get_activity's OUT parameters for one slot. */
Datum ActivityRow(TupleDesc desc, int slot, const PgBackendStatus &st, const char *text)
{
	Datum values[kActivityColumns] = {};
	bool nulls[kActivityColumns];
	for (bool &n : nulls)
		n = true;
	auto set = [&](int col, Datum value) {
		values[col] = value;
		nulls[col] = false;
	};
	const PGPROC *proc = &ProcGlobal->allProcs[slot];
	if (OidIsValid(st.st_databaseid))
		set(0, ObjectIdGetDatum(st.st_databaseid));
	set(1, Int32GetDatum(st.st_procpid));
	if (OidIsValid(st.st_userid))
		set(2, ObjectIdGetDatum(st.st_userid));
	/* What only the same role (or a superuser) may see, as in PostgreSQL;
	 * every other column stays for everyone. */
	bool visible = MyUserId == st.st_userid || !OidIsValid(st.st_userid) ||
		RoleIsSuperuser(MyUserId);
	set(3, CStringGetTextDatum(st.st_appname));
	uint64 xid = pg_atomic_read_u64(const_cast<pg_atomic_uint64 *>(&proc->xid));
	uint64 xmin = pg_atomic_read_u64(const_cast<pg_atomic_uint64 *>(&proc->xmin));
	if (xid != 0)
		set(15, TransactionIdGetDatum(static_cast<TransactionId>(xid)));
	if (xmin != 0)
		set(16, TransactionIdGetDatum(static_cast<TransactionId>(xmin)));
	if (!visible)
		set(5, CStringGetTextDatum("<insufficient privilege>"));
	else
	{
		if (const char *state = StateName(st.st_state))
			set(4, CStringGetTextDatum(state));
		set(5, CStringGetTextDatum(text));
		const char *wtype;
		const char *wevent;
		WaitEventNames(proc->wait_event_info, &wtype, &wevent);
		if (wtype != nullptr)
			set(6, CStringGetTextDatum(wtype));
		if (wevent != nullptr)
			set(7, CStringGetTextDatum(wevent));
		if (st.st_xact_start_timestamp != 0)
			set(8, TimestampTzGetDatum(st.st_xact_start_timestamp));
		if (st.st_activity_start_timestamp != 0)
			set(9, TimestampTzGetDatum(st.st_activity_start_timestamp));
		set(10, TimestampTzGetDatum(st.st_proc_start));
		if (st.st_state_start_timestamp != 0)
			set(11, TimestampTzGetDatum(st.st_state_start_timestamp));
		if (st.st_has_client_addr)
		{
			set(12, InetDatum(st.st_clientaddr));
			set(14, Int32GetDatum(ClientPort(st.st_clientaddr)));
		}
		else if (st.st_backendType == B_BACKEND)
			set(14, Int32GetDatum(-1)); /* a Unix-domain socket */
		/* Tusk has no SSL or GSSAPI connections' details to show. */
		set(18, BoolGetDatum(false));
		set(25, BoolGetDatum(false));
		set(27, BoolGetDatum(false));
	}
	set(17, CStringGetTextDatum(st.st_backendTypeName));
	HeapTuple tuple = heap_form_tuple(desc, values, nulls);
	return heap_copy_tuple_as_datum(tuple, desc);
}

struct ActivityScan
{
	int next_slot;
	int only_pid; /* -1: all */
	char *text;
};

}  // namespace

/* pg_stat_get_activity(pid int4): a row per process with a PGPROC, or
 * only pid's; NULL or -1 for all (as in PostgreSQL). */
Datum pg_stat_get_activity(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		static const Oid kTypes[kActivityColumns] =
			{OIDOID,  INT4OID, OIDOID,		   TEXTOID,		   TEXTOID,		   TEXTOID,
			 TEXTOID, TEXTOID, TIMESTAMPTZOID, TIMESTAMPTZOID, TIMESTAMPTZOID, TIMESTAMPTZOID,
			 INETOID, TEXTOID, INT4OID,		   XIDOID,		   XIDOID,		   TEXTOID,
			 BOOLOID, TEXTOID, TEXTOID,		   INT4OID,		   TEXTOID,		   NUMERICOID,
			 TEXTOID, BOOLOID, TEXTOID,		   BOOLOID,		   INT4OID,		   INT8OID};
		TupleDesc desc = CreateTemplateTupleDesc(kActivityColumns);
		for (int i = 0; i < kActivityColumns; i++)
			TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), nullptr, kTypes[i], -1, 0);
		funcctx->tuple_desc = BlessTupleDesc(desc);
		auto *scan = static_cast<ActivityScan *>(palloc0(sizeof(ActivityScan)));
		scan->only_pid = PG_ARGISNULL(0) ? -1 : PG_GETARG_INT32(0);
		scan->text = static_cast<char *>(
			palloc(static_cast<size_t>(pgstat_track_activity_query_size)));
		funcctx->user_fctx = scan;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *scan = static_cast<ActivityScan *>(funcctx->user_fctx);
	while (scan->next_slot < NumBackendStatSlots)
	{
		int slot = scan->next_slot++;
		PgBackendStatus st;
		if (!ReadSlot(slot, &st, scan->text))
			continue;
		if (scan->only_pid != -1 && st.st_procpid != scan->only_pid)
			continue;
		SRF_RETURN_NEXT(funcctx, ActivityRow(funcctx->tuple_desc, slot, st, scan->text));
	}
	SRF_RETURN_DONE(funcctx);
}
