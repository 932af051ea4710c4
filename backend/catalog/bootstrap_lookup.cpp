/*
 * bootstrap_lookup.cpp — lookups in the generated bootstrap data
 * (bootstrap_data.h) shared by bootstrap and the catalog caches.
 */
#include "postgres.h"

#include "catalog/bootstrap_data.h"

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
