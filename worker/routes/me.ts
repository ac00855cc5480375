/** /me: who the caller is and what they may do. */
import { createRoute } from "@hono/zod-openapi";
import { Me } from "../../shared/api.ts";
import { requireCaller } from "../auth/middleware.ts";
import { bearer, json, pick, router } from "./openapi.ts";

const me = createRoute({
  method: "get",
  path: "/me",
  summary: "The signed-in user, their roles and affiliates",
  security: bearer,
  responses: { 200: json(Me, "the caller"), ...pick(401) },
});

export const meRoutes = router().openapi(me, async (c) => {
  const caller = await requireCaller(c);
  return c.json(
    {
      user: caller.user,
      roles: { coordinator: caller.coordinator, canWrite: caller.canWrite },
      affiliates: caller.affiliates.map((r) => ({ affiliate: r.affiliate, status: r.status })),
    },
    200,
  );
});
