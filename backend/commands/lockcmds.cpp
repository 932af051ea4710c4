/*
 * lockcmds.cpp — LOCK [TABLE] (commands/lockcmds.h).
 *
 * Each relation named is locked in the mode asked, until the transaction
 * ends — waiting for conflicting holders, or with NOWAIT failing at once
 * (55P03).  Only inside a transaction block, as in PostgreSQL: outside
 * one the lock would be gone before the statement returned.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_class_d.h"
#include "commands/lockcmds.h"
#include "storage/lmgr.h"
#include "utils/lsyscache.h"

void LockTableCommand(LockStmt *stmt)
{
	if (!IsTransactionBlock())
		ereport(ERROR, errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
				errmsg("%s can only be used in transaction blocks", "LOCK TABLE"));
	auto mode = static_cast<LOCKMODE>(stmt->mode);
	ListCell *lc;
	foreach (lc, stmt->relations)
	{
		RangeVar *rv = static_cast<RangeVar *>(lfirst(lc));
		/* Find it without a lock, then take the one asked for. */
		Oid relid = RangeVarGetRelid(rv, NoLock, false);
		char relkind = get_rel_relkind(relid);
		if (relkind != RELKIND_RELATION && relkind != 'v' && relkind != 'p')
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("cannot lock relation \"%s\"", rv->relname),
					errdetail("This operation is not supported for %s.",
							  relkind == 'S'	   ? "sequences"
								  : relkind == 'i' ? "indexes"
												   : "this kind of relation"));
		if (stmt->nowait)
		{
			if (!ConditionalLockRelationOid(relid, mode))
				ereport(ERROR, errcode(ERRCODE_LOCK_NOT_AVAILABLE),
						errmsg("could not obtain lock on relation \"%s\"", rv->relname));
		}
		else
			LockRelationOid(relid, mode);
		/* Dropped while we waited. */
		if (get_rel_relkind(relid) == '\0')
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
					errmsg("relation \"%s\" does not exist", rv->relname));
	}
}
