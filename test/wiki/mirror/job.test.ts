import { beforeAll, describe, expect, inject, it } from "vitest";
import { MirrorDirectory } from "../../../shared/mirror-json.ts";
import { mirrorStatus } from "../../../worker/storage/mirror.ts";
import { latestEventSeq } from "../../../worker/storage/events.ts";
import { publicDirectory } from "../../../worker/mirror/render-json.ts";
import { loadMirrorRecord } from "../../../worker/mirror/job.ts";
import { apiGet, attachWiki, login, type WikiClient } from "../../../tools/wiki/harness.ts";
import { expectedPages, history, wikiContents } from "../../../tools/wiki/mirror-pages.ts";
import { mirrorConfig, TestRecord, uniquePrefix } from "../../../tools/wiki/mirror-record.ts";

const wiki = attachWiki(inject("wiki"));
let reader: WikiClient;
let limit: number;

beforeAll(async () => {
  reader = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
  const si = await apiGet(wiki.apiUrl, { action: "query", meta: "siteinfo" });
  limit = (si.query as { general: { maxarticlesize: number } }).general.maxarticlesize;
});

describe("the mirror against a real MediaWiki", () => {
  it("turns a burst of 1,000 claims into one edit per page, and the pages match the record exactly", async () => {
    const record = await TestRecord.open();
    const config = mirrorConfig(wiki, uniquePrefix("burst"));
    for (let a = 0; a < 20; a++) await record.affiliate(`aff-${a}`, `Affiliate ${a}`);
    await record.representative("aff-0", "Rep Zero");
    for (let p = 0; p < 50; p++) await record.partner(`partner-${p}`, `Partner ${p}`, { wikidata: `Q${100 + p}` });
    const first = await record.run(config);
    expect(first.errors).toEqual([]);

    const started = Date.now();
    const leads: Array<[number, string]> = [];
    for (let p = 0; p < 50; p++) {
      for (let a = 0; a < 20; a++) {
        const id = await record.claim(`partner-${p}`, `aff-${a}`);
        if (a === p % 20 && p % 5 === 0) leads.push([id, `partner-${p}`]);
      }
    }
    for (const [id, partner] of leads) await record.accept(id, partner);
    const before = Object.fromEntries(
      await Promise.all(first.edited.map(async (t) => [t, (await history(reader, t)).length] as const)),
    );

    const run = await record.run(config);
    const ms = Date.now() - started;
    expect(run.errors).toEqual([]);
    expect(run.lastEvent).toBe(await latestEventSeq(record.db));
    const pages = await expectedPages(record.db, config, limit);
    expect(pages.map((p) => p.title).sort()).toEqual([...run.edited].sort());
    for (const page of pages) {
      const revisions = await history(reader, page.title);
      expect(revisions.length - (before[page.title] ?? 0), page.title).toBe(1);
      expect(revisions[0]!.user).toBe("Bot");
      expect(revisions[0]!.comment).toBe(`partnerhub mirror: +1000 claims, ${leads.length} partners matched`);
    }
    const contents = await wikiContents(
      reader,
      pages.map((p) => p.title),
    );
    for (const page of pages) expect(contents[page.title], page.title).toBe(page.text);
    // The gadget's view: the JSON page is exactly the public record.
    const json = MirrorDirectory.parse(JSON.parse(contents[`${config.mirror.pagePrefix}.json`]!));
    expect({ partners: json.partners, affiliates: json.affiliates }).toEqual(
      publicDirectory(await loadMirrorRecord(record.db)),
    );
    expect(JSON.stringify(json)).not.toMatch(/private/i);
    console.log(`burst: 1,000 claims written and mirrored in ${ms} ms`);
  });

  it("edits nothing when nothing changed, and only the pages a change touches", async () => {
    const record = await TestRecord.open();
    const config = mirrorConfig(wiki, uniquePrefix("quiet"));
    await record.affiliate("cz");
    await record.affiliate("de");
    await record.partner("museum-a", "Museum A");
    await record.claim("museum-a", "cz");
    expect((await record.run(config)).edited).toHaveLength(3);
    expect(await record.run(config)).toMatchObject({ ok: true, edited: [] });

    // A verified representative changes only the JSON page (the tables do not show representatives).
    await record.representative("cz", "Rep Cz");
    expect((await record.run(config)).edited).toEqual([`${config.mirror.pagePrefix}.json`]);

    const status = await mirrorStatus(record.db, true);
    expect(status).toMatchObject({ lag: 0, errors: [] });
    expect(status.pages.map((p) => p.title).sort()).toEqual(
      [config.mirror.pagePrefix, `${config.mirror.pagePrefix}.json`, `${config.mirror.pagePrefix}/Claims`].sort(),
    );
    expect(status.pages.every((p) => p.revid !== null && !p.overwroteHumanEdit)).toBe(true);
  });

  it("replaces a person's edit with the record, says so in the summary and in the status", async () => {
    const record = await TestRecord.open();
    const config = mirrorConfig(wiki, uniquePrefix("human"));
    await record.affiliate("cz");
    await record.partner("museum-a", "Museum A");
    await record.run(config);
    const title = config.mirror.pagePrefix;
    const admin = await login(wiki.apiUrl, wiki.admin.username, wiki.admin.password);
    const human = await admin.edit(title, "Replaced by a person", "my version");

    await record.claim("museum-a", "cz");
    const run = await record.run(config);
    expect(run.overwrote).toEqual([title]);
    const [latest] = await history(reader, title);
    expect(latest!.comment).toContain(`+1 claim; replaced an edit by Admin (revision ${human.newrevid})`);
    const page = (await expectedPages(record.db, config, limit)).find((p) => p.title === title)!;
    expect((await reader.readPage(title))!.content).toBe(page.text);
    const status = await mirrorStatus(record.db, true);
    expect(status.pages.find((p) => p.title === title)!.overwroteHumanEdit).toBe(true);
  });
});
