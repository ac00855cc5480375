/** The referral form's duplicate check: one request per pause in typing, "Is it one of these?", and confirming a new one. */
import { screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiError, detail, fakeBackend, json, me, on, partner, renderApp } from "./fixtures.tsx";

const existing = { id: "muzeum-slaskie", name: "Muzeum Śląskie", why: ["name"] };
const referred = partner({ id: "slaskie-museum", name: "Slaskie Museum" });
const base = () => [
  on("GET", "/me", () => json(200, me("Ben"))),
  on("GET", /^\/partners\?/, () => json(200, { partners: [], total: 0, nextCursor: null })),
  on("GET", "/affiliates", () => json(200, { affiliates: [] })),
  on("GET", "/partners/slaskie-museum", () => json(200, detail(referred))),
  on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
];
const openForm = (f: ReturnType<typeof fakeBackend>) =>
  renderApp({ fetch: f.fetch, session: "Ben", hash: "#view=refer", config: { directorySource: "backend" } });
const checks = (f: ReturnType<typeof fakeBackend>) => f.calls.filter((c) => c.path.startsWith("/partners/duplicates"));

async function fill() {
  await userEvent.type(await screen.findByLabelText("Name of the institution"), "Slaskie Museum");
  await userEvent.type(screen.getByLabelText("Country"), "pl");
  await userEvent.type(screen.getByLabelText("Languages"), "pl{Enter}");
  await userEvent.click(screen.getByLabelText("Images"));
}

describe("the duplicate check while a referral is typed", () => {
  it("asks once the typing pauses, and shows the partners it may be", async () => {
    const f = fakeBackend(
      on("GET", /^\/partners\/duplicates\?/, () => json(200, { candidates: [existing] })),
      ...base(),
    );
    openForm(f);
    await userEvent.type(await screen.findByLabelText("Name of the institution"), "Slaskie Museum");
    expect(await screen.findByText("Is it one of these?")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Muzeum Śląskie" })).toBeTruthy();
    expect(screen.getByText("similar name")).toBeTruthy();
    expect(checks(f).map((c) => c.path)).toEqual(["/partners/duplicates?name=Slaskie%20Museum"]);
  });

  it("sends the referral as new only when the person says it is none of them", async () => {
    const posts: unknown[] = [];
    const f = fakeBackend(
      on("GET", /^\/partners\/duplicates\?/, () => json(200, { candidates: [existing] })),
      on("POST", "/partners", (body) => {
        posts.push(body);
        return (body as { confirmNew?: boolean }).confirmNew
          ? json(201, detail(referred))
          : apiError(409, "possible_duplicate", "may be muzeum-slaskie", { candidates: [existing] });
      }),
      ...base(),
    );
    const { store } = openForm(f);
    await fill();
    await userEvent.click(screen.getByRole("button", { name: "Refer this partner" }));
    expect((await screen.findByRole("alert")).textContent).toContain("may already be in the directory");
    await userEvent.click(screen.getByLabelText("It is none of these: refer it as a new partner"));
    await userEvent.click(screen.getByRole("button", { name: "Refer this partner" }));
    await waitFor(() => expect(store.route.value).toMatchObject({ view: "partner", partner: "slaskie-museum" }));
    expect(posts.map((b) => (b as { confirmNew: boolean }).confirmNew)).toEqual([false, true]);
  });

  it("offers no way round the same Wikidata item", async () => {
    const f = fakeBackend(
      on("GET", /^\/partners\/duplicates\?/, () =>
        json(200, { candidates: [{ id: "muzeum-slaskie", name: "Muzeum Śląskie", why: ["wikidata"] }] }),
      ),
      ...base(),
    );
    openForm(f);
    await userEvent.type(await screen.findByLabelText(/^Wikidata item/), "Q1234");
    expect(await screen.findByText(/This Wikidata item is already in the directory/)).toBeTruthy();
    expect(screen.queryByLabelText("It is none of these: refer it as a new partner")).toBeNull();
    expect(checks(f).at(-1)?.path).toBe("/partners/duplicates?wikidata=Q1234");
  });
});
