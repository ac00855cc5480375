/**
 * Type tests, checked by `npm run typecheck` and never run: each method of the gadget's backend
 * client answers with the type its route declares (the 2xx body of the route's schema) and sends
 * a body the route takes. Change a route's schema and the client that disagrees stops compiling.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import type { z } from "zod";
import type { Backend } from "../../gadget/src/api/backend.ts";
import type { ImportRequest, MergeRequest } from "../../shared/api.ts";
import type { routes as affiliates } from "../../worker/routes/affiliates.ts";
import type { routes as claims } from "../../worker/routes/claims.ts";
import type { routes as events } from "../../worker/routes/events.ts";
import type { routes as intake } from "../../worker/routes/intake.ts";
import type { routes as me } from "../../worker/routes/me.ts";
import type { routes as mirror } from "../../worker/routes/mirror.ts";
import type { routes as notifications } from "../../worker/routes/notifications.ts";
import type { routes as partners } from "../../worker/routes/partners.ts";
import type { routes as session } from "../../worker/routes/session.ts";

/** The body of a route's 2xx answer: its JSON schema's type, or void for one without a body. */
type Answer<R extends RouteConfig> = {
  [S in keyof R["responses"]]: S extends 200 | 201 | 204
    ? R["responses"][S] extends { content: { "application/json": { schema: infer T extends z.ZodType } } }
      ? z.output<T>
      : // biome-ignore lint/suspicious/noConfusingVoidType: the client answers a bodiless route with Promise<void>
        void
    : never;
}[keyof R["responses"]];

/** The JSON body a route takes, as a client may send it. */
type Body<R extends RouteConfig> = R["request"] extends {
  body: { content: { "application/json": { schema: infer T extends z.ZodType } } };
}
  ? z.input<T>
  : never;

type Returns<K extends keyof Backend> = Awaited<ReturnType<Backend[K]>>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Takes<A, B> = [A] extends [B] ? true : false;

// The intake routes share one method, typed per path: each call's answer is its route's.
declare const backend: Backend;
const duplicatesCall = () => backend.intake("GET", "/partners/duplicates?name=x");
const mergeCall = () => backend.intake("POST", "/partners/a/merge", { into: "b", version: 1 });
const importCall = () => backend.intake("POST", "/partners/import", { format: "csv", text: "name" });
type Gives<F extends () => Promise<unknown>> = Awaited<ReturnType<F>>;

export const answers = {
  session: true satisfies Same<Returns<"session">, Answer<typeof session.oauth>>,
  deleteSession: true satisfies Same<Returns<"deleteSession">, Answer<typeof session.signOut>>,
  devSession: true satisfies Same<Returns<"devSession">, Answer<typeof session.dev>>,
  me: true satisfies Same<Returns<"me">, Answer<typeof me.me>>,
  myClaims: true satisfies Same<Returns<"myClaims">, Answer<typeof me.myClaims>>,
  partners: true satisfies Same<Returns<"partners">, Answer<typeof partners.list>>,
  partner: true satisfies Same<Returns<"partner">, Answer<typeof partners.get>>,
  refer: true satisfies Same<Returns<"refer">, Answer<typeof partners.refer>>,
  editPartner: true satisfies Same<Returns<"editPartner">, Answer<typeof partners.edit>>,
  closePartner: true satisfies Same<Returns<"closePartner">, Answer<typeof partners.close>>,
  reopenPartner: true satisfies Same<Returns<"reopenPartner">, Answer<typeof partners.reopen>>,
  claim: true satisfies Same<Returns<"claim">, Answer<typeof partners.claim>>,
  transition: true satisfies Same<Returns<"transition">, Answer<typeof claims.accept>>,
  progress: true satisfies Same<Returns<"progress">, Answer<typeof claims.progress>>,
  handover: true satisfies Same<Returns<"handover">, Answer<typeof claims.handover>>,
  events: true satisfies Same<Returns<"events">, Answer<typeof events.events>>,
  eventsAfter: true satisfies Same<Returns<"eventsAfter">, Answer<typeof events.events>>,
  affiliates: true satisfies Same<Returns<"affiliates">, Answer<typeof affiliates.list>>,
  addRepresentative: true satisfies Same<Returns<"addRepresentative">, Answer<typeof affiliates.addRep>>,
  removeRepresentative: true satisfies Same<Returns<"removeRepresentative">, Answer<typeof affiliates.removeRep>>,
  coordinators: true satisfies Same<Returns<"coordinators">, Answer<typeof affiliates.coordinators>>,
  addCoordinator: true satisfies Same<Returns<"addCoordinator">, Answer<typeof affiliates.addCoordinator>>,
  removeCoordinator: true satisfies Same<Returns<"removeCoordinator">, Answer<typeof affiliates.removeCoordinator>>,
  preferences: true satisfies Same<Returns<"preferences">, Answer<typeof notifications.getPrefs>>,
  setPreferences: true satisfies Same<Returns<"setPreferences">, Answer<typeof notifications.putPrefs>>,
  feed: true satisfies Same<Returns<"feed">, Answer<typeof notifications.feed>>,
  markSeen: true satisfies Same<Returns<"markSeen">, Answer<typeof notifications.seen>>,
  mirrorStatus: true satisfies Same<Returns<"mirrorStatus">, Answer<typeof mirror.status>>,
  runMirror: true satisfies Same<Returns<"runMirror">, Answer<typeof mirror.run>>,
  intake: [
    true satisfies Same<Gives<typeof duplicatesCall>, Answer<typeof intake.duplicates>>,
    true satisfies Same<Gives<typeof mergeCall>, Answer<typeof intake.merge>>,
    true satisfies Same<Gives<typeof importCall>, Answer<typeof intake.importList>>,
  ],
} satisfies Record<keyof Backend, true | true[]>;

export const bodies = {
  refer: true satisfies Takes<Parameters<Backend["refer"]>[0], Body<typeof partners.refer>>,
  editPartner: true satisfies Takes<Parameters<Backend["editPartner"]>[2], Body<typeof partners.edit>>,
  claim: true satisfies Takes<Parameters<Backend["claim"]>[1], Body<typeof partners.claim>>,
  transition: true satisfies Takes<Parameters<Backend["transition"]>[2], Body<typeof claims.accept>>,
  progress: true satisfies Takes<Parameters<Backend["progress"]>[1], Body<typeof claims.progress>>,
  handover: true satisfies Takes<Parameters<Backend["handover"]>[1], Body<typeof claims.handover>>,
  setPreferences: true satisfies Takes<Parameters<Backend["setPreferences"]>[0], Body<typeof notifications.putPrefs>>,
  merge: true satisfies Takes<MergeRequest, Body<typeof intake.merge>>,
  importList: true satisfies Takes<ImportRequest, Body<typeof intake.importList>>,
};

// The check can fail: a client method typed with another route's answer does not compile.
// @ts-expect-error a partner list is not a partner
export const wrong = true satisfies Same<Returns<"partners">, Answer<typeof partners.get>>;
