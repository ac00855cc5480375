/**
 * Matching partners and affiliates, as pure functions: which affiliates fit a
 * partner (country served, shared languages, capabilities for what it offers),
 * and, for a representative, which open partners fit their affiliate.
 * Only types are imported, so the gadget can use it without bundling zod.
 */
import type { Affiliate, Partner } from "./schemas.ts";
import type { Offer } from "./vocabulary.ts";

export interface FitReasons {
  /** The affiliate serves the partner's country. */
  country: boolean;
  /** Languages both use (primary subtags, e.g. `pt` for `pt-BR`). */
  languages: string[];
  /** What the partner offers that the affiliate can take on. */
  offers: Offer[];
}

export interface Fit {
  score: number;
  reasons: FitReasons;
}

export const FIT_WEIGHTS = { country: 4, language: 2, offer: 3 } as const;

const primary = (tag: string) => tag.toLowerCase().split("-")[0] ?? tag;

/** How well `affiliate` fits `partner`; score 0 when it cannot take on anything the partner offers. */
export function fit(
  partner: Pick<Partner, "country" | "languages" | "offers">,
  affiliate: Pick<Affiliate, "countries" | "languages" | "capabilities">,
): Fit {
  const offers = partner.offers.filter((o) => affiliate.capabilities.includes(o));
  const theirs = new Set(affiliate.languages.map(primary));
  const languages = [...new Set(partner.languages.map(primary))].filter((l) => theirs.has(l));
  const country = affiliate.countries.includes(partner.country);
  const reasons = { country, languages, offers };
  if (offers.length === 0 || (!country && languages.length === 0)) return { score: 0, reasons };
  const score =
    (country ? FIT_WEIGHTS.country : 0) + FIT_WEIGHTS.language * languages.length + FIT_WEIGHTS.offer * offers.length;
  return { score, reasons };
}

export interface Ranked<T> extends Fit {
  item: T;
}

function rank<T>(items: readonly T[], score: (item: T) => Fit, name: (item: T) => string): Ranked<T>[] {
  return items
    .map((item) => ({ item, ...score(item) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || name(a.item).localeCompare(name(b.item)));
}

/** The affiliates that fit a partner, best first. */
export function affiliatesFor(partner: Partner, affiliates: readonly Affiliate[]): Ranked<Affiliate>[] {
  return rank(
    affiliates,
    (a) => fit(partner, a),
    (a) => a.name,
  );
}

/** The partners still looking for an affiliate (open) that fit `affiliate`, best first. */
export function partnersFor(affiliate: Affiliate, partners: readonly Partner[]): Ranked<Partner>[] {
  const open = partners.filter((p) => p.status === "open" && !p.interested.includes(affiliate.id));
  return rank(
    open,
    (p) => fit(p, affiliate),
    (p) => p.name,
  );
}
