/*
 * guc.cpp — settings: lookup, parsing, contexts and sources, start-up,
 * reload, custom variables.
 *
 * Principal entry points: InitializeGUCOptions, SelectConfigFiles,
 * ProcessConfigFile, set_config_option, SetConfigOption, GetConfigOption,
 * DefineCustom*Variable, and (guc_internal.h) ReportedSettings,
 * ShowSetting, DescribeConfig.
 *
 * Every setting's value lives in its C variable; the table here records
 * where the value came from (its source), which decides precedence: a
 * value set from a higher-priority source (the command line) is not
 * overwritten by a lower one (the configuration file).  A setting's
 * context says when it may change at all.  See doc/utils/misc/README.md
 * for the rules and the reload protocol.
 */
#include "postgres.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <map>
#include <string>

#include "common/paths.h"
#include "common/string_util.h"
#include "miscadmin.h"
#include "catalog/pg_authid_d.h"
#include "utils/acl.h"
#include "utils/timestamp.h"
#include "utils/datetime.h"
#include "utils/errcodes.h"
#include "utils/guc.h"
#include "utils/misc/guc_internal.h"

namespace tusk::guc {

namespace {

/* Stable addresses: custom settings are added while pointers are held. */
std::deque<ConfigVar> &Table()
{
	static std::deque<ConfigVar> table;
	return table;
}

std::map<std::string, ConfigVar *> &Index()
{
	static std::map<std::string, ConfigVar *> index;
	return index;
}

std::vector<std::string> &ReservedPrefixes()
{
	static std::vector<std::string> prefixes;
	return prefixes;
}

std::string Lower(const std::string &s)
{
	std::string out = s;
	for (char &c : out)
		c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
	return out;
}

ConfigVar *Find(const std::string &name)
{
	auto it = Index().find(Lower(name));
	return it == Index().end() ? nullptr : it->second;
}

ConfigVar *Add(ConfigVar var)
{
	Table().push_back(std::move(var));
	ConfigVar *v = &Table().back();
	Index()[Lower(v->name)] = v;
	return v;
}

/* A custom setting's name has a prefix: "prefix.name", both parts valid
 * identifiers. */
bool ValidCustomName(const std::string &name)
{
	size_t dot = name.find('.');
	if (dot == std::string::npos || dot == 0 || dot + 1 == name.size())
		return false;
	for (char c : name)
		if (!(isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '.'))
			return false;
	return true;
}

/* Strings the settings own: never freed, because other code may keep a
 * pointer to an old value (a reload changes few strings, rarely). */
char *Keep(const std::string &s)
{
	return strdup(s.c_str());
}

struct UnitConversion
{
	const char *unit;
	int base_unit;
	double multiplier; /* base units per unit */
};

/* Largest unit first within each base unit (the display code relies on it). */
const UnitConversion kMemoryUnits[] = {
	{"TB", GUC_UNIT_BYTE, 1024.0 * 1024.0 * 1024.0 * 1024.0},
	{"GB", GUC_UNIT_BYTE, 1024.0 * 1024.0 * 1024.0},
	{"MB", GUC_UNIT_BYTE, 1024.0 * 1024.0},
	{"kB", GUC_UNIT_BYTE, 1024.0},
	{"B", GUC_UNIT_BYTE, 1.0},

	{"TB", GUC_UNIT_KB, 1024.0 * 1024.0 * 1024.0},
	{"GB", GUC_UNIT_KB, 1024.0 * 1024.0},
	{"MB", GUC_UNIT_KB, 1024.0},
	{"kB", GUC_UNIT_KB, 1.0},
	{"B", GUC_UNIT_KB, 1.0 / 1024.0},

	{"TB", GUC_UNIT_MB, 1024.0 * 1024.0},
	{"GB", GUC_UNIT_MB, 1024.0},
	{"MB", GUC_UNIT_MB, 1.0},
	{"kB", GUC_UNIT_MB, 1.0 / 1024.0},
	{"B", GUC_UNIT_MB, 1.0 / (1024.0 * 1024.0)},

	{"TB", GUC_UNIT_BLOCKS, (1024.0 * 1024.0 * 1024.0) / (BLCKSZ / 1024.0)},
	{"GB", GUC_UNIT_BLOCKS, (1024.0 * 1024.0) / (BLCKSZ / 1024.0)},
	{"MB", GUC_UNIT_BLOCKS, 1024.0 / (BLCKSZ / 1024.0)},
	{"kB", GUC_UNIT_BLOCKS, 1.0 / (BLCKSZ / 1024.0)},
	{"B", GUC_UNIT_BLOCKS, 1.0 / BLCKSZ},
};

const UnitConversion kTimeUnits[] = {
	{"d", GUC_UNIT_MS, 1000 * 60 * 60 * 24},
	{"h", GUC_UNIT_MS, 1000 * 60 * 60},
	{"min", GUC_UNIT_MS, 1000 * 60},
	{"s", GUC_UNIT_MS, 1000},
	{"ms", GUC_UNIT_MS, 1},
	{"us", GUC_UNIT_MS, 1.0 / 1000},

	{"d", GUC_UNIT_S, 60 * 60 * 24},
	{"h", GUC_UNIT_S, 60 * 60},
	{"min", GUC_UNIT_S, 60},
	{"s", GUC_UNIT_S, 1},
	{"ms", GUC_UNIT_S, 1.0 / 1000},
	{"us", GUC_UNIT_S, 1.0 / (1000 * 1000)},

	{"d", GUC_UNIT_MIN, 60 * 24},
	{"h", GUC_UNIT_MIN, 60},
	{"min", GUC_UNIT_MIN, 1},
	{"s", GUC_UNIT_MIN, 1.0 / 60},
	{"ms", GUC_UNIT_MIN, 1.0 / (1000 * 60)},
	{"us", GUC_UNIT_MIN, 1.0 / (1000 * 1000 * 60)},
};

const char *const kMemoryUnitsHint =
	"Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".";
const char *const kTimeUnitsHint =
	"Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";

/* The table for a setting's unit flags, and its length. */
std::pair<const UnitConversion *, size_t> UnitsFor(int unit_flags)
{
	if (unit_flags & GUC_UNIT_MEMORY)
		return {kMemoryUnits, lengthof(kMemoryUnits)};
	return {kTimeUnits, lengthof(kTimeUnits)};
}

/* value × unit → base units; false for an unknown unit or trailing garbage. */
bool ConvertToBaseUnit(double value, const char *unit, int base_unit, double *result)
{
	std::string u(unit);
	while (!u.empty() && isspace(static_cast<unsigned char>(u.back())))
		u.pop_back();
	auto [table, n] = UnitsFor(base_unit);
	for (size_t i = 0; i < n; i++)
	{
		if (table[i].base_unit != base_unit || u != table[i].unit)
			continue;
		double converted = value * table[i].multiplier;
		/* "30.1GB": round to a whole number of the next smaller unit. */
		if (i + 1 < n && table[i + 1].base_unit == base_unit)
			converted = rint(converted / table[i + 1].multiplier) * table[i + 1].multiplier;
		*result = converted;
		return true;
	}
	return false;
}

/* The base unit's own name, for range messages ("8kB", "s"). */
const char *BaseUnitName(int flags)
{
	switch (flags & GUC_UNIT)
	{
		case GUC_UNIT_BYTE:
			return "B";
		case GUC_UNIT_KB:
			return "kB";
		case GUC_UNIT_MB:
			return "MB";
		case GUC_UNIT_BLOCKS:
			return "8kB";
		case GUC_UNIT_MS:
			return "ms";
		case GUC_UNIT_S:
			return "s";
		case GUC_UNIT_MIN:
			return "min";
		default:
			return nullptr;
	}
}

/* Display an integer in the largest unit that divides it exactly. */
std::string FormatIntWithUnit(int64 value, int flags)
{
	int base = flags & GUC_UNIT;
	if (base == 0 || value <= 0)
		return std::to_string(value);
	auto [table, n] = UnitsFor(base);
	for (size_t i = 0; i < n; i++)
	{
		if (table[i].base_unit != base)
			continue;
		double m = table[i].multiplier;
		if (m <= 1.0 || value % static_cast<int64>(m) == 0)
			return std::to_string(static_cast<int64>(rint(value / m))) + table[i].unit;
	}
	return std::to_string(value);
}

std::string FormatReal(double value)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%g", value);
	return buf;
}

const char *EnumName(const ConfigVar &v, int value)
{
	for (const config_enum_entry *e = v.options; e->name != nullptr; e++)
		if (e->val == value)
			return e->name;
	return "???";
}

std::string EnumOptionsList(const ConfigVar &v)
{
	std::string out;
	for (const config_enum_entry *e = v.options; e->name != nullptr; e++)
	{
		if (e->hidden)
			continue;
		if (!out.empty())
			out += ", ";
		out += e->name;
	}
	return out;
}

/* The current value, as SHOW shows it (units chosen for readability). */
std::string Display(const ConfigVar &v)
{
	if (v.show_hook != nullptr)
		return v.show_hook();
	switch (v.type)
	{
		case VarType::kBool:
			return *v.bool_var ? "on" : "off";
		case VarType::kInt:
			return FormatIntWithUnit(*v.int_var, v.flags);
		case VarType::kReal:
			return FormatReal(*v.real_var);
		case VarType::kEnum:
			return EnumName(v, *v.int_var);
		case VarType::kString:
			return *v.string_var != nullptr ? *v.string_var : "";
	}
	return "";
}

/* The current value without units, as GetConfigOption gives it. */
std::string RawValue(const ConfigVar &v)
{
	switch (v.type)
	{
		case VarType::kBool:
			return *v.bool_var ? "on" : "off";
		case VarType::kInt:
			return std::to_string(*v.int_var);
		case VarType::kReal:
			return FormatReal(*v.real_var);
		case VarType::kEnum:
			return EnumName(v, *v.int_var);
		case VarType::kString:
			return *v.string_var != nullptr ? *v.string_var : "";
	}
	return "";
}

/* A parsed, validated value, before it is assigned. */
struct NewValue
{
	bool b = false;
	int i = 0;
	double r = 0;
	std::string s;
	bool s_null = false;
};

/* What a check hook said about a rejected value (see SetCheckError). */
int check_errcode = 0;
std::string check_errmsg;
std::string check_errdetail; /* the DETAIL of the default message */

void ReportInvalid(int elevel, const ConfigVar &v, const char *value, const char *hint)
{
	int code = check_errcode != 0 ? check_errcode : ERRCODE_INVALID_PARAMETER_VALUE;
	std::string msg = check_errmsg;
	std::string detail = check_errdetail;
	check_errcode = 0;
	check_errmsg.clear();
	check_errdetail.clear();
	if (!msg.empty())
		ereport(elevel, errcode(code), errmsg("%s", msg.c_str()));
	else
		ereport(elevel, errcode(code),
				errmsg("invalid value for parameter \"%s\": \"%s\"", v.name.c_str(), value),
				detail.empty() ? 0 : errdetail("%s", detail.c_str()),
				hint ? errhint("%s", hint) : 0);
}

/* Parse and check `value` for v; on failure report at elevel and return false. */
bool ParseValue(ConfigVar &v, const char *value, GucSource source, int elevel, NewValue *out)
{
	const char *hint = nullptr;
	switch (v.type)
	{
		case VarType::kBool:
			if (!parse_bool(value, &out->b))
			{
				ereport(elevel, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("parameter \"%s\" requires a Boolean value", v.name.c_str()));
				return false;
			}
			if (v.check_hook != nullptr &&
				!reinterpret_cast<GucBoolCheckHook>(v.check_hook)(&out->b, nullptr, source))
			{
				ReportInvalid(elevel, v, value, nullptr);
				return false;
			}
			return true;
		case VarType::kInt:
			if (!parse_int(value, &out->i, v.flags, &hint))
			{
				ReportInvalid(elevel, v, value, hint);
				return false;
			}
			if (out->i < v.int_min || out->i > v.int_max)
			{
				const char *unit = BaseUnitName(v.flags);
				ereport(elevel, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%d%s%s is outside the valid range for parameter \"%s\" (%d .. %d)",
							   out->i, unit ? " " : "", unit ? unit : "", v.name.c_str(), v.int_min,
							   v.int_max));
				return false;
			}
			if (v.check_hook != nullptr &&
				!reinterpret_cast<GucIntCheckHook>(v.check_hook)(&out->i, nullptr, source))
			{
				ReportInvalid(elevel, v, value, nullptr);
				return false;
			}
			return true;
		case VarType::kReal:
			if (!parse_real(value, &out->r, v.flags, &hint))
			{
				ereport(elevel, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("parameter \"%s\" requires a numeric value", v.name.c_str()),
						hint ? errhint("%s", hint) : 0);
				return false;
			}
			if (out->r < v.real_min || out->r > v.real_max)
			{
				const char *unit = BaseUnitName(v.flags);
				ereport(elevel, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%g%s%s is outside the valid range for parameter \"%s\" (%g .. %g)",
							   out->r, unit ? " " : "", unit ? unit : "", v.name.c_str(),
							   v.real_min, v.real_max));
				return false;
			}
			if (v.check_hook != nullptr &&
				!reinterpret_cast<GucRealCheckHook>(v.check_hook)(&out->r, nullptr, source))
			{
				ReportInvalid(elevel, v, value, nullptr);
				return false;
			}
			return true;
		case VarType::kEnum:
		{
			bool found = false;
			for (const config_enum_entry *e = v.options; e->name != nullptr; e++)
				if (strcasecmp(e->name, value) == 0)
				{
					out->i = e->val;
					found = true;
					break;
				}
			if (!found)
			{
				std::string list = "Available values: " + EnumOptionsList(v) + ".";
				ReportInvalid(elevel, v, value, list.c_str());
				return false;
			}
			if (v.check_hook != nullptr &&
				!reinterpret_cast<GucEnumCheckHook>(v.check_hook)(&out->i, nullptr, source))
			{
				ReportInvalid(elevel, v, value, nullptr);
				return false;
			}
			return true;
		}
		case VarType::kString:
		{
			std::string s = value;
			/* Names are truncated to NAMEDATALEN - 1, as identifiers are. */
			if ((v.flags & GUC_IS_NAME) && s.size() >= NAMEDATALEN)
				s.resize(NAMEDATALEN - 1);
			if (v.check_hook != nullptr)
			{
				char *candidate = Keep(s);
				if (!reinterpret_cast<GucStringCheckHook>(v.check_hook)(&candidate, nullptr,
																		source))
				{
					ReportInvalid(elevel, v, value, nullptr);
					return false;
				}
				s = candidate;
			}
			out->s = s;
			return true;
		}
	}
	return false;
}

/* The built-in default, as a NewValue. */
NewValue BootValue(const ConfigVar &v)
{
	NewValue nv;
	nv.b = v.bool_boot;
	nv.i = v.int_boot;
	nv.r = v.real_boot;
	if (v.string_boot != nullptr)
		nv.s = v.string_boot;
	else
		nv.s_null = true;
	return nv;
}

bool SameValue(const ConfigVar &v, const NewValue &nv)
{
	switch (v.type)
	{
		case VarType::kBool:
			return *v.bool_var == nv.b;
		case VarType::kInt:
		case VarType::kEnum:
			return *v.int_var == nv.i;
		case VarType::kReal:
			return *v.real_var == nv.r;
		case VarType::kString:
			if (*v.string_var == nullptr)
				return nv.s_null;
			return !nv.s_null && nv.s == *v.string_var;
	}
	return false;
}

void Assign(ConfigVar &v, const NewValue &nv)
{
	switch (v.type)
	{
		case VarType::kBool:
			if (v.assign_hook)
				reinterpret_cast<GucBoolAssignHook>(v.assign_hook)(nv.b, nullptr);
			*v.bool_var = nv.b;
			break;
		case VarType::kInt:
			if (v.assign_hook)
				reinterpret_cast<GucIntAssignHook>(v.assign_hook)(nv.i, nullptr);
			*v.int_var = nv.i;
			break;
		case VarType::kEnum:
			if (v.assign_hook)
				reinterpret_cast<GucEnumAssignHook>(v.assign_hook)(nv.i, nullptr);
			*v.int_var = nv.i;
			break;
		case VarType::kReal:
			if (v.assign_hook)
				reinterpret_cast<GucRealAssignHook>(v.assign_hook)(nv.r, nullptr);
			*v.real_var = nv.r;
			break;
		case VarType::kString:
		{
			char *s = nv.s_null ? nullptr : Keep(nv.s);
			if (v.assign_hook)
				reinterpret_cast<GucStringAssignHook>(v.assign_hook)(s, nullptr);
			*v.string_var = s;
			break;
		}
	}
}

/* Make a placeholder for "prefix.name": a string setting that remembers
 * its value until a module defines the real one. */
ConfigVar *AddPlaceholder(const std::string &name)
{
	ConfigVar v;
	v.name = name;
	v.context = PGC_USERSET;
	v.group = "Customized Options";
	v.short_desc = "";
	v.long_desc = nullptr;
	v.flags = GUC_NO_SHOW_ALL | GUC_NOT_IN_SAMPLE | GUC_CUSTOM_PLACEHOLDER;
	v.type = VarType::kString;
	ConfigVar *added = Add(std::move(v));
	added->string_var = &added->placeholder_value;
	return added;
}

bool PrefixReserved(const std::string &name)
{
	size_t dot = name.find('.');
	if (dot == std::string::npos)
		return false;
	std::string prefix = Lower(name.substr(0, dot));
	for (const auto &p : ReservedPrefixes())
		if (Lower(p) == prefix)
			return true;
	return false;
}

int DefaultElevel(GucSource source)
{
	if (source == PGC_S_DEFAULT || source == PGC_S_FILE)
		return IsUnderPostmaster ? DEBUG3 : LOG;
	return ERROR;
}

/* The new definition of a custom setting takes over its placeholder's
 * name and, if one was set, its value and source. */
void DefineCustom(ConfigVar var)
{
	if (!ValidCustomName(var.name))
		ereport(ERROR, errcode(ERRCODE_INVALID_NAME),
				errmsg("invalid configuration parameter name \"%s\"", var.name.c_str()),
				errdetail("Custom parameter names must be two or more simple identifiers "
						  "separated by dots."));
	ConfigVar *existing = Find(var.name);
	if (existing != nullptr && !(existing->flags & GUC_CUSTOM_PLACEHOLDER))
		ereport(ERROR, errcode(ERRCODE_INTERNAL_ERROR),
				errmsg("attempt to redefine parameter \"%s\"", var.name.c_str()));

	std::string placeholder_value;
	bool had_value = false;
	GucSource placeholder_source = PGC_S_DEFAULT;
	std::string sourcefile;
	int sourceline = 0;
	if (existing != nullptr)
	{
		had_value = existing->placeholder_value != nullptr;
		if (had_value)
			placeholder_value = existing->placeholder_value;
		placeholder_source = existing->source;
		sourcefile = existing->sourcefile;
		sourceline = existing->sourceline;
		existing->retired = true;
		Index().erase(Lower(var.name));
	}

	ConfigVar *v = Add(std::move(var));
	Assign(*v, BootValue(*v));
	v->source = PGC_S_DEFAULT;
	if (had_value)
	{
		/* Apply the value the placeholder held, as if it were being set now. */
		(void) set_config_option(v->name.c_str(), placeholder_value.c_str(),
								 IsUnderPostmaster ? PGC_SIGHUP : PGC_POSTMASTER,
								 placeholder_source, GUC_ACTION_SET, true, WARNING, false);
		v->sourcefile = sourcefile;
		v->sourceline = sourceline;
		v->in_file = existing->in_file;
	}
}

ConfigVar BaseCustom(const char *name, const char *short_desc, const char *long_desc,
					 GucContext context, int flags, VarType type)
{
	ConfigVar v;
	v.name = name;
	v.context = context;
	v.group = "Customized Options";
	v.short_desc = short_desc ? short_desc : "";
	v.long_desc = long_desc;
	v.flags = flags;
	v.type = type;
	return v;
}

/*
 * Transaction-scoped values (PostgreSQL's GUC stack).  A SET or SET LOCAL
 * inside a transaction first saves the value it replaces, once per
 * setting and nest level (1: the top-level transaction, one more per
 * subtransaction): prior is the value on entry to that level; for SET
 * followed by SET LOCAL at the same level, masked is the SET's value,
 * which returns when the LOCAL one ends.  AtEOXact_GUC unwinds a level: an
 * abort restores prior; a subtransaction commit merges the entry into the
 * parent level's; the top-level commit keeps a SET, and undoes a LOCAL.
 */
enum class StackState
{
	kSave,	  /* a function's SET clause (restored at the level's end) */
	kSet,	  /* SET */
	kLocal,	  /* SET LOCAL */
	kSetLocal /* SET, then SET LOCAL */
};

struct StackEntry
{
	int nest_level;
	StackState state;
	NewValue prior;
	GucSource prior_source;
	NewValue masked;
	GucSource masked_source;
};

int GUCNestLevel = 0;

/* Per setting, its entries, nest levels increasing.  Settings are never
 * moved or freed, so their addresses are stable keys. */
std::map<ConfigVar *, std::vector<StackEntry>> &Stacks()
{
	static std::map<ConfigVar *, std::vector<StackEntry>> stacks;
	return stacks;
}

NewValue CurrentValue(const ConfigVar &v)
{
	NewValue nv;
	switch (v.type)
	{
		case VarType::kBool:
			nv.b = *v.bool_var;
			break;
		case VarType::kInt:
		case VarType::kEnum:
			nv.i = *v.int_var;
			break;
		case VarType::kReal:
			nv.r = *v.real_var;
			break;
		case VarType::kString:
			if (*v.string_var == nullptr)
				nv.s_null = true;
			else
				nv.s = *v.string_var;
			break;
	}
	return nv;
}

/* Before v changes by action inside a transaction: save what it replaces. */
void PushOldValue(ConfigVar *v, GucAction action)
{
	if (GUCNestLevel == 0)
		return;
	std::vector<StackEntry> &stack = Stacks()[v];
	if (!stack.empty() && stack.back().nest_level == GUCNestLevel)
	{
		StackEntry &e = stack.back();
		switch (action)
		{
			case GUC_ACTION_SET:
				e.state = StackState::kSet; /* SET overrides what came before */
				break;
			case GUC_ACTION_LOCAL:
				if (e.state == StackState::kSet)
				{
					e.masked = CurrentValue(*v);
					e.masked_source = v->source;
					e.state = StackState::kSetLocal;
				}
				break;
			case GUC_ACTION_SAVE:
				break;
		}
		return;
	}
	StackEntry e{GUCNestLevel, StackState::kSave, CurrentValue(*v), v->source, {}, PGC_S_DEFAULT};
	if (action == GUC_ACTION_SET)
		e.state = StackState::kSet;
	else if (action == GUC_ACTION_LOCAL)
		e.state = StackState::kLocal;
	stack.push_back(std::move(e));
}

}  // namespace

bool NamesEqual(const std::string &a, const std::string &b)
{
	return strcasecmp(a.c_str(), b.c_str()) == 0;
}

std::vector<std::pair<std::string, std::string>> ReportedSettings()
{
	std::vector<std::pair<std::string, std::string>> out;
	for (const auto &[key, v] : Index())
		if (v->flags & GUC_REPORT)
			out.emplace_back(v->name, Display(*v));
	/* Index() is keyed by the lower-cased name: already in PostgreSQL's order. */
	return out;
}

namespace {

/* Whether the current role may see what only pg_read_all_settings's
 * members see: superuser-only settings, and where a setting was set. */
bool ReadsAllSettings()
{
	return has_privs_of_role(GetUserId(), ROLE_PG_READ_ALL_SETTINGS);
}

/* Whether SHOW ALL and pg_settings list v for such a role or another. */
bool Listed(const ConfigVar &v, bool reads_all)
{
	return !v.retired && !(v.flags & GUC_NO_SHOW_ALL) &&
		(reads_all || !(v.flags & GUC_SUPERUSER_ONLY));
}

}  // namespace

std::vector<ShownSetting> ShowAllSettings()
{
	std::vector<ShownSetting> out;
	const bool reads_all = ReadsAllSettings();
	/* Index() is keyed by the lower-cased name: PostgreSQL's order. */
	for (const auto &[key, v] : Index())
	{
		if (!Listed(*v, reads_all))
			continue;
		out.push_back(
			ShownSetting{v->name, Display(*v), v->short_desc != nullptr ? v->short_desc : ""});
	}
	return out;
}

namespace {

const char *const kContextNames[] = {
	"internal", "postmaster", "sighup", "superuser-backend", "backend", "superuser", "user",
};

/* PostgreSQL's GucSource_Names, in GucSource's order. */
const char *const kSourceNames[] = {
	"default",
	"default",
	"environment variable",
	"configuration file",
	"command line",
	"global",
	"database",
	"user",
	"database user",
	"client",
	"override",
	"interactive",
	"test",
	"session",
};

/* pg_settings.unit: the base unit a setting's number counts, as
 * PostgreSQL names it (blocks as their size: "8kB"). */
std::optional<std::string> UnitName(int flags)
{
	switch (flags & GUC_UNIT)
	{
		case GUC_UNIT_BYTE:
			return "B";
		case GUC_UNIT_KB:
			return "kB";
		case GUC_UNIT_MB:
			return "MB";
		case GUC_UNIT_BLOCKS:
		case GUC_UNIT_XBLOCKS: /* XLOG_BLCKSZ == BLCKSZ */
			return std::to_string(BLCKSZ / 1024) + "kB";
		case GUC_UNIT_MS:
			return "ms";
		case GUC_UNIT_S:
			return "s";
		case GUC_UNIT_MIN:
			return "min";
		default:
			return std::nullopt;
	}
}

/* A value as pg_settings' boot_val and reset_val print it: numbers
 * without units, strings as they are (NULL for a NULL string). */
std::optional<std::string> PlainValue(const ConfigVar &v, const NewValue &nv)
{
	switch (v.type)
	{
		case VarType::kBool:
			return nv.b ? "on" : "off";
		case VarType::kInt:
			return std::to_string(nv.i);
		case VarType::kReal:
			return FormatReal(nv.r);
		case VarType::kEnum:
			return EnumName(v, nv.i);
		case VarType::kString:
			if (nv.s_null)
				return std::nullopt;
			return nv.s;
	}
	return std::nullopt;
}

}  // namespace

std::vector<SettingRow> AllSettingRows()
{
	static const char *const kTypeNames[] = {"bool", "integer", "real", "string", "enum"};
	std::vector<SettingRow> out;
	const bool reads_all = ReadsAllSettings();
	for (const auto &[key, v] : Index())
	{
		if (!Listed(*v, reads_all))
			continue;
		SettingRow row;
		row.name = v->name;
		/* Numbers without units; a show hook's form where there is one. */
		row.setting = v->show_hook != nullptr ? v->show_hook() : RawValue(*v);
		if (v->type == VarType::kInt || v->type == VarType::kReal)
			row.unit = UnitName(v->flags);
		row.category = v->group != nullptr ? v->group : "Customized Options";
		row.short_desc = v->short_desc != nullptr ? v->short_desc : "";
		if (v->long_desc != nullptr)
			row.extra_desc = v->long_desc;
		row.context = kContextNames[v->context];
		row.vartype = kTypeNames[static_cast<int>(v->type)];
		row.source = kSourceNames[v->source];
		switch (v->type)
		{
			case VarType::kInt:
				row.min_val = std::to_string(v->int_min);
				row.max_val = std::to_string(v->int_max);
				break;
			case VarType::kReal:
				row.min_val = FormatReal(v->real_min);
				row.max_val = FormatReal(v->real_max);
				break;
			case VarType::kEnum:
			{
				std::vector<std::string> names;
				for (const config_enum_entry *e = v->options; e->name != nullptr; e++)
					if (!e->hidden)
						names.emplace_back(e->name);
				row.enumvals = std::move(names);
				break;
			}
			default:
				break;
		}
		row.boot_val = PlainValue(*v, BootValue(*v));
		NewValue reset;
		if (v->has_reset_value)
		{
			if (!ParseValue(*v, v->reset_value.c_str(), v->reset_source, ERROR, &reset))
				reset = BootValue(*v);
		}
		else
			reset = BootValue(*v);
		row.reset_val = PlainValue(*v, reset);
		if (reads_all && v->source == PGC_S_FILE && !v->sourcefile.empty())
		{
			row.sourcefile = v->sourcefile;
			row.sourceline = v->sourceline;
		}
		out.push_back(std::move(row));
	}
	return out;
}

void ResetAllSettings()
{
	for (const auto &[key, v] : Index())
	{
		if (v->retired || (v->context != PGC_SUSET && v->context != PGC_USERSET) ||
			(v->flags & GUC_NO_RESET_ALL) || v->source <= PGC_S_OVERRIDE)
			continue;
		(void) set_config_option(v->name.c_str(), nullptr, PGC_SUSET, PGC_S_SESSION, GUC_ACTION_SET,
								 true, ERROR, false);
	}
}

std::string ShowSetting(const std::string &name)
{
	ConfigVar *v = Find(name);
	if (v == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("unrecognized configuration parameter \"%s\"", name.c_str()));
	if ((v->flags & GUC_SUPERUSER_ONLY) && !ReadsAllSettings())
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must be superuser or have privileges of pg_read_all_settings to examine "
					   "\"%s\"",
					   name.c_str()));
	return Display(*v);
}

void DescribeConfig(FILE *out)
{
	for (const auto &[key, v] : Index())
	{
		if (v->context == PGC_INTERNAL ||
			(v->flags & (GUC_NO_SHOW_ALL | GUC_NOT_IN_SAMPLE | GUC_DISALLOW_IN_FILE)))
			continue;
		std::string type, boot, min, max, conf;
		switch (v->type)
		{
			case VarType::kBool:
				type = "BOOLEAN";
				boot = v->bool_boot ? "true" : "false";
				conf = v->bool_boot ? "on" : "off";
				break;
			case VarType::kInt:
				type = "INTEGER";
				boot = std::to_string(v->int_boot);
				min = std::to_string(v->int_min);
				max = std::to_string(v->int_max);
				/* A show hook displays the current value; at start-up that is
				 * the default, in the form the hook chose (octal modes). */
				conf = v->show_hook ? v->show_hook() : FormatIntWithUnit(v->int_boot, v->flags);
				break;
			case VarType::kReal:
				type = "REAL";
				boot = FormatReal(v->real_boot);
				min = FormatReal(v->real_min);
				max = FormatReal(v->real_max);
				conf = boot;
				break;
			case VarType::kEnum:
				type = "ENUM";
				boot = EnumName(*v, v->int_boot);
				conf = boot;
				break;
			case VarType::kString:
				type = "STRING";
				boot = v->string_boot ? v->string_boot : "";
				conf = "'" + boot + "'";
				break;
		}
		fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v->name.c_str(),
				kContextNames[v->context], v->group, type.c_str(), boot.c_str(), min.c_str(),
				max.c_str(), v->short_desc, v->long_desc ? v->long_desc : "", conf.c_str());
	}
}

/* --- check and assign hooks of built-in settings --- */

void SetCheckError(int sqlerrcode, const std::string &message)
{
	check_errcode = sqlerrcode;
	check_errmsg = message;
}

void SetCheckErrorDetail(const std::string &detail)
{
	check_errdetail = detail;
}

/* Tusk keeps every relation in pg_default and cannot create tablespaces,
 * so the empty string and pg_default are the only places a table can go;
 * pg_global holds only shared catalogs. */
bool CheckDefaultTablespace(char **newval, void **, GucSource)
{
	if (**newval == '\0' || strcmp(*newval, "pg_default") == 0)
		return true;
	if (strcmp(*newval, "pg_global") == 0)
	{
		SetCheckError(ERRCODE_FEATURE_NOT_SUPPORTED,
					  "only shared relations can be placed in pg_global tablespace");
		return false;
	}
	SetCheckErrorDetail(std::string("Tablespace \"") + *newval + "\" does not exist.");
	return false;
}

/* heap is Tusk's only table access method. */
bool CheckDefaultTableAccessMethod(char **newval, void **, GucSource)
{
	if (strcmp(*newval, "heap") == 0)
		return true;
	if (**newval == '\0')
	{
		SetCheckErrorDetail("default_table_access_method cannot be empty.");
		return false;
	}
	if (strlen(*newval) >= NAMEDATALEN)
	{
		SetCheckErrorDetail("default_table_access_method is too long (maximum " +
							std::to_string(NAMEDATALEN - 1) + " characters).");
		return false;
	}
	SetCheckErrorDetail(std::string("Table access method \"") + *newval + "\" does not exist.");
	return false;
}

bool CheckClientEncoding(char **newval, void **, GucSource)
{
	std::string norm;
	for (const char *p = *newval; *p; p++)
		if (*p != '-' && *p != '_')
			norm += static_cast<char>(tolower(static_cast<unsigned char>(*p)));
	if (norm == "utf8" || norm == "unicode")
	{
		*newval = Keep("UTF8");
		return true;
	}
	if (norm == "sqlascii")
	{
		*newval = Keep("SQL_ASCII");
		return true;
	}
	/* Encodings PostgreSQL knows: Tusk has no converters for them. */
	static const char *const kKnown[] = {
		"latin1",	"latin2",	"latin3",	"latin4",	  "latin5",		  "latin6",
		"latin7",	"latin8",	"latin9",	"latin10",	  "win1250",	  "win1251",
		"win1252",	"win1253",	"win1254",	"win1255",	  "win1256",	  "win1257",
		"win1258",	"win866",	"win874",	"koi8r",	  "koi8u",		  "eucjp",
		"euccn",	"euckr",	"euctw",	"eucjis2004", "sjis",		  "big5",
		"gbk",		"uhc",		"gb18030",	"johab",	  "shiftjis2004", "mulecinternal",
		"iso88595", "iso88596", "iso88597", "iso88598",	  "windows1252",  "alt",
		"koi8",
	};
	for (const char *k : kKnown)
		if (norm == k)
		{
			std::string upper = *newval;
			for (char &c : upper)
				c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
			SetCheckError(ERRCODE_FEATURE_NOT_SUPPORTED,
						  "conversion between " + upper + " and UTF8 is not supported");
			return false;
		}
	return false;
}

bool CheckDateStyle(char **newval, void **, GucSource)
{
	/* a part not given keeps its current value, as PostgreSQL's does */
	std::string style = DateStyle == USE_SQL_DATES ? "SQL"
		: DateStyle == USE_GERMAN_DATES			   ? "German"
		: DateStyle == USE_POSTGRES_DATES		   ? "Postgres"
												   : "ISO";
	std::string order = DateOrder == DATEORDER_DMY ? "DMY"
		: DateOrder == DATEORDER_YMD			   ? "YMD"
												   : "MDY";
	bool have_style = false, have_order = false;
	auto tokens = common::SplitList(*newval, true);
	if (!tokens)
		return false;
	for (const std::string &tok : *tokens)
	{
		const char *new_style = nullptr, *new_order = nullptr;
		if (tok == "iso")
			new_style = "ISO";
		else if (tok == "sql")
			new_style = "SQL";
		else if (tok.rfind("postgres", 0) == 0)
			new_style = "Postgres";
		else if (tok == "german")
		{
			new_style = "German";
			if (!have_order)
				new_order = "DMY";
		}
		else if (tok == "ymd")
			new_order = "YMD";
		else if (tok == "dmy" || tok.rfind("euro", 0) == 0)
			new_order = "DMY";
		else if (tok == "mdy" || tok == "us" || tok.rfind("noneuro", 0) == 0)
			new_order = "MDY";
		else if (tok == "default")
		{
			new_style = "ISO";
			new_order = "MDY";
		}
		else
		{
			SetCheckErrorDetail("Unrecognized key word: \"" + tok + "\".");
			return false;
		}
		if (new_style != nullptr)
		{
			if (have_style && style != new_style)
			{
				SetCheckErrorDetail("Conflicting \"datestyle\" specifications.");
				return false;
			}
			style = new_style;
			have_style = true;
		}
		if (new_order != nullptr && tok != "german")
		{
			if (have_order && order != new_order)
			{
				SetCheckErrorDetail("Conflicting \"datestyle\" specifications.");
				return false;
			}
			have_order = true;
		}
		if (new_order != nullptr)
			order = new_order;
	}
	*newval = Keep(style + ", " + order);
	return true;
}

/* A zone is valid if the system's zone database has it, or it is a fixed
 * offset PostgreSQL accepts (a number of hours, INTERVAL '...', a POSIX
 * "UTC+5"); the value is replaced by the zone's canonical name
 * (america/new_york becomes America/New_York, -7 becomes <-07>+07). */
bool CheckTimeZone(char **newval, void **, GucSource)
{
	const char *detail;
	pg_tz *tz = pg_tzset_setting(*newval, &detail);
	if (tz == nullptr)
	{
		if (detail != nullptr)
			SetCheckErrorDetail(detail);
		return false;
	}
	*newval = Keep(pg_get_timezone_name(tz));
	return true;
}

void AssignTimeZone(const char *newval, void *)
{
	const char *detail;
	if (newval != nullptr)
		session_timezone = pg_tzset_setting(newval, &detail);
}

/* Log timestamps use the C library's local time: make it the log zone. */
void AssignLogTimeZone(const char *newval, void *)
{
	if (newval == nullptr)
		return;
	const char *detail;
	log_timezone = pg_tzset_setting(newval, &detail);
	setenv("TZ", newval, 1);
	tzset();
}

/* DateStyle's value, already normalized by CheckDateStyle ("ISO, MDY"),
 * into the variables the date/time output reads. */
void AssignDateStyle(const char *newval, void *)
{
	if (newval == nullptr)
		return;
	std::string v = newval;
	if (v.rfind("ISO", 0) == 0)
		DateStyle = USE_ISO_DATES;
	else if (v.rfind("SQL", 0) == 0)
		DateStyle = USE_SQL_DATES;
	else if (v.rfind("German", 0) == 0)
		DateStyle = USE_GERMAN_DATES;
	else
		DateStyle = USE_POSTGRES_DATES;
	if (v.find("DMY") != std::string::npos)
		DateOrder = DATEORDER_DMY;
	else if (v.find("YMD") != std::string::npos)
		DateOrder = DATEORDER_YMD;
	else
		DateOrder = DATEORDER_MDY;
}

}  // namespace tusk::guc

using tusk::guc::ConfigVar;
using tusk::guc::VarType;

/* --- value parsing, PostgreSQL's rules --- */

bool parse_bool(const char *value, bool *result)
{
	std::string v(tusk::common::Trim(value));
	for (char &c : v)
		c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
	size_t len = v.size();
	auto prefix_of = [&](const char *word, size_t min_len) {
		return len >= min_len && len <= strlen(word) && strncmp(v.c_str(), word, len) == 0;
	};
	if (prefix_of("true", 1) || prefix_of("yes", 1) || prefix_of("on", 2) || v == "1")
	{
		*result = true;
		return true;
	}
	if (prefix_of("false", 1) || prefix_of("no", 1) || prefix_of("off", 2) || v == "0")
	{
		*result = false;
		return true;
	}
	*result = false;
	return false;
}

bool parse_int(const char *value, int *result, int flags, const char **hintmsg)
{
	if (result)
		*result = 0;
	if (hintmsg)
		*hintmsg = nullptr;

	/* Integers may be written in octal or hex; a decimal point or exponent
	 * (or an overflow) switches to floating point. */
	char *end;
	errno = 0;
	double val = static_cast<double>(strtol(value, &end, 0));
	if (*end == '.' || *end == 'e' || *end == 'E' || errno == ERANGE)
	{
		errno = 0;
		val = strtod(value, &end);
	}
	if (end == value || errno == ERANGE || isnan(val))
		return false;
	while (isspace(static_cast<unsigned char>(*end)))
		end++;
	if (*end != '\0')
	{
		if ((flags & GUC_UNIT) == 0)
			return false;
		if (!tusk::guc::ConvertToBaseUnit(val, end, flags & GUC_UNIT, &val))
		{
			if (hintmsg)
				*hintmsg = (flags & GUC_UNIT_MEMORY) ? tusk::guc::kMemoryUnitsHint
													 : tusk::guc::kTimeUnitsHint;
			return false;
		}
	}
	val = rint(val);
	if (val > INT_MAX || val < INT_MIN)
	{
		if (hintmsg)
			*hintmsg = "Value exceeds integer range.";
		return false;
	}
	if (result)
		*result = static_cast<int>(val);
	return true;
}

bool parse_real(const char *value, double *result, int flags, const char **hintmsg)
{
	if (result)
		*result = 0;
	if (hintmsg)
		*hintmsg = nullptr;
	char *end;
	errno = 0;
	double val = strtod(value, &end);
	if (end == value || errno == ERANGE || isnan(val))
		return false;
	while (isspace(static_cast<unsigned char>(*end)))
		end++;
	if (*end != '\0')
	{
		if ((flags & GUC_UNIT) == 0)
			return false;
		if (!tusk::guc::ConvertToBaseUnit(val, end, flags & GUC_UNIT, &val))
		{
			if (hintmsg)
				*hintmsg = (flags & GUC_UNIT_MEMORY) ? tusk::guc::kMemoryUnitsHint
													 : tusk::guc::kTimeUnitsHint;
			return false;
		}
	}
	if (result)
		*result = val;
	return true;
}

/* --- setting values --- */

int set_config_option(const char *name, const char *value, GucContext context, GucSource source,
					  GucAction action, bool changeVal, int elevel, bool is_reload)
{
	using namespace tusk::guc;
	(void) is_reload;
	if (elevel == 0)
		elevel = DefaultElevel(source);

	ConfigVar *v = Find(name);
	if (v == nullptr)
	{
		if (!ValidCustomName(name) || PrefixReserved(name))
		{
			ereport(elevel, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("unrecognized configuration parameter \"%s\"", name));
			return 0;
		}
		v = AddPlaceholder(name);
	}

	bool restart_needed_if_changed = false;
	switch (v->context)
	{
		case PGC_INTERNAL:
			if (context != PGC_INTERNAL)
			{
				ereport(elevel, errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
						errmsg("parameter \"%s\" cannot be changed", v->name.c_str()));
				return 0;
			}
			break;
		case PGC_POSTMASTER:
			if (context == PGC_SIGHUP)
				restart_needed_if_changed = true; /* a reload may repeat the value */
			else if (context != PGC_POSTMASTER)
			{
				ereport(elevel, errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
						errmsg("parameter \"%s\" cannot be changed without restarting the server",
							   v->name.c_str()));
				return 0;
			}
			break;
		case PGC_SIGHUP:
			if (context != PGC_SIGHUP && context != PGC_POSTMASTER)
			{
				ereport(elevel, errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
						errmsg("parameter \"%s\" cannot be changed now", v->name.c_str()));
				return 0;
			}
			break;
		case PGC_SU_BACKEND:
		case PGC_BACKEND:
			if (context == PGC_SIGHUP)
			{
				/* The postmaster takes the new value for future backends;
				 * running backends keep the one they started with. */
				if (IsUnderPostmaster)
					return -1;
			}
			else if (context != PGC_POSTMASTER && context != PGC_BACKEND &&
					 context != PGC_SU_BACKEND && source != PGC_S_CLIENT)
			{
				ereport(elevel, errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
						errmsg("parameter \"%s\" cannot be set after connection start",
							   v->name.c_str()));
				return 0;
			}
			break;
		case PGC_SUSET:
			if (context == PGC_USERSET || context == PGC_BACKEND)
			{
				ereport(elevel, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
						errmsg("permission denied to set parameter \"%s\"", v->name.c_str()));
				return 0;
			}
			break;
		case PGC_USERSET:
			break;
	}

	if (source == PGC_S_FILE && (v->flags & GUC_DISALLOW_IN_FILE))
	{
		ereport(elevel, errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
				errmsg("parameter \"%s\" cannot be changed", v->name.c_str()));
		return 0;
	}

	/* A value from a weaker source never replaces one from a stronger. */
	if (v->source > source)
	{
		if (changeVal)
			elog(DEBUG3, "\"%s\": setting ignored because previous source is higher priority",
				 v->name.c_str());
		return -1;
	}

	/* The session's own SET or RESET is undone with its transaction,
	 * whatever source the value it restores came from. */
	bool undoable = source >= PGC_S_INTERACTIVE;
	NewValue nv;
	if (value != nullptr)
	{
		if (!ParseValue(*v, value, source, elevel, &nv))
			return 0;
	}
	else if (v->has_reset_value && source > PGC_S_CLIENT)
	{
		/* RESET: back to the value the session started with. */
		if (!ParseValue(*v, v->reset_value.c_str(), v->reset_source, elevel, &nv))
			return 0;
		source = v->reset_source;
	}
	else
	{
		nv = BootValue(*v);
		source = PGC_S_DEFAULT;
	}

	if (restart_needed_if_changed)
	{
		if (!SameValue(*v, nv))
		{
			ereport(elevel, errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
					errmsg("parameter \"%s\" cannot be changed without restarting the server",
						   v->name.c_str()));
			return 0;
		}
		return -1;
	}

	if (!changeVal)
		return -1;
	/* SET and SET LOCAL from a session are undone with their transaction. */
	if (undoable)
		PushOldValue(v, action);
	Assign(*v, nv);
	v->source = source;
	if (value != nullptr && source <= PGC_S_CLIENT)
	{
		v->has_reset_value = true;
		v->reset_value = value;
		v->reset_source = source;
	}
	return 1;
}

void AtStart_GUC(void)
{
	using namespace tusk::guc;
	if (GUCNestLevel != 0)
		elog(WARNING, "GUC nest level = %d at transaction start", GUCNestLevel);
	GUCNestLevel = 1;
}

int NewGUCNestLevel(void)
{
	return ++tusk::guc::GUCNestLevel;
}

void AtEOXact_GUC(bool isCommit, int nestLevel)
{
	using namespace tusk::guc;
	auto &stacks = Stacks();
	for (auto it = stacks.begin(); it != stacks.end();)
	{
		ConfigVar *v = it->first;
		std::vector<StackEntry> &stack = it->second;
		while (!stack.empty() && stack.back().nest_level >= nestLevel)
		{
			StackEntry e = std::move(stack.back());
			stack.pop_back();
			const NewValue *restore = nullptr;
			GucSource restore_source = PGC_S_DEFAULT;
			if (!isCommit || e.state == StackState::kSave)
			{
				restore = &e.prior;
				restore_source = e.prior_source;
			}
			else if (nestLevel == 1)
			{
				/* Top-level commit: SET stays, LOCAL goes. */
				if (e.state == StackState::kLocal)
				{
					restore = &e.prior;
					restore_source = e.prior_source;
				}
				else if (e.state == StackState::kSetLocal)
				{
					restore = &e.masked;
					restore_source = e.masked_source;
				}
			}
			else if (stack.empty() || stack.back().nest_level < nestLevel - 1)
			{
				/* Subtransaction commit, the parent level saved nothing:
				 * this entry becomes the parent's. */
				e.nest_level = nestLevel - 1;
				stack.push_back(std::move(e));
				break;
			}
			else
			{
				/* Subtransaction commit: merge into the parent's entry. */
				StackEntry &prev = stack.back();
				switch (e.state)
				{
					case StackState::kSave:
						break;
					case StackState::kSet:
						prev.state = StackState::kSet;
						break;
					case StackState::kLocal:
						if (prev.state == StackState::kSet)
						{
							prev.masked = e.prior;
							prev.masked_source = e.prior_source;
							prev.state = StackState::kSetLocal;
						}
						else if (prev.state == StackState::kSave)
							prev.state = StackState::kLocal;
						break;
					case StackState::kSetLocal:
						prev.masked = e.masked;
						prev.masked_source = e.masked_source;
						prev.state = StackState::kSetLocal;
						break;
				}
			}
			if (restore != nullptr)
			{
				if (!SameValue(*v, *restore))
					Assign(*v, *restore);
				v->source = restore_source;
			}
		}
		if (stack.empty())
			it = stacks.erase(it);
		else
			++it;
	}
	GUCNestLevel = nestLevel - 1;
}

void SetConfigOption(const char *name, const char *value, GucContext context, GucSource source)
{
	(void) set_config_option(name, value, context, source, GUC_ACTION_SET, true, 0, false);
}

const char *GetConfigOption(const char *name, bool missing_ok, bool restrict_privileged)
{
	(void) restrict_privileged; /* every Tusk user is a superuser for now */
	ConfigVar *v = tusk::guc::Find(name);
	if (v == nullptr)
	{
		if (missing_ok)
			return nullptr;
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("unrecognized configuration parameter \"%s\"", name));
	}
	if (v->type == VarType::kString)
		return *v->string_var;
	static std::string buffer;
	buffer = tusk::guc::RawValue(*v);
	return buffer.c_str();
}

const char *GetConfigOptionResetString(const char *name)
{
	ConfigVar *v = tusk::guc::Find(name);
	if (v == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("unrecognized configuration parameter \"%s\"", name));
	static std::string buffer;
	switch (v->type)
	{
		case VarType::kBool:
			buffer = v->bool_boot ? "on" : "off";
			break;
		case VarType::kInt:
			buffer = std::to_string(v->int_boot);
			break;
		case VarType::kReal:
			buffer = tusk::guc::FormatReal(v->real_boot);
			break;
		case VarType::kEnum:
			buffer = tusk::guc::EnumName(*v, v->int_boot);
			break;
		case VarType::kString:
			buffer = v->string_boot ? v->string_boot : "";
			break;
	}
	return buffer.c_str();
}

char *GetConfigOptionByName(const char *name, const char **varname, bool missing_ok)
{
	ConfigVar *v = tusk::guc::Find(name);
	if (v == nullptr)
	{
		if (missing_ok)
		{
			if (varname)
				*varname = nullptr;
			return nullptr;
		}
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("unrecognized configuration parameter \"%s\"", name));
	}
	if (varname)
		*varname = v->name.c_str();
	return pstrdup(tusk::guc::Display(*v).c_str());
}

void ParseLongOption(const char *string, char **name, char **value)
{
	const char *eq = strchr(string, '=');
	std::string n = eq ? std::string(string, eq - string) : std::string(string);
	for (char &c : n)
		if (c == '-')
			c = '_';
	*name = strdup(n.c_str());
	*value = eq ? strdup(eq + 1) : nullptr;
}

/* --- start-up --- */

void InitializeGUCOptions(void)
{
	using namespace tusk::guc;
	Table().clear();
	tusk::guc::Index().clear();
	ReservedPrefixes().clear();
	for (ConfigVar &v : BuiltinSettings())
	{
		ConfigVar *added = Add(std::move(v));
		Assign(*added, BootValue(*added));
		added->source = PGC_S_DEFAULT;
	}
}

bool SelectConfigFiles(const char *userDoption, const char *progname)
{
	std::string configdir;
	if (userDoption != nullptr)
		configdir = tusk::common::MakeAbsolutePath(userDoption);
	else if (const char *pgdata = getenv("PGDATA"); pgdata != nullptr && pgdata[0] != '\0')
		configdir = tusk::common::MakeAbsolutePath(pgdata);

	std::string fname;
	if (ConfigFileName != nullptr)
		fname = tusk::common::MakeAbsolutePath(ConfigFileName);
	else if (!configdir.empty())
		fname = configdir + "/postgresql.conf";
	else
	{
		fprintf(stderr,
				"%s does not know where to find the server configuration file.\n"
				"You must specify the --config-file or -D invocation option or set the PGDATA "
				"environment variable.\n",
				progname);
		return false;
	}
	SetConfigOption("config_file", fname.c_str(), PGC_POSTMASTER, PGC_S_OVERRIDE);
	struct stat st;
	if (stat(ConfigFileName, &st) != 0)
	{
		fprintf(stderr, "%s: could not access the server configuration file \"%s\": %s\n", progname,
				ConfigFileName, strerror(errno));
		return false;
	}

	/* First pass: the file may say where the data directory is. */
	ProcessConfigFile(PGC_POSTMASTER);

	const char *data_directory = GetConfigOption("data_directory", false, false);
	if (data_directory != nullptr && data_directory[0] != '\0')
		SetDataDir(data_directory);
	else if (!configdir.empty())
		SetDataDir(configdir.c_str());
	else
	{
		fprintf(stderr,
				"%s does not know where to find the database system data.\n"
				"This can be specified as \"data_directory\" in \"%s\", or by the -D invocation "
				"option, or by the PGDATA environment variable.\n",
				progname, ConfigFileName);
		return false;
	}
	SetConfigOption("data_directory", DataDir, PGC_POSTMASTER, PGC_S_OVERRIDE);

	/* Second pass, now that postgresql.auto.conf can be found. */
	ProcessConfigFile(PGC_POSTMASTER);

	std::string base = configdir.empty() ? std::string(DataDir) : configdir;
	if (HbaFileName == nullptr)
		SetConfigOption("hba_file", (base + "/pg_hba.conf").c_str(), PGC_POSTMASTER,
						PGC_S_OVERRIDE);
	if (IdentFileName == nullptr)
		SetConfigOption("ident_file", (base + "/pg_ident.conf").c_str(), PGC_POSTMASTER,
						PGC_S_OVERRIDE);
	return true;
}

/* --- reload --- */

TimestampTz PgReloadTime = 0;

void ProcessConfigFile(GucContext context)
{
	using namespace tusk::guc;
	/* Only the postmaster (or a lone process) tells the log what changed;
	 * children would repeat it once each. */
	int elevel = IsUnderPostmaster ? DEBUG2 : LOG;
	if (ConfigFileName == nullptr)
		return;

	std::vector<ConfigItem> items;
	bool error = !ParseConfigFile(ConfigFileName, true, 0, elevel, items);
	if (!error && DataDir != nullptr)
		error = !ParseConfigFile(std::string(DataDir) + "/postgresql.auto.conf", false, 0, elevel,
								 items);
	bool applying = false;

	if (!error)
	{
		for (ConfigVar &v : Table())
			v.in_file = false; /* retired records included: harmless */
		/* The last occurrence of a name wins; earlier ones are skipped. */
		std::map<std::string, size_t> last;
		for (size_t i = 0; i < items.size(); i++)
			last[Lower(items[i].name)] = i;
		std::vector<const ConfigItem *> effective;
		for (size_t i = 0; i < items.size(); i++)
		{
			const ConfigItem &item = items[i];
			if (last[Lower(item.name)] != i)
				continue;
			ConfigVar *v = Find(item.name);
			if (v == nullptr && ValidCustomName(item.name) && !PrefixReserved(item.name))
				v = AddPlaceholder(item.name);
			if (v == nullptr)
			{
				ereport(elevel, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("unrecognized configuration parameter \"%s\" in file \"%s\" line %d",
							   item.name.c_str(), item.filename.c_str(), item.line));
				error = true;
				continue;
			}
			v->in_file = true;
			effective.push_back(&item);
		}

		if (!error)
		{
			applying = true;
			/* Settings that were in the file and are gone revert to defaults. */
			for (ConfigVar &v : Table())
			{
				if (v.retired || v.source != PGC_S_FILE || v.in_file)
					continue;
				if (v.context < PGC_SIGHUP)
				{
					ereport(elevel, errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
							errmsg("parameter \"%s\" cannot be changed without restarting the "
								   "server",
								   v.name.c_str()));
					error = true;
					continue;
				}
				if (context != PGC_SIGHUP)
					continue;
				if ((v.context == PGC_BACKEND || v.context == PGC_SU_BACKEND) && IsUnderPostmaster)
					continue;
				Assign(v, BootValue(v));
				v.source = PGC_S_DEFAULT;
				v.sourcefile.clear();
				v.sourceline = 0;
				ereport(elevel,
						errmsg("parameter \"%s\" removed from configuration file, reset to "
							   "default",
							   v.name.c_str()));
			}

			for (const ConfigItem *item : effective)
			{
				ConfigVar *v = Find(item->name);
				std::string before = Display(*v);
				int rc = set_config_option(item->name.c_str(), item->value.c_str(), context,
										   PGC_S_FILE, GUC_ACTION_SET, true, 0, true);
				if (rc == 0)
				{
					error = true;
					continue;
				}
				if (rc > 0)
				{
					v->sourcefile = item->filename;
					v->sourceline = item->line;
					if (context == PGC_SIGHUP && Display(*v) != before)
						ereport(elevel,
								errmsg("parameter \"%s\" changed to \"%s\"", v->name.c_str(),
									   item->value.c_str()));
				}
			}
		}
	}

	/* Remember when settings were last loaded (pg_conf_load_time). */
	if (!error || applying)
		PgReloadTime = GetCurrentTimestamp();
	if (!error)
		return;
	if (context == PGC_POSTMASTER)
		ereport(ERROR, errcode(ERRCODE_CONFIG_FILE_ERROR),
				errmsg("configuration file \"%s\" contains errors", ConfigFileName));
	else if (applying)
		ereport(elevel, errcode(ERRCODE_CONFIG_FILE_ERROR),
				errmsg("configuration file \"%s\" contains errors; unaffected changes were applied",
					   ConfigFileName));
	else
		ereport(elevel, errcode(ERRCODE_CONFIG_FILE_ERROR),
				errmsg("configuration file \"%s\" contains errors; no changes were applied",
					   ConfigFileName));
}

/* --- custom settings of modules --- */

void DefineCustomBoolVariable(const char *name, const char *short_desc, const char *long_desc,
							  bool *valueAddr, bool bootValue, GucContext context, int flags,
							  GucBoolCheckHook check_hook, GucBoolAssignHook assign_hook,
							  GucShowHook show_hook)
{
	ConfigVar v = tusk::guc::BaseCustom(name, short_desc, long_desc, context, flags,
										VarType::kBool);
	v.bool_var = valueAddr;
	v.bool_boot = bootValue;
	v.check_hook = reinterpret_cast<void *>(check_hook);
	v.assign_hook = reinterpret_cast<void *>(assign_hook);
	v.show_hook = show_hook;
	tusk::guc::DefineCustom(std::move(v));
}

void DefineCustomIntVariable(const char *name, const char *short_desc, const char *long_desc,
							 int *valueAddr, int bootValue, int minValue, int maxValue,
							 GucContext context, int flags, GucIntCheckHook check_hook,
							 GucIntAssignHook assign_hook, GucShowHook show_hook)
{
	ConfigVar v = tusk::guc::BaseCustom(name, short_desc, long_desc, context, flags, VarType::kInt);
	v.int_var = valueAddr;
	v.int_boot = bootValue;
	v.int_min = minValue;
	v.int_max = maxValue;
	v.check_hook = reinterpret_cast<void *>(check_hook);
	v.assign_hook = reinterpret_cast<void *>(assign_hook);
	v.show_hook = show_hook;
	tusk::guc::DefineCustom(std::move(v));
}

void DefineCustomRealVariable(const char *name, const char *short_desc, const char *long_desc,
							  double *valueAddr, double bootValue, double minValue, double maxValue,
							  GucContext context, int flags, GucRealCheckHook check_hook,
							  GucRealAssignHook assign_hook, GucShowHook show_hook)
{
	ConfigVar v = tusk::guc::BaseCustom(name, short_desc, long_desc, context, flags,
										VarType::kReal);
	v.real_var = valueAddr;
	v.real_boot = bootValue;
	v.real_min = minValue;
	v.real_max = maxValue;
	v.check_hook = reinterpret_cast<void *>(check_hook);
	v.assign_hook = reinterpret_cast<void *>(assign_hook);
	v.show_hook = show_hook;
	tusk::guc::DefineCustom(std::move(v));
}

void DefineCustomStringVariable(const char *name, const char *short_desc, const char *long_desc,
								char **valueAddr, const char *bootValue, GucContext context,
								int flags, GucStringCheckHook check_hook,
								GucStringAssignHook assign_hook, GucShowHook show_hook)
{
	ConfigVar v = tusk::guc::BaseCustom(name, short_desc, long_desc, context, flags,
										VarType::kString);
	v.string_var = valueAddr;
	v.string_boot = bootValue ? tusk::guc::Keep(bootValue) : nullptr;
	v.check_hook = reinterpret_cast<void *>(check_hook);
	v.assign_hook = reinterpret_cast<void *>(assign_hook);
	v.show_hook = show_hook;
	tusk::guc::DefineCustom(std::move(v));
}

void DefineCustomEnumVariable(const char *name, const char *short_desc, const char *long_desc,
							  int *valueAddr, int bootValue,
							  const struct config_enum_entry *options, GucContext context,
							  int flags, GucEnumCheckHook check_hook, GucEnumAssignHook assign_hook,
							  GucShowHook show_hook)
{
	ConfigVar v = tusk::guc::BaseCustom(name, short_desc, long_desc, context, flags,
										VarType::kEnum);
	v.int_var = valueAddr;
	v.int_boot = bootValue;
	v.options = options;
	v.check_hook = reinterpret_cast<void *>(check_hook);
	v.assign_hook = reinterpret_cast<void *>(assign_hook);
	v.show_hook = show_hook;
	tusk::guc::DefineCustom(std::move(v));
}

void MarkGUCPrefixReserved(const char *className)
{
	using namespace tusk::guc;
	std::string prefix = Lower(std::string(className) + ".");
	std::vector<std::string> doomed;
	for (const auto &[key, v] : tusk::guc::Index())
		if ((v->flags & GUC_CUSTOM_PLACEHOLDER) && key.rfind(prefix, 0) == 0)
			doomed.push_back(key);
	for (const std::string &key : doomed)
	{
		ereport(WARNING, errcode(ERRCODE_INVALID_NAME),
				errmsg("invalid configuration parameter name \"%s\", removing it",
					   tusk::guc::Index()[key]->name.c_str()),
				errdetail("\"%s\" is now a reserved prefix.", className));
		tusk::guc::Index()[key]->retired = true;
		tusk::guc::Index().erase(key);
	}
	ReservedPrefixes().push_back(className);
}
