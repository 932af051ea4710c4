/*
 * hba.h — client authentication rules (pg_hba.conf) and their checking.
 *
 * The postmaster parses pg_hba.conf at start (failure is fatal) and on
 * every SIGHUP (failure keeps the old rules, as PostgreSQL does); backends
 * inherit the parsed rules through fork.  A backend takes the first line
 * that matches its connection type, database, user and address, and runs
 * that line's method.  Methods Tusk implements: trust, reject, peer.  The
 * password methods and the external ones are recognised, so a file written
 * for PostgreSQL loads, but a connection that matches such a line fails
 * with SQLSTATE 0A000 instead of being let in.
 */
#ifndef TUSK_BACKEND_LIBPQ_HBA_H
#define TUSK_BACKEND_LIBPQ_HBA_H

#include <sys/socket.h>

#include <optional>
#include <string>
#include <vector>

#include "libpq/libpq-be.h"

namespace tusk::libpq {

enum class ConnType
{
	kLocal,
	kHost,
	kHostSsl,
	kHostNoSsl,
	kHostGssEnc,
	kHostNoGssEnc,
};

struct HbaToken
{
	std::string text;
	bool quoted = false; /* "all" in quotes is a name, not the keyword */
};

struct HbaLine
{
	int line_number = 0;
	std::string raw_line;
	ConnType conntype = ConnType::kLocal;
	std::vector<HbaToken> databases;
	std::vector<HbaToken> roles;
	bool address_all = true; /* "all", or a local line */
	struct sockaddr_storage addr = {};
	struct sockaddr_storage mask = {};
	std::string method; /* as written: trust, reject, peer, md5, ... */
};

/* Parse pg_hba.conf text.  Errors are appended to *errors (one message
 * each, with the line number); lines with errors are skipped. */
std::vector<HbaLine> ParseHba(const std::string &content, std::vector<std::string> *errors);

/* (Re)load HbaFileName; on any error logs it and keeps the previous rules.
 * Returns whether the new rules were installed. */
bool LoadHba();

/* The first line that matches, or nullopt (the implicit reject). */
std::optional<HbaLine> CheckHba(const std::vector<HbaLine> &rules, bool is_local,
								const struct sockaddr_storage &raddr, const std::string &database,
								const std::string &user);

/* Authenticate the client on *port, or end the backend with FATAL. */
void ClientAuthentication(Port *port);

}  // namespace tusk::libpq

#endif	// TUSK_BACKEND_LIBPQ_HBA_H
