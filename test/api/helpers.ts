/** Runtime-neutral request helpers for API tests: everything goes through `#harness`. */
import { harness } from "#harness";
import { API_BASE } from "../../shared/api.ts";

/** Loopback, so that development sign-in is accepted on both runtimes. */
export const ORIGIN = "http://127.0.0.1";

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls `/api/v1{path}` and returns the response with its JSON body (null when there is none). */
export async function call<T = any>(method: string, path: string, { token, body, headers = {} }: CallOptions = {}) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
  if (body !== undefined) {
    (init.headers as Record<string, string>)["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const res = await harness.fetch(new Request(`${ORIGIN}${API_BASE}${path}`, init));
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : null) as T };
}

/** A development session token for `username` (DEV_LOGIN=on in both test projects). */
export async function signIn(username: string): Promise<string> {
  const res = await call<{ token: string }>("POST", "/session/dev", { body: { username } });
  if (res.status !== 200) throw new Error(`dev sign-in as ${username}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.token;
}

/** One of the coordinators that vitest.config.ts bootstraps. */
export const COORDINATOR = "Coord One";

/** A valid `POST /partners` body; override what the test is about. */
export function partnerInput(overrides: Record<string, unknown> = {}) {
  return { name: "Museum of Tests", kind: "museum", country: "CZ", languages: ["cs"], offers: ["images"], funding: "none", ...overrides };
}

/** A valid `POST /affiliates` body. */
export function affiliateInput(id: string, overrides: Record<string, unknown> = {}) {
  return { id, name: `Affiliate ${id}`, kind: "user_group", wikiPage: `m:${id}`, ...overrides };
}
