#!/usr/bin/env bash
# The parser against PostgreSQL 15's (libpg_query's raw_parser) on the
# statements of parser_statements.sql (pgbench's, a TPC-H query, a psql
# catalog query, a CREATE TABLE, a long IN list): builds bench_parser and
# bench_pg_parser in a release build directory (build-release, created if
# missing; only the benchmarks and the backend library are compiled), runs
# both and prints nanoseconds per parse and the ratio per statement.
#
#   regress/bench/parser.sh [MILLISECONDS_PER_ROUND]
#
# TUSK_RELEASE_BUILD_DIR overrides the build directory; TUSK_MESON_ARGS
# adds meson setup arguments.  Needs libpg-query-dev.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${TUSK_RELEASE_BUILD_DIR:-build-release}
if [ ! -f "$build/build.ninja" ]; then
  # shellcheck disable=SC2086
  meson setup "$build" -Dbuildtype=release ${TUSK_MESON_ARGS:-} >/dev/null
fi
meson compile -C "$build" bench_parser bench_pg_parser >/dev/null
stmts=regress/bench/parser_statements.sql
tusk=$("$build/regress/bench/bench_parser" "$stmts" "$@")
pg=$("$build/regress/bench/bench_pg_parser" "$stmts" "$@")
printf 'Tusk ns\tPG15 ns\tratio\tstatement\n'
paste <(cut -f1 <<<"$tusk") <(cut -f1 <<<"$pg") <(cut -f2 <<<"$tusk") |
  awk -F'\t' '{ s = $3; if (length(s) > 60) s = substr(s, 1, 57) "..."; printf "%s\t%s\t%.2f\t%s\n", $1, $2, $1 / $2, s; t += $1; p += $2 }
    END { printf "total\t\t%.2f\t(Tusk / PostgreSQL 15, all statements)\n", t / p }'
