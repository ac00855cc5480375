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
import type { Partner, PartnerDetail } from "../../../shared/schemas.ts";
import type { Backend } from "../api/backend.ts";
import type { BackendKit } from "../api/backend-kit.ts";
import { loadDirectory, type Directory, type WikiApi } from "../api/directory-source.ts";
import { ensureOAuthProvider } from "../auth/oauth-hookup.ts";
import * as auth from "../auth/session.ts";
import type { GadgetConfig } from "../config.ts";
import { readCached, writeCached, type CacheStore } from "../directory/cache.ts";
import type { TakenRow } from "../directory/takeover.ts";
import { createFilter, indexPartners } from "../directory/filter.ts";
import { formatRoute, parseRoute, type DirectoryQuery, type Route } from "../directory/query.ts";
import type { I18n } from "../i18n/index.ts";
import { loadModule } from "../modules/load.ts";
import type { Notifications } from "./notifications.ts";
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

/** A message that an action worked, shown on the partner it concerns until the next action replaces it. */
export interface Notice {
  partner: string | null;
  text: string;
}

/** How long typing pauses before the address bar follows the search box. */
const TYPING_PAUSE_MS = 300;

export function createStore(host: Host) {
  const { config, i18n } = host;
  const route = signal<Route>(parseRoute(host.location.hash));
  const directory = signal<AsyncState<Directory>>({ status: "idle" });
  const session = signal(auth.getSession());
  const me = signal<Me | null>(null);

  // The backend client comes with the account module (api/backend-kit.ts), loaded the first
  // time the backend may be used: browsing before sign-in never downloads it.
  let backend: Backend | null = null;
  let kit: BackendKit | null = null;
  let kitLoad: Promise<void> | null = null;
  /** The backend client (loading it on first use); null where no backend is configured. */
  async function backendClient(): Promise<Backend | null> {
    if (!config.backendUrl) return null;
    kitLoad ??= loadModule({ host, i18n }, "account").then((m) => {
      kit = m.backend ?? null;
    });
    try {
      await kitLoad;
    } catch (error) {
      kitLoad = null;
      throw error;
    }
    if (!kit) throw new Error("no backend configured");
    if (!notifications.peek())
      notifications.value = kit.createNotifications(backendClient, () => session.value !== null);
    backend ??= kit.createBackend({
      baseUrl: config.backendUrl,
      getToken: () => session.value?.token ?? null,
      fetch: host.fetch,
      userAgent: host.userAgent,
    });
    return backend;
  }
  const requireBackend = (): Promise<Backend> =>
    backendClient().then((b) => {
      if (!b) throw new Error("no backend configured");
      return b;
    });

  const countryName = countryNames(i18n.lang);
  const partners = computed(() => (directory.value.status === "ready" ? directory.value.value.partners : []));
  const affiliates = computed(() => (directory.value.status === "ready" ? directory.value.value.affiliates : []));
  const index = computed(() => indexPartners(partners.value, countryName, (id) => affiliateById.value.get(id)?.name));
  const filter = computed(() => createFilter(index.value, i18n.lang));
  const result = computed(() => filter.value(route.value.query));
  const mayUseBackend = computed(
    () => config.backendUrl !== "" && (config.backendReadBeforeSignIn || session.value !== null),
  );
  const affiliateById = computed(() => new Map(affiliates.value.map((a) => [a.id, a])));
  /** The signed-in person's notifications: they come with the backend client, so null until it has loaded. */
  const notifications = signal<Notifications | null>(null);

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
    if (!mayUseBackend.value) {
      s.value = { status: "idle" };
      return;
    }
    const round = (rounds.get(key) ?? 0) + 1;
    rounds.set(key, round);
    const kept = "value" in s.value ? s.value.value : undefined;
    s.value = kept === undefined ? { status: "loading" } : { status: "loading", value: kept };
    try {
      const value = await load(await requireBackend());
      if (rounds.get(key) === round) s.value = { status: "ready", value };
    } catch (error) {
      if (rounds.get(key) === round)
        s.value = kept === undefined ? { status: "error", error } : { status: "error", error, value: kept };
    }
  }

  /** Whether resource `key` has been asked for (a view shows it): actions refresh only those. */
  const isShown = (key: string) => resources.has(key) && resource(key).value.status !== "idle";

  /** The one way to write: the backend call (a failure on the page where there is no backend). */
  const write = <T>(fn: (b: Backend) => Promise<T>): Promise<T> => requireBackend().then(fn);

  /** Apply a partner as a write answered it: its detail and its row in the directory, at once. */
  function applyPartner(detail: PartnerDetail): void {
    resource<PartnerDetail>(`partner:${detail.id}`).value = { status: "ready", value: detail };
    updatePartner(detail);
  }

  // Into the address bar without a navigation (assigning the hash scrolls to a fragment, which
  // took a layout of the page per keystroke). Typing replaces the entry once it pauses (even
  // history.replaceState took milliseconds of a keystroke); any other change adds an entry,
  // which Back undoes (its hashchange brings the route back).
  let typed: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  effect(() => {
    const { q } = route.value.query;
    const hash = formatRoute(route.value);
    const push = q === typed;
    typed = q;
    clearTimeout(timer);
    if (hash === (host.location.hash || "#")) return;
    const write = () => history[push ? "pushState" : "replaceState"](null, "", hash);
    if (push) write();
    else timer = setTimeout(write, TYPING_PAUSE_MS);
  });

  /**
   * The directory: the browser's copy at once when there is one, then the mirror's (or the
   * backend's) behind it. A newer one replaces the copy and says so; the same one changes nothing.
   */
  async function load(): Promise<void> {
    // The wiki's read starts at once, beside the browser's copy (not after it).
    const fresh = loadDirectory({
      source: config.directorySource,
      api: host.wikiApi,
      prefix: config.mirrorPrefix,
      fromBackend: mayUseBackend.value ? () => requireBackend().then((b) => (kit as BackendKit).readBackend(b)) : null,
    });
    // Handled below, after the copy is read; a failure meanwhile is not an unhandled one.
    fresh.catch(() => undefined);
    const cached = host.cache ? await readCached(host.cache, config.mirrorPrefix) : null;
    if (cached && directory.value.status !== "ready") directory.value = { status: "ready", value: cached.directory };
    else if (!cached) directory.value = { status: "loading" };
    let value: Directory;
    try {
      value = await fresh;
    } catch (error) {
      // With the browser's copy drawn, a failed refresh leaves it (it is what the reader sees).
      if (!cached) directory.value = { status: "error", error };
      return;
    }
    const same = cached !== null && cached.lastEvent !== null && cached.lastEvent === value.lastEvent;
    if (!same) {
      directory.value = { status: "ready", value };
      if (cached) updated.value = true;
      // Only the public mirror is kept: what the backend answers a signed-in user stays in memory.
      if (host.cache && value.source === "mirror") void writeCached(host.cache, config.mirrorPrefix, value);
    }
    await catchUp();
  }

  /** The first load, once: started by the entry point before the first render (or by the app). */
  let started: Promise<void> | null = null;
  const start = () => started || (started = load());

  /**
   * Signed in, the mirror's copy may lag behind the record by a Cron period: bring it up to
   * date from the event feed, re-reading only the partners that changed (or everything, when
   * too much changed). Failing leaves the mirror's copy as it was.
   */
  async function catchUp(): Promise<void> {
    const d = directory.value;
    if (!mayUseBackend.value || d.status !== "ready" || d.value.lastEvent === null) return;
    try {
      const backend = await backendClient();
      if (backend) await (kit as BackendKit).catchUp({ directory, applyPartner }, backend);
    } catch {
      // The mirror's copy stays; views that need fresh data read the backend themselves.
    }
  }

  async function loadMe(): Promise<void> {
    if (!session.value) return;
    try {
      const backend = await backendClient();
      me.value = backend ? await backend.me() : null;
    } catch {
      me.value = null;
    }
  }

  /** Replace one partner in the directory (after a claim or a transition): the result shows at once. */
  function updatePartner(detail: PartnerDetail): void {
    const d = directory.value;
    if (d.status !== "ready") return;
    const partner: Partial<PartnerDetail> & Pick<Partner, "id"> = Object.assign({}, detail);
    delete partner.claims;
    delete partner.contact;
    const list = d.value.partners.some((p) => p.id === partner.id)
      ? d.value.partners.map((p) => (p.id === partner.id ? (partner as Partner) : p))
      : [...d.value.partners, partner as Partner];
    directory.value = { status: "ready", value: Object.assign({}, d.value, { partners: list }) };
  }

  return {
    host,
    config,
    i18n,
    backendClient,
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
    start,
    loadMe,
    catchUp,
    updatePartner,
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
      route.value = Object.assign({}, route.value, { partner: null }, next);
    },
    setQuery(next: Partial<DirectoryQuery>): void {
      route.value = Object.assign({}, route.value, { query: Object.assign({}, route.value.query, next) });
    },
    syncFromLocation(): void {
      const next = parseRoute(host.location.hash);
      if (formatRoute(next) !== formatRoute(route.value)) route.value = next;
    },
    /**
     * Sign in with the page's provider: Wikimedia OAuth 2 when a client id is configured (its
     * code loads on demand), else the development sign-in. Here, not in the button, because
     * the button also runs inside modules, whose copy of auth/session.ts has no provider.
     */
    async signIn(username?: string): Promise<void> {
      if (!auth.hasSignInProvider()) await ensureOAuthProvider({ config, host, i18n });
      if (!auth.hasSignInProvider()) throw new Error(i18n.t("partnerhub-signin-unavailable"));
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
      notifications.value?.reset();
      notice.value = null;
    },
    affiliateName(id: string): string {
      return affiliateById.value.get(id)?.name ?? id;
    },
  };
}

export type Store = ReturnType<typeof createStore>;
