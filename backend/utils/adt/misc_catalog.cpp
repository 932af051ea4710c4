/*
 * misc_catalog.cpp — pg_get_keywords and pg_tablespace_location, two of
 * PostgreSQL's misc.c functions that clients call: pg_dump reads the
 * keyword list to know what to quote, psql's \db shows each tablespace's
 * directory.
 *
 * Principal entry points: pg_get_keywords (set-returning: word, catcode,
 * barelabel, catdesc, baredesc, from the parser's keyword table,
 * parser/kwlist.h), pg_tablespace_location.
 *
 * Also the functions psql's \d calls about objects Tusk cannot make yet
 * (extended statistics, triggers, partitions, publications), so that \d
 * runs and answers as PostgreSQL does for a table without them:
 * pg_get_statisticsobjdef_columns and pg_get_triggerdef (NULL for an
 * unknown OID as in PostgreSQL; 0A000 for a row Tusk could not print),
 * pg_partition_ancestors (nothing for a relation outside a partition
 * tree, as in PostgreSQL: Tusk has no partitions), pg_relation_is_publishable;
 * and pg_options_to_table, which pg_dump calls on foreign-data options.
 *
 * And the visibility tests of objects named in a catalog without a
 * syscache (psql's \dF, \dFd, \dFp, \dFt, \dX): pg_ts_config_is_visible,
 * pg_ts_dict_is_visible, pg_ts_parser_is_visible,
 * pg_ts_template_is_visible, pg_statistics_obj_is_visible.
 */
#include "postgres.h"

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/transam.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/namespace.h"
#include "catalog/pg_statistic_ext_d.h"
#include "catalog/pg_ts_config_d.h"
#include "catalog/pg_ts_dict_d.h"
#include "catalog/pg_ts_parser_d.h"
#include "catalog/pg_ts_template_d.h"
#include "catalog/pg_trigger_d.h"
#include "catalog/pg_tablespace_d.h"
#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

/* One keyword as pg_get_keywords reports it. */
struct KeywordRow
{
	const char *word;
	char catcode;
	bool barelabel;
};

/* Category letters as PostgreSQL's pg_get_keywords gives them. */
constexpr char kCatUNRESERVED = 'U';
constexpr char kCatCOL_NAME = 'C';
constexpr char kCatTYPE_FUNC_NAME = 'T';
constexpr char kCatRESERVED = 'R';
constexpr bool kLabelBARE_LABEL = true;
constexpr bool kLabelAS_LABEL = false;

#define TUSK_KEYWORD(word, token, category, label) {#word, kCat##category, kLabel##label},
constexpr KeywordRow kKeywords[] = {
#include "parser/kwlist.h"
};
#undef TUSK_KEYWORD

const char *CategoryDescription(char catcode)
{
	switch (catcode)
	{
		case kCatUNRESERVED:
			return "unreserved";
		case kCatCOL_NAME:
			return "unreserved (cannot be function or type name)";
		case kCatTYPE_FUNC_NAME:
			return "reserved (can be function or type name)";
		default:
			return "reserved";
	}
}

/* A copy of the row of catalog whose oid column (the first) is oid, or
 * NULL.  For catalogs without an OID cache, rarely read. */
HeapTuple CatalogRowByOid(Oid catalog, Oid oid)
{
	Relation rel = relation_open(catalog, AccessShareLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	HeapTuple found = nullptr;
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
		if (*reinterpret_cast<Oid *>(GETSTRUCT(t)) == oid)
		{
			found = heap_copytuple(t);
			break;
		}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(rel, AccessShareLock);
	return found;
}

}  // namespace

Datum pg_get_keywords(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		TupleDesc desc = CreateTemplateTupleDesc(5);
		TupleDescInitEntry(desc, 1, "word", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 2, "catcode", CHAROID, -1, 0);
		TupleDescInitEntry(desc, 3, "barelabel", BOOLOID, -1, 0);
		TupleDescInitEntry(desc, 4, "catdesc", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 5, "baredesc", TEXTOID, -1, 0);
		funcctx->tuple_desc = BlessTupleDesc(desc);
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < std::size(kKeywords))
	{
		const KeywordRow &kw = kKeywords[funcctx->call_cntr];
		Datum values[5];
		bool nulls[5] = {false, false, false, false, false};
		values[0] = CStringGetTextDatum(kw.word);
		values[1] = CharGetDatum(kw.catcode);
		values[2] = BoolGetDatum(kw.barelabel);
		values[3] = CStringGetTextDatum(CategoryDescription(kw.catcode));
		values[4] = CStringGetTextDatum(kw.barelabel ? "can be bare label" : "requires AS");
		HeapTuple tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

/* The directory of a tablespace: empty for pg_default and pg_global,
 * which live in the data directory.  Tusk has no other tablespaces, so
 * any other OID fails as PostgreSQL fails for one without its
 * pg_tblspc/OID link. */
Datum pg_tablespace_location(PG_FUNCTION_ARGS)
{
	Oid tablespace = PG_GETARG_OID(0);
	if (tablespace == InvalidOid || tablespace == DEFAULTTABLESPACE_OID ||
		tablespace == GLOBALTABLESPACE_OID)
		PG_RETURN_TEXT_P(cstring_to_text(""));
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_FILE),
			errmsg("could not stat file \"pg_tblspc/%u\": No such file or directory", tablespace));
}

/* The columns of an extended statistics object, "a, b". */
Datum pg_get_statisticsobjdef_columns(PG_FUNCTION_ARGS)
{
	HeapTuple tup = CatalogRowByOid(StatisticExtRelationId, PG_GETARG_OID(0));
	if (tup == nullptr)
		PG_RETURN_NULL();
	Relation rel = relation_open(StatisticExtRelationId, AccessShareLock);
	bool isnull;
	(void) heap_getattr(tup, Anum_pg_statistic_ext_stxexprs, RelationGetDescr(rel), &isnull);
	relation_close(rel, AccessShareLock);
	if (!isnull)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("pg_get_statisticsobjdef_columns of expressions is not supported yet"));
	auto *form = reinterpret_cast<Form_pg_statistic_ext>(GETSTRUCT(tup));
	std::string buf;
	for (int i = 0; i < form->stxkeys.dim1; i++)
	{
		if (i > 0)
			buf += ", ";
		HeapTuple att = SearchSysCache2(ATTNUM, ObjectIdGetDatum(form->stxrelid),
										Int16GetDatum(form->stxkeys.values[i]));
		if (!HeapTupleIsValid(att))
			elog(ERROR, "cache lookup failed for attribute %d of relation %u",
				 form->stxkeys.values[i], form->stxrelid);
		buf += quote_identifier(
			NameStr(reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att))->attname));
		ReleaseSysCache(att);
	}
	PG_RETURN_TEXT_P(cstring_to_text(buf.c_str()));
}

namespace {

Datum TriggerDef(FunctionCallInfo fcinfo)
{
	HeapTuple tup = CatalogRowByOid(TriggerRelationId, PG_GETARG_OID(0));
	if (tup == nullptr)
		PG_RETURN_NULL();
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("pg_get_triggerdef is not supported yet"));
}

}  // namespace

Datum pg_get_triggerdef(PG_FUNCTION_ARGS)
{
	return TriggerDef(fcinfo);
}

Datum pg_get_triggerdef_ext(PG_FUNCTION_ARGS)
{
	return TriggerDef(fcinfo);
}

/* Whether a relation could be in a publication (PostgreSQL's
 * is_publishable_class): a permanent user table.  NULL when it does not
 * exist. */
Datum pg_relation_is_publishable(PG_FUNCTION_ARGS)
{
	Oid relid = PG_GETARG_OID(0);
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		PG_RETURN_NULL();
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	bool publishable = (form->relkind == RELKIND_RELATION ||
						form->relkind == RELKIND_PARTITIONED_TABLE) &&
		!IsCatalogRelationOid(relid) && form->relpersistence == RELPERSISTENCE_PERMANENT &&
		relid >= FirstNormalObjectId;
	ReleaseSysCache(tup);
	PG_RETURN_BOOL(publishable);
}

/* The relation and its partition ancestors, for a partition or a
 * partitioned table or index; nothing for other relations (PostgreSQL's
 * check_rel_can_be_partition).  Tusk has no partitioning, so a partition
 * has no ancestors to add. */
Datum pg_partition_ancestors(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		Oid relid = PG_GETARG_OID(0);
		bool in_tree = false;
		HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
		if (HeapTupleIsValid(tup))
		{
			auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
			in_tree = form->relispartition || form->relkind == RELKIND_PARTITIONED_TABLE ||
				form->relkind == RELKIND_PARTITIONED_INDEX;
			ReleaseSysCache(tup);
		}
		funcctx->max_calls = in_tree ? 1 : 0;
		funcctx->user_fctx = reinterpret_cast<void *>(static_cast<uintptr_t>(relid));
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		Oid relid = static_cast<Oid>(reinterpret_cast<uintptr_t>(funcctx->user_fctx));
		SRF_RETURN_NEXT(funcctx, ObjectIdGetDatum(relid));
	}
	SRF_RETURN_DONE(funcctx);
}

namespace {

/* Whether the object oid of catalog (named by its name and namespace
 * columns) is found by its unqualified name: its schema is in the search
 * path and no schema before it holds one of the same name.  NULL when
 * there is no such object, as PostgreSQL answers. */
Datum NamedObjectIsVisible(FunctionCallInfo fcinfo, Oid catalog, AttrNumber nameatt,
						   AttrNumber nspatt)
{
	Oid oid = PG_GETARG_OID(0);
	Relation rel = relation_open(catalog, AccessShareLock);
	TupleDesc desc = RelationGetDescr(rel);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	/* Every object's name and schema; the catalogs are small. */
	std::vector<std::pair<std::string, Oid>> objects;
	std::string name;
	Oid nsp = InvalidOid;
	bool found = false;
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		bool isnull;
		std::string n = NameStr(*DatumGetName(heap_getattr(t, nameatt, desc, &isnull)));
		Oid ns = DatumGetObjectId(heap_getattr(t, nspatt, desc, &isnull));
		if (*reinterpret_cast<Oid *>(GETSTRUCT(t)) == oid)
		{
			name = n;
			nsp = ns;
			found = true;
		}
		objects.emplace_back(n, ns);
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(rel, AccessShareLock);
	if (!found)
		PG_RETURN_NULL();
	ListCell *lc;
	foreach (lc, fetch_search_path(true))
	{
		Oid pathnsp = lfirst_oid(lc);
		if (pathnsp == nsp)
			PG_RETURN_BOOL(true);
		for (const auto &[n, ns] : objects)
			if (ns == pathnsp && n == name)
				PG_RETURN_BOOL(false); /* hidden by an earlier one */
	}
	PG_RETURN_BOOL(false);
}

}  // namespace

Datum pg_ts_config_is_visible(PG_FUNCTION_ARGS)
{
	return NamedObjectIsVisible(fcinfo, TSConfigRelationId, Anum_pg_ts_config_cfgname,
								Anum_pg_ts_config_cfgnamespace);
}

Datum pg_ts_dict_is_visible(PG_FUNCTION_ARGS)
{
	return NamedObjectIsVisible(fcinfo, TSDictionaryRelationId, Anum_pg_ts_dict_dictname,
								Anum_pg_ts_dict_dictnamespace);
}

Datum pg_ts_parser_is_visible(PG_FUNCTION_ARGS)
{
	return NamedObjectIsVisible(fcinfo, TSParserRelationId, Anum_pg_ts_parser_prsname,
								Anum_pg_ts_parser_prsnamespace);
}

Datum pg_ts_template_is_visible(PG_FUNCTION_ARGS)
{
	return NamedObjectIsVisible(fcinfo, TSTemplateRelationId, Anum_pg_ts_template_tmplname,
								Anum_pg_ts_template_tmplnamespace);
}

Datum pg_statistics_obj_is_visible(PG_FUNCTION_ARGS)
{
	return NamedObjectIsVisible(fcinfo, StatisticExtRelationId, Anum_pg_statistic_ext_stxname,
								Anum_pg_statistic_ext_stxnamespace);
}

namespace {

struct OptionsState
{
	TupleDesc desc;
	Datum *elems;
	bool *nulls;
	int count;
};

}  // namespace

/* pg_options_to_table(text[]): each "name=value" element of a generic
 * options array (FDW, server, user mapping or column options) as a row
 * (option_name, option_value); an element without '=' has a NULL value,
 * and a NULL element is an error, as in PostgreSQL. */
Datum pg_options_to_table(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		auto *state = static_cast<OptionsState *>(palloc0(sizeof(OptionsState)));
		TupleDesc desc = CreateTemplateTupleDesc(2);
		TupleDescInitEntry(desc, 1, "option_name", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 2, "option_value", TEXTOID, -1, 0);
		state->desc = BlessTupleDesc(desc);
		ArrayType *options = PG_GETARG_ARRAYTYPE_P(0);
		deconstruct_array(options, TEXTOID, -1, false, TYPALIGN_INT, &state->elems, &state->nulls,
						  &state->count);
		funcctx->user_fctx = state;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *state = static_cast<OptionsState *>(funcctx->user_fctx);
	if (funcctx->call_cntr < static_cast<uint64>(state->count))
	{
		uint64 i = funcctx->call_cntr;
		if (state->nulls[i])
			ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("null array element not allowed in this context"));
		std::string option = TextDatumGetCString(state->elems[i]);
		size_t eq = option.find('=');
		Datum values[2];
		bool nulls[2] = {false, false};
		values[0] = CStringGetTextDatum(option.substr(0, eq).c_str());
		if (eq == std::string::npos)
		{
			values[1] = 0;
			nulls[1] = true;
		}
		else
			values[1] = CStringGetTextDatum(option.substr(eq + 1).c_str());
		HeapTuple tuple = heap_form_tuple(state->desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}
