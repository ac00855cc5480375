// The Node entry as Toolforge runs it, with bot credentials against the test wiki: a coordinator's
// `POST /mirror/run` and the in-process timer both publish the record, as the Cron Trigger does on Workers.
// The server first: it loads @hono/zod-openapi before any schema exists (see worker/node/server.ts).
import { startServer, type RunningServer } from "../../../worker/node/server.ts";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readConfig } from "../../../worker/config.ts";
import { openSqlite } from "../../../worker/node/sqlite.ts";
import { latestEventSeq } from "../../../worker/storage/events.ts";
import { apiGet, attachWiki, login, type WikiClient } from "../../../tools/wiki/harness.ts";
import { expectConverged } from "../../../tools/wiki/mirror-pages.ts";
import { uniquePrefix } from "../../../tools/wiki/mirror-record.ts";

const wiki = attachWiki(inject("wiki"));
let dir: string;
let reader: WikiClient;
let limit: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "partnerhub-node-mirror-"));
  reader = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
  const si = await apiGet(wiki.apiUrl, { action: "query", meta: "siteinfo" });
  limit = (si.query as { general: { maxarticlesize: number } }).general.maxarticlesize;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The environment of a Node deployment with the mirror's BotPassword, on loopback. */
function deploymentEnv(name: string, extra: Record<string, string>) {
  return {
    SESSION_SECRET: randomBytes(32).toString("hex"),
    WIKI_SCRIPT_URL: wiki.scriptUrl,
    COORDINATORS: "Coord One",
    DEV_LOGIN: "on",
    MIRROR_PAGE_PREFIX: uniquePrefix(name),
    MIRROR_BOT_USERNAME: wiki.bot.botUsername,
    MIRROR_BOT_PASSWORD: wiki.bot.botPassword,
    DATABASE_PATH: join(dir, `${name}.sqlite`),
    HOST: "127.0.0.1",
    PORT: "0",
    ...extra,
  };
}

/** A client of the running server, signed in as a coordinator through the dev login (from loopback). */
async function coordinator(server: RunningServer) {
  const res = await fetch(`${server.url}/api/v1/session/dev`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "Coord One" }),
  });
  expect(res.status).toBe(200);
  const { token } = (await res.json()) as { token: string };
  return (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
}

const partner = (name: string) => ({
  name,
  kind: "museum",
  country: "CZ",
  languages: ["cs"],
  offers: ["images"],
  projects: ["commons"],
  funding: "has_grant",
  summary: "Photographs of Prague.",
  asks: [],
  links: [],
});

async function expectPublished(env: Record<string, string>) {
  const db = openSqlite(env.DATABASE_PATH!);
  try {
    await expectConverged(expect, db, readConfig(env), reader, limit);
  } finally {
    db.close();
  }
}

describe("the mirror on the Node entry", () => {
  it("publishes the record when a coordinator runs it (POST /mirror/run)", async () => {
    const env = deploymentEnv("node-run", { SCHEDULE_MINUTES: "0" });
    const server = await startServer({ env });
    try {
      const as = await coordinator(server);
      expect((await as("POST", "/partners", partner("Prague Photo Archive"))).status).toBe(201);
      const run = await as("POST", "/mirror/run");
      expect(run.status).toBe(200);
      expect(await run.json()).toMatchObject({ configured: true, lag: 0, errors: [] });
      await expectPublished(env);
    } finally {
      await server.close();
    }
  });

  it("publishes the record from its timer, without anyone asking", async () => {
    // A tick every 0.6 s: the timer of a deployment (SCHEDULE_MINUTES=10), sped up.
    const env = deploymentEnv("node-timer", { SCHEDULE_MINUTES: "0.01" });
    const server = await startServer({ env });
    try {
      const as = await coordinator(server);
      expect((await as("POST", "/partners", partner("Brno Map Collection"))).status).toBe(201);
      const db = openSqlite(env.DATABASE_PATH);
      const target = await latestEventSeq(db);
      db.close();
      // Bounded: each round trip is real; the run after the first tick reports the event on the wiki.
      let status: { lastEvent: number; errors: unknown[] } = { lastEvent: 0, errors: [] };
      for (let i = 0; i < 600 && status.lastEvent < target; i++) {
        status = (await (await fetch(`${server.url}/api/v1/mirror/status`)).json()) as typeof status;
        if (status.lastEvent < target) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toMatchObject({ lastEvent: target, errors: [] });
      await expectPublished(env);
    } finally {
      await server.close();
    }
  });
});
