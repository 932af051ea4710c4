/*
 * parser/keywords.h — PostgreSQL 15's SQL keywords and their categories,
 * for code outside the parser that must know whether a word needs quoting
 * (quote_ident, deparsing).
 *
 * Principal entry points: ScanKeywordCategory, ScanKeywordIsBareLabel.
 * The keyword list itself is backend/parser/kwlist.h.
 */
#ifndef TUSK_PARSER_KEYWORDS_H
#define TUSK_PARSER_KEYWORDS_H

#include "c.h"

/* Keyword categories (PostgreSQL's values). */
#define UNRESERVED_KEYWORD 0
#define COL_NAME_KEYWORD 1
#define TYPE_FUNC_NAME_KEYWORD 2
#define RESERVED_KEYWORD 3

#ifdef __cplusplus
extern "C" {
#endif

/* The category of word (compared case-insensitively in ASCII), or -1 if
 * it is not a keyword. */
extern int ScanKeywordCategory(const char *word);

/* Whether word is a keyword that may be a column label without AS
 * (PostgreSQL's BARE_LABEL); false for non-keywords. */
extern bool ScanKeywordIsBareLabel(const char *word);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_PARSER_KEYWORDS_H */
