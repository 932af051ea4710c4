/*
 * storage/block.h — block numbers: the position of a page in a relation fork.
 */
#ifndef TUSK_STORAGE_BLOCK_H
#define TUSK_STORAGE_BLOCK_H

#include "c.h"

typedef uint32 BlockNumber;

#define InvalidBlockNumber ((BlockNumber) 0xFFFFFFFF)
#define MaxBlockNumber ((BlockNumber) 0xFFFFFFFE)
#define BlockNumberIsValid(blockNumber) ((BlockNumber) (blockNumber) != InvalidBlockNumber)

#endif /* TUSK_STORAGE_BLOCK_H */
