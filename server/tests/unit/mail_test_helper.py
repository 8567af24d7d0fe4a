"""Helper for the mail tests (run with Debian's python3, which has aiosmtpd).

serve DIR   SMTP server on 127.0.0.1 at a free port; prints the port once it listens. Each accepted
            message is stored as DIR/<n>.eml (exact bytes received) and DIR/<n>.json (envelope).
            Scripted refusals: sender "blocked*" -> 550, recipient "refuse*" -> 550,
            recipient "busy*" -> 451, subject containing "[reject]" -> 554 after DATA.
            AUTH (without TLS) accepts only mailer / s3cret.
parse FILE  prints the message at FILE as JSON, decoded by the standard email package.
"""
import asyncio
import base64
import email
import email.policy
import json
import logging
import os
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if address.startswith("blocked"):
            return "550 5.7.1 Sender not allowed"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if address.startswith("busy"):
            return "451 4.3.0 Mailbox temporarily unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        if "[reject]" in str(message.get("Subject", "")):
            return "554 5.7.1 Message content rejected"
        self.count += 1
        base = os.path.join(self.directory, str(self.count))
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 Queued as %d" % self.count


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data == (b"mailer", b"s3cret")
    return AuthResult(success=ok, handled=False)


async def serve(directory):
    handler = Handler(directory)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="mx.test", authenticator=authenticate, auth_require_tls=False),
        "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


def header_defects(part):
    return [repr(d) for _, value in part.items() for d in getattr(value, "defects", ())]


def parse(path):
    with open(path, "rb") as f:
        message = email.message_from_bytes(f.read(), policy=email.policy.default)
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    sender = message["From"].addresses[0]
    recipient = message["To"].addresses[0]
    print(json.dumps({
        "from_name": sender.display_name,
        "from_address": sender.addr_spec,
        "to_name": recipient.display_name,
        "to_address": recipient.addr_spec,
        "reply_to": str(message.get("Reply-To", "")),
        "subject": str(message["Subject"]),
        "message_id": str(message["Message-ID"]),
        "date": str(message["Date"]),
        "content_type": message.get_content_type(),
        "text": plain.get_content() if plain else None,
        "html": html.get_content() if html else None,
        "attachments": [{
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "data": base64.b64encode(part.get_payload(decode=True)).decode(),
        } for part in message.iter_attachments()],
        "defects": [repr(d) for part in message.walk() for d in part.defects]
                   + [d for part in message.walk() for d in header_defects(part)],
    }))


if __name__ == "__main__":
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd warns about its own internals
    if len(sys.argv) == 3 and sys.argv[1] == "serve":
        asyncio.run(serve(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == "parse":
        parse(sys.argv[2])
    else:
        sys.exit(__doc__)
