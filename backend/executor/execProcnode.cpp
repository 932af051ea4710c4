/*
 * execProcnode.cpp — dispatch from plan nodes to their executor nodes
 * (executor/executor.h): ExecInitNode builds the PlanState tree,
 * ExecEndNode takes it down.
 */
#include "postgres.h"

#include "executor/executor.h"
#include "miscadmin.h"

PlanState *ExecInitNode(Plan *node, EState *estate, int eflags)
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
		case T_Sort:
			return ExecInitSort(reinterpret_cast<Sort *>(node), estate, eflags);
		case T_Agg:
			return ExecInitAgg(reinterpret_cast<Agg *>(node), estate, eflags);
		case T_SubqueryScan:
			return ExecInitSubqueryScan(reinterpret_cast<SubqueryScan *>(node), estate, eflags);
		case T_HashJoin:
			return ExecInitHashJoin(reinterpret_cast<HashJoin *>(node), estate, eflags);
		case T_CteScan:
			return ExecInitCteScan(reinterpret_cast<CteScan *>(node), estate, eflags);
		case T_Material:
			return ExecInitMaterial(reinterpret_cast<Material *>(node), estate, eflags);
		case T_Append:
			return ExecInitAppend(reinterpret_cast<Append *>(node), estate, eflags);
		case T_Unique:
			return ExecInitUnique(reinterpret_cast<Unique *>(node), estate, eflags);
		case T_SetOp:
			return ExecInitSetOp(reinterpret_cast<SetOp *>(node), estate, eflags);
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("plan node %s is not supported by the executor yet",
						   nodeTagName(nodeTag(node))));
	}
}

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
		case T_SortState:
			ExecEndSort(reinterpret_cast<SortState *>(node));
			break;
		case T_AggState:
			ExecEndAgg(reinterpret_cast<AggState *>(node));
			break;
		case T_SubqueryScanState:
			ExecEndSubqueryScan(reinterpret_cast<SubqueryScanState *>(node));
			break;
		case T_AppendState:
			ExecEndAppend(reinterpret_cast<AppendState *>(node));
			break;
		case T_CteScanState:
			break;
		case T_HashJoinState:
			ExecEndHashJoin(reinterpret_cast<HashJoinState *>(node));
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
