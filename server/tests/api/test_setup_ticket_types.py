"""Ticket types: price, fee, capacity (never below what is issued), order, personalisation fields."""
import pytest

from setup_helpers import create_event, create_ticket_type, fields_of, unique
from support import Client, error_code

FIELDS = [
    {"key": "first_name", "label": "First name", "kind": "text", "required": True},
    {"key": "date_of_birth", "label": "Date of birth", "kind": "date", "required": False},
    {"key": "size", "label": "T-shirt size", "kind": "select", "required": True, "options": ["S", "M", "L"]},
]


def test_create_with_personalisation_fields_and_read_back(client):
    admin = client("admin")
    event = create_event(admin)
    t = create_ticket_type(admin, event["id"], name="Weekend", price=8950, fee=250, capacity=500,
                           personalisation_fields=FIELDS)
    assert t["name"] == "Weekend" and t["price"] == 8950 and t["fee"] == 250 and t["currency"] == "EUR"
    assert t["capacity"] == 500 and t["issued"] == 0 and t["available"] == 500
    assert t["requires_personalisation"] is True
    assert [f["key"] for f in t["personalisation_fields"]] == ["first_name", "date_of_birth", "size"]
    assert t["personalisation_fields"][2]["options"] == ["S", "M", "L"]
    assert t["personalisation_fields"][0]["options"] == []

    plain = create_ticket_type(admin, event["id"], name="Day")
    assert plain["requires_personalisation"] is False and plain["personalisation_fields"] == []
    listed = client("viewer").get(f"/api/v1/events/{event['id']}/ticket-types").json()["items"]
    assert [x["id"] for x in listed] == [t["id"], plain["id"]]
    assert [x["position"] for x in listed] == [0, 1]
    assert client("viewer").get(f"/api/v1/ticket-types/{t['id']}").json() == t


@pytest.mark.parametrize("field,message_part", [
    ({"key": "First Name", "label": "First name", "kind": "text", "required": True}, "key"),
    ({"key": "shoe", "label": "Shoe size", "kind": "number", "required": False}, "kind"),
    ({"key": "size", "label": "Size", "kind": "select", "required": True}, "options"),
    ({"key": "size", "label": "Size", "kind": "select", "required": True, "options": []}, "options"),
    ({"key": "nick", "label": "", "kind": "text", "required": False}, "label"),
    ({"key": "nick", "label": "Nickname", "kind": "text", "required": "yes"}, "required"),
])
def test_bad_personalisation_fields_are_422_per_field(client, field, message_part):
    admin = client("admin")
    event = create_event(admin)
    good = {"key": "first_name", "label": "First name", "kind": "text", "required": True}
    r = admin.post(f"/api/v1/events/{event['id']}/ticket-types",
                   {"name": "T", "price": 100, "capacity": 10, "personalisation_fields": [good, field]})
    assert r.status_code == 422, r.text
    assert list(fields_of(r)) == [f"personalisation_fields.1.{message_part}"]
    assert admin.get(f"/api/v1/events/{event['id']}/ticket-types").json()["items"] == []


def test_duplicate_keys_and_other_bad_values_are_refused(client):
    admin = client("admin")
    event = create_event(admin)
    twice = [{"key": "a", "label": "A", "kind": "text", "required": False}] * 2
    r = admin.post(f"/api/v1/events/{event['id']}/ticket-types",
                   {"name": "T", "price": -1, "fee": -5, "capacity": -3, "personalisation_fields": twice})
    assert r.status_code == 422
    assert fields_of(r) == {"price": "Cannot be negative.", "fee": "Cannot be negative.",
                            "capacity": "Cannot be negative.", "personalisation_fields.1.key": "Keys must be unique."}
    r = admin.post(f"/api/v1/events/{event['id']}/ticket-types", {"name": "T", "price": "12.50", "capacity": 1})
    assert r.status_code == 422 and fields_of(r) == {"price": "Must be a whole number."}
    r = admin.post(f"/api/v1/events/{event['id']}/ticket-types", {"price": 100})
    assert r.status_code == 422 and set(fields_of(r)) == {"name", "capacity"}


def test_capacity_can_never_go_below_what_is_issued(client):
    admin = client("admin")
    events = admin.get("/api/v1/events").json()["items"]
    sold = [t for e in events for t in admin.get(f"/api/v1/events/{e['id']}/ticket-types").json()["items"]
            if t["issued"] > 1]
    t = sold[0]
    r = admin.patch(f"/api/v1/ticket-types/{t['id']}", {"capacity": t["issued"] - 1})
    assert r.status_code == 422
    assert fields_of(r) == {"capacity": f"Cannot be below the {t['issued']} tickets already issued."}
    assert str(t["issued"]) in r.json()["error"]["details"]["fields"]["capacity"]
    assert admin.get(f"/api/v1/ticket-types/{t['id']}").json()["capacity"] == t["capacity"]


def test_capacity_down_to_exactly_issued_is_allowed(setup_server):
    admin = Client(setup_server.url).login("admin@demo.test")
    events = admin.get("/api/v1/events").json()["items"]
    t = next(t for e in events for t in admin.get(f"/api/v1/events/{e['id']}/ticket-types").json()["items"]
             if t["issued"] > 0)
    r = admin.patch(f"/api/v1/ticket-types/{t['id']}", {"capacity": t["issued"]})
    assert r.status_code == 200, r.text
    assert r.json()["capacity"] == t["issued"] and r.json()["available"] == 0


def test_changing_fields_applies_to_existing_tickets(setup_server):
    admin = Client(setup_server.url).login("admin@demo.test")
    order = next(o for o in (admin.order(i["number"]) for i in admin.orders(status="paid", limit=50))
                 if any(t["status"] == "valid" for t in o["tickets"])
                 and not any(t["requires_personalisation"] for t in o["tickets"]))
    ticket = order["tickets"][0]
    assert order["actions"]["personalisation"]["enabled"] is False
    field = {"key": "emergency_phone", "label": "Emergency phone", "kind": "phone", "required": True}
    r = admin.patch(f"/api/v1/ticket-types/{ticket['ticket_type']['id']}", {"personalisation_fields": [field]})
    assert r.status_code == 200, r.text
    after = admin.order(order["number"])
    changed = next(t for t in after["tickets"] if t["id"] == ticket["id"])
    assert changed["requires_personalisation"] is True
    assert changed["personalisation_missing"] == ["emergency_phone"]
    assert after["actions"]["personalisation"]["enabled"] is True


def test_position_moves_a_type_and_order_endpoint_reorders_all(client):
    admin = client("admin")
    event = create_event(admin)
    a, b, c = (create_ticket_type(admin, event["id"], name=n) for n in ("A", "B", "C"))
    r = admin.patch(f"/api/v1/ticket-types/{c['id']}", {"position": 0})
    assert r.status_code == 200 and r.json()["position"] == 0
    names = lambda: [t["name"] for t in admin.get(f"/api/v1/events/{event['id']}/ticket-types").json()["items"]]
    assert names() == ["C", "A", "B"]
    d = create_ticket_type(admin, event["id"], name="D", position=1)
    assert d["position"] == 1 and names() == ["C", "D", "A", "B"]

    r = admin.post(f"/api/v1/events/{event['id']}/ticket-types/order", {"ids": [a["id"], b["id"], c["id"], d["id"]]})
    assert r.status_code == 200
    assert [t["name"] for t in r.json()["items"]] == ["A", "B", "C", "D"]
    assert [t["position"] for t in r.json()["items"]] == [0, 1, 2, 3]
    r = admin.post(f"/api/v1/events/{event['id']}/ticket-types/order", {"ids": [a["id"], b["id"]]})
    assert r.status_code == 422 and "ids" in fields_of(r)
    assert names() == ["A", "B", "C", "D"]


def test_a_type_without_tickets_can_be_deleted_one_with_tickets_cannot(client):
    admin = client("admin")
    event = create_event(admin)
    t = create_ticket_type(admin, event["id"])
    assert admin.delete(f"/api/v1/ticket-types/{t['id']}").status_code == 204
    assert admin.get(f"/api/v1/ticket-types/{t['id']}").status_code == 404
    number = admin.orders(status="paid", limit=1)[0]["number"]
    used = admin.order(number)["tickets"][0]["ticket_type"]["id"]
    r = admin.delete(f"/api/v1/ticket-types/{used}")
    assert r.status_code == 409 and error_code(r) == "ticket_type_has_tickets"


def test_price_changes_do_not_touch_sold_tickets(setup_server):
    admin = Client(setup_server.url).login("admin@demo.test")
    order = admin.order(admin.orders(status="paid", limit=1)[0]["number"])
    ticket = order["tickets"][0]
    r = admin.patch(f"/api/v1/ticket-types/{ticket['ticket_type']['id']}", {"price": ticket["price"] + 1000,
                                                                          "name": unique("Renamed")})
    assert r.status_code == 200
    after = admin.order(order["number"])
    assert after["tickets"][0]["price"] == ticket["price"]
    assert after["totals"] == order["totals"]
