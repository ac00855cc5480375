/** /partners: the directory, one partner, referral, edits, closing, and "we can take this partner". */
import { createRoute, z } from "@hono/zod-openapi";
import {
  API_BASE,
  ClaimRequest,
  ClaimResponse,
  CloseRequest,
  PartnerList,
  PartnerListQuery,
} from "../../shared/api.ts";
import { PartnerDetail, PartnerInput, PartnerPatch, Slug } from "../../shared/schemas.ts";
import { asker } from "../auth/middleware.ts";
import { AppError } from "../errors.ts";
import { makeClaim } from "../record/claims.ts";
import {
  closePartner,
  editPartner,
  listDirectory,
  partnerDetail,
  referPartner,
  type Cursor,
} from "../record/partners.ts";
import { dependsOnCaller, etag, partnerEtag, versionFromIfMatch } from "./etag.ts";
import { bearer, json, jsonBody, pick, router } from "./openapi.ts";

export const IdParam = z.object({
  id: Slug.openapi({ param: { name: "id", in: "path" }, example: "national-museum-of-x" }),
});

/** base64url of the text's UTF-8 bytes (`btoa` alone takes only Latin-1 and throws on the rest). */
function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(raw: string): string {
  const binary = atob(raw.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(
    Uint8Array.from(binary, (ch) => ch.charCodeAt(0)),
  );
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [key, id, country] = JSON.parse(fromBase64Url(raw)) as unknown[];
    if (typeof key === "string" && typeof id === "string")
      return { key, id, country: typeof country === "string" ? country : "" };
  } catch {
    // fall through
  }
  throw new AppError("bad_request", "The cursor is not one this API gave out");
}

function encodeCursor(c: Cursor | null): string | null {
  if (!c) return null;
  return toBase64Url(JSON.stringify([c.key, c.id, c.country ?? ""]));
}

const list = createRoute({
  method: "get",
  path: "/partners",
  summary: "The partner directory: filter, sort, paginate",
  request: { query: PartnerListQuery },
  middleware: [etag] as const,
  responses: { 200: json(PartnerList, "a page of partners (ETag; 304 on If-None-Match)"), ...pick(400, 422) },
});

const get = createRoute({
  method: "get",
  path: "/partners/{id}",
  summary: "One partner with its claims; the contact only for those allowed",
  request: { params: IdParam },
  responses: { 200: json(PartnerDetail, "the partner (ETag is its version)"), ...pick(404) },
});

const refer = createRoute({
  method: "post",
  path: "/partners",
  summary: "Refer a partner",
  security: bearer,
  request: jsonBody(PartnerInput),
  responses: { 201: json(PartnerDetail, "the new partner"), ...pick(400, 401, 403, 404, 409, 413, 422, 429) },
});

const edit = createRoute({
  method: "patch",
  path: "/partners/{id}",
  summary: "Edit a partner (coordinator or referrer); If-Match required",
  security: bearer,
  request: { params: IdParam, headers: z.object({ "if-match": z.string().optional() }), ...jsonBody(PartnerPatch) },
  responses: {
    200: json(PartnerDetail, "the edited partner"),
    ...pick(400, 401, 403, 404, 409, 412, 413, 422, 428, 429),
  },
});

const close = createRoute({
  method: "post",
  path: "/partners/{id}/close",
  summary: "Close a partner (coordinator)",
  security: bearer,
  request: { params: IdParam, ...jsonBody(CloseRequest) },
  responses: { 200: json(PartnerDetail, "the closed partner"), ...pick(401, 403, 404, 409, 422) },
});

const reopen = createRoute({
  method: "post",
  path: "/partners/{id}/reopen",
  summary: "Reopen a closed partner (coordinator)",
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(PartnerDetail, "the reopened partner"), ...pick(401, 403, 404, 409) },
});

const claim = createRoute({
  method: "post",
  path: "/partners/{id}/claims",
  summary: "We can take this partner",
  security: bearer,
  request: { params: IdParam, ...jsonBody(ClaimRequest) },
  responses: {
    201: json(ClaimResponse, "the new claim, with the partner as it is now"),
    ...pick(401, 403, 404, 409, 413, 422, 429),
  },
});

const at = (c: { get: (k: "deps") => { now: () => Date } }) => c.get("deps").now().toISOString();

export const partners = router()
  .openapi(list, async (c) => {
    const query = c.req.valid("query");
    const { partners, total, next } = await listDirectory(
      c.get("deps").db,
      asker(c),
      query,
      decodeCursor(query.cursor),
    );
    return c.json({ partners, total, nextCursor: encodeCursor(next) }, 200);
  })
  .openapi(get, async (c) => {
    const detail = await partnerDetail(c.get("deps").db, asker(c), c.req.valid("param").id);
    c.header("ETag", partnerEtag(detail));
    dependsOnCaller(c);
    return c.json(detail, 200);
  })
  .openapi(refer, async (c) => {
    const detail = await referPartner(c.get("deps").db, asker(c), c.req.valid("json"), at(c));
    c.header("Location", `${API_BASE}/partners/${detail.id}`);
    c.header("ETag", partnerEtag(detail));
    return c.json(detail, 201);
  })
  .openapi(edit, async (c) => {
    const version = versionFromIfMatch(c.req.header("If-Match"));
    const detail = await editPartner(
      c.get("deps").db,
      asker(c),
      c.req.valid("param").id,
      version,
      c.req.valid("json"),
      at(c),
    );
    c.header("ETag", partnerEtag(detail));
    return c.json(detail, 200);
  })
  .openapi(close, async (c) => {
    const detail = await closePartner(
      c.get("deps").db,
      asker(c),
      c.req.valid("param").id,
      true,
      c.req.valid("json").reason,
      at(c),
    );
    return c.json(detail, 200);
  })
  .openapi(reopen, async (c) => {
    const detail = await closePartner(c.get("deps").db, asker(c), c.req.valid("param").id, false, "", at(c));
    return c.json(detail, 200);
  })
  .openapi(claim, async (c) => {
    const body = c.req.valid("json");
    const made = await makeClaim(
      c.get("deps").db,
      asker(c),
      c.req.valid("param").id,
      body.affiliate,
      body.message,
      at(c),
    );
    return c.json(made, 201);
  });
