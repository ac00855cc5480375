import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { affiliate, fakeBackend, fakeWiki, json, mirrorPage, on, partner, renderApp, sentence } from "./fixtures.tsx";

const PREFIX = "Content Partnerships Hub/Directory";
const partners = [
  partner({ id: "rijksmuseum", name: "Rijksmuseum", country: "NL", languages: ["nl", "en"], kind: "museum" }),
  partner({
    id: "bnf",
    name: "Bibliothèque nationale",
    country: "FR",
    languages: ["fr"],
    kind: "library",
    offers: ["data", "text"],
    status: "matched",
    lead: { claim: 1, affiliate: "wmfr", stage: null, staleSince: null },
    interested: ["wmfr"],
  }),
  partner({
    id: "tu-delft",
    name: "TU Delft",
    country: "NL",
    languages: ["nl"],
    kind: "university",
    offers: ["course"],
  }),
];
const finished = [
  partner({ id: "done-archive", name: "Done Archive", status: "done" }),
  partner({ id: "closed-society", name: "Closed Society", status: "closed" }),
];
const wiki = () =>
  fakeWiki({ [`${PREFIX}.json`]: mirrorPage(partners, [affiliate({ id: "wmfr", name: "Wikimédia France" })]) });

describe("directory", () => {
  it("reads the mirror from the wiki and sends nothing to the backend before sign-in", async () => {
    const backend = fakeBackend();
    renderApp({ wiki: wiki(), fetch: backend.fetch });
    expect(await screen.findByText("Rijksmuseum")).toBeTruthy();
    expect(screen.getByText("3 of 3 partners")).toBeTruthy();
    expect(screen.getByText(sentence("Led by Wikimédia France"))).toBeTruthy();
    expect(backend.calls).toHaveLength(0);
  });

  it("searches instantly and keeps the search in the URL", async () => {
    const { store } = renderApp({ wiki: wiki() });
    await screen.findByText("Rijksmuseum");
    await userEvent.type(screen.getByRole("searchbox"), "delft");
    expect(screen.getByText("1 of 3 partners")).toBeTruthy();
    expect(screen.queryByText("Rijksmuseum")).toBeNull();
    expect(store.route.value.query.q).toBe("delft");
    // The address bar follows once typing pauses.
    await waitFor(() => expect(window.location.hash).toBe("#q=delft"));
  });

  it("keeps one history entry for what is typed, and adds one for a filter, which Back undoes", async () => {
    renderApp({ wiki: wiki() });
    await screen.findByText("Rijksmuseum");
    const before = window.history.length;
    await userEvent.type(screen.getByRole("searchbox"), "nl");
    await waitFor(() => expect(window.location.hash).toBe("#q=nl"));
    expect(window.history.length).toBe(before);
    await userEvent.click(within(screen.getByRole("group", { name: "Kind" })).getByLabelText(/University/));
    expect(window.location.hash).toBe("#q=nl&kind=university");
    expect(window.history.length).toBe(before + 1);
    expect(screen.getByText("1 of 3 partners")).toBeTruthy();
    window.history.back();
    await waitFor(() => expect(screen.getByText("2 of 3 partners")).toBeTruthy());
  });

  it("fills the rows in view with the new results of a keystroke, the same elements with new text", async () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      partner({ id: `p-${i}`, name: `${i % 2 ? "Museum" : "Library"} ${String(i).padStart(3, "0")}` }),
    );
    renderApp({ wiki: fakeWiki({ [`${PREFIX}.json`]: mirrorPage(many) }) });
    await screen.findByText("Library 000");
    const rows = screen.getAllByRole("listitem");
    expect(rows[0]?.getAttribute("aria-setsize")).toBe("300");
    await userEvent.type(screen.getByRole("searchbox"), "museum");
    expect(screen.getByText("150 of 300 partners")).toBeTruthy();
    const after = screen.getAllByRole("listitem");
    expect(after[0]).toBe(rows[0]);
    expect(after[0]?.textContent).toContain("Museum 001");
    expect(after[0]?.getAttribute("aria-setsize")).toBe("150");
    expect(after.map((r) => r.getAttribute("aria-posinset"))).toEqual(after.map((_, i) => String(i + 1)));
    expect(screen.queryByText("Library 000")).toBeNull();
    await waitFor(() => expect(window.location.hash).toBe("#q=museum"));
  });

  it("filters by facets with counts, and restores filters from a shared link", async () => {
    renderApp({ wiki: wiki(), hash: "#country=NL" });
    await screen.findByText("Rijksmuseum");
    expect(screen.getByText("2 of 3 partners")).toBeTruthy();
    const kinds = screen.getByRole("group", { name: "Kind" });
    expect(
      within(kinds)
        .getByLabelText(/University/)
        .closest(".cdx-checkbox")?.textContent,
    ).toContain("1");
    await userEvent.click(within(kinds).getByLabelText(/University/));
    expect(screen.getByText("1 of 3 partners")).toBeTruthy();
    expect(window.location.hash).toBe("#kind=university&country=NL");
    await userEvent.click(screen.getByRole("button", { name: "Clear all filters" }));
    expect(screen.getByText("3 of 3 partners")).toBeTruthy();
  });

  it("renders only the visible rows of 5,000 partners and moves between them with the keyboard", async () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      partner({ id: `p-${String(i).padStart(4, "0")}`, name: `Partner ${String(i).padStart(4, "0")}` }),
    );
    renderApp({ wiki: fakeWiki({ [`${PREFIX}.json`]: mirrorPage(many) }) });
    await screen.findByText("Partner 0000");
    const rows = screen.getAllByRole("listitem");
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]?.getAttribute("aria-setsize")).toBe("5000");
    const first = screen.getByText("Partner 0000").closest("a") as HTMLElement;
    first.focus();
    fireEvent.keyDown(first, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement?.textContent).toContain("Partner 0001"));
    fireEvent.keyDown(document.activeElement as Element, { key: "End" });
    await waitFor(() => expect(document.activeElement?.textContent).toContain("Partner 4999"));
  });

  it("says a partnership is completed or closed instead of counting interest", async () => {
    renderApp({ wiki: fakeWiki({ [`${PREFIX}.json`]: mirrorPage(finished) }) });
    expect(await screen.findByText("Partnership completed")).toBeTruthy();
    expect(screen.getByText("Closed by the hub")).toBeTruthy();
    expect(screen.queryByText("No affiliate interested yet")).toBeNull();
  });

  it("says so when nothing matches", async () => {
    renderApp({ wiki: wiki(), hash: "#q=zzzz" });
    expect(await screen.findByText("No partner matches these filters.")).toBeTruthy();
  });

  it("shows an error when neither the mirror nor an allowed backend can be read", async () => {
    renderApp({ wiki: fakeWiki({}) });
    expect(await screen.findByRole("alert")).toBeTruthy();
  });

  it("opens a partner from the list", async () => {
    renderApp({ wiki: wiki() });
    await userEvent.click(await screen.findByText("TU Delft"));
    expect(await screen.findByRole("heading", { name: /TU Delft/ })).toBeTruthy();
    expect(window.location.hash).toBe("#p=tu-delft");
  });

  it("lays itself out right-to-left in Arabic", async () => {
    const { container } = renderApp({ wiki: wiki(), lang: "ar" });
    await screen.findByText("Rijksmuseum");
    const root = container.querySelector(".partnerhub") as HTMLElement;
    expect(root.getAttribute("dir")).toBe("rtl");
    expect(root.getAttribute("lang")).toBe("ar");
    expect(screen.getByRole("tab", { name: "الدليل" })).toBeTruthy();
  });
});

describe("catching up with the record once signed in", () => {
  const ev = (seq: number, type: string, partnerId: string | null) => ({
    seq,
    at: "2026-11-26T10:00:00Z",
    actor: "Alice",
    type,
    partner: partnerId,
    affiliate: null,
    claim: null,
    data: {},
  });

  it("re-reads only the partners that changed after the mirror's last event", async () => {
    const fresh = {
      ...partners[0]!,
      status: "matched" as const,
      interested: ["wmfr"],
      lead: { claim: 9, affiliate: "wmfr", stage: null, staleSince: null },
    };
    const backend = fakeBackend(
      on("GET", "/me", () =>
        json(200, {
          user: { id: "dev:Alice", name: "Alice", blocked: false },
          roles: { coordinator: false, canWrite: true },
          affiliates: [],
        }),
      ),
      on("GET", "/events?after=1&limit=1000", () =>
        json(200, { events: [ev(2, "claim.created", "rijksmuseum"), ev(3, "claim.accepted", "rijksmuseum")], last: 3 }),
      ),
      on("GET", "/partners/rijksmuseum", () => json(200, { ...fresh, claims: [] })),
    );
    const { store } = renderApp({ wiki: wiki(), fetch: backend.fetch, session: "Alice" });
    await screen
      .findByText(sentence("Led by Wikimédia France"), { selector: ".partnerhub-row__interest" })
      .catch(() => undefined);
    await waitFor(() =>
      expect(store.partners.value.find((p: { id: string }) => p.id === "rijksmuseum")?.status).toBe("matched"),
    );
    expect(backend.calls.map((c) => `${c.method} ${c.path}`).filter((c) => c.includes("/partners"))).toEqual([
      "GET /partners/rijksmuseum",
    ]);
    expect(store.directory.value.status === "ready" && store.directory.value.value.lastEvent).toBe(3);
  });

  it("keeps the mirror's copy when the backend cannot be reached", async () => {
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    const { store } = renderApp({ wiki: wiki(), fetch: down, session: "Alice" });
    expect(await screen.findByText("Rijksmuseum")).toBeTruthy();
    expect(store.partners.value).toHaveLength(3);
  });
});
