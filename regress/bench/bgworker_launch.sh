#!/usr/bin/env bash
# Launch latency of a dynamic background worker: Tusk against PostgreSQL 15,
# measured side by side with the same module (bench_bgw.c) built for each.
#
#   regress/bench/bgworker_launch.sh [ITERATIONS]
#
# Needs a built Tusk (./test.sh or ninja -C build install) and PostgreSQL
# 15's server headers (apt-get install postgresql-server-dev-15).  As root,
# the servers run as the unprivileged user "tusk" (created if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-300}
[ -f /usr/include/postgresql/15/server/postgres.h ] ||
  { echo "install postgresql-server-dev-15 first"; exit 1; }
# shellcheck source=regress/bench/lib.sh
. regress/bench/lib.sh

src=$top/regress/bench/bench_bgw.c
# shellcheck disable=SC2046
cc $("$tusk_bin/pg_config" --cppflags) $("$tusk_bin/pg_config" --cflags) -O2 -shared \
  -o "$work/bench_tusk.so" "$src"
cc -I/usr/include/postgresql/15/server -fPIC -O2 -shared -o "$work/bench_pg.so" "$src"
chmod a+r "$work"/*.so


measure() {   # name bindir module
  local name=$1 bin=$2 module=$3 data=$work/$1-data port
  port=$(free_port)
  run_as "$bin/initdb" -D "$data" -A trust >/dev/null 2>&1
  cat >>"$data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$work'
listen_addresses = ''
shared_preload_libraries = '$module'
bench_bgw.path = '$module'
bench_bgw.iterations = $iterations
max_worker_processes = 8
CONF
  run_as "$bin/pg_ctl" -D "$data" -l "$work/$name.log" -w start >/dev/null
  for _ in $(seq 1 600); do
    grep -q 'bench_bgw: launches=' "$work/$name.log" && break
    sleep 0.1
  done
  run_as "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null
  grep -o 'bench_bgw: launches=.*' "$work/$name.log" | tail -1
}

tusk_line=$(measure tusk "$tusk_bin" "$work/bench_tusk.so")
pg_line=$(measure pg "$pg_bin" "$work/bench_pg.so")
echo "Tusk:          $tusk_line"
echo "PostgreSQL 15: $pg_line"
t=$(sed -E 's/.*median_us=([0-9.]+).*/\1/' <<<"$tusk_line")
p=$(sed -E 's/.*median_us=([0-9.]+).*/\1/' <<<"$pg_line")
python3 -c "print(f'median launch latency, Tusk / PostgreSQL 15: {float($t)/float($p):.2f}')"
