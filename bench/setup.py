#!/usr/bin/python3
"""Organisation setup reads at scale: the event list with its order and ticket counts (the orders page loads
it for its filter), one event with its ticket types, the settings, users and the audit log; p50/p99 of the
server's own time (Server-Timing) and of the round trip, on a database generated with `boxoffice generate`.

    bench/setup.py --db sqlite:bench/data/orders.db --orders 1000000
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import measure, serving  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="sqlite:" + os.path.join(os.path.dirname(__file__), "data", "orders.db"))
    ap.add_argument("--orders", type=int, default=1000000)
    ap.add_argument("--port", type=int, default=18991)
    ap.add_argument("--samples", type=int, default=200)
    args = ap.parse_args()
    with serving(args.db, args.orders, args.port, "admin@demo.test") as (s, base):
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


if __name__ == "__main__":
    main()
