import { defineConfig } from "vitest/config";

/** End to end: one local hub (wiki + gadget + backend + mirror) per run, driven in Debian's Chromium. */
export default defineConfig({
  test: {
    name: "e2e",
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/e2e/global-setup.ts"],
    // The flows share one hub and build on each other's record: one file at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
