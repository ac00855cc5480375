/**
 * A realistic, deterministic demo directory: fictional institutions of every
 * kind in many countries and languages, the real affiliate landscape, claims
 * in every state (stale leads included), representatives, and the event log
 * that tells the same story. The same options give the same SQL, byte for byte.
 */
import type { ClaimStatus, Funding, Offer, PartnerKind, Project, Stage } from "../../../shared/vocabulary.ts";
import { DAY_MS } from "../../../shared/claim-machine.ts";
import { nameKey } from "../../../shared/directory-search.ts";
import { normalisedName } from "../../../shared/duplicates.ts";
import { slugify as slug } from "../../../shared/slug.ts";
import type { EventRow } from "../events.ts";
import { searchText } from "../partners.ts";
import { SEED_AFFILIATES, type SeedAffiliate } from "./affiliates.ts";
import { PLACES } from "./places.ts";

export interface SeedOptions {
  /** How many partners (default 120). */
  partners?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** The "now" of the story; claims and stale leads are dated relative to it. */
  now?: Date;
}

/** mulberry32: small, fast, and the same sequence on every platform. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    some: <T>(xs: readonly T[], n: number): T[] => {
      const pool = [...xs];
      const out: T[] = [];
      while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
  };
}

const FIRST = [
  "Anna",
  "Bongani",
  "Chiara",
  "Dawit",
  "Elif",
  "Farah",
  "Gustav",
  "Hana",
  "Ignacio",
  "Jana",
  "Kofi",
  "Lucía",
  "Mei",
  "Nadia",
  "Oskar",
  "Priya",
  "Rafael",
  "Sione",
  "Tamar",
  "Uma",
];
const LAST = [
  "Adeyemi",
  "Bauer",
  "Costa",
  "Dvořák",
  "Eriksson",
  "Fernández",
  "García",
  "Haddad",
  "Ivanova",
  "Jansen",
  "Kowalska",
  "Levi",
  "Mensah",
  "Nakamura",
  "Okafor",
  "Petrov",
  "Rossi",
  "Santos",
  "Tanaka",
  "Weber",
];
const REFERRERS = [
  "Hub Coordinator",
  "GLAM Volunteer",
  "Museum Friend",
  "Library Nerd",
  "Archivist on Wiki",
  "Curious Editor",
];

const ASKS: Record<Offer, string[]> = {
  images: [
    "digitise {n} photographs",
    "release {n} scanned postcards under CC BY-SA",
    "upload {n} images of the collection to Commons",
  ],
  data: ["publish the catalogue ({n} records) on Wikidata", "link {n} authority records to Wikidata"],
  text: ["transcribe {n} letters on Wikisource", "release {n} out-of-copyright books for Wikisource"],
  training: ["train {n} curators to edit Wikipedia", "a workshop for {n} librarians"],
  course: ["a Wikipedia assignment in a {n}-student course", "a semester course with {n} students"],
  editathon: ["host an edit-a-thon for {n} people", "a women in science edit-a-thon for {n} participants"],
  residency: ["host a Wikimedian in residence for {n} months"],
  other: ["advice on open licensing for {n} works"],
};

const PROJECT_OF: Record<Offer, Project> = {
  images: "commons",
  data: "wikidata",
  text: "wikisource",
  training: "wikipedia",
  course: "wikipedia",
  editathon: "wikipedia",
  residency: "wikipedia",
  other: "wikipedia",
};

const KIND_WORD: Record<PartnerKind, string> = {
  museum: "museum",
  library: "library",
  archive: "archive",
  university: "university",
  society: "learned society",
  company: "company",
  government: "public body",
  other: "heritage organisation",
};

const FUNDINGS: Funding[] = ["can_pay", "has_grant", "seeking_funding", "none"];
const STAGES: Stage[] = ["contacted", "agreement", "delivering"];

/** One SQL literal: our own data, but quoted properly all the same. */
function lit(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "1" : "0";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return `'${s.replace(/'/g, "''")}'`;
}

interface Row {
  [column: string]: unknown;
}

/** Multi-row INSERTs below D1's 100 kB statement limit. */
function inserts(table: string, rows: Row[]): string[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES\n`;
  const out: string[] = [];
  let chunk: string[] = [];
  let size = head.length;
  for (const row of rows) {
    const values = `(${columns.map((c) => lit(row[c])).join(", ")})`;
    if (chunk.length > 0 && size + values.length > 90_000) {
      out.push(`${head}${chunk.join(",\n")};`);
      chunk = [];
      size = head.length;
    }
    chunk.push(values);
    size += values.length + 2;
  }
  out.push(`${head}${chunk.join(",\n")};`);
  return out;
}

/** An event row before the database numbers it. */
type PendingEvent = Omit<EventRow, "seq">;

/** Noon (UTC) of the current day: a demo seeded today tells a story that ends today, the same all day. */
export function seedDay(now = new Date()): Date {
  return new Date(`${now.toISOString().slice(0, 10)}T12:00:00Z`);
}

/** The demo directory as SQL statements, for `wrangler d1 execute --file` or the Node adapter. */
export function demoSeedSql(options: SeedOptions = {}): string[] {
  const count = options.partners ?? 120;
  const r = rng(options.seed ?? 1);
  const now = (options.now ?? new Date("2026-11-20T12:00:00Z")).getTime();
  const iso = (t: number) => new Date(t).toISOString();
  const events: PendingEvent[] = [];
  const event = (
    at: number,
    actor: string,
    type: string,
    ids: { p?: string; a?: string; c?: number },
    data: object = {},
  ) =>
    events.push({
      at: iso(at),
      actor,
      type,
      partner_id: ids.p ?? null,
      affiliate_id: ids.a ?? null,
      claim_id: ids.c ?? null,
      data: JSON.stringify(data),
    });

  const founded = now - 720 * DAY_MS;
  const affiliateRows: Row[] = SEED_AFFILIATES.map((a) => {
    event(founded, "Hub Coordinator", "affiliate.created", { a: a.id }, { name: a.name });
    return {
      id: a.id,
      name: a.name,
      kind: a.kind,
      wiki_page: a.wikiPage,
      countries: JSON.stringify(a.countries),
      languages: JSON.stringify(a.languages),
      capabilities: JSON.stringify(a.capabilities),
      created_at: iso(founded),
      updated_at: iso(founded),
    };
  });

  const repRows: Row[] = [];
  const repsOf = new Map<string, string[]>();
  for (const a of SEED_AFFILIATES) {
    const names = [`${r.pick(FIRST)} (${a.name})`];
    if (r.next() < 0.4) names.push(`${r.pick(FIRST)} ${r.pick(LAST)} (${a.id})`);
    repsOf.set(a.id, names);
    const since = founded + r.int(1, 30) * DAY_MS;
    for (const user of names) {
      repRows.push({
        affiliate_id: a.id,
        user_name: user,
        status: "verified",
        verified_by: "Hub Coordinator",
        since: iso(since),
      });
      event(since, "Hub Coordinator", "representative.verified", { a: a.id }, { user });
    }
    if (r.next() < 0.25) {
      const user = `${r.pick(FIRST)} ${r.pick(LAST)}`;
      if (!repRows.some((x) => x.affiliate_id === a.id && x.user_name === user)) {
        repRows.push({
          affiliate_id: a.id,
          user_name: user,
          status: "requested",
          verified_by: null,
          since: iso(now - r.int(1, 20) * DAY_MS),
        });
        event(now - 20 * DAY_MS, user, "representative.requested", { a: a.id }, { user });
      }
    }
  }

  const partnerRows: Row[] = [];
  const claimRows: Row[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  let claimId = 0;

  const fitting = (country: string, offers: Offer[]): SeedAffiliate[] => {
    const local = SEED_AFFILIATES.filter((a) => a.countries.includes(country));
    const thematic = SEED_AFFILIATES.filter(
      (a) => a.countries.length === 0 && a.capabilities.some((c) => offers.includes(c)),
    );
    const fit = [...local, ...thematic];
    return fit.length > 0 ? fit : SEED_AFFILIATES.filter((a) => a.capabilities.some((c) => offers.includes(c)));
  };

  for (let i = 0; i < count; i++) {
    const place = r.pick(PLACES);
    const kinds = Object.keys(place.names) as PartnerKind[];
    const kind = r.pick(kinds);
    const town = r.pick(place.towns);
    let name = r.pick(place.names[kind]!).replace("{t}", town);
    for (let n = 2; names.has(name); n++) name = `${name.replace(/ \(\d+\)$/, "")} (${n})`;
    names.add(name);
    let id = slug(name);
    for (let n = 2; ids.has(id); n++) id = `${slug(name)}-${n}`;
    ids.add(id);

    const offers = r.some<Offer>(
      ["images", "data", "text", "training", "course", "editathon", "residency"],
      r.int(1, 3),
    );
    const projects = [...new Set(offers.map((o) => PROJECT_OF[o]))].sort();
    const languages = place.languages.slice(0, r.int(1, place.languages.length));
    const asks = offers
      .slice(0, 2)
      .map((o) => r.pick(ASKS[o]).replace("{n}", String(r.pick([10, 25, 120, 500, 2000, 15000]))));
    const summary = `A ${KIND_WORD[kind]} in ${town} that would like to share its work on Wikimedia projects: ${asks.join("; ")}.`;
    const created = now - r.int(5, 400) * DAY_MS;
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const referrer = r.pick(REFERRERS);
    const fields = {
      name,
      wikidata: null,
      website: null,
      kind,
      country: place.country,
      languages,
      offers,
      projects,
      funding: r.pick(FUNDINGS),
      summary,
      asks,
      links: [{ label: "Website", url: `https://example.org/${id}` }],
    };
    const roll = r.next();
    const closed = roll > 0.97;
    partnerRows.push({
      id,
      name,
      name_key: nameKey(name),
      name_norm: normalisedName(name),
      wikidata: null,
      kind,
      country: place.country,
      languages: JSON.stringify(languages),
      offers: JSON.stringify(offers),
      projects: JSON.stringify(projects),
      funding: fields.funding,
      summary,
      asks: JSON.stringify(asks),
      links: JSON.stringify(fields.links),
      referred_by: referrer,
      referred_for: null,
      contact_name: `${first} ${last}`,
      contact_email: `${slug(first)}.${slug(last)}@example.org`,
      notes: r.next() < 0.5 ? "Met at the GLAM conference; prefers e-mail." : "",
      search_text: searchText(fields),
      closed_at: closed ? iso(created + 30 * DAY_MS) : null,
      closed_reason: closed ? "The institution withdrew" : "",
      created_at: iso(created),
      updated_at: iso(created),
      version: 1,
    });
    event(created, referrer, "partner.referred", { p: id }, { name });
    if (closed)
      event(
        created + 30 * DAY_MS,
        "Hub Coordinator",
        "partner.closed",
        { p: id },
        { reason: "The institution withdrew" },
      );

    // The claims' story for this partner, by a roll of the dice.
    const candidates = r.some(fitting(place.country, offers), 3);
    const story: ClaimStatus[][] = closed
      ? [[]]
      : roll < 0.35
        ? [[]]
        : roll < 0.55
          ? [["interested"], ["interested", "interested"]]
          : roll < 0.72
            ? [["lead"], ["lead", "interested"]]
            : roll < 0.8
              ? [["completed"]]
              : roll < 0.85
                ? [["withdrawn", "interested"]]
                : roll < 0.89
                  ? [["declined", "lead"]]
                  : roll < 0.93
                    ? [["released", "interested"]]
                    : [["lead"]]; // a stale lead, below
    const stale = roll >= 0.93 && !closed;
    const statuses = r.pick(story).slice(0, candidates.length);
    let t = created + r.int(1, 10) * DAY_MS;
    statuses.forEach((status, k) => {
      const affiliate = candidates[k]!;
      const rep = repsOf.get(affiliate.id)![0]!;
      const verified = r.next() < 0.8;
      const claimant = verified ? rep : `${r.pick(FIRST)} ${r.pick(LAST)}`;
      const id2 = ++claimId;
      const createdAt = Math.min(t, now - 2 * DAY_MS);
      event(createdAt, claimant, "claim.created", { p: id, a: affiliate.id, c: id2 }, { verified });
      const row: Row = {
        id: id2,
        partner_id: id,
        affiliate_id: affiliate.id,
        claimed_by: claimant,
        message: `${affiliate.name} can take this: we have done similar work with ${KIND_WORD[kind]}s.`,
        verified: verified ? 1 : 0,
        status,
        stage: null,
        stage_note: "",
        lead_since: null,
        progress_at: null,
        stale_since: null,
        closed_reason: "",
        created_at: iso(createdAt),
        updated_at: iso(createdAt),
        version: 1,
      };
      let at = createdAt;
      const step = (days: number) => (at = Math.min(at + days * DAY_MS, now - DAY_MS));
      if (status === "lead" || status === "completed" || status === "released") {
        step(r.int(1, 5));
        row.lead_since = iso(at);
        row.version = (row.version as number) + 1;
        event(at, "Hub Coordinator", "claim.accepted", { p: id, a: affiliate.id, c: id2 });
        if (stale) {
          // No progress since long before STALE_AFTER_DAYS.
          row.lead_since = iso(now - 75 * DAY_MS);
          row.stale_since = iso(now - 10 * DAY_MS);
          event(
            now - 10 * DAY_MS,
            "partnerhub (stale leads)",
            "claim.stale",
            { p: id, a: affiliate.id, c: id2 },
            { afterDays: 60 },
          );
        } else {
          const reached = status === "completed" ? 3 : r.int(0, 3);
          for (const stage of STAGES.slice(0, reached)) {
            step(r.int(3, 20));
            row.stage = stage;
            row.stage_note =
              stage === "contacted"
                ? "First call held"
                : stage === "agreement"
                  ? "Agreement signed"
                  : "Uploads under way";
            row.progress_at = iso(at);
            row.version = (row.version as number) + 1;
            event(at, rep, "claim.progressed", { p: id, a: affiliate.id, c: id2 }, { stage, note: row.stage_note });
          }
        }
      }
      if (status === "completed" || status === "released" || status === "withdrawn" || status === "declined") {
        step(r.int(2, 30));
        const type = {
          completed: "claim.completed",
          released: "claim.released",
          withdrawn: "claim.withdrawn",
          declined: "claim.declined",
        }[status];
        const reason =
          status === "declined"
            ? "Another affiliate is closer to the partner"
            : status === "released"
              ? "No volunteer capacity this year"
              : "";
        if (status === "completed") {
          row.stage = "done";
          row.progress_at = iso(at);
        }
        row.closed_reason = reason;
        row.version = (row.version as number) + 1;
        event(
          at,
          status === "declined" ? "Hub Coordinator" : rep,
          type,
          { p: id, a: affiliate.id, c: id2 },
          reason ? { reason } : {},
        );
      }
      row.updated_at = iso(at);
      claimRows.push(row);
      t = at + r.int(1, 6) * DAY_MS;
    });
  }

  events.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return [
    ...inserts("affiliate", affiliateRows),
    ...inserts("representative", repRows),
    ...inserts("partner", partnerRows),
    ...inserts("claim", claimRows),
    ...inserts("event", events as unknown as Row[]),
    // The demo's history is nobody's news: notices start with what happens after the seed.
    "UPDATE notice_scan SET last_event = (SELECT coalesce(max(seq), 0) FROM event) WHERE id = 1;",
  ];
}
