import { defineConfig } from "vitest/config";

/**
 * Deployment checks, run by CI (`npm run test:deploy`): the local preview as `npm start` serves it,
 * the Toolforge start as Toolforge runs it
 * (a clean copy, `npm ci --omit=dev`, the Procfile) and the Cloudflare bundle as `wrangler deploy`
 * builds it. Slow (an install from the registry), so not part of `npm test`.
 */
export default defineConfig({
  test: {
    name: "deploy",
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/deploy/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
