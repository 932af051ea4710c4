/*
 * adt_internal.h — small helpers shared by the built-in type functions
 * (private to backend/utils/adt): three-way comparison and the range
 * errors every numeric type reports with PostgreSQL's wording.
 *
 * Entry points: Compare3, ReportOutOfRange, ReportDivisionByZero.
 */
#ifndef TUSK_BACKEND_UTILS_ADT_ADT_INTERNAL_H
#define TUSK_BACKEND_UTILS_ADT_ADT_INTERNAL_H

#include "postgres.h"

namespace tusk::adt {

/* -1, 0 or 1 as a is less than, equal to or greater than b: what btree
 * comparison support functions return. */
template <typename T>
inline int32 Compare3(T a, T b)
{
	if (a < b)
		return -1;
	return a > b ? 1 : 0;
}

/* 22003 "<type> out of range": type_word is "smallint", "integer" or
 * "bigint" (PostgreSQL's messages for arithmetic and conversion). */
[[noreturn]] inline void ReportOutOfRange(const char *type_word)
{
	ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			errmsg("%s out of range", type_word));
	pg_unreachable();
}

/* 22012 "division by zero". */
[[noreturn]] inline void ReportDivisionByZero()
{
	ereport(ERROR, errcode(ERRCODE_DIVISION_BY_ZERO), errmsg("division by zero"));
	pg_unreachable();
}

}  // namespace tusk::adt

#endif	// TUSK_BACKEND_UTILS_ADT_ADT_INTERNAL_H
