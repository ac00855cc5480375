/**
 * Writes the demo directory as SQL. `node scripts/seed.ts [--partners N] [--seed S] [--out FILE]`
 * (for benchmarks: --partners 5000 or 10000; the same arguments give the same file).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { demoSeedSql } from "./seed/demo.ts";

const { values } = parseArgs({
  options: {
    partners: { type: "string", default: "120" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
  },
});
const sql = demoSeedSql({ partners: Number(values.partners), seed: Number(values.seed) }).join("\n") + "\n";
if (values.out) writeFileSync(values.out, sql);
else process.stdout.write(sql);
