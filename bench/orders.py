#!/usr/bin/python3
"""Order API latency at scale: detail, first list page and each search kind, p50/p99 of the server's own
time (Server-Timing) and of the round trip, on a database generated with `boxoffice generate`.

    bench/orders.py --db sqlite:bench/data/orders.db --orders 1000000
"""
import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time

import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BINARY = os.path.join(ROOT, "build", "boxoffice")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def sample_targets(path, n):
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT o.number, o.email, o.first_name, o.last_name, o.mobile, t.barcode FROM orders o "
        "JOIN tickets t ON t.order_id = o.id WHERE o.id IN (SELECT abs(random()) % (SELECT max(id) FROM orders) "
        "FROM tickets LIMIT ?) GROUP BY o.id", (n,)).fetchall()
    refs = [r[0] for r in con.execute("SELECT external_ref FROM orders WHERE external_ref IS NOT NULL LIMIT 200")]
    con.close()
    return rows, refs


def measure(session, url, params_list, label):
    server, total = [], []
    for params in params_list:
        t0 = time.perf_counter()
        r = session.get(url(params) if callable(url) else url, params=None if callable(url) else params)
        total.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, r.text
        server.append(float(r.headers["Server-Timing"].split("dur=")[1]))
    return {"what": label, "n": len(server), "server_p50": percentile(server, 50), "server_p99": percentile(server, 99),
            "total_p50": percentile(total, 50), "total_p99": percentile(total, 99)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="sqlite:" + os.path.join(ROOT, "bench", "data", "orders.db"))
    ap.add_argument("--orders", type=int, default=1000000)
    ap.add_argument("--port", type=int, default=18990)
    ap.add_argument("--samples", type=int, default=500)
    ap.add_argument("--wrk-seconds", type=int, default=10)
    args = ap.parse_args()
    path = args.db[len("sqlite:"):]
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        t0 = time.time()
        subprocess.run([BINARY, "generate", "--db", args.db, "--orders", str(args.orders)], check=True)
        print(f"generate --orders {args.orders}: {time.time() - t0:.1f} s")
    server = subprocess.Popen([BINARY, "serve", "--db", args.db, "--port", str(args.port), "--threads", "2",
                               "--address", "127.0.0.1", "--rate-limit", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(200):
            try:
                if requests.get(base + "/healthz", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        s = requests.Session()
        s.post(base + "/api/v1/session", json={"email": "viewer@demo.test", "password": "boxoffice-demo"}).raise_for_status()
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
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
