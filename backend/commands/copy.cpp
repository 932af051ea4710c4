/*
 * copy.cpp — COPY: the statement's options and which way the data goes
 * (commands/copy.h).
 *
 * Principal entry point: DoCopy.
 *
 * COPY moves rows between a table and the client through the COPY
 * sub-protocol (CopyInResponse/CopyOutResponse, CopyData, CopyDone,
 * CopyFail): copyfrom.cpp reads rows in, copyto.cpp writes them out.
 * Here the options are read and checked with PostgreSQL's messages and
 * the relation is opened and locked (RowExclusiveLock to load it,
 * AccessShareLock to read it).  COPY to or from a server file or a
 * PROGRAM is 0A000 for now.
 */
#include "postgres.h"

#include <strings.h>

#include <cctype>

#include "access/relation.h"
#include "access/tupdesc.h"
#include "catalog/namespace.h"
#include "commands/defrem.h"
#include "access/xact.h"
#include "commands/copy.h"
#include "copy_internal.h"
#include "nodes/value.h"
#include "storage/lmgr.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

namespace tusk::commands {

namespace {

/* Whether a Boolean option's value is true; *is_match for HEADER MATCH
 * (PostgreSQL's defGetBoolean and defGetCopyHeaderChoice). */
bool OptionBoolean(ParseState *pstate, DefElem *defel, bool allow_match, bool is_from,
				   bool *is_match)
{
	if (defel->arg == nullptr)
		return true;
	if (IsA(defel->arg, Boolean))
		return boolVal(defel->arg);
	if (IsA(defel->arg, Integer))
	{
		if (intVal(defel->arg) == 0)
			return false;
		if (intVal(defel->arg) == 1)
			return true;
	}
	else if (IsA(defel->arg, String))
	{
		const char *s = strVal(defel->arg);
		bool result;
		if (parse_bool_with_len(s, strlen(s), &result))
			return result;
		if (allow_match && strcasecmp(s, "match") == 0)
		{
			if (!is_from)
				ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("cannot use \"%s\" with HEADER in COPY TO", s));
			*is_match = true;
			return true;
		}
	}
	if (allow_match)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("%s requires a Boolean value or \"match\"", defel->defname));
	ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
			errmsg("%s requires a Boolean value", defel->defname),
			parser_errposition(pstate, defel->location));
}

/* A column-list option (FORCE_QUOTE, FORCE_NOT_NULL, FORCE_NULL). */
List *OptionColumnList(ParseState *pstate, DefElem *defel)
{
	if (defel->arg != nullptr && IsA(defel->arg, List))
		return castNode(List, defel->arg);
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("argument to option \"%s\" must be a list of column names", defel->defname),
			parser_errposition(pstate, defel->location));
}

/* An encoding name as PostgreSQL compares them: letters and digits
 * only, lower case. */
std::string CleanEncodingName(const std::string &name)
{
	std::string clean;
	for (char c : name)
		if (isalnum(static_cast<unsigned char>(c)))
			clean += static_cast<char>(tolower(static_cast<unsigned char>(c)));
	return clean;
}

/* The ENCODING option: the server's encoding (UTF8), or SQL_ASCII, need
 * no conversion; other encodings PostgreSQL knows are not supported yet;
 * anything else is not an encoding. */
void CheckEncodingOption(ParseState *pstate, DefElem *defel)
{
	std::string name = CleanEncodingName(defGetString(defel));
	if (name == "utf8" || name == "unicode" || name == "sqlascii")
		return;
	static const char *const kOtherEncodings[] =
		{"abc",			"alt",		   "big5",		  "euccn",		  "eucjis2004",	 "eucjp",
		 "euckr",		"euctw",	   "gb18030",	  "gbk",		  "iso88591",	 "iso885910",
		 "iso885913",	"iso885914",   "iso885915",	  "iso885916",	  "iso88592",	 "iso88593",
		 "iso88594",	"iso88595",	   "iso88596",	  "iso88597",	  "iso88598",	 "iso88599",
		 "johab",		"koi8",		   "koi8r",		  "koi8u",		  "latin1",		 "latin10",
		 "latin2",		"latin3",	   "latin4",	  "latin5",		  "latin6",		 "latin7",
		 "latin8",		"latin9",	   "mskanji",	  "muleinternal", "shiftjis",	 "shiftjis2004",
		 "sjis",		"tcvn",		   "tcvn5712",	  "uhc",		  "vscii",		 "win",
		 "win1250",		"win1251",	   "win1252",	  "win1253",	  "win1254",	 "win1255",
		 "win1256",		"win1257",	   "win1258",	  "win866",		  "win874",		 "win932",
		 "win936",		"win949",	   "win950",	  "windows1250",  "windows1251", "windows1252",
		 "windows1253", "windows1254", "windows1255", "windows1256",  "windows1257", "windows1258",
		 "windows866",	"windows874",  "windows932",  "windows936",	  "windows949",	 "windows950"};
	for (const char *known : kOtherEncodings)
		if (name == known)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("COPY with ENCODING \"%s\" is not supported yet", defGetString(defel)),
					parser_errposition(pstate, defel->location));
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("argument to option \"%s\" must be a valid encoding name", defel->defname),
			parser_errposition(pstate, defel->location));
}

[[noreturn]] void CopyOptionError(int sqlerrcode, const char *message)
{
	ereport(ERROR, errcode(sqlerrcode), errmsg("%s", message));
}

}  // namespace

CopyOptions ProcessCopyOptions(ParseState *pstate, bool is_from, List *options)
{
	CopyOptions opts;
	bool format_seen = false, freeze_seen = false, header_seen = false, encoding_seen = false;
	bool force_quote_seen = false, force_notnull_seen = false, force_null_seen = false;
	const char *delim = nullptr, *null_print = nullptr, *quote = nullptr, *escape = nullptr;
	std::string delim_s, null_s, quote_s, escape_s;
	ListCell *lc;
	foreach (lc, options)
	{
		DefElem *defel = lfirst_node(DefElem, lc);
		const char *name = defel->defname;
		if (strcmp(name, "format") == 0)
		{
			std::string fmt = defGetString(defel);
			if (format_seen)
				errorConflictingDefElem(defel, pstate);
			format_seen = true;
			if (fmt == "csv")
				opts.csv = true;
			else if (fmt == "binary")
				opts.binary = true;
			else if (fmt != "text")
				ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("COPY format \"%s\" not recognized", fmt.c_str()),
						parser_errposition(pstate, defel->location));
		}
		else if (strcmp(name, "freeze") == 0)
		{
			if (freeze_seen)
				errorConflictingDefElem(defel, pstate);
			freeze_seen = true;
			opts.freeze = OptionBoolean(pstate, defel, false, is_from, nullptr);
		}
		else if (strcmp(name, "delimiter") == 0)
		{
			if (delim != nullptr)
				errorConflictingDefElem(defel, pstate);
			delim_s = defGetString(defel);
			delim = delim_s.c_str();
		}
		else if (strcmp(name, "null") == 0)
		{
			if (null_print != nullptr)
				errorConflictingDefElem(defel, pstate);
			null_s = defGetString(defel);
			null_print = null_s.c_str();
		}
		else if (strcmp(name, "header") == 0)
		{
			if (header_seen)
				errorConflictingDefElem(defel, pstate);
			header_seen = true;
			bool match = false;
			bool on = OptionBoolean(pstate, defel, true, is_from, &match);
			opts.header = match ? CopyHeader::kMatch : on ? CopyHeader::kSkip : CopyHeader::kNone;
		}
		else if (strcmp(name, "quote") == 0)
		{
			if (quote != nullptr)
				errorConflictingDefElem(defel, pstate);
			quote_s = defGetString(defel);
			quote = quote_s.c_str();
		}
		else if (strcmp(name, "escape") == 0)
		{
			if (escape != nullptr)
				errorConflictingDefElem(defel, pstate);
			escape_s = defGetString(defel);
			escape = escape_s.c_str();
		}
		else if (strcmp(name, "force_quote") == 0)
		{
			if (force_quote_seen)
				errorConflictingDefElem(defel, pstate);
			force_quote_seen = true;
			if (defel->arg != nullptr && IsA(defel->arg, A_Star))
				opts.force_quote_all = true;
			else
				opts.force_quote = OptionColumnList(pstate, defel);
		}
		else if (strcmp(name, "force_not_null") == 0)
		{
			if (force_notnull_seen)
				errorConflictingDefElem(defel, pstate);
			force_notnull_seen = true;
			opts.force_notnull = OptionColumnList(pstate, defel);
		}
		else if (strcmp(name, "force_null") == 0)
		{
			if (force_null_seen)
				errorConflictingDefElem(defel, pstate);
			force_null_seen = true;
			opts.force_null = OptionColumnList(pstate, defel);
		}
		else if (strcmp(name, "encoding") == 0)
		{
			if (encoding_seen)
				errorConflictingDefElem(defel, pstate);
			encoding_seen = true;
			CheckEncodingOption(pstate, defel);
		}
		else
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("option \"%s\" not recognized", name),
					parser_errposition(pstate, defel->location));
	}

	/* The checks, in PostgreSQL's order (its messages are the contract). */
	if (opts.binary && delim != nullptr)
		CopyOptionError(ERRCODE_SYNTAX_ERROR, "cannot specify DELIMITER in BINARY mode");
	if (opts.binary && null_print != nullptr)
		CopyOptionError(ERRCODE_SYNTAX_ERROR, "cannot specify NULL in BINARY mode");
	if (delim == nullptr)
		delim = opts.csv ? "," : "\t";
	if (null_print == nullptr)
		null_print = opts.csv ? "" : "\\N";
	if (opts.csv)
	{
		if (quote == nullptr)
			quote = "\"";
		if (escape == nullptr)
			escape = quote;
	}
	if (strlen(delim) != 1)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"COPY delimiter must be a single one-byte character");
	if (strchr(delim, '\r') != nullptr || strchr(delim, '\n') != nullptr)
		CopyOptionError(ERRCODE_INVALID_PARAMETER_VALUE,
						"COPY delimiter cannot be newline or carriage return");
	if (strchr(null_print, '\r') != nullptr || strchr(null_print, '\n') != nullptr)
		CopyOptionError(ERRCODE_INVALID_PARAMETER_VALUE,
						"COPY null representation cannot use newline or carriage return");
	/* Text format would read these as escapes or data. */
	if (!opts.csv && strchr("\\.abcdefghijklmnopqrstuvwxyz0123456789", delim[0]) != nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("COPY delimiter cannot be \"%s\"", delim));
	if (opts.binary && opts.header != CopyHeader::kNone)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED, "cannot specify HEADER in BINARY mode");
	if (!opts.csv && quote != nullptr)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode");
	if (opts.csv && strlen(quote) != 1)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"COPY quote must be a single one-byte character");
	if (opts.csv && delim[0] == quote[0])
		CopyOptionError(ERRCODE_INVALID_PARAMETER_VALUE,
						"COPY delimiter and quote must be different");
	if (!opts.csv && escape != nullptr)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED, "COPY escape available only in CSV mode");
	if (opts.csv && strlen(escape) != 1)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"COPY escape must be a single one-byte character");
	if (!opts.csv && force_quote_seen)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"COPY force quote available only in CSV mode");
	if (force_quote_seen && is_from)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"COPY force quote only available using COPY TO");
	if (!opts.csv && opts.force_notnull != NIL)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"COPY force not null available only in CSV mode");
	if (opts.force_notnull != NIL && !is_from)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"COPY force not null only available using COPY FROM");
	if (!opts.csv && opts.force_null != NIL)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"COPY force null available only in CSV mode");
	if (opts.force_null != NIL && !is_from)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"COPY force null only available using COPY FROM");
	if (strchr(null_print, delim[0]) != nullptr)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"COPY delimiter must not appear in the NULL specification");
	if (opts.csv && strchr(null_print, quote[0]) != nullptr)
		CopyOptionError(ERRCODE_FEATURE_NOT_SUPPORTED,
						"CSV quote character must not appear in the NULL specification");
	opts.delim = delim[0];
	opts.null_print = null_print;
	if (opts.csv && quote != nullptr && escape != nullptr)
	{
		opts.quote = quote[0];
		opts.escape = escape[0];
	}
	return opts;
}

std::vector<AttrNumber> CopyGetAttnums(Relation rel, List *attnamelist)
{
	TupleDesc desc = RelationGetDescr(rel);
	std::vector<AttrNumber> attnums;
	if (attnamelist == NIL)
	{
		for (int i = 0; i < desc->natts; i++)
			if (!TupleDescAttr(desc, i)->attisdropped)
				attnums.push_back(static_cast<AttrNumber>(i + 1));
		return attnums;
	}
	ListCell *lc;
	foreach (lc, attnamelist)
	{
		const char *name = strVal(lfirst(lc));
		AttrNumber attnum = 0;
		for (int i = 0; i < desc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, i);
			if (!att->attisdropped && namestrcmp(&att->attname, name) == 0)
			{
				attnum = att->attnum;
				break;
			}
		}
		if (attnum == 0)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
					errmsg("column \"%s\" of relation \"%s\" does not exist", name,
						   RelationGetRelationName(rel)));
		for (AttrNumber seen : attnums)
			if (seen == attnum)
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
						errmsg("column \"%s\" specified more than once", name));
		attnums.push_back(attnum);
	}
	return attnums;
}

}  // namespace tusk::commands

using tusk::commands::CopyOptions;

namespace {

/* COPY's server-side files and programs, refused where PostgreSQL would
 * open them: after the relation, the options, the read-only check and the
 * columns, so that their errors come first, as in PostgreSQL. */
void RefuseFileOrProgram(const CopyStmt *stmt)
{
	if (stmt->filename != nullptr || stmt->is_program)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("COPY to or from a file or program is not supported yet"),
				errhint("Anyone can COPY to stdout or from stdin. psql's \\copy command also "
						"works for anyone."));
}

}  // namespace

void DoCopy(ParseState *pstate, const CopyStmt *stmt, uint64 *processed)
{
	*processed = 0;
	if (stmt->whereClause != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("COPY FROM … WHERE is not supported yet"));
	CopyOptions opts = tusk::commands::ProcessCopyOptions(pstate, stmt->is_from, stmt->options);

	if (stmt->relation == nullptr)
	{
		RefuseFileOrProgram(stmt);
		*processed = tusk::commands::CopyToClient(pstate, nullptr, stmt->query, NIL, opts);
		return;
	}
	if (stmt->is_from)
		PreventCommandIfReadOnly("COPY FROM");
	LOCKMODE lockmode = stmt->is_from ? RowExclusiveLock : AccessShareLock;
	Oid relid = RangeVarGetRelid(stmt->relation, lockmode, false);
	Relation rel = relation_open(relid, NoLock);
	char relkind = rel->rd_rel->relkind;
	const char *relname = RelationGetRelationName(rel);
	if (relkind != 'r')
	{
		if (stmt->is_from)
		{
			if (relkind == 'v')
				ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
						errmsg("cannot copy to view \"%s\"", relname),
						errhint("To enable copying to a view, provide an INSTEAD OF INSERT "
								"trigger."));
			if (relkind == 'S')
				ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
						errmsg("cannot copy to sequence \"%s\"", relname));
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("cannot copy to non-table relation \"%s\"", relname));
		}
		if (relkind == 'v')
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("cannot copy from view \"%s\"", relname),
					errhint("Try the COPY (SELECT ...) TO variant."));
		if (relkind == 'S')
			ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
					errmsg("cannot copy from sequence \"%s\"", relname));
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("cannot copy from non-table relation \"%s\"", relname));
	}
	if (stmt->is_from)
		tusk::commands::CheckCopyFromColumns(rel, stmt->attlist, opts);
	else
		(void) tusk::commands::CopyGetAttnums(rel, stmt->attlist);
	RefuseFileOrProgram(stmt);
	if (stmt->is_from)
		*processed = tusk::commands::CopyFromClient(pstate, rel, stmt->attlist, opts);
	else
		*processed = tusk::commands::CopyToClient(pstate, rel, nullptr, stmt->attlist, opts);
	relation_close(rel, NoLock);
}
