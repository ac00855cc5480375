import { screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Me } from "../../shared/api.ts";
import {
  affiliate,
  apiError,
  claim,
  detail,
  fakeBackend,
  json,
  me,
  on,
  partner,
  renderApp,
  type Route,
  sentence,
} from "./fixtures.tsx";

const wmde = affiliate({
  id: "wmde",
  name: "Wikimedia Deutschland",
  representatives: [
    { affiliate: "wmde", user: "Newbie", status: "requested", verifiedBy: null, since: "2026-01-01T00:00:00Z" },
  ],
});
const wmat = affiliate({ id: "wmat", name: "Wikimedia Österreich" });
const old = "2025-01-01T00:00:00Z";
const waiting = partner({ id: "waiting", name: "Waiting Museum", interested: ["wmat", "wmde"] });
const stale = partner({
  id: "sleepy",
  name: "Sleepy Archive",
  status: "matched",
  lead: { claim: 20, affiliate: "wmde", stage: "contacted", staleSince: old },
  interested: ["wmde"],
  updatedAt: old,
});
const claims = {
  waiting: [
    claim({ id: 10, partner: "waiting", affiliate: "wmat", claimedBy: "Anna" }),
    claim({ id: 11, partner: "waiting", affiliate: "wmde", claimedBy: "Ben" }),
  ],
  sleepy: [
    claim({
      id: 20,
      partner: "sleepy",
      affiliate: "wmde",
      status: "lead",
      stage: "contacted",
      staleSince: old,
      claimedBy: "Ben",
    }),
  ],
};
const coordinator = me("Coord", { roles: { coordinator: true, canWrite: true } });

function backend(who: Me, ...extra: Route[]) {
  return fakeBackend(
    ...extra,
    on("GET", "/me", () => json(200, who)),
    on("GET", /^\/partners\?/, () => json(200, { partners: [waiting, stale], total: 2, nextCursor: null })),
    on("GET", "/affiliates", () => json(200, { affiliates: [wmde, wmat] })),
    on("GET", "/partners/waiting", () => json(200, detail(waiting, claims.waiting))),
    on("GET", "/partners/sleepy", () => json(200, detail(stale, claims.sleepy))),
    on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
  );
}
const app = (f: ReturnType<typeof fakeBackend>, who: string, hash: string) =>
  renderApp({ fetch: f.fetch, session: who, hash, config: { directorySource: "backend" } });

describe("claim actions", () => {
  it("lets the claimant withdraw, and nothing a coordinator decides", async () => {
    const f = backend(
      me("Anna"),
      on("POST", "/claims/10/withdraw", () => json(200, { claim: { ...claims.waiting[0], status: "withdrawn" } })),
    );
    app(f, "Anna", "#p=waiting");
    const item = (await screen.findByText("Wikimedia Österreich", { selector: "strong" })).closest("li") as HTMLElement;
    expect(within(item).queryByRole("button", { name: "Accept as lead" })).toBeNull();
    await userEvent.click(within(item).getByRole("button", { name: "Withdraw" }));
    // Nothing is sent before the confirmation.
    const dialog = await screen.findByRole("dialog", { name: "Withdraw" });
    expect(f.calls.some((c) => c.path === "/claims/10/withdraw")).toBe(false);
    await userEvent.type(within(dialog).getByLabelText(/Reason \(for the record\)/), "no capacity");
    await userEvent.click(within(dialog).getByRole("button", { name: "Withdraw" }));
    await waitFor(() => expect(f.calls.some((c) => c.path === "/claims/10/withdraw")).toBe(true));
    expect(f.calls.find((c) => c.path === "/claims/10/withdraw")?.body).toEqual({ version: 1, reason: "no capacity" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const other = (await screen.findByText("Wikimedia Deutschland", { selector: "strong" })).closest(
      "li",
    ) as HTMLElement;
    expect(within(other).queryByRole("button", { name: "Withdraw" })).toBeNull();
  });

  it("shows a 409 as a conflict, keeps the reason typed, and offers the current state", async () => {
    const f = backend(
      coordinator,
      on("POST", "/claims/10/decline", () =>
        apiError(409, "claim_conflict", "the claim is withdrawn now", {
          claim: { affiliate: "wmat", status: "withdrawn" },
        }),
      ),
    );
    app(f, "Coord", "#p=waiting");
    const item = (await screen.findByText("Wikimedia Österreich", { selector: "strong" })).closest("li") as HTMLElement;
    await userEvent.click(within(item).getByRole("button", { name: "Decline" }));
    const dialog = await screen.findByRole("dialog", { name: "Decline" });
    await userEvent.type(within(dialog).getByLabelText(/Reason/), "no capacity");
    await userEvent.click(within(dialog).getByRole("button", { name: "Decline" }));
    const alert = (await within(dialog).findByRole("alert")).textContent;
    expect(alert).toContain("The claim of Wikimedia Österreich on this partner is now “Withdrawn”.");
    expect(alert).not.toContain("the claim is withdrawn now");
    expect((within(dialog).getByLabelText(/Reason/) as HTMLTextAreaElement).value).toBe("no capacity");
    const reads = f.calls.filter((c) => c.path === "/partners/waiting").length;
    await userEvent.click(within(dialog).getByRole("button", { name: "Show the current state" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(f.calls.filter((c) => c.path === "/partners/waiting").length).toBe(reads + 1));
  });

  it("asks for a reason before declining, and confirms before accepting", async () => {
    const f = backend(
      coordinator,
      on("POST", "/claims/10/accept", () => json(200, { claim: { ...claims.waiting[0], status: "lead" } })),
    );
    app(f, "Coord", "#p=waiting");
    const item = (await screen.findByText("Wikimedia Österreich", { selector: "strong" })).closest("li") as HTMLElement;
    await userEvent.click(within(item).getByRole("button", { name: "Decline" }));
    let dialog = await screen.findByRole("dialog", { name: "Decline" });
    expect((within(dialog).getByRole("button", { name: "Decline" }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByText(/Give a reason to continue/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(f.calls.some((c) => c.path.endsWith("/decline"))).toBe(false);

    await userEvent.click(within(item).getByRole("button", { name: "Accept as lead" }));
    dialog = await screen.findByRole("dialog", { name: "Accept as lead" });
    expect(within(dialog).getByText(/Make Wikimedia Österreich the lead/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Accept as lead" }));
    expect(await screen.findByText("Done: Wikimedia Österreich now leads this partner.")).toBeTruthy();
    expect(f.calls.find((c) => c.path === "/claims/10/accept")?.body).toEqual({ version: 1, reason: "" });
  });

  it("lets the lead record progress only forward", async () => {
    const f = backend(
      me("Ben", { affiliates: [{ affiliate: "wmde", status: "verified" }] }),
      on("POST", "/claims/20/progress", () => json(200, { claim: claims.sleepy[0] })),
    );
    app(f, "Ben", "#p=sleepy");
    const stage = (await screen.findByLabelText("Stage")) as HTMLSelectElement;
    expect([...stage.options].map((o) => o.value)).toEqual(["contacted", "agreement", "delivering", "done"]);
    await userEvent.selectOptions(stage, "agreement");
    await userEvent.type(screen.getByLabelText("Note"), "MoU signed");
    await userEvent.click(screen.getByRole("button", { name: "Record progress" }));
    await waitFor(() =>
      expect(f.calls.find((c) => c.path === "/claims/20/progress")?.body).toEqual({
        version: 1,
        stage: "agreement",
        note: "MoU signed",
      }),
    );
    expect(screen.getByRole("button", { name: "Release" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Hand over" })).toBeNull();
  });
});

describe("coordinator review", () => {
  it("lists interest awaiting a decision, stale leads and representatives to verify", async () => {
    const f = backend(
      coordinator,
      on("POST", "/affiliates/wmde/representatives", () => json(200, {})),
    );
    app(f, "Coord", "#view=review");
    expect(await screen.findByRole("heading", { name: "Interest awaiting a decision (1)" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Stale leads (1)" })).toBeTruthy();
    expect(await screen.findByText(sentence(/^Newbie asks to represent Wikimedia Deutschland\./))).toBeTruthy();
    expect(await screen.findAllByRole("button", { name: "Accept as lead" })).toHaveLength(2);
    expect(await screen.findByText("stale")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Verify" }));
    await waitFor(() => expect(f.calls.find((c) => c.method === "POST")?.body).toEqual({ username: "Newbie" }));
  });

  it("hands a lead over only with a reason", async () => {
    const sleepyClaims = [...claims.sleepy, claim({ id: 21, partner: "sleepy", affiliate: "wmat", claimedBy: "Anna" })];
    const f = backend(
      coordinator,
      on("GET", "/partners/sleepy", () => json(200, detail(stale, sleepyClaims))),
      on("POST", "/claims/20/handover", () => json(200, {})),
    );
    app(f, "Coord", "#p=sleepy");
    const lead = (await screen.findByText("Wikimedia Deutschland", { selector: "strong" })).closest(
      "li",
    ) as HTMLElement;
    const other = screen
      .getAllByText("Wikimedia Österreich", { selector: ".partnerhub-claim__head strong" })[0]!
      .closest("li") as HTMLElement;
    // While a lead is in place the other claim cannot be accepted, only declined or handed the lead.
    expect(within(other).queryByRole("button", { name: "Accept as lead" })).toBeNull();
    expect(within(other).getByRole("button", { name: "Decline" })).toBeTruthy();
    expect((within(lead).getByLabelText("Hand over to") as HTMLSelectElement).value).toBe("21");
    await userEvent.click(within(lead).getByRole("button", { name: "Hand over" }));
    const dialog = await screen.findByRole("dialog", { name: "Hand over" });
    expect(
      within(dialog).getByText("Hand the lead over from Wikimedia Deutschland to Wikimedia Österreich?"),
    ).toBeTruthy();
    const button = within(dialog).getByRole("button", { name: "Hand over" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await userEvent.type(within(dialog).getByLabelText(/Reason/), "no progress for a year");
    await userEvent.click(button);
    await waitFor(() =>
      expect(f.calls.find((c) => c.path === "/claims/20/handover")?.body).toEqual({
        version: 1,
        to: 21,
        reason: "no progress for a year",
      }),
    );
  });

  it("is for coordinators only", async () => {
    app(backend(me("Anna")), "Anna", "#view=review");
    expect(await screen.findByText("Only coordinators can review claims.")).toBeTruthy();
  });
});

describe("partners that fit my affiliate", () => {
  it("ranks the open partners that fit a representative's affiliate", async () => {
    const fits = partner({ id: "fits", name: "Fitting Library", kind: "library" });
    const f = backend(
      me("Ben", { affiliates: [{ affiliate: "wmde", status: "verified" }] }),
      on("GET", /^\/partners\?/, () =>
        json(200, {
          partners: [fits, stale, partner({ id: "far", name: "Far Away", country: "JP", languages: ["ja"] })],
          total: 3,
          nextCursor: null,
        }),
      ),
    );
    app(f, "Ben", "#view=mine");
    expect(
      await screen.findByRole("heading", { name: "Open partners that fit Wikimedia Deutschland (1)" }),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Fitting Library" })).toBeTruthy();
    expect(screen.getByText(/serves Germany · speaks German · takes on Images/)).toBeTruthy();
  });
});
