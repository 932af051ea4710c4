/*
 * explain.cpp — EXPLAIN: a plan as PostgreSQL 15 prints it
 * (commands/explain.h).
 *
 * Principal entry point: ExplainQuery, called by ProcessUtility.
 *
 * The statement is analyzed and planned like any other, its executor
 * state is built (ExecutorStart: the plan-state tree also holds the
 * subplans' states), and with ANALYZE it runs with instrumentation
 * (executor/instrument.h) inside the current transaction, so an
 * EXPLAIN ANALYZE INSERT inserts.  The plan is then printed node by
 * node (ExplainNode) in TEXT or JSON, the layout, labels and numbers
 * PostgreSQL's: "->  " arrows indented 6 more per level in TEXT, detail
 * lines ("Filter: …") 2 spaces under their node, costs with two
 * decimals; PostgreSQL's keys in JSON.  Expressions are printed by
 * utils/ruleutils.h in the node's deparse context.
 *
 * Adding a plan node type: its name in PlanNodeName, and its detail
 * lines in ShowNodeDetails.  Until then a type PostgreSQL has prints
 * under PostgreSQL's name (kFutureNodes: a join with its join type, Join
 * Filter and Filter), any other under its node-tag name with its Filter,
 * and always with its children, so a plan never fails to print.
 *
 * Differences from PostgreSQL, all because Tusk lacks what they print:
 * BUFFERS is accepted but prints nothing (no buffer-usage counters);
 * FORMAT XML and YAML are 0A000; SETTINGS and WAL are accepted as in
 * PostgreSQL but print nothing (no non-default planner settings are
 * reported, no WAL counters); under ANALYZE, Sort prints no "Sort
 * Method" line (the sort does not report its method or memory); every
 * subquery prints as a "SubPlan N" (Tusk has no separate initplans, so
 * PostgreSQL's "InitPlan N (returns $k)" and "$k" references do not
 * appear).
 */
#include "postgres.h"

#include <cmath>
#include <ctime>
#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "commands/explain.h"
#include "executor/executor.h"
#include "executor/instrument.h"
#include "executor/tuptable.h"
#include "nodes/makefuncs.h"
#include "nodes/querynodes.h"
#include "optimizer/planner.h"
#include "parser/analyze.h"
#include "parser/parse_node.h"
#include "tcop/utility.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/ruleutils.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

enum class ExplainFormat
{
	kText,
	kJson
};

struct ExplainState
{
	std::string str;
	/* options */
	bool analyze = false;
	bool verbose = false;
	bool costs = true;
	bool buffers = false;
	bool timing = false;
	bool summary = false;
	ExplainFormat format = ExplainFormat::kText;
	/* state */
	int indent = 0;
	List *grouping_stack = NIL; /* JSON: per open group, 0 until its first item */
	PlannedStmt *pstmt = nullptr;
	List *rtable = NIL;
	List *rtable_names = NIL;
	List *deparse_cxt = NIL;
	Bitmapset *printed_subplans = nullptr;
	List *subplanstates = NIL; /* PlanState per PlannedStmt subplan */
};

double MonotonicSeconds()
{
	timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/* ---- output primitives (PostgreSQL's ExplainProperty* and groups) ---- */

void EscapeJson(std::string &out, const char *s)
{
	out += '"';
	for (const char *p = s; *p != '\0'; p++)
	{
		unsigned char c = static_cast<unsigned char>(*p);
		switch (c)
		{
			case '\b':
				out += "\\b";
				break;
			case '\f':
				out += "\\f";
				break;
			case '\n':
				out += "\\n";
				break;
			case '\r':
				out += "\\r";
				break;
			case '\t':
				out += "\\t";
				break;
			case '"':
				out += "\\\"";
				break;
			case '\\':
				out += "\\\\";
				break;
			default:
				if (c < ' ')
				{
					char buf[8];
					snprintf(buf, sizeof(buf), "\\u%04x", c);
					out += buf;
				}
				else
					out += static_cast<char>(c);
		}
	}
	out += '"';
}

void IndentText(ExplainState *es)
{
	es->str.append(2 * static_cast<size_t>(es->indent), ' ');
}

/* JSON: the comma before every item of a group but the first. */
void JsonLineEnding(ExplainState *es)
{
	ListCell *head = list_head(es->grouping_stack);
	if (lfirst_int(head) != 0)
		es->str += ',';
	else
		lfirst_int(head) = 1;
	es->str += '\n';
}

void Property(ExplainState *es, const char *label, const char *unit, const std::string &value,
			  bool numeric)
{
	if (es->format == ExplainFormat::kText)
	{
		IndentText(es);
		es->str += label;
		es->str += ": ";
		es->str += value;
		if (unit != nullptr)
		{
			es->str += ' ';
			es->str += unit;
		}
		es->str += '\n';
		return;
	}
	JsonLineEnding(es);
	IndentText(es);
	EscapeJson(es->str, label);
	es->str += ": ";
	if (numeric)
		es->str += value;
	else
		EscapeJson(es->str, value.c_str());
}

void PropertyText(ExplainState *es, const char *label, const std::string &value)
{
	Property(es, label, nullptr, value, false);
}

std::string FormatFloat(double value, int ndigits)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%.*f", ndigits, value);
	return buf;
}

void PropertyFloat(ExplainState *es, const char *label, const char *unit, double value, int ndigits)
{
	Property(es, label, unit, FormatFloat(value, ndigits), true);
}

void PropertyBool(ExplainState *es, const char *label, bool value)
{
	Property(es, label, nullptr, value ? "true" : "false", true);
}

void PropertyList(ExplainState *es, const char *label, const std::vector<std::string> &items)
{
	if (es->format == ExplainFormat::kText)
	{
		IndentText(es);
		es->str += label;
		es->str += ": ";
		for (size_t i = 0; i < items.size(); i++)
		{
			if (i > 0)
				es->str += ", ";
			es->str += items[i];
		}
		es->str += '\n';
		return;
	}
	JsonLineEnding(es);
	IndentText(es);
	EscapeJson(es->str, label);
	es->str += ": [";
	for (size_t i = 0; i < items.size(); i++)
	{
		if (i > 0)
			es->str += ", ";
		EscapeJson(es->str, items[i].c_str());
	}
	es->str += ']';
}

/* A JSON object ({, labeled) or array ([) named labelname (NULL: an
 * array member).  Nothing in TEXT format. */
void OpenGroup(ExplainState *es, const char *labelname, bool labeled)
{
	if (es->format == ExplainFormat::kText)
		return;
	JsonLineEnding(es);
	IndentText(es);
	if (labelname != nullptr)
	{
		EscapeJson(es->str, labelname);
		es->str += ": ";
	}
	es->str += labeled ? '{' : '[';
	es->grouping_stack = lcons_int(0, es->grouping_stack);
	es->indent++;
}

void CloseGroup(ExplainState *es, bool labeled)
{
	if (es->format == ExplainFormat::kText)
		return;
	es->indent--;
	es->str += '\n';
	IndentText(es);
	es->str += labeled ? '}' : ']';
	es->grouping_stack = list_delete_first(es->grouping_stack);
}

void BeginOutput(ExplainState *es)
{
	if (es->format == ExplainFormat::kJson)
	{
		es->str += '[';
		es->grouping_stack = lcons_int(0, es->grouping_stack);
		es->indent++;
	}
}

void EndOutput(ExplainState *es)
{
	if (es->format == ExplainFormat::kJson)
	{
		es->indent--;
		es->str += "\n]";
		es->grouping_stack = list_delete_first(es->grouping_stack);
	}
}

/* ---- what the plan refers to ---- */

/* Plan nodes PostgreSQL has and Tusk's planner does not make yet,
 * known by their tag's name so that the day one appears it prints under
 * PostgreSQL's name (a join with its join type and Join Filter) before
 * this file learns its details (Hash Cond, Index Cond, …). */
struct FutureNode
{
	const char *tag;
	const char *pname;
	const char *sname;
	bool join;
	bool scan = false; /* begins with a Scan: reads range-table entry scanrelid */
};

constexpr FutureNode kFutureNodes[] = {
	{"HashJoin", "Hash", "Hash Join", true},
	{"MergeJoin", "Merge", "Merge Join", true},
	{"Hash", "Hash", "Hash", false},
	{"IndexOnlyScan", "Index Only Scan", "Index Only Scan", false, true},
	{"BitmapHeapScan", "Bitmap Heap Scan", "Bitmap Heap Scan", false, true},
	{"BitmapIndexScan", "Bitmap Index Scan", "Bitmap Index Scan", false},
	{"CteScan", "CTE Scan", "CTE Scan", false, true},
	{"WorkTableScan", "WorkTable Scan", "WorkTable Scan", false, true},
	{"RecursiveUnion", "Recursive Union", "Recursive Union", false},
	{"MergeAppend", "Merge Append", "Merge Append", false},
	{"WindowAgg", "WindowAgg", "WindowAgg", false},
	{"Group", "Group", "Group", false},
	{"Memoize", "Memoize", "Memoize", false},
	{"IncrementalSort", "Incremental Sort", "Incremental Sort", false},
	{"LockRows", "LockRows", "LockRows", false},
};

const FutureNode *FindFutureNode(Plan *plan)
{
	const char *tag = nodeTagName(nodeTag(plan));
	for (const FutureNode &f : kFutureNodes)
		if (strcmp(f.tag, tag) == 0)
			return &f;
	return nullptr;
}

bool IsFutureScan(Plan *plan)
{
	const FutureNode *f = FindFutureNode(plan);
	return f != nullptr && f->scan;
}

/* Every join node begins with a Join (PostgreSQL's layout). */
bool IsJoinPlan(Plan *plan)
{
	if (IsA(plan, NestLoop))
		return true;
	const FutureNode *f = FindFutureNode(plan);
	return f != nullptr && f->join;
}

/* Range-table entries the plan reads (they get names). */
void PreScanPlan(Plan *plan, Bitmapset **rels_used)
{
	if (plan == nullptr)
		return;
	switch (nodeTag(plan))
	{
		case T_SeqScan:
		case T_IndexScan:
		case T_SubqueryScan:
		case T_FunctionScan:
		case T_ValuesScan:
			*rels_used = bms_add_member(*rels_used,
										static_cast<int>(
											reinterpret_cast<Scan *>(plan)->scanrelid));
			break;
		case T_ModifyTable:
			*rels_used = bms_add_member(*rels_used,
										static_cast<int>(reinterpret_cast<ModifyTable *>(plan)
															 ->nominalRelation));
			if (reinterpret_cast<ModifyTable *>(plan)->exclRelRTI != 0)
				*rels_used = bms_add_member(*rels_used,
											static_cast<int>(
												reinterpret_cast<ModifyTable *>(plan)->exclRelRTI));
			break;
		case T_Append:
			*rels_used = bms_add_members(*rels_used, reinterpret_cast<Append *>(plan)->apprelids);
			break;
		default:
			if (IsFutureScan(plan))
				*rels_used = bms_add_member(*rels_used,
											static_cast<int>(
												reinterpret_cast<Scan *>(plan)->scanrelid));
			break;
	}
	PreScanPlan(plan->lefttree, rels_used);
	PreScanPlan(plan->righttree, rels_used);
	if (IsA(plan, SubqueryScan))
		PreScanPlan(reinterpret_cast<SubqueryScan *>(plan)->subplan, rels_used);
	if (IsA(plan, Append))
	{
		ListCell *lc;
		foreach (lc, reinterpret_cast<Append *>(plan)->appendplans)
			PreScanPlan(static_cast<Plan *>(lfirst(lc)), rels_used);
	}
	if (IsA(plan, CteScan) || IsA(plan, WorkTableScan))
		*rels_used = bms_add_member(*rels_used,
									static_cast<int>(reinterpret_cast<Scan *>(plan)->scanrelid));
}

bool CollectSubPlans(Node *node, void *ctx)
{
	if (node == nullptr)
		return false;
	/* Those inside a SubPlan's arguments and test come first, as the
	 * executor meets them. */
	bool stop = node_children_walker(node, CollectSubPlans, ctx);
	if (IsA(node, SubPlan))
	{
		List **list = static_cast<List **>(ctx);
		*list = lappend(*list, node);
	}
	return stop;
}

/* The SubPlan expressions a plan node evaluates, in the order the
 * executor initializes them (target list, quals, then the node's own). */
List *NodeSubPlans(Plan *plan)
{
	List *result = NIL;
	(void) CollectSubPlans(reinterpret_cast<Node *>(plan->targetlist), &result);
	(void) CollectSubPlans(reinterpret_cast<Node *>(plan->qual), &result);
	switch (nodeTag(plan))
	{
		case T_Result:
			(void) CollectSubPlans(reinterpret_cast<Result *>(plan)->resconstantqual, &result);
			break;
		case T_NestLoop:
		case T_MergeJoin:
			(void) CollectSubPlans(reinterpret_cast<Node *>(
									   reinterpret_cast<Join *>(plan)->joinqual),
								   &result);
			break;
		case T_HashJoin:
			(void) CollectSubPlans(reinterpret_cast<Node *>(
									   reinterpret_cast<Join *>(plan)->joinqual),
								   &result);
			(void) CollectSubPlans(reinterpret_cast<Node *>(
									   reinterpret_cast<HashJoin *>(plan)->hashclauses),
								   &result);
			break;
		case T_Limit:
			(void) CollectSubPlans(reinterpret_cast<Limit *>(plan)->limitOffset, &result);
			(void) CollectSubPlans(reinterpret_cast<Limit *>(plan)->limitCount, &result);
			break;
		case T_ValuesScan:
			(void) CollectSubPlans(reinterpret_cast<Node *>(
									   reinterpret_cast<ValuesScan *>(plan)->values_lists),
								   &result);
			break;
		case T_IndexScan:
			(void) CollectSubPlans(reinterpret_cast<Node *>(
									   reinterpret_cast<IndexScan *>(plan)->indexqualorig),
								   &result);
			break;
		default:
			break;
	}
	return result;
}

/* ---- node lines ---- */

/* The TEXT name (pname) and the JSON "Node Type" (sname) of a node, and
 * its "Strategy"/"Operation" where it has one. */
struct NodeNames
{
	const char *pname;
	const char *sname;
	const char *strategy = nullptr;
	const char *operation = nullptr;
	const char *partialmode = nullptr;
};

NodeNames PlanNodeName(Plan *plan)
{
	switch (nodeTag(plan))
	{
		case T_Result:
			return {"Result", "Result"};
		case T_ProjectSet:
			return {"ProjectSet", "ProjectSet"};
		case T_ModifyTable:
			switch (reinterpret_cast<ModifyTable *>(plan)->operation)
			{
				case CMD_INSERT:
					return {"Insert", "ModifyTable", nullptr, "Insert"};
				case CMD_UPDATE:
					return {"Update", "ModifyTable", nullptr, "Update"};
				case CMD_DELETE:
					return {"Delete", "ModifyTable", nullptr, "Delete"};
				default:
					return {"???", "ModifyTable", nullptr, "???"};
			}
		case T_Append:
			return {"Append", "Append"};
		case T_NestLoop:
			return {"Nested Loop", "Nested Loop"};
		case T_SeqScan:
			return {"Seq Scan", "Seq Scan"};
		case T_IndexScan:
			return {"Index Scan", "Index Scan"};
		case T_SubqueryScan:
			return {"Subquery Scan", "Subquery Scan"};
		case T_FunctionScan:
			return {"Function Scan", "Function Scan"};
		case T_ValuesScan:
			return {"Values Scan", "Values Scan"};
		case T_Material:
			return {"Materialize", "Materialize"};
		case T_Sort:
			return {"Sort", "Sort"};
		case T_Agg:
			switch (reinterpret_cast<Agg *>(plan)->aggstrategy)
			{
				/* Tusk does not split aggregation into partial steps. */
				case AGG_PLAIN:
					return {"Aggregate", "Aggregate", "Plain", nullptr, "Simple"};
				case AGG_SORTED:
					return {"GroupAggregate", "Aggregate", "Sorted", nullptr, "Simple"};
				case AGG_HASHED:
					return {"HashAggregate", "Aggregate", "Hashed", nullptr, "Simple"};
				case AGG_MIXED:
					return {"MixedAggregate", "Aggregate", "Mixed", nullptr, "Simple"};
			}
			return {"Aggregate ???", "Aggregate", "???", nullptr, "Simple"};
		case T_Unique:
			return {"Unique", "Unique"};
		case T_SetOp:
			if (reinterpret_cast<SetOp *>(plan)->strategy == SETOP_HASHED)
				return {"HashSetOp", "SetOp", "Hashed"};
			return {"SetOp", "SetOp", "Sorted"};
		case T_Limit:
			return {"Limit", "Limit"};
		case T_WindowAgg:
			return {"WindowAgg", "WindowAgg"};
		default:
		{
			if (const FutureNode *f = FindFutureNode(plan))
				return {f->pname, f->sname};
			/* A node type this file does not know at all: its tag's name. */
			const char *name = nodeTagName(nodeTag(plan));
			return {name, name};
		}
	}
}

const char *RelationNamespaceName(Oid relid)
{
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		return nullptr;
	Oid nsp = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup))->relnamespace;
	ReleaseSysCache(tup);
	return get_namespace_name(nsp);
}

/* The name of a function's schema. */
const char *FunctionNamespaceName(Oid funcid)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	Oid nsp = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup))->pronamespace;
	ReleaseSysCache(tup);
	return get_namespace_name(nsp);
}

/* " on t alias" / "Relation Name", "Schema", "Alias". */
void ExplainTargetRel(Plan *plan, Index rti, ExplainState *es)
{
	RangeTblEntry *rte = static_cast<RangeTblEntry *>(
		list_nth(es->rtable, static_cast<int>(rti) - 1));
	const char *refname = get_rtable_name(static_cast<int>(rti), es->deparse_cxt);
	if (refname == nullptr)
		refname = rte->eref->aliasname;
	const char *objectname = nullptr;
	const char *nspname = nullptr;
	const char *objecttag = nullptr;
	switch (nodeTag(plan))
	{
		case T_SeqScan:
		case T_IndexScan:
		case T_ModifyTable:
			if (rte->rtekind == RTE_RELATION)
			{
				objectname = get_rel_name(rte->relid);
				if (es->verbose)
					nspname = RelationNamespaceName(rte->relid);
				objecttag = "Relation Name";
			}
			break;
		case T_FunctionScan:
		{
			/* A lone function call is named by its function. */
			FunctionScan *fscan = reinterpret_cast<FunctionScan *>(plan);
			if (list_length(fscan->functions) == 1)
			{
				auto *rtfunc = castNode(RangeTblFunction, linitial(fscan->functions));
				if (IsA(rtfunc->funcexpr, FuncExpr))
				{
					Oid funcid = reinterpret_cast<FuncExpr *>(rtfunc->funcexpr)->funcid;
					objectname = get_func_name(funcid);
					if (es->verbose)
						nspname = FunctionNamespaceName(funcid);
				}
			}
			objecttag = "Function Name";
			break;
		}
		case T_CteScan:
		case T_WorkTableScan:
			objectname = rte->ctename;
			objecttag = "CTE Name";
			break;
		default:
			if (IsFutureScan(plan) && rte->rtekind == RTE_RELATION)
			{
				objectname = get_rel_name(rte->relid);
				if (es->verbose)
					nspname = RelationNamespaceName(rte->relid);
				objecttag = "Relation Name";
			}
			break;
	}
	if (es->format == ExplainFormat::kText)
	{
		es->str += " on";
		if (nspname != nullptr)
		{
			es->str += ' ';
			es->str += quote_identifier(nspname);
			es->str += '.';
			es->str += quote_identifier(objectname);
		}
		else if (objectname != nullptr)
		{
			es->str += ' ';
			es->str += quote_identifier(objectname);
		}
		if (objectname == nullptr || strcmp(refname, objectname) != 0)
		{
			es->str += ' ';
			es->str += quote_identifier(refname);
		}
		return;
	}
	if (objecttag != nullptr && objectname != nullptr)
		PropertyText(es, objecttag, objectname);
	if (nspname != nullptr)
		PropertyText(es, "Schema", nspname);
	PropertyText(es, "Alias", refname);
}

void ShowExpression(Node *node, const char *label, Plan *plan, List *ancestors, bool useprefix,
					ExplainState *es)
{
	List *context = set_deparse_context_plan(es->deparse_cxt, plan, ancestors);
	PropertyText(es, label, deparse_expression(node, context, useprefix, false));
}

void ShowQual(List *qual, const char *label, Plan *plan, List *ancestors, bool useprefix,
			  ExplainState *es)
{
	if (qual == NIL)
		return;
	Node *node = list_length(qual) == 1
		? static_cast<Node *>(linitial(qual))
		: reinterpret_cast<Node *>(makeBoolExpr(AND_EXPR, qual, -1));
	ShowExpression(node, label, plan, ancestors, useprefix, es);
}

void ShowScanQual(List *qual, const char *label, Plan *plan, List *ancestors, ExplainState *es)
{
	ShowQual(qual, label, plan, ancestors, IsA(plan, SubqueryScan) || es->verbose, es);
}

void ShowUpperQual(List *qual, const char *label, Plan *plan, List *ancestors, ExplainState *es)
{
	ShowQual(qual, label, plan, ancestors, list_length(es->rtable) > 1 || es->verbose, es);
}

/* "Rows Removed by Filter: n" (per loop) under ANALYZE. */
void ShowInstrumentationCount(const char *label, int which, PlanState *ps, ExplainState *es)
{
	if (!es->analyze || ps->instrument == nullptr)
		return;
	double nfiltered = which == 2 ? ps->instrument->nfiltered2 : ps->instrument->nfiltered1;
	double nloops = ps->instrument->nloops;
	if (nfiltered > 0 || es->format != ExplainFormat::kText)
		PropertyFloat(es, label, nullptr, nloops > 0 ? nfiltered / nloops : 0.0, 0);
}

/* INSERT … ON CONFLICT: the action, the arbiter indexes and DO UPDATE's
 * WHERE (PostgreSQL's show_modifytable_info). */
void ShowOnConflict(ModifyTable *mt, PlanState *ps, List *ancestors, ExplainState *es)
{
	if (mt->onConflictAction == ONCONFLICT_NONE)
		return;
	PropertyText(es, "Conflict Resolution",
				 mt->onConflictAction == ONCONFLICT_NOTHING ? "NOTHING" : "UPDATE");
	if (mt->arbiterIndexes != NIL)
	{
		std::vector<std::string> names;
		ListCell *lc;
		foreach (lc, mt->arbiterIndexes)
			names.emplace_back(get_rel_name(lfirst_oid(lc)));
		PropertyList(es, "Conflict Arbiter Indexes", names);
	}
	if (mt->onConflictWhere != nullptr)
	{
		ShowUpperQual(reinterpret_cast<List *>(mt->onConflictWhere), "Conflict Filter", &mt->plan,
					  ancestors, es);
		ShowInstrumentationCount("Rows Removed by Conflict Filter", 1, ps, es);
	}
	/* Under ANALYZE: of the rows proposed, how many went in and how many
	 * met a conflict. */
	PlanState *input = outerPlanState(ps);
	if (es->analyze && ps->instrument != nullptr && input != nullptr &&
		input->instrument != nullptr)
	{
		InstrEndLoop(input->instrument);
		double conflicting = ps->instrument->ntuples2;
		PropertyFloat(es, "Tuples Inserted", nullptr, input->instrument->ntuples - conflicting, 0);
		PropertyFloat(es, "Conflicting Tuples", nullptr, conflicting, 0);
	}
}

/* Sort Key / Group Key: the key columns of plan's target list. */
void ShowSortGroupKeys(Plan *plan, const char *label, List *colidx, List *sortops, List *nullsfirst,
					   List *ancestors, ExplainState *es)
{
	if (colidx == NIL)
		return;
	List *context = set_deparse_context_plan(es->deparse_cxt, plan, ancestors);
	bool useprefix = list_length(es->rtable) > 1 || es->verbose;
	std::vector<std::string> keys;
	for (int i = 0; i < list_length(colidx); i++)
	{
		AttrNumber resno = static_cast<AttrNumber>(list_nth_int(colidx, i));
		TargetEntry *tle = nullptr;
		ListCell *lc;
		foreach (lc, plan->targetlist)
			if (static_cast<TargetEntry *>(lfirst(lc))->resno == resno)
				tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle == nullptr)
			elog(ERROR, "no tlist entry for key %d", resno);
		std::string key = deparse_expression(reinterpret_cast<Node *>(tle->expr), context,
											 useprefix, true);
		if (sortops != NIL)
		{
			/* PostgreSQL compares with the type's default "<" and ">"
			 * operators; these are named so. */
			char *opname = get_opname(list_nth_oid(sortops, i));
			bool reverse = false;
			if (opname != nullptr && strcmp(opname, ">") == 0)
			{
				key += " DESC";
				reverse = true;
			}
			else if (opname == nullptr || strcmp(opname, "<") != 0)
				key += std::string(" USING ") + (opname != nullptr ? opname : "???");
			bool nf = nullsfirst != NIL && list_nth_int(nullsfirst, i) != 0;
			if (nf && !reverse)
				key += " NULLS FIRST";
			else if (!nf && reverse)
				key += " NULLS LAST";
		}
		keys.push_back(std::move(key));
	}
	PropertyList(es, label, keys);
}

void ShowPlanTlist(Plan *plan, List *ancestors, ExplainState *es)
{
	if (plan->targetlist == NIL || IsA(plan, Append))
		return;
	List *context = set_deparse_context_plan(es->deparse_cxt, plan, ancestors);
	bool useprefix = list_length(es->rtable) > 1;
	std::vector<std::string> items;
	ListCell *lc;
	foreach (lc, plan->targetlist)
	{
		TargetEntry *tle = static_cast<TargetEntry *>(lfirst(lc));
		items.push_back(
			deparse_expression(reinterpret_cast<Node *>(tle->expr), context, useprefix, false));
	}
	PropertyList(es, "Output", items);
}

void ExplainNode(PlanState *ps, List *ancestors, const char *relationship, const char *plan_name,
				 ExplainState *es);

/* A join's Join Filter and Filter (its own join condition, Hash Cond or
 * Merge Cond, is the caller's). */
void ShowJoinQuals(PlanState *ps, List *ancestors, ExplainState *es)
{
	Plan *plan = ps->plan;
	List *joinqual = reinterpret_cast<Join *>(plan)->joinqual;
	ShowUpperQual(joinqual, "Join Filter", plan, ancestors, es);
	if (joinqual != NIL)
		ShowInstrumentationCount("Rows Removed by Join Filter", 1, ps, es);
	ShowUpperQual(plan->qual, "Filter", plan, ancestors, es);
	if (plan->qual != NIL)
		ShowInstrumentationCount("Rows Removed by Filter", 2, ps, es);
}

/* The detail lines of a node: its conditions, keys and counts. */
void ShowNodeDetails(PlanState *ps, List *ancestors, ExplainState *es)
{
	Plan *plan = ps->plan;
	switch (nodeTag(plan))
	{
		case T_IndexScan:
			ShowScanQual(reinterpret_cast<IndexScan *>(plan)->indexqualorig, "Index Cond", plan,
						 ancestors, es);
			ShowScanQual(plan->qual, "Filter", plan, ancestors, es);
			if (plan->qual != NIL)
				ShowInstrumentationCount("Rows Removed by Filter", 1, ps, es);
			break;
		case T_SeqScan:
		case T_ValuesScan:
		case T_SubqueryScan:
		case T_FunctionScan:
			ShowScanQual(plan->qual, "Filter", plan, ancestors, es);
			if (plan->qual != NIL)
				ShowInstrumentationCount("Rows Removed by Filter", 1, ps, es);
			break;
		case T_NestLoop:
			ShowJoinQuals(ps, ancestors, es);
			break;
		case T_HashJoin:
			ShowUpperQual(reinterpret_cast<HashJoin *>(plan)->hashclauses, "Hash Cond", plan,
						  ancestors, es);
			ShowJoinQuals(ps, ancestors, es);
			break;
		case T_MergeJoin:
			ShowUpperQual(reinterpret_cast<MergeJoin *>(plan)->mergeclauses, "Merge Cond", plan,
						  ancestors, es);
			ShowJoinQuals(ps, ancestors, es);
			break;
		case T_CteScan:
		case T_WorkTableScan:
			ShowScanQual(plan->qual, "Filter", plan, ancestors, es);
			if (plan->qual != NIL)
				ShowInstrumentationCount("Rows Removed by Filter", 1, ps, es);
			break;
		case T_Agg:
		{
			Agg *agg = reinterpret_cast<Agg *>(plan);
			if (agg->numCols > 0 && plan->lefttree != nullptr)
			{
				/* The keys are columns of the input. */
				List *inner = lcons(plan, ancestors);
				ShowSortGroupKeys(plan->lefttree, "Group Key", agg->grpColIdx, NIL, NIL, inner, es);
			}
			ShowUpperQual(plan->qual, "Filter", plan, ancestors, es);
			if (plan->qual != NIL)
				ShowInstrumentationCount("Rows Removed by Filter", 1, ps, es);
			break;
		}
		case T_Sort:
		{
			Sort *sort = reinterpret_cast<Sort *>(plan);
			ShowSortGroupKeys(plan, "Sort Key", sort->sortColIdx, sort->sortOperators,
							  sort->nullsFirst, ancestors, es);
			break;
		}
		case T_Result:
			ShowUpperQual(reinterpret_cast<Result *>(plan)->resconstantqual != nullptr
							  ? list_make1(reinterpret_cast<Result *>(plan)->resconstantqual)
							  : NIL,
						  "One-Time Filter", plan, ancestors, es);
			ShowUpperQual(plan->qual, "Filter", plan, ancestors, es);
			if (plan->qual != NIL)
				ShowInstrumentationCount("Rows Removed by Filter", 1, ps, es);
			break;
		case T_ModifyTable:
			ShowOnConflict(reinterpret_cast<ModifyTable *>(plan), ps, ancestors, es);
			break;
		case T_WindowAgg:
			ShowUpperQual(plan->qual, "Filter", plan, ancestors, es);
			if (plan->qual != NIL)
				ShowInstrumentationCount("Rows Removed by Filter", 1, ps, es);
			break;
		case T_Append:
		case T_Material:
		case T_Unique:
		case T_SetOp:
		case T_Limit:
			break;
		default:
			if (IsJoinPlan(plan))
				ShowJoinQuals(ps, ancestors, es);
			else if (IsFutureScan(plan))
				ShowScanQual(plan->qual, "Filter", plan, ancestors, es);
			else
				ShowUpperQual(plan->qual, "Filter", plan, ancestors, es);
			break;
	}
}

void ExplainSubPlans(List *subplans, List *ancestors, const char *relationship, ExplainState *es)
{
	ListCell *lc;
	foreach (lc, subplans)
	{
		SubPlan *sp = static_cast<SubPlan *>(lfirst(lc));
		if (bms_is_member(sp->plan_id, es->printed_subplans))
			continue;
		es->printed_subplans = bms_add_member(es->printed_subplans, sp->plan_id);
		if (sp->plan_id < 1 || sp->plan_id > list_length(es->subplanstates))
			continue;
		PlanState *sps = static_cast<PlanState *>(list_nth(es->subplanstates, sp->plan_id - 1));
		/* The SubPlan is an ancestor of its plan: its arguments name the
		 * parameters the plan reads. */
		List *sub_ancestors = lcons(sp, ancestors);
		std::string name = sp->plan_name != nullptr ? sp->plan_name
													: "SubPlan " + std::to_string(sp->plan_id);
		ExplainNode(sps, sub_ancestors, relationship, name.c_str(), es);
	}
}

void ExplainNode(PlanState *ps, List *ancestors, const char *relationship, const char *plan_name,
				 ExplainState *es)
{
	Plan *plan = ps->plan;
	int save_indent = es->indent;
	NodeNames names = PlanNodeName(plan);
	OpenGroup(es, relationship != nullptr ? nullptr : "Plan", true);
	if (es->format == ExplainFormat::kText)
	{
		if (plan_name != nullptr)
		{
			IndentText(es);
			es->str += plan_name;
			es->str += '\n';
			es->indent++;
		}
		if (es->indent != 0)
		{
			IndentText(es);
			es->str += "->  ";
			es->indent += 2;
		}
		es->str += names.pname;
		es->indent++;
	}
	else
	{
		PropertyText(es, "Node Type", names.sname);
		if (names.strategy != nullptr)
			PropertyText(es, "Strategy", names.strategy);
		if (names.partialmode != nullptr)
			PropertyText(es, "Partial Mode", names.partialmode);
		if (names.operation != nullptr)
			PropertyText(es, "Operation", names.operation);
		if (relationship != nullptr)
			PropertyText(es, "Parent Relationship", relationship);
		if (plan_name != nullptr)
			PropertyText(es, "Subplan Name", plan_name);
		PropertyBool(es, "Parallel Aware", plan->parallel_aware);
		PropertyBool(es, "Async Capable", plan->async_capable);
	}

	switch (nodeTag(plan))
	{
		case T_SeqScan:
		case T_SubqueryScan:
		case T_FunctionScan:
		case T_ValuesScan:
			ExplainTargetRel(plan, reinterpret_cast<Scan *>(plan)->scanrelid, es);
			break;
		case T_IndexScan:
		{
			IndexScan *is = reinterpret_cast<IndexScan *>(plan);
			char *indexname = get_rel_name(is->indexid);
			if (es->format == ExplainFormat::kText)
			{
				if (is->indexorderdir < 0)
					es->str += " Backward";
				es->str += " using ";
				es->str += quote_identifier(indexname != nullptr ? indexname : "???");
			}
			else
			{
				PropertyText(es, "Scan Direction", is->indexorderdir < 0 ? "Backward" : "Forward");
				PropertyText(es, "Index Name", indexname != nullptr ? indexname : "???");
			}
			ExplainTargetRel(plan, is->scan.scanrelid, es);
			break;
		}
		case T_ModifyTable:
			ExplainTargetRel(plan, reinterpret_cast<ModifyTable *>(plan)->nominalRelation, es);
			break;
		case T_SetOp:
		{
			static const char *const kCmds[] = {"Intersect", "Intersect All", "Except",
												"Except All"};
			const char *cmd = kCmds[reinterpret_cast<SetOp *>(plan)->cmd];
			if (es->format == ExplainFormat::kText)
			{
				es->str += ' ';
				es->str += cmd;
			}
			else
				PropertyText(es, "Command", cmd);
			break;
		}
		default:
			if (IsFutureScan(plan))
				ExplainTargetRel(plan, reinterpret_cast<Scan *>(plan)->scanrelid, es);
			break;
	}

	if (IsJoinPlan(plan))
	{
		static const char *const kJoinTypes[] = {"Inner", "Left", "Full", "Right", "Semi", "Anti"};
		JoinType jt = reinterpret_cast<Join *>(plan)->jointype;
		const char *jointype = jt <= JOIN_ANTI ? kJoinTypes[jt] : "???";
		if (es->format == ExplainFormat::kText)
		{
			/* The join type is part of the name: "Hash Left Join"; a
			 * nested loop's inner join is plain "Nested Loop". */
			if (jt != JOIN_INNER)
			{
				es->str += ' ';
				es->str += jointype;
				es->str += " Join";
			}
			else if (!IsA(plan, NestLoop))
				es->str += " Join";
		}
		else
			PropertyText(es, "Join Type", jointype);
	}

	if (es->costs)
	{
		if (es->format == ExplainFormat::kText)
		{
			char buf[160];
			snprintf(buf, sizeof(buf), "  (cost=%.2f..%.2f rows=%.0f width=%d)", plan->startup_cost,
					 plan->total_cost, plan->plan_rows, plan->plan_width);
			es->str += buf;
		}
		else
		{
			PropertyFloat(es, "Startup Cost", nullptr, plan->startup_cost, 2);
			PropertyFloat(es, "Total Cost", nullptr, plan->total_cost, 2);
			PropertyFloat(es, "Plan Rows", nullptr, plan->plan_rows, 0);
			Property(es, "Plan Width", nullptr, std::to_string(plan->plan_width), true);
		}
	}

	if (ps->instrument != nullptr)
		InstrEndLoop(ps->instrument);
	if (es->analyze && ps->instrument != nullptr && ps->instrument->nloops > 0)
	{
		double nloops = ps->instrument->nloops;
		double startup_ms = 1000.0 * ps->instrument->startup / nloops;
		double total_ms = 1000.0 * ps->instrument->total / nloops;
		double rows = ps->instrument->ntuples / nloops;
		if (es->format == ExplainFormat::kText)
		{
			char buf[200];
			if (es->timing)
				snprintf(buf, sizeof(buf), " (actual time=%.3f..%.3f rows=%.0f loops=%.0f)",
						 startup_ms, total_ms, rows, nloops);
			else
				snprintf(buf, sizeof(buf), " (actual rows=%.0f loops=%.0f)", rows, nloops);
			es->str += buf;
		}
		else
		{
			if (es->timing)
			{
				PropertyFloat(es, "Actual Startup Time", "ms", startup_ms, 3);
				PropertyFloat(es, "Actual Total Time", "ms", total_ms, 3);
			}
			PropertyFloat(es, "Actual Rows", nullptr, rows, 0);
			PropertyFloat(es, "Actual Loops", nullptr, nloops, 0);
		}
	}
	else if (es->analyze)
	{
		if (es->format == ExplainFormat::kText)
			es->str += " (never executed)";
		else
		{
			if (es->timing)
			{
				PropertyFloat(es, "Actual Startup Time", "ms", 0.0, 3);
				PropertyFloat(es, "Actual Total Time", "ms", 0.0, 3);
			}
			PropertyFloat(es, "Actual Rows", nullptr, 0.0, 0);
			PropertyFloat(es, "Actual Loops", nullptr, 0.0, 0);
		}
	}
	if (es->format == ExplainFormat::kText)
		es->str += '\n';

	if (es->verbose)
		ShowPlanTlist(plan, ancestors, es);
	if (IsJoinPlan(plan) &&
		(es->format != ExplainFormat::kText ||
		 (es->verbose && reinterpret_cast<Join *>(plan)->inner_unique)))
		PropertyBool(es, "Inner Unique", reinterpret_cast<Join *>(plan)->inner_unique);
	ShowNodeDetails(ps, ancestors, es);

	/* The children: outer, inner, members, the subquery, subplans. */
	List *subplans = NodeSubPlans(plan);
	bool haschildren = outerPlanState(ps) != nullptr || innerPlanState(ps) != nullptr ||
		IsA(plan, Append) || IsA(plan, SubqueryScan) || subplans != NIL || plan->initPlan != NIL;
	List *child_ancestors = ancestors;
	if (haschildren)
	{
		OpenGroup(es, "Plans", false);
		child_ancestors = lcons(plan, ancestors);
	}
	/* The WITH queries computed once for this level ("CTE t"). */
	if (plan->initPlan != NIL)
		ExplainSubPlans(plan->initPlan, child_ancestors, "InitPlan", es);
	if (outerPlanState(ps) != nullptr)
		ExplainNode(outerPlanState(ps), child_ancestors, "Outer", nullptr, es);
	if (innerPlanState(ps) != nullptr)
		ExplainNode(innerPlanState(ps), child_ancestors, "Inner", nullptr, es);
	if (IsA(ps, AppendState))
	{
		AppendState *as = reinterpret_cast<AppendState *>(ps);
		for (int i = 0; i < as->nplans; i++)
			ExplainNode(as->appendplans[i], child_ancestors, "Member", nullptr, es);
	}
	if (IsA(ps, SubqueryScanState))
		ExplainNode(reinterpret_cast<SubqueryScanState *>(ps)->subplan, child_ancestors, "Subquery",
					nullptr, es);
	if (subplans != NIL)
		ExplainSubPlans(subplans, child_ancestors, "SubPlan", es);
	if (haschildren)
		CloseGroup(es, false);

	if (es->format == ExplainFormat::kText)
		es->indent = save_indent;
	CloseGroup(es, true);
}

/* ---- options ---- */

void ParseOptions(ExplainState *es, List *options, ParseState *pstate)
{
	bool timing_set = false;
	bool summary_set = false;
	bool wal = false;
	ListCell *lc;
	foreach (lc, options)
	{
		DefElem *opt = static_cast<DefElem *>(lfirst(lc));
		const char *name = opt->defname;
		if (strcmp(name, "analyze") == 0)
			es->analyze = defGetBoolean(opt);
		else if (strcmp(name, "verbose") == 0)
			es->verbose = defGetBoolean(opt);
		else if (strcmp(name, "costs") == 0)
			es->costs = defGetBoolean(opt);
		else if (strcmp(name, "buffers") == 0)
			es->buffers = defGetBoolean(opt);
		else if (strcmp(name, "wal") == 0)
			wal = defGetBoolean(opt);
		else if (strcmp(name, "settings") == 0)
			(void) defGetBoolean(opt);
		else if (strcmp(name, "timing") == 0)
		{
			timing_set = true;
			es->timing = defGetBoolean(opt);
		}
		else if (strcmp(name, "summary") == 0)
		{
			summary_set = true;
			es->summary = defGetBoolean(opt);
		}
		else if (strcmp(name, "format") == 0)
		{
			if (opt->arg == nullptr)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("%s requires a parameter", opt->defname));
			std::string value = IsA(opt->arg, String) ? strVal(opt->arg)
				: IsA(opt->arg, Integer)			  ? std::to_string(intVal(opt->arg))
													  : std::string("?");
			if (value == "text")
				es->format = ExplainFormat::kText;
			else if (value == "json")
				es->format = ExplainFormat::kJson;
			else if (value == "xml" || value == "yaml")
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("EXPLAIN format %s is not supported yet", value.c_str()),
						parser_errposition(pstate, opt->location));
			else
				ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("unrecognized value for EXPLAIN option \"%s\": \"%s\"", opt->defname,
							   value.c_str()),
						parser_errposition(pstate, opt->location));
		}
		else
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("unrecognized EXPLAIN option \"%s\"", opt->defname),
					parser_errposition(pstate, opt->location));
	}
	if (wal && !es->analyze)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("EXPLAIN option WAL requires ANALYZE"));
	es->timing = timing_set ? es->timing : es->analyze;
	if (es->timing && !es->analyze)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("EXPLAIN option TIMING requires ANALYZE"));
	es->summary = summary_set ? es->summary : es->analyze;
}

/* Plan (and with ANALYZE run) one statement and print it into es. */
void ExplainOneQuery(ExplainStmt *stmt, const char *queryString, ExplainState *es)
{
	RawStmt *raw = makeNode(RawStmt);
	raw->stmt = stmt->query;
	raw->stmt_location = -1;
	Query *query = parse_analyze_fixedparams(raw, queryString, nullptr, 0);
	if (query->commandType == CMD_UTILITY)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("EXPLAIN of %s is not supported yet",
					   CreateCommandName(query->utilityStmt)));
	double plan_start = MonotonicSeconds();
	PlannedStmt *plan = planner(query, queryString, 0, nullptr);
	double plan_time = MonotonicSeconds() - plan_start;

	double exec_start = MonotonicSeconds();
	int instrument = 0;
	if (es->analyze)
		instrument = INSTRUMENT_ROWS | (es->timing ? INSTRUMENT_TIMER : 0);
	/* The rows go nowhere: a receiver that drops them. */
	DestReceiver *dest = CreateDestReceiver(DestNone);
	QueryDesc *qd = CreateQueryDesc(plan, queryString, GetActiveSnapshot(), dest, nullptr,
									instrument);
	ExecutorStart(qd, es->analyze ? 0 : EXEC_FLAG_EXPLAIN_ONLY);
	if (es->analyze)
	{
		ExecutorRun(qd, ForwardScanDirection, 0);
		ExecutorFinish(qd);
	}
	double exec_time = MonotonicSeconds() - exec_start;

	OpenGroup(es, nullptr, true);
	es->pstmt = plan;
	es->rtable = plan->rtable;
	Bitmapset *rels_used = nullptr;
	PreScanPlan(plan->planTree, &rels_used);
	ListCell *lc;
	foreach (lc, plan->subplans)
		PreScanPlan(static_cast<Plan *>(lfirst(lc)), &rels_used);
	es->rtable_names = select_rtable_names_for_explain(es->rtable, rels_used);
	es->deparse_cxt = deparse_context_for_plan_tree(plan, es->rtable_names);
	es->subplanstates = qd->estate->es_subplanstates;
	ExplainNode(qd->planstate, NIL, nullptr, nullptr, es);
	if (es->summary)
		PropertyFloat(es, "Planning Time", "ms", 1000.0 * plan_time, 3);
	if (es->analyze && es->format != ExplainFormat::kText)
	{
		/* No triggers exist yet: an empty list, as PostgreSQL prints it. */
		OpenGroup(es, "Triggers", false);
		CloseGroup(es, false);
	}
	double end_start = MonotonicSeconds();
	ExecutorEnd(qd);
	if (es->analyze)
		CommandCounterIncrement();
	exec_time += MonotonicSeconds() - end_start;
	if (es->summary && es->analyze)
		PropertyFloat(es, "Execution Time", "ms", 1000.0 * exec_time, 3);
	CloseGroup(es, true);
}

}  // namespace

TupleDesc ExplainResultDesc(ExplainStmt *stmt)
{
	/* Only the format matters; bad options are ExplainQuery's to report. */
	Oid type = TEXTOID;
	ListCell *lc;
	foreach (lc, stmt->options)
	{
		DefElem *opt = static_cast<DefElem *>(lfirst(lc));
		if (strcmp(opt->defname, "format") == 0 && opt->arg != nullptr && IsA(opt->arg, String))
			type = strcmp(strVal(opt->arg), "json") == 0 ? JSONOID : TEXTOID;
	}
	TupleDesc desc = CreateTemplateTupleDesc(1);
	TupleDescInitEntry(desc, 1, "QUERY PLAN", type, -1, 0);
	return desc;
}

void ExplainQuery(ExplainStmt *stmt, const char *queryString, DestReceiver *dest)
{
	ExplainState es;
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;
	ParseOptions(&es, stmt->options, pstate);
	free_parsestate(pstate);

	BeginOutput(&es);
	ExplainOneQuery(stmt, queryString, &es);
	EndOutput(&es);

	TupleDesc desc = ExplainResultDesc(stmt);
	TupleTableSlot *slot = MakeTupleTableSlot(desc);
	dest->rStartup(dest, CMD_SELECT, desc);
	auto send = [&](const std::string &line) {
		ExecClearTuple(slot);
		slot->tts_values[0] = PointerGetDatum(
			cstring_to_text_with_len(line.data(), static_cast<int>(line.size())));
		slot->tts_isnull[0] = false;
		ExecStoreVirtualTuple(slot);
		dest->receiveSlot(slot, dest);
	};
	if (es.format == ExplainFormat::kText)
	{
		/* One row per line. */
		size_t start = 0;
		while (start < es.str.size())
		{
			size_t end = es.str.find('\n', start);
			if (end == std::string::npos)
				end = es.str.size();
			send(es.str.substr(start, end - start));
			start = end + 1;
		}
	}
	else
		send(es.str);
	dest->rShutdown(dest);
	ExecDropSingleTupleTableSlot(slot);
}
