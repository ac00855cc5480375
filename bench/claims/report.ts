/** The claims benchmark's results as a Markdown table (bench/results/claims.md, and the README). */
import type { RunSummary } from "./run.ts";

interface Results {
  machine: {
    date: string;
    nproc: number;
    cpu: string;
    memoryGiB: number | null;
    node: string;
    loadavgAtStart: (number | null)[];
    loadavgAtEnd: (number | null)[];
  };
  config: { claims: number; reps: number; concurrency: number[] };
  medians: Record<string, Record<number, RunSummary>>;
  ratios: Record<number, { throughput: number | null; p50: number | null; p99: number | null }>;
}

const LABEL: Record<string, string> = {
  partnerhub: "partnerhub (`POST /partners/{id}/claims`)",
  "wiki-careful": "wikitable, careful (`baserevid`, retry on conflict)",
  "wiki-blind": "wikitable, blind (no `baserevid`: last write wins)",
};

const n = (x: number | null | undefined) => (x === null || x === undefined ? "–" : String(x));

export function renderMarkdown(r: Results): string {
  const m = r.machine;
  const lines = [
    `# Claims benchmark`,
    ``,
    `${r.config.claims} claims per run, medians of ${r.config.reps} runs per configuration. ` +
      `Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.date.slice(0, 16).replace("T", " ")} UTC; ` +
      `load average ${m.loadavgAtStart.join(" / ")} at the start, ${m.loadavgAtEnd.join(" / ")} at the end.`,
    ``,
    `| clients | system | claims/s | p50 ms | p99 ms | conflicts | retries | lost | of which overwritten | gave up | errors | requests |`,
    `|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const c of r.config.concurrency) {
    for (const [system, byC] of Object.entries(r.medians)) {
      const s = byC[c]!;
      lines.push(
        `| ${c} | ${LABEL[system] ?? system} | ${n(s.throughput)} | ${n(s.p50)} | ${n(s.p99)} | ${n(s.conflicts)} | ${n(s.retries)} | ${n(s.lost)} | ${n(s.overwritten)} | ${n(s.gaveUp)} | ${n(s.errors)} | ${n(s.requests)} |`,
      );
    }
  }
  lines.push(
    ``,
    `Ratios partnerhub / careful wikitable (medians): throughput above 1 and latency below 1 favour partnerhub.`,
    ``,
    `| clients | throughput | p50 latency | p99 latency |`,
    `|---:|---:|---:|---:|`,
    ...r.config.concurrency.map(
      (c) => `| ${c} | ${n(r.ratios[c]?.throughput)}× | ${n(r.ratios[c]?.p50)}× | ${n(r.ratios[c]?.p99)}× |`,
    ),
    ``,
  );
  return lines.join("\n");
}
