-- Webhooks that named one of our pending refunds, waiting for the webhook worker to fetch the state from the
-- provider. kind: refund (resource is the provider's refund id, Stripe "re_…") or payment (its payment id,
-- Mollie "tr_…"). One row per id: the same id announced again while it waits is not added twice.
CREATE TABLE webhook_events (
  id {{PK}},
  provider TEXT NOT NULL,
  kind TEXT NOT NULL,
  resource TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX webhook_events_resource ON webhook_events (provider, kind, resource);
CREATE INDEX webhook_events_due ON webhook_events (next_attempt_at);
