/*
 * utils/guc.h — run-time settings (Grand Unified Configuration).
 *
 * Every setting has PostgreSQL's name, type, unit, range and context, and
 * lives in a C variable that the code reads directly.  Values come from
 * the built-in default, postgresql.conf (with include directives), the
 * command line (-c name=value and the short flags), and later from SET.
 * Modules define their own settings with DefineCustom*Variable; a value
 * for "prefix.name" seen in postgresql.conf before the module defined it is
 * kept as a placeholder and applied when the definition arrives.
 *
 * Implementation: backend/utils/misc (see doc/utils/misc/README.md).
 */
#ifndef TUSK_UTILS_GUC_H
#define TUSK_UTILS_GUC_H

#include "c.h"

/* When a setting may be changed; order matters (see guc.c in PostgreSQL). */
typedef enum
{
	PGC_INTERNAL,
	PGC_POSTMASTER,
	PGC_SIGHUP,
	PGC_SU_BACKEND,
	PGC_BACKEND,
	PGC_SUSET,
	PGC_USERSET
} GucContext;

/* Where the current value came from; later entries override earlier ones. */
typedef enum
{
	PGC_S_DEFAULT,
	PGC_S_DYNAMIC_DEFAULT,
	PGC_S_ENV_VAR,
	PGC_S_FILE,
	PGC_S_ARGV,
	PGC_S_GLOBAL,
	PGC_S_DATABASE,
	PGC_S_USER,
	PGC_S_DATABASE_USER,
	PGC_S_CLIENT,
	PGC_S_OVERRIDE,
	PGC_S_INTERACTIVE,
	PGC_S_TEST,
	PGC_S_SESSION
} GucSource;

typedef enum
{
	GUC_ACTION_SET,
	GUC_ACTION_LOCAL,
	GUC_ACTION_SAVE
} GucAction;

struct config_enum_entry
{
	const char *name;
	int val;
	bool hidden;
};

/* Flags, PostgreSQL's values. */
#define GUC_LIST_INPUT 0x0001
#define GUC_LIST_QUOTE 0x0002
#define GUC_NO_SHOW_ALL 0x0004
#define GUC_NO_RESET_ALL 0x0008
#define GUC_REPORT 0x0010
#define GUC_NOT_IN_SAMPLE 0x0020
#define GUC_DISALLOW_IN_FILE 0x0040
#define GUC_CUSTOM_PLACEHOLDER 0x0080
#define GUC_SUPERUSER_ONLY 0x0100
#define GUC_IS_NAME 0x0200
#define GUC_NOT_WHILE_SEC_REST 0x0400
#define GUC_DISALLOW_IN_AUTO_FILE 0x0800

#define GUC_UNIT_KB 0x1000
#define GUC_UNIT_BLOCKS 0x2000
#define GUC_UNIT_XBLOCKS 0x3000
#define GUC_UNIT_MB 0x4000
#define GUC_UNIT_BYTE 0x8000
#define GUC_UNIT_MEMORY 0xF000
#define GUC_UNIT_MS 0x10000
#define GUC_UNIT_S 0x20000
#define GUC_UNIT_MIN 0x30000
#define GUC_UNIT_TIME 0xF0000
#define GUC_UNIT (GUC_UNIT_MEMORY | GUC_UNIT_TIME)

typedef bool (*GucBoolCheckHook)(bool *newval, void **extra, GucSource source);
typedef bool (*GucIntCheckHook)(int *newval, void **extra, GucSource source);
typedef bool (*GucRealCheckHook)(double *newval, void **extra, GucSource source);
typedef bool (*GucStringCheckHook)(char **newval, void **extra, GucSource source);
typedef bool (*GucEnumCheckHook)(int *newval, void **extra, GucSource source);

typedef void (*GucBoolAssignHook)(bool newval, void *extra);
typedef void (*GucIntAssignHook)(int newval, void *extra);
typedef void (*GucRealAssignHook)(double newval, void *extra);
typedef void (*GucStringAssignHook)(const char *newval, void *extra);
typedef void (*GucEnumAssignHook)(int newval, void *extra);

typedef const char *(*GucShowHook)(void);

#ifdef __cplusplus
extern "C" {
#endif

/* Settings other subsystems read (the rest are declared near their users). */
extern PGDLLIMPORT char *ConfigFileName;
extern PGDLLIMPORT char *HbaFileName;
extern PGDLLIMPORT char *IdentFileName;
extern PGDLLIMPORT char *external_pid_file;
extern PGDLLIMPORT char *application_name;
extern PGDLLIMPORT char *cluster_name;
extern PGDLLIMPORT int log_min_messages;
extern PGDLLIMPORT int client_min_messages;
extern PGDLLIMPORT int log_min_error_statement;
extern PGDLLIMPORT char *Log_line_prefix;
extern PGDLLIMPORT char *log_timezone_string;
extern PGDLLIMPORT char *Unix_socket_directories;
extern PGDLLIMPORT char *ListenAddresses;
extern PGDLLIMPORT int Unix_socket_permissions;
extern PGDLLIMPORT char *Unix_socket_group;
extern PGDLLIMPORT int ReservedBackends;
extern PGDLLIMPORT int AuthenticationTimeout;
extern PGDLLIMPORT bool update_process_title;
extern PGDLLIMPORT char *shared_preload_libraries_string;
extern PGDLLIMPORT bool check_function_bodies;
extern PGDLLIMPORT char *default_tablespace;
extern PGDLLIMPORT char *default_table_access_method;
/* Where modules named without a directory are looked for (a colon-separated
 * list of absolute directories, "$libdir" standing for the package library
 * directory): utils/fmgr/dfmgr.cpp. */
extern PGDLLIMPORT char *Dynamic_library_path;
extern PGDLLIMPORT bool restart_after_crash;
extern PGDLLIMPORT char *server_version_string;
extern PGDLLIMPORT int server_version_num;
extern PGDLLIMPORT bool Log_connections;
extern PGDLLIMPORT bool Log_disconnections;

extern void DefineCustomBoolVariable(const char *name, const char *short_desc,
									 const char *long_desc, bool *valueAddr, bool bootValue,
									 GucContext context, int flags, GucBoolCheckHook check_hook,
									 GucBoolAssignHook assign_hook, GucShowHook show_hook);
extern void DefineCustomIntVariable(const char *name, const char *short_desc, const char *long_desc,
									int *valueAddr, int bootValue, int minValue, int maxValue,
									GucContext context, int flags, GucIntCheckHook check_hook,
									GucIntAssignHook assign_hook, GucShowHook show_hook);
extern void DefineCustomRealVariable(const char *name, const char *short_desc,
									 const char *long_desc, double *valueAddr, double bootValue,
									 double minValue, double maxValue, GucContext context,
									 int flags, GucRealCheckHook check_hook,
									 GucRealAssignHook assign_hook, GucShowHook show_hook);
extern void DefineCustomStringVariable(const char *name, const char *short_desc,
									   const char *long_desc, char **valueAddr,
									   const char *bootValue, GucContext context, int flags,
									   GucStringCheckHook check_hook,
									   GucStringAssignHook assign_hook, GucShowHook show_hook);
extern void DefineCustomEnumVariable(const char *name, const char *short_desc,
									 const char *long_desc, int *valueAddr, int bootValue,
									 const struct config_enum_entry *options, GucContext context,
									 int flags, GucEnumCheckHook check_hook,
									 GucEnumAssignHook assign_hook, GucShowHook show_hook);
extern void MarkGUCPrefixReserved(const char *className);
/* PostgreSQL 14 and older spelled it this way; kept for old modules. */
#define EmitWarningsOnPlaceholders(className) MarkGUCPrefixReserved(className)

extern const char *GetConfigOption(const char *name, bool missing_ok, bool restrict_privileged);
extern const char *GetConfigOptionResetString(const char *name);
extern void SetConfigOption(const char *name, const char *value, GucContext context,
							GucSource source);
extern int set_config_option(const char *name, const char *value, GucContext context,
							 GucSource source, GucAction action, bool changeVal, int elevel,
							 bool is_reload);
extern char *GetConfigOptionByName(const char *name, const char **varname, bool missing_ok);

/* Start-up and reload. */
/* Transaction-scoped values: the nest level of a transaction (1) and of
 * each subtransaction; AtEOXact_GUC undoes (abort) or keeps (commit; SET
 * LOCAL only until the top level ends) what was set at nestLevel and
 * above. */
extern void AtStart_GUC(void);
extern int NewGUCNestLevel(void);
extern void AtEOXact_GUC(bool isCommit, int nestLevel);

extern void InitializeGUCOptions(void);
extern bool SelectConfigFiles(const char *userDoption, const char *progname);
extern void ProcessConfigFile(GucContext context);
extern void ParseLongOption(const char *string, char **name, char **value);

extern bool parse_int(const char *value, int *result, int flags, const char **hintmsg);
extern bool parse_real(const char *value, double *result, int flags, const char **hintmsg);
extern bool parse_bool(const char *value, bool *result);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_GUC_H */
