#!/usr/bin/env bash
# The real pgbench 15 against Tusk and PostgreSQL 15, side by side in one
# run, with the same settings (shared_buffers, fsync = on,
# synchronous_commit = on, max_connections): pgbench -i -s SCALE on each,
# then each mode — select-only with the simple and the prepared protocol,
# TPC-B with prepared statements, select-only with a new connection per
# transaction (-C) — with 2 and with 8 clients for SECONDS seconds each.
# Prints each pair's transactions per second and the ratio
# Tusk / PostgreSQL; asserts nothing (a benchmark, not a test).  Every
# transaction must succeed for a figure to count.  Run it on a release
# build (TUSK_BUILD_DIR=build-release, see README.md) on an idle machine.
# Then the memory of an idle backend on each, after a pgbench-like run of
# MEMORY_TRANSACTIONS (2000) transactions (idle_memory.py).
#
#   regress/bench/pgbench.sh [SCALE] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=${1:-10}
seconds=${2:-20}
memory_transactions=${MEMORY_TRANSACTIONS:-2000}
# shellcheck source=regress/bench/lib.sh
. regress/bench/lib.sh

modes=("-S -M simple" "-S -M prepared" "-M prepared" "-C -S")
names=("select-only, simple" "select-only, prepared" "TPC-B, prepared" "select-only, -C")
clients=(2 8)

# start NAME BINDIR: a fresh cluster with the common settings, loaded by
# pgbench -i; prints its port.
start() {
  local name=$1 bin=$2 data=$work/$1-data port
  port=$(free_port)
  run_as "$bin/initdb" -D "$data" -A trust -U bench >/dev/null 2>&1
  cat >>"$data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$work'
listen_addresses = ''
shared_buffers = 128MB
max_connections = 40
fsync = on
synchronous_commit = on
CONF
  run_as "$bin/pg_ctl" -D "$data" -l "$work/$name.log" -w start >/dev/null
  run_as "$pg_bin/pgbench" -h "$work" -p "$port" -U bench -i -q -s "$scale" postgres \
    >"$work/$name.init" 2>&1 || { echo "$name: pgbench -i failed:" >&2; cat "$work/$name.init" >&2; exit 1; }
  echo "$port"
}

# tps NAME PORT CLIENTS MODE…: pgbench's transactions per second.
tps() {
  local name=$1 port=$2 c=$3 out
  shift 3
  # shellcheck disable=SC2068
  out=$(run_as "$pg_bin/pgbench" -h "$work" -p "$port" -U bench -n -c "$c" -j "$c" \
    -T "$seconds" $@ postgres 2>&1) || true
  grep -q "number of failed transactions: 0 " <<<"$out" ||
    { echo "$name: pgbench failed ($*):" >&2; echo "$out" >&2; exit 1; }
  sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1
}

tusk_port=$(start tusk "$tusk_bin")
pg_port=$(start pg "$pg_bin")

echo "pgbench scale $scale, $seconds s per run, Tusk from $build"
printf '%-24s %8s %12s %12s %8s\n' mode clients Tusk PostgreSQL ratio
for i in "${!modes[@]}"; do
  for c in "${clients[@]}"; do
    # Alternate which server goes first, so neither always runs on a
    # warmer machine.
    if (((i + c) % 2 == 0)); then
      t=$(tps tusk "$tusk_port" "$c" ${modes[$i]})
      p=$(tps pg "$pg_port" "$c" ${modes[$i]})
    else
      p=$(tps pg "$pg_port" "$c" ${modes[$i]})
      t=$(tps tusk "$tusk_port" "$c" ${modes[$i]})
    fi
    printf '%-24s %8s %12.0f %12.0f %8.2f\n' "${names[$i]}" "$c" "$t" "$p" \
      "$(python3 -c "print($t / $p)")"
  done
done

# The memory of an idle backend after a pgbench-like run of its own
# (regress/bench/idle_memory.py), on each server.
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(runuser -u tusk --)
echo
echo "an idle backend after $memory_transactions TPC-B (prepared) and select-only transactions:"
tm=$(python3 regress/bench/idle_memory.py Tusk "$scale" "$memory_transactions" -- \
  "${as_user[@]}" "$pg_bin/psql" -X -h "$work" -p "$tusk_port" -U bench postgres)
pm=$(python3 regress/bench/idle_memory.py "PostgreSQL 15" "$scale" "$memory_transactions" -- \
  "${as_user[@]}" "$pg_bin/psql" -X -h "$work" -p "$pg_port" -U bench postgres)
echo "$tm"
echo "$pm"
field() { sed -nE "s/.* $1=([0-9]+).*/\1/p" <<<"$2"; }
for f in anon_kb pss_kb; do
  printf '%s, Tusk / PostgreSQL 15: %.2f\n' "$f" \
    "$(python3 -c "print($(field $f "$tm") / $(field $f "$pm"))")"
done
exit 0
