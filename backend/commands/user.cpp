/*
 * user.cpp — roles: CREATE / ALTER / DROP ROLE (and USER, GROUP), ALTER
 * ROLE … RENAME TO and … SET / RESET, GRANT / REVOKE of role membership,
 * and the "role" and "session_authorization" settings behind SET ROLE and
 * SET SESSION AUTHORIZATION (commands/user.h).
 *
 * A role is a pg_authid row (a shared catalog: every database sees the
 * same roles); memberships are pg_auth_members rows (roleid, member,
 * grantor, admin_option); per-role settings are pg_db_role_setting rows
 * (setdatabase 0 for every database, setrole 0 for every role) whose
 * setconfig array holds "name=value" items, applied at connection start
 * by ApplyRoleSettings.  Who may do what follows PostgreSQL 15: superusers
 * anything; CREATEROLE holders create, alter and drop roles that are not
 * superusers (and are not replication or BYPASSRLS roles), and grant any
 * non-superuser role; a role with the admin option on another grants that
 * one; anyone may change their own password.
 *
 * Owners: DROP ROLE refuses (2BP01) while pg_shdepend says the role owns
 * objects in any database (catalog/pg_shdepend_fns.h); DROP OWNED and
 * REASSIGN OWNED are in commands/owner.cpp.
 *
 * Principal entry points: CreateRole, AlterRole, AlterRoleSet, DropRole,
 * RenameRole, GrantRole, ApplyRoleSettings, and the setting hooks.
 */
#include "postgres.h"

#include <map>
#include <string>
#include <vector>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/objectaddress.h"
#include "catalog/pg_auth_members_d.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_db_role_setting_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_shdepend_fns.h"
#include "catalog/pg_type_d.h"
#include "commands/comment.h"
#include "commands/defrem.h"
#include "commands/user.h"
#include "libpq/crypt.h"
#include "miscadmin.h"
#include "parser/parse_node.h"
#include "storage/lmgr.h"
#include "tcop/utility.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/fmgrprotos.h"
#include "utils/guc.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

namespace {

Form_pg_authid AuthForm(HeapTuple tup)
{
	return reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup));
}

/* Names starting with "pg_" are reserved for built-in roles. */
bool IsReservedName(const char *name)
{
	return strncmp(name, "pg_", 3) == 0;
}

/* The tuple of the role a RoleSpec names (PostgreSQL's
 * get_rolespec_tuple): ERROR if it does not exist or is PUBLIC. */
HeapTuple RoleSpecTuple(const RoleSpec *role)
{
	Oid oid = InvalidOid;
	switch (role->roletype)
	{
		case ROLESPEC_CSTRING:
		{
			HeapTuple tup = SearchSysCache1(AUTHNAME, CStringGetDatum(role->rolename));
			if (tup == nullptr)
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("role \"%s\" does not exist", role->rolename));
			return tup;
		}
		case ROLESPEC_CURRENT_ROLE:
		case ROLESPEC_CURRENT_USER:
			oid = GetUserId();
			break;
		case ROLESPEC_SESSION_USER:
			oid = GetSessionUserId();
			break;
		case ROLESPEC_PUBLIC:
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("role \"%s\" does not exist", "public"));
	}
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(oid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for role %u", oid);
	return tup;
}

Oid RoleSpecOid(const RoleSpec *role)
{
	HeapTuple tup = RoleSpecTuple(role);
	Oid oid = AuthForm(tup)->oid;
	ReleaseSysCache(tup);
	return oid;
}

std::string RoleName(Oid roleid)
{
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for role %u", roleid);
	std::string name = NameStr(AuthForm(tup)->rolname);
	ReleaseSysCache(tup);
	return name;
}

/* The options of CREATE / ALTER ROLE, as given (null: not given). */
struct RoleOptions
{
	DefElem *password = nullptr;
	DefElem *issuper = nullptr;
	DefElem *inherit = nullptr;
	DefElem *createrole = nullptr;
	DefElem *createdb = nullptr;
	DefElem *canlogin = nullptr;
	DefElem *isreplication = nullptr;
	DefElem *connlimit = nullptr;
	DefElem *addroleto = nullptr;
	DefElem *rolemembers = nullptr;
	DefElem *adminmembers = nullptr;
	DefElem *validuntil = nullptr;
	DefElem *bypassrls = nullptr;
};

RoleOptions ReadRoleOptions(ParseState *pstate, List *options)
{
	RoleOptions o;
	ListCell *lc;
	foreach (lc, options)
	{
		DefElem *d = static_cast<DefElem *>(lfirst(lc));
		DefElem **slot = nullptr;
		const char *n = d->defname;
		if (strcmp(n, "password") == 0)
			slot = &o.password;
		else if (strcmp(n, "sysid") == 0)
		{
			ereport(NOTICE, errmsg("SYSID can no longer be specified"));
			continue;
		}
		else if (strcmp(n, "superuser") == 0)
			slot = &o.issuper;
		else if (strcmp(n, "inherit") == 0)
			slot = &o.inherit;
		else if (strcmp(n, "createrole") == 0)
			slot = &o.createrole;
		else if (strcmp(n, "createdb") == 0)
			slot = &o.createdb;
		else if (strcmp(n, "canlogin") == 0)
			slot = &o.canlogin;
		else if (strcmp(n, "isreplication") == 0)
			slot = &o.isreplication;
		else if (strcmp(n, "connectionlimit") == 0)
			slot = &o.connlimit;
		else if (strcmp(n, "addroleto") == 0)
			slot = &o.addroleto;
		else if (strcmp(n, "rolemembers") == 0)
			slot = &o.rolemembers;
		else if (strcmp(n, "adminmembers") == 0)
			slot = &o.adminmembers;
		else if (strcmp(n, "validUntil") == 0)
			slot = &o.validuntil;
		else if (strcmp(n, "bypassrls") == 0)
			slot = &o.bypassrls;
		else
			elog(ERROR, "option \"%s\" not recognized", n);
		if (*slot != nullptr)
			errorConflictingDefElem(d, pstate);
		*slot = d;
	}
	return o;
}

bool BoolOption(const DefElem *d)
{
	return boolVal(d->arg);
}

int ConnLimitOption(const DefElem *d)
{
	int limit = intVal(d->arg);
	if (limit < -1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid connection limit: %d", limit));
	return limit;
}

Datum ValidUntilDatum(const DefElem *d)
{
	return DirectFunctionCall3(timestamptz_in, CStringGetDatum(strVal(d->arg)),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* The verifier to store for PASSWORD 'p' (NULL: clear the password). */
bool PasswordDatum(const DefElem *d, const char *rolename, Datum *out)
{
	if (d->arg == nullptr)
		return false;
	const char *password = strVal(d->arg);
	if (password[0] == '\0')
	{
		ereport(NOTICE, errmsg("empty string is not a valid password, clearing password"));
		return false;
	}
	std::string shadow = encrypt_password(static_cast<PasswordType>(Password_encryption), rolename,
										  password);
	*out = CStringGetTextDatum(shadow.c_str());
	return true;
}

/* ------------------------------------------------------------ membership */

/*
 * Make each of members a member of role (PostgreSQL's AddRoleMems): the
 * caller must be allowed to grant it; a membership that would make role a
 * member of itself is refused; an existing one only gains the admin
 * option (or draws a NOTICE).
 */
void AddRoleMems(const char *rolename, Oid roleid, List *memberSpecs, Oid grantorId, bool admin_opt)
{
	if (memberSpecs == NIL)
		return;
	if (superuser_arg(roleid))
	{
		if (!superuser())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("must be superuser to alter superusers"));
	}
	else if (!have_createrole_privilege() && !is_admin_of_role(grantorId, roleid))
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must have admin option on role \"%s\"", rolename));
	if (roleid == ROLE_PG_DATABASE_OWNER)
		ereport(ERROR, errcode(ERRCODE_INVALID_GRANT_OPERATION),
				errmsg("role \"%s\" cannot have explicit members", rolename));
	if (grantorId != GetUserId() && !superuser())
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must be superuser to set grantor"));

	Relation rel = relation_open(AuthMemRelationId, RowExclusiveLock);
	ListCell *lc;
	foreach (lc, memberSpecs)
	{
		RoleSpec *spec = static_cast<RoleSpec *>(lfirst(lc));
		Oid memberid = RoleSpecOid(spec);
		std::string membername = RoleName(memberid);
		/* pg_database_owner may not be a member of anything: its members
		 * vary by database */
		if (memberid == ROLE_PG_DATABASE_OWNER)
			ereport(ERROR, errcode(ERRCODE_INVALID_GRANT_OPERATION),
					errmsg("role \"%s\" cannot be a member of any role", membername.c_str()));
		/* Refuse a loop: role may not already be (indirectly) a member of
		 * the new member, nor the member itself. */
		if (is_member_of_role_nosuper(roleid, memberid))
			ereport(ERROR, errcode(ERRCODE_INVALID_GRANT_OPERATION),
					errmsg("role \"%s\" is a member of role \"%s\"", rolename, membername.c_str()));
		HeapTuple old = SearchSysCache2(AUTHMEMROLEMEM, ObjectIdGetDatum(roleid),
										ObjectIdGetDatum(memberid));
		if (old != nullptr)
		{
			auto *form = reinterpret_cast<Form_pg_auth_members>(GETSTRUCT(old));
			if (!admin_opt || form->admin_option)
			{
				ereport(NOTICE,
						errmsg("role \"%s\" is already a member of role \"%s\"", membername.c_str(),
							   rolename));
				ReleaseSysCache(old);
				continue;
			}
			HeapTuple copy = heap_copytuple(old);
			ReleaseSysCache(old);
			auto *cform = reinterpret_cast<Form_pg_auth_members>(GETSTRUCT(copy));
			cform->grantor = grantorId;
			cform->admin_option = true;
			CatalogTupleUpdate(rel, &copy->t_self, copy);
		}
		else
		{
			CatalogRow row(rel);
			row.Set(Anum_pg_auth_members_roleid, ObjectIdGetDatum(roleid))
				.Set(Anum_pg_auth_members_member, ObjectIdGetDatum(memberid))
				.Set(Anum_pg_auth_members_grantor, ObjectIdGetDatum(grantorId))
				.Set(Anum_pg_auth_members_admin_option, BoolGetDatum(admin_opt));
			CatalogTupleInsert(rel, row.Form());
		}
		/* so that a later member in the same list sees this one */
		CommandCounterIncrement();
	}
	relation_close(rel, RowExclusiveLock);
}

/* Remove members from role, or only their admin option (PostgreSQL's
 * DelRoleMems). */
void DelRoleMems(const char *rolename, Oid roleid, List *memberSpecs, bool admin_opt)
{
	if (memberSpecs == NIL)
		return;
	if (superuser_arg(roleid))
	{
		if (!superuser())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("must be superuser to alter superusers"));
	}
	else if (!have_createrole_privilege() && !is_admin_of_role(GetUserId(), roleid))
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must have admin option on role \"%s\"", rolename));

	Relation rel = relation_open(AuthMemRelationId, RowExclusiveLock);
	ListCell *lc;
	foreach (lc, memberSpecs)
	{
		RoleSpec *spec = static_cast<RoleSpec *>(lfirst(lc));
		Oid memberid = RoleSpecOid(spec);
		HeapTuple old = SearchSysCache2(AUTHMEMROLEMEM, ObjectIdGetDatum(roleid),
										ObjectIdGetDatum(memberid));
		if (old == nullptr)
		{
			ereport(WARNING,
					errmsg("role \"%s\" is not a member of role \"%s\"", RoleName(memberid).c_str(),
						   rolename));
			continue;
		}
		HeapTuple copy = heap_copytuple(old);
		ReleaseSysCache(old);
		if (!admin_opt)
			CatalogTupleDelete(rel, &copy->t_self);
		else
		{
			reinterpret_cast<Form_pg_auth_members>(GETSTRUCT(copy))->admin_option = false;
			CatalogTupleUpdate(rel, &copy->t_self, copy);
		}
		CommandCounterIncrement();
	}
	relation_close(rel, RowExclusiveLock);
}

/* Delete every pg_auth_members row with roleid in column attnum. */
void DeleteMemberships(Relation rel, Oid index, AttrNumber attnum, Oid roleid)
{
	ScanKeyData key;
	ScanKeyInit(&key, attnum, BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(roleid));
	SysScanDesc scan = systable_beginscan(rel, index, true, nullptr, 1, &key);
	while (HeapTuple tup = systable_getnext(scan))
		CatalogTupleDelete(rel, &tup->t_self);
	systable_endscan(scan);
}

/* ------------------------------------------------------ role settings */

/* The pg_db_role_setting row for (database, role), or nullptr (a copy). */
HeapTuple FindSettingRow(Relation rel, Oid databaseid, Oid roleid)
{
	ScanKeyData keys[2];
	ScanKeyInit(&keys[0], Anum_pg_db_role_setting_setdatabase, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(databaseid));
	ScanKeyInit(&keys[1], Anum_pg_db_role_setting_setrole, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(roleid));
	SysScanDesc scan = systable_beginscan(rel, DbRoleSettingDatidRolidIndexId, true, nullptr, 2,
										  keys);
	HeapTuple found = nullptr;
	if (HeapTuple tup = systable_getnext(scan))
		found = heap_copytuple(tup);
	systable_endscan(scan);
	return found;
}

/* The "name=value" items of a setconfig array. */
std::vector<std::string> ConfigItems(Relation rel, HeapTuple tup)
{
	std::vector<std::string> items;
	bool isnull;
	Datum d = heap_getattr(tup, Anum_pg_db_role_setting_setconfig, RelationGetDescr(rel), &isnull);
	if (isnull)
		return items;
	ArrayType *arr = DatumGetArrayTypeP(d);
	Datum *elems;
	bool *nulls;
	int n;
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
		if (!nulls[i])
			items.emplace_back(TextDatumGetCString(elems[i]));
	return items;
}

/* The setting's canonical name (as SHOW spells it) for a known one. */
std::string CanonicalName(const char *name)
{
	const char *varname = nullptr;
	(void) GetConfigOptionByName(name, &varname, true);
	return varname != nullptr ? varname : name;
}

/* ALTER ROLE / ALL … SET / RESET on the (database, role) row (PostgreSQL's
 * AlterSetting with GUCArrayAdd / GUCArrayDelete). */
void AlterSetting(Oid databaseid, Oid roleid, VariableSetStmt *setstmt)
{
	Relation rel = relation_open(DbRoleSettingRelationId, RowExclusiveLock);
	HeapTuple old = FindSettingRow(rel, databaseid, roleid);
	std::vector<std::string> items;
	if (old != nullptr)
		items = ConfigItems(rel, old);

	if (setstmt->kind == VAR_RESET_ALL)
		items.clear();
	else
	{
		/* Check the value (and the right to set it) as SET would. */
		std::string name = setstmt->name;
		std::string value;
		bool set = setstmt->kind == VAR_SET_VALUE;
		if (setstmt->kind == VAR_SET_CURRENT)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("SET … FROM CURRENT in ALTER ROLE is not supported yet"));
		if (set)
		{
			char *v = ExtractSetVariableArgs(setstmt);
			value = v != nullptr ? v : "";
			(void) set_config_option(name.c_str(), value.c_str(),
									 superuser() ? PGC_SUSET : PGC_USERSET, PGC_S_TEST,
									 GUC_ACTION_SET, false, ERROR, false);
		}
		else if (strchr(name.c_str(), '.') == nullptr &&
				 GetConfigOption(name.c_str(), true, false) == nullptr)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("unrecognized configuration parameter \"%s\"", name.c_str()));
		name = CanonicalName(name.c_str());
		/* A new value takes the old one's place; RESET removes it. */
		std::vector<std::string> kept;
		bool replaced = false;
		for (const std::string &item : items)
		{
			size_t eq = item.find('=');
			if (strcasecmp(item.substr(0, eq).c_str(), name.c_str()) != 0)
				kept.push_back(item);
			else if (set && !replaced)
			{
				kept.push_back(name + "=" + value);
				replaced = true;
			}
		}
		if (set && !replaced)
			kept.push_back(name + "=" + value);
		items = kept;
	}

	if (old != nullptr)
		CatalogTupleDelete(rel, &old->t_self);
	if (!items.empty())
	{
		std::vector<Datum> elems;
		for (const std::string &item : items)
			elems.push_back(CStringGetTextDatum(item.c_str()));
		ArrayType *arr = construct_array(elems.data(), static_cast<int>(elems.size()), TEXTOID, -1,
										 false, TYPALIGN_INT);
		CatalogRow row(rel);
		row.Set(Anum_pg_db_role_setting_setdatabase, ObjectIdGetDatum(databaseid))
			.Set(Anum_pg_db_role_setting_setrole, ObjectIdGetDatum(roleid))
			.Set(Anum_pg_db_role_setting_setconfig, PointerGetDatum(arr));
		CatalogTupleInsert(rel, row.Form());
	}
	relation_close(rel, RowExclusiveLock);
	CommandCounterIncrement();
}

/* Remove every pg_db_role_setting row of a role (DROP ROLE). */
void DropSettings(Oid roleid)
{
	Relation rel = relation_open(DbRoleSettingRelationId, RowExclusiveLock);
	SysScanDesc scan = systable_beginscan(rel, InvalidOid, false, nullptr, 0, nullptr);
	while (HeapTuple tup = systable_getnext(scan))
		if (reinterpret_cast<Form_pg_db_role_setting>(GETSTRUCT(tup))->setrole == roleid)
			CatalogTupleDelete(rel, &tup->t_self);
	systable_endscan(scan);
	relation_close(rel, RowExclusiveLock);
}

/* Oid of a database by name, or ERROR 3D000. */
Oid DatabaseOid(const char *dbname)
{
	Relation rel = relation_open(DatabaseRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_database_datname, BTEqualStrategyNumber, F_NAMEEQ,
				CStringGetDatum(dbname));
	SysScanDesc scan = systable_beginscan(rel, DatabaseNameIndexId, true, nullptr, 1, &key);
	Oid oid = InvalidOid;
	if (HeapTuple tup = systable_getnext(scan))
		oid = reinterpret_cast<Form_pg_database>(GETSTRUCT(tup))->oid;
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	if (!OidIsValid(oid))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_DATABASE),
				errmsg("database \"%s\" does not exist", dbname));
	return oid;
}

}  // namespace

/* ------------------------------------------------------------ CREATE ROLE */

Oid CreateRole(ParseState *pstate, CreateRoleStmt *stmt)
{
	RoleOptions o = ReadRoleOptions(pstate, stmt->options);
	bool issuper = o.issuper != nullptr && BoolOption(o.issuper);
	bool inherit = o.inherit == nullptr || BoolOption(o.inherit);
	bool createrole = o.createrole != nullptr && BoolOption(o.createrole);
	bool createdb = o.createdb != nullptr && BoolOption(o.createdb);
	/* CREATE USER logs in by default */
	bool canlogin = o.canlogin != nullptr ? BoolOption(o.canlogin)
										  : stmt->stmt_type == ROLESTMT_USER;
	bool isreplication = o.isreplication != nullptr && BoolOption(o.isreplication);
	bool bypassrls = o.bypassrls != nullptr && BoolOption(o.bypassrls);
	int connlimit = o.connlimit != nullptr ? ConnLimitOption(o.connlimit) : -1;

	if (issuper)
	{
		if (!superuser())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("must be superuser to create superusers"));
	}
	else if (isreplication)
	{
		if (!superuser())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("must be superuser to create replication users"));
	}
	else if (bypassrls)
	{
		if (!superuser())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("must be superuser to create bypassrls users"));
	}
	else if (!have_createrole_privilege())
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied to create role"));

	if (IsReservedName(stmt->role))
		ereport(ERROR, errcode(ERRCODE_RESERVED_NAME),
				errmsg("role name \"%s\" is reserved", stmt->role),
				errdetail("Role names starting with \"pg_\" are reserved."));

	Relation rel = relation_open(AuthIdRelationId, RowExclusiveLock);
	if (SearchSysCacheExists1(AUTHNAME, CStringGetDatum(stmt->role)))
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
				errmsg("role \"%s\" already exists", stmt->role));

	Oid roleid = GetNewObjectId();
	CatalogRow row(rel);
	row.Set(Anum_pg_authid_oid, ObjectIdGetDatum(roleid))
		.SetName(Anum_pg_authid_rolname, stmt->role)
		.Set(Anum_pg_authid_rolsuper, BoolGetDatum(issuper))
		.Set(Anum_pg_authid_rolinherit, BoolGetDatum(inherit))
		.Set(Anum_pg_authid_rolcreaterole, BoolGetDatum(createrole))
		.Set(Anum_pg_authid_rolcreatedb, BoolGetDatum(createdb))
		.Set(Anum_pg_authid_rolcanlogin, BoolGetDatum(canlogin))
		.Set(Anum_pg_authid_rolreplication, BoolGetDatum(isreplication))
		.Set(Anum_pg_authid_rolbypassrls, BoolGetDatum(bypassrls))
		.Set(Anum_pg_authid_rolconnlimit, Int32GetDatum(connlimit));
	Datum password;
	if (o.password != nullptr && PasswordDatum(o.password, stmt->role, &password))
		row.Set(Anum_pg_authid_rolpassword, password);
	else
		row.SetNull(Anum_pg_authid_rolpassword);
	if (o.validuntil != nullptr)
		row.Set(Anum_pg_authid_rolvaliduntil, ValidUntilDatum(o.validuntil));
	else
		row.SetNull(Anum_pg_authid_rolvaliduntil);
	CatalogTupleInsert(rel, row.Form());
	relation_close(rel, RowExclusiveLock);
	CommandCounterIncrement();

	/* IN ROLE: the new role joins each; ROLE / ADMIN: each joins it. */
	if (o.addroleto != nullptr)
	{
		ListCell *lc;
		foreach (lc, reinterpret_cast<List *>(o.addroleto->arg))
		{
			RoleSpec *spec = static_cast<RoleSpec *>(lfirst(lc));
			HeapTuple tup = RoleSpecTuple(spec);
			std::string name = NameStr(AuthForm(tup)->rolname);
			Oid oid = AuthForm(tup)->oid;
			ReleaseSysCache(tup);
			RoleSpec *self = makeNode(RoleSpec);
			self->roletype = ROLESPEC_CSTRING;
			self->rolename = stmt->role;
			self->location = -1;
			AddRoleMems(name.c_str(), oid, list_make1(self), GetUserId(), false);
		}
	}
	if (o.adminmembers != nullptr)
		AddRoleMems(stmt->role, roleid, reinterpret_cast<List *>(o.adminmembers->arg), GetUserId(),
					true);
	if (o.rolemembers != nullptr)
		AddRoleMems(stmt->role, roleid, reinterpret_cast<List *>(o.rolemembers->arg), GetUserId(),
					false);
	return roleid;
}

/* ------------------------------------------------------------- ALTER ROLE */

Oid AlterRole(ParseState *pstate, AlterRoleStmt *stmt)
{
	RoleOptions o = ReadRoleOptions(pstate, stmt->options);
	if (o.addroleto != nullptr || o.adminmembers != nullptr)
		elog(ERROR, "unexpected role option in ALTER ROLE");
	int connlimit = o.connlimit != nullptr ? ConnLimitOption(o.connlimit) : -1;

	HeapTuple tup = RoleSpecTuple(stmt->role);
	Form_pg_authid form = AuthForm(tup);
	std::string rolename = NameStr(form->rolname);
	Oid roleid = form->oid;
	bool was_super = form->rolsuper;
	bool was_replication = form->rolreplication;
	ReleaseSysCache(tup);

	/* Superuser and replication roles, and BYPASSRLS, only by a superuser;
	 * without CREATEROLE, only one's own password. */
	if (was_super || o.issuper != nullptr)
	{
		if (!superuser())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("must be superuser to alter superuser roles or change superuser "
						   "attribute"));
	}
	else if (was_replication || o.isreplication != nullptr)
	{
		if (!superuser())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("must be superuser to alter replication roles or change replication "
						   "attribute"));
	}
	else if (o.bypassrls != nullptr)
	{
		if (!superuser())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("must be superuser to change bypassrls attribute"));
	}
	else if (!have_createrole_privilege())
	{
		if (o.inherit != nullptr || o.createrole != nullptr || o.createdb != nullptr ||
			o.canlogin != nullptr || o.connlimit != nullptr || o.rolemembers != nullptr ||
			o.validuntil != nullptr || o.password == nullptr || roleid != GetUserId())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE), errmsg("permission denied"));
	}

	Relation rel = relation_open(AuthIdRelationId, RowExclusiveLock);
	HeapTuple old = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (old == nullptr)
		elog(ERROR, "cache lookup failed for role %u", roleid);
	TupleDesc desc = RelationGetDescr(rel);
	std::vector<Datum> values(static_cast<size_t>(desc->natts), 0);
	/* palloc'd in the statement's context (vector<bool> has no data()) */
	bool *nulls = static_cast<bool *>(palloc0(sizeof(bool) * static_cast<size_t>(desc->natts)));
	bool *repl = static_cast<bool *>(palloc0(sizeof(bool) * static_cast<size_t>(desc->natts)));
	auto set = [&](int attnum, Datum v, bool isnull = false) {
		values[attnum - 1] = v;
		nulls[attnum - 1] = isnull;
		repl[attnum - 1] = true;
	};
	if (o.issuper != nullptr)
		set(Anum_pg_authid_rolsuper, BoolGetDatum(BoolOption(o.issuper)));
	if (o.inherit != nullptr)
		set(Anum_pg_authid_rolinherit, BoolGetDatum(BoolOption(o.inherit)));
	if (o.createrole != nullptr)
		set(Anum_pg_authid_rolcreaterole, BoolGetDatum(BoolOption(o.createrole)));
	if (o.createdb != nullptr)
		set(Anum_pg_authid_rolcreatedb, BoolGetDatum(BoolOption(o.createdb)));
	if (o.canlogin != nullptr)
		set(Anum_pg_authid_rolcanlogin, BoolGetDatum(BoolOption(o.canlogin)));
	if (o.isreplication != nullptr)
		set(Anum_pg_authid_rolreplication, BoolGetDatum(BoolOption(o.isreplication)));
	if (o.bypassrls != nullptr)
		set(Anum_pg_authid_rolbypassrls, BoolGetDatum(BoolOption(o.bypassrls)));
	if (o.connlimit != nullptr)
		set(Anum_pg_authid_rolconnlimit, Int32GetDatum(connlimit));
	if (o.password != nullptr)
	{
		Datum password;
		if (PasswordDatum(o.password, rolename.c_str(), &password))
			set(Anum_pg_authid_rolpassword, password);
		else
			set(Anum_pg_authid_rolpassword, 0, true);
	}
	if (o.validuntil != nullptr)
		set(Anum_pg_authid_rolvaliduntil, ValidUntilDatum(o.validuntil));
	HeapTuple newtup = heap_modify_tuple(old, desc, values.data(), nulls, repl);
	CatalogTupleUpdate(rel, &old->t_self, newtup);
	ReleaseSysCache(old);
	relation_close(rel, RowExclusiveLock);
	CommandCounterIncrement();

	/* ALTER GROUP … ADD / DROP USER, ALTER ROLE … ROLE (USER) list */
	if (o.rolemembers != nullptr)
	{
		List *members = reinterpret_cast<List *>(o.rolemembers->arg);
		if (stmt->action == +1)
			AddRoleMems(rolename.c_str(), roleid, members, GetUserId(), false);
		else
			DelRoleMems(rolename.c_str(), roleid, members, false);
	}
	/* The current user may have changed its own superuser attribute. */
	if (roleid == GetUserId())
		is_superuser = superuser_arg(roleid);
	return roleid;
}

Oid AlterRoleSet(AlterRoleSetStmt *stmt)
{
	Oid roleid = InvalidOid;
	if (stmt->role != nullptr)
	{
		HeapTuple tup = RoleSpecTuple(stmt->role);
		Form_pg_authid form = AuthForm(tup);
		roleid = form->oid;
		bool rolsuper = form->rolsuper;
		ReleaseSysCache(tup);
		LockSharedObject(AuthIdRelationId, roleid, 0, AccessShareLock);
		if (rolsuper)
		{
			if (!superuser())
				ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
						errmsg("must be superuser to alter superusers"));
		}
		else if (!have_createrole_privilege() && roleid != GetUserId())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE), errmsg("permission denied"));
	}
	Oid databaseid = InvalidOid;
	if (stmt->database != nullptr)
	{
		databaseid = DatabaseOid(stmt->database);
		/* ALTER ROLE ALL IN DATABASE is ALTER DATABASE … SET: the owner's
		 * (and superusers') */
		if (stmt->role == nullptr && !superuser())
		{
			HeapTuple db = SearchSysCache1(DATABASEOID, ObjectIdGetDatum(databaseid));
			bool owner = db != nullptr &&
				has_privs_of_role(GetUserId(),
								  reinterpret_cast<Form_pg_database>(GETSTRUCT(db))->datdba);
			if (db != nullptr)
				ReleaseSysCache(db);
			if (!owner)
				ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
						errmsg("must be owner of database %s", stmt->database));
		}
	}
	if (stmt->role == nullptr && stmt->database == nullptr && !superuser())
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must be superuser to alter settings globally"));
	AlterSetting(databaseid, roleid, stmt->setstmt);
	return roleid;
}

/* -------------------------------------------------------------- DROP ROLE */

void DropRole(DropRoleStmt *stmt)
{
	if (!have_createrole_privilege())
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied to drop role"));

	Relation authid = relation_open(AuthIdRelationId, RowExclusiveLock);
	Relation members = relation_open(AuthMemRelationId, RowExclusiveLock);
	ListCell *lc;
	foreach (lc, stmt->roles)
	{
		RoleSpec *spec = static_cast<RoleSpec *>(lfirst(lc));
		if (spec->roletype != ROLESPEC_CSTRING)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("cannot use special role specifier in DROP ROLE"));
		const char *role = spec->rolename;
		HeapTuple tup = SearchSysCache1(AUTHNAME, CStringGetDatum(role));
		if (tup == nullptr)
		{
			if (!stmt->missing_ok)
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("role \"%s\" does not exist", role));
			ereport(NOTICE, errmsg("role \"%s\" does not exist, skipping", role));
			continue;
		}
		Form_pg_authid form = AuthForm(tup);
		Oid roleid = form->oid;
		bool rolsuper = form->rolsuper;
		HeapTuple copy = heap_copytuple(tup);
		ReleaseSysCache(tup);

		if (roleid == GetUserId() || roleid == GetOuterUserId())
			ereport(ERROR, errcode(ERRCODE_OBJECT_IN_USE),
					errmsg("current user cannot be dropped"));
		if (roleid == GetSessionUserId())
			ereport(ERROR, errcode(ERRCODE_OBJECT_IN_USE),
					errmsg("session user cannot be dropped"));
		if (rolsuper && !superuser())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("must be superuser to drop superusers"));

		/* Lock the role so that nobody records a new dependency on it
		 * meanwhile (recordDependencyOnOwner waits), then refuse while
		 * anything in any database depends on it. */
		LockSharedObject(AuthIdRelationId, roleid, 0, AccessExclusiveLock);
		std::string detail;
		std::string detail_log;
		if (checkSharedDependencies(AuthIdRelationId, roleid, &detail, &detail_log))
			ereport(ERROR, errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
					errmsg("role \"%s\" cannot be dropped because some objects depend on it", role),
					errdetail_internal("%s", detail.c_str()),
					errdetail_log("%s", detail_log.c_str()));

		CatalogTupleDelete(authid, &copy->t_self);
		/* Its memberships both ways, and its settings. */
		DeleteMemberships(members, AuthMemRoleMemIndexId, Anum_pg_auth_members_roleid, roleid);
		DeleteMemberships(members, AuthMemMemRoleIndexId, Anum_pg_auth_members_member, roleid);
		DropSettings(roleid);
		/* And its comment (COMMENT ON ROLE). */
		CreateSharedComments(roleid, AuthIdRelationId, nullptr);
		CommandCounterIncrement();
	}
	relation_close(members, RowExclusiveLock);
	relation_close(authid, RowExclusiveLock);
}

/* ------------------------------------------------------------ RENAME ROLE */

void RenameRole(const char *oldname, const char *newname)
{
	Relation rel = relation_open(AuthIdRelationId, RowExclusiveLock);
	HeapTuple old = SearchSysCache1(AUTHNAME, CStringGetDatum(oldname));
	if (old == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("role \"%s\" does not exist", oldname));
	Form_pg_authid form = AuthForm(old);
	Oid roleid = form->oid;
	if (roleid == GetSessionUserId())
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("session user cannot be renamed"));
	if (roleid == GetOuterUserId())
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("current user cannot be renamed"));
	/* Built-in roles keep their names, and no role takes a pg_ name. */
	if (IsReservedName(NameStr(form->rolname)))
		ereport(ERROR, errcode(ERRCODE_RESERVED_NAME),
				errmsg("role name \"%s\" is reserved", NameStr(form->rolname)),
				errdetail("Role names starting with \"pg_\" are reserved."));
	if (IsReservedName(newname))
		ereport(ERROR, errcode(ERRCODE_RESERVED_NAME),
				errmsg("role name \"%s\" is reserved", newname),
				errdetail("Role names starting with \"pg_\" are reserved."));
	if (SearchSysCacheExists1(AUTHNAME, CStringGetDatum(newname)))
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
				errmsg("role \"%s\" already exists", newname));
	if (form->rolsuper)
	{
		if (!superuser())
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("must be superuser to rename superusers"));
	}
	else if (!have_createrole_privilege())
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied to rename role"));

	TupleDesc desc = RelationGetDescr(rel);
	std::vector<Datum> values(static_cast<size_t>(desc->natts), 0);
	/* palloc'd in the statement's context (vector<bool> has no data()) */
	bool *nulls = static_cast<bool *>(palloc0(sizeof(bool) * static_cast<size_t>(desc->natts)));
	bool *repl = static_cast<bool *>(palloc0(sizeof(bool) * static_cast<size_t>(desc->natts)));
	NameData name;
	namestrcpy(&name, newname);
	values[Anum_pg_authid_rolname - 1] = NameGetDatum(&name);
	repl[Anum_pg_authid_rolname - 1] = true;
	/* An MD5 verifier is salted with the role name: it no longer matches. */
	bool isnull;
	Datum pw = heap_getattr(old, Anum_pg_authid_rolpassword, desc, &isnull);
	if (!isnull && get_password_type(TextDatumGetCString(pw)) == PASSWORD_TYPE_MD5)
	{
		repl[Anum_pg_authid_rolpassword - 1] = true;
		nulls[Anum_pg_authid_rolpassword - 1] = true;
		ereport(NOTICE, errmsg("MD5 password cleared because of role rename"));
	}
	HeapTuple newtup = heap_modify_tuple(old, desc, values.data(), nulls, repl);
	CatalogTupleUpdate(rel, &old->t_self, newtup);
	ReleaseSysCache(old);
	relation_close(rel, RowExclusiveLock);
	CommandCounterIncrement();
}

/* ----------------------------------------------------- GRANT / REVOKE role */

void GrantRole(GrantRoleStmt *stmt)
{
	Oid grantor = stmt->grantor != nullptr ? RoleSpecOid(stmt->grantor) : GetUserId();
	ListCell *lc;
	foreach (lc, stmt->granted_roles)
	{
		AccessPriv *priv = static_cast<AccessPriv *>(lfirst(lc));
		if (priv->cols != NIL)
			ereport(ERROR, errcode(ERRCODE_INVALID_GRANT_OPERATION),
					errmsg("column names cannot be included in GRANT/REVOKE ROLE"));
		const char *rolename = priv->priv_name;
		Oid roleid = get_role_oid(rolename, false);
		if (stmt->is_grant)
			AddRoleMems(rolename, roleid, stmt->grantee_roles, grantor, stmt->admin_opt);
		else
			DelRoleMems(rolename, roleid, stmt->grantee_roles, stmt->admin_opt);
	}
}

/* -------------------------------------------------- settings at login */

void ApplyRoleSettings(Oid databaseid, Oid roleid, bool superuser)
{
	GucContext context = superuser ? PGC_SUSET : PGC_USERSET;
	/* Most specific first wins: PostgreSQL applies them in this order,
	 * each source outranking the next. */
	const struct
	{
		Oid db;
		Oid role;
		GucSource source;
	} kRows[] = {
		{databaseid, roleid, PGC_S_DATABASE_USER},
		{InvalidOid, roleid, PGC_S_USER},
		{databaseid, InvalidOid, PGC_S_DATABASE},
		{InvalidOid, InvalidOid, PGC_S_GLOBAL},
	};
	Relation rel = relation_open(DbRoleSettingRelationId, AccessShareLock);
	for (const auto &r : kRows)
	{
		HeapTuple tup = FindSettingRow(rel, r.db, r.role);
		if (tup == nullptr)
			continue;
		for (const std::string &item : ConfigItems(rel, tup))
		{
			size_t eq = item.find('=');
			if (eq == std::string::npos)
				continue;
			std::string name = item.substr(0, eq);
			std::string value = item.substr(eq + 1);
			/* A bad stored value warns and is skipped, as in PostgreSQL. */
			(void) set_config_option(name.c_str(), value.c_str(), context, r.source, GUC_ACTION_SET,
									 true, WARNING, false);
		}
	}
	relation_close(rel, AccessShareLock);
}

/* ------------------------------------------------ SET ROLE / SESSION AUTH */

namespace {

/* What the check hooks found for a role name, for the assign hooks (which
 * run also when a transaction's SET is undone, without catalog access). */
struct CheckedRole
{
	Oid oid;
	bool super;
};
std::map<std::string, CheckedRole> &CheckedRoles()
{
	static std::map<std::string, CheckedRole> roles;
	return roles;
}

/* Whether the session user is a superuser (SET ROLE NONE returns to it),
 * and whether SET ROLE is in effect (SHOW role says "none" if not). */
bool session_is_superuser = false;
bool role_is_active = false;
bool authenticated_is_superuser = false;

}  // namespace

void InitializeRoleState(const char *rolename, bool superuser)
{
	session_is_superuser = superuser;
	authenticated_is_superuser = superuser;
	role_is_active = false;
	/* RESET SESSION AUTHORIZATION assigns the login role's name unchecked */
	CheckedRoles()[rolename] = CheckedRole{AuthenticatedUserId, superuser};
}

bool check_role(char **newval, void **extra, GucSource source)
{
	(void) extra;
	if (strcmp(*newval, "none") == 0)
		return true;
	if (!IsTransactionState())
		return false; /* no catalog access: cannot check */
	HeapTuple tup = SearchSysCache1(AUTHNAME, CStringGetDatum(*newval));
	if (tup == nullptr)
	{
		if (source == PGC_S_TEST)
			return true;
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("role \"%s\" does not exist", *newval));
	}
	CheckedRole r{AuthForm(tup)->oid, AuthForm(tup)->rolsuper};
	ReleaseSysCache(tup);
	if (source != PGC_S_TEST && !is_member_of_role(GetSessionUserId(), r.oid))
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied to set role \"%s\"", *newval));
	CheckedRoles()[*newval] = r;
	return true;
}

void assign_role(const char *newval, void *extra)
{
	(void) extra;
	if (newval == nullptr || strcmp(newval, "none") == 0)
	{
		MyUserId = SessionUserId;
		is_superuser = session_is_superuser;
		role_is_active = false;
		return;
	}
	auto it = CheckedRoles().find(newval);
	if (it == CheckedRoles().end())
		return;
	MyUserId = it->second.oid;
	is_superuser = it->second.super;
	role_is_active = true;
}

const char *show_role(void)
{
	extern char *role_string;
	return role_is_active && role_string != nullptr ? role_string : "none";
}

bool check_session_authorization(char **newval, void **extra, GucSource source)
{
	(void) extra;
	(void) source;
	/* At connection start the login role is already in place. */
	if (!IsTransactionState() || !OidIsValid(AuthenticatedUserId))
		return true;
	HeapTuple tup = SearchSysCache1(AUTHNAME, CStringGetDatum(*newval));
	if (tup == nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("role \"%s\" does not exist", *newval));
	CheckedRole r{AuthForm(tup)->oid, AuthForm(tup)->rolsuper};
	ReleaseSysCache(tup);
	if (r.oid != AuthenticatedUserId && !superuser_arg(AuthenticatedUserId))
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied to set session authorization"));
	CheckedRoles()[*newval] = r;
	return true;
}

void assign_session_authorization(const char *newval, void *extra)
{
	(void) extra;
	CheckedRole r{AuthenticatedUserId, authenticated_is_superuser};
	/* RESET (the built-in empty value) returns to the login role. */
	if (newval != nullptr && newval[0] != '\0')
	{
		auto it = CheckedRoles().find(newval);
		if (it == CheckedRoles().end())
			return;
		r = it->second;
	}
	if (!OidIsValid(r.oid))
		return;
	/* A new session user ends SET ROLE. */
	SessionUserId = r.oid;
	session_is_superuser = r.super;
	MyUserId = SessionUserId;
	is_superuser = session_is_superuser;
	role_is_active = false;
}
