/*
 * stack_depth.cpp — check_stack_depth: recursive code (the parser on
 * nested parentheses, node copying, expression evaluation) calls it so a
 * deep input ends in ERROR 54001 instead of a crash on stack overflow.
 *
 * The base is the frame of the process's main function (set_stack_base); forked children inherit it with the stack itself.
 * A process that never set it (a unit test) is never refused.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/errcodes.h"

int max_stack_depth = 2048;

namespace {

const char *stack_base_ptr = nullptr;

}  // namespace

void set_stack_base(void)
{
	stack_base_ptr = static_cast<const char *>(__builtin_frame_address(0));
}

bool stack_is_too_deep(void)
{
	if (stack_base_ptr == nullptr)
		return false;
	const char *here = static_cast<const char *>(__builtin_frame_address(0));
	/* The stack grows down on every platform Tusk runs on. */
	ptrdiff_t depth = stack_base_ptr - here;
	if (depth < 0)
		depth = -depth;
	return depth > static_cast<ptrdiff_t>(max_stack_depth) * 1024;
}

void check_stack_depth(void)
{
	if (stack_is_too_deep())
		ereport(ERROR, errcode(ERRCODE_STATEMENT_TOO_COMPLEX), errmsg("stack depth limit exceeded"),
				errhint("Increase the configuration parameter \"max_stack_depth\" (currently "
						"%dkB), "
						"after ensuring the platform's stack depth limit is adequate.",
						max_stack_depth));
}
