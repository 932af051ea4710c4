/*
 * commands/user.h — CREATE / ALTER / DROP ROLE, role membership, the
 * role and session_authorization settings (PostgreSQL's commands/user.h
 * and the role part of commands/variable.h).
 *
 * See backend/commands/user.cpp and doc/commands/roles.md.
 */
#ifndef TUSK_COMMANDS_USER_H
#define TUSK_COMMANDS_USER_H

#include "nodes/parsenodes.h"
#include "utils/guc.h"

struct ParseState;

extern Oid CreateRole(struct ParseState *pstate, CreateRoleStmt *stmt);
extern Oid AlterRole(struct ParseState *pstate, AlterRoleStmt *stmt);
extern Oid AlterRoleSet(AlterRoleSetStmt *stmt);
extern void DropRole(DropRoleStmt *stmt);
extern void RenameRole(const char *oldname, const char *newname);
extern void GrantRole(GrantRoleStmt *stmt);

/* At connection start, inside the start-up transaction: apply the
 * ALTER ROLE / ALTER ROLE ALL … SET values for this database and role
 * (PostgreSQL's process_settings). */
extern void ApplyRoleSettings(Oid databaseid, Oid roleid, bool superuser);

/* At connection start: the session user (just set in MyUserId,
 * SessionUserId) is or is not a superuser; no SET ROLE is in effect. */
extern void InitializeRoleState(const char *rolename, bool superuser);

/* GUC hooks of "role" and "session_authorization". */
extern bool check_role(char **newval, void **extra, GucSource source);
extern void assign_role(const char *newval, void *extra);
extern const char *show_role(void);
extern bool check_session_authorization(char **newval, void **extra, GucSource source);
extern void assign_session_authorization(const char *newval, void *extra);

#endif /* TUSK_COMMANDS_USER_H */
