/*
 * nodes/nodetags.h — the name of every node type, in families.
 *
 * A family list X(Name) per header that defines the nodes' fields:
 * value.h, pg_list.h, primnodes.h, parsenodes.h, plannodes.h.  Nodes in
 * the *_NODES lists have field lists (NODE_<Name>) from which copy, equal
 * and the text form are derived; TUSK_TAG_ONLY_NODES are run-time nodes
 * (executor state, planner paths) that get a tag but are never copied or
 * serialized.  A new node type is one name here plus its field list.
 */
#ifndef TUSK_NODES_NODETAGS_H
#define TUSK_NODES_NODETAGS_H

/* value.h: literals in raw parse trees. */
#define TUSK_VALUE_NODES(X) X(Integer) X(Float) X(Boolean) X(String) X(BitString)

/* pg_list.h: lists of pointers, ints and OIDs (hand-written functions). */
#define TUSK_LIST_NODES(X) X(List) X(IntList) X(OidList)

/* primnodes.h: expressions shared by queries and plans. */
#define TUSK_PRIM_NODES(X) \
	X(Alias) \
	X(RangeVar) \
	X(IntoClause) \
	X(Var) \
	X(Const) \
	X(Param) \
	X(FuncExpr) \
	X(Aggref) \
	X(OpExpr) \
	X(DistinctExpr) \
	X(NullIfExpr) \
	X(ScalarArrayOpExpr) \
	X(BoolExpr) \
	X(RelabelType) \
	X(CoerceViaIO) \
	X(CollateExpr) \
	X(ArrayCoerceExpr) \
	X(CaseTestExpr) \
	X(CaseExpr) \
	X(CaseWhen) \
	X(CoalesceExpr) \
	X(ArrayExpr) \
	X(SubscriptingRef) \
	X(MinMaxExpr) \
	X(NullTest) \
	X(BooleanTest) \
	X(NamedArgExpr) \
	X(SubLink) \
	X(SubPlan) \
	X(RowExpr) \
	X(FieldSelect) \
	X(RowCompareExpr) \
	X(SQLValueFunction) \
	X(SetToDefault) \
	X(CurrentOfExpr) \
	X(GroupingFunc) \
	X(WindowFunc) \
	X(TargetEntry) \
	X(RangeTblRef) \
	X(FromExpr) \
	X(JoinExpr) \
	X(InferenceElem) \
	X(OnConflictExpr)

/* parsenodes.h: raw parse trees (the parser's output) and Query. */
#define TUSK_PARSE_NODES(X) \
	X(TypeName) \
	X(ColumnRef) \
	X(ParamRef) \
	X(A_Expr) \
	X(A_Const) \
	X(TypeCast) \
	X(CollateClause) \
	X(RoleSpec) \
	X(FuncCall) \
	X(A_Star) \
	X(A_Indices) \
	X(A_Indirection) \
	X(A_ArrayExpr) \
	X(ResTarget) \
	X(MultiAssignRef) \
	X(SortBy) \
	X(WindowDef) \
	X(RangeSubselect) \
	X(RangeFunction) \
	X(RangeTableSample) \
	X(ColumnDef) \
	X(TableLikeClause) \
	X(IndexElem) \
	X(DefElem) \
	X(LockingClause) \
	X(GroupingSet) \
	X(WithClause) \
	X(InferClause) \
	X(OnConflictClause) \
	X(CTESearchClause) \
	X(CTECycleClause) \
	X(CommonTableExpr) \
	X(RawStmt) \
	X(InsertStmt) \
	X(DeleteStmt) \
	X(UpdateStmt) \
	X(SelectStmt) \
	X(SetOperationStmt) \
	X(CreateSchemaStmt) \
	X(AlterTableStmt) \
	X(AlterTableCmd) \
	X(CopyStmt) \
	X(VariableSetStmt) \
	X(VariableShowStmt) \
	X(CreateStmt) \
	X(Constraint) \
	X(CreateSeqStmt) \
	X(AlterSeqStmt) \
	X(DropStmt) \
	X(TruncateStmt) \
	X(CommentStmt) \
	X(IndexStmt) \
	X(RenameStmt) \
	X(AlterObjectSchemaStmt) \
	X(TransactionStmt) \
	X(ViewStmt) \
	X(FunctionParameter) \
	X(CreateFunctionStmt) \
	X(ObjectWithArgs) \
	X(CreatedbStmt) \
	X(DropdbStmt) \
	X(CreateRoleStmt) \
	X(AlterRoleStmt) \
	X(AlterRoleSetStmt) \
	X(DropRoleStmt) \
	X(AccessPriv) \
	X(GrantRoleStmt) \
	X(VacuumStmt) \
	X(VacuumRelation) \
	X(ExplainStmt) \
	X(CreateTableAsStmt) \
	X(CheckPointStmt) \
	X(DiscardStmt) \
	X(LockStmt) \
	X(ConstraintsSetStmt) \
	X(PrepareStmt) \
	X(ExecuteStmt) \
	X(DeallocateStmt) \
	X(DeclareCursorStmt) \
	X(ClosePortalStmt) \
	X(FetchStmt) \
	X(CreateExtensionStmt) \
	X(AlterExtensionStmt) \
	X(CreateEnumStmt) \
	X(CompositeTypeStmt) \
	X(AlterEnumStmt) \
	X(AlterOwnerStmt) \
	X(DropOwnedStmt) \
	X(ReassignOwnedStmt)

/* querynodes.h: the analyzed query. */
#define TUSK_QUERY_NODES(X) \
	X(Query) \
	X(RangeTblEntry) \
	X(SortGroupClause) \
	X(RowMarkClause) \
	X(RangeTblFunction) \
	X(WindowClause)

/* plannodes.h: plans. */
#define TUSK_PLAN_NODES(X) \
	X(PlannedStmt) \
	X(Result) \
	X(ProjectSet) \
	X(ModifyTable) \
	X(Append) \
	X(SeqScan) \
	X(IndexScan) \
	X(SubqueryScan) \
	X(FunctionScan) \
	X(ValuesScan) \
	X(CteScan) \
	X(NestLoop) \
	X(NestLoopParam) \
	X(HashJoin) \
	X(MergeJoin) \
	X(Hash) \
	X(Material) \
	X(Sort) \
	X(Agg) \
	X(WindowAgg) \
	X(Unique) \
	X(SetOp) \
	X(Limit) \
	X(LockRows) \
	X(PlanRowMark) \
	X(RecursiveUnion) \
	X(WorkTableScan)

/* Bases embedded in other nodes (Expr xpr, Plan plan, Scan scan): field
 * functions, no tag of their own. */
#define TUSK_ABSTRACT_NODES(X) X(Expr) X(Plan) X(Scan) X(Join)

/* Run-time only: tags, no derived functions (execnodes.h, tuptable.h). */
#define TUSK_TAG_ONLY_NODES(X) \
	X(TupleTableSlot) \
	X(ExprContext) \
	X(ExprState) \
	X(ProjectionInfo) \
	X(EState) \
	X(ResultRelInfo) \
	X(ResultState) \
	X(ModifyTableState) \
	X(SeqScanState) \
	X(IndexScanState) \
	X(ValuesScanState) \
	X(NestLoopState) \
	X(LimitState) \
	X(SortState) \
	X(AggState) \
	X(WindowAggState) \
	X(WindowObjectData) \
	X(SubPlanState) \
	X(SubqueryScanState) \
	X(MaterialState) \
	X(AppendState) \
	X(UniqueState) \
	X(SetOpState) \
	X(CteScanState) \
	X(HashJoinState) \
	X(MergeJoinState) \
	X(HashState) \
	X(LockRowsState) \
	X(FunctionScanState) \
	X(ProjectSetState) \
	X(ReturnSetInfo) \
	X(RecursiveUnionState) \
	X(WorkTableScanState)

#define TUSK_ALL_NODE_TAGS(X) \
	TUSK_VALUE_NODES(X) \
	TUSK_LIST_NODES(X) \
	TUSK_PRIM_NODES(X) \
	TUSK_PARSE_NODES(X) \
	TUSK_QUERY_NODES(X) \
	TUSK_PLAN_NODES(X) \
	TUSK_TAG_ONLY_NODES(X)

#endif /* TUSK_NODES_NODETAGS_H */
