#!/usr/bin/python3
"""Report latency at scale: the revenue report for a year in each grouping, for a month, its CSV, and the
reconciliation of a month, p50/p99 of the server's own time (Server-Timing) and of the round trip, on a
database generated with `boxoffice generate` (orders spread over the last year, with refunds and
cancellations).

    bench/reports.py --db sqlite:bench/data/reports.db --orders 1000000
"""
import argparse
import datetime
import os
import subprocess
import time
from zoneinfo import ZoneInfo

import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BINARY = os.path.join(ROOT, "build", "boxoffice")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure(session, url, params, label, n):
    server, total = [], []
    for _ in range(n):
        t0 = time.perf_counter()
        r = session.get(url, params=params)
        total.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, r.text
        server.append(float(r.headers["Server-Timing"].split("dur=")[1]))
    return {"what": label, "n": n, "server_p50": percentile(server, 50), "server_p99": percentile(server, 99),
            "total_p50": percentile(total, 50), "total_p99": percentile(total, 99), "bytes": len(r.content)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="sqlite:" + os.path.join(ROOT, "bench", "data", "reports.db"))
    ap.add_argument("--orders", type=int, default=1000000)
    ap.add_argument("--port", type=int, default=18991)
    ap.add_argument("--samples", type=int, default=10)
    args = ap.parse_args()
    if args.db.startswith("sqlite:") and not os.path.exists(args.db[len("sqlite:"):]):
        os.makedirs(os.path.dirname(args.db[len("sqlite:"):]), exist_ok=True)
        t0 = time.time()
        subprocess.run([BINARY, "generate", "--db", args.db, "--orders", str(args.orders)], check=True)
        print(f"generate --orders {args.orders}: {time.time() - t0:.1f} s")
    server = subprocess.Popen([BINARY, "serve", "--db", args.db, "--port", str(args.port), "--threads", "2",
                               "--address", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(300):
            try:
                if requests.get(base + "/healthz", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        s = requests.Session()
        s.post(base + "/api/v1/session", json={"email": "finance@demo.test", "password": "boxoffice-demo"}).raise_for_status()
        today = datetime.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
        year = {"from": str(today - datetime.timedelta(days=364)), "to": str(today)}
        month = {"from": str(today - datetime.timedelta(days=29)), "to": str(today)}
        n = args.samples
        revenue = base + "/api/v1/reports/revenue"
        year_totals = s.get(revenue, params=year).json()["totals"]
        print("year totals:", year_totals)
        results = [
            measure(s, revenue, {**year, "group_by": "day"}, "revenue, a year by day", n),
            measure(s, revenue, {**year, "group_by": "event"}, "revenue, a year by event", n),
            measure(s, revenue, {**year, "group_by": "payment_method"}, "revenue, a year by payment method", n),
            measure(s, revenue, {**year, "group_by": "ticket_type"}, "revenue, a year by ticket type", n),
            measure(s, revenue, {**month, "group_by": "day"}, "revenue, 30 days by day", n),
            measure(s, base + "/api/v1/reports/revenue.csv", {**year, "group_by": "day"}, "revenue.csv, a year by day", n),
            measure(s, base + "/api/v1/reports/reconciliation", {**month, "limit": 200},
                    "reconciliation, 30 days (first 200 items)", n),
            measure(s, base + "/api/v1/reports/reconciliation.csv", month, "reconciliation.csv, 30 days", max(1, n // 5)),
        ]
        print("\n| request | n | server p50 | server p99 | round trip p50 | round trip p99 | size |")
        print("|---|---|---|---|---|---|---|")
        for r in results:
            print(f"| {r['what']} | {r['n']} | {r['server_p50']:.0f} ms | {r['server_p99']:.0f} ms | "
                  f"{r['total_p50']:.0f} ms | {r['total_p99']:.0f} ms | {r['bytes'] / 1024:.0f} KiB |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
