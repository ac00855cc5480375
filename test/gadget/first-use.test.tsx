/**
 * What a first real use found broken in the claim dialog, the refer form, the lead card and
 * the directory's keyboard path (issue 14, bugs 1, 4, 10, 14, 15), each as the person meets it.
 */
import { screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Me } from "../../shared/api.ts";
import {
  affiliate,
  claim,
  detail,
  fakeBackend,
  fakeWiki,
  json,
  me,
  mirrorPage,
  on,
  partner,
  renderApp,
  type Route,
} from "./fixtures.tsx";

const artfem = affiliate({ id: "art-feminism", name: "Art+Feminism" });
const wmde = affiliate({ id: "wmde", name: "Wikimedia Deutschland" });
const museum = partner({ id: "museum", name: "Museum Folkwang", interested: ["wmde"] });
const wmdeClaim = claim({ id: 5, partner: "museum", affiliate: "wmde", claimedBy: "Other" });

function backend(who: Me, claims = [wmdeClaim], ...extra: Route[]) {
  return fakeBackend(
    ...extra,
    on("GET", "/me", () => json(200, who)),
    on("GET", /^\/partners\?/, () => json(200, { partners: [museum], total: 1, nextCursor: null })),
    on("GET", "/affiliates", () => json(200, { affiliates: [artfem, wmde] })),
    on("GET", "/partners/museum", () => json(200, detail(museum, claims))),
    on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
  );
}
const open = (f: ReturnType<typeof fakeBackend>, hash = "#p=museum") =>
  renderApp({ fetch: f.fetch, session: "Ben", hash, config: { directorySource: "backend" } });
const verifiedWmde = me("Ben", { affiliates: [{ affiliate: "wmde", status: "verified" }] });

async function openDialog() {
  await userEvent.click(await screen.findByRole("button", { name: "We can take this partner" }));
  return screen.findByRole("dialog");
}

describe("the claim dialog", () => {
  it("chooses no affiliate for you when yours already has an open claim, and requires a choice", async () => {
    const f = backend(verifiedWmde);
    open(f);
    const dialog = await openDialog();
    const select = within(dialog).getByLabelText("On behalf of") as HTMLSelectElement;
    expect(select.value).toBe("");
    expect(within(dialog).getByText("Choose the affiliate you speak for.")).toBeTruthy();
    const send = within(dialog).getByRole("button", { name: "Send" }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await userEvent.selectOptions(select, "art-feminism");
    expect(send.disabled).toBe(false);
    expect(within(dialog).getByText(/your claim will be marked unverified/)).toBeTruthy();
  });

  it("chooses nothing for someone who represents no affiliate", async () => {
    open(backend(me("Ben"), []));
    const dialog = await openDialog();
    expect((within(dialog).getByLabelText("On behalf of") as HTMLSelectElement).value).toBe("");
    expect((within(dialog).getByRole("button", { name: "Send" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("opens with focus on the dialog, the close button first in the tab order", async () => {
    open(backend(me("Ben"), []));
    const dialog = await openDialog();
    await waitFor(() => expect(document.activeElement?.getAttribute("role")).toBe("dialog"));
    expect(document.activeElement).toBe(dialog);
    await userEvent.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Close" }));
  });

  it("counts the message's characters against its limit", async () => {
    open(backend(me("Ben"), []));
    const dialog = await openDialog();
    expect(within(dialog).getByText("0 of 2,000 characters")).toBeTruthy();
    await userEvent.type(within(dialog).getByLabelText("Message"), "Hello");
    expect(within(dialog).getByText("5 of 2,000 characters")).toBeTruthy();
  });

  it("keeps the message typed when cancelled, until it is discarded", async () => {
    open(backend(me("Ben"), []));
    let dialog = await openDialog();
    await userEvent.type(within(dialog).getByLabelText("Message"), "We can photograph the collection");
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    dialog = await openDialog();
    const text = within(dialog).getByLabelText("Message") as HTMLTextAreaElement;
    expect(text.value).toBe("We can photograph the collection");
    await userEvent.click(within(dialog).getByRole("button", { name: "Discard draft" }));
    dialog = await openDialog();
    expect((within(dialog).getByLabelText("Message") as HTMLTextAreaElement).value).toBe("");
  });
});

describe("with the backend down", () => {
  it("says so when 'We can take this partner' cannot open", async () => {
    const down = fakeBackend(() => {
      throw new TypeError("Failed to fetch");
    });
    renderApp({
      fetch: down.fetch,
      session: "Ben",
      hash: "#p=museum",
      wiki: fakeWiki({ "Content Partnerships Hub/Directory.json": mirrorPage([museum], [wmde]) }),
    });
    await userEvent.click(await screen.findByRole("button", { name: "We can take this partner" }));
    await waitFor(() =>
      expect(screen.getAllByRole("alert").some((a) => /cannot be reached/.test(a.textContent ?? ""))).toBe(true),
    );
  });
});

describe("the refer form", () => {
  it("scrolls the current tab into view, so that on a phone the open view's tab is never off-screen", async () => {
    const scrolled: Element[] = [];
    const original = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      renderApp({ fetch: backend(me("Ben")).fetch, session: "Ben", hash: "#view=refer" });
      const tab = await screen.findByRole("tab", { name: "Refer a partner" });
      await waitFor(() => expect(scrolled).toContain(tab));
      await userEvent.click(screen.getByRole("tab", { name: "Directory" }));
      await waitFor(() => expect(scrolled.at(-1)).toBe(screen.getByRole("tab", { name: "Directory" })));
    } finally {
      HTMLElement.prototype.scrollIntoView = original;
    }
  });

  it("keeps what was typed across a tab switch and a reload, until it is discarded", async () => {
    const first = renderApp({ fetch: backend(me("Ben")).fetch, session: "Ben", hash: "#view=refer" });
    await userEvent.type(await screen.findByLabelText("Name of the institution"), "Museum Ludwig");
    await userEvent.click(screen.getByRole("tab", { name: "Directory" }));
    await userEvent.click(screen.getByRole("tab", { name: "Refer a partner" }));
    expect(((await screen.findByLabelText("Name of the institution")) as HTMLInputElement).value).toBe("Museum Ludwig");
    first.unmount();
    renderApp({ fetch: backend(me("Ben")).fetch, session: "Ben", hash: "#view=refer" });
    const name = (await screen.findByLabelText("Name of the institution")) as HTMLInputElement;
    expect(name.value).toBe("Museum Ludwig");
    await userEvent.click(screen.getByRole("button", { name: "Discard draft" }));
    expect((screen.getByLabelText("Name of the institution") as HTMLInputElement).value).toBe("");
  });
});

describe("the lead card", () => {
  it("labels its parts and asks for the hand-over's reason, saying why the button waits", async () => {
    const lead = claim({ id: 6, partner: "museum", affiliate: "wmde", status: "lead", stage: "contacted" });
    const other = claim({ id: 7, partner: "museum", affiliate: "art-feminism" });
    open(backend(me("Coord", { roles: { coordinator: true, canWrite: true } }), [lead, other]));
    const card = (await screen.findByText("Wikimedia Deutschland", { selector: "strong" })).closest(
      "li",
    ) as HTMLElement;
    expect(within(card).getByRole("group", { name: "Hand the partner to another affiliate" })).toBeTruthy();
    await userEvent.click(within(card).getByRole("button", { name: "Hand over" }));
    const dialog = await screen.findByRole("dialog", { name: "Hand over" });
    expect(within(dialog).getByText(/Give a reason to continue/)).toBeTruthy();
    expect((within(dialog).getByRole("button", { name: "Hand over" }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(within(dialog).getByLabelText(/Reason \(for the record\)/), "no capacity");
    expect(within(dialog).queryByText(/Give a reason to continue/)).toBeNull();
    expect((within(dialog).getByRole("button", { name: "Hand over" }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("the directory by keyboard", () => {
  it("goes from the search box past the filters to the first result in two key presses", async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      partner({ id: `p${i}`, name: `Partner ${String(i).padStart(2, "0")}`, country: ["DE", "FR", "PL"][i % 3] }),
    );
    renderApp({ wiki: fakeWiki({ "Content Partnerships Hub/Directory.json": mirrorPage(many) }) });
    const search = await screen.findByRole("searchbox", { name: "Search partners" });
    search.focus();
    await userEvent.tab(); // the sort order
    await userEvent.tab();
    expect(document.activeElement?.textContent).toBe("Skip the filters, go to the results");
    await userEvent.keyboard("{Enter}");
    expect(document.activeElement?.textContent).toContain("Partner 00");
  });
});

describe("facets", () => {
  it("reach every value, not only the twelve most frequent", async () => {
    const countries = ["DE", "FR", "NL", "BE", "AT", "CH", "IT", "PT", "SE", "NO", "DK", "FI", "UA", "ES", "PL", "IN"];
    const many = countries.map((c, i) =>
      partner({
        id: `p-${c.toLowerCase()}`,
        name: `Partner ${c}`,
        country: c,
        updatedAt: `2026-01-${10 + i}T00:00:00Z`,
      }),
    );
    renderApp({ wiki: fakeWiki({ "Content Partnerships Hub/Directory.json": mirrorPage(many) }) });
    const group = await screen.findByRole("group", { name: "Country" });
    expect(within(group).queryByLabelText(/Ukraine/)).toBeNull();
    await userEvent.click(within(group).getByRole("button", { name: "Show all 16" }));
    await userEvent.click(within(group).getByLabelText(/Ukraine/));
    expect(screen.getByText("1 of 16 partners")).toBeTruthy();
    expect(window.location.hash).toBe("#country=UA");
  });
});

describe("the review queue", () => {
  const waiting = Array.from({ length: 41 }, (_, i) =>
    partner({
      id: `w${i}`,
      name: `Waiting ${String(40 - i).padStart(2, "0")}`,
      interested: ["wmde"],
      updatedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    }),
  );
  const coordinator = me("Coord", { roles: { coordinator: true, canWrite: true } });
  const queue = () =>
    fakeBackend(
      on("GET", "/me", () => json(200, coordinator)),
      on("GET", /^\/partners\?/, () => json(200, { partners: waiting, total: 41, nextCursor: null })),
      on("GET", "/affiliates", () => json(200, { affiliates: [wmde] })),
      on("GET", /^\/partners\/w\d+$/, () => undefined),
      on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
    );
  const names = () =>
    screen
      .getAllByRole("link")
      .map((a) => a.textContent ?? "")
      .filter((t) => t.startsWith("Waiting"));

  it("shows the longest waiting first and pages through all of it", async () => {
    renderApp({ fetch: queue().fetch, session: "Coord", hash: "#view=review", config: { directorySource: "backend" } });
    expect(await screen.findByRole("heading", { name: "Interest awaiting a decision (41)" })).toBeTruthy();
    expect(names()).toHaveLength(25);
    expect(names()[0]).toBe("Waiting 40");
    expect(screen.getByText("Page 1 of 2")).toBeTruthy();
    await userEvent.click(screen.getAllByRole("button", { name: "Next" })[0]!);
    expect(names()).toHaveLength(16);
    expect(names().at(-1)).toBe("Waiting 00");
  });

  it("lets a coordinator filter it", async () => {
    renderApp({ fetch: queue().fetch, session: "Coord", hash: "#view=review", config: { directorySource: "backend" } });
    await screen.findByRole("heading", { name: "Interest awaiting a decision (41)" });
    await userEvent.selectOptions(screen.getByLabelText("Show"), "stale");
    expect(screen.queryByRole("heading", { name: "Interest awaiting a decision (41)" })).toBeNull();
    expect(screen.getByRole("heading", { name: "Stale leads (0)" })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText("Show"), "representatives");
    expect(screen.getByRole("heading", { name: "Representatives to verify (0)" })).toBeTruthy();
  });
});

describe("names, not ids", () => {
  it("names the partner a duplicate Wikidata item belongs to, with a link to it", async () => {
    const f = fakeBackend(
      on("GET", "/me", () => json(200, me("Ben"))),
      on("GET", /^\/partners\?/, () => json(200, { partners: [museum], total: 1, nextCursor: null })),
      on("GET", "/affiliates", () => json(200, { affiliates: [wmde] })),
      on("POST", "/partners", () =>
        json(409, {
          error: {
            code: "conflict",
            message: "Q1 is already in the directory as museum",
            details: { partner: "museum" },
          },
        }),
      ),
    );
    renderApp({ fetch: f.fetch, session: "Ben", hash: "#view=refer", config: { directorySource: "backend" } });
    await userEvent.type(await screen.findByLabelText("Name of the institution"), "Folkwang");
    await userEvent.type(screen.getByLabelText("Country"), "DE");
    await userEvent.type(screen.getByLabelText("Languages"), "de{Enter}");
    await userEvent.click(screen.getByLabelText("Images"));
    await userEvent.click(screen.getByRole("button", { name: "Refer this partner" }));
    const alert = await screen.findByText(/already in the directory/);
    expect(alert.textContent).toBe("This institution is already in the directory: Museum Folkwang.");
    await userEvent.click(within(alert).getByRole("link", { name: "Museum Folkwang" }));
    expect(window.location.hash).toBe("#p=museum");
  });

  it("names the affiliate that won a race by its name", async () => {
    const f = backend(
      me("Coord", { roles: { coordinator: true, canWrite: true } }),
      [wmdeClaim],
      on("POST", "/claims/5/accept", () =>
        json(409, {
          error: {
            code: "claim_conflict",
            message: "art-feminism already leads",
            params: { affiliate: "art-feminism" },
          },
        }),
      ),
    );
    open(f);
    await userEvent.click(await screen.findByRole("button", { name: "Accept as lead" }));
    const dialog = await screen.findByRole("dialog", { name: "Accept as lead" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Accept as lead" }));
    const alert = await screen.findByText(/already leads this partner/);
    expect(alert.textContent).toMatch(/^Art\+Feminism already leads this partner\./);
    expect(alert.textContent).not.toContain("art-feminism");
  });
});

describe("mixed-direction text", () => {
  it("isolates names and keeps summaries in their own direction in Arabic", async () => {
    const german = partner({ id: "staedel", name: "Städel Museum (Frankfurt)", summary: "Art museum in Frankfurt." });
    renderApp({
      lang: "ar",
      hash: "#p=staedel",
      wiki: fakeWiki({ "Content Partnerships Hub/Directory.json": mirrorPage([german]) }),
    });
    const heading = await screen.findByRole("heading", { level: 2 });
    expect(heading.querySelector("bdi")?.textContent).toBe("Städel Museum (Frankfurt)");
    expect(screen.getByText("Art museum in Frankfurt.").getAttribute("dir")).toBe("auto");
    await userEvent.click(screen.getByText(/الدليل/, { selector: "a" }));
    const row = await screen.findByText("Städel Museum (Frankfurt)");
    expect(row.tagName).toBe("BDI");
  });
});

describe("the claim dialog before the backend has said who you are", () => {
  it("chooses your verified affiliate once that answer arrives", async () => {
    let answer: (r: Response) => void = () => {};
    const slowMe = new Promise<Response>((r) => (answer = r));
    const f = fakeBackend(
      on("GET", "/me", () => undefined),
      on("GET", /^\/partners\?/, () => json(200, { partners: [museum], total: 1, nextCursor: null })),
      on("GET", "/affiliates", () => json(200, { affiliates: [artfem, wmde] })),
      on("GET", "/partners/museum", () => json(200, detail(museum, []))),
      on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
    );
    const fetch: typeof globalThis.fetch = (url, init) => (String(url).endsWith("/me") ? slowMe : f.fetch(url, init));
    renderApp({ fetch, session: "Ben", hash: "#p=museum", config: { directorySource: "backend" } });
    const dialog = await openDialog();
    expect((within(dialog).getByLabelText("On behalf of") as HTMLSelectElement).value).toBe("");
    answer(json(200, verifiedWmde));
    await waitFor(() =>
      expect((within(dialog).getByLabelText("On behalf of") as HTMLSelectElement).value).toBe("wmde"),
    );
  });
});
