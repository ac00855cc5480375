// What every benchmark of this folder records beside its numbers: the machine, and medians.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";

export const RESULTS_DIR = join(import.meta.dirname, "..", "results");

export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  memoryGiB: number;
  /** 1, 5 and 15-minute load averages when the results were written: other work on the machine skews times. */
  loadAverage: number[];
  node: string;
  chromium?: string;
  mediawiki?: string;
  commit: string;
}

export function machine(extra: Partial<Machine> = {}): Machine {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    // not a checkout
  }
  return {
    date: new Date().toISOString(),
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    node: process.version,
    commit,
    ...extra,
  };
}

/** The median of repeated runs (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The `p`th percentile (nearest rank): the smallest value that at least p % of the values do not exceed. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** "12.3 ms" style cells; "—" where there is nothing to measure. */
export const ms = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? "—" : `${round(n)} ms`;
export const ratio = (ours: number | null, theirs: number | null) =>
  ours === null || theirs === null || !ours || !theirs
    ? "—"
    : theirs >= ours
      ? `${round(theirs / ours)}× faster`
      : `${round(ours / theirs)}× slower`;

export function machineLines(m: Machine): string {
  const parts = [`${m.nproc} × ${m.cpu}`, `${m.memoryGiB} GiB`, `Node ${m.node}`];
  if (m.chromium) parts.push(`Chromium ${m.chromium}`);
  if (m.mediawiki) parts.push(`MediaWiki ${m.mediawiki}`);
  return `Machine: ${parts.join(", ")}; load average ${m.loadAverage.join(" / ")} at the end. Date: ${m.date}. Commit: ${m.commit}.`;
}

export function table(head: string[], rows: Array<Array<string | number>>): string {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** bench/results/NAME.json (everything, raw runs included) and NAME.md (the tables). */
export function writeResults(name: string, data: unknown, markdown: string): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.json`), JSON.stringify(data, null, 2) + "\n");
  writeFileSync(join(RESULTS_DIR, `${name}.md`), markdown.trimEnd() + "\n");
  console.log(`wrote bench/results/${name}.json and .md`);
}
