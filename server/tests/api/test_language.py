"""Languages: the one a staff member reads the UI in, and the one a customer's page speaks."""
import re

from support import Client, error_code, pdf_attachments, pdf_text, wait_until


def test_a_person_saves_the_ui_language_on_the_account(server):
    c = Client(server.url).login("viewer@demo.test")
    assert c.get("/api/v1/me").json()["user"]["language"] is None
    r = c.patch("/api/v1/me", {"language": "nl"})
    assert r.status_code == 200 and r.json()["user"]["language"] == "nl"
    # another session of the same person (a fresh log-in) sees the choice
    assert Client(server.url).login("viewer@demo.test").get("/api/v1/me").json()["user"]["language"] == "nl"
    assert c.get("/api/v1/me").json()["user"]["language"] == "nl"
    back = c.patch("/api/v1/me", {"language": None})
    assert back.status_code == 200 and back.json()["user"]["language"] is None


def test_a_language_that_is_not_offered_is_refused(server):
    c = Client(server.url).login("support@demo.test")
    r = c.patch("/api/v1/me", {"language": "de"})
    assert r.status_code == 422 and r.json()["error"]["details"]["fields"] == {
        "language": "Choose one of the languages offered: en, nl."}
    missing = c.patch("/api/v1/me", {})
    assert missing.status_code == 422 and missing.json()["error"]["details"]["fields"] == {"language": "Required."}
    assert c.get("/api/v1/me").json()["user"]["language"] is None


def test_an_api_token_has_no_language(server, client):
    token = client("admin").post("/api/v1/tokens", {"name": "language probe", "role": "viewer"}).json()["token"]
    r = Client(server.url).request("PATCH", "/api/v1/me", json_body={"language": "nl"},
                                   headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 403 and error_code(r) == "forbidden"


def test_the_customer_page_speaks_the_contacts_language(client, claim):
    support = client("support")
    for language in ("nl", "en"):
        order = claim(lambda o, language=language: o["contact"]["language"] == language
                      and o["actions"]["personalisation"]["enabled"])
        link = support.post(f"/api/v1/orders/{order['number']}/personalisation-link", {"send_email": False}).json()
        page = Client(support.base).get(f"/api/v1/p/{link['token']}").json()
        assert page["language"] == language


def resendable(language):
    return lambda o: o["actions"]["resend"]["enabled"] and o["contact"]["language"] == language


def test_a_dutch_customer_gets_dutch_tickets_and_an_english_one_english(client, claim, mailbox, workdir):
    support = client("support")
    for language, subject, body, labels in (
            ("nl", "Je tickets voor", "Beste ", ["DATUM & TIJD", "TICKETSOORT", "TICKETCODE", "Goed om te weten"]),
            ("en", "Your tickets for", "Hi ", ["DATE & TIME", "TICKET TYPE", "TICKET CODE", "Good to know"])):
        order = claim(resendable(language), role="support")
        r = support.post(f"/api/v1/orders/{order['number']}/resend", {"email": order["contact"]["email"]})
        assert r.status_code == 202, r.text
        # other demo servers of this session write to the same addresses: take this order's e-mail
        mine = lambda: [m for m in mailbox.to(order["contact"]["email"]) if order["number"] in m["message"]["Subject"]]
        [mail] = wait_until(mine, what="the tickets e-mail")
        assert mail["message"]["Subject"].startswith(subject)
        assert mail["message"].get_body(("plain",)).get_content().startswith(body)
        text = pdf_text(pdf_attachments(mail["message"])[0], workdir)
        for label in labels:
            assert label in text, (language, label, text)
        if language == "nl":
            assert re.search(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d+ \w+ \d{4} om \d\d:\d\d", text)
            assert re.search(r"EUR \d+,\d\d", text)


def test_a_contact_in_another_language_gets_the_organisations_default(setup_server):
    admin = Client(setup_server.url).login("admin@demo.test")
    support = Client(setup_server.url).login("support@demo.test")
    bad = admin.patch("/api/v1/organisation", {"default_language": "fr"})
    assert bad.status_code == 422 and "default_language" in bad.json()["error"]["details"]["fields"]
    assert admin.patch("/api/v1/organisation", {"default_language": "nl"}).json()["default_language"] == "nl"
    try:
        items = support.get("/api/v1/orders", params={"limit": 200, "status": "paid"}).json()["items"]
        order = next(o for o in map(lambda i: support.order(i["number"]), items)
                     if o["actions"]["resend"]["enabled"] and o["contact"]["language"] == "en")
        changed = support.patch(f"/api/v1/orders/{order['number']}/contact",
                                {"expected_version": order["version"], "language": "de"})
        assert changed.status_code == 200 and changed.json()["contact"]["language"] == "de"
        assert support.post(f"/api/v1/orders/{order['number']}/resend",
                            {"email": order["contact"]["email"]}).status_code == 202
        [mail] = support.get(f"/api/v1/orders/{order['number']}/emails").json()["items"][:1]
        assert mail["subject"].startswith("Je tickets voor")
        link = support.post(f"/api/v1/orders/{order['number']}/personalisation-link", {"send_email": False})
        if link.status_code == 201:
            assert Client(setup_server.url).get(f"/api/v1/p/{link.json()['token']}").json()["language"] == "nl"
    finally:
        admin.patch("/api/v1/organisation", {"default_language": "en"})


def test_a_customised_dutch_text_reaches_dutch_customers_only(setup_server):
    admin = Client(setup_server.url).login("admin@demo.test")
    support = Client(setup_server.url).login("support@demo.test")
    custom = {"subject": "Kaarten voor {event_name}", "text": "Hoi {first_name}, veel plezier!"}
    assert admin.patch("/api/v1/organisation", {"email_templates": {"nl": {"tickets": custom}}}).status_code == 200
    try:
        items = support.get("/api/v1/orders", params={"limit": 200, "status": "paid"}).json()["items"]
        details = [support.order(i["number"]) for i in items[:80]]
        for language, start in (("nl", "Kaarten voor"), ("en", "Your tickets for")):
            order = next(o for o in details if o["actions"]["resend"]["enabled"] and o["contact"]["language"] == language)
            assert support.post(f"/api/v1/orders/{order['number']}/resend",
                                {"email": order["contact"]["email"]}).status_code == 202
            mail = support.get(f"/api/v1/orders/{order['number']}/emails").json()["items"][0]
            assert mail["subject"].startswith(start), (language, mail["subject"])
    finally:
        admin.patch("/api/v1/organisation", {"email_templates": {"nl": {"tickets": None}}})


def test_the_reasons_of_disabled_actions_read_in_the_callers_language(client, claim):
    viewer = client("viewer")
    number = claim(lambda o: o["status"] == "paid", role="viewer")["number"]
    dutch = {"Accept-Language": "nl-NL,nl;q=0.9,en;q=0.8"}
    english = viewer.get(f"/api/v1/orders/{number}").json()["actions"]["refund"]
    nl = viewer.get(f"/api/v1/orders/{number}", headers=dutch).json()["actions"]["refund"]
    assert english == {"enabled": False, "reason": "forbidden", "message": "Your role does not allow this."}
    assert nl == {"enabled": False, "reason": "forbidden", "message": "Je rol staat dit niet toe."}
    r = viewer.post(f"/api/v1/orders/{number}/cancel", {"expected_version": 1, "notify_customer": False}, headers=dutch)
    assert r.status_code == 403 and r.json()["error"]["message"] == "Je rol staat dit niet toe."
    other = viewer.get(f"/api/v1/orders/{number}", headers={"Accept-Language": "de-DE, fr;q=0.5"}).json()
    assert other["actions"]["refund"]["message"] == "Your role does not allow this."
