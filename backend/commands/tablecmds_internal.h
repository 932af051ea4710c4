/*
 * commands/tablecmds_internal.h — what tablecmds.cpp shares with
 * alter_table.cpp (ALTER TABLE's column subcommands and RENAME).
 */
#ifndef TUSK_COMMANDS_TABLECMDS_INTERNAL_H
#define TUSK_COMMANDS_TABLECMDS_INTERNAL_H

#include "catalog/pg_attribute.h"
#include "parser/parse_node.h"
#include "utils/rel.h"

/* A column's DEFAULT, analyzed and cast to the column's type (PostgreSQL's
 * cookDefault): no column references (42P10), the type assignable
 * (42804). */
extern Node *CookDefault(ParseState *pstate, Node *raw, Form_pg_attribute att);

/* 23502 "column … contains null values" when a row of rel has no value
 * in column attnum (a NOT NULL it gains must hold for existing rows). */
extern void CheckNoNulls(Relation rel, AttrNumber attnum);

#endif /* TUSK_COMMANDS_TABLECMDS_INTERNAL_H */
