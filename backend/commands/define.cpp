/*
 * define.cpp — reading the options of utility statements (DefElem lists:
 * `WITH (…)`, sequence options, EXPLAIN's and COPY's), as PostgreSQL's
 * define.c does (commands/defrem.h).
 */
#include "postgres.h"

#include <cerrno>
#include <cstdlib>

#include "commands/defrem.h"
#include "nodes/value.h"
#include "parser/parse_node.h"
#include "utils/builtins.h"

bool defGetBoolean(const DefElem *def)
{
	if (def->arg == nullptr)
		return true;
	if (IsA(def->arg, Integer))
	{
		switch (intVal(def->arg))
		{
			case 0:
				return false;
			case 1:
				return true;
			default:
				break;
		}
	}
	else if (IsA(def->arg, Boolean))
		return boolVal(def->arg);
	else if (IsA(def->arg, String))
	{
		const char *s = strVal(def->arg);
		bool result;
		if (parse_bool_with_len(s, strlen(s), &result))
			return result;
	}
	/* Without a position, as PostgreSQL reports it. */
	ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
			errmsg("%s requires a Boolean value", def->defname));
}

int64 defGetInt64(const DefElem *def)
{
	if (def->arg == nullptr)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("%s requires a numeric value", def->defname));
	if (IsA(def->arg, Integer))
		return intVal(def->arg);
	if (IsA(def->arg, Float))
	{
		/* An integer too wide for int, kept as text by the parser. */
		const char *s = castNode(Float, def->arg)->fval;
		char *end;
		errno = 0;
		long long v = strtoll(s, &end, 10);
		if (errno != 0 || *end != '\0')
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("value \"%s\" is out of range for type %s", s, "bigint"));
		return v;
	}
	ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
			errmsg("%s requires a numeric value", def->defname));
}

int32 defGetInt32(const DefElem *def)
{
	if (def->arg == nullptr)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("%s requires a numeric value", def->defname));
	if (IsA(def->arg, Integer))
		return intVal(def->arg);
	ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
			errmsg("%s requires an integer value", def->defname));
}

char *defGetString(const DefElem *def)
{
	if (def->arg == nullptr)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("%s requires a parameter", def->defname));
	switch (nodeTag(def->arg))
	{
		case T_Integer:
			return psprintf("%d", intVal(def->arg));
		case T_Float:
			return castNode(Float, def->arg)->fval;
		case T_Boolean:
			return pstrdup(boolVal(def->arg) ? "true" : "false");
		case T_String:
			return strVal(def->arg);
		case T_A_Star:
			return pstrdup("*");
		default:
			elog(ERROR, "unrecognized node type: %d", static_cast<int>(nodeTag(def->arg)));
	}
}

void errorConflictingDefElem(const DefElem *defel, ParseState *pstate)
{
	ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("conflicting or redundant options"),
			pstate != nullptr ? parser_errposition(pstate, defel->location) : 0);
}
