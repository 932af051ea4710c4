#!/usr/bin/env bash
# Memory contexts against malloc/free on a statement-shaped workload
# (bench_mcxt.cpp): builds bench_mcxt in a release build directory
# (build-release, created if missing; only the benchmark and the backend
# library it links are compiled) and runs it.
#
#   regress/bench/mcxt.sh [ALLOCATIONS_PER_STATEMENT [STATEMENTS]]
#
# TUSK_RELEASE_BUILD_DIR overrides the build directory; TUSK_MESON_ARGS
# adds meson setup arguments.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${TUSK_RELEASE_BUILD_DIR:-build-release}
if [ ! -f "$build/build.ninja" ]; then
  # shellcheck disable=SC2086
  meson setup "$build" -Dbuildtype=release ${TUSK_MESON_ARGS:-} >/dev/null
fi
meson compile -C "$build" bench_mcxt >/dev/null
"$build/regress/bench/bench_mcxt" "$@"
