/*
 * nodeSort.cpp — ORDER BY: the child's rows, all of them, in order.
 *
 * The first call reads every row of the child, copying each (in the
 * query's memory), and sorts them with the ORDER BY operators' functions
 * (each "<" or ">" of the column type's btree class), NULLs first or
 * last as asked; later calls hand them out one by one.  The sort is
 * stable and in memory: external sorting (work_mem) comes later.
 */
#include "postgres.h"

#include <algorithm>
#include <vector>

#include "access/htup_details.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

struct SortKey
{
	int column; /* 0-based */
	FmgrInfo lt;
	Oid collation;
	bool nulls_first;
};

struct SortData
{
	std::vector<HeapTuple> rows;
	std::vector<SortKey> keys;
	size_t next = 0;
	MemoryContext rowcontext = nullptr; /* holds rows; reset on rescan */
	bool child_uses_params = false;		/* rescan must read the child again */
};

namespace {

TupleTableSlot *ExecSort(PlanState *pstate)
{
	auto *node = reinterpret_cast<SortState *>(pstate);
	SortData &data = *node->data;
	if (!node->sort_Done)
	{
		MemoryContext old = MemoryContextSwitchTo(data.rowcontext);
		TupleDesc desc = pstate->ps_ResultTupleDesc;
		for (;;)
		{
			CHECK_FOR_INTERRUPTS();
			TupleTableSlot *slot = ExecProcNode(outerPlanState(node));
			if (TupIsNull(slot))
				break;
			slot_getallattrs(slot);
			data.rows.push_back(heap_form_tuple(desc, slot->tts_values, slot->tts_isnull));
		}
		/* Compare by extracted columns: deform every row once. */
		struct Row
		{
			HeapTuple tuple;
			std::vector<Datum> values;
			std::vector<bool> nulls;
		};
		std::vector<Row> rows;
		rows.reserve(data.rows.size());
		std::vector<Datum> values(desc->natts);
		std::vector<char> nulls(desc->natts);
		for (HeapTuple t : data.rows)
		{
			Row r{t, {}, {}};
			heap_deform_tuple(t, desc, values.data(), reinterpret_cast<bool *>(nulls.data()));
			for (const SortKey &k : data.keys)
			{
				r.values.push_back(values[k.column]);
				r.nulls.push_back(nulls[k.column] != 0);
			}
			rows.push_back(std::move(r));
		}
		std::stable_sort(rows.begin(), rows.end(), [&data](const Row &a, const Row &b) {
			for (size_t i = 0; i < data.keys.size(); i++)
			{
				const SortKey &k = data.keys[i];
				if (a.nulls[i] || b.nulls[i])
				{
					if (a.nulls[i] && b.nulls[i])
						continue;
					return a.nulls[i] ? k.nulls_first : !k.nulls_first;
				}
				if (DatumGetBool(FunctionCall2Coll(const_cast<FmgrInfo *>(&k.lt), k.collation,
												   a.values[i], b.values[i])))
					return true;
				if (DatumGetBool(FunctionCall2Coll(const_cast<FmgrInfo *>(&k.lt), k.collation,
												   b.values[i], a.values[i])))
					return false;
			}
			return false;
		});
		for (size_t i = 0; i < rows.size(); i++)
			data.rows[i] = rows[i].tuple;
		MemoryContextSwitchTo(old);
		node->sort_Done = true;
		data.next = 0;
	}
	if (data.next >= data.rows.size())
		return ExecClearTuple(pstate->ps_ResultTupleSlot);
	return ExecStoreHeapTuple(data.rows[data.next++], pstate->ps_ResultTupleSlot, false);
}

}  // namespace

void ExecReScanSort(SortState *node)
{
	SortData &data = *node->data;
	data.next = 0;
	/* The sorted rows stay, unless the child's rows may have changed
	 * (it reads a correlated subquery's parameters). */
	if ((data.child_uses_params || node->ps.state->es_epq_active != nullptr) && node->sort_Done)
	{
		data.rows.clear();
		MemoryContextReset(data.rowcontext);
		node->sort_Done = false;
		ExecReScan(outerPlanState(node));
	}
}

PlanState *ExecInitSort(Sort *node, EState *estate, int eflags)
{
	SortState *state = makeNode(SortState);
	state->ps.plan = &node->plan;
	state->ps.state = estate;
	state->ps.ExecProcNode = ExecSort;
	ExecAssignExprContext(estate, &state->ps);
	state->ps.lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	ExecInitResultTupleSlotTL(&state->ps);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	state->data = tusk::NewInContext<SortData>(estate->es_query_cxt);
	state->data->rowcontext = AllocSetContextCreate(estate->es_query_cxt, "Sort",
													ALLOCSET_DEFAULT_SIZES);
	state->data->child_uses_params = ExecPlanUsesParamExec(outerPlan(node), estate->es_plannedstmt);
	for (int i = 0; i < node->numCols; i++)
	{
		SortKey key;
		key.column = list_nth_int(node->sortColIdx, i) - 1;
		fmgr_info(get_opcode(list_nth_oid(node->sortOperators, i)), &key.lt);
		key.collation = list_nth_oid(node->collations, i);
		key.nulls_first = list_nth_int(node->nullsFirst, i) != 0;
		state->data->keys.push_back(key);
	}
	MemoryContextSwitchTo(old);
	return &state->ps;
}

void ExecEndSort(SortState *node)
{
	ExecEndNode(outerPlanState(node));
}
