/*
 * postgres.cpp — a client backend: from the startup packet to Terminate.
 *
 * Principal entry points: tusk::tcop::BackendMain, ProcessInterrupts,
 * and the signal handlers die, quickdie, StatementCancelHandler.
 *
 * The backend runs in the child the postmaster forked for a connection.
 * It reads the startup packet (answering SSL and GSS encryption requests
 * with 'N': Tusk has no TLS on the wire yet), authenticates (pg_hba.conf:
 * trust, peer or reject), sends
 * the parameter status a PostgreSQL 15 server sends, and then serves
 * messages until Terminate or EOF.  Tusk has no SQL layer yet: every
 * statement is answered with ERROR 0A000, never with a made-up result.
 *
 * Memory: each client message is handled in MessageContext, reset before
 * the next message is read, so nothing a message allocated outlives it —
 * also when it failed.  The error path switches back to TopMemoryContext
 * before reporting and resets ErrorContext after.
 *
 * Interrupts follow PostgreSQL: signal handlers set flags and the latch;
 * CHECK_FOR_INTERRUPTS() acts on them at safe points, including while the
 * backend is idle, blocked reading the next command.
 */
#include "postgres.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/time.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "access/xact.h"
#include "catalog/pg_type_d.h"
#include "commands/prepare.h"
#include "executor/executor.h"
#include "lib/stringinfo.h"
#include "libpq/hba.h"
#include "optimizer/planner.h"
#include "parser/analyze.h"
#include "parser/parser.h"
#include "tcop/dest.h"
#include "tcop/pquery.h"
#include "tcop/utility.h"
#include "utils/lsyscache.h"
#include "utils/plancache.h"
#include "utils/portal.h"
#include "utils/inval.h"
#include "utils/snapmgr.h"
#include "libpq/pqcomm.h"
#include "miscadmin.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "postmaster/postmaster.h"
#include "storage/bufmgr.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/pmsignal.h"
#include "storage/proc.h"
#include "storage/procsignal.h"
#include "tcop/backend_main.h"
#include "tcop/tcopprot.h"
#include "pgstat.h"
#include "utils/backend_status.h"
#include "utils/error/error.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/misc/guc_internal.h"
#include "utils/misc/ps_status.h"

int StatementTimeout = 0;
int IdleInTransactionSessionTimeout = 0;
int IdleSessionTimeout = 0;
bool InMultiStatementQuery = false;

namespace tusk::tcop {

/* Set by the statement timeout's handler: the cancel it raises is a
 * timeout (read by ProcessInterrupts). */
volatile sig_atomic_t StatementTimeoutFired = false;

namespace {

using libpq::MessageBuilder;

/* ErrorResponse/NoticeResponse (protocol 3.0 field codes). */
void SendErrorToFrontend(const error::ErrorData &edata)
{
	MessageBuilder msg(edata.elevel >= ERROR ? 'E' : 'N');
	const char *severity = error::SeverityName(edata.elevel);
	msg.Byte('S').String(severity);
	msg.Byte('V').String(severity);
	msg.Byte('C').String(error::UnpackSqlState(edata.sqlerrcode));
	msg.Byte('M').String(edata.message.empty() ? "missing error text" : edata.message);
	if (!edata.detail.empty())
		msg.Byte('D').String(edata.detail);
	if (!edata.hint.empty())
		msg.Byte('H').String(edata.hint);
	if (edata.cursorpos > 0)
		msg.Byte('P').String(std::to_string(edata.cursorpos));
	if (!edata.context.empty())
		msg.Byte('W').String(edata.context);
	for (auto [code, value] : {std::pair{PG_DIAG_SCHEMA_NAME, &edata.schema_name},
							   std::pair{PG_DIAG_TABLE_NAME, &edata.table_name},
							   std::pair{PG_DIAG_COLUMN_NAME, &edata.column_name},
							   std::pair{PG_DIAG_DATATYPE_NAME, &edata.datatype_name},
							   std::pair{PG_DIAG_CONSTRAINT_NAME, &edata.constraint_name}})
		if (!value->empty())
			msg.Byte(static_cast<char>(code)).String(*value);
	if (edata.filename != nullptr)
	{
		const char *slash = strrchr(edata.filename, '/');
		msg.Byte('F').String(slash ? slash + 1 : edata.filename);
	}
	if (edata.lineno > 0)
		msg.Byte('L').String(std::to_string(edata.lineno));
	if (edata.funcname != nullptr)
		msg.Byte('R').String(edata.funcname);
	msg.Byte('\0');
	msg.Send();
	libpq::Flush();
}

bool SendReadyForQuery()
{
	return MessageBuilder('Z').Byte(TransactionBlockStatusCode()).Send() && libpq::Flush();
}

void StartupPacketTimeoutHandler(int)
{
	_exit(1);
}

struct StartupOptions
{
	std::vector<std::pair<std::string, std::string>> gucs;
	std::vector<std::string> unrecognized_protocol_options;
};

[[noreturn]] void ExitQuietly()
{
	proc_exit(0);
}

/* Split the "options" startup parameter on whitespace; a backslash makes
 * the next character literal (PostgreSQL's pg_split_opts). */
std::vector<std::string> SplitOptions(const std::string &s)
{
	std::vector<std::string> out;
	size_t i = 0;
	while (i < s.size())
	{
		while (i < s.size() && isspace(static_cast<unsigned char>(s[i])))
			++i;
		if (i >= s.size())
			break;
		std::string arg;
		while (i < s.size() && !isspace(static_cast<unsigned char>(s[i])))
		{
			if (s[i] == '\\' && i + 1 < s.size())
				++i;
			arg += s[i++];
		}
		out.push_back(arg);
	}
	return out;
}

/* "-c name=value" / "--name=value" pairs from the options parameter. */
void ParseCommandLineOptions(const std::string &options, StartupOptions *out)
{
	std::vector<std::string> args = SplitOptions(options);
	for (size_t i = 0; i < args.size(); i++)
	{
		std::string spec;
		if (args[i] == "-c" && i + 1 < args.size())
			spec = args[++i];
		else if ((args[i].rfind("-c", 0) == 0 || args[i].rfind("--", 0) == 0) && args[i].size() > 2)
			spec = args[i].substr(2); /* "-cname=value" or "--name=value" */
		else
			ereport(FATAL, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("invalid command-line argument for server process: %s", args[i].c_str()),
					errhint("Try \"%s --help\" for more information.", "postgres"));
		char *name;
		char *value;
		ParseLongOption(spec.c_str(), &name, &value);
		if (value == nullptr)
			ereport(FATAL, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("-c %s requires a value", spec.c_str()));
		out->gucs.emplace_back(name, value);
		free(name);
		free(value);
	}
}

/*
 * Read and act on the startup packet.  SSLRequest/GSSENCRequest get 'N'
 * and the real packet follows; a CancelRequest is handled and the process
 * exits.  Fills port->user_name/database_name and the settings to apply.
 */
void ProcessStartupPacket(Port *port, bool ssl_done, bool gss_done, StartupOptions *opts)
{
	uint32_t netlen;
	int first = libpq::GetByte();
	if (first < 0)
		ExitQuietly(); /* connected and left without a word: not worth a log line */
	reinterpret_cast<char *>(&netlen)[0] = static_cast<char>(first);
	if (!libpq::GetBytes(reinterpret_cast<char *>(&netlen) + 1, 3))
	{
		ereport(COMMERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
				errmsg("incomplete startup packet"));
		ExitQuietly();
	}
	uint32_t len = ntohl(netlen);
	if (len < 8 || len > libpq::kMaxStartupPacketLength)
	{
		ereport(COMMERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
				errmsg("invalid length of startup packet"));
		ExitQuietly();
	}
	std::string packet(len - 4, '\0');
	if (!libpq::GetBytes(packet.data(), packet.size()))
	{
		ereport(COMMERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
				errmsg("incomplete startup packet"));
		ExitQuietly();
	}
	uint32_t proto;
	memcpy(&proto, packet.data(), 4);
	proto = ntohl(proto);

	if (proto == libpq::kCancelRequestCode)
	{
		if (len != 16)
		{
			ereport(COMMERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
					errmsg("invalid length of startup packet"));
			ExitQuietly();
		}
		uint32_t pid, key;
		memcpy(&pid, packet.data() + 4, 4);
		memcpy(&key, packet.data() + 8, 4);
		postmaster::ProcessCancelRequest(static_cast<int>(ntohl(pid)),
										 static_cast<int32>(ntohl(key)));
		ExitQuietly();
	}

	if ((proto == libpq::kNegotiateSslCode && !ssl_done) ||
		(proto == libpq::kNegotiateGssCode && !gss_done))
	{
		/* No encryption on the wire yet: decline, and the client carries on
		 * in the clear (or gives up, if it requires encryption). */
		char no = 'N';
		if (!libpq::PutBytes(&no, 1) || !libpq::Flush())
			ExitQuietly();
		/* Bytes that arrived before our answer were not sent in response to
		 * it; accepting them would let a man in the middle inject them. */
		if (libpq::InputPending())
			ereport(FATAL, errcode(ERRCODE_PROTOCOL_VIOLATION),
					errmsg("received unencrypted data after SSL request"),
					errdetail("This could be either a client-software bug or evidence of an "
							  "attempted man-in-the-middle attack."));
		if (proto == libpq::kNegotiateSslCode)
			ProcessStartupPacket(port, true, gss_done, opts);
		else
			ProcessStartupPacket(port, ssl_done, true, opts);
		return;
	}

	port->proto = proto;
	if (libpq::ProtocolMajor(proto) != libpq::ProtocolMajor(libpq::kProtocolLatest))
		ereport(FATAL, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("unsupported frontend protocol %u.%u: server supports %u.0 to %u.%u",
					   libpq::ProtocolMajor(proto), libpq::ProtocolMinor(proto),
					   libpq::ProtocolMajor(libpq::kProtocolLatest),
					   libpq::ProtocolMajor(libpq::kProtocolLatest),
					   libpq::ProtocolMinor(libpq::kProtocolLatest)));

	/* Name/value pairs, each NUL-terminated, then one more NUL. */
	size_t pos = 4;
	std::string user, database, options;
	bool terminated = false;
	while (pos < packet.size())
	{
		size_t name_end = packet.find('\0', pos);
		if (name_end == std::string::npos)
			break;
		std::string name = packet.substr(pos, name_end - pos);
		pos = name_end + 1;
		if (name.empty())
		{
			terminated = pos == packet.size();
			break;
		}
		size_t value_end = packet.find('\0', pos);
		if (value_end == std::string::npos)
			break;
		std::string value = packet.substr(pos, value_end - pos);
		pos = value_end + 1;
		if (name == "database")
			database = value;
		else if (name == "user")
			user = value;
		else if (name == "options")
			options = value;
		else if (name == "replication")
		{
			bool physical = false;
			if (value != "database" && (!parse_bool(value.c_str(), &physical)))
				ereport(FATAL, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("invalid value for parameter \"%s\": \"%s\"", "replication",
							   value.c_str()),
						errhint("Valid values are: \"false\", 0, \"true\", 1, \"database\"."));
			if (value == "database" || physical)
				ereport(FATAL, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("replication connections are not supported"));
		}
		else if (name.rfind("_pq_.", 0) == 0)
			opts->unrecognized_protocol_options.push_back(name);
		else
			opts->gucs.emplace_back(name, value);
	}
	if (!terminated)
		ereport(FATAL, errcode(ERRCODE_PROTOCOL_VIOLATION),
				errmsg("invalid startup packet layout: expected terminator as last byte"));
	if (user.empty())
		ereport(FATAL, errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
				errmsg("no PostgreSQL user name specified in startup packet"));
	if (database.empty())
		database = user;
	if (user.size() >= NAMEDATALEN)
		user.resize(NAMEDATALEN - 1);
	if (database.size() >= NAMEDATALEN)
		database.resize(NAMEDATALEN - 1);
	port->user_name = strdup(user.c_str());
	port->database_name = strdup(database.c_str());
	port->cmdline_options = strdup(options.c_str());
	if (!options.empty())
		ParseCommandLineOptions(options, opts);

	/* A newer minor version or protocol extensions we do not know: tell
	 * the client what we speak (NegotiateProtocolVersion). */
	if (libpq::ProtocolMinor(proto) > libpq::ProtocolMinor(libpq::kProtocolLatest) ||
		!opts->unrecognized_protocol_options.empty())
	{
		MessageBuilder msg('v');
		msg.Int32(static_cast<int32_t>(libpq::kProtocolLatest));
		msg.Int32(static_cast<int32_t>(opts->unrecognized_protocol_options.size()));
		for (const auto &o : opts->unrecognized_protocol_options)
			msg.String(o);
		msg.Send();
	}
}

void FillRemoteAddress(Port *port)
{
	if (IS_AF_UNIX(port->raddr.addr.ss_family))
	{
		port->remote_host = strdup("[local]");
		port->remote_port = strdup("");
		return;
	}
	char host[NI_MAXHOST] = "";
	char serv[NI_MAXSERV] = "";
	if (getnameinfo(reinterpret_cast<struct sockaddr *>(&port->raddr.addr), port->raddr.salen, host,
					sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
	{
		snprintf(host, sizeof host, "%s", "???");
		snprintf(serv, sizeof serv, "%s", "???");
	}
	port->remote_host = strdup(host);
	port->remote_port = strdup(serv);
}

[[noreturn]] void RefuseConnection(postmaster::CacState cac)
{
	switch (cac)
	{
		case postmaster::CacState::kStartup:
			ereport(FATAL, errcode(ERRCODE_CANNOT_CONNECT_NOW),
					errmsg("the database system is starting up"));
			break;
		case postmaster::CacState::kShutdown:
			ereport(FATAL, errcode(ERRCODE_CANNOT_CONNECT_NOW),
					errmsg("the database system is shutting down"));
			break;
		case postmaster::CacState::kRecovery:
			ereport(FATAL, errcode(ERRCODE_CANNOT_CONNECT_NOW),
					errmsg("the database system is in recovery mode"));
			break;
		case postmaster::CacState::kTooMany:
			ereport(FATAL, errcode(ERRCODE_TOO_MANY_CONNECTIONS),
					errmsg("sorry, too many clients already"));
			break;
		case postmaster::CacState::kOk:
			break;
	}
	proc_exit(1);
}

/* The statement being run, kept here (not in the message buffer) because
 * an error report may need it after the buffer is gone. */
std::string current_query;

/* Whether this backend started the transaction command now running
 * (PostgreSQL's xact_started): the extended protocol's messages start
 * one if none runs, and Sync (or the end of a simple query) finishes it,
 * so one implicit transaction spans Parse … Sync. */
bool xact_started = false;

/* A setting the client is told of may have changed: ParameterStatus goes
 * out before the next ReadyForQuery (after CommandComplete, as PostgreSQL
 * 15 sends it). */
bool report_parameters_needed = false;

/* ---- statement_timeout ----
 *
 * One interval timer (SIGALRM) armed when a transaction command starts
 * and disarmed when it finishes, as PostgreSQL's enable/disable of its
 * STATEMENT_TIMEOUT: for the extended protocol that is Parse … Sync.  When
 * it fires, the handler raises a query cancel that ProcessInterrupts
 * reports as a timeout. */
volatile sig_atomic_t statement_timeout_active = false;

void StatementTimeoutHandler(int)
{
	if (!statement_timeout_active)
		return;
	statement_timeout_active = false;
	StatementTimeoutFired = true;
	StatementCancelHandler(SIGALRM);
}

void SetTimer(long ms)
{
	struct itimerval t = {};
	t.it_value.tv_sec = ms / 1000;
	t.it_value.tv_usec = (ms % 1000) * 1000;
	(void) setitimer(ITIMER_REAL, &t, nullptr);
}

void EnableStatementTimeout()
{
	if (StatementTimeout <= 0 || statement_timeout_active)
		return;
	StatementTimeoutFired = false;
	statement_timeout_active = true;
	SetTimer(StatementTimeout);
}

void DisableStatementTimeout()
{
	if (!statement_timeout_active)
		return;
	statement_timeout_active = false;
	SetTimer(0);
}

/* ---- idle timeouts ---- */

[[noreturn]] void IdleInTransactionTimeoutExpired()
{
	ereport(FATAL, errcode(ERRCODE_IDLE_IN_TRANSACTION_SESSION_TIMEOUT),
			errmsg("terminating connection due to idle-in-transaction timeout"));
	pg_unreachable();
}

[[noreturn]] void IdleSessionTimeoutExpired()
{
	ereport(FATAL, errcode(ERRCODE_IDLE_SESSION_TIMEOUT),
			errmsg("terminating connection due to idle-session timeout"));
	pg_unreachable();
}

/* Transaction control around commands (PostgreSQL's start_xact_command /
 * finish_xact_command). */
void StartXactCommand()
{
	if (!xact_started)
	{
		StartTransactionCommand();
		xact_started = true;
	}
	EnableStatementTimeout();
}

void FinishXactCommand()
{
	DisableStatementTimeout();
	if (!xact_started)
		return;
	CommitTransactionCommand();
	xact_started = false;
}

void ReportChangedParameters();

/* The error a failed transaction block gives every statement but its end. */
void CheckNotInFailedBlock(Node *stmt)
{
	if (IsAbortedTransactionBlockState() && !IsTransactionExitStmt(stmt))
		ereport(ERROR, errcode(ERRCODE_IN_FAILED_SQL_TRANSACTION),
				errmsg("current transaction is aborted, commands ignored until end of "
					   "transaction block"));
}

bool IsTransactionStmtList(List *stmts)
{
	if (list_length(stmts) != 1)
		return false;
	PlannedStmt *pstmt = static_cast<PlannedStmt *>(linitial(stmts));
	return pstmt->commandType == CMD_UTILITY && IsA(pstmt->utilityStmt, TransactionStmt);
}

/* Whether a statement may have changed a setting the client is told of. */
bool MayChangeReportedSettings(const char *commandTag)
{
	return commandTag != nullptr &&
		(strcmp(commandTag, "SET") == 0 || strcmp(commandTag, "RESET") == 0 ||
		 strcmp(commandTag, "COMMIT") == 0 || strcmp(commandTag, "ROLLBACK") == 0 ||
		 strcmp(commandTag, "BEGIN") == 0 || strcmp(commandTag, "START TRANSACTION") == 0 ||
		 strcmp(commandTag, "DISCARD ALL") == 0);
}

/* One statement of a simple Query message: analyze, plan, and run it in
 * the unnamed portal (PostgreSQL's exec_simple_query loop body). */
void ExecOneStatement(RawStmt *parsetree, const char *query_string, bool is_last)
{
	Node *stmt = parsetree->stmt;
	const char *commandTag = CreateCommandName(stmt);
	StartXactCommand();
	CheckNotInFailedBlock(stmt);
	SetCurrentStatementStartTimestamp();
	MemoryContext stmt_context = AllocSetContextCreate(MessageContext, "statement",
													   ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(stmt_context);
	/* Analysis reads catalogs: with a snapshot, and current caches. */
	AcceptInvalidationMessages();
	bool snapshot_set = false;
	if (StatementRequiresSnapshot(stmt))
	{
		PushActiveSnapshot(GetTransactionSnapshot());
		snapshot_set = true;
	}
	Query *query = parse_analyze_fixedparams(parsetree, query_string, nullptr, 0);
	PlannedStmt *plan = planner(query, query_string, 0, nullptr);
	if (snapshot_set)
		PopActiveSnapshot();

	Portal portal = CreatePortal("", true, true);
	portal->visible = false;
	PortalDefineQuery(portal, nullptr, query_string, commandTag, list_make1(plan), nullptr);
	PortalStart(portal, nullptr, 0, InvalidSnapshot);
	DestReceiver *dest = CreateDestReceiver(DestRemote);
	SetRemoteDestReceiverParams(dest, FetchPortalTargetList(portal), nullptr, 0);
	char tag[COMPLETION_TAG_BUFSIZE];
	(void) PortalRun(portal, FETCH_ALL, true, dest, dest, tag);
	dest->rDestroy(dest);
	PortalDrop(portal, false);

	MemoryContextSwitchTo(old);
	MemoryContextDelete(stmt_context);
	/* The last statement, and transaction control, end their command;
	 * others in a multi-statement string share one implicit transaction,
	 * as in PostgreSQL. */
	if (is_last || IsA(stmt, TransactionStmt))
		FinishXactCommand();
	else
		CommandCounterIncrement();
	if (IsA(stmt, VariableSetStmt) || IsA(stmt, TransactionStmt) || IsA(stmt, DiscardStmt))
		report_parameters_needed = true;
	MessageBuilder('C').String(tag).Send();
}

/* ---- the extended query protocol ---- */

/* The unnamed prepared statement, replaced by each Parse of "" and
 * dropped by a simple Query (PostgreSQL's unnamed_stmt_psrc). */
CachedPlanSource *unnamed_stmt_psrc = nullptr;

void DropUnnamedStmt()
{
	if (unnamed_stmt_psrc == nullptr)
		return;
	CachedPlanSource *ps = unnamed_stmt_psrc;
	unnamed_stmt_psrc = nullptr;
	DropCachedPlan(ps);
}

CachedPlanSource *FetchStatement(const std::string &stmt_name)
{
	if (!stmt_name.empty())
		return FetchPreparedStatement(stmt_name.c_str(), true)->plansource;
	if (unnamed_stmt_psrc == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_PSTATEMENT),
				errmsg("unnamed prepared statement does not exist"));
	return unnamed_stmt_psrc;
}

Portal FetchPortal(const std::string &portal_name)
{
	Portal portal = GetPortalByName(portal_name.c_str());
	if (portal == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_CURSOR),
				errmsg("portal \"%s\" does not exist", portal_name.c_str()));
	return portal;
}

/* Parse: one statement, analyzed now with the given parameter types
 * (0: inferred from use), kept as a prepared statement. */
void ExecParseMessage(libpq::MessageReader &reader)
{
	std::string stmt_name = reader.String();
	current_query = reader.String();
	/* the counts of the extended protocol are unsigned 16-bit numbers */
	int numParams = static_cast<uint16_t>(reader.Int16());
	auto *paramTypes = static_cast<Oid *>(palloc(Max(numParams, 1) * sizeof(Oid)));
	for (int i = 0; i < numParams; i++)
		paramTypes[i] = static_cast<Oid>(reader.Int32());
	reader.End();
	error::debug_query_string = current_query.c_str();
	const char *query_string = current_query.c_str();

	SetCurrentStatementStartTimestamp();
	StartXactCommand();
	MemoryContextSwitchTo(MessageContext);
	bool is_named = !stmt_name.empty();
	if (is_named)
	{
		if (FetchPreparedStatement(stmt_name.c_str(), false) != nullptr)
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_PSTATEMENT),
					errmsg("prepared statement \"%s\" already exists", stmt_name.c_str()));
	}
	else
		DropUnnamedStmt();

	List *parsetree_list = raw_parser(query_string);
	if (list_length(parsetree_list) > 1)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("cannot insert multiple commands into a prepared statement"));
	CachedPlanSource *psrc;
	if (parsetree_list != NIL)
	{
		RawStmt *raw = static_cast<RawStmt *>(linitial(parsetree_list));
		CheckNotInFailedBlock(raw->stmt);
		psrc = CreateCachedPlan(raw, query_string, CreateCommandName(raw->stmt));
		AcceptInvalidationMessages();
		bool snapshot_set = false;
		if (StatementRequiresSnapshot(raw->stmt))
		{
			PushActiveSnapshot(GetTransactionSnapshot());
			snapshot_set = true;
		}
		Query *query = parse_analyze_varparams(raw, query_string, &paramTypes, &numParams);
		if (snapshot_set)
			PopActiveSnapshot();
		CompleteCachedPlan(psrc, list_make1(query), paramTypes, numParams, 0, true);
	}
	else
	{
		/* An empty string: Execute will answer EmptyQueryResponse. */
		psrc = CreateCachedPlan(nullptr, query_string, nullptr);
		CompleteCachedPlan(psrc, NIL, nullptr, 0, 0, true);
	}
	if (is_named)
		StorePreparedStatement(stmt_name.c_str(), psrc, false);
	else
	{
		SaveCachedPlan(psrc);
		unnamed_stmt_psrc = psrc;
	}
	MessageBuilder('1').Send();
	error::debug_query_string = nullptr;
}

/* One Bind parameter's value from its text or binary form. */
Datum ReadBindParameter(Oid ptype, int16 format, const char *data, int32 len, int paramno,
						bool *isnull)
{
	*isnull = len == -1;
	if (format == 0)
	{
		Oid typinput, typioparam;
		getTypeInputInfo(ptype, &typinput, &typioparam);
		char *str = nullptr;
		if (!*isnull)
		{
			str = static_cast<char *>(palloc(static_cast<Size>(len) + 1));
			memcpy(str, data, static_cast<size_t>(len));
			str[len] = '\0';
		}
		return OidInputFunctionCall(typinput, str, typioparam, -1);
	}
	if (format != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unsupported format code: %d", format));
	Oid typreceive, typioparam;
	getTypeBinaryInputInfo(ptype, &typreceive, &typioparam);
	if (*isnull)
		return OidReceiveFunctionCall(typreceive, nullptr, typioparam, -1);
	StringInfoData buf;
	buf.data = static_cast<char *>(palloc(static_cast<Size>(len) + 1));
	memcpy(buf.data, data, static_cast<size_t>(len));
	buf.data[len] = '\0';
	buf.len = len;
	buf.maxlen = len + 1;
	buf.cursor = 0;
	Datum value = OidReceiveFunctionCall(typreceive, &buf, typioparam, -1);
	if (buf.cursor != buf.len)
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("incorrect binary data format in bind parameter %d", paramno));
	return value;
}

/* The CONTEXT line of an error in a Bind parameter's conversion
 * (PostgreSQL's bind_param_error_callback), pushed for the parameters'
 * loop and popped however it ends. */
class BindParamErrorScope
{
  public:
	explicit BindParamErrorScope(const char *portal_name) : portal_name_(portal_name)
	{
		callback_.callback = Callback;
		callback_.arg = this;
		callback_.previous = error_context_stack;
		error_context_stack = &callback_;
	}
	~BindParamErrorScope() { error_context_stack = callback_.previous; }
	BindParamErrorScope(const BindParamErrorScope &) = delete;
	BindParamErrorScope &operator=(const BindParamErrorScope &) = delete;

	/* The parameter being converted (0-based), and its text if in text
	 * format (nullptr: binary, or none). */
	void Set(int paramno, const char *text)
	{
		paramno_ = paramno;
		text_ = text;
	}

  private:
	static void Callback(void *arg)
	{
		auto *self = static_cast<BindParamErrorScope *>(arg);
		if (self->paramno_ < 0)
			return;
		/* PostgreSQL quotes the value cut to log_parameter_max_length_on_error
		 * characters, 0 by default (Tusk has not the setting yet): so a
		 * non-empty value shows as '...'. */
		const char *quoted = self->text_ == nullptr ? nullptr
			: self->text_[0] == '\0'				? "''"
													: "'...'";
		int n = self->paramno_ + 1;
		if (self->portal_name_[0] != '\0')
		{
			if (quoted != nullptr)
				errcontext("portal \"%s\" parameter $%d = %s", self->portal_name_, n, quoted);
			else
				errcontext("portal \"%s\" parameter $%d", self->portal_name_, n);
		}
		else if (quoted != nullptr)
			errcontext("unnamed portal parameter $%d = %s", n, quoted);
		else
			errcontext("unnamed portal parameter $%d", n);
	}

	const char *portal_name_;
	int paramno_ = -1;
	const char *text_ = nullptr;
	ErrorContextCallback callback_;
};

/* Bind: a portal for a prepared statement with parameter values. */
void ExecBindMessage(libpq::MessageReader &reader)
{
	std::string portal_name = reader.String();
	std::string stmt_name = reader.String();
	int numPFormats = static_cast<uint16_t>(reader.Int16());
	std::vector<int16> pformats(numPFormats);
	for (auto &f : pformats)
		f = reader.Int16();
	int numParams = static_cast<uint16_t>(reader.Int16());
	if (numPFormats > 1 && numPFormats != numParams)
		ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
				errmsg("bind message has %d parameter formats but %d parameters", numPFormats,
					   numParams));

	SetCurrentStatementStartTimestamp();
	StartXactCommand();
	MemoryContextSwitchTo(MessageContext);
	CachedPlanSource *psrc = FetchStatement(stmt_name);
	if (numParams != psrc->num_params)
		ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
				errmsg("bind message supplies %d parameters, but prepared statement \"%s\" "
					   "requires %d",
					   numParams, stmt_name.c_str(), psrc->num_params));
	if (psrc->raw_parse_tree != nullptr)
		CheckNotInFailedBlock(psrc->raw_parse_tree->stmt);
	current_query = psrc->query_string;
	error::debug_query_string = current_query.c_str();

	Portal portal = portal_name.empty() ? CreatePortal("", true, true)
										: CreatePortal(portal_name.c_str(), false, false);
	MemoryContext old = MemoryContextSwitchTo(portal->portalContext);
	ParamListInfo params = nullptr;
	if (numParams > 0)
	{
		params = makeParamList(numParams);
		/* Input functions may read catalogs or call functions that want a
		 * snapshot. */
		PushActiveSnapshot(GetTransactionSnapshot());
		BindParamErrorScope errscope(portal->name);
		for (int i = 0; i < numParams; i++)
		{
			errscope.Set(i, nullptr);
			int32 len = reader.Int32();
			std::string value;
			if (len != -1)
				value = reader.Bytes(len);
			int16 format = numPFormats > 1 ? pformats[i] : numPFormats == 1 ? pformats[0] : 0;
			errscope.Set(i, format == 0 && len >= 0 ? value.c_str() : nullptr);
			ParamExternData *prm = &params->params[i];
			prm->ptype = psrc->param_types[i];
			prm->pflags = PARAM_FLAG_CONST;
			prm->value = ReadBindParameter(prm->ptype, format, value.data(), len, i + 1,
										   &prm->isnull);
		}
		PopActiveSnapshot();
	}
	int numRFormats = static_cast<uint16_t>(reader.Int16());
	auto *rformats = static_cast<int16 *>(palloc(Max(numRFormats, 1) * sizeof(int16)));
	for (int i = 0; i < numRFormats; i++)
		rformats[i] = reader.Int16();
	reader.End();

	if (psrc->raw_parse_tree == nullptr)
		PortalDefineQuery(portal, stmt_name.c_str(), psrc->query_string, nullptr, NIL, nullptr);
	else
	{
		CachedPlan *cplan = GetCachedPlan(psrc, params);
		PortalDefineQuery(portal, stmt_name.c_str(), psrc->query_string, psrc->commandTag,
						  cplan->stmt_list, cplan);
	}
	MemoryContextSwitchTo(old);
	PortalStart(portal, params, 0, InvalidSnapshot);
	PortalSetResultFormat(portal, numRFormats, rformats);
	MessageBuilder('2').Send();
	error::debug_query_string = nullptr;
}

/* Execute: up to max_rows rows of the portal (0: all); CommandComplete
 * when it is done, PortalSuspended when rows may remain. */
void ExecExecuteMessage(const std::string &portal_name, long max_rows)
{
	Portal portal = FetchPortal(portal_name);
	if (portal->commandTag == nullptr)
	{
		MessageBuilder('I').Send();
		return;
	}
	current_query = portal->sourceText;
	error::debug_query_string = current_query.c_str();
	SetCurrentStatementStartTimestamp();
	pgstat_report_activity(STATE_RUNNING, current_query.c_str());
	StartXactCommand();
	bool is_xact_command = IsTransactionStmtList(portal->stmts);
	if (IsAbortedTransactionBlockState())
	{
		PlannedStmt *first = portal->stmts != NIL
			? static_cast<PlannedStmt *>(linitial(portal->stmts))
			: nullptr;
		CheckNotInFailedBlock(first != nullptr ? first->utilityStmt : nullptr);
	}
	const char *commandTag = portal->commandTag;
	DestReceiver *dest = CreateDestReceiver(DestRemoteExecute);
	SetRemoteDestReceiverParams(dest, FetchPortalTargetList(portal), portal->formats,
								portal->tupDesc != nullptr ? portal->tupDesc->natts : 0);
	if (max_rows <= 0)
		max_rows = FETCH_ALL;
	char tag[COMPLETION_TAG_BUFSIZE];
	bool completed = PortalRun(portal, max_rows, true, dest, dest, tag);
	dest->rDestroy(dest);
	if (completed)
	{
		/* Transaction control ends its command now (the portal goes with
		 * a committed transaction); anything else lets the next command
		 * of the implicit transaction see its effects. */
		if (is_xact_command)
			FinishXactCommand();
		else
			CommandCounterIncrement();
		/* The statement is over: the next message's command gets the
		 * whole timeout again, as in PostgreSQL. */
		DisableStatementTimeout();
		if (MayChangeReportedSettings(commandTag))
			report_parameters_needed = true;
		MessageBuilder('C').String(tag).Send();
	}
	else
		MessageBuilder('s').Send();
	error::debug_query_string = nullptr;
}

/* Describe 'S': ParameterDescription, then RowDescription or NoData. */
void ExecDescribeStatementMessage(const std::string &stmt_name)
{
	StartXactCommand();
	MemoryContextSwitchTo(MessageContext);
	CachedPlanSource *psrc = FetchStatement(stmt_name);
	if (IsAbortedTransactionBlockState() && psrc->resultDesc != nullptr)
		CheckNotInFailedBlock(nullptr);
	MessageBuilder params('t');
	params.Int16(static_cast<int16_t>(psrc->num_params));
	for (int i = 0; i < psrc->num_params; i++)
		params.Int32(static_cast<int32_t>(psrc->param_types[i]));
	params.Send();
	if (psrc->resultDesc == nullptr)
	{
		MessageBuilder('n').Send();
		return;
	}
	List *tlist = CachedPlanGetTargetList(psrc);
	if (psrc->resultDesc == nullptr)
		MessageBuilder('n').Send();
	else
		SendRowDescriptionMessage(psrc->resultDesc, tlist, nullptr, 0);
}

/* Describe 'P': RowDescription (with Bind's formats) or NoData. */
void ExecDescribePortalMessage(const std::string &portal_name)
{
	StartXactCommand();
	MemoryContextSwitchTo(MessageContext);
	Portal portal = FetchPortal(portal_name);
	if (IsAbortedTransactionBlockState() && portal->tupDesc != nullptr)
		CheckNotInFailedBlock(nullptr);
	if (portal->tupDesc == nullptr)
		MessageBuilder('n').Send();
	else
		/* A portal no Bind made (a cursor DECLARE opened) has no formats: text. */
		SendRowDescriptionMessage(portal->tupDesc, FetchPortalTargetList(portal), portal->formats,
								  portal->formats != nullptr ? portal->tupDesc->natts : 0);
}

void ExecCloseMessage(char kind, const std::string &name)
{
	if (kind == 'S')
	{
		if (name.empty())
			DropUnnamedStmt();
		else
			DropPreparedStatement(name.c_str(), false);
	}
	else
	{
		Portal portal = GetPortalByName(name.c_str());
		if (portal != nullptr)
			PortalDrop(portal, false);
	}
	MessageBuilder('3').Send();
}

void ExecSimpleQuery(const std::string &query)
{
	current_query = query;
	error::debug_query_string = current_query.c_str();
	pgstat_report_activity(STATE_RUNNING, current_query.c_str());
	CHECK_FOR_INTERRUPTS();
	/* A simple query ends the unnamed statement's life, as in PostgreSQL. */
	DropUnnamedStmt();
	List *parsetree_list = raw_parser(current_query.c_str());
	if (parsetree_list == NIL)
	{
		MessageBuilder('I').Send();
		error::debug_query_string = nullptr;
		return;
	}
	int n = list_length(parsetree_list);
	int i = 0;
	InMultiStatementQuery = n > 1;
	ListCell *lc;
	foreach (lc, parsetree_list)
	{
		RawStmt *parsetree = static_cast<RawStmt *>(lfirst(lc));
		ExecOneStatement(parsetree, current_query.c_str(), ++i == n);
	}
	InMultiStatementQuery = false;
	error::debug_query_string = nullptr;
}

/* The reported settings' values the client was last told. */
std::map<std::string, std::string> &ReportedValues()
{
	static std::map<std::string, std::string> values;
	return values;
}

void ReportParameterStatus()
{
	for (const auto &[name, value] : guc::ReportedSettings())
	{
		MessageBuilder('S').String(name).String(value).Send();
		ReportedValues()[name] = value;
	}
}

/* After SET/RESET (or a transaction end that undid one): a
 * ParameterStatus for each reported setting whose value changed, as
 * PostgreSQL sends them. */
void ReportChangedParameters()
{
	for (const auto &[name, value] : guc::ReportedSettings())
	{
		auto it = ReportedValues().find(name);
		if (it != ReportedValues().end() && it->second == value)
			continue;
		MessageBuilder('S').String(name).String(value).Send();
		ReportedValues()[name] = value;
	}
}

void InstallBackendSignalHandlers()
{
	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGINT, StatementCancelHandler);
	pqsignal(SIGTERM, die);
	pqsignal(SIGQUIT, quickdie);
	pqsignal(SIGUSR1, procsignal_sigusr1_handler);
	pqsignal(SIGPIPE, SIG_IGN);
	pqsignal(SIGALRM, StatementTimeoutHandler);
}

/* The longest body a frontend message of this type may have; 0 if no
 * frontend message has this type. */
size_t FrontendMessageLimit(int type)
{
	switch (type)
	{
		case 'Q':
		case 'P':
		case 'B':
		case 'F':
		case 'd':
			return libpq::kLargeMessageLimit;
		case 'E':
		case 'D':
		case 'C':
		case 'H':
		case 'S':
		case 'X':
		case 'c':
		case 'f':
			return libpq::kSmallMessageLimit;
		default:
			return 0;
	}
}

}  // namespace

void BackendMain(Port *port, postmaster::CacState cac)
{
	MyBackendType = B_BACKEND;
	MyProcPort = port;
	FillRemoteAddress(port);
	error::CurrentSession().remote_host = port->remote_host;
	error::CurrentSession().remote_port = port->remote_port;
	libpq::InitConnectionIO(port);
	error::SetFrontendEmitter(SendErrorToFrontend);
	error::client_auth_in_progress = true;

	if (Log_connections)
	{
		if (port->remote_port[0] != '\0')
			ereport(LOG,
					errmsg("connection received: host=%s port=%s", port->remote_host,
						   port->remote_port));
		else
			ereport(LOG, errmsg("connection received: host=%s", port->remote_host));
	}

	/* A client that never finishes the startup packet must not hold a
	 * process forever. */
	pqsignal(SIGALRM, StartupPacketTimeoutHandler);
	pqsignal(SIGTERM, StartupPacketTimeoutHandler);
	pqsignal(SIGQUIT, StartupPacketTimeoutHandler);
	alarm(static_cast<unsigned>(AuthenticationTimeout));
	StartupOptions opts;
	ProcessStartupPacket(port, false, false, &opts);
	if (cac != postmaster::CacState::kOk)
		RefuseConnection(cac);
	alarm(0);
	InstallBackendSignalHandlers();

	error::CurrentSession().user = port->user_name;
	error::CurrentSession().database = port->database_name;
	std::string title = std::string(port->user_name) + " " + port->database_name + " " +
		port->remote_host;
	ps::InitDisplay(title.c_str());
	ps::SetDisplay("startup");

	InitProcess();
	libpq::ClientAuthentication(port);
	InitPostgres(port->database_name, port->user_name);

	/* Every Tusk user is a superuser until roles exist, so the client's
	 * options are applied with a superuser's rights, as PostgreSQL does
	 * for a superuser's connection. */
	for (const auto &[name, value] : opts.gucs)
		SetConfigOption(name.c_str(), value.c_str(), PGC_SU_BACKEND, PGC_S_CLIENT);
	SetConfigOption("session_authorization", port->user_name, PGC_INTERNAL, PGC_S_OVERRIDE);
	port->application_name = strdup(application_name ? application_name : "");

	error::client_auth_in_progress = false;
	if (Log_connections)
		ereport(LOG,
				errmsg("connection authorized: user=%s database=%s application_name=%s",
					   port->user_name, port->database_name, port->application_name));

	MessageBuilder('R').Int32(0).Send(); /* AuthenticationOk */
	ReportParameterStatus();
	MessageBuilder('K').Int32(MyProcPid).Int32(MyCancelKey).Send();

	MessageContext = AllocSetContextCreate(TopMemoryContext, "MessageContext",
										   ALLOCSET_DEFAULT_SIZES);
	EnablePortalManager();
	error::ErrorHandlerScope handler;
	bool send_ready_for_query = true;
	bool ignore_till_sync = false;
	bool doing_extended_query_message = false;
	for (;;)
	{
		try
		{
			/* What the last message allocated goes now. */
			MemoryContextSwitchTo(MessageContext);
			MemoryContextReset(MessageContext);
			if (send_ready_for_query)
			{
				if (report_parameters_needed)
				{
					report_parameters_needed = false;
					ReportChangedParameters();
				}
				ps::SetDisplay("idle");
				/* pg_stat_activity's state while waiting for the client. */
				char status = TransactionBlockStatusCode();
				pgstat_report_activity(status == 'E'	   ? STATE_IDLEINTRANSACTION_ABORTED
										   : status == 'T' ? STATE_IDLEINTRANSACTION
														   : STATE_IDLE,
									   nullptr);
				/* Out of a transaction: the statistics counted so far go to
				 * shared memory, now or (flushed recently) once idle a
				 * while, as PostgreSQL's IDLE_STATS_UPDATE_TIMEOUT. */
				long stats_timeout = status == 'I' ? pgstat_report_stat(false) : 0;
				if (!SendReadyForQuery())
					proc_exit(0);
				send_ready_for_query = false;
				/* The client is idle now: the idle timeouts run until its
				 * next message, as PostgreSQL's do. */
				if (status != 'I')
					libpq::SetCommandReadTimeout(libpq::ReadTimeout::Idle,
												 IdleInTransactionSessionTimeout,
												 IdleInTransactionTimeoutExpired);
				else
					libpq::SetCommandReadTimeout(libpq::ReadTimeout::Idle, IdleSessionTimeout,
												 IdleSessionTimeoutExpired);
				if (stats_timeout > 0)
					libpq::SetCommandReadTimeout(libpq::ReadTimeout::StatsFlush, stats_timeout,
												 [] { (void) pgstat_report_stat(true); });
			}
			libpq::SetDoingCommandRead(true);
			int firstchar = libpq::GetByte();
			libpq::SetDoingCommandRead(false);
			if (firstchar < 0)
			{
				pgStatSessionEndCause = DISCONNECT_CLIENT_EOF;
				proc_exit(0); /* client went away */
			}

			/* The type is checked before the length word is believed: an
			 * unknown type is refused at once, and only the messages that
			 * carry statements or data may be large (as in PostgreSQL). */
			size_t limit = FrontendMessageLimit(firstchar);
			if (limit == 0)
				ereport(FATAL, errcode(ERRCODE_PROTOCOL_VIOLATION),
						errmsg("invalid frontend message type %d", firstchar));
			std::string body;
			if (!libpq::GetMessageBody(&body, limit))
				proc_exit(0);
			QueryCancelPending = false; /* a cancel for an earlier command is moot */

			/* A SIGHUP that came while we waited for the client (or ran the
			 * previous command) applies before this command runs: checked
			 * after the read, as PostgreSQL does, so that a reload arriving
			 * while idle is not left for the command after next. */
			if (ConfigReloadPending)
			{
				ConfigReloadPending = false;
				ProcessConfigFile(PGC_SIGHUP);
			}

			/* Terminate ends the session even while skipping to Sync. */
			if (ignore_till_sync && firstchar != 'S' && firstchar != 'X')
				continue;

			/* An error in these skips to Sync; Sync itself is not one of them,
			 * so that an error at commit is answered at once. */
			doing_extended_query_message = firstchar == 'P' || firstchar == 'B' ||
				firstchar == 'E' || firstchar == 'D' || firstchar == 'C' || firstchar == 'H';
			switch (firstchar)
			{
				case 'Q':
				{
					libpq::MessageReader reader(body);
					std::string query = reader.String();
					reader.End();
					ExecSimpleQuery(query);
					send_ready_for_query = true;
					break;
				}
				case 'P':
				{
					libpq::MessageReader reader(body);
					ExecParseMessage(reader);
					break;
				}
				case 'B':
				{
					libpq::MessageReader reader(body);
					ExecBindMessage(reader);
					break;
				}
				case 'E':
				{
					libpq::MessageReader reader(body);
					std::string portal_name = reader.String();
					long max_rows = reader.Int32();
					reader.End();
					ExecExecuteMessage(portal_name, max_rows);
					break;
				}
				case 'D':
				case 'C':
				{
					libpq::MessageReader reader(body);
					char kind = reader.Byte();
					std::string name = reader.String();
					reader.End();
					if (kind != 'S' && kind != 'P')
						ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
								errmsg("invalid %s message subtype %d",
									   firstchar == 'D' ? "DESCRIBE" : "CLOSE", kind));
					if (firstchar == 'C')
						ExecCloseMessage(kind, name);
					else if (kind == 'S')
						ExecDescribeStatementMessage(name);
					else
						ExecDescribePortalMessage(name);
					break;
				}
				case 'F':
					ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
							errmsg("fastpath function calls are not supported yet"));
					break;
				case 'S':
					ignore_till_sync = false;
					FinishXactCommand();
					send_ready_for_query = true;
					break;
				case 'H':
					libpq::Flush();
					break;
				case 'X':
					pgStatSessionEndCause = DISCONNECT_NORMAL;
					proc_exit(0);
				case 'd':
				case 'c':
				case 'f':
					/* Copy messages outside COPY are ignored, per protocol. */
					break;
				default:
					ereport(FATAL, errcode(ERRCODE_PROTOCOL_VIOLATION),
							errmsg("invalid frontend message type %d", firstchar));
			}
		}
		catch (...)
		{
			/* Out of whatever context the failed command was in; the loop
			 * resets MessageContext before the next message. */
			MemoryContextSwitchTo(TopMemoryContext);
			error::ReportCaughtException(ERROR);
			FlushErrorState();
			error::debug_query_string = nullptr;
			/* What the failed command held, it no longer holds: the
			 * transaction aborts (a block stays, failed, until ROLLBACK). */
			LWLockReleaseAll();
			AbortCurrentTransaction();
			/* The last resort — but a failed subtransaction's parent lives
			 * on, with its portals' pins (the subtransaction's own went
			 * with its resource owner). */
			if (!IsSubTransaction())
				ReleaseAllBufferPins();
			xact_started = false;
			InMultiStatementQuery = false;
			DisableStatementTimeout();
			StatementTimeoutFired = false;
			report_parameters_needed = true; /* an abort may undo a SET */
			InterruptHoldoffCount = 0;
			CritSectionCount = 0;
			QueryCancelPending = false;
			/* After an error in an extended-protocol message the client
			 * expects nothing until Sync; after a simple query, Z. */
			if (doing_extended_query_message)
				ignore_till_sync = true;
			else
				send_ready_for_query = true;
		}
	}
}

}  // namespace tusk::tcop

extern "C" {

void ProcessInterrupts(void)
{
	if (InterruptHoldoffCount != 0 || CritSectionCount != 0)
		return;
	InterruptPending = false;
	if (ProcDiePending)
	{
		ProcDiePending = false;
		QueryCancelPending = false;
		if (IsBackgroundWorker && MyBgworkerEntry != nullptr)
			ereport(FATAL, errcode(ERRCODE_ADMIN_SHUTDOWN),
					errmsg("terminating background worker \"%s\" due to administrator command",
						   MyBgworkerEntry->bgw_type));
		ereport(FATAL, errcode(ERRCODE_ADMIN_SHUTDOWN),
				errmsg("terminating connection due to administrator command"));
	}
	if (QueryCancelPending)
	{
		QueryCancelPending = false;
		/* Idle, waiting for a command: there is nothing to cancel, and an
		 * error now would only confuse the client. */
		if (tusk::libpq::DoingCommandRead())
			return;
		if (tusk::tcop::StatementTimeoutFired)
		{
			tusk::tcop::StatementTimeoutFired = false;
			ereport(ERROR, errcode(ERRCODE_QUERY_CANCELED),
					errmsg("canceling statement due to statement timeout"));
		}
		ereport(ERROR, errcode(ERRCODE_QUERY_CANCELED),
				errmsg("canceling statement due to user request"));
	}
}

void die(int)
{
	if (!proc_exit_inprogress)
	{
		InterruptPending = true;
		ProcDiePending = true;
	}
	if (MyLatch != nullptr)
		SetLatch(MyLatch);
}

void StatementCancelHandler(int)
{
	if (!proc_exit_inprogress)
	{
		InterruptPending = true;
		QueryCancelPending = true;
	}
	if (MyLatch != nullptr)
		SetLatch(MyLatch);
}

/*
 * SIGQUIT: the postmaster wants us gone now (crash of another process, or
 * immediate shutdown).  Tell the client why, then _exit(2) without running
 * exit callbacks: shared memory may be corrupt.  Runs in a signal handler,
 * so the notice is assembled in a fixed buffer with no allocation.
 */
void quickdie(int)
{
	sigset_t all;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, nullptr);

	const char *sqlstate = "57P01";
	const char *message = "terminating connection because of unexpected SIGQUIT signal";
	const char *detail = nullptr;
	const char *hint = nullptr;
	switch (GetQuitSignalReason())
	{
		case PMQUIT_FOR_CRASH:
			sqlstate = "57P02";
			message = "terminating connection because of crash of another server process";
			detail = "The postmaster has commanded this server process to roll back the current "
					 "transaction and exit, because another server process exited abnormally and "
					 "possibly corrupted shared memory.";
			hint = "In a moment you should be able to reconnect to the database and repeat your "
				   "command.";
			break;
		case PMQUIT_FOR_STOP:
			message = "terminating connection due to immediate shutdown command";
			break;
		case PMQUIT_NOT_SENT:
			break;
	}
	if (MyProcPort != nullptr && MyProcPort->sock >= 0 && MyBackendType == B_BACKEND)
	{
		char buf[1024];
		size_t len = 5;
		auto field = [&](char code, const char *text) {
			size_t n = strlen(text);
			if (len + n + 3 > sizeof buf)
				return;
			buf[len++] = code;
			memcpy(buf + len, text, n + 1);
			len += n + 1;
		};
		field('S', "WARNING");
		field('V', "WARNING");
		field('C', sqlstate);
		field('M', message);
		if (detail)
			field('D', detail);
		if (hint)
			field('H', hint);
		buf[len++] = '\0';
		buf[0] = 'N';
		uint32_t netlen = htonl(static_cast<uint32_t>(len - 1));
		memcpy(buf + 1, &netlen, 4);
		(void) !send(MyProcPort->sock, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
	}
	_exit(2);
}

}  // extern "C"
