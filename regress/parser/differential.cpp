/*
 * differential.cpp — the parser's differential test machinery (see
 * differential.h).
 */
#include "differential.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

#include "parser/gram.h" /* backend/parser/gram.h */
#include "parser/parser.h"
#include "parser/scan.h" /* backend/parser/scan.h */
#include "pg_json.h"
#include "utils/error/error.h"
#include "utils/memutils.h"

namespace tusk::regress {

namespace {

std::string DecodeEscapes(const std::string &line)
{
	std::string out;
	for (size_t i = 1; i < line.size(); i++)
	{
		if (line[i] == '\\' && i + 1 < line.size())
		{
			char c = line[++i];
			out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
		}
		else
			out += line[i];
	}
	return out;
}

/* Token boundaries of sql by Tusk's lexer: [start, end) byte ranges. */
std::vector<std::pair<int, int>> Tokens(const std::string &sql)
{
	std::vector<std::pair<int, int>> result;
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "mutations",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	try
	{
		parser::Lexer lex(sql.c_str());
		for (;;)
		{
			parser::Token t = lex.Next();
			if (t.type == parser::TOK_EOF || t.type == parser::TOK_ERROR)
				break;
			result.emplace_back(t.loc, t.end);
		}
	}
	catch (const error::PgError &)
	{
		result.clear();
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return result;
}

std::string Describe(const std::string &sql, const ParseOutcome &pg, const ParseOutcome &tusk)
{
	std::ostringstream s;
	s << "SQL: " << sql << "\n";
	s << "  pg:   " << (pg.ok ? "OK " : "ERR ") << (pg.ok ? "" : std::to_string(pg.cursorpos) + " ")
	  << pg.text << "\n";
	s << "  tusk: " << (tusk.ok ? "OK " : "ERR ")
	  << (tusk.ok ? "" : std::to_string(tusk.cursorpos) + " ") << tusk.text << "\n";
	return s.str();
}

/* Whether a string literal of sql continues past a -- comment. */
bool HasCommentInStringContinuation(const std::string &sql)
{
	bool found = false;
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "deviation",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	try
	{
		parser::Lexer lex(sql.c_str());
		for (;;)
		{
			parser::Token t = lex.Next();
			if (t.type == parser::TOK_EOF || t.type == parser::TOK_ERROR)
				break;
			if (t.type != parser::SCONST && t.type != parser::BCONST && t.type != parser::XCONST)
				continue;
			bool quoted = false;
			for (int i = t.loc; i < t.end; i++)
			{
				if (sql[i] == '\'')
					quoted = !quoted;
				else if (!quoted && sql[i] == '-' && i + 1 < t.end && sql[i + 1] == '-')
					found = true;
			}
		}
	}
	catch (const error::PgError &)
	{}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return found;
}

}  // namespace

const char *KnownOracleDeviation(const std::string &sql, const ParseOutcome &pg,
								 const ParseOutcome &tusk)
{
	if (!tusk.ok && tusk.text.find("at or near \"$") != std::string::npos &&
		tusk.text.size() > tusk.text.find("\"$") + 2 &&
		isdigit(static_cast<unsigned char>(tusk.text[tusk.text.find("\"$") + 2])) &&
		(pg.ok || pg.cursorpos > tusk.cursorpos))
		return "libpg_query accepts a parameter after a type name (type $1), PostgreSQL does not";
	if (!pg.ok && HasCommentInStringContinuation(sql))
		return "libpg_query lexes comments as tokens (string continued after a comment)";
	std::string lower = sql;
	for (char &c : lower)
		c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
	std::string pg_lower = pg.text;
	for (char &c : pg_lower)
		c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
	if (!pg.ok &&
		(pg_lower.find("near \"logged\"") != std::string::npos ||
		 pg_lower.find("near \"unlogged\"") != std::string::npos) &&
		lower.find("sequence") != std::string::npos)
		return "sequence options LOGGED/UNLOGGED are newer than libpg_query's PostgreSQL 15.1";
	/* Not libpg_query's: Tusk's own documented difference (doc/sql.md). */
	if (pg.ok && tusk.ok && pg.text.find("\"sql_body\"") != std::string::npos &&
		tusk.text.find("\"sql_body\":{\"String\"") != std::string::npos)
		return "Tusk keeps a RETURN or BEGIN ATOMIC function body as its SQL text";
	return nullptr;
}

std::vector<std::string> LoadCorpus(const std::string &dir)
{
	std::vector<std::string> files;
	if (DIR *d = opendir(dir.c_str()))
	{
		while (dirent *e = readdir(d))
		{
			std::string name = e->d_name;
			if (name.size() > 4 && name.substr(name.size() - 4) == ".sql")
				files.push_back(dir + "/" + name);
		}
		closedir(d);
	}
	std::sort(files.begin(), files.end());
	std::vector<std::string> cases;
	for (const auto &f : files)
	{
		std::ifstream in(f);
		std::string line;
		while (std::getline(in, line))
		{
			if (line.empty() || line[0] == '#')
				continue;
			cases.push_back(line[0] == '\\' ? DecodeEscapes(line) : line);
		}
	}
	return cases;
}

std::vector<std::string> Mutations(const std::string &sql, unsigned seed, int count)
{
	std::vector<std::string> result;
	auto toks = Tokens(sql);
	if (toks.empty())
		return result;
	std::mt19937 rng(seed);
	int n = static_cast<int>(toks.size());
	for (int k = 0; k < count; k++)
	{
		int i = static_cast<int>(rng() % n);
		auto [s, e] = toks[i];
		std::string m;
		auto [sj, ej] = toks[rng() % n]; /* another token of the statement */
		switch (rng() % 6)
		{
			case 4: /* insert token j before token i */
				m = sql.substr(0, s) + sql.substr(sj, ej - sj) + " " + sql.substr(s);
				break;
			case 5: /* replace token i by token j */
				m = sql.substr(0, s) + sql.substr(sj, ej - sj) + sql.substr(e);
				break;
			case 0: /* drop token i */
				m = sql.substr(0, s) + sql.substr(e);
				break;
			case 1: /* duplicate token i */
				m = sql.substr(0, e) + " " + sql.substr(s, e - s) + sql.substr(e);
				break;
			case 2: /* swap tokens i and i+1 */
				if (i + 1 >= n)
					continue;
				{
					auto [s2, e2] = toks[i + 1];
					m = sql.substr(0, s) + sql.substr(s2, e2 - s2) + sql.substr(e, s2 - e) +
						sql.substr(s, e - s) + sql.substr(e2);
				}
				break;
			default: /* cut after token i */
				m = sql.substr(0, e);
				break;
		}
		if (m != sql && std::find(result.begin(), result.end(), m) == result.end())
			result.push_back(m);
	}
	return result;
}

std::vector<ParseOutcome> RunOracle(const std::string &oracle_path,
									const std::vector<std::string> &cases)
{
	char path[] = "/tmp/tusk_parser_cases.XXXXXX";
	int fd = mkstemp(path);
	std::vector<ParseOutcome> result;
	if (fd < 0)
		return result;
	FILE *f = fdopen(fd, "wb");
	for (const auto &c : cases)
		fprintf(f, "%zu\n%s\n", c.size(), c.c_str());
	fclose(f);
	std::string cmd = oracle_path + " " + path;
	FILE *p = popen(cmd.c_str(), "r");
	if (p != nullptr)
	{
		char status[8];
		int pos;
		size_t len;
		while (fscanf(p, "%7s %d %zu", status, &pos, &len) == 3)
		{
			fgetc(p);
			std::string text(len, '\0');
			if (len > 0 && fread(text.data(), 1, len, p) != len)
				break;
			fgetc(p);
			ParseOutcome o;
			o.ok = strcmp(status, "OK") == 0;
			o.cursorpos = pos;
			o.text = o.ok ? CanonicalJson(text) : text;
			result.push_back(o);
		}
		pclose(p);
	}
	unlink(path);
	return result;
}

ParseOutcome RunTusk(const std::string &sql)
{
	ParseOutcome o;
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "parse", ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	/* raw_parser is Parser::ParseStatements; the parser itself is used here
	 * to learn whether an unsupported statement was skipped even when an
	 * error elsewhere ended the parse (then PostgreSQL's verdict may concern
	 * the skipped text). */
	parser::Parser p(sql.c_str());
	try
	{
		List *stmts = p.ParseStatements();
		o.ok = true;
		o.text = CanonicalJson(RawStmtsToPgJson(stmts));
	}
	catch (const error::PgError &e)
	{
		o.ok = false;
		o.cursorpos = e.data().cursorpos;
		o.text = e.data().message;
		o.sqlstate = error::UnpackSqlState(e.data().sqlerrcode);
		o.unsupported = p.unsupported() != nullptr;
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return o;
}

Verdict Compare(const ParseOutcome &pg, const ParseOutcome &tusk)
{
	/* An error after a skipped unsupported statement counts as "not
	 * supported" unless it agrees with PostgreSQL's anyway. */
	if (tusk.unsupported && (tusk.sqlstate == "0A000" || pg.ok || pg.cursorpos != tusk.cursorpos))
		return Verdict::kUnsupported;
	if (pg.ok && tusk.ok)
		return pg.text == tusk.text ? Verdict::kTreeMatch : Verdict::kTreeMismatch;
	if (!pg.ok && !tusk.ok)
		return pg.cursorpos == tusk.cursorpos ? Verdict::kRejectMatch : Verdict::kPositionMismatch;
	return tusk.ok ? Verdict::kTuskOnlyAccepts : Verdict::kTuskOnlyRejects;
}

DiffStats RunDifferential(const std::string &oracle_path, const std::vector<std::string> &cases,
						  int max_failures)
{
	DiffStats stats;
	std::vector<ParseOutcome> pg = RunOracle(oracle_path, cases);
	stats.total = static_cast<int>(cases.size());
	if (pg.size() != cases.size())
	{
		stats.failures.push_back("the oracle answered " + std::to_string(pg.size()) + " of " +
								 std::to_string(cases.size()) + " cases");
		return stats;
	}
	for (size_t i = 0; i < cases.size(); i++)
	{
		ParseOutcome t = RunTusk(cases[i]);
		Verdict v = Compare(pg[i], t);
		bool bad = v == Verdict::kTreeMismatch || v == Verdict::kPositionMismatch ||
			v == Verdict::kTuskOnlyAccepts || v == Verdict::kTuskOnlyRejects;
		if (bad && KnownOracleDeviation(cases[i], pg[i], t) != nullptr)
		{
			v = Verdict::kOracleDeviation;
			bad = false;
		}
		stats.counts[static_cast<int>(v)]++;
		if (bad && static_cast<int>(stats.failures.size()) < max_failures)
			stats.failures.push_back(Describe(cases[i], pg[i], t));
	}
	return stats;
}

std::string Summary(const DiffStats &s)
{
	std::ostringstream o;
	o << s.total << " cases: " << s.counts[0] << " accepted by both with the same tree, "
	  << s.counts[1] << " with different trees; " << s.counts[2]
	  << " rejected by both at the same position, " << s.counts[3] << " at different positions; "
	  << s.counts[4] << " accepted only by Tusk, " << s.counts[5] << " rejected only by Tusk; "
	  << s.counts[6] << " not supported yet by Tusk; " << s.counts[7]
	  << " known differences of libpg_query from PostgreSQL 15";
	return o.str();
}

}  // namespace tusk::regress
