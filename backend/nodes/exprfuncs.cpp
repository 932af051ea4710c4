/*
 * exprfuncs.cpp — an expression's type, typmod, collation and location
 * (nodes/nodeFuncs.h).
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "nodes/nodeFuncs.h"
#include "nodes/parsenodes.h"
#include "utils/lsyscache.h"

namespace {

/* The first output column of a sublink's (analyzed) subquery. */
const TargetEntry *SublinkFirstColumn(const SubLink *sublink)
{
	const Query *q = reinterpret_cast<const Query *>(sublink->subselect);
	if (q == nullptr || !IsA(q, Query))
		return nullptr;
	ListCell *lc;
	foreach (lc, q->targetList)
	{
		auto *tle = static_cast<const TargetEntry *>(lfirst(lc));
		if (!tle->resjunk)
			return tle;
	}
	return nullptr;
}

Oid SublinkType(const SubLink *sublink)
{
	/* A multiple-column UPDATE's sub-SELECT: its columns go to params. */
	if (sublink->subLinkType == MULTIEXPR_SUBLINK)
		return RECORDOID;
	if (sublink->subLinkType != EXPR_SUBLINK && sublink->subLinkType != ARRAY_SUBLINK)
		return BOOLOID;
	const TargetEntry *tle = SublinkFirstColumn(sublink);
	if (tle == nullptr)
		elog(ERROR, "cannot get type for untransformed sublink");
	Oid type = exprType(reinterpret_cast<const Node *>(tle->expr));
	if (sublink->subLinkType == ARRAY_SUBLINK)
		return get_array_type(type);
	return type;
}

Oid SubPlanType(const SubPlan *sp)
{
	if (sp->subLinkType == MULTIEXPR_SUBLINK)
		return RECORDOID;
	if (sp->subLinkType == EXPR_SUBLINK)
		return sp->firstColType;
	if (sp->subLinkType == ARRAY_SUBLINK)
		return get_array_type(sp->firstColType);
	return BOOLOID;
}

}  // namespace

namespace {

int LeftmostLocation(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

}  // namespace

Oid exprType(const Node *expr)
{
	if (expr == nullptr)
		return InvalidOid;
	switch (nodeTag(expr))
	{
		case T_Var:
			return reinterpret_cast<const Var *>(expr)->vartype;
		case T_Const:
			return reinterpret_cast<const Const *>(expr)->consttype;
		case T_Param:
			return reinterpret_cast<const Param *>(expr)->paramtype;
		case T_FuncExpr:
			return reinterpret_cast<const FuncExpr *>(expr)->funcresulttype;
		case T_Aggref:
			return reinterpret_cast<const Aggref *>(expr)->aggtype;
		case T_WindowFunc:
			return reinterpret_cast<const WindowFunc *>(expr)->wintype;
		case T_OpExpr:
		case T_DistinctExpr:
		case T_NullIfExpr:
			return reinterpret_cast<const OpExpr *>(expr)->opresulttype;
		case T_ScalarArrayOpExpr:
		case T_BoolExpr:
		case T_NullTest:
		case T_BooleanTest:
			return BOOLOID;
		case T_RelabelType:
			return reinterpret_cast<const RelabelType *>(expr)->resulttype;
		case T_CoerceToDomain:
			return reinterpret_cast<const CoerceToDomain *>(expr)->resulttype;
		case T_CoerceToDomainValue:
			return reinterpret_cast<const CoerceToDomainValue *>(expr)->typeId;
		case T_CoerceViaIO:
			return reinterpret_cast<const CoerceViaIO *>(expr)->resulttype;
		case T_CollateExpr:
			return exprType(
				reinterpret_cast<const Node *>(reinterpret_cast<const CollateExpr *>(expr)->arg));
		case T_ArrayCoerceExpr:
			return reinterpret_cast<const ArrayCoerceExpr *>(expr)->resulttype;
		case T_CaseTestExpr:
			return reinterpret_cast<const CaseTestExpr *>(expr)->typeId;
		case T_CaseExpr:
			return reinterpret_cast<const CaseExpr *>(expr)->casetype;
		case T_CaseWhen:
			return exprType(
				reinterpret_cast<const Node *>(reinterpret_cast<const CaseWhen *>(expr)->result));
		case T_CoalesceExpr:
			return reinterpret_cast<const CoalesceExpr *>(expr)->coalescetype;
		case T_NamedArgExpr:
			return exprType(
				reinterpret_cast<const Node *>(reinterpret_cast<const NamedArgExpr *>(expr)->arg));
		case T_ArrayExpr:
			return reinterpret_cast<const ArrayExpr *>(expr)->array_typeid;
		case T_SubscriptingRef:
			return reinterpret_cast<const SubscriptingRef *>(expr)->refrestype;
		case T_MinMaxExpr:
			return reinterpret_cast<const MinMaxExpr *>(expr)->minmaxtype;
		case T_TargetEntry:
			return exprType(
				reinterpret_cast<const Node *>(reinterpret_cast<const TargetEntry *>(expr)->expr));
		case T_SubLink:
			return SublinkType(reinterpret_cast<const SubLink *>(expr));
		case T_SubPlan:
			return SubPlanType(reinterpret_cast<const SubPlan *>(expr));
		case T_RowExpr:
			return reinterpret_cast<const RowExpr *>(expr)->row_typeid;
		case T_FieldSelect:
			return reinterpret_cast<const FieldSelect *>(expr)->resulttype;
		case T_RowCompareExpr:
			return BOOLOID;
		default:
			elog(ERROR, "unrecognized node type: %s", nodeTagName(nodeTag(expr)));
	}
}

int32 exprTypmod(const Node *expr)
{
	if (expr == nullptr)
		return -1;
	switch (nodeTag(expr))
	{
		case T_Var:
			return reinterpret_cast<const Var *>(expr)->vartypmod;
		case T_Const:
			return reinterpret_cast<const Const *>(expr)->consttypmod;
		case T_Param:
			return reinterpret_cast<const Param *>(expr)->paramtypmod;
		case T_RelabelType:
			return reinterpret_cast<const RelabelType *>(expr)->resulttypmod;
		case T_CoerceToDomain:
			return reinterpret_cast<const CoerceToDomain *>(expr)->resulttypmod;
		case T_CoerceToDomainValue:
			return reinterpret_cast<const CoerceToDomainValue *>(expr)->typeMod;
		case T_FuncExpr:
		{
			/* A length coercion (a cast function given the target typmod,
			 * such as varchar(x, 10, false) or bit(5, 8)) yields that
			 * typmod, as PostgreSQL's exprIsLengthCoercion says. */
			auto *f = reinterpret_cast<const FuncExpr *>(expr);
			if ((f->funcformat != COERCE_EXPLICIT_CAST && f->funcformat != COERCE_IMPLICIT_CAST) ||
				list_length(f->args) < 2)
				return -1;
			auto *c = reinterpret_cast<const Const *>(lsecond(f->args));
			if (!IsA(c, Const) || c->consttype != INT4OID || c->constisnull)
				return -1;
			return DatumGetInt32(c->constvalue);
		}
		case T_CollateExpr:
			return exprTypmod(
				reinterpret_cast<const Node *>(reinterpret_cast<const CollateExpr *>(expr)->arg));
		case T_NamedArgExpr:
			return exprTypmod(
				reinterpret_cast<const Node *>(reinterpret_cast<const NamedArgExpr *>(expr)->arg));
		case T_SubscriptingRef:
			return reinterpret_cast<const SubscriptingRef *>(expr)->reftypmod;
		case T_ArrayCoerceExpr:
			return reinterpret_cast<const ArrayCoerceExpr *>(expr)->resulttypmod;
		case T_CaseTestExpr:
			return reinterpret_cast<const CaseTestExpr *>(expr)->typeMod;
		case T_FieldSelect:
			return reinterpret_cast<const FieldSelect *>(expr)->resulttypmod;
		case T_TargetEntry:
			return exprTypmod(
				reinterpret_cast<const Node *>(reinterpret_cast<const TargetEntry *>(expr)->expr));
		case T_SubLink:
		{
			auto *sublink = reinterpret_cast<const SubLink *>(expr);
			if (sublink->subLinkType != EXPR_SUBLINK)
				return -1;
			const TargetEntry *tle = SublinkFirstColumn(sublink);
			return tle != nullptr ? exprTypmod(reinterpret_cast<const Node *>(tle->expr)) : -1;
		}
		case T_SubPlan:
		{
			auto *sp = reinterpret_cast<const SubPlan *>(expr);
			return sp->subLinkType == EXPR_SUBLINK ? sp->firstColTypmod : -1;
		}
		default:
			return -1;
	}
}

Oid exprCollation(const Node *expr)
{
	if (expr == nullptr)
		return InvalidOid;
	switch (nodeTag(expr))
	{
		case T_Var:
			return reinterpret_cast<const Var *>(expr)->varcollid;
		case T_Const:
			return reinterpret_cast<const Const *>(expr)->constcollid;
		case T_Param:
			return reinterpret_cast<const Param *>(expr)->paramcollid;
		case T_FuncExpr:
			return reinterpret_cast<const FuncExpr *>(expr)->funccollid;
		case T_Aggref:
			return reinterpret_cast<const Aggref *>(expr)->aggcollid;
		case T_WindowFunc:
			return reinterpret_cast<const WindowFunc *>(expr)->wincollid;
		case T_OpExpr:
		case T_DistinctExpr:
		case T_NullIfExpr:
			return reinterpret_cast<const OpExpr *>(expr)->opcollid;
		case T_RelabelType:
			return reinterpret_cast<const RelabelType *>(expr)->resultcollid;
		case T_CoerceToDomain:
			return reinterpret_cast<const CoerceToDomain *>(expr)->resultcollid;
		case T_CoerceToDomainValue:
			return reinterpret_cast<const CoerceToDomainValue *>(expr)->collation;
		case T_CoerceViaIO:
			return reinterpret_cast<const CoerceViaIO *>(expr)->resultcollid;
		case T_CollateExpr:
			return reinterpret_cast<const CollateExpr *>(expr)->collOid;
		case T_ArrayCoerceExpr:
			return reinterpret_cast<const ArrayCoerceExpr *>(expr)->resultcollid;
		case T_CaseTestExpr:
			return reinterpret_cast<const CaseTestExpr *>(expr)->collation;
		case T_CaseExpr:
			return reinterpret_cast<const CaseExpr *>(expr)->casecollid;
		case T_CoalesceExpr:
			return reinterpret_cast<const CoalesceExpr *>(expr)->coalescecollid;
		case T_NamedArgExpr:
			return exprCollation(
				reinterpret_cast<const Node *>(reinterpret_cast<const NamedArgExpr *>(expr)->arg));
		case T_ArrayExpr:
			return reinterpret_cast<const ArrayExpr *>(expr)->array_collid;
		case T_SubscriptingRef:
			return reinterpret_cast<const SubscriptingRef *>(expr)->refcollid;
		case T_MinMaxExpr:
			return reinterpret_cast<const MinMaxExpr *>(expr)->minmaxcollid;
		case T_FieldSelect:
			return reinterpret_cast<const FieldSelect *>(expr)->resultcollid;
		case T_TargetEntry:
			return exprCollation(
				reinterpret_cast<const Node *>(reinterpret_cast<const TargetEntry *>(expr)->expr));
		case T_SubLink:
		{
			auto *sublink = reinterpret_cast<const SubLink *>(expr);
			if (sublink->subLinkType != EXPR_SUBLINK && sublink->subLinkType != ARRAY_SUBLINK)
				return InvalidOid;
			const TargetEntry *tle = SublinkFirstColumn(sublink);
			return tle != nullptr ? exprCollation(reinterpret_cast<const Node *>(tle->expr))
								  : InvalidOid;
		}
		case T_SubPlan:
		{
			auto *sp = reinterpret_cast<const SubPlan *>(expr);
			return sp->subLinkType == EXPR_SUBLINK || sp->subLinkType == ARRAY_SUBLINK
				? sp->firstColCollation
				: InvalidOid;
		}
		default:
			return InvalidOid;
	}
}

int exprLocation(const Node *expr)
{
	if (expr == nullptr)
		return -1;
	switch (nodeTag(expr))
	{
		case T_Var:
			return reinterpret_cast<const Var *>(expr)->location;
		case T_Const:
			return reinterpret_cast<const Const *>(expr)->location;
		case T_Param:
			return reinterpret_cast<const Param *>(expr)->location;
		case T_FuncExpr:
		{
			auto *f = reinterpret_cast<const FuncExpr *>(expr);
			return LeftmostLocation(f->location,
									exprLocation(reinterpret_cast<const Node *>(f->args)));
		}
		case T_Aggref:
			return reinterpret_cast<const Aggref *>(expr)->location;
		case T_WindowFunc:
			return reinterpret_cast<const WindowFunc *>(expr)->location;
		case T_OpExpr:
		case T_DistinctExpr:
		case T_NullIfExpr:
		{
			/* The operator's, or its left argument's if that is before. */
			auto *op = reinterpret_cast<const OpExpr *>(expr);
			return LeftmostLocation(op->location,
									exprLocation(reinterpret_cast<const Node *>(op->args)));
		}
		case T_BoolExpr:
		{
			auto *b = reinterpret_cast<const BoolExpr *>(expr);
			return LeftmostLocation(b->location,
									exprLocation(reinterpret_cast<const Node *>(b->args)));
		}
		case T_List:
		{
			/* A list's first element's. */
			ListCell *lc;
			foreach (lc, reinterpret_cast<const List *>(expr))
			{
				int loc = exprLocation(static_cast<const Node *>(lfirst(lc)));
				if (loc >= 0)
					return loc;
			}
			return -1;
		}
		case T_NullTest:
			return reinterpret_cast<const NullTest *>(expr)->location;
		case T_ArrayExpr:
			return reinterpret_cast<const ArrayExpr *>(expr)->location;
		case T_A_ArrayExpr:
			return reinterpret_cast<const A_ArrayExpr *>(expr)->location;
		case T_RowExpr:
			return reinterpret_cast<const RowExpr *>(expr)->location;
		case T_FieldSelect:
			return exprLocation(
				reinterpret_cast<const Node *>(reinterpret_cast<const FieldSelect *>(expr)->arg));
		case T_RowCompareExpr:
			return exprLocation(reinterpret_cast<const Node *>(
				reinterpret_cast<const RowCompareExpr *>(expr)->largs));
		case T_SubscriptingRef:
			/* The container's: the subscripts come after it. */
			return exprLocation(reinterpret_cast<const Node *>(
				reinterpret_cast<const SubscriptingRef *>(expr)->refexpr));
		case T_ScalarArrayOpExpr:
		{
			auto *op = reinterpret_cast<const ScalarArrayOpExpr *>(expr);
			return LeftmostLocation(op->location,
									exprLocation(reinterpret_cast<const Node *>(op->args)));
		}
		case T_RelabelType:
		{
			/* The cast's, or its argument's if that is before (x::t). */
			auto *r = reinterpret_cast<const RelabelType *>(expr);
			return LeftmostLocation(r->location,
									exprLocation(reinterpret_cast<const Node *>(r->arg)));
		}
		case T_CoerceViaIO:
		{
			auto *c = reinterpret_cast<const CoerceViaIO *>(expr);
			return LeftmostLocation(c->location,
									exprLocation(reinterpret_cast<const Node *>(c->arg)));
		}
		case T_CoerceToDomain:
		{
			auto *c = reinterpret_cast<const CoerceToDomain *>(expr);
			return LeftmostLocation(c->location,
									exprLocation(reinterpret_cast<const Node *>(c->arg)));
		}
		case T_CoerceToDomainValue:
			return reinterpret_cast<const CoerceToDomainValue *>(expr)->location;
		case T_CollateExpr:
		{
			auto *c = reinterpret_cast<const CollateExpr *>(expr);
			return LeftmostLocation(exprLocation(reinterpret_cast<const Node *>(c->arg)),
									c->location);
		}
		case T_ArrayCoerceExpr:
		{
			auto *ac = reinterpret_cast<const ArrayCoerceExpr *>(expr);
			return LeftmostLocation(ac->location,
									exprLocation(reinterpret_cast<const Node *>(ac->arg)));
		}
		case T_CaseExpr:
			return reinterpret_cast<const CaseExpr *>(expr)->location;
		case T_CoalesceExpr:
			return reinterpret_cast<const CoalesceExpr *>(expr)->location;
		case T_NamedArgExpr:
		{
			/* The name comes first. */
			const auto *na = reinterpret_cast<const NamedArgExpr *>(expr);
			return LeftmostLocation(na->location,
									exprLocation(reinterpret_cast<const Node *>(na->arg)));
		}
		case T_BooleanTest:
			return reinterpret_cast<const BooleanTest *>(expr)->location;
		case T_TargetEntry:
			return exprLocation(
				reinterpret_cast<const Node *>(reinterpret_cast<const TargetEntry *>(expr)->expr));
		/* Raw parse trees (the analyzer reports errors at them). */
		case T_A_Const:
			return reinterpret_cast<const A_Const *>(expr)->location;
		case T_ColumnRef:
			return reinterpret_cast<const ColumnRef *>(expr)->location;
		case T_ParamRef:
			return reinterpret_cast<const ParamRef *>(expr)->location;
		case T_A_Expr:
		{
			/* The left operand's position, if it has one (PostgreSQL's rule). */
			const A_Expr *a = reinterpret_cast<const A_Expr *>(expr);
			int left = exprLocation(a->lexpr);
			return left >= 0 && left < a->location ? left : a->location;
		}
		case T_FuncCall:
			return reinterpret_cast<const FuncCall *>(expr)->location;
		case T_TypeCast:
		{
			const TypeCast *tc = reinterpret_cast<const TypeCast *>(expr);
			int arg = exprLocation(tc->arg);
			return arg >= 0 && (tc->location < 0 || arg < tc->location) ? arg : tc->location;
		}
		case T_ResTarget:
			return reinterpret_cast<const ResTarget *>(expr)->location;
		case T_SubLink:
		{
			/* PostgreSQL reports a comparison's left side's location. */
			auto *sublink = reinterpret_cast<const SubLink *>(expr);
			int loc = exprLocation(sublink->testexpr);
			return loc >= 0 ? loc : sublink->location;
		}
		case T_SetToDefault:
			return reinterpret_cast<const SetToDefault *>(expr)->location;
		default:
			return -1;
	}
}
