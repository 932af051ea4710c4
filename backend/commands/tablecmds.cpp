/*
 * tablecmds.cpp — CREATE TABLE and DROP TABLE (commands/tablecmds.h).
 *
 * Principal entry points: DefineRelation, RemoveRelations.
 *
 * CREATE TABLE resolves the schema and every column's type, refuses what
 * PostgreSQL refuses (a name in use: 42P07; a column twice: 42701), and
 * writes the catalogs (catalog/heap.h).  PRIMARY KEY and UNIQUE become
 * indexes; CHECK and FOREIGN KEY constraints are pg_constraint rows (the
 * foreign keys made last, commands/foreignkeys.h, so that a table may
 * reference itself); EXCLUDE is still 0A000.  DROP TABLE / DROP INDEX
 * lock each relation exclusively — waiting for readers' transactions —
 * then drop them together with what depends on them
 * (catalog/dependency.h: CASCADE, or 2BP01 under RESTRICT).  ALTER TABLE
 * runs its subcommands in PostgreSQL's passes (AlterTable), ADD COLUMN
 * and ADD GENERATED … AS IDENTITY here, the rest in alter_table.cpp.
 */
#include "postgres.h"

#include <algorithm>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "access/htup_details.h"
#include "access/reloptions.h"
#include "access/tupdesc.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/namespace.h"
#include "catalog/index.h"
#include "catalog/pg_attribute_d.h"
#include "commands/defrem.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_constraint_fns.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "utils/memutils.h"
#include "catalog/pg_index_d.h"
#include "access/heapam.h"
#include "access/relation.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_type_d.h"
#include "utils/format_type.h"
#include "commands/foreignkeys.h"
#include "commands/oncommit.h"
#include "commands/owner.h"
#include "commands/sequence.h"
#include "commands/tablecmds.h"
#include "commands/tablecmds_internal.h"
#include "nodes/value.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "parser/parse_coerce.h"
#include "parser/parse_collate.h"
#include "parser/parse_expr.h"
#include "storage/lmgr.h"
#include "utils/lsyscache.h"
#include "utils/fmgroids.h"
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

/* The integer type a serial column is (smallserial, serial, bigserial
 * and their serialN names), or InvalidOid. */
Oid SerialType(ParseState *pstate, const TypeName *tn)
{
	if (list_length(tn->names) != 1 || tn->pct_type)
		return InvalidOid;
	const char *name = strVal(linitial(tn->names));
	Oid type = InvalidOid;
	if (strcmp(name, "smallserial") == 0 || strcmp(name, "serial2") == 0)
		type = INT2OID;
	else if (strcmp(name, "serial") == 0 || strcmp(name, "serial4") == 0)
		type = INT4OID;
	else if (strcmp(name, "bigserial") == 0 || strcmp(name, "serial8") == 0)
		type = INT8OID;
	if (OidIsValid(type) && tn->arrayBounds != NIL)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("array of serial is not implemented"),
				parser_errposition(pstate, tn->location));
	return type;
}

/* A serial column brings its own default and NOT NULL: refuse others, as PostgreSQL does. */
void CheckSerialColumn(const ColumnDef *col, const char *relname)
{
	ListCell *c;
	foreach (c, col->constraints)
	{
		auto *con = static_cast<Constraint *>(lfirst(c));
		if (con->contype == CONSTR_DEFAULT || con->contype == CONSTR_NULL)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg(con->contype == CONSTR_DEFAULT
							   ? "multiple default values specified for column \"%s\" of table "
								 "\"%s\""
							   : "conflicting NULL/NOT NULL declarations for column \"%s\" of "
								 "table \"%s\"",
						   col->colname, relname));
	}
}

/* A serial column's sequence (PostgreSQL's generateSerialExtraStmts):
 * named table_column_seq, of the column's type; the column's default
 * is nextval of it. */
Node *MakeSerialSequence(RangeVar *table, Oid nsp, const char *colname, Oid type,
						 const char *queryString, Constraint *identity = nullptr)
{
	/* An identity column's options may name the sequence. */
	char *seqname = nullptr;
	List *options = NIL;
	if (identity != nullptr)
	{
		ListCell *lc;
		foreach (lc, identity->options)
		{
			DefElem *def = static_cast<DefElem *>(lfirst(lc));
			if (strcmp(def->defname, "sequence_name") == 0)
			{
				char *schema;
				DeconstructQualifiedName(reinterpret_cast<List *>(def->arg), &schema, &seqname);
				if (schema != nullptr && get_namespace_oid(schema, false) != nsp)
					ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
							errmsg("sequence must be in same schema as table it is linked to"));
			}
			else
				options = lappend(options, def);
		}
	}
	if (seqname == nullptr)
		seqname = ChooseRelationName(table->relname, colname, "seq", nsp, false);
	CreateSeqStmt *seqstmt = makeNode(CreateSeqStmt);
	seqstmt->for_identity = identity != nullptr;
	seqstmt->sequence = makeNode(RangeVar);
	seqstmt->sequence->schemaname = get_namespace_name(nsp);
	seqstmt->sequence->relname = seqname;
	seqstmt->sequence->relpersistence = RELPERSISTENCE_PERMANENT;
	seqstmt->sequence->location = -1;
	TypeName *tn = makeNode(TypeName);
	tn->names = list_make2(makeString(pstrdup("pg_catalog")), makeString(get_typname(type)));
	tn->typemod = -1;
	tn->location = -1;
	DefElem *as = makeNode(DefElem);
	as->defname = pstrdup("as");
	as->arg = reinterpret_cast<Node *>(tn);
	as->location = -1;
	seqstmt->options = lcons(as, options);
	Oid seqoid = DefineSequence(seqstmt, queryString);
	CommandCounterIncrement();
	/* Under ALTER TABLE the table exists and may belong to another role
	 * than the current user: the sequence belongs to the table's owner, as
	 * in PostgreSQL (generateSerialExtraStmts), so that pg_dump's restore
	 * (OWNER TO first, then ADD GENERATED … AS IDENTITY) gives it the
	 * original's owner. */
	HeapTuple reltup = SearchSysCache2(RELNAMENSP, CStringGetDatum(table->relname),
									   ObjectIdGetDatum(nsp));
	if (HeapTupleIsValid(reltup))
	{
		Oid table_owner = reinterpret_cast<Form_pg_class>(GETSTRUCT(reltup))->relowner;
		ReleaseSysCache(reltup);
		if (table_owner != GetUserId())
		{
			AlterRelationOwner(seqoid, table_owner, true);
			CommandCounterIncrement();
		}
	}

	Const *arg = makeNullConst(REGCLASSOID, -1, InvalidOid);
	arg->constisnull = false;
	arg->constvalue = ObjectIdGetDatum(seqoid);
	FuncExpr *nextval = makeNode(FuncExpr);
	nextval->funcid = F_NEXTVAL;
	nextval->funcresulttype = INT8OID;
	nextval->funcformat = COERCE_EXPLICIT_CALL;
	nextval->args = list_make1(arg);
	nextval->location = -1;
	return reinterpret_cast<Node *>(nextval);
}

[[noreturn]] void BothDefaultAndIdentity(ParseState *pstate, ColumnDef *col, RangeVar *rv,
										 Constraint *con)
{
	ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
			errmsg("both default and identity specified for column \"%s\" of table \"%s\"",
				   col->colname, rv->relname),
			parser_errposition(pstate, con->location));
}

/* The sequence a nextval(…) expression made above names. */
Oid SequenceOf(Node *nextval)
{
	auto *arg = static_cast<Const *>(linitial(reinterpret_cast<FuncExpr *>(nextval)->args));
	return DatumGetObjectId(arg->constvalue);
}

/* OWNED BY table.column for a serial or identity column's sequence
 * (an identity's is part of the column: an internal dependency). */
void SetSerialOwner(Oid seqoid, RangeVar *table, Oid nsp, const char *colname,
					const char *queryString, bool identity)
{
	AlterSeqStmt *alter = makeNode(AlterSeqStmt);
	alter->for_identity = identity;
	alter->sequence = makeNode(RangeVar);
	alter->sequence->schemaname = get_namespace_name(nsp);
	alter->sequence->relname = get_rel_name(seqoid);
	alter->sequence->location = -1;
	DefElem *owned = makeNode(DefElem);
	owned->defname = pstrdup("owned_by");
	owned->arg = reinterpret_cast<Node *>(list_make3(makeString(get_namespace_name(nsp)),
													 makeString(pstrdup(table->relname)),
													 makeString(pstrdup(colname))));
	owned->location = -1;
	alter->options = list_make1(owned);
	AlterSequence(alter, queryString);
}

}  // namespace

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
		nsp = RangeVarGetAndCheckCreationNamespace(rv);
	}
	if (stmt->oncommit != ONCOMMIT_NOOP && rv->relpersistence != RELPERSISTENCE_TEMP)
		ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
				errmsg("ON COMMIT can only be used on temporary tables"));
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
	/* CHECK constraints, of columns and of the table, in order. */
	std::vector<Constraint *> checks;
	/* FOREIGN KEYs, made last (they may reference the table itself). */
	std::vector<Constraint *> fkeys;
	ListCell *lc;
	foreach (lc, stmt->tableElts)
	{
		Node *elt = static_cast<Node *>(lfirst(lc));
		eltpos++;
		if (IsA(elt, Constraint))
		{
			Constraint *con = reinterpret_cast<Constraint *>(elt);
			if (con->contype == CONSTR_CHECK)
			{
				checks.push_back(con);
				continue;
			}
			if (con->contype == CONSTR_FOREIGN)
			{
				fkeys.push_back(con);
				continue;
			}
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
		ListCell *c;
		foreach (c, col->constraints)
			if (static_cast<Constraint *>(lfirst(c))->contype == CONSTR_CHECK)
				checks.push_back(static_cast<Constraint *>(lfirst(c)));
	}
	TupleDesc desc = CreateTemplateTupleDesc(static_cast<int>(columns.size()));
	std::vector<std::pair<AttrNumber, Node *>> defaults;
	/* The sequences of serial columns, owned by their columns once the
	 * table exists. */
	std::vector<std::tuple<Oid, const char *, bool>> serials;
	for (size_t i = 0; i < columns.size(); i++)
	{
		ColumnDef *col = columns[i];
		Oid typid;
		int32 typmod;
		Oid serial = SerialType(pstate, col->typeName);
		if (OidIsValid(serial))
		{
			CheckSerialColumn(col, rv->relname);
			Node *nextval = MakeSerialSequence(rv, nsp, col->colname, serial, queryString);
			serials.emplace_back(SequenceOf(nextval), col->colname, false);
			col->raw_default = nextval;
			col->is_not_null = true;
			typid = serial;
			typmod = -1;
		}
		else
			typenameTypeIdAndMod(pstate, col->typeName, &typid, &typmod);
		/* Before the defaults and constraints are analyzed, as PostgreSQL
		 * has it (heap_create_with_catalog checks again). */
		CheckAttributeType(col->colname, typid, ColumnCollation(pstate, typid, col->collClause),
						   NIL);
		AttrNumber attnum = static_cast<AttrNumber>(i + 1);
		TupleDescInitEntry(desc, attnum, col->colname, typid, typmod,
						   list_length(col->typeName->arrayBounds));
		/* The type's collation (the database default for strings) or the
		 * column's COLLATE clause. */
		TupleDescAttr(desc, i)->attcollation = ColumnCollation(pstate, typid, col->collClause);
		bool notnull = col->is_not_null;
		Node *raw_default = col->raw_default;
		ListCell *c;
		foreach (c, col->constraints)
		{
			Constraint *con = static_cast<Constraint *>(lfirst(c));
			if (con->contype == CONSTR_NOTNULL)
				notnull = true;
			else if (con->contype == CONSTR_NULL || con->contype == CONSTR_CHECK)
				continue; /* (CHECKs are gathered in order above) */
			else if (con->contype == CONSTR_IDENTITY)
			{
				if (TupleDescAttr(desc, i)->attidentity != '\0')
					ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
							errmsg("multiple identity specifications for column \"%s\" of table "
								   "\"%s\"",
								   col->colname, rv->relname),
							parser_errposition(pstate, con->location));
				if (raw_default != nullptr)
					BothDefaultAndIdentity(pstate, col, rv, con);
				if (typid != INT2OID && typid != INT4OID && typid != INT8OID)
					ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							errmsg("identity column type must be smallint, integer, or bigint"));
				Node *nextval = MakeSerialSequence(rv, nsp, col->colname, typid, queryString, con);
				serials.emplace_back(SequenceOf(nextval), col->colname, true);
				TupleDescAttr(desc, i)->attidentity = con->generated_when;
				notnull = true;
			}
			else if (con->contype == CONSTR_FOREIGN)
			{
				/* REFERENCES t [(col)]: a foreign key on this column. */
				con->fk_attrs = list_make1(makeString(col->colname));
				fkeys.push_back(con);
			}
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
				if (TupleDescAttr(desc, i)->attidentity != '\0')
					BothDefaultAndIdentity(pstate, col, rv, con);
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
	/* WITH (storage parameters), checked before anything is made. */
	Datum reloptions = transformRelOptions(0, stmt->options, false);
	Oid relid = heap_create_with_catalog(rv->relname, nsp, desc, 'r', rv->relpersistence);
	if (reloptions != 0)
	{
		CommandCounterIncrement();
		SetRelationOptions(relid, reloptions);
	}
	if (stmt->oncommit != ONCOMMIT_NOOP)
		register_on_commit_action(relid, stmt->oncommit);
	for (const auto &[attnum, expr] : defaults)
		StoreAttrDefault(relid, attnum, expr);
	if (!serials.empty())
	{
		CommandCounterIncrement();
		for (const auto &[seqoid, colname, identity] : serials)
			SetSerialOwner(seqoid, rv, nsp, colname, queryString, identity);
	}
	if (!checks.empty())
	{
		/* A new table has no rows to break them: NOT VALID means nothing
		 * here, as in PostgreSQL. */
		for (Constraint *con : checks)
			con->skip_validation = false;
		CommandCounterIncrement();
		Relation rel = relation_open(relid, NoLock);
		(void) AddRelationCheckConstraints(rel, checks, queryString);
		relation_close(rel, NoLock);
	}
	if (!indexes.empty())
	{
		CommandCounterIncrement();
		for (IndexStmt *idx : indexes)
		{
			(void) DefineIndex(idx, queryString);
			CommandCounterIncrement();
		}
	}
	if (!fkeys.empty())
	{
		CommandCounterIncrement();
		Relation rel = relation_open(relid, NoLock);
		std::vector<std::string> taken;
		for (Constraint *con : fkeys)
		{
			(void) AddForeignKeyConstraint(rel, con, true, &taken);
			CommandCounterIncrement();
		}
		relation_close(rel, NoLock);
	}
	free_parsestate(pstate);
	return relid;
}

namespace {

/* Every row of rel satisfies the new CHECK constraint, or 23514. */
void ValidateCheck(Relation rel, const CookedCheck &check)
{
	EState *estate = CreateExecutorState();
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	ExprState *state = ExecInitExpr(reinterpret_cast<Expr *>(check.expr), nullptr);
	ExprContext *econtext = CreateExprContext(estate);
	TupleTableSlot *slot = ExecInitExtraTupleSlot(estate, RelationGetDescr(rel));
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	while (HeapTuple tuple = heap_getnext(scan, ForwardScanDirection))
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		ExecStoreHeapTuple(tuple, slot, false);
		econtext->ecxt_scantuple = slot;
		bool isnull;
		Datum ok = ExecEvalExprSwitchContext(state, econtext, &isnull);
		if (!isnull && !DatumGetBool(ok))
			ereport(ERROR, errcode(ERRCODE_CHECK_VIOLATION),
					errmsg("check constraint \"%s\" of relation \"%s\" is violated by some row",
						   check.name.c_str(), RelationGetRelationName(rel)));
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	ExecClearTuple(slot);
	MemoryContextSwitchTo(old);
	FreeExecutorState(estate);
}

/* ALTER TABLE … DROP CONSTRAINT [IF EXISTS] name [CASCADE | RESTRICT]. */
void DropConstraint(Relation rel, AlterTableCmd *cmd)
{
	Oid conoid = get_relation_constraint_oid(RelationGetRelid(rel), cmd->name);
	if (!OidIsValid(conoid))
	{
		if (cmd->missing_ok)
		{
			ereport(NOTICE,
					errmsg("constraint \"%s\" of relation \"%s\" does not exist, skipping",
						   cmd->name, RelationGetRelationName(rel)));
			return;
		}
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("constraint \"%s\" of relation \"%s\" does not exist", cmd->name,
					   RelationGetRelationName(rel)));
	}
	ObjectAddress constraint;
	ObjectAddressSet(constraint, ConstraintRelationId, conoid);
	performDeletion(&constraint, cmd->behavior, 0);
}

}  // namespace

namespace {

/* PostgreSQL's ALTER TABLE passes: every subcommand of one statement
 * runs in the pass of its kind, in the order written within a pass. */
enum AlterPass
{
	kPassDrop = 0,
	kPassAlterType = 1,
	kPassAddCol = 4,
	kPassColAttrs = 6,
	kPassAddIndex = 8,
	kPassAddOtherConstr = 9,
	kPassMisc = 10,
	kNumPasses
};

struct AlterWork
{
	int pass;
	AlterTableCmd *cmd;
	/* ADD GENERATED … AS IDENTITY: the sequence made before the passes. */
	Oid seqoid;
};

/* The pass of a subcommand; -1 for one Tusk does not do yet. */
int PassOf(const AlterTableCmd *cmd)
{
	switch (cmd->subtype)
	{
		case AT_AddColumn:
			return kPassAddCol;
		case AT_DropColumn:
		case AT_DropConstraint:
		case AT_DropNotNull:
		case AT_DropIdentity:
			return kPassDrop;
		case AT_ColumnDefault:
			return cmd->def != nullptr ? kPassAddOtherConstr : kPassDrop;
		case AT_AlterColumnType:
			return kPassAlterType;
		case AT_SetNotNull:
			return kPassColAttrs;
		case AT_AddIdentity:
			return kPassAddOtherConstr;
		case AT_SetStatistics:
		case AT_SetIdentity:
		case AT_SetRelOptions:
		case AT_ResetRelOptions:
		case AT_ChangeOwner:
			return kPassMisc;
		case AT_AddConstraint:
		{
			if (cmd->def == nullptr || !IsA(cmd->def, Constraint))
				return -1;
			switch (reinterpret_cast<Constraint *>(cmd->def)->contype)
			{
				case CONSTR_PRIMARY:
				case CONSTR_UNIQUE:
					return kPassAddIndex;
				case CONSTR_CHECK:
				case CONSTR_FOREIGN:
					return kPassAddOtherConstr;
				default:
					return -1;
			}
		}
		default:
			return -1;
	}
}

/*
 * ALTER [COLUMN] col ADD GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY
 * [(sequence options)], first half (PostgreSQL's transformAlterTableStmt):
 * before any subcommand runs, the column must exist and be of an integer
 * type, and its sequence is created (of the column's type, named by the
 * options or table_column_seq).  Returns the sequence.
 */
Oid PrepareAddIdentity(Oid relid, AlterTableCmd *cmd, const char *queryString)
{
	HeapTuple tup = SearchSysCache2(ATTNAME, ObjectIdGetDatum(relid), CStringGetDatum(cmd->name));
	if (tup == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column \"%s\" of relation \"%s\" does not exist", cmd->name,
					   get_rel_name(relid)));
	Oid typid = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(tup))->atttypid;
	if (typid != INT2OID && typid != INT4OID && typid != INT8OID)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("identity column type must be smallint, integer, or bigint"));
	RangeVar *rv = makeNode(RangeVar);
	Oid nsp = get_rel_namespace(relid);
	rv->schemaname = get_namespace_name(nsp);
	rv->relname = get_rel_name(relid);
	rv->location = -1;
	return SequenceOf(MakeSerialSequence(rv, nsp, cmd->name, typid, queryString,
										 reinterpret_cast<Constraint *>(cmd->def)));
}

/* Second half, in its pass (PostgreSQL's ATExecAddIdentity): the column
 * must be NOT NULL, not an identity already and without a default
 * (55000 each); it becomes an identity column owning sequence seqoid.
 * The rows already there keep their values. */
void AddIdentity(Oid relid, AlterTableCmd *cmd, Oid seqoid, const char *queryString)
{
	HeapTuple tup = SearchSysCache2(ATTNAME, ObjectIdGetDatum(relid), CStringGetDatum(cmd->name));
	if (tup == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
				errmsg("column \"%s\" of relation \"%s\" does not exist", cmd->name,
					   get_rel_name(relid)));
	auto *att = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(tup));
	const char *relname = get_rel_name(relid);
	if (att->attnum <= 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot alter system column \"%s\"", cmd->name));
	if (!att->attnotnull)
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("column \"%s\" of relation \"%s\" must be declared NOT NULL before "
					   "identity can be added",
					   cmd->name, relname));
	if (att->attidentity != '\0')
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("column \"%s\" of relation \"%s\" is already an identity column", cmd->name,
					   relname));
	if (att->atthasdef)
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("column \"%s\" of relation \"%s\" already has a default value", cmd->name,
					   relname));
	HeapTuple copy = heap_copytuple(tup);
	reinterpret_cast<Form_pg_attribute>(GETSTRUCT(copy))
		->attidentity = reinterpret_cast<Constraint *>(cmd->def)->generated_when;
	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_attribute, &copy->t_self, copy);
	relation_close(pg_attribute, RowExclusiveLock);
	RelationCacheInvalidateEntry(relid);
	CommandCounterIncrement();
	RangeVar *rv = makeNode(RangeVar);
	rv->relname = pstrdup(relname);
	rv->location = -1;
	SetSerialOwner(seqoid, rv, get_rel_namespace(relid), cmd->name, queryString, true);
}

/* ADD CONSTRAINT: a PRIMARY KEY / UNIQUE index, a CHECK (validated
 * against the rows unless NOT VALID) or a FOREIGN KEY. */
void AddConstraint(Oid relid, RangeVar *rv, Constraint *con, const char *queryString)
{
	if (con->contype == CONSTR_CHECK)
	{
		Relation rel = relation_open(relid, NoLock);
		std::vector<CookedCheck> cooked = AddRelationCheckConstraints(rel, {con}, queryString);
		for (const CookedCheck &check : cooked)
			if (check.validate)
				ValidateCheck(rel, check);
		relation_close(rel, NoLock);
		return;
	}
	if (con->contype == CONSTR_FOREIGN)
	{
		/* PostgreSQL locks the table ShareRowExclusive for this; Tusk
		 * already holds AccessExclusive. */
		Relation rel = relation_open(relid, NoLock);
		(void) AddForeignKeyConstraint(rel, con, false, nullptr);
		relation_close(rel, NoLock);
		return;
	}
	/* (ALTER TABLE's message has no position in PostgreSQL.) */
	CheckConstraintColumns(nullptr, con, [&](const char *name) {
		return SearchSysCacheExists2(ATTNAME, ObjectIdGetDatum(relid), CStringGetDatum(name));
	});
	(void) DefineIndex(ConstraintIndexStmt(rv, con, nullptr), queryString);
}

/*
 * ALTER TABLE … ADD [COLUMN] [IF NOT EXISTS] (PostgreSQL's
 * ATExecAddColumn).  The column is a new pg_attribute row at the end;
 * rows already there get its default without being rewritten when the
 * default is not volatile (a missing value, heap.h SetAttrMissing), and
 * are rewritten when it is (serial, identity, random() …).  NOT NULL is
 * checked against them; the column's CHECK, PRIMARY KEY, UNIQUE and
 * REFERENCES constraints are queued into *work for their later passes.
 */
void AddColumn(Oid relid, AlterTableCmd *cmd, const char *queryString, std::vector<AlterWork> *work)
{
	auto *col = reinterpret_cast<ColumnDef *>(cmd->def);
	Relation rel = relation_open(relid, NoLock);
	RangeVar *rv = makeNode(RangeVar);
	rv->schemaname = get_namespace_name(RelationGetNamespace(rel));
	rv->relname = pstrdup(RelationGetRelationName(rel));
	rv->relpersistence = rel->rd_rel->relpersistence;
	rv->location = -1;
	Oid nsp = RelationGetNamespace(rel);
	Oid rowtype = rel->rd_rel->reltype;
	TupleDesc olddesc = CreateTupleDescCopyConstr(RelationGetDescr(rel));
	relation_close(rel, NoLock);
	if (HeapTuple att = SearchSysCache2(ATTNAME, ObjectIdGetDatum(relid),
										CStringGetDatum(col->colname)))
	{
		if (reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att))->attnum <= 0)
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
					errmsg("column name \"%s\" conflicts with a system column name", col->colname));
		if (cmd->missing_ok)
		{
			ereport(NOTICE, errcode(ERRCODE_DUPLICATE_COLUMN),
					errmsg("column \"%s\" of relation \"%s\" already exists, skipping",
						   col->colname, rv->relname));
			return;
		}
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
				errmsg("column \"%s\" of relation \"%s\" already exists", col->colname,
					   rv->relname));
	}
	int natts = olddesc->natts;
	if (natts + 1 > MaxHeapAttributeNumber)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_COLUMNS),
				errmsg("tables can have at most %d columns", MaxHeapAttributeNumber));
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;

	Oid typid;
	int32 typmod;
	bool notnull = col->is_not_null;
	Node *raw_default = col->raw_default;
	char identity = '\0';
	Oid seqoid = InvalidOid;
	Oid serial = SerialType(pstate, col->typeName);
	ListCell *c;
	if (OidIsValid(serial))
	{
		CheckSerialColumn(col, rv->relname);
		raw_default = MakeSerialSequence(rv, nsp, col->colname, serial, queryString);
		seqoid = SequenceOf(raw_default);
		notnull = true;
		typid = serial;
		typmod = -1;
	}
	else
		typenameTypeIdAndMod(pstate, col->typeName, &typid, &typmod);
	/* The type's collation or the column's COLLATE clause. */
	Oid collation = ColumnCollation(pstate, typid, col->collClause);
	CheckAttributeType(col->colname, typid, collation, list_make1_oid(rowtype));
	foreach (c, col->constraints)
	{
		auto *con = static_cast<Constraint *>(lfirst(c));
		switch (con->contype)
		{
			case CONSTR_NOTNULL:
				notnull = true;
				break;
			case CONSTR_NULL:
				break;
			case CONSTR_DEFAULT:
				if (identity != '\0')
					BothDefaultAndIdentity(pstate, col, rv, con);
				if (raw_default != nullptr)
					ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
							errmsg("multiple default values specified for column \"%s\" of table "
								   "\"%s\"",
								   col->colname, rv->relname),
							parser_errposition(pstate, con->location));
				raw_default = con->raw_expr;
				break;
			case CONSTR_IDENTITY:
			{
				if (identity != '\0')
					ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
							errmsg("multiple identity specifications for column \"%s\" of table "
								   "\"%s\"",
								   col->colname, rv->relname),
							parser_errposition(pstate, con->location));
				if (raw_default != nullptr)
					BothDefaultAndIdentity(pstate, col, rv, con);
				if (typid != INT2OID && typid != INT4OID && typid != INT8OID)
					ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							errmsg("identity column type must be smallint, integer, or bigint"));
				seqoid = SequenceOf(
					MakeSerialSequence(rv, nsp, col->colname, typid, queryString, con));
				identity = con->generated_when;
				notnull = true;
				break;
			}
			case CONSTR_PRIMARY:
			case CONSTR_UNIQUE:
			case CONSTR_CHECK:
			case CONSTR_FOREIGN:
			{
				if (con->contype == CONSTR_PRIMARY)
					notnull = true;
				if (con->contype == CONSTR_PRIMARY || con->contype == CONSTR_UNIQUE)
					con->keys = list_make1(makeString(pstrdup(col->colname)));
				if (con->contype == CONSTR_FOREIGN)
					con->fk_attrs = list_make1(makeString(pstrdup(col->colname)));
				AlterTableCmd *later = makeNode(AlterTableCmd);
				later->subtype = AT_AddConstraint;
				later->def = reinterpret_cast<Node *>(con);
				work->push_back({PassOf(later), later, InvalidOid});
				break;
			}
			default:
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("%s are not supported yet", ConstraintName(con->contype)));
		}
	}

	TupleDesc newdesc = CreateTemplateTupleDesc(natts + 1);
	memcpy(newdesc->attrs, olddesc->attrs, natts * sizeof(FormData_pg_attribute));
	AttrNumber attnum = static_cast<AttrNumber>(natts + 1);
	TupleDescInitEntry(newdesc, attnum, col->colname, typid, typmod,
					   list_length(col->typeName->arrayBounds));
	Form_pg_attribute att = TupleDescAttr(newdesc, natts);
	att->attcollation = collation;
	att->attnotnull = notnull;
	att->attidentity = identity;
	Node *defexpr = nullptr;
	if (raw_default != nullptr)
	{
		/* (PostgreSQL reports no position for ALTER TABLE's defaults.) */
		ParseState *dstate = make_parsestate(nullptr);
		defexpr = CookDefault(dstate, raw_default, att);
		free_parsestate(dstate);
		att->atthasdef = true;
	}
	heap_add_columns(relid, newdesc, natts);
	if (defexpr != nullptr)
		StoreAttrDefault(relid, attnum, defexpr);
	CommandCounterIncrement();
	if (OidIsValid(seqoid))
	{
		SetSerialOwner(seqoid, rv, nsp, col->colname, queryString, identity != '\0');
		CommandCounterIncrement();
	}
	rel = relation_open(relid, NoLock);
	if (identity != '\0' || defexpr == nullptr)
		defexpr = build_column_default(rel, attnum);
	relation_close(rel, NoLock);
	/* A domain's checks hold for the rows already there too: each row's
	 * value (its default, or a NULL checked as the domain) is computed as
	 * the table is rewritten (PostgreSQL's ATExecAddColumn). */
	bool domain_checks = get_typtype(typid) == TYPTYPE_DOMAIN;
	if (defexpr == nullptr && domain_checks)
		defexpr = coerce_to_domain(reinterpret_cast<Node *>(makeNullConst(getBaseType(typid),
																		  typmod,
																		  att->attcollation)),
								   InvalidOid, -1, typid, COERCION_IMPLICIT, COERCE_IMPLICIT_CAST,
								   -1, false);

	/* What the rows already there read in the new column. */
	if (defexpr != nullptr && (contain_volatile_functions(defexpr) || domain_checks))
	{
		ExprState *state = ExecInitExpr(reinterpret_cast<Expr *>(defexpr), nullptr);
		RewriteTable(relid, olddesc, [&](ExprContext *econtext, Datum *values, bool *isnull) {
			TupleTableSlot *old = econtext->ecxt_scantuple;
			slot_getsomeattrs(old, natts);
			for (int i = 0; i < natts; i++)
			{
				values[i] = old->tts_values[i];
				isnull[i] = old->tts_isnull[i];
			}
			values[natts] = ExecEvalExprSwitchContext(state, econtext, &isnull[natts]);
		});
	}
	else if (defexpr != nullptr)
	{
		EState *estate = CreateExecutorState();
		MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
		ExprState *state = ExecInitExpr(reinterpret_cast<Expr *>(defexpr), nullptr);
		ExprContext *econtext = CreateExprContext(estate);
		bool isnull;
		Datum value = ExecEvalExprSwitchContext(state, econtext, &isnull);
		MemoryContextSwitchTo(old);
		if (!isnull)
			SetAttrMissing(relid, attnum, value);
		FreeExecutorState(estate);
		CommandCounterIncrement();
	}
	if (notnull)
	{
		rel = relation_open(relid, NoLock);
		CheckNoNulls(rel, attnum);
		relation_close(rel, NoLock);
	}
	free_parsestate(pstate);
}

}  // namespace

/* Whether any row of rel has no value in column attnum: a NOT NULL it
 * gains must hold for the rows already there (23502 otherwise). */
void CheckNoNulls(Relation rel, AttrNumber attnum)
{
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	bool hasnull = false;
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		CHECK_FOR_INTERRUPTS();
		if (heap_attisnull(t, attnum, RelationGetDescr(rel)))
		{
			hasnull = true;
			break;
		}
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	if (hasnull)
		ereport(ERROR, errcode(ERRCODE_NOT_NULL_VIOLATION),
				errmsg("column \"%s\" of relation \"%s\" contains null values",
					   NameStr(TupleDescAttr(RelationGetDescr(rel), attnum - 1)->attname),
					   RelationGetRelationName(rel)));
}

void RewriteTable(Oid relid, TupleDesc olddesc,
				  const std::function<void(ExprContext *, Datum *, bool *)> &fill)
{
	EState *estate = CreateExecutorState();
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	/* The visible rows, copied out of the old file … */
	std::vector<HeapTuple> rows;
	Relation rel = relation_open(relid, NoLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		CHECK_FOR_INTERRUPTS();
		rows.push_back(heap_copytuple(t));
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	List *indexes = list_copy(RelationGetIndexList(rel));
	relation_close(rel, NoLock);
	/* … go, made anew, into a new one; the indexes get new files too. */
	SetNewRelfilenode(relid);
	ListCell *lc;
	foreach (lc, indexes)
		SetNewRelfilenode(lfirst_oid(lc));
	CommandCounterIncrement();
	rel = relation_open(relid, NoLock);
	TupleDesc newdesc = RelationGetDescr(rel);
	TupleTableSlot *slot = ExecInitExtraTupleSlot(estate, olddesc);
	ExprContext *econtext = CreateExprContext(estate);
	auto *values = static_cast<Datum *>(palloc0(Max(newdesc->natts, 1) * sizeof(Datum)));
	auto *isnull = static_cast<bool *>(palloc0(Max(newdesc->natts, 1) * sizeof(bool)));
	CommandId cid = GetCurrentCommandId(true);
	for (HeapTuple t : rows)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		ExecStoreHeapTuple(t, slot, false);
		econtext->ecxt_scantuple = slot;
		for (int i = 0; i < newdesc->natts; i++)
		{
			values[i] = 0;
			isnull[i] = true;
		}
		fill(econtext, values, isnull);
		HeapTuple newtup = heap_form_tuple(newdesc, values, isnull);
		heap_insert(rel, newtup, cid, 0, nullptr);
		heap_freetuple(newtup);
		ExecClearTuple(slot);
		heap_freetuple(t);
	}
	foreach (lc, indexes)
	{
		Relation index = relation_open(lfirst_oid(lc), NoLock);
		index_build(rel, index);
		relation_close(index, NoLock);
	}
	relation_close(rel, NoLock);
	MemoryContextSwitchTo(old);
	FreeExecutorState(estate);
	CommandCounterIncrement();
}

void AlterTable(AlterTableStmt *stmt, const char *queryString)
{
	/* OWNER TO alone: for every kind of relation (commands/owner.h). */
	if (AlterTableOnlyChangesOwner(stmt))
	{
		AlterTableOwner(stmt);
		return;
	}
	/* Subcommands Tusk does not do yet are refused before anything
	 * changes. */
	std::vector<AlterWork> work;
	ListCell *lc;
	foreach (lc, stmt->cmds)
	{
		AlterTableCmd *cmd = static_cast<AlterTableCmd *>(lfirst(lc));
		int pass = PassOf(cmd);
		if (stmt->objtype != OBJECT_TABLE || pass < 0)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s is not supported yet", "this form of ALTER TABLE"));
		work.push_back({pass, cmd, InvalidOid});
	}
	Oid relid = RangeVarGetRelid(stmt->relation, AccessExclusiveLock, stmt->missing_ok);
	if (!OidIsValid(relid))
	{
		ereport(NOTICE,
				errmsg("relation \"%s\" does not exist, skipping", stmt->relation->relname));
		return;
	}
	CheckRelationOwner(relid, stmt->relation->relname);
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	if (form->relkind != RELKIND_RELATION)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is not a table", stmt->relation->relname));
	if (form->relnamespace == PG_CATALOG_NAMESPACE)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied: \"%s\" is a system catalog", stmt->relation->relname));
	/* What PostgreSQL does while analyzing the statement, before any
	 * subcommand runs. */
	for (AlterWork &w : work)
		if (w.cmd->subtype == AT_AddIdentity)
		{
			w.seqoid = PrepareAddIdentity(relid, w.cmd, queryString);
			CommandCounterIncrement();
		}
	/* Pass by pass; ADD COLUMN queues its column's constraints for the
	 * later passes. */
	for (int pass = 0; pass < kNumPasses; pass++)
	{
		for (size_t i = 0; i < work.size(); i++)
		{
			if (work[i].pass != pass)
				continue;
			AlterTableCmd *cmd = work[i].cmd;
			switch (cmd->subtype)
			{
				case AT_AddColumn:
					AddColumn(relid, cmd, queryString, &work);
					break;
				case AT_AddIdentity:
					AddIdentity(relid, cmd, work[i].seqoid, queryString);
					break;
				case AT_AddConstraint:
					AddConstraint(relid, stmt->relation, reinterpret_cast<Constraint *>(cmd->def),
								  queryString);
					break;
				case AT_DropConstraint:
				{
					Relation rel = relation_open(relid, NoLock);
					DropConstraint(rel, cmd);
					relation_close(rel, NoLock);
					break;
				}
				case AT_ChangeOwner:
					AlterRelationOwner(relid, RoleSpecGetOid(cmd->newowner), false);
					break;
				default:
					AlterTableColumnCmd(relid, cmd, queryString);
					break;
			}
			CommandCounterIncrement();
		}
	}
	RelationCacheInvalidateEntry(relid);
}

void RemoveRelations(DropStmt *drop)
{
	DropWords words = WordsFor(drop->removeType);
	if (words.relkind != 'r' && words.relkind != 'i' && words.relkind != 'S' &&
		words.relkind != 'v')
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("DROP %s is not supported yet", words.noun));
	std::vector<ObjectAddress> objects;
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
		/* The table's owner or its schema's may drop it. */
		if (!ObjectOwnerCheck(RelationRelationId, relid, GetUserId()) &&
			!ObjectOwnerCheck(NamespaceRelationId, form->relnamespace, GetUserId()))
			ReportNotOwner(RelkindObjectType(form->relkind), relname);
		if (form->relnamespace == PG_CATALOG_NAMESPACE)
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					errmsg("permission denied: \"%s\" is a system catalog", relname));
		ObjectAddress object;
		ObjectAddressSet(object, RelationRelationId, relid);
		objects.push_back(object);
	}
	performMultipleDeletions(objects, drop->behavior, 0);
}
