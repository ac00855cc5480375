/** Small statistics and the machine's description, for results that say where they were measured. */
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";

/** Nearest-rank percentile (p in 0..100) of unsorted numbers; NaN for none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (xs: readonly number[]) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const round = (x: number, digits = 1) =>
  Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null;

export function machine() {
  const nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  return {
    date: new Date().toISOString(),
    nproc,
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    // The machine may be shared: the load says how busy it was around the runs.
    loadavgAtStart: loadavg().map((x) => round(x, 2)),
  };
}
