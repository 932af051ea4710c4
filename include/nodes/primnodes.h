/*
 * nodes/primnodes.h — expression nodes, shared by analyzed queries and
 * plans (PostgreSQL's primnodes.h: same node names, same fields).
 *
 * See nodes/nodes.h for how a field list becomes a struct and functions.
 * Every expression node begins with an Expr (just the tag), so code can
 * treat any of them as an Expr *.
 */
#ifndef TUSK_NODES_PRIMNODES_H
#define TUSK_NODES_PRIMNODES_H

#include "nodes/bitmapset.h"
#include "nodes/pg_list.h"

/* ---- names of relations ---- */

#define NODE_Alias(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, aliasname) /* the alias */ \
	F(NODE, List *, colnames)	 /* column aliases (String nodes) */
TUSK_DEFINE_NODE(Alias)

/* A relation named in a statement, before it is looked up. */
#define NODE_RangeVar(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, catalogname) \
	F(STRING, char *, schemaname) \
	F(STRING, char *, relname) \
	F(SCALAR, bool, inh)			/* include inheritance children (no ONLY) */ \
	F(SCALAR, char, relpersistence) /* RELPERSISTENCE_PERMANENT/UNLOGGED/TEMP */ \
	F(NODE, Alias *, alias) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(RangeVar)

/* RangeVar.relpersistence (PostgreSQL's pg_class.relpersistence values). */
#ifndef RELPERSISTENCE_PERMANENT
#define RELPERSISTENCE_PERMANENT 'p'
#define RELPERSISTENCE_UNLOGGED 'u'
#define RELPERSISTENCE_TEMP 't'
#endif

/* What a temporary table does at COMMIT. */
typedef enum OnCommitAction
{
	ONCOMMIT_NOOP,			/* no ON COMMIT clause */
	ONCOMMIT_PRESERVE_ROWS, /* ON COMMIT PRESERVE ROWS */
	ONCOMMIT_DELETE_ROWS,	/* ON COMMIT DELETE ROWS */
	ONCOMMIT_DROP			/* ON COMMIT DROP */
} OnCommitAction;

/* The target of SELECT INTO and CREATE TABLE AS. */
#define NODE_IntoClause(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, rel)		/* the table to create */ \
	F(NODE, List *, colNames)		/* column names (String nodes), or NIL */ \
	F(STRING, char *, accessMethod) /* USING method, or NULL */ \
	F(NODE, List *, options)		/* WITH (…) options (DefElems) */ \
	F(SCALAR, OnCommitAction, onCommit) \
	F(STRING, char *, tableSpaceName) /* TABLESPACE, or NULL */ \
	F(NODE, Node *, viewQuery)		  /* materialized view's query (unused) */ \
	F(SCALAR, bool, skipData)		  /* WITH NO DATA */
TUSK_DEFINE_NODE(IntoClause)

/* ---- expressions ---- */

#define NODE_Expr(F) F(TAG, NodeTag, type)
TUSK_DEFINE_NODE(Expr)

/* Special varno values, as PostgreSQL's. */
#define INNER_VAR (-1)
#define OUTER_VAR (-2)
#define INDEX_VAR (-3)
#define ROWID_VAR (-4)

/* A column of a range-table entry (or, in plans, of a child's output). */
#define NODE_Var(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, int, varno)			/* range-table index, or INNER_VAR … */ \
	F(SCALAR, AttrNumber, varattno) /* column number, 0 for the whole row */ \
	F(SCALAR, Oid, vartype) \
	F(SCALAR, int32, vartypmod) \
	F(SCALAR, Oid, varcollid) \
	F(SCALAR, Index, varlevelsup) /* 0: this query level; k: k levels up */ \
	F(SYNTAX, Index, varnosyn)	  /* varno as written: a join's, say (deparsing) */ \
	F(SYNTAX, AttrNumber, varattnosyn) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(Var)

/* A constant.  constvalue is by value when constbyval, else a pointer to
 * the value's bytes (constlen of them, or a varlena when constlen is -1,
 * or a C string when -2). */
#define NODE_Const(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, consttype) \
	F(SCALAR, int32, consttypmod) \
	F(SCALAR, Oid, constcollid) \
	F(SCALAR, int, constlen) \
	F(SCALAR, bool, constisnull) \
	F(SCALAR, bool, constbyval) \
	F(DATUM, Datum, constvalue) /* after constbyval: reading it needs that */ \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(Const)

/* An aggregate call (count(*), sum(x) …).  args are TargetEntries (so
 * ORDER BY/DISTINCT inside the call can refer to them); the executor's
 * Agg node computes it, the expression only reads the result (aggno). */
#define NODE_Aggref(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, aggfnoid) \
	F(SCALAR, Oid, aggtype) \
	F(SCALAR, Oid, aggcollid) \
	F(SCALAR, Oid, inputcollid) \
	F(SCALAR, Oid, aggtranstype) \
	F(NODE, List *, aggargtypes) /* OidList: the argument types */ \
	F(NODE, List *, aggdirectargs) \
	F(NODE, List *, args)	  /* TargetEntries */ \
	F(NODE, List *, aggorder) /* SortGroupClauses */ \
	F(NODE, List *, aggdistinct) \
	F(NODE, Expr *, aggfilter) /* FILTER (WHERE …) */ \
	F(SCALAR, bool, aggstar)   /* count(*) */ \
	F(SCALAR, bool, aggvariadic) \
	F(SCALAR, char, aggkind) /* 'n' normal, 'o' ordered-set, 'h' hypothetical */ \
	F(SCALAR, Index, agglevelsup) \
	F(SCALAR, int, aggsplit) \
	F(SCALAR, int, aggno) /* which of the Agg node's results (set by the executor) */ \
	F(SCALAR, int, aggtransno) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(Aggref)

/* A window function call f(args) OVER (…): a true window function
 * (prokind 'w') or an aggregate used as one (winagg).  winref names its
 * WindowClause in the Query; the WindowAgg node computing that window
 * computes the call, the expression only reads the result. */
#define NODE_WindowFunc(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, winfnoid) \
	F(SCALAR, Oid, wintype) \
	F(SCALAR, Oid, wincollid) \
	F(SCALAR, Oid, inputcollid) \
	F(NODE, List *, args) \
	F(NODE, Expr *, aggfilter) /* FILTER (WHERE …), aggregates only */ \
	F(SCALAR, Index, winref) \
	F(SCALAR, bool, winstar) \
	F(SCALAR, bool, winagg) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(WindowFunc)

typedef enum ParamKind
{
	PARAM_EXTERN, /* $n of a prepared statement or protocol Bind */
	PARAM_EXEC,	  /* set by the executor (subplans, nestloop parameters) */
	PARAM_SUBLINK,
	PARAM_MULTIEXPR
} ParamKind;

#define NODE_Param(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, ParamKind, paramkind) \
	F(SCALAR, int, paramid) \
	F(SCALAR, Oid, paramtype) \
	F(SCALAR, int32, paramtypmod) \
	F(SCALAR, Oid, paramcollid) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(Param)

/* How a function call or cast was written, for deparsing. */
typedef enum CoercionForm
{
	COERCE_EXPLICIT_CALL, /* f(x) */
	COERCE_EXPLICIT_CAST, /* CAST(x AS t) or x::t */
	COERCE_IMPLICIT_CAST, /* not written: inserted by the analyzer */
	COERCE_SQL_SYNTAX	  /* SQL syntax such as EXTRACT(… FROM …) */
} CoercionForm;

typedef enum CoercionContext
{
	COERCION_IMPLICIT,
	COERCION_ASSIGNMENT,
	COERCION_PLPGSQL,
	COERCION_EXPLICIT
} CoercionContext;

#define NODE_FuncExpr(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, funcid) \
	F(SCALAR, Oid, funcresulttype) \
	F(SCALAR, bool, funcretset) \
	F(SCALAR, bool, funcvariadic) \
	F(SCALAR, CoercionForm, funcformat) \
	F(SCALAR, Oid, funccollid)	/* the result's collation */ \
	F(SCALAR, Oid, inputcollid) /* the collation the function uses */ \
	F(NODE, List *, args) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(FuncExpr)

#define TUSK_OPEXPR_FIELDS(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, opno)	 /* pg_operator OID */ \
	F(SCALAR, Oid, opfuncid) /* its function (set by the planner if 0) */ \
	F(SCALAR, Oid, opresulttype) \
	F(SCALAR, bool, opretset) \
	F(SCALAR, Oid, opcollid) \
	F(SCALAR, Oid, inputcollid) \
	F(NODE, List *, args) /* one (prefix) or two arguments */ \
	F(LOCATION, int, location)
#define NODE_OpExpr(F) TUSK_OPEXPR_FIELDS(F)
#define NODE_DistinctExpr(F) TUSK_OPEXPR_FIELDS(F) /* a IS DISTINCT FROM b: opno is "=" */
#define NODE_NullIfExpr(F) TUSK_OPEXPR_FIELDS(F)   /* NULLIF(a, b): opno is "=" */
TUSK_DEFINE_NODE(OpExpr)
TUSK_DEFINE_NODE(DistinctExpr)
TUSK_DEFINE_NODE(NullIfExpr)

/* scalar op ANY|ALL (array) */
#define NODE_ScalarArrayOpExpr(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, opno) \
	F(SCALAR, Oid, opfuncid) \
	F(SCALAR, Oid, hashfuncid) \
	F(SCALAR, Oid, negfuncid) \
	F(SCALAR, bool, useOr) /* true for ANY, false for ALL */ \
	F(SCALAR, Oid, inputcollid) \
	F(NODE, List *, args) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(ScalarArrayOpExpr)

typedef enum BoolExprType
{
	AND_EXPR,
	OR_EXPR,
	NOT_EXPR
} BoolExprType;

#define NODE_BoolExpr(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, BoolExprType, boolop) \
	F(NODE, List *, args) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(BoolExpr)

/* A binary-compatible cast: only the type changes. */
#define NODE_RelabelType(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, arg) \
	F(SCALAR, Oid, resulttype) \
	F(SCALAR, int32, resulttypmod) \
	F(SCALAR, Oid, resultcollid) \
	F(SCALAR, CoercionForm, relabelformat) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(RelabelType)

/* A cast through the source's output and the target's input function. */
#define NODE_CoerceViaIO(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, arg) \
	F(SCALAR, Oid, resulttype) \
	F(SCALAR, Oid, resultcollid) \
	F(SCALAR, CoercionForm, coerceformat) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(CoerceViaIO)

/* expr COLLATE name: the argument's value with collation collOid
 * (explicit in collation derivation). */
#define NODE_CollateExpr(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, arg) \
	F(SCALAR, Oid, collOid) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(CollateExpr)

/* Per-element coercion of an array (PostgreSQL's ArrayCoerceExpr): elemexpr
 * coerces one element, read through a CaseTestExpr, and is applied to
 * each element of arg; the result keeps arg's dimensions. */
#define NODE_ArrayCoerceExpr(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, arg) \
	F(NODE, Expr *, elemexpr) \
	F(SCALAR, Oid, resulttype) \
	F(SCALAR, int32, resulttypmod) \
	F(SCALAR, Oid, resultcollid) \
	F(SCALAR, CoercionForm, coerceformat) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(ArrayCoerceExpr)

/* The value being worked on, in an expression that an enclosing node
 * evaluates per value (ArrayCoerceExpr's elemexpr). */
#define NODE_CaseTestExpr(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, typeId) \
	F(SCALAR, int32, typeMod) \
	F(SCALAR, Oid, collation)
TUSK_DEFINE_NODE(CaseTestExpr)

#define NODE_CaseExpr(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, casetype) \
	F(SCALAR, Oid, casecollid) \
	F(NODE, Expr *, arg)  /* CASE arg WHEN …, or NULL */ \
	F(NODE, List *, args) /* CaseWhens */ \
	F(NODE, Expr *, defresult) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(CaseExpr)

#define NODE_CaseWhen(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, expr) \
	F(NODE, Expr *, result) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(CaseWhen)

#define NODE_CoalesceExpr(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, coalescetype) \
	F(SCALAR, Oid, coalescecollid) \
	F(NODE, List *, args) \
	F(SYNTAX, bool, merged) /* a full join's merged USING column (deparsing) */ \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(CoalesceExpr)

/* ARRAY[e1, e2, …]: a one-dimensional array of the elements, or with
 * multidims (ARRAY[[…], […]], or elements that are arrays) the element
 * arrays stacked into one more dimension. */
#define NODE_ArrayExpr(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, array_typeid) \
	F(SCALAR, Oid, array_collid) \
	F(SCALAR, Oid, element_typeid) \
	F(NODE, List *, elements) \
	F(SCALAR, bool, multidims) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(ArrayExpr)

/* container[sub]…: a subscripted fetch from, or (refassgnexpr set) an
 * assignment into, a value of a subscriptable type (pg_type.typsubscript
 * names its handler, which the parser asks to check and type the
 * subscripts).  reflowerindexpr is NIL for a plain fetch/store, else one
 * entry per dimension (NULL for an omitted lower bound of a slice), as
 * is refupperindexpr (NULL: omitted upper bound). */
#define NODE_SubscriptingRef(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, refcontainertype) \
	F(SCALAR, Oid, refelemtype) \
	F(SCALAR, Oid, refrestype) \
	F(SCALAR, int32, reftypmod) \
	F(SCALAR, Oid, refcollid) \
	F(NODE, List *, refupperindexpr) \
	F(NODE, List *, reflowerindexpr) \
	F(NODE, Expr *, refexpr) \
	F(NODE, Expr *, refassgnexpr)
TUSK_DEFINE_NODE(SubscriptingRef)

typedef enum MinMaxOp
{
	IS_GREATEST,
	IS_LEAST
} MinMaxOp;

#define NODE_MinMaxExpr(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, minmaxtype) \
	F(SCALAR, Oid, minmaxcollid) \
	F(SCALAR, Oid, inputcollid) \
	F(SCALAR, MinMaxOp, op) \
	F(NODE, List *, args) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(MinMaxExpr)

typedef enum NullTestType
{
	IS_NULL,
	IS_NOT_NULL
} NullTestType;

#define NODE_NullTest(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, arg) \
	F(SCALAR, NullTestType, nulltesttype) \
	F(SCALAR, bool, argisrow) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(NullTest)

typedef enum BoolTestType
{
	IS_TRUE,
	IS_NOT_TRUE,
	IS_FALSE,
	IS_NOT_FALSE,
	IS_UNKNOWN,
	IS_NOT_UNKNOWN
} BoolTestType;

#define NODE_BooleanTest(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, arg) \
	F(SCALAR, BoolTestType, booltesttype) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(BooleanTest)

/* name => value in a function call's arguments. */
#define NODE_NamedArgExpr(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, arg) \
	F(STRING, char *, name) \
	F(SCALAR, int, argnumber) /* position once matched, -1 before */ \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(NamedArgExpr)

typedef enum SubLinkType
{
	EXISTS_SUBLINK,		/* EXISTS (SELECT …) */
	ALL_SUBLINK,		/* x op ALL (SELECT …) */
	ANY_SUBLINK,		/* x op ANY (SELECT …), x IN (SELECT …) */
	ROWCOMPARE_SUBLINK, /* (x, y) op (SELECT …) */
	EXPR_SUBLINK,		/* (SELECT …) as a scalar */
	MULTIEXPR_SUBLINK,	/* UPDATE … SET (a, b) = (SELECT …) */
	ARRAY_SUBLINK,		/* ARRAY (SELECT …) */
	CTE_SUBLINK			/* only in SubPlans */
} SubLinkType;

/* A subquery in an expression.  The parser leaves subselect a raw
 * SelectStmt and operName the operator as written (NIL for IN). */
#define NODE_SubLink(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, SubLinkType, subLinkType) \
	F(SCALAR, int, subLinkId) /* MULTIEXPR id, else 0 */ \
	F(NODE, Node *, testexpr) \
	F(NODE, List *, operName) \
	F(NODE, Node *, subselect) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(SubLink)

/* A sublink after planning: its subquery is subplans[plan_id - 1] of
 * the PlannedStmt.  args are evaluated in the outer query's row and
 * passed in the PARAM_EXEC slots parParam; the subquery's output columns
 * reach testexpr (x op ANY/ALL) as the PARAM_EXEC slots paramIds.  A
 * SubPlan whose plan uses no PARAM_EXEC slot is computed once per
 * execution of the statement (PostgreSQL's initplan). */
#define NODE_SubPlan(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, SubLinkType, subLinkType) \
	F(NODE, Node *, testexpr) \
	F(NODE, List *, paramIds) \
	F(SCALAR, int, plan_id) \
	F(STRING, char *, plan_name) \
	F(SCALAR, Oid, firstColType) \
	F(SCALAR, int32, firstColTypmod) \
	F(SCALAR, Oid, firstColCollation) \
	F(SCALAR, bool, useHashTable) \
	F(SCALAR, bool, unknownEqFalse) \
	F(SCALAR, bool, parallel_safe) \
	F(NODE, List *, setParam) \
	F(NODE, List *, parParam) \
	F(NODE, List *, args) \
	F(SCALAR, Cost, startup_cost) \
	F(SCALAR, Cost, per_call_cost)
TUSK_DEFINE_NODE(SubPlan)

/* ROW(…) or (a, b, …). */
#define NODE_RowExpr(F) \
	F(BASE, Expr, xpr) \
	F(NODE, List *, args) \
	F(SCALAR, Oid, row_typeid) \
	F(SCALAR, CoercionForm, row_format) /* EXPLICIT_CALL for ROW(…), IMPLICIT_CAST for (…) */ \
	F(NODE, List *, colnames) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(RowExpr)

/* (row).field: column fieldnum (1-based) of a composite value. */
#define NODE_FieldSelect(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, arg) \
	F(SCALAR, AttrNumber, fieldnum) \
	F(SCALAR, Oid, resulttype) \
	F(SCALAR, int32, resulttypmod) \
	F(SCALAR, Oid, resultcollid)
TUSK_DEFINE_NODE(FieldSelect)

/* ROW(a, b) < ROW(c, d) (PostgreSQL's RowCompareExpr): the pairs are
 * compared in order with their B-tree families' comparison functions,
 * and the first unequal pair decides; a NULL in a pair compared makes
 * the result NULL.  (= and <> become AND/OR of the pairs instead.) */
typedef enum RowCompareType
{
	ROWCOMPARE_LT = 1,
	ROWCOMPARE_LE = 2,
	ROWCOMPARE_EQ = 3,
	ROWCOMPARE_GE = 4,
	ROWCOMPARE_GT = 5,
	ROWCOMPARE_NE = 6
} RowCompareType;

#define NODE_RowCompareExpr(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, RowCompareType, rctype) \
	F(NODE, List *, opnos)		  /* OidList: each pair's operator */ \
	F(NODE, List *, opfamilies)	  /* OidList: the B-tree family it belongs to */ \
	F(NODE, List *, inputcollids) /* OidList */ \
	F(NODE, List *, largs) \
	F(NODE, List *, rargs)
TUSK_DEFINE_NODE(RowCompareExpr)

/* The SQL-standard niladic functions (CURRENT_DATE, CURRENT_USER, …). */
typedef enum SQLValueFunctionOp
{
	SVFOP_CURRENT_DATE,
	SVFOP_CURRENT_TIME,
	SVFOP_CURRENT_TIME_N,
	SVFOP_CURRENT_TIMESTAMP,
	SVFOP_CURRENT_TIMESTAMP_N,
	SVFOP_LOCALTIME,
	SVFOP_LOCALTIME_N,
	SVFOP_LOCALTIMESTAMP,
	SVFOP_LOCALTIMESTAMP_N,
	SVFOP_CURRENT_ROLE,
	SVFOP_CURRENT_USER,
	SVFOP_USER,
	SVFOP_SESSION_USER,
	SVFOP_CURRENT_CATALOG,
	SVFOP_CURRENT_SCHEMA
} SQLValueFunctionOp;

#define NODE_SQLValueFunction(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, SQLValueFunctionOp, op) \
	F(SCALAR, Oid, type) \
	F(SCALAR, int32, typmod) /* the (p) of CURRENT_TIME(p) …, else -1 */ \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(SQLValueFunction)

/* DEFAULT in INSERT … VALUES and UPDATE … SET. */
#define NODE_SetToDefault(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, typeId) \
	F(SCALAR, int32, typeMod) \
	F(SCALAR, Oid, collation) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(SetToDefault)

/* WHERE CURRENT OF cursor. */
#define NODE_CurrentOfExpr(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Index, cvarno) \
	F(STRING, char *, cursor_name) \
	F(SCALAR, int, cursor_param)
TUSK_DEFINE_NODE(CurrentOfExpr)

/* GROUPING(a, b, …) */
#define NODE_GroupingFunc(F) \
	F(BASE, Expr, xpr) \
	F(NODE, List *, args) \
	F(NODE, List *, refs) \
	F(NODE, List *, cols) \
	F(SCALAR, Index, agglevelsup) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(GroupingFunc)

/* ---- the parts of a query ---- */

/* One column of a target list (SELECT's output, INSERT's values, …). */
#define NODE_TargetEntry(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, expr) \
	F(SCALAR, AttrNumber, resno)	  /* 1, 2, … */ \
	F(STRING, char *, resname)		  /* the column's name, or NULL */ \
	F(SCALAR, Index, ressortgroupref) /* referenced by ORDER/GROUP BY if > 0 */ \
	F(SCALAR, Oid, resorigtbl)		  /* the table column it comes from … */ \
	F(SCALAR, AttrNumber, resorigcol) /* … (RowDescription reports them) */ \
	F(SCALAR, bool, resjunk)		  /* needed internally, not output */
TUSK_DEFINE_NODE(TargetEntry)

#define NODE_RangeTblRef(F) F(TAG, NodeTag, type) F(SCALAR, int, rtindex)
TUSK_DEFINE_NODE(RangeTblRef)

/* FROM list and WHERE of a query level. */
#define NODE_FromExpr(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, fromlist) \
	F(NODE, Node *, quals)
TUSK_DEFINE_NODE(FromExpr)

/* A join in FROM: larg JOIN rarg ON quals | USING (…) | NATURAL. */
#define NODE_JoinExpr(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, JoinType, jointype) \
	F(SCALAR, bool, isNatural) \
	F(NODE, Node *, larg) \
	F(NODE, Node *, rarg) \
	F(NODE, List *, usingClause)	   /* USING column names (String nodes) */ \
	F(NODE, Alias *, join_using_alias) /* USING (…) AS alias */ \
	F(NODE, Node *, quals)			   /* ON condition */ \
	F(NODE, Alias *, alias) \
	F(SCALAR, int, rtindex)
TUSK_DEFINE_NODE(JoinExpr)

/* One element of ON CONFLICT's inference specification: a column or
 * expression of the target table, with the collation and operator class
 * it must be indexed with (InvalidOid: any). */
#define NODE_InferenceElem(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Node *, expr) \
	F(SCALAR, Oid, infercollid) \
	F(SCALAR, Oid, inferopclass)
TUSK_DEFINE_NODE(InferenceElem)

/* INSERT's ON CONFLICT clause after analysis (Query.onConflict): the
 * inference specification (arbiterElems and arbiterWhere, over the target
 * table) or the named constraint, and for DO UPDATE the new row (a
 * complete target list in column order) and its WHERE, over the existing
 * row (the target table's Vars) and the proposed one (Vars of the
 * "excluded" range-table entry exclRelIndex). */
#define NODE_OnConflictExpr(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, OnConflictAction, action) \
	F(NODE, List *, arbiterElems) \
	F(NODE, Node *, arbiterWhere) \
	F(SCALAR, Oid, constraint) \
	F(NODE, List *, onConflictSet) \
	F(NODE, Node *, onConflictWhere) \
	F(SCALAR, int, exclRelIndex) \
	F(NODE, List *, exclRelTlist)
TUSK_DEFINE_NODE(OnConflictExpr)

/* A value of arg's type (the domain's base type) made a value of domain
 * resulttype: the executor checks the domain's NOT NULL and CHECK
 * constraints (its base domains' too) on it, as PostgreSQL's
 * CoerceToDomain. */
#define NODE_CoerceToDomain(F) \
	F(BASE, Expr, xpr) \
	F(NODE, Expr *, arg) \
	F(SCALAR, Oid, resulttype) \
	F(SCALAR, int32, resulttypmod) \
	F(SCALAR, Oid, resultcollid) \
	F(SCALAR, CoercionForm, coercionformat) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(CoerceToDomain)

/* VALUE in a domain's CHECK expression: the value being checked, of the
 * domain's base type. */
#define NODE_CoerceToDomainValue(F) \
	F(BASE, Expr, xpr) \
	F(SCALAR, Oid, typeId) \
	F(SCALAR, int32, typeMod) \
	F(SCALAR, Oid, collation) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(CoerceToDomainValue)

#endif /* TUSK_NODES_PRIMNODES_H */
