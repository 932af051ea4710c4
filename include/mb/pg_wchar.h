/*
 * mb/pg_wchar.h — multibyte encoding checks (PostgreSQL's pg_wchar.h).
 *
 * The server encoding is UTF8, and so is every client's, so the only
 * check is that bytes entering the server are valid UTF-8.  Defined in
 * backend/parser/scan.cpp, beside the lexer that checks string literals.
 */
#ifndef TUSK_MB_PG_WCHAR_H
#define TUSK_MB_PG_WCHAR_H

#include "c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Whether mbstr[0..len) is valid UTF-8 without NUL bytes; when it is not
 * and noError is false, ERROR 22021 "invalid byte sequence for encoding
 * \"UTF8\": 0x…" naming the first bad sequence. */
extern bool pg_verifymbstr(const char *mbstr, int len, bool noError);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_MB_PG_WCHAR_H */
