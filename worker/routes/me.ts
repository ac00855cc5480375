/** /me: who the caller is and what they may do. */
import { createRoute } from "@hono/zod-openapi";
import { Me } from "../../shared/api.ts";
import { requireCaller } from "../auth/middleware.ts";
import { affiliationsOf } from "../record/reads.ts";
import { bearer, json, pick, router } from "./openapi.ts";

const me = createRoute({
  method: "get",
  path: "/me",
  summary: "The signed-in user, their roles and affiliates",
  security: bearer,
  responses: { 200: json(Me, "the caller"), ...pick(401) },
});

export const meRoutes = router().openapi(me, async (c) => {
  const caller = requireCaller(c);
  const affiliates = await affiliationsOf(c.get("deps").db, caller);
  return c.json(
    {
      user: caller.user,
      roles: { coordinator: caller.coordinator, canWrite: caller.canWrite },
      affiliates,
    },
    200,
  );
});
