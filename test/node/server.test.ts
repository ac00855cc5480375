/** The Node entry over real HTTP: configuration from the environment, the socket's address, graceful shutdown. */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../worker/node/server.ts";
import { MIGRATIONS_DIR } from "../../worker/node/migrate.ts";
import { openSqlite } from "../../worker/node/sqlite.ts";

const dir = mkdtempSync(join(tmpdir(), "partnerhub-server-"));
const databasePath = join(dir, "data", "hub.sqlite");
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    env: { ...process.env, DATABASE_PATH: databasePath, PORT: "0", HOST: "127.0.0.1" },
    seed: true,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves once `url` refuses connections (bounded: 200 attempts, each one a real round trip). */
async function refused(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      return;
    }
  }
  throw new Error(`${url} still accepts connections`);
}

describe("startServer", () => {
  it("serves the migrated, seeded database on loopback", async () => {
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);
    const list = (await (await fetch(`${server.url}/api/v1/partners`)).json()) as { total: number };
    expect(list.total).toBeGreaterThan(0);
  });

  it("accepts development sign-in from a loopback socket", async () => {
    const res = await fetch(`${server.url}/api/v1/session/dev`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "Coord One" }),
    });
    expect(res.status).toBe(200);
  });

  it("finishes in-flight requests on close(), refuses new ones, and closes the database", async () => {
    const own = await startServer({ env: { ...process.env, DATABASE_PATH: join(dir, "own.sqlite"), PORT: "0" } });
    // A request whose body arrives slowly is in flight when close() starts.
    let push!: (chunk: string | null) => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (chunk) => (chunk === null ? controller.close() : controller.enqueue(new TextEncoder().encode(chunk)));
      },
    });
    const inFlight = fetch(`${own.url}/api/v1/session/dev`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    push('{"username":');
    // The request is in flight once the server holds its connection.
    for (let i = 0; (await own.connections()) === 0; i++) {
      if (i > 10_000) throw new Error("the request never reached the server");
      await new Promise((r) => setImmediate(r));
    }
    const closed = own.close();
    // Wait until the server refuses new connections, while the first request is still unfinished.
    await refused(`${own.url}/api/v1/health`);
    push('"Late Caller"}');
    push(null);
    expect((await inFlight).status).toBe(200);
    await closed;
    await expect(fetch(`${own.url}/api/v1/health`)).rejects.toThrow();
    // The file is closed cleanly: another connection opens it and finds the migrations.
    const reopened = openSqlite(join(dir, "own.sqlite"));
    expect(await reopened.prepare("SELECT count(*) AS n FROM d1_migrations").first()).toEqual({
      n: readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql")).length,
    });
    reopened.close();
  });
});

describe("behind Toolforge's front proxy (TRUST_PROXY=1)", () => {
  let proxied: RunningServer;
  beforeAll(async () => {
    proxied = await startServer({
      env: {
        ...process.env,
        DATABASE_PATH: join(dir, "proxied.sqlite"),
        PORT: "0",
        TRUST_PROXY: "1",
        SESSIONS_PER_MINUTE: "2",
      },
    });
  });
  afterAll(() => proxied.close());

  /** A sign-in attempt as the proxy forwards it; the wiki in this suite is unreachable (502). */
  const signIn = (forwardedFor?: string) =>
    fetch(`${proxied.url}/api/v1/session`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
      },
      body: JSON.stringify({ accessToken: "some-token" }),
    });

  it("limits sign-ins per client address from X-Forwarded-For, not per proxy", async () => {
    expect((await signIn("198.51.100.1")).status).toBe(502);
    expect((await signIn("198.51.100.1")).status).toBe(502);
    expect((await signIn("198.51.100.1")).status).toBe(429);
    // Another client behind the same proxy (the same socket peer) has its own bucket.
    expect((await signIn("198.51.100.2")).status).toBe(502);
    // Entries the client wrote itself, left of the proxy's, change nothing.
    expect((await signIn("10.9.9.9, 198.51.100.1")).status).toBe(429);
  });

  it("applies no per-address limit to a request that did not come through the proxy", async () => {
    for (let i = 0; i < 4; i++) expect((await signIn()).status).toBe(502);
  });

  it("refuses the dev login from a forwarded client, even when the proxy itself is on loopback", async () => {
    const dev = (forwardedFor?: string) =>
      fetch(`${proxied.url}/api/v1/session/dev`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
        },
        body: JSON.stringify({ username: "Someone" }),
      });
    expect((await dev("203.0.113.7")).status).toBe(403);
    expect((await dev()).status).toBe(403);
  });
});
