"""Helpers for the organisation setup tests: unique names, the `boxoffice user add` CLI, new organisations."""
import subprocess
import uuid

from support import BINARY, Client

STRONG_PASSWORD = "correct horse battery staple"


def unique(prefix):
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def unique_email(prefix="colleague"):
    return f"{prefix}-{uuid.uuid4().hex[:8]}@example.com"


def cli_user_add(db_url, org, email, password=STRONG_PASSWORD, role="admin", create_org=None, extra=()):
    """Runs `boxoffice user add` with the password on stdin."""
    args = [BINARY, "user", "add", "--db", db_url, "--org", org, "--email", email, "--role", role, *extra]
    if create_org:
        args += ["--create-org", create_org]
    return subprocess.run(args, input=password + "\n", capture_output=True, text=True, timeout=120)


def new_organisation(server, label="org"):
    """A new organisation (no orders) in the server's database with one admin; returns (slug, admin client)."""
    slug = f"{label}-{uuid.uuid4().hex[:8]}"
    email = unique_email("admin")
    r = cli_user_add(server.db_url, slug, email, create_org=f"Org {slug}")
    assert r.returncode == 0, r.stderr
    return slug, Client(server.url).login(email, STRONG_PASSWORD)


def event_body(**overrides):
    body = {"name": unique("Test event"), "venue": "Paradiso, Amsterdam",
            "starts_at": "2031-06-01T18:00:00Z", "ends_at": "2031-06-01T23:30:00Z"}
    body.update(overrides)
    return body


def create_event(client, **overrides):
    r = client.post("/api/v1/events", event_body(**overrides))
    assert r.status_code == 201, r.text
    return r.json()


def create_ticket_type(client, event_id, **overrides):
    body = {"name": unique("Type"), "price": 4500, "fee": 150, "capacity": 100}
    body.update(overrides)
    r = client.post(f"/api/v1/events/{event_id}/ticket-types", body)
    assert r.status_code == 201, r.text
    return r.json()


def fields_of(response):
    return response.json()["error"]["details"].get("fields", {})
