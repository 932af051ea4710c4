/*
 * transam.cpp — what became of a transaction, from the commit log (see
 * access/transam.h).
 *
 * Principal entry points: FullTransactionIdDidCommit,
 * FullTransactionIdDidAbort, TransactionIdGetCommitLSN.
 *
 * The special ids below FirstNormalTransactionId never appear in the
 * commit log: the bootstrap and frozen ids count as committed, the
 * invalid id as aborted, as in PostgreSQL.
 */
#include "postgres.h"

#include "access/clog.h"
#include "access/transam.h"

bool FullTransactionIdDidCommit(FullTransactionId xid)
{
	if (!FullTransactionIdIsNormal(xid))
		return U64FromFullTransactionId(xid) == BootstrapTransactionId ||
			U64FromFullTransactionId(xid) == FrozenTransactionId;
	return TransactionIdGetStatus(xid, nullptr) == TRANSACTION_STATUS_COMMITTED;
}

bool FullTransactionIdDidAbort(FullTransactionId xid)
{
	if (!FullTransactionIdIsNormal(xid))
		return !FullTransactionIdIsValid(xid);
	return TransactionIdGetStatus(xid, nullptr) == TRANSACTION_STATUS_ABORTED;
}

XLogRecPtr TransactionIdGetCommitLSN(FullTransactionId xid)
{
	if (!FullTransactionIdIsNormal(xid))
		return InvalidXLogRecPtr;
	XLogRecPtr lsn = InvalidXLogRecPtr;
	(void) TransactionIdGetStatus(xid, &lsn);
	return lsn;
}
