/*
 * schemacmds.cpp — CREATE SCHEMA (commands/schemacmds.h).
 *
 * Principal entry points: CreateSchemaCommand, RemoveSchemaById.
 *
 * A schema is a pg_namespace row.  The objects created in it depend on
 * it (pg_depend), so DROP SCHEMA refuses while it holds anything unless
 * CASCADE.  CREATE SCHEMA's elements — CREATE TABLE, CREATE INDEX … as
 * worker_spi sends them — run after the row exists, in PostgreSQL's
 * order (sequences, tables, views, indexes), each as its own utility
 * command with the new schema searched and created in first, so that
 * unqualified names inside them mean the new schema's objects.
 */
#include "postgres.h"

#include <vector>

#include "access/htup_details.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_shdepend_fns.h"
#include "commands/owner.h"
#include "commands/schemacmds.h"
#include "miscadmin.h"
#include "tcop/dest.h"
#include "tcop/utility.h"
#include "utils/syscache.h"

namespace {

/* The current user is another role for the life of the object (PostgreSQL's
 * SetUserIdAndSecContext around CREATE SCHEMA's elements); the previous
 * one comes back however the scope is left. */
class CurrentUserOverride
{
  public:
	explicit CurrentUserOverride(Oid roleid) : saved_(MyUserId) { MyUserId = roleid; }
	~CurrentUserOverride() { MyUserId = saved_; }
	CurrentUserOverride(const CurrentUserOverride &) = delete;
	CurrentUserOverride &operator=(const CurrentUserOverride &) = delete;

  private:
	Oid saved_;
};

/* The role AUTHORIZATION names (PostgreSQL's get_rolespec_oid). */
Oid RoleSpecOid(const RoleSpec *role, const char **name)
{
	if (role->roletype != ROLESPEC_CSTRING)
	{
		if (role->roletype == ROLESPEC_PUBLIC)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("role \"%s\" does not exist", "public"));
		HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(MyUserId));
		if (tup == nullptr)
			elog(ERROR, "cache lookup failed for role %u", MyUserId);
		*name = pstrdup(NameStr(reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolname));
		return MyUserId;
	}
	HeapTuple tup = SearchSysCache1(AUTHNAME, CStringGetDatum(role->rolename));
	if (tup == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("role \"%s\" does not exist", role->rolename));
	*name = role->rolename;
	return reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->oid;
}

/* An element naming another schema than the one being created: 42P15. */
void CheckElementSchema(RangeVar *rv, const char *schemaname)
{
	if (rv == nullptr)
		return;
	if (rv->schemaname == nullptr)
	{
		rv->schemaname = pstrdup(schemaname);
		return;
	}
	if (strcmp(rv->schemaname, schemaname) != 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_SCHEMA_DEFINITION),
				errmsg("CREATE specifies a schema (%s) different from the one being created (%s)",
					   rv->schemaname, schemaname));
}

/* The elements in the order PostgreSQL runs them: sequences, tables,
 * views, indexes (so an index may name a table created after it). */
std::vector<Node *> OrderElements(List *elements, const char *schemaname)
{
	std::vector<Node *> sequences, tables, views, indexes;
	ListCell *lc;
	foreach (lc, elements)
	{
		Node *elt = static_cast<Node *>(lfirst(lc));
		switch (nodeTag(elt))
		{
			case T_CreateSeqStmt:
				CheckElementSchema(reinterpret_cast<CreateSeqStmt *>(elt)->sequence, schemaname);
				sequences.push_back(elt);
				break;
			case T_CreateStmt:
				CheckElementSchema(reinterpret_cast<CreateStmt *>(elt)->relation, schemaname);
				tables.push_back(elt);
				break;
			case T_ViewStmt:
				CheckElementSchema(reinterpret_cast<ViewStmt *>(elt)->view, schemaname);
				views.push_back(elt);
				break;
			case T_IndexStmt:
				CheckElementSchema(reinterpret_cast<IndexStmt *>(elt)->relation, schemaname);
				indexes.push_back(elt);
				break;
			default:
				elog(ERROR, "unrecognized node type: %d", static_cast<int>(nodeTag(elt)));
		}
	}
	std::vector<Node *> ordered = sequences;
	ordered.insert(ordered.end(), tables.begin(), tables.end());
	ordered.insert(ordered.end(), views.begin(), views.end());
	ordered.insert(ordered.end(), indexes.begin(), indexes.end());
	return ordered;
}

}  // namespace

Oid CreateSchemaCommand(CreateSchemaStmt *stmt, const char *queryString)
{
	const char *schemaname = stmt->schemaname;
	Oid owner = MyUserId;
	if (stmt->authrole != nullptr)
	{
		const char *rolename = nullptr;
		owner = RoleSpecOid(stmt->authrole, &rolename);
		if (schemaname == nullptr)
			schemaname = rolename;
		/* Only for a role one could become (PostgreSQL's
		 * check_is_member_of_role). */
		CheckIsMemberOfRole(GetUserId(), owner);
	}
	if (strncmp(schemaname, "pg_", 3) == 0)
		ereport(ERROR, errcode(ERRCODE_RESERVED_NAME),
				errmsg("unacceptable schema name \"%s\"", schemaname),
				errdetail("The prefix \"pg_\" is reserved for system schemas."));
	if (OidIsValid(get_namespace_oid(schemaname, true)))
	{
		if (stmt->if_not_exists)
		{
			ereport(NOTICE, errcode(ERRCODE_DUPLICATE_SCHEMA),
					errmsg("schema \"%s\" already exists, skipping", schemaname));
			return InvalidOid;
		}
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_SCHEMA),
				errmsg("schema \"%s\" already exists", schemaname));
	}

	Oid nspoid = GetNewObjectId();
	Relation pg_namespace = relation_open(NamespaceRelationId, RowExclusiveLock);
	CatalogRow row(pg_namespace);
	row.Set(Anum_pg_namespace_oid, ObjectIdGetDatum(nspoid))
		.SetName(Anum_pg_namespace_nspname, schemaname)
		.Set(Anum_pg_namespace_nspowner, ObjectIdGetDatum(owner))
		.SetNull(Anum_pg_namespace_nspacl);
	CatalogTupleInsert(pg_namespace, row.Form());
	relation_close(pg_namespace, RowExclusiveLock);
	ObjectAddress myself;
	ObjectAddressSet(myself, NamespaceRelationId, nspoid);
	recordDependencyOnCurrentExtension(&myself, false);
	recordDependencyOnOwner(NamespaceRelationId, nspoid, owner);
	CommandCounterIncrement();

	std::vector<Node *> elements = OrderElements(stmt->schemaElts, schemaname);
	SearchPathOverride path(nspoid);
	/* The elements are created by, and so owned by, the schema's owner. */
	CurrentUserOverride as_owner(owner);
	for (Node *elt : elements)
	{
		PlannedStmt *sub = makeNode(PlannedStmt);
		sub->commandType = CMD_UTILITY;
		sub->canSetTag = false;
		sub->utilityStmt = elt;
		sub->stmt_location = -1;
		sub->stmt_len = 0;
		uint64 processed;
		ProcessUtility(sub, queryString, None_Receiver, &processed);
		CommandCounterIncrement();
	}
	return nspoid;
}

void RemoveSchemaById(Oid schemaOid)
{
	HeapTuple tup = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(schemaOid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for namespace %u", schemaOid);
	Relation pg_namespace = relation_open(NamespaceRelationId, RowExclusiveLock);
	CatalogTupleDelete(pg_namespace, &tup->t_self);
	relation_close(pg_namespace, RowExclusiveLock);
}
