#!/usr/bin/python3
"""The agent interface's order detail at scale: `get_order` through Streamable HTTP at /mcp next to the same
order through the REST API, p50/p99 of the server's own time (Server-Timing) and of the round trip, on a
database generated with `boxoffice generate`.

    bench/mcp.py --db sqlite:bench/data/orders.db --orders 1000000
"""
import argparse
import os
import sys
import time

import requests

sys.path.insert(0, os.path.dirname(__file__))
from common import ROOT, measure, percentile, serving  # noqa: E402
from orders import sample_targets  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="sqlite:" + os.path.join(ROOT, "bench", "data", "orders.db"))
    ap.add_argument("--orders", type=int, default=1000000)
    ap.add_argument("--port", type=int, default=18991)
    ap.add_argument("--samples", type=int, default=500)
    args = ap.parse_args()
    with serving(args.db, args.orders, args.port, "admin@demo.test") as (s, base):
        csrf = s.post(base + "/api/v1/session", json={"email": "admin@demo.test", "password": "boxoffice-demo"}).json()["csrf_token"]
        made = s.post(base + "/api/v1/tokens", json={"name": f"bench {time.time()}", "role": "viewer"},
                      headers={"X-CSRF-Token": csrf})
        made.raise_for_status()
        agent = requests.Session()
        agent.headers.update({"Authorization": "Bearer " + made.json()["token"], "Content-Type": "application/json",
                              "Accept": "application/json, text/event-stream"})
        r = agent.post(base + "/mcp", json={"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
        r.raise_for_status()
        agent.headers["Mcp-Session-Id"] = r.headers["Mcp-Session-Id"]
        agent.headers["MCP-Protocol-Version"] = "2025-11-25"
        numbers = [row[0] for row in sample_targets(args.db[len("sqlite:"):], args.samples)[0]]

        server, total = [], []
        for i, number in enumerate(numbers):
            t0 = time.perf_counter()
            r = agent.post(base + "/mcp", json={"jsonrpc": "2.0", "id": i + 1, "method": "tools/call",
                                                "params": {"name": "get_order", "arguments": {"number": number}}})
            total.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200 and "isError" not in r.json()["result"], r.text
            server.append(float(r.headers["Server-Timing"].split("dur=")[1]))
        mcp = {"what": "MCP tools/call get_order", "n": len(server), "server_p50": percentile(server, 50),
               "server_p99": percentile(server, 99), "total_p50": percentile(total, 50),
               "total_p99": percentile(total, 99), "bytes": len(r.content)}
        rest = measure(s, lambda p: f"{base}/api/v1/orders/{p}", numbers, "REST GET /api/v1/orders/{number}")
        print("\n| request | n | server p50 | server p99 | round trip p50 | round trip p99 | size |")
        print("|---|---|---|---|---|---|---|")
        for x in (mcp, rest):
            print(f"| {x['what']} | {x['n']} | {x['server_p50']:.2f} ms | {x['server_p99']:.2f} ms | "
                  f"{x['total_p50']:.2f} ms | {x['total_p99']:.2f} ms | {x['bytes']:,} B |")


if __name__ == "__main__":
    main()
