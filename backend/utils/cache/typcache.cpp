/*
 * typcache.cpp — row types and the registry of anonymous record types
 * (utils/typcache.h).
 *
 * The registry is a list of descriptors in TopMemoryContext, indexed by
 * typmod: a value of type record carries the index of its shape, and
 * record_out, field selection and comparisons read the shape back here.
 * Shapes are few (one per distinct ROW(…) column list a backend builds),
 * so finding an equal one is a linear scan of those with the same number
 * of columns.  A table's row type is read from the relation cache, which
 * sinval keeps current.
 */
#include "postgres.h"

#include <vector>

#include "access/relation.h"
#include "catalog/pg_type_d.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/typcache.h"

namespace {

/* typmod → descriptor (kept in TopMemoryContext for the backend's life). */
std::vector<TupleDesc> &RecordTypes()
{
	static std::vector<TupleDesc> types;
	return types;
}

/* Whether two record shapes are the same type: same column names, types
 * and typmods (PostgreSQL's record_type_typmod_compare). */
bool SameRecordShape(TupleDesc a, TupleDesc b)
{
	if (a->natts != b->natts)
		return false;
	for (int i = 0; i < a->natts; i++)
	{
		Form_pg_attribute x = TupleDescAttr(a, i);
		Form_pg_attribute y = TupleDescAttr(b, i);
		if (x->atttypid != y->atttypid || x->atttypmod != y->atttypmod ||
			x->attcollation != y->attcollation || x->attisdropped != y->attisdropped ||
			strcmp(NameStr(x->attname), NameStr(y->attname)) != 0)
			return false;
	}
	return true;
}

TupleDesc RowtypeTupdesc(Oid type_id, int32 typmod, bool noerror)
{
	if (type_id == RECORDOID)
	{
		auto &types = RecordTypes();
		if (typmod < 0 || static_cast<size_t>(typmod) >= types.size())
		{
			if (noerror)
				return nullptr;
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("record type has not been registered"));
		}
		return CreateTupleDescCopy(types[typmod]);
	}
	if (get_typtype(type_id) != TYPTYPE_COMPOSITE)
	{
		if (noerror)
			return nullptr;
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("type %s is not composite", format_type_be(type_id)));
	}
	Oid relid = get_typ_typrelid(type_id);
	Relation rel = relation_open(relid, AccessShareLock);
	TupleDesc desc = CreateTupleDescCopy(RelationGetDescr(rel));
	relation_close(rel, AccessShareLock);
	desc->tdtypeid = type_id;
	desc->tdtypmod = -1;
	return desc;
}

}  // namespace

void assign_record_type_typmod(TupleDesc tupdesc)
{
	auto &types = RecordTypes();
	for (size_t i = 0; i < types.size(); i++)
	{
		if (SameRecordShape(types[i], tupdesc))
		{
			tupdesc->tdtypmod = static_cast<int32>(i);
			return;
		}
	}
	MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);
	TupleDesc copy = CreateTupleDescCopy(tupdesc);
	MemoryContextSwitchTo(old);
	copy->tdtypeid = RECORDOID;
	copy->tdtypmod = static_cast<int32>(types.size());
	copy->tdrefcount = -1;
	types.push_back(copy);
	tupdesc->tdtypmod = copy->tdtypmod;
}

TupleDesc BlessTupleDesc(TupleDesc tupdesc)
{
	if (tupdesc->tdtypeid == RECORDOID && tupdesc->tdtypmod < 0)
		assign_record_type_typmod(tupdesc);
	return tupdesc;
}

TupleDesc lookup_rowtype_tupdesc_copy(Oid type_id, int32 typmod)
{
	return RowtypeTupdesc(type_id, typmod, false);
}

TupleDesc lookup_rowtype_tupdesc_noerror(Oid type_id, int32 typmod)
{
	return RowtypeTupdesc(type_id, typmod, true);
}

bool type_is_rowtype(Oid type_id)
{
	return type_id == RECORDOID || get_typtype(type_id) == TYPTYPE_COMPOSITE;
}
