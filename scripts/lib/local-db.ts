/** The local D1 that `wrangler dev` uses: migrate it, and seed it once with the demo directory. */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { demoSeedSql, seedDay } from "../../worker/storage/seed/demo.ts";
import { ROOT, wrangler } from "./wrangler.ts";

export function ensureDevVars(): void {
  const file = join(ROOT, ".dev.vars");
  if (existsSync(file)) return;
  writeFileSync(file, `# Written by npm start; not committed.\nSESSION_SECRET=${randomBytes(32).toString("hex")}\n`, {
    mode: 0o600,
  });
}

export function migrateLocal(persistTo?: string): void {
  wrangler(["d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", persistTo] : [])]);
}

export function partnerCount(persistTo?: string): number {
  const out = wrangler([
    "d1",
    "execute",
    "DB",
    "--local",
    ...(persistTo ? ["--persist-to", persistTo] : []),
    "--json",
    "--command",
    "SELECT count(*) AS n FROM partner",
  ]);
  const parsed = JSON.parse(out) as { results: { n: number }[] }[];
  return parsed[0]?.results[0]?.n ?? 0;
}

/** Seeds the demo directory if the local database has no partners yet. */
export function seedLocal(partners: number, persistTo?: string): boolean {
  if (partnerCount(persistTo) > 0) return false;
  const dir = join(ROOT, ".wrangler");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `seed-${partners}.sql`);
  writeFileSync(file, demoSeedSql({ partners, now: seedDay() }).join("\n") + "\n");
  wrangler(["d1", "execute", "DB", "--local", ...(persistTo ? ["--persist-to", persistTo] : []), "--file", file]);
  return true;
}
