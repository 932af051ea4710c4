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
#include "utils/backend_status.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

Oid MyDatabaseTableSpace = InvalidOid;
Oid MyUserId = InvalidOid;

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

}  // namespace

void InitPostgres(const char *in_dbname, const char *username)
{
	StartTransactionCommand();
	HeapTuple role = FindByName(AuthIdRelationId, AuthIdRolnameIndexId, Anum_pg_authid_rolname,
								username);
	if (role == nullptr)
		ereport(FATAL, errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
				errmsg("role \"%s\" does not exist", username));
	auto *roleform = reinterpret_cast<Form_pg_authid>(GETSTRUCT(role));
	if (!roleform->rolcanlogin)
		ereport(FATAL, errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
				errmsg("role \"%s\" is not permitted to log in", username));
	MyUserId = roleform->oid;

	HeapTuple db = FindByName(DatabaseRelationId, DatabaseNameIndexId, Anum_pg_database_datname,
							  in_dbname);
	if (db == nullptr)
		ereport(FATAL, errcode(ERRCODE_UNDEFINED_DATABASE),
				errmsg("database \"%s\" does not exist", in_dbname));
	auto *dbform = reinterpret_cast<Form_pg_database>(GETSTRUCT(db));
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
	if (!dbform->datallowconn)
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("database \"%s\" is not currently accepting connections", in_dbname));
	MyDatabaseId = dbform->oid;
	if (MyProc != nullptr)
	{
		MyProc->databaseId = MyDatabaseId;
		MyProc->roleId = MyUserId; /* for pg_signal_backend's permission check */
	}
	MyDatabaseTableSpace = dbform->dattablespace;
	CommitTransactionCommand();
	RelationCacheHasCatalogs = true;
	AcceptInvalidationMessages();
	/* pg_stat_activity shows the database, role and client from now on. */
	pgstat_bestart();
}
