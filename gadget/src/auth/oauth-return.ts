/**
 * Recognising the wiki's answer on the hub page (`?code=…&state=…`, or `?error=…&state=…`)
 * and removing it from the address. Tiny and free of oauth4webapi, so that the browsing
 * module can decide whether to load the sign-in module at all.
 */
const RESPONSE_PARAMS = ["code", "state", "error", "error_description", "error_uri", "iss"];
/** Where the user was when sign-in began (view, query, filters, `uselang`): the wiki only returns to the registered page. */
const RETURN_KEY = "partnerhub-oauth-return";

type KeyValue = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function rememberReturn(storage: KeyValue, href: string): void {
  storage.setItem(RETURN_KEY, href);
}

/** Takes (and forgets) the address sign-in began at; null when none was kept or it is of another page. */
export function takeReturn(storage: KeyValue, current: URL): URL | null {
  const raw = storage.getItem(RETURN_KEY);
  storage.removeItem(RETURN_KEY);
  if (!raw) return null;
  try {
    const url = new URL(raw);
    const samePage =
      url.origin === current.origin &&
      url.pathname === current.pathname &&
      url.searchParams.get("title") === current.searchParams.get("title");
    return samePage && !hasAuthorizationResponse(url) ? url : null;
  } catch {
    return null;
  }
}

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

/** Where the wiki is and where it sends users back, from the page's `mw.config` and address. */
export function wikiEndpoints(page: { server: string; scriptPath: string; articleUrl: string; href: string }): {
  scriptUrl: string;
  redirectUri: string;
} {
  // wgServer is protocol-relative on Wikimedia wikis ("//meta.wikimedia.org").
  const origin = new URL(page.server, page.href).origin;
  return { scriptUrl: `${origin}${page.scriptPath}`, redirectUri: new URL(page.articleUrl, origin).toString() };
}
