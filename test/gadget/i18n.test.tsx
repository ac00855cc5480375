/**
 * The gadget's messages: registered and formatted through `mw.message` (here the labelled test
 * stand-in of it; the end-to-end tests run MediaWiki's own), loaded along the user's fallback
 * chain before the first render, with text parameters isolated for bidi.
 */
import { render } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FORMS_ENGLISH } from "../../gadget/src/forms/i18n/index.ts";
import { englishMessages, loadLanguage, languageModule } from "../../gadget/src/i18n/index.ts";
import formsAr from "../../i18n/forms/ar.json";
import { pluralForm } from "../../gadget/preview/mw-messages.ts";
import { Message } from "../../gadget/src/components/Message.tsx";
import { testI18n } from "./fixtures.tsx";

afterEach(() => vi.unstubAllGlobals());

/** An mw whose loader knows `available` language modules and records what it loads, in order. */
function fakeMw(chain: string[], available: string[], using: (name: string) => Promise<unknown>) {
  const set: Array<Record<string, string>> = [];
  const loaded: string[] = [];
  vi.stubGlobal("mw", {
    messages: { set: (m: Record<string, string>) => set.push(m) },
    language: { getFallbackLanguageChain: () => chain },
    loader: {
      getState: (name: string) => (available.map(languageModule).includes(name) ? "registered" : null),
      using: (name: string) => {
        loaded.push(name);
        return using(name);
      },
    },
  });
  return { set, loaded };
}

describe("loading the user's language", () => {
  it("registers English, then loads the chain's modules least specific first, skipping missing ones", async () => {
    const { set, loaded } = fakeMw(["de-at", "de", "en"], ["de", "de-at"], () => Promise.resolve());
    await loadLanguage(1000);
    expect(set[0]).toEqual(englishMessages());
    expect(loaded).toEqual(["ext.gadget.partnerhub-i18n-de", "ext.gadget.partnerhub-i18n-de-at"]);
  });

  it("asks for nothing when the language has no module", async () => {
    const { loaded } = fakeMw(["xx", "en"], ["de"], () => Promise.resolve());
    await loadLanguage(1000);
    expect(loaded).toEqual([]);
  });

  it("gives up waiting after the bound, so a module that never arrives cannot keep the app away", async () => {
    vi.useFakeTimers();
    try {
      fakeMw(["ar", "en"], ["ar"], () => new Promise(() => {}));
      let done = false;
      const waiting = loadLanguage(3000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(2999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("carries on with the rest of the chain when one module fails", async () => {
    const { loaded } = fakeMw(["de-at", "de", "en"], ["de", "de-at"], (name) =>
      name.endsWith("-de") ? Promise.reject(new Error("dependency error")) : Promise.resolve(),
    );
    await loadLanguage(1000);
    expect(loaded).toEqual(["ext.gadget.partnerhub-i18n-de", "ext.gadget.partnerhub-i18n-de-at"]);
  });
});

describe("messages", () => {
  it("formats through mw.message, in the user's language and its fallback", () => {
    expect(testI18n("de").t("partnerhub-signin")).toBe("Anmelden");
    expect(testI18n("de-at").t("partnerhub-signin")).toBe("Anmelden");
    expect(testI18n("xx").t("partnerhub-signin")).toBe("Sign in");
  });

  it("fills parameters, writes numbers the language's way and picks plural forms", () => {
    const t = testI18n("en").t;
    expect(t("partnerhub-result-count", 1, 1)).toBe("1 of 1 partner");
    expect(t("partnerhub-result-count", 1200, 5000)).toBe("1,200 of 5,000 partners");
    expect(t("partnerhub-row-interested", 0)).toBe("No affiliate interested yet");
    expect(pluralForm("ar", 2, ["zero", "one", "two", "few", "many", "other"])).toBe("two");
    expect(pluralForm("ar", 11, ["zero", "one", "two", "few", "many", "other"])).toBe("many");
  });

  it("isolates each text parameter in <bdi>, leaving numbers in the sentence", () => {
    const i18n = testI18n("ar");
    const { container } = render(<p>{i18n.bdi("partnerhub-claim-warning-interested", "Wikimedia Deutschland", 1)}</p>);
    const bdi = container.querySelectorAll("bdi");
    expect([...bdi].map((b) => b.textContent)).toEqual(["Wikimedia Deutschland"]);
    expect(container.textContent).toContain("Wikimedia Deutschland");
    expect(container.textContent).not.toMatch(/[\uE000\uE001]/);
  });

  it("registers the forms module's English when it loads, under the translations its language module set", () => {
    const ar = testI18n("ar");
    // The Arabic language module (here, its stand-in) already carries the forms module's translations.
    expect(ar.t("partnerhub-admin-coordinators")).toBe(formsAr["partnerhub-admin-coordinators"]);
    ar.add(FORMS_ENGLISH);
    expect(ar.t("partnerhub-admin-coordinators")).toBe(formsAr["partnerhub-admin-coordinators"]);
    const xx = testI18n("xx");
    expect(xx.has("partnerhub-admin-coordinators")).toBe(false);
    xx.add(FORMS_ENGLISH);
    expect(xx.t("partnerhub-admin-coordinators")).toBe("Coordinators");
  });

  it("knows Arabic is right-to-left", () => {
    expect(testI18n("ar").dir).toBe("rtl");
    expect(testI18n("de").dir).toBe("ltr");
  });
});

describe("lists", () => {
  it("joins items the language's own way", () => {
    expect(testI18n("en").list(["Images", "Data", "Texts"])).toBe("Images, Data, and Texts");
    expect(testI18n("de").list(["Bilder", "Daten"])).toBe("Bilder und Daten");
    expect(testI18n("ar").list(["صور", "بيانات"])).toContain(" و");
  });
});

describe("message icons", () => {
  // Codex's Arabic notice icon (`.cdx-message .cdx-message__icon:lang(ar)`) outranks the other types' icons.
  it("carry no language except the notice's, so an Arabic error still shows the error icon", () => {
    const { container } = render(
      <>
        <Message type="error">x</Message>
        <Message type="warning">x</Message>
        <Message type="success">x</Message>
        <Message>x</Message>
      </>,
    );
    const langs = [...container.querySelectorAll(".cdx-message__icon")].map((i) => i.getAttribute("lang"));
    expect(langs).toEqual(["zxx", "zxx", "zxx", null]);
  });
});
