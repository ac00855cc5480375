-- Notifications: what each person chose, the outbox derived from the event log, and a delivery
-- cursor per recipient. The event log stays the source: `notice` rows are what a scan of it
-- found (who hears of which event, and why), so a failed run loses nothing and a rerun sends
-- nothing twice (the cursor moves only when the section is on the wiki).

-- A person's choice, keyed as the record keys people. Absent: the default (daily).
CREATE TABLE notification_pref (
  user_name  TEXT PRIMARY KEY,
  mode       TEXT NOT NULL CHECK (mode IN ('immediate', 'daily', 'weekly', 'none')),
  -- "For you": every notice up to this event has been seen in the gadget.
  seen_seq   INTEGER NOT NULL DEFAULT 0 CHECK (seen_seq >= 0),
  updated_at TEXT NOT NULL
);

-- One row per (recipient, event): who is told of what. `talk` = 1 goes to the user talk page;
-- 0 is shown in the gadget's "For you" only (e.g. the referrer of a partner).
CREATE TABLE notice (
  recipient TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  talk      INTEGER NOT NULL CHECK (talk IN (0, 1)),
  PRIMARY KEY (recipient, seq)
);
CREATE INDEX notice_seq ON notice (seq);

-- How far the scan of the event log has come.
CREATE TABLE notice_scan (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  last_event INTEGER NOT NULL DEFAULT 0
);
INSERT INTO notice_scan (id) VALUES (1);

-- The delivery cursor per recipient, and the outcome of the last attempt.
CREATE TABLE notice_delivery (
  recipient     TEXT PRIMARY KEY,
  delivered_seq INTEGER NOT NULL DEFAULT 0,
  state         TEXT NOT NULL CHECK (state IN ('sent', 'failed', 'skipped')),
  detail        TEXT NOT NULL DEFAULT '',
  last_sent_at  TEXT,
  last_attempt_at TEXT NOT NULL,
  revid         INTEGER,
  sections      INTEGER NOT NULL DEFAULT 0
);
