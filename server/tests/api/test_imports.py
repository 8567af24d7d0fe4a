"""Import Orders through the API: validation with every error, preview, one-transaction commit,
re-import skips, capacity, tenancy, limits, roles, and a crash in the middle of a commit."""
import pytest
import requests

from import_files import (HEADER, commit, csv_text, find_by_ref, get_import, many_rows, seeded_database,
                          unique_prefix, upload, upload_and_validate, wait_final)
from support import Client, Server, error_code, sql, wait_until


@pytest.fixture(scope="module")
def import_server(workdir, make_database, mailbox):
    """A demo server of its own (imports add orders and use up capacity, which other tests must not see),
    with the roomy generated event for big files."""
    s = Server(seeded_database(make_database("imports"), workdir), workdir, demo=False, smtp=mailbox.url).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def admin(import_server):
    return Client(import_server.url).login("admin@demo.test")


def login(server, email):
    return Client(server.url).login(email)


def test_a_file_with_errors_lists_every_error_and_writes_nothing(admin):
    p = unique_prefix()
    header = HEADER + ["attendee_shirt_size", "attendee_first_name", "colour"]
    rows = [
        {"order_ref": f"{p}1", "email": "not-an-email", "event": "Orchestra in Concert", "ticket_type": "Stalls"},
        {"order_ref": f"{p}2", "email": "a@example.com", "event": "No Such Event", "ticket_type": "Stalls"},
        {"order_ref": f"{p}3", "email": "b@example.com", "event": "Orchestra in Concert", "ticket_type": "Gallery"},
        {"order_ref": f"{p}4", "email": "c@example.com", "event": "Orchestra in Concert", "ticket_type": "Stalls",
         "price": "12,50", "service_fee": "-1"},
        {"order_ref": f"{p}5", "email": "d@example.com", "event": "Orchestra in Concert", "ticket_type": "Stalls",
         "payment_method": "bitcoin", "status": "refunded", "ordered_at": "yesterday"},
        {"order_ref": f"{p}6", "email": "e@example.com", "mobile": "12", "event": "Northsea Festival",
         "ticket_type": "Saturday", "attendee_shirt_size": "XXL"},
        {"order_ref": f"{p}7", "email": "f@example.com", "event": "Orchestra in Concert", "ticket_type": "Stalls",
         "attendee_first_name": "Ann"},
        {"order_ref": f"{p}8", "email": "g@example.com", "event": "Orchestra in Concert", "ticket_type": "Stalls"},
        {"order_ref": f"{p}8", "email": "other@example.com", "event": "Orchestra in Concert", "ticket_type": "Balcony"},
        {"order_ref": "", "email": "h@example.com", "event": "Orchestra in Concert", "ticket_type": "Stalls"},
        {"order_ref": f"{p}9", "email": "i@example.com", "event": "Orchestra in Concert", "ticket_type": "Stalls",
         "payment_method": "free", "price": "5"},
    ]
    text = csv_text(rows, header) + "too,few,fields\r\n"
    result = upload_and_validate(admin, text, file_name="bad.csv")
    assert result["status"] == "invalid"
    errors = [(e["line"], e["column"], e["value"], e["message"]) for e in result["errors"]]
    assert errors == [
        (2, "email", "not-an-email", "Not a valid e-mail address."),
        (3, "event", "No Such Event", "No event with this id or name."),
        (4, "ticket_type", "Gallery", 'No ticket type with this name in "Orchestra in Concert".'),
        (5, "price", "12,50", "Not an exact amount in EUR, e.g. 89.50."),
        (5, "service_fee", "-1", "Must not be negative."),
        (6, "payment_method", "bitcoin",
         "Unknown payment method; use one of card, ideal, bancontact, paypal, bank_transfer, cash, invoice, free."),
        (6, "status", "refunded", "Use paid or pending."),
        (6, "ordered_at", "yesterday", "Not an ISO 8601 time, e.g. 2026-03-01T14:30:00+01:00."),
        (7, "attendee_shirt_size", "XXL", "Choose one of the options."),
        (7, "mobile", "12", "Not a valid phone number, e.g. +31 6 12345678."),
        (8, "attendee_first_name", "Ann", 'Ticket type "Stalls" has no personalisation fields.'),
        (10, "email", "other@example.com", "Differs from line 9, the first row of this order_ref."),
        (11, "order_ref", "", "Required."),
        (12, "price", "5", "A free order has price 0."),
        (13, "", "", "This row has 3 fields; the header has 15."),
    ]
    assert result["error_count"] == len(errors)
    assert 'Column "colour": Unknown column; it is ignored.' in result["summary"]["warnings"]
    for i in range(1, 10):
        assert find_by_ref(admin, f"{p}{i}") == []

    r = admin.get(f"/api/v1/imports/{result['id']}/errors.csv")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/csv")
    lines = r.text.splitlines()
    assert lines[0] == "line,column,value,message"
    assert lines[1] == "2,email,not-an-email,Not a valid e-mail address."
    assert len(lines) == 1 + len(errors)

    r = admin.post(f"/api/v1/imports/{result['id']}/commit")
    assert r.status_code == 409 and error_code(r) == "import_not_ready"


def test_a_missing_required_column_is_an_error_on_the_header(admin):
    result = upload_and_validate(admin, "order_ref,email,ticket_type\r\nX1,a@example.com,Stalls\r\n")
    assert result["status"] == "invalid"
    assert result["errors"] == [{"line": 1, "column": "event", "value": "", "message": "Required column is missing."}]


def good_file(p):
    header = HEADER + ["attendee_first_name", "attendee_last_name", "attendee_date_of_birth"]
    rows = [
        {"order_ref": f"{p}A", "email": "Anna.Jansen@Example.com", "first_name": "Anna", "last_name": "Jansen",
         "mobile": "06 12345678", "event": "Northsea Festival", "ticket_type": "Weekend", "price": "175.00",
         "service_fee": "5.5", "payment_method": "card", "status": "paid", "ordered_at": "2026-03-01T14:30:00+01:00",
         "attendee_first_name": "Anna", "attendee_last_name": "Jansen", "attendee_date_of_birth": "1990-04-02"},
        {"order_ref": f"{p}A", "email": "anna.jansen@example.com", "first_name": "Anna", "last_name": "Jansen",
         "mobile": "+31612345678", "event": "Northsea Festival", "ticket_type": "Camping", "payment_method": "card",
         "status": "paid", "ordered_at": "2026-03-01T13:30:00Z"},
        {"order_ref": f"{p}B", "email": "bob@example.org", "first_name": "Bob", "event": "Orchestra in Concert",
         "ticket_type": "Stalls", "status": "pending", "ordered_at": "2026-02-10 19:00"},
        {"order_ref": f"{p}C", "email": "cleo@example.net", "last_name": "Free", "event": "Orchestra in Concert",
         "ticket_type": "Balcony", "payment_method": "free"},
    ]
    return csv_text(rows, header)


def test_a_good_file_imports_exactly_its_orders_and_a_second_import_skips_them(admin):
    p = unique_prefix()
    text = good_file(p)
    preview = upload_and_validate(admin, text, file_name="reseller.csv")
    assert preview["status"] == "ready", preview
    s = preview["summary"]
    assert (s["rows"], s["orders"], s["tickets"], s["skipped_existing"]) == (4, 3, 4, 0)
    assert s["currency"] == "EUR"
    assert s["totals"] == {"price": 17500 + 4500 + 5500, "fees": 550 + 200 + 200,
                           "total": 17500 + 4500 + 5500 + 550 + 200 + 200}
    by_type = {t["ticket_type"]["name"]: t for t in s["totals_by_type"]}
    assert by_type["Weekend"]["event"]["name"] == "Northsea Festival"
    assert (by_type["Weekend"]["orders"], by_type["Weekend"]["tickets"], by_type["Weekend"]["total"]) == (1, 1, 18050)
    assert (by_type["Stalls"]["orders"], by_type["Stalls"]["price"], by_type["Stalls"]["fees"]) == (1, 5500, 200)
    assert (by_type["Balcony"]["price"], by_type["Balcony"]["fees"]) == (0, 0)
    assert [o["order_ref"] for o in s["sample_orders"]] == [f"{p}A", f"{p}B", f"{p}C"]
    sample = s["sample_orders"][0]
    assert sample["mobile"] == "+31612345678" and sample["ordered_at"] == "2026-03-01T13:30:00Z"
    assert [t["ticket_type"]["name"] for t in sample["tickets"]] == ["Weekend", "Camping"]
    assert preview["errors"] == [] and preview["error_count"] == 0

    done = commit(admin, preview["id"])
    assert done["status"] == "committed", done
    assert done["committed_by"] == "Ada Admin"
    assert len(done["created_orders"]) == 3
    assert done["summary"]["orders"] == 3

    [a] = find_by_ref(admin, f"{p}A")
    order = admin.order(a["number"])
    assert a["number"] in done["created_orders"]
    assert (order["status"], order["source"], order["external_ref"]) == ("paid", "import", f"{p}A")
    assert order["created_at"] == "2026-03-01T13:30:00Z" and order["paid_at"] == "2026-03-01T13:30:00Z"
    assert order["contact"]["email"] == "Anna.Jansen@Example.com"
    assert (order["contact"]["first_name"], order["contact"]["last_name"]) == ("Anna", "Jansen")
    assert order["contact"]["mobile"] == "+31612345678"
    assert order["event"]["name"] == "Northsea Festival"
    tickets = sorted(order["tickets"], key=lambda t: t["ticket_type"]["name"])
    assert [(t["ticket_type"]["name"], t["price"], t["fee"], t["status"]) for t in tickets] == [
        ("Camping", 4500, 200, "valid"), ("Weekend", 17500, 550, "valid")]
    assert tickets[1]["attendee"] == {"first_name": "Anna", "last_name": "Jansen", "date_of_birth": "1990-04-02"}
    assert tickets[0]["attendee"] == {}
    assert len({t["barcode"] for t in tickets}) == 2 and all(len(t["barcode"]) == 16 for t in tickets)
    assert order["totals"]["total"] == 17500 + 550 + 4500 + 200 and order["totals"]["paid"] == order["totals"]["total"]
    [payment] = order["payments"]
    assert (payment["method"], payment["provider"], payment["status"], payment["amount"]) == (
        "card", "manual", "paid", 22750)
    history = admin.get(f"/api/v1/orders/{a['number']}/history").json()["items"]
    [imported] = [h for h in history if h["type"] == "order_imported"]
    assert imported["actor"] == {"kind": "user", "name": "Ada Admin"}
    assert imported["data"] == {"import_id": preview["id"], "file_name": "reseller.csv", "order_ref": f"{p}A",
                                "lines": [2, 3]}

    [b] = find_by_ref(admin, f"{p}B")
    order = admin.order(b["number"])
    assert (order["status"], order["paid_at"]) == ("pending", None)
    assert order["created_at"] == "2026-02-10T18:00:00Z"  # organisation time zone, Europe/Amsterdam
    assert [(t["price"], t["fee"]) for t in order["tickets"]] == [(5500, 200)]
    assert [(p_["method"], p_["provider"], p_["status"]) for p_ in order["payments"]] == [
        ("bank_transfer", "manual", "pending")]

    [c_] = find_by_ref(admin, f"{p}C")
    order = admin.order(c_["number"])
    assert order["status"] == "paid" and order["totals"]["total"] == 0
    assert [(p_["method"], p_["provider"]) for p_ in order["payments"]] == [("free", "none")]
    assert order["contact"]["first_name"] is None and order["contact"]["last_name"] == "Free"

    again = upload_and_validate(admin, text, file_name="reseller.csv")
    assert again["status"] == "ready"
    assert (again["summary"]["orders"], again["summary"]["skipped_existing"], again["summary"]["skipped_tickets"]) == (
        0, 3, 4)
    second = commit(admin, again["id"], send_emails=True)
    assert second["status"] == "committed" and second["created_orders"] == []
    assert second["send_emails"] is True
    for ref in ("A", "B", "C"):
        assert len(find_by_ref(admin, f"{p}{ref}")) == 1

    listed = admin.get("/api/v1/imports").json()
    assert listed["max_bytes"] == 100 * 1024 * 1024
    assert [i["id"] for i in listed["items"]][:2] == [again["id"], preview["id"]]
    assert "errors" not in listed["items"][0]


def test_ticket_emails_go_out_for_new_paid_orders_when_asked(admin, mailbox):
    p = unique_prefix()
    paid, pending = f"paid-{p.lower()}@example.com", f"pending-{p.lower()}@example.com"
    rows = [{"order_ref": f"{p}1", "email": paid, "event": "Orchestra in Concert", "ticket_type": "Stalls",
             "payment_method": "card"},
            {"order_ref": f"{p}1", "email": paid, "event": "Orchestra in Concert", "ticket_type": "Stalls",
             "payment_method": "card"},
            {"order_ref": f"{p}2", "email": pending, "event": "Orchestra in Concert", "ticket_type": "Stalls",
             "status": "pending"}]
    preview = upload_and_validate(admin, csv_text(rows), send_emails="true")
    assert preview["send_emails"] is True
    assert commit(admin, preview["id"])["status"] == "committed"
    [mail] = mailbox.wait_for(paid)
    [order] = find_by_ref(admin, f"{p}1")
    assert order["number"] in mail["message"]["Subject"] or order["number"] in mail["raw"].decode("utf-8", "replace")
    emails = admin.get(f"/api/v1/orders/{order['number']}/emails").json()["items"]
    assert [e["kind"] for e in emails] == ["tickets"]
    [pending_order] = find_by_ref(admin, f"{p}2")
    assert admin.get(f"/api/v1/orders/{pending_order['number']}/emails").json()["items"] == []
    assert mailbox.to(pending) == []


def test_exceeding_capacity_is_refused(admin):
    p = unique_prefix()
    # Spring Jazz Night / Regular holds 500 places, some of them sold by the demo data.
    rows = [{"order_ref": f"{p}{i}", "email": f"jazz{i}@example.com", "event": "Spring Jazz Night",
             "ticket_type": "Regular"} for i in range(500)]
    result = upload_and_validate(admin, csv_text(rows))
    assert result["status"] == "invalid"
    [error] = result["errors"]
    assert error["column"] == "ticket_type" and error["value"] == "Regular"
    assert error["message"].startswith('Not enough capacity: "Regular" (Spring Jazz Night) has ')
    assert error["message"].endswith(" of 500 places left; this file adds 500.")
    left = int(error["message"].split(" has ")[1].split(" of ")[0])
    assert error["line"] == 2 + left
    assert find_by_ref(admin, f"{p}0") == []

    fits = upload_and_validate(admin, csv_text(rows[:left]))
    assert fits["status"] == "ready", fits["errors"]


def test_another_organisations_events_are_not_found(admin, import_server):
    other = login(import_server, "admin@other.test")
    harbour_id = other.orders(limit=1)[0]["event_id"]
    rows = [{"order_ref": "X1", "email": "a@example.com", "event": "Harbour Sessions", "ticket_type": "Standing"},
            {"order_ref": "X2", "email": "a@example.com", "event": str(harbour_id), "ticket_type": "Standing"}]
    result = upload_and_validate(admin, csv_text(rows))
    assert [(e["line"], e["column"], e["message"]) for e in result["errors"]] == [
        (2, "event", "No event with this id or name."), (3, "event", "No event with this id or name.")]
    r = other.get(f"/api/v1/imports/{result['id']}")
    assert r.status_code == 404
    assert other.get(f"/api/v1/imports/{result['id']}/errors.csv").status_code == 404
    assert other.post(f"/api/v1/imports/{result['id']}/commit").status_code == 404
    assert result["id"] not in [i["id"] for i in other.get("/api/v1/imports").json()["items"]]


def test_an_event_can_be_named_by_its_id(admin):
    festival = [o for o in admin.orders(limit=200) if o["event_name"] == "Northsea Festival"][0]["event_id"]
    p = unique_prefix()
    rows = [{"order_ref": f"{p}1", "email": "a@example.com", "event": str(festival), "ticket_type": "Camping"}]
    result = upload_and_validate(admin, csv_text(rows))
    assert result["status"] == "ready", result["errors"]
    assert result["summary"]["totals_by_type"][0]["event"]["name"] == "Northsea Festival"


@pytest.mark.parametrize("body,message", [
    ("order_ref,email\r\nA,Zo\xeb@example.com\r\n".encode("latin-1"), "Line 2 is not UTF-8 text."),
    (b"order_ref,email\r\nA,\x00\r\n", "Line 2 contains a NUL byte: this is not a CSV text file."),
    (b"", "The file is empty."),
    (b"\xef\xbb\xbf\r\n\r\n", "The file is empty."),
])
def test_a_file_that_is_not_utf8_csv_is_refused_with_its_line(admin, body, message):
    r = upload(admin, body)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["message"].startswith(message)
    assert r.json()["error"]["details"]["fields"]["file"].startswith(message)


def test_the_body_must_be_the_csv_file(admin):
    r = admin.request("POST", "/api/v1/imports", data=b'{"a":1}', headers={"Content-Type": "application/json"})
    assert r.status_code == 415


def test_a_file_above_the_limit_is_413(workdir, make_database):
    small = Server(make_database("imports-small"), workdir, demo=True, extra=["--import-max-bytes", "2000"]).start()
    try:
        c = login(small, "admin@demo.test")
        rows = [{"order_ref": f"R{i}", "email": "a@example.com", "event": "Orchestra in Concert",
                 "ticket_type": "Stalls"} for i in range(60)]
        big = csv_text(rows)
        assert len(big) > 2000
        r = upload(c, big)
        assert r.status_code == 413, r.text
        assert error_code(r) == "payload_too_large"
        assert c.get("/api/v1/imports").json() == {"items": [], "max_bytes": 2000}
        r = upload(c, csv_text(rows[:5]))
        assert r.status_code == 202, r.text
    finally:
        small.stop()


def test_one_running_import_per_organisation(admin, import_server):
    p = unique_prefix()
    ready = upload_and_validate(admin, csv_text(many_rows(p + "S", 3)))
    slow = upload(admin, csv_text(many_rows(p, 80000, tickets_per_order=1)), file_name="slow.csv")
    assert slow.status_code == 202
    busy = upload(admin, csv_text(many_rows(p + "X", 1)))
    assert busy.status_code == 409, busy.text
    assert error_code(busy) == "import_in_progress"
    r = admin.post(f"/api/v1/imports/{ready['id']}/commit")
    assert r.status_code == 409 and error_code(r) == "import_in_progress"
    other = login(import_server, "admin@other.test")  # other tenants are not held up
    r = upload(other, csv_text([{"order_ref": "O1", "email": "a@example.com", "event": "Harbour Sessions",
                                 "ticket_type": "Standing"}]))
    assert r.status_code == 202, r.text
    assert wait_final(admin, slow.json()["id"], timeout=120)["status"] == "ready"
    assert upload_and_validate(admin, csv_text(many_rows(p + "Y", 1)))["status"] == "ready"
    wait_final(other, r.json()["id"])


@pytest.mark.parametrize("role", ["support", "finance", "viewer"])
def test_only_admins_import(import_server, admin, role):
    c = login(import_server, f"{role}@demo.test")
    existing = upload_and_validate(admin, csv_text(many_rows(unique_prefix(), 1)))
    assert upload(c, csv_text(many_rows(unique_prefix(), 1))).status_code == 403
    assert c.get("/api/v1/imports").status_code == 403
    assert c.get(f"/api/v1/imports/{existing['id']}").status_code == 403
    assert c.get(f"/api/v1/imports/{existing['id']}/errors.csv").status_code == 403
    r = c.post(f"/api/v1/imports/{existing['id']}/commit")
    assert r.status_code == 403 and error_code(r) == "forbidden"


def test_without_a_session_imports_answer_401(import_server):
    r = requests.post(import_server.url + "/api/v1/imports", data=b"a", headers={"Content-Type": "text/csv"})
    assert r.status_code == 401


def test_a_kill_during_a_commit_leaves_no_order_of_the_file(workdir, make_database):
    server = Server(seeded_database(make_database("imports-crash"), workdir), workdir, demo=False).start()
    try:
        c = login(server, "admin@demo.test")
        p = unique_prefix()
        orders = 60000
        text = csv_text(many_rows(p, orders, tickets_per_order=2, with_mobile=False))
        preview = upload_and_validate(c, text, file_name="big.csv")
        assert preview["status"] == "ready", preview["errors"]
        import_id = preview["id"]
        assert c.post(f"/api/v1/imports/{import_id}/commit").status_code == 202

        def writing():
            i = get_import(c, import_id)
            assert i["status"] == "committing", "the commit ended before the server could be killed"
            return i["progress"]["phase"] == "writing" and i["progress"]["done"] > 0
        wait_until(writing, timeout=120, interval=0.02, what="the commit to write")
        server.stop(kill=True)

        server.start()
        c = login(server, "admin@demo.test")
        for i in (0, orders // 2, orders - 1):
            assert find_by_ref(c, f"{p}{i:06d}") == []
        reset = wait_until(lambda: (lambda i: i if i["status"] != "committing" else None)(get_import(c, import_id)),
                           timeout=90, what="the interrupted commit to be reset")
        assert reset["status"] == "ready"
        assert reset["message"].startswith("The commit was interrupted before it finished")
        again = upload_and_validate(c, text, file_name="big.csv")
        assert (again["summary"]["orders"], again["summary"]["skipped_existing"]) == (orders, 0)

        done = commit(c, import_id)
        assert done["status"] == "committed" and done["summary"]["orders"] == orders
        assert len(find_by_ref(c, f"{p}{orders - 1:06d}")) == 1
    finally:
        server.stop()


def test_a_tool_that_reads_the_database_after_an_import_loses_no_later_change(workdir, make_database, mailbox):
    """A backup or report tool opening and closing the SQLite file after an import must find the server's locks
    in place: without them it removes the write-ahead log that the server goes on writing to."""
    db = seeded_database(make_database("imports-reader"), workdir)
    server = Server(db, workdir, demo=False, smtp=mailbox.url).start()
    try:
        c = login(server, "admin@demo.test")
        p = unique_prefix()
        rows = [{"order_ref": f"{p}1", "email": "reader@example.com", "event": "Orchestra in Concert",
                 "ticket_type": "Stalls"}]
        assert commit(c, upload_and_validate(c, csv_text(rows))["id"])["status"] == "committed"
        [order] = find_by_ref(c, f"{p}1")
        assert sql(db, f"SELECT COUNT(*) FROM orders WHERE external_ref = '{p}1'")[0][0] in (1, "1")

        assert c.post(f"/api/v1/orders/{order['number']}/notes", {"text": "Written after the tool"}).status_code == 201
        notes = sql(db, "SELECT COUNT(*) FROM history WHERE data LIKE '%Written after the tool%'")
        assert notes[0][0] in (1, "1")
        server.stop()
        server.start()
        c = login(server, "admin@demo.test")
        history = c.get(f"/api/v1/orders/{order['number']}/history").json()["items"]
        assert any("Written after the tool" in str(h) for h in history)
    finally:
        server.stop()


def test_the_language_column_sets_the_buyers_language_and_their_emails_follow_it(admin, mailbox):
    p = unique_prefix()
    dutch, bad = f"nl-{p.lower()}@example.com", f"bad-{p.lower()}@example.com"
    header = HEADER + ["language"]
    rows = [{"order_ref": f"{p}1", "email": dutch, "first_name": "Sanne", "event": "Orchestra in Concert",
             "ticket_type": "Stalls", "payment_method": "card", "language": "NL"},
            {"order_ref": f"{p}2", "email": bad, "event": "Orchestra in Concert", "ticket_type": "Stalls",
             "language": "dutch"}]
    invalid = upload_and_validate(admin, csv_text(rows, header))
    assert invalid["status"] == "invalid"
    assert [(e["line"], e["column"]) for e in invalid["errors"]] == [(3, "language")]
    preview = upload_and_validate(admin, csv_text(rows[:1], header), send_emails="true")
    assert preview["status"] == "ready", preview
    assert commit(admin, preview["id"])["status"] == "committed"
    [order] = find_by_ref(admin, f"{p}1")
    assert admin.order(order["number"])["contact"]["language"] == "nl"
    [mail] = mailbox.wait_for(dutch)
    assert mail["message"]["Subject"].startswith("Je tickets voor")
    assert mail["message"].get_body(("plain",)).get_content().startswith("Beste Sanne")
