/**
 * `npm run bench:notifications`: how many talk-page edits the notices make in each preference
 * mode, for a realistic day (and a week) of the demo hub. The record is the seeded demo directory
 * on node:sqlite; the day's ~40 events go through the real API as the people of the hub; the bot's
 * runs every 10 minutes are the real scan and plan of worker/notify/job.ts, with the edit itself
 * counted instead of sent (no wiki needed: the count is what matters, and every planned section
 * is one edit). Writes bench/results/notifications.json and notifications.md.
 *   --days N   simulated days (default 7; the day figures are from day 1)
 */
import "@hono/zod-openapi";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { NOTIFICATION_MODES, type NotificationMode } from "../shared/vocabulary.ts";
import { readConfig } from "../worker/config.ts";
import { createNodeApp, nodeDeps } from "../worker/node/deps.ts";
import { migrate } from "../worker/node/migrate.ts";
import { seedIfEmpty } from "../worker/node/seed.ts";
import { openSqlite, type NodeSqlDatabase } from "../worker/node/sqlite.ts";
import { planDeliveries, scanEvents } from "../worker/notify/job.ts";
import { latestEventSeq } from "../worker/storage/events.ts";
import { pendingRecipients, recordDelivery, setPreference } from "../worker/storage/notifications.ts";

const { values } = parseArgs({
  options: {
    days: { type: "string", default: "7" },
    out: { type: "string", default: join(import.meta.dirname, "results") },
  },
});
const DAYS = Number(values.days);
const RUN_MINUTES = 10;
const COORDINATOR = "Hub Coordinator";

/** A deterministic sequence, so every mode sees the same day. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31), s / 2 ** 31);
}

interface Hub {
  db: NodeSqlDatabase;
  call(user: string, method: string, path: string, body?: unknown): Promise<boolean>;
}

async function openHub(): Promise<Hub> {
  const db = openSqlite(":memory:");
  await migrate(db);
  await seedIfEmpty(db);
  const config = readConfig({
    SESSION_SECRET: randomBytes(32).toString("hex"),
    WIKI_SCRIPT_URL: "http://127.0.0.1:9",
    COORDINATORS: COORDINATOR,
    DEV_LOGIN: "on",
    WRITES_PER_MINUTE: "100000",
  });
  // In process, as from loopback (the dev sign-in is accepted only from there).
  const app = createNodeApp({ ...nodeDeps(db, config), clientAddress: () => "127.0.0.1" });
  const tokens = new Map<string, string>();
  const request = (path: string, method: string, body: unknown, token?: string) =>
    app.fetch(
      new Request(`http://127.0.0.1/api/v1${path}`, {
        method,
        headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return {
    db,
    async call(user, method, path, body) {
      let token = tokens.get(user);
      if (!token) {
        const res = await request("/session/dev", "POST", { username: user });
        if (!res.ok) throw new Error(`dev sign-in of ${user}: ${res.status} ${await res.text()}`);
        token = ((await res.json()) as { token: string }).token;
        tokens.set(user, token);
      }
      const res = await request(path, method, body, token);
      if (!res.ok && process.env.BENCH_DEBUG) console.warn(method, path, res.status, (await res.text()).slice(0, 200));
      return res.ok;
    },
  };
}

const rows = async <T>(db: NodeSqlDatabase, sql: string) => (await db.prepare(sql).all<T>()).results;

/** One event of a realistic day, chosen from the record as it is; false when none applies. */
async function oneEvent(hub: Hub, kind: string, pick: <T>(xs: T[]) => T | undefined, n: number): Promise<boolean> {
  const { db } = hub;
  type Rep = { affiliate_id: string; user_name: string };
  const reps = await rows<Rep>(db, `SELECT affiliate_id, user_name FROM representative WHERE status = 'verified'`);
  const rep = pick(reps);
  if (!rep) return false;
  switch (kind) {
    case "refer":
      return hub.call(rep.user_name, "POST", "/partners", {
        name: `Bench Institution ${n}`,
        kind: "library",
        country: pick(["DE", "CZ", "FR", "BR", "IN", "NG"]),
        languages: ["en"],
        offers: [pick(["images", "data", "training", "editathon"])],
        funding: "seeking_funding",
        contact: { name: "Contact", email: "contact@example.org", notes: "" },
      });
    case "claim": {
      const open = await rows<{ id: string }>(
        db,
        `SELECT id FROM partner_view WHERE status = 'open' AND id NOT IN
           (SELECT partner_id FROM claim WHERE affiliate_id = '${rep.affiliate_id}' AND status IN ('interested','lead'))`,
      );
      const p = pick(open);
      return p
        ? hub.call(rep.user_name, "POST", `/partners/${p.id}/claims`, {
            affiliate: rep.affiliate_id,
            message: "We can help",
          })
        : false;
    }
    case "accept":
    case "decline": {
      const waiting = await rows<{ id: number }>(
        db,
        `SELECT c.id FROM claim c JOIN partner_view p ON p.id = c.partner_id WHERE c.status = 'interested' AND p.status = 'open'`,
      );
      const c = pick(waiting);
      return c
        ? hub.call(COORDINATOR, "POST", `/claims/${c.id}/${kind}`, {
            reason: kind === "decline" ? "Not a fit this year" : "",
          })
        : false;
    }
    case "handover": {
      const pairs = await rows<{ lead: number; other: number }>(
        db,
        `SELECT l.id AS lead, o.id AS other FROM claim l JOIN claim o ON o.partner_id = l.partner_id
          WHERE l.status = 'lead' AND o.status = 'interested'`,
      );
      const h = pick(pairs);
      return h
        ? hub.call(COORDINATOR, "POST", `/claims/${h.lead}/handover`, {
            to: h.other,
            reason: "Closer to the institution",
          })
        : false;
    }
    case "progress":
    case "complete":
    case "release": {
      const leads = await rows<{ id: number; stage: string | null; user_name: string }>(
        db,
        `SELECT c.id, c.stage, r.user_name FROM claim c JOIN representative r ON r.affiliate_id = c.affiliate_id
          WHERE c.status = 'lead' AND r.status = 'verified'`,
      );
      const l = pick(kind === "progress" ? leads.filter((x) => x.stage === null) : leads);
      if (!l) return false;
      const body = kind === "progress" ? { stage: "contacted", note: "First call" } : { reason: "" };
      return hub.call(l.user_name, "POST", `/claims/${l.id}/${kind}`, body);
    }
    case "request":
      return hub.call(`Bench Newcomer ${n}`, "POST", `/affiliates/${rep.affiliate_id}/representatives`, {
        username: `Bench Newcomer ${n}`,
      });
    default:
      return false;
  }
}

/** The day's mix: ~40 events between 09:00 and 17:00 (UTC). */
const DAY_MIX: string[] = [
  ...Array(6).fill("refer"),
  ...Array(12).fill("claim"),
  ...Array(6).fill("accept"),
  ...Array(3).fill("decline"),
  ...Array(2).fill("handover"),
  ...Array(5).fill("progress"),
  ...Array(2).fill("complete"),
  ...Array(2).fill("release"),
  ...Array(2).fill("request"),
];

interface ModeResult {
  mode: NotificationMode;
  /** Events in the log on day 1 (a hand-over writes two), and over all days. */
  eventsDay1: number;
  events: number;
  editsDay1: number;
  edits: number;
  recipientsDay1: number;
  maxEditsOnePageDay1: number;
}

async function simulate(mode: NotificationMode): Promise<ModeResult> {
  const hub = await openHub();
  const config = readConfig({
    SESSION_SECRET: "x".repeat(32),
    WIKI_SCRIPT_URL: "http://127.0.0.1:9",
    COORDINATORS: COORDINATOR,
  });
  // The seed's history is treated as delivered before the day starts.
  await scanEvents(hub.db, config);
  const start = Date.parse("2026-12-01T00:00:00Z");
  for (const p of await pendingRecipients(hub.db))
    await recordDelivery(hub.db, {
      recipient: p.recipient,
      state: "sent",
      detail: "before the bench",
      at: new Date(start).toISOString(),
      deliveredSeq: p.upTo,
    });

  const first = await latestEventSeq(hub.db);
  let eventsDay1 = 0;
  const pick = random(42);
  const choose = <T>(xs: T[]) => (xs.length ? xs[Math.floor(pick() * xs.length)] : undefined);
  let actions = 0;
  let edits = 0;
  let editsDay1 = 0;
  const perPage = new Map<string, number>();
  const runsPerDay = (24 * 60) / RUN_MINUTES;
  for (let day = 0; day < DAYS; day++) {
    const mix = [...DAY_MIX].sort(() => pick() - 0.5);
    for (let run = 0; run < runsPerDay; run++) {
      const now = new Date(start + (day * runsPerDay + run) * RUN_MINUTES * 60_000);
      const hour = now.getUTCHours() + now.getUTCMinutes() / 60;
      // Events in working hours, one every ~12 minutes.
      if (hour >= 9 && hour < 17 && mix.length && pick() < 0.85) {
        const kind = mix.shift()!;
        if (await oneEvent(hub, kind, choose, actions)) actions++;
      }
      await scanEvents(hub.db, config);
      const pending = await pendingRecipients(hub.db);
      for (const p of pending) if (p.mode === null) await setPreference(hub.db, p.recipient, mode, now.toISOString());
      const plan = planDeliveries(await pendingRecipients(hub.db), now);
      for (const p of plan.none)
        await recordDelivery(hub.db, {
          recipient: p.recipient,
          state: "skipped",
          detail: "preference_none",
          at: now.toISOString(),
          deliveredSeq: p.upTo,
        });
      for (const p of plan.due) {
        await recordDelivery(hub.db, {
          recipient: p.recipient,
          state: "sent",
          detail: "",
          at: now.toISOString(),
          deliveredSeq: p.upTo,
          posted: true,
        });
        edits++;
        if (day === 0) {
          editsDay1++;
          perPage.set(p.recipient, (perPage.get(p.recipient) ?? 0) + 1);
        }
      }
    }
    if (day === 0) {
      eventsDay1 = (await latestEventSeq(hub.db)) - first;
      console.log(`${mode}: day 1 had ${eventsDay1} events, ${editsDay1} talk-page edits`);
    }
  }
  return {
    mode,
    eventsDay1,
    events: (await latestEventSeq(hub.db)) - first,
    editsDay1,
    edits,
    recipientsDay1: perPage.size,
    maxEditsOnePageDay1: Math.max(0, ...perPage.values()),
  };
}

const results: ModeResult[] = [];
for (const mode of NOTIFICATION_MODES) results.push(await simulate(mode));
mkdirSync(values.out, { recursive: true });
writeFileSync(
  join(values.out, "notifications.json"),
  `${JSON.stringify({ days: DAYS, runMinutes: RUN_MINUTES, results }, null, 2)}\n`,
);
const r0 = results[0];
const md = [
  `# Talk-page edits by preference mode (demo hub, a bot run every ${RUN_MINUTES} min)`,
  "",
  `Everyone in the mode of the row. Day 1: ${r0?.eventsDay1} events between 09:00 and 17:00; ${DAYS} days: ${r0?.events} events.`,
  "",
  `| mode | edits on day 1 | people told on day 1 | most edits on one page, day 1 | edits in ${DAYS} days |`,
  "|---|---:|---:|---:|---:|",
  ...results.map((r) => `| ${r.mode} | ${r.editsDay1} | ${r.recipientsDay1} | ${r.maxEditsOnePageDay1} | ${r.edits} |`),
  "",
].join("\n");
writeFileSync(join(values.out, "notifications.md"), md);
console.log(md);
