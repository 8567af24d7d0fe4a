"""Languages: the one a staff member reads the UI in, and the one a customer's page speaks."""
from support import Client, error_code


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
