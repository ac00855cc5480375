/**
 * Wikimedia OAuth 2 for a public client with PKCE (S256), by oauth4webapi: the authorization
 * URL, and the exchange of the wiki's answer for an access token. The code verifier and the
 * state wait in sessionStorage between the two; they are removed before the code is used, so
 * a code is never used twice from here.
 */
import * as oauth from "oauth4webapi";
import { SignInError } from "./sign-in-error.ts";

export interface OAuthClientOptions {
  /** The OAuth 2 client id registered on the wiki (Meta-Wiki: Special:OAuthConsumerRegistration). */
  clientId: string;
  /** `wgServer` + `wgScriptPath`, absolute (e.g. `https://meta.wikimedia.org/w`); rest.php is under it. */
  scriptUrl: string;
  /** The hub page's URL: where the wiki sends the user back; must match the registered callback. */
  redirectUri: string;
  /** Keeps the verifier and state across the round trip (sessionStorage). */
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  fetch?: typeof fetch;
}

interface Pending {
  verifier: string;
  state: string;
  redirectUri: string;
}

const PENDING_KEY = "partnerhub-oauth-pending";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function server(o: OAuthClientOptions): oauth.AuthorizationServer {
  const rest = `${o.scriptUrl.replace(/\/+$/, "")}/rest.php/oauth2`;
  return {
    issuer: new URL(o.scriptUrl).origin,
    authorization_endpoint: `${rest}/authorize`,
    token_endpoint: `${rest}/access_token`,
  };
}

/** Starts a sign-in: stores a fresh verifier and state, and returns the wiki's authorization URL to open. */
export async function authorizationUrl(o: OAuthClientOptions): Promise<URL> {
  const pending: Pending = {
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    redirectUri: o.redirectUri,
  };
  const url = new URL(server(o).authorization_endpoint!);
  url.searchParams.set("client_id", o.clientId);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("redirect_uri", o.redirectUri);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(pending.verifier));
  url.searchParams.set("code_challenge_method", "S256");
  url.searchParams.set("state", pending.state);
  o.storage.setItem(PENDING_KEY, JSON.stringify(pending));
  return url;
}

/** Takes (and forgets) the pending sign-in, so that its code can only be tried once. */
function takePending(o: OAuthClientOptions): Pending | null {
  const raw = o.storage.getItem(PENDING_KEY);
  o.storage.removeItem(PENDING_KEY);
  try {
    const p = raw ? (JSON.parse(raw) as Partial<Pending>) : null;
    return p && typeof p.verifier === "string" && typeof p.state === "string" && typeof p.redirectUri === "string"
      ? (p as Pending)
      : null;
  } catch {
    return null;
  }
}

/**
 * Checks the wiki's answer in `currentUrl` against the pending sign-in (state) and exchanges the
 * code at the token endpoint (same origin as the hub page). Returns the access token.
 */
export async function exchangeAuthorizationResponse(o: OAuthClientOptions, currentUrl: URL): Promise<string> {
  const pending = takePending(o);
  if (!pending) throw new SignInError("oauth_invalid_response", "No sign-in was started in this tab; start again");
  const as = server(o);
  const client: oauth.Client = { client_id: o.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, currentUrl, pending.state);
  } catch (cause) {
    if (cause instanceof oauth.AuthorizationResponseError && cause.error === "access_denied") {
      throw new SignInError("oauth_denied", "Sign-in was cancelled on the wiki", { cause });
    }
    throw new SignInError("oauth_invalid_response", "The wiki's answer does not belong to this sign-in; start again", {
      cause,
    });
  }
  const options = {
    ...(o.fetch ? { [oauth.customFetch]: o.fetch } : {}),
    // Only the test wiki on loopback speaks plain http; everything else must be https.
    ...(LOOPBACK.has(new URL(as.token_endpoint!).hostname) ? { [oauth.allowInsecureRequests]: true } : {}),
  };
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      pending.redirectUri,
      pending.verifier,
      options,
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response);
    return result.access_token;
  } catch (cause) {
    const detail = cause instanceof oauth.ResponseBodyError ? `: ${cause.error}` : "";
    throw new SignInError("oauth_exchange_failed", `The wiki did not accept the sign-in${detail}; start again`, {
      cause,
    });
  }
}
