/*
 * dropcmds.cpp — DROP of objects other than relations (commands/defrem.h):
 * DROP SCHEMA.
 *
 * Principal entry point: RemoveObjects (DROP SCHEMA, DROP FUNCTION, DROP
 * EXTENSION, DROP TYPE).
 *
 * Each name is resolved (a missing one is an error, or a NOTICE with IF
 * EXISTS), then all are dropped together through their dependencies
 * (catalog/dependency.h), so DROP SCHEMA s CASCADE takes s's tables with
 * it and RESTRICT refuses while s holds anything.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "catalog/dependency.h"
#include "catalog/namespace.h"
#include "catalog/pg_extension_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "commands/extension.h"
#include "commands/owner.h"
#include "commands/typecmds.h"
#include "miscadmin.h"
#include "access/htup_details.h"
#include "nodes/value.h"
#include "utils/format_type.h"
#include "utils/syscache.h"

namespace {

/* A type name as written (PostgreSQL's TypeNameToString). */
std::string TypeNameText(const TypeName *tn)
{
	std::string out;
	ListCell *lc;
	foreach (lc, tn->names)
	{
		if (!out.empty())
			out += ".";
		out += strVal(lfirst(lc));
	}
	if (tn->pct_type)
		out += "%TYPE";
	if (tn->arrayBounds != NIL)
		out += "[]";
	return out;
}

/* The schema of a function or type. */
Oid FunctionSchema(Oid funcid)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	Oid nsp = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup))->pronamespace;
	ReleaseSysCache(tup);
	return nsp;
}

Oid TypeSchema(Oid typid)
{
	HeapTuple tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for type %u", typid);
	Oid nsp = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup))->typnamespace;
	ReleaseSysCache(tup);
	return nsp;
}

/* Only the object's owner, or for an object in a schema the schema's
 * owner, may drop it (PostgreSQL's RemoveObjects). */
void CheckDropOwner(const ObjectAddress &object, Oid nspid, ObjectType objtype, const char *name)
{
	if (OidIsValid(nspid) && ObjectOwnerCheck(NamespaceRelationId, nspid, GetUserId()))
		return;
	if (!ObjectOwnerCheck(object.classId, object.objectId, GetUserId()))
		ReportNotOwner(objtype, name);
}

}  // namespace

void RemoveObjects(DropStmt *stmt)
{
	if (stmt->removeType != OBJECT_SCHEMA && stmt->removeType != OBJECT_FUNCTION &&
		stmt->removeType != OBJECT_EXTENSION && stmt->removeType != OBJECT_TYPE)
		elog(ERROR, "unexpected object type %d in RemoveObjects",
			 static_cast<int>(stmt->removeType));
	std::vector<ObjectAddress> objects;
	ListCell *lc;
	foreach (lc, stmt->objects)
	{
		if (stmt->removeType == OBJECT_FUNCTION)
		{
			auto *func = castNode(ObjectWithArgs, lfirst(lc));
			Oid funcoid = LookupFuncWithArgs(func, stmt->missing_ok);
			if (!OidIsValid(funcoid))
			{
				/* IF EXISTS: a missing schema or function is a NOTICE. */
				char *schemaname;
				char *fname;
				DeconstructQualifiedName(func->objname, &schemaname, &fname);
				if (schemaname != nullptr && !OidIsValid(get_namespace_oid(schemaname, true)))
					ereport(NOTICE, errmsg("schema \"%s\" does not exist, skipping", schemaname));
				else
				{
					std::string args;
					ListCell *al;
					foreach (al, func->objargs)
					{
						if (!args.empty())
							args += ",";
						args += TypeNameText(static_cast<TypeName *>(lfirst(al)));
					}
					ereport(NOTICE,
							errmsg("function %s(%s) does not exist, skipping",
								   NameListToString(func->objname), args.c_str()));
				}
				continue;
			}
			ObjectAddress object;
			ObjectAddressSet(object, ProcedureRelationId, funcoid);
			CheckDropOwner(object, FunctionSchema(funcoid), OBJECT_FUNCTION,
						   NameListToString(func->objname));
			objects.push_back(object);
			continue;
		}
		if (stmt->removeType == OBJECT_TYPE)
		{
			auto *tn = castNode(TypeName, lfirst(lc));
			Oid typid = LookupTypeNameForDrop(tn, stmt->missing_ok);
			if (!OidIsValid(typid))
			{
				char *schemaname;
				char *typname;
				DeconstructQualifiedName(tn->names, &schemaname, &typname);
				if (schemaname != nullptr && !OidIsValid(get_namespace_oid(schemaname, true)))
					ereport(NOTICE, errmsg("schema \"%s\" does not exist, skipping", schemaname));
				else
					ereport(NOTICE,
							errmsg("type \"%s\" does not exist, skipping",
								   TypeNameText(tn).c_str()));
				continue;
			}
			ObjectAddress object;
			ObjectAddressSet(object, TypeRelationId, typid);
			CheckDropOwner(object, TypeSchema(typid), OBJECT_TYPE, format_type_be(typid));
			objects.push_back(object);
			continue;
		}
		/* A schema's or extension's name is a String, not a name list. */
		Node *item = static_cast<Node *>(lfirst(lc));
		const char *name = IsA(item, String) ? strVal(item)
											 : NameListToString(reinterpret_cast<List *>(item));
		if (stmt->removeType == OBJECT_EXTENSION)
		{
			Oid extoid = get_extension_oid(name, stmt->missing_ok);
			if (!OidIsValid(extoid))
			{
				ereport(NOTICE, errmsg("extension \"%s\" does not exist, skipping", name));
				continue;
			}
			ObjectAddress object;
			ObjectAddressSet(object, ExtensionRelationId, extoid);
			CheckDropOwner(object, InvalidOid, OBJECT_EXTENSION, name);
			objects.push_back(object);
			continue;
		}
		Oid nspoid = get_namespace_oid(name, true);
		if (!OidIsValid(nspoid))
		{
			if (!stmt->missing_ok)
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_SCHEMA),
						errmsg("schema \"%s\" does not exist", name));
			ereport(NOTICE, errmsg("schema \"%s\" does not exist, skipping", name));
			continue;
		}
		ObjectAddress object;
		ObjectAddressSet(object, NamespaceRelationId, nspoid);
		CheckDropOwner(object, InvalidOid, OBJECT_SCHEMA, name);
		objects.push_back(object);
	}
	performMultipleDeletions(objects, stmt->behavior, 0);
}
