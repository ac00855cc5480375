/** Shorthands for declaring routes: one request and response vocabulary for every resource. */
import { type Hook, OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { Handler, TypedResponse } from "hono";
import type { SuccessStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import type { z } from "zod";
import { ApiError as ApiErrorSchema, type ErrorCode } from "../../shared/api.ts";
import { describeIssue } from "../../shared/validation.ts";
import type { AppEnv } from "../context.ts";
import { AppError } from "../errors.ts";

/** What a client needs to word a zod issue: its code, where, and the limits it broke. */
function issueOf(i: z.core.$ZodIssue): Record<string, unknown> {
  const limits: Record<string, unknown> = {};
  for (const k of ["minimum", "maximum", "inclusive", "origin", "format", "expected", "values", "keys", "divisor"]) {
    const v = (i as unknown as Record<string, unknown>)[k];
    if (v !== undefined) limits[k] = typeof v === "bigint" ? Number(v) : v;
  }
  return { path: i.path.join("."), message: i.message, code: i.code, ...limits };
}

/** Every validation failure becomes one `validation_failed` with the issues as details. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    // The rule a check or pattern stands for (`country`, `qid`…) comes from the shared description.
    const issues = result.error.issues.map((i) => ({ ...issueOf(i), ...describeIssue(i) }));
    const first = result.error.issues[0];
    const path = first?.path.join(".") || "request";
    const message = first ? `${path}: ${first.message}` : "The request is not valid";
    throw new AppError("validation_failed", message, {
      params: { target: result.target, field: path, issue: first?.code ?? null },
      details: { target: result.target, issues },
    });
  }
};

const router = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/**
 * What a route answers when it succeeds: each 2xx it declares, with the JSON its schema
 * describes, another content type, or no body. Failures are thrown (`AppError`), never returned.
 */
type Success<R extends RouteConfig> = {
  [S in keyof R["responses"] & SuccessStatusCode]: R["responses"][S] extends {
    content: { "application/json": { schema: infer T extends z.ZodType } };
  }
    ? TypedResponse<JSONParsed<z.output<T>>, S, "json">
    : R["responses"][S] extends { content: object }
      ? Response
      : TypedResponse<null, S, "body">;
}[keyof R["responses"] & SuccessStatusCode];

/**
 * A handler typed against its route: params, query, headers and body as the route validates
 * them, and an answer that must be one the route declares, status and shape. (Unlike the type
 * `.openapi()` gives an inline handler, it takes no untyped `Response`, so routes with a 204
 * are checked as well.)
 */
export type AppRouteHandler<R extends RouteConfig> =
  RouteHandler<R, AppEnv> extends Handler<infer E, infer P, infer I, infer _>
    ? Handler<E, P, I, Success<R> | Promise<Success<R>>>
    : never;

/** One handler for each route of a table, each typed against its own route. */
export type Handlers<T extends Record<string, RouteConfig>> = { [K in keyof T]: AppRouteHandler<T[K]> };

/**
 * A router of a route table and its handlers, in the table's order (which is the order Hono
 * matches in). The handlers are checked against their routes by `Handlers<T>` before they get here.
 */
export function mount<T extends Record<string, RouteConfig>>(routes: T, handlers: Handlers<T>) {
  const app = router();
  for (const key of Object.keys(routes)) {
    app.openapi(routes[key] as RouteConfig, handlers[key] as unknown as RouteHandler<RouteConfig, AppEnv>);
  }
  return app;
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

/** An error response, documented with the codes it may carry (shared/api.ts says what each means). */
const error = (description: string, ...codes: ErrorCode[]) =>
  json(ApiErrorSchema, `${description}: ${codes.map((c) => `\`${c}\``).join(", ")}`);

export const errors = {
  400: error("malformed request", "bad_request"),
  401: error("not signed in, or the session is invalid", "unauthorized"),
  403: error("not allowed for this user", "forbidden"),
  404: error("no such thing", "not_found"),
  409: error("conflicts with the current state; params and details say how", "conflict", "claim_conflict"),
  412: error("the version in If-Match is not the current one", "version_mismatch"),
  413: error("the body is too large", "payload_too_large"),
  422: error("the body, query or path failed validation", "validation_failed"),
  428: error("If-Match is required", "precondition_required"),
  429: error("too many writes; see Retry-After", "rate_limited"),
  502: error("the wiki could not be reached or was not understood", "wiki_unavailable"),
  503: error("the mirror has no wiki credentials", "mirror_unavailable"),
} as const;

export const pick = <K extends keyof typeof errors>(...codes: K[]) =>
  Object.fromEntries(codes.map((k) => [k, errors[k]])) as Pick<typeof errors, K>;

export const bearer = [{ bearer: [] as string[] }];
