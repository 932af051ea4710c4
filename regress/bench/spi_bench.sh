#!/usr/bin/env bash
# SPI statement round trips and background-worker launch to first SQL
# statement: Tusk against PostgreSQL 15, side by side in one run, with the
# same module (regress/bench/modules/bench_spi) built by PGXS against each
# server's own pg_config, and the same settings.  Measures, in microseconds:
#   - SPI_execute("SELECT 1"), SPI_execute of a one-row SELECT by primary
#     key, and the same SELECT prepared (SPI_prepare, SPI_execute_plan):
#     ROUNDTRIPS statements in a loop inside the calling backend, and the
#     same loop inside a dynamic background worker connected to the database;
#   - launch to first statement: RegisterDynamicBackgroundWorker of a worker
#     that connects and runs one INSERT of clock_timestamp(), LAUNCHES
#     times, median (and, in a separate run, the median time to the worker's
#     entry point, before it connects).
# The loops are timed in CPU time of the process running them (see
# bench_spi.c), launches in elapsed time.
# Each measurement runs ROUNDS (3) times, Tusk and PostgreSQL alternating,
# and the fastest counts.  Prints both figures and the ratio
# Tusk / PostgreSQL 15 (below 1: Tusk is faster).  Asserts nothing (a
# benchmark, not a test).  Run it on a release build
# (TUSK_BUILD_DIR=build-release, see README.md) on an idle machine.
#
#   regress/bench/spi_bench.sh [ROUNDTRIPS] [LAUNCHES]
#
# Needs PostgreSQL 15's server headers (apt-get install
# postgresql-server-dev-15).  As root, the servers run as the unprivileged
# user "tusk" (created if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
roundtrips=${1:-20000}
launches=${2:-200}
rounds=${ROUNDS:-3}
pg_config_pg=/usr/lib/postgresql/15/bin/pg_config
[ -f "$("$pg_config_pg" --includedir-server)/postgres.h" ] ||
  { echo "install postgresql-server-dev-15 first"; exit 1; }
# shellcheck source=regress/bench/lib.sh
. regress/bench/lib.sh

module=$top/regress/bench/modules/bench_spi

# build NAME PG_CONFIG: the module built by PGXS in $work/mod-NAME.
build() {
  local dir=$work/mod-$1
  mkdir -p "$dir"
  cp "$module/bench_spi.c" "$module/Makefile" "$dir/"
  make -s -C "$dir" PG_CONFIG="$2" >"$work/make-$1.log" 2>&1 ||
    { echo "$1: building bench_spi failed:" >&2; cat "$work/make-$1.log" >&2; exit 1; }
  chmod -R a+rX "$dir"
}
build tusk "$tusk_bin/pg_config"
build pg "$pg_config_pg"

# start NAME BINDIR: a fresh cluster with the common settings and the
# module's objects; prints its port.
start() {
  local name=$1 bin=$2 data=$work/$1-data port
  port=$(free_port)
  run_as "$bin/initdb" -D "$data" -A trust -U bench >/dev/null 2>&1
  cat >>"$data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$work'
listen_addresses = ''
shared_buffers = 128MB
max_connections = 20
max_worker_processes = 8
fsync = on
synchronous_commit = on
dynamic_library_path = '$work/mod-$name:\$libdir'
CONF
  run_as "$bin/pg_ctl" -D "$data" -l "$work/$name.log" -w start >/dev/null
  run_as "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U bench -d postgres \
    -f "$module/bench_spi.sql" >"$work/$name.setup" 2>&1 ||
    { echo "$name: setting up failed:" >&2; cat "$work/$name.setup" >&2; exit 1; }
  echo "$port"
}
tusk_port=$(start tusk "$tusk_bin")
pg_port=$(start pg "$pg_bin")

# query PORT SQL: the single value SQL returns.
query() {
  run_as "$pg_bin/psql" -X -At -v ON_ERROR_STOP=1 -h "$work" -p "$1" -U bench -d postgres -c "$2"
}

labels=(
  "SPI_execute SELECT 1, backend"
  "SPI_execute SELECT 1, worker"
  "SPI_execute SELECT by pkey, backend"
  "SPI_execute SELECT by pkey, worker"
  "SPI_execute_plan by pkey, backend"
  "SPI_execute_plan by pkey, worker"
  "worker launch to entry point"
  "worker launch to 1st statement"
)
sqls=(
  "SELECT bench_spi_roundtrip($roundtrips, 'select1')"
  "SELECT bench_spi_worker_roundtrip($roundtrips, 'select1')"
  "SELECT bench_spi_roundtrip($roundtrips, 'pkey')"
  "SELECT bench_spi_worker_roundtrip($roundtrips, 'pkey')"
  "SELECT bench_spi_roundtrip($roundtrips, 'prepared')"
  "SELECT bench_spi_worker_roundtrip($roundtrips, 'prepared')"
  "SELECT bench_spi_launch($launches, 'entry')"
  "SELECT bench_spi_launch($launches, 'statement')"
)

min() { python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" "$@"; }

echo "$roundtrips statements per round trip figure, $launches launches per launch figure;"
echo "fastest of $rounds rounds; microseconds (round trips: CPU time of the looping process)"
printf '%-38s %10s %10s %7s\n' measurement Tusk PG15 ratio
for i in "${!labels[@]}"; do
  t=() p=()
  for _ in $(seq 1 "$rounds"); do
    t+=("$(query "$tusk_port" "${sqls[$i]}")")
    p+=("$(query "$pg_port" "${sqls[$i]}")")
  done
  tb=$(min "${t[@]}")
  pb=$(min "${p[@]}")
  python3 -c "import sys; t, p = float(sys.argv[2]), float(sys.argv[3]); print(f'{sys.argv[1]:<38} {t:10.2f} {p:10.2f} {t / p:7.2f}')" \
    "${labels[$i]}" "$tb" "$pb"
done
