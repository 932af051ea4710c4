/*
 * main.cpp — entry point of the `postgres` binary.
 */
#include "postgres.h"

int main(int, char **)
{
	return 0;
}
