/*
 * access/relation.h — opening and closing relations.
 */
#ifndef TUSK_ACCESS_RELATION_H
#define TUSK_ACCESS_RELATION_H

#include "c.h"
#include "storage/lock.h"
#include "utils/rel.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Takes lockmode on the relation (NoLock: the caller holds one already);
 * the lock lasts to the end of the transaction unless released at close.
 * The Relation stays valid after close, as a relation cache entry does. */
extern Relation relation_open(Oid relationId, LOCKMODE lockmode);
extern void relation_close(Relation relation, LOCKMODE lockmode);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_RELATION_H */
