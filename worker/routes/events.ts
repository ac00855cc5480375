/** /events: the public audit feed, in order, from a sequence number on. */
import { createRoute, z } from "@hono/zod-openapi";
import { EventList } from "../../shared/api.ts";
import { Slug } from "../../shared/schemas.ts";
import { latestEventSeq, listEvents } from "../storage/events.ts";
import { jsonWithEtag } from "./etag.ts";
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
  responses: { 200: json(EventList, "events in order; `last` is the newest sequence number overall"), ...pick(422) },
});

export const eventRoutes = router().openapi(events, async (c) => {
  const { after, limit, partner, order } = c.req.valid("query");
  const { db } = c.get("deps");
  const caller = c.get("caller");
  const audience = {
    coordinator: caller?.coordinator ?? false,
    user: caller?.user.name ?? null,
    represents: [...(caller?.represents ?? [])],
  };
  const [list, last] = await Promise.all([
    listEvents(db, after, limit, partner, order === "desc", audience),
    latestEventSeq(db),
  ]);
  return jsonWithEtag(c, { events: list, last }, { perCaller: true }) as never;
});
