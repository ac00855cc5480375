/** /me: who the caller is and what they may do; /me/claims: what they said "we can take" for. */
import { createRoute } from "@hono/zod-openapi";
import { Me, MyClaims } from "../../shared/api.ts";
import { asker, requireCaller } from "../auth/middleware.ts";
import { claimsOf } from "../record/claims.ts";
import { bearer, json, pick, router } from "./openapi.ts";

const me = createRoute({
  method: "get",
  path: "/me",
  summary: "The signed-in user, their roles and affiliates",
  security: bearer,
  responses: { 200: json(Me, "the caller"), ...pick(401) },
});

const myClaims = createRoute({
  method: "get",
  path: "/me/claims",
  summary: "The claims the signed-in user made, in every state, the latest first",
  security: bearer,
  responses: { 200: json(MyClaims, "the caller's claims"), ...pick(401) },
});

export const meRoutes = router()
  .openapi(me, async (c) => {
    const caller = await requireCaller(c);
    const affiliates = caller.affiliates.map((r) => ({ affiliate: r.affiliate, status: r.status }));
    return c.json(
      {
        user: caller.user,
        roles: { coordinator: caller.coordinator, canWrite: caller.canWrite },
        affiliates,
      },
      200,
    );
  })
  .openapi(myClaims, async (c) => {
    return c.json({ claims: await claimsOf(c.get("deps").db, asker(c)) }, 200);
  });
