/** Partners as operations on the record: referral, edits under If-Match, closing, and who sees contacts. */
import type { z } from "zod";
import type { PartnerList, PartnerListQuery } from "../../shared/api.ts";
import { matchesTerms, partnerSearchText, searchTerms } from "../../shared/directory-search.ts";
import {
  type PartnerContact,
  type PartnerDetail,
  type PartnerInput,
  type PartnerPatch,
  partnerFieldsOf,
} from "../../shared/schemas.ts";
import { slugify } from "../../shared/slug.ts";
import type { Caller } from "../context.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { affiliateNames, getAffiliate } from "../storage/affiliates.ts";
import { claimsOfPartner, toClaim } from "../storage/claims.ts";
import { commit } from "../storage/commit.ts";
import type { SqlDatabase } from "../storage/db.ts";
import {
  cursorAfter,
  getPartnerRow,
  insertPartner,
  isAfter,
  listPartners,
  partnerExists,
  partnerIdByWikidata,
  setPartnerClosed,
  toContact,
  toPartner,
  updatePartner,
  type Cursor,
  type PartnerFields,
  type PartnerRow,
} from "../storage/partners.ts";

type ParsedInput = z.output<typeof PartnerInput>;
type ParsedPatch = z.output<typeof PartnerPatch>;

/** Where a directory page continues (the HTTP layer encodes it). */
export type { Cursor };

/**
 * A page of the directory (shared/directory-search.ts says what the query means). SQL answers the
 * facets, the sort and the page; with `q`, the terms are matched here, with the same functions
 * as the gadget's filter, over the partners that pass the facets.
 */
export async function listDirectory(
  db: SqlDatabase,
  query: PartnerListQuery,
  cursor: Cursor | null,
): Promise<Omit<PartnerList, "nextCursor"> & { next: Cursor | null }> {
  const terms = searchTerms(query.q);
  if (terms.length === 0) {
    const { rows, total, next } = await listPartners(db, query, cursor, query.limit);
    return { partners: rows.map(toPartner), total, next };
  }
  const [{ rows }, names] = await Promise.all([listPartners(db, query, null, null), affiliateNames(db)]);
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

export async function partnerDetail(db: SqlDatabase, caller: Caller | null, id: string): Promise<PartnerDetail> {
  const row = await getPartnerRow(db, id);
  if (!row) throw notFound("partner", id);
  const claims = (await claimsOfPartner(db, id)).map(toClaim);
  const detail: PartnerDetail = { ...toPartner(row), claims };
  if (maySeeContact(caller, row)) detail.contact = toContact(row);
  return detail;
}

/** A partner id from its name, never shorter than the schema allows. */
function partnerSlug(name: string): string {
  const slug = slugify(name);
  return slug.length >= 2 ? slug : `partner-${slug || "x"}`;
}

/** The first id from `base`, `base-2`, `base-3`… (from the `from`th on) that no partner has yet. */
async function freeId(db: SqlDatabase, base: string, from = 1): Promise<{ id: string; n: number }> {
  for (let n = from; n < 1000; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await partnerExists(db, id))) return { id, n };
  }
  return { id: `${base}-${crypto.randomUUID().slice(0, 8)}`, n: 1000 };
}

/** Referrals of one name at the same moment: each takes the next free id, so a few dozen all succeed. */
const MAX_ID_ATTEMPTS = 64;

async function duplicateWikidata(db: SqlDatabase, qid: string | null, except?: string): Promise<void> {
  if (!qid) return;
  const existing = await partnerIdByWikidata(db, qid);
  if (existing && existing !== except) {
    const other = await getPartnerRow(db, existing);
    throw new AppError("conflict", `${qid} is already in the directory as ${existing}`, {
      params: { wikidata: qid, partner: existing, partnerName: other?.name ?? null },
      details: { partner: existing },
    });
  }
}

export async function referPartner(
  db: SqlDatabase,
  caller: Caller,
  input: ParsedInput,
  at: string,
): Promise<PartnerDetail> {
  if (input.affiliate && !(await getAffiliate(db, input.affiliate))) throw notFound("affiliate", input.affiliate);
  await duplicateWikidata(db, input.wikidata);
  const contact: PartnerContact = input.contact ?? { name: "", email: "", notes: "" };
  const base = partnerSlug(input.name);
  // The free-id check and the insert are two round trips: another referral of the same name may
  // take the id in between. Then the next id is tried, unless the caller chose the id.
  for (let attempt = 1, from = 1; ; attempt++) {
    const free = input.id ? { id: input.id, n: 0 } : await freeId(db, base, from);
    const id = free.id;
    const result = await commit(
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
      ),
    );
    if (result.ok) return partnerDetail(db, caller, id);
    if (result.reason !== "unique") throw new Error("partner insert changed no row");
    if (result.target.includes("wikidata")) await duplicateWikidata(db, input.wikidata);
    if (input.id || result.target !== "partner.id" || attempt >= MAX_ID_ATTEMPTS) {
      throw new AppError("conflict", `A partner with the id ${id} already exists`, {
        params: { partner: id },
        details: { partner: id },
      });
    }
    // Spread the losers of a round over the next ids, so that not all of them race for one again.
    from = free.n + 1 + Math.floor(Math.random() * Math.min(attempt, 8));
  }
}

function fieldsOf(p: PartnerFields): PartnerFields {
  return partnerFieldsOf(p);
}

export async function editPartner(
  db: SqlDatabase,
  caller: Caller,
  id: string,
  ifMatch: number,
  patch: ParsedPatch,
  at: string,
): Promise<PartnerDetail> {
  const row = await getPartnerRow(db, id);
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
  await duplicateWikidata(db, next.wikidata, id);
  const changed = Object.keys(patch).filter((k) => k !== "contact");
  const result = await commit(
    db,
    updatePartner(db, id, ifMatch, next, at, {
      at,
      actor: caller.user.name,
      type: "partner.edited",
      partner: id,
      // Only the names of public fields: the feed is public and contacts are private.
      data: { fields: changed, contactChanged: patch.contact !== undefined },
    }),
  );
  if (!result.ok && result.reason === "stale") {
    const now = await getPartnerRow(db, id);
    throw new AppError("version_mismatch", "The partner changed meanwhile; reload and edit again", {
      params: { partner: id, partnerName: row.name, version: now?.version ?? null },
      details: { version: now?.version ?? null },
    });
  }
  if (!result.ok) await duplicateWikidata(db, next.wikidata, id);
  return partnerDetail(db, caller, id);
}

export async function closePartner(
  db: SqlDatabase,
  caller: Caller,
  id: string,
  closed: boolean,
  reason: string,
  at: string,
): Promise<PartnerDetail> {
  const row = await getPartnerRow(db, id);
  if (!row) throw notFound("partner", id);
  const result = await commit(
    db,
    setPartnerClosed(db, id, closed, reason, at, {
      at,
      actor: caller.user.name,
      type: closed ? "partner.closed" : "partner.reopened",
      partner: id,
      data: reason ? { reason } : {},
    }),
  );
  if (!result.ok) {
    throw new AppError("conflict", closed ? "The partner is already closed" : "The partner is not closed", {
      params: { partner: id, partnerName: row.name, status: row.status, action: closed ? "close" : "reopen" },
      details: { status: row.status },
    });
  }
  return partnerDetail(db, caller, id);
}
