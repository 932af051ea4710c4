/*
 * scankey.cpp — filling in scan keys (access/skey.h).
 */
#include "postgres.h"

#include "access/skey.h"
#include "catalog/pg_collation_d.h"

void ScanKeyEntryInitialize(ScanKey entry, int flags, AttrNumber attributeNumber,
							StrategyNumber strategy, Oid subtype, Oid collation,
							RegProcedure procedure, Datum argument)
{
	entry->sk_flags = flags;
	entry->sk_attno = attributeNumber;
	entry->sk_strategy = strategy;
	entry->sk_subtype = subtype;
	entry->sk_collation = collation;
	entry->sk_argument = argument;
	if (OidIsValid(procedure))
		fmgr_info(procedure, &entry->sk_func);
	else
		memset(&entry->sk_func, 0, sizeof(entry->sk_func));
}

void ScanKeyInit(ScanKey entry, AttrNumber attributeNumber, StrategyNumber strategy,
				 RegProcedure procedure, Datum argument)
{
	ScanKeyEntryInitialize(entry, 0, attributeNumber, strategy, InvalidOid, C_COLLATION_OID,
						   procedure, argument);
}
