/*
 * selfuncs.cpp — selectivities and distinct counts from pg_statistic
 * (PostgreSQL's selfuncs.c semantics, and clauselist_selectivity's
 * treatment of range pairs).
 *
 * Principal entry points: OperatorSelectivity, NullTestSelectivity,
 * BoolVarSelectivity, ClauseListSelectivity, EstimateNumGroups.
 *
 * Which estimator an operator gets is catalog data: pg_operator.oprrest
 * for a restriction (one relation), oprjoin for a join clause.  eqsel
 * and neqsel look the constant up in the column's most common values,
 * else share what the MCVs leave among the other distinct values;
 * scalarltsel and friends add the MCVs that satisfy the comparison to
 * the histogram's share, interpolating inside the histogram bin that
 * holds the constant for types convert_to_scalar can place on a line
 * (numbers, date/time types, strings); eqjoinsel matches the two sides'
 * MCV lists, else divides by the larger distinct count.  Without
 * statistics every function gives PostgreSQL's default (DEFAULT_EQ_SEL
 * 1/200 or 1/distinct when the table is small, DEFAULT_INEQ_SEL 1/3, …).
 *
 * Not implemented (PostgreSQL's defaults are used instead): the actual
 * endpoints an index could give for a constant beyond the histogram
 * (get_actual_variable_range), pattern selectivity (LIKE, regular
 * expressions), array and range operators, statistics of subqueries'
 * columns, extended statistics, semi- and anti-join selectivity.
 */
#include "postgres.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/pg_index_d.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_statistic_d.h"
#include "catalog/pg_type_d.h"
#include "executor/executor.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "planner_int.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

namespace tusk::optimizer {

namespace {

constexpr double kDefaultEqSel = 0.005;
constexpr double kDefaultIneqSel = 1.0 / 3.0;
constexpr double kDefaultRangeIneqSel = 0.005;
constexpr double kDefaultUnkSel = 0.005;
constexpr double kDefaultNotUnkSel = 1.0 - kDefaultUnkSel;
constexpr double kDefaultNumDistinct = 200.0;

double ClampProbability(double p)
{
	return p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p);
}

double ClampRowEst(double rows)
{
	return rows <= 1.0 ? 1.0 : std::rint(rows);
}

/* What is known about an expression (PostgreSQL's VariableStatData). */
struct VarStats
{
	Node *var = nullptr;	   /* the expression, RelabelTypes stripped */
	RelOptInfo *rel = nullptr; /* its relation, when it has exactly one */
	HeapTuple stats = nullptr; /* its pg_statistic row, if any */
	Oid vartype = InvalidOid;
	bool isunique = false; /* a unique index on exactly this column */

	VarStats() = default;
	VarStats(const VarStats &) = delete;
	VarStats &operator=(const VarStats &) = delete;
	~VarStats()
	{
		if (stats != nullptr)
			ReleaseSysCache(stats);
	}
	Form_pg_statistic Form() const { return reinterpret_cast<Form_pg_statistic>(GETSTRUCT(stats)); }
};

Node *StripRelabel(Node *node)
{
	while (node != nullptr && IsA(node, RelabelType))
		node = reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(node)->arg);
	return node;
}

/* Whether a unique index without predicate has exactly this column as
 * its only key (PostgreSQL's has_unique_index). */
bool HasUniqueIndex(Oid relid, AttrNumber attno)
{
	Relation rel = relation_open(relid, NoLock);
	bool found = false;
	if (rel->rd_rel->relhasindex)
	{
		List *indexes = RelationGetIndexList(rel);
		ListCell *lc;
		foreach (lc, indexes)
		{
			HeapTuple tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(lfirst_oid(lc)));
			if (tup == nullptr)
				continue;
			auto *form = reinterpret_cast<Form_pg_index>(GETSTRUCT(tup));
			bool isnull;
			(void) SysCacheGetAttr(INDEXRELID, tup, Anum_pg_index_indpred, &isnull);
			if (form->indisunique && form->indnkeyatts == 1 && form->indkey.values[0] == attno &&
				isnull)
				found = true;
			ReleaseSysCache(tup);
			if (found)
				break;
		}
	}
	relation_close(rel, NoLock);
	return found;
}

/* PostgreSQL's examine_variable, for Vars of base tables. */
void ExamineVariable(PlannerInfo *root, Node *node, VarStats *vs)
{
	node = StripRelabel(node);
	vs->var = node;
	vs->vartype = exprType(node);
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (var->varlevelsup != 0 || var->varno < 1 ||
			static_cast<int>(var->varno) >= root->simple_rel_array_size)
			return;
		vs->rel = root->simple_rel_array[var->varno];
		if (vs->rel == nullptr || vs->rel->rtekind != RTE_RELATION || var->varattno <= 0)
			return;
		auto *rte = static_cast<RangeTblEntry *>(list_nth(root->parse->rtable, var->varno - 1));
		vs->stats = SearchSysCache3(STATRELATTINH, ObjectIdGetDatum(rte->relid),
									Int16GetDatum(var->varattno), BoolGetDatum(false));
		vs->isunique = HasUniqueIndex(rte->relid, var->varattno);
		return;
	}
	/* An expression of one relation: no statistics, but its size. */
	Relids varnos = PullVarnos(node);
	if (bms_num_members(varnos) == 1)
	{
		int relid = bms_singleton_member(varnos);
		if (relid < root->simple_rel_array_size)
			vs->rel = root->simple_rel_array[relid];
	}
}

/* One slot of a pg_statistic row (PostgreSQL's AttStatsSlot). */
struct StatsSlot
{
	Oid staop = InvalidOid;
	std::vector<Datum> values;
	std::vector<float4> numbers;
};

bool GetStatsSlot(const VarStats &vs, int16 kind, StatsSlot *slot)
{
	if (vs.stats == nullptr)
		return false;
	Form_pg_statistic form = vs.Form();
	const int16 kinds[] = {form->stakind1, form->stakind2, form->stakind3, form->stakind4,
						   form->stakind5};
	const Oid ops[] = {form->staop1, form->staop2, form->staop3, form->staop4, form->staop5};
	for (int k = 0; k < 5; k++)
	{
		if (kinds[k] != kind)
			continue;
		slot->staop = ops[k];
		bool isnull;
		Datum vals = SysCacheGetAttr(STATRELATTINH, vs.stats, Anum_pg_statistic_stavalues1 + k,
									 &isnull);
		if (!isnull)
		{
			ArrayType *arr = DatumGetArrayTypeP(vals);
			Oid elemtype = ARR_ELEMTYPE(arr);
			int16 typlen;
			bool typbyval;
			char typalign;
			get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
			Datum *elems;
			int n;
			deconstruct_array(arr, elemtype, typlen, typbyval, typalign, &elems, nullptr, &n);
			slot->values.assign(elems, elems + n);
		}
		Datum nums = SysCacheGetAttr(STATRELATTINH, vs.stats, Anum_pg_statistic_stanumbers1 + k,
									 &isnull);
		if (!isnull)
		{
			ArrayType *arr = DatumGetArrayTypeP(nums);
			Datum *elems;
			int n;
			deconstruct_array(arr, FLOAT4OID, sizeof(float4), true, TYPALIGN_INT, &elems, nullptr,
							  &n);
			for (int i = 0; i < n; i++)
				slot->numbers.push_back(DatumGetFloat4(elems[i]));
		}
		return true;
	}
	return false;
}

/* PostgreSQL's get_variable_numdistinct; *isdefault when it is a guess. */
double VariableNumDistinct(const VarStats &vs, bool *isdefault)
{
	*isdefault = false;
	double stadistinct;
	double stanullfrac = 0.0;
	if (vs.stats != nullptr)
	{
		stadistinct = vs.Form()->stadistinct;
		stanullfrac = vs.Form()->stanullfrac;
	}
	else if (vs.vartype == BOOLOID)
		stadistinct = 2.0;
	else if ((vs.rel != nullptr && vs.rel->rtekind == RTE_VALUES) ||
			 (vs.var != nullptr && IsA(vs.var, Var) &&
			  reinterpret_cast<Var *>(vs.var)->varattno == SelfItemPointerAttributeNumber))
		stadistinct = -1.0; /* a VALUES list's rows, or ctids: all distinct */
	else if (vs.var != nullptr && IsA(vs.var, Var) &&
			 reinterpret_cast<Var *>(vs.var)->varattno == TableOidAttributeNumber)
		stadistinct = 1.0;
	else
		stadistinct = 0.0; /* unknown */
	if (vs.isunique)
		stadistinct = -1.0 * (1.0 - stanullfrac);
	if (stadistinct > 0.0)
		return ClampRowEst(stadistinct);
	if (vs.rel == nullptr || vs.rel->tuples <= 0.0)
	{
		*isdefault = true;
		return kDefaultNumDistinct;
	}
	double ntuples = vs.rel->tuples;
	if (stadistinct < 0.0)
		return ClampRowEst(-stadistinct * ntuples);
	/* No data: a small table's rows are likely distinct. */
	if (ntuples < kDefaultNumDistinct)
		return ClampRowEst(ntuples);
	*isdefault = true;
	return kDefaultNumDistinct;
}

double NullFrac(const VarStats &vs)
{
	return vs.stats != nullptr ? vs.Form()->stanullfrac : 0.0;
}

/* A pseudo-constant operand as a Const: a Const, or an expression of
 * constants computed now (PostgreSQL's estimate_expression_value: stable
 * functions too; its errors, division by zero say, are raised as
 * PostgreSQL raises them while planning). */
Const *AsConst(Node *node)
{
	node = StripRelabel(node);
	if (node == nullptr)
		return nullptr;
	if (!IsA(node, Const))
		node = estimate_expression_value(nullptr, node);
	return IsA(node, Const) ? reinterpret_cast<Const *>(node) : nullptr;
}

double VarEqConst(const VarStats &vs, Oid opno, Const *c, bool varonleft, bool negate)
{
	if (c->constisnull)
		return 0.0;
	double nullfrac = NullFrac(vs);
	double selec;
	bool isdefault;
	if (vs.isunique && vs.rel != nullptr && vs.rel->tuples >= 1.0)
		selec = 1.0 / vs.rel->tuples;
	else if (vs.stats != nullptr)
	{
		StatsSlot mcv;
		bool have_mcv = GetStatsSlot(vs, STATISTIC_KIND_MCV, &mcv);
		bool match = false;
		size_t i = 0;
		if (have_mcv)
		{
			FmgrInfo eq;
			fmgr_info(get_opcode(opno), &eq);
			for (; i < mcv.values.size(); i++)
			{
				Datum r = varonleft
					? FunctionCall2Coll(&eq, c->constcollid, mcv.values[i], c->constvalue)
					: FunctionCall2Coll(&eq, c->constcollid, c->constvalue, mcv.values[i]);
				if (DatumGetBool(r))
				{
					match = true;
					break;
				}
			}
		}
		if (match)
			selec = mcv.numbers[i];
		else
		{
			double sumcommon = 0.0;
			for (float4 f : mcv.numbers)
				sumcommon += f;
			selec = ClampProbability(1.0 - sumcommon - nullfrac);
			double otherdistinct = VariableNumDistinct(vs, &isdefault) -
				static_cast<double>(mcv.numbers.size());
			if (otherdistinct > 1)
				selec /= otherdistinct;
			/* Not more common than the least common MCV. */
			if (!mcv.numbers.empty() && selec > mcv.numbers.back())
				selec = mcv.numbers.back();
		}
	}
	else
		selec = 1.0 / VariableNumDistinct(vs, &isdefault);
	if (negate)
		selec = 1.0 - selec - nullfrac;
	return ClampProbability(selec);
}

/* PostgreSQL's var_eq_non_const: the other side unknown at plan time. */
double VarEqNonConst(const VarStats &vs, bool negate)
{
	double nullfrac = NullFrac(vs);
	double selec;
	bool isdefault;
	if (vs.isunique && vs.rel != nullptr && vs.rel->tuples >= 1.0)
		selec = 1.0 / vs.rel->tuples;
	else if (vs.stats != nullptr)
	{
		selec = 1.0 - nullfrac;
		double ndistinct = VariableNumDistinct(vs, &isdefault);
		if (ndistinct > 1)
			selec /= ndistinct;
		StatsSlot mcv;
		if (GetStatsSlot(vs, STATISTIC_KIND_MCV, &mcv) && !mcv.numbers.empty() &&
			selec > mcv.numbers[0])
			selec = mcv.numbers[0];
	}
	else
		selec = 1.0 / VariableNumDistinct(vs, &isdefault);
	if (negate)
		selec = 1.0 - selec - nullfrac;
	return ClampProbability(selec);
}

/* ---- convert_to_scalar: values on a line, for interpolation ---- */

bool NumericToScalar(Datum value, Oid type, double *out)
{
	switch (type)
	{
		case BOOLOID:
			*out = DatumGetBool(value) ? 1.0 : 0.0;
			return true;
		case INT2OID:
			*out = DatumGetInt16(value);
			return true;
		case INT4OID:
			*out = DatumGetInt32(value);
			return true;
		case INT8OID:
			*out = static_cast<double>(DatumGetInt64(value));
			return true;
		case FLOAT4OID:
			*out = DatumGetFloat4(value);
			return true;
		case FLOAT8OID:
			*out = DatumGetFloat8(value);
			return true;
		case NUMERICOID:
			*out = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, value));
			return true;
		case OIDOID:
		case REGPROCOID:
		case REGPROCEDUREOID:
		case REGOPEROID:
		case REGOPERATOROID:
		case REGCLASSOID:
		case REGTYPEOID:
		case REGCOLLATIONOID:
		case REGCONFIGOID:
		case REGDICTIONARYOID:
		case REGROLEOID:
		case REGNAMESPACEOID:
			*out = DatumGetObjectId(value);
			return true;
		default:
			return false;
	}
}

bool TimeToScalar(Datum value, Oid type, double *out)
{
	switch (type)
	{
		case TIMESTAMPOID:
		case TIMESTAMPTZOID:
			*out = static_cast<double>(DatumGetTimestamp(value));
			return true;
		case DATEOID:
		{
			DateADT d = DatumGetDateADT(value);
			if (DATE_NOT_FINITE(d))
				*out = DATE_IS_NOBEGIN(d) ? -HUGE_VAL : HUGE_VAL;
			else
				*out = static_cast<double>(d) * static_cast<double>(USECS_PER_DAY);
			return true;
		}
		case INTERVALOID:
		{
			Interval *iv = DatumGetIntervalP(value);
			*out = static_cast<double>(iv->time) + iv->day * static_cast<double>(USECS_PER_DAY) +
				iv->month *
					((DAYS_PER_YEAR / static_cast<double>(MONTHS_PER_YEAR)) *
					 static_cast<double>(USECS_PER_DAY));
			return true;
		}
		case TIMEOID:
			*out = static_cast<double>(DatumGetTimeADT(value));
			return true;
		case TIMETZOID:
		{
			TimeTzADT *t = DatumGetTimeTzADTP(value);
			*out = static_cast<double>(t->time) + t->zone * 1000000.0;
			return true;
		}
		default:
			return false;
	}
}

bool IsStringType(Oid type)
{
	return type == TEXTOID || type == VARCHAROID || type == BPCHAROID || type == NAMEOID ||
		type == CHAROID;
}

std::string StringOf(Datum value, Oid type)
{
	switch (type)
	{
		case CHAROID:
			return std::string(1, DatumGetChar(value));
		case NAMEOID:
			return NameStr(*DatumGetName(value));
		default:
		{
			auto *t = reinterpret_cast<text *>(pg_detoast_datum_packed(
				reinterpret_cast<struct varlena *>(DatumGetPointer(value))));
			return std::string(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		}
	}
}

/* A string as a fraction in base (rangehi − rangelo + 1), its first 12
 * characters counting (PostgreSQL's convert_one_string_to_scalar). */
double OneStringToScalar(const char *value, int rangelo, int rangehi)
{
	int slen = static_cast<int>(strlen(value));
	if (slen <= 0)
		return 0.0;
	slen = std::min(slen, 12);
	double base = rangehi - rangelo + 1;
	double num = 0.0;
	double denom = base;
	while (slen-- > 0)
	{
		int ch = static_cast<unsigned char>(*value++);
		if (ch < rangelo)
			ch = rangelo - 1;
		else if (ch > rangehi)
			ch = rangehi + 1;
		num += static_cast<double>(ch - rangelo) / denom;
		denom *= base;
	}
	return num;
}

/* PostgreSQL's convert_string_to_scalar: the character range the three
 * strings use (widened to whole letter/digit ranges), their common prefix
 * dropped.  Comparisons are bytewise, as in the C collation. */
void StringsToScalar(const std::string &v, const std::string &lo, const std::string &hi, double *sv,
					 double *slo, double *shi)
{
	int rangelo = hi.empty() ? 0 : static_cast<unsigned char>(hi[0]);
	int rangehi = rangelo;
	for (const std::string *s : {&lo, &hi})
		for (unsigned char ch : *s)
		{
			rangelo = std::min(rangelo, static_cast<int>(ch));
			rangehi = std::max(rangehi, static_cast<int>(ch));
		}
	if (rangelo <= 'Z' && rangehi >= 'A')
	{
		rangelo = std::min(rangelo, static_cast<int>('A'));
		rangehi = std::max(rangehi, static_cast<int>('Z'));
	}
	if (rangelo <= 'z' && rangehi >= 'a')
	{
		rangelo = std::min(rangelo, static_cast<int>('a'));
		rangehi = std::max(rangehi, static_cast<int>('z'));
	}
	if (rangelo <= '9' && rangehi >= '0')
	{
		rangelo = std::min(rangelo, static_cast<int>('0'));
		rangehi = std::max(rangehi, static_cast<int>('9'));
	}
	if (rangehi - rangelo < 9)
	{
		rangelo = ' ';
		rangehi = 127;
	}
	size_t p = 0;
	while (p < lo.size() && p < hi.size() && p < v.size() && lo[p] == hi[p] && lo[p] == v[p])
		p++;
	*sv = OneStringToScalar(v.c_str() + p, rangelo, rangehi);
	*slo = OneStringToScalar(lo.c_str() + p, rangelo, rangehi);
	*shi = OneStringToScalar(hi.c_str() + p, rangelo, rangehi);
}

/* PostgreSQL's convert_to_scalar: false when the types cannot be placed
 * on a line. */
bool ConvertToScalar(Datum value, Oid valuetype, double *scaledvalue, Datum lobound, Datum hibound,
					 Oid boundstype, double *scaledlobound, double *scaledhibound)
{
	if (NumericToScalar(value, valuetype, scaledvalue))
		return NumericToScalar(lobound, boundstype, scaledlobound) &&
			NumericToScalar(hibound, boundstype, scaledhibound);
	if (IsStringType(valuetype) && IsStringType(boundstype))
	{
		StringsToScalar(StringOf(value, valuetype), StringOf(lobound, boundstype),
						StringOf(hibound, boundstype), scaledvalue, scaledlobound, scaledhibound);
		return true;
	}
	if (TimeToScalar(value, valuetype, scaledvalue))
		return TimeToScalar(lobound, boundstype, scaledlobound) &&
			TimeToScalar(hibound, boundstype, scaledhibound);
	return false;
}

/* PostgreSQL's ineq_histogram_selectivity; −1 without a histogram. */
double HistogramSelectivity(const VarStats &vs, FmgrInfo *opproc, Oid collation, bool isgt,
							bool iseq, Datum constval, Oid consttype)
{
	StatsSlot hist;
	if (!GetStatsSlot(vs, STATISTIC_KIND_HISTOGRAM, &hist) || hist.values.size() < 2)
		return -1.0;
	int nvalues = static_cast<int>(hist.values.size());
	int lobound = 0;
	int hibound = nvalues;
	while (lobound < hibound)
	{
		int probe = (lobound + hibound) / 2;
		bool ltcmp = DatumGetBool(
			FunctionCall2Coll(opproc, collation, hist.values[probe], constval));
		if (isgt)
			ltcmp = !ltcmp;
		if (ltcmp)
			lobound = probe + 1;
		else
			hibound = probe;
	}
	double histfrac;
	if (lobound <= 0)
		histfrac = 0.0;
	else if (lobound >= nvalues)
		histfrac = 1.0;
	else
	{
		int i = lobound;
		double eq_selec = 0;
		if (i == 1 || isgt == iseq)
		{
			bool isdefault;
			double otherdistinct = VariableNumDistinct(vs, &isdefault);
			StatsSlot mcv;
			if (GetStatsSlot(vs, STATISTIC_KIND_MCV, &mcv))
				otherdistinct -= static_cast<double>(mcv.numbers.size());
			if (otherdistinct > 1)
				eq_selec = 1.0 / otherdistinct;
		}
		double val;
		double low;
		double high;
		double binfrac;
		if (ConvertToScalar(constval, consttype, &val, hist.values[i - 1], hist.values[i],
							vs.vartype, &low, &high))
		{
			if (high <= low)
				binfrac = 0.5;
			else if (val <= low)
				binfrac = 0.0;
			else if (val >= high)
				binfrac = 1.0;
			else
			{
				binfrac = (val - low) / (high - low);
				if (std::isnan(binfrac) || binfrac < 0.0 || binfrac > 1.0)
					binfrac = 0.5;
			}
		}
		else
			binfrac = 0.5;
		histfrac = (static_cast<double>(i - 1) + binfrac) / static_cast<double>(nvalues - 1);
		/* The first bin's left bound is its leftmost value, not its
		 * rightmost: "x <= first" keeps eq_selec, not nothing. */
		if (i == 1)
			histfrac += eq_selec * (1.0 - binfrac);
		if (isgt == iseq)
			histfrac -= eq_selec;
	}
	double hist_selec = isgt ? 1.0 - histfrac : histfrac;
	/* The bounds are approximate: nothing beyond a hundredth of a bin. */
	double cutoff = 0.01 / static_cast<double>(nvalues - 1);
	return std::clamp(hist_selec, cutoff, 1.0 - cutoff);
}

/* PostgreSQL's scalarineqsel. */
double ScalarIneqSel(const VarStats &vs, Oid opno, bool isgt, bool iseq, Const *c, bool varonleft)
{
	if (vs.stats == nullptr)
		return kDefaultIneqSel;
	if (c->constisnull)
		return 0.0;
	FmgrInfo opproc;
	fmgr_info(get_opcode(opno), &opproc);
	/* The MCVs satisfying the comparison. */
	StatsSlot mcv;
	double mcv_selec = 0.0;
	double sumcommon = 0.0;
	if (GetStatsSlot(vs, STATISTIC_KIND_MCV, &mcv))
	{
		for (size_t i = 0; i < mcv.values.size(); i++)
		{
			Datum r = varonleft
				? FunctionCall2Coll(&opproc, c->constcollid, mcv.values[i], c->constvalue)
				: FunctionCall2Coll(&opproc, c->constcollid, c->constvalue, mcv.values[i]);
			if (DatumGetBool(r))
				mcv_selec += mcv.numbers[i];
			sumcommon += mcv.numbers[i];
		}
	}
	/* The histogram's probes need "var op const": with the constant on
	 * the left, the commutator. */
	Oid histop = varonleft ? opno : get_commutator(opno);
	double hist_selec = -1.0;
	if (OidIsValid(histop))
	{
		FmgrInfo histproc;
		fmgr_info(get_opcode(histop), &histproc);
		hist_selec = HistogramSelectivity(vs, &histproc, c->constcollid, isgt, iseq, c->constvalue,
										  c->consttype);
	}
	double selec = 1.0 - vs.Form()->stanullfrac - sumcommon;
	selec *= hist_selec >= 0.0 ? hist_selec : 0.5;
	selec += mcv_selec;
	return ClampProbability(selec);
}

/* PostgreSQL's eqjoinsel for inner (and outer) joins. */
double EqJoinSel(PlannerInfo *root, Oid opno, List *args)
{
	VarStats vs1;
	VarStats vs2;
	ExamineVariable(root, static_cast<Node *>(linitial(args)), &vs1);
	ExamineVariable(root, static_cast<Node *>(lsecond(args)), &vs2);
	bool isdefault1;
	bool isdefault2;
	double nd1 = VariableNumDistinct(vs1, &isdefault1);
	double nd2 = VariableNumDistinct(vs2, &isdefault2);
	StatsSlot mcv1;
	StatsSlot mcv2;
	bool have_mcvs1 = GetStatsSlot(vs1, STATISTIC_KIND_MCV, &mcv1);
	bool have_mcvs2 = GetStatsSlot(vs2, STATISTIC_KIND_MCV, &mcv2);
	double nullfrac1 = NullFrac(vs1);
	double nullfrac2 = NullFrac(vs2);
	double selec;
	if (have_mcvs1 && have_mcvs2)
	{
		FmgrInfo eq;
		fmgr_info(get_opcode(opno), &eq);
		Oid collation = exprCollation(static_cast<Node *>(linitial(args)));
		size_t n1 = mcv1.values.size();
		size_t n2 = mcv2.values.size();
		std::vector<bool> hasmatch1(n1);
		std::vector<bool> hasmatch2(n2);
		double matchprodfreq = 0.0;
		int nmatches = 0;
		for (size_t i = 0; i < n1; i++)
			for (size_t j = 0; j < n2; j++)
			{
				if (hasmatch2[j])
					continue;
				if (DatumGetBool(FunctionCall2Coll(&eq, collation, mcv1.values[i], mcv2.values[j])))
				{
					hasmatch1[i] = hasmatch2[j] = true;
					matchprodfreq += mcv1.numbers[i] * mcv2.numbers[j];
					nmatches++;
					break;
				}
			}
		matchprodfreq = ClampProbability(matchprodfreq);
		double matchfreq1 = 0;
		double unmatchfreq1 = 0;
		double matchfreq2 = 0;
		double unmatchfreq2 = 0;
		for (size_t i = 0; i < n1; i++)
			(hasmatch1[i] ? matchfreq1 : unmatchfreq1) += mcv1.numbers[i];
		for (size_t j = 0; j < n2; j++)
			(hasmatch2[j] ? matchfreq2 : unmatchfreq2) += mcv2.numbers[j];
		matchfreq1 = ClampProbability(matchfreq1);
		unmatchfreq1 = ClampProbability(unmatchfreq1);
		matchfreq2 = ClampProbability(matchfreq2);
		unmatchfreq2 = ClampProbability(unmatchfreq2);
		double otherfreq1 = ClampProbability(1.0 - nullfrac1 - matchfreq1 - unmatchfreq1);
		double otherfreq2 = ClampProbability(1.0 - nullfrac2 - matchfreq2 - unmatchfreq2);
		/* Matched MCVs exactly; unmatched ones and the rest against the
		 * other side's non-MCV values, evenly spread. */
		double totalsel1 = matchprodfreq;
		if (nd2 > n2)
			totalsel1 += unmatchfreq1 * otherfreq2 / (nd2 - n2);
		if (nd2 > nmatches)
			totalsel1 += otherfreq1 * (otherfreq2 + unmatchfreq2) / (nd2 - nmatches);
		double totalsel2 = matchprodfreq;
		if (nd1 > n1)
			totalsel2 += unmatchfreq2 * otherfreq1 / (nd1 - n1);
		if (nd1 > nmatches)
			totalsel2 += otherfreq2 * (otherfreq1 + unmatchfreq1) / (nd1 - nmatches);
		selec = std::min(totalsel1, totalsel2);
	}
	else
	{
		selec = (1.0 - nullfrac1) * (1.0 - nullfrac2);
		selec /= std::max(nd1, nd2);
	}
	return ClampProbability(selec);
}

/*
 * PostgreSQL's eqjoinsel_semi: the fraction of the outer expression's
 * rows with a partner among the inner's.  nd2 is clamped to the rows the
 * inner side can have (its relation's, and the join input's inner_rows);
 * with MCV lists on both sides the matched MCVs count exactly, the rest
 * is nd2/nd1 of the uncertain rows (half when either count is a guess).
 */
double EqJoinSelSemi(PlannerInfo *root, Oid opno, Node *outer_arg, Node *inner_arg,
					 bool outer_first, double inner_rows)
{
	VarStats vs1;
	VarStats vs2;
	ExamineVariable(root, outer_arg, &vs1);
	ExamineVariable(root, inner_arg, &vs2);
	bool isdefault1;
	bool isdefault2;
	double nd1 = VariableNumDistinct(vs1, &isdefault1);
	double nd2 = VariableNumDistinct(vs2, &isdefault2);
	if (vs2.rel != nullptr && nd2 >= vs2.rel->rows)
	{
		nd2 = vs2.rel->rows;
		isdefault2 = false;
	}
	if (nd2 >= inner_rows)
	{
		nd2 = inner_rows;
		isdefault2 = false;
	}
	double nullfrac1 = NullFrac(vs1);
	StatsSlot mcv1;
	StatsSlot mcv2;
	bool have_mcvs1 = GetStatsSlot(vs1, STATISTIC_KIND_MCV, &mcv1);
	bool have_mcvs2 = GetStatsSlot(vs2, STATISTIC_KIND_MCV, &mcv2);
	double selec;
	if (have_mcvs1 && have_mcvs2)
	{
		FmgrInfo eq;
		fmgr_info(get_opcode(opno), &eq);
		Oid collation = exprCollation(outer_arg);
		size_t n1 = mcv1.values.size();
		size_t n2 = std::min<size_t>(mcv2.values.size(), static_cast<size_t>(std::max(nd2, 0.0)));
		std::vector<bool> hasmatch1(n1);
		std::vector<bool> hasmatch2(n2);
		int nmatches = 0;
		for (size_t i = 0; i < n1; i++)
			for (size_t j = 0; j < n2; j++)
			{
				if (hasmatch2[j])
					continue;
				Datum l = outer_first ? mcv1.values[i] : mcv2.values[j];
				Datum r = outer_first ? mcv2.values[j] : mcv1.values[i];
				if (DatumGetBool(FunctionCall2Coll(&eq, collation, l, r)))
				{
					hasmatch1[i] = hasmatch2[j] = true;
					nmatches++;
					break;
				}
			}
		double matchfreq1 = 0.0;
		for (size_t i = 0; i < n1; i++)
			if (hasmatch1[i])
				matchfreq1 += mcv1.numbers[i];
		matchfreq1 = ClampProbability(matchfreq1);
		double uncertainfrac = 0.5;
		if (!isdefault1 && !isdefault2)
		{
			nd1 -= nmatches;
			nd2 -= nmatches;
			uncertainfrac = nd1 <= nd2 || nd2 < 0 ? 1.0 : nd2 / nd1;
		}
		double uncertain = ClampProbability(1.0 - matchfreq1 - nullfrac1);
		selec = matchfreq1 + uncertainfrac * uncertain;
	}
	else if (!isdefault1 && !isdefault2)
		selec = nd1 <= nd2 || nd2 < 0 ? 1.0 - nullfrac1 : (nd2 / nd1) * (1.0 - nullfrac1);
	else
		selec = 0.5 * (1.0 - nullfrac1);
	return ClampProbability(selec);
}

/* The restriction estimate of "var op const" or "const op var". */
double RestrictionSel(PlannerInfo *root, OpExpr *op, RegProcedure oprrest)
{
	Node *left = static_cast<Node *>(linitial(op->args));
	Node *right = static_cast<Node *>(lsecond(op->args));
	Const *c = AsConst(right);
	bool varonleft = true;
	Node *varnode = left;
	if (c == nullptr)
	{
		c = AsConst(left);
		varonleft = false;
		varnode = right;
	}
	bool is_eq = oprrest == F_EQSEL || oprrest == F_NEQSEL;
	if (c == nullptr)
	{
		/* Neither side constant: an equality with a value unknown now (a
		 * parameter), if one side is a variable. */
		if (!is_eq)
			return kDefaultIneqSel;
		bool negate = oprrest == F_NEQSEL;
		VarStats vs;
		ExamineVariable(root, left, &vs);
		if (vs.rel == nullptr)
		{
			VarStats vs2;
			ExamineVariable(root, right, &vs2);
			if (vs2.rel == nullptr)
				return negate ? 1.0 - kDefaultEqSel : kDefaultEqSel;
			return VarEqNonConst(vs2, negate);
		}
		return VarEqNonConst(vs, negate);
	}
	VarStats vs;
	ExamineVariable(root, varnode, &vs);
	if (vs.rel == nullptr && vs.stats == nullptr && !IsA(vs.var, Var))
	{
		/* Two constants, or nothing known about the expression. */
		if (is_eq)
			return oprrest == F_NEQSEL ? 1.0 - kDefaultEqSel : kDefaultEqSel;
		return kDefaultIneqSel;
	}
	switch (oprrest)
	{
		case F_EQSEL:
			return VarEqConst(vs, op->opno, c, varonleft, false);
		case F_NEQSEL:
		{
			/* PostgreSQL estimates "<>" from its negator's "=". */
			Oid eqop = InvalidOid;
			if (HeapTuple tup = SearchSysCache1(OPEROID, ObjectIdGetDatum(op->opno)))
			{
				eqop = reinterpret_cast<Form_pg_operator>(GETSTRUCT(tup))->oprnegate;
				ReleaseSysCache(tup);
			}
			if (!OidIsValid(eqop))
				return 1.0 - kDefaultEqSel;
			return VarEqConst(vs, eqop, c, varonleft, true);
		}
		default:
		{
			bool isgt = oprrest == F_SCALARGTSEL || oprrest == F_SCALARGESEL;
			bool iseq = oprrest == F_SCALARLESEL || oprrest == F_SCALARGESEL;
			/* "const < var" is "var > const". */
			if (!varonleft)
				isgt = !isgt;
			return ScalarIneqSel(vs, op->opno, isgt, iseq, c, varonleft);
		}
	}
}

bool IsRangeEstimator(RegProcedure oprrest)
{
	return oprrest == F_SCALARLTSEL || oprrest == F_SCALARLESEL || oprrest == F_SCALARGTSEL ||
		oprrest == F_SCALARGESEL;
}

void OperatorEstimators(Oid opno, RegProcedure *oprrest, RegProcedure *oprjoin)
{
	*oprrest = InvalidOid;
	*oprjoin = InvalidOid;
	if (HeapTuple tup = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno)))
	{
		auto *form = reinterpret_cast<Form_pg_operator>(GETSTRUCT(tup));
		*oprrest = form->oprrest;
		*oprjoin = form->oprjoin;
		ReleaseSysCache(tup);
	}
}

}  // namespace

bool OperatorSelectivity(PlannerInfo *root, OpExpr *op, Selectivity *result)
{
	if (list_length(op->args) != 2)
		return false;
	RegProcedure oprrest;
	RegProcedure oprjoin;
	OperatorEstimators(op->opno, &oprrest, &oprjoin);
	bool is_join = bms_num_members(PullVarnos(reinterpret_cast<Node *>(op))) > 1;
	if (is_join)
	{
		switch (oprjoin)
		{
			case F_EQJOINSEL:
				*result = EqJoinSel(root, op->opno, op->args);
				return true;
			case F_NEQJOINSEL:
			{
				Oid eqop = InvalidOid;
				if (HeapTuple tup = SearchSysCache1(OPEROID, ObjectIdGetDatum(op->opno)))
				{
					eqop = reinterpret_cast<Form_pg_operator>(GETSTRUCT(tup))->oprnegate;
					ReleaseSysCache(tup);
				}
				*result = 1.0 -
					(OidIsValid(eqop) ? EqJoinSel(root, eqop, op->args) : kDefaultEqSel);
				return true;
			}
			case F_SCALARLTJOINSEL:
			case F_SCALARLEJOINSEL:
			case F_SCALARGTJOINSEL:
			case F_SCALARGEJOINSEL:
				*result = kDefaultIneqSel;
				return true;
			default:
				return false;
		}
	}
	if (oprrest == F_EQSEL || oprrest == F_NEQSEL || IsRangeEstimator(oprrest))
	{
		*result = RestrictionSel(root, op, oprrest);
		return true;
	}
	return false;
}

Selectivity SemiJoinClauseSelectivity(PlannerInfo *root, Node *clause, Relids outer_relids,
									  double inner_rows)
{
	if (IsA(clause, OpExpr) && list_length(reinterpret_cast<OpExpr *>(clause)->args) == 2)
	{
		OpExpr *op = reinterpret_cast<OpExpr *>(clause);
		Node *left = static_cast<Node *>(linitial(op->args));
		Node *right = static_cast<Node *>(lsecond(op->args));
		Relids lrelids = PullVarnos(left);
		Relids rrelids = PullVarnos(right);
		bool outer_first = !bms_is_empty(lrelids) && bms_is_subset(lrelids, outer_relids) &&
			!bms_overlap(rrelids, outer_relids);
		bool outer_second = !bms_is_empty(rrelids) && bms_is_subset(rrelids, outer_relids) &&
			!bms_overlap(lrelids, outer_relids);
		RegProcedure oprrest;
		RegProcedure oprjoin;
		OperatorEstimators(op->opno, &oprrest, &oprjoin);
		if ((outer_first || outer_second) && !bms_is_empty(outer_first ? rrelids : lrelids))
		{
			Node *outer_arg = outer_first ? left : right;
			Node *inner_arg = outer_first ? right : left;
			if (oprjoin == F_EQJOINSEL)
				return EqJoinSelSemi(root, op->opno, outer_arg, inner_arg, outer_first, inner_rows);
			if (oprjoin == F_NEQJOINSEL)
			{
				/* PostgreSQL assumes the inner side has more than one
				 * value: every non-null outer row finds a partner. */
				VarStats vs;
				ExamineVariable(root, outer_arg, &vs);
				return ClampProbability(1.0 - NullFrac(vs));
			}
		}
	}
	return ClauseSelectivity(root, clause, inner_rows);
}

Selectivity NullTestSelectivity(PlannerInfo *root, NullTestType type, Node *arg)
{
	VarStats vs;
	ExamineVariable(root, arg, &vs);
	if (vs.stats == nullptr)
		return type == IS_NULL ? kDefaultUnkSel : kDefaultNotUnkSel;
	double freq_null = vs.Form()->stanullfrac;
	return ClampProbability(type == IS_NULL ? freq_null : 1.0 - freq_null);
}

Selectivity BoolVarSelectivity(PlannerInfo *root, Node *arg)
{
	VarStats vs;
	ExamineVariable(root, arg, &vs);
	if (vs.stats != nullptr)
	{
		Const *t = makeNode(Const);
		t->consttype = BOOLOID;
		t->consttypmod = -1;
		t->constlen = 1;
		t->constvalue = BoolGetDatum(true);
		t->constbyval = true;
		return VarEqConst(vs, BooleanEqualOperator, t, true, false);
	}
	return 0.5;
}

Selectivity ClauseListSelectivity(PlannerInfo *root, List *clauses, double rel_rows)
{
	struct RangePair
	{
		Node *var;
		bool have_lo = false;
		bool have_hi = false;
		double lo = 0;
		double hi = 0;
	};
	std::vector<RangePair> ranges;
	Selectivity s1 = 1.0;
	ListCell *lc;
	foreach (lc, clauses)
	{
		Node *clause = static_cast<Node *>(lfirst(lc));
		Selectivity s2 = ClauseSelectivity(root, clause, rel_rows);
		/* "var < const" and "var > const" on the same expression make a
		 * range: their selectivities overlap, not multiply. */
		if (IsA(clause, OpExpr) && list_length(reinterpret_cast<OpExpr *>(clause)->args) == 2 &&
			bms_num_members(PullVarnos(clause)) == 1)
		{
			OpExpr *op = reinterpret_cast<OpExpr *>(clause);
			RegProcedure oprrest;
			RegProcedure oprjoin;
			OperatorEstimators(op->opno, &oprrest, &oprjoin);
			Node *left = static_cast<Node *>(linitial(op->args));
			Node *right = static_cast<Node *>(lsecond(op->args));
			bool varonleft = AsConst(right) != nullptr;
			bool varonright = !varonleft && AsConst(left) != nullptr;
			if (IsRangeEstimator(oprrest) && (varonleft || varonright))
			{
				Node *var = varonleft ? left : right;
				bool is_lt = oprrest == F_SCALARLTSEL || oprrest == F_SCALARLESEL;
				if (!varonleft)
					is_lt = !is_lt;
				RangePair *pair = nullptr;
				for (RangePair &r : ranges)
					if (equal(r.var, var))
						pair = &r;
				if (pair == nullptr)
				{
					ranges.push_back(RangePair{var});
					pair = &ranges.back();
				}
				/* The tighter of two bounds on the same side. */
				if (is_lt)
				{
					pair->hi = pair->have_hi ? std::min(pair->hi, s2) : s2;
					pair->have_hi = true;
				}
				else
				{
					pair->lo = pair->have_lo ? std::min(pair->lo, s2) : s2;
					pair->have_lo = true;
				}
				continue;
			}
		}
		s1 *= s2;
	}
	for (const RangePair &r : ranges)
	{
		if (r.have_lo && r.have_hi)
		{
			Selectivity s2;
			if (r.hi == kDefaultIneqSel || r.lo == kDefaultIneqSel)
				s2 = kDefaultRangeIneqSel;
			else
			{
				/* Both bounds exclude the NULLs: count them once. */
				s2 = r.hi + r.lo - 1.0 + NullTestSelectivity(root, IS_NULL, r.var);
				if (s2 <= 0.0)
					s2 = s2 < -0.01 ? kDefaultRangeIneqSel : 1.0e-10;
			}
			s1 *= s2;
		}
		else
			s1 *= r.have_lo ? r.lo : r.hi;
	}
	return s1;
}

double EstimateNumGroups(PlannerInfo *root, List *groupExprs, double input_rows)
{
	if (groupExprs == NIL)
		return 1.0;
	/* The grouping columns: an expression with statistics (or unique)
	 * counts as one; else the Vars it is made of. */
	List *vars = NIL;
	ListCell *lc;
	foreach (lc, groupExprs)
	{
		Node *expr = static_cast<Node *>(lfirst(lc));
		VarStats vs;
		ExamineVariable(root, expr, &vs);
		if (vs.stats != nullptr || vs.isunique || IsA(vs.var, Var))
		{
			vars = lappend(vars, expr);
			continue;
		}
		List *here = PullVars(expr);
		if (here == NIL)
		{
			/* A constant adds no groups; a volatile function, one per row. */
			if (contain_volatile_functions(expr))
				return input_rows;
			continue;
		}
		vars = list_concat(vars, here);
	}
	/* Per relation, the product of its distinct columns' counts. */
	struct RelGroup
	{
		RelOptInfo *rel;
		double ndistinct;
		double maxndistinct;
		int nvars;
		List *seen;
	};
	std::vector<RelGroup> groups;
	foreach (lc, vars)
	{
		Node *expr = StripRelabel(static_cast<Node *>(lfirst(lc)));
		VarStats vs;
		ExamineVariable(root, expr, &vs);
		bool isdefault;
		double nd = VariableNumDistinct(vs, &isdefault);
		RelGroup *g = nullptr;
		for (RelGroup &r : groups)
			if (r.rel == vs.rel)
				g = &r;
		if (g == nullptr)
		{
			groups.push_back(RelGroup{vs.rel, 1.0, 0.0, 0, NIL});
			g = &groups.back();
		}
		bool dup = false;
		ListCell *sc;
		foreach (sc, g->seen)
			if (equal(lfirst(sc), expr))
				dup = true;
		if (dup)
			continue;
		g->seen = lappend(g->seen, expr);
		g->ndistinct *= nd;
		g->maxndistinct = std::max(g->maxndistinct, nd);
		g->nvars++;
	}
	double numdistinct = 1.0;
	for (RelGroup &g : groups)
	{
		double reldistinct = g.ndistinct;
		if (g.rel != nullptr && g.rel->tuples > 0)
		{
			/* Not more groups than rows (a tenth of them for several
			 * columns, which are probably correlated, but never fewer than
			 * one column alone has). */
			double clamp = g.rel->tuples;
			if (g.nvars > 1)
			{
				clamp *= 0.1;
				if (clamp < g.maxndistinct)
					clamp = std::min(g.maxndistinct, g.rel->tuples);
			}
			reldistinct = std::min(reldistinct, clamp);
			/* A filtered relation keeps the values its remaining rows are
			 * likely to hold. */
			if (reldistinct > 0 && g.rel->rows < g.rel->tuples)
				reldistinct *= 1.0 -
					std::pow((g.rel->tuples - g.rel->rows) / g.rel->tuples,
							 g.rel->tuples / reldistinct);
			reldistinct = ClampRowEst(reldistinct);
		}
		numdistinct *= reldistinct;
	}
	numdistinct = std::ceil(numdistinct);
	numdistinct = std::min(numdistinct, input_rows);
	return std::max(numdistinct, 1.0);
}

Const *EstimateExpressionValue(Node *node)
{
	return AsConst(node);
}

int AttributeWidth(Oid relid, Form_pg_attribute att)
{
	if (HeapTuple tup = SearchSysCache3(STATRELATTINH, ObjectIdGetDatum(relid),
										Int16GetDatum(att->attnum), BoolGetDatum(false)))
	{
		int32 width = reinterpret_cast<Form_pg_statistic>(GETSTRUCT(tup))->stawidth;
		ReleaseSysCache(tup);
		if (width > 0)
			return width;
	}
	if (att->attlen > 0)
		return att->attlen;
	/* Bounded character types: a share of the longest value, in the
	 * database's encoding (UTF8, up to 4 bytes a character). */
	constexpr int kMaxEncodingLength = 4;
	constexpr int kDefaultVarlenaWidth = 32;
	constexpr int kWidthCap = 1000;
	if (att->atttypmod > 0 && (att->atttypid == VARCHAROID || att->atttypid == BPCHAROID))
	{
		int maxwidth = (att->atttypmod - VARHDRSZ) * kMaxEncodingLength + VARHDRSZ;
		if (att->atttypid == BPCHAROID || maxwidth <= kDefaultVarlenaWidth)
			return maxwidth;
		if (maxwidth < kWidthCap)
			return kDefaultVarlenaWidth + (maxwidth - kDefaultVarlenaWidth) / 2;
		return kDefaultVarlenaWidth + (kWidthCap - kDefaultVarlenaWidth) / 2;
	}
	return kDefaultVarlenaWidth;
}

}  // namespace tusk::optimizer
