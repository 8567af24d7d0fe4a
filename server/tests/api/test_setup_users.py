"""Users of an organisation: they join by invitation (test_invitations.py); here: change role, disable or remove
them in this organisation only (sessions lose it at once, their API tokens stop), own password, and the last
admin that must stay."""
from setup_helpers import STRONG_PASSWORD, fields_of, invitation_link, join, new_organisation, token_of
from support import Client, error_code


def create_token(c, role="viewer"):
    r = c.post("/api/v1/tokens", {"name": "Made by a colleague", "role": role})
    assert r.status_code == 201, r.text
    bearer = Client(c.base)
    bearer.bearer = r.json()["token"]
    return bearer


def listed(admin, email):
    return next((u for u in admin.get("/api/v1/users").json()["items"] if u["email"] == email), None)


def test_an_invited_colleague_works_with_that_role(client, server, mailbox):
    admin = client("admin")
    user, person = join(server, admin, role="finance", mailbox=mailbox)
    assert user["role"] == "finance" and user["disabled"] is False and user["api_tokens"] == 0
    assert user["last_seen_at"] is not None
    me = person.get("/api/v1/me").json()
    assert me["organisation"]["slug"] == "demo" and me["organisation"]["role"] == "finance"
    users = admin.get("/api/v1/users").json()["items"]
    assert next(u for u in users if u["email"] == "admin@demo.test")["role"] == "admin"
    assert all("password_hash" not in u and "initial_password" not in u for u in users)


def test_disabling_acts_on_this_organisation_only(client, server, mailbox):
    user, person = join(server, client("admin", org="other"), role="support", mailbox=mailbox)
    email = user["email"]
    r = client("admin").post("/api/v1/users", {"email": email.upper(), "role": "viewer"})
    assert r.status_code == 201, r.text
    token = token_of(invitation_link(server, email, mailbox, count=2))
    assert person.post(f"/api/v1/invitations/accept/{token}", {}).status_code == 200
    demo_id = listed(client("admin"), email)["id"]
    assert demo_id == user["id"]

    demo = Client(server.url, organisation="demo")
    demo.http.cookies, demo.csrf = person.http.cookies, person.csrf
    assert demo.get("/api/v1/orders", params={"limit": 1}).status_code == 200
    r = client("admin").patch(f"/api/v1/users/{demo_id}", {"disabled": True})
    assert r.status_code == 200 and r.json()["disabled"] is True
    assert demo.get("/api/v1/orders", params={"limit": 1}).status_code == 404  # demo is no longer theirs
    assert [o["slug"] for o in person.get("/api/v1/me").json()["organisations"]] == ["other"]
    assert listed(client("admin", org="other"), email)["disabled"] is False
    again = Client(server.url).login(email, STRONG_PASSWORD)
    assert [o["slug"] for o in again.get("/api/v1/me").json()["organisations"]] == ["other"]

    assert client("admin").patch(f"/api/v1/users/{demo_id}", {"disabled": False}).json()["disabled"] is False
    assert demo.get("/api/v1/orders", params={"limit": 1}).status_code == 200
    assert client("admin").delete(f"/api/v1/users/{demo_id}").status_code == 204
    assert [o["slug"] for o in person.get("/api/v1/me").json()["organisations"]] == ["other"]
    assert listed(client("admin"), email) is None
    assert listed(client("admin", org="other"), email) is not None


def test_disabling_someone_of_one_organisation_ends_their_sessions_and_log_ins(client, server, mailbox):
    admin = client("admin")
    user, session = join(server, admin, role="support", mailbox=mailbox)
    assert session.get("/api/v1/orders", params={"limit": 1}).status_code == 200
    r = admin.patch(f"/api/v1/users/{user['id']}", {"disabled": True})
    assert r.status_code == 200 and r.json()["disabled"] is True
    assert session.get("/api/v1/orders", params={"limit": 1}).status_code == 401
    r = Client(server.url).post("/api/v1/session", {"email": user["email"], "password": STRONG_PASSWORD})
    assert r.status_code == 403 and error_code(r) == "forbidden"
    assert admin.patch(f"/api/v1/users/{user['id']}", {"disabled": False}).json()["disabled"] is False
    Client(server.url).login(user["email"], STRONG_PASSWORD)


def test_disabling_or_removing_revokes_the_api_tokens_they_made_here(client, server, mailbox):
    admin = client("admin")
    user, colleague = join(server, admin, role="admin", mailbox=mailbox)
    bearer = create_token(colleague, role="finance")
    other_bearer = create_token(admin)
    assert listed(admin, user["email"])["api_tokens"] == 1
    assert bearer.get("/api/v1/orders", params={"limit": 1}).status_code == 200

    assert admin.patch(f"/api/v1/users/{user['id']}", {"disabled": True}).status_code == 200
    assert bearer.get("/api/v1/orders", params={"limit": 1}).status_code == 401
    assert other_bearer.get("/api/v1/orders", params={"limit": 1}).status_code == 200
    assert listed(admin, user["email"])["api_tokens"] == 0
    assert admin.patch(f"/api/v1/users/{user['id']}", {"disabled": False}).status_code == 200
    assert bearer.get("/api/v1/orders", params={"limit": 1}).status_code == 401  # enabling does not bring it back

    second = create_token(colleague)
    assert listed(admin, user["email"])["api_tokens"] == 1
    assert admin.delete(f"/api/v1/users/{user['id']}").status_code == 204
    assert second.get("/api/v1/orders", params={"limit": 1}).status_code == 401
    log = admin.get("/api/v1/audit-log", params={"entity": "user", "entity_id": user["id"]}).json()["items"]
    assert [e["action"] for e in log][:2] == ["access_revoked", "removed"]
    assert log[0]["changes"] == {"api_tokens": {"old": 1, "new": 0}}


def test_role_changes_apply_to_the_next_request(client, server, mailbox):
    admin = client("admin")
    user, c = join(server, admin, role="viewer", mailbox=mailbox)
    number = c.orders(limit=1)[0]["number"]
    assert c.post(f"/api/v1/orders/{number}/notes", {"text": "viewer tries"}).status_code == 403
    r = admin.patch(f"/api/v1/users/{user['id']}", {"role": "support"})
    assert r.status_code == 200 and r.json()["role"] == "support"
    assert c.get("/api/v1/me").json()["organisation"]["role"] == "support"
    r = admin.patch(f"/api/v1/users/{user['id']}", {"role": "owner"})
    assert r.status_code == 422 and "role" in fields_of(r)


def test_the_last_admin_cannot_be_demoted_disabled_or_removed(setup_server):
    _, admin = new_organisation(setup_server, "solo")
    me = admin.get("/api/v1/me").json()["user"]
    for change in ({"role": "finance"}, {"disabled": True}):
        r = admin.patch(f"/api/v1/users/{me['id']}", change)
        assert r.status_code == 409 and error_code(r) == "last_admin", change
    r = admin.delete(f"/api/v1/users/{me['id']}")
    assert r.status_code == 409 and error_code(r) == "last_admin"

    second, _ = join(setup_server, admin, role="admin")
    assert admin.patch(f"/api/v1/users/{second['id']}", {"role": "viewer"}).status_code == 200
    r = admin.patch(f"/api/v1/users/{me['id']}", {"role": "viewer"})
    assert r.status_code == 409 and error_code(r) == "last_admin"
    assert admin.patch(f"/api/v1/users/{second['id']}", {"role": "admin"}).status_code == 200
    r = admin.patch(f"/api/v1/users/{me['id']}", {"role": "finance"})  # now someone else is admin
    assert r.status_code == 200
    assert admin.get("/api/v1/users").status_code == 403


def test_changing_ones_own_password_ends_other_sessions(client, server, mailbox):
    user, here = join(server, client("admin"), role="viewer", mailbox=mailbox)
    elsewhere = Client(server.url).login(user["email"], STRONG_PASSWORD)
    new_password = "a much better passphrase 42"
    r = here.post("/api/v1/me/password", {"current_password": "wrong password!", "new_password": new_password})
    assert r.status_code == 422 and set(fields_of(r)) == {"current_password"}
    r = here.post("/api/v1/me/password", {"current_password": STRONG_PASSWORD, "new_password": "12345678"})
    assert r.status_code == 422 and set(fields_of(r)) == {"new_password"}
    assert elsewhere.get("/api/v1/me").status_code == 200

    r = here.post("/api/v1/me/password", {"current_password": STRONG_PASSWORD, "new_password": new_password})
    assert r.status_code == 204, r.text
    assert here.get("/api/v1/me").status_code == 200
    assert elsewhere.get("/api/v1/me").status_code == 401
    r = Client(server.url).post("/api/v1/session", {"email": user["email"], "password": STRONG_PASSWORD})
    assert r.status_code == 401
    Client(server.url).login(user["email"], new_password)


def test_unknown_or_other_organisations_users_are_404(client):
    others = client("admin", org="other").get("/api/v1/users").json()["items"]
    other_admin = next(u for u in others if u["email"] == "admin@other.test")
    assert other_admin["id"] not in {u["id"] for u in client("admin").get("/api/v1/users").json()["items"]}
    r = client("admin").patch(f"/api/v1/users/{other_admin['id']}", {"disabled": True})
    assert r.status_code == 404 and "other.test" not in r.text
    assert client("admin").delete(f"/api/v1/users/{other_admin['id']}").status_code == 404
    assert client("admin").patch("/api/v1/users/99999999", {"role": "viewer"}).status_code == 404
