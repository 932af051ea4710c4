/*
 * access/htup_details.h — the heap tuple header.
 *
 * PostgreSQL's header with one change: the inserting and deleting
 * transactions (t_xmin, t_xmax) are Tusk's 64-bit ids, so a tuple never
 * needs freezing against wraparound.  The header is 31 bytes before the
 * null bitmap (PostgreSQL's is 23); with t_hoff MAXALIGN'd, data starts at
 * byte 32 of a tuple without nulls.
 *
 * The infomask bits are PostgreSQL's.  Hint bits (XMIN_COMMITTED,
 * XMIN_INVALID, XMAX_COMMITTED, XMAX_INVALID) cache what the commit log
 * said once the transaction had ended, so later readers need not ask it.
 *
 * Command ids: a tuple inserted and deleted by the same transaction needs
 * both its cmin and cmax; t_cid then holds a "combo" command id
 * (HEAP_COMBOCID) that this backend maps to the pair (utils/combocid.h).
 */
#ifndef TUSK_ACCESS_HTUP_DETAILS_H
#define TUSK_ACCESS_HTUP_DETAILS_H

#include "c.h"
#include "access/htup.h"
#include "access/transam.h"
#include "access/xact.h"
#include "storage/itemptr.h"

struct HeapTupleHeaderData
{
	uint64 t_xmin;						 /* inserting transaction (FullTransactionId) */
	uint64 t_xmax;						 /* deleting or locking transaction, or 0 */
	CommandId t_cid;					 /* inserting or deleting command id, or combo */
	ItemPointerData t_ctid;				 /* this tuple, or its newer version */
	uint16 t_infomask2;					 /* number of attributes, and flags */
	uint16 t_infomask;					 /* flags */
	uint8 t_hoff;						 /* header size, bitmap and padding included */
	bits8 t_bits[FLEXIBLE_ARRAY_MEMBER]; /* null bitmap */
};

#define SizeofHeapTupleHeader offsetof(HeapTupleHeaderData, t_bits)

/*
 * A composite value (a row as one Datum: ROW(…), a whole-row reference)
 * is a heap tuple header and data in one varlena.  As in PostgreSQL, the
 * transaction fields, meaningless in a value, hold the varlena length
 * and the row type instead: DatumTupleFields overlays the first bytes of
 * t_xmin and t_xmax.  The typmod is the record type's registry index
 * (utils/typcache.h) for RECORDOID, else -1.
 */
typedef struct DatumTupleFields
{
	int32 datum_len_;	/* varlena header (never touch it directly) */
	int32 datum_typmod; /* -1, or the anonymous record type's typmod */
	Oid datum_typeid;	/* the composite type's OID, or RECORDOID */
} DatumTupleFields;

#define HeapTupleHeaderDatumFields(tup) ((DatumTupleFields *) (tup))
#define HeapTupleHeaderGetDatumLength(tup) VARSIZE(tup)
#define HeapTupleHeaderSetDatumLength(tup, len) SET_VARSIZE(tup, len)
#define HeapTupleHeaderGetTypeId(tup) (HeapTupleHeaderDatumFields(tup)->datum_typeid)
#define HeapTupleHeaderSetTypeId(tup, typeid) \
	(HeapTupleHeaderDatumFields(tup)->datum_typeid = (typeid))
#define HeapTupleHeaderGetTypMod(tup) (HeapTupleHeaderDatumFields(tup)->datum_typmod)
#define HeapTupleHeaderSetTypMod(tup, typmod) \
	(HeapTupleHeaderDatumFields(tup)->datum_typmod = (typmod))

/* t_infomask */
#define HEAP_HASNULL 0x0001
#define HEAP_HASVARWIDTH 0x0002
#define HEAP_HASEXTERNAL 0x0004
#define HEAP_HASOID_OLD 0x0008
#define HEAP_XMAX_KEYSHR_LOCK 0x0010
#define HEAP_COMBOCID 0x0020
#define HEAP_XMAX_EXCL_LOCK 0x0040
#define HEAP_XMAX_LOCK_ONLY 0x0080 /* xmax only locks the row */
#define HEAP_XMAX_SHR_LOCK (HEAP_XMAX_EXCL_LOCK | HEAP_XMAX_KEYSHR_LOCK)
#define HEAP_LOCK_MASK (HEAP_XMAX_SHR_LOCK | HEAP_XMAX_EXCL_LOCK | HEAP_XMAX_KEYSHR_LOCK)
#define HEAP_XMIN_COMMITTED 0x0100
#define HEAP_XMIN_INVALID 0x0200
#define HEAP_XMIN_FROZEN (HEAP_XMIN_COMMITTED | HEAP_XMIN_INVALID)
#define HEAP_XMAX_COMMITTED 0x0400
#define HEAP_XMAX_INVALID 0x0800
#define HEAP_XMAX_IS_MULTI 0x1000 /* (multixacts: not used by Tusk) */
#define HEAP_UPDATED 0x2000		  /* this is an updated version */
#define HEAP_MOVED_OFF 0x4000	  /* (pre-9.0 VACUUM FULL: never set) */
#define HEAP_MOVED_IN 0x8000
#define HEAP_XACT_MASK 0xFFF0

/* t_infomask2 */
#define HEAP_NATTS_MASK 0x07FF
#define HEAP_KEYS_UPDATED 0x2000
#define HEAP_HOT_UPDATED 0x4000
#define HEAP_ONLY_TUPLE 0x8000

#define HEAP_XMAX_IS_LOCKED_ONLY(infomask) \
	(((infomask) & (HEAP_XMAX_LOCK_ONLY)) || \
	 (((infomask) & (HEAP_XMAX_IS_MULTI | HEAP_LOCK_MASK)) == HEAP_XMAX_EXCL_LOCK))

static inline FullTransactionId HeapTupleHeaderGetRawXminFull(const HeapTupleHeaderData *tup)
{
	return FullTransactionIdFromU64(tup->t_xmin);
}

static inline FullTransactionId HeapTupleHeaderGetRawXmaxFull(const HeapTupleHeaderData *tup)
{
	return FullTransactionIdFromU64(tup->t_xmax);
}

/* What SQL shows as xmin and xmax: the low 32 bits. */
#define HeapTupleHeaderGetRawXmin(tup) ((TransactionId) (tup)->t_xmin)
#define HeapTupleHeaderGetRawXmax(tup) ((TransactionId) (tup)->t_xmax)
#define HeapTupleHeaderGetXmin(tup) \
	(HeapTupleHeaderXminFrozen(tup) ? FrozenTransactionId : HeapTupleHeaderGetRawXmin(tup))
#define HeapTupleHeaderSetXmin(tup, fxid) ((tup)->t_xmin = U64FromFullTransactionId(fxid))
#define HeapTupleHeaderSetXmax(tup, fxid) ((tup)->t_xmax = U64FromFullTransactionId(fxid))

#define HeapTupleHeaderXminCommitted(tup) (((tup)->t_infomask & HEAP_XMIN_COMMITTED) != 0)
#define HeapTupleHeaderXminInvalid(tup) \
	(((tup)->t_infomask & (HEAP_XMIN_COMMITTED | HEAP_XMIN_INVALID)) == HEAP_XMIN_INVALID)
#define HeapTupleHeaderXminFrozen(tup) (((tup)->t_infomask & HEAP_XMIN_FROZEN) == HEAP_XMIN_FROZEN)

#define HeapTupleHeaderGetRawCommandId(tup) ((tup)->t_cid)
#define HeapTupleHeaderSetCmin(tup, cid) ((tup)->t_cid = (cid), (tup)->t_infomask &= ~HEAP_COMBOCID)
#define HeapTupleHeaderSetCmax(tup, cid, iscombo) \
	((tup)->t_cid = (cid), \
	 (iscombo) ? ((tup)->t_infomask |= HEAP_COMBOCID) : ((tup)->t_infomask &= ~HEAP_COMBOCID))

#define HeapTupleHeaderGetNatts(tup) ((tup)->t_infomask2 & HEAP_NATTS_MASK)
#define HeapTupleHeaderSetNatts(tup, natts) \
	((tup)->t_infomask2 = ((tup)->t_infomask2 & ~HEAP_NATTS_MASK) | (natts))
#define HeapTupleHeaderIsHeapOnly(tup) (((tup)->t_infomask2 & HEAP_ONLY_TUPLE) != 0)
#define HeapTupleHeaderIsHotUpdated(tup) \
	(((tup)->t_infomask2 & HEAP_HOT_UPDATED) != 0 && \
	 ((tup)->t_infomask & HEAP_XMAX_INVALID) == 0 && !HeapTupleHeaderXminInvalid(tup))
#define HeapTupleIsHeapOnly(tuple) HeapTupleHeaderIsHeapOnly((tuple)->t_data)
#define HeapTupleIsHotUpdated(tuple) HeapTupleHeaderIsHotUpdated((tuple)->t_data)
#define HeapTupleHeaderSetHeapOnly(tup) ((tup)->t_infomask2 |= HEAP_ONLY_TUPLE)
#define HeapTupleHeaderClearHeapOnly(tup) ((tup)->t_infomask2 &= ~HEAP_ONLY_TUPLE)
#define HeapTupleHeaderSetHotUpdated(tup) ((tup)->t_infomask2 |= HEAP_HOT_UPDATED)

/* The fixed part of a catalog tuple, as its FormData_pg_xxx struct. */
#define GETSTRUCT(TUP) ((char *) ((TUP)->t_data) + (TUP)->t_data->t_hoff)
#define HeapTupleHasNulls(tuple) (((tuple)->t_data->t_infomask & HEAP_HASNULL) != 0)
#define HeapTupleNoNulls(tuple) (!HeapTupleHasNulls(tuple))
#define HeapTupleHasVarWidth(tuple) (((tuple)->t_data->t_infomask & HEAP_HASVARWIDTH) != 0)
#define HeapTupleHasExternal(tuple) (((tuple)->t_data->t_infomask & HEAP_HASEXTERNAL) != 0)
#define HeapTupleIsValid(tuple) ((tuple) != NULL)
#define BITMAPLEN(NATTS) (((int) (NATTS) + 7) / 8)

/* System columns (PostgreSQL 15's attribute numbers). */
#define SelfItemPointerAttributeNumber (-1)
#define MinTransactionIdAttributeNumber (-2)
#define MinCommandIdAttributeNumber (-3)
#define MaxTransactionIdAttributeNumber (-4)
#define MaxCommandIdAttributeNumber (-5)
#define TableOidAttributeNumber (-6)
#define FirstLowInvalidHeapAttributeNumber (-7)
#define MaxTupleAttributeNumber 1664
#define MaxHeapAttributeNumber 1600

typedef struct TupleDescData *TupleDesc;

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes the data part of a tuple of these values needs (after t_hoff). */
extern Size heap_compute_data_size(TupleDesc tupleDesc, const Datum *values, const bool *isnull);
/* Lay the values out into data (zeroed, heap_compute_data_size bytes),
 * and the null bitmap into bit when bit is not NULL (index tuples use the
 * same layout).  infomask gets HEAP_HASNULL and HEAP_HASVARWIDTH. */
extern void heap_fill_tuple(TupleDesc tupleDesc, const Datum *values, const bool *isnull,
							char *data, Size data_size, uint16 *infomask, bits8 *bit);
/* A new tuple (palloc'd in one piece in CurrentMemoryContext) holding
 * the values: by-value types stored in their length, varlenas of up to
 * 126 data bytes with a 1-byte header unless their column is plain.  Its
 * header also says its row type (tdtypeid, tdtypmod) and length, as a
 * composite Datum does (HeapTupleGetDatum, funcapi.h). */
extern HeapTuple heap_form_tuple(TupleDesc tupleDescriptor, const Datum *values,
								 const bool *isnull);
/* All columns of the tuple: by-value ones copied, others pointing into
 * the tuple; columns the tuple does not have (added later by ALTER
 * TABLE) are NULL. */
extern void heap_deform_tuple(HeapTuple tuple, TupleDesc tupleDesc, Datum *values, bool *isnull);
/* One column (attnum > 0) or system column (attnum < 0). */
extern Datum heap_getattr(HeapTuple tup, int attnum, TupleDesc tupleDesc, bool *isnull);
extern Datum heap_getsysattr(HeapTuple tup, int attnum, TupleDesc tupleDesc, bool *isnull);
extern bool heap_attisnull(HeapTuple tup, int attnum, TupleDesc tupleDesc);
/* Column attnum (1-based) of a row written before the column was added:
 * its missing value (pg_attribute.attmissingval), or NULL. */
extern Datum getmissingattr(TupleDesc tupleDesc, int attnum, bool *isnull);
extern HeapTuple heap_copytuple(HeapTuple tuple);
/* A new tuple: tuple's values, with those whose doReplace is set taken
 * from replValues/replIsnull.  t_self and t_tableOid are kept. */
/* The tuple as a composite Datum of tupleDesc's row type (a copy in
 * CurrentMemoryContext, TOAST pointers replaced by their values so the
 * value stands alone). */
extern Datum heap_copy_tuple_as_datum(HeapTuple tuple, TupleDesc tupleDesc);
/* A composite Datum of tupleDesc's row type holding the values (external
 * TOAST pointers among them fetched). */
extern Datum heap_form_composite_datum(TupleDesc tupleDesc, const Datum *values,
									   const bool *isnull);
/* A composite Datum, detoasted and aligned, seen as a HeapTupleData
 * (t_data points into the value). */
extern void heap_composite_datum_as_tuple(Datum composite, HeapTupleData *tuple);
extern HeapTuple heap_modify_tuple(HeapTuple tuple, TupleDesc tupleDesc, const Datum *replValues,
								   const bool *replIsnull, const bool *doReplace);

/* With combo command ids resolved (utils/time/combocid.cpp). */
extern CommandId HeapTupleHeaderGetCmin(const HeapTupleHeaderData *tup);
extern CommandId HeapTupleHeaderGetCmax(const HeapTupleHeaderData *tup);
/* The command id to store when deleting a tuple this transaction may
 * also have inserted: cmax, or a combo id standing for (cmin, cmax). */
extern void HeapTupleHeaderAdjustCmax(const HeapTupleHeaderData *tup, CommandId *cmax,
									  bool *iscombo);
/* Transaction end: combo ids mean nothing to the next transaction. */
extern void AtEOXact_ComboCid(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_HTUP_DETAILS_H */
