/**
 * A fuzz of every endpoint the OpenAPI document lists: random and hostile
 * path parameters, query strings, headers and bodies (hostile.ts), sent as
 * different users. Whatever comes in: never a 5xx, every 4xx in the API's one
 * error shape, and no row of the record changed by a 4xx. Fixed seed; on
 * failure fast-check prints the seed, path and the shrunk request.
 */
import { exports } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../../shared/api.ts";
import {
  BASE,
  bodyOf,
  COORDINATOR,
  makeAffiliate,
  makeClaim,
  makePartner,
  OpenApiDocument,
  partnerInput,
  signIn,
  snapshot,
} from "../../api/helpers.ts";
import { bodyText, contentType, headerValue, mutate, pathSegment, queryString } from "./hostile.ts";

const SEED = 7_000_007;
const NUM_RUNS = 1000;

interface Route {
  method: string;
  path: string;
  query: string[];
  hasBody: boolean;
}

/**
 * Failures of what the backend depends on, documented in the OpenAPI document:
 * the test's wiki (127.0.0.1:9) is unreachable, and the mirror has no credentials.
 */
const UPSTREAM: Record<string, number> = { "POST /session": 502, "POST /mirror/run": 503 };

let routes: Route[] = [];
const fixture = { partner: "", affiliate: "fuzz-aff", claim: 0, otherClaim: 0, tokens: [] as string[] };

beforeAll(async () => {
  const doc = await bodyOf(await exports.default.fetch(`${BASE}/openapi.json`), OpenApiDocument);
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      query: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      hasBody: op.requestBody !== undefined,
    })),
  );
  await makeAffiliate({ id: fixture.affiliate, reps: ["Fuzz Rep"] });
  fixture.partner = await makePartner({}, "Fuzz Referrer");
  fixture.claim = (await makeClaim(fixture.partner, fixture.affiliate, "Fuzz Rep")).id;
  fixture.otherClaim = (await makeClaim(fixture.partner, await makeAffiliate(), "Fuzz Plain")).id;
  for (const [name, blocked] of [
    [COORDINATOR, false],
    ["Fuzz Rep", false],
    ["Fuzz Plain", false],
    ["Fuzz Blocked", true],
  ] as const) {
    fixture.tokens.push(await signIn(name, { blocked }));
  }
});

/** A body the route would accept, to mutate: deeper code runs only past validation. */
function validBody(route: Route): Record<string, unknown> {
  const p = route.path;
  if (p === "/partners") return { ...partnerInput() };
  if (p === "/partners/{id}") return { summary: "fuzzed" };
  if (p.endsWith("/close")) return { reason: "fuzz" };
  if (p.endsWith("/claims")) return { affiliate: fixture.affiliate, message: "fuzz" };
  if (p.endsWith("/progress")) return { stage: "contacted", note: "fuzz" };
  if (p.endsWith("/handover")) return { to: fixture.otherClaim, reason: "fuzz" };
  if (p.startsWith("/claims/")) return { reason: "fuzz" };
  if (p === "/affiliates")
    return {
      id: "fuzz-new",
      name: "Fuzz",
      kind: "chapter",
      wikiPage: "Fuzz",
      countries: ["DE"],
      languages: ["de"],
      capabilities: ["images"],
    };
  if (p === "/affiliates/{id}") return { name: "Fuzzed" };
  if (p.endsWith("/representatives") || p === "/coordinators" || p === "/session/dev")
    return { username: "Fuzz Someone" };
  if (p === "/session") return { accessToken: "fuzz-token" };
  return {};
}

/** A value for a path parameter: mostly one that exists, so handlers run past their 404. */
function paramValue(route: Route, name: string): fc.Arbitrary<string> {
  const known =
    name === "username"
      ? "Fuzz%20Rep"
      : route.path.startsWith("/claims/")
        ? String(fixture.claim)
        : route.path.startsWith("/affiliates/")
          ? fixture.affiliate
          : fixture.partner;
  return fc.oneof({ weight: 2, arbitrary: fc.constant(known) }, { weight: 3, arbitrary: pathSegment });
}

interface FuzzRequest {
  route: Route;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const request: fc.Arbitrary<FuzzRequest> = fc
  .constant(null)
  .chain(() => fc.constantFrom(...routes))
  .chain((route) => {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    return fc.record({
      route: fc.constant(route),
      params: fc.tuple(...names.map((n) => paramValue(route, n))),
      query: fc.option(queryString(route.query), { freq: 2 }),
      // Mostly a real session: without one, every write stops at 401 before any parsing.
      token: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...fixture.tokens.map((t) => `Bearer ${t}`)) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: headerValue },
      ),
      contentType,
      ifMatch: fc.option(headerValue),
      origin: fc.option(fc.constantFrom("https://meta.wikimedia.org", "https://evil.example", "null")),
      body: route.hasBody || route.method !== "GET" ? bodyText(mutate(validBody(route))) : fc.constant(undefined),
    });
  })
  .map(({ route, params, query, token, contentType, ifMatch, origin, body }) => {
    let i = 0;
    const path = route.path.replace(/\{\w+\}/g, () => params[i++]!);
    const headers: Record<string, string> = {};
    if (token !== undefined) headers.Authorization = token;
    if (contentType !== undefined) headers["Content-Type"] = contentType;
    if (ifMatch !== null) headers["If-Match"] = ifMatch;
    if (origin !== null) headers.Origin = origin;
    return { route, url: `${BASE}${path}${query === null ? "" : `?${query}`}`, headers, body };
  });

const describeRequest = (r: FuzzRequest) =>
  JSON.stringify({ method: r.route.method, url: r.url, headers: r.headers, body: r.body?.slice(0, 500) });

describe("fuzz of every endpoint", () => {
  it("reads every route from the OpenAPI document", () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
  });

  it(`never a 5xx, always the error shape, nothing changed on a 4xx (seed ${SEED}, ${NUM_RUNS} requests)`, async () => {
    let before = await snapshot();
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const res = await exports.default.fetch(
          new Request(r.url, { method: r.route.method, headers: r.headers, body: r.body }),
        );
        const text = await res.text();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const key = `${r.route.method} ${r.route.path}`;
        if (res.status >= 500)
          expect(UPSTREAM[key], `${res.status} for ${describeRequest(r)}: ${text}`).toBe(res.status);
        const after = await snapshot();
        if (res.status >= 400) {
          expect(ApiError.safeParse(JSON.parse(text)).success, `${res.status} ${text} for ${describeRequest(r)}`).toBe(
            true,
          );
          expect(after === before, `a ${res.status} changed the record: ${describeRequest(r)}`).toBe(true);
        }
        before = after;
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    // Nothing the bodies carried reached Object.prototype (the worker runs in this isolate).
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The fuzz got past authentication and validation, not only to 401/422.
    expect(Object.keys(statuses).filter((s) => s.startsWith("2")).length, JSON.stringify(statuses)).toBeGreaterThan(0);
    expect(statuses[401] && statuses[403] && statuses[404] && statuses[422], JSON.stringify(statuses)).toBeTruthy();
  }, 120_000);

  it("a malformed access token is the client's error (422), not the wiki's (502)", async () => {
    // The token goes into an Authorization header to the wiki: only RFC 6750 token characters may.
    const malformed = fc
      .string({ unit: "binary", minLength: 1, maxLength: 30 })
      .filter((t) => !/^[A-Za-z0-9\-._~+/]+=*$/.test(t));
    await fc.assert(
      fc.asyncProperty(malformed, async (accessToken) => {
        const res = await exports.default.fetch(
          new Request(`${BASE}/session`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ accessToken }),
          }),
        );
        expect(res.status, JSON.stringify(accessToken)).toBe(422);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});
