-- Intake: duplicate detection and merging.
-- `website` is the institution's own site (P856 on Wikidata); `name_norm` and `site_domain` are
-- what the duplicate rules in shared/duplicates.ts compare, computed by the application on every
-- write ('' until then: rows from before this migration get theirs from backfillIntakeKeys).
-- `merged_into` marks a partner merged into another: it stays (history keeps both ids) but
-- leaves the directory, and its id answers with the survivor.
ALTER TABLE partner ADD COLUMN website TEXT;
ALTER TABLE partner ADD COLUMN name_norm TEXT NOT NULL DEFAULT '';
ALTER TABLE partner ADD COLUMN site_domain TEXT;
ALTER TABLE partner ADD COLUMN merged_into TEXT REFERENCES partner(id);
ALTER TABLE partner ADD COLUMN merged_at TEXT;
CREATE INDEX partner_name_norm ON partner (name_norm) WHERE merged_into IS NULL;
CREATE INDEX partner_site_domain ON partner (site_domain) WHERE merged_into IS NULL;

-- Merged partners leave the directory, its counts and the mirror: the view shows the living ones.
DROP VIEW partner_view;
CREATE VIEW partner_view AS
SELECT p.*,
  l.id AS lead_claim,
  l.affiliate_id AS lead_affiliate,
  l.stage AS lead_stage,
  l.stale_since AS lead_stale_since,
  (SELECT json_group_array(affiliate_id) FROM
     (SELECT c.affiliate_id FROM claim c
       WHERE c.partner_id = p.id AND c.status IN ('interested', 'lead') ORDER BY c.id)) AS interested,
  CASE
    WHEN p.closed_at IS NOT NULL THEN 'closed'
    WHEN EXISTS (SELECT 1 FROM claim c WHERE c.partner_id = p.id AND c.status = 'completed') THEN 'done'
    WHEN l.id IS NOT NULL THEN 'matched'
    ELSE 'open'
  END AS status
FROM partner p
LEFT JOIN claim l ON l.partner_id = p.id AND l.status = 'lead'
WHERE p.merged_into IS NULL;
