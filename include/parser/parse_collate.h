/*
 * parse_collate.h — collations in the analyzer:
 * COLLATE clauses and PostgreSQL's collation derivation rules.
 *
 * Entry points: LookupCollation, TransformCollateClause,
 * SelectInputCollation.  See parse_collate.cpp.
 */
#ifndef TUSK_PARSER_PARSE_COLLATE_H
#define TUSK_PARSER_PARSE_COLLATE_H

#include "parser/parse_node.h"

/* The OID of the collation a (possibly qualified) name list names; 42704
 * "collation ... for encoding "UTF8" does not exist" at location. */
Oid LookupCollation(ParseState *pstate, List *collname, int location);

/* The collation a column of type typid declared with coll (nullptr: none)
 * gets: its type's, or the named one (42804 when the type has none). */
Oid ColumnCollation(ParseState *pstate, Oid typid, const CollateClause *coll);

/* expr COLLATE name: a CollateExpr over arg, c's analyzed argument (an
 * unknown-type literal becomes text); 42804 for a type without
 * collations. */
Node *TransformCollateClause(ParseState *pstate, Node *arg, const CollateClause *c);

/* The collation an operator or function over args uses (its
 * inputcollid), by PostgreSQL's derivation rules: an explicit COLLATE
 * wins (two different explicit ones are 42P21); among implicit ones a
 * non-default collation beats the default, and two different non-default
 * ones leave it indeterminate (InvalidOid). */
Oid SelectInputCollation(ParseState *pstate, List *args);

#endif
