/*
 * regexp.cpp — the SQL face of regular expressions: the ~ ~* !~ !~*
 * operators on text, name and character(n), SIMILAR TO's pattern
 * conversion (similar_to_escape, similar_escape), substring(x from re),
 * and the regexp_* functions of PostgreSQL 15 (regexp_replace,
 * regexp_match, regexp_matches, regexp_split_to_table,
 * regexp_split_to_array, regexp_count, regexp_instr, regexp_like,
 * regexp_substr), with PostgreSQL's arguments, results and errors.
 *
 * Patterns are compiled (and cached) by regex.cpp; this file walks the
 * matches.  Positions the functions take and return count characters;
 * the matcher works in bytes, so they are converted here.  Matches are
 * found as PostgreSQL finds them: each search starts where the previous
 * match ended, one character further after an empty match.
 *
 * Principal entry points: the SQL-callable functions below.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "adt_utf8.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "regex_internal.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"

using tusk::adt::ParseRegexFlags;
using tusk::adt::Regex;
using tusk::adt::RegexCompile;
using tusk::adt::RegexFlags;
using tusk::adt::Utf8Advance;
using tusk::adt::Utf8CharLen;
using tusk::adt::Utf8StrLen;

namespace {

struct Str
{
	const char *p;
	int len;
};

Str TextArg(FunctionCallInfo fcinfo, int n)
{
	text *t = PG_GETARG_TEXT_PP(n);
	return {VARDATA_ANY(t), static_cast<int>(VARSIZE_ANY_EXHDR(t))};
}

Str NameArg(FunctionCallInfo fcinfo, int n)
{
	Name name = PG_GETARG_NAME(n);
	return {NameStr(*name), static_cast<int>(strlen(NameStr(*name)))};
}

const Regex &Compile(Str pattern, uint32 options)
{
	return RegexCompile(pattern.p, pattern.len, options);
}

bool Matches(Str subject, Str pattern, uint32 options)
{
	const Regex &re = Compile(pattern, options);
	std::vector<int> offsets(2 * (re.Groups() + 1));
	return re.Match(subject.p, subject.len, 0, offsets.data());
}

text *MakeText(const char *p, int len)
{
	return cstring_to_text_with_len(p, len);
}

/* The byte just after the character at byte offset pos. */
int NextCharEnd(Str s, int pos)
{
	return Min(pos + Utf8CharLen(static_cast<unsigned char>(s.p[pos])), s.len);
}

/*
 * Every match of re in s from byte offset start (just the first unless
 * glob), as PostgreSQL's setup_regexp_matches finds them.  Each match is
 * 2 * (groups + 1) byte offsets.  With ignore_degenerate (the split
 * functions), empty matches at the ends of s or just after a previous
 * match are left out.
 */
struct MatchList
{
	int groups = 0;
	std::vector<int> offsets;

	int Count() const { return static_cast<int>(offsets.size()) / (2 * (groups + 1)); }
	const int *At(int i) const
	{
		return offsets.data() + static_cast<ptrdiff_t>(i) * 2 * (groups + 1);
	}
};

MatchList FindMatches(const Regex &re, Str s, int start, bool glob, bool ignore_degenerate)
{
	MatchList list;
	list.groups = re.Groups();
	std::vector<int> cur(2 * (list.groups + 1));
	int prev_end = 0;
	int search = start;
	while (search <= s.len && re.Match(s.p, s.len, search, cur.data()))
	{
		if (!ignore_degenerate || (cur[0] < s.len && cur[1] > prev_end))
			list.offsets.insert(list.offsets.end(), cur.begin(), cur.end());
		prev_end = cur[1];
		if (!glob)
			break;
		search = prev_end;
		if (cur[0] == cur[1])
		{
			if (search >= s.len)
				break;
			search = NextCharEnd(s, search);
		}
	}
	return list;
}

/* The byte offset of 1-based character position start (past the end:
 * s.len + 1, which finds nothing). */
int StartOffset(Str s, int start)
{
	int chars = Utf8StrLen(s.p, s.len);
	if (start - 1 > chars)
		return s.len + 1;
	return Utf8Advance(s.p, s.len, start - 1);
}

RegexFlags FlagsArg(FunctionCallInfo fcinfo, int n, const char *function, bool allow_glob)
{
	if (n < 0 || PG_NARGS() <= n)
		return RegexFlags{};
	Str f = TextArg(fcinfo, n);
	RegexFlags flags = ParseRegexFlags(f.p, f.len);
	if (flags.glob && !allow_glob)
	{
		if (strcmp(function, "regexp_match") == 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("%s() does not support the \"global\" option", function),
					errhint("Use the regexp_matches function instead."));
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s() does not support the \"global\" option", function));
	}
	return flags;
}

[[noreturn]] void BadParameter(const char *name, int value)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("invalid value for parameter \"%s\": %d", name, value));
	pg_unreachable();
}

/* An int4 argument that must be at least min, or default_value when the
 * call has fewer arguments. */
int IntArg(FunctionCallInfo fcinfo, int n, const char *name, int min, int default_value)
{
	if (PG_NARGS() <= n)
		return default_value;
	int v = PG_GETARG_INT32(n);
	if (v < min)
		BadParameter(name, v);
	return v;
}

/* The groups of one match as a text[] (the whole match when the pattern
 * has no groups); groups that took no part are NULL. */
ArrayType *MatchArray(Str s, int groups, const int *m)
{
	int n = groups > 0 ? groups : 1;
	std::vector<Datum> elems(n);
	bool *nulls = static_cast<bool *>(palloc(sizeof(bool) * n));
	for (int i = 0; i < n; i++)
	{
		int g = groups > 0 ? i + 1 : 0;
		int so = m[2 * g];
		int eo = m[2 * g + 1];
		nulls[i] = so < 0;
		elems[i] = so < 0 ? static_cast<Datum>(0) : PointerGetDatum(MakeText(s.p + so, eo - so));
	}
	int dims[1] = {n};
	int lbs[1] = {1};
	return construct_md_array(elems.data(), nulls, 1, dims, lbs, TEXTOID, -1, false, 'i');
}

/* regexp_replace's work (PostgreSQL's replace_text_regex): replace the
 * n-th match from byte offset start, or every match when n is 0. */
text *Replace(Str s, Str pattern, Str replacement, uint32 options, int start, int n)
{
	const Regex &re = Compile(pattern, options);
	int groups = re.Groups();
	std::vector<int> m(2 * (groups + 1));
	std::string out;
	int copied = 0;
	int count = 0;
	int search = start;
	while (search <= s.len && re.Match(s.p, s.len, search, m.data()))
	{
		count++;
		if (n == 0 || count == n)
		{
			out.append(s.p + copied, m[0] - copied);
			for (int i = 0; i < replacement.len; i++)
			{
				char c = replacement.p[i];
				if (c != '\\' || i + 1 >= replacement.len)
				{
					out += c;
					continue;
				}
				char next = replacement.p[i + 1];
				int g = -1;
				if (next >= '1' && next <= '9')
					g = next - '0';
				else if (next == '&')
					g = 0;
				else if (next == '\\')
				{
					out += '\\';
					i++;
					continue;
				}
				else
				{
					out += c;
					continue;
				}
				i++;
				if (g <= groups && m[2 * g] >= 0)
					out.append(s.p + m[2 * g], m[2 * g + 1] - m[2 * g]);
			}
			copied = m[1];
			if (n > 0)
				break;
		}
		search = m[1];
		if (m[0] == m[1])
		{
			if (search >= s.len)
				break;
			search = NextCharEnd(s, search);
		}
	}
	out.append(s.p + copied, s.len - copied);
	return MakeText(out.data(), static_cast<int>(out.size()));
}

/*
 * SIMILAR TO's pattern as an ARE (PostgreSQL's similar_escape_internal):
 * ^(?: ... )$ around it, % and _ as .* and ., ( as a non-capturing group,
 * ARE specials quoted; escape-double-quote separators split the pattern
 * into three parts, the middle one the group substring() returns.
 */
text *SimilarToAre(Str pat, const Str *esc)
{
	if (esc != nullptr && esc->len > 0 &&
		Utf8CharLen(static_cast<unsigned char>(esc->p[0])) != esc->len)
		ereport(ERROR, errcode(ERRCODE_INVALID_ESCAPE_SEQUENCE), errmsg("invalid escape string"),
				errhint("Escape string must be empty or one character."));
	std::string out = "^(?:";
	bool after_escape = false;
	bool in_class = false;
	int class_pos = 0; /* characters since [ (a ] first, or after [^, is literal) */
	int nquotes = 0;
	int i = 0;
	while (i < pat.len)
	{
		int n = Min(Utf8CharLen(static_cast<unsigned char>(pat.p[i])), pat.len - i);
		const char *ch = pat.p + i;
		char c = *ch;
		i += n;
		if (after_escape)
		{
			if (c == '"' && !in_class)
			{
				if (nquotes == 0)
					out += "){1,1}?(";
				else if (nquotes == 1)
					out += "){1,1}(?:";
				else
					ereport(ERROR, errcode(ERRCODE_INVALID_USE_OF_ESCAPE_CHARACTER),
							errmsg("SQL regular expression may not contain more than two "
								   "escape-double-quote separators"));
				nquotes++;
			}
			else
			{
				out += '\\';
				out.append(ch, n);
			}
			after_escape = false;
		}
		else if (esc != nullptr && esc->len == n && memcmp(ch, esc->p, n) == 0)
			after_escape = true;
		else if (in_class)
		{
			if (c == '\\')
				out += '\\';
			out.append(ch, n);
			if (c == ']' && class_pos > 0)
				in_class = false;
			else if (!(c == '^' && class_pos == 0))
				class_pos++;
		}
		else if (c == '[')
		{
			out += c;
			in_class = true;
			class_pos = 0;
		}
		else if (c == '%')
			out += ".*";
		else if (c == '_')
			out += '.';
		else if (c == '(')
			out += "(?:";
		else if (c == '\\' || c == '.' || c == '^' || c == '$')
		{
			out += '\\';
			out += c;
		}
		else
			out.append(ch, n);
	}
	out += ")$";
	return MakeText(out.data(), static_cast<int>(out.size()));
}

/* substring(s from re): the first group's text, or the whole match's
 * when the pattern has no group; NULL without a match. */
Datum Substring(FunctionCallInfo fcinfo, Str s, Str pattern)
{
	const Regex &re = Compile(pattern, 0);
	std::vector<int> m(2 * (re.Groups() + 1));
	if (!re.Match(s.p, s.len, 0, m.data()))
		PG_RETURN_NULL();
	int g = re.Groups() > 0 ? 1 : 0;
	if (m[2 * g] < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(MakeText(s.p + m[2 * g], m[2 * g + 1] - m[2 * g]));
}

/* State of regexp_matches and regexp_split_to_table across calls. */
struct SrfMatches
{
	const char *subject;
	int len;
	int groups;
	int count;
	int *offsets;
};

SrfMatches *SaveMatches(FuncCallContext *funcctx, Str s, const MatchList &list)
{
	MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
	auto *state = static_cast<SrfMatches *>(palloc(sizeof(SrfMatches)));
	char *copy = static_cast<char *>(palloc(s.len + 1));
	memcpy(copy, s.p, s.len);
	state->subject = copy;
	state->len = s.len;
	state->groups = list.groups;
	state->count = list.Count();
	state->offsets = static_cast<int *>(palloc(sizeof(int) * (list.offsets.size() + 1)));
	std::copy(list.offsets.begin(), list.offsets.end(), state->offsets);
	MemoryContextSwitchTo(old);
	return state;
}

Datum RegexpMatchesCall(FunctionCallInfo fcinfo, bool has_flags)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		Str s = TextArg(fcinfo, 0);
		RegexFlags flags = FlagsArg(fcinfo, has_flags ? 2 : -1, "regexp_matches", true);
		const Regex &re = Compile(TextArg(fcinfo, 1), flags.options);
		MatchList list = FindMatches(re, s, 0, flags.glob, false);
		funcctx = SRF_FIRSTCALL_INIT();
		funcctx->user_fctx = SaveMatches(funcctx, s, list);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *state = static_cast<SrfMatches *>(funcctx->user_fctx);
	if (funcctx->call_cntr >= static_cast<uint64>(state->count))
		SRF_RETURN_DONE(funcctx);
	const int *m = state->offsets + funcctx->call_cntr * 2 * (state->groups + 1);
	SRF_RETURN_NEXT(funcctx,
					PointerGetDatum(MatchArray({state->subject, state->len}, state->groups, m)));
}

/* The pieces of s between the matches of a split. */
std::vector<Str> SplitPieces(Str s, const MatchList &list)
{
	std::vector<Str> pieces;
	int from = 0;
	for (int i = 0; i < list.Count(); i++)
	{
		const int *m = list.At(i);
		pieces.push_back({s.p + from, m[0] - from});
		from = m[1];
	}
	pieces.push_back({s.p + from, s.len - from});
	return pieces;
}

MatchList SplitMatches(FunctionCallInfo fcinfo, bool has_flags, const char *function)
{
	RegexFlags flags = FlagsArg(fcinfo, has_flags ? 2 : -1, function, false);
	const Regex &re = Compile(TextArg(fcinfo, 1), flags.options);
	return FindMatches(re, TextArg(fcinfo, 0), 0, true, true);
}

Datum SplitToTableCall(FunctionCallInfo fcinfo, bool has_flags)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		MatchList list = SplitMatches(fcinfo, has_flags, "regexp_split_to_table");
		funcctx = SRF_FIRSTCALL_INIT();
		funcctx->user_fctx = SaveMatches(funcctx, TextArg(fcinfo, 0), list);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *state = static_cast<SrfMatches *>(funcctx->user_fctx);
	auto i = static_cast<int>(funcctx->call_cntr);
	if (i > state->count)
		SRF_RETURN_DONE(funcctx);
	int width = 2 * (state->groups + 1);
	int from = i == 0 ? 0 : state->offsets[(i - 1) * width + 1];
	int to = i == state->count ? state->len : state->offsets[i * width];
	SRF_RETURN_NEXT(funcctx, PointerGetDatum(MakeText(state->subject + from, to - from)));
}

Datum SplitToArrayCall(FunctionCallInfo fcinfo, bool has_flags)
{
	Str s = TextArg(fcinfo, 0);
	std::vector<Str> pieces = SplitPieces(s,
										  SplitMatches(fcinfo, has_flags, "regexp_split_to_array"));
	std::vector<Datum> elems;
	elems.reserve(pieces.size());
	for (const Str &piece : pieces)
		elems.push_back(PointerGetDatum(MakeText(piece.p, piece.len)));
	PG_RETURN_ARRAYTYPE_P(
		construct_array(elems.data(), static_cast<int>(elems.size()), TEXTOID, -1, false, 'i'));
}

/* The matches regexp_count, regexp_instr and regexp_substr look at:
 * every one from character start (argument 2, default 1). */
MatchList AllMatchesFrom(FunctionCallInfo fcinfo, int flags_arg, const char *function)
{
	Str s = TextArg(fcinfo, 0);
	int start = IntArg(fcinfo, 2, "start", 1, 1);
	RegexFlags flags = FlagsArg(fcinfo, flags_arg, function, false);
	const Regex &re = Compile(TextArg(fcinfo, 1), flags.options);
	return FindMatches(re, s, StartOffset(s, start), true, false);
}

/* regexp_replace's common body; start_arg and n_arg are -1 when the call
 * has no such argument. */
Datum ReplaceCall(FunctionCallInfo fcinfo, int start_arg, int n_arg, int flags_arg)
{
	Str s = TextArg(fcinfo, 0);
	int start = start_arg >= 0 ? IntArg(fcinfo, start_arg, "start", 1, 1) : 1;
	int n = n_arg >= 0 ? IntArg(fcinfo, n_arg, "n", 0, 1) : -1;
	RegexFlags flags = FlagsArg(fcinfo, flags_arg, "regexp_replace", true);
	if (n < 0)
		n = flags.glob ? 0 : 1;
	PG_RETURN_TEXT_P(Replace(s, TextArg(fcinfo, 1), TextArg(fcinfo, 2), flags.options,
							 StartOffset(s, start), n));
}

}  // namespace

/* text ~ text, and character(n) ~ text (bpcharregexeq) */
Datum textregexeq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Matches(TextArg(fcinfo, 0), TextArg(fcinfo, 1), 0));
}

Datum textregexne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Matches(TextArg(fcinfo, 0), TextArg(fcinfo, 1), 0));
}

Datum texticregexeq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Matches(TextArg(fcinfo, 0), TextArg(fcinfo, 1), tusk::adt::kRegexIcase));
}

Datum texticregexne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Matches(TextArg(fcinfo, 0), TextArg(fcinfo, 1), tusk::adt::kRegexIcase));
}

Datum nameregexeq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Matches(NameArg(fcinfo, 0), TextArg(fcinfo, 1), 0));
}

Datum nameregexne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Matches(NameArg(fcinfo, 0), TextArg(fcinfo, 1), 0));
}

Datum nameicregexeq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Matches(NameArg(fcinfo, 0), TextArg(fcinfo, 1), tusk::adt::kRegexIcase));
}

Datum nameicregexne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Matches(NameArg(fcinfo, 0), TextArg(fcinfo, 1), tusk::adt::kRegexIcase));
}

/* similar_to_escape(pattern): SIMILAR TO without ESCAPE (escape \) */
Datum similar_to_escape_1(PG_FUNCTION_ARGS)
{
	Str esc{"\\", 1};
	PG_RETURN_TEXT_P(SimilarToAre(TextArg(fcinfo, 0), &esc));
}

/* similar_to_escape(pattern, escape); an empty escape turns escaping off */
Datum similar_to_escape_2(PG_FUNCTION_ARGS)
{
	Str esc = TextArg(fcinfo, 1);
	PG_RETURN_TEXT_P(SimilarToAre(TextArg(fcinfo, 0), esc.len > 0 ? &esc : nullptr));
}

/* similar_escape(pattern, escape): the older, non-strict form; a NULL
 * escape means the default backslash */
Datum similar_escape(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	Str esc{"\\", 1};
	if (!PG_ARGISNULL(1))
		esc = TextArg(fcinfo, 1);
	PG_RETURN_TEXT_P(SimilarToAre(TextArg(fcinfo, 0), esc.len > 0 ? &esc : nullptr));
}

/* substring(text from pattern) */
Datum textregexsubstr(PG_FUNCTION_ARGS)
{
	return Substring(fcinfo, TextArg(fcinfo, 0), TextArg(fcinfo, 1));
}

/* regexp_replace(source, pattern, replacement) */
Datum textregexreplace_noopt(PG_FUNCTION_ARGS)
{
	return ReplaceCall(fcinfo, -1, -1, -1);
}

/* regexp_replace(source, pattern, replacement, flags) */
Datum textregexreplace(PG_FUNCTION_ARGS)
{
	/* A fourth argument of unknown type chooses this form; if it looks
	 * like a number, the caller most likely meant the start form. */
	Str flags = TextArg(fcinfo, 3);
	if (flags.len > 0 && flags.p[0] >= '0' && flags.p[0] <= '9')
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid regular expression option: \"%.*s\"",
					   Min(Utf8CharLen(static_cast<unsigned char>(flags.p[0])), flags.len),
					   flags.p),
				errhint("If you meant to use regexp_replace() with a start parameter, cast the "
						"fourth argument to integer explicitly."));
	return ReplaceCall(fcinfo, -1, -1, 3);
}

/* regexp_replace(source, pattern, replacement, start, n, flags) */
Datum textregexreplace_extended(PG_FUNCTION_ARGS)
{
	return ReplaceCall(fcinfo, 3, 4, 5);
}

Datum textregexreplace_extended_no_flags(PG_FUNCTION_ARGS)
{
	return ReplaceCall(fcinfo, 3, 4, -1);
}

Datum textregexreplace_extended_no_n(PG_FUNCTION_ARGS)
{
	return ReplaceCall(fcinfo, 3, -1, -1);
}

/* regexp_match(string, pattern [, flags]): the first match's groups */
Datum regexp_match(PG_FUNCTION_ARGS)
{
	Str s = TextArg(fcinfo, 0);
	RegexFlags flags = FlagsArg(fcinfo, PG_NARGS() > 2 ? 2 : -1, "regexp_match", false);
	const Regex &re = Compile(TextArg(fcinfo, 1), flags.options);
	MatchList list = FindMatches(re, s, 0, false, false);
	if (list.Count() == 0)
		PG_RETURN_NULL();
	PG_RETURN_ARRAYTYPE_P(MatchArray(s, list.groups, list.At(0)));
}

Datum regexp_match_no_flags(PG_FUNCTION_ARGS)
{
	return regexp_match(fcinfo);
}

/* regexp_matches(string, pattern [, flags]): a row per match with g */
Datum regexp_matches(PG_FUNCTION_ARGS)
{
	return RegexpMatchesCall(fcinfo, true);
}

Datum regexp_matches_no_flags(PG_FUNCTION_ARGS)
{
	return RegexpMatchesCall(fcinfo, false);
}

Datum regexp_split_to_table(PG_FUNCTION_ARGS)
{
	return SplitToTableCall(fcinfo, true);
}

Datum regexp_split_to_table_no_flags(PG_FUNCTION_ARGS)
{
	return SplitToTableCall(fcinfo, false);
}

Datum regexp_split_to_array(PG_FUNCTION_ARGS)
{
	return SplitToArrayCall(fcinfo, true);
}

Datum regexp_split_to_array_no_flags(PG_FUNCTION_ARGS)
{
	return SplitToArrayCall(fcinfo, false);
}

/* regexp_count(string, pattern [, start [, flags]]) */
Datum regexp_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(AllMatchesFrom(fcinfo, 3, "regexp_count").Count());
}

Datum regexp_count_no_start(PG_FUNCTION_ARGS)
{
	return regexp_count(fcinfo);
}

Datum regexp_count_no_flags(PG_FUNCTION_ARGS)
{
	return regexp_count(fcinfo);
}

/* regexp_instr(string, pattern [, start [, n [, endoption [, flags [,
 * subexpr]]]]]): the character position of the n-th match (or of its
 * subexpr-th group), after it with endoption 1; 0 if there is none */
Datum regexp_instr(PG_FUNCTION_ARGS)
{
	int n = IntArg(fcinfo, 3, "n", 1, 1);
	int endoption = IntArg(fcinfo, 4, "endoption", 0, 0);
	if (endoption > 1)
		BadParameter("endoption", endoption);
	int subexpr = IntArg(fcinfo, 6, "subexpr", 0, 0);
	MatchList list = AllMatchesFrom(fcinfo, 5, "regexp_instr");
	if (n > list.Count() || subexpr > list.groups)
		PG_RETURN_INT32(0);
	int off = list.At(n - 1)[2 * subexpr + endoption];
	if (off < 0)
		PG_RETURN_INT32(0);
	Str s = TextArg(fcinfo, 0);
	PG_RETURN_INT32(Utf8StrLen(s.p, off) + 1);
}

Datum regexp_instr_no_start(PG_FUNCTION_ARGS)
{
	return regexp_instr(fcinfo);
}

Datum regexp_instr_no_n(PG_FUNCTION_ARGS)
{
	return regexp_instr(fcinfo);
}

Datum regexp_instr_no_endoption(PG_FUNCTION_ARGS)
{
	return regexp_instr(fcinfo);
}

Datum regexp_instr_no_flags(PG_FUNCTION_ARGS)
{
	return regexp_instr(fcinfo);
}

Datum regexp_instr_no_subexpr(PG_FUNCTION_ARGS)
{
	return regexp_instr(fcinfo);
}

/* regexp_like(string, pattern [, flags]) */
Datum regexp_like(PG_FUNCTION_ARGS)
{
	RegexFlags flags = FlagsArg(fcinfo, PG_NARGS() > 2 ? 2 : -1, "regexp_like", false);
	PG_RETURN_BOOL(Matches(TextArg(fcinfo, 0), TextArg(fcinfo, 1), flags.options));
}

Datum regexp_like_no_flags(PG_FUNCTION_ARGS)
{
	return regexp_like(fcinfo);
}

/* regexp_substr(string, pattern [, start [, n [, flags [, subexpr]]]]):
 * the text of the n-th match or of its subexpr-th group, NULL if none */
Datum regexp_substr(PG_FUNCTION_ARGS)
{
	int n = IntArg(fcinfo, 3, "n", 1, 1);
	int subexpr = IntArg(fcinfo, 5, "subexpr", 0, 0);
	MatchList list = AllMatchesFrom(fcinfo, 4, "regexp_substr");
	if (n > list.Count() || subexpr > list.groups)
		PG_RETURN_NULL();
	const int *m = list.At(n - 1);
	if (m[2 * subexpr] < 0)
		PG_RETURN_NULL();
	Str s = TextArg(fcinfo, 0);
	PG_RETURN_TEXT_P(MakeText(s.p + m[2 * subexpr], m[2 * subexpr + 1] - m[2 * subexpr]));
}

Datum regexp_substr_no_start(PG_FUNCTION_ARGS)
{
	return regexp_substr(fcinfo);
}

Datum regexp_substr_no_n(PG_FUNCTION_ARGS)
{
	return regexp_substr(fcinfo);
}

Datum regexp_substr_no_flags(PG_FUNCTION_ARGS)
{
	return regexp_substr(fcinfo);
}

Datum regexp_substr_no_subexpr(PG_FUNCTION_ARGS)
{
	return regexp_substr(fcinfo);
}
