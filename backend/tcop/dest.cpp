/*
 * dest.cpp — DestReceivers (tcop/dest.h): where rows go.
 *
 * Principal entry points: CreateDestReceiver, SetRemoteDestReceiverParams,
 * None_Receiver.
 *
 * The client's receiver (PostgreSQL's printtup) sends RowDescription when
 * the rows' shape is known — each column's name, table OID and column
 * number when it comes straight from a table, type OID, length, typmod
 * and format — and one DataRow per row, each value converted by its
 * type's output function (looked up once per column, not per row) in
 * the per-row memory that the executor resets.
 */
#include "postgres.h"

#include <vector>

#include "fmgr.h"
#include "libpq/pqcomm.h"
#include "nodes/parsenodes.h"
#include "tcop/dest.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

namespace {

using tusk::libpq::MessageBuilder;

bool DoNothingReceive(TupleTableSlot *, DestReceiver *)
{
	return true;
}
void DoNothingStartup(DestReceiver *, int, TupleDesc) {}
void DoNothingCleanup(DestReceiver *) {}

DestReceiver donothingDR = {DoNothingReceive, DoNothingStartup, DoNothingCleanup, DoNothingCleanup,
							DestNone};

struct PrinttupAttrInfo
{
	FmgrInfo finfo;
	int16 format;
};

/* The client's receiver; pub first, so a DestReceiver * converts. */
struct DR_printtup
{
	DestReceiver pub;
	List *targetlist; /* for column origins (resorigtbl/resorigcol) */
	const int16 *formats;
	int nformats;
	bool sendDescrip; /* simple query: yes; Execute of a described portal: no */
	std::vector<PrinttupAttrInfo> *attrs;
	MemoryContext tmpcontext;
	MemoryContext attrs_context; /* holds attrs and the output functions' state */
	int natts;
};

void SendRowDescription(DR_printtup *self, TupleDesc typeinfo)
{
	SendRowDescriptionMessage(typeinfo, self->targetlist, self->formats, self->nformats);
}

void PrinttupStartup(DestReceiver *self, int, TupleDesc typeinfo)
{
	auto *myState = reinterpret_cast<DR_printtup *>(self);
	if (myState->sendDescrip)
		SendRowDescription(myState, typeinfo);
	myState->natts = typeinfo->natts;
	myState->tmpcontext = AllocSetContextCreate(CurrentMemoryContext, "printtup",
												ALLOCSET_SMALL_SIZES);
	myState->attrs_context = AllocSetContextCreate(CurrentMemoryContext, "printtup columns",
												   ALLOCSET_SMALL_SIZES);
	myState->attrs = tusk::NewInContext<std::vector<PrinttupAttrInfo>>(myState->attrs_context,
																	   typeinfo->natts);
	for (int i = 0; i < typeinfo->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(typeinfo, i);
		PrinttupAttrInfo &info = (*myState->attrs)[i];
		info.format = myState->nformats == 0 ? 0
			: myState->nformats == 1		 ? myState->formats[0]
											 : myState->formats[i];
		Oid func;
		bool typisvarlena;
		if (info.format == 0)
			getTypeOutputInfo(att->atttypid, &func, &typisvarlena);
		else if (info.format == 1)
			getTypeBinaryOutputInfo(att->atttypid, &func, &typisvarlena);
		else
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("unsupported format code: %d", info.format));
		fmgr_info_cxt(func, &info.finfo, myState->attrs_context);
	}
}

bool PrinttupReceive(TupleTableSlot *slot, DestReceiver *self)
{
	auto *myState = reinterpret_cast<DR_printtup *>(self);
	int natts = myState->natts;
	slot_getsomeattrs(slot, natts);
	MemoryContext old = MemoryContextSwitchTo(myState->tmpcontext);
	MessageBuilder msg('D');
	msg.Int16(static_cast<int16_t>(natts));
	for (int i = 0; i < natts; i++)
	{
		if (slot->tts_isnull[i])
		{
			msg.Int32(-1);
			continue;
		}
		PrinttupAttrInfo &info = (*myState->attrs)[i];
		if (info.format == 0)
		{
			char *outputstr = OutputFunctionCall(&info.finfo, slot->tts_values[i]);
			size_t len = strlen(outputstr);
			msg.Int32(static_cast<int32_t>(len));
			msg.Bytes(outputstr, len);
		}
		else
		{
			bytea *outputbytes = SendFunctionCall(&info.finfo, slot->tts_values[i]);
			size_t len = VARSIZE(outputbytes) - VARHDRSZ;
			msg.Int32(static_cast<int32_t>(len));
			msg.Bytes(VARDATA(outputbytes), len);
		}
	}
	msg.Send();
	MemoryContextSwitchTo(old);
	MemoryContextReset(myState->tmpcontext);
	return true;
}

void PrinttupShutdown(DestReceiver *self)
{
	auto *myState = reinterpret_cast<DR_printtup *>(self);
	if (myState->attrs_context != nullptr)
		MemoryContextDelete(myState->attrs_context);
	myState->attrs_context = nullptr;
	myState->attrs = nullptr;
	if (myState->tmpcontext != nullptr)
		MemoryContextDelete(myState->tmpcontext);
	myState->tmpcontext = nullptr;
}

void PrinttupDestroy(DestReceiver *self)
{
	pfree(self);
}

}  // namespace

DestReceiver *None_Receiver = &donothingDR;

void SendRowDescriptionMessage(TupleDesc typeinfo, List *targetlist, const int16 *formats,
							   int nformats)
{
	MessageBuilder msg('T');
	msg.Int16(static_cast<int16_t>(typeinfo->natts));
	ListCell *tlist_item = list_head(targetlist);
	for (int i = 0; i < typeinfo->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(typeinfo, i);
		Oid resorigtbl = InvalidOid;
		AttrNumber resorigcol = 0;
		/* Skip junk entries: they come last, but be careful anyway. */
		while (tlist_item != nullptr && static_cast<TargetEntry *>(lfirst(tlist_item))->resjunk)
			tlist_item = lnext(targetlist, tlist_item);
		if (tlist_item != nullptr)
		{
			TargetEntry *tle = static_cast<TargetEntry *>(lfirst(tlist_item));
			resorigtbl = tle->resorigtbl;
			resorigcol = tle->resorigcol;
			tlist_item = lnext(targetlist, tlist_item);
		}
		int16 format = nformats == 0 ? 0 : nformats == 1 ? formats[0] : formats[i];
		msg.String(NameStr(att->attname));
		msg.Int32(static_cast<int32_t>(resorigtbl));
		msg.Int16(resorigcol);
		/* A domain's column is described as its base type (PostgreSQL's
		 * SendRowDescriptionMessage): clients know only built-in types. */
		int32 typmod = att->atttypmod;
		Oid typid = getBaseTypeAndTypmod(att->atttypid, &typmod);
		msg.Int32(static_cast<int32_t>(typid));
		msg.Int16(att->attlen);
		msg.Int32(typmod);
		msg.Int16(format);
	}
	msg.Send();
}

DestReceiver *CreateDestReceiver(CommandDest dest)
{
	switch (dest)
	{
		case DestRemote:
		case DestRemoteExecute:
		case DestRemoteSimple:
		{
			auto *self = static_cast<DR_printtup *>(palloc0(sizeof(DR_printtup)));
			self->pub.receiveSlot = PrinttupReceive;
			self->pub.rStartup = PrinttupStartup;
			self->pub.rShutdown = PrinttupShutdown;
			self->pub.rDestroy = PrinttupDestroy;
			self->pub.mydest = dest;
			self->sendDescrip = dest == DestRemote || dest == DestRemoteSimple;
			return &self->pub;
		}
		case DestNone:
			return None_Receiver;
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("this destination is not supported yet"));
	}
}

void SetRemoteDestReceiverParams(DestReceiver *self, List *targetList, const int16 *formats,
								 int nformats)
{
	auto *myState = reinterpret_cast<DR_printtup *>(self);
	myState->targetlist = targetList;
	myState->formats = formats;
	myState->nformats = nformats;
}
