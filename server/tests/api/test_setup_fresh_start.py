"""A fresh installation without demo data: the CLI creates the first admin, who sets everything up through the API."""
from setup_helpers import STRONG_PASSWORD, cli_user_add, fields_of, join
from support import Client, Server


def test_first_admin_from_the_cli_sets_up_an_event_with_personalised_tickets(workdir, make_database):
    db = make_database("fresh")
    r = cli_user_add(db, "northsea", "founder@northsea.test", create_org="Northsea Events",
                     extra=["--name", "Fay Founder", "--currency", "EUR", "--time-zone", "Europe/Amsterdam"])
    assert r.returncode == 0, r.stderr
    assert "founder@northsea.test is admin of Northsea Events" in r.stdout
    weak = cli_user_add(db, "northsea", "weak@northsea.test", password="secret")
    assert weak.returncode != 0 and "10 characters" in weak.stderr

    server = Server(db, workdir, demo=False).start()
    try:
        assert Client(server.url).post("/api/v1/session", {"email": "admin@demo.test",
                                                           "password": "boxoffice-demo"}).status_code == 401
        admin = Client(server.url).login("founder@northsea.test", STRONG_PASSWORD)
        me = admin.get("/api/v1/me").json()
        assert me["user"]["name"] == "Fay Founder"
        assert me["organisation"]["slug"] == "northsea" and me["organisation"]["role"] == "admin"
        assert admin.get("/api/v1/events").json()["items"] == []
        assert admin.orders() == []

        r = admin.post("/api/v1/events", {"name": "Northsea Festival 2031", "venue": "Beach, Scheveningen",
                                          "starts_at": "2031-07-04T12:00:00+02:00",
                                          "ends_at": "2031-07-06T23:00:00+02:00"})
        assert r.status_code == 201, r.text
        event = r.json()
        fields = [{"key": "first_name", "label": "First name", "kind": "text", "required": True},
                  {"key": "last_name", "label": "Last name", "kind": "text", "required": True}]
        r = admin.post(f"/api/v1/events/{event['id']}/ticket-types",
                       {"name": "Weekend", "price": 18950, "fee": 350, "capacity": 5000,
                        "personalisation_fields": fields})
        assert r.status_code == 201, r.text
        assert r.json()["requires_personalisation"] is True
        r = admin.post(f"/api/v1/events/{event['id']}/ticket-types",
                       {"name": "Bad", "price": 1, "capacity": 1,
                        "personalisation_fields": [{"key": "x", "label": "X", "kind": "colour", "required": True}]})
        assert r.status_code == 422 and fields_of(r) == {
            "personalisation_fields.0.kind": "One of text, email, date, phone, select."}

        detail = admin.get(f"/api/v1/events/{event['id']}").json()
        assert [t["name"] for t in detail["ticket_types"]] == ["Weekend"]
        assert detail["starts_at"] == "2031-07-04T10:00:00Z"

        _, desk = join(server, admin, role="support", email="desk@northsea.test")
        assert desk.get("/api/v1/events").json()["items"][0]["name"] == "Northsea Festival 2031"
        assert desk.post("/api/v1/events", {"name": "x"}).status_code == 403
        log = admin.get("/api/v1/audit-log").json()["items"]
        assert [e["entity"] for e in log] == ["user", "invitation", "invitation", "ticket_type", "event"]
    finally:
        server.stop()
