#!/usr/bin/env bash
# Builds test_cfuncs (and test_nomagic) against PostgreSQL 15's server
# headers and installs them into PostgreSQL's pkglibdir, so that
# `regress/pg_regress.sh postgres cfuncs` runs regress/sql/cfuncs.sql
# against the same module Tusk's build installs (AS '$libdir/test_cfuncs'
# finds each server's own copy).  Needs postgresql-server-dev-15; as root.
#
#   regress/modules/test_cfuncs/build_pg.sh
set -euo pipefail
cd "$(dirname "$0")/.."
pg_config=/usr/lib/postgresql/15/bin/pg_config
[ -f "$("$pg_config" --includedir-server)/postgres.h" ] ||
  { echo "install postgresql-server-dev-15 first"; exit 1; }
libdir=$("$pg_config" --pkglibdir)
for m in test_cfuncs test_nomagic; do
  # shellcheck disable=SC2046
  cc -I"$("$pg_config" --includedir-server)" $("$pg_config" --cflags_sl) -O2 -Wall -shared \
    -o "$libdir/$m.so" "$m/$m.c"
  chmod a+r "$libdir/$m.so"
  echo "$libdir/$m.so"
done
