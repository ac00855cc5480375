/**
 * The HTTP layer's caching and conditional requests: strong ETags computed from a list's response
 * body (304 when the client already has it), answers that depend on who asks, and the version an
 * edit's If-Match names.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { PartnerDetail } from "../../shared/schemas.ts";
import { AppError } from "../errors.ts";

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(bytes.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * For an answer that depends on the caller (private fields, an audience's events): no shared
 * cache may keep it, and a private cache keys it by `Authorization` (CORS adds `Origin`).
 */
export function dependsOnCaller(c: Context): void {
  c.header("Cache-Control", "private, no-cache");
  c.header("Vary", "Authorization", { append: true });
}

/** Whether an If-None-Match header (a list, weak or strong tags) names `etag`. */
const names = (header: string | undefined, etag: string) =>
  header?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag) ?? false;

/**
 * After the handler: a 200's body gets an ETag (and `no-cache` unless the handler said how to
 * cache it); a request that already has it gets 304.
 */
export const etag: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status !== 200) return;
  const tag = `"${await digest(await c.res.clone().text())}"`;
  if (names(c.req.header("If-None-Match"), tag)) {
    const headers = new Headers(c.res.headers);
    headers.delete("Content-Type");
    headers.delete("Content-Length");
    c.res = undefined;
    c.res = new Response(null, { status: 304, headers });
  }
  c.res.headers.set("ETag", tag);
  if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-cache");
};

/**
 * A partner's ETag: its version, marked when the answer holds the private contact, so that a
 * cache never takes one view for the other. Both forms are good for `If-Match`.
 */
export function partnerEtag(detail: PartnerDetail): string {
  return detail.contact ? `"${detail.version}-private"` : `"${detail.version}"`;
}

/** The version an `If-Match` header names: `"3"`, `"3-private"`, `W/"3"` or `3`. */
export function versionFromIfMatch(header: string | undefined): number {
  if (header === undefined) {
    throw new AppError("precondition_required", "Send If-Match with the version you edited (the ETag of GET)");
  }
  const m = /^(?:W\/)?"?(\d+)(?:-private)?"?$/.exec(header.trim());
  if (!m)
    throw new AppError("bad_request", 'If-Match must be the ETag of what you edited, e.g. "3"', {
      params: { header: "If-Match" },
    });
  return Number(m[1]);
}
