/*
 * catalog/heap.h — creating and dropping tables in the catalogs
 * (PostgreSQL's heap.h).
 */
#ifndef TUSK_CATALOG_HEAP_H
#define TUSK_CATALOG_HEAP_H

#include "access/tupdesc.h"
#include "nodes/parsenodes.h"
#include "utils/rel.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A new table: its pg_class, pg_attribute (columns and system columns)
 * and row-type pg_type rows, and its file.  relkind 'c' is a stand-alone
 * composite type (CREATE TYPE … AS): no file and no system columns, and
 * the relation belongs to its type rather than the type to it.  The caller checked the name
 * is free.  Returns the new relation's OID. */
extern Oid heap_create_with_catalog(const char *relname, Oid relnamespace, TupleDesc tupdesc,
									char relkind, char relpersistence);
/* Add the columns first … natts-1 of tupdesc (attnums set) to relation
 * relid's pg_attribute rows and relnatts: CREATE OR REPLACE VIEW's new
 * columns.  No file is touched. */
extern void heap_add_columns(Oid relid, TupleDesc tupdesc, int first);
/* Remove a table's catalog rows and (at commit) its files.  The caller
 * holds AccessExclusiveLock on it. */
extern void heap_drop_with_catalog(Oid relid);
/* DROP COLUMN's catalog change (PostgreSQL's RemoveAttributeById): the
 * pg_attribute row stays, marked attisdropped, renamed
 * "........pg.dropped.N........" with atttypid 0 (its length and
 * alignment kept: old rows still hold the value), and no default,
 * missing value, NOT NULL or statistics. */
extern void RemoveAttributeById(Oid relid, AttrNumber attnum);
/* Rows written before column attnum existed read value there from now
 * on (pg_attribute.atthasmissing/attmissingval, PostgreSQL 11's fast
 * ADD COLUMN … DEFAULT). */
extern void SetAttrMissing(Oid relid, AttrNumber attnum, Datum value);

/* Record column attnum's default (an analyzed expression of its type)
 * in pg_attrdef; the caller set atthasdef. */
extern void StoreAttrDefault(Oid relid, AttrNumber attnum, Node *expr);
/* The column's default expression (from the relation cache), or NULL. */
extern Node *build_column_default(Relation rel, int attrno);

/* Set for initdb's post-bootstrap script (PostgreSQL runs it with
 * allow_system_table_mods): its relations may have anyarray columns
 * (pg_stats). */
extern bool allowSystemTableMods;

/* That a column named attname may be of type atttypid with collation
 * attcollation (PostgreSQL's CheckAttributeType): no pseudo-type (but
 * anyarray under allowSystemTableMods), no composite type among
 * containing (the row types it would be part of) or containing itself,
 * a collation for a collatable type. */
extern void CheckAttributeType(const char *attname, Oid atttypid, Oid attcollation,
							   List *containing);

/* A new OID for a catalog row, unused by any pg_class or pg_type row. */
extern Oid GetNewRelationOid(void);

#ifdef __cplusplus
}

extern "C++" {
#include <string>
#include <vector>

/* A CHECK constraint as stored: its name and analyzed expression. */
struct CookedCheck
{
	std::string name;
	Node *expr;
	bool validate; /* existing rows must satisfy it (not NOT VALID) */
};

/*
 * Analyze and store the CHECK constraints (raw Constraint nodes) of rel,
 * named as given or as PostgreSQL names them (t_a_check, t_check1 …):
 * their pg_constraint rows and dependencies, and pg_class.relchecks.
 * Checking the table's existing rows is the caller's.
 */
extern std::vector<CookedCheck> AddRelationCheckConstraints(Relation rel,
															const std::vector<Constraint *> &checks,
															const char *queryString);
}
#endif

#endif /* TUSK_CATALOG_HEAP_H */
