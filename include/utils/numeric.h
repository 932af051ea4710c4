/*
 * utils/numeric.h — the numeric type's interface for the rest of the
 * server and for modules, as PostgreSQL 15 declares it.
 *
 * A Numeric is a varlena in PostgreSQL's layout (a 2-byte header word with
 * sign, display scale and, in the short form, the weight; base-10000
 * digits; NaN and the infinities in the header word alone), so values
 * written by Tusk are PostgreSQL's bytes.  The layout itself is private
 * to backend/utils/adt/numeric.cpp, which documents it.
 *
 * Entry points: the Datum conversion macros, numeric_is_nan/_is_inf,
 * numeric_maximum_size, numeric_out_sci, numeric_normalize,
 * int64_to_numeric, int64_div_fast_to_numeric, and the *_opt_error
 * arithmetic (which reports failure through *have_error instead of an
 * ERROR when have_error is not NULL).  The SQL-callable functions are in
 * utils/fmgrprotos.h.
 */
#ifndef TUSK_UTILS_NUMERIC_H
#define TUSK_UTILS_NUMERIC_H

#include "fmgr.h"

/* Limits on a numeric(precision, scale) type modifier. */
#define NUMERIC_MAX_PRECISION 1000
#define NUMERIC_MIN_SCALE (-1000)
#define NUMERIC_MAX_SCALE 1000

/* Limits on the display scale of computed results. */
#define NUMERIC_MAX_DISPLAY_SCALE NUMERIC_MAX_PRECISION
#define NUMERIC_MIN_DISPLAY_SCALE 0
#define NUMERIC_MAX_RESULT_SCALE (NUMERIC_MAX_PRECISION * 2)

/* Division and the transcendental functions give at least this many
 * significant digits. */
#define NUMERIC_MIN_SIG_DIGITS 16

struct NumericData;
typedef struct NumericData *Numeric;

#define DatumGetNumeric(X) ((Numeric) PG_DETOAST_DATUM(X))
#define DatumGetNumericCopy(X) ((Numeric) PG_DETOAST_DATUM_COPY(X))
#define NumericGetDatum(X) PointerGetDatum(X)
#define PG_GETARG_NUMERIC(n) DatumGetNumeric(PG_GETARG_DATUM(n))
#define PG_GETARG_NUMERIC_COPY(n) DatumGetNumericCopy(PG_GETARG_DATUM(n))
#define PG_RETURN_NUMERIC(x) return NumericGetDatum(x)

#ifdef __cplusplus
extern "C" {
#endif

extern bool numeric_is_nan(Numeric num);
extern bool numeric_is_inf(Numeric num);
/* The largest size a value of this typmod takes, or -1 if unbounded. */
extern int32 numeric_maximum_size(int32 typmod);
/* d.ddde+XX with scale digits after the point; palloc'd. */
extern char *numeric_out_sci(Numeric num, int scale);
/* numeric_out without insignificant trailing zeros (equal values give
 * equal strings); palloc'd. */
extern char *numeric_normalize(Numeric num);

extern Numeric int64_to_numeric(int64 val);
/* val1 / 10^log10val2, exactly, with scale max(log10val2, 0). */
extern Numeric int64_div_fast_to_numeric(int64 val1, int log10val2);

extern Numeric numeric_add_opt_error(Numeric num1, Numeric num2, bool *have_error);
extern Numeric numeric_sub_opt_error(Numeric num1, Numeric num2, bool *have_error);
extern Numeric numeric_mul_opt_error(Numeric num1, Numeric num2, bool *have_error);
extern Numeric numeric_div_opt_error(Numeric num1, Numeric num2, bool *have_error);
extern Numeric numeric_mod_opt_error(Numeric num1, Numeric num2, bool *have_error);
extern int32 numeric_int4_opt_error(Numeric num, bool *error);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_NUMERIC_H */
