/*
 * catalog/namespace.h — finding objects by possibly-unqualified name
 * through search_path (PostgreSQL's namespace.h).
 *
 * The effective path is pg_catalog (unless search_path names it
 * somewhere else), then search_path's schemas that exist, "$user"
 * standing for the session role's name.  It is recomputed when
 * search_path or the catalogs change.
 */
#ifndef TUSK_CATALOG_NAMESPACE_H
#define TUSK_CATALOG_NAMESPACE_H

#include "nodes/primnodes.h"
#include "storage/lock.h"

/* A candidate of an overloaded function or operator. */
typedef struct FuncCandidateListData
{
	struct FuncCandidateListData *next;
	int pathpos; /* where its schema is in the search path */
	Oid oid;	 /* the function's or operator's OID */
	int nargs;
	int nvargs;
	int ndargs;
	int *argnumbers;
	Oid args[FLEXIBLE_ARRAY_MEMBER]; /* argument types */
} * FuncCandidateList;

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT char *namespace_search_path;

/* The relation a RangeVar names (and lockmode taken on it); ERROR 42P01
 * "relation … does not exist" (or 3F000 for a missing schema) unless
 * missing_ok, then InvalidOid. */
extern Oid RangeVarGetRelid(const RangeVar *relation, LOCKMODE lockmode, bool missing_ok);
/* The schema a new object named by rel goes into (first existing schema
 * of the path, or the one named; the temporary schema, made if need be,
 * for a temporary relation or "pg_temp"); ERROR 3F000 "no schema has
 * been selected to create in". */
extern Oid RangeVarGetCreationNamespace(const RangeVar *newRelation);
extern Oid LookupCreationNamespace(const char *nspname);
/* The schema's OID; ERROR 3F000 unless missing_ok. */
extern Oid get_namespace_oid(const char *nspname, bool missing_ok);
/* The first type of that name in the path, or InvalidOid. */
extern Oid TypenameGetTypid(const char *typname);
/* The first relation of that name in the path, or InvalidOid. */
extern Oid RelnameGetRelid(const char *relname);
/* The operator named names taking exactly (oprleft, oprright) (oprleft
 * InvalidOid: a prefix operator) in the nearest schema of the path that
 * has one, or InvalidOid; ERROR 3F000 if a named schema does not exist. */
extern Oid OpernameGetOprid(List *names, Oid oprleft, Oid oprright);
/* Operators named names with oprkind 'b' or 'l' (all of them for
 * kind 0), nearest in the path first. */
extern FuncCandidateList OpernameGetCandidates(List *names, char oprkind, bool missing_schema_ok);
/* Functions named names taking nargs arguments (-1: any number). */
extern FuncCandidateList FuncnameGetCandidates(List *names, int nargs, List *argnames,
											   bool expand_variadic, bool expand_defaults,
											   bool include_out_arguments, bool missing_ok);
/* The schemas of the path, in order (pg_catalog included). */
extern List *fetch_search_path(bool includeImplicit);
/* Split a possibly qualified name list into schema and object names;
 * ERROR 42601 for too many dotted names. */
extern void DeconstructQualifiedName(List *names, char **nspname_p, char **objname_p);
extern char *NameListToString(List *names);
/* Whether the search path finds the relation by its bare name. */
extern bool RelationIsVisible(Oid relid);

/*
 * Temporary schemas.  This session's pg_temp_N (N its backend id) is
 * searched first for relations and types unless search_path places
 * "pg_temp" elsewhere, never for functions and operators unless a name is
 * qualified with it.
 */
/* This session's temporary schema, made (or emptied of a crashed
 * session's leftovers) on first use; undone if the transaction aborts. */
extern Oid InitTempTableNamespace(void);
/* This session's temporary schema, InvalidOid before its first use. */
extern Oid GetTempNamespace(void);
/* DISCARD TEMP: drop every object of this session's temporary schema. */
extern void ResetTempTableNamespace(void);
extern bool isTempNamespace(Oid namespaceId);
extern bool isTempToastNamespace(Oid namespaceId);
extern bool isTempOrTempToastNamespace(Oid namespaceId);
/* pg_temp_N or pg_toast_temp_N of any session. */
extern bool isAnyTempNamespace(Oid namespaceId);
/* Another session's temporary schema. */
extern bool isOtherTempNamespace(Oid namespaceId);
/* PostgreSQL's checks of a new relation's persistence against its schema
 * (42P16 "cannot create temporary relation in non-temporary schema" …);
 * a relation created in the temporary schema becomes temporary. */
extern void RangeVarAdjustRelationPersistence(RangeVar *newRelation, Oid nspid);
/* RangeVarGetCreationNamespace, then RangeVarAdjustRelationPersistence. */
extern Oid RangeVarGetAndCheckCreationNamespace(RangeVar *newRelation);

#ifdef __cplusplus
}

extern "C++" {
/* While it lives, the schema first is searched (after pg_catalog) and
 * created in before the search_path's schemas — CREATE SCHEMA's elements
 * (PostgreSQL's PushOverrideSearchPath). */
class SearchPathOverride
{
  public:
	explicit SearchPathOverride(Oid first);
	~SearchPathOverride();
	SearchPathOverride(const SearchPathOverride &) = delete;
	SearchPathOverride &operator=(const SearchPathOverride &) = delete;

  private:
	Oid saved_;
};
}
#endif

#endif /* TUSK_CATALOG_NAMESPACE_H */
