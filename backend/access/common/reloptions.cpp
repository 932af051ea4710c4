/*
 * reloptions.cpp — a table's storage parameters (access/reloptions.h).
 *
 * Principal entry points: transformRelOptions, SetRelationOptions.
 *
 * The options are kept as PostgreSQL keeps them, "name=value" strings in
 * pg_class.reloptions, in the order first set.  Each known parameter is
 * checked as PostgreSQL's parseRelOptions checks it: a boolean or an
 * integer within its bounds; a parameter named twice is an error.
 */
#include "postgres.h"

#include <climits>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "access/relation.h"
#include "access/reloptions.h"
#include "catalog/indexing.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "nodes/parsenodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

namespace {

enum class OptionKind
{
	kBool,
	kInt
};

struct TableOption
{
	const char *name;
	OptionKind kind;
	int min;
	int max;
};

/* PostgreSQL's bounds (its reloptions.c tables). */
constexpr TableOption kTableOptions[] = {
	{"fillfactor", OptionKind::kInt, 10, 100},
	{"autovacuum_enabled", OptionKind::kBool, 0, 0},
	{"parallel_workers", OptionKind::kInt, 0, 1024},
	{"toast_tuple_target", OptionKind::kInt, 128, 8160},
};

/* The text of a DefElem's value, "true" when it has none (WITH (a)). */
std::string OptionValue(DefElem *def)
{
	return def->arg != nullptr ? std::string(defGetString(def)) : std::string("true");
}

/* 22023 unless value suits the parameter named name. */
void CheckOption(const std::string &name, const std::string &value)
{
	for (const TableOption &opt : kTableOptions)
	{
		if (name != opt.name)
			continue;
		if (opt.kind == OptionKind::kBool)
		{
			bool b;
			if (!parse_bool(value.c_str(), &b))
				ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("invalid value for boolean option \"%s\": %s", opt.name,
							   value.c_str()));
			return;
		}
		char *end;
		errno = 0;
		long v = strtol(value.c_str(), &end, 10);
		while (*end == ' ')
			end++;
		if (value.empty() || *end != '\0' || errno == ERANGE || v < INT_MIN || v > INT_MAX)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid value for integer option \"%s\": %s", opt.name, value.c_str()));
		if (v < opt.min || v > opt.max)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("value %s out of bounds for option \"%s\"", value.c_str(), opt.name),
					errdetail("Valid values are between \"%d\" and \"%d\".", opt.min, opt.max));
		return;
	}
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unrecognized parameter \"%s\"", name.c_str()));
}

}  // namespace

Datum transformRelOptions(Datum oldOptions, List *defList, bool isReset)
{
	/* (name, value) in order: the old ones not named, then the new. */
	std::vector<std::pair<std::string, std::string>> options;
	if (oldOptions != 0)
	{
		Datum *elems;
		int n;
		deconstruct_array(DatumGetArrayTypeP(oldOptions), TEXTOID, -1, false, 'i', &elems, nullptr,
						  &n);
		for (int i = 0; i < n; i++)
		{
			std::string option = TextDatumGetCString(elems[i]);
			size_t eq = option.find('=');
			std::string name = option.substr(0, eq);
			bool named = false;
			ListCell *lc;
			foreach (lc, defList)
			{
				auto *def = static_cast<DefElem *>(lfirst(lc));
				if (def->defnamespace == nullptr && name == def->defname)
					named = true;
			}
			if (!named)
				options.emplace_back(name, eq == std::string::npos ? "" : option.substr(eq + 1));
		}
	}
	ListCell *lc;
	foreach (lc, defList)
	{
		auto *def = static_cast<DefElem *>(lfirst(lc));
		if (isReset)
		{
			if (def->arg != nullptr)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("RESET must not include values for parameters"));
			continue;
		}
		if (def->defnamespace != nullptr)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s are not supported yet", "storage parameters of a namespace"));
		if (strchr(def->defname, '=') != nullptr)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid option name \"%s\": must not contain \"=\"", def->defname));
		if (strcmp(def->defname, "oids") == 0)
		{
			if (defGetBoolean(def))
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("tables declared WITH OIDS are not supported"));
			continue;
		}
		options.emplace_back(def->defname, OptionValue(def));
	}
	for (size_t i = 0; i < options.size(); i++)
	{
		for (size_t j = 0; j < i; j++)
			if (options[j].first == options[i].first)
				ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("parameter \"%s\" specified more than once",
							   options[i].first.c_str()));
		CheckOption(options[i].first, options[i].second);
	}
	if (options.empty())
		return 0;
	std::vector<Datum> texts;
	for (const auto &[name, value] : options)
		texts.push_back(PointerGetDatum(cstring_to_text((name + "=" + value).c_str())));
	return PointerGetDatum(
		construct_array(texts.data(), static_cast<int>(texts.size()), TEXTOID, -1, false, 'i'));
}

void SetRelationOptions(Oid relid, Datum options)
{
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	TupleDesc desc = RelationGetDescr(pg_class);
	std::vector<Datum> values(static_cast<size_t>(desc->natts));
	std::unique_ptr<bool[]> nulls(new bool[desc->natts]());
	std::unique_ptr<bool[]> replace(new bool[desc->natts]());
	values[Anum_pg_class_reloptions - 1] = options;
	nulls[Anum_pg_class_reloptions - 1] = options == 0;
	replace[Anum_pg_class_reloptions - 1] = true;
	HeapTuple newtup = heap_modify_tuple(tup, desc, values.data(), nulls.get(), replace.get());
	CatalogTupleUpdate(pg_class, &newtup->t_self, newtup);
	relation_close(pg_class, RowExclusiveLock);
	RelationCacheInvalidateEntry(relid);
}
