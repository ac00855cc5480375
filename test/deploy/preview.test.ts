/**
 * The gadget's local preview, as `npm start` serves it (vite's dev server on gadget/vite.config.ts),
 * against the Node backend with the demo directory: the page must draw the directory and open a
 * partner, in English and in Arabic, without a page error. The unit tests and the end-to-end suite
 * run built bundles, so only this check sees what the dev server alone serves (the whole message
 * catalogues, the preview's mw stand-in).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../tools/wiki/harness.ts";
import { type RunningServer, startServer } from "../../worker/node/server.ts";
import { launch } from "../e2e/browser.ts";

const ROOT = join(import.meta.dirname, "../..");
let dir: string;
let backend: RunningServer;
let vite: ViteDevServer;
let preview: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "partnerhub-preview-"));
  const previewPort = await freePort();
  preview = `http://127.0.0.1:${previewPort}`;
  backend = await startServer({
    env: {
      DATABASE_PATH: join(dir, "db.sqlite"),
      PORT: String(await freePort()),
      HOST: "127.0.0.1",
      SCHEDULE_MINUTES: "0",
      WIKI_SCRIPT_URL: "http://127.0.0.1:9",
      ALLOWED_ORIGINS: preview,
      COORDINATORS: "Hub Coordinator",
      SESSION_SECRET: randomBytes(32).toString("hex"),
      DEV_LOGIN: "on",
    },
    runMirror: null,
    seed: true,
  });
  vite = await createServer({
    configFile: join(ROOT, "gadget/vite.config.ts"),
    server: { port: previewPort, strictPort: true, host: "127.0.0.1" },
    logLevel: "error",
  });
  await vite.listen();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  await backend?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the local preview (npm start)", () => {
  it.each(["en", "ar"])("draws the directory and opens a partner in %s, without a page error", async (lang) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${preview}/preview/index.html?lang=${lang}&backend=${encodeURIComponent(backend.url)}`);
    const first = page.locator(".partnerhub-row a").first();
    await first.waitFor({ timeout: 60_000 });
    await first.click();
    await page.locator("#partnerhub-partner-name").waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe(lang === "ar" ? "rtl" : "ltr");
    expect(errors).toEqual([]);
    await page.close();
  });
});
