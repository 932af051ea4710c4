/*
 * postmaster/auxprocess.h — entry points of the postmaster's helper
 * processes (backend/postmaster/auxprocess.cpp).
 */
#ifndef TUSK_POSTMASTER_AUXPROCESS_H
#define TUSK_POSTMASTER_AUXPROCESS_H

#include "c.h"

#ifdef __cplusplus
extern "C" {
#endif

pg_noreturn extern void StartupProcessMain(void);
pg_noreturn extern void CheckpointerMain(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_POSTMASTER_AUXPROCESS_H */
