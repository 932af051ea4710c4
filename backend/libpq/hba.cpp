/*
 * hba.cpp — parsing pg_hba.conf and authenticating a client.
 * See hba.h for the contract.
 *
 * Syntax (PostgreSQL's): one rule per line, fields separated by blanks,
 * list items by commas, '#' starts a comment, double quotes make a token
 * literal (and stop keywords such as all/sameuser from being keywords).
 *   local  DATABASE USER METHOD [OPTIONS]
 *   host*  DATABASE USER ADDRESS[/BITS] | ADDRESS MASK  METHOD [OPTIONS]
 */
#include "postgres.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <pwd.h>
#include <sys/socket.h>

#include <fstream>
#include <sstream>

#include "libpq/hba.h"
#include "miscadmin.h"
#include "utils/guc.h"

namespace tusk::libpq {

namespace {

std::vector<HbaLine> loaded_rules;

const char *const kKnownMethods[] = {"trust",		  "reject", "peer", "md5",	 "password",
									 "scram-sha-256", "gss",	"sspi", "ident", "ldap",
									 "radius",		  "cert",	"pam",	"bsd"};

/* Split one line into fields, each a list of tokens. */
std::vector<std::vector<HbaToken>> Tokenize(const std::string &line)
{
	std::vector<std::vector<HbaToken>> fields;
	size_t i = 0;
	const size_t n = line.size();
	while (i < n)
	{
		while (i < n && isspace(static_cast<unsigned char>(line[i])))
			++i;
		if (i >= n || line[i] == '#')
			break;
		std::vector<HbaToken> field;
		for (;;)
		{
			HbaToken tok;
			bool in_quote = false;
			while (i < n)
			{
				char c = line[i];
				if (c == '"')
				{
					in_quote = !in_quote;
					tok.quoted = true;
					++i;
					continue;
				}
				if (!in_quote && (isspace(static_cast<unsigned char>(c)) || c == ',' || c == '#'))
					break;
				tok.text += c;
				++i;
			}
			field.push_back(tok);
			if (i < n && line[i] == ',')
			{
				++i;
				continue;
			}
			break;
		}
		fields.push_back(field);
	}
	return fields;
}

bool IsKeyword(const HbaToken &t, const char *kw)
{
	return !t.quoted && t.text == kw;
}

bool ParseAddress(const std::string &text, struct sockaddr_storage *out)
{
	struct addrinfo hints = {};
	hints.ai_family = AF_UNSPEC;
	hints.ai_flags = AI_NUMERICHOST;
	struct addrinfo *res = nullptr;
	if (getaddrinfo(text.c_str(), nullptr, &hints, &res) != 0 || res == nullptr)
		return false;
	memcpy(out, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	return true;
}

/* A netmask of `bits` ones for the family of *addr. */
bool MakeMask(int family, int bits, struct sockaddr_storage *mask)
{
	*mask = {};
	mask->ss_family = static_cast<sa_family_t>(family);
	unsigned char *bytes;
	int max_bits;
	if (family == AF_INET)
	{
		bytes = reinterpret_cast<unsigned char *>(
			&reinterpret_cast<struct sockaddr_in *>(mask)->sin_addr);
		max_bits = 32;
	}
	else if (family == AF_INET6)
	{
		bytes = reinterpret_cast<unsigned char *>(
			&reinterpret_cast<struct sockaddr_in6 *>(mask)->sin6_addr);
		max_bits = 128;
	}
	else
		return false;
	if (bits < 0 || bits > max_bits)
		return false;
	for (int b = 0; b < bits; b++)
		bytes[b / 8] |= static_cast<unsigned char>(0x80 >> (b % 8));
	return true;
}

const unsigned char *AddrBytes(const struct sockaddr_storage &a, size_t *len)
{
	if (a.ss_family == AF_INET)
	{
		*len = 4;
		return reinterpret_cast<const unsigned char *>(
			&reinterpret_cast<const struct sockaddr_in *>(&a)->sin_addr);
	}
	*len = 16;
	return reinterpret_cast<const unsigned char *>(
		&reinterpret_cast<const struct sockaddr_in6 *>(&a)->sin6_addr);
}

bool AddressMatches(const HbaLine &rule, const struct sockaddr_storage &raddr)
{
	if (rule.address_all)
		return true;
	if (raddr.ss_family != rule.addr.ss_family)
		return false;
	size_t len, len2, len3;
	const unsigned char *a = AddrBytes(raddr, &len);
	const unsigned char *r = AddrBytes(rule.addr, &len2);
	const unsigned char *m = AddrBytes(rule.mask, &len3);
	for (size_t i = 0; i < len; i++)
		if ((a[i] & m[i]) != (r[i] & m[i]))
			return false;
	return true;
}

bool DatabaseMatches(const HbaLine &rule, const std::string &database, const std::string &user)
{
	for (const auto &t : rule.databases)
	{
		if (IsKeyword(t, "all"))
			return true;
		/* Without roles beyond the session user, a user is a member only of
		 * the role that is itself. */
		if (IsKeyword(t, "sameuser") || IsKeyword(t, "samerole") || IsKeyword(t, "samegroup"))
		{
			if (database == user)
				return true;
			continue;
		}
		if (IsKeyword(t, "replication"))
			continue; /* matches replication connections only; Tusk has none */
		if (t.text == database)
			return true;
	}
	return false;
}

bool RoleMatches(const HbaLine &rule, const std::string &user)
{
	for (const auto &t : rule.roles)
	{
		if (IsKeyword(t, "all"))
			return true;
		if (!t.quoted && !t.text.empty() && t.text[0] == '+')
		{
			if (t.text.substr(1) == user)
				return true;
			continue;
		}
		if (t.text == user)
			return true;
	}
	return false;
}

/* Parse one tokenized line into *out; returns an error message or "". */
std::string ParseLine(const std::vector<std::vector<HbaToken>> &fields, HbaLine *out)
{
	size_t f = 0;
	const auto &type = fields[f++];
	if (type.size() > 1)
		return "multiple values specified for connection type";
	const std::string &t = type[0].text;
	if (t == "local")
		out->conntype = ConnType::kLocal;
	else if (t == "host")
		out->conntype = ConnType::kHost;
	else if (t == "hostssl")
		out->conntype = ConnType::kHostSsl;
	else if (t == "hostnossl")
		out->conntype = ConnType::kHostNoSsl;
	else if (t == "hostgssenc")
		out->conntype = ConnType::kHostGssEnc;
	else if (t == "hostnogssenc")
		out->conntype = ConnType::kHostNoGssEnc;
	else
		return "invalid connection type \"" + t + "\"";

	if (f >= fields.size())
		return "end-of-line before database specification";
	out->databases = fields[f++];
	if (f >= fields.size())
		return "end-of-line before role specification";
	out->roles = fields[f++];
	for (const auto *list : {&out->databases, &out->roles})
		for (const auto &tok : *list)
			if (!tok.quoted && !tok.text.empty() && tok.text[0] == '@')
				return "authentication file inclusion (\"" + tok.text + "\") is not supported";

	if (out->conntype != ConnType::kLocal)
	{
		if (f >= fields.size())
			return "end-of-line before IP address specification";
		const auto &addr = fields[f++];
		if (addr.size() > 1)
			return "multiple values specified for host address";
		std::string a = addr[0].text;
		if (IsKeyword(addr[0], "all"))
			out->address_all = true;
		else if (IsKeyword(addr[0], "samehost") || IsKeyword(addr[0], "samenet"))
			return "address keyword \"" + a + "\" is not supported";
		else
		{
			out->address_all = false;
			std::string bits;
			size_t slash = a.find('/');
			if (slash != std::string::npos)
			{
				bits = a.substr(slash + 1);
				a = a.substr(0, slash);
			}
			if (!ParseAddress(a, &out->addr))
				return "invalid IP address \"" + a + "\": host names are not supported";
			if (!bits.empty())
			{
				char *end;
				long b = strtol(bits.c_str(), &end, 10);
				if (*end != '\0' || !MakeMask(out->addr.ss_family, static_cast<int>(b), &out->mask))
					return "invalid CIDR mask in address \"" + addr[0].text + "\"";
			}
			else
			{
				if (f >= fields.size())
					return "end-of-line before netmask specification";
				const auto &mask = fields[f++];
				if (mask.size() > 1)
					return "multiple values specified for netmask";
				if (!ParseAddress(mask[0].text, &out->mask))
					return "invalid IP mask \"" + mask[0].text + "\"";
				if (out->mask.ss_family != out->addr.ss_family)
					return "IP address and mask do not match";
			}
		}
	}

	if (f >= fields.size())
		return "end-of-line before authentication method";
	const auto &method = fields[f++];
	if (method.size() > 1)
		return "multiple values specified for authentication type";
	out->method = method[0].text;
	bool known = false;
	for (const char *m : kKnownMethods)
		known = known || out->method == m;
	if (!known)
		return "invalid authentication method \"" + out->method + "\"";
	if (out->method == "peer" && out->conntype != ConnType::kLocal)
		return "peer authentication is only supported on local sockets";
	/* Options (name=value) belong to methods Tusk does not run yet. */
	for (; f < fields.size(); f++)
		for (const auto &opt : fields[f])
			if (opt.text.find('=') == std::string::npos)
				return "authentication option not in name=value format: " + opt.text;
	return "";
}

[[noreturn]] void AuthFailed(Port *port, const char *why)
{
	ereport(FATAL, errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
			errmsg("%s for host \"%s\", user \"%s\", database \"%s\", %s", why, port->remote_host,
				   port->user_name, port->database_name, "no encryption"));
	pg_unreachable();
}

void PeerAuthentication(Port *port)
{
	struct ucred cred;
	socklen_t len = sizeof cred;
	if (getsockopt(port->sock, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0)
		ereport(FATAL, errcode_for_socket_access(), errmsg("could not get peer credentials: %m"));
	struct passwd *pw = getpwuid(cred.uid);
	if (pw == nullptr)
		ereport(FATAL, errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
				errmsg("could not look up local user ID %ld: %s", static_cast<long>(cred.uid),
					   "user does not exist"));
	if (strcmp(pw->pw_name, port->user_name) != 0)
	{
		ereport(LOG,
				errmsg("Provided user name (%s) and authenticated user name (%s) do not match",
					   port->user_name, pw->pw_name));
		ereport(FATAL, errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
				errmsg("Peer authentication failed for user \"%s\"", port->user_name));
	}
}

}  // namespace

std::vector<HbaLine> ParseHba(const std::string &content, std::vector<std::string> *errors)
{
	std::vector<HbaLine> rules;
	std::istringstream in(content);
	std::string line;
	int line_number = 0;
	while (std::getline(in, line))
	{
		++line_number;
		auto fields = Tokenize(line);
		if (fields.empty())
			continue;
		HbaLine rule;
		rule.line_number = line_number;
		rule.raw_line = line;
		std::string err = ParseLine(fields, &rule);
		if (!err.empty())
		{
			errors->push_back(err + " (line " + std::to_string(line_number) + ")");
			continue;
		}
		rules.push_back(std::move(rule));
	}
	return rules;
}

bool LoadHba()
{
	const char *path = HbaFileName;
	std::ifstream in(path ? path : "");
	if (!in)
	{
		ereport(LOG, errcode_for_file_access(),
				errmsg("could not open configuration file \"%s\": %m", path ? path : ""));
		return false;
	}
	std::stringstream ss;
	ss << in.rdbuf();
	std::vector<std::string> errors;
	std::vector<HbaLine> rules = ParseHba(ss.str(), &errors);
	for (const auto &e : errors)
		ereport(LOG, errcode(ERRCODE_CONFIG_FILE_ERROR), errmsg("%s", e.c_str()),
				errcontext("configuration file \"%s\"", path));
	if (!errors.empty())
		return false;
	loaded_rules = std::move(rules);
	return true;
}

std::optional<HbaLine> CheckHba(const std::vector<HbaLine> &rules, bool is_local,
								const struct sockaddr_storage &raddr, const std::string &database,
								const std::string &user)
{
	for (const auto &rule : rules)
	{
		if (is_local != (rule.conntype == ConnType::kLocal))
			continue;
		/* No SSL or GSS encryption on the wire: those rows cannot match. */
		if (rule.conntype == ConnType::kHostSsl || rule.conntype == ConnType::kHostGssEnc)
			continue;
		if (!is_local && !AddressMatches(rule, raddr))
			continue;
		if (!DatabaseMatches(rule, database, user) || !RoleMatches(rule, user))
			continue;
		return rule;
	}
	return std::nullopt;
}

void ClientAuthentication(Port *port)
{
	bool is_local = IS_AF_UNIX(port->raddr.addr.ss_family);
	auto rule = CheckHba(loaded_rules, is_local, port->raddr.addr, port->database_name,
						 port->user_name);
	if (!rule)
		AuthFailed(port, "no pg_hba.conf entry");
	ereport(DEBUG2,
			errmsg_internal("Connection matched pg_hba.conf line %d: \"%s\"", rule->line_number,
							rule->raw_line.c_str()));
	if (rule->method == "trust")
		return;
	if (rule->method == "reject")
		AuthFailed(port, "pg_hba.conf rejects connection");
	if (rule->method == "peer")
	{
		PeerAuthentication(port);
		return;
	}
	ereport(FATAL, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("authentication method \"%s\" is not supported yet", rule->method.c_str()),
			errdetail("Connection matched pg_hba.conf line %d: \"%s\"", rule->line_number,
					  rule->raw_line.c_str()),
			errhint("Use \"trust\", \"peer\" or \"reject\" in pg_hba.conf."));
}

}  // namespace tusk::libpq
