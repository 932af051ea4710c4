/*
 * sequence.cpp — sequences (commands/sequence.h).
 *
 * Principal entry points: DefineSequence, AlterSequence, nextval_internal
 * and the SQL functions nextval, currval, setval, lastval and
 * pg_sequence_last_value (pg_sequences.last_value).
 *
 * A sequence is a relation (relkind 'S') whose one page holds one row —
 * last_value, log_cnt, is_called — and a pg_sequence row with its
 * parameters, as in PostgreSQL.  The row is frozen and changed in place,
 * outside any transaction: a value handed out is never handed out again,
 * whether the transaction that took it commits or not.  Changing it is
 * WAL-logged as a full image of the page, but not on every call: a record
 * covers the next 32 values (log_cnt counts what is left), so a crash may
 * skip up to 32 values, never repeat one — and a record is written anyway
 * on the first change after a checkpoint, so the page is never written
 * torn without an image to restore.  A nextval() in a transaction that
 * has no transaction id gets one, so that its commit flushes the record.
 *
 * Each backend remembers, per sequence, the last value it got (currval,
 * lastval) and, with CACHE n > 1, the values it reserved and has not used.
 */
#include "postgres.h"

#include <limits>
#include <string>
#include <unordered_map>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/rmgr.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "access/xlogutils.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_depend_d.h"
#include "catalog/pg_sequence_d.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "commands/owner.h"
#include "commands/sequence.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "parser/parse_expr.h"
#include "parser/parse_node.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"

namespace {

/* Values one WAL record covers (PostgreSQL's SEQ_LOG_VALS). */
constexpr int64 kSeqLogVals = 32;
/* The special space of a sequence page (PostgreSQL's SEQ_MAGIC). */
constexpr uint32 kSeqMagic = 0x1717;

struct SequenceMagic
{
	uint32 magic;
};

/* The row of a sequence's page. */
struct SequenceData
{
	int64 last_value;
	int64 log_cnt;
	bool is_called;
};

/* A sequence's parameters (its pg_sequence row). */
struct SeqParams
{
	Oid typid = INT8OID;
	int64 increment = 1;
	int64 max = 0;
	int64 min = 0;
	int64 start = 0;
	int64 cache = 1;
	bool cycle = false;
};

/* What this backend knows of a sequence. */
struct SeqEntry
{
	int64 last = 0;	  /* the value nextval last returned here */
	int64 cached = 0; /* the last value reserved (== last: none left) */
	int64 increment = 0;
	bool last_valid = false;
};

std::unordered_map<Oid, SeqEntry> &SeqTable()
{
	static std::unordered_map<Oid, SeqEntry> table;
	return table;
}

Oid last_used_seq = InvalidOid;

void TypeRange(Oid typid, int64 *min, int64 *max)
{
	switch (typid)
	{
		case INT2OID:
			*min = std::numeric_limits<int16>::min();
			*max = std::numeric_limits<int16>::max();
			break;
		case INT4OID:
			*min = std::numeric_limits<int32>::min();
			*max = std::numeric_limits<int32>::max();
			break;
		default:
			*min = std::numeric_limits<int64>::min();
			*max = std::numeric_limits<int64>::max();
			break;
	}
}

/* The sequence parameters options set (PostgreSQL's init_params), on top
 * of params (an existing sequence's, for ALTER).  *restart gets the
 * RESTART value, if any; *owned_by the OWNED BY name list. */
void InitParams(ParseState *pstate, List *options, bool for_identity, bool is_init,
				SeqParams *params, bool *do_restart, int64 *restart, List **owned_by)
{
	DefElem *as_type = nullptr;
	DefElem *start_value = nullptr;
	DefElem *restart_value = nullptr;
	DefElem *increment_by = nullptr;
	DefElem *max_value = nullptr;
	DefElem *min_value = nullptr;
	DefElem *cache_value = nullptr;
	DefElem *is_cycled = nullptr;
	*owned_by = NIL;
	bool owned_seen = false;
	ListCell *lc;
	foreach (lc, options)
	{
		DefElem *def = static_cast<DefElem *>(lfirst(lc));
		auto take = [&](DefElem **slot) {
			if (*slot != nullptr)
				errorConflictingDefElem(def, pstate);
			*slot = def;
		};
		if (strcmp(def->defname, "as") == 0)
			take(&as_type);
		else if (strcmp(def->defname, "increment") == 0)
			take(&increment_by);
		else if (strcmp(def->defname, "start") == 0)
			take(&start_value);
		else if (strcmp(def->defname, "restart") == 0)
			take(&restart_value);
		else if (strcmp(def->defname, "maxvalue") == 0)
			take(&max_value);
		else if (strcmp(def->defname, "minvalue") == 0)
			take(&min_value);
		else if (strcmp(def->defname, "cache") == 0)
			take(&cache_value);
		else if (strcmp(def->defname, "cycle") == 0)
			take(&is_cycled);
		else if (strcmp(def->defname, "owned_by") == 0)
		{
			if (owned_seen)
				errorConflictingDefElem(def, pstate);
			owned_seen = true;
			*owned_by = reinterpret_cast<List *>(def->arg);
		}
		else if (strcmp(def->defname, "sequence_name") == 0)
		{
			if (!for_identity)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("invalid sequence option SEQUENCE NAME"),
						parser_errposition(pstate, def->location));
		}
		else if (strcmp(def->defname, "logged") == 0 || strcmp(def->defname, "unlogged") == 0)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("unlogged sequences are not supported yet"),
					parser_errposition(pstate, def->location));
		else
			elog(ERROR, "option \"%s\" not recognized", def->defname);
	}

	int64 oldtypmin;
	int64 oldtypmax;
	TypeRange(params->typid, &oldtypmin, &oldtypmax);
	bool reset_max = false;
	bool reset_min = false;
	if (as_type != nullptr)
	{
		Oid newtypid = typenameTypeId(pstate, reinterpret_cast<TypeName *>(as_type->arg));
		if (newtypid != INT2OID && newtypid != INT4OID && newtypid != INT8OID)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					for_identity
						? errmsg("identity column type must be smallint, integer, or bigint")
						: errmsg("sequence type must be smallint, integer, or bigint"));
		/* A bound at the old type's limit follows the type. */
		if (!is_init)
		{
			reset_max = (params->increment > 0 && params->max == oldtypmax) ||
				(params->increment < 0 && params->max == -1);
			reset_min = (params->increment > 0 && params->min == 1) ||
				(params->increment < 0 && params->min == oldtypmin);
		}
		params->typid = newtypid;
	}
	else if (is_init)
		params->typid = INT8OID;

	if (increment_by != nullptr)
	{
		params->increment = defGetInt64(increment_by);
		if (params->increment == 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("INCREMENT must not be zero"));
	}
	else if (is_init)
		params->increment = 1;

	if (is_cycled != nullptr)
		params->cycle = boolVal(is_cycled->arg);
	else if (is_init)
		params->cycle = false;

	int64 typmin;
	int64 typmax;
	TypeRange(params->typid, &typmin, &typmax);
	if (max_value != nullptr && max_value->arg != nullptr)
		params->max = defGetInt64(max_value);
	else if (is_init || max_value != nullptr || reset_max)
		params->max = params->increment > 0 ? typmax : -1;
	if (params->max < typmin || params->max > typmax)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("MAXVALUE (%lld) is out of range for sequence data type %s",
					   static_cast<long long>(params->max), format_type_be(params->typid)));

	if (min_value != nullptr && min_value->arg != nullptr)
		params->min = defGetInt64(min_value);
	else if (is_init || min_value != nullptr || reset_min)
		params->min = params->increment > 0 ? 1 : typmin;
	if (params->min < typmin || params->min > typmax)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("MINVALUE (%lld) is out of range for sequence data type %s",
					   static_cast<long long>(params->min), format_type_be(params->typid)));

	if (params->min >= params->max)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("MINVALUE (%lld) must be less than MAXVALUE (%lld)",
					   static_cast<long long>(params->min), static_cast<long long>(params->max)));

	if (start_value != nullptr)
		params->start = defGetInt64(start_value);
	else if (is_init)
		params->start = params->increment > 0 ? params->min : params->max;
	if (params->start < params->min)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("START value (%lld) cannot be less than MINVALUE (%lld)",
					   static_cast<long long>(params->start), static_cast<long long>(params->min)));
	if (params->start > params->max)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("START value (%lld) cannot be greater than MAXVALUE (%lld)",
					   static_cast<long long>(params->start), static_cast<long long>(params->max)));

	*do_restart = restart_value != nullptr;
	if (restart_value != nullptr)
	{
		*restart = restart_value->arg != nullptr ? defGetInt64(restart_value) : params->start;
		if (*restart < params->min)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("RESTART value (%lld) cannot be less than MINVALUE (%lld)",
						   static_cast<long long>(*restart), static_cast<long long>(params->min)));
		if (*restart > params->max)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("RESTART value (%lld) cannot be greater than MAXVALUE (%lld)",
						   static_cast<long long>(*restart), static_cast<long long>(params->max)));
	}

	if (cache_value != nullptr)
	{
		params->cache = defGetInt64(cache_value);
		if (params->cache <= 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("CACHE (%lld) must be greater than zero",
						   static_cast<long long>(params->cache)));
	}
	else if (is_init)
		params->cache = 1;
}

/* Write or overwrite the pg_sequence row. */
void StoreParams(Oid seqoid, const SeqParams &p, bool replace)
{
	Relation pg_sequence = relation_open(SequenceRelationId, RowExclusiveLock);
	CatalogRow row(pg_sequence);
	row.Set(Anum_pg_sequence_seqrelid, ObjectIdGetDatum(seqoid))
		.Set(Anum_pg_sequence_seqtypid, ObjectIdGetDatum(p.typid))
		.Set(Anum_pg_sequence_seqstart, Int64GetDatum(p.start))
		.Set(Anum_pg_sequence_seqincrement, Int64GetDatum(p.increment))
		.Set(Anum_pg_sequence_seqmax, Int64GetDatum(p.max))
		.Set(Anum_pg_sequence_seqmin, Int64GetDatum(p.min))
		.Set(Anum_pg_sequence_seqcache, Int64GetDatum(p.cache))
		.Set(Anum_pg_sequence_seqcycle, BoolGetDatum(p.cycle));
	if (replace)
	{
		HeapTuple old = SearchSysCache1(SEQRELID, ObjectIdGetDatum(seqoid));
		if (old == nullptr)
			elog(ERROR, "cache lookup failed for sequence %u", seqoid);
		CatalogTupleUpdate(pg_sequence, &old->t_self, row.Form());
	}
	else
		CatalogTupleInsert(pg_sequence, row.Form());
	relation_close(pg_sequence, RowExclusiveLock);
}

SeqParams LoadParams(Oid seqoid)
{
	HeapTuple tup = SearchSysCache1(SEQRELID, ObjectIdGetDatum(seqoid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for sequence %u", seqoid);
	auto *form = reinterpret_cast<Form_pg_sequence>(GETSTRUCT(tup));
	SeqParams p;
	p.typid = form->seqtypid;
	p.increment = form->seqincrement;
	p.max = form->seqmax;
	p.min = form->seqmin;
	p.start = form->seqstart;
	p.cache = form->seqcache;
	p.cycle = form->seqcycle;
	return p;
}

/* The sequence's page, pinned and locked exclusively, and its row. */
struct LockedSequence
{
	tusk::LockedBuffer page;
	SequenceData *data;
};

LockedSequence ReadSequence(Relation rel)
{
	Buffer buf = ReadBufferWithoutRelcache(rel->rd_node, MAIN_FORKNUM, 0, RBM_NORMAL, nullptr,
										   true);
	tusk::LockedBuffer page(tusk::BufferPin(buf), BUFFER_LOCK_EXCLUSIVE);
	Page p = page.page();
	if (PageGetSpecialSize(p) != MAXALIGN(sizeof(SequenceMagic)) ||
		reinterpret_cast<SequenceMagic *>(PageGetSpecialPointer(p))->magic != kSeqMagic)
		elog(ERROR, "bad magic number in sequence \"%s\"", RelationGetRelationName(rel));
	ItemId lp = PageGetItemId(p, FirstOffsetNumber);
	auto *tuple = reinterpret_cast<HeapTupleHeader>(PageGetItem(p, lp));
	auto *data = reinterpret_cast<SequenceData *>(reinterpret_cast<char *>(tuple) + tuple->t_hoff);
	return {std::move(page), data};
}

/* Log the page as it is now (inside a critical section). */
void LogSequencePage(Buffer buf)
{
	XLogBeginInsert();
	XLogRegisterBuffer(0, buf, REGBUF_FORCE_IMAGE);
	XLogRecPtr lsn = XLogInsert(RM_SEQ_ID, XLOG_SEQ_LOG);
	PageSetLSN(BufferGetPage(buf), lsn);
}

/* Write the sequence's first (and only) page: one frozen row. */
void FillSequence(Relation rel, int64 last_value)
{
	Datum values[3] = {Int64GetDatum(last_value), Int64GetDatum(0), BoolGetDatum(false)};
	bool isnull[3] = {false, false, false};
	HeapTuple tuple = heap_form_tuple(RelationGetDescr(rel), values, isnull);
	HeapTupleHeaderSetXmin(tuple->t_data, FullTransactionIdFromU64(FrozenTransactionId));
	HeapTupleHeaderSetXmax(tuple->t_data, InvalidFullTransactionId);
	HeapTupleHeaderSetCmin(tuple->t_data, FirstCommandId);
	tuple->t_data->t_infomask |= HEAP_XMIN_FROZEN | HEAP_XMAX_INVALID;
	ItemPointerSet(&tuple->t_data->t_ctid, 0, FirstOffsetNumber);

	Buffer buf = ReadBufferWithoutRelcache(rel->rd_node, MAIN_FORKNUM, P_NEW, RBM_NORMAL, nullptr,
										   true);
	tusk::LockedBuffer page(tusk::BufferPin(buf), BUFFER_LOCK_EXCLUSIVE);
	if (BufferGetBlockNumber(buf) != 0)
		elog(ERROR, "sequence \"%s\" already has a page", RelationGetRelationName(rel));
	Page p = page.page();
	PageInit(p, BLCKSZ, sizeof(SequenceMagic));
	reinterpret_cast<SequenceMagic *>(PageGetSpecialPointer(p))->magic = kSeqMagic;

	tusk::CriticalSection crit;
	if (PageAddItemExtended(p, reinterpret_cast<const char *>(tuple->t_data), tuple->t_len,
							FirstOffsetNumber, 0) != FirstOffsetNumber)
		elog(PANIC, "failed to add sequence tuple to page");
	MarkBufferDirty(buf);
	LogSequencePage(buf);
	crit.End();
}

/* Open a sequence for nextval & co., locked RowExclusive; 42809 when the
 * relation is something else. */
Relation OpenSequence(Oid relid)
{
	LockRelationOid(relid, RowExclusiveLock);
	Relation rel = relation_open(relid, NoLock);
	if (rel->rd_rel->relkind != RELKIND_SEQUENCE)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is not a sequence", RelationGetRelationName(rel)));
	return rel;
}

/* OWNED BY t.c: the sequence goes with that column (PostgreSQL's
 * process_owned_by); NONE forgets the owner. */
void ProcessOwnedBy(Relation seqrel, List *owned_by, bool for_identity)
{
	Oid seqoid = RelationGetRelid(seqrel);
	int nnames = list_length(owned_by);
	if (nnames == 1 && strcmp(strVal(linitial(owned_by)), "none") == 0)
	{
		deleteDependencyRecordsForClass(RelationRelationId, seqoid, RelationRelationId,
										DEPENDENCY_AUTO);
		return;
	}
	if (nnames < 2)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("invalid OWNED BY option"),
				errhint("Specify OWNED BY table.column or OWNED BY NONE."));
	List *relname = list_copy(owned_by);
	relname = list_truncate(relname, nnames - 1);
	const char *attrname = strVal(llast(owned_by));
	RangeVar *rv = makeNode(RangeVar);
	char *schemaname;
	char *name;
	DeconstructQualifiedName(relname, &schemaname, &name);
	rv->schemaname = schemaname;
	rv->relname = name;
	rv->location = -1;
	Oid tableoid = RangeVarGetRelid(rv, AccessShareLock, false);
	char relkind = get_rel_relkind(tableoid);
	if (relkind != RELKIND_RELATION && relkind != 'v' && relkind != 'f' && relkind != 'p')
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("sequence cannot be owned by relation \"%s\"", name),
				errdetail("This operation is not supported for %s.",
						  relkind == 'S'	   ? "sequences"
							  : relkind == 'i' ? "indexes"
											   : "this kind of relation"));
	if (get_rel_namespace(tableoid) != RelationGetNamespace(seqrel))
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("sequence must be in same schema as table it is linked to"));
	HeapTuple att = SearchSysCache2(ATTNAME, ObjectIdGetDatum(tableoid), CStringGetDatum(attrname));
	if (att == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column \"%s\" of relation \"%s\" does not exist", attrname, name));
	AttrNumber attnum = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att))->attnum;
	DependencyType deptype = for_identity ? DEPENDENCY_INTERNAL : DEPENDENCY_AUTO;
	deleteDependencyRecordsForClass(RelationRelationId, seqoid, RelationRelationId, deptype);
	ObjectAddress seq;
	ObjectAddress column;
	ObjectAddressSet(seq, RelationRelationId, seqoid);
	ObjectAddressSubSet(column, RelationRelationId, tableoid, attnum);
	recordDependencyOn(&seq, &column, deptype);
}

/* Set the row to (value, is_called), WAL-logged (setval, RESTART). */
void ResetSequenceRow(Relation rel, int64 value, bool is_called)
{
	LockedSequence seq = ReadSequence(rel);
	tusk::CriticalSection crit;
	seq.data->last_value = value;
	seq.data->is_called = is_called;
	seq.data->log_cnt = 0;
	MarkBufferDirty(seq.page.get());
	LogSequencePage(seq.page.get());
	crit.End();
}

void DoSetval(Oid relid, int64 next, bool iscalled)
{
	Relation rel = OpenSequence(relid);
	/* A session's own temporary sequence may change in a read-only
	 * transaction, as in PostgreSQL. */
	if (!rel->rd_islocaltemp)
		PreventCommandIfReadOnly("setval()");
	SeqParams p = LoadParams(relid);
	if (next < p.min || next > p.max)
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("setval: value %lld is out of bounds for sequence \"%s\" (%lld..%lld)",
					   static_cast<long long>(next), RelationGetRelationName(rel),
					   static_cast<long long>(p.min), static_cast<long long>(p.max)));
	SeqEntry &elm = SeqTable()[relid];
	if (iscalled)
	{
		elm.last = next;
		elm.last_valid = true;
	}
	elm.cached = elm.last; /* the reserved values are gone */
	elm.increment = p.increment;
	(void) GetTopTransactionId();
	ResetSequenceRow(rel, next, iscalled);
	relation_close(rel, NoLock);
}

}  // namespace

Oid DefineSequence(CreateSeqStmt *stmt, const char *queryString)
{
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;
	RangeVar *rv = stmt->sequence;
	if (rv->relpersistence == RELPERSISTENCE_UNLOGGED)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("unlogged sequences are not supported yet"));
	Oid nsp = RangeVarGetAndCheckCreationNamespace(rv);
	if (OidIsValid(GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid, CStringGetDatum(rv->relname),
								   ObjectIdGetDatum(nsp))))
	{
		if (stmt->if_not_exists)
		{
			ereport(NOTICE, errcode(ERRCODE_DUPLICATE_TABLE),
					errmsg("relation \"%s\" already exists, skipping", rv->relname));
			return InvalidOid;
		}
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_TABLE),
				errmsg("relation \"%s\" already exists", rv->relname));
	}
	SeqParams params;
	bool do_restart;
	int64 restart;
	List *owned_by;
	InitParams(pstate, stmt->options, stmt->for_identity, true, &params, &do_restart, &restart,
			   &owned_by);

	TupleDesc desc = CreateTemplateTupleDesc(3);
	TupleDescInitEntry(desc, 1, "last_value", INT8OID, -1, 0);
	TupleDescInitEntry(desc, 2, "log_cnt", INT8OID, -1, 0);
	TupleDescInitEntry(desc, 3, "is_called", BOOLOID, -1, 0);
	for (int i = 0; i < 3; i++)
		TupleDescAttr(desc, i)->attnotnull = true;
	Oid seqoid = heap_create_with_catalog(rv->relname, nsp, desc, RELKIND_SEQUENCE,
										  rv->relpersistence);
	CommandCounterIncrement();
	Relation rel = relation_open(seqoid, AccessExclusiveLock);
	FillSequence(rel, params.start);
	StoreParams(seqoid, params, false);
	if (owned_by != NIL)
	{
		CommandCounterIncrement();
		ProcessOwnedBy(rel, owned_by, stmt->for_identity);
	}
	relation_close(rel, NoLock);
	free_parsestate(pstate);
	return seqoid;
}

void AlterSequence(AlterSeqStmt *stmt, const char *queryString)
{
	Oid relid = RangeVarGetRelid(stmt->sequence, ShareRowExclusiveLock, stmt->missing_ok);
	if (!OidIsValid(relid))
	{
		ereport(NOTICE,
				errmsg("relation \"%s\" does not exist, skipping", stmt->sequence->relname));
		return;
	}
	CheckRelationOwner(relid, stmt->sequence->relname);
	Relation rel = relation_open(relid, NoLock);
	if (rel->rd_rel->relkind != RELKIND_SEQUENCE)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is not a sequence", RelationGetRelationName(rel)));
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;
	SeqParams params = LoadParams(relid);
	bool do_restart;
	int64 restart;
	List *owned_by;
	InitParams(pstate, stmt->options, stmt->for_identity, false, &params, &do_restart, &restart,
			   &owned_by);

	/* The current value must stay within the new bounds (unless
	 * RESTART moves it), as PostgreSQL checks. */
	if (!do_restart)
	{
		LockedSequence seq = ReadSequence(rel);
		int64 last = seq.data->last_value;
		seq.page.Release();
		if (last < params.min)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("RESTART value (%lld) cannot be less than MINVALUE (%lld)",
						   static_cast<long long>(last), static_cast<long long>(params.min)));
		if (last > params.max)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("RESTART value (%lld) cannot be greater than MAXVALUE (%lld)",
						   static_cast<long long>(last), static_cast<long long>(params.max)));
	}
	StoreParams(relid, params, true);
	/* This backend's reserved values belong to the old parameters. */
	auto it = SeqTable().find(relid);
	if (it != SeqTable().end())
		it->second.cached = it->second.last;
	if (do_restart)
	{
		(void) GetTopTransactionId();
		ResetSequenceRow(rel, restart, false);
	}
	if (owned_by != NIL)
		ProcessOwnedBy(rel, owned_by, stmt->for_identity);
	relation_close(rel, NoLock);
	free_parsestate(pstate);
}

int64 nextval_internal(Oid relid, bool)
{
	Relation rel = OpenSequence(relid);
	if (!rel->rd_islocaltemp)
		PreventCommandIfReadOnly("nextval()");
	SeqEntry &elm = SeqTable()[relid];
	last_used_seq = relid;
	/* A value reserved earlier by this backend. */
	if (elm.last != elm.cached)
	{
		elm.last += elm.increment;
		elm.last_valid = true;
		relation_close(rel, NoLock);
		return elm.last;
	}
	SeqParams p = LoadParams(relid);
	LockedSequence seq = ReadSequence(rel);
	Page page = seq.page.page();
	int64 incby = p.increment;
	int64 last = seq.data->last_value;
	int64 next = last;
	int64 result = last;
	int64 fetch = p.cache;
	int64 log = seq.data->log_cnt;
	int64 rescnt = 0;
	bool logit = false;
	if (!seq.data->is_called)
	{
		rescnt++; /* last_value itself is the first value */
		fetch--;
	}
	/* Log ahead when the values the last record covered run out, and on
	 * the first change since the last checkpoint. */
	if (log < fetch || !seq.data->is_called || PageGetLSN(page) <= GetRedoRecPtr())
	{
		fetch = log = fetch + kSeqLogVals;
		logit = true;
	}
	while (fetch > 0)
	{
		if (incby > 0)
		{
			if ((p.max >= 0 && next > p.max - incby) || (p.max < 0 && next + incby > p.max))
			{
				if (rescnt > 0)
					break; /* what was got so far will do */
				if (!p.cycle)
					ereport(ERROR, errcode(ERRCODE_SEQUENCE_GENERATOR_LIMIT_EXCEEDED),
							errmsg("nextval: reached maximum value of sequence \"%s\" (%lld)",
								   RelationGetRelationName(rel), static_cast<long long>(p.max)));
				next = p.min;
			}
			else
				next += incby;
		}
		else
		{
			if ((p.min < 0 && next < p.min - incby) || (p.min >= 0 && next + incby < p.min))
			{
				if (rescnt > 0)
					break;
				if (!p.cycle)
					ereport(ERROR, errcode(ERRCODE_SEQUENCE_GENERATOR_LIMIT_EXCEEDED),
							errmsg("nextval: reached minimum value of sequence \"%s\" (%lld)",
								   RelationGetRelationName(rel), static_cast<long long>(p.min)));
				next = p.max;
			}
			else
				next += incby;
		}
		fetch--;
		if (rescnt < p.cache)
		{
			log--;
			rescnt++;
			last = next;
			if (rescnt == 1)
				result = next;
		}
	}
	log -= fetch; /* the values not fetched are not logged either */

	elm.last = result;
	elm.cached = last;
	elm.increment = incby;
	elm.last_valid = true;

	/* A transaction id, so that the commit waits for the record. */
	if (logit)
		(void) GetTopTransactionId();
	tusk::CriticalSection crit;
	MarkBufferDirty(seq.page.get());
	if (logit)
	{
		/* The record says where recovery would resume: after every value
		 * logged ahead. */
		seq.data->last_value = next;
		seq.data->is_called = true;
		seq.data->log_cnt = 0;
		LogSequencePage(seq.page.get());
	}
	seq.data->last_value = last;
	seq.data->is_called = true;
	seq.data->log_cnt = log;
	crit.End();
	seq.page.Release();
	relation_close(rel, NoLock);
	return result;
}

void DeleteSequenceTuple(Oid relid)
{
	HeapTuple tup = SearchSysCache1(SEQRELID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for sequence %u", relid);
	Relation pg_sequence = relation_open(SequenceRelationId, RowExclusiveLock);
	CatalogTupleDelete(pg_sequence, &tup->t_self);
	relation_close(pg_sequence, RowExclusiveLock);
	SeqTable().erase(relid);
}

void ResetSequenceCaches(void)
{
	SeqTable().clear();
	last_used_seq = InvalidOid;
}

void seq_redo(XLogReaderState *record)
{
	uint8 info = XLogRecGetInfo(record) & ~XLR_INFO_MASK;
	if (info != XLOG_SEQ_LOG)
		elog(PANIC, "seq_redo: unknown op code %u", info);
	/* The record is a full image of the page: reading it restores it. */
	tusk::LockedBuffer page;
	XLogRedoAction action = XLogReadBufferForRedo(record, 0, &page);
	if (action != BLK_RESTORED)
		elog(PANIC, "seq_redo: sequence record without a page image");
	page.Release();
}

const char *seq_identify(uint8 info)
{
	return (info & ~XLR_INFO_MASK) == XLOG_SEQ_LOG ? "LOG" : nullptr;
}

/* ---- the SQL functions ---- */

Datum nextval_oid(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(nextval_internal(PG_GETARG_OID(0), true));
}

Datum currval_oid(PG_FUNCTION_ARGS)
{
	Oid relid = PG_GETARG_OID(0);
	Relation rel = OpenSequence(relid);
	auto it = SeqTable().find(relid);
	if (it == SeqTable().end() || !it->second.last_valid)
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("currval of sequence \"%s\" is not yet defined in this session",
					   RelationGetRelationName(rel)));
	int64 result = it->second.last;
	relation_close(rel, NoLock);
	PG_RETURN_INT64(result);
}

Datum lastval(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	auto it = SeqTable().find(last_used_seq);
	if (!OidIsValid(last_used_seq) || it == SeqTable().end() || !it->second.last_valid)
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("lastval is not yet defined in this session"));
	/* The sequence may have been dropped since. */
	if (!SearchSysCacheExists1(RELOID, ObjectIdGetDatum(last_used_seq)))
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("lastval is not yet defined in this session"));
	PG_RETURN_INT64(it->second.last);
}

Datum setval_oid(PG_FUNCTION_ARGS)
{
	int64 next = PG_GETARG_INT64(1);
	DoSetval(PG_GETARG_OID(0), next, true);
	PG_RETURN_INT64(next);
}

Datum setval3_oid(PG_FUNCTION_ARGS)
{
	int64 next = PG_GETARG_INT64(1);
	DoSetval(PG_GETARG_OID(0), next, PG_GETARG_BOOL(2));
	PG_RETURN_INT64(next);
}

/* pg_sequence_last_value(seq): the last value nextval handed out (or
 * setval set), as stored — NULL while is_called is false, as for a new
 * sequence; what pg_sequences.last_value shows. */
Datum pg_sequence_last_value(PG_FUNCTION_ARGS)
{
	Relation rel = OpenSequence(PG_GETARG_OID(0));
	int64 last_value;
	bool is_called;
	{
		LockedSequence seq = ReadSequence(rel);
		last_value = seq.data->last_value;
		is_called = seq.data->is_called;
	}
	relation_close(rel, NoLock);
	if (!is_called)
		PG_RETURN_NULL();
	PG_RETURN_INT64(last_value);
}

/* pg_get_serial_sequence(table, column): the sequence a serial or
 * identity column takes its values from, schema-qualified; NULL when the
 * column has none. */
Datum pg_get_serial_sequence(PG_FUNCTION_ARGS)
{
	char *table = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char *column = text_to_cstring(PG_GETARG_TEXT_PP(1));
	Oid relid = DatumGetObjectId(DirectFunctionCall1(regclassin, CStringGetDatum(table)));
	LockRelationOid(relid, AccessShareLock);
	HeapTuple att = SearchSysCache2(ATTNAME, ObjectIdGetDatum(relid), CStringGetDatum(column));
	if (att == nullptr || reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att))->attnum <= 0)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column \"%s\" of relation \"%s\" does not exist", column,
					   get_rel_name(relid)));
	AttrNumber attnum = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att))->attnum;
	Oid seqoid = InvalidOid;
	ScanDependRows(true, RelationRelationId, relid, [&](Form_pg_depend dep, ItemPointer) {
		if (dep->refobjsubid == attnum && dep->classid == RelationRelationId &&
			(dep->deptype == DEPENDENCY_AUTO || dep->deptype == DEPENDENCY_INTERNAL) &&
			get_rel_relkind(dep->objid) == RELKIND_SEQUENCE)
			seqoid = dep->objid;
	});
	if (!OidIsValid(seqoid))
		PG_RETURN_NULL();
	std::string name = quote_identifier(get_namespace_name(get_rel_namespace(seqoid)));
	name += '.';
	name += quote_identifier(get_rel_name(seqoid));
	PG_RETURN_TEXT_P(cstring_to_text(name.c_str()));
}
