/*
 * parser/analyze.h — parse analysis: raw statement to Query
 * (PostgreSQL's analyze.h).
 */
#ifndef TUSK_PARSER_ANALYZE_H
#define TUSK_PARSER_ANALYZE_H

#include "nodes/params.h"
#include "parser/parse_node.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One RawStmt with fixed parameter types (numParams of them; may be 0). */
extern Query *parse_analyze_fixedparams(RawStmt *parseTree, const char *sourceText,
										const Oid *paramTypes, int numParams);
/* Parameter types inferred from use; *paramTypes grows. */
extern Query *parse_analyze_varparams(RawStmt *parseTree, const char *sourceText, Oid **paramTypes,
									  int *numParams);
/* One RawStmt whose ParseState parserSetup prepares first (PostgreSQL's
 * parse_analyze_withcb: an SQL function's argument types and names). */
extern Query *parse_analyze_withcb(RawStmt *parseTree, const char *sourceText,
								   ParserSetupHook parserSetup, void *parserSetupArg);
extern Query *transformStmt(ParseState *pstate, Node *parseTree);
/* A subquery (a SelectStmt) of the query pstate is analyzing. */
extern Query *parse_sub_analyze(Node *parseTree, ParseState *parentParseState);
extern Query *transformTopLevelStmt(ParseState *pstate, RawStmt *parseTree);
/* The "<" (">" when desc) and "=" operators of type's default btree
 * operator class (a binary-compatible type's, arrays' anyarray class);
 * false when it has none. */
extern bool FindOrderingOps(Oid type, bool desc, Oid *sortop, Oid *eqop);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_PARSER_ANALYZE_H */
