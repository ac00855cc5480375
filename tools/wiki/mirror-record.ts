// A record for the mirror's wiki tests: the real migrations on node:sqlite, or on D1 (workerd's own,
// through wrangler's platform proxy) when MIRROR_TEST_STORAGE=d1 (the "wiki-d1" project), written
// through the storage layer (so every change has its event), plus a mirror configuration for a test wiki.
import { randomBytes } from "node:crypto";
import { readD1Migrations } from "@cloudflare/vitest-plugin";
import { getPlatformProxy } from "wrangler";
import { readConfig, type Config } from "../../worker/config.ts";
import { runMirrorJob, type MirrorJobOptions, type MirrorRunResult } from "../../worker/mirror/job.ts";
import { migrate, MIGRATIONS_DIR } from "../../worker/node/migrate.ts";
import { openSqlite, type NodeSqlDatabase } from "../../worker/node/sqlite.ts";
import { insertAffiliate, verifyRepresentative } from "../../worker/storage/affiliates.ts";
import { acceptClaim, insertClaim, progressClaim } from "../../worker/storage/claims.ts";
import { commit } from "../../worker/storage/commit.ts";
import type { SqlDatabase, SqlStatement } from "../../worker/storage/db.ts";
import { insertPartner } from "../../worker/storage/partners.ts";
import type { WikiInfo } from "./harness.ts";

/** The D1 proxies opened so far (one workerd each); d1-setup.ts stops them when a test file is done. */
const proxies: Array<{ dispose(): Promise<void> }> = [];
export async function disposeD1Records(): Promise<void> {
  await Promise.all(proxies.splice(0).map((p) => p.dispose()));
}

async function openNodeSqlite(): Promise<NodeSqlDatabase> {
  const db = openSqlite(":memory:");
  await migrate(db);
  return db;
}

/** A fresh, migrated database of the storage under test. */
async function openStorage(): Promise<SqlDatabase> {
  if (process.env.MIRROR_TEST_STORAGE !== "d1") return openNodeSqlite();
  const proxy = await getPlatformProxy<{ DB: SqlDatabase }>({ configPath: "wrangler.toml", persist: false });
  proxies.push(proxy);
  const db = proxy.env.DB;
  // As `wrangler d1 migrations apply` does: each migration's statements in one batch.
  for (const m of await readD1Migrations(MIGRATIONS_DIR)) await db.batch(m.queries.map((q) => db.prepare(q)));
  return db;
}

export class TestRecord {
  private clock = Date.parse("2026-06-01T00:00:00Z");
  readonly db: SqlDatabase;
  private constructor(db: SqlDatabase) {
    this.db = db;
  }

  /** A record on the storage under test (node:sqlite, or D1 in the wiki-d1 project). */
  static async open(): Promise<TestRecord> {
    return new TestRecord(await openStorage());
  }

  /** A record on node:sqlite whatever the project (the benchmarks seed it with plain SQL). */
  static async openSqlite(): Promise<TestRecord & { db: NodeSqlDatabase }> {
    return new TestRecord(await openNodeSqlite()) as TestRecord & { db: NodeSqlDatabase };
  }

  /** A later time for every change, so events and pages have distinct, ordered times. */
  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private async must(statements: SqlStatement[]): Promise<number> {
    const result = await commit(this.db, statements);
    if (!result.ok) throw new Error(`test record change refused: ${JSON.stringify(result)}`);
    return result.lastRowId;
  }

  async affiliate(id: string, name = `Wikimedia ${id}`, wikiPage = `Wikimedia ${id}`): Promise<void> {
    const at = this.tick();
    const fields = { name, kind: "chapter", wikiPage, countries: ["CZ"], languages: ["cs"], capabilities: ["images"] };
    await this.must(
      insertAffiliate(this.db, id, fields, at, { at, actor: "Coord One", type: "affiliate.created", affiliate: id }),
    );
  }

  async representative(affiliate: string, user: string): Promise<void> {
    const at = this.tick();
    await this.must(
      verifyRepresentative(this.db, affiliate, user, "Coord One", at, {
        at,
        actor: "Coord One",
        type: "representative.verified",
        affiliate,
      }),
    );
  }

  async partner(id: string, name: string, over: { wikidata?: string | null; summary?: string } = {}): Promise<void> {
    const at = this.tick();
    await this.must(
      insertPartner(
        this.db,
        {
          id,
          name,
          wikidata: over.wikidata ?? null,
          website: null,
          kind: "museum",
          country: "DE",
          languages: ["de"],
          offers: ["images"],
          projects: ["commons"],
          funding: "seeking_funding",
          summary: over.summary ?? "",
          asks: [],
          links: [],
          referredBy: "Referrer",
          referredFor: null,
          contact: { name: "Private Contact", email: "private@example.org", notes: "PRIVATE NOTES" },
          at,
        },
        { at, actor: "Referrer", type: "partner.referred", partner: id },
      ),
    );
  }

  /** A claim; returns its id. */
  async claim(partner: string, affiliate: string, user = "Rep One"): Promise<number> {
    const at = this.tick();
    const c = { partner, affiliate, user, message: "We can take this partner", verified: true, at };
    return this.must(insertClaim(this.db, c, { at, actor: user, type: "claim.created", partner, affiliate }));
  }

  async accept(claim: number, partner: string): Promise<void> {
    const at = this.tick();
    await this.must(
      acceptClaim(this.db, claim, 1, at, { at, actor: "Coord One", type: "claim.accepted", partner, claim }),
    );
  }

  async progress(claim: number, partner: string, note: string): Promise<void> {
    const at = this.tick();
    await this.must(
      progressClaim(this.db, claim, 2, "contacted", note, at, {
        at,
        actor: "Rep One",
        type: "claim.progressed",
        partner,
        claim,
      }),
    );
  }

  /** Runs the mirror at a fixed clock; retries do not really wait. */
  run(config: Config, options: MirrorJobOptions = {}): Promise<MirrorRunResult> {
    const now = () => new Date(this.clock + 1000);
    return runMirrorJob(
      { db: this.db, config, now },
      { ...options, clientOptions: { sleep: async () => {}, maxRetries: 2, ...options.clientOptions } },
    );
  }
}

/** The backend's configuration for a mirror that writes under `prefix` on the test wiki. */
export function mirrorConfig(
  wiki: Pick<WikiInfo, "scriptUrl" | "bot">,
  prefix: string,
  extra: Record<string, string> = {},
): Config {
  return readConfig({
    SESSION_SECRET: randomBytes(32).toString("hex"),
    WIKI_SCRIPT_URL: wiki.scriptUrl,
    MIRROR_PAGE_PREFIX: prefix,
    MIRROR_BOT_USERNAME: wiki.bot.botUsername,
    MIRROR_BOT_PASSWORD: wiki.bot.botPassword,
    ...extra,
  });
}

/** A page prefix no other test (or earlier run on a persistent wiki) has used. */
export const uniquePrefix = (name: string) =>
  `Hub test ${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}/Directory`;
