/*
 * foreignkeys.cpp — defining FOREIGN KEY constraints
 * (commands/foreignkeys.h).
 *
 * Principal entry point: AddForeignKeyConstraint, called by CREATE TABLE
 * (after the table and its own indexes exist, so a table may reference
 * itself) and by ALTER TABLE … ADD FOREIGN KEY.
 *
 * As in PostgreSQL, the referenced columns must be exactly the key of a
 * unique index (the primary key when none are named), and each pair of
 * columns must compare with that index's B-tree equality operators,
 * directly or after implicit coercion to the index column's type.
 */
#include "postgres.h"

#include <algorithm>

#include "access/htup_details.h"
#include "access/xact.h"
#include "access/relation.h"
#include "access/stratnum.h"
#include "catalog/namespace.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_constraint_fns.h"
#include "catalog/pg_index_d.h"
#include "commands/foreignkeys.h"
#include "executor/execForeignKeys.h"
#include "nodes/value.h"
#include "parser/parse_coerce.h"
#include "storage/lmgr.h"
#include "utils/format_type.h"
#include "catalog/indexing.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/relcache.h"

namespace {

/* The column of rel called name, or 42703 as PostgreSQL words it. */
AttrNumber FkColumn(Relation rel, const char *name)
{
	TupleDesc desc = RelationGetDescr(rel);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (!att->attisdropped && strcmp(NameStr(att->attname), name) == 0)
			return att->attnum;
	}
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
			errmsg("column \"%s\" referenced in foreign key constraint does not exist", name));
	return 0;
}

/* Whether index (opened) can back a foreign key: unique, immediate, on
 * plain columns, not partial. */
bool UsableUniqueIndex(Relation index)
{
	Form_pg_index form = index->rd_index;
	return form->indisunique && form->indimmediate &&
		heap_attisnull(index->rd_indextuple, Anum_pg_index_indpred, nullptr) &&
		heap_attisnull(index->rd_indextuple, Anum_pg_index_indexprs, nullptr);
}

/* The referenced table's index for the key pkatts (any order); with
 * pkatts empty, its primary key, whose columns are put in pkatts. */
Oid FindReferencedIndex(Relation pkrel, std::vector<AttrNumber> *pkatts)
{
	List *indexes = RelationGetIndexList(pkrel);
	ListCell *lc;
	foreach (lc, indexes)
	{
		Oid indexoid = lfirst_oid(lc);
		Relation index = relation_open(indexoid, AccessShareLock);
		Form_pg_index form = index->rd_index;
		bool match = false;
		if (pkatts->empty())
		{
			if (form->indisprimary)
			{
				for (int i = 0; i < form->indnkeyatts; i++)
					pkatts->push_back(form->indkey.values[i]);
				match = true;
			}
		}
		else if (UsableUniqueIndex(index) && form->indnkeyatts == static_cast<int>(pkatts->size()))
		{
			match = true;
			for (int i = 0; i < form->indnkeyatts; i++)
				if (std::find(pkatts->begin(), pkatts->end(), form->indkey.values[i]) ==
					pkatts->end())
					match = false;
		}
		relation_close(index, AccessShareLock);
		if (match)
			return indexoid;
	}
	if (pkatts->empty())
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("there is no primary key for referenced table \"%s\"",
					   RelationGetRelationName(pkrel)));
	ereport(ERROR, errcode(ERRCODE_INVALID_FOREIGN_KEY),
			errmsg("there is no unique constraint matching given keys for referenced table \"%s\"",
				   RelationGetRelationName(pkrel)));
	return InvalidOid;
}

/* The index column of indexoid that is heap column attnum. */
int IndexColumn(Relation index, AttrNumber attnum)
{
	for (int i = 0; i < index->rd_index->indnkeyatts; i++)
		if (index->rd_index->indkey.values[i] == attnum)
			return i;
	elog(ERROR, "column %d is not in index %u", attnum, RelationGetRelid(index));
	return -1;
}

std::vector<AttrNumber> ColumnList(Relation rel, List *names)
{
	std::vector<AttrNumber> atts;
	ListCell *lc;
	foreach (lc, names)
		atts.push_back(FkColumn(rel, strVal(lfirst(lc))));
	return atts;
}

const char *AttName(Relation rel, AttrNumber attnum)
{
	return NameStr(TupleDescAttr(RelationGetDescr(rel), attnum - 1)->attname);
}

/* pg_class.relhastriggers of both ends of a foreign key: PostgreSQL
 * checks foreign keys with triggers and sets it, and clients rely on it
 * (psql's \d lists foreign keys and "Referenced by:" only when it is
 * set).  Like PostgreSQL, it is not cleared when the key is dropped. */
void SetRelHasTriggers(Oid relid)
{
	HeapTuple tup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	if (form->relhastriggers)
		return;
	form->relhastriggers = true;
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_class, &tup->t_self, tup);
	relation_close(pg_class, RowExclusiveLock);
}

}  // namespace

Oid AddForeignKeyConstraint(Relation rel, Constraint *fk, bool new_table,
							std::vector<std::string> *taken)
{
	if (fk->deferrable || fk->initdeferred)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("deferrable foreign key constraints are not supported yet"));
	if (fk->fk_matchtype == FKCONSTR_MATCH_PARTIAL)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("MATCH PARTIAL not yet implemented"));
	Oid pkrelid = RangeVarGetRelid(fk->pktable, ShareRowExclusiveLock, false);
	Relation pkrel = pkrelid == RelationGetRelid(rel) ? rel : relation_open(pkrelid, NoLock);
	if (pkrel->rd_rel->relkind != RELKIND_RELATION)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("referenced relation \"%s\" is not a table",
					   RelationGetRelationName(pkrel)));
	if (rel->rd_rel->relpersistence == RELPERSISTENCE_PERMANENT &&
		pkrel->rd_rel->relpersistence != RELPERSISTENCE_PERMANENT)
		ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
				errmsg("constraints on permanent tables may reference only permanent tables"));
	if (rel->rd_rel->relpersistence == RELPERSISTENCE_TEMP)
	{
		if (pkrel->rd_rel->relpersistence != RELPERSISTENCE_TEMP)
			ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
					errmsg("constraints on temporary tables may reference only temporary tables"));
		if (!pkrel->rd_islocaltemp || !rel->rd_islocaltemp)
			ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
					errmsg("constraints on temporary tables must involve temporary tables of this "
						   "session"));
	}

	std::vector<AttrNumber> fkatts = ColumnList(rel, fk->fk_attrs);
	std::vector<AttrNumber> pkatts = ColumnList(pkrel, fk->pk_attrs);
	for (size_t i = 0; i < pkatts.size(); i++)
		for (size_t j = 0; j < i; j++)
			if (pkatts[i] == pkatts[j])
				ereport(ERROR, errcode(ERRCODE_INVALID_FOREIGN_KEY),
						errmsg("foreign key referenced-columns list must not contain "
							   "duplicates"));
	Oid indexoid = FindReferencedIndex(pkrel, &pkatts);
	if (fkatts.size() != pkatts.size())
		ereport(ERROR, errcode(ERRCODE_INVALID_FOREIGN_KEY),
				errmsg("number of referencing and referenced columns for foreign key disagree"));

	std::string name;
	if (fk->conname != nullptr)
	{
		name = fk->conname;
		if (ConstraintNameIsUsed(RelationGetRelid(rel), fk->conname) ||
			(taken != nullptr && std::find(taken->begin(), taken->end(), name) != taken->end()))
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
					errmsg("constraint \"%s\" for relation \"%s\" already exists", fk->conname,
						   RelationGetRelationName(rel)));
	}
	else
	{
		/* PostgreSQL names it after all its columns, joined by "_". */
		std::string cols;
		for (AttrNumber a : fkatts)
		{
			if (!cols.empty())
				cols += '_';
			cols += AttName(rel, a);
		}
		name = ChooseConstraintName(RelationGetRelationName(rel), cols.c_str(), "fkey",
									RelationGetNamespace(rel),
									taken != nullptr ? *taken : std::vector<std::string>());
	}
	if (taken != nullptr)
		taken->push_back(name);

	ConstraintSpec spec;
	spec.name = name.c_str();
	spec.contype = CONSTRAINT_FOREIGN;
	spec.validated = new_table || !fk->skip_validation;
	spec.relid = RelationGetRelid(rel);
	spec.relnamespace = RelationGetNamespace(rel);
	spec.keys = fkatts;
	spec.indexoid = indexoid;
	spec.confrelid = pkrelid;
	spec.confkey = pkatts;
	spec.confupdtype = fk->fk_upd_action;
	spec.confdeltype = fk->fk_del_action;
	spec.confmatchtype = fk->fk_matchtype;
	Relation index = relation_open(indexoid, AccessShareLock);
	for (size_t i = 0; i < fkatts.size(); i++)
	{
		int col = IndexColumn(index, pkatts[i]);
		Oid opfamily = index->rd_opfamily[col];
		Oid opcintype = index->rd_opcintype[col];
		Oid fktype = TupleDescAttr(RelationGetDescr(rel), fkatts[i] - 1)->atttypid;
		Oid pktype = TupleDescAttr(RelationGetDescr(pkrel), pkatts[i] - 1)->atttypid;
		Oid ppeqop = get_opfamily_member(opfamily, opcintype, opcintype, BTEqualStrategyNumber);
		Oid pfeqop = get_opfamily_member(opfamily, opcintype, fktype, BTEqualStrategyNumber);
		Oid ffeqop = OidIsValid(pfeqop)
			? get_opfamily_member(opfamily, fktype, fktype, BTEqualStrategyNumber)
			: InvalidOid;
		if (!OidIsValid(pfeqop) || !OidIsValid(ffeqop))
		{
			/* Both sides coerced implicitly to the index's type. */
			Oid input[2] = {pktype, fktype};
			Oid target[2] = {opcintype, opcintype};
			if (can_coerce_type(2, input, target, COERCION_IMPLICIT))
			{
				/* Tusk compares the stored values as they are: only a
				 * binary-compatible coercion can be left out. */
				for (Oid t : input)
				{
					Oid func;
					CoercionPathType path = t == opcintype
						? COERCION_PATH_RELABELTYPE
						: find_coercion_pathway(opcintype, t, COERCION_IMPLICIT, &func);
					if (path != COERCION_PATH_RELABELTYPE)
						ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
								errmsg("foreign keys whose columns need a type conversion to be "
									   "compared are not supported yet"));
				}
				pfeqop = ffeqop = ppeqop;
			}
		}
		if (!OidIsValid(pfeqop) || !OidIsValid(ffeqop))
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("foreign key constraint \"%s\" cannot be implemented", name.c_str()),
					errdetail("Key columns \"%s\" and \"%s\" are of incompatible types: %s and %s.",
							  AttName(rel, fkatts[i]), AttName(pkrel, pkatts[i]),
							  format_type_be(fktype), format_type_be(pktype)));
		spec.pfeqop.push_back(pfeqop);
		spec.ppeqop.push_back(ppeqop);
		spec.ffeqop.push_back(ffeqop);
	}
	relation_close(index, AccessShareLock);
	ListCell *lc;
	foreach (lc, fk->fk_del_set_cols)
	{
		AttrNumber a = FkColumn(rel, strVal(lfirst(lc)));
		if (std::find(fkatts.begin(), fkatts.end(), a) == fkatts.end())
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("column \"%s\" referenced in ON DELETE SET action must be part of "
						   "foreign key",
						   strVal(lfirst(lc))));
		spec.confdelsetcols.push_back(a);
	}
	Oid conoid = CreateConstraintEntry(spec);
	SetRelHasTriggers(RelationGetRelid(rel));
	if (pkrel != rel)
	{
		SetRelHasTriggers(RelationGetRelid(pkrel));
		relation_close(pkrel, NoLock);
	}
	if (spec.validated && !new_table)
	{
		CommandCounterIncrement();
		for (const ForeignKeyInfo &info : RelationForeignKeys(RelationGetRelid(rel), true))
			if (info.conoid == conoid)
				ValidateForeignKey(info);
	}
	return conoid;
}
