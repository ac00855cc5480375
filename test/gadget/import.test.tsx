/** The Import page: paste a list, preview what it would do, confirm a duplicate row as new, import. */
import { screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeBackend, json, me, on, renderApp } from "./fixtures.tsx";

const coordinator = me("Coord", { roles: { coordinator: true, canWrite: true } });
const preview = (committed: boolean, confirmNew: number[]) => ({
  format: "csv",
  headers: ["Institution", "Land"],
  columns: { name: "Institution", country: "Land" },
  rows: 3,
  create: [
    { row: 2, id: "aachen-museum", name: "Aachen Museum" },
    ...(confirmNew.includes(3) ? [{ row: 3, id: "aachen-museum-2", name: "Aachen Muzeum" }] : []),
  ],
  duplicates: confirmNew.includes(3)
    ? []
    : [{ row: 3, name: "Aachen Muzeum", candidates: [], sameAs: [2], confirmable: true }],
  errors: [{ row: 4, column: "Land", field: "country", code: "unknown_country", params: { value: "Atlantis" } }],
  committed,
});

describe("the Import page", () => {
  it("previews a pasted list, words the problems, and imports with the rows confirmed as new", async () => {
    const f = fakeBackend(
      on("GET", "/me", () => json(200, coordinator)),
      on("GET", /^\/partners\?/, () => json(200, { partners: [], total: 0, nextCursor: null })),
      on("GET", "/affiliates", () => json(200, { affiliates: [] })),
      on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
      on("POST", "/partners/import", (body) => {
        const b = body as { dryRun: boolean; confirmNew: number[] };
        return json(200, preview(!b.dryRun, b.confirmNew));
      }),
    );
    renderApp({ fetch: f.fetch, session: "Coord", hash: "#view=import", config: { directorySource: "backend" } });
    await userEvent.type(await screen.findByLabelText("The list"), "Institution,Land{enter}Aachen Museum,DE");
    await userEvent.click(screen.getByRole("button", { name: "Preview" }));
    expect(await screen.findByText("1 to create, 1 possible duplicate, 1 row with errors.")).toBeTruthy();
    // Each line one message with its parameters isolated, not pieces glued together.
    const lines = [...document.querySelectorAll(".partnerhub-import__preview li")].map((li) => li.textContent);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Row 3 \(Aachen Muzeum\) may already be: row 2/),
        expect.stringMatching(/^Row 4, Land: “Atlantis” is not a country we know/),
      ]),
    );
    // The name, the list item, the column and the reason, each in its own <bdi>.
    expect(document.querySelectorAll(".partnerhub-import__preview li bdi")).toHaveLength(4);
    expect(screen.getByText(/“Atlantis” is not a country we know/)).toBeTruthy();
    expect((screen.getByLabelText("Country") as HTMLSelectElement).value).toBe("Land");
    await userEvent.click(screen.getByLabelText("Row 3 is a new partner: import it"));
    await userEvent.click(screen.getByRole("button", { name: "Import 2 partners" }));
    expect(await screen.findByText("Imported 2 partners.")).toBeTruthy();
    const posts = f.calls.filter((c) => c.method === "POST" && c.path === "/partners/import").map((c) => c.body);
    expect(posts).toMatchObject([
      { format: "csv", dryRun: true, confirmNew: [] },
      { format: "csv", dryRun: false, confirmNew: [3], columns: { name: "Institution", country: "Land" } },
    ]);
  });

  it("is offered to coordinators only", async () => {
    const f = fakeBackend(
      on("GET", "/me", () => json(200, me("Ben"))),
      on("GET", /^\/partners\?/, () => json(200, { partners: [], total: 0, nextCursor: null })),
      on("GET", "/affiliates", () => json(200, { affiliates: [] })),
    );
    renderApp({ fetch: f.fetch, session: "Ben", hash: "#view=import", config: { directorySource: "backend" } });
    await waitFor(() => expect(screen.getByText("Only coordinators can import lists.")).toBeTruthy());
    expect(screen.queryByRole("tab", { name: "Import" })).toBeNull();
  });
});
