/*
 * owner.cpp — object owners (commands/owner.h): the ownership checks DDL
 * makes, ALTER … OWNER TO for every kind of object Tusk can create, DROP
 * OWNED and REASSIGN OWNED.
 *
 * Principal entry points: ObjectOwnerCheck, ReportNotOwner,
 * ExecAlterOwnerStmt, AlterTableOwner, AlterRelationOwner,
 * AlterTypeOwnerByOid, AlterSchemaOwnerByOid, AlterObjectOwnerGeneric,
 * DropOwnedObjects, ReassignOwnedObjects.
 *
 * Who may change an owner (PostgreSQL 15): a superuser, or the current
 * owner (a role with the owner's privileges) who is also a member of the
 * new owner role and — so that ownership cannot be used to put objects
 * where the new owner could not create them — where the new owner has
 * CREATE on the object's schema.  A schema's new owner needs nothing on
 * the database, but the current user needs CREATE there; a database's
 * needs the current user to have CREATEDB.  Giving an object to its
 * owner is a no-op that is never refused (pg_dump's restores do it).
 *
 * What follows an owner change, as in PostgreSQL: a table's row type and
 * its array type, its indexes, TOAST table and the sequences its columns
 * own (serial, identity, OWNED BY); a type's array type; a composite
 * type's relation.  An index cannot change owner alone (a WARNING, no
 * change), nor can a sequence a column owns (0A000).  The object's
 * pg_shdepend owner row follows (catalog/pg_shdepend_fns.h).
 */
#include "postgres.h"

#include <memory>
#include <string>
#include <vector>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/tupdesc.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_extension_d.h"
#include "catalog/pg_language_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_shdepend_fns.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "commands/owner.h"
#include "miscadmin.h"
#include "parser/parse_expr.h"
#include "parser/parse_func.h"
#include "storage/lmgr.h"
#include "utils/acl.h"
#include "utils/fmgroids.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

namespace {

/* Where a catalog keeps an object's OID, owner, schema, name and ACL
 * (PostgreSQL's ObjectProperty table, for the catalogs with owners that
 * Tusk can create rows in). */
constexpr AttrNumber kNoColumn = 0;

struct OwnerColumns
{
	Oid classId;
	Oid oidIndexId;
	AttrNumber oid;
	AttrNumber owner;
	AttrNumber nsp; /* kNoColumn: not in a schema */
	AttrNumber name;
};

constexpr OwnerColumns kOwnerColumns[] = {
	{RelationRelationId, ClassOidIndexId, Anum_pg_class_oid, Anum_pg_class_relowner,
	 Anum_pg_class_relnamespace, Anum_pg_class_relname},
	{TypeRelationId, TypeOidIndexId, Anum_pg_type_oid, Anum_pg_type_typowner,
	 Anum_pg_type_typnamespace, Anum_pg_type_typname},
	{NamespaceRelationId, NamespaceOidIndexId, Anum_pg_namespace_oid, Anum_pg_namespace_nspowner,
	 kNoColumn, Anum_pg_namespace_nspname},
	{ProcedureRelationId, ProcedureOidIndexId, Anum_pg_proc_oid, Anum_pg_proc_proowner,
	 Anum_pg_proc_pronamespace, Anum_pg_proc_proname},
	{DatabaseRelationId, DatabaseOidIndexId, Anum_pg_database_oid, Anum_pg_database_datdba,
	 kNoColumn, Anum_pg_database_datname},
	{ExtensionRelationId, ExtensionOidIndexId, Anum_pg_extension_oid, Anum_pg_extension_extowner,
	 Anum_pg_extension_extnamespace, Anum_pg_extension_extname},
	{LanguageRelationId, LanguageOidIndexId, Anum_pg_language_oid, Anum_pg_language_lanowner,
	 kNoColumn, Anum_pg_language_lanname},
};

const OwnerColumns &ColumnsOf(Oid classId)
{
	for (const OwnerColumns &c : kOwnerColumns)
		if (c.classId == classId)
			return c;
	elog(ERROR, "objects of catalog %u have no owner Tusk knows of", classId);
}

/* A copy of the object's catalog row, or NULL. */
HeapTuple FetchObjectRow(Relation catalog, const OwnerColumns &cols, Oid objectId)
{
	ScanKeyData key;
	ScanKeyInit(&key, cols.oid, BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(objectId));
	SysScanDesc scan = systable_beginscan(catalog, cols.oidIndexId, true, nullptr, 1, &key);
	HeapTuple tup = systable_getnext(scan);
	if (tup != nullptr)
		tup = heap_copytuple(tup);
	systable_endscan(scan);
	return tup;
}

Oid OidColumn(HeapTuple tup, Relation catalog, AttrNumber attnum)
{
	bool isnull;
	Datum d = heap_getattr(tup, attnum, RelationGetDescr(catalog), &isnull);
	return isnull ? InvalidOid : DatumGetObjectId(d);
}

/* The object's owner; ERROR if it does not exist. */
Oid ObjectOwner(Oid classId, Oid objectId)
{
	const OwnerColumns &cols = ColumnsOf(classId);
	Relation catalog = relation_open(classId, AccessShareLock);
	HeapTuple tup = FetchObjectRow(catalog, cols, objectId);
	if (tup == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("object %u of catalog %u does not exist", objectId, classId));
	Oid owner = OidColumn(tup, catalog, cols.owner);
	relation_close(catalog, AccessShareLock);
	return owner;
}

const char *ObjectKindWords(ObjectType objtype)
{
	switch (objtype)
	{
		case OBJECT_AGGREGATE:
			return "aggregate";
		case OBJECT_COLLATION:
			return "collation";
		case OBJECT_CONVERSION:
			return "conversion";
		case OBJECT_DATABASE:
			return "database";
		case OBJECT_DOMAIN:
			return "domain";
		case OBJECT_EVENT_TRIGGER:
			return "event trigger";
		case OBJECT_EXTENSION:
			return "extension";
		case OBJECT_FDW:
			return "foreign-data wrapper";
		case OBJECT_FOREIGN_SERVER:
			return "foreign server";
		case OBJECT_FOREIGN_TABLE:
			return "foreign table";
		case OBJECT_FUNCTION:
			return "function";
		case OBJECT_INDEX:
			return "index";
		case OBJECT_LANGUAGE:
			return "language";
		case OBJECT_LARGEOBJECT:
			return "large object";
		case OBJECT_MATVIEW:
			return "materialized view";
		case OBJECT_OPCLASS:
			return "operator class";
		case OBJECT_OPERATOR:
			return "operator";
		case OBJECT_OPFAMILY:
			return "operator family";
		case OBJECT_PROCEDURE:
			return "procedure";
		case OBJECT_PUBLICATION:
			return "publication";
		case OBJECT_ROUTINE:
			return "routine";
		case OBJECT_SEQUENCE:
			return "sequence";
		case OBJECT_SUBSCRIPTION:
			return "subscription";
		case OBJECT_TABLE:
			return "table";
		case OBJECT_TYPE:
			return "type";
		case OBJECT_VIEW:
			return "view";
		case OBJECT_SCHEMA:
			return "schema";
		case OBJECT_STATISTIC_EXT:
			return "statistics object";
		case OBJECT_TABLESPACE:
			return "tablespace";
		case OBJECT_TSCONFIGURATION:
			return "text search configuration";
		case OBJECT_TSDICTIONARY:
			return "text search dictionary";
		case OBJECT_COLUMN:
		case OBJECT_POLICY:
		case OBJECT_RULE:
		case OBJECT_TABCONSTRAINT:
		case OBJECT_TRIGGER:
			return "relation";
		default:
			elog(ERROR, "unsupported object type: %d", static_cast<int>(objtype));
	}
}

/* The kind a pg_proc row is named by (PostgreSQL's get_object_type). */
ObjectType RoutineObjectType(char prokind)
{
	switch (prokind)
	{
		case 'a':
			return OBJECT_AGGREGATE;
		case 'p':
			return OBJECT_PROCEDURE;
		default:
			return OBJECT_FUNCTION;
	}
}

ObjectType CatalogObjectType(Oid classId, HeapTuple tup)
{
	switch (classId)
	{
		case ProcedureRelationId:
			return RoutineObjectType(reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup))->prokind);
		case DatabaseRelationId:
			return OBJECT_DATABASE;
		case ExtensionRelationId:
			return OBJECT_EXTENSION;
		case LanguageRelationId:
			return OBJECT_LANGUAGE;
		case NamespaceRelationId:
			return OBJECT_SCHEMA;
		case TypeRelationId:
			return OBJECT_TYPE;
		default:
			return OBJECT_TABLE;
	}
}

void ReportNoCreateOnSchema(Oid nspid)
{
	ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			errmsg("permission denied for schema %s", get_namespace_name(nspid)));
}

/* The checks of an owner change by a non-superuser: the current user owns
 * the object, may become the new owner, and the new owner may create in
 * the object's schema (nspid, if any). */
void CheckOwnerChange(Oid classId, Oid objectId, ObjectType objtype, const char *name, Oid nspid,
					  Oid newOwnerId)
{
	if (superuser())
		return;
	if (!ObjectOwnerCheck(classId, objectId, GetUserId()))
		ReportNotOwner(objtype, name);
	CheckIsMemberOfRole(GetUserId(), newOwnerId);
	if (OidIsValid(nspid) && !NamespaceCreateAllowed(nspid, newOwnerId))
		ReportNoCreateOnSchema(nspid);
}

/* A type's owner, and its array type's (PostgreSQL's
 * AlterTypeOwnerInternal): no checks, no pg_shdepend. */
void SetTypeOwner(Oid typid, Oid newOwnerId)
{
	Relation pg_type = relation_open(TypeRelationId, RowExclusiveLock);
	HeapTuple tup = SearchSysCacheCopy1(TYPEOID, ObjectIdGetDatum(typid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for type %u", typid);
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
	form->typowner = newOwnerId;
	Oid array = form->typarray;
	CatalogTupleUpdate(pg_type, &tup->t_self, tup);
	relation_close(pg_type, RowExclusiveLock);
	if (OidIsValid(array))
		SetTypeOwner(array, newOwnerId);
}

/* The table a sequence belongs to through a column (serial, identity,
 * OWNED BY), or InvalidOid. */
Oid SequenceOwnerTable(Oid seqid)
{
	Oid table = InvalidOid;
	ScanDependRows(false, RelationRelationId, seqid, [&](Form_pg_depend dep, ItemPointer) {
		if (dep->refclassid == RelationRelationId && dep->refobjsubid != 0 &&
			(dep->deptype == DEPENDENCY_AUTO || dep->deptype == DEPENDENCY_INTERNAL))
			table = dep->refobjid;
	});
	return table;
}

/* Whether the role may create in the current database (CREATE on it). */
bool DatabaseCreateAllowed(Oid roleid)
{
	return pg_database_aclcheck(MyDatabaseId, roleid, ACL_CREATE) == ACLCHECK_OK;
}

bool HaveCreatedbPrivilege()
{
	if (superuser())
		return true;
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(GetUserId()));
	if (tup == nullptr)
		return false;
	bool createdb = reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolcreatedb;
	ReleaseSysCache(tup);
	return createdb;
}

/* ALTER TABLE's look-up checks (PostgreSQL's
 * RangeVarCallbackForAlterRelation): the owner, no system catalog, and
 * the statement's kind of relation. */
void CheckAlterRelation(const RangeVar *rv, Oid relid, ObjectType reltype)
{
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	char relkind = form->relkind;
	Oid nsp = form->relnamespace;
	ReleaseSysCache(tup);
	if (!ObjectOwnerCheck(RelationRelationId, relid, GetUserId()))
		ReportNotOwner(RelkindObjectType(relkind), rv->relname);
	if (nsp == PG_CATALOG_NAMESPACE || nsp == PG_TOAST_NAMESPACE)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied: \"%s\" is a system catalog", rv->relname));
	auto wrong = [&](const char *what) {
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is not %s", rv->relname, what));
	};
	if (reltype == OBJECT_SEQUENCE && relkind != RELKIND_SEQUENCE)
		wrong("a sequence");
	if (reltype == OBJECT_VIEW && relkind != RELKIND_VIEW)
		wrong("a view");
	if (reltype == OBJECT_MATVIEW && relkind != RELKIND_MATVIEW)
		wrong("a materialized view");
	if (reltype == OBJECT_FOREIGN_TABLE && relkind != RELKIND_FOREIGN_TABLE)
		wrong("a foreign table");
	if (reltype == OBJECT_INDEX && relkind != RELKIND_INDEX && relkind != RELKIND_PARTITIONED_INDEX)
		wrong("an index");
	if (relkind == RELKIND_COMPOSITE_TYPE)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is a composite type", rv->relname),
				errhint("Use ALTER TYPE instead."));
}

/* ALTER TYPE | DOMAIN name OWNER TO (PostgreSQL's AlterTypeOwner). */
void AlterTypeOwnerStmt(List *names, Oid newOwnerId, ObjectType objtype)
{
	TypeName *tn = makeNode(TypeName);
	tn->names = names;
	tn->typemod = -1;
	tn->location = -1;
	Oid typid = typenameTypeId(nullptr, tn);
	HeapTuple tup = SearchSysCacheCopy1(TYPEOID, ObjectIdGetDatum(typid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for type %u", typid);
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
	if (objtype == OBJECT_DOMAIN && form->typtype != TYPTYPE_DOMAIN)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("%s is not a domain", format_type_be(typid)));
	if (form->typtype == TYPTYPE_COMPOSITE &&
		get_rel_relkind(form->typrelid) != RELKIND_COMPOSITE_TYPE)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("%s is a table's row type", format_type_be(typid)),
				errhint("Use ALTER TABLE instead."));
	if (OidIsValid(form->typelem) && form->typsubscript == F_ARRAY_SUBSCRIPT_HANDLER)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("cannot alter array type %s", format_type_be(typid)),
				errhint("You can alter type %s, which will alter the array type as well.",
						format_type_be(form->typelem)));
	if (form->typowner == newOwnerId)
		return;
	CheckOwnerChange(TypeRelationId, typid, OBJECT_TYPE, format_type_be(typid), form->typnamespace,
					 newOwnerId);
	AlterTypeOwnerByOid(typid, newOwnerId, true);
}

/* ALTER SCHEMA name OWNER TO. */
void AlterSchemaOwner(const char *name, Oid newOwnerId)
{
	Oid nspid = get_namespace_oid(name, true);
	if (!OidIsValid(nspid))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_SCHEMA),
				errmsg("schema \"%s\" does not exist", name));
	AlterSchemaOwnerByOid(nspid, newOwnerId);
}

/* ALTER DATABASE name OWNER TO (PostgreSQL's AlterDatabaseOwner). */
void AlterDatabaseOwner(const char *name, Oid newOwnerId)
{
	Relation pg_database = relation_open(DatabaseRelationId, RowExclusiveLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_database_datname, BTEqualStrategyNumber, F_NAMEEQ,
				CStringGetDatum(name));
	SysScanDesc scan = systable_beginscan(pg_database, DatabaseNameIndexId, true, nullptr, 1, &key);
	HeapTuple tup = systable_getnext(scan);
	if (tup != nullptr)
		tup = heap_copytuple(tup);
	systable_endscan(scan);
	if (tup == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_DATABASE),
				errmsg("database \"%s\" does not exist", name));
	auto *form = reinterpret_cast<Form_pg_database>(GETSTRUCT(tup));
	Oid dbid = form->oid;
	if (form->datdba != newOwnerId)
	{
		if (!ObjectOwnerCheck(DatabaseRelationId, dbid, GetUserId()))
			ReportNotOwner(OBJECT_DATABASE, name);
		CheckIsMemberOfRole(GetUserId(), newOwnerId);
		/* The current user, not the new owner, needs CREATEDB. */
		if (!HaveCreatedbPrivilege())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("permission denied to change owner of database"));
		LockSharedObject(DatabaseRelationId, dbid, 0, AccessExclusiveLock);
		form->datdba = newOwnerId;
		CatalogTupleUpdate(pg_database, &tup->t_self, tup);
		changeDependencyOnOwner(DatabaseRelationId, dbid, newOwnerId);
	}
	relation_close(pg_database, RowExclusiveLock);
}

/* The routine an ALTER FUNCTION | PROCEDURE | ROUTINE names, of the kind
 * it names (PostgreSQL's LookupFuncWithArgs checks). */
Oid LookupRoutine(ObjectType objtype, ObjectWithArgs *func)
{
	Oid funcid = LookupFuncWithArgs(func, false);
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	char prokind = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup))->prokind;
	ReleaseSysCache(tup);
	const char *what = nullptr;
	if (objtype == OBJECT_FUNCTION && prokind == 'p')
		what = "%s is not a function";
	else if (objtype == OBJECT_PROCEDURE && prokind != 'p')
		what = "%s is not a procedure";
	if (what != nullptr)
	{
		std::vector<Oid> argtypes;
		ListCell *lc;
		foreach (lc, func->objargs)
			argtypes.push_back(typenameTypeId(nullptr, static_cast<TypeName *>(lfirst(lc))));
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg(what,
					   funcname_signature_string(NameListToString(func->objname),
												 static_cast<int>(argtypes.size()), NIL,
												 argtypes.data())));
	}
	return funcid;
}

}  // namespace

/* ------------------------------------------------------------- checks */

bool ObjectOwnerCheck(Oid classId, Oid objectId, Oid roleid)
{
	if (superuser_arg(roleid))
		return true;
	return has_privs_of_role(roleid, ObjectOwner(classId, objectId));
}

void ReportNotOwner(ObjectType objtype, const char *name)
{
	ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			errmsg("must be owner of %s %s", ObjectKindWords(objtype), name));
}

ObjectType RelkindObjectType(char relkind)
{
	switch (relkind)
	{
		case RELKIND_INDEX:
		case RELKIND_PARTITIONED_INDEX:
			return OBJECT_INDEX;
		case RELKIND_SEQUENCE:
			return OBJECT_SEQUENCE;
		case RELKIND_VIEW:
			return OBJECT_VIEW;
		case RELKIND_MATVIEW:
			return OBJECT_MATVIEW;
		case RELKIND_FOREIGN_TABLE:
			return OBJECT_FOREIGN_TABLE;
		default:
			return OBJECT_TABLE;
	}
}

void CheckRelationOwner(Oid relid, const char *name)
{
	if (!ObjectOwnerCheck(RelationRelationId, relid, GetUserId()))
		ReportNotOwner(RelkindObjectType(get_rel_relkind(relid)), name);
}

void CheckIsMemberOfRole(Oid member, Oid role)
{
	if (is_member_of_role(member, role))
		return;
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(role));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for role %u", role);
	std::string name = NameStr(reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolname);
	ReleaseSysCache(tup);
	ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			errmsg("must be member of role \"%s\"", name.c_str()));
}

Oid RoleSpecGetOid(const RoleSpec *role)
{
	switch (role->roletype)
	{
		case ROLESPEC_CSTRING:
			return get_role_oid(role->rolename, false);
		case ROLESPEC_CURRENT_ROLE:
		case ROLESPEC_CURRENT_USER:
			return GetUserId();
		case ROLESPEC_SESSION_USER:
			return GetSessionUserId();
		case ROLESPEC_PUBLIC:
			break;
	}
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
			errmsg("role \"%s\" does not exist", "public"));
}

bool NamespaceCreateAllowed(Oid nspid, Oid roleid)
{
	return pg_namespace_aclcheck(nspid, roleid, ACL_CREATE) == ACLCHECK_OK;
}

/* ------------------------------------------------------ changing owners */

void AlterRelationOwner(Oid relid, Oid newOwnerId, bool recursing)
{
	LockRelationOid(relid, AccessExclusiveLock);
	HeapTuple tup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	std::string relname = NameStr(form->relname);
	switch (form->relkind)
	{
		case RELKIND_RELATION:
		case RELKIND_VIEW:
		case RELKIND_MATVIEW:
		case RELKIND_FOREIGN_TABLE:
		case RELKIND_PARTITIONED_TABLE:
			break;
		case RELKIND_INDEX:
			if (!recursing)
			{
				/* Old dumps say ALTER INDEX … OWNER TO: a WARNING, and
				 * silence when it would change nothing. */
				if (form->relowner != newOwnerId)
					ereport(WARNING, errcode(ERRCODE_WRONG_OBJECT_TYPE),
							errmsg("cannot change owner of index \"%s\"", relname.c_str()),
							errhint("Change the ownership of the index's table, instead."));
				newOwnerId = form->relowner;
			}
			break;
		case RELKIND_PARTITIONED_INDEX:
			if (recursing)
				break;
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("cannot change owner of index \"%s\"", relname.c_str()),
					errhint("Change the ownership of the index's table, instead."));
			break;
		case RELKIND_SEQUENCE:
			if (!recursing && form->relowner != newOwnerId)
			{
				Oid table = SequenceOwnerTable(relid);
				if (OidIsValid(table))
					ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
							errmsg("cannot change owner of sequence \"%s\"", relname.c_str()),
							errdetail("Sequence \"%s\" is linked to table \"%s\".", relname.c_str(),
									  get_rel_name(table)));
			}
			break;
		case RELKIND_COMPOSITE_TYPE:
			if (recursing)
				break;
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("\"%s\" is a composite type", relname.c_str()),
					errhint("Use ALTER TYPE instead."));
			break;
		case RELKIND_TOASTVALUE:
			if (recursing)
				break;
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("cannot change owner of relation \"%s\"", relname.c_str()),
					errdetail("This operation is not supported for TOAST tables."));
			break;
		default:
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("cannot change owner of relation \"%s\"", relname.c_str()));
	}
	if (form->relowner == newOwnerId)
		return;
	if (!recursing)
		CheckOwnerChange(RelationRelationId, relid, RelkindObjectType(form->relkind),
						 relname.c_str(), form->relnamespace, newOwnerId);

	char relkind = form->relkind;
	Oid reltype = form->reltype;
	Oid toast = form->reltoastrelid;
	form->relowner = newOwnerId;
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_class, &tup->t_self, tup);
	relation_close(pg_class, RowExclusiveLock);
	RelationCacheInvalidateEntry(relid);

	/* Parts of other objects have no owner row of their own. */
	if (relkind != RELKIND_COMPOSITE_TYPE && relkind != RELKIND_INDEX &&
		relkind != RELKIND_PARTITIONED_INDEX && relkind != RELKIND_TOASTVALUE)
		changeDependencyOnOwner(RelationRelationId, relid, newOwnerId);
	if (OidIsValid(reltype))
		SetTypeOwner(reltype, newOwnerId);
	if (relkind == RELKIND_RELATION || relkind == RELKIND_PARTITIONED_TABLE ||
		relkind == RELKIND_MATVIEW || relkind == RELKIND_TOASTVALUE)
	{
		Relation rel = relation_open(relid, NoLock);
		List *indexes = RelationGetIndexList(rel);
		relation_close(rel, NoLock);
		ListCell *lc;
		foreach (lc, indexes)
			AlterRelationOwner(lfirst_oid(lc), newOwnerId, true);
	}
	if (OidIsValid(toast))
		AlterRelationOwner(toast, newOwnerId, true);
	for (Oid seq : getOwnedSequences(relid))
		AlterRelationOwner(seq, newOwnerId, true);
}

void AlterTypeOwnerByOid(Oid typid, Oid newOwnerId, bool hasDependEntry)
{
	HeapTuple tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for type %u", typid);
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
	char typtype = form->typtype;
	Oid typrelid = form->typrelid;
	ReleaseSysCache(tup);
	/* A composite type's relation changes with it (and changes it). */
	if (typtype == TYPTYPE_COMPOSITE)
		AlterRelationOwner(typrelid, newOwnerId, true);
	else
		SetTypeOwner(typid, newOwnerId);
	if (hasDependEntry)
		changeDependencyOnOwner(TypeRelationId, typid, newOwnerId);
}

void AlterSchemaOwnerByOid(Oid nspid, Oid newOwnerId)
{
	Relation pg_namespace = relation_open(NamespaceRelationId, RowExclusiveLock);
	HeapTuple tup = SearchSysCacheCopy1(NAMESPACEOID, ObjectIdGetDatum(nspid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for schema %u", nspid);
	auto *form = reinterpret_cast<Form_pg_namespace>(GETSTRUCT(tup));
	if (form->nspowner != newOwnerId)
	{
		if (!ObjectOwnerCheck(NamespaceRelationId, nspid, GetUserId()))
			ReportNotOwner(OBJECT_SCHEMA, NameStr(form->nspname));
		CheckIsMemberOfRole(GetUserId(), newOwnerId);
		/* The current user, not the new owner, needs CREATE on the
		 * database, as PostgreSQL asks. */
		if (!superuser() && !DatabaseCreateAllowed(GetUserId()))
		{
			HeapTuple db = SearchSysCache1(DATABASEOID, ObjectIdGetDatum(MyDatabaseId));
			std::string dbname = db == nullptr
				? ""
				: NameStr(reinterpret_cast<Form_pg_database>(GETSTRUCT(db))->datname);
			if (db != nullptr)
				ReleaseSysCache(db);
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("permission denied for database %s", dbname.c_str()));
		}
		form->nspowner = newOwnerId;
		CatalogTupleUpdate(pg_namespace, &tup->t_self, tup);
		changeDependencyOnOwner(NamespaceRelationId, nspid, newOwnerId);
	}
	relation_close(pg_namespace, RowExclusiveLock);
}

void AlterObjectOwnerGeneric(Oid classId, Oid objectId, Oid newOwnerId)
{
	const OwnerColumns &cols = ColumnsOf(classId);
	Relation catalog = relation_open(classId, RowExclusiveLock);
	HeapTuple tup = FetchObjectRow(catalog, cols, objectId);
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for object %u of catalog %u", objectId, classId);
	Oid oldOwnerId = OidColumn(tup, catalog, cols.owner);
	if (oldOwnerId != newOwnerId)
	{
		if (!superuser())
		{
			if (!has_privs_of_role(GetUserId(), oldOwnerId))
			{
				bool isnull;
				Datum name = heap_getattr(tup, cols.name, RelationGetDescr(catalog), &isnull);
				ReportNotOwner(CatalogObjectType(classId, tup), NameStr(*DatumGetName(name)));
			}
			CheckIsMemberOfRole(GetUserId(), newOwnerId);
			if (cols.nsp != kNoColumn)
			{
				Oid nspid = OidColumn(tup, catalog, cols.nsp);
				if (!NamespaceCreateAllowed(nspid, newOwnerId))
					ReportNoCreateOnSchema(nspid);
			}
		}
		int natts = RelationGetDescr(catalog)->natts;
		std::vector<Datum> values(natts);
		std::unique_ptr<bool[]> replaces(new bool[natts]());
		std::unique_ptr<bool[]> nullflags(new bool[natts]());
		values[cols.owner - 1] = ObjectIdGetDatum(newOwnerId);
		replaces[cols.owner - 1] = true;
		HeapTuple newtup = heap_modify_tuple(tup, RelationGetDescr(catalog), values.data(),
											 nullflags.get(), replaces.get());
		CatalogTupleUpdate(catalog, &newtup->t_self, newtup);
		changeDependencyOnOwner(classId, objectId, newOwnerId);
	}
	relation_close(catalog, RowExclusiveLock);
}

/* ---------------------------------------------------------- statements */

void ExecAlterOwnerStmt(AlterOwnerStmt *stmt)
{
	Oid newOwnerId = RoleSpecGetOid(stmt->newowner);
	switch (stmt->objectType)
	{
		case OBJECT_DATABASE:
			AlterDatabaseOwner(strVal(stmt->object), newOwnerId);
			break;
		case OBJECT_SCHEMA:
			AlterSchemaOwner(strVal(stmt->object), newOwnerId);
			break;
		case OBJECT_TYPE:
		case OBJECT_DOMAIN:
			AlterTypeOwnerStmt(castNode(List, stmt->object), newOwnerId, stmt->objectType);
			break;
		case OBJECT_FUNCTION:
		case OBJECT_PROCEDURE:
		case OBJECT_ROUTINE:
		{
			Oid funcid = LookupRoutine(stmt->objectType, castNode(ObjectWithArgs, stmt->object));
			AlterObjectOwnerGeneric(ProcedureRelationId, funcid, newOwnerId);
			break;
		}
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("ALTER %s … OWNER TO is not supported yet",
						   ObjectKindWords(stmt->objectType)));
	}
}

bool AlterTableOnlyChangesOwner(const AlterTableStmt *stmt)
{
	if (stmt->cmds == NIL)
		return false;
	ListCell *lc;
	foreach (lc, stmt->cmds)
		if (static_cast<AlterTableCmd *>(lfirst(lc))->subtype != AT_ChangeOwner)
			return false;
	return true;
}

void AlterTableOwner(AlterTableStmt *stmt)
{
	Oid relid = RangeVarGetRelid(stmt->relation, AccessExclusiveLock, stmt->missing_ok);
	if (!OidIsValid(relid))
	{
		ereport(NOTICE,
				errmsg("relation \"%s\" does not exist, skipping", stmt->relation->relname));
		return;
	}
	CheckAlterRelation(stmt->relation, relid, stmt->objtype);
	ListCell *lc;
	foreach (lc, stmt->cmds)
	{
		auto *cmd = static_cast<AlterTableCmd *>(lfirst(lc));
		AlterRelationOwner(relid, RoleSpecGetOid(cmd->newowner), false);
		CommandCounterIncrement();
	}
}

namespace {

List *RoleSpecsToIds(List *roles)
{
	List *ids = NIL;
	ListCell *lc;
	foreach (lc, roles)
		ids = lappend_oid(ids, RoleSpecGetOid(static_cast<RoleSpec *>(lfirst(lc))));
	return ids;
}

}  // namespace

void DropOwnedObjects(DropOwnedStmt *stmt)
{
	List *roleids = RoleSpecsToIds(stmt->roles);
	ListCell *lc;
	foreach (lc, roleids)
		if (!has_privs_of_role(GetUserId(), lfirst_oid(lc)))
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("permission denied to drop objects"));
	shdepDropOwned(roleids, stmt->behavior);
}

void ReassignOwnedObjects(ReassignOwnedStmt *stmt)
{
	List *roleids = RoleSpecsToIds(stmt->roles);
	ListCell *lc;
	foreach (lc, roleids)
		if (!has_privs_of_role(GetUserId(), lfirst_oid(lc)))
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("permission denied to reassign objects"));
	Oid newrole = RoleSpecGetOid(stmt->newrole);
	if (!has_privs_of_role(GetUserId(), newrole))
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied to reassign objects"));
	shdepReassignOwned(roleids, newrole);
}
