/*
 * nodes/nodes.h — the node system: tagged structs for parse trees,
 * queries, expressions, paths and plans.
 *
 * Every node type is defined once, by a field list macro NODE_<Name>(F)
 * in its header (parsenodes.h, primnodes.h, plannodes.h, …), each field
 * given as F(KIND, C type, name).  From that one list come the struct
 * (TUSK_DEFINE_NODE) and, in backend/nodes/nodefuncs.cpp, copyObject,
 * equal, nodeToString and stringToNode — so adding a field is one change.
 * Field kinds say how the derived functions treat a field:
 *
 *   TAG       the NodeTag (first field of a node that has no base)
 *   BASE      an embedded base struct (first field: Expr xpr, Plan plan,
 *             Scan scan …), handled through its own field list
 *   SCALAR    a value copied by assignment and compared with == (int,
 *             bool, double, char, Oid, an enum …)
 *   STRING    a char * owned by the node (may be NULL)
 *   NODE      a pointer to a node (any node, List included; may be NULL)
 *   BITMAPSET a Bitmapset *
 *   LOCATION  a byte offset into the source text, -1 if unknown: copied,
 *             ignored by equal, not restored by stringToNode (read as -1)
 *   DATUM     Const's value (needs constlen/constbyval/constisnull)
 *
 * The names of node types and fields are PostgreSQL's where PostgreSQL
 * has them, so code and serialized trees read as PostgreSQL's do.  Nodes
 * are palloc'd in the current memory context; a tree is freed by
 * resetting its context, never node by node.
 *
 * Principal entry points: makeNode, IsA, nodeTag, castNode, copyObject,
 * equal, nodeToString, stringToNode.
 */
#ifndef TUSK_NODES_NODES_H
#define TUSK_NODES_NODES_H

#include "postgres.h"
#include "nodes/nodetags.h"

typedef enum NodeTag
{
	T_Invalid = 0,
#define TUSK_NODE_TAG(name) T_##name,
	TUSK_ALL_NODE_TAGS(TUSK_NODE_TAG)
#undef TUSK_NODE_TAG
} NodeTag;

/* What every node starts with. */
typedef struct Node
{
	NodeTag type;
} Node;

#define nodeTag(nodeptr) (((const Node *) (nodeptr))->type)
#define IsA(nodeptr, _type_) (nodeTag(nodeptr) == T_##_type_)

/* ---- declaring nodes from their field lists ---- */
#define TUSK_FIELD_DECL(kind, type, name) TUSK_FIELD_DECL_##kind(type, name)
#define TUSK_FIELD_DECL_TAG(type, name) NodeTag name;
#define TUSK_FIELD_DECL_BASE(type, name) type name;
#define TUSK_FIELD_DECL_SCALAR(type, name) type name;
#define TUSK_FIELD_DECL_STRING(type, name) type name;
#define TUSK_FIELD_DECL_NODE(type, name) type name;
#define TUSK_FIELD_DECL_BITMAPSET(type, name) type name;
#define TUSK_FIELD_DECL_LOCATION(type, name) type name;
/* A syntactic alias of other fields (Var's varnosyn): kept and printed,
 * never compared. */
#define TUSK_FIELD_DECL_SYNTAX(type, name) type name;
#define TUSK_FIELD_DECL_DATUM(type, name) type name;

/* Name and NODE_##Name are pasted, not evaluated: no parentheses. */
// NOLINTBEGIN(bugprone-macro-parentheses)
#define TUSK_DEFINE_NODE(Name) \
	typedef struct Name \
	{ \
		NODE_##Name(TUSK_FIELD_DECL) \
	} Name;
// NOLINTEND(bugprone-macro-parentheses)

#ifdef __cplusplus
extern "C" {
#endif

/* A zeroed node of size bytes with its tag set (CurrentMemoryContext). */
extern Node *newNode(size_t size, NodeTag tag);

/* Deep copy, structural equality (locations ignored), and the text form
 * of a tree (PostgreSQL's outfuncs format: {NAME :field value …}). */
extern void *copyObjectImpl(const void *obj);
extern bool equal(const void *a, const void *b);
extern char *nodeToString(const void *obj);
extern void *stringToNode(const char *str);
/* Call fn on each child node of node (the NODE fields, each element of
 * a List); stops and returns true as soon as fn does. */
extern bool node_children_walker(Node *node, bool (*fn)(Node *, void *), void *ctx);
/* A shallow copy of node whose child nodes are fn's results for them
 * (PostgreSQL's expression_tree_mutator, for every node type). */
extern Node *node_children_mutator(Node *node, Node *(*fn)(Node *, void *), void *ctx);
/* PostgreSQL's name for a tag ("SelectStmt"), for messages. */
extern const char *nodeTagName(NodeTag tag);

#ifdef __cplusplus
}
#endif

#define makeNode(_type_) ((_type_ *) newNode(sizeof(_type_), T_##_type_))
#define copyObject(obj) ((decltype(obj)) copyObjectImpl(obj))

#ifdef __cplusplus
/* A checked downcast: ERROR (an internal error) if the node is not a T. */
#define castNode(_type_, nodeptr) ((_type_ *) castNodeImpl(T_##_type_, nodeptr))
static inline Node *castNodeImpl(NodeTag type, const void *ptr)
{
	Assert(ptr == NULL || nodeTag(ptr) == type);
	(void) type;
	return (Node *) ptr;
}
#endif

/* Common enums used by several node families (PostgreSQL's). */

typedef unsigned int Index;
typedef double Cost;
typedef double Cardinality;
typedef double Selectivity;

typedef enum CmdType
{
	CMD_UNKNOWN,
	CMD_SELECT,
	CMD_UPDATE,
	CMD_INSERT,
	CMD_DELETE,
	CMD_MERGE,
	CMD_UTILITY,
	CMD_NOTHING
} CmdType;

typedef enum JoinType
{
	JOIN_INNER,
	JOIN_LEFT,
	JOIN_FULL,
	JOIN_RIGHT,
	JOIN_SEMI,
	JOIN_ANTI,
	JOIN_UNIQUE_OUTER,
	JOIN_UNIQUE_INNER
} JoinType;

typedef enum AggStrategy
{
	AGG_PLAIN,
	AGG_SORTED,
	AGG_HASHED,
	AGG_MIXED
} AggStrategy;

typedef enum SetOpCmd
{
	SETOPCMD_INTERSECT,
	SETOPCMD_INTERSECT_ALL,
	SETOPCMD_EXCEPT,
	SETOPCMD_EXCEPT_ALL
} SetOpCmd;

typedef enum LimitOption
{
	LIMIT_OPTION_COUNT,
	LIMIT_OPTION_WITH_TIES,
	LIMIT_OPTION_DEFAULT
} LimitOption;

typedef enum OnConflictAction
{
	ONCONFLICT_NONE,
	ONCONFLICT_NOTHING,
	ONCONFLICT_UPDATE
} OnConflictAction;

#endif /* TUSK_NODES_NODES_H */
