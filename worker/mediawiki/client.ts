/**
 * A MediaWiki Action API client for Workers (fetch only, no Node APIs), polite as Wikimedia's
 * API etiquette asks: `maxlag`, `assert`, a descriptive User-Agent, bounded retries with
 * exponential backoff and jitter, Retry-After honoured.
 *
 * ```ts
 * const wiki = createMediaWikiClient({ apiUrl: `${scriptUrl}/api.php`, userAgent, credentials: { botUsername, botPassword } });
 * const answer = await wiki.post({ action: "edit", title, text, baserevid }, { token: "csrf" });
 * ```
 */
import { CookieJar } from "./cookies.ts";
import { isSessionLoss, isTransient, MediaWikiError } from "./errors.ts";

export type ApiParams = Record<string, string | number | boolean | undefined | null>;
export type ApiAnswer = Record<string, unknown>;

/** A BotPassword (`User@appid`, cookies and a login token) or an owner-only OAuth 2 access token (Bearer). */
export type MediaWikiCredentials = { botUsername: string; botPassword: string } | { oauthToken: string };

export interface MediaWikiClientOptions {
  /** `https://meta.wikimedia.org/w/api.php` */
  apiUrl: string;
  userAgent: string;
  credentials: MediaWikiCredentials;
  /** What every request asserts once logged in (default `user`). */
  assert?: "user" | "bot";
  /** Seconds of replication lag at which the wiki should refuse us (default 5). */
  maxlag?: number;
  /** Retries of a transient failure before giving up (default 5). */
  maxRetries?: number;
  /** First backoff step (default 1 s); doubles each retry up to `maxDelayMs` (default 60 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Injectable so that tests do not wait for real backoff. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface MediaWikiClient {
  /** A read (`action=query`, …). */
  get(params: ApiParams): Promise<ApiAnswer>;
  /** A write or a large read; `token: "csrf"` adds the CSRF token (refreshed once on `badtoken`). */
  post(params: ApiParams, options?: { token?: "csrf" }): Promise<ApiAnswer>;
  /** The account the client acts as (from `meta=userinfo`). */
  userName(): Promise<string>;
  /** The session cookies (tests use it to simulate an expired session). */
  readonly cookies: CookieJar;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createMediaWikiClient(options: MediaWikiClientOptions): MediaWikiClient {
  const o = {
    assert: "user" as const,
    maxlag: 5,
    maxRetries: 5,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    timeoutMs: 30_000,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    sleep: realSleep,
    random: Math.random,
    ...options,
  } satisfies Required<MediaWikiClientOptions>;
  const cookies = new CookieJar();
  const bearer = "oauthToken" in o.credentials ? o.credentials.oauthToken : null;
  let loggedIn = bearer !== null;
  let csrf: string | null = null;
  let name: string | null = null;

  /** One HTTP exchange; any failure becomes a MediaWikiError. */
  async function send(method: "GET" | "POST", params: ApiParams, assert: boolean): Promise<ApiAnswer> {
    const body = new URLSearchParams({
      format: "json",
      formatversion: "2",
      errorformat: "plaintext",
      maxlag: String(o.maxlag),
    });
    if (assert) body.set("assert", o.assert);
    for (const [key, value] of Object.entries(params)) {
      // MediaWiki reads a present boolean parameter as true, whatever its value.
      if (value === undefined || value === null || value === false) continue;
      body.set(key, value === true ? "1" : String(value));
    }
    const headers: Record<string, string> = { "User-Agent": o.userAgent, "Api-User-Agent": o.userAgent };
    const cookie = cookies.header();
    if (cookie) headers.Cookie = cookie;
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    let response: Response;
    try {
      const init = { method, headers, signal: AbortSignal.timeout(o.timeoutMs) };
      response =
        method === "GET" ? await o.fetch(`${o.apiUrl}?${body}`, init) : await o.fetch(o.apiUrl, { ...init, body });
    } catch (error) {
      throw new MediaWikiError("network", error instanceof Error ? error.message : String(error), { cause: error });
    }
    cookies.store(response.headers);
    return readAnswer(response);
  }

  /** Runs `step` again after a pause while it fails transiently, at most `maxRetries` times. */
  async function retrying<T>(step: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (!(error instanceof MediaWikiError) || !isTransient(error) || attempt >= o.maxRetries) throw error;
        await o.sleep(backoff(attempt, error.retryAfter));
      }
    }
  }

  function backoff(attempt: number, retryAfter: number | null): number {
    const step = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
    // Half fixed, half random: several runs that failed together do not retry together.
    const jittered = step / 2 + (o.random() * step) / 2;
    return Math.min(o.maxDelayMs, Math.max(jittered, (retryAfter ?? 0) * 1000));
  }

  async function login(): Promise<void> {
    if (bearer) return;
    const { botUsername, botPassword } = o.credentials as { botUsername: string; botPassword: string };
    cookies.clear();
    csrf = null;
    const tokens = await retrying(() => send("GET", { action: "query", meta: "tokens", type: "login" }, false));
    const lgtoken = (tokens.query as { tokens: { logintoken: string } }).tokens.logintoken;
    const answer = await retrying(() =>
      send("POST", { action: "login", lgname: botUsername, lgpassword: botPassword, lgtoken }, false),
    );
    const result = answer.login as { result: string; reason?: string; lgusername?: string };
    if (result.result !== "Success") {
      throw new MediaWikiError(
        "login-failed",
        `login as ${botUsername}: ${result.result} ${result.reason ?? ""}`.trim(),
      );
    }
    loggedIn = true;
  }

  async function csrfToken(): Promise<string> {
    if (!csrf) {
      const answer = await retrying(() => send("GET", { action: "query", meta: "tokens", type: "csrf" }, true));
      csrf = (answer.query as { tokens: { csrftoken: string } }).tokens.csrftoken;
    }
    return csrf;
  }

  /** A request with a session: logs in first, again once if the session is lost, refreshes a bad token once. */
  async function call(method: "GET" | "POST", params: ApiParams, token: boolean): Promise<ApiAnswer> {
    let relogged = false;
    let refreshed = false;
    for (;;) {
      try {
        if (!loggedIn) await login();
        const full = token ? { ...params, token: await csrfToken() } : params;
        return await retrying(() => send(method, full, true));
      } catch (error) {
        if (!(error instanceof MediaWikiError)) throw error;
        if (token && error.code === "badtoken" && !refreshed) {
          refreshed = true;
          csrf = null;
          continue;
        }
        if (isSessionLoss(error) && !relogged && !bearer) {
          relogged = true;
          loggedIn = false;
          continue;
        }
        throw error;
      }
    }
  }

  return {
    cookies,
    get: (params) => call("GET", params, false),
    post: (params, { token } = {}) => call("POST", params, token === "csrf"),
    async userName() {
      if (!name) {
        const answer = await call("GET", { action: "query", meta: "userinfo" }, false);
        name = (answer.query as { userinfo: { name: string } }).userinfo.name;
      }
      return name;
    },
  };
}

/** The JSON answer, or a MediaWikiError for an error answer, an HTTP error or a non-JSON page. */
async function readAnswer(response: Response): Promise<ApiAnswer> {
  const header = response.headers.get("retry-after");
  const retryAfter = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : null;
  const text = await response.text();
  let answer: ApiAnswer;
  try {
    answer = JSON.parse(text) as ApiAnswer;
  } catch {
    // PHP's fatal error page, a proxy's HTML: retryable, as a server error.
    const code = response.status >= 500 ? `http-${response.status}` : "nonjson";
    throw new MediaWikiError(code, `not a JSON answer (HTTP ${response.status}): ${text.slice(0, 200)}`, {
      status: response.status,
      retryAfter,
    });
  }
  const errors = answer.errors as Array<{ code: string; text?: string; info?: string }> | undefined;
  const error = errors?.[0] ?? (answer.error as { code: string; text?: string; info?: string } | undefined);
  if (error && typeof error.code === "string")
    throw new MediaWikiError(error.code, error.text ?? error.info ?? "", { status: response.status, retryAfter });
  if (response.status >= 500)
    throw new MediaWikiError(`http-${response.status}`, "server error", { status: response.status, retryAfter });
  return answer;
}
