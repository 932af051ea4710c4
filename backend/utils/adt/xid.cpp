/*
 * xid.cpp — the types xid (32-bit transaction id), xid8 (64-bit), cid
 * (command id) and tid (tuple address, "(block,offset)").
 *
 * xid, xid8 and cid input is C's strtoul with base 0, unchecked, as
 * PostgreSQL has it: '0x10' is 16, '-1' wraps, junk after the number is
 * ignored and no number at all is 0.  tid input is "(block,offset)",
 * with nothing but what strtoul skips around the numbers; anything else
 * is 22P02.  xid comparisons are plain equality (xids wrap around, so
 * they have no order); xid8 values are ordered.
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h).
 */
#include "postgres.h"

#include <errno.h>
#include <limits.h>

#include "adt_internal.h"
#include "storage/itemptr.h"
#include "libpq/pqformat.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"

using tusk::adt::Compare3;

namespace {

uint64 GetXid8(FunctionCallInfo fcinfo, int n)
{
	return DatumGetUInt64(PG_GETARG_DATUM(n));
}

ItemPointer GetTid(FunctionCallInfo fcinfo, int n)
{
	return reinterpret_cast<ItemPointer>(PG_GETARG_POINTER(n));
}

/* Block number, then offset. */
int32 CompareTids(const ItemPointerData *a, const ItemPointerData *b)
{
	int32 c = Compare3(ItemPointerGetBlockNumber(a), ItemPointerGetBlockNumber(b));
	return c != 0 ? c : Compare3(a->ip_posid, b->ip_posid);
}

int32 CompareTidArgs(FunctionCallInfo fcinfo)
{
	return CompareTids(GetTid(fcinfo, 0), GetTid(fcinfo, 1));
}

[[noreturn]] void InvalidTid(const char *str)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type %s: \"%s\"", "tid", str));
	pg_unreachable();
}

}  // namespace

/* ---- xid ---- */

Datum xidin(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(TransactionIdGetDatum(
		static_cast<TransactionId>(strtoul(PG_GETARG_CSTRING(0), nullptr, 0))));
}

Datum xidout(PG_FUNCTION_ARGS)
{
	char *result = static_cast<char *>(palloc(16));
	snprintf(result, 16, "%lu",
			 static_cast<unsigned long>(DatumGetTransactionId(PG_GETARG_DATUM(0))));
	PG_RETURN_CSTRING(result);
}

Datum xideq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(DatumGetTransactionId(PG_GETARG_DATUM(0)) ==
				   DatumGetTransactionId(PG_GETARG_DATUM(1)));
}

Datum xidneq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(DatumGetTransactionId(PG_GETARG_DATUM(0)) !=
				   DatumGetTransactionId(PG_GETARG_DATUM(1)));
}

/* ---- xid8 ---- */

Datum xid8in(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(UInt64GetDatum(strtoull(PG_GETARG_CSTRING(0), nullptr, 0)));
}

Datum xid8out(PG_FUNCTION_ARGS)
{
	char *result = static_cast<char *>(palloc(21));
	pg_ulltoa(GetXid8(fcinfo, 0), result);
	PG_RETURN_CSTRING(result);
}

/* xid8::xid: the low 32 bits. */
Datum xid8toxid(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(TransactionIdGetDatum(static_cast<TransactionId>(GetXid8(fcinfo, 0))));
}

Datum xid8eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GetXid8(fcinfo, 0) == GetXid8(fcinfo, 1));
}

Datum xid8ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GetXid8(fcinfo, 0) != GetXid8(fcinfo, 1));
}

Datum xid8lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GetXid8(fcinfo, 0) < GetXid8(fcinfo, 1));
}

Datum xid8gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GetXid8(fcinfo, 0) > GetXid8(fcinfo, 1));
}

Datum xid8le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GetXid8(fcinfo, 0) <= GetXid8(fcinfo, 1));
}

Datum xid8ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GetXid8(fcinfo, 0) >= GetXid8(fcinfo, 1));
}

Datum xid8cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3(GetXid8(fcinfo, 0), GetXid8(fcinfo, 1)));
}

Datum xid8_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(UInt64GetDatum(Max(GetXid8(fcinfo, 0), GetXid8(fcinfo, 1))));
}

Datum xid8_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(UInt64GetDatum(Min(GetXid8(fcinfo, 0), GetXid8(fcinfo, 1))));
}

/* ---- cid ---- */

Datum cidin(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(
		CommandIdGetDatum(static_cast<CommandId>(strtoul(PG_GETARG_CSTRING(0), nullptr, 0))));
}

Datum cidout(PG_FUNCTION_ARGS)
{
	char *result = static_cast<char *>(palloc(16));
	snprintf(result, 16, "%u", static_cast<unsigned int>(DatumGetCommandId(PG_GETARG_DATUM(0))));
	PG_RETURN_CSTRING(result);
}

Datum cideq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(DatumGetCommandId(PG_GETARG_DATUM(0)) == DatumGetCommandId(PG_GETARG_DATUM(1)));
}

/* ---- tid ---- */

/*
 * "(block,offset)".  Like PostgreSQL, the numbers are found by scanning
 * for the first "(" and the "," (text before the "(" and after the ")"
 * is ignored); the block number may be written negative (it wraps, as an
 * oid does), the offset must fit in 16 bits.
 */
Datum tidin(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *coord[2] = {nullptr, nullptr};
	int found = 0;
	for (const char *p = str; *p != '\0' && found < 2 && *p != ')'; p++)
	{
		if (*p == ',' || (*p == '(' && found == 0))
			coord[found++] = p + 1;
	}
	if (found < 2)
		InvalidTid(str);

	char *end;
	errno = 0;
	unsigned long cvt = strtoul(coord[0], &end, 10);
	if (errno != 0 || *end != ',')
		InvalidTid(str);
	auto block = static_cast<BlockNumber>(cvt);
	if (cvt != static_cast<unsigned long>(block) &&
		cvt != static_cast<unsigned long>(static_cast<long>(static_cast<int32>(block))))
		InvalidTid(str);

	cvt = strtoul(coord[1], &end, 10);
	if (errno != 0 || *end != ')' || cvt > USHRT_MAX)
		InvalidTid(str);

	auto result = static_cast<ItemPointer>(palloc(sizeof(ItemPointerData)));
	ItemPointerSet(result, block, static_cast<OffsetNumber>(cvt));
	PG_RETURN_POINTER(result);
}

Datum tidout(PG_FUNCTION_ARGS)
{
	ItemPointer tid = GetTid(fcinfo, 0);
	PG_RETURN_CSTRING(psprintf("(%u,%u)", ItemPointerGetBlockNumber(tid),
							   static_cast<unsigned int>(tid->ip_posid)));
}

Datum tideq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareTidArgs(fcinfo) == 0);
}

Datum tidne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareTidArgs(fcinfo) != 0);
}

Datum tidlt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareTidArgs(fcinfo) < 0);
}

Datum tidle(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareTidArgs(fcinfo) <= 0);
}

Datum tidgt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareTidArgs(fcinfo) > 0);
}

Datum tidge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareTidArgs(fcinfo) >= 0);
}

Datum bttidcmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareTidArgs(fcinfo));
}

Datum tidlarger(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(CompareTidArgs(fcinfo) >= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

Datum tidsmaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(CompareTidArgs(fcinfo) <= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/* Binary forms: xid and cid as 4 bytes, xid8 as 8, tid as block (4) and
 * offset (2), all big-endian. */
Datum xidrecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	return TransactionIdGetDatum(static_cast<TransactionId>(pq_getmsgint(buf, 4)));
}

Datum xidsend(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint32(&buf, DatumGetTransactionId(PG_GETARG_DATUM(0)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum xid8recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PG_RETURN_DATUM(UInt64GetDatum(static_cast<uint64>(pq_getmsgint64(buf))));
}

Datum xid8send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint64(&buf, GetXid8(fcinfo, 0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum cidrecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	return CommandIdGetDatum(static_cast<CommandId>(pq_getmsgint(buf, 4)));
}

Datum cidsend(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint32(&buf, DatumGetCommandId(PG_GETARG_DATUM(0)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum tidrecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	BlockNumber block = pq_getmsgint(buf, 4);
	auto offset = static_cast<OffsetNumber>(pq_getmsgint(buf, 2));
	auto *result = static_cast<ItemPointer>(palloc(sizeof(ItemPointerData)));
	ItemPointerSet(result, block, offset);
	PG_RETURN_POINTER(result);
}

Datum tidsend(PG_FUNCTION_ARGS)
{
	ItemPointer tid = GetTid(fcinfo, 0);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint32(&buf, ItemPointerGetBlockNumber(tid));
	pq_sendint16(&buf, tid->ip_posid);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
