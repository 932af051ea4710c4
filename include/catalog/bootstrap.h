/*
 * catalog/bootstrap.h — bootstrap mode (postgres --boot), run by initdb.
 */
#ifndef TUSK_CATALOG_BOOTSTRAP_H
#define TUSK_CATALOG_BOOTSTRAP_H

#ifdef __cplusplus
extern "C" {
#endif

pg_noreturn extern void BootstrapModeMain(int argc, char *argv[]);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_CATALOG_BOOTSTRAP_H */
