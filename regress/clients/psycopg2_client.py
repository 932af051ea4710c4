"""psycopg2 against the server named by PGHOST/PGPORT/PGUSER/PGDATABASE.

Prints a deterministic transcript (regress/clients/run.sh compares the one
from PostgreSQL 15 with Tusk's): connection, parameters, the Python values
of every core type, executemany, transactions, named cursors, COPY both
ways, notices and errors mapped to exception classes by SQLSTATE.
"""
import datetime
import decimal
import io

import psycopg2
import psycopg2.errors
import psycopg2.extensions


def norm(value):
    """Values printed without what varies between runs (memoryview addresses)."""
    if isinstance(value, memoryview):
        return bytes(value)
    if hasattr(value, "_fields"):
        return type(value)(*(norm(v) for v in value))
    if isinstance(value, (list, tuple)):
        return type(value)(norm(v) for v in value)
    return value


def show(label, value):
    print(f"{label}: {norm(value)!r}")


def section(title):
    print(f"-- {title}")


conn = psycopg2.connect("")
cur = conn.cursor()

section("connect")
show("server_version >= 150000", conn.server_version >= 150000)
show("encoding", conn.encoding)
show("DateStyle", conn.get_parameter_status("DateStyle"))
show("IntervalStyle", conn.get_parameter_status("IntervalStyle"))
show("standard_conforming_strings", conn.get_parameter_status("standard_conforming_strings"))
show("status", conn.status == psycopg2.extensions.STATUS_READY)

section("core types as Python values")
cur.execute(
    """SELECT 1::int2, 2::int4, 3000000000::int8, 1.50::numeric(5,2), 'NaN'::numeric,
              1.5::float4, 2.25::float8, 'Infinity'::float8, 'abc'::text, 'x'::varchar(3),
              'ab'::char(3), 'nm'::name, true, false, NULL::int,
              '\\x00ff10'::bytea, '2024-01-02'::date, '03:04:05.5'::time,
              '2024-01-02 03:04:05.25'::timestamp, '2024-01-02 03:04:05+02'::timestamptz,
              '1 day 02:03:04'::interval, '-1 year 2 mons'::interval, 26::oid,
              ARRAY[1, 2, NULL]::int4[], ARRAY['a', 'b c', NULL]::text[],
              ARRAY[[1.5, 2], [3, 4]]::numeric[], '{}'::int[], ARRAY[true, false],
              ARRAY['2024-01-02'::date], '12:00:00+03'::timetz"""
)
for desc, value in zip(cur.description, cur.fetchone()):
    print(f"{desc.type_code:5d} {type(value).__name__:9s} {norm(value)!r}")

section("json, uuid, network, macaddr, enum and composite values")
import uuid
import psycopg2.extras

cur.execute("CREATE TYPE pg2_mood AS ENUM ('sad', 'ok', 'happy')")
cur.execute("CREATE TYPE pg2_pair AS (label text, n int4, tags text[])")
conn.commit()
EXTRA = """SELECT '{"a": [1, 2.5, null]}'::json, '{"b": "x", "a": 1}'::jsonb,
              'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '192.168.1.5/24'::inet, '10.1.0.0/16'::cidr,
              '08:00:2b:01:02:03'::macaddr, '08:00:2b:01:02:03:04:05'::macaddr8, 'ok'::pg2_mood,
              ROW('first', 7, ARRAY['x', NULL])::pg2_pair, ARRAY['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid],
              ARRAY['1.2.3.4'::inet], ARRAY['{"z": 1}'::jsonb]"""
cur.execute(EXTRA)
for desc, value in zip(cur.description, cur.fetchone()):
    code = desc.type_code if desc.type_code < 16384 else "user type"
    print(f"{code!s:9s} {type(value).__name__:9s} {norm(value)!r}")
psycopg2.extras.register_uuid(conn_or_curs=conn)
psycopg2.extras.register_ipaddress(conn)
pair = psycopg2.extras.register_composite("pg2_pair", conn)
cur.execute(EXTRA)
for desc, value in zip(cur.description, cur.fetchone()):
    code = desc.type_code if desc.type_code < 16384 else "user type"
    print(f"registered {code!s:9s} {type(value).__name__:9s} {norm(value)!r}")
cur.execute(
    "SELECT %s::json -> 'k', %s::jsonb, %s = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, %s::inet, "
    "%s::macaddr, %s::pg2_mood, (%s::pg2_pair).n + 1",
    (psycopg2.extras.Json({"k": [1, None]}), psycopg2.extras.Json({"b": None, "a": "x"}),
     uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "10.0.0.1/8", "0800-2b01-0203", "sad",
     pair.type("p", 41, ["t"])),
)
show("parameters", cur.fetchone())
conn.commit()

section("parameters")
cur.execute(
    "SELECT %s + 1, %s || '!', %s * 2, %s, %s, %s, %s, %s, %s::int[], %s",
    (
        41,
        "it's",
        decimal.Decimal("1.25"),
        None,
        True,
        datetime.date(2024, 2, 29),
        datetime.datetime(2024, 1, 2, 3, 4, 5, 600000),
        datetime.timedelta(days=1, seconds=7, microseconds=5),
        [1, 2, 3],
        b"\x00\x01\xfe",
    ),
)
show("row", cur.fetchone())
cur.execute("SELECT %(a)s::text, %(b)s::float8, %(a)s::text", {"a": "named", "b": 0.5})
show("named", cur.fetchone())
cur.execute("SELECT %s::timestamptz", (datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.timezone.utc),))
show("timestamptz", cur.fetchone())
cur.execute("SELECT %s", ("a\nb\\c'\"",))
show("escapes", cur.fetchone())

section("executemany and rowcount")
cur.execute("CREATE TABLE pg2 (id int PRIMARY KEY, name text, v numeric(10,2), at timestamp)")
cur.executemany(
    "INSERT INTO pg2 VALUES (%s, %s, %s, %s)",
    [(i, f"n{i}", decimal.Decimal(i) / 4, datetime.datetime(2024, 1, i)) for i in range(1, 8)],
)
show("rowcount", cur.rowcount)
cur.execute("UPDATE pg2 SET v = v * 2 WHERE id > %s", (4,))
show("updated", cur.rowcount)
cur.execute("SELECT * FROM pg2 ORDER BY id")
for row in cur.fetchall():
    print(row)
show("description", [(d.name, d.type_code) for d in cur.description])
conn.commit()

section("transactions")
cur.execute("INSERT INTO pg2 VALUES (100, 'rolled back', 0, NULL)")
show("in transaction", conn.get_transaction_status() == psycopg2.extensions.TRANSACTION_STATUS_INTRANS)
conn.rollback()
cur.execute("SELECT count(*) FROM pg2 WHERE id = 100")
show("after rollback", cur.fetchone())
cur.execute("INSERT INTO pg2 VALUES (101, 'committed', 1, NULL)")
conn.commit()
with conn:
    with conn.cursor() as c2:
        c2.execute("INSERT INTO pg2 VALUES (102, 'with-block', 2, NULL)")
try:
    with conn:
        with conn.cursor() as c2:
            c2.execute("INSERT INTO pg2 VALUES (103, 'with-block failed', 3, NULL)")
            c2.execute("INSERT INTO pg2 VALUES (103, 'duplicate', 3, NULL)")
except psycopg2.errors.UniqueViolation as e:
    show("with-block error", (type(e).__name__, e.pgcode, e.diag.constraint_name))
cur.execute("SELECT id, name FROM pg2 WHERE id >= 100 ORDER BY id")
show("rows", cur.fetchall())
conn.commit()
conn.autocommit = True
try:
    cur.execute("SAVEPOINT nope")  # outside a transaction block: an error
except psycopg2.Error as e:
    show("savepoint outside a block", (type(e).__name__, e.pgcode))
conn.autocommit = False
conn.rollback()

section("savepoints")
cur.execute("INSERT INTO pg2 VALUES (200, 'kept', 0, NULL)")
cur.execute("SAVEPOINT s1")
cur.execute("INSERT INTO pg2 VALUES (201, 'undone', 0, NULL)")
cur.execute("ROLLBACK TO SAVEPOINT s1")
cur.execute("RELEASE SAVEPOINT s1")
conn.commit()
cur.execute("SELECT id FROM pg2 WHERE id >= 200 ORDER BY id")
show("rows", cur.fetchall())
conn.commit()

section("isolation and read only")
conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
cur.execute("SHOW transaction_isolation")
show("isolation", cur.fetchone())
try:
    cur.execute("INSERT INTO pg2 VALUES (300, 'ro', 0, NULL)")
except psycopg2.Error as e:
    show("read only", (type(e).__name__, e.pgcode))
conn.rollback()
conn.set_session(isolation_level="DEFAULT", readonly=False)

section("named cursors")
with conn.cursor(name="big_cur") as nc:
    nc.itersize = 3
    nc.execute("SELECT g, g * g FROM generate_series(1, 10) g")
    show("fetchmany", nc.fetchmany(4))
    show("fetchone", nc.fetchone())
    show("rest", [r for r in nc])
conn.commit()
with conn.cursor(name="move_cur") as nc:
    nc.execute("SELECT id FROM pg2 ORDER BY id")
    nc.scroll(3)
    show("after scroll 3", nc.fetchone())
    show("fetchall", nc.fetchall())
conn.commit()
with conn.cursor(name="scroll_cur", scrollable=True) as nc:
    nc.execute("SELECT id FROM pg2 ORDER BY id")
    show("first two", nc.fetchmany(2))
    nc.scroll(-2)
    show("after scroll -2", nc.fetchone())
    nc.scroll(4, mode="absolute")
    show("after absolute 4", nc.fetchone())
    nc.scroll(0, mode="absolute")
    show("from the start again", nc.fetchmany(3))
    show("rownumber", nc.rownumber)
conn.commit()
with conn.cursor(name="noscroll_cur", scrollable=False) as nc:
    nc.execute("SELECT id FROM pg2 ORDER BY id")
    show("no scroll fetchone", nc.fetchone())
    try:
        nc.scroll(-1)
        nc.fetchone()
    except psycopg2.Error as e:
        show("no scroll backward", (type(e).__name__, e.pgcode, e.pgerror.splitlines()[0]))
conn.rollback()
hold = conn.cursor(name="hold_cur", withhold=True)
hold.itersize = 2
hold.execute("SELECT id, name FROM pg2 ORDER BY id")
show("hold before commit", hold.fetchone())
conn.commit()
show("hold after commit", hold.fetchmany(2))
cur.execute("UPDATE pg2 SET name = 'later' WHERE id = 4")
conn.commit()
show("hold after another commit", hold.fetchone())
hold.scroll(-1)
show("hold scrolled back", hold.fetchone())
hold.close()
conn.commit()
conn.autocommit = True
with conn.cursor(name="auto_hold", withhold=True, scrollable=True) as nc:
    nc.execute("SELECT g FROM generate_series(1, 5) g")
    show("autocommit hold", nc.fetchmany(3))
    nc.scroll(-3)
    show("autocommit hold back", nc.fetchall())
conn.autocommit = False

section("copy")
buf = io.StringIO()
cur.copy_expert("COPY (SELECT id, name, v FROM pg2 WHERE id <= 3 ORDER BY id) TO STDOUT", buf)
show("copy out text", buf.getvalue())
buf = io.StringIO()
cur.copy_expert("COPY pg2 (id, name) TO STDOUT WITH (FORMAT csv, HEADER)", buf)
show("copy out csv lines", len(buf.getvalue().splitlines()))
cur.execute("CREATE TABLE pg2_copy (a int, b text, c date)")
cur.copy_expert(
    "COPY pg2_copy FROM STDIN",
    io.StringIO("1\tone\t2024-01-01\n2\t\\N\t2024-01-02\n3\ttab\\there\t\\N\n"),
)
show("copy in rowcount", cur.rowcount)
cur.copy_expert(
    "COPY pg2_copy FROM STDIN WITH (FORMAT csv)", io.StringIO('4,"quoted, comma",2024-02-03\n')
)
cur.copy_from(io.StringIO("5\tfive\t2024-05-05\n"), "pg2_copy", columns=("a", "b", "c"))
buf = io.StringIO()
cur.copy_to(buf, "pg2_copy", columns=("a", "b"))
show("copy_to", buf.getvalue())
cur.execute("SELECT * FROM pg2_copy ORDER BY a")
show("rows", cur.fetchall())
try:
    cur.copy_expert("COPY pg2_copy FROM STDIN", io.StringIO("x\ty\tz\n"))
except psycopg2.Error as e:
    show("bad copy", (type(e).__name__, e.pgcode))
conn.rollback()
conn.commit()

section("notices")
del conn.notices[:]
cur.execute("DROP TABLE IF EXISTS no_such_table")
cur.execute("CREATE TABLE IF NOT EXISTS pg2 (a int)")
show("notices", [n.strip() for n in conn.notices])
conn.commit()

section("errors by SQLSTATE")
cases = [
    "SELECT 1/0",
    "SELECT * FROM no_such_table",
    "SELECT no_such_column FROM pg2",
    "INSERT INTO pg2 VALUES (1, 'dup', 0, NULL)",
    "INSERT INTO pg2 (id) VALUES (NULL)",
    "SELECT 'abc'::int",
    "SELEC 1",
    "SELECT 2147483647::int + 1",
    "CREATE TABLE pg2 (a int)",
    "SELECT no_such_function()",
    "SELECT 'x'::varchar(1)::char(1), 'xy'::varchar(1), repeat('x', 2)::varchar(1)",
    "INSERT INTO pg2_copy VALUES ('toolong'::varchar(2)::int)",
]
for sql in cases:
    try:
        cur.execute(sql)
        show(sql, cur.fetchall() if cur.description else cur.rowcount)
        conn.commit()
    except psycopg2.Error as e:
        print(f"{sql}: {type(e).__name__} {e.pgcode} {e.pgerror.splitlines()[0]!r}")
        show("  diag", (e.diag.severity, e.diag.message_primary, e.diag.statement_position))
        conn.rollback()
try:
    cur.execute("SELECT 1/0")
except psycopg2.DataError as e:
    show("DataError base", isinstance(e, psycopg2.errors.DivisionByZero))
conn.rollback()
try:
    cur.execute("INSERT INTO pg2 VALUES (1, 'dup', 0, NULL)")
except psycopg2.IntegrityError as e:
    show("IntegrityError base", (e.diag.table_name, e.diag.constraint_name))
conn.rollback()
try:
    cur.execute("SELECT 1")
    cur.execute("SELECT * FROM nope")
except psycopg2.ProgrammingError:
    pass
try:
    cur.execute("SELECT 1")
except psycopg2.errors.InFailedSqlTransaction as e:
    show("aborted transaction", e.pgcode)
conn.rollback()

section("mogrify and literals")
show("mogrify", cur.mogrify("SELECT %s, %s, %s", ("a'b", None, [1, 2])))
cur.execute("SELECT %s::bytea = '\\x00ff'::bytea", (b"\x00\xff",))
show("bytea param", cur.fetchone())
cur.execute("SELECT %s::numeric(30,10)", (decimal.Decimal("12345678901234567890.0123456789"),))
show("big numeric", cur.fetchone())
conn.commit()

section("cancel and close")
conn.close()
show("closed", conn.closed)
