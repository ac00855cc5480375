/**
 * The directory before and without its JSON: the mirror's rows on the page are searchable in
 * place at once, and a repeat visit draws the browser's copy of the last directory at once,
 * refreshes it behind and says so when a newer one arrived. The copy is versioned and bounded.
 */
import { screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { Directory, WikiApi } from "../../gadget/src/api/directory-source.ts";
import { ROW_HEIGHT } from "../../gadget/src/components/PartnerRow.tsx";
import { CACHE_FORMAT, MAX_CACHED_BYTES, readCached, writeCached } from "../../gadget/src/directory/cache.ts";
import { filterRows, rowText, takeOverRows } from "../../gadget/src/directory/takeover.ts";
import { fakeWiki, memoryCache, mirrorPage, partner, renderApp } from "./fixtures.tsx";

const PREFIX = "Content Partnerships Hub/Directory";
const partners = [
  partner({ id: "rijksmuseum", name: "Rijksmuseum", country: "NL" }),
  partner({ id: "bnf", name: "Bibliothèque nationale", country: "FR", kind: "library" }),
  partner({ id: "tu-delft", name: "TU Delft", country: "NL", kind: "university" }),
];
const directory = (lastEvent: number, list = partners): Directory => ({
  partners: list,
  affiliates: [],
  source: "mirror",
  generated: "2026-01-10T12:00:00.000Z",
  lastEvent,
});
/** A wiki that has not answered yet (and never will, in these tests). */
const silentWiki: WikiApi = { get: () => new Promise(() => {}) };

/** The mirror's table as MediaWiki renders it: a header row, then one row per partner with its id. */
function mirrorTable(): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "wikitable sortable partnerhub-directory";
  table.innerHTML =
    "<tbody><tr><th>Partner</th><th>Kind</th><th>Country</th></tr>" +
    '<tr id="partner-rijksmuseum" data-partner="rijksmuseum"><td>Rijksmuseum</td><td>Museum</td><td>Netherlands</td></tr>' +
    '<tr id="partner-bnf" data-partner="bnf"><td>Bibliothèque nationale</td><td>Library</td><td>France</td></tr>' +
    '<tr id="partner-tu-delft" data-partner="tu-delft"><td>TU Delft</td><td>University</td><td>Netherlands</td></tr>' +
    "</tbody>";
  document.body.append(table);
  return table;
}

afterEach(() => {
  for (const t of document.querySelectorAll("table.partnerhub-directory")) t.remove();
});

describe("taking over the mirror's rows", () => {
  it("takes each partner's row, the header left out, its text folded", () => {
    mirrorTable();
    const rows = takeOverRows(document);
    expect(rows.map((r) => r.el.dataset.partner)).toEqual(["rijksmuseum", "bnf", "tu-delft"]);
    expect(rowText(rows[1]!)).toContain("bibliotheque nationale");
  });

  it("folds no row's text before a query needs it", async () => {
    mirrorTable();
    const rows = takeOverRows(document);
    renderApp({ wiki: silentWiki, takenRows: rows });
    expect(await screen.findByText("3 of 3 partners")).toBeTruthy();
    expect(rows.map((r) => r.text)).toEqual([undefined, undefined, undefined]);
    await userEvent.type(screen.getByRole("searchbox"), "delft");
    expect(rows.every((r) => typeof r.text === "string")).toBe(true);
    await waitFor(() => expect(window.location.hash).toBe("#q=delft"));
  });

  it("finds no rows on a page without the table", () => {
    expect(takeOverRows(document)).toEqual([]);
  });

  it("filters the rows in place by every term, accents folded, before any JSON has arrived", async () => {
    const table = mirrorTable();
    renderApp({ wiki: silentWiki, takenRows: takeOverRows(document) });
    const search = await screen.findByRole("searchbox");
    expect(screen.getByText("3 of 3 partners")).toBeTruthy();
    await userEvent.type(search, "netherlands delft");
    const visible = [...table.querySelectorAll<HTMLElement>("tr[data-partner]")].filter((r) => !r.hidden);
    expect(visible.map((r) => r.dataset.partner)).toEqual(["tu-delft"]);
    expect(screen.getByText("1 of 3 partners")).toBeTruthy();
    await userEvent.clear(search);
    await userEvent.type(search, "BIBLIOTHEQUE");
    expect(filterRows(takeOverRows(document), "bibliothèque")).toBe(1);
    expect(table.querySelector<HTMLElement>('[data-partner="bnf"]')?.hidden).toBe(false);
  });

  it("keeps what was typed when the full directory arrives", async () => {
    mirrorTable();
    renderApp({ wiki: fakeWiki({ [`${PREFIX}.json`]: mirrorPage(partners) }), takenRows: takeOverRows(document) });
    const search = await screen.findByRole("searchbox");
    await userEvent.type(search, "delft");
    await waitFor(() => expect(document.querySelectorAll(".partnerhub-row")).toHaveLength(1));
    expect((screen.getByRole("searchbox") as HTMLInputElement).value).toBe("delft");
    expect(document.querySelector(".partnerhub-row__name")?.textContent).toBe("TU Delft");
  });
});

describe("the browser's copy of the directory", () => {
  it("draws the copy at once, then says it was updated when the mirror has newer events", async () => {
    const cache = memoryCache();
    await writeCached(cache, PREFIX, directory(4, partners.slice(0, 1)));
    let answer: (v: unknown) => void = () => {};
    const wiki: WikiApi = {
      get: (params) =>
        new Promise((resolve) => {
          answer = resolve;
          void params;
        }),
    };
    const { store } = renderApp({ wiki, cache });
    expect(await screen.findByText("Rijksmuseum")).toBeTruthy();
    expect(screen.queryByText("TU Delft")).toBeNull();
    expect(store.updated.value).toBe(false);
    const fresh = { ...mirrorPage(partners), lastEvent: 9 };
    answer({
      query: {
        pages: [{ title: `${PREFIX}.json`, revisions: [{ slots: { main: { content: JSON.stringify(fresh) } } }] }],
      },
    });
    expect(await screen.findByText("TU Delft")).toBeTruthy();
    const notice = await screen.findByText("The directory has been updated with the latest changes.");
    expect(notice.closest("[aria-live]")?.getAttribute("aria-live")).toBe("polite");
    await waitFor(async () => expect((await readCached(cache, PREFIX))?.lastEvent).toBe(9));
  });

  it("says nothing and writes nothing when the mirror has the same last event", async () => {
    const cache = memoryCache();
    await writeCached(cache, PREFIX, directory(1));
    const puts = cache.puts;
    const wiki = fakeWiki({ [`${PREFIX}.json`]: mirrorPage(partners) }); // lastEvent 1
    const { store } = renderApp({ wiki, cache });
    expect(await screen.findByText("TU Delft")).toBeTruthy();
    await waitFor(() => expect(wiki.requests).toHaveLength(1));
    await new Promise<void>((done) => queueMicrotask(done));
    expect(store.updated.value).toBe(false);
    expect(screen.queryByText("The directory has been updated with the latest changes.")).toBeNull();
    expect(cache.puts).toBe(puts);
  });

  it("keeps showing the copy when the wiki cannot be read", async () => {
    const cache = memoryCache();
    await writeCached(cache, PREFIX, directory(2));
    renderApp({ wiki: fakeWiki({}), cache });
    expect(await screen.findByText("TU Delft")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("ignores a copy of another format", async () => {
    const cache = memoryCache();
    await cache.put(`directory:${PREFIX}`, {
      format: CACHE_FORMAT + 1,
      lastEvent: 1,
      directory: directory(1),
    });
    expect(await readCached(cache, PREFIX)).toBeNull();
  });

  it("keeps one copy per mirror, replaced by a newer version", async () => {
    const cache = memoryCache();
    expect(await writeCached(cache, PREFIX, directory(1))).toBe(true);
    expect(await writeCached(cache, PREFIX, directory(2))).toBe(true);
    expect(await writeCached(cache, "Other hub/Directory", directory(2))).toBe(true);
    expect([...cache.entries.keys()].sort()).toEqual([`directory:${PREFIX}`, "directory:Other hub/Directory"]);
    expect((await readCached(cache, PREFIX))?.lastEvent).toBe(2);
  });

  it("keeps no directory larger than its bound, and drops the older copy then", async () => {
    const cache = memoryCache();
    await writeCached(cache, PREFIX, directory(1));
    const huge = directory(2, [partner({ id: "huge", summary: "x".repeat(MAX_CACHED_BYTES) })]);
    expect(await writeCached(cache, PREFIX, huge)).toBe(false);
    expect(await readCached(cache, PREFIX)).toBeNull();
  });
});

describe("the first screenful", () => {
  it("fills a tall window with rows on the first render, before the list has a height of its own", async () => {
    const tall = 1800;
    const many = Array.from({ length: 100 }, (_, i) => partner({ id: `p${i}`, name: `Partner ${i}` }));
    const before = window.innerHeight;
    Object.defineProperty(window, "innerHeight", { value: tall, configurable: true });
    try {
      renderApp({ wiki: fakeWiki({ [`${PREFIX}.json`]: mirrorPage(many) }) });
      await waitFor(() => expect(document.querySelectorAll(".partnerhub-row").length).toBeGreaterThan(0));
      expect(document.querySelectorAll(".partnerhub-row").length).toBeGreaterThanOrEqual(Math.ceil(tall / ROW_HEIGHT));
    } finally {
      Object.defineProperty(window, "innerHeight", { value: before, configurable: true });
    }
  });
});
