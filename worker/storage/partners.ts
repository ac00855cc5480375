/** SQL for partners. Rows are mapped to the shared shapes here and nowhere else. */
import type { PartnerListQuery } from "../../shared/api.ts";
import { nameKey, partnerSearchText, type PartnerSort } from "../../shared/directory-search.ts";
import type { Partner, PartnerContact } from "../../shared/schemas.ts";
import { normalisedName, websiteDomain } from "../../shared/duplicates.ts";
import type { Stage } from "../../shared/vocabulary.ts";
import { parseJson, type Read, readAll, rowOf, rowsOf, type SqlDatabase, type SqlStatement } from "./db.ts";
import { guardedEvent, type NewEvent } from "./events.ts";

export interface PartnerRow {
  id: string;
  name: string;
  wikidata: string | null;
  website: string | null;
  kind: string;
  country: string;
  languages: string;
  offers: string;
  projects: string;
  funding: string;
  summary: string;
  asks: string;
  links: string;
  referred_by: string;
  referred_for: string | null;
  contact_name: string;
  contact_email: string;
  notes: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  name_key: string;
  merged_into: string | null;
  lead_claim: number | null;
  lead_affiliate: string | null;
  lead_stage: string | null;
  lead_stale_since: string | null;
  interested: string;
  status: string;
}

export function toPartner(row: PartnerRow): Partner {
  return {
    id: row.id,
    name: row.name,
    wikidata: row.wikidata,
    website: row.website,
    kind: row.kind as Partner["kind"],
    country: row.country,
    languages: parseJson(row.languages, []),
    offers: parseJson(row.offers, []),
    projects: parseJson(row.projects, []),
    funding: row.funding as Partner["funding"],
    summary: row.summary,
    asks: parseJson(row.asks, []),
    links: parseJson(row.links, []),
    referredBy: { user: row.referred_by, affiliate: row.referred_for },
    status: row.status as Partner["status"],
    lead:
      row.lead_claim !== null && row.lead_affiliate !== null
        ? {
            claim: row.lead_claim,
            affiliate: row.lead_affiliate,
            stage: row.lead_stage as Stage | null,
            staleSince: row.lead_stale_since,
          }
        : null,
    interested: parseJson(row.interested, []),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toContact(row: PartnerRow): PartnerContact {
  return { name: row.contact_name, email: row.contact_email, notes: row.notes };
}

/** The editable public fields, as stored. */
export interface PartnerFields {
  name: string;
  wikidata: string | null;
  website: string | null;
  kind: string;
  country: string;
  languages: string[];
  offers: string[];
  projects: string[];
  funding: string;
  summary: string;
  asks: string[];
  links: { label: string; url: string }[];
}

/** The stored search text: the partner's own searchable fields, folded (shared/directory-search.ts). */
export function searchText(f: PartnerFields): string {
  return partnerSearchText(f);
}

export function partnerRow(db: SqlDatabase, id: string): Read<PartnerRow | null> {
  return rowOf(db.prepare(`SELECT * FROM partner_view WHERE id = ?1`).bind(id));
}

/** The partner a claim is on. */
export function partnerOfClaim(db: SqlDatabase, claim: number): Read<PartnerRow | null> {
  return rowOf(
    db.prepare(`SELECT * FROM partner_view WHERE id = (SELECT partner_id FROM claim WHERE id = ?1)`).bind(claim),
  );
}

/** The partner that has `qid` as its Wikidata item, if any. */
export function partnerWithWikidata(db: SqlDatabase, qid: string | null): Read<{ id: string; name: string } | null> {
  if (!qid) return { statements: [], parse: () => null };
  return rowOf(db.prepare(`SELECT id, name FROM partner WHERE wikidata = ?1`).bind(qid));
}

/** The ids taken among `base`, `base-2`, `base-3`…, to pick a free one without asking one by one. */
export function idsLike(db: SqlDatabase, base: string): Read<Set<string>> {
  const read = rowsOf<{ id: string }>(
    db
      .prepare(`SELECT id FROM partner WHERE id = ?1 OR (id LIKE ?2 ESCAPE '\\')`)
      .bind(base, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`),
  );
  return { statements: read.statements, parse: (r) => new Set(read.parse(r).map((x) => x.id)) };
}

export interface NewPartner extends PartnerFields {
  id: string;
  referredBy: string;
  referredFor: string | null;
  contact: PartnerContact;
  at: string;
}

/** The stored columns of the editable fields and the contact, in one fixed order. */
export const FIELD_COLUMNS = [
  "name",
  "name_key",
  "wikidata",
  "website",
  "name_norm",
  "site_domain",
  "kind",
  "country",
  "languages",
  "offers",
  "projects",
  "funding",
  "summary",
  "asks",
  "links",
  "contact_name",
  "contact_email",
  "notes",
  "search_text",
] as const;

/** The values of {@link FIELD_COLUMNS} for a partner. */
export function fieldValues(f: PartnerFields & { contact: PartnerContact }): unknown[] {
  return [
    f.name,
    nameKey(f.name),
    f.wikidata,
    f.website,
    normalisedName(f.name),
    websiteDomain(f.website),
    f.kind,
    f.country,
    JSON.stringify(f.languages),
    JSON.stringify(f.offers),
    JSON.stringify(f.projects),
    f.funding,
    f.summary,
    JSON.stringify(f.asks),
    JSON.stringify(f.links),
    f.contact.name,
    f.contact.email,
    f.contact.notes,
    searchText(f),
  ];
}

// ?1–?19 are the field columns; the statements' own parameters follow.
const FIELD_PARAMS = FIELD_COLUMNS.map((_, i) => `?${i + 1}`).join(", ");
const FIELD_SETS = FIELD_COLUMNS.map((c, i) => `${c} = ?${i + 1}`).join(", ");

/**
 * Inserts a partner and its event. Unless `confirmNew`, only while no partner has the same
 * normalised name or website domain: two referrals of one institution at the same moment make
 * one partner, and the other's batch rolls back (its guarded event finds no row inserted).
 */
export function insertPartner(db: SqlDatabase, p: NewPartner, event: NewEvent, confirmNew = true): SqlStatement[] {
  return [...insertPartnerRow(db, p, confirmNew), guardedEvent(db, event)];
}

function insertPartnerRow(db: SqlDatabase, p: NewPartner, confirmNew: boolean): SqlStatement[] {
  const n = FIELD_COLUMNS.length;
  return [
    db
      .prepare(
        `INSERT INTO partner (${FIELD_COLUMNS.join(", ")}, id, referred_by, referred_for, created_at, updated_at)
         SELECT ${FIELD_PARAMS}, ?${n + 1}, ?${n + 2}, ?${n + 3}, ?${n + 4}, ?${n + 4}
         WHERE ?${n + 5} OR (
           NOT EXISTS (SELECT 1 FROM partner WHERE merged_into IS NULL
             AND name_norm = ?${FIELD_COLUMNS.indexOf("name_norm") + 1})
           AND NOT EXISTS (SELECT 1 FROM partner WHERE merged_into IS NULL
             AND site_domain = ?${FIELD_COLUMNS.indexOf("site_domain") + 1}))`,
      )
      .bind(...fieldValues(p), p.id, p.referredBy, p.referredFor, p.at, confirmNew ? 1 : 0),
  ];
}

/** Replaces the editable fields if the partner is still at `version`. */
export function updatePartner(
  db: SqlDatabase,
  id: string,
  version: number,
  f: PartnerFields & { contact: PartnerContact },
  at: string,
  event: NewEvent,
): SqlStatement[] {
  return [
    db
      .prepare(
        `UPDATE partner SET ${FIELD_SETS}, updated_at = ?22, version = version + 1 WHERE id = ?20 AND version = ?21`,
      )
      .bind(...fieldValues(f), id, version, at),
    guardedEvent(db, event),
  ];
}

export function setPartnerClosed(
  db: SqlDatabase,
  id: string,
  closed: boolean,
  reason: string,
  at: string,
  event: NewEvent,
): SqlStatement[] {
  return [
    db
      .prepare(
        `UPDATE partner SET closed_at = ?2, closed_reason = ?3, updated_at = ?4, version = version + 1
         WHERE id = ?1 AND (closed_at IS NULL) = (?2 IS NOT NULL)`,
      )
      .bind(id, closed ? at : null, reason, at),
    guardedEvent(db, event),
  ];
}

/** Keyset pagination: each sort has its ORDER BY and the predicate that continues after a cursor. */
const SORTS: Record<PartnerSort, { order: string; after: string; key: (r: PartnerRow) => string }> = {
  name: { order: "name_key ASC, id ASC", after: "(name_key, id) > (?8, ?9)", key: (r) => r.name_key },
  "-name": { order: "name_key DESC, id DESC", after: "(name_key, id) < (?8, ?9)", key: (r) => r.name_key },
  updated: { order: "updated_at ASC, id ASC", after: "(updated_at, id) > (?8, ?9)", key: (r) => r.updated_at },
  "-updated": { order: "updated_at DESC, id DESC", after: "(updated_at, id) < (?8, ?9)", key: (r) => r.updated_at },
  created: { order: "created_at ASC, id ASC", after: "(created_at, id) > (?8, ?9)", key: (r) => r.created_at },
  "-created": { order: "created_at DESC, id DESC", after: "(created_at, id) < (?8, ?9)", key: (r) => r.created_at },
  country: {
    order: "country ASC, name_key ASC, id ASC",
    after: "(country, name_key, id) > (?10, ?8, ?9)",
    key: (r) => r.name_key,
  },
};

// Each filter is `?N IS NULL OR …` over a JSON array, so the SQL is the same text for every query.
// A language selects itself and its more specific tags (shared/directory-search.ts: languageSelects).
const FILTERS = `
  (?1 IS NULL OR kind IN (SELECT value FROM json_each(?1)))
  AND (?2 IS NULL OR country IN (SELECT value FROM json_each(?2)))
  AND (?3 IS NULL OR EXISTS (SELECT 1 FROM json_each(partner_view.languages) l, json_each(?3) f
        WHERE lower(l.value) = lower(f.value) OR lower(l.value) LIKE lower(f.value) || '-%'))
  AND (?4 IS NULL OR EXISTS (SELECT 1 FROM json_each(partner_view.offers) o WHERE o.value IN (SELECT value FROM json_each(?4))))
  AND (?5 IS NULL OR funding IN (SELECT value FROM json_each(?5)))
  AND (?6 IS NULL OR status IN (SELECT value FROM json_each(?6)))`;

export interface Cursor {
  key: string;
  id: string;
  country?: string;
}

/** The facets and the sort of a directory query: what SQL answers (`q` is the domain's, in JS). */
export type PartnerFacets = Omit<PartnerListQuery, "q" | "limit" | "cursor">;

/** The cursor that continues after `row` in `sort`. */
export function cursorAfter(sort: PartnerSort, row: PartnerRow): Cursor {
  return { key: SORTS[sort].key(row), id: row.id, country: row.country };
}

/** Whether `row` comes after `cursor` in `sort`: the SQL predicate, for rows filtered in JS. */
export function isAfter(sort: PartnerSort, row: PartnerRow, cursor: Cursor): boolean {
  const tuple = (a: string[], b: string[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
    return 0;
  };
  const key = SORTS[sort].key(row);
  if (sort === "country") return tuple([row.country, key, row.id], [cursor.country ?? "", cursor.key, cursor.id]) > 0;
  const order = tuple([key, row.id], [cursor.key, cursor.id]);
  return sort.startsWith("-") ? order < 0 : order > 0;
}

/**
 * The partners that pass the facets, in the sort's order: `limit` after `cursor` with the total
 * and the next cursor, or (limit null) all of them.
 */
export function listPartners(
  db: SqlDatabase,
  q: PartnerFacets,
  cursor: Cursor | null,
  limit: number | null,
): Read<{ rows: PartnerRow[]; total: number; next: Cursor | null }> {
  const sort = SORTS[q.sort];
  const list = (v: string[] | undefined) => (v && v.length > 0 ? JSON.stringify(v) : null);
  const params = [list(q.kind), list(q.country), list(q.language), list(q.offer), list(q.funding), list(q.status)];
  const page = db
    .prepare(
      `SELECT * FROM partner_view WHERE ${FILTERS} AND (?8 IS NULL OR ${sort.after})
       ORDER BY ${sort.order} LIMIT ?7`,
    )
    .bind(
      ...params,
      limit === null ? -1 : limit + 1,
      cursor?.key ?? null,
      cursor?.id ?? null,
      ...(q.sort === "country" ? [cursor?.country ?? null] : []),
    );
  if (limit === null) {
    return {
      statements: [page],
      parse: ([r]) => {
        const rows = (r?.results ?? []) as unknown as PartnerRow[];
        return { rows, total: rows.length, next: null };
      },
    };
  }
  return {
    statements: [db.prepare(`SELECT count(*) AS n FROM partner_view WHERE ${FILTERS}`).bind(...params), page],
    parse: ([count, r]) => {
      const results = (r?.results ?? []) as unknown as PartnerRow[];
      const rows = results.slice(0, limit);
      const last = rows.at(-1);
      const next = results.length > limit && last ? cursorAfter(q.sort, last) : null;
      return { rows, total: (count?.results[0] as { n?: number } | undefined)?.n ?? 0, next };
    },
  };
}

/** Every partner, for the export and the mirror. */
export async function allPartners(db: SqlDatabase): Promise<PartnerRow[]> {
  return (await readAll(db, [everyPartner(db)]))[0];
}

export function everyPartner(db: SqlDatabase): Read<PartnerRow[]> {
  return rowsOf(db.prepare(`SELECT * FROM partner_view ORDER BY name_key, id`));
}
