-- "My claims" in the gadget (GET /me/claims) reads a user's claims, latest first.
CREATE INDEX IF NOT EXISTS claim_by_user ON claim (claimed_by, updated_at);
