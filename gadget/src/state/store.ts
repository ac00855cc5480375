/**
 * The app's state as signals: the route (mirrored in the URL fragment), the directory and its
 * filtered view, the session, and keyed resources read from the backend (a partner's detail,
 * its history, …). Views read signals; only actions write. Actions for one kind of thing live
 * in modules beside this one (`state/actions/*.ts`, functions taking the store): they perform
 * the write through `store.write` and apply its answer (`applyPartner`, `resource(key)`),
 * without a second read. A new view adds its own module; this file does not grow with it.
 */
import { computed, effect, signal, type Signal } from "@preact/signals";
import type { Me } from "../../../shared/api.ts";
import { countryNames } from "../../../shared/countries.ts";
import type { Affiliate, Partner, PartnerDetail } from "../../../shared/schemas.ts";
import type { Backend } from "../api/backend.ts";
import { createBackend } from "../api/backend.ts";
import { changesSince, loadDirectory, readBackend, type Directory, type WikiApi } from "../api/directory-source.ts";
import { networkError } from "../api/errors.ts";
import * as auth from "../auth/session.ts";
import type { GadgetConfig } from "../config.ts";
import { readCached, writeCached, type CacheStore } from "../directory/cache.ts";
import type { TakenRow } from "../directory/takeover.ts";
import { filterPartners, indexPartners } from "../directory/filter.ts";
import { formatRoute, parseRoute, type DirectoryQuery, type Route } from "../directory/query.ts";
import type { I18n } from "../i18n/index.ts";
import { createNotifications } from "./notifications.ts";
import type { AsyncState } from "./async.ts";

export interface Host {
  config: GadgetConfig;
  i18n: I18n;
  /** mw.Api on the wiki; null where there is no wiki (tests, preview). */
  wikiApi: WikiApi | null;
  /** mw.loader.using, for on-demand modules. */
  using: (module: string) => PromiseLike<unknown>;
  /** An `mw.ForeignApi` for another wiki's action API (Wikidata's); default: the wiki page's own (intake/wikidata.ts). */
  foreignApi?: (apiUrl: string) => PromiseLike<WikiApi>;
  fetch?: typeof fetch;
  location: { hash: string };
  userAgent?: string;
  /** The browser's copy of the last directory (directory/cache.ts); none in tests that do not ask. */
  cache?: CacheStore | null;
  /** The mirror's table rows on the page, searchable until the directory has loaded (directory/takeover.ts). */
  takenRows?: readonly TakenRow[];
}

/** Above this many changed partners a full re-read is cheaper than one request per partner. */
const CATCH_UP_LIMIT = 100;

/** A message that an action worked, shown on the partner it concerns until the next action replaces it. */
export interface Notice {
  partner: string | null;
  text: string;
}

export function createStore(host: Host) {
  const { config, i18n } = host;
  const route = signal<Route>(parseRoute(host.location.hash));
  const directory = signal<AsyncState<Directory>>({ status: "idle" });
  const session = signal(auth.getSession());
  const me = signal<Me | null>(null);

  const backend: Backend | null = config.backendUrl
    ? createBackend({
        baseUrl: config.backendUrl,
        getToken: () => session.value?.token ?? null,
        fetch: host.fetch,
        userAgent: host.userAgent,
      })
    : null;

  const countryName = countryNames(i18n.lang);
  const partners = computed(() => (directory.value.status === "ready" ? directory.value.value.partners : []));
  const affiliates = computed(() => (directory.value.status === "ready" ? directory.value.value.affiliates : []));
  const index = computed(() => indexPartners(partners.value, countryName, (id) => affiliateById.value.get(id)?.name));
  const result = computed(() => filterPartners(index.value, route.value.query, i18n.lang));
  const mayUseBackend = computed(() => backend !== null && (config.backendReadBeforeSignIn || session.value !== null));
  const affiliateById = computed(() => new Map(affiliates.value.map((a) => [a.id, a])));
  const notifications = createNotifications(backend, () => session.value !== null);

  const notice = signal<Notice | null>(null);
  /** A newer directory replaced the browser's copy that was drawn first (said in a polite live region). */
  const updated = signal(false);
  const resources = new Map<string, Signal<AsyncState<unknown>>>();
  const rounds = new Map<string, number>();

  /** The resource `key` (e.g. `partner:<id>`), idle until read. */
  function resource<T>(key: string): Signal<AsyncState<T>> {
    let s = resources.get(key);
    if (!s) {
      s = signal<AsyncState<unknown>>({ status: "idle" });
      resources.set(key, s);
    }
    return s as Signal<AsyncState<T>>;
  }

  /** Read resource `key` from the backend; where the backend may not be used it stays idle. A newer read wins. */
  async function read<T>(key: string, load: (b: Backend) => Promise<T>): Promise<void> {
    const s = resource<T>(key);
    if (!backend || !mayUseBackend.value) {
      s.value = { status: "idle" };
      return;
    }
    const round = (rounds.get(key) ?? 0) + 1;
    rounds.set(key, round);
    const kept = "value" in s.value ? s.value.value : undefined;
    s.value = kept === undefined ? { status: "loading" } : { status: "loading", value: kept };
    try {
      const value = await load(backend);
      if (rounds.get(key) === round) s.value = { status: "ready", value };
    } catch (error) {
      if (rounds.get(key) === round)
        s.value = kept === undefined ? { status: "error", error } : { status: "error", error, value: kept };
    }
  }

  /** Whether resource `key` has been asked for (a view shows it): actions refresh only those. */
  const isShown = (key: string) => resources.has(key) && resource(key).value.status !== "idle";

  /** The one way to write: the backend call, or a network error where there is no backend. */
  async function write<T>(fn: (b: Backend) => Promise<T>): Promise<T> {
    if (!backend) throw networkError("no backend configured");
    return fn(backend);
  }

  /** Apply a partner as a write answered it: its detail and its row in the directory, at once. */
  function applyPartner(detail: PartnerDetail): void {
    resource<PartnerDetail>(`partner:${detail.id}`).value = { status: "ready", value: detail };
    updatePartner(detail);
  }

  effect(() => {
    const hash = formatRoute(route.value);
    if (hash !== (host.location.hash || "#")) host.location.hash = hash;
  });

  /**
   * The directory: the browser's copy at once when there is one, then the mirror's (or the
   * backend's) behind it. A newer one replaces the copy and says so; the same one changes nothing.
   */
  async function load(): Promise<void> {
    const cached = host.cache ? await readCached(host.cache, config.mirrorPrefix) : null;
    if (cached && directory.value.status !== "ready") directory.value = { status: "ready", value: cached.directory };
    else if (!cached) directory.value = { status: "loading" };
    let value: Directory;
    try {
      value = await loadDirectory({
        source: config.directorySource,
        api: host.wikiApi,
        prefix: config.mirrorPrefix,
        backend,
        mayUseBackend: mayUseBackend.value,
      });
    } catch (error) {
      // With the browser's copy drawn, a failed refresh leaves it (it is what the reader sees).
      if (!cached) directory.value = { status: "error", error };
      return;
    }
    const same = cached !== null && cached.lastEvent !== null && cached.lastEvent === value.lastEvent;
    if (!same) {
      directory.value = { status: "ready", value };
      if (cached) updated.value = true;
    }
    // Only the public mirror is kept: what the backend answers a signed-in user stays in memory.
    if (host.cache && value.source === "mirror") void writeCached(host.cache, config.mirrorPrefix, value);
    await catchUp();
  }

  /**
   * Signed in, the mirror's copy may lag behind the record by a Cron period: bring it up to
   * date from the event feed, re-reading only the partners that changed (or everything, when
   * too much changed). Failing leaves the mirror's copy as it was.
   */
  async function catchUp(): Promise<void> {
    const d = directory.value;
    if (!backend || !mayUseBackend.value || d.status !== "ready" || d.value.lastEvent === null) return;
    try {
      const changes = await changesSince(backend, d.value.lastEvent);
      if (changes.partners.size > CATCH_UP_LIMIT) {
        directory.value = { status: "ready", value: await readBackend(backend) };
        return;
      }
      for (const id of changes.partners) applyPartner(await backend.partner(id));
      const now = directory.value;
      if (now.status !== "ready") return;
      const affiliatesNow = changes.affiliates ? (await backend.affiliates()).affiliates : now.value.affiliates;
      directory.value = {
        status: "ready",
        value: { ...now.value, affiliates: affiliatesNow, lastEvent: changes.last },
      };
    } catch {
      // The mirror's copy stays; views that need fresh data read the backend themselves.
    }
  }

  async function loadMe(): Promise<void> {
    if (!backend || !session.value) return;
    try {
      me.value = await backend.me();
    } catch {
      me.value = null;
    }
  }

  /** Where a merged partner's id leads now (following merges of merges), or null. */
  function mergedInto(id: string): string | null {
    const merged = directory.value.status === "ready" ? (directory.value.value.merged ?? {}) : {};
    let at = merged[id];
    for (let hops = 0; at && merged[at] && hops < 10; hops++) at = merged[at];
    return at ?? null;
  }

  /** Replace one partner in the directory (after a claim or a transition): the result shows at once. */
  function updatePartner(detail: PartnerDetail): void {
    const d = directory.value;
    if (d.status !== "ready") return;
    const { claims: _claims, contact: _contact, ...partner } = detail;
    const list = d.value.partners.some((p) => p.id === partner.id)
      ? d.value.partners.map((p) => (p.id === partner.id ? (partner as Partner) : p))
      : [...d.value.partners, partner as Partner];
    directory.value = { status: "ready", value: { ...d.value, partners: list } };
  }

  return {
    host,
    config,
    i18n,
    backend,
    route,
    directory,
    session,
    me,
    partners,
    affiliates,
    affiliateById,
    result,
    mayUseBackend,
    countryName,
    load,
    loadMe,
    catchUp,
    updatePartner,
    mergedInto,
    notifications,
    notice,
    updated,
    /** Say that an action of a view that is not about one partner worked (shown above the view). */
    announce(text: string): void {
      notice.value = { partner: null, text };
    },
    resource,
    read,
    isShown,
    write,
    applyPartner,
    navigate(next: Partial<Omit<Route, "query">>): void {
      if (notice.value?.partner === null) notice.value = null;
      route.value = { ...route.value, partner: null, ...next };
    },
    setQuery(next: Partial<DirectoryQuery>): void {
      route.value = { ...route.value, query: { ...route.value.query, ...next } };
    },
    syncFromLocation(): void {
      const next = parseRoute(host.location.hash);
      if (formatRoute(next) !== formatRoute(route.value)) route.value = next;
    },
    async signIn(username?: string): Promise<void> {
      session.value = await auth.signIn({ username });
      await loadMe();
      if (directory.value.status === "error") await load();
      else await catchUp();
    },
    signOut(): void {
      // Revoke the backend session too; signing out locally must not wait for the network.
      const token = session.value?.token;
      if (token && backend) void backend.deleteSession(token).catch(() => {});
      auth.signOut();
      session.value = null;
      me.value = null;
      notifications.reset();
      notice.value = null;
    },
    affiliateName(id: string): string {
      return affiliateById.value.get(id)?.name ?? id;
    },
    /** The user's affiliates: verified ones first, then requested, then the rest. */
    affiliatesForUser(): Array<{ affiliate: Affiliate; status: "verified" | "requested" | null }> {
      const mine = new Map((me.value?.affiliates ?? []).map((a) => [a.affiliate, a.status]));
      const order = { verified: 0, requested: 1 } as const;
      return affiliates.value
        .map((affiliate) => ({ affiliate, status: mine.get(affiliate.id) ?? null }))
        .sort(
          (a, b) =>
            (a.status ? order[a.status] : 2) - (b.status ? order[b.status] : 2) ||
            a.affiliate.name.localeCompare(b.affiliate.name),
        );
    },
  };
}

export type Store = ReturnType<typeof createStore>;
