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
