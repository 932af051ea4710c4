/*
 * common/hashfn.h — PostgreSQL's hash of bytes (Bob Jenkins' lookup3, as
 * PostgreSQL's hashfn.c computes it), so that hash values — of hash
 * joins, hash indexes, hash partitioning and the SQL-visible hash
 * functions — are PostgreSQL's.
 */
#ifndef TUSK_COMMON_HASHFN_H
#define TUSK_COMMON_HASHFN_H

#include "postgres.h"

#ifdef __cplusplus
extern "C" {
#endif

extern uint32 hash_bytes(const unsigned char *k, int keylen);
extern uint64 hash_bytes_extended(const unsigned char *k, int keylen, uint64 seed);
extern uint32 hash_bytes_uint32(uint32 k);
extern uint64 hash_bytes_uint32_extended(uint32 k, uint64 seed);

#ifdef __cplusplus
}
#endif

static inline Datum hash_any(const unsigned char *k, int keylen)
{
	return UInt32GetDatum(hash_bytes(k, keylen));
}

static inline Datum hash_any_extended(const unsigned char *k, int keylen, uint64 seed)
{
	return UInt64GetDatum(hash_bytes_extended(k, keylen, seed));
}

static inline Datum hash_uint32(uint32 k)
{
	return UInt32GetDatum(hash_bytes_uint32(k));
}

static inline Datum hash_uint32_extended(uint32 k, uint64 seed)
{
	return UInt64GetDatum(hash_bytes_uint32_extended(k, seed));
}

#endif /* TUSK_COMMON_HASHFN_H */
