/**
 * How many database round trips each route of the API makes, counted in-process on the Node
 * runtime (`app.request`) over a counting `SqlDatabase`. One scenario per route (and per way of
 * asking that costs differently, e.g. signed in or not); each sets up what it needs through the
 * API without counting, then counts exactly one request. Used by the budget test
 * (test/node/round-trips.test.ts) and by `bench/trips.ts`, which writes bench/results/trips.md.
 */
import "@hono/zod-openapi";
import { readConfig } from "../../worker/config.ts";
import { createNodeApp, nodeDeps } from "../../worker/node/deps.ts";
import { migrate } from "../../worker/node/migrate.ts";
import { openSqlite } from "../../worker/node/sqlite.ts";
import { tableLimiter } from "../../worker/storage/rate.ts";
import { countRoundTrips, type Trip } from "./counting-db.ts";

const BASE = "http://127.0.0.1/api/v1";
const COORDINATOR = "Trip Coordinator";

export interface TripApp {
  /** One request, not counted (setup). */
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  signIn(username: string): Promise<string>;
  coordinator(): Promise<string>;
  affiliate(reps?: string[]): Promise<string>;
  partner(by?: string): Promise<string>;
  claim(partner: string, affiliate: string, by: string): Promise<{ id: number; version: number }>;
  /** Counts the round trips of one request made by `request`; checks its status. */
  count(status: number, request: () => Promise<Response>): Promise<{ trips: Trip[]; response: Response }>;
}

/** A fresh in-memory database, migrated, and the Node app over it with the counter in front. */
export async function tripApp(env: Record<string, string | undefined> = process.env): Promise<TripApp> {
  const sqlite = openSqlite(":memory:");
  await migrate(sqlite);
  const { db, counter } = countRoundTrips(sqlite);
  const config = readConfig({ ...env, COORDINATORS: COORDINATOR, DEV_LOGIN: "on", WRITES_PER_MINUTE: "100000" });
  const now = () => new Date();
  const app = createNodeApp({
    ...nodeDeps(sqlite, config, now),
    db,
    limiter: tableLimiter(db, config.writesPerMinute, now),
    sessionLimiter: tableLimiter(db, config.sessionsPerMinute, now),
  });
  const tokens = new Map<string, string>();
  let n = 0;
  const self: TripApp = {
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
      if (opts.body !== undefined) headers["Content-Type"] = "application/json";
      // From a loopback socket, as @hono/node-server passes it (dev sign-in asks).
      return app.request(
        `${BASE}${path}`,
        { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) },
        { incoming: { socket: { remoteAddress: "127.0.0.1" } } },
      );
    },
    async signIn(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await ok(201, self.call("POST", "/session/dev", { body: { username } }), 200);
      const { token } = (await res.json()) as { token: string };
      tokens.set(username, token);
      return token;
    },
    coordinator: () => self.signIn(COORDINATOR),
    async affiliate(reps = []) {
      const id = `trip-affiliate-${++n}`;
      const coord = await self.coordinator();
      await ok(
        201,
        self.call("POST", "/affiliates", {
          token: coord,
          body: {
            id,
            name: `Trip affiliate ${n}`,
            kind: "chapter",
            wikiPage: `Trip affiliate ${n}`,
            countries: ["DE"],
          },
        }),
      );
      for (const username of reps) {
        await ok(200, self.call("POST", `/affiliates/${id}/representatives`, { token: coord, body: { username } }));
      }
      return id;
    },
    async partner(by = "Trip Referrer") {
      const res = await ok(
        201,
        self.call("POST", "/partners", {
          token: await self.signIn(by),
          body: {
            name: `Trip Museum ${++n}`,
            kind: "museum",
            country: "DE",
            languages: ["de"],
            offers: ["images"],
            projects: ["commons"],
            funding: "has_grant",
            summary: "A museum for counting.",
            asks: [],
            links: [],
            contact: { name: "Erika Mustermann", email: "erika@example.org", notes: "" },
          },
        }),
      );
      return ((await res.json()) as { id: string }).id;
    },
    async claim(partner, affiliate, by) {
      const res = await ok(
        201,
        self.call("POST", `/partners/${partner}/claims`, {
          token: await self.signIn(by),
          body: { affiliate, message: "We can take this partner" },
        }),
      );
      return ((await res.json()) as { claim: { id: number; version: number } }).claim;
    },
    async count(status, request) {
      counter.reset();
      const response = await ok(status, request());
      const trips = counter.trips;
      counter.reset();
      return { trips, response };
    },
  };
  return self;
}

async function ok(_expected: number, pending: Promise<Response>, status = _expected): Promise<Response> {
  const res = await pending;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.clone().text()}`);
  return res;
}

export interface RouteScenario {
  /** `METHOD /path` as in the OpenAPI document. */
  route: string;
  /** How it is asked, where that changes the cost. */
  as: string;
  /** The budget: writes at most 2, reads at most 1 (README, "Benchmarks"). */
  kind: "read" | "write";
  /** Counts the request (after its own setup). */
  measure(app: TripApp): Promise<Trip[]>;
}

const read = (route: string, as: string, measure: RouteScenario["measure"]): RouteScenario => ({
  route,
  as,
  kind: "read",
  measure,
});
const write = (route: string, as: string, measure: RouteScenario["measure"]): RouteScenario => ({
  route,
  as,
  kind: "write",
  measure,
});

/** A lead: a claim by a representative of a new affiliate, accepted by the coordinator. */
async function lead(app: TripApp, rep: string) {
  const partner = await app.partner();
  const affiliate = await app.affiliate([rep]);
  const claim = await app.claim(partner, affiliate, rep);
  await ok(200, app.call("POST", `/claims/${claim.id}/accept`, { token: await app.coordinator(), body: {} }));
  return { partner, affiliate, claim };
}

/**
 * A claimant with a notice (their claim was accepted) whose feed was read once, so that the
 * outbox has scanned the log to its latest event: the steady state a feed read finds.
 */
async function feedReady(app: TripApp) {
  await lead(app, "Trip Feed Rep");
  const partner = await app.partner();
  const claim = await app.claim(partner, await app.affiliate(), "Trip Feed Claimant");
  await ok(200, app.call("POST", `/claims/${claim.id}/accept`, { token: await app.coordinator(), body: {} }));
  const token = await app.signIn("Trip Feed Claimant");
  const feed = (await (await ok(200, app.call("GET", "/me/feed", { token }))).json()) as {
    items: Array<{ event: { seq: number } }>;
  };
  return { token, upTo: feed.items[0]?.event.seq ?? 0 };
}

export const SCENARIOS: RouteScenario[] = [
  read("GET /health", "anyone", async (app) => (await app.count(200, () => app.call("GET", "/health"))).trips),
  read(
    "GET /openapi.json",
    "anyone",
    async (app) => (await app.count(200, () => app.call("GET", "/openapi.json"))).trips,
  ),
  read("GET /me", "signed in, a representative", async (app) => {
    await app.affiliate(["Trip Me"]);
    const token = await app.signIn("Trip Me");
    return (await app.count(200, () => app.call("GET", "/me", { token }))).trips;
  }),
  read("GET /me/claims", "signed in, a claimant", async (app) => {
    await app.claim(await app.partner(), await app.affiliate(), "Trip My Claims");
    const token = await app.signIn("Trip My Claims");
    return (await app.count(200, () => app.call("GET", "/me/claims", { token }))).trips;
  }),
  read("GET /me/preferences", "signed in", async (app) => {
    const token = await app.signIn("Trip Prefs");
    return (await app.count(200, () => app.call("GET", "/me/preferences", { token }))).trips;
  }),
  write("PUT /me/preferences", "signed in", async (app) => {
    const token = await app.signIn("Trip Prefs");
    return (
      await app.count(200, () => app.call("PUT", "/me/preferences", { token, body: { notifications: "weekly" } }))
    ).trips;
  }),
  read("GET /me/feed", "signed in, the outbox scanned to the latest event", async (app) => {
    const { token } = await feedReady(app);
    return (await app.count(200, () => app.call("GET", "/me/feed", { token }))).trips;
  }),
  write("POST /me/feed/seen", "signed in, the outbox scanned to the latest event", async (app) => {
    const { token, upTo } = await feedReady(app);
    return (await app.count(200, () => app.call("POST", "/me/feed/seen", { token, body: { upTo } }))).trips;
  }),
  read("GET /notifications/status", "a coordinator", async (app) => {
    await feedReady(app);
    const token = await app.coordinator();
    return (await app.count(200, () => app.call("GET", "/notifications/status", { token }))).trips;
  }),
  read("GET /partners", "anyone", async (app) => {
    await app.partner();
    return (await app.count(200, () => app.call("GET", "/partners"))).trips;
  }),
  read("GET /partners", "signed in", async (app) => {
    await app.partner();
    const token = await app.signIn("Trip Reader");
    return (await app.count(200, () => app.call("GET", "/partners", { token }))).trips;
  }),
  read("GET /partners/{id}", "anyone", async (app) => {
    const { partner } = await lead(app, "Trip Rep A");
    return (await app.count(200, () => app.call("GET", `/partners/${partner}`))).trips;
  }),
  read("GET /partners/{id}", "signed in, the lead's representative", async (app) => {
    const { partner } = await lead(app, "Trip Rep B");
    const token = await app.signIn("Trip Rep B");
    return (await app.count(200, () => app.call("GET", `/partners/${partner}`, { token }))).trips;
  }),
  read("GET /partners/duplicates", "anyone, as a referral is typed", async (app) => {
    await app.partner();
    const q = `name=${encodeURIComponent("Trip Museum")}&wikidata=Q42&website=${encodeURIComponent("https://trip.example")}`;
    return (await app.count(200, () => app.call("GET", `/partners/duplicates?${q}`))).trips;
  }),
  read("GET /partners/{id}", "anyone, a merged partner's id", async (app) => {
    const [from, into] = [await app.partner(), await app.partner()];
    const token = await app.coordinator();
    await ok(200, app.call("POST", `/partners/${from}/merge`, { token, body: { into, version: 1 } }));
    return (await app.count(301, () => app.call("GET", `/partners/${from}`))).trips;
  }),
  write("POST /partners/{id}/merge", "a coordinator", async (app) => {
    const [from, into] = [await app.partner(), await app.partner()];
    const affiliate = await app.affiliate(["Trip Rep M"]);
    await app.claim(from, affiliate, "Trip Rep M");
    const token = await app.coordinator();
    return (
      await app.count(200, () => app.call("POST", `/partners/${from}/merge`, { token, body: { into, version: 1 } }))
    ).trips;
  }),
  read("POST /partners/import", "a coordinator, the preview (dryRun) of 40 rows", async (app) => {
    await app.partner();
    const token = await app.coordinator();
    return (await app.count(200, () => app.call("POST", "/partners/import", { token, body: importBody(true) }))).trips;
  }),
  write("POST /partners/import", "a coordinator, the commit of 40 rows", async (app) => {
    await app.partner();
    const token = await app.coordinator();
    return (await app.count(200, () => app.call("POST", "/partners/import", { token, body: importBody(false) }))).trips;
  }),
  read("GET /affiliates", "anyone", async (app) => {
    await app.affiliate();
    return (await app.count(200, () => app.call("GET", "/affiliates"))).trips;
  }),
  read("GET /affiliates/{id}", "anyone", async (app) => {
    const id = await app.affiliate(["Trip Rep C"]);
    return (await app.count(200, () => app.call("GET", `/affiliates/${id}`))).trips;
  }),
  read(
    "GET /coordinators",
    "anyone",
    async (app) => (await app.count(200, () => app.call("GET", "/coordinators"))).trips,
  ),
  read("GET /events", "anyone", async (app) => {
    await app.partner();
    return (await app.count(200, () => app.call("GET", "/events?after=0"))).trips;
  }),
  read("GET /events", "signed in, a representative", async (app) => {
    await app.affiliate(["Trip Feed Reader"]);
    const token = await app.signIn("Trip Feed Reader");
    return (await app.count(200, () => app.call("GET", "/events?after=0", { token }))).trips;
  }),
  read("GET /export/partners.csv", "a coordinator", async (app) => {
    await app.partner();
    const token = await app.coordinator();
    return (await app.count(200, () => app.call("GET", "/export/partners.csv", { token }))).trips;
  }),
  read(
    "GET /mirror/status",
    "anyone",
    async (app) => (await app.count(200, () => app.call("GET", "/mirror/status"))).trips,
  ),
  write(
    "POST /session/dev",
    "anyone (loopback, DEV_LOGIN)",
    async (app) =>
      (await app.count(200, () => app.call("POST", "/session/dev", { body: { username: "Trip Newcomer" } }))).trips,
  ),
  write("DELETE /session", "signed in", async (app) => {
    const res = await app.call("POST", "/session/dev", { body: { username: "Trip Leaver" } });
    const { token } = (await res.json()) as { token: string };
    return (await app.count(204, () => app.call("DELETE", "/session", { token }))).trips;
  }),
  write("POST /partners", "signed in", async (app) => {
    await app.signIn("Trip Referrer");
    return (
      await app.count(201, async () => {
        const id = await app.partner();
        return new Response(id, { status: 201 });
      })
    ).trips;
  }),
  write("PATCH /partners/{id}", "the referrer", async (app) => {
    const partner = await app.partner("Trip Editor");
    const token = await app.signIn("Trip Editor");
    return (
      await app.count(200, () =>
        app.call("PATCH", `/partners/${partner}`, {
          token,
          headers: { "If-Match": '"1"' },
          body: { summary: "Edited." },
        }),
      )
    ).trips;
  }),
  write("POST /partners/{id}/close", "a coordinator", async (app) => {
    const partner = await app.partner();
    const token = await app.coordinator();
    return (
      await app.count(200, () => app.call("POST", `/partners/${partner}/close`, { token, body: { reason: "Gone" } }))
    ).trips;
  }),
  write("POST /partners/{id}/reopen", "a coordinator", async (app) => {
    const partner = await app.partner();
    const token = await app.coordinator();
    await ok(200, app.call("POST", `/partners/${partner}/close`, { token, body: { reason: "Gone" } }));
    return (await app.count(200, () => app.call("POST", `/partners/${partner}/reopen`, { token }))).trips;
  }),
  write("POST /partners/{id}/claims", "a representative of the affiliate", async (app) => {
    const partner = await app.partner();
    const affiliate = await app.affiliate(["Trip Claimant"]);
    const token = await app.signIn("Trip Claimant");
    return (
      await app.count(201, () =>
        app.call("POST", `/partners/${partner}/claims`, { token, body: { affiliate, message: "We can" } }),
      )
    ).trips;
  }),
  ...(["withdraw", "decline", "accept"] as const).map((action) =>
    write(`POST /claims/{id}/${action}`, action === "withdraw" ? "the claimant" : "a coordinator", async (app) => {
      const partner = await app.partner();
      const affiliate = await app.affiliate();
      const claim = await app.claim(partner, affiliate, "Trip Claimant");
      const token = action === "withdraw" ? await app.signIn("Trip Claimant") : await app.coordinator();
      return (
        await app.count(200, () =>
          app.call("POST", `/claims/${claim.id}/${action}`, { token, body: { version: claim.version } }),
        )
      ).trips;
    }),
  ),
  ...(["release", "complete"] as const).map((action) =>
    write(`POST /claims/{id}/${action}`, "the lead's representative", async (app) => {
      const { claim } = await lead(app, `Trip Lead ${action}`);
      const token = await app.signIn(`Trip Lead ${action}`);
      return (await app.count(200, () => app.call("POST", `/claims/${claim.id}/${action}`, { token, body: {} }))).trips;
    }),
  ),
  write("POST /claims/{id}/progress", "the lead's representative", async (app) => {
    const { claim } = await lead(app, "Trip Lead progress");
    const token = await app.signIn("Trip Lead progress");
    return (
      await app.count(200, () =>
        app.call("POST", `/claims/${claim.id}/progress`, { token, body: { stage: "contacted", note: "Called" } }),
      )
    ).trips;
  }),
  write("POST /claims/{id}/handover", "a coordinator", async (app) => {
    const { partner, claim } = await lead(app, "Trip Lead handover");
    const other = await app.affiliate();
    const target = await app.claim(partner, other, "Trip Other");
    const token = await app.coordinator();
    return (
      await app.count(200, () =>
        app.call("POST", `/claims/${claim.id}/handover`, { token, body: { to: target.id, reason: "They have staff" } }),
      )
    ).trips;
  }),
  write("POST /affiliates", "a coordinator", async (app) => {
    await app.coordinator();
    return (
      await app.count(201, async () => {
        await app.affiliate();
        return new Response(null, { status: 201 });
      })
    ).trips;
  }),
  write("PATCH /affiliates/{id}", "a coordinator", async (app) => {
    const id = await app.affiliate();
    const token = await app.coordinator();
    return (
      await app.count(200, () =>
        app.call("PATCH", `/affiliates/${id}`, { token, headers: { "If-Match": '"1"' }, body: { name: "Renamed" } }),
      )
    ).trips;
  }),
  write("POST /affiliates/{id}/representatives", "a coordinator verifying someone", async (app) => {
    const id = await app.affiliate();
    const token = await app.coordinator();
    return (
      await app.count(200, () =>
        app.call("POST", `/affiliates/${id}/representatives`, { token, body: { username: "Trip Verified" } }),
      )
    ).trips;
  }),
  write("DELETE /affiliates/{id}/representatives/{username}", "a coordinator", async (app) => {
    const id = await app.affiliate(["Trip Removed"]);
    const token = await app.coordinator();
    return (
      await app.count(204, () =>
        app.call("DELETE", `/affiliates/${id}/representatives/${encodeURIComponent("Trip Removed")}`, { token }),
      )
    ).trips;
  }),
  write("POST /coordinators", "a coordinator", async (app) => {
    const token = await app.coordinator();
    return (
      await app.count(204, () => app.call("POST", "/coordinators", { token, body: { username: "Trip Coord 2" } }))
    ).trips;
  }),
  write("DELETE /coordinators/{username}", "a coordinator", async (app) => {
    const token = await app.coordinator();
    await ok(204, app.call("POST", "/coordinators", { token, body: { username: "Trip Coord 3" } }));
    return (
      await app.count(204, () => app.call("DELETE", `/coordinators/${encodeURIComponent("Trip Coord 3")}`, { token }))
    ).trips;
  }),
];

/** A CSV list of 40 institutions, none like another, as an import's body. */
function importBody(dryRun: boolean) {
  const towns = ["Aachen", "Bonn", "Celle", "Dessau", "Emden", "Fulda", "Gotha", "Hagen", "Jena", "Kiel"];
  const kinds = ["Museum", "Library", "Archive", "Gallery"];
  const rows = towns.flatMap((town, i) =>
    kinds.map((kind, j) => `${kind} of ${town} ${i * 4 + j},DE,https://import-${i}-${j}.example,de,images`),
  );
  return { format: "csv", text: ["Institution,Country,Website,Languages,Offers", ...rows].join("\n"), dryRun };
}

/** Routes whose round trips the scenarios do not count, and why (so that a new route must be added or named here). */
export const NOT_COUNTED: Record<string, string> = {
  "POST /session": "asks the wiki who the access token belongs to (the OAuth tests cover it against the stand-in)",
  "POST /mirror/run": "runs the mirror job against a wiki (the mirror's own tests and benchmark)",
};
