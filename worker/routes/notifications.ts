/** Notifications: a person's choice (`/me/preferences`), their "For you" feed, and the outbox status for coordinators. */
import { createRoute } from "@hono/zod-openapi";
import { Feed, MarkSeen, NotificationStatus, Preferences } from "../../shared/api.ts";
import { asker } from "../auth/middleware.ts";
import { choose, feedOf, markAllSeen, outboxStatus, preferencesOf } from "../notify/people.ts";
import { bearer, type Handlers, json, jsonBody, mount, pick } from "./openapi.ts";

export const routes = {
  getPrefs: createRoute({
    method: "get",
    path: "/me/preferences",
    summary: "How often the bot posts notices on your user talk page",
    security: bearer,
    responses: { 200: json(Preferences, "your choice (default daily)"), ...pick(401) },
  }),
  putPrefs: createRoute({
    method: "put",
    path: "/me/preferences",
    summary: "Choose immediate (every run), a daily or weekly digest, or none",
    security: bearer,
    request: jsonBody(Preferences),
    responses: { 200: json(Preferences, "your choice"), ...pick(401, 403, 422, 429) },
  }),
  feed: createRoute({
    method: "get",
    path: "/me/feed",
    summary: "For you: what happened to your claims, your affiliates and partners you referred, newest first",
    security: bearer,
    responses: { 200: json(Feed, "your notices"), ...pick(401) },
  }),
  seen: createRoute({
    method: "post",
    path: "/me/feed/seen",
    summary: "Mark everything up to an event as seen",
    security: bearer,
    request: jsonBody(MarkSeen),
    responses: { 200: json(Feed, "your notices"), ...pick(401, 403, 422, 429) },
  }),
  status: createRoute({
    method: "get",
    path: "/notifications/status",
    summary: "Pending, sent, failed and skipped talk-page deliveries with reasons (coordinator)",
    security: bearer,
    responses: { 200: json(NotificationStatus, "the outbox"), ...pick(401, 403) },
  }),
};

const handlers: Handlers<typeof routes> = {
  getPrefs: async (c) => c.json(await preferencesOf(c.get("deps").db, asker(c)), 200),
  putPrefs: async (c) => {
    const { db, now } = c.get("deps");
    return c.json(await choose(db, asker(c), c.req.valid("json").notifications, now().toISOString()), 200);
  },
  feed: async (c) => {
    const { db, config } = c.get("deps");
    return c.json(await feedOf(db, config, asker(c)), 200);
  },
  seen: async (c) => {
    const { db, config, now } = c.get("deps");
    return c.json(await markAllSeen(db, config, asker(c), c.req.valid("json").upTo, now().toISOString()), 200);
  },
  status: async (c) => c.json(await outboxStatus(c.get("deps").db, asker(c)), 200),
};

export const notificationRoutes = mount(routes, handlers);
