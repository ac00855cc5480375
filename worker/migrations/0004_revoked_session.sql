-- Sign-out: a session token stays valid until its expiry, so a signed-out token's id (jti) is
-- kept here until then and refused by the authentication middleware. Rows past expires_at
-- (unix seconds) are pruned on the next sign-out.
CREATE TABLE revoked_session (
  jti        TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
CREATE INDEX revoked_session_expiry ON revoked_session (expires_at);
