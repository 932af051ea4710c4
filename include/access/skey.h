/*
 * access/skey.h — scan keys (PostgreSQL's skey.h): "column attno
 * <strategy> argument", or IS [NOT] NULL, as index scans take them.
 *
 * Tusk's B-tree reads sk_func as the operator family's ordering function
 * (support function 1, a three-way comparison of the column's type with
 * sk_subtype's) — PostgreSQL's callers put the operator's own function
 * there and its B-tree looks the ordering function up; here whoever
 * builds the key looks it up (get_opfamily_proc), once per plan.
 */
#ifndef TUSK_ACCESS_SKEY_H
#define TUSK_ACCESS_SKEY_H

#include "c.h"
#include "access/stratnum.h"
#include "fmgr.h"

typedef struct ScanKeyData
{
	int sk_flags;				/* SK_* below */
	AttrNumber sk_attno;		/* the index column (1-based) */
	StrategyNumber sk_strategy; /* BTLessStrategyNumber … */
	Oid sk_subtype;				/* the argument's type, or InvalidOid: the column's */
	Oid sk_collation;
	FmgrInfo sk_func; /* see above */
	Datum sk_argument;
} ScanKeyData;

typedef ScanKeyData *ScanKey;

#define SK_ISNULL 0x0001 /* the argument is NULL (matches nothing) */
#define SK_UNARY 0x0002
#define SK_ROW_HEADER 0x0004
#define SK_ROW_MEMBER 0x0008
#define SK_ROW_END 0x0010
#define SK_SEARCHARRAY 0x0020
#define SK_SEARCHNULL 0x0040	/* column IS NULL */
#define SK_SEARCHNOTNULL 0x0080 /* column IS NOT NULL */
#define SK_ORDER_BY 0x0100

#ifdef __cplusplus
extern "C" {
#endif

extern void ScanKeyEntryInitialize(ScanKey entry, int flags, AttrNumber attributeNumber,
								   StrategyNumber strategy, Oid subtype, Oid collation,
								   RegProcedure procedure, Datum argument);
extern void ScanKeyInit(ScanKey entry, AttrNumber attributeNumber, StrategyNumber strategy,
						RegProcedure procedure, Datum argument);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_SKEY_H */
