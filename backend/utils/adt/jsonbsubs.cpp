/*
 * jsonbsubs.cpp — subscripting jsonb: jsonb_subscript_handler, the
 * SubscriptRoutines of jsonb (pg_type.typsubscript), PostgreSQL 14's
 * doc['a'][0] and UPDATE … SET doc['a'] = ….
 *
 * Each subscript is integer or text (whichever one its type coerces to
 * implicitly; an unknown literal is text) and is used as a path element
 * of #>: a fetch is doc #> '{a,0}' (NULL where nothing is), an
 * assignment makes what is missing on the way (jsonfuncs.cpp,
 * JsonbSetElement). No slices.
 */
#include "json_internal.h"

#include <string>
#include <vector>

#include "catalog/pg_type_d.h"
#include "executor/execExpr.h"
#include "nodes/nodeFuncs.h"
#include "nodes/parsenodes.h"
#include "nodes/subscripting.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "parser/parse_node.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"

using namespace tusk::adt::json;

namespace {

/* A subscript coerced to the one of integer and text its type coerces to
 * implicitly (text for an unknown literal). */
Node *JsonbSubscript(ParseState *pstate, Node *raw)
{
	Node *expr = transformExpr(pstate, raw, pstate->p_expr_kind);
	Oid type = exprType(expr);
	Oid target = TEXTOID;
	if (type != UNKNOWNOID)
	{
		const Oid candidates[] = {INT4OID, TEXTOID};
		target = InvalidOid;
		for (Oid candidate : candidates)
		{
			if (!can_coerce_type(1, &type, &candidate, COERCION_IMPLICIT))
				continue;
			if (OidIsValid(target))
				ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("subscript type %s is not supported", format_type_be(type)),
						errhint("jsonb subscript must be coercible to only one type, integer or "
								"text."),
						parser_errposition(pstate, exprLocation(expr)));
			target = candidate;
		}
		if (!OidIsValid(target))
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("subscript type %s is not supported", format_type_be(type)),
					errhint("jsonb subscript must be coercible to either integer or text."),
					parser_errposition(pstate, exprLocation(expr)));
	}
	Node *coerced = coerce_type(pstate, expr, type, target, -1, COERCION_IMPLICIT,
								COERCE_IMPLICIT_CAST, -1);
	if (coerced == nullptr)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("jsonb subscript must have text type"),
				parser_errposition(pstate, exprLocation(expr)));
	return coerced;
}

void JsonbSubscriptTransform(SubscriptingRef *sbsref, List *indirection, ParseState *pstate,
							 bool isSlice, bool /*isAssignment*/)
{
	List *upper = NIL;
	ListCell *lc;
	foreach (lc, indirection)
	{
		auto *ai = static_cast<A_Indices *>(lfirst(lc));
		if (isSlice || ai->uidx == nullptr)
		{
			Node *at = ai->uidx != nullptr ? ai->uidx : ai->lidx;
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("jsonb subscript does not support slices"),
					parser_errposition(pstate, exprLocation(at)));
		}
		upper = lappend(upper, JsonbSubscript(pstate, ai->uidx));
	}
	sbsref->refupperindexpr = upper;
	sbsref->reflowerindexpr = NIL;
	sbsref->refrestype = JSONBOID;
	sbsref->reftypmod = -1;
}

/* Whether the first subscript is an integer: a NULL document assigned
 * through it becomes an array, else an object. */
struct JsonbSubWorkspace
{
	bool first_is_integer;
	Oid *types; /* each subscript's, integer or text */
};

/* The subscripts as path elements; false if one is NULL (a NULL result
 * for a fetch; an assignment fails). */
bool CheckJsonbSubscripts(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref_subscript.state;
	for (int i = 0; i < st->numupper; i++)
	{
		if (!st->upperindexnull[i])
			continue;
		if (st->isassignment)
			ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("jsonb subscript in assignment must not be null"));
		*op->resvalue = 0;
		*op->resnull = true;
		return false;
	}
	return true;
}

std::vector<std::string> PathElements(const SubscriptingRefState *st)
{
	const auto *ws = static_cast<const JsonbSubWorkspace *>(st->workspace);
	std::vector<std::string> path;
	path.reserve(static_cast<size_t>(st->numupper));
	for (int i = 0; i < st->numupper; i++)
	{
		if (ws->types[i] == INT4OID)
			path.push_back(std::to_string(DatumGetInt32(st->upperindex[i])));
		else
			path.emplace_back(TextDatumGetCString(st->upperindex[i]));
	}
	return path;
}

void FetchJsonbElement(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref.state;
	JsonValue root = JsonbToValue(*op->resvalue);
	const JsonValue *found = JsonbGetElement(root, PathElements(st));
	*op->resnull = found == nullptr;
	*op->resvalue = found != nullptr ? JsonbFromValue(*found) : 0;
}

void AssignJsonbElement(ExprState *, ExprEvalStep *op, ExprContext *)
{
	SubscriptingRefState *st = op->d.sbsref.state;
	const auto *ws = static_cast<const JsonbSubWorkspace *>(st->workspace);
	JsonValue root;
	if (!*op->resnull)
		root = JsonbToValue(*op->resvalue);
	else
		root.kind = ws->first_is_integer ? JsonKind::Array : JsonKind::Object;
	/* An SQL NULL assigned is a JSON null. */
	JsonValue newval = st->replacenull ? JsonValue() : JsonbToValue(st->replacevalue);
	JsonbSetElement(&root, PathElements(st), newval);
	*op->resvalue = JsonbFromValue(root);
	*op->resnull = false;
}

void JsonbExecSetup(const SubscriptingRef *sbsref, SubscriptingRefState *st,
					SubscriptExecSteps *methods)
{
	auto *ws = static_cast<JsonbSubWorkspace *>(palloc0(sizeof(JsonbSubWorkspace)));
	int n = list_length(sbsref->refupperindexpr);
	ws->types = static_cast<Oid *>(palloc0(sizeof(Oid) * static_cast<size_t>(n)));
	for (int i = 0; i < n; i++)
		ws->types[i] = exprType(static_cast<Node *>(list_nth(sbsref->refupperindexpr, i)));
	ws->first_is_integer = n > 0 && ws->types[0] == INT4OID;
	st->workspace = ws;
	methods->sbs_check_subscripts = CheckJsonbSubscripts;
	methods->sbs_fetch = FetchJsonbElement;
	methods->sbs_assign = AssignJsonbElement;
}

const SubscriptRoutines kJsonbSubscriptRoutines = {
	.transform = JsonbSubscriptTransform,
	.exec_setup = JsonbExecSetup,
	.fetch_strict = true,
	.fetch_leakproof = true,
	.store_leakproof = false,
};

}  // namespace

Datum jsonb_subscript_handler(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_POINTER(const_cast<SubscriptRoutines *>(&kJsonbSubscriptRoutines));
}
