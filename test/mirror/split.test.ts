import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MirrorDirectory } from "../../shared/mirror-json.ts";
import { mirrorPartTitle } from "../../shared/mirror-titles.ts";
import { renderDocuments } from "../../worker/mirror/documents.ts";
import { partnerOrder } from "../../worker/mirror/record.ts";
import { byteLength, chunkBySize } from "../../worker/mirror/split.ts";
import { smallRecord } from "../../tools/mirror/fixtures.ts";

const stamp = { event: 7, at: "2026-11-26T09:11:35Z" };

describe("splitting large pages", () => {
  it("counts UTF-8 bytes as TextEncoder does", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => byteLength(s) === new TextEncoder().encode(s).length));
  });

  it("packs items greedily in order within the budget", () => {
    expect(chunkBySize([3, 3, 3, 5, 1], (n) => n, 7)).toEqual([[3, 3], [3], [5, 1]]);
    expect(() => chunkBySize([9], (n) => n, 7)).toThrow(/more than the 7/);
  });

  it("splits every document into parts and an index that fit the limit, deterministically", () => {
    const limit = 16 * 1024;
    const record = smallRecord(300);
    const docs = renderDocuments(record, stamp, {
      prefix: "Hub/Directory",
      category: "Hub",
      gadget: { backendUrl: null, oauthClientId: null },
      limit,
    });
    expect(
      renderDocuments(record, stamp, {
        prefix: "Hub/Directory",
        category: "Hub",
        gadget: { backendUrl: null, oauthClientId: null },
        limit,
      }),
    ).toEqual(docs);
    expect(docs.map((pages) => pages.length > 2)).toEqual([true, true, false]); // 3 claims fit on one page
    for (const pages of docs.slice(0, 2)) {
      for (const p of pages) expect(byteLength(p.text), p.title).toBeLessThanOrEqual(limit);
      const index = pages[pages.length - 1]!;
      for (const [i, p] of pages.slice(0, -1).entries()) expect(p.title).toBe(`${index.title}/${i + 1}`);
    }
    const [json, directory] = docs;
    // The directory index links each part and keeps the mount point and the category.
    const index = directory!.at(-1)!.text;
    expect(index).toContain('<div id="partnerhub-app"></div>');
    expect(index).toContain("[[Category:Hub]]");
    expect(index).toContain("[[:Hub/Directory/1|<nowiki>Part 1</nowiki>]]");
    const rows = directory!.slice(0, -1).flatMap((p) => p.text.match(/^\|- id="partner-[^"]+"/gm) ?? []);
    const ordered = [...record.partners].sort(partnerOrder).map((p) => p.id);
    expect(rows).toEqual(ordered.map((id) => `|- id="partner-${id}"`));
    // JSON: the index names its parts; together they hold every partner once, in order.
    const jsonIndex = MirrorDirectory.parse(JSON.parse(json!.at(-1)!.text));
    expect(jsonIndex.parts).toEqual(json!.slice(0, -1).map((_, i) => mirrorPartTitle("Hub/Directory", i + 1)));
    const partners = json!
      .slice(0, -1)
      .flatMap((p) => MirrorDirectory.parse(JSON.parse(p.text)).partners.map((x) => x.id));
    expect(partners).toEqual(ordered);
  });

  it("splits where the rows say, not where the stamp's length would", () => {
    const record = smallRecord(300);
    const options = {
      prefix: "P",
      category: "Hub",
      gadget: { backendUrl: null, oauthClientId: null },
      limit: 16 * 1024,
    };
    const titles = (s: typeof stamp) =>
      renderDocuments(record, s, options)
        .flat()
        .map((p) => p.title);
    expect(titles({ event: 123456789, at: "2026-11-26T09:11:35Z" })).toEqual(titles(stamp));
  });
});
