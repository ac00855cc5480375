/** /affiliates and /coordinators: profiles, representatives, and the coordinator role. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  AffiliateList,
  CoordinatorList,
  CoordinatorRequest,
  RepresentativeRequest,
  RoleResult,
} from "../../shared/api.ts";
import { Affiliate, AffiliateInput, AffiliatePatch, Slug, UserName } from "../../shared/schemas.ts";
import { asker } from "../auth/middleware.ts";
import {
  addCoordinatorRole,
  addRepresentative,
  affiliateList,
  affiliateView,
  coordinatorList,
  createAffiliate,
  deleteRepresentative,
  editAffiliate,
  removeCoordinatorRole,
} from "../record/affiliates.ts";
import { etag, versionFromIfMatch } from "./etag.ts";
import { bearer, type Handlers, json, jsonBody, mount, pick } from "./openapi.ts";

const IdParam = z.object({ id: Slug.openapi({ param: { name: "id", in: "path" }, example: "wikimedia-deutschland" }) });
const RepParam = IdParam.extend({ username: UserName.openapi({ param: { name: "username", in: "path" } }) });
const UserParam = z.object({ username: UserName.openapi({ param: { name: "username", in: "path" } }) });

export const routes = {
  list: createRoute({
    method: "get",
    path: "/affiliates",
    summary: "All affiliates",
    middleware: [etag] as const,
    responses: { 200: json(AffiliateList, "affiliates (ETag)") },
  }),
  get: createRoute({
    method: "get",
    path: "/affiliates/{id}",
    summary: "One affiliate",
    request: { params: IdParam },
    responses: { 200: json(Affiliate, "the affiliate"), ...pick(404) },
  }),
  create: createRoute({
    method: "post",
    path: "/affiliates",
    summary: "Add an affiliate (coordinator)",
    security: bearer,
    request: jsonBody(AffiliateInput),
    responses: { 201: json(Affiliate, "the new affiliate"), ...pick(401, 403, 409, 413, 422) },
  }),
  edit: createRoute({
    method: "patch",
    path: "/affiliates/{id}",
    summary: "Edit an affiliate (coordinator); If-Match required",
    security: bearer,
    request: { params: IdParam, ...jsonBody(AffiliatePatch) },
    responses: { 200: json(Affiliate, "the edited affiliate"), ...pick(400, 401, 403, 404, 412, 422, 428) },
  }),
  addRep: createRoute({
    method: "post",
    path: "/affiliates/{id}/representatives",
    summary: "Verify a representative (coordinator or representative), or ask to represent (yourself)",
    security: bearer,
    request: { params: IdParam, ...jsonBody(RepresentativeRequest) },
    responses: { 200: json(RoleResult, "the user's standing with the affiliate"), ...pick(401, 403, 404, 409, 422) },
  }),
  removeRep: createRoute({
    method: "delete",
    path: "/affiliates/{id}/representatives/{username}",
    summary: "Remove a representative",
    security: bearer,
    request: { params: RepParam },
    responses: { 204: { description: "removed" }, ...pick(401, 403, 404) },
  }),
  coordinators: createRoute({
    method: "get",
    path: "/coordinators",
    summary: "Who coordinates the hub",
    responses: { 200: json(CoordinatorList, "coordinators") },
  }),
  addCoordinator: createRoute({
    method: "post",
    path: "/coordinators",
    summary: "Make a wiki user a coordinator (coordinator)",
    security: bearer,
    request: jsonBody(CoordinatorRequest),
    responses: { 204: { description: "added (or was already)" }, ...pick(401, 403, 422) },
  }),
  removeCoordinator: createRoute({
    method: "delete",
    path: "/coordinators/{username}",
    summary: "Remove a coordinator added through the API (coordinator)",
    security: bearer,
    request: { params: UserParam },
    responses: { 204: { description: "removed" }, ...pick(401, 403, 404, 409) },
  }),
};

const handlers: Handlers<typeof routes> = {
  list: async (c) => {
    return c.json({ affiliates: await affiliateList(c.get("deps").db, asker(c)) }, 200);
  },
  get: async (c) => {
    const a = await affiliateView(c.get("deps").db, asker(c), c.req.valid("param").id);
    c.header("ETag", `"${a.version}"`);
    return c.json(a, 200);
  },
  create: async (c) => {
    const { db, now } = c.get("deps");
    const a = await createAffiliate(db, asker(c), c.req.valid("json"), now().toISOString());
    c.header("ETag", `"${a.version}"`);
    return c.json(a, 201);
  },
  edit: async (c) => {
    const { db, now } = c.get("deps");
    const version = versionFromIfMatch(c.req.header("If-Match"));
    const a = await editAffiliate(
      db,
      asker(c),
      c.req.valid("param").id,
      version,
      c.req.valid("json"),
      now().toISOString(),
    );
    c.header("ETag", `"${a.version}"`);
    return c.json(a, 200);
  },
  addRep: async (c) => {
    const { db, now } = c.get("deps");
    const { username } = c.req.valid("json");
    const { status } = await addRepresentative(db, asker(c), c.req.valid("param").id, username, now().toISOString());
    return c.json({ user: username, status }, 200);
  },
  removeRep: async (c) => {
    const { db, now } = c.get("deps");
    const { id, username } = c.req.valid("param");
    await deleteRepresentative(db, asker(c), id, username, now().toISOString());
    return c.body(null, 204);
  },
  coordinators: async (c) => {
    const { db, config } = c.get("deps");
    return c.json({ coordinators: await coordinatorList(db, asker(c), config) }, 200);
  },
  addCoordinator: async (c) => {
    const { db, config, now } = c.get("deps");
    await addCoordinatorRole(db, config, asker(c), c.req.valid("json").username, now().toISOString());
    return c.body(null, 204);
  },
  removeCoordinator: async (c) => {
    const { db, config, now } = c.get("deps");
    await removeCoordinatorRole(db, config, asker(c), c.req.valid("param").username, now().toISOString());
    return c.body(null, 204);
  },
};

export const affiliates = mount(routes, handlers);
