/*
 * plancache.cpp — cached analyzed queries and plans (utils/plancache.h).
 *
 * Every saved source is on one list so that an invalidation reaches it
 * (an unsaved one lives only as long as the statement making it).  A source's context holds its raw tree, text and parameter
 * types; its analyzed queries live in a child context replaced at each
 * re-analysis; each CachedPlan has a context of its own, freed when its
 * last reference goes (a running portal may hold a generic plan the
 * source has already replaced).
 */
#include "postgres.h"

#include <algorithm>
#include <vector>

#include "executor/executor.h"
#include "nodes/plannodes.h"
#include "optimizer/planner.h"
#include "parser/analyze.h"
#include "storage/lmgr.h"
#include "tcop/utility.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/plancache.h"
#include "utils/snapmgr.h"

namespace {

/* PostgreSQL's default cpu_operator_cost: the planning overhead a custom
 * plan is charged, per relation, in the custom-or-generic choice. */
constexpr double kCpuOperatorCost = 0.0025;
/* Custom plans tried before the generic plan is considered. */
constexpr int64 kCustomPlansBeforeGeneric = 5;

std::vector<CachedPlanSource *> &AllSources()
{
	static std::vector<CachedPlanSource *> sources;
	return sources;
}

void PlanCacheRelCallback(Datum, Oid relid)
{
	for (CachedPlanSource *ps : AllSources())
	{
		if (!ps->is_complete)
			continue;
		if (OidIsValid(relid) && !list_member_oid(ps->relationOids, relid))
			continue;
		ps->is_valid = false;
		if (ps->gplan != nullptr)
			ps->gplan->is_valid = false;
	}
}

void RegisterCallbackOnce()
{
	static bool registered = false;
	if (registered)
		return;
	CacheRegisterRelcacheCallback(PlanCacheRelCallback, (Datum) 0);
	registered = true;
}

/* The parent of every saved source's and every plan's context, as in
 * PostgreSQL (cache resets free only the catalog caches' own rows). */
MemoryContext PlanMemoryParent()
{
	CreateCacheMemoryContext();
	return CacheMemoryContext;
}

bool IsTransactionControl(const CachedPlanSource *ps)
{
	return ps->raw_parse_tree != nullptr && IsA(ps->raw_parse_tree->stmt, TransactionStmt);
}

/* The relations the analyzed queries read or write. */
List *QueryRelationOids(List *query_list)
{
	List *oids = NIL;
	ListCell *lc;
	foreach (lc, query_list)
	{
		Query *q = static_cast<Query *>(lfirst(lc));
		ListCell *lc2;
		foreach (lc2, q->rtable)
		{
			RangeTblEntry *rte = static_cast<RangeTblEntry *>(lfirst(lc2));
			if (rte->rtekind == RTE_RELATION)
				oids = list_append_unique_oid(oids, rte->relid);
		}
	}
	return oids;
}

/* The locks the analyzer takes, taken again for a reused query tree or
 * plan (PostgreSQL's AcquirePlannerLocks / AcquireExecutorLocks). */
void LockRangeTable(List *rtable)
{
	ListCell *lc;
	foreach (lc, rtable)
	{
		RangeTblEntry *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		if (rte->rtekind == RTE_RELATION && rte->rellockmode != NoLock)
			LockRelationOid(rte->relid, rte->rellockmode);
	}
}

TupleDesc ComputeResultDesc(List *query_list)
{
	if (list_length(query_list) != 1)
		return nullptr;
	Query *q = static_cast<Query *>(linitial(query_list));
	switch (q->commandType)
	{
		case CMD_SELECT:
			return ExecCleanTypeFromTL(q->targetList);
		case CMD_INSERT:
		case CMD_UPDATE:
		case CMD_DELETE:
			return q->returningList != NIL ? ExecCleanTypeFromTL(q->returningList) : nullptr;
		case CMD_UTILITY:
			return UtilityTupleDescriptor(q->utilityStmt);
		default:
			return nullptr;
	}
}

void ReleaseGenericPlan(CachedPlanSource *ps)
{
	if (ps->gplan == nullptr)
		return;
	CachedPlan *plan = ps->gplan;
	ps->gplan = nullptr;
	ReleaseCachedPlan(plan);
}

/* Runs f with an active snapshot (analysis and planning read catalogs),
 * except for transaction control, which must run without one. */
template <typename F>
void WithSnapshot(const CachedPlanSource *ps, F f)
{
	bool pushed = false;
	if (!IsTransactionControl(ps) && !ActiveSnapshotSet())
	{
		PushActiveSnapshot(GetTransactionSnapshot());
		pushed = true;
	}
	f();
	if (pushed)
		PopActiveSnapshot();
}

/* Bring query_list up to date with the catalogs (PostgreSQL's
 * RevalidateCachedQuery). */
void RevalidateCachedQuery(CachedPlanSource *ps)
{
	if (ps->is_valid)
	{
		ListCell *lc;
		foreach (lc, ps->query_list)
			LockRangeTable(static_cast<Query *>(lfirst(lc))->rtable);
		/* Waiting for a lock may have let DDL commit. */
		AcceptInvalidationMessages();
		if (ps->is_valid)
			return;
	}
	ps->is_valid = false;
	ReleaseGenericPlan(ps);
	MemoryContext qcxt = AllocSetContextCreate(ps->context, "CachedPlanQuery",
											   ALLOCSET_SMALL_SIZES);
	List *query_list = NIL;
	TupleDesc desc = nullptr;
	WithSnapshot(ps, [&] {
		MemoryContext old = MemoryContextSwitchTo(qcxt);
		RawStmt *raw = copyObject(ps->raw_parse_tree);
		query_list = list_make1(
			parse_analyze_fixedparams(raw, ps->query_string, ps->param_types, ps->num_params));
		desc = ComputeResultDesc(query_list);
		MemoryContextSwitchTo(old);
	});
	if (ps->fixed_result && !(desc == nullptr && ps->resultDesc == nullptr) &&
		(desc == nullptr || ps->resultDesc == nullptr || !equalTupleDescs(desc, ps->resultDesc)))
	{
		MemoryContextDelete(qcxt);
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cached plan must not change result type"));
	}
	if (ps->query_context != nullptr)
		MemoryContextDelete(ps->query_context);
	ps->query_context = qcxt;
	ps->query_list = query_list;
	MemoryContext old = MemoryContextSwitchTo(ps->context);
	list_free(ps->relationOids);
	ps->relationOids = QueryRelationOids(query_list);
	ps->resultDesc = desc != nullptr ? CreateTupleDescCopy(desc) : nullptr;
	MemoryContextSwitchTo(old);
	ps->is_valid = true;
}

CachedPlan *BuildCachedPlan(CachedPlanSource *ps, ParamListInfo boundParams)
{
	/* Not under the source: a portal may run the plan after the source is
	 * gone (DEALLOCATE of a running statement's source). */
	MemoryContext pcxt = AllocSetContextCreate(PlanMemoryParent(), "CachedPlan",
											   ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(pcxt);
	auto *plan = static_cast<CachedPlan *>(palloc0(sizeof(CachedPlan)));
	plan->context = pcxt;
	plan->is_valid = true;
	plan->generation = ++ps->generation;
	WithSnapshot(ps, [&] {
		ListCell *lc;
		foreach (lc, ps->query_list)
		{
			/* The planner may scribble on its input: a copy. */
			Query *q = copyObject(static_cast<Query *>(lfirst(lc)));
			plan->stmt_list = lappend(plan->stmt_list,
									  planner(q, ps->query_string, ps->cursor_options,
											  boundParams));
		}
	});
	MemoryContextSwitchTo(old);
	return plan;
}

/* A plan's estimated cost, with planning's if asked (PostgreSQL's
 * cached_plan_cost). */
double CachedPlanCost(const CachedPlan *plan, bool include_planner)
{
	double cost = 0;
	ListCell *lc;
	foreach (lc, plan->stmt_list)
	{
		PlannedStmt *stmt = static_cast<PlannedStmt *>(lfirst(lc));
		if (stmt->commandType == CMD_UTILITY || stmt->planTree == nullptr)
			continue;
		cost += stmt->planTree->total_cost;
		if (include_planner)
			cost += 1000.0 * kCpuOperatorCost * (list_length(stmt->rtable) + 1);
	}
	return cost;
}

bool ChooseCustomPlan(const CachedPlanSource *ps, ParamListInfo boundParams)
{
	if (boundParams == nullptr || ps->num_params == 0)
		return false;
	if (IsTransactionControl(ps))
		return false;
	if (ps->num_custom_plans < kCustomPlansBeforeGeneric)
		return true;
	double avg_custom = ps->total_custom_cost / static_cast<double>(ps->num_custom_plans);
	return ps->generic_cost >= 0 && ps->generic_cost > avg_custom;
}

/* The generic plan, if still valid, with its relations locked. */
bool CheckCachedPlan(CachedPlanSource *ps)
{
	CachedPlan *plan = ps->gplan;
	if (plan == nullptr)
		return false;
	if (plan->is_valid)
	{
		ListCell *lc;
		foreach (lc, plan->stmt_list)
			LockRangeTable(static_cast<PlannedStmt *>(lfirst(lc))->rtable);
		AcceptInvalidationMessages();
		if (plan->is_valid)
			return true;
	}
	ReleaseGenericPlan(ps);
	return false;
}

}  // namespace

CachedPlanSource *CreateCachedPlan(RawStmt *raw_parse_tree, const char *query_string,
								   const char *commandTag)
{
	RegisterCallbackOnce();
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "CachedPlanSource",
											  ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	auto *ps = static_cast<CachedPlanSource *>(palloc0(sizeof(CachedPlanSource)));
	ps->raw_parse_tree = copyObject(raw_parse_tree);
	ps->query_string = pstrdup(query_string);
	ps->commandTag = commandTag;
	ps->context = cxt;
	ps->generic_cost = -1;
	MemoryContextSwitchTo(old);
	return ps;
}

void CompleteCachedPlan(CachedPlanSource *ps, List *querytree_list, const Oid *param_types,
						int num_params, int cursor_options, bool fixed_result)
{
	ps->query_context = AllocSetContextCreate(ps->context, "CachedPlanQuery", ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(ps->query_context);
	ps->query_list = copyObject(querytree_list);
	TupleDesc desc = ComputeResultDesc(ps->query_list);
	MemoryContextSwitchTo(ps->context);
	ps->relationOids = QueryRelationOids(ps->query_list);
	ps->resultDesc = desc != nullptr ? CreateTupleDescCopy(desc) : nullptr;
	if (num_params > 0)
	{
		ps->param_types = static_cast<Oid *>(palloc(num_params * sizeof(Oid)));
		memcpy(ps->param_types, param_types, num_params * sizeof(Oid));
	}
	ps->num_params = num_params;
	ps->cursor_options = cursor_options;
	ps->fixed_result = fixed_result;
	MemoryContextSwitchTo(old);
	ps->is_complete = true;
	ps->is_valid = true;
}

void SaveCachedPlan(CachedPlanSource *ps)
{
	if (ps->is_saved)
		elog(ERROR, "cached plan is already saved");
	MemoryContextSetParent(ps->context, PlanMemoryParent());
	ps->is_saved = true;
	/* From now on it outlives statements: invalidations must reach it. */
	AllSources().push_back(ps);
}

void DropCachedPlan(CachedPlanSource *ps)
{
	auto &all = AllSources();
	all.erase(std::remove(all.begin(), all.end(), ps), all.end());
	/* A portal still running the generic plan keeps it until it is done. */
	ReleaseGenericPlan(ps);
	MemoryContextDelete(ps->context);
}

CachedPlan *GetCachedPlan(CachedPlanSource *ps, ParamListInfo boundParams)
{
	if (!ps->is_complete)
		elog(ERROR, "cannot execute an incomplete cached plan");
	AcceptInvalidationMessages();
	RevalidateCachedQuery(ps);
	bool custom = ChooseCustomPlan(ps, boundParams);
	CachedPlan *plan = nullptr;
	if (!custom)
	{
		if (CheckCachedPlan(ps))
			plan = ps->gplan;
		else
		{
			plan = BuildCachedPlan(ps, nullptr);
			plan->refcount = 1; /* the source's reference */
			ps->gplan = plan;
			ps->generic_cost = CachedPlanCost(plan, false);
			/* Dearer than a custom plan after all: go custom this time. */
			custom = ChooseCustomPlan(ps, boundParams);
		}
	}
	if (custom)
	{
		plan = BuildCachedPlan(ps, boundParams);
		ps->total_custom_cost += CachedPlanCost(plan, true);
		ps->num_custom_plans++;
	}
	else
		ps->num_generic_plans++;
	plan->refcount++;
	return plan;
}

void ReleaseCachedPlan(CachedPlan *plan)
{
	if (plan == nullptr)
		return;
	if (--plan->refcount == 0)
		MemoryContextDelete(plan->context);
}

List *CachedPlanGetTargetList(CachedPlanSource *ps)
{
	if (ps->resultDesc == nullptr || ps->query_list == NIL)
		return NIL;
	RevalidateCachedQuery(ps);
	Query *q = static_cast<Query *>(linitial(ps->query_list));
	if (q->commandType == CMD_SELECT)
		return q->targetList;
	if (q->commandType != CMD_UTILITY)
		return q->returningList;
	return NIL;
}

void ResetPlanCache(void)
{
	PlanCacheRelCallback((Datum) 0, InvalidOid);
}
