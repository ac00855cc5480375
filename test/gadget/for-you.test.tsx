// "For you" and the Notifications panel in the gadget, against a fake backend over fetch.
import { screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Event } from "../../shared/schemas.ts";
import { affiliate, apiError, fakeBackend, json, me, on, partner, renderApp } from "./fixtures.tsx";

const museum = partner({ id: "museum-a", name: "Museum A" });
const wmde = affiliate({ id: "wmde", name: "Wikimedia Deutschland" });
const event = (seq: number, type: Event["type"], actor: string): Event => ({
  seq,
  at: `2026-12-0${seq}T10:00:00Z`,
  actor,
  type,
  partner: "museum-a",
  affiliate: "wmde",
  claim: 1,
  data: {},
});

function backend(mode = "daily") {
  let seen = 0;
  let chosen = mode;
  const items = () =>
    [event(3, "claim.completed", "Rep"), event(2, "claim.accepted", "Coord")].map((e) => ({
      event: e,
      reason: "claimant",
      unseen: e.seq > seen,
    }));
  const feed = () => ({ items: items(), unseen: items().filter((i) => i.unseen).length, seenSeq: seen });
  return fakeBackend(
    on("GET", "/me", () => json(200, me("Alice"))),
    on("GET", /^\/partners\?/, () => json(200, { partners: [museum], total: 1, nextCursor: null })),
    on("GET", "/affiliates", () => json(200, { affiliates: [wmde] })),
    on("GET", "/me/feed", () => json(200, feed())),
    on("POST", "/me/feed/seen", (body) => ((seen = (body as { upTo: number }).upTo), json(200, feed()))),
    on("GET", "/me/preferences", () => json(200, { notifications: chosen })),
    on("PUT", "/me/preferences", (body) => {
      const next = (body as { notifications: string }).notifications;
      if (next === "weekly") return apiError(429, "rate_limited", "slow down");
      chosen = next;
      return json(200, { notifications: chosen });
    }),
  );
}

const open = (f: ReturnType<typeof fakeBackend>, hash = "#view=foryou") =>
  renderApp({ fetch: f.fetch, session: "Alice", hash, config: { directorySource: "backend" } });

describe("For you", () => {
  it("shows a tab with the unseen count, lists the newest first with links, and marks all as seen", async () => {
    const f = backend();
    open(f);
    const tab = await screen.findByRole("tab", { name: /For you/ });
    await waitFor(() => expect(tab.textContent).toContain("2"));
    const list = await screen.findByRole("list");
    // Names come from the directory once it is loaded.
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole("listitem")
          .map((li) => li.textContent),
      ).toEqual([
        expect.stringMatching(/^New: .*Museum A: Completed by Rep \(affiliate: Wikimedia Deutschland\) \(your claim\)/),
        expect.stringMatching(/^New: .*Accepted as lead by Coord/),
      ]),
    );
    const items = within(list).getAllByRole("listitem");
    expect(within(items[0]!).getByRole("link", { name: "Museum A" })).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Mark all as seen" }));
    await waitFor(() => expect(screen.getByText(/0 new entries/)).toBeTruthy());
    expect(f.calls.find((c) => c.path === "/me/feed/seen")?.body).toEqual({ upTo: 3 });
    expect(tab.textContent).not.toMatch(/\d/);
  });

  it("asks a signed-out reader to sign in and sends nothing to the backend", async () => {
    const f = backend();
    renderApp({ fetch: f.fetch, hash: "#view=foryou", config: { directorySource: "backend" } });
    expect(await screen.findByText(/Sign in to see what happened to your claims/)).toBeTruthy();
    expect(f.calls.filter((c) => c.path.startsWith("/me"))).toEqual([]);
  });
});

describe("the Notifications panel", () => {
  it("says what is posted where, and saves a choice", async () => {
    const f = backend("daily");
    open(f, "#view=notifications");
    expect(await screen.findByText(/adds a signed section to your talk page, User talk:Alice/)).toBeTruthy();
    const daily = await screen.findByRole("radio", { name: /daily digest/ });
    expect((daily as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole("radio", { name: /Nothing on my talk page/ }));
    await screen.findByText("Saved.");
    expect(f.calls.filter((c) => c.method === "PUT").map((c) => c.body)).toEqual([{ notifications: "none" }]);
    expect((screen.getByRole("radio", { name: /Nothing on my talk page/ }) as HTMLInputElement).checked).toBe(true);
  });

  it("words a refused save and keeps the choice that was stored", async () => {
    const f = backend("daily");
    open(f, "#view=notifications");
    await userEvent.click(await screen.findByRole("radio", { name: /weekly digest/ }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByRole("radio", { name: /daily digest/ }) as HTMLInputElement).checked).toBe(true),
    );
  });
});
