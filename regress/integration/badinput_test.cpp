/*
 * badinput_test.cpp — a client that throws tens of thousands of random and
 * mutated statements and protocol messages at one live server.
 *
 * Two kinds of input, both from one deterministic generator:
 *   - SQL through the simple protocol: the statements of the files in regress/sql/
 *     and of the parser's corpus, as they are or mutated (byte flips,
 *     truncation, token splicing, huge literals, deep nesting, random
 *     bytes).  Each must get its results or an ErrorResponse, then
 *     ReadyForQuery, on a connection that stays open;
 *   - protocol messages over fresh raw connections: garbage startup
 *     packets, and after a normal login sequences of Parse, Bind, Describe,
 *     Execute, Close, Flush, FunctionCall, copy and unknown messages with
 *     wrong lengths, truncated or flipped bodies, bad format codes and
 *     parameter counts.  A correctly framed sequence ending in Sync must get
 *     ReadyForQuery (and the session must still run SELECT 1) or a FATAL
 *     ErrorResponse before the connection closes; a badly framed one may end
 *     any way but a hang.
 * The server must never crash: the postmaster keeps its PID, its log never
 * reports a server process terminated by a signal or exiting abnormally, and
 * it answers SELECT 1 at the end.
 *
 * Environment (for longer runs and replays, doc/CONTRIBUTING.md):
 *   TUSK_BADINPUT_SEED   the generator's seed (default 1)
 *   TUSK_BADINPUT_COUNT  how many inputs (default 4000; a quarter protocol)
 *   TUSK_BADINPUT_ONLY   run only input number N of that seed
 *   TUSK_BADINPUT_SHOW   print every input; TUSK_BADINPUT_TIMING=MS those taking MS or more
 * A failure prints the seed, the input's number and the input itself.
 */
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "harness.h"

using namespace tusk::test;

namespace {

uint64_t EnvNumber(const char *name, uint64_t fallback)
{
	const char *v = getenv(name);
	return v != nullptr && *v != '\0' ? std::strtoull(v, nullptr, 10) : fallback;
}

/* A printable rendering of an input, cut to a readable length. */
std::string Printable(const std::string &s, size_t limit = 2000)
{
	std::string out;
	for (size_t i = 0; i < s.size() && i < limit; i++)
	{
		auto c = static_cast<unsigned char>(s[i]);
		if (c == '\\')
			out += "\\\\";
		else if (c >= 0x20 && c < 0x7f)
			out.push_back(static_cast<char>(c));
		else
		{
			char buf[8];
			snprintf(buf, sizeof buf, "\\x%02x", c);
			out += buf;
		}
	}
	if (s.size() > limit)
		out += "... (" + std::to_string(s.size()) + " bytes)";
	return out;
}

class Rng
{
  public:
	explicit Rng(uint64_t seed) : g_(seed) {}
	uint64_t Below(uint64_t n) { return n == 0 ? 0 : g_() % n; }
	bool Percent(unsigned p) { return Below(100) < p; }
	char Byte() { return static_cast<char>(Below(256)); }
	template <class T>
	const T &Pick(const std::vector<T> &v)
	{
		return v[Below(v.size())];
	}
	uint64_t Next() { return g_(); }

  private:
	std::mt19937_64 g_;
};

/* ---- wire helpers ---- */

std::string Int32(uint32_t v)
{
	v = htonl(v);
	return std::string(reinterpret_cast<const char *>(&v), 4);
}

std::string Int16(uint16_t v)
{
	v = htons(v);
	return std::string(reinterpret_cast<const char *>(&v), 2);
}

std::string CStr(const std::string &s)
{
	return s + std::string(1, '\0');
}

std::string Message(char type, const std::string &body)
{
	return std::string(1, type) + Int32(static_cast<uint32_t>(body.size() + 4)) + body;
}

std::string StartupPacket(const std::vector<std::pair<std::string, std::string>> &kv)
{
	std::string p = Int32(0x30000);
	for (const auto &[k, v] : kv)
		p += CStr(k) + CStr(v);
	p.push_back('\0');
	return Int32(static_cast<uint32_t>(p.size() + 4)) + p;
}

/* The severity of an ErrorResponse body (field V, else S). */
std::string Severity(const std::string &body)
{
	std::string s;
	for (size_t i = 0; i < body.size() && body[i] != '\0';)
	{
		char code = body[i++];
		size_t end = body.find('\0', i);
		if (end == std::string::npos)
			break;
		if (code == 'V')
			return body.substr(i, end - i);
		if (code == 'S')
			s = body.substr(i, end - i);
		i = end + 1;
	}
	return s;
}

/* A raw connection over the cluster's Unix socket; no Catch2 assertions. */
class RawConn
{
  public:
	explicit RawConn(const Cluster &cluster)
	{
		fd_ = socket(AF_UNIX, SOCK_STREAM, 0);
		struct sockaddr_un sun = {};
		sun.sun_family = AF_UNIX;
		std::string path = cluster.SocketDir() + "/.s.PGSQL." + std::to_string(cluster.Port());
		snprintf(sun.sun_path, sizeof sun.sun_path, "%s", path.c_str());
		ok_ = fd_ >= 0 && connect(fd_, reinterpret_cast<struct sockaddr *>(&sun), sizeof sun) == 0;
	}
	~RawConn()
	{
		if (fd_ >= 0)
			close(fd_);
	}
	RawConn(const RawConn &) = delete;
	RawConn &operator=(const RawConn &) = delete;

	bool ok() const { return ok_; }

	/* Write everything; false if the peer is gone. */
	bool Send(const std::string &bytes)
	{
		size_t done = 0;
		while (done < bytes.size())
		{
			ssize_t w = send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
			if (w <= 0)
				return false;
			done += static_cast<size_t>(w);
		}
		return true;
	}

	void ShutdownWrite() { shutdown(fd_, SHUT_WR); }

	enum class Got
	{
		kMessage,
		kEof,
		kTimeout
	};

	Got Message(char *type, std::string *body, int timeout_ms)
	{
		std::string head;
		Got g = Read(&head, 5, timeout_ms);
		if (g != Got::kMessage)
			return g;
		uint32_t len;
		memcpy(&len, head.data() + 1, 4);
		len = ntohl(len);
		if (len < 4)
			return Got::kEof; /* nonsense from the server: treated as a failure by callers */
		*type = head[0];
		return Read(body, len - 4, timeout_ms);
	}

	/* Everything until EOF; false on timeout. */
	bool DrainToEof(int timeout_ms)
	{
		auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
		for (;;)
		{
			auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
							deadline - std::chrono::steady_clock::now())
							.count();
			if (left <= 0)
				return false;
			struct pollfd p = {fd_, POLLIN, 0};
			if (poll(&p, 1, static_cast<int>(left)) <= 0)
				return false;
			char buf[65536];
			ssize_t r = read(fd_, buf, sizeof buf);
			if (r <= 0)
				return true;
		}
	}

  private:
	Got Read(std::string *out, size_t n, int timeout_ms)
	{
		out->clear();
		while (out->size() < n)
		{
			struct pollfd p = {fd_, POLLIN, 0};
			if (poll(&p, 1, timeout_ms) <= 0)
				return Got::kTimeout;
			char buf[65536];
			ssize_t r = read(fd_, buf, std::min(sizeof buf, n - out->size()));
			if (r <= 0)
				return Got::kEof;
			out->append(buf, static_cast<size_t>(r));
		}
		return Got::kMessage;
	}

	int fd_ = -1;
	bool ok_ = false;
};

/* ---- the corpus ---- */

bool Skipped(const std::string &stmt)
{
	/* what would stall the run or take the session's timeout away */
	std::string lower;
	for (char c : stmt)
		lower.push_back(static_cast<char>(tolower(static_cast<unsigned char>(c))));
	for (const char *bad : {"pg_sleep", "statement_timeout", "pg_terminate_backend",
							"pg_cancel_backend", "from stdin", "lock_timeout"})
		if (lower.find(bad) != std::string::npos)
			return true;
	return false;
}

/* The statements of the files in regress/sql/ (psql's meta-commands left out) and
 * the cases of the parser's corpus. */
std::vector<std::string> LoadCorpus()
{
	namespace fs = std::filesystem;
	std::vector<std::string> out;
	std::vector<fs::path> files;
	for (const auto &e : fs::directory_iterator(SourceDir() + "/regress/sql"))
		if (e.path().extension() == ".sql")
			files.push_back(e.path());
	std::sort(files.begin(), files.end());
	for (const auto &f : files)
	{
		std::ifstream in(f);
		std::string line, stmt;
		bool copy_data = false;
		while (std::getline(in, line))
		{
			if (copy_data)
			{
				copy_data = line != "\\.";
				continue;
			}
			if (stmt.empty() && (line.empty() || line[0] == '\\' || line.rfind("--", 0) == 0))
				continue;
			stmt += line + "\n";
			size_t last = line.find_last_not_of(" \t");
			if (last != std::string::npos && line[last] == ';')
			{
				std::string lower = stmt;
				for (char &c : lower)
					c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
				copy_data = lower.find("from stdin") != std::string::npos;
				if (!Skipped(stmt))
					out.push_back(stmt);
				stmt.clear();
			}
		}
	}
	files.clear();
	for (const auto &e : fs::directory_iterator(SourceDir() + "/regress/parser/corpus"))
		if (e.path().extension() == ".sql")
			files.push_back(e.path());
	std::sort(files.begin(), files.end());
	for (const auto &f : files)
	{
		std::ifstream in(f);
		std::string line;
		while (std::getline(in, line))
		{
			if (line.empty() || line[0] == '#')
				continue;
			if (line[0] == '\\')
			{
				std::string d;
				for (size_t i = 1; i < line.size(); i++)
				{
					if (line[i] == '\\' && i + 1 < line.size())
					{
						char c = line[++i];
						d.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c);
					}
					else
						d.push_back(line[i]);
				}
				line = d;
			}
			if (!Skipped(line))
				out.push_back(line);
		}
	}
	return out;
}

/* Rough tokens: words, numbers, quoted strings, single punctuation. */
std::vector<std::string> Tokens(const std::string &s)
{
	std::vector<std::string> out;
	size_t i = 0;
	while (i < s.size())
	{
		auto c = static_cast<unsigned char>(s[i]);
		size_t j = i + 1;
		if (isspace(c))
		{
			i++;
			continue;
		}
		if (isalnum(c) || c == '_')
			while (j < s.size() && (isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_'))
				j++;
		else if (c == '\'' || c == '"')
		{
			while (j < s.size() && s[j] != static_cast<char>(c))
				j++;
			j = std::min(j + 1, s.size());
		}
		out.push_back(s.substr(i, j - i));
		i = j;
	}
	return out;
}

std::string Join(const std::vector<std::string> &tokens, size_t from, size_t to)
{
	std::string out;
	for (size_t i = from; i < to && i < tokens.size(); i++)
	{
		if (!out.empty())
			out.push_back(' ');
		out += tokens[i];
	}
	return out;
}

std::string Repeat(const std::string &s, size_t n)
{
	std::string out;
	out.reserve(s.size() * n);
	for (size_t i = 0; i < n; i++)
		out += s;
	return out;
}

std::string HugeLiteral(Rng &rng)
{
	size_t n = 1000 + rng.Below(rng.Percent(20) ? 2000000 : 100000);
	switch (rng.Below(8))
	{
		case 0:
			return "'" + std::string(n, 'x') + "'";
		case 1:
			return std::string(n, '9');
		case 2:
			return "1." + std::string(n, '3') + "e" + std::to_string(rng.Below(100000));
		case 3:
			return "\"" + std::string(n, 'i') + "\"";
		case 4:
			return "E'" + Repeat("\\x41\\u00e9", n / 10) + "'";
		case 5:
			return "'{" + Repeat("1,", n / 2) + "1}'";
		case 6:
			return "$q$" + std::string(n, 'd') + "$q$";
		default:
			return "B'" + std::string(n, '1') + "'";
	}
}

std::string DeepNesting(Rng &rng)
{
	/* shallow enough to be run, or far too deep for the parser */
	size_t n = rng.Percent(70) ? 2 + rng.Below(200) : 100000 + rng.Below(200000);
	size_t kind = rng.Below(12);
	/* flat chains (1 + 1 + …, AND, ||, UNION ALL) get past the parser at
	 * any length and cost the planner and executor time: kept shorter */
	if (kind == 3 || kind == 8 || kind == 9 || kind == 11)
		n = std::min<size_t>(n, 10000);
	switch (kind)
	{
		case 0:
			return "SELECT " + std::string(n, '(') + "1" + std::string(n, ')');
		case 1:
			return "SELECT " + Repeat("(SELECT ", n) + "1" + std::string(n, ')');
		case 2:
			return "SELECT " + Repeat("ARRAY[", n) + "1" + std::string(n, ']');
		case 3:
			return "SELECT 1" + Repeat(" + 1", n);
		case 4:
			return "SELECT " + Repeat("NOT ", n) + "true";
		case 5:
			return "SELECT " + Repeat("- ", n) + "1";
		case 6:
			return "SELECT " + Repeat("abs(", n) + "1" + std::string(n, ')');
		case 7:
			return "SELECT " + Repeat("CASE WHEN true THEN ", n) + "1" + Repeat(" END", n);
		case 8:
			return "SELECT 1 WHERE " + Repeat("true AND ", n) + "true";
		case 9:
			return "SELECT " + Repeat("'a' || ", n) + "'b'";
		case 10:
			return "SELECT * FROM " + Repeat("(SELECT * FROM ", n) + "pg_class" + Repeat(") s", n);
		default:
			return "SELECT 1" + Repeat(" UNION ALL SELECT 1", n);
	}
}

std::string MutateSql(Rng &rng, const std::vector<std::string> &corpus,
					  const std::vector<std::string> &token_pool)
{
	std::string s = rng.Pick(corpus);
	switch (rng.Below(10))
	{
		case 0:
		case 1: /* as it is: builds the state the mutants run against */
			return s;
		case 2: /* byte flips */
		{
			size_t k = 1 + rng.Below(4);
			for (size_t i = 0; i < k && !s.empty(); i++)
			{
				char c = rng.Byte();
				s[rng.Below(s.size())] = c == '\0' ? ' ' : c;
			}
			return s;
		}
		case 3: /* truncation */
			return s.substr(0, rng.Below(s.size() + 1));
		case 4: /* token splicing: the head of one statement, the tail of another */
		{
			auto a = Tokens(s), b = Tokens(rng.Pick(corpus));
			return Join(a, 0, rng.Below(a.size() + 1)) + " " +
				Join(b, rng.Below(b.size() + 1), b.size());
		}
		case 5: /* token insertion, deletion, duplication */
		{
			auto t = Tokens(s);
			size_t k = 1 + rng.Below(3);
			for (size_t i = 0; i < k; i++)
			{
				size_t at = rng.Below(t.size() + 1);
				switch (rng.Below(3))
				{
					case 0:
						t.insert(t.begin() + static_cast<long>(at), rng.Pick(token_pool));
						break;
					case 1:
						if (at < t.size())
							t.erase(t.begin() + static_cast<long>(at));
						break;
					default:
						if (at < t.size())
							t.insert(t.begin() + static_cast<long>(at), t[at]);
						break;
				}
			}
			return Join(t, 0, t.size());
		}
		case 6: /* a huge literal in place of a token */
		{
			auto t = Tokens(s);
			if (t.empty())
				return "SELECT " + HugeLiteral(rng);
			t[rng.Below(t.size())] = HugeLiteral(rng);
			return Join(t, 0, t.size());
		}
		case 7:
			return DeepNesting(rng);
		case 8: /* random tokens */
		{
			std::string out;
			size_t n = 1 + rng.Below(30);
			for (size_t i = 0; i < n; i++)
				out += rng.Pick(token_pool) + " ";
			return out;
		}
		default: /* random bytes (no NUL: the simple protocol's string ends there) */
		{
			std::string out;
			size_t n = rng.Below(200);
			for (size_t i = 0; i < n; i++)
			{
				char c = rng.Byte();
				out.push_back(c == '\0' ? ';' : c);
			}
			return out;
		}
	}
}

/* ---- protocol messages ---- */

std::string RandomBytes(Rng &rng, size_t max)
{
	std::string out;
	size_t n = rng.Below(max + 1);
	for (size_t i = 0; i < n; i++)
		out.push_back(rng.Byte());
	return out;
}

uint32_t RandomOid(Rng &rng)
{
	static const std::vector<uint32_t> oids = {0,	 16,   17,	 18,   19,	 20,
											   21,	 23,   25,	 26,   114,	 700,
											   701,	 1043, 1082, 1114, 1184, 1186,
											   1700, 2950, 3802, 1007, 1009, 0xffffffffU};
	return rng.Percent(80) ? rng.Pick(oids) : static_cast<uint32_t>(rng.Next());
}

std::string RandomParam(Rng &rng)
{
	switch (rng.Below(6))
	{
		case 0:
			return Int32(0xffffffffU); /* NULL */
		case 1:
			return Int32(static_cast<uint32_t>(rng.Next())); /* any length, no bytes */
		case 2:
		{
			std::string v = std::to_string(static_cast<int64_t>(rng.Next()) % 100000);
			return Int32(static_cast<uint32_t>(v.size())) + v;
		}
		case 3:
		{
			std::string v = RandomBytes(rng, 16);
			return Int32(static_cast<uint32_t>(v.size())) + v;
		}
		case 4:
			return Int32(0xfffffffeU); /* -2 */
		default:
			return Int32(4) + Int32(static_cast<uint32_t>(rng.Next()));
	}
}

std::string RandomName(Rng &rng)
{
	static const std::vector<std::string> names = {"", "", "s1", "p1", "s2"};
	return rng.Percent(90) ? rng.Pick(names) : RandomBytes(rng, 8);
}

/* One message body of the given type, plausible or not. */
std::string MessageBody(Rng &rng, char type, const std::vector<std::string> &corpus)
{
	switch (type)
	{
		case 'P':
		{
			std::string sql = rng.Percent(70) ? rng.Pick(corpus) : "SELECT $1, $2";
			std::string b = CStr(RandomName(rng)) + CStr(sql);
			size_t n = rng.Below(4);
			b += Int16(rng.Percent(90) ? static_cast<uint16_t>(n)
									   : static_cast<uint16_t>(rng.Next()));
			for (size_t i = 0; i < n; i++)
				b += Int32(RandomOid(rng));
			return b;
		}
		case 'B':
		{
			std::string b = CStr(RandomName(rng)) + CStr(RandomName(rng));
			size_t nf = rng.Below(4);
			b += Int16(static_cast<uint16_t>(nf));
			for (size_t i = 0; i < nf; i++)
				b += Int16(rng.Percent(80) ? static_cast<uint16_t>(rng.Below(2))
										   : static_cast<uint16_t>(rng.Next()));
			size_t np = rng.Below(4);
			b += Int16(rng.Percent(90) ? static_cast<uint16_t>(np)
									   : static_cast<uint16_t>(rng.Next()));
			for (size_t i = 0; i < np; i++)
				b += RandomParam(rng);
			size_t nr = rng.Below(3);
			b += Int16(static_cast<uint16_t>(nr));
			for (size_t i = 0; i < nr; i++)
				b += Int16(rng.Percent(80) ? static_cast<uint16_t>(rng.Below(2))
										   : static_cast<uint16_t>(rng.Next()));
			return b;
		}
		case 'E':
			return CStr(RandomName(rng)) +
				Int32(rng.Percent(70) ? static_cast<uint32_t>(rng.Below(3))
									  : static_cast<uint32_t>(rng.Next()));
		case 'D':
		case 'C':
		{
			static const std::string kinds = "SPSPx";
			return std::string(1, kinds[rng.Below(kinds.size())]) + CStr(RandomName(rng));
		}
		case 'Q':
		{
			/* a query string with a NUL inside or none at the end */
			std::string q = rng.Pick(corpus);
			if (rng.Percent(50))
				return q;
			q.insert(rng.Below(q.size() + 1), 1, '\0');
			return q + std::string(1, '\0');
		}
		case 'F':
		{
			std::string b = Int32(RandomOid(rng));
			size_t nf = rng.Below(3);
			b += Int16(static_cast<uint16_t>(nf));
			for (size_t i = 0; i < nf; i++)
				b += Int16(static_cast<uint16_t>(rng.Below(3)));
			size_t np = rng.Below(3);
			b += Int16(static_cast<uint16_t>(np));
			for (size_t i = 0; i < np; i++)
				b += RandomParam(rng);
			return b + Int16(static_cast<uint16_t>(rng.Below(3)));
		}
		case 'd':
			return RandomBytes(rng, 64);
		case 'f':
			return CStr("fuzz");
		case 'H':
		case 'S':
		case 'c':
			return rng.Percent(90) ? std::string() : RandomBytes(rng, 8);
		default:
			return RandomBytes(rng, 64);
	}
}

struct ProtocolInput
{
	std::string bytes;
	bool framed = true;		 /* every length word tells the truth */
	bool terminates = false; /* ends with Terminate or a message the server must refuse */
};

ProtocolInput SessionMessages(Rng &rng, const std::vector<std::string> &corpus)
{
	static const std::string types = "PPPBBBEEDDCHSQFdcf";
	ProtocolInput in;
	size_t n = 1 + rng.Below(6);
	for (size_t i = 0; i < n; i++)
	{
		char type = types[rng.Below(types.size())];
		if (rng.Percent(3))
		{
			type = rng.Byte(); /* probably unknown: FATAL 08P01 */
			in.terminates = true;
		}
		if (rng.Percent(2))
		{
			type = 'X';
			in.terminates = true;
		}
		std::string body = MessageBody(rng, type, corpus);
		switch (rng.Below(10))
		{
			case 0: /* body truncated, length word matching */
				body.resize(rng.Below(body.size() + 1));
				break;
			case 1: /* a byte flipped */
				if (!body.empty())
					body[rng.Below(body.size())] = rng.Byte();
				break;
			case 2: /* a lying length word */
			{
				uint32_t len = rng.Percent(50)
					? static_cast<uint32_t>(rng.Next())
					: static_cast<uint32_t>(body.size() + 4 + rng.Below(9) - 4);
				in.bytes += std::string(1, type) + Int32(len) + body;
				in.framed = false;
				continue;
			}
			default:
				break;
		}
		in.bytes += Message(type, body);
	}
	in.bytes += Message('S', "");
	return in;
}

std::string GarbageStartup(Rng &rng)
{
	switch (rng.Below(7))
	{
		case 0:
			return RandomBytes(rng, 64);
		case 1: /* a length word below the minimum or absurdly large */
			return Int32(rng.Percent(50) ? static_cast<uint32_t>(rng.Below(8))
										 : static_cast<uint32_t>(rng.Next())) +
				RandomBytes(rng, 32);
		case 2: /* SSLRequest, then garbage */
			return Int32(8) + Int32(80877103) + RandomBytes(rng, 32);
		case 3: /* CancelRequest with random keys, maybe the wrong length */
			return Int32(rng.Percent(80) ? 16 : 12) + Int32(80877102) +
				Int32(static_cast<uint32_t>(rng.Next())) + Int32(static_cast<uint32_t>(rng.Next()));
		case 4: /* a startup packet whose parameters lack their terminators */
		{
			std::string p = Int32(0x30000) + "user" + std::string(1, '\0') + TestUser();
			return Int32(static_cast<uint32_t>(p.size() + 4)) + p;
		}
		case 5: /* odd parameters: unknown ones, options, replication, long values */
		{
			std::vector<std::pair<std::string, std::string>> kv = {{"user", TestUser()},
																   {"database", "postgres"}};
			static const std::vector<std::pair<std::string, std::string>> odd =
				{{"options", "-c work_mem=-1"},
				 {"options", "-c"},
				 {"options", "--fsync=off"},
				 {"replication", "database"},
				 {"replication", "maybe"},
				 {"client_encoding", "KLINGON"},
				 {"datestyle", "nonsense"},
				 {"_pq_.unknown", "1"},
				 {"application_name", std::string(100000, 'a')},
				 {"database", "no_such_database"},
				 {"user", "no_such_user"},
				 {"", ""}};
			size_t n = 1 + rng.Below(3);
			for (size_t i = 0; i < n; i++)
				kv.push_back(rng.Pick(odd));
			return StartupPacket(kv);
		}
		default: /* a protocol version that does not exist */
		{
			std::string p = Int32(static_cast<uint32_t>(rng.Next())) + CStr("user") +
				CStr(TestUser()) + std::string(1, '\0');
			return Int32(static_cast<uint32_t>(p.size() + 4)) + p;
		}
	}
}

/* ---- the run ---- */

class BadInputRun
{
  public:
	BadInputRun(Cluster &cluster, uint64_t seed) : cluster_(cluster), seed_(seed)
	{
		corpus_ = LoadCorpus();
		REQUIRE(corpus_.size() > 1000);
		for (size_t i = 0; i < corpus_.size(); i += 7)
			for (auto &t : Tokens(corpus_[i]))
				if (t.size() < 40)
					token_pool_.push_back(t);
		postmaster_pid_ = cluster.PostmasterPid();
		REQUIRE(postmaster_pid_ > 0);
	}

	/* Input number i; false (after reporting it) when it failed. */
	bool RunOne(uint64_t i)
	{
		Rng rng(seed_ * 0x9e3779b97f4a7c15ULL + i);
		bool show = getenv("TUSK_BADINPUT_SHOW") != nullptr;
		if (i % 4 != 3)
		{
			std::string sql = MutateSql(rng, corpus_, token_pool_);
			if (show)
				printf("input %llu, SQL: %s\n", static_cast<unsigned long long>(i),
					   Printable(sql, 300).c_str());
			return RunSql(i, sql);
		}
		if (rng.Percent(35))
		{
			std::string bytes = GarbageStartup(rng);
			if (show)
				printf("input %llu, startup: %s\n", static_cast<unsigned long long>(i),
					   Printable(bytes, 300).c_str());
			return RunStartup(i, bytes);
		}
		ProtocolInput in = SessionMessages(rng, corpus_);
		if (show)
			printf("input %llu, messages: %s\n", static_cast<unsigned long long>(i),
				   Printable(in.bytes, 300).c_str());
		return RunSession(i, in);
	}

	/* The server is alive and has not crashed so far. */
	bool Healthy(const std::string &context)
	{
		std::ifstream in(cluster_.LogFile());
		in.seekg(static_cast<std::streamoff>(log_offset_));
		std::stringstream ss;
		ss << in.rdbuf();
		std::string fresh = ss.str();
		log_offset_ += fresh.size();
		for (const char *bad :
			 {"terminated by signal", "terminating any other active server processes",
			  "exited with unrecognized status"})
			if (fresh.find(bad) != std::string::npos)
				return Failure(context, "the server log reports a crash:\n" + fresh);
		if (cluster_.PostmasterPid() != postmaster_pid_)
			return Failure(context, "the postmaster's PID changed");
		return true;
	}

	void CloseSql() { sql_.reset(); }

	std::string failure;

  private:
	bool Failure(const std::string &context, const std::string &what)
	{
		failure = "seed " + std::to_string(seed_) + ", " + context + ": " + what +
			"\nreplay: TUSK_BADINPUT_SEED=" + std::to_string(seed_) +
			" TUSK_BADINPUT_COUNT=(the same) build/regress/integration/integration_tests "
			"'[badinput]'";
		return false;
	}

	bool FailInput(uint64_t i, const std::string &input, const std::string &what)
	{
		return Failure("input " + std::to_string(i) + " (TUSK_BADINPUT_ONLY=" + std::to_string(i) +
						   ")",
					   what + "\ninput: " + Printable(input));
	}

	/* Log in on conn; false if the server did not reach ReadyForQuery. */
	static bool Login(RawConn &conn)
	{
		if (!conn.ok() ||
			!conn.Send(StartupPacket({{"user", TestUser()}, {"database", "postgres"}})))
			return false;
		for (;;)
		{
			char type = 0;
			std::string body;
			if (conn.Message(&type, &body, 10000) != RawConn::Got::kMessage || type == 'E')
				return false;
			if (type == 'Z')
				return true;
		}
	}

	/*
	 * One simple query: every reply up to ReadyForQuery.  Copy-in is
	 * refused with CopyFail.  Returns "" or what went wrong; *status gets
	 * ReadyForQuery's transaction status.
	 */
	static std::string SimpleQuery(RawConn &conn, const std::string &sql, char *status)
	{
		if (!conn.Send(Message('Q', CStr(sql))))
			return "the server closed the connection before the query was sent";
		bool answered = false;
		for (;;)
		{
			char type = 0;
			std::string body;
			auto got = conn.Message(&type, &body, 60000);
			if (got == RawConn::Got::kTimeout)
				return "no reply within 60 s";
			if (got == RawConn::Got::kEof)
				return "the connection closed without ReadyForQuery";
			switch (type)
			{
				case 'C':
				case 'I':
				case 'E':
					if (type == 'E' && Severity(body) != "ERROR")
						return "an ErrorResponse of severity " + Severity(body) + ": " +
							Printable(body);
					answered = true;
					break;
				case 'G': /* CopyInResponse */
				case 'W':
					if (!conn.Send(Message('f', CStr("no data here"))))
						return "the connection closed during COPY";
					break;
				case 'Z':
					if (!answered)
						return "ReadyForQuery without a result or an ErrorResponse";
					*status = body.empty() ? '?' : body[0];
					return "";
				case 'T':
				case 'D':
				case 'N':
				case 'S':
				case 'A':
				case 'H':
				case 'd':
				case 'c':
					break;
				default:
					return std::string("unexpected message type '") + type + "'";
			}
		}
	}

	bool RunSql(uint64_t i, const std::string &sql)
	{
		if (!sql_)
		{
			sql_ = std::make_unique<RawConn>(cluster_);
			if (!Login(*sql_))
				return FailInput(i, sql, "cannot log in for the SQL session");
			sql_count_ = 0;
		}
		char status = 'I';
		std::string err = SimpleQuery(*sql_, sql, &status);
		if (!err.empty())
			return FailInput(i, sql, err);
		if (status != 'I')
		{
			err = SimpleQuery(*sql_, "ROLLBACK", &status);
			if (!err.empty() || status != 'I')
				return FailInput(i, sql, "ROLLBACK after it: " + err);
		}
		/* a fresh session now and then: SETs and roles do not pile up */
		if (++sql_count_ >= 500)
			sql_.reset();
		return true;
	}

	bool RunStartup(uint64_t i, const std::string &bytes)
	{
		RawConn conn(cluster_);
		if (!conn.ok())
			return FailInput(i, bytes, "cannot connect");
		conn.Send(bytes);
		conn.ShutdownWrite();
		if (!conn.DrainToEof(20000))
			return FailInput(i, bytes, "the server did not close the connection after EOF");
		return true;
	}

	bool RunSession(uint64_t i, const ProtocolInput &in)
	{
		last_error_.clear();
		RawConn conn(cluster_);
		if (!Login(conn))
			return FailInput(i, in.bytes, "cannot log in");
		if (!in.framed)
		{
			/* a length word may promise more than follows: end the stream */
			conn.Send(in.bytes);
			conn.ShutdownWrite();
			if (!conn.DrainToEof(30000))
				return FailInput(i, in.bytes, "the server did not close the connection after EOF");
			return true;
		}
		/* after the input, a query whose answer marks the end of the replies */
		conn.Send(in.bytes + Message('Q', CStr("ROLLBACK")) +
				  Message('Q', CStr("SELECT 'badinput-end'")));
		bool end_seen = false;
		for (;;)
		{
			char type = 0;
			std::string body;
			auto got = conn.Message(&type, &body, 30000);
			if (got == RawConn::Got::kTimeout)
				return FailInput(i, in.bytes, "no ReadyForQuery within 30 s");
			if (got == RawConn::Got::kEof)
			{
				if (!in.terminates && Severity(last_error_) != "FATAL")
					return FailInput(i, in.bytes,
									 "the connection closed without a FATAL ErrorResponse");
				return true;
			}
			if (type == 'E')
				last_error_ = body;
			if (type == 'G' || type == 'W')
				conn.Send(Message('f', CStr("no data here")) + Message('S', ""));
			if (type == 'D' && body.find("badinput-end") != std::string::npos)
				end_seen = true;
			if (type == 'Z' && end_seen)
				break;
		}
		conn.Send(Message('X', ""));
		return true;
	}

	Cluster &cluster_;
	uint64_t seed_;
	std::vector<std::string> corpus_;
	std::vector<std::string> token_pool_;
	int postmaster_pid_ = 0;
	size_t log_offset_ = 0;
	std::unique_ptr<RawConn> sql_;
	int sql_count_ = 0;
	std::string last_error_;
};

}  // namespace

TEST_CASE("Random and mutated statements and protocol messages never crash the server",
		  "[badinput]")
{
	uint64_t seed = EnvNumber("TUSK_BADINPUT_SEED", 1);
	uint64_t count = EnvNumber("TUSK_BADINPUT_COUNT", 4000);
	const char *only = getenv("TUSK_BADINPUT_ONLY");

	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	/* bounded statements; a log of crashes, not of every error */
	cluster.AppendConf("statement_timeout = '5s'");
	cluster.AppendConf("log_min_messages = log");
	cluster.AppendConf("log_min_error_statement = panic");
	cluster.AppendConf("fsync = off");
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);

	BadInputRun run(cluster, seed);
	auto started = std::chrono::steady_clock::now();
	uint64_t first = 0, last = count;
	if (only != nullptr && *only != '\0')
	{
		first = std::strtoull(only, nullptr, 10);
		last = first + 1;
	}
	bool ok = true;
	const char *timing = getenv("TUSK_BADINPUT_TIMING");
	for (uint64_t i = first; i < last && ok; i++)
	{
		auto t0 = std::chrono::steady_clock::now();
		ok = run.RunOne(i);
		auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
					  std::chrono::steady_clock::now() - t0)
					  .count();
		if (timing != nullptr && ms >= atoi(timing))
			printf("input %llu took %lld ms\n", static_cast<unsigned long long>(i),
				   static_cast<long long>(ms));
		if (ok && (i % 200 == 199 || i + 1 == last))
			ok = run.Healthy("inputs up to " + std::to_string(i));
	}
	if (ok)
		ok = run.Healthy("the end of the run");
	run.CloseSql();
	INFO(run.failure);
	REQUIRE(ok);
	auto secs = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() -
																 started)
					.count();
	printf("badinput: seed %llu, inputs %llu..%llu in %lld s\n",
		   static_cast<unsigned long long>(seed), static_cast<unsigned long long>(first),
		   static_cast<unsigned long long>(last), static_cast<long long>(secs));

	/* the server still answers */
	auto q = cluster.Psql({"-XAtc", "SELECT 1"});
	INFO(q.output());
	REQUIRE(q.exit_code == 0);
	REQUIRE(q.out == "1\n");
	REQUIRE(run.Healthy("after the final SELECT 1"));
}
