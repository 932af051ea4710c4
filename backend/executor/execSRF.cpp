/*
 * execSRF.cpp — calling a function that may return a set (PostgreSQL's
 * execSRF.c, value-per-call mode only).
 *
 * A set-returning call gets a ReturnSetInfo in fcinfo->resultinfo
 * allowing SFRM_ValuePerCall; its arguments are computed once, when a
 * set starts, into the state's own argument context (so they live while
 * the function is called again and again), and the function is called
 * for each row until it reports ExprEndResult.  A strict function with a
 * NULL argument returns an empty set, as in PostgreSQL.  A set left
 * before its end (ExecSetExprReset) has its FuncCallContext freed.
 *
 * Principal entry points: ExecInitSetExpr, ExecSetExprNext,
 * ExecSetExprReset.
 */
#include "postgres.h"

#include "execSRF.h"
#include "executor/executor.h"
#include "funcapi.h"
#include "nodes/nodeFuncs.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

SetExprState *ExecInitSetExpr(Expr *expr, PlanState *parent)
{
	auto *sexpr = static_cast<SetExprState *>(palloc0(sizeof(SetExprState)));
	sexpr->expr = expr;
	if (!IsA(expr, FuncExpr) || !reinterpret_cast<FuncExpr *>(expr)->funcretset)
	{
		sexpr->elidedFuncState = ExecInitExpr(expr, parent);
		return sexpr;
	}
	auto *fexpr = reinterpret_cast<FuncExpr *>(expr);
	int nargs = list_length(fexpr->args);
	sexpr->args = ExecInitExprList(fexpr->args, parent);
	sexpr->argtyplen = static_cast<int16 *>(palloc0(sizeof(int16) * Max(nargs, 1)));
	sexpr->argtypbyval = static_cast<bool *>(palloc0(sizeof(bool) * Max(nargs, 1)));
	int i = 0;
	ListCell *lc;
	foreach (lc, fexpr->args)
	{
		get_typlenbyval(exprType(static_cast<Node *>(lfirst(lc))), &sexpr->argtyplen[i],
						&sexpr->argtypbyval[i]);
		i++;
	}
	fmgr_info(fexpr->funcid, &sexpr->func);
	sexpr->func.fn_expr = reinterpret_cast<Node *>(fexpr);
	auto *rsinfo = static_cast<ReturnSetInfo *>(palloc0(sizeof(ReturnSetInfo)));
	rsinfo->type = T_ReturnSetInfo;
	rsinfo->econtext = parent->ps_ExprContext;
	rsinfo->allowedModes = SFRM_ValuePerCall;
	sexpr->rsinfo = rsinfo;
	sexpr->fcinfo = static_cast<FunctionCallInfo>(palloc0(SizeForFunctionCallInfo(nargs)));
	InitFunctionCallInfoData(*sexpr->fcinfo, &sexpr->func, static_cast<short>(nargs),
							 fexpr->inputcollid, nullptr, reinterpret_cast<Node *>(rsinfo));
	sexpr->argcontext = AllocSetContextCreate(CurrentMemoryContext, "SRF arguments",
											  ALLOCSET_SMALL_SIZES);
	return sexpr;
}

bool ExecSetExprNext(SetExprState *sexpr, ExprContext *econtext, Datum *value, bool *isnull)
{
	if (sexpr->setDone)
		return false;
	if (sexpr->elidedFuncState != nullptr)
	{
		/* Not a set: one value. */
		*value = ExecEvalExpr(sexpr->elidedFuncState, econtext, isnull);
		sexpr->setDone = true;
		return true;
	}
	FunctionCallInfo fcinfo = sexpr->fcinfo;
	if (!sexpr->setArgsValid)
	{
		MemoryContextReset(sexpr->argcontext);
		int i = 0;
		ListCell *lc;
		foreach (lc, sexpr->args)
		{
			bool argnull;
			Datum arg = ExecEvalExpr(static_cast<ExprState *>(lfirst(lc)), econtext, &argnull);
			if (!argnull && !sexpr->argtypbyval[i])
			{
				MemoryContext old = MemoryContextSwitchTo(sexpr->argcontext);
				arg = datumCopy(arg, false, sexpr->argtyplen[i]);
				MemoryContextSwitchTo(old);
			}
			fcinfo->args[i].value = arg;
			fcinfo->args[i].isnull = argnull;
			if (argnull && sexpr->func.fn_strict)
			{
				/* A strict function of NULL: the empty set. */
				sexpr->setDone = true;
				return false;
			}
			i++;
		}
		sexpr->setArgsValid = true;
	}
	ReturnSetInfo *rsinfo = sexpr->rsinfo;
	rsinfo->econtext = econtext;
	rsinfo->isDone = ExprSingleResult;
	rsinfo->returnMode = SFRM_ValuePerCall;
	fcinfo->isnull = false;
	Datum result = FunctionCallInvoke(fcinfo);
	if (rsinfo->returnMode != SFRM_ValuePerCall)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("table-function protocol for materialize mode is not supported yet"));
	switch (rsinfo->isDone)
	{
		case ExprEndResult:
			sexpr->setArgsValid = false;
			sexpr->setDone = true;
			return false;
		case ExprSingleResult:
			/* A set function that answered with a plain value: that is
			 * its only row. */
			ShutdownSetFunction(&sexpr->func);
			sexpr->setArgsValid = false;
			sexpr->setDone = true;
			break;
		case ExprMultipleResult:
			break;
	}
	*value = result;
	*isnull = fcinfo->isnull;
	return true;
}

void ExecSetExprReset(SetExprState *sexpr)
{
	if (sexpr->elidedFuncState == nullptr)
		ShutdownSetFunction(&sexpr->func);
	sexpr->setArgsValid = false;
	sexpr->setDone = false;
}
