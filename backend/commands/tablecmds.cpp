/*
 * tablecmds.cpp — CREATE TABLE and DROP TABLE (commands/tablecmds.h).
 *
 * Principal entry points: DefineRelation, RemoveRelations.
 *
 * CREATE TABLE resolves the schema and every column's type, refuses what
 * PostgreSQL refuses (a name in use: 42P07; a column twice: 42701), and
 * writes the catalogs (catalog/heap.h).  Column constraints other than
 * NOT NULL/NULL, and table constraints, are 0A000 until indexes and
 * constraint checking arrive.  DROP TABLE locks each table exclusively
 * — waiting for readers' transactions — then removes it.
 */
#include "postgres.h"

#include <algorithm>
#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "catalog/heap.h"
#include "catalog/namespace.h"
#include "catalog/index.h"
#include "commands/defrem.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_index_d.h"
#include "access/heapam.h"
#include "access/relation.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "catalog/pg_namespace_d.h"
#include "utils/format_type.h"
#include "commands/tablecmds.h"
#include "nodes/value.h"
#include "nodes/nodeFuncs.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "storage/lmgr.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

namespace {

const char *ConstraintName(ConstrType t)
{
	switch (t)
	{
		case CONSTR_DEFAULT:
			return "DEFAULT";
		case CONSTR_IDENTITY:
			return "GENERATED … AS IDENTITY";
		case CONSTR_GENERATED:
			return "GENERATED … STORED";
		case CONSTR_CHECK:
			return "CHECK constraints";
		case CONSTR_PRIMARY:
			return "PRIMARY KEY";
		case CONSTR_UNIQUE:
			return "UNIQUE constraints";
		case CONSTR_EXCLUSION:
			return "EXCLUDE constraints";
		case CONSTR_FOREIGN:
			return "FOREIGN KEY constraints";
		default:
			return "constraint attributes";
	}
}

/* DROP's words for a kind of relation. */
struct DropWords
{
	char relkind;
	const char *noun;
	const char *hint;
};

DropWords WordsFor(ObjectType type)
{
	switch (type)
	{
		case OBJECT_TABLE:
			return {'r', "table", "Use DROP TABLE to remove a table."};
		case OBJECT_VIEW:
			return {'v', "view", "Use DROP VIEW to remove a view."};
		case OBJECT_INDEX:
			return {'i', "index", "Use DROP INDEX to remove an index."};
		case OBJECT_SEQUENCE:
			return {'S', "sequence", "Use DROP SEQUENCE to remove a sequence."};
		default:
			return {'\0', "relation", ""};
	}
}

/* PostgreSQL's hint for dropping what a relation of relkind is. */
const char *HintFor(char relkind)
{
	switch (relkind)
	{
		case 'r':
			return WordsFor(OBJECT_TABLE).hint;
		case 'v':
			return WordsFor(OBJECT_VIEW).hint;
		case 'i':
			return WordsFor(OBJECT_INDEX).hint;
		case 'S':
			return WordsFor(OBJECT_SEQUENCE).hint;
		default:
			return "";
	}
}

/* A column's DEFAULT, analyzed and cast to the column's type (PostgreSQL's
 * cookDefault): no column references, no aggregates or subqueries. */
bool ContainsVar(Node *node, void *)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Var))
		return true;
	return node_children_walker(node, ContainsVar, nullptr);
}

/* The CREATE INDEX a PRIMARY KEY or UNIQUE constraint amounts to (a
 * column constraint's key is its column). */
IndexStmt *ConstraintIndexStmt(RangeVar *rv, Constraint *con, const char *column)
{
	if (con->indexname != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s are not supported yet", "constraints USING INDEX"));
	if (con->indexspace != nullptr || con->options != NIL)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s are not supported yet", "index parameters of constraints"));
	IndexStmt *idx = makeNode(IndexStmt);
	idx->idxname = con->conname;
	idx->relation = rv;
	idx->accessMethod = pstrdup("btree");
	auto elem = [](const char *name) {
		IndexElem *e = makeNode(IndexElem);
		e->name = pstrdup(name);
		e->ordering = SORTBY_DEFAULT;
		e->nulls_ordering = SORTBY_NULLS_DEFAULT;
		return e;
	};
	if (column != nullptr)
		idx->indexParams = list_make1(elem(column));
	ListCell *lc;
	foreach (lc, con->keys)
		idx->indexParams = lappend(idx->indexParams, elem(strVal(lfirst(lc))));
	foreach (lc, con->including)
		idx->indexIncludingParams = lappend(idx->indexIncludingParams, elem(strVal(lfirst(lc))));
	idx->unique = true;
	idx->nulls_not_distinct = con->nulls_not_distinct;
	idx->primary = con->contype == CONSTR_PRIMARY;
	idx->isconstraint = true;
	idx->deferrable = con->deferrable;
	idx->initdeferred = con->initdeferred;
	return idx;
}

/* PostgreSQL refuses a second PRIMARY KEY where it appears. */
void CheckOnePrimaryKey(ParseState *pstate, RangeVar *rv, Constraint *con, int *seen)
{
	if (*seen >= 0 || *seen == -2)
		ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
				errmsg("multiple primary keys for table \"%s\" are not allowed", rv->relname),
				parser_errposition(pstate, con->location));
	*seen = con->location >= 0 ? con->location : -2;
}

/* A constraint's key and INCLUDE columns must exist: PostgreSQL says so
 * at the constraint. */
template <typename Exists>
void CheckConstraintColumns(ParseState *pstate, Constraint *con, Exists exists)
{
	for (List *names : {con->keys, con->including})
	{
		ListCell *lc;
		foreach (lc, names)
			if (!exists(strVal(lfirst(lc))))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
						errmsg("column \"%s\" named in key does not exist", strVal(lfirst(lc))),
						pstate != nullptr ? parser_errposition(pstate, con->location) : 0);
	}
}

bool SameColumns(List *a, List *b)
{
	if (list_length(a) != list_length(b))
		return false;
	ListCell *x;
	ListCell *y;
	forboth(x, a, y, b) if (strcmp(static_cast<IndexElem *>(lfirst(x))->name,
								   static_cast<IndexElem *>(lfirst(y))->name) != 0) return false;
	return true;
}

/* As PostgreSQL orders a CREATE TABLE's constraint indexes: the primary
 * key first, then the others as they appear, one index for constraints
 * on the same columns (the first's name wins, or a later given one). */
std::vector<IndexStmt *> OrderConstraintIndexes(std::vector<std::pair<int, IndexStmt *>> &pending)
{
	std::stable_sort(pending.begin(), pending.end(),
					 [](const auto &x, const auto &y) { return x.first < y.first; });
	std::vector<IndexStmt *> result;
	for (auto &[pos, idx] : pending)
		if (idx->primary)
			result.push_back(idx);
	for (auto &[pos, idx] : pending)
	{
		if (idx->primary)
			continue;
		bool keep = true;
		for (IndexStmt *prior : result)
			if (SameColumns(idx->indexParams, prior->indexParams) &&
				SameColumns(idx->indexIncludingParams, prior->indexIncludingParams) &&
				idx->deferrable == prior->deferrable && idx->initdeferred == prior->initdeferred)
			{
				if (prior->idxname == nullptr)
					prior->idxname = idx->idxname;
				keep = false;
				break;
			}
		if (keep)
			result.push_back(idx);
	}
	return result;
}

Node *CookDefault(ParseState *pstate, Node *raw, Form_pg_attribute att)
{
	Node *expr = transformExpr(pstate, raw, EXPR_KIND_COLUMN_DEFAULT);
	if (ContainsVar(expr, nullptr))
		ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
				errmsg("cannot use column reference in DEFAULT expression"),
				parser_errposition(pstate, exprLocation(raw)));
	Oid type = exprType(expr);
	Node *coerced = coerce_to_target_type(pstate, expr, type, att->atttypid, att->atttypmod,
										  COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);
	if (coerced == nullptr)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("column \"%s\" is of type %s but default expression is of type %s",
					   NameStr(att->attname), format_type_be(att->atttypid), format_type_be(type)),
				errhint("You will need to rewrite or cast the expression."));
	return coerced;
}

}  // namespace

Oid DefineRelation(CreateStmt *stmt, const char *queryString)
{
	if (stmt->inhRelations != NIL || stmt->partbound != nullptr || stmt->partspec != nullptr ||
		stmt->ofTypename != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("inheritance, partitions and typed tables are not supported yet"));
	if (stmt->constraints != NIL)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s are not supported yet", "table constraints"));
	/* The indexes of PRIMARY KEY and UNIQUE constraints, with where they
	 * appear among the table elements (they are made in that order). */
	std::vector<std::pair<int, IndexStmt *>> pending;
	std::vector<int> colpos;
	int eltpos = 0;
	int pkey_location = -1;
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;
	RangeVar *rv = stmt->relation;
	Oid nsp;
	{
		ParserErrposScope scope(pstate, rv->location);
		nsp = RangeVarGetCreationNamespace(rv);
	}
	if (OidIsValid(GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid, CStringGetDatum(rv->relname),
								   ObjectIdGetDatum(nsp))))
	{
		if (stmt->if_not_exists)
		{
			ereport(NOTICE, errcode(ERRCODE_DUPLICATE_TABLE),
					errmsg("relation \"%s\" already exists, skipping", rv->relname));
			return InvalidOid;
		}
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_TABLE),
				errmsg("relation \"%s\" already exists", rv->relname));
	}
	std::vector<ColumnDef *> columns;
	ListCell *lc;
	foreach (lc, stmt->tableElts)
	{
		Node *elt = static_cast<Node *>(lfirst(lc));
		eltpos++;
		if (IsA(elt, Constraint))
		{
			Constraint *con = reinterpret_cast<Constraint *>(elt);
			if (con->contype != CONSTR_PRIMARY && con->contype != CONSTR_UNIQUE)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("%s are not supported yet", ConstraintName(con->contype)));
			if (con->contype == CONSTR_PRIMARY)
				CheckOnePrimaryKey(pstate, rv, con, &pkey_location);
			pending.emplace_back(eltpos, ConstraintIndexStmt(rv, con, nullptr));
			continue;
		}
		if (!IsA(elt, ColumnDef))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s are not supported yet", "LIKE clauses"));
		ColumnDef *col = reinterpret_cast<ColumnDef *>(elt);
		for (ColumnDef *other : columns)
			if (strcmp(other->colname, col->colname) == 0)
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
						errmsg("column \"%s\" specified more than once", col->colname));
		columns.push_back(col);
		colpos.push_back(eltpos);
	}
	TupleDesc desc = CreateTemplateTupleDesc(static_cast<int>(columns.size()));
	std::vector<std::pair<AttrNumber, Node *>> defaults;
	for (size_t i = 0; i < columns.size(); i++)
	{
		ColumnDef *col = columns[i];
		Oid typid;
		int32 typmod;
		typenameTypeIdAndMod(pstate, col->typeName, &typid, &typmod);
		char typtype = get_typtype(typid);
		if (typtype == 'p')
			ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
					errmsg("column \"%s\" has pseudo-type %s", col->colname,
						   format_type_be(typid)));
		AttrNumber attnum = static_cast<AttrNumber>(i + 1);
		TupleDescInitEntry(desc, attnum, col->colname, typid, typmod,
						   list_length(col->typeName->arrayBounds));
		/* Strings compare as the database's default collation (C). */
		if (OidIsValid(TupleDescAttr(desc, i)->attcollation))
			TupleDescAttr(desc, i)->attcollation = 100;
		bool notnull = col->is_not_null;
		Node *raw_default = col->raw_default;
		ListCell *c;
		foreach (c, col->constraints)
		{
			Constraint *con = static_cast<Constraint *>(lfirst(c));
			if (con->contype == CONSTR_NOTNULL)
				notnull = true;
			else if (con->contype == CONSTR_NULL)
				continue;
			else if (con->contype == CONSTR_PRIMARY || con->contype == CONSTR_UNIQUE)
			{
				if (con->contype == CONSTR_PRIMARY)
				{
					CheckOnePrimaryKey(pstate, rv, con, &pkey_location);
					notnull = true;
				}
				pending.emplace_back(colpos[i], ConstraintIndexStmt(rv, con, col->colname));
			}
			else if (con->contype == CONSTR_DEFAULT)
			{
				if (raw_default != nullptr)
					ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
							errmsg("multiple default values specified for column \"%s\" of table "
								   "\"%s\"",
								   col->colname, rv->relname),
							parser_errposition(pstate, con->location));
				raw_default = con->raw_expr;
			}
			else
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("%s are not supported yet", ConstraintName(con->contype)));
		}
		TupleDescAttr(desc, i)->attnotnull = notnull;
		if (raw_default != nullptr)
		{
			defaults.emplace_back(attnum, CookDefault(pstate, raw_default, TupleDescAttr(desc, i)));
			TupleDescAttr(desc, i)->atthasdef = true;
		}
	}
	ListCell *tl;
	foreach (tl, stmt->tableElts)
		if (IsA(lfirst(tl), Constraint))
			CheckConstraintColumns(pstate, static_cast<Constraint *>(lfirst(tl)),
								   [&](const char *name) {
									   for (ColumnDef *c : columns)
										   if (strcmp(c->colname, name) == 0)
											   return true;
									   return false;
								   });
	std::vector<IndexStmt *> indexes = OrderConstraintIndexes(pending);
	/* A primary key's columns are NOT NULL from the start. */
	for (IndexStmt *idx : indexes)
	{
		if (!idx->primary)
			continue;
		ListCell *e;
		foreach (e, idx->indexParams)
		{
			const char *name = static_cast<IndexElem *>(lfirst(e))->name;
			for (size_t i = 0; i < columns.size(); i++)
				if (strcmp(columns[i]->colname, name) == 0)
					TupleDescAttr(desc, i)->attnotnull = true;
		}
	}
	Oid relid = heap_create_with_catalog(rv->relname, nsp, desc, 'r', rv->relpersistence);
	for (const auto &[attnum, expr] : defaults)
		StoreAttrDefault(relid, attnum, expr);
	if (!indexes.empty())
	{
		CommandCounterIncrement();
		for (IndexStmt *idx : indexes)
		{
			(void) DefineIndex(idx, queryString);
			CommandCounterIncrement();
		}
	}
	free_parsestate(pstate);
	return relid;
}

namespace {

/* The pg_constraint rows of a table (conrelid) or backed by an index
 * (conindid): their TIDs and names. */
std::vector<std::pair<ItemPointerData, std::string>> ConstraintsOf(AttrNumber column, Oid oid)
{
	std::vector<std::pair<ItemPointerData, std::string>> found;
	Relation pg_constraint = relation_open(ConstraintRelationId, AccessShareLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(pg_constraint, snapshot);
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		bool isnull;
		Datum d = heap_getattr(t, column, RelationGetDescr(pg_constraint), &isnull);
		if (!isnull && DatumGetObjectId(d) == oid)
			found.emplace_back(t->t_self,
							   NameStr(
								   reinterpret_cast<Form_pg_constraint>(GETSTRUCT(t))->conname));
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(pg_constraint, AccessShareLock);
	return found;
}

void DeleteConstraints(AttrNumber column, Oid oid)
{
	auto doomed = ConstraintsOf(column, oid);
	if (doomed.empty())
		return;
	Relation pg_constraint = relation_open(ConstraintRelationId, RowExclusiveLock);
	for (auto &[tid, name] : doomed)
		CatalogTupleDelete(pg_constraint, &tid);
	relation_close(pg_constraint, RowExclusiveLock);
}

/* A table with its indexes and constraints. */
void DropTable(Oid relid)
{
	Relation rel = relation_open(relid, NoLock);
	List *indexes = RelationGetIndexList(rel);
	relation_close(rel, NoLock);
	DeleteConstraints(Anum_pg_constraint_conrelid, relid);
	ListCell *lc;
	foreach (lc, indexes)
	{
		LockRelationOid(lfirst_oid(lc), AccessExclusiveLock);
		index_drop(lfirst_oid(lc));
	}
	heap_drop_with_catalog(relid);
}

/* An index, unless a constraint needs it (PostgreSQL's dependency error). */
void DropIndex(Oid indexoid, const char *name)
{
	HeapTuple itup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexoid));
	if (itup == nullptr)
		elog(ERROR, "cache lookup failed for index %u", indexoid);
	Oid heapoid = reinterpret_cast<Form_pg_index>(GETSTRUCT(itup))->indrelid;
	auto constraints = ConstraintsOf(Anum_pg_constraint_conindid, indexoid);
	if (!constraints.empty())
	{
		const char *table = get_rel_name(heapoid);
		const char *con = constraints.front().second.c_str();
		ereport(ERROR, errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				errmsg("cannot drop index %s because constraint %s on table %s requires it", name,
					   con, table),
				errhint("You can drop constraint %s on table %s instead.", con, table));
	}
	index_drop(indexoid);
}

}  // namespace

void AlterTable(AlterTableStmt *stmt, const char *queryString)
{
	/* Only ADD PRIMARY KEY / UNIQUE so far; anything else is refused
	 * before anything changes. */
	ListCell *lc;
	foreach (lc, stmt->cmds)
	{
		AlterTableCmd *cmd = static_cast<AlterTableCmd *>(lfirst(lc));
		Constraint *con = cmd->subtype == AT_AddConstraint && cmd->def != nullptr &&
				IsA(cmd->def, Constraint)
			? reinterpret_cast<Constraint *>(cmd->def)
			: nullptr;
		if (stmt->objtype != OBJECT_TABLE || con == nullptr ||
			(con->contype != CONSTR_PRIMARY && con->contype != CONSTR_UNIQUE))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s is not supported yet", "ALTER TABLE"));
	}
	Oid relid = RangeVarGetRelid(stmt->relation, AccessExclusiveLock, stmt->missing_ok);
	if (!OidIsValid(relid))
	{
		ereport(NOTICE,
				errmsg("relation \"%s\" does not exist, skipping", stmt->relation->relname));
		return;
	}
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	if (form->relkind != RELKIND_RELATION)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is not a table", stmt->relation->relname));
	if (form->relnamespace == PG_CATALOG_NAMESPACE)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied: \"%s\" is a system catalog", stmt->relation->relname));
	foreach (lc, stmt->cmds)
	{
		AlterTableCmd *cmd = static_cast<AlterTableCmd *>(lfirst(lc));
		/* (ALTER TABLE's message has no position in PostgreSQL.) */
		CheckConstraintColumns(nullptr, reinterpret_cast<Constraint *>(cmd->def),
							   [&](const char *name) {
								   return SearchSysCacheExists2(ATTNAME, ObjectIdGetDatum(relid),
																CStringGetDatum(name));
							   });
		(void) DefineIndex(ConstraintIndexStmt(stmt->relation,
											   reinterpret_cast<Constraint *>(cmd->def), nullptr),
						   queryString);
		CommandCounterIncrement();
	}
}

void RemoveRelations(DropStmt *drop)
{
	DropWords words = WordsFor(drop->removeType);
	if (words.relkind != 'r' && words.relkind != 'i')
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("DROP %s is not supported yet", words.noun));
	if (drop->behavior == DROP_CASCADE)
	{
		/* Nothing depends on a table yet, so CASCADE drops only it. */
	}
	ListCell *lc;
	foreach (lc, drop->objects)
	{
		List *names = static_cast<List *>(lfirst(lc));
		RangeVar *rv = makeNode(RangeVar);
		char *schemaname;
		char *relname;
		DeconstructQualifiedName(names, &schemaname, &relname);
		rv->schemaname = schemaname;
		rv->relname = relname;
		rv->location = -1;
		/* An index's table is locked before the index, in the order
		 * inserters lock them (PostgreSQL's RangeVarCallbackForDropRelation). */
		Oid relid = RangeVarGetRelid(rv, words.relkind == 'i' ? NoLock : AccessExclusiveLock, true);
		if (OidIsValid(relid) && words.relkind == 'i')
		{
			if (HeapTuple itup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(relid)))
				LockRelationOid(reinterpret_cast<Form_pg_index>(GETSTRUCT(itup))->indrelid,
								AccessExclusiveLock);
			LockRelationOid(relid, AccessExclusiveLock);
			/* Dropped while we waited: as if it had not been there. */
			if (!SearchSysCacheExists1(RELOID, ObjectIdGetDatum(relid)))
				relid = InvalidOid;
		}
		if (!OidIsValid(relid))
		{
			if (schemaname != nullptr && !OidIsValid(get_namespace_oid(schemaname, true)))
			{
				if (drop->missing_ok)
				{
					ereport(NOTICE, errmsg("schema \"%s\" does not exist, skipping", schemaname));
					continue;
				}
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_SCHEMA),
						errmsg("schema \"%s\" does not exist", schemaname));
			}
			if (drop->missing_ok)
			{
				ereport(NOTICE,
						errmsg("%s \"%s\" does not exist, skipping", words.noun,
							   NameListToString(names)));
				continue;
			}
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
					errmsg("%s \"%s\" does not exist", words.noun, NameListToString(names)));
		}
		HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
		auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
		if (form->relkind != words.relkind)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("\"%s\" is not %s %s", relname, words.relkind == 'i' ? "an" : "a",
						   words.noun),
					errhint("%s", HintFor(form->relkind)));
		if (form->relnamespace == PG_CATALOG_NAMESPACE)
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("permission denied: \"%s\" is a system catalog", relname));
		if (words.relkind == 'i')
			DropIndex(relid, relname);
		else
			DropTable(relid);
	}
}
