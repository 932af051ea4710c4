/*
 * executor/execForeignKeys.h — what FOREIGN KEY constraints do when rows
 * change (PostgreSQL's RI triggers, ri_triggers.c; Tusk has no triggers,
 * so ModifyTable calls these at the moments those AFTER ROW triggers
 * would fire).
 *
 * Rows are recorded as the statement changes them and checked at its
 * end (what NOT DEFERRABLE constraints do in PostgreSQL): on the
 * referencing side, that each new non-NULL key exists in the referenced
 * table, locking that row FOR KEY SHARE so that deleting it waits for us;
 * on the referenced side, that no row still references a removed key
 * (NO ACTION, RESTRICT: 23503) or else the referencing rows are deleted
 * (CASCADE), updated (CASCADE) or set to NULL / their defaults.
 */
#ifndef TUSK_EXECUTOR_EXECFOREIGNKEYS_H
#define TUSK_EXECUTOR_EXECFOREIGNKEYS_H

#include "executor/executor.h"
#include "nodes/nodes.h"
#include "utils/rel.h"

#ifdef __cplusplus
extern "C++" {
#include <string>
#include <vector>

/* One foreign key, as its pg_constraint row says. */
struct ForeignKeyInfo
{
	Oid conoid = InvalidOid;
	std::string name;
	Oid fkrelid = InvalidOid; /* the referencing table (conrelid) */
	Oid pkrelid = InvalidOid; /* the referenced table (confrelid) */
	Oid pkindex = InvalidOid; /* its unique index (conindid) */
	std::vector<AttrNumber> fkatts;
	std::vector<AttrNumber> pkatts;
	std::vector<Oid> pfeqop; /* pk = fk */
	std::vector<Oid> ppeqop; /* pk = pk */
	std::vector<Oid> ffeqop; /* fk = fk */
	char updtype = 'a';		 /* FKCONSTR_ACTION_* */
	char deltype = 'a';
	char matchtype = 's';				/* FKCONSTR_MATCH_* */
	std::vector<AttrNumber> delsetcols; /* ON DELETE SET NULL/DEFAULT (cols), or all */
};

/* The foreign keys of table relid (referencing) or referring to it. */
extern std::vector<ForeignKeyInfo> RelationForeignKeys(Oid relid, bool referencing);

/* Every row of fk's referencing table satisfies it, or 23503 for the
 * first that does not (ALTER TABLE … ADD FOREIGN KEY). */
extern void ValidateForeignKey(const ForeignKeyInfo &fk);

/* What one ModifyTable does for the foreign keys of its table; NULL when
 * none concern it.  Lives in the estate's query context. */
struct ForeignKeyState;
extern ForeignKeyState *ExecInitForeignKeys(EState *estate, Relation rel, CmdType operation);
/* A row changed: oldtup is the removed version (DELETE, UPDATE), newtup
 * the new one (INSERT, UPDATE); both copied. */
extern void ExecForeignKeyRow(ForeignKeyState *state, HeapTuple oldtup, HeapTuple newtup);
/* The statement's rows are all changed: check them and run the actions. */
extern void ExecForeignKeysEndStatement(ForeignKeyState *state);
}
#endif

#endif /* TUSK_EXECUTOR_EXECFOREIGNKEYS_H */
