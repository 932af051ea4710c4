/*
 * copyto.cpp — COPY … TO STDOUT: a table's rows, or a query's, to the
 * client.
 *
 * Principal entry point: CopyToClient (copy_internal.h).
 *
 * The backend answers CopyOutResponse, then sends one CopyData per row
 * (and one for the header line), then CopyDone; the "COPY n" tag follows.
 * A table is read with a heap scan under the statement's snapshot; a
 * query is planned and run by the executor into a DestReceiver that
 * formats its rows.  Values are written by their types' output
 * functions: in text format with backslash escapes for backslash, the
 * delimiter and control characters; in csv quoted when they contain the
 * delimiter, the quote, a newline or a carriage return, equal the NULL
 * string, or are forced by FORCE_QUOTE — PostgreSQL's rules.  In binary
 * format the types' send functions write the values, in PostgreSQL's
 * file layout (the header goes out with the first row).
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "copy_internal.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "libpq/pqcomm.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "optimizer/planner.h"
#include "parser/analyze.h"
#include "tcop/dest.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

namespace tusk::commands {

namespace {

/* Formats rows and sends them; also the DestReceiver a query's rows go
 * to (pub first, so a DestReceiver * converts). */
struct CopyToState
{
	DestReceiver pub;
	const CopyOptions *opts;
	std::vector<int> *cols;			/* slot columns (0-based) to write, in order */
	std::vector<bool> *force_quote; /* by slot column */
	std::vector<FmgrInfo> *out_functions;
	std::string *line;
	std::string *binary_header; /* binary: goes out with the first row */
	MemoryContext rowcontext;
	uint64 processed;
};

void AppendInt32(std::string *out, uint32 v)
{
	for (int shift = 24; shift >= 0; shift -= 8)
		out->push_back(static_cast<char>((v >> shift) & 0xff));
}

void AppendInt16(std::string *out, uint16 v)
{
	out->push_back(static_cast<char>(v >> 8));
	out->push_back(static_cast<char>(v & 0xff));
}

/* Text format: backslash escapes (PostgreSQL's CopyAttributeOutText). */
void AppendText(std::string *out, const char *s, char delim)
{
	for (; *s != '\0'; s++)
	{
		char c = *s;
		if (static_cast<unsigned char>(c) < 0x20)
		{
			char esc = 0;
			switch (c)
			{
				case '\b':
					esc = 'b';
					break;
				case '\f':
					esc = 'f';
					break;
				case '\n':
					esc = 'n';
					break;
				case '\r':
					esc = 'r';
					break;
				case '\t':
					esc = 't';
					break;
				case '\v':
					esc = 'v';
					break;
				default:
					if (c == delim)
						esc = c;
					break;
			}
			if (esc != 0)
			{
				out->push_back('\\');
				out->push_back(esc);
			}
			else
				out->push_back(c);
		}
		else
		{
			if (c == '\\' || c == delim)
				out->push_back('\\');
			out->push_back(c);
		}
	}
}

/* CSV: quoted when needed or forced (PostgreSQL's CopyAttributeOutCSV). */
void AppendCsv(std::string *out, const char *s, bool force_quote, bool single_attr,
			   const CopyOptions &opts)
{
	bool use_quote = force_quote || opts.null_print == s;
	if (!use_quote)
	{
		/* Alone on a line, `\.` would read back as the end marker. */
		if (single_attr && strcmp(s, "\\.") == 0)
			use_quote = true;
		else
			for (const char *p = s; *p != '\0'; p++)
				if (*p == opts.delim || *p == opts.quote || *p == '\n' || *p == '\r')
				{
					use_quote = true;
					break;
				}
	}
	if (!use_quote)
	{
		out->append(s);
		return;
	}
	out->push_back(opts.quote);
	for (const char *p = s; *p != '\0'; p++)
	{
		if (*p == opts.quote || *p == opts.escape)
			out->push_back(opts.escape);
		out->push_back(*p);
	}
	out->push_back(opts.quote);
}

void SendLine(const std::string &line)
{
	libpq::MessageBuilder('d').Bytes(line.data(), line.size()).Send();
}

/* CopyOutResponse, output functions, the header line. */
void CopyToStartup(DestReceiver *self, int, TupleDesc typeinfo)
{
	auto *st = reinterpret_cast<CopyToState *>(self);
	const CopyOptions &opts = *st->opts;
	if (st->cols->empty())
		for (int i = 0; i < typeinfo->natts; i++)
			st->cols->push_back(i);
	st->force_quote->resize(typeinfo->natts, false);
	st->out_functions->resize(typeinfo->natts);
	for (int col : *st->cols)
	{
		Oid func;
		bool isvarlena;
		if (opts.binary)
			getTypeBinaryOutputInfo(TupleDescAttr(typeinfo, col)->atttypid, &func, &isvarlena);
		else
			getTypeOutputInfo(TupleDescAttr(typeinfo, col)->atttypid, &func, &isvarlena);
		fmgr_info(func, &(*st->out_functions)[col]);
	}
	int ncols = static_cast<int>(st->cols->size());
	int16_t format = opts.binary ? 1 : 0;
	libpq::MessageBuilder msg('H');
	msg.Byte(static_cast<char>(format)).Int16(static_cast<int16_t>(ncols));
	for (int i = 0; i < ncols; i++)
		msg.Int16(format);
	msg.Send();
	if (opts.binary)
	{
		/* Signature, flags (no OIDs), no header extension; PostgreSQL
		 * sends them in the first row's CopyData. */
		st->binary_header->assign("PGCOPY\n\377\r\n", 10);
		st->binary_header->push_back('\0');
		AppendInt32(st->binary_header, 0);
		AppendInt32(st->binary_header, 0);
	}
	if (opts.header != CopyHeader::kNone)
	{
		std::string &line = *st->line;
		line.clear();
		bool first = true;
		for (int col : *st->cols)
		{
			if (!first)
				line.push_back(opts.delim);
			first = false;
			const char *name = NameStr(TupleDescAttr(typeinfo, col)->attname);
			if (opts.csv)
				AppendCsv(&line, name, false, ncols == 1, opts);
			else
				AppendText(&line, name, opts.delim);
		}
		line.push_back('\n');
		SendLine(line);
	}
}

bool CopyToReceive(TupleTableSlot *slot, DestReceiver *self)
{
	auto *st = reinterpret_cast<CopyToState *>(self);
	const CopyOptions &opts = *st->opts;
	CHECK_FOR_INTERRUPTS();
	slot_getallattrs(slot);
	MemoryContext old = MemoryContextSwitchTo(st->rowcontext);
	std::string &line = *st->line;
	line.clear();
	if (opts.binary)
	{
		line.swap(*st->binary_header);
		AppendInt16(&line, static_cast<uint16>(st->cols->size()));
		for (int col : *st->cols)
		{
			if (slot->tts_isnull[col])
			{
				AppendInt32(&line, 0xffffffffu);
				continue;
			}
			bytea *bytes = SendFunctionCall(&(*st->out_functions)[col], slot->tts_values[col]);
			AppendInt32(&line, static_cast<uint32>(VARSIZE(bytes) - VARHDRSZ));
			line.append(VARDATA(bytes), VARSIZE(bytes) - VARHDRSZ);
		}
		SendLine(line);
		MemoryContextSwitchTo(old);
		MemoryContextReset(st->rowcontext);
		st->processed++;
		return true;
	}
	bool first = true;
	bool single_attr = st->cols->size() == 1;
	for (int col : *st->cols)
	{
		if (!first)
			line.push_back(opts.delim);
		first = false;
		if (slot->tts_isnull[col])
		{
			line.append(opts.null_print);
			continue;
		}
		char *s = OutputFunctionCall(&(*st->out_functions)[col], slot->tts_values[col]);
		if (opts.csv)
			AppendCsv(&line, s, (*st->force_quote)[col], single_attr, opts);
		else
			AppendText(&line, s, opts.delim);
	}
	line.push_back('\n');
	SendLine(line);
	MemoryContextSwitchTo(old);
	MemoryContextReset(st->rowcontext);
	st->processed++;
	return true;
}

void CopyToShutdown(DestReceiver *) {}
void CopyToDestroy(DestReceiver *) {}

/* FORCE_QUOTE's columns, as flags by 0-based column; each must be one the
 * COPY writes (42P10). */
void SetForceQuote(Relation rel, const CopyOptions &opts, const std::vector<int> &cols,
				   std::vector<bool> *flags, int natts)
{
	flags->assign(natts, opts.force_quote_all);
	if (opts.force_quote == NIL)
		return;
	for (AttrNumber attnum : CopyGetAttnums(rel, opts.force_quote))
	{
		bool found = false;
		for (int c : cols)
			found = found || c == attnum - 1;
		if (!found)
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("FORCE_QUOTE column \"%s\" not referenced by COPY",
						   NameStr(TupleDescAttr(RelationGetDescr(rel), attnum - 1)->attname)));
		(*flags)[attnum - 1] = true;
	}
}

}  // namespace

uint64 CopyToClient(ParseState *pstate, Relation rel, Node *query, List *attnamelist,
					const CopyOptions &opts)
{
	std::vector<int> cols;
	std::vector<bool> force_quote;
	std::vector<FmgrInfo> out_functions;
	std::string line;
	std::string binary_header;
	CopyToState st;
	memset(&st.pub, 0, sizeof st.pub);
	st.pub.receiveSlot = CopyToReceive;
	st.pub.rStartup = CopyToStartup;
	st.pub.rShutdown = CopyToShutdown;
	st.pub.rDestroy = CopyToDestroy;
	st.pub.mydest = DestCopyOut;
	st.opts = &opts;
	st.cols = &cols;
	st.force_quote = &force_quote;
	st.out_functions = &out_functions;
	st.line = &line;
	st.binary_header = &binary_header;
	st.processed = 0;
	st.rowcontext = AllocSetContextCreate(CurrentMemoryContext, "COPY TO", ALLOCSET_DEFAULT_SIZES);

	if (rel != nullptr)
	{
		TupleDesc desc = RelationGetDescr(rel);
		for (AttrNumber attnum : CopyGetAttnums(rel, attnamelist))
			cols.push_back(attnum - 1);
		SetForceQuote(rel, opts, cols, &force_quote, desc->natts);
		CopyToStartup(&st.pub, CMD_SELECT, desc);
		EState *estate = CreateExecutorState();
		MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
		TupleTableSlot *slot = ExecInitExtraTupleSlot(estate, desc);
		MemoryContextSwitchTo(old);
		HeapScanDesc scan = heap_beginscan(rel, GetActiveSnapshot());
		while (HeapTuple tuple = heap_getnext(scan, ForwardScanDirection))
		{
			ExecStoreHeapTuple(tuple, slot, false);
			CopyToReceive(slot, &st.pub);
		}
		heap_endscan(scan);
		ExecClearTuple(slot);
		FreeExecutorState(estate);
	}
	else
	{
		if (opts.force_quote != NIL)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("COPY (query) with FORCE_QUOTE column names is not supported yet"));
		force_quote.clear();
		RawStmt *raw = makeNode(RawStmt);
		raw->stmt = query;
		raw->stmt_location = -1;
		Query *q = parse_analyze_fixedparams(raw, pstate->p_sourcetext, nullptr, 0);
		if (q->commandType == CMD_UTILITY)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("COPY of a utility statement is not supported"));
		if (q->commandType != CMD_SELECT && q->returningList == NIL)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("COPY query must have a RETURNING clause"));
		PlannedStmt *plan = planner(q, pstate->p_sourcetext, 0, nullptr);
		QueryDesc *qd = CreateQueryDesc(plan, pstate->p_sourcetext, GetActiveSnapshot(), &st.pub,
										nullptr, 0);
		/* FORCE_QUOTE * applies to every column of the result. */
		if (opts.force_quote_all)
			force_quote.assign(ExecCleanTypeFromTL(plan->planTree->targetlist)->natts, true);
		ExecutorStart(qd, 0);
		ExecutorRun(qd, ForwardScanDirection, 0);
		ExecutorFinish(qd);
		ExecutorEnd(qd);
		FreeQueryDesc(qd);
	}
	if (opts.binary)
	{
		/* The trailer (after the header, if no row took it). */
		AppendInt16(&binary_header, 0xffff);
		SendLine(binary_header);
	}
	libpq::MessageBuilder('c').Send();
	MemoryContextDelete(st.rowcontext);
	return st.processed;
}

}  // namespace tusk::commands
