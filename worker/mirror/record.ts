/** The public part of the record that the mirror renders: what the storage layer maps, nothing private. */
import type { Affiliate, Claim, Partner } from "../../shared/schemas.ts";

/** How a claim ended, from the record: the reason given, and the affiliate a lead was handed over to. */
export interface ClaimOutcome {
  reason: string;
  handedOverTo: string | null;
}

export interface MirrorRecord {
  partners: Partner[];
  claims: Claim[];
  affiliates: Affiliate[];
  /** By claim id, for the claims that ended with a reason or a hand-over. */
  outcomes?: ReadonlyMap<number, ClaimOutcome>;
  /** Merged partner ids and the partner each was merged into, so old links still lead somewhere. */
  merged?: Record<string, string>;
}

/** Code-unit order of a case-folded key, then the id: the same in every runtime (no locale data). */
export function byKey<T>(key: (item: T) => string, id: (item: T) => string | number) {
  return (a: T, b: T): number => {
    const ka = key(a).toLowerCase();
    const kb = key(b).toLowerCase();
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ia = id(a);
    const ib = id(b);
    return ia === ib ? 0 : ia < ib ? -1 : 1;
  };
}

/** Partners in the order every page lists them: by name, then id. */
export const partnerOrder = byKey<Partner>(
  (p) => p.name,
  (p) => p.id,
);
