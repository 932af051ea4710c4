/*
 * main.cpp — entry point of the integration-test program.
 */
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
