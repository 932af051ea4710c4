/*
 * alter_table.cpp — ALTER TABLE's column subcommands, and ALTER … RENAME
 * (commands/tablecmds.h).
 *
 * Principal entry points: AlterTableColumnCmd, ExecRenameStmt.
 *
 * AlterTable (tablecmds.cpp) locks the table AccessExclusive, orders the
 * subcommands in PostgreSQL's passes and hands those on one column here:
 * DROP COLUMN (through performDeletion, so what depends on the column
 * goes with CASCADE or refuses with 2BP01; the pg_attribute row stays,
 * marked dropped, as in PostgreSQL), SET/DROP DEFAULT, SET/DROP NOT NULL
 * (SET checks the rows), SET STATISTICS, identity changes (SET
 * GENERATED, RESTART, sequence options: ALTER SEQUENCE of the column's
 * sequence; DROP IDENTITY), SET/RESET storage parameters, and ALTER
 * COLUMN TYPE (a table rewrite).  RENAME renames a relation (its row type and, for an index
 * backing a constraint, the constraint too), a column (views keep
 * working: they refer to columns by number) or a constraint (and its
 * index).  Every change is a catalog write, so caches and cached plans
 * are invalidated at the end of the command (utils/inval.h).
 */
#include "postgres.h"

#include <memory>
#include <string>
#include <vector>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/reloptions.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef_d.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_constraint_fns.h"
#include "catalog/pg_index_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_rewrite_d.h"
#include "catalog/pg_type_d.h"
#include "catalog/pg_collation_d.h"
#include "catalog/objectaddress.h"
#include "executor/executor.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "utils/format_type.h"
#include "commands/defrem.h"
#include "commands/owner.h"
#include "commands/sequence.h"
#include "commands/tablecmds.h"
#include "commands/tablecmds_internal.h"
#include "commands/vacuum.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/value.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

namespace {

/* pg_index.indoption bits (PostgreSQL's INDOPTION_DESC and
 * INDOPTION_NULLS_FIRST). */
constexpr int16 kIndexOptionDesc = 0x0001;
constexpr int16 kIndexOptionNullsFirst = 0x0002;

/* Column colname of relation relid, or 42703 naming the relation; NULL
 * only when missing_ok. */
HeapTuple LookupColumn(Oid relid, const char *colname, bool missing_ok = false)
{
	HeapTuple tup = SearchSysCache2(ATTNAME, ObjectIdGetDatum(relid), CStringGetDatum(colname));
	if (tup == nullptr && !missing_ok)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column \"%s\" of relation \"%s\" does not exist", colname,
					   get_rel_name(relid)));
	return tup;
}

/* Column colname, not a system column (0A000 "cannot alter system
 * column"). */
Form_pg_attribute LookupUserColumn(Oid relid, const char *colname)
{
	auto *att = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(LookupColumn(relid, colname)));
	if (att->attnum <= 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot alter system column \"%s\"", colname));
	return att;
}

/* Rewrites the fixed part of column attnum's pg_attribute row. */
template <typename F>
void UpdateAttribute(Oid relid, AttrNumber attnum, F &&change)
{
	HeapTuple cached = SearchSysCache2(ATTNUM, ObjectIdGetDatum(relid), Int16GetDatum(attnum));
	if (cached == nullptr)
		elog(ERROR, "cache lookup failed for attribute %d of relation %u", attnum, relid);
	HeapTuple tup = heap_copytuple(cached);
	change(reinterpret_cast<Form_pg_attribute>(GETSTRUCT(tup)));
	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_attribute, &tup->t_self, tup);
	relation_close(pg_attribute, RowExclusiveLock);
	RelationCacheInvalidateEntry(relid);
}

/* DROP [COLUMN] [IF EXISTS] col [CASCADE | RESTRICT] (PostgreSQL's
 * ATExecDropColumn): what depends on the column (its default, indexes
 * and constraints on it, views reading it) goes with it — the default,
 * indexes and constraints silently, views only with CASCADE. */
void DropColumn(Oid relid, AlterTableCmd *cmd)
{
	HeapTuple tup = LookupColumn(relid, cmd->name, cmd->missing_ok);
	if (tup == nullptr)
	{
		ereport(NOTICE,
				errmsg("column \"%s\" of relation \"%s\" does not exist, skipping", cmd->name,
					   get_rel_name(relid)));
		return;
	}
	auto *att = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(tup));
	if (att->attnum <= 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot drop system column \"%s\"", cmd->name));
	ObjectAddress column;
	ObjectAddressSubSet(column, RelationRelationId, relid, att->attnum);
	performDeletion(&column, cmd->behavior, 0);
}

/* The OID of column attnum's pg_attrdef row, or InvalidOid. */
Oid AttrDefaultOid(Oid relid, AttrNumber attnum)
{
	Oid found = InvalidOid;
	Relation pg_attrdef = relation_open(AttrDefaultRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_attrdef_adrelid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(relid));
	SysScanDesc scan = systable_beginscan(pg_attrdef, AttrDefaultIndexId, true, nullptr, 1, &key);
	while (HeapTuple t = systable_getnext(scan))
	{
		bool isnull;
		TupleDesc desc = RelationGetDescr(pg_attrdef);
		if (DatumGetInt16(heap_getattr(t, Anum_pg_attrdef_adnum, desc, &isnull)) == attnum)
			found = DatumGetObjectId(heap_getattr(t, Anum_pg_attrdef_oid, desc, &isnull));
	}
	systable_endscan(scan);
	relation_close(pg_attrdef, AccessShareLock);
	return found;
}

/* ALTER [COLUMN] col SET DEFAULT expr | DROP DEFAULT (PostgreSQL's
 * ATExecColumnDefault): the old default goes (dropping none is not an
 * error), then the new one, cooked as CREATE TABLE's, is stored. */
void ColumnDefault(Oid relid, AlterTableCmd *cmd)
{
	Form_pg_attribute found = LookupUserColumn(relid, cmd->name);
	AttrNumber attnum = found->attnum;
	if (found->attidentity != '\0')
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("column \"%s\" of relation \"%s\" is an identity column", cmd->name,
					   get_rel_name(relid)),
				cmd->def != nullptr
					? 0
					: errhint("Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead."));
	Oid old = AttrDefaultOid(relid, attnum);
	if (OidIsValid(old))
	{
		ObjectAddress def;
		ObjectAddressSet(def, AttrDefaultRelationId, old);
		performDeletion(&def, DROP_RESTRICT, PERFORM_DELETION_INTERNAL | PERFORM_DELETION_QUIETLY);
	}
	Node *expr = nullptr;
	if (cmd->def != nullptr)
	{
		/* (PostgreSQL reports no position for ALTER TABLE's defaults.) */
		ParseState *pstate = make_parsestate(nullptr);
		Relation rel = relation_open(relid, NoLock);
		FormData_pg_attribute att = *TupleDescAttr(RelationGetDescr(rel), attnum - 1);
		relation_close(rel, NoLock);
		expr = CookDefault(pstate, cmd->def, &att);
		free_parsestate(pstate);
	}
	UpdateAttribute(relid, attnum, [&](Form_pg_attribute a) { a->atthasdef = expr != nullptr; });
	if (expr != nullptr)
		StoreAttrDefault(relid, attnum, expr);
}

/* ALTER [COLUMN] col SET NOT NULL: checked against the rows (23502). */
void SetNotNull(Oid relid, AlterTableCmd *cmd)
{
	Form_pg_attribute att = LookupUserColumn(relid, cmd->name);
	if (att->attnotnull)
		return;
	AttrNumber attnum = att->attnum;
	UpdateAttribute(relid, attnum, [](Form_pg_attribute a) { a->attnotnull = true; });
	CommandCounterIncrement();
	Relation rel = relation_open(relid, NoLock);
	CheckNoNulls(rel, attnum);
	relation_close(rel, NoLock);
}

/* ALTER [COLUMN] col DROP NOT NULL: refused for an identity column and a
 * primary key's (42P16). */
void DropNotNull(Oid relid, AlterTableCmd *cmd)
{
	Form_pg_attribute att = LookupUserColumn(relid, cmd->name);
	AttrNumber attnum = att->attnum;
	if (att->attidentity != '\0')
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("column \"%s\" of relation \"%s\" is an identity column", cmd->name,
					   get_rel_name(relid)));
	Relation rel = relation_open(relid, NoLock);
	List *indexes = list_copy(RelationGetIndexList(rel));
	relation_close(rel, NoLock);
	ListCell *lc;
	foreach (lc, indexes)
	{
		HeapTuple itup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(lfirst_oid(lc)));
		if (itup == nullptr)
			continue;
		auto *index = reinterpret_cast<Form_pg_index>(GETSTRUCT(itup));
		if (!index->indisprimary)
			continue;
		for (int i = 0; i < index->indnkeyatts; i++)
			if (index->indkey.values[i] == attnum)
				ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
						errmsg("column \"%s\" is in a primary key", cmd->name));
	}
	if (att->attnotnull)
		UpdateAttribute(relid, attnum, [](Form_pg_attribute a) { a->attnotnull = false; });
}

/* ALTER [COLUMN] col SET STATISTICS n (-1: default_statistics_target). */
void SetStatistics(Oid relid, AlterTableCmd *cmd)
{
	if (cmd->name == nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot refer to non-index column by number"));
	int target = static_cast<int>(intVal(cmd->def));
	constexpr int kMaxStatisticsTarget = 10000; /* PostgreSQL's limit */
	if (target < -1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("statistics target %d is too low", target));
	if (target > kMaxStatisticsTarget)
	{
		target = kMaxStatisticsTarget;
		ereport(WARNING, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("lowering statistics target to %d", target));
	}
	Form_pg_attribute att = LookupUserColumn(relid, cmd->name);
	UpdateAttribute(relid, att->attnum, [&](Form_pg_attribute a) { a->attstattarget = target; });
}

/* The CREATE INDEX (or ADD CONSTRAINT … PRIMARY KEY / UNIQUE) that makes
 * index indexoid of table rv again, for ALTER COLUMN TYPE to drop and
 * remake it over the retyped column; *owner is what to drop (the
 * constraint for a constraint's index). */
IndexStmt *IndexDefinition(Oid indexoid, RangeVar *rv, ObjectAddress *owner)
{
	HeapTuple itup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexoid));
	if (itup == nullptr)
		elog(ERROR, "cache lookup failed for index %u", indexoid);
	auto *index = reinterpret_cast<Form_pg_index>(GETSTRUCT(itup));
	bool isnull;
	(void) SysCacheGetAttr(INDEXRELID, itup, Anum_pg_index_indpred, &isnull);
	bool haspred = !isnull;
	(void) SysCacheGetAttr(INDEXRELID, itup, Anum_pg_index_indexprs, &isnull);
	if (haspred || !isnull)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s is not supported yet",
					   "ALTER COLUMN TYPE of a column used by a partial or expression index"));
	auto *indoption = reinterpret_cast<int2vector *>(
		DatumGetPointer(SysCacheGetAttr(INDEXRELID, itup, Anum_pg_index_indoption, &isnull)));
	IndexStmt *stmt = makeNode(IndexStmt);
	stmt->idxname = get_rel_name(indexoid);
	stmt->relation = rv;
	stmt->accessMethod = pstrdup("btree");
	stmt->unique = index->indisunique;
	stmt->primary = index->indisprimary;
	for (int i = 0; i < index->indnatts; i++)
	{
		IndexElem *elem = makeNode(IndexElem);
		HeapTuple atttup = SearchSysCache2(ATTNUM, ObjectIdGetDatum(index->indrelid),
										   Int16GetDatum(index->indkey.values[i]));
		if (atttup == nullptr)
			elog(ERROR, "cache lookup failed for attribute %d of relation %u",
				 index->indkey.values[i], index->indrelid);
		elem->name = pstrdup(
			NameStr(reinterpret_cast<Form_pg_attribute>(GETSTRUCT(atttup))->attname));
		elem->ordering = SORTBY_DEFAULT;
		elem->nulls_ordering = SORTBY_NULLS_DEFAULT;
		if (i < index->indnkeyatts)
		{
			int16 opt = indoption->values[i];
			bool desc = (opt & kIndexOptionDesc) != 0;
			bool nulls_first = (opt & kIndexOptionNullsFirst) != 0;
			if (desc)
				elem->ordering = SORTBY_DESC;
			if (nulls_first != desc)
				elem->nulls_ordering = nulls_first ? SORTBY_NULLS_FIRST : SORTBY_NULLS_LAST;
			stmt->indexParams = lappend(stmt->indexParams, elem);
		}
		else
			stmt->indexIncludingParams = lappend(stmt->indexIncludingParams, elem);
	}
	ObjectAddressSet(*owner, RelationRelationId, indexoid);
	ScanDependRows(false, RelationRelationId, indexoid, [&](Form_pg_depend dep, ItemPointer) {
		if (dep->deptype != DEPENDENCY_INTERNAL || dep->refclassid != ConstraintRelationId)
			return;
		HeapTuple ctup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(dep->refobjid));
		if (ctup == nullptr)
			return;
		auto *con = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(ctup));
		stmt->isconstraint = true;
		stmt->deferrable = con->condeferrable;
		stmt->initdeferred = con->condeferred;
		ObjectAddressSet(*owner, ConstraintRelationId, dep->refobjid);
	});
	return stmt;
}

/*
 * ALTER [COLUMN] col [SET DATA] TYPE t [USING expr] (PostgreSQL's
 * ATPrepAlterColumnType and ATExecAlterColumnType): every row's value is
 * converted (USING's expression, else an assignment cast: 42804 when
 * there is none) as the table is rewritten; the column's default is cast
 * too; indexes on the column are dropped and made again for the new
 * type.  A view reading the column refuses it (0A000, as PostgreSQL);
 * so, in Tusk, do CHECK and FOREIGN KEY constraints on it.
 */
void AlterColumnType(Oid relid, AlterTableCmd *cmd, const char *queryString)
{
	auto *def = reinterpret_cast<ColumnDef *>(cmd->def);
	Form_pg_attribute found = LookupUserColumn(relid, cmd->name);
	FormData_pg_attribute oldatt = *found;
	AttrNumber attnum = oldatt.attnum;
	Relation rel = relation_open(relid, NoLock);
	TupleDesc olddesc = CreateTupleDescCopyConstr(RelationGetDescr(rel));
	RangeVar *rv = makeNode(RangeVar);
	rv->schemaname = get_namespace_name(RelationGetNamespace(rel));
	rv->relname = pstrdup(RelationGetRelationName(rel));
	rv->inh = true;
	rv->location = -1;
	Oid rowtype = rel->rd_rel->reltype;
	relation_close(rel, NoLock);

	Oid typid;
	int32 typmod;
	typenameTypeIdAndMod(nullptr, def->typeName, &typid, &typmod);
	if (def->collClause != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s is not supported yet", "COLLATE in ALTER COLUMN TYPE"));
	CheckAttributeType(cmd->name, typid, get_typcollation(typid), list_make1_oid(rowtype));

	/* How each row's new value is made from the old row. */
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;
	ParseNamespaceItem *nsitem = addRangeTableEntry(pstate, rv, nullptr, NoLock, true);
	pstate->p_namespace = lappend(pstate->p_namespace, nsitem);
	Node *transform = def->raw_default != nullptr
		? transformExpr(pstate, def->raw_default, EXPR_KIND_OTHER)
		: reinterpret_cast<Node *>(
			  makeVar(1, attnum, oldatt.atttypid, oldatt.atttypmod, oldatt.attcollation, 0));
	transform = coerce_to_target_type(pstate, transform, exprType(transform), typid, typmod,
									  COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);
	if (transform == nullptr)
	{
		if (def->raw_default != nullptr)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("result of USING clause for column \"%s\" cannot be cast automatically "
						   "to type %s",
						   cmd->name, format_type_be(typid)),
					errhint("You might need to add an explicit cast."));
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("column \"%s\" cannot be cast automatically to type %s", cmd->name,
					   format_type_be(typid)),
				errhint("You might need to specify \"USING %s::%s\".", quote_identifier(cmd->name),
						format_type_with_typemod(typid, typmod)));
	}
	free_parsestate(pstate);

	/* What depends on the column: views refuse; indexes are remade. */
	std::vector<std::pair<IndexStmt *, ObjectAddress>> indexes;
	Oid defoid = InvalidOid;
	auto remake = [&](Oid indexoid) {
		for (const auto &[stmt, owner] : indexes)
			if (stmt->indexOid == indexoid)
				return;
		ObjectAddress owner;
		IndexStmt *stmt = IndexDefinition(indexoid, rv, &owner);
		stmt->indexOid = indexoid; /* (which one it was; DefineIndex makes a new one) */
		indexes.emplace_back(stmt, owner);
	};
	ScanDependRows(true, RelationRelationId, relid, [&](Form_pg_depend dep, ItemPointer) {
		if (dep->refobjsubid != attnum)
			return;
		ObjectAddress other{dep->classid, dep->objid, dep->objsubid};
		if (dep->classid == RewriteRelationId)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("cannot alter type of a column used by a view or rule"),
					errdetail("%s depends on column \"%s\"", getObjectDescription(&other, false),
							  cmd->name));
		if (dep->classid == AttrDefaultRelationId)
			defoid = dep->objid;
		else if (dep->classid == RelationRelationId && dep->objid != relid &&
				 get_rel_relkind(dep->objid) == RELKIND_INDEX)
			remake(dep->objid);
		else if (dep->classid == ConstraintRelationId)
		{
			/* A primary key or unique constraint is remade with its index. */
			HeapTuple ctup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(dep->objid));
			auto *con = ctup != nullptr ? reinterpret_cast<Form_pg_constraint>(GETSTRUCT(ctup))
										: nullptr;
			if (con == nullptr ||
				(con->contype != CONSTRAINT_PRIMARY && con->contype != CONSTRAINT_UNIQUE))
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("%s is not supported yet",
							   "ALTER COLUMN TYPE of a column used by a CHECK or FOREIGN KEY "
							   "constraint"));
			remake(con->conindid);
		}
	});
	/* A constraint's index may be referenced by a foreign key. */
	for (const auto &[stmt, owner] : indexes)
		ScanDependRows(true, owner.classId, owner.objectId, [&](Form_pg_depend dep, ItemPointer) {
			if (dep->deptype == DEPENDENCY_NORMAL)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("%s is not supported yet",
							   "ALTER COLUMN TYPE of a column used by a FOREIGN KEY constraint"));
		});
	(void) RangeVarGetRelid(rv, AccessExclusiveLock, false);

	/* The default, cast to the new type (42804 if it cannot be). */
	Node *newdefault = nullptr;
	if (OidIsValid(defoid))
	{
		Relation r = relation_open(relid, NoLock);
		Node *olddef = build_column_default(r, attnum);
		relation_close(r, NoLock);
		if (olddef != nullptr)
		{
			newdefault = coerce_to_target_type(nullptr, olddef, exprType(olddef), typid, typmod,
											   COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);
			if (newdefault == nullptr)
				ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("default for column \"%s\" cannot be cast automatically to type %s",
							   cmd->name, format_type_be(typid)));
		}
		ObjectAddress defaddr;
		ObjectAddressSet(defaddr, AttrDefaultRelationId, defoid);
		performDeletion(&defaddr, DROP_RESTRICT,
						PERFORM_DELETION_INTERNAL | PERFORM_DELETION_QUIETLY);
	}
	for (const auto &[stmt, owner] : indexes)
		performDeletion(&owner, DROP_RESTRICT,
						PERFORM_DELETION_INTERNAL | PERFORM_DELETION_QUIETLY);

	/* The column's new type, and what it depends on. */
	int16 len;
	bool byval;
	char align;
	get_typlenbyvalalign(typid, &len, &byval, &align);
	Oid collation = OidIsValid(get_typcollation(typid)) ? Oid{100} : InvalidOid;
	if (OidIsValid(collation) && OidIsValid(oldatt.attcollation) &&
		get_typcollation(oldatt.atttypid) == get_typcollation(typid))
		collation = oldatt.attcollation;
	HeapTuple atttup = heap_copytuple(
		SearchSysCache2(ATTNUM, ObjectIdGetDatum(relid), Int16GetDatum(attnum)));
	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	TupleDesc adesc = RelationGetDescr(pg_attribute);
	std::vector<Datum> values(static_cast<size_t>(adesc->natts));
	std::unique_ptr<bool[]> nulls(new bool[adesc->natts]());
	std::unique_ptr<bool[]> replace(new bool[adesc->natts]());
	auto set = [&](int anum, Datum value) {
		values[anum - 1] = value;
		replace[anum - 1] = true;
	};
	set(Anum_pg_attribute_atttypid, ObjectIdGetDatum(typid));
	set(Anum_pg_attribute_atttypmod, Int32GetDatum(typmod));
	set(Anum_pg_attribute_attndims, Int32GetDatum(list_length(def->typeName->arrayBounds)));
	set(Anum_pg_attribute_attlen, Int16GetDatum(len));
	set(Anum_pg_attribute_attbyval, BoolGetDatum(byval));
	set(Anum_pg_attribute_attalign, CharGetDatum(align));
	set(Anum_pg_attribute_attstorage, CharGetDatum(get_typstorage(typid)));
	set(Anum_pg_attribute_attcollation, ObjectIdGetDatum(collation));
	set(Anum_pg_attribute_atthasdef, BoolGetDatum(newdefault != nullptr));
	/* The rewrite gives every row the column: nothing is missing. */
	set(Anum_pg_attribute_atthasmissing, BoolGetDatum(false));
	replace[Anum_pg_attribute_attmissingval - 1] = true;
	nulls[Anum_pg_attribute_attmissingval - 1] = true;
	HeapTuple newtup = heap_modify_tuple(atttup, adesc, values.data(), nulls.get(), replace.get());
	CatalogTupleUpdate(pg_attribute, &newtup->t_self, newtup);
	relation_close(pg_attribute, RowExclusiveLock);
	(void) deleteDependencyRecordsForColumn(relid, attnum);
	ObjectAddress column;
	ObjectAddress referenced;
	ObjectAddressSubSet(column, RelationRelationId, relid, attnum);
	ObjectAddressSet(referenced, TypeRelationId, typid);
	recordDependencyOn(&column, &referenced, DEPENDENCY_NORMAL);
	if (OidIsValid(collation))
	{
		ObjectAddressSet(referenced, CollationRelationId, collation);
		recordDependencyOn(&column, &referenced, DEPENDENCY_NORMAL);
	}
	RemoveColumnStatistics(relid, attnum);
	if (newdefault != nullptr)
		StoreAttrDefault(relid, attnum, newdefault);
	RelationCacheInvalidateEntry(relid);
	CommandCounterIncrement();

	/* Every row, converted. */
	ExprState *state = ExecInitExpr(reinterpret_cast<Expr *>(transform), nullptr);
	int natts = olddesc->natts;
	RewriteTable(relid, olddesc, [&](ExprContext *econtext, Datum *out, bool *isnull) {
		TupleTableSlot *old = econtext->ecxt_scantuple;
		slot_getsomeattrs(old, natts);
		for (int i = 0; i < natts; i++)
		{
			out[i] = old->tts_values[i];
			isnull[i] = old->tts_isnull[i];
		}
		out[attnum - 1] = ExecEvalExprSwitchContext(state, econtext, &isnull[attnum - 1]);
	});
	if (oldatt.attnotnull)
	{
		rel = relation_open(relid, NoLock);
		CheckNoNulls(rel, attnum);
		relation_close(rel, NoLock);
	}
	for (const auto &[stmt, owner] : indexes)
	{
		stmt->indexOid = InvalidOid;
		(void) DefineIndex(stmt, queryString);
		CommandCounterIncrement();
	}
}

/* ALTER [COLUMN] col SET GENERATED { ALWAYS | BY DEFAULT } | RESTART
 * [[WITH] n] | SET sequence_option …: the identity kind changes in
 * pg_attribute, the rest is ALTER SEQUENCE of the column's sequence. */
void SetIdentity(Oid relid, AlterTableCmd *cmd, const char *queryString)
{
	DefElem *generated = nullptr;
	List *seqoptions = NIL;
	ListCell *lc;
	foreach (lc, reinterpret_cast<List *>(cmd->def))
	{
		auto *def = static_cast<DefElem *>(lfirst(lc));
		if (strcmp(def->defname, "generated") != 0)
		{
			seqoptions = lappend(seqoptions, def);
			continue;
		}
		if (generated != nullptr)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("conflicting or redundant options"));
		generated = def;
	}
	Form_pg_attribute att = LookupUserColumn(relid, cmd->name);
	if (att->attidentity == '\0')
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("column \"%s\" of relation \"%s\" is not an identity column", cmd->name,
					   get_rel_name(relid)));
	AttrNumber attnum = att->attnum;
	if (seqoptions != NIL)
	{
		Oid seqoid = getIdentitySequence(relid, attnum);
		AlterSeqStmt *alter = makeNode(AlterSeqStmt);
		alter->for_identity = true;
		alter->sequence = makeNode(RangeVar);
		alter->sequence->schemaname = get_namespace_name(get_rel_namespace(seqoid));
		alter->sequence->relname = get_rel_name(seqoid);
		alter->sequence->location = -1;
		alter->options = seqoptions;
		AlterSequence(alter, queryString);
	}
	if (generated != nullptr)
	{
		char when = static_cast<char>(intVal(generated->arg));
		UpdateAttribute(relid, attnum, [&](Form_pg_attribute a) { a->attidentity = when; });
	}
}

/* ALTER [COLUMN] col DROP IDENTITY [IF EXISTS]: the column keeps its
 * values and NOT NULL; its sequence is dropped. */
void DropIdentity(Oid relid, AlterTableCmd *cmd)
{
	Form_pg_attribute att = LookupUserColumn(relid, cmd->name);
	if (att->attidentity == '\0')
	{
		if (cmd->missing_ok)
		{
			ereport(NOTICE,
					errmsg("column \"%s\" of relation \"%s\" is not an identity column, skipping",
						   cmd->name, get_rel_name(relid)));
			return;
		}
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("column \"%s\" of relation \"%s\" is not an identity column", cmd->name,
					   get_rel_name(relid)));
	}
	AttrNumber attnum = att->attnum;
	Oid seqoid = getIdentitySequence(relid, attnum);
	UpdateAttribute(relid, attnum, [](Form_pg_attribute a) { a->attidentity = '\0'; });
	/* The sequence is no longer part of the column: it can go alone. */
	(void) deleteDependencyRecordsForClass(RelationRelationId, seqoid, RelationRelationId,
										   DEPENDENCY_INTERNAL);
	CommandCounterIncrement();
	ObjectAddress seq;
	ObjectAddressSet(seq, RelationRelationId, seqoid);
	performDeletion(&seq, DROP_RESTRICT, PERFORM_DELETION_INTERNAL);
}

/* Renames relation relid (PostgreSQL's RenameRelationInternal): its
 * pg_class row, its row type, and — for an index backing a constraint —
 * the constraint. */
void RenameRelationInternal(Oid relid, const char *newname)
{
	HeapTuple cached = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (cached == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	HeapTuple tup = heap_copytuple(cached);
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	if (OidIsValid(GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid, CStringGetDatum(newname),
								   ObjectIdGetDatum(form->relnamespace))))
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_TABLE),
				errmsg("relation \"%s\" already exists", newname));
	namestrcpy(&form->relname, newname);
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_class, &tup->t_self, tup);
	relation_close(pg_class, RowExclusiveLock);

	if (OidIsValid(form->reltype))
	{
		if (OidIsValid(GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(newname),
									   ObjectIdGetDatum(form->relnamespace))))
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
					errmsg("type \"%s\" already exists", newname));
		HeapTuple typtup = heap_copytuple(
			SearchSysCache1(TYPEOID, ObjectIdGetDatum(form->reltype)));
		namestrcpy(&reinterpret_cast<Form_pg_type>(GETSTRUCT(typtup))->typname, newname);
		Relation pg_type = relation_open(TypeRelationId, RowExclusiveLock);
		CatalogTupleUpdate(pg_type, &typtup->t_self, typtup);
		/* and its array type, "_newname" */
		Oid array = reinterpret_cast<Form_pg_type>(GETSTRUCT(typtup))->typarray;
		HeapTuple arrtup = OidIsValid(array) ? SearchSysCache1(TYPEOID, ObjectIdGetDatum(array))
											 : nullptr;
		if (arrtup != nullptr)
		{
			std::string arrname = std::string("_") + newname;
			if (arrname.size() > NAMEDATALEN - 1)
				arrname.resize(NAMEDATALEN - 1);
			if (!OidIsValid(GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
											CStringGetDatum(arrname.c_str()),
											ObjectIdGetDatum(form->relnamespace))))
			{
				HeapTuple copy = heap_copytuple(arrtup);
				namestrcpy(&reinterpret_cast<Form_pg_type>(GETSTRUCT(copy))->typname,
						   arrname.c_str());
				CatalogTupleUpdate(pg_type, &copy->t_self, copy);
			}
			ReleaseSysCache(arrtup);
		}
		relation_close(pg_type, RowExclusiveLock);
	}
	if (form->relkind == RELKIND_INDEX)
	{
		/* The constraint an index implements has the index's name. */
		HeapTuple itup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(relid));
		if (itup == nullptr)
			elog(ERROR, "cache lookup failed for index %u", relid);
		Oid table = reinterpret_cast<Form_pg_index>(GETSTRUCT(itup))->indrelid;
		Relation pg_constraint = relation_open(ConstraintRelationId, RowExclusiveLock);
		ScanKeyData key;
		ScanKeyInit(&key, Anum_pg_constraint_conrelid, BTEqualStrategyNumber, F_OIDEQ,
					ObjectIdGetDatum(table));
		SysScanDesc scan = systable_beginscan(pg_constraint, ConstraintRelidTypidNameIndexId, true,
											  nullptr, 1, &key);
		std::vector<HeapTuple> found;
		while (HeapTuple t = systable_getnext(scan))
		{
			auto *con = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(t));
			if (con->conindid == relid &&
				(con->contype == CONSTRAINT_PRIMARY || con->contype == CONSTRAINT_UNIQUE))
				found.push_back(heap_copytuple(t));
		}
		systable_endscan(scan);
		if (!found.empty() && ConstraintNameIsUsed(table, newname))
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
					errmsg("constraint \"%s\" for relation \"%s\" already exists", newname,
						   get_rel_name(table)));
		for (HeapTuple t : found)
		{
			namestrcpy(&reinterpret_cast<Form_pg_constraint>(GETSTRUCT(t))->conname, newname);
			CatalogTupleUpdate(pg_constraint, &t->t_self, t);
		}
		relation_close(pg_constraint, RowExclusiveLock);
	}
	RelationCacheInvalidateEntry(relid);
}

/* What ALTER kind … RENAME may act on, as PostgreSQL checks it (42809):
 * ALTER TABLE and ALTER INDEX may rename any relation. */
void CheckRelkind(ObjectType kind, Oid relid, const char *relname)
{
	char relkind = get_rel_relkind(relid);
	switch (kind)
	{
		case OBJECT_SEQUENCE:
			if (relkind != RELKIND_SEQUENCE)
				ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
						errmsg("\"%s\" is not a sequence", relname));
			break;
		case OBJECT_VIEW:
			if (relkind != RELKIND_VIEW)
				ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
						errmsg("\"%s\" is not a view", relname));
			break;
		default:
			break;
	}
	if (get_rel_namespace(relid) == PG_CATALOG_NAMESPACE)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied: \"%s\" is a system catalog", relname));
}

/* RENAME [COLUMN] a TO b (PostgreSQL's renameatt). */
void RenameColumn(Oid relid, RenameStmt *stmt)
{
	HeapTuple tup = SearchSysCache2(ATTNAME, ObjectIdGetDatum(relid),
									CStringGetDatum(stmt->subname));
	if (tup == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column \"%s\" does not exist", stmt->subname));
	auto *att = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(tup));
	if (att->attnum <= 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot rename system column \"%s\"", stmt->subname));
	if (HeapTuple other = SearchSysCache2(ATTNAME, ObjectIdGetDatum(relid),
										  CStringGetDatum(stmt->newname)))
	{
		if (reinterpret_cast<Form_pg_attribute>(GETSTRUCT(other))->attnum <= 0)
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
					errmsg("column name \"%s\" conflicts with a system column name",
						   stmt->newname));
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
				errmsg("column \"%s\" of relation \"%s\" already exists", stmt->newname,
					   get_rel_name(relid)));
	}
	UpdateAttribute(relid, att->attnum,
					[&](Form_pg_attribute a) { namestrcpy(&a->attname, stmt->newname); });
}

/* RENAME CONSTRAINT a TO b (PostgreSQL's RenameConstraint): a primary
 * key's or unique constraint's index is renamed with it. */
void RenameConstraint(Oid relid, RenameStmt *stmt)
{
	Oid conoid = get_relation_constraint_oid(relid, stmt->subname);
	if (!OidIsValid(conoid))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("constraint \"%s\" for table \"%s\" does not exist", stmt->subname,
					   get_rel_name(relid)));
	HeapTuple cached = SearchSysCache1(CONSTROID, ObjectIdGetDatum(conoid));
	if (cached == nullptr)
		elog(ERROR, "cache lookup failed for constraint %u", conoid);
	HeapTuple tup = heap_copytuple(cached);
	auto *con = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(tup));
	if (ConstraintNameIsUsed(relid, stmt->newname))
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
				errmsg("constraint \"%s\" for relation \"%s\" already exists", stmt->newname,
					   get_rel_name(relid)));
	if ((con->contype == CONSTRAINT_PRIMARY || con->contype == CONSTRAINT_UNIQUE) &&
		OidIsValid(con->conindid))
	{
		RenameRelationInternal(con->conindid, stmt->newname);
		return;
	}
	namestrcpy(&con->conname, stmt->newname);
	Relation pg_constraint = relation_open(ConstraintRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_constraint, &tup->t_self, tup);
	relation_close(pg_constraint, RowExclusiveLock);
	RelationCacheInvalidateEntry(relid);
}

}  // namespace

void AlterTableColumnCmd(Oid relid, AlterTableCmd *cmd, const char *queryString)
{
	switch (cmd->subtype)
	{
		case AT_DropColumn:
			DropColumn(relid, cmd);
			break;
		case AT_ColumnDefault:
			ColumnDefault(relid, cmd);
			break;
		case AT_SetNotNull:
			SetNotNull(relid, cmd);
			break;
		case AT_DropNotNull:
			DropNotNull(relid, cmd);
			break;
		case AT_SetStatistics:
			SetStatistics(relid, cmd);
			break;
		case AT_AlterColumnType:
			AlterColumnType(relid, cmd, queryString);
			break;
		case AT_SetIdentity:
			SetIdentity(relid, cmd, queryString);
			break;
		case AT_DropIdentity:
			DropIdentity(relid, cmd);
			break;
		case AT_SetRelOptions:
		case AT_ResetRelOptions:
		{
			HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
			bool isnull;
			Datum old = SysCacheGetAttr(RELOID, tup, Anum_pg_class_reloptions, &isnull);
			SetRelationOptions(relid,
							   transformRelOptions(isnull ? 0 : old,
												   reinterpret_cast<List *>(cmd->def),
												   cmd->subtype == AT_ResetRelOptions));
			break;
		}
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s is not supported yet", "this form of ALTER TABLE"));
	}
	RelationCacheInvalidateEntry(relid);
}

void ExecRenameStmt(RenameStmt *stmt)
{
	ObjectType kind = stmt->renameType == OBJECT_COLUMN || stmt->renameType == OBJECT_TABCONSTRAINT
		? (stmt->renameType == OBJECT_COLUMN ? stmt->relationType : OBJECT_TABLE)
		: stmt->renameType;
	if (kind != OBJECT_TABLE && kind != OBJECT_VIEW && kind != OBJECT_INDEX &&
		kind != OBJECT_SEQUENCE)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s is not supported yet", "this form of ALTER … RENAME"));
	Oid relid = RangeVarGetRelid(stmt->relation, AccessExclusiveLock, stmt->missing_ok);
	if (!OidIsValid(relid))
	{
		ereport(NOTICE,
				errmsg("relation \"%s\" does not exist, skipping", stmt->relation->relname));
		return;
	}
	CheckRelationOwner(relid, stmt->relation->relname);
	CheckRelkind(kind, relid, stmt->relation->relname);
	switch (stmt->renameType)
	{
		case OBJECT_COLUMN:
			RenameColumn(relid, stmt);
			break;
		case OBJECT_TABCONSTRAINT:
			RenameConstraint(relid, stmt);
			break;
		default:
			RenameRelationInternal(relid, stmt->newname);
			break;
	}
	CommandCounterIncrement();
	RelationCacheInvalidateEntry(relid);
}
