#!/usr/bin/env bash
# The pg_dump / pg_restore suite: PostgreSQL 15's pg_dump and pg_restore
# against Tusk, and dumps moved between Tusk and PostgreSQL 15 both ways
# (see regress/dump/README.md).
#
#   regress/dump/run.sh INSTALL_DIR [CASE...]
#       CASE is one of the names in the cases list below; default all.
#       Dumps, restore logs and diffs go to $TUSK_DUMP_OUT (default
#       build/dump-results).  The last line is "N passed, N failed"; the
#       exit status is non-zero if any failed.
#
# regress/dump/schema.sql is loaded into a database "orig" on both servers.
# Each case dumps a database, restores the dump into a fresh database, dumps
# that copy the same way and compares the two dumps (after normalize()).
# Both servers run in private temporary directories on free ports, as the
# unprivileged user "tusk" when we are root, and are stopped on exit, also
# on failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
install=${1:?usage: regress/dump/run.sh INSTALL_DIR [CASE...]}
install=$(cd "$install" && pwd)
shift
all_cases=(plain_to_tusk plain_to_pg custom_to_tusk custom_to_pg schema_only data_only
  one_table one_schema pg_plain_to_tusk pg_custom_to_tusk extension directory_parallel tar
  globals)
cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=("${all_cases[@]}")

out=${TUSK_DUMP_OUT:-$top/build/dump-results}
rm -rf "$out"
mkdir -p "$out"

work=$(mktemp -d /tmp/tusk-dump.XXXXXX)
# shellcheck source=regress/lib/pair.sh
. regress/lib/pair.sh

# Connection options for server $1.
conn() { echo "-h $work/$1 -p $(port_of "$1") -U regress"; }

# The client tools' environment: the same on both sides, so the dumps' SET
# lines and COPY data do not depend on the caller's settings.
export PGTZ=UTC PGDATESTYLE=ISO PGCLIENTENCODING=UTF8 PGOPTIONS= PGAPPNAME=tusk-dump
unset PGHOST PGPORT PGUSER PGDATABASE PGSERVICE PGPASSFILE

psql_on() { # server database [psql args...]
  local s=$1 db=$2
  shift 2
  "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 $(conn "$s") -d "$db" "$@"
}
createdb_on() { psql_on "$1" postgres -c "CREATE DATABASE $2" >/dev/null; }
dump_of() { # server database file [pg_dump args...]
  local s=$1 db=$2 file=$3
  shift 3
  "$pg_bin/pg_dump" $(conn "$s") "$@" -f "$file" "$db"
}

# What must differ between two dumps of the same objects and data:
# - pg_dump 15.14+ brackets a plain dump with \restrict/\unrestrict and a
#   key chosen at random for every dump;
# - the header names the server's version ("Dumped from database version").
normalize() {
  sed -E -e '/^\\(un)?restrict /d' -e 's/^(-- Dumped from database version).*/\1 …/' "$1"
}

# A table's rows in key order rather than in the order of its pages, for
# dumps moved from PostgreSQL to Tusk: Tusk's tuple headers are larger, so
# its pages hold fewer rows and leave different gaps, and a restore that
# fills the gaps (rows small enough to fit go into earlier pages, in
# PostgreSQL as in Tusk) leaves the rows in another physical order, which
# is the order COPY … TO reads them in.
sort_rows() {
  awk '
    function flush() { if (n) { cmd = "LC_ALL=C sort"; for (i = 1; i <= n; i++) print rows[i] | cmd; close(cmd); n = 0 } }
    in_copy && $0 == "\\." { flush(); in_copy = 0 }
    in_copy { rows[++n] = $0; next }
    { print }
    /^COPY .* FROM stdin;$/ { fflush(); in_copy = 1 }
  '
}

# Compare the dump $3 of a restored copy with the dump $2 it came from;
# with $4 = sort, the rows of each table in key order (see sort_rows).
compare() {
  local name=$1 want=$2 got=$3 how=${4:-}
  local filter=cat
  [ "$how" = sort ] && filter=sort_rows
  if diff -u <(normalize "$want" | $filter) <(normalize "$got" | $filter) >"$out/$name.diff"; then
    rm -f "$out/$name.diff"
    return 0
  fi
  echo "  the dump of the copy differs (diff in $out/$name.diff):"
  head -40 "$out/$name.diff"
  return 1
}

newdb() { # server case: a fresh database named after the case
  createdb_on "$1" "$2" && echo "$2"
}

# The plain dump of server $1's database orig, taken once: the reference
# most cases compare with.  Prints its file name.
ref() {
  local f=$out/$1.orig.sql
  [ -f "$f" ] || dump_of "$1" orig "$f" || return 1
  echo "$f"
}

# A plain dump of Tusk's database $3 (default orig), restored with psql
# into server $1.
plain_to() {
  local s=$1 name=$2 src=${3:-orig} db want
  if [ "$src" = orig ]; then
    want=$(ref tusk) || return 1
  else
    want=$out/$name.orig.sql
    dump_of tusk "$src" "$want" || return 1
  fi
  db=$(newdb "$s" "$name") || return 1
  psql_on "$s" "$db" -f "$want" >"$out/$name.restore.log" 2>&1 ||
    { echo "  restore failed:"; tail -20 "$out/$name.restore.log"; return 1; }
  dump_of "$s" "$db" "$out/$name.copy.sql" || return 1
  compare "$name" "$want" "$out/$name.copy.sql"
}
# A dump of the Tusk original in format $3 (default custom), restored
# with pg_restore (and its options $4…) into $1.
custom_to() {
  local s=$1 name=$2 format=${3:-c} db want
  shift 3
  dump_of tusk orig "$out/$name.orig.dump" -F"$format" || return 1
  db=$(newdb "$s" "$name") || return 1
  "$pg_bin/pg_restore" $(conn "$s") --exit-on-error "$@" -d "$db" \
    "$out/$name.orig.dump" >"$out/$name.restore.log" 2>&1 ||
    { echo "  pg_restore failed:"; tail -20 "$out/$name.restore.log"; return 1; }
  want=$(ref tusk) || return 1
  dump_of "$s" "$db" "$out/$name.copy.sql" || return 1
  compare "$name" "$want" "$out/$name.copy.sql"
}
# A dump of the Tusk original with pg_dump options $3…, restored with psql
# into a fresh Tusk database after the SQL $2 ran there; the copy is dumped
# with the same options.
partial() {
  local name=$1 before=$2 db
  shift 2
  dump_of tusk orig "$out/$name.orig.sql" "$@" || return 1
  db=$(newdb tusk "$name") || return 1
  if [ -n "$before" ]; then
    psql_on tusk "$db" -c "$before" >"$out/$name.before.log" 2>&1 ||
      { echo "  preparing the copy failed:"; tail -20 "$out/$name.before.log"; return 1; }
  fi
  psql_on tusk "$db" -f "$out/$name.orig.sql" >"$out/$name.restore.log" 2>&1 ||
    { echo "  restore failed:"; tail -20 "$out/$name.restore.log"; return 1; }
  dump_of tusk "$db" "$out/$name.copy.sql" "$@" || return 1
  compare "$name" "$out/$name.orig.sql" "$out/$name.copy.sql"
}

run_case() {
  case $1 in
    plain_to_tusk) plain_to tusk "$1" ;;
    plain_to_pg) plain_to postgres "$1" ;;
    custom_to_tusk) custom_to tusk "$1" c ;;
    custom_to_pg) custom_to postgres "$1" c ;;
    # The directory format restored by two pg_restore workers at once.
    directory_parallel) custom_to tusk "$1" d -j 2 ;;
    tar) custom_to tusk "$1" t ;;
    schema_only) partial "$1" "" -s ;;
    data_only)
      # The data of a dump restored into a copy of the schema: the copy's
      # whole dump must be the original's.
      local db want
      dump_of tusk orig "$out/$1.schema.sql" -s || return 1
      dump_of tusk orig "$out/$1.data.sql" -a || return 1
      db=$(newdb tusk "$1") || return 1
      psql_on tusk "$db" -f "$out/$1.schema.sql" >"$out/$1.restore.log" 2>&1 &&
        psql_on tusk "$db" -f "$out/$1.data.sql" >>"$out/$1.restore.log" 2>&1 ||
        { echo "  restore failed:"; tail -20 "$out/$1.restore.log"; return 1; }
      want=$(ref tusk) || return 1
      dump_of tusk "$db" "$out/$1.copy.sql" || return 1
      compare "$1" "$want" "$out/$1.copy.sql"
      ;;
    # A table dump names no schema: the copy gets it first.
    one_table) partial "$1" "CREATE SCHEMA audit" -t audit.log ;;
    one_schema) partial "$1" "" -n app ;;
    # Tusk's contrib module, which PostgreSQL 15 does not install.
    extension) plain_to tusk "$1" ext ;;
    pg_plain_to_tusk | pg_custom_to_tusk)
      # A dump taken from PostgreSQL 15 of the same database, restored into
      # Tusk: Tusk's copy must dump as PostgreSQL's original does.
      local db want
      db=$(newdb tusk "$1") || return 1
      want=$(ref postgres) || return 1
      if [ "$1" = pg_plain_to_tusk ]; then
        psql_on tusk "$db" -f "$want" >"$out/$1.restore.log" 2>&1 ||
          { echo "  restore failed:"; tail -20 "$out/$1.restore.log"; return 1; }
      else
        dump_of postgres orig "$out/$1.orig.dump" -Fc || return 1
        "$pg_bin/pg_restore" $(conn tusk) --exit-on-error -d "$db" \
          "$out/$1.orig.dump" >"$out/$1.restore.log" 2>&1 ||
          { echo "  pg_restore failed:"; tail -20 "$out/$1.restore.log"; return 1; }
      fi
      dump_of tusk "$db" "$out/$1.copy.sql" || return 1
      compare "$1" "$want" "$out/$1.copy.sql" sort
      ;;
    globals)
      # pg_dumpall -g (roles, memberships, role settings and comments): the
      # two clusters hold the same roles, so the dumps must be the same.
      "$pg_bin/pg_dumpall" $(conn postgres) -g -f "$out/$1.orig.sql" &&
        "$pg_bin/pg_dumpall" $(conn tusk) -g -f "$out/$1.copy.sql" || return 1
      compare "$1" "$out/$1.orig.sql" "$out/$1.copy.sql"
      ;;
    *)
      echo "  unknown case"
      return 1
      ;;
  esac
}

# Both servers are set up at the same time: most of the suite's time.
setup() {
  start_server "$1" || return 1
  createdb_on "$1" orig &&
    psql_on "$1" orig -f regress/dump/schema.sql >"$out/schema.$1.log" 2>&1 ||
    { echo "loading regress/dump/schema.sql into $1 failed:"; tail -20 "$out/schema.$1.log"; return 1; }
}
setup postgres &
pg_setup=$!
setup tusk || exit 1
wait "$pg_setup" || exit 1
createdb_on tusk ext &&
  psql_on tusk ext -c "CREATE EXTENSION worker_spi" \
    -c "COMMENT ON EXTENSION worker_spi IS 'the sample background worker'" >"$out/ext.log" 2>&1 ||
  { echo "creating the extension failed:"; cat "$out/ext.log"; exit 1; }

passed=0
failed=0
for c in "${cases[@]}"; do
  if run_case "$c" >"$out/$c.log" 2>&1; then
    echo "ok     $c"
    passed=$((passed + 1))
  else
    echo "FAILED $c"
    head -60 "$out/$c.log"
    failed=$((failed + 1))
  fi
done
if ! run_as "$tusk_bin/pg_ctl" -D "$work/tusk/data" status >/dev/null 2>&1; then
  echo "the Tusk server is gone; its log:"
  tail -50 "$work/tusk/server.log"
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
