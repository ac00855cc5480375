/**
 * When two referrals are probably the same institution, as pure functions used by the backend
 * (at referral and import) and by the gadget (while a person types). Three signals, strongest
 * first: the same Wikidata item, the same website domain, the same or a similar normalised name.
 *
 * Names are folded so that spelling, not substance, differs: case, accents and special letters
 * (ł, ø, ß…), punctuation, whitespace, little words ("of", "der", "de"…) and word order. Kind
 * words ("Museum", "Muzeum", "Musée", "Bibliothek"…) are folded to one token per kind, also
 * inside German-style compounds ("Stadtmuseum" = "Stadt Museum"), so "Muzeum Narodowe" matches
 * "Narodowe Museum" while "Stadtarchiv Graz" and "Stadtmuseum Graz" stay apart.
 *
 * Similarity: two names match when their kind tokens are the same and the rest (the
 * distinctive words) are equal, or, when both are long enough to judge (≥ 6 letters) and the
 * words only one of them has are neither short (< 4 letters) nor numbers ("Building A"/"B",
 * "Museum 1"/"2"), their character-bigram Dice coefficient is at least {@link NAME_SIMILARITY}. 0.85 accepts one typo
 * or a dropped/transliterated letter in a name of a dozen letters ("Katowicach"/"Katowicah",
 * "Koeln"/"Köln") and refuses different places sharing a stem ("Berlin"/"Bern",
 * "Vienna"/"Venice", "Wales"/"Scotland"); the table in test/shared/duplicates.test.ts holds
 * the pairs that fixed it. A false alarm costs one question ("Is it one of these?"), a miss
 * costs a duplicate partner, so the threshold leans to asking.
 */

/** Kind words in the vocabulary's languages, by the kind token they fold to. */
const KIND_WORDS: Record<string, readonly string[]> = {
  museum: [
    "museum",
    "museums",
    "muzeum",
    "museo",
    "musee",
    "museu",
    "musei",
    "muzej",
    "muzeul",
    "museet",
    "متحف",
    "المتحف",
  ],
  library: [
    "library",
    "bibliothek",
    "biblioteka",
    "bibliotheque",
    "biblioteca",
    "bibliotheca",
    "knihovna",
    "bibliotek",
    "bibliotheek",
    "konyvtar",
    "مكتبة",
    "المكتبة",
  ],
  archive: [
    "archive",
    "archives",
    "archiv",
    "archivo",
    "archivio",
    "archiwum",
    "archief",
    "arkiv",
    "archivum",
    "ارشيف",
    "الارشيف",
  ],
  university: [
    "university",
    "universitat",
    "universitaet",
    "universite",
    "universidad",
    "universita",
    "universidade",
    "uniwersytet",
    "univerzita",
    "universiteit",
    "universitet",
    "egyetem",
    "جامعة",
    "الجامعة",
  ],
  society: ["society", "gesellschaft", "societe", "sociedad", "societa", "towarzystwo", "spolecnost", "verein"],
  gallery: ["gallery", "galerie", "galeria", "galleria", "galerija"],
};

/** Words that say nothing about which institution it is. */
const STOPWORDS = new Set(
  (
    "the of and for at in on to a an " + // en
    "der die das des dem den und fur im am zu zum zur von vom " + // de
    "le la les de du d l et au aux " + // fr
    "el los las del y en " + // es
    "il lo di della dello delle dei degli e " + // it
    "w we i im z ze " + // pl
    "v ve " + // cs
    "het van en voor " + // nl
    "do da dos das e"
  ) // pt
    .split(" ")
    .filter(Boolean),
);

const KIND_OF = new Map<string, string>();
for (const [kind, words] of Object.entries(KIND_WORDS)) for (const w of words) KIND_OF.set(w, kind);
// Longest first, so that "museums" is split off before "museum".
const COMPOUND_SUFFIXES = [...KIND_OF.keys()].sort((a, b) => b.length - a.length);

// Letters that Unicode does not decompose into a base letter and a mark.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  ł: "l",
  ø: "o",
  đ: "d",
  ħ: "h",
  ı: "i",
  œ: "oe",
  æ: "ae",
  þ: "th",
  ð: "d",
};

/** Lower case, no accents or special letters, punctuation as spaces: "Musée d’Orsay" → "musee d orsay". */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßłøđħıœæþð]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export interface NameKey {
  /** Kind tokens, sorted and unique ("museum", "library"…). */
  kinds: string[];
  /** The other meaningful words, sorted. */
  words: string[];
}

function splitToken(token: string): string[] {
  if (KIND_OF.has(token)) return [token];
  for (const suffix of COMPOUND_SUFFIXES) {
    if (token.length >= suffix.length + 3 && token.endsWith(suffix)) return [token.slice(0, -suffix.length), suffix];
  }
  return [token];
}

// One-letter connectors ("w", "y", "e") are little words only in lower case: "Building A" keeps its "A".
const isStopword = (token: string, original: string) =>
  STOPWORDS.has(token) && (token.length > 1 || token === "d" || token === "l" || original === token);

/** The parts of a name that decide whether it names the same institution. */
export function nameKey(name: string): NameKey {
  const cased = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const tokens = cased.flatMap((w) =>
    foldText(w)
      .split(" ")
      .flatMap(splitToken)
      .map((t) => [t, w] as const),
  );
  const kinds = new Set<string>();
  const words: string[] = [];
  for (const [t, original] of tokens) {
    const kind = KIND_OF.get(t);
    if (kind) kinds.add(kind);
    else if (!isStopword(t, original)) words.push(t);
  }
  // A name of little words only ("The Museum") keeps them, or everything would match it.
  if (words.length === 0 && kinds.size === 0) words.push(...tokens.map(([t]) => t));
  return { kinds: [...kinds].sort(), words: words.sort() };
}

/** The name key as one string, stored beside each partner: equal strings are the same name. */
export function normalisedName(name: string): string {
  const key = nameKey(name);
  return [...key.kinds.map((k) => `#${k}`), ...key.words].join(" ");
}

function bigrams(s: string): Map<string, number> {
  const padded = ` ${s} `;
  const counts = new Map<string, number>();
  for (let i = 0; i < padded.length - 1; i++) {
    const g = padded.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/** Sørensen–Dice coefficient over character bigrams: 1 for equal strings, 0 for nothing shared. */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const n of x.values()) total += n;
  for (const [g, n] of y) {
    total += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** See the file's comment for why 0.85. */
export const NAME_SIMILARITY = 0.85;
const MIN_FUZZY_LETTERS = 6;

/** Whether two names probably name the same institution. */
export function namesMatch(a: string, b: string): boolean {
  const x = prepared(a);
  const y = prepared(b);
  if (x.kinds !== y.kinds) return false;
  if (x.words === y.words) return true;
  if (x.letters < MIN_FUZZY_LETTERS || y.letters < MIN_FUZZY_LETTERS) return false;
  // A short word or a number that only one name has tells them apart ("Building A", "Museum 2").
  const differing = [...x.set].filter((w) => !y.set.has(w)).concat([...y.set].filter((w) => !x.set.has(w)));
  if (differing.some((w) => w.length < 4 || /\d/.test(w))) return false;
  return diceSimilarity(x.words, y.words) >= NAME_SIMILARITY;
}

interface PreparedName {
  kinds: string;
  words: string;
  letters: number;
  set: Set<string>;
}

// An import compares each row with many partners: each name is folded once, not once per pair.
const PREPARED = new Map<string, PreparedName>();
function prepared(name: string): PreparedName {
  const hit = PREPARED.get(name);
  if (hit) return hit;
  const key = nameKey(name);
  const words = key.words.join(" ");
  const value = { kinds: key.kinds.join(" "), words, letters: words.replace(/ /g, "").length, set: new Set(key.words) };
  if (PREPARED.size >= 20_000) PREPARED.clear();
  PREPARED.set(name, value);
  return value;
}

// Hosts where many institutions have pages: there the first path segment tells them apart.
const SHARED_HOSTS = new Set(["facebook.com", "sites.google.com", "instagram.com", "linkedin.com", "x.com"]);

/**
 * The website an address points at, for comparison: host without `www.`, lower case, no
 * scheme, port or path ("https://www.Example.org/about/" → "example.org"); on a few shared
 * hosts also the first path segment. `null` when it is not a web address.
 */
export function websiteDomain(address: string | null | undefined): string | null {
  if (!address) return null;
  const hit = DOMAINS.get(address);
  if (hit !== undefined) return hit;
  const domain = parseDomain(address);
  if (DOMAINS.size >= 20_000) DOMAINS.clear();
  DOMAINS.set(address, domain);
  return domain;
}

// Parsing a URL is the dearest step of a comparison: each address is parsed once.
const DOMAINS = new Map<string, string | null>();

function parseDomain(address: string): string | null {
  const raw = address.trim();
  if (!raw || /\s/.test(raw) || (raw.includes("@") && !raw.includes("/"))) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^www\d*\./, "");
  if (!host.includes(".")) return null;
  if (SHARED_HOSTS.has(host)) {
    const first = url.pathname.split("/").filter(Boolean)[0];
    return first ? `${host}/${first.toLowerCase()}` : host;
  }
  return host;
}

/** Why a partner may be the one being referred. */
export type DuplicateReason = "wikidata" | "website" | "name";

export interface DuplicateProbe {
  name?: string | null;
  wikidata?: string | null;
  website?: string | null;
}

export interface DuplicateCandidate {
  id: string;
  name: string;
  why: DuplicateReason[];
}

/** What a probe is compared with: a partner's id, name, Wikidata item and website. */
export interface KnownPartner {
  id: string;
  name: string;
  wikidata: string | null;
  website: string | null;
}

/** The reasons `known` may be what `probe` describes, strongest first; empty when none. */
export function duplicateReasons(probe: DuplicateProbe, known: KnownPartner): DuplicateReason[] {
  const why: DuplicateReason[] = [];
  if (probe.wikidata && known.wikidata && probe.wikidata.toUpperCase() === known.wikidata.toUpperCase())
    why.push("wikidata");
  const domain = websiteDomain(probe.website);
  if (domain && domain === websiteDomain(known.website)) why.push("website");
  if (probe.name?.trim() && namesMatch(probe.name, known.name)) why.push("name");
  return why;
}

const STRENGTH: Record<DuplicateReason, number> = { wikidata: 3, website: 2, name: 1 };

/** The partners among `known` that may be `probe`, the likeliest first. */
export function findDuplicates(probe: DuplicateProbe, known: Iterable<KnownPartner>, limit = 10): DuplicateCandidate[] {
  const found: DuplicateCandidate[] = [];
  for (const k of known) {
    const why = duplicateReasons(probe, k);
    if (why.length > 0) found.push({ id: k.id, name: k.name, why });
  }
  const score = (c: DuplicateCandidate) => c.why.reduce((s, w) => s + STRENGTH[w] * 10, 0) + c.why.length;
  return found.sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id)).slice(0, limit);
}

/**
 * Word stems to pre-select partners in SQL before {@link namesMatch} decides: the first four
 * letters of each distinctive word, so a typo later in a word still finds its partner.
 */
export function nameStems(name: string): string[] {
  const { words } = nameKey(name);
  return [...new Set(words.filter((w) => w.length >= 3).map((w) => w.slice(0, 4)))].slice(0, 8);
}

/**
 * Many probes against many partners (an import against the directory): partners indexed by
 * Wikidata item, domain, normalised name and word stem, so each probe meets only its likely few.
 */
const COMMON_STEM = 200;

export class DuplicateIndex {
  private readonly byKey = new Map<string, KnownPartner[]>();

  constructor(known: Iterable<KnownPartner> = []) {
    for (const k of known) this.add(k);
  }

  private keysOf(p: DuplicateProbe): string[] {
    const keys: string[] = [];
    if (p.wikidata) keys.push(`q:${p.wikidata.toUpperCase()}`);
    const domain = websiteDomain(p.website);
    if (domain) keys.push(`d:${domain}`);
    if (p.name?.trim()) {
      keys.push(`n:${normalisedName(p.name)}`);
      for (const s of nameStems(p.name)) keys.push(`s:${s}`);
    }
    return keys;
  }

  add(k: KnownPartner): void {
    for (const key of this.keysOf(k)) {
      const list = this.byKey.get(key);
      if (list) list.push(k);
      else this.byKey.set(key, [k]);
    }
  }

  find(probe: DuplicateProbe, limit = 10): DuplicateCandidate[] {
    const pool = new Set<KnownPartner>();
    for (const key of this.keysOf(probe)) {
      const list = this.byKey.get(key) ?? [];
      // A stem that hundreds of names share (a common word) finds nothing a person would call similar.
      if (key.startsWith("s:") && list.length > COMMON_STEM) continue;
      for (const k of list) pool.add(k);
    }
    return findDuplicates(probe, pool, limit);
  }
}
