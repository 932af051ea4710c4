/*
 * float_funcs.cpp — the trigonometric and hyperbolic functions of double
 * precision, width_bucket (of a float8 range, or of any sortable type
 * against an array of thresholds), and the statistics aggregates over
 * floats (stddev, variance, covar, corr, regr_*).
 *
 * Trigonometry in radians is the C library's, with PostgreSQL's checks:
 * NaN in gives NaN, an infinite argument to sin/cos/tan/cot is 22003
 * "input is out of range", as is an argument outside [-1, 1] for the
 * inverse functions.  The degree variants (sind, cosd, …) reduce the angle
 * to [0, 90] exactly (fmod and symmetries) and scale by the library's
 * value at a known angle, so sind(30) is exactly 0.5 and tand(45) exactly
 * 1, and the results are PostgreSQL's bit for bit.
 *
 * The aggregates keep their state in a float8 array, as PostgreSQL does:
 * {N, Sx, Sxx} for one variable (float8_accum, float4_accum) and
 * {N, Sx, Sxx, Sy, Syy, Sxy} for two (float8_regr_accum), updated with
 * the Youngs-Cramer algorithm, whose sums of squares are of differences
 * from the mean and so do not lose precision the way Σx² - (Σx)²/N does.
 * Called by an aggregate, the transition updates its state array in
 * place; called directly, it returns a new array.
 *
 * Principal entry points: the SQL-callable functions below.
 */
#include "postgres.h"

#include <errno.h>
#include <math.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "catalog/pg_type_d.h"
#include "parser/analyze.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

namespace {

constexpr float8 kRadiansPerDegree = 0.0174532925199432957692;

[[noreturn]] void InputOutOfRange()
{
	ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("input is out of range"));
	pg_unreachable();
}

float8 Nan()
{
	return std::numeric_limits<float8>::quiet_NaN();
}

/*
 * The angles the degree functions scale by are read through volatile
 * variables so that the compiler cannot fold sin(30°) and the like at a
 * precision other than the library's at run time: the scaling constants
 * below must be exactly what sin(), cos(), asin() … return.
 */
volatile float8 g_degree_30 = 30.0;
volatile float8 g_degree_45 = 45.0;
volatile float8 g_degree_60 = 60.0;
volatile float8 g_one_half = 0.5;
volatile float8 g_one = 1.0;

struct DegreeConstants
{
	float8 sin_30;
	float8 one_minus_cos_60;
	float8 asin_0_5;
	float8 acos_0_5;
	float8 atan_1_0;
	float8 tan_45;
	float8 cot_45;
};

float8 SinD0To30(const DegreeConstants &c, float8 x)
{
	volatile float8 sin_x = sin(x * kRadiansPerDegree);
	return (sin_x / c.sin_30) / 2.0;
}

float8 CosD0To60(const DegreeConstants &c, float8 x)
{
	volatile float8 one_minus_cos_x = 1.0 - cos(x * kRadiansPerDegree);
	return 1.0 - (one_minus_cos_x / c.one_minus_cos_60) / 2.0;
}

/* sin and cos of x in [0, 90] degrees, exact at 0, 30, 60 and 90. */
float8 SinDQ1(const DegreeConstants &c, float8 x)
{
	return x <= 30.0 ? SinD0To30(c, x) : CosD0To60(c, 90.0 - x);
}

float8 CosDQ1(const DegreeConstants &c, float8 x)
{
	return x <= 60.0 ? CosD0To60(c, x) : SinD0To30(c, 90.0 - x);
}

const DegreeConstants &Degrees()
{
	static const DegreeConstants c = [] {
		DegreeConstants d{};
		d.sin_30 = sin(g_degree_30 * kRadiansPerDegree);
		d.one_minus_cos_60 = 1.0 - cos(g_degree_60 * kRadiansPerDegree);
		d.asin_0_5 = asin(g_one_half);
		d.acos_0_5 = acos(g_one_half);
		d.atan_1_0 = atan(g_one);
		d.tan_45 = SinDQ1(d, g_degree_45) / CosDQ1(d, g_degree_45);
		d.cot_45 = CosDQ1(d, g_degree_45) / SinDQ1(d, g_degree_45);
		return d;
	}();
	return c;
}

/* asin and acos in degrees of x in [0, 1], exact at 0, 0.5 and 1. */
float8 AsinDQ1(const DegreeConstants &c, float8 x)
{
	if (x <= 0.5)
	{
		volatile float8 asin_x = asin(x);
		return (asin_x / c.asin_0_5) * 30.0;
	}
	volatile float8 acos_x = acos(x);
	return 90.0 - (acos_x / c.acos_0_5) * 60.0;
}

float8 AcosDQ1(const DegreeConstants &c, float8 x)
{
	if (x <= 0.5)
	{
		volatile float8 asin_x = asin(x);
		return 90.0 - (asin_x / c.asin_0_5) * 30.0;
	}
	volatile float8 acos_x = acos(x);
	return (acos_x / c.acos_0_5) * 60.0;
}

float8 CheckOverflow(float8 result)
{
	if (std::isinf(result))
		float_overflow_error();
	return result;
}

/* sin, cos or tan of a finite argument; errno or an infinite one is 22003. */
template <typename F>
float8 PeriodicFunction(float8 arg, F fn)
{
	errno = 0;
	float8 result = fn(arg);
	if (errno != 0 || std::isinf(arg))
		InputOutOfRange();
	return result;
}

/* Reduces a finite angle in degrees to [0, 90]; *sign collects the sign
 * changes of an odd function (sin, tan, cot) or, with cosine, of cos. */
float8 ReduceDegrees(float8 arg, bool even, int *sign)
{
	arg = fmod(arg, 360.0);
	if (arg < 0.0)
	{
		arg = -arg;
		if (!even)
			*sign = -*sign;
	}
	if (arg > 180.0)
	{
		arg = 360.0 - arg;
		if (!even)
			*sign = -*sign;
	}
	return arg;
}

}  // namespace

Datum dsin(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	PG_RETURN_FLOAT8(CheckOverflow(PeriodicFunction(arg, [](float8 x) { return sin(x); })));
}

Datum dcos(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	PG_RETURN_FLOAT8(CheckOverflow(PeriodicFunction(arg, [](float8 x) { return cos(x); })));
}

/* tan(pi/2) may be huge: no overflow check, as in PostgreSQL. */
Datum dtan(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	PG_RETURN_FLOAT8(PeriodicFunction(arg, [](float8 x) { return tan(x); }));
}

/* cot(0) is Infinity, not an error. */
Datum dcot(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	PG_RETURN_FLOAT8(1.0 / PeriodicFunction(arg, [](float8 x) { return tan(x); }));
}

Datum dasin(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	if (arg < -1.0 || arg > 1.0)
		InputOutOfRange();
	PG_RETURN_FLOAT8(CheckOverflow(asin(arg)));
}

Datum dacos(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	if (arg < -1.0 || arg > 1.0)
		InputOutOfRange();
	PG_RETURN_FLOAT8(CheckOverflow(acos(arg)));
}

Datum datan(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	PG_RETURN_FLOAT8(CheckOverflow(atan(arg)));
}

Datum datan2(PG_FUNCTION_ARGS)
{
	float8 y = PG_GETARG_FLOAT8(0);
	float8 x = PG_GETARG_FLOAT8(1);
	if (std::isnan(y) || std::isnan(x))
		PG_RETURN_FLOAT8(Nan());
	PG_RETURN_FLOAT8(CheckOverflow(atan2(y, x)));
}

Datum dsind(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	if (std::isinf(arg))
		InputOutOfRange();
	const DegreeConstants &c = Degrees();
	int sign = 1;
	arg = ReduceDegrees(arg, false, &sign);
	if (arg > 90.0)
		arg = 180.0 - arg; /* sind(180-x) = sind(x) */
	PG_RETURN_FLOAT8(CheckOverflow(sign * SinDQ1(c, arg)));
}

Datum dcosd(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	if (std::isinf(arg))
		InputOutOfRange();
	const DegreeConstants &c = Degrees();
	int sign = 1;
	arg = ReduceDegrees(arg, true, &sign);
	if (arg > 90.0)
	{
		arg = 180.0 - arg; /* cosd(180-x) = -cosd(x) */
		sign = -sign;
	}
	PG_RETURN_FLOAT8(CheckOverflow(sign * CosDQ1(c, arg)));
}

namespace {

/* tand (cot false) or cotd of degrees: reduced to the first quadrant,
 * tand(90) and cotd(0) are Infinity; a zero result is never -0. */
float8 TanOrCotDegrees(float8 arg, bool cot)
{
	if (std::isinf(arg))
		InputOutOfRange();
	const DegreeConstants &c = Degrees();
	int sign = 1;
	arg = ReduceDegrees(arg, false, &sign);
	if (arg > 90.0)
	{
		arg = 180.0 - arg;
		sign = -sign;
	}
	volatile float8 ratio = cot ? CosDQ1(c, arg) / SinDQ1(c, arg) : SinDQ1(c, arg) / CosDQ1(c, arg);
	float8 result = sign * (ratio / (cot ? c.cot_45 : c.tan_45));
	if (result == 0.0)
		result = 0.0;
	return result;
}

}  // namespace

Datum dtand(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	PG_RETURN_FLOAT8(TanOrCotDegrees(arg, false));
}

Datum dcotd(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	PG_RETURN_FLOAT8(TanOrCotDegrees(arg, true));
}

Datum dasind(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	const DegreeConstants &c = Degrees();
	if (arg < -1.0 || arg > 1.0)
		InputOutOfRange();
	PG_RETURN_FLOAT8(CheckOverflow(arg >= 0.0 ? AsinDQ1(c, arg) : -AsinDQ1(c, -arg)));
}

Datum dacosd(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	const DegreeConstants &c = Degrees();
	if (arg < -1.0 || arg > 1.0)
		InputOutOfRange();
	PG_RETURN_FLOAT8(CheckOverflow(arg >= 0.0 ? AcosDQ1(c, arg) : 90.0 + AsinDQ1(c, -arg)));
}

Datum datand(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (std::isnan(arg))
		PG_RETURN_FLOAT8(Nan());
	const DegreeConstants &c = Degrees();
	volatile float8 atan_arg = atan(arg);
	PG_RETURN_FLOAT8(CheckOverflow((atan_arg / c.atan_1_0) * 45.0));
}

Datum datan2d(PG_FUNCTION_ARGS)
{
	float8 y = PG_GETARG_FLOAT8(0);
	float8 x = PG_GETARG_FLOAT8(1);
	if (std::isnan(y) || std::isnan(x))
		PG_RETURN_FLOAT8(Nan());
	const DegreeConstants &c = Degrees();
	volatile float8 atan2_yx = atan2(y, x);
	PG_RETURN_FLOAT8(CheckOverflow((atan2_yx / c.atan_1_0) * 45.0));
}

/* ---- hyperbolic functions ---- */

Datum dsinh(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	errno = 0;
	float8 result = sinh(arg);
	if (errno == ERANGE)
		result = arg < 0 ? -std::numeric_limits<float8>::infinity()
						 : std::numeric_limits<float8>::infinity();
	PG_RETURN_FLOAT8(result);
}

Datum dcosh(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	errno = 0;
	float8 result = cosh(arg);
	if (errno == ERANGE)
		result = std::numeric_limits<float8>::infinity();
	if (result == 0.0)
		float_underflow_error();
	PG_RETURN_FLOAT8(result);
}

Datum dtanh(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(CheckOverflow(tanh(PG_GETARG_FLOAT8(0))));
}

Datum dasinh(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(asinh(PG_GETARG_FLOAT8(0)));
}

Datum dacosh(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (arg < 1.0)
		InputOutOfRange();
	PG_RETURN_FLOAT8(acosh(arg));
}

Datum datanh(PG_FUNCTION_ARGS)
{
	float8 arg = PG_GETARG_FLOAT8(0);
	if (arg < -1.0 || arg > 1.0)
		InputOutOfRange();
	if (arg == -1.0)
		PG_RETURN_FLOAT8(-std::numeric_limits<float8>::infinity());
	if (arg == 1.0)
		PG_RETURN_FLOAT8(std::numeric_limits<float8>::infinity());
	PG_RETURN_FLOAT8(atanh(arg));
}

/* ---- width_bucket ---- */

/* The bucket (1..count) of count equal-width buckets between bound1 and
 * bound2 that operand falls in; 0 below, count + 1 above (the bounds may
 * be in either order). */
Datum width_bucket_float8(PG_FUNCTION_ARGS)
{
	float8 operand = PG_GETARG_FLOAT8(0);
	float8 bound1 = PG_GETARG_FLOAT8(1);
	float8 bound2 = PG_GETARG_FLOAT8(2);
	int32 count = PG_GETARG_INT32(3);
	if (count <= 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
				errmsg("count must be greater than zero"));
	if (std::isnan(operand) || std::isnan(bound1) || std::isnan(bound2))
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
				errmsg("operand, lower bound, and upper bound cannot be NaN"));
	if (std::isinf(bound1) || std::isinf(bound2))
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
				errmsg("lower and upper bounds must be finite"));
	if (bound1 == bound2)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
				errmsg("lower bound cannot equal upper bound"));
	bool ascending = bound1 < bound2;
	bool below = ascending ? operand < bound1 : operand > bound1;
	bool above = ascending ? operand >= bound2 : operand <= bound2;
	if (below)
		PG_RETURN_INT32(0);
	if (above)
	{
		if (count == std::numeric_limits<int32>::max())
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("integer out of range"));
		PG_RETURN_INT32(count + 1);
	}
	float8 offset = ascending ? operand - bound1 : bound1 - operand;
	float8 width = ascending ? bound2 - bound1 : bound1 - bound2;
	PG_RETURN_INT32(static_cast<int32>((static_cast<float8>(count) * offset / width) + 1));
}

/* ---- statistics aggregates ---- */

namespace {

/* The state array's values: one dimension, n float8s, no NULLs. */
float8 *StateValues(ArrayType *state, const char *caller, int n)
{
	if (ARR_NDIM(state) != 1 || ARR_DIMS(state)[0] != n || ARR_HASNULL(state) ||
		ARR_ELEMTYPE(state) != FLOAT8OID)
		elog(ERROR, "%s: expected %d-element float8 array", caller, n);
	return reinterpret_cast<float8 *>(ARR_DATA_PTR(state));
}

/* The new state: the old array updated in place inside an aggregate,
 * else a new array. */
Datum ReturnState(FunctionCallInfo fcinfo, ArrayType *state, float8 *values, const float8 *result,
				  int n)
{
	if (AggCheckCallContext(fcinfo, nullptr))
	{
		for (int i = 0; i < n; i++)
			values[i] = result[i];
		PG_RETURN_ARRAYTYPE_P(state);
	}
	Datum datums[6];
	for (int i = 0; i < n; i++)
		datums[i] = Float8GetDatum(result[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(datums, n, FLOAT8OID, sizeof(float8), true, 'd'));
}

/* Adds newval to {N, Sx, Sxx}.  An overflow of finite inputs is 22003;
 * an infinite or NaN input makes Sxx NaN, so the variance is NaN rather
 * than zero or infinite. */
Datum FloatAccum(FunctionCallInfo fcinfo, float8 newval, const char *caller)
{
	ArrayType *state = PG_GETARG_ARRAYTYPE_P(0);
	float8 *v = StateValues(state, caller, 3);
	float8 n = v[0] + 1.0;
	float8 sx = v[1] + newval;
	float8 sxx = v[2];
	if (v[0] > 0.0)
	{
		float8 tmp = newval * n - sx;
		sxx += tmp * tmp / (n * v[0]);
		if (std::isinf(sx) || std::isinf(sxx))
		{
			if (!std::isinf(v[1]) && !std::isinf(newval))
				float_overflow_error();
			sxx = Nan();
		}
	}
	else if (std::isnan(newval) || std::isinf(newval))
		sxx = Nan();
	const float8 result[3] = {n, sx, sxx};
	return ReturnState(fcinfo, state, v, result, 3);
}

float8 CheckedPlus(float8 a, float8 b)
{
	float8 r = a + b;
	if (std::isinf(r) && !std::isinf(a) && !std::isinf(b))
		float_overflow_error();
	return r;
}

/* Sxx of two merged groups (Chan et al.'s generalization of
 * Youngs-Cramer), 22003 when finite sums overflow. */
float8 CombineSquares(float8 n1, float8 ss1, float8 n2, float8 ss2, float8 tmp_a, float8 tmp_b)
{
	float8 r = ss1 + ss2 + n1 * n2 * tmp_a * tmp_b / (n1 + n2);
	if (std::isinf(r) && !std::isinf(ss1) && !std::isinf(ss2))
		float_overflow_error();
	return r;
}

}  // namespace

Datum float8_accum(PG_FUNCTION_ARGS)
{
	return FloatAccum(fcinfo, PG_GETARG_FLOAT8(1), "float8_accum");
}

Datum float4_accum(PG_FUNCTION_ARGS)
{
	return FloatAccum(fcinfo, static_cast<float8>(PG_GETARG_FLOAT4(1)), "float4_accum");
}

Datum float8_combine(PG_FUNCTION_ARGS)
{
	ArrayType *state1 = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType *state2 = PG_GETARG_ARRAYTYPE_P(1);
	float8 *a = StateValues(state1, "float8_combine", 3);
	const float8 *b = StateValues(state2, "float8_combine", 3);
	float8 result[3];
	if (a[0] == 0.0)
		std::copy(b, b + 3, result);
	else if (b[0] == 0.0)
		std::copy(a, a + 3, result);
	else
	{
		result[0] = a[0] + b[0];
		result[1] = CheckedPlus(a[1], b[1]);
		float8 tmp = a[1] / a[0] - b[1] / b[0];
		result[2] = CombineSquares(a[0], a[2], b[0], b[2], tmp, tmp);
	}
	return ReturnState(fcinfo, state1, a, result, 3);
}

namespace {

/* {N, Sx, Sxx} of a finished one-variable aggregate. */
const float8 *FinalValues(FunctionCallInfo fcinfo, const char *caller)
{
	return StateValues(PG_GETARG_ARRAYTYPE_P(0), caller, 3);
}

}  // namespace

Datum float8_avg(PG_FUNCTION_ARGS)
{
	const float8 *v = FinalValues(fcinfo, "float8_avg");
	if (v[0] == 0.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v[1] / v[0]);
}

Datum float8_var_pop(PG_FUNCTION_ARGS)
{
	const float8 *v = FinalValues(fcinfo, "float8_var_pop");
	if (v[0] == 0.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v[2] / v[0]);
}

Datum float8_var_samp(PG_FUNCTION_ARGS)
{
	const float8 *v = FinalValues(fcinfo, "float8_var_samp");
	if (v[0] <= 1.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v[2] / (v[0] - 1.0));
}

Datum float8_stddev_pop(PG_FUNCTION_ARGS)
{
	const float8 *v = FinalValues(fcinfo, "float8_stddev_pop");
	if (v[0] == 0.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sqrt(v[2] / v[0]));
}

Datum float8_stddev_samp(PG_FUNCTION_ARGS)
{
	const float8 *v = FinalValues(fcinfo, "float8_stddev_samp");
	if (v[0] <= 1.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sqrt(v[2] / (v[0] - 1.0)));
}

/* regr_*(Y, X), covar_*, corr: {N, Sx, Sxx, Sy, Syy, Sxy}. */
Datum float8_regr_accum(PG_FUNCTION_ARGS)
{
	ArrayType *state = PG_GETARG_ARRAYTYPE_P(0);
	float8 newy = PG_GETARG_FLOAT8(1);
	float8 newx = PG_GETARG_FLOAT8(2);
	float8 *v = StateValues(state, "float8_regr_accum", 6);
	float8 n = v[0] + 1.0;
	float8 sx = v[1] + newx;
	float8 sxx = v[2];
	float8 sy = v[3] + newy;
	float8 syy = v[4];
	float8 sxy = v[5];
	if (v[0] > 0.0)
	{
		float8 tmpx = newx * n - sx;
		float8 tmpy = newy * n - sy;
		float8 scale = 1.0 / (n * v[0]);
		sxx += tmpx * tmpx * scale;
		syy += tmpy * tmpy * scale;
		sxy += tmpx * tmpy * scale;
		if (std::isinf(sx) || std::isinf(sxx) || std::isinf(sy) || std::isinf(syy) ||
			std::isinf(sxy))
		{
			bool x_finite = !std::isinf(v[1]) && !std::isinf(newx);
			bool y_finite = !std::isinf(v[3]) && !std::isinf(newy);
			if (((std::isinf(sx) || std::isinf(sxx)) && x_finite) ||
				((std::isinf(sy) || std::isinf(syy)) && y_finite) ||
				(std::isinf(sxy) && x_finite && y_finite))
				float_overflow_error();
			if (std::isinf(sxx))
				sxx = Nan();
			if (std::isinf(syy))
				syy = Nan();
			if (std::isinf(sxy))
				sxy = Nan();
		}
	}
	else
	{
		if (std::isnan(newx) || std::isinf(newx))
			sxx = sxy = Nan();
		if (std::isnan(newy) || std::isinf(newy))
			syy = sxy = Nan();
	}
	const float8 result[6] = {n, sx, sxx, sy, syy, sxy};
	return ReturnState(fcinfo, state, v, result, 6);
}

Datum float8_regr_combine(PG_FUNCTION_ARGS)
{
	ArrayType *state1 = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType *state2 = PG_GETARG_ARRAYTYPE_P(1);
	float8 *a = StateValues(state1, "float8_regr_combine", 6);
	const float8 *b = StateValues(state2, "float8_regr_combine", 6);
	float8 result[6];
	if (a[0] == 0.0)
		std::copy(b, b + 6, result);
	else if (b[0] == 0.0)
		std::copy(a, a + 6, result);
	else
	{
		result[0] = a[0] + b[0];
		result[1] = CheckedPlus(a[1], b[1]);
		float8 tmpx = a[1] / a[0] - b[1] / b[0];
		result[2] = CombineSquares(a[0], a[2], b[0], b[2], tmpx, tmpx);
		result[3] = CheckedPlus(a[3], b[3]);
		float8 tmpy = a[3] / a[0] - b[3] / b[0];
		result[4] = CombineSquares(a[0], a[4], b[0], b[4], tmpy, tmpy);
		result[5] = CombineSquares(a[0], a[5], b[0], b[5], tmpx, tmpy);
	}
	return ReturnState(fcinfo, state1, a, result, 6);
}

namespace {

struct Regr
{
	float8 n, sx, sxx, sy, syy, sxy;
};

Regr RegrValues(FunctionCallInfo fcinfo, const char *caller)
{
	const float8 *v = StateValues(PG_GETARG_ARRAYTYPE_P(0), caller, 6);
	return Regr{v[0], v[1], v[2], v[3], v[4], v[5]};
}

}  // namespace

Datum float8_regr_sxx(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_regr_sxx");
	if (r.n < 1.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.sxx);
}

Datum float8_regr_syy(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_regr_syy");
	if (r.n < 1.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.syy);
}

Datum float8_regr_sxy(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_regr_sxy");
	if (r.n < 1.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.sxy);
}

Datum float8_regr_avgx(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_regr_avgx");
	if (r.n < 1.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.sx / r.n);
}

Datum float8_regr_avgy(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_regr_avgy");
	if (r.n < 1.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.sy / r.n);
}

Datum float8_covar_pop(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_covar_pop");
	if (r.n < 1.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.sxy / r.n);
}

Datum float8_covar_samp(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_covar_samp");
	if (r.n < 2.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.sxy / (r.n - 1.0));
}

Datum float8_corr(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_corr");
	if (r.n < 1.0 || r.sxx == 0 || r.syy == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.sxy / sqrt(r.sxx * r.syy));
}

Datum float8_regr_r2(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_regr_r2");
	if (r.n < 1.0 || r.sxx == 0)
		PG_RETURN_NULL();
	if (r.syy == 0)
		PG_RETURN_FLOAT8(1.0);
	PG_RETURN_FLOAT8((r.sxy * r.sxy) / (r.sxx * r.syy));
}

Datum float8_regr_slope(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_regr_slope");
	if (r.n < 1.0 || r.sxx == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.sxy / r.sxx);
}

Datum float8_regr_intercept(PG_FUNCTION_ARGS)
{
	Regr r = RegrValues(fcinfo, "float8_regr_intercept");
	if (r.n < 1.0 || r.sxx == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((r.sy - r.sx * r.sxy / r.sxx) / r.n);
}

/* width_bucket(operand, thresholds): how many of the sorted thresholds
 * are <= operand (0 below the first), by binary search with the
 * element type's default btree "<". */
Datum width_bucket_array(PG_FUNCTION_ARGS)
{
	Datum operand = PG_GETARG_DATUM(0);
	ArrayType *thresholds = PG_GETARG_ARRAYTYPE_P(1);
	Oid elemtype = ARR_ELEMTYPE(thresholds);
	if (ARR_NDIM(thresholds) > 1)
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("thresholds must be one-dimensional array"));
	if (ARR_HASNULL(thresholds))
	{
		int16 elmlen;
		bool elmbyval;
		char elmalign;
		get_typlenbyvalalign(elemtype, &elmlen, &elmbyval, &elmalign);
		Datum *elems;
		bool *nulls;
		int n;
		deconstruct_array(thresholds, elemtype, elmlen, elmbyval, elmalign, &elems, &nulls, &n);
		for (int i = 0; i < n; i++)
			if (nulls[i])
				ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						errmsg("thresholds array must not contain NULLs"));
	}
	/* the element type's "<", kept for the call site */
	struct LessThan
	{
		Oid type;
		FmgrInfo finfo;
	};
	auto *cache = static_cast<LessThan *>(fcinfo->flinfo->fn_extra);
	if (cache == nullptr || cache->type != elemtype)
	{
		Oid sortop;
		Oid eqop;
		if (!FindOrderingOps(elemtype, false, &sortop, &eqop))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not identify a comparison function for type %s",
						   format_type_be(elemtype)));
		cache = static_cast<LessThan *>(
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(LessThan)));
		fmgr_info_cxt(get_opcode(sortop), &cache->finfo, fcinfo->flinfo->fn_mcxt);
		cache->type = elemtype;
		fcinfo->flinfo->fn_extra = cache;
	}
	int16 elmlen;
	bool elmbyval;
	char elmalign;
	get_typlenbyvalalign(elemtype, &elmlen, &elmbyval, &elmalign);
	Datum *elems;
	bool *nulls;
	int n;
	deconstruct_array(thresholds, elemtype, elmlen, elmbyval, elmalign, &elems, &nulls, &n);
	int left = 0;
	int right = n;
	while (left < right)
	{
		int mid = (left + right) / 2;
		bool below = DatumGetBool(
			FunctionCall2Coll(&cache->finfo, PG_GET_COLLATION(), operand, elems[mid]));
		if (below)
			right = mid;
		else
			left = mid + 1;
	}
	PG_RETURN_INT32(left);
}
