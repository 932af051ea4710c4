/*
 * catalog/bootstrap.h — bootstrap mode (postgres --boot), run by initdb.
 */
#ifndef TUSK_CATALOG_BOOTSTRAP_H
#define TUSK_CATALOG_BOOTSTRAP_H

#ifdef __cplusplus
extern "C++" {
#include <string>
#include <vector>

/* What initdb decides and the catalogs record. */
struct BootstrapSettings
{
	std::string superuser = "postgres"; /* -U: the bootstrap superuser (OID 10) */
	int encoding = 6;					/* PG_UTF8 */
	std::string locale = "C";			/* -L: datcollate and datctype */
};

/* Write every system catalog of template1 with its initial rows
 * (bootstrap_catalogs.cpp). */
void BootstrapCreateCatalogs(const BootstrapSettings &settings);

/* A shutdown checkpoint, then template0 and postgres as file copies of
 * template1 (after the post-bootstrap script, so they have its objects). */
void BootstrapCopyTemplate1();

/* initdb's post-bootstrap phase: the SQL statements of the files at
 * paths, in order, run through the normal pipeline (parse, analyze,
 * rewrite, plan, execute) in template1 as the bootstrap superuser, in one
 * transaction (tcop/standalone.cpp).  Any error is FATAL. */
void RunPostBootstrapScript(const std::vector<std::string> &paths, const std::string &superuser);
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
