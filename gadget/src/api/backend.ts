/** The backend client: Bearer session token, JSON in and out, typed errors. Only used after consent. */
import type {
  ClaimRequest,
  ClaimResponse,
  EventList,
  HandoverRequest,
  Me,
  MirrorStatus,
  MyClaims,
  PartnerList,
  ProgressRequest,
  SessionResponse,
  TransitionRequest,
} from "../../../shared/api.ts";
import { API_BASE } from "../../../shared/api-base.ts";
import type { ClaimAction } from "../../../shared/claim-machine.ts";
import type { Affiliate, Claim, PartnerDetail, PartnerInput, PartnerPatch } from "../../../shared/schemas.ts";
import { errorFromResponse, networkError } from "./errors.ts";

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
  async function call<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json", "Api-User-Agent": userAgent, ...extra };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
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
    if (!res.ok) throw await errorFromResponse(res);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
  const enc = encodeURIComponent;

  return {
    devSession: (username: string) => call<SessionResponse>("POST", "/session/dev", { username }),
    me: () => call<Me>("GET", "/me"),
    partners: (cursor: string | null, limit = 500) =>
      call<PartnerList>("GET", `/partners?limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ""}`),
    partner: (id: string) => call<PartnerDetail>("GET", `/partners/${enc(id)}`),
    /** A partner's latest 200 events, the newest first. */
    events: (partner: string) => call<EventList>("GET", `/events?partner=${enc(partner)}&limit=200&order=desc`),
    eventsAfter: (after: number, limit = 1000) => call<EventList>("GET", `/events?after=${after}&limit=${limit}`),
    affiliates: () => call<{ affiliates: Affiliate[] }>("GET", "/affiliates"),
    refer: (input: PartnerInput) => call<PartnerDetail>("POST", "/partners", input),
    claim: (partner: string, body: ClaimRequest) =>
      call<ClaimResponse>("POST", `/partners/${enc(partner)}/claims`, body),
    transition: (claim: number, action: SimpleAction, body: TransitionRequest) =>
      call<{ claim: Claim }>("POST", `/claims/${claim}/${action}`, body),
    progress: (claim: number, body: ProgressRequest) =>
      call<{ claim: Claim }>("POST", `/claims/${claim}/progress`, body),
    handover: (claim: number, body: HandoverRequest) =>
      call<{ released: Claim; lead: Claim }>("POST", `/claims/${claim}/handover`, body),
    verifyRepresentative: (affiliate: string, username: string) =>
      call<unknown>("POST", `/affiliates/${enc(affiliate)}/representatives`, { username }),
    /** Ask to represent (yourself), or as a coordinator or representative verify someone. */
    representative: (affiliate: string, username: string) =>
      call<{ user: string; status: "requested" | "verified" }>(
        "POST",
        `/affiliates/${enc(affiliate)}/representatives`,
        { username },
      ),
    /** Refuse a request, remove a representative, or withdraw one's own request. */
    removeRepresentative: (affiliate: string, username: string) =>
      call<void>("DELETE", `/affiliates/${enc(affiliate)}/representatives/${enc(username)}`),
    myClaims: () => call<MyClaims>("GET", "/me/claims"),
    editPartner: (id: string, version: number, patch: PartnerPatch) =>
      call<PartnerDetail>("PATCH", `/partners/${enc(id)}`, patch, { "If-Match": `"${version}"` }),
    closePartner: (id: string, reason: string) => call<PartnerDetail>("POST", `/partners/${enc(id)}/close`, { reason }),
    reopenPartner: (id: string) => call<PartnerDetail>("POST", `/partners/${enc(id)}/reopen`),
    coordinators: () =>
      call<{ coordinators: Array<{ user: string; source: "config" | "added" }> }>("GET", "/coordinators"),
    addCoordinator: (username: string) => call<void>("POST", "/coordinators", { username }),
    removeCoordinator: (username: string) => call<void>("DELETE", `/coordinators/${enc(username)}`),
    mirrorStatus: () => call<MirrorStatus>("GET", "/mirror/status"),
    runMirror: () => call<MirrorStatus>("POST", "/mirror/run"),
  };
}

export type Backend = ReturnType<typeof createBackend>;
