#!/usr/bin/env bash
# regress/fuzz/run.sh — build the parser's libFuzzer target with clang++ in its
# own build directory and run it for a while, seeded with the parser corpus.
#
#   regress/fuzz/run.sh [SECONDS]     (default 60)
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz at the top of the tree),
# FUZZ_JOBS (ninja's -j, default 2).  The build uses -Dfuzz=true and
# -Dsanitizers=true (AddressSanitizer, UndefinedBehaviorSanitizer); the seeds
# are the lines of regress/parser/corpus/*.sql and the dictionary PostgreSQL's
# keywords (backend/parser/kwlist.h) and operators.  Inputs found to add
# coverage stay in $FUZZ_BUILD_DIR/fuzz-corpus for the next run; a crash
# leaves its input in $FUZZ_BUILD_DIR/fuzz-artifacts/ and the exit status is
# non-zero.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
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

# Dictionary: the keywords and the multi-character operators.
dict=$build/fuzz-parser.dict
{
	sed -n 's/^TUSK_KEYWORD(\([a-z_]*\),.*/"\1"/p' "$root/backend/parser/kwlist.h"
	for tok in '::' ':=' '=>' '<=' '>=' '<>' '!=' '..' '$$' '$1' "E'" "U&'" "U&\"" "B'" "X'" \
		'/*' '*/' '--' "''" '""' 'UESCAPE' '\\u' '\\U' '\\x'; do
		printf '"%s"\n' "$(printf '%s' "$tok" | sed 's/\\/\\\\/g; s/"/\\"/g')"
	done
} >"$dict"

exec "$build/regress/fuzz/parser_fuzz" -max_total_time="$seconds" -dict="$dict" -max_len=4096 \
	-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="$build/fuzz-artifacts/" "$build/fuzz-corpus" "$seeds"
