-- Indexes for revenue reports and reconciliation: each report figure is a range scan over one of these.
DROP INDEX payments_paid;
CREATE INDEX payments_paid ON payments (organisation_id, paid_at, status, method, amount, order_id);
CREATE INDEX orders_paid ON orders (organisation_id, paid_at, event_id, payment_method, ticket_count, total_fees);
CREATE INDEX orders_cancelled ON orders (organisation_id, cancelled_at) WHERE cancelled_at IS NOT NULL;
CREATE INDEX tickets_checked_in ON tickets (organisation_id, checked_in_at, ticket_type_id) WHERE checked_in_at IS NOT NULL;
CREATE INDEX refunds_created ON refunds (organisation_id, created_at);
