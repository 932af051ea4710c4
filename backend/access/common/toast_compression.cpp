/*
 * toast_compression.cpp — compressing and decompressing varlena values
 * inline (access/toast_compression.h), in PostgreSQL's on-disk format so
 * that modules reading VARATT_IS_COMPRESSED values and pg_column_size see
 * what PostgreSQL would show.
 *
 * Principal entry points: toast_compress_datum, toast_decompress_datum,
 * toast_get_compression_id.  The pglz stream itself is
 * backend/common/pg_lzcompress.cpp.
 */
#include "postgres.h"

#include "access/toast_compression.h"
#include "common/pg_lzcompress.h"
#include "utils/errcodes.h"

namespace {

/* Sets a compressed value's va_tcinfo: raw size and method. */
void SetSizeAndMethod(struct varlena *v, uint32 rawsize, ToastCompressionId method)
{
	reinterpret_cast<varattrib_4b *>(v)->va_compressed.va_tcinfo = rawsize |
		(static_cast<uint32>(method) << VARLENA_EXTSIZE_BITS);
}

[[noreturn]] void Lz4NotSupported()
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("compression method lz4 not supported"),
			errdetail("This functionality requires the server to be built with lz4 support."));
	pg_unreachable();
}

}  // namespace

Datum toast_compress_datum(Datum value, char cmethod)
{
	auto *v = reinterpret_cast<struct varlena *>(DatumGetPointer(value));
	Assert(!VARATT_IS_EXTERNAL(v) && !VARATT_IS_COMPRESSED(v));
	if (cmethod == TOAST_LZ4_COMPRESSION)
		Lz4NotSupported();
	Size valsize = VARSIZE_ANY_EXHDR(v);
	if (valsize > VARLENA_EXTSIZE_MASK)
		elog(ERROR, "invalid compressed size %zu", valsize);
	if (valsize < static_cast<Size>(PGLZ_strategy_default->min_input_size))
		return PointerGetDatum(nullptr);
	auto *tmp = static_cast<struct varlena *>(
		palloc(PGLZ_MAX_OUTPUT(valsize) + VARHDRSZ_COMPRESSED));
	int32 len = pglz_compress(VARDATA_ANY(v), static_cast<int32>(valsize),
							  reinterpret_cast<char *>(tmp) + VARHDRSZ_COMPRESSED, nullptr);
	/* Worth it only if it saves more than the 3 bytes a compressed value
	 * may lose to alignment and its longer header. */
	if (len < 0 || static_cast<Size>(len) + VARHDRSZ_COMPRESSED >= valsize - 2)
	{
		pfree(tmp);
		return PointerGetDatum(nullptr);
	}
	SET_VARSIZE_COMPRESSED(tmp, len + VARHDRSZ_COMPRESSED);
	SetSizeAndMethod(tmp, static_cast<uint32>(valsize), TOAST_PGLZ_COMPRESSION_ID);
	return PointerGetDatum(tmp);
}

struct varlena *toast_decompress_datum(struct varlena *attr)
{
	Assert(VARATT_IS_COMPRESSED(attr));
	if (VARDATA_COMPRESSED_GET_COMPRESS_METHOD(attr) != TOAST_PGLZ_COMPRESSION_ID)
	{
		if (VARDATA_COMPRESSED_GET_COMPRESS_METHOD(attr) == TOAST_LZ4_COMPRESSION_ID)
			Lz4NotSupported();
		elog(ERROR, "invalid compression method id %u",
			 VARDATA_COMPRESSED_GET_COMPRESS_METHOD(attr));
	}
	int32 rawsize = static_cast<int32>(VARDATA_COMPRESSED_GET_EXTSIZE(attr));
	auto *result = static_cast<struct varlena *>(palloc(rawsize + VARHDRSZ));
	int32 n = pglz_decompress(reinterpret_cast<char *>(attr) + VARHDRSZ_COMPRESSED,
							  static_cast<int32>(VARSIZE(attr) - VARHDRSZ_COMPRESSED),
							  VARDATA(result), rawsize, true);
	if (n < 0)
		ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
				errmsg_internal("compressed pglz data is corrupt"));
	SET_VARSIZE(result, rawsize + VARHDRSZ);
	return result;
}

ToastCompressionId toast_get_compression_id(struct varlena *attr)
{
	if (VARATT_IS_EXTERNAL_ONDISK(attr))
	{
		varatt_external ptr;
		VARATT_EXTERNAL_GET_POINTER(ptr, attr);
		if (VARATT_EXTERNAL_IS_COMPRESSED(ptr))
			return static_cast<ToastCompressionId>(VARATT_EXTERNAL_GET_COMPRESS_METHOD(ptr));
		return TOAST_INVALID_COMPRESSION_ID;
	}
	if (VARATT_IS_COMPRESSED(attr))
		return static_cast<ToastCompressionId>(VARDATA_COMPRESSED_GET_COMPRESS_METHOD(attr));
	return TOAST_INVALID_COMPRESSION_ID;
}
