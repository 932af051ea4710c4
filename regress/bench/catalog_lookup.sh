#!/usr/bin/env bash
# Catalog lookups from cold caches.  TABLES tables are created; then
# pgbench runs CONNECTIONS transactions each in a fresh connection, each
# reading one table chosen at random — every statement resolves a name and
# describes a relation with empty catalog caches (pg_namespace, pg_class by
# name and by OID, pg_attribute, pg_type …) — and then up to 800 such
# transactions in one session, where each table not read before is a cold
# lookup of its pg_class and pg_attribute rows among TABLES tables' rows.
# That is what the catalog indexes speed up.  PostgreSQL 15 does the same
# beside it; with TUSK_BEFORE=/path/to/another/install (say main's
# build/install) that build runs too, for a before/after comparison.
# Prints pgbench's transactions per second (connection times included
# with fresh connections) and the ratios; asserts nothing.
#
#   regress/bench/catalog_lookup.sh [TABLES] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
tables=${1:-2000}
connections=${2:-1000}
# One session opens a file per table it reads and keeps it open: stay well
# below the usual limit of 1024 open files.
session=$((tables < 800 ? tables : 800))
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
  local fresh same
  fresh=$(tps "$name" "$port" "$connections" -C)
  same=$(tps "$name" "$port" "$session")
  run_as "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null || true
  echo "$fresh $same"
}

# tps NAME PORT N [-C]: pgbench's transactions per second over N runs of
# select.sql (with -C, each in a fresh connection).
tps() {
  local out
  out=$(run_as "$pg_bin/pgbench" -h "$work" -p "$2" -U bench -n ${4:-} -t "$3" \
    -f "$work/select.sql" postgres 2>&1)
  # Every transaction must have succeeded for the figure to mean anything.
  grep -q "number of transactions actually processed: $3/$3" <<<"$out" ||
    { echo "$1: pgbench failed:" >&2; echo "$out" >&2; exit 1; }
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

ratio() { python3 -c "print('%.2f' % ($1 / $2))"; }
echo "$tables tables; transactions per second of one SELECT of a random table:"
echo "                 fresh connection ($connections)   one session ($session)"
[ -n "$before" ] && printf 'Tusk before:     %-30s %s\n' $before
printf 'Tusk:            %-30s %s\n' $tusk
printf 'PostgreSQL 15:   %-30s %s\n' $pg
read -r tf ts <<<"$tusk"
read -r pf ps <<<"$pg"
echo "Tusk / PostgreSQL 15: fresh connections $(ratio "$tf" "$pf"), one session $(ratio "$ts" "$ps")"
if [ -n "$before" ]; then
  read -r bf bs <<<"$before"
  echo "Tusk / Tusk before:   fresh connections $(ratio "$tf" "$bf"), one session $(ratio "$ts" "$bs")"
fi
exit 0
