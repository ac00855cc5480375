/**
 * SQL for affiliates, their representatives and the coordinators added after bootstrap. Reads
 * return rows, as every module of storage does (see `db.ts`); `toAffiliate` and
 * `toRepresentative` make the shared shapes of them.
 */
import type { Affiliate, Representative } from "../../shared/schemas.ts";
import { parseJson, type Read, readAll, rowOf, rowsOf, type SqlDatabase, type SqlStatement } from "./db.ts";
import { guardedEvent, type NewEvent } from "./events.ts";

export interface AffiliateRow {
  id: string;
  name: string;
  kind: string;
  wiki_page: string;
  countries: string;
  languages: string;
  capabilities: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RepresentativeRow {
  affiliate_id: string;
  user_name: string;
  status: string;
  verified_by: string | null;
  since: string;
}

export function toRepresentative(r: RepresentativeRow): Representative {
  return {
    affiliate: r.affiliate_id,
    user: r.user_name,
    status: r.status as Representative["status"],
    verifiedBy: r.verified_by,
    since: r.since,
  };
}

/** An affiliate and the representatives among `reps` that are its own. */
export function toAffiliate(row: AffiliateRow, reps: RepresentativeRow[]): Affiliate {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Affiliate["kind"],
    wikiPage: row.wiki_page,
    countries: parseJson(row.countries, []),
    languages: parseJson(row.languages, []),
    capabilities: parseJson(row.capabilities, []),
    representatives: reps.filter((r) => r.affiliate_id === row.id).map(toRepresentative),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Every affiliate's name by id (what a directory search matches besides the partner's own text). */
export function affiliateNames(db: SqlDatabase): Read<Map<string, string>> {
  const read = rowsOf<{ id: string; name: string }>(db.prepare(`SELECT id, name FROM affiliate`));
  return { statements: read.statements, parse: (r) => new Map(read.parse(r).map((a) => [a.id, a.name])) };
}

/** One affiliate's name, or null if there is no such affiliate. */
export function affiliateName(db: SqlDatabase, id: string): Read<string | null> {
  const read = rowOf<{ name: string }>(db.prepare(`SELECT name FROM affiliate WHERE id = ?1`).bind(id));
  return { statements: read.statements, parse: (r) => read.parse(r)?.name ?? null };
}

/** Affiliate rows with the representative rows that go with them. */
export interface AffiliateRows {
  affiliates: AffiliateRow[];
  representatives: RepresentativeRow[];
}

/** The shared shapes of affiliate rows, each with its representatives. */
export const toAffiliates = (rows: AffiliateRows): Affiliate[] =>
  rows.affiliates.map((a) => toAffiliate(a, rows.representatives));

export async function allAffiliates(db: SqlDatabase): Promise<AffiliateRows> {
  return (await readAll(db, [everyAffiliate(db)]))[0];
}

export function everyAffiliate(db: SqlDatabase): Read<AffiliateRows> {
  return {
    statements: [
      db.prepare(`SELECT * FROM affiliate ORDER BY name, id`),
      db.prepare(`SELECT * FROM representative ORDER BY affiliate_id, user_name`),
    ],
    parse: ([affiliates, reps]) => ({
      affiliates: (affiliates?.results ?? []) as unknown as AffiliateRow[],
      representatives: (reps?.results ?? []) as unknown as RepresentativeRow[],
    }),
  };
}

/** One affiliate's row with its representatives' rows (two statements, one round trip). */
export function affiliateRows(db: SqlDatabase, id: string): Read<AffiliateRows | null> {
  return {
    statements: [
      db.prepare(`SELECT * FROM affiliate WHERE id = ?1`).bind(id),
      db.prepare(`SELECT * FROM representative WHERE affiliate_id = ?1 ORDER BY user_name`).bind(id),
    ],
    parse: ([row, reps]) => {
      const a = row?.results[0] as AffiliateRow | undefined;
      return a ? { affiliates: [a], representatives: (reps?.results ?? []) as unknown as RepresentativeRow[] } : null;
    },
  };
}

export interface AffiliateFields {
  name: string;
  kind: string;
  wikiPage: string;
  countries: string[];
  languages: string[];
  capabilities: string[];
}

export function insertAffiliate(
  db: SqlDatabase,
  id: string,
  f: AffiliateFields,
  at: string,
  event: NewEvent,
): SqlStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO affiliate (id, name, kind, wiki_page, countries, languages, capabilities, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)`,
      )
      .bind(id, ...fieldValues(f), at),
    guardedEvent(db, event),
  ];
}

/** ?2–?7 of the statements below: the editable columns, in the order they name them. */
const fieldValues = (f: AffiliateFields) => [
  f.name,
  f.kind,
  f.wikiPage,
  JSON.stringify(f.countries),
  JSON.stringify(f.languages),
  JSON.stringify(f.capabilities),
];

export function updateAffiliate(
  db: SqlDatabase,
  id: string,
  version: number,
  f: AffiliateFields,
  at: string,
  event: NewEvent,
): SqlStatement[] {
  return [
    db
      .prepare(
        `UPDATE affiliate SET name = ?2, kind = ?3, wiki_page = ?4, countries = ?5, languages = ?6, capabilities = ?7,
           updated_at = ?8, version = version + 1
         WHERE id = ?1 AND version = ?9`,
      )
      .bind(id, ...fieldValues(f), at, version),
    guardedEvent(db, event),
  ];
}

/** A signed-in user: the wiki's central id and the name it gave. */
export interface UserKey {
  id: string;
  name: string;
}

/** Rows that are the user's: bound to their id, or made by name and not yet bound to anyone's. */
const IS_USER = `(user_id = ?1 OR (user_id IS NULL AND user_name = ?2))`;

/** The affiliates a user represents or has asked to represent. */
export function affiliatesOfUser(db: SqlDatabase, user: UserKey): Read<RepresentativeRow[]> {
  return rowsOf<RepresentativeRow>(
    db.prepare(`SELECT * FROM representative WHERE ${IS_USER} ORDER BY affiliate_id`).bind(user.id, user.name),
  );
}

/**
 * At sign-in: role rows made by the user's name become theirs by id, and rows already theirs take
 * the name the wiki gives now (after a rename). Rows of another id are never touched.
 */
export async function bindRolesToUser(db: SqlDatabase, user: UserKey): Promise<void> {
  await db.batch([
    db
      .prepare(`UPDATE representative SET user_id = ?1 WHERE user_id IS NULL AND user_name = ?2`)
      .bind(user.id, user.name),
    db
      .prepare(`UPDATE OR IGNORE representative SET user_name = ?2 WHERE user_id = ?1 AND user_name <> ?2`)
      .bind(user.id, user.name),
    db.prepare(`UPDATE coordinator SET user_id = ?1 WHERE user_id IS NULL AND user_name = ?2`).bind(user.id, user.name),
    db
      .prepare(`UPDATE OR IGNORE coordinator SET user_name = ?2 WHERE user_id = ?1 AND user_name <> ?2`)
      .bind(user.id, user.name),
  ]);
}

/** A user asks to represent an affiliate (no-op if they already did). */
export function requestRepresentation(
  db: SqlDatabase,
  affiliate: string,
  user: string,
  at: string,
  event: NewEvent,
): SqlStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO representative (affiliate_id, user_name, status, since) VALUES (?1, ?2, 'requested', ?3)
         ON CONFLICT (affiliate_id, user_name) DO NOTHING`,
      )
      .bind(affiliate, user, at),
    guardedEvent(db, event),
  ];
}

/** Verifies a representative, creating the row if they had not asked. */
export function verifyRepresentative(
  db: SqlDatabase,
  affiliate: string,
  user: string,
  by: string,
  at: string,
  event: NewEvent,
): SqlStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO representative (affiliate_id, user_name, status, verified_by, since) VALUES (?1, ?2, 'verified', ?3, ?4)
         ON CONFLICT (affiliate_id, user_name) DO UPDATE SET status = 'verified', verified_by = ?3, since = ?4
         WHERE representative.status = 'requested'`,
      )
      .bind(affiliate, user, by, at),
    guardedEvent(db, event),
  ];
}

export function removeRepresentative(
  db: SqlDatabase,
  affiliate: string,
  user: string,
  event: NewEvent,
): SqlStatement[] {
  return [
    db.prepare(`DELETE FROM representative WHERE affiliate_id = ?1 AND user_name = ?2`).bind(affiliate, user),
    guardedEvent(db, event),
  ];
}

/** A coordinator added through the API: by name, or (for a signed-in user) by id. */
export function storedCoordinator(db: SqlDatabase, user: string | UserKey): Read<boolean> {
  const read = rowOf(
    typeof user === "string"
      ? db.prepare(`SELECT 1 AS x FROM coordinator WHERE user_name = ?1`).bind(user)
      : db.prepare(`SELECT 1 AS x FROM coordinator WHERE ${IS_USER}`).bind(user.id, user.name),
  );
  return { statements: read.statements, parse: (r) => read.parse(r) !== null };
}

/** The coordinators added through the API. */
export function storedCoordinators(db: SqlDatabase): Read<string[]> {
  const read = rowsOf<{ user_name: string }>(db.prepare(`SELECT user_name FROM coordinator ORDER BY user_name`));
  return { statements: read.statements, parse: (r) => read.parse(r).map((x) => x.user_name) };
}

export function addCoordinator(db: SqlDatabase, user: string, by: string, at: string, event: NewEvent): SqlStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO coordinator (user_name, added_by, since) VALUES (?1, ?2, ?3) ON CONFLICT (user_name) DO NOTHING`,
      )
      .bind(user, by, at),
    guardedEvent(db, event),
  ];
}

export function removeCoordinator(db: SqlDatabase, user: string, event: NewEvent): SqlStatement[] {
  return [db.prepare(`DELETE FROM coordinator WHERE user_name = ?1`).bind(user), guardedEvent(db, event)];
}
