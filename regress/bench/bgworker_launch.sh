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
top=$PWD
iterations=${1:-300}
tusk_bin=$top/build/install/bin
pg_bin=/usr/lib/postgresql/15/bin

[ -x "$tusk_bin/postgres" ] || { echo "build Tusk first (./test.sh)"; exit 1; }
[ -f /usr/include/postgresql/15/server/postgres.h ] ||
  { echo "install postgresql-server-dev-15 first"; exit 1; }

work=$(mktemp -d /tmp/tusk-bench.XXXXXX)
run_as() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  id tusk >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin tusk
  chown tusk: "$work"
  run_as() { runuser -u tusk -- "$@"; }
  # The test user must reach the Tusk binaries.
  cp -a "$top/build/install" "$work/tusk"
  chmod -R a+rX "$work/tusk"
  tusk_bin=$work/tusk/bin
fi
cleanup() {
  run_as "$tusk_bin/pg_ctl" -D "$work/tusk-data" -m immediate stop >/dev/null 2>&1 || true
  run_as "$pg_bin/pg_ctl" -D "$work/pg-data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

src=$top/regress/bench/bench_bgw.c
# shellcheck disable=SC2046
cc $("$tusk_bin/pg_config" --cppflags) $("$tusk_bin/pg_config" --cflags) -O2 -shared \
  -o "$work/bench_tusk.so" "$src"
cc -I/usr/include/postgresql/15/server -fPIC -O2 -shared -o "$work/bench_pg.so" "$src"
chmod a+r "$work"/*.so

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

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
