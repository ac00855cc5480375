/**
 * Plugs the Wikimedia OAuth 2 sign-in into the provider slot of session.ts. The OAuth code
 * (oauth4webapi) ships in the on-demand forms module; this file, in the browsing bundle, only
 * decides when to load it: when the user signs in, or when the wiki sends them back to the hub
 * page with `?code=&state=`.
 */
import { loadForms } from "../forms/load.ts";
import type { Store } from "../state/store.ts";
import { hasConsented } from "./consent.ts";
import { hasAuthorizationResponse, takeReturn, wikiEndpoints } from "./oauth-return.ts";
import { hasSignInProvider, setSignInProvider } from "./session.ts";

/** Registers the OAuth provider (loading the forms module) unless a provider exists or no client id is configured. */
export async function ensureOAuthProvider(store: Store): Promise<void> {
  const { config } = store;
  if (hasSignInProvider() || !config.oauthClientId || !config.backendUrl) return;
  const forms = await loadForms(config.formsModule, store.host.using);
  setSignInProvider(
    forms.createOAuthSignIn({
      clientId: config.oauthClientId,
      ...wikiEndpoints({
        server: String(mw.config.get("wgServer")),
        scriptPath: String(mw.config.get("wgScriptPath")),
        articleUrl: mw.util.getUrl(String(mw.config.get("wgPageName"))),
        href: window.location.href,
      }),
      storage: window.sessionStorage,
      backendUrl: config.backendUrl,
      hasConsented: () => hasConsented(config.backendUrl),
      location: window.location,
      history: window.history,
    }),
  );
}

interface Place {
  location: { readonly href: string; replace(url: string): void };
  history: Pick<History, "replaceState" | "state">;
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
}

/**
 * On the hub page with the wiki's answer: finishes the sign-in, then brings the user back to
 * where they began (partner, query, filters, tab) in their language: a different `uselang`
 * means the page must load again (the session is kept in this tab). Resolves false when there
 * is nothing to finish.
 */
export async function resumeOAuthSignIn(
  store: Store,
  place: Place = { location: window.location, history: window.history, storage: window.sessionStorage },
): Promise<boolean> {
  const start = new URL(place.location.href);
  if (!hasAuthorizationResponse(start)) return false;
  try {
    await ensureOAuthProvider(store);
    await store.signIn();
  } finally {
    goBack(store, place, start);
  }
  return true;
}

function goBack(store: Store, place: Place, start: URL): void {
  const back = takeReturn(place.storage, start);
  if (!back) return;
  if (back.searchParams.get("uselang") !== start.searchParams.get("uselang")) {
    place.location.replace(back.toString());
    return;
  }
  place.history.replaceState(place.history.state, "", back.toString());
  store.syncFromLocation();
}
