"""`serve --db-read`: order lists, search, exports and reports read a streaming replica (made with
pg_basebackup here), while every write and the order detail stay on the primary."""
import os
import shutil
import subprocess
import sys
import tempfile
import uuid

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "api"))
from support import ROOT, Client, Server, free_port, sql, wait_until  # noqa: E402

PG = os.path.join(ROOT, "scripts", "postgres-for-tests")


def pg(*args):
    return subprocess.run([PG, *args], check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def databases():
    # A folder the postgres user may enter, also when the tests run as root.
    base = tempfile.mkdtemp(prefix="boxoffice-replica-")
    os.chmod(base, 0o755)
    primary_port, replica_port = free_port(), free_port()
    try:
        admin = pg("start", os.path.join(base, "primary"), str(primary_port))
        subprocess.run(["psql", admin, "-qc", "CREATE DATABASE boxoffice"], check=True, capture_output=True)
        pg("replica", os.path.join(base, "replica"), str(replica_port), str(primary_port))
        yield {"primary": admin.rsplit("/", 1)[0] + "/boxoffice",
               "replica": f"postgresql://postgres@127.0.0.1:{replica_port}/boxoffice",
               "replica_dir": os.path.join(base, "replica")}
    finally:
        pg("stop", os.path.join(base, "replica"))
        pg("stop", os.path.join(base, "primary"))
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def servers(databases, tmp_path_factory):
    workdir = str(tmp_path_factory.mktemp("replica"))
    reading = Server(databases["primary"], workdir, demo=True, extra=["--db-read", databases["replica"]]).start()
    plain = Server(databases["primary"], workdir, demo=False).start()  # the same figures, all from the primary
    yield reading, plain
    reading.stop()
    plain.stop()


def caught_up(databases):
    lsn = sql(databases["primary"], "SELECT pg_current_wal_lsn()")[0][0]
    return sql(databases["replica"], f"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn")[0][0] == "t"


def test_lists_and_reports_read_the_replica_and_the_detail_after_a_change_reads_the_primary(databases, servers):
    reading, plain = servers
    wait_until(lambda: caught_up(databases), what="the replica to catch up")
    finance = Client(reading.url).login("finance@demo.test")
    reference = Client(plain.url).login("finance@demo.test")
    params = {"from": "2026-01-01", "to": "2027-12-31", "group_by": "event"}
    report = finance.get("/api/v1/reports/revenue", params=params)
    assert report.status_code == 200, report.text
    assert report.json() == reference.get("/api/v1/reports/revenue", params=params).json()

    sql(databases["replica"], "SELECT pg_wal_replay_pause()")  # the replica falls behind from here
    try:
        item = next(o for o in finance.orders(status="paid", limit=50)
                    if finance.order(o["number"])["actions"]["refund"]["enabled"])
        order = finance.order(item["number"])
        email = f"moved-{uuid.uuid4().hex[:8]}@example.com"
        r = finance.patch(f"/api/v1/orders/{order['number']}/contact", {"expected_version": order["version"],
                                                                         "email": email})
        assert r.status_code == 200, r.text
        ticket = next(t for t in order["tickets"] if t["refundable"])
        r = finance.post(f"/api/v1/orders/{order['number']}/refunds", {
            "expected_version": r.json()["version"], "reason": "Replica test", "ticket_ids": [ticket["id"]]},
            headers={"Idempotency-Key": str(uuid.uuid4())})
        assert r.status_code in (200, 201, 202), r.text

        detail = finance.order(order["number"])  # at once, from the primary
        assert detail["contact"]["email"] == email
        assert len(detail["refunds"]) == len(order["refunds"]) + 1
        assert finance.orders(q=email) == [], "the search read the paused replica"
        assert [o["number"] for o in reference.orders(q=email)] == [order["number"]]
    finally:
        sql(databases["replica"], "SELECT pg_wal_replay_resume()")
    wait_until(lambda: caught_up(databases), what="the replica to catch up")
    assert [o["number"] for o in finance.orders(q=email)] == [order["number"]]


def test_without_the_replica_lists_read_the_primary(databases, servers):
    reading, _ = servers
    pg("stop", databases["replica_dir"])
    c = Client(reading.url).login("support@demo.test")
    assert c.get("/api/v1/orders", params={"limit": 5}).status_code == 200
    assert c.get("/api/v1/orders.csv").status_code in (200, 403)
