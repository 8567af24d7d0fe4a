#!/usr/bin/env python3
"""Fake Stripe and Mollie refund APIs for tests; standard library only.

Usage: python3 fake_provider.py --port N [--slow-seconds 5] [--stripe-webhook-secret whsec_x]
       [--stripe-key sk_test_fake] [--mollie-key test_fake] [--page-limit 250] [--verbose]
Prints "ready <port>" on stdout once listening; --port 0 picks a free port.

Stripe: POST /v1/refunds (form: payment_intent, amount, metadata[...]), GET /v1/refunds/{re_id}.
Mollie: POST /v2/payments/{tr_id}/refunds (JSON amount {currency, value}, description),
        GET /v2/payments/{tr_id}/refunds[/{re_id}] (list: limit, from, _links.next).
Both need "Authorization: Bearer <key>" (401 otherwise) and honour Idempotency-Key: same key and
same body replay the stored response (header Idempotent-Replayed: true); same key with another
body → Stripe 400 idempotency_error / Mollie 422; same key while the first is still running → 409.
Validation errors and 503s are not stored, like the real APIs.

Behaviour by payment id:
  "fail"    Stripe 402 card_error, Mollie 422 (stored under the idempotency key).
  "slow"    the create call waits --slow-seconds (or until /_control/release), then completes.
  "pending" the refund stays pending until /_control/refunds/{id}/complete|fail|cancel.
  "down"    503 (Mollie also for GETs on that payment).
  otherwise Stripe: succeeded at once. Mollie: the create answer says "pending" and every later
            read shows "refunded".

Control API (no auth):
  GET    /_control/requests[?prefix=/v1]   provider API requests received: method, path, query,
                                           headers, body
  DELETE /_control/requests                forget them
  POST   /_control/reset                   forget requests, refunds, idempotency keys, webhooks
  GET    /_control/refunds                 every refund: provider, id, payment, status, object
  POST   /_control/refunds/{id}/complete   → succeeded / refunded
  POST   /_control/refunds/{id}/fail       → failed (JSON {"reason": "..."} sets Stripe failure_reason)
  POST   /_control/refunds/{id}/cancel     → canceled
  POST   /_control/refunds/{id}/webhook    JSON {"url", "type"?, "timestamp"?}: send the refund's
                                           webhook now (Stripe: signed event, Mollie: id=tr_...)
  GET    /_control/webhooks                webhooks sent so far, numbered from 0
  POST   /_control/webhooks/{n}/replay     resend webhook n (Stripe: same event, signed anew unless
                                           {"resign": false}); JSON {"url"} overrides the target
  POST   /_control/release                 let delayed "slow" requests finish now
  POST   /_control/inbox                   a webhook target that records what it receives
  GET    /_control/inbox                   what it received; DELETE forgets it
"""

import argparse
import hashlib
import hmac
import json
import re
import secrets
import string
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, parse_qsl, urlsplit

ARGS = None
LOCK = threading.Lock()
RELEASED = threading.Condition(LOCK)
STATE = {}

ZERO_DECIMALS = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
                 "VND", "VUV", "XAF", "XOF", "XPF"}
THREE_DECIMALS = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"}
MOLLIE_DOCS = {"href": "https://docs.mollie.com/reference/refunds-api", "type": "text/html"}


def reset_state():
    STATE.update(requests=[], refunds={}, idempotency={}, webhooks=[], inbox=[], release_generation=0)


def new_id(prefix, length):
    alphabet = string.ascii_letters + string.digits
    return prefix + "".join(secrets.choice(alphabet) for _ in range(length))


def now_iso():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def decimals(currency):
    return 0 if currency in ZERO_DECIMALS else 3 if currency in THREE_DECIMALS else 2


def wait_for_release():
    with RELEASED:
        generation = STATE["release_generation"]
        deadline = time.monotonic() + ARGS.slow_seconds
        while STATE["release_generation"] == generation:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            RELEASED.wait(remaining)


def stripe_signature(payload, timestamp, secret):
    digest = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def stripe_error(status, type_, message, **extra):
    return status, {"error": dict(type=type_, message=message, **extra)}


def mollie_error(status, title, detail, field=None):
    body = {"status": status, "title": title, "detail": detail, "_links": {"documentation": MOLLIE_DOCS}}
    if field:
        body["field"] = field
    return status, body


def mollie_view(refund):
    """The refund as Mollie shows it now; a settling refund becomes refunded on this read."""
    if refund.pop("settle_on_read", False):
        refund["object"]["status"] = "refunded"
    return refund["object"]


class Handler(BaseHTTPRequestHandler):
    server_version = "FakeProvider/1"

    def log_message(self, fmt, *args):
        if ARGS.verbose:
            sys.stderr.write("fake_provider: " + fmt % args + "\n")

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_DELETE(self):
        self.dispatch("DELETE")

    # ---- plumbing ---------------------------------------------------------------------------
    def dispatch(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        self.raw_body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        url = urlsplit(self.path)
        self.route_path, self.query = url.path, parse_qs(url.query)
        if not self.route_path.startswith("/_control/"):
            with LOCK:
                STATE["requests"].append({"method": method, "path": url.path, "query": url.query,
                                          "headers": dict(self.headers.items()), "body": self.raw_body})
        try:
            result = self.route(method)
        except Exception as error:  # a fake must answer even when a test sends nonsense
            result = (500, {"error": {"type": "api_error", "message": f"fake provider bug: {error!r}"}})
        self.reply(*result)

    def route(self, method):
        p = self.route_path
        routes = [
            ("POST", r"/v1/refunds", self.stripe_create),
            ("GET", r"/v1/refunds/([^/]+)", self.stripe_get),
            ("POST", r"/v2/payments/([^/]+)/refunds", self.mollie_create),
            ("GET", r"/v2/payments/([^/]+)/refunds", self.mollie_list),
            ("GET", r"/v2/payments/([^/]+)/refunds/([^/]+)", self.mollie_get),
            ("GET", r"/_control/requests", self.control_requests),
            ("DELETE", r"/_control/requests", self.control_clear_requests),
            ("POST", r"/_control/reset", self.control_reset),
            ("GET", r"/_control/refunds", self.control_refunds),
            ("POST", r"/_control/refunds/([^/]+)/(complete|fail|cancel)", self.control_transition),
            ("POST", r"/_control/refunds/([^/]+)/webhook", self.control_webhook),
            ("GET", r"/_control/webhooks", self.control_webhooks),
            ("POST", r"/_control/webhooks/(\d+)/replay", self.control_replay),
            ("POST", r"/_control/release", self.control_release),
            ("POST", r"/_control/inbox", self.inbox_receive),
            ("GET", r"/_control/inbox", self.inbox_list),
            ("DELETE", r"/_control/inbox", self.inbox_clear),
        ]
        for route_method, pattern, action in routes:
            match = re.fullmatch(pattern, p)
            if match and route_method == method:
                return action(*match.groups())
        if p.startswith("/v2/"):
            return mollie_error(404, "Not Found", "The resource does not exist")
        return stripe_error(404, "invalid_request_error", f"Unrecognized request URL ({method}: {p}).")

    def reply(self, status, body, headers=None):
        content_type = "application/hal+json" if self.route_path.startswith("/v2/") else "application/json"
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test); the work is done and stored anyway

    def json_body(self):
        try:
            value = json.loads(self.raw_body) if self.raw_body else {}
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def base_url(self):
        return "http://" + (self.headers.get("Host") or "127.0.0.1")

    def bearer_ok(self, key):
        return self.headers.get("Authorization", "") == f"Bearer {key}"

    def idempotent(self, provider, fingerprint, execute, mismatch, in_progress):
        """Runs `execute` once per Idempotency-Key; returns (status, body, extra headers)."""
        key = self.headers.get("Idempotency-Key")
        if not key:
            return (*execute(), None)
        with LOCK:
            entry = STATE["idempotency"].get((provider, key))
            if entry is None:
                STATE["idempotency"][(provider, key)] = entry = {"fingerprint": fingerprint, "result": None}
            elif entry["fingerprint"] != fingerprint:
                return (*mismatch, None)
            elif entry["result"] is None:
                return (*in_progress, None)
            else:
                return (*entry["result"], {"Idempotent-Replayed": "true"})
        result = execute()
        with LOCK:
            entry["result"] = result
        return (*result, None)

    # ---- Stripe -----------------------------------------------------------------------------
    def stripe_auth_error(self):
        if self.bearer_ok(ARGS.stripe_key):
            return None
        given = self.headers.get("Authorization", "")
        if not given.startswith("Bearer "):
            return stripe_error(401, "invalid_request_error",
                                "No API key provided: send it as a Bearer token in the Authorization header.")
        key = given[len("Bearer "):]
        masked = key[:8] + "*" * max(len(key) - 12, 0) + key[-4:] if len(key) > 12 else "****"
        return stripe_error(401, "invalid_request_error", f"Invalid API Key provided: {masked}")

    def stripe_create(self):
        denied = self.stripe_auth_error()
        if denied:
            return denied
        form = dict(parse_qsl(self.raw_body, keep_blank_values=True))
        payment = form.get("payment_intent", "")
        if not payment:
            return stripe_error(400, "invalid_request_error", "Missing required param: payment_intent.",
                                code="parameter_missing", param="payment_intent")
        amount = form.get("amount", "")
        if not amount.isdigit() or int(amount) <= 0:
            return stripe_error(400, "invalid_request_error", "Invalid positive integer",
                                code="parameter_invalid_integer", param="amount")
        if "down" in payment:
            return stripe_error(503, "api_error", "The service is temporarily unavailable, please retry.")
        metadata = {k[len("metadata["):-1]: v for k, v in form.items() if k.startswith("metadata[") and k.endswith("]")}

        def execute():
            if "slow" in payment:
                wait_for_release()
            if "fail" in payment:
                return stripe_error(402, "card_error", "The refund was declined by the card issuer.",
                                    code="card_declined", decline_code="generic_decline", payment_intent=payment)
            refund = {"id": new_id("re_", 24), "object": "refund", "amount": int(amount),
                      "balance_transaction": new_id("txn_", 24), "charge": new_id("ch_", 24),
                      "created": int(time.time()), "currency": "eur", "metadata": metadata,
                      "payment_intent": payment, "reason": None, "receipt_number": None,
                      "status": "pending" if "pending" in payment else "succeeded", "failure_reason": None}
            with LOCK:
                STATE["refunds"][refund["id"]] = {"provider": "stripe", "payment": payment, "object": refund}
            return 200, dict(refund)

        fingerprint = ("POST", "/v1/refunds", tuple(sorted(form.items())))
        key = self.headers.get("Idempotency-Key", "")
        mismatch = stripe_error(400, "idempotency_error",
                                f"Keys for idempotent requests can only be used with the same parameters "
                                f"they were first used with. Try a key other than '{key}' for a new request.")
        in_progress = stripe_error(409, "invalid_request_error",
                                   "Another request with this idempotency key is still in progress.",
                                   code="idempotency_key_in_use")
        return self.idempotent("stripe", fingerprint, execute, mismatch, in_progress)

    def stripe_get(self, refund_id):
        denied = self.stripe_auth_error()
        if denied:
            return denied
        with LOCK:
            refund = STATE["refunds"].get(refund_id)
            if refund and refund["provider"] == "stripe":
                return 200, dict(refund["object"])
        return stripe_error(404, "invalid_request_error", f"No such refund: '{refund_id}'",
                            code="resource_missing", param="id")

    # ---- Mollie -----------------------------------------------------------------------------
    def mollie_checks(self, payment):
        if not self.bearer_ok(ARGS.mollie_key):
            return mollie_error(401, "Unauthorized Request", "Missing authentication, or failed to authenticate")
        if not re.fullmatch(r"tr_\w+", payment):
            return mollie_error(404, "Not Found", f"No payment exists with token {payment}.")
        if "down" in payment:
            return mollie_error(503, "Service Unavailable", "The service is temporarily unavailable.")
        return None

    def mollie_refund(self, refund_id, payment, amount, description, status):
        links_base = f"{self.base_url()}/v2/payments/{payment}"
        return {"resource": "refund", "id": refund_id, "mode": "test", "amount": amount, "status": status,
                "createdAt": now_iso(), "description": description, "metadata": None, "paymentId": payment,
                "_links": {"self": {"href": f"{links_base}/refunds/{refund_id}", "type": "application/hal+json"},
                           "payment": {"href": links_base, "type": "application/hal+json"},
                           "documentation": MOLLIE_DOCS}}

    def mollie_validate(self, body):
        if body is None:
            return mollie_error(400, "Bad Request", "The request body is not valid JSON")
        amount = body.get("amount")
        if not isinstance(amount, dict):
            return mollie_error(422, "Unprocessable Entity", "The amount is required", "amount")
        currency, value = amount.get("currency"), amount.get("value")
        if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency):
            return mollie_error(422, "Unprocessable Entity", "The currency is invalid", "amount.currency")
        places = decimals(currency)
        pattern = r"\d+" if places == 0 else r"\d+\.\d{%d}" % places
        if not isinstance(value, str) or not re.fullmatch(pattern, value) or not value.strip("0."):
            return mollie_error(422, "Unprocessable Entity",
                                f"The amount value must be a positive string with {places} decimals for {currency}",
                                "amount.value")
        description = body.get("description")
        if not isinstance(description, str) or not description or len(description) > 255:
            return mollie_error(422, "Unprocessable Entity", "The description must be 1 to 255 characters",
                                "description")
        return None

    def mollie_create(self, payment):
        body = self.json_body()
        problem = self.mollie_checks(payment) or self.mollie_validate(body)
        if problem:
            return problem

        def execute():
            if "slow" in payment:
                wait_for_release()
            if "fail" in payment:
                return mollie_error(422, "Unprocessable Entity",
                                    "The payment cannot be refunded: the payment method declined the refund.")
            refund = self.mollie_refund(new_id("re_", 10), payment, body["amount"], body["description"], "pending")
            with LOCK:
                STATE["refunds"][refund["id"]] = {"provider": "mollie", "payment": payment, "object": refund,
                                                  "settle_on_read": "pending" not in payment}
            return 201, json.loads(json.dumps(refund))

        fingerprint = ("POST", self.route_path, json.dumps(body, sort_keys=True))
        mismatch = mollie_error(422, "Unprocessable Entity",
                                "The Idempotency-Key was already used for a request with a different body.")
        in_progress = mollie_error(409, "Conflict", "A request with this Idempotency-Key is still being processed.")
        return self.idempotent("mollie", fingerprint, execute, mismatch, in_progress)

    def mollie_get(self, payment, refund_id):
        problem = self.mollie_checks(payment)
        if problem:
            return problem
        with LOCK:
            refund = STATE["refunds"].get(refund_id)
            if refund and refund["provider"] == "mollie" and refund["payment"] == payment:
                return 200, mollie_view(refund)
        return mollie_error(404, "Not Found", f"No refund exists with token {refund_id}.")

    def mollie_list(self, payment):
        problem = self.mollie_checks(payment)
        if problem:
            return problem
        limit = min(int(self.query.get("limit", ["50"])[0]), 250, ARGS.page_limit)
        start = self.query.get("from", [None])[0]
        with LOCK:
            mine = [r for r in STATE["refunds"].values() if r["provider"] == "mollie" and r["payment"] == payment]
            ids = [r["object"]["id"] for r in mine]
            first = ids.index(start) if start in ids else 0
            page = [mollie_view(r) for r in mine[first:first + limit]]
            following = ids[first + limit] if first + limit < len(ids) else None
        link = f"{self.base_url()}/v2/payments/{payment}/refunds?limit={limit}"
        return 200, {"count": len(page), "_embedded": {"refunds": page},
                     "_links": {"self": {"href": link, "type": "application/hal+json"}, "previous": None,
                                "next": {"href": f"{link}&from={following}", "type": "application/hal+json"}
                                if following else None,
                                "documentation": MOLLIE_DOCS}}

    # ---- control ----------------------------------------------------------------------------
    def control_requests(self):
        prefix = self.query.get("prefix", [""])[0]
        with LOCK:
            return 200, {"requests": [r for r in STATE["requests"] if r["path"].startswith(prefix)]}

    def control_clear_requests(self):
        with LOCK:
            STATE["requests"].clear()
        return 200, {"ok": True}

    def control_reset(self):
        with LOCK:
            generation = STATE.get("release_generation", 0)
            reset_state()
            STATE["release_generation"] = generation + 1
            RELEASED.notify_all()
        return 200, {"ok": True}

    def control_refunds(self):
        with LOCK:
            return 200, {"refunds": [{"provider": r["provider"], "id": rid, "payment": r["payment"],
                                      "status": r["object"]["status"], "object": r["object"]}
                                     for rid, r in STATE["refunds"].items()]}

    def control_transition(self, refund_id, action):
        body = self.json_body() or {}
        with LOCK:
            refund = STATE["refunds"].get(refund_id)
            if not refund:
                return 404, {"error": f"no refund {refund_id}"}
            refund.pop("settle_on_read", None)
            stripe = refund["provider"] == "stripe"
            status = {"complete": "succeeded" if stripe else "refunded", "fail": "failed", "cancel": "canceled"}[action]
            refund["object"]["status"] = status
            if stripe and action != "complete":
                refund["object"]["failure_reason"] = body.get("reason", "declined" if action == "fail" else None)
            return 200, {"refund": refund["object"]}

    def control_webhook(self, refund_id):
        body = self.json_body() or {}
        with LOCK:
            refund = STATE["refunds"].get(refund_id)
            snapshot = json.loads(json.dumps(refund["object"])) if refund else None
        if not refund or not body.get("url"):
            return 400, {"error": "unknown refund or missing url"}
        if refund["provider"] == "mollie":
            delivery = {"provider": "mollie", "url": body["url"], "payload": f"id={refund['payment']}",
                        "headers": {"Content-Type": "application/x-www-form-urlencoded"}}
        else:
            if not ARGS.stripe_webhook_secret:
                return 400, {"error": "start the fake with --stripe-webhook-secret"}
            kind = body.get("type") or ("refund.failed" if snapshot["status"] == "failed" else "refund.updated")
            event = {"id": new_id("evt_", 24), "object": "event", "api_version": "2024-06-20",
                     "created": int(time.time()), "type": kind, "livemode": False, "pending_webhooks": 1,
                     "request": {"id": None, "idempotency_key": None}, "data": {"object": snapshot}}
            payload = json.dumps(event)
            timestamp = int(body.get("timestamp") or time.time())
            delivery = {"provider": "stripe", "url": body["url"], "payload": payload,
                        "headers": {"Content-Type": "application/json",
                                    "Stripe-Signature": stripe_signature(payload, timestamp,
                                                                         ARGS.stripe_webhook_secret)}}
        return 200, {"delivery": self.deliver(delivery)}

    def control_webhooks(self):
        with LOCK:
            return 200, {"webhooks": list(STATE["webhooks"])}

    def control_replay(self, number):
        body = self.json_body() or {}
        with LOCK:
            if int(number) >= len(STATE["webhooks"]):
                return 404, {"error": f"no webhook {number}"}
            original = STATE["webhooks"][int(number)]
        delivery = {k: original[k] for k in ("provider", "url", "payload")}
        delivery["headers"] = dict(original["headers"])
        delivery["url"] = body.get("url", delivery["url"])
        if delivery["provider"] == "stripe" and body.get("resign", True):
            delivery["headers"]["Stripe-Signature"] = stripe_signature(
                delivery["payload"], int(time.time()), ARGS.stripe_webhook_secret)
        return 200, {"delivery": self.deliver(delivery)}

    def deliver(self, delivery):
        request = urllib.request.Request(delivery["url"], data=delivery["payload"].encode(),
                                         headers=delivery["headers"], method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                delivery["response_status"] = response.status
        except urllib.error.HTTPError as error:
            delivery["response_status"] = error.code
        except OSError as error:
            delivery["response_status"] = None
            delivery["error"] = str(error)
        with LOCK:
            delivery["number"] = len(STATE["webhooks"])
            STATE["webhooks"].append(delivery)
        return delivery

    def control_release(self):
        with LOCK:
            STATE["release_generation"] += 1
            RELEASED.notify_all()
        return 200, {"ok": True}

    def inbox_receive(self):
        with LOCK:
            STATE["inbox"].append({"headers": dict(self.headers.items()), "body": self.raw_body})
        return 200, {"ok": True}

    def inbox_list(self):
        with LOCK:
            return 200, {"inbox": list(STATE["inbox"])}

    def inbox_clear(self):
        with LOCK:
            STATE["inbox"].clear()
        return 200, {"ok": True}


def main():
    global ARGS
    parser = argparse.ArgumentParser(description="Fake Stripe and Mollie refund APIs for tests")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--slow-seconds", type=float, default=5.0)
    parser.add_argument("--stripe-webhook-secret", default="")
    parser.add_argument("--stripe-key", default="sk_test_fake")
    parser.add_argument("--mollie-key", default="test_fake")
    parser.add_argument("--page-limit", type=int, default=250)
    parser.add_argument("--verbose", action="store_true")
    ARGS = parser.parse_args()
    reset_state()
    server = ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
    server.daemon_threads = True
    print(f"ready {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
