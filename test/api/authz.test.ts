/**
 * The authorisation matrix: every role × every write. Each cell gets a fresh
 * partner and claims, so a success in one cell cannot hide a refusal in another.
 */
import { describe, expect, it } from "vitest";
import { act, call, COORDINATOR, makeAffiliate, makeClaim, makePartner, partnerInput, signIn } from "./helpers.ts";

type Role =
  | "anonymous"
  | "blocked"
  | "user"
  | "claimant"
  | "representative"
  | "other representative"
  | "referrer"
  | "coordinator";
const ROLES: Role[] = [
  "anonymous",
  "blocked",
  "user",
  "claimant",
  "representative",
  "other representative",
  "referrer",
  "coordinator",
];

const USER: Record<Exclude<Role, "anonymous">, string> = {
  blocked: "Blocked User",
  user: "Plain User",
  claimant: "Claimant User",
  representative: "Rep Of A",
  "other representative": "Rep Of B",
  referrer: "Referring User",
  coordinator: COORDINATOR,
};

interface Fixture {
  a: string;
  b: string;
  partner: string;
  interested: number;
  lead: number;
  other: number;
}

/** A: the claimant's unverified claim; then a second partner led by A with B interested. */
async function fixture(): Promise<Fixture> {
  const a = await makeAffiliate({ reps: [USER.representative] });
  const b = await makeAffiliate({ reps: [USER["other representative"]] });
  const partner = await makePartner({}, USER.referrer);
  const interested = (await makeClaim(partner, a, USER.claimant)).id;
  const led = await makePartner({}, USER.referrer);
  const lead = (await makeClaim(led, a, USER.claimant)).id;
  const other = (await makeClaim(led, b, USER["other representative"])).id;
  expect((await act("accept", lead, COORDINATOR)).status).toBe(200);
  return { a, b, partner, interested, lead, other };
}

const token = async (role: Role) => (role === "anonymous" ? null : signIn(USER[role], { blocked: role === "blocked" }));

type Write = (f: Fixture, t: string | null) => Promise<Response>;

const WRITES: Record<string, Write> = {
  "refer a partner": (_f, t) => call("POST", "/partners", { token: t, body: partnerInput() }),
  "edit a partner": (f, t) =>
    call("PATCH", `/partners/${f.partner}`, { token: t, body: { summary: "edited" }, headers: { "If-Match": '"1"' } }),
  "close a partner": (f, t) => call("POST", `/partners/${f.partner}/close`, { token: t, body: { reason: "r" } }),
  "claim a partner": async (f, t) =>
    call("POST", `/partners/${f.partner}/claims`, { token: t, body: { affiliate: await makeAffiliate() } }),
  withdraw: (f, t) => call("POST", `/claims/${f.interested}/withdraw`, { token: t, body: {} }),
  accept: (f, t) => call("POST", `/claims/${f.interested}/accept`, { token: t, body: {} }),
  decline: (f, t) => call("POST", `/claims/${f.interested}/decline`, { token: t, body: {} }),
  release: (f, t) => call("POST", `/claims/${f.lead}/release`, { token: t, body: {} }),
  complete: (f, t) => call("POST", `/claims/${f.lead}/complete`, { token: t, body: {} }),
  progress: (f, t) => call("POST", `/claims/${f.lead}/progress`, { token: t, body: { stage: "contacted" } }),
  "hand over": (f, t) => call("POST", `/claims/${f.lead}/handover`, { token: t, body: { to: f.other, reason: "r" } }),
  "add an affiliate": (_f, t) =>
    call("POST", "/affiliates", {
      token: t,
      body: { id: `new-${crypto.randomUUID().slice(0, 8)}`, name: "New", kind: "user_group", wikiPage: "New" },
    }),
  "edit an affiliate": (f, t) =>
    call("PATCH", `/affiliates/${f.a}`, { token: t, body: { name: "Renamed" }, headers: { "If-Match": '"1"' } }),
  "verify a representative": (f, t) =>
    call("POST", `/affiliates/${f.a}/representatives`, { token: t, body: { username: "Newcomer" } }),
  "remove a representative": (f, t) =>
    call("DELETE", `/affiliates/${f.a}/representatives/${encodeURIComponent(USER.representative)}`, { token: t }),
  "add a coordinator": (_f, t) => call("POST", "/coordinators", { token: t, body: { username: "New Coordinator" } }),
  "run the mirror": (_f, t) => call("POST", "/mirror/run", { token: t }),
};

const OK = "ok";
/** What each role gets: "ok" (2xx), or the refusal status. Anonymous is always 401, blocked always 403. */
const EXPECTED: Record<string, Partial<Record<Role, typeof OK | 403>>> = {
  "refer a partner": {
    user: OK,
    claimant: OK,
    representative: OK,
    "other representative": OK,
    referrer: OK,
    coordinator: OK,
  },
  "edit a partner": {
    user: 403,
    claimant: 403,
    representative: 403,
    "other representative": 403,
    referrer: OK,
    coordinator: OK,
  },
  "close a partner": {
    user: 403,
    claimant: 403,
    representative: 403,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  "claim a partner": {
    user: OK,
    claimant: OK,
    representative: OK,
    "other representative": OK,
    referrer: OK,
    coordinator: OK,
  },
  withdraw: {
    user: 403,
    claimant: OK,
    representative: OK,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  accept: {
    user: 403,
    claimant: 403,
    representative: 403,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  decline: {
    user: 403,
    claimant: 403,
    representative: 403,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  release: { user: 403, claimant: OK, representative: OK, "other representative": 403, referrer: 403, coordinator: OK },
  complete: {
    user: 403,
    claimant: OK,
    representative: OK,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  progress: {
    user: 403,
    claimant: OK,
    representative: OK,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  "hand over": {
    user: 403,
    claimant: 403,
    representative: 403,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  "add an affiliate": {
    user: 403,
    claimant: 403,
    representative: 403,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  "edit an affiliate": {
    user: 403,
    claimant: 403,
    representative: 403,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  "verify a representative": {
    user: 403,
    claimant: 403,
    representative: OK,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  "remove a representative": {
    user: 403,
    claimant: 403,
    representative: OK,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  "add a coordinator": {
    user: 403,
    claimant: 403,
    representative: 403,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
  // The test deployment has no mirror credentials: a coordinator passes authorisation and gets 503.
  "run the mirror": {
    user: 403,
    claimant: 403,
    representative: 403,
    "other representative": 403,
    referrer: 403,
    coordinator: OK,
  },
};

describe.each(Object.keys(WRITES))("%s", (write) => {
  it.each(ROLES)("as %s", async (role) => {
    const f = await fixture();
    const res = await WRITES[write]!(f, await token(role));
    const expected = role === "anonymous" ? 401 : role === "blocked" ? 403 : EXPECTED[write]![role];
    expect(expected, `matrix cell ${write} × ${role}`).toBeDefined();
    if (expected === OK) {
      const okStatus = write === "run the mirror" ? 503 : undefined;
      if (okStatus) expect(res.status).toBe(okStatus);
      else expect(res.status, await res.clone().text()).toBeLessThan(300);
    } else {
      expect(res.status, await res.clone().text()).toBe(expected);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        expected === 401 ? "unauthorized" : "forbidden",
      );
    }
  });
});
