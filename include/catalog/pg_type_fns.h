/*
 * catalog/pg_type_fns.h — writing pg_type rows (PostgreSQL's
 * catalog/pg_type.h functions; the struct is generated).
 *
 * Every pg_type row Tusk makes at run time comes from TypeCreate: a
 * table's or composite type's row type, an enum, a domain, and the array
 * type of each (ArrayTypeCreate).  The spec names every column, so a new
 * kind of type says what it is rather than copying a 30-line row.
 */
#ifndef TUSK_CATALOG_PG_TYPE_FNS_H
#define TUSK_CATALOG_PG_TYPE_FNS_H

#include "utils/rel.h"

#ifdef __cplusplus
extern "C++" {
#include <string>

/* The columns of a new pg_type row.  The defaults are those of a
 * variable-length base type that has no functions, no collation and no
 * constraints; typowner is the current user. */
struct TypeSpec
{
	Oid oid = InvalidOid; /* the row's OID: chosen by the caller */
	const char *name = nullptr;
	Oid namespace_oid = InvalidOid;
	char typtype = 'b';
	char category = 'U';
	bool preferred = false;
	int16 len = -1;
	bool byval = false;
	char align = 'i';
	char storage = 'p';
	char delim = ',';
	Oid relid = InvalidOid; /* a row type's relation */
	Oid subscript = InvalidOid;
	Oid elem = InvalidOid;
	Oid array = InvalidOid;
	Oid input = InvalidOid;
	Oid output = InvalidOid;
	Oid receive = InvalidOid;
	Oid send = InvalidOid;
	Oid modin = InvalidOid;
	Oid modout = InvalidOid;
	Oid analyze = InvalidOid;
	bool notnull = false;	   /* a domain's NOT NULL */
	Oid basetype = InvalidOid; /* a domain's base type */
	int32 typmod = -1;		   /* a domain's base type's typmod */
	int32 ndims = 0;		   /* a domain over an array: its dimensions */
	Oid collation = InvalidOid;
	const char *default_bin = nullptr;	/* nodeToString of the default, or NULL */
	const char *default_text = nullptr; /* its deparsed text, or NULL */
};

/* Insert the pg_type row spec describes (the caller checked the name is
 * free in the schema and records the type's dependencies). */
void TypeCreate(Relation pg_type, const TypeSpec &spec);

/* The array type of element type elem (named "_name", more underscores
 * while that name is taken, as PostgreSQL's makeArrayTypeName), with OID
 * arrayid, in the element's schema and with its alignment; the caller
 * records its internal dependency on the element. */
void ArrayTypeCreate(Relation pg_type, Oid arrayid, Oid elem, const char *elemname,
					 Oid namespace_oid, char align);

/* The name of a new array type of element elemname in the schema:
 * "_name", more underscores while taken (PostgreSQL's
 * makeArrayTypeName). */
std::string MakeArrayTypeName(const char *elemname, Oid namespace_oid);

/* A new OID free as a type and as a relation (a row type shares the OID
 * space of its relation's file names). */
Oid NewTypeOid(void);
}
#endif

#endif /* TUSK_CATALOG_PG_TYPE_FNS_H */
