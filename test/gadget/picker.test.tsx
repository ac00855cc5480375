/**
 * The referral form's country and language pickers: searchable by the name in the user's
 * language, in English or by code, keyboard-operable as a combobox with a listbox, showing whole
 * names ("مصر", not "مص") and sending ISO 3166-1 / BCP 47 codes.
 */
import { screen, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { detail, fakeBackend, json, me, on, partner, renderApp } from "./fixtures.tsx";

const referred = partner({ id: "new-museum", name: "New Museum" });
const backend = () =>
  fakeBackend(
    on("POST", "/partners", () => json(201, detail(referred))),
    on("GET", "/me", () => json(200, me("Ben"))),
    on("GET", /^\/partners\?/, () => json(200, { partners: [], total: 0, nextCursor: null })),
    on("GET", "/affiliates", () => json(200, { affiliates: [] })),
    on("GET", "/partners/new-museum", () => json(200, detail(referred))),
    on("GET", /^\/events/, () => json(200, { events: [], last: 0 })),
  );
const open = (lang: string) => {
  const f = backend();
  renderApp({ fetch: f.fetch, session: "Ben", hash: "#view=refer", config: { directorySource: "backend" }, lang });
  return f;
};

describe("country and language pickers", () => {
  it("finds a country by its Arabic name, shows it whole, and sends its code", async () => {
    const f = open("ar");
    const country = (await screen.findByRole("combobox", { name: "البلد" })) as HTMLInputElement;
    await userEvent.type(country, "مص");
    expect(country.getAttribute("aria-expanded")).toBe("true");
    const list = screen.getByRole("listbox");
    expect(within(list).getByRole("option", { name: "مصر" })).toBeTruthy();
    await userEvent.type(country, "ر{Enter}");
    expect(country.value).toBe("مصر");
    expect(country.hasAttribute("maxlength")).toBe(false);
    expect(country.getAttribute("aria-expanded")).toBe("false");

    await userEvent.type(screen.getByRole("combobox", { name: "اللغات" }), "العربية{Enter}");
    await userEvent.type(screen.getByRole("textbox", { name: "اسم المؤسسة" }), "متحف");
    await userEvent.click(screen.getByRole("checkbox", { name: "صور" }));
    await userEvent.click(screen.getByRole("button", { name: "اقترح هذا الشريك" }));
    await screen.findByRole("heading", { name: /New Museum/ });
    expect(f.calls.find((c) => c.method === "POST")?.body).toMatchObject({ country: "EG", languages: ["ar"] });
  });

  it("moves through the options with the arrow keys and closes with Escape", async () => {
    open("en");
    const country = (await screen.findByRole("combobox", { name: "Country" })) as HTMLInputElement;
    await userEvent.type(country, "guinea");
    const options = within(screen.getByRole("listbox")).getAllByRole("option");
    // A whole name first, then names that start with the text, then the others, each alphabetically.
    expect(options.map((o) => o.textContent)).toEqual([
      "Guinea",
      "Guinea-Bissau",
      "Equatorial Guinea",
      "Papua New Guinea",
    ]);
    await userEvent.keyboard("{ArrowDown}");
    expect(country.getAttribute("aria-activedescendant")).toBe(options[1]?.id);
    expect(options[1]?.getAttribute("aria-selected")).toBe("true");
    await userEvent.keyboard("{Escape}");
    expect(country.getAttribute("aria-expanded")).toBe("false");
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(country.value).toBe("Guinea-Bissau");
  });

  it("finds a language by its English name or code in German, and removes a chosen one", async () => {
    open("de");
    const languages = await screen.findByRole("combobox", { name: "Sprachen" });
    await userEvent.type(languages, "dutch{Enter}");
    await userEvent.type(languages, "fr{Enter}");
    const chips = () => [...document.querySelectorAll(".partnerhub-languages__chip bdi")].map((b) => b.textContent);
    expect(chips()).toEqual(["Niederländisch", "Französisch"]);
    await userEvent.click(screen.getByRole("button", { name: "Niederländisch entfernen" }));
    expect(chips()).toEqual(["Französisch"]);
  });

  it("keeps what was typed when it names no country, and says so in words", async () => {
    open("en");
    const country = (await screen.findByRole("combobox", { name: "Country" })) as HTMLInputElement;
    await userEvent.type(country, "Atlantis");
    expect(screen.getByText("Nothing matches.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Refer this partner" }));
    expect(await screen.findByText("Country: Choose a country from the list.")).toBeTruthy();
    expect(country.value).toBe("Atlantis");
    expect(country.getAttribute("aria-invalid")).toBe("true");
  });
});
