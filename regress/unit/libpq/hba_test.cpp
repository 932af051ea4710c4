/*
 * hba_test.cpp — pg_hba.conf parsing and rule matching.
 */
#include "unit_test.h"

#include <arpa/inet.h>

#include "libpq/hba.h"

using namespace tusk::libpq;

namespace {

struct sockaddr_storage V4(const char *text)
{
	struct sockaddr_storage ss = {};
	auto *sin = reinterpret_cast<struct sockaddr_in *>(&ss);
	sin->sin_family = AF_INET;
	REQUIRE(inet_pton(AF_INET, text, &sin->sin_addr) == 1);
	return ss;
}

struct sockaddr_storage
V6(const char *text)
{
	struct sockaddr_storage ss = {};
	auto *sin6 = reinterpret_cast<struct sockaddr_in6 *>(&ss);
	sin6->sin6_family = AF_INET6;
	REQUIRE(inet_pton(AF_INET6, text, &sin6->sin6_addr) == 1);
	return ss;
}

std::vector<HbaLine>
Parse(const std::string &text)
{
	std::vector<std::string> errors;
	auto rules = ParseHba(text, &errors);
	REQUIRE(errors.empty());
	return rules;
}

}  // namespace

TEST_CASE("The default initdb pg_hba.conf parses, ignoring comments and blank lines", "[hba]")
{
	auto rules = Parse("# TYPE  DATABASE        USER            ADDRESS                 METHOD\n"
					   "\n"
					   "local   all             all                                     trust\n"
					   "host    all             all             127.0.0.1/32            trust\n"
					   "host    all             all             ::1/128                 trust\n"
					   "local   replication     all                                     trust\n"
					   "host    replication     all             127.0.0.1/32            trust\n");
	REQUIRE(rules.size() == 5);
	REQUIRE(rules[0].conntype == ConnType::kLocal);
	REQUIRE(rules[1].line_number == 4);
	REQUIRE(rules[1].method == "trust");
}

TEST_CASE("The first matching line wins, by type, database, user and address", "[hba]")
{
	auto rules = Parse("local  db1      all   reject\n"
					   "local  all      alice trust\n"
					   "host   all      all   10.0.0.0/8   reject\n"
					   "host   all      all   0.0.0.0 0.0.0.0  trust\n");
	auto empty = V4("0.0.0.0");
	REQUIRE(CheckHba(rules, true, empty, "db1", "alice")->method == "reject");
	REQUIRE(CheckHba(rules, true, empty, "db2", "alice")->method == "trust");
	REQUIRE_FALSE(CheckHba(rules, true, empty, "db2", "bob").has_value());
	REQUIRE(CheckHba(rules, false, V4("10.1.2.3"), "x", "y")->method == "reject");
	REQUIRE(CheckHba(rules, false, V4("192.168.1.1"), "x", "y")->method == "trust");
	REQUIRE_FALSE(CheckHba(rules, false, V6("::1"), "x", "y").has_value());
}

TEST_CASE("IPv6 CIDR masks match by prefix", "[hba]")
{
	auto rules = Parse("host all all fe80::/10 trust\n");
	REQUIRE(CheckHba(rules, false, V6("fe80::1"), "d", "u").has_value());
	REQUIRE_FALSE(CheckHba(rules, false, V6("::1"), "d", "u").has_value());
}

TEST_CASE("Quoted keywords are names, and sameuser compares database with user", "[hba]")
{
	auto rules = Parse("local \"all\" all trust\nlocal sameuser all peer\n");
	auto empty = V4("0.0.0.0");
	REQUIRE(CheckHba(rules, true, empty, "all", "u")->method == "trust");
	REQUIRE(CheckHba(rules, true, empty, "bob", "bob")->method == "peer");
	REQUIRE_FALSE(CheckHba(rules, true, empty, "other", "bob").has_value());
}

TEST_CASE("Comma lists match any member; replication lines never match a normal connection",
		  "[hba]")
{
	auto rules = Parse("local replication all trust\nlocal a,b u1,u2 trust\n");
	auto empty = V4("0.0.0.0");
	REQUIRE_FALSE(CheckHba(rules, true, empty, "replication", "u1").has_value());
	REQUIRE(CheckHba(rules, true, empty, "b", "u2").has_value());
	REQUIRE_FALSE(CheckHba(rules, true, empty, "c", "u2").has_value());
}

TEST_CASE("hostssl and hostgssenc lines never match: Tusk has no encryption on the wire", "[hba]")
{
	auto rules = Parse("hostssl all all all trust\nhostnossl all all all reject\n");
	REQUIRE(CheckHba(rules, false, V4("127.0.0.1"), "d", "u")->method == "reject");
}

TEST_CASE("Malformed lines are reported with PostgreSQL's messages and line numbers", "[hba]")
{
	std::vector<std::string> errors;
	auto rules = ParseHba("locale all all trust\n"
						  "host all all\n"
						  "host all all 1.2.3.4/40 trust\n"
						  "local all all magic\n"
						  "host all all 127.0.0.1/32 peer\n"
						  "local all\n"
						  "local all all trust\n",
						  &errors);
	REQUIRE(rules.size() == 1);
	REQUIRE(errors.size() == 6);
	REQUIRE(errors[0] == "invalid connection type \"locale\" (line 1)");
	REQUIRE(errors[1] == "end-of-line before IP address specification (line 2)");
	REQUIRE(errors[2] == "invalid CIDR mask in address \"1.2.3.4/40\" (line 3)");
	REQUIRE(errors[3] == "invalid authentication method \"magic\" (line 4)");
	REQUIRE(errors[4] == "peer authentication is only supported on local sockets (line 5)");
	REQUIRE(errors[5] == "end-of-line before role specification (line 6)");
}
