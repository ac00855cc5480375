/**
 * The event feed carries what its audience may see: a pending request to represent an affiliate
 * is hidden from the public (as the affiliate endpoints hide it), shown to coordinators, the
 * requester and the affiliate's representatives.
 */
import { describe, expect, it } from "vitest";
import { EventList, RoleResult } from "../../shared/api.ts";
import { call, COORDINATOR, bodyOf, makeAffiliate, signIn } from "./helpers.ts";

interface FeedEvent {
  seq: number;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

async function feed(token?: string): Promise<{ events: FeedEvent[]; response: Response }> {
  const events: FeedEvent[] = [];
  let after = 0;
  let response: Response;
  for (;;) {
    response = await call("GET", `/events?after=${after}&limit=1000`, { token });
    const page = await bodyOf(response, EventList);
    events.push(...page.events);
    if (page.events.length === 0 || page.events.at(-1)!.seq >= page.last) return { events, response };
    after = page.events.at(-1)!.seq;
  }
}

const mentions = (events: FeedEvent[], user: string) =>
  events.filter((e) => e.actor === user || e.data.user === user).map((e) => e.type);

describe("GET /events and pending representative requests", () => {
  it("shows the request only to coordinators, the requester and the affiliate's representatives", async () => {
    const affiliate = await makeAffiliate({ reps: ["Standing Rep"] });
    const requester = `Shy Requester ${crypto.randomUUID().slice(0, 6)}`;
    const ask = await call("POST", `/affiliates/${affiliate}/representatives`, {
      token: await signIn(requester),
      body: { username: requester },
    });
    expect(await bodyOf(ask, RoleResult)).toEqual({ user: requester, status: "requested" });

    const anonymous = await feed();
    expect(mentions(anonymous.events, requester)).toEqual([]);
    expect(mentions((await feed(await signIn("Curious Stranger"))).events, requester)).toEqual([]);
    for (const who of [COORDINATOR, requester, "Standing Rep"]) {
      expect(mentions((await feed(await signIn(who))).events, requester), who).toEqual(["representative.requested"]);
    }
    expect((anonymous.response.headers.get("Vary") ?? "").toLowerCase()).toContain("authorization");
    expect(anonymous.response.headers.get("Cache-Control")).toMatch(/private|no-store/);

    // Once verified, the representative is public, and so is the event that says so.
    const verified = await call("POST", `/affiliates/${affiliate}/representatives`, {
      token: await signIn("Standing Rep"),
      body: { username: requester },
    });
    expect(verified.status).toBe(200);
    expect(mentions((await feed()).events, requester)).toEqual(["representative.verified"]);
  });
});
