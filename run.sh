#!/usr/bin/env bash
# Build Tusk, create ./data if absent, and start the server.
#   ./run.sh        build, initdb (once), start on port ${PGPORT:-5432}
#   ./run.sh stop   stop the server
# Running it again is harmless: a running server is left as it is.
# The server runs the contrib/worker_spi sample (shared_preload_libraries =
# 'worker_spi', a round every 2 s): see README.md to watch it or turn it off.
# As root, the server runs as the unprivileged system user "tusk"
# (created if missing): PostgreSQL servers refuse to run as root.
set -euo pipefail
cd "$(dirname "$0")"
top=$PWD
port=${PGPORT:-5432}
build=build
prefix=$top/$build/install
data=$top/data

run_as() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  id tusk >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin tusk
  run_as() { runuser -u tusk -- "$@"; }
fi

if [ "${1:-}" = "stop" ]; then
  if [ -f "$data/postmaster.pid" ] || [ -f "/var/lib/tusk/data/postmaster.pid" ]; then
    [ -f "$data/postmaster.pid" ] || { data=/var/lib/tusk/data; prefix=/var/lib/tusk/install; }
    run_as "$prefix/bin/pg_ctl" -D "$data" stop -m fast
  else
    echo "run.sh: no server running"
  fi
  exit 0
fi

regress/install-deps.sh
[ -f "$build/build.ninja" ] || meson setup "$build" --prefix="$prefix" >/dev/null
ninja -C "$build" install >/dev/null

# The unprivileged user must be able to reach the binaries and the data
# directory; when the checkout is somewhere it cannot (say /root), use a
# copy under /var/lib/tusk instead.
if [ "$(id -u)" -eq 0 ] && ! runuser -u tusk -- test -x "$prefix/bin/postgres"; then
  mkdir -p /var/lib/tusk
  rm -rf /var/lib/tusk/install
  cp -a "$prefix" /var/lib/tusk/install
  chmod -R a+rX /var/lib/tusk/install
  prefix=/var/lib/tusk/install
  data=/var/lib/tusk/data
  echo "run.sh: $top is not reachable by user tusk; using $prefix and $data"
fi

if [ ! -f "$data/PG_VERSION" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$data"
    chown tusk: "$data"
    chmod 700 "$data"
  fi
  run_as "$prefix/bin/initdb" -D "$data" >/dev/null
fi

# The worker_spi sample: added once to postgresql.conf, new or from an older
# run, below a marker line; delete or comment out the settings under the
# marker (keeping the marker) to turn it off, and run.sh leaves them so.
conf=$data/postgresql.conf
marker="# run.sh: the contrib/worker_spi sample (see README.md)"
conf_added=no
if ! grep -qxF "$marker" "$conf"; then
  if grep -Eq '^[[:space:]]*shared_preload_libraries[[:space:]]*=' "$conf"; then
    echo "run.sh: $conf sets shared_preload_libraries already; not adding worker_spi"
    printf '\n%s\n%s\n' "$marker" "# (not added: shared_preload_libraries is set above)" |
      run_as tee -a "$conf" >/dev/null
  else
    printf '\n%s\nshared_preload_libraries = '"'"'worker_spi'"'"'\nworker_spi.naptime = 2\n' \
      "$marker" | run_as tee -a "$conf" >/dev/null
    conf_added=yes
  fi
fi

if run_as "$prefix/bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  echo "run.sh: server already running"
  [ "$conf_added" = no ] ||
    echo "run.sh: worker_spi was added to $conf; restart to start it: ./run.sh stop && ./run.sh"
else
  run_as "$prefix/bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port" -w start
fi
echo
echo "Connect with:"
user_opt=""
# As root, initdb ran as tusk: that is the superuser to connect as.
[ "$(id -u)" -eq 0 ] && user_opt=" -U tusk"
echo "    /usr/lib/postgresql/15/bin/psql -h localhost -p $port -d postgres$user_opt"
echo "and watch the worker_spi sample (README.md): SELECT * FROM schema1.counted;"
