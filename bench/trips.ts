/**
 * `npm run bench:trips`: database round trips per route, counted in-process on the Node runtime
 * (tools/round-trips/routes.ts), written to bench/results/trips.json and trips.md. `--as before`
 * or `--as after` (default) says which column this run fills, so that the table keeps both.
 * Counts are exact, not timed: the budget test (test/node/round-trips.test.ts) asserts them.
 */
import "@hono/zod-openapi";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SCENARIOS, tripApp } from "../tools/round-trips/routes.ts";

const { values } = parseArgs({
  options: {
    as: { type: "string", default: "after" },
    out: { type: "string", default: join(import.meta.dirname, "results") },
  },
});
const column = values.as === "before" ? "before" : "after";

interface Counted {
  route: string;
  as: string;
  kind: "read" | "write";
  trips: number;
  /** What each round trip was: `batch(n)` or `first`/`all`/`run`, and the first words of its SQL. */
  detail: string[];
}

const env = {
  SESSION_SECRET: randomBytes(32).toString("hex"),
  WIKI_SCRIPT_URL: "http://127.0.0.1:9",
  ALLOWED_ORIGINS: "http://127.0.0.1:8080",
};

const counted: Counted[] = [];
for (const s of SCENARIOS) {
  const trips = await s.measure(await tripApp(env));
  counted.push({
    route: s.route,
    as: s.as,
    kind: s.kind,
    trips: trips.length,
    detail: trips.map((t) =>
      t.kind === "batch"
        ? `batch(${t.sql.length}): ${t.sql.map((q) => q.slice(0, 40)).join(" | ")}`
        : `${t.kind}: ${t.sql[0]!.slice(0, 60)}`,
    ),
  });
  console.log(`${String(trips.length).padStart(3)}  ${s.route}  (${s.as})`);
}

mkdirSync(values.out, { recursive: true });
const file = join(values.out, "trips.json");
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
const results = {
  ...previous,
  benchmark: "trips",
  [column]: { date: new Date().toISOString(), routes: counted },
} as {
  before?: { date: string; routes: Counted[]; laterRoutes?: { commit: string; routes: string[] } };
  after?: { date: string; routes: Counted[] };
};
writeFileSync(file, JSON.stringify(results, null, 2) + "\n");

const key = (c: Counted) => `${c.route}|${c.as}`;
const before = new Map((results.before?.routes ?? []).map((c) => [key(c), c.trips]));
const after = new Map((results.after?.routes ?? []).map((c) => [key(c), c.trips]));
const rows = [
  ...new Map([...(results.before?.routes ?? []), ...(results.after?.routes ?? [])].map((c) => [key(c), c])),
].map(([, c]) => c);
const budget = (c: Counted) => (c.kind === "write" ? 2 : 1);
const cell = (n: number | undefined) => (n === undefined ? "–" : String(n));
const lines = [
  "# Database round trips per route",
  "",
  "Counted in-process on the Node runtime: a counting `SqlDatabase` in front of SQLite, each `first`,",
  "`all` and `run` one round trip and each `batch` one (D1 sends a batch as one request). On D1 each",
  "round trip is a network hop from the Worker to the database. Budget: a write at most 2,",
  "a read at most 1. `npm run bench:trips` recounts; test/node/round-trips.test.ts asserts every",
  "number of the AFTER column exactly.",
  "",
  `BEFORE: ${results.before?.date.slice(0, 16).replace("T", " ") ?? "–"} UTC. AFTER: ${results.after?.date.slice(0, 16).replace("T", " ") ?? "–"} UTC.`,
  ...(results.before?.laterRoutes
    ? [
        "",
        `Routes added since BEFORE (${results.before.laterRoutes.routes.join(", ")}) were counted as main had them at ${results.before.laterRoutes.commit}, before this work reached them.`,
      ]
    : []),
  "",
  "| route | asked by | kind | budget | before | after | within budget |",
  "|---|---|---|---:|---:|---:|---|",
  ...rows.map((c) => {
    const a = after.get(key(c));
    return `| \`${c.route}\` | ${c.as} | ${c.kind} | ${budget(c)} | ${cell(before.get(key(c)))} | ${cell(a)} | ${a === undefined ? "–" : a <= budget(c) ? "yes" : "**no**"} |`;
  }),
  "",
];
writeFileSync(join(values.out, "trips.md"), lines.join("\n"));
console.log(`\nwrote ${file} and trips.md`);
