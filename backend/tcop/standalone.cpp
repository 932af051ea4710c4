/*
 * standalone.cpp — SQL without a client: initdb's post-bootstrap script.
 *
 * Principal entry point: RunPostBootstrapScript (catalog/bootstrap.h).
 *
 * PostgreSQL's initdb feeds system_views.sql and its other scripts to a
 * single-user backend.  Tusk runs its script in the bootstrap process
 * itself, right after the catalogs of template1 are written, so initdb
 * starts no second process: the process takes a PGPROC, connects to
 * template1 as the bootstrap superuser (InitPostgres), and runs each
 * statement through the pipeline every client statement takes — raw
 * parser, analyzer, rewriter, planner, a portal — with its results
 * discarded (DestNone).  The whole script is one transaction (a command
 * counter increment between statements), which keeps initdb fast; any
 * error is FATAL and fails initdb.
 */
#include "postgres.h"

#include <fstream>
#include <sstream>
#include <string>

#include "access/xact.h"
#include "catalog/bootstrap.h"
#include "catalog/heap.h"
#include "miscadmin.h"
#include "optimizer/planner.h"
#include "parser/analyze.h"
#include "parser/parser.h"
#include "storage/proc.h"
#include "tcop/dest.h"
#include "tcop/pquery.h"
#include "tcop/utility.h"
#include "utils/error/error.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/portal.h"
#include "utils/snapmgr.h"

namespace {

/* One statement of the script, as ExecOneStatement runs a client's, its
 * rows going nowhere. */
void RunScriptStatement(RawStmt *parsetree, const char *script)
{
	Node *stmt = parsetree->stmt;
	const char *commandTag = CreateCommandName(stmt);
	MemoryContext stmt_context = AllocSetContextCreate(CurrentMemoryContext, "script statement",
													   ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(stmt_context);
	SetCurrentStatementStartTimestamp();
	AcceptInvalidationMessages();
	bool snapshot_set = false;
	if (StatementRequiresSnapshot(stmt))
	{
		PushActiveSnapshot(GetTransactionSnapshot());
		snapshot_set = true;
	}
	Query *query = parse_analyze_fixedparams(parsetree, script, nullptr, 0);
	PlannedStmt *plan = planner(query, script, 0, nullptr);
	if (snapshot_set)
		PopActiveSnapshot();
	Portal portal = CreatePortal("", true, true);
	portal->visible = false;
	PortalDefineQuery(portal, nullptr, script, commandTag, list_make1(plan), nullptr);
	PortalStart(portal, nullptr, 0, InvalidSnapshot);
	DestReceiver *dest = CreateDestReceiver(DestNone);
	char tag[COMPLETION_TAG_BUFSIZE];
	(void) PortalRun(portal, FETCH_ALL, true, dest, dest, tag);
	PortalDrop(portal, false);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(stmt_context);
	CommandCounterIncrement();
}

}  // namespace

void RunPostBootstrapScript(const std::vector<std::string> &paths, const std::string &superuser)
{
	std::vector<std::string> scripts;
	for (const std::string &path : paths)
	{
		std::ifstream in(path);
		if (!in)
			ereport(FATAL, errcode_for_file_access(),
					errmsg("could not open file \"%s\" for reading: %m", path.c_str()));
		std::stringstream text;
		text << in.rdbuf();
		scripts.push_back(text.str());
	}

	InitProcess();
	InitPostgres("template1", superuser.c_str());
	allowSystemTableMods = true;
	SetConfigOption("session_authorization", superuser.c_str(), PGC_INTERNAL, PGC_S_OVERRIDE);
	EnablePortalManager();
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "post-bootstrap script",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	StartTransactionCommand();
	for (const std::string &script : scripts)
	{
		/* Errors name the statement (no ErrorHandlerScope: each is FATAL). */
		tusk::error::debug_query_string = script.c_str();
		List *parsetree_list = raw_parser(script.c_str());
		ListCell *lc;
		foreach (lc, parsetree_list)
			RunScriptStatement(static_cast<RawStmt *>(lfirst(lc)), script.c_str());
	}
	CommitTransactionCommand();
	tusk::error::debug_query_string = nullptr;
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
}
