#!/usr/bin/env bash
# Catalog lookups from cold caches: TABLES tables are created, then
# pgbench opens a fresh connection for each of CONNECTIONS transactions,
# each reading one table chosen at random — so every statement resolves
# a name and describes a relation with empty catalog caches (pg_namespace,
# pg_class by name and by OID, pg_attribute, pg_type …), which is what
# the catalog indexes speed up.  PostgreSQL 15 does the same beside it;
# with TUSK_BEFORE=/path/to/another/install (say main's build/install) that
# build runs too, for a before/after comparison.  Prints connections per
# second and the ratios; asserts nothing.
#
#   regress/bench/catalog_lookup.sh [TABLES] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
tables=${1:-2000}
connections=${2:-1000}
# shellcheck source=regress/bench/lib.sh
. regress/bench/lib.sh

# 200 tables per transaction and per session (a Tusk session keeps the
# files it has created open).
for i in $(seq 1 "$tables"); do
  f=$work/create.$(((i - 1) / 200)).sql
  [ $((i % 200)) -eq 1 ] && echo 'BEGIN;' >"$f"
  echo "CREATE TABLE bench_t$i (a int, b text, c int8);" >>"$f"
done
for f in "$work"/create.*.sql; do echo 'COMMIT;' >>"$f"; done
printf '\\set n random(1, %d)\nSELECT * FROM bench_t:n;\n' "$tables" >"$work/select.sql"
chmod a+r "$work"/*.sql

# run NAME BINDIR: a fresh cluster, the tables, then the timed connections.
run() {
  local name=$1 bin=$2 data=$work/$1-data port
  port=$(free_port)
  run_as "$bin/initdb" -D "$data" -A trust -U bench >/dev/null 2>&1
  cat >>"$data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$work'
listen_addresses = ''
CONF
  run_as "$bin/pg_ctl" -D "$data" -l "$work/$name.log" -w start >/dev/null
  local f
  for f in "$work"/create.*.sql; do
    run_as "$pg_bin/psql" -h "$work" -p "$port" -U bench -d postgres -X -q -v ON_ERROR_STOP=1 \
      -f "$f" >/dev/null
  done
  local out
  out=$(run_as "$pg_bin/pgbench" -h "$work" -p "$port" -U bench -n -C -t "$connections" \
    -f "$work/select.sql" postgres 2>&1)
  run_as "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null
  # Every transaction must have succeeded for the figure to mean anything.
  grep -q "number of transactions actually processed: $connections/$connections" <<<"$out" ||
    { echo "$name: pgbench failed:" >&2; echo "$out" >&2; exit 1; }
  sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1
}

before=""
if [ -n "${TUSK_BEFORE:-}" ]; then
  before_bin=$TUSK_BEFORE/bin
  if [ "$(id -u)" -eq 0 ]; then
    cp -a "$TUSK_BEFORE" "$work/tusk-before"
    chmod -R a+rX "$work/tusk-before"
    before_bin=$work/tusk-before/bin
  fi
  before=$(run before "$before_bin")
fi
tusk=$(run tusk "$tusk_bin")
pg=$(run pg "$pg_bin")

echo "$tables tables, $connections connections, one SELECT of a random table each"
[ -n "$before" ] && echo "Tusk before:   $before connections/s"
echo "Tusk:          $tusk connections/s"
echo "PostgreSQL 15: $pg connections/s"
python3 -c "print('throughput, Tusk / PostgreSQL 15: %.2f' % ($tusk / $pg))"
[ -n "$before" ] && python3 -c "print('throughput, Tusk / Tusk before: %.2f' % ($tusk / $before))"
exit 0
