"""Fixtures: one demo server per test session (SQLite or PostgreSQL, from BOXOFFICE_TEST_DB), a real SMTP
server, and clients per role. Tests that change orders claim distinct demo orders with `claim`."""
import os
import threading

import pytest

from support import Client, Mailbox, Server, new_database_url

DB_KIND = os.environ.get("BOXOFFICE_TEST_DB", "sqlite")


def pytest_report_header(config):
    return f"database: {'postgresql' if DB_KIND.startswith('postgresql://') else 'sqlite'}"


@pytest.fixture(scope="session")
def workdir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("boxoffice"))


@pytest.fixture(scope="session")
def make_database(workdir):
    counter = iter(range(1000))

    def make(label="db"):
        return new_database_url(DB_KIND, os.path.join(workdir, f"{label}{next(counter)}"))
    return make


@pytest.fixture(scope="session")
def mailbox():
    box = Mailbox()
    yield box
    box.stop()


@pytest.fixture(scope="session")
def server(workdir, make_database, mailbox):
    s = Server(make_database("demo"), workdir, demo=True, smtp=mailbox.url).start()
    yield s
    s.stop()


@pytest.fixture(scope="session")
def client(server):
    """Clients by role, logged in once per session: client('finance')."""
    cache = {}

    def make(role="admin", org="demo", fresh=False):
        key = (role, org)
        if fresh or key not in cache:
            c = Client(server.url).login(f"{role}@{org}.test")
            if fresh:
                return c
            cache[key] = c
        return cache[key]
    return make


_claimed = set()
_claim_lock = threading.Lock()


@pytest.fixture(scope="session")
def claim(client):
    """An order no other test has claimed, matching the list filters and a predicate on the detail."""
    def pick(predicate=lambda o: True, role="finance", **filters):
        c = client(role)
        cursor = None
        while True:
            params = {"limit": 200, **filters}
            if cursor:
                params["cursor"] = cursor
            r = c.get("/api/v1/orders", params=params)
            assert r.status_code == 200, r.text
            body = r.json()
            for item in body["items"]:
                with _claim_lock:
                    if item["number"] in _claimed:
                        continue
                detail = c.order(item["number"])
                if predicate(detail):
                    with _claim_lock:
                        if item["number"] not in _claimed:
                            _claimed.add(item["number"])
                            return detail
            cursor = body["next_cursor"]
            if not cursor:
                raise AssertionError(f"no unclaimed demo order matches {filters}")
    return pick


@pytest.fixture(scope="session")
def setup_server(workdir, make_database):
    """A second demo server, for tests that change organisation-wide settings or demo ticket types."""
    s = Server(make_database("setup"), workdir, demo=True).start()
    yield s
    s.stop()
