/*
 * ruleutils_constraint.cpp — pg_get_constraintdef: a constraint back to
 * the SQL that would create it, as PostgreSQL 15's ruleutils.c prints it
 * (what psql's \d shows under "Check constraints:", "Foreign-key
 * constraints:" and beside an index).
 *
 * Principal entry points: pg_get_constraintdef, pg_get_constraintdef_ext.
 * A CHECK's expression is printed by pg_get_expr (ruleutils.cpp).
 */
#include "postgres.h"

#include <string>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "access/relation.h"
#include "catalog/namespace.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_index_d.h"
#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "nodes/parsenodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

/* The names of relid's columns atts, quoted as needed, comma-separated. */
std::string ColumnNames(Oid relid, HeapTuple tup, int attno, TupleDesc desc)
{
	bool isnull;
	Datum d = heap_getattr(tup, attno, desc, &isnull);
	if (isnull)
		elog(ERROR, "null column list for constraint");
	Datum *elems;
	int n;
	deconstruct_array(DatumGetArrayTypeP(d), INT2OID, 2, true, 's', &elems, nullptr, &n);
	Relation rel = relation_open(relid, AccessShareLock);
	std::string out;
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			out += ", ";
		AttrNumber a = DatumGetInt16(elems[i]);
		out += quote_identifier(NameStr(TupleDescAttr(RelationGetDescr(rel), a - 1)->attname));
	}
	relation_close(rel, AccessShareLock);
	return out;
}

/* A relation's name, schema-qualified when the search path would not
 * find it (PostgreSQL's generate_relation_name). */
std::string RelationName(Oid relid)
{
	std::string name = quote_identifier(get_rel_name(relid));
	if (!RelationIsVisible(relid))
		name = std::string(quote_identifier(get_namespace_name(get_rel_namespace(relid)))) + "." +
			name;
	return name;
}

const char *ActionWord(char action)
{
	switch (action)
	{
		case FKCONSTR_ACTION_RESTRICT:
			return "RESTRICT";
		case FKCONSTR_ACTION_CASCADE:
			return "CASCADE";
		case FKCONSTR_ACTION_SETNULL:
			return "SET NULL";
		case FKCONSTR_ACTION_SETDEFAULT:
			return "SET DEFAULT";
		default:
			return nullptr;
	}
}

/* The INCLUDE columns of a unique or primary key's index, or "". */
std::string IncludedColumns(Oid indexoid)
{
	Relation index = relation_open(indexoid, AccessShareLock);
	Form_pg_index form = index->rd_index;
	std::string out;
	for (int i = form->indnkeyatts; i < form->indnatts; i++)
	{
		if (!out.empty())
			out += ", ";
		out += quote_identifier(NameStr(TupleDescAttr(RelationGetDescr(index), i)->attname));
	}
	relation_close(index, AccessShareLock);
	return out;
}

Datum ConstraintDef(FunctionCallInfo fcinfo, Oid conoid, bool pretty)
{
	Relation pg_constraint = relation_open(ConstraintRelationId, AccessShareLock);
	TupleDesc desc = RelationGetDescr(pg_constraint);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(pg_constraint, snapshot);
	HeapTuple tup = nullptr;
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
		if (reinterpret_cast<Form_pg_constraint>(GETSTRUCT(t))->oid == conoid)
		{
			tup = heap_copytuple(t);
			break;
		}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	if (tup == nullptr)
	{
		relation_close(pg_constraint, AccessShareLock);
		PG_RETURN_NULL(); /* PostgreSQL's missing_ok form, as it answers */
	}
	auto *form = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(tup));
	std::string def;
	switch (form->contype)
	{
		case CONSTRAINT_FOREIGN:
		{
			def = "FOREIGN KEY (" +
				ColumnNames(form->conrelid, tup, Anum_pg_constraint_conkey, desc) +
				") REFERENCES " + RelationName(form->confrelid) + "(" +
				ColumnNames(form->confrelid, tup, Anum_pg_constraint_confkey, desc) + ")";
			if (form->confmatchtype == FKCONSTR_MATCH_FULL)
				def += " MATCH FULL";
			else if (form->confmatchtype == FKCONSTR_MATCH_PARTIAL)
				def += " MATCH PARTIAL";
			if (const char *w = ActionWord(form->confupdtype))
				def += std::string(" ON UPDATE ") + w;
			if (const char *w = ActionWord(form->confdeltype))
				def += std::string(" ON DELETE ") + w;
			if (!heap_attisnull(tup, Anum_pg_constraint_confdelsetcols, desc))
				def += " (" +
					ColumnNames(form->conrelid, tup, Anum_pg_constraint_confdelsetcols, desc) + ")";
			break;
		}
		case CONSTRAINT_PRIMARY:
		case CONSTRAINT_UNIQUE:
		{
			def = form->contype == CONSTRAINT_PRIMARY ? "PRIMARY KEY " : "UNIQUE ";
			if (OidIsValid(form->conindid))
			{
				HeapTuple itup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(form->conindid));
				if (itup != nullptr &&
					reinterpret_cast<Form_pg_index>(GETSTRUCT(itup))->indnullsnotdistinct)
					def += "NULLS NOT DISTINCT ";
				if (itup != nullptr)
					ReleaseSysCache(itup);
			}
			def += "(" + ColumnNames(form->conrelid, tup, Anum_pg_constraint_conkey, desc) + ")";
			if (OidIsValid(form->conindid))
			{
				std::string included = IncludedColumns(form->conindid);
				if (!included.empty())
					def += " INCLUDE (" + included + ")";
			}
			break;
		}
		case CONSTRAINT_CHECK:
		{
			bool isnull;
			Datum bin = heap_getattr(tup, Anum_pg_constraint_conbin, desc, &isnull);
			if (isnull)
				elog(ERROR, "null conbin for constraint %u", conoid);
			Datum deparsed = DirectFunctionCall3(pg_get_expr_ext, bin,
												 ObjectIdGetDatum(form->conrelid),
												 BoolGetDatum(pretty));
			/* Non-pretty expressions come in parentheses already;
			 * PostgreSQL adds its own all the same. */
			def = "CHECK (" + std::string(TextDatumGetCString(deparsed)) + ")";
			if (form->connoinherit)
				def += " NO INHERIT";
			break;
		}
		default:
			relation_close(pg_constraint, AccessShareLock);
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("pg_get_constraintdef of constraint type \"%c\" is not supported yet",
						   form->contype));
	}
	if (form->condeferrable)
		def += " DEFERRABLE";
	if (form->condeferred)
		def += " INITIALLY DEFERRED";
	if (!form->convalidated)
		def += " NOT VALID";
	relation_close(pg_constraint, AccessShareLock);
	PG_RETURN_TEXT_P(cstring_to_text(def.c_str()));
}

}  // namespace

/* pg_get_constraintdef(constraint oid) */
Datum pg_get_constraintdef(PG_FUNCTION_ARGS)
{
	return ConstraintDef(fcinfo, PG_GETARG_OID(0), false);
}

/* pg_get_constraintdef(constraint oid, pretty bool) */
Datum pg_get_constraintdef_ext(PG_FUNCTION_ARGS)
{
	return ConstraintDef(fcinfo, PG_GETARG_OID(0), PG_GETARG_BOOL(1));
}
