/*
 * sql_crash_test.cpp — committed SQL transactions survive SIGKILL.
 *
 * Several clients run TPC-B-like transfers (one account, its teller and
 * its branch move by the same delta, and a history row records it) through
 * libpq, each remembering the ids of the transfers whose COMMIT the server
 * acknowledged.  Every cycle kills one of their backends with SIGKILL at a
 * random moment; the postmaster then ends every other backend, reinitializes
 * shared memory and replays the WAL.  After each restart the ledger must
 * balance — the accounts, the tellers and the branches each sum to the
 * history's total — and every acknowledged transfer must be in the history.
 * Transfers in flight at the kill may be there or not, but whole.
 */
#include <catch2/catch.hpp>

#include <libpq-fe.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

using namespace tusk::test;

namespace {

constexpr int kBranches = 2;
constexpr int kTellersPerBranch = 5;
constexpr int kAccountsPerBranch = 50;
constexpr int kClients = 4;
constexpr int kCycles = 20;

struct ConnCloser
{
	void operator()(PGconn *conn) const { PQfinish(conn); }
};
using Conn = std::unique_ptr<PGconn, ConnCloser>;

struct ResultCloser
{
	void operator()(PGresult *res) const { PQclear(res); }
};
using Result = std::unique_ptr<PGresult, ResultCloser>;

/* One client: transfers until its connection breaks or it is told to stop. */
struct Client
{
	int id = 0;
	std::atomic<int> backend_pid{0};
	std::atomic<bool> connection_lost{false};
	std::vector<long long> acknowledged; /* read by the main thread after join */
	long long next_seq = 0;
	int errors = 0; /* ERRORs other than a broken connection (deadlocks, say) */

	void Run(const std::string &conninfo, const std::atomic<bool> &stop, unsigned seed)
	{
		std::mt19937 rng(seed);
		Conn conn(PQconnectdb(conninfo.c_str()));
		if (PQstatus(conn.get()) != CONNECTION_OK)
		{
			connection_lost = true;
			return;
		}
		/* The WARNING every backend gets at the crash is expected: keep it off stderr. */
		PQsetNoticeProcessor(
			conn.get(), [](void *, const char *) {}, nullptr);
		backend_pid = PQbackendPID(conn.get());
		std::uniform_int_distribution<int> account(1, kBranches * kAccountsPerBranch);
		std::uniform_int_distribution<int> teller(1, kBranches * kTellersPerBranch);
		std::uniform_int_distribution<int> delta(-5000, 5000);
		while (!stop)
		{
			long long hid = static_cast<long long>(id) * 1000000000LL + next_seq++;
			int aid = account(rng);
			int tid = teller(rng);
			int bid = (aid - 1) / kAccountsPerBranch + 1;
			int d = delta(rng);
			std::string sql = "BEGIN;"
							  "UPDATE crash_accounts SET abalance = abalance + " +
				std::to_string(d) + " WHERE aid = " + std::to_string(aid) +
				";"
				"UPDATE crash_tellers SET tbalance = tbalance + " +
				std::to_string(d) + " WHERE tid = " + std::to_string(tid) +
				";"
				"UPDATE crash_branches SET bbalance = bbalance + " +
				std::to_string(d) + " WHERE bid = " + std::to_string(bid) +
				";"
				"INSERT INTO crash_history VALUES (" +
				std::to_string(hid) + ", " + std::to_string(tid) + ", " + std::to_string(bid) +
				", " + std::to_string(aid) + ", " + std::to_string(d) +
				", now());"
				"COMMIT;";
			/* PQexec returns the last statement's result: COMMIT's when all went well. */
			Result res(PQexec(conn.get(), sql.c_str()));
			if (PQstatus(conn.get()) != CONNECTION_OK)
			{
				connection_lost = true;
				return;
			}
			if (PQresultStatus(res.get()) == PGRES_COMMAND_OK &&
				std::string(PQcmdStatus(res.get())) == "COMMIT")
				acknowledged.push_back(hid);
			else
			{
				errors++;
				Result rb(PQexec(conn.get(), "ROLLBACK"));
			}
		}
	}
};

Conn Connect(const Cluster &cluster)
{
	Conn conn(PQconnectdb(cluster.ConnString().c_str()));
	INFO(PQerrorMessage(conn.get()));
	REQUIRE(PQstatus(conn.get()) == CONNECTION_OK);
	return conn;
}

std::string Query1(PGconn *conn, const std::string &sql)
{
	Result res(PQexec(conn, sql.c_str()));
	INFO(sql << ": " << PQerrorMessage(conn));
	REQUIRE(PQresultStatus(res.get()) == PGRES_TUPLES_OK);
	REQUIRE(PQntuples(res.get()) == 1);
	return PQgetvalue(res.get(), 0, 0);
}

void Exec(PGconn *conn, const std::string &sql)
{
	Result res(PQexec(conn, sql.c_str()));
	INFO(sql << ": " << PQerrorMessage(conn));
	REQUIRE(PQresultStatus(res.get()) == PGRES_COMMAND_OK);
}

/* Whether a new connection gets an answer to SELECT 1 (recovery is over). */
bool Answers(const Cluster &cluster)
{
	Conn conn(PQconnectdb(cluster.ConnString().c_str()));
	if (PQstatus(conn.get()) != CONNECTION_OK)
		return false;
	Result res(PQexec(conn.get(), "SELECT 1"));
	return PQresultStatus(res.get()) == PGRES_TUPLES_OK;
}

void CreateLedger(PGconn *conn)
{
	Exec(conn, "CREATE TABLE crash_branches (bid int PRIMARY KEY, bbalance int NOT NULL)");
	Exec(conn,
		 "CREATE TABLE crash_tellers (tid int PRIMARY KEY, bid int NOT NULL, "
		 "tbalance int NOT NULL)");
	Exec(conn,
		 "CREATE TABLE crash_accounts (aid int PRIMARY KEY, bid int NOT NULL, "
		 "abalance int NOT NULL)");
	Exec(conn,
		 "CREATE TABLE crash_history (hid bigint PRIMARY KEY, tid int, bid int, aid int, "
		 "delta int NOT NULL, mtime timestamp)");
	for (int b = 1; b <= kBranches; b++)
		Exec(conn, "INSERT INTO crash_branches VALUES (" + std::to_string(b) + ", 0)");
	for (int t = 1; t <= kBranches * kTellersPerBranch; t++)
		Exec(conn,
			 "INSERT INTO crash_tellers VALUES (" + std::to_string(t) + ", " +
				 std::to_string((t - 1) / kTellersPerBranch + 1) + ", 0)");
	for (int a = 1; a <= kBranches * kAccountsPerBranch; a++)
		Exec(conn,
			 "INSERT INTO crash_accounts VALUES (" + std::to_string(a) + ", " +
				 std::to_string((a - 1) / kAccountsPerBranch + 1) + ", 0)");
}

/* The ledger balances and holds every acknowledged transfer; returns the history's size. */
long CheckLedger(PGconn *conn, const std::vector<long long> &acknowledged)
{
	std::string history = Query1(conn, "SELECT coalesce(sum(delta), 0) FROM crash_history");
	CHECK(Query1(conn, "SELECT sum(abalance) FROM crash_accounts") == history);
	CHECK(Query1(conn, "SELECT sum(tbalance) FROM crash_tellers") == history);
	CHECK(Query1(conn, "SELECT sum(bbalance) FROM crash_branches") == history);
	/* Each branch's balance is its accounts' (a transfer moves one branch's account). */
	CHECK(Query1(conn,
				 "SELECT count(*) FROM crash_branches b WHERE bbalance <> "
				 "(SELECT coalesce(sum(abalance), 0) FROM crash_accounts a "
				 "WHERE a.bid = b.bid)") == "0");
	/* Every row still reachable through its primary key index, too. */
	CHECK(Query1(conn,
				 "SELECT count(*) FROM crash_accounts a WHERE NOT EXISTS "
				 "(SELECT 1 FROM crash_accounts a2 WHERE a2.aid = a.aid)") == "0");

	Result res(PQexec(conn, "SELECT hid FROM crash_history"));
	REQUIRE(PQresultStatus(res.get()) == PGRES_TUPLES_OK);
	std::set<long long> present;
	for (int i = 0; i < PQntuples(res.get()); i++)
		present.insert(std::stoll(PQgetvalue(res.get(), i, 0)));
	long missing = 0;
	for (long long hid : acknowledged)
		if (present.count(hid) == 0)
			missing++;
	CHECK(missing == 0);
	return static_cast<long>(present.size());
}

}  // namespace

TEST_CASE("SQL transfers keep the ledger balanced and every acknowledged commit across repeated "
		  "SIGKILLs of backends",
		  "[crash][sql]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	cluster.AppendConf("restart_after_crash = on");
	cluster.AppendConf("deadlock_timeout = 50ms");
	{
		auto r = cluster.Start();
		INFO(r.output() << cluster.Log());
		REQUIRE(r.exit_code == 0);
	}
	{
		Conn conn = Connect(cluster);
		CreateLedger(conn.get());
	}

	std::mt19937 rng(20261202);
	std::vector<long long> acknowledged;
	long history_rows = 0;
	auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
	for (int cycle = 0; cycle < kCycles; cycle++)
	{
		CAPTURE(cycle);
		REQUIRE(std::chrono::steady_clock::now() < deadline);
		std::atomic<bool> stop{false};
		std::vector<std::unique_ptr<Client>> clients;
		std::vector<std::thread> threads;
		/* Every client exists before any thread starts: a thread holds
		 * its own Client, never an element of a vector still growing. */
		for (int c = 0; c < kClients; c++)
		{
			clients.push_back(std::make_unique<Client>());
			clients.back()->id = cycle * kClients + c + 1;
		}
		for (auto &client : clients)
		{
			unsigned seed = static_cast<unsigned>(rng());
			Client *self = client.get();
			threads.emplace_back([&, self, seed] { self->Run(cluster.ConnString(), stop, seed); });
		}
		/* Let the transfers run, then kill one client's backend mid-work. */
		std::uniform_int_distribution<int> pause_ms(200, 700);
		usleep(static_cast<useconds_t>(pause_ms(rng)) * 1000);
		Client &victim = *clients[rng() % kClients];
		REQUIRE(
			WaitUntil([&] { return victim.backend_pid != 0 || victim.connection_lost; }, 10000));
		REQUIRE(victim.backend_pid != 0);
		REQUIRE(kill(victim.backend_pid, SIGKILL) == 0);

		/* The postmaster ends every other backend too: each client sees its connection go. */
		bool all_lost = WaitUntil(
			[&] {
				for (auto &c : clients)
					if (!c->connection_lost)
						return false;
				return true;
			},
			30000);
		stop = true;
		for (auto &t : threads)
			t.join();
		INFO(cluster.Log());
		REQUIRE(all_lost);
		for (auto &c : clients)
			acknowledged.insert(acknowledged.end(), c->acknowledged.begin(), c->acknowledged.end());

		REQUIRE(WaitUntil([&] { return Answers(cluster); }, 60000));
		Conn conn = Connect(cluster);
		long rows = CheckLedger(conn.get(), acknowledged);
		/* Work happened in this cycle (or at least nothing was lost). */
		CHECK(rows >= history_rows);
		history_rows = rows;
	}
	INFO(cluster.Log());
	CHECK(cluster.Log().find("terminated by signal 9: Killed") != std::string::npos);
	/* The transfers did real work: more than a few per cycle were acknowledged. */
	CHECK(acknowledged.size() > static_cast<size_t>(kCycles));
	REQUIRE(cluster.Stop().exit_code == 0);
}
