"""Open personalisation: attendee data per ticket, validated by kind, by staff or through a customer link."""
import re

from support import Client, error_code, pdf_attachments, pdf_text


def needs_personalisation(o):
    return o["actions"]["personalisation"]["enabled"] and o["contact"]["email"] is not None


def test_forms_list_the_tickets_that_need_data_with_missing_fields(client, claim):
    order = claim(lambda o: needs_personalisation(o) and any(t["personalisation_missing"] for t in o["tickets"]),
                  role="support")
    body = client("support").get(f"/api/v1/orders/{order['number']}/personalisation").json()
    expected = [t["id"] for t in order["tickets"] if t["status"] == "valid" and t["requires_personalisation"]]
    assert [t["ticket_id"] for t in body["tickets"]] == expected
    first = body["tickets"][0]
    assert {f["key"] for f in first["fields"]} >= {"first_name", "last_name"}
    assert first["missing"] == [f["key"] for f in first["fields"] if f["required"] and not first["values"].get(f["key"])]


def test_saving_validates_each_kind_and_writes_nothing_on_error(client, claim):
    order = claim(lambda o: needs_personalisation(o) and any(t["ticket_type"]["name"] == "Weekend" for t in o["tickets"]
                                                             if t["status"] == "valid"), role="support")
    ticket = next(t for t in order["tickets"] if t["ticket_type"]["name"] == "Weekend" and t["status"] == "valid")
    c = client("support")
    r = c.put(f"/api/v1/orders/{order['number']}/personalisation",
              {"tickets": [{"ticket_id": ticket["id"], "values": {"first_name": "Ann", "date_of_birth": "31-12-1990",
                                                                   "shoe_size": "42"}}]})
    assert r.status_code == 422
    fields = r.json()["error"]["details"]["fields"]
    assert set(fields) == {f"{ticket['id']}.date_of_birth", f"{ticket['id']}.shoe_size"}
    assert c.order(order["number"])["tickets"] == order["tickets"]


def test_saving_records_old_and_new_and_the_next_pdf_shows_the_name(client, claim, mailbox, workdir):
    order = claim(lambda o: needs_personalisation(o) and o["actions"]["resend"]["enabled"], role="support")
    ticket = next(t for t in order["tickets"] if t["status"] == "valid" and t["requires_personalisation"])
    c = client("support")
    r = c.put(f"/api/v1/orders/{order['number']}/personalisation",
              {"tickets": [{"ticket_id": ticket["id"], "values": {"first_name": "Zoë", "last_name": "Åkesson"}}]})
    assert r.status_code == 200, r.text
    saved = next(t for t in r.json()["tickets"] if t["ticket_id"] == ticket["id"])
    assert saved["values"]["first_name"] == "Zoë" and saved["values"]["last_name"] == "Åkesson"
    entry = c.get(f"/api/v1/orders/{order['number']}/history").json()["items"][0]
    assert entry["type"] == "personalisation_updated" and entry["data"]["ticket_id"] == ticket["id"]
    assert entry["data"]["changes"]["first_name"] == {"old": ticket["attendee"].get("first_name"), "new": "Zoë"}
    after = c.order(order["number"])
    assert after["version"] == order["version"] + 1
    assert next(t for t in after["tickets"] if t["id"] == ticket["id"])["barcode"] == ticket["barcode"]
    c.post(f"/api/v1/orders/{order['number']}/resend", {"email": order["contact"]["email"]})
    [mail] = mailbox.wait_for(order["contact"]["email"])
    assert "Zoë Åkesson" in pdf_text(pdf_attachments(mail["message"])[0], workdir)


def test_select_and_phone_fields(client, claim):
    order = claim(lambda o: needs_personalisation(o) and any(t["ticket_type"]["name"] == "Saturday" and t["status"] == "valid"
                                                             for t in o["tickets"]), role="support")
    ticket = next(t for t in order["tickets"] if t["ticket_type"]["name"] == "Saturday" and t["status"] == "valid")
    c = client("support")
    bad = c.put(f"/api/v1/orders/{order['number']}/personalisation",
                {"tickets": [{"ticket_id": ticket["id"], "values": {"shirt_size": "XXXL"}}]})
    assert bad.status_code == 422 and f"{ticket['id']}.shirt_size" in bad.json()["error"]["details"]["fields"]
    good = c.put(f"/api/v1/orders/{order['number']}/personalisation",
                 {"tickets": [{"ticket_id": ticket["id"], "values": {"shirt_size": "M"}}]})
    assert good.status_code == 200


def test_not_available_without_personalised_tickets(client, claim):
    order = claim(lambda o: o["actions"]["personalisation"]["reason"] == "personalisation_not_required", role="support")
    r = client("support").put(f"/api/v1/orders/{order['number']}/personalisation", {"tickets": []})
    assert r.status_code == 409 and error_code(r) == "personalisation_not_required"


def test_customer_link_is_emailed_and_works_without_login(server, client, claim, mailbox):
    order = claim(needs_personalisation, role="support")
    c = client("support")
    r = c.post(f"/api/v1/orders/{order['number']}/personalisation-link", {"send_email": True})
    assert r.status_code == 201, r.text
    link = r.json()
    assert link["url"].startswith(server.url + "/p/") and link["email_id"]
    [mail] = mailbox.wait_for(order["contact"]["email"])
    text = mail["message"].get_body(("plain",)).get_content()
    assert link["url"] in text
    token = re.search(r"/p/([A-Za-z0-9_-]+)", text).group(1)

    customer = Client(server.url)
    form = customer.get(f"/api/v1/p/{token}").json()
    assert form["organisation"]["name"] == "Demo Events" and form["order"]["number"] == order["number"]
    ticket = form["tickets"][0]
    partial = customer.put(f"/api/v1/p/{token}", {"tickets": [{"ticket_id": ticket["ticket_id"],
                                                               "values": {"first_name": "Mia", "last_name": ""}}]})
    assert partial.status_code == 422  # customers must fill every required field
    values = {f["key"]: {"date": "1994-05-17", "select": "L"}.get(f["kind"], "Mia") for f in ticket["fields"]}
    values["last_name"] = "Kuipers"
    ok = customer.put(f"/api/v1/p/{token}", {"tickets": [{"ticket_id": ticket["ticket_id"], "values": values}]})
    assert ok.status_code == 200, ok.text
    saved = next(t for t in c.order(order["number"])["tickets"] if t["id"] == ticket["ticket_id"])
    assert saved["attendee"]["last_name"] == "Kuipers" and saved["personalisation_missing"] == []
    entry = c.get(f"/api/v1/orders/{order['number']}/history").json()["items"][0]
    assert entry["actor"]["kind"] == "customer"


def test_link_is_scoped_and_unknown_tokens_are_404(server, client, claim):
    order = claim(needs_personalisation, role="support")
    link = client("support").post(f"/api/v1/orders/{order['number']}/personalisation-link", {"send_email": False}).json()
    customer = Client(server.url)
    other_ticket = client("support").order(claim(needs_personalisation, role="support")["number"])["tickets"][0]
    r = customer.put(f"/api/v1/p/{link['token']}", {"tickets": [{"ticket_id": other_ticket["id"], "values": {"first_name": "X"}}]})
    assert r.status_code == 422 and str(other_ticket["id"]) in r.json()["error"]["details"]["fields"]
    assert customer.get("/api/v1/p/not-a-real-token").status_code == 404
