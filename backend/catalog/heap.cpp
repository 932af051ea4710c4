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

#include <algorithm>
#include <memory>
#include <string>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/transam.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/indexing.h"
#include "catalog/pg_attrdef_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_constraint_fns.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_collation_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_shdepend_fns.h"
#include "catalog/pg_type_d.h"
#include "catalog/pg_type_fns.h"
#include "catalog/storage.h"
#include "catalog/toasting.h"
#include "commands/sequence.h"
#include "commands/vacuum.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "parser/parse_node.h"
#include "storage/smgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "pgstat.h"

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

/* A column needs its type and collation. */
void RecordColumnDependencies(Oid relid, Form_pg_attribute att)
{
	ObjectAddress column;
	ObjectAddress referenced;
	ObjectAddressSubSet(column, RelationRelationId, relid, att->attnum);
	ObjectAddressSet(referenced, TypeRelationId, att->atttypid);
	recordDependencyOn(&column, &referenced, DEPENDENCY_NORMAL);
	if (OidIsValid(att->attcollation))
	{
		ObjectAddressSet(referenced, CollationRelationId, att->attcollation);
		recordDependencyOn(&column, &referenced, DEPENDENCY_NORMAL);
	}
}

}  // namespace

namespace {

void InsertRowType(Oid typid, Oid arrayid, const char *relname, Oid relnamespace, Oid relid)
{
	Relation pg_type = relation_open(TypeRelationId, RowExclusiveLock);
	TypeSpec spec;
	spec.oid = typid;
	spec.name = relname;
	spec.namespace_oid = relnamespace;
	spec.typtype = TYPTYPE_COMPOSITE;
	spec.category = TYPCATEGORY_COMPOSITE;
	spec.relid = relid;
	spec.array = arrayid;
	spec.input = kRecordInOid;
	spec.output = kRecordOutOid;
	spec.receive = kRecordRecvOid;
	spec.send = kRecordSendOid;
	spec.align = TYPALIGN_DOUBLE;
	spec.storage = TYPSTORAGE_EXTENDED;
	TypeCreate(pg_type, spec);
	ArrayTypeCreate(pg_type, arrayid, typid, relname, relnamespace, TYPALIGN_DOUBLE);
	relation_close(pg_type, RowExclusiveLock);
}

}  // namespace

void StoreAttrDefault(Oid relid, AttrNumber attnum, Node *expr)
{
	Oid attrdefoid = GetNewObjectId();
	Relation pg_attrdef = relation_open(AttrDefaultRelationId, RowExclusiveLock);
	CatalogRow row(pg_attrdef);
	row.Set(Anum_pg_attrdef_oid, ObjectIdGetDatum(attrdefoid))
		.Set(Anum_pg_attrdef_adrelid, ObjectIdGetDatum(relid))
		.Set(Anum_pg_attrdef_adnum, Int16GetDatum(attnum))
		.Set(Anum_pg_attrdef_adbin, PointerGetDatum(cstring_to_text(nodeToString(expr))));
	CatalogTupleInsert(pg_attrdef, row.Form());
	relation_close(pg_attrdef, RowExclusiveLock);

	/* The default goes with its column; what it calls or names (a
	 * sequence in nextval('s')) cannot go without CASCADE. */
	ObjectAddress def;
	ObjectAddress column;
	ObjectAddressSet(def, AttrDefaultRelationId, attrdefoid);
	ObjectAddressSubSet(column, RelationRelationId, relid, attnum);
	recordDependencyOn(&def, &column, DEPENDENCY_AUTO);
	recordDependencyOnSingleRelExpr(&def, expr, relid, DEPENDENCY_NORMAL, DEPENDENCY_NORMAL);
}

Node *build_column_default(Relation rel, int attrno)
{
	/* An identity column's next value: nextval of its sequence, as the
	 * column's type. */
	Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), attrno - 1);
	if (att->attidentity != '\0')
	{
		Const *seq = makeNullConst(REGCLASSOID, -1, InvalidOid);
		seq->constisnull = false;
		seq->constvalue = ObjectIdGetDatum(getIdentitySequence(RelationGetRelid(rel), attrno));
		FuncExpr *nextval = makeNode(FuncExpr);
		nextval->funcid = F_NEXTVAL;
		nextval->funcresulttype = INT8OID;
		nextval->funcformat = COERCE_EXPLICIT_CALL;
		nextval->args = list_make1(seq);
		nextval->location = -1;
		return coerce_to_target_type(nullptr, reinterpret_cast<Node *>(nextval), INT8OID,
									 att->atttypid, att->atttypmod, COERCION_ASSIGNMENT,
									 COERCE_IMPLICIT_CAST, -1);
	}
	TupleConstr *constr = RelationGetDescr(rel)->constr;
	if (constr != nullptr)
		for (int i = 0; i < constr->num_defval; i++)
			if (constr->defval[i].adnum == attrno)
				return static_cast<Node *>(stringToNode(constr->defval[i].adbin));
	/* No default of its own: its domain's, as the column's type. */
	if (att->attisdropped)
		return nullptr;
	Node *typdef = get_typdefault(att->atttypid);
	if (typdef == nullptr)
		return nullptr;
	return coerce_to_target_type(nullptr, typdef, exprType(typdef), att->atttypid, att->atttypmod,
								 COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);
}

Oid GetNewRelationOid(void)
{
	for (;;)
	{
		Oid oid = GetNewObjectId();
		if (SearchSysCacheExists1(RELOID, ObjectIdGetDatum(oid)) ||
			SearchSysCacheExists1(TYPEOID, ObjectIdGetDatum(oid)))
			continue;
		/* A relation's file keeps the name of its first OID no longer
		 * than until TRUNCATE gives it a new one: a new relation must
		 * not take the name of a file in use (PostgreSQL's
		 * GetNewRelFileNode). */
		if (!smgrexists(smgropen(RelFileNode{DEFAULTTABLESPACE_OID, MyDatabaseId, oid}),
						MAIN_FORKNUM))
			return oid;
	}
}

bool allowSystemTableMods = false;

void CheckAttributeType(const char *attname, Oid atttypid, Oid attcollation, List *containing)
{
	check_stack_depth();
	char typtype = get_typtype(atttypid);
	if (typtype == TYPTYPE_PSEUDO && !(atttypid == ANYARRAYOID && allowSystemTableMods))
		ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
				errmsg("column \"%s\" has pseudo-type %s", attname, format_type_be(atttypid)));
	if (typtype == TYPTYPE_DOMAIN)
		CheckAttributeType(attname, getBaseType(atttypid), attcollation, containing);
	else if (typtype == TYPTYPE_COMPOSITE)
	{
		/* A row type must not contain itself, however deep down. */
		if (list_member_oid(containing, atttypid))
			ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
					errmsg("composite type %s cannot be made a member of itself",
						   format_type_be(atttypid)));
		List *inner = lappend_oid(list_copy(containing), atttypid);
		Relation rel = relation_open(get_typ_typrelid(atttypid), AccessShareLock);
		TupleDesc desc = RelationGetDescr(rel);
		for (int i = 0; i < desc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, i);
			if (!att->attisdropped)
				CheckAttributeType(NameStr(att->attname), att->atttypid, att->attcollation, inner);
		}
		relation_close(rel, AccessShareLock);
	}
	else if (Oid elem = get_element_type(atttypid); OidIsValid(elem))
		CheckAttributeType(attname, elem, attcollation, containing);
	/* Useless, and it could not be dumped. */
	if (!OidIsValid(attcollation) && OidIsValid(get_typcollation(atttypid)))
		ereport(ERROR, errcode(ERRCODE_INDETERMINATE_COLLATION),
				errmsg("no collation was derived for column \"%s\" with collatable type %s",
					   attname, format_type_be(atttypid)),
				errhint("Use the COLLATE clause to set the collation explicitly."));
}

Oid heap_create_with_catalog(const char *relname, Oid relnamespace, TupleDesc tupdesc, char relkind,
							 char relpersistence)
{
	if (tupdesc->natts > MaxHeapAttributeNumber)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_COLUMNS),
				errmsg("tables can have at most %d columns", MaxHeapAttributeNumber));
	for (int i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);
		if (!att->attisdropped)
			CheckAttributeType(NameStr(att->attname), att->atttypid, att->attcollation, NIL);
	}
	Oid relid = GetNewRelationOid();
	/* Sequences and TOAST tables have no row type, as in PostgreSQL. */
	bool has_rowtype = relkind != RELKIND_SEQUENCE && relkind != RELKIND_TOASTVALUE;
	Oid typid = InvalidOid;
	while (has_rowtype && (!OidIsValid(typid) || typid == relid))
		typid = GetNewRelationOid();
	Oid arrayid = InvalidOid;
	while (has_rowtype && (!OidIsValid(arrayid) || arrayid == relid || arrayid == typid))
		arrayid = GetNewRelationOid();

	/* A view or composite type has no file, no access method and no
	 * system columns. */
	bool has_storage = relkind != RELKIND_VIEW && relkind != RELKIND_COMPOSITE_TYPE;
	if (has_storage)
	{
		RelFileNode rnode{DEFAULTTABLESPACE_OID, MyDatabaseId, relid};
		RelationCreateStorage(rnode);
		RelationDropStorageOnAbort(rnode);
	}

	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogRow row(pg_class);
	row.Set(Anum_pg_class_oid, ObjectIdGetDatum(relid))
		.SetName(Anum_pg_class_relname, relname)
		.Set(Anum_pg_class_relnamespace, ObjectIdGetDatum(relnamespace))
		.Set(Anum_pg_class_reltype, ObjectIdGetDatum(typid))
		.Set(Anum_pg_class_reloftype, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_relowner, ObjectIdGetDatum(MyUserId))
		.Set(Anum_pg_class_relam, ObjectIdGetDatum(has_storage ? kHeapAmOid : InvalidOid))
		.Set(Anum_pg_class_relfilenode, ObjectIdGetDatum(has_storage ? relid : InvalidOid))
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
		.Set(Anum_pg_class_relhasrules, BoolGetDatum(relkind == RELKIND_VIEW))
		.Set(Anum_pg_class_relhastriggers, BoolGetDatum(false))
		.Set(Anum_pg_class_relhassubclass, BoolGetDatum(false))
		.Set(Anum_pg_class_relrowsecurity, BoolGetDatum(false))
		.Set(Anum_pg_class_relforcerowsecurity, BoolGetDatum(false))
		.Set(Anum_pg_class_relispopulated, BoolGetDatum(true))
		.Set(Anum_pg_class_relreplident, CharGetDatum('d'))
		.Set(Anum_pg_class_relispartition, BoolGetDatum(false))
		.Set(Anum_pg_class_relrewrite, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_relfrozenxid,
			 TransactionIdGetDatum(has_storage ? GetTopTransactionId() : InvalidTransactionId))
		.Set(Anum_pg_class_relminmxid, TransactionIdGetDatum(has_storage ? 1 : 0));
	CatalogTupleInsert(pg_class, row.Form());
	relation_close(pg_class, RowExclusiveLock);

	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	for (int i = 0; i < tupdesc->natts; i++)
		InsertAttribute(pg_attribute, relid, *TupleDescAttr(tupdesc, i));
	for (const SystemColumn &sys : kSystemColumns)
	{
		if (!has_storage)
			break;
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

	if (has_rowtype)
		InsertRowType(typid, arrayid, relname, relnamespace, relid);

	/* The relation needs its schema and its columns' types; its row type
	 * is part of it (PostgreSQL's heap_create_with_catalog and
	 * GenerateTypeDependencies).  Pinned ones record nothing. */
	ObjectAddress myself;
	ObjectAddress referenced;
	ObjectAddressSet(myself, RelationRelationId, relid);
	ObjectAddressSet(referenced, NamespaceRelationId, relnamespace);
	ObjectAddress rowtype;
	ObjectAddressSet(rowtype, TypeRelationId, typid);
	/* A composite type's schema and extension are its type's. */
	const ObjectAddress &owner = relkind == RELKIND_COMPOSITE_TYPE ? rowtype : myself;
	recordDependencyOn(&owner, &referenced, DEPENDENCY_NORMAL);
	/* Its owner (pg_shdepend): a composite type's is its type's; a TOAST
	 * table has none of its own. */
	if (relkind != RELKIND_TOASTVALUE)
		recordDependencyOnOwner(owner.classId, owner.objectId, MyUserId);
	/* A TOAST table goes with its table, not as an extension member. */
	if (relkind != RELKIND_TOASTVALUE)
		recordDependencyOnCurrentExtension(&owner, false);
	for (int i = 0; i < tupdesc->natts; i++)
		RecordColumnDependencies(relid, TupleDescAttr(tupdesc, i));
	if (has_rowtype)
	{
		/* A table's row type goes with the table; a stand-alone composite
		 * type's relation goes with the type (PostgreSQL's
		 * GenerateTypeDependencies). */
		if (relkind == RELKIND_COMPOSITE_TYPE)
			recordDependencyOn(&myself, &rowtype, DEPENDENCY_INTERNAL);
		else
			recordDependencyOn(&rowtype, &myself, DEPENDENCY_INTERNAL);
		ObjectAddress arraytype;
		ObjectAddressSet(arraytype, TypeRelationId, arrayid);
		recordDependencyOn(&arraytype, &rowtype, DEPENDENCY_INTERNAL);
	}
	/* Its TOAST table, if its rows could grow large. */
	if (relkind == RELKIND_RELATION || relkind == RELKIND_MATVIEW)
	{
		CommandCounterIncrement();
		AlterTableCreateToastTable(relid);
	}
	return relid;
}

void heap_add_columns(Oid relid, TupleDesc tupdesc, int first)
{
	HeapTuple classtup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(relid));
	if (classtup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	auto *classform = reinterpret_cast<Form_pg_class>(GETSTRUCT(classtup));
	for (int i = first; i < tupdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);
		CheckAttributeType(NameStr(att->attname), att->atttypid, att->attcollation,
						   list_make1_oid(classform->reltype));
	}
	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	for (int i = first; i < tupdesc->natts; i++)
		InsertAttribute(pg_attribute, relid, *TupleDescAttr(tupdesc, i));
	relation_close(pg_attribute, RowExclusiveLock);
	for (int i = first; i < tupdesc->natts; i++)
		RecordColumnDependencies(relid, TupleDescAttr(tupdesc, i));
	classform->relnatts = static_cast<int16>(tupdesc->natts);
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_class, &classtup->t_self, classtup);
	relation_close(pg_class, RowExclusiveLock);
	RelationCacheInvalidateEntry(relid);
	/* A new column may be the first that can grow large. */
	CommandCounterIncrement();
	AlterTableCreateToastTable(relid);
}

void SetAttrMissing(Oid relid, AttrNumber attnum, Datum value)
{
	HeapTuple atttup = SearchSysCache2(ATTNUM, ObjectIdGetDatum(relid), Int16GetDatum(attnum));
	if (atttup == nullptr)
		elog(ERROR, "cache lookup failed for attribute %d of relation %u", attnum, relid);
	auto *att = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(atttup));
	/* attmissingval is an array of the column's type holding the value. */
	ArrayType *array = construct_array(&value, 1, att->atttypid, att->attlen, att->attbyval,
									   att->attalign);
	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	TupleDesc desc = RelationGetDescr(pg_attribute);
	std::vector<Datum> values(static_cast<size_t>(desc->natts));
	std::unique_ptr<bool[]> nulls(new bool[desc->natts]());
	std::unique_ptr<bool[]> replace(new bool[desc->natts]());
	values[Anum_pg_attribute_atthasmissing - 1] = BoolGetDatum(true);
	replace[Anum_pg_attribute_atthasmissing - 1] = true;
	values[Anum_pg_attribute_attmissingval - 1] = PointerGetDatum(array);
	replace[Anum_pg_attribute_attmissingval - 1] = true;
	HeapTuple newtup = heap_modify_tuple(atttup, desc, values.data(), nulls.get(), replace.get());
	CatalogTupleUpdate(pg_attribute, &newtup->t_self, newtup);
	relation_close(pg_attribute, RowExclusiveLock);
	RelationCacheInvalidateEntry(relid);
}

void RemoveAttributeById(Oid relid, AttrNumber attnum)
{
	HeapTuple atttup = SearchSysCache2(ATTNUM, ObjectIdGetDatum(relid), Int16GetDatum(attnum));
	if (atttup == nullptr)
		elog(ERROR, "cache lookup failed for attribute %d of relation %u", attnum, relid);
	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	TupleDesc desc = RelationGetDescr(pg_attribute);
	std::vector<Datum> values(static_cast<size_t>(desc->natts));
	std::unique_ptr<bool[]> nulls(new bool[desc->natts]());
	std::unique_ptr<bool[]> replace(new bool[desc->natts]());
	auto set = [&](int anum, Datum value) {
		values[anum - 1] = value;
		replace[anum - 1] = true;
	};
	char newname[NAMEDATALEN];
	snprintf(newname, sizeof newname, "........pg.dropped.%d........", attnum);
	NameData name;
	namestrcpy(&name, newname);
	set(Anum_pg_attribute_attname, NameGetDatum(&name));
	set(Anum_pg_attribute_atttypid, ObjectIdGetDatum(InvalidOid));
	set(Anum_pg_attribute_attisdropped, BoolGetDatum(true));
	set(Anum_pg_attribute_attnotnull, BoolGetDatum(false));
	set(Anum_pg_attribute_atthasdef, BoolGetDatum(false));
	set(Anum_pg_attribute_attstattarget, Int32GetDatum(0));
	set(Anum_pg_attribute_attgenerated, CharGetDatum('\0'));
	set(Anum_pg_attribute_attidentity, CharGetDatum('\0'));
	set(Anum_pg_attribute_atthasmissing, BoolGetDatum(false));
	set(Anum_pg_attribute_attcollation, ObjectIdGetDatum(InvalidOid));
	replace[Anum_pg_attribute_attmissingval - 1] = true;
	nulls[Anum_pg_attribute_attmissingval - 1] = true;
	HeapTuple newtup = heap_modify_tuple(atttup, desc, values.data(), nulls.get(), replace.get());
	CatalogTupleUpdate(pg_attribute, &newtup->t_self, newtup);
	relation_close(pg_attribute, RowExclusiveLock);
	RemoveColumnStatistics(relid, attnum);
	RelationCacheInvalidateEntry(relid);
}

void heap_drop_with_catalog(Oid relid)
{
	HeapTuple classtup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(relid));
	if (classtup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	auto *classform = reinterpret_cast<Form_pg_class>(GETSTRUCT(classtup));
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

	if (classform->relkind == RELKIND_SEQUENCE)
		DeleteSequenceTuple(relid);

	RemoveStatistics(relid);

	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleDelete(pg_class, &classtup->t_self);
	relation_close(pg_class, RowExclusiveLock);

	if (classform->relkind != RELKIND_VIEW)
		RelationDropStorage(rnode);
	pgstat_drop_relation(classform->relisshared ? InvalidOid : MyDatabaseId, relid);
	RelationCacheInvalidateEntry(relid);
}

namespace {

bool CollectColumns(Node *node, void *columns)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Var) && reinterpret_cast<Var *>(node)->varlevelsup == 0 &&
		reinterpret_cast<Var *>(node)->varattno > 0)
		static_cast<std::vector<AttrNumber> *>(columns)->push_back(
			reinterpret_cast<Var *>(node)->varattno);
	return node_children_walker(node, CollectColumns, columns);
}

/* A CHECK's expression, analyzed against the table alone (PostgreSQL's
 * cookConstraint). */
Node *CookCheck(Relation rel, Node *raw, const char *queryString)
{
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;
	RangeVar *rv = makeNode(RangeVar);
	rv->schemaname = get_namespace_name(RelationGetNamespace(rel));
	rv->relname = pstrdup(RelationGetRelationName(rel));
	rv->inh = true;
	rv->location = -1;
	ParseNamespaceItem *nsitem = addRangeTableEntry(pstate, rv, nullptr, NoLock, true);
	pstate->p_namespace = lappend(pstate->p_namespace, nsitem);
	Node *expr = coerce_to_boolean(pstate, transformExpr(pstate, raw, EXPR_KIND_CHECK_CONSTRAINT),
								   "CHECK");
	if (list_length(pstate->p_rtable) != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
				errmsg("only table \"%s\" can be referenced in check constraint",
					   RelationGetRelationName(rel)));
	free_parsestate(pstate);
	return expr;
}

}  // namespace

std::vector<CookedCheck> AddRelationCheckConstraints(Relation rel,
													 const std::vector<Constraint *> &checks,
													 const char *queryString)
{
	std::vector<CookedCheck> cooked;
	std::vector<std::string> names;
	for (Constraint *con : checks)
	{
		Node *expr = CookCheck(rel, con->raw_expr, queryString);
		std::string name;
		if (con->conname != nullptr)
		{
			name = con->conname;
			if (std::find(names.begin(), names.end(), name) != names.end())
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
						errmsg("check constraint \"%s\" already exists", con->conname));
			if (ConstraintNameIsUsed(RelationGetRelid(rel), con->conname))
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
						errmsg("constraint \"%s\" for relation \"%s\" already exists", con->conname,
							   RelationGetRelationName(rel)));
		}
		/* The columns it reads, in order of appearance (conkey). */
		std::vector<AttrNumber> columns;
		(void) CollectColumns(expr, &columns);
		std::vector<AttrNumber> keys;
		for (AttrNumber a : columns)
			if (std::find(keys.begin(), keys.end(), a) == keys.end())
				keys.push_back(a);
		if (con->conname == nullptr)
		{
			/* Named after its column when it reads exactly one. */
			const char *colname = keys.size() == 1
				? NameStr(TupleDescAttr(RelationGetDescr(rel), keys[0] - 1)->attname)
				: nullptr;
			name = ChooseConstraintName(RelationGetRelationName(rel), colname, "check",
										RelationGetNamespace(rel), names);
		}
		names.push_back(name);

		ConstraintSpec spec;
		spec.name = name.c_str();
		spec.contype = CONSTRAINT_CHECK;
		spec.validated = !con->skip_validation;
		spec.noinherit = con->is_no_inherit;
		spec.relid = RelationGetRelid(rel);
		spec.relnamespace = RelationGetNamespace(rel);
		spec.keys = keys;
		spec.expr = expr;
		(void) CreateConstraintEntry(spec);
		cooked.push_back({name, expr, !con->skip_validation});
	}
	if (cooked.empty())
		return cooked;

	/* pg_class.relchecks counts them. */
	HeapTuple classtup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(RelationGetRelid(rel)));
	if (classtup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", RelationGetRelid(rel));
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(classtup));
	form->relchecks = static_cast<int16>(form->relchecks + static_cast<int>(cooked.size()));
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_class, &classtup->t_self, classtup);
	relation_close(pg_class, RowExclusiveLock);
	return cooked;
}
