import { screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import {
  affiliate,
  apiError,
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
  sentence,
} from "./fixtures.tsx";

const wmde = affiliate({
  id: "wmde",
  name: "Wikimedia Deutschland",
  countries: ["DE"],
  languages: ["de"],
  capabilities: ["images", "training"],
});
const wmat = affiliate({
  id: "wmat",
  name: "Wikimedia Österreich",
  countries: ["AT"],
  languages: ["de"],
  capabilities: ["images"],
});
const wmfr = affiliate({
  id: "wmfr",
  name: "Wikimédia France",
  countries: ["FR"],
  languages: ["fr"],
  capabilities: ["images"],
});
const museum = partner({
  id: "staedel",
  name: "Städel Museum",
  summary: "Art museum in Frankfurt",
  asks: ["digitise 2,000 photographs"],
  links: [
    { label: "Case study", url: "https://example.org/case" },
    { label: "Bad", url: "javascript:alert(1)" },
  ],
  wikidata: "Q163804",
  interested: ["wmat"],
});
const interestedClaim = claim({
  id: 7,
  partner: "staedel",
  affiliate: "wmat",
  claimedBy: "Anna",
  message: "We have photographers",
});

function backend(...extra: Parameters<typeof fakeBackend>) {
  return fakeBackend(
    ...extra,
    on("GET", "/me", () => json(200, me("Ben", { affiliates: [{ affiliate: "wmde", status: "verified" }] }))),
    on("GET", /^\/partners\?/, () => json(200, { partners: [museum], total: 1, nextCursor: null })),
    on("GET", "/affiliates", () => json(200, { affiliates: [wmfr, wmat, wmde] })),
    on("GET", "/partners/staedel", () => json(200, detail(museum, [interestedClaim]))),
    on("GET", /^\/events\?partner=staedel/, () =>
      json(200, {
        last: 3,
        events: [
          {
            seq: 3,
            at: "2026-01-11T10:00:00Z",
            actor: "Anna",
            type: "claim.created",
            partner: "staedel",
            affiliate: "wmat",
            claim: 7,
            data: {},
          },
        ],
      }),
    ),
  );
}
const open = (f: ReturnType<typeof fakeBackend>, who = "Ben") =>
  renderApp({ fetch: f.fetch, session: who, hash: "#p=staedel", config: { directorySource: "backend" } });

describe("partner view", () => {
  it("shows the public facts, the interest, the history and the affiliates that fit", async () => {
    open(backend());
    expect(await screen.findByRole("heading", { name: /Städel Museum/ })).toBeTruthy();
    expect(screen.getByText("digitise 2,000 photographs")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Case study" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Bad" })).toBeNull();
    expect(await screen.findByText("Wikimedia Österreich")).toBeTruthy();
    expect(screen.getByText("We have photographers")).toBeTruthy();
    expect(await screen.findByText(sentence(/Interest shown by Anna/))).toBeTruthy();
    const fits = screen.getByRole("heading", { name: "Affiliates that fit" }).parentElement as HTMLElement;
    expect(within(fits).getByText("Wikimedia Deutschland")).toBeTruthy();
    expect(within(fits).queryByText("Wikimédia France")).toBeNull();
  });

  it("shows the private contact only when the API returns it", async () => {
    open(
      backend(
        on("GET", "/partners/staedel", () =>
          json(200, detail(museum, [], { name: "Dr. Kurz", email: "kurz@example.org", notes: "" })),
        ),
      ),
    );
    expect(await screen.findByText("kurz@example.org")).toBeTruthy();
  });

  it("without sign-in shows the mirror's summary of interest and a sign-in button, and contacts nobody", async () => {
    const f = fakeBackend();
    renderApp({
      fetch: f.fetch,
      hash: "#p=staedel",
      wiki: fakeWiki({ "Content Partnerships Hub/Directory.json": mirrorPage([museum], [wmat]) }),
    });
    expect(await screen.findByRole("heading", { name: /Städel Museum/ })).toBeTruthy();
    expect(screen.getByText("Wikimedia Österreich")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sign in to say your affiliate can take this partner" })).toBeTruthy();
    expect(screen.getByText("Sign in to see the history of this partner.")).toBeTruthy();
    expect(f.calls).toHaveLength(0);
  });
});

describe('"We can take this partner"', () => {
  it("offers the verified affiliate first, warns about the other affiliate, and shows the result at once", async () => {
    const after = detail({ ...museum, interested: ["wmat", "wmde"] }, [
      interestedClaim,
      claim({ id: 8, partner: "staedel", affiliate: "wmde", claimedBy: "Ben" }),
    ]);
    let claimed = false;
    const f = backend(
      on(
        "POST",
        "/partners/staedel/claims",
        () => ((claimed = true), json(201, { claim: after.claims[1], partner: after })),
      ),
      on("GET", "/partners/staedel", () => (claimed ? json(200, after) : undefined)),
    );
    const { store } = open(f);
    await userEvent.click(await screen.findByRole("button", { name: "We can take this partner" }));
    const dialog = await screen.findByRole("dialog", { name: "We can take Städel Museum" });
    expect(within(dialog).getByRole("alert").textContent).toContain(
      "Another affiliate is already talking to this partner: Wikimedia Österreich",
    );
    const select = within(dialog).getByLabelText("On behalf of") as HTMLSelectElement;
    expect(select.selectedOptions[0]?.textContent).toBe("Wikimedia Deutschland (you represent it)");
    expect([...select.options].map((o) => o.value)).not.toContain("wmat");
    await userEvent.type(within(dialog).getByLabelText("Message"), "We can photograph the collection");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send" }));
    expect(await screen.findByText("Done: Wikimedia Deutschland is now interested in this partner.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(f.calls.find((c) => c.method === "POST")?.body).toEqual({
      affiliate: "wmde",
      message: "We can photograph the collection",
    });
    expect(store.partners.value.find((p: { id: string }) => p.id === "staedel")?.interested).toEqual(["wmat", "wmde"]);
  });

  it.each([
    [
      "409 conflict",
      // Worded from the code and its parameters, names looked up and isolated: never the server's English.
      () =>
        apiError(409, "claim_conflict", "wmde already has an open claim", {
          claim: { affiliate: "wmde", status: "interested" },
        }),
      /^The claim of Wikimedia Deutschland on this partner is now “Interested”\. Nothing was overwritten/,
    ],
    [
      "403",
      () => apiError(403, "forbidden", "blocked users may not write"),
      /^You are not allowed to do this with your account\.$/,
    ],
    [
      "429",
      () => json(429, { error: { code: "rate_limited", message: "slow" } }, { "Retry-After": "30" }),
      /try again in 30 seconds/,
    ],
    [
      "network down",
      () => {
        throw new TypeError("Failed to fetch");
      },
      /cannot be reached/,
    ],
  ])("explains a %s and keeps the message typed", async (_, answer, text) => {
    open(backend(on("POST", "/partners/staedel/claims", answer)));
    await userEvent.click(await screen.findByRole("button", { name: "We can take this partner" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.type(within(dialog).getByLabelText("Message"), "Keep me");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send" }));
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole("alert")
          .some((a) => text.test(a.textContent ?? "")),
      ).toBe(true),
    );
    expect((within(dialog).getByLabelText("Message") as HTMLTextAreaElement).value).toBe("Keep me");
  });

  it("after a conflict, shows behind the dialog the claim that got there first", async () => {
    const won = claim({ id: 9, partner: "staedel", affiliate: "wmde", claimedBy: "Ben", message: "From another tab" });
    const after = detail({ ...museum, interested: ["wmat", "wmde"] }, [interestedClaim, won]);
    let refused = false;
    const f = backend(
      on("POST", "/partners/staedel/claims", () => {
        refused = true;
        return apiError(409, "claim_conflict", "wmde already has an open claim", {
          claim: { affiliate: "wmde", status: "interested" },
        });
      }),
      on("GET", "/partners/staedel", () => (refused ? json(200, after) : undefined)),
    );
    open(f);
    await userEvent.click(await screen.findByRole("button", { name: "We can take this partner" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.type(within(dialog).getByLabelText("Message"), "Keep me");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send" }));
    expect(await screen.findByText("From another tab")).toBeTruthy();
    expect(f.calls.filter((c) => c.method === "GET" && c.path === "/partners/staedel")).toHaveLength(2);
    expect((within(dialog).getByLabelText("Message") as HTMLTextAreaElement).value).toBe("Keep me");
    // Wikimedia Deutschland has claimed meanwhile: it is no longer offered, nor kept chosen.
    const select = within(dialog).getByLabelText("On behalf of") as HTMLSelectElement;
    expect(select.value).toBe("");
    expect([...select.options].map((o) => o.value)).not.toContain("wmde");
    expect((within(dialog).getByRole("button", { name: "Send" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("closes with Escape and returns focus", async () => {
    open(backend());
    const button = await screen.findByRole("button", { name: "We can take this partner" });
    await userEvent.click(button);
    await screen.findByRole("dialog");
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
