/*
 * ruleutils_index.cpp — pg_get_indexdef: an index back to the CREATE INDEX
 * statement that would make it, as PostgreSQL 15's ruleutils.c prints it
 * (psql's \d lists the part after "USING"; \d INDEX shows one column's
 * definition; pg_dump and pg_indexes print the whole statement).
 *
 * Principal entry points: pg_get_indexdef (oid), pg_get_indexdef_ext
 * (oid, column, pretty).  A partial index's predicate is printed by
 * pg_get_expr (ruleutils.cpp), in the same pretty or plain form.
 *
 * See also: ruleutils_constraint.cpp (the constraint an index backs),
 * doc/utils/ruleutils/README.md.
 */
#include "postgres.h"

#include <string>

#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/namespace.h"
#include "access/tupdesc.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_collation_d.h"
#include "catalog/pg_index_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_opclass_d.h"
#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/ruleutils.h"
#include "utils/syscache.h"

namespace {

/* indoption bits (PostgreSQL's INDOPTION_DESC, INDOPTION_NULLS_FIRST). */
constexpr int16 kIndoptionDesc = 0x0001;
constexpr int16 kIndoptionNullsFirst = 0x0002;

/* A relation's name schema-qualified (generate_qualified_relation_name),
 * or only when the search path would not find it (generate_relation_name,
 * the pretty form). */
std::string IndexRelationName(Oid relid, bool always_qualify)
{
	std::string name = quote_identifier(get_rel_name(relid));
	if (always_qualify || !RelationIsVisible(relid))
	{
		std::string qualified = quote_identifier(get_namespace_name(get_rel_namespace(relid)));
		qualified += '.';
		qualified += name;
		return qualified;
	}
	return name;
}

/* " opclass" unless opclass is the default one for a column of type
 * `type` (PostgreSQL's get_opclass_name): a default class whose input
 * type is the column's, or the default class the column's type reaches
 * without an exact one of its own (varchar → text_ops). */
std::string OpclassDecoration(Oid opclass, Oid type)
{
	HeapTuple tup = SearchSysCache1(CLAOID, ObjectIdGetDatum(opclass));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for opclass %u", opclass);
	auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(tup));
	bool is_default = form->opcdefault && form->opcintype == type;
	if (form->opcdefault && !is_default)
	{
		bool exact_exists = false;
		CatCList *list = SearchSysCacheList1(CLAAMNAMENSP, ObjectIdGetDatum(form->opcmethod));
		for (int i = 0; i < list->n_members; i++)
		{
			auto *other = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(list->members[i]));
			exact_exists |= other->opcdefault && other->opcintype == type;
		}
		ReleaseSysCacheList(list);
		is_default = !exact_exists;
	}
	std::string out;
	if (!is_default)
	{
		out += ' ';
		if (!DatumGetBool(DirectFunctionCall1(pg_opclass_is_visible, ObjectIdGetDatum(opclass))))
		{
			out += quote_identifier(get_namespace_name(form->opcnamespace));
			out += '.';
		}
		out += quote_identifier(NameStr(form->opcname));
	}
	ReleaseSysCache(tup);
	return out;
}

/* " COLLATE name", qualified when not visible (generate_collation_name). */
std::string CollationDecoration(Oid collation)
{
	HeapTuple tup = SearchSysCache1(COLLOID, ObjectIdGetDatum(collation));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for collation %u", collation);
	auto *form = reinterpret_cast<Form_pg_collation>(GETSTRUCT(tup));
	std::string out = " COLLATE ";
	if (!DatumGetBool(DirectFunctionCall1(pg_collation_is_visible, ObjectIdGetDatum(collation))))
	{
		out += quote_identifier(get_namespace_name(form->collnamespace));
		out += '.';
	}
	out += quote_identifier(NameStr(form->collname));
	ReleaseSysCache(tup);
	return out;
}

/* "name=value, …" from pg_class.reloptions, a value quoted unless it
 * reads as a plain identifier (PostgreSQL's flatten_reloptions), or "". */
std::string FlattenReloptions(Oid relid)
{
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	bool isnull;
	Datum d = SysCacheGetAttr(RELOID, tup, Anum_pg_class_reloptions, &isnull);
	std::string out;
	if (!isnull)
	{
		Datum *elems;
		int n;
		deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, 'i', &elems, nullptr, &n);
		for (int i = 0; i < n; i++)
		{
			std::string opt = TextDatumGetCString(elems[i]);
			size_t eq = opt.find('=');
			std::string name = opt.substr(0, eq);
			std::string value = eq == std::string::npos ? "" : opt.substr(eq + 1);
			if (i > 0)
				out += ", ";
			out += name;
			out += '=';
			if (value == quote_identifier(value.c_str()))
				out += value;
			else
				out += deparse_string_literal(value.c_str());
		}
	}
	ReleaseSysCache(tup);
	return out;
}

/* PostgreSQL's pg_get_indexdef_worker for what Tusk's indexes can be:
 * column keys (no expressions), INCLUDE columns, a predicate.  colno 0
 * prints the statement; colno n only the n-th column, undecorated. */
Datum IndexDef(FunctionCallInfo fcinfo, Oid indexoid, int colno, bool pretty)
{
	HeapTuple idxtup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexoid));
	if (!HeapTupleIsValid(idxtup))
		PG_RETURN_NULL(); /* PostgreSQL's missing_ok form */
	auto *idx = reinterpret_cast<Form_pg_index>(GETSTRUCT(idxtup));
	bool isnull;
	auto *indclass = reinterpret_cast<oidvector *>(
		DatumGetPointer(SysCacheGetAttr(INDEXRELID, idxtup, Anum_pg_index_indclass, &isnull)));
	auto *indcollation = reinterpret_cast<oidvector *>(
		DatumGetPointer(SysCacheGetAttr(INDEXRELID, idxtup, Anum_pg_index_indcollation, &isnull)));
	auto *indoption = reinterpret_cast<int2vector *>(
		DatumGetPointer(SysCacheGetAttr(INDEXRELID, idxtup, Anum_pg_index_indoption, &isnull)));
	Datum pred = SysCacheGetAttr(INDEXRELID, idxtup, Anum_pg_index_indpred, &isnull);
	bool has_pred = !isnull;

	Relation index = relation_open(indexoid, AccessShareLock);
	Oid heapoid = idx->indrelid;
	Relation heap = relation_open(heapoid, AccessShareLock);
	/* Only B-tree orders its keys (the access method's amcanorder). */
	bool canorder = index->rd_rel->relam == BTREE_AM_OID;
	bool attrs_only = colno != 0;

	std::string buf;
	if (!attrs_only)
	{
		HeapTuple amtup = SearchSysCache1(AMOID, ObjectIdGetDatum(index->rd_rel->relam));
		if (!HeapTupleIsValid(amtup))
			elog(ERROR, "cache lookup failed for access method %u", index->rd_rel->relam);
		std::string amname = NameStr(reinterpret_cast<Form_pg_am>(GETSTRUCT(amtup))->amname);
		ReleaseSysCache(amtup);
		buf += idx->indisunique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
		buf += quote_identifier(RelationGetRelationName(index));
		buf += " ON ";
		buf += IndexRelationName(heapoid, !pretty);
		buf += " USING ";
		buf += quote_identifier(amname.c_str());
		buf += " (";
	}

	const char *sep = "";
	for (int keyno = 0; keyno < idx->indnatts; keyno++)
	{
		AttrNumber attnum = idx->indkey.values[keyno];
		if (!attrs_only && keyno == idx->indnkeyatts)
		{
			buf += ") INCLUDE (";
			sep = "";
		}
		if (!attrs_only)
			buf += sep;
		sep = ", ";
		if (attnum == 0)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("pg_get_indexdef of an expression index is not supported yet"));
		Form_pg_attribute att = TupleDescAttr(RelationGetDescr(heap), attnum - 1);
		if (!attrs_only || colno == keyno + 1)
			buf += quote_identifier(NameStr(att->attname));
		if (attrs_only || keyno >= idx->indnkeyatts)
			continue;
		Oid collation = indcollation->values[keyno];
		if (OidIsValid(collation) && collation != att->attcollation)
			buf += CollationDecoration(collation);
		buf += OpclassDecoration(indclass->values[keyno], att->atttypid);
		int16 opt = indoption->values[keyno];
		if (canorder && (opt & kIndoptionDesc) != 0)
		{
			buf += " DESC";
			if ((opt & kIndoptionNullsFirst) == 0)
				buf += " NULLS LAST";
		}
		else if (canorder && (opt & kIndoptionNullsFirst) != 0)
			buf += " NULLS FIRST";
	}

	if (!attrs_only)
	{
		buf += ')';
		if (idx->indnullsnotdistinct)
			buf += " NULLS NOT DISTINCT";
		std::string options = FlattenReloptions(indexoid);
		if (!options.empty())
		{
			buf += " WITH (";
			buf += options;
			buf += ')';
		}
		if (has_pred)
		{
			Datum deparsed = DirectFunctionCall3(pg_get_expr_ext, pred, ObjectIdGetDatum(heapoid),
												 BoolGetDatum(pretty));
			buf += " WHERE ";
			buf += TextDatumGetCString(deparsed);
		}
	}
	relation_close(heap, AccessShareLock);
	relation_close(index, AccessShareLock);
	ReleaseSysCache(idxtup);
	PG_RETURN_TEXT_P(cstring_to_text(buf.c_str()));
}

}  // namespace

Datum pg_get_indexdef(PG_FUNCTION_ARGS)
{
	return IndexDef(fcinfo, PG_GETARG_OID(0), 0, false);
}

Datum pg_get_indexdef_ext(PG_FUNCTION_ARGS)
{
	return IndexDef(fcinfo, PG_GETARG_OID(0), PG_GETARG_INT32(1), PG_GETARG_BOOL(2));
}
