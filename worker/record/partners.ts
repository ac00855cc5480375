/** Partners as operations on the record: referral, edits under If-Match, closing, and who sees contacts. */
import type { z } from "zod";
import type { PartnerList, PartnerListQuery } from "../../shared/api.ts";
import { matchesTerms, partnerSearchText, searchTerms } from "../../shared/directory-search.ts";
import type { PartnerContact, PartnerDetail, PartnerInput, PartnerPatch } from "../../shared/schemas.ts";
import { slugify } from "../../shared/slug.ts";
import type { Asker, Caller } from "../context.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { affiliateNames, affiliateRead } from "../storage/affiliates.ts";
import { type ClaimRow, claimsOf, toClaim } from "../storage/claims.ts";
import { type CommitResult, commitThen } from "../storage/commit.ts";
import { type Read, type SqlDatabase, together } from "../storage/db.ts";
import { duplicateCheck, refuseDuplicates, wikidataTaken } from "./intake/duplicates.ts";
import { partnerMerged } from "./intake/merged.ts";
import { mergedInto } from "../storage/intake.ts";
import {
  cursorAfter,
  idsLike,
  insertPartner,
  isAfter,
  listPartners,
  partnerRow,
  partnerWithWikidata,
  setPartnerClosed,
  toContact,
  toPartner,
  updatePartner,
  type Cursor,
  type PartnerFields,
  type PartnerRow,
} from "../storage/partners.ts";

/** Where a directory page continues (the HTTP layer encodes it). */
export type { Cursor };

type ParsedInput = z.output<typeof PartnerInput>;
type ParsedPatch = z.output<typeof PartnerPatch>;

/**
 * A page of the directory (shared/directory-search.ts says what the query means). SQL answers the
 * facets, the sort and the page; with `q`, the terms are matched here, with the same functions
 * as the gadget's filter, over the partners that pass the facets.
 */
export async function listDirectory(
  db: SqlDatabase,
  asker: Asker,
  query: PartnerListQuery,
  cursor: Cursor | null,
): Promise<Omit<PartnerList, "nextCursor"> & { next: Cursor | null }> {
  const terms = searchTerms(query.q);
  if (terms.length === 0) {
    const [{ rows, total, next }] = await asker.read([listPartners(db, query, cursor, query.limit)]);
    return { partners: rows.map(toPartner), total, next };
  }
  const [{ rows }, names] = await asker.read([listPartners(db, query, null, null), affiliateNames(db)]);
  const found = rows
    .map((row) => ({ row, partner: toPartner(row) }))
    .filter(({ partner }) => {
      const affiliates = partner.interested.map((id) => names.get(id) ?? "");
      return matchesTerms(partnerSearchText(partner, affiliates), terms);
    });
  const after = cursor ? found.filter(({ row }) => isAfter(query.sort, row, cursor)) : found;
  const page = after.slice(0, query.limit);
  const last = page.at(-1);
  return {
    partners: page.map((f) => f.partner),
    total: found.length,
    next: after.length > query.limit && last ? cursorAfter(query.sort, last.row) : null,
  };
}

/** Whether `caller` may see a partner's contact: coordinators, the referrer, the lead's representatives. */
export function maySeeContact(caller: Caller | null, row: PartnerRow): boolean {
  if (!caller) return false;
  return (
    caller.coordinator ||
    row.referred_by === caller.user.name ||
    (row.lead_affiliate !== null && caller.represents.has(row.lead_affiliate))
  );
}

/** A partner and its claims, as read in one round trip. */
export interface PartnerRecord {
  row: PartnerRow;
  claims: ClaimRow[];
}

/** A partner and its claims as one read (null if there is no such partner). */
export function partnerRecord(db: SqlDatabase, id: string): Read<PartnerRecord | null> {
  const read = together([partnerRow(db, id), claimsOf(db, id)]);
  return {
    statements: read.statements,
    parse: (results) => {
      const [row, claims] = read.parse(results);
      return row ? { row, claims } : null;
    },
  };
}

/** What `caller` sees of a partner: its public fields and claims, and the contact if allowed. */
export function detailOf(caller: Caller | null, { row, claims }: PartnerRecord): PartnerDetail {
  const detail: PartnerDetail = { ...toPartner(row), claims: claims.map(toClaim) };
  if (maySeeContact(caller, row)) detail.contact = toContact(row);
  return detail;
}

export async function partnerDetail(db: SqlDatabase, asker: Asker, id: string): Promise<PartnerDetail> {
  const [record, into] = await asker.read([partnerRecord(db, id), mergedInto(db, id)]);
  // A merged partner's id answers with the one it was merged into.
  if (!record && into) throw partnerMerged(id, into);
  if (!record) throw notFound("partner", id);
  return detailOf(asker.caller(), record);
}

/** The partner as a write left it, read in the write's own batch. */
function written(caller: Caller, id: string, result: CommitResult<PartnerRecord | null>): PartnerDetail {
  if (!result.ok || !result.value) throw new Error(`partner ${id} is not there after its write`);
  return detailOf(caller, result.value);
}

/** A partner id from its name, never shorter than the schema allows. */
function partnerSlug(name: string): string {
  const slug = slugify(name);
  return slug.length >= 2 ? slug : `partner-${slug || "x"}`;
}

/** The first of `base`, `base-2`, `base-3`… (from the `from`th on) that is not taken. */
function freeId(base: string, taken: Set<string>, from = 1): { id: string; n: number } {
  for (let n = from; n < 1000; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id)) return { id, n };
  }
  return { id: `${base}-${crypto.randomUUID().slice(0, 8)}`, n: 1000 };
}

/** Referrals of one name at the same moment: each takes the next free id, so a few dozen all succeed. */
const MAX_ID_ATTEMPTS = 64;

function refuseDuplicateWikidata(
  qid: string | null,
  existing: { id: string; name: string } | null,
  except?: string,
): void {
  if (qid && existing && existing.id !== except) throw wikidataTaken(qid, existing.id, existing.name);
}

export async function referPartner(
  db: SqlDatabase,
  asker: Asker,
  input: ParsedInput,
  at: string,
): Promise<PartnerDetail> {
  const base = partnerSlug(input.name);
  const [affiliate, sameItem, candidates, firstTaken] = await asker.read([
    input.affiliate ? affiliateRead(db, input.affiliate) : { statements: [], parse: () => null },
    partnerWithWikidata(db, input.wikidata),
    duplicateCheck(db, input),
    input.id ? { statements: [], parse: () => new Set<string>() } : idsLike(db, base),
  ]);
  const caller = asker.writer();
  if (input.affiliate && !affiliate) throw notFound("affiliate", input.affiliate);
  refuseDuplicateWikidata(input.wikidata, sameItem);
  refuseDuplicates(input, candidates, input.confirmNew);
  const contact: PartnerContact = input.contact ?? { name: "", email: "", notes: "" };
  let taken = firstTaken;
  // Another referral of the same name may take the free id between the read and the insert: then
  // the next id is tried (a round trip more, only then), unless the caller chose the id.
  for (let attempt = 1, from = 1; ; attempt++) {
    const free = input.id ? { id: input.id, n: 0 } : freeId(base, taken, from);
    const id = free.id;
    const result = await commitThen(
      db,
      insertPartner(
        db,
        { ...fieldsOf(input), id, referredBy: caller.user.name, referredFor: input.affiliate, contact, at },
        {
          at,
          actor: caller.user.name,
          type: "partner.referred",
          partner: id,
          affiliate: input.affiliate,
          data: { name: input.name },
        },
        input.confirmNew,
      ),
      partnerRecord(db, id),
    );
    if (result.ok) return written(caller, id, result);
    // Another referral of the same institution committed between the check and this batch.
    if (result.reason === "stale") {
      const [now] = await asker.read([duplicateCheck(db, input)]);
      refuseDuplicates(input, now, false);
    }
    if (result.reason !== "unique") throw new Error("partner insert changed no row");
    if (result.target.includes("wikidata")) {
      const [now] = await asker.read([partnerWithWikidata(db, input.wikidata)]);
      refuseDuplicateWikidata(input.wikidata, now);
    }
    if (input.id || result.target !== "partner.id" || attempt >= MAX_ID_ATTEMPTS) {
      throw new AppError("conflict", `A partner with the id ${id} already exists`, {
        params: { partner: id },
        details: { partner: id },
      });
    }
    // Spread the losers of a round over the next ids, so that not all of them race for one again.
    from = free.n + 1 + Math.floor(Math.random() * Math.min(attempt, 8));
    [taken] = await asker.read([idsLike(db, base)]);
  }
}

function fieldsOf(p: PartnerFields): PartnerFields {
  return {
    name: p.name,
    wikidata: p.wikidata,
    website: p.website,
    kind: p.kind,
    country: p.country,
    languages: p.languages,
    offers: p.offers,
    projects: p.projects,
    funding: p.funding,
    summary: p.summary,
    asks: p.asks,
    links: p.links,
  };
}

export async function editPartner(
  db: SqlDatabase,
  asker: Asker,
  id: string,
  ifMatch: number,
  patch: ParsedPatch,
  at: string,
): Promise<PartnerDetail> {
  const [row, sameItem] = await asker.read([partnerRow(db, id), partnerWithWikidata(db, patch.wikidata ?? null)]);
  const caller = asker.writer();
  if (!row) throw notFound("partner", id);
  if (!caller.coordinator && row.referred_by !== caller.user.name) {
    throw forbidden("referrer_or_coordinator", "Only coordinators and the referrer may edit a partner", {
      partner: id,
      partnerName: row.name,
    });
  }
  if (row.version !== ifMatch) {
    throw new AppError("version_mismatch", `The partner is at version ${row.version}; reload and edit again`, {
      params: { partner: id, partnerName: row.name, version: row.version },
      details: { version: row.version },
    });
  }
  const current = { ...fieldsOf(toPartner(row)), contact: toContact(row) };
  const next = { ...current, ...patch, contact: patch.contact ?? current.contact };
  if (patch.wikidata) refuseDuplicateWikidata(patch.wikidata, sameItem, id);
  const changed = Object.keys(patch).filter((k) => k !== "contact");
  const result = await commitThen(
    db,
    updatePartner(db, id, ifMatch, next, at, {
      at,
      actor: caller.user.name,
      type: "partner.edited",
      partner: id,
      // Only the names of public fields: the feed is public and contacts are private.
      data: { fields: changed, contactChanged: patch.contact !== undefined },
    }),
    partnerRecord(db, id),
  );
  if (!result.ok && result.reason === "stale") {
    const [now] = await asker.read([partnerRow(db, id)]);
    throw new AppError("version_mismatch", "The partner changed meanwhile; reload and edit again", {
      params: { partner: id, partnerName: row.name, version: now?.version ?? null },
      details: { version: now?.version ?? null },
    });
  }
  if (!result.ok) {
    const [now, record] = await asker.read([partnerWithWikidata(db, next.wikidata), partnerRecord(db, id)]);
    refuseDuplicateWikidata(next.wikidata, now, id);
    if (!record) throw notFound("partner", id);
    return detailOf(caller, record);
  }
  return written(caller, id, result);
}

export async function closePartner(
  db: SqlDatabase,
  asker: Asker,
  id: string,
  closed: boolean,
  reason: string,
  at: string,
): Promise<PartnerDetail> {
  const [row] = await asker.read([partnerRow(db, id)]);
  const caller = asker.coordinator();
  if (!row) throw notFound("partner", id);
  const result = await commitThen(
    db,
    setPartnerClosed(db, id, closed, reason, at, {
      at,
      actor: caller.user.name,
      type: closed ? "partner.closed" : "partner.reopened",
      partner: id,
      data: reason ? { reason } : {},
    }),
    partnerRecord(db, id),
  );
  if (!result.ok) {
    throw new AppError("conflict", closed ? "The partner is already closed" : "The partner is not closed", {
      params: { partner: id, partnerName: row.name, status: row.status, action: closed ? "close" : "reopen" },
      details: { status: row.status },
    });
  }
  return written(caller, id, result);
}
