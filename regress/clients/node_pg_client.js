// node-postgres (pg, pg-cursor; versions pinned in node/package-lock.json)
// against the server named by PGHOST/PGPORT/PGUSER/PGDATABASE.
//
// Prints a deterministic transcript (regress/clients/run.sh compares the one
// from PostgreSQL 15 with Tusk's): parameters, the JavaScript values of the
// core types, named prepared statements, transactions, streaming rows
// through a cursor, a Buffer sent as a binary parameter, errors.
'use strict';
const { Client, types } = require('pg');
const Cursor = require('pg-cursor');

function show(label, value) {
  console.log(`${label}: ${JSON.stringify(value, replacer)}`);
}
function replacer(key, value) {
  if (value && value.type === 'Buffer' && Array.isArray(value.data)) return `Buffer<${Buffer.from(value.data).toString('hex')}>`;
  if (typeof value === 'bigint') return `${value}n`;
  return value;
}
function describe(result) {
  return result.fields.map((f) => [f.name, f.dataTypeID]);
}
function errorInfo(e) {
  return { code: e.code, severity: e.severity, message: e.message, position: e.position, detail: e.detail, constraint: e.constraint, table: e.table, column: e.column };
}

async function main() {
  const client = new Client();
  const notices = [];
  client.on('notice', (n) => notices.push([n.severity, n.code, n.message]));
  await client.connect();

  console.log('-- connect');
  const ver = await client.query('SHOW server_version_num');
  show('server_version_num >= 150000', Number(ver.rows[0].server_version_num) >= 150000);

  console.log('-- core types');
  const core = await client.query(`SELECT 1::int2 AS i2, 2::int4 AS i4, 3000000000::int8 AS i8,
      1.50::numeric(5,2) AS num, 1.5::float4 AS f4, 2.25::float8 AS f8, 'abc'::text AS t,
      'x'::varchar(3) AS vc, 'ab'::char(3) AS bpc, 'nm'::name AS nm, true AS b, NULL::int AS nul,
      '\\x00ff10'::bytea AS ba, '2024-01-02'::date AS d, '03:04:05.5'::time AS tm,
      '2024-01-02 03:04:05.25'::timestamp AS ts, '2024-01-02 03:04:05+02'::timestamptz AS tstz,
      '1 day 02:03:04'::interval AS iv, 26::oid AS o, ARRAY[1, 2, NULL]::int4[] AS ia,
      ARRAY['a', 'b c', NULL]::text[] AS ta, ARRAY[[1.5, 2], [3, 4]]::numeric[] AS na,
      ARRAY[true, false] AS ba2, ARRAY['2024-01-02'::date] AS da, '12:00:00+03'::timetz AS ttz`);
  show('fields', describe(core));
  for (const [k, v] of Object.entries(core.rows[0])) {
    const kind = v instanceof Date ? `Date ${v.toISOString()}` : typeof v === 'object' && v !== null ? `${v.constructor.name} ${JSON.stringify(v, replacer)}` : `${typeof v} ${JSON.stringify(v)}`;
    console.log(`${k}: ${kind}`);
  }

  console.log('-- parameters');
  let r = await client.query('SELECT $1::int + $2::int AS s, $3::text AS t, $4::numeric * 2 AS n, $5::bool AS b, $6::int[] AS a, $7::timestamptz AS ts, $8::bytea AS buf, $9::text IS NULL AS isnull, $10::date AS d',
    [1, 2, "a'b", '1.25', false, [1, 2], new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), Buffer.from([0, 1, 254]), null, '2024-02-29']);
  show('row', r.rows[0]);
  r = await client.query({ text: 'SELECT $1::text AS a, $2::int8 AS b', values: ['x', '9007199254740993'], rowMode: 'array' });
  show('array row', r.rows);
  // (A parameter whose type nothing determines, as in SELECT pg_typeof($1),
  // fails at Parse in PostgreSQL with 42P08 and differently in Tusk: left out.)

  console.log('-- tables and named prepared statements');
  await client.query('CREATE TABLE nodepg (id int PRIMARY KEY, name text, v numeric(10,2), at timestamptz, tags text[])');
  for (let i = 1; i <= 6; i++) {
    r = await client.query({ name: 'ins', text: 'INSERT INTO nodepg VALUES ($1, $2, $3, $4, $5)', values: [i, `n${i}`, i / 4, new Date(Date.UTC(2024, 0, i)), [`t${i}`, 'x']] });
  }
  show('insert', [r.command, r.rowCount]);
  for (let i = 1; i <= 3; i++) {
    r = await client.query({ name: 'sel', text: 'SELECT id, name, v, at, tags FROM nodepg WHERE id <= $1 ORDER BY id', values: [i] });
  }
  show('named select', r.rows);
  show('fields', describe(r));
  r = await client.query('UPDATE nodepg SET v = v * 2 WHERE id > $1', [3]);
  show('update', [r.command, r.rowCount]);
  r = await client.query('DELETE FROM nodepg WHERE id = 6 RETURNING id, name');
  show('delete returning', [r.command, r.rowCount, r.rows]);
  r = await client.query('SELECT 1 AS a; SELECT 2 AS b');
  show('multi-statement', r.map((x) => x.rows));

  console.log('-- transactions');
  await client.query('BEGIN');
  await client.query('INSERT INTO nodepg (id, name) VALUES ($1, $2)', [100, 'rolled back']);
  await client.query('ROLLBACK');
  await client.query('BEGIN');
  await client.query('INSERT INTO nodepg (id, name) VALUES ($1, $2)', [101, 'committed']);
  await client.query('SAVEPOINT s');
  await client.query('INSERT INTO nodepg (id, name) VALUES ($1, $2)', [102, 'undone']);
  await client.query('ROLLBACK TO SAVEPOINT s');
  await client.query('COMMIT');
  await client.query('BEGIN');
  try {
    await client.query('INSERT INTO nodepg (id, name) VALUES ($1, $2)', [101, 'duplicate']);
  } catch (e) {
    show('duplicate', errorInfo(e));
  }
  try {
    await client.query('SELECT 1');
  } catch (e) {
    show('aborted', errorInfo(e));
  }
  await client.query('ROLLBACK');
  r = await client.query('SELECT id, name FROM nodepg WHERE id >= 100 ORDER BY id');
  show('rows', r.rows);

  console.log('-- streaming rows with a cursor');
  await client.query('BEGIN');
  const cursor = client.query(new Cursor('SELECT g, g * $1::int AS x FROM generate_series(1, 10) g', [3]));
  const read = (n) => new Promise((resolve, reject) => cursor.read(n, (err, rows) => (err ? reject(err) : resolve(rows))));
  let batch;
  let batches = 0;
  const seen = [];
  while ((batch = await read(4)).length > 0) {
    batches++;
    seen.push(...batch.map((row) => row.x));
  }
  await new Promise((resolve) => cursor.close(resolve));
  await client.query('COMMIT');
  show('cursor', { batches, seen });

  console.log('-- notices');
  await client.query('DROP TABLE IF EXISTS no_such_table');
  await client.query('CREATE TABLE IF NOT EXISTS nodepg (a int)');
  show('notices', notices);

  console.log('-- errors');
  const cases = [
    ['SELECT 1/0', []],
    ['SELECT * FROM no_such_table', []],
    ['SELECT $1::int', ['abc']],
    ['INSERT INTO nodepg (id) VALUES ($1)', [null]],
    ['SELEC 1', []],
    ['SELECT $1::int, $2::int', [1]],
  ];
  for (const [sql, values] of cases) {
    try {
      await client.query(sql, values);
      console.log(`${sql}: no error`);
    } catch (e) {
      show(sql, errorInfo(e));
    }
  }
  try {
    await client.query({ name: 'bad', text: 'SELECT $1::int / 0', values: [1] });
  } catch (e) {
    show('named statement error', errorInfo(e));
  }
  r = await client.query({ name: 'sel', text: 'SELECT id, name, v, at, tags FROM nodepg WHERE id <= $1 ORDER BY id', values: [1] });
  show('named statement still usable', r.rows.length);

  console.log('-- type parsers');
  types.setTypeParser(1700, (v) => `numeric:${v}`);
  types.setTypeParser(20, (v) => BigInt(v));
  r = await client.query('SELECT 1.5::numeric AS n, 12345678901234567::int8 AS b');
  show('custom parsers', r.rows);

  console.log('-- json, uuid, network, macaddr, enum and composite values');
  await client.query("CREATE TYPE nodepg_mood AS ENUM ('sad', 'ok', 'happy')");
  await client.query('CREATE TYPE nodepg_pair AS (label text, n int4)');
  const extra = `SELECT '{"a": [1, null]}'::json AS j, '{"b": 1, "a": 2}'::jsonb AS jb,
      '[1, "x"]'::jsonb AS jarr, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u,
      '192.168.1.5/24'::inet AS ip, '10.1.0.0/16'::cidr AS net, '08:00:2b:01:02:03'::macaddr AS mac,
      '08:00:2b:01:02:03:04:05'::macaddr8 AS mac8, 'ok'::nodepg_mood AS mood,
      ROW('first', 7)::nodepg_pair AS pair, ARRAY['{"z": 1}'::jsonb] AS jba,
      ARRAY['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid] AS ua, ARRAY['1.2.3.4'::inet] AS ia`;
  r = await client.query(extra);
  show('fields', r.fields.map((f) => [f.name, f.dataTypeID < 16384 ? f.dataTypeID : 'user type']));
  for (const [k, v] of Object.entries(r.rows[0])) console.log(`${k}: ${typeof v} ${JSON.stringify(v)}`);
  r = await client.query('SELECT $1::json AS j, $2::jsonb AS jb, $3::uuid AS u, $4::inet AS ip, $5::macaddr AS mac, $6::nodepg_mood AS mood, $7::nodepg_pair AS pair',
    [{ k: [1, 2] }, JSON.stringify({ b: null, a: 'x' }), 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '10.0.0.1/8', '0800.2b01.0203', 'sad', '(p,41)']);
  show('parameters', r.rows[0]);
  // Type parsers for the types without a built-in one (by OID: the enum's
  // and the composite's are looked up, since they vary).
  const oids = await client.query("SELECT 'nodepg_mood'::regtype::oid AS mood, 'nodepg_pair'::regtype::oid AS pair");
  types.setTypeParser(829, (v) => v.split(':').map((x) => parseInt(x, 16)));
  types.setTypeParser(2950, (v) => `uuid:${v.toUpperCase()}`);
  types.setTypeParser(Number(oids.rows[0].mood), (v) => `mood:${v}`);
  types.setTypeParser(Number(oids.rows[0].pair), (v) => v.slice(1, -1).split(','));
  types.setTypeParser(3802, (v) => Object.keys(JSON.parse(v)));
  r = await client.query(extra);
  show('custom parsers', [r.rows[0].mac, r.rows[0].u, r.rows[0].mood, r.rows[0].pair, r.rows[0].jb, r.rows[0].jarr]);
  r = await client.query({ text: 'SELECT $1::uuid AS u, $2::macaddr AS mac', values: ['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '08:00:2b:01:02:03'], rowMode: 'array' });
  show('custom parsers, extended protocol', r.rows);

  await client.end();
  console.log('-- end');
}

main().catch((e) => {
  console.log(`uncaught: ${e.stack}`);
  process.exit(1);
});
