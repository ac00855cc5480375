import { randomBytes } from "node:crypto";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import preact from "@preact/preset-vite";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** `#harness` is the runtime under test for the runtime-neutral suite in test/api/ (see test/api/harness-types.ts). */
const harness = (runtime: "worker" | "node") => ({
  alias: { "#harness": fileURLToPath(new URL(`./test/${runtime}/harness.ts`, import.meta.url)) },
});

/** Bindings for the backend under test: a test-only secret, dev sign-in on, two bootstrapped coordinators. */
const testVars = {
  // Made anew for every run: no secret, not even a test one, lives in the repository.
  SESSION_SECRET: randomBytes(32).toString("hex"),
  WIKI_SCRIPT_URL: "http://127.0.0.1:9",
  ALLOWED_ORIGINS: "https://meta.wikimedia.org,http://127.0.0.1:8080",
  COORDINATORS: "Coord One,Coord Two",
  DEV_LOGIN: "on",
  WRITES_PER_MINUTE: "100000",
};

export default defineConfig(async () => ({
  test: {
    projects: [
      {
        extends: false,
        plugins: [
          cloudflareTest({
            main: "./worker/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: { ...testVars, TEST_MIGRATIONS: await readD1Migrations("worker/migrations") },
              // wrangler.toml's limits, raised so that only the tests that build their own limiter meet them.
              ratelimits: {
                WRITE_LIMITER: { namespace_id: "4201", simple: { limit: 1_000_000, period: 60 } },
                SESSION_LIMITER: { namespace_id: "4202", simple: { limit: 1_000_000, period: 60 } },
              },
            },
          }),
        ],
        resolve: harness("worker"),
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts", "test/api/**/*.test.ts"],
          // The race and matrix tests make hundreds of requests; 2 busy cores need more than 5 s.
          testTimeout: 30_000,
          setupFiles: ["./test/worker/apply-migrations.ts"],
        },
      },
      {
        // The same API suite on Node with node:sqlite, plus the adapter's own tests.
        extends: false,
        resolve: harness("node"),
        test: {
          name: "node",
          include: ["test/node/**/*.test.ts", "test/api/**/*.test.ts"],
          environment: "node",
          env: testVars,
          setupFiles: ["./test/node/setup.ts"],
          testTimeout: 30_000,
          // node:sqlite is stable in use but still flagged experimental in Node 22: keep the output clean.
          execArgv: ["--disable-warning=ExperimentalWarning"],
        },
      },
      {
        extends: false,
        test: {
          name: "shared",
          include: ["test/shared/**/*.test.ts", "test/notify/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // The deploy and tooling scripts' pure parts (scripts/lib/).
        extends: false,
        test: { name: "scripts", include: ["test/scripts/**/*.test.ts"], environment: "node" },
      },
      {
        extends: false,
        // Property tests render hundreds of records: on 2 busy cores 5 s is not enough.
        test: { name: "mirror-unit", include: ["test/mirror/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        // A real MediaWiki 1.43 on loopback, started once for the whole run (tools/wiki/harness.ts).
        extends: false,
        test: {
          name: "wiki",
          include: ["test/wiki/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/wiki/global-setup.ts"],
          // The sign-in tests run the backend on node:sqlite, still flagged experimental in Node 22.
          execArgv: ["--disable-warning=ExperimentalWarning"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The mirror's suites again with the record on D1 (workerd's, through wrangler's platform proxy).
        extends: false,
        test: {
          name: "wiki-d1",
          include: ["test/wiki/mirror/*.test.ts"],
          exclude: ["test/wiki/mirror/node-server.test.ts"],
          environment: "node",
          env: { MIRROR_TEST_STORAGE: "d1" },
          globalSetup: ["test/wiki/global-setup.ts"],
          setupFiles: ["test/wiki/mirror/d1-setup.ts"],
          execArgv: ["--disable-warning=ExperimentalWarning"],
          // Every statement is a round trip to workerd: the 1,000-claim burst takes ~30 s on a quiet machine.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: false,
        plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
        test: {
          name: "gadget",
          include: ["test/gadget/**/*.test.ts", "test/gadget/**/*.test.tsx"],
          environment: "happy-dom",
          setupFiles: ["./test/gadget/setup.ts"],
        },
      },
    ],
  },
}));
