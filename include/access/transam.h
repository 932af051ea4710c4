/*
 * access/transam.h — transaction ids.
 *
 * Inside Tusk a transaction id is 64 bits wide (FullTransactionId), so ids
 * never wrap around and PostgreSQL's freezing against wraparound never has
 * to happen.  TransactionId, the 32-bit id PostgreSQL's SQL interface
 * shows, is its low half.
 */
#ifndef TUSK_ACCESS_TRANSAM_H
#define TUSK_ACCESS_TRANSAM_H

#include "c.h"

typedef uint32 TransactionId;

typedef struct FullTransactionId
{
	uint64		value;
} FullTransactionId;

#define InvalidTransactionId ((TransactionId) 0)
#define BootstrapTransactionId ((TransactionId) 1)
#define FrozenTransactionId ((TransactionId) 2)
#define FirstNormalTransactionId ((TransactionId) 3)
#define TransactionIdIsValid(xid) ((xid) != InvalidTransactionId)
#define TransactionIdIsNormal(xid) ((xid) >= FirstNormalTransactionId)

#define EpochFromFullTransactionId(x) ((uint32) ((x).value >> 32))
#define XidFromFullTransactionId(x) ((uint32) (x).value)
#define U64FromFullTransactionId(x) ((x).value)
#define FullTransactionIdEquals(a, b) ((a).value == (b).value)
#define FullTransactionIdPrecedes(a, b) ((a).value < (b).value)
#define FullTransactionIdPrecedesOrEquals(a, b) ((a).value <= (b).value)
#define FullTransactionIdFollows(a, b) ((a).value > (b).value)
#define FullTransactionIdFollowsOrEquals(a, b) ((a).value >= (b).value)
#define FullTransactionIdIsValid(x) ((x).value != 0)
#define FullTransactionIdIsNormal(x) ((x).value >= FirstNormalTransactionId)

static inline FullTransactionId
FullTransactionIdFromU64(uint64 value)
{
	FullTransactionId result;
	result.value = value;
	return result;
}

#define InvalidFullTransactionId FullTransactionIdFromU64(0)
#define FirstNormalFullTransactionId FullTransactionIdFromU64(FirstNormalTransactionId)

#endif							/* TUSK_ACCESS_TRANSAM_H */
