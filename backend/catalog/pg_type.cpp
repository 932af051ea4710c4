/*
 * pg_type.cpp — the one place that writes a pg_type row
 * (catalog/pg_type_fns.h; PostgreSQL's TypeCreate and makeArrayTypeName).
 *
 * Callers: heap_create_with_catalog (a relation's row type and its array
 * type), DefineEnum and DefineDomain (commands/typecmds.cpp).  Each
 * describes its row as a TypeSpec; what is common to all array types
 * (array_in/array_out, array_subscript_handler, category 'A', extended
 * storage) is said once here, in ArrayTypeCreate.
 *
 * Principal entry points: TypeCreate, ArrayTypeCreate, NewTypeOid.
 */
#include "postgres.h"

#include <string>

#include "access/htup_details.h"
#include "catalog/heap.h"
#include "catalog/indexing.h"
#include "catalog/pg_type_d.h"
#include "catalog/pg_type_fns.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/syscache.h"

void TypeCreate(Relation pg_type, const TypeSpec &spec)
{
	CatalogRow row(pg_type);
	row.Set(Anum_pg_type_oid, ObjectIdGetDatum(spec.oid))
		.SetName(Anum_pg_type_typname, spec.name)
		.Set(Anum_pg_type_typnamespace, ObjectIdGetDatum(spec.namespace_oid))
		.Set(Anum_pg_type_typowner, ObjectIdGetDatum(MyUserId))
		.Set(Anum_pg_type_typlen, Int16GetDatum(spec.len))
		.Set(Anum_pg_type_typbyval, BoolGetDatum(spec.byval))
		.Set(Anum_pg_type_typtype, CharGetDatum(spec.typtype))
		.Set(Anum_pg_type_typcategory, CharGetDatum(spec.category))
		.Set(Anum_pg_type_typispreferred, BoolGetDatum(spec.preferred))
		.Set(Anum_pg_type_typisdefined, BoolGetDatum(true))
		.Set(Anum_pg_type_typdelim, CharGetDatum(spec.delim))
		.Set(Anum_pg_type_typrelid, ObjectIdGetDatum(spec.relid))
		.Set(Anum_pg_type_typsubscript, ObjectIdGetDatum(spec.subscript))
		.Set(Anum_pg_type_typelem, ObjectIdGetDatum(spec.elem))
		.Set(Anum_pg_type_typarray, ObjectIdGetDatum(spec.array))
		.Set(Anum_pg_type_typinput, ObjectIdGetDatum(spec.input))
		.Set(Anum_pg_type_typoutput, ObjectIdGetDatum(spec.output))
		.Set(Anum_pg_type_typreceive, ObjectIdGetDatum(spec.receive))
		.Set(Anum_pg_type_typsend, ObjectIdGetDatum(spec.send))
		.Set(Anum_pg_type_typmodin, ObjectIdGetDatum(spec.modin))
		.Set(Anum_pg_type_typmodout, ObjectIdGetDatum(spec.modout))
		.Set(Anum_pg_type_typanalyze, ObjectIdGetDatum(spec.analyze))
		.Set(Anum_pg_type_typalign, CharGetDatum(spec.align))
		.Set(Anum_pg_type_typstorage, CharGetDatum(spec.storage))
		.Set(Anum_pg_type_typnotnull, BoolGetDatum(spec.notnull))
		.Set(Anum_pg_type_typbasetype, ObjectIdGetDatum(spec.basetype))
		.Set(Anum_pg_type_typtypmod, Int32GetDatum(spec.typmod))
		.Set(Anum_pg_type_typndims, Int32GetDatum(spec.ndims))
		.Set(Anum_pg_type_typcollation, ObjectIdGetDatum(spec.collation));
	if (spec.default_bin != nullptr)
		row.Set(Anum_pg_type_typdefaultbin, PointerGetDatum(cstring_to_text(spec.default_bin)));
	else
		row.SetNull(Anum_pg_type_typdefaultbin);
	if (spec.default_text != nullptr)
		row.Set(Anum_pg_type_typdefault, PointerGetDatum(cstring_to_text(spec.default_text)));
	else
		row.SetNull(Anum_pg_type_typdefault);
	row.SetNull(Anum_pg_type_typacl);
	CatalogTupleInsert(pg_type, row.Form());
}

std::string MakeArrayTypeName(const char *elemname, Oid namespace_oid)
{
	std::string name = elemname;
	do
	{
		name.insert(name.begin(), '_');
		if (name.size() > NAMEDATALEN - 1)
			name.resize(NAMEDATALEN - 1);
	} while (
		OidIsValid(GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(name.c_str()),
								   ObjectIdGetDatum(namespace_oid))));
	return name;
}

void ArrayTypeCreate(Relation pg_type, Oid arrayid, Oid elem, const char *elemname,
					 Oid namespace_oid, char align)
{
	std::string name = MakeArrayTypeName(elemname, namespace_oid);
	TypeSpec spec;
	spec.oid = arrayid;
	spec.name = name.c_str();
	spec.namespace_oid = namespace_oid;
	spec.category = TYPCATEGORY_ARRAY;
	spec.align = align;
	spec.storage = TYPSTORAGE_EXTENDED;
	spec.subscript = F_ARRAY_SUBSCRIPT_HANDLER;
	spec.elem = elem;
	spec.input = F_ARRAY_IN;
	spec.output = F_ARRAY_OUT;
	spec.receive = F_ARRAY_RECV;
	spec.send = F_ARRAY_SEND;
	spec.analyze = F_ARRAY_TYPANALYZE;
	TypeCreate(pg_type, spec);
}

Oid NewTypeOid(void)
{
	return GetNewRelationOid();
}
