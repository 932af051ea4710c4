/*
 * port.h — portability helpers PostgreSQL's c.h makes available everywhere.
 */
#ifndef TUSK_PORT_H
#define TUSK_PORT_H

#ifdef __cplusplus
extern "C" {
#endif

/* A socket descriptor, as PostgreSQL names it. */
typedef int pgsocket;
#define PGINVALID_SOCKET (-1)

typedef void (*pqsigfunc)(int signo);

/* Install a signal handler with PostgreSQL's semantics: restartable
 * system calls (SA_RESTART), all of the server's signals blocked while the
 * handler runs, errno preserved.  Returns the previous handler, or SIG_ERR. */
extern pqsigfunc pqsignal(int signo, pqsigfunc func);

#include <stddef.h>
/* Copy src into dst (siz bytes), always NUL-terminated, truncating;
 * returns strlen(src).  (glibc has it from 2.38 only.) */
extern size_t strlcpy(char *dst, const char *src, size_t siz);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_PORT_H */
