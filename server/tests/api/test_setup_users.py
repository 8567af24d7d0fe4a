"""Users of an organisation: add, change role, disable (sessions end at once), remove, own password,
and the last admin that must stay."""
from setup_helpers import STRONG_PASSWORD, fields_of, new_organisation, unique_email
from support import Client, error_code


def add_user(admin, role="support", **extra):
    body = {"email": unique_email(), "name": "Casey Colleague", "role": role, "password": STRONG_PASSWORD, **extra}
    r = admin.post("/api/v1/users", body)
    assert r.status_code == 201, r.text
    return r.json()


def test_admin_adds_a_colleague_who_logs_in_with_that_role(client, server):
    admin = client("admin")
    user = add_user(admin, role="finance")
    assert user["role"] == "finance" and user["new_account"] is True and user["disabled"] is False
    assert "initial_password" not in user
    c = Client(server.url).login(user["email"], STRONG_PASSWORD)
    me = c.get("/api/v1/me").json()
    assert me["organisation"]["slug"] == "demo" and me["organisation"]["role"] == "finance"
    listed = {u["email"]: u for u in admin.get("/api/v1/users").json()["items"]}
    assert listed[user["email"]]["role"] == "finance"
    assert listed["admin@demo.test"]["role"] == "admin"
    assert listed[user["email"]]["last_seen_at"] is not None


def test_without_a_password_one_is_generated_and_shown_once(client, server):
    admin = client("admin")
    r = admin.post("/api/v1/users", {"email": unique_email(), "role": "viewer"})
    assert r.status_code == 201
    user = r.json()
    assert len(user["initial_password"]) >= 16 and r.headers["Cache-Control"] == "no-store"
    Client(server.url).login(user["email"], user["initial_password"])
    listed = admin.get("/api/v1/users").json()["items"]
    assert all("initial_password" not in u and "password_hash" not in u for u in listed)
    assert user["initial_password"] not in admin.get("/api/v1/users").text


def test_new_users_are_validated(client):
    admin = client("admin")
    r = admin.post("/api/v1/users", {"email": "not an address", "role": "boss", "password": "short"})
    assert r.status_code == 422 and set(fields_of(r)) == {"email", "role"}
    r = admin.post("/api/v1/users", {"email": unique_email(), "role": "viewer", "password": "password123"})
    assert r.status_code == 422 and fields_of(r) == {"password": "This password is too common."}
    r = admin.post("/api/v1/users", {"email": "viewer@demo.test", "role": "viewer"})
    assert r.status_code == 409 and error_code(r) == "already_member"


def test_an_existing_account_of_another_organisation_gets_a_membership(client, server):
    user = add_user(client("admin"), role="support")
    other_admin = client("admin", org="other")
    r = other_admin.post("/api/v1/users", {"email": user["email"].upper(), "role": "viewer", "password": "ignored-but-long"})
    assert r.status_code == 201, r.text
    assert r.json()["new_account"] is False and r.json()["id"] == user["id"]
    c = Client(server.url).login(user["email"], STRONG_PASSWORD)  # the password did not change
    assert [o["slug"] for o in c.get("/api/v1/me").json()["organisations"]] == ["demo", "other"]
    # demo's admin cannot disable an account that also works for "other" (admin@demo.test is only viewer there)
    r = client("admin").patch(f"/api/v1/users/{user['id']}", {"disabled": True})
    assert r.status_code == 409 and error_code(r) == "account_shared"
    # but can remove it from demo; the "other" membership stays
    assert client("admin").delete(f"/api/v1/users/{user['id']}").status_code == 204
    assert [o["slug"] for o in c.get("/api/v1/me").json()["organisations"]] == ["other"]
    assert user["email"] not in [u["email"] for u in client("admin").get("/api/v1/users").json()["items"]]


def test_disabling_ends_sessions_and_log_ins_at_once(client, server):
    admin = client("admin")
    user = add_user(admin, role="support")
    session = Client(server.url).login(user["email"], STRONG_PASSWORD)
    assert session.get("/api/v1/orders", params={"limit": 1}).status_code == 200
    r = admin.patch(f"/api/v1/users/{user['id']}", {"disabled": True})
    assert r.status_code == 200 and r.json()["disabled"] is True
    assert session.get("/api/v1/orders", params={"limit": 1}).status_code == 401
    r = Client(server.url).post("/api/v1/session", {"email": user["email"], "password": STRONG_PASSWORD})
    assert r.status_code == 401 and error_code(r) == "invalid_credentials"
    assert admin.patch(f"/api/v1/users/{user['id']}", {"disabled": False}).json()["disabled"] is False
    Client(server.url).login(user["email"], STRONG_PASSWORD)


def test_role_changes_apply_to_the_next_request(client, server):
    admin = client("admin")
    user = add_user(admin, role="viewer")
    c = Client(server.url).login(user["email"], STRONG_PASSWORD)
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

    second = add_user(admin, role="admin")
    assert admin.patch(f"/api/v1/users/{second['id']}", {"role": "viewer"}).status_code == 200
    r = admin.patch(f"/api/v1/users/{me['id']}", {"role": "viewer"})
    assert r.status_code == 409 and error_code(r) == "last_admin"
    assert admin.patch(f"/api/v1/users/{second['id']}", {"role": "admin"}).status_code == 200
    r = admin.patch(f"/api/v1/users/{me['id']}", {"role": "finance"})  # now someone else is admin
    assert r.status_code == 200
    assert admin.get("/api/v1/users").status_code == 403


def test_changing_ones_own_password_ends_other_sessions(client, server):
    user = add_user(client("admin"), role="viewer")
    here = Client(server.url).login(user["email"], STRONG_PASSWORD)
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
