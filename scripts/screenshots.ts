/**
 * Screenshots of the gadget's local preview in headless Chromium, into
 * test-results/screenshots/: directory, a partner, the claim dialog, the
 * coordinator queue, right-to-left (Arabic), night mode, a phone width; and an
 * axe-core accessibility check of the directory.
 *
 * Needs the backend (wrangler dev, DEV_LOGIN=on) and the preview (npm run preview:gadget):
 *   BACKEND=http://127.0.0.1:8787 PREVIEW=http://127.0.0.1:8788 node scripts/screenshots.ts
 * Seeds a small demo directory first when the backend's is empty. The German and Arabic shots
 * show the referral form refused with every kind of validation issue, the claim dialog with a
 * conflict, and a partner, for checking that everything is translated and reads right.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { seedDemo } from "./gadget-demo-seed.ts";

const BACKEND = process.env.BACKEND ?? "http://127.0.0.1:8787";
const PREVIEW = process.env.PREVIEW ?? "http://127.0.0.1:8788";
const OUT = join(import.meta.dirname, "../test-results/screenshots");
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function devSession(username: string): Promise<unknown> {
  const res = await fetch(`${BACKEND}/api/v1/session/dev`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username }),
  });
  return res.json();
}

interface Shot {
  file: string;
  query?: string;
  hash?: string;
  user?: string;
  width?: number;
  dark?: boolean;
  act?: (page: Page) => Promise<void>;
}

async function open(browser: Browser, shot: Shot): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: shot.width ?? 1280, height: 900 },
    colorScheme: shot.dark ? "dark" : "light",
  });
  const session = shot.user ? await devSession(shot.user) : null;
  await context.addInitScript(
    ([s, backend]) => {
      window.localStorage.setItem("partnerhub-consent", backend as string);
      if (s) window.sessionStorage.setItem("partnerhub-session", JSON.stringify(s));
    },
    [session, BACKEND],
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const query = new URLSearchParams(shot.query ?? "");
  query.set("backend", BACKEND);
  await page.goto(`${PREVIEW}/preview/index.html?${query}${shot.hash ?? ""}`);
  await page.waitForSelector(
    ".partnerhub-row, .partnerhub-partner, .partnerhub-review, .partnerhub-refer, .partnerhub-import",
    {
      timeout: 15_000,
    },
  );
  await page.waitForLoadState("networkidle");
  if (shot.act) await shot.act(page);
  await page.screenshot({ path: join(OUT, shot.file), fullPage: shot.width !== undefined || shot.hash !== undefined });
  if (errors.length) console.warn(`${shot.file}: console errors:`, errors);
  return page;
}

async function axe(page: Page): Promise<void> {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = (await page.evaluate("axe.run(document.querySelector('.partnerhub'))")) as {
    violations: Array<{ id: string; impact: string; nodes: unknown[] }>;
  };
  console.log(
    `axe: ${result.violations.length} violations`,
    result.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`),
  );
}

/**
 * The referral form refused with every kind of issue the schema words: required text and lists
 * (too_small), a pattern (the Wikidata id), a format (the e-mail), a rule (the country), and
 * limits on a text's length and on a list's size (too_big).
 */
async function referralErrors(page: Page): Promise<void> {
  await page.locator("#partnerhub-refer-wikidata").fill("123");
  await page.locator("#partnerhub-refer-summary").fill("x".repeat(2001));
  await page.locator("#partnerhub-refer-asks").fill(Array.from({ length: 21 }, (_, i) => `Ask ${i + 1}`).join("\n"));
  await page.locator("#partnerhub-refer-contactEmail").fill("not-an-address");
  await page.locator(".partnerhub-refer button[type=submit]").click();
  await page.locator(".partnerhub-refer__summary").waitFor();
}

/** The claim dialog open while the same affiliate's claim lands from elsewhere: the 409 is worded, the text kept. */
async function claimConflict(page: Page, partner: string): Promise<void> {
  await page.locator(".partnerhub-section button.cdx-button--action-progressive").click();
  await page.locator("#partnerhub-claim-message").fill("Nous pouvons aider avec les photographies.");
  const session = (await devSession("Camille")) as { token: string };
  const res = await fetch(`${BACKEND}/api/v1/partners/${partner}/claims`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ affiliate: "wikimedia-france", message: "From another tab." }),
  });
  if (res.status !== 201) throw new Error(`the competing claim was refused: ${res.status} ${await res.text()}`);
  await page.locator(".cdx-dialog__footer button.cdx-button--action-progressive").click();
  await page.locator(".cdx-dialog .cdx-message--error").waitFor();
}

/** A coordinator pastes a CSV with a row that duplicates a partner and a row with errors, and previews it. */
async function importPreview(page: Page): Promise<void> {
  const csv = [
    "Name,Country,Kind,Languages,Offers,Website",
    "Stadtmuseum Beispielstadt,DE,museum,de,images,https://stadtmuseum.example.org",
    "Národní muzeum,CZ,museum,cs,images,",
    ",XX,museum,de,images,not a url",
  ].join("\n");
  await page.locator(".partnerhub-import textarea").fill(csv);
  await page.locator(".partnerhub-import > button.cdx-button").first().click();
  await page.locator(".partnerhub-import__preview").waitFor();
}

/** Typing a name in Arabic offers Wikidata items (the test-only stand-in). */
async function wikidataLookUp(page: Page): Promise<void> {
  await page.locator("#partnerhub-refer-name").fill("Louvre");
  await page.locator(".partnerhub-wikidata__list").waitFor();
}

/** One partner per language for the conflict, so that both shots can be taken in one run. */
const CONFLICTED = { de: "bnf-gallica", ar: "jordan-national-library" } as const;

const SHOTS: Shot[] = [
  { file: "directory.png" },
  { file: "directory-filtered.png", hash: "#q=museum&kind=museum&sort=-updated" },
  { file: "partner.png", hash: "#p=staedel-museum", user: "Anna" },
  {
    file: "claim-dialog.png",
    hash: "#p=national-museum-prague",
    user: "Camille",
    act: async (page) => {
      await page.getByRole("button", { name: "We can take this partner" }).click();
      await page.getByLabel("Message").fill("We can help with the photographs.");
    },
  },
  { file: "review-queue.png", hash: "#view=review", user: "Hub Coordinator" },
  { file: "rtl-ar.png", query: "lang=ar" },
  { file: "rtl-ar-partner.png", query: "lang=ar", hash: "#p=jordan-national-library" },
  { file: "night.png", query: "night=1", hash: "#p=national-museum-prague", user: "Petr" },
  { file: "night-os.png", dark: true },
  { file: "mobile.png", width: 390, hash: "#country=DE" },
  { file: "german.png", query: "lang=de", hash: "#p=staedel-museum", user: "Anna" },
  ...(["de", "ar"] as const).flatMap((lang): Shot[] => [
    { file: `partner-${lang}.png`, query: `lang=${lang}`, hash: "#p=national-museum-prague", user: "Petr" },
    { file: `refer-errors-${lang}.png`, query: `lang=${lang}`, hash: "#view=refer", user: "Anna", act: referralErrors },
    {
      file: `claim-conflict-${lang}.png`,
      query: `lang=${lang}`,
      hash: `#p=${CONFLICTED[lang]}`,
      user: "Camille",
      act: (page) => claimConflict(page, CONFLICTED[lang]),
    },
  ]),
  { file: "import-de.png", query: "lang=de", hash: "#view=import", user: "Hub Coordinator", act: importPreview },
  {
    file: "import-ar-phone.png",
    query: "lang=ar",
    hash: "#view=import",
    user: "Hub Coordinator",
    width: 360,
    act: importPreview,
  },
  { file: "refer-wikidata-ar.png", query: "lang=ar", hash: "#view=refer", user: "Anna", act: wikidataLookUp },
  {
    file: "refer-errors-ar-phone.png",
    query: "lang=ar",
    hash: "#view=refer",
    user: "Anna",
    width: 360,
    act: referralErrors,
  },
  {
    file: "refer-errors-de-night.png",
    query: "lang=de&night=1",
    hash: "#view=refer",
    user: "Anna",
    act: referralErrors,
  },
];

mkdirSync(OUT, { recursive: true });
if (await seedDemo(BACKEND)) console.log(`seeded a demo directory on ${BACKEND}`);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
try {
  // `node scripts/screenshots.ts -ar` takes only the shots whose file name contains "-ar".
  const only = process.argv[2];
  for (const shot of SHOTS.filter((s) => !only || s.file.includes(only))) {
    const page = await open(browser, shot);
    if (shot.file === "directory.png") await axe(page);
    await page.context().close();
    console.log(join(OUT, shot.file));
  }
} finally {
  await browser.close();
}
