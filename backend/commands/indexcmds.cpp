/*
 * indexcmds.cpp — CREATE INDEX, and the indexes of PRIMARY KEY and UNIQUE
 * constraints (commands/defrem.h).
 *
 * Principal entry points: DefineIndex, ChooseRelationName.
 *
 * DefineIndex checks what PostgreSQL checks, in its order and with its
 * messages: the access method (btree; others are 0A000 for now), the
 * columns (key columns, then INCLUDE columns, which take no options),
 * each key column's operator class (the type's default B-tree class, or
 * one named) and order (ASC/DESC, NULLS FIRST/LAST: pg_index.indoption),
 * the partial index's predicate, and the name (given, or PostgreSQL's
 * default: table_columns_idx, table_columns_key, table_pkey, numbered on
 * collisions).  Then catalog/index.h creates and fills the index.  A
 * constraint's index also gets its pg_constraint row, and a primary key
 * makes its columns NOT NULL.
 *
 * Not yet: expression columns, COLLATE, CONCURRENTLY, WITH (…),
 * TABLESPACE, NULLS NOT DISTINCT, access methods other than btree.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/nbtree.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/heap.h"
#include "catalog/index.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/dependency.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_constraint_fns.h"
#include "catalog/pg_opclass_d.h"
#include "catalog/pg_index_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_opclass_d.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "commands/owner.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "parser/parse_node.h"
#include "storage/lmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

/* PostgreSQL's makeObjectName: name1[_name2][_label], the longer name
 * shortened first so that the whole fits in NAMEDATALEN - 1 bytes. */
std::string MakeObjectName(const char *name1, const char *name2, const char *label)
{
	size_t name1chars = strlen(name1);
	size_t name2chars = name2 != nullptr ? strlen(name2) : 0;
	size_t overhead = (name2 != nullptr ? 1 : 0) + (label != nullptr ? strlen(label) + 1 : 0);
	size_t avail = NAMEDATALEN - 1 - overhead;
	while (name1chars + name2chars > avail)
	{
		if (name1chars > name2chars)
			name1chars--;
		else
			name2chars--;
	}
	std::string name(name1, name1chars);
	if (name2 != nullptr)
	{
		name += '_';
		name.append(name2, name2chars);
	}
	if (label != nullptr)
	{
		name += '_';
		name += label;
	}
	return name;
}

namespace {

/* The column names joined by "_", as far as NAMEDATALEN goes
 * (PostgreSQL's ChooseIndexNameAddition). */
std::string NameAddition(const std::vector<std::string> &colnames)
{
	std::string buf;
	for (const std::string &name : colnames)
	{
		if (!buf.empty())
			buf += '_';
		buf += name.substr(0, NAMEDATALEN - 1);
		if (buf.size() >= NAMEDATALEN)
			break;
	}
	return buf;
}

/* The index columns' names, each distinct: a repeated one gets a number
 * (PostgreSQL's ChooseIndexColumnNames). */
std::vector<std::string> IndexColumnNames(const std::vector<IndexElem *> &elems)
{
	std::vector<std::string> result;
	for (IndexElem *elem : elems)
	{
		std::string orig = elem->indexcolname != nullptr ? elem->indexcolname
			: elem->name != nullptr						 ? elem->name
														 : "expr";
		std::string cur = orig;
		for (int i = 1;; i++)
		{
			bool taken = false;
			for (const std::string &r : result)
				taken |= r == cur;
			if (!taken)
				break;
			std::string suffix = std::to_string(i);
			cur = orig.substr(0, NAMEDATALEN - 1 - suffix.size()) + suffix;
		}
		result.push_back(cur);
	}
	return result;
}

/* The type's default B-tree operator class, or InvalidOid: one for the
 * type itself, else one whose input type it converts to without work
 * (varchar → text), else the array or enum class. */
Oid DefaultOpClass(Oid type)
{
	CatCList *list = SearchSysCacheList1(CLAAMNAMENSP, ObjectIdGetDatum(BTREE_AM_OID));
	Oid exact = InvalidOid;
	Oid coercible = InvalidOid;
	Oid polymorphic = InvalidOid;
	for (int i = 0; i < list->n_members; i++)
	{
		auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(list->members[i]));
		if (!form->opcdefault)
			continue;
		if (form->opcintype == type)
			exact = form->oid;
		else if ((form->opcintype == ANYARRAYOID && OidIsValid(get_element_type(type))) ||
				 (form->opcintype == ANYENUMOID && get_typtype(type) == TYPTYPE_ENUM))
			polymorphic = form->oid;
		else
		{
			/* Several may do (varchar: text and bpchar): PostgreSQL takes
			 * the one whose input type is its category's preferred type. */
			Oid funcid;
			if (find_coercion_pathway(form->opcintype, type, COERCION_IMPLICIT, &funcid) ==
					COERCION_PATH_RELABELTYPE &&
				(!OidIsValid(coercible) || IsPreferredType(TypeCategory(type), form->opcintype)))
				coercible = form->oid;
		}
	}
	ReleaseSysCacheList(list);
	if (OidIsValid(exact))
		return exact;
	return OidIsValid(coercible) ? coercible : polymorphic;
}

Oid ResolveOpClass(List *opclass, Oid type)
{
	if (opclass == NIL)
	{
		Oid oid = DefaultOpClass(type);
		if (!OidIsValid(oid))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("data type %s has no default operator class for access method \"%s\"",
						   format_type_be(type), "btree"),
					errhint("You must specify an operator class for the index or define a default "
							"operator class for the data type."));
		return oid;
	}
	char *schemaname;
	char *name;
	DeconstructQualifiedName(opclass, &schemaname, &name);
	Oid nsp = schemaname != nullptr ? get_namespace_oid(schemaname, false)
									: static_cast<Oid>(PG_CATALOG_NAMESPACE);
	HeapTuple tup = SearchSysCache3(CLAAMNAMENSP, ObjectIdGetDatum(BTREE_AM_OID),
									CStringGetDatum(name), ObjectIdGetDatum(nsp));
	if (tup == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("operator class \"%s\" does not exist for access method \"%s\"",
					   NameListToString(opclass), "btree"));
	auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(tup));
	Oid funcid;
	if (form->opcintype != type &&
		!(form->opcintype == ANYARRAYOID && OidIsValid(get_element_type(type))) &&
		!(form->opcintype == ANYENUMOID && get_typtype(type) == TYPTYPE_ENUM) &&
		find_coercion_pathway(form->opcintype, type, COERCION_IMPLICIT, &funcid) !=
			COERCION_PATH_RELABELTYPE)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("operator class \"%s\" does not accept data type %s",
					   NameListToString(opclass), format_type_be(type)));
	return form->oid;
}

void NotSupported(const char *what)
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("%s are not supported yet", what));
}

/* A primary key's columns become NOT NULL; rows with NULLs there refuse. */
void SetColumnsNotNull(Relation rel, const std::vector<AttrNumber> &attnums)
{
	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	bool changed = false;
	for (AttrNumber attnum : attnums)
	{
		HeapTuple att = SearchSysCache2(ATTNUM, ObjectIdGetDatum(RelationGetRelid(rel)),
										Int16GetDatum(attnum));
		if (att == nullptr)
			elog(ERROR, "cache lookup failed for attribute %d of relation %u", attnum,
				 RelationGetRelid(rel));
		if (reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att))->attnotnull)
			continue;
		/* Existing rows first. */
		Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
		HeapScanDesc scan = heap_beginscan(rel, snapshot);
		bool hasnull = false;
		while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
			if (heap_attisnull(t, attnum, RelationGetDescr(rel)))
			{
				hasnull = true;
				break;
			}
		heap_endscan(scan);
		UnregisterSnapshot(snapshot);
		if (hasnull)
			ereport(ERROR, errcode(ERRCODE_NOT_NULL_VIOLATION),
					errmsg("column \"%s\" of relation \"%s\" contains null values",
						   NameStr(TupleDescAttr(RelationGetDescr(rel), attnum - 1)->attname),
						   RelationGetRelationName(rel)));
		HeapTuple copy = heap_copytuple(att);
		reinterpret_cast<Form_pg_attribute>(GETSTRUCT(copy))->attnotnull = true;
		CatalogTupleUpdate(pg_attribute, &copy->t_self, copy);
		changed = true;
	}
	relation_close(pg_attribute, RowExclusiveLock);
	if (changed)
		CommandCounterIncrement();
}

Oid InsertConstraintRow(Relation rel, const char *name, char contype, Oid indexoid,
						const std::vector<AttrNumber> &keys, bool deferrable, bool initdeferred)
{
	ConstraintSpec spec;
	spec.name = name;
	spec.contype = contype;
	spec.deferrable = deferrable;
	spec.initdeferred = initdeferred;
	spec.relid = RelationGetRelid(rel);
	spec.relnamespace = RelationGetNamespace(rel);
	spec.keys = keys;
	spec.indexoid = indexoid;
	return CreateConstraintEntry(spec);
}

}  // namespace

char *ChooseRelationName(const char *name1, const char *name2, const char *label, Oid namespaceid,
						 bool)
{
	std::string modlabel = label;
	for (int pass = 1;; pass++)
	{
		std::string name = MakeObjectName(name1, name2, modlabel.c_str());
		if (!OidIsValid(GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid,
										CStringGetDatum(name.c_str()),
										ObjectIdGetDatum(namespaceid))))
			return pstrdup(name.c_str());
		modlabel = std::string(label) + std::to_string(pass);
	}
}

Oid DefineIndex(IndexStmt *stmt, const char *queryString)
{
	Oid relid = RangeVarGetRelid(stmt->relation, ShareLock, false);
	CheckRelationOwner(relid, stmt->relation->relname);
	Relation rel = relation_open(relid, NoLock);
	char relkind = rel->rd_rel->relkind;
	if (relkind != RELKIND_RELATION)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("cannot create index on relation \"%s\"", RelationGetRelationName(rel)),
				errdetail("This operation is not supported for %s.",
						  relkind == 'v'	   ? "views"
							  : relkind == 'S' ? "sequences"
							  : relkind == 'i' ? "indexes"
											   : "this kind of relation"));
	if (RelationGetNamespace(rel) == PG_CATALOG_NAMESPACE)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied: \"%s\" is a system catalog",
					   RelationGetRelationName(rel)));

	int nkeys = list_length(stmt->indexParams);
	int ncols = nkeys + list_length(stmt->indexIncludingParams);
	if (nkeys == 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
				errmsg("must specify at least one column"));
	if (ncols > INDEX_MAX_KEYS)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_COLUMNS),
				errmsg("cannot use more than %d columns in an index", INDEX_MAX_KEYS));

	const char *am = stmt->accessMethod != nullptr ? stmt->accessMethod : "btree";
	if (strcmp(am, "btree") != 0)
	{
		if (!SearchSysCacheExists1(AMNAME, CStringGetDatum(am)))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("access method \"%s\" does not exist", am));
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("access method \"%s\" is not supported yet", am));
	}
	if (stmt->concurrent)
		NotSupported("concurrent index builds");
	if (stmt->tableSpace != nullptr)
		NotSupported("index tablespaces");
	if (stmt->options != NIL)
		NotSupported("index storage parameters");
	if (stmt->nulls_not_distinct)
		NotSupported("NULLS NOT DISTINCT indexes");
	if (stmt->excludeOpNames != NIL)
		NotSupported("exclusion constraints");
	if (stmt->isconstraint && (stmt->deferrable || stmt->initdeferred))
		NotSupported("deferrable constraints");

	std::vector<IndexElem *> elems;
	ListCell *lc;
	foreach (lc, stmt->indexParams)
		elems.push_back(static_cast<IndexElem *>(lfirst(lc)));
	foreach (lc, stmt->indexIncludingParams)
		elems.push_back(static_cast<IndexElem *>(lfirst(lc)));
	std::vector<std::string> colnames = IndexColumnNames(elems);
	std::vector<IndexColumn> columns(static_cast<size_t>(ncols));
	std::vector<AttrNumber> keyattnums;
	for (int i = 0; i < ncols; i++)
	{
		IndexElem *elem = elems[static_cast<size_t>(i)];
		bool key = i < nkeys;
		if (elem->name == nullptr)
		{
			if (!key)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("expressions are not supported in included columns"));
			NotSupported("index expressions");
		}
		HeapTuple att = SearchSysCache2(ATTNAME, ObjectIdGetDatum(relid),
										CStringGetDatum(elem->name));
		if (att == nullptr)
		{
			if (stmt->isconstraint)
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
						errmsg("column \"%s\" named in key does not exist", elem->name));
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
					errmsg("column \"%s\" does not exist", elem->name));
		}
		auto *attform = reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att));
		if (attform->attnum <= 0)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("index creation on system columns is not supported"));
		IndexColumn &col = columns[static_cast<size_t>(i)];
		col.name = pstrdup(colnames[static_cast<size_t>(i)].c_str());
		col.attnum = attform->attnum;
		col.collation = attform->attcollation;
		if (!key)
		{
			if (elem->collation != NIL)
				ereport(ERROR, errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
						errmsg("including column does not support a collation"));
			if (elem->opclass != NIL)
				ereport(ERROR, errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
						errmsg("including column does not support an operator class"));
			if (elem->ordering != SORTBY_DEFAULT)
				ereport(ERROR, errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
						errmsg("including column does not support ASC/DESC options"));
			if (elem->nulls_ordering != SORTBY_NULLS_DEFAULT)
				ereport(ERROR, errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
						errmsg("including column does not support NULLS FIRST/LAST options"));
			continue;
		}
		keyattnums.push_back(col.attnum);
		if (elem->collation != NIL)
			NotSupported("COLLATE clauses in indexes");
		col.opclass = ResolveOpClass(elem->opclass, attform->atttypid);
		col.option = 0;
		if (elem->ordering == SORTBY_DESC)
			col.option |= INDOPTION_DESC | INDOPTION_NULLS_FIRST; /* DESC: NULLs first */
		if (elem->nulls_ordering == SORTBY_NULLS_FIRST)
			col.option |= INDOPTION_NULLS_FIRST;
		else if (elem->nulls_ordering == SORTBY_NULLS_LAST)
			col.option &= ~INDOPTION_NULLS_FIRST;
	}

	Node *predicate = nullptr;
	if (stmt->whereClause != nullptr)
	{
		ParseState *pstate = make_parsestate(nullptr);
		pstate->p_sourcetext = queryString;
		ParseNamespaceItem *nsitem = addRangeTableEntry(pstate, stmt->relation, nullptr, NoLock,
														true);
		pstate->p_namespace = lappend(pstate->p_namespace, nsitem);
		/* (PostgreSQL calls this place "index predicate"; Tusk's messages
		 * say WHERE.) */
		predicate = coerce_to_boolean(pstate,
									  transformExpr(pstate, stmt->whereClause, EXPR_KIND_WHERE),
									  "WHERE");
		free_parsestate(pstate);
	}

	Oid nsp = RelationGetNamespace(rel);
	char *name = stmt->idxname;
	if (name == nullptr)
	{
		std::string addition = NameAddition(
			std::vector<std::string>(colnames.begin(), colnames.end()));
		name = stmt->primary
			? ChooseRelationName(RelationGetRelationName(rel), nullptr, "pkey", nsp, true)
			: ChooseRelationName(RelationGetRelationName(rel), addition.c_str(),
								 stmt->isconstraint ? "key" : "idx", nsp, stmt->isconstraint);
	}
	else if (OidIsValid(GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid, CStringGetDatum(name),
										ObjectIdGetDatum(nsp))))
	{
		if (stmt->if_not_exists)
		{
			ereport(NOTICE, errcode(ERRCODE_DUPLICATE_TABLE),
					errmsg("relation \"%s\" already exists, skipping", name));
			relation_close(rel, NoLock);
			return InvalidOid;
		}
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_TABLE),
				errmsg("relation \"%s\" already exists", name));
	}

	if (stmt->primary)
	{
		/* PostgreSQL: "multiple primary keys for table … are not allowed". */
		List *indexes = RelationGetIndexList(rel);
		foreach (lc, indexes)
		{
			HeapTuple itup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(lfirst_oid(lc)));
			if (itup != nullptr && reinterpret_cast<Form_pg_index>(GETSTRUCT(itup))->indisprimary)
				ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
						errmsg("multiple primary keys for table \"%s\" are not allowed",
							   RelationGetRelationName(rel)));
		}
		SetColumnsNotNull(rel, keyattnums);
	}

	Oid indexoid = index_create(rel, name, ncols, nkeys, columns.data(), predicate,
								stmt->unique || stmt->primary, stmt->primary);

	/* Its dependencies, as PostgreSQL's index_create records them: a
	 * constraint's index is part of the constraint, which goes with its
	 * columns; a plain index goes with its columns. */
	ObjectAddress index;
	ObjectAddressSet(index, RelationRelationId, indexoid);
	if (stmt->isconstraint)
	{
		Oid conoid = InsertConstraintRow(rel, name, stmt->primary ? 'p' : 'u', indexoid, keyattnums,
										 stmt->deferrable, stmt->initdeferred);
		ObjectAddress constraint;
		ObjectAddressSet(constraint, ConstraintRelationId, conoid);
		recordDependencyOn(&index, &constraint, DEPENDENCY_INTERNAL);
	}
	else
	{
		std::vector<ObjectAddress> on_columns;
		for (const IndexColumn &col : columns)
			on_columns.push_back({RelationRelationId, relid, col.attnum});
		recordMultipleDependencies(&index, on_columns.data(), static_cast<int>(on_columns.size()),
								   DEPENDENCY_AUTO);
	}
	for (const IndexColumn &col : columns)
		if (OidIsValid(col.opclass))
		{
			ObjectAddress opclass;
			ObjectAddressSet(opclass, OperatorClassRelationId, col.opclass);
			recordDependencyOn(&index, &opclass, DEPENDENCY_NORMAL);
		}
	if (predicate != nullptr)
		recordDependencyOnSingleRelExpr(&index, predicate, relid, DEPENDENCY_NORMAL,
										DEPENDENCY_AUTO);
	relation_close(rel, NoLock);
	return indexoid;
}
