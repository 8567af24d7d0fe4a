"""E-mail delivery: retried with backoff, failures recorded with the server's error, nothing lost or sent
twice across a kill -9."""
import pytest

from support import Client, Mailbox, ManualClock, Server, free_port, wait_until


@pytest.fixture
def mailbox():
    """A mailbox of this test's own: demo data is the same on every server, and so are its addresses."""
    box = Mailbox()
    yield box
    box.stop()


def emails(c, number):
    return c.get(f"/api/v1/orders/{number}/emails").json()["items"]


def resend_some(c, count):
    sent = []
    for item in c.orders(status="paid", limit=200):
        o = c.order(item["number"])
        if o["actions"]["resend"]["enabled"]:
            assert c.post(f"/api/v1/orders/{o['number']}/resend", {"email": o["contact"]["email"]}).status_code == 202
            sent.append(o)
            if len(sent) == count:
                return sent
    raise AssertionError("not enough resendable orders")


def test_queued_mail_survives_kill_and_is_delivered_exactly_once(workdir, make_database, mailbox):
    closed_port = free_port()
    s = Server(make_database("outbox"), workdir, demo=True, smtp=f"smtp://127.0.0.1:{closed_port}",
               clock=ManualClock(workdir)).start()
    c = Client(s.url).login("support@demo.test")
    orders = resend_some(c, 4)
    wait_until(lambda: all(emails(c, o["number"])[0]["status"] == "retrying" for o in orders), what="retrying")
    log = emails(c, orders[0]["number"])[0]
    assert log["attempts"] >= 1 and log["last_error"]
    s.stop(kill=True)
    s.smtp = mailbox.url
    s.start()
    c = Client(s.url).login("support@demo.test")
    assert all(emails(c, o["number"])[0]["status"] == "retrying" for o in orders)  # not due while the clock stands
    s.clock.advance(3600)
    c = Client(s.url).login("support@demo.test")
    for o in orders:
        mailbox.wait_for(o["contact"]["email"])
    wait_until(lambda: all(emails(c, o["number"])[0]["status"] == "sent" for o in orders), what="sent")
    s.stop()
    ids = [m["message"]["Message-ID"] for o in orders for m in mailbox.to(o["contact"]["email"])]
    assert len(ids) == len(set(ids)) == 4


def test_a_refused_recipient_fails_with_the_server_error(workdir, make_database, mailbox):
    s = Server(make_database("refused"), workdir, demo=True, smtp=mailbox.url).start()
    c = Client(s.url).login("support@demo.test")
    number = c.orders(status="paid", payment_method="ideal", limit=1)[0]["number"]
    o = c.order(number)
    mailbox.fail_rcpt.add(o["contact"]["email"])
    try:
        c.post(f"/api/v1/orders/{number}/resend", {"email": o["contact"]["email"]})
        failed = wait_until(lambda: (e := emails(c, number)[0])["status"] == "failed" and e, what="failed")
        assert "550" in failed["last_error"]
        history = c.get(f"/api/v1/orders/{number}/history").json()["items"]
        assert history[0]["type"] == "email_failed" and "550" in history[0]["data"]["error"]
    finally:
        mailbox.fail_rcpt.discard(o["contact"]["email"])
        s.stop()


def test_without_smtp_messages_become_eml_files(workdir, make_database):
    import os
    s = Server(make_database("eml"), workdir, demo=True).start()
    c = Client(s.url).login("support@demo.test")
    [o] = resend_some(c, 1)
    wait_until(lambda: emails(c, o["number"])[0]["status"] == "sent", what="sent")
    outbox = os.path.join(s.data_dir, "outbox")
    texts = [open(os.path.join(outbox, f), encoding="utf-8").read() for f in os.listdir(outbox)]
    assert len(texts) == 1 and f"To: {o['contact']['email']}" in texts[0]
    s.stop()
