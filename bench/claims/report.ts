/** The claims benchmark's results as Markdown (bench/results/claims.md, and the README): the table, the ratios, the goals. */
import type { RunSummary } from "./run.ts";

interface Ratios {
  /** Claims/s over the same runtime's empty-route requests/s, same clients, same repetition. */
  ofCeiling: number | null;
  /** Claims/s over the careful wikitable's claims/s. */
  ofWiki: number | null;
  p99OverP50: number | null;
}

export interface Results {
  benchmark: "claims";
  machine: {
    date: string;
    nproc: number;
    cpu: string;
    memoryGiB: number | null;
    node: string;
    loadavgAtStart: (number | null)[];
    loadavgAtEnd: (number | null)[];
  };
  config: { claims: number; wikiClaims?: number; reps: number; concurrency: number[] } & Record<string, unknown>;
  medians: Record<string, Record<number, RunSummary>>;
  ratios: Record<string, Record<number, Ratios>>;
  runs: Record<string, Record<number, RunSummary[]>>;
}

const LABEL: Record<string, string> = {
  workers: "partnerhub on Workers (`wrangler dev`, local D1): `POST /partners/{id}/claims`",
  "workers-health": "its ceiling: `GET /health`, signed in",
  node: "partnerhub on Node (SQLite): `POST /partners/{id}/claims`",
  "node-health": "its ceiling: `GET /health`, signed in",
  "wiki-careful": "wikitable, careful (`baserevid`, retry on conflict)",
  "wiki-blind": "wikitable, blind (no `baserevid`: last write wins)",
};
const RUNTIME_LABEL: Record<string, string> = { workers: "Workers (`wrangler dev`)", node: "Node" };

/** The goals at 10 clients. */
const GOAL = { clients: 10, ofCeiling: 0.8, ofWiki: 20, p99OverP50: 2 };

const n = (x: number | null | undefined) => (x === null || x === undefined ? "–" : String(x));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${Math.round(x * 100)} %`);
const met = (ok: boolean | null) => (ok === null ? "not measured" : ok ? "**met**" : "**not met**");

/** `notes`: Markdown appended as it is (bench/claims/notes.md, kept by hand: what the figures mean and why). */
export function renderMarkdown(r: Results, notes?: string): string {
  const m = r.machine;
  const lines = [
    `# Claims benchmark`,
    ``,
    `${r.config.claims} claims (or requests, for a ceiling) per run on partnerhub, ${r.config.wikiClaims ?? r.config.claims} on the wikitable, medians of ${r.config.reps} runs per configuration, after an untimed warm-up of each runtime. ` +
      `Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.date.slice(0, 16).replace("T", " ")} UTC; ` +
      `load average ${m.loadavgAtStart.join(" / ")} at the start, ${m.loadavgAtEnd.join(" / ")} at the end.`,
    ``,
    `| clients | system | per s | p50 ms | p99 ms | conflicts | refused (429) | gave up | errors | lost | retries | requests | server CPU ms/req | clients' CPU ms/req |`,
    `|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const c of r.config.concurrency) {
    for (const [system, byC] of Object.entries(r.medians)) {
      const s = byC[c];
      if (!s) continue;
      lines.push(
        `| ${c} | ${LABEL[system] ?? system} | ${n(s.throughput)} | ${n(s.p50)} | ${n(s.p99)} | ${n(s.conflicts)} | ${n(s.refused)} | ${n(s.gaveUp)} | ${n(s.errors)} | ${n(s.lost)} | ${n(s.retries)} | ${n(s.requests)} | ${n(s.serverCpuMs)} | ${n(s.clientCpuMs)} |`,
      );
    }
  }
  lines.push(
    ``,
    `Ratios, each taken within one repetition (side by side) and then the median over repetitions:`,
    ``,
    `| clients | runtime | claims/s ÷ its ceiling | claims/s ÷ careful wikitable | p99 ÷ p50 |`,
    `|---:|---|---:|---:|---:|`,
  );
  for (const c of r.config.concurrency) {
    for (const [rt, byC] of Object.entries(r.ratios)) {
      const x = byC[c];
      if (x)
        lines.push(
          `| ${c} | ${RUNTIME_LABEL[rt] ?? rt} | ${pct(x.ofCeiling)} | ${n(x.ofWiki)}× | ${n(x.p99OverP50)} |`,
        );
    }
  }
  lines.push(``, `Goals at ${GOAL.clients} clients:`, ``);
  for (const [rt, byC] of Object.entries(r.ratios)) {
    const x = byC[GOAL.clients];
    const check = (v: number | null | undefined, ok: (v: number) => boolean) =>
      v === null || v === undefined ? null : ok(v);
    lines.push(
      `- ${RUNTIME_LABEL[rt] ?? rt}: claims/s ≥ 80 % of the ceiling: ${met(check(x?.ofCeiling, (v) => v >= GOAL.ofCeiling))} (${pct(x?.ofCeiling)}); ` +
        `≥ 20× the careful wikitable: ${met(check(x?.ofWiki, (v) => v >= GOAL.ofWiki))} (${n(x?.ofWiki)}×); ` +
        `p99 ≤ 2× p50: ${met(check(x?.p99OverP50, (v) => v <= GOAL.p99OverP50))} (${n(x?.p99OverP50)}).`,
    );
  }
  lines.push(``);
  if (notes) lines.push(notes.trimEnd(), ``);
  return lines.join("\n");
}
