/*
 * domaincmds.cpp — CREATE DOMAIN, ALTER DOMAIN and ALTER DOMAIN … RENAME
 * (commands/typecmds.h; the domain half of PostgreSQL's typecmds.c).
 *
 * A domain is a pg_type row of typtype 'd' that copies its base type's
 * storage (length, by-value, alignment, storage, category, collation
 * unless COLLATE says otherwise) and names it in typbasetype/typtypmod;
 * its input and receive functions are domain_in and domain_recv (which
 * check the constraints), its output and send functions the base type's.
 * NOT NULL is typnotnull; DEFAULT is typdefaultbin (an expression of the
 * base type) with its text in typdefault; each CHECK is a pg_constraint
 * row with contypid set, its expression reading the value as VALUE
 * (CoerceToDomainValue).  Like every type since PostgreSQL 11 it gets an
 * array type "_name".  The domain depends on its schema, its base type
 * and what its default uses; each constraint goes with the domain (auto)
 * and needs what its expression uses.
 *
 * Values become the domain's through CoerceToDomain nodes
 * (parser/parse_coerce.cpp), which the executor compiles into the
 * NOT NULL and CHECK steps (executor/execExpr.cpp).
 *
 * ALTER DOMAIN … SET NOT NULL, ADD CONSTRAINT (unless NOT VALID) and
 * VALIDATE CONSTRAINT check the rows of every table with a column of the
 * domain (or of a domain over it), as PostgreSQL does.
 *
 * Principal entry points: DefineDomain, AlterDomain, RenameDomain.
 */
#include "postgres.h"

#include <memory>
#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_collation_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_constraint_fns.h"
#include "catalog/pg_depend_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_shdepend_fns.h"
#include "catalog/pg_type_d.h"
#include "catalog/pg_type_fns.h"
#include "commands/extension.h"
#include "commands/owner.h"
#include "commands/tablecmds_internal.h"
#include "commands/typecmds.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/value.h"
#include "parser/parse_coerce.h"
#include "parser/parse_collate.h"
#include "parser/parse_expr.h"
#include "parser/parse_node.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/ruleutils.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

/* VALUE in a domain's CHECK: the value being checked. */
Node *DomainValueHook(ParseState *pstate, ColumnRef *cref)
{
	if (list_length(cref->fields) != 1 || !IsA(linitial(cref->fields), String) ||
		strcmp(strVal(linitial(cref->fields)), "value") != 0)
		return nullptr;
	auto *proto = static_cast<CoerceToDomainValue *>(pstate->p_ref_hook_state);
	CoerceToDomainValue *value = makeNode(CoerceToDomainValue);
	*value = *proto;
	value->location = cref->location;
	return reinterpret_cast<Node *>(value);
}

bool ContainsVarWalker(Node *node, void *)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Var))
		return true;
	return node_children_walker(node, ContainsVarWalker, nullptr);
}

/* A domain's CHECK expression, analyzed: VALUE is the base type's
 * value, no table may be named. */
Node *CookDomainCheck(Oid domainOid, Oid baseTypeOid, int32 baseTypMod, Constraint *con,
					  const char *queryString)
{
	ParseState *pstate = make_parsestate(nullptr);
	/* PostgreSQL reports these errors without a position. */
	(void) queryString;
	CoerceToDomainValue *proto = makeNode(CoerceToDomainValue);
	proto->typeId = baseTypeOid;
	proto->typeMod = baseTypMod;
	proto->collation = get_typcollation(domainOid);
	proto->location = -1;
	pstate->p_ref_hook_state = proto;
	pstate->p_post_columnref_hook = DomainValueHook;
	Node *expr = transformExpr(pstate, con->raw_expr, EXPR_KIND_CHECK_CONSTRAINT);
	expr = coerce_to_boolean(pstate, expr, "CHECK");
	if (pstate->p_rtable != NIL || ContainsVarWalker(expr, nullptr))
		ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
				errmsg("cannot use table references in domain check constraint"));
	free_parsestate(pstate);
	return expr;
}

/* Store a CHECK constraint of the domain (PostgreSQL's
 * domainAddConstraint); returns its analyzed expression. */
Node *AddDomainCheck(Oid domainOid, Oid domainNamespace, Oid baseTypeOid, int32 baseTypMod,
					 Constraint *con, const char *domainName, const char *queryString)
{
	std::string name;
	if (con->conname != nullptr)
	{
		if (OidIsValid(get_domain_constraint_oid(domainOid, con->conname)))
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
					errmsg("constraint \"%s\" for domain \"%s\" already exists", con->conname,
						   domainName));
		name = con->conname;
	}
	else
		name = ChooseConstraintName(domainName, nullptr, "check", domainNamespace, {});
	Node *expr = CookDomainCheck(domainOid, baseTypeOid, baseTypMod, con, queryString);
	ConstraintSpec spec;
	spec.name = name.c_str();
	spec.contype = CONSTRAINT_CHECK;
	spec.validated = !con->skip_validation;
	spec.typid = domainOid;
	spec.relnamespace = domainNamespace;
	spec.expr = expr;
	(void) CreateConstraintEntry(spec);
	return expr;
}

/* The errors PostgreSQL gives for constraints a domain cannot have. */
void RefuseDomainConstraint(const Constraint *con)
{
	switch (con->contype)
	{
		case CONSTR_UNIQUE:
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("unique constraints not possible for domains"));
			break;
		case CONSTR_PRIMARY:
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("primary key constraints not possible for domains"));
			break;
		case CONSTR_EXCLUSION:
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("exclusion constraints not possible for domains"));
			break;
		case CONSTR_FOREIGN:
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("foreign key constraints not possible for domains"));
			break;
		case CONSTR_ATTR_DEFERRABLE:
		case CONSTR_ATTR_NOT_DEFERRABLE:
		case CONSTR_ATTR_DEFERRED:
		case CONSTR_ATTR_IMMEDIATE:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("specifying constraint deferrability not supported for domains"));
			break;
		default:
			elog(ERROR, "unrecognized constraint subtype: %d", static_cast<int>(con->contype));
	}
}

/* A domain's DEFAULT, analyzed as its base type (PostgreSQL's
 * cookDefault with the domain's name in messages); NULL for DEFAULT
 * NULL, which is no default. */
Node *CookDomainDefault(Node *raw, Oid baseTypeOid, int32 baseTypMod, const char *domainName,
						const char *queryString)
{
	ParseState *pstate = make_parsestate(nullptr);
	/* PostgreSQL reports these errors without a position. */
	(void) queryString;
	FormData_pg_attribute att;
	memset(&att, 0, sizeof att);
	namestrcpy(&att.attname, domainName);
	att.atttypid = baseTypeOid;
	att.atttypmod = baseTypMod;
	Node *expr = CookDefault(pstate, raw, &att);
	free_parsestate(pstate);
	if (expr == nullptr || (IsA(expr, Const) && reinterpret_cast<Const *>(expr)->constisnull))
		return nullptr;
	return expr;
}

/* The domain a name list names, its pg_type row copied; 42809 when the
 * type is not a domain (PostgreSQL's checkDomainOwner). */
HeapTuple LookupDomain(List *names, Oid *domainOid)
{
	TypeName *tn = makeNode(TypeName);
	tn->names = names;
	tn->typemod = -1;
	tn->location = -1;
	*domainOid = LookupTypeNameForDrop(tn, false);
	HeapTuple tup = SearchSysCacheCopy1(TYPEOID, ObjectIdGetDatum(*domainOid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for type %u", *domainOid);
	if (reinterpret_cast<Form_pg_type>(GETSTRUCT(tup))->typtype != TYPTYPE_DOMAIN)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("%s is not a domain", format_type_be(*domainOid)));
	if (!ObjectOwnerCheck(TypeRelationId, *domainOid, GetUserId()))
		ReportNotOwner(OBJECT_TYPE, format_type_be(*domainOid));
	return tup;
}

std::string ColumnName(Oid relid, int32 attnum)
{
	HeapTuple tup = SearchSysCache2(ATTNUM, ObjectIdGetDatum(relid),
									Int16GetDatum(static_cast<int16>(attnum)));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for attribute %d of relation %u", attnum, relid);
	std::string name = NameStr(reinterpret_cast<Form_pg_attribute>(GETSTRUCT(tup))->attname);
	ReleaseSysCache(tup);
	return name;
}

/* The columns, by table, whose type is the domain or a domain over it
 * (PostgreSQL's get_rels_with_domain). */
struct RelToCheck
{
	Oid relid;
	std::vector<AttrNumber> atts;
};

void CollectRelsWithDomain(Oid domainOid, std::vector<RelToCheck> &rels)
{
	std::vector<ObjectAddress> users;
	ScanDependRows(true, TypeRelationId, domainOid, [&](Form_pg_depend dep, ItemPointer) {
		if (dep->deptype == DEPENDENCY_NORMAL)
			users.push_back({dep->classid, dep->objid, dep->objsubid});
	});
	for (const ObjectAddress &user : users)
	{
		if (user.classId == TypeRelationId)
		{
			if (get_typtype(user.objectId) == TYPTYPE_DOMAIN)
				CollectRelsWithDomain(user.objectId, rels);
			continue;
		}
		if (user.classId != RelationRelationId || user.objectSubId <= 0)
			continue;
		char relkind = get_rel_relkind(user.objectId);
		if (relkind == RELKIND_COMPOSITE_TYPE)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("cannot alter type \"%s\" because column \"%s.%s\" uses it",
						   format_type_be(domainOid), get_rel_name(user.objectId),
						   ColumnName(user.objectId, user.objectSubId).c_str()));
		if (relkind != RELKIND_RELATION && relkind != RELKIND_MATVIEW)
			continue;
		RelToCheck *entry = nullptr;
		for (RelToCheck &r : rels)
			if (r.relid == user.objectId)
				entry = &r;
		if (entry == nullptr)
		{
			rels.push_back({user.objectId, {}});
			entry = &rels.back();
		}
		entry->atts.push_back(static_cast<AttrNumber>(user.objectSubId));
	}
}

/*
 * Check every stored value of the domain's columns: none NULL (expr
 * nullptr: SET NOT NULL), or each passing expr (a CHECK reading VALUE).
 * Each table is locked in ShareLock until the transaction ends.
 */
void CheckDomainColumns(Oid domainOid, Node *expr)
{
	std::vector<RelToCheck> rels;
	CollectRelsWithDomain(domainOid, rels);
	if (rels.empty())
		return;
	EState *estate = CreateExecutorState();
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	Datum value = 0;
	bool isnull = true;
	ExprState *check = nullptr;
	if (expr != nullptr)
	{
		/* The CHECK reads the column's value as VALUE: compile it as the
		 * CoerceToDomain of a domain with this one check would be. */
		check = ExecInitDomainCheckExpr(reinterpret_cast<Expr *>(expr), &value, &isnull);
	}
	ExprContext *econtext = CreateExprContext(estate);
	MemoryContextSwitchTo(old);
	for (const RelToCheck &rtc : rels)
	{
		Relation rel = relation_open(rtc.relid, ShareLock);
		TupleDesc desc = RelationGetDescr(rel);
		Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
		HeapScanDesc scan = heap_beginscan(rel, snapshot);
		while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
		{
			CHECK_FOR_INTERRUPTS();
			for (AttrNumber attnum : rtc.atts)
			{
				Form_pg_attribute att = TupleDescAttr(desc, attnum - 1);
				value = heap_getattr(t, attnum, desc, &isnull);
				if (check == nullptr)
				{
					if (isnull)
						ereport(ERROR, errcode(ERRCODE_NOT_NULL_VIOLATION),
								errmsg("column \"%s\" of table \"%s\" contains null values",
									   NameStr(att->attname), RelationGetRelationName(rel)),
								errtablecol(rel, attnum));
					continue;
				}
				bool resnull;
				Datum ok = ExecEvalExprSwitchContext(check, econtext, &resnull);
				if (!resnull && !DatumGetBool(ok))
					ereport(ERROR, errcode(ERRCODE_CHECK_VIOLATION),
							errmsg("column \"%s\" of table \"%s\" contains values that violate "
								   "the new constraint",
								   NameStr(att->attname), RelationGetRelationName(rel)),
							errtablecol(rel, attnum));
			}
			ResetExprContext(econtext);
		}
		heap_endscan(scan);
		UnregisterSnapshot(snapshot);
		relation_close(rel, NoLock);
	}
	FreeExecutorState(estate);
}

void UpdateTypeRow(HeapTuple tup)
{
	Relation pg_type = relation_open(TypeRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_type, &tup->t_self, tup);
	relation_close(pg_type, RowExclusiveLock);
}

/* The domain's default replaced (expr NULL: removed), with its
 * dependencies (PostgreSQL's AlterDomainDefault). */
void SetDomainDefault(Oid domainOid, HeapTuple tup, Node *expr)
{
	Relation pg_type = relation_open(TypeRelationId, RowExclusiveLock);
	TupleDesc desc = RelationGetDescr(pg_type);
	std::vector<Datum> values(static_cast<size_t>(desc->natts));
	std::vector<char> nulls(static_cast<size_t>(desc->natts), 0);
	std::vector<char> replace(static_cast<size_t>(desc->natts), 0);
	replace[Anum_pg_type_typdefaultbin - 1] = 1;
	replace[Anum_pg_type_typdefault - 1] = 1;
	if (expr == nullptr)
	{
		nulls[Anum_pg_type_typdefaultbin - 1] = 1;
		nulls[Anum_pg_type_typdefault - 1] = 1;
	}
	else
	{
		values[Anum_pg_type_typdefaultbin - 1] = PointerGetDatum(
			cstring_to_text(nodeToString(expr)));
		values[Anum_pg_type_typdefault - 1] = PointerGetDatum(
			cstring_to_text(deparse_expression(expr, NIL, false, false)));
	}
	auto n = std::make_unique<bool[]>(desc->natts);
	auto r = std::make_unique<bool[]>(desc->natts);
	for (int i = 0; i < desc->natts; i++)
	{
		n[i] = nulls[i] != 0;
		r[i] = replace[i] != 0;
	}
	HeapTuple newtup = heap_modify_tuple(tup, desc, values.data(), n.get(), r.get());
	CatalogTupleUpdate(pg_type, &newtup->t_self, newtup);
	relation_close(pg_type, RowExclusiveLock);

	/* Its dependencies again: schema, base type, and what the default
	 * uses (PostgreSQL's GenerateTypeDependencies on rebuild). */
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(newtup));
	deleteDependencyRecordsFor(TypeRelationId, domainOid, true);
	RecordDomainDependencies(domainOid, form->typnamespace, form->typbasetype, form->typcollation,
							 expr);
}

}  // namespace

void RecordDomainDependencies(Oid domainOid, Oid nsp, Oid baseType, Oid collation,
							  Node *defaultExpr)
{
	ObjectAddress myself;
	ObjectAddress referenced;
	ObjectAddressSet(myself, TypeRelationId, domainOid);
	ObjectAddressSet(referenced, NamespaceRelationId, nsp);
	recordDependencyOn(&myself, &referenced, DEPENDENCY_NORMAL);
	ObjectAddressSet(referenced, TypeRelationId, baseType);
	recordDependencyOn(&myself, &referenced, DEPENDENCY_NORMAL);
	if (OidIsValid(collation) && collation != get_typcollation(baseType))
	{
		ObjectAddressSet(referenced, CollationRelationId, collation);
		recordDependencyOn(&myself, &referenced, DEPENDENCY_NORMAL);
	}
	if (defaultExpr != nullptr)
		recordDependencyOnSingleRelExpr(&myself, defaultExpr, InvalidOid, DEPENDENCY_NORMAL,
										DEPENDENCY_NORMAL);
}

Oid DefineDomain(CreateDomainStmt *stmt, const char *queryString)
{
	char *schemaname;
	char *domainName;
	DeconstructQualifiedName(stmt->domainname, &schemaname, &domainName);
	RangeVar *rv = makeNode(RangeVar);
	rv->schemaname = schemaname;
	rv->relname = domainName;
	rv->relpersistence = RELPERSISTENCE_PERMANENT;
	rv->location = -1;
	Oid nsp = RangeVarGetAndCheckCreationNamespace(rv);
	if (OidIsValid(GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(domainName),
								   ObjectIdGetDatum(nsp))))
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
				errmsg("type \"%s\" already exists", domainName));

	ParseState *pstate = make_parsestate(nullptr);
	/* PostgreSQL reports these errors without a position. */
	(void) queryString;
	Oid baseType;
	int32 baseTypMod;
	typenameTypeIdAndMod(pstate, stmt->typeName, &baseType, &baseTypMod);
	HeapTuple basetup = SearchSysCacheCopy1(TYPEOID, ObjectIdGetDatum(baseType));
	if (basetup == nullptr)
		elog(ERROR, "cache lookup failed for type %u", baseType);
	auto *base = reinterpret_cast<Form_pg_type>(GETSTRUCT(basetup));
	/* Base, composite, enum, range types and domains; not pseudo-types
	 * or shells. */
	if (base->typtype != TYPTYPE_BASE && base->typtype != TYPTYPE_COMPOSITE &&
		base->typtype != TYPTYPE_DOMAIN && base->typtype != TYPTYPE_ENUM &&
		base->typtype != TYPTYPE_RANGE && base->typtype != TYPTYPE_MULTIRANGE)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("\"%s\" is not a valid base type for a domain",
					   (std::string(NameListToString(stmt->typeName->names)) +
						(stmt->typeName->arrayBounds != NIL ? "[]" : ""))
						   .c_str()));
	Oid collation = ColumnCollation(nullptr, baseType, stmt->collClause);

	/* DEFAULT, NULL and NOT NULL now; CHECKs once the type exists. */
	bool saw_default = false;
	Node *defaultExpr = nullptr;
	bool notnull = false;
	bool null_defined = false;
	std::vector<Constraint *> checks;
	ListCell *lc;
	foreach (lc, stmt->constraints)
	{
		Constraint *con = castNode(Constraint, lfirst(lc));
		switch (con->contype)
		{
			case CONSTR_DEFAULT:
				if (saw_default)
					ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
							errmsg("multiple default expressions"));
				saw_default = true;
				defaultExpr = CookDomainDefault(con->raw_expr, baseType, baseTypMod, domainName,
												queryString);
				break;
			case CONSTR_NOTNULL:
				if (null_defined && !notnull)
					ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
							errmsg("conflicting NULL/NOT NULL constraints"));
				notnull = true;
				null_defined = true;
				break;
			case CONSTR_NULL:
				if (null_defined && notnull)
					ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
							errmsg("conflicting NULL/NOT NULL constraints"));
				notnull = false;
				null_defined = true;
				break;
			case CONSTR_CHECK:
				if (con->is_no_inherit)
					ereport(ERROR, errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
							errmsg("check constraints for domains cannot be marked NO INHERIT"));
				checks.push_back(con);
				break;
			default:
				RefuseDomainConstraint(con);
		}
	}

	Oid domainOid = NewTypeOid();
	Oid arrayOid = InvalidOid;
	while (!OidIsValid(arrayOid) || arrayOid == domainOid)
		arrayOid = NewTypeOid();
	std::string defaultText;
	std::string defaultBin;
	if (defaultExpr != nullptr)
	{
		defaultText = deparse_expression(defaultExpr, NIL, false, false);
		defaultBin = nodeToString(defaultExpr);
	}

	Relation pg_type = relation_open(TypeRelationId, RowExclusiveLock);
	TypeSpec spec;
	spec.oid = domainOid;
	spec.name = domainName;
	spec.namespace_oid = nsp;
	spec.typtype = TYPTYPE_DOMAIN;
	spec.category = base->typcategory;
	spec.len = base->typlen;
	spec.byval = base->typbyval;
	spec.align = base->typalign;
	spec.storage = base->typstorage;
	spec.delim = base->typdelim;
	spec.array = arrayOid;
	spec.input = F_DOMAIN_IN;
	spec.output = base->typoutput;
	spec.receive = F_DOMAIN_RECV;
	spec.send = base->typsend;
	spec.analyze = base->typanalyze;
	spec.notnull = notnull;
	spec.basetype = baseType;
	spec.typmod = baseTypMod;
	spec.ndims = list_length(stmt->typeName->arrayBounds);
	spec.collation = collation;
	spec.default_bin = defaultExpr != nullptr ? defaultBin.c_str() : nullptr;
	spec.default_text = defaultExpr != nullptr ? defaultText.c_str() : nullptr;
	TypeCreate(pg_type, spec);
	ArrayTypeCreate(pg_type, arrayOid, domainOid, domainName, nsp,
					base->typalign == TYPALIGN_DOUBLE ? TYPALIGN_DOUBLE : TYPALIGN_INT);
	relation_close(pg_type, RowExclusiveLock);

	RecordDomainDependencies(domainOid, nsp, baseType, collation, defaultExpr);
	recordDependencyOnOwner(TypeRelationId, domainOid, MyUserId);
	ObjectAddress myself;
	ObjectAddressSet(myself, TypeRelationId, domainOid);
	recordDependencyOnCurrentExtension(&myself, false);
	ObjectAddress arraytype;
	ObjectAddressSet(arraytype, TypeRelationId, arrayOid);
	recordDependencyOn(&arraytype, &myself, DEPENDENCY_INTERNAL);
	CommandCounterIncrement();

	for (Constraint *con : checks)
	{
		(void) AddDomainCheck(domainOid, nsp, baseType, baseTypMod, con, domainName, queryString);
		CommandCounterIncrement();
	}
	return domainOid;
}

void AlterDomain(AlterDomainStmt *stmt, const char *queryString)
{
	Oid domainOid;
	HeapTuple tup = LookupDomain(stmt->typeName, &domainOid);
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
	const char *domainName = pstrdup(NameStr(form->typname));
	switch (stmt->subtype)
	{
		case 'T':
		{
			Node *expr = stmt->def == nullptr
				? nullptr
				: CookDomainDefault(stmt->def, form->typbasetype, form->typtypmod, domainName,
									queryString);
			SetDomainDefault(domainOid, tup, expr);
			break;
		}
		case 'N':
		case 'O':
		{
			bool notnull = stmt->subtype == 'O';
			if (form->typnotnull == notnull)
				break;
			if (notnull)
				CheckDomainColumns(domainOid, nullptr);
			form->typnotnull = notnull;
			UpdateTypeRow(tup);
			break;
		}
		case 'C':
		{
			Constraint *con = castNode(Constraint, stmt->def);
			if (con->contype != CONSTR_CHECK)
			{
				if (con->contype == CONSTR_NOTNULL)
					ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
							errmsg("use ALTER DOMAIN … SET NOT NULL instead"));
				RefuseDomainConstraint(con);
			}
			Node *expr = AddDomainCheck(domainOid, form->typnamespace, form->typbasetype,
										form->typtypmod, con, domainName, queryString);
			if (!con->skip_validation)
				CheckDomainColumns(domainOid, expr);
			break;
		}
		case 'X':
		{
			Oid conoid = get_domain_constraint_oid(domainOid, stmt->name);
			if (!OidIsValid(conoid))
			{
				if (!stmt->missing_ok)
					ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
							errmsg("constraint \"%s\" of domain \"%s\" does not exist", stmt->name,
								   domainName));
				ereport(NOTICE,
						errmsg("constraint \"%s\" of domain \"%s\" does not exist, skipping",
							   stmt->name, domainName));
				break;
			}
			ObjectAddress con;
			ObjectAddressSet(con, ConstraintRelationId, conoid);
			performDeletion(&con, stmt->behavior, 0);
			break;
		}
		case 'V':
		{
			Oid conoid = InvalidOid;
			Node *expr = nullptr;
			bool validated = false;
			for (const DomainCheck &c : GetDomainChecks(domainOid))
				if (c.name == stmt->name)
				{
					conoid = c.oid;
					expr = c.expr;
					validated = c.validated;
				}
			if (!OidIsValid(conoid))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("constraint \"%s\" of domain \"%s\" does not exist", stmt->name,
							   domainName));
			if (validated)
				break;
			CheckDomainColumns(domainOid, expr);
			HeapTuple contup = SearchSysCacheCopy1(CONSTROID, ObjectIdGetDatum(conoid));
			if (contup == nullptr)
				elog(ERROR, "cache lookup failed for constraint %u", conoid);
			reinterpret_cast<Form_pg_constraint>(GETSTRUCT(contup))->convalidated = true;
			Relation pg_constraint = relation_open(ConstraintRelationId, RowExclusiveLock);
			CatalogTupleUpdate(pg_constraint, &contup->t_self, contup);
			relation_close(pg_constraint, RowExclusiveLock);
			break;
		}
		default:
			elog(ERROR, "unrecognized ALTER DOMAIN subtype %c", stmt->subtype);
	}
	CommandCounterIncrement();
}

void RenameDomain(RenameStmt *stmt)
{
	Oid domainOid;
	HeapTuple tup = LookupDomain(castNode(List, stmt->object), &domainOid);
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
	if (stmt->renameType == OBJECT_DOMCONSTRAINT)
	{
		Oid conoid = get_domain_constraint_oid(domainOid, stmt->subname);
		if (!OidIsValid(conoid))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("constraint \"%s\" for domain %s does not exist", stmt->subname,
						   format_type_be(domainOid)));
		if (OidIsValid(get_domain_constraint_oid(domainOid, stmt->newname)))
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
					errmsg("constraint \"%s\" for domain %s already exists", stmt->newname,
						   format_type_be(domainOid)));
		HeapTuple contup = SearchSysCacheCopy1(CONSTROID, ObjectIdGetDatum(conoid));
		if (contup == nullptr)
			elog(ERROR, "cache lookup failed for constraint %u", conoid);
		namestrcpy(&reinterpret_cast<Form_pg_constraint>(GETSTRUCT(contup))->conname,
				   stmt->newname);
		Relation pg_constraint = relation_open(ConstraintRelationId, RowExclusiveLock);
		CatalogTupleUpdate(pg_constraint, &contup->t_self, contup);
		relation_close(pg_constraint, RowExclusiveLock);
		CommandCounterIncrement();
		return;
	}
	if (OidIsValid(GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(stmt->newname),
								   ObjectIdGetDatum(form->typnamespace))))
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
				errmsg("type \"%s\" already exists", stmt->newname));
	Oid arrayOid = form->typarray;
	namestrcpy(&form->typname, stmt->newname);
	UpdateTypeRow(tup);
	CommandCounterIncrement();
	/* The array type follows its element's name (PostgreSQL's
	 * RenameTypeInternal). */
	if (OidIsValid(arrayOid))
	{
		HeapTuple arrtup = SearchSysCacheCopy1(TYPEOID, ObjectIdGetDatum(arrayOid));
		if (arrtup == nullptr)
			elog(ERROR, "cache lookup failed for type %u", arrayOid);
		std::string name = MakeArrayTypeName(stmt->newname, form->typnamespace);
		namestrcpy(&reinterpret_cast<Form_pg_type>(GETSTRUCT(arrtup))->typname, name.c_str());
		UpdateTypeRow(arrtup);
		CommandCounterIncrement();
	}
}
