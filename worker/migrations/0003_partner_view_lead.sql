-- The partner view also tells the lead's stage and whether it is stale, so that
-- the directory (and the mirror) can show stale leads without reading claims.
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
LEFT JOIN claim l ON l.partner_id = p.id AND l.status = 'lead';
