/*
 * parser/parser.h — the raw parser: SQL text to raw parse trees.
 *
 * raw_parser() is the only way SQL text enters the system: the simple and
 * extended query protocols, SPI, PREPARE and views all call it.  It does
 * syntax only (no catalog access): its output is a List of RawStmt, one
 * per statement of the string, each holding the statement's raw tree
 * (SelectStmt, InsertStmt, CreateStmt … from nodes/parsenodes.h) and the
 * statement's text bounds.  Bad input is an ERROR with PostgreSQL 15's
 * message and cursor position ("syntax error at or near …", 42601); a
 * statement PostgreSQL accepts but Tusk cannot yet parse is an ERROR
 * 0A000 "… is not supported yet", raised only if the rest of the string
 * parses.  The trees are allocated in CurrentMemoryContext.
 *
 * See doc/parser/README.md for how the lexer and parser work.
 *
 * Principal entry points: raw_parser; the GUC variables the lexer reads.
 */
#ifndef TUSK_PARSER_PARSER_H
#define TUSK_PARSER_PARSER_H

#include "nodes/parsenodes.h"

/* PostgreSQL's RawParseMode; Tusk's parser implements RAW_PARSE_DEFAULT. */
typedef enum RawParseMode
{
	RAW_PARSE_DEFAULT = 0
} RawParseMode;

/* backslash_quote's values. */
typedef enum BackslashQuoteType
{
	BACKSLASH_QUOTE_OFF,
	BACKSLASH_QUOTE_ON,
	BACKSLASH_QUOTE_SAFE_ENCODING
} BackslashQuoteType;

#ifdef __cplusplus
extern "C" {
#endif

/* GUC variables read by the lexer. */
extern PGDLLIMPORT bool standard_conforming_strings; /* '\' is an ordinary character in '…' */
extern PGDLLIMPORT bool escape_string_warning;		 /* warn on '\' in '…' when it is not */
extern PGDLLIMPORT int backslash_quote;				 /* BackslashQuoteType: is \' allowed */

/* Parse a query string into a List of RawStmt (NIL for an empty string or
 * one with only comments and semicolons).  ERROR on bad input. */
extern List *raw_parser(const char *str);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_PARSER_PARSER_H */
