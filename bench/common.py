"""What the latency benchmarks share: a server on a generated database, logged in, and p50/p99 of the
server's own time (Server-Timing) and of the round trip."""
import contextlib
import os
import subprocess
import time

import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BINARY = os.path.join(ROOT, "build", "boxoffice")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure(session, url, params_list, label):
    """GETs `url` (or `url(params)` when it is callable) once per entry of params_list."""
    server, total = [], []
    for params in params_list:
        t0 = time.perf_counter()
        r = session.get(url(params) if callable(url) else url, params=None if callable(url) else params)
        total.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, r.text
        server.append(float(r.headers["Server-Timing"].split("dur=")[1]))
    return {"what": label, "n": len(server), "server_p50": percentile(server, 50), "server_p99": percentile(server, 99),
            "total_p50": percentile(total, 50), "total_p99": percentile(total, 99), "bytes": len(r.content)}


@contextlib.contextmanager
def serving(db, orders, port, email, extra=()):
    """A server on `db` (generated with `orders` orders first when the SQLite file is missing), with a session
    of `email` (its `server_pid` is the server's process); yields (session, base URL)."""
    path = db[len("sqlite:"):] if db.startswith("sqlite:") else None
    if path and not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        t0 = time.time()
        subprocess.run([BINARY, "generate", "--db", db, "--orders", str(orders)], check=True)
        print(f"generate --orders {orders}: {time.time() - t0:.1f} s")
    server = subprocess.Popen([BINARY, "serve", "--db", db, "--port", str(port), "--threads", "2",
                               "--address", "127.0.0.1", "--rate-limit", "0", *extra],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):  # migrations on a large database take a while
            try:
                if requests.get(base + "/healthz", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        s = requests.Session()
        s.post(base + "/api/v1/session", json={"email": email, "password": "boxoffice-demo"}).raise_for_status()
        s.server_pid = server.pid
        yield s, base
    finally:
        server.terminate()
        server.wait()


def memory_kib(pid, field):
    """VmRSS (now) or VmHWM (peak) of a process, in KiB."""
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field + ":"))
