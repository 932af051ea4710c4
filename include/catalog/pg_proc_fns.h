/*
 * catalog/pg_proc_fns.h — writing pg_proc rows (PostgreSQL's
 * ProcedureCreate, which it keeps in catalog/pg_proc.h beside the struct
 * Tusk generates).  Used by CREATE FUNCTION for every language, so that
 * C functions can reuse it when they arrive.
 */
#ifndef TUSK_CATALOG_PG_PROC_FNS_H
#define TUSK_CATALOG_PG_PROC_FNS_H

#include "nodes/nodes.h"
#include "nodes/pg_list.h"

#ifdef __cplusplus
extern "C++" {
#include <string>
#include <vector>

/* What a new (or replacing) function is. */
struct ProcedureSpec
{
	std::string name;
	Oid nspid = InvalidOid;
	bool replace = false; /* CREATE OR REPLACE */
	Oid language = InvalidOid;
	char prokind = 'f';
	bool security_definer = false;
	bool leakproof = false;
	bool strict = false;
	bool returns_set = false;
	char volatility = 'v';
	char parallel = 'u';
	float cost = 100;
	float rows = 0;
	Oid variadic = InvalidOid;
	Oid rettype = InvalidOid;
	std::vector<Oid> argtypes; /* the input arguments (proargtypes) */
	/* Every argument with its mode and name, when any is OUT/INOUT/
	 * VARIADIC/TABLE (proallargtypes, proargmodes), and the names when
	 * any is named (proargnames, one per argument of allargtypes, or of
	 * argtypes when allargtypes is empty; "" for an unnamed one). */
	std::vector<Oid> allargtypes;
	std::vector<char> argmodes;
	std::vector<std::string> argnames;
	List *defaults = NIL; /* analyzed defaults of the last input arguments */
	std::string prosrc;
	const char *probin = nullptr;
};

/* Inserts the pg_proc row (or, replacing, updates the existing one after
 * PostgreSQL's checks) with its pg_depend rows: schema, language, types,
 * and what the defaults use.  Returns the function's OID. */
Oid ProcedureCreate(const ProcedureSpec &spec);
}
#endif

#ifdef __cplusplus
extern "C" {
#endif
/* The default expressions of funcid's last ndargs parameters (read from
 * proargdefaults), for a call that leaves them out. */
extern List *FunctionArgumentDefaults(Oid funcid, int ndargs);
#ifdef __cplusplus
}
#endif

#endif /* TUSK_CATALOG_PG_PROC_FNS_H */
