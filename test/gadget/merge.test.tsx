/** "Merge into…" on a partner: choose the one to keep, see both side by side, merge, and follow the merged id. */
import { screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiError, detail, fakeBackend, json, me, on, partner, renderApp } from "./fixtures.tsx";

const coordinator = me("Coord", { roles: { coordinator: true, canWrite: true } });
const twin = partner({ id: "stadtmuseum-graz-2", name: "Stadt-Museum Graz", asks: ["scan maps"], version: 3 });
const kept = partner({ id: "stadtmuseum-graz", name: "Stadtmuseum Graz", asks: ["train curators"] });
const other = partner({ id: "kunsthaus-zug", name: "Kunsthaus Zug" });

const backend = (mergeAnswer: () => Response) =>
  fakeBackend(
    on("GET", "/me", () => json(200, coordinator)),
    on("GET", /^\/partners\?/, () => json(200, { partners: [twin, kept, other], total: 3, nextCursor: null })),
    on("GET", "/affiliates", () => json(200, { affiliates: [] })),
    on("GET", "/partners/stadtmuseum-graz-2", () => json(200, detail(twin))),
    on("GET", "/partners/stadtmuseum-graz", () => json(200, detail(kept))),
    on("POST", "/partners/stadtmuseum-graz-2/merge", mergeAnswer),
    on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
  );
const open = (f: ReturnType<typeof fakeBackend>) =>
  renderApp({
    fetch: f.fetch,
    session: "Coord",
    hash: "#p=stadtmuseum-graz-2",
    config: { directorySource: "backend" },
  });

describe("merging a partner into another", () => {
  it("offers the likely twin, shows both side by side, merges and opens the one kept", async () => {
    const survivor = detail({ ...kept, asks: ["train curators", "scan maps"], version: 2 });
    const f = backend(() => json(200, survivor));
    const { store } = open(f);
    await userEvent.click(await screen.findByRole("button", { name: "Merge into…" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).queryByLabelText(/Kunsthaus Zug/)).toBeNull();
    await userEvent.click(within(dialog).getByLabelText(/Stadtmuseum Graz/));
    const table = within(dialog).getByRole("table", { name: "What each has, and what is kept" });
    expect(within(table).getByText("train curators, scan maps")).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Merge" }));
    await waitFor(() => expect(store.route.value).toMatchObject({ view: "partner", partner: "stadtmuseum-graz" }));
    expect(f.calls.find((c) => c.method === "POST")?.body).toEqual({ into: "stadtmuseum-graz", version: 3 });
    expect(store.partners.value.map((p: { id: string }) => p.id)).not.toContain("stadtmuseum-graz-2");
    // The merged id now leads to the partner kept.
    store.navigate({ view: "partner", partner: "stadtmuseum-graz-2" });
    await waitFor(() => expect(store.route.value.partner).toBe("stadtmuseum-graz"));
  });

  it("words a refused merge and keeps the dialog open", async () => {
    const f = backend(() => apiError(409, "merge_conflict", "clash", undefined));
    open(f);
    await userEvent.click(await screen.findByRole("button", { name: "Merge into…" }));
    await userEvent.click(within(await screen.findByRole("dialog")).getByLabelText(/Stadtmuseum Graz/));
    await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Merge" }));
    expect((await screen.findByRole("alert")).textContent).toContain("cannot be merged as they are");
    expect(screen.getByRole("dialog")).toBeTruthy();
  });

  it("says why a merge was refused, from the reason and its params", async () => {
    const refusal = {
      code: "merge_conflict",
      message: "items",
      params: { reason: "two_items", wikidata: "Q11", otherWikidata: "Q22" },
    };
    const f = backend(() => json(409, { error: refusal }));
    open(f);
    await userEvent.click(await screen.findByRole("button", { name: "Merge into…" }));
    await userEvent.click(within(await screen.findByRole("dialog")).getByLabelText(/Stadtmuseum Graz/));
    await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Merge" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "These partners are different Wikidata items (Q11 and Q22), so they are not the same institution.",
    );
  });
});
