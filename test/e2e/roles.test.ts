/**
 * Every role's own views through the real gadget on the local hub, in real Chromium: a
 * volunteer asks to represent an affiliate (Mine); a representative refuses that request; a
 * coordinator refuses another, looks at the hub's settings, edits a partner, closes and
 * reopens it, and hands a lead over. Each new view is checked with axe-core in English, in
 * Arabic and at 360 px, and kept as screenshots (English, night, Arabic, 360 px) in
 * test-results/e2e/. Claims needed beforehand are made through the API with the people's
 * own sessions from their sign-in.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { ClaimResponse } from "../../shared/api.ts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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
const API = `${hub.backendUrl}/api/v1`;
const axe: AxeSummary[] = [];
let browser: Browser;
/** An open partner to hand over, and another to edit, close and reopen (not the claim flow's). */
let handed: { id: string; name: string };
let edited: { id: string; name: string };

beforeAll(async () => {
  browser = await launch();
  const list = (await (await fetch(`${API}/partners?status=open&limit=4&sort=-name`)).json()) as {
    partners: { id: string; name: string }[];
  };
  [handed, edited] = list.partners as [typeof handed, typeof edited];
});
afterAll(async () => {
  await browser?.close();
  writeFileSync(join(ARTEFACTS, "axe-roles.json"), JSON.stringify(axe, null, 2) + "\n");
});

async function person(p: Person): Promise<Watched> {
  const w = await watchedPage(browser);
  // What went wrong in the page, in the test's output when a step times out.
  w.page.on("console", (m) => m.type() === "error" && console.log(`[${p.name}] console: ${m.text()}`));
  w.page.on("pageerror", (e) => console.log(`[${p.name}] page error: ${e.message}`));
  await logInOnWiki(w.page, hub.wiki.scriptUrl, p);
  await signInFromHub(w.page, hub.hubUrl, p);
  return w;
}

/** The backend session the gadget holds for the signed-in person (for setting up claims). */
async function tokenOf(page: Page): Promise<string> {
  const raw = await page.evaluate(() => window.sessionStorage.getItem("partnerhub-session"));
  return (JSON.parse(raw ?? "{}") as { token: string }).token;
}

async function api(token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
  return res.status === 204 ? null : res.json();
}

const url = (hash: string, lang?: string) => `${hub.hubUrl}${lang ? `&uselang=${lang}` : ""}#${hash}`;

/**
 * A new view as shown (English), in night mode, at 360 px and in Arabic, each checked with
 * axe-core; `ready` waits for the view's content after each load.
 */
async function keepView(page: Page, name: string, hash: string, ready: (p: Page) => Promise<unknown>): Promise<void> {
  axe.push(await expectAccessible(page, `${name} (en)`));
  await screenshot(page, name);
  const html = page.locator("html");
  const classes = (await html.getAttribute("class")) ?? "";
  await page.evaluate(
    () =>
      document.documentElement.classList.replace("skin-theme-clientpref-day", "skin-theme-clientpref-night") ||
      document.documentElement.classList.add("skin-theme-clientpref-night"),
  );
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  axe.push(await expectAccessible(page, `${name} (night)`));
  await screenshot(page, `${name}-night`);
  await html.evaluate((el, c) => el.setAttribute("class", c), classes);

  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(url(hash));
  await ready(page);
  axe.push(await expectAccessible(page, `${name} (360 px)`));
  await screenshot(page, `${name}-360`);
  await page.setViewportSize(size);

  await page.goto(url(hash, "ar"));
  await page.locator("#partnerhub-app .partnerhub[dir=rtl]").waitFor();
  await ready(page);
  axe.push(await expectAccessible(page, `${name} (ar)`));
  await screenshot(page, `${name}-ar`);
  await page.goto(url(hash));
  await ready(page);
}

const confirmDialog = async (page: Page, title: string, reason?: string) => {
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.waitFor();
  if (reason) await dialog.getByLabel(/Reason/).fill(reason);
  await dialog.getByRole("button", { name: title }).click();
  await dialog.waitFor({ state: "detached" });
};

describe("each role's own views, end to end", () => {
  let carol: Watched;
  let alice: Watched;
  let coordinator: Watched;

  it("a volunteer asks to represent an affiliate from Mine", async () => {
    carol = await person(hub.users.carol);
    const { page } = carol;
    await page.getByRole("tab", { name: "Mine" }).click();
    const ready = (p: Page) => p.locator(".partnerhub-my #partnerhub-my-affiliates").waitFor();
    await ready(page);
    await keepView(page, "50-volunteer-mine", "view=claims", ready);
    await page.getByLabel("Affiliate to represent").selectOption({ label: "Wikimedia Deutschland" });
    await page.getByRole("button", { name: "Ask to represent" }).click();
    const dialog = page.getByRole("dialog", { name: "Ask to represent" });
    await dialog.waitFor();
    axe.push(await expectAccessible(page, "confirm dialog (en)"));
    await screenshot(page, "51-volunteer-confirm");
    await confirmDialog(page, "Ask to represent");
    await page.getByText(/Done: you asked to represent Wikimedia Deutschland/).waitFor();
    await page.getByText("Request waiting").waitFor();
    await screenshot(page, "52-volunteer-asked");
    expectClean(carol);
  });

  it("a representative refuses the request to represent her affiliate", async () => {
    alice = await person(hub.users.alice);
    const { page } = alice;
    await page.getByRole("tab", { name: "Representatives" }).click();
    const request = page.locator("li", { hasText: "Carol asks to represent Wikimedia Deutschland." });
    const ready = (p: Page) => p.locator(".partnerhub-representatives #partnerhub-rep-requests").waitFor();
    await request.waitFor();
    await keepView(page, "53-representative-requests", "view=representatives", ready);
    await request.getByRole("button", { name: "Refuse" }).click();
    await confirmDialog(page, "Refuse");
    await page.getByText("Done: the request of Carol for Wikimedia Deutschland is refused.").waitFor();
    await expect(request.count()).resolves.toBe(0);
    expectClean(alice);
  });

  it("a coordinator refuses a representative and sees the hub's settings", async () => {
    // Carol asks once more, for another affiliate.
    await api(await tokenOf(carol.page), "POST", "/affiliates/wikimedia-osterreich/representatives", {
      username: hub.users.carol.name,
    });
    coordinator = await person(hub.users.coordinator);
    const { page } = coordinator;
    await page.getByRole("tab", { name: "Representatives" }).click();
    const request = page.locator("li", { hasText: "Carol asks to represent Wikimedia Österreich." });
    await request.getByRole("button", { name: "Refuse" }).click();
    await confirmDialog(page, "Refuse");
    await page.getByText("Done: the request of Carol for Wikimedia Österreich is refused.").waitFor();

    await page.getByRole("tab", { name: "Hub settings" }).click();
    const ready = (p: Page) => p.locator(".partnerhub-admin #partnerhub-admin-mirror").waitFor();
    await ready(page);
    await page.getByText("Not yet on the wiki").waitFor();
    await keepView(page, "54-coordinator-settings", "view=admin", ready);
    expectClean(coordinator);
  });

  it("a coordinator edits a partner, closes it and reopens it", async () => {
    const { page } = coordinator;
    await page.goto(url(`p=${edited.id}`));
    await page.getByRole("heading", { name: edited.name }).waitFor();
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    // The form's fields are disabled until the partner has loaded; Codex then fades their colours.
    const ready = async (p: Page) => {
      await p.locator("#partnerhub-edit-summary:enabled").waitFor();
      await p.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    };
    await ready(page);
    await keepView(page, "55-coordinator-edit", `view=edit&p=${edited.id}`, ready);
    await page.getByLabel("Summary").fill("Edited in the end-to-end suite: a summary that the coordinator wrote.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Done: your changes are saved.").waitFor();
    await page.getByText("Edited in the end-to-end suite").first().waitFor();

    await page.getByRole("button", { name: "Close partner" }).click();
    await page.getByRole("dialog", { name: "Close partner" }).waitFor();
    axe.push(await expectAccessible(page, "close confirmation (en)"));
    await screenshot(page, "56-coordinator-close-confirm");
    await confirmDialog(page, "Close partner", "The institution closed for renovation until 2028.");
    await page.getByText("Done: the partner is closed.").waitFor();
    await page.getByRole("button", { name: "Reopen partner" }).click();
    await confirmDialog(page, "Reopen partner");
    await page.getByText("Done: the partner is open again.").waitFor();
    const stored = await (await fetch(`${API}/partners/${edited.id}`)).json();
    expect(stored).toMatchObject({
      status: "open",
      summary: expect.stringContaining("Edited in the end-to-end suite"),
    });
    expectClean(coordinator);
  });

  it("a coordinator hands a lead over to another affiliate, with a reason", async () => {
    const aliceClaim = ClaimResponse.parse(
      await api(await tokenOf(alice.page), "POST", `/partners/${handed.id}/claims`, {
        affiliate: hub.users.alice.represents,
        message: "We can digitise this collection.",
      }),
    );
    const bob = await person(hub.users.bob);
    await api(await tokenOf(bob.page), "POST", `/partners/${handed.id}/claims`, {
      affiliate: hub.users.bob.represents,
      message: "Our volunteers know it well.",
    });
    await api(await tokenOf(coordinator.page), "POST", `/claims/${aliceClaim.claim.id}/accept`, {
      version: aliceClaim.claim.version,
      reason: "",
    });

    const { page } = coordinator;
    await page.goto(url(`p=${handed.id}`));
    const lead = page.locator(".partnerhub-claim--lead");
    await lead.getByLabel("Hand over to").selectOption({ label: "Wikimedia Österreich" });
    await lead.getByRole("button", { name: "Hand over" }).click();
    await confirmDialog(page, "Hand over", "No progress since the first meeting; Vienna can start now.");
    await page.getByText("Done: Wikimedia Österreich now leads this partner.").waitFor();
    await screenshot(page, "57-coordinator-handed-over");
    const detail = await (await fetch(`${API}/partners/${handed.id}`)).json();
    expect(detail.lead.affiliate).toBe(hub.users.bob.represents);
    expectClean(coordinator);
    expectClean(bob);
  });
});
