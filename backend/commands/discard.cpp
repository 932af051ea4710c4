/*
 * discard.cpp — DISCARD (commands/discard.h).
 *
 * DISCARD ALL does what PostgreSQL's does, in its order, for the parts
 * Tusk has: CLOSE ALL, RESET ALL, DEALLOCATE ALL, DISCARD PLANS, DISCARD
 * TEMP, DISCARD SEQUENCES.  Tusk has no LISTEN, advisory locks or SET
 * SESSION AUTHORIZATION, so there is nothing of UNLISTEN *,
 * pg_advisory_unlock_all() or SESSION AUTHORIZATION DEFAULT to undo.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "commands/discard.h"
#include "commands/prepare.h"
#include "commands/sequence.h"
#include "tcop/tcopprot.h"
#include "utils/misc/guc_internal.h"
#include "utils/plancache.h"
#include "utils/portal.h"

void DiscardCommand(DiscardStmt *stmt)
{
	switch (stmt->target)
	{
		case DISCARD_ALL:
			/* PostgreSQL's PreventInTransactionBlock: a multi-statement
			 * query is an implicit block too. */
			if (IsTransactionBlock() || InMultiStatementQuery)
				ereport(ERROR, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
						errmsg("DISCARD ALL cannot run inside a transaction block"));
			PortalHashTableDeleteAll();
			tusk::guc::ResetAllSettings();
			DropAllPreparedStatements();
			ResetPlanCache();
			ResetTempTableNamespace();
			ResetSequenceCaches();
			break;
		case DISCARD_PLANS:
			ResetPlanCache();
			break;
		case DISCARD_TEMP:
			ResetTempTableNamespace();
			break;
		case DISCARD_SEQUENCES:
			ResetSequenceCaches();
			break;
	}
}
