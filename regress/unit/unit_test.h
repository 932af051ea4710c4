/*
 * unit_test.h — include this (not catch.hpp) first in every unit test.
 *
 * Catch2 defines a logging macro INFO that collides with the error level
 * INFO of utils/elog.h; tests use the server's meaning.
 */
#ifndef TUSK_REGRESS_UNIT_TEST_H
#define TUSK_REGRESS_UNIT_TEST_H

#include <catch2/catch.hpp>
#undef INFO

#include "postgres.h"

#endif
