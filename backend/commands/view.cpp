/*
 * view.cpp — CREATE [OR REPLACE] VIEW (commands/view.h; PostgreSQL's
 * view.c and, for the rule, rewriteDefine.c).
 *
 * Principal entry point: DefineView.
 *
 * A view is a pg_class row of relkind 'v' without a file, its columns
 * (pg_attribute, from the query's output), its row type, and a pg_rewrite
 * row: the rule "_RETURN" (ev_type '1' = SELECT, instead), whose
 * ev_action is the analyzed query as nodeToString text of a one-element
 * list.  The rule is an internal part of the view and depends normally
 * on each table and column the query reads, so dropping one of them
 * needs CASCADE.  The query is stored as analyzed, views it reads not
 * expanded: the rewriter (rewrite/rewriteHandler.h) expands them each
 * time a query on the view is analyzed.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/tupdesc.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_rewrite_d.h"
#include "commands/owner.h"
#include "commands/view.h"
#include "nodes/nodeFuncs.h"
#include "nodes/value.h"
#include "parser/analyze.h"
#include "parser/parse_node.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

namespace {

constexpr const char *kReturnRuleName = "_RETURN";

/* The view's columns: the query's non-junk outputs, in order. */
TupleDesc ViewTupleDesc(Query *query)
{
	int natts = 0;
	ListCell *lc;
	foreach (lc, query->targetList)
		if (!static_cast<TargetEntry *>(lfirst(lc))->resjunk)
			natts++;
	TupleDesc desc = CreateTemplateTupleDesc(natts);
	AttrNumber attnum = 0;
	foreach (lc, query->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk)
			continue;
		attnum++;
		for (AttrNumber other = 1; other < attnum; other++)
			if (strcmp(NameStr(TupleDescAttr(desc, other - 1)->attname), tle->resname) == 0)
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
						errmsg("column \"%s\" specified more than once", tle->resname));
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		/* A collatable column needs a collation its expression settles
		 * (two that conflict settle none). */
		if (!OidIsValid(exprCollation(expr)) && OidIsValid(get_typcollation(exprType(expr))))
			ereport(ERROR, errcode(ERRCODE_INDETERMINATE_COLLATION),
					errmsg("could not determine which collation to use for view column \"%s\"",
						   tle->resname),
					errhint("Use the COLLATE clause to set the collation explicitly."));
		TupleDescInitEntry(desc, attnum, tle->resname, exprType(expr), exprTypmod(expr), 0);
		TupleDescAttr(desc, attnum - 1)->attcollation = exprCollation(expr);
	}
	return desc;
}

/* CREATE OR REPLACE VIEW may only add columns at the end (PostgreSQL's
 * checkViewTupleDesc). */
void CheckViewTupleDesc(TupleDesc newdesc, TupleDesc olddesc)
{
	if (newdesc->natts < olddesc->natts)
		ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
				errmsg("cannot drop columns from view"));
	for (int i = 0; i < olddesc->natts; i++)
	{
		Form_pg_attribute newattr = TupleDescAttr(newdesc, i);
		Form_pg_attribute oldattr = TupleDescAttr(olddesc, i);
		if (strcmp(NameStr(newattr->attname), NameStr(oldattr->attname)) != 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
					errmsg("cannot change name of view column \"%s\" to \"%s\"",
						   NameStr(oldattr->attname), NameStr(newattr->attname)),
					errhint("Use ALTER VIEW ... RENAME COLUMN ... to change name of view column "
							"instead."));
		if (newattr->atttypid != oldattr->atttypid || newattr->atttypmod != oldattr->atttypmod)
			ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
					errmsg("cannot change data type of view column \"%s\" from %s to %s",
						   NameStr(oldattr->attname),
						   format_type_with_typemod(oldattr->atttypid, oldattr->atttypmod),
						   format_type_with_typemod(newattr->atttypid, newattr->atttypmod)));
	}
}

/* The view's _RETURN rule row, written new or over the old one, with its
 * dependencies (PostgreSQL's InsertRule). */
void StoreViewRule(Oid viewoid, Query *query, bool replace)
{
	Relation pg_rewrite = relation_open(RewriteRelationId, RowExclusiveLock);
	HeapTuple old = nullptr;
	if (replace)
	{
		ScanKeyData key;
		ScanKeyInit(&key, Anum_pg_rewrite_ev_class, BTEqualStrategyNumber, F_OIDEQ,
					ObjectIdGetDatum(viewoid));
		SysScanDesc scan = systable_beginscan(pg_rewrite, RewriteRelRulenameIndexId, true, nullptr,
											  1, &key);
		while (HeapTuple t = systable_getnext(scan))
		{
			bool isnull;
			Name name = DatumGetName(
				heap_getattr(t, Anum_pg_rewrite_rulename, RelationGetDescr(pg_rewrite), &isnull));
			if (strcmp(NameStr(*name), kReturnRuleName) == 0)
			{
				old = heap_copytuple(t);
				break;
			}
		}
		systable_endscan(scan);
		if (old == nullptr)
			elog(ERROR, "could not find the _RETURN rule of view %u", viewoid);
	}
	Oid ruleoid;
	if (old != nullptr)
	{
		bool isnull;
		ruleoid = DatumGetObjectId(
			heap_getattr(old, Anum_pg_rewrite_oid, RelationGetDescr(pg_rewrite), &isnull));
	}
	else
		ruleoid = GetNewRelationOid();
	char *action = nodeToString(list_make1(query));
	CatalogRow row(pg_rewrite);
	row.Set(Anum_pg_rewrite_oid, ObjectIdGetDatum(ruleoid))
		.SetName(Anum_pg_rewrite_rulename, kReturnRuleName)
		.Set(Anum_pg_rewrite_ev_class, ObjectIdGetDatum(viewoid))
		.Set(Anum_pg_rewrite_ev_type, CharGetDatum('1'))
		.Set(Anum_pg_rewrite_ev_enabled, CharGetDatum('O'))
		.Set(Anum_pg_rewrite_is_instead, BoolGetDatum(true))
		.Set(Anum_pg_rewrite_ev_qual, CStringGetTextDatum("<>"))
		.Set(Anum_pg_rewrite_ev_action, CStringGetTextDatum(action));
	if (old != nullptr)
		CatalogTupleUpdate(pg_rewrite, &old->t_self, row.Form());
	else
		CatalogTupleInsert(pg_rewrite, row.Form());
	relation_close(pg_rewrite, RowExclusiveLock);

	ObjectAddress rule;
	ObjectAddressSet(rule, RewriteRelationId, ruleoid);
	if (old != nullptr)
		(void) deleteDependencyRecordsFor(RewriteRelationId, ruleoid, false);
	ObjectAddress view;
	ObjectAddressSet(view, RelationRelationId, viewoid);
	recordDependencyOn(&rule, &view, DEPENDENCY_INTERNAL);
	recordDependencyOnQuery(&rule, query, DEPENDENCY_NORMAL);
}

/* Whether the query reads a temporary relation at any level
 * (PostgreSQL's isQueryUsingTempRelation). */
bool FindTempRelation(Node *node, void *)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Query))
	{
		ListCell *lc;
		foreach (lc, reinterpret_cast<Query *>(node)->rtable)
		{
			auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
			if (rte->rtekind == RTE_RELATION && get_rel_persistence(rte->relid) == 't')
				return true;
		}
	}
	return node_children_walker(node, FindTempRelation, nullptr);
}

bool QueryUsesTempRelation(Query *query)
{
	return FindTempRelation(reinterpret_cast<Node *>(query), nullptr);
}

}  // namespace

Oid DefineView(ViewStmt *stmt, const char *queryString)
{
	if (stmt->withCheckOption != NO_CHECK_OPTION)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("WITH CHECK OPTION is not supported yet"));
	if (stmt->options != NIL)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("view options are not supported yet"));
	RangeVar *rv = stmt->view;
	if (rv->relpersistence == RELPERSISTENCE_UNLOGGED)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("views cannot be unlogged because they do not have storage"));

	/* The query as the analyzer leaves it: views it reads stay views. */
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;
	RawStmt *raw = makeNode(RawStmt);
	raw->stmt = stmt->query;
	raw->stmt_location = -1;
	Query *query = transformTopLevelStmt(pstate, raw);
	free_parsestate(pstate);
	if (query->commandType == CMD_UTILITY && query->utilityStmt != nullptr &&
		IsA(query->utilityStmt, CreateTableAsStmt))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("views must not contain SELECT INTO"));
	if (query->commandType != CMD_SELECT)
		elog(ERROR, "unexpected parse analysis result");
	if (query->hasModifyingCTE)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("views must not contain data-modifying statements in WITH"));

	/* Column aliases rename the outputs, in the stored query too. */
	ListCell *alias = list_head(stmt->aliases);
	ListCell *lc;
	foreach (lc, query->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk || alias == nullptr)
			continue;
		tle->resname = pstrdup(strVal(lfirst(alias)));
		alias = lnext(stmt->aliases, alias);
	}
	if (alias != nullptr)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("CREATE VIEW specifies more column names than columns"));
	TupleDesc desc = ViewTupleDesc(query);

	/* A view reading a temporary relation is temporary itself. */
	if (rv->relpersistence == RELPERSISTENCE_PERMANENT && QueryUsesTempRelation(query))
	{
		rv->relpersistence = RELPERSISTENCE_TEMP;
		ereport(NOTICE, errmsg("view \"%s\" will be a temporary view", rv->relname));
	}
	Oid nsp = RangeVarGetAndCheckCreationNamespace(rv);
	Oid viewoid = GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid, CStringGetDatum(rv->relname),
								  ObjectIdGetDatum(nsp));
	if (OidIsValid(viewoid))
	{
		if (!stmt->replace)
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_TABLE),
					errmsg("relation \"%s\" already exists", rv->relname));
		LockRelationOid(viewoid, AccessExclusiveLock);
		CheckRelationOwner(viewoid, rv->relname);
		if (get_rel_relkind(viewoid) != RELKIND_VIEW)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("\"%s\" is not a view", rv->relname));
		Relation rel = relation_open(viewoid, NoLock);
		TupleDesc olddesc = CreateTupleDescCopy(RelationGetDescr(rel));
		relation_close(rel, NoLock);
		CheckViewTupleDesc(desc, olddesc);
		if (desc->natts > olddesc->natts)
		{
			for (int i = olddesc->natts; i < desc->natts; i++)
				TupleDescAttr(desc, i)->attnum = static_cast<AttrNumber>(i + 1);
			heap_add_columns(viewoid, desc, olddesc->natts);
		}
		StoreViewRule(viewoid, query, true);
		ObjectAddress address;
		ObjectAddressSet(address, RelationRelationId, viewoid);
		recordDependencyOnCurrentExtension(&address, true);
		RelationCacheInvalidateEntry(viewoid);
		return viewoid;
	}
	viewoid = heap_create_with_catalog(rv->relname, nsp, desc, RELKIND_VIEW, rv->relpersistence);
	CommandCounterIncrement();
	StoreViewRule(viewoid, query, false);
	return viewoid;
}
