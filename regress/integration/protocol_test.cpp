/*
 * protocol_test.cpp — the wire protocol up to and around login, spoken
 * byte by byte: what libpq never sends but other clients (and attackers)
 * may.
 */
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <string>
#include <vector>

#include <libpq-fe.h>

#include "harness.h"

using namespace tusk::test;

namespace {

/* A raw protocol connection over the cluster's Unix socket. */
class RawConn
{
  public:
	explicit RawConn(const Cluster &cluster)
	{
		fd_ = socket(AF_UNIX, SOCK_STREAM, 0);
		REQUIRE(fd_ >= 0);
		struct sockaddr_un sun = {};
		sun.sun_family = AF_UNIX;
		std::string path = cluster.SocketDir() + "/.s.PGSQL." + std::to_string(cluster.Port());
		snprintf(sun.sun_path, sizeof sun.sun_path, "%s", path.c_str());
		REQUIRE(connect(fd_, reinterpret_cast<struct sockaddr *>(&sun), sizeof sun) == 0);
	}
	~RawConn() { close(fd_); }

	void Send(const std::string &bytes)
	{
		REQUIRE(write(fd_, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
	}

	/* Read exactly n bytes; false on EOF or timeout. */
	bool Read(std::string *out, size_t n, int timeout_ms = 5000)
	{
		out->clear();
		while (out->size() < n)
		{
			struct pollfd p = {fd_, POLLIN, 0};
			if (poll(&p, 1, timeout_ms) <= 0)
				return false;
			char buf[4096];
			ssize_t r = read(fd_, buf, std::min(sizeof buf, n - out->size()));
			if (r <= 0)
				return false;
			out->append(buf, static_cast<size_t>(r));
		}
		return true;
	}

	/* Next message: type and body; type 0 at EOF. */
	std::pair<char, std::string> Message()
	{
		std::string head;
		if (!Read(&head, 5))
			return {0, ""};
		uint32_t len;
		memcpy(&len, head.data() + 1, 4);
		std::string body;
		if (!Read(&body, ntohl(len) - 4))
			return {0, ""};
		return {head[0], body};
	}

	bool AtEof()
	{
		std::string s;
		return !Read(&s, 1);
	}

  private:
	int fd_ = -1;
};

std::string Int32(uint32_t v)
{
	v = htonl(v);
	return std::string(reinterpret_cast<const char *>(&v), 4);
}

std::string Packet(const std::string &payload)
{
	return Int32(static_cast<uint32_t>(payload.size() + 4)) + payload;
}

std::string Message(char type, const std::string &payload)
{
	return std::string(1, type) + Packet(payload);
}

std::string Startup(uint32_t version, const std::vector<std::pair<std::string, std::string>> &kv)
{
	std::string p = Int32(version);
	for (const auto &[k, v] : kv)
		p += k + std::string(1, '\0') + v + std::string(1, '\0');
	p.push_back('\0');
	return Packet(p);
}

/* The value of one field of an ErrorResponse/NoticeResponse body. */
std::string Field(const std::string &body, char code)
{
	size_t i = 0;
	while (i < body.size() && body[i] != '\0')
	{
		char c = body[i++];
		size_t end = body.find('\0', i);
		if (c == code)
			return body.substr(i, end - i);
		i = end + 1;
	}
	return "";
}

/* Log in and read up to ReadyForQuery; returns the message types seen. */
std::string Login(RawConn &conn)
{
	conn.Send(Startup(0x30000, {{"user", TestUser()}, {"database", "postgres"}}));
	std::string types;
	for (;;)
	{
		auto [type, body] = conn.Message();
		REQUIRE(type != 0);
		types += type;
		if (type == 'Z' || type == 'E')
			return types;
	}
}

void StartCluster(Cluster &cluster)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("Login sends AuthenticationOk, parameter status, key data and ReadyForQuery",
		  "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	std::string types = Login(conn);
	REQUIRE(types.front() == 'R');
	REQUIRE(types.substr(types.size() - 2) == "KZ");
	REQUIRE(types.find_first_not_of("RSKZ") == std::string::npos);
	/* Terminate ends the session cleanly. */
	conn.Send(Message('X', ""));
	REQUIRE(conn.AtEof());
}

TEST_CASE("SSLRequest and GSSENCRequest are declined with 'N', then login proceeds", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	conn.Send(Packet(Int32(80877103))); /* 1234.5679 */
	std::string answer;
	REQUIRE(conn.Read(&answer, 1));
	REQUIRE(answer == "N");
	conn.Send(Packet(Int32(80877104))); /* 1234.5680 */
	REQUIRE(conn.Read(&answer, 1));
	REQUIRE(answer == "N");
	REQUIRE(Login(conn).back() == 'Z');
}

TEST_CASE("An unsupported protocol version gets 0A000 with PostgreSQL's message", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	conn.Send(Startup(0x20000, {{"user", "tusk"}}));
	auto [type, body] = conn.Message();
	REQUIRE(type == 'E');
	REQUIRE(Field(body, 'C') == "0A000");
	REQUIRE(Field(body, 'M') == "unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
}

TEST_CASE("A startup packet without a user name is refused with 28000", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	conn.Send(Startup(0x30000, {{"database", "postgres"}}));
	auto [type, body] = conn.Message();
	REQUIRE(type == 'E');
	REQUIRE(Field(body, 'S') == "FATAL");
	REQUIRE(Field(body, 'C') == "28000");
	REQUIRE(Field(body, 'M') == "no PostgreSQL user name specified in startup packet");
}

TEST_CASE("A startup packet of absurd length is dropped and logged; the server keeps serving",
		  "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	{
		RawConn conn(cluster);
		conn.Send(Int32(3));
		REQUIRE(conn.AtEof());
	}
	{
		RawConn conn(cluster);
		conn.Send(Int32(1000000) + "xxxx");
		REQUIRE(conn.AtEof());
	}
	REQUIRE(cluster.WaitForLog("invalid length of startup packet", 5000));
	RawConn ok(cluster);
	REQUIRE(Login(ok).back() == 'Z');
	REQUIRE(cluster.Log().find("reinitializing") == std::string::npos);
}

TEST_CASE("An unknown message type is a protocol violation (FATAL 08P01)", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	REQUIRE(Login(conn).back() == 'Z');
	conn.Send(Message('z', ""));
	auto [type, body] = conn.Message();
	REQUIRE(type == 'E');
	REQUIRE(Field(body, 'S') == "FATAL");
	REQUIRE(Field(body, 'C') == "08P01");
	REQUIRE(Field(body, 'M') == "invalid frontend message type 122");
	REQUIRE(conn.AtEof());
}

TEST_CASE("Extended-protocol messages get 0A000 and are skipped until Sync", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	REQUIRE(Login(conn).back() == 'Z');
	std::string parse = std::string(1, '\0') + "select 1" + std::string(1, '\0') +
		std::string(2, '\0');
	conn.Send(Message('P', parse) + Message('B', std::string(8, '\0')) + Message('S', ""));
	auto [t1, b1] = conn.Message();
	REQUIRE(t1 == 'E');
	REQUIRE(Field(b1, 'C') == "0A000");
	auto [t2, b2] = conn.Message();
	REQUIRE(t2 == 'Z');
	REQUIRE(b2 == "I");
}

TEST_CASE("A simple query with an empty string gets EmptyQueryResponse", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	REQUIRE(Login(conn).back() == 'Z');
	conn.Send(Message('Q', std::string(1, '\0')));
	REQUIRE(conn.Message().first == 'I');
	REQUIRE(conn.Message().first == 'Z');
}

TEST_CASE("A cancel request reaches the right backend; a wrong key is logged and ignored",
		  "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	/* The postmaster says at DEBUG2 whom it signals. */
	cluster.AppendConf("log_min_messages = debug2");
	REQUIRE(cluster.PgCtl({"reload"}).exit_code == 0);
	REQUIRE(cluster.WaitForLog("parameter \"log_min_messages\" changed to \"debug2\"", 10000));
	RawConn session(cluster);
	session.Send(Startup(0x30000, {{"user", TestUser()}, {"database", "postgres"}}));
	int32_t pid = 0, key = 0;
	for (;;)
	{
		auto [type, body] = session.Message();
		REQUIRE(type != 0);
		if (type == 'K')
		{
			uint32_t p, k;
			memcpy(&p, body.data(), 4);
			memcpy(&k, body.data() + 4, 4);
			pid = static_cast<int32_t>(ntohl(p));
			key = static_cast<int32_t>(ntohl(k));
		}
		if (type == 'Z')
			break;
	}
	REQUIRE(pid > 0);
	{
		RawConn cancel(cluster);
		cancel.Send(Packet(Int32(80877102) + Int32(static_cast<uint32_t>(pid)) +
						   Int32(static_cast<uint32_t>(key + 1))));
		REQUIRE(cancel.AtEof());
	}
	REQUIRE(
		cluster.WaitForLog("wrong key in cancel request for process " + std::to_string(pid), 5000));
	{
		/* The right key reaches the backend; idle, it has nothing to cancel. */
		RawConn cancel(cluster);
		cancel.Send(Packet(Int32(80877102) + Int32(static_cast<uint32_t>(pid)) +
						   Int32(static_cast<uint32_t>(key))));
		REQUIRE(cancel.AtEof());
	}
	REQUIRE(cluster.WaitForLog("processing cancel request: sending SIGINT to process " +
								   std::to_string(pid),
							   5000));
	/* The session goes on: its next query answers. */
	session.Send(Message('Q', std::string("select 1") + std::string(1, '\0')));
	REQUIRE(session.Message().first == 'T');
	REQUIRE(session.Message().first == 'D');
	REQUIRE(session.Message().first == 'C');
	REQUIRE(session.Message().first == 'Z');
}
