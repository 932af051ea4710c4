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
#include <tuple>
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

/* ---- extended query protocol messages ---- */

std::string Int16(uint16_t v)
{
	v = htons(v);
	return std::string(reinterpret_cast<const char *>(&v), 2);
}

std::string CStr(const std::string &s)
{
	return s + std::string(1, '\0');
}

std::string Parse(const std::string &name, const std::string &query,
				  const std::vector<uint32_t> &types = {})
{
	std::string b = CStr(name) + CStr(query) + Int16(static_cast<uint16_t>(types.size()));
	for (uint32_t t : types)
		b += Int32(t);
	return Message('P', b);
}

/* A parameter value; nullopt-like NULL is a value of "\xff" length marker. */
struct Value
{
	bool isnull = false;
	std::string bytes;
};

std::string Bind(const std::string &portal, const std::string &stmt,
				 const std::vector<Value> &params = {}, const std::vector<uint16_t> &pformats = {},
				 const std::vector<uint16_t> &rformats = {})
{
	std::string b = CStr(portal) + CStr(stmt) + Int16(static_cast<uint16_t>(pformats.size()));
	for (uint16_t f : pformats)
		b += Int16(f);
	b += Int16(static_cast<uint16_t>(params.size()));
	for (const Value &v : params)
		b += v.isnull ? Int32(0xffffffff) : Int32(static_cast<uint32_t>(v.bytes.size())) + v.bytes;
	b += Int16(static_cast<uint16_t>(rformats.size()));
	for (uint16_t f : rformats)
		b += Int16(f);
	return Message('B', b);
}

std::string Execute(const std::string &portal, uint32_t max_rows = 0)
{
	return Message('E', CStr(portal) + Int32(max_rows));
}

std::string Describe(char kind, const std::string &name)
{
	return Message('D', std::string(1, kind) + CStr(name));
}

std::string Close(char kind, const std::string &name)
{
	return Message('C', std::string(1, kind) + CStr(name));
}

std::string Sync()
{
	return Message('S', "");
}

/* Every message up to and including ReadyForQuery. */
std::vector<std::pair<char, std::string>> UntilReady(RawConn &conn)
{
	std::vector<std::pair<char, std::string>> out;
	for (;;)
	{
		auto m = conn.Message();
		REQUIRE(m.first != 0);
		out.push_back(m);
		if (m.first == 'Z')
			return out;
	}
}

/* The message types of a reply, as a string ("12TDCZ"). */
std::string Types(const std::vector<std::pair<char, std::string>> &msgs)
{
	std::string t;
	for (const auto &m : msgs)
		t += m.first;
	return t;
}

const std::string &Body(const std::vector<std::pair<char, std::string>> &msgs, char type,
						int nth = 0)
{
	for (const auto &m : msgs)
		if (m.first == type && nth-- == 0)
			return m.second;
	FAIL("no message of type " << type);
	static std::string none;
	return none;
}

uint32_t GetInt32(const std::string &b, size_t pos)
{
	uint32_t v;
	memcpy(&v, b.data() + pos, 4);
	return ntohl(v);
}

uint16_t GetInt16(const std::string &b, size_t pos)
{
	uint16_t v;
	memcpy(&v, b.data() + pos, 2);
	return ntohs(v);
}

/* The fields of a DataRow (NULL as "<NULL>"). */
std::vector<std::string> Columns(const std::string &datarow)
{
	std::vector<std::string> out;
	uint16_t n = GetInt16(datarow, 0);
	size_t pos = 2;
	for (uint16_t i = 0; i < n; i++)
	{
		auto len = static_cast<int32_t>(GetInt32(datarow, pos));
		pos += 4;
		if (len < 0)
		{
			out.emplace_back("<NULL>");
			continue;
		}
		out.push_back(datarow.substr(pos, static_cast<size_t>(len)));
		pos += static_cast<size_t>(len);
	}
	return out;
}

struct ColumnDesc
{
	std::string name;
	uint32_t table;
	uint16_t attnum;
	uint32_t type;
	int16_t typlen;
	int32_t typmod;
	uint16_t format;
};

std::vector<ColumnDesc> RowDescription(const std::string &body)
{
	std::vector<ColumnDesc> out;
	uint16_t n = GetInt16(body, 0);
	size_t pos = 2;
	for (uint16_t i = 0; i < n; i++)
	{
		ColumnDesc c;
		size_t end = body.find('\0', pos);
		c.name = body.substr(pos, end - pos);
		pos = end + 1;
		c.table = GetInt32(body, pos);
		c.attnum = GetInt16(body, pos + 4);
		c.type = GetInt32(body, pos + 6);
		c.typlen = static_cast<int16_t>(GetInt16(body, pos + 10));
		c.typmod = static_cast<int32_t>(GetInt32(body, pos + 12));
		c.format = GetInt16(body, pos + 16);
		pos += 18;
		out.push_back(c);
	}
	return out;
}

std::string Query(const std::string &sql)
{
	return Message('Q', CStr(sql));
}

std::string BigEndian32(int32_t v)
{
	return Int32(static_cast<uint32_t>(v));
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

TEST_CASE("An unknown message type is refused before its length word is read", "[protocol]")
{
	/* found by the bad-input client: the server used to wait for (and
	 * allocate) the gigabyte such a length word promises */
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	REQUIRE(Login(conn).back() == 'Z');
	conn.Send(std::string("+") + Int32(0x337ebc53));
	auto [type, body] = conn.Message();
	REQUIRE(type == 'E');
	REQUIRE(Field(body, 'S') == "FATAL");
	REQUIRE(Field(body, 'M') == "invalid frontend message type 43");
	REQUIRE(conn.AtEof());
}

TEST_CASE("Execute, Describe, Close, Flush and Sync may not be longer than 10000 bytes",
		  "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	REQUIRE(Login(conn).back() == 'Z');
	/* Parse may be large; Execute may not */
	conn.Send(Parse("", "SELECT '" + std::string(20000, 'x') + "'") +
			  Message('E', CStr("") + Int32(0) + std::string(10000, '\0')));
	auto [type, body] = conn.Message();
	REQUIRE(type == '1');
	std::tie(type, body) = conn.Message();
	REQUIRE(type == 'E');
	REQUIRE(Field(body, 'S') == "FATAL");
	REQUIRE(Field(body, 'C') == "08P01");
	REQUIRE(Field(body, 'M') == "invalid message length");
	REQUIRE(conn.AtEof());
}

TEST_CASE("Counts in Parse and Bind are unsigned; lengths past the message are 08P01", "[protocol]")
{
	/* found by the bad-input client: counts of 0xffff read as -1, and a
	 * parameter length word was allocated for before it was checked */
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	REQUIRE(Login(conn).back() == 'Z');
	auto error_of = [&](const std::string &messages) {
		conn.Send(messages + Sync());
		auto reply = UntilReady(conn);
		const std::string &e = Body(reply, 'E');
		return Field(e, 'C') + " " + Field(e, 'M');
	};
	const std::string insufficient = "08P01 insufficient data left in message";
	/* Parse announcing 65535 parameter types and giving none */
	CHECK(error_of(Message('P', CStr("") + CStr("SELECT 1") + Int16(0xffff))) == insufficient);
	auto bind = [](const std::string &middle) {
		return Message('B', CStr("") + CStr("") + middle + Int16(0));
	};
	/* 65535 parameter formats, none given */
	CHECK(error_of(Parse("", "SELECT $1::text") + bind(Int16(0xffff))) == insufficient);
	/* a parameter length of -2, and one of 2 GB with 3 bytes present */
	CHECK(error_of(Parse("", "SELECT $1::text") + bind(Int16(0) + Int16(1) + Int32(0xfffffffe))) ==
		  insufficient);
	CHECK(error_of(Parse("", "SELECT $1::text") +
				   bind(Int16(0) + Int16(1) + Int32(0x7fffffff) + "abc")) == insufficient);
	/* the session goes on */
	conn.Send(Query("SELECT 1"));
	REQUIRE(Types(UntilReady(conn)) == "TDCZ");
}

TEST_CASE("Terminate ends the session while the server skips to Sync after an error", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	REQUIRE(Login(conn).back() == 'Z');
	conn.Send(Parse("", "SELEC 1") + Message('X', ""));
	auto [type, body] = conn.Message();
	REQUIRE(type == 'E');
	REQUIRE(Field(body, 'C') == "42601");
	REQUIRE(conn.AtEof());
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

/*
 * The extended query protocol.  Each expectation below is what PostgreSQL
 * 15 answered to the same bytes (captured with a raw client against both
 * servers); where Tusk deliberately differs, the case says so.
 */

namespace {

/* A logged-in connection with a small table wt(a int, b text). */
void SetUpTable(RawConn &conn)
{
	REQUIRE(Login(conn).back() == 'Z');
	conn.Send(Query("CREATE TABLE wt (a int, b text, c numeric, d bool, e int8, f float8); "
					"INSERT INTO wt VALUES (1, 'one', 1.5, true, 10, 0.5), "
					"(2, 'two', -2.25, false, 20, 1e10), (3, NULL, NULL, NULL, NULL, NULL)"));
	REQUIRE(Types(UntilReady(conn)) == "CCZ");
}

}  // namespace

TEST_CASE("Parse, Bind, Describe portal, Execute and Sync run a statement with a text parameter",
		  "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	conn.Send(Parse("", "SELECT a, b FROM wt WHERE a = $1", {23}) + Bind("", "", {{false, "2"}}) +
			  Describe('P', "") + Execute("") + Sync());
	auto reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12TDCZ");
	auto cols = RowDescription(Body(reply, 'T'));
	REQUIRE(cols.size() == 2);
	/* Plain column references name their table and column number. */
	REQUIRE(cols[0].name == "a");
	REQUIRE(cols[0].table != 0);
	REQUIRE(cols[0].attnum == 1);
	REQUIRE(cols[0].type == 23);
	REQUIRE(cols[0].typlen == 4);
	REQUIRE(cols[0].typmod == -1);
	REQUIRE(cols[0].format == 0);
	REQUIRE(cols[1].attnum == 2);
	REQUIRE(cols[1].type == 25);
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"2", "two"});
	REQUIRE(Body(reply, 'C') == CStr("SELECT 1"));
	REQUIRE(Body(reply, 'Z') == "I");
}

TEST_CASE("Describe statement infers unspecified parameter types from their use", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	conn.Send(Parse("", "SELECT a, b FROM wt WHERE a = $1") + Describe('S', "") + Sync());
	auto reply = UntilReady(conn);
	REQUIRE(Types(reply) == "1tTZ");
	REQUIRE(Body(reply, 't') == Int16(1) + Int32(23));
	/* An explicit cast types its parameter; a bare $1 selected is text. */
	conn.Send(Parse("", "SELECT $1::text, $2::int8 + 1, $3") + Describe('S', "") +
			  Bind("", "", {{false, "x"}, {false, "41"}, {false, "y"}}) + Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "1tT2DCZ");
	REQUIRE(Body(reply, 't') == Int16(3) + Int32(25) + Int32(20) + Int32(25));
	auto cols = RowDescription(Body(reply, 'T'));
	REQUIRE(cols[0].name == "text");
	REQUIRE(cols[0].table == 0);
	REQUIRE(cols[1].type == 20);
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"x", "42", "y"});
	/* $2 used, $1 never: its type cannot be known. */
	conn.Send(Parse("", "SELECT a FROM wt WHERE a = $2") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "42P18");
	REQUIRE(Field(Body(reply, 'E'), 'M') == "could not determine data type of parameter $1");
}

TEST_CASE("Parameters and results travel in binary when Bind asks for format 1", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	conn.Send(Parse("", "SELECT a, b, c, d, e, f FROM wt WHERE a = $1", {23}) +
			  Bind("", "", {{false, BigEndian32(1)}}, {1}, {1}) + Describe('P', "") + Execute("") +
			  Sync());
	auto reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12TDCZ");
	for (const auto &c : RowDescription(Body(reply, 'T')))
		REQUIRE(c.format == 1);
	auto row = Columns(Body(reply, 'D'));
	REQUIRE(row[0] == BigEndian32(1));
	REQUIRE(row[1] == "one");
	/* numeric 1.5: ndigits 2, weight 0, sign +, dscale 1, digits 1 and 5000. */
	REQUIRE(row[2] == Int16(2) + Int16(0) + Int16(0) + Int16(1) + Int16(1) + Int16(5000));
	REQUIRE(row[3] == std::string(1, '\1'));
	REQUIRE(row[4] == Int32(0) + Int32(10));
	REQUIRE(row[5] == Int32(0x3fe00000) + Int32(0)); /* 0.5 */

	/* One format per column: binary, text, binary … */
	conn.Send(Parse("", "SELECT a, b, d FROM wt ORDER BY a") + Bind("", "", {}, {}, {1, 0, 0}) +
			  Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12DDDCZ");
	REQUIRE(Columns(Body(reply, 'D', 1)) == std::vector<std::string>{BigEndian32(2), "two", "f"});
	REQUIRE(Columns(Body(reply, 'D', 2)) ==
			std::vector<std::string>{BigEndian32(3), "<NULL>", "<NULL>"});

	/* Arrays and int2vector: ndim, has-nulls, element type, (length, lower
	 * bound) per dimension, then each element's length and bytes. */
	conn.Send(Parse("", "SELECT '{1,NULL}'::int4[], '7 -1'::int2vector") +
			  Bind("", "", {}, {}, {1}) + Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12DCZ");
	auto arrays = Columns(Body(reply, 'D'));
	REQUIRE(arrays[0] ==
			Int32(1) + Int32(1) + Int32(23) + Int32(2) + Int32(1) + Int32(4) + Int32(1) +
				Int32(0xffffffff));
	REQUIRE(arrays[1] ==
			Int32(1) + Int32(0) + Int32(21) + Int32(2) + Int32(0) + Int32(2) + Int16(7) + Int32(2) +
				Int16(0xffff));

	/* Bytes left over after the type's receive function: 22P03. */
	conn.Send(Parse("", "SELECT $1::int4") + Bind("", "", {{false, BigEndian32(1) + "x"}}, {1}) +
			  Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "1EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "22P03");
	REQUIRE(Field(Body(reply, 'E'), 'M') == "incorrect binary data format in bind parameter 1");
	/* The CONTEXT names the parameter (a text value is shown cut to 0
	 * characters, log_parameter_max_length_on_error's default). */
	REQUIRE(Field(Body(reply, 'E'), 'W') == "unnamed portal parameter $1");
	conn.Send(Parse("", "SELECT $1::int4") + Bind("pp", "", {{false, "abc"}}) + Sync());
	reply = UntilReady(conn);
	REQUIRE(Field(Body(reply, 'E'), 'C') == "22P02");
	REQUIRE(Field(Body(reply, 'E'), 'W') == "portal \"pp\" parameter $1 = '...'");
}

TEST_CASE("Row values are described as record or their row type and travel in binary", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	conn.Send(Parse("", "SELECT ROW(a, b), wt FROM wt WHERE a = 1") + Bind("", "", {}, {}, {1}) +
			  Describe('P', "") + Execute("") + Sync());
	auto reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12TDCZ");
	auto cols = RowDescription(Body(reply, 'T'));
	REQUIRE(cols[0].type == 2249); /* record */
	REQUIRE(cols[0].typmod == -1);
	REQUIRE(cols[1].type != 2249); /* wt's row type */
	REQUIRE(cols[1].type != 0);
	/* record_send: the column count, then per column its type, length
	 * (-1 for NULL) and binary value. */
	auto row = Columns(Body(reply, 'D'));
	REQUIRE(row[0] ==
			Int32(2) + Int32(23) + Int32(4) + BigEndian32(1) + Int32(25) + Int32(3) + "one");
	REQUIRE(row[1].substr(0, 8) == Int32(6) + Int32(23));

	/* record_recv reads the same layout for a parameter of a row type. */
	std::string value = Int32(6) + Int32(23) + Int32(4) + BigEndian32(7) + Int32(25) + Int32(3) +
		"sev" + Int32(1700) + Int32(0xffffffff) + Int32(16) + Int32(0xffffffff) + Int32(20) +
		Int32(0xffffffff) + Int32(701) + Int32(0xffffffff);
	conn.Send(Parse("", "SELECT ($1::wt).b, ($1::wt).c IS NULL") +
			  Bind("", "", {{false, value}}, {1}) + Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12DCZ");
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"sev", "t"});
	conn.Send(Parse("", "SELECT ($1::wt).b") +
			  Bind("", "", {{false, Int32(1) + Int32(23) + Int32(4) + BigEndian32(7)}}, {1}) +
			  Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "1EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "42804");
	REQUIRE(Field(Body(reply, 'E'), 'M') == "wrong number of columns: 1, expected 6");
}

TEST_CASE("Execute with a row limit suspends the portal and resumes it", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	conn.Send(Parse("", "SELECT a FROM wt ORDER BY a") + Bind("", "") + Execute("", 2) +
			  Execute("", 2) + Sync());
	auto reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12DDsDCZ");
	REQUIRE(Columns(Body(reply, 'D', 2)) == std::vector<std::string>{"3"});
	/* The count of the last Execute, as PostgreSQL reports it. */
	REQUIRE(Body(reply, 'C') == CStr("SELECT 1"));
	/* A limit met exactly leaves the portal suspended; the next Execute
	 * completes it with no rows. */
	conn.Send(Parse("", "SELECT a FROM wt ORDER BY a") + Bind("", "") + Execute("", 3) +
			  Execute("", 3) + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12DDDsCZ");
	REQUIRE(Body(reply, 'C') == CStr("SELECT 0"));
	/* Inside a transaction block a named portal lives across Syncs. */
	conn.Send(Query("BEGIN"));
	REQUIRE(Types(UntilReady(conn)) == "CZ");
	conn.Send(Parse("p", "SELECT a FROM wt ORDER BY a") + Bind("c1", "p") + Execute("c1", 1) +
			  Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12DsZ");
	REQUIRE(Body(reply, 'Z') == "T");
	conn.Send(Execute("c1", 1) + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "DsZ");
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"2"});
	conn.Send(Query("COMMIT"));
	REQUIRE(Types(UntilReady(conn)) == "CZ");
	/* … and ends with it. */
	conn.Send(Execute("c1") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "34000");
	REQUIRE(Field(Body(reply, 'E'), 'M') == "portal \"c1\" does not exist");
}

TEST_CASE("After an error the server skips to Sync and answers one ReadyForQuery", "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	/* PostgreSQL folds 1/0 when planning and fails at Bind ("1EZ"); Tusk's
	 * planner does not fold constants yet, so the error comes at Execute. */
	conn.Send(Parse("", "SELECT a / 0 FROM wt") + Bind("", "") + Execute("") +
			  Parse("", "SELECT 2") + Bind("", "") + Execute("") + Sync());
	auto reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "22012");
	REQUIRE(Body(reply, 'Z') == "I");
	/* The implicit transaction was rolled back; the session goes on. */
	conn.Send(Parse("", "SELECT 2") + Bind("", "") + Execute("") + Sync());
	REQUIRE(Types(UntilReady(conn)) == "12DCZ");
	/* Inside a block the error fails the block ('E') until ROLLBACK. */
	conn.Send(Parse("", "BEGIN") + Bind("", "") + Execute("") + Sync());
	REQUIRE(Body(UntilReady(conn), 'Z') == "T");
	conn.Send(Parse("", "SELECT a / 0 FROM wt") + Bind("", "") + Execute("") + Sync());
	REQUIRE(Body(UntilReady(conn), 'Z') == "E");
	conn.Send(Parse("", "SELECT 1") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "25P02");
	conn.Send(Parse("", "ROLLBACK") + Bind("", "") + Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12CZ");
	REQUIRE(Body(reply, 'C') == CStr("ROLLBACK"));
	REQUIRE(Body(reply, 'Z') == "I");
	/* The next error after that cleanup is an ordinary one. */
	conn.Send(Describe('S', "nope") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "26000");
	REQUIRE(Field(Body(reply, 'E'), 'M') == "prepared statement \"nope\" does not exist");
	/* One statement per Parse. */
	conn.Send(Parse("", "SELECT 1; SELECT 2") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Field(Body(reply, 'E'), 'C') == "42601");
	REQUIRE(Field(Body(reply, 'E'), 'M') ==
			"cannot insert multiple commands into a prepared statement");
	/* Bind's parameter count must match. */
	conn.Send(Parse("", "SELECT $1::int4") + Bind("", "") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Field(Body(reply, 'E'), 'C') == "08P01");
	REQUIRE(Field(Body(reply, 'E'), 'M') ==
			"bind message supplies 0 parameters, but prepared statement \"\" requires 1");
}

TEST_CASE("Named statements persist across Syncs until Close; Close of a missing one is fine",
		  "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	conn.Send(Parse("s1", "SELECT b FROM wt WHERE a = $1", {23}) + Sync());
	REQUIRE(Types(UntilReady(conn)) == "1Z");
	conn.Send(Bind("", "s1", {{false, "1"}}) + Execute("") + Sync() +
			  Bind("", "s1", {{false, "3"}}) + Execute("") + Sync());
	auto reply = UntilReady(conn);
	REQUIRE(Types(reply) == "2DCZ");
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"one"});
	reply = UntilReady(conn);
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"<NULL>"});
	/* The name is taken. */
	conn.Send(Parse("s1", "SELECT 1") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Field(Body(reply, 'E'), 'C') == "42P05");
	REQUIRE(Field(Body(reply, 'E'), 'M') == "prepared statement \"s1\" already exists");
	/* Close answers CloseComplete, whether or not the object exists. */
	conn.Send(Close('S', "s1") + Close('P', "zz") + Bind("", "s1", {{false, "1"}}) + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "33EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "26000");
	REQUIRE(Field(Body(reply, 'E'), 'M') == "prepared statement \"s1\" does not exist");
	/* PREPARE in SQL names a statement Bind can use, and Describe shows it. */
	conn.Send(Query("PREPARE q1(int) AS SELECT b FROM wt WHERE a = $1"));
	REQUIRE(Types(UntilReady(conn)) == "CZ");
	conn.Send(Describe('S', "q1") + Bind("", "q1", {{false, "2"}}) + Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "tT2DCZ");
	REQUIRE(Body(reply, 't') == Int16(1) + Int32(23));
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"two"});
}

TEST_CASE("An empty query, DML, utility statements and SHOW through the extended protocol",
		  "[protocol]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	conn.Send(Parse("", "") + Bind("", "") + Describe('P', "") + Execute("") + Sync());
	REQUIRE(Types(UntilReady(conn)) == "12nIZ");
	conn.Send(Parse("", "INSERT INTO wt VALUES ($1, $2)") + Describe('S', "") +
			  Bind("", "", {{false, "4"}, {false, "four"}}) + Describe('P', "") + Execute("") +
			  Sync());
	auto reply = UntilReady(conn);
	REQUIRE(Types(reply) == "1tn2nCZ");
	REQUIRE(Body(reply, 't') == Int16(2) + Int32(23) + Int32(25));
	REQUIRE(Body(reply, 'C') == CStr("INSERT 0 1"));
	/* ParameterStatus follows CommandComplete, before ReadyForQuery. */
	conn.Send(Parse("", "SET application_name = 'x'") + Bind("", "") + Describe('P', "") +
			  Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12nCSZ");
	REQUIRE(Body(reply, 'S') == CStr("application_name") + CStr("x"));
	conn.Send(Parse("", "SHOW application_name") + Describe('S', "") + Bind("", "") +
			  Describe('P', "") + Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "1tT2TDCZ");
	REQUIRE(RowDescription(Body(reply, 'T'))[0].name == "application_name");
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"x"});
	REQUIRE(Body(reply, 'C') == CStr("SHOW"));
}

/* ---- COPY ---- */

namespace {

std::string CopyData(const std::string &bytes)
{
	return Message('d', bytes);
}

std::string CopyDone()
{
	return Message('c', "");
}

std::string CopyFail(const std::string &why)
{
	return Message('f', CStr(why));
}

std::string Flush()
{
	return Message('H', "");
}

/* Messages up to and including the first of type stop. */
std::vector<std::pair<char, std::string>> Until(RawConn &conn, char stop)
{
	std::vector<std::pair<char, std::string>> out;
	for (;;)
	{
		auto m = conn.Message();
		REQUIRE(m.first != 0);
		out.push_back(m);
		if (m.first == stop)
			return out;
	}
}

}  // namespace

TEST_CASE("COPY FROM STDIN in a simple query: CopyInResponse, CopyData, CopyDone, COPY n",
		  "[protocol][copy]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	conn.Send(Query("COPY wt (a, b) FROM STDIN"));
	auto reply = Until(conn, 'G');
	REQUIRE(Types(reply) == "G");
	/* Text format overall, two text columns. */
	REQUIRE(Body(reply, 'G') == std::string(1, '\0') + Int16(2) + Int16(0) + Int16(0));
	/* Rows may be split across CopyData messages anywhere. */
	conn.Send(CopyData("10\tten\n11\t") + CopyData("\\N\n1") + CopyData("2\ttwelve\n") +
			  CopyDone());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "CZ");
	REQUIRE(Body(reply, 'C') == CStr("COPY 3"));
	conn.Send(Query("SELECT a, b FROM wt WHERE a >= 10 ORDER BY a"));
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "TDDDCZ");
	REQUIRE(Columns(Body(reply, 'D', 1)) == std::vector<std::string>{"11", "<NULL>"});
	REQUIRE(Columns(Body(reply, 'D', 2)) == std::vector<std::string>{"12", "twelve"});
}

TEST_CASE("CopyFail ends COPY FROM STDIN with 57014 and keeps none of its rows", "[protocol][copy]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	conn.Send(Query("COPY wt (a) FROM STDIN"));
	REQUIRE(Types(Until(conn, 'G')) == "G");
	conn.Send(CopyData("20\n21\n") + CopyFail("client gave up"));
	auto reply = UntilReady(conn);
	REQUIRE(Types(reply) == "EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "57014");
	REQUIRE(Field(Body(reply, 'E'), 'M') == "COPY from stdin failed: client gave up");
	REQUIRE(Body(reply, 'Z') == "I");
	/* A bad row: the error comes at once; the rest of the client's copy
	 * data, sent before it saw the error, is ignored. */
	conn.Send(Query("COPY wt (a) FROM STDIN"));
	REQUIRE(Types(Until(conn, 'G')) == "G");
	conn.Send(CopyData("22\nx\n"));
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "22P02");
	REQUIRE(Field(Body(reply, 'E'), 'W') == "COPY wt, line 2, column a: \"x\"");
	conn.Send(CopyData("23\n") + CopyDone());
	/* Bytes that are not UTF-8 never enter a table. */
	conn.Send(Query("COPY wt (a, b) FROM STDIN"));
	REQUIRE(Types(Until(conn, 'G')) == "G");
	conn.Send(CopyData("24\tok\n25\tbad \xff byte\n") + CopyDone());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "22021");
	REQUIRE(Field(Body(reply, 'E'), 'M') == "invalid byte sequence for encoding \"UTF8\": 0xff");
	REQUIRE(Field(Body(reply, 'E'), 'W') == "COPY wt, line 2");
	conn.Send(Query("SELECT count(*) FROM wt WHERE a >= 20"));
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "TDCZ");
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"0"});
}

TEST_CASE("COPY through the extended protocol: Flush and Sync during copy-in are ignored",
		  "[protocol][copy]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	conn.Send(Parse("", "COPY wt (a, b) FROM STDIN WITH (FORMAT csv)") + Bind("", "") +
			  Describe('P', "") + Execute("") + Flush());
	auto reply = Until(conn, 'G');
	REQUIRE(Types(reply) == "12nG");
	conn.Send(CopyData("30,\"thirty, quoted\"\n") + Flush() + Sync() + CopyData("31,\n") +
			  CopyDone() + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "CZ");
	REQUIRE(Body(reply, 'C') == CStr("COPY 2"));

	/* COPY TO STDOUT: CopyOutResponse, a CopyData per row, CopyDone. */
	conn.Send(Parse("", "COPY (SELECT a, b FROM wt WHERE a >= 30 ORDER BY a) TO STDOUT") +
			  Bind("", "") + Execute("") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "12HddcCZ");
	REQUIRE(Body(reply, 'H') == std::string(1, '\0') + Int16(2) + Int16(0) + Int16(0));
	REQUIRE(Body(reply, 'd', 0) == "30\tthirty, quoted\n");
	REQUIRE(Body(reply, 'd', 1) == "31\t\\N\n");
	REQUIRE(Body(reply, 'C') == CStr("COPY 2"));

	/* CopyFail in the extended protocol: the error, then nothing until Sync. */
	conn.Send(Parse("", "COPY wt (a) FROM STDIN") + Bind("", "") + Execute("") + Flush());
	REQUIRE(Types(Until(conn, 'G')) == "12G");
	conn.Send(CopyData("40\n") + CopyFail("stop") + Parse("", "SELECT 1") + Sync());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "EZ");
	REQUIRE(Field(Body(reply, 'E'), 'C') == "57014");
	conn.Send(Query("SELECT count(*) FROM wt WHERE a >= 30"));
	reply = UntilReady(conn);
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"2"});
}

TEST_CASE("COPY in binary format: PostgreSQL's file layout in and out", "[protocol][copy]")
{
	Cluster cluster;
	StartCluster(cluster);
	RawConn conn(cluster);
	SetUpTable(conn);
	const std::string header = std::string("PGCOPY\n\377\r\n", 10) + std::string(1, '\0') +
		Int32(0) + Int32(0);
	/* What psycopg 3 sends for (30, 'thirty'), then (31, NULL). */
	const std::string row30 = Int16(2) + Int32(4) + Int32(30) + Int32(6) + "thirty";
	const std::string row31 = Int16(2) + Int32(4) + Int32(31) + Int32(0xffffffff);
	conn.Send(Query("COPY wt (a, b) FROM STDIN (FORMAT BINARY)"));
	auto reply = Until(conn, 'G');
	REQUIRE(Body(reply, 'G') == std::string(1, '\1') + Int16(2) + Int16(1) + Int16(1));
	/* Split anywhere, like text. */
	std::string data = header + row30 + row31 + Int16(0xffff);
	conn.Send(CopyData(data.substr(0, 7)) + CopyData(data.substr(7, 20)) +
			  CopyData(data.substr(27)) + CopyDone());
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "CZ");
	REQUIRE(Body(reply, 'C') == CStr("COPY 2"));

	/* Out: the header goes with the first row, the trailer alone. */
	conn.Send(Query("COPY (SELECT a, b FROM wt WHERE a >= 30 ORDER BY a) TO STDOUT WITH BINARY"));
	reply = UntilReady(conn);
	REQUIRE(Types(reply) == "HdddcCZ");
	REQUIRE(Body(reply, 'H') == std::string(1, '\1') + Int16(2) + Int16(1) + Int16(1));
	REQUIRE(Body(reply, 'd', 0) == header + row30);
	REQUIRE(Body(reply, 'd', 1) == row31);
	REQUIRE(Body(reply, 'd', 2) == Int16(0xffff));

	/* Damaged data: PostgreSQL's errors. */
	conn.Send(Query("COPY wt (a, b) FROM STDIN (FORMAT BINARY)"));
	REQUIRE(Types(Until(conn, 'G')) == "G");
	conn.Send(CopyData("not a copy file") + CopyDone());
	reply = UntilReady(conn);
	REQUIRE(Field(Body(reply, 'E'), 'M') == "COPY file signature not recognized");
	REQUIRE(Field(Body(reply, 'E'), 'W').empty());
	conn.Send(Query("COPY wt (a, b) FROM STDIN (FORMAT BINARY)"));
	REQUIRE(Types(Until(conn, 'G')) == "G");
	conn.Send(CopyData(header + Int16(1) + Int32(4) + Int32(32)) + CopyDone());
	reply = UntilReady(conn);
	REQUIRE(Field(Body(reply, 'E'), 'M') == "row field count is 1, expected 2");
	REQUIRE(Field(Body(reply, 'E'), 'W') == "COPY wt, line 1");
	conn.Send(Query("COPY wt (a, b) FROM STDIN (FORMAT BINARY)"));
	REQUIRE(Types(Until(conn, 'G')) == "G");
	/* Six bytes for an int4: left over after its receive function. */
	conn.Send(CopyData(header + Int16(2) + Int32(6) + Int32(33) + Int16(0) + Int32(0xffffffff)) +
			  CopyDone());
	reply = UntilReady(conn);
	REQUIRE(Field(Body(reply, 'E'), 'C') == "22P03");
	REQUIRE(Field(Body(reply, 'E'), 'M') == "incorrect binary data format");
	REQUIRE(Field(Body(reply, 'E'), 'W') == "COPY wt, line 1, column a");
	conn.Send(Query("SELECT count(*) FROM wt WHERE a >= 30"));
	reply = UntilReady(conn);
	REQUIRE(Columns(Body(reply, 'D')) == std::vector<std::string>{"2"});
}
