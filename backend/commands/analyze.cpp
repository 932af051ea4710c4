/*
 * analyze.cpp — ANALYZE of one table: a row sample, per-column
 * statistics in pg_statistic, the table's size in pg_class
 * (commands/vacuum.h).
 *
 * Principal entry points: analyze_rel, RemoveStatistics.
 *
 * The algorithms are PostgreSQL's (its analyze.c), so that a table gets
 * the statistics PostgreSQL would compute — exactly the same ones when the
 * whole table fits in the sample:
 *
 *  - The sample: 300 × the largest statistics target of the columns
 *    analyzed (pg_attribute.attstattarget, or default_statistics_target)
 *    rows.  Blocks are chosen with Knuth's Algorithm S (as many blocks as
 *    rows wanted, each block equally likely), and the rows of those blocks
 *    go through Vitter's reservoir sampling (Algorithm X), then are put
 *    back in physical order.  Only rows live to the statement's snapshot
 *    horizon (or inserted by this transaction) are sampled; dead ones are
 *    counted.  The table's row count is the live rows per sampled block
 *    times its blocks.
 *  - Per column, with the type's default B-tree "<" and "=" (a
 *    binary-compatible type's, as varchar uses text's): the sorted sample
 *    gives the null fraction, the average width, the number of distinct
 *    values (every value seen once: all distinct, a negative fraction of
 *    the rows; every value seen at least twice: exactly that many;
 *    otherwise Haas and Stokes' Duj1 estimator n·d / (n − f1 + f1·n/N)),
 *    the most common values (those seen more than once, kept only when
 *    clearly more common than the rest if the sample is not the whole
 *    table), a histogram of the remaining values (up to target + 1 bounds
 *    at equal steps of the sorted sample), and the correlation between
 *    the values' order and the rows' physical order.  A type with only
 *    "=" gets the null fraction, width, distinct count and most common
 *    values by PostgreSQL's pairwise tracking; one with neither, only the
 *    first two.
 *  - Each analyzed column's pg_statistic row (stainherit false) replaces
 *    the earlier one; a column whose sample had no rows keeps its old row,
 *    as in PostgreSQL.
 *
 * Not implemented: statistics of array columns beyond nulls and width
 * (their operator class is the polymorphic anyarray one, not matched
 * here; PostgreSQL's array_typanalyze also adds element statistics),
 * expression indexes' statistics, inheritance trees and extended
 * statistics.
 */
#include "postgres.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/tupdesc.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_amop_d.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_index_d.h"
#include "catalog/pg_opclass_d.h"
#include "catalog/pg_statistic_d.h"
#include "catalog/pg_type_d.h"
#include "commands/vacuum.h"
#include "miscadmin.h"
#include "parser/parse_coerce.h"
#include "storage/bufmgr.h"
#include "storage/bufpage.h"
#include "storage/procarray.h"
#include "storage/smgr.h"
#include "utils/array.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "pgstat.h"

namespace {

/* Rows per unit of statistics target (PostgreSQL's std_typanalyze: 300
 * is what Chaudhuri, Motwani and Narasayya's bound gives for a histogram
 * of target bins with error 0.5 at probability 0.99 for 10^6 rows). */
constexpr int kRowsPerTarget = 300;
/* Wider values are left out of the comparisons (PostgreSQL's
 * WIDTH_THRESHOLD): they are unlikely to be common. */
constexpr Size kWidthThreshold = 1024;

using Rng = std::mt19937_64;

double RandomFract(Rng &rng)
{
	/* In (0, 1): a zero would make Algorithm S and X loop. */
	std::uniform_real_distribution<double> dist(0.0, 1.0);
	double v;
	do
		v = dist(rng);
	while (v <= 0.0);
	return v;
}

/* Knuth's Algorithm S: n of N blocks, in increasing order. */
class BlockSampler
{
  public:
	BlockSampler(BlockNumber nblocks, int samplesize, Rng &rng)
		: N_(nblocks), n_(samplesize), rng_(rng)
	{}
	bool HasMore() const { return t_ < N_ && m_ < n_; }
	BlockNumber Next()
	{
		BlockNumber K = N_ - t_;
		int k = n_ - m_;
		if (static_cast<BlockNumber>(k) >= K)
		{
			m_++;
			return t_++;
		}
		double p = 1.0 - static_cast<double>(k) / K;
		double v = RandomFract(rng_);
		while (v < p)
		{
			t_++;
			K--;
			p *= 1.0 - static_cast<double>(k) / K;
		}
		m_++;
		return t_++;
	}
	int BlocksChosen() const { return m_; }

  private:
	BlockNumber N_;
	int n_;
	BlockNumber t_ = 0;
	int m_ = 0;
	Rng &rng_;
};

/* Vitter's Algorithm X: how many of the next rows to skip before one
 * replaces a reservoir slot, t rows having been seen for n slots. */
double ReservoirSkip(Rng &rng, double t, int n)
{
	double v = RandomFract(rng);
	double s = 0;
	t += 1;
	double quot = (t - n) / t;
	while (quot > v)
	{
		s += 1;
		t += 1;
		quot *= (t - n) / t;
	}
	return s;
}

struct Sample
{
	std::vector<HeapTuple> rows;
	double totalrows = 0;
	double totaldeadrows = 0;
	double liverows = 0;
	double deadrows = 0;
	int blocks_scanned = 0;
	BlockNumber totalblocks = 0;
};

bool TidLess(HeapTuple a, HeapTuple b)
{
	BlockNumber ba = ItemPointerGetBlockNumber(&a->t_self);
	BlockNumber bb = ItemPointerGetBlockNumber(&b->t_self);
	return ba != bb
		? ba < bb
		: ItemPointerGetOffsetNumber(&a->t_self) < ItemPointerGetOffsetNumber(&b->t_self);
}

/* PostgreSQL's acquire_sample_rows (heap tables). */
Sample AcquireSampleRows(Relation rel, int targrows)
{
	Sample s;
	s.totalblocks = smgrnblocks(smgropen(rel->rd_node), MAIN_FORKNUM);
	FullTransactionId oldest_xmin = GetOldestNonRemovableFullTransactionId();
	Rng rng(std::random_device{}());
	BlockSampler bs(s.totalblocks, targrows, rng);
	double samplerows = 0;
	double rowstoskip = -1;
	bool permanent = rel->rd_rel->relpersistence == RELPERSISTENCE_PERMANENT;
	while (bs.HasMore())
	{
		BlockNumber blk = bs.Next();
		CHECK_FOR_INTERRUPTS();
		tusk::BufferPin pin(ReadBufferWithoutRelcache(rel->rd_node, MAIN_FORKNUM, blk, RBM_NORMAL,
													  nullptr, permanent));
		tusk::BufferLock lock(pin.get(), BUFFER_LOCK_SHARE);
		Page page = BufferGetPage(pin.get());
		if (PageIsNew(page))
			continue;
		OffsetNumber maxoff = PageGetMaxOffsetNumber(page);
		for (OffsetNumber off = FirstOffsetNumber; off <= maxoff; off++)
		{
			ItemId lp = PageGetItemId(page, off);
			if (!ItemIdIsNormal(lp))
			{
				/* A dead line pointer is a row VACUUM has yet to finish. */
				if (ItemIdIsDead(lp))
					s.deadrows += 1;
				continue;
			}
			HeapTupleData tuple;
			tuple.t_data = reinterpret_cast<HeapTupleHeader>(PageGetItem(page, lp));
			tuple.t_len = ItemIdGetLength(lp);
			ItemPointerSet(&tuple.t_self, blk, off);
			tuple.t_tableOid = RelationGetRelid(rel);
			bool sample_it = false;
			switch (HeapTupleSatisfiesVacuum(&tuple, oldest_xmin, pin.get()))
			{
				case HEAPTUPLE_LIVE:
					sample_it = true;
					s.liverows += 1;
					break;
				case HEAPTUPLE_DEAD:
				case HEAPTUPLE_RECENTLY_DEAD:
					s.deadrows += 1;
					break;
				case HEAPTUPLE_INSERT_IN_PROGRESS:
					/* Our own inserts count (ANALYZE after loading, in one
					 * transaction); others' are not there yet. */
					if (FullTransactionIdIsCurrentTransactionId(
							HeapTupleHeaderGetRawXminFull(tuple.t_data)))
					{
						sample_it = true;
						s.liverows += 1;
					}
					break;
				case HEAPTUPLE_DELETE_IN_PROGRESS:
					if (FullTransactionIdIsCurrentTransactionId(
							HeapTupleGetUpdateXid(tuple.t_data)))
						s.deadrows += 1;
					else
					{
						sample_it = true;
						s.liverows += 1;
					}
					break;
			}
			if (!sample_it)
				continue;
			if (static_cast<int>(s.rows.size()) < targrows)
				s.rows.push_back(heap_copytuple(&tuple));
			else
			{
				if (rowstoskip < 0)
					rowstoskip = ReservoirSkip(rng, samplerows, targrows);
				if (rowstoskip <= 0)
				{
					int k = static_cast<int>(targrows * RandomFract(rng));
					k = std::min(k, targrows - 1);
					heap_freetuple(s.rows[k]);
					s.rows[k] = heap_copytuple(&tuple);
				}
				rowstoskip -= 1;
			}
			samplerows += 1;
		}
	}
	/* A full reservoir was filled out of order. */
	if (static_cast<int>(s.rows.size()) == targrows)
		std::sort(s.rows.begin(), s.rows.end(), TidLess);
	s.blocks_scanned = bs.BlocksChosen();
	if (s.blocks_scanned > 0)
	{
		s.totalrows = std::floor(s.liverows / s.blocks_scanned * s.totalblocks + 0.5);
		s.totaldeadrows = std::floor(s.deadrows / s.blocks_scanned * s.totalblocks + 0.5);
	}
	return s;
}

/* The operator with this B-tree/hash strategy in a type's default
 * operator class of the access method (a binary-compatible type's when
 * the type has none, as varchar uses text's). */
Oid DefaultClassOperator(Oid type, Oid am, int16 strategy)
{
	CatCList *opclasses = SearchSysCacheList1(CLAAMNAMENSP, ObjectIdGetDatum(am));
	Oid family = InvalidOid;
	Oid intype = InvalidOid;
	/* An exact match; else a binary-compatible input type, the preferred
	 * type of its category first (text for varchar, not bpchar), as
	 * PostgreSQL's GetDefaultOpClass chooses. */
	int best_rank = 0;
	for (int i = 0; i < opclasses->n_members; i++)
	{
		auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(opclasses->members[i]));
		if (!form->opcdefault)
			continue;
		int rank = 0;
		Oid funcid;
		if (form->opcintype == type)
			rank = 3;
		else if (TypeCategory(form->opcintype) == TypeCategory(type) &&
				 find_coercion_pathway(form->opcintype, type, COERCION_IMPLICIT, &funcid) ==
					 COERCION_PATH_RELABELTYPE)
		{
			char category;
			bool preferred;
			get_type_category_preferred(form->opcintype, &category, &preferred);
			rank = preferred ? 2 : 1;
		}
		if (rank > best_rank)
		{
			best_rank = rank;
			family = form->opcfamily;
			intype = form->opcintype;
		}
	}
	ReleaseSysCacheList(opclasses);
	if (!OidIsValid(family))
		return InvalidOid;
	HeapTuple tup = SearchSysCache4(AMOPSTRATEGY, ObjectIdGetDatum(family),
									ObjectIdGetDatum(intype), ObjectIdGetDatum(intype),
									Int16GetDatum(strategy));
	if (tup == nullptr)
		return InvalidOid;
	Oid opr = reinterpret_cast<Form_pg_amop>(GETSTRUCT(tup))->amopopr;
	ReleaseSysCache(tup);
	return opr;
}

/* B-tree strategies "<" and "="; hash's only strategy "=". */
constexpr int16 kBTLessStrategy = 1;
constexpr int16 kBTEqualStrategy = 3;
constexpr int16 kHashEqualStrategy = 1;

/* What ANALYZE computed for one column (PostgreSQL's VacAttrStats). */
struct ColumnStats
{
	Form_pg_attribute attr = nullptr;
	int target = 0;
	int16 typlen = 0;
	bool typbyval = false;
	char typalign = 'i';
	Oid collid = InvalidOid;
	Oid ltopr = InvalidOid;
	Oid eqopr = InvalidOid;

	bool valid = false;
	float4 nullfrac = 0;
	int32 width = 0;
	float4 distinct = 0;
	struct Slot
	{
		int16 kind = 0;
		Oid op = InvalidOid;
		Oid coll = InvalidOid;
		std::vector<float4> numbers;
		std::vector<Datum> values;
		bool has_values = false;
	};
	std::vector<Slot> slots;
};

/* A value's size once decompressed and fetched (toast_raw_datum_size). */
Size RawDatumSize(Datum value)
{
	auto *p = reinterpret_cast<struct varlena *>(DatumGetPointer(value));
	if (VARATT_IS_EXTENDED(p) && !VARATT_IS_SHORT(p))
		return VARSIZE(pg_detoast_datum(p));
	return VARSIZE_ANY(p);
}

/* The column's value in sample row i, NULL-aware; widths as PostgreSQL
 * measures them (on-disk size for varlena, strlen + 1 for cstring). */
struct ColumnValues
{
	std::vector<Datum> values;
	std::vector<bool> isnull;
};

/* How many distinct values the sample implies (PostgreSQL's rules for
 * stadistinct: a negative number is a fraction of the rows). */
double EstimateDistinct(int nmultiple, int ndistinct_or_tracked, bool all_multiple, int f1,
						int samplerows, int null_cnt, double totalrows, double nullfrac)
{
	double stadistinct;
	if (nmultiple == 0)
		stadistinct = -1.0 * (1.0 - nullfrac);
	else if (all_multiple)
		stadistinct = ndistinct_or_tracked;
	else
	{
		/* Haas and Stokes' Duj1: n·d / (n − f1 + f1·n/N). */
		int d = f1 + nmultiple;
		double n = samplerows - null_cnt;
		double N = totalrows * (1.0 - nullfrac);
		double est = N > 0 ? (n * d) / ((n - f1) + f1 * n / N) : 0;
		est = std::max(est, static_cast<double>(d));
		est = std::min(est, N);
		stadistinct = std::floor(est + 0.5);
	}
	/* Scaling with the table from a tenth of its rows on. */
	if (stadistinct > 0.1 * totalrows)
		stadistinct = -(stadistinct / totalrows);
	return stadistinct;
}

/* PostgreSQL's analyze_mcv_list: keep the values significantly more
 * common than the average of the rest (by more than two standard
 * deviations of the hypergeometric count). */
int TrimMcvList(const std::vector<int> &counts, int num_mcv, double stadistinct, double stanullfrac,
				int samplerows, double totalrows)
{
	if (samplerows == totalrows || totalrows <= 1.0)
		return num_mcv;
	double ndistinct_table = stadistinct < 0 ? -stadistinct * totalrows : stadistinct;
	double sumcount = 0;
	for (int i = 0; i < num_mcv - 1; i++)
		sumcount += counts[i];
	while (num_mcv > 0)
	{
		double selec = 1.0 - sumcount / samplerows - stanullfrac;
		selec = std::clamp(selec, 0.0, 1.0);
		double otherdistinct = ndistinct_table - (num_mcv - 1);
		if (otherdistinct > 1)
			selec /= otherdistinct;
		double N = totalrows;
		double n = samplerows;
		double K = N * counts[num_mcv - 1] / n;
		double variance = n * K * (N - K) * (N - n) / (N * N * (N - 1));
		double stddev = std::sqrt(variance);
		if (counts[num_mcv - 1] > selec * samplerows + 2 * stddev + 0.5)
			break;
		num_mcv--;
		if (num_mcv == 0)
			break;
		sumcount -= counts[num_mcv - 1];
	}
	return num_mcv;
}

/* Null count, non-null values worth comparing, widths. */
struct Scan
{
	int null_cnt = 0;
	int nonnull_cnt = 0;
	int toowide_cnt = 0;
	double total_width = 0;
	std::vector<Datum> values; /* comparable values, in sample order */
};

Scan ScanColumn(const ColumnStats &cs, const ColumnValues &cv)
{
	Scan sc;
	bool is_varlena = !cs.typbyval && cs.typlen == -1;
	bool is_varwidth = !cs.typbyval && cs.typlen < 0;
	for (size_t i = 0; i < cv.values.size(); i++)
	{
		if (cv.isnull[i])
		{
			sc.null_cnt++;
			continue;
		}
		sc.nonnull_cnt++;
		Datum value = cv.values[i];
		if (is_varlena)
		{
			sc.total_width += VARSIZE_ANY(DatumGetPointer(value));
			if (RawDatumSize(value) > kWidthThreshold)
			{
				sc.toowide_cnt++;
				continue;
			}
			value = PointerGetDatum(PG_DETOAST_DATUM(value));
		}
		else if (is_varwidth)
			sc.total_width += strlen(DatumGetCString(value)) + 1;
		sc.values.push_back(value);
	}
	return sc;
}

void SetBasics(ColumnStats &cs, const Scan &sc, int samplerows)
{
	bool is_varwidth = !cs.typbyval && cs.typlen < 0;
	cs.valid = true;
	cs.nullfrac = static_cast<float4>(static_cast<double>(sc.null_cnt) / samplerows);
	if (sc.nonnull_cnt == 0)
	{
		cs.nullfrac = 1.0;
		cs.width = is_varwidth ? 0 : cs.typlen;
		cs.distinct = 0.0;
		return;
	}
	cs.width = is_varwidth ? static_cast<int32>(sc.total_width / sc.nonnull_cnt) : cs.typlen;
}

/* Only nulls and widths (PostgreSQL's compute_trivial_stats). */
void ComputeTrivialStats(ColumnStats &cs, const ColumnValues &cv, int samplerows)
{
	Scan sc = ScanColumn(cs, cv);
	if (sc.nonnull_cnt == 0 && sc.null_cnt == 0)
		return;
	SetBasics(cs, sc, samplerows);
	if (sc.nonnull_cnt > 0)
		cs.distinct = 0.0; /* unknown */
}

/* A type with "=" but no order (PostgreSQL's compute_distinct_stats):
 * values tracked by pairwise comparison, the most frequent first. */
void ComputeDistinctStats(ColumnStats &cs, const ColumnValues &cv, int samplerows, double totalrows)
{
	Scan sc = ScanColumn(cs, cv);
	if (sc.nonnull_cnt == 0 && sc.null_cnt == 0)
		return;
	SetBasics(cs, sc, samplerows);
	if (sc.nonnull_cnt == 0)
		return;
	FmgrInfo eq;
	fmgr_info(get_opcode(cs.eqopr), &eq);
	int num_mcv = cs.target;
	int track_max = std::max(2 * num_mcv, 10);
	struct Track
	{
		Datum value;
		int count;
	};
	std::vector<Track> track;
	for (Datum value : sc.values)
	{
		int firstcount1 = static_cast<int>(track.size());
		int j;
		bool match = false;
		for (j = 0; j < static_cast<int>(track.size()); j++)
		{
			if (DatumGetBool(FunctionCall2Coll(&eq, cs.collid, value, track[j].value)))
			{
				match = true;
				break;
			}
			if (j < firstcount1 && track[j].count == 1)
				firstcount1 = j;
		}
		if (match)
		{
			track[j].count++;
			/* Bubble up to keep the list in count order. */
			while (j > 0 && track[j].count > track[j - 1].count)
			{
				std::swap(track[j], track[j - 1]);
				j--;
			}
		}
		else
		{
			/* A new value goes at the head of the values seen once,
			 * pushing the oldest one seen once off a full list. */
			if (static_cast<int>(track.size()) < track_max)
				track.push_back(Track{0, 0});
			for (j = static_cast<int>(track.size()) - 1; j > firstcount1; j--)
				track[j] = track[j - 1];
			if (firstcount1 < static_cast<int>(track.size()))
				track[firstcount1] = Track{value, 1};
		}
	}
	int track_cnt = static_cast<int>(track.size());
	int nmultiple = 0;
	int summultiple = 0;
	for (; nmultiple < track_cnt && track[nmultiple].count > 1; nmultiple++)
		summultiple += track[nmultiple].count;
	int f1 = sc.nonnull_cnt - summultiple;
	cs.distinct = static_cast<float4>(
		EstimateDistinct(nmultiple, track_cnt,
						 track_cnt < track_max && sc.toowide_cnt == 0 && nmultiple == track_cnt, f1,
						 samplerows, sc.null_cnt, totalrows, cs.nullfrac));
	if (track_cnt < track_max && sc.toowide_cnt == 0 && cs.distinct > 0 && track_cnt <= num_mcv)
		num_mcv = track_cnt;
	else
	{
		num_mcv = std::min(num_mcv, track_cnt);
		std::vector<int> counts;
		for (int i = 0; i < num_mcv; i++)
			counts.push_back(track[i].count);
		if (num_mcv > 0)
			num_mcv = TrimMcvList(counts, num_mcv, cs.distinct, cs.nullfrac, samplerows, totalrows);
	}
	if (num_mcv > 0)
	{
		ColumnStats::Slot slot;
		slot.kind = STATISTIC_KIND_MCV;
		slot.op = cs.eqopr;
		slot.coll = cs.collid;
		slot.has_values = true;
		for (int i = 0; i < num_mcv; i++)
		{
			slot.values.push_back(datumCopy(track[i].value, cs.typbyval, cs.typlen));
			slot.numbers.push_back(
				static_cast<float4>(static_cast<double>(track[i].count) / samplerows));
		}
		cs.slots.push_back(std::move(slot));
	}
}

/* A type with "<" and "=" (PostgreSQL's compute_scalar_stats). */
void ComputeScalarStats(ColumnStats &cs, const ColumnValues &cv, int samplerows, double totalrows)
{
	Scan sc = ScanColumn(cs, cv);
	if (sc.nonnull_cnt == 0 && sc.null_cnt == 0)
		return;
	SetBasics(cs, sc, samplerows);
	if (sc.nonnull_cnt == 0)
		return;
	int values_cnt = static_cast<int>(sc.values.size());
	if (values_cnt == 0)
	{
		/* Every value too wide to compare: all distinct, we guess. */
		cs.distinct = -1.0F * (1.0F - cs.nullfrac);
		return;
	}
	FmgrInfo lt;
	fmgr_info(get_opcode(cs.ltopr), &lt);
	struct Item
	{
		Datum value;
		int tupno;
	};
	std::vector<Item> items(values_cnt);
	for (int i = 0; i < values_cnt; i++)
		items[i] = Item{sc.values[i], i};
	auto less = [&](Datum a, Datum b) {
		return DatumGetBool(FunctionCall2Coll(&lt, cs.collid, a, b));
	};
	/* Equal values keep their sample order, so each run of duplicates ends
	 * with its last row, as PostgreSQL's tupnoLink bookkeeping finds. */
	std::sort(items.begin(), items.end(), [&](const Item &a, const Item &b) {
		if (less(a.value, b.value))
			return true;
		if (less(b.value, a.value))
			return false;
		return a.tupno < b.tupno;
	});

	int num_mcv = cs.target;
	int num_bins = cs.target;
	struct McvItem
	{
		int count;
		int first;
	};
	std::vector<McvItem> track;
	double corr_xysum = 0;
	int ndistinct = 0;
	int nmultiple = 0;
	int dups_cnt = 0;
	for (int i = 0; i < values_cnt; i++)
	{
		corr_xysum += static_cast<double>(i) * items[i].tupno;
		dups_cnt++;
		bool run_ends = i + 1 == values_cnt || less(items[i].value, items[i + 1].value);
		if (!run_ends)
			continue;
		ndistinct++;
		if (dups_cnt > 1)
		{
			nmultiple++;
			int track_cnt = static_cast<int>(track.size());
			if (track_cnt < num_mcv || dups_cnt > track[track_cnt - 1].count)
			{
				/* Insert in count order, after equal counts (earlier values
				 * win ties), dropping the last of a full list. */
				if (track_cnt < num_mcv)
				{
					track.push_back(McvItem{0, 0});
					track_cnt++;
				}
				int j;
				for (j = track_cnt - 1; j > 0; j--)
				{
					if (dups_cnt <= track[j - 1].count)
						break;
					track[j] = track[j - 1];
				}
				track[j] = McvItem{dups_cnt, i + 1 - dups_cnt};
			}
		}
		dups_cnt = 0;
	}
	int track_cnt = static_cast<int>(track.size());
	int f1 = ndistinct - nmultiple + sc.toowide_cnt;
	cs.distinct = static_cast<float4>(
		EstimateDistinct(nmultiple, ndistinct, sc.toowide_cnt == 0 && nmultiple == ndistinct, f1,
						 samplerows, sc.null_cnt, totalrows, cs.nullfrac));

	if (track_cnt == ndistinct && sc.toowide_cnt == 0 && cs.distinct > 0 && track_cnt <= num_mcv)
		num_mcv = track_cnt;
	else
	{
		num_mcv = std::min(num_mcv, track_cnt);
		std::vector<int> counts;
		for (int i = 0; i < num_mcv; i++)
			counts.push_back(track[i].count);
		if (num_mcv > 0)
			num_mcv = TrimMcvList(counts, num_mcv, cs.distinct, cs.nullfrac, samplerows, totalrows);
	}
	track.resize(num_mcv);
	if (num_mcv > 0)
	{
		ColumnStats::Slot slot;
		slot.kind = STATISTIC_KIND_MCV;
		slot.op = cs.eqopr;
		slot.coll = cs.collid;
		slot.has_values = true;
		for (int i = 0; i < num_mcv; i++)
		{
			slot.values.push_back(datumCopy(items[track[i].first].value, cs.typbyval, cs.typlen));
			slot.numbers.push_back(
				static_cast<float4>(static_cast<double>(track[i].count) / samplerows));
		}
		cs.slots.push_back(std::move(slot));
	}

	/* The histogram: the values that are not MCVs, at equal steps. */
	int num_hist = ndistinct - num_mcv;
	if (num_hist > num_bins)
		num_hist = num_bins + 1;
	if (num_hist >= 2)
	{
		std::vector<McvItem> by_position = track;
		std::sort(by_position.begin(), by_position.end(),
				  [](const McvItem &a, const McvItem &b) { return a.first < b.first; });
		std::vector<Datum> rest;
		size_t j = 0;
		for (int src = 0; src < values_cnt;)
		{
			if (j < by_position.size() && src >= by_position[j].first)
			{
				src = by_position[j].first + by_position[j].count;
				j++;
				continue;
			}
			int stop = j < by_position.size() ? by_position[j].first : values_cnt;
			for (; src < stop; src++)
				rest.push_back(items[src].value);
		}
		int nvals = static_cast<int>(rest.size());
		ColumnStats::Slot slot;
		slot.kind = STATISTIC_KIND_HISTOGRAM;
		slot.op = cs.ltopr;
		slot.coll = cs.collid;
		slot.has_values = true;
		int delta = (nvals - 1) / (num_hist - 1);
		int deltafrac = (nvals - 1) % (num_hist - 1);
		int pos = 0;
		int posfrac = 0;
		for (int i = 0; i < num_hist; i++)
		{
			slot.values.push_back(datumCopy(rest[pos], cs.typbyval, cs.typlen));
			pos += delta;
			posfrac += deltafrac;
			if (posfrac >= num_hist - 1)
			{
				pos++;
				posfrac -= num_hist - 1;
			}
		}
		cs.slots.push_back(std::move(slot));
	}

	/* Correlation of sorted position with sample (physical) position. */
	if (values_cnt > 1)
	{
		double n = values_cnt;
		double corr_xsum = (n - 1) * n / 2.0;
		double corr_x2sum = (n - 1) * n * (2 * n - 1) / 6.0;
		ColumnStats::Slot slot;
		slot.kind = STATISTIC_KIND_CORRELATION;
		slot.op = cs.ltopr;
		slot.coll = cs.collid;
		slot.numbers.push_back(static_cast<float4>((n * corr_xysum - corr_xsum * corr_xsum) /
												   (n * corr_x2sum - corr_xsum * corr_xsum)));
		cs.slots.push_back(std::move(slot));
	}
}

/* pg_statistic has five slots per row. */
constexpr int kNumStatSlots = 5;

/* Replace the column's pg_statistic row (PostgreSQL's update_attstats). */
void StoreColumnStats(Relation pg_statistic, Oid relid, const ColumnStats &cs)
{
	CatalogRow row(pg_statistic);
	row.Set(Anum_pg_statistic_starelid, ObjectIdGetDatum(relid))
		.Set(Anum_pg_statistic_staattnum, Int16GetDatum(cs.attr->attnum))
		.Set(Anum_pg_statistic_stainherit, BoolGetDatum(false))
		.Set(Anum_pg_statistic_stanullfrac, Float4GetDatum(cs.nullfrac))
		.Set(Anum_pg_statistic_stawidth, Int32GetDatum(cs.width))
		.Set(Anum_pg_statistic_stadistinct, Float4GetDatum(cs.distinct));
	for (int k = 0; k < kNumStatSlots; k++)
	{
		const ColumnStats::Slot *slot = k < static_cast<int>(cs.slots.size()) ? &cs.slots[k]
																			  : nullptr;
		row.Set(Anum_pg_statistic_stakind1 + k, Int16GetDatum(slot ? slot->kind : 0))
			.Set(Anum_pg_statistic_staop1 + k, ObjectIdGetDatum(slot ? slot->op : InvalidOid))
			.Set(Anum_pg_statistic_stacoll1 + k, ObjectIdGetDatum(slot ? slot->coll : InvalidOid));
		if (slot != nullptr && !slot->numbers.empty())
		{
			std::vector<Datum> nums;
			for (float4 f : slot->numbers)
				nums.push_back(Float4GetDatum(f));
			ArrayType *arr = construct_array(nums.data(), static_cast<int>(nums.size()), FLOAT4OID,
											 sizeof(float4), true, TYPALIGN_INT);
			row.Set(Anum_pg_statistic_stanumbers1 + k, PointerGetDatum(arr));
		}
		else
			row.SetNull(Anum_pg_statistic_stanumbers1 + k);
		if (slot != nullptr && slot->has_values)
		{
			ArrayType *arr = construct_array(const_cast<Datum *>(slot->values.data()),
											 static_cast<int>(slot->values.size()),
											 cs.attr->atttypid, cs.typlen, cs.typbyval,
											 cs.typalign);
			row.Set(Anum_pg_statistic_stavalues1 + k, PointerGetDatum(arr));
		}
		else
			row.SetNull(Anum_pg_statistic_stavalues1 + k);
	}
	HeapTuple newtup = row.Form();
	HeapTuple old = SearchSysCache3(STATRELATTINH, ObjectIdGetDatum(relid),
									Int16GetDatum(cs.attr->attnum), BoolGetDatum(false));
	if (old != nullptr)
	{
		ItemPointerData tid = old->t_self;
		ReleaseSysCache(old);
		CatalogTupleUpdate(pg_statistic, &tid, newtup);
	}
	else
		CatalogTupleInsert(pg_statistic, newtup);
	heap_freetuple(newtup);
}

/* The columns to analyze: those named (checked as PostgreSQL checks
 * them), else every column with a nonzero statistics target. */
std::vector<ColumnStats> ChooseColumns(Relation rel, List *va_cols)
{
	TupleDesc desc = RelationGetDescr(rel);
	std::vector<int> attnums;
	if (va_cols != NIL)
	{
		ListCell *lc;
		foreach (lc, va_cols)
		{
			const char *col = strVal(lfirst(lc));
			int found = 0;
			for (int i = 0; i < desc->natts; i++)
			{
				Form_pg_attribute att = TupleDescAttr(desc, i);
				if (!att->attisdropped && strcmp(NameStr(att->attname), col) == 0)
					found = i + 1;
			}
			if (found == 0)
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
						errmsg("column \"%s\" of relation \"%s\" does not exist", col,
							   RelationGetRelationName(rel)));
			if (std::find(attnums.begin(), attnums.end(), found) != attnums.end())
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
						errmsg("column \"%s\" of relation \"%s\" appears more than once", col,
							   RelationGetRelationName(rel)));
			attnums.push_back(found);
		}
	}
	else
	{
		for (int i = 0; i < desc->natts; i++)
			attnums.push_back(i + 1);
	}
	std::vector<ColumnStats> result;
	for (int attnum : attnums)
	{
		Form_pg_attribute att = TupleDescAttr(desc, attnum - 1);
		if (att->attisdropped || att->attstattarget == 0)
			continue;
		ColumnStats cs;
		cs.attr = att;
		cs.target = att->attstattarget < 0 ? default_statistics_target : att->attstattarget;
		get_typlenbyvalalign(att->atttypid, &cs.typlen, &cs.typbyval, &cs.typalign);
		cs.collid = att->attcollation;
		cs.ltopr = DefaultClassOperator(att->atttypid, BTREE_AM_OID, kBTLessStrategy);
		cs.eqopr = DefaultClassOperator(att->atttypid, BTREE_AM_OID, kBTEqualStrategy);
		if (!OidIsValid(cs.eqopr))
			cs.eqopr = DefaultClassOperator(att->atttypid, HASH_AM_OID, kHashEqualStrategy);
		if (!OidIsValid(cs.eqopr))
			cs.ltopr = InvalidOid;
		result.push_back(cs);
	}
	return result;
}

/* Whether the index holds an entry for every row (no predicate). */
bool IndexIsWhole(Oid indexoid)
{
	HeapTuple tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexoid));
	if (tup == nullptr)
		return false;
	bool isnull;
	(void) SysCacheGetAttr(INDEXRELID, tup, Anum_pg_index_indpred, &isnull);
	ReleaseSysCache(tup);
	return isnull;
}

}  // namespace

void analyze_rel(Oid relid, List *va_cols, bool verbose, bool in_vacuum)
{
	Relation rel = relation_open(relid, NoLock);
	if (verbose)
		ereport(INFO,
				errmsg("analyzing \"%s.%s\"", get_namespace_name(RelationGetNamespace(rel)),
					   RelationGetRelationName(rel)));
	MemoryContext anl_context = AllocSetContextCreate(CurrentMemoryContext, "Analyze",
													  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(anl_context);

	std::vector<ColumnStats> columns = ChooseColumns(rel, va_cols);
	/* PostgreSQL samples at least 100 rows even with no column to analyze. */
	int targrows = 100;
	for (const ColumnStats &cs : columns)
		targrows = std::max(targrows, kRowsPerTarget * cs.target);

	Sample sample = AcquireSampleRows(rel, targrows);
	if (verbose)
		ereport(INFO,
				errmsg("\"%s\": scanned %d of %u pages, containing %.0f live rows and %.0f "
					   "dead rows; %d rows in sample, %.0f estimated total rows",
					   RelationGetRelationName(rel), sample.blocks_scanned, sample.totalblocks,
					   sample.liverows, sample.deadrows, static_cast<int>(sample.rows.size()),
					   sample.totalrows));

	int numrows = static_cast<int>(sample.rows.size());
	if (numrows > 0)
	{
		TupleDesc desc = RelationGetDescr(rel);
		std::vector<Datum> values(desc->natts);
		std::vector<bool> isnull(desc->natts);
		auto nulls = std::make_unique<bool[]>(desc->natts);
		std::vector<ColumnValues> per_column(columns.size());
		for (HeapTuple tup : sample.rows)
		{
			heap_deform_tuple(tup, desc, values.data(), nulls.get());
			for (size_t c = 0; c < columns.size(); c++)
			{
				int i = columns[c].attr->attnum - 1;
				per_column[c].values.push_back(values[i]);
				per_column[c].isnull.push_back(nulls[i]);
			}
		}
		Relation pg_statistic = relation_open(StatisticRelationId, RowExclusiveLock);
		for (size_t c = 0; c < columns.size(); c++)
		{
			CHECK_FOR_INTERRUPTS();
			ColumnStats &cs = columns[c];
			if (OidIsValid(cs.ltopr))
				ComputeScalarStats(cs, per_column[c], numrows, sample.totalrows);
			else if (OidIsValid(cs.eqopr))
				ComputeDistinctStats(cs, per_column[c], numrows, sample.totalrows);
			else
				ComputeTrivialStats(cs, per_column[c], numrows);
			if (cs.valid)
				StoreColumnStats(pg_statistic, relid, cs);
		}
		relation_close(pg_statistic, RowExclusiveLock);
	}

	/* The table's size; its indexes' too unless VACUUM just counted them. */
	CommandCounterIncrement();
	vac_update_relstats(relid, sample.totalblocks, sample.totalrows, 0);
	pgstat_report_analyze(rel, static_cast<int64>(sample.totalrows),
						  static_cast<int64>(sample.totaldeadrows), va_cols == NIL);
	if (!in_vacuum && rel->rd_rel->relhasindex)
	{
		List *indexoids = RelationGetIndexList(rel);
		ListCell *lc;
		foreach (lc, indexoids)
		{
			Oid indexoid = lfirst_oid(lc);
			if (!IndexIsWhole(indexoid))
				continue;
			Relation ind = relation_open(indexoid, AccessShareLock);
			BlockNumber ipages = smgrnblocks(smgropen(ind->rd_node), MAIN_FORKNUM);
			relation_close(ind, AccessShareLock);
			vac_update_relstats(indexoid, ipages, sample.totalrows, 0);
		}
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(anl_context);
	relation_close(rel, NoLock);
}

void RemoveStatistics(Oid relid)
{
	RemoveColumnStatistics(relid, 0);
}

void RemoveColumnStatistics(Oid relid, AttrNumber attnum)
{
	Relation pg_statistic = relation_open(StatisticRelationId, RowExclusiveLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(pg_statistic, snapshot);
	std::vector<ItemPointerData> doomed;
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		auto *form = reinterpret_cast<Form_pg_statistic>(GETSTRUCT(t));
		if (form->starelid == relid && (attnum == 0 || form->staattnum == attnum))
			doomed.push_back(t->t_self);
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	for (ItemPointerData &tid : doomed)
		CatalogTupleDelete(pg_statistic, &tid);
	relation_close(pg_statistic, RowExclusiveLock);
}
