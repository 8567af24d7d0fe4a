-- Two indexes that others already cover: payments by paid time (payments_paid_report leads with the same
-- columns) and history by type (an order has a handful of history rows; history_order finds them).
-- Fewer indexes make every write, and most of all an import, cheaper.
DROP INDEX payments_paid;
DROP INDEX history_type;
