/** The backend's session endpoints: trade a wiki access token for a session once, and sign out. */
import { API_BASE } from "../../../shared/api-base.ts";
import type { SessionResponse } from "../../../shared/api.ts";
import { SignInError } from "./sign-in-error.ts";

/** `POST /session {accessToken}`: the only time the wiki's access token leaves the browser, and it is not kept. */
export async function createSession(
  backendUrl: string,
  accessToken: string,
  doFetch: typeof fetch = fetch,
): Promise<SessionResponse> {
  const res = await request(doFetch, `${backendUrl}${API_BASE}/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ accessToken }),
  });
  if (!res.ok) throw new SignInError("backend_refused", await messageOf(res), { status: res.status });
  return (await res.json()) as SessionResponse;
}

/** `DELETE /session`: the backend refuses the token from now on. A session that is already invalid counts as signed out. */
export async function deleteSession(backendUrl: string, token: string, doFetch: typeof fetch = fetch): Promise<void> {
  const res = await request(doFetch, `${backendUrl}${API_BASE}/session`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok && res.status !== 401)
    throw new SignInError("backend_refused", await messageOf(res), { status: res.status });
}

async function request(doFetch: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await doFetch(url, init);
  } catch (cause) {
    throw new SignInError("backend_refused", "The hub's service could not be reached", { cause });
  }
}

async function messageOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `The hub's service answered ${res.status}`;
  } catch {
    return `The hub's service answered ${res.status}`;
  }
}
