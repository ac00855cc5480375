// Records for the mirror's pure tests: partners, affiliates and claims in the shared shapes.
import type { Affiliate, Claim, Partner } from "../../shared/schemas.ts";
import type { MirrorRecord } from "../../worker/mirror/record.ts";

export function affiliate(id: string, over: Partial<Affiliate> = {}): Affiliate {
  return {
    id,
    name: `Wikimedia ${id}`,
    kind: "chapter",
    wikiPage: `Wikimedia ${id}`,
    countries: ["CZ"],
    languages: ["cs"],
    capabilities: ["images"],
    representatives: [
      { affiliate: id, user: `Rep ${id}`, status: "verified", verifiedBy: "Coord One", since: "2026-01-01T00:00:00Z" },
      { affiliate: id, user: `Hopeful ${id}`, status: "requested", verifiedBy: null, since: "2026-01-02T00:00:00Z" },
    ],
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    version: 1,
    ...over,
  };
}

export function partner(i: number, over: Partial<Partner> = {}): Partner {
  const id = `partner-${String(i).padStart(5, "0")}`;
  return {
    id,
    name: `Museum number ${i}`,
    wikidata: `Q${1000 + i}`,
    website: null,
    kind: "museum",
    country: "DE",
    languages: ["de", "en"],
    offers: ["images", "data"],
    projects: ["commons", "wikidata"],
    funding: "seeking_funding",
    summary: `An institution with ${i} photographs to donate.`,
    asks: ["digitise 2,000 photographs", "train 10 curators"],
    links: [{ label: "Case study", url: `https://example.org/case/${i}` }],
    referredBy: { user: "Referrer", affiliate: null },
    status: "open",
    lead: null,
    interested: [],
    createdAt: "2026-02-03T04:05:06Z",
    updatedAt: "2026-02-03T04:05:06Z",
    version: 1,
    ...over,
  };
}

export function claim(id: number, partnerId: string, affiliateId: string, over: Partial<Claim> = {}): Claim {
  return {
    id,
    partner: partnerId,
    affiliate: affiliateId,
    claimedBy: "Rep " + affiliateId,
    message: "We can take this partner",
    verified: true,
    status: "interested",
    stage: null,
    stageNote: "",
    progressAt: null,
    staleSince: null,
    createdAt: "2026-03-01T00:00:00Z",
    updatedAt: "2026-03-01T00:00:00Z",
    version: 1,
    ...over,
  };
}

/** `n` partners, two affiliates; partner 1 matched (lead cz, stale), partner 2 with two interested. */
export function smallRecord(n = 5): MirrorRecord {
  const partners = Array.from({ length: n }, (_, i) => partner(i + 1));
  const affiliates = [affiliate("cz"), affiliate("de")];
  const claims = [
    claim(1, partners[0]!.id, "cz", {
      status: "lead",
      stage: "contacted",
      stageNote: "Met them",
      progressAt: "2026-03-05T00:00:00Z",
      staleSince: "2026-05-05T00:00:00Z",
    }),
    claim(2, partners[1]!.id, "cz"),
    claim(3, partners[1]!.id, "de"),
  ];
  partners[0] = {
    ...partners[0]!,
    status: "matched",
    lead: { claim: 1, affiliate: "cz", stage: "contacted", staleSince: "2026-05-05T00:00:00Z" },
    interested: ["cz"],
  };
  partners[1] = { ...partners[1]!, interested: ["cz", "de"] };
  return { partners, affiliates, claims };
}
