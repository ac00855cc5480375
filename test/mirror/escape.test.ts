import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeText, isSafeLinkTarget, wikiLink } from "../../worker/mirror/escape.ts";

/** What a reader sees: nowiki content with its character references decoded. */
function shown(wikitext: string): string {
  return wikitext
    .replace(/<br \/>/g, "\n")
    .replace(/<\/?nowiki>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#32;/g, " ")
    .replace(/&amp;/g, "&");
}

describe("escapeText", () => {
  it("wraps text in nowiki and writes & < > as references", () => {
    expect(escapeText("a | b}} & <b>")).toBe("<nowiki>a | b}} &amp; &lt;b&gt;</nowiki>");
  });

  it("cannot be closed early by a </nowiki> in the text", () => {
    expect(escapeText("x</nowiki>[[Category:Y]]<nowiki>")).toBe(
      "<nowiki>x&lt;/nowiki&gt;[[Category:Y]]&lt;nowiki&gt;</nowiki>",
    );
  });

  it("joins lines with <br /> so no user text starts a line", () => {
    expect(escapeText("one\n* two\r\n----")).toBe(
      "<nowiki>one</nowiki><br /><nowiki>* two</nowiki><br /><nowiki>----</nowiki>",
    );
  });

  it("replaces DEL and other control characters, so no strip marker can be forged", () => {
    expect(escapeText("\u007f'\"`UNIQ--nowiki-00000000-QINU`\"'\u007f")).not.toContain("\u007f");
  });

  it("keeps a space before : ; ! ? as typed (French spacing would make it a no-break space)", () => {
    expect(escapeText("term : def ?")).toBe("<nowiki>term&#32;: def&#32;?</nowiki>");
  });

  it("returns nothing for empty text", () => {
    expect(escapeText("")).toBe("");
  });

  it("for any text: only nowiki runs and <br />, and a reader sees the text as typed", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const out = escapeText(s);
        expect(out).toMatch(/^(?:<nowiki>[^<>]*<\/nowiki>|<br \/>)*$/);
        expect(out.replace(/&(?:amp|lt|gt|#32);/g, "")).not.toContain("&");
        const expected = s
          .replace(/\r\n?/g, "\n")
          .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, "\uFFFD");
        expect(shown(out)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("wikiLink", () => {
  it("links with a leading colon so categories and files stay links", () => {
    expect(wikiLink("Category:Foo", "Foo")).toBe("[[:Category:Foo|<nowiki>Foo</nowiki>]]");
  });

  it("shows unsafe targets as text", () => {
    for (const target of [
      "A]]B",
      "x|y",
      "{{t}}",
      "a~~~~",
      "http://evil.example",
      "/sub",
      "../up",
      ":x",
      "a&amp;b",
      "a\nb",
      "",
    ]) {
      expect(isSafeLinkTarget(target), target).toBe(false);
      expect(wikiLink(target, "L")).not.toContain("[[");
    }
  });

  it("never makes the pipe trick from an empty label", () => {
    expect(wikiLink("Wikimedia CZ", "")).toBe("[[:Wikimedia CZ|<nowiki>Wikimedia CZ</nowiki>]]");
  });
});
