/*
 * pseudotypes.cpp — I/O functions of the pseudo-types.
 *
 * cstring and unknown are C strings: input and output copy them.  void
 * reads anything as nothing and prints "".  The polymorphic and internal
 * types (any, anyelement, internal, trigger, ...) have no values a user
 * can write or see: their input is 0A000 "cannot accept a value of type
 * X", their output 0A000 "cannot display a value of type X"; anyarray
 * and pg_node_tree print as arrays and text do.
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h).
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"

namespace {

[[noreturn]] void CannotAccept(const char *type_name)
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("cannot accept a value of type %s", type_name));
	pg_unreachable();
}

[[noreturn]] void CannotDisplay(const char *type_name)
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("cannot display a value of type %s", type_name));
	pg_unreachable();
}

}  // namespace

Datum cstring_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(PG_GETARG_CSTRING(0)));
}

Datum cstring_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(PG_GETARG_CSTRING(0)));
}

/* unknown (an untyped literal) is stored as a C string. */
Datum unknownin(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(PG_GETARG_CSTRING(0)));
}

Datum unknownout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(PG_GETARG_CSTRING(0)));
}

Datum void_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_VOID();
}

Datum void_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_CSTRING(pstrdup(""));
}

Datum shell_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("cannot accept a value of a shell type"));
	PG_RETURN_VOID();
}

Datum shell_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("cannot display a value of a shell type"));
	PG_RETURN_VOID();
}

/* anyarray values are arrays and print as such. */
Datum anyarray_out(PG_FUNCTION_ARGS)
{
	return array_out(fcinfo);
}

Datum anycompatiblearray_out(PG_FUNCTION_ARGS)
{
	return array_out(fcinfo);
}

/* pg_node_tree values are text. */
Datum pg_node_tree_out(PG_FUNCTION_ARGS)
{
	return textout(fcinfo);
}

/* Pseudo-types with neither input nor output. */

Datum any_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("any");
}

Datum any_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("any");
}

Datum trigger_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("trigger");
}

Datum trigger_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("trigger");
}

Datum event_trigger_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("event_trigger");
}

Datum event_trigger_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("event_trigger");
}

Datum language_handler_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("language_handler");
}

Datum language_handler_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("language_handler");
}

Datum fdw_handler_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("fdw_handler");
}

Datum fdw_handler_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("fdw_handler");
}

Datum table_am_handler_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("table_am_handler");
}

Datum table_am_handler_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("table_am_handler");
}

Datum index_am_handler_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("index_am_handler");
}

Datum index_am_handler_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("index_am_handler");
}

Datum tsm_handler_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("tsm_handler");
}

Datum tsm_handler_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("tsm_handler");
}

Datum internal_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("internal");
}

Datum internal_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("internal");
}

Datum anyelement_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anyelement");
}

Datum anyelement_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("anyelement");
}

Datum anynonarray_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anynonarray");
}

Datum anynonarray_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("anynonarray");
}

Datum anycompatible_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anycompatible");
}

Datum anycompatible_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("anycompatible");
}

Datum anycompatiblenonarray_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anycompatiblenonarray");
}

Datum anycompatiblenonarray_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("anycompatiblenonarray");
}

Datum pg_ddl_command_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("pg_ddl_command");
}

Datum pg_ddl_command_out(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotDisplay("pg_ddl_command");
}

/* Pseudo-types whose values can be shown but not written. */

Datum anyarray_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anyarray");
}

Datum anycompatiblearray_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anycompatiblearray");
}

Datum anyenum_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anyenum");
}

Datum anyrange_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anyrange");
}

Datum anycompatiblerange_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anycompatiblerange");
}

Datum anymultirange_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anymultirange");
}

Datum anycompatiblemultirange_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("anycompatiblemultirange");
}

Datum pg_node_tree_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	CannotAccept("pg_node_tree");
}

/* unknown and cstring travel as their bytes; void as nothing. */
Datum unknownrecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int nbytes;
	PG_RETURN_CSTRING(pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes));
}

Datum unknownsend(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendtext(&buf, str, static_cast<int>(strlen(str)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum cstring_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int nbytes;
	PG_RETURN_CSTRING(pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes));
}

Datum cstring_send(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendtext(&buf, str, static_cast<int>(strlen(str)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum void_recv(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_VOID();
}

Datum void_send(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	StringInfoData buf;
	pq_begintypsend(&buf);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
