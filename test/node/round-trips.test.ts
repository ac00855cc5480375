// Database round trips per route: every route of the API is counted (tools/round-trips/routes.ts), so that a
// new route must say what it costs. On D1 each round trip is a network hop from the Worker.
import { describe, expect, it } from "vitest";
import { countRoundTrips } from "../../tools/round-trips/counting-db.ts";
import { NOT_COUNTED, SCENARIOS, tripApp } from "../../tools/round-trips/routes.ts";
import { openSqlite } from "../../worker/node/sqlite.ts";

/**
 * The exact round trips of each route (writes at most 2, reads at most 1). Lower is welcome: lower
 * the number here and in bench/results/trips.md (`npm run bench:trips`). Higher fails.
 */
const EXPECTED: Record<string, number> = {
  "GET /health (anyone)": 0,
  "GET /openapi.json (anyone)": 0,
  "GET /me (signed in, a representative)": 1,
  "GET /me/claims (signed in, a claimant)": 1,
  "GET /me/preferences (signed in)": 1,
  "PUT /me/preferences (signed in)": 2,
  "GET /me/feed (signed in, the outbox scanned to the latest event)": 1,
  "POST /me/feed/seen (signed in, the outbox scanned to the latest event)": 2,
  "GET /notifications/status (a coordinator)": 1,
  "GET /partners (anyone)": 1,
  "GET /partners (signed in)": 1,
  "GET /partners/{id} (anyone)": 1,
  "GET /partners/{id} (signed in, the lead's representative)": 1,
  "GET /partners/{id} (anyone, a merged partner's id)": 1,
  "GET /partners/duplicates (anyone, as a referral is typed)": 1,
  "POST /partners/{id}/merge (a coordinator)": 2,
  "POST /partners/import (a coordinator, the preview (dryRun) of 40 rows)": 1,
  "POST /partners/import (a coordinator, the commit of 40 rows)": 2,
  "GET /affiliates (anyone)": 1,
  "GET /affiliates/{id} (anyone)": 1,
  "GET /coordinators (anyone)": 1,
  "GET /events (anyone)": 1,
  "GET /events (signed in, a representative)": 1,
  "GET /export/partners.csv (a coordinator)": 1,
  "GET /mirror/status (anyone)": 1,
  "POST /session/dev (anyone (loopback, DEV_LOGIN))": 1,
  "DELETE /session (signed in)": 2,
  "POST /partners (signed in)": 2,
  "PATCH /partners/{id} (the referrer)": 2,
  "POST /partners/{id}/close (a coordinator)": 2,
  "POST /partners/{id}/reopen (a coordinator)": 2,
  "POST /partners/{id}/claims (a representative of the affiliate)": 1,
  "POST /claims/{id}/withdraw (the claimant)": 2,
  "POST /claims/{id}/decline (a coordinator)": 2,
  "POST /claims/{id}/accept (a coordinator)": 2,
  "POST /claims/{id}/release (the lead's representative)": 2,
  "POST /claims/{id}/complete (the lead's representative)": 2,
  "POST /claims/{id}/progress (the lead's representative)": 2,
  "POST /claims/{id}/handover (a coordinator)": 2,
  "POST /affiliates (a coordinator)": 2,
  "PATCH /affiliates/{id} (a coordinator)": 2,
  "POST /affiliates/{id}/representatives (a coordinator verifying someone)": 2,
  "DELETE /affiliates/{id}/representatives/{username} (a coordinator)": 2,
  "POST /coordinators (a coordinator)": 2,
  "DELETE /coordinators/{username} (a coordinator)": 2,
};

describe("round trips", () => {
  for (const s of SCENARIOS) {
    const name = `${s.route} (${s.as})`;
    it(`${name} costs exactly ${EXPECTED[name]} round trip(s), within the ${s.kind} budget`, async () => {
      const trips = await s.measure(await tripApp());
      expect(trips.length, trips.map((t) => `${t.kind}: ${t.sql.join(" | ")}`).join("\n")).toBe(EXPECTED[name]);
      expect(trips.length).toBeLessThanOrEqual(s.kind === "write" ? 2 : 1);
    });
  }

  it("makes a claim in one batch: the write limit, who is asking, the guarded insert, the roles and the answer", async () => {
    const app = await tripApp();
    const partner = await app.partner();
    const affiliate = await app.affiliate();
    const token = await app.signIn("Plain Claimant");
    const { trips } = await app.count(201, () =>
      app.call("POST", `/partners/${partner}/claims`, { token, body: { affiliate, message: "We can" } }),
    );
    expect(trips.map((t) => t.kind)).toEqual(["batch"]);
    const sql = trips[0]!.sql;
    const at = (pattern: RegExp) => sql.findIndex((s) => pattern.test(s));
    expect(at(/^INSERT INTO rate_window/)).toBeGreaterThanOrEqual(0);
    expect(at(/FROM revoked_session/)).toBeGreaterThan(at(/^INSERT INTO rate_window/));
    expect(at(/^INSERT INTO claim/)).toBeGreaterThan(at(/FROM revoked_session/));
    expect(at(/FROM coordinator/)).toBeGreaterThan(at(/^INSERT INTO claim/));
    expect(at(/^SELECT \* FROM claim WHERE partner_id = \?1 ORDER BY id/)).toBeGreaterThan(at(/^INSERT INTO claim/));
  });

  it("takes the two-trip way when the one batch is refused, and says why (here: an open claim already)", async () => {
    const app = await tripApp();
    const partner = await app.partner();
    const affiliate = await app.affiliate();
    const token = await app.signIn("Second Claimant");
    await app.claim(partner, affiliate, "Second Claimant");
    const { trips, response } = await app.count(409, () =>
      app.call("POST", `/partners/${partner}/claims`, { token, body: { affiliate, message: "Again" } }),
    );
    expect(trips.map((t) => t.kind)).toEqual(["batch", "batch"]);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("claim_conflict");
  });

  it("reads For you in 5 round trips when the log has moved since the outbox's last scan: the scan runs first", async () => {
    const app = await tripApp();
    const claim = await app.claim(await app.partner(), await app.affiliate(), "Feed Person");
    const token = await app.signIn("Feed Person");
    await app.call("GET", "/me/feed", { token });
    await app.call("POST", `/claims/${claim.id}/accept`, { token: await app.coordinator(), body: {} });
    const { trips, response } = await app.count(200, () => app.call("GET", "/me/feed", { token }));
    // Who is asking with the feed and the scan's state; the record around the events; the events;
    // the notices saved with the cursor; the feed again.
    expect(trips.map((t) => t.sql[0]?.split(" ").slice(0, 4).join(" "))).toEqual([
      "SELECT 1 AS revoked",
      "SELECT user_name FROM coordinator",
      "SELECT * FROM event",
      "INSERT INTO notice (recipient,",
      "SELECT mode, seen_seq FROM",
    ]);
    const feed = (await response.json()) as { items: Array<{ event: { type: string } }> };
    expect(feed.items[0]?.event.type).toBe("claim.accepted");
  });

  it("counts every route of the OpenAPI document, or says why not", async () => {
    const app = await tripApp();
    const doc = (await (await app.call("GET", "/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const counted = new Set([...SCENARIOS.map((s) => s.route), ...Object.keys(NOT_COUNTED)]);
    expect(routes.filter((r) => !counted.has(r))).toEqual([]);
    expect([...counted].filter((r) => !routes.includes(r) && r !== "GET /openapi.json")).toEqual([]);
  });

  it("counts a batch as one round trip and each single statement as one", async () => {
    const sqlite = openSqlite(":memory:");
    const { db, counter } = countRoundTrips(sqlite);
    await db.prepare("SELECT 1").first();
    await db.prepare("SELECT ?1").bind(2).all();
    await db.batch([db.prepare("SELECT 1"), db.prepare("SELECT 2"), db.prepare("SELECT 3")]);
    await db.prepare("CREATE TABLE t (x)").run();
    expect(counter.trips.map((t) => `${t.kind} ${t.sql.length}`)).toEqual(["first 1", "all 1", "batch 3", "run 1"]);
    sqlite.close();
  });
});
