/*
 * exprfuncs.cpp — an expression's type, typmod, collation and location
 * (nodes/nodeFuncs.h).
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "nodes/nodeFuncs.h"

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
		case T_CoerceViaIO:
			return reinterpret_cast<const CoerceViaIO *>(expr)->resulttype;
		case T_CaseExpr:
			return reinterpret_cast<const CaseExpr *>(expr)->casetype;
		case T_CaseWhen:
			return exprType(
				reinterpret_cast<const Node *>(reinterpret_cast<const CaseWhen *>(expr)->result));
		case T_CoalesceExpr:
			return reinterpret_cast<const CoalesceExpr *>(expr)->coalescetype;
		case T_MinMaxExpr:
			return reinterpret_cast<const MinMaxExpr *>(expr)->minmaxtype;
		case T_TargetEntry:
			return exprType(
				reinterpret_cast<const Node *>(reinterpret_cast<const TargetEntry *>(expr)->expr));
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
		case T_TargetEntry:
			return exprTypmod(
				reinterpret_cast<const Node *>(reinterpret_cast<const TargetEntry *>(expr)->expr));
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
		case T_OpExpr:
		case T_DistinctExpr:
		case T_NullIfExpr:
			return reinterpret_cast<const OpExpr *>(expr)->opcollid;
		case T_RelabelType:
			return reinterpret_cast<const RelabelType *>(expr)->resultcollid;
		case T_CoerceViaIO:
			return reinterpret_cast<const CoerceViaIO *>(expr)->resultcollid;
		case T_CaseExpr:
			return reinterpret_cast<const CaseExpr *>(expr)->casecollid;
		case T_CoalesceExpr:
			return reinterpret_cast<const CoalesceExpr *>(expr)->coalescecollid;
		case T_MinMaxExpr:
			return reinterpret_cast<const MinMaxExpr *>(expr)->minmaxcollid;
		case T_TargetEntry:
			return exprCollation(
				reinterpret_cast<const Node *>(reinterpret_cast<const TargetEntry *>(expr)->expr));
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
			return reinterpret_cast<const FuncExpr *>(expr)->location;
		case T_Aggref:
			return reinterpret_cast<const Aggref *>(expr)->location;
		case T_OpExpr:
		case T_DistinctExpr:
		case T_NullIfExpr:
			return reinterpret_cast<const OpExpr *>(expr)->location;
		case T_BoolExpr:
			return reinterpret_cast<const BoolExpr *>(expr)->location;
		case T_NullTest:
			return reinterpret_cast<const NullTest *>(expr)->location;
		case T_RelabelType:
			return reinterpret_cast<const RelabelType *>(expr)->location;
		case T_CoerceViaIO:
			return reinterpret_cast<const CoerceViaIO *>(expr)->location;
		case T_CaseExpr:
			return reinterpret_cast<const CaseExpr *>(expr)->location;
		case T_CoalesceExpr:
			return reinterpret_cast<const CoalesceExpr *>(expr)->location;
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
		case T_SetToDefault:
			return reinterpret_cast<const SetToDefault *>(expr)->location;
		default:
			return -1;
	}
}
