/**
 * The directory in headless Chromium, the gadget versus the status quo, side by side on one
 * local test wiki per size:
 * - the gadget installed as a real gadget (scripts/deploy-gadget.ts) on the hub page that the
 *   real mirror job published from `demoSeedSql({partners})`: time to the first partner row,
 *   time per filter keystroke, time to re-sort by country (its sort select);
 * - a plain page with the same rows in one sortable wikitable (what people use today): time to
 *   the table, to `jquery.tablesorter` being ready, and to re-sort by a header click (Country).
 * Cold browser (a new context per run), warm wiki (each page viewed once before).
 *
 *   npm run bench:directory        (BENCH_SIZES=1000,5000 BENCH_RUNS=3 for a quick look)
 *   npm run bench:directory -- --only filter --sizes 10000 --runs 3
 *                                  (the keystrokes and the sort alone → bench/results/directory-filter.md)
 *   npm run bench:directory -- --help
 */
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { DEFAULT_CONFIG } from "../gadget/src/config.ts";
import { login } from "../tools/wiki/harness.ts";
import { mountPoint, renderDirectory } from "../worker/mirror/render-directory.ts";
import { NEUTRAL_STAMP } from "../worker/mirror/layout.ts";
import { loadMirrorRecord } from "../worker/mirror/job.ts";
import { launchChromium } from "./support/chromium.ts";
import { benchWiki, buildGadget, deployGadget, publish, type Publication } from "./support/hub-wiki.ts";
import { nextEvent, PROBE, probe, trackTransfer, type Transfer } from "./support/page-probe.ts";
import { machine, machineLines, median, ms, percentile, ratio, round, table, writeResults } from "./support/results.ts";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string" },
    runs: { type: "string" },
    only: { type: "string" },
    help: { type: "boolean" },
  },
});
if (args.help) {
  console.log(`npm run bench:directory -- [--sizes 1000,5000,10000] [--runs 7] [--only filter]
  --sizes   partner counts, one wiki each (or BENCH_SIZES)
  --runs    measured runs per size, each in a new browser context (or BENCH_RUNS)
  --only filter   only the keystrokes and the sort select (no repeat visit, no wikitable),
                  written to bench/results/directory-filter.md`);
  process.exit(0);
}
const SIZES = (args.sizes ?? process.env.BENCH_SIZES ?? "1000,5000,10000").split(",").map(Number);
const RUNS = Number(args.runs ?? process.env.BENCH_RUNS ?? 7);
const FILTER_ONLY = args.only === "filter";
if (args.only !== undefined && !FILTER_ONLY) throw new Error(`--only takes "filter", not ${args.only}`);
/** Typed one key at a time; a word every directory has many matches for. */
const QUERY = "museum";
const HUB = DEFAULT_CONFIG.mirrorPrefix; // the gadget reads `<prefix>.json` by default

interface GadgetRun {
  firstRow: number;
  /** The search box is there (over the mirror's rows, before the JSON). */
  usable: number;
  /** The same browser again (its copy of the directory kept): search box and first row. */
  repeatUsable: number;
  repeatRow: number;
  keys: number[];
  counts: string[];
  /** The same letters typed into a plain input on the same page: the browser's own floor. */
  plainKeys: number[];
  sort: number;
  sorted: boolean;
  transfer: Transfer;
  errors: string[];
}
interface TableRun {
  table: number;
  sorter: number;
  sort: number;
  sorted: boolean;
  transfer: Transfer;
  errors: string[];
}

/** A new browser context (empty cache) with the probe, and the page errors collected. */
async function open(
  browser: Browser,
  url: string,
): Promise<{ page: Page; errors: string[]; transfer: () => Promise<Transfer>; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  const tracker = trackTransfer(page);
  await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
  return { page, errors, transfer: tracker.done, close: () => context.close() };
}

const markOf = async (page: Page, mark: "row" | "usable" | "table" | "sorter") => {
  await page.waitForFunction(
    (m) => (window as unknown as { __bench: { marks: Record<string, number> } }).__bench.marks[m] !== undefined,
    mark,
    { timeout: 120_000 },
  );
  return (await probe(page)).marks[mark]!;
};

async function gadgetRun(browser: Browser, url: string): Promise<GadgetRun> {
  const { page, errors, transfer, close } = await open(browser, url);
  try {
    const firstRow = await markOf(page, "row");
    const usable = await markOf(page, "usable");
    await page.waitForLoadState("networkidle");
    // Re-sort everything by country (measured), then back to name (not measured).
    const unsorted = await page.evaluate(() => document.querySelector(".partnerhub-row__name")?.textContent ?? null);
    await page.selectOption(".partnerhub-sort select", "country");
    const sortEvent = await nextEvent(page, "change", 1);
    await page.selectOption(".partnerhub-sort select", "name");
    await nextEvent(page, "change", 2);
    // One key at a time, each after the previous one's frame.
    await page.focus(".partnerhub-search input");
    const keys: number[] = [];
    const counts: string[] = [];
    for (let i = 0; i < QUERY.length; i++) {
      await page.keyboard.type(QUERY[i]!);
      const e = await nextEvent(page, "keydown", i + 1);
      keys.push(e.ms);
      counts.push(e.count ?? "");
    }
    // The floor: the same keys into a plain input (no handler) on the same page, one frame each.
    await page.evaluate(() => document.body.prepend(Object.assign(document.createElement("input"), { id: "plain" })));
    await page.focus("#plain");
    const plainKeys: number[] = [];
    for (let i = 0; i < QUERY.length; i++) {
      await page.keyboard.type(QUERY[i]!);
      plainKeys.push((await nextEvent(page, "keydown", QUERY.length + i + 1)).ms);
    }
    const measured = { keys, counts, plainKeys, sort: sortEvent.ms, sorted: sortEvent.first !== unsorted };
    if (FILTER_ONLY) {
      const none = { firstRow, usable, repeatUsable: NaN, repeatRow: NaN, transfer: await transfer(), errors };
      return { ...none, ...measured };
    }
    // The repeat visit: once the browser's copy is written, the same page again in the same context.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const req = indexedDB.open("partnerhub", 1);
          req.onsuccess = () => {
            try {
              const get = req.result.transaction("cache").objectStore("cache").count();
              get.onsuccess = () => resolve(get.result > 0);
              get.onerror = () => resolve(false);
            } catch {
              resolve(false);
            }
          };
          req.onerror = () => resolve(false);
        }),
      null,
      { timeout: 120_000, polling: 100 },
    );
    await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
    const repeatRow = await markOf(page, "row");
    const repeatUsable = await markOf(page, "usable");
    await page.waitForLoadState("networkidle");
    return { firstRow, usable, repeatUsable, repeatRow, ...measured, transfer: await transfer(), errors };
  } finally {
    await close();
  }
}

async function tableRun(browser: Browser, url: string): Promise<TableRun> {
  const { page, errors, transfer, close } = await open(browser, url);
  try {
    const tableMark = await markOf(page, "table");
    const sorter = await markOf(page, "sorter");
    await page.waitForLoadState("networkidle");
    const firstBefore = await page.evaluate(
      () => document.querySelector("table.wikitable tbody tr td")?.textContent?.trim() ?? null,
    );
    await page.click("table.jquery-tablesorter th:text-is('Country')");
    const e = await nextEvent(page, "click", 1);
    return {
      table: tableMark,
      sorter,
      sort: e.ms,
      sorted: e.first !== firstBefore,
      transfer: await transfer(),
      errors,
    };
  } finally {
    await close();
  }
}

/** The status quo: the same rows as the mirror's table, on one page, without the gadget's mount point and category. */
async function statusQuoText(pub: Publication): Promise<string> {
  const record = await loadMirrorRecord(pub.record.db);
  const ctx = { stamp: NEUTRAL_STAMP, directoryTitle: HUB, jsonTitle: `${HUB}.json`, limit: Number.MAX_SAFE_INTEGER };
  const gadget = { backendUrl: null, oauthClientId: null };
  const [page] = renderDirectory(record, { title: "Status quo", category: pub.config.mirror.category, gadget }, ctx);
  return page!.text.replace(`${mountPoint(gadget)}\n`, "").replace(`\n[[Category:${pub.config.mirror.category}]]`, "");
}

/** Medians over the runs, with the raw runs kept for the JSON. */
function summarize(partners: number, pub: Publication, gadget: GadgetRun[], status: TableRun[]) {
  const errors = [...gadget, ...status].flatMap((r) => r.errors);
  return {
    partners,
    mirror: { pages: pub.run.edited, publishMs: round(pub.ms) },
    gadget: {
      firstRowMs: median(gadget.map((r) => r.firstRow)),
      usableMs: median(gadget.map((r) => r.usable)),
      repeatUsableMs: median(gadget.map((r) => r.repeatUsable)),
      repeatRowMs: median(gadget.map((r) => r.repeatRow)),
      keystrokeMs: median(gadget.flatMap((r) => r.keys)),
      keystrokeP95Ms: percentile(
        gadget.flatMap((r) => r.keys),
        95,
      ),
      worstKeystrokeMs: median(gadget.map((r) => Math.max(...r.keys))),
      plainKeystrokeMs: median(gadget.flatMap((r) => r.plainKeys)),
      plainKeystrokeP95Ms: percentile(
        gadget.flatMap((r) => r.plainKeys),
        95,
      ),
      keystrokeByPosition: [...QUERY].map((_, i) => ({
        typed: QUERY.slice(0, i + 1),
        ms: median(gadget.map((r) => r.keys[i]!)),
        shown: gadget[0]!.counts[i],
      })),
      sortMs: median(gadget.map((r) => r.sort)),
      sortP95Ms: percentile(
        gadget.map((r) => r.sort),
        95,
      ),
      sortedEveryRun: gadget.every((r) => r.sorted),
      transfer: gadget[0]!.transfer,
    },
    statusQuo: {
      tableMs: median(status.map((r) => r.table)),
      tablesorterReadyMs: median(status.map((r) => r.sorter)),
      sortMs: median(status.map((r) => r.sort)),
      sortedEveryRun: status.every((r) => r.sorted),
      transfer: status[0]?.transfer ?? null,
    },
    errors: [...new Set(errors)],
    runs: { gadget, statusQuo: status },
  };
}

buildGadget();
const results: Array<ReturnType<typeof summarize>> = [];
let versions = { chromium: "", mediawiki: "" };
for (const partners of SIZES) {
  // One wiki per size, the gadget and the status quo side by side on it. (On one wiki for all
  // sizes, the mirror's second publication hung on its first 2 MiB page after the browser runs
  // of the first size, past a 120 s timeout; a fresh wiki per size avoids that.)
  // 4 MiB: room for the status-quo page of 10,000 rows (2.2 MB) on one page; the mirror itself
  // still splits at Meta's 2 MiB (MIRROR_MAX_PAGE_BYTES), as it would in production.
  const wiki = await benchWiki({ maxArticleSizeKiB: 4096 });
  let browser: Browser | null = null;
  try {
    deployGadget(wiki);
    const pub = await publish(wiki, partners, HUB);
    const bot = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
    const baseline = `Status quo directory ${partners}`;
    if (!FILTER_ONLY)
      await bot.edit(baseline, await statusQuoText(pub), "benchmark: the same rows as one sortable wikitable", {
        bot: true,
      });
    browser = await launchChromium();
    versions = { chromium: browser.version(), mediawiki: wiki.version };
    const url = (title: string) =>
      `${wiki.scriptUrl}/index.php?title=${encodeURIComponent(title.replaceAll(" ", "_"))}`;
    // Warm the wiki (parser cache, ResourceLoader) so that every measured run finds it the same.
    await gadgetRun(browser, url(HUB));
    if (!FILTER_ONLY) await tableRun(browser, url(baseline));
    const gadget: GadgetRun[] = [];
    const status: TableRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      gadget.push(await gadgetRun(browser, url(HUB)));
      if (!FILTER_ONLY) status.push(await tableRun(browser, url(baseline)));
      process.stdout.write(`${partners}: run ${i + 1}/${RUNS}\r`);
    }
    const summary = summarize(partners, pub, gadget, status);
    if (summary.errors.length > 0) console.warn(`${partners}: page errors:`, summary.errors);
    console.log(
      `${partners} partners: keystroke median ${ms(summary.gadget.keystrokeMs)}, p95 ${ms(summary.gadget.keystrokeP95Ms)} (a plain input: ${ms(summary.gadget.plainKeystrokeMs)}, p95 ${ms(summary.gadget.plainKeystrokeP95Ms)}), sort ${ms(summary.gadget.sortMs)}`,
    );
    if (!FILTER_ONLY)
      console.log(
        `${partners} partners: gadget usable ${ms(summary.gadget.usableMs)}, first row ${ms(summary.gadget.firstRowMs)}, repeat visit usable ${ms(summary.gadget.repeatUsableMs)} / first row ${ms(summary.gadget.repeatRowMs)}, keystroke ${ms(summary.gadget.keystrokeMs)} (worst ${ms(summary.gadget.worstKeystrokeMs)}), sort ${ms(summary.gadget.sortMs)}; ` +
          `table ${ms(summary.statusQuo.tableMs)}, tablesorter ${ms(summary.statusQuo.tablesorterReadyMs)}, sort ${ms(summary.statusQuo.sortMs)}`,
      );
    results.push(summary);
  } finally {
    await browser?.close();
    await wiki.stop();
  }
}
const info = machine(versions);
if (FILTER_ONLY)
  writeResults(
    "directory-filter",
    { machine: info, runs: RUNS, query: QUERY, sizes: results },
    filterMarkdown(info, results),
  );
else writeResults("directory", { machine: info, runs: RUNS, query: QUERY, sizes: results }, markdown(info, results));

/** The keystroke table: the gadget's keystrokes beside the same keys in a plain input on the same page. */
function keystrokeTable(rows: typeof results): string {
  return table(
    [
      "partners",
      "gadget: median keystroke",
      "gadget: p95",
      "gadget: worst keystroke (median of runs)",
      "plain input on the page: median / p95",
      "per prefix",
    ],
    rows.map((r) => [
      r.partners.toLocaleString("en"),
      ms(r.gadget.keystrokeMs),
      ms(r.gadget.keystrokeP95Ms),
      ms(r.gadget.worstKeystrokeMs),
      `${ms(r.gadget.plainKeystrokeMs)} / ${ms(r.gadget.plainKeystrokeP95Ms)}`,
      r.gadget.keystrokeByPosition.map((k) => `${k.typed} ${round(k.ms)}`).join(", "),
    ]),
  );
}

function filterMarkdown(info: ReturnType<typeof machine>, rows: typeof results): string {
  return [
    `# Directory: one filter keystroke and the sort select`,
    ``,
    machineLines(info),
    `${RUNS} runs per size, each in a new browser context against a warm wiki (\`--only filter\`). Each time is from the input event to the frame after it (the message posted from that frame's requestAnimationFrame); p95 over every keystroke of every run. The plain input is the same letters typed into an \`<input>\` without a handler on the same page, right after: the frame the browser itself needs.`,
    ``,
    `## Filter: one keystroke (typing "${QUERY}")`,
    keystrokeTable(rows),
    ``,
    `## Sort by country: event to the next frame`,
    table(
      ["partners", "gadget: sort select (median)", "p95"],
      rows.map((r) => [r.partners.toLocaleString("en"), ms(r.gadget.sortMs), ms(r.gadget.sortP95Ms)]),
    ),
  ].join("\n");
}

function markdown(info: ReturnType<typeof machine>, rows: typeof results): string {
  const kB = (n: number) => `${round(n / 1024, 0)} kB`;
  return [
    `# Directory: the gadget versus a sortable wikitable`,
    ``,
    machineLines(info),
    `Medians of ${RUNS} runs, each in a new browser context (cold browser cache) against a warm wiki. Times from navigation start.`,
    ``,
    `## First render`,
    `Usable: the gadget's search box is there, filtering the mirror's rows in place before any JSON (or the app's list). Repeat visit: the same browser context loads the page again, with the directory it kept (IndexedDB).`,
    ``,
    table(
      [
        "partners",
        "gadget: usable",
        "gadget: first partner row",
        "repeat visit: usable",
        "repeat visit: first row",
        "wikitable: table in view",
        "wikitable: tablesorter ready",
        "usable vs tablesorter ready",
        "repeat usable vs tablesorter ready",
      ],
      rows.map((r) => [
        r.partners.toLocaleString("en"),
        ms(r.gadget.usableMs),
        ms(r.gadget.firstRowMs),
        ms(r.gadget.repeatUsableMs),
        ms(r.gadget.repeatRowMs),
        ms(r.statusQuo.tableMs),
        ms(r.statusQuo.tablesorterReadyMs),
        ratio(r.gadget.usableMs, r.statusQuo.tablesorterReadyMs),
        ratio(r.gadget.repeatUsableMs, r.statusQuo.tablesorterReadyMs),
      ]),
    ),
    ``,
    `## Filter: one keystroke (typing "${QUERY}"), key event to the next frame`,
    `The wikitable has no filter (the browser's find only highlights). The plain input: the same letters typed into an \`<input>\` without a handler on the same page, the frame the browser itself needs.`,
    ``,
    keystrokeTable(rows),
    ``,
    `## Sort by country: event to the next frame`,
    table(
      ["partners", "gadget: sort select", "wikitable: header click (first sort)", "ratio"],
      rows.map((r) => [
        r.partners.toLocaleString("en"),
        ms(r.gadget.sortMs),
        ms(r.statusQuo.sortMs),
        ratio(r.gadget.sortMs, r.statusQuo.sortMs),
      ]),
    ),
    ``,
    `## Bytes transferred (one cold load)`,
    table(
      [
        "partners",
        "hub page: HTML",
        "hub page: load.php",
        "hub page: api.php (the JSON)",
        "wikitable page: HTML",
        "wikitable page: load.php",
        "mirror pages",
      ],
      rows.map((r) => [
        r.partners.toLocaleString("en"),
        kB(r.gadget.transfer.document),
        kB(r.gadget.transfer.loadPhp),
        kB(r.gadget.transfer.apiPhp),
        kB(r.statusQuo.transfer?.document ?? NaN),
        kB(r.statusQuo.transfer?.loadPhp ?? NaN),
        r.mirror.pages.length,
      ]),
    ),
  ].join("\n");
}
