#!/usr/bin/python3
"""Organisation setup reads at scale: the event list with its order and ticket counts (the orders page loads
it for its filter), one event with its ticket types, the settings, users and the audit log; p50/p99 of the
server's own time (Server-Timing) and of the round trip, on a database generated with `boxoffice generate`.

    bench/setup.py --db sqlite:bench/data/orders.db --orders 1000000
"""
import argparse
import os
import subprocess
import sys
import time

import requests

sys.path.insert(0, os.path.dirname(__file__))
from orders import BINARY, measure  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="sqlite:" + os.path.join(os.path.dirname(__file__), "data", "orders.db"))
    ap.add_argument("--orders", type=int, default=1000000)
    ap.add_argument("--port", type=int, default=18991)
    ap.add_argument("--samples", type=int, default=200)
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
        for _ in range(200):
            try:
                if requests.get(base + "/healthz", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        s = requests.Session()
        s.post(base + "/api/v1/session", json={"email": "admin@demo.test", "password": "boxoffice-demo"}).raise_for_status()
        events = s.get(base + "/api/v1/events").json()["items"]
        biggest = max(events, key=lambda e: e["order_count"])
        print(f"{len(events)} events; the biggest has {biggest['order_count']} orders, "
              f"{biggest['tickets_sold']} tickets sold")
        n = args.samples
        results = [
            measure(s, base + "/api/v1/events", [{}] * n, "event list with counts"),
            measure(s, base + "/api/v1/events", [{"counts": "false"}] * n, "event list, counts=false"),
            measure(s, f"{base}/api/v1/events/{biggest['id']}", [{}] * n, "biggest event with ticket types"),
            measure(s, base + "/api/v1/organisation", [{}] * n, "organisation settings"),
            measure(s, base + "/api/v1/users", [{}] * n, "users"),
            measure(s, base + "/api/v1/audit-log", [{"limit": 50}] * n, "audit log, first page"),
        ]
        print("\n| request | n | server p50 | server p99 | round trip p50 | round trip p99 |")
        print("|---|---|---|---|---|---|")
        for r in results:
            print(f"| {r['what']} | {r['n']} | {r['server_p50']:.2f} ms | {r['server_p99']:.2f} ms | "
                  f"{r['total_p50']:.2f} ms | {r['total_p99']:.2f} ms |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
