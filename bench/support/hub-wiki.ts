// The pieces the directory, mirror and weight benchmarks share: a local test wiki, the real
// gadget installed on it by the real deploy script, and the demo directory published on it by
// the real mirror job from a fresh SQLite database.
export { buildGadget, deployGadget } from "../../scripts/lib/gadget-install.ts";
import { demoSeedSql } from "../../worker/storage/seed/demo.ts";
import { apiGet, startWiki, type StartOptions, type WikiHandle } from "../../tools/wiki/harness.ts";
import { mirrorConfig, TestRecord } from "../../tools/wiki/mirror-record.ts";
import type { Config } from "../../worker/config.ts";
import type { MirrorRunResult } from "../../worker/mirror/job.ts";

export { ROOT } from "../../scripts/lib/wrangler.ts";
/** Meta-Wiki's `$wgMaxArticleSize`: the mirror splits at this size, as it would in production. */
export const META_PAGE_BYTES = 2048 * 1024;

export async function benchWiki(options: StartOptions = {}): Promise<WikiHandle & { version: string }> {
  const wiki = await startWiki(options);
  const si = await apiGet(wiki.apiUrl, { action: "query", meta: "siteinfo" });
  const version = String((si.query as { general: { generator: string } }).general.generator).replace(/^MediaWiki /, "");
  return { ...wiki, version };
}

/** A fresh in-memory database with the migrations and `demoSeedSql({partners})`. */
export async function seededRecord(partners: number): Promise<TestRecord> {
  const record = await TestRecord.openSqlite();
  record.db.transaction(() => {
    for (const sql of demoSeedSql({ partners })) record.db.exec(sql);
  });
  return record;
}

export interface Publication {
  record: TestRecord;
  config: Config;
  run: MirrorRunResult;
  ms: number;
}

/** Seeds `partners` and runs the mirror job once under `prefix`, splitting pages at Meta's limit. */
export async function publish(wiki: WikiHandle, partners: number, prefix: string): Promise<Publication> {
  const record = await seededRecord(partners);
  const config = mirrorConfig(wiki, prefix, { MIRROR_MAX_PAGE_BYTES: String(META_PAGE_BYTES) });
  const t0 = performance.now();
  // A 2 MiB page can take the busy test wiki longer than the client's default 30 s to save.
  const run = await record.run(config, { clientOptions: { timeoutMs: 120_000 } });
  const ms = performance.now() - t0;
  if (!run.ok) throw new Error(`mirror run failed: ${JSON.stringify(run.errors)}`);
  return { record, config, run, ms };
}
