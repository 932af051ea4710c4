/*
 * dependency.cpp — dropping objects with what depends on them
 * (catalog/dependency.h).
 *
 * Principal entry points: performDeletion, performMultipleDeletions.
 *
 * Dropping an object first collects, depth-first through pg_depend, the
 * objects that must go with it, each after everything that depends on it
 * (PostgreSQL's findDependentObjects): a normal dependent needs CASCADE;
 * an automatic one (an index on the table's columns, a column default)
 * goes silently; an internal one is part of the object (a table's row
 * type, a constraint's index).  Asking to drop an internal part on its
 * own is refused in favour of its owner ("cannot drop index t_pkey
 * because constraint t_pkey on table t requires it"), unless the owner
 * is being dropped anyway, in which case dropping the part means
 * dropping the owner.  Then the NOTICE (CASCADE) or the 2BP01 error
 * (RESTRICT) lists the normal dependents as PostgreSQL words them, and
 * the objects are deleted in order, each with its own pg_depend rows.
 *
 * Relations are locked AccessExclusive as they are found.  Tusk has no
 * locks on other kinds of objects yet (PostgreSQL's LockDatabaseObject),
 * so a concurrent CREATE TABLE in a schema being dropped is not kept out.
 */
#include "postgres.h"

#include <algorithm>
#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/index.h"
#include "catalog/indexing.h"
#include "catalog/pg_attrdef_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_constraint_fns.h"
#include "catalog/pg_depend_d.h"
#include "catalog/pg_enum_fns.h"
#include "catalog/pg_extension_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_rewrite_d.h"
#include "catalog/pg_shdepend_fns.h"
#include "catalog/pg_type_d.h"
#include "utils/lsyscache.h"
#include "commands/comment.h"
#include "commands/extension.h"
#include "commands/schemacmds.h"
#include "storage/lmgr.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

/* How an object came to be in the list (PostgreSQL's DEPFLAG_*). */
enum : int
{
	kOriginal = 0x0001,	 /* named by the user */
	kNormal = 0x0002,	 /* a normal dependent: needs CASCADE */
	kAuto = 0x0004,		 /* an automatic dependent */
	kInternal = 0x0008,	 /* an internal part */
	kExtension = 0x0020, /* an extension member */
	kReverse = 0x0040,	 /* the owner of an internal part being dropped */
	kSubobject = 0x0100, /* a column, covered by dropping its relation */
};

struct Target
{
	ObjectAddress object;
	int flags;
	ObjectAddress dependee; /* what it was found through */
};

struct StackEntry
{
	ObjectAddress object;
	int flags;
	StackEntry *next;
};

struct DependRow
{
	ObjectAddress other;
	char deptype;
};

bool SameObject(const ObjectAddress &a, const ObjectAddress &b)
{
	return a.classId == b.classId && a.objectId == b.objectId;
}

/* The pg_depend rows in which object is the depender (referenced =
 * false) or the referenced one; object's column rows too when it is a
 * whole relation. */
std::vector<DependRow> DependRows(const ObjectAddress &object, bool referenced)
{
	std::vector<DependRow> rows;
	ScanDependRows(referenced, object.classId, object.objectId,
				   [&](Form_pg_depend dep, ItemPointer) {
					   int32 selfsub = referenced ? dep->refobjsubid : dep->objsubid;
					   if (object.objectSubId != 0 && selfsub != object.objectSubId)
						   return;
					   ObjectAddress other = referenced
						   ? ObjectAddress{dep->classid, dep->objid, dep->objsubid}
						   : ObjectAddress{dep->refclassid, dep->refobjid, dep->refobjsubid};
					   /* A column's dependency on its own relation is not a reason. */
					   if (SameObject(other, object) && object.objectSubId == 0)
						   return;
					   rows.push_back({other, dep->deptype});
				   });
	return rows;
}

void AcquireDeletionLock(const ObjectAddress &object)
{
	if (object.classId == RelationRelationId)
		LockRelationOid(object.objectId, AccessExclusiveLock);
}

std::string Describe(const ObjectAddress &object)
{
	char *d = getObjectDescription(&object, true);
	return d == nullptr ? std::string() : std::string(d);
}

class Deletion
{
  public:
	explicit Deletion(const std::vector<ObjectAddress> &originals) : originals_(originals) {}

	void Find(const ObjectAddress &object, int objflags, StackEntry *stack);
	void Report(DropBehavior behavior, int flags, const ObjectAddress *original) const;
	void DeleteAll(int flags) const;

  private:
	bool InStack(const ObjectAddress &object, int flags, StackEntry *stack) const;
	bool InTargets(const ObjectAddress &object, int flags);

	const std::vector<ObjectAddress> &originals_;
	std::vector<Target> targets_;
};

/* Whether object is on the path being followed (a loop), adding flags
 * to its entry there. */
bool Deletion::InStack(const ObjectAddress &object, int flags, StackEntry *stack) const
{
	bool found = false;
	for (StackEntry *e = stack; e != nullptr; e = e->next)
	{
		if (!SameObject(e->object, object))
			continue;
		if (e->object.objectSubId == object.objectSubId)
		{
			e->flags |= flags;
			found = true;
		}
		else if (e->object.objectSubId == 0)
			found = true; /* a column of a relation being dropped */
		else if (object.objectSubId == 0)
			e->flags |= flags; /* the relation of a column on the path */
	}
	return found;
}

/* Whether object is already to be dropped, adding flags to its entry. */
bool Deletion::InTargets(const ObjectAddress &object, int flags)
{
	bool found = false;
	for (Target &t : targets_)
	{
		if (!SameObject(t.object, object))
			continue;
		if (t.object.objectSubId == object.objectSubId)
		{
			t.flags |= flags;
			found = true;
		}
		else if (t.object.objectSubId == 0)
			found = true;
		else if (object.objectSubId == 0)
			t.flags |= flags | kSubobject;
	}
	return found;
}

void Deletion::Find(const ObjectAddress &object, int objflags, StackEntry *stack)
{
	if (InStack(object, objflags, stack) || InTargets(object, objflags))
		return;
	if (IsPinnedObject(object.classId, object.objectId))
		ereport(ERROR, errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				errmsg("cannot drop %s because it is required by the database system",
					   Describe(object).c_str()));

	/* What object itself depends on: is it an internal part of something? */
	ObjectAddress owner{InvalidOid, InvalidOid, 0};
	for (const DependRow &row : DependRows(object, false))
	{
		if (row.deptype != DEPENDENCY_INTERNAL && row.deptype != DEPENDENCY_EXTENSION)
			continue;
		if (stack == nullptr)
		{
			/* Named by the user: fine if its owner is named too (then
			 * it goes with the owner), else refused below. */
			if (std::any_of(originals_.begin(), originals_.end(),
							[&](const ObjectAddress &o) { return SameObject(o, row.other); }))
				return;
			if (!OidIsValid(owner.classId) || row.deptype == DEPENDENCY_EXTENSION)
				owner = row.other;
			continue;
		}
		/* Reached while dropping something else: drop its owner, which
		 * brings it along — unless the owner is what led here. */
		if (InStack(row.other, 0, stack))
			continue;
		AcquireDeletionLock(row.other);
		Find(row.other, kReverse, stack);
		if (!InTargets(object, objflags))
			elog(ERROR, "deletion of owning object %s failed to delete %s",
				 Describe(row.other).c_str(), Describe(object).c_str());
		return;
	}
	if (OidIsValid(owner.classId))
	{
		std::string owning = Describe(owner);
		ereport(ERROR, errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				errmsg("cannot drop %s because %s requires it", Describe(object).c_str(),
					   owning.c_str()),
				errhint("You can drop %s instead.", owning.c_str()));
	}

	/* What depends on object: newest first, as PostgreSQL orders them. */
	std::vector<DependRow> dependents = DependRows(object, true);
	std::sort(dependents.begin(), dependents.end(), [](const DependRow &a, const DependRow &b) {
		if (a.other.objectId != b.other.objectId)
			return a.other.objectId > b.other.objectId;
		if (a.other.classId != b.other.classId)
			return a.other.classId < b.other.classId;
		return static_cast<uint32>(a.other.objectSubId) < static_cast<uint32>(b.other.objectSubId);
	});
	StackEntry mine{object, objflags, stack};
	for (const DependRow &row : dependents)
	{
		int subflags;
		switch (row.deptype)
		{
			case DEPENDENCY_NORMAL:
				subflags = kNormal;
				break;
			case DEPENDENCY_AUTO:
			case DEPENDENCY_AUTO_EXTENSION:
				subflags = kAuto;
				break;
			case DEPENDENCY_INTERNAL:
				subflags = kInternal;
				break;
			case DEPENDENCY_EXTENSION:
				subflags = kExtension;
				break;
			default:
				elog(ERROR, "unrecognized dependency type '%c' for %s", row.deptype,
					 Describe(object).c_str());
		}
		AcquireDeletionLock(row.other);
		Find(row.other, subflags, &mine);
	}
	targets_.push_back(
		{object, mine.flags,
		 stack != nullptr ? stack->object : ObjectAddress{InvalidOid, InvalidOid, 0}});
}

void Deletion::Report(DropBehavior behavior, int flags, const ObjectAddress *original) const
{
	constexpr int kMaxReported = 100;
	int level = (flags & PERFORM_DELETION_QUIETLY) ? DEBUG2 : NOTICE;
	bool ok = true;
	std::string detail;
	int reported = 0;
	int unreported = 0;
	for (auto it = targets_.rbegin(); it != targets_.rend(); ++it)
	{
		if (it->flags & (kOriginal | kSubobject))
			continue;
		std::string desc = Describe(it->object);
		if (desc.empty())
			continue;
		if (it->flags & (kAuto | kInternal | kExtension))
		{
			ereport(DEBUG2, errmsg_internal("drop auto-cascades to %s", desc.c_str()));
			continue;
		}
		std::string line;
		if (behavior == DROP_RESTRICT)
		{
			ok = false;
			std::string other = Describe(it->dependee);
			if (other.empty())
			{
				unreported++;
				continue;
			}
			line = desc + " depends on " + other;
		}
		else
			line = "drop cascades to " + desc;
		if (reported >= kMaxReported)
		{
			unreported++;
			continue;
		}
		if (!detail.empty())
			detail += '\n';
		detail += line;
		reported++;
	}
	if (unreported > 0)
	{
		detail += "\nand " + std::to_string(unreported);
		detail += unreported == 1 ? " other object" : " other objects";
		detail += " (see server log for list)";
	}
	if (!ok)
	{
		if (original != nullptr)
			ereport(ERROR, errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
					errmsg("cannot drop %s because other objects depend on it",
						   Describe(*original).c_str()),
					errdetail_internal("%s", detail.c_str()),
					errhint("Use DROP ... CASCADE to drop the dependent objects too."));
		ereport(ERROR, errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				errmsg("cannot drop desired object(s) because other objects depend on them"),
				errdetail_internal("%s", detail.c_str()),
				errhint("Use DROP ... CASCADE to drop the dependent objects too."));
	}
	int total = reported + unreported;
	if (reported > 1)
		ereport(level, errmsg("drop cascades to %d other object%s", total, total == 1 ? "" : "s"),
				errdetail_internal("%s", detail.c_str()));
	else if (reported == 1)
		ereport(level, errmsg_internal("%s", detail.c_str()));
}

/* Delete one object's catalog row by its OID. */
void DeleteRowByOid(Oid catalog, int cacheId, AttrNumber oidcol, Oid oid)
{
	Relation rel = relation_open(catalog, RowExclusiveLock);
	if (cacheId >= 0)
	{
		HeapTuple tup = SearchSysCache1(cacheId, ObjectIdGetDatum(oid));
		if (tup == nullptr)
			elog(ERROR, "cache lookup failed for object %u of catalog %u", oid, catalog);
		CatalogTupleDelete(rel, &tup->t_self);
	}
	else
	{
		Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
		HeapScanDesc scan = heap_beginscan(rel, snapshot);
		std::vector<ItemPointerData> doomed;
		while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
		{
			bool isnull;
			if (DatumGetObjectId(heap_getattr(t, oidcol, RelationGetDescr(rel), &isnull)) == oid)
				doomed.push_back(t->t_self);
		}
		heap_endscan(scan);
		UnregisterSnapshot(snapshot);
		if (doomed.empty())
			elog(ERROR, "could not find tuple for object %u of catalog %u", oid, catalog);
		for (ItemPointerData &tid : doomed)
			CatalogTupleDelete(rel, &tid);
	}
	relation_close(rel, RowExclusiveLock);
}

void DoDeletion(const ObjectAddress &object)
{
	switch (object.classId)
	{
		case RelationRelationId:
		{
			if (object.objectSubId != 0)
			{
				RemoveAttributeById(object.objectId, static_cast<AttrNumber>(object.objectSubId));
				break;
			}
			HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(object.objectId));
			if (tup == nullptr)
				elog(ERROR, "cache lookup failed for relation %u", object.objectId);
			if (reinterpret_cast<Form_pg_class>(GETSTRUCT(tup))->relkind == 'i')
				index_drop(object.objectId);
			else
				heap_drop_with_catalog(object.objectId);
			break;
		}
		case TypeRelationId:
			/* An enum's labels go with it. */
			if (get_typtype(object.objectId) == TYPTYPE_ENUM)
				EnumValuesDelete(object.objectId);
			DeleteRowByOid(TypeRelationId, TYPEOID, Anum_pg_type_oid, object.objectId);
			break;
		case ConstraintRelationId:
			RemoveConstraintById(object.objectId);
			break;
		case AttrDefaultRelationId:
			DeleteRowByOid(AttrDefaultRelationId, -1, Anum_pg_attrdef_oid, object.objectId);
			break;
		case NamespaceRelationId:
			RemoveSchemaById(object.objectId);
			break;
		case RewriteRelationId:
			DeleteRowByOid(RewriteRelationId, -1, Anum_pg_rewrite_oid, object.objectId);
			break;
		case ProcedureRelationId:
			DeleteRowByOid(ProcedureRelationId, PROCOID, Anum_pg_proc_oid, object.objectId);
			break;
		case ExtensionRelationId:
			RemoveExtensionById(object.objectId);
			break;
		default:
			elog(ERROR, "dropping objects of catalog %u is not supported", object.classId);
	}
}

void Deletion::DeleteAll(int flags) const
{
	for (const Target &t : targets_)
	{
		if ((flags & PERFORM_DELETION_SKIP_ORIGINAL) && (t.flags & kOriginal))
			continue;
		/* Its own dependency rows first (a column's only, not its
		 * relation's), then the object. */
		if (t.object.objectSubId != 0)
			(void) deleteDependencyRecordsForColumn(t.object.objectId, t.object.objectSubId);
		else
			(void) deleteDependencyRecordsFor(t.object.classId, t.object.objectId, false);
		deleteSharedDependencyRecordsFor(t.object.classId, t.object.objectId, t.object.objectSubId);
		DeleteComments(t.object.objectId, t.object.classId, t.object.objectSubId);
		DoDeletion(t.object);
		CommandCounterIncrement();
	}
}

}  // namespace

void performDeletion(const ObjectAddress *object, DropBehavior behavior, int flags)
{
	std::vector<ObjectAddress> one{*object};
	Deletion deletion(one);
	AcquireDeletionLock(*object);
	deletion.Find(*object, kOriginal, nullptr);
	deletion.Report(behavior, flags, object);
	deletion.DeleteAll(flags);
}

void performMultipleDeletions(const std::vector<ObjectAddress> &objects, DropBehavior behavior,
							  int flags)
{
	if (objects.empty())
		return;
	Deletion deletion(objects);
	for (const ObjectAddress &object : objects)
	{
		AcquireDeletionLock(object);
		deletion.Find(object, kOriginal, nullptr);
	}
	deletion.Report(behavior, flags, objects.size() == 1 ? &objects.front() : nullptr);
	deletion.DeleteAll(flags);
}
