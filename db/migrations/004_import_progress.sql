-- Imports: the phase of the running step, a message for the user (why it failed or was reset), who
-- committed it, and the numbers of the first orders it created (JSON array).
ALTER TABLE imports ADD COLUMN phase TEXT NOT NULL DEFAULT '';
ALTER TABLE imports ADD COLUMN message TEXT;
ALTER TABLE imports ADD COLUMN committed_by_kind TEXT;
ALTER TABLE imports ADD COLUMN committed_by_id BIGINT;
ALTER TABLE imports ADD COLUMN committed_by_name TEXT;
ALTER TABLE imports ADD COLUMN committed_at BIGINT;
ALTER TABLE imports ADD COLUMN created_orders TEXT NOT NULL DEFAULT '[]';
CREATE INDEX imports_work ON imports (status, locked_until);
