/*
 * pg_enum.cpp — an enum type's labels in pg_enum (catalog/pg_enum_fns.h):
 * what CREATE TYPE … AS ENUM, ALTER TYPE … ADD VALUE / RENAME VALUE and
 * DROP TYPE write.
 *
 * Each label is a row (oid, enumtypid, enumsortorder, enumlabel); the
 * row's OID is the enum value.  CREATE numbers the labels 1, 2, 3 …;
 * ADD VALUE puts a label after the last (last + 1), before the first
 * (first - 1) or halfway between two neighbors, and renumbers the whole
 * type 1, 2, 3 … first when float4 has no value left between them, as
 * PostgreSQL does.  The rows are found through the catalog's indexes
 * (pg_enum_typid_sortorder_index), so every change is seen by the next
 * command (CommandCounterIncrement) and, after commit, by other sessions.
 *
 * Principal entry points: EnumValuesInOrder, EnumValuesCreate,
 * EnumValuesDelete, AddEnumLabel, RenameEnumLabel.
 */
#include "postgres.h"

#include <algorithm>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/transam.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/pg_enum_d.h"
#include "catalog/pg_enum_fns.h"
#include "nodes/value.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/syscache.h"

namespace {

/* The type's rows (copies) in sort order. */
std::vector<HeapTuple> EnumRows(Relation pg_enum, Oid typid)
{
	std::vector<HeapTuple> rows;
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_enum_enumtypid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(typid));
	SysScanDesc scan = systable_beginscan(pg_enum, EnumTypIdSortOrderIndexId, true, nullptr, 1,
										  &key);
	while (HeapTuple t = systable_getnext(scan))
		rows.push_back(heap_copytuple(t));
	systable_endscan(scan);
	std::stable_sort(rows.begin(), rows.end(), [](HeapTuple a, HeapTuple b) {
		return reinterpret_cast<Form_pg_enum>(GETSTRUCT(a))->enumsortorder <
			reinterpret_cast<Form_pg_enum>(GETSTRUCT(b))->enumsortorder;
	});
	return rows;
}

Form_pg_enum EnumForm(HeapTuple t)
{
	return reinterpret_cast<Form_pg_enum>(GETSTRUCT(t));
}

void CheckLabelLength(const char *label)
{
	if (strlen(label) > NAMEDATALEN - 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_NAME), errmsg("invalid enum label \"%s\"", label),
				errdetail("Labels must be %d bytes or less.", NAMEDATALEN - 1));
}

void InsertEnumRow(Relation pg_enum, Oid typid, float4 sortorder, const char *label)
{
	CatalogRow row(pg_enum);
	row.Set(Anum_pg_enum_oid, ObjectIdGetDatum(GetNewObjectId()))
		.Set(Anum_pg_enum_enumtypid, ObjectIdGetDatum(typid))
		.Set(Anum_pg_enum_enumsortorder, Float4GetDatum(sortorder))
		.SetName(Anum_pg_enum_enumlabel, label);
	CatalogTupleInsert(pg_enum, row.Form());
}

/* Sort orders 1, 2, 3 … in the current order. */
void RenumberEnumType(Relation pg_enum, Oid typid)
{
	std::vector<HeapTuple> rows = EnumRows(pg_enum, typid);
	/* Update from the last down, so no two rows ever share a sort order
	 * on the unique index while the numbers move up. */
	for (size_t i = rows.size(); i-- > 0;)
	{
		auto order = static_cast<float4>(i + 1);
		if (EnumForm(rows[i])->enumsortorder == order)
			continue;
		EnumForm(rows[i])->enumsortorder = order;
		CatalogTupleUpdate(pg_enum, &rows[i]->t_self, rows[i]);
	}
	CommandCounterIncrement();
}

}  // namespace

std::vector<EnumMember> EnumValuesInOrder(Oid typid)
{
	Relation pg_enum = relation_open(EnumRelationId, AccessShareLock);
	std::vector<EnumMember> result;
	for (HeapTuple t : EnumRows(pg_enum, typid))
		result.push_back(
			{EnumForm(t)->oid, EnumForm(t)->enumsortorder, NameStr(EnumForm(t)->enumlabel)});
	relation_close(pg_enum, AccessShareLock);
	return result;
}

void EnumValuesCreate(Oid typid, List *vals)
{
	Relation pg_enum = relation_open(EnumRelationId, RowExclusiveLock);
	int n = 0;
	ListCell *lc;
	foreach (lc, vals)
	{
		const char *label = strVal(lfirst(lc));
		/* A label given twice fails on pg_enum_typid_label_index, as in
		 * PostgreSQL. */
		CheckLabelLength(label);
		InsertEnumRow(pg_enum, typid, static_cast<float4>(++n), label);
	}
	relation_close(pg_enum, RowExclusiveLock);
}

void EnumValuesDelete(Oid typid)
{
	Relation pg_enum = relation_open(EnumRelationId, RowExclusiveLock);
	for (HeapTuple t : EnumRows(pg_enum, typid))
		CatalogTupleDelete(pg_enum, &t->t_self);
	relation_close(pg_enum, RowExclusiveLock);
}

void AddEnumLabel(Oid typid, const char *label, const char *neighbor, bool after,
				  bool skip_if_exists)
{
	CheckLabelLength(label);
	Relation pg_enum = relation_open(EnumRelationId, RowExclusiveLock);
	for (;;)
	{
		std::vector<HeapTuple> rows = EnumRows(pg_enum, typid);
		for (HeapTuple t : rows)
		{
			if (strcmp(NameStr(EnumForm(t)->enumlabel), label) != 0)
				continue;
			if (skip_if_exists)
			{
				ereport(NOTICE, errcode(ERRCODE_DUPLICATE_OBJECT),
						errmsg("enum label \"%s\" already exists, skipping", label));
				relation_close(pg_enum, RowExclusiveLock);
				return;
			}
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
					errmsg("enum label \"%s\" already exists", label));
		}
		float4 order;
		if (neighbor == nullptr)
			order = rows.empty() ? 1 : EnumForm(rows.back())->enumsortorder + 1;
		else
		{
			size_t i = 0;
			while (i < rows.size() && strcmp(NameStr(EnumForm(rows[i])->enumlabel), neighbor) != 0)
				i++;
			if (i == rows.size())
				ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("\"%s\" is not an existing enum label", neighbor));
			float4 nbr = EnumForm(rows[i])->enumsortorder;
			if (after ? i + 1 == rows.size() : i == 0)
				order = after ? nbr + 1 : nbr - 1;
			else
			{
				float4 other = EnumForm(rows[after ? i + 1 : i - 1])->enumsortorder;
				order = (nbr + other) / 2;
				if (order == nbr || order == other)
				{
					/* No float4 between them: spread the type out, then
					 * look again. */
					RenumberEnumType(pg_enum, typid);
					continue;
				}
			}
		}
		InsertEnumRow(pg_enum, typid, order, label);
		break;
	}
	relation_close(pg_enum, RowExclusiveLock);
}

void RenameEnumLabel(Oid typid, const char *oldval, const char *newval)
{
	CheckLabelLength(newval);
	Relation pg_enum = relation_open(EnumRelationId, RowExclusiveLock);
	HeapTuple old_row = nullptr;
	bool found_new = false;
	for (HeapTuple t : EnumRows(pg_enum, typid))
	{
		if (strcmp(NameStr(EnumForm(t)->enumlabel), oldval) == 0)
			old_row = t;
		if (strcmp(NameStr(EnumForm(t)->enumlabel), newval) == 0)
			found_new = true;
	}
	if (old_row == nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("\"%s\" is not an existing enum label", oldval));
	if (found_new)
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
				errmsg("enum label \"%s\" already exists", newval));
	namestrcpy(&EnumForm(old_row)->enumlabel, newval);
	CatalogTupleUpdate(pg_enum, &old_row->t_self, old_row);
	relation_close(pg_enum, RowExclusiveLock);
}
