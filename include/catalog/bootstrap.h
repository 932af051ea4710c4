/*
 * catalog/bootstrap.h — bootstrap mode (postgres --boot), run by initdb.
 */
#ifndef TUSK_CATALOG_BOOTSTRAP_H
#define TUSK_CATALOG_BOOTSTRAP_H

#ifdef __cplusplus
extern "C++" {
#include <string>

/* What initdb decides and the catalogs record. */
struct BootstrapSettings
{
	std::string superuser = "postgres"; /* -U: the bootstrap superuser (OID 10) */
	int encoding = 6;					/* PG_UTF8 */
	std::string locale = "C";			/* -L: datcollate and datctype */
};

/* Write every system catalog with its initial rows (bootstrap_catalogs.cpp). */
void BootstrapCreateCatalogs(const BootstrapSettings &settings);
}
#endif

#ifdef __cplusplus
extern "C" {
#endif

pg_noreturn extern void BootstrapModeMain(int argc, char *argv[]);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_CATALOG_BOOTSTRAP_H */
