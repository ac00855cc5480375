/** A reader without an account: browses and filters the directory on the wiki; without JavaScript sees the table. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ARTEFACTS,
  expectAccessible,
  expectClean,
  launch,
  screenshot,
  watchedPage,
  type AxeSummary,
} from "./browser.ts";

const hub = inject("hub");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
const axe: AxeSummary[] = [];
afterAll(async () => {
  await browser?.close();
  writeFileSync(join(ARTEFACTS, "axe-reader.json"), JSON.stringify(axe, null, 2) + "\n");
});

const countText = /(\d+) of (\d+) partners/;

describe("a reader", () => {
  it("browses, searches and filters the directory without contacting the backend", async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(hub.hubUrl);
    const count = page.getByText(countText);
    await count.waitFor();
    const [, shown, total] = countText.exec((await count.textContent()) ?? "")!;
    expect(Number(shown)).toBe(Number(total));
    expect(Number(total)).toBe(60);
    axe.push(await expectAccessible(page, "directory"));
    await screenshot(page, "01-reader-directory");

    await page.getByRole("searchbox", { name: "Search partners" }).fill("library");
    await page.waitForFunction((t) => !document.body.textContent.includes(`${t} of ${t} partners`), total);
    const afterSearch = Number(countText.exec((await count.textContent()) ?? "")![1]);
    expect(afterSearch).toBeGreaterThan(0);
    expect(afterSearch).toBeLessThan(Number(total));
    // The address bar follows once typing pauses.
    await page.waitForFunction(() => location.hash.includes("q=library"));

    await page
      .getByRole("group", { name: "Kind" })
      .getByLabel(/Library/)
      .check();
    await page.waitForFunction(() => location.hash.includes("kind=library"));
    const rows = page.locator(".partnerhub-row");
    expect(await rows.count()).toBeGreaterThan(0);
    await screenshot(page, "02-reader-filtered");

    await rows.first().locator("a").click();
    await page.getByRole("heading", { level: 2 }).first().waitFor();
    axe.push(await expectAccessible(page, "partner"));
    await screenshot(page, "03-reader-partner");

    expect(w.requestsTo(hub.backendUrl), "requests to the backend before sign-in").toEqual([]);
    expectClean(w);
    await w.context.close();
  });

  it("reads the directory right-to-left in Arabic, and in night mode", async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${hub.hubUrl}&uselang=ar`);
    await w.page.locator(".partnerhub-row").first().waitFor();
    expect(
      await w.page.evaluate(() => getComputedStyle(document.querySelector("#partnerhub-app .partnerhub")!).direction),
    ).toBe("rtl");
    axe.push(await expectAccessible(w.page, "directory (ar)"));
    await screenshot(w.page, "04-reader-directory-ar");

    await w.page.goto(`${hub.hubUrl}&vectornightmode=1`);
    await w.page.locator(".partnerhub-row").first().waitFor();
    expect(await w.page.evaluate(() => document.documentElement.className)).toContain("skin-theme-clientpref-night");
    // MediaWiki 1.43's Codex draws the select's chevron dark, whatever the theme.
    expect(
      await w.page.evaluate(
        () => getComputedStyle(document.querySelector("#partnerhub-app .cdx-select")!).backgroundImage,
      ),
      "the sort select's chevron in night mode",
    ).toContain("eaecf0");
    axe.push(await expectAccessible(w.page, "directory (night)"));
    await screenshot(w.page, "05-reader-directory-night");
    expectClean(w);
    await w.context.close();
  });

  it("on a 360 px phone: the notice folded away, tabs and rows within the screen, in English and Arabic", async () => {
    for (const lang of ["en", "ar"]) {
      const w = await watchedPage(browser, { width: 360 });
      await w.page.goto(`${hub.hubUrl}&uselang=${lang}`);
      await w.page.locator(".partnerhub-row").first().waitFor();
      expect(await w.page.locator("details.partnerhub-mirror-notice-fold").getAttribute("open")).toBeNull();
      const overflow = await w.page.evaluate(() => {
        const app = document.querySelector<HTMLElement>("#partnerhub-app .partnerhub")!;
        const box = app.getBoundingClientRect();
        const rows = [...document.querySelectorAll<HTMLElement>(".partnerhub-row__name")];
        return {
          app: app.scrollWidth - app.clientWidth,
          page: document.documentElement.scrollWidth - window.innerWidth,
          tabs: document.querySelector(".partnerhub-tabs")!.getBoundingClientRect().right - box.right,
          cut: rows.filter((r) => r.scrollHeight > r.clientHeight + 1).length,
        };
      });
      expect(overflow.app, "the app scrolls sideways").toBeLessThanOrEqual(0);
      expect(overflow.tabs, "the tabs stick out of the app").toBeLessThanOrEqual(1);
      axe.push(await expectAccessible(w.page, `directory (360 px, ${lang})`));
      await screenshot(w.page, `07-reader-phone-${lang}`);
      expectClean(w);
      await w.context.close();
    }
  });

  it("reaches the first result from the search box in two Tab presses and Enter", async () => {
    const w = await watchedPage(browser);
    await w.page.goto(hub.hubUrl);
    await w.page.locator(".partnerhub-row").first().waitFor();
    await w.page.getByRole("searchbox", { name: "Search partners" }).focus();
    await w.page.keyboard.press("Tab");
    await w.page.keyboard.press("Tab");
    const skip = w.page.getByRole("button", { name: "Skip the filters, go to the results" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(w.page, "08-reader-skip-link");
    await w.page.keyboard.press("Enter");
    expect(
      await w.page.evaluate(() => document.activeElement?.closest(".partnerhub-row")?.getAttribute("data-index")),
    ).toBe("0");
    expectClean(w);
    await w.context.close();
  });

  it("without JavaScript sees the mirrored table with every partner", async () => {
    const w = await watchedPage(browser, { javaScript: false });
    await w.page.goto(hub.hubUrl);
    const table = w.page.locator("table.partnerhub-directory");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(60 + 1); // the header row is in tbody too
    expect(await w.page.locator(".partnerhub-row").count()).toBe(0);
    await screenshot(w.page, "06-reader-no-javascript");
    expectClean(w);
    await w.context.close();
  });

  it("loads nothing of the gadget on a page outside the hub", async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${hub.wiki.scriptUrl}/index.php?title=Main_Page`);
    await w.page.waitForFunction(() => (window as unknown as { mw?: { loader?: unknown } }).mw?.loader !== undefined);
    const state = await w.page.evaluate(() =>
      (window as unknown as { mw: { loader: { getState(m: string): string | null } } }).mw.loader.getState(
        "ext.gadget.partnerhub",
      ),
    );
    expect(state).toBe("registered");
    expect(await w.page.locator("#partnerhub-app").count()).toBe(0);
    expectClean(w);
    await w.context.close();
  });
});
