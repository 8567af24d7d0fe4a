#!/usr/bin/python3
"""Soak: mixed traffic at 256 connections for 60 s — searches, details, resends, partial refunds, check-ins and
one import — then an account of everything: every refund the server accepted exists once, no order is refunded
beyond what was paid, every check-in was counted once, and every e-mail queued reached the SMTP server once.

    bench/soak.py [--db postgresql://…] [--orders 20000] [--seconds 60] [--connections 256]
"""
import argparse
import collections
import os
import random
import sys
import threading
import time
import uuid

import requests

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "server", "tests", "api"))
from support import Client, Mailbox, Server, new_database_url, sql, wait_until  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BINARY = os.path.join(ROOT, "build", "boxoffice")
EXPECTED = {"search": {200}, "detail": {200}, "resend": {202, 409, 429}, "refund": {201, 409, 422},
            "checkin": {200}, "import": {202, 200}}


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = collections.Counter()
        self.errors = []
        self.refunds = []      # (order number, idempotency key, refund id, amount)
        self.checkins = collections.defaultdict(collections.Counter)
        self.emails = []

    def record(self, kind, r):
        with self.lock:
            self.counts[kind, r.status_code] += 1
            if r.status_code not in EXPECTED[kind]:
                self.errors.append((kind, r.status_code, r.text[:200]))


def worker(base, cookies, csrf, numbers, barcodes, emails, deadline, tally):
    http = requests.Session()
    http.cookies.update(cookies)
    headers = {"X-CSRF-Token": csrf}
    rnd = random.Random()
    while time.monotonic() < deadline:
        roll = rnd.random()
        number = rnd.choice(numbers)
        try:
            if roll < 0.35:
                r = http.get(f"{base}/api/v1/orders", params={"q": rnd.choice(emails), "limit": 20})
                tally.record("search", r)
            elif roll < 0.65:
                tally.record("detail", http.get(f"{base}/api/v1/orders/{number}"))
            elif roll < 0.85:
                code = rnd.choice(barcodes)
                r = http.post(f"{base}/api/v1/checkin", json={"barcode": code}, headers=headers)
                tally.record("checkin", r)
                if r.status_code == 200:
                    with tally.lock:
                        tally.checkins[code][r.json()["result"]] += 1
            else:
                o = http.get(f"{base}/api/v1/orders/{number}").json()
                if roll < 0.90 and o["actions"]["resend"]["enabled"] and o["contact"]["email"]:
                    r = http.post(f"{base}/api/v1/orders/{number}/resend", json={"email": o["contact"]["email"]},
                                  headers=headers)
                    tally.record("resend", r)
                    if r.status_code == 202:
                        with tally.lock:
                            tally.emails.append(r.json()["email_id"])
                elif o["actions"]["refund"]["enabled"] and o["totals"]["refundable"] >= 100:
                    key = str(uuid.uuid4())
                    body = {"expected_version": o["version"], "amount": 100, "reason": "Soak test"}
                    r = http.post(f"{base}/api/v1/orders/{number}/refunds", json=body,
                                  headers={**headers, "Idempotency-Key": key})
                    tally.record("refund", r)
                    if r.status_code == 201:
                        again = http.post(f"{base}/api/v1/orders/{number}/refunds", json=body,
                                          headers={**headers, "Idempotency-Key": key})
                        assert again.status_code == 201 and again.json()["id"] == r.json()["id"], again.text
                        with tally.lock:
                            tally.refunds.append((number, key, r.json()["id"], 100))
        except requests.RequestException as e:
            with tally.lock:
                tally.errors.append(("connection", 0, str(e)[:200]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="sqlite")
    ap.add_argument("--orders", type=int, default=20000)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--connections", type=int, default=256)
    args = ap.parse_args()
    work = os.path.join(ROOT, "bench", "data", f"soak-{os.getpid()}")
    os.makedirs(work, exist_ok=True)
    db = new_database_url(args.db, os.path.join(work, "soak"))
    import subprocess
    subprocess.run([BINARY, "generate", "--db", db, "--orders", str(args.orders)], check=True,
                   capture_output=True)
    mailbox = Mailbox()
    # All workers and the admin come from one address, so the per-address connection cap is raised.
    extra = ["--rate-limit", "0", "--threads", "4", "--max-connections-per-client", "1024"]
    server = Server(db, work, demo=False, smtp=mailbox.url, extra=extra).start()
    try:
        finance = Client(server.url).login("finance@demo.test")
        admin = Client(server.url).login("admin@demo.test")
        orders = [o for o in finance.orders(limit=200, status="paid")]
        numbers = [o["number"] for o in orders]
        details = [finance.order(n) for n in numbers[:100]]
        barcodes = [t["barcode"] for d in details for t in d["tickets"] if t["status"] == "valid"]
        emails = [o["email"] for o in orders if o.get("email")]
        event = admin.get("/api/v1/events").json()["items"][0]
        ticket_type = admin.get(f"/api/v1/events/{event['id']}/ticket-types").json()["items"][0]
        csv = "order_ref,email,first_name,last_name,event,ticket_type\n" + "".join(
            f"SOAK-{i},soak{i}@example.com,Soak,Test{i},{event['id']},{ticket_type['name']}\n" for i in range(200))
        sent_before = int(sql(db, "SELECT COUNT(*) FROM emails WHERE status = 'sent'")[0][0])
        deadline = time.monotonic() + args.seconds
        tally = Tally()
        threads = [threading.Thread(target=worker, args=(server.url, finance.http.cookies, finance.csrf, numbers,
                                                         barcodes, emails, deadline, tally))
                   for _ in range(args.connections)]
        for t in threads:
            t.start()
        up = admin.request("POST", "/api/v1/imports?file_name=soak.csv", data=csv.encode(),
                           headers={"Content-Type": "text/csv"})
        tally.record("import", up)
        import_id = up.json()["id"]
        wait_until(lambda: admin.get(f"/api/v1/imports/{import_id}").json()["status"] == "ready", timeout=120,
                   what="the import to be validated")
        tally.record("import", admin.post(f"/api/v1/imports/{import_id}/commit", {}))
        for t in threads:
            t.join()
        requests_done = sum(tally.counts.values())

        # The account.
        problems = list(tally.errors)
        for number, key, refund_id, amount in tally.refunds:
            rows = sql(db, f"SELECT COUNT(*) FROM refunds WHERE idempotency_key = '{key}'")
            if int(rows[0][0]) != 1:
                problems.append(("refund key", key, rows))
        over = sql(db, "SELECT o.number FROM orders o WHERE (SELECT COALESCE(SUM(r.amount), 0) FROM refunds r "
                       "WHERE r.order_id = o.id AND r.status <> 'failed') > "
                       "(SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.order_id = o.id)")
        if over:
            problems.append(("refunded beyond paid", over[:5]))
        for code, results in tally.checkins.items():
            if results["valid"] > 1:
                problems.append(("checked in twice", code, dict(results)))
        counted = sql(db, "SELECT COUNT(*) FROM tickets WHERE checked_in_at IS NOT NULL")
        queued = len(tally.emails)
        drain_started = time.monotonic()
        wait_until(lambda: int(sql(db, "SELECT COUNT(*) FROM emails WHERE status IN ('queued', 'sending')")[0][0]) == 0,
                   timeout=1200, what="the outbox to empty")
        drained = time.monotonic() - drain_started
        sent_ids = [m["message"]["Message-ID"] for m in mailbox.messages]
        if len(sent_ids) != len(set(sent_ids)):
            problems.append(("an e-mail delivered twice", len(sent_ids) - len(set(sent_ids))))
        failed = sql(db, "SELECT COUNT(*) FROM emails WHERE status = 'failed'")[0][0]
        sent_now = int(sql(db, "SELECT COUNT(*) FROM emails WHERE status = 'sent'")[0][0]) - sent_before
        if sent_now != len(sent_ids):
            problems.append(("e-mails marked sent vs delivered", sent_now, len(sent_ids)))
        imported = int(sql(db, "SELECT COUNT(*) FROM orders WHERE external_ref LIKE 'SOAK-%'")[0][0])
        print(f"{requests_done} requests in {args.seconds} s at {args.connections} connections "
              f"({requests_done / args.seconds:.0f}/s): " +
              ", ".join(f"{k} {s}: {n}" for (k, s), n in sorted(tally.counts.items())))
        print(f"refunds accepted {len(tally.refunds)} (each key once, retried once each), check-ins counted "
              f"{counted[0][0]}, resends queued {queued}, e-mails delivered {len(sent_ids)} "
              f"(unique {len(set(sent_ids))}) {drained:.0f} s after the traffic, failed {failed}; imported orders {imported}")
        print(f"problems: {len(problems)}")
        for p in problems[:20]:
            print("  ", p)
        sys.exit(1 if problems else 0)
    finally:
        server.stop()
        mailbox.stop()


if __name__ == "__main__":
    main()
