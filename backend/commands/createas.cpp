/*
 * createas.cpp — CREATE TABLE … AS and SELECT … INTO (commands/view.h;
 * PostgreSQL's createas.c).
 *
 * Principal entry point: ExecCreateTableAs.
 *
 * The query is analyzed once for its output columns, which become the
 * new table's (named by the column list when there is one); then, unless
 * WITH NO DATA, the rows are added by running INSERT INTO table query
 * through the ordinary pipeline, so the executor's insert path (and its
 * WAL) is the only writer.  SELECT … INTO arrives here as the analyzer
 * turned it into a CreateTableAsStmt, as PostgreSQL does.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "access/xact.h"
#include "catalog/heap.h"
#include "catalog/namespace.h"
#include "catalog/pg_class_d.h"
#include "commands/oncommit.h"
#include "commands/view.h"
#include "executor/executor.h"
#include "nodes/nodeFuncs.h"
#include "nodes/value.h"
#include "optimizer/planner.h"
#include "parser/analyze.h"
#include "tcop/dest.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

/* The new table's columns: the query's outputs, renamed by colnames. */
TupleDesc CreateAsTupleDesc(Query *query, List *colnames)
{
	int natts = 0;
	ListCell *lc;
	foreach (lc, query->targetList)
		if (!static_cast<TargetEntry *>(lfirst(lc))->resjunk)
			natts++;
	if (list_length(colnames) > natts)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("too many column names were specified"));
	TupleDesc desc = CreateTemplateTupleDesc(natts);
	AttrNumber attnum = 0;
	foreach (lc, query->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk)
			continue;
		const char *name = attnum < list_length(colnames) ? strVal(list_nth(colnames, attnum))
														  : tle->resname;
		attnum++;
		for (AttrNumber other = 1; other < attnum; other++)
			if (strcmp(NameStr(TupleDescAttr(desc, other - 1)->attname), name) == 0)
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
						errmsg("column \"%s\" specified more than once", name));
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		TupleDescInitEntry(desc, attnum, name, exprType(expr), exprTypmod(expr), 0);
		TupleDescAttr(desc, attnum - 1)->attcollation = exprCollation(expr);
	}
	return desc;
}

}  // namespace

uint64 ExecCreateTableAs(CreateTableAsStmt *stmt, const char *queryString)
{
	if (stmt->objtype != OBJECT_TABLE)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("CREATE MATERIALIZED VIEW is not supported yet"));
	IntoClause *into = stmt->into;
	if (!IsA(stmt->query, SelectStmt))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("CREATE TABLE AS EXECUTE is not supported yet"));
	if (into->options != NIL || into->accessMethod != nullptr || into->tableSpaceName != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("CREATE TABLE AS with storage options or TABLESPACE is not supported yet"));
	RangeVar *rv = into->rel;
	Oid nsp = RangeVarGetAndCheckCreationNamespace(rv);
	if (into->onCommit != ONCOMMIT_NOOP && rv->relpersistence != RELPERSISTENCE_TEMP)
		ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
				errmsg("ON COMMIT can only be used on temporary tables"));
	if (OidIsValid(GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid, CStringGetDatum(rv->relname),
								   ObjectIdGetDatum(nsp))))
	{
		if (stmt->if_not_exists)
		{
			ereport(NOTICE, errcode(ERRCODE_DUPLICATE_TABLE),
					errmsg("relation \"%s\" already exists, skipping", rv->relname));
			return CREATEAS_NO_ROWS;
		}
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_TABLE),
				errmsg("relation \"%s\" already exists", rv->relname));
	}

	/* The query's shape (analysis may change the raw tree: a copy). */
	RawStmt *raw = makeNode(RawStmt);
	raw->stmt = static_cast<Node *>(copyObject(stmt->query));
	raw->stmt_location = -1;
	Query *query = parse_analyze_fixedparams(raw, queryString, nullptr, 0);
	if (query->commandType != CMD_SELECT)
		elog(ERROR, "unexpected parse analysis result for CREATE TABLE AS");
	TupleDesc desc = CreateAsTupleDesc(query, into->colNames);
	Oid relid = heap_create_with_catalog(rv->relname, nsp, desc, RELKIND_RELATION,
										 rv->relpersistence);
	register_on_commit_action(relid, into->onCommit);
	CommandCounterIncrement();
	if (into->skipData)
		return CREATEAS_NO_ROWS;

	/* INSERT INTO schema.table query. */
	InsertStmt *insert = makeNode(InsertStmt);
	insert->relation = makeNode(RangeVar);
	insert->relation->schemaname = get_namespace_name(nsp);
	insert->relation->relname = rv->relname;
	insert->relation->inh = true;
	insert->relation->relpersistence = RELPERSISTENCE_PERMANENT;
	insert->relation->location = -1;
	insert->selectStmt = stmt->query;
	raw = makeNode(RawStmt);
	raw->stmt = reinterpret_cast<Node *>(insert);
	raw->stmt_location = -1;
	Query *fill = parse_analyze_fixedparams(raw, queryString, nullptr, 0);
	PlannedStmt *plan = planner(fill, queryString, 0, nullptr);
	UpdateActiveSnapshotCommandId();
	QueryDesc *qd = CreateQueryDesc(plan, queryString, GetActiveSnapshot(), None_Receiver, nullptr,
									0);
	ExecutorStart(qd, 0);
	ExecutorRun(qd, ForwardScanDirection, 0);
	ExecutorFinish(qd);
	uint64 processed = qd->estate->es_processed;
	ExecutorEnd(qd);
	FreeQueryDesc(qd);
	return processed;
}
