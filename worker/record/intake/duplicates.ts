/**
 * Duplicate checks against the directory: what `GET /partners/duplicates` answers while a person
 * types, and the 409 `possible_duplicate` a referral meets unless it says `confirmNew`.
 */
import { findDuplicates, type DuplicateCandidate } from "../../../shared/duplicates.ts";
import type { Asker } from "../../context.ts";
import { AppError } from "../../errors.ts";
import type { Read, SqlDatabase } from "../../storage/db.ts";
import { duplicateCandidates, type Probe } from "../../storage/intake.ts";

const hasProbe = (probe: Probe) => Boolean(probe.name?.trim() || probe.wikidata || probe.website);

/** The partners that may be `probe`, likeliest first, as one read (none without anything to compare). */
export function duplicateCheck(db: SqlDatabase, probe: Probe): Read<DuplicateCandidate[]> {
  if (!hasProbe(probe)) return { statements: [], parse: () => [] };
  const read = duplicateCandidates(db, probe);
  return { statements: read.statements, parse: (r) => findDuplicates(probe, read.parse(r)) };
}

/** `GET /partners/duplicates`: one round trip. */
export async function checkDuplicates(db: SqlDatabase, asker: Asker, probe: Probe): Promise<DuplicateCandidate[]> {
  const [candidates] = await asker.read([duplicateCheck(db, probe)]);
  return candidates;
}

/** 409 `possible_duplicate`, naming the candidates; params name the likeliest one for the gadget's sentence. */
export function possibleDuplicate(candidates: DuplicateCandidate[]): AppError {
  const first = candidates[0];
  return new AppError(
    "possible_duplicate",
    `This may be a partner already in the directory: ${candidates.map((c) => c.id).join(", ")}`,
    { details: { candidates }, params: { candidate: first?.id ?? "", candidateName: first?.name ?? "" } },
  );
}

/** The same Wikidata item never gets a second partner, whatever the request says. */
export function wikidataTaken(qid: string, partner: string, partnerName: string | null): AppError {
  return new AppError("conflict", `${qid} is already in the directory as ${partner}`, {
    params: { wikidata: qid, partner, partnerName },
    details: { partner },
  });
}

/**
 * Throws when a referral may duplicate one of `candidates` (from `duplicateCheck`): always for
 * the same Wikidata item, and for a website domain or name unless `confirmNew`.
 */
export function refuseDuplicates(probe: Probe, candidates: DuplicateCandidate[], confirmNew: boolean): void {
  const sameItem = candidates.find((c) => c.why.includes("wikidata"));
  if (sameItem && probe.wikidata) throw wikidataTaken(probe.wikidata, sameItem.id, sameItem.name);
  if (!confirmNew && candidates.length > 0) throw possibleDuplicate(candidates);
}
