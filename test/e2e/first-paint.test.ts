/**
 * First paint on the wiki: before the directory's JSON has arrived, the search already filters
 * the mirror's own table rows; a repeat visit draws the browser's copy (IndexedDB) before the
 * wiki answers, and says "updated" when the mirror has moved on since. The JSON read is held
 * back by intercepting it, so "before it arrived" is a fact of the test, not a race.
 */
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectClean, launch, watchedPage } from "./browser.ts";

const hub = inject("hub");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const MIRROR_ROWS = "table.partnerhub-directory tr[data-partner]";
const APP_ROWS = ".partnerhub-row";

/** Holds the API reads of the mirror's JSON pages until `release()`; `held` resolves once one was asked for. */
async function holdDirectoryJson(page: Page): Promise<{ held: Promise<void>; release: () => Promise<void> }> {
  const routes: Route[] = [];
  let released = false;
  let asked: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    asked = resolve;
  });
  await page.route(/\/api\.php\?/, async (route) => {
    const titles = new URL(route.request().url()).searchParams.get("titles") ?? "";
    if (released || !titles.includes(".json")) return route.continue();
    routes.push(route);
    asked();
  });
  return {
    held,
    release: async () => {
      released = true;
      await Promise.all(routes.map((r) => r.continue()));
    },
  };
}

/** The browser's copies of the directory (what IndexedDB holds under `partnerhub`/`cache`). */
const cachedCopies = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Array<{ key: string; lastEvent: number | null; partners: number }>>((resolve, reject) => {
        const open = indexedDB.open("partnerhub", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("cache");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction("cache", "readonly").objectStore("cache");
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () =>
            resolve(
              values.result.map((v: { lastEvent: number | null; directory: { partners: unknown[] } }, i) => ({
                key: String(keys.result[i]),
                lastEvent: v.lastEvent,
                partners: v.directory.partners.length,
              })),
            );
          values.onerror = () => reject(values.error);
        };
      }),
  );

describe("first paint", () => {
  it("searches the mirror's own rows in place before the directory's JSON has arrived", async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    const json = await holdDirectoryJson(page);
    await page.goto(hub.hubUrl);
    const search = page.getByRole("searchbox", { name: "Search partners" });
    await search.waitFor();
    await json.held;
    const total = await page.locator(MIRROR_ROWS).count();
    expect(total).toBe(60);

    await search.fill("library");
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(`${sel}:not([hidden])`).length < (n as number), [
      MIRROR_ROWS,
      total,
    ] as const);
    const shown = await page.locator(`${MIRROR_ROWS}:not([hidden])`).allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(text.toLowerCase()).toContain("library");
    // Still the mirror's table: the app's list has not been drawn, the JSON is held back.
    expect(await page.locator(APP_ROWS).count()).toBe(0);

    await json.release();
    await page.locator(APP_ROWS).first().waitFor();
    expect(await search.inputValue()).toBe("library");
    expect(await page.locator("table.partnerhub-directory").first().isVisible()).toBe(false);
    expect(w.requestsTo(hub.backendUrl), "requests to the backend before sign-in").toEqual([]);
    expectClean(w);
    await w.context.close();
  });

  it("shows the search box without moving the mirror's table, in Vector 2022, legacy Vector and Minerva, wide and on a phone", async () => {
    for (const [skin, width] of [
      ["vector-2022", 1280],
      ["vector", 1280],
      ["minerva", 1280],
      ["vector-2022", 360],
      ["minerva", 360],
    ] as const) {
      const w = await watchedPage(browser, { width });
      const { page } = w;
      // Where the table is once the page is parsed, before the gadget has drawn anything.
      await page.addInitScript(() =>
        document.addEventListener("DOMContentLoaded", () => {
          const table = document.querySelector("table.partnerhub-directory")!;
          (window as unknown as { before: unknown }).before = {
            top: table.getBoundingClientRect().top + window.scrollY,
            appDrawn: document.getElementById("partnerhub-app")!.childElementCount > 0,
          };
        }),
      );
      const json = await holdDirectoryJson(page);
      await page.goto(`${hub.hubUrl}&useskin=${skin}`);
      await page.getByRole("searchbox", { name: "Search partners" }).waitFor();
      await json.held;
      const { before, after } = await page.evaluate(() => ({
        before: (window as unknown as { before: { top: number; appDrawn: boolean } }).before,
        after: document.querySelector("table.partnerhub-directory")!.getBoundingClientRect().top + window.scrollY,
      }));
      expect(before.appDrawn, `${skin}: measured before the app was drawn`).toBe(false);
      expect(after, `${skin}: the table's top`).toBe(before.top);
      await json.release();
      expectClean(w);
      await w.context.close();
    }
  });

  it("draws a repeat visit from the browser's copy before the wiki answers, then says it was updated", async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(hub.hubUrl);
    await page.locator(APP_ROWS).first().waitFor();
    await expect.poll(async () => (await cachedCopies(page)).map((c) => c.partners)).toEqual([60]);
    const [copy] = await cachedCopies(page);
    expect(copy?.lastEvent).toBeGreaterThan(0);
    // The copy as an older mirror left it: the wiki's directory has moved on by one event since.
    await page.evaluate(
      (key) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("partnerhub", 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction("cache", "readwrite").objectStore("cache");
            const get = store.get(key);
            get.onsuccess = () => {
              const put = store.put({ ...get.result, lastEvent: get.result.lastEvent - 1 }, key);
              put.onsuccess = () => resolve();
              put.onerror = () => reject(put.error);
            };
          };
        }),
      copy!.key,
    );

    const json = await holdDirectoryJson(page);
    await page.goto(hub.hubUrl);
    await json.held;
    // Drawn from the copy while the wiki's answer is held back: the app's list, not the table.
    await page.locator(APP_ROWS).first().waitFor();
    await expect(page.getByText(/^60 of 60 partners$/).isVisible()).resolves.toBe(true);
    expect(await page.getByRole("status").filter({ hasText: "updated" }).count()).toBe(0);

    await json.release();
    await page.getByText("The directory has been updated with the latest changes.").waitFor();
    await expect.poll(async () => (await cachedCopies(page)).map((c) => c.lastEvent)).toEqual([copy!.lastEvent]);
    expectClean(w);
    await w.context.close();
  });
});
