/** A merged partner's id answers with the survivor: the 301 that `GET /partners/{id}` gives. */
import { API_BASE } from "../../../shared/api-base.ts";
import { AppError, notFound } from "../../errors.ts";
import type { SqlDatabase } from "../../storage/db.ts";
import { mergedInto } from "../../storage/intake.ts";

/** 301 naming the survivor of a merge: `GET /partners/{merged}` and clients that follow it. */
export function partnerMerged(id: string, into: string): AppError {
  return new AppError("partner_merged", `${id} was merged into ${into}`, {
    headers: { Location: `${API_BASE}/partners/${into}` },
    params: { partner: id, into },
  });
}

/** Throws the redirect-like answer when `id` names a merged partner, else `notFound`. */
export async function missingPartner(db: SqlDatabase, id: string): Promise<never> {
  const into = await mergedInto(db, id);
  if (into) throw partnerMerged(id, into);
  throw notFound("partner", id);
}
