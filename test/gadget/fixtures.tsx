/** Test fixtures: partners, affiliates, claims, a fake backend over `fetch`, and the app rendered with them. */
import { render } from "@testing-library/preact";
import type { Me } from "../../shared/api.ts";
import type { Affiliate, Claim, Partner, PartnerDetail } from "../../shared/schemas.ts";
import { App } from "../../gadget/src/components/App.tsx";
// Imported up front, as ResourceLoader would have it ready: a first dynamic import took seconds.
import { DEFAULT_CONFIG, type GadgetConfig } from "../../gadget/src/config.ts";
import { createI18n, type I18n } from "../../gadget/src/i18n/index.ts";
import { installMessages } from "../../gadget/preview/mw-messages.ts";
import { createStore, type Store } from "../../gadget/src/state/store.ts";
import type { WikiApi } from "../../gadget/src/api/directory-source.ts";
import type { CacheStore } from "../../gadget/src/directory/cache.ts";
import type { TakenRow } from "../../gadget/src/directory/takeover.ts";

const T = "2026-01-10T12:00:00.000Z";

export function partner(over: Partial<Partner> & { id: string }): Partner {
  return {
    name: over.id.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase()),
    wikidata: null,
    website: null,
    kind: "museum",
    country: "DE",
    languages: ["de"],
    offers: ["images"],
    projects: ["commons"],
    funding: "none",
    summary: "",
    asks: [],
    links: [],
    referredBy: { user: "Referrer", affiliate: null },
    status: "open",
    lead: null,
    interested: [],
    createdAt: T,
    updatedAt: T,
    version: 1,
    ...over,
  };
}

export function affiliate(over: Partial<Affiliate> & { id: string }): Affiliate {
  return {
    name: over.id.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase()),
    kind: "chapter",
    wikiPage: `Wikimedia ${over.id}`,
    countries: ["DE"],
    languages: ["de"],
    capabilities: ["images"],
    representatives: [],
    createdAt: T,
    updatedAt: T,
    version: 1,
    ...over,
  };
}

export function claim(over: Partial<Claim> & { id: number; partner: string; affiliate: string }): Claim {
  return {
    claimedBy: "Someone",
    message: "",
    verified: true,
    status: "interested",
    stage: null,
    stageNote: "",
    progressAt: null,
    staleSince: null,
    createdAt: T,
    updatedAt: T,
    version: 1,
    ...over,
  };
}

export const detail = (p: Partner, claims: Claim[] = [], contact?: PartnerDetail["contact"]): PartnerDetail => ({
  ...p,
  claims,
  ...(contact ? { contact } : {}),
});

export const me = (name: string, over: Partial<Me> = {}): Me => ({
  user: { id: `dev:${name}`, name, blocked: false },
  roles: { coordinator: false, canWrite: true },
  affiliates: [],
  ...over,
});

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

export const apiError = (status: number, code: string, message: string, details?: unknown) =>
  json(status, { error: { code, message, ...(details ? { details } : {}) } });

export type Route = (req: {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}) => Response | Promise<Response> | undefined;

/** A fake backend: routes tried in order; records every call. */
export function fakeBackend(...routes: Route[]) {
  const calls: Array<{ method: string; path: string; body: unknown; headers: Record<string, string> }> = [];
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    const path = String(url).replace(/^https?:\/\/[^/]+\/api\/v1/, "");
    const req = {
      method: init.method ?? "GET",
      path,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    calls.push(req);
    for (const r of routes) {
      const res = await r(req);
      if (res) return res;
    }
    return apiError(404, "not_found", `no fake for ${req.method} ${path}`);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

export const on =
  (method: string, path: string | RegExp, answer: (body: unknown) => Response | undefined): Route =>
  (req) =>
    req.method === method && (typeof path === "string" ? req.path === path : path.test(req.path))
      ? answer(req.body)
      : undefined;

/** A fake mw.Api that serves mirror pages by title. */
export function fakeWiki(
  pages: Record<string, unknown>,
): WikiApi & { requests: Array<Record<string, string | number>> } {
  const requests: Array<Record<string, string | number>> = [];
  return {
    requests,
    get: async (params) => {
      requests.push(params);
      const titles = String(params.titles).split("|");
      return {
        query: {
          pages: titles.map((title) =>
            title in pages
              ? { title, revisions: [{ slots: { main: { content: JSON.stringify(pages[title]) } } }] }
              : { title, missing: true },
          ),
        },
      };
    },
  };
}

export const mirrorPage = (partners: Partner[], affiliates: Affiliate[] = []) => ({
  generated: T,
  lastEvent: 1,
  partners,
  affiliates,
  parts: [],
});

interface AppOptions {
  config?: Partial<GadgetConfig>;
  cache?: CacheStore;
  takenRows?: readonly TakenRow[];
  wiki?: WikiApi | null;
  /** The host's `mw.ForeignApi` maker (the Wikidata look-up). */
  foreignApi?: (apiUrl: string) => PromiseLike<WikiApi>;
  fetch?: typeof globalThis.fetch;
  lang?: string;
  hash?: string;
  session?: string;
}

/** The messages of `lang` (and its fallbacks) through the test stand-in of `mw.message`. */
export function testI18n(lang: string): I18n {
  installMessages((globalThis as unknown as { mw: Record<string, unknown> }).mw, lang);
  return createI18n(lang);
}

/** Render the whole app with fakes; returns the store to inspect state. */
export function renderApp(o: AppOptions = {}): { store: Store } & ReturnType<typeof render> {
  if (o.hash) window.location.hash = o.hash;
  if (o.session) {
    window.sessionStorage.setItem(
      "partnerhub-session",
      JSON.stringify({
        token: "tok",
        expiresAt: "2999-01-01T00:00:00Z",
        user: { id: `dev:${o.session}`, name: o.session, blocked: false },
      }),
    );
  }
  const store = createStore({
    config: { ...DEFAULT_CONFIG, backendUrl: "http://127.0.0.1:8787", ...o.config },
    i18n: testI18n(o.lang ?? "en"),
    wikiApi: o.wiki ?? null,
    foreignApi: o.foreignApi,
    using: usingModules,
    fetch: o.fetch,
    location: window.location,
    cache: o.cache,
    takenRows: o.takenRows,
  });
  return { store, ...render(<App store={store} />) };
}

/**
 * Finds the element whose whole text is `expected` across its children: messages isolate names
 * in `<bdi>`, so a sentence is several text nodes.
 */
export const sentence =
  (expected: string | RegExp) =>
  (_: string, el: Element | null): boolean => {
    const matches = (e: Element) =>
      typeof expected === "string" ? e.textContent === expected : expected.test(e.textContent ?? "");
    return el !== null && matches(el) && ![...el.children].some(matches);
  };

/** ResourceLoader's part: an on-demand module registers itself when it runs, as its built bundle does. */
const MODULES: Record<string, () => Promise<unknown>> = {
  "ext.gadget.partnerhub-signin": () => import("../../gadget/src/modules/signin.ts"),
  "ext.gadget.partnerhub-forms": () => import("../../gadget/src/modules/forms.ts"),
  "ext.gadget.partnerhub-coordinator": () => import("../../gadget/src/modules/coordinator.ts"),
  "ext.gadget.partnerhub-edit": () => import("../../gadget/src/modules/edit.ts"),
  "ext.gadget.partnerhub-account": () => import("../../gadget/src/modules/account.ts"),
  "ext.gadget.partnerhub-intake": () => import("../../gadget/src/modules/intake.ts"),
};

export async function usingModules(name: string): Promise<void> {
  const load = MODULES[name];
  if (!load) throw new Error(`no module ${name}`);
  await load();
}

/** Where the browser's copy of the directory lives, in memory (IndexedDB is the browser's: the end-to-end suite uses it). */
export function memoryCache(): CacheStore & { entries: Map<string, unknown>; puts: number } {
  const entries = new Map<string, unknown>();
  const cache = {
    entries,
    puts: 0,
    get: async (key: string) => structuredClone(entries.get(key)),
    put: async (key: string, value: unknown) => {
      cache.puts++;
      entries.set(key, structuredClone(value));
    },
    delete: async (key: string) => void entries.delete(key),
  };
  return cache;
}
