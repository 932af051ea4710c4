/*
 * guc_tables.cpp — the built-in settings: names, types, units, ranges,
 * contexts, defaults and the variables they set.
 *
 * Principal entry point: BuiltinSettings (guc_internal.h).
 *
 * Only settings Tusk really obeys or reports are listed: a setting that
 * could be changed but did nothing would mislead.  Names, descriptions,
 * groups, contexts and limits are PostgreSQL 15's, so that postgresql.conf
 * files and tools written for PostgreSQL keep working.
 */
#include "postgres.h"

#include <limits.h>

#include "access/xact.h"
#include "catalog/namespace.h"
#include "commands/user.h"
#include "commands/vacuum.h"
#include "libpq/crypt.h"
#include "access/xlog.h"
#include "access/xlog_control.h"
#include "access/xlog_internal.h"
#include "miscadmin.h"
#include "optimizer/cost.h"
#include "parser/parser.h"
#include "storage/fd.h"
#include "storage/lock.h"
#include "tcop/tcopprot.h"
#include "postmaster/bgworker_internals.h"
#include "tusk_config.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/backend_status.h"
#include "pgstat.h"
#include "utils/guc.h"
#include "utils/misc/guc_internal.h"

/* Variables bound to settings (declared in utils/guc.h or miscadmin.h). */
char *ConfigFileName = nullptr;
char *HbaFileName = nullptr;
char *IdentFileName = nullptr;
char *external_pid_file = nullptr;
char *application_name = nullptr;
char *cluster_name = nullptr;
bool check_function_bodies = true;
char *default_tablespace = nullptr;
char *default_table_access_method = nullptr;
int log_min_messages = WARNING;
int client_min_messages = NOTICE;
int log_min_error_statement = ERROR;
char *Log_line_prefix = const_cast<char *>("%m [%p] ");
char *log_timezone_string = nullptr;
char *Unix_socket_directories = nullptr;
char *ListenAddresses = nullptr;
int Unix_socket_permissions = 0777;
char *Unix_socket_group = nullptr;
int ReservedBackends = 3;
int AuthenticationTimeout = 60;
bool update_process_title = true;
char *shared_preload_libraries_string = nullptr;
char *Dynamic_library_path = nullptr;
bool restart_after_crash = true;
char *server_version_string = nullptr;
int server_version_num = PG_VERSION_NUM;
bool Log_connections = false;
bool Log_disconnections = false;
bool enable_hashagg = true;
bool enable_mergejoin = true;
bool enable_hashjoin = true;
bool enable_nestloop = true;
bool enable_seqscan = true;
bool enable_indexscan = true;
bool enable_sort = true;
bool enable_material = true;
int work_mem = 4096;
bool is_superuser = true;
/* the "role" setting (commands/user.cpp shows it) */
char *role_string = nullptr;

namespace tusk::guc {

namespace {

/* Settings that exist so clients see PostgreSQL's answers; Tusk's code
 * reads some of them, none changes behaviour it does not have. */
char *data_directory = nullptr;
char *server_encoding_string = nullptr;
char *client_encoding_string = nullptr;
char *datestyle_string = nullptr;
bool integer_datetimes = true;
char *timezone_string = nullptr;
char *session_authorization_string = nullptr;
bool in_hot_standby = false;
int block_size = BLCKSZ;
int max_identifier_length = NAMEDATALEN - 1;

const config_enum_entry kIntervalStyleOptions[] = {
	{"postgres", 0, false},		{"postgres_verbose", 1, false},
	{"sql_standard", 2, false}, {"iso_8601", 3, false},
	{nullptr, 0, false},
};

const config_enum_entry kByteaOutputOptions[] = {
	{"escape", BYTEA_OUTPUT_ESCAPE, false},
	{"hex", BYTEA_OUTPUT_HEX, false},
	{nullptr, 0, false},
};

const char *const kConnSettings = "Connections and Authentication / Connection Settings";
const char *const kConnAuth = "Connections and Authentication / Authentication";
const char *const kMemory = "Resource Usage / Memory";
const char *const kAsync = "Resource Usage / Asynchronous Behavior";
const char *const kKernel = "Resource Usage / Kernel Resources";
const char *const kLogWhen = "Reporting and Logging / When to Log";
const char *const kLogWhat = "Reporting and Logging / What to Log";
const char *const kProcessTitle = "Reporting and Logging / Process Title";
const char *const kFileLocations = "File Locations";
const char *const kLocale = "Client Connection Defaults / Locale and Formatting";
const char *const kStatement = "Client Connection Defaults / Statement Behavior";
const char *const kPreload = "Client Connection Defaults / Shared Library Preloading";
const char *const kClientOther = "Client Connection Defaults / Other Defaults";
const char *const kCompat = "Version and Platform Compatibility / Previous PostgreSQL Versions";
const char *const kErrorHandling = "Error Handling";
const char *const kWalSettings = "Write-Ahead Log / Settings";
const char *const kWalCheckpoints = "Write-Ahead Log / Checkpoints";
const char *const kLockManagement = "Lock Management";
const char *const kQueryTuningMethod = "Query Tuning / Planner Method Configuration";
const char *const kQueryTuningOther = "Query Tuning / Other Planner Options";
const char *const kResourcesMem = "Resource Usage / Memory";
const char *const kPreset = "Preset Options";
const char *const kStatsCumulative = "Statistics / Cumulative Query and Index Statistics";
const char *const kUnset = "Ungrouped";

ConfigVar Bool(const char *name, GucContext ctx, const char *group, const char *desc,
			   const char *long_desc, int flags, bool *var, bool boot)
{
	ConfigVar v;
	v.name = name;
	v.context = ctx;
	v.group = group;
	v.short_desc = desc;
	v.long_desc = long_desc;
	v.flags = flags;
	v.type = VarType::kBool;
	v.bool_var = var;
	v.bool_boot = boot;
	return v;
}

ConfigVar Int(const char *name, GucContext ctx, const char *group, const char *desc,
			  const char *long_desc, int flags, int *var, int boot, int min, int max)
{
	ConfigVar v;
	v.name = name;
	v.context = ctx;
	v.group = group;
	v.short_desc = desc;
	v.long_desc = long_desc;
	v.flags = flags;
	v.type = VarType::kInt;
	v.int_var = var;
	v.int_boot = boot;
	v.int_min = min;
	v.int_max = max;
	return v;
}

ConfigVar String(const char *name, GucContext ctx, const char *group, const char *desc,
				 const char *long_desc, int flags, char **var, const char *boot,
				 GucStringCheckHook check = nullptr, GucStringAssignHook assign = nullptr)
{
	ConfigVar v;
	v.name = name;
	v.context = ctx;
	v.group = group;
	v.short_desc = desc;
	v.long_desc = long_desc;
	v.flags = flags;
	v.type = VarType::kString;
	v.string_var = var;
	v.string_boot = boot;
	v.check_hook = reinterpret_cast<void *>(check);
	v.assign_hook = reinterpret_cast<void *>(assign);
	return v;
}

ConfigVar Enum(const char *name, GucContext ctx, const char *group, const char *desc,
			   const char *long_desc, int flags, int *var, int boot,
			   const config_enum_entry *options)
{
	ConfigVar v;
	v.name = name;
	v.context = ctx;
	v.group = group;
	v.short_desc = desc;
	v.long_desc = long_desc;
	v.flags = flags;
	v.type = VarType::kEnum;
	v.int_var = var;
	v.int_boot = boot;
	v.options = options;
	return v;
}

const config_enum_entry kStatsFetchConsistencyOptions[] = {
	{"none", PGSTAT_FETCH_CONSISTENCY_NONE, false},
	{"cache", PGSTAT_FETCH_CONSISTENCY_CACHE, false},
	{"snapshot", PGSTAT_FETCH_CONSISTENCY_SNAPSHOT, false},
	{nullptr, 0, false},
};

const config_enum_entry kPasswordEncryptionOptions[] = {
	{"md5", PASSWORD_TYPE_MD5, false},
	{"scram-sha-256", PASSWORD_TYPE_SCRAM_SHA_256, false},
	{nullptr, 0, false},
};

const config_enum_entry kSyncMethodOptions[] = {
	{"fsync", SYNC_METHOD_FSYNC, false},
	{"fdatasync", SYNC_METHOD_FDATASYNC, false},
	{"open_sync", SYNC_METHOD_OPEN, false},
	{"open_datasync", SYNC_METHOD_OPEN_DSYNC, false},
	{nullptr, 0, false},
};

/* PostgreSQL 15 also takes pglz, lz4 and zstd; Tusk has zlib only, and
 * refuses the others rather than pretend. */
const config_enum_entry kWalCompressionOptions[] = {
	{"on", WAL_COMPRESSION_ZLIB, false},
	{"off", WAL_COMPRESSION_NONE, false},
	{"true", WAL_COMPRESSION_ZLIB, true},
	{"false", WAL_COMPRESSION_NONE, true},
	{"yes", WAL_COMPRESSION_ZLIB, true},
	{"no", WAL_COMPRESSION_NONE, true},
	{"1", WAL_COMPRESSION_ZLIB, true},
	{"0", WAL_COMPRESSION_NONE, true},
	{nullptr, 0, false},
};

const config_enum_entry kIsolationLevelOptions[] = {
	{"serializable", XACT_SERIALIZABLE, false},
	{"repeatable read", XACT_REPEATABLE_READ, false},
	{"read committed", XACT_READ_COMMITTED, false},
	{"read uncommitted", XACT_READ_UNCOMMITTED, false},
	{nullptr, 0, false},
};

const config_enum_entry kSynchronousCommitOptions[] = {
	{"local", SYNCHRONOUS_COMMIT_LOCAL_FLUSH, false},
	{"remote_write", SYNCHRONOUS_COMMIT_REMOTE_WRITE, false},
	{"remote_apply", SYNCHRONOUS_COMMIT_REMOTE_APPLY, false},
	{"on", SYNCHRONOUS_COMMIT_ON, false},
	{"off", SYNCHRONOUS_COMMIT_OFF, false},
	{"true", SYNCHRONOUS_COMMIT_ON, true},
	{"false", SYNCHRONOUS_COMMIT_OFF, true},
	{"yes", SYNCHRONOUS_COMMIT_ON, true},
	{"no", SYNCHRONOUS_COMMIT_OFF, true},
	{"1", SYNCHRONOUS_COMMIT_ON, true},
	{"0", SYNCHRONOUS_COMMIT_OFF, true},
	{nullptr, 0, false},
};

enum XmlOptionType
{
	XMLOPTION_DOCUMENT,
	XMLOPTION_CONTENT
};

const config_enum_entry kXmlOptionOptions[] = {
	{"content", XMLOPTION_CONTENT, false},
	{"document", XMLOPTION_DOCUMENT, false},
	{nullptr, 0, false},
};

int xmloption = XMLOPTION_CONTENT;
bool row_security = true;
bool synchronize_seqscans = true;

constexpr int kInternalFlags = GUC_NOT_IN_SAMPLE | GUC_DISALLOW_IN_FILE;
constexpr int kMaxBackendsLimit = (1 << 18) - 1; /* 262143, as PostgreSQL */

}  // namespace

/* Hooks live in guc.cpp, next to the parsing they resemble. */
bool CheckClientEncoding(char **newval, void **extra, GucSource source);
bool CheckDateStyle(char **newval, void **extra, GucSource source);
bool CheckTimeZone(char **newval, void **extra, GucSource source);
bool CheckDefaultTablespace(char **newval, void **extra, GucSource source);
bool CheckDefaultTableAccessMethod(char **newval, void **extra, GucSource source);
void AssignTimeZone(const char *newval, void *extra);
void AssignDateStyle(const char *newval, void *extra);
void AssignLogTimeZone(const char *newval, void *extra);

const config_enum_entry kServerMessageLevelOptions[] = {
	{"debug5", DEBUG5, false}, {"debug4", DEBUG4, false}, {"debug3", DEBUG3, false},
	{"debug2", DEBUG2, false}, {"debug1", DEBUG1, false}, {"debug", DEBUG2, true},
	{"info", INFO, false},	   {"notice", NOTICE, false}, {"warning", WARNING, false},
	{"error", ERROR, false},   {"log", LOG, false},		  {"fatal", FATAL, false},
	{"panic", PANIC, false},   {nullptr, 0, false},
};

const config_enum_entry kClientMessageLevelOptions[] = {
	{"debug5", DEBUG5, false},	 {"debug4", DEBUG4, false}, {"debug3", DEBUG3, false},
	{"debug2", DEBUG2, false},	 {"debug1", DEBUG1, false}, {"debug", DEBUG2, true},
	{"log", LOG, false},		 {"info", INFO, true},		{"notice", NOTICE, false},
	{"warning", WARNING, false}, {"error", ERROR, false},	{nullptr, 0, false},
};

/* Shown in octal, the way chmod takes it. */
const char *ShowUnixSocketPermissions()
{
	static char buf[8];
	snprintf(buf, sizeof buf, "%04o", Unix_socket_permissions);
	return buf;
}

/* pg_stat_activity shows application_name as it is set. */
void AssignApplicationName(const char *newval, void *)
{
	pgstat_report_appname(newval);
}

std::vector<ConfigVar> BuiltinSettings()
{
	static const std::string version = std::string(PG_VERSION) + " (Tusk " TUSK_VERSION ")";
	const char *level_desc = "Each level includes all the levels that follow it. The later the "
							 "level, the fewer messages are sent.";
	std::vector<ConfigVar> vars = {
		/* Connections */
		String("listen_addresses", PGC_POSTMASTER, kConnSettings,
			   "Sets the host name or IP address(es) to listen to.", nullptr, GUC_LIST_INPUT,
			   &ListenAddresses, "localhost"),
		Int("port", PGC_POSTMASTER, kConnSettings, "Sets the TCP port the server listens on.",
			nullptr, 0, &PostPortNumber, 5432, 1, 65535),
		Int("max_connections", PGC_POSTMASTER, kConnSettings,
			"Sets the maximum number of concurrent connections.", nullptr, 0, &MaxConnections, 100,
			1, kMaxBackendsLimit),
		Int("superuser_reserved_connections", PGC_POSTMASTER, kConnSettings,
			"Sets the number of connection slots reserved for superusers.", nullptr, 0,
			&ReservedBackends, 3, 0, kMaxBackendsLimit),
		String("unix_socket_directories", PGC_POSTMASTER, kConnSettings,
			   "Sets the directories where Unix-domain sockets will be created.", nullptr,
			   GUC_LIST_INPUT | GUC_LIST_QUOTE | GUC_SUPERUSER_ONLY, &Unix_socket_directories,
			   "/tmp"),
		String("unix_socket_group", PGC_POSTMASTER, kConnSettings,
			   "Sets the owning group of the Unix-domain socket.",
			   "The owning user of the socket is always the user that starts the server.", 0,
			   &Unix_socket_group, ""),
		Int("unix_socket_permissions", PGC_POSTMASTER, kConnSettings,
			"Sets the access permissions of the Unix-domain socket.",
			"Unix-domain sockets use the usual Unix file system permission set. The parameter "
			"value is expected to be a numeric mode specification in the form accepted by the "
			"chmod and umask system calls. (To use the customary octal format the number must "
			"start with a 0 (zero).)",
			0, &Unix_socket_permissions, 0777, 0000, 0777),
		Int("authentication_timeout", PGC_SIGHUP, kConnAuth,
			"Sets the maximum allowed time to complete client authentication.", nullptr, GUC_UNIT_S,
			&AuthenticationTimeout, 60, 1, 600),

		/* Resources */
		Int("shared_buffers", PGC_POSTMASTER, kMemory,
			"Sets the number of shared memory buffers used by the server.", nullptr,
			GUC_UNIT_BLOCKS, &NBuffers, 16384, 16, INT32_MAX / 2),
		Int("max_files_per_process", PGC_POSTMASTER, kKernel,
			"Sets the maximum number of simultaneously open files for each server process.",
			nullptr, 0, &max_files_per_process, 1000, 64, INT32_MAX),
		Int("max_worker_processes", PGC_POSTMASTER, kAsync,
			"Maximum number of concurrent worker processes.", nullptr, 0, &max_worker_processes, 8,
			0, kMaxBackendsLimit),
		/* Tusk's own: restarts of workers that keep failing (doc/bgworker.md). */
		Bool("bgworker_restart_backoff", PGC_SIGHUP, kAsync,
			 "Delays restarts of background workers that keep exiting soon after starting.",
			 "Each consecutive early exit doubles the delay, from the worker's restart time up "
			 "to bgworker_max_restart_delay.",
			 0, &bgworker_restart_backoff, false),
		Int("bgworker_max_restart_delay", PGC_SIGHUP, kAsync,
			"Sets the longest delay before restarting a background worker that keeps exiting.",
			nullptr, GUC_UNIT_S, &bgworker_max_restart_delay, 300, 1, 86400),

		/* Logging */
		Enum("log_min_messages", PGC_SUSET, kLogWhen, "Sets the message levels that are logged.",
			 level_desc, 0, &log_min_messages, WARNING, kServerMessageLevelOptions),
		Enum("client_min_messages", PGC_USERSET, kStatement,
			 "Sets the message levels that are sent to the client.", level_desc, 0,
			 &client_min_messages, NOTICE, kClientMessageLevelOptions),
		Enum("log_min_error_statement", PGC_SUSET, kLogWhen,
			 "Causes all statements generating error at or above this level to be logged.",
			 level_desc, 0, &log_min_error_statement, ERROR, kServerMessageLevelOptions),
		String("log_line_prefix", PGC_SIGHUP, kLogWhat,
			   "Controls information prefixed to each log line.", "If blank, no prefix is used.", 0,
			   &Log_line_prefix, "%m [%p] "),
		String("log_timezone", PGC_SIGHUP, kLogWhat, "Sets the time zone to use in log messages.",
			   nullptr, 0, &log_timezone_string, "GMT", CheckTimeZone, AssignLogTimeZone),
		Bool("log_connections", PGC_SU_BACKEND, kLogWhat, "Logs each successful connection.",
			 nullptr, 0, &Log_connections, false),
		Bool("log_disconnections", PGC_SU_BACKEND, kLogWhat,
			 "Logs end of a session, including duration.", nullptr, 0, &Log_disconnections, false),
		String("application_name", PGC_USERSET, kLogWhat,
			   "Sets the application name to be reported in statistics and logs.", nullptr,
			   GUC_IS_NAME | GUC_REPORT | GUC_NOT_IN_SAMPLE, &application_name, "", nullptr,
			   AssignApplicationName),
		/* Backend status (pg_stat_activity, utils/backend_status.h) */
		Bool("track_activities", PGC_SUSET, kStatsCumulative,
			 "Collects information about executing commands.",
			 "Enables the collection of information on the currently executing command of each "
			 "session, along with the time at which that command began execution.",
			 0, &pgstat_track_activities, true),
		Bool("track_counts", PGC_SUSET, kStatsCumulative,
			 "Collects statistics on database activity.", nullptr, 0, &pgstat_track_counts, true),
		Enum("stats_fetch_consistency", PGC_USERSET, kStatsCumulative,
			 "Sets the consistency of accesses to statistics data.", nullptr, 0,
			 &pgstat_fetch_consistency, PGSTAT_FETCH_CONSISTENCY_CACHE,
			 kStatsFetchConsistencyOptions),
		Int("track_activity_query_size", PGC_POSTMASTER, kStatsCumulative,
			"Sets the size reserved for pg_stat_activity.query, in bytes.", nullptr, GUC_UNIT_BYTE,
			&pgstat_track_activity_query_size, 1024, 100, 1048576),
		String("cluster_name", PGC_POSTMASTER, kProcessTitle,
			   "Sets the name of the cluster, which is included in the process title.", nullptr,
			   GUC_IS_NAME, &cluster_name, ""),
		Bool("update_process_title", PGC_SUSET, kProcessTitle,
			 "Updates the process title to show the active SQL command.",
			 "Enables updating of the process title every time a new SQL command is received "
			 "by the server.",
			 0, &update_process_title, true),

		/* File locations */
		String("data_directory", PGC_POSTMASTER, kFileLocations,
			   "Sets the server's data directory.", nullptr,
			   GUC_SUPERUSER_ONLY | GUC_DISALLOW_IN_AUTO_FILE, &data_directory, nullptr),
		String("config_file", PGC_POSTMASTER, kFileLocations,
			   "Sets the server's main configuration file.", nullptr,
			   GUC_DISALLOW_IN_FILE | GUC_SUPERUSER_ONLY, &ConfigFileName, nullptr),
		String("hba_file", PGC_POSTMASTER, kFileLocations,
			   "Sets the server's \"hba\" configuration file.", nullptr, GUC_SUPERUSER_ONLY,
			   &HbaFileName, nullptr),
		String("ident_file", PGC_POSTMASTER, kFileLocations,
			   "Sets the server's \"ident\" configuration file.", nullptr, GUC_SUPERUSER_ONLY,
			   &IdentFileName, nullptr),
		String("external_pid_file", PGC_POSTMASTER, kFileLocations,
			   "Writes the postmaster PID to the specified file.", nullptr, GUC_SUPERUSER_ONLY,
			   &external_pid_file, nullptr),

		/* Write-ahead log */
		Bool("fsync", PGC_SIGHUP, kWalSettings, "Forces synchronization of updates to disk.",
			 "The server will use the fsync() system call in several places to make sure that "
			 "updates are physically written to disk. This ensures that a database cluster will "
			 "recover to a consistent state after an operating system or hardware crash.",
			 0, &enableFsync, true),
		Enum("wal_sync_method", PGC_SIGHUP, kWalSettings,
			 "Selects the method used for forcing WAL updates to disk.", nullptr, 0, &sync_method,
			 SYNC_METHOD_FDATASYNC, kSyncMethodOptions),
		Bool("full_page_writes", PGC_SIGHUP, kWalSettings,
			 "Writes full pages to WAL when first modified after a checkpoint.",
			 "A page write in process during an operating system crash might be only partially "
			 "written to disk.  During recovery, the row changes stored in WAL are not enough to "
			 "recover.  This option writes pages when first modified after a checkpoint to WAL "
			 "so full recovery is possible.",
			 0, &fullPageWrites, true),
		Enum("wal_compression", PGC_SUSET, kWalSettings,
			 "Compresses full-page writes written in WAL file with specified method.", nullptr, 0,
			 &wal_compression, WAL_COMPRESSION_NONE, kWalCompressionOptions),
		Int("wal_buffers", PGC_POSTMASTER, kWalSettings,
			"Sets the number of disk-page buffers in shared memory for WAL.", nullptr,
			GUC_UNIT_XBLOCKS, &XLOGbuffers, -1, -1, INT32_MAX / XLOG_BLCKSZ),
		Enum("synchronous_commit", PGC_USERSET, kWalSettings,
			 "Sets the current transaction's synchronization level.", nullptr, 0,
			 &synchronous_commit, SYNCHRONOUS_COMMIT_ON, kSynchronousCommitOptions),

		Int("max_stack_depth", PGC_SUSET, kMemory, "Sets the maximum stack depth, in kilobytes.",
			nullptr, GUC_UNIT_KB, &max_stack_depth, 2048, 100, INT_MAX / 1024),

		Int("deadlock_timeout", PGC_SUSET, kLockManagement,
			"Sets the time to wait on a lock before checking for deadlock.", nullptr, GUC_UNIT_MS,
			&DeadlockTimeout, 1000, 1, INT_MAX),
		Int("max_locks_per_transaction", PGC_POSTMASTER, kLockManagement,
			"Sets the maximum number of locks per transaction.",
			"The shared lock table is sized on the assumption that at most "
			"max_locks_per_transaction * max_connections distinct objects will need to be "
			"locked at any one time.",
			0, &max_locks_per_xact, 64, 10, INT_MAX),
		Int("checkpoint_timeout", PGC_SIGHUP, kWalCheckpoints,
			"Sets the maximum time between automatic WAL checkpoints.", nullptr, GUC_UNIT_S,
			&CheckPointTimeout, 300, 30, 86400),
		Int("max_wal_size", PGC_SIGHUP, kWalCheckpoints,
			"Sets the WAL size that triggers a checkpoint.", nullptr, GUC_UNIT_MB, &max_wal_size_mb,
			1024, 2, INT32_MAX),
		Bool("log_checkpoints", PGC_SIGHUP, kLogWhat, "Logs each checkpoint.", nullptr, 0,
			 &log_checkpoints, true),

		/* Preloading and crashes */
		String("shared_preload_libraries", PGC_POSTMASTER, kPreload,
			   "Lists shared libraries to preload into server.", nullptr,
			   GUC_LIST_INPUT | GUC_LIST_QUOTE | GUC_SUPERUSER_ONLY,
			   &shared_preload_libraries_string, ""),
		String("dynamic_library_path", PGC_SUSET, kClientOther,
			   "Sets the path for dynamically loadable modules.",
			   "If a dynamically loadable module needs to be opened and the specified name does "
			   "not have a directory component (i.e., the name does not contain a slash), the "
			   "system will search this path for the specified file.",
			   GUC_SUPERUSER_ONLY, &Dynamic_library_path, "$libdir"),
		Bool("restart_after_crash", PGC_SIGHUP, kErrorHandling,
			 "Reinitialize server after backend crash.", nullptr, 0, &restart_after_crash, true),

		/* Client defaults reported at connection start */
		String("search_path", PGC_USERSET, kStatement,
			   "Sets the schema search order for names that are not schema-qualified.", nullptr,
			   GUC_LIST_INPUT | GUC_LIST_QUOTE, &namespace_search_path, "\"$user\", public"),
		String("client_encoding", PGC_USERSET, kLocale, "Sets the client's character set encoding.",
			   nullptr, GUC_IS_NAME | GUC_REPORT, &client_encoding_string, "UTF8",
			   CheckClientEncoding),
		String("DateStyle", PGC_USERSET, kLocale,
			   "Sets the display format for date and time values.",
			   "Also controls interpretation of ambiguous date inputs.",
			   GUC_LIST_INPUT | GUC_REPORT, &datestyle_string, "ISO, MDY", CheckDateStyle,
			   AssignDateStyle),
		Enum("IntervalStyle", PGC_USERSET, kLocale, "Sets the display format for interval values.",
			 nullptr, GUC_REPORT, &IntervalStyle, INTSTYLE_POSTGRES, kIntervalStyleOptions),
		Int("extra_float_digits", PGC_USERSET, kLocale,
			"Sets the number of digits displayed for floating-point values.",
			"This affects real, double precision, and geometric data types. A zero or negative "
			"parameter value is added to the standard number of digits (FLT_DIG or DBL_DIG as "
			"appropriate). Any value greater than zero selects precise output mode.",
			0, &extra_float_digits, 1, -15, 3),
		String("TimeZone", PGC_USERSET, kLocale,
			   "Sets the time zone for displaying and interpreting time stamps.", nullptr,
			   GUC_REPORT, &timezone_string, "GMT", CheckTimeZone, AssignTimeZone),
		Enum("bytea_output", PGC_USERSET, kStatement, "Sets the output format for bytea.", nullptr,
			 0, &bytea_output, BYTEA_OUTPUT_HEX, kByteaOutputOptions),
		Bool("quote_all_identifiers", PGC_USERSET, kCompat,
			 "When generating SQL fragments, quote all identifiers.", nullptr, 0,
			 &quote_all_identifiers, false),
		Bool("standard_conforming_strings", PGC_USERSET, kCompat,
			 "Causes '...' strings to treat backslashes literally.", nullptr, GUC_REPORT,
			 &::standard_conforming_strings, true), /* the lexer's (parser/parser.h) */
		Enum("default_transaction_isolation", PGC_USERSET, kStatement,
			 "Sets the transaction isolation level of each new transaction.", nullptr, 0,
			 &DefaultXactIsoLevel, XACT_READ_COMMITTED, kIsolationLevelOptions),
		Int("statement_timeout", PGC_USERSET, kStatement,
			"Sets the maximum allowed duration of any statement.",
			"A value of 0 turns off the timeout.", GUC_UNIT_MS, &StatementTimeout, 0, 0, INT_MAX),
		Int("lock_timeout", PGC_USERSET, kStatement,
			"Sets the maximum allowed duration of any wait for a lock.",
			"A value of 0 turns off the timeout.", GUC_UNIT_MS, &LockTimeout, 0, 0, INT_MAX),
		Int("idle_in_transaction_session_timeout", PGC_USERSET, kStatement,
			"Sets the maximum allowed idle time between queries, when in a transaction.",
			"A value of 0 turns off the timeout.", GUC_UNIT_MS, &IdleInTransactionSessionTimeout, 0,
			0, INT_MAX),
		Int("idle_session_timeout", PGC_USERSET, kStatement,
			"Sets the maximum allowed idle time between queries, when not in a transaction.",
			"A value of 0 turns off the timeout.", GUC_UNIT_MS, &IdleSessionTimeout, 0, 0, INT_MAX),
		Bool("check_function_bodies", PGC_USERSET, kStatement,
			 "Check routine bodies during CREATE FUNCTION and CREATE PROCEDURE.", nullptr, 0,
			 &check_function_bodies, true),
		String("default_tablespace", PGC_USERSET, kStatement,
			   "Sets the default tablespace to create tables and indexes in.",
			   "An empty string selects the database's default tablespace.", GUC_IS_NAME,
			   &default_tablespace, "", CheckDefaultTablespace),
		String("default_table_access_method", PGC_USERSET, kStatement,
			   "Sets the default table access method for new tables.", nullptr, GUC_IS_NAME,
			   &default_table_access_method, "heap", CheckDefaultTableAccessMethod),
		/* Tusk has no row-level security policies, so either value reads
		 * every row (off makes PostgreSQL fail a query a policy would
		 * filter; with no policies, none does). */
		Bool("row_security", PGC_USERSET, kStatement, "Enable row security.",
			 "When enabled, row security will be applied to all users.", 0, &row_security, true),
		/* Tusk has no xml type, so nothing reads it: kept because pg_dump
		 * and clients set it. */
		Enum("xmloption", PGC_USERSET, kStatement,
			 "Sets whether XML data in implicit parsing and serialization operations is to be "
			 "considered as documents or content fragments.",
			 nullptr, 0, &xmloption, XMLOPTION_CONTENT, kXmlOptionOptions),
		/* Permission to start a scan where another one is: Tusk's scans
		 * always start at block 0, which either value allows. */
		Bool("synchronize_seqscans", PGC_USERSET, kCompat, "Enable synchronized sequential scans.",
			 nullptr, 0, &synchronize_seqscans, true),
		Bool("default_transaction_read_only", PGC_USERSET, kStatement,
			 "Sets the default read-only status of new transactions.", nullptr, GUC_REPORT,
			 &DefaultXactReadOnly, false),
		Bool("default_transaction_deferrable", PGC_USERSET, kStatement,
			 "Sets the default deferrable status of new transactions.", nullptr, 0,
			 &DefaultXactDeferrable, false),
		/* The current transaction's modes: set by BEGIN and SET TRANSACTION
		 * (checked in tcop/utility.cpp), from the defaults at its start. */
		Enum("transaction_isolation", PGC_USERSET, kStatement,
			 "Sets the current transaction's isolation level.", nullptr,
			 GUC_NO_RESET_ALL | GUC_NOT_IN_SAMPLE | GUC_DISALLOW_IN_FILE, &XactIsoLevel,
			 XACT_READ_COMMITTED, kIsolationLevelOptions),
		Bool("transaction_read_only", PGC_USERSET, kStatement,
			 "Sets the current transaction's read-only status.", nullptr,
			 GUC_NO_RESET_ALL | GUC_NOT_IN_SAMPLE | GUC_DISALLOW_IN_FILE, &XactReadOnly, false),
		Bool("transaction_deferrable", PGC_USERSET, kStatement,
			 "Whether to defer a read-only serializable transaction until it can be executed with "
			 "no possible serialization failures.",
			 nullptr, GUC_NO_RESET_ALL | GUC_NOT_IN_SAMPLE | GUC_DISALLOW_IN_FILE, &XactDeferrable,
			 false),

		/* Read-only facts */
		String("server_version", PGC_INTERNAL, kPreset, "Shows the server version.", nullptr,
			   GUC_REPORT | kInternalFlags, &server_version_string, version.c_str()),
		Int("server_version_num", PGC_INTERNAL, kPreset, "Shows the server version as an integer.",
			nullptr, kInternalFlags, &server_version_num, PG_VERSION_NUM, PG_VERSION_NUM,
			PG_VERSION_NUM),
		String("server_encoding", PGC_INTERNAL, kPreset,
			   "Shows the server (database) character set encoding.", nullptr,
			   GUC_IS_NAME | GUC_REPORT | kInternalFlags, &server_encoding_string, "UTF8"),
		Bool("integer_datetimes", PGC_INTERNAL, kPreset,
			 "Shows whether datetimes are integer based.", nullptr, GUC_REPORT | kInternalFlags,
			 &integer_datetimes, true),
		Bool("in_hot_standby", PGC_INTERNAL, kPreset,
			 "Shows whether hot standby is currently active.", nullptr, GUC_REPORT | kInternalFlags,
			 &in_hot_standby, false),
		Int("block_size", PGC_INTERNAL, kPreset, "Shows the size of a disk block.", nullptr,
			kInternalFlags, &block_size, BLCKSZ, BLCKSZ, BLCKSZ),
		Int("wal_segment_size", PGC_INTERNAL, kPreset,
			"Shows the size of write ahead log segments.", nullptr, GUC_UNIT_BYTE | kInternalFlags,
			&wal_segment_size, DEFAULT_XLOG_SEG_SIZE, WalSegMinSize, WalSegMaxSize),
		Int("max_identifier_length", PGC_INTERNAL, kPreset, "Shows the maximum identifier length.",
			nullptr, kInternalFlags, &max_identifier_length, NAMEDATALEN - 1, NAMEDATALEN - 1,
			NAMEDATALEN - 1),
		/* Planner methods (optimizer/cost.h): a disabled method costs
		 * PostgreSQL's disable_cost more. */
		Bool("enable_hashagg", PGC_USERSET, kQueryTuningMethod,
			 "Enables the planner's use of hashed aggregation plans.", nullptr, 0, &enable_hashagg,
			 true),
		Bool("enable_mergejoin", PGC_USERSET, kQueryTuningMethod,
			 "Enables the planner's use of merge join plans.", nullptr, 0, &enable_mergejoin, true),
		Bool("enable_hashjoin", PGC_USERSET, kQueryTuningMethod,
			 "Enables the planner's use of hash join plans.", nullptr, 0, &enable_hashjoin, true),
		Bool("enable_nestloop", PGC_USERSET, kQueryTuningMethod,
			 "Enables the planner's use of nested-loop join plans.", nullptr, 0, &enable_nestloop,
			 true),
		Bool("enable_seqscan", PGC_USERSET, kQueryTuningMethod,
			 "Enables the planner's use of sequential-scan plans.", nullptr, 0, &enable_seqscan,
			 true),
		Bool("enable_indexscan", PGC_USERSET, kQueryTuningMethod,
			 "Enables the planner's use of index-scan plans.", nullptr, 0, &enable_indexscan, true),
		Bool("enable_sort", PGC_USERSET, kQueryTuningMethod,
			 "Enables the planner's use of explicit sort steps.", nullptr, 0, &enable_sort, true),
		Bool("enable_material", PGC_USERSET, kQueryTuningMethod,
			 "Enables the planner's use of materialization.", nullptr, 0, &enable_material, true),
		Int("work_mem", PGC_USERSET, kResourcesMem,
			"Sets the maximum memory to be used for query workspaces.",
			"This much memory can be used by each internal sort operation and hash table before "
			"switching to temporary disk files.",
			GUC_UNIT_KB, &work_mem, 4096, 64, INT_MAX),
		Int("default_statistics_target", PGC_USERSET, kQueryTuningOther,
			"Sets the default statistics target.",
			"This applies to table columns that have not had a column-specific target set via "
			"ALTER TABLE SET STATISTICS.",
			0, &default_statistics_target, 100, 1, 10000),
		/* Follows the current user (SET ROLE, SET SESSION AUTHORIZATION). */
		Bool("is_superuser", PGC_INTERNAL, kUnset, "Shows whether the current user is a superuser.",
			 nullptr, GUC_REPORT | GUC_NO_RESET_ALL | kInternalFlags, &is_superuser, true),
		String("session_authorization", PGC_USERSET, kUnset, "Sets the session user name.", nullptr,
			   GUC_IS_NAME | GUC_REPORT | GUC_NO_SHOW_ALL | GUC_NO_RESET_ALL | kInternalFlags,
			   &session_authorization_string, "", check_session_authorization,
			   assign_session_authorization),
		String("role", PGC_USERSET, kUnset, "Sets the current role.", nullptr,
			   GUC_IS_NAME | GUC_NO_SHOW_ALL | GUC_NO_RESET_ALL | kInternalFlags, &role_string,
			   "none", check_role, assign_role),
		Enum("password_encryption", PGC_USERSET, kConnAuth,
			 "Chooses the algorithm for encrypting passwords.", nullptr, 0, &Password_encryption,
			 PASSWORD_TYPE_SCRAM_SHA_256, kPasswordEncryptionOptions),
	};
	for (ConfigVar &v : vars)
	{
		if (v.name == "unix_socket_permissions")
			v.show_hook = ShowUnixSocketPermissions;
		if (v.name == "role")
			v.show_hook = show_role;
	}
	return vars;
}

}  // namespace tusk::guc
