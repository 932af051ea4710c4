/*
 * adt_pending.h — functions the built-ins call that other subsystems do
 * not provide yet (private to backend/utils/adt).
 *
 * array_in/array_out and concat()/concat_ws() need to look up a type's
 * I/O function (utils/lsyscache.h), to set one up for calling
 * (fmgr_info_cxt, which needs the generated built-in table), and concat
 * needs its arguments' types from the calling expression
 * (get_fn_expr_argtype, which needs expression nodes); the aggregates'
 * transition functions (numeric_agg.cpp) need AggCheckCallContext, which
 * the executor's aggregation defines.  None of these is linked into the
 * server yet.  They are referenced weakly, so the server
 * links without them; a built-in that needs one checks
 * RequirePendingFunction first and raises 0A000 while it is missing.
 *
 * When the last of them exists, delete this header and its uses: weak
 * references do not pull an object out of a static library, so a
 * program linking the backend library (not whole, as the unit tests do)
 * sees them as missing unless something else links their objects in.
 *
 * Entry points: IsLinked, RequirePendingFunction, get_fn_expr_argtype,
 * get_fn_expr_variadic.
 */
#ifndef TUSK_BACKEND_UTILS_ADT_ADT_PENDING_H
#define TUSK_BACKEND_UTILS_ADT_ADT_PENDING_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/lsyscache.h"

extern "C" {
/* PostgreSQL's fmgr.h: the type of argument argnum of the call flinfo
 * describes, from its expression (InvalidOid if unknown); whether the
 * call passed its variadic arguments as an array (VARIADIC). */
extern Oid get_fn_expr_argtype(FmgrInfo *flinfo, int argnum);
extern bool get_fn_expr_variadic(FmgrInfo *flinfo);
}

#pragma weak get_type_io_data
#pragma weak getTypeOutputInfo
#pragma weak fmgr_info_cxt
#pragma weak get_fn_expr_argtype
#pragma weak get_fn_expr_variadic
#pragma weak AggCheckCallContext

namespace tusk::adt {

/* Whether fn is linked in. */
template <typename Fn>
inline bool IsLinked(Fn *fn)
{
	return fn != nullptr;
}

/* 0A000 "<what> is not supported yet" unless fn is linked in. */
template <typename Fn>
inline void RequirePendingFunction(Fn *fn, const char *what)
{
	if (fn == nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s is not supported yet", what));
}

}  // namespace tusk::adt

#endif	// TUSK_BACKEND_UTILS_ADT_ADT_PENDING_H
