/*
 * postinit.cpp — InitPostgres: a backend connects to its database.
 *
 * After authentication, a backend looks its role up in pg_authid and its
 * database up in pg_database (both shared catalogs, readable before any
 * database is chosen), refuses with PostgreSQL's FATALs — 28000 for a
 * role that does not exist, 3D000 for a missing database, 55000 for one
 * not accepting connections (template0) — and then reads the catalogs
 * of base/<oid>/ for everything else it does.
 */
#include "postgres.h"

#include <string>

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_database_d.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "pgstat.h"
#include "storage/procarray.h"
#include "commands/user.h"
#include "utils/guc.h"
#include "utils/backend_status.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

Oid MyDatabaseTableSpace = InvalidOid;
Oid MyUserId = InvalidOid;
Oid SessionUserId = InvalidOid;
Oid AuthenticatedUserId = InvalidOid;

Oid GetUserId(void)
{
	return MyUserId;
}

Oid GetOuterUserId(void)
{
	return MyUserId;
}

Oid GetSessionUserId(void)
{
	return SessionUserId;
}

namespace {

/* The row of a shared catalog whose name column equals name (through
 * the catalog's index on it), copied into the caller's context; NULL if
 * none. */
HeapTuple FindByName(Oid catalog, Oid index, AttrNumber namecol, const char *name)
{
	Relation rel = relation_open(catalog, AccessShareLock);
	NameData key_name;
	namestrcpy(&key_name, name);
	ScanKeyData key;
	ScanKeyInit(&key, namecol, BTEqualStrategyNumber, F_NAMEEQ, NameGetDatum(&key_name));
	SysScanDesc scan = systable_beginscan(rel, index, true, nullptr, 1, &key);
	HeapTuple found = nullptr;
	if (HeapTuple tuple = systable_getnext(scan))
		found = heap_copytuple(tuple);
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	return found;
}

/* The row of a shared catalog with this OID (through its OID index),
 * copied; NULL if none. */
HeapTuple FindByOid(Oid catalog, Oid index, AttrNumber oidcol, Oid oid)
{
	Relation rel = relation_open(catalog, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, oidcol, BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(oid));
	SysScanDesc scan = systable_beginscan(rel, index, true, nullptr, 1, &key);
	HeapTuple found = nullptr;
	if (HeapTuple tuple = systable_getnext(scan))
		found = heap_copytuple(tuple);
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	return found;
}

/* The bootstrap superuser, whom a worker connecting without a role name
 * runs as (PostgreSQL's InitializeSessionUserIdStandalone). */
constexpr Oid kBootstrapSuperuserId = 10;

}  // namespace

void InitPostgres(const char *in_dbname, const char *username)
{
	InitPostgresExt(in_dbname, InvalidOid, username, InvalidOid, false);
}

void InitPostgresExt(const char *in_dbname, Oid dboid_in, const char *username, Oid useroid,
					 bool override_allow_connections)
{
	CreateCacheMemoryContext();
	StartTransactionCommand();
	HeapTuple role;
	if (username != nullptr)
	{
		role = FindByName(AuthIdRelationId, AuthIdRolnameIndexId, Anum_pg_authid_rolname, username);
		if (role == nullptr)
			ereport(FATAL, errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
					errmsg("role \"%s\" does not exist", username));
	}
	else
	{
		Oid id = OidIsValid(useroid) ? useroid : kBootstrapSuperuserId;
		role = FindByOid(AuthIdRelationId, AuthIdOidIndexId, Anum_pg_authid_oid, id);
		if (role == nullptr)
			ereport(FATAL, errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
					errmsg("role with OID %u does not exist", id));
	}
	auto *roleform = reinterpret_cast<Form_pg_authid>(GETSTRUCT(role));
	if (!roleform->rolcanlogin)
		ereport(FATAL, errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
				errmsg("role \"%s\" is not permitted to log in", NameStr(roleform->rolname)));
	MyUserId = roleform->oid;
	SessionUserId = MyUserId;
	AuthenticatedUserId = MyUserId;
	is_superuser = roleform->rolsuper;
	std::string rolename_copy = NameStr(roleform->rolname);
	InitializeRoleState(rolename_copy.c_str(), is_superuser);
	int connlimit = roleform->rolconnlimit;

	HeapTuple db;
	if (in_dbname != nullptr)
	{
		db = FindByName(DatabaseRelationId, DatabaseNameIndexId, Anum_pg_database_datname,
						in_dbname);
		if (db == nullptr)
			ereport(FATAL, errcode(ERRCODE_UNDEFINED_DATABASE),
					errmsg("database \"%s\" does not exist", in_dbname));
	}
	else
	{
		db = FindByOid(DatabaseRelationId, DatabaseOidIndexId, Anum_pg_database_oid, dboid_in);
		if (db == nullptr)
			ereport(FATAL, errcode(ERRCODE_UNDEFINED_DATABASE),
					errmsg("database %u does not exist", dboid_in));
	}
	auto *dbform = reinterpret_cast<Form_pg_database>(GETSTRUCT(db));
	/* From here on by name, whichever way it was asked for. */
	std::string dbname_copy = NameStr(dbform->datname);
	in_dbname = dbname_copy.c_str();
	/* Against CREATE DATABASE copying it and DROP DATABASE removing it
	 * while we arrive; once we are in the process array (databaseId set),
	 * they see us and wait or refuse. */
	Oid dboid = dbform->oid;
	LockSharedObject(DatabaseRelationId, dboid, 0, RowExclusiveLock);
	db = FindByName(DatabaseRelationId, DatabaseNameIndexId, Anum_pg_database_datname, in_dbname);
	if (db == nullptr || reinterpret_cast<Form_pg_database>(GETSTRUCT(db))->oid != dboid)
		ereport(FATAL, errcode(ERRCODE_UNDEFINED_DATABASE),
				errmsg("database \"%s\" does not exist", in_dbname),
				errdetail("It seems to have just been dropped or renamed."));
	dbform = reinterpret_cast<Form_pg_database>(GETSTRUCT(db));
	if (!dbform->datallowconn && !override_allow_connections)
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("database \"%s\" is not currently accepting connections", in_dbname));
	MyDatabaseId = dbform->oid;
	if (MyProc != nullptr)
	{
		MyProc->databaseId = MyDatabaseId;
		MyProc->roleId = MyUserId; /* for pg_signal_backend's permission check */
	}
	/* CONNECTION LIMIT counts this process too (its PGPROC names the role
	 * now); superusers are not limited. */
	if (MyProc != nullptr && connlimit >= 0 && !is_superuser &&
		CountUserBackends(MyUserId) > connlimit)
		ereport(FATAL, errcode(ERRCODE_TOO_MANY_CONNECTIONS),
				errmsg("too many connections for role \"%s\"", rolename_copy.c_str()));
	/* ALTER ROLE … SET values (pg_db_role_setting), before the client's
	 * own startup options, which override them. */
	ApplyRoleSettings(MyDatabaseId, MyUserId, is_superuser);
	MyDatabaseTableSpace = dbform->dattablespace;
	CommitTransactionCommand();
	RelationCacheHasCatalogs = true;
	AcceptInvalidationMessages();
	/* pg_stat_activity shows the database, role and client from now on. */
	pgstat_bestart();
	/* Counters flushed at exit; a client session counts in sessions. */
	pgstat_initialize();
}
