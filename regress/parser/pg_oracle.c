/*
 * pg_oracle.c — PostgreSQL 15's own parser (libpg_query) as an oracle for
 * the parser's differential test (regress/unit/parser/differential_test.cpp).
 *
 * Kept out of the test program on purpose: libpg_query exports
 * PostgreSQL's symbols (palloc, errstart …), which must not meet Tusk's in
 * one process.
 *
 * Input (the file named by argv[1], or stdin): cases, each "<length>\n"
 * followed by that many bytes of SQL and a newline.  Output (stdout), per
 * case: "OK 0 <length>\n<JSON parse tree>\n" or
 * "ERR <cursorpos> <length>\n<message>\n".
 */
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	FILE *in = argc > 1 ? fopen(argv[1], "rb") : stdin;
	if (in == NULL)
	{
		perror(argv[1]);
		return 2;
	}
	long len;
	while (fscanf(in, "%ld", &len) == 1)
	{
		if (fgetc(in) != '\n' || len < 0)
			return 2;
		char *sql = malloc((size_t) len + 1);
		if (sql == NULL || fread(sql, 1, (size_t) len, in) != (size_t) len)
			return 2;
		sql[len] = '\0';
		fgetc(in);
		PgQueryParseResult r = pg_query_parse(sql);
		if (r.error)
			printf("ERR %d %zu\n%s\n", r.error->cursorpos, strlen(r.error->message),
				   r.error->message);
		else
			printf("OK 0 %zu\n%s\n", strlen(r.parse_tree), r.parse_tree);
		pg_query_free_parse_result(r);
		free(sql);
	}
	fflush(stdout);
	return 0;
}
