/*
 * copyfrom.cpp — COPY … FROM STDIN: rows from the client into a table.
 *
 * Principal entry point: CopyFromClient (copy_internal.h).
 *
 * The backend answers CopyInResponse and then reads the client's
 * CopyData messages until CopyDone (CopyFail: 57014 "COPY from stdin
 * failed: …"; Flush and Sync are ignored, as in PostgreSQL).  In binary
 * format the bytes are PostgreSQL's file layout (signature, flags,
 * header extension, then per row a field count and length-prefixed
 * values for the types' receive functions, and a -1 trailer).  In text
 * and csv the bytes
 * are cut into lines (text: a backslash escapes the next byte, even a
 * newline; csv: newlines inside quotes are data; the first line's ending
 * — \n, \r or \r\n — is the only one allowed after it; `\.` alone ends
 * the data), lines into fields, and each field goes through its column
 * type's input function with the column's typmod (so varchar(n) checks
 * its length).  Columns the COPY does not name get their defaults.  Rows
 * take INSERT's path: NOT NULL checks, heap_insert, and an entry in each
 * index with unique checks.  An error names the line (and column) in a
 * CONTEXT line as PostgreSQL's does; the main loop then ignores the rest
 * of the client's copy data, and the transaction's abort undoes the rows
 * already inserted.
 */
#include "postgres.h"

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/heap.h"
#include "catalog/storage.h"
#include "copy_internal.h"
#include "executor/execForeignKeys.h"
#include "executor/execIndexing.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqcomm.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "utils/builtins.h"
#include "utils/error/error.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

namespace tusk::commands {

namespace {

/* What an error's CONTEXT line says (PostgreSQL's CopyFromErrorCallback). */
struct CopyFromErrorState
{
	const char *relname;
	uint64 lineno = 0;
	const char *attname = nullptr;
	const char *attval = nullptr;
	const std::string *line = nullptr;
	bool line_valid = false;
	bool binary = false; /* no data to show, only where */
};

/* At most 100 bytes of a value, cut at a character boundary, "..." if
 * cut (PostgreSQL's limit_printout_length). */
std::string LimitPrintout(const char *s)
{
	constexpr size_t kMaxDisplay = 100;
	size_t len = strlen(s);
	if (len <= kMaxDisplay)
		return s;
	size_t cut = kMaxDisplay;
	while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
		cut--;
	return std::string(s, cut) + "...";
}

void CopyFromErrorCallback(void *arg)
{
	auto *st = static_cast<CopyFromErrorState *>(arg);
	auto lineno = static_cast<unsigned long long>(st->lineno);
	if (st->binary)
	{
		if (st->attname != nullptr)
			errcontext("COPY %s, line %llu, column %s", st->relname, lineno, st->attname);
		else
			errcontext("COPY %s, line %llu", st->relname, lineno);
		return;
	}
	if (st->attname != nullptr && st->attval != nullptr)
		errcontext("COPY %s, line %llu, column %s: \"%s\"", st->relname, lineno, st->attname,
				   LimitPrintout(st->attval).c_str());
	else if (st->attname != nullptr)
		errcontext("COPY %s, line %llu, column %s: null input", st->relname, lineno, st->attname);
	else if (st->line_valid && st->line != nullptr)
		errcontext("COPY %s, line %llu: \"%s\"", st->relname, lineno,
				   LimitPrintout(st->line->c_str()).c_str());
	else
		errcontext("COPY %s, line %llu", st->relname, lineno);
}

/* The client's side of COPY FROM STDIN: the bytes of its CopyData
 * messages (PostgreSQL's CopyGetData for COPY_FRONTEND). */
class ClientCopyInput
{
  public:
	/* Appends the next CopyData's bytes to *buf; false at CopyDone. */
	bool Next(std::string *buf)
	{
		while (!done_)
		{
			CHECK_FOR_INTERRUPTS();
			int type = libpq::GetByte();
			std::string body;
			if (type < 0 || !libpq::GetMessageBody(&body, libpq::kLargeMessageLimit))
				ereport(FATAL, errcode(ERRCODE_CONNECTION_FAILURE),
						errmsg("unexpected EOF on client connection with an open transaction"));
			switch (type)
			{
				case 'd':
					buf->append(body);
					return true;
				case 'c':
					done_ = true;
					break;
				case 'f':
				{
					libpq::MessageReader reader(body);
					std::string msg = reader.String();
					ereport(ERROR, errcode(ERRCODE_QUERY_CANCELED),
							errmsg("COPY from stdin failed: %s", msg.c_str()));
				}
				case 'H':
				case 'S':
					/* Flush and Sync mean nothing during COPY (drivers
					 * using the extended protocol send them). */
					break;
				default:
					ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
							errmsg("unexpected message type 0x%02X during COPY from stdin", type));
			}
		}
		return false;
	}
	/* Reads and drops everything up to CopyDone (after the end marker). */
	void Drain()
	{
		std::string scratch;
		while (Next(&scratch))
			scratch.clear();
	}

  private:
	bool done_ = false;
};

/* Reads the binary format's fields from the client's bytes. */
class BinaryReader
{
  public:
	explicit BinaryReader(ClientCopyInput *input) : input_(input) {}

	/* n bytes into *out; false if the data ended first. */
	bool Read(size_t n, std::string *out)
	{
		while (buf_.size() - pos_ < n)
		{
			if (done_ || !input_->Next(&buf_))
			{
				done_ = true;
				return false;
			}
		}
		out->assign(buf_, pos_, n);
		pos_ += n;
		if (pos_ > kCompactAt)
		{
			buf_.erase(0, pos_);
			pos_ = 0;
		}
		return true;
	}
	bool ReadInt32(int32 *v)
	{
		if (!Read(4, &scratch_))
			return false;
		uint32 u = 0;
		for (int i = 0; i < 4; i++)
			u = (u << 8) | static_cast<unsigned char>(scratch_[i]);
		*v = static_cast<int32>(u);
		return true;
	}
	bool ReadInt16(int16 *v)
	{
		if (!Read(2, &scratch_))
			return false;
		*v = static_cast<int16>((static_cast<unsigned char>(scratch_[0]) << 8) |
								static_cast<unsigned char>(scratch_[1]));
		return true;
	}

  private:
	static constexpr size_t kCompactAt = 64 * 1024;
	ClientCopyInput *input_;
	std::string buf_, scratch_;
	size_t pos_ = 0;
	bool done_ = false;
};

/* The binary format's file header (PostgreSQL's ReceiveCopyBinaryHeader). */
void ReadBinaryHeader(BinaryReader *reader)
{
	static const char kSignature[] = "PGCOPY\n\377\r\n";
	std::string sig;
	if (!reader->Read(11, &sig) || memcmp(sig.data(), kSignature, 11) != 0)
		ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				errmsg("COPY file signature not recognized"));
	int32 flags;
	if (!reader->ReadInt32(&flags))
		ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				errmsg("invalid COPY file header (missing flags)"));
	constexpr uint32 kWithOids = 1u << 16;
	if ((static_cast<uint32>(flags) & kWithOids) != 0)
		ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				errmsg("invalid COPY file header (WITH OIDS)"));
	if (((static_cast<uint32>(flags) & ~kWithOids) >> 16) != 0)
		ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				errmsg("unrecognized critical flags in COPY file header"));
	int32 extension;
	if (!reader->ReadInt32(&extension))
		ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				errmsg("invalid COPY file header (missing length)"));
	std::string skipped;
	if (extension < 0 || !reader->Read(static_cast<size_t>(extension), &skipped))
		ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				errmsg("invalid COPY file header (wrong length)"));
}

enum class Eol
{
	kUnknown,
	kNL,
	kCR,
	kCRNL
};

/* Cuts the client's bytes into lines (PostgreSQL's CopyReadLine). */
class LineReader
{
  public:
	LineReader(const CopyOptions &opts, ClientCopyInput *input) : opts_(opts), input_(input) {}

	/* The next line, without its ending, in *line; false when the data
	 * ended (CopyDone or the end marker) with no line left. */
	bool ReadLine(std::string *line)
	{
		line->clear();
		if (ended_)
			return false;
		/* Drop what earlier lines used, now and then. */
		if (pos_ > kCompactAt)
		{
			buf_.erase(0, pos_);
			pos_ = 0;
		}
		const bool csv = opts_.csv;
		bool in_quote = false;
		size_t i = pos_;
		for (;;)
		{
			if (!Ensure(i))
			{
				/* The data ended: what is left is the last line. */
				ended_ = true;
				if (i == pos_)
					return false;
				line->assign(buf_, pos_, i - pos_);
				pos_ = i;
				return true;
			}
			char c = buf_[i];
			if (csv)
			{
				if (in_quote)
				{
					if (c == opts_.escape && opts_.escape != opts_.quote && Ensure(i + 1) &&
						(buf_[i + 1] == opts_.quote || buf_[i + 1] == opts_.escape))
					{
						i += 2;
						continue;
					}
					if (c == opts_.quote)
						in_quote = false;
					i++;
					continue;
				}
				if (c == opts_.quote)
				{
					in_quote = true;
					i++;
					continue;
				}
			}
			if (c == '\r' || c == '\n')
			{
				size_t eol_len = EndOfLine(i);
				line->assign(buf_, pos_, i - pos_);
				pos_ = i + eol_len;
				return true;
			}
			if (c == '\\' && (!csv || i == pos_))
			{
				if (!Ensure(i + 1))
				{
					i++;
					continue;
				}
				if (buf_[i + 1] == '.')
				{
					CheckEndMarker(i + 2);
					line->assign(buf_, pos_, i - pos_);
					ended_ = true;
					input_->Drain();
					return !line->empty();
				}
				i += csv ? 1 : 2;
				continue;
			}
			i++;
		}
	}

  private:
	static constexpr size_t kCompactAt = 64 * 1024;

	/* Whether byte idx is there, reading more CopyData if needed. */
	bool Ensure(size_t idx)
	{
		while (idx >= buf_.size())
		{
			if (input_done_ || !input_->Next(&buf_))
			{
				input_done_ = true;
				return false;
			}
		}
		return true;
	}

	/* The line ending at i: its length, checked against the first
	 * line's kind of ending as PostgreSQL checks it. */
	size_t EndOfLine(size_t i)
	{
		const bool csv = opts_.csv;
		if (buf_[i] == '\r')
		{
			bool crnl = Ensure(i + 1) && buf_[i + 1] == '\n';
			if (eol_ == Eol::kUnknown)
				eol_ = crnl ? Eol::kCRNL : Eol::kCR;
			else if (eol_ == Eol::kNL || (eol_ == Eol::kCRNL && !crnl))
				ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						errmsg(csv ? "unquoted carriage return found in data"
								   : "literal carriage return found in data"),
						errhint(csv ? "Use quoted CSV field to represent carriage return."
									: "Use \"\\r\" to represent carriage return."));
			return eol_ == Eol::kCRNL ? 2 : 1;
		}
		if (eol_ == Eol::kUnknown)
			eol_ = Eol::kNL;
		else if (eol_ != Eol::kNL)
			ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					errmsg(csv ? "unquoted newline found in data"
							   : "literal newline found in data"),
					errhint(csv ? "Use quoted CSV field to represent newline."
								: "Use \"\\n\" to represent newline."));
		return 1;
	}

	/* `\.` must end its line (or the data). */
	void CheckEndMarker(size_t after)
	{
		if (!Ensure(after))
			return;
		char c = buf_[after];
		if (c != '\r' && c != '\n')
			ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					errmsg("end-of-copy marker corrupt"));
		bool crnl = c == '\r' && Ensure(after + 1) && buf_[after + 1] == '\n';
		if ((eol_ == Eol::kNL && c != '\n') || (eol_ == Eol::kCRNL && !crnl) ||
			(eol_ == Eol::kCR && (c != '\r' || crnl)))
			ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					errmsg("end-of-copy marker does not match previous newline style"));
	}

	const CopyOptions &opts_;
	ClientCopyInput *input_;
	std::string buf_;
	size_t pos_ = 0;
	bool input_done_ = false;
	bool ended_ = false;
	Eol eol_ = Eol::kUnknown;
};

/* One line's fields: values_[i] is field i, null_[i] whether it was the
 * NULL string.  Vectors keep their capacity from line to line. */
struct Fields
{
	std::vector<std::string> values;
	std::vector<bool> null;
	int count = 0;

	std::string &Start(int fieldno)
	{
		if (static_cast<size_t>(fieldno) >= values.size())
		{
			values.resize(fieldno + 1);
			null.resize(fieldno + 1);
		}
		values[fieldno].clear();
		return values[fieldno];
	}
};

int HexValue(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	return tolower(static_cast<unsigned char>(c)) - 'a' + 10;
}

/* Text format: fields split at the delimiter, backslash escapes
 * decoded; a field is NULL when its raw text is the NULL string
 * (PostgreSQL's CopyReadAttributesText). */
void SplitText(const std::string &line, const CopyOptions &opts, int max_fields, Fields *f)
{
	f->count = 0;
	if (max_fields <= 0)
	{
		if (!line.empty())
			ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					errmsg("extra data after last expected column"));
		return;
	}
	const char *s = line.data();
	size_t n = line.size(), p = 0;
	const std::string &nullstr = opts.null_print;
	for (;;)
	{
		std::string &out = f->Start(f->count);
		size_t start = p;
		bool found_delim = false;
		/* An escape may make a byte the line did not have: check the
		 * field's encoding again then, as PostgreSQL does. */
		bool saw_escaped_high = false;
		while (p < n)
		{
			char c = s[p++];
			if (c == opts.delim)
			{
				found_delim = true;
				break;
			}
			if (c == '\\')
			{
				if (p >= n)
					break;
				c = s[p++];
				switch (c)
				{
					case '0':
					case '1':
					case '2':
					case '3':
					case '4':
					case '5':
					case '6':
					case '7':
					{
						int val = c - '0';
						for (int k = 0; k < 2 && p < n && s[p] >= '0' && s[p] <= '7'; k++)
							val = (val << 3) + (s[p++] - '0');
						c = static_cast<char>(val & 0377);
						saw_escaped_high = saw_escaped_high || val == 0 || (val & 0200) != 0;
						break;
					}
					case 'x':
						if (p < n && isxdigit(static_cast<unsigned char>(s[p])))
						{
							int val = HexValue(s[p++]);
							if (p < n && isxdigit(static_cast<unsigned char>(s[p])))
								val = (val << 4) + HexValue(s[p++]);
							c = static_cast<char>(val & 0xff);
							saw_escaped_high = saw_escaped_high || val == 0 || (val & 0x80) != 0;
						}
						break;
					case 'b':
						c = '\b';
						break;
					case 'f':
						c = '\f';
						break;
					case 'n':
						c = '\n';
						break;
					case 'r':
						c = '\r';
						break;
					case 't':
						c = '\t';
						break;
					case 'v':
						c = '\v';
						break;
					default:
						break;
				}
			}
			out.push_back(c);
		}
		size_t raw_len = (found_delim ? p - 1 : p) - start;
		f->null[f->count] = raw_len == nullstr.size() && line.compare(start, raw_len, nullstr) == 0;
		if (saw_escaped_high && !f->null[f->count])
			(void) pg_verifymbstr(out.data(), static_cast<int>(out.size()), false);
		f->count++;
		if (!found_delim)
			break;
	}
}

/* CSV: fields split at unquoted delimiters, quotes removed, escapes
 * decoded inside quotes; only an unquoted field equal to the NULL
 * string is NULL (PostgreSQL's CopyReadAttributesCSV).  *quoted[i]
 * says whether field i had quotes (for FORCE_NULL). */
void SplitCsv(const std::string &line, const CopyOptions &opts, int max_fields, Fields *f)
{
	f->count = 0;
	if (max_fields <= 0)
	{
		if (!line.empty())
			ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					errmsg("extra data after last expected column"));
		return;
	}
	const char *s = line.data();
	size_t n = line.size(), p = 0;
	const std::string &nullstr = opts.null_print;
	for (;;)
	{
		std::string &out = f->Start(f->count);
		size_t start = p;
		bool found_delim = false;
		bool saw_quote = false;
		for (;;)
		{
			/* Outside quotes. */
			bool in_quote = false;
			while (p < n)
			{
				char c = s[p++];
				if (c == opts.delim)
				{
					found_delim = true;
					break;
				}
				if (c == opts.quote)
				{
					saw_quote = true;
					in_quote = true;
					break;
				}
				out.push_back(c);
			}
			if (!in_quote)
				break;
			/* Inside quotes, up to the closing quote. */
			for (;;)
			{
				if (p >= n)
					ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
							errmsg("unterminated CSV quoted field"));
				char c = s[p++];
				if (c == opts.escape && p < n && (s[p] == opts.escape || s[p] == opts.quote))
				{
					out.push_back(s[p++]);
					continue;
				}
				if (c == opts.quote)
					break;
				out.push_back(c);
			}
		}
		size_t raw_len = (found_delim ? p - 1 : p) - start;
		f->null[f->count] = !saw_quote && raw_len == nullstr.size() &&
			line.compare(start, raw_len, nullstr) == 0;
		f->count++;
		if (!found_delim)
			break;
	}
}

/* The columns named by a FORCE_NOT_NULL / FORCE_NULL list, as flags by
 * column number; each must be one the COPY reads (42P10). */
std::vector<bool> ForceFlags(Relation rel, List *names, const std::vector<AttrNumber> &attnums,
							 const char *option)
{
	std::vector<bool> flags(RelationGetDescr(rel)->natts + 1, false);
	if (names == NIL)
		return flags;
	for (AttrNumber attnum : CopyGetAttnums(rel, names))
	{
		bool found = false;
		for (AttrNumber a : attnums)
			found = found || a == attnum;
		if (!found)
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("%s column \"%s\" not referenced by COPY", option,
						   NameStr(TupleDescAttr(RelationGetDescr(rel), attnum - 1)->attname)));
		flags[attnum] = true;
	}
	return flags;
}

/* CopyInResponse: text (0) or binary (1) for every column. */
void SendCopyInResponse(int natts, bool binary)
{
	int16_t format = binary ? 1 : 0;
	libpq::MessageBuilder msg('G');
	msg.Byte(static_cast<char>(format)).Int16(static_cast<int16_t>(natts));
	for (int i = 0; i < natts; i++)
		msg.Int16(format);
	msg.Send();
	libpq::Flush();
}

using tusk::error::ErrorContextScope;

}  // namespace

void CheckCopyFromColumns(Relation rel, List *attnamelist, const CopyOptions &opts)
{
	std::vector<AttrNumber> attnums = CopyGetAttnums(rel, attnamelist);
	(void) ForceFlags(rel, opts.force_notnull, attnums, "FORCE_NOT_NULL");
	(void) ForceFlags(rel, opts.force_null, attnums, "FORCE_NULL");
}

uint64 CopyFromClient(ParseState *, Relation rel, List *attnamelist, const CopyOptions &opts)
{
	TupleDesc desc = RelationGetDescr(rel);
	std::vector<AttrNumber> attnums = CopyGetAttnums(rel, attnamelist);
	std::vector<bool> force_notnull = ForceFlags(rel, opts.force_notnull, attnums,
												 "FORCE_NOT_NULL");
	std::vector<bool> force_null = ForceFlags(rel, opts.force_null, attnums, "FORCE_NULL");

	EState *estate = CreateExecutorState();
	estate->es_output_cid = GetCurrentCommandId(true);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	ResultRelInfo *rri = makeNode(ResultRelInfo);
	rri->ri_RelationDesc = rel;
	ExecOpenIndices(rri, estate);
	ExprContext *econtext = CreateExprContext(estate);
	TupleTableSlot *slot = ExecInitExtraTupleSlot(estate, desc);
	ForeignKeyState *fkeys = ExecInitForeignKeys(estate, rel, CMD_INSERT);

	/* Each column read: its input function; each other column: its
	 * default expression, compiled once. */
	int natts = desc->natts;
	std::vector<FmgrInfo> in_functions(natts);
	std::vector<Oid> typioparams(natts);
	std::vector<bool> is_read(natts, false);
	for (AttrNumber attnum : attnums)
	{
		Form_pg_attribute att = TupleDescAttr(desc, attnum - 1);
		Oid func;
		if (opts.binary)
			getTypeBinaryInputInfo(att->atttypid, &func, &typioparams[attnum - 1]);
		else
			getTypeInputInfo(att->atttypid, &func, &typioparams[attnum - 1]);
		fmgr_info(func, &in_functions[attnum - 1]);
		is_read[attnum - 1] = true;
	}
	std::vector<std::pair<int, ExprState *>> defaults;
	for (int i = 0; i < natts; i++)
	{
		if (is_read[i] || TupleDescAttr(desc, i)->attisdropped)
			continue;
		if (Node *expr = build_column_default(rel, i + 1))
			defaults.emplace_back(i, ExecInitExpr(reinterpret_cast<Expr *>(expr), nullptr));
	}
	MemoryContextSwitchTo(old);

	SendCopyInResponse(static_cast<int>(attnums.size()), opts.binary);
	ClientCopyInput input;
	BinaryReader binreader(&input);
	/* The binary header comes before any row, and before the CONTEXT
	 * callback (as in PostgreSQL's BeginCopyFrom). */
	if (opts.binary)
		ReadBinaryHeader(&binreader);

	/* FREEZE needs a table whose file this transaction made (created or
	 * truncated), as in PostgreSQL; the rows are then inserted as usual
	 * (Tusk does not write them frozen). */
	if (opts.freeze && !RelationStorageCreatedInCurrentTransaction(rel->rd_node))
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("cannot perform COPY FREEZE because the table was not created or "
					   "truncated in the current subtransaction"));

	LineReader reader(opts, &input);
	CopyFromErrorState errstate;
	errstate.relname = RelationGetRelationName(rel);
	std::string line;
	errstate.line = &line;
	/* (an optional: foreign keys are checked once the lines are done,
	 * outside the line's error context, as PostgreSQL's AFTER triggers) */
	std::optional<ErrorContextScope> context_scope;
	context_scope.emplace(CopyFromErrorCallback, &errstate);
	Fields fields;
	const int nread = static_cast<int>(attnums.size());
	auto split = [&]() {
		if (opts.csv)
			SplitCsv(line, opts, nread, &fields);
		else
			SplitText(line, opts, nread, &fields);
	};

	errstate.binary = opts.binary;
	if (opts.header != CopyHeader::kNone)
	{
		errstate.lineno++;
		bool got = reader.ReadLine(&line);
		(void) pg_verifymbstr(line.data(), static_cast<int>(line.size()), false);
		errstate.line_valid = true;
		if (opts.header == CopyHeader::kMatch)
		{
			if (got)
				split();
			else
				fields.count = 0;
			if (fields.count != nread)
				ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						errmsg("wrong number of fields in header line: got %d, expected %d",
							   fields.count, nread));
			for (int k = 0; k < nread; k++)
			{
				const char *attname = NameStr(TupleDescAttr(desc, attnums[k] - 1)->attname);
				if (fields.null[k])
					ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
							errmsg("column name mismatch in header line field %d: got null value "
								   "(\"%s\"), expected \"%s\"",
								   k + 1, opts.null_print.c_str(), attname));
				if (fields.values[k] != attname)
					ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
							errmsg("column name mismatch in header line field %d: got \"%s\", "
								   "expected \"%s\"",
								   k + 1, fields.values[k].c_str(), attname));
			}
		}
	}

	/* A binary row's fields into the slot; false at the end of the data
	 * (PostgreSQL's NextCopyFrom for binary). */
	std::string field;
	auto next_binary_row = [&]() -> bool {
		int16 fld_count;
		if (!binreader.ReadInt16(&fld_count))
			return false;
		if (fld_count == -1)
		{
			/* The trailer: nothing may follow it. */
			if (binreader.Read(1, &field))
				ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						errmsg("received copy data after EOF marker"));
			return false;
		}
		if (fld_count != nread)
			ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					errmsg("row field count is %d, expected %d", fld_count, nread));
		for (int k = 0; k < nread; k++)
		{
			int m = attnums[k] - 1;
			Form_pg_attribute att = TupleDescAttr(desc, m);
			errstate.attname = NameStr(att->attname);
			int32 len;
			if (!binreader.ReadInt32(&len))
				ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						errmsg("unexpected EOF in COPY data"));
			if (len == -1)
			{
				errstate.attname = nullptr;
				continue;
			}
			if (len < -1)
				ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT), errmsg("invalid field size"));
			if (!binreader.Read(static_cast<size_t>(len), &field))
				ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						errmsg("unexpected EOF in COPY data"));
			StringInfoData buf;
			buf.data = static_cast<char *>(palloc(static_cast<Size>(len) + 1));
			memcpy(buf.data, field.data(), static_cast<size_t>(len));
			buf.data[len] = '\0';
			buf.len = len;
			buf.maxlen = len + 1;
			buf.cursor = 0;
			slot->tts_values[m] = ReceiveFunctionCall(&in_functions[m], &buf, typioparams[m],
													  att->atttypmod);
			if (buf.cursor != buf.len)
				ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						errmsg("incorrect binary data format"));
			slot->tts_isnull[m] = false;
			errstate.attname = nullptr;
		}
		return true;
	};

	uint64 processed = 0;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		errstate.lineno++;
		errstate.line_valid = false;
		if (opts.binary)
		{
			ResetExprContext(econtext);
			MemoryContext row_old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
			ExecClearTuple(slot);
			for (int i = 0; i < natts; i++)
			{
				slot->tts_values[i] = (Datum) 0;
				slot->tts_isnull[i] = true;
			}
			bool more = next_binary_row();
			MemoryContextSwitchTo(row_old);
			if (!more)
				break;
		}
		else if (!reader.ReadLine(&line))
			break;
		else
		{
			(void) pg_verifymbstr(line.data(), static_cast<int>(line.size()), false);
			errstate.line_valid = true;
			split();
			if (nread > 0 && fields.count > nread)
				ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						errmsg("extra data after last expected column"));
			ResetExprContext(econtext);
			ExecClearTuple(slot);
			for (int i = 0; i < natts; i++)
			{
				slot->tts_values[i] = (Datum) 0;
				slot->tts_isnull[i] = true;
			}
		}

		MemoryContext row_old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
		for (int k = 0; k < nread && !opts.binary; k++)
		{
			int m = attnums[k] - 1;
			Form_pg_attribute att = TupleDescAttr(desc, m);
			if (k >= fields.count)
				ereport(ERROR, errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						errmsg("missing data for column \"%s\"", NameStr(att->attname)));
			bool isnull = fields.null[k];
			if (opts.csv)
			{
				if (isnull && force_notnull[m + 1])
				{
					isnull = false;
					fields.values[k] = opts.null_print;
				}
				else if (!isnull && force_null[m + 1] && fields.values[k] == opts.null_print)
					isnull = true;
			}
			if (isnull)
			{
				/* A domain's input function checks a NULL too (NOT NULL). */
				if (!in_functions[m].fn_strict)
				{
					errstate.attname = NameStr(att->attname);
					errstate.attval = nullptr;
					slot->tts_values[m] = InputFunctionCall(&in_functions[m], nullptr,
															typioparams[m], att->atttypmod);
					errstate.attname = nullptr;
				}
				continue;
			}
			errstate.attname = NameStr(att->attname);
			errstate.attval = fields.values[k].c_str();
			slot->tts_values[m] = InputFunctionCall(&in_functions[m], fields.values[k].data(),
													typioparams[m], att->atttypmod);
			slot->tts_isnull[m] = false;
			errstate.attname = nullptr;
			errstate.attval = nullptr;
		}
		for (auto &[m, state] : defaults)
			slot->tts_values[m] = ExecEvalExpr(state, econtext, &slot->tts_isnull[m]);
		ExecStoreVirtualTuple(slot);
		ExecConstraints(rri, slot, estate);
		HeapTuple tuple = ExecCopySlotHeapTuple(slot);
		heap_insert(rel, tuple, estate->es_output_cid, 0, nullptr);
		/* PostgreSQL inserts index entries in batches, after the line
		 * is gone: its unique errors name the line only by number. */
		errstate.line_valid = false;
		ExecInsertIndexTuples(rri, slot, &tuple->t_self, estate);
		if (fkeys != nullptr)
			ExecForeignKeyRow(fkeys, nullptr, tuple);
		MemoryContextSwitchTo(row_old);
		processed++;
	}
	context_scope.reset();
	ExecForeignKeysEndStatement(fkeys);

	ExecCloseIndices(rri);
	FreeExecutorState(estate);
	return processed;
}

}  // namespace tusk::commands
