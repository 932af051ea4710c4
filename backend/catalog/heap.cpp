/*
 * heap.cpp — tables in the catalogs (catalog/heap.h): what CREATE TABLE
 * writes and DROP TABLE removes.
 *
 * Principal entry points: heap_create_with_catalog,
 * heap_drop_with_catalog, GetNewRelationOid.
 *
 * A table is a pg_class row (its OID is also its file number), one
 * pg_attribute row per column plus the six system columns, and the
 * composite pg_type row of its row type, as PostgreSQL writes them.
 * The file is created at once (WAL-logged); a table dropped has its file
 * removed when the transaction commits, one created by a transaction
 * that aborts when it aborts (catalog/storage.h: pending deletes).
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/transam.h"
#include "catalog/heap.h"
#include "catalog/indexing.h"
#include "catalog/pg_attrdef_d.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_type_d.h"
#include "catalog/storage.h"
#include "commands/vacuum.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include <vector>

namespace {

constexpr Oid kHeapAmOid = 2;
constexpr Oid kRecordInOid = 2290;
constexpr Oid kRecordOutOid = 2291;
constexpr Oid kRecordRecvOid = 2402;
constexpr Oid kRecordSendOid = 2403;

struct SystemColumn
{
	const char *name;
	AttrNumber attnum;
	Oid type;
	int16 len;
	bool byval;
	char align;
};

const SystemColumn kSystemColumns[] = {
	{"ctid", SelfItemPointerAttributeNumber, TIDOID, 6, false, 's'},
	{"xmin", MinTransactionIdAttributeNumber, XIDOID, 4, true, 'i'},
	{"cmin", MinCommandIdAttributeNumber, CIDOID, 4, true, 'i'},
	{"xmax", MaxTransactionIdAttributeNumber, XIDOID, 4, true, 'i'},
	{"cmax", MaxCommandIdAttributeNumber, CIDOID, 4, true, 'i'},
	{"tableoid", TableOidAttributeNumber, OIDOID, 4, true, 'i'},
};

void InsertAttribute(Relation pg_attribute, Oid relid, const FormData_pg_attribute &att)
{
	CatalogRow row(pg_attribute);
	row.Set(Anum_pg_attribute_attrelid, ObjectIdGetDatum(relid))
		.SetName(Anum_pg_attribute_attname, NameStr(att.attname))
		.Set(Anum_pg_attribute_atttypid, ObjectIdGetDatum(att.atttypid))
		.Set(Anum_pg_attribute_attstattarget, Int32GetDatum(-1))
		.Set(Anum_pg_attribute_attlen, Int16GetDatum(att.attlen))
		.Set(Anum_pg_attribute_attnum, Int16GetDatum(att.attnum))
		.Set(Anum_pg_attribute_attndims, Int32GetDatum(att.attndims))
		.Set(Anum_pg_attribute_attcacheoff, Int32GetDatum(-1))
		.Set(Anum_pg_attribute_atttypmod, Int32GetDatum(att.atttypmod))
		.Set(Anum_pg_attribute_attbyval, BoolGetDatum(att.attbyval))
		.Set(Anum_pg_attribute_attalign, CharGetDatum(att.attalign))
		.Set(Anum_pg_attribute_attstorage, CharGetDatum(att.attstorage))
		.Set(Anum_pg_attribute_attcompression, CharGetDatum('\0'))
		.Set(Anum_pg_attribute_attnotnull, BoolGetDatum(att.attnotnull))
		.Set(Anum_pg_attribute_atthasdef, BoolGetDatum(att.atthasdef))
		.Set(Anum_pg_attribute_atthasmissing, BoolGetDatum(false))
		.Set(Anum_pg_attribute_attidentity, CharGetDatum(att.attidentity))
		.Set(Anum_pg_attribute_attgenerated, CharGetDatum(att.attgenerated))
		.Set(Anum_pg_attribute_attisdropped, BoolGetDatum(false))
		.Set(Anum_pg_attribute_attislocal, BoolGetDatum(true))
		.Set(Anum_pg_attribute_attinhcount, Int32GetDatum(0))
		.Set(Anum_pg_attribute_attcollation, ObjectIdGetDatum(att.attcollation));
	CatalogTupleInsert(pg_attribute, row.Form());
}

void InsertRowType(Oid typid, const char *relname, Oid relnamespace, Oid relid)
{
	Relation pg_type = relation_open(TypeRelationId, RowExclusiveLock);
	CatalogRow row(pg_type);
	row.Set(Anum_pg_type_oid, ObjectIdGetDatum(typid))
		.SetName(Anum_pg_type_typname, relname)
		.Set(Anum_pg_type_typnamespace, ObjectIdGetDatum(relnamespace))
		.Set(Anum_pg_type_typowner, ObjectIdGetDatum(MyUserId))
		.Set(Anum_pg_type_typlen, Int16GetDatum(-1))
		.Set(Anum_pg_type_typbyval, BoolGetDatum(false))
		.Set(Anum_pg_type_typtype, CharGetDatum('c'))
		.Set(Anum_pg_type_typcategory, CharGetDatum('C'))
		.Set(Anum_pg_type_typispreferred, BoolGetDatum(false))
		.Set(Anum_pg_type_typisdefined, BoolGetDatum(true))
		.Set(Anum_pg_type_typdelim, CharGetDatum(','))
		.Set(Anum_pg_type_typrelid, ObjectIdGetDatum(relid))
		.Set(Anum_pg_type_typsubscript, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_type_typelem, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_type_typarray, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_type_typinput, ObjectIdGetDatum(kRecordInOid))
		.Set(Anum_pg_type_typoutput, ObjectIdGetDatum(kRecordOutOid))
		.Set(Anum_pg_type_typreceive, ObjectIdGetDatum(kRecordRecvOid))
		.Set(Anum_pg_type_typsend, ObjectIdGetDatum(kRecordSendOid))
		.Set(Anum_pg_type_typmodin, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_type_typmodout, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_type_typanalyze, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_type_typalign, CharGetDatum('d'))
		.Set(Anum_pg_type_typstorage, CharGetDatum('x'))
		.Set(Anum_pg_type_typnotnull, BoolGetDatum(false))
		.Set(Anum_pg_type_typbasetype, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_type_typtypmod, Int32GetDatum(-1))
		.Set(Anum_pg_type_typndims, Int32GetDatum(0))
		.Set(Anum_pg_type_typcollation, ObjectIdGetDatum(InvalidOid));
	CatalogTupleInsert(pg_type, row.Form());
	relation_close(pg_type, RowExclusiveLock);
}

}  // namespace

void StoreAttrDefault(Oid relid, AttrNumber attnum, Node *expr)
{
	Relation pg_attrdef = relation_open(AttrDefaultRelationId, RowExclusiveLock);
	CatalogRow row(pg_attrdef);
	row.Set(Anum_pg_attrdef_oid, ObjectIdGetDatum(GetNewObjectId()))
		.Set(Anum_pg_attrdef_adrelid, ObjectIdGetDatum(relid))
		.Set(Anum_pg_attrdef_adnum, Int16GetDatum(attnum))
		.Set(Anum_pg_attrdef_adbin, PointerGetDatum(cstring_to_text(nodeToString(expr))));
	CatalogTupleInsert(pg_attrdef, row.Form());
	relation_close(pg_attrdef, RowExclusiveLock);
}

Node *build_column_default(Relation rel, int attrno)
{
	TupleConstr *constr = RelationGetDescr(rel)->constr;
	if (constr == nullptr)
		return nullptr;
	for (int i = 0; i < constr->num_defval; i++)
		if (constr->defval[i].adnum == attrno)
			return static_cast<Node *>(stringToNode(constr->defval[i].adbin));
	return nullptr;
}

Oid GetNewRelationOid(void)
{
	for (;;)
	{
		Oid oid = GetNewObjectId();
		if (!SearchSysCacheExists1(RELOID, ObjectIdGetDatum(oid)) &&
			!SearchSysCacheExists1(TYPEOID, ObjectIdGetDatum(oid)))
			return oid;
	}
}

Oid heap_create_with_catalog(const char *relname, Oid relnamespace, TupleDesc tupdesc, char relkind,
							 char relpersistence)
{
	if (relpersistence == 't')
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("temporary tables are not supported yet"));
	if (tupdesc->natts > MaxHeapAttributeNumber)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_COLUMNS),
				errmsg("tables can have at most %d columns", MaxHeapAttributeNumber));
	Oid relid = GetNewRelationOid();
	Oid typid = GetNewRelationOid();
	while (typid == relid)
		typid = GetNewRelationOid();

	RelFileNode rnode{DEFAULTTABLESPACE_OID, MyDatabaseId, relid};
	RelationCreateStorage(rnode);
	RelationDropStorageOnAbort(rnode);

	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogRow row(pg_class);
	row.Set(Anum_pg_class_oid, ObjectIdGetDatum(relid))
		.SetName(Anum_pg_class_relname, relname)
		.Set(Anum_pg_class_relnamespace, ObjectIdGetDatum(relnamespace))
		.Set(Anum_pg_class_reltype, ObjectIdGetDatum(typid))
		.Set(Anum_pg_class_reloftype, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_relowner, ObjectIdGetDatum(MyUserId))
		.Set(Anum_pg_class_relam, ObjectIdGetDatum(kHeapAmOid))
		.Set(Anum_pg_class_relfilenode, ObjectIdGetDatum(relid))
		.Set(Anum_pg_class_reltablespace, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_relpages, Int32GetDatum(0))
		.Set(Anum_pg_class_reltuples, Float4GetDatum(-1))
		.Set(Anum_pg_class_relallvisible, Int32GetDatum(0))
		.Set(Anum_pg_class_reltoastrelid, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_relhasindex, BoolGetDatum(false))
		.Set(Anum_pg_class_relisshared, BoolGetDatum(false))
		.Set(Anum_pg_class_relpersistence, CharGetDatum(relpersistence))
		.Set(Anum_pg_class_relkind, CharGetDatum(relkind))
		.Set(Anum_pg_class_relnatts, Int16GetDatum(static_cast<int16>(tupdesc->natts)))
		.Set(Anum_pg_class_relchecks, Int16GetDatum(0))
		.Set(Anum_pg_class_relhasrules, BoolGetDatum(false))
		.Set(Anum_pg_class_relhastriggers, BoolGetDatum(false))
		.Set(Anum_pg_class_relhassubclass, BoolGetDatum(false))
		.Set(Anum_pg_class_relrowsecurity, BoolGetDatum(false))
		.Set(Anum_pg_class_relforcerowsecurity, BoolGetDatum(false))
		.Set(Anum_pg_class_relispopulated, BoolGetDatum(true))
		.Set(Anum_pg_class_relreplident, CharGetDatum('d'))
		.Set(Anum_pg_class_relispartition, BoolGetDatum(false))
		.Set(Anum_pg_class_relrewrite, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_relfrozenxid, TransactionIdGetDatum(GetTopTransactionId()))
		.Set(Anum_pg_class_relminmxid, TransactionIdGetDatum(1));
	CatalogTupleInsert(pg_class, row.Form());
	relation_close(pg_class, RowExclusiveLock);

	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	for (int i = 0; i < tupdesc->natts; i++)
		InsertAttribute(pg_attribute, relid, *TupleDescAttr(tupdesc, i));
	for (const SystemColumn &sys : kSystemColumns)
	{
		FormData_pg_attribute att;
		memset(&att, 0, sizeof att);
		strlcpy(NameStr(att.attname), sys.name, NAMEDATALEN);
		att.atttypid = sys.type;
		att.attlen = sys.len;
		att.attnum = sys.attnum;
		att.atttypmod = -1;
		att.attbyval = sys.byval;
		att.attalign = sys.align;
		att.attstorage = 'p';
		att.attnotnull = true;
		InsertAttribute(pg_attribute, relid, att);
	}
	relation_close(pg_attribute, RowExclusiveLock);

	InsertRowType(typid, relname, relnamespace, relid);
	return relid;
}

void heap_drop_with_catalog(Oid relid)
{
	HeapTuple classtup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(relid));
	if (classtup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	auto *classform = reinterpret_cast<Form_pg_class>(GETSTRUCT(classtup));
	Oid typid = classform->reltype;
	RelFileNode rnode{OidIsValid(classform->reltablespace) ? classform->reltablespace
														   : DEFAULTTABLESPACE_OID,
					  MyDatabaseId,
					  OidIsValid(classform->relfilenode) ? classform->relfilenode : relid};

	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	for (int attnum = FirstLowInvalidHeapAttributeNumber + 1; attnum <= classform->relnatts;
		 attnum++)
	{
		if (attnum == 0)
			continue;
		HeapTuple att = SearchSysCache2(ATTNUM, ObjectIdGetDatum(relid),
										Int16GetDatum(static_cast<int16>(attnum)));
		if (att != nullptr)
			CatalogTupleDelete(pg_attribute, &att->t_self);
	}
	relation_close(pg_attribute, RowExclusiveLock);

	if (HeapTuple typtup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid)))
	{
		Relation pg_type = relation_open(TypeRelationId, RowExclusiveLock);
		CatalogTupleDelete(pg_type, &typtup->t_self);
		relation_close(pg_type, RowExclusiveLock);
	}

	/* Its column defaults. */
	{
		Relation pg_attrdef = relation_open(AttrDefaultRelationId, RowExclusiveLock);
		Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
		HeapScanDesc scan = heap_beginscan(pg_attrdef, snapshot);
		std::vector<ItemPointerData> doomed;
		while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
		{
			bool isnull;
			Datum adrelid = heap_getattr(t, Anum_pg_attrdef_adrelid, RelationGetDescr(pg_attrdef),
										 &isnull);
			if (DatumGetObjectId(adrelid) == relid)
				doomed.push_back(t->t_self);
		}
		heap_endscan(scan);
		UnregisterSnapshot(snapshot);
		for (ItemPointerData &tid : doomed)
			CatalogTupleDelete(pg_attrdef, &tid);
		relation_close(pg_attrdef, RowExclusiveLock);
	}

	RemoveStatistics(relid);

	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleDelete(pg_class, &classtup->t_self);
	relation_close(pg_class, RowExclusiveLock);

	RelationDropStorage(rnode);
	RelationCacheInvalidateEntry(relid);
}
