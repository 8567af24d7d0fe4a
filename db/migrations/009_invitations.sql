-- Invitations to join an organisation with a role. Only the SHA-256 of the single-use token is stored;
-- a new token (resend) replaces it. Pending: not accepted, not revoked, expires_at in the future.
-- invited_by_*: the user or API token that sent it (like refunds.created_by_*).
CREATE TABLE invitations (
  id {{PK}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  email TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  invited_by_kind TEXT NOT NULL,
  invited_by_id BIGINT,
  invited_by_name TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  accepted_at BIGINT,
  accepted_by BIGINT REFERENCES users(id),
  revoked_at BIGINT
);
CREATE INDEX invitations_org ON invitations (organisation_id, email);
-- E-mails about no order (invitations), counted per organisation to bound how many it sends.
CREATE INDEX emails_staff ON emails (organisation_id, kind, created_at) WHERE order_id IS NULL;

-- A person is disabled in one organisation (the membership), not everywhere (the account).
ALTER TABLE memberships ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
UPDATE memberships SET disabled = 1 WHERE user_id IN (SELECT id FROM users WHERE disabled = 1);
UPDATE users SET disabled = 0 WHERE disabled = 1;
CREATE INDEX api_tokens_creator ON api_tokens (organisation_id, created_by);
UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
