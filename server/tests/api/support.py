"""Helpers for the API tests: a running boxoffice server, an SMTP catcher and an HTTP client."""
import json
import os
import socket
import subprocess
import threading
import time
import uuid
from email import policy
from email.parser import BytesParser

import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
BINARY = os.environ.get("BOXOFFICE_BINARY", os.path.join(ROOT, "build", "boxoffice"))
PASSWORD = "boxoffice-demo"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout=15.0, interval=0.05, what="condition"):
    """Polls `predicate` until it returns a truthy value; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(interval)


def new_database_url(kind, name):
    """A fresh, empty database: a SQLite file or a new PostgreSQL database."""
    if kind.startswith("postgresql://"):
        label = "".join(ch if ch.isalnum() else "_" for ch in os.path.basename(name)).lower()
        db = f"bo_{label}_{uuid.uuid4().hex[:8]}"  # unique across test processes sharing the server
        subprocess.run(["psql", kind, "-q", "-c", f"DROP DATABASE IF EXISTS {db}", "-c", f"CREATE DATABASE {db}"],
                       check=True, capture_output=True)
        return kind.rsplit("/", 1)[0] + "/" + db
    return f"sqlite:{name}.db"


class Server:
    """A `boxoffice serve` process on its own port and database."""

    def __init__(self, db_url, workdir, demo=True, smtp=None, extra=(), env=None, public_url=True, clock=None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_url = db_url
        self.workdir = workdir
        self.demo = demo
        self.smtp = smtp
        self.extra = list(extra)
        self.env = dict(env or {})
        self.public_url = public_url
        self.proc = None
        self.data_dir = os.path.join(workdir, f"server-{self.port}")
        os.makedirs(self.data_dir, exist_ok=True)
        self.log_path = os.path.join(self.data_dir, "server.log")
        self.clock = None
        if clock is not None:  # a ManualClock's time instead of the real one
            self.clock = clock
            self.env["BOXOFFICE_TEST_CLOCK_FILE"] = clock.path

    def args(self):
        a = [BINARY, "serve", "--db", self.db_url, "--port", str(self.port), "--address", "127.0.0.1",
             "--data-dir", self.data_dir] + (["--public-url", self.url] if self.public_url else [])
        if self.demo:
            a.append("--demo")
        if self.smtp:
            a += ["--smtp", self.smtp]
        return a + self.extra

    def start(self):
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(self.args(), stdout=self.log, stderr=subprocess.STDOUT, cwd=self.workdir,
                                     env={**os.environ, **self.env})

        def healthy():
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited with {self.proc.returncode}; see {self.log_path}")
            try:
                return requests.get(self.url + "/healthz", timeout=1).status_code == 200
            except requests.ConnectionError:
                return False
        wait_until(healthy, timeout=60, what="server start")
        return self

    def stop(self, kill=False):
        if self.proc and self.proc.poll() is None:
            if kill:
                self.proc.kill()
            else:
                self.proc.terminate()
            self.proc.wait(timeout=30)
        self.proc = None


class ManualClock:
    """The server's "now", held still and moved by the test (UTC seconds in a file the server reads)."""

    def __init__(self, directory, now=None):
        self.path = os.path.join(directory, f"clock-{uuid.uuid4().hex[:8]}")
        self.set(int(now if now is not None else time.time()))

    def set(self, seconds):
        self.now = int(seconds)
        with open(self.path + ".tmp", "w") as f:
            f.write(str(self.now))
        os.replace(self.path + ".tmp", self.path)

    def advance(self, seconds):
        self.set(self.now + seconds)


class Mailbox:
    """A real SMTP server (aiosmtpd) that keeps every message it receives."""

    def __init__(self, on_message=None):
        from aiosmtpd.controller import Controller
        self.messages = []
        self.lock = threading.Lock()
        self.fail_rcpt = set()
        mailbox = self

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address in mailbox.fail_rcpt:
                    return "550 5.1.1 Mailbox unavailable"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                msg = BytesParser(policy=policy.default).parsebytes(envelope.content)
                record = {"to": list(envelope.rcpt_tos), "from": envelope.mail_from, "raw": envelope.content,
                          "message": msg}
                with mailbox.lock:
                    mailbox.messages.append(record)
                if on_message:
                    on_message(record)
                return "250 Message accepted"

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        self.url = f"smtp://127.0.0.1:{self.port}"

    def to(self, address):
        with self.lock:
            return [m for m in self.messages if address in m["to"]]

    def wait_for(self, address, count=1, timeout=20):
        return wait_until(lambda: len(self.to(address)) >= count and self.to(address), timeout=timeout,
                          what=f"{count} message(s) to {address}")

    def stop(self):
        self.controller.stop()


class Client:
    """An HTTP client for the API: a cookie session with its CSRF token, or a Bearer token."""

    def __init__(self, base_url, organisation=None):
        self.base = base_url
        self.http = requests.Session()
        self.csrf = None
        self.bearer = None
        self.organisation = organisation

    def headers(self, method, extra=None):
        h = {}
        if self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        if self.bearer:
            h["Authorization"] = f"Bearer {self.bearer}"
        if self.organisation:
            h["X-Organisation"] = self.organisation
        h.update(extra or {})
        return h

    def request(self, method, path, json_body=None, data=None, headers=None, **kw):
        if json_body is not None:
            data = json.dumps(json_body)
            headers = {"Content-Type": "application/json", **(headers or {})}
        return self.http.request(method, self.base + path, data=data, headers=self.headers(method, headers),
                                 timeout=60, **kw)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, json_body=body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, json_body=body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, json_body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def login(self, email, password=PASSWORD):
        r = self.post("/api/v1/session", {"email": email, "password": password})
        assert r.status_code == 200, r.text
        self.csrf = r.json()["csrf_token"]
        return self

    def order(self, number):
        r = self.get(f"/api/v1/orders/{number}")
        assert r.status_code == 200, r.text
        return r.json()

    def orders(self, **params):
        r = self.get("/api/v1/orders", params=params)
        assert r.status_code == 200, r.text
        return r.json()["items"]


def error_code(response):
    return response.json()["error"]["code"]


def idempotency_key():
    return str(uuid.uuid4())


def sql(db_url, statement):
    """Runs one SQL statement against a test database (fixtures only: e.g. payments of other providers)."""
    if db_url.startswith("sqlite:"):
        import sqlite3
        con = sqlite3.connect(db_url[len("sqlite:"):], timeout=30)
        try:
            rows = con.execute(statement).fetchall()
            con.commit()
            return rows
        finally:
            con.close()
    out = subprocess.run(["psql", db_url, "-At", "-F", "\t", "-c", statement], check=True, capture_output=True, text=True)
    return [tuple(line.split("\t")) for line in out.stdout.splitlines() if line and not line.startswith(("UPDATE", "INSERT", "DELETE"))]


def pdf_attachments(message):
    return [part.get_content() for part in message.iter_attachments() if part.get_content_type() == "application/pdf"]


def pdf_text(pdf_bytes, workdir):
    path = os.path.join(workdir, f"t-{uuid.uuid4().hex}.pdf")
    with open(path, "wb") as f:
        f.write(pdf_bytes)
    return subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout


def pdf_qr_codes(pdf_bytes, workdir):
    """Every QR code on every page, decoded from a 150 dpi render."""
    base = os.path.join(workdir, f"q-{uuid.uuid4().hex}")
    with open(base + ".pdf", "wb") as f:
        f.write(pdf_bytes)
    subprocess.run(["pdftoppm", "-r", "150", "-png", base + ".pdf", base], check=True, capture_output=True)
    codes = []
    for page in sorted(p for p in os.listdir(os.path.dirname(base)) if p.startswith(os.path.basename(base)) and p.endswith(".png")):
        out = subprocess.run(["zbarimg", "-q", "--raw", os.path.join(os.path.dirname(base), page)],
                             capture_output=True, text=True)
        codes += [line for line in out.stdout.splitlines() if line]
    return codes
