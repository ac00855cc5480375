/**
 * Drives the app like a client would (JSON bodies, Bearer sessions, the error shape) through
 * `#harness`: the Workers entry with local D1, or the Node entry with node:sqlite.
 */
import { harness } from "#harness";
import { expect } from "vitest";
import { z } from "zod";
import { ApiError, ClaimResponse, type ErrorCode, SessionResponse } from "../../shared/api.ts";
import { PartnerDetail, type PartnerInput } from "../../shared/schemas.ts";

export const BASE = "http://127.0.0.1/api/v1";
export const db = harness.db;

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  raw?: string;
  headers?: Record<string, string>;
  base?: string;
  /** `manual` to see a redirect itself rather than where it leads. */
  redirect?: "follow" | "manual";
  /** The client address the runtime sees (default loopback; null: unknown). */
  from?: string | null;
}

export async function call(method: string, path: string, opts: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !headers["Content-Type"]) headers["Content-Type"] = "application/json";
  return harness.fetch(
    new Request(`${opts.base ?? BASE}${path}`, { method, headers, body, redirect: opts.redirect }),
    opts.from,
  );
}

/** A valid `POST /affiliates` body. */
export function affiliateInput(id: string, overrides: Record<string, unknown> = {}) {
  return { id, name: `Affiliate ${id}`, kind: "user_group", wikiPage: `m:${id}`, ...overrides };
}

/**
 * The body of a response, parsed with the schema its route declares (`shared/api.ts`,
 * `shared/schemas.ts`): a missing, extra or mistyped field fails the test here, saying where.
 * Returns the body as it came over the wire.
 */
export async function bodyOf<S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> {
  const text = await res.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    expect.fail(`${res.status} answered with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    expect.fail(`${res.status} answered with a body unlike its schema:\n${z.prettifyError(parsed.error)}\n${text}`);
  }
  return value as z.output<S>;
}

/** The parts of `GET /openapi.json` that tests read (the document's own schema is OpenAPI 3.1's). */
const Operation = z.looseObject({
  parameters: z.array(z.looseObject({ in: z.string(), name: z.string() })).optional(),
  requestBody: z.unknown().optional(),
  responses: z.record(z.string(), z.unknown()),
});
export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  components: z.looseObject({ schemas: z.record(z.string(), z.unknown()) }),
  paths: z.record(z.string(), z.record(z.string(), Operation)),
});

/** Asserts the status and the API's one error shape (`ApiError`), and returns the error. */
export async function expectError(res: Response, status: number, code?: ErrorCode) {
  expect(res.status, await res.clone().text()).toBe(status);
  const { error } = await bodyOf(res, ApiError);
  if (code) expect(error.code).toBe(code);
  return { ...error, details: error.details ?? {} };
}

const tokens = new Map<string, string>();

/** A development session for `username` (cached per test file). */
export async function signIn(username: string, opts: { blocked?: boolean } = {}): Promise<string> {
  const key = `${username}|${opts.blocked ? 1 : 0}`;
  const cached = tokens.get(key);
  if (cached) return cached;
  const res = await call("POST", "/session/dev", { body: { username, blocked: opts.blocked ?? false } });
  expect(res.status).toBe(200);
  const { token } = await bodyOf(res, SessionResponse);
  tokens.set(key, token);
  return token;
}

export const COORDINATOR = "Coord One";

let affiliateCounter = 0;
let partnerCounter = 0;

/** A fresh affiliate made by a coordinator; representatives verified as given. */
export async function makeAffiliate(opts: { id?: string; reps?: string[]; countries?: string[] } = {}) {
  const coord = await signIn(COORDINATOR);
  const id = opts.id ?? `affiliate-${++affiliateCounter}-${crypto.randomUUID().slice(0, 6)}`;
  const res = await call("POST", "/affiliates", {
    token: coord,
    body: {
      id,
      name: `Wikimedia ${id}`,
      kind: "chapter",
      wikiPage: `Wikimedia ${id}`,
      countries: opts.countries ?? ["DE"],
      languages: ["de"],
      capabilities: ["images", "training"],
    },
  });
  expect(res.status).toBe(201);
  for (const user of opts.reps ?? []) {
    const r = await call("POST", `/affiliates/${id}/representatives`, { token: coord, body: { username: user } });
    expect(r.status).toBe(200);
  }
  return id;
}

export function partnerInput(overrides: Partial<PartnerInput> = {}): PartnerInput {
  const n = ++partnerCounter;
  return {
    name: `Test Museum ${n} ${crypto.randomUUID().slice(0, 6)}`,
    kind: "museum",
    country: "DE",
    languages: ["de", "en"],
    offers: ["images"],
    projects: ["commons"],
    funding: "has_grant",
    summary: "A museum of tests.",
    asks: ["digitise 2,000 photographs"],
    links: [],
    contact: { name: "Erika Mustermann", email: "erika@example.org", notes: "prefers mornings" },
    ...overrides,
  };
}

/** A partner referred by `by` (default: a plain user). */
export async function makePartner(overrides: Partial<PartnerInput> = {}, by = "Referrer User"): Promise<string> {
  const res = await call("POST", "/partners", { token: await signIn(by), body: partnerInput(overrides) });
  expect(res.status).toBe(201);
  return (await bodyOf(res, PartnerDetail)).id;
}

export async function makeClaim(partner: string, affiliate: string, by: string, message = "We can take this partner") {
  const res = await call("POST", `/partners/${partner}/claims`, {
    token: await signIn(by),
    body: { affiliate, message },
  });
  expect(res.status).toBe(201);
  return (await bodyOf(res, ClaimResponse)).claim;
}

export async function act(action: string, claimId: number, by: string, body: Record<string, unknown> = {}) {
  return call("POST", `/claims/${claimId}/${action}`, { token: await signIn(by), body });
}

/** Every row of every table of the record, to prove that a refused request changed nothing. */
export async function snapshot(): Promise<string> {
  const tables = ["partner", "affiliate", "representative", "coordinator", "claim", "event"];
  // One round trip: the fuzz and property tests take a snapshot around every request.
  const results = await db.batch(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`)));
  return tables.map((t, i) => `${t}:${JSON.stringify(results[i]!.results)}`).join("\n");
}
