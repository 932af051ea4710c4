/*
 * regress/parser/pg_json.h — raw parse trees as libpg_query's JSON, and a
 * JSON canonicalizer, for comparing Tusk's parser with PostgreSQL's.
 *
 * libpg_query (PostgreSQL 15's own parser as a library) prints a parse as
 * {"version":…,"stmts":[{"stmt":{"SelectStmt":{…}},"stmt_location":…,
 * "stmt_len":…}]} with PostgreSQL's node and field names, leaving out
 * fields that are zero, false or NULL (enums are always printed).
 * RawStmtsToPgJson prints Tusk's List of RawStmt the same way, with these
 * normalizations for what libpg_query prints differently from
 * PostgreSQL 15.18's own trees:
 *   - an Integer node's value is printed only when positive (libpg_query
 *     15-4.0.0 drops zero and negative ones: {"Integer":{}});
 *   - SelectStmt.limitOption: PostgreSQL 15.18 leaves 0 (COUNT) in a
 *     SELECT without LIMIT, libpg_query's enum order prints that as
 *     LIMIT_OPTION_DEFAULT; a SELECT without LIMIT/OFFSET prints DEFAULT.
 * CanonicalJson re-prints any JSON text with sorted object keys and one
 * string escaping, so the two texts can be compared with ==.
 *
 * Principal entry points: RawStmtsToPgJson, CanonicalJson.
 */
#ifndef TUSK_REGRESS_PARSER_PG_JSON_H
#define TUSK_REGRESS_PARSER_PG_JSON_H

#include <string>

#include "postgres.h"
#include "nodes/pg_list.h"

namespace tusk::regress {

/* Tusk's raw_parser output in libpg_query's JSON form. */
std::string RawStmtsToPgJson(const List *stmts);

/* One node (any raw-tree node) in that form, for tests. */
std::string NodeToPgJson(const void *node);

/* The canonical form of a JSON text; "" if it does not parse. */
std::string CanonicalJson(const std::string &json);

}  // namespace tusk::regress

#endif /* TUSK_REGRESS_PARSER_PG_JSON_H */
