/**
 * partnerhub's side of the claims benchmark: the backend under `wrangler dev`
 * on loopback with a fresh local D1 (migrated, demo directory seeded), and
 * clients that each say "we can take this partner" for their own affiliate.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDevVars, migrateLocal, seedLocal } from "../../scripts/lib/local-db.ts";
import { spawnWrangler, stopGroup, waitFor } from "../../scripts/lib/wrangler.ts";
import { freePort } from "../../tools/wiki/harness.ts";
import type { RunResult } from "./run.ts";

const COORDINATOR = "Hub Coordinator"; // COORDINATORS in wrangler.toml

export interface Backend {
  api: string;
  stop(): void;
}

export async function startBackend(partners: number): Promise<Backend> {
  const persist = mkdtempSync(join(tmpdir(), "partnerhub-bench-d1-"));
  ensureDevVars();
  migrateLocal(persist);
  seedLocal(partners, persist);
  const port = await freePort();
  // The per-user write limit (30 a minute by default) would measure the limiter, not the claims;
  // a high limit keeps its cost (one D1 write per request) in the figures.
  const child = spawnWrangler([
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--persist-to",
    persist,
    "--var",
    "WRITES_PER_MINUTE:1000000",
    "--show-interactive-dev-session=false",
  ]);
  const api = `http://127.0.0.1:${port}/api/v1`;
  try {
    await waitFor(`${api}/health`, 90_000, child);
  } catch (error) {
    stopGroup(child);
    throw error;
  }
  return {
    api,
    stop() {
      stopGroup(child);
      rmSync(persist, { recursive: true, force: true });
    },
  };
}

async function post(url: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function session(api: string, username: string): Promise<string> {
  const r = await post(`${api}/session/dev`, { username });
  if (r.status !== 200) throw new Error(`dev session for ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

/** Partners that take claims (open or matched), in directory order. */
export async function claimablePartners(api: string, n: number): Promise<string[]> {
  const res = await fetch(`${api}/partners?status=open,matched&limit=${n}`);
  const { partners } = (await res.json()) as { partners: { id: string }[] };
  if (partners.length < n) throw new Error(`only ${partners.length} claimable partners, need ${n}`);
  return partners.map((p) => p.id);
}

/**
 * One run: `clients` clients, each with its own dev session and a new affiliate, make
 * `claims` claims between them on `partners` (client j's k-th claim is on partner k, so
 * the affiliates of a run all claim the same few partners at once). Setup is not timed.
 */
export async function runPartnerhub(
  api: string,
  runId: string,
  clients: number,
  claims: number,
  partners: string[],
): Promise<RunResult> {
  const coord = await session(api, COORDINATOR);
  const perClient = claims / clients;
  const cs = await Promise.all(
    Array.from({ length: clients }, async (_, j) => {
      const affiliate = `bench-${runId}-${j}`;
      const made = await post(
        `${api}/affiliates`,
        { id: affiliate, name: `Bench ${runId} ${j}`, kind: "user_group", wikiPage: `Bench ${runId} ${j}` },
        coord,
      );
      if (made.status !== 201) throw new Error(`affiliate ${affiliate}: ${made.status} ${JSON.stringify(made.body)}`);
      return { affiliate, token: await session(api, `Bench ${runId} ${j}`) };
    }),
  );
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const started = performance.now();
  await Promise.all(
    cs.map(async (c) => {
      for (let k = 0; k < perClient; k++) {
        const t0 = performance.now();
        const r = await post(
          `${api}/partners/${partners[k]}/claims`,
          { affiliate: c.affiliate, message: "We can take this partner" },
          c.token,
        );
        if (r.status === 201) latencies.push(performance.now() - t0);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    }),
  );
  const wallMs = performance.now() - started;
  // Lost claims: a claim answered 201 must be in the partner's record afterwards.
  const mine = new Set(cs.map((c) => c.affiliate));
  let present = 0;
  for (const p of partners.slice(0, perClient)) {
    const detail = (await (await fetch(`${api}/partners/${p}`)).json()) as { claims: { affiliate: string }[] };
    present += detail.claims.filter((c) => mine.has(c.affiliate)).length;
  }
  return {
    attempted: claims,
    succeeded: statuses[201] ?? 0,
    present,
    lost: claims - present,
    conflicts: statuses[409] ?? 0,
    retries: 0,
    errors: claims - (statuses[201] ?? 0) - (statuses[409] ?? 0),
    gaveUp: 0,
    requests: claims,
    wallMs,
    latencies,
  };
}
