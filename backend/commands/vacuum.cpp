/*
 * vacuum.cpp — the VACUUM and ANALYZE statements (commands/vacuum.h).
 *
 * Principal entry points: ExecVacuum, vac_update_relstats.
 *
 * ExecVacuum reads the options as PostgreSQL's ExecVacuum does (same
 * names, same errors and positions), refuses VACUUM inside a transaction
 * block, lists the tables — those named, or every table of the database
 * — and, for each, runs the lazy vacuum (access/heapam.h
 * heap_vacuum_rel) and/or ANALYZE (analyze.cpp).  A table named that
 * cannot be processed is skipped with PostgreSQL's WARNING.
 *
 * Unlike PostgreSQL, each table is not processed in a transaction of its
 * own: the whole statement runs in the statement's transaction.  That is
 * safe because lazy vacuum's page changes are not transactional anyway
 * (they remove only tuples dead to every snapshot), and it keeps the
 * locks until the statement ends — which only makes a database-wide
 * VACUUM hold its locks longer.
 *
 * pg_class.relpages/reltuples/relallvisible: PostgreSQL overwrites them
 * in place (heap_inplace_update), without a new row version, so that a
 * VACUUM that later fails still leaves its counts and so that VACUUM
 * creates no dead pg_class rows.  Tusk has no in-place catalog update:
 * the counts are written as an ordinary catalog update in the statement's
 * transaction.  That is safe here because VACUUM never runs in a
 * transaction block (so it commits as soon as the statement succeeds) and
 * the table's ShareUpdateExclusiveLock keeps every other writer of its
 * pg_class row (DDL) out meanwhile; an ANALYZE inside a block commits or
 * rolls back its counts with the block, which readers cannot tell from
 * PostgreSQL's behaviour except after a rollback.  Tusk has no
 * visibility map, so relallvisible stays 0.
 *
 * Not implemented: VACUUM FULL (0A000), and freezing (Tusk's vacuum
 * never freezes tuples; FREEZE is accepted and vacuums as usual).
 */
#include "postgres.h"

#include <strings.h>

#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_index_d.h"
#include "catalog/pg_namespace_d.h"
#include "commands/defrem.h"
#include "commands/owner.h"
#include "commands/vacuum.h"
#include "miscadmin.h"
#include "parser/parse_node.h"
#include "storage/lmgr.h"
#include "storage/smgr.h"
#include "tcop/tcopprot.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "pgstat.h"

int default_statistics_target = 100;

namespace {

struct VacuumOptions
{
	bool vacuum = false; /* the statement is VACUUM */
	bool analyze = false;
	bool verbose = false;
	bool skip_locked = false;
	bool full = false;
	bool freeze = false;
	bool index_cleanup_off = false;
	bool process_toast = true; /* vacuum a table's TOAST table with it */
};

/* PostgreSQL's parallel-worker limit (MAX_PARALLEL_WORKER_LIMIT). */
constexpr int kMaxParallelWorkerLimit = 1024;

VacuumOptions ParseVacuumOptions(VacuumStmt *stmt, ParseState *pstate)
{
	VacuumOptions o;
	o.vacuum = stmt->is_vacuumcmd;
	o.analyze = !stmt->is_vacuumcmd;
	ListCell *lc;
	foreach (lc, stmt->options)
	{
		DefElem *opt = static_cast<DefElem *>(lfirst(lc));
		const char *name = opt->defname;
		if (strcmp(name, "verbose") == 0)
			o.verbose = defGetBoolean(opt);
		else if (strcmp(name, "skip_locked") == 0)
			o.skip_locked = defGetBoolean(opt);
		else if (!stmt->is_vacuumcmd)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("unrecognized ANALYZE option \"%s\"", name),
					parser_errposition(pstate, opt->location));
		else if (strcmp(name, "analyze") == 0)
			o.analyze = defGetBoolean(opt);
		else if (strcmp(name, "freeze") == 0)
			o.freeze = defGetBoolean(opt);
		else if (strcmp(name, "full") == 0)
			o.full = defGetBoolean(opt);
		else if (strcmp(name, "process_toast") == 0)
			o.process_toast = defGetBoolean(opt);
		else if (strcmp(name, "disable_page_skipping") == 0 || strcmp(name, "truncate") == 0)
		{
			/* Tusk's vacuum reads every page and never truncates: each
			 * setting is met. */
			(void) defGetBoolean(opt);
		}
		else if (strcmp(name, "index_cleanup") == 0)
		{
			if (opt->arg != nullptr &&
				!(IsA(opt->arg, String) && strcasecmp(strVal(opt->arg), "auto") == 0))
				o.index_cleanup_off = !defGetBoolean(opt);
		}
		else if (strcmp(name, "parallel") == 0)
		{
			if (opt->arg == nullptr)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("parallel option requires a value between 0 and %d",
							   kMaxParallelWorkerLimit),
						parser_errposition(pstate, opt->location));
			int n = IsA(opt->arg, Integer) ? intVal(opt->arg) : -1;
			if (!IsA(opt->arg, Integer))
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("%s requires an integer value", name));
			if (n < 0 || n > kMaxParallelWorkerLimit)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("parallel workers for vacuum must be between 0 and %d",
							   kMaxParallelWorkerLimit),
						parser_errposition(pstate, opt->location));
			/* Tusk vacuums indexes in the backend itself: a worker count
			 * only ever limits parallelism. */
		}
		else
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("unrecognized VACUUM option \"%s\"", name),
					parser_errposition(pstate, opt->location));
	}
	if (!o.analyze)
	{
		foreach (lc, stmt->rels)
			if (static_cast<VacuumRelation *>(lfirst(lc))->va_cols != NIL)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("ANALYZE option must be specified when a column list is provided"));
	}
	return o;
}

/* PostgreSQL's PreventInTransactionBlock for VACUUM. */
void PreventInTransactionBlock(const char *stmtType)
{
	if (IsTransactionBlock() || InMultiStatementQuery)
		ereport(ERROR, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
				errmsg("%s cannot run inside a transaction block", stmtType));
}

struct Target
{
	Oid relid;
	List *va_cols;
	bool named; /* named in the statement (else found by the database-wide scan) */
};

/* Every table of the database, in pg_class order, as PostgreSQL's
 * get_all_vacuum_rels lists them. */
std::vector<Target> AllTables(bool analyze_only)
{
	std::vector<Target> result;
	Relation pg_class = relation_open(RelationRelationId, AccessShareLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(pg_class, snapshot);
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(t));
		if (form->relkind == RELKIND_RELATION || form->relkind == RELKIND_MATVIEW ||
			(analyze_only && form->relkind == RELKIND_PARTITIONED_TABLE))
			result.push_back(Target{form->oid, NIL, false});
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(pg_class, AccessShareLock);
	return result;
}

char *DatabaseName()
{
	HeapTuple tup = SearchSysCache1(DATABASEOID, ObjectIdGetDatum(MyDatabaseId));
	if (tup == nullptr)
		return pstrdup("");
	char *name = pstrdup(NameStr(reinterpret_cast<Form_pg_database>(GETSTRUCT(tup))->datname));
	ReleaseSysCache(tup);
	return name;
}

/*
 * Locks the table for VACUUM or ANALYZE (ShareUpdateExclusiveLock); false
 * when it was skipped (SKIP_LOCKED and the lock is taken, or the table
 * was dropped meanwhile), with PostgreSQL's WARNING.
 */
bool LockTarget(const Target &t, const VacuumOptions &o, const char *what, const char *relname)
{
	if (o.skip_locked)
	{
		if (!ConditionalLockRelationOid(t.relid, ShareUpdateExclusiveLock))
		{
			if (t.named)
				ereport(WARNING, errcode(ERRCODE_LOCK_NOT_AVAILABLE),
						errmsg("skipping %s of \"%s\" --- lock not available", what, relname));
			return false;
		}
	}
	else
		LockRelationOid(t.relid, ShareUpdateExclusiveLock);
	if (!SearchSysCacheExists1(RELOID, ObjectIdGetDatum(t.relid)))
	{
		UnlockRelationOid(t.relid, ShareUpdateExclusiveLock);
		if (t.named)
			ereport(WARNING, errcode(ERRCODE_UNDEFINED_TABLE),
					errmsg("skipping %s of \"%s\" --- relation no longer exists", what, relname));
		return false;
	}
	return true;
}

/* Whether the current user may vacuum or analyze relid: its owner, or
 * the database's owner for a table that is not shared; else PostgreSQL's
 * WARNING. */
bool MayVacuum(Oid relid, const VacuumOptions &o)
{
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		return true; /* dropped meanwhile: LockTarget says so */
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	std::string relname = NameStr(form->relname);
	bool shared = form->relisshared;
	Oid nsp = form->relnamespace;
	ReleaseSysCache(tup);
	if (ObjectOwnerCheck(RelationRelationId, relid, GetUserId()) ||
		(!shared && ObjectOwnerCheck(DatabaseRelationId, MyDatabaseId, GetUserId())))
		return true;
	const char *what = o.vacuum ? "vacuum" : "analyze";
	if (shared)
		ereport(WARNING,
				errmsg("skipping \"%s\" --- only superuser can %s it", relname.c_str(), what));
	else if (nsp == PG_CATALOG_NAMESPACE)
		ereport(WARNING,
				errmsg("skipping \"%s\" --- only superuser or database owner can %s it",
					   relname.c_str(), what));
	else
		ereport(WARNING,
				errmsg("skipping \"%s\" --- only table or database owner can %s it",
					   relname.c_str(), what));
	return false;
}

/* The index's rows are all the table's rows (no predicate). */
bool IndexCoversTable(Oid indexoid)
{
	HeapTuple tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexoid));
	if (tup == nullptr)
		return false;
	bool isnull;
	(void) SysCacheGetAttr(INDEXRELID, tup, Anum_pg_index_indpred, &isnull);
	ReleaseSysCache(tup);
	return isnull;
}

/* PostgreSQL's vacuum_rel for one table, lazy vacuum only; false when
 * the table was skipped (then ANALYZE skips it too). */
bool VacuumOneRel(const Target &t, const VacuumOptions &o, const char *dbname)
{
	char *relname = get_rel_name(t.relid);
	if (relname == nullptr)
		return false;
	if (!LockTarget(t, o, "vacuum", relname))
		return false;
	Relation rel = relation_open(t.relid, NoLock);
	char relkind = rel->rd_rel->relkind;
	if (relkind != RELKIND_RELATION && relkind != RELKIND_MATVIEW && relkind != RELKIND_TOASTVALUE)
	{
		/* A partitioned table has nothing to vacuum itself: quietly. */
		if (relkind != RELKIND_PARTITIONED_TABLE)
			ereport(WARNING,
					errmsg("skipping \"%s\" --- cannot vacuum non-tables or special system tables",
						   relname));
		relation_close(rel, NoLock);
		return relkind == RELKIND_PARTITIONED_TABLE;
	}
	/* Another session's temporary table is not ours to read: skipped
	 * silently, as PostgreSQL does (a database-wide VACUUM meets them). */
	if (RELATION_IS_OTHER_TEMP(rel))
	{
		relation_close(rel, NoLock);
		return false;
	}
	char *nspname = get_namespace_name(RelationGetNamespace(rel));
	if (o.verbose)
		ereport(INFO, errmsg("vacuuming \"%s.%s.%s\"", dbname, nspname, relname));

	List *indexoids = rel->rd_rel->relhasindex ? RelationGetIndexList(rel) : NIL;
	std::vector<Relation> indrels;
	ListCell *lc;
	foreach (lc, indexoids)
		indrels.push_back(relation_open(lfirst_oid(lc), ShareUpdateExclusiveLock));

	VacuumStats stats;
	heap_vacuum_rel(rel, indrels.data(), static_cast<int>(indrels.size()), &stats);

	BlockNumber nblocks = smgrnblocks(smgropen(rel->rd_node), MAIN_FORKNUM);
	vac_update_relstats(t.relid, nblocks, static_cast<double>(stats.tuples_live), 0);
	pgstat_report_vacuum(t.relid, rel->rd_rel->relisshared, static_cast<int64>(stats.tuples_live),
						 static_cast<int64>(stats.tuples_recently_dead));
	for (Relation ind : indrels)
	{
		BlockNumber ipages = smgrnblocks(smgropen(ind->rd_node), MAIN_FORKNUM);
		/* An index of every row has an entry per remaining tuple version;
		 * a partial index keeps its earlier count. */
		double ituples = IndexCoversTable(RelationGetRelid(ind))
			? static_cast<double>(stats.tuples_remaining)
			: static_cast<double>(ind->rd_rel->reltuples);
		vac_update_relstats(RelationGetRelid(ind), ipages, ituples, 0);
	}

	if (o.verbose)
	{
		/* Every page is scanned: Tusk has no visibility map to skip by. */
		double pct = 100.0;
		ereport(INFO,
				errmsg("finished vacuuming \"%s.%s.%s\": index scans: %d\n"
					   "pages: 0 removed, %u remain, %u scanned (%.2f%% of total)\n"
					   "tuples: %llu removed, %llu remain, %llu are dead but not yet removable",
					   dbname, nspname, relname,
					   stats.tuples_removed > 0 && !indrels.empty() ? 1 : 0, nblocks, nblocks, pct,
					   static_cast<unsigned long long>(stats.tuples_removed),
					   static_cast<unsigned long long>(stats.tuples_live),
					   static_cast<unsigned long long>(stats.tuples_recently_dead)));
	}
	for (Relation ind : indrels)
		relation_close(ind, NoLock);
	Oid toastrelid = rel->rd_rel->reltoastrelid;
	relation_close(rel, NoLock);
	/* Its TOAST table goes with it, as in PostgreSQL (PROCESS_TOAST). */
	if (OidIsValid(toastrelid) && o.process_toast)
		VacuumOneRel(Target{toastrelid, NIL, false}, o, dbname);
	return true;
}

void AnalyzeOneRel(const Target &t, const VacuumOptions &o)
{
	char *relname = get_rel_name(t.relid);
	if (relname == nullptr)
		return;
	if (!LockTarget(t, o, "analyze", relname))
		return;
	Relation rel = relation_open(t.relid, NoLock);
	char relkind = rel->rd_rel->relkind;
	bool other_temp = RELATION_IS_OTHER_TEMP(rel);
	relation_close(rel, NoLock);
	if (other_temp)
		return; /* silently, as VACUUM */
	if (relkind != RELKIND_RELATION && relkind != RELKIND_MATVIEW)
	{
		if (t.named && relkind != RELKIND_PARTITIONED_TABLE)
			ereport(WARNING,
					errmsg("skipping \"%s\" --- cannot analyze non-tables or special system tables",
						   relname));
		if (relkind == RELKIND_PARTITIONED_TABLE)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("ANALYZE of a partitioned table is not supported yet"));
		return;
	}
	analyze_rel(t.relid, t.va_cols, o.verbose, o.vacuum);
}

}  // namespace

void vac_update_relstats(Oid relid, BlockNumber num_pages, double num_tuples,
						 BlockNumber num_all_visible_pages)
{
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	HeapTuple tup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		elog(ERROR, "pg_class entry for relid %u vanished during vacuuming", relid);
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	auto reltuples = static_cast<float4>(num_tuples);
	if (form->relpages != static_cast<int32>(num_pages) || form->reltuples != reltuples ||
		form->relallvisible != static_cast<int32>(num_all_visible_pages))
	{
		/* The copy is ours: change its fixed columns and write it back. */
		form->relpages = static_cast<int32>(num_pages);
		form->reltuples = reltuples;
		form->relallvisible = static_cast<int32>(num_all_visible_pages);
		CatalogTupleUpdate(pg_class, &tup->t_self, tup);
		/* The next update of the row (ANALYZE after VACUUM) must see it. */
		CommandCounterIncrement();
	}
	heap_freetuple(tup);
	relation_close(pg_class, RowExclusiveLock);
}

void ExecVacuum(VacuumStmt *stmt, const char *queryString)
{
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;
	VacuumOptions o = ParseVacuumOptions(stmt, pstate);
	free_parsestate(pstate);
	if (o.vacuum)
		PreventInTransactionBlock("VACUUM");
	if (o.full)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("VACUUM FULL is not supported yet"));
	if (o.index_cleanup_off)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("VACUUM option INDEX_CLEANUP OFF is not supported yet"));

	std::vector<Target> targets;
	ListCell *lc;
	foreach (lc, stmt->rels)
	{
		VacuumRelation *vrel = static_cast<VacuumRelation *>(lfirst(lc));
		Oid relid = RangeVarGetRelid(vrel->relation, NoLock, false);
		targets.push_back(Target{relid, vrel->va_cols, true});
	}
	if (stmt->rels == NIL)
		targets = AllTables(!o.vacuum);
	/* Only a table's owner or the database's may vacuum or analyze it
	 * (PostgreSQL's vacuum_is_relation_owner): the others are skipped. */
	std::erase_if(targets, [&](const Target &t) { return !MayVacuum(t.relid, o); });

	char *dbname = DatabaseName();
	for (const Target &t : targets)
	{
		CHECK_FOR_INTERRUPTS();
		if (o.vacuum && !VacuumOneRel(t, o, dbname))
			continue;
		if (o.analyze)
			AnalyzeOneRel(t, o);
	}
}
