/**
 * The hub's main flow on a real wiki in a real browser: a representative signs in through
 * OAuth and says "we can take this partner"; a second affiliate sees that another is already
 * talking to the partner; a coordinator accepts one claim; after the mirror runs, the wiki
 * page shows the lead under the right names. Each step is kept as screenshots (as shown,
 * right-to-left in Arabic, and in night mode) in test-results/e2e/.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import ar from "../../i18n/ar.json" with { type: "json" };
import { HUB_TITLE } from "../../scripts/lib/hub.ts";
import { apiGet } from "../../tools/wiki/harness.ts";
import {
  ARTEFACTS,
  expectAccessible,
  expectClean,
  launch,
  screenshot,
  watchedPage,
  type AxeSummary,
  type Watched,
} from "./browser.ts";
import { logInOnWiki, signInFromHub, type Person } from "./wiki-user.ts";

const hub = inject("hub");
const axe: AxeSummary[] = [];
let browser: Browser;
let target: { id: string; name: string };

beforeAll(async () => {
  browser = await launch();
  // An open partner of the demo directory, as the mirror published it.
  const list = (await (await fetch(`${hub.backendUrl}/api/v1/partners?status=open&limit=1`)).json()) as {
    partners: { id: string; name: string }[];
  };
  target = list.partners[0]!;
});
afterAll(async () => {
  await browser?.close();
  writeFileSync(join(ARTEFACTS, "axe-signed-in.json"), JSON.stringify(axe, null, 2) + "\n");
});

async function person(p: Person): Promise<Watched> {
  const w = await watchedPage(browser);
  await logInOnWiki(w.page, hub.wiki.scriptUrl, p);
  await signInFromHub(w.page, hub.hubUrl, p);
  return w;
}

const partnerUrl = (lang?: string) => `${hub.hubUrl}${lang ? `&uselang=${lang}` : ""}#p=${target.id}`;

/**
 * The step as shown, in night mode (Vector's class on <html>), and right-to-left in Arabic,
 * each checked with axe-core.
 */
async function keep(page: Page, name: string, reopen?: (page: Page) => Promise<void>): Promise<void> {
  await screenshot(page, name);
  const html = page.locator("html");
  const classes = (await html.getAttribute("class")) ?? "";
  await page.evaluate(
    () =>
      document.documentElement.classList.replace("skin-theme-clientpref-day", "skin-theme-clientpref-night") ||
      document.documentElement.classList.add("skin-theme-clientpref-night"),
  );
  // Codex fades colours (CSS transitions): shoot once they have finished.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  axe.push(await expectAccessible(page, `${name} (night)`));
  await screenshot(page, `${name}-night`);
  await html.evaluate((el, c) => el.setAttribute("class", c), classes);
  if (reopen) {
    const url = page.url();
    await page.goto(partnerUrl("ar"));
    await page.locator("#partnerhub-app .partnerhub[dir=rtl]").waitFor();
    await reopen(page);
    axe.push(await expectAccessible(page, `${name} (ar)`));
    await screenshot(page, `${name}-ar`);
    await page.goto(url);
  }
}

const openPartner = async (page: Page) => {
  await page.goto(partnerUrl());
  await page.getByRole("heading", { name: target.name }).waitFor();
  // The claim button is disabled until the partner's details arrive: wait for them, and for the
  // button's colour transition to end, so that axe-core checks the settled view.
  await page.locator("button:enabled", { hasText: "We can take this partner" }).waitFor();
  await page.waitForFunction(() => document.getAnimations().length === 0);
};

describe("we can take this partner, end to end", () => {
  let alice: Watched;
  let bob: Watched;

  it("a representative signs in with OAuth and claims the partner for her affiliate", async () => {
    alice = await person(hub.users.alice);
    const { page } = alice;
    axe.push(await expectAccessible(page, "directory, signed in"));
    await openPartner(page);
    axe.push(await expectAccessible(page, "partner, signed in"));
    await keep(
      page,
      "10-alice-partner",
      async (p) => void (await p.getByRole("heading", { level: 2 }).first().waitFor()),
    );

    await page.getByRole("button", { name: "We can take this partner" }).click();
    const dialog = page.getByRole("dialog");
    // Focus opens on the dialog: Tab reaches its close button first, no arrow key changes the affiliate.
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "dialog");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Close");
    await expect(dialog.getByLabel("On behalf of").inputValue()).resolves.toBe(hub.users.alice.represents);
    await dialog.getByLabel("Message").fill("We digitised 30,000 photographs with museums like this one.");
    axe.push(await expectAccessible(page, "claim dialog"));
    await keep(page, "11-alice-claim-dialog");
    await dialog.getByRole("button", { name: "Send" }).click();
    await page.getByText("Done: Wikimedia Deutschland is now interested in this partner.").waitFor();
    await keep(page, "12-alice-claimed");
    expectClean(alice);
  });

  it("she chooses to hear of things right away, in the Notifications panel", async () => {
    const { page } = alice;
    await page.getByRole("tab", { name: /For you/ }).click();
    await page
      .getByText(`adds a signed section to your talk page, User talk:${hub.users.alice.name}`, { exact: false })
      .waitFor();
    await page.getByRole("radio", { name: /Right away/ }).check();
    await page.getByText("Saved.").waitFor();
    axe.push(await expectAccessible(page, "for you and notifications"));
    await keep(page, "13-alice-notifications");
    expectClean(alice);
  });

  it("a second affiliate sees that another is already talking to the partner", async () => {
    bob = await person(hub.users.bob);
    const { page } = bob;
    await openPartner(page);
    await page.getByRole("button", { name: "We can take this partner" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Another affiliate is already talking to this partner: Wikimedia Deutschland.").waitFor();
    await keep(page, "20-bob-sees-conflict", async (p) => {
      await p.getByRole("button", { name: ar["partnerhub-claim-button"] }).click();
      await p.getByRole("dialog").waitFor();
    });
    await page.getByRole("button", { name: "We can take this partner" }).click();
    await page.getByRole("dialog").getByLabel("Message").fill("Our Vienna volunteers know this collection.");
    await page.getByRole("dialog").getByRole("button", { name: "Send" }).click();
    await page.getByText("Done: Wikimedia Österreich is now interested in this partner.").waitFor();
    expectClean(bob);
  });

  it("a coordinator accepts one claim as lead", async () => {
    const coord = await person(hub.users.coordinator);
    const { page } = coord;
    await page.getByRole("tab", { name: "Review" }).click();
    await page.getByRole("heading", { name: /Interest awaiting a decision/ }).waitFor();
    await page.getByRole("link", { name: target.name }).first().waitFor();
    axe.push(await expectAccessible(page, "review queue"));
    await keep(page, "30-coordinator-queue");

    await openPartner(page);
    const claim = page
      .locator(".partnerhub-claim")
      .filter({ has: page.locator(".partnerhub-claim__head strong", { hasText: "Wikimedia Deutschland" }) });
    await claim.getByRole("button", { name: "Accept as lead" }).click();
    // Every claim action asks first.
    const confirm = page.getByRole("dialog", { name: "Accept as lead" });
    await confirm.getByRole("button", { name: "Accept as lead" }).click();
    await claim.locator(".cdx-info-chip--success").waitFor();
    await keep(
      page,
      "31-coordinator-accepted",
      async (p) => void (await p.locator(".partnerhub-claim--lead").waitFor()),
    );
    expectClean(coord);
  });

  it("after the mirror runs, the wiki page shows the lead and the interest under the right names", async () => {
    const res = await fetch(`${hub.backendUrl}/__scheduled?cron=${encodeURIComponent("*/10 * * * *")}`);
    expect(res.ok).toBe(true);
    let status = { lag: -1 };
    for (let i = 0; i < 600 && status.lag !== 0; i++) {
      status = (await (await fetch(`${hub.backendUrl}/api/v1/mirror/status`)).json()) as { lag: number };
      if (status.lag !== 0) await new Promise((r) => setTimeout(r, 100)); // polling the status, bounded
    }
    expect(status.lag).toBe(0);

    const read = async (title: string) => {
      const answer = await apiGet(hub.wiki.apiUrl, {
        action: "query",
        prop: "revisions",
        titles: title,
        rvprop: "content",
        rvslots: "main",
      });
      return (answer.query as { pages: { revisions: { slots: { main: { content: string } } }[] }[] }).pages[0]!
        .revisions[0]!.slots.main.content;
    };
    const directory = await read(HUB_TITLE);
    const row = directory.split("\n|-").find((r) => r.includes(`id="partner-${target.id}"`))!;
    expect(row).toContain("| Matched");
    expect(row).toMatch(
      /\| \[\[:Wikimedia Deutschland\|<nowiki>Wikimedia Deutschland<\/nowiki>\]\]\n\| \[\[:Wikimedia Österreich\|<nowiki>Wikimedia Österreich<\/nowiki>\]\]/,
    );
    const claims = await read(`${HUB_TITLE}/Claims`);
    expect(claims).toContain("Alice");
    expect(claims).toContain("Bob");

    // And a reader sees it on the page, in the gadget and in the table without JavaScript.
    const reader = await watchedPage(browser, { javaScript: false });
    await reader.page.goto(hub.hubUrl);
    const tableRow = reader.page.locator(`tr#partner-${target.id}`);
    await expect(tableRow.textContent()).resolves.toContain("Wikimedia Deutschland");
    await screenshot(reader.page, "40-wiki-table-after-mirror");
    expectClean(reader);
  });

  it("the volunteer, logged in on the wiki, sees the Echo badge and the notice of the acceptance", async () => {
    const { page } = alice;
    // The notices follow the mirror in the same scheduled run: poll Alice's notifications, bounded.
    type Echo = { query: { notifications: { list: Array<{ type: string; title?: { full: string } }> } } };
    const talk = `User talk:${hub.users.alice.name}`;
    let found = false;
    for (let i = 0; i < 300 && !found; i++) {
      const answer = (await page.evaluate(
        (url) =>
          fetch(
            `${url}/api.php?action=query&meta=notifications&notsections=alert|message&notlimit=50&notformat=model&format=json&formatversion=2`,
          ).then((r) => r.json()),
        hub.wiki.scriptUrl,
      )) as Echo;
      found = answer.query.notifications.list.some((n) => n.type === "edit-user-talk" && n.title?.full === talk);
      if (!found) await new Promise((r) => setTimeout(r, 200)); // polling Echo, bounded
    }
    expect(found).toBe(true);
    await page.goto(`${hub.wiki.scriptUrl}/index.php?title=Main_Page`);
    // Echo's badges in the personal tools (alerts and notices): one of them counts the talk-page message.
    const counts = await page
      .locator("#pt-notifications-alert a, #pt-notifications-notice a")
      .evaluateAll((links) => links.map((a) => Number(a.getAttribute("data-counter-num") ?? 0)));
    expect(counts.some((n) => n > 0)).toBe(true);
    await screenshot(page, "50-alice-echo-badge");
    await page.goto(`${hub.wiki.scriptUrl}/index.php?title=${encodeURIComponent(talk)}`);
    const section = page.locator("#mw-content-text");
    await section.getByText(`accepted the claim of Wikimedia Deutschland`, { exact: false }).last().waitFor();
    await expect(section.getByRole("link", { name: target.name }).last().getAttribute("href")).resolves.toContain(
      `#p=${target.id}`,
    );
    await screenshot(page, "51-alice-talk-page-notice");
  });
});
