#!/usr/bin/python3
"""Writes an order import CSV for benchmarks: ROWS rows (one ticket each), 1-4 tickets per order (2.5 on
average, so ROWS / 2.5 orders), for the event and ticket types that `boxoffice generate` creates.
Usage: make_orders_csv.py ROWS OUT.csv [EVENT]"""
import random
import sys
import time

FIRST = ["Emma", "Daan", "Sophie", "Lucas", "Julia", "Sem", "Zoë", "Finn", "Tess", "Milan", "Anna", "Levi", "Sara",
         "Noah", "Eva", "Jesse", "Lotte", "Thijs", "Fenna", "Bram", "Jürgen", "Chloé", "Łukasz", "Aoife"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
        "Peters", "Hendriks", "van Leeuwen", "Dekker", "Groß", "Nowak", "O'Brien", "Lefèvre", "van der Meer"]
METHODS = ["card", "card", "card", "ideal", "ideal", "ideal", "bancontact", "paypal", "bank_transfer", "invoice",
           "cash", "free"]


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    event = sys.argv[3] if len(sys.argv) > 3 else "Arena Tour (generated)"
    rng = random.Random(20261127)
    start = 1764000000 - 365 * 86400
    lines = ["order_ref,email,first_name,last_name,mobile,event,ticket_type,price,payment_method,status,ordered_at,"
             "attendee_first_name,attendee_last_name\n"]
    written, order = 0, 0
    while written < rows:
        order += 1
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{first.lower()}.{order}@example.com".replace("ë", "e").replace("ü", "u").replace("é", "e") \
            .replace("ł", "l").replace("Ł", "l")
        r = rng.random()
        mobile = "" if r < 0.33 else f"+316{rng.randrange(10000000, 59999999)}" if r < 0.8 else \
            f"06 {rng.randrange(1000, 5999)} {rng.randrange(1000, 9999)}"
        method = rng.choice(METHODS)
        status = "pending" if method in ("bank_transfer", "invoice") and rng.random() < 0.3 else "paid"
        at = start + order * 60
        ordered_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at))
        head = f"R{order:07d},{email},{first},\"{last}\",{mobile},{event},"
        tail = f",{method},{status},{ordered_at},"
        for _ in range(min(1 + rng.randrange(4), rows - written)):
            if rng.random() < 0.4:
                af, al = rng.choice(FIRST), rng.choice(LAST)
                lines.append(f"{head}Seated,{tail}{af},\"{al}\"\n")
            else:
                lines.append(f"{head}Floor,{tail},\n")
            written += 1
        if len(lines) > 100000:
            flush(out, lines)
    flush(out, lines)


_opened = {}


def flush(path, lines):
    mode = "a" if path in _opened else "w"
    _opened[path] = True
    with open(path, mode, encoding="utf-8") as f:
        f.writelines(lines)
    lines.clear()


if __name__ == "__main__":
    main()
