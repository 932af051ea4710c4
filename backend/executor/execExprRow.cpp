/*
 * execExprRow.cpp — expression steps on composite values
 * (executor/execExpr.h): whole-row references, ROW(…), field
 * selection and IS [NOT] NULL on rows.
 *
 * Principal entry points: ExecEvalWholeRowVar, ExecEvalRow,
 * ExecEvalFieldSelect, ExecEvalRowNullTest.
 *
 * A composite value is a heap tuple in one varlena that names its row
 * type (access/htup_details.h).  Building one copies the columns (and
 * fetches TOAST pointers) into the per-tuple memory.  Steps that read a
 * value find its columns through the row type it names; the descriptor
 * is looked up once and kept in the step (per-query memory) while values
 * of the same row type keep arriving.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "executor/execExpr.h"
#include "executor/executor.h"
#include "utils/format_type.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

namespace {

/* The descriptor of a composite value's row type, kept in the step. */
TupleDesc ValueDesc(HeapTupleHeader td, Oid *cached_type, int32 *cached_typmod,
					TupleDesc *cached_desc, ExprContext *econtext)
{
	Oid type = HeapTupleHeaderGetTypeId(td);
	int32 typmod = HeapTupleHeaderGetTypMod(td);
	if (*cached_desc == nullptr || *cached_type != type || *cached_typmod != typmod)
	{
		MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_query_memory);
		*cached_desc = lookup_rowtype_tupdesc_copy(type, typmod);
		MemoryContextSwitchTo(old);
		*cached_type = type;
		*cached_typmod = typmod;
	}
	return *cached_desc;
}

}  // namespace

void ExecEvalWholeRowVar(ExprEvalStep *op, ExprContext *econtext)
{
	auto &d = op->d.wholerow;
	TupleTableSlot *slot = d.varno == INNER_VAR ? econtext->ecxt_innertuple
		: d.varno == OUTER_VAR					? econtext->ecxt_outertuple
												: econtext->ecxt_scantuple;
	slot_getallattrs(slot);
	if (d.tupdesc == nullptr)
	{
		TupleDesc slotdesc = slot->tts_tupleDescriptor;
		MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_query_memory);
		TupleDesc desc;
		if (d.vartype == RECORDOID)
		{
			desc = CreateTupleDescCopy(slotdesc);
			desc->tdtypeid = RECORDOID;
			desc->tdtypmod = -1;
			BlessTupleDesc(desc);
		}
		else
		{
			desc = lookup_rowtype_tupdesc_copy(d.vartype, -1);
			if (desc->natts != slotdesc->natts)
				ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("table row type and query-specified row type do not match"),
						errdetail("Table row contains %d attributes, but query expects %d.",
								  slotdesc->natts, desc->natts));
		}
		MemoryContextSwitchTo(old);
		d.tupdesc = desc;
	}
	*op->resvalue = heap_form_composite_datum(d.tupdesc, slot->tts_values, slot->tts_isnull);
	*op->resnull = false;
}

void ExecEvalRow(ExprEvalStep *op)
{
	*op->resvalue = heap_form_composite_datum(op->d.row.tupdesc, op->d.row.elemvalues,
											  op->d.row.elemnulls);
	*op->resnull = false;
}

void ExecEvalFieldSelect(ExprEvalStep *op, ExprContext *econtext)
{
	if (*op->resnull)
		return;
	auto &d = op->d.fieldselect;
	HeapTupleData tuple;
	heap_composite_datum_as_tuple(*op->resvalue, &tuple);
	TupleDesc desc = ValueDesc(tuple.t_data, &d.argtype, &d.argtypmod, &d.argdesc, econtext);
	if (d.fieldnum <= 0)
		elog(ERROR, "unsupported reference to system column %d in FieldSelect", d.fieldnum);
	if (d.fieldnum > desc->natts)
	{
		*op->resnull = true;
		return;
	}
	Form_pg_attribute att = TupleDescAttr(desc, d.fieldnum - 1);
	if (att->attisdropped)
	{
		*op->resnull = true;
		return;
	}
	if (att->atttypid != d.resulttype)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("attribute %d has wrong type", d.fieldnum),
				errdetail("Table has type %s, but query expects %s.", format_type_be(att->atttypid),
						  format_type_be(d.resulttype)));
	*op->resvalue = heap_getattr(&tuple, d.fieldnum, desc, op->resnull);
}

void ExecEvalRowNullTest(ExprEvalStep *op, ExprContext *econtext)
{
	bool checkisnull = op->opcode == EEOP_NULLTEST_ROWISNULL;
	if (*op->resnull)
	{
		*op->resvalue = BoolGetDatum(checkisnull);
		*op->resnull = false;
		return;
	}
	auto &d = op->d.fieldselect;
	HeapTupleData tuple;
	heap_composite_datum_as_tuple(*op->resvalue, &tuple);
	TupleDesc desc = ValueDesc(tuple.t_data, &d.argtype, &d.argtypmod, &d.argdesc, econtext);
	bool result = true;
	for (int i = 0; i < desc->natts && result; i++)
	{
		if (TupleDescAttr(desc, i)->attisdropped)
			continue;
		/* IS NULL: every field is NULL; IS NOT NULL: none is. */
		result = heap_attisnull(&tuple, i + 1, desc) == checkisnull;
	}
	*op->resvalue = BoolGetDatum(result);
	*op->resnull = false;
}
