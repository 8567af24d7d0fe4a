#!/usr/bin/python3
"""Order API latency at scale: detail, first list page and each search kind, p50/p99 of the server's own
time (Server-Timing) and of the round trip, on a database generated with `boxoffice generate`.

    bench/orders.py --db sqlite:bench/data/orders.db --orders 1000000
"""
import argparse
import os
import random
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import ROOT, measure, serving  # noqa: E402


def sample_targets(path, n):
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT o.number, o.email, o.first_name, o.last_name, o.mobile, t.barcode FROM orders o "
        "JOIN tickets t ON t.order_id = o.id WHERE o.id IN (SELECT abs(random()) % (SELECT max(id) FROM orders) "
        "FROM tickets LIMIT ?) GROUP BY o.id", (n,)).fetchall()
    refs = [r[0] for r in con.execute("SELECT external_ref FROM orders WHERE external_ref IS NOT NULL LIMIT 200")]
    con.close()
    return rows, refs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="sqlite:" + os.path.join(ROOT, "bench", "data", "orders.db"))
    ap.add_argument("--orders", type=int, default=1000000)
    ap.add_argument("--port", type=int, default=18990)
    ap.add_argument("--samples", type=int, default=500)
    ap.add_argument("--wrk-seconds", type=int, default=10)
    args = ap.parse_args()
    path = args.db[len("sqlite:"):]
    with serving(args.db, args.orders, args.port, "viewer@demo.test") as (s, base):
        rows, refs = sample_targets(path, args.samples)
        random.seed(7)
        results = [
            measure(s, lambda p: f"{base}/api/v1/orders/{p}", [r[0] for r in rows], "order detail"),
            measure(s, base + "/api/v1/orders", [{"limit": 50}] * len(rows), "list, first page (50)"),
            measure(s, base + "/api/v1/orders", [{"status": "pending", "limit": 50}] * len(rows), "list, status filter"),
            measure(s, base + "/api/v1/orders", [{"q": r[0]} for r in rows], "search: order number"),
            measure(s, base + "/api/v1/orders", [{"q": r[1]} for r in rows], "search: e-mail"),
            measure(s, base + "/api/v1/orders", [{"q": f"{r[2]} {r[3]}"} for r in rows], "search: full name"),
            measure(s, base + "/api/v1/orders", [{"q": r[3]} for r in rows], "search: last name"),
            measure(s, base + "/api/v1/orders", [{"q": r[4]} for r in rows], "search: phone"),
            measure(s, base + "/api/v1/orders", [{"q": r[5]} for r in rows], "search: barcode"),
        ]
        if refs:
            results.append(measure(s, base + "/api/v1/orders", [{"q": r} for r in refs], "search: external reference"))
        print(f"\n| request | n | server p50 | server p99 | round trip p50 | round trip p99 |")
        print("|---|---|---|---|---|---|")
        for r in results:
            print(f"| {r['what']} | {r['n']} | {r['server_p50']:.2f} ms | {r['server_p99']:.2f} ms | "
                  f"{r['total_p50']:.2f} ms | {r['total_p99']:.2f} ms |")
        cookie = s.cookies.get("bo_session")
        numbers = [r[0] for r in rows]
        script = os.path.join(os.path.dirname(path), "detail.lua")
        with open(script, "w") as f:
            f.write("numbers = {" + ",".join(f'"{n}"' for n in numbers) + "}\n"
                    "i = 0\nrequest = function()\n  i = i % #numbers + 1\n"
                    f'  return wrk.format("GET", "/api/v1/orders/" .. numbers[i], {{["Cookie"]="bo_session={cookie}"}})\n'
                    "end\n")
        out = subprocess.run(["wrk", "-t1", "-c32", f"-d{args.wrk_seconds}s", "-s", script, base],
                             capture_output=True, text=True).stdout
        print("\nwrk -t1 -c32, order detail of random orders:\n" + out)


if __name__ == "__main__":
    main()
