/*
 * parser/parse_coerce.h — type coercion: which casts exist (pg_cast), in
 * which contexts, and building the expression that performs one
 * (PostgreSQL's parse_coerce.h).
 */
#ifndef TUSK_PARSER_PARSE_COERCE_H
#define TUSK_PARSER_PARSE_COERCE_H

#include "parser/parse_node.h"

typedef char TYPCATEGORY;

typedef enum CoercionPathType
{
	COERCION_PATH_NONE,
	COERCION_PATH_FUNC,
	COERCION_PATH_RELABELTYPE,
	COERCION_PATH_ARRAYCOERCE,
	COERCION_PATH_COERCEVIAIO
} CoercionPathType;

#ifdef __cplusplus
extern "C" {
#endif

extern bool IsPreferredType(TYPCATEGORY category, Oid type);
extern TYPCATEGORY TypeCategory(Oid type);
extern bool can_coerce_type(int nargs, const Oid *input_typeids, const Oid *target_typeids,
							CoercionContext ccontext);
extern CoercionPathType find_coercion_pathway(Oid targetTypeId, Oid sourceTypeId,
											  CoercionContext ccontext, Oid *funcid);
extern CoercionPathType find_typmod_coercion_function(Oid typeId, Oid *funcid);
/* node (of inputTypeId) as targetTypeId/targetTypmod: ERROR if no cast;
 * unknown literals are converted by the target's input function now. */
extern Node *coerce_to_target_type(ParseState *pstate, Node *expr, Oid exprtype, Oid targettype,
								   int32 targettypmod, CoercionContext ccontext,
								   CoercionForm cformat, int location);
extern Node *coerce_type(ParseState *pstate, Node *node, Oid inputTypeId, Oid targetTypeId,
						 int32 targetTypeMod, CoercionContext ccontext, CoercionForm cformat,
						 int location);
/* For WHERE/HAVING/ON…: a boolean, or ERROR 42804 naming constructName. */
/* arg (of the domain's base type, or binary-compatible with it) as a
 * value of domain typeId: the base type's typmod coercion, then a
 * CoerceToDomain that checks the constraints when run.  baseTypeId
 * InvalidOid: looked up.  A type that is not a domain: arg unchanged. */
extern Node *coerce_to_domain(Node *arg, Oid baseTypeId, int32 baseTypeMod, Oid typeId,
							  CoercionContext ccontext, CoercionForm cformat, int location,
							  bool hideInputCoercion);
extern Node *coerce_to_boolean(ParseState *pstate, Node *node, const char *constructName);
extern Node *coerce_to_specific_type(ParseState *pstate, Node *node, Oid targetTypeId,
									 const char *constructName);
/* The type every expression can become (UNION, CASE, VALUES, …), or
 * ERROR 42804 "X types t1 and t2 cannot be matched". */
extern Oid select_common_type(ParseState *pstate, List *exprs, const char *context,
							  Node **which_expr);
extern Node *coerce_to_common_type(ParseState *pstate, Node *node, Oid targetTypeId,
								   const char *context);

/* Polymorphic pseudo-types (parse_polymorphic.cpp). */
/* anyelement, anyarray, anynonarray, anyenum, anycompatible… */
extern bool IsPolymorphicType(Oid typid);
/* Whether inputs of actual_arg_types fit a signature with polymorphic
 * declared_arg_types (all anyelement alike, anyarray its array, …). */
extern bool check_generic_type_consistency(const Oid *actual_arg_types,
										   const Oid *declared_arg_types, int nargs);
/* Replaces the polymorphic declared_arg_types by the types resolved from
 * the inputs and returns the resolved rettype; ERROR 42804 when the inputs
 * disagree or leave a type undetermined (with allow_poly, an undetermined
 * family stays anyelement/anyarray). */
extern Oid enforce_generic_type_consistency(const Oid *actual_arg_types, Oid *declared_arg_types,
											int nargs, Oid rettype, bool allow_poly);
/* The common type of typeids as UNION would choose it; InvalidOid (with
 * noerror) or ERROR 42804 when their categories differ. */
extern Oid select_common_type_from_oids(int nargs, const Oid *typeids, bool noerror);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_PARSER_PARSE_COERCE_H */
