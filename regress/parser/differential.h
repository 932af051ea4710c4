/*
 * regress/parser/differential.h — comparing Tusk's parser with PostgreSQL
 * 15's (libpg_query, run as the pg_oracle program) over a corpus.
 *
 * For each case (an SQL string): both accept and print the same tree
 * (pg_json.h), or both reject with an error at the same cursor position.
 * Cases Tusk rejects as "… is not supported yet" (0A000) are counted apart.
 * The corpus is the .sql files in regress/parser/corpus (one case per line, see
 * LoadCorpus) plus mutations of each case (a token dropped, duplicated,
 * swapped with the next, replaced by or preceded by another token of the
 * case, or the text cut after a token), whose acceptance the oracle decides.
 *
 * Principal entry points: LoadCorpus, Mutations, RunOracle, RunTusk,
 * Compare, Summary.
 */
#ifndef TUSK_REGRESS_PARSER_DIFFERENTIAL_H
#define TUSK_REGRESS_PARSER_DIFFERENTIAL_H

#include <string>
#include <vector>

namespace tusk::regress {

struct ParseOutcome
{
	bool ok = false;
	bool unsupported = false; /* Tusk's 0A000 "… is not supported yet" */
	int cursorpos = 0;
	std::string text; /* canonical JSON tree, or the error message */
	std::string sqlstate;
};

/* Cases from every .sql file in the directory dir (sorted by name).  One
 * case per line; empty lines and lines starting with "#" are skipped; a
 * line starting with "\" has its escapes \n, \t, \r and \\ decoded. */
std::vector<std::string> LoadCorpus(const std::string &dir);

/* Up to count mutations of sql (deterministic for a given seed). */
std::vector<std::string> Mutations(const std::string &sql, unsigned seed, int count);

/* PostgreSQL's verdict on each case (runs the pg_oracle program). */
std::vector<ParseOutcome> RunOracle(const std::string &oracle_path,
									const std::vector<std::string> &cases);

/* Tusk's verdict on one case (raw_parser in a scratch memory context). */
ParseOutcome RunTusk(const std::string &sql);

enum class Verdict
{
	kTreeMatch,		   /* both accept, same tree */
	kTreeMismatch,	   /* both accept, trees differ */
	kRejectMatch,	   /* both reject at the same position */
	kPositionMismatch, /* both reject, at different positions */
	kTuskOnlyAccepts,
	kTuskOnlyRejects,
	kUnsupported,	 /* Tusk: not supported yet */
	kOracleDeviation /* a disagreement where libpg_query is known to differ from
						PostgreSQL 15 (KnownOracleDeviation) */
};

/* Why a disagreement is not Tusk's: libpg_query 15-4.0.0 (PostgreSQL
 * 15.1's grammar, with its own lexer patch) differs from PostgreSQL 15.18
 * in three ways the corpus meets:
 *   - it lexes comments as tokens, so a string continued on the next line
 *     after a -- comment ('a' -- c <newline> 'b') is a syntax error there;
 *   - CREATE/ALTER SEQUENCE … LOGGED | UNLOGGED options came after 15.1;
 *   - its grammar takes a parameter after a type name like a string
 *     (interval $1, for its query normalization), PostgreSQL's does not.
 * Returns the reason, or nullptr. */
const char *KnownOracleDeviation(const std::string &sql, const ParseOutcome &pg,
								 const ParseOutcome &tusk);

Verdict Compare(const ParseOutcome &pg, const ParseOutcome &tusk);

struct DiffStats
{
	int total = 0;
	int counts[8] = {0};
	std::vector<std::string> failures; /* described, for the report */
};

/* Compare every case; stats.failures describes the disagreements (at most
 * max_failures of them). */
DiffStats RunDifferential(const std::string &oracle_path, const std::vector<std::string> &cases,
						  int max_failures);

std::string Summary(const DiffStats &stats);

}  // namespace tusk::regress

#endif /* TUSK_REGRESS_PARSER_DIFFERENTIAL_H */
