"""Two server processes on one database: a change made through one is in force in the other at its next
request, although each keeps recent log-ins in memory."""
import pytest

from setup_helpers import STRONG_PASSWORD, join, unique
from support import Client, Server


@pytest.fixture
def second(server, workdir):
    s = Server(server.db_url, workdir, demo=False).start()
    yield s
    s.stop()


def test_disabling_a_user_and_revoking_a_token_reach_the_other_process(client, server, mailbox, second):
    admin = client("admin")
    user, _ = join(server, admin, role="support", mailbox=mailbox, name="Sam Elsewhere")
    token = admin.post("/api/v1/tokens", {"name": unique("Elsewhere"), "role": "viewer"}).json()["token"]
    session = Client(second.url).login(user["email"], STRONG_PASSWORD)
    bearer = Client(second.url)
    bearer.bearer = token
    assert session.get("/api/v1/me").json()["organisation"]["role"] == "support"
    assert bearer.get("/api/v1/orders", params={"limit": 1}).status_code == 200

    assert admin.patch(f"/api/v1/users/{user['id']}", {"role": "finance"}).status_code == 200
    assert session.get("/api/v1/me").json()["organisation"]["role"] == "finance"

    assert admin.patch(f"/api/v1/users/{user['id']}", {"disabled": True}).status_code == 200
    assert session.get("/api/v1/me").status_code == 401

    token_id = next(t["id"] for t in admin.get("/api/v1/tokens").json()["items"] if t["prefix"] == token[:10])
    assert admin.delete(f"/api/v1/tokens/{token_id}").status_code == 204
    assert bearer.get("/api/v1/orders", params={"limit": 1}).status_code == 401
