/*
 * rowtypes.cpp — the composite types' functions: text and binary I/O of
 * record values, their comparison (= <> < <= > >= and btrecordcmp, the
 * record_ops B-tree class) and hashing (hash_record, the hash class), as
 * PostgreSQL's rowtypes.c defines them.
 *
 * Principal entry points: the pg_proc prosrc names below (declared in
 * utils/fmgrprotos.h).
 *
 * A value names its own row type (access/htup_details.h), so the output,
 * comparison and hash functions read the columns from the value; input
 * needs the type from its caller (the column's type, or a cast).  Each
 * call site keeps the row type's descriptor and its columns' functions
 * in fn_extra, rebuilt when a value of another row type arrives.
 *
 * Comparison is column by column with each column type's default B-tree
 * class; NULL sorts after every value and equals NULL (so that sorting,
 * grouping and B-tree indexes see one total order), and comparing rows
 * of different column types or counts is an error.  Dropped columns are
 * skipped everywhere.
 */
#include "postgres.h"

#include <cctype>

#include "access/hash.h"
#include "access/htup_details.h"
#include "catalog/pg_opclass_d.h"
#include "catalog/pg_type_d.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "parser/parse_coerce.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

namespace {

constexpr Oid kBtreeAmOid = 403;
constexpr Oid kHashAmOid = 405;
constexpr int16 kBtreeOrderProc = 1;
constexpr int16 kBtreeEqualStrategy = 3;
constexpr int16 kHashStandardProc = 1;
constexpr int16 kHashExtendedProc = 2;

/* What a call site knows about one column's type. */
struct ColumnInfo
{
	Oid typid;
	bool io_ready; /* proc/typioparam below are for I/O */
	FmgrInfo proc;
	Oid typioparam;
	bool cmp_ready; /* cmp is the B-tree comparison or "=" function */
	FmgrInfo cmp;
};

/* fn_extra of a record function: one row type's columns. */
struct RecordInfo
{
	Oid typid;
	int32 typmod;
	TupleDesc desc; /* in fn_mcxt */
	ColumnInfo *columns;
};

/* fn_extra: the row types of a function's (up to two) record arguments. */
struct RecordInfos
{
	RecordInfo *args[2];
};

RecordInfo *GetRecordInfo(FunctionCallInfo fcinfo, Oid typid, int32 typmod, int slot = 0)
{
	FmgrInfo *flinfo = fcinfo->flinfo;
	auto *infos = static_cast<RecordInfos *>(flinfo->fn_extra);
	if (infos == nullptr)
	{
		infos = static_cast<RecordInfos *>(
			MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(RecordInfos)));
		flinfo->fn_extra = infos;
	}
	RecordInfo *info = infos->args[slot];
	if (info != nullptr && info->typid == typid && info->typmod == typmod)
		return info;
	MemoryContext old = MemoryContextSwitchTo(flinfo->fn_mcxt);
	info = static_cast<RecordInfo *>(palloc0(sizeof(RecordInfo)));
	info->typid = typid;
	info->typmod = typmod;
	info->desc = lookup_rowtype_tupdesc_copy(typid, typmod);
	info->columns = static_cast<ColumnInfo *>(
		palloc0(Max(info->desc->natts, 1) * sizeof(ColumnInfo)));
	MemoryContextSwitchTo(old);
	infos->args[slot] = info;
	return info;
}

/* The family of type's default operator class of am (a row type uses
 * record's class, an array anyarray's, a binary-compatible type its
 * base's), or InvalidOid. */
Oid DefaultFamily(Oid type, Oid am, Oid *intype)
{
	if (type_is_rowtype(type))
		type = RECORDOID;
	else if (get_typtype(type) == TYPTYPE_ENUM)
		type = ANYENUMOID;
	CatCList *opclasses = SearchSysCacheList1(CLAAMNAMENSP, ObjectIdGetDatum(am));
	Oid family = InvalidOid;
	for (int i = 0; i < opclasses->n_members && !OidIsValid(family); i++)
	{
		auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(opclasses->members[i]));
		if (form->opcdefault && form->opcintype == type)
		{
			*intype = form->opcintype;
			family = form->opcfamily;
		}
	}
	for (int i = 0; i < opclasses->n_members && !OidIsValid(family); i++)
	{
		auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(opclasses->members[i]));
		Oid funcid;
		if (form->opcdefault && !IsPolymorphicType(form->opcintype) &&
			TypeCategory(form->opcintype) == TypeCategory(type) &&
			find_coercion_pathway(form->opcintype, type, COERCION_IMPLICIT, &funcid) ==
				COERCION_PATH_RELABELTYPE)
		{
			*intype = form->opcintype;
			family = form->opcfamily;
		}
	}
	ReleaseSysCacheList(opclasses);
	if (!OidIsValid(family) && type != ANYARRAYOID && OidIsValid(get_element_type(type)))
		return DefaultFamily(ANYARRAYOID, am, intype);
	return family;
}

/* The column's comparison function: B-tree support 1 when for_order,
 * else the "=" operator's function. */
FmgrInfo *ColumnCmp(FunctionCallInfo fcinfo, ColumnInfo *col, Oid typid, bool for_order)
{
	if (col->cmp_ready && col->typid == typid)
		return &col->cmp;
	Oid intype = InvalidOid;
	Oid family = DefaultFamily(typid, kBtreeAmOid, &intype);
	RegProcedure proc = InvalidOid;
	if (OidIsValid(family))
	{
		if (for_order)
			proc = get_opfamily_proc(family, intype, intype, kBtreeOrderProc);
		else
		{
			Oid eqop = get_opfamily_member(family, intype, intype, kBtreeEqualStrategy);
			if (OidIsValid(eqop))
				proc = get_opcode(eqop);
		}
	}
	if (!OidIsValid(proc))
	{
		if (for_order)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not identify a comparison function for type %s",
						   format_type_be(typid)));
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("could not identify an equality operator for type %s",
					   format_type_be(typid)));
	}
	fmgr_info_cxt(proc, &col->cmp, fcinfo->flinfo->fn_mcxt);
	col->typid = typid;
	col->cmp_ready = true;
	return &col->cmp;
}

/* A record argument's header and its columns, deformed. */
struct Row
{
	HeapTupleData tuple;
	TupleDesc desc;
	Datum *values;
	bool *nulls;
};

Row DeformRecord(FunctionCallInfo fcinfo, Datum value, int slot, RecordInfo **info_out)
{
	Row row;
	heap_composite_datum_as_tuple(value, &row.tuple);
	RecordInfo *info = GetRecordInfo(fcinfo, HeapTupleHeaderGetTypeId(row.tuple.t_data),
									 HeapTupleHeaderGetTypMod(row.tuple.t_data), slot);
	row.desc = info->desc;
	int n = Max(row.desc->natts, 1);
	row.values = static_cast<Datum *>(palloc(n * sizeof(Datum)));
	row.nulls = static_cast<bool *>(palloc(n * sizeof(bool)));
	heap_deform_tuple(&row.tuple, row.desc, row.values, row.nulls);
	if (info_out != nullptr)
		*info_out = info;
	return row;
}

/* Three-way comparison (for_order) or equality (result 0 or 1) of two
 * records, PostgreSQL's record_cmp and record_eq. */
int CompareRecords(FunctionCallInfo fcinfo, bool for_order)
{
	RecordInfo *info1;
	RecordInfo *info2;
	Row r1 = DeformRecord(fcinfo, PG_GETARG_DATUM(0), 0, &info1);
	Row r2 = DeformRecord(fcinfo, PG_GETARG_DATUM(1), 1, &info2);
	int n1 = r1.desc->natts;
	int n2 = r2.desc->natts;
	int i1 = 0;
	int i2 = 0;
	int j = 0;
	int result = 0;
	while (i1 < n1 || i2 < n2)
	{
		if (i1 < n1 && TupleDescAttr(r1.desc, i1)->attisdropped)
		{
			i1++;
			continue;
		}
		if (i2 < n2 && TupleDescAttr(r2.desc, i2)->attisdropped)
		{
			i2++;
			continue;
		}
		if (i1 >= n1 || i2 >= n2)
			break;
		Form_pg_attribute a1 = TupleDescAttr(r1.desc, i1);
		Form_pg_attribute a2 = TupleDescAttr(r2.desc, i2);
		if (a1->atttypid != a2->atttypid)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("cannot compare dissimilar column types %s and %s at record column %d",
						   format_type_be(a1->atttypid), format_type_be(a2->atttypid), j + 1));
		Oid collation = a1->attcollation == a2->attcollation ? a1->attcollation : InvalidOid;
		FmgrInfo *cmp = ColumnCmp(fcinfo, &info1->columns[i1], a1->atttypid, for_order);
		if (!r1.nulls[i1] || !r2.nulls[i2])
		{
			if (r1.nulls[i1] || r2.nulls[i2])
			{
				/* NULL is greater than any value; for equality, unequal */
				result = r1.nulls[i1] ? 1 : -1;
				break;
			}
			Datum d = FunctionCall2Coll(cmp, collation, r1.values[i1], r2.values[i2]);
			if (for_order)
			{
				int32 c = DatumGetInt32(d);
				if (c != 0)
				{
					result = c < 0 ? -1 : 1;
					break;
				}
			}
			else if (!DatumGetBool(d))
			{
				result = 1;
				break;
			}
		}
		i1++;
		i2++;
		j++;
	}
	if (result == 0 && (i1 != n1 || i2 != n2))
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("cannot compare record types with different numbers of columns"));
	return result;
}

/* Whether a column value needs double quotes in record_out. */
bool NeedsQuotes(const char *value)
{
	if (value[0] == '\0')
		return true;
	for (const char *p = value; *p != '\0'; p++)
	{
		char ch = *p;
		if (ch == '"' || ch == '\\' || ch == '(' || ch == ')' || ch == ',' ||
			isspace(static_cast<unsigned char>(ch)))
			return true;
	}
	return false;
}

[[noreturn]] void MalformedRecord(const char *string, const char *detail)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("malformed record literal: \"%s\"", string), errdetail("%s", detail));
}

void RejectAnonymousInput(Oid typid, int32 typmod)
{
	if (typid == RECORDOID && typmod < 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("input of anonymous composite types is not implemented"));
}

}  // namespace

/* record_in(cstring, oid, int4): '(a,"b c",)' — a column per item, an
 * empty item is NULL, double quotes and backslashes quote. */
Datum record_in(PG_FUNCTION_ARGS)
{
	char *string = PG_GETARG_CSTRING(0);
	Oid typid = PG_GETARG_OID(1);
	int32 typmod = PG_GETARG_INT32(2);
	RejectAnonymousInput(typid, typmod);
	RecordInfo *info = GetRecordInfo(fcinfo, typid, typmod);
	TupleDesc desc = info->desc;
	int natts = desc->natts;
	auto *values = static_cast<Datum *>(palloc0(Max(natts, 1) * sizeof(Datum)));
	auto *nulls = static_cast<bool *>(palloc0(Max(natts, 1) * sizeof(bool)));
	const char *ptr = string;
	while (*ptr != '\0' && isspace(static_cast<unsigned char>(*ptr)))
		ptr++;
	if (*ptr++ != '(')
		MalformedRecord(string, "Missing left parenthesis.");
	StringInfoData buf;
	initStringInfo(&buf);
	bool need_comma = false;
	for (int i = 0; i < natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (att->attisdropped)
		{
			nulls[i] = true;
			continue;
		}
		if (need_comma)
		{
			if (*ptr == ',')
				ptr++;
			else
				MalformedRecord(string, "Too few columns.");
		}
		char *column_data = nullptr;
		if (*ptr == ',' || *ptr == ')')
			nulls[i] = true;
		else
		{
			bool inquote = false;
			resetStringInfo(&buf);
			while (inquote || !(*ptr == ',' || *ptr == ')'))
			{
				char ch = *ptr++;
				if (ch == '\0')
					MalformedRecord(string, "Unexpected end of input.");
				if (ch == '\\')
				{
					if (*ptr == '\0')
						MalformedRecord(string, "Unexpected end of input.");
					appendStringInfoChar(&buf, *ptr++);
				}
				else if (ch == '"')
				{
					if (!inquote)
						inquote = true;
					else if (*ptr == '"')
					{
						appendStringInfoChar(&buf, *ptr++);
					}
					else
						inquote = false;
				}
				else
					appendStringInfoChar(&buf, ch);
			}
			column_data = buf.data;
		}
		ColumnInfo *col = &info->columns[i];
		if (!col->io_ready || col->typid != att->atttypid)
		{
			Oid infunc;
			getTypeInputInfo(att->atttypid, &infunc, &col->typioparam);
			fmgr_info_cxt(infunc, &col->proc, fcinfo->flinfo->fn_mcxt);
			col->typid = att->atttypid;
			col->io_ready = true;
			col->cmp_ready = false;
		}
		values[i] = InputFunctionCall(&col->proc, column_data, col->typioparam, att->atttypmod);
		if (column_data != nullptr)
		{
			/* the value may point into buf: keep it */
			initStringInfo(&buf);
		}
		need_comma = true;
	}
	if (*ptr++ != ')')
		MalformedRecord(string, "Too many columns.");
	while (*ptr != '\0' && isspace(static_cast<unsigned char>(*ptr)))
		ptr++;
	if (*ptr != '\0')
		MalformedRecord(string, "Junk after right parenthesis.");
	PG_RETURN_DATUM(heap_form_composite_datum(desc, values, nulls));
}

Datum record_out(PG_FUNCTION_ARGS)
{
	RecordInfo *info;
	Row row = DeformRecord(fcinfo, PG_GETARG_DATUM(0), 0, &info);
	StringInfoData buf;
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '(');
	bool need_comma = false;
	for (int i = 0; i < row.desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(row.desc, i);
		if (att->attisdropped)
			continue;
		if (need_comma)
			appendStringInfoChar(&buf, ',');
		need_comma = true;
		if (row.nulls[i])
			continue;
		ColumnInfo *col = &info->columns[i];
		if (!col->io_ready || col->typid != att->atttypid)
		{
			Oid outfunc;
			bool isvarlena;
			getTypeOutputInfo(att->atttypid, &outfunc, &isvarlena);
			fmgr_info_cxt(outfunc, &col->proc, fcinfo->flinfo->fn_mcxt);
			col->typid = att->atttypid;
			col->io_ready = true;
			col->cmp_ready = false;
		}
		char *value = OutputFunctionCall(&col->proc, row.values[i]);
		bool quote = NeedsQuotes(value);
		if (quote)
			appendStringInfoChar(&buf, '"');
		for (const char *p = value; *p != '\0'; p++)
		{
			if (*p == '"' || *p == '\\')
				appendStringInfoChar(&buf, *p);
			appendStringInfoChar(&buf, *p);
		}
		if (quote)
			appendStringInfoChar(&buf, '"');
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

/* record_recv(internal, oid, int4): the column count, then per column
 * its type OID and its length (-1: NULL) and binary value. */
Datum record_recv(PG_FUNCTION_ARGS)
{
	StringInfo msg = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	Oid typid = PG_GETARG_OID(1);
	int32 typmod = PG_GETARG_INT32(2);
	RejectAnonymousInput(typid, typmod);
	RecordInfo *info = GetRecordInfo(fcinfo, typid, typmod);
	TupleDesc desc = info->desc;
	int natts = desc->natts;
	auto *values = static_cast<Datum *>(palloc0(Max(natts, 1) * sizeof(Datum)));
	auto *nulls = static_cast<bool *>(palloc0(Max(natts, 1) * sizeof(bool)));
	int validcols = 0;
	for (int i = 0; i < natts; i++)
		if (!TupleDescAttr(desc, i)->attisdropped)
			validcols++;
	int usercols = static_cast<int>(pq_getmsgint(msg, 4));
	if (usercols != validcols)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("wrong number of columns: %d, expected %d", usercols, validcols));
	for (int i = 0; i < natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (att->attisdropped)
		{
			nulls[i] = true;
			continue;
		}
		Oid coltypoid = pq_getmsgint(msg, 4);
		if (coltypoid != att->atttypid)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("binary data has type %u (%s) instead of expected %u (%s) in record "
						   "column %d",
						   coltypoid, format_type_be(coltypoid), att->atttypid,
						   format_type_be(att->atttypid), i + 1));
		int itemlen = static_cast<int>(pq_getmsgint(msg, 4));
		if (itemlen < -1 || itemlen > msg->len - msg->cursor)
			ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					errmsg("insufficient data left in message"));
		StringInfoData item;
		StringInfo bufptr = nullptr;
		if (itemlen >= 0)
		{
			/* a private copy, NUL-terminated, as receive functions expect */
			initStringInfo(&item);
			appendBinaryStringInfo(&item, msg->data + msg->cursor, itemlen);
			msg->cursor += itemlen;
			bufptr = &item;
		}
		ColumnInfo *col = &info->columns[i];
		if (!col->io_ready || col->typid != att->atttypid)
		{
			Oid recvfunc;
			getTypeBinaryInputInfo(att->atttypid, &recvfunc, &col->typioparam);
			fmgr_info_cxt(recvfunc, &col->proc, fcinfo->flinfo->fn_mcxt);
			col->typid = att->atttypid;
			col->io_ready = true;
			col->cmp_ready = false;
		}
		values[i] = ReceiveFunctionCall(&col->proc, bufptr, col->typioparam, att->atttypmod);
		nulls[i] = bufptr == nullptr;
		if (bufptr != nullptr && item.cursor != itemlen)
			ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					errmsg("improper binary format in record column %d", i + 1));
	}
	PG_RETURN_DATUM(heap_form_composite_datum(desc, values, nulls));
}

Datum record_send(PG_FUNCTION_ARGS)
{
	RecordInfo *info;
	Row row = DeformRecord(fcinfo, PG_GETARG_DATUM(0), 0, &info);
	StringInfoData buf;
	pq_begintypsend(&buf);
	int validcols = 0;
	for (int i = 0; i < row.desc->natts; i++)
		if (!TupleDescAttr(row.desc, i)->attisdropped)
			validcols++;
	pq_sendint32(&buf, static_cast<uint32>(validcols));
	for (int i = 0; i < row.desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(row.desc, i);
		if (att->attisdropped)
			continue;
		pq_sendint32(&buf, att->atttypid);
		if (row.nulls[i])
		{
			pq_sendint32(&buf, static_cast<uint32>(-1));
			continue;
		}
		ColumnInfo *col = &info->columns[i];
		if (!col->io_ready || col->typid != att->atttypid)
		{
			Oid sendfunc;
			bool isvarlena;
			getTypeBinaryOutputInfo(att->atttypid, &sendfunc, &isvarlena);
			fmgr_info_cxt(sendfunc, &col->proc, fcinfo->flinfo->fn_mcxt);
			col->typid = att->atttypid;
			col->io_ready = true;
			col->cmp_ready = false;
		}
		bytea *out = SendFunctionCall(&col->proc, row.values[i]);
		pq_sendint32(&buf, static_cast<uint32>(VARSIZE(out) - VARHDRSZ));
		pq_sendbytes(&buf, VARDATA(out), static_cast<int>(VARSIZE(out) - VARHDRSZ));
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The I/O functions above and the comparisons below keep different
 * things in ColumnInfo.proc and .cmp, so one call site (one FmgrInfo)
 * never mixes them: each is its own function. */

Datum record_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareRecords(fcinfo, false) == 0);
}

Datum record_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareRecords(fcinfo, false) != 0);
}

Datum record_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareRecords(fcinfo, true) < 0);
}

Datum record_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareRecords(fcinfo, true) <= 0);
}

Datum record_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareRecords(fcinfo, true) > 0);
}

Datum record_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareRecords(fcinfo, true) >= 0);
}

Datum btrecordcmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareRecords(fcinfo, true));
}

namespace {

/* hash_record and hash_record_extended: each column's hash (0 for NULL)
 * folded in as result * 31 + hash. */
template <typename T>
T HashRecord(FunctionCallInfo fcinfo, bool extended, uint64 seed)
{
	RecordInfo *info;
	Row row = DeformRecord(fcinfo, PG_GETARG_DATUM(0), 0, &info);
	T result = 0;
	for (int i = 0; i < row.desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(row.desc, i);
		if (att->attisdropped)
			continue;
		ColumnInfo *col = &info->columns[i];
		if (!col->cmp_ready || col->typid != att->atttypid)
		{
			Oid intype = InvalidOid;
			Oid family = DefaultFamily(att->atttypid, kHashAmOid, &intype);
			RegProcedure proc = OidIsValid(family)
				? get_opfamily_proc(family, intype, intype,
									extended ? kHashExtendedProc : kHashStandardProc)
				: InvalidOid;
			if (!OidIsValid(proc))
			{
				if (extended)
					ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
							errmsg("could not identify an extended hash function for type %s",
								   format_type_be(att->atttypid)));
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
						errmsg("could not identify a hash function for type %s",
							   format_type_be(att->atttypid)));
			}
			fmgr_info_cxt(proc, &col->cmp, fcinfo->flinfo->fn_mcxt);
			col->typid = att->atttypid;
			col->cmp_ready = true;
		}
		T element = 0;
		if (!row.nulls[i])
		{
			if (extended)
				element = static_cast<T>(
					DatumGetUInt64(FunctionCall2Coll(&col->cmp, att->attcollation, row.values[i],
													 UInt64GetDatum(seed))));
			else
				element = static_cast<T>(
					DatumGetUInt32(FunctionCall1Coll(&col->cmp, att->attcollation, row.values[i])));
		}
		result = (result << 5) - result + element;
	}
	return result;
}

}  // namespace

Datum hash_record(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32(HashRecord<uint32>(fcinfo, false, 0));
}

Datum hash_record_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT64(HashRecord<uint64>(fcinfo, true, static_cast<uint64>(PG_GETARG_INT64(1))));
}
