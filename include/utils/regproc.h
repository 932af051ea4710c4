/*
 * utils/regproc.h — helpers of the OID alias types (PostgreSQL's
 * utils/regproc.h): reading a possibly qualified name.
 *
 * Principal entry points: stringToQualifiedNameList (regproc.cpp).
 */
#ifndef TUSK_UTILS_REGPROC_H
#define TUSK_UTILS_REGPROC_H

#include "nodes/pg_list.h"

/* A possibly qualified, possibly quoted name ("s"."T", s.t) as the list of
 * its parts (String nodes), unquoted parts lowercased; ERROR 42602
 * "invalid name syntax". */
extern List *stringToQualifiedNameList(const char *string);

#endif /* TUSK_UTILS_REGPROC_H */
