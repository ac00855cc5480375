/**
 * Debian's Chromium through playwright-core, with what every end-to-end test
 * checks: no console error and no failed request, axe-core on each view, and
 * screenshots kept as artefacts in test-results/e2e/.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { ROOT } from "../../scripts/lib/wrangler.ts";

export const ARTEFACTS = join(ROOT, "test-results", "e2e");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed or 4xx/5xx requests seen so far (expected ones are removed with `allow`). */
  problems: string[];
  /** Requests that went to `origin`. */
  requestsTo(origin: string): string[];
}

/** A fresh browser context (own cookies) whose page records every problem. */
export async function watchedPage(
  browser: Browser,
  options: { javaScript?: boolean; width?: number } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const urls: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => urls.push(r.url()));
  page.on("requestfailed", (r) => {
    // A navigation cancels what the previous page was still loading: that is no failure.
    if (r.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ""}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return { context, page, problems, requestsTo: (origin) => urls.filter((u) => u.startsWith(origin)) };
}

/** Fails on any console error or failed request, except those the test expects. */
export function expectClean(w: Watched, allow: RegExp[] = []): void {
  const unexpected = w.problems.filter((p) => !allow.some((a) => a.test(p)));
  expect(unexpected, "console errors and failed requests").toEqual([]);
}

export interface AxeSummary {
  view: string;
  violations: { id: string; impact: string | null; nodes: number }[];
}

/** Runs axe-core on the gadget's region; serious or critical violations fail the test. */
export async function expectAccessible(page: Page, view: string, selector = "#partnerhub-app"): Promise<AxeSummary> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    return axe.run({ include: [sel] }, { resultTypes: ["violations"] });
  }, selector)) as { violations: { id: string; impact: string | null; nodes: unknown[] }[] };
  const summary = {
    view,
    violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
  };
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  // The failing elements, so that a failure says where to look.
  const where = bad.flatMap((v) =>
    (v.nodes as Array<{ html?: string; failureSummary?: string }>).map(
      (n) => `${v.id}: ${n.html ?? ""} ${n.failureSummary ?? ""}`,
    ),
  );
  expect(where, `axe-core on ${view}`).toEqual([]);
  return summary;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const path = join(ARTEFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
