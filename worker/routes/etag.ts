/** Strong ETags from the response body, and 304 when the client already has it. */
import type { Context } from "hono";

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(bytes.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Sends `body` as JSON with an ETag; answers 304 if If-None-Match names it. */
export async function jsonWithEtag(c: Context, body: unknown): Promise<Response> {
  const text = JSON.stringify(body);
  const etag = `"${await digest(text)}"`;
  c.header("ETag", etag);
  c.header("Cache-Control", "no-cache");
  const inm = c.req.header("If-None-Match");
  if (inm?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    return c.body(null, 304);
  }
  c.header("Content-Type", "application/json; charset=UTF-8");
  return c.body(text, 200);
}
