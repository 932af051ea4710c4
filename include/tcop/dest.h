/*
 * tcop/dest.h — where a query's rows go (PostgreSQL's DestReceiver).
 *
 * The executor hands each result row to a DestReceiver: the client
 * (RowDescription + DataRow messages), nowhere (DestNone), SPI's tuple
 * table, a COPY stream, a tuplestore.  So a plan runs the same way
 * whoever asked for it.
 */
#ifndef TUSK_TCOP_DEST_H
#define TUSK_TCOP_DEST_H

#include "access/tupdesc.h"
#include "executor/tuptable.h"
#include "nodes/pg_list.h"

typedef enum CommandDest
{
	DestNone,
	DestDebug,
	DestRemote,
	DestRemoteExecute,
	DestRemoteSimple,
	DestSPI,
	DestTuplestore,
	DestIntoRel,
	DestCopyOut,
	DestSQLFunction,
	DestTransientRel,
	DestTupleQueue
} CommandDest;

typedef struct DestReceiverData DestReceiver;

struct DestReceiverData
{
	/* One row; false stops the executor early. */
	bool (*receiveSlot)(TupleTableSlot *slot, DestReceiver *self);
	/* Before the first row: the rows' shape (operation is a CmdType). */
	void (*rStartup)(DestReceiver *self, int operation, TupleDesc typeinfo);
	void (*rShutdown)(DestReceiver *self);
	void (*rDestroy)(DestReceiver *self);
	CommandDest mydest;
};

#ifdef __cplusplus
extern "C" {
#endif

/* A receiver that drops every row. */
extern DestReceiver *None_Receiver;
/* The client's receiver for rows in text format (simple query); for the
 * extended protocol, formats per column (NULL: all text). */
extern DestReceiver *CreateDestReceiver(CommandDest dest);
extern void SetRemoteDestReceiverParams(DestReceiver *self, List *targetList, const int16 *formats,
										int nformats);
/* RowDescription for rows of shape typeinfo: column origins from the
 * target list's entries (NIL: none), formats as in Bind (0 codes: text). */
extern void SendRowDescriptionMessage(TupleDesc typeinfo, List *targetlist, const int16 *formats,
									  int nformats);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_TCOP_DEST_H */
