#!/usr/bin/python3
"""Throughput of a cluster (scripts/cluster: PostgreSQL, N nodes, HAProxy) with 1, 2 and 3 nodes: order detail
of random orders and check-in of distinct tickets, each with wrk through HAProxy, on a PostgreSQL database
generated with `boxoffice generate`.

    bench/cluster.py --orders 200000
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import requests

sys.path.insert(0, os.path.dirname(__file__))
from common import BINARY, ROOT  # noqa: E402

PG = os.path.join(ROOT, "scripts", "postgres-for-tests")
CLUSTER = os.path.join(ROOT, "scripts", "cluster")


# Appended to a script with --statuses: counts the answers that are not 2xx by status and keeps the last body.
STATUS_HOOK = """
threads_seen = {}
local setup_before = setup
setup = function(thread)
  if setup_before then setup_before(thread) end
  threads_seen[#threads_seen + 1] = thread
end
statuses = {}
response = function(status, headers, body)
  if status >= 300 then statuses[status] = (statuses[status] or 0) + 1; last_body = body end
end
done = function(summary, latency, requests)
  for _, t in ipairs(threads_seen) do
    for status, n in pairs(t:get("statuses")) do io.write("status ", status, " ", n, "\\n") end
    local body = t:get("last_body")
    if body then io.write("body ", body, "\\n") end
  end
end
"""


def wrk(base, script, seconds, connections, statuses=False):
    if statuses:
        with open(script, "a") as f:
            f.write(STATUS_HOOK)
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script, base],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith(("status ", "body ")):
            print("   ", line, flush=True)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    latency = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", out)
    return rate, int(non_2xx.group(1)) if non_2xx else 0, latency.group(1), latency.group(3)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=200000)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--port", type=int, default=18400)
    ap.add_argument("--statuses", action="store_true", help="print the answers that are not 2xx (slows wrk down)")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="boxoffice-bench-cluster-")
    os.chmod(work, 0o755)
    pg_dir = os.path.join(work, "pg")
    admin = subprocess.run([PG, "start", pg_dir, str(args.port + 200)], capture_output=True, text=True,
                           check=True).stdout.strip()
    db = admin.rsplit("/", 1)[0] + "/boxoffice"
    env = {**os.environ, "BOXOFFICE_CLUSTER_DIR": os.path.join(work, "cluster"),
           "BOXOFFICE_CLUSTER_PORT": str(args.port), "BOXOFFICE_CLUSTER_DB": db, "BOXOFFICE_CLUSTER_DEMO": "0",
           "BOXOFFICE_CLUSTER_ARGS": "--rate-limit 0"}
    try:
        subprocess.run(["psql", admin, "-qc", "CREATE DATABASE boxoffice"], check=True, capture_output=True)
        subprocess.run([BINARY, "generate", "--db", db, "--orders", str(args.orders)], check=True)
        numbers = [line for line in subprocess.run(
            ["psql", db, "-At", "-c", "SELECT o.number FROM orders o JOIN organisations g ON g.id = o.organisation_id "
             "WHERE g.slug = 'demo' ORDER BY random() LIMIT 2000"],
            capture_output=True, text=True, check=True).stdout.split()]
        barcodes = subprocess.run(
            ["psql", db, "-At", "-c", "SELECT t.barcode FROM tickets t JOIN orders o ON o.id = t.order_id "
             "JOIN organisations g ON g.id = o.organisation_id WHERE g.slug = 'demo' AND "
             "t.status = 'valid' AND t.checked_in_at IS NULL AND o.status = 'paid' ORDER BY random() LIMIT 400000"],
            capture_output=True, text=True, check=True).stdout.split()
        print(f"| nodes | order detail req/s | latency avg / max | check-in req/s | latency avg / max | non-2xx |")
        print("|---|---|---|---|---|---|")
        for nodes in (1, 2, 3):
            base = subprocess.run([CLUSTER, "up", str(nodes)], env=env, capture_output=True, text=True,
                                  check=True).stdout.strip()
            s = requests.Session()
            csrf = s.post(base + "/api/v1/session", json={"email": "support@demo.test",
                                                          "password": "boxoffice-demo"}).json()["csrf_token"]
            cookie = s.cookies.get("bo_session")
            # The scripts read their lists from files (LuaJIT limits the constants of one chunk).
            with open(os.path.join(work, "numbers.txt"), "w") as f:
                f.write("\n".join(numbers) + "\n")
            # Each run scans tickets no earlier run scanned: every answer is a first, valid scan.
            with open(os.path.join(work, "codes.txt"), "w") as f:
                f.write("\n".join(barcodes[(nodes - 1) * len(barcodes) // 3:nodes * len(barcodes) // 3]) + "\n")
            detail = os.path.join(work, "detail.lua")
            with open(detail, "w") as f:
                f.write(f'numbers = {{}}\nfor line in io.lines("{work}/numbers.txt") do numbers[#numbers + 1] = line end\n'
                        "i = 0\nrequest = function()\n  i = i % #numbers + 1\n"
                        f'  return wrk.format("GET", "/api/v1/orders/" .. numbers[i], {{["Cookie"]="bo_session={cookie}"}})\n'
                        "end\n")
            checkin = os.path.join(work, "checkin.lua")
            with open(checkin, "w") as f:
                f.write(f'codes = {{}}\nfor line in io.lines("{work}/codes.txt") do codes[#codes + 1] = line end\n'
                        # two wrk threads: one takes the even places, the other the odd ones
                        "local threads = 0\n"
                        "setup = function(thread) thread:set('id', threads); threads = threads + 1 end\n"
                        "request = function()\n  i = (i or id) + 2\n  local k = i % #codes + 1\n"
                        '  return wrk.format("POST", "/api/v1/checkin", {["Cookie"]="bo_session=' + cookie +
                        '", ["X-CSRF-Token"]="' + csrf + '", ["Content-Type"]="application/json"}, '
                        "'{\"barcode\":\"' .. codes[k] .. '\"}')\nend\n")
            d = wrk(base, detail, args.seconds, args.connections, args.statuses)
            c = wrk(base, checkin, args.seconds, args.connections, args.statuses)
            print(f"| {nodes} | {d[0]:,.0f} | {d[2]} / {d[3]} | {c[0]:,.0f} | {c[2]} / {c[3]} | {d[1] + c[1]} |",
                  flush=True)
        scanned = subprocess.run(["psql", db, "-At", "-c", "SELECT count(*) FROM tickets WHERE checked_in_at IS NOT NULL"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        print(f"\ntickets checked in at the end: {scanned}")
    finally:
        subprocess.run([CLUSTER, "down"], env=env, capture_output=True)
        subprocess.run([PG, "stop", pg_dir], capture_output=True)


if __name__ == "__main__":
    main()
