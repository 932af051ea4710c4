/*
 * pg_proc.cpp — writing pg_proc rows (catalog/pg_proc_fns.h; PostgreSQL's
 * ProcedureCreate in catalog/pg_proc.c).
 *
 * CREATE FUNCTION decides what a function is (commands/functioncmds.cpp);
 * this file stores it: the row with every column psql's \df and
 * pg_get_function_arguments read (proargtypes, proallargtypes,
 * proargmodes, proargnames, proargdefaults as a node tree, …), its
 * pg_depend rows, and, for OR REPLACE, PostgreSQL's checks on what a
 * replacement may not change.
 *
 * Principal entry point: ProcedureCreate.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/relation.h"
#include "access/transam.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/pg_language_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_proc_fns.h"
#include "catalog/pg_shdepend_fns.h"
#include "catalog/pg_type_d.h"
#include "commands/owner.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/format_type.h"
#include "utils/syscache.h"

namespace {

/* The existing function of that name, schema and input types, or NULL
 * (a copy the caller frees with heap_freetuple). */
HeapTuple FindSameFunction(const ProcedureSpec &spec)
{
	CatCList *list = SearchSysCacheList1(PROCNAMEARGSNSP, CStringGetDatum(spec.name.c_str()));
	HeapTuple found = nullptr;
	for (int i = 0; i < list->n_members && found == nullptr; i++)
	{
		HeapTuple t = list->members[i];
		auto *form = reinterpret_cast<Form_pg_proc>(GETSTRUCT(t));
		if (form->pronamespace != spec.nspid ||
			form->pronargs != static_cast<int16>(spec.argtypes.size()))
			continue;
		bool same = true;
		for (size_t k = 0; k < spec.argtypes.size(); k++)
			same = same && form->proargtypes.values[k] == spec.argtypes[k];
		if (same)
			found = heap_copytuple(t);
	}
	ReleaseSysCacheList(list);
	return found;
}

Datum OidArray(const std::vector<Oid> &oids)
{
	std::vector<Datum> d;
	for (Oid o : oids)
		d.push_back(ObjectIdGetDatum(o));
	return PointerGetDatum(
		construct_array(d.data(), static_cast<int>(d.size()), OIDOID, 4, true, TYPALIGN_INT));
}

/* The function's signature for messages, as PostgreSQL's
 * format_procedure prints it: name(type,type). */
std::string Signature(const ProcedureSpec &spec)
{
	std::string out = spec.name + "(";
	for (size_t i = 0; i < spec.argtypes.size(); i++)
	{
		if (i > 0)
			out += ",";
		out += format_type_be(spec.argtypes[i]);
	}
	out += ")";
	return out;
}

}  // namespace

Oid ProcedureCreate(const ProcedureSpec &spec)
{
	int nargs = static_cast<int>(spec.argtypes.size());
	if (nargs > FUNC_MAX_ARGS)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_ARGUMENTS),
				errmsg_plural("functions cannot have more than %d argument",
							  "functions cannot have more than %d arguments", FUNC_MAX_ARGS,
							  FUNC_MAX_ARGS));
	Relation pg_proc = relation_open(ProcedureRelationId, RowExclusiveLock);
	HeapTuple old = FindSameFunction(spec);
	Oid oid;
	/* A replaced function keeps its owner (only the owner may replace it). */
	Oid owner = MyUserId;
	if (old != nullptr)
	{
		auto *oldform = reinterpret_cast<Form_pg_proc>(GETSTRUCT(old));
		if (!spec.replace)
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_FUNCTION),
					errmsg("function \"%s\" already exists with same argument types",
						   spec.name.c_str()));
		oid = oldform->oid;
		if (!ObjectOwnerCheck(ProcedureRelationId, oid, GetUserId()))
			ReportNotOwner(OBJECT_FUNCTION, spec.name.c_str());
		owner = oldform->proowner;
		if (oldform->prokind != spec.prokind)
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE), errmsg("cannot change routine kind"),
					oldform->prokind == 'a'
						? errdetail("\"%s\" is an aggregate function.", spec.name.c_str())
						: 0);
		if (oldform->prorettype != spec.rettype || oldform->proretset != spec.returns_set)
			ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
					errmsg("cannot change return type of existing function"),
					errhint("Use %s %s first.", "DROP FUNCTION", Signature(spec).c_str()));
		if (oldform->pronargdefaults > list_length(spec.defaults))
			ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
					errmsg("cannot remove parameter defaults from existing function"),
					errhint("Use %s %s first.", "DROP FUNCTION", Signature(spec).c_str()));
	}
	else
		oid = GetNewObjectId();

	CatalogRow row(pg_proc);
	row.Set(Anum_pg_proc_oid, ObjectIdGetDatum(oid))
		.SetName(Anum_pg_proc_proname, spec.name.c_str())
		.Set(Anum_pg_proc_pronamespace, ObjectIdGetDatum(spec.nspid))
		.Set(Anum_pg_proc_proowner, ObjectIdGetDatum(owner))
		.Set(Anum_pg_proc_prolang, ObjectIdGetDatum(spec.language))
		.Set(Anum_pg_proc_procost, Float4GetDatum(spec.cost))
		.Set(Anum_pg_proc_prorows, Float4GetDatum(spec.rows))
		.Set(Anum_pg_proc_provariadic, ObjectIdGetDatum(spec.variadic))
		.Set(Anum_pg_proc_prosupport, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_proc_prokind, CharGetDatum(spec.prokind))
		.Set(Anum_pg_proc_prosecdef, BoolGetDatum(spec.security_definer))
		.Set(Anum_pg_proc_proleakproof, BoolGetDatum(spec.leakproof))
		.Set(Anum_pg_proc_proisstrict, BoolGetDatum(spec.strict))
		.Set(Anum_pg_proc_proretset, BoolGetDatum(spec.returns_set))
		.Set(Anum_pg_proc_provolatile, CharGetDatum(spec.volatility))
		.Set(Anum_pg_proc_proparallel, CharGetDatum(spec.parallel))
		.Set(Anum_pg_proc_pronargs, Int16GetDatum(static_cast<int16>(nargs)))
		.Set(Anum_pg_proc_pronargdefaults,
			 Int16GetDatum(static_cast<int16>(list_length(spec.defaults))))
		.Set(Anum_pg_proc_prorettype, ObjectIdGetDatum(spec.rettype))
		.Set(Anum_pg_proc_proargtypes, PointerGetDatum(buildoidvector(spec.argtypes.data(), nargs)))
		.Set(Anum_pg_proc_prosrc, PointerGetDatum(cstring_to_text(spec.prosrc.c_str())));
	if (!spec.allargtypes.empty())
	{
		std::vector<Datum> modes;
		for (char m : spec.argmodes)
			modes.push_back(CharGetDatum(m));
		row.Set(Anum_pg_proc_proallargtypes, OidArray(spec.allargtypes))
			.Set(Anum_pg_proc_proargmodes,
				 PointerGetDatum(construct_array(modes.data(), static_cast<int>(modes.size()),
												 CHAROID, 1, true, TYPALIGN_CHAR)));
	}
	else
		row.SetNull(Anum_pg_proc_proallargtypes).SetNull(Anum_pg_proc_proargmodes);
	if (!spec.argnames.empty())
	{
		std::vector<Datum> names;
		for (const std::string &n : spec.argnames)
			names.push_back(PointerGetDatum(cstring_to_text(n.c_str())));
		row.Set(Anum_pg_proc_proargnames,
				PointerGetDatum(construct_array(names.data(), static_cast<int>(names.size()),
												TEXTOID, -1, false, TYPALIGN_INT)));
	}
	else
		row.SetNull(Anum_pg_proc_proargnames);
	if (spec.defaults != NIL)
		row.Set(Anum_pg_proc_proargdefaults,
				PointerGetDatum(cstring_to_text(nodeToString(spec.defaults))));
	else
		row.SetNull(Anum_pg_proc_proargdefaults);
	row.SetNull(Anum_pg_proc_protrftypes);
	if (spec.probin != nullptr)
		row.Set(Anum_pg_proc_probin, PointerGetDatum(cstring_to_text(spec.probin)));
	else
		row.SetNull(Anum_pg_proc_probin);
	row.SetNull(Anum_pg_proc_prosqlbody)
		.SetNull(Anum_pg_proc_proconfig)
		.SetNull(Anum_pg_proc_proacl);
	HeapTuple tup = row.Form();
	bool replacing = old != nullptr;
	if (old != nullptr)
	{
		CatalogTupleUpdate(pg_proc, &old->t_self, tup);
		(void) deleteDependencyRecordsFor(ProcedureRelationId, oid, true);
		pfree(old);
	}
	else
		CatalogTupleInsert(pg_proc, tup);
	relation_close(pg_proc, RowExclusiveLock);

	/* What it depends on: its schema, language, and types (pinned ones
	 * are not recorded), and what its defaults use. */
	ObjectAddress self;
	ObjectAddressSet(self, ProcedureRelationId, oid);
	std::vector<ObjectAddress> refs;
	refs.push_back({NamespaceRelationId, spec.nspid, 0});
	refs.push_back({LanguageRelationId, spec.language, 0});
	refs.push_back({TypeRelationId, spec.rettype, 0});
	for (Oid t : spec.allargtypes.empty() ? spec.argtypes : spec.allargtypes)
		refs.push_back({TypeRelationId, t, 0});
	recordMultipleDependencies(&self, refs.data(), static_cast<int>(refs.size()),
							   DEPENDENCY_NORMAL);
	if (spec.defaults != NIL)
		recordDependencyOnSingleRelExpr(&self, reinterpret_cast<Node *>(spec.defaults), InvalidOid,
										DEPENDENCY_NORMAL, DEPENDENCY_NORMAL);
	recordDependencyOnCurrentExtension(&self, replacing);
	if (!replacing)
		recordDependencyOnOwner(ProcedureRelationId, oid, owner);
	return oid;
}

List *FunctionArgumentDefaults(Oid funcid, int ndargs)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	bool isnull;
	Datum stored = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_proargdefaults, &isnull);
	int have = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup))->pronargdefaults;
	if (isnull || ndargs > have)
		elog(ERROR, "not enough default arguments for function %u", funcid);
	List *defaults = static_cast<List *>(stringToNode(TextDatumGetCString(stored)));
	ReleaseSysCache(tup);
	if (list_length(defaults) < ndargs)
		elog(ERROR, "not enough default arguments for function %u", funcid);
	return list_copy_tail(defaults, list_length(defaults) - ndargs);
}
