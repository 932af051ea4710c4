#!/usr/bin/env python3
"""A driver's connection churn: psycopg2 connects, runs SELECT 1, closes.

Opens N connections one after another to the server named by the libpq
environment (PGHOST, PGPORT, PGUSER, PGDATABASE); each runs SELECT 1,
checks the answer and closes.  Prints one line:

  psycopg2: connections=N seconds=… connections_per_s=… median_ms=… p90_ms=…

Times are wall-clock time of the client, the whole cycle (connect, the
query, close) included; close does not wait for the backend to exit,
as with a real application.

  /usr/bin/python3 connect_loop.py N
"""
import statistics
import sys
import time

import psycopg2


def main():
    n = int(sys.argv[1])
    times = []
    start = time.perf_counter()
    for _ in range(n):
        t0 = time.perf_counter()
        conn = psycopg2.connect("")
        cur = conn.cursor()
        cur.execute("SELECT 1")
        if cur.fetchone() != (1,):
            sys.exit("SELECT 1 did not return 1")
        conn.close()
        times.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    times.sort()
    print(f"psycopg2: connections={n} seconds={elapsed:.3f} "
          f"connections_per_s={n / elapsed:.1f} "
          f"median_ms={statistics.median(times) * 1000:.3f} "
          f"p90_ms={times[int(len(times) * 0.9)] * 1000:.3f}")


if __name__ == "__main__":
    main()
