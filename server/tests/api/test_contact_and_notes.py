"""Editing the buyer's contact data and adding notes."""
import pytest

from support import Client, error_code


def history(c, number):
    return c.get(f"/api/v1/orders/{number}/history").json()["items"]


def test_edit_contact_normalises_records_history_and_bumps_version(client, claim):
    order = claim(role="support")
    c = client("support")
    r = c.patch(f"/api/v1/orders/{order['number']}/contact",
                {"expected_version": order["version"], "mobile": "0470 12 34 56", "country": "be",
                 "email": "New.Address@Example.org", "company": "  Acme BV "})
    assert r.status_code == 200, r.text
    after = r.json()
    assert after["version"] == order["version"] + 1
    assert after["contact"]["mobile"] == "+32470123456"
    assert after["contact"]["country"] == "BE"
    assert after["contact"]["company"] == "Acme BV"
    latest = history(c, order["number"])[0]
    assert latest["type"] == "contact_updated"
    assert latest["actor"] == {"kind": "user", "name": "Sam Support"}
    changes = latest["data"]["changes"]
    assert changes["email"] == {"old": order["contact"]["email"], "new": "New.Address@Example.org"}
    assert changes["company"] == {"old": None, "new": "Acme BV"}
    assert c.order(order["number"])["contact"]["email"] == "New.Address@Example.org"


def test_phone_is_read_in_the_contact_country(client, claim):
    order = claim(role="support")
    c = client("support")
    r = c.patch(f"/api/v1/orders/{order['number']}/contact",
                {"expected_version": order["version"], "country": "NL", "mobile": "06-12345678"})
    assert r.json()["contact"]["mobile"] == "+31612345678"


def test_stale_version_is_409_and_changes_nothing(client, claim):
    order = claim(role="support")
    c = client("support")
    ok = c.patch(f"/api/v1/orders/{order['number']}/contact",
                 {"expected_version": order["version"], "city": "Haarlem"})
    assert ok.status_code == 200
    stale = c.patch(f"/api/v1/orders/{order['number']}/contact",
                    {"expected_version": order["version"], "city": "Leiden"})
    assert stale.status_code == 409 and error_code(stale) == "order_changed"
    assert c.order(order["number"])["contact"]["city"] == "Haarlem"


@pytest.mark.parametrize("field,value", [("email", "not-an-email"), ("email", "a@b"), ("mobile", "12"),
                                         ("country", "XX"), ("language", "dutch"),
                                         ("date_of_birth", "2999-01-01"), ("date_of_birth", "1990-02-30")])
def test_invalid_contact_is_422_per_field(client, claim, field, value):
    order = claim(role="support")
    c = client("support")
    r = c.patch(f"/api/v1/orders/{order['number']}/contact", {"expected_version": order["version"], field: value})
    assert r.status_code == 422, r.text
    assert field in r.json()["error"]["details"]["fields"]
    assert c.order(order["number"])["version"] == order["version"]


def test_missing_expected_version_is_422(client, claim):
    order = claim(role="support")
    r = client("support").patch(f"/api/v1/orders/{order['number']}/contact", {"city": "Delft"})
    assert r.status_code == 422 and "expected_version" in r.json()["error"]["details"]["fields"]


def test_viewer_cannot_edit(client, claim):
    order = claim(role="viewer")
    r = client("viewer").patch(f"/api/v1/orders/{order['number']}/contact",
                               {"expected_version": order["version"], "city": "Delft"})
    assert r.status_code == 403 and error_code(r) == "forbidden"


def test_notes_appear_first_in_history(client, claim):
    order = claim(role="support")
    c = client("support")
    r = c.post(f"/api/v1/orders/{order['number']}/notes", {"text": "Customer called about parking <b>"})
    assert r.status_code == 201
    first = history(c, order["number"])[0]
    assert first["type"] == "note_added" and first["data"]["text"] == "Customer called about parking <b>"
    assert c.order(order["number"])["version"] == order["version"]
    assert c.post(f"/api/v1/orders/{order['number']}/notes", {"text": "   "}).status_code == 422


def test_history_is_newest_first(client):
    c = client("viewer")
    number = c.orders(status="refunded", limit=1)[0]["number"]
    items = history(c, number)
    assert [i["at"] for i in items] == sorted((i["at"] for i in items), reverse=True)
    assert items[-1]["type"] in ("order_placed", "order_imported")


def test_body_over_one_megabyte_is_413(client, claim):
    order = claim(role="support")
    r = client("support").post(f"/api/v1/orders/{order['number']}/notes", {"text": "x" * (1024 * 1024 + 10)})
    assert r.status_code == 413 and error_code(r) == "payload_too_large"
