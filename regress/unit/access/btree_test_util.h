/*
 * btree_test_util.h — B-tree descriptions for tests below the catalogs:
 * int8 and text indexes (and multi-column ones) filled in by hand, and
 * the byte-keyed insert and range scan the older tests are written with.
 */
#ifndef TUSK_REGRESS_UNIT_ACCESS_BTREE_TEST_UTIL_H
#define TUSK_REGRESS_UNIT_ACCESS_BTREE_TEST_UTIL_H

#include <string.h>

#include <vector>

#include "access/nbtree.h"
#include "access/skey.h"
#include "catalog/pg_collation_d.h"
#include "catalog/pg_type_d.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"

namespace tusk::test {

/* One column of a hand-made index. */
struct BTColumn
{
	const char *name;
	Oid type; /* INT4OID, INT8OID or TEXTOID */
	int16 option = 0;
};

/* A BTIndexInfo whose arrays live as long as the process, in
 * TopMemoryContext (tests make a handful). */
inline BTIndexInfo MakeBTIndexInfo(const char *name, bool unique, std::vector<BTColumn> columns,
								   int nkeyatts = -1)
{
	int natts = static_cast<int>(columns.size());
	BTIndexInfo info{};
	info.name = name;
	info.unique = unique;
	info.nkeyatts = nkeyatts < 0 ? natts : nkeyatts;
	/* The description outlives transactions, as a relcache entry's does. */
	MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);
	TupleDesc desc = CreateTemplateTupleDesc(natts);
	auto *options = palloc_array(int16, natts);
	auto *collations = palloc_array(Oid, natts);
	auto *procs = palloc0_array(FmgrInfo, natts);
	auto *names = palloc_array(const char *, natts);
	auto *outputs = palloc_array(Oid, natts);
	MemoryContextSwitchTo(old);
	for (int i = 0; i < natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		strlcpy(NameStr(att->attname), columns[i].name, NAMEDATALEN);
		att->atttypid = columns[i].type;
		att->attnum = static_cast<AttrNumber>(i + 1);
		att->atttypmod = -1;
		att->attcacheoff = -1;
		collations[i] = InvalidOid;
		switch (columns[i].type)
		{
			case INT4OID:
				att->attlen = 4;
				att->attbyval = true;
				att->attalign = 'i';
				att->attstorage = 'p';
				fmgr_info(F_BTINT4CMP, &procs[i]);
				outputs[i] = F_INT4OUT;
				break;
			case INT8OID:
				att->attlen = 8;
				att->attbyval = true;
				att->attalign = 'd';
				att->attstorage = 'p';
				fmgr_info(F_BTINT8CMP, &procs[i]);
				outputs[i] = F_INT8OUT;
				break;
			default:
				att->attlen = -1;
				att->attbyval = false;
				att->attalign = 'i';
				att->attstorage = 'x';
				att->attcollation = C_COLLATION_OID;
				collations[i] = C_COLLATION_OID;
				fmgr_info(F_BTTEXTCMP, &procs[i]);
				outputs[i] = F_TEXTOUT;
				break;
		}
		options[i] = columns[i].option;
		names[i] = columns[i].name;
	}
	info.tupdesc = desc;
	info.indoption = options;
	info.collation = collations;
	info.orderproc = procs;
	info.colnames = names;
	info.typoutput = outputs;
	return info;
}

/* A single-column key given as bytes: an int8's 8 bytes, or text. */
inline Datum KeyDatum(const BTIndexInfo *info, const char *key, int len)
{
	if (TupleDescAttr(info->tupdesc, 0)->atttypid == INT8OID)
	{
		int64 v;
		memcpy(&v, key, sizeof v);
		return Int64GetDatum(v);
	}
	return PointerGetDatum(cstring_to_text_with_len(key, len));
}

inline void InsertKey(Relation index, const BTIndexInfo *info, const char *key, uint16 len,
					  ItemPointer tid, Relation heap)
{
	Datum value = KeyDatum(info, key, len);
	bool isnull = false;
	btinsert(index, info, &value, &isnull, tid, heap,
			 info->unique ? UNIQUE_CHECK_YES : UNIQUE_CHECK_NO, nullptr);
}

/* lo <= key <= hi on a single-column index (len -1: open; _incl false:
 * exclusive), forward. */
inline BTScan BeginRange(Relation index, const BTIndexInfo *info, Relation heap, Snapshot snapshot,
						 const char *lo, int lolen, bool lo_incl, const char *hi, int hilen,
						 bool hi_incl, ScanDirection dir = ForwardScanDirection)
{
	ScanKeyData keys[2];
	int n = 0;
	RegProcedure proc = info->orderproc[0].fn_oid;
	if (lolen >= 0)
		ScanKeyEntryInitialize(&keys[n++], 0, 1,
							   lo_incl ? BTGreaterEqualStrategyNumber : BTGreaterStrategyNumber,
							   InvalidOid, info->collation[0], proc, KeyDatum(info, lo, lolen));
	if (hilen >= 0)
		ScanKeyEntryInitialize(&keys[n++], 0, 1,
							   hi_incl ? BTLessEqualStrategyNumber : BTLessStrategyNumber,
							   InvalidOid, info->collation[0], proc, KeyDatum(info, hi, hilen));
	return btbeginscan(index, info, heap, snapshot, n, keys, dir);
}

}  // namespace tusk::test

#endif /* TUSK_REGRESS_UNIT_ACCESS_BTREE_TEST_UTIL_H */
