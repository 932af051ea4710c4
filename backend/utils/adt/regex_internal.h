/*
 * regex_internal.h — PostgreSQL's regular expressions on top of PCRE2
 * (private to backend/utils/adt; see regex.cpp and regexp.cpp).
 *
 * A pattern is PostgreSQL's ARE ("advanced regular expression") syntax.
 * RegexCompile translates it into an equivalent PCRE2 pattern, checking it
 * on the way with PostgreSQL's error texts (2201B "invalid regular
 * expression: ..."), and compiles it; compiled patterns are kept in a small
 * per-backend cache, as PostgreSQL keeps its compiled regexes, so a pattern
 * used on every row of a query is compiled once.  What still differs from
 * PostgreSQL's engine is listed in doc/utils/adt/README.md.
 *
 * Entry points: ParseRegexFlags, RegexCompile, Regex::Match.
 */
#ifndef TUSK_BACKEND_UTILS_ADT_REGEX_INTERNAL_H
#define TUSK_BACKEND_UTILS_ADT_REGEX_INTERNAL_H

#include "c.h"

namespace tusk::adt {

/* Compile options, PostgreSQL's regcomp flags that Tusk supports. */
enum RegexOption : uint32
{
	kRegexIcase = 1u << 0,	  /* i: case-insensitive */
	kRegexNlStop = 1u << 1,	  /* n/p: . and [^...] do not match newline */
	kRegexNlAnch = 1u << 2,	  /* n/w: ^ and $ match at line boundaries */
	kRegexExpanded = 1u << 3, /* x: white space and #comments ignored */
	kRegexQuote = 1u << 4,	  /* q: the whole pattern is a literal string */
	kRegexBasic = 1u << 5,	  /* b: POSIX basic syntax (not supported) */
	kRegexExtended = 1u << 6, /* e: POSIX extended syntax (not supported) */
};

/* The flags argument of the regexp_* functions, parsed. */
struct RegexFlags
{
	uint32 options = 0;
	bool glob = false; /* g: every match, not just the first */
};

/* Parse a flags string (PostgreSQL's parse_re_flags): 22023 "invalid
 * regular expression option" for a letter it does not know. */
RegexFlags ParseRegexFlags(const char *flags, int len);

/* A compiled pattern.  Owned by the cache: valid until the next
 * RegexCompile call. */
class Regex
{
  public:
	virtual ~Regex() = default;

	/* Search subject[0..len) from byte offset start.  On a match, fills
	 * offsets with byte offsets (start, end) of the whole match and of each
	 * capturing group (-1, -1 for a group that took no part) and returns
	 * true.  offsets must have room for 2 * (Groups() + 1) entries. */
	virtual bool Match(const char *subject, int len, int start, int *offsets) const = 0;

	/* The number of capturing groups. */
	virtual int Groups() const = 0;
};

/* The compiled form of pattern[0..len) with options: from the cache, or
 * translated and compiled now.  Errors are 2201B "invalid regular
 * expression: ..." with PostgreSQL's texts, 0A000 for what Tusk does not
 * support. */
const Regex &RegexCompile(const char *pattern, int len, uint32 options);

}  // namespace tusk::adt

#endif
