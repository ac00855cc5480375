// Measuring inside the page, from an init script that runs before any of the page's scripts.
// All times are performance.now(): milliseconds since the navigation started.
import type { Page, Request } from "playwright-core";

/** What the probe leaves in `window.__bench`. */
export interface ProbeState {
  /** The first animation frame in which each selector matched. */
  marks: Partial<Record<"row" | "usable" | "table" | "sorter", number>>;
  /** Per input event (keydown, change, click): the time from the event to after the next frame. */
  events: Array<{ type: string; key: string | null; ms: number; count: string | null; first: string | null }>;
}

export const PROBE = `(() => {
  const state = { marks: {}, events: [] };
  window.__bench = state;
  // usable: the gadget's search box, over the mirror's rows or the app's list.
  const probes = { row: ".partnerhub-row", usable: ".partnerhub-search input", table: "table.wikitable", sorter: "table.jquery-tablesorter" };
  // Checked once per frame: a mark is the frame in which the element could first be painted.
  const tick = () => {
    for (const k in probes) if (!(k in state.marks) && document.querySelector(probes[k])) state.marks[k] = performance.now();
    if (performance.now() < 120000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const first = () => {
    const row = document.querySelector('.partnerhub-row[data-index="0"] .partnerhub-row__name');
    if (row) return row.textContent;
    const cell = document.querySelector("table.wikitable tbody tr td");
    return cell ? cell.textContent.trim() : null;
  };
  // From the event's time stamp to the frame after it: the handlers, Preact's render (a
  // microtask) or tablesorter's synchronous sort, then style and layout of that frame. The
  // message posted from requestAnimationFrame arrives after the frame is produced.
  const after = (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const count = document.querySelector(".partnerhub-count");
        state.events.push({ type: e.type, key: e.key ?? null, ms: performance.now() - t0, count: count ? count.textContent : null, first: first() });
      };
      channel.port2.postMessage(null);
    });
  };
  for (const type of ["keydown", "change", "click"]) document.addEventListener(type, after, true);
})();`;

export const probe = (page: Page) => page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench);

/** Waits until the probe has recorded `n` events of `type`, and returns the last one. */
export async function nextEvent(page: Page, type: string, n: number): Promise<ProbeState["events"][number]> {
  await page.waitForFunction(
    ([t, k]) => (window as unknown as { __bench: ProbeState }).__bench.events.filter((e) => e.type === t).length >= k,
    [type, n] as const,
    { timeout: 60_000 },
  );
  const events = (await probe(page)).events.filter((e) => e.type === type);
  return events[n - 1]!;
}

export interface Transfer {
  /** Bytes received (headers and encoded body) per kind of request. */
  document: number;
  loadPhp: number;
  apiPhp: number;
  other: number;
  /** load.php requests by their `modules=` parameter, with bytes. */
  modules: Array<{ modules: string; bytes: number; bodyBytes: number }>;
}

/** Counts the bytes of every finished request of a page. Call before the navigation. */
export function trackTransfer(page: Page): { done: () => Promise<Transfer> } {
  const pending: Array<Promise<void>> = [];
  const t: Transfer = { document: 0, loadPhp: 0, apiPhp: 0, other: 0, modules: [] };
  const add = async (request: Request) => {
    const sizes = await request.sizes();
    const bytes = sizes.responseHeadersSize + sizes.responseBodySize;
    const url = new URL(request.url());
    if (request.resourceType() === "document") t.document += bytes;
    else if (url.pathname.endsWith("/load.php")) {
      t.loadPhp += bytes;
      t.modules.push({ modules: url.searchParams.get("modules") ?? "", bytes, bodyBytes: sizes.responseBodySize });
    } else if (url.pathname.endsWith("/api.php")) t.apiPhp += bytes;
    else t.other += bytes;
  };
  page.on("requestfinished", (request) => void pending.push(add(request)));
  return {
    done: async () => {
      await Promise.all(pending);
      return t;
    },
  };
}
