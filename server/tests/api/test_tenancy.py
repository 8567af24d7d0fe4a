"""Another organisation's orders answer 404 on every order endpoint, and leak nothing."""
import pytest

from support import idempotency_key

ENDPOINTS = [
    ("GET", "", None),
    ("GET", "/history", None),
    ("GET", "/emails", None),
    ("PATCH", "/contact", {"expected_version": 1, "city": "Bristol"}),
    ("POST", "/notes", {"text": "peek"}),
    ("POST", "/resend", {"email": "x@example.com"}),
    ("GET", "/personalisation", None),
    ("PUT", "/personalisation", {"tickets": []}),
    ("POST", "/personalisation-link", {"send_email": False}),
    ("POST", "/refunds", {"expected_version": 1, "amount": 100, "reason": "peek"}),
    ("POST", "/cancel", {"expected_version": 1, "notify_customer": False}),
]


@pytest.mark.parametrize("method,suffix,body", ENDPOINTS)
def test_other_tenant_order_is_404(client, method, suffix, body):
    demo_number = client("viewer").orders(limit=1)[0]["number"]
    other = client("admin", org="other")
    r = other.request(method, f"/api/v1/orders/{demo_number}{suffix}", json_body=body,
                      headers={"Idempotency-Key": idempotency_key()})
    assert r.status_code == 404, r.text
    assert r.json()["error"]["code"] == "not_found"
    assert demo_number not in r.text


@pytest.mark.parametrize("method,suffix,body", ENDPOINTS)
def test_the_same_endpoint_exists_for_the_own_tenant(client, method, suffix, body):
    own_number = client("admin", org="other").orders(limit=1)[0]["number"]
    r = client("admin", org="other").request(method, f"/api/v1/orders/{own_number}{suffix}", json_body=body,
                                             headers={"Idempotency-Key": idempotency_key()})
    assert r.status_code != 404, r.text


def test_other_tenant_search_finds_nothing(client):
    demo = client("viewer").order(client("viewer").orders(limit=1)[0]["number"])
    other = client("admin", org="other")
    assert other.orders(q=demo["number"]) == []
    assert other.orders(q=demo["tickets"][0]["barcode"]) == []
