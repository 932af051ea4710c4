/*
 * utils/misc/guc_internal.h — the settings machinery as the server's own
 * C++ code sees it.
 *
 * The public C API (utils/guc.h) is what modules use.  This header adds the
 * settings table's record type, for guc_tables.cpp to fill, and the entry
 * points that only the server needs: the values sent to clients at
 * connection start, display forms, --describe-config, and the
 * configuration-file parser (exposed for tests).
 */
#ifndef TUSK_UTILS_MISC_GUC_INTERNAL_H
#define TUSK_UTILS_MISC_GUC_INTERNAL_H

#include <stdio.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "utils/guc.h"

namespace tusk::guc {

enum class VarType
{
	kBool,
	kInt,
	kReal,
	kString,
	kEnum
};

/* One setting.  guc_tables.cpp lists the built-in ones; DefineCustom*
 * adds more at run time. */
struct ConfigVar
{
	std::string name;
	GucContext context;
	const char *group;
	const char *short_desc;
	const char *long_desc;
	int flags;
	VarType type;

	/* The C variable holding the current value (exactly one, per type). */
	bool *bool_var = nullptr;
	int *int_var = nullptr; /* kInt and kEnum */
	double *real_var = nullptr;
	char **string_var = nullptr;

	/* Built-in default. */
	bool bool_boot = false;
	int int_boot = 0; /* kInt and kEnum */
	double real_boot = 0;
	const char *string_boot = nullptr;

	int int_min = 0;
	int int_max = 0;
	double real_min = 0;
	double real_max = 0;
	const config_enum_entry *options = nullptr;

	/* Hooks, stored untyped and called through the type's signature. */
	void *check_hook = nullptr;
	void *assign_hook = nullptr;
	GucShowHook show_hook = nullptr;

	/* State. */
	GucSource source = PGC_S_DEFAULT;
	/* What RESET returns to: the value a connection started with (from
	 * the file, the command line, the database, the client's startup
	 * packet), or the built-in default when none set it. */
	bool has_reset_value = false;
	std::string reset_value;
	GucSource reset_source = PGC_S_DEFAULT;
	bool in_file = false; /* seen by the current ProcessConfigFile */
	std::string sourcefile;
	int sourceline = 0;
	/* For a placeholder (a custom name no module defined yet). */
	char *placeholder_value = nullptr;
	/* A placeholder replaced by its definition, or removed: no longer a
	 * setting, kept only because the table never moves its records. */
	bool retired = false;
};

/* guc_tables.cpp: the built-in settings, in no particular order. */
std::vector<ConfigVar> BuiltinSettings();

/* The message levels, as log_min_messages and friends accept them. */
extern const config_enum_entry kServerMessageLevelOptions[];
extern const config_enum_entry kClientMessageLevelOptions[];

/* Name and display value of every GUC_REPORT setting, in the order
 * PostgreSQL 15 sends them at connection start (by name). */
std::vector<std::pair<std::string, std::string>> ReportedSettings();

/* Display form with units ("128MB", "1min"), as SHOW prints it; throws
 * the unrecognized-parameter ERROR for an unknown name. */
std::string ShowSetting(const std::string &name);

/* One row of SHOW ALL. */
struct ShownSetting
{
	std::string name;
	std::string setting; /* as SHOW shows it */
	std::string description;
};

/* SHOW ALL's rows: every setting but those marked GUC_NO_SHOW_ALL (and
 * GUC_SUPERUSER_ONLY unless the current role has pg_read_all_settings's
 * privileges), by name (case-insensitively), as PostgreSQL 15's
 * ShowAllGUCConfig lists them. */
std::vector<ShownSetting> ShowAllSettings();

/* One row of pg_show_all_settings() (the view pg_settings), with
 * PostgreSQL 15's columns; an empty optional is SQL NULL. */
struct SettingRow
{
	std::string name;
	std::string setting; /* without units, as the base unit counts it */
	std::optional<std::string> unit;
	std::string category;
	std::string short_desc;
	std::optional<std::string> extra_desc;
	std::string context;
	std::string vartype;
	std::string source;
	std::optional<std::string> min_val;
	std::optional<std::string> max_val;
	std::optional<std::vector<std::string>> enumvals;
	std::optional<std::string> boot_val;
	std::optional<std::string> reset_val;
	std::optional<std::string> sourcefile;
	std::optional<int> sourceline;
	bool pending_restart = false;
};

/* pg_settings' rows: the settings SHOW ALL lists, in its order.  The file
 * and line a setting came from are shown, as PostgreSQL shows them, only
 * to a role with pg_read_all_settings's privileges. */
std::vector<SettingRow> AllSettingRows();

/* RESET ALL: every setting a session may change (user or superuser
 * context, not GUC_NO_RESET_ALL) that it did change goes back to its
 * session default, transactionally, as PostgreSQL's ResetAllOptions. */
void ResetAllSettings();

/* `postgres --describe-config`: one tab-separated line per setting that
 * belongs in postgresql.conf: name, context, group, type, default, min,
 * max, short and long description (PostgreSQL's columns), then the
 * default as postgresql.conf would spell it ("128MB"), for initdb. */
void DescribeConfig(FILE *out);

/* One `name = value` line of a configuration file. */
struct ConfigItem
{
	std::string name;
	std::string value;
	std::string filename;
	int line = 0;
};

/* Parses a configuration file and the files it includes (depth counts
 * nesting, 0 for the top).  Reports problems with ereport(elevel) and
 * returns false if there were any; items parsed up to then are appended. */
bool ParseConfigFile(const std::string &path, bool strict, int depth, int elevel,
					 std::vector<ConfigItem> &items);

/* A check hook's explanation of why it refused a value (PostgreSQL's
 * GUC_check_errcode/GUC_check_errmsg): reported instead of the generic
 * "invalid value" message. */
void SetCheckError(int sqlerrcode, const std::string &message);
/* The DETAIL of the standard "invalid value for parameter" error. */
void SetCheckErrorDetail(const std::string &detail);

/* Canonical name comparison: settings are case-insensitive. */
bool NamesEqual(const std::string &a, const std::string &b);

}  // namespace tusk::guc

#endif /* TUSK_UTILS_MISC_GUC_INTERNAL_H */
