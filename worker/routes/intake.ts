/**
 * Intake routes: the duplicate check a referral form runs while a person types, merging a
 * partner into another, and importing a list. Mounted before /partners/{id}, so that
 * `/partners/duplicates` and `/partners/import` are not read as partner ids.
 */
import { createRoute } from "@hono/zod-openapi";
import { DuplicateList, DuplicateQuery, ImportPreview, ImportRequest, MergeRequest } from "../../shared/api.ts";
import { PartnerDetail } from "../../shared/schemas.ts";
import { asker } from "../auth/middleware.ts";
import { checkDuplicates } from "../record/intake/duplicates.ts";
import { importPartners } from "../record/intake/import.ts";
import { mergePartner } from "../record/intake/merge.ts";
import { bearer, type Handlers, json, jsonBody, mount, pick } from "./openapi.ts";
import { IdParam } from "./partners.ts";

export const routes = {
  duplicates: createRoute({
    method: "get",
    path: "/partners/duplicates",
    summary: "Partners that may be the one described: same Wikidata item, website domain, or a similar name",
    request: { query: DuplicateQuery },
    responses: { 200: json(DuplicateList, "the likeliest first; empty when none"), ...pick(422) },
  }),
  merge: createRoute({
    method: "post",
    path: "/partners/{id}/merge",
    summary: "Merge a partner into another (coordinator): claims, links, asks and notes move; the id then answers 301",
    security: bearer,
    request: { params: IdParam, ...jsonBody(MergeRequest) },
    responses: { 200: json(PartnerDetail, "the surviving partner"), ...pick(401, 403, 404, 409, 412, 422, 429) },
  }),
  importList: createRoute({
    method: "post",
    path: "/partners/import",
    summary: "Import a list (coordinator): preview with dryRun, then commit the creatable rows in one batch",
    security: bearer,
    request: jsonBody(ImportRequest),
    responses: {
      200: json(ImportPreview, "what would be (or was) created, the possible duplicates and the rows in error"),
      ...pick(401, 403, 409, 413, 422, 429),
    },
  }),
};

const at = (c: { get: (k: "deps") => { now: () => Date } }) => c.get("deps").now().toISOString();

const handlers: Handlers<typeof routes> = {
  duplicates: async (c) => {
    const candidates = await checkDuplicates(c.get("deps").db, asker(c), c.req.valid("query"));
    return c.json({ candidates }, 200);
  },
  merge: async (c) => {
    const body = c.req.valid("json");
    const detail = await mergePartner(
      c.get("deps").db,
      asker(c),
      c.req.valid("param").id,
      body.into,
      body.version,
      at(c),
    );
    c.header("ETag", `"${detail.version}"`);
    return c.json(detail, 200);
  },
  importList: async (c) => {
    return c.json(await importPartners(c.get("deps").db, asker(c), c.req.valid("json"), at(c)), 200);
  },
};

export const intakeRoutes = mount(routes, handlers);
