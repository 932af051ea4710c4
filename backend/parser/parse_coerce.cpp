/*
 * parse_coerce.cpp — type coercion (parser/parse_coerce.h): PostgreSQL's
 * rules, driven by pg_cast and pg_type.
 *
 * Principal entry points: can_coerce_type, coerce_type,
 * coerce_to_target_type, coerce_to_boolean, select_common_type.
 *
 * A cast exists when pg_cast has a row for (source, target) usable in
 * the context (implicit < assignment < explicit), performed by a
 * function, by relabeling (binary-compatible types) or through text I/O;
 * any type can go to a string type by I/O in assignment context and from
 * one explicitly, as in PostgreSQL.  A literal of unknown type is
 * converted at analysis time by the target type's input function, so
 * '42'::int4 is a Const 42 and a bad literal fails with its position.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_cast_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "parser/parse_coerce.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

namespace {

constexpr TYPCATEGORY kStringCategory = 'S';

bool IsStringType(Oid typid)
{
	return TypeCategory(typid) == kStringCategory;
}

/* Evaluate an unknown literal's text as targetType now. */
Node *CoerceUnknownConst(ParseState *pstate, Const *con, Oid targetTypeId, int32 targetTypeMod,
						 int location)
{
	Const *newcon = makeNode(Const);
	int16 typlen;
	bool typbyval;
	get_typlenbyval(targetTypeId, &typlen, &typbyval);
	newcon->consttype = targetTypeId;
	/* The input function gets typmod -1: a length limit is applied by
	 * the caller's length coercion (at run time, as PostgreSQL does).
	 * Except for interval, whose fields (interval '1' year) change how the
	 * text reads. */
	int32 input_typmod = targetTypeId == INTERVALOID ? targetTypeMod : -1;
	newcon->consttypmod = input_typmod;
	newcon->constcollid = get_typcollation(targetTypeId);
	newcon->constlen = typlen;
	newcon->constbyval = typbyval;
	newcon->constisnull = con->constisnull;
	newcon->location = con->location >= 0 ? con->location : location;
	if (!con->constisnull)
	{
		Oid typinput;
		Oid typioparam;
		getTypeInputInfo(targetTypeId, &typinput, &typioparam);
		/* Errors in the literal point at it. */
		ParserErrposScope scope(pstate, newcon->location);
		newcon->constvalue = OidInputFunctionCall(typinput, DatumGetCString(con->constvalue),
												  typioparam, input_typmod);
	}
	return reinterpret_cast<Node *>(newcon);
}

/*
 * The arguments of a call of coercion function funcid on node: the value,
 * then, if the function takes them, the target typmod and whether the
 * cast is explicit (as PostgreSQL passes them to bit(int4, int4) or
 * varchar(varchar, int4, bool)).
 */
List *CoercionFunctionArgs(Node *node, Oid funcid, int32 targetTypMod, CoercionContext ccontext)
{
	int nargs = 0;
	HeapTuple proc = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (proc != nullptr)
		nargs = reinterpret_cast<Form_pg_proc>(GETSTRUCT(proc))->pronargs;
	List *args = list_make1(node);
	if (nargs >= 2)
	{
		Const *typmodc = makeNode(Const);
		typmodc->consttype = INT4OID;
		typmodc->consttypmod = -1;
		typmodc->constlen = 4;
		typmodc->constbyval = true;
		typmodc->constvalue = Int32GetDatum(targetTypMod);
		typmodc->location = -1;
		args = lappend(args, typmodc);
	}
	if (nargs >= 3)
	{
		Const *explicitc = makeNode(Const);
		explicitc->consttype = BOOLOID;
		explicitc->consttypmod = -1;
		explicitc->constlen = 1;
		explicitc->constbyval = true;
		explicitc->constvalue = BoolGetDatum(ccontext == COERCION_EXPLICIT);
		explicitc->location = -1;
		args = lappend(args, explicitc);
	}
	return args;
}

/* Apply the length coercion (varchar(n), …) the target typmod needs. */
Node *CoerceTypmod(ParseState *pstate, Node *node, Oid targetTypeId, int32 targetTypMod,
				   CoercionContext ccontext, CoercionForm cformat, int location)
{
	if (targetTypMod < 0 || targetTypMod == exprTypmod(node))
		return node;
	Oid funcid;
	if (find_typmod_coercion_function(targetTypeId, &funcid) != COERCION_PATH_FUNC)
		return node;
	(void) pstate;
	FuncExpr *fexpr = makeNode(FuncExpr);
	fexpr->funcid = funcid;
	fexpr->funcresulttype = targetTypeId;
	fexpr->funcformat = cformat;
	fexpr->funccollid = exprCollation(node);
	fexpr->inputcollid = InvalidOid;
	fexpr->args = CoercionFunctionArgs(node, funcid, targetTypMod, ccontext);
	fexpr->location = location;
	return reinterpret_cast<Node *>(fexpr);
}

}  // namespace

TYPCATEGORY TypeCategory(Oid type)
{
	char typcategory;
	bool typispreferred;
	get_type_category_preferred(type, &typcategory, &typispreferred);
	return typcategory;
}

bool IsPreferredType(TYPCATEGORY category, Oid type)
{
	char typcategory;
	bool typispreferred;
	get_type_category_preferred(type, &typcategory, &typispreferred);
	return (category == '\0' || category == typcategory) && typispreferred;
}

CoercionPathType find_coercion_pathway(Oid targetTypeId, Oid sourceTypeId, CoercionContext ccontext,
									   Oid *funcid)
{
	*funcid = InvalidOid;
	if (sourceTypeId == targetTypeId)
		return COERCION_PATH_RELABELTYPE;
	/* A domain converts as its base type does (to and from it: a
	 * relabeling, the constraints checked by coerce_type's
	 * CoerceToDomain). */
	sourceTypeId = getBaseType(sourceTypeId);
	targetTypeId = getBaseType(targetTypeId);
	if (sourceTypeId == targetTypeId)
		return COERCION_PATH_RELABELTYPE;
	HeapTuple tuple = SearchSysCache2(CASTSOURCETARGET, ObjectIdGetDatum(sourceTypeId),
									  ObjectIdGetDatum(targetTypeId));
	if (tuple != nullptr)
	{
		auto *cast = reinterpret_cast<Form_pg_cast>(GETSTRUCT(tuple));
		CoercionContext castcontext;
		switch (cast->castcontext)
		{
			case 'i':
				castcontext = COERCION_IMPLICIT;
				break;
			case 'a':
				castcontext = COERCION_ASSIGNMENT;
				break;
			default:
				castcontext = COERCION_EXPLICIT;
				break;
		}
		if (ccontext < castcontext)
			return COERCION_PATH_NONE;
		switch (cast->castmethod)
		{
			case 'f':
				*funcid = cast->castfunc;
				return COERCION_PATH_FUNC;
			case 'i':
				return COERCION_PATH_COERCEVIAIO;
			default:
				return COERCION_PATH_RELABELTYPE;
		}
	}
	/* Between array types: element by element, if the elements convert
	 * in this context (int2vector and oidvector are not cast to so). */
	Oid target_elem = get_element_type(targetTypeId);
	Oid source_elem = get_element_type(sourceTypeId);
	if (OidIsValid(target_elem) && OidIsValid(source_elem) && targetTypeId != OIDVECTOROID &&
		targetTypeId != INT2VECTOROID)
	{
		Oid elemfuncid;
		if (find_coercion_pathway(target_elem, source_elem, ccontext, &elemfuncid) !=
			COERCION_PATH_NONE)
			return COERCION_PATH_ARRAYCOERCE;
	}
	/* No pg_cast entry: to a string type by I/O when assigning, from one
	 * when explicit (PostgreSQL's automatic I/O conversion casts). */
	if (ccontext >= COERCION_ASSIGNMENT && IsStringType(targetTypeId))
		return COERCION_PATH_COERCEVIAIO;
	if (ccontext >= COERCION_EXPLICIT && IsStringType(sourceTypeId))
		return COERCION_PATH_COERCEVIAIO;
	return COERCION_PATH_NONE;
}

CoercionPathType find_typmod_coercion_function(Oid typeId, Oid *funcid)
{
	*funcid = InvalidOid;
	HeapTuple tuple = SearchSysCache2(CASTSOURCETARGET, ObjectIdGetDatum(typeId),
									  ObjectIdGetDatum(typeId));
	if (tuple == nullptr)
		return COERCION_PATH_NONE;
	auto *cast = reinterpret_cast<Form_pg_cast>(GETSTRUCT(tuple));
	if (!OidIsValid(cast->castfunc))
		return COERCION_PATH_NONE;
	*funcid = cast->castfunc;
	return COERCION_PATH_FUNC;
}

bool can_coerce_type(int nargs, const Oid *input_typeids, const Oid *target_typeids,
					 CoercionContext ccontext)
{
	bool have_generics = false;
	for (int i = 0; i < nargs; i++)
	{
		Oid in = input_typeids[i];
		Oid target = target_typeids[i];
		if (in == target)
			continue;
		if (target == ANYOID)
			continue;
		if (IsPolymorphicType(target))
		{
			/* Checked all together below. */
			have_generics = true;
			continue;
		}
		if (in == UNKNOWNOID)
			continue; /* a literal can be anything its input function takes */
		/* a row type is a record, and a record (ROW(…)) may become one */
		if ((target == RECORDOID && type_is_rowtype(in)) ||
			(in == RECORDOID && get_typtype(target) == TYPTYPE_COMPOSITE))
			continue;
		if (target == RECORDARRAYOID && OidIsValid(get_element_type(in)) &&
			type_is_rowtype(get_element_type(in)))
			continue;
		Oid funcid;
		if (find_coercion_pathway(target, in, ccontext, &funcid) != COERCION_PATH_NONE)
			continue;
		return false;
	}
	if (have_generics)
		return check_generic_type_consistency(input_typeids, target_typeids, nargs);
	return true;
}

namespace {

/* ROW(…) as a table's row
 * type: each column coerced to the type's column, dropped columns
 * filled with NULLs (PostgreSQL's coerce_record_to_complex). */
Node *CoerceRecordToComplex(ParseState *pstate, Node *node, Oid targetTypeId,
							CoercionContext ccontext, CoercionForm cformat, int location)
{
	auto cannot_cast = [&](Node *at) {
		return parser_errposition(pstate, location >= 0 ? location : exprLocation(at));
	};
	if (!IsA(node, RowExpr))
		ereport(ERROR, errcode(ERRCODE_CANNOT_COERCE),
				errmsg("cannot cast type %s to %s", format_type_be(RECORDOID),
					   format_type_be(targetTypeId)),
				cannot_cast(node));
	RowExpr *row = reinterpret_cast<RowExpr *>(node);
	TupleDesc desc = lookup_rowtype_tupdesc_copy(targetTypeId, -1);
	List *newargs = NIL;
	int ucolno = 1;
	int argno = 0;
	int nargs = list_length(row->args);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (att->attisdropped)
		{
			newargs = lappend(newargs, makeNullConst(INT4OID, -1, InvalidOid));
			continue;
		}
		if (argno >= nargs)
			ereport(ERROR, errcode(ERRCODE_CANNOT_COERCE),
					errmsg("cannot cast type %s to %s", format_type_be(RECORDOID),
						   format_type_be(targetTypeId)),
					errdetail("Input has too few columns."), cannot_cast(node));
		Node *expr = static_cast<Node *>(list_nth(row->args, argno));
		Oid exprtype = exprType(expr);
		Node *cexpr = coerce_to_target_type(pstate, expr, exprtype, att->atttypid, att->atttypmod,
											ccontext, COERCE_IMPLICIT_CAST, -1);
		if (cexpr == nullptr)
			ereport(ERROR, errcode(ERRCODE_CANNOT_COERCE),
					errmsg("cannot cast type %s to %s", format_type_be(RECORDOID),
						   format_type_be(targetTypeId)),
					errdetail("Cannot cast type %s to %s in column %d.", format_type_be(exprtype),
							  format_type_be(att->atttypid), ucolno),
					cannot_cast(expr));
		newargs = lappend(newargs, cexpr);
		ucolno++;
		argno++;
	}
	if (argno < nargs)
		ereport(ERROR, errcode(ERRCODE_CANNOT_COERCE),
				errmsg("cannot cast type %s to %s", format_type_be(RECORDOID),
					   format_type_be(targetTypeId)),
				errdetail("Input has too many columns."), cannot_cast(node));
	RowExpr *result = makeNode(RowExpr);
	result->args = newargs;
	result->row_typeid = targetTypeId;
	result->row_format = cformat;
	result->colnames = NIL;
	result->location = row->location;
	return reinterpret_cast<Node *>(result);
}

}  // namespace

Node *coerce_type(ParseState *pstate, Node *node, Oid inputTypeId, Oid targetTypeId,
				  int32 targetTypeMod, CoercionContext ccontext, CoercionForm cformat, int location)
{
	/* The typmod is applied by coerce_to_target_type's length coercion
	 * (PostgreSQL's coerce_type takes it but leaves it to the caller too). */
	if (targetTypeId == inputTypeId || node == nullptr)
		return node;
	/* These take any value as it is, an unknown literal too (which keeps
	 * its type: the call's polymorphism is resolved from the others). */
	if (targetTypeId == ANYOID || targetTypeId == ANYELEMENTOID || targetTypeId == ANYNONARRAYOID ||
		targetTypeId == ANYCOMPATIBLEOID || targetTypeId == ANYCOMPATIBLENONARRAYOID)
		return node;
	/* A polymorphic type left unresolved (allow_poly) takes the input as is. */
	if (IsPolymorphicType(targetTypeId) && inputTypeId != UNKNOWNOID)
		return node;
	if (inputTypeId == UNKNOWNOID && IsA(node, Const))
	{
		/* A literal as a domain: read by the base type's input function,
		 * then checked as the domain. */
		int32 baseTypeMod = targetTypeMod;
		Oid baseTypeId = getBaseTypeAndTypmod(targetTypeId, &baseTypeMod);
		Node *result = CoerceUnknownConst(pstate, reinterpret_cast<Const *>(node), baseTypeId,
										  baseTypeMod, location);
		if (baseTypeId != targetTypeId)
			result = coerce_to_domain(result, baseTypeId, baseTypeMod, targetTypeId, ccontext,
									  cformat, location, false);
		return result;
	}
	if (inputTypeId == UNKNOWNOID && IsA(node, Param))
	{
		/* An untyped $n takes the type it is used as. */
		Param *param = reinterpret_cast<Param *>(node);
		if (pstate != nullptr && pstate->p_variableparams && param->paramid > 0 &&
			param->paramid <= pstate->p_numparams)
		{
			pstate->p_paramtypes[param->paramid - 1] = targetTypeId;
			param->paramtype = targetTypeId;
			param->paramtypmod = -1;
			param->paramcollid = get_typcollation(targetTypeId);
			return node;
		}
	}
	/* A row type is a record as it is (no RelabelType, so the value keeps
	 * naming its own type); ROW(…) becomes a table's row type column by
	 * column. */
	if (targetTypeId == RECORDOID && type_is_rowtype(inputTypeId))
		return node;
	if (targetTypeId == RECORDARRAYOID && OidIsValid(get_element_type(inputTypeId)) &&
		type_is_rowtype(get_element_type(inputTypeId)))
		return node;
	if (inputTypeId == RECORDOID && get_typtype(targetTypeId) == TYPTYPE_COMPOSITE)
		return CoerceRecordToComplex(pstate, node, targetTypeId, ccontext, cformat, location);
	Oid funcid;
	CoercionPathType path = find_coercion_pathway(targetTypeId, inputTypeId, ccontext, &funcid);
	/* To a domain: to its base type, then checked as the domain. */
	int32 baseTypeMod = targetTypeMod;
	Oid baseTypeId = getBaseTypeAndTypmod(targetTypeId, &baseTypeMod);
	if (baseTypeId != targetTypeId)
	{
		if (path == COERCION_PATH_RELABELTYPE)
			return coerce_to_domain(node, baseTypeId, baseTypeMod, targetTypeId, ccontext, cformat,
									location, false);
		Node *base = coerce_type(pstate, node, inputTypeId, baseTypeId, baseTypeMod, ccontext,
								 cformat, location);
		return coerce_to_domain(base, baseTypeId, baseTypeMod, targetTypeId, ccontext, cformat,
								location, true);
	}
	switch (path)
	{
		case COERCION_PATH_ARRAYCOERCE:
		{
			/* The element coercion over a placeholder for each element. */
			CaseTestExpr *ctest = makeNode(CaseTestExpr);
			ctest->typeId = get_element_type(inputTypeId);
			ctest->typeMod = exprTypmod(node);
			ctest->collation = exprCollation(node);
			Oid target_elem = get_element_type(targetTypeId);
			Node *elemexpr = coerce_to_target_type(pstate, reinterpret_cast<Node *>(ctest),
												   ctest->typeId, target_elem, targetTypeMod,
												   ccontext, cformat, location);
			if (elemexpr == nullptr)
				elog(ERROR, "failed to coerce array element type as expected");
			ArrayCoerceExpr *acoerce = makeNode(ArrayCoerceExpr);
			acoerce->arg = reinterpret_cast<Expr *>(node);
			acoerce->elemexpr = reinterpret_cast<Expr *>(elemexpr);
			acoerce->resulttype = targetTypeId;
			acoerce->resulttypmod = targetTypeMod;
			acoerce->resultcollid = get_typcollation(targetTypeId);
			acoerce->coerceformat = cformat;
			acoerce->location = location;
			return reinterpret_cast<Node *>(acoerce);
		}
		case COERCION_PATH_FUNC:
		{
			FuncExpr *fexpr = makeNode(FuncExpr);
			fexpr->funcid = funcid;
			fexpr->funcresulttype = targetTypeId;
			fexpr->funcformat = cformat;
			fexpr->funccollid = get_typcollation(targetTypeId);
			fexpr->inputcollid = exprCollation(node);
			fexpr->args = CoercionFunctionArgs(node, funcid, targetTypeMod, ccontext);
			fexpr->location = location;
			return reinterpret_cast<Node *>(fexpr);
		}
		case COERCION_PATH_RELABELTYPE:
		{
			RelabelType *r = makeNode(RelabelType);
			r->arg = reinterpret_cast<Expr *>(node);
			r->resulttype = targetTypeId;
			r->resulttypmod = -1;
			r->resultcollid = get_typcollation(targetTypeId);
			r->relabelformat = cformat;
			r->location = location;
			return reinterpret_cast<Node *>(r);
		}
		case COERCION_PATH_COERCEVIAIO:
		{
			CoerceViaIO *io = makeNode(CoerceViaIO);
			io->arg = reinterpret_cast<Expr *>(node);
			io->resulttype = targetTypeId;
			io->resultcollid = get_typcollation(targetTypeId);
			io->coerceformat = cformat;
			io->location = location;
			return reinterpret_cast<Node *>(io);
		}
		default:
			elog(ERROR, "failed to find conversion function from %s to %s",
				 format_type_be(inputTypeId), format_type_be(targetTypeId));
	}
}

Node *coerce_to_target_type(ParseState *pstate, Node *expr, Oid exprtype, Oid targettype,
							int32 targettypmod, CoercionContext ccontext, CoercionForm cformat,
							int location)
{
	if (!can_coerce_type(1, &exprtype, &targettype, ccontext))
		return nullptr;
	Node *result = coerce_type(pstate, expr, exprtype, targettype, targettypmod, ccontext, cformat,
							   location);
	/* Then the length (typmod) coercion, if the target has one. */
	Node *coerced = CoerceTypmod(pstate, result, targettype, targettypmod, ccontext, cformat,
								 location);
	/* Both a type and a length coercion: the inner one shows as implicit,
	 * so a view prints one cast, as PostgreSQL's hide_coercion_node does. */
	if (coerced != result && result != expr && !IsA(result, Const))
	{
		if (IsA(result, FuncExpr))
			reinterpret_cast<FuncExpr *>(result)->funcformat = COERCE_IMPLICIT_CAST;
		else if (IsA(result, RelabelType))
			reinterpret_cast<RelabelType *>(result)->relabelformat = COERCE_IMPLICIT_CAST;
		else if (IsA(result, CoerceViaIO))
			reinterpret_cast<CoerceViaIO *>(result)->coerceformat = COERCE_IMPLICIT_CAST;
		else if (IsA(result, ArrayCoerceExpr))
			reinterpret_cast<ArrayCoerceExpr *>(result)->coerceformat = COERCE_IMPLICIT_CAST;
	}
	return coerced;
}

Node *coerce_to_domain(Node *arg, Oid baseTypeId, int32 baseTypeMod, Oid typeId,
					   CoercionContext ccontext, CoercionForm cformat, int location,
					   bool hideInputCoercion)
{
	if (!OidIsValid(baseTypeId))
	{
		baseTypeMod = -1;
		baseTypeId = getBaseTypeAndTypmod(typeId, &baseTypeMod);
	}
	if (baseTypeId == typeId)
		return arg;
	/* The conversion to the base type prints as part of this one. */
	if (hideInputCoercion)
	{
		if (IsA(arg, FuncExpr))
			reinterpret_cast<FuncExpr *>(arg)->funcformat = COERCE_IMPLICIT_CAST;
		else if (IsA(arg, RelabelType))
			reinterpret_cast<RelabelType *>(arg)->relabelformat = COERCE_IMPLICIT_CAST;
		else if (IsA(arg, CoerceViaIO))
			reinterpret_cast<CoerceViaIO *>(arg)->coerceformat = COERCE_IMPLICIT_CAST;
		else if (IsA(arg, ArrayCoerceExpr))
			reinterpret_cast<ArrayCoerceExpr *>(arg)->coerceformat = COERCE_IMPLICIT_CAST;
	}
	/* The domain's typmod on its base type (varchar(5) …). */
	arg = CoerceTypmod(nullptr, arg, baseTypeId, baseTypeMod, ccontext, COERCE_IMPLICIT_CAST,
					   location);
	CoerceToDomain *result = makeNode(CoerceToDomain);
	result->arg = reinterpret_cast<Expr *>(arg);
	result->resulttype = typeId;
	result->resulttypmod = -1;
	result->resultcollid = get_typcollation(typeId);
	result->coercionformat = cformat;
	result->location = location;
	return reinterpret_cast<Node *>(result);
}

Node *coerce_to_boolean(ParseState *pstate, Node *node, const char *constructName)
{
	Oid inputTypeId = exprType(node);
	if (inputTypeId != BOOLOID)
	{
		Oid target = BOOLOID;
		if (!can_coerce_type(1, &inputTypeId, &target, COERCION_ASSIGNMENT))
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("argument of %s must be type %s, not type %s", constructName, "boolean",
						   format_type_be(inputTypeId)),
					parser_errposition(pstate, exprLocation(node)));
		node = coerce_type(pstate, node, inputTypeId, BOOLOID, -1, COERCION_ASSIGNMENT,
						   COERCE_IMPLICIT_CAST, -1);
	}
	if ((IsA(node, FuncExpr) && reinterpret_cast<FuncExpr *>(node)->funcretset) ||
		(IsA(node, OpExpr) && reinterpret_cast<OpExpr *>(node)->opretset))
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("argument of %s must not return a set", constructName),
				parser_errposition(pstate, exprLocation(node)));
	return node;
}

Node *coerce_to_specific_type(ParseState *pstate, Node *node, Oid targetTypeId,
							  const char *constructName)
{
	Oid inputTypeId = exprType(node);
	if (inputTypeId == targetTypeId)
		return node;
	if (!can_coerce_type(1, &inputTypeId, &targetTypeId, COERCION_ASSIGNMENT))
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("argument of %s must be type %s, not type %s", constructName,
					   format_type_be(targetTypeId), format_type_be(inputTypeId)),
				parser_errposition(pstate, exprLocation(node)));
	return coerce_type(pstate, node, inputTypeId, targetTypeId, -1, COERCION_ASSIGNMENT,
					   COERCE_IMPLICIT_CAST, -1);
}

Oid select_common_type(ParseState *pstate, List *exprs, const char *context, Node **which_expr)
{
	Assert(exprs != NIL);
	Node *pexpr = static_cast<Node *>(linitial(exprs));
	Oid ptype = exprType(pexpr);
	/* All the same (and not unknown): that type. */
	bool all_same = true;
	ListCell *lc;
	foreach (lc, exprs)
		if (exprType(static_cast<Node *>(lfirst(lc))) != ptype)
			all_same = false;
	if (all_same && ptype != UNKNOWNOID)
	{
		if (which_expr != nullptr)
			*which_expr = pexpr;
		return ptype;
	}
	/* Mixed inputs: a domain counts as its base type. */
	ptype = getBaseType(ptype);
	TYPCATEGORY pcategory = TypeCategory(ptype);
	bool pispreferred = IsPreferredType(pcategory, ptype);
	foreach (lc, exprs)
	{
		Node *nexpr = static_cast<Node *>(lfirst(lc));
		Oid ntype = getBaseType(exprType(nexpr));
		if (ntype == UNKNOWNOID || ntype == ptype)
			continue;
		if (ptype == UNKNOWNOID)
		{
			pexpr = nexpr;
			ptype = ntype;
			pcategory = TypeCategory(ptype);
			pispreferred = IsPreferredType(pcategory, ptype);
			continue;
		}
		TYPCATEGORY ncategory = TypeCategory(ntype);
		if (ncategory != pcategory)
		{
			if (context == nullptr)
				return InvalidOid;
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					/* translator: first %s is name of a SQL construct, eg CASE */
					errmsg("%s types %s and %s cannot be matched", context, format_type_be(ptype),
						   format_type_be(ntype)),
					parser_errposition(pstate, exprLocation(nexpr)));
		}
		Oid pn[1] = {ptype};
		Oid np[1] = {ntype};
		if (!pispreferred && can_coerce_type(1, pn, np, COERCION_IMPLICIT) &&
			!can_coerce_type(1, np, pn, COERCION_IMPLICIT))
		{
			/* ntype is more general: take it. */
			pexpr = nexpr;
			ptype = ntype;
			pcategory = ncategory;
			pispreferred = IsPreferredType(ncategory, ntype);
		}
	}
	/* Only unknowns: text. */
	if (ptype == UNKNOWNOID)
		ptype = TEXTOID;
	if (which_expr != nullptr)
		*which_expr = pexpr;
	return ptype;
}

Node *coerce_to_common_type(ParseState *pstate, Node *node, Oid targetTypeId, const char *context)
{
	Oid inputTypeId = exprType(node);
	if (inputTypeId == targetTypeId)
		return node;
	if (!can_coerce_type(1, &inputTypeId, &targetTypeId, COERCION_IMPLICIT))
		ereport(ERROR, errcode(ERRCODE_CANNOT_COERCE),
				errmsg("%s could not convert type %s to %s", context, format_type_be(inputTypeId),
					   format_type_be(targetTypeId)),
				parser_errposition(pstate, exprLocation(node)));
	return coerce_type(pstate, node, inputTypeId, targetTypeId, -1, COERCION_IMPLICIT,
					   COERCE_IMPLICIT_CAST, -1);
}
