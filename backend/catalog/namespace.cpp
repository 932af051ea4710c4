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

#include <algorithm>
#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/relation.h"
#include "access/transam.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
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
#include "storage/ipc.h"
#include "storage/lmgr.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/error/error.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
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

/* This session's temporary schemas (pg_temp_N and pg_toast_temp_N, N the
 * backend id), made on first use (InitTempTableNamespace), and the
 * subtransaction that made them: if it aborts, so do the schemas. */
Oid my_temp_namespace = InvalidOid;
Oid my_temp_toast_namespace = InvalidOid;
SubTransactionId my_temp_namespace_subid = InvalidSubTransactionId;

/* The effective path (PostgreSQL's recomputeNamespacePath). */
struct EffectivePath
{
	std::vector<Oid> schemas; /* in search order, implicit ones included */
	/* Where new objects go: the first schema search_path lists (after the
	 * CREATE SCHEMA override), pg_catalog excepted; InvalidOid if none. */
	Oid creation = InvalidOid;
	/* search_path starts with pg_temp but this session has no temporary
	 * schema yet: creating an object makes it. */
	bool temp_creation_pending = false;
	bool temp_implicit = false; /* the temporary schema was not listed */
	bool catalog_implicit = false;
};

EffectivePath ComputeSearchPath()
{
	EffectivePath ep;
	std::vector<Oid> &path = ep.schemas;
	auto add = [&](Oid nsp) {
		for (Oid o : path)
			if (o == nsp)
				return;
		path.push_back(nsp);
	};
	if (OidIsValid(override_namespace))
		add(override_namespace);
	bool first = path.empty();
	for (const std::string &name : SplitSearchPath(namespace_search_path))
	{
		Oid nsp = InvalidOid;
		if (name == "pg_temp")
		{
			nsp = my_temp_namespace;
			if (!OidIsValid(nsp) && first)
				ep.temp_creation_pending = true;
		}
		else
		{
			std::string schema = name == "$user" ? SessionUserName() : name;
			if (!schema.empty())
				nsp = LookupNamespace(schema.c_str());
		}
		if (!OidIsValid(nsp))
			continue;
		first = false;
		add(nsp);
	}
	for (Oid nsp : path)
		if (nsp != PG_CATALOG_NAMESPACE)
		{
			ep.creation = nsp;
			break;
		}
	if (std::find(path.begin(), path.end(), PG_CATALOG_NAMESPACE) == path.end())
	{
		path.insert(path.begin(), PG_CATALOG_NAMESPACE);
		ep.catalog_implicit = true;
	}
	if (OidIsValid(my_temp_namespace) &&
		std::find(path.begin(), path.end(), my_temp_namespace) == path.end())
	{
		path.insert(path.begin(), my_temp_namespace);
		ep.temp_implicit = true;
	}
	return ep;
}

/* The path relations and types are looked up in: the temporary schema
 * first unless search_path places it. */
std::vector<Oid> SearchPath()
{
	return ComputeSearchPath().schemas;
}

/* The path functions and operators are looked up in: never the
 * temporary schema, unless a name is qualified with it (PostgreSQL's
 * rule against trojan-horse functions). */
std::vector<Oid> SearchPathWithoutTemp()
{
	std::vector<Oid> path = SearchPath();
	if (OidIsValid(my_temp_namespace))
		path.erase(std::remove(path.begin(), path.end(), my_temp_namespace), path.end());
	return path;
}

/* A schema named in a qualified name: "pg_temp" is this session's
 * temporary schema once it exists (PostgreSQL's LookupExplicitNamespace). */
Oid ExplicitNamespace(const char *nspname, bool missing_ok)
{
	if (strcmp(nspname, "pg_temp") == 0 && OidIsValid(my_temp_namespace))
		return my_temp_namespace;
	return get_namespace_oid(nspname, missing_ok);
}

/* Whether a call with nargs arguments, the last ones named argnames,
 * can call the function of proctup (PostgreSQL's MatchNamedCall): each
 * name is one of its input parameters' (IN, INOUT, VARIADIC) not given
 * by position, and every parameter not given has a default. *argnumbers
 * (pronargs entries) is the parameter each argument fills, in call order,
 * then the defaulted parameters in their order. */
bool MatchNamedCall(HeapTuple proctup, int nargs, List *argnames, std::vector<int> *argnumbers)
{
	auto *form = reinterpret_cast<Form_pg_proc>(GETSTRUCT(proctup));
	int pronargs = form->pronargs;
	bool namesnull;
	bool modesnull;
	Datum names = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_proargnames, &namesnull);
	Datum modes = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_proargmodes, &modesnull);
	if (namesnull)
		return false;
	Datum *namev;
	bool *namenulls;
	int nnames;
	deconstruct_array(DatumGetArrayTypeP(names), TEXTOID, -1, false, TYPALIGN_INT, &namev,
					  &namenulls, &nnames);
	Datum *modev = nullptr;
	bool *modenulls = nullptr;
	int nmodes = 0;
	if (!modesnull)
		deconstruct_array(DatumGetArrayTypeP(modes), CHAROID, 1, true, TYPALIGN_CHAR, &modev,
						  &modenulls, &nmodes);
	int numposargs = nargs - list_length(argnames);
	std::vector<bool> given(static_cast<size_t>(pronargs), false);
	argnumbers->assign(static_cast<size_t>(pronargs), 0);
	for (int i = 0; i < numposargs; i++)
	{
		(*argnumbers)[static_cast<size_t>(i)] = i;
		given[static_cast<size_t>(i)] = true;
	}
	int ap = numposargs;
	ListCell *lc;
	foreach (lc, argnames)
	{
		const char *argname = static_cast<const char *>(lfirst(lc));
		/* pp counts the input parameters only. */
		int pp = 0;
		bool found = false;
		for (int i = 0; i < nnames; i++)
		{
			char mode = i < nmodes ? DatumGetChar(modev[i]) : PROARGMODE_IN;
			if (mode != PROARGMODE_IN && mode != PROARGMODE_INOUT && mode != PROARGMODE_VARIADIC)
				continue;
			if (!namenulls[i] && strcmp(TextDatumGetCString(namev[i]), argname) == 0)
			{
				/* Named and given by position too. */
				if (given[static_cast<size_t>(pp)])
					return false;
				given[static_cast<size_t>(pp)] = true;
				(*argnumbers)[static_cast<size_t>(ap)] = pp;
				found = true;
				break;
			}
			pp++;
		}
		if (!found)
			return false;
		ap++;
	}
	int first_default = pronargs - form->pronargdefaults;
	for (int pp = numposargs; pp < pronargs && nargs < pronargs; pp++)
	{
		if (given[static_cast<size_t>(pp)])
			continue;
		if (pp < first_default)
			return false;
		(*argnumbers)[static_cast<size_t>(ap++)] = pp;
	}
	return ap == pronargs;
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
		return SearchPathWithoutTemp();
	Oid nsp = ExplicitNamespace(schemaname, missing_ok);
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
		Oid nsp = ExplicitNamespace(relation->schemaname, missing_ok);
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
	{
		if (strcmp(newRelation->schemaname, "pg_temp") == 0)
			return InitTempTableNamespace();
		return get_namespace_oid(newRelation->schemaname, false);
	}
	if (newRelation->relpersistence == RELPERSISTENCE_TEMP)
		return InitTempTableNamespace();
	EffectivePath ep = ComputeSearchPath();
	if (ep.temp_creation_pending)
		return InitTempTableNamespace();
	if (!OidIsValid(ep.creation))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_SCHEMA),
				errmsg("no schema has been selected to create in"));
	return ep.creation;
}

void RangeVarAdjustRelationPersistence(RangeVar *newRelation, Oid nspid)
{
	switch (newRelation->relpersistence)
	{
		case RELPERSISTENCE_TEMP:
			if (!isTempOrTempToastNamespace(nspid))
				ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
						errmsg(
							isAnyTempNamespace(nspid)
								? "cannot create relations in temporary schemas of other sessions"
								: "cannot create temporary relation in non-temporary schema"));
			break;
		case RELPERSISTENCE_PERMANENT:
			if (isTempOrTempToastNamespace(nspid))
				newRelation->relpersistence = RELPERSISTENCE_TEMP;
			else if (isAnyTempNamespace(nspid))
				ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
						errmsg("cannot create relations in temporary schemas of other sessions"));
			break;
		default:
			if (isAnyTempNamespace(nspid))
				ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
						errmsg("only temporary relations may be created in temporary schemas"));
	}
}

Oid RangeVarGetAndCheckCreationNamespace(RangeVar *newRelation)
{
	Oid nsp = RangeVarGetCreationNamespace(newRelation);
	RangeVarAdjustRelationPersistence(newRelation, nsp);
	return nsp;
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
	EffectivePath ep = ComputeSearchPath();
	List *result = NIL;
	for (Oid nsp : ep.schemas)
	{
		if (!includeImplicit &&
			((nsp == PG_CATALOG_NAMESPACE && ep.catalog_implicit) ||
			 (nsp == my_temp_namespace && ep.temp_implicit)))
			continue;
		result = lappend_oid(result, nsp);
	}
	return result;
}

Oid OpernameGetOprid(List *names, Oid oprleft, Oid oprright)
{
	char *schemaname;
	char *opername;
	DeconstructQualifiedName(names, &schemaname, &opername);
	for (Oid nsp : LookupPath(schemaname, false))
	{
		HeapTuple tup = SearchSysCache4(OPERNAMENSP, CStringGetDatum(opername),
										ObjectIdGetDatum(oprleft), ObjectIdGetDatum(oprright),
										ObjectIdGetDatum(nsp));
		if (!HeapTupleIsValid(tup))
			continue;
		Oid oid = reinterpret_cast<Form_pg_operator>(GETSTRUCT(tup))->oid;
		ReleaseSysCache(tup);
		return oid;
	}
	return InvalidOid;
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

FuncCandidateList FuncnameGetCandidates(List *names, int nargs, List *argnames,
										bool expand_variadic, bool expand_defaults, bool,
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
		/* A VARIADIC function matches calls with one or more values for
		 * its last parameter, each of the element type (provariadic); not
		 * a call with named arguments (the values would have no names). */
		if (argnames != NIL && expand_variadic && OidIsValid(form->provariadic))
			continue;
		bool variadic = argnames == NIL && expand_variadic && nargs >= 0 &&
			OidIsValid(form->provariadic) && pronargs > 0 && nargs >= pronargs;
		/* A call leaving out parameters that have defaults (trailing ones,
		 * or with named arguments any). */
		bool use_defaults = expand_defaults && nargs >= 0 && pronargs > nargs &&
			nargs + form->pronargdefaults >= pronargs;
		if (nargs >= 0 && pronargs != nargs && !variadic && !use_defaults)
			continue;
		std::vector<int> argnumbers;
		if (argnames != NIL && !MatchNamedCall(list->members[i], nargs, argnames, &argnumbers))
			continue;
		int pos = PathPosition(path, form->pronamespace);
		if (pos < 0)
			continue;
		int effective_nargs = variadic ? nargs : pronargs;
		std::vector<Oid> args(form->proargtypes.values, form->proargtypes.values + pronargs);
		if (variadic)
		{
			args.resize(effective_nargs, form->provariadic);
			args[pronargs - 1] = form->provariadic;
		}
		/* With named arguments: the parameters' types in call order. */
		for (size_t k = 0; k < argnumbers.size(); k++)
			args[k] = form->proargtypes.values[argnumbers[k]];
		/* Another candidate with the same arguments (those given in the
		 * call: defaults do not count): the one earlier in the path wins;
		 * in the same schema a plain match beats a variadic one, and
		 * otherwise the call is ambiguous (the earlier one is marked). */
		int ndargs = use_defaults ? pronargs - nargs : 0;
		int cmp_nargs = effective_nargs - ndargs;
		FuncCandidateList *link = &result;
		bool keep_new = true;
		while (*link != nullptr)
		{
			FuncCandidateList c = *link;
			if (c->nargs - c->ndargs != cmp_nargs ||
				(cmp_nargs > 0 && memcmp(c->args, args.data(), cmp_nargs * sizeof(Oid)) != 0))
			{
				link = &c->next;
				continue;
			}
			int preference = 0;
			if (pos != c->pathpos)
				preference = pos - c->pathpos;
			else if (variadic && c->nvargs == 0)
				preference = 1;
			else if (!variadic && c->nvargs > 0)
				preference = -1;
			if (preference < 0)
			{
				*link = c->next; /* the new one hides it */
				continue;
			}
			if (preference == 0)
				c->oid = InvalidOid; /* ambiguous */
			keep_new = false;
			break;
		}
		if (!keep_new)
			continue;
		auto *cand = static_cast<FuncCandidateList>(palloc0(
			offsetof(struct FuncCandidateListData, args) + Max(effective_nargs, 1) * sizeof(Oid)));
		cand->pathpos = pos;
		cand->oid = form->oid;
		cand->nargs = effective_nargs;
		cand->nvargs = variadic ? effective_nargs - pronargs + 1 : 0;
		cand->ndargs = ndargs;
		if (effective_nargs > 0) /* (an empty vector's data() may be null) */
			memcpy(cand->args, args.data(), effective_nargs * sizeof(Oid));
		if (!argnumbers.empty())
		{
			cand->argnumbers = static_cast<int *>(palloc(argnumbers.size() * sizeof(int)));
			memcpy(cand->argnumbers, argnumbers.data(), argnumbers.size() * sizeof(int));
		}
		cand->next = result;
		result = cand;
	}
	ReleaseSysCacheList(list);
	return result;
}

/* ---------------------------------------------------------------------
 * Temporary schemas (PostgreSQL's InitTempTableNamespace and friends).
 *
 * A session's temporary relations live in pg_temp_N, their TOAST tables
 * would live in pg_toast_temp_N, N being the backend id (MyProc's slot):
 * two sessions alive at once never share N, so the schemas are private
 * without any locking.  The schemas are made on first use and kept (a
 * later session with the same N reuses them); what is in them is dropped
 * when the session ends, and, for a session that could not (a crash), by
 * the next session that takes the same N and makes its first temporary
 * object.
 * ------------------------------------------------------------------- */

namespace {

bool temp_callbacks_registered = false;
bool exit_callback_registered = false;

bool HasPrefixAndNumber(const char *name, const char *prefix)
{
	size_t len = strlen(prefix);
	return strncmp(name, prefix, len) == 0 && name[len] != '\0';
}

/* Drop everything in the schema (not the schema itself), quietly. */
void RemoveTempRelations(Oid nsp)
{
	ObjectAddress object;
	ObjectAddressSet(object, NamespaceRelationId, nsp);
	performDeletion(&object, DROP_CASCADE,
					PERFORM_DELETION_INTERNAL | PERFORM_DELETION_QUIETLY |
						PERFORM_DELETION_SKIP_ORIGINAL);
}

/* At backend exit: drop this session's temporary objects in a
 * transaction of its own, after the one in progress (if any) is
 * rolled back. */
void RemoveTempRelationsCallback(int, Datum)
{
	if (!OidIsValid(my_temp_namespace))
		return;
	/* A failure here must not become a crash: it is reported, and the
	 * objects are left for the next session with our backend id. */
	tusk::error::ErrorHandlerScope handler;
	try
	{
		AbortOutOfAnyTransaction();
		StartTransactionCommand();
		PushActiveSnapshot(GetTransactionSnapshot());
		RemoveTempRelations(my_temp_namespace);
		PopActiveSnapshot();
		CommitTransactionCommand();
	}
	catch (...)
	{
		MemoryContextSwitchTo(TopMemoryContext);
		tusk::error::ReportCaughtException(WARNING);
		FlushErrorState();
		LWLockReleaseAll();
		AbortOutOfAnyTransaction();
	}
	my_temp_namespace = InvalidOid;
	my_temp_toast_namespace = InvalidOid;
}

/* The schemas made by a transaction that aborts are gone with it. */
void TempNamespaceXactCallback(XactEvent event, void *)
{
	if (my_temp_namespace_subid == InvalidSubTransactionId)
		return;
	if (event == XACT_EVENT_ABORT)
	{
		my_temp_namespace = InvalidOid;
		my_temp_toast_namespace = InvalidOid;
		my_temp_namespace_subid = InvalidSubTransactionId;
	}
	else if (event == XACT_EVENT_COMMIT)
	{
		my_temp_namespace_subid = InvalidSubTransactionId;
		/* Made and committed: from now on its contents go at exit. */
		if (!exit_callback_registered)
		{
			before_shmem_exit(RemoveTempRelationsCallback, 0);
			exit_callback_registered = true;
		}
	}
}

void TempNamespaceSubXactCallback(SubXactEvent event, SubTransactionId mySubid,
								  SubTransactionId parentSubid, void *)
{
	if (my_temp_namespace_subid != mySubid)
		return;
	if (event == SUBXACT_EVENT_COMMIT_SUB)
		my_temp_namespace_subid = parentSubid;
	else if (event == SUBXACT_EVENT_ABORT_SUB)
	{
		my_temp_namespace = InvalidOid;
		my_temp_toast_namespace = InvalidOid;
		my_temp_namespace_subid = InvalidSubTransactionId;
	}
}

/* The schema named name, made (owned by the bootstrap superuser, as in
 * PostgreSQL) if it does not exist. */
Oid MakeTempSchema(const char *name, bool *existed)
{
	Oid nsp = LookupNamespace(name);
	*existed = OidIsValid(nsp);
	if (*existed)
		return nsp;
	nsp = GetNewObjectId();
	Relation pg_namespace = relation_open(NamespaceRelationId, RowExclusiveLock);
	CatalogRow row(pg_namespace);
	row.Set(Anum_pg_namespace_oid, ObjectIdGetDatum(nsp))
		.SetName(Anum_pg_namespace_nspname, name)
		.Set(Anum_pg_namespace_nspowner, ObjectIdGetDatum(BOOTSTRAP_SUPERUSERID))
		.SetNull(Anum_pg_namespace_nspacl);
	CatalogTupleInsert(pg_namespace, row.Form());
	relation_close(pg_namespace, RowExclusiveLock);
	CommandCounterIncrement();
	return nsp;
}

}  // namespace

Oid InitTempTableNamespace(void)
{
	if (OidIsValid(my_temp_namespace))
		return my_temp_namespace;
	if (MyProc == nullptr || MyProc->backendId == InvalidBackendId)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot create temporary tables in this process"));
	if (!temp_callbacks_registered)
	{
		RegisterXactCallback(TempNamespaceXactCallback, nullptr);
		RegisterSubXactCallback(TempNamespaceSubXactCallback, nullptr);
		temp_callbacks_registered = true;
	}
	std::string suffix = std::to_string(MyProc->backendId);
	bool existed;
	Oid nsp = MakeTempSchema(("pg_temp_" + suffix).c_str(), &existed);
	/* Left over by an earlier session with our backend id that could not
	 * clean up (it crashed): empty it. */
	if (existed)
		RemoveTempRelations(nsp);
	Oid toast = MakeTempSchema(("pg_toast_temp_" + suffix).c_str(), &existed);
	my_temp_namespace = nsp;
	my_temp_toast_namespace = toast;
	my_temp_namespace_subid = GetCurrentSubTransactionId();
	return nsp;
}

void ResetTempTableNamespace(void)
{
	if (OidIsValid(my_temp_namespace))
		RemoveTempRelations(my_temp_namespace);
}

Oid GetTempNamespace(void)
{
	return my_temp_namespace;
}

bool isTempNamespace(Oid namespaceId)
{
	return OidIsValid(my_temp_namespace) && namespaceId == my_temp_namespace;
}

bool isTempToastNamespace(Oid namespaceId)
{
	return OidIsValid(my_temp_toast_namespace) && namespaceId == my_temp_toast_namespace;
}

bool isTempOrTempToastNamespace(Oid namespaceId)
{
	return isTempNamespace(namespaceId) || isTempToastNamespace(namespaceId);
}

bool isAnyTempNamespace(Oid namespaceId)
{
	HeapTuple tup = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(namespaceId));
	if (tup == nullptr)
		return false;
	const char *name = NameStr(reinterpret_cast<Form_pg_namespace>(GETSTRUCT(tup))->nspname);
	bool result = HasPrefixAndNumber(name, "pg_temp_") ||
		HasPrefixAndNumber(name, "pg_toast_temp_");
	ReleaseSysCache(tup);
	return result;
}

bool isOtherTempNamespace(Oid namespaceId)
{
	return !isTempOrTempToastNamespace(namespaceId) && isAnyTempNamespace(namespaceId);
}

Datum pg_my_temp_schema(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_OID(my_temp_namespace);
}

Datum pg_is_other_temp_schema(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(isOtherTempNamespace(PG_GETARG_OID(0)));
}

Datum pg_table_is_visible(PG_FUNCTION_ARGS)
{
	Oid relid = PG_GETARG_OID(0);
	if (!SearchSysCacheExists1(RELOID, ObjectIdGetDatum(relid)))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(RelationIsVisible(relid));
}
