/**
 * TEST-ONLY stand-in for Wikidata's action API (`wbsearchentities`, `wbgetentities`), so that the
 * referral form's look-up can be tried and tested without the internet. It listens on 127.0.0.1
 * only and answers from the items in `entities.json`, in the exact shape Wikibase gives
 * (repo/includes/Api/SearchEntities.php, the entity serialisation with language fallback): a
 * search result's `display.label` and `label` are the item's label in the asked language or its
 * fallbacks, and when only another language's label matched (an item labelled only in Czech),
 * there is no `label`, and `match.language` and `aliases` name what matched, as on Wikidata.
 * CORS as MediaWiki does it for anonymous requests (`origin=*`), which `mw.ForeignApi` sends.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";

interface Term {
  language: string;
  value: string;
}
interface Entity {
  type: string;
  id: string;
  labels: Record<string, Term>;
  descriptions: Record<string, Term>;
  aliases: Record<string, Term[]>;
  claims: Record<string, unknown[]>;
}

const ENTITIES = (
  JSON.parse(readFileSync(join(import.meta.dirname, "entities.json"), "utf8")) as {
    entities: Record<string, Entity>;
  }
).entities;

/** Where the stand-in's action API is: `${url}?action=…`. */
export const API_PATH = "/w/api.php";

/** MediaWiki's fallback chain, short: the language, its base (`de-at` → `de`), `mul`, English. */
const fallbacks = (lang: string) => [...new Set([lang, lang.split("-")[0] ?? lang, "mul", "en"])];

function inLanguage(terms: Record<string, Term>, lang: string): Term | null {
  for (const l of fallbacks(lang)) if (terms[l]) return terms[l];
  return null;
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** One search hit as SearchEntities::buildTermSearchMatchEntry writes it. */
function searchEntry(e: Entity, matched: Term, type: "label" | "alias", lang: string, origin: string) {
  const label = inLanguage(e.labels, lang);
  const description = inLanguage(e.descriptions, lang);
  const entry: Record<string, unknown> = {
    id: e.id,
    title: e.id,
    pageid: Number(e.id.slice(1)) + 100,
    display: {
      ...(label ? { label: { value: label.value, language: label.language } } : {}),
      ...(description ? { description: { value: description.value, language: description.language } } : {}),
    },
    repository: "wikidata",
    url: `${origin}/wiki/${e.id}`,
    concepturi: `http://www.wikidata.org/entity/${e.id}`,
  };
  if (label) entry.label = label.value;
  if (description) entry.description = description.value;
  entry.match = { type, language: matched.language, text: matched.value };
  if (!label || matched.value !== label.value) entry.aliases = [matched.value];
  return entry;
}

function search(params: URLSearchParams, origin: string) {
  const text = params.get("search") ?? "";
  const lang = params.get("language") ?? "en";
  const limit = Math.min(Number(params.get("limit") ?? 7) || 7, 50);
  const q = fold(text.trim());
  const hits: { entity: Entity; term: Term; type: "label" | "alias"; rank: number }[] = [];
  for (const e of Object.values(ENTITIES)) {
    if (!q || e.claims.P297) continue; // countries are not what the form looks up
    const terms: { term: Term; type: "label" | "alias" }[] = [
      ...Object.values(e.labels).map((term) => ({ term, type: "label" as const })),
      ...Object.values(e.aliases)
        .flat()
        .map((term) => ({ term, type: "alias" as const })),
    ];
    // The asked language's terms first, as Wikidata ranks them.
    const order = fallbacks(lang);
    terms.sort((a, b) => rankOf(order, a.term.language) - rankOf(order, b.term.language));
    const found = terms.find(({ term }) =>
      fold(term.value)
        .split(/\s+/)
        .some((_, i, w) => w.slice(i).join(" ").startsWith(q)),
    );
    if (found) hits.push({ entity: e, ...found, rank: rankOf(order, found.term.language) });
  }
  hits.sort((a, b) => a.rank - b.rank || a.entity.id.localeCompare(b.entity.id));
  return {
    searchinfo: { search: text },
    search: hits.slice(0, limit).map((h) => searchEntry(h.entity, h.term, h.type, lang, origin)),
    success: 1,
  };
}

const rankOf = (order: string[], lang: string) => (order.includes(lang) ? order.indexOf(lang) : order.length);

/** wbgetentities: the asked items and props; with `languagefallback`, each asked language's fallback term. */
function getEntities(params: URLSearchParams) {
  const ids = (params.get("ids") ?? "").split("|").filter(Boolean);
  const props = (params.get("props") ?? "info|sitelinks|aliases|labels|descriptions|claims|datatype").split("|");
  const languages = params.get("languages")?.split("|") ?? null;
  const fallback = params.has("languagefallback");
  const terms = (all: Record<string, Term>) => {
    if (!languages) return all;
    const out: Record<string, Term & { "for-language"?: string }> = {};
    for (const l of languages) {
      const t = fallback ? inLanguage(all, l) : (all[l] ?? null);
      if (t) out[l] = t.language === l ? t : { ...t, "for-language": l };
    }
    return out;
  };
  const entities: Record<string, unknown> = {};
  for (const id of ids) {
    const e = ENTITIES[id];
    if (!e) {
      entities[id] = { id, missing: "" };
      continue;
    }
    const out: Record<string, unknown> = { type: e.type, id: e.id };
    if (props.includes("labels")) out.labels = terms(e.labels);
    if (props.includes("descriptions")) out.descriptions = terms(e.descriptions);
    if (props.includes("aliases")) out.aliases = e.aliases;
    if (props.includes("claims")) out.claims = e.claims;
    entities[id] = out;
  }
  return { entities, success: 1 };
}

/** The answer to one request: Wikibase answers its errors with 200 and an `error` object, as here. */
function answerTo(method: string, url: URL, origin: string): { status: number; body: unknown } {
  const params = url.searchParams;
  if (url.pathname !== API_PATH) return { status: 404, body: { error: { code: "notfound", info: "Not the API" } } };
  if (method === "OPTIONS") return { status: 200, body: {} };
  const action = params.get("action");
  if (action === "wbsearchentities") {
    if (!params.get("search") || !params.get("language")) {
      return {
        status: 200,
        body: { error: { code: "missingparam", info: 'The "search" and "language" parameters must be set.' } },
      };
    }
    return { status: 200, body: search(params, origin) };
  }
  if (action === "wbgetentities") return { status: 200, body: getEntities(params) };
  return {
    status: 200,
    body: { error: { code: "badvalue", info: `Unrecognized value for parameter "action": ${action}.` } },
  };
}

function answer(req: IncomingMessage, res: ServerResponse, origin: string): void {
  const url = new URL(req.url ?? "/", origin);
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8" };
  // MediaWiki answers cross-origin requests only when asked with `origin`; anonymous ones with `*`.
  if (url.searchParams.get("origin") === "*") {
    headers["Access-Control-Allow-Origin"] = "*";
    headers["Access-Control-Allow-Headers"] = "Api-User-Agent";
  }
  const { status, body } = answerTo(req.method ?? "GET", url, origin);
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

export interface WikidataStandIn {
  /** The action API's URL, e.g. `http://127.0.0.1:41234/w/api.php`. */
  apiUrl: string;
  /** How many requests it has answered, by action (tests check one request per pause in typing). */
  requests: { action: string; params: Record<string, string> }[];
  stop(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1 (port 0: any free one). */
export function startWikidataStandIn(port = 0): Promise<WikidataStandIn> {
  const requests: WikidataStandIn["requests"] = [];
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const params = Object.fromEntries(new URL(req.url ?? "/", origin).searchParams);
    if (req.method === "GET") requests.push({ action: params.action ?? "", params });
    answer(req, res, origin);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const p = typeof address === "object" && address ? address.port : port;
      resolve({
        apiUrl: `http://127.0.0.1:${p}${API_PATH}`,
        requests,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
