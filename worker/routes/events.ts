/** /events: the public audit feed, in order, from a sequence number on. */
import { createRoute, z } from "@hono/zod-openapi";
import { EventList } from "../../shared/api.ts";
import { Slug } from "../../shared/schemas.ts";
import { eventFeed } from "../record/reads.ts";
import { dependsOnCaller, etag } from "./etag.ts";
import { json, pick, router } from "./openapi.ts";

const EventQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  partner: Slug.optional(),
  order: z
    .enum(["asc", "desc"])
    .default("asc")
    .meta({ description: "desc: the newest first (with `after`, still only events after it)" }),
});

const events = createRoute({
  method: "get",
  path: "/events",
  summary: "The audit feed: events after a sequence number, as the caller may see them",
  request: { query: EventQuery },
  middleware: [etag] as const,
  responses: { 200: json(EventList, "events in order; `last` is the newest sequence number overall"), ...pick(422) },
});

export const eventRoutes = router().openapi(events, async (c) => {
  const { after, limit, partner, order } = c.req.valid("query");
  const { db } = c.get("deps");
  dependsOnCaller(c);
  return c.json(await eventFeed(db, c.get("caller"), { after, limit, partner, desc: order === "desc" }), 200);
});
