/** /events: the public audit feed, in order, from a sequence number on. */
import { createRoute } from "@hono/zod-openapi";
import { EventList, EventListQuery } from "../../shared/api.ts";
import { asker } from "../auth/middleware.ts";
import { eventFeed } from "../record/reads.ts";
import { dependsOnCaller, etag } from "./etag.ts";
import { type Handlers, json, mount, pick } from "./openapi.ts";

export const routes = {
  events: createRoute({
    method: "get",
    path: "/events",
    summary: "The audit feed: events after a sequence number, as the caller may see them",
    request: { query: EventListQuery },
    middleware: [etag] as const,
    responses: { 200: json(EventList, "events in order; `last` is the newest sequence number overall"), ...pick(422) },
  }),
};

const handlers: Handlers<typeof routes> = {
  events: async (c) => {
    const { after, limit, partner, order } = c.req.valid("query");
    const { db, config } = c.get("deps");
    dependsOnCaller(c);
    return c.json(await eventFeed(db, asker(c), config, { after, limit, partner, desc: order === "desc" }), 200);
  },
};

export const eventRoutes = mount(routes, handlers);
