/**
 * The Wikimedia OAuth 2 sign-in provider for `setSignInProvider()` (session.ts). Called on the
 * hub page without an answer from the wiki, it sends the browser to the wiki's authorization
 * page; called on the hub page with the answer (`?code=&state=`), it removes the answer from
 * the address, exchanges the code once, hands the access token once to `POST /session`, and
 * returns the backend session. The wiki's token is not kept anywhere.
 */
import type { SessionResponse } from "../../../shared/api.ts";
import { createBackend } from "../api/backend.ts";
import { BackendError } from "../api/errors.ts";
import { authorizationUrl, exchangeAuthorizationResponse, type OAuthClientOptions } from "./oauth.ts";
import { hasAuthorizationResponse, rememberReturn, takeReturn, withoutAuthorizationResponse } from "./oauth-return.ts";
import { SignInError } from "./sign-in-error.ts";

export interface OAuthSignInOptions extends OAuthClientOptions {
  /** The backend's origin (and optional path). */
  backendUrl: string;
  /** Whether the user agreed to contact the backend (the consent notice); checked before the first contact. */
  hasConsented: () => boolean;
  location: { readonly href: string; assign(url: string): void };
  history: Pick<History, "replaceState" | "state">;
}

/** A provider function: resolves with the backend session, or navigates away to the wiki (and never resolves). */
export function createOAuthSignIn(o: OAuthSignInOptions): () => Promise<SessionResponse> {
  return async () => {
    const here = new URL(o.location.href);
    if (!hasAuthorizationResponse(here)) {
      rememberReturn(o.storage, here.toString());
      o.location.assign((await authorizationUrl(o)).toString());
      return new Promise<never>(() => {});
    }
    // The code is single-use: take it out of the address before anything can fail or be reloaded,
    // and put back where sign-in began (view, query, filters, uselang).
    const back = takeReturn(o.storage, here) ?? withoutAuthorizationResponse(here);
    o.history.replaceState(o.history.state, "", back.toString());
    if (!o.hasConsented()) {
      throw new SignInError("consent_required", "Signing in contacts the hub's service; agree to that first");
    }
    const accessToken = await exchangeAuthorizationResponse(o, here);
    try {
      return await createBackend({ baseUrl: o.backendUrl, getToken: () => null, fetch: o.fetch }).session(accessToken);
    } catch (cause) {
      // A blocked account (403) or an unreachable backend (status 0): the sign-in view words both.
      const status = cause instanceof BackendError ? cause.status : 0;
      throw new SignInError("backend_refused", "The hub's service refused the sign-in", { status, cause });
    }
  };
}
