"""Helpers for the organisation setup tests: unique names, the `boxoffice user add` CLI, new organisations."""
import os
import re
import subprocess
import uuid
from email import policy
from email.parser import BytesParser

from support import BINARY, Client, wait_until

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


def _text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def invitation_link(server, email, mailbox=None, count=1):
    """The link in the `count`-th invitation e-mail to `email`: from the SMTP test server when the server sends
    there, else from the .eml files it writes."""
    if mailbox is not None and server.smtp:
        messages = [m for m in mailbox.wait_for(email, count) if m["message"]["Subject"].startswith("Invitation")]
        texts = [_text_of(m["message"]) for m in messages]
    else:
        outbox = os.path.join(server.data_dir, "outbox")

        def found():
            if not os.path.isdir(outbox):
                return None
            out = []
            # only finished messages: the server writes a hidden temporary file and renames it
            names = [n for n in os.listdir(outbox) if n.endswith(".eml") and not n.startswith(".")]
            for name in sorted(names, key=lambda n: os.path.getmtime(os.path.join(outbox, n))):
                with open(os.path.join(outbox, name), "rb") as f:
                    msg = BytesParser(policy=policy.default).parse(f)
                if email in str(msg["To"]) and str(msg["Subject"]).startswith("Invitation"):
                    out.append(_text_of(msg))
            return out if len(out) >= count else None
        texts = wait_until(found, what=f"{count} invitation(s) to {email}")
    links = re.findall(r"(https?://\S+/invite/[A-Za-z0-9_-]+)", texts[count - 1])
    assert links, texts[count - 1]
    return links[0]


def token_of(link):
    return link.rsplit("/", 1)[1]


def invite(admin, email=None, role="support", name="Casey Colleague"):
    body = {"email": email or unique_email(), "role": role}
    if name:
        body["name"] = name
    r = admin.post("/api/v1/users", body)
    assert r.status_code == 201, r.text
    return r.json()


def join(server, admin, role="support", email=None, mailbox=None, password=STRONG_PASSWORD, name="Casey Colleague",
         mails_before=0):
    """Invites a new address and accepts with a password; returns (the member as the admin lists it, its client).
    `mails_before`: invitations the address received earlier."""
    invitation = invite(admin, email, role, name)
    link = invitation_link(server, invitation["email"], mailbox, count=mails_before + 1)
    person = Client(server.url)
    r = person.post(f"/api/v1/invitations/accept/{token_of(link)}", {"password": password})
    assert r.status_code == 200, r.text
    person.csrf = r.json()["csrf_token"]
    member = next(u for u in admin.get("/api/v1/users").json()["items"] if u["email"] == invitation["email"])
    return member, person
