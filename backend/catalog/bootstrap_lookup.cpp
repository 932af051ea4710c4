/*
 * bootstrap_lookup.cpp — lookups in the generated bootstrap data
 * (bootstrap_data.h) shared by bootstrap and the catalog caches.
 */
#include "postgres.h"

#include "catalog/bootstrap_data.h"

#include <unordered_map>
#include <utility>

namespace tusk::catalog {

const BootstrapCatalog *FindBootstrapCatalog(Oid relid)
{
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
		if (kBootstrapCatalogs[i].relid == relid)
			return &kBootstrapCatalogs[i];
	return nullptr;
}

const BootstrapCatalog *FindBootstrapCatalog(const char *name)
{
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
		if (strcmp(kBootstrapCatalogs[i].name, name) == 0)
			return &kBootstrapCatalogs[i];
	return nullptr;
}

const BootstrapIndex *FindBootstrapIndex(Oid indexid, const BootstrapCatalog **catalog)
{
	using Entry = std::pair<const BootstrapIndex *, const BootstrapCatalog *>;
	/* Never destroyed: built in the postmaster before it forks
	 * (RelationCachePreloadCatalogs), a child's exit would only write to
	 * the pages it shares with it. */
	static const std::unordered_map<Oid, Entry> &indexes = *[] {
		// NOLINTNEXTLINE(cppcoreguidelines-owning-memory): never freed, on purpose (above)
		auto *m = new std::unordered_map<Oid, Entry>;
		for (int c = 0; c < kNumBootstrapCatalogs; c++)
			for (int i = 0; i < kBootstrapCatalogs[c].nindexes; i++)
				m->emplace(kBootstrapCatalogs[c].indexes[i].oid,
						   Entry{&kBootstrapCatalogs[c].indexes[i], &kBootstrapCatalogs[c]});
		return m;
	}();
	auto it = indexes.find(indexid);
	if (it == indexes.end())
		return nullptr;
	if (catalog != nullptr)
		*catalog = it->second.second;
	return it->second.first;
}

TupleDesc BootstrapTupleDesc(const BootstrapCatalog &cat)
{
	TupleDesc desc = CreateTemplateTupleDesc(cat.natts);
	desc->tdtypeid = cat.rowtype_oid;
	for (int i = 0; i < cat.natts; i++)
	{
		const BootstrapColumn &col = cat.columns[i];
		Form_pg_attribute att = TupleDescAttr(desc, i);
		strlcpy(NameStr(att->attname), col.name, NAMEDATALEN);
		att->attrelid = cat.relid;
		att->attnum = static_cast<AttrNumber>(i + 1);
		att->atttypid = col.type_oid;
		att->atttypmod = -1;
		att->attlen = col.len;
		att->attbyval = col.byval;
		att->attalign = col.align;
		att->attstorage = col.storage;
		att->attnotnull = col.not_null;
		att->attcollation = col.collation;
		att->attcacheoff = -1;
		att->attislocal = true;
	}
	return desc;
}

}  // namespace tusk::catalog

namespace tusk::catalog {

TupleDesc BootstrapIndexTupleDesc(const BootstrapCatalog &cat, const BootstrapIndex &index)
{
	TupleDesc desc = CreateTemplateTupleDesc(index.nkeys);
	for (int i = 0; i < index.nkeys; i++)
	{
		const BootstrapColumn &col = cat.columns[index.keys[i] - 1];
		Form_pg_attribute att = TupleDescAttr(desc, i);
		strlcpy(NameStr(att->attname), col.name, NAMEDATALEN);
		att->attrelid = index.oid;
		att->attnum = static_cast<AttrNumber>(i + 1);
		att->atttypid = col.type_oid;
		att->atttypmod = -1;
		att->attlen = col.len;
		att->attbyval = col.byval;
		att->attalign = col.align;
		att->attstorage = col.storage;
		att->attcollation = index.collations[i];
		att->attcacheoff = -1;
		att->attislocal = true;
	}
	return desc;
}

}  // namespace tusk::catalog
