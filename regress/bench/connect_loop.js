// A driver's connection churn: node-postgres (pg, pinned in
// regress/clients/node/package-lock.json) connects, runs SELECT 1, closes.
//
// Opens N connections one after another to the server named by the libpq
// environment (PGHOST, PGPORT, PGUSER, PGDATABASE); each runs SELECT 1,
// checks the answer and closes (end() resolves when the socket is closed).
// Prints one line:
//
//   node-pg: connections=N seconds=… connections_per_s=… median_ms=… p90_ms=…
//
//   NODE_PATH=…/node_modules node connect_loop.js N
'use strict';
const { Client } = require('pg');

async function main() {
  const n = Number(process.argv[2]);
  const times = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const client = new Client();
    await client.connect();
    const result = await client.query('SELECT 1 AS one');
    if (result.rows.length !== 1 || result.rows[0].one !== 1) throw new Error('SELECT 1 did not return 1');
    await client.end();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  console.log(`node-pg: connections=${n} seconds=${seconds.toFixed(3)} ` +
    `connections_per_s=${(n / seconds).toFixed(1)} median_ms=${median.toFixed(3)} ` +
    `p90_ms=${times[Math.floor(times.length * 0.9)].toFixed(3)}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
