/*
 * tusk_parse.cpp — a command-line view of Tusk's parser next to
 * PostgreSQL's, for working on the parser.
 *
 *   tusk_parse 'SQL'               Tusk's tree (libpg_query's JSON form) or
 *                                  error, PostgreSQL's, and whether they agree
 *   tusk_parse -c DIR [-m N] [-s SEED]
 *                                  the differential test over DIR's .sql files with
 *                                  N mutations per case (from random seed SEED,
 *                                  default 0): a summary and every disagreement
 *
 * PostgreSQL's side needs the pg_oracle program (built when libpg_query is
 * installed); its path is compiled in.
 */
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <unistd.h>

#include "differential.h"
#include "differential_config.h"
#include "miscadmin.h"
#include "utils/error/error.h"
#include "utils/memutils.h"

using namespace tusk::regress;

int main(int argc, char **argv)
{
	MemoryContextInit();
	MyProcPid = getpid();
	MyStartTime = time(nullptr);
	tusk::error::ErrorHandlerScope scope;

	if (argc >= 3 && std::string(argv[1]) == "-c")
	{
		int mutations = 0;
		unsigned seed = 0;
		for (int a = 3; a + 1 < argc; a += 2)
		{
			if (std::string(argv[a]) == "-m")
				mutations = atoi(argv[a + 1]);
			else if (std::string(argv[a]) == "-s")
				seed = static_cast<unsigned>(strtoul(argv[a + 1], nullptr, 10));
		}
		std::vector<std::string> base = LoadCorpus(argv[2]);
		std::vector<std::string> cases = base;
		for (size_t i = 0; i < base.size(); i++)
		{
			auto m = Mutations(base[i], seed * 1000003u + static_cast<unsigned>(i), mutations);
			cases.insert(cases.end(), m.begin(), m.end());
		}
		DiffStats stats = RunDifferential(TUSK_PG_ORACLE, cases, 100000);
		for (const auto &f : stats.failures)
			printf("%s\n", f.c_str());
		printf("%s\n", Summary(stats).c_str());
		return stats.failures.empty() ? 0 : 1;
	}
	if (argc != 2)
	{
		fprintf(stderr, "usage: tusk_parse 'SQL' | tusk_parse -c DIR [-m N] [-s SEED]\n");
		return 2;
	}
	std::string sql = argv[1];
	ParseOutcome t = RunTusk(sql);
	std::vector<ParseOutcome> pg = RunOracle(TUSK_PG_ORACLE, {sql});
	printf("tusk: %s %s\n", t.ok ? "OK" : ("ERR " + std::to_string(t.cursorpos)).c_str(),
		   t.text.c_str());
	if (pg.size() == 1)
	{
		printf("pg:   %s %s\n",
			   pg[0].ok ? "OK" : ("ERR " + std::to_string(pg[0].cursorpos)).c_str(),
			   pg[0].text.c_str());
		Verdict v = Compare(pg[0], t);
		if (v != Verdict::kTreeMatch && v != Verdict::kRejectMatch && v != Verdict::kUnsupported &&
			KnownOracleDeviation(sql, pg[0], t) != nullptr)
			v = Verdict::kOracleDeviation;
		static const char *const names[] = {"same tree",
											"different trees",
											"same error position",
											"different error positions",
											"only Tusk accepts",
											"only Tusk rejects",
											"not supported by Tusk",
											"known oracle deviation"};
		printf("=> %s\n", names[static_cast<int>(v)]);
	}
	return 0;
}
