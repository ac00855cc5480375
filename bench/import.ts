/**
 * `npm run bench:import`: importing a list of 1,000 rows (preview, then commit) and the
 * duplicate check a referral form runs while a person types, on both runtimes: workerd
 * (`wrangler dev`, local D1) and Node (node:sqlite), each over loopback HTTP against a
 * seeded directory. Writes bench/results/import.json and import.md.
 *   --reps N    imports per runtime (default 3), each a fresh list of --rows rows
 *   --rows N    rows per list (default 1000, the limit)
 *   --checks N  duplicate checks per runtime (default 60)
 */
import { parseArgs } from "node:util";
import { startBackend } from "./claims/partnerhub.ts";
import { machine, machineLines, median, ms, round, table, writeResults } from "./support/results.ts";

const { values } = parseArgs({
  options: {
    reps: { type: "string", default: "3" },
    rows: { type: "string", default: "1000" },
    checks: { type: "string", default: "60" },
  },
});
const reps = Number(values.reps);
const rows = Number(values.rows);
const checks = Number(values.checks);
const COORDINATOR = "Hub Coordinator";
const COUNTRIES = ["DE", "PL", "FR", "ES", "IT", "CZ", "AT", "NL"];
const KINDS = ["Museum", "Library", "Archive", "University", "Gallery"];

/** A list like those people keep: name, country, website, languages, offers. */
function list(rep: number): string {
  const lines = ["Institution,Country,Website,Languages,Offers"];
  for (let i = 0; i < rows; i++) {
    const kind = KINDS[i % KINDS.length];
    lines.push(
      `Bench ${rep} ${kind} No ${i},${COUNTRIES[i % COUNTRIES.length]},https://b${rep}-${i}.example,en,images`,
    );
  }
  return lines.join("\n");
}

async function post(api: string, path: string, body: unknown, token?: string) {
  const started = performance.now();
  const res = await fetch(`${api}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { token?: string; committed?: boolean; create?: unknown[] };
  return { status: res.status, json, ms: performance.now() - started };
}

interface RuntimeResult {
  runtime: string;
  directory: number;
  previewMs: number[];
  commitMs: number[];
  created: number[];
  checkMs: number[];
}

async function measure(runtime: string, api: string): Promise<RuntimeResult> {
  const session = await post(api, "/session/dev", { username: COORDINATOR });
  if (session.status !== 200) throw new Error(`${runtime}: dev session ${session.status}`);
  const token = session.json.token ?? "";
  const directory = ((await (await fetch(`${api}/partners?limit=1`)).json()) as { total: number }).total;
  const out: RuntimeResult = { runtime, directory, previewMs: [], commitMs: [], created: [], checkMs: [] };
  for (let rep = 1; rep <= reps; rep++) {
    const text = list(rep);
    const preview = await post(api, "/partners/import", { format: "csv", text, dryRun: true }, token);
    const commit = await post(api, "/partners/import", { format: "csv", text, dryRun: false }, token);
    if (preview.status !== 200 || commit.status !== 200 || !commit.json.committed) {
      throw new Error(
        `${runtime}: import ${preview.status}/${commit.status} ${JSON.stringify(commit.json).slice(0, 300)}`,
      );
    }
    out.previewMs.push(preview.ms);
    out.commitMs.push(commit.ms);
    out.created.push(commit.json.create?.length ?? 0);
    console.log(
      `${runtime} rep ${rep}: preview ${ms(preview.ms)}, commit ${ms(commit.ms)}, ${commit.json.create?.length ?? 0} created`,
    );
  }
  // What the form sends as a person types a name: one request per pause, on ever longer prefixes.
  const names = ["Stadtmuseum Dresden", "Biblioteka Narodowa", "Bench 1 Museum No 5", "Archivo Histórico Provincial"];
  for (let i = 0; i < checks; i++) {
    const name = names[i % names.length]!;
    const typed = name.slice(0, Math.max(3, Math.round((name.length * ((i % 5) + 1)) / 5)));
    const started = performance.now();
    const res = await fetch(`${api}/partners/duplicates?name=${encodeURIComponent(typed)}`);
    await res.json();
    if (res.status !== 200) throw new Error(`${runtime}: duplicate check ${res.status}`);
    out.checkMs.push(performance.now() - started);
  }
  return out;
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

const results: RuntimeResult[] = [];
for (const [runtime, label] of [
  ["workers", "workerd + local D1"],
  ["node", "Node + node:sqlite"],
] as const) {
  const backend = await startBackend(runtime, 1000);
  try {
    results.push(await measure(label, backend.api));
  } finally {
    backend.stop();
  }
}

const info = machine();
const data = {
  machine: info,
  rows,
  reps,
  results: results.map((r) => ({
    ...r,
    median: {
      previewMs: round(median(r.previewMs)),
      commitMs: round(median(r.commitMs)),
      checkMs: round(median(r.checkMs)),
      checkP95Ms: round(p95(r.checkMs)),
    },
  })),
};
const md = `# Import and duplicate check

${machineLines(info)}

Each import is a fresh CSV list of ${rows} rows against the seeded directory (preview with
\`dryRun\`, then the commit, over loopback HTTP); ${reps} imports per runtime, medians shown.
The duplicate check is \`GET /partners/duplicates?name=…\` as the referral form sends it once
typing pauses (prefixes of four names), ${checks} requests per runtime.

${table(
  ["runtime", "directory", "preview (median)", "commit (median)", "check (median)", "check (p95)"],
  data.results.map((r) => [
    r.runtime,
    r.directory,
    ms(r.median.previewMs),
    ms(r.median.commitMs),
    ms(r.median.checkMs),
    ms(r.median.checkP95Ms),
  ]),
)}

The form waits 400 ms after the last key before it asks, so what a person notices is that pause
plus the check's time above.
`;
writeResults("import", data, md);
