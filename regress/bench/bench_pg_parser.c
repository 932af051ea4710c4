/*
 * bench_pg_parser.c — PostgreSQL 15's side of the parser benchmark
 * (parser.sh): the raw_parser of libpg_query (PostgreSQL 15's grammar and
 * lexer as a library) on each statement of a file, exactly as
 * bench_parser.cpp runs Tusk's.
 *
 *   bench_pg_parser STATEMENTS_FILE [MILLISECONDS_PER_ROUND]
 *
 * libpg_query exports raw_parser and its memory-context helpers without
 * declaring them in pg_query.h; they are declared here.
 */
/* NOLINTNEXTLINE(bugprone-reserved-identifier): the POSIX feature-test macro */
#define _POSIX_C_SOURCE 200809L
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct MemoryContextData *MemoryContext;
extern MemoryContext pg_query_enter_memory_context(void);
extern void pg_query_exit_memory_context(MemoryContext ctx);
extern void *raw_parser(const char *str, int mode); /* mode 0: RAW_PARSE_DEFAULT */

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec * 1e9 + (double) ts.tv_nsec;
}

int main(int argc, char **argv)
{
	if (argc < 2)
	{
		fprintf(stderr, "usage: bench_pg_parser STATEMENTS_FILE [MILLISECONDS_PER_ROUND]\n");
		return 2;
	}
	double round_ms = argc > 2 ? atof(argv[2]) : 200.0;
	FILE *in = fopen(argv[1], "r");
	if (in == NULL)
	{
		perror(argv[1]);
		return 2;
	}
	char line[65536];
	while (fgets(line, sizeof line, in) != NULL)
	{
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '\0')
			continue;
		double best = 1e300;
		for (int round = 0; round < 5; round++)
		{
			double start = now_ns();
			long n = 0;
			double elapsed;
			do
			{
				for (int i = 0; i < 100; i++)
				{
					MemoryContext cxt = pg_query_enter_memory_context();
					if (raw_parser(line, 0) == NULL)
						abort();
					pg_query_exit_memory_context(cxt);
				}
				n += 100;
				elapsed = now_ns() - start;
			} while (elapsed < round_ms * 1e6);
			if (elapsed / n < best)
				best = elapsed / n;
		}
		printf("%.0f\t%s\n", best, line);
	}
	fclose(in);
	return 0;
}
