-- A counter raised in the same transaction as every change a log-in depends on (users, memberships,
-- organisations, sessions ended, tokens revoked). Each server process keeps resolved sessions and tokens
-- in memory and trusts them only while this number is unchanged, in that process or any other.
CREATE TABLE auth_epoch (id INTEGER PRIMARY KEY, n BIGINT NOT NULL);
INSERT INTO auth_epoch (id, n) VALUES (1, 0);
