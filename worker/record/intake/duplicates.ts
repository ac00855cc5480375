/**
 * Duplicate checks against the directory: what `GET /partners/duplicates` answers while a person
 * types, and the 409 `possible_duplicate` a referral meets unless it says `confirmNew`.
 */
import { findDuplicates, type DuplicateCandidate } from "../../../shared/duplicates.ts";
import { AppError } from "../../errors.ts";
import type { SqlDatabase } from "../../storage/db.ts";
import { duplicateCandidates, type Probe } from "../../storage/intake.ts";

export async function checkDuplicates(db: SqlDatabase, probe: Probe): Promise<DuplicateCandidate[]> {
  if (!probe.name?.trim() && !probe.wikidata && !probe.website) return [];
  return findDuplicates(probe, await duplicateCandidates(db, probe));
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
 * Throws when a referral may duplicate a partner: always for the same Wikidata item, and for
 * a website domain or name unless `confirmNew`.
 */
export async function refuseDuplicates(db: SqlDatabase, probe: Probe, confirmNew: boolean): Promise<void> {
  const candidates = await checkDuplicates(db, probe);
  const sameItem = candidates.find((c) => c.why.includes("wikidata"));
  if (sameItem && probe.wikidata) throw wikidataTaken(probe.wikidata, sameItem.id, sameItem.name);
  if (!confirmNew && candidates.length > 0) throw possibleDuplicate(candidates);
}
