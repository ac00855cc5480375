/**
 * Errors in words: every validation issue the referral schema can raise, and every API error,
 * worded from codes, limits and parameters in the user's language, never the server's English;
 * field names are the form's own labels.
 */
import { render } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../shared/api.ts";
import { validateReferral } from "../../gadget/src/forms/validate-referral.ts";
import { errorText, wordIssuesWith, type ErrorFacts } from "../../gadget/src/i18n/errors.ts";
import { issueLine, issueText } from "../../gadget/src/i18n/issues.ts";

wordIssuesWith(issueLine);
import { testI18n } from "./fixtures.tsx";

const valid = {
  name: "Städel Museum",
  kind: "museum",
  country: "DE",
  languages: ["de"],
  offers: ["images"],
  funding: "none",
};
/** The issues of a referral with `change` applied, worded in `lang`. */
function worded(lang: string, change: Record<string, unknown>): string[] {
  const check = validateReferral({ ...valid, ...change });
  if (check.ok) throw new Error("expected the referral to be refused");
  const i18n = testI18n(lang);
  return check.issues.map((i) => issueLine(i18n, i));
}

describe("validation issues", () => {
  it.each([
    [{ name: "" }, "Name of the institution: Please fill this in."],
    [{ name: "x".repeat(201) }, "Name of the institution: At most 200 characters."],
    [{ name: "Two\nlines" }, "Name of the institution: Write this on one line, without control characters."],
    [{ country: "XX" }, "Country: Choose a country from the list."],
    [{ languages: [] }, "Languages: Choose at least one."],
    [
      { languages: Array.from({ length: 21 }, (_, i) => `a${String.fromCharCode(97 + i)}`) },
      "Languages: At most 20 languages.",
    ],
    [{ languages: ["Deutsch"] }, "Languages: Choose a language from the list."],
    [{ languages: ["de", "de"] }, "Languages: Name each value only once."],
    [{ offers: [] }, "Offers: Choose at least one."],
    [{ kind: "zoo" }, "Kind: Choose one of the options."],
    [{ wikidata: "190804" }, "Wikidata item: Enter a Wikidata item id such as Q190804."],
    [
      { contact: { name: "", email: "nobody", notes: "" } },
      "Contact e-mail: Enter an e-mail address such as name@example.org.",
    ],
    [{ asks: Array.from({ length: 21 }, () => "digitise") }, "What they would like to do: At most 20 lines."],
    [
      { links: [{ label: "Site", url: "ftp://example.org" }] },
      "Links: Enter a web address that starts with https:// or http://.",
    ],
  ])("words %j as %j", (change, line) => {
    expect(worded("en", change)).toContain(line);
  });

  it("words them in German and Arabic, with the limit written the language's way", () => {
    const many = { languages: Array.from({ length: 21 }, (_, i) => `a${String.fromCharCode(97 + i)}`) };
    expect(worded("de", many)).toContain("Sprachen: Höchstens 20 Sprachen.");
    expect(worded("de", { country: "XX" })).toContain("Land: Wähle ein Land aus der Liste.");
    const ar = [...worded("ar", many), ...worded("ar", { country: "XX", name: "" })];
    expect(ar).toContain("البلد: اختر بلدًا من القائمة.");
    for (const line of ar) expect(line, line).not.toMatch(/[A-Za-z]/);
  });

  it("falls back to a general sentence for an issue it has no words for", () => {
    expect(issueText(testI18n("en"), { path: "x", code: "not_a_zod_code", message: "odd" })).toBe(
      "This is not in the expected form.",
    );
  });
});

const facts = (over: Partial<ErrorFacts>): ErrorFacts => ({
  code: "internal",
  status: 500,
  params: {},
  issues: [],
  retryAfter: null,
  ...over,
});
const names = {
  affiliate: (id: string) => (id === "wmde" ? "Wikimedia Deutschland" : id),
  claimStatus: (s: string) => `[${s}]`,
  partnerStatus: (s: string) => `[${s}]`,
};

describe("API errors", () => {
  it("has words for every code the API can answer, in English, German and Arabic", () => {
    for (const lang of ["en", "de", "ar"]) {
      const i18n = testI18n(lang);
      for (const code of ERROR_CODES) {
        const text = render(<p>{errorText(i18n, facts({ code }), names)}</p>).container.textContent ?? "";
        expect(text, `${lang} ${code}`).not.toMatch(/⧼|partnerhub-/);
        expect(text.length, `${lang} ${code}`).toBeGreaterThan(10);
      }
    }
  });

  it("words a claim conflict from its parameters, the affiliate's name isolated for bidi", () => {
    const i18n = testI18n("ar");
    const { container } = render(
      <p>{errorText(i18n, facts({ code: "claim_conflict", params: { affiliate: "wmde", status: "lead" } }), names)}</p>,
    );
    expect(container.querySelector("bdi")?.textContent).toBe("Wikimedia Deutschland");
    expect(container.textContent).toContain("«[lead]»");
  });

  it("lists validation issues with the form's field names", () => {
    const text = errorText(
      testI18n("en"),
      facts({
        code: "validation_failed",
        issues: [{ path: "message", code: "too_big", origin: "string", maximum: 5000, message: "too long" }],
      }),
      names,
    );
    expect(text.join("")).toBe("Please check what you entered: Message: At most 5,000 characters.");
  });

  it("waits as long as the server asks", () => {
    const text = errorText(testI18n("de"), facts({ code: "rate_limited", retryAfter: 1 }), names);
    expect(text.join("")).toBe("Zu viele Änderungen auf einmal. Bitte versuche es in 1 Sekunde erneut.");
  });
});
