/**
 * Merging one partner into another (coordinators): the survivor takes the claims, links, asks,
 * languages, offers and contact notes of both; the merged id stays in the record (history keeps
 * both) and answers with the survivor. A clash (one affiliate with an open claim on both, or two
 * leads) is refused with 409 `merge_conflict`: it is for people to settle, never dropped.
 */
import type { PartnerContact, PartnerDetail } from "../../../shared/schemas.ts";
import type { Asker } from "../../context.ts";
import type { ErrorParams } from "../../../shared/api.ts";
import { AppError, notFound } from "../../errors.ts";
import type { ClaimRow } from "../../storage/claims.ts";
import { commitThen } from "../../storage/commit.ts";
import type { SqlDatabase } from "../../storage/db.ts";
import { mergedInto, mergeStatements } from "../../storage/intake.ts";
import { detailOf, partnerRecord } from "../partners.ts";
import { partnerMerged } from "./merged.ts";
import { toContact, toPartner, type PartnerFields, type PartnerRow } from "../../storage/partners.ts";

const OPEN = new Set(["interested", "lead"]);
const LIMITS = { asks: 20, links: 20, languages: 20 } as const;

const mergeConflict = (reason: string, params: ErrorParams, message: string) =>
  new AppError("merge_conflict", message, { params: { reason, ...params } });

function union<T>(a: T[], b: T[], key: (t: T) => string, max: number): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((t) => !seen.has(key(t)) && seen.add(key(t)))].slice(0, max);
}

function joinText(a: string, b: string, max: number): string {
  if (!b.trim() || a.includes(b)) return a;
  if (!a.trim()) return b;
  return `${a}\n\n${b}`.slice(0, max);
}

/** What the survivor keeps: its own fields, filled and extended from the merged partner. */
export function mergedFields(into: PartnerRow, from: PartnerRow): PartnerFields & { contact: PartnerContact } {
  const a = toPartner(into);
  const b = toPartner(from);
  const ca = toContact(into);
  const cb = toContact(from);
  return {
    name: a.name,
    wikidata: a.wikidata ?? b.wikidata,
    website: a.website ?? b.website,
    kind: a.kind,
    country: a.country,
    languages: union(a.languages, b.languages, String, LIMITS.languages),
    offers: union(a.offers, b.offers, String, 100),
    projects: union(a.projects, b.projects, String, 100),
    funding: a.funding,
    summary: a.summary || b.summary,
    asks: union(a.asks, b.asks, (s) => s.toLowerCase(), LIMITS.asks),
    links: union(a.links, b.links, (l) => l.url, LIMITS.links),
    contact: {
      name: ca.name || cb.name,
      email: ca.email || cb.email,
      notes: joinText(ca.notes, cb.notes, 5000),
    },
  };
}

/** The clash that a merge must not paper over, or null. */
function claimClash(into: ClaimRow[], from: ClaimRow[]): AppError | null {
  const open = into.filter((c) => OPEN.has(c.status));
  for (const c of from.filter((x) => OPEN.has(x.status))) {
    const same = open.find((o) => o.affiliate_id === c.affiliate_id);
    if (same) {
      return mergeConflict(
        "same_affiliate",
        { affiliate: c.affiliate_id, claim: same.id, mergedClaim: c.id },
        `${c.affiliate_id} has an open claim on both partners (claims ${same.id} and ${c.id}): withdraw or decline one first`,
      );
    }
  }
  const leads = [...into, ...from].filter((c) => c.status === "lead");
  const done = [...into, ...from].filter((c) => c.status === "completed");
  if (leads.length > 1 || done.length > 1) {
    const two = leads.length > 1 ? leads : done;
    return mergeConflict(
      leads.length > 1 ? "two_leads" : "two_completed",
      { affiliate: two[0]?.affiliate_id ?? null, otherAffiliate: two[1]?.affiliate_id ?? null },
      `Both partners have a ${leads.length > 1 ? "lead" : "completed partnership"}: release one first`,
    );
  }
  return null;
}

export async function mergePartner(
  db: SqlDatabase,
  asker: Asker,
  fromId: string,
  intoId: string,
  version: number,
  at: string,
): Promise<PartnerDetail> {
  // One read: both partners with their claims, and where each went if it was merged already.
  const [fromRecord, intoRecord, fromMerged, intoMerged] = await asker.read([
    partnerRecord(db, fromId),
    partnerRecord(db, intoId),
    mergedInto(db, fromId),
    mergedInto(db, intoId),
  ]);
  const caller = asker.coordinator();
  if (fromId === intoId) {
    throw mergeConflict("same_partner", { partner: fromId }, "A partner cannot be merged into itself");
  }
  if (!fromRecord) {
    if (fromMerged) {
      throw mergeConflict("already_merged", { partner: fromId, into: fromMerged }, `${fromId} was already merged`);
    }
    throw notFound("partner", fromId);
  }
  if (!intoRecord) throw intoMerged ? partnerMerged(intoId, intoMerged) : notFound("partner", intoId);
  const { row: from, claims: fromClaims } = fromRecord;
  const { row: into, claims: intoClaims } = intoRecord;
  if (from.version !== version) {
    throw new AppError("version_mismatch", `The partner is at version ${from.version}; reload and merge again`, {
      params: { partner: fromId, partnerName: from.name, version: from.version },
      details: { version: from.version },
    });
  }
  if (from.wikidata && into.wikidata && from.wikidata !== into.wikidata) {
    throw mergeConflict(
      "two_items",
      { wikidata: into.wikidata, otherWikidata: from.wikidata },
      `The partners are different Wikidata items (${into.wikidata}, ${from.wikidata})`,
    );
  }
  const clash = claimClash(intoClaims, fromClaims);
  if (clash) throw clash;
  const result = await commitThen(
    db,
    mergeStatements(db, {
      from: { id: fromId, version: from.version },
      into: { id: intoId, version: into.version },
      fields: mergedFields(into, from),
      at,
      event: {
        at,
        actor: caller.user.name,
        type: "partner.merged",
        partner: intoId,
        data: { from: fromId, into: intoId, name: from.name, claims: fromClaims.map((c) => c.id) },
      },
    }),
    partnerRecord(db, intoId),
  );
  if (!result.ok) {
    // Another merge, an edit or a new claim came first: say what the record holds now.
    const [now] = await asker.read([mergedInto(db, fromId)]);
    if (now) throw mergeConflict("already_merged", { partner: fromId, into: now }, `${fromId} was already merged`);
    throw mergeConflict(
      "changed",
      { partner: fromId },
      "One of the partners changed meanwhile; reload and merge again",
    );
  }
  if (!result.value) throw new Error(`partner ${intoId} is not there after the merge`);
  return detailOf(caller, result.value);
}
