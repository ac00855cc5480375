/** /mirror: how far the wiki pages are behind the record, and a coordinator's "sync now". */
import { createRoute } from "@hono/zod-openapi";
import { MirrorStatus } from "../../shared/api.ts";
import { asker, requireCoordinator } from "../auth/middleware.ts";
import { AppError } from "../errors.ts";
import { mirrorConfigured, type MirrorRunner } from "../mirror/runner.ts";
import { mirrorState } from "../record/reads.ts";
import { bearer, type Handlers, json, mount, pick } from "./openapi.ts";

export const routes = {
  status: createRoute({
    method: "get",
    path: "/mirror/status",
    summary: "The mirror's last run, lag, page revisions and errors",
    responses: { 200: json(MirrorStatus, "status") },
  }),
  run: createRoute({
    method: "post",
    path: "/mirror/run",
    summary: "Run the mirror now (coordinator)",
    security: bearer,
    responses: {
      200: json(MirrorStatus, "status after the run"),
      ...pick(401, 403, 503),
    },
  }),
};

const handlers = (runMirror: MirrorRunner | null): Handlers<typeof routes> => ({
  status: async (c) => {
    const { db, config } = c.get("deps");
    return c.json(await mirrorState(db, asker(c), mirrorConfigured(config)), 200);
  },
  run: async (c) => {
    await requireCoordinator(c);
    const deps = c.get("deps");
    if (!runMirror || !mirrorConfigured(deps.config)) {
      throw new AppError(
        "mirror_unavailable",
        "The mirror has no wiki credentials (MIRROR_BOT_USERNAME/PASSWORD or MIRROR_OAUTH_TOKEN)",
      );
    }
    await runMirror(deps);
    return c.json(await mirrorState(deps.db, asker(c), true), 200);
  },
});

/** The mirror job is plugged in by the entry point, so this module stays free of wiki I/O. */
export const mirrorRoutes = (runMirror: MirrorRunner | null) => mount(routes, handlers(runMirror));
