/*
 * parser/parse_expr.h — analyzing expressions, column references, type
 * names and range-table entries (PostgreSQL's parse_expr.h,
 * parse_relation.h, parse_target.h and parse_type.h in one interface).
 */
#ifndef TUSK_PARSER_PARSE_EXPR_H
#define TUSK_PARSER_PARSE_EXPR_H

#include "parser/parse_node.h"
#include "storage/lock.h"

#ifdef __cplusplus
extern "C" {
#endif

extern Node *transformExpr(ParseState *pstate, Node *expr, ParseExprKind exprKind);
/* A type name's OID and typmod; ERROR 42704 if there is no such type. */
extern void typenameTypeIdAndMod(ParseState *pstate, const TypeName *typeName, Oid *typeid_p,
								 int32 *typmod_p);
extern Oid typenameTypeId(ParseState *pstate, const TypeName *typeName);

/* A table in the range table (locked in lockmode), visible as alias or
 * its name; the new entry is returned and appended to p_rtable. */
extern ParseNamespaceItem *addRangeTableEntry(ParseState *pstate, RangeVar *relation, Alias *alias,
											  LOCKMODE lockmode, bool inFromCl);
extern ParseNamespaceItem *addRangeTableEntryForValues(ParseState *pstate, List *exprs,
													   List *coltypes, List *coltypmods,
													   List *colcollations, Alias *alias);
/* A Var for column attno of a FROM item that is not a join, typed from
 * the table or the item's column lists; it is not marked as selected. */
extern Var *makeColumnVar(ParseNamespaceItem *nsitem, int attno, int location, int levelsup);
/* The target-list entries for "*" or "t.*". */
extern List *expandNSItemAttrs(ParseState *pstate, ParseNamespaceItem *nsitem, int location);
/* A SELECT list (ResTargets) analyzed into TargetEntries. */
extern List *transformTargetList(ParseState *pstate, List *targetlist, ParseExprKind exprKind);
/* Unknown-typed output columns become text, as PostgreSQL 10+ does. */
extern void resolveTargetListUnknowns(ParseState *pstate, List *targetlist);
/* The column name PostgreSQL gives an unnamed expression ("?column?"). */
extern char *FigureColname(Node *node);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_PARSER_PARSE_EXPR_H */
