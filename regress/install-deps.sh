#!/usr/bin/env bash
# Install the Debian packages Tusk needs to build and test, if missing.
# Used by run.sh, test.sh and .ci/run.  Needs root (or sudo) only when
# something is actually missing.
set -euo pipefail

# clang-format and clang-tidy (version 14 on Debian 12) are for
# regress/lint/, which .ci/run runs; python3 runs the catalog generator
# (backend/catalog/gen_catalog.py); libpg-query-dev is PostgreSQL 15's
# parser as a library, the oracle of the parser's differential test
# (regress/parser/); clang builds the parser's fuzzer (regress/fuzz/run_parser_fuzz.sh);
# libcctz-dev reads the time-zone database (tzdata) for the date/time types;
# libpcre2-dev is the regular-expression engine (backend/utils/adt/regex.cpp);
# make runs the header test's compilations in parallel (regress/integration/).
# The driver suite (regress/clients/) runs each client against PostgreSQL 15
# (postgresql-15) and Tusk: psycopg2, psycopg 3 and SQLAlchemy from Debian,
# pgjdbc (libpostgresql-jdbc-java) compiled with a JDK, and node-postgres,
# which regress/clients/run.sh installs with npm (versions pinned in
# regress/clients/node/package-lock.json).
packages=(g++ meson ninja-build pkg-config libpq-dev libssl-dev zlib1g-dev catch2
          postgresql-client-15 passwd util-linux clang-format clang-tidy python3
          libpg-query-dev clang libcctz-dev tzdata libpcre2-dev make
          postgresql-15 python3-psycopg2 python3-psycopg python3-sqlalchemy
          libpostgresql-jdbc-java)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# A JDK and Node.js may come from elsewhere than Debian (NodeSource's nodejs
# bundles npm and conflicts with Debian's npm): ask for Debian's only when
# the commands are missing.
command -v javac >/dev/null || missing+=(default-jdk-headless)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
