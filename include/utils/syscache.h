/*
 * utils/syscache.h — keyed lookups in the system catalogs, cached per
 * process (PostgreSQL's syscache API).
 *
 * SearchSysCacheN(cache, key…) returns the catalog row whose key columns
 * equal the keys, or NULL; the row belongs to the cache and stays valid
 * until ReleaseSysCache (which every successful search must be paired
 * with) — in Tusk until the end of the current transaction at the least.
 * Keys are Datums of the key columns' types; a name key is a C string
 * (CStringGetDatum / PointerGetDatum of a NameData both work).
 *
 * SearchSysCacheList finds every row matching a prefix of the keys (all
 * functions named "f", say), for overload resolution.
 *
 * Rows are read with a catalog snapshot (the latest committed state plus
 * this transaction's earlier commands); the caches are emptied when
 * invalidations arrive (utils/inval.h).
 */
#ifndef TUSK_UTILS_SYSCACHE_H
#define TUSK_UTILS_SYSCACHE_H

#include "postgres.h"
#include "access/htup.h"

/* PostgreSQL's cache identifiers (the subset Tusk has), in its order. */
enum SysCacheIdentifier
{
	AGGFNOID = 0,
	AMNAME,
	AMOID,
	AMOPOPID,
	AMOPSTRATEGY,
	AMPROCNUM,
	ATTNAME,
	ATTNUM,
	AUTHMEMMEMROLE,
	AUTHMEMROLEMEM,
	AUTHNAME,
	AUTHOID,
	CASTSOURCETARGET,
	CLAAMNAMENSP,
	CLAOID,
	COLLNAMEENCNSP,
	COLLOID,
	CONSTROID,
	DATABASEOID,
	ENUMOID,
	INDEXRELID,
	LANGNAME,
	LANGOID,
	NAMESPACENAME,
	NAMESPACEOID,
	OPERNAMENSP,
	OPEROID,
	OPFAMILYOID,
	PROCNAMEARGSNSP,
	PROCOID,
	RELNAMENSP,
	RELOID,
	SEQRELID,
	STATRELATTINH,
	TABLESPACEOID,
	TYPENAMENSP,
	TYPEOID,
	SysCacheSize
};

/* The rows SearchSysCacheList found. */
typedef struct CatCList
{
	int n_members;
	HeapTuple *members;
} CatCList;

#ifdef __cplusplus
extern "C" {
#endif

extern HeapTuple SearchSysCache(int cacheId, Datum key1, Datum key2, Datum key3, Datum key4);
extern HeapTuple SearchSysCache1(int cacheId, Datum key1);
extern HeapTuple SearchSysCache2(int cacheId, Datum key1, Datum key2);
extern HeapTuple SearchSysCache3(int cacheId, Datum key1, Datum key2, Datum key3);
extern HeapTuple SearchSysCache4(int cacheId, Datum key1, Datum key2, Datum key3, Datum key4);
extern void ReleaseSysCache(HeapTuple tuple);
/* A palloc'd copy the caller owns (NULL if none). */
extern HeapTuple SearchSysCacheCopy1(int cacheId, Datum key1);
extern bool SearchSysCacheExists1(int cacheId, Datum key1);
extern bool SearchSysCacheExists2(int cacheId, Datum key1, Datum key2);
/* The oidcol column of the matching row, or InvalidOid. */
extern Oid GetSysCacheOid1(int cacheId, AttrNumber oidcol, Datum key1);
extern Oid GetSysCacheOid2(int cacheId, AttrNumber oidcol, Datum key1, Datum key2);
/* A column of a row this cache returned (variable-length ones too). */
extern Datum SysCacheGetAttr(int cacheId, HeapTuple tup, AttrNumber attributeNumber, bool *isNull);

/* Rows matching the first nkeys keys. */
extern CatCList *SearchSysCacheList(int cacheId, int nkeys, Datum key1, Datum key2, Datum key3);
#define SearchSysCacheList1(cacheId, key1) SearchSysCacheList(cacheId, 1, key1, 0, 0)
#define SearchSysCacheList2(cacheId, key1, key2) SearchSysCacheList(cacheId, 2, key1, key2, 0)
extern void ReleaseSysCacheList(CatCList *list);

/* Forget every cached row (invalidation). */
extern void ResetCatalogCaches(void);
/* Make CacheMemoryContext (PostgreSQL's catcache.c function): memory for
 * the backend's life, which cache resets leave alone; InitPostgres makes
 * it, so modules find it there once connected. */
extern void CreateCacheMemoryContext(void);

#ifdef __cplusplus
}

extern "C++" {
/* A syscache row released when the scope ends: every successful search
 * paired with its ReleaseSysCache, also when an error unwinds. */
class SysCacheRow
{
  public:
	explicit SysCacheRow(HeapTuple tup) : tup_(tup) {}
	~SysCacheRow()
	{
		if (tup_ != nullptr)
			ReleaseSysCache(tup_);
	}
	SysCacheRow(const SysCacheRow &) = delete;
	SysCacheRow &operator=(const SysCacheRow &) = delete;
	HeapTuple get() const { return tup_; }
	/* Lets go of the row and holds another (nullptr for none). */
	void reset(HeapTuple tup)
	{
		if (tup_ != nullptr)
			ReleaseSysCache(tup_);
		tup_ = tup;
	}

  private:
	HeapTuple tup_;
};
}
#endif

#endif /* TUSK_UTILS_SYSCACHE_H */
