/*
 * nodes/params.h — the values of a statement's $n parameters
 * (PostgreSQL's ParamListInfoData and ParamExternData, same layout).
 *
 * Bind, EXECUTE and SPI fill one ParamListInfo per execution; the
 * executor reads params[n - 1] when an expression evaluates $n (an
 * EEOP_PARAM_EXTERN step).  A module may instead supply values lazily
 * through paramFetch, as in PostgreSQL.  pflags: PARAM_FLAG_CONST marks
 * a value the planner may treat as a constant (a custom plan's).
 *
 * Principal entry points: makeParamList, copyParamList.
 */
#ifndef TUSK_NODES_PARAMS_H
#define TUSK_NODES_PARAMS_H

#include "postgres.h"

struct ParseState;
struct Param;
struct ExprState;

#define PARAM_FLAG_CONST 0x0001

typedef struct ParamExternData
{
	Datum value;
	bool isnull;
	uint16 pflags;
	Oid ptype;
} ParamExternData;

typedef struct ParamListInfoData *ParamListInfo;

typedef ParamExternData *(*ParamFetchHook)(ParamListInfo params, int paramid, bool speculative,
										   ParamExternData *workspace);
typedef void (*ParamCompileHook)(ParamListInfo params, struct Param *param, struct ExprState *state,
								 Datum *resv, bool *resnull);
typedef void (*ParserSetupHook)(struct ParseState *pstate, void *arg);

typedef struct ParamListInfoData
{
	ParamFetchHook paramFetch; /* NULL: the values are in params[] */
	void *paramFetchArg;
	ParamCompileHook paramCompile; /* (not used by Tusk's executor) */
	void *paramCompileArg;
	ParserSetupHook parserSetup; /* (not used: analysis takes the types) */
	void *parserSetupArg;
	char *paramValuesStr; /* the values as text, for error context; or NULL */
	int numParams;
	ParamExternData params[FLEXIBLE_ARRAY_MEMBER];
} ParamListInfoData;

#ifdef __cplusplus
extern "C" {
#endif

/* A list of numParams parameters, all NULL and untyped, in the current
 * memory context. */
extern ParamListInfo makeParamList(int numParams);
/* A copy in the current memory context, by-reference values included. */
extern ParamListInfo copyParamList(ParamListInfo from);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_NODES_PARAMS_H */
