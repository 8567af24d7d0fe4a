"""The served OpenAPI document describes the setup endpoints and every reference in it resolves."""
import requests

SETUP = {
    "/api/v1/events": {"get", "post"},
    "/api/v1/events/{eventId}": {"get", "patch", "delete"},
    "/api/v1/events/{eventId}/ticket-types": {"get", "post"},
    "/api/v1/events/{eventId}/ticket-types/order": {"post"},
    "/api/v1/ticket-types/{ticketTypeId}": {"get", "patch", "delete"},
    "/api/v1/organisation": {"get", "patch"},
    "/api/v1/organisation/email-preview": {"post"},
    "/api/v1/users": {"get", "post"},
    "/api/v1/users/{userId}": {"patch", "delete"},
    "/api/v1/invitations": {"get"},
    "/api/v1/invitations/{invitationId}": {"delete"},
    "/api/v1/invitations/{invitationId}/resend": {"post"},
    "/api/v1/invitations/accept/{token}": {"get", "post"},
    "/api/v1/me/password": {"post"},
    "/api/v1/tokens": {"get", "post"},
    "/api/v1/tokens/{tokenId}": {"delete"},
    "/api/v1/audit-log": {"get"},
}


def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                yield v
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def test_openapi_document_lists_the_setup_endpoints(server):
    r = requests.get(server.url + "/api/v1/openapi.json", timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    doc = r.json()
    assert doc["openapi"].startswith("3.")
    for path, methods in SETUP.items():
        assert methods <= set(doc["paths"][path]), path
    assert {"/api/v1/session", "/api/v1/orders", "/api/v1/orders/{number}"} <= set(doc["paths"])
    for ref in set(refs(doc)):
        node = doc
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
