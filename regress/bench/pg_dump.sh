#!/usr/bin/env bash
# pg_dump of the same database from Tusk and from PostgreSQL 15, side by
# side: regress/dump/schema.sql's objects plus ROWS rows in a table of
# every core type (regress/dump/schema.sql's app.everything, filled the
# same way), dumped as plain SQL and in the custom format (-Fc) RUNS times
# each; prints the best wall-clock time of each and the ratios, and the
# share of the time pg_dump itself spends (user+sys CPU of the client:
# what is left is the server answering catalog queries and COPY).  Asserts
# nothing.
#
#   regress/bench/pg_dump.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
runs=${2:-3}
# shellcheck source=regress/bench/lib.sh
. regress/bench/lib.sh

# The rows: app.everything's INSERT of regress/dump/schema.sql for ids
# beyond its own.
sed -n '/^INSERT INTO app.everything$/,/^FROM generate_series/p' regress/dump/schema.sql |
  sed -E "s/generate_series\(1, 3000\) AS i;/generate_series(5001, $((5000 + rows))) AS i;/" \
    >"$work/rows.sql"
grep -q "generate_series(5001" "$work/rows.sql" || { echo "schema.sql changed: no app.everything INSERT"; exit 1; }
cp regress/dump/schema.sql "$work/schema.sql"
chmod a+r "$work"/*.sql

# best SECONDS... : the smallest.
best() { printf '%s\n' "$@" | sort -g | head -1; }

# run NAME BINDIR: a fresh cluster, the database, then the timed dumps;
# prints "plain_s custom_s plain_client_cpu_s custom_client_cpu_s size_bytes".
run() {
  local name=$1 bin=$2 data=$work/$1-data port
  port=$(free_port)
  run_as "$bin/initdb" -D "$data" -A trust -U bench --locale=C -E UTF8 >/dev/null 2>&1
  cat >>"$data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$work'
listen_addresses = ''
CONF
  run_as "$bin/pg_ctl" -D "$data" -l "$work/$name.log" -w start >/dev/null
  local psql=("$pg_bin/psql" -h "$work" -p "$port" -U bench -X -q -v ON_ERROR_STOP=1)
  "${psql[@]}" -d postgres -c 'CREATE DATABASE bench' >/dev/null
  "${psql[@]}" -d bench -f "$work/schema.sql" >/dev/null
  "${psql[@]}" -d bench -f "$work/rows.sql" >/dev/null
  local plain=() custom=() pcpu=() ccpu=() i t
  for i in $(seq 1 "$runs"); do
    t=$( { /usr/bin/time -f '%e %U %S' "$pg_bin/pg_dump" -h "$work" -p "$port" -U bench \
      -f "$work/$name.sql" bench; } 2>&1 | tail -1)
    plain+=("$(awk '{print $1}' <<<"$t")")
    pcpu+=("$(awk '{print $2 + $3}' <<<"$t")")
    t=$( { /usr/bin/time -f '%e %U %S' "$pg_bin/pg_dump" -h "$work" -p "$port" -U bench \
      -Fc -f "$work/$name.dump" bench; } 2>&1 | tail -1)
    custom+=("$(awk '{print $1}' <<<"$t")")
    ccpu+=("$(awk '{print $2 + $3}' <<<"$t")")
  done
  run_as "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null || true
  echo "$(best "${plain[@]}") $(best "${custom[@]}") $(best "${pcpu[@]}") $(best "${ccpu[@]}") $(stat -c %s "$work/$name.sql")"
}

[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)"; exit 1; }
tusk=$(run tusk "$tusk_bin")
pg=$(run pg "$pg_bin")

ratio() { python3 -c "print('%.2f' % ($1 / $2))"; }
read -r tp tc tpc tcc tsize <<<"$tusk"
read -r pp pc ppc pcc psize <<<"$pg"
echo "pg_dump of regress/dump/schema.sql + $rows rows of every core type, best of $runs (seconds):"
echo "                 plain    -Fc      pg_dump's own CPU (plain, -Fc)   plain size"
printf 'Tusk:            %-8s %-8s %-8s %-23s %s\n' "$tp" "$tc" "$tpc" "$tcc" "$tsize"
printf 'PostgreSQL 15:   %-8s %-8s %-8s %-23s %s\n' "$pp" "$pc" "$ppc" "$pcc" "$psize"
echo "Tusk / PostgreSQL 15: plain $(ratio "$tp" "$pp"), -Fc $(ratio "$tc" "$pc")"
exit 0
