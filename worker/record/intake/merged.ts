/** A merged partner's id answers with the survivor: the 301 that `GET /partners/{id}` gives. */
import { API_BASE } from "../../../shared/api-base.ts";
import { AppError } from "../../errors.ts";

/** 301 naming the survivor of a merge: `GET /partners/{merged}` and clients that follow it. */
export function partnerMerged(id: string, into: string): AppError {
  return new AppError("partner_merged", `${id} was merged into ${into}`, {
    headers: { Location: `${API_BASE}/partners/${into}` },
    params: { partner: id, into },
  });
}
