/*
 * bootstrap_data.h — the system catalogs as initdb's bootstrap creates
 * them: every catalog's columns and its initial rows.
 *
 * Generated at build time (bootstrap_data.cpp, by gen_catalog.py) from the
 * catalog schema and data files in backend/catalog/, as PostgreSQL's
 * genbki.pl turns its catalog headers and .dat files into postgres.bki.
 * Every symbolic reference in the data (a type, function, operator, … by
 * name) is resolved to its OID by the generator, and the rows the
 * catalogs hold about themselves (their pg_class, pg_attribute and
 * row-type pg_type rows) are generated too, so bootstrap only converts
 * each value with its column type's input function and inserts the rows.
 *
 * A few values depend on the initdb run and are written as placeholders
 * that bootstrap substitutes: "$POSTGRES" (the bootstrap superuser's
 * name), "$ENCODING" (the encoding number), "$LC_COLLATE", "$LC_CTYPE",
 * "$ICU_LOCALE" (NULL unless given), "$LOCALE_PROVIDER".
 */
#ifndef TUSK_CATALOG_BOOTSTRAP_DATA_H
#define TUSK_CATALOG_BOOTSTRAP_DATA_H

#include "c.h"
#include "access/tupdesc.h"
#include "fmgr.h"

namespace tusk::catalog {

struct BootstrapColumn
{
	const char *name;
	Oid type_oid;  /* atttypid */
	int16 len;	   /* attlen: the type's typlen */
	bool byval;	   /* attbyval */
	char align;	   /* attalign: 'c', 's', 'i', 'd' */
	char storage;  /* attstorage: 'p', 'x', 'e', 'm' */
	bool not_null; /* attnotnull */
	Oid collation; /* attcollation: C (950) for name/text columns, else 0 */
};

/* A catalog index (PostgreSQL's DECLARE_UNIQUE_INDEX …), with what its
 * operator classes resolve to, so that the relation cache can describe
 * the index without reading any catalog (catalog lookups go through these
 * indexes).  Its pg_class, pg_attribute and pg_index rows are generated
 * too; bootstrap builds it. */
struct BootstrapIndex
{
	const char *name;
	Oid oid;
	bool unique;
	bool primary;
	int nkeys;
	int16 keys[INDEX_MAX_KEYS];		/* attribute numbers */
	Oid opclasses[INDEX_MAX_KEYS];	/* pg_opclass OIDs */
	Oid opfamilies[INDEX_MAX_KEYS]; /* their families */
	Oid opcintypes[INDEX_MAX_KEYS]; /* their input types */
	Oid procs[INDEX_MAX_KEYS];		/* B-tree support function 1 of each */
	Oid collations[INDEX_MAX_KEYS]; /* the key column's collation (C or 0) */
};

struct BootstrapCatalog
{
	const char *name; /* relname, e.g. "pg_class" */
	Oid relid;		  /* its OID (= relfilenode) */
	Oid rowtype_oid;  /* reltype: its composite type's pg_type OID */
	bool shared;	  /* in global/, for every database */
	int natts;
	const BootstrapColumn *columns; /* natts of them, attnum order */
	int nrows;
	/* nrows * natts values, row-major, each the text its column type's
	 * input function takes; nullptr is SQL NULL. */
	const char *const *values;
	int nindexes;
	const BootstrapIndex *indexes;
};

extern const BootstrapCatalog kBootstrapCatalogs[];
extern const int kNumBootstrapCatalogs;

/* The catalog with this OID, or with this name; nullptr if there is none. */
const BootstrapCatalog *FindBootstrapCatalog(Oid relid);
const BootstrapCatalog *FindBootstrapCatalog(const char *name);

/* The catalog index with this OID (and its catalog), or nullptr. */
const BootstrapIndex *FindBootstrapIndex(Oid indexid, const BootstrapCatalog **catalog = nullptr);

/* The catalog's row type as a tuple descriptor (palloc'd in the current
 * memory context): what bootstrap forms its rows with and what the
 * relation cache gives the catalog's Relation. */
TupleDesc BootstrapTupleDesc(const BootstrapCatalog &cat);

/* A catalog index's entries as a tuple descriptor: the key columns. */
TupleDesc BootstrapIndexTupleDesc(const BootstrapCatalog &cat, const BootstrapIndex &index);

}  // namespace tusk::catalog

#endif /* TUSK_CATALOG_BOOTSTRAP_DATA_H */
