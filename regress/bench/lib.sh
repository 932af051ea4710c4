# Shared set-up of the benchmark scripts (sourced, from the top of the
# tree): a private work directory removed on exit along with the servers
# in it ($work/tusk-data, $work/pg-data); as root, an unprivileged user
# "tusk" runs the servers (run_as) from a copy of the Tusk installation it
# can read; free_port prints an unused TCP port.  Tusk is the installation
# of the build directory TUSK_BUILD_DIR (default build; benchmarks want a
# release build, say build-release).
top=$PWD
build=${TUSK_BUILD_DIR:-build}
tusk_bin=$top/$build/install/bin
pg_bin=/usr/lib/postgresql/15/bin

[ -x "$tusk_bin/postgres" ] || { echo "build Tusk first (./test.sh, or no $build/install)"; exit 1; }

work=$(mktemp -d /tmp/tusk-bench.XXXXXX)
run_as() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  id tusk >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin tusk
  chown tusk: "$work"
  run_as() { runuser -u tusk -- "$@"; }
  # The test user must reach the Tusk binaries.
  cp -a "$top/$build/install" "$work/tusk"
  chmod -R a+rX "$work/tusk"
  tusk_bin=$work/tusk/bin
fi
cleanup() {
  run_as "$tusk_bin/pg_ctl" -D "$work/tusk-data" -m immediate stop >/dev/null 2>&1 || true
  run_as "$pg_bin/pg_ctl" -D "$work/pg-data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
