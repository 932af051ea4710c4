/*
 * access/stratnum.h — strategy numbers (PostgreSQL's stratnum.h): which
 * operator of an operator family a scan key or pg_amop row means.
 */
#ifndef TUSK_ACCESS_STRATNUM_H
#define TUSK_ACCESS_STRATNUM_H

#include "c.h"

typedef uint16 StrategyNumber;

#define InvalidStrategy ((StrategyNumber) 0)

/* B-tree strategies. */
#define BTLessStrategyNumber 1
#define BTLessEqualStrategyNumber 2
#define BTEqualStrategyNumber 3
#define BTGreaterEqualStrategyNumber 4
#define BTGreaterStrategyNumber 5
#define BTMaxStrategyNumber 5

#endif /* TUSK_ACCESS_STRATNUM_H */
