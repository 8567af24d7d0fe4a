"""Invitations: an admin invites an address with a role, the e-mail carries a single-use link, and the person
sets a password (new address) or accepts while logged in as their account. Nothing in an answer tells the admin
whether the address has an account anywhere."""
from datetime import datetime, timedelta

import requests

from setup_helpers import (STRONG_PASSWORD, fields_of, invitation_link, invite, join, token_of, unique_email)
from support import Client, error_code

INVITATION_KEYS = {"id", "email", "name", "role", "status", "created_at", "expires_at", "invited_by"}


def accept(server, token, body=None, as_client=None):
    c = as_client or Client(server.url)
    return c, c.post(f"/api/v1/invitations/accept/{token}", body if body is not None else {})


def when(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_an_invited_person_sets_a_password_from_the_e_mail_and_is_logged_in(client, server, mailbox):
    admin = client("admin")
    email = unique_email("fiona")
    invitation = invite(admin, email, role="finance", name="Fiona Finance")
    assert set(invitation) == INVITATION_KEYS
    assert invitation["status"] == "pending" and invitation["role"] == "finance" and invitation["email"] == email
    assert when(invitation["expires_at"]) - when(invitation["created_at"]) == timedelta(days=7)
    assert invitation["invited_by"] == {"kind": "user", "name": admin.get("/api/v1/me").json()["user"]["name"]}

    link = invitation_link(server, email, mailbox)
    assert link.startswith(server.url + "/invite/")
    message = mailbox.to(email)[0]["message"]
    assert "Demo Events" in message["Subject"] and "finance" in message.get_body(("plain",)).get_content()
    token = token_of(link)

    view = requests.get(f"{server.url}/api/v1/invitations/accept/{token}", timeout=10)
    assert view.status_code == 200 and view.headers["Cache-Control"] == "no-store"
    assert view.json() == {"organisation": {"name": "Demo Events", "slug": "demo"}, "email": email,
                           "name": "Fiona Finance", "role": "finance", "invited_by": invitation["invited_by"]["name"],
                           "expires_at": invitation["expires_at"], "account": "new"}

    _, r = accept(server, token, {"password": "password123"})
    assert r.status_code == 422 and fields_of(r) == {"password": "This password is too common."}
    _, r = accept(server, token, {})
    assert r.status_code == 422 and fields_of(r) == {"password": "Required."}

    person, r = accept(server, token, {"password": STRONG_PASSWORD})
    assert r.status_code == 200, r.text
    assert r.json()["user"]["email"] == email and r.json()["user"]["name"] == "Fiona Finance"
    assert r.json()["organisation"]["slug"] == "demo" and r.json()["organisation"]["role"] == "finance"
    assert "HttpOnly" in r.headers["Set-Cookie"]
    assert person.get("/api/v1/me").json()["user"]["email"] == email

    again = Client(server.url).login(email, STRONG_PASSWORD)
    assert again.get("/api/v1/me").json()["organisation"]["role"] == "finance"
    listed = {u["email"]: u for u in admin.get("/api/v1/users").json()["items"]}
    assert listed[email]["role"] == "finance" and listed[email]["disabled"] is False
    assert invitation["id"] not in [i["id"] for i in admin.get("/api/v1/invitations").json()["items"]]


def test_a_link_works_once(client, server, mailbox):
    invitation = invite(client("admin"))
    token = token_of(invitation_link(server, invitation["email"], mailbox))
    _, first = accept(server, token, {"password": STRONG_PASSWORD})
    assert first.status_code == 200
    _, second = accept(server, token, {"password": "another strong passphrase"})
    assert second.status_code == 410 and error_code(second) == "invitation_used"
    r = requests.get(f"{server.url}/api/v1/invitations/accept/{token}", timeout=10)
    assert r.status_code == 410 and error_code(r) == "invitation_used"
    Client(server.url).login(invitation["email"], STRONG_PASSWORD)  # the second password was not set


def test_an_existing_account_accepts_while_logged_in_as_itself(client, server, mailbox):
    _, person = join(server, client("admin", org="other"), role="viewer", mailbox=mailbox)
    email = person.get("/api/v1/me").json()["user"]["email"]
    invite(client("admin"), email, role="support")
    token = token_of(invitation_link(server, email, mailbox, count=2))
    assert requests.get(f"{server.url}/api/v1/invitations/accept/{token}", timeout=10).json()["account"] == "existing"

    _, r = accept(server, token, {})
    assert r.status_code == 409 and error_code(r) == "log_in_first"
    _, r = accept(server, token, {"password": "a password that is not theirs"})
    assert r.status_code == 422 and set(fields_of(r)) == {"password"}
    _, r = accept(server, token, {}, as_client=Client(server.url).login("viewer@demo.test"))
    assert r.status_code == 403 and error_code(r) == "invitation_other_account"
    no_csrf = Client(server.url)
    no_csrf.http.cookies = person.http.cookies
    _, r = accept(server, token, {}, as_client=no_csrf)
    assert r.status_code == 403 and error_code(r) == "csrf_failed"

    _, r = accept(server, token, {}, as_client=person)
    assert r.status_code == 200, r.text
    assert r.json()["organisation"]["slug"] == "demo" and r.json()["organisation"]["role"] == "support"
    assert "Set-Cookie" not in r.headers
    assert sorted(o["slug"] for o in person.get("/api/v1/me").json()["organisations"]) == ["demo", "other"]
    Client(server.url).login(email, STRONG_PASSWORD)  # the password is the account's own, unchanged


def test_an_existing_account_may_accept_with_its_password_instead(client, server, mailbox):
    _, person = join(server, client("admin", org="other"), role="viewer", mailbox=mailbox)
    email = person.get("/api/v1/me").json()["user"]["email"]
    invite(client("admin"), email, role="viewer")
    token = token_of(invitation_link(server, email, mailbox, count=2))
    fresh, r = accept(server, token, {"password": STRONG_PASSWORD, "name": "Ignored For Existing Accounts"})
    assert r.status_code == 200, r.text
    assert r.json()["organisation"]["slug"] == "demo" and r.json()["user"]["name"] == "Casey Colleague"
    assert fresh.get("/api/v1/me").status_code == 200


def test_resend_and_revoke_kill_the_old_link(client, server, mailbox):
    admin = client("admin")
    invitation = invite(admin)
    email = invitation["email"]
    first = token_of(invitation_link(server, email, mailbox))

    r = admin.post(f"/api/v1/invitations/{invitation['id']}/resend")
    assert r.status_code == 200 and r.json()["id"] == invitation["id"] and r.json()["status"] == "pending"
    assert when(r.json()["expires_at"]) >= when(invitation["expires_at"])
    second = token_of(invitation_link(server, email, mailbox, count=2))
    assert second != first
    r = requests.get(f"{server.url}/api/v1/invitations/accept/{first}", timeout=10)
    assert r.status_code == 404 and error_code(r) == "not_found"
    assert requests.get(f"{server.url}/api/v1/invitations/accept/{second}", timeout=10).status_code == 200

    pending = admin.get("/api/v1/invitations").json()["items"]
    assert [i["email"] for i in pending if i["id"] == invitation["id"]] == [email]
    assert admin.delete(f"/api/v1/invitations/{invitation['id']}").status_code == 204
    _, r = accept(server, second, {"password": STRONG_PASSWORD})
    assert r.status_code == 410 and error_code(r) == "invitation_revoked"
    assert invitation["id"] not in [i["id"] for i in admin.get("/api/v1/invitations").json()["items"]]
    assert admin.delete(f"/api/v1/invitations/{invitation['id']}").status_code == 404
    assert admin.post(f"/api/v1/invitations/{invitation['id']}/resend").status_code == 404
    assert Client(server.url).post("/api/v1/session", {"email": email, "password": STRONG_PASSWORD}).status_code == 401


def test_inviting_the_same_address_again_replaces_the_pending_invitation(client, server, mailbox):
    admin = client("admin")
    first = invite(admin, role="viewer")
    old = token_of(invitation_link(server, first["email"], mailbox))
    second = invite(admin, first["email"], role="finance")
    new = token_of(invitation_link(server, first["email"], mailbox, count=2))
    assert second["id"] != first["id"]
    pending = [i for i in admin.get("/api/v1/invitations").json()["items"] if i["email"] == first["email"]]
    assert [(i["id"], i["role"]) for i in pending] == [(second["id"], "finance")]
    assert accept(server, old, {"password": STRONG_PASSWORD})[1].status_code == 410
    assert accept(server, new, {"password": STRONG_PASSWORD})[1].json()["organisation"]["role"] == "finance"


def test_invitations_are_validated_and_a_password_is_refused(client):
    admin = client("admin")
    r = admin.post("/api/v1/users", {"email": unique_email(), "role": "viewer", "password": STRONG_PASSWORD})
    assert r.status_code == 422 and set(fields_of(r)) == {"password"}
    assert "own password" in fields_of(r)["password"]
    r = admin.post("/api/v1/users", {"email": "not an address", "role": "boss", "name": "x\ny"})
    assert r.status_code == 422 and set(fields_of(r)) == {"email", "role", "name"}
    r = admin.post("/api/v1/users", {"email": "a" * 250 + "@example.com", "role": "viewer"})
    assert r.status_code == 422 and set(fields_of(r)) == {"email"}
    r = admin.post("/api/v1/users", {"email": 42, "role": ["admin"]})
    assert r.status_code == 422 and set(fields_of(r)) >= {"email", "role"}
    r = admin.post("/api/v1/users", {"email": "Viewer@Demo.test", "role": "viewer"})
    assert r.status_code == 409 and error_code(r) == "already_member"
    r = admin.post("/api/v1/users", {"email": unique_email(), "role": "viewer", "name": "n" * 20000})
    assert r.status_code == 413


def test_the_answer_does_not_depend_on_whether_the_address_has_an_account(client):
    admin = client("admin")
    answers = []
    for email in ("admin@other.test", unique_email("nobody")):
        r = admin.post("/api/v1/users", {"email": email, "role": "support"})
        assert r.status_code == 201, r.text
        answers.append(r)
    shapes = [{k: v for k, v in r.json().items() if k not in ("id", "email", "created_at", "expires_at")}
              for r in answers]
    assert shapes[0] == shapes[1]
    assert set(answers[0].json()) == set(answers[1].json()) == INVITATION_KEYS
    assert answers[0].headers.get("Content-Type") == answers[1].headers.get("Content-Type")
    listed = {i["email"]: i for i in admin.get("/api/v1/invitations").json()["items"]}
    assert set(listed["admin@other.test"]) == INVITATION_KEYS


def test_another_organisations_invitations_are_404(client, server):
    invitation = invite(client("admin"))
    other = client("admin", org="other")
    assert invitation["id"] not in [i["id"] for i in other.get("/api/v1/invitations").json()["items"]]
    for r in (other.post(f"/api/v1/invitations/{invitation['id']}/resend"),
              other.delete(f"/api/v1/invitations/{invitation['id']}"),
              other.delete("/api/v1/invitations/99999999"),
              other.delete("/api/v1/invitations/not-a-number")):
        assert r.status_code == 404 and invitation["email"] not in r.text
    assert invitation["id"] in [i["id"] for i in client("admin").get("/api/v1/invitations").json()["items"]]


def test_only_admins_handle_invitations(client, server):
    invitation = invite(client("admin"))
    for role in ("viewer", "support", "finance"):
        c = client(role)
        assert c.get("/api/v1/invitations").status_code == 403
        assert c.post("/api/v1/users", {"email": unique_email(), "role": "admin"}).status_code == 403
        assert c.post(f"/api/v1/invitations/{invitation['id']}/resend").status_code == 403
        assert c.delete(f"/api/v1/invitations/{invitation['id']}").status_code == 403
    anonymous = Client(server.url)
    assert anonymous.get("/api/v1/invitations").status_code == 401
    assert anonymous.post("/api/v1/users", {"email": unique_email(), "role": "admin"}).status_code == 401
    assert anonymous.delete(f"/api/v1/invitations/{invitation['id']}").status_code == 401


def test_odd_links_and_bodies_are_refused_plainly(client, server):
    for token in ("x", "a" * 5000, "%00", "..%2F..%2Fetc"):
        r = requests.get(f"{server.url}/api/v1/invitations/accept/{token}", timeout=10)
        assert r.status_code == 404, (token, r.status_code)
        _, r = accept(server, token, {"password": STRONG_PASSWORD})
        assert r.status_code == 404, (token, r.status_code)
    invitation = invite(client("admin"))
    _, r = accept(server, "whatever", {"password": "p" * 20000})
    assert r.status_code == 413
    c = Client(server.url)
    r = c.request("POST", "/api/v1/invitations/accept/whatever", data="{not json",
                  headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    _, r = accept(server, "whatever", {"password": 12345})
    assert r.status_code == 422 and set(fields_of(r)) == {"password"}
    assert invitation["id"] in [i["id"] for i in client("admin").get("/api/v1/invitations").json()["items"]]


def test_invitations_are_in_the_audit_log(client, server, mailbox):
    admin = client("admin")
    invitation = invite(admin)
    admin.post(f"/api/v1/invitations/{invitation['id']}/resend")
    token = token_of(invitation_link(server, invitation["email"], mailbox, count=2))
    accept(server, token, {"password": STRONG_PASSWORD})
    log = admin.get("/api/v1/audit-log", params={"entity": "invitation", "entity_id": invitation["id"]}).json()
    assert [e["action"] for e in log["items"]] == ["accepted", "resent", "invited"]
    assert log["items"][0]["actor"]["name"] == "Casey Colleague"
    assert token not in admin.get("/api/v1/audit-log", params={"limit": 200}).text
    revoked = invite(admin)
    admin.delete(f"/api/v1/invitations/{revoked['id']}")
    log = admin.get("/api/v1/audit-log", params={"entity": "invitation", "entity_id": revoked["id"]}).json()
    assert [e["action"] for e in log["items"]] == ["revoked", "invited"]
