/**
 * The Wikimedia OAuth 2 sign-in provider for `setSignInProvider()` (session.ts). Called on the
 * hub page without an answer from the wiki, it sends the browser to the wiki's authorization
 * page; called on the hub page with the answer (`?code=&state=`), it removes the answer from
 * the address, exchanges the code once, hands the access token once to `POST /session`, and
 * returns the backend session. The wiki's token is not kept anywhere.
 */
import type { SessionResponse } from "../../../shared/api.ts";
import { createSession } from "./backend-session.ts";
import { authorizationUrl, exchangeAuthorizationResponse, type OAuthClientOptions } from "./oauth.ts";
import { hasAuthorizationResponse, withoutAuthorizationResponse } from "./oauth-return.ts";
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
      o.location.assign((await authorizationUrl(o)).toString());
      return new Promise<never>(() => {});
    }
    // The code is single-use: take it out of the address before anything can fail or be reloaded.
    o.history.replaceState(o.history.state, "", withoutAuthorizationResponse(here).toString());
    if (!o.hasConsented()) {
      throw new SignInError("consent_required", "Signing in contacts the hub's service; agree to that first");
    }
    const accessToken = await exchangeAuthorizationResponse(o, here);
    return createSession(o.backendUrl, accessToken, o.fetch);
  };
}
