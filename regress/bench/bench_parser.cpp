/*
 * bench_parser.cpp — Tusk's side of the parser benchmark (parser.sh):
 * raw_parser on each statement of a file, one statement per line.
 *
 *   bench_parser STATEMENTS_FILE [MILLISECONDS_PER_ROUND]
 *
 * Each statement is parsed over and over in a fresh memory context (created
 * and deleted around each parse, as the backend resets MessageContext per
 * message) for five rounds of the given length (default 200 ms); the
 * fastest round counts.  Prints "ns_per_parse<TAB>statement" per line.
 * bench_pg_parser.c does the same with PostgreSQL 15's raw_parser.
 */
#include "postgres.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "miscadmin.h"
#include "parser/parser.h"
#include "utils/error/error.h"
#include "utils/memutils.h"

int main(int argc, char **argv)
{
	if (argc < 2)
	{
		fprintf(stderr, "usage: bench_parser STATEMENTS_FILE [MILLISECONDS_PER_ROUND]\n");
		return 2;
	}
	MemoryContextInit();
	MyProcPid = getpid();
	tusk::error::ErrorHandlerScope scope;
	double round_ms = argc > 2 ? atof(argv[2]) : 200.0;
	std::ifstream in(argv[1]);
	std::string line;
	while (std::getline(in, line))
	{
		if (line.empty())
			continue;
		double best = 1e300;
		for (int round = 0; round < 5; round++)
		{
			auto start = std::chrono::steady_clock::now();
			long n = 0;
			double elapsed_ns;
			do
			{
				for (int i = 0; i < 100; i++)
				{
					MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "parse",
															  ALLOCSET_DEFAULT_SIZES);
					MemoryContext old = MemoryContextSwitchTo(cxt);
					List *stmts = raw_parser(line.c_str());
					if (stmts == NIL)
						abort();
					MemoryContextSwitchTo(old);
					MemoryContextDelete(cxt);
				}
				n += 100;
				elapsed_ns = std::chrono::duration<double, std::nano>(
								 std::chrono::steady_clock::now() - start)
								 .count();
			} while (elapsed_ns < round_ms * 1e6);
			if (elapsed_ns / n < best)
				best = elapsed_ns / n;
		}
		printf("%.0f\t%s\n", best, line.c_str());
	}
	return 0;
}
