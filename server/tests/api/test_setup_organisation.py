"""Organisation settings: validation, the currency lock, the refund policy and the e-mail texts."""
from datetime import datetime, timezone

import pytest

from setup_helpers import event_body, fields_of, new_organisation
from support import Client, error_code, sql


@pytest.fixture(scope="module")
def demo_admin(setup_server):
    return Client(setup_server.url).login("admin@demo.test")


def test_everyone_reads_the_settings(client):
    s = client("viewer").get("/api/v1/organisation").json()
    assert s["slug"] == "demo" and s["name"] == "Demo Events" and s["currency"] == "EUR"
    assert s["currency_locked"] is True
    assert s["time_zone"] == "Europe/Amsterdam" and s["country"] == "NL"
    assert "cash" not in s["refund_methods"] and "card" in s["refund_methods"]
    assert s["partial_refunds"] is True and s["refund_fees"] is False and s["refund_deadline_days"] == 30
    assert s["default_language"] == "en" and s["languages"] == ["en", "nl"]
    assert set(s["email_templates"]) == {"en", "nl"}
    assert set(s["email_templates"]["nl"]) == {"tickets", "cancellation", "refund", "personalisation_link", "order_changed"}
    link = s["email_templates"]["en"]["personalisation_link"]
    assert "{link}" in link["text"] and link["customised"] is False and "link" in link["placeholders"]
    assert s["email_templates"]["nl"]["personalisation_link"]["text"].startswith("Beste {first_name}")


def test_bad_values_are_422_per_field_and_change_nothing(client):
    admin = client("admin")
    before = admin.get("/api/v1/organisation").json()
    r = admin.patch("/api/v1/organisation", {
        "time_zone": "Europe/Atlantis", "currency": "EURO", "country": "XX", "sender_email": "not-an-address",
        "refund_methods": ["card", "bitcoin"], "refund_deadline_days": -1, "name": ""})
    assert r.status_code == 422
    assert set(fields_of(r)) == {"time_zone", "currency", "country", "sender_email", "refund_methods",
                                 "refund_deadline_days", "name"}
    r = admin.patch("/api/v1/organisation", {"partial_refunds": "no", "refund_methods": "card"})
    assert r.status_code == 422 and set(fields_of(r)) == {"partial_refunds", "refund_methods"}
    assert admin.get("/api/v1/organisation").json() == before


def test_currency_is_locked_once_there_are_orders(setup_server, demo_admin):
    r = demo_admin.patch("/api/v1/organisation", {"currency": "GBP"})
    assert r.status_code == 409 and error_code(r) == "currency_locked"
    assert demo_admin.get("/api/v1/organisation").json()["currency"] == "EUR"
    # the same currency is no change and passes
    assert demo_admin.patch("/api/v1/organisation", {"currency": "EUR"}).status_code == 200

    _, fresh = new_organisation(setup_server, "shop")
    s = fresh.get("/api/v1/organisation").json()
    assert s["currency_locked"] is False
    r = fresh.patch("/api/v1/organisation", {"currency": "gbp", "time_zone": "Europe/London", "country": "GB"})
    assert r.status_code == 200, r.text
    assert (r.json()["currency"], r.json()["time_zone"], r.json()["country"]) == ("GBP", "Europe/London", "GB")
    assert fresh.get("/api/v1/me").json()["organisation"]["currency"] == "GBP"

    # the first order (a box-office sale written straight into the database) locks the currency
    event = fresh.post("/api/v1/events", event_body()).json()
    sql(setup_server.db_url, "INSERT INTO orders (organisation_id, event_id, number, status, source, currency, "
        f"payment_method, created_at, updated_at) SELECT organisation_id, id, 'LOCK{event['id']}', 'paid', "
        f"'box_office', 'GBP', 'cash', 0, 0 FROM events WHERE id = {event['id']}")
    assert fresh.get("/api/v1/organisation").json()["currency_locked"] is True
    r = fresh.patch("/api/v1/organisation", {"currency": "EUR"})
    assert r.status_code == 409 and error_code(r) == "currency_locked"
    assert fresh.patch("/api/v1/organisation", {"time_zone": "Europe/Dublin"}).status_code == 200


def test_refund_policy_decides_when_refund_is_enabled(demo_admin):
    number = next(i["number"] for i in demo_admin.orders(status="paid", payment_method="card", limit=50)
                  if demo_admin.order(i["number"])["actions"]["refund"]["enabled"])
    s = demo_admin.get("/api/v1/organisation").json()
    methods = [m for m in s["refund_methods"] if m != "card"]
    r = demo_admin.patch("/api/v1/organisation", {"refund_methods": methods})
    assert r.status_code == 200 and "card" not in r.json()["refund_methods"]
    refund = demo_admin.order(number)["actions"]["refund"]
    assert refund["enabled"] is False and refund["reason"] == "payment_method_not_refundable"

    r = demo_admin.patch("/api/v1/organisation", {"refund_methods": s["refund_methods"], "refund_deadline_days": 0})
    assert r.status_code == 200
    order = demo_admin.order(number)
    ended = datetime.fromisoformat(order["event"]["ends_at"].replace("Z", "+00:00")) < datetime.now(timezone.utc)
    if ended:
        assert order["actions"]["refund"]["reason"] == "refund_deadline_passed"
    else:
        assert order["actions"]["refund"]["enabled"] is True
    assert demo_admin.patch("/api/v1/organisation", {"refund_deadline_days": 30}).status_code == 200


def test_email_texts_can_be_customised_previewed_and_reset(demo_admin):
    custom = {"subject": "Tickets for {event_name} ({order_number})",
              "text": "Dear {first_name}, enjoy {event_name}!\n{organisation_name}"}
    r = demo_admin.patch("/api/v1/organisation", {"email_templates": {"en": {"tickets": custom}}})
    assert r.status_code == 200, r.text
    tickets = r.json()["email_templates"]["en"]["tickets"]
    assert tickets["customised"] is True and tickets["subject"] == custom["subject"]
    assert r.json()["email_templates"]["en"]["refund"]["customised"] is False
    # the Dutch text stays the Dutch default: never another language's text
    assert r.json()["email_templates"]["nl"]["tickets"]["customised"] is False
    assert r.json()["email_templates"]["nl"]["tickets"]["subject"].startswith("Je tickets")

    r = demo_admin.patch("/api/v1/organisation", {"email_templates": {"en": {"tickets": {"subject": "Your {event_name} tickets"}}}})
    assert r.json()["email_templates"]["en"]["tickets"]["text"] == custom["text"]

    r = demo_admin.post("/api/v1/organisation/email-preview", {"kind": "tickets", **custom})
    assert r.status_code == 200, r.text
    preview = r.json()
    assert preview["subject"] == "Tickets for Northsea Festival (T9X4K2QZ)"
    assert preview["text"] == "Dear Emma, enjoy Northsea Festival!\nDemo Events"
    r = demo_admin.post("/api/v1/organisation/email-preview", {"kind": "personalisation_link"})
    assert r.status_code == 200 and "/p/" in r.json()["text"] and "{" not in r.json()["text"]

    r = demo_admin.post("/api/v1/organisation/email-preview", {"kind": "refund", "language": "nl"})
    assert r.status_code == 200 and r.json()["text"].startswith("Beste Emma") and "EUR 89,50" in r.json()["text"]

    r = demo_admin.patch("/api/v1/organisation", {"email_templates": {"en": {"tickets": None}}})
    assert r.json()["email_templates"]["en"]["tickets"]["customised"] is False
    assert "{venue}" in r.json()["email_templates"]["en"]["tickets"]["text"]


def test_email_texts_are_validated(demo_admin):
    r = demo_admin.patch("/api/v1/organisation", {"email_templates": {"nl": {
        "refund": {"subject": "Terugbetaling {link}", "text": ""},
        "newsletter": {"subject": "x", "text": "y"},
        "cancellation": {"subject": "Line\nbreak"}}, "de": {"tickets": {"subject": "x"}}}})
    assert r.status_code == 422
    assert fields_of(r) == {"email_templates.nl.refund.subject": "Unknown placeholder {link}.",
                            "email_templates.nl.refund.text": "Required.",
                            "email_templates.nl.newsletter": fields_of(r)["email_templates.nl.newsletter"],
                            "email_templates.nl.cancellation.subject": "Use a single line.",
                            "email_templates.de": "Choose one of the languages offered: en, nl."}
    r = demo_admin.post("/api/v1/organisation/email-preview", {"kind": "refund", "subject": "{nope}", "text": "x"})
    assert r.status_code == 422 and fields_of(r) == {"subject": "Unknown placeholder {nope}."}
    r = demo_admin.post("/api/v1/organisation/email-preview", {"kind": "flyer", "subject": "x", "text": "y"})
    assert r.status_code == 422 and "kind" in fields_of(r)


def test_non_admins_cannot_change_settings(client):
    for role in ("viewer", "support", "finance"):
        r = client(role).patch("/api/v1/organisation", {"name": "Hijacked"})
        assert r.status_code == 403 and error_code(r) == "forbidden"
        r = client(role).post("/api/v1/organisation/email-preview", {"kind": "tickets"})
        assert r.status_code == 403
    assert client("viewer").get("/api/v1/organisation").json()["name"] == "Demo Events"
