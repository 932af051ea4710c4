#!/usr/bin/env bash
# The storage engine's figures (issue 4), with PostgreSQL 15 doing the same
# work through SQL beside it.  Until Tusk has SQL, its side runs in
# background workers (bench_storage.cpp) straight on the storage
# interfaces, so the PostgreSQL figures include parsing and executing SQL
# that Tusk's do not: compare the WAL figures closely, the times loosely.
#
#   regress/bench/storage.sh [ROWS] [COMMITS_PER_COMMITTER]
#
# Needs a built Tusk (./test.sh or ninja -C build install).  As root, the
# servers run as the unprivileged user "tusk" (created if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
commits=${2:-1000}
committers=${COMMITTERS:-8}
# shellcheck source=regress/bench/lib.sh
. regress/bench/lib.sh

# shellcheck disable=SC2046
c++ $("$tusk_bin/pg_config" --cppflags) $("$tusk_bin/pg_config" --cxxflags) -O2 -shared \
  -o "$work/bench_storage.so" "$top/regress/bench/bench_storage.cpp"
chmod a+r "$work"/*.so

# Tusk: the module's workers do the work and write one result line.
data=$work/tusk-data
run_as "$tusk_bin/initdb" -D "$data" -A trust >/dev/null 2>&1
cat >>"$data/postgresql.conf" <<CONF
port = $(free_port)
unix_socket_directories = '$work'
listen_addresses = ''
shared_preload_libraries = '$work/bench_storage.so'
bench_storage.path = '$work/bench_storage.so'
bench_storage.rows = $rows
bench_storage.commits = $commits
bench_storage.committers = $committers
max_worker_processes = $((committers + 2))
shared_buffers = 128MB
max_wal_size = 4GB
CONF
run_as "$tusk_bin/pg_ctl" -D "$data" -l "$work/tusk.log" -w start >/dev/null
for _ in $(seq 1 3000); do
  [ -f "$data/bench_storage.result" ] && break
  sleep 0.1
done
run_as "$tusk_bin/pg_ctl" -D "$data" -m fast stop >/dev/null
tusk_line=$(cat "$data/bench_storage.result")

# PostgreSQL 15: the same work through SQL.
data=$work/pg-data
port=$(free_port)
run_as "$pg_bin/initdb" -D "$data" -A trust >/dev/null 2>&1
cat >>"$data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$work'
listen_addresses = ''
shared_buffers = 128MB
max_wal_size = 4GB
CONF
run_as "$pg_bin/pg_ctl" -D "$data" -l "$work/pg.log" -w start >/dev/null
psql() { run_as "$pg_bin/psql" -h "$work" -p "$port" -d postgres -X -q -At "$@"; }
psql -c 'CREATE TABLE c (a int8, b int8); CREATE TABLE bulk (a int8, b int8)'
echo 'INSERT INTO c VALUES (:client_id, 1);' >"$work/insert.sql"
chmod a+r "$work/insert.sql"
syncs0=$(psql -c 'SELECT wal_sync FROM pg_stat_wal')
t0=$(date +%s.%N)
run_as "$pg_bin/pgbench" -h "$work" -p "$port" -n -c "$committers" -j "$committers" \
  -t "$commits" -f "$work/insert.sql" postgres >/dev/null
t1=$(date +%s.%N)
psql -c 'SELECT pg_stat_force_next_flush()' >/dev/null
sleep 1.5
syncs1=$(psql -c 'SELECT wal_sync FROM pg_stat_wal')
lsn0=$(psql -c 'SELECT pg_current_wal_insert_lsn()')
t2=$(date +%s.%N)
psql -c "INSERT INTO bulk SELECT g, g FROM generate_series(1, $rows) g"
t3=$(date +%s.%N)
lsn1=$(psql -c 'SELECT pg_current_wal_insert_lsn()')
walbytes=$(psql -c "SELECT pg_wal_lsn_diff('$lsn1', '$lsn0')")
t4=$(date +%s.%N)
seen=$(psql -c 'SELECT count(*) FROM bulk')
t5=$(date +%s.%N)
run_as "$pg_bin/pg_ctl" -D "$data" -m fast stop >/dev/null
total=$((committers * commits))
pg_line=$(python3 -c "
print('pg15: committers=$committers commits=$total commits_per_s=%.0f wal_syncs_per_commit=%.3f '
      'inserts=$rows insert_s=%.3f wal_bytes_per_row=%.1f scanned=$seen scan_s=%.3f' % (
      $total / ($t1 - $t0), ($syncs1 - $syncs0) / $total, $t3 - $t2, $walbytes / $rows, $t5 - $t4))")

echo "Tusk:          $tusk_line"
echo "PostgreSQL 15: $pg_line"
python3 - "$tusk_line" "$pg_line" <<'PY'
import sys
def parse(line):
    return {k: float(v) for k, v in (f.split('=') for f in line.split() if '=' in f)}
t, p = parse(sys.argv[1]), parse(sys.argv[2])
print(f"commits/s, Tusk / PostgreSQL 15:          {t['commits_per_s'] / p['commits_per_s']:.2f}")
print(f"WAL syncs per commit (8 committers):     Tusk {t['wal_syncs_per_commit']:.3f}, "
      f"PostgreSQL 15 {p['wal_syncs_per_commit']:.3f}")
print(f"insert time, Tusk / PostgreSQL 15:       {t['insert_s'] / p['insert_s']:.2f}")
print(f"WAL bytes per row, Tusk / PostgreSQL 15: {t['wal_bytes_per_row'] / p['wal_bytes_per_row']:.2f}")
print(f"scan time, Tusk / PostgreSQL 15:         {t['scan_s'] / p['scan_s']:.2f}")
PY
