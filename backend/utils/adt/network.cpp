/*
 * network.cpp — the inet type's output (PostgreSQL's network.c, the part
 * Tusk needs so far: pg_stat_activity.client_addr).
 *
 * An inet value is a varlena holding PostgreSQL's inet_struct: the
 * family (PGSQL_AF_INET 2, PGSQL_AF_INET6 3), the netmask length in
 * bits, and the address bytes (4 or 16).  It prints as the address, with
 * "/bits" when the mask is shorter than the address.  inet_in and the
 * operators are not implemented yet.
 *
 * Principal entry point: inet_out.
 */
#include "postgres.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

/* inet_out(inet) returns cstring */
Datum inet_out(PG_FUNCTION_ARGS)
{
	struct varlena *value = PG_GETARG_VARLENA_P(0);
	const auto *p = reinterpret_cast<const unsigned char *>(VARDATA_ANY(value));
	int family = p[0] == 3 ? AF_INET6 : AF_INET;
	int bits = p[1];
	char buf[INET6_ADDRSTRLEN + 8];
	if (inet_ntop(family, p + 2, buf, sizeof buf) == nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("could not format inet value: %m"));
	int max_bits = family == AF_INET ? 32 : 128;
	if (bits != max_bits)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "/%d", bits);
	PG_RETURN_CSTRING(pstrdup(buf));
}
