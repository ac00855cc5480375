import { describe, expect, it } from "vitest";
import { PARTNER_KINDS } from "../../shared/vocabulary.ts";
import en from "../../i18n/en.json" with { type: "json" };
import { escapeText } from "../../worker/mirror/escape.ts";
import { label } from "../../worker/mirror/labels.ts";

describe("the mirror's labels", () => {
  it("are the gadget's English messages, key for key", () => {
    const messages = en as unknown as Record<string, string>;
    for (const kind of PARTNER_KINDS) expect(label("kind", kind)).toBe(messages[`partnerhub-kind-${kind}`]);
    expect(label("funding", "none")).toBe(messages["partnerhub-funding-none"]);
    expect(label("claim-status", "lead")).toBe(messages["partnerhub-claim-status-lead"]);
  });

  it("show an unknown value escaped, never as wikitext", () => {
    expect(label("kind", "[[Evil]]")).toBe(escapeText("[[Evil]]"));
    expect(label("stage", "''bold''")).toBe(escapeText("''bold''"));
    expect(label("stage", "plain words")).toBe("plain words");
  });
});
