/*
 * differential_test.cpp — Tusk's parser against PostgreSQL 15's own
 * (libpg_query, via the pg_oracle program) over regress/parser/corpus and
 * mutations of each case: both accept with the same tree, or both reject
 * with the error at the same position (see regress/parser/differential.h).
 * Skipped when libpg_query is not installed.
 */
#include "unit_test.h"

#include <cstdio>

#include "differential.h"
#include "differential_config.h"
#include "utils/elog.h"
#include "utils/guc.h"

using namespace tusk::regress;

namespace {

/* Mutations per corpus case. */
constexpr int kMutations = 6;

}  // namespace

TEST_CASE("the parser agrees with PostgreSQL 15's on the corpus and its mutations",
		  "[parser][differential]")
{
	if (TUSK_PG_ORACLE[0] == '\0')
	{
		WARN("libpg_query is not installed: the differential test is skipped");
		return;
	}
	std::vector<std::string> base = LoadCorpus(TUSK_PARSER_CORPUS_DIR);
	REQUIRE(base.size() >= 2000);
	std::vector<std::string> cases = base;
	for (size_t i = 0; i < base.size(); i++)
	{
		auto m = Mutations(base[i], static_cast<unsigned>(i), kMutations);
		cases.insert(cases.end(), m.begin(), m.end());
	}
	/* the corpus's deliberate GLOBAL TEMP and backslash warnings are not news */
	int saved_log_min_messages = log_min_messages;
	log_min_messages = ERROR;
	DiffStats stats = RunDifferential(TUSK_PG_ORACLE, cases, 50);
	log_min_messages = saved_log_min_messages;
	printf("parser differential test: %s\n", Summary(stats).c_str());
	for (const auto &f : stats.failures)
		UNSCOPED_INFO(f);
	REQUIRE(stats.total == static_cast<int>(cases.size()));
	REQUIRE(stats.failures.empty());
	/* the statements Tusk supports are by far the most of the corpus */
	REQUIRE(stats.counts[static_cast<int>(Verdict::kUnsupported)] < stats.total / 10);
}
