"""Refunds: partial and full, manual and through the (demo) provider, idempotent and never above refundable."""
import concurrent.futures

import pytest

from support import Client, error_code, idempotency_key, wait_until


def refundable(o):
    return o["actions"]["refund"]["enabled"]


def refund(c, order, key=None, **body):
    return c.post(f"/api/v1/orders/{order['number']}/refunds",
                  {"expected_version": order["version"], "reason": "Customer cannot come", **body},
                  headers={"Idempotency-Key": key or idempotency_key()})


def settled(c, number):
    o = c.order(number)
    return o if all(r["status"] != "pending" for r in o["refunds"]) else None


def test_a_refund_names_at_most_1000_tickets(client, claim):
    order = claim(lambda o: refundable(o))
    r = refund(client("finance"), order, ticket_ids=list(range(1, 1002)))
    assert r.status_code == 422, r.text
    assert "ticket_ids" in r.json()["error"]["details"]["fields"]
    assert client("finance").order(order["number"])["refunds"] == order["refunds"]


def test_partial_refund_of_one_ticket_through_the_provider(client, claim, mailbox):
    order = claim(lambda o: refundable(o) and o["status"] == "paid" and len(o["tickets"]) >= 2
                  and o["payments"][0]["provider"] == "demo" and o["contact"]["email"], payment_method="card")
    c = client("finance")
    ticket = order["tickets"][0]
    r = refund(c, order, ticket_ids=[ticket["id"]])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["amount"] == ticket["price"] and body["status"] == "pending" and body["method"] == "provider"
    assert body["ticket_ids"] == [ticket["id"]]
    during = c.order(order["number"])
    assert during["status"] == "paid"  # only succeeded refunds change the status
    assert during["totals"]["pending_refunds"] == ticket["price"]
    assert during["totals"]["refundable"] == order["totals"]["refundable"] - ticket["price"]
    after = wait_until(lambda: settled(c, order["number"]), what="the demo provider to complete the refund")
    assert after["status"] == "partially_refunded"
    assert after["totals"]["refunded"] == ticket["price"]
    assert next(t for t in after["tickets"] if t["id"] == ticket["id"])["status"] == "refunded"
    types = [h["type"] for h in c.get(f"/api/v1/orders/{order['number']}/history").json()["items"]]
    assert types[:2] == ["refund_succeeded", "refund_requested"] or "refund_succeeded" in types
    [mail] = mailbox.wait_for(order["contact"]["email"])
    assert ("Terugbetaling" if order["contact"]["language"] == "nl" else "Refund") in mail["message"]["Subject"]


def test_manual_refund_succeeds_at_once_and_a_full_refund_ends_refunded(client, claim):
    order = claim(lambda o: refundable(o) and o["status"] == "paid" and o["payments"][0]["provider"] == "manual"
                  and o["totals"]["refundable"] > 0)
    c = client("finance")
    r = refund(c, order, amount=order["totals"]["refundable"])
    assert r.status_code == 201 and r.json()["status"] == "succeeded" and r.json()["method"] == "manual"
    after = c.order(order["number"])
    assert after["status"] == "refunded" and after["totals"]["refundable"] == 0
    assert after["actions"]["refund"]["reason"] == "already_refunded"


def test_goodwill_refund_keeps_tickets_valid(client, claim):
    order = claim(lambda o: refundable(o) and any(t["status"] == "valid" for t in o["tickets"]))
    c = client("finance")
    ticket = next(t for t in order["tickets"] if t["status"] == "valid")
    assert ticket["refundable"] is True
    r = refund(c, order, ticket_ids=[ticket["id"]], keep_tickets_valid=True)
    assert r.status_code == 201
    kept = next(t for t in c.order(order["number"])["tickets"] if t["id"] == ticket["id"])
    assert kept["status"] == "valid" and kept["refundable"] is False  # valid, but in a refund already
    again = refund(c, c.order(order["number"]), ticket_ids=[ticket["id"]])
    assert again.status_code == 409 and error_code(again) == "ticket_not_refundable"


def test_never_more_than_refundable(client, claim):
    order = claim(refundable)
    c = client("finance")
    r = refund(c, order, amount=order["totals"]["refundable"] + 1)
    assert r.status_code == 409 and error_code(r) == "exceeds_refundable"
    assert c.order(order["number"])["version"] == order["version"]


def test_stale_version_is_order_changed(client, claim):
    order = claim(refundable)
    c = client("finance")
    changed = c.patch(f"/api/v1/orders/{order['number']}/contact", {"expected_version": order["version"], "city": "Gouda"})
    assert changed.status_code == 200, changed.text
    r = refund(c, order, amount=1)
    assert r.status_code == 409 and error_code(r) == "order_changed"
    assert c.order(order["number"])["refunds"] == order["refunds"]


def test_same_idempotency_key_returns_the_first_refund_and_never_refunds_twice(client, claim):
    order = claim(refundable)
    c = client("finance")
    key = idempotency_key()
    first = refund(c, order, key=key, amount=100)
    second = refund(c, order, key=key, amount=100)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"] and second.headers.get("Idempotent-Replayed") == "true"
    assert len(c.order(order["number"])["refunds"]) == len(order["refunds"]) + 1
    other = refund(c, order, key=key, amount=200)
    assert other.status_code == 409 and error_code(other) == "idempotency_key_reused"


def test_validation(client, claim):
    order = claim(refundable)
    c = client("finance")
    assert error_code(refund(c, order)) == "validation_failed"  # neither tickets nor amount
    assert "reason" in c.post(f"/api/v1/orders/{order['number']}/refunds",
                              {"expected_version": order["version"], "amount": 1}).json()["error"]["details"]["fields"]
    assert "ticket_ids" in refund(c, order, ticket_ids=[999999999]).json()["error"]["details"]["fields"]
    assert refund(c, order, amount=-5).status_code == 422
    assert refund(c, order, amount="5").status_code == 422


@pytest.mark.parametrize("reason,filters", [
    ("not_paid", {"status": "pending"}), ("order_cancelled", {"status": "cancelled"}),
    ("already_refunded", {"status": "refunded"}), ("nothing_to_refund", {"payment_method": "free"}),
    ("payment_method_not_refundable", {"payment_method": "cash"})])
def test_disabled_refund_answers_409_with_its_reason(client, claim, reason, filters):
    order = claim(lambda o: o["actions"]["refund"]["reason"] == reason, **filters)
    r = refund(client("finance"), order, amount=1)
    assert r.status_code == 409 and error_code(r) == reason


def test_refund_deadline(client, claim):
    order = claim(lambda o: o["actions"]["refund"]["reason"] == "refund_deadline_passed")
    assert order["event"]["name"] == "Spring Jazz Night"
    assert error_code(refund(client("finance"), order, amount=1)) == "refund_deadline_passed"


def test_support_may_not_refund(client, claim):
    order = claim(refundable)
    assert client("support").order(order["number"])["actions"]["refund"]["reason"] == "forbidden"
    r = refund(client("support"), order, amount=1)
    assert r.status_code == 403 and error_code(r) == "forbidden"


def test_twenty_parallel_refunds_never_exceed_what_was_paid(server, claim):
    order = claim(lambda o: refundable(o) and o["totals"]["refundable"] >= 1000)
    clients = [Client(server.url).login("finance@demo.test") for _ in range(4)]
    share = order["totals"]["refundable"] // 8  # 8 of the 20 can succeed

    def attempt(i):
        c = clients[i % len(clients)]
        fresh = c.order(order["number"])
        return refund(c, fresh, amount=share).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        codes = list(pool.map(attempt, range(20)))
    after = clients[0].order(order["number"])
    succeeded = sum(r["amount"] for r in after["refunds"] if r["status"] == "succeeded")
    assert succeeded <= after["totals"]["paid"]
    assert codes.count(201) == len([r for r in after["refunds"] if r not in order["refunds"]])
    assert set(codes) <= {201, 409}
    assert codes.count(201) <= 8
