/*
 * catalog/indexing.h — writing catalog rows (PostgreSQL's indexing.h):
 * every insert, update and delete of a catalog row goes through these,
 * so index maintenance (when catalog indexes exist) and cache
 * invalidation happen in one place.
 */
#ifndef TUSK_CATALOG_INDEXING_H
#define TUSK_CATALOG_INDEXING_H

#include "access/htup.h"
#include "utils/rel.h"

#ifdef __cplusplus
extern "C" {
#endif

extern void CatalogTupleInsert(Relation heapRel, HeapTuple tup);
extern void CatalogTupleUpdate(Relation heapRel, ItemPointer otid, HeapTuple tup);
extern void CatalogTupleDelete(Relation heapRel, ItemPointer tid);

#ifdef __cplusplus
}

extern "C++" {
#include <initializer_list>
#include <utility>
#include <vector>

/* A catalog row being built column by column: unset columns are NULL,
 * and Form() refuses a NOT NULL column left unset (a programming error
 * that would otherwise write a broken catalog). */
class CatalogRow
{
  public:
	explicit CatalogRow(Relation catalog);
	CatalogRow &Set(int attnum, Datum value);
	CatalogRow &SetName(int attnum, const char *name); /* a name column */
	CatalogRow &SetNull(int attnum);
	HeapTuple Form() const;

  private:
	Relation catalog_;
	std::vector<Datum> values_;
	std::vector<char> isnull_;
	std::vector<char> isset_;
	std::vector<NameData> names_;
};
}
#endif

#endif /* TUSK_CATALOG_INDEXING_H */
