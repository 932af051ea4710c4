/*
 * execExprInterp.cpp — running compiled expressions (executor/execExpr.h).
 *
 * Principal entry points: ExecInterpExpr, ExecQual, ExecProject.
 *
 * One loop over the steps; each case does its one thing and moves on
 * (or jumps).  Strict functions return NULL without being called when an
 * argument is NULL, as PostgreSQL's do.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "executor/execExpr.h"
#include "executor/executor.h"
#include "utils/memutils.h"

namespace {

/* The schema and type fields of a report about domain typid
 * (PostgreSQL's errdatatype). */
int errdatatype(Oid typid)
{
	HeapTuple tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	if (tup == nullptr)
		return 0;
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
	err_generic_string(PG_DIAG_SCHEMA_NAME, get_namespace_name(form->typnamespace));
	err_generic_string(PG_DIAG_DATATYPE_NAME, NameStr(form->typname));
	ReleaseSysCache(tup);
	return 0;
}

/* errdatatype and the constraint's name. */
int errdomainconstraint(Oid typid, const char *conname)
{
	errdatatype(typid);
	err_generic_string(PG_DIAG_CONSTRAINT_NAME, conname);
	return 0;
}

}  // namespace

Datum ExecInterpExpr(ExprState *state, ExprContext *econtext, bool *isnull)
{
	TupleTableSlot *scanslot = econtext->ecxt_scantuple;
	TupleTableSlot *innerslot = econtext->ecxt_innertuple;
	TupleTableSlot *outerslot = econtext->ecxt_outertuple;
	TupleTableSlot *resultslot = state->resultslot;
	ExprEvalStep *op = state->steps;
	for (;;)
	{
		switch (static_cast<ExprEvalOp>(op->opcode))
		{
			case EEOP_DONE:
				*isnull = state->resnull;
				return state->resvalue;
			case EEOP_INNER_FETCHSOME:
				slot_getsomeattrs(innerslot, op->d.fetch.last_var);
				break;
			case EEOP_OUTER_FETCHSOME:
				slot_getsomeattrs(outerslot, op->d.fetch.last_var);
				break;
			case EEOP_SCAN_FETCHSOME:
				slot_getsomeattrs(scanslot, op->d.fetch.last_var);
				break;
			case EEOP_INNER_VAR:
				*op->resvalue = innerslot->tts_values[op->d.var.attnum];
				*op->resnull = innerslot->tts_isnull[op->d.var.attnum];
				break;
			case EEOP_OUTER_VAR:
				*op->resvalue = outerslot->tts_values[op->d.var.attnum];
				*op->resnull = outerslot->tts_isnull[op->d.var.attnum];
				break;
			case EEOP_SCAN_VAR:
				*op->resvalue = scanslot->tts_values[op->d.var.attnum];
				*op->resnull = scanslot->tts_isnull[op->d.var.attnum];
				break;
			case EEOP_SCAN_SYSVAR:
				*op->resvalue = slot_getsysattr(scanslot, op->d.sysvar.attnum, op->resnull);
				break;
			case EEOP_ASSIGN_TMP:
			case EEOP_ASSIGN_TMP_MAKE_RO:
				resultslot->tts_values[op->d.assign.resultnum] = state->resvalue;
				resultslot->tts_isnull[op->d.assign.resultnum] = state->resnull;
				break;
			case EEOP_CONST:
				*op->resvalue = op->d.constval.value;
				*op->resnull = op->d.constval.isnull;
				break;
			case EEOP_FUNCEXPR:
			{
				FunctionCallInfo fcinfo = op->d.func.fcinfo_data;
				fcinfo->isnull = false;
				*op->resvalue = op->d.func.fn_addr(fcinfo);
				*op->resnull = fcinfo->isnull;
				break;
			}
			case EEOP_FUNCEXPR_STRICT:
			{
				FunctionCallInfo fcinfo = op->d.func.fcinfo_data;
				bool anynull = false;
				for (int i = 0; i < op->d.func.nargs; i++)
					if (fcinfo->args[i].isnull)
					{
						anynull = true;
						break;
					}
				if (anynull)
				{
					*op->resvalue = 0;
					*op->resnull = true;
					break;
				}
				fcinfo->isnull = false;
				*op->resvalue = op->d.func.fn_addr(fcinfo);
				*op->resnull = fcinfo->isnull;
				break;
			}
			case EEOP_BOOL_AND_STEP_FIRST:
				*op->d.boolexpr.anynull = false;
				[[fallthrough]];
			case EEOP_BOOL_AND_STEP:
			case EEOP_BOOL_AND_STEP_LAST:
				if (*op->resnull)
					*op->d.boolexpr.anynull = true;
				else if (!DatumGetBool(*op->resvalue))
				{
					/* false: the whole AND is false */
					op = &state->steps[op->d.boolexpr.jumpdone];
					continue;
				}
				if (op->opcode == EEOP_BOOL_AND_STEP_LAST && *op->d.boolexpr.anynull)
				{
					*op->resvalue = 0;
					*op->resnull = true;
				}
				break;
			case EEOP_BOOL_OR_STEP_FIRST:
				*op->d.boolexpr.anynull = false;
				[[fallthrough]];
			case EEOP_BOOL_OR_STEP:
			case EEOP_BOOL_OR_STEP_LAST:
				if (*op->resnull)
					*op->d.boolexpr.anynull = true;
				else if (DatumGetBool(*op->resvalue))
				{
					op = &state->steps[op->d.boolexpr.jumpdone];
					continue;
				}
				if (op->opcode == EEOP_BOOL_OR_STEP_LAST && *op->d.boolexpr.anynull)
				{
					*op->resvalue = 0;
					*op->resnull = true;
				}
				break;
			case EEOP_BOOL_NOT_STEP:
				*op->resvalue = BoolGetDatum(!DatumGetBool(*op->resvalue));
				break;
			case EEOP_QUAL:
				if (*op->resnull || !DatumGetBool(*op->resvalue))
				{
					*op->resnull = false;
					*op->resvalue = BoolGetDatum(false);
					op = &state->steps[op->d.qualexpr.jumpdone];
					continue;
				}
				break;
			case EEOP_JUMP:
				op = &state->steps[op->d.jump.jumpdone];
				continue;
			case EEOP_JUMP_IF_NULL:
				if (*op->resnull)
				{
					op = &state->steps[op->d.jump.jumpdone];
					continue;
				}
				break;
			case EEOP_JUMP_IF_NOT_NULL:
				if (!*op->resnull)
				{
					op = &state->steps[op->d.jump.jumpdone];
					continue;
				}
				break;
			case EEOP_JUMP_IF_NOT_TRUE:
				if (*op->resnull || !DatumGetBool(*op->resvalue))
				{
					op = &state->steps[op->d.jump.jumpdone];
					continue;
				}
				break;
			case EEOP_NULLTEST_ISNULL:
				*op->resvalue = BoolGetDatum(*op->resnull);
				*op->resnull = false;
				break;
			case EEOP_NULLTEST_ISNOTNULL:
				*op->resvalue = BoolGetDatum(!*op->resnull);
				*op->resnull = false;
				break;
			case EEOP_BOOLTEST_IS_TRUE:
				*op->resvalue = BoolGetDatum(!*op->resnull && DatumGetBool(*op->resvalue));
				*op->resnull = false;
				break;
			case EEOP_BOOLTEST_IS_NOT_TRUE:
				*op->resvalue = BoolGetDatum(*op->resnull || !DatumGetBool(*op->resvalue));
				*op->resnull = false;
				break;
			case EEOP_BOOLTEST_IS_FALSE:
				*op->resvalue = BoolGetDatum(!*op->resnull && !DatumGetBool(*op->resvalue));
				*op->resnull = false;
				break;
			case EEOP_BOOLTEST_IS_NOT_FALSE:
				*op->resvalue = BoolGetDatum(*op->resnull || DatumGetBool(*op->resvalue));
				*op->resnull = false;
				break;
			case EEOP_PARAM_EXTERN:
			{
				ParamListInfo params = econtext->ecxt_param_list_info;
				int id = op->d.param.paramid;
				if (params == nullptr || id <= 0 || id > params->numParams)
					ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
							errmsg("no value found for parameter %d", id));
				ParamExternData workspace;
				const ParamExternData *prm = params->paramFetch != nullptr
					? params->paramFetch(params, id, false, &workspace)
					: &params->params[id - 1];
				/* A plan made for other types would misread the value. */
				if (!prm->isnull && prm->ptype != op->d.param.paramtype)
					ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
							errmsg("type of parameter %d (%s) does not match that when preparing "
								   "the plan (%s)",
								   id, format_type_be(prm->ptype),
								   format_type_be(op->d.param.paramtype)));
				*op->resvalue = prm->value;
				*op->resnull = prm->isnull;
				break;
			}
			case EEOP_PARAM_EXEC:
			{
				const ParamExecData &prm = econtext->ecxt_estate
											   ->es_param_exec_vals[op->d.param.paramid];
				*op->resvalue = prm.value;
				*op->resnull = prm.isnull;
				break;
			}
			case EEOP_SUBPLAN:
				*op->resvalue = ExecSubPlan(op->d.subplan.sstate, econtext, op->resnull);
				break;
			case EEOP_IOCOERCE:
			{
				if (*op->resnull)
					break; /* NULL stays NULL; input functions are strict */
				FunctionCallInfo out = op->d.iocoerce.fcinfo_data_out;
				out->args[0].value = *op->resvalue;
				out->args[0].isnull = false;
				out->isnull = false;
				Datum str = FunctionCallInvoke(out);
				FunctionCallInfo in = op->d.iocoerce.fcinfo_data_in;
				in->args[0].value = str;
				in->args[0].isnull = false;
				in->isnull = false;
				*op->resvalue = FunctionCallInvoke(in);
				*op->resnull = in->isnull;
				break;
			}
			case EEOP_DISTINCT:
			case EEOP_NOT_DISTINCT:
			{
				FunctionCallInfo fcinfo = op->d.func.fcinfo_data;
				bool distinct;
				if (fcinfo->args[0].isnull || fcinfo->args[1].isnull)
					distinct = fcinfo->args[0].isnull != fcinfo->args[1].isnull;
				else
				{
					fcinfo->isnull = false;
					distinct = !DatumGetBool(op->d.func.fn_addr(fcinfo));
				}
				*op->resvalue = BoolGetDatum(op->opcode == EEOP_DISTINCT ? distinct : !distinct);
				*op->resnull = false;
				break;
			}
			case EEOP_NULLIF:
			{
				FunctionCallInfo fcinfo = op->d.func.fcinfo_data;
				if (!fcinfo->args[0].isnull && !fcinfo->args[1].isnull)
				{
					fcinfo->isnull = false;
					Datum eq = op->d.func.fn_addr(fcinfo);
					if (!fcinfo->isnull && DatumGetBool(eq))
					{
						*op->resvalue = 0;
						*op->resnull = true;
						break;
					}
				}
				*op->resvalue = fcinfo->args[0].value;
				*op->resnull = fcinfo->args[0].isnull;
				break;
			}
			case EEOP_CASE_TESTVAL:
				*op->resvalue = *op->d.casetest.value;
				*op->resnull = *op->d.casetest.isnull;
				break;
			case EEOP_AGGREF:
				*op->resvalue = econtext->ecxt_aggvalues[op->d.aggref.aggno];
				*op->resnull = econtext->ecxt_aggnulls[op->d.aggref.aggno];
				break;
			case EEOP_MAKE_READONLY:
				break;
			case EEOP_ARRAYEXPR:
				ExecEvalArrayExpr(op);
				break;
			case EEOP_MINMAX:
				ExecEvalMinMax(op);
				break;
			case EEOP_SCALARARRAYOP:
				ExecEvalScalarArrayOp(op);
				break;
			case EEOP_ARRAYCOERCE:
				ExecEvalArrayCoerce(op, econtext);
				break;
			case EEOP_SBSREF_SUBSCRIPTS:
				if (!op->d.sbsref_subscript.subscriptfunc(state, op, econtext))
				{
					op = &state->steps[op->d.sbsref_subscript.jumpdone];
					continue;
				}
				break;
			case EEOP_SBSREF_FETCH:
			case EEOP_SBSREF_ASSIGN:
				op->d.sbsref.subscriptfunc(state, op, econtext);
				break;
			case EEOP_WHOLEROW:
				ExecEvalWholeRowVar(op, econtext);
				break;
			case EEOP_ROW:
				ExecEvalRow(op);
				break;
			case EEOP_FIELDSELECT:
				ExecEvalFieldSelect(op, econtext);
				break;
			case EEOP_NULLTEST_ROWISNULL:
			case EEOP_NULLTEST_ROWISNOTNULL:
				ExecEvalRowNullTest(op, econtext);
				break;
			case EEOP_ROWCOMPARE_STEP:
			{
				FunctionCallInfo fcinfo = op->d.rowcompare_step.fcinfo_data;
				if (op->d.rowcompare_step.finfo->fn_strict &&
					(fcinfo->args[0].isnull || fcinfo->args[1].isnull))
				{
					*op->resnull = true;
					op = &state->steps[op->d.rowcompare_step.jumpnull];
					continue;
				}
				fcinfo->isnull = false;
				Datum d = op->d.rowcompare_step.fn_addr(fcinfo);
				*op->resvalue = d;
				*op->resnull = fcinfo->isnull;
				if (fcinfo->isnull)
				{
					op = &state->steps[op->d.rowcompare_step.jumpnull];
					continue;
				}
				/* the first unequal pair decides */
				if (DatumGetInt32(d) != 0)
				{
					op = &state->steps[op->d.rowcompare_step.jumpdone];
					continue;
				}
				break;
			}
			case EEOP_ROWCOMPARE_FINAL:
			{
				int32 cmp = DatumGetInt32(*op->resvalue);
				bool result = false;
				switch (static_cast<RowCompareType>(op->d.rowcompare_final.rctype))
				{
					case ROWCOMPARE_LT:
						result = cmp < 0;
						break;
					case ROWCOMPARE_LE:
						result = cmp <= 0;
						break;
					case ROWCOMPARE_GE:
						result = cmp >= 0;
						break;
					case ROWCOMPARE_GT:
						result = cmp > 0;
						break;
					default:
						elog(ERROR, "unexpected row comparison type");
				}
				*op->resvalue = BoolGetDatum(result);
				*op->resnull = false;
				break;
			}
			case EEOP_DOMAIN_NOTNULL:
				if (*op->resnull)
					ereport(ERROR, errcode(ERRCODE_NOT_NULL_VIOLATION),
							errmsg("domain %s does not allow null values",
								   format_type_be(op->d.domaincheck.resulttype)),
							errdatatype(op->d.domaincheck.resulttype));
				break;
			case EEOP_DOMAIN_CHECK:
				if (!*op->d.domaincheck.checknull && !DatumGetBool(*op->d.domaincheck.checkvalue))
					ereport(ERROR, errcode(ERRCODE_CHECK_VIOLATION),
							errmsg("value for domain %s violates check constraint \"%s\"",
								   format_type_be(op->d.domaincheck.resulttype),
								   op->d.domaincheck.constraintname),
							errdomainconstraint(op->d.domaincheck.resulttype,
												op->d.domaincheck.constraintname));
				break;
			case EEOP_LAST:
				elog(ERROR, "invalid expression step");
		}
		op++;
	}
}

/* GREATEST/LEAST: NULL arguments are ignored (all NULL: NULL); of equal
 * values the first is kept, as PostgreSQL keeps it. */
void ExecEvalMinMax(ExprEvalStep *op)
{
	auto &d = op->d.minmax;
	FunctionCallInfo fcinfo = d.fcinfo_data;
	*op->resnull = true;
	for (int i = 0; i < d.nelems; i++)
	{
		if (d.nulls[i])
			continue;
		if (*op->resnull)
		{
			*op->resvalue = d.values[i];
			*op->resnull = false;
			continue;
		}
		/* GREATEST replaces when current < new, LEAST when new < current */
		fcinfo->args[0].value = d.greatest ? *op->resvalue : d.values[i];
		fcinfo->args[1].value = d.greatest ? d.values[i] : *op->resvalue;
		fcinfo->args[0].isnull = false;
		fcinfo->args[1].isnull = false;
		fcinfo->isnull = false;
		Datum less = d.fn_addr(fcinfo);
		if (!fcinfo->isnull && DatumGetBool(less))
			*op->resvalue = d.values[i];
	}
}

Datum ExecEvalExprSwitchContext(ExprState *state, ExprContext *econtext, bool *isNull)
{
	MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
	Datum result = ExecInterpExpr(state, econtext, isNull);
	MemoryContextSwitchTo(old);
	return result;
}

bool ExecQual(ExprState *state, ExprContext *econtext)
{
	if (state == nullptr)
		return true;
	bool isnull;
	Datum result = ExecEvalExprSwitchContext(state, econtext, &isnull);
	return !isnull && DatumGetBool(result);
}

TupleTableSlot *ExecProject(ProjectionInfo *projInfo)
{
	ExprContext *econtext = projInfo->pi_exprContext;
	ExprState *state = &projInfo->pi_state;
	TupleTableSlot *slot = state->resultslot;
	ExecClearTuple(slot);
	bool isnull;
	MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
	(void) ExecInterpExpr(state, econtext, &isnull);
	MemoryContextSwitchTo(old);
	return ExecStoreVirtualTuple(slot);
}
