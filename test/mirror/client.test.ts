import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMediaWikiClient, type MediaWikiClientOptions } from "../../worker/mediawiki/client.ts";
import { MediaWikiError } from "../../worker/mediawiki/errors.ts";

type Reply = { status?: number; body: unknown; headers?: Record<string, string> };
type Handler = (params: URLSearchParams, headers: Headers) => Reply;

/** A scripted wiki: each request goes to `handler`; requests are recorded. */
function fakeWiki(handler: Handler) {
  const requests: Array<{ params: URLSearchParams; headers: Headers }> = [];
  const sleeps: number[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const params = init?.body ? new URLSearchParams(String(init.body)) : url.searchParams;
    const headers = new Headers(init?.headers);
    requests.push({ params, headers });
    const reply = handler(params, headers);
    const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    return new Response(body, { status: reply.status ?? 200, headers: reply.headers });
  }) as typeof globalThis.fetch;
  const options: Partial<MediaWikiClientOptions> = {
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  };
  return { requests, sleeps, options };
}

const err = (code: string, extra: Partial<Reply> = {}): Reply => ({
  body: { errors: [{ code, text: `${code} happened` }] },
  ...extra,
});

/** Answers logins and tokens like MediaWiki; `action` answers the rest. */
function wikiWith(action: (p: URLSearchParams, h: Headers) => Reply | undefined) {
  let session = 0;
  return fakeWiki((p, h) => {
    const type = p.get("type");
    if (p.get("meta") === "tokens" && type === "login")
      return {
        body: { query: { tokens: { logintoken: "LT+\\" } } },
        headers: { "Set-Cookie": "wiki_session=pre; path=/; HttpOnly" },
      };
    if (p.get("action") === "login") {
      session++;
      return {
        body: { login: { result: "Success", lgusername: "Bot" } },
        headers: { "Set-Cookie": `wiki_session=s${session}; path=/; HttpOnly` },
      };
    }
    if (p.get("meta") === "tokens" && type === "csrf")
      return { body: { query: { tokens: { csrftoken: `T${session}+\\` } } } };
    return action(p, h) ?? { body: { ok: true } };
  });
}

const credentials = { botUsername: "Bot@ci", botPassword: randomBytes(16).toString("hex") };
const client = (options: Partial<MediaWikiClientOptions>) =>
  createMediaWikiClient({
    apiUrl: "http://wiki.test/api.php",
    userAgent: "partnerhub-test/1 (x)",
    credentials,
    ...options,
  });

describe("the MediaWiki client", () => {
  it("logs in with a BotPassword, keeps the session cookie and sends the etiquette parameters", async () => {
    const wiki = wikiWith(() => ({ body: { edit: { result: "Success" } } }));
    await client(wiki.options).post(
      { action: "edit", title: "X", text: "y", bot: true, nocreate: false },
      { token: "csrf" },
    );
    const login = wiki.requests.find((r) => r.params.get("action") === "login")!;
    expect(login.params.get("lgname")).toBe("Bot@ci");
    expect(login.params.get("lgtoken")).toBe("LT+\\");
    expect(login.params.get("assert")).toBeNull();
    const edit = wiki.requests.at(-1)!;
    expect(edit.headers.get("cookie")).toBe("wiki_session=s1");
    expect(edit.headers.get("user-agent")).toBe("partnerhub-test/1 (x)");
    expect(Object.fromEntries(edit.params)).toMatchObject({
      format: "json",
      formatversion: "2",
      errorformat: "plaintext",
      maxlag: "5",
      assert: "user",
      token: "T1+\\",
      bot: "1",
    });
    expect(edit.params.has("nocreate")).toBe(false);
  });

  it("uses a Bearer token without logging in", async () => {
    const wiki = wikiWith(() => undefined);
    await createMediaWikiClient({
      apiUrl: "http://wiki.test/api.php",
      userAgent: "t",
      credentials: { oauthToken: "OT" },
      ...wiki.options,
    }).get({ action: "query" });
    expect(wiki.requests).toHaveLength(1);
    expect(wiki.requests[0]!.headers.get("authorization")).toBe("Bearer OT");
    expect(wiki.requests[0]!.params.get("assert")).toBe("user");
  });

  it("waits as long as Retry-After says on maxlag, then succeeds", async () => {
    let lagged = 2;
    const wiki = wikiWith((p) =>
      p.get("action") === "query" && lagged-- > 0 ? err("maxlag", { headers: { "Retry-After": "7" } }) : undefined,
    );
    await expect(client(wiki.options).get({ action: "query" })).resolves.toEqual({ ok: true });
    expect(wiki.sleeps).toEqual([7000, 7000]);
  });

  it("backs off exponentially with jitter on 5xx, non-JSON pages and network errors, and gives up after maxRetries", async () => {
    let n = 0;
    const wiki = wikiWith((p) => {
      if (p.get("action") !== "query") return undefined;
      n++;
      if (n === 1) return { status: 503, body: "<html>busy</html>" };
      if (n === 2) return { status: 200, body: "<b>Fatal error</b>: PHP" };
      return { status: 500, body: { error: "x" } };
    });
    const c = client({ ...wiki.options, maxRetries: 3, baseDelayMs: 100 });
    await expect(c.get({ action: "query" })).rejects.toMatchObject({ code: "http-500" });
    expect(n).toBe(4);
    expect(wiki.sleeps).toEqual([75, 150, 300]); // step/2 + random(0.5)·step/2
  });

  it("treats a fetch that throws as a retryable network error", async () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      throw new TypeError("connection refused");
    }) as typeof globalThis.fetch;
    const c = createMediaWikiClient({
      apiUrl: "http://wiki.test/api.php",
      userAgent: "t",
      credentials: { oauthToken: "x" },
      fetch,
      sleep: async () => {},
      maxRetries: 2,
    });
    const error = await c.get({ action: "query" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaWikiError);
    expect(error).toMatchObject({ code: "network" });
    expect(calls).toBe(3);
  });

  it("refreshes the CSRF token once on badtoken", async () => {
    let bad = true;
    const wiki = wikiWith((p) => (p.get("action") === "edit" && bad ? ((bad = false), err("badtoken")) : undefined));
    await client(wiki.options).post({ action: "edit" }, { token: "csrf" });
    expect(wiki.requests.filter((r) => r.params.get("type") === "csrf")).toHaveLength(2);
  });

  it("logs in again once when the session is gone", async () => {
    const wiki = wikiWith((p, h) =>
      p.get("action") === "edit" && h.get("cookie") === "wiki_session=s1" ? err("assertuserfailed") : undefined,
    );
    await client(wiki.options).post({ action: "edit" }, { token: "csrf" });
    const edits = wiki.requests.filter((r) => r.params.get("action") === "edit");
    expect(edits.map((r) => [r.headers.get("cookie"), r.params.get("token")])).toEqual([
      ["wiki_session=s1", "T1+\\"],
      ["wiki_session=s2", "T2+\\"],
    ]);
  });

  it("does not retry an error that is final, and carries its code and info", async () => {
    const wiki = wikiWith((p) => (p.get("action") === "edit" ? err("editconflict") : undefined));
    await expect(client(wiki.options).post({ action: "edit" }, { token: "csrf" })).rejects.toMatchObject({
      code: "editconflict",
      info: "editconflict happened",
    });
    expect(wiki.sleeps).toEqual([]);
  });

  it("reports a refused login with its reason", async () => {
    const wiki = fakeWiki((p) =>
      p.get("action") === "login"
        ? { body: { login: { result: "Failed", reason: "Incorrect username or password" } } }
        : { body: { query: { tokens: { logintoken: "x" } } } },
    );
    await expect(client(wiki.options).get({ action: "query" })).rejects.toMatchObject({ code: "login-failed" });
  });
});
