"""Order changes and the account language under callers without log-in, the lowest roles, another
organisation, and the largest and oddest bodies: refused as documented, nothing changed."""
import json

import pytest

from support import Client, error_code


def paid_order(claim):
    return claim(lambda o: o["actions"]["change"]["enabled"] and o["actions"]["settle"]["reason"] == "nothing_due")


ROUTES = [("GET", "/change-options", None),
          ("POST", "/changes", {"preview": True, "operations": [{"type": "add", "ticket_type_id": 1, "quantity": 1}]}),
          ("POST", "/payments", {"expected_version": 1, "amount": 1, "method": "cash"}),
          ("POST", "/waive", {"expected_version": 1, "reason": "x"})]


def test_without_log_in_every_change_route_is_401(server, client, claim):
    order = paid_order(claim)
    anonymous = Client(server.url)
    for method, suffix, body in ROUTES:
        r = anonymous.request(method, f"/api/v1/orders/{order['number']}{suffix}", json_body=body)
        assert r.status_code == 401, (suffix, r.text)
    assert anonymous.request("PATCH", "/api/v1/me", json_body={"language": "nl"}).status_code == 401
    assert client("finance").order(order["number"]) == order


def test_a_viewer_and_another_organisation_change_nothing(server, client, claim):
    order = paid_order(claim)
    viewer, other = client("viewer"), Client(server.url).login("admin@other.test")
    # settling answers what the detail says first (nothing is owed here), as for every action
    settle = viewer.order(order["number"])["actions"]["settle"]
    expected = {"/change-options": (403, "forbidden"), "/changes": (403, "forbidden"),
                "/payments": (409, settle["reason"]), "/waive": (409, settle["reason"])}
    for method, suffix, body in ROUTES:
        path = f"/api/v1/orders/{order['number']}{suffix}"
        if body and "expected_version" in body:
            body = {**body, "expected_version": order["version"]}
        r = viewer.request(method, path, json_body=body)
        assert (r.status_code, error_code(r)) == expected[suffix], (suffix, r.text)
        assert other.request(method, path, json_body=body).status_code == 404, suffix
    assert client("finance").order(order["number"]) == order


def test_the_largest_and_oddest_change_bodies_are_refused_before_any_work(server, client, claim):
    order = paid_order(claim)
    finance = client("finance")
    path = f"/api/v1/orders/{order['number']}/changes"
    ticket = order["tickets"][0]["id"]
    too_many = [{"type": "cancel", "ticket_id": ticket}] * 101
    r = finance.post(path, {"expected_version": order["version"], "operations": too_many})
    assert r.status_code == 422 and "operations" in r.json()["error"]["details"]["fields"]
    r = finance.post(path, {"expected_version": order["version"],
                            "operations": [{"type": "add", "ticket_type_id": 1, "quantity": 10**12}]})
    assert r.status_code == 422 and "operations[0].quantity" in r.json()["error"]["details"]["fields"]
    r = finance.post(path, {"expected_version": order["version"],
                            "operations": [{"type": "swap", "ticket_id": ticket, "ticket_type_id": "7"}]})
    assert r.status_code == 422 and "operations[0].ticket_type_id" in r.json()["error"]["details"]["fields"]
    deep = "[" * 64 + "]" * 64
    r = finance.request("POST", path, data='{"operations": ' + deep + "}", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and error_code(r) == "invalid_json"
    big = json.dumps({"expected_version": order["version"], "operations": [
        {"type": "hand_over", "ticket_id": ticket, "attendee": {"first_name": "x" * 70000}}]})
    r = finance.request("POST", path, data=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and error_code(r) == "payload_too_large"
    assert finance.order(order["number"]) == order


@pytest.mark.parametrize("language", ["x" * 5000, 7, ["nl"]])
def test_an_odd_language_is_refused_and_an_endless_accept_language_is_harmless(client, language):
    c = client("support")
    assert c.patch("/api/v1/me", {"language": language}).status_code == 422
    r = c.get("/api/v1/me", headers={"Accept-Language": "xx," * 3000 + "nl"})
    assert r.status_code == 200 and r.json()["user"]["language"] is None
