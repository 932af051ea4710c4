/*
 * clauses.cpp — questions about expressions (optimizer/optimizer.h).
 *
 * Principal entry point: contain_volatile_functions.
 */
#include "postgres.h"

#include "catalog/pg_proc_d.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "utils/lsyscache.h"

namespace {

bool IsVolatile(Oid funcid)
{
	return OidIsValid(funcid) && func_volatile(funcid) == PROVOLATILE_VOLATILE;
}

bool ContainVolatileWalker(Node *node, void *)
{
	if (node == nullptr)
		return false;
	switch (nodeTag(node))
	{
		case T_FuncExpr:
			if (IsVolatile(reinterpret_cast<FuncExpr *>(node)->funcid))
				return true;
			break;
		case T_OpExpr:
		case T_DistinctExpr:
		case T_NullIfExpr:
			if (IsVolatile(reinterpret_cast<OpExpr *>(node)->opfuncid))
				return true;
			break;
		case T_ScalarArrayOpExpr:
			if (IsVolatile(reinterpret_cast<ScalarArrayOpExpr *>(node)->opfuncid))
				return true;
			break;
		default:
			break;
	}
	return node_children_walker(node, ContainVolatileWalker, nullptr);
}

}  // namespace

bool contain_volatile_functions(Node *node)
{
	return ContainVolatileWalker(node, nullptr);
}
