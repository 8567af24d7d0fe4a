"""The audit log records who changed what in the organisation's setup, with old and new values."""
from setup_helpers import create_event, create_ticket_type, join, unique
from support import error_code


def entries(admin, **params):
    r = admin.get("/api/v1/audit-log", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_event_changes_are_recorded_with_old_and_new_values(client):
    admin = client("admin")
    event = create_event(admin, name=unique("Audited"))
    renamed = unique("Audited, renamed")
    admin.patch(f"/api/v1/events/{event['id']}", {"name": renamed, "venue": "Ziggo Dome"})
    log = entries(admin, entity="event", entity_id=event["id"])["items"]
    assert [e["action"] for e in log] == ["updated", "created"]
    updated, created = log
    assert updated["changes"] == {"name": {"old": event["name"], "new": renamed},
                                  "venue": {"old": "Paradiso, Amsterdam", "new": "Ziggo Dome"}}
    assert updated["actor"]["kind"] == "user" and updated["actor"]["name"] == admin.get("/api/v1/me").json()["user"]["name"]
    assert updated["entity_label"] == renamed and updated["at"].endswith("Z")
    assert created["changes"]["name"] == {"old": None, "new": event["name"]}
    # a PATCH that changes nothing writes nothing
    admin.patch(f"/api/v1/events/{event['id']}", {"name": renamed})
    assert len(entries(admin, entity="event", entity_id=event["id"])["items"]) == 2


def test_ticket_type_users_and_tokens_are_recorded_without_secrets(client, server, mailbox):
    admin = client("admin")
    event = create_event(admin)
    t = create_ticket_type(admin, event["id"], capacity=50)
    admin.patch(f"/api/v1/ticket-types/{t['id']}", {"capacity": 80})
    log = entries(admin, entity="ticket_type", entity_id=t["id"])["items"]
    assert log[0]["changes"] == {"capacity": {"old": 50, "new": 80}}

    password = "a secret that must not leak"
    user, _ = join(server, admin, role="support", mailbox=mailbox, password=password)
    admin.patch(f"/api/v1/users/{user['id']}", {"role": "finance"})
    log = entries(admin, entity="user", entity_id=user["id"])
    assert [e["action"] for e in log["items"]] == ["updated", "added"]
    assert log["items"][0]["changes"] == {"role": {"old": "support", "new": "finance"}}

    token = admin.post("/api/v1/tokens", {"name": unique("Audited token"), "role": "viewer"}).json()
    admin.delete(f"/api/v1/tokens/{token['id']}")
    log = entries(admin, entity="token", entity_id=token["id"])
    assert [e["action"] for e in log["items"]] == ["revoked", "created"]
    whole = admin.get("/api/v1/audit-log", params={"limit": 200}).text
    assert password not in whole and token["token"] not in whole and "argon2" not in whole


def test_the_log_pages_newest_first(client):
    admin = client("admin")
    for _ in range(3):
        create_event(admin)
    first = entries(admin, limit=2)
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = entries(admin, limit=2, cursor=first["next_cursor"])
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 4
    r = admin.get("/api/v1/audit-log", params={"limit": 0, "cursor": "x"})
    assert r.status_code == 422 and set(r.json()["error"]["details"]["fields"]) == {"limit", "cursor"}


def test_each_organisation_sees_only_its_own_log(client):
    admin = client("admin")
    event = create_event(admin, name=unique("Private"))
    theirs = client("admin", org="other").get("/api/v1/audit-log", params={"limit": 200}).text
    assert event["name"] not in theirs
    r = client("finance").get("/api/v1/audit-log")
    assert r.status_code == 403 and error_code(r) == "forbidden"
