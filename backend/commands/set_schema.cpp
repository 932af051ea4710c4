/*
 * set_schema.cpp — ALTER TABLE/VIEW/SEQUENCE … SET SCHEMA (PostgreSQL's
 * AlterTableNamespace, commands/tablecmds.h).
 *
 * Principal entry point: AlterTableNamespace.
 *
 * The relation is locked AccessExclusive and moved with what belongs to
 * it, as PostgreSQL moves them: its row type and that type's array type,
 * its indexes, its constraints (pg_constraint.connamespace) and the
 * sequences its columns own (serial and identity columns).  Each moved
 * object's pg_depend row on its schema follows.  What refers to the
 * relation does so by OID (views, defaults' nextval('…'::regclass)), so
 * it keeps working and prints the new schema.  A name already taken in
 * the new schema is 42P07 (42710 for the row type); moving into or out of
 * a temporary schema, or a sequence a column owns on its own, is 0A000.
 */
#include "postgres.h"

#include <vector>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_type_d.h"
#include "commands/tablecmds.h"
#include "commands/owner.h"
#include "nodes/pg_list.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

namespace {

/* The object's pg_depend row on its schema now names newnsp (PostgreSQL's
 * changeDependencyFor): only where it had one. */
void ChangeNamespaceDependency(Oid classId, Oid objectId, Oid newnsp)
{
	if (deleteDependencyRecordsForClass(classId, objectId, NamespaceRelationId,
										DEPENDENCY_NORMAL) == 0)
		return;
	ObjectAddress object;
	ObjectAddress nsp;
	ObjectAddressSet(object, classId, objectId);
	ObjectAddressSet(nsp, NamespaceRelationId, newnsp);
	recordDependencyOn(&object, &nsp, DEPENDENCY_NORMAL);
}

/* Type typid (a row type, or its array type) into newnsp; 42710 if its
 * name is taken there. */
void MoveType(Oid typid, Oid newnsp)
{
	HeapTuple cached = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	if (cached == nullptr)
		elog(ERROR, "cache lookup failed for type %u", typid);
	HeapTuple tup = heap_copytuple(cached);
	ReleaseSysCache(cached);
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
	if (form->typnamespace == newnsp)
		return;
	if (OidIsValid(GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
								   CStringGetDatum(NameStr(form->typname)),
								   ObjectIdGetDatum(newnsp))))
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
				errmsg("type \"%s\" already exists in schema \"%s\"", NameStr(form->typname),
					   get_namespace_name(newnsp)));
	Oid array = form->typarray;
	form->typnamespace = newnsp;
	Relation pg_type = relation_open(TypeRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_type, &tup->t_self, tup);
	relation_close(pg_type, RowExclusiveLock);
	ChangeNamespaceDependency(TypeRelationId, typid, newnsp);
	if (OidIsValid(array))
		MoveType(array, newnsp);
}

/* Relation relid (and its row type) into newnsp, unless moved already
 * (a sequence owned by two columns); 42P07 if its name is taken there. */
void MoveRelation(Oid relid, Oid newnsp, std::vector<Oid> *moved)
{
	for (Oid done : *moved)
		if (done == relid)
			return;
	moved->push_back(relid);
	HeapTuple cached = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (cached == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	HeapTuple tup = heap_copytuple(cached);
	ReleaseSysCache(cached);
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	if (form->relnamespace == newnsp)
		return;
	if (OidIsValid(GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid,
								   CStringGetDatum(NameStr(form->relname)),
								   ObjectIdGetDatum(newnsp))))
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_TABLE),
				errmsg("relation \"%s\" already exists in schema \"%s\"", NameStr(form->relname),
					   get_namespace_name(newnsp)));
	Oid reltype = form->reltype;
	form->relnamespace = newnsp;
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_class, &tup->t_self, tup);
	relation_close(pg_class, RowExclusiveLock);
	ChangeNamespaceDependency(RelationRelationId, relid, newnsp);
	if (OidIsValid(reltype))
		MoveType(reltype, newnsp);
	RelationCacheInvalidateEntry(relid);
}

/* The table's constraints' connamespace. */
void MoveConstraints(Oid relid, Oid newnsp)
{
	Relation pg_constraint = relation_open(ConstraintRelationId, RowExclusiveLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_constraint_conrelid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(relid));
	SysScanDesc scan = systable_beginscan(pg_constraint, ConstraintRelidTypidNameIndexId, true,
										  nullptr, 1, &key);
	std::vector<HeapTuple> found;
	while (HeapTuple t = systable_getnext(scan))
		if (reinterpret_cast<Form_pg_constraint>(GETSTRUCT(t))->connamespace != newnsp)
			found.push_back(heap_copytuple(t));
	systable_endscan(scan);
	for (HeapTuple t : found)
	{
		reinterpret_cast<Form_pg_constraint>(GETSTRUCT(t))->connamespace = newnsp;
		CatalogTupleUpdate(pg_constraint, &t->t_self, t);
	}
	relation_close(pg_constraint, RowExclusiveLock);
}

/* The table that owns sequence seqid (through a column), or InvalidOid. */
Oid SequenceOwner(Oid seqid)
{
	Oid owner = InvalidOid;
	ScanDependRows(false, RelationRelationId, seqid, [&](Form_pg_depend dep, ItemPointer) {
		if (dep->refclassid == RelationRelationId &&
			(dep->deptype == DEPENDENCY_AUTO || dep->deptype == DEPENDENCY_INTERNAL))
			owner = dep->refobjid;
	});
	return owner;
}

}  // namespace

void AlterTableNamespace(AlterObjectSchemaStmt *stmt)
{
	RangeVar *rv = stmt->relation;
	Oid relid = RangeVarGetRelid(rv, AccessExclusiveLock, stmt->missing_ok);
	if (!OidIsValid(relid))
	{
		ereport(NOTICE, errmsg("relation \"%s\" does not exist, skipping", rv->relname));
		return;
	}
	CheckRelationOwner(relid, rv->relname);
	char relkind = get_rel_relkind(relid);
	Oid oldnsp = get_rel_namespace(relid);
	/* ALTER TABLE takes any relation; the others their own kind. */
	if (stmt->objectType == OBJECT_VIEW && relkind != RELKIND_VIEW)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is not a view", rv->relname));
	if (stmt->objectType == OBJECT_SEQUENCE && relkind != RELKIND_SEQUENCE)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is not a sequence", rv->relname));
	if (relkind == RELKIND_INDEX)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("cannot change schema of index \"%s\"", rv->relname),
				errhint("Change the schema of the table instead."));
	if (oldnsp == PG_CATALOG_NAMESPACE)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied: \"%s\" is a system catalog", rv->relname));
	if (relkind == RELKIND_SEQUENCE)
	{
		Oid owner = SequenceOwner(relid);
		if (OidIsValid(owner))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("cannot move an owned sequence into another schema"),
					errdetail("Sequence \"%s\" is linked to table \"%s\".", rv->relname,
							  get_rel_name(owner)));
	}
	Oid newnsp = LookupCreationNamespace(stmt->newschema);
	/* (PostgreSQL's CheckSetNamespace.) */
	if (isAnyTempNamespace(newnsp) || isAnyTempNamespace(oldnsp))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot move objects into or out of temporary schemas"));
	if (newnsp == PG_TOAST_NAMESPACE || oldnsp == PG_TOAST_NAMESPACE)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot move objects into or out of TOAST schema"));
	if (newnsp == oldnsp)
		return;

	std::vector<Oid> moved;
	MoveRelation(relid, newnsp, &moved);
	if (relkind == RELKIND_RELATION)
	{
		Relation rel = relation_open(relid, NoLock);
		List *indexes = list_copy(RelationGetIndexList(rel));
		relation_close(rel, NoLock);
		ListCell *lc;
		foreach (lc, indexes)
			MoveRelation(lfirst_oid(lc), newnsp, &moved);
		MoveConstraints(relid, newnsp);
		for (Oid seq : getOwnedSequences(relid))
			MoveRelation(seq, newnsp, &moved);
	}
	CommandCounterIncrement();
}
