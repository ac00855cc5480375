/**
 * A small demo directory for the gadget's screenshots, written through the
 * API with development sessions (DEV_LOGIN=on). Does nothing when the
 * directory already has partners (e.g. the project's own demo seed ran).
 *   node scripts/gadget-demo-seed.ts [backend URL]
 */
import type { AffiliateInput, PartnerInput } from "../shared/schemas.ts";

const COORDINATOR = "Hub Coordinator";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

async function sessionFor(base: string, username: string): Promise<Call> {
  const res = await fetch(`${base}/api/v1/session/dev`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username }),
  });
  if (!res.ok) throw new Error(`dev sign-in as ${username}: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return async <T>(method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

const AFFILIATES: AffiliateInput[] = [
  {
    id: "wikimedia-deutschland",
    name: "Wikimedia Deutschland",
    kind: "chapter",
    wikiPage: "Wikimedia Deutschland",
    countries: ["DE"],
    languages: ["de"],
    capabilities: ["images", "data", "training", "editathon"],
  },
  {
    id: "wikimedia-cz",
    name: "Wikimedia Česká republika",
    kind: "chapter",
    wikiPage: "Wikimedia Czech Republic",
    countries: ["CZ"],
    languages: ["cs"],
    capabilities: ["images", "editathon", "course"],
  },
  {
    id: "wikimedia-france",
    name: "Wikimédia France",
    kind: "chapter",
    wikiPage: "Wikimédia France",
    countries: ["FR"],
    languages: ["fr"],
    capabilities: ["images", "data", "residency"],
  },
  {
    id: "wiki-education",
    name: "Wiki Education",
    kind: "thematic",
    wikiPage: "Wiki Education Foundation",
    countries: ["US", "CA"],
    languages: ["en"],
    capabilities: ["course", "training"],
  },
  {
    id: "wikimedia-brasil",
    name: "Wiki Movimento Brasil",
    kind: "user_group",
    wikiPage: "Wiki Movimento Brasil User Group",
    countries: ["BR"],
    languages: ["pt"],
    capabilities: ["images", "data", "editathon"],
  },
  {
    id: "wikimedians-levant",
    name: "Wikimedians of the Levant",
    kind: "user_group",
    wikiPage: "Wikimedians of the Levant User Group",
    countries: ["JO", "LB", "PS", "SY"],
    languages: ["ar"],
    capabilities: ["text", "editathon", "training"],
  },
];

const p = (
  id: string,
  name: string,
  kind: PartnerInput["kind"],
  country: string,
  languages: string[],
  offers: PartnerInput["offers"],
  funding: PartnerInput["funding"],
  summary: string,
  asks: string[] = [],
): PartnerInput => ({
  id,
  name,
  kind,
  country,
  languages,
  offers,
  funding,
  summary,
  asks,
  projects: ["commons", "wikidata"],
  wikidata: null,
  links: [],
  affiliate: null,
});

const PARTNERS: PartnerInput[] = [
  p(
    "staedel-museum",
    "Städel Museum",
    "museum",
    "DE",
    ["de", "en"],
    ["images", "data"],
    "has_grant",
    "Art museum in Frankfurt with 3,000 public-domain paintings photographed in high resolution.",
    ["release 3,000 painting photographs under CC0", "add collection data to Wikidata"],
  ),
  p(
    "national-museum-prague",
    "Národní muzeum",
    "museum",
    "CZ",
    ["cs"],
    ["images", "editathon"],
    "seeking_funding",
    "The National Museum in Prague wants to donate photographs of its natural history collection.",
    ["donate 2,000 photographs of specimens"],
  ),
  p(
    "bnf-gallica",
    "Bibliothèque nationale de France",
    "library",
    "FR",
    ["fr"],
    ["text", "data"],
    "can_pay",
    "Gallica's digitised books and their metadata.",
    ["import 10,000 public-domain texts to Wikisource"],
  ),
  p(
    "university-toronto",
    "University of Toronto Libraries",
    "university",
    "CA",
    ["en", "fr"],
    ["course", "training"],
    "has_grant",
    "Wants Wikipedia assignments in four undergraduate courses.",
    ["train 10 librarians", "run 4 course assignments"],
  ),
  p(
    "museu-paulista",
    "Museu Paulista",
    "museum",
    "BR",
    ["pt"],
    ["images"],
    "none",
    "Historical museum in São Paulo with 19th-century photographs.",
    ["digitise 2,000 photographs"],
  ),
  p(
    "jordan-national-library",
    "Jordan National Library",
    "library",
    "JO",
    ["ar", "en"],
    ["text", "training"],
    "seeking_funding",
    "Public-domain Arabic manuscripts and a team that wants to learn Wikisource.",
    ["train 10 curators"],
  ),
  p(
    "goethe-archive",
    "Goethe- und Schiller-Archiv",
    "archive",
    "DE",
    ["de"],
    ["text", "images"],
    "none",
    "Literary archive in Weimar.",
  ),
  p(
    "czech-technical-university",
    "České vysoké učení technické",
    "university",
    "CZ",
    ["cs", "en"],
    ["course"],
    "can_pay",
    "Engineering faculty interested in a Wikidata course.",
  ),
  p(
    "louvre-lens",
    "Louvre-Lens",
    "museum",
    "FR",
    ["fr"],
    ["images", "residency"],
    "has_grant",
    "Looking for a Wikimedian in residence for one year.",
  ),
  p(
    "smithsonian-archives",
    "Smithsonian Institution Archives",
    "archive",
    "US",
    ["en"],
    ["images", "data"],
    "can_pay",
    "Open access images and metadata.",
  ),
];

const KINDS: PartnerInput["kind"][] = [
  "museum",
  "library",
  "archive",
  "university",
  "society",
  "company",
  "government",
  "other",
];
const PLACES: Array<[string, string]> = [
  ["DE", "de"],
  ["CZ", "cs"],
  ["FR", "fr"],
  ["BR", "pt"],
  ["US", "en"],
  ["JO", "ar"],
  ["AT", "de"],
  ["BE", "fr"],
  ["IT", "it"],
  ["ES", "es"],
];
const OFFER_SETS: PartnerInput["offers"][] = [
  ["images"],
  ["data"],
  ["text", "data"],
  ["training"],
  ["course"],
  ["editathon", "images"],
  ["residency"],
];
const FUNDING: PartnerInput["funding"][] = ["can_pay", "has_grant", "seeking_funding", "none"];

for (let i = 1; i <= 50; i++) {
  const [country, lang] = PLACES[i % PLACES.length] as [string, string];
  const kind = KINDS[i % KINDS.length] as PartnerInput["kind"];
  PARTNERS.push(
    p(
      `demo-${kind}-${i}`,
      `Demo ${kind} ${i} (${country})`,
      kind,
      country,
      [lang],
      OFFER_SETS[i % OFFER_SETS.length] as PartnerInput["offers"],
      FUNDING[i % FUNDING.length] as PartnerInput["funding"],
      `A ${kind} that would like to work with Wikimedia.`,
    ),
  );
}

export async function seedDemo(base: string): Promise<boolean> {
  const list = (await (await fetch(`${base}/api/v1/partners?limit=1`)).json()) as { total: number };
  if (list.total > 0) return false;
  const coord = await sessionFor(base, COORDINATOR);
  for (const a of AFFILIATES) await coord("POST", "/affiliates", a);
  await coord("POST", "/affiliates/wikimedia-deutschland/representatives", { username: "Anna" });
  await coord("POST", "/affiliates/wikimedia-cz/representatives", { username: "Petr" });
  await coord("POST", "/affiliates/wikimedia-france/representatives", { username: "Camille" });
  const newbie = await sessionFor(base, "Newbie");
  await newbie("POST", "/affiliates/wikimedians-levant/representatives", { username: "Newbie" });

  const anna = await sessionFor(base, "Anna");
  for (const partner of PARTNERS) await anna("POST", "/partners", partner);
  type ClaimAnswer = { claim: { id: number } };
  const petr = await sessionFor(base, "Petr");
  const camille = await sessionFor(base, "Camille");
  await anna("POST", "/partners/national-museum-prague/claims", {
    affiliate: "wikimedia-deutschland",
    message: "We could help with the photographs if Prague cannot.",
  });
  await petr("POST", "/partners/national-museum-prague/claims", {
    affiliate: "wikimedia-cz",
    message: "We are in Prague and run photo workshops every month.",
  });
  const lead = await anna<ClaimAnswer>("POST", "/partners/staedel-museum/claims", {
    affiliate: "wikimedia-deutschland",
    message: "Our GLAM team knows the museum.",
  });
  await coord("POST", `/claims/${lead.claim.id}/accept`, { reason: "local chapter, experienced with art museums" });
  await anna("POST", `/claims/${lead.claim.id}/progress`, { stage: "contacted", note: "First meeting on 3 November" });
  await anna("POST", `/claims/${lead.claim.id}/progress`, { stage: "agreement", note: "CC0 agreement signed" });
  await camille("POST", "/partners/louvre-lens/claims", {
    affiliate: "wikimedia-france",
    message: "We have funded residencies before.",
  });
  await anna("POST", "/partners/goethe-archive/claims", {
    affiliate: "wikimedia-deutschland",
    message: "Good fit for a Wikisource project.",
  });
  return true;
}

if (import.meta.main) {
  const base = process.argv[2] ?? "http://127.0.0.1:8787";
  console.log((await seedDemo(base)) ? `seeded ${base}` : `${base} already has partners; left as it is`);
}
