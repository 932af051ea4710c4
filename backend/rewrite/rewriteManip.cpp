/*
 * rewriteManip.cpp — moving expression trees between query levels
 * (rewrite/rewriteManip.h).
 *
 * Principal entry point: IncrementVarSublevelsUp.
 */
#include "postgres.h"

#include "nodes/nodeFuncs.h"
#include "rewrite/rewriteManip.h"

namespace {

struct SublevelsContext
{
	int delta;
	int min_levelsup;
};

bool IncrementSublevelsWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *ctx = static_cast<SublevelsContext *>(arg);
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (static_cast<int>(var->varlevelsup) >= ctx->min_levelsup)
			var->varlevelsup += ctx->delta;
		return false;
	}
	if (IsA(node, Aggref))
	{
		Aggref *agg = reinterpret_cast<Aggref *>(node);
		if (static_cast<int>(agg->agglevelsup) >= ctx->min_levelsup)
			agg->agglevelsup += ctx->delta;
	}
	if (IsA(node, RangeTblEntry))
	{
		RangeTblEntry *rte = reinterpret_cast<RangeTblEntry *>(node);
		if (rte->rtekind == RTE_CTE && static_cast<int>(rte->ctelevelsup) >= ctx->min_levelsup)
			rte->ctelevelsup += ctx->delta;
	}
	if (IsA(node, Query))
	{
		ctx->min_levelsup++;
		bool result = node_children_walker(node, IncrementSublevelsWalker, arg);
		ctx->min_levelsup--;
		return result;
	}
	return node_children_walker(node, IncrementSublevelsWalker, arg);
}

}  // namespace

void IncrementVarSublevelsUp(Node *node, int delta, int min_sublevels_up)
{
	SublevelsContext ctx{delta, min_sublevels_up};
	IncrementSublevelsWalker(node, &ctx);
}
