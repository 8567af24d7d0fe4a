"""Attacks on accounts shared between organisations: an admin of one organisation tries to take over, or learn
about, an account another organisation uses; a disabled or removed person's tokens; per-organisation disabling."""
import requests

from setup_helpers import STRONG_PASSWORD, fields_of, invitation_link, invite, join, token_of, unique_email
from support import Client, error_code


def bearer(server, admin_client, role="viewer"):
    r = admin_client.post("/api/v1/tokens", {"name": "made by the person", "role": role})
    assert r.status_code == 201, r.text
    c = Client(server.url)
    c.bearer = r.json()["token"]
    return c


def orders_status(c):
    return c.get("/api/v1/orders", params={"limit": 1}).status_code


def test_an_admin_cannot_set_or_obtain_the_password_of_an_account_another_organisation_uses(client, server, mailbox):
    attacker = client("admin")  # admin of demo only (viewer of other)
    _, victim = join(server, client("admin", org="other"), role="admin", mailbox=mailbox)
    email = victim.get("/api/v1/me").json()["user"]["email"]
    chosen = "attacker chose this password"

    r = attacker.post("/api/v1/users", {"email": email, "role": "viewer", "password": chosen})
    assert r.status_code == 422 and set(fields_of(r)) == {"password"}
    r = attacker.post("/api/v1/users", {"email": email, "role": "viewer"})
    assert r.status_code == 201
    assert chosen not in r.text and "password" not in r.text and "token" not in r.text
    listed = attacker.get("/api/v1/invitations").text + attacker.get("/api/v1/audit-log", params={"limit": 200}).text
    sent = invitation_link(server, email, mailbox, count=2)
    assert token_of(sent) not in listed and "/invite/" not in listed
    assert all(email in m["to"] for m in mailbox.to(email))

    r = Client(server.url).post("/api/v1/session", {"email": email, "password": chosen})
    assert r.status_code == 401
    assert [o["slug"] for o in victim.get("/api/v1/me").json()["organisations"]] == ["other"]
    Client(server.url).login(email, STRONG_PASSWORD)


def test_an_address_invited_first_by_one_organisation_gets_its_password_only_from_its_owner(client, server, mailbox):
    email = unique_email("future")
    invite(client("admin"), email, role="admin")  # demo's admin invites the address before anyone else
    r = client("admin").post("/api/v1/users", {"email": email, "role": "admin", "password": "set by demo admin!"})
    assert r.status_code == 422
    _, person = join(server, client("admin", org="other"), role="support", email=email, mailbox=mailbox,
                     mails_before=1)
    assert [o["slug"] for o in person.get("/api/v1/me").json()["organisations"]] == ["other"]
    r = Client(server.url).post("/api/v1/session", {"email": email, "password": "set by demo admin!"})
    assert r.status_code == 401
    demo_ids = [u["id"] for u in client("admin").get("/api/v1/users").json()["items"]]
    theirs = next(u for u in client("admin", org="other").get("/api/v1/users").json()["items"] if u["email"] == email)
    assert theirs["id"] not in demo_ids
    assert client("admin").patch(f"/api/v1/users/{theirs['id']}", {"disabled": True}).status_code == 404


def test_no_answer_tells_whether_an_address_has_an_account_elsewhere(client):
    admin = client("admin")
    existing, new = "admin@other.test", unique_email("nobody")
    answers = {e: admin.post("/api/v1/users", {"email": e, "role": "finance", "name": "Same Name"}) for e in (existing, new)}

    def shape(r, drop=("id", "email", "created_at", "expires_at")):
        body = r.json()
        return r.status_code, sorted(body), {k: v for k, v in body.items() if k not in drop}
    assert shape(answers[existing]) == shape(answers[new])
    assert answers[existing].headers.get("Set-Cookie") is None and answers[new].headers.get("Set-Cookie") is None

    listed = {i["email"]: i for i in admin.get("/api/v1/invitations").json()["items"]}
    assert {k: v for k, v in listed[existing].items() if k not in ("id", "email", "created_at", "expires_at")} == \
        {k: v for k, v in listed[new].items() if k not in ("id", "email", "created_at", "expires_at")}
    again = {e: admin.post(f"/api/v1/invitations/{answers[e].json()['id']}/resend") for e in (existing, new)}
    assert shape(again[existing]) == shape(again[new])
    log = admin.get("/api/v1/audit-log", params={"entity": "invitation", "limit": 200}).json()["items"]
    mine = [e for e in log if e["entity_label"] in (existing, new)]
    assert {e["entity_label"] for e in mine} == {existing, new}
    assert len({str(sorted(e["changes"])) for e in mine if e["action"] == "invited"}) == 1
    gone = {e: admin.delete(f"/api/v1/invitations/{answers[e].json()['id']}") for e in (existing, new)}
    assert gone[existing].status_code == gone[new].status_code == 204


def test_a_disabled_or_removed_persons_api_tokens_stop_at_once(client, server, mailbox):
    admin = client("admin")
    first, first_client = join(server, admin, role="admin", mailbox=mailbox)
    token = bearer(server, first_client, role="finance")
    assert orders_status(token) == 200
    assert admin.patch(f"/api/v1/users/{first['id']}", {"disabled": True}).status_code == 200
    assert orders_status(token) == 401
    assert admin.patch(f"/api/v1/users/{first['id']}", {"disabled": False}).status_code == 200
    assert orders_status(token) == 401

    second, second_client = join(server, admin, role="admin", mailbox=mailbox)
    token = bearer(server, second_client)
    assert orders_status(token) == 200
    assert admin.delete(f"/api/v1/users/{second['id']}").status_code == 204
    assert orders_status(token) == 401
    assert orders_status(second_client) == 401


def test_a_removed_admins_pending_invitations_die_with_their_membership(client, server, mailbox):
    admin = client("admin")
    insider, insider_client = join(server, admin, role="admin", mailbox=mailbox)
    backdoor = invite(insider_client, unique_email("backdoor"), role="admin")
    link = invitation_link(server, backdoor["email"], mailbox)
    assert admin.delete(f"/api/v1/users/{insider['id']}").status_code == 204
    r = Client(server.url).post(f"/api/v1/invitations/accept/{token_of(link)}", {"password": STRONG_PASSWORD})
    assert r.status_code == 410 and error_code(r) == "invitation_revoked"
    assert backdoor["id"] not in [i["id"] for i in admin.get("/api/v1/invitations").json()["items"]]


def test_disabling_in_one_organisation_leaves_the_person_working_in_the_other(client, server, mailbox):
    member, person = join(server, client("admin", org="other"), role="admin", mailbox=mailbox)
    email = member["email"]
    invite(client("admin"), email, role="support")
    assert person.post(f"/api/v1/invitations/accept/{token_of(invitation_link(server, email, mailbox, count=2))}",
                       {}).status_code == 200
    person.organisation = "other"
    token_in_other = bearer(server, person)
    assert token_in_other.get("/api/v1/me").json()["organisation"]["slug"] == "other"

    assert client("admin").patch(f"/api/v1/users/{member['id']}", {"disabled": True}).status_code == 200
    assert [o["slug"] for o in person.get("/api/v1/me").json()["organisations"]] == ["other"]
    assert orders_status(person) == 200 and orders_status(token_in_other) == 200
    in_demo = Client(server.url, organisation="demo")
    in_demo.http.cookies = person.http.cookies
    assert in_demo.get("/api/v1/me").status_code == 404
    fresh = Client(server.url).login(email, STRONG_PASSWORD)
    assert fresh.get("/api/v1/me").json()["organisation"]["slug"] == "other"

    assert client("admin").delete(f"/api/v1/users/{member['id']}").status_code == 204
    assert orders_status(person) == 200 and orders_status(token_in_other) == 200


def test_guessing_an_accounts_password_through_an_invitation_is_throttled(client, server, mailbox):
    _, person = join(server, client("admin", org="other"), role="viewer", mailbox=mailbox)
    email = person.get("/api/v1/me").json()["user"]["email"]
    invite(client("admin"), email, role="admin")
    token = token_of(invitation_link(server, email, mailbox, count=2))
    codes = [Client(server.url).post(f"/api/v1/invitations/accept/{token}", {"password": f"guess number {i}"}).status_code
             for i in range(12)]
    assert codes[0] == 422 and codes[-1] == 429
    assert requests.get(f"{server.url}/api/v1/invitations/accept/{token}", timeout=10).status_code == 200
    assert [o["slug"] for o in person.get("/api/v1/me").json()["organisations"]] == ["other"]
