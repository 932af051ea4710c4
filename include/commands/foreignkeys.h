/*
 * commands/foreignkeys.h — FOREIGN KEY constraints: defining them
 * (CREATE TABLE … REFERENCES, ALTER TABLE … ADD FOREIGN KEY), as
 * PostgreSQL's ATAddForeignKeyConstraint.  The checks and actions they
 * cause when rows change are executor/execForeignKeys.h.
 */
#ifndef TUSK_COMMANDS_FOREIGNKEYS_H
#define TUSK_COMMANDS_FOREIGNKEYS_H

#include "nodes/parsenodes.h"
#include "utils/rel.h"

#ifdef __cplusplus
extern "C++" {
#include <string>
#include <vector>

/*
 * Add the foreign key fk (contype CONSTR_FOREIGN) to rel, which the caller
 * holds locked: resolves the referenced table (locked ShareRowExclusive)
 * and its unique index, the equality operators, the name (PostgreSQL's
 * default rel_col_fkey, avoiding taken), writes the pg_constraint row and
 * its dependencies and, unless fk->skip_validation or the table is new
 * (new_table), checks the existing rows (23503).  Raises PostgreSQL's
 * errors: 42830, 42804, 42703, 42P01, 0A000 for DEFERRABLE.
 */
extern Oid AddForeignKeyConstraint(Relation rel, Constraint *fk, bool new_table,
								   std::vector<std::string> *taken);
}
#endif

#endif /* TUSK_COMMANDS_FOREIGNKEYS_H */
