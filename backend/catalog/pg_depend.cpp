/*
 * pg_depend.cpp — recording and removing dependencies (catalog/dependency.h).
 *
 * Principal entry points: recordDependencyOn, recordMultipleDependencies,
 * recordDependencyOnSingleRelExpr, recordDependencyOnCurrentExtension,
 * deleteDependencyRecordsFor.
 *
 * A dependency is a pg_depend row: the depender (classid, objid,
 * objsubid), the referenced object (refclassid, refobjid, refobjsubid)
 * and how one depends on the other (deptype).  Nothing depends on a
 * pinned object — initdb's — so no row is written for one; the catalog
 * stays small and such objects cannot be dropped at all.
 */
#include "postgres.h"

#include <algorithm>
#include <tuple>
#include <vector>

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_depend_d.h"
#include "catalog/pg_extension_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "commands/extension.h"
#include "nodes/primnodes.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"

namespace {

/* PostgreSQL's FirstUnpinnedObjectId: initdb's objects are below it. */
constexpr Oid kFirstUnpinnedObjectId = 12000;

bool SameAddress(const ObjectAddress &a, const ObjectAddress &b)
{
	return a.classId == b.classId && a.objectId == b.objectId && a.objectSubId == b.objectSubId;
}

/* Collects the objects an expression refers to. */
struct ExprReferences
{
	Oid relId;
	std::vector<ObjectAddress> self; /* rel's own columns */
	std::vector<ObjectAddress> other;
	/* Inside a Query: the range tables of the enclosing query levels,
	 * innermost last, to resolve Vars to table columns. */
	std::vector<List *> rtables;

	void Add(Oid classId, Oid objectId)
	{
		if (OidIsValid(objectId))
			other.push_back({classId, objectId, 0});
	}
};

bool FindReferences(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *refs = static_cast<ExprReferences *>(arg);
	switch (nodeTag(node))
	{
		case T_Var:
		{
			Var *var = reinterpret_cast<Var *>(node);
			if (var->varlevelsup < refs->rtables.size())
			{
				List *rtable = refs->rtables[refs->rtables.size() - 1 - var->varlevelsup];
				if (var->varno >= 1 && static_cast<int>(var->varno) <= list_length(rtable))
				{
					auto *rte = static_cast<RangeTblEntry *>(list_nth(rtable, var->varno - 1));
					if (rte->rtekind == RTE_RELATION)
						refs->other.push_back({RelationRelationId, rte->relid, var->varattno});
				}
				break;
			}
			/* A whole-row Var refers to the relation itself. */
			if (var->varno == 1 && var->varlevelsup == 0 && OidIsValid(refs->relId))
				refs->self.push_back({RelationRelationId, refs->relId, var->varattno});
			break;
		}
		case T_Const:
		{
			Const *c = reinterpret_cast<Const *>(node);
			refs->Add(TypeRelationId, c->consttype);
			if (c->constisnull)
				break;
			/* A regclass, regproc … constant names the object it holds. */
			switch (c->consttype)
			{
				case REGCLASSOID:
					refs->Add(RelationRelationId, DatumGetObjectId(c->constvalue));
					break;
				case REGPROCOID:
				case REGPROCEDUREOID:
					refs->Add(ProcedureRelationId, DatumGetObjectId(c->constvalue));
					break;
				case REGOPEROID:
				case REGOPERATOROID:
					refs->Add(OperatorRelationId, DatumGetObjectId(c->constvalue));
					break;
				case REGTYPEOID:
					refs->Add(TypeRelationId, DatumGetObjectId(c->constvalue));
					break;
				case REGNAMESPACEOID:
					refs->Add(NamespaceRelationId, DatumGetObjectId(c->constvalue));
					break;
				default:
					break;
			}
			break;
		}
		case T_FuncExpr:
			refs->Add(ProcedureRelationId, reinterpret_cast<FuncExpr *>(node)->funcid);
			break;
		case T_OpExpr:
		case T_DistinctExpr:
		case T_NullIfExpr:
			refs->Add(OperatorRelationId, reinterpret_cast<OpExpr *>(node)->opno);
			break;
		case T_ScalarArrayOpExpr:
			refs->Add(OperatorRelationId, reinterpret_cast<ScalarArrayOpExpr *>(node)->opno);
			break;
		case T_Aggref:
			refs->Add(ProcedureRelationId, reinterpret_cast<Aggref *>(node)->aggfnoid);
			break;
		case T_WindowFunc:
			refs->Add(ProcedureRelationId, reinterpret_cast<WindowFunc *>(node)->winfnoid);
			break;
		case T_RelabelType:
			refs->Add(TypeRelationId, reinterpret_cast<RelabelType *>(node)->resulttype);
			break;
		case T_CoerceViaIO:
			refs->Add(TypeRelationId, reinterpret_cast<CoerceViaIO *>(node)->resulttype);
			break;
		case T_ArrayCoerceExpr:
			refs->Add(TypeRelationId, reinterpret_cast<ArrayCoerceExpr *>(node)->resulttype);
			break;
		case T_CoerceToDomain:
			refs->Add(TypeRelationId, reinterpret_cast<CoerceToDomain *>(node)->resulttype);
			break;
		case T_Query:
		{
			/* Each relation a query reads, and (through its Vars) the
			 * columns it uses (PostgreSQL's find_expr_references_walker). */
			Query *query = reinterpret_cast<Query *>(node);
			ListCell *lc;
			foreach (lc, query->rtable)
			{
				auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
				if (rte->rtekind == RTE_RELATION)
					refs->Add(RelationRelationId, rte->relid);
			}
			refs->rtables.push_back(query->rtable);
			bool result = node_children_walker(node, FindReferences, arg);
			refs->rtables.pop_back();
			return result;
		}
		case T_RangeTblEntry:
		{
			/* A join's alias Vars name every column of both sides; the
			 * query depends only on those its own Vars use.  Only a merged
			 * USING column's expression (COALESCE of both sides) is more
			 * than a reference to an input column. */
			auto *rte = reinterpret_cast<RangeTblEntry *>(node);
			if (rte->rtekind != RTE_JOIN)
				break;
			for (int i = 0; i < rte->joinmergedcols && i < list_length(rte->joinaliasvars); i++)
			{
				Node *aliasvar = static_cast<Node *>(list_nth(rte->joinaliasvars, i));
				if (aliasvar != nullptr && !IsA(aliasvar, Var) && FindReferences(aliasvar, arg))
					return true;
			}
			return false;
		}
		default:
			break;
	}
	return node_children_walker(node, FindReferences, arg);
}

/* Each object once, in a stable order (PostgreSQL sorts them too). */
void SortUnique(std::vector<ObjectAddress> &objects)
{
	auto key = [](const ObjectAddress &a) {
		return std::tuple(a.classId, a.objectId, a.objectSubId);
	};
	std::sort(objects.begin(), objects.end(),
			  [&](const ObjectAddress &a, const ObjectAddress &b) { return key(a) < key(b); });
	objects.erase(std::unique(objects.begin(), objects.end(), SameAddress), objects.end());
}

}  // namespace

bool IsPinnedObject(Oid classId, Oid objectId)
{
	if (objectId >= kFirstUnpinnedObjectId)
		return false;
	if (classId == NamespaceRelationId && objectId == PG_PUBLIC_NAMESPACE)
		return false;
	if (classId == DatabaseRelationId)
		return false;
	return true;
}

void recordDependencyOn(const ObjectAddress *depender, const ObjectAddress *referenced,
						DependencyType behavior)
{
	recordMultipleDependencies(depender, referenced, 1, behavior);
}

void recordDependencyOnCurrentExtension(const ObjectAddress *object, bool isReplace)
{
	if (!creating_extension)
		return;
	if (isReplace)
	{
		Oid oldext = getExtensionOfObject(object->classId, object->objectId);
		if (oldext == CurrentExtensionObject)
			return;
		if (OidIsValid(oldext))
			ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					errmsg("%s is already a member of extension \"%s\"",
						   getObjectDescription(object, false), get_extension_name(oldext)));
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("%s is not a member of extension \"%s\"",
					   getObjectDescription(object, false),
					   get_extension_name(CurrentExtensionObject)),
				errdetail(
					"An extension is not allowed to replace an object that it does not own."));
	}
	ObjectAddress extension;
	ObjectAddressSet(extension, ExtensionRelationId, CurrentExtensionObject);
	recordDependencyOn(object, &extension, DEPENDENCY_EXTENSION);
}

Oid getExtensionOfObject(Oid classId, Oid objectId)
{
	Oid result = InvalidOid;
	ScanDependRows(false, classId, objectId, [&](Form_pg_depend dep, ItemPointer) {
		if (dep->refclassid == ExtensionRelationId && dep->deptype == DEPENDENCY_EXTENSION)
			result = dep->refobjid;
	});
	return result;
}

void recordMultipleDependencies(const ObjectAddress *depender, const ObjectAddress *referenced,
								int nreferenced, DependencyType behavior)
{
	Relation pg_depend = nullptr;
	for (int i = 0; i < nreferenced; i++)
	{
		const ObjectAddress &ref = referenced[i];
		if (IsPinnedObject(ref.classId, ref.objectId))
			continue;
		if (pg_depend == nullptr)
			pg_depend = relation_open(DependRelationId, RowExclusiveLock);
		CatalogRow row(pg_depend);
		row.Set(Anum_pg_depend_classid, ObjectIdGetDatum(depender->classId))
			.Set(Anum_pg_depend_objid, ObjectIdGetDatum(depender->objectId))
			.Set(Anum_pg_depend_objsubid, Int32GetDatum(depender->objectSubId))
			.Set(Anum_pg_depend_refclassid, ObjectIdGetDatum(ref.classId))
			.Set(Anum_pg_depend_refobjid, ObjectIdGetDatum(ref.objectId))
			.Set(Anum_pg_depend_refobjsubid, Int32GetDatum(ref.objectSubId))
			.Set(Anum_pg_depend_deptype, CharGetDatum(static_cast<char>(behavior)));
		CatalogTupleInsert(pg_depend, row.Form());
	}
	if (pg_depend != nullptr)
		relation_close(pg_depend, RowExclusiveLock);
}

void recordDependencyOnSingleRelExpr(const ObjectAddress *depender, Node *expr, Oid relId,
									 DependencyType behavior, DependencyType self_behavior)
{
	ExprReferences refs{relId, {}, {}, {}};
	(void) FindReferences(expr, &refs);
	SortUnique(refs.self);
	SortUnique(refs.other);
	/* A column depending on its own relation needs no row. */
	std::erase_if(refs.self, [&](const ObjectAddress &a) {
		return depender->classId == RelationRelationId && depender->objectId == relId &&
			(depender->objectSubId == 0 || a.objectSubId == depender->objectSubId);
	});
	recordMultipleDependencies(depender, refs.self.data(), static_cast<int>(refs.self.size()),
							   self_behavior);
	recordMultipleDependencies(depender, refs.other.data(), static_cast<int>(refs.other.size()),
							   behavior);
}

void recordDependencyOnQuery(const ObjectAddress *depender, Query *query, DependencyType behavior)
{
	ExprReferences refs{InvalidOid, {}, {}, {}};
	(void) FindReferences(reinterpret_cast<Node *>(query), &refs);
	SortUnique(refs.other);
	recordMultipleDependencies(depender, refs.other.data(), static_cast<int>(refs.other.size()),
							   behavior);
}

void ScanDependRows(bool referenced, Oid classId, Oid objectId,
					const std::function<void(Form_pg_depend, ItemPointer)> &f)
{
	ScanKeyData keys[2];
	ScanKeyInit(&keys[0], referenced ? Anum_pg_depend_refclassid : Anum_pg_depend_classid,
				BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(classId));
	ScanKeyInit(&keys[1], referenced ? Anum_pg_depend_refobjid : Anum_pg_depend_objid,
				BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(objectId));
	Relation pg_depend = relation_open(DependRelationId, AccessShareLock);
	SysScanDesc scan = systable_beginscan(pg_depend,
										  referenced ? DependReferenceIndexId
													 : DependDependerIndexId,
										  true, nullptr, 2, keys);
	while (HeapTuple t = systable_getnext(scan))
		f(reinterpret_cast<Form_pg_depend>(GETSTRUCT(t)), &t->t_self);
	systable_endscan(scan);
	relation_close(pg_depend, AccessShareLock);
}

namespace {

/* Delete the pg_depend rows at tids. */
long DeleteDependRows(const std::vector<ItemPointerData> &tids)
{
	if (tids.empty())
		return 0;
	Relation pg_depend = relation_open(DependRelationId, RowExclusiveLock);
	for (ItemPointerData tid : tids)
		CatalogTupleDelete(pg_depend, &tid);
	relation_close(pg_depend, RowExclusiveLock);
	return static_cast<long>(tids.size());
}

}  // namespace

long deleteDependencyRecordsForClass(Oid classId, Oid objectId, Oid refclassId, char deptype)
{
	std::vector<ItemPointerData> doomed;
	ScanDependRows(false, classId, objectId, [&](Form_pg_depend dep, ItemPointer tid) {
		if (dep->refclassid == refclassId && dep->deptype == deptype)
			doomed.push_back(*tid);
	});
	return DeleteDependRows(doomed);
}

Oid getIdentitySequence(Oid relid, AttrNumber attnum)
{
	Oid found = InvalidOid;
	ScanDependRows(true, RelationRelationId, relid, [&](Form_pg_depend dep, ItemPointer) {
		if (dep->refobjsubid == attnum && dep->classid == RelationRelationId &&
			dep->deptype == DEPENDENCY_INTERNAL && get_rel_relkind(dep->objid) == 'S')
			found = dep->objid;
	});
	if (!OidIsValid(found))
		elog(ERROR, "no identity sequence found for column %d of relation %u", attnum, relid);
	return found;
}

std::vector<Oid> getOwnedSequences(Oid relid)
{
	std::vector<Oid> result;
	ScanDependRows(true, RelationRelationId, relid, [&](Form_pg_depend dep, ItemPointer) {
		if (dep->classid == RelationRelationId &&
			(dep->deptype == DEPENDENCY_AUTO || dep->deptype == DEPENDENCY_INTERNAL) &&
			get_rel_relkind(dep->objid) == 'S')
			result.push_back(dep->objid);
	});
	return result;
}

long deleteDependencyRecordsFor(Oid classId, Oid objectId, bool skipExtensionDeps)
{
	std::vector<ItemPointerData> doomed;
	ScanDependRows(false, classId, objectId, [&](Form_pg_depend dep, ItemPointer tid) {
		if (!skipExtensionDeps || dep->deptype != DEPENDENCY_EXTENSION)
			doomed.push_back(*tid);
	});
	return DeleteDependRows(doomed);
}

long deleteDependencyRecordsForColumn(Oid relid, int32 attnum)
{
	std::vector<ItemPointerData> doomed;
	ScanDependRows(false, RelationRelationId, relid, [&](Form_pg_depend dep, ItemPointer tid) {
		if (dep->objsubid == attnum)
			doomed.push_back(*tid);
	});
	return DeleteDependRows(doomed);
}
