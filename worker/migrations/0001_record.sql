-- The record: partners, affiliates, representatives, coordinators, claims and
-- the append-only event log. Invariants live here, not only in code.

CREATE TABLE partner (
  id            TEXT PRIMARY KEY CHECK (length(id) BETWEEN 2 AND 80),
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL,            -- lower-cased name, for sorting and search
  wikidata      TEXT UNIQUE,              -- the same institution cannot be referred twice
  kind          TEXT NOT NULL CHECK (kind IN ('museum','library','archive','university','society','company','government','other')),
  country       TEXT NOT NULL CHECK (length(country) = 2),
  languages     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages) AND json_type(languages) = 'array'),
  offers        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(offers) AND json_type(offers) = 'array'),
  projects      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(projects) AND json_type(projects) = 'array'),
  funding       TEXT NOT NULL CHECK (funding IN ('can_pay','has_grant','seeking_funding','none')),
  summary       TEXT NOT NULL DEFAULT '',
  asks          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(asks) AND json_type(asks) = 'array'),
  links         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links) AND json_type(links) = 'array'),
  referred_by   TEXT NOT NULL,
  referred_for  TEXT REFERENCES affiliate(id),
  contact_name  TEXT NOT NULL DEFAULT '',  -- private
  contact_email TEXT NOT NULL DEFAULT '',  -- private
  notes         TEXT NOT NULL DEFAULT '',  -- private
  search_text   TEXT NOT NULL DEFAULT '',  -- lower-cased name, summary, asks: what `q` searches
  closed_at     TEXT,
  closed_reason TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX partner_name ON partner (name_key, id);
CREATE INDEX partner_updated ON partner (updated_at, id);
CREATE INDEX partner_created ON partner (created_at, id);
CREATE INDEX partner_country ON partner (country, name_key, id);
CREATE INDEX partner_kind ON partner (kind);

CREATE TABLE affiliate (
  id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 2 AND 80),
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('chapter','user_group','thematic','other')),
  wiki_page    TEXT NOT NULL,
  countries    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(countries) AND json_type(countries) = 'array'),
  languages    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages) AND json_type(languages) = 'array'),
  capabilities TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(capabilities) AND json_type(capabilities) = 'array'),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE TABLE representative (
  affiliate_id TEXT NOT NULL REFERENCES affiliate(id),
  user_name    TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('requested','verified')),
  verified_by  TEXT,
  since        TEXT NOT NULL,
  PRIMARY KEY (affiliate_id, user_name),
  CHECK ((status = 'verified') = (verified_by IS NOT NULL))
);
CREATE INDEX representative_user ON representative (user_name);

-- Coordinators beyond those bootstrapped from the COORDINATORS setting.
CREATE TABLE coordinator (
  user_name TEXT PRIMARY KEY,
  added_by  TEXT NOT NULL,
  since     TEXT NOT NULL
);

CREATE TABLE claim (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  partner_id   TEXT NOT NULL REFERENCES partner(id),
  affiliate_id TEXT NOT NULL REFERENCES affiliate(id),
  claimed_by   TEXT NOT NULL,
  message      TEXT NOT NULL DEFAULT '',
  verified     INTEGER NOT NULL CHECK (verified IN (0, 1)),
  status       TEXT NOT NULL CHECK (status IN ('interested','lead','completed','withdrawn','declined','released')),
  stage        TEXT CHECK (stage IN ('contacted','agreement','delivering','done')),
  stage_note   TEXT NOT NULL DEFAULT '',
  lead_since   TEXT,                      -- when it became lead: the start of the stale clock
  progress_at  TEXT,
  stale_since  TEXT,
  closed_reason TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (stage IS NULL OR status IN ('lead','completed','released')),
  CHECK (status <> 'lead' OR lead_since IS NOT NULL)
);
-- One open claim per (partner, affiliate).
CREATE UNIQUE INDEX claim_open_per_affiliate ON claim (partner_id, affiliate_id)
  WHERE status IN ('interested', 'lead');
-- At most one lead per partner.
CREATE UNIQUE INDEX claim_one_lead ON claim (partner_id) WHERE status = 'lead';
-- At most one completed claim per partner: a done partner takes no new lead.
CREATE UNIQUE INDEX claim_one_completed ON claim (partner_id) WHERE status = 'completed';
CREATE INDEX claim_partner ON claim (partner_id, status);
CREATE INDEX claim_affiliate ON claim (affiliate_id, status);
CREATE INDEX claim_lead_clock ON claim (status, stale_since);

-- Append-only: written in the same batch as the change it records. A NULL
-- type aborts that batch (see worker/storage/guard.ts).
CREATE TABLE event (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  type         TEXT NOT NULL,
  partner_id   TEXT,
  affiliate_id TEXT,
  claim_id     INTEGER,
  data         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
);
CREATE INDEX event_partner ON event (partner_id, seq);
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

-- The mirror's own bookkeeping: one row per wiki page and one for the run.
CREATE TABLE mirror_page (
  title        TEXT PRIMARY KEY,
  revid        INTEGER,
  content_hash TEXT,
  synced_at    TEXT,
  overwrote_human_edit INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mirror_state (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  last_event      INTEGER NOT NULL DEFAULT 0,
  last_run_at     TEXT,
  last_success_at TEXT,
  errors          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(errors))
);
INSERT INTO mirror_state (id) VALUES (1);

-- Fixed-window counters for per-user write limits where no rate-limit binding exists.
CREATE TABLE rate_window (
  key    TEXT NOT NULL,
  win INTEGER NOT NULL,
  hits   INTEGER NOT NULL,
  PRIMARY KEY (key, win)
);

-- Partners with their derived status, lead and interested affiliates.
CREATE VIEW partner_view AS
SELECT p.*,
  (SELECT c.id FROM claim c WHERE c.partner_id = p.id AND c.status = 'lead') AS lead_claim,
  (SELECT c.affiliate_id FROM claim c WHERE c.partner_id = p.id AND c.status = 'lead') AS lead_affiliate,
  (SELECT json_group_array(affiliate_id) FROM
     (SELECT c.affiliate_id FROM claim c
       WHERE c.partner_id = p.id AND c.status IN ('interested', 'lead') ORDER BY c.id)) AS interested,
  CASE
    WHEN p.closed_at IS NOT NULL THEN 'closed'
    WHEN EXISTS (SELECT 1 FROM claim c WHERE c.partner_id = p.id AND c.status = 'completed') THEN 'done'
    WHEN EXISTS (SELECT 1 FROM claim c WHERE c.partner_id = p.id AND c.status = 'lead') THEN 'matched'
    ELSE 'open'
  END AS status
FROM partner p;
