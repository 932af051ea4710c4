#!/usr/bin/env bash
# The SQL regression suite: every test in regress/schedule, run in order
# through the real psql 15 (`psql -X -a -q`, as pg_regress runs it) in one
# database of a fresh server, its output compared with regress/expected/.
#
#   regress/pg_regress.sh tusk INSTALL_DIR [TEST...]
#       run against Tusk; results in $TUSK_REGRESS_OUT (default
#       build/regress-results), a diff per failed test; exits non-zero if
#       any failed; the last line is "N passed, N failed"
#   regress/pg_regress.sh postgres [TEST...]
#       run against PostgreSQL 15 and write each test's expected output in
#       regress/expected/:
#       expected output always comes from PostgreSQL, never from Tusk
#
# As root, the servers run as the unprivileged user "tusk" (created if
# missing).  The server lives in a private temporary directory on a free
# port and is stopped on exit, also on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
top=$PWD
mode=${1:?usage: regress/pg_regress.sh tusk INSTALL_DIR [TEST...] | postgres [TEST...]}
shift
pg_bin=/usr/lib/postgresql/15/bin
case "$mode" in
  tusk) server_bin=${1:?INSTALL_DIR}/bin; shift ;;
  postgres) server_bin=$pg_bin ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac

tests=("$@")
if [ ${#tests[@]} -eq 0 ]; then
  mapfile -t tests < <(grep -v '^\s*#' regress/schedule | sed -e 's/^test:\s*//' | tr ' ' '\n' | grep .)
fi

work=$(mktemp -d /tmp/tusk-regress.XXXXXX)
run_as() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  id tusk >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin tusk
  chown tusk: "$work"
  run_as() { runuser -u tusk -- "$@"; }
  if [ "$mode" = tusk ]; then
    cp -a "$server_bin/.." "$work/install"
    chmod -R a+rX "$work/install"
    server_bin=$work/install/bin
  fi
fi
cleanup() {
  run_as "$server_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
run_as "$server_bin/initdb" -D "$work/data" -U regress --locale=C -E UTF8 >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log"; exit 1; }
run_as "$server_bin/pg_ctl" -D "$work/data" -w -l "$work/server.log" \
  -o "-p $port -k $work -c listen_addresses=''" start >/dev/null ||
  { cat "$work/server.log"; exit 1; }

# The settings pg_regress gives every test.
export PGTZ=PST8PDT PGDATESTYLE="Postgres, MDY" PGHOST=$work PGPORT=$port PGUSER=regress
export PGDATABASE=postgres PGAPPNAME=pg_regress

if [ "$mode" = postgres ]; then
  for t in "${tests[@]}"; do
    "$pg_bin/psql" -X -a -q <"regress/sql/$t.sql" >"regress/expected/$t.out" 2>&1
    echo "expected/$t.out written"
  done
  exit 0
fi

out=${TUSK_REGRESS_OUT:-$top/build/regress-results}
rm -rf "$out"
mkdir -p "$out"
passed=0
failed=0
for t in "${tests[@]}"; do
  "$pg_bin/psql" -X -a -q <"regress/sql/$t.sql" >"$out/$t.out" 2>&1
  if diff -u "regress/expected/$t.out" "$out/$t.out" >"$out/$t.diff"; then
    rm -f "$out/$t.diff"
    echo "ok     $t"
    passed=$((passed + 1))
  else
    echo "FAILED $t (diff in $out/$t.diff)"
    head -40 "$out/$t.diff"
    failed=$((failed + 1))
  fi
done
if ! run_as "$server_bin/pg_ctl" -D "$work/data" status >/dev/null 2>&1; then
  echo "the server is gone; its log:"
  tail -50 "$work/server.log"
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
