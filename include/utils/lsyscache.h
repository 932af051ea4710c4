/*
 * utils/lsyscache.h — small questions about catalog objects (a type's
 * length, a function's name, …), answered from the catalog caches.
 *
 * While bootstrap creates the catalogs (there are no catalog rows to
 * read yet) the type questions are answered from the bootstrap data, as
 * PostgreSQL's bootstrap answers them from its built-in type table.
 */
#ifndef TUSK_UTILS_LSYSCACHE_H
#define TUSK_UTILS_LSYSCACHE_H

#include "c.h"

typedef enum IOFuncSelector
{
	IOFunc_input,
	IOFunc_output,
	IOFunc_receive,
	IOFunc_send
} IOFuncSelector;

#ifdef __cplusplus
extern "C" {
#endif

/* Everything array_in/array_out need about an element type: ERROR
 * "cache lookup failed for type %u" if it does not exist. */
extern void get_type_io_data(Oid typid, IOFuncSelector which_func, int16 *typlen, bool *typbyval,
							 char *typalign, char *typdelim, Oid *typioparam, Oid *func);
extern void get_typlenbyvalalign(Oid typid, int16 *typlen, bool *typbyval, char *typalign);
extern void get_typlenbyval(Oid typid, int16 *typlen, bool *typbyval);
extern int16 get_typlen(Oid typid);
extern char get_typstorage(Oid typid);
extern Oid get_typcollation(Oid typid);
/* typinput and the OID to pass it as its second argument (typioparam). */
extern void getTypeInputInfo(Oid type, Oid *typInput, Oid *typIOParam);
/* typoutput, and whether the type is a varlena (typlen -1). */
extern void getTypeOutputInfo(Oid type, Oid *typOutput, bool *typIsVarlena);
/* The type's typreceive / typsend; ERROR 42883 if it has none. */
extern void getTypeBinaryInputInfo(Oid type, Oid *typReceive, Oid *typIOParam);
extern void getTypeBinaryOutputInfo(Oid type, Oid *typSend, bool *typIsVarlena);
/* The element type of an array type, or InvalidOid. */
extern Oid get_element_type(Oid typid);
/* The array type whose elements are typid, or InvalidOid. */
extern Oid get_array_type(Oid typid);
/* pg_type.typname, palloc'd; NULL if there is no such type. */
extern char *get_typname(Oid typid);
/* pg_proc.proname, palloc'd; NULL if there is no such function. */
extern char *get_func_name(Oid funcid);
extern Oid get_func_rettype(Oid funcid);
extern bool get_func_retset(Oid funcid);
/* typtype ('b' base, 'c' composite, 'd' domain, 'e' enum, 'p' pseudo,
 * 'r' range, 'm' multirange), or '\0' for no such type. */
extern char get_typtype(Oid typid);
extern Oid get_typ_typrelid(Oid typid);
extern void get_type_category_preferred(Oid typid, char *typcategory, bool *typispreferred);
/* The operator's function (pg_operator.oprcode), or InvalidOid. */
extern RegProcedure get_opcode(Oid opno);
/* The operator with its arguments swapped (pg_operator.oprcom), or 0. */
extern Oid get_commutator(Oid opno);
/* The operator that is its negation (pg_operator.oprnegate), or 0. */
extern Oid get_negator(Oid opno);

/* Operator classes and families (pg_opclass, pg_amop, pg_amproc). */
extern Oid get_opclass_family(Oid opclass);
extern Oid get_opclass_input_type(Oid opclass);
/* The support function procnum for (lefttype, righttype), or InvalidOid. */
extern RegProcedure get_opfamily_proc(Oid opfamily, Oid lefttype, Oid righttype, int16 procnum);
/* The operator of a strategy for (lefttype, righttype), or InvalidOid. */
extern Oid get_opfamily_member(Oid opfamily, Oid lefttype, Oid righttype, int16 strategy);
/* The strategy and input types of an operator in a family (strategy 0: not in it). */
extern void get_op_opfamily_properties(Oid opno, Oid opfamily, bool ordering_op, int *strategy,
									   Oid *lefttype, Oid *righttype);
/* palloc'd names, NULL if there is no such object. */
extern char *get_rel_name(Oid relid);
/* The relation's relkind ('\0' if none) and schema (InvalidOid if none). */
extern char get_rel_relkind(Oid relid);
/* Its TOAST table, or InvalidOid. */
extern Oid get_rel_toastrelid(Oid relid);
extern Oid get_rel_namespace(Oid relid);
/* pg_class.relpersistence ('p', 'u' or 't'); ERROR for a missing relation. */
extern char get_rel_persistence(Oid relid);
extern int get_rel_natts(Oid relid);
/* The operator's name (palloc'd), or NULL if there is no such operator. */
extern char *get_opname(Oid opno);
/* Whether "=" opno can drive a hash join (pg_operator.oprcanhash). */
extern bool op_hashjoinable(Oid opno, Oid inputtype);
/* The hash support functions for each side of "=" opno (from its hash
 * operator family); false if it has none. */
extern bool get_op_hash_functions(Oid opno, RegProcedure *lhs_procno, RegProcedure *rhs_procno);
/* PROVOLATILE_IMMUTABLE, _STABLE or _VOLATILE. */
extern char func_volatile(Oid funcid);
extern char *get_namespace_name(Oid nspid);
/* A collation's name (palloc'd), or NULL if there is no such collation. */
extern char *get_collation_name(Oid colloid);
/* The type a domain (or a domain over a domain …) is defined over, the
 * type itself when it is not a domain; getBaseTypeAndTypmod also gives
 * the base type's typmod (*typmod is left alone for a non-domain). */
extern Oid getBaseType(Oid typid);
extern Oid getBaseTypeAndTypmod(Oid typid, int32 *typmod);
/* The domain's default expression (typdefaultbin, as a node tree),
 * looking through to base domains, or NULL. */
extern struct Node *get_typdefault(Oid typid);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_LSYSCACHE_H */
