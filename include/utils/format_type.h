/*
 * utils/format_type.h — type names for messages (utils/adt/format_type.cpp).
 */
#ifndef TUSK_UTILS_FORMAT_TYPE_H
#define TUSK_UTILS_FORMAT_TYPE_H

#include "c.h"

#ifdef __cplusplus
extern "C" {
#endif

extern char *format_type_be(Oid type_oid);
extern char *format_type_with_typemod(Oid type_oid, int32 typemod);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_FORMAT_TYPE_H */
