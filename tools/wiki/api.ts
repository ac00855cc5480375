// A minimal MediaWiki Action API client for tests (fetch + a cookie jar). It is deliberately
// not the mirror's client: tests use it to check what the mirror did, independently of it.

export type ApiParams = Record<string, string | number | boolean | undefined>;
export type ApiResponse = Record<string, unknown>;

const USER_AGENT = "partnerhub-tests/0.1 (https://meta.wikimedia.org/wiki/Content_Partnerships_Hub; test harness)";

/** An API error answer (`{"error": {"code": …}}`), or a non-JSON answer (code `http-<status>`). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** The Retry-After header in seconds, when the wiki sent one (maxlag does). */
  readonly retryAfter: number | undefined;
  readonly response: unknown;
  constructor(code: string, info: string, status: number, retryAfter: number | undefined, response: unknown) {
    super(`${code}: ${info}`);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
    this.response = response;
  }
}

export interface WikiClient {
  readonly apiUrl: string;
  get(params: ApiParams): Promise<ApiResponse>;
  post(params: ApiParams): Promise<ApiResponse>;
  token(type?: "csrf" | "login"): Promise<string>;
  /** Edits (creates) a page; `extra` adds e.g. `assert`, `bot`, `maxlag`, `baserevid`. Returns the `edit` result. */
  edit(title: string, text: string, summary: string, extra?: ApiParams): Promise<EditResult>;
  /** Renders wikitext (action=parse) and returns the HTML. */
  parse(wikitext: string, options?: { title?: string }): Promise<string>;
  /** The current wikitext and revision id of a page; null if it does not exist. */
  readPage(title: string): Promise<{ content: string; revid: number } | null>;
}

export interface EditResult {
  result: string;
  pageid: number;
  title: string;
  newrevid?: number;
  oldrevid?: number;
  nochange?: boolean;
}

/** One anonymous GET request (format=json, formatversion=2). */
export function apiGet(apiUrl: string, params: ApiParams): Promise<ApiResponse> {
  return createClient(apiUrl).get(params);
}

/**
 * Logs in and returns a client that keeps the session cookies.
 * `User@appid` names use a BotPassword (action=login); other accounts log in with their main
 * password through action=clientlogin, since action=login refuses main passwords.
 */
export async function login(apiUrl: string, username: string, password: string): Promise<WikiClient> {
  const client = createClient(apiUrl);
  const logintoken = await client.token("login");
  if (username.includes("@")) {
    const answer = await client.post({ action: "login", lgname: username, lgpassword: password, lgtoken: logintoken });
    const result = answer.login as { result: string; reason?: string };
    if (result.result !== "Success") throw new Error(`login as ${username} failed: ${JSON.stringify(result)}`);
  } else {
    const answer = await client.post({ action: "clientlogin", username, password, logintoken, loginreturnurl: apiUrl });
    const result = answer.clientlogin as { status: string; message?: string };
    if (result.status !== "PASS") throw new Error(`login as ${username} failed: ${JSON.stringify(result)}`);
  }
  return client;
}

export function createClient(apiUrl: string): WikiClient {
  const cookies = new Map<string, string>();
  const tokens = new Map<string, string>();

  async function request(method: "GET" | "POST", params: ApiParams): Promise<ApiResponse> {
    const body = new URLSearchParams({ format: "json", formatversion: "2", errorformat: "plaintext" });
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined || value === false) continue; // MediaWiki treats a present boolean as true
      body.set(key, value === true ? "1" : String(value));
    }
    const headers: Record<string, string> = { "User-Agent": USER_AGENT };
    if (cookies.size > 0) headers.Cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const response =
      method === "GET" ? await fetch(`${apiUrl}?${body}`, { headers }) : await fetch(apiUrl, { method, headers, body });
    storeCookies(cookies, response.headers.getSetCookie());
    return parseAnswer(response);
  }

  const client: WikiClient = {
    apiUrl,
    get: (params) => request("GET", params),
    post: (params) => request("POST", params),
    async token(type = "csrf") {
      const cached = tokens.get(type);
      if (cached) return cached;
      const answer = await request("GET", { action: "query", meta: "tokens", type });
      const token = (answer.query as { tokens: Record<string, string> }).tokens[`${type}token`];
      if (!token) throw new Error(`no ${type} token: ${JSON.stringify(answer)}`);
      // A login token is single-use and tied to the session that is about to change.
      if (type !== "login") tokens.set(type, token);
      return token;
    },
    async edit(title, text, summary, extra = {}) {
      const answer = await request("POST", {
        action: "edit",
        title,
        text,
        summary,
        ...extra,
        token: await client.token(),
      });
      return answer.edit as EditResult;
    },
    async parse(wikitext, { title = "API" } = {}) {
      const answer = await request("POST", {
        action: "parse",
        text: wikitext,
        title,
        contentmodel: "wikitext",
        prop: "text",
      });
      return (answer.parse as { text: string }).text;
    },
    async readPage(title) {
      const answer = await request("GET", {
        action: "query",
        prop: "revisions",
        titles: title,
        rvprop: "ids|content",
        rvslots: "main",
      });
      const page = (
        answer.query as {
          pages: Array<{
            missing?: boolean;
            revisions?: Array<{ revid: number; slots: { main: { content: string } } }>;
          }>;
        }
      ).pages[0];
      const revision = page?.revisions?.[0];
      return revision ? { content: revision.slots.main.content, revid: revision.revid } : null;
    },
  };
  return client;
}

async function parseAnswer(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  const retryAfterHeader = response.headers.get("retry-after");
  const retryAfter = retryAfterHeader === null ? undefined : Number(retryAfterHeader);
  let answer: ApiResponse;
  try {
    answer = JSON.parse(text) as ApiResponse;
  } catch {
    // Under heavy concurrent writes PHP's server on SQLite sometimes answers an HTML error page.
    throw new ApiError(
      `http-${response.status}`,
      `non-JSON answer: ${text.slice(0, 300)}`,
      response.status,
      retryAfter,
      text,
    );
  }
  const errors = answer.errors as Array<{ code: string; text?: string }> | undefined;
  const error = errors?.[0] ?? (answer.error as { code: string; info?: string } | undefined);
  if (error) {
    const info = "text" in error ? error.text : "info" in error ? error.info : "";
    throw new ApiError(error.code, info ?? "", response.status, retryAfter, answer);
  }
  return answer;
}

/** Keeps name=value of each Set-Cookie; drops cookies the wiki expires (on logout). */
function storeCookies(jar: Map<string, string>, setCookies: string[]): void {
  for (const header of setCookies) {
    const [pair = "", ...attributes] = header.split(";");
    const separator = pair.indexOf("=");
    if (separator < 0) continue;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key = "", val = ""] = attribute.trim().split("=");
      if (key.toLowerCase() === "max-age") return Number(val) <= 0;
      if (key.toLowerCase() === "expires") return Date.parse(val) < Date.now();
      return false;
    });
    if (expired || value === "deleted") jar.delete(name);
    else jar.set(name, value);
  }
}
