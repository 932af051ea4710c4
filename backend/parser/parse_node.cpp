/*
 * parse_node.cpp — ParseState and the analyzer's small helpers
 * (parser/parse_node.h): error positions, literal constants and
 * subscripted containers.
 */
#include "postgres.h"

#include <cerrno>
#include <climits>
#include <cstdlib>

#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "nodes/nodeFuncs.h"
#include "nodes/subscripting.h"
#include "parser/parse_node.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"

ParseState *make_parsestate(ParseState *parentParseState)
{
	auto *pstate = static_cast<ParseState *>(palloc0(sizeof(ParseState)));
	pstate->parentParseState = parentParseState;
	pstate->p_resolve_unknowns = true;
	pstate->p_next_resno = 1;
	if (parentParseState != nullptr)
	{
		pstate->p_sourcetext = parentParseState->p_sourcetext;
		pstate->p_paramtypes = parentParseState->p_paramtypes;
		pstate->p_numparams = parentParseState->p_numparams;
		pstate->p_variableparams = parentParseState->p_variableparams;
		pstate->p_post_columnref_hook = parentParseState->p_post_columnref_hook;
		pstate->p_ref_hook_state = parentParseState->p_ref_hook_state;
	}
	return pstate;
}

void free_parsestate(ParseState *pstate)
{
	pfree(pstate);
}

int parser_errposition(ParseState *pstate, int location)
{
	if (location < 0 || pstate == nullptr || pstate->p_sourcetext == nullptr)
		return 0;
	/* Positions count characters, from 1; the text is UTF-8. */
	int pos = 1;
	for (int i = 0; i < location && pstate->p_sourcetext[i] != '\0'; i++)
		if ((static_cast<unsigned char>(pstate->p_sourcetext[i]) & 0xC0) != 0x80)
			pos++;
	return errposition(pos);
}

ParserErrposScope::ParserErrposScope(ParseState *pstate, int location)
	: pstate_(pstate), location_(location)
{
	callback_.callback = Callback;
	callback_.arg = this;
	callback_.previous = error_context_stack;
	error_context_stack = &callback_;
}

ParserErrposScope::~ParserErrposScope()
{
	error_context_stack = callback_.previous;
}

void ParserErrposScope::Callback(void *arg)
{
	auto *self = static_cast<ParserErrposScope *>(arg);
	if (geterrposition() <= 0)
		parser_errposition(self->pstate_, self->location_);
}

Const *make_const(ParseState *pstate, A_Const *aconst)
{
	Const *con = makeNode(Const);
	con->consttypmod = -1;
	con->location = aconst->location;
	if (aconst->isnull)
	{
		con->consttype = UNKNOWNOID;
		con->constlen = -2;
		con->constisnull = true;
		con->constbyval = false;
		return con;
	}
	Node *val = aconst->val;
	switch (nodeTag(val))
	{
		case T_Integer:
			con->consttype = INT4OID;
			con->constlen = 4;
			con->constbyval = true;
			con->constvalue = Int32GetDatum(intVal(val));
			break;
		case T_Float:
		{
			/* An integer too big for int4 is int8 if it fits, else numeric. */
			const char *s = castNode(Float, val)->fval;
			char *end;
			errno = 0;
			long long v = strtoll(s, &end, 10);
			if (*end == '\0' && errno == 0 && v == static_cast<int32>(v))
			{
				/* -2147483648 arrives as a Float (its digits overflow an
				 * int4 before the sign applies) and is an integer. */
				con->consttype = INT4OID;
				con->constlen = 4;
				con->constbyval = true;
				con->constvalue = Int32GetDatum(static_cast<int32>(v));
			}
			else if (*end == '\0' && errno == 0)
			{
				con->consttype = INT8OID;
				con->constlen = 8;
				con->constbyval = true;
				con->constvalue = Int64GetDatum(v);
			}
			else
			{
				Oid typinput;
				Oid typioparam;
				getTypeInputInfo(NUMERICOID, &typinput, &typioparam);
				ParserErrposScope scope(pstate, aconst->location);
				con->consttype = NUMERICOID;
				con->constlen = -1;
				con->constbyval = false;
				con->constvalue = OidInputFunctionCall(typinput, const_cast<char *>(s), typioparam,
													   -1);
			}
			break;
		}
		case T_Boolean:
			con->consttype = BOOLOID;
			con->constlen = 1;
			con->constbyval = true;
			con->constvalue = BoolGetDatum(boolVal(val));
			break;
		case T_String:
			/* Of unknown type until its use decides: a C string meanwhile. */
			con->consttype = UNKNOWNOID;
			con->constlen = -2;
			con->constbyval = false;
			con->constvalue = CStringGetDatum(strVal(val));
			break;
		case T_BitString:
		{
			Oid typinput;
			Oid typioparam;
			getTypeInputInfo(BITOID, &typinput, &typioparam);
			ParserErrposScope scope(pstate, aconst->location);
			con->consttype = BITOID;
			con->constlen = -1;
			con->constbyval = false;
			con->constvalue = OidInputFunctionCall(typinput, castNode(BitString, val)->bsval,
												   typioparam, -1);
			break;
		}
		default:
			elog(ERROR, "unrecognized node type: %d", static_cast<int>(nodeTag(val)));
	}
	return con;
}

SubscriptingRef *transformContainerSubscripts(ParseState *pstate, Node *containerBase,
											  Oid containerType, int32 containerTypMod,
											  List *indirection, bool isAssignment)
{
	Oid elemtype = InvalidOid;
	const SubscriptRoutines *routines = getSubscriptingRoutines(containerType, &elemtype);
	if (routines == nullptr)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("cannot subscript type %s because it does not support subscripting",
					   format_type_be(containerType)),
				parser_errposition(pstate, exprLocation(containerBase)));
	bool is_slice = false;
	ListCell *lc;
	foreach (lc, indirection)
		is_slice = is_slice || static_cast<A_Indices *>(lfirst(lc))->is_slice;
	SubscriptingRef *sbsref = makeNode(SubscriptingRef);
	sbsref->refcontainertype = containerType;
	sbsref->refelemtype = elemtype;
	sbsref->reftypmod = containerTypMod;
	sbsref->refexpr = reinterpret_cast<Expr *>(containerBase);
	routines->transform(sbsref, indirection, pstate, is_slice, isAssignment);
	/* The element's collation is the container's (an array's collation
	 * is its element type's). */
	Oid collation = get_typcollation(sbsref->refrestype);
	if (OidIsValid(collation) && OidIsValid(exprCollation(containerBase)))
		collation = exprCollation(containerBase);
	sbsref->refcollid = collation;
	return sbsref;
}
