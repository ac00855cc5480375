/**
 * The mirror against a real MediaWiki: render time, and the edits one run makes, for a first
 * publication of 1,000 and 10,000 partners (fresh SQLite seeded with `demoSeedSql`), for a run
 * with no change (must be 0 edits), and for a burst of 1,000 claims between two runs (at most
 * one edit per page). The status quo makes one wiki edit per claim.
 *
 *   npm run bench:mirror        (BENCH_SIZES=1000 BENCH_RUNS=1 for a quick look)
 */
import { history } from "../tools/wiki/mirror-pages.ts";
import { login } from "../tools/wiki/harness.ts";
import { renderDocuments } from "../worker/mirror/documents.ts";
import { loadMirrorRecord } from "../worker/mirror/job.ts";
import { NEUTRAL_STAMP } from "../worker/mirror/layout.ts";
import { byteLength } from "../worker/mirror/split.ts";
import { benchWiki, META_PAGE_BYTES, seededRecord } from "./support/hub-wiki.ts";
import { machine, machineLines, median, ms, round, table, writeResults } from "./support/results.ts";
import { mirrorConfig, type TestRecord } from "../tools/wiki/mirror-record.ts";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BURST = 1000;
const BURST_SIZE = 1000; // the directory the burst lands on

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
};

/** Render time as the job renders: the pages with their stamp, and again without it for the hashes. */
async function renderMs(record: TestRecord, prefix: string): Promise<{ ms: number; pages: number; bytes: number }> {
  const data = await loadMirrorRecord(record.db);
  const options = {
    prefix,
    category: "Content Partnerships Hub directory",
    gadget: { backendUrl: null, oauthClientId: null },
    limit: META_PAGE_BYTES,
  };
  const stamp = { event: 1, at: "2026-11-20T12:00:00Z" };
  const times: number[] = [];
  let pages = renderDocuments(data, stamp, options).flat(); // warm-up
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    pages = renderDocuments(data, stamp, options).flat();
    renderDocuments(data, NEUTRAL_STAMP, options);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), pages: pages.length, bytes: pages.reduce((n, p) => n + byteLength(p.text), 0) };
}

/** `count` new claims, each for a partner that takes claims and an affiliate that has none on it yet. */
async function burst(record: TestRecord, count: number): Promise<void> {
  const partners = await record.db
    .prepare("SELECT id FROM partner_view WHERE status IN ('open', 'matched') ORDER BY id")
    .all<{ id: string }>();
  const affiliates = await record.db.prepare("SELECT id FROM affiliate ORDER BY id").all<{ id: string }>();
  const taken = new Set(
    (
      await record.db.prepare("SELECT partner_id || '|' || affiliate_id AS k FROM claim").all<{ k: string }>()
    ).results.map((r) => r.k),
  );
  let made = 0;
  for (const a of affiliates.results) {
    for (const p of partners.results) {
      if (made === count) return;
      if (taken.has(`${p.id}|${a.id}`)) continue;
      await record.claim(p.id, a.id);
      made++;
    }
  }
  throw new Error(`only ${made} free (partner, affiliate) pairs`);
}

const wiki = await benchWiki(); // Meta's $wgMaxArticleSize (2 MiB): the mirror splits as in production
const reader = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
const revisionCounts = async (titles: string[]) =>
  new Map(await Promise.all(titles.map(async (t) => [t, (await history(reader, t)).length] as const)));
interface Burst {
  claims: number;
  ms: number;
  edits: number;
  maxEditsPerPage: number;
  summary: string;
}
interface Run {
  render: { ms: number; pages: number; bytes: number };
  first: { ms: number; edits: number };
  noChange: { ms: number; edits: number };
  burst: Burst | null;
}
const results: Array<{
  partners: number;
  pages: number;
  megabytes: number;
  renderMs: number;
  first: Run["first"];
  noChange: Run["noChange"];
  burst: Burst | null;
  runs: Run[];
}> = [];
try {
  for (const partners of SIZES) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const prefix = `Mirror bench ${partners} ${Date.now().toString(36)}/Directory`;
      const record = await seededRecord(partners);
      const config = mirrorConfig(wiki, prefix);
      const render = await renderMs(record, prefix);
      const [first, firstMs] = await timed(() => record.run(config));
      const [again, againMs] = await timed(() => record.run(config));
      if (!first.ok || !again.ok) throw new Error(JSON.stringify([first.errors, again.errors]));
      const run: Run = {
        render,
        first: { ms: firstMs, edits: first.edited.length },
        noChange: { ms: againMs, edits: again.edited.length },
        burst: null,
      };
      if (partners === BURST_SIZE) {
        const before = await revisionCounts(first.edited);
        await burst(record, BURST);
        const [after, burstMs] = await timed(() => record.run(config));
        if (!after.ok) throw new Error(JSON.stringify(after.errors));
        const revisions = await revisionCounts(first.edited);
        const perPage = first.edited.map((t) => (revisions.get(t) ?? 0) - (before.get(t) ?? 0));
        const summary = (await history(reader, after.edited[0]!))[0]?.comment ?? "";
        run.burst = {
          claims: BURST,
          ms: burstMs,
          edits: after.edited.length,
          maxEditsPerPage: Math.max(...perPage),
          summary,
        };
      }
      runs.push(run);
      console.log(`${partners} partners, run ${i + 1}: ${JSON.stringify(run)}`);
    }
    results.push({
      partners,
      pages: runs[0]!.render.pages,
      megabytes: round(runs[0]!.render.bytes / 2 ** 20, 2),
      renderMs: median(runs.map((r) => r.render.ms)),
      first: { ms: median(runs.map((r) => r.first.ms)), edits: runs[0]!.first.edits },
      noChange: { ms: median(runs.map((r) => r.noChange.ms)), edits: Math.max(...runs.map((r) => r.noChange.edits)) },
      burst: runs[0]!.burst ? { ...runs[0]!.burst, ms: median(runs.map((r) => r.burst?.ms ?? NaN)) } : null,
      runs,
    });
  }
  const info = machine({ mediawiki: wiki.version });
  writeResults("mirror", { machine: info, runs: RUNS, sizes: results }, markdown(info));
} finally {
  await wiki.stop();
}

function markdown(info: ReturnType<typeof machine>): string {
  const b = results.find((r) => r.burst)?.burst;
  return [
    `# Mirror: render time and edits`,
    ``,
    machineLines(info),
    `Medians of ${RUNS} runs, each a first publication under a new page prefix on the same test wiki (pages split at 2 MiB, as on Meta-Wiki).`,
    ``,
    table(
      [
        "partners",
        "pages",
        "MiB",
        "render (stamped + neutral)",
        "first publication: time",
        "edits",
        "no-change run: time",
        "edits",
      ],
      results.map((r) => [
        r.partners.toLocaleString("en"),
        r.pages,
        r.megabytes,
        ms(r.renderMs),
        ms(r.first.ms),
        r.first.edits,
        ms(r.noChange.ms),
        r.noChange.edits,
      ]),
    ),
    ``,
    b
      ? [
          `## A burst of ${b.claims.toLocaleString("en")} claims on ${BURST_SIZE.toLocaleString("en")} partners, then one run`,
          table(
            ["", "wiki edits", "most edits of one page", "time"],
            [
              ["partnerhub mirror (one run)", b.edits, b.maxEditsPerPage, ms(b.ms)],
              ["status quo: each claim edits the wikitable", b.claims, b.claims, "see the claims benchmark"],
            ],
          ),
          ``,
          `Edit summary: "${b.summary}". Ratio: ${round(b.claims / Math.max(1, b.edits))}× fewer edits.`,
        ].join("\n")
      : "",
  ].join("\n");
}
