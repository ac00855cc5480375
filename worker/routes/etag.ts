/** Strong ETags from the response body, 304 when the client already has it, and answers that depend on who asks. */
import type { Context } from "hono";

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

/** Sends `body` as JSON with an ETag; answers 304 if If-None-Match names it. */
export async function jsonWithEtag(
  c: Context,
  body: unknown,
  options: { perCaller?: boolean } = {},
): Promise<Response> {
  const text = JSON.stringify(body);
  const etag = `"${await digest(text)}"`;
  c.header("ETag", etag);
  if (options.perCaller) dependsOnCaller(c);
  else c.header("Cache-Control", "no-cache");
  const inm = c.req.header("If-None-Match");
  if (inm?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    return c.body(null, 304);
  }
  c.header("Content-Type", "application/json; charset=UTF-8");
  return c.body(text, 200);
}
