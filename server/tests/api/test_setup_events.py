"""Events: create, read with counts, change, archive, and delete only while no order exists."""
from setup_helpers import create_event, create_ticket_type, event_body, fields_of, unique
from support import error_code


def test_admin_creates_an_event_and_everyone_reads_it(client):
    body = event_body(name=unique("Jazz Night"))
    r = client("admin").post("/api/v1/events", body)
    assert r.status_code == 201, r.text
    event = r.json()
    assert event["name"] == body["name"]
    assert event["venue"] == "Paradiso, Amsterdam"
    assert event["starts_at"] == "2031-06-01T18:00:00Z" and event["ends_at"] == "2031-06-01T23:30:00Z"
    assert event["archived"] is False
    assert event["order_count"] == 0 and event["tickets_sold"] == 0 and event["ticket_types"] == []

    for role in ("viewer", "support", "finance"):
        listed = client(role).get("/api/v1/events").json()["items"]
        assert [e["id"] for e in listed].count(event["id"]) == 1
        assert client(role).get(f"/api/v1/events/{event['id']}").json()["name"] == body["name"]


def test_event_list_counts_orders_and_tickets_sold(client):
    events = client("viewer").get("/api/v1/events").json()["items"]
    busiest = max(events, key=lambda e: e["order_count"])
    assert busiest["order_count"] > 0
    orders = client("viewer").orders(event_id=busiest["id"], limit=200)
    assert busiest["order_count"] >= len(orders)
    assert busiest["tickets_sold"] > 0
    detail = client("viewer").get(f"/api/v1/events/{busiest['id']}").json()
    assert sum(t["issued"] for t in detail["ticket_types"]) == busiest["tickets_sold"]
    assert set(busiest) >= {"id", "name", "venue", "starts_at", "ends_at", "archived", "order_count",
                            "tickets_sold", "capacity", "ticket_type_count"}


def test_times_are_validated_and_must_end_after_start(client):
    admin = client("admin")
    r = admin.post("/api/v1/events", event_body(ends_at="2031-06-01T17:00:00Z"))
    assert r.status_code == 422 and fields_of(r) == {"ends_at": "The event must end after it starts."}
    r = admin.post("/api/v1/events", event_body(starts_at="next friday"))
    assert r.status_code == 422 and "starts_at" in fields_of(r)
    r = admin.post("/api/v1/events", {"venue": "somewhere"})
    assert r.status_code == 422 and set(fields_of(r)) == {"name", "starts_at", "ends_at"}
    r = admin.post("/api/v1/events", event_body(name="  "))
    assert r.status_code == 422 and fields_of(r) == {"name": "Required."}
    r = admin.post("/api/v1/events", event_body(archived="yes"))
    assert r.status_code == 422 and fields_of(r) == {"archived": "Must be true or false."}


def test_local_times_are_read_in_the_organisation_time_zone(client):
    event = create_event(client("admin"), starts_at="2031-07-04T20:00", ends_at="2031-07-04T23:00:00+02:00")
    assert event["starts_at"] == "2031-07-04T18:00:00Z"  # Europe/Amsterdam, summer time
    assert event["ends_at"] == "2031-07-04T21:00:00Z"


def test_patch_changes_only_what_is_given_and_keeps_the_time_rule(client):
    admin = client("admin")
    event = create_event(admin)
    r = admin.patch(f"/api/v1/events/{event['id']}", {"venue": "Melkweg"})
    assert r.status_code == 200 and r.json()["venue"] == "Melkweg" and r.json()["name"] == event["name"]
    r = admin.patch(f"/api/v1/events/{event['id']}", {"ends_at": "2031-05-01T00:00:00Z"})
    assert r.status_code == 422 and "ends_at" in fields_of(r)
    assert admin.get(f"/api/v1/events/{event['id']}").json()["ends_at"] == event["ends_at"]


def test_an_event_without_orders_can_be_deleted(client):
    admin = client("admin")
    event = create_event(admin)
    create_ticket_type(admin, event["id"])
    assert admin.delete(f"/api/v1/events/{event['id']}").status_code == 204
    assert admin.get(f"/api/v1/events/{event['id']}").status_code == 404
    assert event["id"] not in [e["id"] for e in admin.get("/api/v1/events").json()["items"]]


def test_an_event_with_orders_cannot_be_deleted_only_archived(setup_server):
    from support import Client
    admin = Client(setup_server.url).login("admin@demo.test")
    event = max(admin.get("/api/v1/events").json()["items"], key=lambda e: e["order_count"])
    r = admin.delete(f"/api/v1/events/{event['id']}")
    assert r.status_code == 409 and error_code(r) == "event_has_orders"
    assert admin.get(f"/api/v1/events/{event['id']}").status_code == 200

    r = admin.patch(f"/api/v1/events/{event['id']}", {"archived": True})
    assert r.status_code == 200 and r.json()["archived"] is True
    listed = {e["id"]: e for e in admin.get("/api/v1/events").json()["items"]}
    assert listed[event["id"]]["archived"] is True
    # its orders stay readable
    number = admin.orders(event_id=event["id"], limit=1)[0]["number"]
    assert admin.order(number)["event"]["archived"] is True
    r = admin.patch(f"/api/v1/events/{event['id']}", {"archived": False})
    assert r.json()["archived"] is False


def test_unknown_and_malformed_event_ids_are_404(client):
    admin = client("admin")
    for path in ("/api/v1/events/99999999", "/api/v1/events/abc", "/api/v1/events/99999999/ticket-types"):
        r = admin.get(path)
        assert r.status_code == 404, path
    assert admin.patch("/api/v1/events/99999999", {"name": "x"}).status_code == 404
    assert admin.delete("/api/v1/events/99999999").status_code == 404


def test_the_list_without_counts_names_the_same_events(client):
    viewer = client("viewer")
    full = viewer.get("/api/v1/events").json()["items"]
    light = viewer.get("/api/v1/events", params={"counts": "false"}).json()["items"]
    assert [e["id"] for e in light] == [e["id"] for e in full]
    assert set(light[0]) == {"id", "name", "venue", "starts_at", "ends_at", "archived"}
    r = viewer.get("/api/v1/events", params={"counts": "maybe"})
    assert r.status_code == 422 and "counts" in r.json()["error"]["details"]["fields"]
