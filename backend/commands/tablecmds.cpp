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

#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "catalog/heap.h"
#include "catalog/namespace.h"
#include "catalog/index.h"
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
		if (!IsA(elt, ColumnDef))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s are not supported yet",
						   IsA(elt, Constraint) ? "table constraints" : "LIKE clauses"));
		ColumnDef *col = reinterpret_cast<ColumnDef *>(elt);
		for (ColumnDef *other : columns)
			if (strcmp(other->colname, col->colname) == 0)
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
						errmsg("column \"%s\" specified more than once", col->colname));
		columns.push_back(col);
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
	Oid relid = heap_create_with_catalog(rv->relname, nsp, desc, 'r', rv->relpersistence);
	for (const auto &[attnum, expr] : defaults)
		StoreAttrDefault(relid, attnum, expr);
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
	LockRelationOid(heapoid, AccessExclusiveLock);
	index_drop(indexoid);
}

}  // namespace

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
		Oid relid = RangeVarGetRelid(rv, AccessExclusiveLock, true);
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
					errmsg("\"%s\" is not a %s", relname, words.noun), errhint("%s", words.hint));
		if (form->relnamespace == PG_CATALOG_NAMESPACE)
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("permission denied: \"%s\" is a system catalog", relname));
		if (words.relkind == 'i')
			DropIndex(relid, relname);
		else
			DropTable(relid);
	}
}
