"""Three `serve` nodes on one PostgreSQL database behind HAProxy (scripts/cluster), with a real SMTP server:
mixed work from several clients while one node is killed with kill -9 and started again, then the database
and the mailbox are checked for anything lost or done twice."""
import glob
import os
import random
import socket
import subprocess
import sys
import threading
import uuid

import pytest
import requests

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "api"))
from import_files import csv_text, upload, wait_final  # noqa: E402
from support import ROOT, Client, Mailbox, Server, new_database_url, sql, wait_until  # noqa: E402

CLUSTER = os.path.join(ROOT, "scripts", "cluster")


def free_base_port():
    """A port P such that P..P+3, P+99 and P+100 are free (HAProxy, three nodes, stats, PostgreSQL)."""
    for _ in range(200):
        base = random.randrange(20000, 60000, 200)
        try:
            for p in (base, base + 1, base + 2, base + 3, base + 99, base + 100):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", p))
            return base
        except OSError:
            continue
    raise RuntimeError("no free ports")


class Cluster:
    def __init__(self, directory, smtp):
        self.port = free_base_port()
        self.env = {**os.environ, "BOXOFFICE_CLUSTER_DIR": directory, "BOXOFFICE_CLUSTER_PORT": str(self.port),
                    "BOXOFFICE_CLUSTER_ARGS": f"--smtp {smtp} --rate-limit 0"}
        self.directory = directory

    def up(self, nodes):
        self.url = self.run("up", str(nodes))
        self.db_url = open(os.path.join(self.directory, "db_url")).read().strip()

    def run(self, *args):
        out = subprocess.run([CLUSTER, *args], env=self.env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stdout + out.stderr
        return out.stdout.strip()

    def node(self, i):
        return f"http://127.0.0.1:{self.port + i}"


@pytest.fixture(scope="module")
def mailbox():
    box = Mailbox()
    yield box
    box.stop()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, mailbox):
    c = Cluster(str(tmp_path_factory.mktemp("cluster")), mailbox.url)
    try:
        c.up(3)
        yield c
    finally:
        c.run("down")


def logged_in(base, role):
    return Client(base).login(f"{role}@demo.test")


def paid_orders(c, count, predicate, taken):
    """`count` paid orders that pass `predicate`, none of them in `taken` (to which they are added)."""
    found, cursor = [], None
    while len(found) < count:
        params = {"status": "paid", "limit": 100, **({"cursor": cursor} if cursor else {})}
        page = c.get("/api/v1/orders", params=params).json()
        for item in page["items"]:
            if item["number"] in taken:
                continue
            o = c.order(item["number"])
            if predicate(o):
                found.append(o)
                taken.add(o["number"])
        cursor = page.get("next_cursor")
        if not cursor:
            break
    assert len(found) >= count, "the demo data has too few such orders"
    return found[:count]


def test_a_session_works_on_every_node_and_a_user_disabled_on_one_is_refused_by_the_others(cluster):
    support = logged_in(cluster.node(1), "support")
    for i in (2, 3):
        elsewhere = Client(cluster.node(i))
        elsewhere.http.cookies = support.http.cookies
        elsewhere.csrf = support.csrf
        assert elsewhere.get("/api/v1/me").json()["organisation"]["role"] == "support"
    admin = logged_in(cluster.node(3), "admin")
    me = support.get("/api/v1/me").json()
    try:
        assert admin.patch(f"/api/v1/users/{me['user']['id']}", {"disabled": True}).status_code == 200
        for i in (1, 2):
            other = Client(cluster.node(i))
            other.http.cookies = support.http.cookies
            assert other.get("/api/v1/me").status_code == 401
    finally:
        admin.patch(f"/api/v1/users/{me['user']['id']}", {"disabled": False})


def test_nodes_starting_at_the_same_moment_apply_the_migrations_once(cluster, tmp_path):
    db = new_database_url(cluster.db_url.rsplit("/", 1)[0] + "/postgres", "together")
    nodes = [Server(db, str(tmp_path), demo=False) for _ in range(3)]
    threads = [threading.Thread(target=n.start) for n in nodes]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(requests.get(n.url + "/healthz").status_code == 200 for n in nodes)
        files = glob.glob(os.path.join(ROOT, "db", "migrations", "*.sql"))
        assert int(sql(db, "SELECT count(*) FROM schema_migrations")[0][0]) == len(files)
        applied = 0
        for n in nodes:
            with open(n.log_path) as log:
                applied += sum("applying migration" in line for line in log)
        assert applied == len(files), "each migration applied by one node only"
    finally:
        for n in nodes:
            n.stop()


class Work:
    """Mixed work of several clients through HAProxy, counted so that the node is killed and started again
    at given points of progress rather than at given times."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.lock = threading.Lock()
        self.done = 0
        self.stop = threading.Event()
        self.problems = []
        self.refund_keys = {}  # key → the answers it got (one refund each, however often it was sent)

    def step(self):
        with self.lock:
            self.done += 1

    def send(self, fn, attempts=8):
        """Sends a request again when the node it reached died on it (connection error or HAProxy's 5xx)."""
        for _ in range(attempts):
            try:
                r = fn()
            except requests.ConnectionError:
                continue
            if r.status_code in (502, 503, 504):
                continue
            return r
        raise AssertionError("no node answered")

    def loop(self, name, action):
        try:
            while not self.stop.is_set():
                action()
                self.step()
        except Exception as e:  # noqa: BLE001 — reported by the test, not lost in a thread
            self.problems.append(f"{name}: {e!r}")
            self.stop.set()


def test_mixed_work_while_a_node_is_killed_loses_nothing_and_does_nothing_twice(cluster, mailbox):
    base = cluster.url
    admin, finance, support = (logged_in(base, r) for r in ("admin", "finance", "support"))
    taken = set()  # each order serves one kind of work, so that one does not disable the other
    refundable = paid_orders(finance, 6, lambda o: o["actions"]["refund"]["enabled"]
                             and sum(t["refundable"] for t in o["tickets"]) >= 2, taken)
    resendable = paid_orders(support, 12, lambda o: o["actions"]["resend"]["enabled"], taken)
    scans = paid_orders(support, 6, lambda o: any(t["status"] == "valid" and not t["checked_in_at"]
                                                  for t in o["tickets"]), taken)
    barcodes = [next(t["barcode"] for t in o["tickets"] if t["status"] == "valid" and not t["checked_in_at"])
                for o in scans]
    work = Work(cluster)
    emails_before = int(sql(cluster.db_url, "SELECT coalesce(max(id), 0) FROM emails")[0][0])  # the demo's own

    def refund():
        o = random.choice(refundable)
        fresh = work.send(lambda: finance.get(f"/api/v1/orders/{o['number']}")).json()
        tickets = [t["id"] for t in fresh["tickets"] if t["refundable"]]
        if not tickets or not fresh["actions"]["refund"]["enabled"]:
            return
        key = str(uuid.uuid4())
        body = {"expected_version": fresh["version"], "reason": "Cluster test", "ticket_ids": [tickets[0]]}
        answers = work.refund_keys.setdefault(key, [])
        for _ in range(2):  # every refund is sent twice, as a client unsure of the first answer would
            r = work.send(lambda: finance.post(f"/api/v1/orders/{o['number']}/refunds", body,
                                               headers={"Idempotency-Key": key}))
            answers.append(r.status_code)

    def resend():
        o = random.choice(resendable)
        r = work.send(lambda: support.post(f"/api/v1/orders/{o['number']}/resend", {"email": o["contact"]["email"]}))
        # A few resends per order and hour; more answer rate_limited, which is the rule, not a failure.
        assert r.status_code in (200, 202) or r.json()["error"]["code"] == "rate_limited", r.text

    def edit():
        o = random.choice(resendable)
        fresh = work.send(lambda: support.get(f"/api/v1/orders/{o['number']}")).json()
        r = work.send(lambda: support.patch(f"/api/v1/orders/{o['number']}/contact", {
            "expected_version": fresh["version"], "mobile": f"+3161{random.randrange(10**6, 10**7)}"}))
        assert r.status_code in (200, 409), r.text

    def read():
        o = random.choice(refundable + resendable)
        assert work.send(lambda: support.get("/api/v1/orders", params={"q": o["contact"]["email"]})).status_code == 200
        assert work.send(lambda: support.get(f"/api/v1/orders/{o['number']}")).status_code == 200

    gates = {}

    def scan_together(barcode):
        start = threading.Barrier(2)
        results = []

        def gate(node):
            c = Client(cluster.node(node))
            c.http.cookies, c.csrf = support.http.cookies, support.csrf
            start.wait()
            results.append(c.post("/api/v1/checkin", {"barcode": barcode}).json()["result"])
        pair = [threading.Thread(target=gate, args=(n,)) for n in (1, 3)]
        for t in pair:
            t.start()
        for t in pair:
            t.join()
        gates[barcode] = sorted(results)

    prefix = "CL" + uuid.uuid4().hex[:8].upper() + "-"
    rows = [{"order_ref": f"{prefix}{i:04d}", "email": f"cluster{i}@example.com", "first_name": "Cluster",
             "last_name": f"Buyer {i}", "event": "Orchestra in Concert", "ticket_type": "Stalls",
             "payment_method": "card", "ordered_at": "2026-01-15T10:00:00Z"} for i in range(100)]
    imported = {}
    watcher = logged_in(cluster.node(1), "admin")  # follows the import on a node that stays up

    def run_import():
        r = work.send(lambda: admin.request("POST", "/api/v1/imports", data=csv_text(rows).encode(),
                                            headers={"Content-Type": "text/csv"}, params={"file_name": "cluster.csv"}))
        assert r.status_code == 202, r.text
        imported["id"] = r.json()["id"]
        ready = wait_final(watcher, imported["id"])
        assert ready["status"] == "ready", ready
        assert work.send(lambda: admin.post(f"/api/v1/imports/{imported['id']}/commit")).status_code in (202, 409)

    threads = [threading.Thread(target=work.loop, args=(n, f)) for n, f in
               (("refund-1", refund), ("refund-2", refund), ("resend", resend), ("edit", edit),
                ("read-1", read), ("read-2", read))]
    for t in threads:
        t.start()
    try:
        wait_until(lambda: work.done >= 40 or work.stop.is_set(), timeout=60, what="work before the kill")
        cluster.run("kill", "2")
        importer = threading.Thread(target=run_import)
        importer.start()
        for b in barcodes:
            scan_together(b)
        wait_until(lambda: work.done >= 120 or work.stop.is_set(), timeout=60, what="work while a node is down")
        cluster.run("start", "2")
        restarted_at = work.done
        wait_until(lambda: work.done >= restarted_at + 80 or work.stop.is_set(), timeout=60,
                   what="work after the restart")
        importer.join()
    finally:
        work.stop.set()
        for t in threads:
            t.join()
    assert work.problems == []

    # Refunds: never beyond what was paid; each Idempotency-Key made exactly one refund.
    over = sql(cluster.db_url, "SELECT o.number FROM orders o JOIN (SELECT order_id, sum(amount) AS refunded FROM "
               "refunds WHERE status IN ('pending', 'succeeded') GROUP BY order_id) r ON r.order_id = o.id "
               "JOIN (SELECT order_id, sum(amount) AS paid FROM payments WHERE status = 'paid' GROUP BY "
               "order_id) p ON p.order_id = o.id WHERE r.refunded > p.paid")
    assert over == []
    made = dict(sql(cluster.db_url, "SELECT idempotency_key, count(*) FROM refunds WHERE idempotency_key IS NOT NULL "
                                    "GROUP BY idempotency_key"))
    accepted = [k for k, answers in work.refund_keys.items() if any(s in (200, 201, 202) for s in answers)]
    assert accepted, "some refunds went through"
    assert all(made.get(k) == "1" for k in accepted)
    assert all(v == "1" for v in made.values())

    # Check-ins: two gates scanning one ticket together count it once.
    assert gates and all(r == ["already_checked_in", "valid"] for r in gates.values()), gates

    # The import: committed once, each of its orders once.
    assert wait_final(watcher, imported["id"], timeout=90)["status"] == "committed"
    refs = sql(cluster.db_url, f"SELECT external_ref, count(*) FROM orders WHERE external_ref LIKE '{prefix}%' "
                               "GROUP BY external_ref")
    assert len(refs) == 100 and all(count == "1" for _, count in refs)

    # E-mail: each sent one arrived once; none arrived twice; the rest are still queued or failed with a reason.
    def settled():
        return sql(cluster.db_url, "SELECT count(*) FROM emails WHERE status = 'queued'")[0][0] == "0"
    wait_until(settled, timeout=60, what="the outbox to empty")
    queued = sql(cluster.db_url, f"SELECT message_id, status, coalesce(last_error, '') FROM emails WHERE id > {emails_before}")
    with mailbox.lock:  # after the query: what the database calls sent has arrived by now
        arrived = [str(m["message"]["Message-ID"]).strip() for m in mailbox.messages]
    assert len(arrived) == len(set(arrived)), "an e-mail arrived twice"
    assert len(queued) >= 10, "the work queued e-mails"
    for message_id, status, error in queued:
        if status == "sent":
            assert f"<{message_id}>" in arrived, message_id
        else:
            assert status in ("sending", "failed"), status
            assert status == "sending" or error, message_id
