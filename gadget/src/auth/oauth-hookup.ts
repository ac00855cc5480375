/**
 * Plugs the Wikimedia OAuth 2 sign-in into the provider slot of session.ts. The OAuth code
 * (oauth4webapi, auth/oauth-page.ts) ships in the on-demand sign-in module; this file, in the
 * browsing bundle, only decides when to load it: when the user signs in, or when the wiki sends
 * them back to the hub page with `?code=&state=`.
 */
import { loadModule } from "../modules/load.ts";
import type { Store } from "../state/store.ts";
import { hasAuthorizationResponse } from "./oauth-return.ts";
import { hasSignInProvider, setSignInProvider } from "./session.ts";

/** Registers the OAuth provider (loading the sign-in module) unless a provider exists or no client id is configured. */
export async function ensureOAuthProvider(store: Pick<Store, "config" | "host" | "i18n">): Promise<void> {
  const { config } = store;
  if (hasSignInProvider() || !config.oauthClientId || !config.backendUrl) return;
  const { oauthSignIn } = await loadModule(store, "signin");
  if (!oauthSignIn) throw new Error("no OAuth provider");
  setSignInProvider(oauthSignIn(config));
}

/** Back from the wiki's authorization page with ?code=&state=: the sign-in module finishes signing in. */
export function resumeIfReturning(store: Store, href: string = window.location.href): void {
  if (!hasAuthorizationResponse(new URL(href))) return;
  loadModule(store, "signin").then(
    (m) => m.resumeSignIn?.(store),
    () => mw.notify(store.i18n.t("partnerhub-error-gadget"), { type: "error", tag: "partnerhub-signin" }),
  );
}
