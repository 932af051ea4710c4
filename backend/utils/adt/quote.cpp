/*
 * quote.cpp — quoting identifiers and literals for SQL text:
 * quote_ident, quote_literal, and the helpers quote_identifier and
 * quote_literal_cstr other code uses to build SQL.
 *
 * An identifier stays bare only if it is a lower-case identifier
 * (a-z or _ first, then a-z, 0-9, _) and not a keyword that is reserved
 * in any way — the keywords PostgreSQL 15's grammar lists as reserved,
 * column-name or type/function-name keywords (kNeedsQuotes below).
 * quote_all_identifiers (false by default) quotes every identifier.  A
 * literal holding a backslash is written E'...', with backslashes and
 * quotes doubled.
 *
 * Principal entry points: quote_ident, quote_literal (SQL-callable),
 * quote_identifier, quote_literal_cstr.
 */
#include "postgres.h"

#include <algorithm>
#include <iterator>

#include "utils/builtins.h"

bool quote_all_identifiers = false;

namespace {

/* PostgreSQL 15's keywords that are not UNRESERVED_KEYWORD, sorted
 * (strcmp order) for binary search.  (A table: kept out of clang-format.) */
/* clang-format off */
const char *const kNeedsQuotes[] = {
	"all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
	"authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
	"char", "character", "check", "coalesce", "collate", "collation", "column",
	"concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
	"current_role", "current_schema", "current_time", "current_timestamp", "current_user",
	"dec", "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end",
	"except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze",
	"from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
	"initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
	"isnull", "join", "lateral", "leading", "least", "left", "like", "limit", "localtime",
	"localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull",
	"null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer",
	"overlaps", "overlay", "placing", "position", "precision", "primary", "real",
	"references", "returning", "right", "row", "select", "session_user", "setof", "similar",
	"smallint", "some", "substring", "symmetric", "table", "tablesample", "then", "time",
	"timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user",
	"using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with",
	"xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
	"xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
};
/* clang-format on */

bool NeedsQuotesAsKeyword(const char *ident)
{
	return std::binary_search(std::begin(kNeedsQuotes), std::end(kNeedsQuotes), ident,
							  [](const char *a, const char *b) { return strcmp(a, b) < 0; });
}

}  // namespace

/* Returns ident itself when it can stand bare, else a palloc'd quoted
 * copy with embedded double quotes doubled. */
const char *quote_identifier(const char *ident)
{
	bool safe = (ident[0] >= 'a' && ident[0] <= 'z') || ident[0] == '_';
	int nquotes = 0;
	for (const char *p = ident; *p != '\0'; p++)
	{
		char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
			continue;
		safe = false;
		if (c == '"')
			nquotes++;
	}
	if (quote_all_identifiers)
		safe = false;
	if (safe && NeedsQuotesAsKeyword(ident))
		safe = false;
	if (safe)
		return ident;

	char *result = static_cast<char *>(palloc(strlen(ident) + nquotes + 3));
	char *out = result;
	*out++ = '"';
	for (const char *p = ident; *p != '\0'; p++)
	{
		if (*p == '"')
			*out++ = '"';
		*out++ = *p;
	}
	*out++ = '"';
	*out = '\0';
	return result;
}

namespace {

/* rawstr[0..len) as a literal at dst (room for 2 * len + 3 bytes plus a
 * NUL); the length written. */
size_t QuoteLiteral(char *dst, const char *rawstr, size_t len)
{
	char *out = dst;
	if (memchr(rawstr, '\\', len) != nullptr)
		*out++ = 'E';
	*out++ = '\'';
	for (size_t i = 0; i < len; i++)
	{
		if (rawstr[i] == '\'' || rawstr[i] == '\\')
			*out++ = rawstr[i];
		*out++ = rawstr[i];
	}
	*out++ = '\'';
	*out = '\0';
	return out - dst;
}

}  // namespace

char *quote_literal_cstr(const char *rawstr)
{
	size_t len = strlen(rawstr);
	char *result = static_cast<char *>(palloc(len * 2 + 4));
	QuoteLiteral(result, rawstr, len);
	return result;
}

/* quote_ident(text) */
Datum quote_ident(PG_FUNCTION_ARGS)
{
	char *s = text_to_cstring(PG_GETARG_TEXT_PP(0));
	PG_RETURN_TEXT_P(cstring_to_text(quote_identifier(s)));
}

/* quote_literal(text) */
Datum quote_literal(PG_FUNCTION_ARGS)
{
	text *t = PG_GETARG_TEXT_PP(0);
	size_t len = VARSIZE_ANY_EXHDR(t);
	char *buf = static_cast<char *>(palloc(len * 2 + 4));
	size_t n = QuoteLiteral(buf, VARDATA_ANY(t), len);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, static_cast<int>(n)));
}
