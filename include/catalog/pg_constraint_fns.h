/*
 * catalog/pg_constraint_fns.h — writing and finding pg_constraint rows
 * (PostgreSQL keeps these in catalog/pg_constraint.h beside the struct,
 * which Tusk generates).
 */
#ifndef TUSK_CATALOG_PG_CONSTRAINT_FNS_H
#define TUSK_CATALOG_PG_CONSTRAINT_FNS_H

#include "nodes/nodes.h"

#ifdef __cplusplus
extern "C++" {
#include <string>
#include <vector>

/* What a new constraint is. */
struct ConstraintSpec
{
	const char *name;
	char contype; /* 'p', 'u', 'c', … (CONSTRAINT_* of pg_constraint_d.h) */
	bool deferrable = false;
	bool initdeferred = false;
	bool validated = true;
	bool noinherit = false;
	Oid relid = InvalidOid;		   /* the table */
	Oid typid = InvalidOid;		   /* or the domain (contypid) */
	Oid relnamespace = InvalidOid; /* its schema (connamespace) */
	std::vector<AttrNumber> keys;  /* conkey: the columns it is on */
	Oid indexoid = InvalidOid;	   /* conindid: a unique or primary key's index */
	Node *expr = nullptr;		   /* conbin: a CHECK's expression (Vars of varno 1) */
	/* A FOREIGN KEY's ('f') referenced side; indexoid is then the
	 * referenced table's unique index. */
	Oid confrelid = InvalidOid;
	std::vector<AttrNumber> confkey;
	std::vector<Oid> pfeqop; /* per column: PK = FK, PK = PK, FK = FK */
	std::vector<Oid> ppeqop;
	std::vector<Oid> ffeqop;
	char confupdtype = ' '; /* FKCONSTR_ACTION_* */
	char confdeltype = ' ';
	char confmatchtype = ' ';				/* FKCONSTR_MATCH_* */
	std::vector<AttrNumber> confdelsetcols; /* ON DELETE SET NULL/DEFAULT (cols) */
};

/*
 * Write the pg_constraint row and its dependencies (PostgreSQL's
 * CreateConstraintEntry): automatic on its columns (or on the table when
 * it names none), normal on what its expression names; a foreign key's
 * also normal on the referenced columns and index.  Returns its OID.
 */
extern Oid CreateConstraintEntry(const ConstraintSpec &spec);

/* Whether relation relid has a constraint of that name. */
extern bool ConstraintNameIsUsed(Oid relid, const char *name);

/* PostgreSQL's ChooseConstraintName: name1[_name2]_label, then with 1,
 * 2 … after the label, until no constraint of the schema and none of
 * taken has the name. */
extern std::string ChooseConstraintName(const char *name1, const char *name2, const char *label,
										Oid namespaceid, const std::vector<std::string> &taken);

/* The OID of relid's constraint called name; InvalidOid if none. */
extern Oid get_relation_constraint_oid(Oid relid, const char *name);

/* A domain's CHECK constraint (contypid = the domain). */
struct DomainCheck
{
	Oid oid;
	std::string name;
	Node *expr; /* conbin: reads the value as a CoerceToDomainValue */
	bool validated;
};

/* The CHECK constraints of domain typid itself (not of its base domains),
 * sorted by name as PostgreSQL applies them. */
extern std::vector<DomainCheck> GetDomainChecks(Oid typid);

/* The OID of domain typid's constraint called name; InvalidOid if none. */
extern Oid get_domain_constraint_oid(Oid typid, const char *name);

/* Delete a constraint's row (what depends on it is dropped first, by
 * catalog/dependency.h); a CHECK's table counts one fewer in relchecks. */
extern void RemoveConstraintById(Oid conId);
}
#endif

#endif /* TUSK_CATALOG_PG_CONSTRAINT_FNS_H */
