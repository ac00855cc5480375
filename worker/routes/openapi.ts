/** Shorthands for declaring routes: one request and response vocabulary for every resource. */
import { OpenAPIHono, type Hook } from "@hono/zod-openapi";
import type { z } from "zod";
import { ApiError as ApiErrorSchema } from "../../shared/api.ts";
import { describeIssue } from "../../shared/validation.ts";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";

/** Every validation failure becomes one 422 with the issues (code, path, limits, rule) as details. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    const issues = result.error.issues.map(describeIssue);
    const first = issues[0];
    const message = first ? `${first.path || "request"}: ${first.message}` : "The request is not valid";
    throw new ApiError(422, "validation_failed", message, { details: { target: result.target, issues } });
  }
};

export const router = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const error = (description: string) => json(ApiErrorSchema, description);

export const errors = {
  400: error("malformed request"),
  401: error("not signed in, or the session is invalid"),
  403: error("not allowed for this user"),
  404: error("no such thing"),
  409: error("conflicts with the current state; details hold it"),
  412: error("the version in If-Match is not the current one"),
  413: error("the body is too large"),
  422: error("the body or query failed validation"),
  428: error("If-Match is required"),
  429: error("too many writes; see Retry-After"),
} as const;

export const pick = <K extends keyof typeof errors>(...codes: K[]) =>
  Object.fromEntries(codes.map((k) => [k, errors[k]])) as Pick<typeof errors, K>;

export const bearer = [{ bearer: [] as string[] }];
