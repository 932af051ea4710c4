/*
 * psql_test.cpp — what the psql_* SQL regression tests cannot compare
 * with PostgreSQL's output: the LOCATION line of VERBOSITY verbose (it
 * names Tusk's own source file, function and line, a deliberate
 * difference), and tab completion, which needs psql in a terminal: psql
 * runs in a pseudo-terminal (forkpty) with readline, keys are typed and
 * the line readline redraws is read back.  The completions expected are
 * those PostgreSQL 15 gives for the same objects (psql sends its catalog
 * queries to the server for them: pg_class, pg_namespace, pg_attribute
 * with pg_table_is_visible and the regex operator).
 */
#include <catch2/catch.hpp>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

using namespace tusk::test;

namespace {

/* A psql in a pseudo-terminal, connected to a cluster as the test user;
 * killed and reaped with the object. */
class TerminalPsql
{
  public:
	TerminalPsql(const Cluster &cluster, const std::string &inputrc)
	{
		pid_ = forkpty(&fd_, nullptr, nullptr, nullptr);
		REQUIRE(pid_ >= 0);
		if (pid_ == 0)
		{
			/* readline's settings from our own file (no bracketed paste,
			 * no bell), no history file, a wide terminal. */
			setenv("TERM", "xterm", 1);
			setenv("INPUTRC", inputrc.c_str(), 1);
			setenv("PSQL_HISTORY", "/dev/null", 1);
			setenv("COLUMNS", "200", 1);
			setenv("LINES", "50", 1);
			std::string port = std::to_string(cluster.Port());
			std::string user = TestUser();
			std::string psql = PgBin("psql");
			execl(psql.c_str(), "psql", "-X", "-h", cluster.SocketDir().c_str(), "-p", port.c_str(),
				  "-U", user.c_str(), "-d", "postgres", static_cast<char *>(nullptr));
			_exit(127);
		}
		REQUIRE(ReadUntil("postgres=#", 10000));
	}

	~TerminalPsql()
	{
		kill(pid_, SIGKILL);
		waitpid(pid_, nullptr, 0);
		close(fd_);
	}

	TerminalPsql(const TerminalPsql &) = delete;
	TerminalPsql &operator=(const TerminalPsql &) = delete;

	/* Types keys and returns what the terminal shows once it contains
	 * expected (or after a timeout), then empties the line (^U). */
	std::string Type(const std::string &keys, const std::string &expected)
	{
		output_.clear();
		REQUIRE(write(fd_, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
		ReadUntil(expected, 5000);
		std::string shown = output_;
		REQUIRE(write(fd_, "\x15", 1) == 1);
		Drain(200);
		return shown;
	}

  private:
	bool ReadUntil(const std::string &needle, int timeout_ms)
	{
		for (int waited = 0; output_.find(needle) == std::string::npos; waited += 50)
		{
			if (waited >= timeout_ms)
				return false;
			Drain(50);
		}
		return true;
	}

	void Drain(int ms)
	{
		struct pollfd p = {fd_, POLLIN, 0};
		while (poll(&p, 1, ms) > 0)
		{
			char buf[4096];
			ssize_t n = read(fd_, buf, sizeof(buf));
			if (n <= 0)
				return;
			output_.append(buf, static_cast<size_t>(n));
		}
	}

	pid_t pid_ = -1;
	int fd_ = -1;
	std::string output_;
};

}  // namespace

TEST_CASE("psql's VERBOSITY verbose shows the SQLSTATE and a LOCATION line naming Tusk's code",
		  "[psql]")
{
	Cluster cluster;
	InitAndStart(cluster);
	CommandResult r = cluster.Psql({"-c", "\\set VERBOSITY verbose", "-c",
									"SELECT x FROM nosuch_table", "-c", "SELECT 1/0", "-c",
									"\\errverbose"});
	INFO(r.output());
	CHECK(r.err.find("ERROR:  42P01: relation \"nosuch_table\" does not exist\n"
					 "LINE 1: SELECT x FROM nosuch_table\n"
					 "                      ^\n"
					 "LOCATION:  ") != std::string::npos);
	CHECK(r.err.find("ERROR:  22012: division by zero\nLOCATION:  ") != std::string::npos);
	/* "LOCATION:  function, file:line" — Tusk's function and file. */
	std::regex location(
		R"(LOCATION:  [A-Za-z_][A-Za-z0-9_:]*, [A-Za-z0-9_./-]+\.(cpp|h):[0-9]+\n)");
	auto begin = std::sregex_iterator(r.err.begin(), r.err.end(), location);
	CHECK(std::distance(begin, std::sregex_iterator()) == 3); /* two errors, \errverbose */
}

TEST_CASE("psql completes names from Tusk's catalogs as from PostgreSQL's", "[psql]")
{
	Cluster cluster;
	InitAndStart(cluster);
	CommandResult setup = cluster.Psql(
		{"-U", TestUser(), "-c",
		 "CREATE SCHEMA pubsch; CREATE TABLE pubsch.inner_t (x int); "
		 "CREATE TABLE tabc_alpha (colour int, count2 int); CREATE TABLE tabc_beta (b int); "
		 "CREATE VIEW tabc_view AS SELECT 1 AS one; CREATE SEQUENCE tabc_seq; "
		 "CREATE INDEX tabc_idx ON tabc_alpha (colour);"});
	INFO(setup.output());
	REQUIRE(setup.exit_code == 0);
	TempDir dir;
	std::string inputrc = dir.path() + "/inputrc";
	{
		std::ofstream f(inputrc);
		f << "set enable-bracketed-paste off\nset bell-style none\n";
	}
	TerminalPsql psql(cluster, inputrc);

	/* One candidate: the word is completed, with a space after it. */
	CHECK_THAT(psql.Type("SELECT * FROM tabc_a\t", "tabc_alpha "),
			   Catch::Contains("SELECT * FROM tabc_alpha "));
	CHECK_THAT(psql.Type("ALTER TABLE tabc_b\t", "tabc_beta "),
			   Catch::Contains("ALTER TABLE tabc_beta "));
	CHECK_THAT(psql.Type("DROP SEQUENCE tabc_\t", "tabc_seq "),
			   Catch::Contains("DROP SEQUENCE tabc_seq "));
	CHECK_THAT(psql.Type("DROP INDEX tabc\t", "tabc_idx "),
			   Catch::Contains("DROP INDEX tabc_idx "));
	CHECK_THAT(psql.Type("\\dv tabc\t", "tabc_view "), Catch::Contains("\\dv tabc_view "));
	/* A schema completes with its dot, then the relations in it. */
	CHECK_THAT(psql.Type("\\d pubs\t", "pubsch."), Catch::Contains("\\d pubsch."));
	CHECK_THAT(psql.Type("\\d pubsch.\t", "inner_t "), Catch::Contains("\\d pubsch.inner_t "));
	/* Several candidates: a second TAB lists them (tables, views and
	 * sequences after FROM; columns after ALTER COLUMN), and a common
	 * prefix is completed. */
	std::string listed = psql.Type("SELECT * FROM tabc_\t\t", "tabc_view");
	CHECK(std::regex_search(listed, std::regex("tabc_alpha +tabc_beta +tabc_seq +tabc_view")));
	listed = psql.Type("ALTER TABLE tabc_alpha ALTER COLUMN co\t\t", "count2");
	CHECK(std::regex_search(listed, std::regex("colour +count2")));
	CHECK_THAT(psql.Type("INSERT INTO tabc_alpha (c\t", "(co"),
			   Catch::Contains("INSERT INTO tabc_alpha (co"));
	/* Tables and schemas after ALTER TABLE (PostgreSQL lists
	 * information_schema too, which psql offers only when the schema has
	 * tables or views: Tusk's has none yet). */
	listed = psql.Type("ALTER TABLE \t\t", "tabc_beta");
	CHECK(std::regex_search(listed,
							std::regex("ALL IN TABLESPACE +(information_schema\\. +)?"
									   "public\\. +pubsch\\. +tabc_alpha +tabc_beta")));
}
