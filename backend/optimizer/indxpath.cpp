/*
 * indxpath.cpp — matching a relation's restriction clauses to its B-tree
 * indexes (optimizer/paths.h).
 *
 * Principal entry point: choose_index_scan.
 *
 * For each valid, non-partial B-tree index, each clause is matched to a
 * key column as PostgreSQL's match_clause_to_indexcol does for B-trees:
 * the column (possibly under a binary-compatible relabeling) on one side,
 * a value not depending on the relation on the other, and an operator
 * that is a member of the column's operator family with the column's
 * type on its left — commuting the clause when the column is on the
 * right.  The clauses matched become the IndexScan's indexqual; the rest
 * stay as the scan's filter.  Without statistics the choice is by shape:
 * (unique and every key column equal) > more equal leading columns > a
 * range on the next column > fewer key columns > lower OID.
 */
#include "postgres.h"

#include <vector>

#include "access/htup_details.h"
#include "access/nbtree.h"
#include "access/relation.h"
#include "access/sdir.h"
#include "access/stratnum.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_index_d.h"
#include "catalog/pg_proc_d.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "optimizer/paths.h"
#include "storage/lmgr.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/builtins.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

/*
 * Whether the planner may use this index: a valid, ready B-tree — and if
 * it was built over broken HOT chains (indcheckxmin), only for a
 * transaction whose snapshots cannot see the versions it left out: ours
 * must have begun after the index's pg_index row (PostgreSQL's
 * get_relation_info).
 */
bool IndexUsable(Relation index)
{
	Form_pg_index form = index->rd_index;
	if (index->rd_rel->relam != BTREE_AM_OID || !form->indisvalid || !form->indisready ||
		!form->indislive)
		return false;
	if (form->indcheckxmin)
	{
		FullTransactionId xmin = HeapTupleHeaderGetRawXminFull(index->rd_indextuple->t_data);
		if (!FullTransactionIdIsValid(TransactionXmin) ||
			!FullTransactionIdPrecedes(xmin, TransactionXmin))
			return false;
	}
	return true;
}

struct MatchContext
{
	int rtindex;
	bool ok;
};

bool FunctionIsVolatile(Oid funcid)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	return tup == nullptr || reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup))->provolatile == 'v';
}

/* Can this expression stand for a constant during one scan: no column of
 * the relation (or any), no aggregate or subquery, no volatile function? */
bool PseudoConstantWalker(Node *node, void *ctx)
{
	auto *mc = static_cast<MatchContext *>(ctx);
	if (node == nullptr || !mc->ok)
		return false;
	switch (nodeTag(node))
	{
		case T_Const:
		case T_Param:
			return false;
		case T_FuncExpr:
			if (FunctionIsVolatile(reinterpret_cast<FuncExpr *>(node)->funcid))
				mc->ok = false;
			break;
		case T_OpExpr:
		{
			auto *op = reinterpret_cast<OpExpr *>(node);
			if (FunctionIsVolatile(OidIsValid(op->opfuncid) ? op->opfuncid : get_opcode(op->opno)))
				mc->ok = false;
			break;
		}
		case T_RelabelType:
		case T_CoerceViaIO:
		case T_BoolExpr:
		case T_NullTest:
		case T_CaseExpr:
		case T_CaseWhen:
		case T_CoalesceExpr:
		case T_List:
			break;
		default:
			/* Vars, aggregates, subqueries, and what is not known to be safe. */
			mc->ok = false;
			return false;
	}
	return node_children_walker(node, PseudoConstantWalker, ctx);
}

bool IsPseudoConstant(Node *node, int rtindex)
{
	MatchContext mc{rtindex, true};
	PseudoConstantWalker(node, &mc);
	return mc.ok;
}

/* The Var of column attnum of rtindex, under binary relabelings? */
bool IsIndexColumn(Node *node, int rtindex, AttrNumber attnum)
{
	while (node != nullptr && IsA(node, RelabelType))
		node = reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(node)->arg);
	if (node == nullptr || !IsA(node, Var))
		return false;
	auto *var = reinterpret_cast<Var *>(node);
	return var->varno == rtindex && var->varlevelsup == 0 && var->varattno == attnum;
}

/* node with its Var of rtindex replaced by Var(INDEX_VAR, column). */
Node *ToIndexVar(Node *node, AttrNumber column)
{
	Node *copy = static_cast<Node *>(copyObject(node));
	Node *cur = copy;
	while (IsA(cur, RelabelType))
		cur = reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(cur)->arg);
	auto *var = reinterpret_cast<Var *>(cur);
	var->varno = INDEX_VAR;
	var->varattno = column;
	return copy;
}

/* A matched clause. */
struct Match
{
	Node *orig;
	Node *indexqual;
	int column;		/* 0-based key column */
	int strategy;	/* BT*StrategyNumber; 0 for IS [NOT] NULL */
	bool null_test; /* IS NULL (counts as equality) */
	bool notnull_test;
};

/* Does clause match key column col of index? */
bool MatchClause(Relation index, int rtindex, int col, Node *clause, Match *m)
{
	AttrNumber attnum = index->rd_index->indkey.values[col];
	if (attnum <= 0)
		return false;
	if (IsA(clause, NullTest))
	{
		auto *nt = reinterpret_cast<NullTest *>(clause);
		if (nt->argisrow || !IsIndexColumn(reinterpret_cast<Node *>(nt->arg), rtindex, attnum))
			return false;
		auto *copy = static_cast<NullTest *>(copyObject(nt));
		copy->arg = reinterpret_cast<Expr *>(
			ToIndexVar(reinterpret_cast<Node *>(nt->arg), static_cast<AttrNumber>(col + 1)));
		*m = Match{clause, reinterpret_cast<Node *>(copy), col,
				   0,	   nt->nulltesttype == IS_NULL,	   nt->nulltesttype == IS_NOT_NULL};
		return true;
	}
	if (!IsA(clause, OpExpr))
		return false;
	auto *op = reinterpret_cast<OpExpr *>(clause);
	if (list_length(op->args) != 2)
		return false;
	Node *left = static_cast<Node *>(linitial(op->args));
	Node *right = static_cast<Node *>(lsecond(op->args));
	Oid opno = op->opno;
	Node *column = nullptr;
	Node *value = nullptr;
	if (IsIndexColumn(left, rtindex, attnum) && IsPseudoConstant(right, rtindex))
	{
		column = left;
		value = right;
	}
	else if (IsIndexColumn(right, rtindex, attnum) && IsPseudoConstant(left, rtindex))
	{
		opno = get_commutator(opno);
		if (!OidIsValid(opno))
			return false;
		column = right;
		value = left;
	}
	else
		return false;
	int strategy;
	Oid lefttype;
	Oid righttype;
	get_op_opfamily_properties(opno, index->rd_opfamily[col], false, &strategy, &lefttype,
							   &righttype);
	if (strategy == 0 || lefttype != index->rd_opcintype[col])
		return false;
	if (!OidIsValid(get_opfamily_proc(index->rd_opfamily[col], lefttype, righttype, BTORDER_PROC)))
		return false;
	OpExpr *iq = static_cast<OpExpr *>(copyObject(op));
	iq->opno = opno;
	iq->opfuncid = get_opcode(opno);
	iq->args = list_make2(ToIndexVar(column, static_cast<AttrNumber>(col + 1)), copyObject(value));
	*m = Match{clause, reinterpret_cast<Node *>(iq), col, strategy, false, false};
	return true;
}

bool SetVarnoWalker(Node *node, void *ctx)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Var) && reinterpret_cast<Var *>(node)->varlevelsup == 0)
		reinterpret_cast<Var *>(node)->varno = *static_cast<int *>(ctx);
	return node_children_walker(node, SetVarnoWalker, ctx);
}

/* The clauses of an AND tree. */
void FlattenAnd(Node *node, List **out)
{
	if (node != nullptr && IsA(node, BoolExpr) &&
		reinterpret_cast<BoolExpr *>(node)->boolop == AND_EXPR)
	{
		ListCell *lc;
		foreach (lc, reinterpret_cast<BoolExpr *>(node)->args)
			FlattenAnd(static_cast<Node *>(lfirst(lc)), out);
		return;
	}
	if (node != nullptr && IsA(node, List))
	{
		ListCell *lc;
		foreach (lc, reinterpret_cast<List *>(node))
			FlattenAnd(static_cast<Node *>(lfirst(lc)), out);
		return;
	}
	*out = lappend(*out, node);
}

/* Does every clause of a partial index's predicate (stored with varno 1)
 * appear among the quals?  (PostgreSQL proves implication more
 * generally — "a > 10" implies "a > 5"; here only the same clause does.) */
bool PredicateImplied(const char *predtext, int rtindex, List *quals)
{
	/* Folded as the quals were (PostgreSQL's RelationGetIndexPredicate). */
	Node *pred = eval_const_expressions(nullptr, static_cast<Node *>(stringToNode(predtext)));
	SetVarnoWalker(pred, &rtindex);
	List *clauses = NIL;
	FlattenAnd(pred, &clauses);
	ListCell *pc;
	foreach (pc, clauses)
	{
		bool found = false;
		ListCell *qc;
		foreach (qc, quals)
			found |= equal(lfirst(pc), lfirst(qc));
		if (!found)
			return false;
	}
	return true;
}

/* How good an index is for the clauses; larger is better. */
struct Score
{
	bool unique_match = false;
	int neq = 0;
	bool range = false;
	int nkeys = 0;
	Oid oid = InvalidOid;

	bool BetterThan(const Score &o) const
	{
		if (unique_match != o.unique_match)
			return unique_match;
		if (neq != o.neq)
			return neq > o.neq;
		if (range != o.range)
			return range;
		if (nkeys != o.nkeys)
			return nkeys < o.nkeys;
		return oid < o.oid;
	}
};

}  // namespace

bool index_predicate_implied(const char *predtext, int rtindex, List *quals)
{
	return PredicateImplied(predtext, rtindex, quals);
}

bool choose_index_scan(Oid relid, int rtindex, List *quals, IndexScanChoice *choice)
{
	if (quals == NIL)
		return false;
	Relation rel = relation_open(relid, NoLock);
	if (rel->rd_rel == nullptr || !rel->rd_rel->relhasindex)
	{
		relation_close(rel, NoLock);
		return false;
	}
	List *indexes = RelationGetIndexList(rel);
	relation_close(rel, NoLock);
	bool found = false;
	Score best;
	std::vector<Match> best_matches;
	ListCell *lc;
	foreach (lc, indexes)
	{
		Oid indexoid = lfirst_oid(lc);
		Relation index = relation_open(indexoid, AccessShareLock);
		Form_pg_index form = index->rd_index;
		bool usable = IndexUsable(index);
		if (usable)
		{
			/* A partial index only when the quals imply its predicate. */
			bool isnull;
			Relation pg_index = relation_open(IndexRelationId, AccessShareLock);
			Datum pred = heap_getattr(index->rd_indextuple, Anum_pg_index_indpred,
									  RelationGetDescr(pg_index), &isnull);
			relation_close(pg_index, AccessShareLock);
			if (!isnull)
				usable = PredicateImplied(TextDatumGetCString(pred), rtindex, quals);
		}
		if (!usable)
		{
			relation_close(index, NoLock);
			continue;
		}
		int nkeys = form->indnkeyatts;
		std::vector<Match> matches;
		std::vector<bool> has_eq(static_cast<size_t>(nkeys), false);
		std::vector<bool> has_range(static_cast<size_t>(nkeys), false);
		for (int col = 0; col < nkeys; col++)
		{
			ListCell *qc;
			foreach (qc, quals)
			{
				Match m;
				if (!MatchClause(index, rtindex, col, static_cast<Node *>(lfirst(qc)), &m))
					continue;
				matches.push_back(m);
				if (m.null_test || m.strategy == BTEqualStrategyNumber)
					has_eq[static_cast<size_t>(col)] = true;
				else if (!m.notnull_test)
					has_range[static_cast<size_t>(col)] = true;
			}
		}
		Score score;
		score.nkeys = nkeys;
		score.oid = indexoid;
		while (score.neq < nkeys && has_eq[static_cast<size_t>(score.neq)])
			score.neq++;
		score.range = score.neq < nkeys && has_range[static_cast<size_t>(score.neq)];
		score.unique_match = form->indisunique && score.neq == nkeys;
		bool helps = score.neq > 0 || score.range;
		if (helps && (!found || score.BetterThan(best)))
		{
			found = true;
			best = score;
			best_matches = matches;
		}
		relation_close(index, NoLock);
	}
	if (!found)
		return false;
	choice->indexid = best.oid;
	choice->indexquals = NIL;
	choice->indexqualorig = NIL;
	choice->otherquals = NIL;
	choice->neq = best.neq;
	choice->unique_match = best.unique_match;
	for (const Match &m : best_matches)
	{
		choice->indexquals = lappend(choice->indexquals, m.indexqual);
		choice->indexqualorig = lappend(choice->indexqualorig, m.orig);
	}
	foreach (lc, quals)
	{
		Node *q = static_cast<Node *>(lfirst(lc));
		bool used = false;
		for (const Match &m : best_matches)
			used |= m.orig == q;
		if (!used)
			choice->otherquals = lappend(choice->otherquals, q);
	}
	return true;
}

IndexScan *create_index_scan(Oid relid, int rtindex, List **quals)
{
	IndexScanChoice choice;
	if (!choose_index_scan(relid, rtindex, *quals, &choice))
		return nullptr;
	IndexScan *scan = makeNode(IndexScan);
	scan->scan.scanrelid = static_cast<Index>(rtindex);
	scan->indexid = choice.indexid;
	scan->indexqual = choice.indexquals;
	scan->indexqualorig = choice.indexqualorig;
	scan->indexorderdir = ForwardScanDirection;
	*quals = choice.otherquals;
	return scan;
}

namespace {

/* The direction in which a scan of index, skipping its first skip key
 * columns (fixed by equalities), yields the ORDER BY keys' order, or
 * NoMovementScanDirection. */
ScanDirection OrderDirection(Relation index, int skip, Query *parse, Index scanrelid)
{
	int nkeys = index->rd_index->indnkeyatts;
	if (skip + list_length(parse->sortClause) > nkeys)
		return NoMovementScanDirection;
	ScanDirection dir = NoMovementScanDirection;
	int col = skip;
	ListCell *lc;
	foreach (lc, parse->sortClause)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		Node *expr = nullptr;
		ListCell *t;
		foreach (t, parse->targetList)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(t));
			if (tle->ressortgroupref == sgc->tleSortGroupRef)
				expr = reinterpret_cast<Node *>(tle->expr);
		}
		if (expr == nullptr ||
			!IsIndexColumn(expr, static_cast<int>(scanrelid), index->rd_index->indkey.values[col]))
			return NoMovementScanDirection;
		int strategy;
		Oid lefttype;
		Oid righttype;
		get_op_opfamily_properties(sgc->sortop, index->rd_opfamily[col], false, &strategy,
								   &lefttype, &righttype);
		if (lefttype != index->rd_opcintype[col] || righttype != index->rd_opcintype[col])
			return NoMovementScanDirection;
		/* Forward: the column's own order (ASC, or DESC for a DESC
		 * column) with its own NULLs placement; backward: both reversed. */
		bool desc_col = (index->rd_indoption[col] & INDOPTION_DESC) != 0;
		bool nulls_first_col = (index->rd_indoption[col] & INDOPTION_NULLS_FIRST) != 0;
		ScanDirection want;
		if (strategy == (desc_col ? BTGreaterStrategyNumber : BTLessStrategyNumber) &&
			sgc->nulls_first == nulls_first_col)
			want = ForwardScanDirection;
		else if (strategy == (desc_col ? BTLessStrategyNumber : BTGreaterStrategyNumber) &&
				 sgc->nulls_first != nulls_first_col)
			want = BackwardScanDirection;
		else
			return NoMovementScanDirection;
		if (dir != NoMovementScanDirection && dir != want)
			return NoMovementScanDirection;
		dir = want;
		col++;
	}
	return dir;
}

/* Leading key columns an IndexScan's quals fix to one value. */
int EqualityPrefix(Relation index, List *indexquals)
{
	int nkeys = index->rd_index->indnkeyatts;
	std::vector<bool> fixed(static_cast<size_t>(nkeys), false);
	ListCell *lc;
	foreach (lc, indexquals)
	{
		Node *q = static_cast<Node *>(lfirst(lc));
		if (IsA(q, NullTest))
		{
			auto *nt = reinterpret_cast<NullTest *>(q);
			Node *arg = reinterpret_cast<Node *>(nt->arg);
			while (IsA(arg, RelabelType))
				arg = reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(arg)->arg);
			if (nt->nulltesttype == IS_NULL)
				fixed[static_cast<size_t>(reinterpret_cast<Var *>(arg)->varattno - 1)] = true;
			continue;
		}
		auto *op = reinterpret_cast<OpExpr *>(q);
		Node *arg = static_cast<Node *>(linitial(op->args));
		while (IsA(arg, RelabelType))
			arg = reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(arg)->arg);
		int col = reinterpret_cast<Var *>(arg)->varattno - 1;
		int strategy;
		Oid lefttype;
		Oid righttype;
		get_op_opfamily_properties(op->opno, index->rd_opfamily[col], false, &strategy, &lefttype,
								   &righttype);
		if (strategy == BTEqualStrategyNumber)
			fixed[static_cast<size_t>(col)] = true;
	}
	int n = 0;
	while (n < nkeys && fixed[static_cast<size_t>(n)])
		n++;
	return n;
}

}  // namespace

bool index_provides_order(Query *parse, Plan **plan)
{
	if (parse->sortClause == NIL || parse->distinctClause != NIL || parse->hasAggs ||
		parse->groupClause != NIL || parse->hasWindowFuncs || parse->setOperations != nullptr)
		return false;
	Plan *p = *plan;
	/* A gating Result (One-Time Filter) passes its input's order on. */
	if (IsA(p, Result) && p->lefttree != nullptr &&
		reinterpret_cast<Result *>(p)->resconstantqual != nullptr)
		return index_provides_order(parse, &p->lefttree);
	if (IsA(p, IndexScan))
	{
		auto *scan = reinterpret_cast<IndexScan *>(p);
		Relation index = relation_open(scan->indexid, AccessShareLock);
		int neq = EqualityPrefix(index, scan->indexqual);
		ScanDirection dir = NoMovementScanDirection;
		for (int skip = 0; skip <= neq && dir == NoMovementScanDirection; skip++)
			dir = OrderDirection(index, skip, parse, scan->scan.scanrelid);
		relation_close(index, NoLock);
		if (dir == NoMovementScanDirection)
			return false;
		scan->indexorderdir = dir;
		return true;
	}
	/* A whole-table scan in index order instead of a sort, when only the
	 * first rows are wanted (LIMIT). */
	if (!IsA(p, SeqScan) || parse->limitCount == nullptr)
		return false;
	auto *seq = reinterpret_cast<SeqScan *>(p);
	auto *rte = static_cast<RangeTblEntry *>(
		list_nth(parse->rtable, static_cast<int>(seq->scan.scanrelid) - 1));
	if (rte->rtekind != RTE_RELATION)
		return false;
	Relation rel = relation_open(rte->relid, NoLock);
	List *indexes = rel->rd_rel->relhasindex ? RelationGetIndexList(rel) : NIL;
	relation_close(rel, NoLock);
	ListCell *lc;
	foreach (lc, indexes)
	{
		Relation index = relation_open(lfirst_oid(lc), AccessShareLock);
		bool isnull;
		Relation pg_index = relation_open(IndexRelationId, AccessShareLock);
		(void) heap_getattr(index->rd_indextuple, Anum_pg_index_indpred, RelationGetDescr(pg_index),
							&isnull);
		relation_close(pg_index, AccessShareLock);
		ScanDirection dir = isnull && IndexUsable(index)
			? OrderDirection(index, 0, parse, seq->scan.scanrelid)
			: NoMovementScanDirection;
		relation_close(index, NoLock);
		if (dir == NoMovementScanDirection)
			continue;
		IndexScan *scan = makeNode(IndexScan);
		scan->scan = seq->scan;
		scan->scan.plan.type = T_IndexScan; /* the copy brought SeqScan's tag */
		scan->indexid = lfirst_oid(lc);
		scan->indexorderdir = dir;
		*plan = &scan->scan.plan;
		return true;
	}
	return false;
}
