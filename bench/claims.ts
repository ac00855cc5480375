/**
 * `npm run bench:claims`: "we can take this partner" on partnerhub (wrangler dev,
 * local D1) versus the status quo (rows of a wikitable page edited through the
 * Action API of a local MediaWiki 1.43), at several concurrencies, repeated.
 * Writes bench/results/claims.json and claims.md. Loopback only, bounded.
 *   --claims N        claims per run (default 200; divisible by every concurrency)
 *   --reps N          repetitions of each configuration (default 5)
 *   --concurrency L   comma-separated client counts (default 1,10,50)
 *   --deadline S      a wiki run stops retrying after S seconds (default 240)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { login, startWiki } from "../tools/wiki/harness.ts";
import { claimablePartners, runPartnerhub, startBackend } from "./claims/partnerhub.ts";
import { renderMarkdown } from "./claims/report.ts";
import { medianOf, summariseRun, type RunSummary } from "./claims/run.ts";
import { machine, round } from "./claims/stats.ts";
import { runWiki, wikiEditors, type WikiMode } from "./claims/wiki.ts";

const { values } = parseArgs({
  options: {
    claims: { type: "string", default: "200" },
    reps: { type: "string", default: "5" },
    concurrency: { type: "string", default: "1,10,50" },
    deadline: { type: "string", default: "240" },
    out: { type: "string", default: join(import.meta.dirname, "results") },
  },
});
const claims = Number(values.claims);
const reps = Number(values.reps);
const concurrency = values.concurrency.split(",").map(Number);
if (concurrency.some((c) => claims % c !== 0)) throw new Error(`--claims ${claims} must divide by every concurrency`);

export type System = "partnerhub" | `wiki-${WikiMode}`;
const SYSTEMS: System[] = ["partnerhub", "wiki-careful", "wiki-blind"];

const info = machine();
console.log(
  `claims benchmark: ${claims} claims × ${reps} reps at ${concurrency.join("/")} clients on ${info.nproc} cores`,
);
const backend = await startBackend(1000);
const wiki = await startWiki();
try {
  const partners = await claimablePartners(backend.api, claims / Math.min(...concurrency));
  const bot = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
  const editors = await wikiEditors(wiki, Math.max(...concurrency));
  const runs: Record<System, Record<number, RunSummary[]>> = { partnerhub: {}, "wiki-careful": {}, "wiki-blind": {} };
  // Interleaved (rep, concurrency, system) so that a busy spell on the machine hits every system alike.
  for (let rep = 1; rep <= reps; rep++) {
    for (const c of concurrency) {
      for (const system of SYSTEMS) {
        const id = `r${rep}c${c}`;
        const result =
          system === "partnerhub"
            ? await runPartnerhub(backend.api, id, c, claims, partners)
            : await runWiki(
                bot,
                editors,
                `Content Partnerships Hub/Claims bench/${system}/${id}`,
                system === "wiki-careful" ? "careful" : "blind",
                c,
                claims,
                partners,
                Number(values.deadline) * 1000,
              );
        const s = summariseRun(result);
        (runs[system][c] ??= []).push(s);
        console.log(
          `${id} ${system.padEnd(12)} ${String(s.throughput).padStart(8)} claims/s  p50 ${s.p50} ms  p99 ${s.p99} ms  conflicts ${s.conflicts}  lost ${s.lost}`,
        );
      }
    }
  }
  const medians = Object.fromEntries(
    SYSTEMS.map((s) => [s, Object.fromEntries(concurrency.map((c) => [c, medianOf(runs[s][c]!)]))]),
  ) as Record<System, Record<number, RunSummary>>;
  const ratio = (a: number | null, b: number | null) => (a && b ? round(a / b, 3) : null);
  const ratios = Object.fromEntries(
    concurrency.map((c) => {
      const [p, w] = [medians.partnerhub[c]!, medians["wiki-careful"][c]!];
      return [c, { throughput: ratio(p.throughput, w.throughput), p50: ratio(p.p50, w.p50), p99: ratio(p.p99, w.p99) }];
    }),
  );
  const results = {
    benchmark: "claims",
    machine: { ...info, loadavgAtEnd: loadavg().map((x) => round(x, 2)) },
    config: {
      claims,
      reps,
      concurrency,
      partnerhub: "wrangler dev, local D1, WRITES_PER_MINUTE=1000000",
      wiki: "MediaWiki 1.43 (Debian 13), PHP built-in server, 4 workers, SQLite, noratelimit",
    },
    medians,
    ratios,
    runs,
  };
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, "claims.json"), JSON.stringify(results, null, 2) + "\n");
  writeFileSync(join(values.out, "claims.md"), renderMarkdown(results));
  console.log(`\nwrote ${join(values.out, "claims.json")} and claims.md\n`);
  console.log(renderMarkdown(results));
} finally {
  backend.stop();
  await wiki.stop();
}
