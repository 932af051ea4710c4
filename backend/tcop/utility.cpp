/*
 * utility.cpp — running utility statements (tcop/utility.h) and the
 * command tags of every statement.
 *
 * Principal entry points: ProcessUtility, CommandCompleteTag,
 * CreateCommandName.
 *
 * Each utility statement goes to the command that implements it; one
 * Tusk does not implement yet fails with 0A000 naming it, never with a
 * silent success.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_type_d.h"
#include "commands/discard.h"
#include "commands/dbcommands.h"
#include "commands/copy.h"
#include "commands/defrem.h"
#include "commands/prepare.h"
#include "commands/comment.h"
#include "commands/explain.h"
#include "commands/extension.h"
#include "commands/lockcmds.h"
#include "commands/owner.h"
#include "commands/portalcmds.h"
#include "commands/schemacmds.h"
#include "commands/sequence.h"
#include "commands/tablecmds.h"
#include "commands/typecmds.h"
#include "commands/vacuum.h"
#include "commands/view.h"
#include "executor/tuptable.h"
#include "nodes/parsenodes.h"
#include "postmaster/bgwriter.h"
#include "access/xlog_control.h"
#include "parser/parse_expr.h"
#include "tcop/utility.h"
#include "commands/user.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/guc.h"
#include "utils/misc/guc_internal.h"
#include "utils/plancache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "miscadmin.h"

namespace {

const char *ObjectTypeName(ObjectType type)
{
	switch (type)
	{
		case OBJECT_TABLE:
			return "TABLE";
		case OBJECT_INDEX:
			return "INDEX";
		case OBJECT_SEQUENCE:
			return "SEQUENCE";
		case OBJECT_VIEW:
			return "VIEW";
		case OBJECT_SCHEMA:
			return "SCHEMA";
		case OBJECT_TYPE:
			return "TYPE";
		case OBJECT_DATABASE:
			return "DATABASE";
		case OBJECT_FUNCTION:
			return "FUNCTION";
		case OBJECT_EXTENSION:
			return "EXTENSION";
		case OBJECT_MATVIEW:
			return "MATERIALIZED VIEW";
		case OBJECT_DOMAIN:
			return "DOMAIN";
		default:
			return "OBJECT";
	}
}

/* SHOW name's row shape: one text column named as the setting is
 * spelled (DateStyle). */
TupleDesc ShowVariableDesc(const char *name)
{
	const char *varname = name;
	(void) GetConfigOptionByName(name, &varname, false);
	TupleDesc desc = CreateTemplateTupleDesc(1);
	TupleDescInitEntry(desc, 1, varname, TEXTOID, -1, 0);
	return desc;
}

/* SHOW name: one row, one text column named after the setting. */
void ShowVariable(const char *name, DestReceiver *dest)
{
	std::string value = tusk::guc::ShowSetting(name);
	TupleDesc desc = ShowVariableDesc(name);
	TupleTableSlot *slot = MakeTupleTableSlot(desc);
	dest->rStartup(dest, CMD_SELECT, desc);
	slot->tts_values[0] = PointerGetDatum(cstring_to_text(value.c_str()));
	slot->tts_isnull[0] = false;
	ExecStoreVirtualTuple(slot);
	dest->receiveSlot(slot, dest);
	dest->rShutdown(dest);
	ExecDropSingleTupleTableSlot(slot);
}

/* SHOW ALL's row shape: name, setting, description. */
TupleDesc ShowAllDesc()
{
	TupleDesc desc = CreateTemplateTupleDesc(3);
	TupleDescInitEntry(desc, 1, "name", TEXTOID, -1, 0);
	TupleDescInitEntry(desc, 2, "setting", TEXTOID, -1, 0);
	TupleDescInitEntry(desc, 3, "description", TEXTOID, -1, 0);
	return desc;
}

/* SHOW ALL: a row per setting, by name (tusk::guc::ShowAllSettings). */
void ShowAllVariables(DestReceiver *dest)
{
	std::vector<tusk::guc::ShownSetting> rows = tusk::guc::ShowAllSettings();
	TupleDesc desc = ShowAllDesc();
	TupleTableSlot *slot = MakeTupleTableSlot(desc);
	dest->rStartup(dest, CMD_SELECT, desc);
	for (const tusk::guc::ShownSetting &row : rows)
	{
		ExecClearTuple(slot);
		const std::string *values[] = {&row.name, &row.setting, &row.description};
		for (int i = 0; i < 3; i++)
		{
			slot->tts_values[i] = PointerGetDatum(cstring_to_text(values[i]->c_str()));
			slot->tts_isnull[i] = false;
		}
		ExecStoreVirtualTuple(slot);
		dest->receiveSlot(slot, dest);
	}
	dest->rShutdown(dest);
	ExecDropSingleTupleTableSlot(slot);
}

std::string SetValueText(List *args)
{
	std::string value;
	ListCell *lc;
	foreach (lc, args)
	{
		Node *arg = static_cast<Node *>(lfirst(lc));
		if (!value.empty())
			value += ", ";
		if (IsA(arg, A_Const) && !reinterpret_cast<A_Const *>(arg)->isnull)
		{
			Node *val = reinterpret_cast<A_Const *>(arg)->val;
			if (IsA(val, Integer))
				value += std::to_string(intVal(val));
			else if (IsA(val, Float))
				value += castNode(Float, val)->fval;
			else if (IsA(val, String))
			{
				/* A list setting keeps each element quoted as needed. */
				value += strVal(val);
			}
			else if (IsA(val, Boolean))
				value += boolVal(val) ? "on" : "off";
		}
		else if (IsA(arg, TypeCast) && IsA(reinterpret_cast<TypeCast *>(arg)->arg, A_Const))
		{
			/* SET TIME ZONE INTERVAL '...' [fields]: the interval read with
			 * its type modifier and written back, as PostgreSQL passes it */
			auto *tc = reinterpret_cast<TypeCast *>(arg);
			Node *val = reinterpret_cast<A_Const *>(tc->arg)->val;
			Oid typid;
			int32 typmod;
			typenameTypeIdAndMod(nullptr, tc->typeName, &typid, &typmod);
			if (typid != INTERVALOID || !IsA(val, String))
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("this form of SET is not supported yet"));
			Datum iv = DirectFunctionCall3(interval_in, CStringGetDatum(strVal(val)),
										   ObjectIdGetDatum(InvalidOid), Int32GetDatum(typmod));
			value += std::string("INTERVAL '") +
				DatumGetCString(DirectFunctionCall1(interval_out, iv)) + "'";
		}
		else
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("this form of SET is not supported yet"));
	}
	return value;
}

}  // namespace

char *ExtractSetVariableArgs(VariableSetStmt *stmt)
{
	if (stmt->kind != VAR_SET_VALUE)
		return nullptr;
	return pstrdup(SetValueText(stmt->args).c_str());
}

namespace {

/* The value of a transaction mode item (BEGIN's, SET TRANSACTION's): a
 * string constant, or 1/0 for READ ONLY / DEFERRABLE. */
std::string ModeValue(DefElem *item)
{
	Node *val = reinterpret_cast<A_Const *>(item->arg)->val;
	if (IsA(val, Integer))
		return intVal(val) != 0 ? "true" : "false";
	return strVal(val);
}

/* Whether value is serializable isolation, which Tusk refuses where it
 * is asked for rather than at the next transaction's start. */
void RefuseSerializable(const char *name, const char *value)
{
	if ((strcmp(name, "transaction_isolation") == 0 ||
		 strcmp(name, "default_transaction_isolation") == 0) &&
		strcasecmp(value, "serializable") == 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("SERIALIZABLE isolation is not supported"),
				errhint("Use REPEATABLE READ: Tusk does not implement serializable snapshot "
						"isolation."));
}

/* PostgreSQL's check hooks of the current transaction's modes: they may
 * change only before the transaction's first snapshot, isolation not in
 * a subtransaction, and never from read-only to read-write inside one. */
void CheckTransactionMode(const char *name, const char *value)
{
	RefuseSerializable(name, value);
	if (!IsTransactionState())
		return;
	if (strcmp(name, "transaction_isolation") == 0)
	{
		if (FirstSnapshotSet())
			ereport(ERROR, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
					errmsg("SET TRANSACTION ISOLATION LEVEL must be called before any query"));
		if (IsSubTransaction())
			ereport(ERROR, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
					errmsg(
						"SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction"));
	}
	else if (strcmp(name, "transaction_read_only") == 0)
	{
		bool readonly;
		if (parse_bool(value, &readonly) && !readonly && XactReadOnly)
		{
			if (IsSubTransaction())
				ereport(ERROR, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
						errmsg("cannot set transaction read-write mode inside a read-only "
							   "transaction"));
			if (FirstSnapshotSet())
				ereport(ERROR, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
						errmsg("transaction read-write mode must be set before any query"));
		}
	}
	else if (strcmp(name, "transaction_deferrable") == 0)
	{
		if (IsSubTransaction())
			ereport(ERROR, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
					errmsg("SET TRANSACTION [NOT] DEFERRABLE cannot be called within a "
						   "subtransaction"));
		if (FirstSnapshotSet())
			ereport(ERROR, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
					errmsg("SET TRANSACTION [NOT] DEFERRABLE must be called before any query"));
	}
}

/* BEGIN's and SET TRANSACTION's modes: the current transaction's settings
 * (as SET LOCAL); SET SESSION CHARACTERISTICS's: the defaults. */
void SetTransactionModes(List *options, bool session)
{
	ListCell *lc;
	foreach (lc, options)
	{
		DefElem *item = static_cast<DefElem *>(lfirst(lc));
		std::string value = ModeValue(item);
		std::string name = session ? std::string("default_") + item->defname : item->defname;
		if (session)
			RefuseSerializable(name.c_str(), value.c_str());
		else
			CheckTransactionMode(name.c_str(), value.c_str());
		(void) set_config_option(name.c_str(), value.c_str(), PGC_USERSET, PGC_S_SESSION,
								 session ? GUC_ACTION_SET : GUC_ACTION_LOCAL, true, 0, false);
	}
}

/* The context SET and RESET act in: a superuser may change superuser
 * settings (PGC_SUSET), as in PostgreSQL. */
GucContext SetContext()
{
	HeapTuple role = SearchSysCache1(AUTHOID, ObjectIdGetDatum(MyUserId));
	if (role == nullptr)
		return PGC_USERSET;
	bool superuser = reinterpret_cast<Form_pg_authid>(GETSTRUCT(role))->rolsuper;
	ReleaseSysCache(role);
	return superuser ? PGC_SUSET : PGC_USERSET;
}

void ExecSetVariable(VariableSetStmt *stmt)
{
	GucAction action = stmt->is_local ? GUC_ACTION_LOCAL : GUC_ACTION_SET;
	if (stmt->is_local)
		WarnNoTransactionBlock(true, "SET LOCAL");
	switch (stmt->kind)
	{
		case VAR_SET_VALUE:
		{
			std::string value = SetValueText(stmt->args);
			CheckTransactionMode(stmt->name, value.c_str());
			(void) set_config_option(stmt->name, value.c_str(), SetContext(), PGC_S_SESSION, action,
									 true, 0, false);
			break;
		}
		case VAR_SET_DEFAULT:
		case VAR_RESET:
			(void) set_config_option(stmt->name, nullptr, SetContext(), PGC_S_SESSION, action, true,
									 0, false);
			break;
		case VAR_RESET_ALL:
			tusk::guc::ResetAllSettings();
			break;
		case VAR_SET_MULTI:
			if (strcmp(stmt->name, "TRANSACTION") == 0)
			{
				WarnNoTransactionBlock(true, "SET TRANSACTION");
				SetTransactionModes(stmt->args, false);
				break;
			}
			if (strcmp(stmt->name, "SESSION CHARACTERISTICS") == 0)
			{
				SetTransactionModes(stmt->args, true);
				break;
			}
			[[fallthrough]];
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("this form of SET/RESET is not supported yet"));
	}
}

void ExecTransactionStmt(TransactionStmt *stmt, uint64 *processed)
{
	switch (stmt->kind)
	{
		case TRANS_STMT_BEGIN:
		case TRANS_STMT_START:
			BeginTransactionBlock();
			SetTransactionModes(stmt->options, false);
			break;
		case TRANS_STMT_COMMIT:
			/* A failed block's COMMIT rolls back (tag ROLLBACK). */
			if (!EndTransactionBlock(stmt->chain))
				*processed = 1;
			break;
		case TRANS_STMT_ROLLBACK:
			UserAbortTransactionBlock(stmt->chain);
			break;
		case TRANS_STMT_SAVEPOINT:
			RequireTransactionBlock(true, "SAVEPOINT");
			DefineSavepoint(stmt->savepoint_name);
			break;
		case TRANS_STMT_RELEASE:
			RequireTransactionBlock(true, "RELEASE SAVEPOINT");
			ReleaseSavepoint(stmt->savepoint_name);
			break;
		case TRANS_STMT_ROLLBACK_TO:
			RequireTransactionBlock(true, "ROLLBACK TO SAVEPOINT");
			RollbackToSavepoint(stmt->savepoint_name);
			break;
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s is not supported yet",
						   CreateCommandName(reinterpret_cast<Node *>(stmt))));
	}
}

}  // namespace

namespace {

/* Whether a utility statement may run in a read-only transaction
 * (PostgreSQL's ClassifyUtilityCommandAsReadOnly; COPY FROM is checked
 * where it writes). */
bool UtilityIsReadOnly(Node *parsetree)
{
	switch (nodeTag(parsetree))
	{
		case T_CreateStmt:
		case T_CreateSchemaStmt:
		case T_CreateSeqStmt:
		case T_AlterSeqStmt:
		case T_CreateTableAsStmt:
		case T_CreatedbStmt:
		case T_DropdbStmt:
		case T_DropStmt:
		case T_IndexStmt:
		case T_AlterTableStmt:
		case T_RenameStmt:
		case T_AlterObjectSchemaStmt:
		case T_CommentStmt:
		case T_TruncateStmt:
		case T_ViewStmt:
		case T_CreateFunctionStmt:
		case T_CreateExtensionStmt:
		case T_AlterExtensionStmt:
		case T_CreateEnumStmt:
		case T_CompositeTypeStmt:
		case T_AlterEnumStmt:
		case T_CreateDomainStmt:
		case T_AlterDomainStmt:
		case T_CreateRoleStmt:
		case T_AlterRoleStmt:
		case T_AlterRoleSetStmt:
		case T_DropRoleStmt:
		case T_GrantRoleStmt:
		case T_AlterOwnerStmt:
		case T_DropOwnedStmt:
		case T_ReassignOwnedStmt:
			return false;
		default: /* LOCK TABLE too, in any mode (only a standby limits it) */
			return true;
	}
}

}  // namespace

bool StatementRequiresSnapshot(Node *parsetree)
{
	switch (nodeTag(parsetree))
	{
		case T_TransactionStmt:
		case T_VariableSetStmt:
		case T_VariableShowStmt:
		case T_LockStmt:
			return false;
		default:
			return true;
	}
}

bool IsTransactionExitStmt(Node *parsetree)
{
	if (parsetree != nullptr && IsA(parsetree, TransactionStmt))
	{
		TransactionStmt *stmt = reinterpret_cast<TransactionStmt *>(parsetree);
		return stmt->kind == TRANS_STMT_COMMIT || stmt->kind == TRANS_STMT_ROLLBACK ||
			stmt->kind == TRANS_STMT_ROLLBACK_TO || stmt->kind == TRANS_STMT_PREPARE;
	}
	return false;
}

void ProcessUtility(PlannedStmt *pstmt, const char *queryString, DestReceiver *dest,
					uint64 *processed)
{
	Node *parsetree = pstmt->utilityStmt;
	*processed = 0;
	if (XactReadOnly && !UtilityIsReadOnly(parsetree))
		PreventCommandIfReadOnly(CreateCommandName(parsetree));
	switch (nodeTag(parsetree))
	{
		case T_TransactionStmt:
			ExecTransactionStmt(reinterpret_cast<TransactionStmt *>(parsetree), processed);
			break;
		case T_CreateStmt:
			(void) DefineRelation(reinterpret_cast<CreateStmt *>(parsetree), queryString);
			break;
		case T_CreateFunctionStmt:
			(void) CreateFunction(reinterpret_cast<CreateFunctionStmt *>(parsetree), queryString);
			break;
		case T_DropStmt:
			if (reinterpret_cast<DropStmt *>(parsetree)->removeType == OBJECT_SCHEMA ||
				reinterpret_cast<DropStmt *>(parsetree)->removeType == OBJECT_FUNCTION ||
				reinterpret_cast<DropStmt *>(parsetree)->removeType == OBJECT_EXTENSION ||
				reinterpret_cast<DropStmt *>(parsetree)->removeType == OBJECT_TYPE ||
				reinterpret_cast<DropStmt *>(parsetree)->removeType == OBJECT_DOMAIN)
				RemoveObjects(reinterpret_cast<DropStmt *>(parsetree));
			else
				RemoveRelations(reinterpret_cast<DropStmt *>(parsetree));
			break;
		case T_CreateEnumStmt:
			(void) DefineEnum(reinterpret_cast<CreateEnumStmt *>(parsetree));
			break;
		case T_CompositeTypeStmt:
			(void) DefineCompositeType(reinterpret_cast<CompositeTypeStmt *>(parsetree),
									   queryString);
			break;
		case T_AlterEnumStmt:
			AlterEnum(reinterpret_cast<AlterEnumStmt *>(parsetree));
			break;
		case T_CreateDomainStmt:
			(void) DefineDomain(reinterpret_cast<CreateDomainStmt *>(parsetree), queryString);
			break;
		case T_AlterDomainStmt:
			AlterDomain(reinterpret_cast<AlterDomainStmt *>(parsetree), queryString);
			break;
		case T_CreateExtensionStmt:
			(void) CreateExtension(reinterpret_cast<CreateExtensionStmt *>(parsetree));
			break;
		case T_AlterExtensionStmt:
			(void) ExecAlterExtensionStmt(reinterpret_cast<AlterExtensionStmt *>(parsetree));
			break;
		case T_ViewStmt:
			(void) DefineView(reinterpret_cast<ViewStmt *>(parsetree), queryString);
			break;
		case T_CreateTableAsStmt:
			*processed = ExecCreateTableAs(reinterpret_cast<CreateTableAsStmt *>(parsetree),
										   queryString);
			break;
		case T_CreateSeqStmt:
			(void) DefineSequence(reinterpret_cast<CreateSeqStmt *>(parsetree), queryString);
			break;
		case T_AlterSeqStmt:
			AlterSequence(reinterpret_cast<AlterSeqStmt *>(parsetree), queryString);
			break;
		case T_LockStmt:
			LockTableCommand(reinterpret_cast<LockStmt *>(parsetree));
			break;
		case T_CheckPointStmt:
			/* (Tusk's sessions are all the bootstrap superuser's: PostgreSQL's
			 * privilege check has nothing to refuse yet.) */
			RequestCheckpoint(CHECKPOINT_IMMEDIATE | CHECKPOINT_WAIT | CHECKPOINT_FORCE);
			break;
		case T_CommentStmt:
			CommentObject(reinterpret_cast<CommentStmt *>(parsetree));
			break;
		case T_CreateSchemaStmt:
			(void) CreateSchemaCommand(reinterpret_cast<CreateSchemaStmt *>(parsetree),
									   queryString);
			break;
		case T_TruncateStmt:
			ExecuteTruncate(reinterpret_cast<TruncateStmt *>(parsetree));
			break;
		case T_CopyStmt:
		{
			ParseState *pstate = make_parsestate(nullptr);
			pstate->p_sourcetext = queryString;
			DoCopy(pstate, reinterpret_cast<CopyStmt *>(parsetree), processed);
			free_parsestate(pstate);
			break;
		}
		case T_IndexStmt:
			(void) DefineIndex(reinterpret_cast<IndexStmt *>(parsetree), queryString);
			break;
		case T_AlterTableStmt:
			AlterTable(reinterpret_cast<AlterTableStmt *>(parsetree), queryString);
			break;
		case T_RenameStmt:
		{
			auto *rename = reinterpret_cast<RenameStmt *>(parsetree);
			if (rename->renameType == OBJECT_ROLE)
				RenameRole(rename->subname, rename->newname);
			else if (rename->renameType == OBJECT_DOMAIN ||
					 rename->renameType == OBJECT_DOMCONSTRAINT)
				RenameDomain(rename);
			else
				ExecRenameStmt(rename);
			break;
		}
		case T_CreateRoleStmt:
		case T_AlterRoleStmt:
		{
			ParseState *pstate = make_parsestate(nullptr);
			pstate->p_sourcetext = queryString;
			if (IsA(parsetree, CreateRoleStmt))
				(void) CreateRole(pstate, reinterpret_cast<CreateRoleStmt *>(parsetree));
			else
				(void) AlterRole(pstate, reinterpret_cast<AlterRoleStmt *>(parsetree));
			break;
		}
		case T_AlterRoleSetStmt:
			(void) AlterRoleSet(reinterpret_cast<AlterRoleSetStmt *>(parsetree));
			break;
		case T_DropRoleStmt:
			DropRole(reinterpret_cast<DropRoleStmt *>(parsetree));
			break;
		case T_GrantRoleStmt:
			GrantRole(reinterpret_cast<GrantRoleStmt *>(parsetree));
			break;
		case T_AlterObjectSchemaStmt:
			AlterTableNamespace(reinterpret_cast<AlterObjectSchemaStmt *>(parsetree));
			break;
		case T_VariableSetStmt:
			ExecSetVariable(reinterpret_cast<VariableSetStmt *>(parsetree));
			break;
		case T_ExplainStmt:
			ExplainQuery(reinterpret_cast<ExplainStmt *>(parsetree), queryString, dest);
			break;
		case T_VariableShowStmt:
		{
			VariableShowStmt *stmt = reinterpret_cast<VariableShowStmt *>(parsetree);
			if (strcmp(stmt->name, "all") == 0)
				ShowAllVariables(dest);
			else
				ShowVariable(stmt->name, dest);
			break;
		}
		case T_PrepareStmt:
			PrepareQuery(reinterpret_cast<PrepareStmt *>(parsetree), queryString,
						 pstmt->stmt_location, pstmt->stmt_len);
			break;
		case T_ExecuteStmt:
			(void) ExecuteQueryWithTag(reinterpret_cast<ExecuteStmt *>(parsetree), queryString,
									   nullptr, dest);
			break;
		case T_DeallocateStmt:
			DeallocateQuery(reinterpret_cast<DeallocateStmt *>(parsetree));
			break;
		case T_CreatedbStmt:
		case T_DropdbStmt:
		{
			ParseState *pstate = make_parsestate(nullptr);
			pstate->p_sourcetext = queryString;
			if (IsA(parsetree, CreatedbStmt))
				(void) createdb(pstate, reinterpret_cast<CreatedbStmt *>(parsetree));
			else
				DropDatabase(pstate, reinterpret_cast<DropdbStmt *>(parsetree));
			break;
		}
		case T_VacuumStmt:
			ExecVacuum(reinterpret_cast<VacuumStmt *>(parsetree), queryString);
			break;
		case T_DiscardStmt:
			DiscardCommand(reinterpret_cast<DiscardStmt *>(parsetree));
			break;
		case T_AlterOwnerStmt:
			ExecAlterOwnerStmt(reinterpret_cast<AlterOwnerStmt *>(parsetree));
			break;
		case T_DropOwnedStmt:
			DropOwnedObjects(reinterpret_cast<DropOwnedStmt *>(parsetree));
			break;
		case T_ReassignOwnedStmt:
			ReassignOwnedObjects(reinterpret_cast<ReassignOwnedStmt *>(parsetree));
			break;
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s is not supported yet", CreateCommandName(parsetree)));
	}
}

bool UtilityReturnsTuples(Node *parsetree)
{
	switch (nodeTag(parsetree))
	{
		case T_VariableShowStmt:
			return true;
		case T_FetchStmt:
			return !reinterpret_cast<FetchStmt *>(parsetree)->ismove;
		case T_ExecuteStmt:
		{
			PreparedStatement *entry =
				FetchPreparedStatement(reinterpret_cast<ExecuteStmt *>(parsetree)->name, false);
			return entry != nullptr && entry->plansource->resultDesc != nullptr;
		}
		default:
			return false;
	}
}

TupleDesc UtilityTupleDescriptor(Node *parsetree)
{
	switch (nodeTag(parsetree))
	{
		case T_VariableShowStmt:
		{
			const char *name = reinterpret_cast<VariableShowStmt *>(parsetree)->name;
			if (strcmp(name, "all") == 0)
				return ShowAllDesc();
			return ShowVariableDesc(name);
		}
		case T_ExecuteStmt:
		{
			PreparedStatement *entry =
				FetchPreparedStatement(reinterpret_cast<ExecuteStmt *>(parsetree)->name, false);
			if (entry == nullptr || entry->plansource->resultDesc == nullptr)
				return nullptr;
			return CreateTupleDescCopy(entry->plansource->resultDesc);
		}
		case T_FetchStmt:
			return CursorFetchTupleDesc(reinterpret_cast<FetchStmt *>(parsetree));
		default:
			return nullptr;
	}
}

const char *CreateCommandName(Node *parsetree)
{
	switch (nodeTag(parsetree))
	{
		case T_SelectStmt:
			return "SELECT";
		case T_InsertStmt:
			return "INSERT";
		case T_UpdateStmt:
			return "UPDATE";
		case T_DeleteStmt:
			return "DELETE";
		case T_CreateStmt:
			return "CREATE TABLE";
		case T_DropStmt:
		{
			static std::string tag;
			tag = std::string("DROP ") +
				ObjectTypeName(reinterpret_cast<DropStmt *>(parsetree)->removeType);
			return tag.c_str();
		}
		case T_TransactionStmt:
			switch (reinterpret_cast<TransactionStmt *>(parsetree)->kind)
			{
				case TRANS_STMT_BEGIN:
					return "BEGIN";
				case TRANS_STMT_START:
					return "START TRANSACTION";
				case TRANS_STMT_COMMIT:
					return "COMMIT";
				case TRANS_STMT_ROLLBACK:
				case TRANS_STMT_ROLLBACK_TO:
					return "ROLLBACK";
				case TRANS_STMT_SAVEPOINT:
					return "SAVEPOINT";
				case TRANS_STMT_RELEASE:
					return "RELEASE";
				case TRANS_STMT_PREPARE:
					return "PREPARE TRANSACTION";
				case TRANS_STMT_COMMIT_PREPARED:
					return "COMMIT PREPARED";
				case TRANS_STMT_ROLLBACK_PREPARED:
					return "ROLLBACK PREPARED";
			}
			break;
		case T_VariableSetStmt:
			return reinterpret_cast<VariableSetStmt *>(parsetree)->kind == VAR_RESET ||
					reinterpret_cast<VariableSetStmt *>(parsetree)->kind == VAR_RESET_ALL
				? "RESET"
				: "SET";
		case T_VariableShowStmt:
			return "SHOW";
		case T_CreateSchemaStmt:
			return "CREATE SCHEMA";
		case T_IndexStmt:
			return "CREATE INDEX";
		case T_CreateSeqStmt:
			return "CREATE SEQUENCE";
		case T_AlterSeqStmt:
			return "ALTER SEQUENCE";
		case T_ViewStmt:
			return "CREATE VIEW";
		case T_CreateFunctionStmt:
			return "CREATE FUNCTION";
		case T_CreateExtensionStmt:
			return "CREATE EXTENSION";
		case T_CreateEnumStmt:
		case T_CompositeTypeStmt:
			return "CREATE TYPE";
		case T_AlterEnumStmt:
			return "ALTER TYPE";
		case T_CreateDomainStmt:
			return "CREATE DOMAIN";
		case T_AlterDomainStmt:
			return "ALTER DOMAIN";
		case T_AlterExtensionStmt:
			return "ALTER EXTENSION";
		case T_CreateTableAsStmt:
			return reinterpret_cast<CreateTableAsStmt *>(parsetree)->is_select_into
				? "SELECT"
				: "CREATE TABLE AS";
		case T_CreateRoleStmt:
			return "CREATE ROLE";
		case T_AlterRoleStmt:
		case T_AlterRoleSetStmt:
			return "ALTER ROLE";
		case T_DropRoleStmt:
			return "DROP ROLE";
		case T_GrantRoleStmt:
			return reinterpret_cast<GrantRoleStmt *>(parsetree)->is_grant ? "GRANT ROLE"
																		  : "REVOKE ROLE";
		case T_AlterTableStmt:
		case T_RenameStmt:
		case T_AlterObjectSchemaStmt:
		{
			if (IsA(parsetree, RenameStmt) &&
				reinterpret_cast<RenameStmt *>(parsetree)->renameType == OBJECT_ROLE)
				return "ALTER ROLE";
			if (IsA(parsetree, RenameStmt) &&
				(reinterpret_cast<RenameStmt *>(parsetree)->renameType == OBJECT_DOMAIN ||
				 reinterpret_cast<RenameStmt *>(parsetree)->renameType == OBJECT_DOMCONSTRAINT))
				return "ALTER DOMAIN";
			/* ALTER INDEX / SEQUENCE / VIEW … have their own tags. */
			ObjectType kind = OBJECT_TABLE;
			if (IsA(parsetree, AlterTableStmt))
				kind = reinterpret_cast<AlterTableStmt *>(parsetree)->objtype;
			else if (IsA(parsetree, AlterObjectSchemaStmt))
				kind = reinterpret_cast<AlterObjectSchemaStmt *>(parsetree)->objectType;
			else
			{
				auto *rename = reinterpret_cast<RenameStmt *>(parsetree);
				kind = rename->renameType == OBJECT_COLUMN ? rename->relationType
														   : rename->renameType;
			}
			switch (kind)
			{
				case OBJECT_INDEX:
					return "ALTER INDEX";
				case OBJECT_SEQUENCE:
					return "ALTER SEQUENCE";
				case OBJECT_VIEW:
					return "ALTER VIEW";
				default:
					return "ALTER TABLE";
			}
		}
		case T_TruncateStmt:
			return "TRUNCATE TABLE";
		case T_CopyStmt:
			return "COPY";
		case T_ExplainStmt:
			return "EXPLAIN";
		case T_PrepareStmt:
			return "PREPARE";
		case T_ExecuteStmt:
			return "EXECUTE";
		case T_DeallocateStmt:
			return "DEALLOCATE";
		case T_VacuumStmt:
			return reinterpret_cast<VacuumStmt *>(parsetree)->is_vacuumcmd ? "VACUUM" : "ANALYZE";
		case T_LockStmt:
			return "LOCK TABLE";
		case T_CommentStmt:
			return "COMMENT";
		case T_DiscardStmt:
			switch (reinterpret_cast<DiscardStmt *>(parsetree)->target)
			{
				case DISCARD_PLANS:
					return "DISCARD PLANS";
				case DISCARD_TEMP:
					return "DISCARD TEMP";
				case DISCARD_SEQUENCES:
					return "DISCARD SEQUENCES";
				default:
					return "DISCARD ALL";
			}
		case T_CheckPointStmt:
			return "CHECKPOINT";
		case T_CreatedbStmt:
			return "CREATE DATABASE";
		case T_DropdbStmt:
			return "DROP DATABASE";
		case T_DeclareCursorStmt:
			return "DECLARE CURSOR";
		case T_FetchStmt:
			return reinterpret_cast<FetchStmt *>(parsetree)->ismove ? "MOVE" : "FETCH";
		case T_ClosePortalStmt:
			return "CLOSE CURSOR";
		case T_AlterOwnerStmt:
			switch (reinterpret_cast<AlterOwnerStmt *>(parsetree)->objectType)
			{
				case OBJECT_DATABASE:
					return "ALTER DATABASE";
				case OBJECT_SCHEMA:
					return "ALTER SCHEMA";
				case OBJECT_DOMAIN:
					return "ALTER DOMAIN";
				case OBJECT_TYPE:
					return "ALTER TYPE";
				case OBJECT_PROCEDURE:
					return "ALTER PROCEDURE";
				case OBJECT_ROUTINE:
					return "ALTER ROUTINE";
				default:
					return "ALTER FUNCTION";
			}
		case T_DropOwnedStmt:
			return "DROP OWNED";
		case T_ReassignOwnedStmt:
			return "REASSIGN OWNED";
		default:
			break;
	}
	return "???";
}

std::string CommandCompleteTag(Node *parsetree, CmdType commandType, uint64 processed)
{
	switch (commandType)
	{
		case CMD_SELECT:
			return std::string("SELECT ") + std::to_string(processed);
		case CMD_INSERT:
			return std::string("INSERT 0 ") + std::to_string(processed);
		case CMD_UPDATE:
			return std::string("UPDATE ") + std::to_string(processed);
		case CMD_DELETE:
			return std::string("DELETE ") + std::to_string(processed);
		default:
			break;
	}
	if (IsA(parsetree, CopyStmt))
		return std::string("COPY ") + std::to_string(processed);
	/* CREATE TABLE AS and SELECT INTO report the rows they stored. */
	if (IsA(parsetree, CreateTableAsStmt) && processed != CREATEAS_NO_ROWS)
		return std::string("SELECT ") + std::to_string(processed);
	if (IsA(parsetree, TransactionStmt))
	{
		TransactionStmt *stmt = reinterpret_cast<TransactionStmt *>(parsetree);
		/* COMMIT of a failed block reports ROLLBACK, as PostgreSQL does. */
		if (stmt->kind == TRANS_STMT_COMMIT && processed == 1)
			return "ROLLBACK";
	}
	return CreateCommandName(parsetree);
}
