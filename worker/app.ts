/**
 * The Hono app, free of runtime specifics: the Workers entry (`index.ts`) and
 * the Node entry (`node/server.ts`) each give it their database, configuration
 * and clock through `getDeps`.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { API_BASE, D1_BOOKMARK_HEADER } from "../shared/api.ts";
import { IMPORT_MAX_BYTES } from "../shared/api.ts";
import { authenticate, writeGuard } from "./auth/middleware.ts";
import type { AppEnv, Deps } from "./context.ts";
import { AppError } from "./errors.ts";
import { errorResponse } from "./routes/errors.ts";
import { affiliates } from "./routes/affiliates.ts";
import { claims } from "./routes/claims.ts";
import { eventRoutes } from "./routes/events.ts";
import { exportRoutes } from "./routes/export.ts";
import { healthRoutes } from "./routes/health.ts";
import { intakeRoutes } from "./routes/intake.ts";
import { meRoutes } from "./routes/me.ts";
import type { MirrorRunner } from "./mirror/runner.ts";
import { mirrorRoutes } from "./routes/mirror.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { validationHook } from "./routes/openapi.ts";
import { partners } from "./routes/partners.ts";
import { session } from "./routes/session.ts";

/** Largest accepted request body: a partner with every field full is about 20 KiB. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface AppOptions {
  getDeps: (env: Record<string, unknown>) => Deps;
  runMirror?: MirrorRunner | null;
}

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

export function createApp({ getDeps, runMirror = null }: AppOptions) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use("*", async (c, next) => {
    c.set("deps", getDeps(c.env ?? {}));
    await next();
  });

  app.use(
    "*",
    cors({
      origin: (origin, c) => ((c.get("deps") as Deps).config.allowedOrigins.includes(origin) ? origin : null),
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
      allowHeaders: [
        "Authorization",
        "Content-Type",
        "If-Match",
        "If-None-Match",
        "Api-User-Agent",
        D1_BOOKMARK_HEADER,
      ],
      exposeHeaders: ["ETag", "Location", "Retry-After", D1_BOOKMARK_HEADER],
      maxAge: 600,
    }),
  );

  // An imported list may be larger than any other body; everything else stays small.
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError("payload_too_large", `The request body is larger than ${maxSize / 1024} KiB`, {
          params: { maxBytes: maxSize },
        });
      },
    });
  const importLimit = limitBody(IMPORT_MAX_BYTES + 64 * 1024);
  const defaultLimit = limitBody(MAX_BODY_BYTES);
  app.use("*", (c, next) =>
    c.req.path === `${API_BASE}/partners/import` ? importLimit(c, next) : defaultLimit(c, next),
  );

  app.use("*", authenticate);

  // Every write but signing in needs a signed-in writer: who is asking is settled before what is asked,
  // and per-user write limits apply before any handler touches the record.
  app.use("*", async (c, next) => {
    if (WRITE_METHODS.has(c.req.method) && !c.req.path.startsWith(`${API_BASE}/session`)) return writeGuard(c, next);
    await next();
  });

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .route("/", healthRoutes)
    .route("/", session)
    .route("/", meRoutes)
    .route("/", intakeRoutes)
    .route("/", partners)
    .route("/", claims)
    .route("/", affiliates)
    .route("/", eventRoutes)
    .route("/", exportRoutes)
    .route("/", mirrorRoutes(runMirror))
    .route("/", notificationRoutes);

  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A session token from POST /session",
  });
  api.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: "partnerhub API",
      version: (c.get("deps") as Deps).config.version,
      description:
        "The Content Partnerships Hub's record of partners, affiliates and claims. Errors always have the shape " +
        '{"error": {"code", "message", "details"}}.',
    },
    servers: [{ url: API_BASE }],
  }));

  app.route(API_BASE, api);
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: "not_found" as const,
          message: `No route for ${c.req.method} ${new URL(c.req.url).pathname}`,
          params: { kind: "route", id: `${c.req.method} ${new URL(c.req.url).pathname}` },
        },
      },
      404,
    ),
  );
  app.onError(errorResponse);
  return app;
}
