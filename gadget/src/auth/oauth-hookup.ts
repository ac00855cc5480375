/**
 * Plugs the Wikimedia OAuth 2 sign-in into the provider slot of session.ts. The OAuth code
 * (oauth4webapi) ships in the on-demand sign-in module; this file, in the browsing bundle, only
 * decides when to load it: when the user signs in, or when the wiki sends them back to the hub
 * page with `?code=&state=`.
 */
import { loadModule } from "../modules/load.ts";
import type { Store } from "../state/store.ts";
import { hasConsented } from "./consent.ts";
import { hasAuthorizationResponse, wikiEndpoints } from "./oauth-return.ts";
import { hasSignInProvider, setSignInProvider } from "./session.ts";

/** Registers the OAuth provider (loading the sign-in module) unless a provider exists or no client id is configured. */
export async function ensureOAuthProvider(store: Store): Promise<void> {
  const { config } = store;
  if (hasSignInProvider() || !config.oauthClientId || !config.backendUrl) return;
  const { createOAuthSignIn } = await loadModule(store, "signin");
  if (!createOAuthSignIn) throw new Error("the sign-in module has no OAuth provider");
  setSignInProvider(
    createOAuthSignIn({
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

/**
 * On the hub page with the wiki's answer: finishes the sign-in. The provider has put the
 * address back to where sign-in began (partner, query, filters, tab, `uselang`); the app
 * follows it, and a page rendered in another language than that address asks for loads again
 * (the session is kept in this tab). Resolves false when there is nothing to finish.
 */
export async function resumeOAuthSignIn(
  store: Store,
  location: { readonly href: string; reload(): void } = window.location,
): Promise<boolean> {
  const start = new URL(location.href);
  if (!hasAuthorizationResponse(start)) return false;
  try {
    await ensureOAuthProvider(store);
    await store.signIn();
  } finally {
    store.syncFromLocation();
  }
  if (new URL(location.href).searchParams.get("uselang") !== start.searchParams.get("uselang")) location.reload();
  return true;
}
