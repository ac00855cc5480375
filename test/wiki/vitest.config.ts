import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/wiki/**/*.test.ts"],
    globalSetup: ["test/wiki/global-setup.ts"],
    // A cold start downloads MediaWiki (~15 s); tests that start their own wiki need ~1 s.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
