/*
 * executor/execdesc.h — QueryDesc: everything the executor needs to run
 * one planned statement (PostgreSQL's).
 */
#ifndef TUSK_EXECUTOR_EXECDESC_H
#define TUSK_EXECUTOR_EXECDESC_H

#include "nodes/execnodes.h"
#include "tcop/dest.h"

typedef struct QueryDesc
{
	CmdType operation;
	PlannedStmt *plannedstmt;
	const char *sourceText;
	Snapshot snapshot;
	DestReceiver *dest;
	ParamListInfo params;
	int instrument_options;
	/* set by ExecutorStart */
	TupleDesc tupDesc;
	EState *estate;
	PlanState *planstate;
} QueryDesc;

#ifdef __cplusplus
extern "C" {
#endif

extern QueryDesc *CreateQueryDesc(PlannedStmt *plannedstmt, const char *sourceText,
								  Snapshot snapshot, DestReceiver *dest, ParamListInfo params,
								  int instrument_options);
extern void FreeQueryDesc(QueryDesc *qdesc);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_EXECUTOR_EXECDESC_H */
