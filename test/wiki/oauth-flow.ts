// Helpers for the sign-in tests: a browser-less web session on the test wiki (cookies, no
// JavaScript) that logs in and answers the stand-in's approval page, and a storage/location/
// history trio standing in for the gadget's window.

/** A cookie-keeping web session on the wiki, logged in through the API (clientlogin). */
export async function webSession(apiUrl: string, username: string, password: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const header of res.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const i = pair.indexOf("=");
      if (i > 0) jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const request = async (url: string, init: RequestInit = {}) =>
    keep(
      await fetch(url, {
        ...init,
        redirect: "manual",
        headers: { ...(init.headers as Record<string, string>), Cookie: cookie() },
      }),
    );

  const form = (fields: Record<string, string>) => ({
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const tokenAnswer = await (await request(`${apiUrl}?action=query&meta=tokens&type=login&format=json`)).json();
  const logintoken = (tokenAnswer as { query: { tokens: { logintoken: string } } }).query.tokens.logintoken;
  const login = await (
    await request(
      apiUrl,
      form({ action: "clientlogin", username, password, logintoken, loginreturnurl: apiUrl, format: "json" }),
    )
  ).json();
  if ((login as { clientlogin?: { status?: string } }).clientlogin?.status !== "PASS")
    throw new Error(`login failed: ${JSON.stringify(login)}`);

  return {
    request,
    /**
     * Opens an authorization URL and answers the approval page; returns the URL the wiki sends
     * the browser back to (the hub page with `code` and `state`, or `error`).
     */
    async authorize(authorizationUrl: string, decision: "allow" | "cancel" = "allow"): Promise<URL> {
      const first = await request(authorizationUrl);
      if (first.status !== 307) throw new Error(`authorize answered ${first.status}: ${await first.text()}`);
      const page = await request(first.headers.get("Location")!);
      const html = /<form\b[^>]*id="oauthstandin-form"[\s\S]*?<\/form>/.exec(await page.text())?.[0] ?? "";
      const fields: Record<string, string> = { decision };
      for (const [input] of html.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
        const name = /\bname="([^"]+)"/.exec(input)?.[1];
        if (name) fields[name] = decode(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "");
      }
      if (!fields.wpEditToken) throw new Error(`no approval form (${page.status}): ${html.slice(0, 500)}`);
      const action = new URL(/<form\b[^>]*\baction="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"), authorizationUrl);
      const answer = await request(action.toString(), form(fields));
      if (answer.status !== 302) throw new Error(`approval answered ${answer.status}`);
      return new URL(answer.headers.get("Location")!);
    },
  };
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#039;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** sessionStorage, location and history as the gadget sees them, in memory. */
export function fakeWindow(href: string) {
  const items = new Map<string, string>();
  const assigned: string[] = [];
  const win = {
    storage: {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    },
    location: { href, assign: (url: string) => void assigned.push(url) },
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) =>
        void (url && (win.location.href = String(url))),
    },
    items,
    assigned,
  };
  return win;
}
