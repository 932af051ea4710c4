/*
 * nodes/value.h — literal values in raw parse trees (PostgreSQL 15's
 * Integer, Float, Boolean, String and BitString nodes).
 *
 * A Float keeps its text: the analyzer decides whether it becomes
 * numeric or float8, and no precision is lost on the way.
 */
#ifndef TUSK_NODES_VALUE_H
#define TUSK_NODES_VALUE_H

#include "nodes/nodes.h"

#define NODE_Integer(F) F(TAG, NodeTag, type) F(SCALAR, int, ival)
#define NODE_Float(F) F(TAG, NodeTag, type) F(STRING, char *, fval)
#define NODE_Boolean(F) F(TAG, NodeTag, type) F(SCALAR, bool, boolval)
#define NODE_String(F) F(TAG, NodeTag, type) F(STRING, char *, sval)
#define NODE_BitString(F) F(TAG, NodeTag, type) F(STRING, char *, bsval)
TUSK_VALUE_NODES(TUSK_DEFINE_NODE)

#define intVal(v) (castNode(Integer, v)->ival)
#define floatVal(v) atof(castNode(Float, v)->fval)
#define boolVal(v) (castNode(Boolean, v)->boolval)
#define strVal(v) (castNode(String, v)->sval)

#ifdef __cplusplus
extern "C" {
#endif

extern Integer *makeInteger(int i);
extern Float *makeFloat(char *numericStr);
extern Boolean *makeBoolean(bool val);
extern String *makeString(char *str);
extern BitString *makeBitString(char *str);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_NODES_VALUE_H */
