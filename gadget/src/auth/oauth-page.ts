/**
 * The Wikimedia OAuth 2 sign-in as the hub page runs it: the provider built from the page's
 * configuration and address, and finishing a sign-in when the wiki sends the user back. Part of
 * the on-demand sign-in module (modules/signin.ts) with oauth4webapi; the browsing bundle only
 * checks whether the address carries the wiki's answer (auth/oauth-return.ts) before loading it.
 */
import type { GadgetConfig } from "../config.ts";
import type { Store } from "../state/store.ts";
import { hasConsented } from "./consent.ts";
import { createOAuthSignIn } from "./oauth-provider.ts";
import { hasAuthorizationResponse, wikiEndpoints } from "./oauth-return.ts";
import type { SignInProvider } from "./session.ts";
import { signInErrorCode } from "./sign-in-error.ts";

/** The OAuth provider for this page (auth/oauth-hookup.ts installs it in the browsing bundle). */
export function pageOAuthSignIn(config: GadgetConfig): SignInProvider {
  return createOAuthSignIn({
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
  });
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
    await store.signIn();
  } finally {
    store.syncFromLocation();
  }
  if (new URL(location.href).searchParams.get("uselang") !== start.searchParams.get("uselang")) location.reload();
  return true;
}

/** `resumeOAuthSignIn`, with a failure said in a notification (the page has nowhere else to say it). */
export function resumeAndNotify(store: Store): void {
  resumeOAuthSignIn(store).catch((error: unknown) => {
    mw.notify(store.i18n.t(`partnerhub-signin-error-${signInErrorCode(error)}`), {
      type: "error",
      tag: "partnerhub-signin",
    });
  });
}
