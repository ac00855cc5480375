/**
 * Writes the demo directory as SQL. `node scripts/seed.ts [--partners N] [--seed S] [--now ISO] [--out FILE]`
 * (for benchmarks: --partners 5000 or 10000; the same arguments give the same file).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { demoSeedSql } from "../worker/storage/seed/demo.ts";

const { values } = parseArgs({
  options: {
    partners: { type: "string", default: "120" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
    now: { type: "string", default: "2026-11-20T12:00:00Z" },
  },
});
const sql =
  demoSeedSql({ partners: Number(values.partners), seed: Number(values.seed), now: new Date(values.now) }).join("\n") +
  "\n";
if (values.out) writeFileSync(values.out, sql);
else process.stdout.write(sql);
