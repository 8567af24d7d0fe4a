#!/usr/bin/python3
"""Request limits under attack (ADR 0006): 100 parallel unauthenticated 100 MB bodies, then 2,000 idle
connections from one client address, each while a logged-in user reads order details. Records the server's
peak memory and the detail's p50/p99 (server time and round trip) during each attack.

    bench/limits.py --db sqlite:bench/data/limits.db --orders 100000
"""
import argparse
import os
import random
import resource
import socket
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from common import ROOT, memory_kib, percentile, serving  # noqa: E402

BODY = 100 * 1024 * 1024


def big_body(port, stop):
    """Announces a 100 MB body to the log-in route and sends it until the server ends the connection."""
    head = (b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % BODY)
    block = b"x" * 65536
    answered = None
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(head)
            sent = 0
            while sent < BODY and not stop.is_set():
                s.sendall(block)
                sent += len(block)
    except OSError:
        answered = "closed"
    return answered


def detail_latencies(s, base, numbers, stop):
    server, total = [], []
    i = 0
    while not stop.is_set():
        t0 = time.perf_counter()
        r = s.get(f"{base}/api/v1/orders/{numbers[i % len(numbers)]}")
        total.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, r.text
        server.append(float(r.headers["Server-Timing"].split("dur=")[1]))
        i += 1
    return server, total


def under_attack(s, base, numbers, attack, label):
    stop = threading.Event()
    result = {}
    reader = threading.Thread(target=lambda: result.update(lat=detail_latencies(s, base, numbers, stop)))
    reader.start()
    t0 = time.time()
    attack(stop)
    stop.set()
    reader.join()
    server, total = result["lat"]
    return {"what": label, "seconds": time.time() - t0, "n": len(server),
            "server_p50": percentile(server, 50), "server_p99": percentile(server, 99),
            "total_p50": percentile(total, 50), "total_p99": percentile(total, 99)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="sqlite:" + os.path.join(ROOT, "bench", "data", "limits.db"))
    ap.add_argument("--orders", type=int, default=100000)
    ap.add_argument("--port", type=int, default=18991)
    ap.add_argument("--bodies", type=int, default=100)
    ap.add_argument("--idle", type=int, default=2000)
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    path = args.db[len("sqlite:"):]
    with serving(args.db, args.orders, args.port, "viewer@demo.test") as (s, base):
        con = sqlite3.connect(path)
        numbers = [r[0] for r in con.execute("SELECT number FROM orders ORDER BY random() LIMIT 500")]
        con.close()
        pid = s.server_pid
        for n in numbers[:50]:
            s.get(f"{base}/api/v1/orders/{n}")
        rss_before, peak_before = memory_kib(pid, "VmRSS"), memory_kib(pid, "VmHWM")

        def bodies(stop):
            threads = [threading.Thread(target=big_body, args=(args.port, stop)) for _ in range(args.bodies)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        quiet = under_attack(s, base, numbers, lambda stop: time.sleep(5), "no attack (5 s)")
        attacked = under_attack(s, base, numbers, bodies, f"{args.bodies} parallel 100 MB bodies, no log-in")
        peak_after = memory_kib(pid, "VmHWM")

        def idle(stop):
            held, refused = [], 0
            for _ in range(args.idle):
                try:
                    held.append(socket.create_connection(("127.0.0.1", args.port), timeout=5,
                                                         source_address=("127.0.0.2", 0)))
                except OSError:
                    refused += 1
            time.sleep(5)
            open_ = 0
            for sock in held:
                sock.setblocking(False)
                try:
                    open_ += sock.recv(1) != b""
                except BlockingIOError:
                    open_ += 1
                except OSError:
                    pass
                sock.close()
            idle.stats = (len(held), open_)
        crowded = under_attack(s, base, numbers, idle, f"{args.idle} idle connections from one address")
        print(f"\nserver memory: resident {rss_before / 1024:.0f} MB before, peak {peak_before / 1024:.0f} MB before, "
              f"peak {peak_after / 1024:.0f} MB after the bodies (+{(peak_after - peak_before) / 1024:.1f} MB)")
        print(f"idle connections: {idle.stats[0]} opened, {idle.stats[1]} still open after 5 s")
        print("\n| while | s | details | server p50 | server p99 | round trip p50 | round trip p99 |")
        print("|---|---|---|---|---|---|---|")
        for r in (quiet, attacked, crowded):
            print(f"| {r['what']} | {r['seconds']:.1f} | {r['n']} | {r['server_p50']:.2f} ms | {r['server_p99']:.2f} ms | "
                  f"{r['total_p50']:.2f} ms | {r['total_p99']:.2f} ms |")


if __name__ == "__main__":
    main()
