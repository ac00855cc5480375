/** /claims/{id}/…: the transitions of a claim. 409 with the current claim when one no longer applies. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  ClaimResponse,
  HandoverRequest,
  HandoverResponse,
  ProgressRequest,
  TransitionRequest,
} from "../../shared/api.ts";
import { asker } from "../auth/middleware.ts";
import { handover, progress, transition, type SimpleAction } from "../record/claims.ts";
import { type AppRouteHandler, bearer, type Handlers, json, jsonBody, mount, pick } from "./openapi.ts";

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: "id", in: "path" }, example: 42 }),
});

const SUMMARIES: Record<SimpleAction, string> = {
  withdraw: "Withdraw an interested claim (claimant, representative, coordinator)",
  accept: "Accept an interested claim: it becomes the lead (coordinator)",
  decline: "Decline an interested claim (coordinator)",
  release: "Release a lead: the partner is open again (lead's representative, claimant, coordinator)",
  complete: "Complete a lead: the partnership is done (lead's representative, claimant, coordinator)",
};

const transitionRoute = (action: SimpleAction) =>
  createRoute({
    method: "post",
    path: `/claims/{id}/${action}`,
    summary: SUMMARIES[action],
    security: bearer,
    request: { params: IdParam, ...jsonBody(TransitionRequest) },
    responses: {
      200: json(ClaimResponse, "the claim after the transition, with the partner as it is now"),
      ...pick(401, 403, 404, 409, 422, 429),
    },
  });

const progressRoute = createRoute({
  method: "post",
  path: "/claims/{id}/progress",
  summary: "Record a lead's progress: contacted → agreement → delivering → done",
  security: bearer,
  request: { params: IdParam, ...jsonBody(ProgressRequest) },
  responses: {
    200: json(ClaimResponse, "the claim with its new stage, with the partner as it is now"),
    ...pick(401, 403, 404, 409, 422, 429),
  },
});

const handoverRoute = createRoute({
  method: "post",
  path: "/claims/{id}/handover",
  summary: "Hand a partner over from this lead to another interested claim, with a reason (coordinator)",
  security: bearer,
  request: { params: IdParam, ...jsonBody(HandoverRequest) },
  responses: {
    200: json(HandoverResponse, "the released claim, the new lead and the partner as it is now"),
    ...pick(401, 403, 404, 409, 422, 429),
  },
});

export const routes = {
  withdraw: transitionRoute("withdraw"),
  accept: transitionRoute("accept"),
  decline: transitionRoute("decline"),
  release: transitionRoute("release"),
  complete: transitionRoute("complete"),
  progress: progressRoute,
  handover: handoverRoute,
};

const transitionHandler =
  (action: SimpleAction): AppRouteHandler<ReturnType<typeof transitionRoute>> =>
  async (c) => {
    const { db, now } = c.get("deps");
    const body = c.req.valid("json");
    const answer = await transition(db, asker(c), c.req.valid("param").id, action, {
      version: body.version,
      reason: body.reason,
      at: now().toISOString(),
    });
    return c.json(answer, 200);
  };

const handlers: Handlers<typeof routes> = {
  withdraw: transitionHandler("withdraw"),
  accept: transitionHandler("accept"),
  decline: transitionHandler("decline"),
  release: transitionHandler("release"),
  complete: transitionHandler("complete"),
  progress: async (c) => {
    const { db, now } = c.get("deps");
    const body = c.req.valid("json");
    const answer = await progress(db, asker(c), c.req.valid("param").id, { ...body, at: now().toISOString() });
    return c.json(answer, 200);
  },
  handover: async (c) => {
    const { db, now } = c.get("deps");
    const body = c.req.valid("json");
    const answer = await handover(db, asker(c), c.req.valid("param").id, { ...body, at: now().toISOString() });
    return c.json(answer, 200);
  },
};

export const claims = mount(routes, handlers);
