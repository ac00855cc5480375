-- Roles keyed by the wiki's central user id (OAuth's `sub`), so that a global rename keeps them
-- and two accounts whose names differ only where JavaScript's upper-casing is not MediaWiki's
-- ("ßabine", "SSabine") never share them. Rows made by name (a coordinator verifying someone who
-- has not signed in yet, and every row from before this migration) keep user_id NULL and are
-- bound to the id at that user's next sign-in; existing data stays as it is.
ALTER TABLE representative ADD COLUMN user_id TEXT;
ALTER TABLE coordinator ADD COLUMN user_id TEXT;
CREATE UNIQUE INDEX representative_affiliate_user_id ON representative (affiliate_id, user_id)
  WHERE user_id IS NOT NULL;
CREATE INDEX representative_user_id ON representative (user_id);
CREATE UNIQUE INDEX coordinator_user_id ON coordinator (user_id) WHERE user_id IS NOT NULL;

-- The last time the wiki was asked whether a session's user is blocked (at least every 15 minutes
-- of a session's life), and its answer; pruned once the session would have expired.
CREATE TABLE session_check (
  jti        TEXT PRIMARY KEY,
  checked_at INTEGER NOT NULL,
  blocked    INTEGER NOT NULL CHECK (blocked IN (0, 1)),
  expires_at INTEGER NOT NULL
);
CREATE INDEX session_check_expiry ON session_check (expires_at);
