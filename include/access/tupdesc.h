/*
 * access/tupdesc.h — a tuple descriptor: the columns of a row type.
 *
 * PostgreSQL's TupleDescData: one FormData_pg_attribute per column (the
 * same struct as a pg_attribute row's fixed part), plus the row type and
 * constraints.  Relations keep theirs in the relation cache; executor
 * nodes build their own for computed rows.  A TupleDesc is palloc'd in
 * CurrentMemoryContext, in one piece apart from its constraints.
 *
 * attcacheoff caches a column's byte offset in tuples where every column
 * before it is fixed-width and not null (-1: not known).
 */
#ifndef TUSK_ACCESS_TUPDESC_H
#define TUSK_ACCESS_TUPDESC_H

#include "catalog/pg_attribute.h"
#include "nodes/pg_list.h"

/* A column default (pg_attrdef.adbin, a serialized expression). */
typedef struct AttrDefault
{
	AttrNumber adnum;
	char *adbin;
} AttrDefault;

/* A CHECK constraint (pg_constraint.conbin). */
typedef struct ConstrCheck
{
	char *ccname;
	char *ccbin;
	bool ccvalid;
	bool ccnoinherit;
} ConstrCheck;

/* The value a column added by ALTER TABLE ADD COLUMN … DEFAULT has in
 * rows written before it existed (pg_attribute.attmissingval): those
 * rows are shorter than the descriptor, and deforming them supplies
 * am_value where am_present, NULL elsewhere. */
typedef struct AttrMissing
{
	bool am_present;
	Datum am_value;
} AttrMissing;

typedef struct TupleConstr
{
	AttrDefault *defval;  /* num_defval of them */
	AttrMissing *missing; /* natts of them, or NULL when no column has one */
	ConstrCheck *check;	  /* num_check of them */
	uint16 num_defval;
	uint16 num_check;
	bool has_not_null;
	bool has_generated_stored;
} TupleConstr;

typedef struct TupleDescData
{
	int natts;		/* number of columns */
	Oid tdtypeid;	/* the composite type's OID, or RECORDOID */
	int32 tdtypmod; /* typmod for anonymous record types, else -1 */
	int tdrefcount; /* reference count, -1 if not counted */
	TupleConstr *constr;
	FormData_pg_attribute attrs[FLEXIBLE_ARRAY_MEMBER];
} TupleDescData;
typedef TupleDescData *TupleDesc;

#define TupleDescAttr(tupdesc, i) (&(tupdesc)->attrs[(i)])

/* The bytes of pg_attribute's fixed part that tuple descriptors keep
 * (through attcollation, PostgreSQL's ATTRIBUTE_FIXED_PART_SIZE). */
#define ATTRIBUTE_FIXED_PART_SIZE (offsetof(FormData_pg_attribute, attcollation) + sizeof(Oid))

#ifdef __cplusplus
extern "C" {
#endif

/* natts columns, all zero: fill them in with TupleDescInitEntry. */
extern TupleDesc CreateTemplateTupleDesc(int natts);
/* A copy of the columns only (no constraints; NOT NULL flags cleared, as
 * PostgreSQL's CreateTupleDescCopy). */
extern TupleDesc CreateTupleDescCopy(TupleDesc tupdesc);
/* A copy of everything, constraints included. */
extern TupleDesc CreateTupleDescCopyConstr(TupleDesc tupdesc);
extern void FreeTupleDesc(TupleDesc tupdesc);
/* Column attributeNumber (1-based) named attributeName, of type oidtypeid
 * with typmod, attdim array dimensions: length, by-value, alignment and
 * storage come from the type (lsyscache). */
extern void TupleDescInitEntry(TupleDesc desc, AttrNumber attributeNumber,
							   const char *attributeName, Oid oidtypeid, int32 typmod, int attdim);
extern void TupleDescInitEntryCollation(TupleDesc desc, AttrNumber attributeNumber,
										Oid collationid);
/* Same columns, names and types (not constraints). */
extern bool equalTupleDescs(TupleDesc tupdesc1, TupleDesc tupdesc2);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_TUPDESC_H */
