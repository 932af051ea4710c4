/*
 * nodeWindowAgg.cpp — window functions: WindowAgg (PostgreSQL's
 * nodeWindowAgg.c, with the partition kept in memory).
 *
 * Principal entry points: ExecInitWindowAgg, ExecEndWindowAgg,
 * ExecReScanWindowAgg, and the WindowObject API of windowapi.h.
 *
 * The input arrives sorted on the window's PARTITION BY then ORDER BY
 * columns (the planner puts a Sort below when needed).  The node reads
 * one whole partition (the rows equal on the partition columns) into
 * memory, numbers its peer groups (rows equal on the ORDER BY columns;
 * without ORDER BY every row is a peer of every other), then emits the
 * partition's rows in order, each projected with the results of the
 * window's functions for it:
 *   - a true window function (prokind 'w': row_number, rank, lag, …) is
 *     called through fmgr with a WindowObject as its context, through
 *     which it reads its arguments at any row of the partition or of the
 *     current row's frame (windowapi.h);
 *   - an aggregate used as a window function is computed over the
 *     current row's frame: its transition function over the frame's
 *     rows (those a FILTER accepts), then its final function, which
 *     must not modify the state (aggfinalmodify 'r', as PostgreSQL
 *     requires).  When the frame starts where the previous row's did
 *     and ends no earlier, with no EXCLUDE, the state just advances over
 *     the new rows; otherwise it is rebuilt for the frame (PostgreSQL
 *     would use the moving-aggregate inverse transition where
 *     pg_aggregate has one: the results are the same).
 *
 * The frame of a row (frameOptions, PostgreSQL's FRAMEOPTION_* bits):
 * ROWS counts rows, GROUPS peer groups, RANGE compares the single ORDER
 * BY column with the current row's value plus or minus the offset
 * through the sort opfamily's in_range support function; CURRENT ROW
 * is the row itself (ROWS) or its peer group (RANGE, GROUPS).  EXCLUDE
 * CURRENT ROW, GROUP or TIES removes the row, its peer group, or its
 * peers but the row itself.  Frame offsets are evaluated once per scan.
 *
 * Memory: the partition's rows and the functions' partition-local
 * memory live in partcontext, reset per partition; each aggregate's
 * transition state in its own context (AggCheckCallContext gives it as
 * AGG_CONTEXT_WINDOW); arguments are evaluated in tmpcontext, reset per
 * output row; results in the projection's per-tuple memory.
 */
#include "postgres.h"

#include <vector>

#include "access/htup_details.h"
#include "catalog/pg_aggregate_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "windowapi.h"

/* What a true window function reaches through its fcinfo->context. */
struct WindowObjectData
{
	NodeTag type;
	WindowAggState *winstate;
	std::vector<ExprState *> *args;
	void *localmem; /* partition-local memory, NULL until asked for */
};

/* One window function of the node. */
struct WindowFuncInfo
{
	WindowFunc *wfunc;
	int16 resulttypeLen;
	bool resulttypeByVal;
	/* a true window function */
	FmgrInfo flinfo;
	WindowObjectData *winobj;
	/* an aggregate */
	FmgrInfo transfn;
	FmgrInfo finalfn;
	bool has_finalfn;
	Oid transtype;
	int16 transtypeLen;
	bool transtypeByVal;
	Datum initValue;
	bool initValueIsNull;
	int numArgs;
	std::vector<ExprState *> args;
	ExprState *filter;
	FunctionCallInfo transfn_fcinfo;
	MemoryContext aggcontext;
	Datum transValue;
	bool transValueIsNull;
	bool noTransValue;
	bool stateValid; /* the state holds rows [aggStart, aggEnd) */
	int64 aggStart;
	int64 aggEnd;
};

struct WindowColumns
{
	std::vector<int> columns; /* 1-based input columns */
	std::vector<FmgrInfo> eqfns;
	std::vector<Oid> collations;
};

struct WindowAggData
{
	std::vector<WindowFuncInfo> funcs;
	WindowColumns part;
	WindowColumns ord;
	int frameOptions = 0;
	ExprState *startOffset = nullptr;
	ExprState *endOffset = nullptr;
	Datum startOffsetValue = 0;
	Datum endOffsetValue = 0;
	bool offsetsEvaluated = false;
	FmgrInfo startInRange;
	FmgrInfo endInRange;
	Oid inRangeColl = InvalidOid;
	bool inRangeAsc = true;
	bool inRangeNullsFirst = false;
	/* the partition */
	MemoryContext partcontext = nullptr;
	std::vector<HeapTuple> rows;
	std::vector<int64> group_of;	/* each row's peer group */
	std::vector<int64> group_start; /* each group's first row; one more entry: the row count */
	int64 currentpos = 0;
	bool partitionLoaded = false;
	bool inputDone = false;
	TupleTableSlot *nextFirst = nullptr; /* the first row of the next partition */
	/* the current row's frame [frameHead, frameTail), computed on demand */
	bool frameValid = false;
	int64 frameHead = 0;
	int64 frameTail = 0;
	/* slots over stored rows */
	TupleTableSlot *currentSlot = nullptr;
	TupleTableSlot *argSlot = nullptr;
	TupleTableSlot *cmpSlotA = nullptr;
	TupleTableSlot *cmpSlotB = nullptr;
	ExprContext *tmpcontext = nullptr; /* evaluates arguments at any row */
};

namespace {

Datum CopyDatum(Datum value, bool byval, int16 len)
{
	return byval ? value : datumCopy(value, byval, len);
}

WindowAggData *Data(WindowAggState *winstate)
{
	return winstate->data;
}

/* Whether rows a and b are equal on cols (NULLs equal to each other). */
bool RowsEqual(WindowColumns &cols, TupleTableSlot *a, TupleTableSlot *b)
{
	for (size_t i = 0; i < cols.columns.size(); i++)
	{
		bool anull;
		bool bnull;
		Datum av = slot_getattr(a, cols.columns[i], &anull);
		Datum bv = slot_getattr(b, cols.columns[i], &bnull);
		if (anull || bnull)
		{
			if (anull != bnull)
				return false;
			continue;
		}
		if (!DatumGetBool(FunctionCall2Coll(&cols.eqfns[i], cols.collations[i], av, bv)))
			return false;
	}
	return true;
}

TupleTableSlot *RowSlot(WindowAggData *d, int64 pos, TupleTableSlot *slot)
{
	return ExecStoreHeapTuple(d->rows[pos], slot, false);
}

/* Argument expression arg evaluated at row pos (in tmpcontext). */
Datum EvalArgAt(WindowAggData *d, ExprState *arg, int64 pos, bool *isnull)
{
	ExprContext *tmp = d->tmpcontext;
	tmp->ecxt_outertuple = RowSlot(d, pos, d->argSlot);
	tmp->ecxt_scantuple = tmp->ecxt_outertuple;
	return ExecEvalExprSwitchContext(arg, tmp, isnull);
}

int64 PartitionRows(WindowAggData *d)
{
	return static_cast<int64>(d->rows.size());
}

int64 GroupEnd(WindowAggData *d, int64 group)
{
	return d->group_start[group + 1];
}

int64 NumGroups(WindowAggData *d)
{
	return static_cast<int64>(d->group_start.size()) - 1;
}

/* Read the next partition into memory; false at the end of the input. */
bool BeginPartition(WindowAggState *winstate)
{
	WindowAggData *d = Data(winstate);
	d->rows.clear();
	d->group_of.clear();
	d->group_start.clear();
	MemoryContextReset(d->partcontext);
	for (WindowFuncInfo &f : d->funcs)
	{
		if (f.winobj != nullptr)
			f.winobj->localmem = nullptr;
		f.stateValid = false;
	}
	d->currentpos = 0;
	d->frameValid = false;
	if (d->inputDone && TupIsNull(d->nextFirst))
		return false;
	PlanState *outer = outerPlanState(winstate);
	MemoryContext old = MemoryContextSwitchTo(d->partcontext);
	if (TupIsNull(d->nextFirst))
	{
		TupleTableSlot *slot = ExecProcNode(outer);
		if (TupIsNull(slot))
		{
			d->inputDone = true;
			MemoryContextSwitchTo(old);
			return false;
		}
		d->rows.push_back(ExecCopySlotHeapTuple(slot));
	}
	else
	{
		d->rows.push_back(ExecCopySlotHeapTuple(d->nextFirst));
		ExecClearTuple(d->nextFirst);
	}
	RowSlot(d, 0, d->cmpSlotA);
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		TupleTableSlot *slot = ExecProcNode(outer);
		if (TupIsNull(slot))
		{
			d->inputDone = true;
			break;
		}
		if (!RowsEqual(d->part, d->cmpSlotA, slot))
		{
			ExecCopySlot(d->nextFirst, slot);
			break;
		}
		d->rows.push_back(ExecCopySlotHeapTuple(slot));
	}
	MemoryContextSwitchTo(old);
	/* Peer groups. */
	int64 n = PartitionRows(d);
	d->group_of.resize(n);
	d->group_start.push_back(0);
	for (int64 i = 1; i < n; i++)
	{
		bool peers = d->ord.columns.empty() ||
			RowsEqual(d->ord, RowSlot(d, i - 1, d->cmpSlotA), RowSlot(d, i, d->cmpSlotB));
		d->group_of[i] = d->group_of[i - 1] + (peers ? 0 : 1);
		if (!peers)
			d->group_start.push_back(i);
	}
	d->group_start.push_back(n);
	d->partitionLoaded = true;
	return true;
}

/* The frame offsets, once per scan, with PostgreSQL's checks. */
void EvaluateOffsets(WindowAggState *winstate)
{
	WindowAggData *d = Data(winstate);
	if (d->offsetsEvaluated)
		return;
	ExprContext *econtext = winstate->ps.ps_ExprContext;
	auto eval = [&](ExprState *expr, bool start) -> Datum {
		bool isnull;
		MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_query_memory);
		Datum value = ExecEvalExpr(expr, econtext, &isnull);
		if (!isnull)
		{
			int16 len;
			bool byval;
			get_typlenbyval(exprType(reinterpret_cast<Node *>(expr->expr)), &len, &byval);
			value = CopyDatum(value, byval, len);
		}
		MemoryContextSwitchTo(old);
		if (isnull)
			ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg(start ? "frame starting offset must not be null"
								 : "frame ending offset must not be null"));
		if ((d->frameOptions & (FRAMEOPTION_ROWS | FRAMEOPTION_GROUPS)) != 0 &&
			DatumGetInt64(value) < 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PRECEDING_OR_FOLLOWING_SIZE),
					errmsg(start ? "frame starting offset must not be negative"
								 : "frame ending offset must not be negative"));
		return value;
	};
	if (d->startOffset != nullptr)
		d->startOffsetValue = eval(d->startOffset, true);
	if (d->endOffset != nullptr)
		d->endOffsetValue = eval(d->endOffset, false);
	d->offsetsEvaluated = true;
}

/* Whether row pos's ORDER BY value lies within offset of the current
 * row's (in_range(value, current, offset, sub, less)). */
bool InRange(WindowAggData *d, FmgrInfo *fn, Datum offset, int64 pos, Datum curval, bool sub,
			 bool less)
{
	bool isnull;
	Datum value = slot_getattr(RowSlot(d, pos, d->cmpSlotB), d->ord.columns[0], &isnull);
	Assert(!isnull);
	LOCAL_FCINFO(fcinfo, 5);
	InitFunctionCallInfoData(*fcinfo, fn, 5, d->inRangeColl, nullptr, nullptr);
	Datum args[5] = {value, curval, offset, BoolGetDatum(sub), BoolGetDatum(less)};
	for (int i = 0; i < 5; i++)
	{
		fcinfo->args[i].value = args[i];
		fcinfo->args[i].isnull = false;
	}
	Datum result = FunctionCallInvoke(fcinfo);
	if (fcinfo->isnull)
		elog(ERROR, "function %u returned NULL", fn->fn_oid);
	return DatumGetBool(result);
}

bool OrderValueIsNull(WindowAggData *d, int64 pos)
{
	bool isnull;
	(void) slot_getattr(RowSlot(d, pos, d->cmpSlotB), d->ord.columns[0], &isnull);
	return isnull;
}

/*
 * RANGE offset bound for the current row: the first row (start) or the
 * first row past the frame (end).  Rows are sorted on the single ORDER
 * BY column; a NULL current value's frame is its peer group of NULLs,
 * and NULL rows are never within an offset of a non-NULL value.
 */
int64 RangeOffsetBound(WindowAggData *d, bool start)
{
	int64 cur = d->currentpos;
	int64 n = PartitionRows(d);
	int64 group = d->group_of[cur];
	bool curnull;
	Datum curval = slot_getattr(RowSlot(d, cur, d->cmpSlotA), d->ord.columns[0], &curnull);
	if (curnull)
		return start ? d->group_start[group] : GroupEnd(d, group);
	bool preceding = start ? (d->frameOptions & FRAMEOPTION_START_OFFSET_PRECEDING) != 0
						   : (d->frameOptions & FRAMEOPTION_END_OFFSET_PRECEDING) != 0;
	/* start: the first row >= current ∓ offset (ascending); end: the
	 * first row beyond current ∓ offset. */
	bool sub = preceding;
	bool less = !start;
	if (!d->inRangeAsc)
	{
		sub = !sub;
		less = !less;
	}
	FmgrInfo *fn = start ? &d->startInRange : &d->endInRange;
	Datum offset = start ? d->startOffsetValue : d->endOffsetValue;
	/* The non-NULL rows are one stretch: after the NULLs (NULLS FIRST)
	 * or before them. */
	int64 lo = 0;
	int64 hi = n;
	if (d->inRangeNullsFirst)
		while (lo < n && OrderValueIsNull(d, lo))
			lo++;
	else
		while (hi > 0 && OrderValueIsNull(d, hi - 1))
			hi--;
	/* Within [lo, hi) the predicate is monotone: binary search for the
	 * first row where it flips. */
	while (lo < hi)
	{
		int64 mid = lo + (hi - lo) / 2;
		bool in = InRange(d, fn, offset, mid, curval, sub, less);
		/* start: rows before the frame fail in_range; end: rows in it pass. */
		if (start ? !in : in)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The current row's frame [frameHead, frameTail) (before EXCLUDE). */
void ComputeFrame(WindowAggState *winstate)
{
	WindowAggData *d = Data(winstate);
	if (d->frameValid)
		return;
	EvaluateOffsets(winstate);
	int opts = d->frameOptions;
	int64 cur = d->currentpos;
	int64 n = PartitionRows(d);
	int64 group = d->group_of[cur];
	int64 ngroups = NumGroups(d);
	bool rows = (opts & FRAMEOPTION_ROWS) != 0;
	bool groups = (opts & FRAMEOPTION_GROUPS) != 0;
	int64 head;
	if ((opts & FRAMEOPTION_START_UNBOUNDED_PRECEDING) != 0)
		head = 0;
	else if ((opts & FRAMEOPTION_START_CURRENT_ROW) != 0)
		head = rows ? cur : d->group_start[group];
	else
	{
		bool preceding = (opts & FRAMEOPTION_START_OFFSET_PRECEDING) != 0;
		if (rows || groups)
		{
			int64 offset = DatumGetInt64(d->startOffsetValue);
			int64 base = rows ? cur : group;
			int64 limit = rows ? n : ngroups;
			int64 target = preceding ? (offset > base ? 0 : base - offset)
									 : (offset > limit - base ? limit : base + offset);
			head = rows ? target : (target >= ngroups ? n : d->group_start[target]);
		}
		else
			head = RangeOffsetBound(d, true);
	}
	int64 tail;
	if ((opts & FRAMEOPTION_END_UNBOUNDED_FOLLOWING) != 0)
		tail = n;
	else if ((opts & FRAMEOPTION_END_CURRENT_ROW) != 0)
		tail = rows ? cur + 1 : GroupEnd(d, group);
	else
	{
		bool preceding = (opts & FRAMEOPTION_END_OFFSET_PRECEDING) != 0;
		if (rows || groups)
		{
			int64 offset = DatumGetInt64(d->endOffsetValue);
			int64 base = rows ? cur : group;
			int64 limit = rows ? n : ngroups;
			/* the last row (group) in the frame, -1 if none */
			int64 last = preceding ? base - std::min(offset, base + 1)
								   : (offset >= limit - base ? limit - 1 : base + offset);
			tail = last < 0 ? 0 : rows ? last + 1 : GroupEnd(d, last);
		}
		else
			tail = RangeOffsetBound(d, false);
	}
	d->frameHead = head;
	d->frameTail = std::max(head, tail);
	d->frameValid = true;
}

/* Whether EXCLUDE removes row pos from the current row's frame. */
bool Excluded(WindowAggData *d, int64 pos)
{
	int opts = d->frameOptions;
	if ((opts & FRAMEOPTION_EXCLUSION) == 0)
		return false;
	int64 cur = d->currentpos;
	if ((opts & FRAMEOPTION_EXCLUDE_CURRENT_ROW) != 0)
		return pos == cur;
	bool peer = d->ord.columns.empty() || d->group_of[pos] == d->group_of[cur];
	if ((opts & FRAMEOPTION_EXCLUDE_GROUP) != 0)
		return peer;
	return peer && pos != cur; /* EXCLUDE TIES */
}

/* ---- aggregates as window functions ---- */

void ResetAggState(WindowFuncInfo &f)
{
	MemoryContextReset(f.aggcontext);
	if (f.initValueIsNull)
		f.transValue = f.initValue;
	else
	{
		MemoryContext old = MemoryContextSwitchTo(f.aggcontext);
		f.transValue = CopyDatum(f.initValue, f.transtypeByVal, f.transtypeLen);
		MemoryContextSwitchTo(old);
	}
	f.transValueIsNull = f.initValueIsNull;
	f.noTransValue = f.initValueIsNull;
}

/* Advance f's state with row pos (PostgreSQL's strictness rules). */
void AdvanceAgg(WindowAggState *winstate, WindowFuncInfo &f, int64 pos)
{
	WindowAggData *d = Data(winstate);
	ExprContext *tmp = d->tmpcontext;
	tmp->ecxt_outertuple = RowSlot(d, pos, d->argSlot);
	tmp->ecxt_scantuple = tmp->ecxt_outertuple;
	if (f.filter != nullptr && !ExecQual(f.filter, tmp))
		return;
	FunctionCallInfo fcinfo = f.transfn_fcinfo;
	for (int a = 0; a < f.numArgs; a++)
		fcinfo->args[a + 1].value = ExecEvalExprSwitchContext(f.args[a], tmp,
															  &fcinfo->args[a + 1].isnull);
	if (f.transfn.fn_strict)
	{
		for (int a = 0; a < f.numArgs; a++)
			if (fcinfo->args[a + 1].isnull)
				return;
		if (f.noTransValue)
		{
			MemoryContext old = MemoryContextSwitchTo(f.aggcontext);
			f.transValue = CopyDatum(fcinfo->args[1].value, f.transtypeByVal, f.transtypeLen);
			MemoryContextSwitchTo(old);
			f.transValueIsNull = false;
			f.noTransValue = false;
			return;
		}
		if (f.transValueIsNull)
			return;
	}
	winstate->curaggcontext = f.aggcontext;
	fcinfo->args[0].value = f.transValue;
	fcinfo->args[0].isnull = f.transValueIsNull;
	fcinfo->isnull = false;
	MemoryContext old = MemoryContextSwitchTo(tmp->ecxt_per_tuple_memory);
	Datum newVal = FunctionCallInvoke(fcinfo);
	MemoryContextSwitchTo(old);
	if (!f.transtypeByVal && f.transtype != INTERNALOID && !fcinfo->isnull &&
		DatumGetPointer(newVal) != DatumGetPointer(f.transValue))
	{
		old = MemoryContextSwitchTo(f.aggcontext);
		newVal = CopyDatum(newVal, false, f.transtypeLen);
		MemoryContextSwitchTo(old);
		if (!f.transValueIsNull)
			pfree(DatumGetPointer(f.transValue));
	}
	f.transValue = newVal;
	f.transValueIsNull = fcinfo->isnull;
}

/* The aggregate over the current row's frame, into *result. */
Datum EvalWindowAggregate(WindowAggState *winstate, WindowFuncInfo &f, bool *isnull)
{
	WindowAggData *d = Data(winstate);
	ComputeFrame(winstate);
	int64 head = d->frameHead;
	int64 tail = d->frameTail;
	bool exclusion = (d->frameOptions & FRAMEOPTION_EXCLUSION) != 0;
	if (exclusion || !f.stateValid || head != f.aggStart || tail < f.aggEnd)
	{
		ResetAggState(f);
		f.aggStart = head;
		f.aggEnd = head;
	}
	for (int64 pos = f.aggEnd; pos < tail; pos++)
	{
		CHECK_FOR_INTERRUPTS();
		if (!Excluded(d, pos))
			AdvanceAgg(winstate, f, pos);
		/* Argument values are only needed while advancing. */
		ResetExprContext(d->tmpcontext);
	}
	f.aggEnd = tail;
	f.stateValid = !exclusion;
	if (!f.has_finalfn)
	{
		*isnull = f.transValueIsNull;
		return f.transValue;
	}
	if (f.finalfn.fn_strict && f.transValueIsNull)
	{
		*isnull = true;
		return 0;
	}
	int nargs = f.finalfn.fn_nargs;
	LOCAL_FCINFO(fcinfo, FUNC_MAX_ARGS);
	InitFunctionCallInfoData(*fcinfo, &f.finalfn, static_cast<short>(nargs), f.wfunc->inputcollid,
							 reinterpret_cast<fmNodePtr>(winstate), nullptr);
	fcinfo->args[0].value = f.transValue;
	fcinfo->args[0].isnull = f.transValueIsNull;
	for (int a = 1; a < nargs; a++)
	{
		fcinfo->args[a].value = 0;
		fcinfo->args[a].isnull = true;
	}
	winstate->curaggcontext = f.aggcontext;
	Datum result = FunctionCallInvoke(fcinfo);
	*isnull = fcinfo->isnull;
	return result;
}

/* Every window function's result for the current row. */
void EvalWindowFunctions(WindowAggState *winstate)
{
	WindowAggData *d = Data(winstate);
	ExprContext *econtext = winstate->ps.ps_ExprContext;
	d->frameValid = false;
	for (size_t i = 0; i < d->funcs.size(); i++)
	{
		WindowFuncInfo &f = d->funcs[i];
		MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
		Datum result;
		bool isnull;
		if (f.wfunc->winagg)
			result = EvalWindowAggregate(winstate, f, &isnull);
		else
		{
			LOCAL_FCINFO(fcinfo, FUNC_MAX_ARGS);
			InitFunctionCallInfoData(*fcinfo, &f.flinfo, static_cast<short>(f.numArgs),
									 f.wfunc->inputcollid, reinterpret_cast<fmNodePtr>(f.winobj),
									 nullptr);
			for (int a = 0; a < f.numArgs; a++)
			{
				fcinfo->args[a].value = 0;
				fcinfo->args[a].isnull = true;
			}
			result = FunctionCallInvoke(fcinfo);
			isnull = fcinfo->isnull;
		}
		/* The value may live in memory the next function reuses (an
		 * aggregate's state, argument memory): keep a copy. */
		if (!isnull)
			result = CopyDatum(result, f.resulttypeByVal, f.resulttypeLen);
		MemoryContextSwitchTo(old);
		econtext->ecxt_aggvalues[i] = result;
		econtext->ecxt_aggnulls[i] = isnull;
	}
}

TupleTableSlot *ExecWindowAgg(PlanState *pstate)
{
	auto *winstate = reinterpret_cast<WindowAggState *>(pstate);
	WindowAggData *d = Data(winstate);
	ExprContext *econtext = pstate->ps_ExprContext;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		if (!d->partitionLoaded || d->currentpos >= PartitionRows(d))
		{
			d->partitionLoaded = false;
			if (!BeginPartition(winstate))
				return nullptr;
		}
		ResetExprContext(econtext);
		ResetExprContext(d->tmpcontext);
		EvalWindowFunctions(winstate);
		TupleTableSlot *current = RowSlot(d, d->currentpos, d->currentSlot);
		econtext->ecxt_outertuple = current;
		econtext->ecxt_scantuple = current;
		d->currentpos++;
		if (pstate->qual != nullptr && !ExecQual(pstate->qual, econtext))
			continue;
		return ExecProject(pstate->ps_ProjInfo);
	}
}

/* Every WindowFunc of this window below node (the lower windows' ones
 * were replaced by references to their results). */
bool CollectWindowFuncs(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	if (IsA(node, WindowFunc))
	{
		auto *found = static_cast<List **>(arg);
		if (!list_member(*found, node))
			*found = lappend(*found, node);
		return false;
	}
	return node_children_walker(node, CollectWindowFuncs, arg);
}

void InitWindowColumns(WindowColumns &cols, List *idx, List *ops, List *colls)
{
	ListCell *a;
	ListCell *b;
	ListCell *c;
	forthree(a, idx, b, ops, c, colls)
	{
		cols.columns.push_back(lfirst_int(a));
		FmgrInfo eq;
		fmgr_info(get_opcode(lfirst_oid(b)), &eq);
		cols.eqfns.push_back(eq);
		cols.collations.push_back(lfirst_oid(c));
	}
}

void InitWindowAggregate(WindowAggState *winstate, WindowFuncInfo &f)
{
	WindowFunc *wfunc = f.wfunc;
	HeapTuple aggtup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(wfunc->winfnoid));
	if (aggtup == nullptr)
		elog(ERROR, "cache lookup failed for aggregate %u", wfunc->winfnoid);
	auto *aggform = reinterpret_cast<Form_pg_aggregate>(GETSTRUCT(aggtup));
	if (aggform->aggfinalmodify != 'r')
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("aggregate function %s does not support use as a window function",
					   get_func_name(wfunc->winfnoid)));
	f.transtype = aggform->aggtranstype;
	std::vector<Oid> argtypes;
	ListCell *lc;
	foreach (lc, wfunc->args)
		argtypes.push_back(exprType(static_cast<Node *>(lfirst(lc))));
	get_typlenbyval(f.transtype, &f.transtypeLen, &f.transtypeByVal);
	fmgr_info(aggform->aggtransfn, &f.transfn);
	f.has_finalfn = OidIsValid(aggform->aggfinalfn);
	if (f.has_finalfn)
		fmgr_info(aggform->aggfinalfn, &f.finalfn);
	bool isnull;
	Datum initval = SysCacheGetAttr(AGGFNOID, aggtup, Anum_pg_aggregate_agginitval, &isnull);
	f.initValueIsNull = isnull;
	f.initValue = 0;
	if (!isnull)
	{
		Oid typinput;
		Oid typioparam;
		getTypeInputInfo(f.transtype, &typinput, &typioparam);
		char *initstr = TextDatumGetCString(initval);
		f.initValue = OidInputFunctionCall(typinput, initstr, typioparam, -1);
	}
	ReleaseSysCache(aggtup);
	f.numArgs = list_length(wfunc->args);
	foreach (lc, wfunc->args)
		f.args.push_back(ExecInitExpr(static_cast<Expr *>(lfirst(lc)), &winstate->ps));
	f.filter = wfunc->aggfilter != nullptr
		? ExecInitQual(list_make1(wfunc->aggfilter), &winstate->ps)
		: nullptr;
	/* The transition function's call, as an Aggref, for polymorphic
	 * transition functions asking for their argument types. */
	Aggref *aggref = makeNode(Aggref);
	aggref->aggfnoid = wfunc->winfnoid;
	aggref->aggtype = wfunc->wintype;
	aggref->aggtranstype = f.transtype;
	aggref->inputcollid = wfunc->inputcollid;
	for (Oid t : argtypes)
		aggref->aggargtypes = lappend_oid(aggref->aggargtypes, t);
	aggref->aggkind = 'n';
	f.transfn.fn_expr = reinterpret_cast<fmNodePtr>(aggref);
	if (f.has_finalfn)
		f.finalfn.fn_expr = reinterpret_cast<fmNodePtr>(aggref);
	f.transfn_fcinfo = static_cast<FunctionCallInfo>(
		palloc0(SizeForFunctionCallInfo(f.numArgs + 1)));
	InitFunctionCallInfoData(*f.transfn_fcinfo, &f.transfn, static_cast<short>(f.numArgs + 1),
							 wfunc->inputcollid, reinterpret_cast<fmNodePtr>(winstate), nullptr);
	f.aggcontext = AllocSetContextCreate(CurrentMemoryContext, "WindowAggContext",
										 ALLOCSET_DEFAULT_SIZES);
}

}  // namespace

PlanState *ExecInitWindowAgg(WindowAgg *node, EState *estate, int eflags)
{
	WindowAggState *winstate = makeNode(WindowAggState);
	winstate->ps.plan = &node->plan;
	winstate->ps.state = estate;
	winstate->ps.ExecProcNode = ExecWindowAgg;
	ExecAssignExprContext(estate, &winstate->ps);
	winstate->ps.lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	auto *d = tusk::NewInContext<WindowAggData>(estate->es_query_cxt);
	winstate->data = d;
	d->tmpcontext = CreateExprContext(estate);
	d->partcontext = AllocSetContextCreate(estate->es_query_cxt, "WindowAgg Partition",
										   ALLOCSET_DEFAULT_SIZES);
	TupleDesc inputdesc = ExecTypeFromTL(outerPlan(node)->targetlist);
	d->currentSlot = ExecInitExtraTupleSlot(estate, inputdesc);
	d->argSlot = ExecInitExtraTupleSlot(estate, inputdesc);
	d->cmpSlotA = ExecInitExtraTupleSlot(estate, inputdesc);
	d->cmpSlotB = ExecInitExtraTupleSlot(estate, inputdesc);
	d->nextFirst = ExecInitExtraTupleSlot(estate, inputdesc);
	InitWindowColumns(d->part, node->partColIdx, node->partOperators, node->partCollations);
	InitWindowColumns(d->ord, node->ordColIdx, node->ordOperators, node->ordCollations);
	d->frameOptions = node->frameOptions;
	/* Without ORDER BY, every row is a peer of the current one. */
	if (node->startOffset != nullptr)
		d->startOffset = ExecInitExpr(reinterpret_cast<Expr *>(node->startOffset), &winstate->ps);
	if (node->endOffset != nullptr)
		d->endOffset = ExecInitExpr(reinterpret_cast<Expr *>(node->endOffset), &winstate->ps);
	if (OidIsValid(node->startInRangeFunc))
		fmgr_info(node->startInRangeFunc, &d->startInRange);
	if (OidIsValid(node->endInRangeFunc))
		fmgr_info(node->endInRangeFunc, &d->endInRange);
	d->inRangeColl = node->inRangeColl;
	d->inRangeAsc = node->inRangeAsc;
	d->inRangeNullsFirst = node->inRangeNullsFirst;

	List *wfuncs = NIL;
	CollectWindowFuncs(reinterpret_cast<Node *>(node->plan.targetlist), &wfuncs);
	CollectWindowFuncs(reinterpret_cast<Node *>(node->plan.qual), &wfuncs);
	winstate->funcs = wfuncs;
	d->funcs.resize(list_length(wfuncs));
	int i = 0;
	ListCell *lc;
	foreach (lc, wfuncs)
	{
		auto *wfunc = static_cast<WindowFunc *>(lfirst(lc));
		if (wfunc->winref != node->winref)
			elog(ERROR, "WindowFunc with winref %u assigned to WindowAgg with winref %u",
				 wfunc->winref, node->winref);
		WindowFuncInfo &f = d->funcs[i++];
		f.wfunc = wfunc;
		get_typlenbyval(wfunc->wintype, &f.resulttypeLen, &f.resulttypeByVal);
		if (wfunc->winagg)
		{
			InitWindowAggregate(winstate, f);
			continue;
		}
		fmgr_info(wfunc->winfnoid, &f.flinfo);
		f.flinfo.fn_expr = reinterpret_cast<fmNodePtr>(wfunc);
		f.numArgs = list_length(wfunc->args);
		auto *winobj = static_cast<WindowObjectData *>(palloc0(sizeof(WindowObjectData)));
		winobj->type = T_WindowObjectData;
		winobj->winstate = winstate;
		winobj->args = &f.args;
		ListCell *a;
		foreach (a, wfunc->args)
			f.args.push_back(ExecInitExpr(static_cast<Expr *>(lfirst(a)), &winstate->ps));
		f.winobj = winobj;
	}
	ExprContext *econtext = winstate->ps.ps_ExprContext;
	int nfuncs = Max(list_length(wfuncs), 1);
	econtext->ecxt_aggvalues = static_cast<Datum *>(palloc0(nfuncs * sizeof(Datum)));
	econtext->ecxt_aggnulls = static_cast<bool *>(palloc0(nfuncs * sizeof(bool)));
	MemoryContextSwitchTo(old);
	ExecInitResultTupleSlotTL(&winstate->ps);
	ExecAssignProjectionInfo(&winstate->ps);
	winstate->ps.qual = ExecInitQual(node->plan.qual, &winstate->ps);
	return &winstate->ps;
}

void ExecEndWindowAgg(WindowAggState *node)
{
	ExecEndNode(outerPlanState(node));
}

void ExecReScanWindowAgg(WindowAggState *node)
{
	WindowAggData *d = Data(node);
	d->partitionLoaded = false;
	d->inputDone = false;
	d->offsetsEvaluated = false;
	d->rows.clear();
	ExecClearTuple(d->nextFirst);
	MemoryContextReset(d->partcontext);
	/* ExecReScan rescans the child. */
}

/* ---- the WindowObject API (windowapi.h) ---- */

namespace {

WindowAggData *ObjData(WindowObject winobj)
{
	if (!WindowObjectIsValid(winobj))
		elog(ERROR, "window function called outside a window");
	return winobj->winstate->data;
}

Datum ArgAt(WindowObject winobj, int argno, int64 pos, bool *isnull)
{
	WindowAggData *d = ObjData(winobj);
	if (argno < 0 || argno >= static_cast<int>(winobj->args->size()))
		elog(ERROR, "window function argument %d out of range", argno);
	return EvalArgAt(d, (*winobj->args)[argno], pos, isnull);
}

}  // namespace

void *WinGetPartitionLocalMemory(WindowObject winobj, Size sz)
{
	WindowAggData *d = ObjData(winobj);
	if (winobj->localmem == nullptr)
		winobj->localmem = MemoryContextAllocZero(d->partcontext, sz);
	return winobj->localmem;
}

int64 WinGetCurrentPosition(WindowObject winobj)
{
	/* ExecWindowAgg has not yet moved on: the row being computed. */
	return ObjData(winobj)->currentpos;
}

int64 WinGetPartitionRowCount(WindowObject winobj)
{
	return PartitionRows(ObjData(winobj));
}

void WinSetMarkPosition(WindowObject winobj, int64 markpos)
{
	(void) ObjData(winobj);
	(void) markpos;
}

bool WinRowsArePeers(WindowObject winobj, int64 pos1, int64 pos2)
{
	WindowAggData *d = ObjData(winobj);
	int64 n = PartitionRows(d);
	if (pos1 < 0 || pos1 >= n || pos2 < 0 || pos2 >= n)
		elog(ERROR, "row positions %lld and %lld are not both in the partition",
			 static_cast<long long>(pos1), static_cast<long long>(pos2));
	return d->ord.columns.empty() || d->group_of[pos1] == d->group_of[pos2];
}

Datum WinGetFuncArgInPartition(WindowObject winobj, int argno, int relpos, int seektype,
							   bool set_mark, bool *isnull, bool *isout)
{
	(void) set_mark;
	WindowAggData *d = ObjData(winobj);
	int64 n = PartitionRows(d);
	int64 pos;
	switch (seektype)
	{
		case WINDOW_SEEK_CURRENT:
			pos = d->currentpos + relpos;
			break;
		case WINDOW_SEEK_HEAD:
			pos = relpos;
			break;
		case WINDOW_SEEK_TAIL:
			pos = n - 1 + relpos;
			break;
		default:
			elog(ERROR, "unrecognized window seek type: %d", seektype);
	}
	bool out = pos < 0 || pos >= n;
	if (isout != nullptr)
		*isout = out;
	if (out)
	{
		*isnull = true;
		return 0;
	}
	return ArgAt(winobj, argno, pos, isnull);
}

Datum WinGetFuncArgInFrame(WindowObject winobj, int argno, int relpos, int seektype, bool set_mark,
						   bool *isnull, bool *isout)
{
	(void) set_mark;
	WindowAggData *d = ObjData(winobj);
	ComputeFrame(winobj->winstate);
	int64 head = d->frameHead;
	int64 tail = d->frameTail;
	int64 pos = -1;
	switch (seektype)
	{
		case WINDOW_SEEK_CURRENT:
		{
			int64 p = d->currentpos + relpos;
			if (p >= head && p < tail && !Excluded(d, p))
				pos = p;
			break;
		}
		case WINDOW_SEEK_HEAD:
		{
			/* the relpos-th row of the frame, EXCLUDEd rows skipped */
			if (relpos < 0)
				break;
			int64 left = relpos;
			for (int64 p = head; p < tail; p++)
				if (!Excluded(d, p) && left-- == 0)
				{
					pos = p;
					break;
				}
			break;
		}
		case WINDOW_SEEK_TAIL:
		{
			if (relpos > 0)
				break;
			int64 left = -static_cast<int64>(relpos);
			for (int64 p = tail - 1; p >= head; p--)
				if (!Excluded(d, p) && left-- == 0)
				{
					pos = p;
					break;
				}
			break;
		}
		default:
			elog(ERROR, "unrecognized window seek type: %d", seektype);
	}
	if (isout != nullptr)
		*isout = pos < 0;
	if (pos < 0)
	{
		*isnull = true;
		return 0;
	}
	return ArgAt(winobj, argno, pos, isnull);
}

Datum WinGetFuncArgCurrent(WindowObject winobj, int argno, bool *isnull)
{
	return ArgAt(winobj, argno, ObjData(winobj)->currentpos, isnull);
}
