/*
 * ps_status.h — the process title shown by ps and top.
 *
 * Server processes show "postgres: <what>": a backend "postgres: user
 * database host idle", a background worker "postgres: <bgw_name>".  On
 * Linux the title is written over the memory of the original argv (and
 * environ) strings, so main() must hand argv over first: SaveArgv copies
 * the arguments elsewhere and returns the copy for the program to use.
 */
#ifndef TUSK_BACKEND_UTILS_MISC_PS_STATUS_H
#define TUSK_BACKEND_UTILS_MISC_PS_STATUS_H

namespace tusk::ps {

/* Call first thing in main(); use the returned argv from then on. */
char **SaveArgv(int argc, char **argv);

/* Set the fixed part of the title ("postgres: " [cluster_name ": "] fixed) and clear the
 * activity part.  Honours update_process_title only for the activity. */
void InitDisplay(const char *fixed);

/* Set the activity part ("idle", "startup" ...) after the fixed part. */
void SetDisplay(const char *activity);

/* The whole current title, for tests. */
const char *GetDisplay();

}  // namespace tusk::ps

#endif	// TUSK_BACKEND_UTILS_MISC_PS_STATUS_H
