"""Resend: the existing tickets, as one PDF, to the confirmed contact e-mail; nothing else changes."""
import pytest

from support import error_code, pdf_attachments, pdf_qr_codes, pdf_text, wait_until


def resendable(o):
    return o["actions"]["resend"]["enabled"]


def test_resend_delivers_the_valid_tickets_and_changes_nothing(client, claim, mailbox, workdir):
    order = claim(lambda o: resendable(o) and all(t["status"] == "valid" for t in o["tickets"])
                  and len(o["tickets"]) >= 2, role="support")
    c = client("support")
    r = c.post(f"/api/v1/orders/{order['number']}/resend", {"email": order["contact"]["email"].upper()})
    assert r.status_code == 202 and r.json()["status"] == "queued"
    [mail] = mailbox.wait_for(order["contact"]["email"])
    msg = mail["message"]
    assert msg["To"] == order["contact"]["email"]
    assert "Demo Events" in msg["From"] and msg["Message-ID"] and msg["Date"]
    assert msg.get_body(("plain",)) is not None and msg.get_body(("html",)) is not None
    [pdf] = pdf_attachments(msg)
    text = pdf_text(pdf, workdir)
    assert order["event"]["name"] in text and order["number"] in text
    codes = pdf_qr_codes(pdf, workdir)
    assert sorted(codes) == sorted(t["barcode"] for t in order["tickets"] if t["status"] == "valid")
    after = c.order(order["number"])
    assert after["status"] == order["status"] and after["version"] == order["version"]
    assert [t["barcode"] for t in after["tickets"]] == [t["barcode"] for t in order["tickets"]]
    history = c.get(f"/api/v1/orders/{order['number']}/history").json()["items"]
    types = [h["type"] for h in history]
    assert "tickets_resent" in types
    wait_until(lambda: c.get(f"/api/v1/orders/{order['number']}/emails").json()["items"][0]["status"] == "sent",
               what="e-mail log says sent")
    types = [h["type"] for h in c.get(f"/api/v1/orders/{order['number']}/history").json()["items"]]
    assert types.index("email_sent") < types.index("tickets_resent")  # newest first: delivery after the request


def test_only_valid_tickets_are_sent(client, claim, mailbox, workdir):
    order = claim(lambda o: resendable(o) and o["status"] == "partially_refunded"
                  and any(t["status"] == "refunded" for t in o["tickets"]), role="support")
    client("support").post(f"/api/v1/orders/{order['number']}/resend", {"email": order["contact"]["email"]})
    [mail] = mailbox.wait_for(order["contact"]["email"])
    codes = pdf_qr_codes(pdf_attachments(mail["message"])[0], workdir)
    assert sorted(codes) == sorted(t["barcode"] for t in order["tickets"] if t["status"] == "valid")


def test_a_different_email_is_refused_and_nothing_is_sent(client, claim, mailbox):
    order = claim(resendable, role="support")
    before = client("support").get(f"/api/v1/orders/{order['number']}/emails").json()["items"]
    r = client("support").post(f"/api/v1/orders/{order['number']}/resend", {"email": "someone.else@example.com"})
    assert r.status_code == 409 and error_code(r) == "email_mismatch"
    assert client("support").get(f"/api/v1/orders/{order['number']}/emails").json()["items"] == before


@pytest.mark.parametrize("reason,filters", [("not_paid", {"status": "pending"}),
                                            ("order_cancelled", {"status": "cancelled"})])
def test_disabled_resend_answers_409_with_its_reason(client, claim, reason, filters):
    order = claim(lambda o: o["actions"]["resend"]["reason"] == reason, role="support", **filters)
    r = client("support").post(f"/api/v1/orders/{order['number']}/resend", {"email": order["contact"]["email"] or "x@example.com"})
    assert r.status_code == 409 and error_code(r) == reason


def test_order_without_email_cannot_be_resent(client, claim):
    order = claim(lambda o: o["contact"]["email"] is None and o["status"] == "paid", role="support")
    assert order["actions"]["resend"] == {"enabled": False, "reason": "no_email",
                                          "message": "The order has no contact e-mail address."}
    r = client("support").post(f"/api/v1/orders/{order['number']}/resend", {"email": "x@example.com"})
    assert r.status_code == 409 and error_code(r) == "no_email"


def test_at_most_five_resends_per_hour(client, claim, mailbox):
    order = claim(resendable, role="support")
    c = client("support")
    codes = [c.post(f"/api/v1/orders/{order['number']}/resend", {"email": order["contact"]["email"]}).status_code
             for _ in range(6)]
    assert codes == [202] * 5 + [429]
    mailbox.wait_for(order["contact"]["email"], count=5)


def test_viewer_cannot_resend(client, claim):
    order = claim(resendable, role="support")
    viewer = client("viewer")
    assert viewer.order(order["number"])["actions"]["resend"]["reason"] == "forbidden"
    r = viewer.post(f"/api/v1/orders/{order['number']}/resend", {"email": order["contact"]["email"]})
    assert r.status_code == 403 and error_code(r) == "forbidden"
