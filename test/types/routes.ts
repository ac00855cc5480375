/**
 * Type tests, checked by `npm run typecheck` and never run: a handler typed against its route
 * fails to compile when it answers with a shape, a field or a status the route does not declare.
 */
import { createRoute } from "@hono/zod-openapi";
import { Health } from "../../shared/api.ts";
import { type Handlers, json, pick } from "../../worker/routes/openapi.ts";

const routes = {
  health: createRoute({ method: "get", path: "/health", responses: { 200: json(Health, "alive"), ...pick(401) } }),
  removed: createRoute({ method: "delete", path: "/things/{id}", responses: { 204: { description: "gone" } } }),
};

const deps = { status: "ok", version: "1", time: "2026-12-01T00:00:00Z" } as const;

export const right: Handlers<typeof routes> = {
  health: (c) => c.json(deps, 200),
  removed: (c) => c.body(null, 204),
};

export const wrongField: Handlers<typeof routes> = {
  // @ts-expect-error `version` must be a string
  health: (c) => c.json({ ...deps, version: 1 }, 200),
  // @ts-expect-error a 204 route answers with no body
  removed: (c) => c.json({ id: c.req.param("id") }, 200),
};

export const wrongStatus: Handlers<typeof routes> = {
  // @ts-expect-error the route declares 200, not 201
  health: (c) => c.json(deps, 201),
  // @ts-expect-error an error is thrown (AppError), not answered as if it were a success
  removed: (c) => c.json({ error: { code: "not_found", message: "no", params: {} } }, 401),
};

export const wrongShape: Handlers<typeof routes> = {
  // @ts-expect-error `time` is missing
  health: (c) => c.json({ status: "ok" as const, version: "1" }, 200),
  removed: (c) => c.body(null, 204),
};
