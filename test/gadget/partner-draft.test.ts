/**
 * The partner editor's draft: its fields come from the shared `PartnerPatch` schema, so that an
 * edit sends exactly the fields the backend takes, and only those the user changed.
 */
import { describe, expect, it } from "vitest";
import { draftFromPartner, patchFor, rebase } from "../../gadget/src/forms/partner-draft.ts";
import { EDITABLE_FIELDS, PartnerPatch } from "../../shared/schemas.ts";
import { detail, partner } from "./fixtures.tsx";

const stored = detail(partner({ id: "draft-museum", name: "Draft Museum", summary: "Old words." }), [], {
  name: "Erika",
  email: "erika@example.org",
  notes: "",
});

describe("the partner editor's draft", () => {
  it("edits exactly the fields PATCH /partners/{id} takes, the contact among them", () => {
    expect(EDITABLE_FIELDS).toEqual(Object.keys(PartnerPatch.shape));
    expect(EDITABLE_FIELDS).toContain("contact");
    expect(EDITABLE_FIELDS).not.toContain("id");
  });

  it("sends only the changed fields, and a body the schema accepts", () => {
    const base = draftFromPartner(stored);
    const patch = patchFor(base, { ...base, summary: "New words.", asks: "scan maps\nrecord oral histories" }, true);
    expect(patch).toEqual({ summary: "New words.", asks: ["scan maps", "record oral histories"] });
    expect(PartnerPatch.safeParse(patch).success).toBe(true);
  });

  it("leaves the contact out for someone who may not see it", () => {
    const base = draftFromPartner(stored);
    expect(patchFor(base, { ...base, contactNotes: "call first" }, false)).toEqual({});
  });

  it("keeps the user's change over another's and names a field both changed differently", () => {
    const base = draftFromPartner(stored);
    const mine = { ...base, summary: "Mine.", name: "Draft Museum of Maps" };
    const theirs = { ...base, summary: "Theirs.", country: "AT" };
    const { merged, conflicts } = rebase(base, mine, theirs);
    expect(conflicts).toEqual(["summary"]);
    expect(merged).toMatchObject({ summary: "Mine.", name: "Draft Museum of Maps", country: "AT" });
  });
});
