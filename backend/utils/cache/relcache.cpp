/*
 * relcache.cpp — the relation cache (utils/relcache.h), and
 * relation_open/relation_close on top of it (access/relation.h).
 *
 * One RelationData per relation a process has opened, owned by value in
 * a process-lifetime map (its elements never move), so a Relation stays
 * valid after the transaction that opened it, as PostgreSQL allows, and
 * an ERROR that skips relation_close leaks nothing: the next open finds
 * the same entry.  Locks are the lock manager's, released at transaction
 * end.
 *
 * An entry's pg_class row and tuple descriptor live in the relation
 * cache's own memory context.  System catalogs are described from the
 * bootstrap data (their pg_class rows and columns are compiled in); other
 * relations from pg_class and pg_attribute through the catalog caches.
 * After an invalidation an entry is rebuilt at its next open — if nobody
 * holds it open; one in use keeps its description to the end of the
 * statement that uses it.
 */
#include "postgres.h"

#include <algorithm>
#include <map>
#include <memory>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/tupdesc.h"
#include "catalog/namespace.h"
#include "catalog/bootstrap_data.h"
#include "access/heapam.h"
#include "catalog/pg_attrdef_d.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_index_d.h"
#include "catalog/pg_type_d.h"
#include "access/nbtree.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/relcache.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "access/tupmacs.h"
#include "utils/fmgroids.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include <string>
#include <vector>

bool RelationCacheHasCatalogs = false;

namespace {

using tusk::catalog::BootstrapCatalog;
using tusk::catalog::BootstrapTupleDesc;
using tusk::catalog::FindBootstrapCatalog;
using tusk::catalog::FindBootstrapIndex;

struct RelationEntry
{
	RelationData rel; /* first: a Relation points here */
	int refcount = 0; /* opens not yet closed */
	bool valid = false;
};

static_assert(std::is_standard_layout_v<RelationEntry>, "a Relation converts to its entry");

/* Keyed by (database, relation).  A map's elements never move. */
std::map<std::pair<Oid, Oid>, RelationEntry> &Relations()
{
	static std::map<std::pair<Oid, Oid>, RelationEntry> relations;
	return relations;
}

MemoryContext RelCacheContext()
{
	static MemoryContext cxt = nullptr;
	if (cxt == nullptr)
		cxt = AllocSetContextCreate(TopMemoryContext, "RelCacheContext", ALLOCSET_DEFAULT_SIZES);
	return cxt;
}

/* The bootstrap data's row of catalog catid whose column keycol is oid,
 * formed from its text with the column types' input functions (in the
 * current memory context). */
HeapTuple FormBootstrapRow(Oid catid, AttrNumber keycol, Oid oid)
{
	const BootstrapCatalog *cat = FindBootstrapCatalog(catid);
	TupleDesc desc = BootstrapTupleDesc(*cat);
	for (int r = 0; r < cat->nrows; r++)
	{
		const char *const *row = cat->values + static_cast<size_t>(r) * cat->natts;
		if (static_cast<Oid>(strtoul(row[keycol - 1], nullptr, 10)) != oid)
			continue;
		std::vector<Datum> values(static_cast<size_t>(cat->natts));
		std::unique_ptr<bool[]> isnull(new bool[cat->natts]());
		for (int i = 0; i < cat->natts; i++)
		{
			isnull[i] = row[i] == nullptr;
			if (isnull[i])
				continue;
			Oid typinput;
			Oid typioparam;
			getTypeInputInfo(cat->columns[i].type_oid, &typinput, &typioparam);
			values[i] = OidInputFunctionCall(typinput, const_cast<char *>(row[i]), typioparam, -1);
		}
		return heap_form_tuple(desc, values.data(), isnull.get());
	}
	elog(ERROR, "bootstrap data has no %s row for %u", cat->name, oid);
}

/*
 * The rows FormBootstrapRow made, kept for the life of the process: the
 * bootstrap data never changes, and forming a row (a linear search with
 * strtoul, an input function per column) costs more than the catalog
 * lookup it serves.  The postmaster forms every row a catalog's
 * description needs before it forks (RelationCachePreloadCatalogs), so a
 * connection starts with them, as PostgreSQL's backends start from the
 * relation cache init file.  Never destroyed: a child's exit would only
 * write to pages it shares with the postmaster.
 */
struct BootstrapRows
{
	MemoryContext cxt;
	std::unordered_map<uint64, HeapTuple> rows; /* key: catalog << 32 | OID */
};

BootstrapRows &KeptBootstrapRows()
{
	static BootstrapRows &kept = *new BootstrapRows{AllocSetContextCreate(TopMemoryContext,
																		  "BootstrapRows",
																		  ALLOCSET_DEFAULT_SIZES),
													{}};
	return kept;
}

HeapTuple KeptBootstrapRow(Oid catid, AttrNumber keycol, Oid oid)
{
	BootstrapRows &kept = KeptBootstrapRows();
	uint64 key = static_cast<uint64>(catid) << 32 | oid;
	auto it = kept.rows.find(key);
	if (it != kept.rows.end())
		return it->second;
	/* Formed in a scratch context (the descriptor and the input functions'
	 * results go with it), then copied into the kept one. */
	tusk::OwnedMemoryContext scratch(CurrentMemoryContext, "bootstrap row");
	HeapTuple tuple;
	{
		tusk::MemoryContextScope in(scratch.get());
		tuple = FormBootstrapRow(catid, keycol, oid);
	}
	HeapTuple kept_tuple;
	{
		tusk::MemoryContextScope in(kept.cxt);
		kept_tuple = heap_copytuple(tuple);
	}
	kept.rows.emplace(key, kept_tuple);
	return kept_tuple;
}

/* The bootstrap data's row of catalog catid whose column keycol is oid
 * (keycol is the catalog's OID column: one per catalog), a copy in the
 * current memory context. */
HeapTuple BootstrapRow(Oid catid, AttrNumber keycol, Oid oid)
{
	return heap_copytuple(KeptBootstrapRow(catid, keycol, oid));
}

/* A catalog's (or catalog index's) pg_class row, from the bootstrap data. */
Form_pg_class CatalogClassForm(Oid relid)
{
	HeapTuple tuple = BootstrapRow(RelationRelationId, Anum_pg_class_oid, relid);
	auto *form = static_cast<Form_pg_class>(palloc(sizeof(FormData_pg_class)));
	memcpy(form, GETSTRUCT(tuple), sizeof(FormData_pg_class));
	return form;
}

/* A catalog index's description, all from the bootstrap data: the
 * catalog caches read through these indexes, so describing one must not
 * need them. */
void BuildCatalogIndex(RelationData *rel, const BootstrapCatalog &cat,
					   const tusk::catalog::BootstrapIndex &index)
{
	rel->rd_node = cat.shared ? RelFileNode{GLOBALTABLESPACE_OID, InvalidOid, index.oid}
							  : RelFileNode{DEFAULTTABLESPACE_OID, MyDatabaseId, index.oid};
	rel->rd_att = tusk::catalog::BootstrapIndexTupleDesc(cat, index);
	rel->rd_rel = CatalogClassForm(index.oid);
	rel->rd_indexcxt = AllocSetContextCreate(RelCacheContext(), "index info", ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(rel->rd_indexcxt);
	rel->rd_indextuple = BootstrapRow(IndexRelationId, Anum_pg_index_indexrelid, index.oid);
	rel->rd_index = reinterpret_cast<Form_pg_index>(GETSTRUCT(rel->rd_indextuple));
	int nkeys = index.nkeys;
	rel->rd_opfamily = palloc_array(Oid, nkeys);
	rel->rd_opcintype = palloc_array(Oid, nkeys);
	rel->rd_support = palloc_array(RegProcedure, nkeys);
	rel->rd_indoption = palloc0_array(int16, nkeys);
	rel->rd_indcollation = palloc_array(Oid, nkeys);
	for (int i = 0; i < nkeys; i++)
	{
		rel->rd_opfamily[i] = index.opfamilies[i];
		rel->rd_opcintype[i] = index.opcintypes[i];
		rel->rd_support[i] = index.procs[i];
		rel->rd_indcollation[i] = index.collations[i];
	}
	MemoryContextSwitchTo(old);
}

/* The column defaults of a relation, from pg_attrdef (by its adrelid
 * index), into its descriptor's constraints. */
void LoadDefaults(TupleDesc desc, Oid relid)
{
	std::vector<std::pair<AttrNumber, std::string>> found;
	Relation pg_attrdef = relation_open(AttrDefaultRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_attrdef_adrelid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(relid));
	SysScanDesc scan = systable_beginscan(pg_attrdef, AttrDefaultIndexId, true, nullptr, 1, &key);
	while (HeapTuple t = systable_getnext(scan))
	{
		bool isnull;
		TupleDesc adesc = RelationGetDescr(pg_attrdef);
		AttrNumber adnum = DatumGetInt16(heap_getattr(t, Anum_pg_attrdef_adnum, adesc, &isnull));
		Datum adbin = heap_getattr(t, Anum_pg_attrdef_adbin, adesc, &isnull);
		if (!isnull)
			found.emplace_back(adnum, TextDatumGetCString(adbin));
	}
	systable_endscan(scan);
	relation_close(pg_attrdef, AccessShareLock);
	/* (Missing values may have made the constraints already.) */
	auto *constr = desc->constr != nullptr
		? desc->constr
		: static_cast<TupleConstr *>(palloc0(sizeof(TupleConstr)));
	constr->num_defval = static_cast<uint16>(found.size());
	constr->defval = static_cast<AttrDefault *>(
		palloc(Max(found.size(), size_t{1}) * sizeof(AttrDefault)));
	for (size_t i = 0; i < found.size(); i++)
	{
		constr->defval[i].adnum = found[i].first;
		constr->defval[i].adbin = pstrdup(found[i].second.c_str());
	}
	desc->constr = constr;
}

/* The CHECK constraints of a relation, from pg_constraint (scanned),
 * sorted by name as PostgreSQL checks them. */
void LoadChecks(TupleDesc desc, Oid relid, int expected)
{
	std::vector<std::pair<std::string, std::string>> found;
	Relation pg_constraint = relation_open(ConstraintRelationId, AccessShareLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(pg_constraint, snapshot);
	TupleDesc cdesc = RelationGetDescr(pg_constraint);
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		auto *con = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(t));
		if (con->conrelid != relid || con->contype != CONSTRAINT_CHECK)
			continue;
		bool isnull;
		Datum conbin = heap_getattr(t, Anum_pg_constraint_conbin, cdesc, &isnull);
		if (isnull)
			elog(ERROR, "null conbin for relation \"%s\"", NameStr(con->conname));
		found.emplace_back(NameStr(con->conname), TextDatumGetCString(conbin));
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(pg_constraint, AccessShareLock);
	if (static_cast<int>(found.size()) != expected)
		elog(ERROR, "%d pg_constraint record(s) missing for relation %u",
			 expected - static_cast<int>(found.size()), relid);
	std::sort(found.begin(), found.end());
	if (desc->constr == nullptr)
		desc->constr = static_cast<TupleConstr *>(palloc0(sizeof(TupleConstr)));
	desc->constr->num_check = static_cast<uint16>(found.size());
	desc->constr->check = static_cast<ConstrCheck *>(palloc0(found.size() * sizeof(ConstrCheck)));
	for (size_t i = 0; i < found.size(); i++)
	{
		desc->constr->check[i].ccname = pstrdup(found[i].first.c_str());
		desc->constr->check[i].ccbin = pstrdup(found[i].second.c_str());
		desc->constr->check[i].ccvalid = true;
	}
}

/* An index's pg_index row and operator classes (PostgreSQL's
 * RelationInitIndexAccessInfo), in its own context. */
void LoadIndexInfo(RelationData *rel)
{
	HeapTuple tuple = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(rel->rd_id));
	if (tuple == nullptr)
		elog(ERROR, "cache lookup failed for index %u", rel->rd_id);
	rel->rd_indexcxt = AllocSetContextCreate(RelCacheContext(), "index info", ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(rel->rd_indexcxt);
	rel->rd_indextuple = heap_copytuple(tuple);
	rel->rd_index = reinterpret_cast<Form_pg_index>(GETSTRUCT(rel->rd_indextuple));
	int nkeys = rel->rd_index->indnkeyatts;
	bool isnull;
	auto *indclass = reinterpret_cast<oidvector *>(
		DatumGetPointer(SysCacheGetAttr(INDEXRELID, tuple, Anum_pg_index_indclass, &isnull)));
	auto *indoption = reinterpret_cast<int2vector *>(
		DatumGetPointer(SysCacheGetAttr(INDEXRELID, tuple, Anum_pg_index_indoption, &isnull)));
	auto *indcoll = reinterpret_cast<oidvector *>(
		DatumGetPointer(SysCacheGetAttr(INDEXRELID, tuple, Anum_pg_index_indcollation, &isnull)));
	rel->rd_opfamily = palloc_array(Oid, nkeys);
	rel->rd_opcintype = palloc_array(Oid, nkeys);
	rel->rd_support = palloc_array(RegProcedure, nkeys);
	rel->rd_indoption = palloc_array(int16, nkeys);
	rel->rd_indcollation = palloc_array(Oid, nkeys);
	for (int i = 0; i < nkeys; i++)
	{
		rel->rd_opfamily[i] = get_opclass_family(indclass->values[i]);
		rel->rd_opcintype[i] = get_opclass_input_type(indclass->values[i]);
		rel->rd_support[i] = get_opfamily_proc(rel->rd_opfamily[i], rel->rd_opcintype[i],
											   rel->rd_opcintype[i], 1);
		if (!OidIsValid(rel->rd_support[i]))
			elog(ERROR, "missing support function %d(%u,%u) in opfamily %u", 1,
				 rel->rd_opcintype[i], rel->rd_opcintype[i], rel->rd_opfamily[i]);
		rel->rd_indoption[i] = indoption->values[i];
		rel->rd_indcollation[i] = indcoll->values[i];
	}
	MemoryContextSwitchTo(old);
}

/* Column attnum's missing value (the one element of its pg_attribute
 * row's attmissingval), for rows written before ADD COLUMN gave it a
 * default; copied into the current (relation cache) context. */
void LoadMissingValue(TupleDesc desc, int attnum, HeapTuple atttup)
{
	bool isnull;
	Datum array = SysCacheGetAttr(ATTNUM, atttup, Anum_pg_attribute_attmissingval, &isnull);
	if (isnull)
		return;
	Form_pg_attribute att = TupleDescAttr(desc, attnum - 1);
	auto *arr = DatumGetArrayTypeP(array);
	if (ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr)) != 1 || ARR_HASNULL(arr))
		elog(ERROR, "malformed attmissingval for attribute %d of relation type %u", attnum,
			 desc->tdtypeid);
	if (desc->constr == nullptr)
		desc->constr = static_cast<TupleConstr *>(palloc0(sizeof(TupleConstr)));
	if (desc->constr->missing == nullptr)
		desc->constr->missing = static_cast<AttrMissing *>(
			palloc0(desc->natts * sizeof(AttrMissing)));
	AttrMissing &missing = desc->constr->missing[attnum - 1];
	missing.am_present = true;
	missing.am_value = datumCopy(fetch_att(ARR_DATA_PTR(arr), att->attbyval, att->attlen),
								 att->attbyval, att->attlen);
}

/* An ordinary relation's description, from the catalog caches. */
void BuildFromCatalogs(RelationData *rel, Oid relid)
{
	HeapTuple classtup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (classtup == nullptr)
		elog(ERROR, "could not open relation with OID %u", relid);
	auto *form = static_cast<Form_pg_class>(palloc(sizeof(FormData_pg_class)));
	memcpy(form, GETSTRUCT(classtup), sizeof(FormData_pg_class));
	TupleDesc desc = CreateTemplateTupleDesc(form->relnatts);
	desc->tdtypeid = OidIsValid(form->reltype) ? form->reltype : RECORDOID;
	for (int i = 1; i <= form->relnatts; i++)
	{
		HeapTuple atttup = SearchSysCache2(ATTNUM, ObjectIdGetDatum(relid),
										   Int16GetDatum(static_cast<int16>(i)));
		if (atttup == nullptr)
			elog(ERROR, "catalog is missing attribute %d of relation %u", i, relid);
		memcpy(TupleDescAttr(desc, i - 1), GETSTRUCT(atttup), ATTRIBUTE_FIXED_PART_SIZE);
		TupleDescAttr(desc, i - 1)->attcacheoff = -1;
		if (TupleDescAttr(desc, i - 1)->atthasmissing)
			LoadMissingValue(desc, i, atttup);
	}
	bool hasdef = false;
	for (int i = 0; i < desc->natts; i++)
		hasdef |= TupleDescAttr(desc, i)->atthasdef;
	if (hasdef)
		LoadDefaults(desc, relid);
	if (form->relchecks > 0)
		LoadChecks(desc, relid, form->relchecks);
	rel->rd_rel = form;
	rel->rd_att = desc;
	Oid spc = OidIsValid(form->reltablespace) ? form->reltablespace : DEFAULTTABLESPACE_OID;
	rel->rd_node = RelFileNode{spc, form->relisshared ? InvalidOid : MyDatabaseId,
							   OidIsValid(form->relfilenode) ? form->relfilenode : relid};
	rel->rd_islocaltemp = form->relpersistence == 't' &&
		isTempOrTempToastNamespace(form->relnamespace);
	if (form->relkind == RELKIND_INDEX)
		LoadIndexInfo(rel);
}

void FreeDescription(RelationData *rel)
{
	if (rel->rd_indexcxt != nullptr)
		MemoryContextDelete(rel->rd_indexcxt);
	if (rel->rd_indexoids != nullptr)
		pfree(rel->rd_indexoids);
	rel->rd_indexcxt = nullptr;
	rel->rd_indextuple = nullptr;
	rel->rd_index = nullptr;
	rel->rd_opfamily = rel->rd_opcintype = rel->rd_indcollation = nullptr;
	rel->rd_support = nullptr;
	rel->rd_indoption = nullptr;
	rel->rd_amcache = nullptr;
	rel->rd_indexvalid = false;
	rel->rd_nindexes = 0;
	rel->rd_indexoids = nullptr;
	if (rel->rd_att != nullptr)
		FreeTupleDesc(rel->rd_att);
	if (rel->rd_rel != nullptr)
		pfree(rel->rd_rel);
	rel->rd_att = nullptr;
	rel->rd_rel = nullptr;
}

void BuildEntry(RelationEntry &entry, Oid relid)
{
	RelationData &rel = entry.rel;
	FreeDescription(&rel);
	rel.rd_id = relid;
	rel.rd_targblock = InvalidBlockNumber;
	rel.rd_islocaltemp = false;
	MemoryContext old = MemoryContextSwitchTo(RelCacheContext());
	if (const BootstrapCatalog *cat = FindBootstrapCatalog(relid))
	{
		rel.rd_node = cat->shared ? RelFileNode{GLOBALTABLESPACE_OID, InvalidOid, relid}
								  : RelFileNode{DEFAULTTABLESPACE_OID, MyDatabaseId, relid};
		rel.rd_att = BootstrapTupleDesc(*cat);
		rel.rd_rel = CatalogClassForm(relid);
	}
	else if (const BootstrapCatalog *icat = nullptr;
			 const auto *index = FindBootstrapIndex(relid, &icat))
		BuildCatalogIndex(&rel, *icat, *index);
	else if (RelationCacheHasCatalogs)
		BuildFromCatalogs(&rel, relid);
	else
	{
		/* Below the catalogs (storage tests): the files only. */
		rel.rd_node = RelFileNode{DEFAULTTABLESPACE_OID, MyDatabaseId, relid};
	}
	MemoryContextSwitchTo(old);
	entry.valid = true;
}

}  // namespace

bool IsSharedRelation(Oid relationId)
{
	/* Every relation made after initdb is in one database (and this is
	 * asked at every relation_open: spare the user tables the search). */
	if (relationId >= FirstNormalObjectId)
		return false;
	const BootstrapCatalog *cat = FindBootstrapCatalog(relationId);
	if (cat == nullptr)
		FindBootstrapIndex(relationId, &cat);
	return cat != nullptr && cat->shared;
}

bool IsCatalogRelationOid(Oid relationId)
{
	return FindBootstrapCatalog(relationId) != nullptr || FindBootstrapIndex(relationId) != nullptr;
}

void RelationCachePreloadCatalogs(void)
{
	for (int c = 0; c < tusk::catalog::kNumBootstrapCatalogs; c++)
	{
		const BootstrapCatalog &cat = tusk::catalog::kBootstrapCatalogs[c];
		(void) KeptBootstrapRow(RelationRelationId, Anum_pg_class_oid, cat.relid);
		for (int i = 0; i < cat.nindexes; i++)
		{
			(void) KeptBootstrapRow(RelationRelationId, Anum_pg_class_oid, cat.indexes[i].oid);
			(void) KeptBootstrapRow(IndexRelationId, Anum_pg_index_indexrelid, cat.indexes[i].oid);
		}
	}
	/* The catalog index table IsSharedRelation searches at every open. */
	(void) FindBootstrapIndex(InvalidOid);
}

void RelationCacheInvalidate(void)
{
	for (auto &[key, entry] : Relations())
		if (!IsCatalogRelationOid(key.second))
			entry.valid = false;
}

void RelationCacheInvalidateEntry(Oid relationId)
{
	auto it = Relations().find({MyDatabaseId, relationId});
	if (it != Relations().end() && !IsCatalogRelationOid(relationId))
		it->second.valid = false;
}

void AtAbort_RelationCache(void)
{
	for (auto &[key, entry] : Relations())
		entry.refcount = 0;
}

List *RelationGetIndexList(Relation relation)
{
	if (!relation->rd_indexvalid)
	{
		std::vector<Oid> found;
		if (const BootstrapCatalog *cat = FindBootstrapCatalog(relation->rd_id))
		{
			/* A catalog's indexes are fixed: the bootstrap data's. */
			for (int i = 0; i < cat->nindexes; i++)
				found.push_back(cat->indexes[i].oid);
			std::sort(found.begin(), found.end());
		}
		else if (relation->rd_rel != nullptr && relation->rd_rel->relhasindex)
		{
			/* pg_index by indrelid. */
			Relation pg_index = relation_open(IndexRelationId, AccessShareLock);
			ScanKeyData key;
			ScanKeyInit(&key, Anum_pg_index_indrelid, BTEqualStrategyNumber, F_OIDEQ,
						ObjectIdGetDatum(relation->rd_id));
			SysScanDesc scan = systable_beginscan(pg_index, IndexIndrelidIndexId, true, nullptr, 1,
												  &key);
			while (HeapTuple t = systable_getnext(scan))
			{
				auto *form = reinterpret_cast<Form_pg_index>(GETSTRUCT(t));
				if (form->indislive)
					found.push_back(form->indexrelid);
			}
			systable_endscan(scan);
			relation_close(pg_index, AccessShareLock);
			std::sort(found.begin(), found.end());
		}
		relation->rd_indexoids = static_cast<Oid *>(
			MemoryContextAlloc(RelCacheContext(), Max(found.size(), size_t{1}) * sizeof(Oid)));
		for (size_t i = 0; i < found.size(); i++)
			relation->rd_indexoids[i] = found[i];
		relation->rd_nindexes = static_cast<int>(found.size());
		relation->rd_indexvalid = true;
	}
	List *result = NIL;
	for (int i = 0; i < relation->rd_nindexes; i++)
		result = lappend_oid(result, relation->rd_indexoids[i]);
	return result;
}

const BTIndexInfo *RelationGetBTIndexInfo(Relation index)
{
	if (index->rd_amcache != nullptr)
		return static_cast<const BTIndexInfo *>(index->rd_amcache);
	if (index->rd_index == nullptr)
		elog(ERROR, "relation %u is not an index", index->rd_id);
	MemoryContext old = MemoryContextSwitchTo(index->rd_indexcxt);
	Form_pg_index form = index->rd_index;
	int natts = form->indnatts;
	int nkeys = form->indnkeyatts;
	auto *info = palloc0_object(BTIndexInfo);
	info->name = pstrdup(RelationGetRelationName(index));
	info->tupdesc = RelationGetDescr(index);
	info->nkeyatts = nkeys;
	info->unique = form->indisunique;
	info->indoption = index->rd_indoption;
	info->collation = index->rd_indcollation;
	auto *procs = palloc0_array(FmgrInfo, nkeys);
	for (int i = 0; i < nkeys; i++)
		fmgr_info_cxt(index->rd_support[i], &procs[i], index->rd_indexcxt);
	info->orderproc = procs;
	auto *names = palloc_array(const char *, natts);
	auto *outputs = palloc_array(Oid, natts);
	for (int i = 0; i < natts; i++)
	{
		/* The table's column name ("Key (a)=…"); an expression's is the
		 * index column's own. */
		AttrNumber heapatt = form->indkey.values[i];
		HeapTuple att = heapatt > 0 && !IsCatalogRelationOid(index->rd_id)
			? SearchSysCache2(ATTNUM, ObjectIdGetDatum(form->indrelid), Int16GetDatum(heapatt))
			: nullptr;
		names[i] = pstrdup(
			att != nullptr ? NameStr(reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att))->attname)
						   : NameStr(TupleDescAttr(index->rd_att, i)->attname));
		bool varlena;
		getTypeOutputInfo(TupleDescAttr(index->rd_att, i)->atttypid, &outputs[i], &varlena);
	}
	info->colnames = names;
	info->typoutput = outputs;
	index->rd_amcache = info;
	MemoryContextSwitchTo(old);
	return info;
}

Relation relation_open(Oid relationId, LOCKMODE lockmode)
{
	if (!OidIsValid(relationId))
		elog(ERROR, "could not open relation with OID %u", relationId);
	if (lockmode != NoLock)
		LockRelationOid(relationId, lockmode);
	Oid db = IsSharedRelation(relationId) ? InvalidOid : MyDatabaseId;
	RelationEntry &entry = Relations()[{db, relationId}];
	if (entry.refcount <= 0)
	{
		entry.refcount = 0;
		if (!entry.valid)
		{
			try
			{
				BuildEntry(entry, relationId);
			}
			catch (...)
			{
				/* Not there (or not readable): leave no half-built entry,
				 * and no lock either. */
				entry.valid = false;
				if (lockmode != NoLock)
					UnlockRelationOid(relationId, lockmode);
				throw;
			}
		}
		/* The page this backend inserted into last stays a good first
		 * guess from statement to statement (a new file comes with a new
		 * entry); below the catalogs, storage tests replace files under
		 * the same OID, so there it starts afresh. */
		if (entry.rel.rd_rel == nullptr)
			entry.rel.rd_targblock = InvalidBlockNumber;
	}
	entry.refcount++;
	return &entry.rel;
}

void relation_close(Relation relation, LOCKMODE lockmode)
{
	Oid relid = relation->rd_id;
	reinterpret_cast<RelationEntry *>(relation)->refcount--;
	if (lockmode != NoLock)
		UnlockRelationOid(relid, lockmode);
}

int errtable(Relation rel)
{
	/* A relation built by hand (the storage tests') has no pg_class row. */
	if (rel == nullptr || rel->rd_rel == nullptr)
		return 0;
	err_generic_string(PG_DIAG_SCHEMA_NAME, get_namespace_name(RelationGetNamespace(rel)));
	err_generic_string(PG_DIAG_TABLE_NAME, RelationGetRelationName(rel));
	return 0;
}

int errtablecol(Relation rel, int attnum)
{
	TupleDesc desc = RelationGetDescr(rel);
	if (attnum > 0 && attnum <= desc->natts)
	{
		Form_pg_attribute att = TupleDescAttr(desc, attnum - 1);
		if (!att->attisdropped)
			err_generic_string(PG_DIAG_COLUMN_NAME, NameStr(att->attname));
	}
	return errtable(rel);
}

int errtableconstraint(Relation rel, const char *conname)
{
	if (rel == nullptr || rel->rd_rel == nullptr)
		return 0;
	errtable(rel);
	err_generic_string(PG_DIAG_CONSTRAINT_NAME, conname);
	return 0;
}
