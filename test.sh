#!/usr/bin/env bash
# Build Tusk and run every test suite: unit, integration, SQL, then the
# driver clients (regress/clients/) and pg_dump/pg_restore (regress/dump/).
# Ends with a line "N passed, N failed" (test cases over all suites), with
# ", N skipped" added when test cases could not run here, and exits non-zero
# if anything failed.
#
# Environment:
#   TUSK_BUILD_DIR   build directory (default: build)
#   TUSK_MESON_ARGS  extra meson setup arguments (e.g. -Dsanitizers=true)
#   TUSK_INTEGRATION_SKIP  Catch2 tags of integration tests to leave out,
#                    space-separated (e.g. "[headers] [big]"); they are
#                    counted as skipped
set -uo pipefail
cd "$(dirname "$0")"
top=$PWD
build=${TUSK_BUILD_DIR:-build}
prefix=$top/$build/install

regress/install-deps.sh || exit 1
if [ ! -f "$build/build.ninja" ]; then
  # shellcheck disable=SC2086
  meson setup "$build" --prefix="$prefix" ${TUSK_MESON_ARGS:-} || exit 1
fi
started=$SECONDS
ninja -C "$build" install >"$build/install.log" 2>&1 || { cat "$build/install.log"; exit 1; }
echo "=== build: $((SECONDS - started)) s"

# Servers under test run as an unprivileged user when we are root; give
# them a copy of the (relocatable) installation they can certainly reach.
install_dir=$prefix
cleanup() { :; }
if [ "$(id -u)" -eq 0 ]; then
  install_dir=$(mktemp -d /tmp/tusk-install.XXXXXX)
  cp -a "$prefix/." "$install_dir/"
  chmod -R a+rX "$install_dir"
  chmod 755 "$install_dir"
  cleanup() { rm -rf "$install_dir"; }
fi
trap cleanup EXIT

total_passed=0
total_failed=0
total_skipped=0

# A Catch2 log's test-case counts: "PASSED FAILED" (0 0 without a summary).
catch2_counts() {
  local log=$1 line passed=0 failed=0
  if line=$(grep -E '^All tests passed \(' "$log" | tail -1) && [ -n "$line" ]; then
    passed=$(sed -E 's/.* in ([0-9]+) test case.*/\1/' <<<"$line")
  elif line=$(grep -E '^test cases:' "$log" | tail -1) && [ -n "$line" ]; then
    passed=$(sed -nE 's/.*\| *([0-9]+) passed.*/\1/p' <<<"$line")
    failed=$(sed -nE 's/.*\| *([0-9]+) failed.*/\1/p' <<<"$line")
  fi
  echo "${passed:-0} ${failed:-0}"
}

# What of a Catch2 log goes to the terminal: each failing test case's
# block (its name, the failed assertions with their expansions and
# messages, up to its duration line or the summary rule) and the summary.
catch2_highlights() {
  awk '/^-{79}$/ { failing = 1 }
       /^[0-9.]+ s: / || /^={79}$/ { failing = 0; next }
       failing || /^(test cases|assertions):|^All tests passed/' | head -400
}

# Run one Catch2 program and add its test-case counts to the totals.
run_suite() {
  local name=$1; shift
  local log="$top/$build/$name.log"
  echo "=== $name"
  local started=$SECONDS
  "$@" 2>&1 | tee "$log" | catch2_highlights
  local status=${PIPESTATUS[0]} passed failed
  read -r passed failed < <(catch2_counts "$log")
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "$name: exited with status $status without a summary (crash?); see $log"
    failed=1
  fi
  echo "$name: $passed passed, $failed failed ($((SECONDS - started)) s)"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

# The integration tests mostly wait (for servers to start, stop, crash and
# restart, for timeouts and for other sessions), so they run as
# $TUSK_TEST_JOBS (default 4) programs side by side, each given every
# JOBS-th test case by name (Catch2's -f; ",", "[", "]", "\" and "*"
# escaped) and its own range of ports (TUSK_TEST_PORT_BASE, harness.cpp).
# Every listed test case must be counted, or the suite fails.
run_integration() {
  local prog=$1; shift
  local jobs=${TUSK_TEST_JOBS:-4} dir="$top/$build/integration-shards"
  local log="$top/$build/integration.log" started=$SECONDS
  echo "=== integration ($jobs side by side)"
  rm -rf "$dir"
  mkdir -p "$dir"
  local names=(--list-test-names-only)
  "$prog" "${names[@]}" "$@" '~[installs]' | grep . | sed -e 's/[],[\\*]/\\&/g' >"$dir/all"
  "$prog" "${names[@]}" "$@" '[installs]' | grep . | sed -e 's/[],[\\*]/\\&/g' >"$dir/shard$jobs"
  local listed k pids=() passed=0 failed=0 p f status
  listed=$(cat "$dir/all" "$dir/shard$jobs" | wc -l)
  for ((k = 0; k < jobs; k++)); do
    awk -v n="$jobs" -v k="$k" '(NR - 1) % n == k' "$dir/all" >"$dir/shard$k"
    [ -s "$dir/shard$k" ] || continue
    TUSK_TEST_PORT_BASE=$((20000 + 1000 * k)) TUSK_INSTALL_DIR="$install_dir" \
      "$prog" -f "$dir/shard$k" -d yes >"$dir/shard$k.log" 2>&1 &
    pids[k]=$!
  done
  # Test cases tagged [installs] change the installation every shard
  # runs from (extension files, a module built with PGXS): they run by
  # themselves once the shards are done.
  local statuses=()
  for k in "${!pids[@]}"; do
    wait "${pids[k]}"
    statuses[k]=$?
  done
  if [ -s "$dir/shard$jobs" ]; then
    TUSK_TEST_PORT_BASE=20000 TUSK_INSTALL_DIR="$install_dir" \
      "$prog" -f "$dir/shard$jobs" -d yes >"$dir/shard$jobs.log" 2>&1
    statuses[jobs]=$?
  fi
  : >"$log"
  for k in "${!statuses[@]}"; do
    status=${statuses[k]}
    catch2_highlights <"$dir/shard$k.log"
    cat "$dir/shard$k.log" >>"$log"
    read -r p f < <(catch2_counts "$dir/shard$k.log")
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
      echo "integration shard $k: exited with status $status without a summary (crash?); see $dir/shard$k.log"
      f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
  done
  if [ $((passed + failed)) -lt "$listed" ]; then
    echo "integration: $listed test cases listed, $((passed + failed)) counted; see $dir"
    failed=$((failed + listed - passed - failed))
  fi
  echo "integration: $passed passed, $failed failed ($((SECONDS - started)) s)"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

run_suite unit "$build/regress/unit/unit_tests"
if [ -x "$build/regress/integration/integration_tests" ]; then
  # Test cases tagged [root] run a tool as user id 0 to see it refuse: they
  # need root or an unprivileged user namespace.  Without either they are
  # left out and counted as skipped, never as passed.
  integration=("$build/regress/integration/integration_tests")
  if [ "$(id -u)" -ne 0 ] && ! unshare --user --map-root-user true 2>/dev/null; then
    root_tests=$("${integration[@]}" --list-test-names-only '[root]' | grep -c .)
    total_skipped=$((total_skipped + root_tests))
    echo "skipping $root_tests test cases tagged [root]: not root, and no user namespace (unshare -r)"
    integration+=('~[root]')
  fi
  for tag in ${TUSK_INTEGRATION_SKIP:-}; do
    skipped=$("${integration[@]}" --list-test-names-only "$tag" | grep -c .)
    total_skipped=$((total_skipped + skipped))
    echo "skipping $skipped test cases tagged $tag (TUSK_INTEGRATION_SKIP)"
    integration+=("~$tag")
  done
  run_integration "${integration[@]}"
fi

# The SQL regression tests: each file of regress/schedule is a test case.
echo "=== sql"
started=$SECONDS
sql_log="$top/$build/sql.log"
TUSK_REGRESS_OUT="$top/$build/regress-results" regress/pg_regress.sh tusk "$prefix" 2>&1 | tee "$sql_log" | grep -Ev '^ok ' | head -300
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$sql_log" | tail -1)
if [ -n "$line" ]; then
  sql_passed=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")
  sql_failed=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
else
  echo "sql: no summary (the runner failed); see $sql_log"
  sql_passed=0
  sql_failed=1
fi
echo "sql: $sql_passed passed, $sql_failed failed ($((SECONDS - started)) s)"
total_passed=$((total_passed + sql_passed))
total_failed=$((total_failed + sql_failed))

# The driver and ORM suite: each client of regress/clients/ against
# PostgreSQL 15 and Tusk, the two transcripts compared; each client is a
# test case.
echo "=== clients"
started=$SECONDS
clients_log="$top/$build/clients.log"
TUSK_BUILD_DIR=$build TUSK_CLIENTS_OUT="$top/$build/clients-results" \
  regress/clients/run.sh "$prefix" 2>&1 | tee "$clients_log" | grep -Ev '^ok ' | head -300
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$clients_log" | tail -1)
if [ -n "$line" ]; then
  clients_passed=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")
  clients_failed=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
else
  echo "clients: no summary (the runner failed); see $clients_log"
  clients_passed=0
  clients_failed=1
fi
echo "clients: $clients_passed passed, $clients_failed failed ($((SECONDS - started)) s)"
total_passed=$((total_passed + clients_passed))
total_failed=$((total_failed + clients_failed))

# The pg_dump suite: PostgreSQL 15's pg_dump and pg_restore against Tusk,
# dumps restored into Tusk and PostgreSQL 15 and compared; each case counts.
echo "=== dump"
started=$SECONDS
dump_log="$top/$build/dump.log"
TUSK_DUMP_OUT="$top/$build/dump-results" \
  regress/dump/run.sh "$prefix" 2>&1 | tee "$dump_log" | grep -Ev '^ok ' | head -300
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$dump_log" | tail -1)
if [ -n "$line" ]; then
  dump_passed=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")
  dump_failed=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
else
  echo "dump: no summary (the runner failed); see $dump_log"
  dump_passed=0
  dump_failed=1
fi
echo "dump: $dump_passed passed, $dump_failed failed ($((SECONDS - started)) s)"
total_passed=$((total_passed + dump_passed))
total_failed=$((total_failed + dump_failed))

summary="$total_passed passed, $total_failed failed"
[ "$total_skipped" -gt 0 ] && summary+=", $total_skipped skipped"
echo "$summary"
[ "$total_failed" -eq 0 ]
