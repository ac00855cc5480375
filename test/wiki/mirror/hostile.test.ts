import { Window } from "happy-dom";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { isSafeLinkTarget, userLink } from "../../../worker/mirror/escape.ts";
import { loadMirrorRecord } from "../../../worker/mirror/job.ts";
import { partnerOrder } from "../../../worker/mirror/record.ts";
import { apiGet, attachWiki, login, type WikiClient } from "../../../tools/wiki/harness.ts";
import { HOSTILE_STRINGS } from "./hostile-strings.ts";
import { expectedPages, wikiContents } from "../../../tools/wiki/mirror-pages.ts";
import { mirrorConfig, TestRecord, uniquePrefix } from "../../../tools/wiki/mirror-record.ts";

const wiki = attachWiki(inject("wiki"));
const AFFILIATES = 12;

/** What a reader should see in a cell for what the user typed (control characters shown as U+FFFD). */
const shown = (s: string) =>
  s
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, "\uFFFD")
    .trim();

/** Title as MediaWiki normalises it: spaces for underscores, one space, first letter upper-case. */
const normalTitle = (t: string) => {
  const s = t.replace(/_/g, " ").replace(/ +/g, " ").trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
};

interface Parsed {
  text: string;
  categories: Array<{ category: string }>;
  links: Array<{ title: string }>;
  templates: unknown[];
  externallinks: string[];
  images: unknown[];
  sections: unknown[];
  langlinks: unknown[];
  iwlinks: unknown[];
  properties: Record<string, unknown> | unknown[];
}

async function parsePage(client: WikiClient, page: string): Promise<Parsed> {
  const answer = await client.get({
    action: "parse",
    page,
    prop: "text|categories|links|templates|externallinks|images|sections|langlinks|iwlinks|properties",
  });
  return answer.parse as Parsed;
}

/** A table cell's text as a reader sees it, line breaks included; fails on any element but br, a, b. */
function cellText(cell: Element): string {
  for (const el of cell.querySelectorAll("*")) expect(["BR", "A", "B"], el.outerHTML).toContain(el.tagName);
  const copy = cell.cloneNode(true) as Element;
  for (const br of copy.querySelectorAll("br")) br.replaceWith("\n");
  return (copy.textContent ?? "").trim();
}

function table(html: string, cls: string, columns = 9): Element[][] {
  const { document } = new Window();
  document.body.innerHTML = html;
  const tables = document.querySelectorAll("table");
  expect(tables.length).toBe(1); // no table opened or closed by user text
  expect(tables[0]!.className).toContain(cls);
  const rows = [...tables[0]!.querySelectorAll("tr")];
  expect([...rows[0]!.children].map((c) => c.tagName)).toEqual(Array(columns).fill("TH"));
  return rows.slice(1).map((r) => [...r.children] as unknown as Element[]);
}

describe("hostile strings through the real parser", () => {
  let reader: WikiClient;
  let record: TestRecord;
  let config: ReturnType<typeof mirrorConfig>;
  let allowedLinks: Set<string>;
  /** Claimants' user pages, as the claims page links them (first letter's case left to MediaWiki). */
  let userPages: Set<string>;

  beforeAll(async () => {
    reader = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
    record = await TestRecord.open();
    config = mirrorConfig(wiki, uniquePrefix("hostile"));
    const h = HOSTILE_STRINGS;
    const pages: string[] = [];
    for (let a = 0; a < AFFILIATES; a++) {
      // Every other affiliate has a hostile wiki page: it must come out as text, not a link.
      const page = a % 2 === 0 ? `Wikimedia affiliate ${a}` : h[(a * 41) % h.length]!;
      pages.push(page);
      await record.affiliate(`aff-${a}`, h[(a * 31) % h.length]!, page);
    }
    for (const [i, name] of h.entries())
      await record.partner(`h-${i}`, name, { wikidata: i % 50 === 0 ? `Q${i + 1}` : null, summary: name });
    for (const [i] of h.entries()) {
      const claim = await record.claim(`h-${i}`, `aff-${i % AFFILIATES}`, h[(i + 7) % h.length]!);
      if (i % 5 === 0) {
        await record.accept(claim, `h-${i}`);
        await record.progress(claim, `h-${i}`, h[(i + 1) % h.length]!);
      }
    }
    allowedLinks = new Set(
      [config.mirror.pagePrefix, `${config.mirror.pagePrefix}.json`, ...pages.filter(isSafeLinkTarget)].map(
        normalTitle,
      ),
    );
    const run = await record.run(config);
    expect(run.errors).toEqual([]);
    const claimants = (await loadMirrorRecord(record.db)).claims.map((c) => c.claimedBy);
    userPages = new Set(claimants.filter((n) => userLink(n).startsWith("[[")).map((n) => normalTitle(n).toLowerCase()));
  });

  it(`uses ${HOSTILE_STRINGS.length} strings`, () => {
    expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(200);
  });

  it("saves exactly the wikitext the mirror rendered (pre-save transform expanded no signature or subst)", async () => {
    const si = await apiGet(wiki.apiUrl, { action: "query", meta: "siteinfo" });
    const limit = (si.query as { general: { maxarticlesize: number } }).general.maxarticlesize;
    const pages = await expectedPages(record.db, config, limit);
    const contents = await wikiContents(
      reader,
      pages.map((p) => p.title),
    );
    for (const page of pages) expect(contents[page.title], page.title).toBe(page.text);
  });

  for (const which of ["directory", "claims"] as const) {
    it(`adds no category, template, link, file, section or magic word to the ${which} page`, async () => {
      const title = which === "directory" ? config.mirror.pagePrefix : `${config.mirror.pagePrefix}/Claims`;
      const parsed = await parsePage(reader, title);
      expect(parsed.categories.map((c) => c.category)).toEqual(
        which === "directory" ? ["Content_Partnerships_Hub_directory"] : [],
      );
      expect(parsed.templates).toEqual([]);
      expect(parsed.images).toEqual([]);
      expect(parsed.sections).toEqual([]);
      expect(parsed.langlinks).toEqual([]);
      expect(parsed.iwlinks).toEqual([]);
      expect(Object.keys(parsed.properties ?? {})).toEqual([]);
      for (const link of parsed.links) {
        if (which === "claims" && link.title.startsWith("User:"))
          expect(userPages, link.title).toContain(normalTitle(link.title.slice(5)).toLowerCase());
        else expect(allowedLinks, link.title).toContain(normalTitle(link.title));
      }
      for (const url of parsed.externallinks) expect(url).toMatch(/^https:\/\/www\.wikidata\.org\/wiki\/Q\d+$/);
      expect(parsed.text).not.toMatch(/<(script|style|img|pre|h[1-6]|ref|gallery|math|iframe)\b/i);
      expect(parsed.text).not.toContain("User:Bot");
    });
  }

  it("keeps the directory table's exact rows and cells, each showing what the user typed", async () => {
    const html = (await parsePage(reader, config.mirror.pagePrefix)).text;
    const rows = table(html, "partnerhub-directory");
    const mirrored = await loadMirrorRecord(record.db);
    const partners = [...mirrored.partners].sort(partnerOrder);
    // Each row carries its partner's id through MediaWiki's sanitizer, for the gadget to take the rows over.
    const { document } = new Window();
    document.body.innerHTML = html;
    const ids = [...document.querySelectorAll("table.partnerhub-directory tr")]
      .slice(1)
      .map((tr) => tr.getAttribute("data-partner"));
    expect(ids).toEqual(partners.map((p) => p.id));
    const names = new Map(mirrored.affiliates.map((a) => [a.id, a.name]));
    expect(rows).toHaveLength(HOSTILE_STRINGS.length);
    for (const [i, cells] of rows.entries()) {
      const p = partners[i]!;
      expect(cells.length, p.id).toBe(9);
      const [name, , , , , status, lead] = cells.map(cellText);
      expect(name!.replace(/ \(Q\d+\)$/, "").trim(), p.id).toBe(shown(p.name));
      expect(status).toBe(p.status === "matched" ? "Matched" : "Open");
      expect(lead).toBe(p.lead ? shown(names.get(p.lead.affiliate)!) : "—");
    }
  });

  it("keeps the claims table's exact rows and cells", async () => {
    const rows = table((await parsePage(reader, `${config.mirror.pagePrefix}/Claims`)).text, "partnerhub-claims", 10);
    const mirrored = await loadMirrorRecord(record.db);
    expect(rows).toHaveLength(mirrored.claims.length);
    // One claim per partner: the claims come in the partners' order.
    const claims = [...mirrored.partners]
      .sort(partnerOrder)
      .map((p) => mirrored.claims.find((c) => c.partner === p.id)!);
    for (const [i, cells] of rows.entries()) {
      const claim = claims[i]!;
      expect(cells.length).toBe(10);
      const text = cells.map(cellText);
      expect(text[2], claim.partner).toBe(shown(claim.claimedBy));
      expect(text[6], claim.partner).toBe(claim.stageNote ? shown(claim.stageNote) : "—");
      expect(text[7], claim.partner).toBe("—");
    }
  });
});
