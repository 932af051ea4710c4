/*
 * nodes/parsenodes.h — raw parse trees (the parser's output) and the
 * analyzed Query (PostgreSQL's parsenodes.h: same names and fields).
 *
 * See nodes/nodes.h for how a field list becomes a struct and functions.
 * backend/parser (raw_parser in parser/parser.h) builds these trees; the
 * node names, field names, field order and enum values are PostgreSQL 15's,
 * so a tree prints (nodeToString) and reads like PostgreSQL's.  Fields the
 * parser never sets (OIDs and analysis results that PostgreSQL keeps in the
 * same structs) are kept so that later stages can fill them in.
 *
 * One deliberate difference: PostgreSQL 15's A_Const holds its value as an
 * inline union of value nodes.  Here A_Const.val is a NODE pointer to an
 * Integer, Float, Boolean, String or BitString node, or NULL when isnull
 * is set (the SQL NULL constant); code reads it as IsA(c->val, Integer),
 * intVal(c->val) and so on.
 */
#ifndef TUSK_NODES_PARSENODES_H
#define TUSK_NODES_PARSENODES_H

#include <limits.h>

#include "nodes/primnodes.h"
#include "nodes/value.h"

/* ---- enums shared by several statements ---- */

typedef enum OverridingKind
{
	OVERRIDING_NOT_SET = 0,
	OVERRIDING_USER_VALUE,
	OVERRIDING_SYSTEM_VALUE
} OverridingKind;

typedef enum SortByDir
{
	SORTBY_DEFAULT,
	SORTBY_ASC,
	SORTBY_DESC,
	SORTBY_USING /* not allowed in CREATE INDEX */
} SortByDir;

typedef enum SortByNulls
{
	SORTBY_NULLS_DEFAULT,
	SORTBY_NULLS_FIRST,
	SORTBY_NULLS_LAST
} SortByNulls;

typedef enum SetQuantifier
{
	SET_QUANTIFIER_DEFAULT,
	SET_QUANTIFIER_ALL,
	SET_QUANTIFIER_DISTINCT
} SetQuantifier;

/* LockClauseStrength (FOR UPDATE/SHARE strength) and LockWaitPolicy:
 * wait (the default), SKIP LOCKED or NOWAIT. */
#include "nodes/lockoptions.h"

/* ---- expressions in raw trees ---- */

/* A type as written: names (qualified, String nodes), modifiers, bounds.
 * typemod is -1 unless the grammar fixes it (INTERVAL fields do). */
#define NODE_TypeName(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, names) \
	F(SCALAR, Oid, typeOid) /* set only for types named by OID */ \
	F(SCALAR, bool, setof) \
	F(SCALAR, bool, pct_type) /* %TYPE */ \
	F(NODE, List *, typmods)  /* modifier expressions (A_Consts, ColumnRefs) */ \
	F(SCALAR, int32, typemod) \
	F(NODE, List *, arrayBounds) /* Integer nodes, -1 for [] */ \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(TypeName)

/* A column reference: String nodes, the last possibly an A_Star. */
#define NODE_ColumnRef(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, fields) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(ColumnRef)

/* $n */
#define NODE_ParamRef(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, int, number) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(ParamRef)

typedef enum A_Expr_Kind
{
	AEXPR_OP,			  /* normal operator */
	AEXPR_OP_ANY,		  /* scalar op ANY (array) */
	AEXPR_OP_ALL,		  /* scalar op ALL (array) */
	AEXPR_DISTINCT,		  /* IS DISTINCT FROM: name is "=" */
	AEXPR_NOT_DISTINCT,	  /* IS NOT DISTINCT FROM: name is "=" */
	AEXPR_NULLIF,		  /* NULLIF: name is "=" */
	AEXPR_IN,			  /* [NOT] IN: name is "=" or "<>" */
	AEXPR_LIKE,			  /* [NOT] LIKE: name is "~~" or "!~~" */
	AEXPR_ILIKE,		  /* [NOT] ILIKE: name is "~~*" or "!~~*" */
	AEXPR_SIMILAR,		  /* [NOT] SIMILAR TO: name is "~" or "!~" */
	AEXPR_BETWEEN,		  /* name is "BETWEEN" */
	AEXPR_NOT_BETWEEN,	  /* name is "NOT BETWEEN" */
	AEXPR_BETWEEN_SYM,	  /* name is "BETWEEN SYMMETRIC" */
	AEXPR_NOT_BETWEEN_SYM /* name is "NOT BETWEEN SYMMETRIC" */
} A_Expr_Kind;

/* An operator expression; lexpr is NULL for a prefix operator. */
#define NODE_A_Expr(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, A_Expr_Kind, kind) \
	F(NODE, List *, name) /* operator name, possibly qualified (String nodes) */ \
	F(NODE, Node *, lexpr) \
	F(NODE, Node *, rexpr) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(A_Expr)

/* A literal: val is an Integer, Float, Boolean, String or BitString node,
 * or NULL for the NULL constant (isnull).  See the file comment. */
#define NODE_A_Const(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, val) \
	F(SCALAR, bool, isnull) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(A_Const)

/* arg::typeName, CAST(arg AS typeName), typename 'literal' */
#define NODE_TypeCast(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, arg) \
	F(NODE, TypeName *, typeName) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(TypeCast)

/* arg COLLATE collname */
#define NODE_CollateClause(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, arg) \
	F(NODE, List *, collname) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(CollateClause)

typedef enum RoleSpecType
{
	ROLESPEC_CSTRING,
	ROLESPEC_CURRENT_ROLE,
	ROLESPEC_CURRENT_USER,
	ROLESPEC_SESSION_USER,
	ROLESPEC_PUBLIC
} RoleSpecType;

#define NODE_RoleSpec(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, RoleSpecType, roletype) \
	F(STRING, char *, rolename) /* for ROLESPEC_CSTRING */ \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(RoleSpec)

/* f(args) with everything an aggregate or window call may add. */
#define NODE_FuncCall(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, funcname) \
	F(NODE, List *, args) \
	F(NODE, List *, agg_order)	/* ORDER BY (SortBys) */ \
	F(NODE, Node *, agg_filter) /* FILTER (WHERE …) */ \
	F(NODE, struct WindowDef *, over) \
	F(SCALAR, bool, agg_within_group) \
	F(SCALAR, bool, agg_star) \
	F(SCALAR, bool, agg_distinct) \
	F(SCALAR, bool, func_variadic) \
	F(SCALAR, CoercionForm, funcformat) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(FuncCall)

/* '*' in a target list or column reference. */
#define NODE_A_Star(F) F(TAG, NodeTag, type)
TUSK_DEFINE_NODE(A_Star)

/* [uidx] or [lidx:uidx] */
#define NODE_A_Indices(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, bool, is_slice) \
	F(NODE, Node *, lidx) \
	F(NODE, Node *, uidx)
TUSK_DEFINE_NODE(A_Indices)

/* arg followed by subscripts, field names and '*'. */
#define NODE_A_Indirection(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, arg) \
	F(NODE, List *, indirection)
TUSK_DEFINE_NODE(A_Indirection)

/* ARRAY[…] */
#define NODE_A_ArrayExpr(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, elements) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(A_ArrayExpr)

/* A target-list item (SELECT's output; name is its alias), an INSERT
 * column (name plus subscripts/fields), or UPDATE's SET target. */
#define NODE_ResTarget(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, name) \
	F(NODE, List *, indirection) \
	F(NODE, Node *, val) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(ResTarget)

/* One column of UPDATE … SET (a, b) = row-valued source. */
#define NODE_MultiAssignRef(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, source) \
	F(SCALAR, int, colno) \
	F(SCALAR, int, ncolumns)
TUSK_DEFINE_NODE(MultiAssignRef)

/* ORDER BY item. location is that of USING's operator, else -1. */
#define NODE_SortBy(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, node) \
	F(SCALAR, SortByDir, sortby_dir) \
	F(SCALAR, SortByNulls, sortby_nulls) \
	F(NODE, List *, useOp) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(SortBy)

/* WINDOW w AS (…) or OVER (…) / OVER w. */
#define NODE_WindowDef(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, name) \
	F(STRING, char *, refname) \
	F(NODE, List *, partitionClause) \
	F(NODE, List *, orderClause) \
	F(SCALAR, int, frameOptions) /* FRAMEOPTION_* bits */ \
	F(NODE, Node *, startOffset) \
	F(NODE, Node *, endOffset) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(WindowDef)

#define FRAMEOPTION_NONDEFAULT 0x00001
#define FRAMEOPTION_RANGE 0x00002
#define FRAMEOPTION_ROWS 0x00004
#define FRAMEOPTION_GROUPS 0x00008
#define FRAMEOPTION_BETWEEN 0x00010
#define FRAMEOPTION_START_UNBOUNDED_PRECEDING 0x00020
#define FRAMEOPTION_END_UNBOUNDED_PRECEDING 0x00040
#define FRAMEOPTION_START_UNBOUNDED_FOLLOWING 0x00080
#define FRAMEOPTION_END_UNBOUNDED_FOLLOWING 0x00100
#define FRAMEOPTION_START_CURRENT_ROW 0x00200
#define FRAMEOPTION_END_CURRENT_ROW 0x00400
#define FRAMEOPTION_START_OFFSET_PRECEDING 0x00800
#define FRAMEOPTION_END_OFFSET_PRECEDING 0x01000
#define FRAMEOPTION_START_OFFSET_FOLLOWING 0x02000
#define FRAMEOPTION_END_OFFSET_FOLLOWING 0x04000
#define FRAMEOPTION_EXCLUDE_CURRENT_ROW 0x08000
#define FRAMEOPTION_EXCLUDE_GROUP 0x10000
#define FRAMEOPTION_EXCLUDE_TIES 0x20000
#define FRAMEOPTION_START_OFFSET \
	(FRAMEOPTION_START_OFFSET_PRECEDING | FRAMEOPTION_START_OFFSET_FOLLOWING)
#define FRAMEOPTION_END_OFFSET (FRAMEOPTION_END_OFFSET_PRECEDING | FRAMEOPTION_END_OFFSET_FOLLOWING)
#define FRAMEOPTION_EXCLUSION \
	(FRAMEOPTION_EXCLUDE_CURRENT_ROW | FRAMEOPTION_EXCLUDE_GROUP | FRAMEOPTION_EXCLUDE_TIES)
#define FRAMEOPTION_DEFAULTS \
	(FRAMEOPTION_RANGE | FRAMEOPTION_START_UNBOUNDED_PRECEDING | FRAMEOPTION_END_CURRENT_ROW)

/* (SELECT …) [AS] alias in FROM. */
#define NODE_RangeSubselect(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, bool, lateral) \
	F(NODE, Node *, subquery) \
	F(NODE, Alias *, alias)
TUSK_DEFINE_NODE(RangeSubselect)

/* f(…) [WITH ORDINALITY] [AS] alias in FROM; functions is a list of
 * two-element lists (the call, its column definitions or NIL). */
#define NODE_RangeFunction(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, bool, lateral) \
	F(SCALAR, bool, ordinality) \
	F(SCALAR, bool, is_rowsfrom) /* ROWS FROM (…) */ \
	F(NODE, List *, functions) \
	F(NODE, Alias *, alias) \
	F(NODE, List *, coldeflist) /* AS (name type, …) for RECORD results */
TUSK_DEFINE_NODE(RangeFunction)

/* relation TABLESAMPLE method (args) [REPEATABLE (seed)] */
#define NODE_RangeTableSample(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, relation) \
	F(NODE, List *, method) \
	F(NODE, List *, args) \
	F(NODE, Node *, repeatable) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(RangeTableSample)

/* A column in CREATE TABLE and ALTER TABLE ADD COLUMN.  identity and
 * generated are the attidentity/attgenerated letters, or '\0'. */
#define NODE_ColumnDef(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, colname) \
	F(NODE, TypeName *, typeName) \
	F(STRING, char *, compression) \
	F(SCALAR, int, inhcount) \
	F(SCALAR, bool, is_local) \
	F(SCALAR, bool, is_not_null) \
	F(SCALAR, bool, is_from_type) \
	F(SCALAR, char, storage) \
	F(NODE, Node *, raw_default) \
	F(NODE, Node *, cooked_default) \
	F(SCALAR, char, identity) \
	F(NODE, RangeVar *, identitySequence) \
	F(SCALAR, char, generated) \
	F(NODE, CollateClause *, collClause) \
	F(SCALAR, Oid, collOid) \
	F(NODE, List *, constraints) /* Constraint nodes */ \
	F(NODE, List *, fdwoptions) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(ColumnDef)

typedef enum TableLikeOption
{
	CREATE_TABLE_LIKE_COMMENTS = 1 << 0,
	CREATE_TABLE_LIKE_COMPRESSION = 1 << 1,
	CREATE_TABLE_LIKE_CONSTRAINTS = 1 << 2,
	CREATE_TABLE_LIKE_DEFAULTS = 1 << 3,
	CREATE_TABLE_LIKE_GENERATED = 1 << 4,
	CREATE_TABLE_LIKE_IDENTITY = 1 << 5,
	CREATE_TABLE_LIKE_INDEXES = 1 << 6,
	CREATE_TABLE_LIKE_STATISTICS = 1 << 7,
	CREATE_TABLE_LIKE_STORAGE = 1 << 8,
	CREATE_TABLE_LIKE_ALL = PG_INT32_MAX
} TableLikeOption;

/* LIKE t [INCLUDING|EXCLUDING …] in CREATE TABLE. */
#define NODE_TableLikeClause(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, relation) \
	F(SCALAR, bits32, options) /* TableLikeOption bits */ \
	F(SCALAR, Oid, relationOid)
TUSK_DEFINE_NODE(TableLikeClause)

/* A column or expression of CREATE INDEX (and of ON CONFLICT's inference). */
#define NODE_IndexElem(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, name) /* column name, or NULL */ \
	F(NODE, Node *, expr)	/* expression, or NULL */ \
	F(STRING, char *, indexcolname) \
	F(NODE, List *, collation) \
	F(NODE, List *, opclass) \
	F(NODE, List *, opclassopts) \
	F(SCALAR, SortByDir, ordering) \
	F(SCALAR, SortByNulls, nulls_ordering)
TUSK_DEFINE_NODE(IndexElem)

typedef enum DefElemAction
{
	DEFELEM_UNSPEC,
	DEFELEM_SET,
	DEFELEM_ADD,
	DEFELEM_DROP
} DefElemAction;

/* name [= value]: options of many statements. */
#define NODE_DefElem(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, defnamespace) \
	F(STRING, char *, defname) \
	F(NODE, Node *, arg) /* Integer, Float, String, Boolean, TypeName, List … */ \
	F(SCALAR, DefElemAction, defaction) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(DefElem)

/* FOR UPDATE/SHARE [OF rels] [NOWAIT | SKIP LOCKED] */
#define NODE_LockingClause(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, lockedRels) \
	F(SCALAR, LockClauseStrength, strength) \
	F(SCALAR, LockWaitPolicy, waitPolicy)
TUSK_DEFINE_NODE(LockingClause)

typedef enum GroupingSetKind
{
	GROUPING_SET_EMPTY,
	GROUPING_SET_SIMPLE,
	GROUPING_SET_ROLLUP,
	GROUPING_SET_CUBE,
	GROUPING_SET_SETS
} GroupingSetKind;

/* (), ROLLUP (…), CUBE (…), GROUPING SETS (…) in GROUP BY. */
#define NODE_GroupingSet(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, GroupingSetKind, kind) \
	F(NODE, List *, content) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(GroupingSet)

/* ---- WITH, ON CONFLICT ---- */

#define NODE_WithClause(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, ctes) /* CommonTableExprs */ \
	F(SCALAR, bool, recursive) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(WithClause)

/* ON CONFLICT (index elements) [WHERE …] | ON CONSTRAINT name */
#define NODE_InferClause(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, indexElems) \
	F(NODE, Node *, whereClause) \
	F(STRING, char *, conname) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(InferClause)

#define NODE_OnConflictClause(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, OnConflictAction, action) \
	F(NODE, InferClause *, infer) \
	F(NODE, List *, targetList) /* DO UPDATE SET (ResTargets) */ \
	F(NODE, Node *, whereClause) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(OnConflictClause)

typedef enum CTEMaterialize
{
	CTEMaterializeDefault,
	CTEMaterializeAlways, /* MATERIALIZED */
	CTEMaterializeNever	  /* NOT MATERIALIZED */
} CTEMaterialize;

/* SEARCH {BREADTH|DEPTH} FIRST BY cols SET col */
#define NODE_CTESearchClause(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, search_col_list) \
	F(SCALAR, bool, search_breadth_first) \
	F(STRING, char *, search_seq_column) \
	F(LOCATION, int, location)
TUSK_DEFINE_NODE(CTESearchClause)

/* CYCLE cols SET col [TO value DEFAULT value] USING col */
#define NODE_CTECycleClause(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, cycle_col_list) \
	F(STRING, char *, cycle_mark_column) \
	F(NODE, Node *, cycle_mark_value) \
	F(NODE, Node *, cycle_mark_default) \
	F(STRING, char *, cycle_path_column) \
	F(LOCATION, int, location) \
	F(SCALAR, Oid, cycle_mark_type) \
	F(SCALAR, int, cycle_mark_typmod) \
	F(SCALAR, Oid, cycle_mark_collation) \
	F(SCALAR, Oid, cycle_mark_neop)
TUSK_DEFINE_NODE(CTECycleClause)

/* name [(cols)] AS [[NOT] MATERIALIZED] (query); the fields after
 * location are set by analysis. */
#define NODE_CommonTableExpr(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, ctename) \
	F(NODE, List *, aliascolnames) \
	F(SCALAR, CTEMaterialize, ctematerialized) \
	F(NODE, Node *, ctequery) \
	F(NODE, CTESearchClause *, search_clause) \
	F(NODE, CTECycleClause *, cycle_clause) \
	F(LOCATION, int, location) \
	F(SCALAR, bool, cterecursive) \
	F(SCALAR, int, cterefcount) \
	F(NODE, List *, ctecolnames) \
	F(NODE, List *, ctecoltypes) \
	F(NODE, List *, ctecoltypmods) \
	F(NODE, List *, ctecolcollations)
TUSK_DEFINE_NODE(CommonTableExpr)

/* ---- statements ---- */

/* One statement of a query string: stmt_location and stmt_len (0: to the
 * end of the string) delimit its text, as PostgreSQL sets them. */
#define NODE_RawStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, stmt) \
	F(LOCATION, int, stmt_location) \
	F(SCALAR, int, stmt_len)
TUSK_DEFINE_NODE(RawStmt)

#define NODE_InsertStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, relation) \
	F(NODE, List *, cols)		/* ResTargets naming the columns */ \
	F(NODE, Node *, selectStmt) /* SelectStmt (VALUES or query), NULL for DEFAULT VALUES */ \
	F(NODE, OnConflictClause *, onConflictClause) \
	F(NODE, List *, returningList) \
	F(NODE, WithClause *, withClause) \
	F(SCALAR, OverridingKind, override)
TUSK_DEFINE_NODE(InsertStmt)

#define NODE_DeleteStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, relation) \
	F(NODE, List *, usingClause) \
	F(NODE, Node *, whereClause) \
	F(NODE, List *, returningList) \
	F(NODE, WithClause *, withClause)
TUSK_DEFINE_NODE(DeleteStmt)

#define NODE_UpdateStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, relation) \
	F(NODE, List *, targetList) \
	F(NODE, Node *, whereClause) \
	F(NODE, List *, fromClause) \
	F(NODE, List *, returningList) \
	F(NODE, WithClause *, withClause)
TUSK_DEFINE_NODE(UpdateStmt)

typedef enum SetOperation
{
	SETOP_NONE = 0,
	SETOP_UNION,
	SETOP_INTERSECT,
	SETOP_EXCEPT
} SetOperation;

/* A set operation in an analyzed Query (Query.setOperations): leaves
 * are RangeTblRefs to the subquery entries of its operands; colTypes
 * etc. are the result columns' resolved types; groupClauses the
 * SortGroupClauses that compare them (UNION without ALL, INTERSECT,
 * EXCEPT). */
#define NODE_SetOperationStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, SetOperation, op) \
	F(SCALAR, bool, all) \
	F(NODE, Node *, larg) \
	F(NODE, Node *, rarg) \
	F(NODE, List *, colTypes) \
	F(NODE, List *, colTypmods) \
	F(NODE, List *, colCollations) \
	F(NODE, List *, groupClauses)
TUSK_DEFINE_NODE(SetOperationStmt)

/* A SELECT, a VALUES list, or (op != SETOP_NONE) a set operation over
 * larg and rarg, whose own fields then only carry ORDER BY, LIMIT,
 * locking and WITH. */
#define NODE_SelectStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, distinctClause) /* NIL, DISTINCT ON exprs, or list_make1(NIL) for DISTINCT */ \
	F(NODE, IntoClause *, intoClause) \
	F(NODE, List *, targetList) \
	F(NODE, List *, fromClause) \
	F(NODE, Node *, whereClause) \
	F(NODE, List *, groupClause) \
	F(SCALAR, bool, groupDistinct) \
	F(NODE, Node *, havingClause) \
	F(NODE, List *, windowClause) \
	F(NODE, List *, valuesLists) \
	F(NODE, List *, sortClause) \
	F(NODE, Node *, limitOffset) \
	F(NODE, Node *, limitCount) \
	F(SCALAR, LimitOption, limitOption) \
	F(NODE, List *, lockingClause) \
	F(NODE, WithClause *, withClause) \
	F(SCALAR, SetOperation, op) \
	F(SCALAR, bool, all) \
	F(NODE, struct SelectStmt *, larg) \
	F(NODE, struct SelectStmt *, rarg)
TUSK_DEFINE_NODE(SelectStmt)

typedef enum ObjectType
{
	OBJECT_ACCESS_METHOD,
	OBJECT_AGGREGATE,
	OBJECT_AMOP,
	OBJECT_AMPROC,
	OBJECT_ATTRIBUTE,
	OBJECT_CAST,
	OBJECT_COLUMN,
	OBJECT_COLLATION,
	OBJECT_CONVERSION,
	OBJECT_DATABASE,
	OBJECT_DEFAULT,
	OBJECT_DEFACL,
	OBJECT_DOMAIN,
	OBJECT_DOMCONSTRAINT,
	OBJECT_EVENT_TRIGGER,
	OBJECT_EXTENSION,
	OBJECT_FDW,
	OBJECT_FOREIGN_SERVER,
	OBJECT_FOREIGN_TABLE,
	OBJECT_FUNCTION,
	OBJECT_INDEX,
	OBJECT_LANGUAGE,
	OBJECT_LARGEOBJECT,
	OBJECT_MATVIEW,
	OBJECT_OPCLASS,
	OBJECT_OPERATOR,
	OBJECT_OPFAMILY,
	OBJECT_PARAMETER_ACL,
	OBJECT_POLICY,
	OBJECT_PROCEDURE,
	OBJECT_PUBLICATION,
	OBJECT_PUBLICATION_NAMESPACE,
	OBJECT_PUBLICATION_REL,
	OBJECT_ROLE,
	OBJECT_ROUTINE,
	OBJECT_RULE,
	OBJECT_SCHEMA,
	OBJECT_SEQUENCE,
	OBJECT_SUBSCRIPTION,
	OBJECT_STATISTIC_EXT,
	OBJECT_TABCONSTRAINT,
	OBJECT_TABLE,
	OBJECT_TABLESPACE,
	OBJECT_TRANSFORM,
	OBJECT_TRIGGER,
	OBJECT_TSCONFIGURATION,
	OBJECT_TSDICTIONARY,
	OBJECT_TSPARSER,
	OBJECT_TSTEMPLATE,
	OBJECT_TYPE,
	OBJECT_USER_MAPPING,
	OBJECT_VIEW
} ObjectType;

typedef enum DropBehavior
{
	DROP_RESTRICT,
	DROP_CASCADE
} DropBehavior;

#define NODE_CreateSchemaStmt(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, schemaname) \
	F(NODE, RoleSpec *, authrole) \
	F(NODE, List *, schemaElts) /* CREATE TABLE/INDEX/SEQUENCE/VIEW … inside */ \
	F(SCALAR, bool, if_not_exists)
TUSK_DEFINE_NODE(CreateSchemaStmt)

#define NODE_AlterTableStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, relation) \
	F(NODE, List *, cmds) /* AlterTableCmds */ \
	F(SCALAR, ObjectType, objtype) \
	F(SCALAR, bool, missing_ok)
TUSK_DEFINE_NODE(AlterTableStmt)

typedef enum AlterTableType
{
	AT_AddColumn,
	AT_AddColumnRecurse,
	AT_AddColumnToView,
	AT_ColumnDefault,
	AT_CookedColumnDefault,
	AT_DropNotNull,
	AT_SetNotNull,
	AT_DropExpression,
	AT_CheckNotNull,
	AT_SetStatistics,
	AT_SetOptions,
	AT_ResetOptions,
	AT_SetStorage,
	AT_SetCompression,
	AT_DropColumn,
	AT_DropColumnRecurse,
	AT_AddIndex,
	AT_ReAddIndex,
	AT_AddConstraint,
	AT_AddConstraintRecurse,
	AT_ReAddConstraint,
	AT_ReAddDomainConstraint,
	AT_AlterConstraint,
	AT_ValidateConstraint,
	AT_ValidateConstraintRecurse,
	AT_AddIndexConstraint,
	AT_DropConstraint,
	AT_DropConstraintRecurse,
	AT_ReAddComment,
	AT_AlterColumnType,
	AT_AlterColumnGenericOptions,
	AT_ChangeOwner,
	AT_ClusterOn,
	AT_DropCluster,
	AT_SetLogged,
	AT_SetUnLogged,
	AT_DropOids,
	AT_SetAccessMethod,
	AT_SetTableSpace,
	AT_SetRelOptions,
	AT_ResetRelOptions,
	AT_ReplaceRelOptions,
	AT_EnableTrig,
	AT_EnableAlwaysTrig,
	AT_EnableReplicaTrig,
	AT_DisableTrig,
	AT_EnableTrigAll,
	AT_DisableTrigAll,
	AT_EnableTrigUser,
	AT_DisableTrigUser,
	AT_EnableRule,
	AT_EnableAlwaysRule,
	AT_EnableReplicaRule,
	AT_DisableRule,
	AT_AddInherit,
	AT_DropInherit,
	AT_AddOf,
	AT_DropOf,
	AT_ReplicaIdentity,
	AT_EnableRowSecurity,
	AT_DisableRowSecurity,
	AT_ForceRowSecurity,
	AT_NoForceRowSecurity,
	AT_GenericOptions,
	AT_AttachPartition,
	AT_DetachPartition,
	AT_DetachPartitionFinalize,
	AT_AddIdentity,
	AT_SetIdentity,
	AT_DropIdentity,
	AT_ReAddStatistics
} AlterTableType;

/* One subcommand of ALTER TABLE. */
#define NODE_AlterTableCmd(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, AlterTableType, subtype) \
	F(STRING, char *, name) /* column or constraint acted on */ \
	F(SCALAR, int16, num)	/* column number (ALTER COLUMN n SET STATISTICS) */ \
	F(NODE, RoleSpec *, newowner) \
	F(NODE, Node *, def) /* ColumnDef, Constraint, TypeName (via ColumnDef), default … */ \
	F(SCALAR, DropBehavior, behavior) \
	F(SCALAR, bool, missing_ok) \
	F(SCALAR, bool, recurse)
TUSK_DEFINE_NODE(AlterTableCmd)

/* COPY relation [(cols)] | (query)  FROM | TO  file | STDIN | STDOUT */
#define NODE_CopyStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, relation) \
	F(NODE, Node *, query) \
	F(NODE, List *, attlist) \
	F(SCALAR, bool, is_from) \
	F(SCALAR, bool, is_program) \
	F(STRING, char *, filename) /* NULL for STDIN/STDOUT */ \
	F(NODE, List *, options) \
	F(NODE, Node *, whereClause)
TUSK_DEFINE_NODE(CopyStmt)

typedef enum VariableSetKind
{
	VAR_SET_VALUE,	 /* SET var = value */
	VAR_SET_DEFAULT, /* SET var TO DEFAULT */
	VAR_SET_CURRENT, /* SET var FROM CURRENT */
	VAR_SET_MULTI,	 /* SET TRANSACTION …, SET SESSION CHARACTERISTICS … */
	VAR_RESET,		 /* RESET var */
	VAR_RESET_ALL	 /* RESET ALL */
} VariableSetKind;

#define NODE_VariableSetStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, VariableSetKind, kind) \
	F(STRING, char *, name) \
	F(NODE, List *, args) /* A_Consts (DefElems for VAR_SET_MULTI) */ \
	F(SCALAR, bool, is_local)
TUSK_DEFINE_NODE(VariableSetStmt)

#define NODE_VariableShowStmt(F) F(TAG, NodeTag, type) F(STRING, char *, name)
TUSK_DEFINE_NODE(VariableShowStmt)

/* CREATE TABLE (the parts Tusk's grammar accepts leave partbound,
 * partspec and ofTypename NULL). */
#define NODE_CreateStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, relation) \
	F(NODE, List *, tableElts) /* ColumnDefs, table Constraints, TableLikeClauses */ \
	F(NODE, List *, inhRelations) \
	F(NODE, Node *, partbound) \
	F(NODE, Node *, partspec) \
	F(NODE, TypeName *, ofTypename) \
	F(NODE, List *, constraints) \
	F(NODE, List *, options) /* WITH (…) */ \
	F(SCALAR, OnCommitAction, oncommit) \
	F(STRING, char *, tablespacename) \
	F(STRING, char *, accessMethod) \
	F(SCALAR, bool, if_not_exists)
TUSK_DEFINE_NODE(CreateStmt)

typedef enum ConstrType
{
	CONSTR_NULL,
	CONSTR_NOTNULL,
	CONSTR_DEFAULT,
	CONSTR_IDENTITY,
	CONSTR_GENERATED,
	CONSTR_CHECK,
	CONSTR_PRIMARY,
	CONSTR_UNIQUE,
	CONSTR_EXCLUSION,
	CONSTR_FOREIGN,
	CONSTR_ATTR_DEFERRABLE,
	CONSTR_ATTR_NOT_DEFERRABLE,
	CONSTR_ATTR_DEFERRED,
	CONSTR_ATTR_IMMEDIATE
} ConstrType;

#define FKCONSTR_ACTION_NOACTION 'a'
#define FKCONSTR_ACTION_RESTRICT 'r'
#define FKCONSTR_ACTION_CASCADE 'c'
#define FKCONSTR_ACTION_SETNULL 'n'
#define FKCONSTR_ACTION_SETDEFAULT 'd'

#define FKCONSTR_MATCH_FULL 'f'
#define FKCONSTR_MATCH_PARTIAL 'p'
#define FKCONSTR_MATCH_SIMPLE 's'

/* attidentity and attgenerated letters. */
#define ATTRIBUTE_IDENTITY_ALWAYS 'a'
#define ATTRIBUTE_IDENTITY_BY_DEFAULT 'd'
#define ATTRIBUTE_GENERATED_STORED 's'

/* A column or table constraint (which fields are used depends on contype). */
#define NODE_Constraint(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, ConstrType, contype) \
	F(STRING, char *, conname) \
	F(SCALAR, bool, deferrable) \
	F(SCALAR, bool, initdeferred) \
	F(LOCATION, int, location) \
	F(SCALAR, bool, is_no_inherit) \
	F(NODE, Node *, raw_expr) /* CHECK, DEFAULT, GENERATED expression */ \
	F(STRING, char *, cooked_expr) \
	F(SCALAR, char, generated_when) /* ATTRIBUTE_IDENTITY_* */ \
	F(SCALAR, bool, nulls_not_distinct) \
	F(NODE, List *, keys) /* UNIQUE/PRIMARY KEY columns (String nodes) */ \
	F(NODE, List *, including) \
	F(NODE, List *, exclusions) \
	F(NODE, List *, options) \
	F(STRING, char *, indexname) \
	F(STRING, char *, indexspace) \
	F(SCALAR, bool, reset_default_tblspc) \
	F(STRING, char *, access_method) \
	F(NODE, Node *, where_clause) \
	F(NODE, RangeVar *, pktable) /* REFERENCES table */ \
	F(NODE, List *, fk_attrs) \
	F(NODE, List *, pk_attrs) \
	F(SCALAR, char, fk_matchtype) \
	F(SCALAR, char, fk_upd_action) \
	F(SCALAR, char, fk_del_action) \
	F(NODE, List *, fk_del_set_cols) \
	F(NODE, List *, old_conpfeqop) \
	F(SCALAR, Oid, old_pktable_oid) \
	F(SCALAR, bool, skip_validation) \
	F(SCALAR, bool, initially_valid)
TUSK_DEFINE_NODE(Constraint)

#define NODE_CreateSeqStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, sequence) \
	F(NODE, List *, options) \
	F(SCALAR, Oid, ownerId) \
	F(SCALAR, bool, for_identity) \
	F(SCALAR, bool, if_not_exists)
TUSK_DEFINE_NODE(CreateSeqStmt)

#define NODE_AlterSeqStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, sequence) \
	F(NODE, List *, options) \
	F(SCALAR, bool, for_identity) \
	F(SCALAR, bool, missing_ok)
TUSK_DEFINE_NODE(AlterSeqStmt)

/* DROP objtype [IF EXISTS] names [CASCADE|RESTRICT]; objects is a list of
 * name lists (Lists of String) or, for schemas and databases, of Strings. */
#define NODE_DropStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, objects) \
	F(SCALAR, ObjectType, removeType) \
	F(SCALAR, DropBehavior, behavior) \
	F(SCALAR, bool, missing_ok) \
	F(SCALAR, bool, concurrent)
TUSK_DEFINE_NODE(DropStmt)

#define NODE_TruncateStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, relations) \
	F(SCALAR, bool, restart_seqs) \
	F(SCALAR, DropBehavior, behavior)
TUSK_DEFINE_NODE(TruncateStmt)

#define NODE_CommentStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, ObjectType, objtype) \
	F(NODE, Node *, object)	   /* a name list, or a String for unqualified objects */ \
	F(STRING, char *, comment) /* NULL for IS NULL */
TUSK_DEFINE_NODE(CommentStmt)

#define NODE_IndexStmt(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, idxname) \
	F(NODE, RangeVar *, relation) \
	F(STRING, char *, accessMethod) \
	F(STRING, char *, tableSpace) \
	F(NODE, List *, indexParams) /* IndexElems */ \
	F(NODE, List *, indexIncludingParams) \
	F(NODE, List *, options) \
	F(NODE, Node *, whereClause) \
	F(NODE, List *, excludeOpNames) \
	F(STRING, char *, idxcomment) \
	F(SCALAR, Oid, indexOid) \
	F(SCALAR, Oid, oldNode) \
	F(SCALAR, uint32, oldCreateSubid) \
	F(SCALAR, uint32, oldFirstRelfilenodeSubid) \
	F(SCALAR, bool, unique) \
	F(SCALAR, bool, nulls_not_distinct) \
	F(SCALAR, bool, primary) \
	F(SCALAR, bool, isconstraint) \
	F(SCALAR, bool, deferrable) \
	F(SCALAR, bool, initdeferred) \
	F(SCALAR, bool, transformed) \
	F(SCALAR, bool, concurrent) \
	F(SCALAR, bool, if_not_exists) \
	F(SCALAR, bool, reset_default_tblspc)
TUSK_DEFINE_NODE(IndexStmt)

/* ALTER … RENAME … TO newname */
#define NODE_RenameStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, ObjectType, renameType) \
	F(SCALAR, ObjectType, relationType) /* for a column or constraint: its relation's */ \
	F(NODE, RangeVar *, relation) \
	F(NODE, Node *, object) \
	F(STRING, char *, subname) /* the column or constraint */ \
	F(STRING, char *, newname) \
	F(SCALAR, DropBehavior, behavior) \
	F(SCALAR, bool, missing_ok)
TUSK_DEFINE_NODE(RenameStmt)

/* ALTER TABLE/VIEW/SEQUENCE [IF EXISTS] name SET SCHEMA newschema */
#define NODE_AlterObjectSchemaStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, ObjectType, objectType) \
	F(NODE, RangeVar *, relation) \
	F(STRING, char *, newschema) \
	F(SCALAR, bool, missing_ok)
TUSK_DEFINE_NODE(AlterObjectSchemaStmt)

typedef enum TransactionStmtKind
{
	TRANS_STMT_BEGIN,
	TRANS_STMT_START,
	TRANS_STMT_COMMIT,
	TRANS_STMT_ROLLBACK,
	TRANS_STMT_SAVEPOINT,
	TRANS_STMT_RELEASE,
	TRANS_STMT_ROLLBACK_TO,
	TRANS_STMT_PREPARE,
	TRANS_STMT_COMMIT_PREPARED,
	TRANS_STMT_ROLLBACK_PREPARED
} TransactionStmtKind;

#define NODE_TransactionStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, TransactionStmtKind, kind) \
	F(NODE, List *, options) /* DefElems: transaction_isolation, … */ \
	F(STRING, char *, savepoint_name) \
	F(STRING, char *, gid) \
	F(SCALAR, bool, chain)
TUSK_DEFINE_NODE(TransactionStmt)

typedef enum ViewCheckOption
{
	NO_CHECK_OPTION,
	LOCAL_CHECK_OPTION,
	CASCADED_CHECK_OPTION
} ViewCheckOption;

#define NODE_ViewStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, view) \
	F(NODE, List *, aliases) \
	F(NODE, Node *, query) \
	F(SCALAR, bool, replace) \
	F(NODE, List *, options) \
	F(SCALAR, ViewCheckOption, withCheckOption)
TUSK_DEFINE_NODE(ViewStmt)

/* An argument in CREATE FUNCTION's list (PostgreSQL's FunctionParameter). */
typedef enum FunctionParameterMode
{
	FUNC_PARAM_IN = 'i',
	FUNC_PARAM_OUT = 'o',
	FUNC_PARAM_INOUT = 'b',
	FUNC_PARAM_VARIADIC = 'v',
	FUNC_PARAM_TABLE = 't',
	FUNC_PARAM_DEFAULT = 'd' /* not given: IN, or OUT for a procedure */
} FunctionParameterMode;

#define NODE_FunctionParameter(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, name) \
	F(NODE, TypeName *, argType) \
	F(SCALAR, FunctionParameterMode, mode) \
	F(NODE, Node *, defexpr) /* raw default expression, or NULL */
TUSK_DEFINE_NODE(FunctionParameter)

/* CREATE [OR REPLACE] FUNCTION name (parameters) [RETURNS type] options
 * [body].  options are DefElems ("as": a List of Strings, "language",
 * "volatility", "strict", "security", "leakproof", "cost", "rows",
 * "parallel", "window", "support", "set").  A RETURN or BEGIN ATOMIC body
 * is kept as its SQL text (a String: `SELECT expr`, or the statements),
 * where PostgreSQL keeps the parsed statements (see doc/sql.md). */
#define NODE_CreateFunctionStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, bool, is_procedure) \
	F(SCALAR, bool, replace) \
	F(NODE, List *, funcname) \
	F(NODE, List *, parameters) /* FunctionParameters */ \
	F(NODE, TypeName *, returnType) \
	F(NODE, List *, options) \
	F(NODE, Node *, sql_body)
TUSK_DEFINE_NODE(CreateFunctionStmt)

/* A function named with its argument types (DROP FUNCTION f(int)). */
#define NODE_ObjectWithArgs(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, objname) \
	F(NODE, List *, objargs)		  /* TypeNames of the input arguments */ \
	F(NODE, List *, objfuncargs)	  /* FunctionParameters as written */ \
	F(SCALAR, bool, args_unspecified) /* no parenthesized list */
TUSK_DEFINE_NODE(ObjectWithArgs)

#define NODE_CreatedbStmt(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, dbname) \
	F(NODE, List *, options)
TUSK_DEFINE_NODE(CreatedbStmt)

/* ---- roles (commands/user.cpp) ---- */

typedef enum RoleStmtType
{
	ROLESTMT_ROLE,
	ROLESTMT_USER,
	ROLESTMT_GROUP
} RoleStmtType;

/* CREATE ROLE|USER|GROUP name [WITH] options: DefElems named as
 * PostgreSQL names them ("superuser", "password", "connectionlimit",
 * "validUntil", "addroleto", "rolemembers", "adminmembers" …). */
#define NODE_CreateRoleStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, RoleStmtType, stmt_type) \
	F(STRING, char *, role) \
	F(NODE, List *, options)
TUSK_DEFINE_NODE(CreateRoleStmt)

/* ALTER ROLE|USER name [WITH] options; ALTER GROUP name ADD|DROP USER …
 * (action +1 to add members, -1 to drop them). */
#define NODE_AlterRoleStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RoleSpec *, role) \
	F(NODE, List *, options) \
	F(SCALAR, int, action)
TUSK_DEFINE_NODE(AlterRoleStmt)

/* ALTER ROLE name|ALL [IN DATABASE db] SET … | RESET …: role NULL for ALL. */
#define NODE_AlterRoleSetStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RoleSpec *, role) \
	F(STRING, char *, database) \
	F(NODE, VariableSetStmt *, setstmt)
TUSK_DEFINE_NODE(AlterRoleSetStmt)

/* DROP ROLE|USER|GROUP [IF EXISTS] name, … (RoleSpecs) */
#define NODE_DropRoleStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, roles) \
	F(SCALAR, bool, missing_ok)
TUSK_DEFINE_NODE(DropRoleStmt)

/* A privilege named in GRANT / REVOKE, with its columns: for a role
 * grant, the granted role's name (columns are refused). */
#define NODE_AccessPriv(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, priv_name) \
	F(NODE, List *, cols)
TUSK_DEFINE_NODE(AccessPriv)

/* GRANT role, … TO role, … [WITH ADMIN OPTION] [GRANTED BY r];
 * REVOKE [ADMIN OPTION FOR] role, … FROM role, … [GRANTED BY r]
 * [CASCADE|RESTRICT].  granted_roles are AccessPriv nodes
 * naming the granted roles, grantee_roles RoleSpecs. */
#define NODE_GrantRoleStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, granted_roles) \
	F(NODE, List *, grantee_roles) \
	F(SCALAR, bool, is_grant) \
	F(SCALAR, bool, admin_opt) \
	F(NODE, RoleSpec *, grantor) \
	F(SCALAR, DropBehavior, behavior)
TUSK_DEFINE_NODE(GrantRoleStmt)

/* CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v]
 * [CASCADE]: options are DefElems "schema", "new_version", "cascade". */
#define NODE_CreateExtensionStmt(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, extname) \
	F(SCALAR, bool, if_not_exists) \
	F(NODE, List *, options)
TUSK_DEFINE_NODE(CreateExtensionStmt)

/* ALTER EXTENSION name UPDATE [TO version]: options are DefElems
 * "new_version". */
#define NODE_AlterExtensionStmt(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, extname) \
	F(NODE, List *, options)
TUSK_DEFINE_NODE(AlterExtensionStmt)

/* CREATE TYPE name AS ENUM ('label', …): vals is a List of Strings. */
#define NODE_CreateEnumStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, typeName) /* qualified name (Strings) */ \
	F(NODE, List *, vals)
TUSK_DEFINE_NODE(CreateEnumStmt)

/* CREATE TYPE name AS (attr type [COLLATE c], …): coldeflist holds
 * ColumnDefs. */
#define NODE_CompositeTypeStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, typevar) \
	F(NODE, List *, coldeflist)
TUSK_DEFINE_NODE(CompositeTypeStmt)

/* ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'new' [BEFORE|AFTER 'neighbor']
 * (oldVal NULL), or ALTER TYPE name RENAME VALUE 'old' TO 'new'. */
#define NODE_AlterEnumStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, typeName) \
	F(STRING, char *, oldVal) \
	F(STRING, char *, newVal) \
	F(STRING, char *, newValNeighbor) \
	F(SCALAR, bool, newValIsAfter) \
	F(SCALAR, bool, skipIfNewValExists)
TUSK_DEFINE_NODE(AlterEnumStmt)

#define NODE_DropdbStmt(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, dbname) \
	F(SCALAR, bool, missing_ok) \
	F(NODE, List *, options) /* FORCE */
TUSK_DEFINE_NODE(DropdbStmt)

/* VACUUM and ANALYZE (is_vacuumcmd false). */
#define NODE_VacuumStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, options) \
	F(NODE, List *, rels) /* VacuumRelations, NIL for all */ \
	F(SCALAR, bool, is_vacuumcmd)
TUSK_DEFINE_NODE(VacuumStmt)

#define NODE_VacuumRelation(F) \
	F(TAG, NodeTag, type) \
	F(NODE, RangeVar *, relation) \
	F(SCALAR, Oid, oid) \
	F(NODE, List *, va_cols)
TUSK_DEFINE_NODE(VacuumRelation)

#define NODE_ExplainStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, query) \
	F(NODE, List *, options)
TUSK_DEFINE_NODE(ExplainStmt)

/* CREATE TABLE … AS and SELECT … INTO (is_select_into). */
#define NODE_CreateTableAsStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, Node *, query) \
	F(NODE, IntoClause *, into) \
	F(SCALAR, ObjectType, objtype) \
	F(SCALAR, bool, is_select_into) \
	F(SCALAR, bool, if_not_exists)
TUSK_DEFINE_NODE(CreateTableAsStmt)

#define NODE_CheckPointStmt(F) F(TAG, NodeTag, type)
TUSK_DEFINE_NODE(CheckPointStmt)

/* SET CONSTRAINTS {ALL | names} {DEFERRED | IMMEDIATE}; constraints is a List
 * of RangeVar, NIL for ALL. */
#define NODE_ConstraintsSetStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, constraints) \
	F(SCALAR, bool, deferred)
TUSK_DEFINE_NODE(ConstraintsSetStmt)

typedef enum DiscardMode
{
	DISCARD_ALL,
	DISCARD_PLANS,
	DISCARD_SEQUENCES,
	DISCARD_TEMP
} DiscardMode;

#define NODE_DiscardStmt(F) F(TAG, NodeTag, type) F(SCALAR, DiscardMode, target)
TUSK_DEFINE_NODE(DiscardStmt)

/* LOCK [TABLE] rels IN mode MODE [NOWAIT]; mode is a LOCKMODE. */
#define NODE_LockStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, relations) \
	F(SCALAR, int, mode) \
	F(SCALAR, bool, nowait)
TUSK_DEFINE_NODE(LockStmt)

#define NODE_PrepareStmt(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, name) \
	F(NODE, List *, argtypes) /* TypeNames */ \
	F(NODE, Node *, query)
TUSK_DEFINE_NODE(PrepareStmt)

#define NODE_ExecuteStmt(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, name) \
	F(NODE, List *, params)
TUSK_DEFINE_NODE(ExecuteStmt)

/* DEALLOCATE name; name NULL for DEALLOCATE ALL. */
#define NODE_DeallocateStmt(F) F(TAG, NodeTag, type) F(STRING, char *, name)
TUSK_DEFINE_NODE(DeallocateStmt)

/* Cursor options (DeclareCursorStmt.options). */
#define CURSOR_OPT_BINARY 0x0001
#define CURSOR_OPT_SCROLL 0x0002
#define CURSOR_OPT_NO_SCROLL 0x0004
#define CURSOR_OPT_INSENSITIVE 0x0008
#define CURSOR_OPT_ASENSITIVE 0x0010
#define CURSOR_OPT_HOLD 0x0020
#define CURSOR_OPT_FAST_PLAN 0x0100
#define CURSOR_OPT_GENERIC_PLAN 0x0200
#define CURSOR_OPT_CUSTOM_PLAN 0x0400
#define CURSOR_OPT_PARALLEL_OK 0x0800

#define NODE_DeclareCursorStmt(F) \
	F(TAG, NodeTag, type) \
	F(STRING, char *, portalname) \
	F(SCALAR, int, options) \
	F(NODE, Node *, query)
TUSK_DEFINE_NODE(DeclareCursorStmt)

/* CLOSE name; portalname NULL for CLOSE ALL. */
#define NODE_ClosePortalStmt(F) F(TAG, NodeTag, type) F(STRING, char *, portalname)
TUSK_DEFINE_NODE(ClosePortalStmt)

typedef enum FetchDirection
{
	FETCH_FORWARD,
	FETCH_BACKWARD,
	FETCH_ABSOLUTE,
	FETCH_RELATIVE
} FetchDirection;

#define FETCH_ALL LONG_MAX

#define NODE_FetchStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, FetchDirection, direction) \
	F(SCALAR, long, howMany) \
	F(STRING, char *, portalname) \
	F(SCALAR, bool, ismove)
TUSK_DEFINE_NODE(FetchStmt)

/* ALTER <kind> name OWNER TO role (kinds that are not relations: those go
 * through ALTER TABLE's AT_ChangeOwner).  object is a String for schemas
 * and databases, a name List for types and domains, an ObjectWithArgs for
 * routines. */
#define NODE_AlterOwnerStmt(F) \
	F(TAG, NodeTag, type) \
	F(SCALAR, ObjectType, objectType) \
	F(NODE, RangeVar *, relation) \
	F(NODE, Node *, object) \
	F(NODE, RoleSpec *, newowner)
TUSK_DEFINE_NODE(AlterOwnerStmt)

/* DROP OWNED BY role [, ...] [CASCADE | RESTRICT] */
#define NODE_DropOwnedStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, roles) \
	F(SCALAR, DropBehavior, behavior)
TUSK_DEFINE_NODE(DropOwnedStmt)

/* REASSIGN OWNED BY role [, ...] TO role */
#define NODE_ReassignOwnedStmt(F) \
	F(TAG, NodeTag, type) \
	F(NODE, List *, roles) \
	F(NODE, RoleSpec *, newrole)
TUSK_DEFINE_NODE(ReassignOwnedStmt)

/* The analyzed query (Query, RangeTblEntry, …). */
#include "nodes/querynodes.h"

#endif /* TUSK_NODES_PARSENODES_H */
