/*
 * comment.cpp — COMMENT ON (commands/comment.h).
 *
 * Principal entry points: CommentObject, CreateComments, DeleteComments.
 *
 * A comment is a pg_description row (object OID, its catalog, column
 * number) — pg_shdescription for shared objects such as databases —
 * replaced by a new COMMENT, removed by COMMENT … IS NULL or '' and when
 * the object is dropped (catalog/dependency.cpp).
 */
#include "postgres.h"

#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_constraint_fns.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_description_d.h"
#include "catalog/pg_extension_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_shdescription_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "commands/comment.h"
#include "commands/extension.h"
#include "commands/defrem.h"
#include "commands/owner.h"
#include "commands/typecmds.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "storage/lmgr.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

/* Replace (or delete, when comment is NULL or empty) the description row
 * of catalog (pg_description or pg_shdescription) matching match(). */
template <typename Match, typename Fill>
void StoreDescription(Oid catalog, AttrNumber textcol, Match &&match, Fill &&fill,
					  const char *comment)
{
	bool remove = comment == nullptr || comment[0] == '\0';
	Relation rel = relation_open(catalog, RowExclusiveLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	std::vector<ItemPointerData> existing;
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
		if (match(t, RelationGetDescr(rel)))
			existing.push_back(t->t_self);
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	for (ItemPointerData &tid : existing)
		CatalogTupleDelete(rel, &tid);
	if (!remove)
	{
		CatalogRow row(rel);
		fill(row);
		row.Set(textcol, PointerGetDatum(cstring_to_text(comment)));
		CatalogTupleInsert(rel, row.Form());
	}
	relation_close(rel, RowExclusiveLock);
}

Oid Col(HeapTuple t, TupleDesc desc, AttrNumber col)
{
	bool isnull;
	return DatumGetObjectId(heap_getattr(t, col, desc, &isnull));
}

/* The relation a COMMENT names, locked, checked against the kind asked. */
Oid CommentedRelation(List *names, ObjectType objtype)
{
	char *schemaname;
	char *relname;
	DeconstructQualifiedName(names, &schemaname, &relname);
	RangeVar *rv = makeNode(RangeVar);
	rv->schemaname = schemaname;
	rv->relname = relname;
	rv->location = -1;
	Oid relid = RangeVarGetRelid(rv, ShareUpdateExclusiveLock, false);
	char relkind = get_rel_relkind(relid);
	const char *want = nullptr;
	switch (objtype)
	{
		case OBJECT_TABLE:
			if (relkind != RELKIND_RELATION && relkind != 'p')
				want = "a table";
			break;
		case OBJECT_INDEX:
			if (relkind != 'i' && relkind != 'I')
				want = "an index";
			break;
		case OBJECT_SEQUENCE:
			if (relkind != RELKIND_SEQUENCE)
				want = "a sequence";
			break;
		case OBJECT_VIEW:
			if (relkind != 'v')
				want = "a view";
			break;
		default:
			break;
	}
	if (want != nullptr)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is not %s", relname, want));
	/* Only the owner comments (a column's, a constraint's: "relation"). */
	if (!ObjectOwnerCheck(RelationRelationId, relid, GetUserId()))
		ReportNotOwner(objtype, get_rel_name(relid));
	return relid;
}

/* ERROR unless the current user owns the object commented on. */
void CheckCommentOwner(Oid classId, Oid objectId, ObjectType objtype, const char *name)
{
	if (!ObjectOwnerCheck(classId, objectId, GetUserId()))
		ReportNotOwner(objtype, name);
}

}  // namespace

void CreateComments(Oid oid, Oid classoid, int32 subid, const char *comment)
{
	StoreDescription(
		DescriptionRelationId, Anum_pg_description_description,
		[&](HeapTuple t, TupleDesc desc) {
			bool isnull;
			return Col(t, desc, Anum_pg_description_objoid) == oid &&
				Col(t, desc, Anum_pg_description_classoid) == classoid &&
				DatumGetInt32(heap_getattr(t, Anum_pg_description_objsubid, desc, &isnull)) ==
				subid;
		},
		[&](CatalogRow &row) {
			row.Set(Anum_pg_description_objoid, ObjectIdGetDatum(oid))
				.Set(Anum_pg_description_classoid, ObjectIdGetDatum(classoid))
				.Set(Anum_pg_description_objsubid, Int32GetDatum(subid));
		},
		comment);
}

void CreateSharedComments(Oid oid, Oid classoid, const char *comment)
{
	StoreDescription(
		SharedDescriptionRelationId, Anum_pg_shdescription_description,
		[&](HeapTuple t, TupleDesc desc) {
			return Col(t, desc, Anum_pg_shdescription_objoid) == oid &&
				Col(t, desc, Anum_pg_shdescription_classoid) == classoid;
		},
		[&](CatalogRow &row) {
			row.Set(Anum_pg_shdescription_objoid, ObjectIdGetDatum(oid))
				.Set(Anum_pg_shdescription_classoid, ObjectIdGetDatum(classoid));
		},
		comment);
}

void DeleteComments(Oid oid, Oid classoid, int32 subid)
{
	Relation rel = relation_open(DescriptionRelationId, RowExclusiveLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	std::vector<ItemPointerData> doomed;
	TupleDesc desc = RelationGetDescr(rel);
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		bool isnull;
		if (Col(t, desc, Anum_pg_description_objoid) == oid &&
			Col(t, desc, Anum_pg_description_classoid) == classoid &&
			(subid == 0 ||
			 DatumGetInt32(heap_getattr(t, Anum_pg_description_objsubid, desc, &isnull)) == subid))
			doomed.push_back(t->t_self);
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	for (ItemPointerData &tid : doomed)
		CatalogTupleDelete(rel, &tid);
	relation_close(rel, RowExclusiveLock);
}

void CommentObject(CommentStmt *stmt)
{
	switch (stmt->objtype)
	{
		case OBJECT_TABLE:
		case OBJECT_INDEX:
		case OBJECT_SEQUENCE:
		case OBJECT_VIEW:
		{
			Oid relid = CommentedRelation(reinterpret_cast<List *>(stmt->object), stmt->objtype);
			CreateComments(relid, RelationRelationId, 0, stmt->comment);
			break;
		}
		case OBJECT_COLUMN:
		{
			List *names = reinterpret_cast<List *>(stmt->object);
			if (list_length(names) < 2)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("column name must be qualified"));
			const char *colname = strVal(llast(names));
			List *relnames = list_truncate(list_copy(names), list_length(names) - 1);
			Oid relid = CommentedRelation(relnames, OBJECT_COLUMN);
			HeapTuple att = SearchSysCache2(ATTNAME, ObjectIdGetDatum(relid),
											CStringGetDatum(colname));
			if (att == nullptr || reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att))->attnum <= 0)
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
						errmsg("column \"%s\" of relation \"%s\" does not exist", colname,
							   get_rel_name(relid)));
			CreateComments(relid, RelationRelationId,
						   reinterpret_cast<Form_pg_attribute>(GETSTRUCT(att))->attnum,
						   stmt->comment);
			break;
		}
		case OBJECT_SCHEMA:
		{
			Oid nsp = get_namespace_oid(strVal(stmt->object), false);
			CheckCommentOwner(NamespaceRelationId, nsp, OBJECT_SCHEMA, strVal(stmt->object));
			CreateComments(nsp, NamespaceRelationId, 0, stmt->comment);
			break;
		}
		case OBJECT_TABCONSTRAINT:
		{
			List *names = reinterpret_cast<List *>(stmt->object);
			const char *conname = strVal(llast(names));
			List *relnames = list_truncate(list_copy(names), list_length(names) - 1);
			Oid relid = CommentedRelation(relnames, OBJECT_TABCONSTRAINT);
			Oid conoid = get_relation_constraint_oid(relid, conname);
			if (!OidIsValid(conoid))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("constraint \"%s\" for table \"%s\" does not exist", conname,
							   get_rel_name(relid)));
			CreateComments(conoid, ConstraintRelationId, 0, stmt->comment);
			break;
		}
		case OBJECT_DATABASE:
		{
			const char *dbname = strVal(stmt->object);
			Oid dboid = InvalidOid;
			{
				Relation pg_database = relation_open(DatabaseRelationId, AccessShareLock);
				Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
				HeapScanDesc scan = heap_beginscan(pg_database, snapshot);
				while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
				{
					auto *db = reinterpret_cast<Form_pg_database>(GETSTRUCT(t));
					if (strcmp(NameStr(db->datname), dbname) == 0)
						dboid = db->oid;
				}
				heap_endscan(scan);
				UnregisterSnapshot(snapshot);
				relation_close(pg_database, AccessShareLock);
			}
			/* Only a WARNING, as in PostgreSQL: a dump restored under
			 * another database name still loads. */
			if (!OidIsValid(dboid))
			{
				ereport(WARNING, errcode(ERRCODE_UNDEFINED_DATABASE),
						errmsg("database \"%s\" does not exist", dbname));
				break;
			}
			CheckCommentOwner(DatabaseRelationId, dboid, OBJECT_DATABASE, dbname);
			CreateSharedComments(dboid, DatabaseRelationId, stmt->comment);
			break;
		}
		case OBJECT_ROLE:
		{
			/* A role is "owned" by those with CREATEROLE, a superuser only by
			 * superusers (PostgreSQL's check_object_ownership). */
			const char *rolname = strVal(stmt->object);
			Oid roleid = get_role_oid(rolname, false);
			if (superuser_arg(roleid))
			{
				if (!superuser())
					ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
							errmsg("must be superuser"));
			}
			else if (!have_createrole_privilege())
				ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
						errmsg("must have CREATEROLE privilege"));
			CreateSharedComments(roleid, AuthIdRelationId, stmt->comment);
			break;
		}
		case OBJECT_FUNCTION:
		{
			auto *func = castNode(ObjectWithArgs, stmt->object);
			Oid funcid = LookupFuncWithArgs(func, false);
			CheckCommentOwner(ProcedureRelationId, funcid, OBJECT_FUNCTION,
							  NameListToString(func->objname));
			CreateComments(funcid, ProcedureRelationId, 0, stmt->comment);
			break;
		}
		case OBJECT_EXTENSION:
		{
			Oid extoid = get_extension_oid(strVal(stmt->object), false);
			CheckCommentOwner(ExtensionRelationId, extoid, OBJECT_EXTENSION, strVal(stmt->object));
			CreateComments(extoid, ExtensionRelationId, 0, stmt->comment);
			break;
		}
		case OBJECT_TYPE:
		{
			Oid typid = LookupTypeNameForDrop(castNode(TypeName, stmt->object), false);
			CheckCommentOwner(TypeRelationId, typid, OBJECT_TYPE, format_type_be(typid));
			CreateComments(typid, TypeRelationId, 0, stmt->comment);
			break;
		}
		case OBJECT_DOMAIN:
		{
			auto *tn = castNode(TypeName, stmt->object);
			Oid typid = LookupTypeNameForDrop(tn, false);
			if (get_typtype(typid) != TYPTYPE_DOMAIN)
				ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
						errmsg("\"%s\" is not a domain", NameListToString(tn->names)));
			CheckCommentOwner(TypeRelationId, typid, OBJECT_TYPE, format_type_be(typid));
			CreateComments(typid, TypeRelationId, 0, stmt->comment);
			break;
		}
		case OBJECT_DOMCONSTRAINT:
		{
			List *parts = castNode(List, stmt->object);
			Oid typid = LookupTypeNameForDrop(castNode(TypeName, linitial(parts)), false);
			const char *conname = strVal(lsecond(parts));
			CheckCommentOwner(TypeRelationId, typid, OBJECT_TYPE, format_type_be(typid));
			Oid conoid = get_domain_constraint_oid(typid, conname);
			if (!OidIsValid(conoid))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("constraint \"%s\" for domain %s does not exist", conname,
							   format_type_be(typid)));
			CreateComments(conoid, ConstraintRelationId, 0, stmt->comment);
			break;
		}
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("COMMENT ON this kind of object is not supported yet"));
	}
}
