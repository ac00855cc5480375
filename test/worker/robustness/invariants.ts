/**
 * Invariants of the record, checked with SQL straight against D1 (not through
 * the API, so that an API bug cannot hide a storage bug). Each returns the rows
 * that break it: an empty list means it holds.
 */
import { nextStatus, partnerStatus, type ClaimAction } from "../../../shared/claim-machine.ts";
import type { ClaimStatus } from "../../../shared/vocabulary.ts";
import { db } from "../../api/helpers.ts";

async function rows<T>(sql: string, ...binds: unknown[]): Promise<T[]> {
  return (
    await db
      .prepare(sql)
      .bind(...binds)
      .all<T>()
  ).results;
}

const CHECKS = {
  twoLeads: `SELECT partner_id, count(*) AS n FROM claim WHERE status = 'lead' GROUP BY partner_id HAVING n > 1`,
  twoOpenClaims: `SELECT partner_id, affiliate_id, count(*) AS n FROM claim WHERE status IN ('interested', 'lead')
    GROUP BY partner_id, affiliate_id HAVING n > 1`,
  // Every change of a claim is one claim.* event (its creation included), so version = that count.
  versionVsEvents: `SELECT c.id, c.version, (SELECT count(*) FROM event e WHERE e.claim_id = c.id AND e.type LIKE 'claim.%') AS events
    FROM claim c WHERE c.version <> events`,
  partners: `SELECT p.id, p.closed_at IS NOT NULL AS closed, p.status,
    (SELECT json_group_array(status) FROM claim c WHERE c.partner_id = p.id) AS statuses FROM partner_view p`,
  claims: `SELECT c.id, c.status,
    (SELECT json_group_array(type) FROM (SELECT type FROM event e WHERE e.claim_id = c.id ORDER BY seq)) AS events FROM claim c`,
};

/** Every invariant, in one round trip to D1 (the tests check them after every step). */
export async function violations(): Promise<Record<string, unknown[]>> {
  const names = Object.keys(CHECKS) as (keyof typeof CHECKS)[];
  const results = await db.batch(names.map((n) => db.prepare(CHECKS[n])));
  const got = Object.fromEntries(names.map((n, i) => [n, results[i]!.results])) as Record<
    keyof typeof CHECKS,
    unknown[]
  >;
  const found: Record<string, unknown[]> = {
    twoLeads: got.twoLeads,
    twoOpenClaims: got.twoOpenClaims,
    versionVsEvents: got.versionVsEvents,
    statusDerivation: statusDerivationErrors(got.partners as PartnerCheckRow[]),
    replay: replayErrors(got.claims as ClaimCheckRow[]),
  };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0));
}

/** The view's stored-nowhere status equals partnerStatus() of the partner's claims. */
interface PartnerCheckRow {
  id: string;
  closed: number;
  status: string;
  statuses: string;
}
interface ClaimCheckRow {
  id: number;
  status: string;
  events: string;
}

function statusDerivationErrors(partners: PartnerCheckRow[]) {
  return partners.filter((p) => partnerStatus(p.closed === 1, JSON.parse(p.statuses) as ClaimStatus[]) !== p.status);
}

const ACTION_OF: Record<string, ClaimAction> = {
  "claim.withdrawn": "withdraw",
  "claim.accepted": "accept",
  "claim.declined": "decline",
  "claim.released": "release",
  "claim.completed": "complete",
  "claim.progressed": "progress",
  "claim.handed_over": "handover",
};

/**
 * The event log is complete and ordered: replaying each claim's events in seq
 * order through the claim machine, from claim.created, gives its stored status.
 */
function replayErrors(claims: ClaimCheckRow[]) {
  const errors: unknown[] = [];
  for (const c of claims) {
    const [first, ...rest] = JSON.parse(c.events) as string[];
    let status: ClaimStatus | null = first === "claim.created" ? "interested" : null;
    for (const type of rest) {
      if (status === null) break;
      if (type === "claim.stale") continue; // marks a lead; does not change its status
      const action = ACTION_OF[type];
      status = action ? nextStatus(status, action) : null;
    }
    if (status !== c.status) errors.push({ claim: c.id, stored: c.status, replayed: status, events: c.events });
  }
  return errors;
}

export async function lastSeq(): Promise<number> {
  return (await db.prepare(`SELECT coalesce(max(seq), 0) AS s FROM event`).first<{ s: number }>())!.s;
}

export async function eventsAfter(seq: number) {
  return rows<{ seq: number; type: string; claim_id: number | null; partner_id: string | null }>(
    `SELECT seq, type, claim_id, partner_id FROM event WHERE seq > ?1 ORDER BY seq`,
    seq,
  );
}
