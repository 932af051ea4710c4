/*
 * access/genam.h — catalog scans (PostgreSQL's systable_* API): the rows
 * of a catalog matching some scan keys, read through one of its indexes
 * when it has a usable one, else by a sequential scan of the heap.
 *
 * The keys are PostgreSQL's: sk_attno is the catalog's column and sk_func
 * the equality (or comparison) operator's function (F_OIDEQ, F_NAMEEQ …),
 * which the heap scan calls on each row.  Through the index, the scan
 * uses the index column's ordering function instead (see access/skey.h)
 * and the key's strategy.
 */
#ifndef TUSK_ACCESS_GENAM_H
#define TUSK_ACCESS_GENAM_H

#include "c.h"
#include "access/htup.h"
#include "access/skey.h"
#include "utils/rel.h"
#include "utils/snapshot.h"

typedef struct SysScanDescData *SysScanDesc;

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Begin a scan of heapRelation for the rows matching every key.  With
 * indexOK, and indexId one of its indexes whose leading columns are the
 * keys' columns, the scan reads the index; otherwise (indexOK false,
 * before the catalogs can be read, or a key on another column) it reads
 * the heap.  snapshot NULL: a fresh catalog snapshot (the latest
 * committed state plus this transaction's earlier commands), held until
 * systable_endscan.  Allocated in CurrentMemoryContext.
 */
extern SysScanDesc systable_beginscan(Relation heapRelation, Oid indexId, bool indexOK,
									  Snapshot snapshot, int nkeys, ScanKey key);
/* The next matching row, valid until the next call; NULL at the end. */
extern HeapTuple systable_getnext(SysScanDesc sysscan);
extern void systable_endscan(SysScanDesc sysscan);

/* Whether the scan reads an index (for tests and EXPLAIN-like output). */
extern bool systable_uses_index(SysScanDesc sysscan);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_GENAM_H */
