#!/usr/bin/env python3
"""The memory of one idle backend after a pgbench-like run.

Runs psql (the command after "--") as a client, sends it TRANSACTIONS
pgbench TPC-B transactions through prepared statements (what `pgbench -M
prepared` sends) and as many select-only ones through the simple protocol,
asks the backend's pid, and while the session sits idle reads the backend's
/proc/PID/smaps_rollup.  Prints one line:

  NAME: anon_kb=… pss_kb=… rss_kb=… private_kb=…

anon_kb (private anonymous pages: malloc'd and palloc'd memory, stacks) is
the backend's own memory, what each more connection costs; pss_kb charges it
also its share of the shared pages it touched (shared buffers, the binary);
private_kb counts every page only it touched, shared memory included.

  idle_memory.py NAME SCALE TRANSACTIONS -- psql -X -h … -p … -U … DB
"""
import random
import subprocess
import sys
import threading
import time


def workload(scale, transactions):
    naccounts = 100000 * scale
    yield ("PREPARE tpcb_u1(int, int) AS UPDATE pgbench_accounts "
           "SET abalance = abalance + $1 WHERE aid = $2;")
    yield "PREPARE tpcb_s(int) AS SELECT abalance FROM pgbench_accounts WHERE aid = $1;"
    yield ("PREPARE tpcb_u2(int, int) AS UPDATE pgbench_tellers "
           "SET tbalance = tbalance + $1 WHERE tid = $2;")
    yield ("PREPARE tpcb_u3(int, int) AS UPDATE pgbench_branches "
           "SET bbalance = bbalance + $1 WHERE bid = $2;")
    yield ("PREPARE tpcb_i(int, int, int, int) AS INSERT INTO pgbench_history "
           "(tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP);")
    rng = random.Random(15)
    for _ in range(transactions):
        aid = rng.randint(1, naccounts)
        bid = rng.randint(1, scale)
        tid = rng.randint(1, 10 * scale)
        delta = rng.randint(-5000, 5000)
        yield "BEGIN;"
        yield f"EXECUTE tpcb_u1({delta}, {aid});"
        yield f"EXECUTE tpcb_s({aid});"
        yield f"EXECUTE tpcb_u2({delta}, {tid});"
        yield f"EXECUTE tpcb_u3({delta}, {bid});"
        yield f"EXECUTE tpcb_i({tid}, {bid}, {aid}, {delta});"
        yield "END;"
        yield ("SELECT abalance FROM pgbench_accounts WHERE aid = "
               f"{rng.randint(1, naccounts)};")


def main():
    sep = sys.argv.index("--")
    name, scale, transactions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    psql = sys.argv[sep + 1:] + ["-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
    proc = subprocess.Popen(psql, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)

    def feed():
        for line in workload(scale, transactions):
            proc.stdin.write(line + "\n")
        # The workload's own output is skipped; the pid follows a marker.
        proc.stdin.write("SELECT 'pid-follows';\nSELECT pg_backend_pid();\n")
        proc.stdin.flush()

    # Written from a thread, so that psql never blocks on a full stdout.
    writer = threading.Thread(target=feed)
    writer.start()
    pid = None
    for line in proc.stdout:
        if line.strip() == "pid-follows":
            pid = int(proc.stdout.readline())
            break
    writer.join()
    if pid is None:
        proc.kill()
        sys.exit(f"{name}: the workload failed: {proc.stderr.read().strip()}")
    time.sleep(1)  # idle, between statements
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1])
    proc.stdin.close()
    proc.wait()
    private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    print(f"{name}: anon_kb={fields.get('Anonymous', 0)} pss_kb={fields.get('Pss', 0)} "
          f"rss_kb={fields.get('Rss', 0)} private_kb={private}")


if __name__ == "__main__":
    main()
