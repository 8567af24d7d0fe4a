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
import sys
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(__file__))
from common import ROOT, measure, serving  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="sqlite:" + os.path.join(ROOT, "bench", "data", "reports.db"))
    ap.add_argument("--orders", type=int, default=1000000)
    ap.add_argument("--port", type=int, default=18991)
    ap.add_argument("--samples", type=int, default=10)
    args = ap.parse_args()
    with serving(args.db, args.orders, args.port, "finance@demo.test") as (s, base):
        today = datetime.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
        year = {"from": str(today - datetime.timedelta(days=364)), "to": str(today)}
        month = {"from": str(today - datetime.timedelta(days=29)), "to": str(today)}
        n = args.samples
        revenue = base + "/api/v1/reports/revenue"
        year_totals = s.get(revenue, params=year).json()["totals"]
        print("year totals:", year_totals)
        results = [
            measure(s, revenue, [{**year, "group_by": "day"}] * n, "revenue, a year by day"),
            measure(s, revenue, [{**year, "group_by": "event"}] * n, "revenue, a year by event"),
            measure(s, revenue, [{**year, "group_by": "payment_method"}] * n, "revenue, a year by payment method"),
            measure(s, revenue, [{**year, "group_by": "ticket_type"}] * n, "revenue, a year by ticket type"),
            measure(s, revenue, [{**month, "group_by": "day"}] * n, "revenue, 30 days by day"),
            measure(s, base + "/api/v1/reports/revenue.csv", [{**year, "group_by": "day"}] * n, "revenue.csv, a year by day"),
            measure(s, base + "/api/v1/reports/reconciliation", [{**month, "limit": 200}] * n,
                    "reconciliation, 30 days (first 200 items)"),
            measure(s, base + "/api/v1/reports/reconciliation.csv", [month] * max(1, n // 5), "reconciliation.csv, 30 days"),
        ]
        print("\n| request | n | server p50 | server p99 | round trip p50 | round trip p99 | size |")
        print("|---|---|---|---|---|---|---|")
        for r in results:
            print(f"| {r['what']} | {r['n']} | {r['server_p50']:.0f} ms | {r['server_p99']:.0f} ms | "
                  f"{r['total_p50']:.0f} ms | {r['total_p99']:.0f} ms | {r['bytes'] / 1024:.0f} KiB |")


if __name__ == "__main__":
    main()
