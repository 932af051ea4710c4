/*
 * commands/defrem.h — CREATE INDEX and the constraints made of indexes
 * (PostgreSQL's header for DefineIndex).
 */
#ifndef TUSK_COMMANDS_DEFREM_H
#define TUSK_COMMANDS_DEFREM_H

#include "nodes/parsenodes.h"
#include "utils/rel.h"

struct ParseState;

#ifdef __cplusplus
extern "C" {
#endif

/*
 * CREATE [UNIQUE] INDEX, and the index of a PRIMARY KEY or UNIQUE
 * constraint (stmt->isconstraint: also its pg_constraint row; primary:
 * its columns become NOT NULL, existing NULLs refused).  The table is
 * stmt->relation, locked here with ShareLock (a constraint's caller holds
 * a stronger lock).  Returns the index's OID, or InvalidOid when IF NOT
 * EXISTS found the name taken.
 */
extern Oid DefineIndex(IndexStmt *stmt, const char *queryString);

/* Option values as PostgreSQL's define.c reads them (commands/define.cpp):
 * errors name the option. */
extern bool defGetBoolean(const DefElem *def);
extern int32 defGetInt32(const DefElem *def);
extern int64 defGetInt64(const DefElem *def);
extern char *defGetString(const DefElem *def);
/* 42601 "conflicting or redundant options" at the option. */
extern void errorConflictingDefElem(const DefElem *defel, struct ParseState *pstate)
	pg_attribute_noreturn();

/* CREATE FUNCTION (commands/functioncmds.cpp): returns the function's
 * OID. */
extern Oid CreateFunction(CreateFunctionStmt *stmt, const char *queryString);
/* The function func names (by name and input types, or by name alone
 * when it has no argument list); InvalidOid if missing and missing_ok. */
extern Oid LookupFuncWithArgs(ObjectWithArgs *func, bool missing_ok);

/* DROP SCHEMA and DROP FUNCTION (commands/dropcmds.cpp); relations go through
 * RemoveRelations (commands/tablecmds.h). */
extern void RemoveObjects(DropStmt *stmt);

/* The name PostgreSQL would give a new relation: name1[_name2]_label,
 * shortened to fit NAMEDATALEN, with a number after label when taken
 * (palloc'd). */
extern char *ChooseRelationName(const char *name1, const char *name2, const char *label,
								Oid namespaceid, bool isconstraint);

#ifdef __cplusplus
}

extern "C++" {
#include <string>

/* PostgreSQL's makeObjectName: name1[_name2][_label], the longer of the
 * names shortened first so that the whole fits NAMEDATALEN - 1 bytes. */
extern std::string MakeObjectName(const char *name1, const char *name2, const char *label);
}
#endif

#endif /* TUSK_COMMANDS_DEFREM_H */
