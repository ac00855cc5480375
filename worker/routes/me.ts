/** /me: who the caller is and what they may do; /me/claims: what they said "we can take" for. */
import { createRoute } from "@hono/zod-openapi";
import { Me, MyClaims } from "../../shared/api.ts";
import { asker, requireCaller } from "../auth/middleware.ts";
import { claimsOf } from "../record/claims.ts";
import { bearer, type Handlers, json, mount, pick } from "./openapi.ts";

export const routes = {
  me: createRoute({
    method: "get",
    path: "/me",
    summary: "The signed-in user, their roles and affiliates",
    security: bearer,
    responses: { 200: json(Me, "the caller"), ...pick(401) },
  }),
  myClaims: createRoute({
    method: "get",
    path: "/me/claims",
    summary: "The claims the signed-in user made, in every state, the latest first",
    security: bearer,
    responses: { 200: json(MyClaims, "the caller's claims"), ...pick(401) },
  }),
};

const handlers: Handlers<typeof routes> = {
  me: async (c) => {
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
  },
  myClaims: async (c) => {
    return c.json({ claims: await claimsOf(c.get("deps").db, asker(c)) }, 200);
  },
};

export const meRoutes = mount(routes, handlers);
