"""psycopg 3 against the server named by PGHOST/PGPORT/PGUSER/PGDATABASE.

Prints a deterministic transcript (regress/clients/run.sh compares the one
from PostgreSQL 15 with Tusk's): parameters sent as text and as binary,
every core type read back in text and in binary results, executemany,
prepared statements, transactions, server-side cursors, COPY both ways (text
and binary), notices, pipeline mode and errors mapped by SQLSTATE.
"""
import datetime
import decimal

import psycopg
import psycopg.errors
from psycopg.types.numeric import Int2, Int4, Int8, Float4, Oid


def norm(value):
    """Values printed without what varies between runs (memoryview addresses)."""
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, (list, tuple)):
        return type(value)(norm(v) for v in value)
    return value


def show(label, value):
    print(f"{label}: {norm(value)!r}")


def section(title):
    print(f"-- {title}")


conn = psycopg.connect("")
notices = []
conn.add_notice_handler(lambda d: notices.append((d.severity, d.sqlstate, d.message_primary)))

section("connect")
show("server_version >= 150000", conn.info.server_version >= 150000)
show("encoding", conn.info.encoding)
show("IntervalStyle", conn.info.parameter_status("IntervalStyle"))
show("status", conn.info.transaction_status.name)

CORE = """SELECT 1::int2, 2::int4, 3000000000::int8, (-32768)::int2, 1.50::numeric(5,2),
       'NaN'::numeric, -0.000123::numeric, 123456789012345678901234567890.5::numeric,
       1.5::float4, 2.25::float8, '-Infinity'::float8, 'abc'::text, 'x'::varchar(3),
       'ab'::char(3), 'nm'::name, true, false, NULL::int, '\\x00ff10'::bytea, ''::bytea,
       '2024-01-02'::date, '1999-12-31'::date, '0001-01-01'::date, '03:04:05.5'::time,
       '2024-01-02 03:04:05.25'::timestamp, '1970-01-01 00:00:00'::timestamp,
       '2024-01-02 03:04:05+02'::timestamptz, '1 day 02:03:04'::interval,
       '-1 year 2 mons -00:00:00.5'::interval, 26::oid, 'x'::"char",
       ARRAY[1, 2, NULL]::int4[], ARRAY['a', 'b c', NULL, '"q"']::text[],
       ARRAY[[1.5, 2], [3, 4]]::numeric[], '{}'::int[], ARRAY[true, false],
       ARRAY['2024-01-02'::date], ARRAY[1.5::float8], ARRAY['\\x01'::bytea],
       ARRAY['2024-01-02 03:04:05'::timestamp], ARRAY['1 hour'::interval],
       ARRAY[3000000000::int8], ARRAY['nm'::name], '12:00:00+03'::timetz"""

for binary in (False, True):
    section(f"core types, {'binary' if binary else 'text'} results")
    with conn.cursor(binary=binary) as cur:
        cur.execute(CORE)
        for desc, value in zip(cur.description, cur.fetchone()):
            print(f"{desc.type_code:5d} {type(value).__name__:9s} {value!r}")
        show("formats", {cur.pgresult.fformat(i) for i in range(cur.pgresult.nfields)})

section("json, uuid, network, macaddr, enum and composite values")
import ipaddress
import uuid
from psycopg.types.composite import CompositeInfo, register_composite
from psycopg.types.enum import EnumInfo, register_enum
from psycopg.types.json import Json, Jsonb

conn.execute("CREATE TYPE pg3_mood AS ENUM ('sad', 'ok', 'happy')")
conn.execute("CREATE TYPE pg3_pair AS (label text, n int4, tags text[])")
conn.commit()
EXTRA = """SELECT '{"a": [1, 2.5, null], "b": "x"}'::json, '{"b": "x", "a": [1, 2.5, null]}'::jsonb,
       '[true, {"k": null}]'::jsonb, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid,
       '192.168.1.5/24'::inet, '10.0.0.1'::inet, '::ffff:1.2.3.4/120'::inet, '10.1.0.0/16'::cidr,
       '2001:db8::/32'::cidr, '08:00:2b:01:02:03'::macaddr, '08:00:2b:01:02:03:04:05'::macaddr8,
       'ok'::pg3_mood, ROW('first', 7, ARRAY['x', NULL])::pg3_pair,
       ARRAY['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid], ARRAY['1.2.3.4'::inet],
       ARRAY['{"z": 1}'::jsonb], ARRAY['sad', 'happy']::pg3_mood[]"""
for registered in (False, True):
    if registered:
        mood_info = EnumInfo.fetch(conn, "pg3_mood")
        register_enum(mood_info, conn)
        pair_info = CompositeInfo.fetch(conn, "pg3_pair")
        register_composite(pair_info, conn)
    for binary in (False, True):
        section(f"{'registered' if registered else 'plain'} types, {'binary' if binary else 'text'} results")
        with conn.cursor(binary=binary) as cur:
            cur.execute(EXTRA)
            for i, (desc, value) in enumerate(zip(cur.description, cur.fetchone())):
                name = desc.type_code if desc.type_code < 16384 else "user type"
                if hasattr(value, "_fields"):
                    value = dict(value._asdict())
                if isinstance(value, bytes) and i == len(cur.description) - 1:
                    # A binary array of an enum names the enum's OID, which varies.
                    value = f"{len(value)} bytes"
                print(f"{name!s:9s} {type(value).__name__:14s} {norm(value)!r}")
extra_params = [
    Json({"a": [1, None]}),
    Jsonb({"b": {"c": "d"}, "a": 1}),
    uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
    ipaddress.ip_interface("192.168.1.5/24"),
    ipaddress.ip_address("::1"),
    ipaddress.ip_network("10.1.0.0/16"),
]
for fmt in ("t", "b"):
    with conn.cursor(binary=(fmt == "b")) as cur:
        cur.execute("SELECT " + ", ".join(f"%{fmt}" for _ in extra_params), extra_params)
        row = cur.fetchone()
        for p, value in zip(extra_params, row):
            shown = p.obj if isinstance(p, (Json, Jsonb)) else p
            print(f"{fmt} {type(value).__name__:14s} {value!r}{'' if value == shown else ' (differs)'}")
        show("param types", [cur.description[i].type_code for i in range(len(extra_params))])
        cur.execute(f"SELECT %{fmt}::macaddr, %{fmt}::macaddr8, %{fmt}::pg3_mood", ("0800.2b01.0203", "08002b0102030405", "sad"))
        show("text-typed params", cur.fetchone())
        pair = pair_info.python_type("p", 41, ["t", None])
        cur.execute(f"SELECT (%{fmt}).n + 1, %{fmt}, %{fmt} > 'sad', %{fmt}",
                    (pair, pair, mood_info.enum.happy, [mood_info.enum.ok]))
        show("composite and enum params", [dict(v._asdict()) if hasattr(v, "_fields") else v for v in cur.fetchone()])
conn.rollback()

section("parameters, text (%t) and binary (%b)")
params = [
    Int2(-5),
    Int4(41),
    Int8(3000000000),
    decimal.Decimal("1.25"),
    decimal.Decimal("-0.0001"),
    decimal.Decimal("NaN"),
    Float4(1.5),
    2.75,
    "it's",
    True,
    b"\x00\x01\xfe",
    datetime.date(2024, 2, 29),
    datetime.time(3, 4, 5, 6),
    datetime.datetime(2024, 1, 2, 3, 4, 5, 600000),
    datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.timezone.utc),
    datetime.timedelta(days=-1, seconds=7, microseconds=5),
    [1, 2, None],
    ["a", None, "c d"],
    [[decimal.Decimal("1.5")], [decimal.Decimal("2")]],
    Oid(26),
]
for fmt in ("t", "b"):
    with conn.cursor(binary=(fmt == "b")) as cur:
        sql = "SELECT " + ", ".join(f"%{fmt}" for _ in params)
        cur.execute(sql, params)
        row = cur.fetchone()
        for p, value in zip(params, row):
            print(f"{fmt} {type(value).__name__:9s} {value!r}{'' if value == p else ' (differs)'}")
        show("param types", [cur.description[i].type_code for i in range(len(params))])
with conn.cursor() as cur:
    cur.execute("SELECT %(a)s::text, %(b)s::float8, %(a)s::text || 'x'", {"a": "named", "b": 0.5})
    show("named", cur.fetchone())
    cur.execute("SELECT %b::int4[] || %b::int4[]", ([1, 2], [3]))
    show("binary array params", cur.fetchone())
    cur.execute("SELECT %b = ARRAY[1.5::numeric, NULL, 2]", ([decimal.Decimal("1.5"), None, decimal.Decimal(2)],))
    show("numeric array param", cur.fetchone())
conn.commit()

section("executemany, prepared statements and rowcount")
with conn.cursor() as cur:
    cur.execute("CREATE TABLE pg3 (id int PRIMARY KEY, name text, v numeric(10,2), at timestamptz)")
    cur.executemany(
        "INSERT INTO pg3 VALUES (%s, %s, %s, %s)",
        [
            (i, f"n{i}", decimal.Decimal(i) / 4, datetime.datetime(2024, 1, i, tzinfo=datetime.timezone.utc))
            for i in range(1, 8)
        ],
    )
    show("rowcount", cur.rowcount)
    cur.executemany("INSERT INTO pg3 (id) VALUES (%s) RETURNING id * 10", [(50,), (51,)], returning=True)
    got = []
    while True:
        got.append(cur.fetchone())
        if not cur.nextset():
            break
    show("returning", got)
    for i in range(8):
        cur.execute("SELECT name, v FROM pg3 WHERE id = %s", (i % 3 + 1,), prepare=(i > 2))
        cur.fetchone()
    cur.execute("SELECT name, v FROM pg3 WHERE id = %s", (2,), prepare=True)
    show("prepared", cur.fetchone())
    cur.execute("UPDATE pg3 SET v = v * 2 WHERE id > %s", (4,))
    show("updated", cur.rowcount)
    cur.execute("SELECT * FROM pg3 ORDER BY id")
    for row in cur.fetchall():
        print(row)
    show("description", [(d.name, d.type_code, d.precision, d.scale) for d in cur.description])
conn.commit()

section("transactions")
with conn.transaction():
    conn.execute("INSERT INTO pg3 (id, name) VALUES (100, 'committed')")
try:
    with conn.transaction():
        conn.execute("INSERT INTO pg3 (id, name) VALUES (101, 'rolled back')")
        conn.execute("INSERT INTO pg3 (id, name) VALUES (101, 'duplicate')")
except psycopg.errors.UniqueViolation as e:
    show("error", (type(e).__name__, e.sqlstate, e.diag.constraint_name))
with conn.transaction():
    conn.execute("INSERT INTO pg3 (id, name) VALUES (102, 'outer')")
    try:
        with conn.transaction():
            conn.execute("INSERT INTO pg3 (id, name) VALUES (103, 'inner')")
            raise RuntimeError("undo the savepoint")
    except RuntimeError:
        pass
show("rows", conn.execute("SELECT id, name FROM pg3 WHERE id >= 100 ORDER BY id").fetchall())
conn.commit()
conn.autocommit = True
show("autocommit status", conn.info.transaction_status.name)
conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
show("isolation", conn.execute("SHOW transaction_isolation").fetchone())
conn.execute("COMMIT")
conn.autocommit = False

section("server-side cursors")
with conn.cursor(name="ssc") as cur:
    cur.itersize = 3
    cur.execute("SELECT g, g::numeric / 4 FROM generate_series(1, 10) g")
    show("fetchmany", cur.fetchmany(4))
    show("fetchone", cur.fetchone())
    show("rest", cur.fetchall())
with conn.cursor(name="ssc_bin", binary=True) as cur:
    cur.execute("SELECT id, name, v, at FROM pg3 WHERE id < %s ORDER BY id", (3,))
    show("binary server-side", cur.fetchall())
with conn.cursor(name="ssc_move") as cur:
    cur.execute("SELECT id FROM pg3 ORDER BY id")
    cur.scroll(3)
    show("after scroll 3", cur.fetchone())
    show("fetchall", cur.fetchall())
conn.commit()
with conn.cursor(name="ssc_scroll", scrollable=True) as cur:
    cur.execute("SELECT id, name FROM pg3 WHERE id < %s ORDER BY id", (50,))
    show("scrollable first three", cur.fetchmany(3))
    cur.scroll(-2)
    show("after scroll -2", cur.fetchone())
    cur.scroll(0, mode="absolute")
    show("after absolute 0", cur.fetchone())
    cur.scroll(2, mode="absolute")
    show("after absolute 2", cur.fetchone())
    show("rownumber", cur.rownumber)
conn.commit()
with conn.cursor(name="ssc_noscroll", scrollable=False) as cur:
    cur.execute("SELECT id FROM pg3 ORDER BY id")
    show("no scroll fetchone", cur.fetchone())
    try:
        cur.scroll(-1)
    except psycopg.Error as e:
        show("no scroll backward", (type(e).__name__, e.sqlstate, e.diag.message_primary, e.diag.message_hint))
conn.rollback()
hold = conn.cursor(name="ssc_hold", withhold=True)
hold.execute("SELECT id, name FROM pg3 WHERE id < %s ORDER BY id", (50,))
show("hold before commit", hold.fetchone())
conn.commit()
show("hold after commit", hold.fetchmany(2))
show("hold description", [(d.name, d.type_code) for d in hold.description])
conn.execute("UPDATE pg3 SET name = 'later' WHERE id = 3")
conn.commit()
show("hold after another commit", hold.fetchone())
hold.scroll(-2)
show("hold scrolled back", hold.fetchone())
hold.close()
conn.commit()
conn.autocommit = True
with conn.cursor(name="ssc_auto_hold", withhold=True, scrollable=True) as cur:
    cur.execute("SELECT g FROM generate_series(1, %s) g", (5,))
    show("autocommit hold", cur.fetchmany(3))
    cur.scroll(1, mode="absolute")
    show("autocommit hold absolute", cur.fetchall())
conn.autocommit = False

section("copy")
with conn.cursor() as cur:
    with cur.copy("COPY (SELECT id, name, v FROM pg3 WHERE id <= 3 ORDER BY id) TO STDOUT") as cp:
        show("copy out rows", [bytes(b) for b in cp])
    with cur.copy("COPY (SELECT id, name, v FROM pg3 WHERE id <= 3 ORDER BY id) TO STDOUT") as cp:
        cp.set_types(["int4", "text", "numeric"])
        show("copy out typed", list(cp.rows()))
    cur.execute("CREATE TABLE pg3_copy (a int, b text, c date, d numeric, e bytea)")
    with cur.copy("COPY pg3_copy FROM STDIN") as cp:
        cp.write_row((1, "one", datetime.date(2024, 1, 1), decimal.Decimal("1.5"), b"\x01"))
        cp.write_row((2, None, None, None, None))
        cp.write_row((3, "tab\there", datetime.date(2024, 1, 3), decimal.Decimal("-3"), b"\\"))
    show("copy in rowcount", cur.rowcount)
    with cur.copy("COPY pg3_copy FROM STDIN (FORMAT BINARY)") as cp:
        cp.set_types(["int4", "text", "date", "numeric", "bytea"])
        cp.write_row((4, "binary", datetime.date(2024, 4, 4), decimal.Decimal("4.25"), b"\x00\x04"))
    with cur.copy("COPY pg3_copy TO STDOUT (FORMAT BINARY)") as cp:
        cp.set_types(["int4", "text", "date", "numeric", "bytea"])
        show("copy out binary", list(cp.rows()))
    with cur.copy("COPY pg3_copy FROM STDIN (FORMAT csv)") as cp:
        cp.write('5,"quoted, comma",2024-05-05,5,\\x05\n')
    show("rows", cur.execute("SELECT * FROM pg3_copy ORDER BY a").fetchall())
    try:
        with cur.copy("COPY pg3_copy FROM STDIN") as cp:
            cp.write("x\ty\tz\t1\t\n")
    except psycopg.Error as e:
        show("bad copy", (type(e).__name__, e.sqlstate))
    conn.rollback()

section("notices")
conn.execute("DROP TABLE IF EXISTS no_such_table")
conn.execute("CREATE TABLE IF NOT EXISTS pg3 (a int)")
show("notices", notices)
conn.commit()

section("pipeline")
with conn.pipeline():
    c1 = conn.execute("SELECT %s::int + 1", (1,))
    c2 = conn.execute("INSERT INTO pg3 (id, name) VALUES (%s, %s)", (300, "pipelined"))
    c3 = conn.execute("SELECT count(*) FROM pg3 WHERE id = %s", (300,))
show("pipeline results", (c1.fetchone(), c2.rowcount, c3.fetchone()))
conn.rollback()

section("errors by SQLSTATE")
cases = [
    ("SELECT 1/0", None),
    ("SELECT * FROM no_such_table", None),
    ("SELECT no_such_column FROM pg3", None),
    ("INSERT INTO pg3 (id) VALUES (%s)", (1,)),
    ("INSERT INTO pg3 (id) VALUES (%s)", (None,)),
    ("SELECT %s::int", ("abc",)),
    ("SELEC 1", None),
    ("SELECT %s::int4 + 1", (2147483647,)),
    ("SELECT %b::int2", (Int4(70000),)),
    ("SELECT no_such_function(%s)", (1,)),
    ("SELECT repeat('x', 3)::varchar(2)", None),
    ("SELECT 'xyz'::char(2)::varchar(1) = %s", ("x",)),
]
for sql, args in cases:
    try:
        cur = conn.execute(sql, args)
        show(sql, cur.fetchall() if cur.description else cur.rowcount)
        conn.commit()
    except psycopg.Error as e:
        print(f"{sql}: {type(e).__name__} {e.sqlstate} {e.diag.message_primary!r}")
        show("  diag", (e.diag.severity, e.diag.severity_nonlocalized, e.diag.statement_position))
        conn.rollback()
try:
    conn.execute("SELECT * FROM nope")
except psycopg.errors.UndefinedTable:
    pass
try:
    conn.execute("SELECT 1")
except psycopg.errors.InFailedSqlTransaction as e:
    show("aborted transaction", e.sqlstate)
conn.rollback()

conn.close()
show("closed", conn.closed)
