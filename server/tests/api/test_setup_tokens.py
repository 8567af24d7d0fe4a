"""API tokens: shown once, stored as a hash, carry a role, answer 401 as soon as they are revoked."""
from setup_helpers import fields_of, unique
from support import Client, error_code


def bearer(server, token):
    c = Client(server.url)
    c.bearer = token
    return c


def create_token(admin, role="viewer", name=None):
    r = admin.post("/api/v1/tokens", {"name": name or unique("Integration"), "role": role})
    assert r.status_code == 201, r.text
    return r.json()


def test_a_token_is_shown_once_and_authenticates_with_its_role(client, server):
    admin = client("admin")
    created = create_token(admin, role="support", name=unique("Helpdesk bot"))
    token = created["token"]
    assert token.startswith("bo_") and len(token) == 3 + 43
    assert token.startswith(created["prefix"]) and len(created["prefix"]) < len(token)
    assert created["role"] == "support"
    assert created["created_by"] == admin.get("/api/v1/me").json()["user"]["name"]
    listed = admin.get("/api/v1/tokens")
    assert token not in listed.text
    item = next(t for t in listed.json()["items"] if t["id"] == created["id"])
    assert item["prefix"] == created["prefix"] and item["last_used_at"] is None and "token" not in item

    api = bearer(server, token)
    me = api.get("/api/v1/me").json()
    assert me["user"] is None and me["token"]["name"] == created["name"]
    assert me["organisation"]["slug"] == "demo" and me["organisation"]["role"] == "support"
    number = api.orders(limit=1)[0]["number"]
    assert api.post(f"/api/v1/orders/{number}/notes", {"text": "from the helpdesk bot"}).status_code == 201
    item = next(t for t in admin.get("/api/v1/tokens").json()["items"] if t["id"] == created["id"])
    assert item["last_used_at"] is not None


def test_a_revoked_token_answers_401_at_once(client, server):
    admin = client("admin")
    created = create_token(admin)
    api = bearer(server, created["token"])
    assert api.get("/api/v1/events").status_code == 200
    assert admin.delete(f"/api/v1/tokens/{created['id']}").status_code == 204
    r = api.get("/api/v1/events")
    assert r.status_code == 401 and error_code(r) == "unauthenticated"
    assert created["id"] not in [t["id"] for t in admin.get("/api/v1/tokens").json()["items"]]
    assert admin.delete(f"/api/v1/tokens/{created['id']}").status_code == 404


def test_a_viewer_token_cannot_write(client, server):
    api = bearer(server, create_token(client("admin"), role="viewer")["token"])
    number = api.orders(limit=1)[0]["number"]
    assert api.post(f"/api/v1/orders/{number}/notes", {"text": "x"}).status_code == 403
    r = api.post("/api/v1/events", {"name": "x", "starts_at": "2031-01-01T10:00:00Z", "ends_at": "2031-01-01T12:00:00Z"})
    assert r.status_code == 403 and error_code(r) == "forbidden"
    assert api.patch("/api/v1/organisation", {"name": "x"}).status_code == 403
    assert api.post("/api/v1/tokens", {"name": "escalate", "role": "admin"}).status_code == 403
    assert api.get("/api/v1/tokens").status_code == 403


def test_an_admin_token_can_manage_setup_but_not_change_a_password(client, server):
    api = bearer(server, create_token(client("admin"), role="admin")["token"])
    r = api.post("/api/v1/events", {"name": unique("Token event"), "starts_at": "2031-01-01T10:00:00Z",
                                    "ends_at": "2031-01-01T12:00:00Z"})
    assert r.status_code == 201
    entry = api.get("/api/v1/audit-log", params={"entity": "event", "entity_id": r.json()["id"]}).json()["items"][0]
    assert entry["actor"]["kind"] == "token"
    r = api.post("/api/v1/me/password", {"current_password": "x" * 12, "new_password": "y" * 12 + "z"})
    assert r.status_code == 403


def test_tokens_are_validated_and_scoped_to_the_organisation(client):
    admin = client("admin")
    r = admin.post("/api/v1/tokens", {"name": "", "role": "root"})
    assert r.status_code == 422 and set(fields_of(r)) == {"name", "role"}
    theirs = create_token(client("admin", org="other"))
    assert theirs["id"] not in [t["id"] for t in admin.get("/api/v1/tokens").json()["items"]]
    assert admin.delete(f"/api/v1/tokens/{theirs['id']}").status_code == 404
