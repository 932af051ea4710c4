/*
 * privileges.cpp — who may do what on which object: the privilege checks
 * per object kind (pg_class_aclmask, pg_namespace_aclcheck, ...) and the
 * SQL functions asking them, has_table_privilege and its siblings
 * (utils/acl.h).
 *
 * Every check is PostgreSQL's rule: a superuser holds every privilege;
 * anyone else holds what aclmask finds for them in the object's ACL column,
 * or in acldefault(kind, owner) when that column is NULL.  So the owner
 * (and members inheriting the owner's privileges) has what the owner's
 * entry gives, PUBLIC has what the PUBLIC entry gives (USAGE on types and
 * languages, EXECUTE on functions, CONNECT and TEMPORARY on databases), and
 * pg_read_all_data / pg_write_all_data add reading / writing every table
 * and using every schema.  Tusk cannot GRANT on objects yet, so every ACL
 * column is NULL today; the answers are what PostgreSQL gives for the same
 * catalog state.  Tusk does not enforce these privileges on statements
 * yet: these functions only answer questions.
 *
 * The has_*_privilege functions come in up to six forms: the user as a
 * name ("public" means PUBLIC), an OID, or left out (the current user);
 * the object as a name (a missing one is an ERROR) or an OID (a missing
 * one gives NULL).  The privilege is a comma-separated list of names,
 * each optionally "WITH GRANT OPTION", in any case; the answer is true if
 * any of them is held.
 *
 * Principal entry points: pg_<catalog>_aclmask and pg_<catalog>_aclcheck,
 * pg_attribute_aclcheck_all, and the has_table, has_sequence,
 * has_any_column, has_column, has_database, has_function, has_language,
 * has_schema, has_tablespace, has_type, has_foreign_data_wrapper,
 * has_server and has_parameter _privilege SQL functions.
 */
#include "postgres.h"

#include <cctype>
#include <cstring>
#include <string>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/transam.h"
#include "catalog/namespace.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_foreign_data_wrapper_d.h"
#include "catalog/pg_foreign_server_d.h"
#include "catalog/pg_language_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_parameter_acl_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_range_d.h"
#include "catalog/pg_tablespace_d.h"
#include "catalog/pg_type_d.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/syscache.h"

namespace {

/* aclmask over the row's ACL column, or over the kind's default ACL when
 * the column is NULL. */
AclMode RowAclMask(int cacheid, HeapTuple tup, AttrNumber aclcol, ObjectType kind, Oid owner,
				   Oid roleid, AclMode mask, AclMaskHow how)
{
	bool isnull;
	Datum d = SysCacheGetAttr(cacheid, tup, aclcol, &isnull);
	const Acl *acl = isnull ? acldefault(kind, owner) : DatumGetAclP(d);
	return aclmask(acl, roleid, owner, mask, how);
}

AclResult ToResult(AclMode held)
{
	return held != 0 ? ACLCHECK_OK : ACLCHECK_NO_PRIV;
}

/* PostgreSQL's IsSystemClass: a catalog (pinned OID) or a TOAST table. */
bool IsSystemRelation(Oid relid, Oid relnamespace)
{
	return relid < FirstUnpinnedObjectId || relnamespace == PG_TOAST_NAMESPACE ||
		isTempToastNamespace(relnamespace);
}

/* A kind of object whose row a syscache finds by OID, with its owner and
 * ACL columns, and the error for an OID that names none. */
struct CachedKind
{
	int cacheid;
	AttrNumber owner_col;
	AttrNumber acl_col;
	ObjectType kind;
	int missing_errcode;
	const char *what; /* "<what> with OID %u does not exist" */
};

constexpr CachedKind kDatabaseKind = {DATABASEOID,
									  Anum_pg_database_datdba,
									  Anum_pg_database_datacl,
									  OBJECT_DATABASE,
									  ERRCODE_UNDEFINED_DATABASE,
									  "database"};
constexpr CachedKind kFunctionKind = {PROCOID,
									  Anum_pg_proc_proowner,
									  Anum_pg_proc_proacl,
									  OBJECT_FUNCTION,
									  ERRCODE_UNDEFINED_FUNCTION,
									  "function"};
constexpr CachedKind kLanguageKind = {LANGOID,
									  Anum_pg_language_lanowner,
									  Anum_pg_language_lanacl,
									  OBJECT_LANGUAGE,
									  ERRCODE_UNDEFINED_OBJECT,
									  "language"};
constexpr CachedKind kSchemaKind = {NAMESPACEOID,
									Anum_pg_namespace_nspowner,
									Anum_pg_namespace_nspacl,
									OBJECT_SCHEMA,
									ERRCODE_UNDEFINED_SCHEMA,
									"schema"};
constexpr CachedKind kTablespaceKind = {TABLESPACEOID,
										Anum_pg_tablespace_spcowner,
										Anum_pg_tablespace_spcacl,
										OBJECT_TABLESPACE,
										ERRCODE_UNDEFINED_OBJECT,
										"tablespace"};

/* aclmask for the object oid of kind k (the caller has ruled out superusers). */
AclMode CachedAclMask(const CachedKind &k, Oid oid, Oid roleid, AclMode mask, AclMaskHow how)
{
	SysCacheRow row(SearchSysCache1(k.cacheid, ObjectIdGetDatum(oid)));
	if (row.get() == nullptr)
		ereport(ERROR, errcode(k.missing_errcode),
				errmsg("%s with OID %u does not exist", k.what, oid));
	bool isnull;
	Oid owner = DatumGetObjectId(SysCacheGetAttr(k.cacheid, row.get(), k.owner_col, &isnull));
	return RowAclMask(k.cacheid, row.get(), k.acl_col, k.kind, owner, roleid, mask, how);
}

}  // namespace

/* ---------------------------------------------------------------------
 * The checks per object kind
 * --------------------------------------------------------------------- */

AclMode pg_class_aclmask_ext(Oid table_oid, Oid roleid, AclMode mask, AclMaskHow how,
							 bool *is_missing)
{
	SysCacheRow row(SearchSysCache1(RELOID, ObjectIdGetDatum(table_oid)));
	if (row.get() == nullptr)
	{
		if (is_missing != nullptr)
		{
			*is_missing = true;
			return 0;
		}
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
				errmsg("relation with OID %u does not exist", table_oid));
	}
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(row.get()));
	bool super = superuser_arg(roleid);
	/* Only superusers change system catalogs, whatever their ACLs say
	 * (views over them are not protected this way). */
	constexpr AclMode kWrites = ACL_INSERT | ACL_UPDATE | ACL_DELETE | ACL_TRUNCATE | ACL_USAGE;
	if ((mask & kWrites) && IsSystemRelation(table_oid, form->relnamespace) &&
		form->relkind != RELKIND_VIEW && !super)
		mask &= ~kWrites;
	if (super)
		return mask;
	ObjectType kind = form->relkind == RELKIND_SEQUENCE ? OBJECT_SEQUENCE : OBJECT_TABLE;
	AclMode result = RowAclMask(RELOID, row.get(), Anum_pg_class_relacl, kind, form->relowner,
								roleid, mask, how);
	/* The predefined roles that read or write every table. */
	if ((mask & ACL_SELECT) && !(result & ACL_SELECT) &&
		has_privs_of_role(roleid, ROLE_PG_READ_ALL_DATA))
		result |= ACL_SELECT;
	constexpr AclMode kDataWrites = ACL_INSERT | ACL_UPDATE | ACL_DELETE;
	if ((mask & kDataWrites) && !(result & kDataWrites) &&
		has_privs_of_role(roleid, ROLE_PG_WRITE_ALL_DATA))
		result |= mask & kDataWrites;
	return result;
}

AclMode pg_class_aclmask(Oid table_oid, Oid roleid, AclMode mask, AclMaskHow how)
{
	return pg_class_aclmask_ext(table_oid, roleid, mask, how, nullptr);
}

AclResult pg_class_aclcheck_ext(Oid table_oid, Oid roleid, AclMode mode, bool *is_missing)
{
	return ToResult(pg_class_aclmask_ext(table_oid, roleid, mode, ACLMASK_ANY, is_missing));
}

AclResult pg_class_aclcheck(Oid table_oid, Oid roleid, AclMode mode)
{
	return pg_class_aclcheck_ext(table_oid, roleid, mode, nullptr);
}

/* A column's own ACL only: a NULL attacl grants nothing (the default ACL
 * of a column is empty), and superusers and owners get their rights from
 * the table's ACL instead.  A dropped column counts as missing. */
AclMode pg_attribute_aclmask_ext(Oid table_oid, AttrNumber attnum, Oid roleid, AclMode mask,
								 AclMaskHow how, bool *is_missing)
{
	SysCacheRow att(SearchSysCache2(ATTNUM, ObjectIdGetDatum(table_oid), Int16GetDatum(attnum)));
	if (att.get() == nullptr ||
		reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att.get()))->attisdropped)
	{
		if (is_missing != nullptr)
		{
			*is_missing = true;
			return 0;
		}
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("attribute %d of relation with OID %u does not exist", attnum, table_oid));
	}
	bool isnull;
	Datum d = SysCacheGetAttr(ATTNUM, att.get(), Anum_pg_attribute_attacl, &isnull);
	if (isnull)
		return 0;
	SysCacheRow rel(SearchSysCache1(RELOID, ObjectIdGetDatum(table_oid)));
	if (rel.get() == nullptr)
		return 0;
	Oid owner = reinterpret_cast<Form_pg_class>(GETSTRUCT(rel.get()))->relowner;
	return aclmask(DatumGetAclP(d), roleid, owner, mask, how);
}

AclResult pg_attribute_aclcheck_ext(Oid table_oid, AttrNumber attnum, Oid roleid, AclMode mode,
									bool *is_missing)
{
	return ToResult(
		pg_attribute_aclmask_ext(table_oid, attnum, roleid, mode, ACLMASK_ANY, is_missing));
}

AclResult pg_attribute_aclcheck_all(Oid table_oid, Oid roleid, AclMode mode, AclMaskHow how)
{
	int16 natts;
	{
		SysCacheRow rel(SearchSysCache1(RELOID, ObjectIdGetDatum(table_oid)));
		if (rel.get() == nullptr)
			return ACLCHECK_NO_PRIV;
		natts = reinterpret_cast<Form_pg_class>(GETSTRUCT(rel.get()))->relnatts;
	}
	/* No live column at all is a failure for either how. */
	AclResult result = ACLCHECK_NO_PRIV;
	for (AttrNumber attnum = 1; attnum <= natts; attnum++)
	{
		bool missing = false;
		AclMode held = pg_attribute_aclmask_ext(table_oid, attnum, roleid, mode, ACLMASK_ANY,
												&missing);
		if (missing)
			continue;
		result = held != 0 ? ACLCHECK_OK : ACLCHECK_NO_PRIV;
		if ((how == ACLMASK_ANY) == (held != 0))
			break;
	}
	return result;
}

AclMode pg_database_aclmask(Oid db_oid, Oid roleid, AclMode mask, AclMaskHow how)
{
	if (superuser_arg(roleid))
		return mask;
	return CachedAclMask(kDatabaseKind, db_oid, roleid, mask, how);
}

AclResult pg_database_aclcheck(Oid db_oid, Oid roleid, AclMode mode)
{
	return ToResult(pg_database_aclmask(db_oid, roleid, mode, ACLMASK_ANY));
}

AclMode pg_proc_aclmask(Oid proc_oid, Oid roleid, AclMode mask, AclMaskHow how)
{
	if (superuser_arg(roleid))
		return mask;
	return CachedAclMask(kFunctionKind, proc_oid, roleid, mask, how);
}

AclResult pg_proc_aclcheck(Oid proc_oid, Oid roleid, AclMode mode)
{
	return ToResult(pg_proc_aclmask(proc_oid, roleid, mode, ACLMASK_ANY));
}

AclMode pg_language_aclmask(Oid lang_oid, Oid roleid, AclMode mask, AclMaskHow how)
{
	if (superuser_arg(roleid))
		return mask;
	return CachedAclMask(kLanguageKind, lang_oid, roleid, mask, how);
}

AclResult pg_language_aclcheck(Oid lang_oid, Oid roleid, AclMode mode)
{
	return ToResult(pg_language_aclmask(lang_oid, roleid, mode, ACLMASK_ANY));
}

AclMode pg_namespace_aclmask(Oid nsp_oid, Oid roleid, AclMode mask, AclMaskHow how)
{
	if (superuser_arg(roleid))
		return mask;
	/* This session's temporary schema: everything a schema can be granted
	 * while the role may create temporary objects in this database, else
	 * only USAGE (the role may have changed since the schema was made). */
	if (isTempNamespace(nsp_oid))
	{
		if (pg_database_aclcheck(MyDatabaseId, roleid, ACL_CREATE_TEMP) == ACLCHECK_OK)
			return mask & ACL_ALL_RIGHTS_SCHEMA;
		return mask & ACL_USAGE;
	}
	AclMode result = CachedAclMask(kSchemaKind, nsp_oid, roleid, mask, how);
	/* Reading or writing every table needs USAGE on every schema. */
	if ((mask & ACL_USAGE) && !(result & ACL_USAGE) &&
		(has_privs_of_role(roleid, ROLE_PG_READ_ALL_DATA) ||
		 has_privs_of_role(roleid, ROLE_PG_WRITE_ALL_DATA)))
		result |= ACL_USAGE;
	return result;
}

AclResult pg_namespace_aclcheck(Oid nsp_oid, Oid roleid, AclMode mode)
{
	return ToResult(pg_namespace_aclmask(nsp_oid, roleid, mode, ACLMASK_ANY));
}

AclMode pg_tablespace_aclmask(Oid spc_oid, Oid roleid, AclMode mask, AclMaskHow how)
{
	if (superuser_arg(roleid))
		return mask;
	return CachedAclMask(kTablespaceKind, spc_oid, roleid, mask, how);
}

AclResult pg_tablespace_aclcheck(Oid spc_oid, Oid roleid, AclMode mode)
{
	return ToResult(pg_tablespace_aclmask(spc_oid, roleid, mode, ACLMASK_ANY));
}

namespace {

/* The range type of a multirange type (pg_range by rngmultitypid). */
Oid MultirangeRange(Oid multirange)
{
	Relation rel = relation_open(RangeRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_range_rngmultitypid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(multirange));
	SysScanDesc scan = systable_beginscan(rel, RangeMultirangeTypidIndexId, true, nullptr, 1, &key);
	Oid range = InvalidOid;
	if (HeapTuple tup = systable_getnext(scan))
		range = reinterpret_cast<Form_pg_range>(GETSTRUCT(tup))->rngtypid;
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	return range;
}

}  // namespace

/* Array types (true arrays, subscripted by array_subscript_handler) have
 * their element type's privileges, multirange types their range type's. */
AclMode pg_type_aclmask(Oid type_oid, Oid roleid, AclMode mask, AclMaskHow how)
{
	if (superuser_arg(roleid))
		return mask;
	SysCacheRow row(SearchSysCache1(TYPEOID, ObjectIdGetDatum(type_oid)));
	if (row.get() == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("type with OID %u does not exist", type_oid));
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(row.get()));
	if (OidIsValid(form->typelem) && form->typsubscript == F_ARRAY_SUBSCRIPT_HANDLER)
	{
		Oid elem = form->typelem;
		row.reset(SearchSysCache1(TYPEOID, ObjectIdGetDatum(elem)));
		if (row.get() == nullptr)
			elog(ERROR, "cache lookup failed for type %u", elem);
		form = reinterpret_cast<Form_pg_type>(GETSTRUCT(row.get()));
	}
	if (form->typtype == TYPTYPE_MULTIRANGE)
	{
		Oid multirange = form->oid;
		Oid range = MultirangeRange(multirange);
		row.reset(SearchSysCache1(TYPEOID, ObjectIdGetDatum(range)));
		if (row.get() == nullptr)
			elog(ERROR, "cache lookup failed for type %u", range);
		form = reinterpret_cast<Form_pg_type>(GETSTRUCT(row.get()));
	}
	return RowAclMask(TYPEOID, row.get(), Anum_pg_type_typacl, OBJECT_TYPE, form->typowner, roleid,
					  mask, how);
}

AclResult pg_type_aclcheck(Oid type_oid, Oid roleid, AclMode mode)
{
	return ToResult(pg_type_aclmask(type_oid, roleid, mode, ACLMASK_ANY));
}

namespace {

/* A catalog without a syscache (foreign-data wrappers, servers): where
 * its rows are and which columns hold name, owner and ACL. */
struct ScannedCatalog
{
	Oid relid;
	Oid oid_index;
	Oid name_index;
	AttrNumber oid_col;
	AttrNumber name_col;
	AttrNumber owner_col;
	AttrNumber acl_col;
	ObjectType kind;
};

constexpr ScannedCatalog kFdwCatalog = {ForeignDataWrapperRelationId,
										ForeignDataWrapperOidIndexId,
										ForeignDataWrapperNameIndexId,
										Anum_pg_foreign_data_wrapper_oid,
										Anum_pg_foreign_data_wrapper_fdwname,
										Anum_pg_foreign_data_wrapper_fdwowner,
										Anum_pg_foreign_data_wrapper_fdwacl,
										OBJECT_FDW};
constexpr ScannedCatalog kServerCatalog =
	{ForeignServerRelationId,		ForeignServerOidIndexId,		ForeignServerNameIndexId,
	 Anum_pg_foreign_server_oid,	Anum_pg_foreign_server_srvname, Anum_pg_foreign_server_srvowner,
	 Anum_pg_foreign_server_srvacl, OBJECT_FOREIGN_SERVER};

/* Finds the row whose oid (by_name false) or name equals key and, when
 * found, sets *oid and, if mask is non-NULL, *mask to what roleid holds on
 * it (wanted bits of the ACL or the default ACL). */
bool ScanCatalogRow(const ScannedCatalog &cat, bool by_name, Datum key, Oid *oid, Oid roleid,
					AclMode wanted, AclMode *mask)
{
	Relation rel = relation_open(cat.relid, AccessShareLock);
	ScanKeyData skey;
	ScanKeyInit(&skey, by_name ? cat.name_col : cat.oid_col, BTEqualStrategyNumber,
				by_name ? F_NAMEEQ : F_OIDEQ, key);
	SysScanDesc scan = systable_beginscan(rel, by_name ? cat.name_index : cat.oid_index, true,
										  nullptr, 1, &skey);
	HeapTuple tup = systable_getnext(scan);
	if (tup != nullptr)
	{
		TupleDesc desc = RelationGetDescr(rel);
		bool isnull;
		*oid = DatumGetObjectId(heap_getattr(tup, cat.oid_col, desc, &isnull));
		if (mask != nullptr)
		{
			Oid owner = DatumGetObjectId(heap_getattr(tup, cat.owner_col, desc, &isnull));
			Datum d = heap_getattr(tup, cat.acl_col, desc, &isnull);
			const Acl *acl = isnull ? acldefault(cat.kind, owner) : DatumGetAclP(d);
			*mask = aclmask(acl, roleid, owner, wanted, ACLMASK_ANY);
		}
	}
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	return tup != nullptr;
}

AclMode ScannedAclMask(const ScannedCatalog &cat, const char *what, Oid oid, Oid roleid,
					   AclMode mask)
{
	if (superuser_arg(roleid))
		return mask;
	Oid found;
	AclMode result = 0;
	if (!ScanCatalogRow(cat, false, ObjectIdGetDatum(oid), &found, roleid, mask, &result))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("%s with OID %u does not exist", what, oid));
	return result;
}

}  // namespace

AclMode pg_parameter_aclmask(const char *name, Oid roleid, AclMode mask, AclMaskHow how)
{
	if (superuser_arg(roleid))
		return mask;
	/* The name as pg_parameter_acl keeps it: the old names of two settings
	 * mapped to the new ones, ASCII letters lowercased. */
	std::string parname = name;
	if (strcasecmp(name, "sort_mem") == 0)
		parname = "work_mem";
	else if (strcasecmp(name, "vacuum_mem") == 0)
		parname = "maintenance_work_mem";
	for (char &c : parname)
		if (c >= 'A' && c <= 'Z')
			c = static_cast<char>(c - 'A' + 'a');
	Relation rel = relation_open(ParameterAclRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_parameter_acl_parname, BTEqualStrategyNumber, F_TEXTEQ,
				CStringGetTextDatum(parname.c_str()));
	SysScanDesc scan = systable_beginscan(rel, ParameterAclParnameIndexId, true, nullptr, 1, &key);
	/* No row: only superusers may set it (beyond what its context allows). */
	AclMode result = ACL_NO_RIGHTS;
	if (HeapTuple tup = systable_getnext(scan))
	{
		bool isnull;
		Datum d = heap_getattr(tup, Anum_pg_parameter_acl_paracl, RelationGetDescr(rel), &isnull);
		const Acl *acl = isnull ? acldefault(OBJECT_PARAMETER_ACL, BOOTSTRAP_SUPERUSERID)
								: DatumGetAclP(d);
		result = aclmask(acl, roleid, BOOTSTRAP_SUPERUSERID, mask, how);
	}
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	return result;
}

AclResult pg_parameter_aclcheck(const char *name, Oid roleid, AclMode mode)
{
	return ToResult(pg_parameter_aclmask(name, roleid, mode, ACLMASK_ANY));
}

AclMode pg_foreign_data_wrapper_aclmask(Oid fdw_oid, Oid roleid, AclMode mask, AclMaskHow how)
{
	(void) how; /* a wrapper's only privilege is USAGE: any is all */
	return ScannedAclMask(kFdwCatalog, "foreign-data wrapper", fdw_oid, roleid, mask);
}

AclMode pg_foreign_server_aclmask(Oid srv_oid, Oid roleid, AclMode mask, AclMaskHow how)
{
	(void) how; /* a server's only privilege is USAGE: any is all */
	return ScannedAclMask(kServerCatalog, "foreign server", srv_oid, roleid, mask);
}

/* ---------------------------------------------------------------------
 * The has_*_privilege functions
 * --------------------------------------------------------------------- */

namespace {

struct PrivName
{
	const char *name;
	AclMode mode;
};

/* The privileges one kind of object can be asked about; each name may
 * also be followed by " WITH GRANT OPTION". */
constexpr PrivName kTablePrivs[] = {
	{"SELECT", ACL_SELECT},
	{"INSERT", ACL_INSERT},
	{"UPDATE", ACL_UPDATE},
	{"DELETE", ACL_DELETE},
	{"TRUNCATE", ACL_TRUNCATE},
	{"REFERENCES", ACL_REFERENCES},
	{"TRIGGER", ACL_TRIGGER},
	{"RULE", ACL_NO_RIGHTS}, /* the old RULE privilege: accepted, never held */
	{nullptr, 0},
};
constexpr PrivName kSequencePrivs[] = {
	{"USAGE", ACL_USAGE},
	{"SELECT", ACL_SELECT},
	{"UPDATE", ACL_UPDATE},
	{nullptr, 0},
};
constexpr PrivName kColumnPrivs[] = {
	{"SELECT", ACL_SELECT},			{"INSERT", ACL_INSERT}, {"UPDATE", ACL_UPDATE},
	{"REFERENCES", ACL_REFERENCES}, {nullptr, 0},
};
constexpr PrivName kDatabasePrivs[] = {
	{"CREATE", ACL_CREATE},
	{"TEMPORARY", ACL_CREATE_TEMP},
	{"TEMP", ACL_CREATE_TEMP},
	{"CONNECT", ACL_CONNECT},
	{nullptr, 0},
};
constexpr PrivName kFunctionPrivs[] = {{"EXECUTE", ACL_EXECUTE}, {nullptr, 0}};
constexpr PrivName kUsagePrivs[] = {{"USAGE", ACL_USAGE}, {nullptr, 0}};
constexpr PrivName kSchemaPrivs[] = {{"CREATE", ACL_CREATE}, {"USAGE", ACL_USAGE}, {nullptr, 0}};
constexpr PrivName kTablespacePrivs[] = {{"CREATE", ACL_CREATE}, {nullptr, 0}};
constexpr PrivName kParameterPrivs[] = {
	{"SET", ACL_SET},
	{"ALTER SYSTEM", ACL_ALTER_SYSTEM},
	{nullptr, 0},
};

bool IsBlank(char c)
{
	return isspace(static_cast<unsigned char>(c)) != 0;
}

/* The privilege list (comma-separated, blanks around each item ignored)
 * as privilege and grant-option bits; ERROR 22023 for a name not in
 * privs. */
AclMode ParsePrivileges(text *priv_text, const PrivName *privs)
{
	std::string list = text_to_cstring(priv_text);
	AclMode result = 0;
	size_t start = 0;
	for (;;)
	{
		size_t comma = list.find(',', start);
		size_t end = comma == std::string::npos ? list.size() : comma;
		size_t b = start;
		while (b < end && IsBlank(list[b]))
			b++;
		size_t e = end;
		while (e > b && IsBlank(list[e - 1]))
			e--;
		std::string item = list.substr(b, e - b);
		bool found = false;
		for (const PrivName *p = privs; p->name != nullptr && !found; p++)
		{
			if (strcasecmp(item.c_str(), p->name) == 0)
			{
				result |= p->mode;
				found = true;
			}
			else if (strcasecmp(item.c_str(),
								(std::string(p->name) + " WITH GRANT OPTION").c_str()) == 0)
			{
				result |= ACL_GRANT_OPTION_FOR(p->mode);
				found = true;
			}
		}
		if (!found)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("unrecognized privilege type: \"%s\"", item.c_str()));
		if (comma == std::string::npos)
			break;
		start = comma + 1;
	}
	return result;
}

/* ---- objects by name: ERROR when there is none ---- */

Oid TableByName(text *name)
{
	List *names = stringToQualifiedNameList(text_to_cstring(name));
	if (list_length(names) > 3)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("improper relation name (too many dotted names): %s",
					   NameListToString(names)));
	char *schemaname;
	char *relname;
	DeconstructQualifiedName(names, &schemaname, &relname);
	RangeVar *rv = makeNode(RangeVar);
	rv->schemaname = schemaname;
	rv->relname = relname;
	rv->location = -1;
	/* no lock: the caller may have no right to lock it */
	return RangeVarGetRelid(rv, NoLock, false);
}

Oid SequenceByName(text *name)
{
	Oid relid = TableByName(name);
	if (get_rel_relkind(relid) != RELKIND_SEQUENCE)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is not a sequence", text_to_cstring(name)));
	return relid;
}

Oid DatabaseByName(text *name)
{
	std::string dbname = text_to_cstring(name);
	Relation rel = relation_open(DatabaseRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_database_datname, BTEqualStrategyNumber, F_NAMEEQ,
				CStringGetDatum(dbname.c_str()));
	SysScanDesc scan = systable_beginscan(rel, DatabaseNameIndexId, true, nullptr, 1, &key);
	Oid oid = InvalidOid;
	if (HeapTuple tup = systable_getnext(scan))
		oid = reinterpret_cast<Form_pg_database>(GETSTRUCT(tup))->oid;
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	if (!OidIsValid(oid))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_DATABASE),
				errmsg("database \"%s\" does not exist", dbname.c_str()));
	return oid;
}

/* A function by its signature, "name(argtypes)", as regprocedure reads
 * it. */
Oid FunctionByName(text *name)
{
	char *signature = text_to_cstring(name);
	Oid oid = DatumGetObjectId(DirectFunctionCall1(regprocedurein, CStringGetDatum(signature)));
	if (!OidIsValid(oid))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("function \"%s\" does not exist", signature));
	return oid;
}

Oid LanguageByName(text *name)
{
	char *lang = text_to_cstring(name);
	Oid oid = GetSysCacheOid1(LANGNAME, Anum_pg_language_oid, CStringGetDatum(lang));
	if (!OidIsValid(oid))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("language \"%s\" does not exist", lang));
	return oid;
}

Oid SchemaByName(text *name)
{
	return get_namespace_oid(text_to_cstring(name), false);
}

Oid TablespaceByName(text *name)
{
	std::string spcname = text_to_cstring(name);
	Relation rel = relation_open(TableSpaceRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_tablespace_spcname, BTEqualStrategyNumber, F_NAMEEQ,
				CStringGetDatum(spcname.c_str()));
	SysScanDesc scan = systable_beginscan(rel, TablespaceNameIndexId, true, nullptr, 1, &key);
	Oid oid = InvalidOid;
	if (HeapTuple tup = systable_getnext(scan))
		oid = reinterpret_cast<Form_pg_tablespace>(GETSTRUCT(tup))->oid;
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	if (!OidIsValid(oid))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("tablespace \"%s\" does not exist", spcname.c_str()));
	return oid;
}

/* A type in any SQL spelling, as regtype reads it. */
Oid TypeByName(text *name)
{
	char *typname = text_to_cstring(name);
	Oid oid = DatumGetObjectId(DirectFunctionCall1(regtypein, CStringGetDatum(typname)));
	if (!OidIsValid(oid))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("type \"%s\" does not exist", typname));
	return oid;
}

Oid FdwByName(text *name)
{
	char *fdwname = text_to_cstring(name);
	Oid oid;
	if (!ScanCatalogRow(kFdwCatalog, true, CStringGetDatum(fdwname), &oid, InvalidOid, 0, nullptr))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("foreign-data wrapper \"%s\" does not exist", fdwname));
	return oid;
}

Oid ServerByName(text *name)
{
	char *srvname = text_to_cstring(name);
	Oid oid;
	if (!ScanCatalogRow(kServerCatalog, true, CStringGetDatum(srvname), &oid, InvalidOid, 0,
						nullptr))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("server \"%s\" does not exist", srvname));
	return oid;
}

/* ---- objects by OID: false when there is none (the answer is NULL) ---- */

bool FdwExists(Oid oid)
{
	Oid found;
	return ScanCatalogRow(kFdwCatalog, false, ObjectIdGetDatum(oid), &found, InvalidOid, 0,
						  nullptr);
}

bool ServerExists(Oid oid)
{
	Oid found;
	return ScanCatalogRow(kServerCatalog, false, ObjectIdGetDatum(oid), &found, InvalidOid, 0,
						  nullptr);
}

bool RelationExists(Oid oid)
{
	return SearchSysCacheExists1(RELOID, ObjectIdGetDatum(oid));
}

bool SequenceExists(Oid oid)
{
	char relkind = get_rel_relkind(oid);
	if (relkind == '\0')
		return false;
	if (relkind != RELKIND_SEQUENCE)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is not a sequence", get_rel_name(oid)));
	return true;
}

bool DatabaseExists(Oid oid)
{
	return SearchSysCacheExists1(DATABASEOID, ObjectIdGetDatum(oid));
}

bool FunctionExists(Oid oid)
{
	return SearchSysCacheExists1(PROCOID, ObjectIdGetDatum(oid));
}

bool LanguageExists(Oid oid)
{
	return SearchSysCacheExists1(LANGOID, ObjectIdGetDatum(oid));
}

bool SchemaExists(Oid oid)
{
	return SearchSysCacheExists1(NAMESPACEOID, ObjectIdGetDatum(oid));
}

bool TablespaceExists(Oid oid)
{
	return SearchSysCacheExists1(TABLESPACEOID, ObjectIdGetDatum(oid));
}

bool TypeExists(Oid oid)
{
	return SearchSysCacheExists1(TYPEOID, ObjectIdGetDatum(oid));
}

/* Whether the role holds any privilege of the mode on the whole table or,
 * failing that, on one of its columns. */
AclMode AnyColumnMask(Oid relid, Oid roleid, AclMode mode, AclMaskHow how)
{
	if (pg_class_aclcheck(relid, roleid, mode) == ACLCHECK_OK)
		return mode;
	return pg_attribute_aclcheck_all(relid, roleid, mode, how) == ACLCHECK_OK ? mode : 0;
}

/* What one has_*_privilege family asks about. */
struct ObjectKind
{
	const PrivName *privs;
	Oid (*by_name)(text *name);
	bool (*exists)(Oid oid);
	AclMode (*mask)(Oid oid, Oid roleid, AclMode mask, AclMaskHow how);
	/* The privilege string is read before the object's name is looked up
	 * (has_sequence_privilege), so its error comes first. */
	bool privs_before_name;
};

constexpr ObjectKind kTable = {kTablePrivs, TableByName, RelationExists, pg_class_aclmask, false};
constexpr ObjectKind kSequence = {kSequencePrivs, SequenceByName, SequenceExists, pg_class_aclmask,
								  true};
constexpr ObjectKind kAnyColumn = {kColumnPrivs, TableByName, RelationExists, AnyColumnMask, false};
constexpr ObjectKind kDatabase = {kDatabasePrivs, DatabaseByName, DatabaseExists,
								  pg_database_aclmask, false};
constexpr ObjectKind kFunction = {kFunctionPrivs, FunctionByName, FunctionExists, pg_proc_aclmask,
								  false};
constexpr ObjectKind kLanguage = {kUsagePrivs, LanguageByName, LanguageExists, pg_language_aclmask,
								  false};
constexpr ObjectKind kSchema = {kSchemaPrivs, SchemaByName, SchemaExists, pg_namespace_aclmask,
								false};
constexpr ObjectKind kTablespace = {kTablespacePrivs, TablespaceByName, TablespaceExists,
									pg_tablespace_aclmask, false};
constexpr ObjectKind kType = {kUsagePrivs, TypeByName, TypeExists, pg_type_aclmask, false};
constexpr ObjectKind kFdw = {kUsagePrivs, FdwByName, FdwExists, pg_foreign_data_wrapper_aclmask,
							 false};
constexpr ObjectKind kServer = {kUsagePrivs, ServerByName, ServerExists, pg_foreign_server_aclmask,
								false};

enum class User
{
	kName,	 /* a role name, or "public" */
	kOid,	 /* a role OID, not checked */
	kCurrent /* no argument: the current user */
};

enum class Object
{
	kName, /* text: missing is an ERROR */
	kOid   /* missing is NULL */
};

/* Reads the user argument (if any) at *arg and moves past it. */
Oid UserArgument(FunctionCallInfo fcinfo, User user, int *arg)
{
	switch (user)
	{
		case User::kName:
			return get_role_oid_or_public(NameStr(*PG_GETARG_NAME((*arg)++)));
		case User::kOid:
			return PG_GETARG_OID((*arg)++);
		case User::kCurrent:
			break;
	}
	return GetUserId();
}

/* One has_*_privilege call: the arguments in PostgreSQL's order of
 * checking, then the answer. */
Datum HasPrivilege(FunctionCallInfo fcinfo, const ObjectKind &kind, User user, Object object)
{
	int arg = 0;
	Oid roleid = UserArgument(fcinfo, user, &arg);
	Oid oid;
	AclMode mode;
	if (object == Object::kName)
	{
		if (kind.privs_before_name)
		{
			mode = ParsePrivileges(PG_GETARG_TEXT_PP(arg + 1), kind.privs);
			oid = kind.by_name(PG_GETARG_TEXT_PP(arg));
		}
		else
		{
			oid = kind.by_name(PG_GETARG_TEXT_PP(arg));
			mode = ParsePrivileges(PG_GETARG_TEXT_PP(arg + 1), kind.privs);
		}
	}
	else
	{
		oid = PG_GETARG_OID(arg);
		mode = ParsePrivileges(PG_GETARG_TEXT_PP(arg + 1), kind.privs);
		if (!kind.exists(oid))
			PG_RETURN_NULL();
	}
	PG_RETURN_BOOL(kind.mask(oid, roleid, mode, ACLMASK_ANY) != 0);
}

/* ---- has_column_privilege ---- */

/* Column number 0: no column (the answer is NULL). */
constexpr AttrNumber kNoColumn = 0;

enum class Column
{
	kName,	/* text */
	kAttnum /* smallint */
};

/* The column's number, or kNoColumn when the answer is NULL (a
 * dropped column, or a table OID with no table); ERROR when the table
 * exists and has no such column. */
AttrNumber ColumnByName(Oid relid, text *column)
{
	char *colname = text_to_cstring(column);
	SysCacheRow att(SearchSysCache2(ATTNAME, ObjectIdGetDatum(relid), CStringGetDatum(colname)));
	if (att.get() != nullptr)
	{
		auto *form = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att.get()));
		return form->attisdropped ? kNoColumn : form->attnum;
	}
	char *relname = get_rel_name(relid);
	if (relname != nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column \"%s\" of relation \"%s\" does not exist", colname, relname));
	return kNoColumn;
}

/* 1 if held (on the column or the whole table), 0 if not, -1 for NULL
 * (no such column or table). */
int ColumnPrivilege(Oid relid, AttrNumber attnum, Oid roleid, AclMode mode)
{
	if (attnum == kNoColumn)
		return -1;
	bool missing = false;
	if (pg_attribute_aclcheck_ext(relid, attnum, roleid, mode, &missing) == ACLCHECK_OK)
		return 1;
	if (missing)
		return -1;
	if (pg_class_aclcheck_ext(relid, roleid, mode, &missing) == ACLCHECK_OK)
		return 1;
	return missing ? -1 : 0;
}

Datum HasColumnPrivilege(FunctionCallInfo fcinfo, User user, Object table, Column column)
{
	int arg = 0;
	Oid roleid = UserArgument(fcinfo, user, &arg);
	Oid relid = table == Object::kName ? TableByName(PG_GETARG_TEXT_PP(arg)) : PG_GETARG_OID(arg);
	arg++;
	AttrNumber attnum = column == Column::kName ? ColumnByName(relid, PG_GETARG_TEXT_PP(arg))
												: PG_GETARG_INT16(arg);
	arg++;
	AclMode mode = ParsePrivileges(PG_GETARG_TEXT_PP(arg), kColumnPrivs);
	int held = ColumnPrivilege(relid, attnum, roleid, mode);
	if (held < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(held != 0);
}

}  // namespace

/* The SQL-callable forms, named as in pg_proc: _name_name is (user name,
 * object name), _id is (object OID) for the current user, and so on. */

Datum has_table_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTable, User::kName, Object::kName);
}

Datum has_table_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTable, User::kName, Object::kOid);
}

Datum has_table_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTable, User::kOid, Object::kName);
}

Datum has_table_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTable, User::kOid, Object::kOid);
}

Datum has_table_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTable, User::kCurrent, Object::kName);
}

Datum has_table_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTable, User::kCurrent, Object::kOid);
}

Datum has_sequence_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSequence, User::kName, Object::kName);
}

Datum has_sequence_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSequence, User::kName, Object::kOid);
}

Datum has_sequence_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSequence, User::kOid, Object::kName);
}

Datum has_sequence_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSequence, User::kOid, Object::kOid);
}

Datum has_sequence_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSequence, User::kCurrent, Object::kName);
}

Datum has_sequence_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSequence, User::kCurrent, Object::kOid);
}

Datum has_any_column_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kAnyColumn, User::kName, Object::kName);
}

Datum has_any_column_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kAnyColumn, User::kName, Object::kOid);
}

Datum has_any_column_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kAnyColumn, User::kOid, Object::kName);
}

Datum has_any_column_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kAnyColumn, User::kOid, Object::kOid);
}

Datum has_any_column_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kAnyColumn, User::kCurrent, Object::kName);
}

Datum has_any_column_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kAnyColumn, User::kCurrent, Object::kOid);
}

Datum has_database_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kDatabase, User::kName, Object::kName);
}

Datum has_database_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kDatabase, User::kName, Object::kOid);
}

Datum has_database_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kDatabase, User::kOid, Object::kName);
}

Datum has_database_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kDatabase, User::kOid, Object::kOid);
}

Datum has_database_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kDatabase, User::kCurrent, Object::kName);
}

Datum has_database_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kDatabase, User::kCurrent, Object::kOid);
}

Datum has_function_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFunction, User::kName, Object::kName);
}

Datum has_function_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFunction, User::kName, Object::kOid);
}

Datum has_function_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFunction, User::kOid, Object::kName);
}

Datum has_function_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFunction, User::kOid, Object::kOid);
}

Datum has_function_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFunction, User::kCurrent, Object::kName);
}

Datum has_function_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFunction, User::kCurrent, Object::kOid);
}

Datum has_language_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kLanguage, User::kName, Object::kName);
}

Datum has_language_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kLanguage, User::kName, Object::kOid);
}

Datum has_language_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kLanguage, User::kOid, Object::kName);
}

Datum has_language_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kLanguage, User::kOid, Object::kOid);
}

Datum has_language_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kLanguage, User::kCurrent, Object::kName);
}

Datum has_language_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kLanguage, User::kCurrent, Object::kOid);
}

Datum has_schema_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSchema, User::kName, Object::kName);
}

Datum has_schema_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSchema, User::kName, Object::kOid);
}

Datum has_schema_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSchema, User::kOid, Object::kName);
}

Datum has_schema_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSchema, User::kOid, Object::kOid);
}

Datum has_schema_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSchema, User::kCurrent, Object::kName);
}

Datum has_schema_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kSchema, User::kCurrent, Object::kOid);
}

Datum has_tablespace_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTablespace, User::kName, Object::kName);
}

Datum has_tablespace_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTablespace, User::kName, Object::kOid);
}

Datum has_tablespace_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTablespace, User::kOid, Object::kName);
}

Datum has_tablespace_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTablespace, User::kOid, Object::kOid);
}

Datum has_tablespace_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTablespace, User::kCurrent, Object::kName);
}

Datum has_tablespace_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kTablespace, User::kCurrent, Object::kOid);
}

Datum has_type_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kType, User::kName, Object::kName);
}

Datum has_type_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kType, User::kName, Object::kOid);
}

Datum has_type_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kType, User::kOid, Object::kName);
}

Datum has_type_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kType, User::kOid, Object::kOid);
}

Datum has_type_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kType, User::kCurrent, Object::kName);
}

Datum has_type_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kType, User::kCurrent, Object::kOid);
}

Datum has_column_privilege_name_name_name(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kName, Object::kName, Column::kName);
}

Datum has_column_privilege_name_name_attnum(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kName, Object::kName, Column::kAttnum);
}

Datum has_column_privilege_name_id_name(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kName, Object::kOid, Column::kName);
}

Datum has_column_privilege_name_id_attnum(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kName, Object::kOid, Column::kAttnum);
}

Datum has_column_privilege_id_name_name(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kOid, Object::kName, Column::kName);
}

Datum has_column_privilege_id_name_attnum(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kOid, Object::kName, Column::kAttnum);
}

Datum has_column_privilege_id_id_name(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kOid, Object::kOid, Column::kName);
}

Datum has_column_privilege_id_id_attnum(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kOid, Object::kOid, Column::kAttnum);
}

Datum has_column_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kCurrent, Object::kName, Column::kName);
}

Datum has_column_privilege_name_attnum(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kCurrent, Object::kName, Column::kAttnum);
}

Datum has_column_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kCurrent, Object::kOid, Column::kName);
}

Datum has_column_privilege_id_attnum(PG_FUNCTION_ARGS)
{
	return HasColumnPrivilege(fcinfo, User::kCurrent, Object::kOid, Column::kAttnum);
}

Datum has_foreign_data_wrapper_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFdw, User::kName, Object::kName);
}

Datum has_foreign_data_wrapper_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFdw, User::kName, Object::kOid);
}

Datum has_foreign_data_wrapper_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFdw, User::kOid, Object::kName);
}

Datum has_foreign_data_wrapper_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFdw, User::kOid, Object::kOid);
}

Datum has_foreign_data_wrapper_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFdw, User::kCurrent, Object::kName);
}

Datum has_foreign_data_wrapper_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kFdw, User::kCurrent, Object::kOid);
}

Datum has_server_privilege_name_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kServer, User::kName, Object::kName);
}

Datum has_server_privilege_name_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kServer, User::kName, Object::kOid);
}

Datum has_server_privilege_id_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kServer, User::kOid, Object::kName);
}

Datum has_server_privilege_id_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kServer, User::kOid, Object::kOid);
}

Datum has_server_privilege_name(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kServer, User::kCurrent, Object::kName);
}

Datum has_server_privilege_id(PG_FUNCTION_ARGS)
{
	return HasPrivilege(fcinfo, kServer, User::kCurrent, Object::kOid);
}

/* has_parameter_privilege: a setting by name only (an unknown name is no
 * error: only superusers hold anything on it). */
Datum has_parameter_privilege_name_name(PG_FUNCTION_ARGS)
{
	AclMode mode = ParsePrivileges(PG_GETARG_TEXT_PP(2), kParameterPrivs);
	Oid roleid = get_role_oid_or_public(NameStr(*PG_GETARG_NAME(0)));
	PG_RETURN_BOOL(pg_parameter_aclcheck(text_to_cstring(PG_GETARG_TEXT_PP(1)), roleid, mode) ==
				   ACLCHECK_OK);
}

Datum has_parameter_privilege_name(PG_FUNCTION_ARGS)
{
	AclMode mode = ParsePrivileges(PG_GETARG_TEXT_PP(1), kParameterPrivs);
	PG_RETURN_BOOL(pg_parameter_aclcheck(text_to_cstring(PG_GETARG_TEXT_PP(0)), GetUserId(),
										 mode) == ACLCHECK_OK);
}

Datum has_parameter_privilege_id_name(PG_FUNCTION_ARGS)
{
	Oid roleid = PG_GETARG_OID(0);
	AclMode mode = ParsePrivileges(PG_GETARG_TEXT_PP(2), kParameterPrivs);
	PG_RETURN_BOOL(pg_parameter_aclcheck(text_to_cstring(PG_GETARG_TEXT_PP(1)), roleid, mode) ==
				   ACLCHECK_OK);
}
