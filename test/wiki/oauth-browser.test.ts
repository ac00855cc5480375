// End to end in headless Chromium: a test-wiki user logs in on the wiki, opens the hub page,
// signs in through the OAuth 2 stand-in, and makes a claim under their own wiki name.
// The hub page runs test/wiki/oauth-page/ (see its README) until the gadget is merged.
import { startBackend } from "./oauth-backend.ts"; // first: it loads @hono/zod-openapi before the schemas
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ClaimResponse } from "../../shared/api.ts";
import { authorizationUrl, exchangeAuthorizationResponse } from "../../gadget/src/auth/oauth.ts";
import type { RunningServer } from "../../worker/node/server.ts";
import { login, newPassword, startWiki, type WikiHandle } from "../../tools/wiki/harness.ts";
import { fakeWindow, webSession } from "./oauth-flow.ts";
import { buildHubPageModules } from "./oauth-page/build.ts";

const CLIENT_ID = "partnerhub-browser-test";
const HUB_TITLE = "Content Partnerships Hub";
const HUB_PATH = "/index.php/Content_Partnerships_Hub";
const PASSWORD = newPassword();
const USER = "Browser Person";
const COORDINATOR = "Browser Coordinator";

let wiki: WikiHandle;
let backend: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const [started, modules] = await Promise.all([
    startWiki({
      oauthStandIn: { clients: [{ id: CLIENT_ID, name: "partnerhub (browser test)", redirectPaths: [HUB_PATH] }] },
    }),
    buildHubPageModules(),
  ]);
  wiki = started;
  backend = await startBackend(wiki.scriptUrl, [COORDINATOR]);
  await wiki.createUser(USER, PASSWORD);
  await wiki.createUser(COORDINATOR, PASSWORD);

  const bot = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
  await bot.edit("MediaWiki:Gadget-partnerhub-oauth-page.js", modules.page, "test hub page module", { assert: "bot" });
  await bot.edit("MediaWiki:Gadget-partnerhub-oauth.js", modules.signIn, "on-demand sign-in module", { assert: "bot" });
  await bot.edit(
    "MediaWiki:Gadgets-definition",
    "== partnerhub ==\n" +
      "* partnerhub-oauth-page[ResourceLoader|default|type=general|dependencies=mediawiki.util|categories=Content Partnerships Hub directory|actions=view]|partnerhub-oauth-page.js\n" +
      "* partnerhub-oauth[ResourceLoader|hidden|type=general]|partnerhub-oauth.js\n",
    "gadget definition",
    { assert: "bot" },
  );
  await bot.edit(
    HUB_TITLE,
    `<div id="partnerhub-app" data-backend="${backend.url}" data-oauth-client-id="${CLIENT_ID}"></div>\n[[Category:Content Partnerships Hub directory]]`,
    "hub page",
    { assert: "bot" },
  );
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  await wiki?.stop();
});

/** A coordinator's backend session, through the same OAuth code outside the browser. */
async function coordinatorToken(): Promise<string> {
  const win = fakeWindow(`${wiki.scriptUrl}${HUB_PATH}`);
  const options = {
    clientId: CLIENT_ID,
    scriptUrl: wiki.scriptUrl,
    redirectUri: `${wiki.scriptUrl}${HUB_PATH}`,
    storage: win.storage,
  };
  const web = await webSession(wiki.apiUrl, COORDINATOR, PASSWORD);
  const answer = await web.authorize((await authorizationUrl(options)).toString());
  const res = await fetch(`${backend.url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ accessToken: await exchangeAuthorizationResponse(options, answer) }),
  });
  return ((await res.json()) as { token: string }).token;
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon/.test(m.location().url)) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

it("signs a wiki user in from the hub page and lets them claim a partner under their wiki name", async () => {
  const coord = await coordinatorToken();
  const affiliate = await fetch(`${backend.url}/api/v1/affiliates`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${coord}` },
    body: JSON.stringify({
      id: "browser-affiliate",
      name: "Wikimedia Browser",
      kind: "chapter",
      wikiPage: "Wikimedia Browser",
      countries: ["DE"],
      languages: ["de"],
      capabilities: ["images"],
    }),
  });
  expect(affiliate.status).toBe(201);

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);

  await page.goto(`${wiki.scriptUrl}/index.php?title=Special:UserLogin`);
  await page.fill("#wpName1", USER);
  await page.fill("#wpPassword1", PASSWORD);
  await Promise.all([
    page.waitForURL((url) => !url.searchParams.has("title") || url.searchParams.get("title") !== "Special:UserLogin"),
    page.click("#wpLoginAttempt"),
  ]);
  expect(
    await page.evaluate(() =>
      (window as unknown as { mw: { config: { get(n: string): unknown } } }).mw.config.get("wgUserName"),
    ),
  ).toBe(USER);

  await page.goto(`${wiki.scriptUrl}${HUB_PATH}`);
  await page.click("#partnerhub-signin");
  await expect.poll(() => page.textContent("#partnerhub-consent")).toContain(new URL(backend.url).host);
  // Only the browsing module so far: the OAuth code comes with the sign-in.
  expect(await page.evaluate(() => "partnerhubOAuth" in window)).toBe(false);
  await page.click("#partnerhub-consent-continue");

  await page.waitForURL((url) => url.searchParams.get("title") === "Special:OAuthStandIn");
  expect(await page.textContent("#mw-content-text")).toContain("identify only");
  await page.click("#oauthstandin-allow");

  await page.waitForSelector("#partnerhub-user, #partnerhub-error");
  expect(await page.locator("#partnerhub-error").count()).toBe(0);
  expect(await page.textContent("#partnerhub-user")).toBe(`Signed in as ${USER}`);
  expect(new URL(page.url()).search).toBe(""); // code and state are gone from the address
  const stored = await page.evaluate(() => Object.keys(sessionStorage));
  expect(stored).toEqual(["partnerhub-session"]); // the backend session only: no verifier, no wiki token

  const claim = await page.evaluate(async (backendUrl) => {
    const { token } = JSON.parse(sessionStorage.getItem("partnerhub-session")!) as { token: string };
    const post = (path: string, body: unknown) =>
      fetch(`${backendUrl}/api/v1${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
    const partner = await post("/partners", {
      name: "Browser Museum",
      kind: "museum",
      country: "DE",
      languages: ["de"],
      offers: ["images"],
      projects: ["commons"],
      funding: "none",
      summary: "Referred from the browser.",
      asks: ["digitise photographs"],
      links: [],
      contact: { name: "Erika Mustermann", email: "erika@example.org", notes: "" },
    });
    return {
      partner,
      claim: await post(`/partners/${(partner.body as { id: string }).id}/claims`, {
        affiliate: "browser-affiliate",
        message: "We can take this partner",
      }),
    };
  }, backend.url);
  expect(claim.partner.status).toBe(201);
  expect(claim.claim.status).toBe(201);
  const made = ClaimResponse.parse(claim.claim.body).claim;
  expect(made).toMatchObject({ affiliate: "browser-affiliate", verified: false });
  expect(JSON.stringify(made)).toContain(USER);

  await page.click("#partnerhub-signout");
  await page.waitForSelector("#partnerhub-signin");
  expect(errors).toEqual([]);
  await context.close();
});
