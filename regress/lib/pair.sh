# Sourced by the suites that run one PostgreSQL 15 and one Tusk server side
# by side (regress/clients/run.sh, regress/dump/run.sh), from the top of
# the tree, after setting
#   install   the Tusk installation under test (absolute)
#   work      their private temporary directory (removed on exit)
# It defines
#   run_as CMD...       CMD as the servers' user: "tusk" (created if
#                       missing) when we are root, with a copy of the
#                       installation it can read; else ourselves
#   bins[SERVER]        bin directory of "postgres" or "tusk"
#   port_of SERVER      the port start_server gave it (read from
#                       $work/SERVER/port: start_server may run in a
#                       background subshell)
#   start_server SERVER initdb (trust, C locale, UTF8, user "regress",
#                       no sync) and pg_ctl start on a free port of
#                       127.0.0.1 and a socket in $work/SERVER, time zone
#                       UTC, fsync off; says why on failure
# and stops both servers (immediately) and removes $work on exit.

pg_bin=/usr/lib/postgresql/15/bin
chmod 755 "$work"
run_as() { "$@"; }
tusk_bin=$install/bin
if [ "$(id -u)" -eq 0 ]; then
  id tusk >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin tusk
  run_as() { runuser -u tusk -- "$@"; }
  cp -a "$install" "$work/install"
  chmod -R a+rX "$work/install"
  tusk_bin=$work/install/bin
fi
declare -A bins=([postgres]=$pg_bin [tusk]=$tusk_bin)
pair_cleanup() {
  for s in postgres tusk; do
    [ -d "$work/$s/data" ] && run_as "${bins[$s]}/pg_ctl" -D "$work/$s/data" -m immediate stop >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap pair_cleanup EXIT

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

port_of() { cat "$work/$1/port"; }

start_server() {
  local s=$1 dir=$work/$1 port
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown tusk: "$dir"
  run_as "${bins[$s]}/initdb" -N -D "$dir/data" -U regress -A trust --locale=C -E UTF8 \
    >"$dir/initdb.log" 2>&1 || { echo "$s: initdb failed"; cat "$dir/initdb.log"; return 1; }
  port=$(free_port)
  echo "$port" >"$dir/port"
  run_as "${bins[$s]}/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c TimeZone=UTC -c fsync=off" \
    start >/dev/null || { echo "$s: server did not start"; cat "$dir/server.log"; return 1; }
}
