/*
 * truncate.cpp — TRUNCATE (commands/tablecmds.h).
 *
 * Principal entry point: ExecuteTruncate.
 *
 * TRUNCATE is transactional as in PostgreSQL: each table, and each of its
 * indexes, gets a new, empty file (a new pg_class.relfilenode, its
 * creation WAL-logged as CREATE TABLE's is, so recovery re-creates it);
 * the old file is removed when the transaction commits and the new one
 * when it aborts (catalog/storage.h), so ROLLBACK keeps every row.  A
 * table's TOAST table and its index are renewed with it.  The
 * indexes are then built empty.  Every table is locked AccessExclusive
 * first, in the order named, and checked (42P01, 42809, 42501) before
 * any is changed.  A table referenced by a foreign key goes only with
 * the referencing tables (named too, or added by CASCADE).
 */
#include "postgres.h"

#include <algorithm>
#include <vector>

#include "access/htup_details.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/storage.h"
#include "access/nbtree.h"
#include "commands/tablecmds.h"
#include "executor/execForeignKeys.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "utils/lsyscache.h"
#include "utils/relcache.h"
#include "utils/syscache.h"
#include "pgstat.h"

void SetNewRelfilenode(Oid relid)
{
	HeapTuple tup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	Oid spc = OidIsValid(form->reltablespace) ? form->reltablespace : DEFAULTTABLESPACE_OID;
	RelFileNode oldnode{spc, MyDatabaseId,
						OidIsValid(form->relfilenode) ? form->relfilenode : relid};
	RelFileNode newnode{spc, MyDatabaseId, GetNewRelationOid()};
	RelationCreateStorage(newnode);
	RelationDropStorageOnAbort(newnode);
	RelationDropStorage(oldnode);
	form->relfilenode = newnode.relNode;
	form->relpages = 0;
	form->reltuples = -1;
	form->relallvisible = 0;
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_class, &tup->t_self, tup);
	relation_close(pg_class, RowExclusiveLock);
}

namespace {

/*
 * A table referenced by a foreign key may be emptied only with the
 * referencing table (PostgreSQL's heap_truncate_check_FKs): CASCADE adds
 * those tables (locked, with a NOTICE each), recursively; otherwise 0A000.
 */
void TruncateForeignKeys(std::vector<Oid> *relids, DropBehavior behavior)
{
	auto listed = [&](Oid relid) {
		return std::find(relids->begin(), relids->end(), relid) != relids->end();
	};
	for (size_t i = 0; i < relids->size(); i++)
		for (const ForeignKeyInfo &fk : RelationForeignKeys((*relids)[i], false))
		{
			if (listed(fk.fkrelid))
				continue;
			if (behavior != DROP_CASCADE)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("cannot truncate a table referenced in a foreign key constraint"),
						errdetail("Table \"%s\" references \"%s\".", get_rel_name(fk.fkrelid),
								  get_rel_name(fk.pkrelid)),
						errhint("Truncate table \"%s\" at the same time, or use TRUNCATE ... "
								"CASCADE.",
								get_rel_name(fk.fkrelid)));
			LockRelationOid(fk.fkrelid, AccessExclusiveLock);
			ereport(NOTICE, errmsg("truncate cascades to table \"%s\"", get_rel_name(fk.fkrelid)));
			relids->push_back(fk.fkrelid);
		}
}

}  // namespace

void ExecuteTruncate(TruncateStmt *stmt)
{
	std::vector<Oid> relids;
	ListCell *lc;
	foreach (lc, stmt->relations)
	{
		RangeVar *rv = lfirst_node(RangeVar, lc);
		Oid relid = RangeVarGetRelid(rv, AccessExclusiveLock, false);
		bool seen = false;
		for (Oid r : relids)
			seen = seen || r == relid;
		if (seen)
			continue;
		HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
		if (tup == nullptr)
			elog(ERROR, "cache lookup failed for relation %u", relid);
		auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
		char relkind = form->relkind;
		Oid relnamespace = form->relnamespace;
		ReleaseSysCache(tup);
		if (relkind != 'r')
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("\"%s\" is not a table", rv->relname));
		if (relnamespace == PG_CATALOG_NAMESPACE)
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("permission denied: \"%s\" is a system catalog", rv->relname));
		/* Resetting the tables' sequences would have to be undone by a
		 * rollback (PostgreSQL gives them new files too): not yet. */
		if (stmt->restart_seqs && !getOwnedSequences(relid).empty())
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("TRUNCATE … RESTART IDENTITY of a table that owns sequences is not "
						   "supported yet"));
		relids.push_back(relid);
	}
	TruncateForeignKeys(&relids, stmt->behavior);
	TruncateRelids(relids);
}

void TruncateRelids(const std::vector<Oid> &relids)
{
	/* New files for the tables, their TOAST tables and their indexes … */
	std::vector<Oid> indexes;
	auto renew = [&indexes](Oid relid) {
		Relation rel = relation_open(relid, NoLock);
		List *indexlist = RelationGetIndexList(rel);
		pgstat_count_truncate(rel);
		relation_close(rel, NoLock);
		SetNewRelfilenode(relid);
		ListCell *ilc;
		foreach (ilc, indexlist)
		{
			Oid indexoid = lfirst_oid(ilc);
			LockRelationOid(indexoid, AccessExclusiveLock);
			SetNewRelfilenode(indexoid);
			indexes.push_back(indexoid);
		}
	};
	for (Oid relid : relids)
	{
		Oid toastrelid = get_rel_toastrelid(relid);
		renew(relid);
		if (OidIsValid(toastrelid))
		{
			LockRelationOid(toastrelid, AccessExclusiveLock);
			renew(toastrelid);
		}
	}
	/* … which the relation cache sees from now on: each index's new file
	 * gets an empty B-tree. */
	CommandCounterIncrement();
	for (Oid indexoid : indexes)
	{
		Relation index = relation_open(indexoid, NoLock);
		btbuildempty(index);
		relation_close(index, NoLock);
	}
}
