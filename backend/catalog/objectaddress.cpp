/*
 * objectaddress.cpp — describing a database object in words
 * (catalog/objectaddress.h), for DROP's messages and pg_describe_object.
 *
 * The words are PostgreSQL's: the kind of object, then its name, a
 * relation's schema-qualified when the search path would not find it.
 */
#include "postgres.h"

#include <string>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/objectaddress.h"
#include "catalog/pg_attrdef_d.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_extension_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_rewrite_d.h"
#include "catalog/pg_type_d.h"
#include "commands/extension.h"
#include "access/relation.h"
#include "access/heapam.h"
#include "fmgr.h"
#include "nodes/value.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

const char *RelkindNoun(char relkind)
{
	switch (relkind)
	{
		case 'i':
		case 'I':
			return "index";
		case 'S':
			return "sequence";
		case 't':
			return "toast table";
		case 'v':
			return "view";
		case 'm':
			return "materialized view";
		case 'c':
			return "composite type";
		case 'f':
			return "foreign table";
		default:
			return "table";
	}
}

/* "table t" or "column a of table t"; empty when the relation is gone. */
std::string RelationDescription(Oid relid, int32 subid)
{
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		return {};
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	std::string out = RelkindNoun(form->relkind);
	out += ' ';
	out += DatumGetCString(DirectFunctionCall1(regclassout, ObjectIdGetDatum(relid)));
	if (subid == 0)
		return out;
	HeapTuple att = SearchSysCache2(ATTNUM, ObjectIdGetDatum(relid),
									Int16GetDatum(static_cast<int16>(subid)));
	if (att == nullptr)
		return {};
	std::string column = "column ";
	column += NameStr(reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att))->attname);
	column += " of ";
	return column + out;
}

/* The row of a catalog without a syscache, found by OID. */
template <typename F>
bool WithRowByOid(Oid catalog, AttrNumber oidcol, Oid oid, F &&f)
{
	Relation rel = relation_open(catalog, AccessShareLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	bool found = false;
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		bool isnull;
		if (DatumGetObjectId(heap_getattr(t, oidcol, RelationGetDescr(rel), &isnull)) == oid)
		{
			f(t, RelationGetDescr(rel));
			found = true;
			break;
		}
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(rel, AccessShareLock);
	return found;
}

/* "function name(type,type)", the name qualified unless the search path
 * finds this function by it (PostgreSQL's format_procedure); empty for a
 * missing function. */
std::string FunctionDescription(Oid funcoid)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcoid));
	if (tup == nullptr)
		return {};
	auto *form = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	int nargs = form->pronargs;
	List *names = list_make1(makeString(pstrdup(NameStr(form->proname))));
	FuncCandidateList c = FuncnameGetCandidates(names, nargs, NIL, false, false, false, true);
	bool visible = false;
	for (; c != nullptr; c = c->next)
		if (c->oid == funcoid)
			visible = true;
	std::string out = "function ";
	if (!visible)
	{
		out += get_namespace_name(form->pronamespace);
		out += ".";
	}
	out += NameStr(form->proname);
	out += "(";
	for (int i = 0; i < nargs; i++)
	{
		if (i > 0)
			out += ",";
		out += format_type_be(form->proargtypes.values[i]);
	}
	out += ")";
	ReleaseSysCache(tup);
	return out;
}

std::string Describe(const ObjectAddress &object)
{
	switch (object.classId)
	{
		case RelationRelationId:
			return RelationDescription(object.objectId, object.objectSubId);
		case TypeRelationId:
			if (!SearchSysCacheExists1(TYPEOID, ObjectIdGetDatum(object.objectId)))
				return {};
			return std::string("type ") + format_type_be(object.objectId);
		case ConstraintRelationId:
		{
			HeapTuple tup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(object.objectId));
			if (tup == nullptr)
				return {};
			auto *con = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(tup));
			std::string out = "constraint ";
			out += NameStr(con->conname);
			if (OidIsValid(con->conrelid))
			{
				out += " on ";
				out += RelationDescription(con->conrelid, 0);
			}
			else if (OidIsValid(con->contypid))
			{
				out += " on type ";
				out += format_type_be(con->contypid);
			}
			return out;
		}
		case AttrDefaultRelationId:
		{
			std::string out;
			WithRowByOid(AttrDefaultRelationId, Anum_pg_attrdef_oid, object.objectId,
						 [&](HeapTuple t, TupleDesc desc) {
							 bool isnull;
							 Oid relid = DatumGetObjectId(
								 heap_getattr(t, Anum_pg_attrdef_adrelid, desc, &isnull));
							 int16 attnum = DatumGetInt16(
								 heap_getattr(t, Anum_pg_attrdef_adnum, desc, &isnull));
							 std::string column = RelationDescription(relid, attnum);
							 if (!column.empty())
								 out = "default value for " + column;
						 });
			return out;
		}
		case NamespaceRelationId:
		{
			char *name = get_namespace_name(object.objectId);
			return name == nullptr ? std::string() : std::string("schema ") + name;
		}
		case ProcedureRelationId:
			return FunctionDescription(object.objectId);
		case RewriteRelationId:
		{
			std::string out;
			WithRowByOid(RewriteRelationId, Anum_pg_rewrite_oid, object.objectId,
						 [&](HeapTuple t, TupleDesc desc) {
							 bool isnull;
							 Name rulename = DatumGetName(
								 heap_getattr(t, Anum_pg_rewrite_rulename, desc, &isnull));
							 Oid relid = DatumGetObjectId(
								 heap_getattr(t, Anum_pg_rewrite_ev_class, desc, &isnull));
							 std::string rel = RelationDescription(relid, 0);
							 if (!rel.empty())
								 out = std::string("rule ") + NameStr(*rulename) + " on " + rel;
						 });
			return out;
		}
		case ExtensionRelationId:
		{
			char *name = get_extension_name(object.objectId);
			return name == nullptr ? std::string() : std::string("extension ") + name;
		}
		case OperatorRelationId:
			if (!SearchSysCacheExists1(OPEROID, ObjectIdGetDatum(object.objectId)))
				return {};
			return std::string("operator ") +
				DatumGetCString(
					   DirectFunctionCall1(regoperatorout, ObjectIdGetDatum(object.objectId)));
		default:
			return {};
	}
}

}  // namespace

char *getObjectDescription(const ObjectAddress *object, bool missing_ok)
{
	std::string out = Describe(*object);
	if (out.empty())
	{
		if (missing_ok)
			return nullptr;
		elog(ERROR, "cache lookup failed for object %u/%u/%d", object->classId, object->objectId,
			 object->objectSubId);
	}
	return pstrdup(out.c_str());
}

/* pg_describe_object(classid, objid, objsubid): NULL for a missing object. */
Datum pg_describe_object(PG_FUNCTION_ARGS)
{
	ObjectAddress address;
	ObjectAddressSubSet(address, PG_GETARG_OID(0), PG_GETARG_OID(1), PG_GETARG_INT32(2));
	if (!OidIsValid(address.classId) && !OidIsValid(address.objectId))
		PG_RETURN_NULL();
	char *description = getObjectDescription(&address, true);
	if (description == nullptr)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(description));
}
