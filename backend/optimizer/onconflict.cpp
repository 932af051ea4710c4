/*
 * onconflict.cpp — planning INSERT … ON CONFLICT: which unique indexes
 * arbitrate (PostgreSQL's infer_arbiter_indexes in plancat.c) and the DO
 * UPDATE expressions ModifyTable evaluates.
 *
 * Principal entry point: PlanOnConflict.
 *
 * An inference specification names an index by what it indexes: a unique
 * index is an arbiter when its key columns are exactly the specification's
 * columns (in any order, repetitions allowed) and, if it is partial, when
 * the specification's WHERE implies its predicate (here: each of its
 * AND-ed clauses appears in the WHERE, as for index scans).  ON CONSTRAINT
 * names the index of a unique or primary-key constraint.  No specification
 * (DO NOTHING only) leaves the list empty: every unique index arbitrates.
 * Doing this when planning, as PostgreSQL does, lets a plan made before a
 * CREATE INDEX be made again by the plan cache.
 *
 * See also: parser/analyze.cpp (TransformOnConflict),
 * executor/nodeModifyTable.cpp (the conflict check), setrefs.cpp.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_index_d.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "optimizer/paths.h"
#include "planner_int.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

namespace tusk::optimizer {

namespace {

/* The index of a constraint named by ON CONSTRAINT. */
Oid ConstraintIndex(Oid conoid)
{
	HeapTuple tup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(conoid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for constraint %u", conoid);
	auto *form = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(tup));
	Oid index = form->conindid;
	char contype = form->contype;
	ReleaseSysCache(tup);
	if (contype != CONSTRAINT_PRIMARY && contype != CONSTRAINT_UNIQUE)
		index = InvalidOid;
	if (!OidIsValid(index))
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("constraint in ON CONFLICT clause has no associated index"));
	return index;
}

/* The index's predicate (pg_index.indpred, stored with varno 1), or
 * NULL for a complete index. */
char *IndexPredicate(Relation index)
{
	bool isnull;
	Relation pg_index = relation_open(IndexRelationId, AccessShareLock);
	Datum pred = heap_getattr(index->rd_indextuple, Anum_pg_index_indpred,
							  RelationGetDescr(pg_index), &isnull);
	relation_close(pg_index, AccessShareLock);
	return isnull ? nullptr : TextDatumGetCString(pred);
}

/* Whether a unique index matches the inference specification. */
bool IndexMatches(Relation index, const OnConflictExpr *oc, Index rti)
{
	Form_pg_index form = index->rd_index;
	/* The specification's columns, as a set; an expression matches no
	 * index (Tusk has no expression indexes). */
	Bitmapset *wanted = nullptr;
	ListCell *lc;
	foreach (lc, oc->arbiterElems)
	{
		Node *expr = static_cast<InferenceElem *>(lfirst(lc))->expr;
		if (!IsA(expr, Var))
			return false;
		wanted = bms_add_member(wanted, reinterpret_cast<Var *>(expr)->varattno);
	}
	Bitmapset *indexed = nullptr;
	for (int i = 0; i < form->indnkeyatts; i++)
	{
		AttrNumber attno = form->indkey.values[i];
		if (attno == 0)
			return false;
		indexed = bms_add_member(indexed, attno);
	}
	if (!bms_equal(wanted, indexed))
		return false;
	char *pred = IndexPredicate(index);
	if (pred == nullptr)
		return true;
	/* Folded as the predicate is. */
	return index_predicate_implied(pred, static_cast<int>(rti),
								   MakeAndList(eval_const_expressions(nullptr, oc->arbiterWhere)));
}

/* The arbiter indexes' OIDs, in the table's index order; 42P10 when an
 * inference specification matches none. */
List *InferArbiterIndexes(PlannerInfo *root, const OnConflictExpr *oc)
{
	Query *parse = root->parse;
	if (oc->arbiterElems == NIL && !OidIsValid(oc->constraint))
		return NIL;
	Oid constraint_index = OidIsValid(oc->constraint) ? ConstraintIndex(oc->constraint)
													  : InvalidOid;
	auto *rte = static_cast<RangeTblEntry *>(list_nth(parse->rtable, parse->resultRelation - 1));
	Relation rel = relation_open(rte->relid, NoLock);
	List *indexes = RelationGetIndexList(rel);
	relation_close(rel, NoLock);
	List *result = NIL;
	ListCell *lc;
	foreach (lc, indexes)
	{
		Relation index = relation_open(lfirst_oid(lc), RowExclusiveLock);
		Form_pg_index form = index->rd_index;
		bool match = false;
		if (form->indisvalid && index->rd_rel->relam == BTREE_AM_OID)
		{
			if (OidIsValid(constraint_index))
				match = form->indexrelid == constraint_index;
			else
				match = form->indisunique &&
					IndexMatches(index, oc, static_cast<Index>(parse->resultRelation));
		}
		if (match && !form->indimmediate)
			ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					errmsg("ON CONFLICT does not support deferrable unique constraints/exclusion "
						   "constraints as arbiters"));
		if (match)
			result = lappend_oid(result, form->indexrelid);
		relation_close(index, NoLock);
	}
	if (result == NIL)
		ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
				errmsg("there is no unique or exclusion constraint matching the ON CONFLICT "
					   "specification"));
	return result;
}

}  // namespace

void PlanOnConflict(PlannerInfo *root, ModifyTable *mt)
{
	auto *oc = reinterpret_cast<OnConflictExpr *>(root->parse->onConflict);
	if (oc == nullptr)
		return;
	mt->onConflictAction = oc->action;
	mt->arbiterIndexes = InferArbiterIndexes(root, oc);
	if (oc->action != ONCONFLICT_UPDATE)
		return;
	mt->onConflictSet = reinterpret_cast<List *>(
		PreprocessExpression(root, reinterpret_cast<Node *>(oc->onConflictSet)));
	mt->onConflictWhere = reinterpret_cast<Node *>(
		MakeAndList(PreprocessExpression(root, oc->onConflictWhere)));
	mt->exclRelRTI = static_cast<Index>(oc->exclRelIndex);
	mt->exclRelTlist = oc->exclRelTlist;
}

}  // namespace tusk::optimizer
