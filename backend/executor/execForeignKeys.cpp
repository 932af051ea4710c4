/*
 * execForeignKeys.cpp — checks and actions of FOREIGN KEY constraints
 * (executor/execForeignKeys.h).
 *
 * Principal entry points: ExecInitForeignKeys, ExecForeignKeyRow,
 * ExecForeignKeysEndStatement (ModifyTable), ValidateForeignKey (ALTER
 * TABLE), RelationForeignKeys.
 *
 * PostgreSQL runs these as AFTER ROW triggers issuing SQL through SPI;
 * Tusk scans the tables directly.  At the end of the statement the
 * command counter is advanced, so that a fresh snapshot sees the
 * statement's own rows (a self-referencing INSERT may give a parent
 * after its child), and then:
 *   - each new referencing key is looked up in the referenced table,
 *     through its unique index when the types allow, and the row found is
 *     locked FOR KEY SHARE: a concurrent DELETE of it waits for our
 *     transaction, and we wait for one already deleting it;
 *   - each removed referenced key is looked up in the referencing table
 *     (sequentially); NO ACTION first checks that no other row of the
 *     referenced table now has the same key.
 * Cascaded changes are themselves recorded in a state of the referencing
 * table and finished the same way, recursively.
 */
#include "postgres.h"

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/heap.h"
#include "catalog/indexing.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_type_d.h"
#include "executor/execForeignKeys.h"
#include "executor/execIndexing.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "utils/array.h"
#include "utils/relcache.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

namespace {

std::vector<AttrNumber> Int2Array(HeapTuple tup, int attno, TupleDesc desc)
{
	std::vector<AttrNumber> out;
	bool isnull;
	Datum d = heap_getattr(tup, attno, desc, &isnull);
	if (isnull)
		return out;
	Datum *elems;
	int n;
	deconstruct_array(DatumGetArrayTypeP(d), INT2OID, 2, true, 's', &elems, nullptr, &n);
	for (int i = 0; i < n; i++)
		out.push_back(DatumGetInt16(elems[i]));
	return out;
}

std::vector<Oid> OidArray(HeapTuple tup, int attno, TupleDesc desc)
{
	std::vector<Oid> out;
	bool isnull;
	Datum d = heap_getattr(tup, attno, desc, &isnull);
	if (isnull)
		return out;
	Datum *elems;
	int n;
	deconstruct_array(DatumGetArrayTypeP(d), OIDOID, 4, true, 'i', &elems, nullptr, &n);
	for (int i = 0; i < n; i++)
		out.push_back(DatumGetObjectId(elems[i]));
	return out;
}

/* A key: the values of some columns of a row. */
struct Key
{
	std::vector<Datum> values;
	std::vector<bool> nulls;
	int nnulls = 0;
};

Key GetKey(HeapTuple tup, TupleDesc desc, const std::vector<AttrNumber> &atts)
{
	Key key;
	for (AttrNumber a : atts)
	{
		bool isnull;
		key.values.push_back(heap_getattr(tup, a, desc, &isnull));
		key.nulls.push_back(isnull);
		key.nnulls += isnull ? 1 : 0;
	}
	return key;
}

/* Whether two keys are equal under ops (both NULL counts as equal: the
 * key did not change). */
bool KeysEqual(const Key &a, const Key &b, const std::vector<Oid> &ops, TupleDesc desc,
			   const std::vector<AttrNumber> &atts)
{
	for (size_t i = 0; i < a.values.size(); i++)
	{
		if (a.nulls[i] != b.nulls[i])
			return false;
		if (a.nulls[i])
			continue;
		Oid collation = TupleDescAttr(desc, atts[i] - 1)->attcollation;
		if (!DatumGetBool(
				OidFunctionCall2Coll(get_opcode(ops[i]), collation, a.values[i], b.values[i])))
			return false;
	}
	return true;
}

/* "(a, b)=(1, 2)" for a key of rel's columns atts. */
std::string KeyText(TupleDesc desc, const std::vector<AttrNumber> &atts, const Key &key)
{
	std::string names;
	std::string values;
	for (size_t i = 0; i < atts.size(); i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, atts[i] - 1);
		if (i > 0)
		{
			names += ", ";
			values += ", ";
		}
		names += NameStr(att->attname);
		if (key.nulls[i])
			values += "null";
		else
		{
			Oid out;
			bool varlena;
			getTypeOutputInfo(att->atttypid, &out, &varlena);
			values += OidOutputFunctionCall(out, key.values[i]);
		}
	}
	return "(" + names + ")=(" + values + ")";
}

/* Scan keys "column = value" for rel's columns atts, with operators ops
 * (the column's type on the left). */
std::vector<ScanKeyData> EqualityKeys(TupleDesc desc, const std::vector<AttrNumber> &atts,
									  const std::vector<Oid> &ops, const Key &key)
{
	std::vector<ScanKeyData> keys(atts.size());
	for (size_t i = 0; i < atts.size(); i++)
		ScanKeyEntryInitialize(&keys[i], 0, atts[i], BTEqualStrategyNumber, InvalidOid,
							   TupleDescAttr(desc, atts[i] - 1)->attcollation, get_opcode(ops[i]),
							   key.values[i]);
	return keys;
}

/*
 * Whether the referenced table has a row with the referencing key fkey,
 * seen by a fresh snapshot.  With lock, that row is locked FOR KEY SHARE
 * (waiting for a transaction changing it); a row deleted meanwhile does
 * not count and one updated is looked up again.  ops compare a referenced
 * column (left) with the key's values: pfeqop for a referencing key,
 * ppeqop for a referenced one.
 */
bool ReferencedRowExists(const ForeignKeyInfo &fk, Relation pkrel, const Key &fkey, bool lock,
						 const std::vector<Oid> &ops)
{
	/* The unique index serves only comparisons within its own type. */
	bool index_ok = true;
	for (size_t i = 0; i < ops.size(); i++)
		if (ops[i] != fk.ppeqop[i])
			index_ok = false;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		std::vector<ScanKeyData> keys = EqualityKeys(RelationGetDescr(pkrel), fk.pkatts, ops, fkey);
		Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
		SysScanDesc scan = systable_beginscan(pkrel, fk.pkindex, index_ok, snapshot,
											  static_cast<int>(keys.size()), keys.data());
		HeapTuple found = systable_getnext(scan);
		ItemPointerData tid;
		if (found != nullptr)
			tid = found->t_self;
		systable_endscan(scan);
		UnregisterSnapshot(snapshot);
		if (found == nullptr)
			return false;
		if (!lock)
			return true;
		HeapTupleData tuple;
		tuple.t_self = tid;
		Buffer buffer = InvalidBuffer;
		TM_FailureData tmfd;
		TM_Result result = heap_lock_tuple(pkrel, &tuple, GetCurrentCommandId(false),
										   LockTupleKeyShare, LockWaitBlock, &buffer, &tmfd);
		if (BufferIsValid(buffer))
			ReleaseBuffer(buffer);
		switch (result)
		{
			case TM_Ok:
			case TM_SelfModified:
				return true;
			case TM_Deleted:
				return false;
			case TM_Updated:
				if (IsolationUsesXactSnapshot())
					ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
							errmsg("could not serialize access due to concurrent update"));
				continue; /* look for its new version */
			default:
				elog(ERROR, "unexpected heap_lock_tuple status: %d", static_cast<int>(result));
		}
	}
}

/* The operators comparing a referencing column (left) with a referenced
 * value: pfeqop's commutator, or pfeqop itself within one type. */
std::vector<Oid> FkPkOps(const ForeignKeyInfo &fk)
{
	std::vector<Oid> ops;
	for (size_t i = 0; i < fk.pfeqop.size(); i++)
		ops.push_back(fk.pfeqop[i] == fk.ppeqop[i] ? fk.pfeqop[i] : get_commutator(fk.pfeqop[i]));
	return ops;
}

/* Check one new referencing row's key (MATCH rules, then existence). */
void CheckReferencingKey(const ForeignKeyInfo &fk, Relation fkrel, Relation pkrel, const Key &key,
						 bool lock)
{
	if (key.nnulls == static_cast<int>(key.values.size()))
		return;
	if (key.nnulls > 0)
	{
		if (fk.matchtype != FKCONSTR_MATCH_FULL)
			return;
		ereport(ERROR, errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
					   RelationGetRelationName(fkrel), fk.name.c_str()),
				errdetail("MATCH FULL does not allow mixing of null and nonnull key values."),
				errtableconstraint(fkrel, fk.name.c_str()));
	}
	/* pfeqop has the referenced column on the left, as the scan needs. */
	if (!ReferencedRowExists(fk, pkrel, key, lock, fk.pfeqop))
		ereport(ERROR, errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
					   RelationGetRelationName(fkrel), fk.name.c_str()),
				errdetail("Key %s is not present in table \"%s\".",
						  KeyText(RelationGetDescr(fkrel), fk.fkatts, key).c_str(),
						  RelationGetRelationName(pkrel)),
				errtableconstraint(fkrel, fk.name.c_str()));
}

/*
 * Each relation's foreign keys, both ways, as read from pg_constraint: a
 * DML statement starts by asking (twice for an UPDATE), and reading them
 * was a scan of all of pg_constraint each time — a third of TPC-B's
 * system calls were those scans' lseeks.  The map empties whenever the
 * caches do (any catalog change committed anywhere, or made by our own
 * command or aborted subtransaction: utils/inval.h).
 */
struct CachedForeignKeys
{
	bool have[2] = {false, false}; /* [referencing] */
	std::vector<ForeignKeyInfo> keys[2];
};

std::unordered_map<Oid, CachedForeignKeys> &ForeignKeyCache()
{
	static std::unordered_map<Oid, CachedForeignKeys> cache;
	return cache;
}

void ForgetForeignKeys(Datum, Oid)
{
	ForeignKeyCache().clear();
}

std::vector<ForeignKeyInfo> ReadForeignKeys(Oid relid, bool referencing);

}  // namespace

std::vector<ForeignKeyInfo> RelationForeignKeys(Oid relid, bool referencing)
{
	static bool registered = false;
	if (!registered)
	{
		CacheRegisterRelcacheCallback(ForgetForeignKeys, (Datum) 0);
		registered = true;
	}
	auto it = ForeignKeyCache().find(relid);
	if (it != ForeignKeyCache().end() && it->second.have[referencing])
		return it->second.keys[referencing];
	/* (Reading may empty the cache: opening pg_constraint accepts
	 * invalidations.  So the entry is looked up again after.) */
	std::vector<ForeignKeyInfo> keys = ReadForeignKeys(relid, referencing);
	CachedForeignKeys &entry = ForeignKeyCache()[relid];
	entry.keys[referencing] = keys;
	entry.have[referencing] = true;
	return keys;
}

namespace {

std::vector<ForeignKeyInfo> ReadForeignKeys(Oid relid, bool referencing)
{
	std::vector<ForeignKeyInfo> out;
	Relation pg_constraint = relation_open(ConstraintRelationId, AccessShareLock);
	TupleDesc desc = RelationGetDescr(pg_constraint);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(pg_constraint, snapshot);
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		auto *form = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(t));
		if (form->contype != CONSTRAINT_FOREIGN ||
			(referencing ? form->conrelid : form->confrelid) != relid)
			continue;
		ForeignKeyInfo fk;
		fk.conoid = form->oid;
		fk.name = NameStr(form->conname);
		fk.fkrelid = form->conrelid;
		fk.pkrelid = form->confrelid;
		fk.pkindex = form->conindid;
		fk.updtype = form->confupdtype;
		fk.deltype = form->confdeltype;
		fk.matchtype = form->confmatchtype;
		fk.fkatts = Int2Array(t, Anum_pg_constraint_conkey, desc);
		fk.pkatts = Int2Array(t, Anum_pg_constraint_confkey, desc);
		fk.pfeqop = OidArray(t, Anum_pg_constraint_conpfeqop, desc);
		fk.ppeqop = OidArray(t, Anum_pg_constraint_conppeqop, desc);
		fk.ffeqop = OidArray(t, Anum_pg_constraint_conffeqop, desc);
		fk.delsetcols = Int2Array(t, Anum_pg_constraint_confdelsetcols, desc);
		out.push_back(std::move(fk));
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(pg_constraint, AccessShareLock);
	/* In OID order, so that checks run in a stable order. */
	std::sort(out.begin(), out.end(),
			  [](const ForeignKeyInfo &a, const ForeignKeyInfo &b) { return a.conoid < b.conoid; });
	return out;
}

}  // namespace

void ValidateForeignKey(const ForeignKeyInfo &fk)
{
	Relation fkrel = relation_open(fk.fkrelid, NoLock);
	Relation pkrel = relation_open(fk.pkrelid, NoLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(fkrel, snapshot);
	while (HeapTuple tuple = heap_getnext(scan, ForwardScanDirection))
	{
		CHECK_FOR_INTERRUPTS();
		Key key = GetKey(tuple, RelationGetDescr(fkrel), fk.fkatts);
		CheckReferencingKey(fk, fkrel, pkrel, key, false);
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(pkrel, NoLock);
	relation_close(fkrel, NoLock);
}

/* A changed row: what it was and what it became (either may be null). */
struct ChangedRow
{
	HeapTuple oldtup;
	HeapTuple newtup;
};

struct ForeignKeyState
{
	EState *estate;
	Relation rel;
	CmdType operation;
	std::vector<ForeignKeyInfo> referencing; /* rel's own foreign keys */
	std::vector<ForeignKeyInfo> referenced;	 /* those referring to rel */
	std::vector<ChangedRow> rows;
};

ForeignKeyState *ExecInitForeignKeys(EState *estate, Relation rel, CmdType operation)
{
	std::vector<ForeignKeyInfo> referencing;
	std::vector<ForeignKeyInfo> referenced;
	if (operation != CMD_DELETE)
		referencing = RelationForeignKeys(RelationGetRelid(rel), true);
	if (operation != CMD_INSERT)
		referenced = RelationForeignKeys(RelationGetRelid(rel), false);
	if (referencing.empty() && referenced.empty())
		return nullptr;
	auto *state = tusk::NewInContext<ForeignKeyState>(estate->es_query_cxt);
	state->estate = estate;
	state->rel = rel;
	state->operation = operation;
	state->referencing = std::move(referencing);
	state->referenced = std::move(referenced);
	return state;
}

void ExecForeignKeyRow(ForeignKeyState *state, HeapTuple oldtup, HeapTuple newtup)
{
	MemoryContext old = MemoryContextSwitchTo(state->estate->es_query_cxt);
	state->rows.push_back({oldtup != nullptr ? heap_copytuple(oldtup) : nullptr,
						   newtup != nullptr ? heap_copytuple(newtup) : nullptr});
	MemoryContextSwitchTo(old);
}

namespace {

/* What cascading into one referencing table changed, for its own keys. */
struct Cascade
{
	Relation rel;
	ResultRelInfo *rri;
	ForeignKeyState *deleted;
	ForeignKeyState *updated;
};

/* The values the referencing columns get for ON DELETE/UPDATE SET NULL,
 * SET DEFAULT or CASCADE (newkey), on the row tuple. */
HeapTuple ActionTuple(const ForeignKeyInfo &fk, Relation fkrel, HeapTuple tuple, char action,
					  bool on_delete, const Key *newkey, EState *estate)
{
	TupleDesc desc = RelationGetDescr(fkrel);
	std::vector<Datum> values(static_cast<size_t>(desc->natts));
	/* (bool, not std::vector<bool>: heap_deform_tuple wants an array) */
	std::unique_ptr<bool[]> nulls(new bool[static_cast<size_t>(desc->natts)]);
	heap_deform_tuple(tuple, desc, values.data(), nulls.get());
	std::vector<AttrNumber> cols = on_delete && !fk.delsetcols.empty() &&
			action != FKCONSTR_ACTION_CASCADE
		? fk.delsetcols
		: fk.fkatts;
	for (size_t i = 0; i < cols.size(); i++)
	{
		size_t a = static_cast<size_t>(cols[i] - 1);
		if (action == FKCONSTR_ACTION_CASCADE)
		{
			values[a] = newkey->values[i];
			nulls[a] = newkey->nulls[i];
		}
		else if (action == FKCONSTR_ACTION_SETNULL)
			nulls[a] = true;
		else
		{
			Node *def = build_column_default(fkrel, cols[i]);
			if (def == nullptr)
				nulls[a] = true;
			else
			{
				ExprContext *econtext = GetPerTupleExprContext(estate);
				ExprState *es = ExecInitExpr(reinterpret_cast<Expr *>(def), nullptr);
				bool isnull;
				values[a] = ExecEvalExprSwitchContext(es, econtext, &isnull);
				nulls[a] = isnull;
			}
		}
	}
	return heap_form_tuple(desc, values.data(), nulls.get());
}

/*
 * Apply fk's action for one removed (or changed) referenced key oldkey
 * (newkey: the new key of an UPDATE, or NULL for DELETE).
 */
void ReferencedKeyRemoved(ForeignKeyState *state, const ForeignKeyInfo &fk, const Key &oldkey,
						  const Key *newkey, std::vector<Cascade> *cascades)
{
	Relation pkrel = state->rel;
	char action = newkey != nullptr ? fk.updtype : fk.deltype;
	if (oldkey.nnulls > 0)
		return; /* nothing references a key with a NULL */
	/* NO ACTION: fine if the key is still there (another row has it now). */
	if (action == FKCONSTR_ACTION_NOACTION &&
		ReferencedRowExists(fk, pkrel, oldkey, false, fk.ppeqop))
		return;
	Relation fkrel = fk.fkrelid == RelationGetRelid(pkrel)
		? pkrel
		: relation_open(fk.fkrelid, RowExclusiveLock);
	std::vector<Oid> ops = FkPkOps(fk);
	std::vector<ScanKeyData> keys = EqualityKeys(RelationGetDescr(fkrel), fk.fkatts, ops, oldkey);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	SysScanDesc scan = systable_beginscan(fkrel, InvalidOid, false, snapshot,
										  static_cast<int>(keys.size()), keys.data());
	std::vector<HeapTuple> matches;
	while (HeapTuple t = systable_getnext(scan))
	{
		if (action == FKCONSTR_ACTION_NOACTION || action == FKCONSTR_ACTION_RESTRICT)
			ereport(ERROR, errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
					errmsg("update or delete on table \"%s\" violates foreign key constraint "
						   "\"%s\" on table \"%s\"",
						   RelationGetRelationName(pkrel), fk.name.c_str(),
						   RelationGetRelationName(fkrel)),
					errdetail("Key %s is still referenced from table \"%s\".",
							  KeyText(RelationGetDescr(pkrel), fk.pkatts, oldkey).c_str(),
							  RelationGetRelationName(fkrel)),
					errtableconstraint(fkrel, fk.name.c_str()));
		matches.push_back(heap_copytuple(t));
	}
	systable_endscan(scan);
	UnregisterSnapshot(snapshot);
	if (matches.empty())
	{
		if (fkrel != pkrel)
			relation_close(fkrel, NoLock);
		return;
	}
	auto it = std::find_if(cascades->begin(), cascades->end(),
						   [&](const Cascade &c) { return RelationGetRelid(c.rel) == fk.fkrelid; });
	if (it == cascades->end())
	{
		EState *estate = state->estate;
		MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
		ResultRelInfo *rri = makeNode(ResultRelInfo);
		rri->ri_RelationDesc = fkrel;
		MemoryContextSwitchTo(old);
		ExecOpenIndices(rri, estate);
		cascades->push_back({fkrel, rri, ExecInitForeignKeys(estate, fkrel, CMD_DELETE),
							 ExecInitForeignKeys(estate, fkrel, CMD_UPDATE)});
		it = cascades->end() - 1;
	}
	else if (fkrel != pkrel)
		relation_close(fkrel, NoLock); /* (the entry holds it open) */
	CommandId cid = GetCurrentCommandId(true);
	for (HeapTuple t : matches)
	{
		TM_FailureData tmfd;
		TM_Result result;
		HeapTuple newtup = nullptr;
		if (action == FKCONSTR_ACTION_CASCADE && newkey == nullptr)
			result = heap_delete(it->rel, &t->t_self, cid, true, &tmfd);
		else
		{
			newtup = ActionTuple(fk, it->rel, t, action, newkey == nullptr, newkey, state->estate);
			TupleTableSlot *slot = MakeTupleTableSlot(RelationGetDescr(it->rel));
			ExecStoreHeapTuple(newtup, slot, false);
			ExecConstraints(it->rri, slot, state->estate);
			result = heap_update(it->rel, &t->t_self, newtup, cid, true, &tmfd);
			if (result == TM_Ok && !HeapTupleIsHeapOnly(newtup))
				ExecInsertIndexTuples(it->rri, slot, &newtup->t_self, state->estate);
			ExecDropSingleTupleTableSlot(slot);
		}
		if (result == TM_SelfModified || result == TM_Deleted)
			continue; /* already removed by this statement, or by another */
		if (result != TM_Ok)
			ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
					errmsg("could not serialize access due to concurrent update"));
		ForeignKeyState *child = newtup == nullptr ? it->deleted : it->updated;
		if (child != nullptr)
			ExecForeignKeyRow(child, t, newtup);
	}
}

void FinishState(ForeignKeyState *state)
{
	if (state->rows.empty())
		return;
	/* Let a fresh snapshot see what the statement did. */
	CommandCounterIncrement();
	TupleDesc desc = RelationGetDescr(state->rel);
	for (const ForeignKeyInfo &fk : state->referencing)
	{
		Relation pkrel = fk.pkrelid == RelationGetRelid(state->rel)
			? state->rel
			: relation_open(fk.pkrelid, RowShareLock);
		for (const ChangedRow &row : state->rows)
		{
			if (row.newtup == nullptr)
				continue;
			Key key = GetKey(row.newtup, desc, fk.fkatts);
			/* An UPDATE that keeps the key checks nothing. */
			if (row.oldtup != nullptr &&
				KeysEqual(GetKey(row.oldtup, desc, fk.fkatts), key, fk.ffeqop, desc, fk.fkatts))
				continue;
			CheckReferencingKey(fk, state->rel, pkrel, key, true);
		}
		if (pkrel != state->rel)
			relation_close(pkrel, NoLock);
	}
	std::vector<Cascade> cascades;
	for (const ForeignKeyInfo &fk : state->referenced)
		for (const ChangedRow &row : state->rows)
		{
			if (row.oldtup == nullptr)
				continue;
			Key oldkey = GetKey(row.oldtup, desc, fk.pkatts);
			if (row.newtup != nullptr)
			{
				Key newkey = GetKey(row.newtup, desc, fk.pkatts);
				if (KeysEqual(oldkey, newkey, fk.ppeqop, desc, fk.pkatts))
					continue;
				ReferencedKeyRemoved(state, fk, oldkey, &newkey, &cascades);
			}
			else
				ReferencedKeyRemoved(state, fk, oldkey, nullptr, &cascades);
		}
	for (Cascade &c : cascades)
	{
		if (c.deleted != nullptr)
			FinishState(c.deleted);
		if (c.updated != nullptr)
			FinishState(c.updated);
		ExecCloseIndices(c.rri);
		if (c.rel != state->rel)
			relation_close(c.rel, NoLock);
	}
}

}  // namespace

void ExecForeignKeysEndStatement(ForeignKeyState *state)
{
	if (state == nullptr)
		return;
	FinishState(state);
}
