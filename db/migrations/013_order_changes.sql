-- Order changes (swap, move, add, cancel single tickets, hand over). Tickets change in place; a ticket
-- cancelled by a change keeps its row with price and fee 0, so that the order's tickets always add up to
-- what the customer owes: paid + amount_waived - amount_credited = SUM(price + fee) of its tickets.
-- amount_due: raised by a change and not yet paid or waived. amount_credited: given back for changes that
-- lowered the price (through a refund).
ALTER TABLE orders ADD COLUMN amount_due BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN amount_waived BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN amount_credited BIGINT NOT NULL DEFAULT 0;

-- One row per change made; result: the JSON the API answered (before, after, difference, settlement),
-- returned again for a retried Idempotency-Key.
CREATE TABLE order_changes (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  order_id BIGINT NOT NULL REFERENCES orders(id),
  idempotency_key TEXT,
  request_hash TEXT NOT NULL,
  difference BIGINT NOT NULL,
  refund_id BIGINT REFERENCES refunds(id),
  email_id BIGINT,
  result TEXT NOT NULL,
  created_by_kind TEXT NOT NULL,
  created_by_id BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX order_changes_order ON order_changes (order_id);
CREATE UNIQUE INDEX order_changes_idempotency ON order_changes (organisation_id, idempotency_key);

-- Barcodes that a change replaced: check-in answers "replaced" for them.
CREATE TABLE retired_barcodes (
  barcode {{CTEXT}} NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  retired_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX retired_barcodes_code ON retired_barcodes (barcode);
