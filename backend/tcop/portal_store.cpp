/*
 * portal_store.cpp — the rows of scrollable and held cursors
 * (tcop/portal_store.h).
 *
 * The store is an array of heap tuples in the portal's holdContext,
 * appended to by a DestReceiver that the executor feeds, and read by
 * index.  Its read position is an index plus a "past the end" flag, so
 * that moving backward from past the end returns the last row and moving
 * backward from row k returns row k - 1, as a plan run backward would.
 *
 * Principal entry points: PortalCreateRowStore, PortalRowStoreRun,
 * PortalRowStoreRewind, PortalRowStoreFillAll, PortalRowStoreFillRest.
 */
#include "postgres.h"

#include "tcop/portal_store.h"

#include "access/detoast.h"
#include "access/htup_details.h"
#include "executor/executor.h"
#include "nodes/parsenodes.h"
#include "utils/memutils.h"

struct PortalRowStore
{
	HeapTuple *rows; /* rows[0 … nrows-1], in holdContext */
	uint64 nrows;
	uint64 capacity;
	uint64 current;	   /* 0: before the first row; k: on row k */
	bool pastEnd;	   /* a forward move found no row after the last */
	bool fromExecutor; /* more rows may come from portal->queryDesc */
};

namespace {

/* Rows the store starts with room for; it doubles from there. */
constexpr uint64 kInitialCapacity = 64;

/* The executor's rows into a portal's store. */
struct StoreReceiver
{
	DestReceiver pub;
	Portal portal;
};

void Append(Portal portal, TupleTableSlot *slot)
{
	PortalRowStore *store = portal->holdStore;
	MemoryContext old = MemoryContextSwitchTo(portal->holdContext);
	if (store->nrows == store->capacity)
	{
		store->capacity = store->capacity == 0 ? kInitialCapacity : store->capacity * 2;
		store->rows = store->rows == nullptr
			? static_cast<HeapTuple *>(palloc(store->capacity * sizeof(HeapTuple)))
			: static_cast<HeapTuple *>(repalloc(store->rows, store->capacity * sizeof(HeapTuple)));
	}
	/* Fetch out-of-line values now: a held cursor outlives the snapshot
	 * that could read them, and VACUUM may remove them after that. */
	TupleDesc desc = slot->tts_tupleDescriptor;
	slot_getallattrs(slot);
	int natts = desc->natts;
	Datum *values = static_cast<Datum *>(palloc(Max(natts, 1) * sizeof(Datum)));
	bool *nulls = static_cast<bool *>(palloc(Max(natts, 1) * sizeof(bool)));
	for (int i = 0; i < natts; i++)
	{
		values[i] = slot->tts_values[i];
		nulls[i] = slot->tts_isnull[i];
		if (!nulls[i] && TupleDescAttr(desc, i)->attlen == -1 &&
			VARATT_IS_EXTERNAL(DatumGetPointer(values[i])))
			values[i] = PointerGetDatum(detoast_external_attr(
				reinterpret_cast<struct varlena *>(DatumGetPointer(values[i]))));
	}
	store->rows[store->nrows++] = heap_form_tuple(desc, values, nulls);
	pfree(values);
	pfree(nulls);
	MemoryContextSwitchTo(old);
}

bool StoreReceiveSlot(TupleTableSlot *slot, DestReceiver *self)
{
	Append(reinterpret_cast<StoreReceiver *>(self)->portal, slot);
	return true;
}

void StoreStartup(DestReceiver *, int, TupleDesc) {}
void StoreShutdown(DestReceiver *) {}
void StoreDestroy(DestReceiver *) {}

/* Up to count more rows (0: all) of the executor into the store; the rows
 * added.  Fewer than asked for: the executor is done and is not called
 * again (not every plan node may be run again after its end). */
uint64 PullFromExecutor(Portal portal, uint64 count)
{
	PortalRowStore *store = portal->holdStore;
	if (!store->fromExecutor)
		return 0;
	QueryDesc *qd = portal->queryDesc;
	if (qd == nullptr)
		elog(ERROR, "portal \"%s\" has no executor to fill its store", portal->name);
	StoreReceiver receiver;
	receiver.pub.receiveSlot = StoreReceiveSlot;
	receiver.pub.rStartup = StoreStartup;
	receiver.pub.rShutdown = StoreShutdown;
	receiver.pub.rDestroy = StoreDestroy;
	receiver.pub.mydest = DestTuplestore;
	receiver.portal = portal;
	DestReceiver *saved = qd->dest;
	qd->dest = &receiver.pub;
	uint64 before = store->nrows;
	try
	{
		ExecutorRun(qd, ForwardScanDirection, count);
	}
	catch (...)
	{
		qd->dest = saved;
		throw;
	}
	qd->dest = saved;
	uint64 added = store->nrows - before;
	if (count == 0 || added < count)
		store->fromExecutor = false;
	return added;
}

/* Sends a stored row through one slot made for the rows' shape, dropped
 * with the sender. */
class RowSender
{
  public:
	RowSender(DestReceiver *dest, TupleDesc desc)
		: dest_(dest), slot_(dest->mydest == DestNone ? nullptr : MakeTupleTableSlot(desc))
	{}
	~RowSender()
	{
		if (slot_ != nullptr)
			ExecDropSingleTupleTableSlot(slot_);
	}
	RowSender(const RowSender &) = delete;
	RowSender &operator=(const RowSender &) = delete;

	/* False when the receiver wants no more rows. */
	bool Send(HeapTuple tuple)
	{
		if (slot_ == nullptr)
			return true;
		ExecStoreHeapTuple(tuple, slot_, false);
		bool more = dest_->receiveSlot(slot_, dest_);
		ExecClearTuple(slot_);
		return more;
	}

  private:
	DestReceiver *dest_;
	TupleTableSlot *slot_;
};

}  // namespace

void PortalCreateRowStore(Portal portal, bool fromExecutor)
{
	portal->holdContext = AllocSetContextCreate(portal->portalContext, "PortalHoldContext",
												ALLOCSET_DEFAULT_SIZES);
	auto *store = static_cast<PortalRowStore *>(
		MemoryContextAllocZero(portal->holdContext, sizeof(PortalRowStore)));
	store->fromExecutor = fromExecutor;
	portal->holdStore = store;
}

uint64 PortalRowStoreRun(Portal portal, bool forward, uint64 count, DestReceiver *dest)
{
	PortalRowStore *store = portal->holdStore;
	dest->rStartup(dest, CMD_SELECT, portal->tupDesc);
	uint64 moved = 0;
	{
		RowSender sender(dest, portal->tupDesc);
		while (count == 0 || moved < count)
		{
			HeapTuple row;
			if (forward)
			{
				if (store->pastEnd)
					break;
				if (store->current >= store->nrows)
				{
					/* Pull what this move still needs, at least one row. */
					uint64 want = count == 0 ? 0 : count - moved;
					if (PullFromExecutor(portal, want) == 0)
					{
						store->pastEnd = true;
						break;
					}
				}
				row = store->rows[store->current++];
			}
			else
			{
				if (store->pastEnd)
				{
					store->pastEnd = false;
					store->current = store->nrows + 1;
				}
				if (store->current <= 1)
				{
					store->current = 0;
					break;
				}
				store->current--;
				row = store->rows[store->current - 1];
			}
			moved++;
			if (!sender.Send(row))
				break;
		}
	}
	dest->rShutdown(dest);
	return moved;
}

void PortalRowStoreRewind(Portal portal)
{
	portal->holdStore->current = 0;
	portal->holdStore->pastEnd = false;
}

void PortalRowStoreFillAll(Portal portal)
{
	PortalRowStore *store = portal->holdStore;
	if (store->fromExecutor)
		(void) PullFromExecutor(portal, 0);
}

void PortalExecutorRewind(Portal portal)
{
	QueryDesc *qd = portal->queryDesc;
	MemoryContext old = MemoryContextSwitchTo(qd->estate->es_query_cxt);
	ExecReScan(qd->planstate);
	MemoryContextSwitchTo(old);
}

void PortalRowStoreFromStart(Portal portal)
{
	PortalCreateRowStore(portal, true);
	PortalExecutorRewind(portal);
	PortalRowStore *store = portal->holdStore;
	if (portal->atEnd)
	{
		PortalRowStoreFillAll(portal);
		store->pastEnd = true;
		store->current = store->nrows;
		return;
	}
	if (portal->portalPos > 0 && PullFromExecutor(portal, portal->portalPos) < portal->portalPos)
		elog(ERROR, "cursor \"%s\" read fewer rows again than before", portal->name);
	store->current = portal->portalPos;
}

void PortalRowStoreFillRest(Portal portal)
{
	PortalRowStore *store = portal->holdStore;
	store->fromExecutor = !portal->atEnd;
	PortalRowStoreFillAll(portal);
	store->current = 0;
	store->pastEnd = false;
}
