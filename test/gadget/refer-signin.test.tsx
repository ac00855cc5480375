import { screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { setSignInProvider } from "../../gadget/src/auth/session.ts";
import { installMessages } from "../../gadget/preview/mw-messages.ts";
import { mount } from "../../gadget/src/main.tsx";
import {
  apiError,
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

const referred = partner({ id: "new-museum", name: "New Museum" });
const base = () => [
  on("GET", "/me", () => json(200, me("Ben"))),
  on("GET", /^\/partners\?/, () => json(200, { partners: [], total: 0, nextCursor: null })),
  on("GET", "/affiliates", () => json(200, { affiliates: [] })),
  on("GET", "/partners/new-museum", () => json(200, detail(referred))),
  on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
];
const openForm = (f: ReturnType<typeof fakeBackend>) =>
  renderApp({ fetch: f.fetch, session: "Ben", hash: "#view=refer", config: { directorySource: "backend" } });

async function fillValid() {
  await userEvent.type(await screen.findByLabelText("Name of the institution"), "New Museum");
  // Pickers: a country typed by its name counts as chosen; languages are searched and picked with Enter.
  await userEvent.type(screen.getByLabelText("Country"), "Netherlands");
  await userEvent.type(screen.getByLabelText("Languages"), "Dutch{Enter}");
  await userEvent.type(screen.getByLabelText("Languages"), "engl{Enter}");
  await userEvent.click(screen.getByLabelText("Images"));
}

describe("refer a partner", () => {
  it("words the backend schema's issues on the fields and in the summary, and sends nothing", async () => {
    const f = fakeBackend(...base());
    openForm(f);
    await userEvent.type(await screen.findByLabelText("Country"), "XX");
    await userEvent.click(screen.getByRole("button", { name: "Refer this partner" }));
    expect(await screen.findByText("Please correct 4 fields marked below.")).toBeTruthy();
    expect(screen.getByText("Choose a country from the list.")).toBeTruthy();
    expect(screen.getByText("Country: Choose a country from the list.")).toBeTruthy();
    expect(screen.getByText("Name of the institution: Please fill this in.")).toBeTruthy();
    expect(screen.getByText("Languages: Choose at least one.")).toBeTruthy();
    expect(screen.getByText("Offers: Choose at least one.")).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/ISO 3166|must be|Too big|expected/);
    expect(f.calls.some((c) => c.method === "POST")).toBe(false);
    expect((screen.getByLabelText("Country") as HTMLInputElement).value).toBe("XX");
    // The summary at the top takes the focus, so that keyboard and screen-reader users land on it.
    await waitFor(() => expect(document.activeElement?.textContent).toContain("Please correct 4 fields marked below."));
  });

  it("refers a valid partner and opens it", async () => {
    const f = fakeBackend(
      on("POST", "/partners", () => json(201, detail(referred))),
      ...base(),
    );
    const { store } = openForm(f);
    await fillValid();
    await userEvent.click(screen.getByRole("button", { name: "Refer this partner" }));
    expect(await screen.findByRole("heading", { name: /New Museum/ })).toBeTruthy();
    expect(f.calls.find((c) => c.method === "POST")?.body).toMatchObject({
      name: "New Museum",
      country: "NL",
      languages: ["nl", "en"],
      offers: ["images"],
      wikidata: null,
    });
    expect(store.route.value).toMatchObject({ view: "partner", partner: "new-museum" });
  });

  it("puts the backend's 422 issues on the fields and keeps what was typed", async () => {
    const f = fakeBackend(
      on("POST", "/partners", () =>
        apiError(422, "validation_failed", "name: already referred", {
          issues: [{ path: "name", code: "too_big", origin: "string", maximum: 200, message: "must be at most 200" }],
        }),
      ),
      ...base(),
    );
    openForm(f);
    await fillValid();
    await userEvent.click(screen.getByRole("button", { name: "Refer this partner" }));
    expect(await screen.findByText("At most 200 characters.")).toBeTruthy();
    expect((screen.getByLabelText("Name of the institution") as HTMLInputElement).value).toBe("New Museum");
  });

  it("explains a network failure without losing the form", async () => {
    const f = fakeBackend(
      on("POST", "/partners", () => {
        throw new TypeError("Failed to fetch");
      }),
      ...base(),
    );
    openForm(f);
    await fillValid();
    await userEvent.click(screen.getByRole("button", { name: "Refer this partner" }));
    expect((await screen.findByRole("alert")).textContent).toContain("cannot be reached");
    expect(screen.getByText("Dutch")).toBeTruthy();
    expect(screen.getByText("English")).toBeTruthy();
  });
});

describe("sign-in and consent", () => {
  it("tells where the backend is before contacting it, then signs in", async () => {
    const f = fakeBackend(...base());
    let asked = "";
    setSignInProvider(async ({ username }) => {
      asked = username ?? "";
      return { token: "t", expiresAt: "2999-01-01T00:00:00Z", user: { id: "dev:Ben", name: "Ben", blocked: false } };
    });
    renderApp({
      fetch: f.fetch,
      wiki: fakeWiki({ "Content Partnerships Hub/Directory.json": mirrorPage([]) }),
      config: { devLogin: true, backendUrl: "https://partnerhub.example.org" },
    });
    await userEvent.click(await screen.findByRole("button", { name: "Sign in" }));
    expect((await screen.findByRole("dialog")).textContent).toContain("partnerhub.example.org");
    expect(f.calls).toHaveLength(0);
    await userEvent.type(screen.getByLabelText("Wiki user name"), "Ben");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText(sentence("Signed in as Ben"))).toBeTruthy();
    expect(asked).toBe("Ben");
    await waitFor(() => expect(f.calls.map((c) => c.path)).toContain("/me"));
    await userEvent.click(screen.getByRole("button", { name: "Sign out" }));
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
  });

  it("asks for the refer form only after sign-in", async () => {
    renderApp({ wiki: fakeWiki({ "Content Partnerships Hub/Directory.json": mirrorPage([]) }), hash: "#view=refer" });
    expect(await screen.findByText("Sign in to refer a partner.")).toBeTruthy();
  });

  it("hides sign-in where no backend is configured", async () => {
    renderApp({
      wiki: fakeWiki({ "Content Partnerships Hub/Directory.json": mirrorPage([]) }),
      config: { backendUrl: "" },
    });
    await screen.findByText("0 of 0 partners");
    expect(screen.queryByRole("button", { name: "Sign in" })).toBeNull();
  });
});

/** The wiki's answer for an empty mirror directory (its JSON index page). */
const emptyDirectoryAnswer = {
  query: {
    pages: [
      {
        title: "Content Partnerships Hub/Directory.json",
        revisions: [
          {
            slots: {
              main: {
                content: JSON.stringify({
                  generated: "2026-01-10T12:00:00.000Z",
                  lastEvent: 1,
                  partners: [],
                  affiliates: [],
                  parts: [],
                }),
              },
            },
          },
        ],
      },
    ],
  },
};

describe("mounting", () => {
  it("does nothing where the page has no mount point", async () => {
    document.body.innerHTML = "<div id='content'>A page</div>";
    expect(await mount(document)).toBe(false);
    expect(document.body.innerHTML).toBe("<div id='content'>A page</div>".replace(/'/g, '"'));
  });

  it("leaves the mirror's table in view, searchable, until the directory arrives, then takes its place", async () => {
    document.body.innerHTML = `<div id="partnerhub-app"></div><table class="wikitable sortable partnerhub-directory"><tr data-partner="a"><td>A</td></tr></table>`;
    const pending = () => new Promise(() => {});
    let answer: ((v: unknown) => void) | null = null;
    const stub = {
      config: { get: () => null },
      Api: class {
        get = () => new Promise((resolve) => (answer = resolve));
      },
      loader: { using: pending },
    };
    installMessages(stub, "en");
    vi.stubGlobal("mw", stub);
    try {
      expect(await mount(document)).toBe(true);
      const table = document.querySelector<HTMLElement>("table.partnerhub-directory")!;
      expect(await screen.findByRole("searchbox")).toBeTruthy();
      expect(table.style.display).toBe("");
      await waitFor(() => expect(answer).not.toBeNull());
      (answer as unknown as (v: unknown) => void)(emptyDirectoryAnswer);
      await waitFor(() => expect(table.style.display).toBe("none"));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("searches the mirror's rows and reads the directory before the user's language has arrived, then speaks it", async () => {
    document.body.innerHTML = `<div id="partnerhub-app"></div><table class="wikitable sortable partnerhub-directory"><tr data-partner="a"><td>Alpha</td></tr><tr data-partner="b"><td>Beta</td></tr></table>`;
    let reads = 0;
    const stub = {
      config: { get: (key: string) => (key === "wgUserLanguage" ? "de" : null) },
      Api: class {
        get = () => {
          reads++;
          return new Promise(() => {});
        };
      },
      loader: { using: () => new Promise(() => {}) },
    };
    installMessages(stub, "de");
    // The German module is held back until released: until then only English is registered.
    const loader = (stub as unknown as { loader: { using: (name: string) => Promise<unknown> } }).loader;
    const using = loader.using;
    let release = () => {};
    loader.using = (name) =>
      name.includes("partnerhub-i18n-")
        ? new Promise((resolve) => (release = () => resolve(using(name))))
        : using(name);
    vi.stubGlobal("mw", stub);
    try {
      const mounted = mount(document);
      const search = await screen.findByRole("searchbox", { name: "Search partners" });
      expect(reads).toBe(1);
      await userEvent.type(search, "beta");
      const shown = () => [...document.querySelectorAll<HTMLElement>("tr[data-partner]")].filter((r) => !r.hidden);
      expect(shown().map((r) => r.dataset.partner)).toEqual(["b"]);
      expect(screen.getByText("1 of 2 partners")).toBeTruthy();
      release();
      expect(await mounted).toBe(true);
      expect(await screen.findByRole("searchbox", { name: "Partner durchsuchen" })).toBe(search);
      expect((search as HTMLInputElement).value).toBe("beta");
      expect(screen.getByText("1 von 2 Partnern")).toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("folds the mirror's notice away once the directory is there (the table held still until then), still one click from being read", async () => {
    document.body.innerHTML = `<div class="partnerhub-mirror-notice">This page is generated</div><div id="partnerhub-app"></div>`;
    let answer: ((v: unknown) => void) | null = null;
    const stub = {
      config: { get: () => null },
      Api: class {
        get = () => new Promise((resolve) => (answer = resolve));
      },
      loader: { using: () => new Promise(() => {}) },
    };
    installMessages(stub, "en");
    vi.stubGlobal("mw", stub);
    try {
      expect(await mount(document)).toBe(true);
      expect(document.querySelector(".partnerhub-mirror-notice")?.parentElement?.tagName).toBe("BODY");
      await waitFor(() => expect(answer).not.toBeNull());
      (answer as unknown as (v: unknown) => void)(emptyDirectoryAnswer);
      await waitFor(() => expect(document.querySelector("details.partnerhub-mirror-notice-fold")).not.toBeNull());
      const fold = document.querySelector("details.partnerhub-mirror-notice-fold") as HTMLDetailsElement;
      expect(fold.open).toBe(false);
      expect(fold.querySelector("summary")?.textContent).toBe("About this page");
      expect(fold.querySelector(".partnerhub-mirror-notice")?.textContent).toBe("This page is generated");
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
