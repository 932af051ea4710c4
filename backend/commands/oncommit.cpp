/*
 * oncommit.cpp — temporary tables' ON COMMIT DELETE ROWS and ON COMMIT DROP
 * (commands/oncommit.h).
 *
 * Principal entry point: register_on_commit_action.  The work happens in
 * a transaction callback at XACT_EVENT_PRE_COMMIT (PostgreSQL's
 * PreCommit_on_commit_actions), while the transaction can still write
 * catalogs; entries made by an aborted (sub)transaction are forgotten
 * by the abort callbacks.
 */
#include "postgres.h"

#include <vector>

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/pg_class_d.h"
#include "commands/oncommit.h"
#include "commands/tablecmds.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "storage/smgr.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

namespace {

struct OnCommitItem
{
	Oid relid;
	OnCommitAction action;
	/* The subtransaction that made the table (InvalidSubTransactionId once
	 * its top transaction committed). */
	SubTransactionId creating_subid;
};

std::vector<OnCommitItem> &Items()
{
	static std::vector<OnCommitItem> items;
	return items;
}

bool callbacks_registered = false;

bool RelationExists(Oid relid)
{
	return SearchSysCacheExists1(RELOID, ObjectIdGetDatum(relid));
}

/* Whether the table has any block: an empty table needs no new file. */
bool HasBlocks(Oid relid)
{
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		return false;
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	RelFileNode node{OidIsValid(form->reltablespace) ? form->reltablespace : DEFAULTTABLESPACE_OID,
					 MyDatabaseId, OidIsValid(form->relfilenode) ? form->relfilenode : relid};
	ReleaseSysCache(tup);
	SMgrRelation reln = smgropen(node);
	return smgrexists(reln, MAIN_FORKNUM) && smgrnblocks(reln, MAIN_FORKNUM) > 0;
}

void PreCommitActions()
{
	std::vector<Oid> truncate;
	std::vector<ObjectAddress> drop;
	std::vector<OnCommitItem> &items = Items();
	if (items.empty())
		return;
	/* The transaction's last command is seen too (an implicit transaction
	 * ends without the increment between commands). */
	CommandCounterIncrement();
	/* Tables dropped by the transaction need nothing more. */
	std::erase_if(items, [](const OnCommitItem &item) { return !RelationExists(item.relid); });
	for (const OnCommitItem &item : items)
	{
		if (item.action == ONCOMMIT_DELETE_ROWS && HasBlocks(item.relid))
		{
			LockRelationOid(item.relid, AccessExclusiveLock);
			truncate.push_back(item.relid);
		}
		else if (item.action == ONCOMMIT_DROP)
		{
			ObjectAddress object;
			ObjectAddressSet(object, RelationRelationId, item.relid);
			drop.push_back(object);
		}
	}
	if (!truncate.empty())
	{
		TruncateRelids(truncate);
		CommandCounterIncrement();
	}
	if (!drop.empty())
	{
		performMultipleDeletions(drop, DROP_CASCADE,
								 PERFORM_DELETION_INTERNAL | PERFORM_DELETION_QUIETLY);
		std::erase_if(items, [](const OnCommitItem &item) { return item.action == ONCOMMIT_DROP; });
	}
}

void OnCommitXactCallback(XactEvent event, void *)
{
	std::vector<OnCommitItem> &items = Items();
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
			PreCommitActions();
			break;
		case XACT_EVENT_COMMIT:
			for (OnCommitItem &item : items)
				item.creating_subid = InvalidSubTransactionId;
			break;
		case XACT_EVENT_ABORT:
			std::erase_if(items, [](const OnCommitItem &item) {
				return item.creating_subid != InvalidSubTransactionId;
			});
			break;
		default:
			break;
	}
}

void OnCommitSubXactCallback(SubXactEvent event, SubTransactionId mySubid,
							 SubTransactionId parentSubid, void *)
{
	std::vector<OnCommitItem> &items = Items();
	if (event == SUBXACT_EVENT_COMMIT_SUB)
	{
		for (OnCommitItem &item : items)
			if (item.creating_subid == mySubid)
				item.creating_subid = parentSubid;
	}
	else if (event == SUBXACT_EVENT_ABORT_SUB)
		std::erase_if(items, [mySubid](const OnCommitItem &item) {
			return item.creating_subid == mySubid;
		});
}

}  // namespace

void register_on_commit_action(Oid relid, OnCommitAction action)
{
	if (action == ONCOMMIT_NOOP || action == ONCOMMIT_PRESERVE_ROWS)
		return;
	if (!callbacks_registered)
	{
		RegisterXactCallback(OnCommitXactCallback, nullptr);
		RegisterSubXactCallback(OnCommitSubXactCallback, nullptr);
		callbacks_registered = true;
	}
	Items().push_back(OnCommitItem{relid, action, GetCurrentSubTransactionId()});
}
