import { describe, expect, it } from "vitest";
import { MirrorDirectory } from "../../shared/mirror-json.ts";
import { renderDocuments } from "../../worker/mirror/documents.ts";
import { NEUTRAL_STAMP, type Stamp } from "../../worker/mirror/layout.ts";
import { partnerOrder } from "../../worker/mirror/record.ts";
import { mediaWikiJson } from "../../worker/mirror/render-json.ts";
import { partner, smallRecord } from "../../tools/mirror/fixtures.ts";

const stamp: Stamp = { event: 42, at: "2026-11-26T09:11:35Z" };
const options = {
  prefix: "Hub/Directory",
  category: "Content Partnerships Hub",
  gadget: { backendUrl: null, oauthClientId: null },
  limit: 2 * 1024 * 1024,
};
const render = (record = smallRecord(), s = stamp) => renderDocuments(record, s, options).flat();
const page = (title: string, record = smallRecord()) => render(record).find((p) => p.title === title)!;

describe("rendering the record", () => {
  it("gives the same bytes for the same record, whatever order the storage returned it in", () => {
    const record = smallRecord(30);
    const shuffled = {
      ...record,
      partners: [...record.partners].reverse(),
      claims: [...record.claims].reverse(),
      affiliates: [...record.affiliates].reverse(),
    };
    expect(render(shuffled)).toEqual(render(record));
  });

  it("puts the stamp's time and event in the notice and nowhere else a newer stamp would show", () => {
    const a = render(smallRecord(), stamp);
    const b = render(smallRecord(), { event: 43, at: "2026-11-27T10:00:00Z" });
    for (const [i, p] of a.entries()) {
      const other = b[i]!.text;
      expect(p.text).not.toBe(other);
      const diff = p.text.split("\n").filter((line, n) => line !== other.split("\n")[n]);
      expect(diff.length, p.title).toBeLessThanOrEqual(3); // wikitext: one notice line; JSON: generated and lastEvent
    }
  });

  it("makes the directory page with the notice, the mount point, a sortable table and the category", () => {
    const text = page("Hub/Directory").text;
    expect(text).toContain("'''This page is generated'''");
    expect(text).toContain("Last synced with the record as of 2026-11-26 09:11 UTC (event 42)");
    expect(text).toContain('<div id="partnerhub-app"></div>');
    expect(text).toContain('{| class="wikitable sortable partnerhub-directory"');
    expect(text).toContain(
      "! Partner !! Kind !! Country !! Offers !! Funding !! Status !! Lead affiliate !! Also interested !! Since",
    );
    expect(text.endsWith("[[Category:Content Partnerships Hub]]")).toBe(true);
    expect(text.match(/^\|-/gm)).toHaveLength(5);
    expect(text).toContain("| [[:Wikimedia cz|<nowiki>Wikimedia cz</nowiki>]]");
  });

  it("tells the gadget where the backend is and its OAuth client id, as escaped attributes of the mount point", () => {
    const withGadget = {
      ...options,
      gadget: { backendUrl: "https://partnerhub.toolforge.org", oauthClientId: "0123abcd" },
    };
    const text = renderDocuments(smallRecord(), stamp, withGadget)
      .flat()
      .find((p) => p.title === "Hub/Directory")!.text;
    expect(text).toContain(
      '<div id="partnerhub-app" data-backend="https://partnerhub.toolforge.org" data-oauth-client-id="0123abcd"></div>',
    );
    const hostile = { ...options, gadget: { backendUrl: 'https://x.org/"><script>', oauthClientId: null } };
    const escaped = renderDocuments(smallRecord(), stamp, hostile)
      .flat()
      .find((p) => p.title === "Hub/Directory")!.text;
    expect(escaped).toContain('data-backend="https://x.org/&quot;&gt;&lt;script&gt;"');
  });

  it("lists claims with stage and date, and highlights stale leads", () => {
    const text = page("Hub/Directory/Claims").text;
    expect(text.match(/^\|-/gm)).toHaveLength(3);
    expect(text).toMatch(/\|- id="claim-1" class="partnerhub-stale" style="[^"]+"\n/);
    expect(text).toContain("| Lead — '''stale''' since 2026-05-05");
    expect(text).toContain("| Contacted\n| <nowiki>Met them</nowiki>\n| —\n| 2026-03-05");
    expect(text).not.toContain("[[Category:");
  });

  it("names countries and links claimants as the gadget does, and marks stale rows legibly in night mode", () => {
    const directory = page("Hub/Directory").text;
    expect(directory).toContain("\n| <nowiki>Germany</nowiki>\n");
    expect(directory).not.toMatch(/^\| DE$/m);
    expect(directory).toContain("| Seeking funding\n");
    const claims = page("Hub/Directory/Claims").text;
    expect(claims).toContain("| [[:User:Rep cz|<nowiki>Rep cz</nowiki>]]");
    expect(claims).not.toMatch(/background/);
  });

  it("shows a handed-over claim as handed over, and the reasons given", () => {
    const record = smallRecord();
    const [, , third] = record.claims;
    record.claims = [
      { ...record.claims[0]!, status: "released", staleSince: null },
      record.claims[1]!,
      { ...third!, status: "declined" },
    ];
    record.outcomes = new Map([
      [1, { reason: "no progress for a year", handedOverTo: "de" }],
      [3, { reason: "[[Category:Spam]] out of scope", handedOverTo: null }],
    ]);
    const text = page("Hub/Directory/Claims", record).text;
    expect(text).toMatch(/\| Handed over to \[\[:[^|\]]+\|<nowiki>[^<]*de[^<]*<\/nowiki>\]\]\n/i);
    expect(text).toContain("| <nowiki>no progress for a year</nowiki>\n");
    expect(text).toContain("| Declined\n");
    expect(text).toContain("<nowiki>[[Category:Spam]] out of scope</nowiki>");
    expect(text).not.toContain("\n| Released\n");
  });

  it("writes the JSON page in the public shape, with verified representatives only", () => {
    const doc = MirrorDirectory.parse(JSON.parse(page("Hub/Directory.json").text));
    expect(doc.generated).toBe(stamp.at);
    expect(doc.lastEvent).toBe(42);
    expect(doc.parts).toEqual([]);
    expect(doc.partners.map((p) => p.id)).toEqual([...smallRecord().partners].sort(partnerOrder).map((p) => p.id));
    expect(doc.affiliates.flatMap((a) => a.representatives.map((r) => r.status))).toEqual(["verified", "verified"]);
  });

  it("never shows a private field, even one that slipped into a partner object", () => {
    const leaky = {
      ...partner(1),
      contact_email: "secret@example.org",
      notes: "SECRET NOTE",
      contact: { name: "Ms Secret" },
    };
    const record = { ...smallRecord(), partners: [leaky as never] };
    const all = render(record)
      .map((p) => p.text)
      .join("\n");
    expect(all).not.toMatch(/secret/i);
  });

  it("writes JSON the way MediaWiki stores it (tabs, \\u003C for <)", () => {
    expect(mediaWikiJson({ a: ["<b>&"], b: {} })).toBe('{\n\t"a": [\n\t\t"\\u003Cb\\u003E\\u0026"\n\t],\n\t"b": {}\n}');
  });

  it("renders an empty record", () => {
    const pages = render({ partners: [], claims: [], affiliates: [] }, NEUTRAL_STAMP);
    expect(pages.map((p) => p.title)).toEqual(["Hub/Directory.json", "Hub/Directory", "Hub/Directory/Claims"]);
    expect(pages[1]!.text).toContain("No partners have been referred yet.");
  });
});
