/**
 * After a write, the partner's page shows the write's answer at once: the claims, the "Done"
 * notice of the latest action only, the history read again, and the claims that ended with
 * how and why they ended. No second read of the partner.
 */
import { screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Claim, Event } from "../../shared/schemas.ts";
import { affiliate, claim, detail, fakeBackend, json, me, on, partner, renderApp, sentence } from "./fixtures.tsx";

const wmde = affiliate({ id: "wmde", name: "Wikimedia Deutschland" });
const wmat = affiliate({ id: "wmat", name: "Wikimedia Österreich" });
const T = "2026-02-01T10:00:00Z";
const event = (seq: number, type: Event["type"], claimId: number, aff: string, data: Event["data"] = {}): Event => ({
  seq,
  at: T,
  actor: "Ben",
  type,
  partner: "museum",
  affiliate: aff,
  claim: claimId,
  data,
});

/** A backend whose partner, claims and events change with each write, as the real one does. */
function statefulBackend(who: ReturnType<typeof me>, start: Claim[]) {
  let claims = start;
  const events: Event[] = [];
  const base = partner({ id: "museum", name: "Museum Folkwang" });
  const current = () => {
    const open = claims.filter((c) => c.status === "interested" || c.status === "lead");
    const lead = claims.find((c) => c.status === "lead");
    return detail(
      {
        ...base,
        status: lead ? "matched" : "open",
        interested: open.map((c) => c.affiliate),
        lead: lead ? { claim: lead.id, affiliate: lead.affiliate, stage: lead.stage, staleSince: null } : null,
      },
      claims,
    );
  };
  const set = (id: number, over: Partial<Claim>) => {
    claims = claims.map((c) => (c.id === id ? { ...c, ...over, version: c.version + 1 } : c));
    return claims.find((c) => c.id === id) as Claim;
  };
  const f = fakeBackend(
    on("GET", "/me", () => json(200, who)),
    on("GET", /^\/partners\?/, () => json(200, { partners: [current()], total: 1, nextCursor: null })),
    on("GET", "/affiliates", () => json(200, { affiliates: [wmde, wmat] })),
    on("GET", "/partners/museum", () => json(200, current())),
    on("GET", /^\/events\?partner=museum/, () => json(200, { events: [...events].reverse(), last: events.length })),
    on("POST", "/partners/museum/claims", (body) => {
      const made = claim({ id: 30, partner: "museum", affiliate: (body as { affiliate: string }).affiliate });
      claims = [...claims, { ...made, claimedBy: who.user.name }];
      events.push(event(events.length + 1, "claim.created", 30, made.affiliate));
      return json(201, { claim: made, partner: current() });
    }),
    on("POST", "/claims/30/withdraw", (body) => {
      const done = set(30, { status: "withdrawn" });
      events.push(
        event(events.length + 1, "claim.withdrawn", 30, "wmde", { reason: (body as { reason: string }).reason }),
      );
      return json(200, { claim: done, partner: current() });
    }),
    on("POST", "/claims/20/handover", (body) => {
      const { to, reason } = body as { to: number; reason: string };
      const released = set(20, { status: "released" });
      const lead = set(to, { status: "lead" });
      events.push(event(events.length + 1, "claim.handed_over", 20, "wmde", { to, toAffiliate: "wmat", reason }));
      events.push(event(events.length + 1, "claim.accepted", to, "wmat", { handedOverFrom: 20 }));
      return json(200, { released, lead, partner: current() });
    }),
  );
  return f;
}

const open = (f: ReturnType<typeof fakeBackend>, who: string) =>
  renderApp({ fetch: f.fetch, session: who, hash: "#p=museum", config: { directorySource: "backend" } });
const partnerReads = (f: ReturnType<typeof fakeBackend>) =>
  f.calls.filter((c) => c.method === "GET" && c.path === "/partners/museum").length;

describe("the partner after a write", () => {
  it("shows the answer of a claim and a withdraw at once, replaces the notice and re-reads the history, not the partner", async () => {
    const f = statefulBackend(me("Ben", { affiliates: [{ affiliate: "wmde", status: "verified" }] }), []);
    open(f, "Ben");
    await userEvent.click(await screen.findByRole("button", { name: "We can take this partner" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send" }));
    expect(await screen.findByText("Done: Wikimedia Deutschland is now interested in this partner.")).toBeTruthy();
    const history = screen.getByRole("heading", { name: "History" }).closest("section") as HTMLElement;
    expect(await within(history).findByText(sentence(/Interest shown by Ben/))).toBeTruthy();

    const mine = (await screen.findByText("Wikimedia Deutschland", { selector: "strong" })).closest(
      "li",
    ) as HTMLElement;
    await userEvent.click(within(mine).getByRole("button", { name: "Withdraw" }));
    const confirm = await screen.findByRole("dialog", { name: "Withdraw" });
    await userEvent.type(within(confirm).getByLabelText(/Reason/), "no photographer free");
    await userEvent.click(within(confirm).getByRole("button", { name: "Withdraw" }));
    expect(await screen.findByText("Done: Wikimedia Deutschland withdrew its interest.")).toBeTruthy();
    expect(screen.queryByText("Done: Wikimedia Deutschland is now interested in this partner.")).toBeNull();
    expect(await within(history).findByText(sentence(/Interest withdrawn by Ben/))).toBeTruthy();
    expect(within(history).getByText("no photographer free")).toBeTruthy();
    expect(partnerReads(f)).toBe(1);
  });

  it("keeps the previous lead on the page after a hand-over, as handed over and why", async () => {
    const f = statefulBackend(me("Coord", { roles: { coordinator: true, canWrite: true } }), [
      claim({ id: 20, partner: "museum", affiliate: "wmde", status: "lead", stage: "contacted", claimedBy: "Ben" }),
      claim({ id: 21, partner: "museum", affiliate: "wmat", claimedBy: "Anna" }),
    ]);
    open(f, "Coord");
    const lead = (await screen.findByText("Wikimedia Deutschland", { selector: "strong" })).closest(
      "li",
    ) as HTMLElement;
    await userEvent.click(within(lead).getByRole("button", { name: "Hand over" }));
    const confirm = await screen.findByRole("dialog", { name: "Hand over" });
    await userEvent.type(within(confirm).getByLabelText(/Reason/), "no progress for a year");
    await userEvent.click(within(confirm).getByRole("button", { name: "Hand over" }));
    expect(await screen.findByText("Done: Wikimedia Österreich now leads this partner.")).toBeTruthy();
    const earlier = screen.getByRole("heading", { name: "Earlier claims" }).closest("section") as HTMLElement;
    const item = within(earlier)
      .getByText("Wikimedia Deutschland", { selector: "strong" })
      .closest("li") as HTMLElement;
    expect(await within(item).findByText(sentence("Handed over to Wikimedia Österreich"))).toBeTruthy();
    expect(within(item).getByText("no progress for a year")).toBeTruthy();
    expect(partnerReads(f)).toBe(1);
  });

  it("shows a lead's progress note with its claim", async () => {
    const f = statefulBackend(me("Anna"), [
      claim({
        id: 20,
        partner: "museum",
        affiliate: "wmde",
        status: "lead",
        stage: "agreement",
        stageNote: "MoU signed",
      }),
    ]);
    open(f, "Anna");
    const lead = (await screen.findByText("Wikimedia Deutschland", { selector: "strong" })).closest(
      "li",
    ) as HTMLElement;
    expect(within(lead).getByText("MoU signed")).toBeTruthy();
    await waitFor(() => expect(f.calls.some((c) => c.path.startsWith("/events?partner=museum"))).toBe(true));
  });
});
