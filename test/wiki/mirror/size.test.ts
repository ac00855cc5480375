import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MirrorDirectory } from "../../../shared/mirror-json.ts";
import { loadMirrorRecord } from "../../../worker/mirror/job.ts";
import { publicDirectory } from "../../../worker/mirror/render-json.ts";
import { byteLength } from "../../../worker/mirror/split.ts";
import { mirrorBookkeeping } from "../../../worker/storage/mirror.ts";
import { login, startWiki, type WikiClient, type WikiHandle } from "../../../tools/wiki/harness.ts";
import { expectConverged, expectedPages, history, wikiContents } from "../../../tools/wiki/mirror-pages.ts";
import { mirrorConfig, TestRecord, uniquePrefix } from "../../../tools/wiki/mirror-record.ts";

const LIMIT = 16 * 1024;
let wiki: WikiHandle;
let reader: WikiClient;

beforeAll(async () => {
  wiki = await startWiki({ maxArticleSizeKiB: LIMIT / 1024 });
  reader = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
});
afterAll(() => wiki?.stop());

async function bigRecord(partners: number): Promise<TestRecord> {
  const record = await TestRecord.open();
  await record.affiliate("cz");
  for (let i = 0; i < partners; i++) {
    await record.partner(`p-${i}`, `Partner ${String(i).padStart(3, "0")} — Muzeum hlavního města`, {
      summary: "Sbírka fotografií. ".repeat(20),
    });
    if (i % 3 === 0) await record.claim(`p-${i}`, "cz");
  }
  return record;
}

describe("pages over $wgMaxArticleSize (16 KiB on this wiki)", () => {
  it("are split into numbered parts with an index, within the limit, and match the record", async () => {
    const record = await bigRecord(120);
    const config = mirrorConfig(wiki, uniquePrefix("size"));
    const run = await record.run(config);
    expect(run.errors).toEqual([]);
    const pages = await expectedPages(record.db, config, LIMIT);
    const prefix = config.mirror.pagePrefix;
    expect(pages.map((p) => p.title)).toEqual(
      expect.arrayContaining([`${prefix}/1`, `${prefix}/2`, `${prefix}.json/1`, `${prefix}.json/2`]),
    );
    for (const page of pages) expect(byteLength(page.text), page.title).toBeLessThanOrEqual(LIMIT);
    await expectConverged(expect, record.db, config, reader, LIMIT);

    // What the gadget does: read the index, then its parts, and concatenate.
    const contents = await wikiContents(
      reader,
      pages.map((p) => p.title),
    );
    // Plain JSON.parse: the schema's parse would trim texts, as the gadget may.
    const read = (title: string) => JSON.parse(contents[title]!) as MirrorDirectory;
    const index = read(`${prefix}.json`);
    const parts = index.parts.map(read);
    for (const doc of [index, ...parts]) expect(MirrorDirectory.safeParse(doc).success).toBe(true);
    const partners = [index, ...parts].flatMap((d) => d.partners);
    const affiliates = [index, ...parts].flatMap((d) => d.affiliates);
    expect({ partners, affiliates }).toEqual(publicDirectory(await loadMirrorRecord(record.db)));
    expect(contents[prefix]).toContain("[[Category:Content Partnerships Hub directory]]");

    // More partners: more parts, still converging.
    for (let i = 120; i < 150; i++) await record.partner(`p-${i}`, `Partner ${i} added later`);
    expect((await record.run(config)).errors).toEqual([]);
    await expectConverged(expect, record.db, config, reader, LIMIT);
  });

  it("retires the parts a smaller directory no longer needs: once, and never recreates a deleted one", async () => {
    const record = await bigRecord(90);
    const prefix = uniquePrefix("shrink");
    // First split at 8 KiB (more parts), then the limit is raised to the wiki's 16 KiB (fewer).
    const small = mirrorConfig(wiki, prefix, { MIRROR_MAX_PAGE_BYTES: String(8 * 1024) });
    expect((await record.run(small)).errors).toEqual([]);
    const before = (await expectedPages(record.db, small, 8 * 1024)).map((p) => p.title);
    const config = mirrorConfig(wiki, prefix);
    const run = await record.run(config);
    expect(run.errors).toEqual([]);
    const after = new Set((await expectedPages(record.db, config, LIMIT)).map((p) => p.title));
    const gone = before.filter((t) => !after.has(t));
    const json = gone.filter((t) => t.startsWith(`${prefix}.json/`));
    const wikitext = gone.filter((t) => !t.startsWith(`${prefix}.json/`));
    expect(json.length).toBeGreaterThan(0);
    expect(wikitext.length).toBeGreaterThan(0);
    expect(run.edited).toEqual(expect.arrayContaining(gone));
    await expectConverged(expect, record.db, config, reader, LIMIT);

    const contents = await wikiContents(reader, gone);
    for (const t of json) {
      const doc = MirrorDirectory.parse(JSON.parse(contents[t]!));
      expect({ partners: doc.partners, affiliates: doc.affiliates, parts: doc.parts }, t).toEqual({
        partners: [],
        affiliates: [],
        parts: [],
      });
    }
    for (const t of wikitext) {
      const base = t.startsWith(`${prefix}/Claims/`) ? `${prefix}/Claims` : prefix;
      expect(contents[t], t).toBe(`#REDIRECT [[${base}]]`);
    }

    // Retired once: the next run edits nothing; an administrator's deletion is final.
    expect((await record.run(config)).edited).toEqual([]);
    const admin = await login(wiki.apiUrl, wiki.admin.username, wiki.admin.password);
    await admin.post({
      action: "delete",
      title: wikitext[0]!,
      reason: "retired part",
      token: await admin.token("csrf"),
    });
    await record.partner("p-late", "Partner added after the deletion");
    const later = await record.run(config);
    expect(later.errors).toEqual([]);
    expect(later.edited).not.toContain(wikitext[0]);
    expect((await wikiContents(reader, [wikitext[0]!]))[wikitext[0]!]).toBeNull();
  });

  it("recovers from contenttoobig: the run loses nothing, learns the limit, and the next run converges", async () => {
    const record = await bigRecord(60);
    // Configured wrongly: the wiki takes 16 KiB, the mirror is told 64 KiB.
    const config = mirrorConfig(wiki, uniquePrefix("toobig"), { MIRROR_MAX_PAGE_BYTES: String(64 * 1024) });
    const failed = await record.run(config);
    expect(failed.ok).toBe(false);
    expect(failed.errors.map((e) => e.code)).toContain("contenttoobig");
    expect(failed.lastEvent).toBe(0);
    expect((await mirrorBookkeeping(record.db)).pageBytesLimit).toBe(LIMIT);

    const run = await record.run(config);
    expect(run.errors).toEqual([]);
    await expectConverged(expect, record.db, config, reader, LIMIT);
    const [latest] = await history(reader, config.mirror.pagePrefix);
    expect(latest!.comment).toBe("partnerhub mirror: +60 partners, +20 claims, +1 affiliate");
  });
});
