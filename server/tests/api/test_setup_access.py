"""Roles and tenancy for every setup endpoint: non-admins get 403 on writes, another organisation's
events and ticket types are 404."""
import pytest

from setup_helpers import create_event, create_ticket_type

WRITES = [
    ("POST", "/api/v1/events", {"name": "x", "starts_at": "2031-01-01T10:00:00Z", "ends_at": "2031-01-01T12:00:00Z"}),
    ("PATCH", "/api/v1/events/{event}", {"name": "x"}),
    ("DELETE", "/api/v1/events/{event}", None),
    ("POST", "/api/v1/events/{event}/ticket-types", {"name": "x", "price": 1, "capacity": 1}),
    ("POST", "/api/v1/events/{event}/ticket-types/order", {"ids": []}),
    ("PATCH", "/api/v1/ticket-types/{type}", {"capacity": 5}),
    ("DELETE", "/api/v1/ticket-types/{type}", None),
    ("PATCH", "/api/v1/organisation", {"name": "x"}),
    ("POST", "/api/v1/organisation/email-preview", {"kind": "tickets"}),
    ("POST", "/api/v1/users", {"email": "someone@example.com", "role": "admin"}),
    ("PATCH", "/api/v1/users/{user}", {"role": "admin"}),
    ("DELETE", "/api/v1/users/{user}", None),
    ("POST", "/api/v1/tokens", {"name": "x", "role": "admin"}),
    ("DELETE", "/api/v1/tokens/{token}", None),
]
ADMIN_READS = ["/api/v1/users", "/api/v1/invitations", "/api/v1/tokens", "/api/v1/audit-log"]


@pytest.fixture(scope="module")
def targets(client):
    admin = client("admin")
    event = create_event(admin)
    ticket_type = create_ticket_type(admin, event["id"])
    token = admin.post("/api/v1/tokens", {"name": "access test", "role": "viewer"}).json()
    user = next(u for u in admin.get("/api/v1/users").json()["items"] if u["email"] == "viewer@demo.test")
    return {"event": event["id"], "type": ticket_type["id"], "token": token["id"], "user": user["id"]}


@pytest.mark.parametrize("role", ["viewer", "support", "finance"])
@pytest.mark.parametrize("method,path,body", WRITES)
def test_non_admins_get_403_on_every_setup_write(client, targets, role, method, path, body):
    r = client(role).request(method, path.format(**targets), json_body=body)
    assert r.status_code == 403, r.text
    assert r.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize("role", ["viewer", "support", "finance"])
def test_non_admins_cannot_read_users_tokens_or_the_audit_log(client, role):
    for path in ADMIN_READS:
        assert client(role).get(path).status_code == 403, path


def test_nothing_changed_after_the_refused_writes(client, targets):
    admin = client("admin")
    assert admin.get(f"/api/v1/events/{targets['event']}").status_code == 200
    assert admin.get(f"/api/v1/ticket-types/{targets['type']}").json()["capacity"] == 100
    assert admin.get("/api/v1/organisation").json()["name"] == "Demo Events"


TENANT = [
    ("GET", "/api/v1/events/{event}", None),
    ("PATCH", "/api/v1/events/{event}", {"name": "peek"}),
    ("DELETE", "/api/v1/events/{event}", None),
    ("GET", "/api/v1/events/{event}/ticket-types", None),
    ("POST", "/api/v1/events/{event}/ticket-types", {"name": "peek", "price": 1, "capacity": 1}),
    ("POST", "/api/v1/events/{event}/ticket-types/order", {"ids": ["{type}"]}),
    ("GET", "/api/v1/ticket-types/{type}", None),
    ("PATCH", "/api/v1/ticket-types/{type}", {"capacity": 1}),
    ("DELETE", "/api/v1/ticket-types/{type}", None),
]


@pytest.mark.parametrize("method,path,body", TENANT)
def test_another_organisations_events_and_ticket_types_are_404(client, targets, method, path, body):
    if body and body.get("ids"):
        body = {"ids": [targets["type"]]}
    r = client("admin", org="other").request(method, path.format(**targets), json_body=body)
    assert r.status_code == 404, r.text
    assert r.json()["error"]["code"] == "not_found"
    event = client("admin").get(f"/api/v1/events/{targets['event']}").json()
    assert event["name"] != "peek" and event["name"] not in r.text
    assert client("admin").get(f"/api/v1/ticket-types/{targets['type']}").json()["capacity"] == 100


def test_the_event_list_holds_only_the_own_organisations_events(client, targets):
    theirs = {e["id"] for e in client("admin", org="other").get("/api/v1/events").json()["items"]}
    ours = {e["id"] for e in client("admin").get("/api/v1/events").json()["items"]}
    assert targets["event"] in ours and not theirs & ours
