// A hub for the notification tests on the real wiki: the Node app over in-memory SQLite (dev
// sign-in on loopback), its bot writing to the test wiki, a clock the test moves, and readers
// for what a recipient sees: their talk page's sections and their Echo notifications.
import { expect } from "vitest";
import type { MediaWikiClientOptions } from "../../../worker/mediawiki/client.ts";
import { createNodeApp, nodeDeps } from "../../../worker/node/deps.ts";
import { migrate } from "../../../worker/node/migrate.ts";
import { openSqlite } from "../../../worker/node/sqlite.ts";
import { type NotifyRunResult, runNotifyJob } from "../../../worker/notify/job.ts";
import { login, newPassword, type WikiClient, type WikiHandle } from "../../../tools/wiki/harness.ts";
import { mirrorConfig, uniquePrefix } from "../../../tools/wiki/mirror-record.ts";

const BASE = "http://127.0.0.1/api/v1";
const HOUR = 3_600_000;

/** Names no other test (or earlier run) has used: talk pages and Echo counts start empty. */
export const unique = (name: string) => `${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Several unique names at once, typed as many as asked for. */
export const uniques = <const T extends readonly string[]>(...names: T) =>
  names.map(unique) as { -readonly [K in keyof T]: string };

export class NotifyHub {
  private clock = Date.now();
  private readonly tokens = new Map<string, string>();
  readonly db = openSqlite(":memory:");
  readonly config;
  private readonly app;

  constructor(wiki: WikiHandle, coordinators: string[], vars: Record<string, string> = {}) {
    this.config = mirrorConfig(wiki, uniquePrefix("notify"), {
      COORDINATORS: coordinators.join(","),
      DEV_LOGIN: "on",
      WRITES_PER_MINUTE: "100000",
      ...vars,
    });
    // Requests run at the real time (session tokens are checked against it); the bot's runs at the test's clock.
    this.app = createNodeApp({ ...nodeDeps(this.db, this.config), clientAddress: () => "127.0.0.1" });
  }

  static async open(wiki: WikiHandle, coordinators: string[], vars: Record<string, string> = {}) {
    const hub = new NotifyHub(wiki, coordinators, vars);
    await migrate(hub.db);
    return hub;
  }

  advance(hours: number) {
    this.clock += hours * HOUR;
  }

  /** A request as `user`; fails the test unless it succeeds. */
  async as<T = Record<string, unknown>>(user: string, method: string, path: string, body?: unknown): Promise<T> {
    let token = this.tokens.get(user);
    if (!token) {
      const res = await this.app.fetch(
        new Request(`${BASE}/session/dev`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ username: user }),
        }),
      );
      expect(res.status, `dev sign-in of ${user}`).toBe(200);
      token = ((await res.json()) as { token: string }).token;
      this.tokens.set(user, token);
    }
    const res = await this.app.fetch(
      new Request(`${BASE}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await res.text();
    expect(res.ok, `${method} ${path} as ${user}: ${res.status} ${text.slice(0, 300)}`).toBe(true);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async affiliate(
    coordinator: string,
    id: string,
    name: string,
    reps: string[],
    over: { countries?: string[]; languages?: string[]; capabilities?: string[] } = {},
  ) {
    await this.as(coordinator, "POST", "/affiliates", {
      id,
      name,
      kind: "chapter",
      wikiPage: name,
      countries: over.countries ?? ["DE"],
      languages: over.languages ?? ["de"],
      capabilities: over.capabilities ?? ["images"],
    });
    for (const username of reps) await this.as(coordinator, "POST", `/affiliates/${id}/representatives`, { username });
  }

  async partner(by: string, name: string, over: Record<string, unknown> = {}): Promise<string> {
    const body = {
      name,
      kind: "museum",
      country: "DE",
      languages: ["de"],
      offers: ["images"],
      funding: "has_grant",
      contact: { name: "Private", email: "private@example.org", notes: "" },
      ...over,
    };
    return (await this.as<{ id: string }>(by, "POST", "/partners", body)).id;
  }

  async claim(by: string, partner: string, affiliate: string, message = "We can take this partner"): Promise<number> {
    return (await this.as<{ claim: { id: number } }>(by, "POST", `/partners/${partner}/claims`, { affiliate, message }))
      .claim.id;
  }

  act(by: string, claim: number, action: string, body: Record<string, unknown> = {}) {
    return this.as(by, "POST", `/claims/${claim}/${action}`, body);
  }

  /** Everything that happened so far is read as one run of the bot would (retries do not really wait). */
  run(options: { clientOptions?: Partial<MediaWikiClientOptions> } = {}): Promise<NotifyRunResult> {
    return runNotifyJob(
      { db: this.db, config: this.config, now: () => new Date(this.clock) },
      { clientOptions: { sleep: async () => {}, maxRetries: 2, ...options.clientOptions } },
    );
  }
}

/** Wiki accounts for people who must read their own Echo notifications. */
export async function wikiAccounts(wiki: WikiHandle, names: string[]): Promise<Map<string, WikiClient>> {
  const clients = new Map<string, WikiClient>();
  for (const name of names) {
    const password = newPassword();
    await wiki.createUser(name, password);
    clients.set(name, await login(wiki.apiUrl, name, password));
  }
  return clients;
}

interface EchoNotification {
  type: string;
  read?: string;
  title?: { full: string };
  agent?: { name: string };
}

/** The recipient's Echo notifications (alerts and messages), as the badge counts them. */
export async function echoOf(client: WikiClient): Promise<EchoNotification[]> {
  const answer = await client.get({
    action: "query",
    meta: "notifications",
    notsections: "alert|message",
    notprop: "list|count",
    notlimit: 50,
    notformat: "model",
  });
  return ((answer.query as { notifications: { list: EchoNotification[] } }).notifications.list ?? []).filter(
    (n) => n.type !== "welcome",
  );
}

/** The sections the bot posted on a talk page (by `== heading ==`), each with its text. */
export async function sectionsOn(reader: WikiClient, user: string): Promise<string[]> {
  const page = await reader.readPage(`User talk:${user}`);
  if (!page) return [];
  return page.content
    .split(/^(?===[^=])/m)
    .map((s) => s.trim())
    .filter((s) => s.startsWith("== Content Partnerships Hub:"));
}

/** The bot's edits on a page, newest first, with their minor flag. */
export async function botEdits(reader: WikiClient, title: string) {
  const answer = await reader.get({
    action: "query",
    prop: "revisions",
    titles: title,
    rvprop: "ids|user|flags|comment",
    rvlimit: 50,
  });
  const page = (
    answer.query as { pages: Array<{ revisions?: Array<{ user: string; minor: boolean; comment: string }> }> }
  ).pages[0];
  return (page?.revisions ?? []).filter((r) => r.user === "Bot");
}
