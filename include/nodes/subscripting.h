/*
 * nodes/subscripting.h — what a subscriptable type provides: PostgreSQL's
 * SubscriptRoutines.
 *
 * A type is subscriptable when pg_type.typsubscript names a handler
 * function (internal → internal) that returns a pointer to a static
 * SubscriptRoutines.  The parser calls transform to check the subscripts
 * of a SubscriptingRef, coerce them and set its result type; the
 * executor calls exec_setup once per expression to learn the step
 * functions that check the subscripts, fetch and assign.  Arrays'
 * handler is array_subscript_handler (utils/adt/arraysubs.cpp).
 *
 * Entry point: getSubscriptingRoutines (parser/parse_node.h's
 * neighbour, declared here).
 */
#ifndef TUSK_NODES_SUBSCRIPTING_H
#define TUSK_NODES_SUBSCRIPTING_H

#include "nodes/primnodes.h"

struct ParseState;
struct SubscriptingRefState;
struct SubscriptExecSteps;

/* Check and coerce the subscripts of indirection (A_Indices) into
 * sbsref's refupperindexpr/reflowerindexpr and set refrestype and
 * reftypmod; isSlice if any subscript is a slice. */
typedef void (*SubscriptTransform)(SubscriptingRef *sbsref, List *indirection,
								   struct ParseState *pstate, bool isSlice, bool isAssignment);

/* Fill in the step functions (and the workspace) for one expression. */
typedef void (*SubscriptExecSetup)(const SubscriptingRef *sbsref,
								   struct SubscriptingRefState *sbsrefstate,
								   struct SubscriptExecSteps *methods);

typedef struct SubscriptRoutines
{
	SubscriptTransform transform;
	SubscriptExecSetup exec_setup;
	bool fetch_strict;	  /* a NULL container or subscript fetches NULL */
	bool fetch_leakproof; /* fetch never reveals anything in an error */
	bool store_leakproof;
} SubscriptRoutines;

/* The routines of containerType (domains over it included), and in
 * *elemtype what typelem says; NULL if the type is not subscriptable. */
extern const SubscriptRoutines *getSubscriptingRoutines(Oid containerType, Oid *elemtype);

#endif /* TUSK_NODES_SUBSCRIPTING_H */
