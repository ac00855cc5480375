import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** Bindings for the backend under test: a test-only secret, dev sign-in on, two bootstrapped coordinators. */
const testVars = {
  SESSION_SECRET: "test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
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
            },
          }),
        ],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          setupFiles: ["./test/worker/apply-migrations.ts"],
        },
      },
      {
        extends: false,
        test: { name: "shared", include: ["test/shared/**/*.test.ts"], environment: "node" },
      },
      {
        extends: false,
        test: { name: "mirror-unit", include: ["test/mirror/**/*.test.ts"], environment: "node" },
      },
      {
        extends: false,
        test: {
          // Against a real MediaWiki 1.43: one wiki per test run, started by the globalSetup.
          name: "wiki",
          include: ["test/wiki/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/wiki/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}));
