/**
 * Intake through the real gadget on the local hub, in real Chromium: a coordinator imports a
 * pasted list (the preview shows a row that may duplicate the directory, confirmed as new, and a
 * row in error), imports it and finds the partners in the directory; merges one of them into
 * another with "Merge into…" and the side-by-side view, and the merged id's page then leads to
 * the partner kept. A referral looks an institution up on Wikidata (the hub's test-only stand-in,
 * tools/wikidata/), which fills the form, and the duplicate check says it is already there.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, launch, watchedPage } from "./browser.ts";
import { logInOnWiki, signInFromHub } from "./wiki-user.ts";

const hub = inject("hub");
const API = `${hub.backendUrl}/api/v1`;
let browser: Browser;
let page: Page;
/** A name already in the directory, to be met again as a possible duplicate in the list. */
let existing: string;
const run = Date.now().toString(36);
const names = { a: `Aalborg Kunstmuseum ${run}`, b: `Brno Technical Library ${run}`, c: `Cork City Archive ${run}` };

beforeAll(async () => {
  browser = await launch();
  const list = (await (await fetch(`${API}/partners?limit=1&sort=name`)).json()) as { partners: { name: string }[] };
  existing = list.partners[0]?.name ?? "";
  const w = await watchedPage(browser);
  page = w.page;
  page.on("pageerror", (e) => console.log(`[coordinator] page error: ${e.message}`));
  await logInOnWiki(page, hub.wiki.scriptUrl, hub.users.coordinator);
  await signInFromHub(page, hub.hubUrl, hub.users.coordinator);
});
afterAll(async () => {
  await browser?.close();
});

async function token(): Promise<string> {
  const raw = await page.evaluate(() => window.sessionStorage.getItem("partnerhub-session"));
  return (JSON.parse(raw ?? "{}") as { token: string }).token;
}

describe("intake on the local hub", () => {
  it("a coordinator imports a pasted list: preview, a duplicate confirmed as new, a row in error, commit", async () => {
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Bring an existing list in" }).waitFor();
    const csv = [
      "Institution,Country,Website,Languages,Offers",
      `${names.a},DE,https://a-${run}.example,de,images`,
      `${names.b},AT,https://b-${run}.example,de,data`,
      `${names.c},XX,https://c-${run}.example,de,text`,
      `${existing},DE,,de,images`,
    ].join("\n");
    await page.getByLabel("The list").fill(csv);
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByText("2 to create, 1 possible duplicate, 1 row with errors.").waitFor();
    await page.getByText(/Row 4, Country: “XX” is not a country we know/).waitFor();
    await expectAccessible(page, "import preview (en)");
    await page.getByLabel("Row 5 is a new partner: import it").check();
    await page.getByRole("button", { name: "Import 3 partners" }).click();
    await page.getByText("Imported 3 partners.").waitFor();
    await page.getByRole("tab", { name: "Directory" }).click();
    await page.getByRole("searchbox", { name: "Search partners" }).fill(run);
    for (const name of [names.a, names.b]) await page.getByRole("link", { name }).first().waitFor();
  });

  it("a coordinator merges one partner into another, and the merged id leads to the one kept", async () => {
    await page.getByRole("link", { name: names.b }).first().click();
    const from = new URL(page.url()).hash.replace(/^#p=/, "");
    await page.getByRole("button", { name: "Merge into…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Find the partner it is the same as").fill(names.a);
    await dialog.getByLabel(new RegExp(names.a)).check();
    await dialog.getByRole("table", { name: "What each has, and what is kept" }).waitFor();
    await expectAccessible(page, "merge dialog (en)");
    await dialog.getByRole("button", { name: "Merge" }).click();
    await page.waitForURL((u) => u.hash.startsWith("#p=") && !u.hash.endsWith(from));
    const into = new URL(page.url()).hash.replace(/^#p=/, "");
    await page.getByRole("heading", { name: names.a }).waitFor();
    // The merged id's page, opened afresh, leads to the partner kept.
    await page.goto(`${hub.hubUrl}#p=${from}`);
    await page.waitForURL((u) => u.hash === `#p=${into}`);
    await page.getByRole("heading", { name: names.a }).waitFor();
  });

  it("a referral looks the institution up on Wikidata, and is told it is already in the directory", async () => {
    // The British Library is in the directory already, with its Wikidata item.
    const res = await fetch(`${API}/partners`, {
      method: "POST",
      headers: { Authorization: `Bearer ${await token()}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        name: "British Library",
        wikidata: "Q23308",
        kind: "library",
        country: "GB",
        languages: ["en"],
        offers: ["images"],
        projects: ["commons"],
        funding: "none",
        summary: "",
        asks: [],
        links: [],
        confirmNew: true,
      }),
    });
    expect([201, 409]).toContain(res.status);
    await page.goto(`${hub.hubUrl}#view=refer`);
    await page.getByLabel("Name of the institution").fill("British Lib");
    await page
      .getByRole("button", { name: /British Library — national library of the United Kingdom \(Q23308\)/ })
      .click();
    await page.getByText("Filled in from Wikidata (Q23308). Check the fields before you send.").waitFor();
    expect(await page.getByLabel("Name of the institution").inputValue()).toBe("British Library");
    expect(await page.getByLabel(/^Website/).inputValue()).toBe("https://www.bl.uk/");
    expect(await page.getByLabel("Kind").inputValue()).toBe("library");
    await page.getByText("Is it one of these?").waitFor();
    await page.getByText(/This Wikidata item is already in the directory/).waitFor();
  });
});
