/*
 * namespace.cpp — names through search_path (catalog/namespace.h).
 *
 * Principal entry points: RangeVarGetRelid, TypenameGetTypid,
 * OpernameGetCandidates, FuncnameGetCandidates, fetch_search_path.
 *
 * The path is computed from the search_path setting: "$user" and names
 * of schemas that do not exist are skipped, pg_catalog comes first if
 * the setting does not place it.  It is cached with the setting's text
 * it came from and dropped when the catalog caches are reset.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "storage/lmgr.h"
#include "utils/syscache.h"

char *namespace_search_path = nullptr;

namespace {

/* The list of schema names in the setting, unquoted. */
std::vector<std::string> SplitSearchPath(const char *setting)
{
	std::vector<std::string> names;
	const char *p = setting != nullptr ? setting : "";
	while (*p != '\0')
	{
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		std::string name;
		if (*p == '"')
		{
			p++;
			while (*p != '\0')
			{
				if (*p == '"' && p[1] == '"')
				{
					name += '"';
					p += 2;
				}
				else if (*p == '"')
				{
					p++;
					break;
				}
				else
					name += *p++;
			}
		}
		else
		{
			while (*p != '\0' && *p != ',' && *p != ' ' && *p != '\t')
				name += static_cast<char>(tolower(static_cast<unsigned char>(*p++)));
		}
		names.push_back(name);
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == ',')
			p++;
	}
	return names;
}

Oid LookupNamespace(const char *name)
{
	return GetSysCacheOid1(NAMESPACENAME, Anum_pg_namespace_oid, CStringGetDatum(name));
}

std::string SessionUserName()
{
	HeapTuple tuple = SearchSysCache1(AUTHOID, ObjectIdGetDatum(MyUserId));
	if (tuple == nullptr)
		return {};
	return NameStr(reinterpret_cast<Form_pg_authid>(GETSTRUCT(tuple))->rolname);
}

/* The schema CREATE SCHEMA's elements go into, put at the front of the
 * path while they run (SearchPathOverride). */
Oid override_namespace = InvalidOid;

/* The effective path: schema OIDs in search order. */
std::vector<Oid> SearchPath()
{
	std::vector<Oid> path;
	if (OidIsValid(override_namespace))
		path.push_back(override_namespace);
	std::vector<std::string> names = SplitSearchPath(namespace_search_path);
	bool catalog_listed = false;
	for (const std::string &name : names)
		if (name == "pg_catalog")
			catalog_listed = true;
	if (!catalog_listed)
		path.insert(path.begin(), PG_CATALOG_NAMESPACE);
	for (const std::string &name : names)
	{
		std::string schema = name == "$user" ? SessionUserName() : name;
		if (schema.empty())
			continue;
		Oid nsp = LookupNamespace(schema.c_str());
		if (OidIsValid(nsp))
		{
			bool seen = false;
			for (Oid o : path)
				seen |= o == nsp;
			if (!seen)
				path.push_back(nsp);
		}
	}
	return path;
}

int PathPosition(const std::vector<Oid> &path, Oid nsp)
{
	for (size_t i = 0; i < path.size(); i++)
		if (path[i] == nsp)
			return static_cast<int>(i);
	return -1;
}

/* The schemas a possibly qualified name is looked up in: the named one,
 * or the search path; empty if the named schema does not exist and
 * missing_ok. */
std::vector<Oid> LookupPath(const char *schemaname, bool missing_ok)
{
	if (schemaname == nullptr)
		return SearchPath();
	Oid nsp = get_namespace_oid(schemaname, missing_ok);
	if (!OidIsValid(nsp))
		return {};
	return {nsp};
}

/* Drop the candidates marked hidden (oid cleared) by a nearer schema's. */
FuncCandidateList DropHidden(FuncCandidateList result)
{
	FuncCandidateList *link = &result;
	while (*link != nullptr)
		if (!OidIsValid((*link)->oid))
			*link = (*link)->next;
		else
			link = &(*link)->next;
	return result;
}

}  // namespace

void DeconstructQualifiedName(List *names, char **nspname_p, char **objname_p)
{
	char *schemaname = nullptr;
	char *objname = nullptr;
	switch (list_length(names))
	{
		case 1:
			objname = strVal(linitial(names));
			break;
		case 2:
			schemaname = strVal(linitial(names));
			objname = strVal(lsecond(names));
			break;
		case 3:
		{
			char *catalogname = strVal(linitial(names));
			HeapTuple db = SearchSysCache1(DATABASEOID, ObjectIdGetDatum(MyDatabaseId));
			if (db == nullptr ||
				strcmp(catalogname,
					   NameStr(reinterpret_cast<Form_pg_database>(GETSTRUCT(db))->datname)) != 0)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("cross-database references are not implemented: %s",
							   NameListToString(names)));
			schemaname = strVal(lsecond(names));
			objname = strVal(lthird(names));
			break;
		}
		default:
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("improper qualified name (too many dotted names): %s",
						   NameListToString(names)));
	}
	*nspname_p = schemaname;
	*objname_p = objname;
}

char *NameListToString(List *names)
{
	std::string s;
	ListCell *lc;
	foreach (lc, names)
	{
		if (!s.empty())
			s += '.';
		Node *name = static_cast<Node *>(lfirst(lc));
		s += IsA(name, String) ? strVal(name) : "*";
	}
	return pstrdup(s.c_str());
}

Oid get_namespace_oid(const char *nspname, bool missing_ok)
{
	Oid oid = LookupNamespace(nspname);
	if (!OidIsValid(oid) && !missing_ok)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_SCHEMA),
				errmsg("schema \"%s\" does not exist", nspname));
	return oid;
}

Oid RelnameGetRelid(const char *relname)
{
	for (Oid nsp : SearchPath())
	{
		Oid relid = GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid, CStringGetDatum(relname),
									ObjectIdGetDatum(nsp));
		if (OidIsValid(relid))
			return relid;
	}
	return InvalidOid;
}

Oid RangeVarGetRelid(const RangeVar *relation, LOCKMODE lockmode, bool missing_ok)
{
	Oid relid;
	if (relation->schemaname != nullptr)
	{
		Oid nsp = get_namespace_oid(relation->schemaname, missing_ok);
		relid = OidIsValid(nsp)
			? GetSysCacheOid2(RELNAMENSP, Anum_pg_class_oid, CStringGetDatum(relation->relname),
							  ObjectIdGetDatum(nsp))
			: InvalidOid;
	}
	else
		relid = RelnameGetRelid(relation->relname);
	if (!OidIsValid(relid))
	{
		if (missing_ok)
			return InvalidOid;
		if (relation->schemaname != nullptr)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
					errmsg("relation \"%s.%s\" does not exist", relation->schemaname,
						   relation->relname));
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
				errmsg("relation \"%s\" does not exist", relation->relname));
	}
	if (lockmode != NoLock)
	{
		LockRelationOid(relid, lockmode);
		/* A concurrent DROP may have won the race for the lock. */
		if (!SearchSysCacheExists1(RELOID, ObjectIdGetDatum(relid)))
		{
			UnlockRelationOid(relid, lockmode);
			if (missing_ok)
				return InvalidOid;
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
					errmsg("relation \"%s\" does not exist", relation->relname));
		}
	}
	return relid;
}

SearchPathOverride::SearchPathOverride(Oid first) : saved_(override_namespace)
{
	override_namespace = first;
}

SearchPathOverride::~SearchPathOverride()
{
	override_namespace = saved_;
}

bool RelationIsVisible(Oid relid)
{
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		return false;
	return RelnameGetRelid(NameStr(reinterpret_cast<Form_pg_class>(GETSTRUCT(tup))->relname)) ==
		relid;
}

Oid LookupCreationNamespace(const char *nspname)
{
	return get_namespace_oid(nspname, false);
}

Oid RangeVarGetCreationNamespace(const RangeVar *newRelation)
{
	if (newRelation->schemaname != nullptr)
		return get_namespace_oid(newRelation->schemaname, false);
	for (Oid nsp : SearchPath())
		if (nsp != PG_CATALOG_NAMESPACE)
			return nsp;
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_SCHEMA),
			errmsg("no schema has been selected to create in"));
}

Oid TypenameGetTypid(const char *typname)
{
	for (Oid nsp : SearchPath())
	{
		Oid typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(typname),
									ObjectIdGetDatum(nsp));
		if (OidIsValid(typid))
			return typid;
	}
	return InvalidOid;
}

List *fetch_search_path(bool includeImplicit)
{
	List *result = NIL;
	for (Oid nsp : SearchPath())
		if (includeImplicit || nsp != PG_CATALOG_NAMESPACE)
			result = lappend_oid(result, nsp);
	return result;
}

FuncCandidateList OpernameGetCandidates(List *names, char oprkind, bool missing_schema_ok)
{
	char *schemaname;
	char *opername;
	DeconstructQualifiedName(names, &schemaname, &opername);
	std::vector<Oid> path = LookupPath(schemaname, missing_schema_ok);
	if (path.empty())
		return nullptr;
	CatCList *list = SearchSysCacheList1(OPERNAMENSP, CStringGetDatum(opername));
	FuncCandidateList result = nullptr;
	for (int i = list->n_members - 1; i >= 0; i--)
	{
		auto *form = reinterpret_cast<Form_pg_operator>(GETSTRUCT(list->members[i]));
		if (oprkind != 0 && form->oprkind != oprkind)
			continue;
		int pos = PathPosition(path, form->oprnamespace);
		if (pos < 0)
			continue;
		/* A nearer schema's operator with the same inputs hides this one. */
		bool hidden = false;
		for (FuncCandidateList c = result; c != nullptr; c = c->next)
			if (c->args[0] == form->oprleft && c->args[1] == form->oprright)
			{
				if (c->pathpos <= pos)
					hidden = true;
				else
					c->oid = InvalidOid; /* (dropped below) */
			}
		if (hidden)
			continue;
		auto *cand = static_cast<FuncCandidateList>(
			palloc0(offsetof(struct FuncCandidateListData, args) + 2 * sizeof(Oid)));
		cand->pathpos = pos;
		cand->oid = form->oid;
		cand->nargs = 2;
		cand->args[0] = form->oprleft;
		cand->args[1] = form->oprright;
		cand->next = result;
		result = cand;
	}
	return DropHidden(result);
}

FuncCandidateList FuncnameGetCandidates(List *names, int nargs, List *, bool, bool, bool,
										bool missing_ok)
{
	char *schemaname;
	char *funcname;
	DeconstructQualifiedName(names, &schemaname, &funcname);
	std::vector<Oid> path = LookupPath(schemaname, missing_ok);
	if (path.empty())
		return nullptr;
	CatCList *list = SearchSysCacheList1(PROCNAMEARGSNSP, CStringGetDatum(funcname));
	FuncCandidateList result = nullptr;
	for (int i = list->n_members - 1; i >= 0; i--)
	{
		auto *form = reinterpret_cast<Form_pg_proc>(GETSTRUCT(list->members[i]));
		int pronargs = form->pronargs;
		if (nargs >= 0 && pronargs != nargs)
			continue;
		int pos = PathPosition(path, form->pronamespace);
		if (pos < 0)
			continue;
		bool hidden = false;
		for (FuncCandidateList c = result; c != nullptr; c = c->next)
			if (c->nargs == pronargs &&
				memcmp(c->args, form->proargtypes.values, pronargs * sizeof(Oid)) == 0)
			{
				if (c->pathpos <= pos)
					hidden = true;
				else
					c->oid = InvalidOid;
			}
		if (hidden)
			continue;
		auto *cand = static_cast<FuncCandidateList>(
			palloc0(offsetof(struct FuncCandidateListData, args) + Max(pronargs, 1) * sizeof(Oid)));
		cand->pathpos = pos;
		cand->oid = form->oid;
		cand->nargs = pronargs;
		memcpy(cand->args, form->proargtypes.values, pronargs * sizeof(Oid));
		cand->next = result;
		result = cand;
	}
	return DropHidden(result);
}
