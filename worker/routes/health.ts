/** /health: liveness and version. */
import { createRoute } from "@hono/zod-openapi";
import { Health } from "../../shared/api.ts";
import { type Handlers, json, mount } from "./openapi.ts";

export const routes = {
  health: createRoute({
    method: "get",
    path: "/health",
    summary: "Liveness and version",
    responses: { 200: json(Health, "alive") },
  }),
};

const handlers: Handlers<typeof routes> = {
  health: (c) => {
    const { config, now } = c.get("deps");
    return c.json({ status: "ok" as const, version: config.version, time: now().toISOString() }, 200);
  },
};

export const healthRoutes = mount(routes, handlers);
