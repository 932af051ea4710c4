/*
 * tcop/backend_main.h — a client backend's entry point.
 * The module-visible part (die, quickdie …) is include/tcop/tcopprot.h.
 */
#ifndef TUSK_BACKEND_TCOP_BACKEND_MAIN_H
#define TUSK_BACKEND_TCOP_BACKEND_MAIN_H

#include "libpq/libpq-be.h"
#include "postmaster/postmaster.h"

namespace tusk::tcop {

/* Runs a client connection from the startup packet to Terminate, in the
 * child forked for it; never returns. */
[[noreturn]] void BackendMain(Port *port, postmaster::CacState cac);

}  // namespace tusk::tcop

#endif	// TUSK_BACKEND_TCOP_BACKEND_MAIN_H
