#!/usr/bin/env bash
# Connection start-up against PostgreSQL 15: a new connection per
# transaction, where PostgreSQL pays a new process and cold caches each
# time.  Tusk and PostgreSQL 15 run side by side with the same settings
# (shared_buffers, fsync = on, max_connections), each loaded by
# pgbench -i -s 1; then, ROUNDS times, alternating which server goes first:
#   - pgbench -C -S -T SECONDS with 1 and with 4 clients (a new connection
#     for each select-only transaction): transactions per second;
#   - psycopg2 (connect_loop.py, /usr/bin/python3): CONNECTIONS times
#     connect, SELECT 1, close: connections per second, and the server's
#     CPU time per connection over that loop (the postmaster's and its
#     reaped backends', from /proc: what a busy machine inflates least);
#   - node-postgres (connect_loop.js), the same, when node and npm are
#     there (pg is installed into $TUSK_BUILD_DIR/clients-node by npm ci
#     from regress/clients/node/package-lock.json, as regress/clients does).
# Prints every round's figures and ratio Tusk / PostgreSQL (above 1: Tusk
# is faster, except for CPU time, where below 1 is), then per measurement the median of each and the spread of
# the ratio over the rounds.  Asserts nothing (a benchmark, not a test);
# every pgbench transaction must succeed for a figure to count.  Over Unix
# sockets, as pgbench.sh.  Run it on a release build (the default here:
# TUSK_BUILD_DIR=build-release), on a machine as idle as you can get.
#
#   regress/bench/connect.sh [SECONDS=20] [CONNECTIONS=2000] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-2000}
rounds=${3:-3}
export TUSK_BUILD_DIR=${TUSK_BUILD_DIR:-build-release}
# shellcheck source=regress/bench/lib.sh
. regress/bench/lib.sh
python=/usr/bin/python3

# start NAME BINDIR: a fresh cluster with the common settings, loaded by
# pgbench -i -s 1; prints its port.
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
  run_as "$pg_bin/pgbench" -h "$work" -p "$port" -U bench -i -q -s 1 postgres \
    >"$work/$name.init" 2>&1 || { echo "$name: pgbench -i failed:" >&2; cat "$work/$name.init" >&2; exit 1; }
  echo "$port"
}

# pgbench_tps PORT CLIENTS: select-only, a connection per transaction.
pgbench_tps() {
  local out
  out=$(run_as "$pg_bin/pgbench" -h "$work" -p "$1" -U bench -n -C -S -c "$2" -j "$2" \
    -T "$seconds" postgres 2>&1) || true
  grep -q "number of failed transactions: 0 " <<<"$out" ||
    { echo "pgbench -C -S -c $2 failed (port $1):" >&2; echo "$out" >&2; exit 1; }
  sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1
}

# server_cpu_ticks PORT: CPU time (clock ticks) of the server listening
# on PORT: its postmaster's, and that of the children it has reaped (the
# backends that ended), user and system.
server_cpu_ticks() {
  local pid
  pid=$(head -1 "${datadir[$1]}/postmaster.pid")
  awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat"
}

# driver_cps PORT COMMAND…: a client loop's connections per second; the
# server's CPU time per connection (ms) goes to $work/cpu.PORT.
driver_cps() {
  local port=$1 out before after
  shift
  before=$(server_cpu_ticks "$port")
  out=$(PGHOST=$work PGPORT=$port PGUSER=bench PGDATABASE=postgres PGOPTIONS='' PGAPPNAME='' \
    "$@" "$connections" 2>&1) || { echo "$* failed (port $port):" >&2; echo "$out" >&2; exit 1; }
  # The last backends may still be exiting.
  sleep 1
  after=$(server_cpu_ticks "$port")
  python3 -c "print(($after - $before) * 1000 / $(getconf CLK_TCK) / $connections)" \
    >"$work/cpu.$port"
  sed -nE 's/.* connections_per_s=([0-9.]+) .*/\1/p' <<<"$out"
}

measure() {
  case $1 in
    c1) pgbench_tps "$2" 1 ;;
    c4) pgbench_tps "$2" 4 ;;
    psycopg2) driver_cps "$2" "$python" regress/bench/connect_loop.py ;;
    # Read after the psycopg2 loop of the same round.
    cpu) cat "$work/cpu.$2" ;;
    node) driver_cps "$2" env NODE_PATH="$top/$build/clients-node/node_modules" node \
      regress/bench/connect_loop.js ;;
  esac
}

measurements=(c1 c4 psycopg2 cpu)
declare -A label=([c1]="pgbench -C -S -c 1 (tps)" [c4]="pgbench -C -S -c 4 (tps)"
  [psycopg2]="psycopg2 loop (conn/s)" [cpu]="server CPU ms per connection"
  [node]="node-pg loop (conn/s)")
node_dir=$top/$build/clients-node
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -d "$node_dir/node_modules/pg" ] ||
    ! cmp -s "$node_dir/package-lock.json" regress/clients/node/package-lock.json; then
    mkdir -p "$node_dir"
    cp regress/clients/node/package.json regress/clients/node/package-lock.json "$node_dir/"
    (cd "$node_dir" && npm ci --no-audit --no-fund --silent) >"$work/npm.log" 2>&1 ||
      { echo "(npm ci failed, no node-pg figures:)"; cat "$work/npm.log"; }
  fi
  [ -d "$node_dir/node_modules/pg" ] && measurements+=(node)
else
  echo "(no node/npm: no node-pg figures)"
fi

tusk_port=$(start tusk "$tusk_bin")
pg_port=$(start pg "$pg_bin")
declare -A datadir=([$tusk_port]=$work/tusk-data [$pg_port]=$work/pg-data)

echo "connection start-up: $seconds s per pgbench run, $connections connections per driver" \
  "loop, $rounds rounds, Tusk from $build"
printf '%-28s %5s %10s %10s %7s\n' measurement round Tusk PG15 ratio
declare -A results
for r in $(seq 1 "$rounds"); do
  for m in "${measurements[@]}"; do
    # Alternate which server goes first, so neither always runs on a
    # warmer (or busier) machine.
    if ((r % 2)); then
      t=$(measure "$m" "$tusk_port")
      p=$(measure "$m" "$pg_port")
    else
      p=$(measure "$m" "$pg_port")
      t=$(measure "$m" "$tusk_port")
    fi
    results[$m]+="$t $p,"
    printf '%-28s %5s %10.2f %10.2f %7.2f\n' "${label[$m]}" "$r" "$t" "$p" \
      "$(python3 -c "print($t / $p)")"
  done
done

echo
echo "over $rounds rounds: medians, and the ratio's median and range"
printf '%-28s %10s %10s %7s  %s\n' measurement Tusk PG15 ratio "ratio min-max"
for m in "${measurements[@]}"; do
  python3 - "${label[$m]}" "${results[$m]}" <<'PY'
import statistics, sys
pairs = [tuple(map(float, p.split())) for p in sys.argv[2].split(",") if p]
ratios = [t / p for t, p in pairs]
print(f"{sys.argv[1]:<28} {statistics.median(t for t, _ in pairs):10.2f} "
      f"{statistics.median(p for _, p in pairs):10.2f} {statistics.median(ratios):7.2f}  "
      f"{min(ratios):.2f}-{max(ratios):.2f}")
PY
done
exit 0
