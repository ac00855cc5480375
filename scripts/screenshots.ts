/**
 * Screenshots of the gadget's local preview in headless Chromium, into
 * test-results/screenshots/: directory, a partner, the claim dialog, the
 * coordinator queue, right-to-left (Arabic), night mode, a phone width; and an
 * axe-core accessibility check of the directory.
 *
 * Needs the backend (wrangler dev, DEV_LOGIN=on) and the preview (npm run preview:gadget):
 *   BACKEND=http://127.0.0.1:8787 PREVIEW=http://127.0.0.1:8788 node scripts/screenshots.ts
 * Seeds a small demo directory first when the backend's is empty.
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
  await page.waitForSelector(".partnerhub-row, .partnerhub-partner, .partnerhub-review", { timeout: 15_000 });
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
];

mkdirSync(OUT, { recursive: true });
if (await seedDemo(BACKEND)) console.log(`seeded a demo directory on ${BACKEND}`);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
try {
  for (const shot of SHOTS) {
    const page = await open(browser, shot);
    if (shot.file === "directory.png") await axe(page);
    await page.context().close();
    console.log(join(OUT, shot.file));
  }
} finally {
  await browser.close();
}
