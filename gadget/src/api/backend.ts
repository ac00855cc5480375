/**
 * The one backend client: Bearer session token, JSON in and out, every failure a BackendError
 * (api/errors.ts). Responses are typed from the schemas in `shared/api.ts`. Only used after
 * consent; components never call it: store actions (state/actions/) do.
 */
import type {
  AffiliateList,
  ClaimRequest,
  ClaimResponse,
  CoordinatorList,
  EventList,
  Feed,
  HandoverRequest,
  HandoverResponse,
  Me,
  MirrorStatus,
  MyClaims,
  PartnerList,
  Preferences,
  ProgressRequest,
  RoleResult,
  SessionResponse,
  TransitionRequest,
} from "../../../shared/api.ts";
import { API_BASE, D1_BOOKMARK_HEADER } from "../../../shared/api-base.ts";
import type { DuplicateList, ImportPreview, ImportRequest, MergeRequest } from "../../../shared/api.ts";
import type { ClaimAction } from "../../../shared/claim-machine.ts";
import type { PartnerDetail, PartnerInput, PartnerPatch } from "../../../shared/schemas.ts";
import { BackendError, errorFromResponse, networkError } from "./errors.ts";

export interface BackendOptions {
  baseUrl: string;
  getToken: () => string | null;
  fetch?: typeof fetch;
  userAgent?: string;
}

export type SimpleAction = Exclude<ClaimAction, "progress" | "handover">;

export function createBackend({
  baseUrl,
  getToken,
  fetch: doFetch = (...a) => fetch(...a),
  userAgent = "partnerhub-gadget",
}: BackendOptions) {
  // The newest D1 bookmark the backend gave (Workers only): sent back so that reads never go back in time.
  let bookmark: string | null = null;
  async function send(
    method: string,
    path: string,
    body?: unknown,
    token = getToken(),
    extra: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json", "Api-User-Agent": userAgent, ...extra };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (bookmark) headers[D1_BOOKMARK_HEADER] = bookmark;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${API_BASE}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw networkError(e);
    }
    bookmark = res.headers.get(D1_BOOKMARK_HEADER) ?? bookmark;
    if (!res.ok) throw await errorFromResponse(res);
    return res;
  }
  /** A call whose answer is the JSON of `T`, the type of the route's response schema in `shared/api.ts`. */
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => (await (await send(method, path, body, getToken(), headers)).json()) as T;
  /** A call answered with 204 No Content. */
  const empty = async (method: string, path: string, body?: unknown): Promise<void> => {
    await send(method, path, body);
  };
  const enc = encodeURIComponent;
  const intake = (method: string, path: string, body?: unknown) => call(method, path, body);

  return {
    /** `POST /session {accessToken}`: the only time the wiki's access token leaves the browser; it is not kept. */
    session: (accessToken: string) => call<SessionResponse>("POST", "/session", { accessToken }),
    /** `DELETE /session`: the backend refuses the token from now on; an already invalid one counts as signed out. */
    deleteSession: async (token: string): Promise<void> => {
      try {
        await send("DELETE", "/session", undefined, token);
      } catch (e) {
        if (!(e instanceof BackendError && e.status === 401)) throw e;
      }
    },
    devSession: (username: string) => call<SessionResponse>("POST", "/session/dev", { username }),
    me: () => call<Me>("GET", "/me"),
    partners: (cursor: string | null, limit = 500) =>
      call<PartnerList>("GET", `/partners?limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ""}`),
    partner: (id: string) => call<PartnerDetail>("GET", `/partners/${enc(id)}`),
    /** A partner's latest 200 events, the newest first. */
    events: (partner: string) => call<EventList>("GET", `/events?partner=${enc(partner)}&limit=200&order=desc`),
    eventsAfter: (after: number, limit = 1000) => call<EventList>("GET", `/events?after=${after}&limit=${limit}`),
    affiliates: () => call<AffiliateList>("GET", "/affiliates"),
    refer: (input: PartnerInput) => call<PartnerDetail>("POST", "/partners", input),
    claim: (partner: string, body: ClaimRequest) =>
      call<ClaimResponse>("POST", `/partners/${enc(partner)}/claims`, body),
    transition: (claim: number, action: SimpleAction, body: TransitionRequest) =>
      call<ClaimResponse>("POST", `/claims/${claim}/${action}`, body),
    progress: (claim: number, body: ProgressRequest) => call<ClaimResponse>("POST", `/claims/${claim}/progress`, body),
    handover: (claim: number, body: HandoverRequest) =>
      call<HandoverResponse>("POST", `/claims/${claim}/handover`, body),
    /**
     * The intake routes (the intake module's actions build the path): `GET /partners/duplicates?…`,
     * `POST /partners/{id}/merge`, `POST /partners/import`. One entry, so browsing carries little of it.
     */
    intake: intake as IntakeCall,
    addRepresentative: (affiliate: string, username: string) =>
      call<RoleResult>("POST", `/affiliates/${enc(affiliate)}/representatives`, { username }),
    preferences: () => call<Preferences>("GET", "/me/preferences"),
    setPreferences: (body: Preferences) => call<Preferences>("PUT", "/me/preferences", body),
    feed: () => call<Feed>("GET", "/me/feed"),
    markSeen: (upTo: number) => call<Feed>("POST", "/me/feed/seen", { upTo }),
    /** Refuse a request, remove a representative, or withdraw one's own request. */
    removeRepresentative: (affiliate: string, username: string) =>
      empty("DELETE", `/affiliates/${enc(affiliate)}/representatives/${enc(username)}`),
    myClaims: () => call<MyClaims>("GET", "/me/claims"),
    editPartner: (id: string, version: number, patch: PartnerPatch) =>
      call<PartnerDetail>("PATCH", `/partners/${enc(id)}`, patch, { "If-Match": `"${version}"` }),
    closePartner: (id: string, reason: string) => call<PartnerDetail>("POST", `/partners/${enc(id)}/close`, { reason }),
    reopenPartner: (id: string) => call<PartnerDetail>("POST", `/partners/${enc(id)}/reopen`),
    coordinators: () => call<CoordinatorList>("GET", "/coordinators"),
    addCoordinator: (username: string) => empty("POST", "/coordinators", { username }),
    removeCoordinator: (username: string) => empty("DELETE", `/coordinators/${enc(username)}`),
    mirrorStatus: () => call<MirrorStatus>("GET", "/mirror/status"),
    runMirror: () => call<MirrorStatus>("POST", "/mirror/run"),
  };
}

/** The intake routes, each path with the answer its route declares (one function, typed per path). */
interface IntakeCall {
  (method: "GET", path: `/partners/duplicates?${string}`): Promise<DuplicateList>;
  (method: "POST", path: `/partners/${string}/merge`, body: MergeRequest): Promise<PartnerDetail>;
  (method: "POST", path: "/partners/import", body: ImportRequest): Promise<ImportPreview>;
}

export type Backend = ReturnType<typeof createBackend>;
