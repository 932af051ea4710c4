/*
 * catcache.cpp — the catalog caches behind utils/syscache.h.
 *
 * Principal entry points: SearchSysCache, SearchSysCacheList,
 * ResetCatalogCaches.
 *
 * Each cache is keyed by one to four columns of one catalog (the table
 * kCaches below, PostgreSQL's cache definitions).  A miss reads the
 * catalog with a fresh catalog snapshot and remembers the answer —
 * the row, copied into a child of CacheMemoryContext, or its absence — so a warm
 * backend does no catalog reads for names and types it has seen.  A miss is a
 * keyed lookup through the catalog index whose leading columns are the
 * cache's keys (systable_beginscan, access/genam.h).
 *
 * Rows returned stay valid until the caches are reset, which happens
 * only between statements (AcceptInvalidationMessages) or at transaction
 * end, never under a running command.
 */
#include "postgres.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "access/genam.h"
#include "access/heaptoast.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/tupdesc.h"
#include "catalog/bootstrap_data.h"
#include "catalog/pg_type_d.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

using tusk::catalog::BootstrapCatalog;

struct CacheDef
{
	int id;
	const char *catalog;
	const char *keys[4];
};

/* PostgreSQL's syscache definitions: catalog and key columns. */
const CacheDef kCaches[] = {
	{AGGFNOID, "pg_aggregate", {"aggfnoid"}},
	{AMNAME, "pg_am", {"amname"}},
	{AMOID, "pg_am", {"oid"}},
	{AMOPOPID, "pg_amop", {"amopopr", "amoppurpose", "amopfamily"}},
	{AMOPSTRATEGY, "pg_amop", {"amopfamily", "amoplefttype", "amoprighttype", "amopstrategy"}},
	{AMPROCNUM, "pg_amproc", {"amprocfamily", "amproclefttype", "amprocrighttype", "amprocnum"}},
	{ATTNAME, "pg_attribute", {"attrelid", "attname"}},
	{ATTNUM, "pg_attribute", {"attrelid", "attnum"}},
	{AUTHMEMMEMROLE, "pg_auth_members", {"member", "roleid"}},
	{AUTHMEMROLEMEM, "pg_auth_members", {"roleid", "member"}},
	{AUTHNAME, "pg_authid", {"rolname"}},
	{AUTHOID, "pg_authid", {"oid"}},
	{CASTSOURCETARGET, "pg_cast", {"castsource", "casttarget"}},
	{CLAAMNAMENSP, "pg_opclass", {"opcmethod", "opcname", "opcnamespace"}},
	{CLAOID, "pg_opclass", {"oid"}},
	{COLLNAMEENCNSP, "pg_collation", {"collname", "collencoding", "collnamespace"}},
	{COLLOID, "pg_collation", {"oid"}},
	{CONSTROID, "pg_constraint", {"oid"}},
	{DATABASEOID, "pg_database", {"oid"}},
	{ENUMOID, "pg_enum", {"oid"}},
	{INDEXRELID, "pg_index", {"indexrelid"}},
	{LANGNAME, "pg_language", {"lanname"}},
	{LANGOID, "pg_language", {"oid"}},
	{NAMESPACENAME, "pg_namespace", {"nspname"}},
	{NAMESPACEOID, "pg_namespace", {"oid"}},
	{OPERNAMENSP, "pg_operator", {"oprname", "oprleft", "oprright", "oprnamespace"}},
	{OPEROID, "pg_operator", {"oid"}},
	{OPFAMILYOID, "pg_opfamily", {"oid"}},
	{PROCNAMEARGSNSP, "pg_proc", {"proname", "proargtypes", "pronamespace"}},
	{PROCOID, "pg_proc", {"oid"}},
	{RELNAMENSP, "pg_class", {"relname", "relnamespace"}},
	{RELOID, "pg_class", {"oid"}},
	{SEQRELID, "pg_sequence", {"seqrelid"}},
	{STATRELATTINH, "pg_statistic", {"starelid", "staattnum", "stainherit"}},
	{TABLESPACEOID, "pg_tablespace", {"oid"}},
	{TYPENAMENSP, "pg_type", {"typname", "typnamespace"}},
	{TYPEOID, "pg_type", {"oid"}},
};
static_assert(lengthof(kCaches) == SysCacheSize, "one definition per cache id");

enum class KeyKind
{
	kByValue, /* oid, int2, int4, char, bool, regproc: the Datum itself */
	kName,	  /* name: the string up to its NUL */
	kBytes	  /* oidvector and other varlenas: the bytes */
};

struct CatCache
{
	const BootstrapCatalog *catalog = nullptr;
	int nkeys = 0;
	AttrNumber attnums[4] = {};
	KeyKind kinds[4] = {};
	RegProcedure eqprocs[4] = {}; /* each key column type's equality function */
	Oid indexoid = InvalidOid;	  /* the catalog index whose leading columns are the keys */
	/* key bytes -> the row (a copy in catcache_rows) or nullptr. */
	std::unordered_map<std::string, HeapTuple> entries;
	/* key-prefix bytes (with the prefix length) -> matching rows. */
	std::unordered_map<std::string, CatCList *> lists;
};

/* The equality function of a catalog key column's type. */
RegProcedure EqualityProc(Oid type)
{
	switch (type)
	{
		case OIDOID:
		case REGPROCOID:
			return F_OIDEQ;
		case INT2OID:
			return F_INT2EQ;
		case INT4OID:
			return F_INT4EQ;
		case CHAROID:
			return F_CHAREQ;
		case BOOLOID:
			return F_BOOLEQ;
		case NAMEOID:
			return F_NAMEEQ;
		case TEXTOID:
			return F_TEXTEQ;
		case OIDVECTOROID:
			return F_OIDVECTOREQ;
		default:
			elog(ERROR, "type %u is not supported as a catalog cache key", type);
	}
}

std::vector<CatCache> &Caches()
{
	static std::vector<CatCache> caches;
	return caches;
}

/* The rows and lists the caches hold: a child of CacheMemoryContext, so
 * that a whole-cache reset lets go of them without touching what modules
 * and other caches keep in CacheMemoryContext for the backend's life. */
MemoryContext catcache_rows = nullptr;

MemoryContext CacheContext()
{
	CreateCacheMemoryContext();
	if (catcache_rows == nullptr)
		catcache_rows = AllocSetContextCreate(CacheMemoryContext, "CatCacheRows",
											  ALLOCSET_DEFAULT_SIZES);
	return catcache_rows;
}

CatCache &GetCache(int id)
{
	auto &caches = Caches();
	if (caches.empty())
	{
		caches.resize(SysCacheSize);
		for (const CacheDef &def : kCaches)
		{
			CatCache &cache = caches[def.id];
			cache.catalog = tusk::catalog::FindBootstrapCatalog(def.catalog);
			if (cache.catalog == nullptr)
				elog(ERROR, "catalog \"%s\" of cache %d is missing", def.catalog, def.id);
			for (int k = 0; k < 4 && def.keys[k] != nullptr; k++)
			{
				const BootstrapCatalog &cat = *cache.catalog;
				int col = -1;
				for (int i = 0; i < cat.natts; i++)
					if (strcmp(cat.columns[i].name, def.keys[k]) == 0)
						col = i;
				if (col < 0)
					elog(ERROR, "catalog \"%s\" has no column \"%s\"", cat.name, def.keys[k]);
				cache.attnums[k] = static_cast<AttrNumber>(col + 1);
				Oid type = cat.columns[col].type_oid;
				cache.kinds[k] = type == NAMEOID ? KeyKind::kName
					: cat.columns[col].byval	 ? KeyKind::kByValue
												 : KeyKind::kBytes;
				cache.eqprocs[k] = EqualityProc(type);
				cache.nkeys = k + 1;
			}
			const BootstrapCatalog &cat = *cache.catalog;
			for (int i = 0; i < cat.nindexes && !OidIsValid(cache.indexoid); i++)
			{
				const tusk::catalog::BootstrapIndex &index = cat.indexes[i];
				bool leading = index.nkeys >= cache.nkeys;
				for (int k = 0; k < cache.nkeys && leading; k++)
					leading = index.keys[k] == cache.attnums[k];
				if (leading)
					cache.indexoid = index.oid;
			}
			if (!OidIsValid(cache.indexoid))
				elog(ERROR, "cache %d has no index on catalog \"%s\"", def.id, cat.name);
		}
	}
	if (id < 0 || id >= SysCacheSize)
		elog(ERROR, "invalid cache ID: %d", id);
	return caches[id];
}

void AppendKey(std::string &out, KeyKind kind, Datum key)
{
	switch (kind)
	{
		case KeyKind::kByValue:
			out.append(reinterpret_cast<const char *>(&key), sizeof key);
			break;
		case KeyKind::kName:
		{
			const char *s = DatumGetCString(key);
			out.append(s, strnlen(s, NAMEDATALEN));
			out += '\0';
			break;
		}
		case KeyKind::kBytes:
		{
			const char *p = DatumGetPointer(key);
			out.append(VARDATA_ANY(p), VARSIZE_ANY_EXHDR(p));
			out += '\0';
			break;
		}
	}
}

/* Every row of the cache's catalog matching the first nkeys keys,
 * copied into CacheMemoryContext: through the cache's index, read with a
 * fresh catalog snapshot. */
std::vector<HeapTuple> ScanCatalog(CatCache &cache, int nkeys, const Datum *keys)
{
	std::vector<HeapTuple> found;
	Relation rel = relation_open(cache.catalog->relid, AccessShareLock);
	ScanKeyData skey[4];
	for (int k = 0; k < nkeys; k++)
		ScanKeyInit(&skey[k], cache.attnums[k], BTEqualStrategyNumber, cache.eqprocs[k], keys[k]);
	SysScanDesc scan = systable_beginscan(rel, cache.indexoid, true, nullptr, nkeys, skey);
	while (HeapTuple tuple = systable_getnext(scan))
	{
		MemoryContext old = MemoryContextSwitchTo(CacheContext());
		/* An entry holds its values itself, none in TOAST chunks. */
		found.push_back(HeapTupleHasExternal(tuple)
							? toast_flatten_tuple(tuple, RelationGetDescr(rel))
							: heap_copytuple(tuple));
		MemoryContextSwitchTo(old);
	}
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	return found;
}

}  // namespace

HeapTuple SearchSysCache(int cacheId, Datum key1, Datum key2, Datum key3, Datum key4)
{
	CatCache &cache = GetCache(cacheId);
	Datum keys[4] = {key1, key2, key3, key4};
	std::string key;
	for (int k = 0; k < cache.nkeys; k++)
		AppendKey(key, cache.kinds[k], keys[k]);
	auto it = cache.entries.find(key);
	if (it != cache.entries.end())
		return it->second;
	std::vector<HeapTuple> found = ScanCatalog(cache, cache.nkeys, keys);
	HeapTuple result = found.empty() ? nullptr : found.front();
	cache.entries.emplace(std::move(key), result);
	return result;
}

HeapTuple SearchSysCache1(int cacheId, Datum key1)
{
	return SearchSysCache(cacheId, key1, 0, 0, 0);
}

HeapTuple SearchSysCache2(int cacheId, Datum key1, Datum key2)
{
	return SearchSysCache(cacheId, key1, key2, 0, 0);
}

HeapTuple SearchSysCache3(int cacheId, Datum key1, Datum key2, Datum key3)
{
	return SearchSysCache(cacheId, key1, key2, key3, 0);
}

HeapTuple SearchSysCache4(int cacheId, Datum key1, Datum key2, Datum key3, Datum key4)
{
	return SearchSysCache(cacheId, key1, key2, key3, key4);
}

void ReleaseSysCache(HeapTuple)
{
	/* Rows live until the caches are reset between statements. */
}

HeapTuple SearchSysCacheCopy1(int cacheId, Datum key1)
{
	HeapTuple tuple = SearchSysCache1(cacheId, key1);
	return tuple != nullptr ? heap_copytuple(tuple) : nullptr;
}

bool SearchSysCacheExists1(int cacheId, Datum key1)
{
	return SearchSysCache1(cacheId, key1) != nullptr;
}

bool SearchSysCacheExists2(int cacheId, Datum key1, Datum key2)
{
	return SearchSysCache2(cacheId, key1, key2) != nullptr;
}

Datum SysCacheGetAttr(int cacheId, HeapTuple tup, AttrNumber attributeNumber, bool *isNull)
{
	CatCache &cache = GetCache(cacheId);
	Relation rel = relation_open(cache.catalog->relid, NoLock);
	Datum value = heap_getattr(tup, attributeNumber, RelationGetDescr(rel), isNull);
	relation_close(rel, NoLock);
	return value;
}

Oid GetSysCacheOid1(int cacheId, AttrNumber oidcol, Datum key1)
{
	HeapTuple tuple = SearchSysCache1(cacheId, key1);
	if (tuple == nullptr)
		return InvalidOid;
	bool isnull;
	return DatumGetObjectId(SysCacheGetAttr(cacheId, tuple, oidcol, &isnull));
}

Oid GetSysCacheOid2(int cacheId, AttrNumber oidcol, Datum key1, Datum key2)
{
	HeapTuple tuple = SearchSysCache2(cacheId, key1, key2);
	if (tuple == nullptr)
		return InvalidOid;
	bool isnull;
	return DatumGetObjectId(SysCacheGetAttr(cacheId, tuple, oidcol, &isnull));
}

CatCList *SearchSysCacheList(int cacheId, int nkeys, Datum key1, Datum key2, Datum key3)
{
	CatCache &cache = GetCache(cacheId);
	Datum keys[3] = {key1, key2, key3};
	if (nkeys < 1 || nkeys > 3 || nkeys > cache.nkeys)
		elog(ERROR, "invalid number of keys for a cache list: %d", nkeys);
	std::string key(1, static_cast<char>(nkeys));
	for (int k = 0; k < nkeys; k++)
		AppendKey(key, cache.kinds[k], keys[k]);
	auto it = cache.lists.find(key);
	if (it != cache.lists.end())
		return it->second;
	std::vector<HeapTuple> found = ScanCatalog(cache, nkeys, keys);
	auto *list = static_cast<CatCList *>(MemoryContextAlloc(CacheContext(), sizeof(CatCList)));
	list->n_members = static_cast<int>(found.size());
	list->members = static_cast<HeapTuple *>(
		MemoryContextAlloc(CacheContext(), sizeof(HeapTuple) * Max(found.size(), size_t{1})));
	for (size_t i = 0; i < found.size(); i++)
		list->members[i] = found[i];
	cache.lists.emplace(std::move(key), list);
	return list;
}

void ReleaseSysCacheList(CatCList *) {}

void ResetCatalogCaches(void)
{
	for (CatCache &cache : Caches())
	{
		cache.entries.clear();
		cache.lists.clear();
	}
	if (catcache_rows == nullptr)
		return;
	/* Rows handed out stay valid to the end of the transaction (a reset
	 * can come mid-statement, when a lock is taken): the old rows' memory
	 * goes with the transaction's. */
	if (TopTransactionContext != nullptr)
	{
		MemoryContextSetParent(catcache_rows, TopTransactionContext);
		catcache_rows = nullptr;
	}
	else
		MemoryContextReset(catcache_rows);
}

void CreateCacheMemoryContext(void)
{
	if (CacheMemoryContext == nullptr)
		CacheMemoryContext = AllocSetContextCreate(TopMemoryContext, "CacheMemoryContext",
												   ALLOCSET_DEFAULT_SIZES);
}
