-- A person's confirmation of one action, given to an agent as a token by a preview: bound to the caller,
-- the order and its version, the action and a digest of its arguments; single use; expires. Only the
-- SHA-256 of the token is stored.
CREATE TABLE agent_confirmations (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  order_id BIGINT NOT NULL REFERENCES orders(id),
  token_hash TEXT NOT NULL UNIQUE,
  caller_kind TEXT NOT NULL,
  caller_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  order_version BIGINT NOT NULL,
  args_digest TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX agent_confirmations_expiry ON agent_confirmations (expires_at);
-- A change made through the agent interface: via 'agent', and how the person confirmed it
-- (elicitation, token; empty when the change needs no confirmation).
ALTER TABLE history ADD COLUMN actor_via TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN confirmation TEXT NOT NULL DEFAULT '';
