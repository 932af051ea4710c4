#!/usr/bin/env bash
# The parser against PostgreSQL 15's (libpg_query's raw_parser) on the
# statements of parser_statements.sql (pgbench's, a TPC-H query, a psql
# catalog query, a CREATE TABLE, a long IN list): builds bench_parser and
# bench_pg_parser in a release build directory (build-release, created if
# missing; only the benchmarks and the backend library are compiled), runs
# each three times, alternating, and prints the fastest nanoseconds per parse
# of each and their ratio per statement.
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
# Three runs of each, alternating, so a noisy neighbour hurts both alike;
# the fastest per statement counts.
tusk=""
pg=""
for _ in 1 2 3; do
  tusk+=$("$build/regress/bench/bench_parser" "$stmts" "$@")$'\n'
  pg+=$("$build/regress/bench/bench_pg_parser" "$stmts" "$@")$'\n'
done
best() { awk -F'\t' 'NF == 2 { if (!($2 in m) || $1 < m[$2]) m[$2] = $1; if (!($2 in o)) o[$2] = n++ }
  END { for (s in o) print o[s] "\t" m[s] "\t" s }' | sort -n | cut -f2-; }
tusk=$(best <<<"$tusk")
pg=$(best <<<"$pg")
printf 'Tusk ns\tPG15 ns\tratio\tstatement\n'
paste <(cut -f1 <<<"$tusk") <(cut -f1 <<<"$pg") <(cut -f2 <<<"$tusk") |
  awk -F'\t' '{ s = $3; if (length(s) > 60) s = substr(s, 1, 57) "..."; printf "%s\t%s\t%.2f\t%s\n", $1, $2, $1 / $2, s; t += $1; p += $2 }
    END { printf "total\t\t%.2f\t(Tusk / PostgreSQL 15, all statements)\n", t / p }'
