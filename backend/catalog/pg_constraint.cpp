/*
 * pg_constraint.cpp — constraint rows (catalog/pg_constraint_fns.h).
 *
 * Principal entry points: CreateConstraintEntry, ChooseConstraintName.
 *
 * PRIMARY KEY and UNIQUE constraints (with their index, conindid) and
 * CHECK constraints (with their expression in conbin, as nodeToString
 * text) are rows here; NOT NULL is pg_attribute.attnotnull, as in
 * PostgreSQL 15.
 */
#include "postgres.h"

#include <algorithm>

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_constraint_fns.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/format_type.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

/* The first constraint row for which match(form) holds, or its absence. */
template <typename Match>
Oid FindConstraint(Match &&match)
{
	Oid found = InvalidOid;
	Relation pg_constraint = relation_open(ConstraintRelationId, AccessShareLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(pg_constraint, snapshot);
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		auto *form = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(t));
		if (match(form))
		{
			found = form->oid;
			break;
		}
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(pg_constraint, AccessShareLock);
	return found;
}

}  // namespace

Oid CreateConstraintEntry(const ConstraintSpec &spec)
{
	Oid conoid = GetNewObjectId();
	Relation pg_constraint = relation_open(ConstraintRelationId, RowExclusiveLock);
	CatalogRow row(pg_constraint);
	row.Set(Anum_pg_constraint_oid, ObjectIdGetDatum(conoid))
		.SetName(Anum_pg_constraint_conname, spec.name)
		.Set(Anum_pg_constraint_connamespace, ObjectIdGetDatum(spec.relnamespace))
		.Set(Anum_pg_constraint_contype, CharGetDatum(spec.contype))
		.Set(Anum_pg_constraint_condeferrable, BoolGetDatum(spec.deferrable))
		.Set(Anum_pg_constraint_condeferred, BoolGetDatum(spec.initdeferred))
		.Set(Anum_pg_constraint_convalidated, BoolGetDatum(spec.validated))
		.Set(Anum_pg_constraint_conrelid, ObjectIdGetDatum(spec.relid))
		.Set(Anum_pg_constraint_contypid, ObjectIdGetDatum(spec.typid))
		.Set(Anum_pg_constraint_conindid, ObjectIdGetDatum(spec.indexoid))
		.Set(Anum_pg_constraint_conparentid, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_constraint_confrelid, ObjectIdGetDatum(spec.confrelid))
		.Set(Anum_pg_constraint_confupdtype, CharGetDatum(spec.confupdtype))
		.Set(Anum_pg_constraint_confdeltype, CharGetDatum(spec.confdeltype))
		.Set(Anum_pg_constraint_confmatchtype, CharGetDatum(spec.confmatchtype))
		.Set(Anum_pg_constraint_conislocal, BoolGetDatum(true))
		.Set(Anum_pg_constraint_coninhcount, Int32GetDatum(0))
		.Set(Anum_pg_constraint_connoinherit, BoolGetDatum(spec.noinherit));
	if (!spec.keys.empty())
	{
		std::vector<Datum> conkey;
		for (AttrNumber a : spec.keys)
			conkey.push_back(Int16GetDatum(a));
		row.Set(Anum_pg_constraint_conkey,
				PointerGetDatum(construct_array(conkey.data(), static_cast<int>(conkey.size()),
												INT2OID, 2, true, 's')));
	}
	auto int2s = [](const std::vector<AttrNumber> &v) {
		std::vector<Datum> d;
		for (AttrNumber a : v)
			d.push_back(Int16GetDatum(a));
		return PointerGetDatum(
			construct_array(d.data(), static_cast<int>(d.size()), INT2OID, 2, true, 's'));
	};
	auto oids = [](const std::vector<Oid> &v) {
		std::vector<Datum> d;
		for (Oid o : v)
			d.push_back(ObjectIdGetDatum(o));
		return PointerGetDatum(
			construct_array(d.data(), static_cast<int>(d.size()), OIDOID, 4, true, 'i'));
	};
	if (OidIsValid(spec.confrelid))
	{
		row.Set(Anum_pg_constraint_confkey, int2s(spec.confkey))
			.Set(Anum_pg_constraint_conpfeqop, oids(spec.pfeqop))
			.Set(Anum_pg_constraint_conppeqop, oids(spec.ppeqop))
			.Set(Anum_pg_constraint_conffeqop, oids(spec.ffeqop));
		if (!spec.confdelsetcols.empty())
			row.Set(Anum_pg_constraint_confdelsetcols, int2s(spec.confdelsetcols));
	}
	if (spec.expr != nullptr)
		row.Set(Anum_pg_constraint_conbin,
				PointerGetDatum(cstring_to_text(nodeToString(spec.expr))));
	CatalogTupleInsert(pg_constraint, row.Form());
	relation_close(pg_constraint, RowExclusiveLock);

	ObjectAddress constraint;
	ObjectAddressSet(constraint, ConstraintRelationId, conoid);
	std::vector<ObjectAddress> on;
	for (AttrNumber a : spec.keys)
		on.push_back({RelationRelationId, spec.relid, a});
	/* A domain's constraint goes with the domain. */
	if (on.empty())
		on.push_back(OidIsValid(spec.typid) ? ObjectAddress{TypeRelationId, spec.typid, 0}
											: ObjectAddress{RelationRelationId, spec.relid, 0});
	recordMultipleDependencies(&constraint, on.data(), static_cast<int>(on.size()),
							   DEPENDENCY_AUTO);
	if (OidIsValid(spec.confrelid))
	{
		/* The referenced columns (or the table, if self-referencing:
		 * PostgreSQL records them all the same) and its unique index. */
		std::vector<ObjectAddress> refs;
		for (AttrNumber a : spec.confkey)
			refs.push_back({RelationRelationId, spec.confrelid, a});
		refs.push_back({RelationRelationId, spec.indexoid, 0});
		recordMultipleDependencies(&constraint, refs.data(), static_cast<int>(refs.size()),
								   DEPENDENCY_NORMAL);
	}
	if (spec.expr != nullptr)
		recordDependencyOnSingleRelExpr(&constraint, spec.expr, spec.relid, DEPENDENCY_NORMAL,
										DEPENDENCY_NORMAL);
	return conoid;
}

bool ConstraintNameIsUsed(Oid relid, const char *name)
{
	return OidIsValid(get_relation_constraint_oid(relid, name));
}

Oid get_relation_constraint_oid(Oid relid, const char *name)
{
	return FindConstraint([&](Form_pg_constraint form) {
		return form->conrelid == relid && strcmp(NameStr(form->conname), name) == 0;
	});
}

std::string ChooseConstraintName(const char *name1, const char *name2, const char *label,
								 Oid namespaceid, const std::vector<std::string> &taken)
{
	std::string modlabel = label;
	for (int pass = 1;; pass++)
	{
		std::string name = MakeObjectName(name1, name2, modlabel.c_str());
		bool used = std::find(taken.begin(), taken.end(), name) != taken.end() ||
			OidIsValid(FindConstraint([&](Form_pg_constraint form) {
						return form->connamespace == namespaceid && name == NameStr(form->conname);
					}));
		if (!used)
			return name;
		modlabel = label;
		modlabel += std::to_string(pass);
	}
}

std::vector<DomainCheck> GetDomainChecks(Oid typid)
{
	std::vector<DomainCheck> checks;
	Relation pg_constraint = relation_open(ConstraintRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_constraint_contypid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(typid));
	SysScanDesc scan = systable_beginscan(pg_constraint, ConstraintTypidIndexId, true, nullptr, 1,
										  &key);
	while (HeapTuple t = systable_getnext(scan))
	{
		auto *form = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(t));
		if (form->contype != CONSTRAINT_CHECK)
			continue;
		bool isnull;
		Datum bin = heap_getattr(t, Anum_pg_constraint_conbin, RelationGetDescr(pg_constraint),
								 &isnull);
		if (isnull)
			elog(ERROR, "domain \"%s\" constraint \"%s\" has NULL conbin", format_type_be(typid),
				 NameStr(form->conname));
		checks.push_back({form->oid, NameStr(form->conname),
						  static_cast<Node *>(stringToNode(TextDatumGetCString(bin))),
						  form->convalidated});
	}
	systable_endscan(scan);
	relation_close(pg_constraint, AccessShareLock);
	std::sort(checks.begin(), checks.end(),
			  [](const DomainCheck &a, const DomainCheck &b) { return a.name < b.name; });
	return checks;
}

Oid get_domain_constraint_oid(Oid typid, const char *name)
{
	for (const DomainCheck &c : GetDomainChecks(typid))
		if (c.name == name)
			return c.oid;
	return InvalidOid;
}

void RemoveConstraintById(Oid conId)
{
	HeapTuple tup = SearchSysCacheCopy1(CONSTROID, ObjectIdGetDatum(conId));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for constraint %u", conId);
	auto *con = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(tup));
	if (con->contype == CONSTRAINT_CHECK && OidIsValid(con->conrelid))
	{
		/* One CHECK fewer on the table (the table itself is locked by
		 * whoever drops the constraint). */
		HeapTuple classtup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(con->conrelid));
		if (classtup == nullptr)
			elog(ERROR, "cache lookup failed for relation %u", con->conrelid);
		auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(classtup));
		if (form->relchecks <= 0)
			elog(ERROR, "relation \"%s\" has relchecks = %d", NameStr(form->relname),
				 form->relchecks);
		form->relchecks--;
		Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
		CatalogTupleUpdate(pg_class, &classtup->t_self, classtup);
		relation_close(pg_class, RowExclusiveLock);
	}
	Relation pg_constraint = relation_open(ConstraintRelationId, RowExclusiveLock);
	CatalogTupleDelete(pg_constraint, &tup->t_self);
	relation_close(pg_constraint, RowExclusiveLock);
}
