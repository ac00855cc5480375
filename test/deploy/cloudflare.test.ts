/**
 * The Worker as `npm run deploy:backend` deploys it: the deploy step of its plan, with the
 * production settings (development sign-in off), run by `wrangler deploy --dry-run --outdir`.
 * The bundle must build and fit the Workers limit for compressed scripts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployPlan } from "../../scripts/lib/deploy-plan.ts";
import { quietEnv, ROOT } from "../../scripts/lib/wrangler.ts";

/** Cloudflare's limits on a Worker's compressed size: Workers Free and Workers Paid. */
const FREE_LIMIT = 3 * 1024 * 1024;
const PAID_LIMIT = 10 * 1024 * 1024;

const outdir = mkdtempSync(join(tmpdir(), "partnerhub-bundle-"));
let output = "";
let deploy: string[] = [];

beforeAll(() => {
  deploy = deployPlan({
    env: null,
    wikiScriptUrl: "https://meta.wikimedia.org/w",
    allowedOrigins: ["https://meta.wikimedia.org"],
    coordinators: ["First Coordinator"],
    createDatabase: false,
    secrets: ["SESSION_SECRET"],
  }).at(-1)!.command;
  expect(deploy.slice(0, 2)).toEqual(["wrangler", "deploy"]);
  const run = spawnSync(
    join(ROOT, "node_modules", ".bin", "wrangler"),
    [...deploy.slice(1), "--dry-run", "--outdir", outdir],
    {
      cwd: ROOT,
      env: quietEnv(),
      encoding: "utf8",
    },
  );
  output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${output}`);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("wrangler deploy --dry-run with the production settings", () => {
  it("bundles the Worker within the free plan's 3 MiB (gzip), far below the paid plan's 10 MiB", () => {
    const scripts = readdirSync(outdir).filter((f) => f.endsWith(".js"));
    expect(scripts).toEqual(["index.js"]);
    const bundle = readFileSync(join(outdir, "index.js"));
    const gzip = gzipSync(bundle, { level: 9 }).length;
    console.log(`Worker bundle: ${(bundle.length / 1024).toFixed(1)} KiB, ${(gzip / 1024).toFixed(1)} KiB gzip`);
    expect(gzip).toBeLessThan(FREE_LIMIT);
    expect(gzip).toBeLessThan(PAID_LIMIT);
    // wrangler reports the same measure for the upload.
    expect(output).toMatch(/Total Upload: [\d.]+ KiB \/ gzip: [\d.]+ KiB/);
  });

  it("deploys with development sign-in off and the production wiki, over wrangler.toml's local values", () => {
    expect(deploy).toContain("DEV_LOGIN:off");
    expect(deploy).toContain("WIKI_SCRIPT_URL:https://meta.wikimedia.org/w");
    // wrangler hides values given with --var; wrangler.toml's own ("on", loopback) would show.
    expect(output).toMatch(/env\.DEV_LOGIN \("\(hidden\)"\)/);
    expect(output).toMatch(/env\.WIKI_SCRIPT_URL \("\(hidden\)"\)/);
    expect(output).not.toMatch(/env\.DEV_LOGIN \("on"\)/);
  });

  it("keeps its D1 database, the rate-limit bindings and the Cron Trigger", () => {
    expect(output).toMatch(/env\.DB \(partnerhub\)/);
    expect(output).toMatch(/env\.WRITE_LIMITER/);
    expect(output).toMatch(/env\.SESSION_LIMITER/);
  });
});
