// Before any test file's imports: zod 4 schemas get `.openapi()` only if created after
// @hono/zod-openapi extends zod, and a test may import shared/ before the app (see
// worker/node/server.ts). In workerd the plugin loads worker/index.ts, and so app.ts, first.
import "@hono/zod-openapi";
