// Database round trips per route: every route of the API is counted (tools/round-trips/routes.ts), so that a
// new route must say what it costs. On D1 each round trip is a network hop from the Worker.
import { describe, expect, it } from "vitest";
import { countRoundTrips } from "../../tools/round-trips/counting-db.ts";
import { NOT_COUNTED, SCENARIOS, tripApp } from "../../tools/round-trips/routes.ts";
import { openSqlite } from "../../worker/node/sqlite.ts";

describe("round trips", () => {
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
