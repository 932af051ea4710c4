/*
 * pg_shdepend.cpp — dependencies on shared objects: who owns what
 * (catalog/pg_shdepend_fns.h).
 *
 * Principal entry points: recordDependencyOnOwner, changeDependencyOnOwner,
 * deleteSharedDependencyRecordsFor, checkSharedDependencies (DROP ROLE),
 * copyTemplateDependencies / dropDatabaseDependencies (CREATE / DROP
 * DATABASE), shdepDropOwned (DROP OWNED), shdepReassignOwned (REASSIGN
 * OWNED).
 *
 * pg_shdepend is a shared catalog: one table for the cluster, each row
 * naming the database its depender lives in (0 for shared dependers:
 * databases).  That is what lets DROP ROLE see, from any database, that a
 * role still owns objects elsewhere ("2 objects in database d").
 *
 * Locking: recording a dependency on a role takes AccessShareLock on the
 * role (a shared-object lock) and checks it still exists; DROP ROLE takes
 * AccessExclusiveLock on it before reading the rows, so either the new
 * object's row is committed and seen, or the role is gone and the new
 * object is refused.
 */
#include "postgres.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_shdepend_d.h"
#include "catalog/pg_shdepend_fns.h"
#include "catalog/pg_type_d.h"
#include "commands/owner.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

namespace {

/* At most this many lines in DROP ROLE's DETAIL (PostgreSQL's
 * MAX_REPORTED_DEPS); the server log gets them all. */
constexpr int kMaxReportedDeps = 100;

/* The database a depender of catalog classId lives in: 0 for a shared
 * catalog's objects. */
Oid ClassIdGetDbId(Oid classId)
{
	return IsSharedRelation(classId) ? InvalidOid : MyDatabaseId;
}

/* Lock the role (or database) a dependency is about to name and check
 * that it still exists (PostgreSQL's shdepLockAndCheckObject). */
void LockAndCheckObject(Oid classId, Oid objectId)
{
	LockSharedObject(classId, objectId, 0, AccessShareLock);
	switch (classId)
	{
		case AuthIdRelationId:
			if (!SearchSysCacheExists1(AUTHOID, ObjectIdGetDatum(objectId)))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("role %u was concurrently dropped", objectId));
			break;
		case DatabaseRelationId:
			if (!SearchSysCacheExists1(DATABASEOID, ObjectIdGetDatum(objectId)))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("database %u was concurrently dropped", objectId));
			break;
		default:
			elog(ERROR, "unrecognized shared classId: %u", classId);
	}
}

/* One pg_shdepend row, as read. */
struct ShdependRow
{
	ItemPointerData tid;
	FormData_pg_shdepend form;
};

/* The rows whose depender is (dbid, classId, objectId[, objsubid]): with
 * objsubid < 0 every sub-object's too. */
std::vector<ShdependRow> DependerRows(Relation rel, Oid dbid, Oid classId, Oid objectId,
									  int32 objsubid)
{
	ScanKeyData keys[4];
	ScanKeyInit(&keys[0], Anum_pg_shdepend_dbid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(dbid));
	ScanKeyInit(&keys[1], Anum_pg_shdepend_classid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(classId));
	ScanKeyInit(&keys[2], Anum_pg_shdepend_objid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(objectId));
	ScanKeyInit(&keys[3], Anum_pg_shdepend_objsubid, BTEqualStrategyNumber, F_INT4EQ,
				Int32GetDatum(objsubid));
	SysScanDesc scan = systable_beginscan(rel, SharedDependDependerIndexId, true, nullptr,
										  objsubid < 0 ? 3 : 4, keys);
	std::vector<ShdependRow> rows;
	while (HeapTuple t = systable_getnext(scan))
		rows.push_back({t->t_self, *reinterpret_cast<Form_pg_shdepend>(GETSTRUCT(t))});
	systable_endscan(scan);
	return rows;
}

/* The rows naming the shared object (refclassId, refobjId). */
std::vector<ShdependRow> ReferenceRows(Relation rel, Oid refclassId, Oid refobjId)
{
	ScanKeyData keys[2];
	ScanKeyInit(&keys[0], Anum_pg_shdepend_refclassid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(refclassId));
	ScanKeyInit(&keys[1], Anum_pg_shdepend_refobjid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(refobjId));
	SysScanDesc scan = systable_beginscan(rel, SharedDependReferenceIndexId, true, nullptr, 2,
										  keys);
	std::vector<ShdependRow> rows;
	while (HeapTuple t = systable_getnext(scan))
		rows.push_back({t->t_self, *reinterpret_cast<Form_pg_shdepend>(GETSTRUCT(t))});
	systable_endscan(scan);
	return rows;
}

void InsertRow(Relation rel, Oid dbid, Oid classId, Oid objectId, int32 objsubid, Oid refclassId,
			   Oid refobjId, char deptype)
{
	CatalogRow row(rel);
	row.Set(Anum_pg_shdepend_dbid, ObjectIdGetDatum(dbid))
		.Set(Anum_pg_shdepend_classid, ObjectIdGetDatum(classId))
		.Set(Anum_pg_shdepend_objid, ObjectIdGetDatum(objectId))
		.Set(Anum_pg_shdepend_objsubid, Int32GetDatum(objsubid))
		.Set(Anum_pg_shdepend_refclassid, ObjectIdGetDatum(refclassId))
		.Set(Anum_pg_shdepend_refobjid, ObjectIdGetDatum(refobjId))
		.Set(Anum_pg_shdepend_deptype, CharGetDatum(deptype));
	CatalogTupleInsert(rel, row.Form());
}

/* "database d" (getObjectDescription does not know shared objects). */
std::string DatabaseDescription(Oid dbid)
{
	HeapTuple tup = SearchSysCache1(DATABASEOID, ObjectIdGetDatum(dbid));
	if (tup == nullptr)
		return {};
	std::string out = std::string("database ") +
		NameStr(reinterpret_cast<Form_pg_database>(GETSTRUCT(tup))->datname);
	ReleaseSysCache(tup);
	return out;
}

std::string RoleDescription(Oid roleid)
{
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tup == nullptr)
		return {};
	std::string out = std::string("role ") +
		NameStr(reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolname);
	ReleaseSysCache(tup);
	return out;
}

/* What an object is, in words: empty if it is gone meanwhile. */
std::string Describe(const ObjectAddress &object)
{
	if (object.classId == DatabaseRelationId)
		return DatabaseDescription(object.objectId);
	if (object.classId == AuthIdRelationId)
		return RoleDescription(object.objectId);
	char *d = getObjectDescription(&object, true);
	return d == nullptr ? std::string() : std::string(d);
}

/* One DETAIL line about a local or shared depender (PostgreSQL's
 * storeObjectDescription). */
std::string DependentLine(const ObjectAddress &object, char deptype)
{
	std::string desc = Describe(object);
	if (desc.empty())
		return {};
	switch (deptype)
	{
		case SHARED_DEPENDENCY_OWNER:
			return "owner of " + desc;
		case SHARED_DEPENDENCY_ACL:
			return "privileges for " + desc;
		case SHARED_DEPENDENCY_POLICY:
			return "target of " + desc;
		case SHARED_DEPENDENCY_TABLESPACE:
			return "tablespace for " + desc;
		default:
			break;
	}
	elog(ERROR, "unrecognized dependency type: %d", static_cast<int>(deptype));
	return {};
}

void AppendLine(std::string *out, const std::string &line)
{
	if (line.empty())
		return;
	if (!out->empty())
		*out += '\n';
	*out += line;
}

/* ERROR if roleid is the bootstrap superuser (or another pinned role). */
void RefusePinnedRole(Oid roleid, const char *what)
{
	if (!IsPinnedObject(AuthIdRelationId, roleid))
		return;
	ereport(ERROR, errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
			errmsg("cannot %s objects owned by %s because they are required by the database "
				   "system",
				   what, RoleDescription(roleid).c_str()));
}

}  // namespace

void recordDependencyOnOwner(Oid classId, Oid objectId, Oid owner)
{
	if (IsPinnedObject(AuthIdRelationId, owner))
		return;
	LockAndCheckObject(AuthIdRelationId, owner);
	Relation rel = relation_open(SharedDependRelationId, RowExclusiveLock);
	InsertRow(rel, ClassIdGetDbId(classId), classId, objectId, 0, AuthIdRelationId, owner,
			  SHARED_DEPENDENCY_OWNER);
	relation_close(rel, RowExclusiveLock);
}

void changeDependencyOnOwner(Oid classId, Oid objectId, Oid newOwnerId)
{
	Relation rel = relation_open(SharedDependRelationId, RowExclusiveLock);
	LockAndCheckObject(AuthIdRelationId, newOwnerId);
	Oid dbid = ClassIdGetDbId(classId);
	int found = 0;
	for (ShdependRow &r : DependerRows(rel, dbid, classId, objectId, 0))
	{
		if (r.form.deptype != SHARED_DEPENDENCY_OWNER)
			continue;
		if (++found > 1)
			elog(ERROR, "multiple pg_shdepend entries for object %u/%u/%d deptype %c", classId,
				 objectId, 0, SHARED_DEPENDENCY_OWNER);
		/* Replaced by the new owner's row below (same columns otherwise). */
		CatalogTupleDelete(rel, &r.tid);
	}
	/* A pinned owner needs no row. */
	if (!IsPinnedObject(AuthIdRelationId, newOwnerId))
		InsertRow(rel, dbid, classId, objectId, 0, AuthIdRelationId, newOwnerId,
				  SHARED_DEPENDENCY_OWNER);
	relation_close(rel, RowExclusiveLock);
}

void deleteSharedDependencyRecordsFor(Oid classId, Oid objectId, int32 objectSubId)
{
	Relation rel = relation_open(SharedDependRelationId, RowExclusiveLock);
	std::vector<ShdependRow> rows = DependerRows(rel, ClassIdGetDbId(classId), classId, objectId,
												 objectSubId == 0 ? -1 : objectSubId);
	for (ShdependRow &r : rows)
		CatalogTupleDelete(rel, &r.tid);
	relation_close(rel, RowExclusiveLock);
}

bool checkSharedDependencies(Oid classId, Oid objectId, std::string *detail,
							 std::string *detail_log)
{
	ObjectAddress self;
	ObjectAddressSet(self, classId, objectId);
	if (IsPinnedObject(classId, objectId))
		ereport(ERROR, errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				errmsg("cannot drop %s because it is required by the database system",
					   Describe(self).c_str()));

	struct Local
	{
		ObjectAddress object;
		char deptype;
	};
	std::vector<Local> local;
	/* Other databases' objects are counted, per database, in the order met. */
	std::vector<std::pair<Oid, int>> remote;
	Relation rel = relation_open(SharedDependRelationId, AccessShareLock);
	for (const ShdependRow &r : ReferenceRows(rel, classId, objectId))
	{
		if (r.form.dbid == MyDatabaseId || r.form.dbid == InvalidOid)
		{
			local.push_back({{r.form.classid, r.form.objid, r.form.objsubid}, r.form.deptype});
			continue;
		}
		auto it = std::find_if(remote.begin(), remote.end(),
							   [&](const auto &p) { return p.first == r.form.dbid; });
		if (it == remote.end())
			remote.emplace_back(r.form.dbid, 1);
		else
			it->second++;
	}
	relation_close(rel, AccessShareLock);

	/* By OID, then catalog, then sub-object (0 first), then type, as
	 * PostgreSQL sorts them. */
	std::sort(local.begin(), local.end(), [](const Local &a, const Local &b) {
		if (a.object.objectId != b.object.objectId)
			return a.object.objectId < b.object.objectId;
		if (a.object.classId != b.object.classId)
			return a.object.classId < b.object.classId;
		if (a.object.objectSubId != b.object.objectSubId)
			return static_cast<uint32>(a.object.objectSubId) <
				static_cast<uint32>(b.object.objectSubId);
		return a.deptype < b.deptype;
	});
	detail->clear();
	detail_log->clear();
	int reported = 0;
	int not_reported = 0;
	int not_reported_dbs = 0;
	for (const Local &l : local)
	{
		std::string line = DependentLine(l.object, l.deptype);
		if (reported < kMaxReportedDeps)
		{
			reported++;
			AppendLine(detail, line);
		}
		else
			not_reported++;
		AppendLine(detail_log, line);
	}
	for (const auto &[dbid, count] : remote)
	{
		std::string db = DatabaseDescription(dbid);
		if (db.empty())
			continue;
		std::string line = std::to_string(count) + (count == 1 ? " object in " : " objects in ") +
			db;
		if (reported < kMaxReportedDeps)
		{
			reported++;
			AppendLine(detail, line);
		}
		else
			not_reported_dbs++;
		AppendLine(detail_log, line);
	}
	if (detail->empty())
		return false;
	if (not_reported > 0)
		*detail += "\nand " + std::to_string(not_reported) +
			(not_reported == 1 ? " other object" : " other objects") + " (see server log for list)";
	if (not_reported_dbs > 0)
		*detail += "\nand objects in " + std::to_string(not_reported_dbs) +
			(not_reported_dbs == 1 ? " other database" : " other databases") +
			" (see server log for list)";
	return true;
}

void copyTemplateDependencies(Oid templateDbId, Oid newDbId)
{
	Relation rel = relation_open(SharedDependRelationId, RowExclusiveLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_shdepend_dbid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(templateDbId));
	SysScanDesc scan = systable_beginscan(rel, SharedDependDependerIndexId, true, nullptr, 1, &key);
	std::vector<FormData_pg_shdepend> rows;
	while (HeapTuple t = systable_getnext(scan))
		rows.push_back(*reinterpret_cast<Form_pg_shdepend>(GETSTRUCT(t)));
	systable_endscan(scan);
	for (const FormData_pg_shdepend &r : rows)
		InsertRow(rel, newDbId, r.classid, r.objid, r.objsubid, r.refclassid, r.refobjid,
				  r.deptype);
	relation_close(rel, RowExclusiveLock);
}

void dropDatabaseDependencies(Oid databaseId)
{
	Relation rel = relation_open(SharedDependRelationId, RowExclusiveLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_shdepend_dbid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(databaseId));
	SysScanDesc scan = systable_beginscan(rel, SharedDependDependerIndexId, true, nullptr, 1, &key);
	std::vector<ItemPointerData> doomed;
	while (HeapTuple t = systable_getnext(scan))
		doomed.push_back(t->t_self);
	systable_endscan(scan);
	for (ItemPointerData &tid : doomed)
		CatalogTupleDelete(rel, &tid);
	relation_close(rel, RowExclusiveLock);
	/* And the database's own rows (its owner). */
	deleteSharedDependencyRecordsFor(DatabaseRelationId, databaseId, 0);
}

void shdepDropOwned(List *roleids, DropBehavior behavior)
{
	std::vector<ObjectAddress> doomed;
	Relation rel = relation_open(SharedDependRelationId, RowExclusiveLock);
	ListCell *lc;
	foreach (lc, roleids)
	{
		Oid roleid = lfirst_oid(lc);
		RefusePinnedRole(roleid, "drop");
		for (const ShdependRow &r : ReferenceRows(rel, AuthIdRelationId, roleid))
		{
			/* Objects of the current database: a shared object (a
			 * database) is not dropped by DROP OWNED. */
			if (r.form.dbid != MyDatabaseId || r.form.deptype != SHARED_DEPENDENCY_OWNER)
				continue;
			ObjectAddress object{r.form.classid, r.form.objid, r.form.objsubid};
			if (std::none_of(doomed.begin(), doomed.end(), [&](const ObjectAddress &o) {
					return o.classId == object.classId && o.objectId == object.objectId &&
						o.objectSubId == object.objectSubId;
				}))
				doomed.push_back(object);
		}
	}
	relation_close(rel, RowExclusiveLock);
	/* Newest first, for a stable report (PostgreSQL's
	 * sort_object_addresses: OID descending). */
	std::sort(doomed.begin(), doomed.end(), [](const ObjectAddress &a, const ObjectAddress &b) {
		if (a.objectId != b.objectId)
			return a.objectId > b.objectId;
		if (a.classId != b.classId)
			return a.classId < b.classId;
		return a.objectSubId < b.objectSubId;
	});
	performMultipleDeletions(doomed, behavior, 0);
}

void shdepReassignOwned(List *roleids, Oid newrole)
{
	ListCell *lc;
	foreach (lc, roleids)
	{
		Oid roleid = lfirst_oid(lc);
		RefusePinnedRole(roleid, "reassign ownership of");
		Relation rel = relation_open(SharedDependRelationId, RowExclusiveLock);
		std::vector<ShdependRow> rows = ReferenceRows(rel, AuthIdRelationId, roleid);
		relation_close(rel, RowExclusiveLock);
		for (const ShdependRow &r : rows)
		{
			if ((r.form.dbid != MyDatabaseId && r.form.dbid != InvalidOid) ||
				r.form.deptype != SHARED_DEPENDENCY_OWNER)
				continue;
			switch (r.form.classid)
			{
				case TypeRelationId:
					AlterTypeOwnerByOid(r.form.objid, newrole, true);
					break;
				case NamespaceRelationId:
					AlterSchemaOwnerByOid(r.form.objid, newrole);
					break;
				case RelationRelationId:
					/* recursing: an index or owned sequence met before its
					 * table is not refused */
					AlterRelationOwner(r.form.objid, newrole, true);
					break;
				default:
					AlterObjectOwnerGeneric(r.form.classid, r.form.objid, newrole);
					break;
			}
			CommandCounterIncrement();
		}
	}
}
