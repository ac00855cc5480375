/**
 * SQL for intake: the partners a duplicate check compares with, the keys it compares on,
 * and the statements of a merge. The rules themselves are pure, in shared/duplicates.ts.
 */
import { nameStems, normalisedName, websiteDomain, type KnownPartner } from "../../shared/duplicates.ts";
import { type Read, rowOf, rowsOf, type SqlDatabase, type SqlStatement } from "./db.ts";
import { guardedEvent, type NewEvent } from "./events.ts";
import type { PartnerContact } from "../../shared/schemas.ts";
import { searchText, type PartnerFields } from "./partners.ts";

export interface Probe {
  name?: string | null;
  wikidata?: string | null;
  website?: string | null;
}

const CANDIDATES_SQL = `SELECT id, name, wikidata, website FROM partner
  WHERE merged_into IS NULL AND (
    wikidata = ?1 OR site_domain = ?2 OR name_norm = ?3
    OR EXISTS (SELECT 1 FROM json_each(?4) s WHERE partner.name_norm LIKE '%' || s.value || '%'))
  ORDER BY coalesce(wikidata = ?1, 0) DESC, coalesce(site_domain = ?2, 0) DESC, coalesce(name_norm = ?3, 0) DESC, id
  LIMIT 200`;

function candidateParams(p: Probe): unknown[] {
  const name = p.name?.trim() ?? "";
  return [
    p.wikidata ?? null,
    websiteDomain(p.website),
    name ? normalisedName(name) : null,
    JSON.stringify(name ? nameStems(name) : []),
  ];
}

/**
 * The living partners that may be `probe`: the same Wikidata item, website domain or
 * normalised name, or one sharing a word stem (the caller decides with `findDuplicates`).
 */
export function duplicateCandidates(db: SqlDatabase, probe: Probe): Read<KnownPartner[]> {
  return rowsOf<KnownPartner>(db.prepare(CANDIDATES_SQL).bind(...candidateParams(probe)));
}

/**
 * Gives rows written before the intake keys existed (or by a bulk seed) their normalised name
 * and website domain; returns how many it updated. Run by the scheduled job.
 */
export async function backfillIntakeKeys(db: SqlDatabase, limit = 500): Promise<number> {
  const { results } = await db
    .prepare(`SELECT id, name, website FROM partner WHERE name_norm = '' LIMIT ?1`)
    .bind(limit)
    .all<{ id: string; name: string; website: string | null }>();
  if (results.length === 0) return 0;
  await db.batch(
    results.map((r) =>
      db
        .prepare(`UPDATE partner SET name_norm = ?2, site_domain = ?3 WHERE id = ?1 AND name_norm = ''`)
        .bind(r.id, normalisedName(r.name), websiteDomain(r.website)),
    ),
  );
  return results.length;
}

/** Where a merged partner went, or null when `id` is not a merged partner. */
export function mergedInto(db: SqlDatabase, id: string): Read<string | null> {
  const read = rowOf<{ merged_into: string | null }>(
    db.prepare(`SELECT merged_into FROM partner WHERE id = ?1`).bind(id),
  );
  return { statements: read.statements, parse: (r) => read.parse(r)?.merged_into ?? null };
}

export interface MergePlan {
  from: { id: string; version: number };
  into: { id: string; version: number };
  /** The survivor's fields after the merge. */
  fields: PartnerFields & { contact: PartnerContact };
  at: string;
  event: NewEvent;
}

/**
 * A merge as one batch. Each step runs only if the one before it changed its row (`changes()`
 * is the previous statement's count), and the event is guarded on the last of them: a merge
 * that lost a race to another merge or an edit of either partner rolls back whole.
 * The merged partner gives up its Wikidata item first, so the survivor may take it.
 */
export function mergeStatements(db: SqlDatabase, plan: MergePlan): SqlStatement[] {
  const f = plan.fields;
  return [
    db
      .prepare(
        `UPDATE partner SET merged_into = ?2, merged_at = ?4, wikidata = NULL, updated_at = ?4, version = version + 1
         WHERE id = ?1 AND version = ?3 AND merged_into IS NULL`,
      )
      .bind(plan.from.id, plan.into.id, plan.from.version, plan.at),
    db
      .prepare(
        `UPDATE partner SET wikidata = ?3, website = ?4, site_domain = ?5, languages = ?6, offers = ?7, projects = ?8,
           asks = ?9, links = ?10, contact_name = ?11, contact_email = ?12, notes = ?13, summary = ?14,
           search_text = ?15, updated_at = ?16, version = version + 1
         WHERE id = ?1 AND version = ?2 AND merged_into IS NULL AND changes() = 1`,
      )
      .bind(
        plan.into.id,
        plan.into.version,
        f.wikidata,
        f.website,
        websiteDomain(f.website),
        JSON.stringify(f.languages),
        JSON.stringify(f.offers),
        JSON.stringify(f.projects),
        JSON.stringify(f.asks),
        JSON.stringify(f.links),
        f.contact.name,
        f.contact.email,
        f.contact.notes,
        f.summary,
        searchText(f),
        plan.at,
      ),
    guardedEvent(db, plan.event),
    // Claims follow; the unique indexes refuse (and roll back) two open claims of one affiliate.
    db.prepare(`UPDATE claim SET partner_id = ?2 WHERE partner_id = ?1`).bind(plan.from.id, plan.into.id),
    // Partners merged into the merged one earlier now point at the survivor.
    db.prepare(`UPDATE partner SET merged_into = ?2 WHERE merged_into = ?1`).bind(plan.from.id, plan.into.id),
  ];
}

/** Every merged partner's id and the survivor it points at, for the mirror. */
export async function mergedPartners(db: SqlDatabase): Promise<Record<string, string>> {
  const { results } = await db
    .prepare(`SELECT id, merged_into FROM partner WHERE merged_into IS NOT NULL ORDER BY id`)
    .all<{ id: string; merged_into: string }>();
  return Object.fromEntries(results.map((r) => [r.id, r.merged_into]));
}
