/*
 * libpq/libpq-be.h — the Port: what a backend knows about its client.
 *
 * Filled by the postmaster at accept() (socket and addresses) and by the
 * backend from the startup packet (user, database, options).  Strings are
 * NUL-terminated and owned by the backend for its whole life.
 */
#ifndef TUSK_LIBPQ_LIBPQ_BE_H
#define TUSK_LIBPQ_LIBPQ_BE_H

#include <sys/socket.h>

#include "c.h"

typedef uint32 ProtocolVersion;

typedef struct SockAddr
{
	struct sockaddr_storage addr;
	socklen_t salen;
} SockAddr;

typedef struct Port
{
	int sock; /* the connection's socket */
	bool noblock;
	ProtocolVersion proto; /* from the startup packet */
	SockAddr laddr;		   /* local address */
	SockAddr raddr;		   /* remote address */
	char *remote_host;	   /* numeric address, or "[local]" */
	char *remote_port;	   /* numeric port, or "" for Unix sockets */
	char *database_name;
	char *user_name;
	char *cmdline_options; /* the "options" startup parameter */
	char *application_name;
} Port;

#define IS_AF_UNIX(fam) ((fam) == AF_UNIX)

#endif /* TUSK_LIBPQ_LIBPQ_BE_H */
