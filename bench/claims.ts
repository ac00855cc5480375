/**
 * `npm run bench:claims`: "we can take this partner" on partnerhub, on both its runtimes
 * (wrangler dev with a local D1, and Node with SQLite), each beside its own empty-route
 * ceiling, versus the status quo (rows of a wikitable page edited through the Action API
 * of a local MediaWiki 1.43), at several concurrencies, repeated.
 * Writes bench/results/claims.json and claims.md. Loopback only, bounded.
 *   --claims N        partnerhub's claims (or ceiling requests) per run (default 200; divisible by every concurrency)
 *   --wiki-claims N   the wikitable's claims per run (default: as --claims); the wiki is some 50× slower
 *   --reps N          repetitions of each configuration (default 5)
 *   --concurrency L   comma-separated client counts (default 1,10,50)
 *   --deadline S      a wiki run stops retrying after S seconds (default 240)
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { login, startWiki } from "../tools/wiki/harness.ts";
import {
  BENCH_LIMIT,
  type Backend,
  claimablePartners,
  type Runtime,
  runCeiling,
  runClaims,
  startBackend,
  warmUp,
} from "./claims/partnerhub.ts";
import { renderMarkdown, type Results } from "./claims/report.ts";
import { medianOf, summariseRun, type RunSummary } from "./claims/run.ts";
import { machine, median, round } from "./claims/stats.ts";
import { runWiki, wikiEditors, type WikiMode } from "./claims/wiki.ts";

const { values } = parseArgs({
  options: {
    claims: { type: "string", default: "200" },
    "wiki-claims": { type: "string" },
    reps: { type: "string", default: "5" },
    concurrency: { type: "string", default: "1,10,50" },
    deadline: { type: "string", default: "240" },
    out: { type: "string", default: join(import.meta.dirname, "results") },
  },
});
const claims = Number(values.claims);
const wikiClaims = Number(values["wiki-claims"] ?? claims);
const reps = Number(values.reps);
const concurrency = values.concurrency.split(",").map(Number);
for (const [flag, n] of [
  ["--claims", claims],
  ["--wiki-claims", wikiClaims],
] as const)
  if (concurrency.some((c) => n % c !== 0)) throw new Error(`${flag} ${n} must divide by every concurrency`);

// Every run claims partners of its own (the same ones on both runtimes), so that a partner's claims,
// which each answer carries back, do not pile up from one repetition to the next; the warm-up has its own.
const WARM_UP_PARTNERS = 20;
const partnersPerRep = concurrency.reduce((sum, c) => sum + claims / c, 0);
const partnersNeeded = WARM_UP_PARTNERS + reps * partnersPerRep;
/** About nine in ten of the demo directory's partners take claims. */
const seeded = Math.max(1000, Math.ceil(partnersNeeded / 0.85 / 1000) * 1000);

export type System = Runtime | `${Runtime}-health` | `wiki-${WikiMode}`;
const RUNTIMES: Runtime[] = ["workers", "node"];
const SYSTEMS: System[] = ["workers", "workers-health", "node", "node-health", "wiki-careful", "wiki-blind"];

const info = machine();
console.log(
  `claims benchmark: ${claims} claims (the wiki ${wikiClaims}) × ${reps} reps at ${concurrency.join("/")} clients on ${info.nproc} cores, ${seeded} partners`,
);
const backends: Partial<Record<Runtime, Backend>> = {};
const wiki = await startWiki();
try {
  for (const r of RUNTIMES) backends[r] = await startBackend(r, seeded);
  const partners = await claimablePartners(backends.workers!.api, partnersNeeded);
  const same = await claimablePartners(backends.node!.api, partners.length);
  if (same.join() !== partners.join()) throw new Error("the two runtimes were seeded with different directories");
  for (const r of RUNTIMES) await warmUp(backends[r]!, partners.slice(0, WARM_UP_PARTNERS));
  let nextPartner = WARM_UP_PARTNERS;
  const wikiPartners = partners.slice(0, wikiClaims / Math.min(...concurrency));
  const bot = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
  const editors = await wikiEditors(wiki, Math.max(...concurrency));
  const runs = Object.fromEntries(SYSTEMS.map((s) => [s, {}])) as Record<System, Record<number, RunSummary[]>>;
  // Interleaved (rep, concurrency, system) so that a busy spell on the machine hits every system alike.
  for (let rep = 1; rep <= reps; rep++) {
    for (const c of concurrency) {
      const runPartners = partners.slice(nextPartner, (nextPartner += claims / c));
      for (const system of SYSTEMS) {
        const id = `r${rep}c${c}`;
        const runtime = system.replace(/-health$/, "") as Runtime;
        const result = system.startsWith("wiki-")
          ? await runWiki(
              bot,
              editors,
              `Content Partnerships Hub/Claims bench/${system}/${id}`,
              system === "wiki-careful" ? "careful" : "blind",
              c,
              wikiClaims,
              wikiPartners,
              Number(values.deadline) * 1000,
            )
          : system.endsWith("-health")
            ? await runCeiling(backends[runtime]!, id, c, claims)
            : await runClaims(backends[runtime]!, id, c, claims, runPartners);
        const s = summariseRun(result);
        (runs[system][c] ??= []).push(s);
        console.log(
          `${id} ${system.padEnd(14)} ${String(s.throughput).padStart(8)}/s  p50 ${s.p50} ms  p99 ${s.p99} ms  conflicts ${s.conflicts}  refused ${s.refused}  lost ${s.lost}  errors ${s.errors}` +
            (s.serverCpuMs === null ? "" : `  cpu/request: server ${s.serverCpuMs} ms, clients ${s.clientCpuMs} ms`),
        );
      }
    }
  }
  const medians = Object.fromEntries(
    SYSTEMS.map((s) => [s, Object.fromEntries(concurrency.map((c) => [c, medianOf(runs[s][c]!)]))]),
  ) as Record<System, Record<number, RunSummary>>;
  const ratio = (a: number | null, b: number | null) => (a && b ? round(a / b, 3) : null);
  // Each ratio is taken within one repetition (the systems side by side), then the median over repetitions.
  const perRep = (c: number, f: (rep: number) => number | null) =>
    round(median(runs.workers[c]!.map((_, i) => f(i) ?? Number.NaN)), 3);
  const ratios = Object.fromEntries(
    RUNTIMES.map((rt) => [
      rt,
      Object.fromEntries(
        concurrency.map((c) => [
          c,
          {
            ofCeiling: perRep(c, (i) => ratio(runs[rt][c]![i]!.throughput, runs[`${rt}-health`][c]![i]!.throughput)),
            ofWiki: perRep(c, (i) => ratio(runs[rt][c]![i]!.throughput, runs["wiki-careful"][c]![i]!.throughput)),
            p99OverP50: perRep(c, (i) => ratio(runs[rt][c]![i]!.p99, runs[rt][c]![i]!.p50)),
          },
        ]),
      ),
    ]),
  ) as Results["ratios"];
  const results: Results = {
    benchmark: "claims",
    machine: { ...info, loadavgAtEnd: loadavg().map((x) => round(x, 2)) },
    config: {
      claims,
      wikiClaims,
      reps,
      concurrency,
      partners: `${seeded} seeded; every run claims partners of its own, the same on both runtimes; ${WARM_UP_PARTNERS} for an untimed warm-up of each runtime (${10 * 20} claims, ${10 * 40} ceiling requests)`,
      workers: `wrangler dev, local D1, WRITE_LIMITER binding at ${BENCH_LIMIT} a minute`,
      node: `worker/node/server.ts, SQLite (WAL), WRITES_PER_MINUTE=${BENCH_LIMIT}`,
      ceiling: "GET /health, signed in (the same middleware as a claim), same clients and request count",
      wiki: "MediaWiki 1.43 (Debian 13), PHP built-in server, 4 workers, SQLite, noratelimit",
    },
    medians,
    ratios,
    runs,
  };
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, "claims.json"), JSON.stringify(results, null, 2) + "\n");
  const notes = readFileSync(join(import.meta.dirname, "claims", "notes.md"), "utf8");
  writeFileSync(join(values.out, "claims.md"), renderMarkdown(results, notes));
  console.log(`\nwrote ${join(values.out, "claims.json")} and claims.md\n`);
  console.log(renderMarkdown(results));
} finally {
  for (const b of Object.values(backends)) b.stop();
  await wiki.stop();
}
