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
