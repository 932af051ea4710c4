#!/usr/bin/env bash
# The driver and ORM suite: each client script of regress/clients/ runs
# against PostgreSQL 15 and against Tusk, and the two transcripts must be
# identical (see regress/clients/README.md).
#
#   regress/clients/run.sh INSTALL_DIR [CLIENT...]
#       CLIENT is a script's name without its extension (psycopg2, psycopg3,
#       node_pg, pgjdbc, sqlalchemy); default all.  Transcripts and diffs go
#       to $TUSK_CLIENTS_OUT (default build/clients-results).  The last line
#       is "N passed, N failed"; the exit status is non-zero if any failed.
#
# Environment:
#   TUSK_BUILD_DIR   where node-postgres is installed (npm ci, from
#                    regress/clients/node/package-lock.json) and the Java
#                    client compiled (default build)
#
# Both servers run in private temporary directories on free TCP ports of
# 127.0.0.1 (pgjdbc speaks only TCP), as the unprivileged user "tusk" when
# we are root, and are stopped on exit, also on failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
install=${1:?usage: regress/clients/run.sh INSTALL_DIR [CLIENT...]}
install=$(cd "$install" && pwd)
shift
build=$top/${TUSK_BUILD_DIR:-build}
python=/usr/bin/python3
clients=("$@")
[ ${#clients[@]} -eq 0 ] && clients=(psycopg2 psycopg3 node_pg pgjdbc sqlalchemy)

out=${TUSK_CLIENTS_OUT:-$build/clients-results}
rm -rf "$out"
mkdir -p "$out"

work=$(mktemp -d /tmp/tusk-clients.XXXXXX)
# shellcheck source=regress/lib/pair.sh
. regress/lib/pair.sh

# What each client needs before it can run; a missing piece fails that client.
prepare_node() {
  local dir=$build/clients-node
  if [ ! -d "$dir/node_modules/pg" ] || ! cmp -s "$dir/package-lock.json" regress/clients/node/package-lock.json; then
    mkdir -p "$dir"
    cp regress/clients/node/package.json regress/clients/node/package-lock.json "$dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --silent) >"$out/npm.log" 2>&1 ||
      { echo "npm ci failed:"; cat "$out/npm.log"; return 1; }
  fi
}
prepare_pgjdbc() {
  local dir=$build/clients-java
  mkdir -p "$dir"
  javac -d "$dir" -cp /usr/share/java/postgresql.jar regress/clients/PgjdbcClient.java \
    >"$out/javac.log" 2>&1 || { echo "javac failed:"; cat "$out/javac.log"; return 1; }
}

# The command line of a client.
client_cmd() {
  case $1 in
    psycopg2 | psycopg3 | sqlalchemy) echo "$python $top/regress/clients/$1_client.py" ;;
    node_pg) echo "env NODE_PATH=$build/clients-node/node_modules node $top/regress/clients/node_pg_client.js" ;;
    pgjdbc) echo "java -Duser.timezone=UTC -cp $build/clients-java:/usr/share/java/postgresql.jar PgjdbcClient" ;;
    *) return 1 ;;
  esac
}

start_server postgres || exit 1
start_server tusk || exit 1

passed=0
failed=0
for c in "${clients[@]}"; do
  cmd=$(client_cmd "$c") || { echo "unknown client $c"; failed=$((failed + 1)); continue; }
  case $c in
    node_pg) prepare_node || { failed=$((failed + 1)); continue; } ;;
    pgjdbc) prepare_pgjdbc || { failed=$((failed + 1)); continue; } ;;
  esac
  for s in postgres tusk; do
    # Each client gets a fresh database on each server, so scripts need no clean-up.
    "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$(port_of "$s")" -U regress -d postgres \
      -c "CREATE DATABASE clients_$c" >/dev/null 2>&1
    PGHOST=127.0.0.1 PGPORT=$(port_of "$s") PGUSER=regress PGDATABASE=clients_$c PGTZ=UTC \
      PGAPPNAME=clients PGOPTIONS= timeout 300 $cmd >"$out/$c.$s.out" 2>&1
    echo "exit status $?" >>"$out/$c.$s.out"
  done
  if ! grep -qx 'exit status 0' "$out/$c.postgres.out"; then
    # A script must pass against PostgreSQL itself, or the comparison means nothing.
    echo "FAILED $c: the script fails against PostgreSQL 15 ($out/$c.postgres.out)"
    tail -20 "$out/$c.postgres.out"
    failed=$((failed + 1))
  elif diff -u "$out/$c.postgres.out" "$out/$c.tusk.out" >"$out/$c.diff"; then
    rm -f "$out/$c.diff"
    echo "ok     $c"
    passed=$((passed + 1))
  else
    echo "FAILED $c (diff in $out/$c.diff)"
    head -60 "$out/$c.diff"
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
