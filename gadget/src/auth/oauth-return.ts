/**
 * Recognising the wiki's answer on the hub page (`?code=…&state=…`, or `?error=…&state=…`)
 * and removing it from the address. Tiny and free of oauth4webapi, so that the browsing
 * module can decide whether to load the sign-in module at all.
 */
const RESPONSE_PARAMS = ["code", "state", "error", "error_description", "error_uri", "iss"];

/** Whether `url` carries an OAuth 2 authorization response. */
export function hasAuthorizationResponse(url: URL): boolean {
  return url.searchParams.has("state") && (url.searchParams.has("code") || url.searchParams.has("error"));
}

/** `url` without the authorization response's parameters (the rest of the query and the fragment stay). */
export function withoutAuthorizationResponse(url: URL): URL {
  const clean = new URL(url.toString());
  for (const name of RESPONSE_PARAMS) clean.searchParams.delete(name);
  return clean;
}
