/*
 * copy_internal.h — what the parts of COPY share (copy.cpp, copyfrom.cpp,
 * copyto.cpp): the options as parsed from the statement.
 */
#ifndef TUSK_BACKEND_COMMANDS_COPY_INTERNAL_H
#define TUSK_BACKEND_COMMANDS_COPY_INTERNAL_H

#include <string>
#include <vector>

#include "nodes/parsenodes.h"
#include "parser/parse_node.h"
#include "utils/rel.h"

namespace tusk::commands {

/* HEADER false, true, or MATCH (COPY FROM: the names must be the columns'). */
enum class CopyHeader
{
	kNone,
	kSkip,
	kMatch
};

/* The format options of one COPY statement (PostgreSQL's
 * CopyFormatOptions), defaults filled in and checked as PostgreSQL does. */
struct CopyOptions
{
	bool binary = false;
	bool csv = false;
	bool freeze = false;
	CopyHeader header = CopyHeader::kNone;
	char delim = '\t';
	std::string null_print = "\\N";
	char quote = '"';
	char escape = '"';
	bool force_quote_all = false;
	List *force_quote = NIL;
	List *force_notnull = NIL;
	List *force_null = NIL;
};

/* Reads and checks the statement's options (ProcessCopyOptions). */
CopyOptions ProcessCopyOptions(ParseState *pstate, bool is_from, List *options);

/* The column numbers a COPY names (all non-dropped columns for an empty
 * list): 42703 for an unknown column, 42701 for one named twice. */
std::vector<AttrNumber> CopyGetAttnums(Relation rel, List *attnamelist);

/* The checks of the columns COPY FROM names, in its list and its
 * FORCE_NOT_NULL and FORCE_NULL options (CopyFromClient's first step). */
void CheckCopyFromColumns(Relation rel, List *attnamelist, const CopyOptions &opts);

/* COPY rel [(cols)] FROM STDIN: the rows inserted. */
uint64 CopyFromClient(ParseState *pstate, Relation rel, List *attnamelist, const CopyOptions &opts);
/* COPY rel [(cols)] TO STDOUT, or COPY (query) TO STDOUT: the rows sent. */
uint64 CopyToClient(ParseState *pstate, Relation rel, Node *query, List *attnamelist,
					const CopyOptions &opts);

}  // namespace tusk::commands

#endif	// TUSK_BACKEND_COMMANDS_COPY_INTERNAL_H
