/*
 * common/pg_lzcompress.h — PostgreSQL's "pglz" compression format, the
 * default method for compressed varlena values (TOAST).
 *
 * The stream is a sequence of groups: one control byte, then up to eight
 * items, the control byte's bits read from the least significant.  A clear
 * bit is a literal byte; a set bit is a back reference of two bytes
 * (high nibble of the first: bits 8..11 of the offset; low nibble: length
 * - 3; second byte: the offset's low 8 bits) or three, when the low nibble
 * is 15 and a third byte adds 0..255 to a length of 18.  Offsets go back
 * 1..4095 bytes into what was already produced, lengths run 3..273, and a
 * reference may overlap the bytes it produces (a run).
 *
 * pglz_compress finds its matches as PostgreSQL 15 does (the same hash of
 * four bytes, a history of the last 4096 positions, the same "good match"
 * shortening), so for the same input it writes the same bytes and
 * pg_column_size agrees with PostgreSQL's.  The code is Tusk's own.
 *
 * Plain C++ with no server dependencies: the frontend tools may use it.
 */
#ifndef TUSK_COMMON_PG_LZCOMPRESS_H
#define TUSK_COMMON_PG_LZCOMPRESS_H

#include <stdint.h>

/* When compressing is worth trying and when its result is kept. */
typedef struct PGLZ_Strategy
{
	int32_t min_input_size;	  /* shorter inputs are not tried */
	int32_t max_input_size;	  /* longer inputs are not tried */
	int32_t min_comp_rate;	  /* percent the output must save */
	int32_t first_success_by; /* give up if no match within this many output bytes */
	int32_t match_size_good;  /* a match this long ends the search */
	int32_t match_size_drop;  /* percent "good" shrinks per candidate tried */
} PGLZ_Strategy;

/* 32-byte minimum, 25% saving, a match within the first 1 kB. */
extern const PGLZ_Strategy *const PGLZ_strategy_default;
/* Any input, any saving, never give up early. */
extern const PGLZ_Strategy *const PGLZ_strategy_always;

/* The most pglz_compress may write for dlen input bytes. */
#define PGLZ_MAX_OUTPUT(dlen) ((dlen) + 4)

/*
 * Compress slen bytes of source into dest (at least PGLZ_MAX_OUTPUT(slen)
 * bytes).  Returns the compressed size, or -1 when the strategy says the
 * result is not worth keeping (dest then holds garbage).  strategy NULL
 * is the default.
 */
extern int32_t pglz_compress(const char *source, int32_t slen, char *dest,
							 const PGLZ_Strategy *strategy);

/*
 * Decompress slen bytes of source into dest, producing at most rawsize
 * bytes.  Returns the number produced, or -1 when the input is corrupt
 * (a reference before the start of the output, a truncated item) or, with
 * check_complete, when it does not produce exactly rawsize bytes from
 * exactly slen.
 */
extern int32_t pglz_decompress(const char *source, int32_t slen, char *dest, int32_t rawsize,
							   bool check_complete);

#endif /* TUSK_COMMON_PG_LZCOMPRESS_H */
