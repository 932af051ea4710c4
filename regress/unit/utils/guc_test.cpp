/*
 * guc_test.cpp — settings: value parsing with units, PostgreSQL's error
 * texts, contexts and sources, the configuration-file parser, reload,
 * custom settings and the values reported to clients.
 */
#include "unit_test.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "miscadmin.h"
#include "utils/error/error.h"
#include "utils/guc.h"
#include "utils/misc/guc_internal.h"

using tusk::error::PgError;
using tusk::error::UnpackSqlState;

namespace {

/* A private directory for configuration files, removed afterwards. */
class ConfDir
{
  public:
	ConfDir()
	{
		char tmpl[] = "/tmp/tusk_guc_XXXXXX";
		REQUIRE(mkdtemp(tmpl) != nullptr);
		path_ = tmpl;
	}
	~ConfDir() { std::filesystem::remove_all(path_); }
	const std::string &path() const { return path_; }
	std::string Write(const std::string &name, const std::string &text) const
	{
		std::string file = path_ + "/" + name;
		std::filesystem::create_directories(std::filesystem::path(file).parent_path());
		std::ofstream(file) << text;
		return file;
	}

  private:
	std::string path_;
};

/* The ERROR a call raises, or a failed test. */
template <typename F>
tusk::error::ErrorData ErrorOf(F f)
{
	try
	{
		f();
	}
	catch (const PgError &e)
	{
		return e.data();
	}
	FAIL("no error raised");
	return {};
}

void Set(const char *name, const char *value)
{
	SetConfigOption(name, value, PGC_POSTMASTER, PGC_S_ARGV);
}

/* Fresh settings, and a clean slate for the file-location ones. */
void Fresh()
{
	InitializeGUCOptions();
}

}  // namespace

TEST_CASE("Integers take PostgreSQL's units, bases and rounding", "[guc]")
{
	int v;
	const char *hint;
	REQUIRE(parse_int("128MB", &v, GUC_UNIT_BLOCKS, &hint));
	REQUIRE(v == 16384);
	REQUIRE(parse_int("1GB", &v, GUC_UNIT_KB, &hint));
	REQUIRE(v == 1048576);
	REQUIRE(parse_int("8 kB", &v, GUC_UNIT_BLOCKS, &hint));
	REQUIRE(v == 1);
	REQUIRE(parse_int("1.5min", &v, GUC_UNIT_S, &hint));
	REQUIRE(v == 90);
	REQUIRE(parse_int("2h", &v, GUC_UNIT_MS, &hint));
	REQUIRE(v == 7200000);
	REQUIRE(parse_int("1500us", &v, GUC_UNIT_MS, &hint));
	REQUIRE(v == 2); /* 1.5 ms rounds to 2 */
	REQUIRE(parse_int("0x1F", &v, 0, &hint));
	REQUIRE(v == 31);
	REQUIRE(parse_int("0777", &v, 0, &hint));
	REQUIRE(v == 511);
	REQUIRE(parse_int("2.5", &v, 0, &hint));
	REQUIRE(v == 2); /* rint: to even */

	REQUIRE_FALSE(parse_int("10XB", &v, GUC_UNIT_BLOCKS, &hint));
	REQUIRE(std::string(hint) ==
			"Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
	REQUIRE_FALSE(parse_int("10x", &v, GUC_UNIT_S, &hint));
	REQUIRE(std::string(hint) ==
			"Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
	REQUIRE_FALSE(parse_int("10kb", &v, GUC_UNIT_KB, &hint)); /* units are case-sensitive */
	REQUIRE_FALSE(parse_int("5MB", &v, 0, &hint));			  /* no unit allowed */
	REQUIRE_FALSE(parse_int("99999999999", &v, 0, &hint));
	REQUIRE(std::string(hint) == "Value exceeds integer range.");
	REQUIRE_FALSE(parse_int("", &v, 0, &hint));
}

TEST_CASE("Booleans accept PostgreSQL's spellings and unique prefixes", "[guc]")
{
	bool b;
	for (const char *t : {"on", "ON", "true", "t", "tr", "yes", "y", "1", " on "})
	{
		CAPTURE(t);
		REQUIRE(parse_bool(t, &b));
		REQUIRE(b);
	}
	for (const char *f : {"off", "of", "false", "f", "no", "n", "0"})
	{
		CAPTURE(f);
		REQUIRE(parse_bool(f, &b));
		REQUIRE_FALSE(b);
	}
	for (const char *bad : {"o", "maybe", "2", "truee", ""})
		REQUIRE_FALSE(parse_bool(bad, &b));
}

TEST_CASE("Invalid values are refused with PostgreSQL's messages", "[guc]")
{
	Fresh();
	auto e = ErrorOf([] { Set("port", "0"); });
	REQUIRE(e.message == "0 is outside the valid range for parameter \"port\" (1 .. 65535)");
	REQUIRE(UnpackSqlState(e.sqlerrcode) == "22023");

	e = ErrorOf([] { Set("authentication_timeout", "20min"); });
	REQUIRE(
		e.message ==
		"1200 s is outside the valid range for parameter \"authentication_timeout\" (1 .. 600)");

	e = ErrorOf([] { Set("shared_buffers", "10XB"); });
	REQUIRE(e.message == "invalid value for parameter \"shared_buffers\": \"10XB\"");
	REQUIRE(e.hint ==
			"Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");

	e = ErrorOf([] { Set("log_min_messages", "foo"); });
	REQUIRE(e.message == "invalid value for parameter \"log_min_messages\": \"foo\"");
	REQUIRE(e.hint ==
			"Available values: debug5, debug4, debug3, debug2, debug1, info, notice, "
			"warning, error, log, fatal, panic.");

	e = ErrorOf([] { Set("log_connections", "maybe"); });
	REQUIRE(e.message == "parameter \"log_connections\" requires a Boolean value");

	e = ErrorOf([] { Set("no_such_setting", "1"); });
	REQUIRE(e.message == "unrecognized configuration parameter \"no_such_setting\"");
	REQUIRE(UnpackSqlState(e.sqlerrcode) == "42704");
}

TEST_CASE("Contexts decide when a setting may change", "[guc]")
{
	Fresh();
	auto e = ErrorOf([] { SetConfigOption("server_version", "16", PGC_POSTMASTER, PGC_S_ARGV); });
	REQUIRE(e.message == "parameter \"server_version\" cannot be changed");
	REQUIRE(UnpackSqlState(e.sqlerrcode) == "55P02");

	e = ErrorOf([] { SetConfigOption("port", "6000", PGC_USERSET, PGC_S_SESSION); });
	REQUIRE(e.message == "parameter \"port\" cannot be changed without restarting the server");

	e = ErrorOf([] { SetConfigOption("log_line_prefix", "x", PGC_USERSET, PGC_S_SESSION); });
	REQUIRE(e.message == "parameter \"log_line_prefix\" cannot be changed now");

	e = ErrorOf([] { SetConfigOption("log_min_messages", "log", PGC_USERSET, PGC_S_SESSION); });
	REQUIRE(e.message == "permission denied to set parameter \"log_min_messages\"");

	/* A reload that repeats a postmaster setting's value is fine; one that
	 * changes it is refused. */
	REQUIRE(set_config_option("port", "5432", PGC_SIGHUP, PGC_S_FILE, GUC_ACTION_SET, true, ERROR,
							  true) == -1);
	e = ErrorOf([] {
		set_config_option("port", "5433", PGC_SIGHUP, PGC_S_FILE, GUC_ACTION_SET, true, ERROR,
						  true);
	});
	REQUIRE(e.message == "parameter \"port\" cannot be changed without restarting the server");

	/* Session settings: allowed. */
	SetConfigOption("application_name", "tests", PGC_USERSET, PGC_S_SESSION);
	REQUIRE(std::string(application_name) == "tests");
}

TEST_CASE("Display forms use the largest exact unit", "[guc]")
{
	Fresh();
	REQUIRE(tusk::guc::ShowSetting("shared_buffers") == "128MB");
	REQUIRE(tusk::guc::ShowSetting("authentication_timeout") == "1min");
	REQUIRE(tusk::guc::ShowSetting("unix_socket_permissions") == "0777");
	REQUIRE(tusk::guc::ShowSetting("LOG_MIN_MESSAGES") == "warning"); /* names: any case */
	Set("shared_buffers", "1000kB");
	REQUIRE(NBuffers == 125);
	REQUIRE(tusk::guc::ShowSetting("shared_buffers") == "1000kB");
	Set("authentication_timeout", "90");
	REQUIRE(tusk::guc::ShowSetting("authentication_timeout") == "90s");
	/* GetConfigOption gives base units, as `postgres -C` prints them. */
	REQUIRE(std::string(GetConfigOption("shared_buffers", false, false)) == "125");
}

TEST_CASE("Client-facing settings are reported in PostgreSQL's order", "[guc]")
{
	Fresh();
	auto reported = tusk::guc::ReportedSettings();
	std::vector<std::string> names;
	for (const auto &[name, value] : reported)
		names.push_back(name);
	REQUIRE(names ==
			std::vector<std::string>{"application_name", "client_encoding", "DateStyle",
									 "default_transaction_read_only", "in_hot_standby",
									 "integer_datetimes", "IntervalStyle", "is_superuser",
									 "server_encoding", "server_version", "session_authorization",
									 "standard_conforming_strings", "TimeZone"});
	REQUIRE(reported[2].second == "ISO, MDY");
	REQUIRE(reported[5].second == "on");
	REQUIRE(reported[9].second.rfind("15.0 (Tusk ", 0) == 0);
	REQUIRE(reported[12].second == "GMT");
}

TEST_CASE("client_encoding, DateStyle and TimeZone check their values", "[guc]")
{
	Fresh();
	SetConfigOption("client_encoding", "utf-8", PGC_USERSET, PGC_S_CLIENT);
	REQUIRE(tusk::guc::ShowSetting("client_encoding") == "UTF8");
	auto e = ErrorOf(
		[] { SetConfigOption("client_encoding", "LATIN1", PGC_USERSET, PGC_S_CLIENT); });
	REQUIRE(e.message == "conversion between LATIN1 and UTF8 is not supported");
	REQUIRE(UnpackSqlState(e.sqlerrcode) == "0A000");
	e = ErrorOf([] { SetConfigOption("client_encoding", "klingon", PGC_USERSET, PGC_S_CLIENT); });
	REQUIRE(e.message == "invalid value for parameter \"client_encoding\": \"klingon\"");

	SetConfigOption("DateStyle", "iso, mdy", PGC_USERSET, PGC_S_CLIENT);
	REQUIRE(tusk::guc::ShowSetting("datestyle") == "ISO, MDY");
	SetConfigOption("DateStyle", "German", PGC_USERSET, PGC_S_CLIENT);
	REQUIRE(tusk::guc::ShowSetting("DateStyle") == "German, DMY");
	REQUIRE_THROWS_AS(SetConfigOption("DateStyle", "ISO, SQL", PGC_USERSET, PGC_S_CLIENT), PgError);

	SetConfigOption("TimeZone", "Etc/UTC", PGC_USERSET, PGC_S_CLIENT);
	REQUIRE(tusk::guc::ShowSetting("TimeZone") == "Etc/UTC");
	e = ErrorOf([] { SetConfigOption("TimeZone", "Mars/Olympus", PGC_USERSET, PGC_S_CLIENT); });
	REQUIRE(e.message == "invalid value for parameter \"TimeZone\": \"Mars/Olympus\"");
}

TEST_CASE("The configuration file: quoting, escapes, includes, ordering", "[guc][file]")
{
	ConfDir dir;
	dir.Write("conf.d/02_second.conf", "b = 'second'\n");
	dir.Write("conf.d/01_first.conf", "a = 1\nb = 'first'\n");
	dir.Write("conf.d/.hidden.conf", "hidden = 1\n");
	dir.Write("conf.d/notes.txt", "txt = 1\n");
	dir.Write("sub/inner.conf", "inner = on   # comment\ninclude 'deeper.conf'\n");
	dir.Write("sub/deeper.conf", "deeper 5min\n");
	std::string main = dir.Write("postgresql.conf",
								 "# a comment line\n"
								 "\n"
								 "   plain = word\n"
								 "quoted = 'it''s a \\'test\\'\\n'\n"
								 "number=-1.5e3kB\n"
								 "hex = 0x1F\n"
								 "path = '/var/run/x'\n"
								 "unquoted_path = a/b:c-d.e\n"
								 "include 'sub/inner.conf'\n"
								 "include_if_exists 'missing.conf'\n"
								 "include_dir 'conf.d'\n"
								 "my.custom = 3\n");
	std::vector<tusk::guc::ConfigItem> items;
	REQUIRE(tusk::guc::ParseConfigFile(main, true, 0, ERROR, items));
	std::vector<std::pair<std::string, std::string>> got;
	for (const auto &i : items)
		got.emplace_back(i.name, i.value);
	REQUIRE(got ==
			std::vector<std::pair<std::string, std::string>>{
				{"plain", "word"},
				{"quoted", "it's a 'test'\n"},
				{"number", "-1.5e3kB"},
				{"hex", "0x1F"},
				{"path", "/var/run/x"},
				{"unquoted_path", "a/b:c-d.e"},
				{"inner", "on"},
				{"deeper", "5min"},
				{"a", "1"},
				{"b", "first"},
				{"b", "second"},
				{"my.custom", "3"},
			});
	REQUIRE(items[0].line == 3);
	REQUIRE(items[7].filename == dir.path() + "/sub/deeper.conf");
}

TEST_CASE("Configuration-file errors name the file, line and token", "[guc][file]")
{
	ConfDir dir;
	std::vector<tusk::guc::ConfigItem> items;
	auto parse_error = [&](const std::string &text) {
		std::string f = dir.Write("bad.conf", text);
		return ErrorOf([&] { tusk::guc::ParseConfigFile(f, true, 0, ERROR, items); }).message;
	};
	std::string f = dir.path() + "/bad.conf";
	REQUIRE(parse_error("ok = 1\nport = /tmp\n") ==
			"syntax error in file \"" + f + "\" line 2, near token \"/\"");
	REQUIRE(parse_error("port =\n") ==
			"syntax error in file \"" + f + "\" line 1, near end of line");
	REQUIRE(parse_error("a = 1 2\n") ==
			"syntax error in file \"" + f + "\" line 1, near token \"2\"");
	REQUIRE(parse_error("a = 'open\n") ==
			"syntax error in file \"" + f + "\" line 1, near token \"'\"");
	REQUIRE(parse_error("include 'nope.conf'\n")
				.rfind("could not open configuration file \"" + dir.path() + "/nope.conf\"", 0) ==
			0);

	std::string self = dir.Write("self.conf", "include 'self.conf'\n");
	std::string msg = ErrorOf([&] {
						  tusk::guc::ParseConfigFile(self, true, 0, ERROR, items);
					  }).message;
	REQUIRE(msg ==
			"could not open configuration file \"" + self + "\": maximum nesting depth exceeded");
}

TEST_CASE("Start-up reads the file; the command line wins over it", "[guc][file]")
{
	ConfDir dir;
	Fresh();
	dir.Write("postgresql.conf",
			  "port = 5555\nmax_connections = 7\nshared_buffers = 1MB\n"
			  "myext.level = 5\nmyext.other = 'x'\n");
	Set("port", "6000");
	REQUIRE(SelectConfigFiles(dir.path().c_str(), "postgres"));
	REQUIRE(PostPortNumber == 6000);
	REQUIRE(MaxConnections == 7);
	REQUIRE(NBuffers == 128);
	REQUIRE(std::string(DataDir) == dir.path());
	REQUIRE(std::string(HbaFileName) == dir.path() + "/pg_hba.conf");
	REQUIRE(std::string(ConfigFileName) == dir.path() + "/postgresql.conf");

	/* A module's setting picks up the placeholder's value from the file. */
	static int level = 1;
	DefineCustomIntVariable("myext.level", "A level.", nullptr, &level, 1, 0, 10, PGC_SIGHUP, 0,
							nullptr, nullptr, nullptr);
	REQUIRE(level == 5);
	/* The defined setting now follows the file through reloads. */
	dir.Write("postgresql.conf",
			  "port = 5555\nmax_connections = 7\nshared_buffers = 1MB\n"
			  "myext.level = 6\nmyext.other = 'x'\n");
	ProcessConfigFile(PGC_SIGHUP);
	REQUIRE(level == 6);
	dir.Write("postgresql.conf",
			  "port = 5555\nmax_connections = 7\nshared_buffers = 1MB\n"
			  "myext.other = 'x'\n");
	ProcessConfigFile(PGC_SIGHUP);
	REQUIRE(level == 1);
	REQUIRE(std::string(GetConfigOption("myext.other", false, false)) == "x");
	MarkGUCPrefixReserved("myext");
	REQUIRE(GetConfigOption("myext.other", true, false) == nullptr);
	auto e = ErrorOf([] { Set("myext.bogus", "1"); });
	REQUIRE(e.message == "unrecognized configuration parameter \"myext.bogus\"");
	/* Other prefixes still make placeholders. */
	Set("otherext.x", "y");
	REQUIRE(std::string(GetConfigOption("otherext.x", false, false)) == "y");
}

TEST_CASE("Reload applies sighup settings, refuses postmaster ones, resets removed ones",
		  "[guc][file]")
{
	ConfDir dir;
	Fresh();
	std::string conf = dir.Write("postgresql.conf",
								 "port = 5555\nauthentication_timeout = 30s\n"
								 "log_line_prefix = '%m '\n");
	REQUIRE(SelectConfigFiles(dir.path().c_str(), "postgres"));
	REQUIRE(AuthenticationTimeout == 30);

	dir.Write("postgresql.conf", "port = 5556\nlog_line_prefix = '%p '\n");
	ProcessConfigFile(PGC_SIGHUP);
	REQUIRE(PostPortNumber == 5555);				/* needs a restart */
	REQUIRE(std::string(Log_line_prefix) == "%p "); /* applied */
	REQUIRE(AuthenticationTimeout == 60);			/* removed: default again */

	/* A file with a syntax error changes nothing. */
	dir.Write("postgresql.conf", "port = 5555\nlog_line_prefix = '%a '\nbroken = = 1\n");
	ProcessConfigFile(PGC_SIGHUP);
	REQUIRE(std::string(Log_line_prefix) == "%p ");
	/* An unknown setting also stops the whole reload. */
	dir.Write("postgresql.conf", "port = 5555\nlog_line_prefix = '%a '\nno_such = 1\n");
	ProcessConfigFile(PGC_SIGHUP);
	REQUIRE(std::string(Log_line_prefix) == "%p ");
	/* A bad value affects only its own setting. */
	dir.Write("postgresql.conf",
			  "port = 5555\nlog_line_prefix = '%a '\nauthentication_timeout = 0\n");
	ProcessConfigFile(PGC_SIGHUP);
	REQUIRE(std::string(Log_line_prefix) == "%a ");
	REQUIRE(AuthenticationTimeout == 60);
	Fresh();
}

TEST_CASE("SelectConfigFiles explains a missing data directory", "[guc]")
{
	Fresh();
	unsetenv("PGDATA");
	REQUIRE_FALSE(SelectConfigFiles(nullptr, "postgres"));
	REQUIRE_FALSE(SelectConfigFiles("/nonexistent/tusk", "postgres"));
	char *name, *value;
	ParseLongOption("shared-buffers=1MB", &name, &value);
	REQUIRE(std::string(name) == "shared_buffers");
	REQUIRE(std::string(value) == "1MB");
	free(name);
	free(value);
}
