/*
 * owner_test.cpp — owners across sessions: DROP ROLE and a transaction
 * that makes the role own something wait for each other through the
 * role's shared-object lock, so DROP ROLE never drops a role that a
 * committed object names in pg_shdepend (catalog/pg_shdepend_fns.h).
 */
#include <catch2/catch.hpp>

#include <string>

#include "harness.h"

using namespace tusk::test;

namespace {

void Ok(Session &s, const std::string &sql)
{
	SqlOutcome o = s.Exec(sql);
	INFO(sql << ": " << o.message);
	REQUIRE(o.ok());
}

}  // namespace

TEST_CASE("DROP ROLE waits for a transaction creating an object the role owns", "[owner]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	Ok(a, "create role owner_r1");
	Ok(a, "create role owner_r2");

	/* committed: the new table holds the role back */
	Ok(a, "set role owner_r1");
	Ok(a, "begin");
	Ok(a, "create table owner_t1 (x int)");
	b.Send("drop role owner_r1");
	REQUIRE(b.Waits());
	Ok(a, "commit");
	SqlOutcome refused = b.Finish();
	REQUIRE(refused.sqlstate == "2BP01");
	REQUIRE(refused.detail == "owner of table owner_t1");

	/* rolled back: nothing holds it back */
	Ok(a, "set role owner_r2");
	Ok(a, "begin");
	Ok(a, "create table owner_t2 (x int)");
	b.Send("drop role owner_r2");
	REQUIRE(b.Waits());
	Ok(a, "rollback");
	SqlOutcome dropped = b.Finish();
	INFO(dropped.message);
	REQUIRE(dropped.ok());
	Ok(a, "reset role");
	cluster.Stop();
}

TEST_CASE("OWNER TO a role being dropped waits, then fails when the drop commits", "[owner]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	Ok(a, "create role owner_r3");
	Ok(a, "create table owner_t3 (x int)");
	Ok(b, "begin");
	Ok(b, "drop role owner_r3");
	a.Send("alter table owner_t3 owner to owner_r3");
	REQUIRE(a.Waits());
	Ok(b, "commit");
	SqlOutcome late = a.Finish();
	REQUIRE(late.sqlstate == "42704");
	REQUIRE(late.message.find("was concurrently dropped") != std::string::npos);
	/* the table kept its owner and no pg_shdepend row names a missing role */
	SqlOutcome owner = a.Exec("select tableowner = current_user from pg_tables "
							  "where tablename = 'owner_t3'");
	REQUIRE(owner.value == "t");
	SqlOutcome rows = a.Exec(
		"select count(*) from pg_shdepend where refobjid not in (select oid from pg_roles)");
	REQUIRE(rows.value == "0");
	cluster.Stop();
}
