/*
 * typecmds.cpp — CREATE TYPE … AS ENUM, CREATE TYPE … AS (…) and ALTER
 * TYPE … ADD VALUE / RENAME VALUE (commands/typecmds.h; PostgreSQL's
 * typecmds.c).
 *
 * An enum type is a pg_type row of typtype 'e' (4 bytes, by value, int
 * aligned, category 'E', enum_in/enum_out/enum_recv/enum_send), its array
 * type "_name", and one pg_enum row per label (catalog/pg_enum.cpp).  A
 * composite type is what a table's row type is, with a pg_class row of
 * relkind 'c' that has no file (catalog/heap.cpp); the pg_class row
 * belongs to the type, so DROP TYPE takes it along.  Both types depend on
 * their schema; the array type is an internal part of its element type.
 * Columns, functions and other types that use a type depend on it, so
 * DROP TYPE … RESTRICT refuses while one does (catalog/dependency.cpp)
 * and CASCADE drops them.
 *
 * Base, shell and range types (CREATE TYPE name (INPUT = …), CREATE TYPE
 * name, AS RANGE) and ALTER TYPE other than ADD/RENAME VALUE are rejected
 * by the parser with 0A000.
 *
 * Principal entry points: DefineEnum, DefineCompositeType, AlterEnum,
 * LookupTypeNameForDrop.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/relation.h"
#include "access/transam.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_enum_fns.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_shdepend_fns.h"
#include "catalog/pg_type_d.h"
#include "catalog/pg_type_fns.h"
#include "commands/extension.h"
#include "commands/owner.h"
#include "commands/typecmds.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "parser/parse_collate.h"
#include "parser/parse_expr.h"
#include "parser/parse_node.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

namespace {

/* PostgreSQL's message for a type name already taken in the schema. */
void CheckTypeNameFree(const char *typname, Oid nsp)
{
	if (OidIsValid(GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(typname),
								   ObjectIdGetDatum(nsp))))
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
				errmsg("type \"%s\" already exists", typname));
}

}  // namespace

Oid DefineEnum(CreateEnumStmt *stmt)
{
	char *schemaname;
	char *typname;
	DeconstructQualifiedName(stmt->typeName, &schemaname, &typname);
	RangeVar *rv = makeNode(RangeVar);
	rv->schemaname = schemaname;
	rv->relname = typname;
	rv->relpersistence = RELPERSISTENCE_PERMANENT;
	rv->location = -1;
	Oid nsp = RangeVarGetAndCheckCreationNamespace(rv);
	CheckTypeNameFree(typname, nsp);

	Oid typid = NewTypeOid();
	Oid arrayid = InvalidOid;
	while (!OidIsValid(arrayid) || arrayid == typid)
		arrayid = NewTypeOid();

	Relation pg_type = relation_open(TypeRelationId, RowExclusiveLock);
	TypeSpec spec;
	spec.oid = typid;
	spec.name = typname;
	spec.namespace_oid = nsp;
	spec.typtype = TYPTYPE_ENUM;
	spec.category = TYPCATEGORY_ENUM;
	spec.len = sizeof(Oid);
	spec.byval = true;
	spec.array = arrayid;
	spec.input = F_ENUM_IN;
	spec.output = F_ENUM_OUT;
	spec.receive = F_ENUM_RECV;
	spec.send = F_ENUM_SEND;
	spec.align = TYPALIGN_INT;
	spec.storage = TYPSTORAGE_PLAIN;
	TypeCreate(pg_type, spec);
	ArrayTypeCreate(pg_type, arrayid, typid, typname, nsp, TYPALIGN_INT);
	relation_close(pg_type, RowExclusiveLock);

	EnumValuesCreate(typid, stmt->vals);
	recordDependencyOnOwner(TypeRelationId, typid, MyUserId);

	ObjectAddress myself;
	ObjectAddress referenced;
	ObjectAddressSet(myself, TypeRelationId, typid);
	ObjectAddressSet(referenced, NamespaceRelationId, nsp);
	recordDependencyOn(&myself, &referenced, DEPENDENCY_NORMAL);
	recordDependencyOnCurrentExtension(&myself, false);
	ObjectAddress arraytype;
	ObjectAddressSet(arraytype, TypeRelationId, arrayid);
	recordDependencyOn(&arraytype, &myself, DEPENDENCY_INTERNAL);
	CommandCounterIncrement();
	return typid;
}

Oid DefineCompositeType(CompositeTypeStmt *stmt, const char *queryString)
{
	/* PostgreSQL reports this statement's errors without a position. */
	(void) queryString;
	ParseState *pstate = make_parsestate(nullptr);
	RangeVar *rv = stmt->typevar;
	Oid nsp;
	{
		ParserErrposScope scope(pstate, rv->location);
		nsp = RangeVarGetAndCheckCreationNamespace(rv);
	}
	CheckTypeNameFree(rv->relname, nsp);
	if (OidIsValid(GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid, CStringGetDatum(rv->relname),
								   ObjectIdGetDatum(nsp))))
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_TABLE),
				errmsg("relation \"%s\" already exists", rv->relname));

	std::vector<ColumnDef *> columns;
	ListCell *lc;
	foreach (lc, stmt->coldeflist)
	{
		ColumnDef *col = castNode(ColumnDef, lfirst(lc));
		for (ColumnDef *other : columns)
			if (strcmp(other->colname, col->colname) == 0)
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
						errmsg("column \"%s\" specified more than once", col->colname));
		columns.push_back(col);
	}
	TupleDesc desc = CreateTemplateTupleDesc(static_cast<int>(columns.size()));
	for (size_t i = 0; i < columns.size(); i++)
	{
		ColumnDef *col = columns[i];
		Oid typid;
		int32 typmod;
		typenameTypeIdAndMod(pstate, col->typeName, &typid, &typmod);
		TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), col->colname, typid, typmod,
						   list_length(col->typeName->arrayBounds));
		TupleDescAttr(desc, i)->attcollation = ColumnCollation(pstate, typid, col->collClause);
	}
	Oid relid = heap_create_with_catalog(rv->relname, nsp, desc, RELKIND_COMPOSITE_TYPE,
										 rv->relpersistence);
	CommandCounterIncrement();
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	Oid typid = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup))->reltype;
	ReleaseSysCache(tup);
	return typid;
}

void AlterEnum(AlterEnumStmt *stmt)
{
	TypeName *tn = makeNode(TypeName);
	tn->names = stmt->typeName;
	tn->typemod = -1;
	tn->location = -1;
	Oid typid = LookupTypeNameForDrop(tn, false);
	if (get_typtype(typid) != TYPTYPE_ENUM)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("%s is not an enum", format_type_be(typid)));
	if (!ObjectOwnerCheck(TypeRelationId, typid, GetUserId()))
		ReportNotOwner(OBJECT_TYPE, format_type_be(typid));
	if (stmt->oldVal != nullptr)
		RenameEnumLabel(typid, stmt->oldVal, stmt->newVal);
	else
		AddEnumLabel(typid, stmt->newVal, stmt->newValNeighbor, stmt->newValIsAfter,
					 stmt->skipIfNewValExists);
	CommandCounterIncrement();
}

Oid LookupTypeNameForDrop(TypeName *typname, bool missing_ok)
{
	char *schemaname;
	char *name;
	DeconstructQualifiedName(typname->names, &schemaname, &name);
	Oid typid = InvalidOid;
	if (schemaname != nullptr)
	{
		Oid nsp = get_namespace_oid(schemaname, missing_ok);
		if (OidIsValid(nsp))
			typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(name),
									ObjectIdGetDatum(nsp));
	}
	else
		typid = TypenameGetTypid(name);
	if (OidIsValid(typid) && typname->arrayBounds != NIL)
		typid = get_array_type(typid);
	if (!OidIsValid(typid) && !missing_ok)
	{
		std::string text = NameListToString(typname->names);
		if (typname->arrayBounds != NIL)
			text += "[]";
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("type \"%s\" does not exist", text.c_str()));
	}
	return typid;
}
