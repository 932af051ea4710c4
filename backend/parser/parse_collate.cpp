/*
 * parse_collate.cpp — COLLATE clauses and collation derivation.
 *
 * PostgreSQL derives an expression's collation bottom-up with a strength:
 * explicit (a COLLATE clause somewhere below, through operators and
 * functions), implicit (a column's or a collatable result's), or none.
 * An operator or function over collatable arguments uses the strongest
 * argument's collation; two different explicit collations are an error
 * (42P21); two implicit ones where neither is the database default leave
 * the collation indeterminate.  Tusk computes the strength on demand from
 * the analyzed arguments (Derive) when an operator or function is built,
 * rather than in a separate pass.
 *
 * Tusk's collations are PostgreSQL's built-in "default", "C" and "POSIX"
 * (pg_collation), which all order strings by their bytes, so a collation
 * changes which errors are raised and what EXPLAIN and views print, not
 * results.
 *
 * Entry points: see parse_collate.h.
 */
#include "postgres.h"

#include <string>

#include "parser/parse_collate.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_type_d.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "parser/parse_coerce.h"
#include "utils/builtins.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

namespace {

enum class Strength
{
	kNone,
	kImplicit,
	kConflict, /* two different non-default implicit collations */
	kExplicit,
};

struct Derivation
{
	Oid collation = InvalidOid;
	Strength strength = Strength::kNone;
	int location = -1;
};

Derivation Derive(Node *node);

struct ChildContext
{
	bool explicit_below = false;
};

bool ChildWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *ctx = static_cast<ChildContext *>(arg);
	if (Derive(node).strength == Strength::kExplicit)
		ctx->explicit_below = true;
	return false;
}

/* The collation of an analyzed expression and how strongly it holds. */
Derivation Derive(Node *node)
{
	Derivation d;
	if (node == nullptr)
		return d;
	Oid collation = exprCollation(node);
	switch (nodeTag(node))
	{
		case T_CollateExpr:
			d.collation = collation;
			d.strength = Strength::kExplicit;
			d.location = reinterpret_cast<CollateExpr *>(node)->location;
			return d;
		case T_OpExpr:
		case T_FuncExpr:
		case T_RelabelType:
		case T_CoerceToDomain:
		case T_CoerceViaIO:
		case T_CaseExpr:
		case T_CoalesceExpr:
		case T_MinMaxExpr:
		{
			/* an explicit collation below bubbles up through a collatable
			 * result */
			if (!OidIsValid(collation))
				return d;
			ChildContext ctx;
			node_children_walker(node, ChildWalker, &ctx);
			d.collation = collation;
			d.strength = ctx.explicit_below ? Strength::kExplicit : Strength::kImplicit;
			d.location = exprLocation(node);
			return d;
		}
		default:
			if (OidIsValid(collation))
			{
				d.collation = collation;
				d.strength = Strength::kImplicit;
				d.location = exprLocation(node);
			}
			return d;
	}
}

std::string CollationName(Oid collation)
{
	char *name = get_collation_name(collation);
	return name != nullptr ? name : "???";
}

}  // namespace

Oid LookupCollation(ParseState *pstate, List *collname, int location)
{
	const char *schema = nullptr;
	const char *name = nullptr;
	if (list_length(collname) == 1)
		name = strVal(linitial(collname));
	else if (list_length(collname) == 2)
	{
		schema = strVal(linitial(collname));
		name = strVal(lsecond(collname));
	}
	else
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("improper qualified name (too many dotted names): %s",
					   NameListToString(collname)),
				parser_errposition(pstate, location));
	/* Tusk's collations are the built-in ones, all in pg_catalog and for
	 * any encoding (collencoding -1). */
	if (schema == nullptr || strcmp(schema, "pg_catalog") == 0)
	{
		HeapTuple tuple = SearchSysCache3(COLLNAMEENCNSP, CStringGetDatum(name), Int32GetDatum(-1),
										  ObjectIdGetDatum(PG_CATALOG_NAMESPACE));
		if (tuple != nullptr)
			return reinterpret_cast<Form_pg_collation>(GETSTRUCT(tuple))->oid;
	}
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
			errmsg("collation \"%s\" for encoding \"%s\" does not exist",
				   NameListToString(collname), "UTF8"),
			parser_errposition(pstate, location));
	pg_unreachable();
}

Oid ColumnCollation(ParseState *pstate, Oid typid, const CollateClause *coll)
{
	Oid typcollation = get_typcollation(typid);
	if (coll == nullptr)
		return typcollation;
	if (!OidIsValid(typcollation))
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("collations are not supported by type %s", format_type_be(typid)),
				parser_errposition(pstate, coll->location));
	return LookupCollation(pstate, coll->collname, coll->location);
}

Node *TransformCollateClause(ParseState *pstate, Node *arg, const CollateClause *c)
{
	Oid type = exprType(arg);
	/* an unknown-type literal becomes text, as in PostgreSQL */
	if (type == UNKNOWNOID)
	{
		arg = coerce_type(pstate, arg, UNKNOWNOID, TEXTOID, -1, COERCION_IMPLICIT,
						  COERCE_IMPLICIT_CAST, -1);
		type = TEXTOID;
	}
	if (!OidIsValid(get_typcollation(type)))
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("collations are not supported by type %s", format_type_be(type)),
				parser_errposition(pstate, c->location));
	CollateExpr *result = makeNode(CollateExpr);
	result->arg = reinterpret_cast<Expr *>(arg);
	result->collOid = LookupCollation(pstate, c->collname, c->location);
	result->location = c->location;
	return reinterpret_cast<Node *>(result);
}

Oid SelectInputCollation(ParseState *pstate, List *args)
{
	Derivation state;
	ListCell *lc;
	foreach (lc, args)
	{
		Derivation d = Derive(static_cast<Node *>(lfirst(lc)));
		if (d.strength == Strength::kNone)
			continue;
		if (d.strength > state.strength &&
			!(state.strength == Strength::kConflict && d.strength == Strength::kImplicit))
		{
			state = d;
			continue;
		}
		if (d.strength != state.strength || d.collation == state.collation)
			continue;
		if (d.strength == Strength::kExplicit)
			ereport(ERROR, errcode(ERRCODE_COLLATION_MISMATCH),
					errmsg("collation mismatch between explicit collations \"%s\" and \"%s\"",
						   CollationName(state.collation).c_str(),
						   CollationName(d.collation).c_str()),
					parser_errposition(pstate, d.location));
		if (d.strength == Strength::kImplicit)
		{
			if (state.collation == DEFAULT_COLLATION_OID)
				state = d;
			else if (d.collation != DEFAULT_COLLATION_OID)
			{
				state.collation = InvalidOid;
				state.strength = Strength::kConflict;
			}
		}
	}
	return state.collation;
}
