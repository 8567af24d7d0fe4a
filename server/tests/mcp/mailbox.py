"""A real SMTP server for the agent-interface tests: prints {"url": …} once it listens, then one JSON line per
received message with its recipients, subject and the QR codes decoded from its PDF attachments."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "api"))
from support import Mailbox, pdf_attachments, pdf_qr_codes  # noqa: E402


def main():
    workdir = tempfile.mkdtemp(prefix="boxoffice-mail-")

    def report(m):
        codes = [c for pdf in pdf_attachments(m["message"]) for c in pdf_qr_codes(pdf, workdir)]
        print(json.dumps({"to": m["to"], "subject": str(m["message"]["subject"]), "qr_codes": codes}), flush=True)

    box = Mailbox(on_message=report)
    print(json.dumps({"url": box.url}), flush=True)
    sys.stdin.read()  # until the test closes it
    box.stop()


if __name__ == "__main__":
    main()
