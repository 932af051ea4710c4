/*
 * execProcnode.cpp — dispatch from plan nodes to their executor nodes
 * (executor/executor.h): ExecInitNode builds the PlanState tree,
 * ExecEndNode takes it down.
 */
#include "postgres.h"

#include <ctime>

#include "executor/executor.h"
#include "executor/instrument.h"
#include "miscadmin.h"

namespace {

double MonotonicSeconds()
{
	timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/* ExecProcNode of an instrumented node: counts the call's row and, when
 * timing, its time, then returns what the node's own function returned. */
TupleTableSlot *ExecProcNodeInstr(PlanState *node)
{
	Instrumentation *instr = node->instrument;
	instr->running = true;
	double start = instr->need_timer ? MonotonicSeconds() : 0.0;
	TupleTableSlot *result = node->ExecProcNodeReal(node);
	if (instr->need_timer)
		instr->loop_time += MonotonicSeconds() - start;
	if (!instr->first_seen)
	{
		instr->first_seen = true;
		instr->startup += instr->loop_time;
	}
	if (!TupIsNull(result))
		instr->loop_tuples += 1;
	return result;
}

PlanState *ExecInitNodeByType(Plan *node, EState *estate, int eflags);

}  // namespace

void InstrEndLoop(Instrumentation *instr)
{
	if (instr == nullptr || !instr->running)
		return;
	instr->total += instr->loop_time;
	instr->ntuples += instr->loop_tuples;
	instr->nloops += 1;
	instr->running = false;
	instr->first_seen = false;
	instr->loop_time = 0;
	instr->loop_tuples = 0;
}

PlanState *ExecInitNode(Plan *node, EState *estate, int eflags)
{
	PlanState *result = ExecInitNodeByType(node, estate, eflags);
	if (result != nullptr && estate->es_instrument)
	{
		result->instrument = static_cast<Instrumentation *>(palloc0(sizeof(Instrumentation)));
		result->instrument->need_timer = estate->es_instrument_timer;
		result->ExecProcNodeReal = result->ExecProcNode;
		result->ExecProcNode = ExecProcNodeInstr;
	}
	return result;
}

namespace {

PlanState *ExecInitNodeByType(Plan *node, EState *estate, int eflags)
{
	if (node == nullptr)
		return nullptr;
	check_stack_depth();
	switch (nodeTag(node))
	{
		case T_Result:
			return ExecInitResult(reinterpret_cast<Result *>(node), estate, eflags);
		case T_SeqScan:
			return ExecInitSeqScan(reinterpret_cast<SeqScan *>(node), estate, eflags);
		case T_IndexScan:
			return ExecInitIndexScan(reinterpret_cast<IndexScan *>(node), estate, eflags);
		case T_ValuesScan:
			return ExecInitValuesScan(reinterpret_cast<ValuesScan *>(node), estate, eflags);
		case T_ModifyTable:
			return ExecInitModifyTable(reinterpret_cast<ModifyTable *>(node), estate, eflags);
		case T_NestLoop:
			return ExecInitNestLoop(reinterpret_cast<NestLoop *>(node), estate, eflags);
		case T_Limit:
			return ExecInitLimit(reinterpret_cast<Limit *>(node), estate, eflags);
		case T_LockRows:
			return ExecInitLockRows(reinterpret_cast<LockRows *>(node), estate, eflags);
		case T_Sort:
			return ExecInitSort(reinterpret_cast<Sort *>(node), estate, eflags);
		case T_Agg:
			return ExecInitAgg(reinterpret_cast<Agg *>(node), estate, eflags);
		case T_WindowAgg:
			return ExecInitWindowAgg(reinterpret_cast<WindowAgg *>(node), estate, eflags);
		case T_SubqueryScan:
			return ExecInitSubqueryScan(reinterpret_cast<SubqueryScan *>(node), estate, eflags);
		case T_HashJoin:
			return ExecInitHashJoin(reinterpret_cast<HashJoin *>(node), estate, eflags);
		case T_MergeJoin:
			return ExecInitMergeJoin(reinterpret_cast<MergeJoin *>(node), estate, eflags);
		case T_CteScan:
			return ExecInitCteScan(reinterpret_cast<CteScan *>(node), estate, eflags);
		case T_RecursiveUnion:
			return ExecInitRecursiveUnion(reinterpret_cast<RecursiveUnion *>(node), estate, eflags);
		case T_WorkTableScan:
			return ExecInitWorkTableScan(reinterpret_cast<WorkTableScan *>(node), estate, eflags);
		case T_Material:
			return ExecInitMaterial(reinterpret_cast<Material *>(node), estate, eflags);
		case T_Append:
			return ExecInitAppend(reinterpret_cast<Append *>(node), estate, eflags);
		case T_Unique:
			return ExecInitUnique(reinterpret_cast<Unique *>(node), estate, eflags);
		case T_SetOp:
			return ExecInitSetOp(reinterpret_cast<SetOp *>(node), estate, eflags);
		case T_FunctionScan:
			return ExecInitFunctionScan(reinterpret_cast<FunctionScan *>(node), estate, eflags);
		case T_ProjectSet:
			return ExecInitProjectSet(reinterpret_cast<ProjectSet *>(node), estate, eflags);
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("plan node %s is not supported by the executor yet",
						   nodeTagName(nodeTag(node))));
	}
}

}  // namespace

void ExecEndNode(PlanState *node)
{
	if (node == nullptr)
		return;
	switch (nodeTag(node))
	{
		case T_ResultState:
			ExecEndResult(reinterpret_cast<ResultState *>(node));
			break;
		case T_SeqScanState:
			ExecEndSeqScan(reinterpret_cast<SeqScanState *>(node));
			break;
		case T_IndexScanState:
			ExecEndIndexScan(reinterpret_cast<IndexScanState *>(node));
			break;
		case T_ValuesScanState:
			ExecEndValuesScan(reinterpret_cast<ValuesScanState *>(node));
			break;
		case T_ModifyTableState:
			ExecEndModifyTable(reinterpret_cast<ModifyTableState *>(node));
			break;
		case T_NestLoopState:
			ExecEndNestLoop(reinterpret_cast<NestLoopState *>(node));
			break;
		case T_LimitState:
			ExecEndLimit(reinterpret_cast<LimitState *>(node));
			break;
		case T_LockRowsState:
			ExecEndLockRows(reinterpret_cast<LockRowsState *>(node));
			break;
		case T_SortState:
			ExecEndSort(reinterpret_cast<SortState *>(node));
			break;
		case T_AggState:
			ExecEndAgg(reinterpret_cast<AggState *>(node));
			break;
		case T_WindowAggState:
			ExecEndWindowAgg(reinterpret_cast<WindowAggState *>(node));
			break;
		case T_SubqueryScanState:
			ExecEndSubqueryScan(reinterpret_cast<SubqueryScanState *>(node));
			break;
		case T_AppendState:
			ExecEndAppend(reinterpret_cast<AppendState *>(node));
			break;
		case T_CteScanState:
		case T_WorkTableScanState:
			break;
		case T_RecursiveUnionState:
			ExecEndRecursiveUnion(reinterpret_cast<RecursiveUnionState *>(node));
			break;
		case T_FunctionScanState:
			ExecEndFunctionScan(reinterpret_cast<FunctionScanState *>(node));
			break;
		case T_ProjectSetState:
			ExecEndProjectSet(reinterpret_cast<ProjectSetState *>(node));
			break;
		case T_HashJoinState:
			ExecEndHashJoin(reinterpret_cast<HashJoinState *>(node));
			break;
		case T_MergeJoinState:
			ExecEndMergeJoin(reinterpret_cast<MergeJoinState *>(node));
			break;
		case T_MaterialState:
		case T_UniqueState:
		case T_SetOpState:
			ExecEndNode(outerPlanState(node));
			break;
		default:
			elog(ERROR, "unrecognized node type: %d", static_cast<int>(nodeTag(node)));
	}
}
