/*
 * rewriteHandler.cpp — the rewriter (rewrite/rewriteHandler.h): each
 * view a query reads becomes a subquery in FROM (PostgreSQL's
 * fireRIRrules / ApplyRetrieveRule).
 *
 * Principal entry points: QueryRewriteViews, get_view_query_by_oid.
 *
 * The analyzer treats a view like a table: its range-table entry is an
 * RTE_RELATION with the view's columns, and Vars point at it.  Rewriting
 * turns that entry into an RTE_SUBQUERY holding the view's stored query
 * (its pg_rewrite _RETURN rule), whose target list gives the view's
 * columns in order, so the Vars stay valid.  It runs at the end of
 * parse analysis (parse_analyze_*), so a cached plan that is re-analyzed
 * after CREATE OR REPLACE VIEW sees the new definition.
 */
#include "postgres.h"

#include <algorithm>
#include <vector>

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_rewrite_d.h"
#include "miscadmin.h"
#include "rewrite/rewriteHandler.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"

namespace {

/* Why a view cannot be the target of INSERT/UPDATE/DELETE by itself
 * (PostgreSQL's view_query_is_auto_updatable), or NULL if it could be. */
const char *AutoUpdateDetail(Query *viewquery)
{
	if (viewquery->distinctClause != NIL)
		return "Views containing DISTINCT are not automatically updatable.";
	if (viewquery->groupClause != NIL || viewquery->groupingSets != NIL)
		return "Views containing GROUP BY are not automatically updatable.";
	if (viewquery->havingQual != nullptr)
		return "Views containing HAVING are not automatically updatable.";
	if (viewquery->setOperations != nullptr)
		return "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.";
	if (viewquery->cteList != NIL)
		return "Views containing WITH are not automatically updatable.";
	if (viewquery->limitOffset != nullptr || viewquery->limitCount != nullptr)
		return "Views containing LIMIT or OFFSET are not automatically updatable.";
	if (viewquery->hasAggs)
		return "Views that return aggregate functions are not automatically updatable.";
	if (viewquery->hasWindowFuncs)
		return "Views that return window functions are not automatically updatable.";
	if (viewquery->hasTargetSRFs)
		return "Views that return set-returning functions are not automatically updatable.";
	const char *single =
		"Views that do not select from a single table or view are not automatically updatable.";
	if (list_length(viewquery->jointree->fromlist) != 1)
		return single;
	Node *item = static_cast<Node *>(linitial(viewquery->jointree->fromlist));
	if (!IsA(item, RangeTblRef))
		return single;
	auto *base = static_cast<RangeTblEntry *>(
		list_nth(viewquery->rtable, reinterpret_cast<RangeTblRef *>(item)->rtindex - 1));
	if (base->rtekind != RTE_RELATION ||
		(base->relkind != RELKIND_RELATION && base->relkind != RELKIND_VIEW))
		return single;
	return nullptr;
}

/* INSERT/UPDATE/DELETE on a view: PostgreSQL's error when the view is not
 * automatically updatable; otherwise 0A000, as Tusk cannot yet turn the
 * statement into one on the view's table. */
[[noreturn]] void ViewNotUpdatable(Query *query, RangeTblEntry *rte)
{
	const char *verb;
	const char *hint;
	switch (query->commandType)
	{
		case CMD_INSERT:
			verb = "insert into";
			hint = "To enable inserting into the view, provide an INSTEAD OF INSERT trigger or "
				   "an unconditional ON INSERT DO INSTEAD rule.";
			break;
		case CMD_UPDATE:
			verb = "update";
			hint = "To enable updating the view, provide an INSTEAD OF UPDATE trigger or an "
				   "unconditional ON UPDATE DO INSTEAD rule.";
			break;
		default:
			verb = "delete from";
			hint = "To enable deleting from the view, provide an INSTEAD OF DELETE trigger or "
				   "an unconditional ON DELETE DO INSTEAD rule.";
			break;
	}
	char *name = get_rel_name(rte->relid);
	/* PostgreSQL makes UPDATE pg_settings call set_config through rules
	 * on the view; Tusk has no rules. */
	if (query->commandType == CMD_UPDATE && get_rel_namespace(rte->relid) == PG_CATALOG_NAMESPACE &&
		strcmp(name, "pg_settings") == 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("UPDATE of pg_settings is not supported by Tusk"),
				errhint("Use SET or set_config() instead."));
	const char *detail = AutoUpdateDetail(get_view_query_by_oid(rte->relid));
	if (detail != nullptr)
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("cannot %s view \"%s\"", verb, name), errdetail_internal("%s", detail),
				errhint("%s", hint));
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("cannot %s view \"%s\"", verb, name),
			errdetail("Automatically updatable views are not supported yet."));
}

struct RewriteContext
{
	/* The views being expanded, outermost first: one met again is a
	 * definition loop. */
	std::vector<Oid> active;
};

void ExpandQuery(Query *query, RewriteContext *ctx);

bool ExpandWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Query))
	{
		ExpandQuery(reinterpret_cast<Query *>(node), static_cast<RewriteContext *>(arg));
		return false;
	}
	return node_children_walker(node, ExpandWalker, arg);
}

void ExpandQuery(Query *query, RewriteContext *ctx)
{
	check_stack_depth();
	int rti = 0;
	ListCell *lc;
	foreach (lc, query->rtable)
	{
		rti++;
		auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		if (rte->rtekind != RTE_RELATION)
			continue;
		/* The tables a view reads are locked as the analyzer locks those
		 * named in the query (PostgreSQL's AcquireRewriteLocks). */
		if (!ctx->active.empty() && rte->rellockmode != NoLock)
			LockRelationOid(rte->relid, rte->rellockmode);
		if (rte->relkind != RELKIND_VIEW)
			continue;
		if (rti == query->resultRelation)
			ViewNotUpdatable(query, rte);
		if (std::find(ctx->active.begin(), ctx->active.end(), rte->relid) != ctx->active.end())
			ereport(ERROR, errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
					errmsg("infinite recursion detected in rules for relation \"%s\"",
						   get_rel_name(rte->relid)));
		Query *sub = get_view_query_by_oid(rte->relid);
		ctx->active.push_back(rte->relid);
		ExpandQuery(sub, ctx);
		ctx->active.pop_back();
		/* What a subquery entry does not have goes, as in PostgreSQL. */
		rte->rtekind = RTE_SUBQUERY;
		rte->subquery = sub;
		rte->relid = InvalidOid;
		rte->relkind = 0;
		rte->rellockmode = 0;
		rte->inh = false;
	}
	/* Everything below: subqueries in FROM (already expanded views are
	 * walked again, finding nothing), sublinks, WITH queries. */
	(void) node_children_walker(reinterpret_cast<Node *>(query), ExpandWalker, ctx);
}

}  // namespace

Query *get_view_query_by_oid(Oid viewoid)
{
	Relation pg_rewrite = relation_open(RewriteRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_rewrite_ev_class, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(viewoid));
	SysScanDesc scan = systable_beginscan(pg_rewrite, RewriteRelRulenameIndexId, true, nullptr, 1,
										  &key);
	Query *query = nullptr;
	while (HeapTuple t = systable_getnext(scan))
	{
		bool isnull;
		TupleDesc desc = RelationGetDescr(pg_rewrite);
		if (DatumGetChar(heap_getattr(t, Anum_pg_rewrite_ev_type, desc, &isnull)) != '1')
			continue;
		Datum action = heap_getattr(t, Anum_pg_rewrite_ev_action, desc, &isnull);
		if (isnull)
			continue;
		auto *actions = static_cast<List *>(stringToNode(TextDatumGetCString(action)));
		if (list_length(actions) == 1)
			query = static_cast<Query *>(linitial(actions));
		break;
	}
	systable_endscan(scan);
	relation_close(pg_rewrite, AccessShareLock);
	if (query == nullptr)
		elog(ERROR, "could not find the _RETURN rule of view %u", viewoid);
	return query;
}

void QueryRewriteViews(Query *query)
{
	RewriteContext ctx;
	ExpandQuery(query, &ctx);
}
