/**
 * Each role's views in the gadget, against a fake backend: a volunteer asks to represent,
 * sees and withdraws their claims and edits their referrals; a representative verifies or
 * refuses requests; a coordinator edits a partner (and meets a conflict), closes and reopens
 * it, manages coordinators and runs the mirror. Every write is confirmed first and announced.
 */
import { screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Me } from "../../shared/api.ts";
import type { Partner, PartnerDetail } from "../../shared/schemas.ts";
import type { Store } from "../../gadget/src/state/store.ts";
import { affiliate, claim, detail, fakeBackend, json, me, on, partner, renderApp, type Route } from "./fixtures.tsx";

const wmde = affiliate({
  id: "wmde",
  name: "Wikimedia Deutschland",
  representatives: [
    { affiliate: "wmde", user: "Rita", status: "verified", verifiedBy: "Coord", since: "2026-01-01T00:00:00Z" },
    { affiliate: "wmde", user: "Newbie", status: "requested", verifiedBy: null, since: "2026-01-02T00:00:00Z" },
  ],
});
const wmat = affiliate({ id: "wmat", name: "Wikimedia Österreich" });
const museum = partner({
  id: "museum",
  name: "City Museum",
  summary: "Old summary",
  referredBy: { user: "Vera", affiliate: null },
  interested: ["wmat"],
});
const archive = partner({ id: "archive", name: "State Archive", status: "closed" });
const coordinator = me("Coord", { roles: { coordinator: true, canWrite: true } });
const withContact = (p: typeof museum, over: Partial<PartnerDetail> = {}): PartnerDetail => ({
  ...detail(p, [claim({ id: 5, partner: p.id, affiliate: "wmat", claimedBy: "Vera" })], {
    name: "Erika",
    email: "erika@example.org",
    notes: "",
  }),
  ...over,
});

function backend(who: Me, ...extra: Route[]) {
  return fakeBackend(
    ...extra,
    on("GET", "/me", () => json(200, who)),
    on("GET", /^\/partners\?/, () => json(200, { partners: [museum, archive], total: 2, nextCursor: null })),
    on("GET", "/affiliates", () => json(200, { affiliates: [wmat, wmde] })),
    on("GET", "/partners/museum", () => json(200, withContact(museum))),
    on("GET", "/partners/archive", () => json(200, detail(archive))),
    on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
  );
}
const app = (f: ReturnType<typeof fakeBackend>, who: string, hash: string) =>
  renderApp({ fetch: f.fetch, session: who, hash, config: { directorySource: "backend" } });
const statusOf = (store: Store, id: string) => (store.partners.value as Partner[]).find((p) => p.id === id)?.status;
const ids = (store: Store) => store.result.value.partners.map((p: Partner) => p.id);
const confirmIn = async (title: string, button = title) => {
  const dialog = await screen.findByRole("dialog", { name: title });
  await userEvent.click(within(dialog).getByRole("button", { name: button }));
};

describe("a volunteer's Mine view", () => {
  it("asks to represent an affiliate, after a confirmation, and says so", async () => {
    let asked = false;
    const f = backend(
      me("Vera"),
      on("GET", "/me/claims", () => json(200, { claims: [] })),
      on("GET", "/me", () =>
        asked ? json(200, me("Vera", { affiliates: [{ affiliate: "wmat", status: "requested" }] })) : undefined,
      ),
      on(
        "POST",
        "/affiliates/wmat/representatives",
        () => ((asked = true), json(200, { user: "Vera", status: "requested" })),
      ),
    );
    app(f, "Vera", "#view=claims");
    expect(await screen.findByText("You do not represent an affiliate yet.")).toBeTruthy();
    const ask = (await screen.findByRole("button", { name: "Ask to represent" })) as HTMLButtonElement;
    // No affiliate is chosen for the user: the button waits for a choice.
    expect(ask.disabled).toBe(true);
    await screen.findByRole("option", { name: "Wikimedia Österreich" });
    await userEvent.selectOptions(screen.getByLabelText("Affiliate to represent"), "wmat");
    await userEvent.click(ask);
    expect(f.calls.some((c) => c.method === "POST")).toBe(false);
    await confirmIn("Ask to represent");
    expect(f.calls.find((c) => c.method === "POST")?.body).toEqual({ username: "Vera" });
    expect(await screen.findByText(/Done: you asked to represent Wikimedia Österreich/)).toBeTruthy();
    expect(await screen.findByText("Request waiting")).toBeTruthy();
  });

  it("shows every claim with its state and withdraws an open one", async () => {
    const mine = [
      claim({ id: 7, partner: "museum", affiliate: "wmat", claimedBy: "Vera" }),
      claim({ id: 8, partner: "archive", affiliate: "wmat", claimedBy: "Vera", status: "declined" }),
    ];
    const f = backend(
      me("Vera"),
      on("GET", "/me/claims", () => json(200, { claims: mine })),
      on("POST", "/claims/7/withdraw", () => json(200, { claim: { ...mine[0], status: "withdrawn" } })),
    );
    app(f, "Vera", "#view=claims");
    const list = (await screen.findByRole("heading", { name: "What you said your affiliate can take" }))
      .parentElement as HTMLElement;
    const open = (await within(list).findByRole("link", { name: "City Museum" })).closest("li") as HTMLElement;
    const declined = within(list).getByRole("link", { name: "State Archive" }).closest("li") as HTMLElement;
    expect(within(open).getByText("Interested")).toBeTruthy();
    expect(within(declined).getByText("Declined")).toBeTruthy();
    expect(within(declined).queryByRole("button", { name: "Withdraw" })).toBeNull();
    await userEvent.click(within(open).getByRole("button", { name: "Withdraw" }));
    await confirmIn("Withdraw");
    await waitFor(() =>
      expect(f.calls.find((c) => c.path === "/claims/7/withdraw")?.body).toEqual({ version: 1, reason: "" }),
    );
    expect(await screen.findByText("Done: Wikimedia Österreich withdrew its interest.")).toBeTruthy();
    await waitFor(() => expect(f.calls.filter((c) => c.path === "/me/claims")).toHaveLength(2));
  });

  it("lists the partners they referred, with Edit", async () => {
    const f = backend(
      me("Vera"),
      on("GET", "/me/claims", () => json(200, { claims: [] })),
    );
    const { store } = app(f, "Vera", "#view=claims");
    const section = (await screen.findByRole("heading", { name: "Partners you referred" }))
      .parentElement as HTMLElement;
    await userEvent.click(await within(section).findByRole("button", { name: "Edit City Museum" }));
    expect(store.route.value).toMatchObject({ view: "edit", partner: "museum" });
    expect(await screen.findByRole("heading", { name: "Edit City Museum" })).toBeTruthy();
  });
});

describe("representatives", () => {
  it("a representative refuses a request to represent their affiliate", async () => {
    const f = backend(
      me("Rita", { affiliates: [{ affiliate: "wmde", status: "verified" }] }),
      on("DELETE", "/affiliates/wmde/representatives/Newbie", () => new Response(null, { status: 204 })),
    );
    app(f, "Rita", "#view=representatives");
    const request = (await screen.findByText("Newbie asks to represent Wikimedia Deutschland.")).closest(
      "li",
    ) as HTMLElement;
    await userEvent.click(within(request).getByRole("button", { name: "Refuse" }));
    const dialog = await screen.findByRole("dialog", { name: "Refuse" });
    expect(within(dialog).getByText("Refuse the request of Newbie to represent Wikimedia Deutschland?")).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Refuse" }));
    expect(await screen.findByText("Done: the request of Newbie for Wikimedia Deutschland is refused.")).toBeTruthy();
    expect(f.calls.some((c) => c.method === "DELETE")).toBe(true);
  });

  it("verifies a request and removes a representative, each confirmed", async () => {
    const f = backend(
      me("Rita", { affiliates: [{ affiliate: "wmde", status: "verified" }] }),
      on("POST", "/affiliates/wmde/representatives", () => json(200, { user: "Newbie", status: "verified" })),
      on("DELETE", "/affiliates/wmde/representatives/Rita", () => new Response(null, { status: 204 })),
    );
    app(f, "Rita", "#view=representatives");
    const request = (await screen.findByText("Newbie asks to represent Wikimedia Deutschland.")).closest(
      "li",
    ) as HTMLElement;
    await userEvent.click(within(request).getByRole("button", { name: "Verify" }));
    await confirmIn("Verify");
    expect(await screen.findByText("Done: Newbie is a verified representative of Wikimedia Deutschland.")).toBeTruthy();
    // Only their own affiliate: no affiliate to choose.
    expect(screen.queryByLabelText("Affiliate")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Remove Rita" }));
    await confirmIn("Remove");
    await waitFor(() => expect(f.calls.some((c) => c.method === "DELETE" && c.path.endsWith("/Rita"))).toBe(true));
  });

  it("is not offered to a volunteer without an affiliate", async () => {
    app(backend(me("Vera")), "Vera", "#view=representatives");
    expect(await screen.findByText(/Only coordinators and verified representatives/)).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "Representatives" })).toBeNull();
  });
});

describe("a coordinator's Hub settings", () => {
  it("adds and removes coordinators; configured ones cannot be removed", async () => {
    const f = backend(
      coordinator,
      on("GET", "/coordinators", () =>
        json(200, {
          coordinators: [
            { user: "Coord", source: "config" },
            { user: "Helper", source: "added" },
          ],
        }),
      ),
      on("POST", "/coordinators", () => new Response(null, { status: 204 })),
      on("DELETE", "/coordinators/Helper", () => new Response(null, { status: 204 })),
      on("GET", "/mirror/status", () =>
        json(200, {
          configured: true,
          lastRunAt: null,
          lastSuccessAt: null,
          lastEvent: 3,
          latestEvent: 5,
          lag: 2,
          pages: [],
          errors: [],
        }),
      ),
    );
    app(f, "Coord", "#view=admin");
    const configured = (await screen.findByText("Coord", { selector: "li bdi" })).closest("li") as HTMLElement;
    expect(within(configured).queryByRole("button")).toBeNull();
    await userEvent.type(screen.getByLabelText("Wiki user name"), "  New Person ");
    await userEvent.click(screen.getByRole("button", { name: "Add coordinator" }));
    await confirmIn("Add coordinator");
    expect(f.calls.find((c) => c.path === "/coordinators" && c.method === "POST")?.body).toEqual({
      username: "New Person",
    });
    expect(await screen.findByText("Done: New Person is a coordinator.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Remove Helper" }));
    await confirmIn("Remove");
    expect(await screen.findByText("Done: Helper is no longer a coordinator.")).toBeTruthy();
  });

  it("shows the mirror's lag and runs it now after a confirmation", async () => {
    const status = {
      configured: true,
      lastRunAt: null,
      lastSuccessAt: null,
      lastEvent: 3,
      latestEvent: 5,
      pages: [],
      errors: [],
    };
    const f = backend(
      coordinator,
      on("GET", "/coordinators", () => json(200, { coordinators: [] })),
      on("GET", "/mirror/status", () => json(200, { ...status, lag: 2 })),
      on("POST", "/mirror/run", () => json(200, { ...status, lag: 0 })),
    );
    app(f, "Coord", "#view=admin");
    expect(await screen.findByText("2 changes")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Update the wiki pages now" }));
    await confirmIn("Update the wiki pages now");
    expect(await screen.findByText("Done: the mirror ran; 0 changes are not yet on the wiki.")).toBeTruthy();
  });

  it("is only in the tabs of coordinators", async () => {
    app(backend(me("Vera")), "Vera", "#");
    expect(await screen.findByRole("tab", { name: "Mine" })).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "Hub settings" })).toBeNull();
  });
});

describe("editing, closing and reopening a partner", () => {
  it("saves only the changed fields with If-Match", async () => {
    const f = backend(
      coordinator,
      on("PATCH", "/partners/museum", (body) =>
        json(200, withContact({ ...museum, ...(body as object), version: 2 } as typeof museum)),
      ),
    );
    app(f, "Coord", "#view=edit&p=museum");
    const summary = (await screen.findByLabelText("Summary")) as HTMLTextAreaElement;
    await userEvent.clear(summary);
    await userEvent.type(summary, "A new summary");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    const patch = await waitFor(() => {
      const c = f.calls.find((x) => x.method === "PATCH");
      expect(c).toBeTruthy();
      return c!;
    });
    expect(patch.body).toEqual({ summary: "A new summary" });
    expect(patch.headers["If-Match"]).toBe('"1"');
    expect(await screen.findByText("Done: your changes are saved.")).toBeTruthy();
  });

  it("on a conflict keeps what was typed, shows theirs beside yours, and saves on their version", async () => {
    let patches = 0;
    const theirs = { ...museum, summary: "Their summary", name: "City Museum (renamed)", version: 2 };
    const f = backend(
      coordinator,
      on("GET", "/partners/museum", () => (patches > 0 ? json(200, withContact(theirs)) : undefined)),
      on("PATCH", "/partners/museum", (body) =>
        ++patches === 1
          ? json(412, { error: { code: "version_mismatch", message: "stale" } })
          : json(200, withContact({ ...theirs, ...(body as object), version: 3 } as typeof museum)),
      ),
    );
    app(f, "Coord", "#view=edit&p=museum");
    const summary = (await screen.findByLabelText("Summary")) as HTMLTextAreaElement;
    await userEvent.clear(summary);
    await userEvent.type(summary, "My summary");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    const table = await screen.findByRole("table", { name: "Fields you both changed" });
    const row = within(table).getByRole("row", { name: /Summary/ });
    expect(within(row).getByText("Their summary")).toBeTruthy();
    expect(within(row).getByText("My summary")).toBeTruthy();
    // Their other change is taken, mine is kept.
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("City Museum (renamed)");
    expect((screen.getByLabelText("Summary") as HTMLTextAreaElement).value).toBe("My summary");
    await userEvent.click(screen.getByRole("button", { name: "Save with these values" }));
    await waitFor(() => expect(patches).toBe(2));
    const second = f.calls.filter((c) => c.method === "PATCH")[1]!;
    expect(second.headers["If-Match"]).toBe('"2"');
    expect(second.body).toEqual({ summary: "My summary" });
  });

  it("takes the saved value of a conflicting field on request", async () => {
    let patched = false;
    const theirs = { ...museum, summary: "Their summary", version: 2 };
    const f = backend(
      coordinator,
      on("GET", "/partners/museum", () => (patched ? json(200, withContact(theirs)) : undefined)),
      on(
        "PATCH",
        "/partners/museum",
        () => ((patched = true), json(412, { error: { code: "version_mismatch", message: "stale" } })),
      ),
    );
    app(f, "Coord", "#view=edit&p=museum");
    const summary = (await screen.findByLabelText("Summary")) as HTMLTextAreaElement;
    await userEvent.type(summary, " and mine");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await userEvent.click(await screen.findByRole("button", { name: "Use the saved value" }));
    expect((screen.getByLabelText("Summary") as HTMLTextAreaElement).value).toBe("Their summary");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("closes a partner with a reason and reopens it, each confirmed", async () => {
    let current = museum;
    const f = backend(
      coordinator,
      on("GET", "/partners/museum", () => json(200, withContact(current))),
      on("POST", "/partners/museum/close", () => {
        current = { ...museum, status: "closed", version: 2 };
        return json(200, withContact(current));
      }),
      on("POST", "/partners/museum/reopen", () => {
        current = { ...museum, status: "open", version: 3 };
        return json(200, withContact(current));
      }),
    );
    const { store } = app(f, "Coord", "#p=museum");
    await userEvent.click(await screen.findByRole("button", { name: "Close partner" }));
    const dialog = await screen.findByRole("dialog", { name: "Close partner" });
    const confirm = within(dialog).getByRole("button", { name: "Close partner" }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await userEvent.type(within(dialog).getByLabelText(/Reason/), "The museum closed its doors");
    await userEvent.click(confirm);
    expect(await screen.findByText("Done: the partner is closed.")).toBeTruthy();
    expect(f.calls.find((c) => c.path === "/partners/museum/close")?.body).toEqual({
      reason: "The museum closed its doors",
    });
    expect(statusOf(store, "museum")).toBe("closed");
    // Closed, the partner offers Reopen instead of Close, and takes no claims.
    await userEvent.click(await screen.findByRole("button", { name: "Reopen partner" }));
    expect(screen.queryByRole("button", { name: "Close partner" })).toBeNull();
    await confirmIn("Reopen partner");
    expect(await screen.findByText("Done: the partner is open again.")).toBeTruthy();
    expect(statusOf(store, "museum")).toBe("open");
  });

  it("offers the referrer Edit but not Close", async () => {
    app(backend(me("Vera")), "Vera", "#p=museum");
    expect(await screen.findByRole("button", { name: "Edit" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Close partner" })).toBeNull();
  });
});

describe("filters for everyone", () => {
  const led = partner({
    id: "led",
    name: "Led Library",
    wikidata: "Q4242",
    status: "matched",
    lead: { claim: 1, affiliate: "wmde", stage: "contacted", staleSince: "2025-01-01T00:00:00Z" },
    interested: ["wmde", "wmat"],
  });
  const f = () =>
    fakeBackend(
      on("GET", "/me", () => json(200, me("Rita", { affiliates: [{ affiliate: "wmde", status: "verified" }] }))),
      on("GET", /^\/partners\?/, () => json(200, { partners: [museum, led], total: 2, nextCursor: null })),
      on("GET", "/affiliates", () => json(200, { affiliates: [wmat, wmde] })),
      on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
    );

  it("filters by the lead, by any affiliate (the user's own first, marked) and by stale leads", async () => {
    const { store } = app(f(), "Rita", "#");
    const ledBy = (await screen.findByText("Led by", { selector: "legend" })).closest("fieldset") as HTMLElement;
    await within(ledBy).findByLabelText(/Wikimedia Deutschland \(my affiliate\)/);
    const affiliates = screen.getByText("Affiliate", { selector: "legend" }).closest("fieldset") as HTMLElement;
    const boxes = within(affiliates).getAllByRole("checkbox");
    expect(boxes[0]?.id).toBe("partnerhub-facet-affiliate-wmde");
    await userEvent.click(within(affiliates).getByLabelText(/Wikimedia Österreich/));
    expect(ids(store).sort()).toEqual(["led", "museum"]);
    await userEvent.click(within(ledBy).getByLabelText(/Wikimedia Deutschland/));
    expect(ids(store)).toEqual(["led"]);
    store.setQuery({ facets: { ...store.route.value.query.facets, lead: [], affiliate: [] } });
    await userEvent.click(await screen.findByLabelText(/Stale lead/));
    expect(ids(store)).toEqual(["led"]);
    expect(window.location.hash).toContain("stale=stale");
  });

  it("finds partners by an affiliate's name and by Wikidata id", async () => {
    const { store } = app(f(), "Rita", "#");
    await screen.findByText("Led by", { selector: "legend" });
    store.setQuery({ q: "österreich" });
    expect(ids(store).sort()).toEqual(["led", "museum"]);
    store.setQuery({ q: "q4242" });
    expect(ids(store)).toEqual(["led"]);
  });

  it("links the public CSV export and the mirror's JSON", async () => {
    app(f(), "Rita", "#");
    const csv = (await screen.findByRole("link", { name: "CSV (spreadsheet)" })) as HTMLAnchorElement;
    expect(csv.href).toBe("http://127.0.0.1:8787/api/v1/export/partners.csv");
    expect(screen.getByRole("link", { name: "JSON (on the wiki)" })).toBeTruthy();
  });
});
