/*
 * catalog/pg_enum_fns.h — reading and writing an enum type's pg_enum rows
 * (PostgreSQL's catalog/pg_enum.h functions; the struct is generated).
 */
#ifndef TUSK_CATALOG_PG_ENUM_FNS_H
#define TUSK_CATALOG_PG_ENUM_FNS_H

#include "nodes/pg_list.h"

#ifdef __cplusplus
extern "C++" {
#include <string>
#include <vector>

/* One pg_enum row. */
struct EnumMember
{
	Oid oid;
	float4 sortorder;
	std::string label;
};

/* The members of enum type typid in their sort order. */
std::vector<EnumMember> EnumValuesInOrder(Oid typid);

/* CREATE TYPE … AS ENUM: one row per label (a List of Strings), sort
 * orders 1, 2, 3 …; PostgreSQL's errors for a label too long (42602) or
 * given twice (23505 from the catalog's unique index). */
void EnumValuesCreate(Oid typid, List *vals);

/* DROP TYPE: removes the type's rows. */
void EnumValuesDelete(Oid typid);

/* ALTER TYPE … ADD VALUE: a new label at the end, or just before or after
 * neighbor; renumbers the sort orders when no float4 lies between two
 * neighbors.  An existing label is an error, or a NOTICE and nothing with
 * skip_if_exists. */
void AddEnumLabel(Oid typid, const char *label, const char *neighbor, bool after,
				  bool skip_if_exists);

/* ALTER TYPE … RENAME VALUE old TO new. */
void RenameEnumLabel(Oid typid, const char *oldval, const char *newval);
}
#endif

#endif /* TUSK_CATALOG_PG_ENUM_FNS_H */
