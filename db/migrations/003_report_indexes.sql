-- Indexes for revenue reports and reconciliation: each report figure is one range scan over an index
-- that holds every column the figure needs (by day, and per payment method or event).
CREATE INDEX payments_paid_report ON payments (organisation_id, paid_at, status, method, amount, order_id);
CREATE INDEX payments_method_paid ON payments (organisation_id, method, paid_at, status, amount);
CREATE INDEX orders_paid ON orders (organisation_id, paid_at, ticket_count, total_fees);
CREATE INDEX orders_method_paid ON orders (organisation_id, payment_method, paid_at, ticket_count, total_fees);
CREATE INDEX orders_event_paid ON orders (organisation_id, event_id, paid_at, ticket_count, total_fees);
CREATE INDEX orders_cancelled ON orders (organisation_id, cancelled_at, event_id, payment_method)
  WHERE cancelled_at IS NOT NULL;
DROP INDEX tickets_order;
CREATE INDEX tickets_order ON tickets (order_id, ticket_type_id, price, fee, status);
CREATE INDEX tickets_checked_in ON tickets (organisation_id, checked_in_at, ticket_type_id) WHERE checked_in_at IS NOT NULL;
DROP INDEX refunds_completed;
CREATE INDEX refunds_completed ON refunds (organisation_id, completed_at, status, amount, keep_tickets_valid, order_id,
                                           payment_id, ticket_ids);
CREATE INDEX refunds_created ON refunds (organisation_id, created_at);
