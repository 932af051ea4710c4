#!/usr/bin/env bash
# regress/fuzz/run_parser_fuzz.sh — build the parser's libFuzzer target with
# clang++ in its own build directory and run it for a bounded time, seeded with
# the parser corpus and every statement of regress/sql/*.sql.  .ci/run runs it
# for 120 seconds; any crash, leak or sanitizer report fails it.
#
#   regress/fuzz/run_parser_fuzz.sh [SECONDS]     (default 60)
#   regress/fuzz/run_parser_fuzz.sh SECONDS -runs=N ...   (more libFuzzer flags)
#   build-fuzz/regress/fuzz/parser_fuzz build-fuzz/fuzz-artifacts/crash-…  (replay)
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz at the top of the tree),
# FUZZ_JOBS (ninja's -j, default 2).  The build uses -Dfuzz=true and
# -Dsanitizers=true (AddressSanitizer with leak detection,
# UndefinedBehaviorSanitizer); the seeds are the lines of
# regress/parser/corpus/*.sql and the statements of regress/sql/*.sql (psql's
# meta-commands and COPY data left out), and the dictionary PostgreSQL's
# keywords (backend/parser/kwlist.h) and operators.  Inputs found to add
# coverage stay in $FUZZ_BUILD_DIR/fuzz-corpus for the next run; a crash
# leaves its input in $FUZZ_BUILD_DIR/fuzz-artifacts/ and the exit status is
# non-zero.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
shift || true
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${FUZZ_JOBS:-2}

if [ ! -f "$build/build.ninja" ]; then
	CC=clang CXX=clang++ meson setup "$build" "$root" -Dfuzz=true -Dsanitizers=true \
		-Dtests=false -Dwerror=false -Dbuildtype=debugoptimized
fi
nice meson compile -C "$build" -j "$jobs" parser_fuzz >/dev/null

# Seeds: one file per corpus case (the corpus's "\" escape lines as written).
seeds=$build/fuzz-seeds
rm -rf "$seeds"
mkdir -p "$seeds" "$build/fuzz-corpus" "$build/fuzz-artifacts"
cat "$root"/regress/parser/corpus/*.sql | grep -v '^#' | grep -v '^$' |
	awk -v dir="$seeds" '{ f = sprintf("%s/%06d.sql", dir, NR); printf "%s", $0 > f; close(f) }'
# The regression files' statements: lines up to one ending in ";".
for f in "$root"/regress/sql/*.sql; do
	awk -v dir="$seeds" -v name="$(basename "$f" .sql)" '
		copy { if ($0 == "\\.") copy = 0; next }
		stmt == "" && ($0 == "" || $0 ~ /^\\/ || $0 ~ /^--/) { next }
		{ stmt = stmt $0 "\n" }
		/;[ \t]*$/ {
			out = sprintf("%s/%s-%05d.sql", dir, name, ++n); printf "%s", stmt > out; close(out)
			if (tolower(stmt) ~ /from stdin/) copy = 1
			stmt = ""
		}' "$f"
done

# Dictionary: the keywords and the multi-character operators.
dict=$build/fuzz-parser.dict
{
	sed -n 's/^TUSK_KEYWORD(\([a-z_]*\),.*/"\1"/p' "$root/backend/parser/kwlist.h"
	for tok in '::' ':=' '=>' '<=' '>=' '<>' '!=' '..' '$$' '$1' "E'" "U&'" "U&\"" "B'" "X'" \
		'/*' '*/' '--' "''" '""' 'UESCAPE' '\\u' '\\U' '\\x'; do
		printf '"%s"\n' "$(printf '%s' "$tok" | sed 's/\\/\\\\/g; s/"/\\"/g')"
	done
} >"$dict"

export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$build/regress/fuzz/parser_fuzz" -max_total_time="$seconds" -dict="$dict" -max_len=4096 \
	-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="$build/fuzz-artifacts/" "$@" "$build/fuzz-corpus" "$seeds"
