/*
 * access/table.h — opening and closing tables (relation.h, for tables).
 */
#ifndef TUSK_ACCESS_TABLE_H
#define TUSK_ACCESS_TABLE_H

#include "access/relation.h"

#define table_open(relationId, lockmode) relation_open((relationId), (lockmode))
#define table_close(relation, lockmode) relation_close((relation), (lockmode))

#endif /* TUSK_ACCESS_TABLE_H */
