/**
 * The referral form's Wikidata look-up, against the test-only stand-in of Wikidata's API
 * (tools/wikidata/) on loopback: the items a typed name may be, in the user's language;
 * choosing one fills the form and the duplicate check runs on its id; Wikidata down leaves the
 * form as typed, with a notice.
 */
import { get } from "node:http";
import { screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WikiApi } from "../../gadget/src/api/directory-source.ts";
import { startWikidataStandIn, type WikidataStandIn } from "../../tools/wikidata/standin.ts";
import { detail, fakeBackend, json, me, on, partner, renderApp } from "./fixtures.tsx";

/** What `mw.ForeignApi` does for an anonymous GET: the parameters, `origin=*`, JSON back. */
const foreignApi = async (apiUrl: string): Promise<WikiApi> => ({
  get: (params) =>
    new Promise((resolve, reject) => {
      const query = new URLSearchParams({
        ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
        origin: "*",
      });
      get(`${apiUrl}?${query}`, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve(JSON.parse(body)));
      }).on("error", reject);
    }),
});

let wikidata: WikidataStandIn;
beforeAll(async () => {
  wikidata = await startWikidataStandIn();
});
afterAll(() => wikidata.stop());

const referred = partner({ id: "louvre-museum", name: "Louvre Museum" });
const backend = (duplicates: (query: string) => unknown[] = () => []) =>
  fakeBackend(
    on("GET", "/me", () => json(200, me("Ben"))),
    on("GET", /^\/partners\?/, () => json(200, { partners: [], total: 0, nextCursor: null })),
    on("GET", "/affiliates", () => json(200, { affiliates: [] })),
    (req) =>
      req.method === "GET" && req.path.startsWith("/partners/duplicates?")
        ? json(200, { candidates: duplicates(req.path) })
        : undefined,
    on("POST", "/partners", () => json(201, detail(referred))),
    on("GET", "/partners/louvre-museum", () => json(200, detail(referred))),
    on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
  );
const openForm = (f: ReturnType<typeof fakeBackend>, o: { lang?: string; api?: string } = {}) =>
  renderApp({
    fetch: f.fetch,
    session: "Ben",
    hash: "#view=refer",
    lang: o.lang,
    foreignApi,
    config: { directorySource: "backend", wikidataApi: o.api ?? wikidata.apiUrl },
  });
const says = (text: string) => waitFor(() => expect(document.body.textContent).toContain(text));
const field = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;

describe("the Wikidata look-up in the referral form", () => {
  it("offers the items a typed name may be and fills the form from the chosen one", async () => {
    const f = backend();
    openForm(f);
    wikidata.requests.length = 0;
    await userEvent.type(await screen.findByLabelText("Name of the institution"), "Louvre");
    const choice = await screen.findByRole("button", {
      name: /Louvre Museum — art museum in Paris, France \(Q19675\)/,
    });
    expect(wikidata.requests.filter((r) => r.action === "wbsearchentities").map((r) => r.params)).toEqual([
      expect.objectContaining({ search: "Louvre", language: "en", uselang: "en", type: "item", origin: "*" }),
    ]);
    await userEvent.click(choice);
    await says("Filled in from Wikidata (Q19675).");
    expect(field("Name of the institution").value).toBe("Louvre Museum");
    expect(field(/^Wikidata item/).value).toBe("Q19675");
    expect(field(/^Website/).value).toBe("https://www.louvre.fr/");
    expect((screen.getByLabelText("Kind") as HTMLSelectElement).value).toBe("museum");
    // The country came from the country's own item (P297), and the duplicate check ran on the item.
    await waitFor(() =>
      expect(f.calls.some((c) => c.path.includes("/partners/duplicates?") && c.path.includes("wikidata=Q19675"))).toBe(
        true,
      ),
    );
    await userEvent.type(screen.getByLabelText("Languages"), "fr{Enter}");
    await userEvent.click(screen.getByLabelText("Images"));
    await userEvent.click(screen.getByRole("button", { name: "Refer this partner" }));
    await waitFor(() => expect(f.calls.some((c) => c.method === "POST")).toBe(true));
    expect(f.calls.find((c) => c.method === "POST")?.body).toMatchObject({
      name: "Louvre Museum",
      wikidata: "Q19675",
      website: "https://www.louvre.fr/",
      country: "FR",
      kind: "museum",
    });
  });

  it("searches in the user's language and shows the label in it", async () => {
    openForm(backend(), { lang: "de" });
    wikidata.requests.length = 0;
    await userEvent.type(await screen.findByLabelText("Name der Einrichtung"), "Louvre");
    expect(await screen.findByRole("button", { name: /Louvre — Kunstmuseum in Paris \(Q19675\)/ })).toBeTruthy();
    expect(wikidata.requests.at(-1)?.params).toMatchObject({ language: "de", uselang: "de" });
  });

  it("is asked in Wikidata's own answer format: a Czech-only label is a match in Czech, with no display label", async () => {
    const api = await foreignApi(wikidata.apiUrl);
    const answer = (await api.get({
      action: "wbsearchentities",
      search: "Muzeum Českého",
      language: "en",
      format: "json",
    })) as {
      search: Record<string, unknown>[];
    };
    expect(answer.search).toEqual([
      expect.objectContaining({
        id: "Q130000002",
        display: {},
        match: { type: "label", language: "cs", text: "Muzeum Českého ráje v Turnově" },
        aliases: ["Muzeum Českého ráje v Turnově"],
      }),
    ]);
    expect(answer.search[0]).not.toHaveProperty("label");
  });

  it("shows the Czech label of an item labelled only in Czech, marked as Czech", async () => {
    openForm(backend());
    await userEvent.type(await screen.findByLabelText("Name of the institution"), "Muzeum Českého");
    const choice = await screen.findByRole("button", { name: /Muzeum Českého ráje v Turnově/ });
    expect(within(choice).getByText("Muzeum Českého ráje v Turnově").getAttribute("lang")).toBe("cs");
    await userEvent.click(choice);
    await says("Filled in from Wikidata (Q130000002).");
    expect(field("Name of the institution").value).toBe("Muzeum Českého ráje v Turnově");
  });

  it("keeps the website as typed for an item without one, and takes the kind from the item's class", async () => {
    openForm(backend());
    await userEvent.type(await screen.findByLabelText(/^Website/), "https://gbp.example");
    await userEvent.type(screen.getByLabelText("Name of the institution"), "Pawłowice");
    await userEvent.click(await screen.findByRole("button", { name: /Pawłowice Public Library/ }));
    await says("Filled in from Wikidata (Q130000001).");
    expect(field(/^Website/).value).toBe("https://gbp.example");
    expect((screen.getByLabelText("Kind") as HTMLSelectElement).value).toBe("library");
    expect(field(/^Wikidata item/).value).toBe("Q130000001");
  });

  it("catches a chosen item that is already in the directory before anything is sent", async () => {
    const f = backend((path) =>
      path.includes("wikidata=Q23308") ? [{ id: "british-library", name: "British Library", why: ["wikidata"] }] : [],
    );
    openForm(f);
    await userEvent.type(await screen.findByLabelText("Name of the institution"), "British Lib");
    await userEvent.click(await screen.findByRole("button", { name: /British Library/ }));
    await says("Filled in from Wikidata (Q23308).");
    expect(await screen.findByText(/This Wikidata item is already in the directory/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "British Library" })).toBeTruthy();
    expect(f.calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("says so when Wikidata cannot be reached, and loses nothing typed", async () => {
    const gone = await startWikidataStandIn();
    await gone.stop();
    openForm(backend(), { api: gone.apiUrl });
    await userEvent.type(await screen.findByLabelText("Name of the institution"), "Louvre Museum");
    expect(await screen.findByText(/Wikidata cannot be reached right now/)).toBeTruthy();
    expect(field("Name of the institution").value).toBe("Louvre Museum");
    expect(field(/^Wikidata item/).value).toBe("");
  });
});
