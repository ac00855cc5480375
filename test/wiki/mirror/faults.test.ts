// Faults, each followed by a run that must converge with no event lost. This file has its own
// wiki: it stops it and makes it report lag, which would disturb the other files' tests.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaWikiClient, type MediaWikiClient } from "../../../worker/mediawiki/client.ts";
import { mirrorCredentials } from "../../../worker/mirror/job.ts";
import { mirrorStatus } from "../../../worker/storage/mirror.ts";
import { login, startWiki, type WikiClient, type WikiHandle } from "../../../tools/wiki/harness.ts";
import { expectConverged, history } from "../../../tools/wiki/mirror-pages.ts";
import { mirrorConfig, TestRecord, uniquePrefix } from "../../../tools/wiki/mirror-record.ts";

const LIMIT = 2 * 1024 * 1024;
let dir: string;
let wiki: WikiHandle;
let reader: WikiClient;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "partnerhub-faults-"));
  wiki = await startWiki({ dir });
  reader = await login(wiki.apiUrl, wiki.bot.botUsername, wiki.bot.botPassword);
});
afterAll(async () => {
  await wiki?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A record already on the wiki, and one more claim that is not yet. */
async function mirroredRecord(name: string) {
  const record = await TestRecord.open();
  const config = mirrorConfig(wiki, uniquePrefix(name));
  await record.affiliate("cz");
  await record.affiliate("de");
  await record.partner("museum-a", "Museum A");
  await record.claim("museum-a", "cz");
  expect((await record.run(config)).errors).toEqual([]);
  await record.claim("museum-a", "de");
  return { record, config };
}

/** The next run converges, and its summary still counts the claim the failed run did not publish. */
async function expectRecovery(record: TestRecord, config: ReturnType<typeof mirrorConfig>, client?: MediaWikiClient) {
  const run = await record.run(config, client ? { client } : {});
  expect(run.errors).toEqual([]);
  await expectConverged(expect, record.db, config, reader, LIMIT);
  const [latest] = await history(reader, `${config.mirror.pagePrefix}/Claims`);
  expect(latest!.comment).toMatch(/^partnerhub mirror: \+1 claim/);
  return run;
}

/** The mirror's own client, with a hook on every request (to break things on purpose). */
function hookedClient(config: ReturnType<typeof mirrorConfig>, hook: (body: URLSearchParams) => void): MediaWikiClient {
  return createMediaWikiClient({
    apiUrl: `${config.wikiScriptUrl}/api.php`,
    userAgent: "partnerhub-tests/0.1 (faults)",
    credentials: mirrorCredentials(config),
    sleep: async () => {},
    fetch: async (input, init) => {
      const body = new URLSearchParams(init?.body ? String(init.body) : new URL(String(input)).search);
      hook(body);
      return fetch(input, init?.body ? { ...init, body } : init);
    },
  });
}

describe("the mirror after a fault", () => {
  it("wiki down: the run fails without moving last_event; the next run converges", async () => {
    const { record, config } = await mirroredRecord("down");
    const before = (await mirrorStatus(record.db, true)).lastEvent;
    await wiki.stop();
    try {
      const failed = await record.run(config);
      expect(failed.ok).toBe(false);
      expect(failed.errors.map((e) => e.code)).toEqual(["network"]);
      const status = await mirrorStatus(record.db, true);
      expect(status).toMatchObject({ lastEvent: before, lag: 1 });
      expect(status.errors.at(-1)).toMatchObject({ code: "network" });
    } finally {
      wiki = await startWiki({ dir, port: wiki.port });
    }
    await expectRecovery(record, config);
  });

  it("maxlag: waits as Retry-After says, gives up after bounded retries; the next run converges", async () => {
    const { record, config } = await mirroredRecord("lag");
    const sleeps: number[] = [];
    await wiki.setLag(12);
    try {
      const failed = await record.run(config, {
        clientOptions: { sleep: async (ms) => void sleeps.push(ms), maxRetries: 3 },
      });
      expect(failed.errors.map((e) => e.code)).toEqual(["maxlag"]);
      expect(sleeps).toHaveLength(3);
      // MediaWiki 1.43 answers maxlag with Retry-After: 5 whatever the lag; the client waits at least that.
      for (const ms of sleeps) expect(ms).toBeGreaterThanOrEqual(5_000);
    } finally {
      await wiki.setLag(0);
    }
    await expectRecovery(record, config);
  });

  it("edit conflict with a person's overlapping edit: re-reads and replaces it, saying so", async () => {
    const { record, config } = await mirroredRecord("conflict");
    const admin = await login(wiki.apiUrl, wiki.admin.username, wiki.admin.password);
    const title = `${config.mirror.pagePrefix}/Claims`;
    let human = 0;
    const client = hookedClient(config, () => {});
    const conflicting: MediaWikiClient = {
      ...client,
      cookies: client.cookies,
      async post(params, options) {
        if (params.action === "edit" && params.title === title && human === 0) {
          human = (await admin.edit(title, "A person rewrote this page.", "my version")).newrevid!;
        }
        return client.post(params, options);
      },
    };
    const run = await expectRecovery(record, config, conflicting);
    expect(run.overwrote).toEqual([title]);
    const [latest] = await history(reader, title);
    expect(latest!.comment).toContain(`replaced an edit by Admin (revision ${human})`);
  });

  it("a person's edit that MediaWiki merged into the mirror's is replaced by the next run, one edit per run", async () => {
    const { record, config } = await mirroredRecord("merge");
    const admin = await login(wiki.apiUrl, wiki.admin.username, wiki.admin.password);
    const title = `${config.mirror.pagePrefix}/Claims`;
    const client = hookedClient(config, () => {});
    let done = false;
    let human = 0;
    const merging: MediaWikiClient = {
      ...client,
      cookies: client.cookies,
      async post(params, options) {
        if (params.action === "edit" && params.title === title && !done) {
          done = true;
          const page = (await admin.readPage(title))!;
          human = (await admin.edit(title, `${page.content}\n\nA note a person added at the end.`, "a note")).newrevid!;
        }
        return client.post(params, options);
      },
    };
    const before = (await history(reader, title)).length;
    const first = await record.run(config, { client: merging });
    // MediaWiki merged the note into the mirror's save; the mirror does not edit the page twice.
    expect(first.errors.map((e) => e.code)).toEqual(["edit_merged"]);
    expect((await history(reader, title)).length).toBe(before + 2); // the person's edit and one of the mirror's
    expect((await reader.readPage(title))!.content).toContain("A note a person added");
    expect((await mirrorStatus(record.db, true)).errors.map((e) => e.code)).toEqual(["edit_merged"]);

    const second = await record.run(config);
    expect(second.errors).toEqual([]);
    expect(second.overwrote).toEqual([title]);
    await expectConverged(expect, record.db, config, reader, LIMIT);
    expect((await reader.readPage(title))!.content).not.toContain("A note a person added");
    const [latest] = await history(reader, title);
    expect(latest!.comment).toMatch(/^partnerhub mirror: \+1 claim/);
    expect(latest!.comment).toContain(`replaced an edit by Admin (revision ${human})`);
  });

  it("bad token: fetches a new CSRF token once and saves", async () => {
    const { record, config } = await mirroredRecord("token");
    let spoiled = 0;
    const client = hookedClient(config, (body) => {
      if (body.get("action") === "edit" && spoiled === 0) {
        spoiled++;
        body.set("token", "0123456789abcdef+\\");
      }
    });
    await expectRecovery(record, config, client);
    expect(spoiled).toBe(1);
  });

  it("expired session: logs in again once and saves", async () => {
    const { record, config } = await mirroredRecord("session");
    let logins = 0;
    const client = hookedClient(config, (body) => {
      if (body.get("action") === "login") logins++;
    });
    await client.userName();
    // The wiki ends the session (as when it expires); the client still holds its old cookie.
    const stale = client.cookies.header()!;
    await fetch(`${wiki.apiUrl}`, {
      method: "POST",
      headers: { Cookie: stale },
      body: new URLSearchParams({ action: "logout", format: "json", token: await csrfOf(stale) }),
    });
    expect(logins).toBe(1);
    await expectRecovery(record, config, client);
    expect(logins).toBe(2);
  });
});

async function csrfOf(cookie: string): Promise<string> {
  const answer = (await (
    await fetch(`${wiki.apiUrl}?action=query&meta=tokens&format=json&formatversion=2`, { headers: { Cookie: cookie } })
  ).json()) as {
    query: { tokens: { csrftoken: string } };
  };
  return answer.query.tokens.csrftoken;
}
