/**
 * PLACEHOLDER until the demo seed generator lands in scripts/seed/: a tiny
 * directory (two affiliates, three partners, one claim) so that
 * `npm run start:node` has something to serve. Replace, keeping the export.
 */

/** SQL statements, without parameters, that fill an empty, migrated database with the demo directory. */
export function demoSeedSql(): string[] {
  const at = "2026-11-01T09:00:00.000Z";
  return [
    `INSERT INTO affiliate (id, name, kind, wiki_page, countries, languages, capabilities, created_at, updated_at) VALUES
      ('wikimedia-cz', 'Wikimedia Czech Republic', 'chapter', 'm:Wikimedia Czech Republic', '["CZ"]', '["cs"]', '["images","training"]', '${at}', '${at}'),
      ('wiki-education', 'Wiki Education', 'other', 'm:Wiki Education', '["US"]', '["en"]', '["course","training"]', '${at}', '${at}')`,
    `INSERT INTO partner (id, name, name_key, wikidata, kind, country, languages, offers, projects, funding, summary, asks,
       referred_by, created_at, updated_at, search_text) VALUES
      ('national-gallery-prague', 'National Gallery Prague', 'national gallery prague', NULL, 'museum', 'CZ', '["cs","en"]',
       '["images"]', '["commons"]', 'has_grant', 'Wants to release photographs of its collection.', '["digitise 2,000 photographs"]',
       'Hub Coordinator', '${at}', '${at}', 'national gallery prague wants to release photographs of its collection.'),
      ('city-archive-brno', 'City Archive Brno', 'city archive brno', NULL, 'archive', 'CZ', '["cs"]',
       '["data"]', '["wikidata"]', 'seeking_funding', 'Has a register of historic buildings.', '["import the register"]',
       'Hub Coordinator', '${at}', '${at}', 'city archive brno has a register of historic buildings.'),
      ('state-university-history', 'State University History Department', 'state university history department', NULL,
       'university', 'US', '["en"]', '["course"]', '["wikipedia"]', 'none', 'Wants a Wikipedia assignment in a course.',
       '["one course a term"]', 'Hub Coordinator', '${at}', '${at}', 'state university history department wants a wikipedia assignment in a course.')`,
    `INSERT INTO claim (partner_id, affiliate_id, claimed_by, message, verified, status, created_at, updated_at)
      VALUES ('national-gallery-prague', 'wikimedia-cz', 'Hub Coordinator', 'We did this with two museums.', 0, 'interested', '${at}', '${at}')`,
    `INSERT INTO event (at, actor, type, partner_id, data) VALUES ('${at}', 'partnerhub (demo seed)', 'partner.referred', 'national-gallery-prague', '{}')`,
  ];
}
