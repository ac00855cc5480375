/**
 * The gadget's weight: its three built files gzipped, the bytes it adds to a wiki page that is
 * not the hub (target: zero), and what the hub page loads. Measured in headless Chromium on one
 * local test wiki, before and after scripts/deploy-gadget.ts installs the real gadget.
 *
 *   npm run bench:weight
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { DEFAULT_CONFIG } from "../gadget/src/config.ts";
import { login } from "../tools/wiki/harness.ts";
import { launchChromium } from "./support/chromium.ts";
import { benchWiki, buildGadget, deployGadget, publish, ROOT } from "./support/hub-wiki.ts";
import { trackTransfer } from "./support/page-probe.ts";
import { machine, machineLines, median, round, table, writeResults } from "./support/results.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CONTENT_PAGE = "Bench content page";
const HUB = DEFAULT_CONFIG.mirrorPrefix;

interface PageWeight {
  /** Bytes received from load.php (headers + encoded bodies), median of the runs. */
  loadPhpBytes: number;
  loadPhpRequests: number;
  /** Bytes of api.php (the hub's JSON). */
  apiPhpBytes: number;
  /** Gadget modules and their state in mw.loader on that page. */
  gadgets: Record<string, string | null>;
  /** The startup module's body (it registers every module, gadgets included). */
  startupBytes: number;
}

function gadgetFiles(): Array<{ file: string; bytes: number; gzip: number }> {
  const dist = join(ROOT, "dist", "gadget");
  return readdirSync(dist)
    .filter((f) => /\.(js|css)$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dist, file));
      return { file, bytes: text.length, gzip: gzipSync(text, { level: 9 }).length };
    });
}

async function weigh(browser: Browser, url: string): Promise<PageWeight> {
  const runs: Array<PageWeight> = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(); // empty cache, empty mw.loader store
    const page = await context.newPage();
    const tracker = trackTransfer(page);
    await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
    const gadgets = await page.evaluate(() => {
      const loader = (
        window as unknown as { mw: { loader: { getModuleNames(): string[]; getState(m: string): string | null } } }
      ).mw.loader;
      return Object.fromEntries(
        loader
          .getModuleNames()
          .filter((m) => m.startsWith("ext.gadget."))
          .map((m) => [m, loader.getState(m)]),
      );
    });
    const t = await tracker.done();
    await context.close();
    const startup = t.modules.find((m) => m.modules === "startup");
    runs.push({
      loadPhpBytes: t.loadPhp,
      loadPhpRequests: t.modules.length,
      apiPhpBytes: t.apiPhp,
      gadgets,
      startupBytes: startup?.bodyBytes ?? 0,
    });
  }
  return {
    ...runs[0]!,
    loadPhpBytes: median(runs.map((r) => r.loadPhpBytes)),
    apiPhpBytes: median(runs.map((r) => r.apiPhpBytes)),
    startupBytes: median(runs.map((r) => r.startupBytes)),
  };
}

/** The startup module as the wiki serves it to a browser that accepts gzip: raw and gzip bytes. */
async function startup(scriptUrl: string): Promise<{ bytes: number; gzip: number; text: string }> {
  const text = await (
    await fetch(`${scriptUrl}/load.php?lang=en&modules=startup&only=scripts&raw=1&skin=vector-2022`)
  ).text();
  return { bytes: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, text };
}

buildGadget();
const files = gadgetFiles();
const wiki = await benchWiki();
const browser = await launchChromium();
try {
  const bot = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
  await bot.edit(
    CONTENT_PAGE,
    'An ordinary article.\n\n== Section ==\n{| class="wikitable sortable"\n! a !! b\n|-\n| 1 || 2\n|}\n\n[[Category:Museums]]',
    "benchmark",
    { bot: true },
  );
  await publish(wiki, 1000, HUB);
  const url = (title: string) => `${wiki.scriptUrl}/index.php?title=${encodeURIComponent(title.replaceAll(" ", "_"))}`;
  await weigh(browser, url(CONTENT_PAGE)); // warm the wiki's caches
  const startupBefore = await startup(wiki.scriptUrl);
  const without = await weigh(browser, url(CONTENT_PAGE));
  const hubWithout = await weigh(browser, url(HUB));
  deployGadget(wiki);
  await weigh(browser, url(HUB));
  const startupAfter = await startup(wiki.scriptUrl);
  const withGadget = await weigh(browser, url(CONTENT_PAGE));
  const hub = await weigh(browser, url(HUB));
  const registry = startupAfter.text.match(/"ext\.gadget\.[^"]+"[^\]]*\]/g) ?? [];

  const data = {
    machine: machine({ chromium: browser.version(), mediawiki: wiki.version }),
    runs: RUNS,
    files,
    filesGzipTotal: files.reduce((n, f) => n + f.gzip, 0),
    contentPage: { without, with: withGadget, addedLoadPhpBytes: withGadget.loadPhpBytes - without.loadPhpBytes },
    startupModule: {
      before: { bytes: startupBefore.bytes, gzip: startupBefore.gzip },
      after: { bytes: startupAfter.bytes, gzip: startupAfter.gzip },
      added: { bytes: startupAfter.bytes - startupBefore.bytes, gzip: startupAfter.gzip - startupBefore.gzip },
      registry,
    },
    hubPage1000: { without: hubWithout, with: hub, addedLoadPhpBytes: hub.loadPhpBytes - hubWithout.loadPhpBytes },
  };
  writeResults("weight", data, markdown(data));
} finally {
  await browser.close();
  await wiki.stop();
}

function markdown(d: {
  machine: ReturnType<typeof machine>;
  files: ReturnType<typeof gadgetFiles>;
  filesGzipTotal: number;
  contentPage: { without: PageWeight; with: PageWeight; addedLoadPhpBytes: number };
  startupModule: {
    before: { bytes: number; gzip: number };
    after: { bytes: number; gzip: number };
    added: { bytes: number; gzip: number };
    registry: string[];
  };
  hubPage1000: { without: PageWeight; with: PageWeight; addedLoadPhpBytes: number };
}): string {
  const states = (g: Record<string, string | null>) =>
    Object.entries(g)
      .map(([m, s]) => `${m}: ${s}`)
      .join(", ") || "none";
  const kB = (n: number) => `${round(n / 1024, 1)} kB`;
  return [
    `# Weight: what the gadget costs`,
    ``,
    machineLines(d.machine),
    `Page loads: medians of ${RUNS} loads, each in a new browser context (empty HTTP cache and mw.loader store). Bytes are what the browser received (headers + bodies as sent; the PHP test server does not compress).`,
    ``,
    `## The built files`,
    table(
      ["file", "bytes", "gzip -9"],
      [
        ...d.files.map((f) => [f.file, f.bytes, f.gzip]),
        ["total", d.files.reduce((n, f) => n + f.bytes, 0), d.filesGzipTotal],
      ],
    ),
    ``,
    `## A page that is not the hub (${CONTENT_PAGE}: text, a sortable table, a category)`,
    table(
      ["", "load.php bytes", "load.php requests", "gadget modules (mw.loader state)"],
      [
        [
          "gadget not installed",
          d.contentPage.without.loadPhpBytes,
          d.contentPage.without.loadPhpRequests,
          states(d.contentPage.without.gadgets),
        ],
        [
          "gadget installed",
          d.contentPage.with.loadPhpBytes,
          d.contentPage.with.loadPhpRequests,
          states(d.contentPage.with.gadgets),
        ],
        [
          "added by the gadget",
          d.contentPage.addedLoadPhpBytes,
          d.contentPage.with.loadPhpRequests - d.contentPage.without.loadPhpRequests,
          "",
        ],
      ],
    ),
    ``,
    `The startup module (sent to every page) grows by ${d.startupModule.added.bytes} bytes (${d.startupModule.added.gzip} bytes gzip): the registry entries ${d.startupModule.registry.map((r) => "`" + r + "`").join(", ")}.`,
    ``,
    `## The hub page (1,000 partners)`,
    table(
      ["", "load.php bytes", "load.php requests", "api.php bytes (the directory JSON)", "gadget modules"],
      [
        [
          "gadget not installed",
          kB(d.hubPage1000.without.loadPhpBytes),
          d.hubPage1000.without.loadPhpRequests,
          kB(d.hubPage1000.without.apiPhpBytes),
          states(d.hubPage1000.without.gadgets),
        ],
        [
          "gadget installed",
          kB(d.hubPage1000.with.loadPhpBytes),
          d.hubPage1000.with.loadPhpRequests,
          kB(d.hubPage1000.with.apiPhpBytes),
          states(d.hubPage1000.with.gadgets),
        ],
      ],
    ),
  ].join("\n");
}
