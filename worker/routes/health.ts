/** /health: liveness and version. */
import { createRoute } from "@hono/zod-openapi";
import { Health } from "../../shared/api.ts";
import { json, router } from "./openapi.ts";

const health = createRoute({
  method: "get",
  path: "/health",
  summary: "Liveness and version",
  responses: { 200: json(Health, "alive") },
});

export const healthRoutes = router().openapi(health, (c) => {
  const { config, now } = c.get("deps");
  return c.json({ status: "ok" as const, version: config.version, time: now().toISOString() }, 200);
});
