/** What one benchmark run measured, and the medians over repeated runs. */
import { median, percentile, round } from "./stats.ts";

export interface RunResult {
  attempted: number;
  /** Claims the client saw succeed (201, or a saved edit). */
  succeeded: number;
  /** Claims found in the record afterwards (rows of the page, claims of the partners). */
  present: number;
  /** 409 answers, or `editconflict` errors. */
  conflicts: number;
  /** 429 answers: the write limiter refused the claim and said so (Retry-After). Not lost: the client was told. */
  refused: number;
  /** Attempts beyond the first (the wiki's careful clients re-read and retry). */
  retries: number;
  /** Other failures: non-JSON answers, 5xx. */
  errors: number;
  /** Claims a client stopped trying (attempt limit or the run's deadline). */
  gaveUp: number;
  /** HTTP requests made for the claims (a wiki claim is a read and an edit per attempt). */
  requests: number;
  wallMs: number;
  /** Per successful claim, from the first request to success (retries included). */
  latencies: number[];
  /** CPU time used during the run by the system's server processes and by the benchmark's clients (partnerhub only). */
  cpu?: CpuUse;
}

export interface CpuUse {
  serverMs: number;
  clientMs: number;
}

export interface RunSummary {
  throughput: number | null;
  p50: number | null;
  p99: number | null;
  wallMs: number | null;
  succeeded: number;
  /** Claims answered as saved and missing from the record afterwards: lost without anyone being told. */
  lost: number;
  conflicts: number;
  refused: number;
  retries: number;
  errors: number;
  gaveUp: number;
  requests: number;
  /** Server CPU per request (ms): what a claim costs the runtime, beside what the ceiling costs it. */
  serverCpuMs: number | null;
  /** The clients' CPU per request (ms), on the same cores. */
  clientCpuMs: number | null;
}

export function summariseRun(r: RunResult): RunSummary {
  return {
    throughput: round((r.succeeded / r.wallMs) * 1000, 2),
    p50: round(percentile(r.latencies, 50), 1),
    p99: round(percentile(r.latencies, 99), 1),
    wallMs: round(r.wallMs, 0),
    succeeded: r.succeeded,
    lost: Math.max(0, r.succeeded - r.present),
    conflicts: r.conflicts,
    refused: r.refused,
    retries: r.retries,
    errors: r.errors,
    gaveUp: r.gaveUp,
    requests: r.requests,
    serverCpuMs: r.cpu ? round(r.cpu.serverMs / r.requests, 3) : null,
    clientCpuMs: r.cpu ? round(r.cpu.clientMs / r.requests, 3) : null,
  };
}

/** The median of every field over repeated runs. */
export function medianOf(runs: RunSummary[]): RunSummary {
  const keys = Object.keys(runs[0]!) as (keyof RunSummary)[];
  return Object.fromEntries(
    keys.map((k) => [k, round(median(runs.map((r) => r[k] ?? Number.NaN)), 2)]),
  ) as unknown as RunSummary;
}
