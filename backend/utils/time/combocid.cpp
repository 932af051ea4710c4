/*
 * combocid.cpp — combo command ids (see access/htup_details.h).
 *
 * Principal entry points: HeapTupleHeaderGetCmin, HeapTupleHeaderGetCmax,
 * HeapTupleHeaderAdjustCmax, AtEOXact_ComboCid.
 *
 * Only the transaction that inserted a tuple ever needs its cmin once the
 * tuple is also deleted, and that transaction is this backend's: so the
 * (cmin, cmax) pairs live in backend-local memory, numbered in order of
 * first use, and are forgotten when the transaction ends.
 */
#include "postgres.h"

#include <map>
#include <utility>
#include <vector>

#include "access/htup_details.h"
#include "utils/errcodes.h"

namespace {

struct ComboCids
{
	std::vector<std::pair<CommandId, CommandId>> pairs;
	std::map<std::pair<CommandId, CommandId>, CommandId> ids;
};

ComboCids &Combos()
{
	static ComboCids combos;
	return combos;
}

const std::pair<CommandId, CommandId> &PairOf(CommandId combo)
{
	auto &pairs = Combos().pairs;
	if (combo >= pairs.size())
		elog(ERROR, "combo command id %u does not exist", combo);
	return pairs[combo];
}

CommandId ComboFor(CommandId cmin, CommandId cmax)
{
	auto &c = Combos();
	auto key = std::make_pair(cmin, cmax);
	if (auto it = c.ids.find(key); it != c.ids.end())
		return it->second;
	if (c.pairs.size() >= static_cast<size_t>(InvalidCommandId))
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("cannot have more than 2^32-1 combo command ids in a transaction"));
	CommandId combo = static_cast<CommandId>(c.pairs.size());
	c.pairs.push_back(key);
	c.ids.emplace(key, combo);
	return combo;
}

}  // namespace

CommandId HeapTupleHeaderGetCmin(const HeapTupleHeaderData *tup)
{
	if (tup->t_infomask & HEAP_COMBOCID)
		return PairOf(tup->t_cid).first;
	return tup->t_cid;
}

CommandId HeapTupleHeaderGetCmax(const HeapTupleHeaderData *tup)
{
	if (tup->t_infomask & HEAP_COMBOCID)
		return PairOf(tup->t_cid).second;
	return tup->t_cid;
}

void HeapTupleHeaderAdjustCmax(const HeapTupleHeaderData *tup, CommandId *cmax, bool *iscombo)
{
	/* Inserted by us (not yet known committed, so perhaps in this very
	 * transaction): the insertion's command id must survive. */
	if (!HeapTupleHeaderXminCommitted(tup) &&
		FullTransactionIdIsCurrentTransactionId(HeapTupleHeaderGetRawXminFull(tup)))
	{
		*cmax = ComboFor(HeapTupleHeaderGetCmin(tup), *cmax);
		*iscombo = true;
	}
	else
		*iscombo = false;
}

void AtEOXact_ComboCid(void)
{
	Combos().pairs.clear();
	Combos().ids.clear();
}
