/*
 * makefuncs.cpp — building common nodes (nodes/makefuncs.h).
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "nodes/makefuncs.h"
#include "utils/lsyscache.h"

Expr *makeBoolExpr(BoolExprType boolop, List *args, int location)
{
	BoolExpr *b = makeNode(BoolExpr);
	b->boolop = boolop;
	b->args = args;
	b->location = location;
	return reinterpret_cast<Expr *>(b);
}

Var *makeVar(int varno, AttrNumber varattno, Oid vartype, int32 vartypmod, Oid varcollid,
			 Index varlevelsup)
{
	Var *var = makeNode(Var);
	var->varno = varno;
	var->varattno = varattno;
	var->vartype = vartype;
	var->vartypmod = vartypmod;
	var->varcollid = varcollid;
	var->varlevelsup = varlevelsup;
	var->varnosyn = static_cast<Index>(varno);
	var->varattnosyn = varattno;
	var->location = -1;
	return var;
}

TargetEntry *makeTargetEntry(Expr *expr, AttrNumber resno, char *resname, bool resjunk)
{
	TargetEntry *tle = makeNode(TargetEntry);
	tle->expr = expr;
	tle->resno = resno;
	tle->resname = resname;
	tle->resjunk = resjunk;
	return tle;
}

Const *makeNullConst(Oid consttype, int32 consttypmod, Oid constcollid)
{
	int16 typlen;
	bool typbyval;
	get_typlenbyval(consttype, &typlen, &typbyval);
	Const *c = makeNode(Const);
	c->consttype = consttype;
	c->consttypmod = consttypmod;
	c->constcollid = constcollid;
	c->constlen = typlen;
	c->constbyval = typbyval;
	c->constisnull = true;
	c->location = -1;
	return c;
}

Node *makeBoolConst(bool value, bool isnull)
{
	Const *c = makeNullConst(BOOLOID, -1, InvalidOid);
	c->constisnull = isnull;
	c->constvalue = isnull ? 0 : BoolGetDatum(value);
	return reinterpret_cast<Node *>(c);
}
