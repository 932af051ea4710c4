/*
 * json.cpp — the json type, so far only its output function: EXPLAIN
 * (FORMAT JSON) returns its plan as a json value, whose text is stored
 * as PostgreSQL stores json (the text itself).  json_in and the json
 * functions are not implemented yet (calling them is 0A000 through
 * fmgr).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

Datum json_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(text_to_cstring(PG_GETARG_TEXT_PP(0)));
}
